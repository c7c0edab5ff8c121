//! Aggregates: the canonical form of CREATE AGGREGATE, as pg_dump prints it. The old style
//! (`BASETYPE = t` among the items) becomes the new one (`name (t)`, `(*)` for `"any"`),
//! items come in pg_dump's order without those that restate the default, functions are
//! qualified as the server finds them, types are spelled canonically and the sort operator
//! is named with its schema when it is a user's.

use pg_query::protobuf::{
    self, DefElem, DefineStmt, FunctionParameter, FunctionParameterMode, Node, TypeName,
};
use pg_query::NodeEnum;

use super::{name_list, node_string};
use crate::catalog::expr;
use crate::catalog::model::QualName;
use crate::catalog::resolve::Resolver;

/// pg_dump's order of CREATE AGGREGATE items.
const ITEMS: [&str; 21] = [
    "sfunc",
    "stype",
    "sspace",
    "initcond",
    "finalfunc",
    "finalfunc_extra",
    "finalfunc_modify",
    "combinefunc",
    "serialfunc",
    "deserialfunc",
    "msfunc",
    "minvfunc",
    "mstype",
    "msspace",
    "minitcond",
    "mfinalfunc",
    "mfinalfunc_extra",
    "mfinalfunc_modify",
    "sortop",
    "hypothetical",
    "parallel",
];

/// Items that name a support function.
const FUNCTIONS: [&str; 8] = [
    "sfunc",
    "finalfunc",
    "combinefunc",
    "serialfunc",
    "deserialfunc",
    "msfunc",
    "minvfunc",
    "mfinalfunc",
];

fn node(n: NodeEnum) -> Node {
    Node { node: Some(n) }
}

/// A bare word as the grammar gives it for an item's value (`PARALLEL = safe`).
fn word(s: &str) -> Node {
    node(NodeEnum::TypeName(TypeName {
        names: vec![super::string_node(s)],
        typemod: -1,
        ..Default::default()
    }))
}

/// The lower-cased name of an item (`sfunc1`, `stype1` and `initcond1` are old spellings).
fn item_name(e: &DefElem) -> String {
    let name = e.defname.to_lowercase();
    match name.as_str() {
        "sfunc1" | "stype1" | "initcond1" => name.trim_end_matches('1').to_string(),
        _ => name,
    }
}

/// Turns an old-style definition (`CREATE AGGREGATE name (BASETYPE = t, ...)`) into the new
/// style in place; a new-style one is left alone.
pub(super) fn new_style(d: &mut DefineStmt) {
    if !d.oldstyle {
        return;
    }
    d.oldstyle = false;
    let mut base = None;
    d.definition.retain(|n| match &n.node {
        Some(NodeEnum::DefElem(e)) if item_name(e) == "basetype" => {
            base = e.arg.as_deref().cloned();
            false
        }
        _ => true,
    });
    // `"any"` (or no BASETYPE) makes an aggregate without arguments: `(*)`.
    let args = match base.and_then(|b| b.node) {
        Some(NodeEnum::TypeName(t)) if !matches!(name_list(&t.names).as_slice(), [n] | [_, n] if n.eq_ignore_ascii_case("any")) =>
        {
            let p = FunctionParameter {
                arg_type: Some(t),
                mode: FunctionParameterMode::FuncParamDefault as i32,
                ..Default::default()
            };
            node(NodeEnum::List(protobuf::List {
                items: vec![node(NodeEnum::FunctionParameter(Box::new(p)))],
            }))
        }
        _ => Node { node: None },
    };
    d.args = vec![
        args,
        node(NodeEnum::Integer(protobuf::Integer { ival: -1 })),
    ];
}

/// Whether the aggregate is ordered-set or hypothetical-set (its FINALFUNC_MODIFY default
/// differs).
fn ordered_set(d: &DefineStmt) -> bool {
    matches!(d.args.get(1).and_then(|a| a.node.as_ref()), Some(NodeEnum::Integer(i)) if i.ival >= 0)
}

