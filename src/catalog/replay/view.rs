//! Views and materialized views: their canonical form (options as `key='value'`,
//! `check_option` as `WITH ... CHECK OPTION`, a column-name list folded into the select list,
//! a materialized view created with its data) and ALTER VIEW / ALTER MATERIALIZED VIEW
//! (column defaults, options, a materialized view's CLUSTER ON); the clustering mark of
//! tables and materialized views following its index (`move_cluster_mark`).

use pg_query::protobuf::{self, AlterTableCmd, AlterTableType, Node, ViewCheckOption};
use pg_query::NodeEnum;

use super::{node_string, Replay};
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::syntax::Stmt;

/// Puts a CREATE VIEW / CREATE MATERIALIZED VIEW in canonical form, in place.
#[allow(clippy::wildcard_enum_match_arm)]
pub(super) fn canonical(n: &mut NodeEnum) {
    match n {
        NodeEnum::ViewStmt(v) => {
            let (options, check) = canonical_options(std::mem::take(&mut v.options));
            v.options = options;
            if let Some(c) = check {
                v.with_check_option = c as i32;
            }
            if let Some(Some(NodeEnum::SelectStmt(sel))) = v.query.as_mut().map(|q| q.node.as_mut())
            {
                if !v.aliases.is_empty() {
                    values_as_select(sel);
                }
                if values_sort_references(sel) {
                    values_as_select(sel);
                }
                // A set operation's names are folded once its ORDER BY is settled (it sees
                // the first branch's names): see `typing::settle`.
                if sel.op == protobuf::SetOperation::SetopNone as i32
                    && fold_aliases(&v.aliases, sel)
                {
                    v.aliases.clear();
                }
            }
        }
        NodeEnum::CreateTableAsStmt(c) => {
            if let Some(into) = c.into.as_mut() {
                // pg_dump always writes WITH NO DATA (the data comes later, if at all): the
                // schema is the same either way, and a migration fills the view.
                into.skip_data = false;
                let (options, _) = canonical_options(std::mem::take(&mut into.options));
                into.options = options;
                if let Some(Some(NodeEnum::SelectStmt(sel))) =
                    c.query.as_mut().map(|q| q.node.as_mut())
                {
                    if !into.col_names.is_empty() {
                        values_as_select(sel);
                    }
                    if values_sort_references(sel) {
                        values_as_select(sel);
                    }
                    if sel.op == protobuf::SetOperation::SetopNone as i32
                        && fold_aliases(&into.col_names, sel)
                    {
                        into.col_names.clear();
                    }
                }
            }
        }
        // Not a view: nothing to do.
        _ => {}
    }
}

/// A name of the column list of a CREATE VIEW / CREATE MATERIALIZED VIEW that its query's
/// ORDER BY names, where the query has no column of that name: the column list names the
/// view's columns only, and the server refuses the sort key ("column ... does not exist").
/// Only said where certain: the query's output names are known (no `*`) and so are the
/// columns of each FROM item (tables and views named).
// Only views and materialized views have a column list.
#[allow(clippy::wildcard_enum_match_arm)]
pub(super) fn sort_on_column_list_name(n: &NodeEnum, r: &Resolver) -> Option<String> {
    let (aliases, query) = match n {
        NodeEnum::ViewStmt(v) => (&v.aliases, v.query.as_deref()),
        NodeEnum::CreateTableAsStmt(c) => (&c.into.as_ref()?.col_names, c.query.as_deref()),
        _ => return None,
    };
    let Some(NodeEnum::SelectStmt(sel)) = query.and_then(|q| q.node.as_ref()) else {
        return None;
    };
    let aliases: Vec<String> = aliases.iter().filter_map(node_string).collect();
    let outputs = crate::catalog::typing::output_names(sel)?;
    let plain = sel.op == protobuf::SetOperation::SetopNone as i32;
    sel.sort_clause.iter().find_map(|s| {
        let Some(NodeEnum::SortBy(sb)) = &s.node else {
            return None;
        };
        let Some(NodeEnum::ColumnRef(c)) = sb.node.as_deref().and_then(|x| x.node.as_ref()) else {
            return None;
        };
        let [f] = c.fields.as_slice() else {
            return None;
        };
        let name = node_string(f)?;
        if !aliases.contains(&name) || outputs.contains(&name) {
            return None;
        }
        // A plain select's ORDER BY also sees the columns of its FROM items.
        if plain {
            for item in &sel.from_clause {
                let Some(NodeEnum::RangeVar(rv)) = &item.node else {
                    return None;
                };
                let q = r.relation(&rv.schemaname, &rv.relname);
                let columns = crate::catalog::typing::relation_columns(r, &q)?;
                if columns.iter().any(|(c, _)| *c == name) {
                    return None;
                }
            }
        }
        Some(name)
    })
}

