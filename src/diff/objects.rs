//! Generic objects (views, functions, triggers, types, policies, ...): created, dropped, or
//! rebuilt (drop + create) when their definition or something under them changes.

use std::collections::{BTreeMap, BTreeSet};

use super::enums::{aside_name, EnumPlan};
use super::{Diff, RebuildReason, Split};
use crate::catalog::graph::{Node, Strength};
use crate::catalog::{Attribute, Domain, ObjKey, ObjKind, QualName};

/// Objects that must be dropped and created again: changed where no ALTER or CREATE OR
/// REPLACE can change them, or over something dropped or rebuilt (followed over the FROM
/// graph; the reason is kept for a note), or views, rules, policies, triggers and
/// `BEGIN ATOMIC` functions over a table whose columns change.
pub(super) fn plan_rebuilds(
    d: &Diff,
) -> (BTreeMap<ObjKey, Option<RebuildReason>>, BTreeSet<ObjKey>) {
    let mut rebuild: BTreeMap<ObjKey, Option<RebuildReason>> = BTreeMap::new();
    let mut loosened = BTreeSet::new();
    for (k, o) in &d.to.objects {
        if let Some(old) = from_object(d, k).as_ref() {
            let (changed, after_changed) = (old.create != o.create, old.after != o.after);
            if !changed && !after_changed {
                continue;
            }
            // The in-place checks parse and deparse: only for objects that change.
            let altered = crate::catalog::alter::object(k.kind, old, o).is_some();
            let in_place = || {
                let replace = match (&old.routine, &o.routine) {
                    (Some(a), Some(b)) => a.replaceable_by(b),
                    _ => false,
                };
                let composite = old.attributes.is_some() && o.attributes.is_some();
                let domain =
                    matches!((&old.domain, &o.domain), (Some(a), Some(b)) if a.base == b.base);
                replace
                    || composite
                    || domain
                    || altered
                    || matches!(d.enums.get(k), Some(EnumPlan::AddValues(_)))
                    || (k.kind == ObjKind::Policy
                        && crate::catalog::alter::policy(&old.create, &o.create).is_some())
                    || view_in_place(k, old, o)
            };
            let after_lost = after_changed && !altered && is_after_kind(k.kind);
            if (changed && !in_place()) || after_lost {
                rebuild.insert(k.clone(), None);
            }
        }
    }
    let mut doomed: Vec<Node> = d
        .dropped_tables
        .iter()
        .map(|q| Node::Table(q.clone()))
        .collect();
    doomed.extend(
        d.from
            .objects
            .keys()
            .filter(|k| rebuild.contains_key(*k) || !d.to.objects.contains_key(*k))
            .map(|k| Node::Object(k.clone())),
    );
    let mut seen: BTreeSet<Node> = doomed.iter().cloned().collect();
    for t in &d.reshaped_tables {
        let table = Node::Table(t.clone());
        for m in d.gf.dependents_of(&table) {
            if let Node::Object(k) = m {
                let atomic = d
                    .from
                    .objects
                    .get(k)
                    .and_then(|o| o.routine.as_ref())
                    .is_some_and(|r| r.atomic);
                // Extended statistics go with a column dropped and added again.
                let regenerated = || {
                    k.kind == ObjKind::Statistics
                        && d.from
                            .objects
                            .get(k)
                            .is_some_and(|o| super::tables::reads_regenerated(d, t, &[], &o.create))
                };
                let over_columns = atomic
                    || matches!(
                        k.kind,
                        ObjKind::View
                            | ObjKind::MaterializedView
                            | ObjKind::Rule
                            | ObjKind::Policy
                            | ObjKind::Trigger
                    )
                    || regenerated();
                if over_columns && d.to.objects.contains_key(k) && seen.insert(m.clone()) {
                    rebuild.insert(
                        k.clone(),
                        Some(RebuildReason::ReadsChangedColumns {
                            table: Box::new(d.object_ref(&table)),
                        }),
                    );
                    doomed.push(m.clone());
                }
            }
        }
    }
    while let Some(n) = doomed.pop() {
        let hard: Vec<Node> =
            d.gf.dependents_of(&n)
                .filter(|m| d.gf.deps_of(m).any(|(x, s)| *x == n && s == Strength::Hard))
                .cloned()
                .collect();
        for m in hard {
            if let Node::Object(k) = &m {
                if loosens(d, k, &n) {
                    loosened.insert(k.clone());
                    continue;
                }
                if d.to.objects.contains_key(k) && seen.insert(m.clone()) {
                    let recreated = match &n {
                        Node::Object(x) => d.to.objects.contains_key(x),
                        Node::Table(x) => d.to.tables.contains_key(x),
                        Node::Schema(_)
                        | Node::Extension(_)
                        | Node::Default(..)
                        | Node::Constraint(..)
                        | Node::Index(_)
                        | Node::Sequence(_)
                        | Node::SequenceOwner(_) => false,
                    };
                    rebuild.insert(
                        k.clone(),
                        Some(RebuildReason::DependsOn {
                            object: Box::new(d.object_ref(&n)),
                            recreated,
                        }),
                    );
                    doomed.push(m);
                }
            }
        }
    }
    loosened.retain(|k| !rebuild.contains_key(k));
    (rebuild, loosened)
}

