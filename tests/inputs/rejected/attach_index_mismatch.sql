-- an index attached to a partitioned index must match it, and be on one of its table's partitions
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX m_v ON ONLY m (v);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX m_2024_id ON m_2024 (id);
ALTER INDEX m_v ATTACH PARTITION m_2024_id;
