-- an ALTER of a table that does not exist
CREATE TABLE t (id integer);
ALTER TABLE u ADD COLUMN name text;
