CREATE TABLE base (created_at timestamp DEFAULT now(), e integteger, a2 integer) INHERITS (base);
CREATE TABLE child (a1 integer, a2 integer) INHERITS (base);
