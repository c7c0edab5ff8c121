//! Histories written by hand replay to what the server holds: each
//! `fixtures/as_written/*.sql` (CREATE statements followed by ALTER, RENAME, SET SCHEMA,
//! DROP, ... in the forms pg_dump never prints) is loaded into PostgreSQL and dumped; the
//! file and its dump must build the same catalog (no statements either way), and the file
//! must replay without an "is not supported" warning.

use std::path::{Path, PathBuf};

use crate::common::migrate;
use crate::common::pg::Cluster;

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("as_written");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/as_written/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    v.sort();
    v
}

#[test]
fn hand_written_histories_replay_to_their_dumps() {
    let files = files();
    assert!(!files.is_empty(), "no fixtures/as_written/*.sql");
    let pg = Cluster::start();
    let mut failures = Vec::new();
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let written = std::fs::read_to_string(f).expect("readable");
        let loaded = pgdumpdiff::load(
            &pgdumpdiff::input::SourceSpec::parse(&f.to_string_lossy()),
            &pgdumpdiff::LoadOptions::default(),
        );
        match loaded {
            Ok(l) => {
                for w in l
                    .warnings
                    .iter()
                    .filter(|w| w.code == "unsupported-statement")
                {
                    failures.push(format!("{name}: {w}"));
                }
            }
            Err(e) => failures.push(format!(
                "{name}: does not replay: {}",
                e.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        }
        let dump = match pg.dump_of(&written) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: does not load: {e}"));
                continue;
            }
        };
        for (way, a, b) in [
            ("file -> dump", &written, &dump),
            ("dump -> file", &dump, &written),
        ] {
            let m = migrate(a, b);
            if !m.is_empty() {
                failures.push(format!("{name} ({way}) is not empty:\n{m}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
