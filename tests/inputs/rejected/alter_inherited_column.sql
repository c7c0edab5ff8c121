-- a partition's column comes from its parent: its type changes there only
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE m_2024 ALTER COLUMN v TYPE varchar(10);
