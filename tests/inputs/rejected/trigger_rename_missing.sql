-- a trigger renamed on a table that has no trigger of that name
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE t (id int);
CREATE TRIGGER audit AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
ALTER TRIGGER audits ON t RENAME TO audit_t;
