//! Expressions and statements in canonical form: names qualified through the search path,
//! builtin type spellings unified, then deparsed by PostgreSQL's own deparser. Two
//! expressions are equal when their canonical text is.

use std::collections::BTreeSet;

use pg_query::protobuf::{self, a_const, Node, RawStmt, ResTarget, SelectStmt, TypeName};
use pg_query::NodeEnum;

use super::model::QualName;
use super::resolve::Resolver;
use super::types;

/// The parser's version number, as the deparser expects it in a parse result.
fn parser_version() -> i32 {
    static VERSION: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *VERSION.get_or_init(|| pg_query::parse("SELECT", 0).map(|r| r.protobuf.version).unwrap_or(0))
}

/// Deparses one statement.
pub fn deparse_stmt(node: NodeEnum) -> Result<String, String> {
    let pr = protobuf::ParseResult {
        version: parser_version(),
        stmts: vec![RawStmt { stmt: Some(Box::new(Node { node: Some(node) })), stmt_location: 0, stmt_len: 0 }],
    };
    pg_query::deparse(&pr, Default::default()).map_err(|e| e.to_string())
}

/// Deparses an expression as written (no normalization).
pub fn deparse_expr_raw(expr: &Node) -> Result<String, String> {
    let select = SelectStmt {
        target_list: vec![Node {
            node: Some(NodeEnum::ResTarget(Box::new(ResTarget {
                name: String::new(),
                indirection: vec![],
                val: Some(Box::new(expr.clone())),
                location: 0,
            }))),
        }],
        limit_option: protobuf::LimitOption::Default as i32,
        op: protobuf::SetOperation::SetopNone as i32,
        ..Default::default()
    };
    let text = deparse_stmt(NodeEnum::SelectStmt(Box::new(select)))?;
    Ok(text.strip_prefix("SELECT ").unwrap_or(&text).to_string())
}

/// Parses an expression written as text (as in `SELECT <text>`).
pub fn parse_expr(text: &str) -> Option<Node> {
    let parsed = pg_query::parse(&format!("SELECT {text}"), 0).ok()?;
    let stmt = parsed.protobuf.stmts.into_iter().next()?.stmt?;
    let NodeEnum::SelectStmt(sel) = stmt.node? else { return None };
    let target = sel.target_list.into_iter().next()?;
    let NodeEnum::ResTarget(rt) = target.node? else { return None };
    rt.val.map(|v| *v)
}

/// The column name the server gives an expression (`FigureColname`), when it has a strong one.
// Expression kinds not listed have no name of their own: the caller then says `expr`.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn column_name(n: &Node) -> Option<String> {
    match n.node.as_ref()? {
        NodeEnum::ColumnRef(c) => c.fields.last().and_then(super::replay::node_string),
        NodeEnum::FuncCall(f) => f.funcname.last().and_then(super::replay::node_string),
        NodeEnum::TypeCast(t) => t.arg.as_deref().and_then(column_name).or_else(|| t.type_name.as_ref().and_then(|tn| tn.names.last()).and_then(super::replay::node_string)),
        NodeEnum::CollateClause(c) => c.arg.as_deref().and_then(column_name),
        NodeEnum::CaseExpr(_) => Some("case".into()),
        NodeEnum::AArrayExpr(_) | NodeEnum::ArrayExpr(_) => Some("array".into()),
        NodeEnum::RowExpr(_) => Some("row".into()),
        NodeEnum::CoalesceExpr(_) => Some("coalesce".into()),
        NodeEnum::MinMaxExpr(m) => Some(if m.op == pg_query::protobuf::MinMaxOp::IsGreatest as i32 { "greatest" } else { "least" }.into()),
        NodeEnum::AIndirection(a) => a.arg.as_deref().and_then(column_name),
        _ => None,
    }
}

/// Canonical text of an expression.
pub fn expr_sql(expr: &Node, r: &Resolver) -> String {
    let mut e = expr.clone();
    normalize(&mut e, r);
    deparse_expr_raw(&e).unwrap_or_else(|err| format!("/* cannot deparse: {err} */"))
}

