//! `--online`: the forms PostgreSQL offers for changing a table that holds rows and serves
//! queries without blocking it for the length of a scan or an index build.
//!
//! - Indexes are built and dropped `CONCURRENTLY` (SHARE UPDATE EXCLUSIVE instead of SHARE /
//!   ACCESS EXCLUSIVE; outside any transaction block).
//! - A CHECK or FOREIGN KEY is added `NOT VALID` (a brief lock, no scan), then validated in a
//!   transaction of its own (`VALIDATE CONSTRAINT` scans under SHARE UPDATE EXCLUSIVE only).
//! - `SET NOT NULL` is proved first by a validated `CHECK (c IS NOT NULL)`, which PostgreSQL 12
//!   and later trust instead of scanning; the CHECK is dropped once the column is NOT NULL.
//! - A PRIMARY KEY or UNIQUE constraint adopts a unique index built concurrently
//!   (`ADD CONSTRAINT ... USING INDEX`).
//!
//! Only tables that hold rows get these forms (a table the migration creates is empty), and
//! only plain tables: PostgreSQL builds no index concurrently on a partitioned table, nor adds
//! a foreign key to one `NOT VALID`.

use super::Diff;
use crate::catalog::graph::Node;
use crate::catalog::{Constraint, ConstraintKind, QualName};
use crate::emit::quote;

/// Whether table `q` is there before and after the migration, keeps rows here, and is a plain
/// (not partitioned, not foreign) table: the online forms apply to it.
pub(super) fn applies(d: &Diff, q: &QualName) -> bool {
    d.opts.online
        && !d.dropped_tables.contains(q)
        && d.from
            .tables
            .get(q)
            .is_some_and(|t| t.foreign.is_none() && t.partition_by.is_none())
        && d.to
            .tables
            .get(q)
            .is_some_and(|t| t.foreign.is_none() && t.partition_by.is_none())
}

/// `CREATE [UNIQUE] INDEX CONCURRENTLY ...` from an index's canonical `CREATE` statement.
pub(super) fn concurrently(def: &str) -> String {
    match def.split_once(" INDEX ") {
        Some((head, rest)) => format!("{head} INDEX CONCURRENTLY {rest}"),
        None => def.to_string(),
    }
}

/// Adds constraint `name` (`c`) to table `q` in its online form, if it has one; returns
/// whether it did.
pub(super) fn add_constraint(d: &mut Diff, q: &QualName, name: &str, c: &Constraint) -> bool {
    if !applies(d, q) {
        return false;
    }
    let node = Node::Constraint(q.clone(), name.to_string());
    let alter = format!("ALTER TABLE {}", q.sql());
    let ident = quote::ident(name);
    match c.kind {
        ConstraintKind::Check | ConstraintKind::ForeignKey if !c.def.ends_with(" NOT VALID") => {
            d.create(
                &node,
                c.pos,
                format!("{alter} ADD CONSTRAINT {ident} {} NOT VALID", c.def),
            );
            d.create(&node, c.pos, format!("{alter} VALIDATE CONSTRAINT {ident}"));
            d.own_transaction();
            true
        }
        ConstraintKind::PrimaryKey | ConstraintKind::Unique => {
            let keyword = if c.kind == ConstraintKind::PrimaryKey {
                "PRIMARY KEY"
            } else {
                "UNIQUE"
            };
            let cols: Vec<String> = c.columns.iter().map(|k| quote::ident(k)).collect();
            // Only the plain form: INCLUDE, WITH, DEFERRABLE ... have no index spelling here.
            if c.def != format!("{keyword} ({})", cols.join(", ")) {
                return false;
            }
            d.create(
                &node,
                c.pos,
                format!(
                    "CREATE UNIQUE INDEX CONCURRENTLY {ident} ON {} USING btree ({})",
                    q.sql(),
                    cols.join(", ")
                ),
            );
            d.create(
                &node,
                c.pos,
                format!("{alter} ADD CONSTRAINT {ident} {keyword} USING INDEX {ident}"),
            );
            true
        }
        ConstraintKind::Check | ConstraintKind::ForeignKey | ConstraintKind::Exclude => false,
    }
}

/// `SET NOT NULL` on column `column` of table `q`, proved first by a validated CHECK; returns
/// whether it did.
pub(super) fn set_not_null(d: &mut Diff, q: &QualName, column: &str, pos: usize) -> bool {
    if !applies(d, q) {
        return false;
    }
    let check = check_name(d, q, column);
    let node = Node::Table(q.clone());
    let alter = format!("ALTER TABLE {}", q.sql());
    let (col, ident) = (quote::ident(column), quote::ident(&check));
    d.create(
        &node,
        pos,
        format!("{alter} ADD CONSTRAINT {ident} CHECK ({col} IS NOT NULL) NOT VALID"),
    );
    d.create(&node, pos, format!("{alter} VALIDATE CONSTRAINT {ident}"));
    d.own_transaction();
    d.create(
        &node,
        pos,
        format!("{alter} ALTER COLUMN {col} SET NOT NULL"),
    );
    d.create(&node, pos, format!("{alter} DROP CONSTRAINT {ident}"));
    true
}

/// A name for the temporary NOT NULL check on `q.column` that no constraint of the table
/// has on either side, within PostgreSQL's 63 bytes.
fn check_name(d: &Diff, q: &QualName, column: &str) -> String {
    let taken = |n: &str| {
        [d.from, d.to].iter().any(|c| {
            c.tables
                .get(q)
                .is_some_and(|t| t.constraints.contains_key(n))
        })
    };
    let base = format!("{}_{}_not_null", q.name, column);
    (0..)
        .map(|i| {
            let suffix = if i == 0 { String::new() } else { i.to_string() };
            let mut stem = base.clone();
            while stem.len() + suffix.len() > 63 {
                stem.pop();
            }
            format!("{stem}{suffix}")
        })
        .find(|n| !taken(n))
        .unwrap_or(base)
}
