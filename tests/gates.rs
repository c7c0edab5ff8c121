//! Gates for CI and hooks, by their exit statuses: `--check` (one line, 0 / 2 / 3),
//! `--fail-on` at each level against statements with known hazards, the warnings and errors
//! around inputs, `--pending` and `--provenance` (offline; `pending.rs` round-trips
//! `--pending` on PostgreSQL).

use std::path::PathBuf;
use std::process::{Command, Output};

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p =
            std::env::temp_dir().join(format!("pgdumpdiff-gates-{}-{name}", std::process::id()));
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

    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .args(args)
        .output()
        .expect("run pgdumpdiff")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const BASE: &str = "CREATE TABLE t (id integer PRIMARY KEY, a integer, b text);\n";

#[test]
fn check_prints_one_verdict_line_and_exits_0_2_or_3() {
    let t = Tmp::new("check");
    let a = t.file("a.sql", BASE);
    let added = t.file("added.sql", &format!("{BASE}CREATE TABLE u (x integer);\n"));
    let dropped = t.file(
        "dropped.sql",
        "CREATE TABLE t (id integer PRIMARY KEY, a integer);\n",
    );
    let same = run(&["--check", &a, &a]);
    assert_eq!(
        (
            same.status.code(),
            stdout(&same).as_str(),
            stderr(&same).as_str()
        ),
        (Some(0), "same: no changes\n", "")
    );
    let o = run(&["--check", &a, &added]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "changes: 1 statement on 1 object (1 added): table public.u\n"
    );
    for args in [vec!["--check"], vec!["--check", "--unsafe"]] {
        let o = run(&[args.as_slice(), &[a.as_str(), dropped.as_str()]].concat());
        assert_eq!(o.status.code(), Some(3), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "destructive: 1 statement on 1 object (1 changed); 1 statement loses data: table public.t\n");
    }
    // --check prints nothing else: it cannot go with an output file or another format.
    for extra in [["-o", "x.sql"], ["--format", "json"]] {
        let o = run(&[
            &["--check"],
            extra.as_slice(),
            &[a.as_str(), added.as_str()],
        ]
        .concat());
        assert_eq!(o.status.code(), Some(1), "{extra:?} is a usage error");
        assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
    }
}

/// TO schemas whose migration from `BASE` holds exactly one kind of risk.
fn risks() -> Vec<(&'static str, String)> {
    vec![
        // A new table: no hazard at all.
        ("new table", format!("{BASE}CREATE TABLE u (x integer);\n")),
        // An index on an existing table: SHARE lock and an index build (writes blocked, reads not).
        ("index", format!("{BASE}CREATE INDEX t_a ON t (a);\n")),
        // A nullable column: ACCESS EXCLUSIVE for an instant.
        (
            "add column",
            "CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c text);\n".to_string(),
        ),
        // integer -> bigint: the table is rewritten.
        (
            "rewrite",
            "CREATE TABLE t (id integer PRIMARY KEY, a bigint, b text);\n".to_string(),
        ),
        // A column dropped: data loss.
        (
            "drop column",
            "CREATE TABLE t (id integer PRIMARY KEY, a integer);\n".to_string(),
        ),
    ]
}

