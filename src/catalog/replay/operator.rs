//! Operators, operator classes and families, and casts: their canonical form (names
//! qualified the way pg_dump prints them, items in one order, implied argument types made
//! explicit), the links the server keeps between an operator and its commutator / negator,
//! the family a CREATE OPERATOR CLASS makes when it names none, and ALTER OPERATOR ... SET /
//! ALTER OPERATOR FAMILY ... ADD / DROP.

use pg_query::protobuf::{self, Node, ObjectWithArgs, TypeName};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::catalog::types::type_sql;
use crate::emit::quote;
use crate::syntax::Stmt;

/// pg_dump's order of CREATE OPERATOR items.
const OPERATOR_ITEMS: [&str; 9] = [
    "function",
    "leftarg",
    "rightarg",
    "commutator",
    "negator",
    "merges",
    "hashes",
    "restrict",
    "join",
];

fn str_nodes(parts: &[String]) -> Vec<Node> {
    parts
        .iter()
        .map(|p| Node {
            node: Some(NodeEnum::String(protobuf::String { sval: p.clone() })),
        })
        .collect()
}

/// `schema.op` for SQL (operator names are never quoted).
pub(crate) fn operator_sql(schema: &str, name: &str) -> String {
    if schema.is_empty() {
        name.to_string()
    } else {
        format!("{}.{name}", quote::ident(schema))
    }
}

/// An operator's key sub-part: its argument types, `NONE` for a prefix operator's left.
pub(super) fn operator_args(
    left: Option<&TypeName>,
    right: Option<&TypeName>,
    r: &Resolver,
) -> String {
    let t = |x: Option<&TypeName>| x.map_or_else(|| "NONE".to_string(), |t| type_sql(t, r));
    format!("{}, {}", t(left), t(right))
}

/// The definition item `name` of a DefineStmt.
fn item<'a>(d: &'a protobuf::DefineStmt, name: &str) -> Option<&'a protobuf::DefElem> {
    d.definition.iter().find_map(|n| match &n.node {
        Some(NodeEnum::DefElem(e)) if e.defname.eq_ignore_ascii_case(name) => Some(e.as_ref()),
        _ => None,
    })
}

fn type_arg(e: Option<&protobuf::DefElem>) -> Option<&TypeName> {
    let NodeEnum::TypeName(t) = e?.arg.as_deref()?.node.as_ref()? else {
        return None;
    };
    Some(t)
}

/// Key sub-part of a CREATE OPERATOR.
pub(super) fn define_operator_args(d: &protobuf::DefineStmt, r: &Resolver) -> String {
    operator_args(
        type_arg(item(d, "leftarg")),
        type_arg(item(d, "rightarg")),
        r,
    )
}

/// Target (DROP / COMMENT ON) of an operator.
pub(crate) fn operator_target(k: &ObjKey) -> String {
    format!("OPERATOR {} ({})", operator_sql(&k.schema, &k.name), k.sub)
}

/// The schema of the path holding a user operator `name` with argument types `args`.
fn operator_schema(r: &Resolver, name: &str, args: Option<&str>) -> Option<String> {
    r.search_path
        .iter()
        .filter(|s| s.as_str() != "pg_catalog")
        .find(|s| {
            let lo = ObjKey {
                kind: ObjKind::Operator,
                schema: s.to_string(),
                name: name.to_string(),
                sub: String::new(),
            };
            r.catalog
                .objects
                .range(lo..)
                .take_while(|(k, _)| {
                    k.kind == ObjKind::Operator && k.schema == **s && k.name == name
                })
                .any(|(k, _)| args.is_none_or(|a| k.sub == a))
        })
        .cloned()
}

/// An operator name (List of String parts) qualified: user operators with their schema,
/// others bare.
pub(super) fn operator_name(parts: &[String], r: &Resolver, args: Option<&str>) -> Vec<String> {
    match parts {
        [s, n] if s == "pg_catalog" => vec![n.clone()],
        [n] => match operator_schema(r, n, args) {
            Some(s) => vec![s, n.clone()],
            None => vec![n.clone()],
        },
        _ => parts.to_vec(),
    }
}

/// Normalizes a type name in place (spelling of builtins, user types qualified).
fn norm_type(t: &mut TypeName, r: &Resolver) {
    expr::normalize_type_name(t, r);
}

fn norm_types(v: &mut [Node], r: &Resolver) {
    for n in v {
        if let Some(NodeEnum::TypeName(t)) = n.node.as_mut() {
            norm_type(t, r);
        }
    }
}