/// Canonical text of a whole statement.
pub fn stmt_sql(stmt: &NodeEnum, r: &Resolver) -> Result<String, String> {
    let mut n = Node { node: Some(stmt.clone()) };
    normalize(&mut n, r);
    deparse_stmt(n.node.unwrap_or(NodeEnum::List(protobuf::List { items: vec![] })))
}

/// Qualifies names and unifies spellings inside `node`, in place.
pub fn normalize(node: &mut Node, r: &Resolver) {
    let mut ctes = BTreeSet::new();
    walk(node, &mut |n| {
        if let NodeEnum::CommonTableExpr(c) = n {
            ctes.insert(c.ctename.clone());
        }
    });
    walk(node, &mut |n| normalize_one(n, r, &ctes));
}

/// Relations, functions and types an expression or statement refers to (qualified).
pub fn references(node: &Node, r: &Resolver) -> Vec<QualName> {
    let mut n = node.clone();
    normalize(&mut n, r);
    let mut out = BTreeSet::new();
    walk(&mut n, &mut |x| match x {
        NodeEnum::RangeVar(rv) if !rv.schemaname.is_empty() => {
            out.insert(QualName::new(rv.schemaname.clone(), rv.relname.clone()));
        }
        NodeEnum::FuncCall(f) => {
            if let [s, name] = strings(&f.funcname).as_slice() {
                out.insert(QualName::new(s.clone(), name.clone()));
            }
        }
        NodeEnum::CreateTrigStmt(t) => {
            if let [s, name] = strings(&t.funcname).as_slice() {
                out.insert(QualName::new(s.clone(), name.clone()));
            }
        }
        NodeEnum::TypeName(tn) => {
            if let [s, name] = strings(&tn.names).as_slice() {
                if s != "pg_catalog" {
                    out.insert(QualName::new(s.clone(), name.clone()));
                }
            }
        }
        NodeEnum::CollateClause(c) => {
            if let [s, name] = strings(&c.collname).as_slice() {
                if s != "pg_catalog" {
                    out.insert(QualName::new(s.clone(), name.clone()));
                }
            }
        }
        NodeEnum::TypeCast(tc) => {
            if let Some(tn) = &tc.type_name {
                if let [s, name] = strings(&tn.names).as_slice() {
                    if s != "pg_catalog" {
                        out.insert(QualName::new(s.clone(), name.clone()));
                    }
                }
                if is_regclass(tn) {
                    if let Some(NodeEnum::AConst(c)) = tc.arg.as_ref().and_then(|a| a.node.as_ref()) {
                        if let Some(a_const::Val::Sval(s)) = &c.val {
                            if let Some(q) = parse_qualified(&s.sval) {
                                out.insert(q);
                            }
                        }
                    }
                }
            }
        }
        _ => {}
    });
    out.into_iter().collect()
}

fn strings(nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect()
}

fn string_nodes(parts: &[&str]) -> Vec<Node> {
    parts.iter().map(|p| Node { node: Some(NodeEnum::String(protobuf::String { sval: p.to_string() })) }).collect()
}

fn is_regclass(tn: &TypeName) -> bool {
    matches!(strings(&tn.names).as_slice(), [n] | [_, n] if n == "regclass")
}

/// Parses `a`, `s.a`, `"A"`, `s."a b"` into a name (schema may be empty).
pub fn parse_qualified(s: &str) -> Option<QualName> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut cur)),
            c if quoted => cur.push(c),
            c => cur.extend(c.to_lowercase()),
        }
    }
    parts.push(cur);
    match parts.as_slice() {
        [n] => Some(QualName::new("", n.clone())),
        [s, n] => Some(QualName::new(s.clone(), n.clone())),
        _ => None,
    }
}

