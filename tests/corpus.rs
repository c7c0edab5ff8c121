//! Building up and tearing down every schema there is: each file of the shared corpus (when
//! it is beside the project) and each fixture's a.sql and b.sql, EMPTY -> file and file ->
//! EMPTY, must pass self-verification and settle (the diff engine finds nothing after the
//! migration), offline. A sample of them (every `SAMPLE`th, `CORPUS_SAMPLE=n` to change it)
//! also round-trips on a real server: the migration builds the file's schema from nothing and
//! takes it down to nothing.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::common::migrate_checked;
use crate::common::pg::{normalize, Cluster};
use crate::common::roles::roles_in;

/// Every how many files one round-trips on the server.
const SAMPLE: usize = 8;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "sql") && !p.ends_with("expected.sql") {
            out.push(p);
        }
    }
}

/// The corpus files and the fixtures' a.sql / b.sql (not the `as_written` or `histories`
/// ones, which are not schemas on their own).
fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    collect(&root.join("../shared/corpus"), &mut out);
    let fixtures = root.join("fixtures");
    for e in std::fs::read_dir(&fixtures).expect("fixtures/").flatten() {
        for side in ["a.sql", "b.sql"] {
            if e.path().join(side).exists() {
                out.push(e.path().join(side));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_schema_builds_up_from_empty_and_tears_down_to_empty() {
    let files = files();
    assert!(files.len() > 200, "only {} files", files.len());
    let problems: Vec<String> = files
        .par_iter()
        .flat_map_iter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            let mut found = Vec::new();
            if pgdumpdiff::catalog_from_sql("x.sql", &text).is_err() {
                return found;
            }
            for (way, from, to) in [
                ("EMPTY ->", "", text.as_str()),
                ("-> EMPTY", text.as_str(), ""),
            ] {
                let (_, problems) = migrate_checked(from, to, false);
                found.extend(
                    problems
                        .into_iter()
                        .map(|p| format!("{} {way}: {p}", f.display())),
                );
            }
            found
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems; the first:\n{}",
        problems.len(),
        problems
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );

    let every: usize = std::env::var("CORPUS_SAMPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SAMPLE)
        .max(1);
    let pg = Cluster::start();
    let empty = normalize(&pg.dump_of("").expect("an empty database dumps"), false);
    let mut failed = Vec::new();
    for f in files.iter().step_by(every) {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        if pg.ensure_roles(&roles_in(&text)).is_err() {
            continue;
        }
        // Files the server refuses as they are (a hand-written fixture of an old version)
        // have nothing to round-trip.
        let Ok(dump) = pg.dump_of(&text) else {
            continue;
        };
        let up = crate::common::migrate(&empty_dump(&pg), &dump);
        match pg.dump_of(&up) {
            Ok(built) if normalize(&built, true) == normalize(&dump, true) => {}
            Ok(_) => failed.push(format!(
                "{}: EMPTY -> file builds another schema",
                f.display()
            )),
            Err(e) => failed.push(format!("{}: EMPTY -> file does not load: {e}", f.display())),
        }
        let down = crate::common::migrate(&dump, &empty_dump(&pg));
        match pg.dump_of(&format!("{dump}\n{down}")) {
            Ok(torn) if normalize(&torn, false) == empty => {}
            Ok(torn) => failed.push(format!(
                "{}: file -> EMPTY leaves:\n{}",
                f.display(),
                normalize(&torn, false)
            )),
            Err(e) => failed.push(format!(
                "{}: file -> EMPTY does not apply: {e}",
                f.display()
            )),
        }
    }
    assert!(
        failed.is_empty(),
        "{} round trips failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

fn empty_dump(pg: &Cluster) -> String {
    pg.dump_of("").expect("an empty database dumps")
}
