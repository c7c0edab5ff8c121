-- A column a policy reads is not dropped without CASCADE (an index on it would go).
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX t_a ON t (a);
CREATE POLICY p ON t USING (a > 0);
ALTER TABLE t DROP COLUMN a;
