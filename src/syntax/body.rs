//! What a `CREATE FUNCTION` body says, parsed: the statements of a SQL body, the queries and
//! expressions embedded in a PL/pgSQL body (each parsed as a statement), and the types its
//! variables are declared with. Pure parsing, done beside the statement's own parse (and so
//! once for two sides that share the statement); what the names mean is the catalog's
//! business (`catalog::body`).

use pg_query::protobuf::{CreateFunctionStmt, Node};
use pg_query::NodeEnum;

/// A function body, parsed.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// Every statement of a SQL body, every embedded query of a PL/pgSQL body.
    pub statements: Vec<Node>,
    /// The type names of PL/pgSQL variables, as written (`%TYPE` / `%ROWTYPE` cut off).
    pub types: Vec<String>,
}

/// The body of `f`, whose whole statement reads `create` (the PL/pgSQL parser reads a whole
/// CREATE FUNCTION). Text that does not parse contributes nothing; a language other than
/// SQL and PL/pgSQL has no body to read (`None`).
pub fn parse(f: &CreateFunctionStmt, create: &str) -> Option<Body> {
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
    let mut out = Body::default();
    match (language.as_str(), body) {
        ("sql", Some(text)) => parse_sql(&text, &mut out),
        ("plpgsql", Some(_)) => parse_plpgsql(create, &mut out),
        _ => return None,
    }
    Some(out)
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

/// Every statement of `sql`; text that does not parse contributes none.
fn parse_sql(sql: &str, out: &mut Body) {
    let Ok(parsed) = pg_query::parse(sql, 0) else {
        return;
    };
    out.statements.extend(
        parsed
            .protobuf
            .stmts
            .into_iter()
            .filter_map(|raw| raw.stmt.map(|s| *s)),
    );
}

/// Queries and expressions embedded in a PL/pgSQL body, and the types of its variables.
fn parse_plpgsql(create: &str, out: &mut Body) {
    let Ok(tree) = pg_query::parse_plpgsql(create) else {
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
            parse_sql(&embedded_query(query, mode), out);
        }
        if let Some(typname) = obj.get("typname").and_then(|t| t.as_str()) {
            out.types
                .push(typname.split('%').next().unwrap_or(typname).to_string());
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
