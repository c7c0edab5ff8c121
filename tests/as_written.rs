//! A schema written by hand and the same schema as pg_dump prints it build the same catalog:
//! each `fixtures/as_written/*.sql`, diffed against its own pg_dump output (both ways), must
//! give no statements. This pins the canonical forms (names the server chooses for unnamed
//! constraints and indexes, type spellings, defaults left out, qualified names) against
//! PostgreSQL itself. (Expressions the server rewrites on the way in, such as an untyped
//! literal default gaining a cast, are beyond an offline parser; these files avoid them.)

use crate::common::migrate;
use crate::common::pg::Cluster;

#[test]
fn schemas_as_written_equal_their_dumps() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("as_written");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/as_written/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| f.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures/as_written/*.sql");
    let pg = Cluster::start();
    let mut failures = Vec::new();
    for f in &files {
        let written = std::fs::read_to_string(f).expect("readable fixture");
        let dump = match pg.dump_of(&written) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{}: does not load: {e}", f.display()));
                continue;
            }
        };
        for (what, a, b) in [("as written -> dump", &written, &dump), ("dump -> as written", &dump, &written)] {
            let m = migrate(a, b);
            if !m.is_empty() {
                failures.push(format!("{} ({what}) is not empty:\n{m}", f.strip_prefix(&root).unwrap_or(f).display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} files differ from their dumps:\n{}", failures.len(), files.len(), failures.join("\n"));
}
