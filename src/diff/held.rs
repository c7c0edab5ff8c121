//! Columns that hold their text form for a while, because a type they store changes under
//! them in a way no ALTER carries their values through: a range made again (see ranges.rs),
//! or the row type of a table whose columns change type while a column of another table
//! stores it (as its type, or an array of it: the server refuses to change a row type a
//! column stores). The column takes its text form before the change and is cast back once
//! it is done (`Diff::recast_types`).
//!
//! A collation made again is renamed aside instead, as an enum is: what uses it (columns,
//! domains, indexes, views) keeps working, columns move to the new one once it exists, and
//! the old one goes last.

use std::collections::BTreeSet;

use super::Diff;
use crate::catalog::containers::{Containers, Storing};
use crate::catalog::graph::{type_name, Node};
use crate::catalog::{Column, ObjKey, ObjKind, QualName};

/// The tables in both catalogs, made again in neither, whose columns change type, and the
/// composite types TO keeps whose attributes change type (and only that), while a column of
/// a FROM table TO keeps stores their row type (as its type or an array of it).
pub(super) fn plan_rows(d: &Diff) -> BTreeSet<QualName> {
    let kept = |q: &QualName| d.to.tables.contains_key(q) && !d.dropped_tables.contains(q);
    // User types are schema-qualified in canonical type text: most columns are passed over
    // without reading their type's name.
    let stored: BTreeSet<QualName> = d
        .from
        .tables
        .iter()
        .filter(|(q, _)| kept(q))
        .flat_map(|(_, t)| t.columns.iter())
        .filter(|c| c.type_sql.contains('.'))
        .filter_map(|c| type_name(&c.type_sql))
        .collect();
    stored
        .into_iter()
        .filter(|q| {
            if let (Some(old), Some(new)) = (d.from.tables.get(q), d.to.tables.get(q)) {
                return kept(q)
                    && old.columns.iter().any(|o| {
                        new.column(&o.name)
                            .is_some_and(|c| c.type_sql != o.type_sql || c.collation != o.collation)
                    });
            }
            let k = ObjKey::named(ObjKind::Type, q);
            let attributes =
                |c: &crate::catalog::Catalog| c.objects.get(&k).and_then(|o| o.attributes.clone());
            let (Some(old), Some(new)) = (attributes(d.from), attributes(d.to)) else {
                return false;
            };
            // Only types change: the text form of a value holds the same attributes. (With
            // attributes dropped or added, those attributes go and come again instead.)
            let names = |a: &[crate::catalog::Attribute]| {
                a.iter().map(|a| a.name.clone()).collect::<Vec<_>>()
            };
            !d.recast_aside.contains(&k)
                && names(&old) == names(&new)
                && old
                    .iter()
                    .zip(&new)
                    .any(|(a, n)| n.type_with_collation() != a.type_with_collation())
        })
        .collect()
}

/// The collations in both catalogs made again: no ALTER changes a collation's definition.
pub(super) fn remade_collations(d: &Diff) -> BTreeSet<QualName> {
    d.to.objects
        .iter()
        .filter(|(k, new)| {
            k.kind == ObjKind::Collation
                && d.from.objects.get(*k).is_some_and(|old| {
                    old.create != new.create
                        && crate::catalog::alter::object(k.kind, old, new).is_none()
                })
        })
        .map(|(k, _)| QualName::new(k.schema.clone(), k.name.clone()))
        .collect()
}

/// The collations made again that something staying through the change uses: a column of a
/// FROM table TO keeps, or a domain renamed aside while its columns are recast. Those are
/// renamed aside; any other goes before it is created again.
pub(super) fn plan_collations(d: &Diff) -> BTreeSet<QualName> {
    if d.remade_collations.is_empty() {
        return BTreeSet::new();
    }
    let kept = |q: &QualName| d.to.tables.contains_key(q) && !d.dropped_tables.contains(q);
    let columns = d
        .from
        .tables
        .iter()
        .filter(|(q, _)| kept(q))
        .flat_map(|(_, t)| t.columns.iter())
        .filter_map(|c| {
            c.collation
                .as_deref()
                .and_then(crate::catalog::types::user_collation)
        });
    let domains = d
        .recast_aside
        .iter()
        .filter_map(|k| d.from.objects.get(k)?.domain.as_ref())
        .filter_map(|dm| crate::catalog::types::user_collation(dm.base.split_once(" COLLATE ")?.1));
    columns
        .chain(domains)
        .filter(|q| d.remade_collations.contains(q))
        .collect()
}

/// Whether a domain's canonical base type (`text COLLATE public.ci`) names a collation made
/// again.
pub(super) fn over_remade_collation(d: &Diff, base: &str) -> bool {
    !d.remade_collations.is_empty()
        && base
            .split_once(" COLLATE ")
            .and_then(|(_, c)| crate::catalog::types::user_collation(c))
            .is_some_and(|q| d.remade_collations.contains(&q))
}

