-- a parent must exist
CREATE TABLE t (a integer);
CREATE TABLE child (b integer) INHERITS (nope);
