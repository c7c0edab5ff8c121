-- A column its children inherit is not renamed on the parent alone (ONLY).
CREATE TABLE p (a int, b int);
CREATE TABLE c (x int) INHERITS (p);
ALTER TABLE ONLY p RENAME COLUMN a TO a2;
