-- a partition's row type stored through a domain: the partitioned parent's column type cannot change
CREATE TABLE addr (street text, zip int) PARTITION BY LIST (zip);
CREATE TABLE addr1 PARTITION OF addr FOR VALUES IN (1);
CREATE DOMAIN a1 AS addr1;
CREATE TABLE cust (id int PRIMARY KEY, home a1);
ALTER TABLE addr ALTER COLUMN street TYPE varchar(5);
