-- ALTER FUNCTION ... SET gives a setting that takes one value two
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
ALTER FUNCTION f() SET statement_timeout TO 5, 6;