/// Whether a CREATE VIEW is pg_dump's placeholder for a view in a dependency cycle: a
/// select of typed NULLs only (`NULL::type [COLLATE c] AS column`), from nothing.
pub(super) fn is_placeholder(v: &protobuf::ViewStmt) -> bool {
    let Some(NodeEnum::SelectStmt(sel)) = v.query.as_deref().and_then(|q| q.node.as_ref()) else {
        return false;
    };
    let null_cast = |n: &Node| match n.node.as_ref() {
        Some(NodeEnum::TypeCast(tc)) => matches!(
            tc.arg.as_deref().and_then(|a| a.node.as_ref()),
            Some(NodeEnum::AConst(c)) if c.isnull
        ),
        _ => false,
    };
    sel.op == protobuf::SetOperation::SetopNone as i32
        && sel.from_clause.is_empty()
        && sel.where_clause.is_none()
        && !sel.target_list.is_empty()
        && sel.target_list.iter().all(|t| match t.node.as_ref() {
            Some(NodeEnum::ResTarget(rt)) if !rt.name.is_empty() => match rt.val.as_deref() {
                Some(val) => match val.node.as_ref() {
                    Some(NodeEnum::CollateClause(c)) => c.arg.as_deref().is_some_and(null_cast),
                    _ => null_cast(val),
                },
                None => false,
            },
            _ => false,
        })
}

/// Options as `key = 'value'` strings (a bare `security_barrier` is `'true'`), values in
/// lower case; `check_option` comes out separately, as the server keeps it apart.
fn canonical_options(options: Vec<Node>) -> (Vec<Node>, Option<ViewCheckOption>) {
    let mut out = Vec::new();
    let mut check = None;
    for o in options {
        let Some(NodeEnum::DefElem(mut d)) = o.node else {
            out.push(o);
            continue;
        };
        let value = d
            .arg
            .as_deref()
            .and_then(node_string)
            .unwrap_or_else(|| "true".to_string())
            .to_lowercase();
        if d.defname == "check_option" && d.defnamespace.is_empty() {
            check = Some(if value == "cascaded" {
                ViewCheckOption::CascadedCheckOption
            } else {
                ViewCheckOption::LocalCheckOption
            });
            continue;
        }
        d.arg = Some(Box::new(Node {
            node: Some(NodeEnum::String(protobuf::String { sval: value })),
        }));
        d.defaction = protobuf::DefElemAction::DefelemUnspec as i32;
        d.location = 0;
        out.retain(|x: &Node| !matches!(&x.node, Some(NodeEnum::DefElem(e)) if e.defname == d.defname && e.defnamespace == d.defnamespace));
        out.push(Node {
            node: Some(NodeEnum::DefElem(d)),
        });
    }
    (out, check)
}

