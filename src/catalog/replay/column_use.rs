//! What reads one column of a table, and a renamed column followed into what reads it.
//!
//! The server stores views, rules, policies, trigger conditions, statistics and publication
//! row filters as parsed trees that name columns by number, so `ALTER TABLE t RENAME COLUMN
//! a TO b` changes what they print (a view keeps its output column's name: `b AS a`), and
//! `DROP COLUMN a` finds them as dependents. The catalog keeps them as canonical text: the
//! text is parsed, and each column reference is resolved level by level as the server
//! resolves it (the relations of each query level, innermost first; a qualified reference by
//! the name that qualifies it), so that a column of the same name elsewhere stays as it is.

use pg_query::protobuf::{self, Node};
use pg_query::NodeEnum;

use super::{node_string, Replay};
use crate::catalog::model::{ObjKey, ObjKind, QualName};
use crate::catalog::resolve::Resolver;
use crate::catalog::typing::{output_names, relation_columns};
use crate::emit::quote;
use crate::syntax::walk::{visit, Next};
use crate::syntax::Stmt;

/// A relation of one query level: the name that qualifies its columns, and its columns
/// (each as visible there, and whether it is the column looked for), when known.
#[derive(Clone)]
struct Rel {
    name: String,
    /// The relation it is, when it is one of the catalog's (a `schema.rel.col` reference).
    relation: Option<QualName>,
    columns: Option<Vec<(String, bool)>>,
}

impl Rel {
    fn column(&self, name: &str) -> Option<bool> {
        self.columns
            .as_ref()?
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, it)| *it)
    }
}

/// The search for column `old` of `table` in one statement, renaming it to `new` when given.
struct Finder<'a> {
    r: &'a Resolver<'a>,
    table: &'a QualName,
    old: &'a str,
    new: Option<&'a str>,
    /// The table's columns, the one looked for under its old name.
    columns: Vec<String>,
    levels: Vec<Vec<Rel>>,
    ctes: Vec<(String, Option<Vec<String>>)>,
    found: bool,
}