fn normalize_one(n: &mut NodeEnum, r: &Resolver, ctes: &BTreeSet<String>) {
    match n {
        NodeEnum::RangeVar(rv) => {
            if rv.schemaname.is_empty() && !ctes.contains(&rv.relname) {
                rv.schemaname = r.relation("", &rv.relname).schema;
            }
            rv.location = 0;
        }
        NodeEnum::FuncCall(f) => {
            let parts = strings(&f.funcname);
            match parts.as_slice() {
                [name] => {
                    if let Some(s) = r.function_schema(name) {
                        f.funcname = string_nodes(&[&s, name]);
                    }
                }
                [s, name] if s == "pg_catalog" => {
                    // `pg_catalog.now()` is `now()`.
                    if !is_sql_syntax_function(name) {
                        f.funcname = string_nodes(&[name]);
                    }
                }
                _ => {}
            }
        }
        NodeEnum::TypeCast(tc) => {
            if let Some(tn) = tc.type_name.as_mut() {
                if is_regclass(tn) {
                    if let Some(NodeEnum::AConst(c)) = tc.arg.as_mut().and_then(|a| a.node.as_mut()) {
                        if let Some(a_const::Val::Sval(s)) = c.val.as_mut() {
                            if let Some(q) = parse_qualified(&s.sval) {
                                let q = r.relation(&q.schema, &q.name);
                                s.sval = q.sql();
                            }
                        }
                    }
                }
                normalize_type_name(tn, r);
            }
        }
        NodeEnum::ColumnDef(cd) => {
            if let Some(tn) = cd.type_name.as_mut() {
                normalize_type_name(tn, r);
            }
        }
        NodeEnum::TypeName(tn) => normalize_type_name(tn, r),
        NodeEnum::CollateClause(c) => {
            // An unqualified collation is the search path's user collation, if any.
            if let [name] = strings(&c.collname).as_slice() {
                let found = r.search_path.iter().filter(|s| s.as_str() != "pg_catalog").find(|s| {
                    r.catalog.objects.contains_key(&super::model::ObjKey { kind: super::model::ObjKind::Collation, schema: s.to_string(), name: name.clone(), sub: String::new() })
                });
                if let Some(s) = found {
                    c.collname = string_nodes(&[s, name]);
                }
            }
            c.location = 0;
        }
        _ => {}
    }
}

/// Functions whose grammar is special (`pg_catalog.overlay(...)`, `extract`): the deparser
/// needs their pg_catalog qualification to print SQL syntax.
fn is_sql_syntax_function(name: &str) -> bool {
    matches!(
        name,
        "overlay" | "position" | "substring" | "trim" | "btrim" | "ltrim" | "rtrim" | "extract" | "date_part"
            | "timezone" | "overlaps" | "collation_for" | "normalize" | "is_normalized" | "xmlexists" | "system_user"
            | "json_scalar" | "json_serialize" | "similar_to_escape" | "similar_escape"
    )
}

/// Unifies a type name in place: builtins as `pg_catalog.<internal>` for the names the
/// grammar spells specially, bare names for the other builtins, user types qualified.
pub fn normalize_type_name(tn: &mut TypeName, r: &Resolver) {
    let (schema, name) = types::resolve_type_name(tn, r);
    let internal = match name.as_str() {
        "integer" | "int" => "int4",
        "smallint" => "int2",
        "bigint" => "int8",
        "real" => "float4",
        "boolean" => "bool",
        "decimal" => "numeric",
        other => other,
    };
    let keyword_types = ["int2", "int4", "int8", "float4", "float8", "bool", "varchar", "bpchar", "numeric", "timestamp", "timestamptz", "time", "timetz", "interval", "bit", "varbit"];
    tn.names = match schema {
        None if keyword_types.contains(&internal) => string_nodes(&["pg_catalog", internal]),
        None => string_nodes(&[internal]),
        Some(s) => string_nodes(&[&s, &name]),
    };
    tn.location = 0;
}

