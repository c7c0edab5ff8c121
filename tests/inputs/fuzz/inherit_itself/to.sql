CREATE TABLE base (created_at field3 DEFAULT now(), e integteger, a2 integer) INHERITS (base);
