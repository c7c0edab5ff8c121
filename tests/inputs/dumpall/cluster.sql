--
-- PostgreSQL database cluster dump
--

\restrict aZxnTWuczlnfTjPqA4dpaVwWnhYJ2Nha5JZIAWZdmApRXtRcZrMCgx9jGmdO30n

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Roles
--

CREATE ROLE app;
ALTER ROLE app WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;

--
-- User Configurations
--






--
-- Tablespaces
--

CREATE TABLESPACE ts OWNER postgres LOCATION '/srv/postgresql/ts';


\unrestrict aZxnTWuczlnfTjPqA4dpaVwWnhYJ2Nha5JZIAWZdmApRXtRcZrMCgx9jGmdO30n

--
-- Databases
--

--
-- Database "template1" dump
--

\connect template1

--
-- PostgreSQL database dump
--

\restrict rhqpSf4UKlJKrCNyERG8VVcB9hbi0gS5d9jzNBrc6pdmq0AIAR1Yq4GVaA6JGVk

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
-- PostgreSQL database dump complete
--

\unrestrict rhqpSf4UKlJKrCNyERG8VVcB9hbi0gS5d9jzNBrc6pdmq0AIAR1Yq4GVaA6JGVk

--
-- Database "Odd db" dump
--

--
-- PostgreSQL database dump
--

\restrict 28aRgfuoc066uMl6lFK1VY4enrPZ6pAJ4KyCiI97eiQm3JYmQ7b7pNmmJFjMJqB

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'LATIN1';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: Odd db; Type: DATABASE; Schema: -; Owner: postgres
--

CREATE DATABASE "Odd db" WITH TEMPLATE = template0 ENCODING = 'LATIN1' LOCALE_PROVIDER = libc LOCALE = 'C';


ALTER DATABASE "Odd db" OWNER TO postgres;

\unrestrict 28aRgfuoc066uMl6lFK1VY4enrPZ6pAJ4KyCiI97eiQm3JYmQ7b7pNmmJFjMJqB
\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='Odd db'"
\restrict 28aRgfuoc066uMl6lFK1VY4enrPZ6pAJ4KyCiI97eiQm3JYmQ7b7pNmmJFjMJqB

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'LATIN1';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: u; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.u (
    x integer
);


ALTER TABLE public.u OWNER TO postgres;

--
-- Name: TABLE u; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.u IS 'café';


--
-- PostgreSQL database dump complete
--

\unrestrict 28aRgfuoc066uMl6lFK1VY4enrPZ6pAJ4KyCiI97eiQm3JYmQ7b7pNmmJFjMJqB

--
-- Database "app" dump
--

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

COMMENT ON TABLE public.t IS 'cafÃ©';


--
-- PostgreSQL database dump complete
--

\unrestrict EBltuEj57QHpCvDGlBabgIADzECKc6pgKzFhMauzsqV7KF9MtWoy42ozZOlaxnv

--
-- Database "postgres" dump
--

\connect postgres

--
-- PostgreSQL database dump
--

\restrict GeACcA836b4QVpYCPuHLimu053GVoMFePXBDirTYMqIqrapwbLd9HmsIARX7EXv

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

CREATE TABLE public.only_in_postgres (
    x integer
);

--
-- PostgreSQL database dump complete
--

\unrestrict GeACcA836b4QVpYCPuHLimu053GVoMFePXBDirTYMqIqrapwbLd9HmsIARX7EXv

--
-- PostgreSQL database cluster dump complete
--

