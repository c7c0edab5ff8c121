-- A schema element is not created in another schema than the one being created.
CREATE SCHEMA other;
CREATE SCHEMA s2 CREATE TABLE other.t (id int);
