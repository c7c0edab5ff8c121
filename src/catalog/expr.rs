//! Expressions and statements in canonical form: names qualified through the search path,
//! builtin type spellings unified, then deparsed by PostgreSQL's own deparser. Two
//! expressions are equal when their canonical text is.

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

use pg_query::protobuf::{self, a_const, Node, RawStmt, ResTarget, SelectStmt, TypeName};
use pg_query::NodeEnum;

use super::model::QualName;
use super::resolve::Resolver;
use super::types;
use super::typing::{self, constant, Scope};
use crate::hashing::FastMap;
pub use crate::syntax::walk::walk;
use crate::syntax::walk::{visit, Next};

/// The parser's version number, as the deparser expects it in a parse result.
fn parser_version() -> i32 {
    static VERSION: OnceLock<i32> = OnceLock::new();
    *VERSION.get_or_init(|| {
        pg_query::parse("SELECT", 0)
            .map(|r| r.protobuf.version)
            .unwrap_or(0)
    })
}

/// Deparses one statement.
pub fn deparse_stmt(node: NodeEnum) -> Result<String, String> {
    if let Some(what) = unprintable(&node) {
        return Err(format!(
            "the deparser cannot print an empty string as {what}"
        ));
    }
    let mut node = Node { node: Some(node) };
    quote_bare_names(&mut node);
    let pr = protobuf::ParseResult {
        version: parser_version(),
        stmts: vec![RawStmt {
            stmt: Some(Box::new(node)),
            stmt_location: 0,
            stmt_len: 0,
        }],
    };
    deparse_memo(&pr)
}

/// What `deparse_stmt` printed for each tree it was handed, keyed by the tree's protobuf
/// encoding. The deparser is a pure function of the tree, and one run hands it the same
/// trees again and again: a default such as `now()` in every table, each object of TO that
/// FROM has too, each statement of the migration replayed onto FROM. A call costs two
/// serializations and the C deparser; a hit, one encoding and a lookup. Bounded: an entry
/// larger than a sixteenth of the budget is not kept, and the memo starts again empty when
/// the budget is spent.
struct Deparsed {
    texts: FastMap<Vec<u8>, Result<String, String>>,
    bytes: usize,
}

/// The memory `Deparsed` may hold, keys and texts.
const DEPARSED_BUDGET: usize = 64 << 20;