/// Canonical CREATE OPERATOR: items in pg_dump's order (`PROCEDURE` is `FUNCTION`), types
/// normalized, functions and commutator / negator qualified.
pub(super) fn canonical_operator(d: &mut protobuf::DefineStmt, key: &ObjKey, r: &Resolver) {
    let mut items: Vec<(usize, Node)> = Vec::new();
    for n in std::mem::take(&mut d.definition) {
        let Some(NodeEnum::DefElem(mut e)) = n.node else {
            continue;
        };
        e.defname = e.defname.to_lowercase();
        if e.defname == "procedure" {
            e.defname = "function".into();
        }
        e.location = 0;
        let Some(rank) = OPERATOR_ITEMS.iter().position(|x| *x == e.defname) else {
            items.push((
                usize::MAX,
                Node {
                    node: Some(NodeEnum::DefElem(e)),
                },
            ));
            continue;
        };
        match e.arg.as_deref_mut().and_then(|a| a.node.as_mut()) {
            Some(NodeEnum::TypeName(t)) if matches!(e.defname.as_str(), "leftarg" | "rightarg") => {
                norm_type(t, r)
            }
            Some(NodeEnum::TypeName(t)) => {
                // A function name (FUNCTION, RESTRICT, JOIN).
                t.names = super::foreign::function_name(&t.names, r);
                t.location = 0;
            }
            Some(NodeEnum::List(l)) => {
                // COMMUTATOR / NEGATOR: an operator name; unqualified, the server looks it up
                // (or makes a shell) in the operator's own schema.
                let parts = name_list(&l.items);
                let parts = match parts.as_slice() {
                    [n] if !key.schema.is_empty() => operator_schema(r, n, None).map_or_else(
                        || vec![key.schema.clone(), n.clone()],
                        |s| vec![s, n.clone()],
                    ),
                    [s, n] if s == "pg_catalog" => vec![n.clone()],
                    _ => parts,
                };
                l.items = str_nodes(&parts);
            }
            _ => {}
        }
        items.retain(|(i, _)| *i != rank);
        items.push((
            rank,
            Node {
                node: Some(NodeEnum::DefElem(e)),
            },
        ));
    }
    items.sort_by_key(|(i, _)| *i);
    d.definition = items.into_iter().map(|(_, n)| n).collect();
}

/// The operator an item names (COMMUTATOR / NEGATOR), as schema and name.
fn linked(d: &protobuf::DefineStmt, which: &str) -> Option<(String, String)> {
    let e = item(d, which)?;
    let Some(NodeEnum::List(l)) = e.arg.as_deref()?.node.as_ref() else {
        return None;
    };
    match name_list(&l.items).as_slice() {
        [s, n] => Some((s.clone(), n.clone())),
        [n] => Some(("pg_catalog".into(), n.clone())),
        _ => None,
    }
}

fn parse_define(sql: &str) -> Option<protobuf::DefineStmt> {
    let NodeEnum::DefineStmt(d) = crate::catalog::alter::parse_one(sql)? else {
        return None;
    };
    Some(d)
}

/// Swaps `a, b` into `b, a`.
fn swapped(args: &str) -> String {
    match args.split_once(", ") {
        Some((a, b)) => format!("{b}, {a}"),
        None => args.to_string(),
    }
}

impl Replay {
    /// After CREATE OPERATOR `key`: the operators it names as commutator / negator get it as
    /// theirs when they have none (the server fills both sides), and it gets the links that
    /// existing operators made to it (as to a shell).
    pub(super) fn link_operator(&mut self, stmt: &Stmt, key: &ObjKey) {
        let Some(d) = self
            .catalog
            .objects
            .get(key)
            .and_then(|o| parse_define(&o.create))
        else {
            return;
        };
        for (which, args) in [
            ("commutator", swapped(&key.sub)),
            ("negator", key.sub.clone()),
        ] {
            let Some((s, n)) = linked(&d, which) else {
                continue;
            };
            let other = ObjKey {
                kind: ObjKind::Operator,
                schema: s,
                name: n,
                sub: args,
            };
            if other == *key {
                continue;
            }
            let missing = self
                .catalog
                .objects
                .get(&other)
                .and_then(|o| parse_define(&o.create))
                .is_some_and(|od| item(&od, which).is_none());
            if missing {
                self.set_operator_link(stmt, &other, which, key);
            }
        }
        // Links made to this operator before it existed.
        let mut incoming = Vec::new();
        for (k, o) in &self.catalog.objects {
            if k.kind != ObjKind::Operator || k == key {
                continue;
            }
            let Some(od) = parse_define(&o.create) else {
                continue;
            };
            for (which, args) in [("commutator", swapped(&k.sub)), ("negator", k.sub.clone())] {
                if linked(&od, which) == Some((key.schema.clone(), key.name.clone()))
                    && args == key.sub
                    && item(&d, which).is_none()
                {
                    incoming.push((which, k.clone()));
                }
            }
        }
        for (which, from) in incoming {
            self.set_operator_link(stmt, key, which, &from);
        }
    }

