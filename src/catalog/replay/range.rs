//! Range types: the canonical form of CREATE TYPE ... AS RANGE, as pg_dump prints it. Items
//! come in pg_dump's order; the multirange type is always named (the server's choice when
//! the input leaves it out); the operator class and the collation are named with their
//! schema and left out when they are the subtype's defaults; functions are qualified as the
//! server finds them (builtins bare).

use pg_query::protobuf::{self, CreateRangeStmt, DefElem, Node, TypeName};
use pg_query::NodeEnum;

use super::{name_list, node_string};
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::catalog::types::type_sql;
use crate::emit::quote;

/// pg_dump's order of the items.
const ITEMS: [&str; 6] = [
    "subtype",
    "multirange_type_name",
    "subtype_opclass",
    "collation",
    "canonical",
    "subtype_diff",
];

fn name_arg(parts: &[String]) -> Option<Box<Node>> {
    Some(Box::new(Node {
        node: Some(NodeEnum::TypeName(TypeName {
            names: parts.iter().map(|p| super::string_node(p)).collect(),
            typemod: -1,
            ..Default::default()
        })),
    }))
}

/// The name parts an item's value gives (`a`, `s.a`, `'a'`).
fn arg_parts(e: &DefElem) -> Vec<String> {
    match e.arg.as_deref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::TypeName(t)) => name_list(&t.names),
        Some(NodeEnum::List(l)) => name_list(&l.items),
        _ => e.arg.as_deref().and_then(node_string).into_iter().collect(),
    }
}

/// The multirange type name the server makes up for range `name`: `range` in the name
/// becomes `multirange`, else `_multirange` is appended (clipped to 63 bytes).
pub(crate) fn default_multirange_name(name: &str) -> String {
    let made = match name.find("range") {
        Some(i) => format!("{}multi{}", &name[..i], &name[i..]),
        None => {
            let mut base = name.to_string();
            while base.len() > 63 - 11 {
                base.pop();
            }
            format!("{base}_multirange")
        }
    };
    let mut out = made;
    while out.len() > 63 {
        out.pop();
    }
    out
}