/// Whether statement `node` (a view, materialized view, trigger, policy, rule, statistics
/// object or publication member, as the catalog keeps them) reads column `old` of `table`;
/// with `new`, those references are renamed, and a view's output column keeps its name.
pub(super) fn reads(
    node: &mut NodeEnum,
    r: &Resolver,
    table: &QualName,
    old: &str,
    new: Option<&str>,
) -> bool {
    let mut columns: Vec<String> = r
        .catalog
        .tables
        .get(table)
        .map(|t| t.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
        .or_else(|| {
            // A view's columns.
            relation_columns(r, table).map(|c| c.into_iter().map(|(n, _)| n).collect())
        })
        .unwrap_or_default()
        .into_iter()
        .map(|c: String| match new {
            Some(n) if c == n => old.to_string(),
            Some(_) | None => c,
        })
        .collect();
    if !columns.iter().any(|c| c == old) {
        columns.push(old.to_string());
    }
    let mut f = Finder {
        r,
        table,
        old,
        new,
        columns,
        levels: Vec::new(),
        ctes: Vec::new(),
        found: false,
    };
    f.statement(node);
    f.found
}

impl Finder<'_> {
    /// The table itself, as `name` qualifies its columns.
    fn own(&self, name: &str) -> Rel {
        Rel {
            name: name.to_string(),
            relation: Some(self.table.clone()),
            columns: Some(
                self.columns
                    .iter()
                    .map(|c| (c.clone(), c == self.old))
                    .collect(),
            ),
        }
    }

    /// Renames the column `name` names, when it is the one looked for.
    fn name(&mut self, name: &mut String) {
        if name == self.old {
            self.found = true;
            if let Some(n) = self.new {
                *name = n.to_string();
            }
        }
    }

    fn names(&mut self, list: &mut [Node]) {
        for n in list {
            if let Some(NodeEnum::String(s)) = n.node.as_mut() {
                self.name(&mut s.sval);
            }
        }
    }

    fn within(&mut self, level: Vec<Rel>, exprs: &mut [&mut Option<Box<Node>>]) {
        self.levels.push(level);
        for e in exprs.iter_mut() {
            if let Some(e) = e.as_deref_mut() {
                self.expr(e);
            }
        }
        self.levels.pop();
    }

    // Statements that hold no column of another relation have nothing to follow.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn statement(&mut self, node: &mut NodeEnum) {
        let is_table = |f: &Self, rv: Option<&protobuf::RangeVar>| {
            rv.is_some_and(|rv| f.r.relation(&rv.schemaname, &rv.relname) == *f.table)
        };
        match node {
            NodeEnum::ViewStmt(v) => {
                if let Some(q) = v.query.as_deref_mut() {
                    self.expr(q);
                }
            }
            NodeEnum::CreateTableAsStmt(c) => {
                if let Some(q) = c.query.as_deref_mut() {
                    self.expr(q);
                }
            }
            NodeEnum::CreateTrigStmt(t) if is_table(self, t.relation.as_ref()) => {
                self.names(&mut t.columns);
                let level = vec![self.own("old"), self.own("new")];
                self.within(level, &mut [&mut t.when_clause]);
            }
            NodeEnum::CreatePolicyStmt(p) if is_table(self, p.table.as_ref()) => {
                let level = vec![self.own(&self.table.name)];
                self.within(level, &mut [&mut p.qual, &mut p.with_check]);
            }
            NodeEnum::RuleStmt(rule) if is_table(self, rule.relation.as_ref()) => {
                self.levels.push(vec![self.own("old"), self.own("new")]);
                if let Some(w) = rule.where_clause.as_deref_mut() {
                    self.expr(w);
                }
                for a in &mut rule.actions {
                    self.expr(a);
                }
                self.levels.pop();
            }
            NodeEnum::CreateStatsStmt(s) => {
                let on_table = s.relations.iter().any(
                    |n| matches!(&n.node, Some(NodeEnum::RangeVar(rv)) if is_table(self, Some(rv))),
                );
                if !on_table {
                    return;
                }
                self.levels.push(vec![self.own(&self.table.name)]);
                for e in &mut s.exprs {
                    if let Some(NodeEnum::StatsElem(el)) = e.node.as_mut() {
                        self.name(&mut el.name);
                        if let Some(x) = el.expr.as_deref_mut() {
                            self.expr(x);
                        }
                    }
                }
                self.levels.pop();
            }
            NodeEnum::AlterPublicationStmt(p) => {
                for o in &mut p.pubobjects {
                    let Some(NodeEnum::PublicationObjSpec(spec)) = o.node.as_mut() else {
                        continue;
                    };
                    let Some(t) = spec.pubtable.as_mut() else {
                        continue;
                    };
                    if !is_table(self, t.relation.as_ref()) {
                        continue;
                    }
                    self.names(&mut t.columns);
                    let level = vec![self.own(&self.table.name)];
                    self.within(level, &mut [&mut t.where_clause]);
                }
            }
            _ => {}
        }
    }

    /// An expression, or a query, at the current levels.
    fn expr(&mut self, n: &mut Node) {
        visit(n, &mut |x| self.node(x));
    }

    // Only queries, statements of rule actions and column references change the scope or
    // are resolved; every other node is gone into.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn node(&mut self, n: &mut NodeEnum) -> Next {
        match n {
            NodeEnum::ColumnRef(c) => {
                self.column_ref(c);
                Next::Over
            }
            NodeEnum::SelectStmt(s) => {
                self.select(s);
                Next::Over
            }
            NodeEnum::InsertStmt(i) => {
                let rel = i.relation.as_ref().map(|rv| self.range_var(rv));
                if rel.as_ref().and_then(|r| r.relation.as_ref()) == Some(self.table) {
                    for c in &mut i.cols {
                        if let Some(NodeEnum::ResTarget(rt)) = c.node.as_mut() {
                            self.name(&mut rt.name);
                        }
                    }
                }
                if let Some(s) = i.select_stmt.as_deref_mut() {
                    self.expr(s);
                }
                self.levels.push(rel.into_iter().collect());
                for r in i
                    .returning_clause
                    .iter_mut()
                    .flat_map(|rc| rc.exprs.iter_mut())
                {
                    self.expr(r);
                }
                self.levels.pop();
                Next::Over
            }
            NodeEnum::UpdateStmt(u) => {
                let rel = u.relation.as_ref().map(|rv| self.range_var(rv));
                let own = rel.as_ref().and_then(|r| r.relation.as_ref()) == Some(self.table);
                let mut level: Vec<Rel> = rel.into_iter().collect();
                for f in &mut u.from_clause {
                    self.add_item(f, &mut level);
                }
                self.levels.push(level);
                for t in &mut u.target_list {
                    if let Some(NodeEnum::ResTarget(rt)) = t.node.as_mut() {
                        if own {
                            self.name(&mut rt.name);
                        }
                        if let Some(v) = rt.val.as_deref_mut() {
                            self.expr(v);
                        }
                    }
                }
                for e in [&mut u.where_clause].into_iter().flatten() {
                    self.expr(e);
                }
                for r in u
                    .returning_clause
                    .iter_mut()
                    .flat_map(|rc| rc.exprs.iter_mut())
                {
                    self.expr(r);
                }
                self.levels.pop();
                Next::Over
            }
            NodeEnum::DeleteStmt(d) => {
                let rel = d.relation.as_ref().map(|rv| self.range_var(rv));
                let mut level: Vec<Rel> = rel.into_iter().collect();
                for f in &mut d.using_clause {
                    self.add_item(f, &mut level);
                }
                self.levels.push(level);
                if let Some(w) = d.where_clause.as_deref_mut() {
                    self.expr(w);
                }
                for r in d
                    .returning_clause
                    .iter_mut()
                    .flat_map(|rc| rc.exprs.iter_mut())
                {
                    self.expr(r);
                }
                self.levels.pop();
                Next::Over
            }
            _ => Next::Into,
        }
    }

    fn column_ref(&mut self, c: &mut protobuf::ColumnRef) {
        let fields: Vec<Option<String>> = c.fields.iter().map(node_string).collect();
        let Some(fields) = fields.into_iter().collect::<Option<Vec<String>>>() else {
            // `*` and `rel.*` (stored expanded).
            return;
        };
        let hit = match fields.as_slice() {
            [col] => self
                .levels
                .iter()
                .rev()
                .find_map(|level| level.iter().find_map(|rel| rel.column(col))),
            [rel, col] => self
                .levels
                .iter()
                .rev()
                .find_map(|level| level.iter().find(|x| x.name == *rel))
                .and_then(|x| x.column(col)),
            [schema, rel, col] => {
                let q = QualName::new(schema.clone(), rel.clone());
                self.levels
                    .iter()
                    .rev()
                    .find_map(|level| {
                        level
                            .iter()
                            .find(|x| x.name == *rel && x.relation.as_ref() == Some(&q))
                    })
                    .and_then(|x| x.column(col))
            }
            _ => None,
        };
        if hit != Some(true) {
            return;
        }
        self.found = true;
        // Renamed where it names the column by its name (not through an alias list).
        if let (Some(new), Some(Some(NodeEnum::String(s)))) =
            (self.new, c.fields.last_mut().map(|f| f.node.as_mut()))
        {
            if s.sval == self.old {
                s.sval = new.to_string();
            }
        }
    }

    /// A relation named in FROM (or a CTE).
    fn range_var(&self, rv: &protobuf::RangeVar) -> Rel {
        let alias = rv.alias.as_ref();
        let name = alias
            .map(|a| a.aliasname.clone())
            .unwrap_or_else(|| rv.relname.clone());
        let cte = rv
            .schemaname
            .is_empty()
            .then(|| self.ctes.iter().rev().find(|(n, _)| *n == rv.relname))
            .flatten();
        let (relation, columns) = match cte {
            Some((_, cols)) => (
                None,
                cols.as_ref()
                    .map(|c| c.iter().map(|n| (n.clone(), false)).collect::<Vec<_>>()),
            ),
            None => {
                let q = self.r.relation(&rv.schemaname, &rv.relname);
                let columns = if q == *self.table {
                    Some(
                        self.columns
                            .iter()
                            .map(|c| (c.clone(), c == self.old))
                            .collect(),
                    )
                } else {
                    relation_columns(self.r, &q)
                        .map(|c| c.into_iter().map(|(n, _)| (n, false)).collect())
                };
                (Some(q), columns)
            }
        };
        let columns = match (columns, alias) {
            (Some(mut cols), Some(a)) => {
                for (c, n) in cols.iter_mut().zip(&a.colnames) {
                    if let Some(n) = node_string(n) {
                        c.0 = n;
                    }
                }
                Some(cols)
            }
            (cols, _) => cols,
        };
        Rel {
            name,
            relation: if alias.is_some() { None } else { relation },
            columns,
        }
    }

    // FROM items other than relations, sub-queries, functions and joins hold no relation
    // the column can be read through; their expressions are gone into.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn add_item(&mut self, item: &mut Node, level: &mut Vec<Rel>) {
        match item.node.as_mut() {
            Some(NodeEnum::RangeVar(rv)) => level.push(self.range_var(rv)),
            Some(NodeEnum::RangeSubselect(s)) => {
                let mut out = None;
                if let Some(Some(NodeEnum::SelectStmt(q))) =
                    s.subquery.as_deref_mut().map(|q| q.node.as_mut())
                {
                    self.select(q);
                    out = output_names(q);
                }
                let alias = s.alias.as_ref();
                let mut cols = out;
                if let (Some(c), Some(a)) = (cols.as_mut(), alias) {
                    for (c, n) in c.iter_mut().zip(&a.colnames) {
                        if let Some(n) = node_string(n) {
                            *c = n;
                        }
                    }
                }
                level.push(Rel {
                    name: alias.map(|a| a.aliasname.clone()).unwrap_or_default(),
                    relation: None,
                    columns: cols.map(|c| c.into_iter().map(|n| (n, false)).collect()),
                });
            }
            Some(NodeEnum::RangeFunction(f)) => {
                for x in &mut f.functions {
                    self.expr(x);
                }
                let alias = f.alias.as_ref();
                level.push(Rel {
                    name: alias.map(|a| a.aliasname.clone()).unwrap_or_default(),
                    relation: None,
                    columns: alias.filter(|a| !a.colnames.is_empty()).map(|a| {
                        a.colnames
                            .iter()
                            .filter_map(node_string)
                            .map(|n| (n, false))
                            .collect()
                    }),
                });
            }
            Some(NodeEnum::JoinExpr(j)) => {
                let mut inner = Vec::new();
                for side in [j.larg.as_deref_mut(), j.rarg.as_deref_mut()]
                    .into_iter()
                    .flatten()
                {
                    self.add_item(side, &mut inner);
                }
                let mut scope = level.clone();
                scope.extend(inner.iter().cloned());
                self.within(scope, &mut [&mut j.quals]);
                match &j.alias {
                    Some(a) => level.push(Rel {
                        name: a.aliasname.clone(),
                        relation: None,
                        columns: None,
                    }),
                    None => level.extend(inner),
                }
            }
            Some(_) => self.expr(item),
            None => {}
        }
    }

    fn select(&mut self, s: &mut protobuf::SelectStmt) {
        let ctes = self.ctes.len();
        if let Some(w) = s.with_clause.as_mut() {
            for c in &mut w.ctes {
                let Some(NodeEnum::CommonTableExpr(cte)) = c.node.as_mut() else {
                    continue;
                };
                let mut cols = None;
                if let Some(q) = cte.ctequery.as_deref_mut() {
                    self.expr(q);
                    if let Some(NodeEnum::SelectStmt(q)) = q.node.as_ref() {
                        cols = output_names(q);
                    }
                }
                if !cte.aliascolnames.is_empty() {
                    cols = Some(cte.aliascolnames.iter().filter_map(node_string).collect());
                }
                self.ctes.push((cte.ctename.clone(), cols));
            }
        }
        if s.op != protobuf::SetOperation::SetopNone as i32 {
            for side in [s.larg.as_deref_mut(), s.rarg.as_deref_mut()]
                .into_iter()
                .flatten()
            {
                self.select(side);
            }
        }
        let mut level = Vec::new();
        for f in &mut s.from_clause {
            self.add_item(f, &mut level);
        }
        self.levels.push(level);
        for t in &mut s.target_list {
            let Some(NodeEnum::ResTarget(rt)) = t.node.as_mut() else {
                self.expr(t);
                continue;
            };
            let Some(v) = rt.val.as_deref_mut() else {
                continue;
            };
            let before = crate::catalog::expr::column_name(v);
            self.expr(v);
            // The output column keeps its name.
            if rt.name.is_empty() && matches!(v.node, Some(NodeEnum::ColumnRef(_))) {
                if let Some(b) =
                    before.filter(|b| crate::catalog::expr::column_name(v).as_ref() != Some(b))
                {
                    rt.name = b;
                }
            }
        }
        // The rest of the statement (WHERE, GROUP BY, HAVING, WINDOW, ORDER BY, LIMIT,
        // VALUES, ...) at this level: the parts handled above are taken out meanwhile.
        let from = std::mem::take(&mut s.from_clause);
        let targets = std::mem::take(&mut s.target_list);
        let with = s.with_clause.take();
        let (larg, rarg) = (s.larg.take(), s.rarg.take());
        let mut rest = Node {
            node: Some(NodeEnum::SelectStmt(Box::new(std::mem::take(s)))),
        };
        let mut top = true;
        visit(&mut rest, &mut |x| {
            if std::mem::take(&mut top) {
                Next::Into
            } else {
                self.node(x)
            }
        });
        if let Some(NodeEnum::SelectStmt(back)) = rest.node {
            *s = *back;
        }
        s.from_clause = from;
        s.target_list = targets;
        s.with_clause = with;
        s.larg = larg;
        s.rarg = rarg;
        self.levels.pop();
        self.ctes.truncate(ctes);
    }
}