    /// Sets (or with `to` absent, removes) the COMMUTATOR / NEGATOR of operator `key`.
    fn set_operator_link(&mut self, stmt: &Stmt, key: &ObjKey, which: &str, to: &ObjKey) {
        let which = which.to_string();
        let parts = vec![to.schema.clone(), to.name.clone()];
        self.edit_object(stmt, key, |node, _| {
            let NodeEnum::DefineStmt(d) = node else {
                return Ok(());
            };
            d.definition
                .retain(|n| !matches!(&n.node, Some(NodeEnum::DefElem(e)) if e.defname == which));
            d.definition.push(Node {
                node: Some(NodeEnum::DefElem(Box::new(protobuf::DefElem {
                    defname: which,
                    arg: Some(Box::new(Node {
                        node: Some(NodeEnum::List(protobuf::List {
                            items: str_nodes(&parts),
                        })),
                    })),
                    defaction: protobuf::DefElemAction::DefelemUnspec as i32,
                    ..Default::default()
                }))),
            });
            Ok(())
        });
    }

    /// After DROP OPERATOR `key`: operators linked to it lose the link (the server clears it).
    pub(super) fn unlink_operator(&mut self, stmt: &Stmt, key: &ObjKey) {
        let target = (key.schema.clone(), key.name.clone());
        let mut touched = Vec::new();
        for (k, o) in &self.catalog.objects {
            if k.kind != ObjKind::Operator {
                continue;
            }
            let Some(od) = parse_define(&o.create) else {
                continue;
            };
            for (which, args) in [("commutator", swapped(&k.sub)), ("negator", k.sub.clone())] {
                if linked(&od, which).as_ref() == Some(&target) && args == key.sub {
                    touched.push((k.clone(), which));
                }
            }
        }
        for (k, which) in touched {
            self.edit_object(stmt, &k, |node, _| {
                if let NodeEnum::DefineStmt(d) = node {
                    d.definition.retain(
                        |n| !matches!(&n.node, Some(NodeEnum::DefElem(e)) if e.defname == which),
                    );
                }
                Ok(())
            });
        }
    }

