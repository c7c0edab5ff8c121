-- a table attached as a partition must have its parent's CHECK constraints
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE loose (id int NOT NULL, at date NOT NULL, v text);
ALTER TABLE m ATTACH PARTITION loose FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
