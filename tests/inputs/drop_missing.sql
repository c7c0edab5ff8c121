-- a DROP of something missing, as pg_dump --clean without --if-exists writes it: psql goes past it
DROP FUNCTION public.gone(integer);
DROP TABLE public.nothing;
CREATE TABLE t (id integer);
