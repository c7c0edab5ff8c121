CREATE TABLE t (id integer);

CREATE FUNCTION public.big() RETURNS text
    LANGUAGE plpgsql
    AS $_$
BEGIN
FILL
