-- A composite type's attribute is not renamed under its typed tables without CASCADE.
CREATE TYPE ct AS (a int, b text);
CREATE TABLE tt OF ct;
ALTER TYPE ct RENAME ATTRIBUTE a TO z;
