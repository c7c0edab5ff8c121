--
-- PostgreSQL database dump
--

\restrict hsvn3QWaF8EqPyQF7OJUZavDtFKI9IAZ0yrIX1pt1sNU3OE3jC9bNc7cyda9ZqC

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: wide; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.wide (
    c0 integer,
    c1 integer,
    c2 integer,
    c3 integer,
    c4 integer,
    c5 integer,
    c6 integer,
    c7 integer,
    c8 integer,
    c9 integer,
    c10 integer,
    c11 integer,
    c12 integer,
    c13 integer,
    c14 integer,
    c15 integer,
    c16 integer,
    c17 integer,
    c18 integer,
    c19 integer,
    c20 integer,
    c21 integer,
    c22 integer,
    c23 integer,
    c24 integer,
    c25 integer,
    c26 integer,
    c27 integer,
    c28 integer,
    c29 integer,
    c30 integer,
    c31 integer,
    c32 integer,
    c33 integer,
    c34 integer,
    c35 integer,
    c36 integer,
    c37 integer,
    c38 integer,
    c39 integer,
    c40 integer,
    c41 integer,
    c42 integer,
    c43 integer,
    c44 integer,
    c45 integer,
    c46 integer,
    CONSTRAINT wide_small CHECK ((((((((((((((((((((((((((((((((((((((((((((((((c0 + c1) + c2) + c3) + c4) + c5) + c6) + c7) + c8) + c9) + c10) + c11) + c12) + c13) + c14) + c15) + c16) + c17) + c18) + c19) + c20) + c21) + c22) + c23) + c24) + c25) + c26) + c27) + c28) + c29) + c30) + c31) + c32) + c33) + c34) + c35) + c36) + c37) + c38) + c39) + c40) + c41) + c42) + c43) + c44) + c45) + c46) < 1000000))
);


--
-- Name: wide_total; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.wide_total AS
 SELECT ((((((((((((((((((((((((((((((((((((((((((((((wide.c0 + wide.c1) + wide.c2) + wide.c3) + wide.c4) + wide.c5) + wide.c6) + wide.c7) + wide.c8) + wide.c9) + wide.c10) + wide.c11) + wide.c12) + wide.c13) + wide.c14) + wide.c15) + wide.c16) + wide.c17) + wide.c18) + wide.c19) + wide.c20) + wide.c21) + wide.c22) + wide.c23) + wide.c24) + wide.c25) + wide.c26) + wide.c27) + wide.c28) + wide.c29) + wide.c30) + wide.c31) + wide.c32) + wide.c33) + wide.c34) + wide.c35) + wide.c36) + wide.c37) + wide.c38) + wide.c39) + wide.c40) + wide.c41) + wide.c42) + wide.c43) + wide.c44) + wide.c45) + wide.c46) AS total
   FROM public.wide;


--
-- PostgreSQL database dump complete
--

\unrestrict hsvn3QWaF8EqPyQF7OJUZavDtFKI9IAZ0yrIX1pt1sNU3OE3jC9bNc7cyda9ZqC

