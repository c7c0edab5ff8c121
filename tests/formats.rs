//! The reviewer's summary and the JSON plan, by snapshot on real pairs: a few
//! `fixtures/<case>/` whose a.sql and b.sql are loaded into PostgreSQL and dumped (as the
//! fixtures test does), diffed, and rendered. `summary.txt` and `plan.json` beside them are
//! the reviewed snapshots (written when missing, rewritten with UPDATE_EXPECT=1). The JSON
//! is also checked against what it must say whatever the snapshot: the statements are the
//! SQL migration's, in its order, with the counts of its summary.
//!
//! The binary's side (colours, NO_COLOR, the formats on a large migration) is covered
//! without a server.

use std::path::Path;
use std::process::Command;

use pgdumpdiff::emit;
use serde_json::Value;

use crate::common::pg::Cluster;
use crate::common::{synth, unified};

/// Cases that between them show every section, rebuild reason and diff style: dropped and
/// added columns and indexes with data loss, tables created with their keys (`multi_column_
/// changes`); views rebuilt because a table's columns change or a view under them is rebuilt
/// (`deps_view_chain`); one-line word diffs of views (`view_changes`); routines replaced or
/// rebuilt, with line diffs of bodies (`procedures_and_atomic_bodies`); an enum rebuilt
/// (`enum_rebuild`).
const CASES: [&str; 5] = [
    "multi_column_changes",
    "deps_view_chain",
    "view_changes",
    "procedures_and_atomic_bodies",
    "enum_rebuild",
];

fn snapshot(dir: &Path, name: &str, got: &str, problems: &mut Vec<String>) {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(expected) if std::env::var_os("UPDATE_EXPECT").is_none() => {
            if expected != got {
                problems.push(format!(
                    "{name} differs from the snapshot (UPDATE_EXPECT=1 to accept):\n{}",
                    unified(&expected, got)
                ));
            }
        }
        _ => std::fs::write(&path, got)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display())),
    }
}

/// What the JSON plan of a migration must say, whatever its snapshot.
fn check_plan(json: &str, m: &pgdumpdiff::Migration) -> Vec<String> {
    let mut problems = Vec::new();
    let v: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return vec![format!("the JSON does not parse: {e}")],
    };
    if v["version"] != 1 {
        problems.push(format!("version is {}", v["version"]));
    }
    let statements = v["statements"].as_array().cloned().unwrap_or_default();
    let sqls: Vec<&str> = statements
        .iter()
        .filter_map(|s| s["sql"].as_str())
        .collect();
    if sqls
        != m.statements()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    {
        problems.push("the statements are not the migration's, in its order".into());
    }
    // The SQL output without its comments and its preamble is the statements, each ended.
    let sql: String = m
        .sql()
        .lines()
        .filter(|l| !l.starts_with("-- "))
        .collect::<Vec<_>>()
        .join("\n");
    let sql = sql
        .trim_start_matches("SET check_function_bodies = false;")
        .trim();
    let joined: Vec<String> = sqls.iter().map(|s| format!("{s};")).collect();
    if sql != joined.join("\n\n") {
        problems.push(format!(
            "the statements joined are not the SQL output:\n{}",
            unified(sql, &joined.join("\n\n"))
        ));
    }
    if v["summary"]["statements"] != statements.len() {
        problems.push("summary.statements is not the number of statements".into());
    }
    let lock = statements
        .iter()
        .filter(|s| {
            s["hazards"]
                .as_array()
                .is_some_and(|h| h.iter().any(|h| h["kind"] == "lock"))
        })
        .count();
    if v["summary"]["hazards"]["lock"] != lock {
        problems.push("summary.hazards.lock is not the number of statements that lock".into());
    }
    if v["summary"]["destructive"]
        != m.changes()
            .iter()
            .any(|c| c.hazards.iter().any(|h| h.is_data_loss()))
    {
        problems.push("summary.destructive is wrong".into());
    }
    for s in &statements {
        let action = s["change"]["action"].as_str().unwrap_or("");
        if !["create", "drop", "alter", "rebuild"].contains(&action) {
            problems.push(format!("unknown action {action}"));
        }
        if (action == "rebuild") != s["change"]["reason"].is_object() {
            problems.push(format!(
                "a reason goes with a rebuild, and only with it: {s}"
            ));
        }
        // Every object is defined somewhere: in a.sql if FROM has it, in b.sql if TO has it.
        let side = |k: &str, file: &str| {
            s["provenance"][k]["defined"]["file"] == file
                && s["provenance"][k]["defined"]["line"]
                    .as_u64()
                    .is_some_and(|l| l > 0)
        };
        let placed = match action {
            "create" => side("to", "b.sql") && s["provenance"]["from"].is_null(),
            "drop" => side("from", "a.sql") && s["provenance"]["to"].is_null(),
            _ => side("from", "a.sql") && side("to", "b.sql"),
        };
        // A renamed-aside enum and a comment on a target nothing models have no place.
        if !placed && s["object"]["kind"] != "type" {
            problems.push(format!("provenance does not match the action: {s}"));
        }
    }
    problems
}

