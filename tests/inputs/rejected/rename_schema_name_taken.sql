-- A schema is not renamed to the name of another schema.
CREATE SCHEMA a;
CREATE SCHEMA b;
ALTER SCHEMA a RENAME TO b;