/// Whether domain `k`, which needs `n` that goes, can let go of it instead of going too: it
/// stays (its base type is not `n`, and is the same in TO), and only its constraints and
/// default can read `n` (a function). They are dropped before `n` goes and TO's are added
/// once it is back, so the columns of the domain stay as they are.
fn loosens(d: &Diff, k: &ObjKey, n: &Node) -> bool {
    let (Some(a), Some(b)) = (
        d.from.objects.get(k).and_then(|o| o.domain.as_ref()),
        d.to.objects.get(k).and_then(|o| o.domain.as_ref()),
    ) else {
        return false;
    };
    let Node::Object(x) = n else { return false };
    let base = crate::catalog::graph::type_name(&a.base);
    matches!(
        x.kind,
        ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate
    ) && a.base == b.base
        && base.is_none_or(|t| t.schema != x.schema || t.name != x.name)
        && (!a.checks.is_empty() || a.default.is_some())
}

/// A loosened domain (see `loosens`) as it stands once its constraints and default are gone.
fn loose(domain: &Domain) -> Domain {
    Domain {
        default: None,
        checks: BTreeMap::new(),
        default_reads: Vec::new(),
        check_reads: BTreeMap::new(),
        ..domain.clone()
    }
}

/// Whether an object on a dropped table (a policy, trigger or rule, which goes with its
/// table) needs something else that goes, which cannot go before the table does: a policy
/// on `a` that reads `b`, where `b` has a foreign key to `a`, or a function that takes `a`'s
/// row type. Then the table's drop and the other drop each wait for the other; the object
/// is dropped on its own first, which breaks the cycle.
fn in_drop_cycle(d: &Diff, k: &ObjKey, table: &QualName) -> bool {
    let own = Node::Table(table.clone());
    let needed: Vec<&Node> =
        d.gf.deps_of(&Node::Object(k.clone()))
            .filter(|(m, s)| *s == Strength::Hard && **m != own && d.doomed(m))
            .map(|(m, _)| m)
            .collect();
    if needed.is_empty() {
        return false;
    }
    // What goes before the table: whatever needs it, a part of another table standing for
    // that table (its drop takes the part along).
    let mut before: BTreeSet<Node> = BTreeSet::new();
    let mut todo = vec![own.clone()];
    while let Some(n) = todo.pop() {
        for m in d.gf.dependents_of(&n) {
            let m = part_owner(d, m).unwrap_or_else(|| m.clone());
            if m != own && d.doomed(&m) && before.insert(m.clone()) {
                todo.push(m);
            }
        }
    }
    needed.iter().any(|m| before.contains(*m))
}

