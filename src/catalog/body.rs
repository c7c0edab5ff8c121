//! Names a function body reads. The server does not track them for plain SQL and PL/pgSQL
//! bodies (it only checks them at call time), so they order creation but never force a
//! rebuild. The body is parsed by `syntax::body` (usually beside the statement's own parse);
//! here its names are resolved.

use std::collections::BTreeSet;

use pg_query::protobuf::CreateFunctionStmt;

use crate::syntax::body::{self, Body};

use super::expr;
use super::model::QualName;
use super::resolve::Resolver;

/// Relations, functions and types a `CREATE FUNCTION` body refers to: `parsed` is its body
/// as the parse of the statement read it, if it did; otherwise it is parsed from
/// `canonical`, the statement's canonical text.
pub fn body_references(
    f: &CreateFunctionStmt,
    canonical: &str,
    parsed: Option<&Body>,
    r: &Resolver,
) -> Vec<QualName> {
    let owned;
    let body = match parsed {
        Some(b) => b,
        None => match body::parse(f, canonical) {
            Some(b) => {
                owned = b;
                &owned
            }
            None => return Vec::new(),
        },
    };
    let mut out = BTreeSet::new();
    for stmt in &body.statements {
        out.extend(expr::references(stmt, r));
    }
    for typname in &body.types {
        if let Some(q) = expr::parse_qualified(typname)
            .filter(|q| !q.schema.is_empty() && q.schema != "pg_catalog")
        {
            out.insert(q);
        }
    }
    out.into_iter().collect()
}
