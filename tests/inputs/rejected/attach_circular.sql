-- a partitioned table cannot become a partition of its own partition
CREATE TABLE p (x integer) PARTITION BY LIST (x);
CREATE TABLE q PARTITION OF p FOR VALUES IN (1) PARTITION BY LIST (x);
ALTER TABLE q ATTACH PARTITION p FOR VALUES IN (1);
