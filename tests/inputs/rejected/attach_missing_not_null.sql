-- a table attached as a partition must have NOT NULL where its parent has it
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE loose (id int, at date NOT NULL, v text, CONSTRAINT m_v_check CHECK (v <> ''));
ALTER TABLE m ATTACH PARTITION loose FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
