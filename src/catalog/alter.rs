//! In-place changes between two canonical definitions of one object, worked out on their
//! parse trees (so the diff never handles parser types): what an ALTER can change without
//! dropping the object.

use pg_query::protobuf::{self, Node};
use pg_query::NodeEnum;

use super::model::{ObjKind, Object};
use super::{expr, options};
use crate::emit::quote;

pub(crate) fn parse_one(sql: &str) -> Option<NodeEnum> {
    pg_query::parse(sql, 0)
        .ok()?
        .protobuf
        .stmts
        .into_iter()
        .next()?
        .stmt?
        .node
}

/// `ALTER POLICY` turning policy `old` into `new`, when only its roles, USING or WITH CHECK
/// change (its command and PERMISSIVE / RESTRICTIVE cannot be altered).
pub fn policy(old: &str, new: &str) -> Option<String> {
    let (Some(NodeEnum::CreatePolicyStmt(a)), Some(NodeEnum::CreatePolicyStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    if a.cmd_name != b.cmd_name
        || a.permissive != b.permissive
        || a.table != b.table
        || a.policy_name != b.policy_name
    {
        return None;
    }
    let text = |n: &Option<Box<Node>>| {
        n.as_deref()
            .map(|e| expr::deparse_expr_raw(e).unwrap_or_default())
    };
    // A USING or WITH CHECK that goes away cannot be removed by ALTER POLICY.
    if (a.qual.is_some() && b.qual.is_none()) || (a.with_check.is_some() && b.with_check.is_none())
    {
        return None;
    }
    let stmt = protobuf::AlterPolicyStmt {
        policy_name: b.policy_name.clone(),
        table: b.table.clone(),
        roles: b.roles.clone(),
        qual: if text(&a.qual) != text(&b.qual) {
            b.qual.clone()
        } else {
            None
        },
        with_check: if text(&a.with_check) != text(&b.with_check) {
            b.with_check.clone()
        } else {
            None
        },
    };
    expr::deparse_stmt(NodeEnum::AlterPolicyStmt(Box::new(stmt))).ok()
}

/// The output column names of a view's canonical CREATE (a plain select list without `*`).
pub fn view_column_names(sql: &str) -> Option<Vec<String>> {
    Some(
        view_columns(sql)?
            .into_iter()
            .map(|(name, _)| name)
            .collect(),
    )
}

/// The output columns of a view's canonical CREATE: name and canonical expression text.
fn view_columns(sql: &str) -> Option<Vec<(String, String)>> {
    // A projection: any other statement is not a view, and has no columns to compare.
    #[allow(clippy::wildcard_enum_match_arm)]
    let query = match parse_one(sql)? {
        NodeEnum::ViewStmt(v) => v.query?,
        NodeEnum::CreateTableAsStmt(c) => c.query?,
        _ => return None,
    };
    let NodeEnum::SelectStmt(sel) = query.node? else {
        return None;
    };
    if sel.op != protobuf::SetOperation::SetopNone as i32 {
        return None;
    }
    let mut out = Vec::new();
    for t in &sel.target_list {
        let Some(NodeEnum::ResTarget(rt)) = &t.node else {
            return None;
        };
        let val = rt.val.as_deref()?;
        if matches!(&val.node, Some(NodeEnum::ColumnRef(c)) if c.fields.iter().any(|f| matches!(f.node, Some(NodeEnum::AStar(_)))))
        {
            return None;
        }
        let name = if rt.name.is_empty() {
            expr::column_name(val)?
        } else {
            rt.name.clone()
        };
        out.push((name, expr::deparse_expr_raw(val).ok()?));
    }
    Some(out)
}

/// Whether view `old` can become `new` with CREATE OR REPLACE VIEW: the server requires the
/// old columns to stay, in order, with their names and types, and accepts new ones after
/// them. Types are not known offline, so each old column must keep its very expression
/// (then it keeps its type, as long as what it reads keeps its own: the caller checks that
/// nothing under the view changes).
pub fn view_replaceable(old: &str, new: &str) -> bool {
    let (Some(a), Some(b)) = (view_columns(old), view_columns(new)) else {
        return false;
    };
    a.len() <= b.len() && a.iter().zip(&b).all(|(x, y)| x == y)
}

/// The statements that turn generic object `old` into `new` in place, for the kinds this
/// knows (foreign data, text search, operators, statistics, publications, event triggers,
/// rules, ...): ALTERs of the CREATE statement's parts, and of the statements that follow it
/// (`Object::after`). `None`: the object must be dropped and created again (or its kind is
/// handled elsewhere).
pub fn object(kind: ObjKind, old: &Object, new: &Object) -> Option<Vec<String>> {
    let same = || (old.create == new.create).then(Vec::new);
    let mut out = match kind {
        ObjKind::ForeignDataWrapper => fdw(&old.create, &new.create)?,
        ObjKind::Server => server(&old.create, &new.create)?,
        ObjKind::UserMapping => user_mapping(&old.create, &new.create)?,
        ObjKind::TextSearchDictionary => ts_dictionary(&old.create, &new.create)?,
        ObjKind::Publication => publication(&old.create, &new.create)?,
        ObjKind::Subscription => subscription(&old.create, &new.create)?,
        ObjKind::Rule => {
            if old.create == new.create {
                Vec::new()
            } else {
                vec![new
                    .create
                    .replacen("CREATE RULE ", "CREATE OR REPLACE RULE ", 1)]
            }
        }
        ObjKind::TextSearchConfiguration
        | ObjKind::TextSearchParser
        | ObjKind::TextSearchTemplate
        | ObjKind::OperatorClass
        | ObjKind::OperatorFamily
        | ObjKind::Cast
        | ObjKind::Conversion
        | ObjKind::Collation
        | ObjKind::AccessMethod
        | ObjKind::EventTrigger
        | ObjKind::Statistics => same()?,
        ObjKind::Operator => operator(&old.create, &new.create)?,
        ObjKind::Language | ObjKind::Transform => {
            if old.create == new.create {
                Vec::new()
            } else {
                let kw = if kind == ObjKind::Language {
                    "LANGUAGE"
                } else {
                    "TRANSFORM"
                };
                vec![or_replace(&new.create, kw)?]
            }
        }
        // A materialized view's follow-ups (its columns' statistics targets) change alone.
        ObjKind::MaterializedView => same()?,
        ObjKind::Type
        | ObjKind::Domain
        | ObjKind::Function
        | ObjKind::Procedure
        | ObjKind::Aggregate
        | ObjKind::View
        | ObjKind::Trigger
        | ObjKind::Policy => return None,
    };
    out.extend(after(&old.after, &new.after)?);
    Some(out)
}

/// `CREATE OR REPLACE ...` of a canonical `CREATE [TRUSTED] <kw> ...`.
fn or_replace(create: &str, kw: &str) -> Option<String> {
    let rest = create.strip_prefix("CREATE ")?;
    rest.contains(kw)
        .then(|| format!("CREATE OR REPLACE {rest}"))
}

/// `ALTER OPERATOR ... SET (RESTRICT = ..., JOIN = ...)` when nothing else changes.
fn operator(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::DefineStmt(a)), Some(NodeEnum::DefineStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    let items = |d: &protobuf::DefineStmt| -> Vec<(String, String)> {
        d.definition
            .iter()
            .filter_map(|n| match &n.node {
                Some(NodeEnum::DefElem(e)) => Some((
                    e.defname.clone(),
                    e.arg
                        .as_deref()
                        .map(|a| match &a.node {
                            Some(NodeEnum::TypeName(t)) => names_sql(&t.names),
                            Some(NodeEnum::List(l)) => names_sql(&l.items),
                            _ => expr::deparse_expr_raw(a).unwrap_or_default(),
                        })
                        .unwrap_or_default(),
                )),
                _ => None,
            })
            .collect()
    };
    let (x, y) = (items(&a), items(&b));
    let settable = |n: &str| n == "restrict" || n == "join";
    let fixed = |v: &[(String, String)]| {
        v.iter()
            .filter(|(n, _)| !settable(n))
            .cloned()
            .collect::<Vec<_>>()
    };
    if fixed(&x) != fixed(&y) {
        return None;
    }
    let mut parts = Vec::new();
    for name in ["restrict", "join"] {
        let (p, q) = (
            x.iter().find(|(n, _)| n == name),
            y.iter().find(|(n, _)| n == name),
        );
        if p != q {
            parts.push(format!(
                "{} = {}",
                name.to_uppercase(),
                q.map_or("NONE".to_string(), |(_, v)| v.clone())
            ));
        }
    }
    if parts.is_empty() {
        return Some(Vec::new());
    }
    let args = |d: &protobuf::DefineStmt, n: &str| {
        d.definition
            .iter()
            .find_map(|e| match &e.node {
                Some(NodeEnum::DefElem(e)) if e.defname == n => {
                    match e.arg.as_deref().and_then(|a| a.node.as_ref()) {
                        Some(NodeEnum::TypeName(t)) => expr::deparse_stmt(NodeEnum::SelectStmt(
                            Box::new(protobuf::SelectStmt {
                                target_list: vec![Node {
                                    node: Some(NodeEnum::ResTarget(Box::new(
                                        protobuf::ResTarget {
                                            val: Some(Box::new(Node {
                                                node: Some(NodeEnum::TypeCast(Box::new(
                                                    protobuf::TypeCast {
                                                        arg: Some(Box::new(Node {
                                                            node: Some(NodeEnum::AConst(
                                                                protobuf::AConst {
                                                                    isnull: true,
                                                                    ..Default::default()
                                                                },
                                                            )),
                                                        })),
                                                        type_name: Some(t.clone()),
                                                        location: 0,
                                                    },
                                                ))),
                                            })),
                                            ..Default::default()
                                        },
                                    ))),
                                }],
                                limit_option: protobuf::LimitOption::Default as i32,
                                op: protobuf::SetOperation::SetopNone as i32,
                                ..Default::default()
                            }),
                        ))
                        .ok()
                        .map(|s| s.trim_start_matches("SELECT NULL::").to_string()),
                        _ => None,
                    }
                }
                _ => None,
            })
            .unwrap_or_else(|| "NONE".to_string())
    };
    let name = b
        .defnames
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect::<Vec<_>>();
    let op = match name.as_slice() {
        [s, n] => format!("{}.{n}", quote::ident(s)),
        other => other.join("."),
    };
    Some(vec![format!(
        "ALTER OPERATOR {op} ({}, {}) SET ({})",
        args(&b, "leftarg"),
        args(&b, "rightarg"),
        parts.join(", ")
    )])
}

/// `ALTER PUBLICATION p SET (...)` for new options; `FOR ALL TABLES` cannot change.
fn publication(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::CreatePublicationStmt(a)), Some(NodeEnum::CreatePublicationStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    if a.for_all_tables != b.for_all_tables {
        return None;
    }
    if old == new {
        return Some(Vec::new());
    }
    let mut options = b.options.clone();
    let via_root = options.iter().any(|o| matches!(&o.node, Some(NodeEnum::DefElem(d)) if d.defname == "publish_via_partition_root"));
    if !via_root {
        options.push(super::options::setting(
            "publish_via_partition_root",
            "false",
        ));
    }
    let stmt = protobuf::AlterPublicationStmt {
        pubname: b.pubname.clone(),
        options,
        pubobjects: Vec::new(),
        for_all_tables: false,
        action: protobuf::AlterPublicationAction::Undefined as i32,
    };
    expr::deparse_stmt(NodeEnum::AlterPublicationStmt(stmt))
        .ok()
        .map(|s| vec![s])
}

/// ALTER SUBSCRIPTION statements between two canonical CREATE SUBSCRIPTION: the
/// connection, the publications (without refreshing them: that reads the publisher), the
/// settings; `None` where only a new subscription will do (`two_phase`).
fn subscription(old: &str, new: &str) -> Option<Vec<String>> {
    use super::replay::subscription::{publications, settings};
    let (Some(NodeEnum::CreateSubscriptionStmt(a)), Some(NodeEnum::CreateSubscriptionStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    let set = settings(&a).ok()?.set_to(&settings(&b).ok()?)?;
    let alter = |kind: protobuf::AlterSubscriptionType, conninfo: &str, publication, options| {
        expr::deparse_stmt(NodeEnum::AlterSubscriptionStmt(
            protobuf::AlterSubscriptionStmt {
                kind: kind as i32,
                subname: b.subname.clone(),
                conninfo: conninfo.to_string(),
                publication,
                options,
                conninfo_location: 0,
            },
        ))
        .ok()
    };
    use protobuf::AlterSubscriptionType as T;
    let mut out = Vec::new();
    if a.conninfo != b.conninfo {
        out.push(alter(
            T::AlterSubscriptionConnection,
            &b.conninfo,
            Vec::new(),
            Vec::new(),
        )?);
    }
    if publications(&a.publication) != publications(&b.publication) {
        let no_refresh = vec![super::options::setting("refresh", "false")];
        out.push(alter(
            T::AlterSubscriptionSetPublication,
            "",
            b.publication.clone(),
            no_refresh,
        )?);
    }
    if !set.is_empty() {
        out.push(alter(T::AlterSubscriptionOptions, "", Vec::new(), set)?);
    }
    Some(out)
}

/// The replication slot of the subscription a canonical CREATE SUBSCRIPTION makes, if it
/// has one.
pub fn subscription_slot(create: &str) -> Option<String> {
    match parse_one(create) {
        Some(NodeEnum::CreateSubscriptionStmt(s)) => {
            super::replay::subscription::settings(&s).ok()?.slot_name
        }
        _ => None,
    }
}

/// The table a publication member statement adds, if it adds one.
pub fn publication_member_table(sql: &str) -> Option<super::model::QualName> {
    publication_member(sql).map(|(t, _)| t)
}

/// The table of a publication member statement, and whether the member reads columns of it
/// (a column list or a row filter: the server refuses to drop or retype those under it).
pub fn publication_member(sql: &str) -> Option<(super::model::QualName, bool)> {
    let Some(NodeEnum::AlterPublicationStmt(a)) = parse_one(sql) else {
        return None;
    };
    let Some(NodeEnum::PublicationObjSpec(spec)) =
        a.pubobjects.first().and_then(|o| o.node.as_ref())
    else {
        return None;
    };
    let member = spec.pubtable.as_ref()?;
    let rv = member.relation.as_ref()?;
    let reads = !member.columns.is_empty() || member.where_clause.is_some();
    Some((
        super::model::QualName::new(rv.schemaname.clone(), rv.relname.clone()),
        reads,
    ))
}

/// A type as written in canonical text (names dotted, `[]` for arrays), for keys.
fn type_text(t: &protobuf::TypeName) -> String {
    let mut s = t
        .names
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(".");
    for _ in &t.array_bounds {
        s.push_str("[]");
    }
    s
}

/// `OPERATOR 1 (int4, int4)` / `FUNCTION 1 (int4, int4)`: the place an operator class or
/// family item fills.
pub(crate) fn item_slot(ci: &protobuf::CreateOpClassItem) -> String {
    let kind = match ci.itemtype {
        1 => "OPERATOR",
        2 => "FUNCTION",
        _ => "STORAGE",
    };
    let types = |v: &[Node]| {
        v.iter()
            .map(|n| match &n.node {
                Some(NodeEnum::TypeName(t)) => type_text(t),
                _ => "NONE".to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let args = if ci.itemtype == 1 && ci.class_args.is_empty() {
        ci.name
            .as_ref()
            .map(|o| types(&o.objargs))
            .unwrap_or_default()
    } else {
        types(&ci.class_args)
    };
    format!("{kind} {} ({args})", ci.number)
}

/// The place a family member statement (`ALTER OPERATOR FAMILY ... ADD item`) fills.
pub(crate) fn family_member_slot(sql: &str) -> Option<String> {
    let Some(NodeEnum::AlterOpFamilyStmt(a)) = parse_one(sql) else {
        return None;
    };
    match a.items.first().and_then(|i| i.node.as_ref()) {
        Some(NodeEnum::CreateOpClassItem(ci)) => Some(item_slot(ci)),
        _ => None,
    }
}

/// Quoted dotted name from a list of String nodes.
fn names_sql(names: &[Node]) -> String {
    names
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(quote::ident(&s.sval)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The named function items (`handler`, `validator`) of a DefElem list, as SQL.
fn func_item(items: &[Node], name: &str) -> Option<String> {
    items.iter().find_map(|o| match &o.node {
        Some(NodeEnum::DefElem(d)) if d.defname == name => {
            match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::List(l)) => Some(names_sql(&l.items)),
                _ => None,
            }
        }
        _ => None,
    })
}

/// `ALTER FOREIGN DATA WRAPPER`: handler, validator and options all change in place.
fn fdw(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::CreateFdwStmt(a)), Some(NodeEnum::CreateFdwStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    let mut parts = Vec::new();
    for (item, kw) in [("handler", "HANDLER"), ("validator", "VALIDATOR")] {
        let (x, y) = (
            func_item(&a.func_options, item),
            func_item(&b.func_options, item),
        );
        if x != y {
            parts.push(y.map_or(format!("NO {kw}"), |f| format!("{kw} {f}")));
        }
    }
    parts.extend(options::change(
        &options::from_nodes(&a.options).0,
        &options::from_nodes(&b.options).0,
    ));
    Some(if parts.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "ALTER FOREIGN DATA WRAPPER {} {}",
            quote::ident(&b.fdwname),
            parts.join(" ")
        )]
    })
}

/// `ALTER SERVER ... VERSION / OPTIONS`; a new type or wrapper needs a new server.
fn server(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::CreateForeignServerStmt(a)), Some(NodeEnum::CreateForeignServerStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    if a.servertype != b.servertype || a.fdwname != b.fdwname {
        return None;
    }
    let mut parts = Vec::new();
    if a.version != b.version {
        parts.push(if b.version.is_empty() {
            "VERSION NULL".to_string()
        } else {
            format!("VERSION {}", quote::literal(&b.version))
        });
    }
    parts.extend(options::change(
        &options::from_nodes(&a.options).0,
        &options::from_nodes(&b.options).0,
    ));
    Some(if parts.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "ALTER SERVER {} {}",
            quote::ident(&b.servername),
            parts.join(" ")
        )]
    })
}

/// `ALTER USER MAPPING ... OPTIONS`.
fn user_mapping(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::CreateUserMappingStmt(a)), Some(NodeEnum::CreateUserMappingStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    if a.user != b.user || a.servername != b.servername {
        return None;
    }
    let items = options::change_nodes(
        &options::from_nodes(&a.options).0,
        &options::from_nodes(&b.options).0,
    );
    if items.is_empty() {
        return Some(Vec::new());
    }
    let stmt = protobuf::AlterUserMappingStmt {
        user: b.user.clone(),
        servername: b.servername.clone(),
        options: items,
    };
    expr::deparse_stmt(NodeEnum::AlterUserMappingStmt(stmt))
        .ok()
        .map(|s| vec![s])
}

/// Statements turning the follow-up statements `old` into `new`: each follow-up fills a slot
/// (a text search mapping per token, a publication member, an enable state, ...); slots that
/// go are undone, changed ones set again, new ones added. `None` when a follow-up is not
/// understood.
pub fn after(old: &[String], new: &[String]) -> Option<Vec<String>> {
    if old == new {
        return Some(Vec::new());
    }
    let slots = |v: &[String]| -> Option<Vec<(String, Slot, String)>> {
        v.iter()
            .map(|s| slot(s).map(|x| (x.0, x.1, s.clone())))
            .collect()
    };
    let (a, b) = (slots(old)?, slots(new)?);
    let mut undo = Vec::new();
    let mut set = Vec::new();
    for (key, sl, sql) in &a {
        match b.iter().find(|(k, _, _)| k == key) {
            None => undo.extend(sl.undo.clone()),
            Some((_, nsl, nsql)) if nsql != sql => match &nsl.replace {
                Some(r) => set.push(r.clone()),
                None => {
                    undo.extend(sl.undo.clone());
                    set.push(nsql.clone());
                }
            },
            Some(_) => {}
        }
    }
    for (key, _, sql) in &b {
        if !a.iter().any(|(k, _, _)| k == key) {
            set.push(sql.clone());
        }
    }
    undo.extend(set);
    Some(undo)
}

/// What a follow-up statement fills, and how to empty it.
struct Slot {
    /// The statement that empties the slot (none when nothing needs to: a state statement
    /// is simply set to the new state).
    undo: Option<String>,
    /// The statement that sets the slot when it changes, if not the follow-up itself after
    /// the undo.
    replace: Option<String>,
}

/// The slot of a follow-up statement: its key and how to undo or replace it.
fn slot(sql: &str) -> Option<(String, Slot)> {
    let node = parse_one(sql)?;
    let deparse = |n: NodeEnum| expr::deparse_stmt(n).ok();
    #[allow(clippy::wildcard_enum_match_arm)]
    match node {
        NodeEnum::AlterTsconfigurationStmt(a) => {
            let tokens: Vec<String> = a
                .tokentype
                .iter()
                .filter_map(|t| match &t.node {
                    Some(NodeEnum::String(s)) => Some(s.sval.clone()),
                    _ => None,
                })
                .collect();
            let mut drop = a.clone();
            drop.kind = protobuf::AlterTsConfigType::AlterTsconfigDropMapping as i32;
            drop.dicts.clear();
            let mut alter = a.clone();
            alter.kind = protobuf::AlterTsConfigType::AlterTsconfigAlterMappingForToken as i32;
            Some((
                format!("mapping {}", tokens.join(",")),
                Slot {
                    undo: deparse(NodeEnum::AlterTsconfigurationStmt(drop)),
                    replace: deparse(NodeEnum::AlterTsconfigurationStmt(alter)),
                },
            ))
        }
        NodeEnum::AlterPublicationStmt(a) => {
            // One member per statement: a table (its column list and filter are part of the
            // member, so a change drops and adds it) or a schema.
            let member = a.pubobjects.first()?;
            let Some(NodeEnum::PublicationObjSpec(spec)) = &member.node else {
                return None;
            };
            let key = match &spec.pubtable {
                Some(t) => {
                    let rv = t.relation.as_ref()?;
                    format!("member table {}.{}", rv.schemaname, rv.relname)
                }
                None => format!("member schema {}", spec.name),
            };
            let mut drop = a.clone();
            drop.action = protobuf::AlterPublicationAction::ApDropObjects as i32;
            for o in &mut drop.pubobjects {
                if let Some(NodeEnum::PublicationObjSpec(sp)) = o.node.as_mut() {
                    if let Some(t) = sp.pubtable.as_mut() {
                        t.columns.clear();
                        t.where_clause = None;
                    }
                }
            }
            Some((
                key,
                Slot {
                    undo: deparse(NodeEnum::AlterPublicationStmt(drop)),
                    replace: None,
                },
            ))
        }
        NodeEnum::AlterOpFamilyStmt(a) => {
            let Some(NodeEnum::CreateOpClassItem(ci)) =
                a.items.first().and_then(|i| i.node.as_ref())
            else {
                return None;
            };
            let key = format!("member {}", item_slot(ci));
            let mut drop = a.clone();
            drop.is_drop = true;
            for it in &mut drop.items {
                if let Some(NodeEnum::CreateOpClassItem(ci)) = it.node.as_mut() {
                    // DROP OPERATOR n (types) / DROP FUNCTION n (types): no names.
                    if ci.itemtype == 1 && ci.class_args.is_empty() {
                        ci.class_args = ci
                            .name
                            .as_ref()
                            .map(|o| o.objargs.clone())
                            .unwrap_or_default();
                    }
                    ci.name = None;
                    ci.order_family.clear();
                }
            }
            Some((
                key,
                Slot {
                    undo: deparse(NodeEnum::AlterOpFamilyStmt(drop)),
                    replace: None,
                },
            ))
        }
        NodeEnum::AlterStatsStmt(a) => {
            let mut reset = a.clone();
            reset.stxstattarget = Some(Box::new(Node {
                node: Some(NodeEnum::Integer(protobuf::Integer { ival: -1 })),
            }));
            Some((
                "statistics target".into(),
                Slot {
                    undo: deparse(NodeEnum::AlterStatsStmt(reset)),
                    replace: Some(sql.to_string()),
                },
            ))
        }
        NodeEnum::AlterEventTrigStmt(a) => {
            let mut enable = a.clone();
            enable.tgenabled = "O".into();
            Some((
                "state".into(),
                Slot {
                    undo: deparse(NodeEnum::AlterEventTrigStmt(enable)),
                    replace: Some(sql.to_string()),
                },
            ))
        }
        NodeEnum::AlterTableStmt(a) => {
            // ENABLE / DISABLE RULE: the rule's state.
            let Some(NodeEnum::AlterTableCmd(c)) = a.cmds.first().and_then(|c| c.node.as_ref())
            else {
                return None;
            };
            use protobuf::AlterTableType as T;
            match T::try_from(c.subtype).ok()? {
                // A materialized view column's statistics target.
                T::AtSetStatistics => {
                    let mut reset = a.clone();
                    if let Some(NodeEnum::AlterTableCmd(rc)) =
                        reset.cmds.first_mut().and_then(|c| c.node.as_mut())
                    {
                        rc.def = Some(Box::new(Node {
                            node: Some(NodeEnum::Integer(protobuf::Integer { ival: -1 })),
                        }));
                    }
                    Some((
                        format!("statistics target of {}", c.name),
                        Slot {
                            undo: deparse(NodeEnum::AlterTableStmt(reset)),
                            replace: Some(sql.to_string()),
                        },
                    ))
                }
                T::AtEnableRule
                | T::AtEnableAlwaysRule
                | T::AtEnableReplicaRule
                | T::AtDisableRule => {
                    let mut enable = a.clone();
                    if let Some(NodeEnum::AlterTableCmd(ec)) =
                        enable.cmds.first_mut().and_then(|c| c.node.as_mut())
                    {
                        ec.subtype = T::AtEnableRule as i32;
                    }
                    Some((
                        "rule state".into(),
                        Slot {
                            undo: deparse(NodeEnum::AlterTableStmt(enable)),
                            replace: Some(sql.to_string()),
                        },
                    ))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `ALTER TEXT SEARCH DICTIONARY d (...)` turning dictionary `old` into `new` (same
/// template). An option named alone is removed, one with a value replaces the one of its
/// name at the end of the list: options `new` keeps in front, in their order and with their
/// values, stay; the rest are removed and the others of `new` set, in order.
fn ts_dictionary(old: &str, new: &str) -> Option<Vec<String>> {
    let (Some(NodeEnum::DefineStmt(a)), Some(NodeEnum::DefineStmt(b))) =
        (parse_one(old), parse_one(new))
    else {
        return None;
    };
    let items = |d: &protobuf::DefineStmt| -> Vec<(String, String)> {
        d.definition
            .iter()
            .filter_map(|n| match &n.node {
                Some(NodeEnum::DefElem(e)) => {
                    let v = match e.arg.as_deref().and_then(|x| x.node.as_ref()) {
                        Some(NodeEnum::String(s)) => s.sval.clone(),
                        Some(NodeEnum::TypeName(t)) => names_sql(&t.names),
                        _ => expr::deparse_expr_raw(e.arg.as_deref()?).unwrap_or_default(),
                    };
                    Some((e.defname.clone(), v))
                }
                _ => None,
            })
            .collect()
    };
    let (x, y) = (items(&a), items(&b));
    // The template comes first and cannot change.
    if x.first() != y.first() || x.first().is_none_or(|(n, _)| n != "template") {
        return None;
    }
    let (Some((_, x)), Some((_, y))) = (x.split_first(), y.split_first()) else {
        return None;
    };
    if x == y {
        return Some(Vec::new());
    }
    // The longest front of `y` found in `x` in order.
    let mut kept = 0;
    let mut at = 0;
    for item in y {
        match x
            .get(at..)
            .and_then(|rest| rest.iter().position(|i| i == item))
        {
            Some(p) => {
                at += p + 1;
                kept += 1;
            }
            None => break,
        }
    }
    // The kept ones are not mentioned; every other option of `x` is, removed by name alone
    // or set again with the rest of `y`, in order.
    let (front, rest) = y.split_at_checked(kept)?;
    let mut parts = Vec::new();
    for (n, _) in x {
        if !front.iter().any(|(f, _)| f == n) && !rest.iter().any(|(f, _)| f == n) {
            parts.push(quote::ident(n));
        }
    }
    for (n, v) in rest {
        parts.push(format!("{} = {}", quote::ident(n), quote::literal(v)));
    }
    let mut name = b.defnames.iter().filter_map(|n| match &n.node {
        Some(NodeEnum::String(s)) => Some(quote::ident(&s.sval)),
        _ => None,
    });
    let name = [name.next(), name.next()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(".");
    Some(vec![format!(
        "ALTER TEXT SEARCH DICTIONARY {name} ({})",
        parts.join(", ")
    )])
}

#[cfg(test)]
mod tests {
    #[test]
    fn views_replace_in_place_when_old_columns_stay() {
        let a = "CREATE VIEW public.v AS SELECT t.a, t.b AS x FROM public.t";
        assert!(super::view_replaceable(
            a,
            "CREATE VIEW public.v AS SELECT t.a, t.b AS x, t.c FROM public.t WHERE t.a > 1"
        ));
        assert!(!super::view_replaceable(
            a,
            "CREATE VIEW public.v AS SELECT t.b AS x, t.a FROM public.t"
        ));
        assert!(!super::view_replaceable(
            a,
            "CREATE VIEW public.v AS SELECT t.a FROM public.t"
        ));
        assert!(!super::view_replaceable(
            a,
            "CREATE VIEW public.v AS SELECT t.a, t.b || 'x' AS x FROM public.t"
        ));
    }

    #[test]
    fn policy_alters_in_place_only_what_alter_policy_can_change() {
        let a = "CREATE POLICY p ON public.t FOR SELECT TO PUBLIC USING (a > 1)";
        let b = "CREATE POLICY p ON public.t FOR SELECT TO app USING (a > 2)";
        assert_eq!(
            super::policy(a, b).as_deref(),
            Some("ALTER POLICY p ON public.t TO app USING (a > 2)")
        );
        let c = "CREATE POLICY p ON public.t FOR UPDATE TO PUBLIC USING (a > 1)";
        assert_eq!(super::policy(a, c), None);
    }
}
