//! COMMENT ON changes, re-emitted for objects that are dropped and recreated.

use std::collections::BTreeMap;

use super::Diff;
use crate::catalog::graph::Node;
use crate::catalog::{Catalog, ConstraintKind, ObjKey, ObjKind, QualName};
use crate::emit::quote;

pub(super) fn diff_comments(d: &mut Diff) {
    let live = targets(d.to);
    for (target, c) in &d.to.comments {
        let unchanged = d.from.comments.get(target).is_some_and(|old| old.text == c.text);
        if !unchanged || recreated(d, target) {
            let node = node_of(&live, target).unwrap_or_else(|| unknown_target(target));
            d.create(&node, c.pos, format!("COMMENT ON {target} IS {}", quote::literal(&c.text)));
        }
    }
    for (target, c) in &d.from.comments {
        if !d.to.comments.contains_key(target) && !recreated(d, target) && !dropped_column(&live, target) {
            let Some(node) = node_of(&live, target) else { continue };
            d.create(&node, c.pos, format!("COMMENT ON {target} IS NULL"));
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
    ["TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW"].iter().any(|k| d.recreated.contains(&format!("{k} {rel}")))
}

/// Whether `target` is a column of a table that TO holds without it: the column is dropped
/// (or renamed), and its comment goes with it.
fn dropped_column(live: &BTreeMap<String, Node>, target: &str) -> bool {
    let Some(col) = target.strip_prefix("COLUMN ") else { return false };
    let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
    !live.contains_key(target) && ["TABLE", "FOREIGN TABLE"].iter().any(|k| matches!(live.get(&format!("{k} {rel}")), Some(Node::Table(_))))
}

/// Every comment target that exists in a catalog, with the object it hangs on (a column's
/// comment hangs on its table).
pub(super) fn targets(c: &Catalog) -> BTreeMap<String, Node> {
    let mut out = BTreeMap::new();
    for s in c.schemas.keys() {
        out.insert(format!("SCHEMA {}", quote::ident(s)), Node::Schema(s.clone()));
    }
    for e in c.extensions.keys() {
        out.insert(format!("EXTENSION {}", quote::ident(e)), Node::Extension(e.clone()));
    }
    for (q, t) in &c.tables {
        let kind = if t.foreign.is_some() { "FOREIGN TABLE" } else { "TABLE" };
        out.insert(format!("{kind} {}", q.sql()), Node::Table(q.clone()));
        for col in &t.columns {
            out.insert(format!("COLUMN {}.{}", q.sql(), quote::ident(&col.name)), Node::Table(q.clone()));
        }
        for (name, con) in &t.constraints {
            let node = Node::Constraint(q.clone(), name.clone());
            out.insert(format!("CONSTRAINT {} ON {}", quote::ident(name), q.sql()), node.clone());
            if matches!(con.kind, ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclude) {
                // The index behind the constraint, which shares its name.
                out.insert(format!("INDEX {}", QualName::new(q.schema.clone(), name.clone()).sql()), node);
            }
        }
    }
    for q in c.sequences.keys() {
        out.insert(format!("SEQUENCE {}", q.sql()), Node::Sequence(q.clone()));
    }
    for q in c.indexes.keys() {
        out.insert(format!("INDEX {}", q.sql()), Node::Index(q.clone()));
    }
    for (k, o) in &c.objects {
        out.insert(o.target.clone(), Node::Object(k.clone()));
        for name in o.domain.iter().flat_map(|d| d.checks.keys()) {
            let q = QualName::new(k.schema.clone(), k.name.clone());
            out.insert(format!("CONSTRAINT {} ON DOMAIN {}", quote::ident(name), q.sql()), Node::Object(k.clone()));
        }
        if matches!(k.kind, ObjKind::View | ObjKind::MaterializedView) {
            let rel = QualName::new(k.schema.clone(), k.name.clone()).sql();
            out.insert(format!("TABLE {rel}"), Node::Object(k.clone()));
        }
    }
    out
}

/// The object a comment target hangs on; a view column's comment hangs on its view.
pub(super) fn node_of(live: &BTreeMap<String, Node>, target: &str) -> Option<Node> {
    live.get(target).cloned().or_else(|| {
        let col = target.strip_prefix("COLUMN ")?;
        let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
        live.get(&format!("TABLE {rel}")).or_else(|| live.get(&format!("FOREIGN TABLE {rel}"))).cloned()
    })
}

/// A comment on something the catalog does not hold (the server will say what is wrong).
fn unknown_target(target: &str) -> Node {
    Node::Object(ObjKey { kind: ObjKind::Type, schema: String::new(), name: target.to_string(), sub: "comment".to_string() })
}