#[test]
fn fail_on_levels_pass_what_stays_below_them() {
    let t = Tmp::new("fail-on");
    let a = t.file("a.sql", BASE);
    // Exit status for each level (any, hazard, blocking, destructive), per risk.
    let expected: [(&str, [i32; 4]); 5] = [
        ("new table", [2, 0, 0, 0]),
        ("index", [2, 2, 0, 0]),
        ("add column", [2, 2, 2, 0]),
        ("rewrite", [2, 2, 2, 0]),
        ("drop column", [3, 3, 3, 3]),
    ];
    for ((name, to), (_, want)) in risks().iter().zip(expected) {
        let b = t.file(&format!("{}.sql", name.replace(' ', "-")), to);
        let mut codes = [0; 4];
        for (i, level) in ["any", "hazard", "blocking", "destructive"]
            .iter()
            .enumerate()
        {
            let o = run(&["--check", "--fail-on", level, &a, &b]);
            codes[i] = o.status.code().unwrap_or(-1);
            let line = stdout(&o);
            assert_eq!(line.lines().count(), 1, "one line: {line}");
            let word = match codes[i] {
                0 => "allowed: ",
                2 => "changes: ",
                _ => "destructive: ",
            };
            assert!(line.starts_with(word), "{name} --fail-on {level}: {line}");
        }
        assert_eq!(
            codes, want,
            "{name}: exit statuses for --fail-on any, hazard, blocking, destructive"
        );
    }
    // Without --check the SQL is printed, and the level still decides the status.
    let b = t.file("index.sql", &format!("{BASE}CREATE INDEX t_a ON t (a);\n"));
    let o = run(&["--fail-on", "blocking", &a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("CREATE INDEX t_a ON public.t USING btree (a);"),
        "{}",
        stdout(&o)
    );
    let o = run(&["--fail-on", "hazard", &a, &b]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(run(&["--check", "--fail-on", "hazard", &a, &b]).stdout, b"changes: 1 statement on 1 object (1 added); 1 statement reaches --fail-on hazard: index public.t_a\n");
}

#[test]
fn summary_and_json_show_what_would_be_lost_and_exit_3() {
    let t = Tmp::new("reviews");
    let a = t.file("a.sql", BASE);
    let b = t.file(
        "b.sql",
        "CREATE TABLE t (id integer PRIMARY KEY, a integer);\n",
    );
    for format in ["summary", "json"] {
        let o = run(&["--format", format, &a, &b]);
        assert_eq!(o.status.code(), Some(3), "{format}");
        assert!(
            stdout(&o).contains("drops column public.t.b and its values"),
            "{format} shows the loss: {}",
            stdout(&o)
        );
        let o = run(&["--format", format, "--unsafe", &a, &b]);
        assert_eq!(o.status.code(), Some(2), "{format} --unsafe");
    }
    let o = run(&[&a, &b]);
    assert_eq!(
        (o.status.code(), stdout(&o).as_str()),
        (Some(3), ""),
        "SQL is refused"
    );
}

#[test]
fn inputs_that_select_nothing_warn_and_an_empty_folder_is_an_error() {
    let t = Tmp::new("inputs");
    let a = t.file(
        "a.sql",
        "CREATE SCHEMA app;\nCREATE TABLE app.t (x integer);\n",
    );
    let o = run(&[
        "--schema",
        "ap",
        "--exclude-schema",
        "app",
        "--exclude-schema",
        "nope",
        &a,
        &a,
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("schema ap is in neither FROM nor TO")
            && err.contains("schema nope is in neither FROM nor TO"),
        "{err}"
    );
    assert!(!err.contains("schema app "), "{err}");
    let o = run(&["--check", "--schema", "ap", &a, &a]);
    assert_eq!(
        stdout(&o),
        "same: no changes (1 warning: run without --check to see it)\n"
    );
    assert_eq!(stderr(&o), "");
    // An empty file reads as an empty schema, with a warning.
    let empty = t.file("empty.sql", "-- nothing here\n");
    let o = run(&["--unsafe", &empty, &a]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("empty.sql holds no SQL statement"),
        "{}",
        stderr(&o)
    );
    // A folder without SQL files is an error, not an empty schema.
    std::fs::create_dir_all(t.0.join("migrations")).expect("dir");
    t.file("migrations/README.md", "notes\n");
    let o = run(&[&t.path("migrations"), &a]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("holds no *.sql or *.sql.gz file"),
        "{}",
        stderr(&o)
    );
    // Standard input is read once.
    let o = run(&["-", "--pending", "-", &a]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("can be read only once"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn pending_migrations_are_replayed_after_from() {
    let t = Tmp::new("pending");
    let prod = t.file("prod.sql", BASE);
    let intended = t.file("intended.sql", "CREATE TABLE t (id integer PRIMARY KEY, a integer, b text, c date NOT NULL);\nCREATE INDEX t_c ON t (c);\n");
    let whole = t.file(
        "whole.sql",
        "ALTER TABLE t ADD COLUMN c date NOT NULL;\nCREATE INDEX t_c ON t (c);\n",
    );
    let part = t.file("part.sql", "ALTER TABLE t ADD COLUMN c date;\n");
    let o = run(&[&prod, "--pending", &whole, &intended]);
    assert_eq!(
        (o.status.code(), stdout(&o).as_str()),
        (Some(0), ""),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        stdout(&run(&["--check", &prod, "--pending", &whole, &intended])),
        "same: no changes\n"
    );
    // What remains after part.sql, where the object was last shaped.
    let o = run(&["--provenance", &prod, "--pending", &part, &intended]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let sql = stdout(&o);
    assert!(sql.contains(&format!("-- from: {intended}:1\n")), "{sql}");
    assert!(
        sql.contains("ALTER TABLE public.t ALTER COLUMN c SET NOT NULL;\n")
            && sql.contains("CREATE INDEX t_c ON public.t USING btree (c);\n"),
        "{sql}"
    );
    assert!(
        !sql.contains("ADD COLUMN"),
        "part.sql added the column: {sql}"
    );
    let o = run(&["--format", "summary", &prod, "--pending", &part, &intended]);
    assert!(
        stdout(&o).contains(&format!("{part}:1 → {intended}:1")),
        "FROM's table was last shaped by part.sql:\n{}",
        stdout(&o)
    );
    // Several pending files and folders, in the order given.
    t.file("next/001.sql", "ALTER TABLE t ADD COLUMN c date;\n");
    t.file(
        "next/002.sql",
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL;\n",
    );
    let index = t.file("index.sql", "CREATE INDEX t_c ON t (c);\n");
    let o = run(&[
        &prod,
        "--pending",
        &t.path("next"),
        "--pending",
        &index,
        &intended,
    ]);
    assert_eq!(
        (o.status.code(), stdout(&o).as_str()),
        (Some(0), ""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn provenance_names_the_migration_file_that_last_shaped_an_object() {
    let t = Tmp::new("provenance");
    t.file(
        "m/001_init.sql",
        "CREATE TABLE t (id integer);\nCREATE VIEW v AS SELECT id FROM t;\n",
    );
    t.file(
        "m/002_name.sql",
        "-- a column\n\nALTER TABLE t ADD COLUMN name text;\n",
    );
    let to = t.file("to.sql", "CREATE TABLE t (id integer, name text, email text);\nCREATE VIEW v AS SELECT id, name FROM t;\n");
    let m = t.path("m");
    let o = run(&["--provenance", &m, &to]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("-- from: {to}:1\n")),
        "{}",
        stdout(&o)
    );
    // The other way, the folder is TO: its table was last shaped by 002_name.sql, line 3.
    let o = run(&["--unsafe", "--provenance", &to, &m]);
    assert!(
        stdout(&o).contains(&format!("-- from: {m}/002_name.sql:3\n")),
        "{}",
        stdout(&o)
    );
    let plan: serde_json::Value =
        serde_json::from_slice(&run(&["--unsafe", "--format", "json", &to, &m]).stdout)
            .expect("JSON");
    let table = plan["statements"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["object"]["name"] == "t"))
        .cloned()
        .expect("a statement on t");
    assert_eq!(
        table["provenance"]["to"]["defined"]["file"],
        format!("{m}/001_init.sql")
    );
    assert_eq!(table["provenance"]["to"]["defined"]["line"], 1);
    assert_eq!(
        table["provenance"]["to"]["changed"]["file"],
        format!("{m}/002_name.sql")
    );
    assert_eq!(table["provenance"]["to"]["changed"]["line"], 3);
}