/// The collation made again that FROM column `o` uses, if any: the column moves to the new
/// one.
pub(super) fn held_collation(d: &Diff, o: &Column) -> Option<Node> {
    if d.held_collations.is_empty() {
        return None;
    }
    let q = o
        .collation
        .as_deref()
        .and_then(crate::catalog::types::user_collation)?;
    d.held_collations
        .contains(&q)
        .then(|| Node::Object(ObjKey::named(ObjKind::Collation, &q)))
}

/// The domains whose stored values TO's ALTER DOMAIN checks while a column of a FROM table
/// TO keeps holds them inside an array, a composite or a range (the server refuses to check
/// those), with what holds them. Domains made again are recast instead (`recast_aside`).
pub(super) fn plan_domains(d: &Diff) -> Vec<(QualName, Containers)> {
    let checked: Vec<&ObjKey> =
        d.to.objects
            .keys()
            .filter(|k| k.kind == ObjKind::Domain && !d.recast_aside.contains(*k))
            .filter(|k| !d.rebuilt_objects.contains_key(*k))
            .filter(|k| super::objects::domain_checks_values(d, k))
            .collect();
    if checked.is_empty() {
        return Vec::new();
    }
    let kept = |q: &QualName| d.to.tables.contains_key(q) && !d.dropped_tables.contains(q);
    let columns: Vec<&Column> = d
        .from
        .tables
        .iter()
        .filter(|(q, _)| kept(q))
        .flat_map(|(_, t)| t.columns.iter())
        .filter(|c| c.type_sql.contains('.'))
        .collect();
    let stored = d.from.stored_type_names();
    checked
        .into_iter()
        .map(|k| QualName::new(k.schema.clone(), k.name.clone()))
        .filter_map(|q| {
            let held = d.from.containers(&q, &stored);
            columns
                .iter()
                .any(|c| held.refuses(&c.type_sql, Storing::DomainValues))
                .then_some((q, held))
        })
        .collect()
}

/// What a FROM column of type `type_sql` holds its text form for, if anything: the range
/// made again, or the table whose row type changes.
pub(super) fn held(d: &Diff, type_sql: &str) -> Option<Node> {
    if d.ranges.is_empty() && d.held_rows.is_empty() && d.held_domains.is_empty() {
        return None;
    }
    if let Some((q, _)) = d
        .held_domains
        .iter()
        .find(|(_, held)| held.refuses(type_sql, Storing::DomainValues))
    {
        return Some(Node::Object(ObjKey::named(ObjKind::Domain, q)));
    }
    if let Some(k) = d
        .ranges
        .iter()
        .find_map(|(k, held)| held.refuses(type_sql, Storing::Row).then_some(k))
    {
        return Some(Node::Object(k.clone()));
    }
    let ty = type_name(type_sql)?;
    if !d.held_rows.contains(&ty) {
        return None;
    }
    Some(if d.from.tables.contains_key(&ty) {
        Node::Table(ty)
    } else {
        Node::Object(ObjKey::named(ObjKind::Type, &ty))
    })
}

/// Why a column holds its text form (`held`), for the note on its statements.
pub(super) fn why(d: &Diff, under: &Node) -> String {
    let what = d.describe(under);
    let reason = match under {
        Node::Table(_) => format!(
            "the columns of {what} change type, which the server refuses while a column stores its row type"
        ),
        Node::Object(k) if k.kind == ObjKind::Type && d.held_rows.contains(&QualName::new(k.schema.clone(), k.name.clone())) => format!(
            "the attributes of {what} change type, which the server refuses while a column stores it"
        ),
        Node::Object(k) if k.kind == ObjKind::Domain => format!(
            "{what} checks its values anew, which the server refuses while a column holds them in an array, a composite or a range"
        ),
        Node::Schema(_)
        | Node::Extension(_)
        | Node::Default(..)
        | Node::Constraint(..)
        | Node::Index(_)
        | Node::Sequence(_)
        | Node::SequenceOwner(_)
        | Node::Object(_) => format!("{what} is dropped and created again"),
    };
    format!("{reason}: the column holds its text form meanwhile")
}

/// Whether an index or a CHECK / EXCLUDE constraint of FROM table `q` (its columns and
/// definition) reads a column that holds its text form (`held`): it could not be rebuilt
/// over text (a GiST index, a range operator), so it is dropped before and created again
/// after. A definition is read for the quoted column name, which may find a use that is not
/// one: that only rebuilds it needlessly.
pub(super) fn reads_text_column(d: &Diff, q: &QualName, columns: &[String], def: &str) -> bool {
    if d.ranges.is_empty() && d.held_rows.is_empty() && d.held_domains.is_empty() {
        return false;
    }
    let Some(t) = d.from.tables.get(q) else {
        return false;
    };
    t.columns
        .iter()
        .filter(|c| held(d, &c.type_sql).is_some())
        .any(|c| columns.contains(&c.name) || mentions(def, &crate::emit::quote::ident(&c.name)))
}

/// Whether `text` holds identifier `id` as a whole name.
pub(super) fn mentions(text: &str, id: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '"';
    text.match_indices(id).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(part)
            && !text[i + id.len()..].chars().next().is_some_and(part)
    })
}
