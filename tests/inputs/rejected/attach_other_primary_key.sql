-- a table attached as a partition with a primary key of its own that is not its parent's
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE loose (id int NOT NULL, at date NOT NULL, v text, CONSTRAINT m_v_check CHECK (v <> ''), PRIMARY KEY (id));
ALTER TABLE m ATTACH PARTITION loose FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
