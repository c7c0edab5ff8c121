--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET client_encoding = 'LATIN1';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.t (
    id integer NOT NULL,
    name text
);

COMMENT ON TABLE public.t IS 'café crème';
