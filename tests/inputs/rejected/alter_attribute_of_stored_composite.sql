-- a composite type a column stores: attributes may come and go, but not change type
CREATE TABLE addr (street text, zip int);
CREATE TYPE c AS (a addr, n int);
CREATE TABLE t (v c);
ALTER TYPE c ADD ATTRIBUTE m int, DROP ATTRIBUTE n;
ALTER TYPE c ALTER ATTRIBUTE m TYPE bigint;