/// A view's query that is a VALUES list under a column list is stored as the server's parse
/// analysis makes it, and pg_dump prints it so: `SELECT "*VALUES*".column1 AS x, ... FROM
/// (VALUES ...) "*VALUES*"`, its ORDER BY, LIMIT and OFFSET on that select. Without a column
/// list, or with a WITH clause, pg_dump prints the VALUES list itself, which is left as
/// written (its ORDER BY: `values_sort_references`).
fn values_as_select(sel: &mut protobuf::SelectStmt) {
    let bare = sel.locking_clause.is_empty() && sel.with_clause.is_none();
    if sel.op != protobuf::SetOperation::SetopNone as i32 || sel.values_lists.is_empty() || !bare {
        return;
    }
    let width = match sel.values_lists.first().and_then(|r| r.node.as_ref()) {
        Some(NodeEnum::List(l)) => l.items.len(),
        _ => return,
    };
    let string = |s: &str| Node {
        node: Some(NodeEnum::String(protobuf::String { sval: s.into() })),
    };
    let target_list = (1..=width)
        .map(|i| Node {
            node: Some(NodeEnum::ResTarget(Box::new(protobuf::ResTarget {
                val: Some(Box::new(Node {
                    node: Some(NodeEnum::ColumnRef(protobuf::ColumnRef {
                        fields: vec![string("*VALUES*"), string(&format!("column{i}"))],
                        location: -1,
                    })),
                })),
                location: -1,
                ..Default::default()
            }))),
        })
        .collect();
    let values = protobuf::SelectStmt {
        values_lists: std::mem::take(&mut sel.values_lists),
        op: sel.op,
        ..Default::default()
    };
    sel.target_list = target_list;
    sel.from_clause = vec![Node {
        node: Some(NodeEnum::RangeSubselect(Box::new(
            protobuf::RangeSubselect {
                lateral: false,
                subquery: Some(Box::new(Node {
                    node: Some(NodeEnum::SelectStmt(Box::new(values))),
                })),
                alias: Some(protobuf::Alias {
                    aliasname: "*VALUES*".into(),
                    colnames: Vec::new(),
                }),
            },
        ))),
    }];
}

/// The ORDER BY of a VALUES list names its columns as the server stores them, and pg_dump
/// prints them so: a position (`ORDER BY 2`) or a column name (`column2`) is
/// `"*VALUES*".column2`. Says whether a sort key is another expression: the server sorts on
/// a column of its own then, and pg_dump prints the query as a SELECT from the VALUES list.
// Only column references (and the sub-queries that hide their own) matter in a sort key.
#[allow(clippy::wildcard_enum_match_arm)]
fn values_sort_references(sel: &mut protobuf::SelectStmt) -> bool {
    if sel.op != protobuf::SetOperation::SetopNone as i32 || sel.values_lists.is_empty() {
        return false;
    }
    let width = match sel.values_lists.first().and_then(|r| r.node.as_ref()) {
        Some(NodeEnum::List(l)) => l.items.len(),
        _ => return false,
    };
    let mut expression = false;
    let string = |s: &str| Node {
        node: Some(NodeEnum::String(protobuf::String { sval: s.into() })),
    };
    let column = |i: usize| {
        NodeEnum::ColumnRef(protobuf::ColumnRef {
            fields: vec![string("*VALUES*"), string(&format!("column{i}"))],
            location: -1,
        })
    };
    let is_column = |name: &str| {
        name.strip_prefix("column")
            .and_then(|i| i.parse::<usize>().ok())
            .filter(|i| (1..=width).contains(i) && name == format!("column{i}"))
    };
    for s in &mut sel.sort_clause {
        let Some(NodeEnum::SortBy(sb)) = s.node.as_mut() else {
            continue;
        };
        let Some(x) = sb.node.as_deref_mut() else {
            continue;
        };
        if let Some(NodeEnum::AConst(protobuf::AConst {
            val: Some(protobuf::a_const::Val::Ival(i)),
            ..
        })) = &x.node
        {
            if let Some(i) = usize::try_from(i.ival)
                .ok()
                .filter(|i| (1..=width).contains(i))
            {
                x.node = Some(column(i));
            }
            continue;
        }
        crate::syntax::walk::visit(x, &mut |n| match n {
            NodeEnum::ColumnRef(c) => {
                if let [f] = c.fields.as_slice() {
                    if let Some(i) = node_string(f).as_deref().and_then(is_column) {
                        *n = column(i);
                    }
                }
                crate::syntax::walk::Next::Over
            }
            // A sub-query sees its own columns.
            NodeEnum::SelectStmt(_) => crate::syntax::walk::Next::Over,
            _ => crate::syntax::walk::Next::Into,
        });
        expression |= !matches!(&x.node, Some(NodeEnum::ColumnRef(c))
            if c.fields.len() == 2 && c.fields.first().and_then(node_string).as_deref() == Some("*VALUES*"));
    }
    expression
}

