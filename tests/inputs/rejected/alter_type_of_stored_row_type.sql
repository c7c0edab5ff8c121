-- a table whose row type a column of another table stores: its columns' types cannot change
CREATE TABLE addr (street text, zip int);
CREATE TABLE cust (id int PRIMARY KEY, home addr);
ALTER TABLE addr ALTER COLUMN zip TYPE text;
