-- a table whose row type an array column stores: a column without a value (or a NULL default) may come, one with a default may not
CREATE TABLE addr (street text, zip int);
CREATE TABLE cust (id int PRIMARY KEY, homes addr[]);
ALTER TABLE addr ADD COLUMN n int NOT NULL, ADD COLUMN m int DEFAULT NULL;
ALTER TABLE addr ADD COLUMN country text DEFAULT 'nl';
