-- a partition's copy of its parent's primary key (named the partition's way) cannot be dropped on its own
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE m_2024 DROP CONSTRAINT m_2024_pkey;