fn deparse_memo(pr: &protobuf::ParseResult) -> Result<String, String> {
    static MEMO: OnceLock<Mutex<Deparsed>> = OnceLock::new();
    let memo = MEMO.get_or_init(|| {
        Mutex::new(Deparsed {
            texts: FastMap::default(),
            bytes: 0,
        })
    });
    // A panic while the lock is held leaves the map as it was: still usable.
    let lock = || {
        memo.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let key = prost::Message::encode_to_vec(pr);
    if let Some(text) = lock().texts.get(&key) {
        return text.clone();
    }
    let text = pg_query::deparse(pr, Default::default()).map_err(|e| e.to_string());
    let size = key.len() + text.as_ref().map_or_else(String::len, String::len);
    if size <= DEPARSED_BUDGET / 16 {
        let mut memo = lock();
        if memo.bytes + size > DEPARSED_BUDGET {
            memo.texts.clear();
            memo.bytes = 0;
        }
        if memo.texts.insert(key, text.clone()).is_none() {
            memo.bytes += size;
        }
    }
    text
}

/// Quotes, as the server's `quote_identifier` would, the names libpg_query's deparser prints
/// bare: a routine's parameter names (and an aggregate's, OUT and TABLE columns), the
/// plain columns of CREATE STATISTICS, and a foreign key's `ON DELETE SET NULL (...)`
/// columns. Printed bare, `"limit"` or `"Id"` would read back as a syntax error or `id`.
// Only these node kinds hold such a name; every other kind is printed quoted.
#[allow(clippy::wildcard_enum_match_arm)]
fn quote_bare_names(node: &mut Node) {
    let holds_them = matches!(
        node.node,
        Some(
            NodeEnum::CreateFunctionStmt(_)
                | NodeEnum::DefineStmt(_)
                | NodeEnum::CreateStatsStmt(_)
                | NodeEnum::CreateStmt(_)
                | NodeEnum::AlterTableStmt(_)
        )
    );
    if !holds_them {
        return;
    }
    let quote = |name: &mut String| {
        if !name.is_empty() {
            *name = crate::emit::quote::ident(name);
        }
    };
    crate::syntax::walk::walk(node, &mut |n| match n {
        NodeEnum::FunctionParameter(p) => quote(&mut p.name),
        NodeEnum::StatsElem(e) => quote(&mut e.name),
        NodeEnum::Constraint(c) => {
            for k in &mut c.fk_del_set_cols {
                if let Some(NodeEnum::String(s)) = k.node.as_mut() {
                    quote(&mut s.sval);
                }
            }
        }
        _ => {}
    });
}

/// What in `node` libpg_query's deparser would crash on, if anything. The deparser reads the
/// tree back from protobuf, where a string field is empty both when it is absent and when
/// it is `''`, and turns an empty one into a NULL pointer; where it then prints that field
/// as a literal without checking, it dereferences NULL and the process dies (SIGSEGV, not
/// an error). The parser fills a string field with an empty string only from a string
/// literal (an identifier is never empty), so the fields at risk are the ones its grammar
/// takes from a literal and its deparser prints unchecked: those below, all fields of
/// top-level statements (no statement holds one of these kinds). The other
/// literal fields are checked for NULL by the deparser, which then leaves the clause out.
// Only these statement kinds have such a field.
#[allow(clippy::wildcard_enum_match_arm)]
fn unprintable(node: &NodeEnum) -> Option<&'static str> {
    use protobuf::{AlterSubscriptionType as Sub, TransactionStmtKind as Tx};
    match node {
        NodeEnum::CreateConversionStmt(c) if c.for_encoding_name.is_empty() => {
            Some("the source encoding of a conversion")
        }
        NodeEnum::CreateConversionStmt(c) if c.to_encoding_name.is_empty() => {
            Some("the destination encoding of a conversion")
        }
        // ADD VALUE and RENAME VALUE ... TO alike print the new label.
        NodeEnum::AlterEnumStmt(e) if e.new_val.is_empty() => Some("an enum label"),
        NodeEnum::AlterSubscriptionStmt(s)
            if s.kind == Sub::AlterSubscriptionConnection as i32 && s.conninfo.is_empty() =>
        {
            Some("a subscription's connection string")
        }
        NodeEnum::TransactionStmt(t)
            if [
                Tx::TransStmtPrepare,
                Tx::TransStmtCommitPrepared,
                Tx::TransStmtRollbackPrepared,
            ]
            .iter()
            .any(|k| *k as i32 == t.kind)
                && t.gid.is_empty() =>
        {
            Some("a prepared transaction's identifier")
        }
        NodeEnum::LoadStmt(l) if l.filename.is_empty() => Some("the file name of LOAD"),
        _ => None,
    }
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
    let NodeEnum::SelectStmt(sel) = stmt.node? else {
        return None;
    };
    let target = sel.target_list.into_iter().next()?;
    let NodeEnum::ResTarget(rt) = target.node? else {
        return None;
    };
    rt.val.map(|v| *v)
}

