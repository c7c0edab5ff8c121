//! The less common generic kinds (foreign data, text search, operators and their classes
//! and families, casts, conversions, collations, statistics, publications, event triggers,
//! rules, access methods, languages, transforms): their canonical form, and the names they
//! need that the generic walk over expressions does not see.

use pg_query::protobuf::{self, AlterTableType, Node};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::emit::quote;
use crate::syntax::Stmt;

/// Why the server refuses a CREATE statement of one of these kinds whatever the catalog
/// holds, if it does: a conversion between encodings it does not know (an empty name among
/// them, which the deparser could not print either).
pub(super) fn refused(node: &NodeEnum) -> Option<String> {
    let NodeEnum::CreateConversionStmt(c) = node else {
        return None;
    };
    [
        ("source", &c.for_encoding_name),
        ("destination", &c.to_encoding_name),
    ]
    .into_iter()
    .find(|(_, name)| crate::input::canonical_encoding(name).is_none())
    .map(|(which, name)| format!("{which} encoding \"{name}\" does not exist"))
}

/// Puts a CREATE statement of one of these kinds in canonical form, in place: options in
/// one order, names qualified, defaults left out. Returns the follow-up statements the
/// CREATE implies (a copied text search configuration's mappings), or what could not be
/// resolved.
pub(super) fn canonicalize(
    node: &mut NodeEnum,
    key: &ObjKey,
    r: &Resolver,
) -> Result<Vec<String>, String> {
    super::foreign::canonicalize(node, r);
    #[allow(clippy::wildcard_enum_match_arm)]
    match node {
        NodeEnum::DefineStmt(d) => {
            d.if_not_exists = false;
            match key.kind {
                ObjKind::Operator => super::operator::canonical_operator(d, key, r),
                ObjKind::Collation => return canonical_collation(d, r).map(|_| Vec::new()),
                ObjKind::Aggregate => super::aggregate::canonical(d, r),
                ObjKind::Type => super::basetype::canonical(d, r),
                _ => {}
            }
            super::textsearch::canonicalize(d, key.kind, r);
            if key.kind == ObjKind::TextSearchConfiguration {
                return super::textsearch::resolve_copy(
                    d,
                    &QualName::new(key.schema.clone(), key.name.clone()),
                    r,
                );
            }
        }
        NodeEnum::CreatePublicationStmt(p) => return super::publication::canonicalize(p, r),
        NodeEnum::CreateSubscriptionStmt(s) => return super::subscription::canonical(s),
        NodeEnum::CreateOpClassStmt(c) => super::operator::canonical_opclass(c, key, r),
        NodeEnum::CreateCastStmt(c) => super::operator::canonical_cast(c, r),
        NodeEnum::CreateConversionStmt(c) => {
            c.func_name = super::foreign::function_name(&c.func_name, r);
            for name in [&mut c.for_encoding_name, &mut c.to_encoding_name] {
                *name = crate::input::canonical_encoding(name)
                    .map_or_else(|| name.to_uppercase(), str::to_string);
            }
        }
        NodeEnum::CreateAmStmt(a) => {
            a.handler_name = super::foreign::function_name(&a.handler_name, r)
        }
        NodeEnum::CreatePlangStmt(p) => {
            p.replace = false;
            for f in [&mut p.plhandler, &mut p.plinline, &mut p.plvalidator] {
                *f = super::foreign::function_name(f, r);
            }
        }
        NodeEnum::CreateTransformStmt(t) => {
            t.replace = false;
            if let Some(tn) = t.type_name.as_mut() {
                crate::catalog::expr::normalize_type_name(tn, r);
            }
            for f in [t.fromsql.as_mut(), t.tosql.as_mut()].into_iter().flatten() {
                f.objname = super::foreign::function_name(&f.objname, r);
                for a in &mut f.objargs {
                    if let Some(NodeEnum::TypeName(tn)) = a.node.as_mut() {
                        crate::catalog::expr::normalize_type_name(tn, r);
                    }
                }
                f.objfuncargs.clear();
            }
        }
        NodeEnum::CreateStatsStmt(st) => canonical_statistics(st, r),
        NodeEnum::CreateRangeStmt(rs) => super::range::canonical(rs, key, r),
        NodeEnum::CreateEventTrigStmt(e) => {
            e.funcname = super::foreign::function_name(&e.funcname, r);
            for w in &mut e.whenclause {
                if let Some(NodeEnum::DefElem(d)) = w.node.as_mut() {
                    d.location = 0;
                    if let Some(NodeEnum::List(l)) =
                        d.arg.as_deref_mut().and_then(|a| a.node.as_mut())
                    {
                        for t in &mut l.items {
                            if let Some(NodeEnum::String(s)) = t.node.as_mut() {
                                // The server stores command tags in upper case.
                                s.sval = s.sval.to_uppercase();
                            }
                        }
                    }
                }
            }
        }
        // The other statements are canonical as parsed (names are qualified by the walk).
        _ => {}
    }
    Ok(Vec::new())
}

