-- a domain held by a composite type that a column uses: the server cannot check the values it holds
CREATE DOMAIN money2 AS numeric(12,2);
CREATE TYPE price AS (amount money2, cur char(3));
CREATE TABLE t (id int PRIMARY KEY, p price);
ALTER DOMAIN money2 ADD CONSTRAINT money2_check CHECK (VALUE >= 0);