/// Visits every node of the tree, parents before children.
// A walker descends; node kinds it does not list have no children that hold names, so the
// wildcard here skips no statement or option.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn walk(node: &mut Node, f: &mut dyn FnMut(&mut NodeEnum)) {
    let Some(n) = node.node.as_mut() else { return };
    f(n);
    fn all(v: &mut [Node], f: &mut dyn FnMut(&mut NodeEnum)) {
        for x in v {
            walk(x, f);
        }
    }
    fn opt(v: &mut Option<Box<Node>>, f: &mut dyn FnMut(&mut NodeEnum)) {
        if let Some(x) = v {
            walk(x, f);
        }
    }
    fn select(s: &mut SelectStmt, f: &mut dyn FnMut(&mut NodeEnum)) {
        all(&mut s.distinct_clause, f);
        all(&mut s.target_list, f);
        all(&mut s.from_clause, f);
        opt(&mut s.where_clause, f);
        all(&mut s.group_clause, f);
        opt(&mut s.having_clause, f);
        all(&mut s.window_clause, f);
        all(&mut s.values_lists, f);
        all(&mut s.sort_clause, f);
        opt(&mut s.limit_offset, f);
        opt(&mut s.limit_count, f);
        if let Some(w) = s.with_clause.as_mut() {
            all(&mut w.ctes, f);
        }
        if let Some(l) = s.larg.as_mut() {
            select(l, f);
        }
        if let Some(r) = s.rarg.as_mut() {
            select(r, f);
        }
    }
    match n {
        NodeEnum::SelectStmt(s) => select(s, f),
        NodeEnum::InsertStmt(s) => {
            walk_rangevar(&mut s.relation, f);
            opt(&mut s.select_stmt, f);
        }
        NodeEnum::UpdateStmt(s) => {
            all(&mut s.target_list, f);
            opt(&mut s.where_clause, f);
            all(&mut s.from_clause, f);
        }
        NodeEnum::DeleteStmt(s) => {
            opt(&mut s.where_clause, f);
            all(&mut s.using_clause, f);
        }
        NodeEnum::FuncCall(c) => {
            all(&mut c.args, f);
            all(&mut c.agg_order, f);
            opt(&mut c.agg_filter, f);
            if let Some(w) = c.over.as_mut() {
                all(&mut w.partition_clause, f);
                all(&mut w.order_clause, f);
            }
        }
        NodeEnum::TypeCast(c) => opt(&mut c.arg, f),
        NodeEnum::AExpr(e) => {
            opt(&mut e.lexpr, f);
            opt(&mut e.rexpr, f);
        }
        NodeEnum::BoolExpr(e) => all(&mut e.args, f),
        NodeEnum::SubLink(s) => {
            opt(&mut s.testexpr, f);
            opt(&mut s.subselect, f);
        }
        NodeEnum::CaseExpr(c) => {
            opt(&mut c.arg, f);
            all(&mut c.args, f);
            opt(&mut c.defresult, f);
        }
        NodeEnum::CaseWhen(c) => {
            opt(&mut c.expr, f);
            opt(&mut c.result, f);
        }
        NodeEnum::ResTarget(t) => {
            all(&mut t.indirection, f);
            opt(&mut t.val, f);
        }
        NodeEnum::JoinExpr(j) => {
            opt(&mut j.larg, f);
            opt(&mut j.rarg, f);
            opt(&mut j.quals, f);
        }
        NodeEnum::RangeSubselect(s) => opt(&mut s.subquery, f),
        NodeEnum::RangeFunction(rf) => {
            all(&mut rf.functions, f);
            all(&mut rf.coldeflist, f);
        }
        NodeEnum::SortBy(s) => opt(&mut s.node, f),
        NodeEnum::WindowDef(w) => {
            all(&mut w.partition_clause, f);
            all(&mut w.order_clause, f);
        }
        NodeEnum::CommonTableExpr(c) => opt(&mut c.ctequery, f),
        NodeEnum::NullTest(t) => opt(&mut t.arg, f),
        NodeEnum::BooleanTest(t) => opt(&mut t.arg, f),
        NodeEnum::CoalesceExpr(c) => all(&mut c.args, f),
        NodeEnum::MinMaxExpr(m) => all(&mut m.args, f),
        NodeEnum::RowExpr(rw) => all(&mut rw.args, f),
        NodeEnum::AArrayExpr(a) => all(&mut a.elements, f),
        NodeEnum::AIndirection(a) => {
            opt(&mut a.arg, f);
            all(&mut a.indirection, f);
        }
        NodeEnum::AIndices(a) => {
            opt(&mut a.lidx, f);
            opt(&mut a.uidx, f);
        }
        NodeEnum::CollateClause(c) => opt(&mut c.arg, f),
        NodeEnum::NamedArgExpr(a) => opt(&mut a.arg, f),
        NodeEnum::List(l) => all(&mut l.items, f),
        NodeEnum::GroupingSet(g) => all(&mut g.content, f),
        NodeEnum::XmlExpr(x) => {
            all(&mut x.named_args, f);
            all(&mut x.args, f);
        }
        NodeEnum::IndexElem(e) => opt(&mut e.expr, f),
        NodeEnum::ColumnDef(c) => {
            if let Some(tn) = c.type_name.as_mut() {
                walk_typename(tn, f);
            }
            all(&mut c.constraints, f);
        }
        NodeEnum::Constraint(c) => {
            opt(&mut c.raw_expr, f);
            opt(&mut c.where_clause, f);
            all(&mut c.exclusions, f);
            walk_rangevar(&mut c.pktable, f);
        }
        NodeEnum::IndexStmt(s) => {
            walk_rangevar(&mut s.relation, f);
            all(&mut s.index_params, f);
            all(&mut s.index_including_params, f);
            opt(&mut s.where_clause, f);
        }
        NodeEnum::ViewStmt(v) => {
            walk_rangevar(&mut v.view, f);
            opt(&mut v.query, f);
        }
        NodeEnum::CreateTableAsStmt(c) => {
            opt(&mut c.query, f);
        }
        NodeEnum::CreateTrigStmt(t) => {
            walk_rangevar(&mut t.relation, f);
            opt(&mut t.when_clause, f);
        }
        NodeEnum::CreatePolicyStmt(p) => {
            walk_rangevar(&mut p.table, f);
            opt(&mut p.qual, f);
            opt(&mut p.with_check, f);
        }
        NodeEnum::AlterPolicyStmt(p) => {
            walk_rangevar(&mut p.table, f);
            opt(&mut p.qual, f);
            opt(&mut p.with_check, f);
        }
        NodeEnum::RuleStmt(rs) => {
            walk_rangevar(&mut rs.relation, f);
            opt(&mut rs.where_clause, f);
            all(&mut rs.actions, f);
        }
        NodeEnum::CreateDomainStmt(d) => {
            if let Some(tn) = d.type_name.as_mut() {
                walk_typename(tn, f);
            }
            all(&mut d.constraints, f);
        }
        NodeEnum::CompositeTypeStmt(c) => all(&mut c.coldeflist, f),
        NodeEnum::CreateFunctionStmt(c) => {
            all(&mut c.parameters, f);
            if let Some(tn) = c.return_type.as_mut() {
                walk_typename(tn, f);
            }
            opt(&mut c.sql_body, f);
        }
        NodeEnum::FunctionParameter(p) => {
            if let Some(tn) = p.arg_type.as_mut() {
                walk_typename(tn, f);
            }
            opt(&mut p.defexpr, f);
        }
        NodeEnum::ReturnStmt(rs) => opt(&mut rs.returnval, f),
        NodeEnum::CreateStatsStmt(s) => {
            all(&mut s.exprs, f);
            all(&mut s.relations, f);
        }
        NodeEnum::StatsElem(s) => opt(&mut s.expr, f),
        _ => {}
    }
}

fn walk_rangevar(rv: &mut Option<protobuf::RangeVar>, f: &mut dyn FnMut(&mut NodeEnum)) {
    if let Some(r) = rv.take() {
        let mut rn = Node { node: Some(NodeEnum::RangeVar(r)) };
        walk(&mut rn, f);
        if let Some(NodeEnum::RangeVar(x)) = rn.node {
            *rv = Some(x);
        }
    }
}

fn walk_typename(tn: &mut TypeName, f: &mut dyn FnMut(&mut NodeEnum)) {
    let mut n = Node { node: Some(NodeEnum::TypeName(std::mem::take(tn))) };
    walk(&mut n, f);
    if let Some(NodeEnum::TypeName(x)) = n.node {
        *tn = x;
    }
}
