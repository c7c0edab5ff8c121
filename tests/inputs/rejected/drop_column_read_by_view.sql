-- A column a view reads is not dropped without CASCADE.
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE VIEW v AS SELECT id, a FROM t;
ALTER TABLE t DROP COLUMN a;