/// Puts a CREATE AGGREGATE in canonical form, in place.
pub(super) fn canonical(d: &mut DefineStmt, r: &Resolver) {
    new_style(d);
    d.replace = false;
    if let Some(NodeEnum::List(l)) = d.args.first_mut().and_then(|a| a.node.as_mut()) {
        for p in &mut l.items {
            if let Some(NodeEnum::FunctionParameter(fp)) = p.node.as_mut() {
                if fp.mode == FunctionParameterMode::FuncParamIn as i32 {
                    fp.mode = FunctionParameterMode::FuncParamDefault as i32;
                }
                if let Some(t) = fp.arg_type.as_mut() {
                    expr::normalize_type_name(t, r);
                    crate::catalog::types::drop_modifiers(t);
                }
            }
        }
    }
    let default_modify = if ordered_set(d) {
        "read_write"
    } else {
        "read_only"
    };
    let mut items: Vec<(usize, Node)> = Vec::new();
    for n in std::mem::take(&mut d.definition) {
        let Some(NodeEnum::DefElem(mut e)) = n.node else {
            continue;
        };
        e.defname = item_name(&e);
        e.location = 0;
        let value = e.arg.as_deref().and_then(node_string).unwrap_or_default();
        let keep = match e.defname.as_str() {
            f if FUNCTIONS.contains(&f) => {
                if let Some(NodeEnum::TypeName(t)) =
                    e.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                {
                    t.names = super::foreign::function_name(&t.names, r);
                    t.location = 0;
                }
                true
            }
            "stype" | "mstype" => {
                if let Some(NodeEnum::TypeName(t)) =
                    e.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                {
                    expr::normalize_type_name(t, r);
                    crate::catalog::types::drop_modifiers(t);
                }
                true
            }
            // The initial state is a string the state type's input function reads.
            "initcond" | "minitcond" => {
                e.arg = Some(Box::new(super::string_node(&value)));
                true
            }
            "sspace" | "msspace" => value != "0",
            "finalfunc_extra" | "mfinalfunc_extra" | "hypothetical" => {
                let on = e.arg.is_none()
                    || !matches!(value.to_lowercase().as_str(), "false" | "off" | "0" | "no");
                e.arg = None;
                on
            }
            "finalfunc_modify" | "mfinalfunc_modify" => {
                let v = value.to_lowercase();
                e.arg = Some(Box::new(word(&v)));
                v != default_modify
            }
            "parallel" => {
                let v = value.to_lowercase();
                e.arg = Some(Box::new(word(&v)));
                v != "unsafe"
            }
            "sortop" => {
                if let Some(NodeEnum::List(l)) = e.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                {
                    let parts = super::operator::operator_name(&name_list(&l.items), r, None);
                    l.items = parts.iter().map(|p| super::string_node(p)).collect();
                }
                true
            }
            _ => true,
        };
        if !keep {
            continue;
        }
        let rank = ITEMS
            .iter()
            .position(|x| *x == e.defname)
            .unwrap_or(ITEMS.len());
        // A later mention wins, as in the server.
        items.retain(|(i, x)| {
            !(*i == rank && matches!(&x.node, Some(NodeEnum::DefElem(o)) if o.defname == e.defname))
        });
        items.push((rank, node(NodeEnum::DefElem(e))));
    }
    items.sort_by_key(|(i, _)| *i);
    d.definition = items.into_iter().map(|(_, n)| n).collect();
}

/// What a canonical aggregate needs beyond its items' functions and types: the user types
/// of its arguments and its sort operator.
pub(super) fn references(d: &DefineStmt) -> Vec<QualName> {
    let mut out = Vec::new();
    if let Some(NodeEnum::List(l)) = d.args.first().and_then(|a| a.node.as_ref()) {
        for p in &l.items {
            if let Some(NodeEnum::FunctionParameter(fp)) = &p.node {
                if let Some(t) = &fp.arg_type {
                    if let [s, n] = name_list(&t.names).as_slice() {
                        if s != "pg_catalog" {
                            out.push(QualName::new(s.clone(), n.clone()));
                        }
                    }
                }
            }
        }
    }
    for n in &d.definition {
        let Some(NodeEnum::DefElem(e)) = &n.node else {
            continue;
        };
        if e.defname != "sortop" {
            continue;
        }
        if let Some(NodeEnum::List(l)) = e.arg.as_deref().and_then(|a| a.node.as_ref()) {
            if let [s, n] = name_list(&l.items).as_slice() {
                out.push(QualName::new(s.clone(), n.clone()));
            }
        }
    }
    out
}