/// Operators and functions named by operator class / family items (qualified ones: the
/// builtins are not in the catalog).
fn item_refs(items: &[Node]) -> Vec<QualName> {
    let mut out = Vec::new();
    for it in items {
        if let Some(NodeEnum::CreateOpClassItem(ci)) = &it.node {
            if let Some(o) = &ci.name {
                if let [s, n] = super::name_list(&o.objname).as_slice() {
                    out.push(QualName::new(s.clone(), n.clone()));
                }
            }
        }
    }
    out
}

/// Canonical CREATE STATISTICS: no kind list when it names every kind (the default), kinds
/// in the server's order otherwise; plain columns in table order (the server keeps them so),
/// expressions after them.
fn canonical_statistics(st: &mut protobuf::CreateStatsStmt, r: &Resolver) {
    st.if_not_exists = false;
    st.stxcomment.clear();
    const KINDS: [&str; 3] = ["ndistinct", "dependencies", "mcv"];
    let kinds: Vec<String> = super::name_list(&st.stat_types)
        .iter()
        .map(|k| k.to_lowercase())
        .collect();
    st.stat_types = if KINDS.iter().all(|k| kinds.iter().any(|x| x == k)) {
        Vec::new()
    } else {
        KINDS
            .iter()
            .filter(|k| kinds.iter().any(|x| x == *k))
            .map(|k| str_node(k))
            .collect()
    };
    let table = st.relations.first().and_then(|n| match &n.node {
        Some(NodeEnum::RangeVar(rv)) => Some(r.relation(&rv.schemaname, &rv.relname)),
        _ => None,
    });
    let columns: Vec<String> = table
        .and_then(|t| r.catalog.tables.get(&t))
        .map(|t| t.columns.iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default();
    let rank = |n: &Node| match &n.node {
        Some(NodeEnum::StatsElem(e)) if e.expr.is_none() => columns
            .iter()
            .position(|c| *c == e.name)
            .unwrap_or(columns.len()),
        _ => usize::MAX,
    };
    st.exprs.sort_by_key(rank);
}

/// Canonical CREATE COLLATION, as pg_dump prints it: `provider`, `deterministic` when
/// false, then `locale` when collate and ctype agree (`lc_collate` and `lc_ctype`
/// otherwise); `FROM other` becomes other's definition; `version` is left out (the server
/// records the library's).
fn canonical_collation(d: &mut protobuf::DefineStmt, r: &Resolver) -> Result<(), String> {
    let mut provider = "libc".to_string();
    let (mut collate, mut ctype, mut deterministic) = (None::<String>, None::<String>, true);
    for n in &d.definition {
        let Some(NodeEnum::DefElem(e)) = &n.node else {
            continue;
        };
        let value = || {
            e.arg
                .as_deref()
                .and_then(super::node_string)
                .unwrap_or_default()
        };
        match e.defname.to_lowercase().as_str() {
            "provider" => provider = value().to_lowercase(),
            "locale" => {
                collate = Some(value());
                ctype = Some(value());
            }
            "lc_collate" => collate = Some(value()),
            "lc_ctype" => ctype = Some(value()),
            "deterministic" => {
                deterministic = !matches!(
                    value().to_lowercase().as_str(),
                    "false" | "off" | "0" | "no"
                )
            }
            "from" => {
                let parts = match e.arg.as_deref().and_then(|a| a.node.as_ref()) {
                    Some(NodeEnum::List(l)) => super::name_list(&l.items),
                    Some(NodeEnum::TypeName(t)) => super::name_list(&t.names),
                    _ => vec![value()],
                };
                let source = collation_source(&parts, r).ok_or_else(|| {
                    format!("collation {} to copy is not known offline", parts.join("."))
                })?;
                provider = source.0;
                collate = Some(source.1.clone());
                ctype = Some(source.2.clone());
                deterministic = source.3;
            }
            _ => {}
        }
    }
    let elem = |name: &str, arg: Node| Node {
        node: Some(NodeEnum::DefElem(Box::new(protobuf::DefElem {
            defname: name.into(),
            arg: Some(Box::new(arg)),
            defaction: protobuf::DefElemAction::DefelemUnspec as i32,
            ..Default::default()
        }))),
    };
    let ident = |v: &str| Node {
        node: Some(NodeEnum::TypeName(protobuf::TypeName {
            names: vec![str_node(v)],
            typemod: -1,
            ..Default::default()
        })),
    };
    let mut def = vec![elem("provider", ident(&provider))];
    if !deterministic {
        def.push(elem("deterministic", str_node("false")));
    }
    match (collate, ctype) {
        (Some(a), Some(b)) if a == b => def.push(elem("locale", str_node(&a))),
        (a, b) => {
            def.extend(a.map(|a| elem("lc_collate", str_node(&a))));
            def.extend(b.map(|b| elem("lc_ctype", str_node(&b))));
        }
    }
    d.definition = def;
    Ok(())
}

/// What `CREATE COLLATION x FROM source` copies: provider, collate, ctype, deterministic.
/// A user collation from the catalog; the builtin `C`, `POSIX` and `ucs_basic`; ICU
/// collations (`<locale>-x-icu`); other names are the operating system's locales.
fn collation_source(parts: &[String], r: &Resolver) -> Option<(String, String, String, bool)> {
    let (schema, name) = match parts {
        [s, n] => (Some(s.clone()), n.clone()),
        [n] => (in_path(r, ObjKind::Collation, n), n.clone()),
        _ => return None,
    };
    if let Some(s) = schema.filter(|s| s != "pg_catalog") {
        let o = r.catalog.objects.get(&ObjKey {
            kind: ObjKind::Collation,
            schema: s,
            name,
            sub: String::new(),
        })?;
        let Some(NodeEnum::DefineStmt(d)) = crate::catalog::alter::parse_one(&o.create) else {
            return None;
        };
        let mut out = ("libc".to_string(), String::new(), String::new(), true);
        for n in &d.definition {
            let Some(NodeEnum::DefElem(e)) = &n.node else {
                continue;
            };
            let v = e
                .arg
                .as_deref()
                .and_then(super::node_string)
                .unwrap_or_default();
            match e.defname.as_str() {
                "provider" => out.0 = v,
                "locale" => {
                    out.1 = v.clone();
                    out.2 = v;
                }
                "lc_collate" => out.1 = v,
                "lc_ctype" => out.2 = v,
                "deterministic" => out.3 = v != "false",
                _ => {}
            }
        }
        return Some(out);
    }
    let libc = |l: &str| Some(("libc".to_string(), l.to_string(), l.to_string(), true));
    match name.as_str() {
        "default" => None,
        "C" | "ucs_basic" => libc("C"),
        "POSIX" => libc("POSIX"),
        n => match n.strip_suffix("-x-icu") {
            Some(l) => Some(("icu".to_string(), l.to_string(), l.to_string(), true)),
            None => libc(n),
        },
    }
}

fn str_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(protobuf::String {
            sval: s.to_string(),
        })),
    }
}

