CREATE TABLE t (id integer);
/* a comment
   /* nested */
CREATE TABLE u (x integer);
