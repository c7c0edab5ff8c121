//! FROM items as parse analysis reads them: the columns each one has, in order (a table's,
//! a view's as stored, a sub-query's or a VALUES list's output columns, a CTE's, a join's
//! with its USING / NATURAL columns merged), and `*` / `rel.*` in a select list expanded
//! into them, as the server expands them when the query is stored (a view keeps the
//! columns its relations had when it was created). Where the columns of an item are not
//! known (a function, a relation the catalog does not hold, a merge whose types are not
//! known), a `*` over it is left as written.
//!
//! The same reading settles the column alias lists ruleutils prints: a relation's without
//! the names at its end that are its columns' own (the server prints the whole list, over
//! the columns the relation has when the dump is taken), a sub-query's or VALUES list's
//! completed whenever one is written, and NATURAL as the USING it stands for.

use pg_query::protobuf::{self, Alias, JoinType, Node, SelectStmt};
use pg_query::NodeEnum;

use super::analyze::Analyzer;
use super::scope::{Rel, Scope};
use crate::catalog::model::{ObjKey, ObjKind, QualName};
use crate::catalog::resolve::Resolver;

/// A column of a FROM item: its name, the column reference ruleutils prints for it (`t.a`;
/// a merged column of an unnamed join that is not one side's own column: `a`), and its
/// canonical type when known.
#[derive(Clone, Debug)]
pub struct Col {
    pub name: String,
    pub fields: Vec<String>,
    pub ty: Option<String>,
}

/// The columns of a FROM item, in order, when known.
pub type Cols = Option<Vec<Col>>;

fn string_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(protobuf::String {
            sval: s.to_string(),
        })),
    }
}

fn node_str(n: &Node) -> Option<String> {
    match &n.node {
        Some(NodeEnum::String(s)) => Some(s.sval.clone()),
        Some(_) | None => None,
    }
}

/// `names` (a relation's, a sub-query's) as columns of the item called `refname`, renamed
/// by an alias's column list.
fn qualified(refname: &str, names: Vec<(String, Option<String>)>, alias: &[String]) -> Vec<Col> {
    names
        .into_iter()
        .enumerate()
        .map(|(i, (name, ty))| {
            let name = alias.get(i).cloned().unwrap_or(name);
            Col {
                fields: vec![refname.to_string(), name.clone()],
                name,
                ty,
            }
        })
        .collect()
}

/// The output column names of a query, as a FROM item or a view has them: named by the
/// first branch of a set operation, `columnN` for VALUES, an output's `AS` name or the
/// name the server figures for its expression (`?column?` when none). `None` while a `*`
/// is left in it.
// Only a column reference can be a `*`; every other node kind names a column by itself.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn output_names(s: &SelectStmt) -> Option<Vec<String>> {
    if s.op != protobuf::SetOperation::SetopNone as i32 {
        return output_names(s.larg.as_deref()?);
    }
    if let Some(first) = s.values_lists.first() {
        let n = match &first.node {
            Some(NodeEnum::List(l)) => l.items.len(),
            _ => return None,
        };
        return Some((1..=n).map(|i| format!("column{i}")).collect());
    }
    let mut out = Vec::new();
    for t in &s.target_list {
        let Some(NodeEnum::ResTarget(rt)) = &t.node else {
            return None;
        };
        if !rt.name.is_empty() {
            out.push(rt.name.clone());
            continue;
        }
        let val = rt.val.as_deref()?;
        if let Some(NodeEnum::ColumnRef(c)) = &val.node {
            if c.fields
                .iter()
                .any(|f| matches!(f.node, Some(NodeEnum::AStar(_))))
            {
                return None;
            }
        }
        out.push(crate::catalog::expr::column_name(val).unwrap_or_else(|| "?column?".into()));
    }
    Some(out)
}

