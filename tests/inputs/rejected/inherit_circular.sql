-- ALTER TABLE ... INHERIT must not close a cycle
CREATE TABLE a (x integer);
CREATE TABLE c () INHERITS (a);
ALTER TABLE a INHERIT c;