/// Whether function `k` goes with a base type dropped with CASCADE (an input or output
/// function of the type, which TO has neither of): `DROP TYPE ... CASCADE` drops it.
fn taken_by_base_type(d: &Diff, k: &ObjKey) -> bool {
    if k.kind != ObjKind::Function || d.to.objects.contains_key(k) {
        return false;
    }
    let own = Node::Object(k.clone());
    d.gf.deps_of(&own).any(|(m, s)| {
        let Node::Object(t) = m else { return false };
        s == Strength::Hard
            && t.kind == ObjKind::Type
            && d.from
                .objects
                .get(t)
                .is_some_and(|o| o.placeholder.is_some())
            && !d.to.objects.contains_key(t)
            && d.gf.deps_of(m).any(|(f, _)| *f == own)
    })
}

/// The table that a part of it (a default, constraint, index, or an object on it) goes with.
fn part_owner(d: &Diff, n: &Node) -> Option<Node> {
    match n {
        Node::Default(t, _) | Node::Constraint(t, _) => Some(Node::Table(t.clone())),
        Node::Index(q) => d.from.indexes.get(q).map(|i| Node::Table(i.table.clone())),
        Node::Object(k) => d
            .from
            .objects
            .get(k)
            .and_then(|o| o.table.clone())
            .filter(|t| d.dropped_tables.contains(t))
            .map(Node::Table),
        Node::Schema(_)
        | Node::Extension(_)
        | Node::Table(_)
        | Node::Sequence(_)
        | Node::SequenceOwner(_) => None,
    }
}