/// The columns of the relation `q`: a table's (typed), or a view's or materialized view's as
/// its stored query names them.
// A view's stored text is one of the two statements that create views.
#[allow(clippy::wildcard_enum_match_arm)]
pub fn relation_columns(r: &Resolver, q: &QualName) -> Option<Vec<(String, Option<String>)>> {
    if let Some(t) = r.catalog.tables.get(q) {
        return Some(
            t.columns
                .iter()
                .map(|c| (c.name.clone(), Some(c.type_sql.clone())))
                .collect(),
        );
    }
    let view = [ObjKind::View, ObjKind::MaterializedView]
        .into_iter()
        .find_map(|kind| {
            r.catalog.objects.get(&ObjKey {
                kind,
                schema: q.schema.clone(),
                name: q.name.clone(),
                sub: String::new(),
            })
        })?;
    let parsed = pg_query::parse(&view.create, 0).ok()?;
    let stmt = parsed
        .protobuf
        .stmts
        .first()?
        .stmt
        .as_deref()?
        .node
        .as_ref()?;
    let (query, aliases) = match stmt {
        NodeEnum::ViewStmt(v) => (v.query.as_deref()?, &v.aliases),
        NodeEnum::CreateTableAsStmt(c) => (c.query.as_deref()?, &c.into.as_ref()?.col_names),
        _ => return None,
    };
    let Some(NodeEnum::SelectStmt(sel)) = &query.node else {
        return None;
    };
    let mut names = output_names(sel)?;
    for (n, a) in names.iter_mut().zip(aliases) {
        *n = node_str(a)?;
    }
    Some(names.into_iter().map(|n| (n, None)).collect())
}

/// A relation's column alias list, without the names at its end that are the columns' own:
/// ruleutils prints the whole list when it renames a column, over the columns the relation
/// has when it prints (`t tt(p, a, b)`, a column added since included), and none when it
/// renames none.
fn trim_relation_alias(alias: &mut Alias, names: &[(String, Option<String>)]) {
    while let Some(last) = alias.colnames.last() {
        let i = alias.colnames.len() - 1;
        match (node_str(last), names.get(i)) {
            (Some(a), Some((n, _))) if &a == n => {
                alias.colnames.pop();
            }
            _ => break,
        }
    }
}

/// A sub-query's or VALUES list's column alias list, completed when one is written.
fn complete_alias(alias: &mut Alias, names: &[String]) {
    if alias.colnames.is_empty() || alias.colnames.len() > names.len() {
        return;
    }
    for n in names.iter().skip(alias.colnames.len()) {
        alias.colnames.push(string_node(n));
    }
}

/// The columns of a join: the merged USING columns first (an inner or left join's the left
/// column, a right join's the right one, when the other side has the same type; otherwise
/// the bare name of the merged column), then the other columns of the left side, then of
/// the right side; under an alias, each qualified by it.
fn join_columns(
    kind: JoinType,
    using: &[String],
    l: Vec<Col>,
    r: Vec<Col>,
    alias: Option<&Alias>,
) -> Cols {
    let mut out = Vec::new();
    for u in using {
        let find = |side: &[Col]| {
            let mut it = side.iter().filter(|c| &c.name == u);
            match (it.next(), it.next()) {
                (Some(c), None) => Some(c.clone()),
                _ => None,
            }
        };
        let (lc, rc) = (find(&l)?, find(&r)?);
        let same = match (&lc.ty, &rc.ty) {
            (Some(a), Some(b)) => a == b,
            _ => return None,
        };
        let fields = match kind {
            JoinType::JoinInner | JoinType::JoinLeft if same => lc.fields.clone(),
            JoinType::JoinRight if same => rc.fields.clone(),
            JoinType::JoinInner | JoinType::JoinLeft | JoinType::JoinRight | JoinType::JoinFull => {
                vec![u.clone()]
            }
            JoinType::Undefined
            | JoinType::JoinSemi
            | JoinType::JoinAnti
            | JoinType::JoinRightSemi
            | JoinType::JoinRightAnti
            | JoinType::JoinUniqueOuter
            | JoinType::JoinUniqueInner => return None,
        };
        let ty = if same { lc.ty.clone() } else { None };
        out.push(Col {
            name: u.clone(),
            fields,
            ty,
        });
    }
    out.extend(l.into_iter().filter(|c| !using.contains(&c.name)));
    out.extend(r.into_iter().filter(|c| !using.contains(&c.name)));
    if let Some(a) = alias {
        let names: Vec<String> = a.colnames.iter().filter_map(node_str).collect();
        for (i, c) in out.iter_mut().enumerate() {
            if let Some(n) = names.get(i) {
                c.name = n.clone();
            }
            c.fields = vec![a.aliasname.clone(), c.name.clone()];
        }
    }
    Some(out)
}

