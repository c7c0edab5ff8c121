//! Expressions as the server stores them. PostgreSQL keeps an expression after parse
//! analysis, and pg_dump prints it back with what analysis added: literals turned into
//! constants of the type they meet (`'a'::text`), the implicit casts of arguments
//! (`(code)::text` for a `varchar` column passed where `text` is taken), and the rewrites of
//! the grammar's shorthands (`IN (...)` as `= ANY (ARRAY[...])`, `BETWEEN` as `>= AND <=`,
//! `LIKE` as `~~`, `SIMILAR TO` as `~ similar_to_escape(...)`, a CASE's missing ELSE as
//! `ELSE NULL::t`). A schema written by hand and the dump of the same database must
//! compare equal, so `expr::normalize` settles both into that printed form here.
//!
//! The typer knows the columns of the tables in scope, `pg_catalog`'s functions, operators,
//! types and casts (`facts`, `builtin`), and the catalog's enums and domains, and applies
//! the server's rules of the "Type Conversion" chapter (`resolve`). Where it cannot decide
//! (a column of a view or of an unknown type, a user-defined operator or function, overloads
//! the rules leave ambiguous) it leaves the expression as written.
//!
//! - `ty.rs`: the types (`Ty`) and their categories, arrays and implicit casts.
//! - `resolve.rs`: choosing the builtin operator or function, `select_common_type`.
//! - `analyze.rs`: the expression typer, node kind by node kind, and SELECT.
//! - `scope.rs`: what column references name.
//! - `from.rs`: the columns of FROM items, `*` expanded into them.
//! - `constant.rs`: constants as the output functions print them; `json.rs` a jsonb
//!   document as `jsonb_out` prints it.

mod analyze;
pub mod constant;
mod from;
mod json;
mod resolve;
mod scope;
pub mod ty;

use pg_query::protobuf::Node;
use pg_query::NodeEnum;

pub use from::{output_names, relation_columns};
pub use scope::Scope;

use crate::catalog::resolve::Resolver;

/// A string literal as a value of type `type_sql` prints through the type's output function
/// (`'2024-01-01'` as a `timestamp` is `2024-01-01 00:00:00`), when it is certain; what a
/// partition bound holds.
pub fn output_text(value: &str, type_sql: &str, r: &Resolver) -> Option<String> {
    let ty = ty::Ty::of_sql(type_sql, r)?;
    let Some(NodeEnum::TypeCast(tc)) = constant::literal(value, &ty, r)?.node else {
        return None;
    };
    let Some(NodeEnum::AConst(c)) = tc.arg?.node else {
        return None;
    };
    match c.val? {
        pg_query::protobuf::a_const::Val::Sval(s) => Some(s.sval),
        pg_query::protobuf::a_const::Val::Ival(_)
        | pg_query::protobuf::a_const::Val::Fval(_)
        | pg_query::protobuf::a_const::Val::Boolval(_)
        | pg_query::protobuf::a_const::Val::Bsval(_) => None,
    }
}

/// The statements of a SQL-standard function body (`RETURN x`, or the list of `BEGIN ATOMIC`),
/// settled in an empty scope: the body's parameters are no columns.
// Of the statements a body can hold, SELECT and RETURN are settled; the others are left as
// written.
#[allow(clippy::wildcard_enum_match_arm)]
fn settle_body(a: &analyze::Analyzer, body: &mut Node) {
    let empty = Scope::default();
    match body.node.as_mut() {
        Some(NodeEnum::List(l)) => {
            for n in &mut l.items {
                settle_body(a, n);
            }
        }
        Some(NodeEnum::SelectStmt(s)) => a.select_hidden(s, Some(&empty)),
        Some(NodeEnum::ReturnStmt(rs)) => {
            if let Some(x) = rs.returnval.as_deref_mut() {
                a.expr(x, &empty);
            }
        }
        _ => {}
    }
}

/// The types of the output columns of a view's query (`create`, its canonical CREATE VIEW),
/// each as its type's text, where the typer knows them all.
pub fn view_output_types(create: &str, r: &Resolver) -> Option<Vec<String>> {
    let Some(NodeEnum::ViewStmt(v)) = crate::catalog::alter::parse_one(create) else {
        return None;
    };
    let Some(NodeEnum::SelectStmt(mut s)) = v.query.and_then(|q| q.node) else {
        return None;
    };
    let a = analyze::Analyzer { r };
    a.select(&mut s, None, true)?
        .into_iter()
        .map(|t| t.filter(|t| t.ty != ty::Ty::Unknown).map(|t| t.exact))
        .collect()
}

