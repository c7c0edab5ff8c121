--
-- PostgreSQL database dump
--

\restrict EdUCYg9mmFyjP4HajKTFIyjajbwZVPKyjB79ZNke9iai1e9P200osWTEMdeEemp

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
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.people (
    name text
);


--
-- Name: labels; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.labels AS
 SELECT ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((people.name || 'p1'::text) || people.name) || 'p3'::text) || people.name) || 'p5'::text) || people.name) || 'p7'::text) || people.name) || 'p9'::text) || people.name) || 'p11'::text) || people.name) || 'p13'::text) || people.name) || 'p15'::text) || people.name) || 'p17'::text) || people.name) || 'p19'::text) || people.name) || 'p21'::text) || people.name) || 'p23'::text) || people.name) || 'p25'::text) || people.name) || 'p27'::text) || people.name) || 'p29'::text) || people.name) || 'p31'::text) || people.name) || 'p33'::text) || people.name) || 'p35'::text) || people.name) || 'p37'::text) || people.name) || 'p39'::text) || people.name) || 'p41'::text) || people.name) || 'p43'::text) || people.name) || 'p45'::text) || people.name) || 'p47'::text) || people.name) || 'p49'::text) || people.name) || 'p51'::text) || people.name) || 'p53'::text) || people.name) || 'p55'::text) || people.name) || 'p57'::text) || people.name) || 'p59'::text) || people.name) AS label
   FROM public.people;


--
-- PostgreSQL database dump complete
--

\unrestrict EdUCYg9mmFyjP4HajKTFIyjajbwZVPKyjB79ZNke9iai1e9P200osWTEMdeEemp

