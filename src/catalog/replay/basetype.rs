//! Base types (`CREATE TYPE t (INPUT = ..., OUTPUT = ...)`): the canonical form of the
//! definition, as pg_dump prints it. Items come in pg_dump's order, their names in lower
//! case; the support functions are qualified as the server finds them (builtins bare),
//! `ELEMENT` and `LIKE` types spelt canonically. A base type is made in two steps, the
//! shell (`CREATE TYPE t`) first, so that its input and output functions can name it.

use pg_query::protobuf::{DefElem, DefineStmt};
use pg_query::NodeEnum;

use crate::catalog::expr;
use crate::catalog::resolve::Resolver;

/// pg_dump's order of the items (`like`, which pg_dump never prints, first).
const ITEMS: [&str; 19] = [
    "like",
    "internallength",
    "input",
    "output",
    "receive",
    "send",
    "typmod_in",
    "typmod_out",
    "analyze",
    "subscript",
    "default",
    "element",
    "category",
    "preferred",
    "delimiter",
    "collatable",
    "alignment",
    "storage",
    "passedbyvalue",
];

/// The items that name a support function.
const FUNCTIONS: [&str; 8] = [
    "input",
    "output",
    "receive",
    "send",
    "typmod_in",
    "typmod_out",
    "analyze",
    "subscript",
];

/// Whether `d` defines a base type (not the shell, `CREATE TYPE t` without items).
pub(super) fn is_base_type(d: &DefineStmt) -> bool {
    !d.definition.is_empty()
}

/// Puts the items of a base type's CREATE TYPE in canonical form, in place.
pub(super) fn canonical(d: &mut DefineStmt, r: &Resolver) {
    let mut items: Vec<(usize, Box<DefElem>)> = Vec::new();
    for n in d.definition.drain(..) {
        let Some(NodeEnum::DefElem(mut e)) = n.node else {
            continue;
        };
        e.defname = e.defname.to_lowercase();
        e.location = 0;
        if let Some(NodeEnum::TypeName(t)) = e.arg.as_deref_mut().and_then(|a| a.node.as_mut()) {
            if FUNCTIONS.contains(&e.defname.as_str()) {
                t.names = super::foreign::function_name(&t.names, r);
                t.location = 0;
            } else if matches!(e.defname.as_str(), "element" | "like") {
                expr::normalize_type_name(t, r);
            }
        }
        let at = ITEMS
            .iter()
            .position(|i| *i == e.defname)
            .unwrap_or(ITEMS.len());
        items.push((at, e));
    }
    // A stable sort: an item the list does not know keeps its place after the known ones.
    items.sort_by_key(|(at, _)| *at);
    d.definition = items
        .into_iter()
        .map(|(_, e)| pg_query::protobuf::Node {
            node: Some(NodeEnum::DefElem(e)),
        })
        .collect();
}