/// Settles, in place, the expressions of a statement or an expression as the server would
/// store them. Statements name their own scope (a view's FROM list, an index's or a
/// trigger's table, a policy's table); a bare expression or a constraint is settled in
/// `scope` (a table's columns, a domain's `VALUE`), and not at all without one.
// The statement kinds not listed hold no expression the catalog compares in stored form.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn settle(node: &mut Node, r: &Resolver, scope: Option<&Scope>) {
    let a = analyze::Analyzer { r };
    let Some(n) = node.node.as_mut() else { return };
    match n {
        NodeEnum::SelectStmt(s) => {
            a.select(s, scope, true);
        }
        // A column list not folded into the select list before (a `*`, a VALUES list) is
        // folded once they are expanded.
        NodeEnum::ViewStmt(v) => {
            if let Some(Some(NodeEnum::SelectStmt(s))) =
                v.query.as_deref_mut().map(|q| q.node.as_mut())
            {
                a.select_named(s, None, true);
                if crate::catalog::replay::fold_aliases(&v.aliases, s) {
                    v.aliases.clear();
                }
            }
        }
        NodeEnum::CreateTableAsStmt(c) => {
            if let Some(Some(NodeEnum::SelectStmt(s))) =
                c.query.as_deref_mut().map(|q| q.node.as_mut())
            {
                a.select_named(s, None, true);
                if let Some(into) = c.into.as_mut() {
                    if crate::catalog::replay::fold_aliases(&into.col_names, s) {
                        into.col_names.clear();
                    }
                }
            }
        }
        NodeEnum::IndexStmt(i) => {
            let Some(rv) = i.relation.as_ref() else {
                return;
            };
            let table = r.relation(&rv.schemaname, &rv.relname);
            let scope = Scope::table(r, &table);
            for p in &mut i.index_params {
                if let Some(NodeEnum::IndexElem(e)) = p.node.as_mut() {
                    if let Some(x) = e.expr.as_deref_mut() {
                        a.expr(x, &scope);
                    }
                }
            }
            if let Some(w) = i.where_clause.as_deref_mut() {
                a.expr(w, &scope);
            }
        }
        NodeEnum::CreateTrigStmt(t) => {
            let Some(rv) = t.relation.as_ref() else {
                return;
            };
            let table = r.relation(&rv.schemaname, &rv.relname);
            let scope = Scope::trigger(r, &table);
            if let Some(w) = t.when_clause.as_deref_mut() {
                a.expr(w, &scope);
            }
        }
        NodeEnum::CreatePolicyStmt(p) => {
            let Some(rv) = p.table.as_ref() else { return };
            let table = r.relation(&rv.schemaname, &rv.relname);
            let scope = Scope::table(r, &table);
            for x in p.qual.iter_mut().chain(p.with_check.iter_mut()) {
                a.expr(x, &scope);
            }
        }
        // A parameter's default is stored coerced to the parameter's type, as a column's.
        NodeEnum::CreateFunctionStmt(f) => {
            for p in &mut f.parameters {
                let Some(NodeEnum::FunctionParameter(fp)) = p.node.as_mut() else {
                    continue;
                };
                let (Some(d), Some(tn)) = (fp.defexpr.as_deref_mut(), fp.arg_type.as_ref()) else {
                    continue;
                };
                // A parameter's type has no modifiers (`varchar(3)` is `character varying`).
                let type_sql = crate::catalog::types::signature_type_sql(tn, r);
                a.parameter_default(d, &type_sql);
            }
            // A SQL-standard body is stored analysed, as a view's query is, and printed with
            // the names of its outputs hidden (`SELECT count(*) AS count FROM t`, `SELECT (1 +
            // 1)`).
            if let Some(body) = f.sql_body.as_deref_mut() {
                settle_body(&a, body);
            }
        }
        NodeEnum::Constraint(c) => {
            let Some(scope) = scope else { return };
            for x in c.raw_expr.iter_mut().chain(c.where_clause.iter_mut()) {
                a.expr(x, scope);
            }
        }
        other => {
            if let Some(scope) = scope {
                a.node(other, scope);
            }
        }
    }
}