pub(super) fn diff_objects(d: &mut Diff) {
    let rebuild = d.rebuilt_objects.clone();
    for k in d.loosened.clone() {
        let Some((o, domain)) = d
            .from
            .objects
            .get(&k)
            .and_then(|o| Some((o, o.domain.as_ref()?)))
        else {
            continue;
        };
        let q = QualName::new(k.schema.clone(), k.name.clone());
        for sql in alter_domain(&q, domain, &loose(domain)) {
            d.drop(&Node::Object(k.clone()), o.pos, sql);
            d.note(format!(
                "{} lets go of what goes below: its constraints and default come back after",
                d.describe(&Node::Object(k.clone()))
            ));
        }
    }
    for (k, o) in &d.from.objects {
        let gone = !d.to.objects.contains_key(k);
        if !(gone || rebuild.contains_key(k)) {
            continue;
        }
        if o.table
            .as_ref()
            .is_some_and(|t| d.dropped_tables.contains(t) && !in_drop_cycle(d, k, t))
        {
            continue;
        }
        if taken_by_base_type(d, k) {
            continue;
        }
        let recast = d.recast_aside.contains(k) || d.collation_aside(k);
        if matches!(d.enums.get(k), Some(EnumPlan::Rebuild)) || recast {
            // Columns move to the new type before the old one goes (see enums.rs). The old
            // ones go last, in reverse FROM order: what is made of another (a composite of
            // a domain, a domain over a domain, an enum or a collation) goes before it.
            let keyword = k.kind.sql_keyword();
            let last = usize::MAX - o.pos;
            let aside = ObjKey {
                name: aside_name(k),
                ..k.clone()
            };
            let q = QualName::new(k.schema.clone(), k.name.clone());
            d.drop(
                &Node::Object(k.clone()),
                o.pos,
                format!(
                    "ALTER {keyword} {} RENAME TO {}",
                    q.sql(),
                    crate::emit::quote::ident(&aside.name)
                ),
            );
            let drop_old = format!(
                "DROP {keyword} {}",
                QualName::new(k.schema.clone(), aside.name.clone()).sql()
            );
            d.create(&Node::Object(aside), last, drop_old);
            d.about(&Node::Object(k.clone()));
            continue;
        }
        // A base type TO does not have takes its input and output functions along: each
        // needs the other, and no order of plain DROPs lets both go.
        // A subscription with a replication slot would drop the slot on the publisher,
        // which needs a connection to it and no transaction block: it lets go of the slot
        // first, and says so.
        let slot = (k.kind == ObjKind::Subscription)
            .then(|| crate::catalog::alter::subscription_slot(&o.create))
            .flatten();
        if let Some(slot) = &slot {
            let name = crate::emit::quote::ident(&k.name);
            let node = Node::Object(k.clone());
            d.drop(&node, o.pos, format!("ALTER SUBSCRIPTION {name} DISABLE"));
            d.note(format!(
                "the subscription lets go of its replication slot, which stays on the publisher: drop it there once the subscription is gone (SELECT pg_drop_replication_slot({}))",
                crate::emit::quote::literal(slot)
            ));
            d.drop(
                &node,
                o.pos,
                format!("ALTER SUBSCRIPTION {name} SET (slot_name = NONE)"),
            );
        }
        let base_type = k.kind == ObjKind::Type && o.placeholder.is_some();
        let cascade = if base_type && gone { " CASCADE" } else { "" };
        d.drop(
            &Node::Object(k.clone()),
            o.pos,
            format!("DROP {}{cascade}", o.target),
        );
        if base_type && gone {
            d.note("its input and output functions go with it (CASCADE)".to_string());
        }
        if let (Some(p), ObjKind::View) = (&o.placeholder, k.kind) {
            d.split(Split {
                first: p.replacen("CREATE VIEW ", "CREATE OR REPLACE VIEW ", 1),
                then: format!("DROP {}", o.target),
                why: "the view's query makes way for a placeholder with its columns, to break a dependency cycle: what it read can go first".to_string(),
            });
        }
        if let Some(Some(why)) = rebuild.get(k) {
            d.note(format!("dropped and recreated below: {why}"));
        }
    }
    for (k, o) in &d.to.objects {
        let from = from_object(d, k);
        let old = from.as_ref();
        let create = match old {
            None => true,
            Some(_) if rebuild.contains_key(k) => true,
            Some(old)
                if old.create != o.create
                    && matches!(d.enums.get(k), Some(EnumPlan::AddValues(_))) =>
            {
                if let Some(EnumPlan::AddValues(stmts)) = d.enums.get(k) {
                    for s in stmts.clone() {
                        d.create(&Node::Object(k.clone()), o.pos, s);
                    }
                }
                false
            }
            Some(old)
                if old.create != o.create && old.attributes.is_some() && o.attributes.is_some() =>
            {
                let q = QualName::new(k.schema.clone(), k.name.clone());
                for sql in alter_attributes(
                    d,
                    &q,
                    old.attributes.as_deref().unwrap_or_default(),
                    o.attributes.as_deref().unwrap_or_default(),
                ) {
                    d.create(&Node::Object(k.clone()), o.pos, sql);
                }
                false
            }
            Some(old)
                if (old.create != o.create || old.after != o.after || d.loosened.contains(k))
                    && old.domain.is_some()
                    && o.domain.is_some() =>
            {
                let q = QualName::new(k.schema.clone(), k.name.clone());
                if let (Some(a), Some(b)) = (&old.domain, &o.domain) {
                    let a = if d.loosened.contains(k) {
                        loose(a)
                    } else {
                        a.clone()
                    };
                    for sql in alter_domain(&q, &a, b) {
                        d.create(&Node::Object(k.clone()), o.pos, sql);
                    }
                }
                false
            }
            Some(old) if old.create != o.create && view_in_place(k, old, o) => {
                d.create(
                    &Node::Object(k.clone()),
                    o.pos,
                    o.create
                        .replacen("CREATE VIEW ", "CREATE OR REPLACE VIEW ", 1),
                );
                false
            }
            Some(old)
                if (old.create != o.create || old.after != o.after)
                    && crate::catalog::alter::object(k.kind, old, o).is_some() =>
            {
                for sql in crate::catalog::alter::object(k.kind, old, o).unwrap_or_default() {
                    d.create(&Node::Object(k.clone()), o.pos, sql);
                }
                false
            }
            Some(old) if old.create != o.create && k.kind == ObjKind::Policy => {
                if let Some(sql) = crate::catalog::alter::policy(&old.create, &o.create) {
                    d.create(&Node::Object(k.clone()), o.pos, sql);
                }
                false
            }
            Some(old) if old.create != o.create => {
                // Replaceable kinds: CREATE OR REPLACE in place.
                let sql = o.create.replacen("CREATE ", "CREATE OR REPLACE ", 1);
                d.create(&Node::Object(k.clone()), o.pos, sql);
                false
            }
            Some(old) => {
                if old.after != o.after {
                    if let Some(table) = o
                        .table
                        .as_ref()
                        .filter(|_| o.after.is_empty() && k.kind == ObjKind::Trigger)
                    {
                        d.create(
                            &Node::Object(k.clone()),
                            o.pos,
                            crate::catalog::triggers::TriggerState::Origin
                                .statement(table, &k.name),
                        );
                    }
                    emit_after(d, &Node::Object(k.clone()), o.pos, &o.after);
                }
                false
            }
        };
        let old_defaults = old
            .filter(|_| !create)
            .map(|x| x.column_defaults.clone())
            .unwrap_or_default();
        if create {
            d.recreated.insert(o.target.clone());
            d.create(&Node::Object(k.clone()), o.pos, o.create.clone());
            if let Some(p) = &o.placeholder {
                d.split(if k.kind == ObjKind::View {
                    Split {
                        first: p.clone(),
                        then: o.create.replacen("CREATE VIEW ", "CREATE OR REPLACE VIEW ", 1),
                        why: "a placeholder with the view's columns, to break a dependency cycle as pg_dump does: the view gets its query below".to_string(),
                    }
                } else {
                    Split {
                        first: p.clone(),
                        then: o.create.clone(),
                        why: "the type's shell, for its input and output functions to name, as pg_dump does: it gets its definition below".to_string(),
                    }
                });
            }
            if let Some(Some(why)) = rebuild.get(k) {
                d.note(format!("recreated: {why}"));
            }
        }
        if old_defaults != o.column_defaults {
            let alter = format!("ALTER {} ALTER COLUMN", o.target);
            for (col, v) in &o.column_defaults {
                if old_defaults.get(col) != Some(v) {
                    d.create(
                        &Node::Object(k.clone()),
                        o.pos,
                        format!("{alter} {} SET DEFAULT {v}", crate::emit::quote::ident(col)),
                    );
                }
            }
            for col in old_defaults
                .keys()
                .filter(|c| !o.column_defaults.contains_key(*c))
            {
                d.create(
                    &Node::Object(k.clone()),
                    o.pos,
                    format!("{alter} {} DROP DEFAULT", crate::emit::quote::ident(col)),
                );
            }
        }
        if create {
            emit_after(d, &Node::Object(k.clone()), o.pos, &o.after);
        }
        // CREATE OR REPLACE FUNCTION forgets the extensions a function goes with.
        let replaced = old.is_some_and(|x| x.create != o.create && x.routine.is_some());
        let kept: &[String] = match old {
            Some(x) if !create && !replaced => &x.extensions,
            _ => &[],
        };
        for sql in extension_changes(&o.target, kept, &o.extensions) {
            d.create(&Node::Object(k.clone()), o.pos, sql);
        }
    }
}

