//! CREATE SEQUENCE / ALTER SEQUENCE (options and OWNED BY).

use pg_query::protobuf::{AlterSeqStmt, CreateSeqStmt, Node};
use pg_query::NodeEnum;

use super::{name_list, node_string, Replay};
use crate::catalog::model::*;
use crate::catalog::types::type_sql;
use crate::syntax::Stmt;

impl Replay {
    pub(super) fn create_sequence(&mut self, pos: Pos, stmt: &Stmt, s: &CreateSeqStmt) {
        let Some(rv) = &s.sequence else { return };
        let name = self.create_name(&rv.schemaname, &rv.relname);
        if self.resolver().relation_exists(&name) {
            if !s.if_not_exists {
                self.reject(stmt, format!("relation {} already exists", name.sql()));
            }
            return;
        }
        let access = self.new_access(Some(DefaultAclKind::Sequences), Some(&name.schema));
        let mut seq = Sequence { options: SeqOptions::default(), owned_by: None, access, pos };
        let owned = self.seq_options(&mut seq.options, &s.options);
        seq.owned_by = owned.flatten();
        self.owned_hints.note(&name, &seq);
        self.catalog.sequences.insert(name, seq);
    }

    pub(super) fn alter_sequence(&mut self, _pos: Pos, stmt: &Stmt, s: &AlterSeqStmt) {
        let Some(rv) = &s.sequence else { return };
        let name = self.resolver().relation(&rv.schemaname, &rv.relname);
        let Some(mut seq) = self.catalog.sequences.remove(&name) else {
            if !s.missing_ok {
                self.missing(stmt, &name, format!("relation {} does not exist", name.sql()));
            }
            return;
        };
        if let Some(owned) = self.seq_options(&mut seq.options, &s.options) {
            seq.owned_by = owned;
        }
        self.shaped(super::super::graph::Node::Sequence(name.clone()));
        self.owned_hints.note(&name, &seq);
        self.catalog.sequences.insert(name, seq);
    }

    /// Applies sequence options; returns `Some(owned_by)` when OWNED BY was given.
    fn seq_options(&self, o: &mut SeqOptions, options: &[Node]) -> Option<Option<(QualName, String)>> {
        apply_seq_options(o, options);
        let mut owned = None;
        for opt in options {
            let Some(NodeEnum::DefElem(d)) = &opt.node else { continue };
            if d.defname == "owned_by" {
                let parts = match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                    Some(NodeEnum::List(l)) => name_list(&l.items),
                    _ => Vec::new(),
                };
                owned = Some(match parts.as_slice() {
                    [n] if n.eq_ignore_ascii_case("none") => None,
                    [t, c] => Some((self.resolver().relation("", t), c.clone())),
                    [s, t, c] => Some((QualName::new(s.clone(), t.clone()), c.clone())),
                    _ => None,
                });
            }
        }
        if let Some(dt) = options.iter().find_map(|opt| match &opt.node {
            Some(NodeEnum::DefElem(d)) if d.defname == "as" => match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::TypeName(t)) => Some(type_sql(t, &self.resolver())),
                _ => None,
            },
            _ => None,
        }) {
            o.data_type = Some(dt);
        }
        owned
    }
}

/// Applies the numeric options of a sequence option list (`AS` is resolved by the caller).
pub(super) fn apply_seq_options(o: &mut SeqOptions, options: &[Node]) {
    for opt in options {
        let Some(NodeEnum::DefElem(d)) = &opt.node else { continue };
        let num = || d.arg.as_deref().and_then(node_string).and_then(|s| s.parse::<i64>().ok());
        match d.defname.as_str() {
            "increment" => o.increment = num(),
            "minvalue" => o.min_value = num(),
            "maxvalue" => o.max_value = num(),
            "start" => o.start = num(),
            "cache" => o.cache = num(),
            "cycle" => o.cycle = d.arg.as_deref().and_then(node_string).is_none_or(|v| v == "true" || v == "1"),
            "as" => {
                if let Some(NodeEnum::TypeName(t)) = d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                    let name = t.names.last().and_then(node_string).unwrap_or_default();
                    o.data_type = Some(
                        match name.as_str() {
                            "int2" | "smallint" => "smallint",
                            "int4" | "integer" | "int" => "integer",
                            _ => "bigint",
                        }
                        .to_string(),
                    );
                }
            }
            // restart, owned_by, sequence_name, logged: not sequence parameters
            _ => {}
        }
    }
}

/// Sequences by the table that owns them (`OWNED BY`), so that what follows a table (its
/// owner, its drop, a column's drop) does not scan every sequence. Kept as hints: every
/// place that sets a sequence's owner or moves a sequence notes it here, and `owned_by`
/// checks each hint against the catalog, so a stale one (the sequence dropped, renamed or
/// owned elsewhere since) is passed over.
#[derive(Debug, Default)]
pub(super) struct OwnedHints(std::collections::HashMap<QualName, Vec<QualName>>);

impl OwnedHints {
    /// The hints for what `c` holds.
    pub fn of(c: &Catalog) -> OwnedHints {
        let mut h = OwnedHints::default();
        for (q, s) in &c.sequences {
            h.note(q, s);
        }
        h
    }

    /// Notes sequence `q`'s owner, if it has one.
    pub fn note(&mut self, q: &QualName, s: &Sequence) {
        if let Some((t, _)) = &s.owned_by {
            let seqs = self.0.entry(t.clone()).or_default();
            if !seqs.contains(q) {
                seqs.push(q.clone());
            }
        }
    }

    /// Table `old` is now `new`: its sequences are owned by `new`.
    pub fn retarget(&mut self, old: &QualName, new: &QualName) {
        if let Some(seqs) = self.0.remove(old) {
            self.0.entry(new.clone()).or_default().extend(seqs);
        }
    }

    /// The sequences of `c` owned by a column of `table`, in name order.
    pub fn owned_by(&self, c: &Catalog, table: &QualName) -> Vec<QualName> {
        let mut out: Vec<QualName> = self.0.get(table).into_iter().flatten().filter(|q| c.sequences.get(q).and_then(|s| s.owned_by.as_ref()).is_some_and(|(t, _)| t == table)).cloned().collect();
        out.sort();
        out.dedup();
        out
    }
}
