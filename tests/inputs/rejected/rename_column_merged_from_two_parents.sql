-- A column a child merges from two parents is not renamed through one of them.
CREATE TABLE p1 (a int);
CREATE TABLE p2 (a int);
CREATE TABLE c () INHERITS (p1, p2);
ALTER TABLE p1 RENAME COLUMN a TO z;
