-- a foreign key to a table that does not exist
CREATE TABLE t (id integer, u_id integer);
ALTER TABLE t ADD CONSTRAINT t_u_fkey FOREIGN KEY (u_id) REFERENCES u (id);
