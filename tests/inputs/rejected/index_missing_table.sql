-- an index on a table that does not exist
CREATE TABLE t (id integer);
CREATE INDEX u_id_idx ON u (id);
