-- A function is not renamed to a name another routine with its arguments has.
CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
CREATE PROCEDURE g(int) LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION f(int) RENAME TO g;
