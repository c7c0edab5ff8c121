-- A publication adds the tables of a schema that does not exist
CREATE PUBLICATION p;
ALTER PUBLICATION p ADD TABLES IN SCHEMA nope;