    /// `ALTER OPERATOR op (types) SET (RESTRICT = f | NONE, JOIN = f | NONE, ...)`.
    pub(super) fn alter_operator(&mut self, stmt: &Stmt, s: &protobuf::AlterOperatorStmt) {
        let Some(key) = s
            .opername
            .as_ref()
            .and_then(|o| operator_key(o, &self.resolver()))
        else {
            self.unsupported(stmt, "ALTER OPERATOR without a name");
            return;
        };
        let options = s.options.clone();
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::DefineStmt(d) = node else { return Err("ALTER OPERATOR on something else".into()) };
            for o in options {
                let Some(NodeEnum::DefElem(e)) = &o.node else { continue };
                let name = e.defname.to_lowercase();
                d.definition.retain(|n| !matches!(&n.node, Some(NodeEnum::DefElem(x)) if x.defname.eq_ignore_ascii_case(&name)));
                // `= NONE` (no value) removes the item.
                let none = e.arg.as_deref().and_then(super::node_string).is_none_or(|v| v.eq_ignore_ascii_case("none"));
                if !none {
                    d.definition.push(o.clone());
                }
            }
            Ok(())
        });
    }

    /// After CREATE OPERATOR CLASS without FAMILY: the family of its name (made then if it
    /// does not exist).
    pub(super) fn class_family(&mut self, pos: Pos, stmt: &Stmt, key: &ObjKey) {
        let family = ObjKey {
            kind: ObjKind::OperatorFamily,
            schema: key.schema.clone(),
            name: key.name.clone(),
            sub: key.sub.clone(),
        };
        if self.catalog.objects.contains_key(&family) {
            return;
        }
        let sql = format!(
            "CREATE OPERATOR FAMILY {} USING {}",
            QualName::new(key.schema.clone(), key.name.clone()).sql(),
            quote::ident(&key.sub)
        );
        if let Some(node) = crate::catalog::alter::parse_one(&sql) {
            let implied = Stmt {
                file: stmt.file.clone(),
                span: stmt.span.clone(),
                node: std::sync::Arc::new(node),
                body: None,
            };
            // Just before the class, in dump order.
            self.create_generic(pos, &implied);
        }
    }

    /// `ALTER OPERATOR FAMILY f USING am ADD / DROP items`: loose members, one follow-up
    /// statement each.
    pub(super) fn alter_opfamily(&mut self, stmt: &Stmt, s: &protobuf::AlterOpFamilyStmt) {
        let r = self.resolver();
        let q = match name_list(&s.opfamilyname).as_slice() {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => QualName::new(
                super::kinds::in_path_sub(&r, ObjKind::OperatorFamily, n, &s.amname)
                    .unwrap_or_else(|| r.creation_schema()),
                n.clone(),
            ),
            other => QualName::new("", other.join(".")),
        };
        let key = ObjKey {
            kind: ObjKind::OperatorFamily,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: s.amname.clone(),
        };
        let Some(obj) = self.catalog.objects.get(&key) else {
            self.warn(
                stmt,
                format!(
                    "operator family {} for access method {} does not exist",
                    q.sql(),
                    s.amname
                ),
            );
            return;
        };
        let mut after = obj.after.clone();
        let mut items = s.items.clone();
        canonical_items(&mut items, None, &s.amname, &r);
        let mut missing = Vec::new();
        for it in &items {
            let Some(NodeEnum::CreateOpClassItem(ci)) = &it.node else {
                continue;
            };
            let slot = crate::catalog::alter::item_slot(ci);
            after.retain(|a| {
                crate::catalog::alter::family_member_slot(a).as_deref() != Some(slot.as_str())
            });
            if s.is_drop {
                if !obj.after.iter().any(|a| {
                    crate::catalog::alter::family_member_slot(a).as_deref() == Some(slot.as_str())
                }) {
                    missing.push(slot);
                }
            } else {
                after.push(family_item_sql(&q, &s.amname, it));
            }
        }
        after.sort();
        for m in missing {
            self.unsupported(
                stmt,
                &format!(
                    "ALTER OPERATOR FAMILY DROP of {m}, which is not a loose member of the family"
                ),
            );
        }
        self.set_after(stmt, &key, after);
    }
}

/// The key of an operator named by `ObjectWithArgs` (DROP, COMMENT, ALTER).
pub(super) fn operator_key(o: &ObjectWithArgs, r: &Resolver) -> Option<ObjKey> {
    let args: Vec<Option<&TypeName>> = o
        .objargs
        .iter()
        .map(|a| match &a.node {
            Some(NodeEnum::TypeName(t)) => Some(t),
            _ => None,
        })
        .collect();
    let sub = match args.as_slice() {
        [l, rt] => operator_args(*l, *rt, r),
        [rt] => operator_args(None, *rt, r),
        _ => return None,
    };
    let parts = name_list(&o.objname);
    let (schema, name) = match parts.as_slice() {
        [s, n] => (s.clone(), n.clone()),
        [n] => (
            operator_schema(r, n, Some(&sub)).unwrap_or_else(|| r.creation_schema()),
            n.clone(),
        ),
        _ => return None,
    };
    Some(ObjKey {
        kind: ObjKind::Operator,
        schema,
        name,
        sub,
    })
}

/// `ALTER OPERATOR FAMILY f USING am ADD <item>`.
fn family_item_sql(q: &QualName, am: &str, item: &Node) -> String {
    let stmt = protobuf::AlterOpFamilyStmt {
        opfamilyname: str_nodes(&[q.schema.clone(), q.name.clone()]),
        amname: am.to_string(),
        is_drop: false,
        items: vec![item.clone()],
    };
    expr::deparse_stmt(NodeEnum::AlterOpFamilyStmt(stmt))
        .unwrap_or_else(|e| format!("/* cannot deparse: {e} */"))
}

