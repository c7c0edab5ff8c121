//! No perpetual diffs: every `fixtures/equal/<case>/` holds one schema written in two dump
//! styles (`a.sql`, `b.sql`). pgdumpdiff must find them equal both ways (exit 0, no
//! statements, self-verification on), and PostgreSQL must agree: both files load, and their
//! dumps (reloaded and dumped again) are identical, so a case cannot pass by hiding a real
//! difference.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::pg::{normalize, Cluster};
use crate::common::unified;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("equal");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/equal/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("a.sql").exists() && p.join("b.sql").exists())
        .collect();
    v.sort();
    v
}

fn check_case(pg: &Cluster, dir: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    let (a, b) = (dir.join("a.sql"), dir.join("b.sql"));
    for (from, to) in [(&a, &b), (&b, &a)] {
        let out = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
            .arg(from)
            .arg(to)
            .output()
            .expect("run pgdumpdiff");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if out.status.code() != Some(0) || !stdout.is_empty() {
            problems.push(format!(
                "{} -> {}: exit {:?}, statements:\n{stdout}{}",
                from.file_name().unwrap_or_default().to_string_lossy(),
                to.file_name().unwrap_or_default().to_string_lossy(),
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    // A dump reloaded and dumped again: PostgreSQL 15 prints an implicit array coercion
    // outside the ARRAY[...] it applies to (`(ARRAY['x'::character varying])::text[]`) and
    // reads that text back with the cast on each element, so a hand-written schema and its
    // dump meet only at the second dump.
    let settled = |sql: &str| pg.dump_of(sql).and_then(|d| pg.dump_of(&d));
    let dump_a = settled(&read(&a)?).map_err(|e| format!("a.sql does not load: {e}"))?;
    let dump_b = settled(&read(&b)?).map_err(|e| format!("b.sql does not load: {e}"))?;
    if normalize(&dump_a, false) != normalize(&dump_b, false) {
        problems.push(format!(
            "PostgreSQL says the schemas differ:\n{}",
            unified(&normalize(&dump_a, false), &normalize(&dump_b, false))
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn equal_schemas_in_different_dump_styles_diff_empty() {
    let cases = cases();
    assert!(
        cases.len() >= 10,
        "expected at least 10 equal-schema fixtures, found {}",
        cases.len()
    );
    let pg = Cluster::start();
    let mut failures = Vec::new();
    for dir in &cases {
        if let Err(e) = check_case(&pg, dir) {
            failures.push(format!(
                "=== {}\n{e}",
                dir.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} equal-schema fixtures failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
