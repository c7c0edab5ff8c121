//! Columns of inheritance children that change how they are held: the server's `attislocal`
//! (a column the child defines itself, `Column::inherited` false) and `attinhcount` (how many
//! parents hand it down, `Catalog::inhcount`).
//!
//! No ALTER sets either directly; the server changes them only as side effects:
//! `INHERIT` adds one to the count of each column the parent has (the child must have them
//! all already), `NO INHERIT` takes one away and makes a column local when its count reaches
//! 0, a parent's `ADD COLUMN` gives a child that lacks the column one that is not local, and
//! `ALTER TABLE ONLY parent DROP COLUMN` takes one away and makes the child's column local.
//! So the changes below go through a scratch table, created and dropped by the migration,
//! which the child inherits from for a moment:
//!
//! - a child gains a new parent whose columns it lacks and must not define itself
//!   (`columns_for_inherit`, `inherit_with_columns`): the scratch parent adds them first;
//! - a column a child inherits becomes its own as well (`make_local`): the child inherits it
//!   once more from the scratch table, which drops it alone;
//! - a column merged from several parents changes type (`merged_roots`, `retype_merged`): the
//!   server refuses the change from each parent, since the others would keep the old type;
//!   the scratch table becomes the parents' common parent for the change.
//!
//! A column the child defines itself and must only inherit in TO cannot be made so in place:
//! it is renamed aside, comes anew through the parent, takes the old values and the old one
//! goes (`relocated`, `copy_relocated`).

use std::collections::BTreeSet;

use super::{Diff, Phase};
use crate::catalog::graph::Node;
use crate::catalog::{Catalog, Column, QualName, Table};
use crate::emit::quote;

/// A relation name, in `q`'s schema, that neither catalog uses: the scratch table of a
/// change to `q` (one per table, so the changes of two tables never share one).
fn scratch_table(d: &Diff, q: &QualName) -> QualName {
    let taken = |c: &Catalog, n: &QualName| {
        c.tables.contains_key(n)
            || c.sequences.contains_key(n)
            || c.indexes.contains_key(n)
            || c.objects
                .keys()
                .any(|k| k.schema == n.schema && k.name == n.name && k.sub.is_empty())
    };
    let stem: String = format!("pgdumpdiff_{}", q.name).chars().take(56).collect();
    (1..)
        .map(|i| {
            let name = if i == 1 {
                stem.clone()
            } else {
                format!("{stem}_{i}")
            };
            QualName::new(q.schema.clone(), name)
        })
        .find(|n| !taken(d.from, n) && !taken(d.to, n))
        .unwrap_or_else(|| QualName::new(q.schema.clone(), stem.clone()))
}

/// Whether `q`'s parent, in FROM and TO alike (kept, not rebuilt), gains column `name`: its
/// `ADD COLUMN` gives `q` the column (not local) if `q` lacks it.
pub(super) fn arrives_through_parent(d: &Diff, q: &QualName, name: &str) -> bool {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return false;
    };
    let before: Vec<&QualName> = old.parents().collect();
    t.parents().any(|p| {
        before.contains(&p)
            && !d.rebuilt_tables.contains(p)
            && !d.dropped_tables.contains(p)
            && d.to
                .tables
                .get(p)
                .is_some_and(|pt| pt.column(name).is_some())
            && d.from
                .tables
                .get(p)
                .is_some_and(|pt| pt.column(name).is_none())
    })
}

/// Whether FROM's column `o` of `q`, its own and inherited from no parent, is only inherited
/// in TO (`c`): it is renamed aside and comes anew through the parent.
/// A partition that TO keeps as a table of its own (an inheritance child, say) has its
/// columns as its own too once detached.
pub(super) fn relocated(d: &Diff, q: &QualName, o: &Column, c: &Column) -> bool {
    let own = no_partition(d, q) && !o.inherited && d.from.inhcount(q, &o.name) == 0;
    (own || leaves_partitioning(d, q))
        && c.inherited
        && o.generated.is_none()
        && o.identity.is_none()
}

/// Whether FROM's partition `q` stays, in TO, as a table that is not a partition: the
/// DETACH leaves it its columns as its own, inherited from no parent.
fn leaves_partitioning(d: &Diff, q: &QualName) -> bool {
    d.from
        .tables
        .get(q)
        .is_some_and(|t| t.partition_of.is_some())
        && d.to.tables.get(q).is_some_and(|t| t.partition_of.is_none())
        && !d.dropped_tables.contains(q)
}