/// `ALTER <target> [NO] DEPENDS ON EXTENSION e` turning `old` into `new`.
pub(super) fn extension_changes(target: &str, old: &[String], new: &[String]) -> Vec<String> {
    let ident = crate::emit::quote::ident;
    let mut out: Vec<String> = old
        .iter()
        .filter(|e| !new.contains(e))
        .map(|e| format!("ALTER {target} NO DEPENDS ON EXTENSION {}", ident(e)))
        .collect();
    out.extend(
        new.iter()
            .filter(|e| !old.contains(e))
            .map(|e| format!("ALTER {target} DEPENDS ON EXTENSION {}", ident(e))),
    );
    out
}

/// The types in both catalogs made again: enums rebuilt, domains whose base type changes
/// (or names a collation made again), and, at any depth, the domains, composite types and
/// ranges made of one of those: their values are converted too.
pub(super) fn remade_types(d: &Diff) -> BTreeSet<QualName> {
    use crate::catalog::containers::value_types;
    use crate::catalog::graph::type_name;
    let name = |k: &ObjKey| QualName::new(k.schema.clone(), k.name.clone());
    let mut remade = d.recast_types.clone();
    let kept: Vec<(&ObjKey, &crate::catalog::Object)> = d
        .from
        .objects
        .iter()
        .filter(|(k, _)| matches!(k.kind, ObjKind::Domain | ObjKind::Type))
        .filter(|(k, _)| d.to.objects.contains_key(*k))
        .collect();
    for (k, old) in &kept {
        let new = d.to.objects.get(*k).and_then(|o| o.domain.as_ref());
        if let (Some(a), Some(b)) = (&old.domain, new) {
            if a.base != b.base || super::held::over_remade_collation(d, &a.base) {
                remade.insert(name(k));
            }
        }
    }
    while !remade.is_empty() {
        let grown: Vec<QualName> = kept
            .iter()
            .filter(|(k, _)| !remade.contains(&name(k)))
            .filter(|(_, o)| {
                value_types(o)
                    .iter()
                    .any(|(b, _)| type_name(b).is_some_and(|q| remade.contains(&q)))
            })
            .map(|(k, _)| name(k))
            .collect();
        if grown.is_empty() {
            break;
        }
        remade.extend(grown);
    }
    remade
}

