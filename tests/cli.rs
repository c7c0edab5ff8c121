//! The binary as users run it: exit statuses, errors with locations, atomic output, inputs.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
}

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!("pgdumpdiff-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("tmp");
        Tmp(p)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(&p, text).expect("write");
        p.display().to_string()
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run pgdumpdiff")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn identical_schemas_exit_0_with_no_output() {
    let t = Tmp::new("same");
    let a = t.file("a.sql", "CREATE TABLE t (id integer);\n");
    let o = run(&[&a, &a]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn changes_exit_2_and_print_the_migration() {
    let t = Tmp::new("add");
    let a = t.file("a.sql", "CREATE TABLE t (id integer);\n");
    let b = t.file("b.sql", "CREATE TABLE t (id integer, name text);\n");
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stdout(&o), "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t ADD COLUMN name text;\n\n");
}

#[test]
fn destructive_changes_are_refused_without_unsafe() {
    let t = Tmp::new("unsafe");
    let a = t.file(
        "a.sql",
        "CREATE TABLE t (id integer);\nCREATE TABLE gone (x integer);\n",
    );
    let b = t.file("b.sql", "CREATE TABLE t (id integer);\n");
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("DROP TABLE public.gone"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--unsafe", &a, &b]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "-- hazard: lock: ACCESS EXCLUSIVE on public.gone (blocks reads and writes until commit)\n-- hazard: data-loss: drops table public.gone and its rows\nDROP TABLE public.gone;\n\n");
}

#[test]
fn parse_errors_point_at_file_line_column_and_exit_1() {
    let t = Tmp::new("bad");
    let a = t.file("a.sql", "CREATE TABLE t (id integer);\n");
    let b = t.file(
        "bad.sql",
        "CREATE TABLE t (id integer);\nCREATE TABEL u (x int);\n",
    );
    let out = t.0.join("out.sql");
    let o = run(&["-o", &out.display().to_string(), &a, &b]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.sql:2:8"), "{err}");
    assert!(err.contains("syntax error at or near \"TABEL\""), "{err}");
    assert!(!out.exists(), "no output file on error");
}

#[test]
fn output_file_is_written_atomically() {
    let t = Tmp::new("out");
    let a = t.file("a.sql", "");
    let b = t.file("b.sql", "CREATE SCHEMA s;\n");
    let out = t.0.join("m.sql");
    let o = run(&["-o", &out.display().to_string(), &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        "CREATE SCHEMA s;\n\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&t.0)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_directory_replays_its_files_in_name_order() {
    let t = Tmp::new("dir");
    t.file("m/000-baseline.sql", "CREATE TABLE t (id integer);\n");
    t.file(
        "m/001-add.sql",
        "ALTER TABLE t ADD COLUMN name text;\nINSERT INTO schema_migrations VALUES ('1');\n",
    );
    t.file("m/002-drop.sql", "ALTER TABLE t DROP COLUMN id;\n");
    let b = t.file("b.sql", "CREATE TABLE t (name text);\n");
    let o = run(&[&t.0.join("m").display().to_string(), &b]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn empty_creates_everything_and_psql_meta_commands_are_ignored() {
    let t = Tmp::new("empty");
    let b = t.file("b.sql", "\\restrict abc123\nSET search_path = public, pg_catalog;\nCREATE TABLE t (id integer NOT NULL);\n\\unrestrict abc123\n");
    let o = run(&["EMPTY", &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "CREATE TABLE public.t (\n    id integer NOT NULL\n);\n\n"
    );
}

#[test]
fn old_and_new_pg_dump_styles_build_the_same_catalog() {
    let t = Tmp::new("styles");
    let old = t.file(
        "old.sql",
        "SET search_path = public, pg_catalog;\nCREATE TABLE t (id integer NOT NULL, v character varying(10) DEFAULT 'x'::character varying);\nCREATE SEQUENCE t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\nALTER SEQUENCE t_id_seq OWNED BY t.id;\nALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);\nALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n",
    );
    let new = t.file(
        "new.sql",
        "SELECT pg_catalog.set_config('search_path', '', false);\nCREATE TABLE public.t (id int4 NOT NULL, v varchar(10) DEFAULT 'x'::varchar);\nCREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\nALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\nALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);\nALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n",
    );
    let o = run(&[&old, &new]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn unsupported_statements_are_reported_with_their_location() {
    let t = Tmp::new("unsupported");
    let a = t.file(
        "a.sql",
        "CREATE TABLE t (id integer);\nCREATE TABLESPACE x LOCATION '/tmp';\n",
    );
    let o = run(&[&a, &a]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("not supported"), "{}", stderr(&o));
    let o = run(&["--strict", &a, &a]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn schema_filters_limit_the_migration() {
    let t = Tmp::new("schemas");
    let a = t.file("a.sql", "CREATE SCHEMA app; CREATE SCHEMA audit; CREATE TABLE app.t (x int); CREATE TABLE audit.log (x int);\n");
    let b = t.file(
        "b.sql",
        "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public; CREATE SCHEMA app; CREATE SCHEMA audit; CREATE TABLE app.t (x int, y int); CREATE TABLE audit.log (x int, at timestamptz);\n",
    );
    let only_app = run(&["--schema", "app", &a, &b]);
    assert_eq!(only_app.status.code(), Some(2));
    assert_eq!(stdout(&only_app), "-- hazard: lock: ACCESS EXCLUSIVE on app.t (blocks reads and writes until commit)\nALTER TABLE app.t ADD COLUMN y integer;\n\n");
    let not_app = run(&[
        "--exclude-schema",
        "app",
        "--exclude-schema",
        "public",
        &a,
        &b,
    ]);
    assert_eq!(stdout(&not_app), "-- hazard: lock: ACCESS EXCLUSIVE on audit.log (blocks reads and writes until commit)\nALTER TABLE audit.log ADD COLUMN at timestamp with time zone;\n\n");
    let ext = run(&["--create-extensions-only", &a, &b]);
    assert_eq!(
        stdout(&ext),
        "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;\n\n"
    );
}

/// A trigger of an excluded schema calls a function of a covered one that TO drops: the
/// server would refuse the DROP FUNCTION while the trigger is there, and the excluded schema
/// is left alone, so the function stays and the rest of the migration is written.
#[test]
fn exclude_schema_keeps_what_the_excluded_schema_needs() {
    let t = Tmp::new("exclude-needed");
    let a = t.file(
        "a.sql",
        "CREATE SCHEMA app_private; CREATE SCHEMA app_public;\nCREATE FUNCTION app_private.first_admin() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nCREATE TABLE app_public.users (id int);\nCREATE TRIGGER make_admin BEFORE INSERT ON app_public.users FOR EACH ROW EXECUTE FUNCTION app_private.first_admin();\n",
    );
    let b = t.file("b.sql", "CREATE SCHEMA app_private; CREATE SCHEMA app_public;\nCREATE TABLE app_public.users (id int);\nCREATE TABLE app_private.sessions (id int);\n");
    let o = run(&["--unsafe", "--exclude-schema", "app_public", &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "CREATE TABLE app_private.sessions (\n    id integer\n);\n\n"
    );
}

#[test]
fn privileges_are_migrated_only_with_the_option() {
    let t = Tmp::new("privileges");
    let a = t.file(
        "a.sql",
        "CREATE TABLE t (id integer);\nGRANT SELECT ON t TO reader;\n",
    );
    let b = t.file(
        "b.sql",
        "CREATE TABLE t (id integer);\nALTER TABLE t OWNER TO app;\nGRANT INSERT ON t TO reader;\n",
    );
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "", "GRANT and OWNER TO replay without warnings");
    let o = run(&["--with-privileges", &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t OWNER TO app;\n\nGRANT INSERT ON TABLE public.t TO reader;\n\nREVOKE SELECT ON TABLE public.t FROM reader;\n\n"
    );
}

/// A child's column, its own and inherited, that comes to be inherited only: no statement
/// of the server makes it so (a column the child defines stays its own), so pgdumpdiff
/// finds none, and verification refuses to call that "no changes".
const INHERITED: &str =
    "CREATE TABLE parent (a integer);\nCREATE TABLE child () INHERITS (parent);\n";
const LOCAL: &str =
    "CREATE TABLE parent (a integer);\nCREATE TABLE child (a integer) INHERITS (parent);\n";

#[test]
fn a_migration_that_fails_verification_exits_1_and_writes_nothing() {
    let t = Tmp::new("verify-fails");
    let a = t.file("a.sql", LOCAL);
    let b = t.file("b.sql", INHERITED);
    let out = t.0.join("m.sql");
    let o = run(&["-o", &out.display().to_string(), &a, &b]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(!out.exists(), "no output file when verification fails");
    let err = stderr(&o);
    assert!(err.contains("self-verification failed"), "{err}");
    assert!(err.contains("column public.child.a"), "{err}");
    assert!(
        err.contains("- inherited: false") && err.contains("+ inherited: true"),
        "{err}"
    );
    // Without verification, the (empty, wrong) answer goes through.
    let o = run(&["--no-verify", &a, &b]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn no_verify_gives_the_same_output_when_verification_passes() {
    let t = Tmp::new("no-verify");
    let a = t.file(
        "a.sql",
        "CREATE TABLE t (id integer, v text);\nCREATE VIEW w AS SELECT id FROM t;\n",
    );
    let b = t.file(
        "b.sql",
        "CREATE TABLE t (id bigint, v text DEFAULT 'x');\nCREATE VIEW w AS SELECT id, v FROM t;\n",
    );
    let with = run(&["--unsafe", &a, &b]);
    let without = run(&["--unsafe", "--no-verify", &a, &b]);
    assert_eq!(with.status.code(), Some(2), "{}", stderr(&with));
    assert_eq!(with.status.code(), without.status.code());
    assert_eq!(stdout(&with), stdout(&without));
    assert!(!stdout(&with).is_empty());
}

#[test]
fn a_real_difference_between_dump_styles_is_emitted() {
    // A pre-10 dump's sequence has no AS clause: loaded today it is a bigint sequence.
    let t = Tmp::new("seq-type");
    let a = t.file("a.sql", "SET search_path = public, pg_catalog;\nCREATE SEQUENCE s START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\n");
    let b = t.file("b.sql", "SELECT pg_catalog.set_config('search_path', '', false);\nCREATE SEQUENCE public.s AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;\n");
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stdout(&o), "-- hazard: lock: SHARE ROW EXCLUSIVE on public.s (blocks writes until commit)\nALTER SEQUENCE public.s AS integer MAXVALUE 2147483647;\n\n");
}

#[test]
fn a_pre_12_table_with_oids_is_read_without_them() {
    let t = Tmp::new("oids");
    let a = t.file("a.sql", "CREATE TABLE t (\n    id integer\n) WITH OIDS;\n");
    let b = t.file("b.sql", "CREATE TABLE t (\n    id integer\n);\n");
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("a.sql:3:3"), "{}", stderr(&o));
    assert!(stderr(&o).contains("WITH OIDS"), "{}", stderr(&o));
}

#[test]
fn dropped_columns_of_one_table_are_no_cycle() {
    // The table's own column drops do not wait for each other when its index goes too.
    let t = Tmp::new("drop-columns");
    let a = t.file("a.sql", "CREATE TABLE t (a integer, b integer, c varchar DEFAULT 'x', d float);\nCREATE INDEX ti ON t (a);\n");
    let b = t.file("b.sql", "CREATE TABLE t (a polygon);\n");
    let o = run(&["--unsafe", &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no dependency-cycle warning");
    assert_eq!(
        stdout(&o),
        "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nDROP INDEX public.ti;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\n-- hazard: data-loss: drops column public.t.b and its values\nALTER TABLE public.t DROP COLUMN b;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\n-- hazard: data-loss: drops column public.t.c and its values\nALTER TABLE public.t DROP COLUMN c;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\n-- hazard: data-loss: drops column public.t.d and its values\nALTER TABLE public.t DROP COLUMN d;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\n-- hazard: rewrite: rewrites public.t and its indexes\n-- hazard: may-fail: public.t: fails if a value of a does not convert from integer to polygon\n-- hazard: data-loss: narrows public.t.a from integer to polygon: values that do not fit are cut, rounded or refused\nALTER TABLE public.t ALTER COLUMN a TYPE polygon USING a::text::polygon;\n\n"
    );
}

const MOOD: &str =
    "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE TABLE t (m mood DEFAULT 'ok');\n";

#[test]
fn a_label_renamed_in_tos_history_is_renamed_in_place() {
    let t = Tmp::new("enum-rename");
    let a = t.file("a.sql", MOOD);
    let b = t.file(
        "b.sql",
        &format!("{MOOD}ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';\n"),
    );
    let o = run(&[&a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stdout(&o), "-- TO's history renames this label\nALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine';\n\n");
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_folder_of_migrations_and_its_next_one_rename_labels_through_a_chain() {
    let t = Tmp::new("enum-rename-dir");
    t.file("v1/001_init.sql", MOOD);
    t.file("v2/001_init.sql", MOOD);
    t.file("v2/002_relabel.sql", "ALTER TYPE mood RENAME VALUE 'sad' TO 'down';\nALTER TYPE mood ADD VALUE 'great';\nALTER TYPE mood RENAME VALUE 'down' TO 'low';\n");
    let (v1, v2) = (
        t.0.join("v1").display().to_string(),
        t.0.join("v2").display().to_string(),
    );
    let o = run(&[&v1, &v2]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "-- TO's history renames this label\nALTER TYPE public.mood RENAME VALUE 'sad' TO 'low';\n\nALTER TYPE public.mood ADD VALUE 'great' AFTER 'happy';\n\n"
    );
}

#[test]
fn two_dumps_never_make_a_rename_certain_so_the_type_is_rebuilt() {
    let t = Tmp::new("enum-relabel");
    let a = t.file("a.sql", MOOD);
    let b = t.file("b.sql", "CREATE TYPE mood AS ENUM ('sad', 'fine', 'happy');\nCREATE TABLE t (m mood DEFAULT 'fine');\n");
    let o = run(&[&a, &b]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "the rebuild drops label 'ok': {}",
        stderr(&o)
    );
    let o = run(&["--unsafe", &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t ALTER COLUMN m DROP DEFAULT;\n\nALTER TYPE public.mood RENAME TO mood__pgdumpdiff_old;\n\nCREATE TYPE public.mood AS ENUM ('sad', 'fine', 'happy');\n\n\
         -- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\n-- hazard: rewrite: rewrites public.t and its indexes\n\
         -- hazard: may-fail: public.t: fails if a value of m does not convert from public.mood__pgdumpdiff_old to public.mood\n\
         -- hazard: data-loss: narrows public.t.m from public.mood__pgdumpdiff_old to public.mood: values that do not fit are cut, rounded or refused\n\
         ALTER TABLE public.t ALTER COLUMN m TYPE public.mood USING m::text::public.mood;\n\n\
         -- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t ALTER COLUMN m SET DEFAULT 'fine'::public.mood;\n\n\
         DROP TYPE public.mood__pgdumpdiff_old;\n\n"
    );
    // A history that drops the type and creates it again renames nothing either.
    let c = t.file("c.sql", &format!("{MOOD}ALTER TABLE t DROP COLUMN m;\nDROP TYPE mood;\nCREATE TYPE mood AS ENUM ('sad', 'fine', 'happy');\nALTER TABLE t ADD COLUMN m mood DEFAULT 'fine';\n"));
    let o = run(&["--unsafe", &a, &c]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("RENAME TO mood__pgdumpdiff_old")
            && !stdout(&o).contains("RENAME VALUE"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_schema_file_and_its_previous_commit_rename_a_label() {
    let t = Tmp::new("enum-rename-git");
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&t.0)
            .output()
            .expect("git runs");
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    git(&["init", "-q"]);
    t.file("schema.sql", MOOD);
    git(&["add", "schema.sql"]);
    git(&["commit", "-q", "-m", "mood"]);
    t.file(
        "schema.sql",
        &format!("{MOOD}ALTER TYPE mood RENAME VALUE 'happy' TO 'glad';\n"),
    );
    let o = bin()
        .args(["git:HEAD:schema.sql", "schema.sql"])
        .current_dir(&t.0)
        .output()
        .expect("run pgdumpdiff");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(stdout(&o), "-- TO's history renames this label\nALTER TYPE public.mood RENAME VALUE 'happy' TO 'glad';\n\n");
}

#[test]
fn timings_name_every_stage_with_its_time_and_memory() {
    let t = Tmp::new("timings");
    let a = t.file("a.sql", "CREATE TABLE t (id integer);\n");
    let b = t.file("b.sql", "CREATE TABLE t (id integer, name text);\n");
    let o = run(&["--timings", &a, &b]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    for stage in [
        "FROM read",
        "TO read",
        "FROM and TO parse + replay",
        "dependency graphs",
        "diff",
        "plan",
        "hazards (migration replayed)",
        "verify (compare with TO)",
        "emit",
        "total",
    ] {
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with(stage))
            .unwrap_or_else(|| panic!("no {stage:?} in:\n{err}"));
        assert!(line.contains(" s ") && line.ends_with(" MiB"), "{line}");
    }
    // Without the option, nothing of it.
    let o = run(&[&a, &b]);
    assert!(!stderr(&o).contains("timings"), "{}", stderr(&o));
}
