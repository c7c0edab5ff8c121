//! pg_dumpall output: roles and tablespaces first, then one section per database, each
//! after a `\connect` line. pgdumpdiff compares one database: with several in a file,
//! `--database NAME` picks whose sections are read and the rest is blanked like psql
//! meta-commands (same bytes, same lines), with one note saying what was left out. A file
//! that connects to one database only (`pg_dump -C`) is that database, read whole.

use std::ops::Range;
use std::sync::Arc;

use super::meta::{blank, Connect};
use super::source::SourceFile;
use crate::diag::Diag;

/// The databases a file connects to, in order of first appearance.
fn databases(connects: &[Connect]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for name in connects.iter().filter_map(|c| c.database.as_deref()) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// The file as read: whole, or with `database`'s sections only. `connects` are its
/// `\connect` lines (see `meta`). Several databases and no `database`, or a `database` the
/// file does not hold, are errors naming the databases found.
pub fn select(
    mut file: SourceFile,
    connects: &[Connect],
    database: Option<&str>,
) -> Result<(Arc<SourceFile>, Option<Diag>), Box<Diag>> {
    let names = databases(connects);
    let first_line = connects.first().map_or(0..0, |c| c.line.clone());
    let whole = match (names.as_slice(), database) {
        ([], _) | ([_], None) => true,
        ([only], Some(wanted)) => *only == wanted,
        (_, _) => false,
    };
    if whole {
        return Ok((Arc::new(file), None));
    }
    let Some(wanted) = database.filter(|d| names.contains(d)) else {
        // The error shows the `\connect` line, which blanking took out of the text.
        file.edit(|bytes| {
            for c in connects {
                if let Some(line) = bytes
                    .get_mut(c.line.clone())
                    .filter(|l| l.len() == c.written.len())
                {
                    line.copy_from_slice(c.written.as_bytes());
                }
            }
        });
        let file = Arc::new(file);
        let (message, help) = match database {
            None => (
                format!("{} holds {} databases (pg_dumpall output): {}; pgdumpdiff compares one database", file.name, names.len(), quoted_list(&names)),
                "pick one with --database NAME".to_string(),
            ),
            Some(wanted) => (
                format!("{} has no database \"{wanted}\": it connects to {}", file.name, quoted_list(&names)),
                "--database takes one of the databases the file connects to".to_string(),
            ),
        };
        return Err(Box::new(
            Diag::error("pg-dumpall", message)
                .at(&file, first_line)
                .with_help(help),
        ));
    };

    // Each section runs from its `\connect` line to the next database's `-- Database "x"
    // dump` header (pg_dumpall 11 and later create the next database from the previous
    // one's connection), or to the next `\connect`; the text before the first one is the
    // cluster's (roles, tablespaces), and so is what lies between a header and its
    // `\connect` (CREATE DATABASE). `\connect -` stays in the same database.
    let mut skipped: Vec<Range<usize>> = Vec::new();
    let mut kept_from: Option<usize> = None;
    let mut current: Option<&str> = None;
    for (i, c) in connects.iter().enumerate() {
        if i == 0 {
            skipped.push(0..c.line.start);
        }
        current = c.database.as_deref().or(current);
        let next = connects
            .get(i + 1)
            .map_or(file.text.len(), |n| n.line.start);
        let end = match connects.get(i + 1) {
            Some(_) => header_before(&file.text, c.line.end, next).unwrap_or(next),
            None => next,
        };
        if current == Some(wanted) {
            kept_from.get_or_insert(c.line.start);
            skipped.push(end..next);
        } else {
            skipped.push(c.line.start..next);
        }
    }
    let (roles, tablespaces) = skipped.iter().fold((0, 0), |(r, t), range| {
        let (r2, t2) = cluster_objects(file.text.get(range.clone()).unwrap_or_default());
        (r + r2, t + t2)
    });
    file.edit(|bytes| {
        for range in &skipped {
            blank(bytes, range.clone());
        }
    });
    let file = Arc::new(file);
    let others: Vec<&str> = names.iter().copied().filter(|n| *n != wanted).collect();
    let mut parts = Vec::new();
    if roles + tablespaces > 0 {
        parts.push(format!(
            "its {} and {} are cluster objects, not compared",
            count(roles, "role", "roles"),
            count(tablespaces, "tablespace", "tablespaces")
        ));
    }
    parts.push(format!(
        "its other databases are not read: {}",
        quoted_list(&others)
    ));
    // No span: the `\connect` line it would show is blanked.
    let (line, _) = file.line_col(kept_from.unwrap_or(first_line.start));
    let note = Diag::warning(
        "cluster-objects",
        format!(
            "{} is pg_dumpall output; only database \"{wanted}\" is read (from line {line}): {}",
            file.name,
            parts.join("; ")
        ),
    );
    Ok((file, Some(note)))
}

/// Start of the last `-- Database "x" dump` line (pg_dumpall's header of a database's
/// section) in `text[from..to]`.
fn header_before(text: &str, from: usize, to: usize) -> Option<usize> {
    let region = text.get(from..to)?;
    let mut found = None;
    let mut at = from;
    for line in region.split_inclusive('\n') {
        let l = line.trim_end();
        if l.starts_with("-- Database \"") && l.ends_with("\" dump") {
            found = Some(at);
        }
        at += line.len();
    }
    found
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Roles and tablespaces created in `text` (pg_dumpall writes one `CREATE ROLE` /
/// `CREATE TABLESPACE` per line).
fn cluster_objects(text: &str) -> (usize, usize) {
    let starts = |prefix: &str| {
        text.lines()
            .filter(|l| {
                l.get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
            })
            .count()
    };
    (starts("CREATE ROLE "), starts("CREATE TABLESPACE "))
}
