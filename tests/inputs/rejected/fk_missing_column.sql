-- a foreign key to a column that does not exist
CREATE TABLE u (id integer PRIMARY KEY);
CREATE TABLE t (id integer, u_id integer REFERENCES u (uid));
