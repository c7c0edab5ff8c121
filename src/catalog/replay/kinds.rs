//! The less common generic kinds (foreign data, text search, operators and their classes
//! and families, casts, conversions, collations, statistics, publications, event triggers,
//! rules, access methods, languages, transforms): their canonical form, and the names they
//! need that the generic walk over expressions does not see.

use pg_query::protobuf::{self, AlterTableType, Node};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::emit::quote;
use crate::syntax::Stmt;

/// Puts a CREATE statement of one of these kinds in canonical form, in place: options in
/// one order, names qualified, defaults left out. Returns the follow-up statements the
/// CREATE implies (a copied text search configuration's mappings), or what could not be
/// resolved.
pub(super) fn canonicalize(node: &mut NodeEnum, key: &ObjKey, r: &Resolver) -> Result<Vec<String>, String> {
    super::foreign::canonicalize(node, r);
    #[allow(clippy::wildcard_enum_match_arm)]
    match node {
        NodeEnum::DefineStmt(d) => {
            super::textsearch::canonicalize(d, key.kind, r);
            if key.kind == ObjKind::TextSearchConfiguration {
                return super::textsearch::resolve_copy(d, &QualName::new(key.schema.clone(), key.name.clone()), r);
            }
        }
        NodeEnum::CreatePublicationStmt(p) => return super::publication::canonicalize(p, r),
        NodeEnum::CreateStatsStmt(st) => canonical_statistics(st, r),
        NodeEnum::CreateEventTrigStmt(e) => {
            e.funcname = super::foreign::function_name(&e.funcname, r);
            for w in &mut e.whenclause {
                if let Some(NodeEnum::DefElem(d)) = w.node.as_mut() {
                    d.location = 0;
                    if let Some(NodeEnum::List(l)) = d.arg.as_deref_mut().and_then(|a| a.node.as_mut()) {
                        for t in &mut l.items {
                            if let Some(NodeEnum::String(s)) = t.node.as_mut() {
                                // The server stores command tags in upper case.
                                s.sval = s.sval.to_uppercase();
                            }
                        }
                    }
                }
            }
        }
        // The other statements are canonical as parsed (names are qualified by the walk).
        _ => {}
    }
    Ok(Vec::new())
}

/// Canonical CREATE STATISTICS: no kind list when it names every kind (the default), kinds
/// in the server's order otherwise; plain columns in table order (the server keeps them so),
/// expressions after them.
fn canonical_statistics(st: &mut protobuf::CreateStatsStmt, r: &Resolver) {
    st.if_not_exists = false;
    st.stxcomment.clear();
    const KINDS: [&str; 3] = ["ndistinct", "dependencies", "mcv"];
    let kinds: Vec<String> = super::name_list(&st.stat_types).iter().map(|k| k.to_lowercase()).collect();
    st.stat_types = if KINDS.iter().all(|k| kinds.iter().any(|x| x == k)) {
        Vec::new()
    } else {
        KINDS.iter().filter(|k| kinds.iter().any(|x| x == *k)).map(|k| str_node(k)).collect()
    };
    let table = st.relations.first().and_then(|n| match &n.node {
        Some(NodeEnum::RangeVar(rv)) => Some(r.relation(&rv.schemaname, &rv.relname)),
        _ => None,
    });
    let columns: Vec<String> = table.and_then(|t| r.catalog.tables.get(&t)).map(|t| t.columns.iter().map(|c| c.name.clone()).collect()).unwrap_or_default();
    let rank = |n: &Node| match &n.node {
        Some(NodeEnum::StatsElem(e)) if e.expr.is_none() => columns.iter().position(|c| *c == e.name).unwrap_or(columns.len()),
        _ => usize::MAX,
    };
    st.exprs.sort_by_key(rank);
}

fn str_node(s: &str) -> Node {
    Node { node: Some(NodeEnum::String(protobuf::String { sval: s.to_string() })) }
}

/// What an object of these kinds needs beyond what `expr::references` finds: hard
/// dependencies (the server records them) and soft ones (they order creation only).
pub(super) fn references(node: &NodeEnum, after: &[String], r: &Resolver) -> (Vec<QualName>, Vec<QualName>) {
    let _ = r;
    let mut hard = Vec::new();
    let mut soft = Vec::new();
    let global = |name: &str| QualName::new("", name);
    let func = |names: &[Node]| -> Option<QualName> {
        match super::name_list(names).as_slice() {
            [s, n] => Some(QualName::new(s.clone(), n.clone())),
            _ => None,
        }
    };
    #[allow(clippy::wildcard_enum_match_arm)]
    match node {
        NodeEnum::CreateFdwStmt(f) => {
            for o in &f.func_options {
                if let Some(NodeEnum::DefElem(d)) = &o.node {
                    if let Some(NodeEnum::List(l)) = d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                        hard.extend(func(&l.items));
                    }
                }
            }
        }
        NodeEnum::CreateForeignServerStmt(s) => hard.push(global(&s.fdwname)),
        NodeEnum::CreateUserMappingStmt(u) => hard.push(global(&u.servername)),
        NodeEnum::CreateEventTrigStmt(e) => hard.extend(func(&e.funcname)),
        NodeEnum::DefineStmt(d) => {
            // Functions, types, templates and parsers named in the definition (an operator's
            // COMMUTATOR / NEGATOR are links the server keeps up itself, not dependencies).
            for item in &d.definition {
                if let Some(NodeEnum::DefElem(e)) = &item.node {
                    if let Some(NodeEnum::TypeName(t)) = e.arg.as_deref().and_then(|a| a.node.as_ref()) {
                        hard.extend(func(&t.names).filter(|q| q.schema != "pg_catalog"));
                    }
                }
            }
        }
        // The other statements name what they need where `expr::references` looks.
        _ => {}
    }
    for stmt in after {
        #[allow(clippy::wildcard_enum_match_arm)]
        match crate::catalog::alter::parse_one(stmt) {
            Some(NodeEnum::AlterTsconfigurationStmt(a)) => {
                for d in &a.dicts {
                    if let Some(NodeEnum::List(l)) = &d.node {
                        hard.extend(func(&l.items));
                    }
                }
            }
            // Other follow-ups name nothing the object needs.
            _ => {}
        }
    }
    if matches!(node, NodeEnum::CreatePublicationStmt(_)) {
        soft.extend(super::publication::member_names(after));
    }
    hard.sort();
    hard.dedup();
    (hard, soft)
}

