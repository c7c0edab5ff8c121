-- an index on a column that does not exist
CREATE TABLE t (id integer);
CREATE INDEX t_x_idx ON t (x);
