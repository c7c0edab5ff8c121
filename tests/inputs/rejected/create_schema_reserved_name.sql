-- The prefix pg_ is reserved for system schemas
CREATE SCHEMA pg_x;
