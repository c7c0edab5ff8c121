-- A view's column is not renamed to the name of another of its columns.
CREATE TABLE t (id int, a int);
CREATE VIEW v AS SELECT id, a FROM t;
ALTER VIEW v RENAME COLUMN id TO a;
