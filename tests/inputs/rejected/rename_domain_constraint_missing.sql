-- A domain constraint that is not there is not renamed.
CREATE DOMAIN d AS int CONSTRAINT positive CHECK (VALUE > 0);
ALTER DOMAIN d RENAME CONSTRAINT nope TO other;
