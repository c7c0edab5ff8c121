-- a partition's clone of its parent's trigger is renamed through the parent only
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TRIGGER audit AFTER INSERT ON m FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER audit ON m_2024 RENAME TO audit_2024;
