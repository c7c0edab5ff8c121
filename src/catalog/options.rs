//! Generic options, the `OPTIONS (name 'value', ...)` of foreign-data wrappers, servers,
//! user mappings, foreign tables and their columns: a name -> value map. The server keeps
//! them in the order they were set, but nothing reads that order (pg_dump prints them
//! sorted by name), so a sorted map is their canonical form.

use std::collections::BTreeMap;

use pg_query::protobuf::{self, DefElemAction, Node};
use pg_query::NodeEnum;

use crate::emit::quote;

pub type Options = BTreeMap<String, String>;

/// Applies the items of an `OPTIONS (...)` clause: plain and `ADD` items add, `SET`
/// replaces, `DROP` removes. An item the server would reject (ADD of an existing name, SET or
/// DROP of a missing one) is described in the error; the others are still applied.
pub fn apply(map: &mut Options, items: &[Node]) -> Result<(), String> {
    let mut problems = Vec::new();
    for item in items {
        let Some(NodeEnum::DefElem(d)) = &item.node else {
            problems.push("an option that is not name 'value'".to_string());
            continue;
        };
        let value = d.arg.as_deref().and_then(super::replay::node_string);
        match DefElemAction::try_from(d.defaction) {
            Ok(DefElemAction::DefelemUnspec | DefElemAction::DefelemAdd) => {
                if map.contains_key(&d.defname) {
                    problems.push(format!("option \"{}\" provided more than once", d.defname));
                }
                map.insert(d.defname.clone(), value.unwrap_or_default());
            }
            Ok(DefElemAction::DefelemSet) => {
                if map
                    .insert(d.defname.clone(), value.unwrap_or_default())
                    .is_none()
                {
                    problems.push(format!("option \"{}\" not found", d.defname));
                }
            }
            Ok(DefElemAction::DefelemDrop) => {
                if map.remove(&d.defname).is_none() {
                    problems.push(format!("option \"{}\" not found", d.defname));
                }
            }
            Ok(DefElemAction::Undefined) | Err(_) => problems.push(format!(
                "option action {} of \"{}\"",
                d.defaction, d.defname
            )),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// The options of a CREATE statement's `OPTIONS (...)` clause.
pub fn from_nodes(items: &[Node]) -> (Options, Result<(), String>) {
    let mut map = Options::new();
    let r = apply(&mut map, items);
    (map, r)
}

/// The map as the DefElem list of a CREATE statement, in canonical (name) order.
pub fn to_nodes(map: &Options) -> Vec<Node> {
    map.iter()
        .map(|(k, v)| def_elem(k, Some(v), DefElemAction::DefelemUnspec))
        .collect()
}

/// One `name = 'value'` item of a `WITH (...)` or `SET (...)` list.
pub fn setting(name: &str, value: &str) -> Node {
    def_elem(name, Some(value), DefElemAction::DefelemUnspec)
}

fn def_elem(name: &str, value: Option<&str>, action: DefElemAction) -> Node {
    Node {
        node: Some(NodeEnum::DefElem(Box::new(protobuf::DefElem {
            defnamespace: String::new(),
            defname: name.to_string(),
            arg: value.map(|v| {
                Box::new(Node {
                    node: Some(NodeEnum::String(protobuf::String {
                        sval: v.to_string(),
                    })),
                })
            }),
            defaction: action as i32,
            location: 0,
            arg_location: 0,
        }))),
    }
}

/// The `OPTIONS (DROP ..., SET ..., ADD ...)` items turning `old` into `new`, as parse-tree
/// nodes (see `change` for the text).
pub fn change_nodes(old: &Options, new: &Options) -> Vec<Node> {
    let mut items: Vec<Node> = old
        .keys()
        .filter(|k| !new.contains_key(*k))
        .map(|k| def_elem(k, None, DefElemAction::DefelemDrop))
        .collect();
    for (k, v) in new {
        match old.get(k) {
            Some(o) if o == v => {}
            Some(_) => items.push(def_elem(k, Some(v), DefElemAction::DefelemSet)),
            None => items.push(def_elem(k, Some(v), DefElemAction::DefelemAdd)),
        }
    }
    items
}

/// Puts a CREATE statement's option list in canonical form.
pub fn canonical(items: &mut Vec<Node>) {
    let (map, _) = from_nodes(items);
    *items = to_nodes(&map);
}

/// `OPTIONS (a 'x', b 'y')`, or nothing for no options.
pub fn clause(map: &Options) -> String {
    if map.is_empty() {
        return String::new();
    }
    let items: Vec<String> = map
        .iter()
        .map(|(k, v)| format!("{} {}", quote::ident(k), quote::literal(v)))
        .collect();
    format!("OPTIONS ({})", items.join(", "))
}

/// `OPTIONS (DROP a, SET b 'x', ADD c 'y')` turning `old` into `new`; `None` when equal.
pub fn change(old: &Options, new: &Options) -> Option<String> {
    let mut items = Vec::new();
    for k in old.keys() {
        if !new.contains_key(k) {
            items.push(format!("DROP {}", quote::ident(k)));
        }
    }
    for (k, v) in new {
        match old.get(k) {
            Some(o) if o == v => {}
            Some(_) => items.push(format!("SET {} {}", quote::ident(k), quote::literal(v))),
            None => items.push(format!("ADD {} {}", quote::ident(k), quote::literal(v))),
        }
    }
    (!items.is_empty()).then(|| format!("OPTIONS ({})", items.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(items: &[(&str, &str)]) -> Options {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn change_drops_sets_and_adds_in_one_clause() {
        let a = map(&[("host", "a"), ("port", "1"), ("user", "x")]);
        let b = map(&[("host", "b"), ("dbname", "d"), ("user", "x")]);
        assert_eq!(
            change(&a, &b).as_deref(),
            Some("OPTIONS (DROP port, ADD dbname 'd', SET host 'b')")
        );
        assert_eq!(change(&a, &a), None);
        assert_eq!(
            clause(&map(&[("user", "o'k")])),
            "OPTIONS (\"user\" 'o''k')"
        );
    }

    #[test]
    fn apply_follows_add_set_drop() {
        let stmt = pg_query::parse("ALTER SERVER s OPTIONS (ADD a '1', SET b '2', DROP c)", 0)
            .expect("parses");
        let Some(NodeEnum::AlterForeignServerStmt(s)) = stmt.protobuf.stmts[0]
            .stmt
            .as_ref()
            .and_then(|n| n.node.clone())
        else {
            panic!("not ALTER SERVER")
        };
        let mut m = map(&[("b", "0"), ("c", "9")]);
        assert_eq!(apply(&mut m, &s.options), Ok(()));
        assert_eq!(m, map(&[("a", "1"), ("b", "2")]));
        assert!(apply(&mut m, &s.options).is_err());
    }
}
