--
-- PostgreSQL database dump
--

\restrict EBltuEj57QHpCvDGlBabgIADzECKc6pgKzFhMauzsqV7KF9MtWoy42ozZOlaxnv

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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

--
-- Name: app; Type: DATABASE; Schema: -; Owner: postgres
--

CREATE DATABASE app WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE app OWNER TO postgres;

\unrestrict EBltuEj57QHpCvDGlBabgIADzECKc6pgKzFhMauzsqV7KF9MtWoy42ozZOlaxnv
\connect app
\restrict EBltuEj57QHpCvDGlBabgIADzECKc6pgKzFhMauzsqV7KF9MtWoy42ozZOlaxnv

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
-- Name: t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.t (
    id integer,
    name text
);


ALTER TABLE public.t OWNER TO postgres;

--
-- Name: TABLE t; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.t IS 'café';


--
-- PostgreSQL database dump complete
--

\unrestrict EBltuEj57QHpCvDGlBabgIADzECKc6pgKzFhMauzsqV7KF9MtWoy42ozZOlaxnv

