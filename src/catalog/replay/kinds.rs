//! The less common generic kinds (foreign data, text search, operators and their classes
//! and families, casts, conversions, collations, statistics, publications, event triggers,
//! rules, access methods, languages, transforms): their canonical form, and the names they
//! need that the generic walk over expressions does not see.

use pg_query::protobuf::Node;
use pg_query::NodeEnum;

use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;

/// Puts a CREATE statement of one of these kinds in canonical form, in place: options in
/// one order, names qualified, defaults left out.
pub(super) fn canonicalize(node: &mut NodeEnum, key: &ObjKey, r: &Resolver) {
    let _ = key;
    super::foreign::canonicalize(node, r);
}

/// What an object of these kinds needs beyond what `expr::references` finds: hard
/// dependencies (the server records them) and soft ones (they order creation only).
pub(super) fn references(node: &NodeEnum, after: &[String], r: &Resolver) -> (Vec<QualName>, Vec<QualName>) {
    let _ = (after, r);
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
        // The other statements name what they need where `expr::references` looks.
        _ => {}
    }
    hard.sort();
    hard.dedup();
    (hard, soft)
}