/// The column name the server gives an expression (`FigureColname`), when it has a strong one.
// Expression kinds not listed have no name of their own: the caller then says `expr`.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn column_name(n: &Node) -> Option<String> {
    match n.node.as_ref()? {
        NodeEnum::ColumnRef(c) => c.fields.last().and_then(super::replay::node_string),
        NodeEnum::FuncCall(f) => f.funcname.last().and_then(super::replay::node_string),
        NodeEnum::TypeCast(t) => t.arg.as_deref().and_then(column_name).or_else(|| {
            t.type_name
                .as_ref()
                .and_then(|tn| tn.names.last())
                .and_then(super::replay::node_string)
        }),
        NodeEnum::CollateClause(c) => c.arg.as_deref().and_then(column_name),
        NodeEnum::CaseExpr(_) => Some("case".into()),
        NodeEnum::AArrayExpr(_) | NodeEnum::ArrayExpr(_) => Some("array".into()),
        NodeEnum::RowExpr(_) => Some("row".into()),
        NodeEnum::CoalesceExpr(_) => Some("coalesce".into()),
        NodeEnum::MinMaxExpr(m) => Some(
            if m.op == pg_query::protobuf::MinMaxOp::IsGreatest as i32 {
                "greatest"
            } else {
                "least"
            }
            .into(),
        ),
        NodeEnum::AIndirection(a) => a.arg.as_deref().and_then(column_name),
        // A scalar sub-query is named by its output column, EXISTS and ARRAY(...) by theirs.
        NodeEnum::SubLink(s) => {
            use pg_query::protobuf::SubLinkType as S;
            match S::try_from(s.sub_link_type).ok()? {
                S::ExistsSublink => Some("exists".into()),
                S::ArraySublink => Some("array".into()),
                S::ExprSublink => {
                    let mut sel = match s.subselect.as_deref()?.node.as_ref()? {
                        NodeEnum::SelectStmt(sel) => sel.as_ref(),
                        _ => return None,
                    };
                    while sel.op != protobuf::SetOperation::SetopNone as i32 {
                        sel = sel.larg.as_deref()?;
                    }
                    match sel.target_list.first()?.node.as_ref()? {
                        NodeEnum::ResTarget(rt) if !rt.name.is_empty() => Some(rt.name.clone()),
                        NodeEnum::ResTarget(rt) => rt.val.as_deref().and_then(column_name),
                        _ => None,
                    }
                }
                S::Undefined
                | S::AllSublink
                | S::AnySublink
                | S::RowcompareSublink
                | S::MultiexprSublink
                | S::CteSublink => None,
            }
        }
        _ => None,
    }
}

/// Canonical text of an expression.
pub fn expr_sql(expr: &Node, r: &Resolver) -> String {
    expr_sql_in(expr, r, None)
}

/// Canonical text of an expression that reads the columns of `scope` (a generated column, a
/// domain's CHECK), settled as the server stores it (`typing`).
pub fn expr_sql_in(expr: &Node, r: &Resolver, scope: Option<&Scope>) -> String {
    let mut e = expr.clone();
    normalize_in(&mut e, r, scope);
    deparse_expr_raw(&e).unwrap_or_else(|err| format!("/* cannot deparse: {err} */"))
}

/// Canonical text of a default, as it must read after `DEFAULT` in a column or domain
/// definition, where the grammar takes only a restricted expression (`b_expr`): the
/// deparser, printing the tree there, parenthesizes what is not one (`now() AT TIME ZONE
/// 'utc'`, `x IS NULL`, `a AND b`, `'a' COLLATE "C"`), as pg_dump does. The text reads the
/// same after `SET DEFAULT`, which takes any expression. A default reads no column: it is
/// settled in an empty scope.
pub fn default_sql(expr: &Node, r: &Resolver) -> String {
    let mut e = expr.clone();
    normalize_in(&mut e, r, Some(&Scope::default()));
    let default = protobuf::Constraint {
        contype: protobuf::ConstrType::ConstrDefault as i32,
        raw_expr: Some(Box::new(e)),
        ..Default::default()
    };
    let domain = protobuf::CreateDomainStmt {
        domainname: string_nodes(&["d"]),
        type_name: Some(TypeName {
            names: string_nodes(&["t"]),
            typemod: -1,
            ..Default::default()
        }),
        coll_clause: None,
        constraints: vec![Node {
            node: Some(NodeEnum::Constraint(Box::new(default))),
        }],
    };
    match deparse_stmt(NodeEnum::CreateDomainStmt(Box::new(domain))) {
        Ok(text) => text
            .strip_prefix(DEFAULT_PREFIX)
            .map_or(text.clone(), str::to_string),
        Err(err) => format!("/* cannot deparse: {err} */"),
    }
}

/// What the deparser prints before the default in `default_sql`.
const DEFAULT_PREFIX: &str = "CREATE DOMAIN d AS t DEFAULT ";

/// Canonical text of a whole statement.
pub fn stmt_sql(stmt: &NodeEnum, r: &Resolver) -> Result<String, String> {
    let mut n = Node {
        node: Some(stmt.clone()),
    };
    normalize(&mut n, r);
    deparse_stmt(
        n.node
            .unwrap_or(NodeEnum::List(protobuf::List { items: vec![] })),
    )
}

/// Qualifies names and unifies spellings inside `node`, in place.
pub fn normalize(node: &mut Node, r: &Resolver) {
    normalize_in(node, r, None);
}

