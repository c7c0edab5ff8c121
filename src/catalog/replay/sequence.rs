//! CREATE SEQUENCE / ALTER SEQUENCE (options and OWNED BY).

use pg_query::protobuf::{AlterSeqStmt, AlterTableStmt, AlterTableType, CreateSeqStmt, Node};
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
        let mut seq = Sequence {
            options: SeqOptions::default(),
            owned_by: None,
            unlogged: rv.relpersistence == "u",
            access,
            pos,
        };
        let owned = self.seq_options(&mut seq.options, &s.options);
        seq.owned_by = owned.flatten();
        self.on_table.note_sequence(&name, &seq);
        self.catalog.sequences.insert(name, seq);
    }

    pub(super) fn alter_sequence(&mut self, _pos: Pos, stmt: &Stmt, s: &AlterSeqStmt) {
        let Some(rv) = &s.sequence else { return };
        let name = self.resolver().relation(&rv.schemaname, &rv.relname);
        let Some(mut seq) = self.catalog.sequences.remove(&name) else {
            if !s.missing_ok {
                self.missing(
                    stmt,
                    &name,
                    format!("relation {} does not exist", name.sql()),
                );
            }
            return;
        };
        if let Some(owned) = self.seq_options(&mut seq.options, &s.options) {
            seq.owned_by = owned;
        }
        self.shaped(super::super::graph::Node::Sequence(name.clone()));
        self.on_table.note_sequence(&name, &seq);
        self.catalog.sequences.insert(name, seq);
    }

    /// `ALTER SEQUENCE` (or `ALTER TABLE` naming a sequence) with table-like commands:
    /// `OWNER TO` (handled by the caller) and `SET LOGGED` / `SET UNLOGGED`.
    pub(super) fn alter_sequence_cmds(&mut self, stmt: &Stmt, name: &QualName, s: &AlterTableStmt) {
        for cmd in &s.cmds {
            let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node else {
                continue;
            };
            let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
            let unlogged = if subtype == AlterTableType::AtChangeOwner {
                continue;
            } else if subtype == AlterTableType::AtSetLogged {
                false
            } else if subtype == AlterTableType::AtSetUnLogged {
                true
            } else {
                self.unsupported(stmt, "this ALTER on a sequence");
                continue;
            };
            let found = self
                .catalog
                .sequences
                .get_mut(name)
                .map(|seq| seq.unlogged = unlogged);
            if found.is_some() {
                self.shaped(super::super::graph::Node::Sequence(name.clone()));
            } else if self.identity_of(name).is_some() {
                // An identity sequence's persistence is its table's in the model.
                self.unsupported(stmt, "SET LOGGED / UNLOGGED on an identity sequence");
            } else if self.resolver().relation_exists(name) {
                self.reject(stmt, format!("\"{}\" is not a sequence", name.name));
            } else if !s.missing_ok {
                self.missing(
                    stmt,
                    name,
                    format!("relation {} does not exist", name.sql()),
                );
            }
        }
    }

    /// The table and column whose identity sequence `q` is.
    pub(super) fn identity_of(&self, q: &QualName) -> Option<(QualName, String)> {
        self.catalog
            .tables
            .range(QualName::new(q.schema.clone(), String::new())..)
            .take_while(|(t, _)| t.schema == q.schema)
            .find_map(|(t, table)| {
                table
                    .columns
                    .iter()
                    .find(|c| c.identity.as_ref().is_some_and(|i| i.sequence == *q))
                    .map(|c| (t.clone(), c.name.clone()))
            })
    }

    /// Applies sequence options; returns `Some(owned_by)` when OWNED BY was given.
    fn seq_options(
        &self,
        o: &mut SeqOptions,
        options: &[Node],
    ) -> Option<Option<(QualName, String)>> {
        apply_seq_options(o, options);
        let mut owned = None;
        for opt in options {
            let Some(NodeEnum::DefElem(d)) = &opt.node else {
                continue;
            };
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
            Some(NodeEnum::DefElem(d)) if d.defname == "as" => {
                match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                    Some(NodeEnum::TypeName(t)) => Some(type_sql(t, &self.resolver())),
                    _ => None,
                }
            }
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
        let Some(NodeEnum::DefElem(d)) = &opt.node else {
            continue;
        };
        let num = || {
            d.arg
                .as_deref()
                .and_then(node_string)
                .and_then(|s| s.parse::<i64>().ok())
        };
        match d.defname.as_str() {
            "increment" => o.increment = num(),
            "minvalue" => o.min_value = num(),
            "maxvalue" => o.max_value = num(),
            "start" => o.start = num(),
            "cache" => o.cache = num(),
            "cycle" => {
                o.cycle = d
                    .arg
                    .as_deref()
                    .and_then(node_string)
                    .is_none_or(|v| v == "true" || v == "1")
            }
            "as" => {
                if let Some(NodeEnum::TypeName(t)) = d.arg.as_deref().and_then(|a| a.node.as_ref())
                {
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
