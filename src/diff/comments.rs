//! COMMENT ON changes, re-emitted for objects that are dropped and recreated.

use std::collections::BTreeSet;

use super::Diff;
use crate::catalog::Catalog;
use crate::emit::quote;

pub(super) fn diff_comments(d: &mut Diff) {
    let live = targets(d.to);
    for (target, c) in &d.to.comments {
        let unchanged = d.from.comments.get(target).is_some_and(|old| old.text == c.text);
        if !unchanged || recreated(d, target) {
            d.create(c.pos, format!("COMMENT ON {target} IS {}", quote::literal(&c.text)));
        }
    }
    for (target, c) in &d.from.comments {
        if !d.to.comments.contains_key(target) && live.contains(target) && !recreated(d, target) {
            d.create(c.pos, format!("COMMENT ON {target} IS NULL"));
        }
    }
}

/// Whether the commented object (or the relation a column belongs to) is recreated.
fn recreated(d: &Diff, target: &str) -> bool {
    if d.recreated.contains(target) {
        return true;
    }
    let Some(col) = target.strip_prefix("COLUMN ") else { return false };
    let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
    ["TABLE", "VIEW", "MATERIALIZED VIEW"].iter().any(|k| d.recreated.contains(&format!("{k} {rel}")))
}

/// Every comment target that exists in a catalog.
fn targets(c: &Catalog) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in c.schemas.keys() {
        out.insert(format!("SCHEMA {}", quote::ident(s)));
    }
    for e in c.extensions.keys() {
        out.insert(format!("EXTENSION {}", quote::ident(e)));
    }
    for (q, t) in &c.tables {
        out.insert(format!("TABLE {}", q.sql()));
        for col in &t.columns {
            out.insert(format!("COLUMN {}.{}", q.sql(), quote::ident(&col.name)));
        }
        for name in t.constraints.keys() {
            out.insert(format!("CONSTRAINT {} ON {}", quote::ident(name), q.sql()));
        }
    }
    for q in c.sequences.keys() {
        out.insert(format!("SEQUENCE {}", q.sql()));
    }
    for q in c.indexes.keys() {
        out.insert(format!("INDEX {}", q.sql()));
    }
    for o in c.objects.values() {
        out.insert(o.target.clone());
    }
    out
}