/// What an object of these kinds needs beyond what `expr::references` finds: hard
/// dependencies (the server records them) and soft ones (they order creation only).
pub(super) fn references(
    node: &NodeEnum,
    after: &[String],
    r: &Resolver,
) -> (Vec<QualName>, Vec<QualName>) {
    let _ = r;
    let mut hard = Vec::new();
    let mut soft = Vec::new();
    let global = |name: &str| QualName::new("", name);
    let func = |names: &[Node]| -> Option<QualName> {
        match super::name_list(names).as_slice() {
            [s, n] => Some(QualName::new(s.clone(), n.clone())),
            _ => None,
        }
    };
    #[allow(clippy::wildcard_enum_match_arm)]
    match node {
        NodeEnum::CreateFdwStmt(f) => {
            for o in &f.func_options {
                if let Some(NodeEnum::DefElem(d)) = &o.node {
                    if let Some(NodeEnum::List(l)) = d.arg.as_deref().and_then(|a| a.node.as_ref())
                    {
                        hard.extend(func(&l.items));
                    }
                }
            }
        }
        NodeEnum::CreateForeignServerStmt(s) => hard.push(global(&s.fdwname)),
        NodeEnum::CreateUserMappingStmt(u) => hard.push(global(&u.servername)),
        NodeEnum::CreateEventTrigStmt(e) => hard.extend(func(&e.funcname)),
        NodeEnum::CreateOpClassStmt(c) => {
            hard.extend(func(&c.opfamilyname));
            hard.extend(
                c.datatype
                    .as_ref()
                    .and_then(|t| func(&t.names))
                    .filter(|q| q.schema != "pg_catalog"),
            );
            hard.extend(item_refs(&c.items));
        }
        NodeEnum::CreateCastStmt(c) => {
            for t in [&c.sourcetype, &c.targettype].into_iter().flatten() {
                hard.extend(func(&t.names).filter(|q| q.schema != "pg_catalog"));
            }
            hard.extend(c.func.as_ref().and_then(|f| func(&f.objname)));
        }
        NodeEnum::CreateConversionStmt(c) => hard.extend(func(&c.func_name)),
        NodeEnum::CreateRangeStmt(rs) => hard.extend(super::range::references(rs)),
        NodeEnum::CreateAmStmt(a) => hard.extend(func(&a.handler_name)),
        NodeEnum::CreatePlangStmt(p) => {
            for f in [&p.plhandler, &p.plinline, &p.plvalidator] {
                hard.extend(func(f));
            }
        }
        NodeEnum::CreateTransformStmt(t) => {
            hard.extend(
                t.type_name
                    .as_ref()
                    .and_then(|t| func(&t.names))
                    .filter(|q| q.schema != "pg_catalog"),
            );
            hard.push(global(&t.lang));
            for f in [&t.fromsql, &t.tosql].into_iter().flatten() {
                hard.extend(func(&f.objname));
            }
        }
        NodeEnum::DefineStmt(d) => {
            // Functions, types, templates and parsers named in the definition (an operator's
            // COMMUTATOR / NEGATOR are links the server keeps up itself, not dependencies).
            for item in &d.definition {
                if let Some(NodeEnum::DefElem(e)) = &item.node {
                    if let Some(NodeEnum::TypeName(t)) =
                        e.arg.as_deref().and_then(|a| a.node.as_ref())
                    {
                        hard.extend(func(&t.names).filter(|q| q.schema != "pg_catalog"));
                    }
                }
            }
            if d.kind == protobuf::ObjectType::ObjectAggregate as i32 {
                hard.extend(super::aggregate::references(d));
            }
        }
        // The other statements name what they need where `expr::references` looks.
        _ => {}
    }
    for stmt in after {
        #[allow(clippy::wildcard_enum_match_arm)]
        match crate::catalog::alter::parse_one(stmt) {
            Some(NodeEnum::AlterTsconfigurationStmt(a)) => {
                for d in &a.dicts {
                    if let Some(NodeEnum::List(l)) = &d.node {
                        hard.extend(func(&l.items));
                    }
                }
            }
            Some(NodeEnum::AlterOpFamilyStmt(a)) => hard.extend(item_refs(&a.items)),
            // Other follow-ups name nothing the object needs.
            _ => {}
        }
    }
    if matches!(node, NodeEnum::CreatePublicationStmt(_)) {
        soft.extend(super::publication::member_names(after));
    }
    hard.sort();
    hard.dedup();
    (hard, soft)
}