#[test]
fn summary_and_json_of_real_dumps_match_their_snapshots() {
    let pg = Cluster::start();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut failures = Vec::new();
    for case in CASES {
        let dir = root.join(case);
        let read = |f: &str| {
            std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{case}/{f}: {e}"))
        };
        let dump_a = pg
            .dump_of(&read("a.sql"))
            .unwrap_or_else(|e| panic!("{case}/a.sql does not load: {e}"));
        let dump_b = pg
            .dump_of(&read("b.sql"))
            .unwrap_or_else(|e| panic!("{case}/b.sql does not load: {e}"));
        let a = pgdumpdiff::catalog_from_sql("a.sql", &dump_a).expect("a loads");
        let b = pgdumpdiff::catalog_from_sql("b.sql", &dump_b).expect("b loads");
        let mut m = pgdumpdiff::Migration::new(&a, &b);
        m.set_safety(false);
        m.add_all_changes();
        let mut problems = Vec::new();
        if m.changes().is_empty() {
            problems.push("no changes".to_string());
        }
        let summary = emit::summary::render(&m, &emit::summary::Options { color: false });
        snapshot(&dir, "summary.txt", &summary, &mut problems);
        if summary.contains('\x1b') {
            problems.push("the plain summary holds escape sequences".into());
        }
        let json = emit::json::render(&m);
        snapshot(&dir, "plan.json", &json, &mut problems);
        problems.extend(check_plan(&json, &m));
        if !problems.is_empty() {
            failures.push(format!("=== {case}\n{}", problems.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
}

fn fixture(case: &str, side: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(case)
        .join(side)
        .display()
        .to_string()
}

#[test]
fn colours_follow_color_and_no_color() {
    let (a, b) = (
        fixture("view_changes", "a.sql"),
        fixture("view_changes", "b.sql"),
    );
    let run = |args: &[&str], no_color: Option<&str>| {
        let mut c = bin();
        c.args(["--format", "summary"]).args(args).args([&a, &b]);
        match no_color {
            Some(v) => c.env("NO_COLOR", v),
            None => c.env_remove("NO_COLOR"),
        };
        let o = c.output().expect("runs");
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let plain = run(&[], None);
    assert!(!plain.contains('\x1b'), "piped output is plain:\n{plain}");
    assert!(
        plain.starts_with("Changed (5)\n  schema public\n    ~ view public.v_default"),
        "{plain}"
    );
    let always = run(&["--color", "always"], Some("1"));
    assert!(
        always.contains("\x1b[1;33mChanged (5)\x1b[0m"),
        "--color always colours, NO_COLOR or not:\n{always}"
    );
    // Colours replace the word diff's markers and add escapes: without them the text is
    // the plain summary without its markers.
    let mut stripped = String::new();
    let mut rest = always.as_str();
    while let Some(i) = rest.find('\x1b') {
        stripped.push_str(&rest[..i]);
        rest = &rest[i..];
        rest = &rest[rest.find('m').map_or(rest.len(), |j| j + 1)..];
    }
    stripped.push_str(rest);
    let unmarked = ["[-", "-]", "{+", "+}"]
        .iter()
        .fold(plain.clone(), |t, m| t.replace(m, ""));
    assert_eq!(stripped, unmarked);
    assert!(!run(&["--color", "never"], None).contains('\x1b'));
}

#[test]
fn a_large_migration_reads_as_a_summary_and_a_plan() {
    let dir = std::env::temp_dir().join(format!("pgdumpdiff-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let (from, to) = (dir.join("from.sql"), dir.join("to.sql"));
    std::fs::write(&from, synth::schema(300, false)).expect("write");
    std::fs::write(&to, synth::schema(300, true)).expect("write");
    let run = |format: &str| {
        let o = bin()
            .args(["--unsafe", "--format", format])
            .arg(&from)
            .arg(&to)
            .output()
            .expect("runs");
        assert_eq!(
            o.status.code(),
            Some(2),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let (sql, summary, json) = (run("sql"), run("summary"), run("json"));
    let _ = std::fs::remove_dir_all(&dir);
    let statements = sql.matches(";\n\n").count()
        - usize::from(sql.starts_with("SET check_function_bodies = false;"));
    assert!(
        sql.lines().count() > 2000,
        "a large migration: {} lines",
        sql.lines().count()
    );
    // Objects, not statements: new tables are one line each, hazards once per object.
    assert!(
        summary.lines().count() * 2 < sql.lines().count(),
        "the summary ({} lines) is far shorter than the SQL ({} lines)",
        summary.lines().count(),
        sql.lines().count()
    );
    for heading in ["Removed (", "Changed (", "Added (", "  schema app\n"] {
        assert!(summary.contains(heading), "{heading}");
    }
    let plan: Value = serde_json::from_str(&json).expect("the JSON parses");
    assert_eq!(plan["summary"]["statements"], statements);
    let o = &plan["summary"]["objects"];
    let counts = |k: &str| o[k].as_u64().unwrap_or(0);
    let last = summary.lines().last().unwrap_or("");
    let expected = format!(
        "{} removed, {} changed ({} rebuilt), {} added; {statements} statements",
        counts("dropped"),
        counts("altered") + counts("rebuilt"),
        counts("rebuilt"),
        counts("created")
    );
    assert!(
        last.starts_with(&expected),
        "the summary's counts are the plan's: {last:?} vs {expected:?}"
    );
}
