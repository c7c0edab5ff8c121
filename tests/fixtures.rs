//! Round trip of every `fixtures/<case>/`: a.sql and b.sql become real pg_dump output, the
//! migration between the dumps is compared with `expected.sql` (written when missing,
//! rewritten with UPDATE_EXPECT=1), applied to a database loaded from a.sql, and the result,
//! dumped, must equal b.sql's dump. Each dump diffed against itself, and the migrated dump
//! diffed against b's, must give no statements. Every migration must pass self-verification,
//! and after it the diff engine must find nothing more to do (`Migration::remaining`).

use std::path::{Path, PathBuf};

use crate::common::pg::{normalize, Cluster};
use crate::common::{migrate, migrate_checked, unified};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("a.sql").exists() && p.join("b.sql").exists())
        .collect();
    v.sort();
    v
}

fn needs_autocommit(sql: &str) -> bool {
    sql.contains(" CONCURRENTLY ") || sql.contains(" ADD VALUE ")
}

/// Runs one case; returns what went wrong.
fn check_case(pg: &Cluster, dir: &Path) -> Result<(), String> {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).map_err(|e| format!("{f}: {e}"));
    let dump_a = pg.dump_of(&read("a.sql")?).map_err(|e| format!("a.sql does not load: {e}"))?;
    let dump_b = pg.dump_of(&read("b.sql")?).map_err(|e| format!("b.sql does not load: {e}"))?;
    let (migration, checks) = migrate_checked(&dump_a, &dump_b);

    let expected_path = dir.join("expected.sql");
    let mut problems = checks;
    match std::fs::read_to_string(&expected_path) {
        Ok(expected) if std::env::var_os("UPDATE_EXPECT").is_none() => {
            if expected != migration {
                problems.push(format!("migration differs from expected.sql (UPDATE_EXPECT=1 to accept):\n{}", unified(&expected, &migration)));
            }
        }
        _ => std::fs::write(&expected_path, &migration).map_err(|e| format!("cannot write expected.sql: {e}"))?,
    }
    if migration.is_empty() {
        problems.push("the migration is empty, but a.sql and b.sql differ".to_string());
    }

    let db = pg.create_db();
    let applied = pg.psql(&db, &dump_a, false).and_then(|_| pg.psql(&db, &migration, !needs_autocommit(&migration)));
    let got = applied.as_ref().map(|_| pg.dump(&db));
    pg.drop_db(&db);
    match got {
        Err(e) => problems.push(format!("the migration does not apply: {e}\n{migration}")),
        Ok(got) => {
            if normalize(&got, false) != normalize(&dump_b, false) && normalize(&got, true) != normalize(&dump_b, true) {
                problems.push(format!("A + migration differs from B:\n{}", unified(&normalize(&dump_b, false), &normalize(&got, false))));
            }
            let again = migrate(&got, &dump_b);
            if !again.is_empty() {
                problems.push(format!("A + migration, diffed against B, is not empty:\n{again}"));
            }
        }
    }
    for (name, dump) in [("a", &dump_a), ("b", &dump_b)] {
        let (same, checks) = migrate_checked(dump, dump);
        if !same.is_empty() {
            problems.push(format!("{name} diffed against itself is not empty:\n{same}"));
        }
        problems.extend(checks.into_iter().map(|c| format!("{name} against itself: {c}")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn every_fixture_round_trips() {
    let cases = cases();
    assert!(cases.len() >= 40, "expected at least 40 fixtures, found {}", cases.len());
    let pg = Cluster::start();
    let mut failures = Vec::new();
    for dir in &cases {
        if let Err(e) = check_case(&pg, dir) {
            failures.push(format!("=== {}\n{e}", dir.file_name().unwrap_or_default().to_string_lossy()));
        }
    }
    println!("{} fixtures, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}