/// Whether `q` is a partition in neither catalog: a partition's columns are never its own,
/// and attaching or detaching it settles them (see `tables::attach_partition`).
fn no_partition(d: &Diff, q: &QualName) -> bool {
    [d.from, d.to]
        .iter()
        .all(|c| c.tables.get(q).is_none_or(|t| t.partition_of.is_none()))
}

/// The name column `name` of `q` has while it is aside.
fn aside_name(d: &Diff, q: &QualName, name: &str) -> String {
    let used = |n: &str| {
        [d.from, d.to]
            .iter()
            .any(|c| c.tables.get(q).is_some_and(|t| t.column(n).is_some()))
    };
    let stem: String = name.chars().take(48).collect();
    (1..)
        .map(|i| {
            if i == 1 {
                format!("{stem}_pgdumpdiff_old")
            } else {
                format!("{stem}_pgdumpdiff_old_{i}")
            }
        })
        .find(|n| !used(n))
        .unwrap_or_default()
}

/// Renames `q`'s column `name` aside (before anything adds it anew); see `relocated`.
pub(super) fn rename_aside(d: &mut Diff, q: &QualName, pos: usize, alter: &str, name: &str) {
    let aside = aside_name(d, q, name);
    d.drop(
        &Node::Table(q.clone()),
        pos,
        format!(
            "{alter} RENAME COLUMN {} TO {}",
            quote::ident(name),
            quote::ident(&aside)
        ),
    );
    d.note(format!(
        "column {} of {} is its own in FROM and only inherited in TO: no ALTER makes it so, so it is renamed aside, comes again through its parent, takes the old values, and the old column is dropped",
        quote::ident(name),
        q.sql()
    ));
}

/// Once the relocated columns of `q` came anew: they take the old values, and the old
/// columns go.
pub(super) fn copy_relocated(d: &mut Diff, q: &QualName, old: &Table, t: &Table, alter: &str) {
    let node = Node::Table(q.clone());
    for c in &t.columns {
        let Some(o) = old.column(&c.name).filter(|o| relocated(d, q, o, c)) else {
            continue;
        };
        let aside = aside_name(d, q, &o.name);
        // (A scratch parent's column took them already, see `inherit_with_columns`.)
        let through_scratch = t.inherits.iter().any(|p| {
            !old.inherits.contains(p)
                && columns_for_inherit(d, q, old, t, p)
                    .iter()
                    .any(|n| n.name == c.name)
        });
        if !through_scratch {
            d.create(
                &node,
                t.pos,
                format!(
                    "UPDATE ONLY {} SET {} = {}",
                    q.sql(),
                    quote::ident(&c.name),
                    super::tables::converted_value(d, &quote::ident(&aside), o, c)
                ),
            );
        }
        d.create(
            &node,
            t.pos,
            format!("{alter} DROP COLUMN {}", quote::ident(&aside)),
        );
    }
}

/// The columns of `q` that `ALTER TABLE q INHERIT parent` needs first and that nothing else
/// gives it: columns TO has inherited only, new to `q` (or relocated), which no kept parent
/// adds, and which `parent` is the first of TO's new parents to hand down.
pub(super) fn columns_for_inherit<'t>(
    d: &Diff,
    q: &QualName,
    old: &Table,
    t: &'t Table,
    parent: &QualName,
) -> Vec<&'t Column> {
    let new_parents: Vec<&QualName> = t
        .inherits
        .iter()
        .filter(|p| !old.inherits.contains(p))
        .collect();
    t.columns
        .iter()
        .filter(|c| c.inherited)
        .filter(|c| old.column(&c.name).is_none_or(|o| relocated(d, q, o, c)))
        .filter(|c| !arrives_through_parent(d, q, &c.name))
        .filter(|c| {
            new_parents
                .iter()
                .find(|p| {
                    d.to.tables
                        .get(**p)
                        .is_some_and(|pt| pt.column(&c.name).is_some())
                })
                .is_some_and(|p| *p == parent)
        })
        .collect()
}