/// The domains and composite types made again (`remade_types`) that columns of FROM tables
/// TO keeps use (unless they hold a range made again, `Diff::ranges`): each is renamed aside while its columns are recast, as an enum is, and so
/// is each domain or composite made again that one of those is made of (the new one takes
/// its name while the old one still uses it).
pub(super) fn recast_under_columns(d: &Diff, remade: &BTreeSet<QualName>) -> BTreeSet<ObjKey> {
    use crate::catalog::containers::value_types;
    use crate::catalog::graph::type_name;
    if remade.is_empty() {
        return BTreeSet::new();
    }
    let aside = |q: &QualName| -> Option<ObjKey> {
        let domain = ObjKey::named(ObjKind::Domain, q);
        if d.from
            .objects
            .get(&domain)
            .is_some_and(|o| o.domain.is_some())
        {
            return Some(domain);
        }
        let composite = ObjKey::named(ObjKind::Type, q);
        d.from
            .objects
            .get(&composite)
            .is_some_and(|o| o.attributes.is_some())
            .then_some(composite)
    };
    let mut out: BTreeSet<ObjKey> = d
        .from
        .tables
        .iter()
        .filter(|(q, _)| d.to.tables.contains_key(*q) && !d.dropped_tables.contains(*q))
        .flat_map(|(_, t)| t.columns.iter())
        // Those holding a range made again hold their text form instead (see ranges.rs).
        .filter(|c| super::held::held(d, &c.type_sql).is_none())
        .filter_map(|c| type_name(&c.type_sql))
        .filter(|q| remade.contains(q))
        .filter_map(|q| aside(&q))
        .collect();
    let mut todo: Vec<ObjKey> = out.iter().cloned().collect();
    while let Some(k) = todo.pop() {
        let Some(o) = d.from.objects.get(&k) else {
            continue;
        };
        for (b, _) in value_types(o) {
            let under = type_name(&b).filter(|q| remade.contains(q));
            if let Some(a) = under.as_ref().and_then(&aside) {
                if out.insert(a.clone()) {
                    todo.push(a);
                }
            }
        }
    }
    out
}

/// Object `k` as FROM holds it once dropped tables are gone: a publication loses the
/// members on them (the server removes those with the table), and those that read columns
/// of a table whose columns change or go (`unpublished`).
fn from_object(d: &Diff, k: &ObjKey) -> Option<crate::catalog::Object> {
    let mut o = d.from.objects.get(k)?.clone();
    if k.kind == ObjKind::Publication {
        o.after.retain(|s| {
            crate::catalog::alter::publication_member(s).is_none_or(|(t, reads)| {
                !(d.dropped_tables.contains(&t) || unpublished(d, &t, reads))
            })
        });
    }
    Some(o)
}

