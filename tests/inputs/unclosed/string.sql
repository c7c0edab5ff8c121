CREATE TABLE t (id integer);
COMMENT ON TABLE t IS 'it''s not closed;
CREATE TABLE u (x integer);
