-- a partition has its parent's primary key already: a second one is refused
CREATE TABLE m (id int NOT NULL, at date NOT NULL, v text, CHECK (v <> ''), PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE m_2024 ADD CONSTRAINT m_2024_own_pkey PRIMARY KEY (id, at);