/// `ALTER TABLE q INHERIT parent` when `q` first needs `columns`, not its own: a scratch
/// parent adds them (so they come inherited, with their default), `q` inherits `parent`, and
/// the scratch parent goes.
pub(super) fn inherit_with_columns(
    d: &mut Diff,
    q: &QualName,
    pos: usize,
    alter: &str,
    parent: &QualName,
    columns: &[&Column],
) {
    let node = Node::Table(q.clone());
    let scratch = scratch_table(d, q);
    let mut sql = vec![
        format!("CREATE TABLE {} ()", scratch.sql()),
        format!("{alter} INHERIT {}", scratch.sql()),
    ];
    let old = d.from.tables.get(q);
    for c in columns {
        // A column going aside takes its old values at once, before the new parent (whose
        // column may be NOT NULL) is inherited; it is added nullable for that.
        let aside = old
            .and_then(|t| t.column(&c.name))
            .filter(|o| relocated(d, q, o, c))
            .map(|o| (o, aside_name(d, q, &o.name)));
        let added = Column {
            not_null: c.not_null && aside.is_none(),
            ..(*c).clone()
        };
        sql.push(format!(
            "ALTER TABLE {} ADD COLUMN {}",
            scratch.sql(),
            super::tables::added_column_sql(&added)
        ));
        if let Some((o, aside)) = aside {
            let name = quote::ident(&c.name);
            sql.push(format!(
                "UPDATE ONLY {} SET {name} = {}",
                q.sql(),
                super::tables::converted_value(d, &quote::ident(&aside), o, c)
            ));
            if c.not_null {
                sql.push(format!("{alter} ALTER COLUMN {name} SET NOT NULL"));
            }
        }
    }
    sql.push(format!("{alter} INHERIT {}", parent.sql()));
    sql.push(format!("{alter} NO INHERIT {}", scratch.sql()));
    sql.push(format!("DROP TABLE {}", scratch.sql()));
    let names: Vec<String> = columns.iter().map(|c| quote::ident(&c.name)).collect();
    let note = format!(
        "{} inherits {} and needs its column(s) {} first, inherited rather than its own: a scratch parent adds them, then goes",
        q.sql(),
        parent.sql(),
        names.join(", ")
    );
    push_noted(d, &node, pos, sql, note, Phase::Create);
}

/// Pushes statements `sql` in order, `note` on the first.
fn push_noted(d: &mut Diff, node: &Node, pos: usize, sql: Vec<String>, note: String, phase: Phase) {
    for (i, s) in sql.into_iter().enumerate() {
        match phase {
            Phase::Drop => d.drop(node, pos, s),
            Phase::Create => d.create(node, pos, s),
        }
        if i == 0 {
            d.note(note.clone());
        }
    }
}

/// Whether FROM's column `o` of `q`, inherited only, is its own as well in TO (`c`), while
/// still inherited: no step of the migration lets its count reach 0, so `make_local` does it.
pub(super) fn becomes_local(d: &Diff, q: &QualName, o: &Column, c: &Column) -> bool {
    no_partition(d, q) && o.inherited && !c.inherited && d.to.inhcount(q, &c.name) > 0
}

/// Makes FROM's inherited-only columns `columns` of `q` its own as well: `q` inherits them
/// once more from a scratch table, which drops them alone (`ONLY`, which leaves them to `q`
/// as its own), and goes. Before anything else changes them (with FROM's types).
pub(super) fn make_local(d: &mut Diff, q: &QualName, pos: usize, alter: &str, columns: &[&Column]) {
    if columns.is_empty() {
        return;
    }
    let node = Node::Table(q.clone());
    let scratch = scratch_table(d, q);
    let defs: Vec<String> = columns
        .iter()
        .map(|c| {
            let mut s = format!("    {} {}", quote::ident(&c.name), c.type_sql);
            if let Some(coll) = &c.collation {
                s.push_str(&format!(" COLLATE {coll}"));
            }
            s
        })
        .collect();
    let drops: Vec<String> = columns
        .iter()
        .map(|c| format!("DROP COLUMN {}", quote::ident(&c.name)))
        .collect();
    let sql = vec![
        format!("CREATE TABLE {} (\n{}\n)", scratch.sql(), defs.join(",\n")),
        format!("{alter} INHERIT {}", scratch.sql()),
        format!("ALTER TABLE ONLY {} {}", scratch.sql(), drops.join(", ")),
        format!("{alter} NO INHERIT {}", scratch.sql()),
        format!("DROP TABLE {}", scratch.sql()),
    ];
    let names: Vec<String> = columns.iter().map(|c| quote::ident(&c.name)).collect();
    let note = format!(
        "column(s) {} of {} become its own as well as inherited: no ALTER does that but dropping them from ONLY a parent, so a scratch parent lends them and drops them",
        names.join(", "),
        q.sql()
    );
    push_noted(d, &node, pos, sql, note, Phase::Drop);
}

