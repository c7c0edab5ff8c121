CREATE TABLE t (id integer);

CREATE TABLE "u (x integer);
