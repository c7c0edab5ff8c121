-- A view's ORDER BY names a name of its column list, which is no column of its query
CREATE TABLE t (a int);
CREATE VIEW v (x) AS SELECT a FROM t ORDER BY x;
