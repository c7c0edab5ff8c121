CREATE TABEL t (id integer);
