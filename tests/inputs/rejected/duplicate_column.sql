-- a column named twice: column "a" specified more than once
CREATE TABLE t (
    a integer,
    b text,
    a integer
);
