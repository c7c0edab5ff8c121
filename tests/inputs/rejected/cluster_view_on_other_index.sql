-- ALTER TABLE ... CLUSTER ON naming an index of another relation than the materialized view
CREATE TABLE base (a integer);
CREATE INDEX base_a ON base (a);
CREATE MATERIALIZED VIEW mv AS SELECT a FROM base;
ALTER TABLE mv CLUSTER ON base_a;
