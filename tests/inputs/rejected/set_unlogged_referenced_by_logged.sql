-- a logged table references s: s stays logged until the referencing table goes unlogged; the other way round for SET LOGGED
CREATE TABLE s (id int PRIMARY KEY);
CREATE TABLE t (id int PRIMARY KEY, s_id int REFERENCES s);
ALTER TABLE t SET UNLOGGED;
ALTER TABLE t SET LOGGED;
ALTER TABLE s SET UNLOGGED;
