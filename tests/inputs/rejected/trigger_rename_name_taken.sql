-- a partitioned table's trigger renamed to the name of a partition's own trigger: its clone there would clash
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TRIGGER audit AFTER INSERT ON m FOR EACH ROW EXECUTE FUNCTION f();
CREATE TRIGGER check_2024 BEFORE INSERT ON m_2024 FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER audit ON m RENAME TO check_2024;
