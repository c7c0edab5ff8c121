-- the same table created twice
CREATE TABLE t (id integer);

CREATE TABLE t (id integer);
