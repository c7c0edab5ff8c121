//! A large synthetic schema in pg_dump 10+ style, for the determinism test and the benches
//! (`benches/pipeline.rs` includes this file). `schema(n, false)` is FROM: `n` tables with
//! sequences, defaults, keys, foreign keys, indexes, views, functions, triggers and comments;
//! `schema(n, true)` is TO: the same schema after a spread of changes (columns added, types
//! widened, tables dropped and added, views and functions rewritten, enum labels added).

use std::fmt::Write;

/// The schema of `n` tables; `changed` gives the TO variant.
pub fn schema(n: usize, changed: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "SELECT pg_catalog.set_config('search_path', '', false);\n"
    );
    let _ = writeln!(s, "CREATE SCHEMA app;\n");
    let labels = if changed {
        "'new', 'open', 'held', 'closed'"
    } else {
        "'new', 'open', 'closed'"
    };
    let _ = writeln!(s, "CREATE TYPE app.state AS ENUM ({labels});\n");
    let dropped = |i: usize| changed && i % 13 == 12;
    let count = if changed { n + n / 10 } else { n };
    for i in 0..count {
        if dropped(i) {
            continue;
        }
        let _ = writeln!(
            s,
            "CREATE FUNCTION app.f{i}(x integer) RETURNS integer\n    LANGUAGE sql IMMUTABLE\n    AS $$ SELECT x + {} $$;\n",
            if changed && i % 9 == 0 { i + 1 } else { i }
        );
        if i % 10 == 0 {
            let _ = writeln!(
                s,
                "CREATE FUNCTION app.touch{i}() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;\n"
            );
        }
    }
    for i in 0..count {
        if dropped(i) {
            continue;
        }
        let name_type = if changed && i % 11 == 0 {
            "character varying(200)"
        } else {
            "character varying(100)"
        };
        let mut cols = vec![
            "    id integer NOT NULL".to_string(),
            format!("    name {name_type}"),
            "    amount numeric(12,2) DEFAULT 0 NOT NULL".to_string(),
            "    state app.state DEFAULT 'new'::app.state NOT NULL".to_string(),
            "    created_at timestamp with time zone DEFAULT now() NOT NULL".to_string(),
            "    updated_at timestamp with time zone".to_string(),
        ];
        if i > 0 {
            cols.push("    parent_id integer".to_string());
        }
        if changed && i % 7 == 0 {
            cols.push("    note text DEFAULT ''::text".to_string());
        }
        let _ = writeln!(s, "CREATE TABLE app.t{i} (\n{}\n);\n", cols.join(",\n"));
        let _ = writeln!(
            s,
            "CREATE SEQUENCE app.t{i}_id_seq\n    AS integer\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n"
        );
        let _ = writeln!(s, "ALTER SEQUENCE app.t{i}_id_seq OWNED BY app.t{i}.id;\n");
        let _ = writeln!(s, "COMMENT ON TABLE app.t{i} IS 'table number {i}';\n");
    }
    for i in 0..count {
        if dropped(i) || i == 0 {
            continue;
        }
        let filter = if changed && i % 5 == 0 {
            "(a.amount > (10)::numeric)"
        } else {
            "(a.amount > (0)::numeric)"
        };
        let prev = if dropped(i - 1) { 0 } else { i - 1 };
        let _ = writeln!(
            s,
            "CREATE VIEW app.v{i} AS\n SELECT a.id,\n    a.name,\n    b.name AS parent_name,\n    app.f{i}(a.id) AS score\n   FROM (app.t{i} a\n     LEFT JOIN app.t{prev} b ON ((b.id = a.parent_id)))\n  WHERE {filter};\n"
        );
    }
    for i in 0..count {
        if dropped(i) {
            continue;
        }
        let _ = writeln!(s, "ALTER TABLE ONLY app.t{i} ALTER COLUMN id SET DEFAULT nextval('app.t{i}_id_seq'::regclass);\n");
        let _ = writeln!(
            s,
            "ALTER TABLE ONLY app.t{i}\n    ADD CONSTRAINT t{i}_pkey PRIMARY KEY (id);\n"
        );
        let unique = if changed && i % 17 == 0 {
            "(lower((name)::text), state)"
        } else {
            "(lower((name)::text))"
        };
        let _ = writeln!(
            s,
            "CREATE INDEX t{i}_name_idx ON app.t{i} USING btree {unique};\n"
        );
        let _ = writeln!(s, "CREATE INDEX t{i}_open_idx ON app.t{i} USING btree (created_at) WHERE (state = 'open'::app.state);\n");
        if i % 10 == 0 {
            let _ = writeln!(s, "CREATE TRIGGER t{i}_touch BEFORE UPDATE ON app.t{i} FOR EACH ROW EXECUTE FUNCTION app.touch{i}();\n");
        }
    }
    for i in 1..count {
        if dropped(i) {
            continue;
        }
        let prev = if dropped(i - 1) { 0 } else { i - 1 };
        let _ = writeln!(
            s,
            "ALTER TABLE ONLY app.t{i}\n    ADD CONSTRAINT t{i}_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES app.t{prev}(id) ON DELETE SET NULL;\n"
        );
    }
    s
}