/// `normalize`, then the expressions settled as the server stores them (`typing::settle`):
/// those of a statement in the scope it names, a bare expression or constraint in `scope`.
pub fn normalize_in(node: &mut Node, r: &Resolver, scope: Option<&Scope>) {
    let mut ctes = BTreeSet::new();
    walk(node, &mut |n| {
        if let NodeEnum::CommonTableExpr(c) = n {
            ctes.insert(c.ctename.clone());
        }
    });
    walk_names(node, &mut |n| normalize_one(n, r, &ctes));
    typing::settle(node, r, scope);
    walk(node, &mut |n| {
        if let NodeEnum::SelectStmt(s) = n {
            unqualify_single_relation(s);
        }
    });
}

/// `walk`, but not into the items of a definition (`sfunc = f`, `provider = icu`,
/// `multirange_type_name = m`): they name functions, operators, types and keywords in the
/// grammar of type names, are not expressions, and the statements that have them read them
/// (aggregate.rs, operator.rs, range.rs). Names are qualified and collected this way.
fn walk_names(node: &mut Node, f: &mut dyn FnMut(&mut NodeEnum)) {
    visit(node, &mut |n| {
        f(n);
        if matches!(n, NodeEnum::DefElem(_)) {
            Next::Over
        } else {
            Next::Into
        }
    });
}

/// In a SELECT over one relation, `t.col` and `col` are the same column: servers differ in
/// which they print (and hand-written views rarely qualify), so the qualifier is dropped.
/// Sub-queries keep theirs (they see another scope), and so does ORDER BY when an output
/// column has that name (ORDER BY resolves output names first).
fn unqualify_single_relation(s: &mut SelectStmt) {
    let [from] = s.from_clause.as_slice() else {
        return;
    };
    let Some(NodeEnum::RangeVar(rv)) = &from.node else {
        return;
    };
    let refname = rv
        .alias
        .as_ref()
        .map_or(rv.relname.clone(), |a| a.aliasname.clone());
    let outputs: BTreeSet<String> = s
        .target_list
        .iter()
        .filter_map(|t| match &t.node {
            Some(NodeEnum::ResTarget(rt)) if !rt.name.is_empty() => Some(rt.name.clone()),
            _ => None,
        })
        .collect();
    for n in s.target_list.iter_mut().chain(s.group_clause.iter_mut()) {
        unqualify(n, &refname, &BTreeSet::new());
    }
    for n in s.where_clause.iter_mut().chain(s.having_clause.iter_mut()) {
        unqualify(n, &refname, &BTreeSet::new());
    }
    for n in s.sort_clause.iter_mut() {
        unqualify(n, &refname, &outputs);
    }
}

/// Drops `refname.` from column references in an expression, not entering sub-queries
/// (a `SELECT` under it sees another scope); `keep` names columns whose qualifier stays.
fn unqualify(node: &mut Node, refname: &str, keep: &BTreeSet<String>) {
    visit(node, &mut |n| {
        if let NodeEnum::ColumnRef(c) = n {
            if let [Node {
                node: Some(NodeEnum::String(rel)),
            }, Node {
                node: Some(NodeEnum::String(col)),
            }] = c.fields.as_slice()
            {
                if rel.sval == refname && !keep.contains(&col.sval) {
                    c.fields.remove(0);
                }
            }
        }
        if matches!(n, NodeEnum::SelectStmt(_)) {
            Next::Over
        } else {
            Next::Into
        }
    });
}

/// Relations, functions and types an expression or statement refers to (qualified).
// The walk visits every node; the kinds not matched name no relation, function or type.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn references(node: &Node, r: &Resolver) -> Vec<QualName> {
    let mut n = node.clone();
    normalize(&mut n, r);
    let mut out = BTreeSet::new();
    names_in(&mut n, r, &mut out);
    out.into_iter().collect()
}

/// `references` of an expression that reads the columns of `scope` (a table's, a domain's
/// `VALUE`), as written and as the server stores it: what settling it adds counts too (a
/// literal compared with an enum column is a constant of the enum, `'b'::public.st`, and
/// the expression needs the type as the server records it), whether written or not.
pub fn references_in(node: &Node, r: &Resolver, scope: &Scope) -> Vec<QualName> {
    let mut written = node.clone();
    normalize(&mut written, r);
    let mut settled = node.clone();
    normalize_in(&mut settled, r, Some(scope));
    let mut out = BTreeSet::new();
    names_in(&mut written, r, &mut out);
    names_in(&mut settled, r, &mut out);
    out.into_iter().collect()
}