/// `CREATE VIEW v (x, y) AS SELECT a, b` is `SELECT a AS x, b AS y`: folds the names into
/// the select list when it can (plain selects without `*`; of a set operation, every
/// branch's, as the server prints each branch with the view's column names); says whether
/// it did.
pub(crate) fn fold_aliases(aliases: &[Node], sel: &mut protobuf::SelectStmt) -> bool {
    if aliases.is_empty() {
        return true;
    }
    if !foldable(aliases.len(), sel) {
        return false;
    }
    fold(aliases, sel);
    true
}

/// Whether every branch of `sel` is a plain select of at least `n` columns, none of them `*`.
fn foldable(n: usize, sel: &protobuf::SelectStmt) -> bool {
    if sel.op != protobuf::SetOperation::SetopNone as i32 {
        return [&sel.larg, &sel.rarg]
            .into_iter()
            .all(|b| b.as_deref().is_some_and(|b| foldable(n, b)));
    }
    let star = sel.target_list.iter().any(|t| {
        matches!(&t.node, Some(NodeEnum::ResTarget(rt)) if matches!(rt.val.as_deref().and_then(|v| v.node.as_ref()), Some(NodeEnum::ColumnRef(c)) if c.fields.iter().any(|f| matches!(f.node, Some(NodeEnum::AStar(_))))))
    });
    sel.values_lists.is_empty() && n <= sel.target_list.len() && !star
}

fn fold(aliases: &[Node], sel: &mut protobuf::SelectStmt) {
    if sel.op != protobuf::SetOperation::SetopNone as i32 {
        for b in [&mut sel.larg, &mut sel.rarg].into_iter().flatten() {
            fold(aliases, b);
        }
        return;
    }
    for (t, a) in sel.target_list.iter_mut().zip(aliases) {
        if let (Some(NodeEnum::ResTarget(rt)), Some(name)) = (t.node.as_mut(), node_string(a)) {
            rt.name = name;
        }
    }
}

impl Replay {
    /// ALTER VIEW / ALTER MATERIALIZED VIEW (and ALTER TABLE naming a view).
    pub(super) fn alter_view(&mut self, stmt: &Stmt, view: &QualName, cmds: &[Node]) {
        let key = [ObjKind::View, ObjKind::MaterializedView]
            .into_iter()
            .map(|kind| ObjKey {
                kind,
                schema: view.schema.clone(),
                name: view.name.clone(),
                sub: String::new(),
            })
            .find(|k| self.catalog.objects.contains_key(k));
        let Some(key) = key else {
            self.warn(stmt, format!("view {} does not exist", view.sql()));
            return;
        };
        self.shaped(super::super::graph::Node::Object(key.clone()));
        for cmd in cmds {
            let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node else {
                continue;
            };
            self.alter_view_cmd(stmt, &key, c);
        }
    }

    /// `CLUSTER ON index` (`Some`) or `SET WITHOUT CLUSTER` on a materialized view (or
    /// `CLUSTER mv USING index`); refused on a view, or for an index of another relation.
    pub(super) fn cluster_view(&mut self, stmt: &Stmt, key: &ObjKey, index: Option<&str>) {
        if key.kind != ObjKind::MaterializedView {
            let action = if index.is_some() {
                "CLUSTER ON"
            } else {
                "SET WITHOUT CLUSTER"
            };
            self.reject(
                stmt,
                format!(
                    "ALTER action {action} cannot be performed on relation \"{}\"",
                    key.name
                ),
            );
            return;
        }
        if let Some(name) = index {
            let view = QualName::new(key.schema.clone(), key.name.clone());
            let iq = QualName::new(key.schema.clone(), name);
            match self.catalog.indexes.get(&iq) {
                Some(i) if i.table == view => {}
                Some(_) => {
                    self.reject(
                        stmt,
                        format!("\"{name}\" is not an index for table \"{}\"", key.name),
                    );
                    return;
                }
                None => {
                    self.reject(
                        stmt,
                        format!("index \"{name}\" for table \"{}\" does not exist", key.name),
                    );
                    return;
                }
            }
        }
        if let Some(obj) = self.catalog.objects.get_mut(key) {
            obj.cluster_on = index.map(str::to_string);
        }
    }

