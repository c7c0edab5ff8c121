-- A setting that takes one value is given two in a function's SET clause
CREATE TABLE t (id int);
CREATE FUNCTION f() RETURNS int LANGUAGE sql SET work_mem TO '1MB', '2MB' AS 'select 1';