/// Canonical items of CREATE OPERATOR CLASS / ALTER OPERATOR FAMILY: types normalized,
/// operators and functions qualified, an operator's omitted argument types made the class
/// type's (as the server does), then STORAGE, operators and functions by number.
pub(super) fn canonical_items(
    items: &mut [Node],
    class_type: Option<&TypeName>,
    am: &str,
    r: &Resolver,
) {
    for it in items.iter_mut() {
        let Some(NodeEnum::CreateOpClassItem(ci)) = it.node.as_mut() else {
            continue;
        };
        norm_types(&mut ci.class_args, r);
        if ci.itemtype == 2 && ci.class_args.is_empty() {
            // The types a support function serves, as the server assigns them when omitted.
            let args: Vec<Node> = ci
                .name
                .as_ref()
                .map(|o| o.objargs.clone())
                .unwrap_or_default();
            let class = class_type.map(|t| Node {
                node: Some(NodeEnum::TypeName(t.clone())),
            });
            let pick = |i: usize| args.get(i).cloned();
            ci.class_args = match (am, ci.number) {
                ("btree", 1) => [pick(0), pick(1)]
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default(),
                ("btree", 3) => [pick(0), pick(2)]
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default(),
                ("hash", _) => [pick(0), pick(0)]
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default(),
                _ => [class.clone(), class]
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default(),
            };
            norm_types(&mut ci.class_args, r);
        }
        if let Some(t) = ci.storedtype.as_mut() {
            norm_type(t, r);
        }
        if let Some(o) = ci.name.as_mut() {
            norm_types(&mut o.objargs, r);
            o.objfuncargs.clear();
            if ci.itemtype == 1 {
                if o.objargs.is_empty() {
                    if let Some(t) = class_type {
                        let n = Node {
                            node: Some(NodeEnum::TypeName(t.clone())),
                        };
                        o.objargs = vec![n.clone(), n];
                    }
                }
                let args: Vec<&TypeName> = o
                    .objargs
                    .iter()
                    .filter_map(|a| match &a.node {
                        Some(NodeEnum::TypeName(t)) => Some(t),
                        _ => None,
                    })
                    .collect();
                let sub = match args.as_slice() {
                    [a, b] => Some(operator_args(Some(a), Some(b), r)),
                    _ => None,
                };
                o.objname = str_nodes(&operator_name(&name_list(&o.objname), r, sub.as_deref()));
            } else {
                o.objname = super::foreign::function_name(&o.objname, r);
            }
            o.args_unspecified = false;
        }
        let mut order = ci.order_family.clone();
        if !order.is_empty() {
            let parts = name_list(&order);
            order = str_nodes(&match parts.as_slice() {
                [n] => vec![
                    super::kinds::in_path_sub(r, ObjKind::OperatorFamily, n, "btree")
                        .unwrap_or_else(|| "pg_catalog".into()),
                    n.clone(),
                ],
                _ => parts,
            });
            if name_list(&order).first().map(String::as_str) == Some("pg_catalog") {
                order.remove(0);
            }
            ci.order_family = order;
        }
    }
    items.sort_by_key(|it| match &it.node {
        Some(NodeEnum::CreateOpClassItem(ci)) => {
            (if ci.itemtype == 3 { 0 } else { ci.itemtype }, ci.number)
        }
        _ => (9, 0),
    });
}

/// Canonical CREATE OPERATOR CLASS: FAMILY always named (a class without one belongs to the
/// family of its own name), the type normalized, items canonical.
pub(super) fn canonical_opclass(c: &mut protobuf::CreateOpClassStmt, key: &ObjKey, r: &Resolver) {
    if let Some(t) = c.datatype.as_mut() {
        norm_type(t, r);
    }
    let family = name_list(&c.opfamilyname);
    c.opfamilyname = str_nodes(&match family.as_slice() {
        [] => vec![key.schema.clone(), key.name.clone()],
        [n] => vec![
            super::kinds::in_path_sub(r, ObjKind::OperatorFamily, n, &c.amname)
                .unwrap_or_else(|| r.creation_schema()),
            n.clone(),
        ],
        _ => family,
    });
    let class_type = c.datatype.clone();
    canonical_items(&mut c.items, class_type.as_ref(), &c.amname.clone(), r);
}

/// Canonical CREATE CAST: types normalized, the function qualified.
pub(super) fn canonical_cast(c: &mut protobuf::CreateCastStmt, r: &Resolver) {
    if let Some(t) = c.sourcetype.as_mut() {
        norm_type(t, r);
    }
    if let Some(t) = c.targettype.as_mut() {
        norm_type(t, r);
    }
    if let Some(f) = c.func.as_mut() {
        f.objname = super::foreign::function_name(&f.objname, r);
        norm_types(&mut f.objargs, r);
        f.objfuncargs.clear();
        f.args_unspecified = false;
    }
}