    /// `ALTER MATERIALIZED VIEW mv ALTER COLUMN c SET STATISTICS n`: a follow-up statement
    /// per column (`Object::after`, in column name order), gone with `-1` (the default).
    fn matview_statistics(&mut self, stmt: &Stmt, key: &ObjKey, c: &AlterTableCmd) {
        let Some(target) = c
            .def
            .as_deref()
            .and_then(node_string)
            .and_then(|v| v.parse::<i32>().ok())
        else {
            self.unsupported(stmt, "SET STATISTICS without a number");
            return;
        };
        let view = QualName::new(key.schema.clone(), key.name.clone());
        let prefix = format!(
            "ALTER MATERIALIZED VIEW {} ALTER COLUMN {} SET STATISTICS ",
            view.sql(),
            crate::emit::quote::ident(&c.name)
        );
        let Some(mut after) = self.catalog.objects.get(key).map(|o| o.after.clone()) else {
            return;
        };
        after.retain(|a| !a.starts_with(&prefix));
        if target >= 0 {
            after.push(format!("{prefix}{target}"));
            after.sort();
        }
        self.set_after(stmt, key, after);
    }

    /// The clustering mark is the index's own (`pg_index.indisclustered`): it follows index
    /// `old` of `relation` (a table or a materialized view) to its new name, or goes with it.
    pub(super) fn move_cluster_mark(&mut self, relation: &QualName, old: &str, new: Option<&str>) {
        let matview = ObjKey {
            kind: ObjKind::MaterializedView,
            schema: relation.schema.clone(),
            name: relation.name.clone(),
            sub: String::new(),
        };
        let mark = match self.catalog.tables.get_mut(relation) {
            Some(t) => &mut t.cluster_on,
            None => match self.catalog.objects.get_mut(&matview) {
                Some(o) => &mut o.cluster_on,
                None => return,
            },
        };
        if mark.as_deref() == Some(old) {
            *mark = new.map(str::to_string);
        }
    }