/// Whether a publication member on table `t` that `reads` its columns (a column list, a row
/// filter) leaves the publication around the migration: `t` stays, and columns of it change
/// type or go.
fn unpublished(d: &Diff, t: &QualName, reads: bool) -> bool {
    reads && d.reshaped_tables.contains(t) && !d.dropped_tables.contains(t)
}

/// `ALTER PUBLICATION p DROP TABLE t` for the members of FROM's publications that read
/// columns (a column list, a row filter) of a table whose columns change type or go: the
/// server refuses those changes under them. They are added again as TO has them.
pub(super) fn unpublish_reshaped(d: &mut Diff) {
    let mut out = Vec::new();
    for (k, o) in &d.from.objects {
        if k.kind != ObjKind::Publication
            || d.rebuilt_objects.contains_key(k)
            || !d.to.objects.contains_key(k)
        {
            continue;
        }
        for s in &o.after {
            if let Some((t, reads)) = crate::catalog::alter::publication_member(s) {
                if unpublished(d, &t, reads) {
                    out.push((
                        k.clone(),
                        o.pos,
                        format!(
                            "ALTER PUBLICATION {} DROP TABLE ONLY {}",
                            crate::emit::quote::ident(&k.name),
                            t.sql()
                        ),
                    ));
                }
            }
        }
    }
    for (k, pos, sql) in out {
        d.drop(&Node::Object(k), pos, sql);
    }
}

/// Kinds whose follow-up statements (`Object::after`) only `catalog::alter::object` knows
/// how to change: when it cannot, the object is created again.
fn is_after_kind(kind: ObjKind) -> bool {
    // Trigger states and a domain's unvalidated checks are changed by their own ALTERs.
    !matches!(kind, ObjKind::Trigger | ObjKind::Domain)
}

fn emit_after(d: &mut Diff, node: &Node, pos: usize, after: &[String]) {
    for a in after {
        d.create(node, pos, a.clone());
    }
}

/// `ALTER TYPE` statements turning a composite type's attributes `old` into `new`: dropped
/// ones first, then type changes, then additions (at the end, where the server puts them).
/// A type that table columns use cannot change an attribute's type in place: that attribute
/// is dropped and added again. With typed tables of the type, each says CASCADE: their
/// columns change with it (the server refuses it otherwise).
fn alter_attributes(d: &Diff, q: &QualName, old: &[Attribute], new: &[Attribute]) -> Vec<String> {
    // (Unless the columns hold their text form meanwhile, see `held`.)
    let used = stored_in_columns(d, q) && !d.held_rows.contains(q);
    let cascade = if d
        .from
        .tables
        .values()
        .any(|t| t.of_type.as_ref() == Some(q))
    {
        " CASCADE"
    } else {
        ""
    };
    let alter = format!("ALTER TYPE {}", q.sql());
    let ident = crate::emit::quote::ident;
    let mut drops = Vec::new();
    let mut changes = Vec::new();
    let mut adds = Vec::new();
    for a in old {
        let (name, ty) = (&a.name, a.type_with_collation());
        match new
            .iter()
            .find(|n| n.name == *name)
            .map(Attribute::type_with_collation)
        {
            None => drops.push(format!("{alter} DROP ATTRIBUTE {}{cascade}", ident(name))),
            Some(nt) if nt != ty && used => {
                drops.push(format!("{alter} DROP ATTRIBUTE {}{cascade}", ident(name)));
                adds.push(format!(
                    "{alter} ADD ATTRIBUTE {} {nt}{cascade}",
                    ident(name)
                ));
            }
            Some(nt) if nt != ty => changes.push(format!(
                "{alter} ALTER ATTRIBUTE {} TYPE {nt}{cascade}",
                ident(name)
            )),
            Some(_) => {}
        }
    }
    for a in new {
        if !old.iter().any(|o| o.name == a.name) {
            adds.push(format!(
                "{alter} ADD ATTRIBUTE {} {}{cascade}",
                ident(&a.name),
                a.type_with_collation()
            ));
        }
    }
    drops.into_iter().chain(changes).chain(adds).collect()
}

