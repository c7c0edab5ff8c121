//! Names a function body reads. The server does not track them for plain SQL and PL/pgSQL
//! bodies (it only checks them at call time), so they order creation but never force a
//! rebuild. SQL bodies are parsed with PostgreSQL's parser, PL/pgSQL bodies with its
//! PL/pgSQL parser, whose embedded queries are then parsed in turn.

use std::collections::BTreeSet;

use pg_query::protobuf::{CreateFunctionStmt, Node};
use pg_query::NodeEnum;

use super::expr;
use super::model::QualName;
use super::resolve::Resolver;

/// Relations, functions and types a `CREATE FUNCTION` body refers to. `canonical` is the
/// statement's canonical text (the PL/pgSQL parser reads a whole CREATE FUNCTION).
pub fn body_references(f: &CreateFunctionStmt, canonical: &str, r: &Resolver) -> Vec<QualName> {
    let mut language = String::new();
    let mut body = None;
    for o in &f.options {
        let Some(NodeEnum::DefElem(d)) = &o.node else {
            continue;
        };
        match d.defname.as_str() {
            "language" => language = string_arg(d.arg.as_deref()).unwrap_or_default(),
            "as" => body = as_body(d.arg.as_deref()),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    match (language.as_str(), body) {
        ("sql", Some(text)) => collect_sql(&text, r, &mut out),
        ("plpgsql", Some(_)) => collect_plpgsql(canonical, r, &mut out),
        _ => {}
    }
    out.into_iter().collect()
}

fn string_arg(n: Option<&Node>) -> Option<String> {
    match n.and_then(|n| n.node.as_ref()) {
        Some(NodeEnum::String(s)) => Some(s.sval.clone()),
        _ => None,
    }
}

/// The body text of `AS 'body'` (not `AS 'obj_file', 'link_symbol'`).
fn as_body(n: Option<&Node>) -> Option<String> {
    match n.and_then(|n| n.node.as_ref()) {
        Some(NodeEnum::List(l)) if l.items.len() == 1 => string_arg(l.items.first()),
        Some(NodeEnum::String(s)) => Some(s.sval.clone()),
        _ => None,
    }
}

/// References of every statement in `sql`; text that does not parse contributes none.
fn collect_sql(sql: &str, r: &Resolver, out: &mut BTreeSet<QualName>) {
    let Ok(parsed) = pg_query::parse(sql, 0) else {
        return;
    };
    for raw in &parsed.protobuf.stmts {
        if let Some(stmt) = &raw.stmt {
            out.extend(expr::references(stmt, r));
        }
    }
}

/// Queries and expressions embedded in a PL/pgSQL body, and the types of its variables.
fn collect_plpgsql(canonical: &str, r: &Resolver, out: &mut BTreeSet<QualName>) {
    let Ok(tree) = pg_query::parse_plpgsql(canonical) else {
        return;
    };
    let mut stack = vec![&tree];
    while let Some(v) = stack.pop() {
        if let Some(items) = v.as_array() {
            stack.extend(items.iter());
            continue;
        }
        let Some(obj) = v.as_object() else { continue };
        if let Some(query) = obj.get("query").and_then(|q| q.as_str()) {
            let mode = obj.get("parseMode").and_then(|m| m.as_i64()).unwrap_or(0);
            collect_sql(&embedded_query(query, mode), r, out);
        }
        if let Some(typname) = obj.get("typname").and_then(|t| t.as_str()) {
            let base = typname.split('%').next().unwrap_or(typname);
            if let Some(q) = expr::parse_qualified(base)
                .filter(|q| !q.schema.is_empty() && q.schema != "pg_catalog")
            {
                out.insert(q);
            }
        }
        stack.extend(obj.values());
    }
}

/// A PL/pgSQL expression as a statement: mode 0 is a whole statement, mode 2 an expression,
/// modes 3 to 5 an assignment `target := expression`.
fn embedded_query(query: &str, mode: i64) -> String {
    match mode {
        0 => query.to_string(),
        3..=5 => {
            let rhs = query
                .split_once(":=")
                .or_else(|| query.split_once('='))
                .map_or(query, |(_, e)| e);
            format!("SELECT {rhs}")
        }
        _ => format!("SELECT {query}"),
    }
}