/// A CTE this query level can read: its name and its columns, when known.
pub struct Cte {
    pub name: String,
    pub columns: Option<Vec<String>>,
}

impl<'c> Analyzer<'_, 'c> {
    /// Adds the relations a FROM item names to `scope` (settling sub-queries and function
    /// arguments on the way) and says the item's columns, in order, when known.
    // FROM items other than those listed name nothing whose columns the typer knows.
    #[allow(clippy::wildcard_enum_match_arm)]
    pub(super) fn add_from_item<'s>(
        &self,
        n: &mut Node,
        scope: &mut Scope<'s>,
        ctes: &[Cte],
        outer: &Scope,
    ) -> Cols
    where
        'c: 's,
    {
        match n.node.as_mut() {
            Some(NodeEnum::RangeVar(rv)) => {
                let refname = rv
                    .alias
                    .as_ref()
                    .map_or(rv.relname.clone(), |a| a.aliasname.clone());
                let cte = if rv.schemaname.is_empty() {
                    ctes.iter().find(|c| c.name == rv.relname)
                } else {
                    None
                };
                let (table, names) = match cte {
                    Some(c) => (
                        None,
                        c.columns
                            .as_ref()
                            .map(|c| c.iter().map(|n| (n.clone(), None)).collect()),
                    ),
                    None => {
                        let q = self.r.relation(&rv.schemaname, &rv.relname);
                        (self.r.catalog.tables.get(&q), relation_columns(self.r, &q))
                    }
                };
                let mut renamed = false;
                if let (Some(a), Some(names)) = (rv.alias.as_mut(), names.as_ref()) {
                    if cte.is_none() {
                        trim_relation_alias(a, names);
                    }
                    renamed = !a.colnames.is_empty();
                } else if rv.alias.as_ref().is_some_and(|a| !a.colnames.is_empty()) {
                    renamed = true;
                }
                let alias: Vec<String> = rv
                    .alias
                    .as_ref()
                    .map(|a| a.colnames.iter().filter_map(node_str).collect())
                    .unwrap_or_default();
                let columns = names.map(|names| qualified(&refname, names, &alias));
                scope.rels.push(Rel {
                    name: refname,
                    table: if renamed { None } else { table },
                    columns: columns.clone(),
                });
                columns
            }
            Some(NodeEnum::JoinExpr(j)) => {
                if j.alias.is_some() || !j.using_clause.is_empty() || j.is_natural {
                    // The merged columns of USING / NATURAL are not tracked for lookups.
                    scope.rels.push(Rel {
                        name: String::new(),
                        table: None,
                        columns: None,
                    });
                }
                let l = j
                    .larg
                    .as_deref_mut()
                    .and_then(|x| self.add_from_item(x, scope, ctes, outer));
                let r = j
                    .rarg
                    .as_deref_mut()
                    .and_then(|x| self.add_from_item(x, scope, ctes, outer));
                let (l, r) = (l?, r?);
                let kind = JoinType::try_from(j.jointype).unwrap_or(JoinType::Undefined);
                if j.is_natural {
                    // NATURAL is the USING of the names both sides have (ruleutils prints it
                    // so).
                    let common: Vec<String> = l
                        .iter()
                        .filter(|c| r.iter().any(|x| x.name == c.name))
                        .map(|c| c.name.clone())
                        .collect();
                    if common.is_empty() {
                        return None;
                    }
                    j.is_natural = false;
                    j.using_clause = common.iter().map(|c| string_node(c)).collect();
                }
                if j.join_using_alias.is_some() {
                    return None;
                }
                let using: Vec<String> = j.using_clause.iter().filter_map(node_str).collect();
                let columns = join_columns(kind, &using, l, r, j.alias.as_ref())?;
                if let Some(a) = &j.alias {
                    scope.rels.push(Rel {
                        name: a.aliasname.clone(),
                        table: None,
                        columns: Some(columns.clone()),
                    });
                }
                Some(columns)
            }
            Some(NodeEnum::RangeSubselect(sub)) => {
                let mut names = None;
                if let Some(Some(NodeEnum::SelectStmt(q))) =
                    sub.subquery.as_deref_mut().map(|q| q.node.as_mut())
                {
                    names = self.select_named(q, Some(outer), true).1;
                }
                let refname = sub
                    .alias
                    .as_ref()
                    .map(|a| a.aliasname.clone())
                    .unwrap_or_default();
                let mut columns = None;
                if let Some(names) = names {
                    if let Some(a) = sub.alias.as_mut() {
                        complete_alias(a, &names);
                    }
                    let alias: Vec<String> = sub
                        .alias
                        .as_ref()
                        .map(|a| a.colnames.iter().filter_map(node_str).collect())
                        .unwrap_or_default();
                    columns = Some(qualified(
                        &refname,
                        names.into_iter().map(|n| (n, None)).collect(),
                        &alias,
                    ));
                }
                scope.rels.push(Rel {
                    name: refname,
                    table: None,
                    columns: columns.clone(),
                });
                columns
            }
            Some(NodeEnum::RangeFunction(rf)) => {
                let col = self.function_column(rf, outer);
                let refname = match (&rf.alias, &col) {
                    (Some(a), _) => a.aliasname.clone(),
                    (None, Some((f, _))) => f.clone(),
                    (None, None) => String::new(),
                };
                let columns = col.map(|(f, ty)| {
                    // ruleutils names a function's columns always: `generate_series(1, 3)
                    // generate_series(generate_series)`, `g(g)`.
                    let name = rf
                        .alias
                        .as_ref()
                        .and_then(|a| a.colnames.first().and_then(node_str))
                        .unwrap_or(if rf.alias.is_some() {
                            refname.clone()
                        } else {
                            f
                        });
                    rf.alias = Some(Alias {
                        aliasname: refname.clone(),
                        colnames: vec![string_node(&name)],
                    });
                    vec![Col {
                        fields: vec![refname.clone(), name.clone()],
                        name,
                        ty: Some(ty),
                    }]
                });
                scope.rels.push(Rel {
                    name: refname,
                    table: None,
                    columns: columns.clone(),
                });
                columns
            }
            Some(other) => {
                let name = match other {
                    NodeEnum::RangeFunction(f) => f.alias.as_ref().map(|a| a.aliasname.clone()),
                    _ => None,
                };
                self.children(other, outer);
                scope.rels.push(Rel {
                    name: name.unwrap_or_default(),
                    table: None,
                    columns: None,
                });
                None
            }
            None => None,
        }
    }

    /// Settles a function in FROM (`ROWS FROM` and `WITH ORDINALITY` only inside) and says,
    /// for a builtin function of a scalar result, its name and the result's type: its one
    /// column.
    // Only a plain function call has a column the typer knows.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn function_column(
        &self,
        rf: &mut protobuf::RangeFunction,
        outer: &Scope,
    ) -> Option<(String, String)> {
        let simple = !rf.ordinality
            && !rf.is_rowsfrom
            && rf.coldeflist.is_empty()
            && rf.functions.len() == 1
            && rf.alias.as_ref().is_none_or(|a| a.colnames.len() <= 1);
        let mut call = None;
        for f in &mut rf.functions {
            let Some(NodeEnum::List(l)) = f.node.as_mut() else {
                continue;
            };
            let coldefs = l.items.len() > 1
                && l.items.get(1).is_some_and(|c| match &c.node {
                    Some(NodeEnum::List(x)) => !x.items.is_empty(),
                    Some(_) => true,
                    None => false,
                });
            for (i, item) in l.items.iter_mut().enumerate() {
                if let Some(n) = item.node.as_mut() {
                    self.node(n, outer);
                }
                if i == 0 && simple && !coldefs {
                    call = Some(item.clone());
                }
            }
        }
        let Some(NodeEnum::FuncCall(f)) = call?.node else {
            return None;
        };
        let name = match strings(&f.funcname).as_slice() {
            [name] => name.clone(),
            [s, name] if s == "pg_catalog" => name.clone(),
            _ => return None,
        };
        if f.func_variadic || f.agg_star || f.over.is_some() || !f.agg_order.is_empty() {
            return None;
        }
        let mut tys = Vec::new();
        for a in &f.args {
            if matches!(a.node, Some(NodeEnum::NamedArgExpr(_))) {
                return None;
            }
            let mut copy = a.clone();
            tys.push(self.expr(&mut copy, outer)?.ty);
        }
        let chosen = super::resolve::function(&name, &tys, self.r)?;
        if chosen.result.is_pseudo() || chosen.result == super::ty::Ty::Unknown {
            return None;
        }
        Some((name, chosen.result.name()))
    }

    /// Replaces each `*` and `rel.*` of a select list by the columns it stands for, where
    /// they are known: `*` by the columns of every FROM item (`items`), `rel.*` by those of
    /// the relation of that name in `scope`.
    pub(super) fn expand_stars(&self, targets: &mut Vec<Node>, items: &[Cols], scope: &Scope) {
        let all: Cols = items
            .iter()
            .try_fold(Vec::new(), |mut acc, i| {
                acc.extend(i.as_ref()?.iter().cloned());
                Some(acc)
            })
            .filter(|_| !items.is_empty());
        let mut out = Vec::with_capacity(targets.len());
        for t in std::mem::take(targets) {
            let fields = match &t.node {
                Some(NodeEnum::ResTarget(rt)) => {
                    match rt.val.as_deref().and_then(|v| v.node.as_ref()) {
                        Some(NodeEnum::ColumnRef(c))
                            if c.fields
                                .last()
                                .is_some_and(|f| matches!(f.node, Some(NodeEnum::AStar(_)))) =>
                        {
                            Some(c.fields.iter().map(node_str).collect::<Vec<_>>())
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            let expansion = match fields.as_deref() {
                Some([None]) => all.clone(),
                Some([Some(rel), None]) => {
                    let mut found = scope.rels.iter().filter(|x| &x.name == rel);
                    match (found.next(), found.next()) {
                        (Some(x), None) => x.columns.clone(),
                        _ => None,
                    }
                }
                _ => None,
            };
            match expansion {
                Some(cols) => out.extend(cols.into_iter().map(|c| column_target(&c.fields))),
                None => out.push(t),
            }
        }
        *targets = out;
    }
}

/// A select-list entry reading the column `fields` names.
fn column_target(fields: &[String]) -> Node {
    Node {
        node: Some(NodeEnum::ResTarget(Box::new(protobuf::ResTarget {
            name: String::new(),
            indirection: Vec::new(),
            val: Some(Box::new(Node {
                node: Some(NodeEnum::ColumnRef(protobuf::ColumnRef {
                    fields: fields.iter().map(|f| string_node(f)).collect(),
                    location: 0,
                })),
            })),
            location: 0,
        }))),
    }
}

fn strings(nodes: &[Node]) -> Vec<String> {
    nodes.iter().filter_map(node_str).collect()
}
