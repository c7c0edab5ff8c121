-- a table whose row type a composite stored in a column holds, renamed: still refused under its new name
CREATE TABLE addr (street text, zip int);
CREATE TYPE c AS (a addr, n int);
CREATE TABLE t (v c);
ALTER TABLE addr RENAME TO address;
ALTER TABLE address ALTER COLUMN zip TYPE bigint;
