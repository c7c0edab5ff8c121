-- an inheritance child's column that its parent has cannot be dropped on the child
CREATE TABLE c (x int, y text);
CREATE TABLE c1 (z int) INHERITS (c);
ALTER TABLE c1 DROP COLUMN y;