impl Replay {
    /// Replaces an object's follow-up statements (and what it needs, which they name).
    pub(super) fn set_after(&mut self, stmt: &Stmt, key: &ObjKey, after: Vec<String>) {
        if let Some(o) = self.catalog.objects.get_mut(key) {
            o.after = after;
        }
        self.edit_object(stmt, key, |_, _| Ok(()));
    }
}

impl Replay {
    /// `ALTER STATISTICS s SET STATISTICS n` (`-1` / DEFAULT: back to the column targets).
    pub(super) fn alter_statistics(&mut self, stmt: &Stmt, s: &protobuf::AlterStatsStmt) {
        let r = self.resolver();
        let q = match super::name_list(&s.defnames).as_slice() {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => QualName::new(in_path(&r, ObjKind::Statistics, n).unwrap_or_else(|| r.creation_schema()), n.clone()),
            other => QualName::new("", other.join(".")),
        };
        let key = ObjKey { kind: ObjKind::Statistics, schema: q.schema.clone(), name: q.name.clone(), sub: String::new() };
        if !self.catalog.objects.contains_key(&key) {
            if !s.missing_ok {
                self.warn(stmt, format!("statistics object {} does not exist", q.sql()));
            }
            return;
        }
        let target = s.stxstattarget.as_deref().and_then(super::node_string).and_then(|v| v.parse::<i32>().ok()).unwrap_or(-1);
        let after = if target >= 0 { vec![format!("ALTER STATISTICS {} SET STATISTICS {target}", q.sql())] } else { Vec::new() };
        self.set_after(stmt, &key, after);
    }

    /// `ALTER EVENT TRIGGER t ENABLE [REPLICA | ALWAYS] | DISABLE`.
    pub(super) fn alter_event_trigger(&mut self, stmt: &Stmt, s: &protobuf::AlterEventTrigStmt) {
        let key = ObjKey { kind: ObjKind::EventTrigger, schema: String::new(), name: s.trigname.clone(), sub: String::new() };
        let state = match s.tgenabled.as_str() {
            "O" => None,
            "D" => Some("DISABLE"),
            "R" => Some("ENABLE REPLICA"),
            "A" => Some("ENABLE ALWAYS"),
            other => {
                self.unsupported(stmt, &format!("ALTER EVENT TRIGGER state {other:?}"));
                return;
            }
        };
        if !self.catalog.objects.contains_key(&key) {
            self.warn(stmt, format!("event trigger {} does not exist", s.trigname));
            return;
        }
        let after = state.map(|st| format!("ALTER EVENT TRIGGER {} {st}", quote::ident(&s.trigname))).into_iter().collect();
        self.set_after(stmt, &key, after);
    }

    /// `ALTER TABLE t ENABLE [REPLICA | ALWAYS] RULE r | DISABLE RULE r`.
    pub(super) fn set_rule_state(&mut self, stmt: &Stmt, table: &QualName, subtype: AlterTableType, rule: &str) {
        let state = match subtype {
            AlterTableType::AtEnableRule => None,
            AlterTableType::AtEnableAlwaysRule => Some("ENABLE ALWAYS"),
            AlterTableType::AtEnableReplicaRule => Some("ENABLE REPLICA"),
            AlterTableType::AtDisableRule => Some("DISABLE"),
            other => {
                self.unsupported(stmt, &format!("rule state {}", other.as_str_name()));
                return;
            }
        };
        let key = ObjKey { kind: ObjKind::Rule, schema: table.schema.clone(), name: rule.to_string(), sub: table.name.clone() };
        if !self.catalog.objects.contains_key(&key) {
            self.warn(stmt, format!("rule {rule} on {} does not exist", table.sql()));
            return;
        }
        let after = state.map(|st| format!("ALTER TABLE {} {st} RULE {}", table.sql(), quote::ident(rule))).into_iter().collect();
        self.set_after(stmt, &key, after);
    }
}

/// The schema of the path where an object of `kind` named `name` (no sub-part) exists.
pub(super) fn in_path(r: &Resolver, kind: ObjKind, name: &str) -> Option<String> {
    r.search_path.iter().filter(|s| s.as_str() != "pg_catalog").find(|s| r.catalog.objects.contains_key(&ObjKey { kind, schema: s.to_string(), name: name.to_string(), sub: String::new() })).cloned()
}
