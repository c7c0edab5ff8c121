-- a column in the index the replica identity uses keeps NOT NULL until the identity moves
CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL);
CREATE UNIQUE INDEX t_v ON t (v);
ALTER TABLE t REPLICA IDENTITY USING INDEX t_v;
ALTER TABLE t ALTER COLUMN v DROP NOT NULL;
