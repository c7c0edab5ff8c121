//! Determinism: the same inputs give byte-identical output, at any thread count, run after
//! run. The input is large (generated: hundreds of tables, views, functions, indexes,
//! triggers) so that parallel parsing has work to split, and the run is verified.

use std::process::{Command, Output};

use crate::common::{migrate_checked, synth};

fn run(jobs: &str, from: &std::path::Path, to: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .args(["--unsafe", "-j", jobs])
        .arg(from)
        .arg(to)
        .output()
        .expect("run pgdumpdiff")
}

#[test]
fn output_is_byte_identical_across_thread_counts_and_runs() {
    let dir = std::env::temp_dir().join(format!("pgdumpdiff-determinism-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let (from, to) = (dir.join("from.sql"), dir.join("to.sql"));
    std::fs::write(&from, synth::schema(400, false)).expect("write FROM");
    std::fs::write(&to, synth::schema(400, true)).expect("write TO");

    let first = run("1", &from, &to);
    let stdout = String::from_utf8_lossy(&first.stdout).into_owned();
    assert_eq!(
        first.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let statements = stdout.matches(";\n\n").count();
    assert!(
        statements > 500,
        "expected a large migration, got {statements} statements"
    );
    for jobs in ["1", "4", "4", "2", "1", "4"] {
        let again = run(jobs, &from, &to);
        assert_eq!(again.status.code(), first.status.code(), "-j {jobs}");
        assert!(
            again.stdout == first.stdout,
            "-j {jobs}: the migration differs from the first run's"
        );
        assert!(
            again.stderr == first.stderr,
            "-j {jobs}: the diagnostics differ from the first run's"
        );
    }
    // The other formats too.
    for format in ["summary", "json"] {
        let runs: Vec<Output> = ["1", "4", "2"]
            .iter()
            .map(|j| {
                Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
                    .args(["--unsafe", "--format", format, "-j", j])
                    .arg(&from)
                    .arg(&to)
                    .output()
                    .expect("run")
            })
            .collect();
        assert_eq!(
            runs[0].status.code(),
            Some(2),
            "{format}: {}",
            String::from_utf8_lossy(&runs[0].stderr)
        );
        assert!(
            runs.iter()
                .all(|r| r.stdout == runs[0].stdout && !r.stdout.is_empty()),
            "--format {format} differs between runs"
        );
    }
    // Each side against itself: nothing to do.
    for side in [&from, &to] {
        let same = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
            .args(["-j", "4"])
            .arg(side)
            .arg(side)
            .output()
            .expect("run");
        assert_eq!(
            same.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&same.stderr)
        );
        assert!(same.stdout.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_large_migration_verifies_and_settles() {
    let (migration, problems) =
        migrate_checked(&synth::schema(300, false), &synth::schema(300, true), false);
    assert!(!migration.is_empty());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
