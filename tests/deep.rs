//! Deep expressions, kept under `tests/inputs/deep/`: a 47-term sum (a view and a CHECK), a
//! pg_dump view of 60 nested `||`, a view of 1,000 nested CASE. PostgreSQL accepts them, so
//! they parse, replay, diff and verify, and the migrations load on a real server. Deeper than
//! PostgreSQL's parser goes (`too_deep*.sql`), the input is a located parse error, never a
//! crash.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::pg::{normalize, Cluster};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/deep")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .args(args)
        .current_dir(dir())
        .output()
        .expect("run pgdumpdiff")
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn deep_expressions_build_up_tear_down_and_diff() {
    let pg = Cluster::start();
    let empty = normalize(&pg.dump_of("").expect("an empty database dumps"), false);
    for file in ["sum.sql", "concat.sql", "case.sql"] {
        let up = run(&["EMPTY", file]);
        assert_eq!(up.status.code(), Some(2), "EMPTY -> {file}: {}", out(&up));
        let down = run(&["--unsafe", file, "EMPTY"]);
        assert_eq!(
            down.status.code(),
            Some(2),
            "{file} -> EMPTY: {}",
            out(&down)
        );
        let same = run(&[file, file]);
        assert_eq!(
            same.status.code(),
            Some(0),
            "{file} -> itself: {}",
            out(&same)
        );
        // On the server: EMPTY + the migration dumps as the file does; the file + the
        // teardown dumps as an empty database.
        let built = pg
            .dump_of(&String::from_utf8_lossy(&up.stdout))
            .unwrap_or_else(|e| panic!("EMPTY -> {file} does not load: {e}"));
        let want = pg
            .dump_of(&read(file))
            .unwrap_or_else(|e| panic!("{file} does not load: {e}"));
        assert_eq!(
            normalize(&built, false),
            normalize(&want, false),
            "EMPTY -> {file} does not build {file}"
        );
        let torn = pg
            .dump_of(&format!(
                "{}\n{}",
                read(file),
                String::from_utf8_lossy(&down.stdout)
            ))
            .unwrap_or_else(|e| panic!("{file} -> EMPTY does not apply: {e}"));
        assert_eq!(
            normalize(&torn, false),
            empty,
            "{file} -> EMPTY leaves something"
        );
    }
    let changed = run(&["case.sql", "case_changed.sql"]);
    assert_eq!(
        changed.status.code(),
        Some(2),
        "case -> case_changed: {}",
        out(&changed)
    );
    let migrated = pg
        .dump_of(&format!(
            "{}\n{}",
            read("case.sql"),
            String::from_utf8_lossy(&changed.stdout)
        ))
        .unwrap_or_else(|e| panic!("case -> case_changed does not apply: {e}"));
    let want = pg
        .dump_of(&read("case_changed.sql"))
        .expect("case_changed.sql loads");
    assert_eq!(
        normalize(&migrated, false),
        normalize(&want, false),
        "case -> case_changed"
    );
}

#[test]
fn deeper_than_the_parser_goes_is_a_located_error() {
    for (file, at, msg) in [
        ("too_deep.sql", "too_deep.sql:2:36", "memory exhausted"),
        (
            "too_deep_sum.sql",
            "too_deep_sum.sql:2:1",
            "stack depth limit exceeded",
        ),
    ] {
        let o = run(&["EMPTY", file]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", out(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(at) && err.contains(msg),
            "{file}: wanted {at}: {msg}, got:\n{err}"
        );
    }
}
