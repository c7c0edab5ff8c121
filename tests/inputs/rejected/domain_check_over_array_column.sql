-- a domain an array column holds: the server does not check values inside arrays, and refuses
CREATE DOMAIN d AS int;
CREATE TABLE t (v d[]);
ALTER DOMAIN d ADD CHECK (VALUE > 0);
