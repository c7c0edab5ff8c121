-- An inherited column is not renamed on the child alone.
CREATE TABLE m (k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
ALTER TABLE m1 RENAME COLUMN v TO w;
