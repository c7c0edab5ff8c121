-- a comment on a column that does not exist
CREATE TABLE t (id integer);
COMMENT ON COLUMN t.nope IS $$what$$;