impl Replay {
    /// Replaces an object's follow-up statements (and what it needs, which they name).
    pub(super) fn set_after(&mut self, stmt: &Stmt, key: &ObjKey, after: Vec<String>) {
        if let Some(o) = self.catalog.objects.get_mut(key) {
            o.after = after;
        }
        self.edit_object(stmt, key, |_, _| Ok(()));
    }
}

impl Replay {
    /// `ALTER STATISTICS s SET STATISTICS n` (`-1` / DEFAULT: back to the column targets).
    pub(super) fn alter_statistics(&mut self, stmt: &Stmt, s: &protobuf::AlterStatsStmt) {
        let r = self.resolver();
        let q = match super::name_list(&s.defnames).as_slice() {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => QualName::new(
                in_path(&r, ObjKind::Statistics, n).unwrap_or_else(|| r.creation_schema()),
                n.clone(),
            ),
            other => QualName::new("", other.join(".")),
        };
        let key = ObjKey {
            kind: ObjKind::Statistics,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        if !self.catalog.objects.contains_key(&key) {
            if !s.missing_ok {
                self.warn(
                    stmt,
                    format!("statistics object {} does not exist", q.sql()),
                );
            }
            return;
        }
        let target = s
            .stxstattarget
            .as_deref()
            .and_then(super::node_string)
            .and_then(|v| v.parse::<i32>().ok())
            .unwrap_or(-1);
        let after = if target >= 0 {
            vec![format!(
                "ALTER STATISTICS {} SET STATISTICS {target}",
                q.sql()
            )]
        } else {
            Vec::new()
        };
        self.set_after(stmt, &key, after);
    }

    /// `ALTER EVENT TRIGGER t ENABLE [REPLICA | ALWAYS] | DISABLE`.
    pub(super) fn alter_event_trigger(&mut self, stmt: &Stmt, s: &protobuf::AlterEventTrigStmt) {
        let key = ObjKey {
            kind: ObjKind::EventTrigger,
            schema: String::new(),
            name: s.trigname.clone(),
            sub: String::new(),
        };
        let state = match s.tgenabled.as_str() {
            "O" => None,
            "D" => Some("DISABLE"),
            "R" => Some("ENABLE REPLICA"),
            "A" => Some("ENABLE ALWAYS"),
            other => {
                self.unsupported(stmt, &format!("ALTER EVENT TRIGGER state {other:?}"));
                return;
            }
        };
        if !self.catalog.objects.contains_key(&key) {
            self.warn(stmt, format!("event trigger {} does not exist", s.trigname));
            return;
        }
        let after = state
            .map(|st| format!("ALTER EVENT TRIGGER {} {st}", quote::ident(&s.trigname)))
            .into_iter()
            .collect();
        self.set_after(stmt, &key, after);
    }

    /// `ALTER TABLE t ENABLE [REPLICA | ALWAYS] RULE r | DISABLE RULE r`.
    pub(super) fn set_rule_state(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        subtype: AlterTableType,
        rule: &str,
    ) {
        let states = [
            (AlterTableType::AtEnableRule, None),
            (AlterTableType::AtEnableAlwaysRule, Some("ENABLE ALWAYS")),
            (AlterTableType::AtEnableReplicaRule, Some("ENABLE REPLICA")),
            (AlterTableType::AtDisableRule, Some("DISABLE")),
        ];
        let Some(&(_, state)) = states.iter().find(|(t, _)| *t == subtype) else {
            self.unsupported(stmt, &format!("rule state {}", subtype.as_str_name()));
            return;
        };
        let key = ObjKey {
            kind: ObjKind::Rule,
            schema: table.schema.clone(),
            name: rule.to_string(),
            sub: table.name.clone(),
        };
        if !self.catalog.objects.contains_key(&key) {
            self.warn(
                stmt,
                format!("rule {rule} on {} does not exist", table.sql()),
            );
            return;
        }
        let after = state
            .map(|st| {
                format!(
                    "ALTER TABLE {} {st} RULE {}",
                    table.sql(),
                    quote::ident(rule)
                )
            })
            .into_iter()
            .collect();
        self.set_after(stmt, &key, after);
    }
}

/// The schema of the path where an object of `kind` named `name` with sub-part `sub`
/// (an operator class's or family's access method) exists.
pub(super) fn in_path_sub(r: &Resolver, kind: ObjKind, name: &str, sub: &str) -> Option<String> {
    r.search_path
        .iter()
        .filter(|s| s.as_str() != "pg_catalog")
        .find(|s| {
            r.catalog.objects.contains_key(&ObjKey {
                kind,
                schema: s.to_string(),
                name: name.to_string(),
                sub: sub.to_string(),
            })
        })
        .cloned()
}

/// The key of an object of these kinds named by a DROP / COMMENT reference; `None` for other
/// kinds (see `generic_key`).
pub(super) fn key_of(
    kind: protobuf::ObjectType,
    node: Option<&NodeEnum>,
    r: &Resolver,
) -> Option<Option<ObjKey>> {
    use protobuf::ObjectType as O;
    let list = |n: Option<&NodeEnum>| match n {
        Some(NodeEnum::List(l)) => l.items.clone(),
        _ => Vec::new(),
    };
    let type_of = |n: &Node| match &n.node {
        Some(NodeEnum::TypeName(t)) => Some(crate::catalog::types::type_sql(t, r)),
        _ => None,
    };
    if !matches!(
        kind,
        O::ObjectOperator
            | O::ObjectOpclass
            | O::ObjectOpfamily
            | O::ObjectCast
            | O::ObjectTransform
    ) {
        return None;
    }
    // Only the kinds above reach the match.
    #[allow(clippy::wildcard_enum_match_arm)]
    Some(match kind {
        O::ObjectOperator => match node {
            Some(NodeEnum::ObjectWithArgs(o)) => super::operator::operator_key(o, r),
            _ => None,
        },
        O::ObjectOpclass | O::ObjectOpfamily => {
            // (access method, name parts...)
            let parts = super::name_list(&list(node));
            let k = if kind == O::ObjectOpclass {
                ObjKind::OperatorClass
            } else {
                ObjKind::OperatorFamily
            };
            match parts.as_slice() {
                [am, s, n] => Some(ObjKey {
                    kind: k,
                    schema: s.clone(),
                    name: n.clone(),
                    sub: am.clone(),
                }),
                [am, n] => Some(ObjKey {
                    kind: k,
                    schema: in_path_sub(r, k, n, am).unwrap_or_else(|| r.creation_schema()),
                    name: n.clone(),
                    sub: am.clone(),
                }),
                _ => None,
            }
        }
        O::ObjectCast => match list(node).as_slice() {
            [s, t] => Some(ObjKey {
                kind: ObjKind::Cast,
                schema: String::new(),
                name: type_of(s)?,
                sub: type_of(t)?,
            }),
            _ => None,
        },
        O::ObjectTransform => match list(node).as_slice() {
            [t, l] => Some(ObjKey {
                kind: ObjKind::Transform,
                schema: String::new(),
                name: type_of(t)?,
                sub: super::node_string(l)?,
            }),
            _ => None,
        },
        _ => None,
    })
}

/// The schema of the path where an object of `kind` named `name` (no sub-part) exists.
pub(super) fn in_path(r: &Resolver, kind: ObjKind, name: &str) -> Option<String> {
    r.search_path
        .iter()
        .filter(|s| s.as_str() != "pg_catalog")
        .find(|s| {
            r.catalog.objects.contains_key(&ObjKey {
                kind,
                schema: s.to_string(),
                name: name.to_string(),
                sub: String::new(),
            })
        })
        .cloned()
}

/// The canonical text of a canonical CREATE statement of these kinds: deparsed, with the
/// final touches of `polish`; a range type is printed here (see `range::range_sql`).
// Only a range is printed by hand: every other statement kind goes to the deparser.
#[allow(clippy::wildcard_enum_match_arm)]
pub(super) fn create_sql(node: &NodeEnum, r: &Resolver) -> Result<String, String> {
    match node {
        NodeEnum::CreateRangeStmt(rs) => Ok(super::range::range_sql(rs, r)),
        other => crate::catalog::expr::stmt_sql(other, r).map(|s| polish(other, s)),
    }
}

/// Final touches on canonical text the deparser leaves odd (`'UTF8'FROM` in a conversion).
fn polish(node: &NodeEnum, text: String) -> String {
    if matches!(node, NodeEnum::CreateConversionStmt(_)) {
        return text.replacen("'FROM ", "' FROM ", 1);
    }
    text
}

impl Replay {
    /// What follows the creation of an object of these kinds: an operator's links to its
    /// commutator and negator, an operator class's implied family.
    pub(super) fn after_create(&mut self, pos: Pos, stmt: &Stmt, key: &ObjKey) {
        if key.kind == ObjKind::Operator {
            self.link_operator(stmt, key);
        }
        if matches!(&*stmt.node, NodeEnum::CreateOpClassStmt(c) if c.opfamilyname.is_empty()) {
            self.class_family(pos, stmt, key);
        }
    }
}

impl Replay {
    /// `CLUSTER t USING i` marks `i` as the table's clustering index (as `ALTER TABLE t
    /// CLUSTER ON i` does); `CLUSTER t` and `CLUSTER` reuse the mark (and move rows only).
    pub(super) fn cluster(&mut self, stmt: &Stmt, s: &protobuf::ClusterStmt) {
        let (Some(rv), false) = (&s.relation, s.indexname.is_empty()) else {
            return;
        };
        let table = self.resolver().relation(&rv.schemaname, &rv.relname);
        let matview = ObjKey {
            kind: ObjKind::MaterializedView,
            schema: table.schema.clone(),
            name: table.name.clone(),
            sub: String::new(),
        };
        match self.catalog.tables.get_mut(&table) {
            Some(t) => t.cluster_on = Some(s.indexname.clone()),
            None if self.catalog.objects.contains_key(&matview) => {
                self.cluster_view(stmt, &matview, Some(&s.indexname))
            }
            None => self.warn(stmt, format!("table {} does not exist", table.sql())),
        }
    }
}