/// Something that reads a column of a table.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Reader {
    /// A view, materialized view, trigger, policy or rule: it needs the column (a DROP
    /// COLUMN is refused without CASCADE, and takes it with).
    Object(ObjKey),
    /// A statistics object: it goes with the column.
    Statistics(ObjKey),
    /// The table's membership in a publication (column list or row filter): it needs the
    /// column.
    Member(ObjKey),
}

/// Whether objects of kind `kind` can read the columns of a table.
fn reads_columns(kind: ObjKind) -> bool {
    match kind {
        ObjKind::View
        | ObjKind::MaterializedView
        | ObjKind::Trigger
        | ObjKind::Rule
        | ObjKind::Policy
        | ObjKind::Statistics
        | ObjKind::Publication => true,
        // Function bodies are not followed (a SQL-standard body is: left for later).
        ObjKind::Type
        | ObjKind::Domain
        | ObjKind::Function
        | ObjKind::Procedure
        | ObjKind::Aggregate
        | ObjKind::EventTrigger
        | ObjKind::Collation
        | ObjKind::ForeignDataWrapper
        | ObjKind::Server
        | ObjKind::Subscription
        | ObjKind::UserMapping
        | ObjKind::TextSearchConfiguration
        | ObjKind::TextSearchDictionary
        | ObjKind::TextSearchParser
        | ObjKind::TextSearchTemplate
        | ObjKind::Operator
        | ObjKind::OperatorClass
        | ObjKind::OperatorFamily
        | ObjKind::Cast
        | ObjKind::Language
        | ObjKind::Conversion
        | ObjKind::AccessMethod
        | ObjKind::Transform => false,
    }
}

