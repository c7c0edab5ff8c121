//! The less common generic kinds (foreign data, text search, operators and their classes
//! and families, casts, conversions, collations, statistics, publications, event triggers,
//! rules, access methods, languages, transforms): their canonical form, and the names they
//! need that the generic walk over expressions does not see.

use pg_query::protobuf::Node;
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
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
        // The other statements are canonical as parsed (names are qualified by the walk).
        _ => {}
    }
    Ok(Vec::new())
}

/// What an object of these kinds needs beyond what `expr::references` finds: hard
/// dependencies (the server records them) and soft ones (they order creation only).
pub(super) fn references(node: &NodeEnum, after: &[String], r: &Resolver) -> (Vec<QualName>, Vec<QualName>) {
    let _ = r;
    let mut hard = Vec::new();
    let soft = Vec::new();
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