    fn alter_view_cmd(&mut self, stmt: &Stmt, key: &ObjKey, c: &AlterTableCmd) {
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        match subtype {
            AlterTableType::AtColumnDefault => {
                let r = self.resolver();
                let value = c.def.as_deref().map(|d| expr::default_sql(d, &r));
                if let Some(obj) = self.catalog.objects.get_mut(key) {
                    match value {
                        Some(v) => {
                            obj.column_defaults.insert(c.name.clone(), v);
                        }
                        None => {
                            obj.column_defaults.remove(&c.name);
                        }
                    }
                }
            }
            AlterTableType::AtSetRelOptions
            | AlterTableType::AtResetRelOptions
            | AlterTableType::AtReplaceRelOptions => {
                let items: Vec<Node> = match c.def.as_deref().and_then(|d| d.node.as_ref()) {
                    Some(NodeEnum::List(l)) => l.items.clone(),
                    _ => Vec::new(),
                };
                self.edit_object(stmt, key, |node, _| {
                    // Any other statement kind is not a view: reported as an error.
                    #[allow(clippy::wildcard_enum_match_arm)]
                    let (options, mut check) = match node {
                        NodeEnum::ViewStmt(v) => (&mut v.options, Some(&mut v.with_check_option)),
                        NodeEnum::CreateTableAsStmt(ct) => match ct.into.as_mut() {
                            Some(into) => (&mut into.options, None),
                            None => return Err("ALTER ... SET on a view without a definition".into()),
                        },
                        other => return Err(format!("ALTER VIEW ... SET on {}", super::statement_kind(other))),
                    };
                    if subtype == AlterTableType::AtReplaceRelOptions {
                        options.clear();
                    }
                    for item in items {
                        let Some(NodeEnum::DefElem(d)) = &item.node else { continue };
                        if d.defname == "check_option" {
                            if let Some(check) = check.as_deref_mut() {
                                *check = match (subtype, d.arg.as_deref().and_then(node_string).as_deref()) {
                                    (AlterTableType::AtResetRelOptions, _) => ViewCheckOption::NoCheckOption as i32,
                                    (_, Some("cascaded")) => ViewCheckOption::CascadedCheckOption as i32,
                                    _ => ViewCheckOption::LocalCheckOption as i32,
                                };
                            }
                            continue;
                        }
                        options.retain(|x| !matches!(&x.node, Some(NodeEnum::DefElem(e)) if e.defname == d.defname && e.defnamespace == d.defnamespace));
                        if subtype != AlterTableType::AtResetRelOptions {
                            options.push(item.clone());
                        }
                    }
                    let (canon, _) = canonical_options(std::mem::take(options));
                    *options = canon;
                    Ok(())
                });
            }
            AlterTableType::AtSetStatistics if key.kind == ObjKind::MaterializedView => {
                self.matview_statistics(stmt, key, c)
            }
            AlterTableType::AtClusterOn => self.cluster_view(stmt, key, Some(&c.name)),
            AlterTableType::AtDropCluster => self.cluster_view(stmt, key, None),
            // Owners are not part of the compared schema; the tablespace of a materialized
            // view does not shape what it holds.
            AlterTableType::AtChangeOwner | AlterTableType::AtSetTableSpace => {}
            // Not modelled on a view, or not valid on one: reported.
            AlterTableType::Undefined
            | AlterTableType::AtAddColumn
            | AlterTableType::AtAddColumnToView
            | AlterTableType::AtCookedColumnDefault
            | AlterTableType::AtDropNotNull
            | AlterTableType::AtSetNotNull
            | AlterTableType::AtSetExpression
            | AlterTableType::AtDropExpression
            | AlterTableType::AtSetStatistics
            | AlterTableType::AtSetOptions
            | AlterTableType::AtResetOptions
            | AlterTableType::AtSetStorage
            | AlterTableType::AtSetCompression
            | AlterTableType::AtDropColumn
            | AlterTableType::AtAddIndex
            | AlterTableType::AtReAddIndex
            | AlterTableType::AtAddConstraint
            | AlterTableType::AtReAddConstraint
            | AlterTableType::AtReAddDomainConstraint
            | AlterTableType::AtAlterConstraint
            | AlterTableType::AtValidateConstraint
            | AlterTableType::AtAddIndexConstraint
            | AlterTableType::AtDropConstraint
            | AlterTableType::AtReAddComment
            | AlterTableType::AtAlterColumnType
            | AlterTableType::AtAlterColumnGenericOptions
            | AlterTableType::AtSetLogged
            | AlterTableType::AtSetUnLogged
            | AlterTableType::AtDropOids
            | AlterTableType::AtSetAccessMethod
            | AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableAlwaysTrig
            | AlterTableType::AtEnableReplicaTrig
            | AlterTableType::AtDisableTrig
            | AlterTableType::AtEnableTrigAll
            | AlterTableType::AtDisableTrigAll
            | AlterTableType::AtEnableTrigUser
            | AlterTableType::AtDisableTrigUser
            | AlterTableType::AtEnableRule
            | AlterTableType::AtEnableAlwaysRule
            | AlterTableType::AtEnableReplicaRule
            | AlterTableType::AtDisableRule
            | AlterTableType::AtAddInherit
            | AlterTableType::AtDropInherit
            | AlterTableType::AtAddOf
            | AlterTableType::AtDropOf
            | AlterTableType::AtReplicaIdentity
            | AlterTableType::AtEnableRowSecurity
            | AlterTableType::AtDisableRowSecurity
            | AlterTableType::AtForceRowSecurity
            | AlterTableType::AtNoForceRowSecurity
            | AlterTableType::AtGenericOptions
            | AlterTableType::AtAttachPartition
            | AlterTableType::AtDetachPartition
            | AlterTableType::AtDetachPartitionFinalize
            | AlterTableType::AtAddIdentity
            | AlterTableType::AtSetIdentity
            | AlterTableType::AtDropIdentity
            | AlterTableType::AtReAddStatistics => self.unsupported(stmt, "this ALTER on a view"),
        }
    }
}
