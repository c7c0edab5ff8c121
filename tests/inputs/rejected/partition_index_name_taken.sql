-- an index on a partitioned table (without ONLY) makes one on each partition, named by the server: the name is taken
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX ON m (v);
CREATE INDEX m_2024_v_idx ON m_2024 (v);