/// How a reader reads in the server's message.
pub(super) fn describe(table: &QualName, r: &Reader) -> String {
    match r {
        Reader::Object(k) | Reader::Statistics(k)
            if matches!(k.kind, ObjKind::Trigger | ObjKind::Policy | ObjKind::Rule) =>
        {
            format!(
                "{} {} on table {}",
                k.kind.sql_keyword().to_lowercase(),
                quote::ident(&k.name),
                table.sql()
            )
        }
        Reader::Object(k) | Reader::Statistics(k) => {
            super::depend::describe(&super::depend::Dependent::Object(k.clone()))
        }
        Reader::Member(k) => format!(
            "publication of table {} in publication {}",
            table.sql(),
            quote::ident(&k.name)
        ),
    }
}

impl Replay {
    /// The objects that may read columns of `table` (checked further by `reads`).
    fn column_readers(&self, table: &QualName) -> Vec<ObjKey> {
        self.catalog
            .objects
            .iter()
            .filter(|(k, o)| {
                reads_columns(k.kind)
                    && (o.table.as_ref() == Some(table)
                        || o.deps.contains(table)
                        || (k.kind == ObjKind::Publication
                            && o.after
                                .iter()
                                .any(|s| super::publication::names_member_table(s, table))))
            })
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// What reads column `column` of `table`, in key order.
    pub(super) fn column_dependents(&self, table: &QualName, column: &str) -> Vec<Reader> {
        let r = self.resolver();
        let mut out = Vec::new();
        for k in self.column_readers(table) {
            let Some(o) = self.catalog.objects.get(&k) else {
                continue;
            };
            if k.kind == ObjKind::Publication {
                let member = o.after.iter().any(|s| {
                    super::publication::names_member_table(s, table)
                        && crate::catalog::alter::parse_one(s)
                            .is_some_and(|mut n| reads(&mut n, &r, table, column, None))
                });
                if member {
                    out.push(Reader::Member(k));
                }
                continue;
            }
            let read = crate::catalog::alter::parse_one(&o.create)
                .is_some_and(|mut n| reads(&mut n, &r, table, column, None));
            if read {
                out.push(if k.kind == ObjKind::Statistics {
                    Reader::Statistics(k)
                } else {
                    Reader::Object(k)
                });
            }
        }
        out
    }

    /// Column `old` of `table` is now `new`: what reads it follows, as the server's stored
    /// trees do (a view's output column keeps its name).
    pub(super) fn follow_column_rename(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        old: &str,
        new: &str,
    ) {
        let r = self.resolver();
        let mut edits: Vec<(ObjKey, NodeEnum)> = Vec::new();
        let mut members: Vec<(ObjKey, Vec<String>)> = Vec::new();
        for k in self.column_readers(table) {
            let Some(o) = self.catalog.objects.get(&k) else {
                continue;
            };
            if k.kind == ObjKind::Publication {
                let after: Vec<String> = o
                    .after
                    .iter()
                    .map(|s| {
                        let renamed = super::publication::names_member_table(s, table)
                            .then(|| crate::catalog::alter::parse_one(s))
                            .flatten()
                            .and_then(|mut n| {
                                reads(&mut n, &r, table, old, Some(new))
                                    .then(|| crate::catalog::expr::deparse_stmt(n).ok())
                                    .flatten()
                            });
                        renamed.unwrap_or_else(|| s.clone())
                    })
                    .collect();
                if after != o.after {
                    members.push((k, after));
                }
                continue;
            }
            if let Some(mut n) = crate::catalog::alter::parse_one(&o.create) {
                if reads(&mut n, &r, table, old, Some(new)) {
                    edits.push((k, n));
                }
            }
        }
        for (k, after) in members {
            if let Some(o) = self.catalog.objects.get_mut(&k) {
                o.after = after;
            }
            self.edit_object(stmt, &k, |_, _| Ok(()));
        }
        for (k, n) in edits {
            self.edit_object(stmt, &k, |node, _| {
                *node = n;
                Ok(())
            });
        }
    }

    /// Column `column` of `table` is dropped: what reads it goes (the caller has refused
    /// the DROP without CASCADE where something needs it).
    pub(super) fn drop_column_readers(&mut self, table: &QualName, column: &str) {
        for d in self.column_dependents(table, column) {
            match d {
                Reader::Object(k)
                    if matches!(k.kind, ObjKind::View | ObjKind::MaterializedView) =>
                {
                    self.remove_dependent(&super::depend::Dependent::Object(k));
                }
                Reader::Object(k) | Reader::Statistics(k) => {
                    self.remove_object(&k);
                }
                Reader::Member(k) => {
                    if let Some(o) = self.catalog.objects.get_mut(&k) {
                        o.after
                            .retain(|s| !super::publication::names_member_table(s, table));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::tests::errors;
    use crate::catalog::model::{ObjKey, ObjKind};

    const BASE: &str = "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\n\
        CREATE TABLE o (id int, a int);\n";

    fn view(sql: &str, name: &str) -> String {
        let c = crate::catalog_from_sql("t.sql", &format!("{BASE}{sql}")).expect("loads");
        let key = ObjKey {
            kind: ObjKind::View,
            schema: "public".into(),
            name: name.into(),
            sub: String::new(),
        };
        c.objects
            .get(&key)
            .map(|o| o.create.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_renamed_column_is_followed_where_it_is_read_and_nowhere_else() {
        assert_eq!(
            view(
                "CREATE VIEW v AS SELECT t.id, o.a AS oa, a + 1 AS a1, (SELECT max(a) FROM o) AS m \
                 FROM t JOIN o ON o.id = t.a;\n\
                 ALTER TABLE t RENAME COLUMN a TO z;",
                "v"
            ),
            "CREATE VIEW public.v AS SELECT t.id, o.a AS oa, z + 1 AS a1, (SELECT max(a) AS max FROM public.o) AS m \
             FROM public.t JOIN public.o ON o.id = t.z"
        );
        // The view's output column keeps its name, so a view over it is unchanged.
        assert_eq!(
            view(
                "CREATE VIEW v AS SELECT id, a FROM t;\n\
                 CREATE VIEW w AS SELECT a FROM v;\n\
                 ALTER TABLE t RENAME COLUMN a TO z;",
                "v"
            ),
            "CREATE VIEW public.v AS SELECT id, z AS a FROM public.t"
        );
        // Through an alias list, the reference names the alias.
        assert_eq!(
            view(
                "CREATE VIEW v AS SELECT y.p FROM t AS y(i, p);\n\
                 ALTER TABLE t RENAME COLUMN a TO z;",
                "v"
            ),
            "CREATE VIEW public.v AS SELECT p FROM public.t y(i, p)"
        );
    }

    #[test]
    fn a_column_what_needs_it_reads_is_dropped_only_with_cascade() {
        let sql = format!(
            "{BASE}CREATE VIEW v AS SELECT id, a FROM t;\n\
             CREATE VIEW w AS SELECT id FROM t;\n\
             CREATE STATISTICS s ON a, b FROM t;\n"
        );
        assert_eq!(
            errors(&format!("{sql}ALTER TABLE t DROP COLUMN a;")),
            ["cannot drop column a of table public.t because other objects depend on it: view public.v"]
        );
        let c = crate::catalog_from_sql(
            "t.sql",
            &format!("{sql}ALTER TABLE t DROP COLUMN a CASCADE;"),
        )
        .expect("loads");
        let names: Vec<&str> = c.objects.keys().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["w"]);
        // A statistics object alone goes without CASCADE.
        assert_eq!(
            errors(&format!(
                "{BASE}CREATE STATISTICS s ON a, b FROM t;\nALTER TABLE t DROP COLUMN a;"
            )),
            Vec::<String>::new()
        );
    }
}
