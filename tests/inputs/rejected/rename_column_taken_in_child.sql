-- A column is not renamed to a name a child of its table already has.
CREATE TABLE p (a int, b int);
CREATE TABLE c (x int) INHERITS (p);
ALTER TABLE p RENAME COLUMN a TO x;