/// Whether FROM has table columns of type `q`.
fn stored_in_columns(d: &Diff, q: &QualName) -> bool {
    d.from.tables.values().any(|t| {
        t.columns
            .iter()
            .any(|c| crate::catalog::graph::type_name(&c.type_sql).as_ref() == Some(q))
    })
}

/// Whether composite type `q`, kept, drops attribute `name` and adds it again (its type
/// changes while table columns are of the type; see `alter_attributes`): the column a typed
/// table has for it starts anew, without its values, default or NOT NULL.
pub(super) fn attribute_readded(d: &Diff, q: &QualName, name: &str) -> bool {
    let key = ObjKey {
        kind: ObjKind::Type,
        schema: q.schema.clone(),
        name: q.name.clone(),
        sub: String::new(),
    };
    let attribute = |c: &crate::catalog::Catalog| {
        c.objects
            .get(&key)
            .and_then(|o| o.attributes.as_ref())
            .and_then(|a| a.iter().find(|a| a.name == name))
            .map(Attribute::type_with_collation)
    };
    matches!((attribute(d.from), attribute(d.to)), (Some(a), Some(b)) if a != b)
        && stored_in_columns(d, q)
        && !d.held_rows.contains(q)
}

/// Whether the `ALTER DOMAIN` statements that turn domain `k` of FROM into TO's check its
/// stored values: NOT NULL set, a check validated or added valid (also when the domain lets
/// go of its checks for a while, `Diff::loosened`, and takes them back).
pub(super) fn domain_checks_values(d: &Diff, k: &ObjKey) -> bool {
    let (Some(old), Some(new)) = (
        d.from.objects.get(k).and_then(|o| o.domain.as_ref()),
        d.to.objects.get(k).and_then(|o| o.domain.as_ref()),
    ) else {
        return false;
    };
    let old = if d.loosened.contains(k) {
        loose(old)
    } else {
        old.clone()
    };
    (new.not_null && !old.not_null)
        || new
            .checks
            .iter()
            .any(|(name, def)| old.checks.get(name) != Some(def) && !def.ends_with(" NOT VALID"))
}

/// `ALTER DOMAIN` statements turning `old` into `new` (same base type): default, NOT NULL,
/// then checks dropped, validated and added.
fn alter_domain(q: &QualName, old: &Domain, new: &Domain) -> Vec<String> {
    let alter = format!("ALTER DOMAIN {}", q.sql());
    let ident = crate::emit::quote::ident;
    let mut out = Vec::new();
    if old.default != new.default {
        out.push(match &new.default {
            Some(e) => format!("{alter} SET DEFAULT {e}"),
            None => format!("{alter} DROP DEFAULT"),
        });
    }
    if old.not_null != new.not_null {
        out.push(format!(
            "{alter} {} NOT NULL",
            if new.not_null { "SET" } else { "DROP" }
        ));
    }
    let validated = |name: &String, def: &String| {
        old.checks
            .get(name)
            .is_some_and(|o| o.strip_suffix(" NOT VALID") == Some(def.as_str()))
    };
    for (name, def) in &old.checks {
        if new
            .checks
            .get(name)
            .is_none_or(|n| n != def && !validated(name, n))
        {
            out.push(format!("{alter} DROP CONSTRAINT {}", ident(name)));
        }
    }
    for (name, def) in &new.checks {
        if validated(name, def) {
            out.push(format!("{alter} VALIDATE CONSTRAINT {}", ident(name)));
        } else if old.checks.get(name) != Some(def) {
            out.push(format!("{alter} ADD CONSTRAINT {} {def}", ident(name)));
        }
    }
    out
}

/// Whether a changed view can be replaced in place (CREATE OR REPLACE VIEW): its old columns
/// stay as they were, and it reads nothing new that could be missing (what it reads is a
/// superset of before; anything under it that changes forces a rebuild elsewhere).
fn view_in_place(k: &ObjKey, old: &crate::catalog::Object, new: &crate::catalog::Object) -> bool {
    k.kind == ObjKind::View
        && old.deps.iter().all(|x| new.deps.contains(x))
        && crate::catalog::alter::view_replaceable(&old.create, &new.create)
}
