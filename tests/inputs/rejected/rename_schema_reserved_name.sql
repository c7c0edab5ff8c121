-- A schema is not renamed to a name with the prefix reserved for system schemas.
CREATE SCHEMA a;
ALTER SCHEMA a RENAME TO pg_a;