/// The names `references` collects, from a normalized tree.
// The walk visits every node; the kinds not matched name no relation, function or type.
#[allow(clippy::wildcard_enum_match_arm)]
fn names_in(n: &mut Node, r: &Resolver, out: &mut BTreeSet<QualName>) {
    walk_names(n, &mut |x| match x {
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
        // An operator of the catalog's: written `OPERATOR(s.op)`, or bare and found on the
        // path (the server records the operator a view or a constraint uses).
        NodeEnum::AExpr(e) => match strings(&e.name).as_slice() {
            [s, op] if s != "pg_catalog" => {
                out.insert(QualName::new(s.clone(), op.clone()));
            }
            [op] => {
                // (Argument types are not weighed: this over-approximates, which only
                // orders or rebuilds more.)
                if let Some(s) = r.schema_holding(super::ObjKind::Operator, op) {
                    out.insert(QualName::new(s, op.clone()));
                }
            }
            _ => {}
        },
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
        // An index column's collation and operator class, qualified or found on the path.
        NodeEnum::IndexElem(e) => {
            for (names, kind) in [
                (&e.collation, super::ObjKind::Collation),
                (&e.opclass, super::ObjKind::OperatorClass),
            ] {
                match strings(names).as_slice() {
                    [s, name] if s != "pg_catalog" => {
                        out.insert(QualName::new(s.clone(), name.clone()));
                    }
                    [name] => {
                        if let Some(s) = r.schema_holding(kind, name) {
                            out.insert(QualName::new(s, name.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
        NodeEnum::TypeCast(tc) => {
            // (The type name is a node of its own to the walk.)
            // A name cast to regclass, regconfig or regdictionary is a dependency, as the
            // server records the constant's object.
            if let Some(kind) = tc.type_name.as_ref().and_then(reg_kind) {
                if let Some(NodeEnum::AConst(c)) = tc.arg.as_ref().and_then(|a| a.node.as_ref()) {
                    if let Some(a_const::Val::Sval(s)) = &c.val {
                        if let Some(q) = parse_qualified(&s.sval) {
                            match kind {
                                Some(kind) if q.schema.is_empty() => {
                                    if let Some(s) = r.schema_holding(kind, &q.name) {
                                        out.insert(QualName::new(s, q.name));
                                    }
                                }
                                Some(_) if q.schema == "pg_catalog" => {}
                                Some(_) | None => {
                                    out.insert(q);
                                }
                            }
                        }
                    }
                }
            }
        }
        _ => {}
    });
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
    parts
        .iter()
        .map(|p| Node {
            node: Some(NodeEnum::String(protobuf::String {
                sval: p.to_string(),
            })),
        })
        .collect()
}

/// Whether `tn` is an object identifier type whose constants name an object the server
/// records as a dependency: `Some(None)` for regclass (a relation, kept as written),
/// `Some(Some(kind))` for regconfig and regdictionary (found on the path when bare).
fn reg_kind(tn: &TypeName) -> Option<Option<super::ObjKind>> {
    match strings(&tn.names).as_slice() {
        [n] | [_, n] if n == "regclass" => Some(None),
        [n] | [_, n] if n == "regconfig" => Some(Some(super::ObjKind::TextSearchConfiguration)),
        [n] | [_, n] if n == "regdictionary" => Some(Some(super::ObjKind::TextSearchDictionary)),
        _ => None,
    }
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

// Rewrites the node kinds that carry a name; every other kind is left as it is (the walk
// reaches the names inside it on its own).
#[allow(clippy::wildcard_enum_match_arm)]
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
                // `pg_catalog.now()` is `now()`.
                [s, name] if s == "pg_catalog" && !is_sql_syntax_function(name) => {
                    f.funcname = string_nodes(&[name]);
                }
                _ => {}
            }
        }
        NodeEnum::TypeCast(tc) if is_array_cast_of_array(tc) => {
            if let Some(array) = array_cast_into_elements(tc, r) {
                *n = array;
            }
        }
        NodeEnum::TypeCast(tc) => {
            if let Some(tn) = tc.type_name.as_mut() {
                if reg_kind(tn) == Some(None) {
                    if let Some(NodeEnum::AConst(c)) = tc.arg.as_mut().and_then(|a| a.node.as_mut())
                    {
                        if let Some(a_const::Val::Sval(s)) = c.val.as_mut() {
                            if let Some(q) = parse_qualified(&s.sval) {
                                let q = r.relation(&q.schema, &q.name);
                                s.sval = q.sql();
                            }
                        }
                    }
                }
                // The type name itself is a node of its own to the walk.
            }
        }
        NodeEnum::TypeName(tn) => normalize_type_name(tn, r),
        NodeEnum::IndexElem(e) => normalize_opclass(&mut e.opclass, r),
        NodeEnum::CollateClause(c) => {
            // An unqualified collation is the search path's user collation, if any.
            if let [name] = strings(&c.collname).as_slice() {
                let found = r
                    .search_path
                    .iter()
                    .filter(|s| s.as_str() != "pg_catalog")
                    .find(|s| {
                        r.catalog.objects.contains_key(&super::model::ObjKey {
                            kind: super::model::ObjKind::Collation,
                            schema: s.to_string(),
                            name: name.clone(),
                            sub: String::new(),
                        })
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

/// An operator class as the server prints it: a `pg_catalog` class bare, any other
/// qualified (`gin_trgm_ops` found through the path is `public.gin_trgm_ops`), a name the
/// catalog cannot place left as written.
fn normalize_opclass(opclass: &mut Vec<Node>, r: &Resolver) {
    match strings(opclass).as_slice() {
        [name] => {
            if let Some(s) = r.opclass_schema(name) {
                *opclass = string_nodes(&[&s, name]);
            }
        }
        [s, name] if s == "pg_catalog" => *opclass = string_nodes(&[name]),
        _ => {}
    }
}

/// `ARRAY[...]::t[]` with at least one element.
pub(crate) fn is_array_cast_of_array(tc: &protobuf::TypeCast) -> bool {
    let array_type = tc
        .type_name
        .as_ref()
        .is_some_and(|t| !t.array_bounds.is_empty());
    let elements = match tc.arg.as_ref().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::AArrayExpr(a)) => !a.elements.is_empty(),
        _ => false,
    };
    array_type && elements
}

/// `(ARRAY['x'::varchar])::text[]` is `ARRAY[('x'::varchar)::text]`: the server hands an
/// array type cast to the `ARRAY[...]` it applies to, which casts each element (a nested
/// `ARRAY[...]` to the array type again), so PostgreSQL 15 prints the casts inside where older
/// servers printed one outside. An element already cast to the element type keeps its one
/// cast. `None` unless `is_array_cast_of_array`.
// Only the array constructor takes the cast inside; any other argument keeps it outside.
#[allow(clippy::wildcard_enum_match_arm)]
pub(crate) fn array_cast_into_elements(
    tc: &mut protobuf::TypeCast,
    r: &Resolver,
) -> Option<NodeEnum> {
    let array_type = tc.type_name.clone()?;
    let mut element_type = array_type.clone();
    element_type.array_bounds.clear();
    let element_sql = types::type_sql(&element_type, r);
    let mut array = match tc.arg.take()?.node? {
        NodeEnum::AArrayExpr(a) => a,
        other => {
            tc.arg = Some(Box::new(Node { node: Some(other) }));
            return None;
        }
    };
    for e in &mut array.elements {
        let tn = match &e.node {
            Some(NodeEnum::AArrayExpr(_)) => array_type.clone(),
            Some(NodeEnum::TypeCast(c))
                if c.type_name
                    .as_ref()
                    .is_some_and(|t| types::type_sql(t, r) == element_sql) =>
            {
                continue
            }
            _ => element_type.clone(),
        };
        let arg = std::mem::take(e);
        *e = Node {
            node: Some(NodeEnum::TypeCast(Box::new(protobuf::TypeCast {
                arg: Some(Box::new(arg)),
                type_name: Some(tn),
                location: 0,
            }))),
        };
    }
    Some(NodeEnum::AArrayExpr(array))
}

/// Functions whose grammar is special (`pg_catalog.overlay(...)`, `extract`): the deparser
/// needs their pg_catalog qualification to print SQL syntax.
fn is_sql_syntax_function(name: &str) -> bool {
    matches!(
        name,
        "overlay"
            | "position"
            | "substring"
            | "trim"
            | "btrim"
            | "ltrim"
            | "rtrim"
            | "extract"
            | "date_part"
            | "timezone"
            | "overlaps"
            | "collation_for"
            | "normalize"
            | "is_normalized"
            | "xmlexists"
            | "system_user"
            | "json_scalar"
            | "json_serialize"
            | "similar_to_escape"
            | "similar_escape"
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
    let keyword_types = [
        "int2",
        "int4",
        "int8",
        "float4",
        "float8",
        "bool",
        "varchar",
        "bpchar",
        "numeric",
        "timestamp",
        "timestamptz",
        "time",
        "timetz",
        "interval",
        "bit",
        "varbit",
    ];
    tn.names = match schema {
        None if keyword_types.contains(&internal) => string_nodes(&["pg_catalog", internal]),
        None => string_nodes(&[internal]),
        Some(s) => string_nodes(&[&s, &name]),
    };
    tn.location = 0;
}

/// Whether `e` is a NULL constant (`NULL`, `NULL::t`): a default the server does not store.
pub fn is_null_constant(e: &Node) -> bool {
    if let Some(NodeEnum::AConst(c)) = e.node.as_ref() {
        return c.isnull;
    }
    if let Some(NodeEnum::TypeCast(tc)) = e.node.as_ref() {
        return tc.arg.as_deref().is_some_and(is_null_constant);
    }
    false
}

/// A column default as the server stores it, before it is canonicalized: a bare literal is
/// coerced to the column's type when the default is set, and the server prints the constant
/// it becomes (`'x'` on a text column is `'x'::text`, `-1` is `'-1'::integer`, `'t'` on a
/// boolean is `true`). `None` for `DEFAULT NULL`, which stores no default at all.
// Only constants and casts of constants are coerced; any other expression is stored as
// written.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn stored_default(raw: &Node, type_sql: &str, r: &Resolver) -> Option<Node> {
    let Some(n) = raw.node.as_ref() else {
        return Some(raw.clone());
    };
    match n {
        NodeEnum::AConst(c) if c.isnull => None,
        NodeEnum::AConst(c) => Some(match &c.val {
            Some(a_const::Val::Sval(s)) => {
                literal_as(&s.sval, type_sql, r).unwrap_or_else(|| raw.clone())
            }
            Some(a_const::Val::Ival(i)) if i.ival < 0 => constant::int4(i.ival),
            Some(a_const::Val::Fval(f)) => float_const(&f.fval).unwrap_or_else(|| raw.clone()),
            Some(a_const::Val::Ival(_) | a_const::Val::Boolval(_) | a_const::Val::Bsval(_))
            | None => raw.clone(),
        }),
        NodeEnum::TypeCast(tc) => {
            // `'5'::integer` is the constant 5; other casts print as written.
            let value = match tc.arg.as_ref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::AConst(c)) => match &c.val {
                    Some(a_const::Val::Sval(s)) => Some(s.sval.clone()),
                    _ => None,
                },
                _ => None,
            };
            let target = tc
                .type_name
                .as_ref()
                .filter(|t| t.typmods.is_empty() && t.array_bounds.is_empty())
                .map(|t| types::type_sql(t, r));
            match (value, target.as_deref()) {
                (Some(v), Some(t @ ("integer" | "boolean" | "numeric"))) => {
                    literal_as(&v, t, r).or_else(|| Some(raw.clone()))
                }
                _ => Some(raw.clone()),
            }
        }
        _ => Some(raw.clone()),
    }
}

/// The constant a string literal becomes in a column of type `type_sql`, as printed back
/// (`typing::constant`); for a type the typer does not know (a composite or range type), the
/// literal labelled with the type, without its modifiers. `None` for a domain (its default
/// prints its base type's constant) or a value the type does not read.
fn literal_as(value: &str, type_sql: &str, r: &Resolver) -> Option<Node> {
    if let Some(ty) = typing::ty::Ty::of_sql(type_sql, r) {
        let constant = constant::literal(value, &ty, r)?;
        return Some(with_scale(constant, type_sql));
    }
    let parsed = pg_query::parse(&format!("SELECT NULL::{type_sql}"), 0).ok()?;
    let mut tn = None;
    let mut stmt = Node {
        node: parsed.protobuf.stmts.first()?.stmt.as_ref()?.node.clone(),
    };
    walk(&mut stmt, &mut |x| {
        if let NodeEnum::TypeCast(tc) = x {
            tn = tc.type_name.clone();
        }
    });
    let mut tn = tn?;
    let (schema, name) = types::resolve_type_name(&tn, r);
    if schema.as_deref().is_some_and(|s| {
        r.catalog.objects.contains_key(&super::model::ObjKey {
            kind: super::model::ObjKind::Domain,
            schema: s.to_string(),
            name: name.clone(),
            sub: String::new(),
        })
    }) {
        return None;
    }
    tn.typmods.clear();
    Some(constant::typed(value, tn))
}

/// A `numeric(p,s)` column stores a constant with `s` decimals: `'1.5'` is `1.50`.
fn with_scale(c: Node, type_sql: &str) -> Node {
    let scale = type_sql
        .strip_prefix("numeric(")
        .and_then(|m| m.strip_suffix(')'))
        .and_then(|m| m.split_once(','))
        .and_then(|(_, s)| s.trim().parse::<usize>().ok());
    let Some(scale) = scale else { return c };
    let text = match &c.node {
        Some(NodeEnum::AConst(protobuf::AConst {
            val: Some(a_const::Val::Fval(f)),
            ..
        })) => f.fval.clone(),
        Some(NodeEnum::TypeCast(tc)) => match tc.arg.as_deref().and_then(|a| a.node.as_ref()) {
            Some(NodeEnum::AConst(protobuf::AConst {
                val: Some(a_const::Val::Sval(s)),
                ..
            })) => s.sval.clone(),
            _ => return c,
        },
        _ => return c,
    };
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    if frac.len() >= scale {
        return c;
    }
    constant::numeric(&format!("{int}.{frac}{}", "0".repeat(scale - frac.len())))
}

/// A float token: an integer too large for `integer` is a `bigint` constant; a decimal is a
/// numeric one.
fn float_const(v: &str) -> Option<Node> {
    if !v.contains(['.', 'e', 'E']) {
        v.parse::<i64>().ok()?;
        return Some(constant::cast(v, "int8"));
    }
    Some(constant::numeric(&constant::normalize_numeric(v)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(sql: &str) -> NodeEnum {
        pg_query::parse(sql, 0)
            .unwrap()
            .protobuf
            .stmts
            .into_iter()
            .next()
            .unwrap()
            .stmt
            .unwrap()
            .node
            .unwrap()
    }

    /// Each statement whose deparser would dereference the NULL an empty literal becomes is
    /// refused with an error (it would take the process down), and deparses once the
    /// literal is not empty.
    #[test]
    fn empty_literals_the_deparser_would_crash_on_are_an_error() {
        for (empty, filled) in [
            (
                "CREATE CONVERSION c FOR '' TO 'UTF8' FROM f",
                "CREATE CONVERSION c FOR 'LATIN1' TO 'UTF8' FROM f",
            ),
            (
                "CREATE CONVERSION c FOR 'LATIN1' TO '' FROM f",
                "CREATE CONVERSION c FOR 'LATIN1' TO 'UTF8' FROM f",
            ),
            ("ALTER TYPE e ADD VALUE ''", "ALTER TYPE e ADD VALUE 'a'"),
            (
                "ALTER TYPE e RENAME VALUE 'a' TO ''",
                "ALTER TYPE e RENAME VALUE 'a' TO 'b'",
            ),
            (
                "ALTER SUBSCRIPTION s CONNECTION ''",
                "ALTER SUBSCRIPTION s CONNECTION 'host=h'",
            ),
            ("PREPARE TRANSACTION ''", "PREPARE TRANSACTION 'x'"),
            ("COMMIT PREPARED ''", "COMMIT PREPARED 'x'"),
            ("ROLLBACK PREPARED ''", "ROLLBACK PREPARED 'x'"),
            ("LOAD ''", "LOAD 'x'"),
        ] {
            let err = deparse_stmt(parsed(empty)).unwrap_err();
            assert!(
                err.contains("cannot print an empty string"),
                "{empty}: {err}"
            );
            assert_eq!(
                deparse_stmt(parsed(filled))
                    .unwrap()
                    .replace("'FROM", "' FROM"),
                filled
            );
        }
    }
}