/// The tables at the top of FROM's trees that hold column `name` of `q` (as `q` does) and
/// meet below: some table under them inherits the column from more than one of them. The
/// server refuses a change of type from any one of them alone. Sorted; just `q` when no
/// such table is below (or `q` is not at the top).
pub(super) fn merged_roots(d: &Diff, q: &QualName, name: &str) -> Vec<QualName> {
    let c = d.from;
    // A table dropped or made again is out of the tree by the time the column changes.
    let holds = |t: &QualName| {
        !d.dropped_tables.contains(t)
            && !d.rebuilt_tables.contains(t)
            && c.tables.get(t).is_some_and(|t| t.column(name).is_some())
    };
    // A child needs its parent in FROM's graph: its dependents are read, not every table.
    let children = |p: &QualName| -> Vec<QualName> {
        d.gf.dependents_of(&Node::Table(p.clone()))
            .filter_map(|n| {
                if let Node::Table(k) = n {
                    Some(k)
                } else {
                    None
                }
            })
            .filter(|k| {
                c.tables
                    .get(*k)
                    .is_some_and(|t| t.parents().any(|x| x == p))
            })
            .filter(|k| holds(k))
            .cloned()
            .collect()
    };
    let mut roots: BTreeSet<QualName> = BTreeSet::new();
    let mut todo = vec![q.clone()];
    let mut seen: BTreeSet<QualName> = BTreeSet::new();
    while let Some(at) = todo.pop() {
        if !seen.insert(at.clone()) {
            continue;
        }
        let providers: Vec<QualName> = c
            .tables
            .get(&at)
            .map(|t| t.parents().filter(|p| holds(p)).cloned().collect())
            .unwrap_or_default();
        if providers.is_empty() {
            roots.insert(at.clone());
        }
        todo.extend(providers);
        todo.extend(children(&at));
    }
    roots.into_iter().collect()
}

/// The type change `retype` (`TYPE ... USING ...`) of column `name` of every table of
/// `roots` at once: a scratch table with the column's FROM type becomes their common parent,
/// changes it (reaching every table under it), and goes.
pub(super) fn retype_merged(
    d: &mut Diff,
    q: &QualName,
    pos: usize,
    roots: &[QualName],
    o: &Column,
    retype: &str,
) {
    let node = Node::Table(q.clone());
    let scratch = scratch_table(d, q);
    let mut col = format!("{} {}", quote::ident(&o.name), o.type_sql);
    if let Some(coll) = &o.collation {
        col.push_str(&format!(" COLLATE {coll}"));
    }
    let mut sql = vec![format!("CREATE TABLE {} (\n    {col}\n)", scratch.sql())];
    for r in roots {
        sql.push(format!("ALTER TABLE {} INHERIT {}", r.sql(), scratch.sql()));
    }
    sql.push(format!(
        "ALTER TABLE {} ALTER COLUMN {} {retype}",
        scratch.sql(),
        quote::ident(&o.name)
    ));
    for r in roots {
        sql.push(format!(
            "ALTER TABLE {} NO INHERIT {}",
            r.sql(),
            scratch.sql()
        ));
    }
    sql.push(format!("DROP TABLE {}", scratch.sql()));
    let names: Vec<String> = roots.iter().map(QualName::sql).collect();
    let note = format!(
        "column {} is merged from {} in a table below them: the server refuses to change its type from one of them alone, so a scratch table becomes their common parent for the change",
        quote::ident(&o.name),
        names.join(" and ")
    );
    push_noted(d, &node, pos, sql, note, Phase::Create);
}

/// Whether FROM's column `name` of `q`, which TO does not have, goes with the parents'
/// `DROP COLUMN`: it is inherited only, and each parent that hands it down stays `q`'s
/// parent and drops it for its whole tree (no other child of that parent keeps it, which
/// would make the drop `ONLY`).
pub(super) fn dropped_through_parents(d: &Diff, q: &QualName, name: &str) -> bool {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return false;
    };
    // (A partition detached meanwhile is out of the parents' reach.)
    if !old.column(name).is_some_and(|c| c.inherited) || super::tables::joins_partition(d, q) {
        return false;
    }
    old.parents()
        .filter(|p| {
            d.from
                .tables
                .get(*p)
                .is_some_and(|pt| pt.column(name).is_some())
        })
        .all(|p| {
            t.parents().any(|x| x == p)
                && !d.rebuilt_tables.contains(p)
                && !d.dropped_tables.contains(p)
                && d.to
                    .tables
                    .get(p)
                    .is_some_and(|pt| pt.column(name).is_none())
                && !d
                    .to
                    .tables
                    .values()
                    .any(|c| c.inherits.contains(p) && c.column(name).is_some())
        })
}