/// Puts a CREATE TYPE ... AS RANGE in canonical form, in place (`key` is the range).
pub(super) fn canonical(s: &mut CreateRangeStmt, key: &ObjKey, r: &Resolver) {
    let mut items: Vec<(usize, DefElem)> = Vec::new();
    let mut subtype_internal = String::new();
    for n in std::mem::take(&mut s.params) {
        let Some(NodeEnum::DefElem(mut e)) = n.node else {
            continue;
        };
        e.defname = e.defname.to_lowercase();
        e.location = 0;
        let parts = arg_parts(&e);
        let keep = match e.defname.as_str() {
            "subtype" => {
                if let Some(NodeEnum::TypeName(t)) =
                    e.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                {
                    expr::normalize_type_name(t, r);
                    subtype_internal = name_list(&t.names).last().cloned().unwrap_or_default();
                }
                true
            }
            "multirange_type_name" => {
                let q = match parts.as_slice() {
                    [n] => vec![r.creation_schema(), n.clone()],
                    _ => parts,
                };
                e.arg = name_arg(&q);
                true
            }
            "subtype_opclass" => {
                let q = match parts.as_slice() {
                    [n] => {
                        let user = r
                            .search_path
                            .iter()
                            .filter(|s| s.as_str() != "pg_catalog")
                            .find(|s| {
                                r.catalog.objects.contains_key(&ObjKey {
                                    kind: ObjKind::OperatorClass,
                                    schema: s.to_string(),
                                    name: n.clone(),
                                    sub: "btree".into(),
                                })
                            });
                        vec![
                            user.cloned().unwrap_or_else(|| "pg_catalog".into()),
                            n.clone(),
                        ]
                    }
                    _ => parts,
                };
                e.arg = name_arg(&q);
                true
            }
            "collation" => {
                let q = match parts.as_slice() {
                    [n] => vec![
                        r.schema_holding(ObjKind::Collation, n)
                            .unwrap_or_else(|| "pg_catalog".into()),
                        n.clone(),
                    ],
                    _ => parts,
                };
                e.arg = name_arg(&q);
                // The subtype's own collation is not recorded as the range's.
                !matches!(q.as_slice(), [s, n] if s == "pg_catalog" && n == "default")
            }
            "canonical" | "subtype_diff" => {
                if let Some(NodeEnum::TypeName(t)) =
                    e.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                {
                    t.names = super::foreign::function_name(&t.names, r);
                    t.location = 0;
                }
                true
            }
            _ => true,
        };
        if keep {
            let rank = ITEMS
                .iter()
                .position(|x| *x == e.defname)
                .unwrap_or(ITEMS.len());
            items.retain(|(_, x)| x.defname != e.defname);
            items.push((rank, *e));
        }
    }
    // The subtype's default b-tree operator class is not printed: for a builtin subtype it is
    // `<type>_ops` (varchar uses text's).
    items.retain(|(_, e)| {
        e.defname != "subtype_opclass"
            || !matches!(arg_parts(e).as_slice(), [s, n] if s == "pg_catalog" && (*n == format!("{subtype_internal}_ops") || (subtype_internal == "varchar" && n == "text_ops")))
    });
    if !items
        .iter()
        .any(|(_, e)| e.defname == "multirange_type_name")
    {
        let e = DefElem {
            defname: "multirange_type_name".into(),
            arg: name_arg(&[key.schema.clone(), default_multirange_name(&key.name)]),
            defaction: protobuf::DefElemAction::DefelemUnspec as i32,
            ..Default::default()
        };
        items.push((1, e));
    }
    items.sort_by_key(|(i, _)| *i);
    s.params = items
        .into_iter()
        .map(|(_, e)| Node {
            node: Some(NodeEnum::DefElem(Box::new(e))),
        })
        .collect();
}

/// The canonical text of a canonical range definition (the deparser would print a
/// `pg_catalog` name without its quotes).
pub(super) fn range_sql(s: &CreateRangeStmt, r: &Resolver) -> String {
    let name = name_list(&s.type_name);
    let qualified = |parts: &[String]| {
        parts
            .iter()
            .map(|p| quote::ident(p))
            .collect::<Vec<_>>()
            .join(".")
    };
    let items: Vec<String> = s
        .params
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::DefElem(e)) => {
                let value = match (
                    e.defname.as_str(),
                    e.arg.as_deref().and_then(|a| a.node.as_ref()),
                ) {
                    ("subtype", Some(NodeEnum::TypeName(t))) => type_sql(t, r),
                    (_, Some(NodeEnum::String(v))) => quote::literal(&v.sval),
                    _ => qualified(&arg_parts(e)),
                };
                Some(format!("{} = {value}", e.defname))
            }
            _ => None,
        })
        .collect();
    format!(
        "CREATE TYPE {} AS RANGE ({})",
        qualified(&name),
        items.join(", ")
    )
}

/// What a canonical range needs: its subtype, operator class, collation and functions when
/// they are a user's.
pub(super) fn references(s: &CreateRangeStmt) -> Vec<QualName> {
    s.params
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::DefElem(e)) if e.defname != "multirange_type_name" => {
                match arg_parts(e).as_slice() {
                    [sch, n] if sch != "pg_catalog" => Some(QualName::new(sch.clone(), n.clone())),
                    _ => None,
                }
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::default_multirange_name;

    #[test]
    fn multirange_names_as_the_server_makes_them() {
        assert_eq!(default_multirange_name("floatrange"), "floatmultirange");
        assert_eq!(default_multirange_name("range_of_x"), "multirange_of_x");
        assert_eq!(default_multirange_name("slot"), "slot_multirange");
        assert_eq!(
            default_multirange_name(&"x".repeat(60)),
            format!("{}_multirange", "x".repeat(52))
        );
    }
}
