-- A policy is not renamed to a name its table's other policy has.
CREATE TABLE t (id int);
CREATE POLICY p ON t USING (id > 0);
CREATE POLICY q ON t USING (id > 1);
ALTER POLICY p ON t RENAME TO q;
