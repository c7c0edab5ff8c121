//! Histories diffed as written: each `fixtures/histories/<case>/` holds FROM and TO as the
//! inputs themselves (`from.sql` / `to.sql`, or `from/` / `to/` folders of numbered
//! migrations), not their dumps, so the migration may use what TO's history says (an enum
//! label renamed). The migration must match `expected.sql` (written when missing,
//! rewritten with UPDATE_EXPECT=1), pass self-verification and settle; applied on
//! PostgreSQL to FROM populated with rows (`common::rows`: no row or value TO can hold may
//! be lost, and it must not fail there), it must give what TO gives, dumped. Each side, as written, must also
//! diff empty against its own dump (the replay of the history is what the server holds).

use std::path::{Path, PathBuf};

use pgdumpdiff::input::SourceSpec;

use crate::common::pg::{normalize, Cluster};
use crate::common::{migrate, rows, unified};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("histories");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/histories/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

/// `<name>.sql` in the case, or the folder `<name>/`.
fn side(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(format!("{name}.sql"));
    if file.exists() {
        file
    } else {
        dir.join(name)
    }
}

/// The SQL text of one side as the server gets it: its files in replay order, one after
/// the other.
fn text_of(spec: &SourceSpec) -> Result<String, String> {
    let files = pgdumpdiff::input::load(spec, &Default::default(), &mut Vec::new())
        .map_err(|e| e.to_string())?;
    Ok(files.iter().map(|f| format!("{}\n", f.text)).collect())
}

fn check_case(pg: &Cluster, dir: &Path) -> Result<(), String> {
    let (from_path, to_path) = (side(dir, "from"), side(dir, "to"));
    let spec = |p: &Path| SourceSpec::parse(&p.to_string_lossy());
    let load = |p: &Path| {
        pgdumpdiff::load(&spec(p), &pgdumpdiff::LoadOptions::default()).map_err(|e| {
            format!(
                "{} does not load: {}",
                p.display(),
                e.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        })
    };
    let (from, to) = (load(&from_path)?, load(&to_path)?);
    let mut problems: Vec<String> = from
        .warnings
        .iter()
        .chain(&to.warnings)
        .map(|w| format!("warning: {w}"))
        .collect();
    let mut m = pgdumpdiff::Migration::new(&from.catalog, &to.catalog);
    m.set_safety(false);
    m.add_all_changes();
    let migration = m.sql();
    if let Err(f) = m.verify() {
        let lines: Vec<String> = f.diagnostics().iter().map(|d| format!("{d}")).collect();
        problems.push(format!("self-verification fails:\n{}", lines.join("\n")));
    }
    let remaining = m.remaining();
    if !remaining.is_empty() {
        problems.push(format!(
            "after the migration the diff engine still finds:\n{}",
            remaining.join(";\n")
        ));
    }
    let expected_path = dir.join("expected.sql");
    match std::fs::read_to_string(&expected_path) {
        Ok(expected) if std::env::var_os("UPDATE_EXPECT").is_none() => {
            if expected != migration {
                problems.push(format!(
                    "migration differs from expected.sql (UPDATE_EXPECT=1 to accept):\n{}",
                    unified(&expected, &migration)
                ));
            }
        }
        _ => std::fs::write(&expected_path, &migration)
            .map_err(|e| format!("cannot write expected.sql: {e}"))?,
    }
    if migration.is_empty() {
        problems.push("the migration is empty, but FROM and TO differ".to_string());
    }

    let (from_sql, to_sql) = (text_of(&spec(&from_path))?, text_of(&spec(&to_path))?);
    let dump_to = pg
        .dump_of(&to_sql)
        .map_err(|e| format!("TO does not load: {e}"))?;
    for (name, sql) in [("FROM", &from_sql), ("TO", &to_sql)] {
        let dump = pg
            .dump_of(sql)
            .map_err(|e| format!("{name} does not load: {e}"))?;
        for (way, a, b) in [
            ("as written -> dump", sql, &dump),
            ("dump -> as written", &dump, sql),
        ] {
            let d = migrate(a, b);
            if !d.is_empty() {
                problems.push(format!("{name} ({way}) is not empty: the replay of the history is not what the server holds:\n{d}"));
            }
        }
    }
    let single_tx = !migration.contains(" ADD VALUE ");
    let outcome = rows::apply(pg, &from_sql, &dump_to, &migration, single_tx, false);
    if std::env::var_os("ROWS_SUMMARY").is_some() {
        println!(
            "{}: {}",
            dir.file_name().unwrap_or_default().to_string_lossy(),
            outcome.summary
        );
    }
    problems.extend(outcome.problems);
    if let Some(got) = outcome.dump {
        if normalize(&got, false) != normalize(&dump_to, false) {
            problems.push(format!(
                "FROM + migration differs from TO:\n{}",
                unified(&normalize(&dump_to, false), &normalize(&got, false))
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn histories_diffed_as_written_round_trip() {
    let cases = cases();
    assert!(!cases.is_empty(), "no fixtures/histories/<case>/");
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
        "{} of {} histories failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
