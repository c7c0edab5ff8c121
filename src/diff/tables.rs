//! Tables (columns, constraints, per-table settings) and indexes.

use std::collections::BTreeSet;

use super::{Diff, Phase};
use crate::catalog::graph::{Graph, Node, Strength};
use crate::catalog::{
    Catalog, Column, Constraint, ConstraintKind, ObjKey, ObjKind, QualName, Table,
};
use crate::emit::quote;

pub(super) fn diff_tables(d: &mut Diff) {
    let aside = (!d.filled_tables.is_empty()).then(|| aside_schema(d));
    if let Some(a) = &aside {
        d.drop(
            &Node::Schema(a.clone()),
            usize::MAX,
            format!("CREATE SCHEMA {}", quote::ident(a)),
        );
        d.note("holds the tables whose partitioning changes while their rows are copied into the new ones".to_string());
    }
    for (q, t) in &d.from.tables {
        if !d.dropped_tables.contains(q) || goes_with_filled(d, q) {
            continue;
        }
        match aside.as_ref().filter(|_| d.filled_tables.contains(q)) {
            Some(a) => {
                // A partition leaves its parent first: the new table takes its bound.
                if let Some((parent, _)) = &t.partition_of {
                    d.drop(
                        &Node::Table(q.clone()),
                        t.pos,
                        format!("ALTER TABLE {} DETACH PARTITION {}", parent.sql(), q.sql()),
                    );
                }
                d.drop(
                    &Node::Table(q.clone()),
                    t.pos,
                    format!("ALTER TABLE {} SET SCHEMA {}", q.sql(), quote::ident(a)),
                );
                let partitioned = d.to.tables.get(q).is_some_and(|n| n.partition_by.is_some());
                let how = match (t.partition_by.is_some(), partitioned) {
                    (false, _) => "becomes partitioned",
                    (true, true) => "is partitioned anew",
                    (true, false) => "stops being partitioned",
                };
                let lost = if t.partition_by.is_some() {
                    ", and the partitions TO does not keep"
                } else {
                    ""
                };
                d.note(format!("{} {how}: no ALTER does that, so it moves aside (with its indexes and identity sequences{lost}), the new table is created in its place, its rows are copied in, and the old table is dropped", q.sql()));
            }
            // A foreign table's rows live on its server: dropping it loses none.
            None => {
                d.drop(
                    &Node::Table(q.clone()),
                    t.pos,
                    format!("DROP {} {}", kind_sql(t), q.sql()),
                );
                if let Some(why) = unfillable(d, q).filter(|_| becomes_partitioned(d, q)) {
                    d.note(format!("{} becomes partitioned: no ALTER does that, and its rows cannot be copied into the new table ({why}), so it is dropped and created again, and its rows are lost", q.sql()));
                }
            }
        }
    }
    drop_constraints(d);
    unhook_dropped(d);
    for (q, t) in &d.to.tables {
        match d.from.tables.get(q) {
            Some(old) if !d.rebuilt_tables.contains(q) => alter_table(d, q, old, t),
            Some(old) => {
                create_table(d, q, t);
                if let Some(a) = aside.as_ref().filter(|_| d.filled_tables.contains(q)) {
                    copy_rows(d, q, old, t, a);
                }
            }
            None => create_table(d, q, t),
        }
    }
    if let Some(a) = aside {
        d.create(
            &Node::Schema(a.clone()),
            usize::MAX,
            format!("DROP SCHEMA {}", quote::ident(&a)),
        );
        let filled = d
            .filled_tables
            .iter()
            .map(|q| Node::Table(q.clone()))
            .collect();
        d.after(filled);
    }
    add_constraints(d);
}

/// Tables whose partitioning changes and whose rows would otherwise be lost: a plain table
/// that becomes partitioned, or a partitioned one (partitioned anew, or plain in TO) some of
/// whose partitions TO does not keep. No ALTER does that, so each is moved aside, created
/// again, and filled with the old one's rows (a partition TO keeps is detached first and
/// keeps its own). A partition of a table that stays leaves it first (`DETACH`), so that the
/// new one can take its bound. Not a table in an inheritance tree: the old one could not be
/// dropped after the copy; but a parent all of whose children let go of it (`NO INHERIT`
/// before it moves aside, as they leave a parent made again) is alone by then, and the copy
/// takes its own rows only. Nor a partition of a table made again (the parent's own move
/// takes care of its rows), nor one that TO makes partitioned without a partition: it
/// cannot hold a row.
pub(super) fn filled(d: &Diff) -> BTreeSet<QualName> {
    d.rebuilt_tables
        .iter()
        .filter(|q| loses_rows(d, q) && unfillable(d, q).is_none())
        .cloned()
        .collect()
}

/// Whether dropping table `q` of `rebuilt_tables` loses rows: it is plain, or TO does not
/// keep one of its partitions.
fn loses_rows(d: &Diff, q: &QualName) -> bool {
    match d.from.tables.get(q).map(|old| &old.partition_by) {
        Some(Some(_)) => partitions_in_from(d, q)
            .iter()
            .any(|p| !d.to.tables.contains_key(p)),
        Some(None) => true,
        None => false,
    }
}

/// Why the rows of table `q` of `rebuilt_tables` cannot be copied into the new one, if they
/// cannot (see `filled`).
fn unfillable(d: &Diff, q: &QualName) -> Option<&'static str> {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return Some("TO does not have it");
    };
    if old.foreign.is_some() || t.foreign.is_some() {
        return Some("the rows of a foreign table live on its server");
    }
    if t.partition_by.is_some() && partitions_in_to(d, q).is_empty() {
        return Some("TO gives it no partition");
    }
    let in_tree = d.from.tables.iter().any(|(cq, c)| {
        c.inherits.contains(q) && d.to.tables.get(cq).is_some_and(|n| n.inherits.contains(q))
    });
    if !old.inherits.is_empty() || in_tree {
        return Some("the old one is in an inheritance tree");
    }
    let parent_stays = old
        .partition_of
        .as_ref()
        .is_none_or(|(p, _)| !d.rebuilt_tables.contains(p) && d.to.tables.contains_key(p));
    if !parent_stays {
        return Some("it is a partition of a table made again");
    }
    None
}

/// Whether FROM's partition `q`, which TO does not have, goes with a table of
/// `filled_tables` it is under: it holds rows until they are copied, and dropping the old
/// table (moved aside) drops it.
fn goes_with_filled(d: &Diff, q: &QualName) -> bool {
    let mut at = q;
    while let Some((parent, _)) = d.from.tables.get(at).and_then(|t| t.partition_of.as_ref()) {
        if d.to.tables.contains_key(at) {
            return false;
        }
        if d.filled_tables.contains(parent) {
            return true;
        }
        at = parent;
    }
    false
}

/// The partitions of `q` in FROM, at every level.
fn partitions_in_from(d: &Diff, q: &QualName) -> Vec<QualName> {
    d.from.partitions_under(q)
}

/// Whether FROM's plain table `q` is partitioned in TO (a foreign table on neither side).
fn becomes_partitioned(d: &Diff, q: &QualName) -> bool {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return false;
    };
    old.partition_by.is_none()
        && old.foreign.is_none()
        && t.partition_by.is_some()
        && t.foreign.is_none()
}

/// A schema name neither catalog uses, for the tables moved aside while their rows are copied.
fn aside_schema(d: &Diff) -> String {
    let free = |n: &String| !d.from.schemas.contains_key(n) && !d.to.schemas.contains_key(n);
    (1..)
        .map(|i| {
            if i == 1 {
                "pgdumpdiff_old".to_string()
            } else {
                format!("pgdumpdiff_old_{i}")
            }
        })
        .find(free)
        .unwrap_or_default()
}

/// The partitions of `q` in TO, at every level.
fn partitions_in_to(d: &Diff, q: &QualName) -> Vec<QualName> {
    d.to.partitions_under(q)
}

/// Table `q`, created again as TO's partitioned table, gets the rows of the old one (moved
/// to schema `aside`): once its partitions are attached, and before its keys, indexes,
/// triggers and the foreign keys that reference it. Identity sequences carry on from the old
/// ones; then the old table goes.
fn copy_rows(d: &mut Diff, q: &QualName, old: &Table, t: &Table, aside: &str) {
    let node = Node::Table(q.clone());
    // After CREATE TABLE `q` (one node's changes keep their order) and its partitions.
    let parts: Vec<Node> = partitions_in_to(d, q)
        .into_iter()
        .map(Node::Table)
        .collect();
    let moved = QualName::new(aside, q.name.clone());
    let copied: Vec<&Column> = t
        .columns
        .iter()
        .filter(|c| {
            c.generated.is_none() && old.column(&c.name).is_some_and(|o| o.generated.is_none())
        })
        .collect();
    let names: Vec<String> = copied.iter().map(|c| quote::ident(&c.name)).collect();
    let overriding = if copied
        .iter()
        .any(|c| c.identity.as_ref().is_some_and(|i| i.kind == "ALWAYS"))
    {
        " OVERRIDING SYSTEM VALUE"
    } else {
        ""
    };
    let list = names.join(", ");
    // A column whose type changes (or is made again) converts as an ALTER would: no
    // assignment cast joins an enum to the one made again in its place, say.
    let selected = copied
        .iter()
        .map(|c| {
            let name = quote::ident(&c.name);
            match old.column(&c.name) {
                Some(o) => converted_value(d, &name, o, c),
                None => name,
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let fill = |d: &mut Diff, sql: String| {
        d.create(&node, t.pos, sql);
        d.after(parts.clone());
        d.filling.push(d.out.len() - 1);
    };
    fill(
        d,
        format!(
            "INSERT INTO {} ({list}){overriding} SELECT {selected} FROM {}",
            q.sql(),
            moved.sql()
        ),
    );
    for c in &copied {
        let Some(new_id) = c.identity.as_ref() else {
            continue;
        };
        let Some(old_id) = old.column(&c.name).and_then(|o| o.identity.as_ref()) else {
            // A new identity (the column was serial, or plain): past the values copied.
            if let Some(sql) = carry_on_sql(q, &c.name, &new_id.sequence, &new_id.options) {
                fill(d, sql);
            }
            continue;
        };
        let old_seq = QualName::new(aside, old_id.sequence.name.clone());
        fill(
            d,
            format!(
                "SELECT pg_catalog.setval({}, last_value, is_called) FROM {}",
                quote::literal(&new_id.sequence.sql()),
                old_seq.sql()
            ),
        );
    }
    // The partitions TO does not keep, their rows copied: deepest first, each named (the
    // old table's drop would take them along unseen).
    let depth = |p: &QualName| {
        std::iter::successors(Some(p), |x| {
            d.from
                .tables
                .get(*x)
                .and_then(|t| t.partition_of.as_ref())
                .map(|(parent, _)| parent)
        })
        .count()
    };
    let mut lost: Vec<QualName> = partitions_in_from(d, q)
        .into_iter()
        .filter(|p| goes_with_filled(d, p))
        .collect();
    lost.sort_by_key(|p| std::cmp::Reverse(depth(p)));
    for p in lost {
        fill(d, format!("DROP TABLE {}", p.sql()));
        d.about(&Node::Table(p));
        d.note(format!(
            "a partition TO does not keep: its rows are in {} now",
            q.sql()
        ));
    }
    fill(d, format!("DROP TABLE {}", moved.sql()));
}

/// Places the changes that fill a table (`copy_rows`) after every other change of that
/// table (its identity, its settings, ...): those run before the rows go in, in the order
/// one table's changes keep. Strictly after: a change made later with the same position
/// (a column's comment) would otherwise follow the copy, and the table's partitions, which
/// wait for every change of the table but the copy, would follow it too.
pub(super) fn settle_filling(d: &mut Diff) {
    let filling = std::mem::take(&mut d.filling);
    for &i in &filling {
        let Some(node) = d.out.get(i).map(|c| c.node.clone()) else {
            continue;
        };
        let last = d
            .out
            .iter()
            .enumerate()
            .filter(|(j, c)| c.phase == Phase::Create && c.node == node && !filling.contains(j))
            .map(|(_, c)| c.pos)
            .max();
        if let (Some(last), Some(c)) = (last, d.out.get_mut(i)) {
            c.pos = c.pos.max(last.saturating_add(1));
        }
    }
}

/// Tables that must be dropped and created again: a partitioned table whose partitioning
/// changes, or that stops or starts being partitioned, or a column of whose key changes type
/// (the server refuses that). Its partitions are detached first and attached again after, so
/// they keep their rows.
/// A table that becomes foreign or stops being foreign, or a foreign table on another
/// server (or whose server is created again), is dropped and created again too.
pub(super) fn rebuilt(d: &Diff) -> BTreeSet<QualName> {
    d.from
        .tables
        .iter()
        .filter(|(q, old)| {
            d.to.tables.get(*q).is_some_and(|t| {
                t.partition_by != old.partition_by
                    || foreign_rebuilt(d, old, t)
                    || key_retyped(d, old, t)
                    || key_reads_remade(d, old)
            })
        })
        .map(|(q, _)| q.clone())
        .collect()
}

/// Whether a column of the partition key of `t` changes type (or is recast to a type made
/// again).
fn key_retyped(d: &Diff, old: &Table, t: &Table) -> bool {
    t.partition_key
        .iter()
        .flatten()
        .any(|k| match (old.column(k), t.column(k)) {
            (Some(a), Some(b)) => changes_type(d, a, b),
            _ => false,
        })
}

/// Whether a function the partition key of `old` calls goes: dropped, or made again where
/// CREATE OR REPLACE cannot change it (the server refuses to drop it under the table).
fn key_reads_remade(d: &Diff, old: &Table) -> bool {
    old.partition_deps.iter().any(|q| {
        let lo = ObjKey {
            kind: ObjKind::Function,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        d.from
            .objects
            .range(lo..)
            .take_while(|(k, _)| {
                k.kind == ObjKind::Function && k.schema == q.schema && k.name == q.name
            })
            .any(|(k, a)| match (d.to.objects.get(k), &a.routine) {
                (Some(b), Some(ra)) => b.routine.as_ref().is_none_or(|rb| !ra.replaceable_by(rb)),
                (Some(_), None) => false,
                (None, _) => true,
            })
    })
}

/// Whether column `c` is of a type made again under its columns (they are recast to it).
fn recast(d: &Diff, c: &Column) -> bool {
    !d.recast_types.is_empty()
        && crate::catalog::graph::type_name(&c.type_sql)
            .is_some_and(|t| d.recast_types.contains(&t))
}

/// Whether column `o` changes type to become `c`: another type or collation, or a type made
/// again.
fn changes_type(d: &Diff, o: &Column, c: &Column) -> bool {
    o.type_sql != c.type_sql
        || o.collation != c.collation
        || recast(d, c)
        || super::held::held_collation(d, o).is_some()
        || super::held::held(d, &o.type_sql).is_some()
}

/// `converted`, or the value `name` alone where the type stays: what a row copy selects.
pub(super) fn converted_value(d: &Diff, name: &str, o: &Column, c: &Column) -> String {
    if o.type_sql == c.type_sql && !recast(d, c) {
        name.to_string()
    } else {
        converted(d, name, o, c)
    }
}

/// The value `name` holds (column `o`'s, under its name or another) as column `c`'s type:
/// the expression `ALTER COLUMN ... TYPE ... USING` converts it with. Without a cast (integer
/// to uuid, an enum to another enum, or to itself made again), values go through their text
/// form: the statement applies, and fails on a row the new type cannot read.
fn converted(d: &Diff, name: &str, o: &Column, c: &Column) -> String {
    let via_text = recast(d, c)
        || !crate::catalog::types::explicit_cast(d.to, &o.type_sql, &c.type_sql)
        || !crate::catalog::types::explicit_cast(d.from, &o.type_sql, &c.type_sql);
    let into_array = !o.type_sql.ends_with("[]") && c.type_sql.ends_with("[]");
    match (via_text, c.type_sql.ends_with("[]")) {
        // A value becomes an array of one (no cast takes a scalar to `text[]`).
        (true, true) if into_array => format!("ARRAY[{name}]::{}", c.type_sql),
        (true, true) => format!("{name}::text[]::{}", c.type_sql),
        (true, false) => format!("{name}::text::{}", c.type_sql),
        (false, _) => format!("{name}::{}", c.type_sql),
    }
}

fn foreign_rebuilt(d: &Diff, old: &Table, t: &Table) -> bool {
    match (&old.foreign, &t.foreign) {
        (None, None) => false,
        (Some(a), Some(b)) => a.server != b.server || server_replaced(d, &a.server),
        (Some(_), None) | (None, Some(_)) => true,
    }
}

/// Whether server `name`, or its foreign-data wrapper, is dropped and created again.
fn server_replaced(d: &Diff, name: &str) -> bool {
    let replaced = |k: &ObjKey| match (d.from.objects.get(k), d.to.objects.get(k)) {
        (Some(a), Some(b)) => {
            (a.create != b.create || a.after != b.after)
                && crate::catalog::alter::object(k.kind, a, b).is_none()
        }
        _ => false,
    };
    let key = ObjKey {
        kind: ObjKind::Server,
        schema: String::new(),
        name: name.to_string(),
        sub: String::new(),
    };
    let fdws = d
        .from
        .objects
        .get(&key)
        .map(|o| o.deps.clone())
        .unwrap_or_default();
    replaced(&key)
        || fdws.iter().any(|q| {
            q.schema.is_empty()
                && replaced(&ObjKey {
                    kind: ObjKind::ForeignDataWrapper,
                    schema: String::new(),
                    name: q.name.clone(),
                    sub: String::new(),
                })
        })
}

/// `TABLE` or `FOREIGN TABLE`.
fn kind_sql(t: &Table) -> &'static str {
    if t.foreign.is_some() {
        "FOREIGN TABLE"
    } else {
        "TABLE"
    }
}

/// `ALTER TABLE q` or `ALTER FOREIGN TABLE q`, as table `q` is in TO (or FROM).
fn alter_sql(d: &Diff, q: &QualName) -> String {
    alter_sql_in([d.to, d.from], q)
}

/// `ALTER TABLE q ALTER COLUMN column`, from the catalogs alone (TO first).
fn alter_column_in(catalogs: [&Catalog; 2], q: &QualName, column: &str) -> String {
    format!(
        "{} ALTER COLUMN {}",
        alter_sql_in(catalogs, q),
        quote::ident(column)
    )
}

/// `ALTER TABLE ONLY q ALTER COLUMN column` where `q` has children in FROM: a default,
/// statistics target, storage or compression set on a parent reaches its children without
/// ONLY, and each child's own is set by its own statement. Plain `alter_column_in` for a
/// table without children.
fn alter_column_only(d: &Diff, q: &QualName, column: &str) -> String {
    let children =
        d.from.tables.values().any(|t| {
            t.inherits.contains(q) || t.partition_of.as_ref().is_some_and(|(p, _)| p == q)
        });
    if children {
        format!(
            "ALTER {} ONLY {} ALTER COLUMN {}",
            kind_in([d.to, d.from], q),
            q.sql(),
            quote::ident(column)
        )
    } else {
        alter_column_in([d.to, d.from], q, column)
    }
}

/// `alter_sql` from the catalogs alone (TO first), for a closure that writes it lazily.
fn alter_sql_in(catalogs: [&Catalog; 2], q: &QualName) -> String {
    format!("ALTER {} {}", kind_in(catalogs, q), q.sql())
}

/// `TABLE` or `FOREIGN TABLE`, as table `q` is in the first of `catalogs` that has it.
fn kind_in(catalogs: [&Catalog; 2], q: &QualName) -> &'static str {
    catalogs
        .iter()
        .find_map(|c| c.tables.get(q))
        .map_or("TABLE", kind_sql)
}

/// Tables that lose a column or change a column's type (or a type is rebuilt under it):
/// views and other objects over them must be rebuilt.
pub(super) fn reshaped(d: &Diff) -> BTreeSet<QualName> {
    let mut out = BTreeSet::new();
    for (q, old) in &d.from.tables {
        let Some(t) = d.to.tables.get(q) else {
            continue;
        };
        let changed = old.columns.iter().any(|oc| match t.column(&oc.name) {
            None => !oc.inherited,
            Some(c) => c.generated != oc.generated || changes_type(d, oc, c),
        });
        if changed {
            out.insert(q.clone());
        }
    }
    out
}

/// Whether a column's default goes inside its CREATE TABLE / ADD COLUMN: it was written
/// there (not set by a later ALTER), and no sequence it reads is new (a serial column's
/// sequence is created after its table, as pg_dump orders them; the default follows it).
fn default_inline(d: &Diff, t: &Table, c: &Column) -> bool {
    c.default.as_ref().is_some_and(|(_, p)| *p <= t.pos)
        && !c
            .default_deps
            .iter()
            .any(|s| d.to.sequences.contains_key(s) && !d.from.sequences.contains_key(s))
}

/// What a column definition says besides its name, type, collation, generation and NOT NULL.
#[derive(Clone, Copy)]
struct Inline {
    default: bool,
    identity: bool,
}

/// A column as `ADD COLUMN` adds it to a table that may hold rows: in one statement with its
/// default and identity, so existing rows take the default (or numbers from the identity)
/// and a NOT NULL column never starts out empty.
const ADDED: Inline = Inline {
    default: true,
    identity: true,
};

/// Column `c` as `ADD COLUMN` writes it (see `ADDED`).
pub(super) fn added_column_sql(c: &Column) -> String {
    column_sql(c, ADDED)
}

fn column_sql(c: &Column, inline: Inline) -> String {
    let mut s = format!("{} {}", quote::ident(&c.name), c.type_sql);
    if let Some(coll) = &c.collation {
        s.push_str(&format!(" COLLATE {coll}"));
    }
    if let Some(g) = &c.generated {
        s.push_str(&format!(" GENERATED ALWAYS AS ({g}) STORED"));
    }
    if inline.default {
        if let Some((def, _)) = &c.default {
            s.push_str(&format!(" DEFAULT {def}"));
        }
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    if let Some(id) = c.identity.as_ref().filter(|_| inline.identity) {
        s.push(' ');
        s.push_str(&identity_clause(id, &c.type_sql));
    }
    s
}

/// `GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME s ...)`, as ADD COLUMN and ALTER COLUMN
/// ... ADD both write it.
fn identity_clause(id: &crate::catalog::Identity, column_type: &str) -> String {
    let opts = identity_options_sql(&id.options, column_type);
    let mut inner = format!("SEQUENCE NAME {}", id.sequence.sql());
    if !opts.is_empty() {
        inner.push(' ');
        inner.push_str(&opts);
    }
    format!("GENERATED {} AS IDENTITY ({inner})", id.kind)
}

fn create_table(d: &mut Diff, q: &QualName, t: &Table) {
    let partition = t.partition_of.is_some();
    let kind = if t.unlogged {
        "UNLOGGED TABLE"
    } else {
        kind_sql(t)
    };
    let mut sql = match &t.of_type {
        // A typed table has its type's columns: only their options are written.
        Some(ty) => {
            let body: Vec<String> = t
                .columns
                .iter()
                .filter_map(|c| typed_column_sql(c, default_inline(d, t, c)))
                .map(|c| format!("    {c}"))
                .collect();
            let head = format!("CREATE {kind} {} OF {}", q.sql(), ty.sql());
            if body.is_empty() {
                head
            } else {
                format!("{head} (\n{}\n)", body.join(",\n"))
            }
        }
        None => {
            let cols: Vec<&Column> = t
                .columns
                .iter()
                .filter(|c| partition || !c.inherited)
                .collect();
            let body: Vec<String> = cols
                .iter()
                .map(|c| {
                    format!(
                        "    {}",
                        column_sql(
                            c,
                            Inline {
                                default: default_inline(d, t, c),
                                identity: false
                            }
                        )
                    )
                })
                .collect();
            if body.is_empty() {
                format!("CREATE {kind} {} ()", q.sql())
            } else {
                format!("CREATE {kind} {} (\n{}\n)", q.sql(), body.join(",\n"))
            }
        }
    };
    if !t.inherits.is_empty() {
        let parents: Vec<String> = t.inherits.iter().map(QualName::sql).collect();
        sql.push_str(&format!("\nINHERITS ({})", parents.join(", ")));
    }
    if let Some(f) = &t.foreign {
        sql.push_str(&format!("\nSERVER {}", quote::ident(&f.server)));
        if !f.options.is_empty() {
            sql.push_str(&format!(
                "\n{}",
                crate::catalog::options::clause(&f.options)
            ));
        }
    }
    if let Some(p) = &t.partition_by {
        sql.push_str(&format!("\nPARTITION BY {p}"));
    }
    if let Some(am) = &t.access_method {
        sql.push_str(&format!("\nUSING {}", quote::ident(am)));
    }
    if !t.options.is_empty() {
        sql.push_str(&format!("\nWITH ({})", t.options.join(", ")));
    }
    let node = Node::Table(q.clone());
    if d.from.tables.contains_key(q) {
        d.recreated.insert(format!("{} {}", kind_sql(t), q.sql()));
    }
    d.create(&node, t.pos, sql);
    if let Some((parent, bound)) = &t.partition_of {
        attach_partition(d, q, t, parent, bound);
    }
    for c in &t.columns {
        if let Some((def, pos)) = &c.default {
            // An inherited column starts with its parent's default; a different one is set.
            let from_parent = c.inherited
                && !partition
                && t.inherits.iter().any(|p| {
                    d.to.tables
                        .get(p)
                        .and_then(|pt| pt.column(&c.name))
                        .and_then(|pc| pc.default.as_ref())
                        .is_some_and(|(pd, _)| pd == def)
                });
            let emit = if partition || !c.inherited {
                !default_inline(d, t, c)
            } else {
                !from_parent
            };
            if emit {
                d.create(
                    &Node::Default(q.clone(), c.name.clone()),
                    *pos,
                    format!(
                        "{} ALTER COLUMN {} SET DEFAULT {def}",
                        alter_sql(d, q),
                        quote::ident(&c.name)
                    ),
                );
            }
        }
        add_identity(d, q, t.pos, c);
        column_extras(d, q, t.pos, None, c);
    }
    table_settings(d, q, &Table::default(), t);
}

/// `col WITH OPTIONS ...` of a typed table's CREATE: what the column adds to its type's
/// attribute (generation, the default when it goes inline, NOT NULL); `None` when nothing.
fn typed_column_sql(c: &Column, default: bool) -> Option<String> {
    let mut s = String::new();
    if let Some(g) = &c.generated {
        s.push_str(&format!(" GENERATED ALWAYS AS ({g}) STORED"));
    }
    if let Some((def, _)) = c.default.as_ref().filter(|_| default) {
        s.push_str(&format!(" DEFAULT {def}"));
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    (!s.is_empty()).then(|| format!("{} WITH OPTIONS{s}", quote::ident(&c.name)))
}

/// Whether table `q` is a typed table of the same type in FROM and TO, and the type stays
/// (is not dropped or created again): its columns then change with the type's `ALTER TYPE
/// ... CASCADE`, never on their own.
fn kept_typed(d: &Diff, old: &Table, t: &Table) -> bool {
    match (&old.of_type, &t.of_type) {
        (Some(a), Some(b)) if a == b => !d.doomed(&Node::Object(ObjKey {
            kind: ObjKind::Type,
            schema: a.schema.clone(),
            name: a.name.clone(),
            sub: String::new(),
        })),
        _ => false,
    }
}

/// Identity sequence options: the sequence has the column's type.
fn identity_options_sql(o: &crate::catalog::SeqOptions, column_type: &str) -> String {
    let mut o = o.clone();
    o.data_type.get_or_insert_with(|| column_type.to_string());
    let s = super::sequences::options_sql(&o, None, false);
    s.split_once(' ')
        .filter(|(head, _)| *head == "AS")
        .map_or(s.clone(), |(_, rest)| {
            rest.split_once(' ')
                .map_or(String::new(), |(_, r)| r.to_string())
        })
}

/// `ALTER COLUMN ... ADD GENERATED ... AS IDENTITY` for a column that has none yet: a column
/// of a new table (as pg_dump writes it), or an existing column that becomes an identity.
fn add_identity(d: &mut Diff, q: &QualName, pos: usize, c: &Column) {
    if let Some(id) = &c.identity {
        let sql = format!(
            "{} ALTER COLUMN {} ADD {}",
            alter_sql(d, q),
            quote::ident(&c.name),
            identity_clause(id, &c.type_sql)
        );
        d.create(&Node::Table(q.clone()), id.pos.max(pos), sql);
    }
}

/// Identity, statistics, storage and compression of a column (compared with `old`).
fn column_extras(d: &mut Diff, q: &QualName, pos: usize, old: Option<&Column>, c: &Column) {
    // Written only for a statement: most columns do not change.
    let catalogs = [d.to, d.from];
    let col = || alter_column_in(catalogs, q, &c.name);
    let node = Node::Table(q.clone());
    let old_identity = old.and_then(|o| o.identity.as_ref());
    match (old_identity, &c.identity) {
        (None, Some(_)) => {} // added with the column, or by add_identity
        (Some(_), None) => {} // dropped by alter_column, before NOT NULL changes
        (Some(a), Some(b)) => {
            // An identity sequence has its column's type unless it says otherwise.
            let typed = |o: &crate::catalog::SeqOptions, ty: &str| {
                let mut o = o.clone();
                o.data_type.get_or_insert_with(|| ty.to_string());
                o
            };
            let old_type = old.map_or(c.type_sql.as_str(), |o| o.type_sql.as_str());
            let (ao, bo) = (typed(&a.options, old_type), typed(&b.options, &c.type_sql));
            if a.sequence != b.sequence {
                d.create(&node, pos, format!("{} DROP IDENTITY", col()));
                let opts = identity_options_sql(&b.options, &c.type_sql);
                d.create(
                    &node,
                    pos,
                    format!(
                        "{} ADD GENERATED {} AS IDENTITY (SEQUENCE NAME {} {opts})",
                        col(),
                        b.kind,
                        b.sequence.sql()
                    ),
                );
                carry_on(d, q, pos, &c.name, &b.sequence, &b.options);
            } else if a.kind != b.kind || ao.resolved() != bo.resolved() {
                let mut parts = Vec::new();
                if a.kind != b.kind {
                    parts.push(format!("SET GENERATED {}", b.kind));
                }
                // The sequence follows the column's type by itself.
                let clauses = super::sequences::option_clauses(&bo, Some(&ao), true);
                parts.extend(
                    clauses
                        .into_iter()
                        .filter(|o| !o.starts_with("AS "))
                        .map(|o| format!("SET {o}")),
                );
                if let Some(at) = super::sequences::restart(&bo, &ao) {
                    parts.push(format!("RESTART WITH {at}"));
                }
                if !parts.is_empty() {
                    d.create(&node, pos, format!("{} {}", col(), parts.join(" ")));
                }
            }
        }
        _ => {}
    }
    if old.map(|o| o.statistics) != Some(c.statistics) && (old.is_some() || c.statistics.is_some())
    {
        d.create(
            &node,
            pos,
            format!(
                "{} SET STATISTICS {}",
                alter_column_only(d, q, &c.name),
                c.statistics.unwrap_or(-1)
            ),
        );
    }
    if old.map(|o| &o.storage) != Some(&c.storage) {
        // Back to the type's default, when TO says nothing.
        let storage = c
            .storage
            .as_deref()
            .or_else(|| old.and(crate::catalog::types::default_storage(d.to, &c.type_sql)));
        if let Some(s) = storage {
            let sql = format!("{} SET STORAGE {s}", alter_column_only(d, q, &c.name));
            d.create(&node, pos, sql);
        }
    }
    if old.map(|o| &o.compression) != Some(&c.compression)
        && (old.is_some() || c.compression.is_some())
    {
        d.create(
            &node,
            pos,
            format!(
                "{} SET COMPRESSION {}",
                alter_column_only(d, q, &c.name),
                c.compression.as_deref().unwrap_or("default")
            ),
        );
    }
    let no_attoptions = std::collections::BTreeMap::new();
    let old_options = old.map_or(&no_attoptions, |o| &o.options);
    let set: Vec<String> = c
        .options
        .iter()
        .filter(|(k, v)| old_options.get(*k) != Some(*v))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let reset: Vec<&str> = old_options
        .keys()
        .filter(|k| !c.options.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !reset.is_empty() {
        d.create(
            &node,
            pos,
            format!("{} RESET ({})", col(), reset.join(", ")),
        );
    }
    if !set.is_empty() {
        d.create(&node, pos, format!("{} SET ({})", col(), set.join(", ")));
    }
    let no_options = crate::catalog::options::Options::new();
    if let Some(change) =
        crate::catalog::options::change(old.map_or(&no_options, |o| &o.fdw_options), &c.fdw_options)
    {
        d.create(&node, pos, format!("{} {change}", col()));
    }
}

fn alter_table(d: &mut Diff, q: &QualName, old: &Table, t: &Table) {
    let alter = alter_sql(d, q);
    let typed = kept_typed(d, old, t);
    if old.of_type.is_some() && !typed {
        // A plain table again (or typed anew, once its columns match): NOT OF first, before
        // its columns change or its type goes.
        d.drop(&Node::Table(q.clone()), old.pos, format!("{alter} NOT OF"));
    }
    if typed {
        typed_columns(d, q, old, t);
        table_settings(d, q, old, t);
        return;
    }
    // Generated columns go first: they may read the other columns that go (and never
    // another generated one), which the server would refuse to drop under them.
    let generated_first = old
        .columns
        .iter()
        .filter(|c| c.generated.is_some())
        .chain(old.columns.iter().filter(|c| c.generated.is_none()));
    for oc in generated_first {
        let back = t.column(&oc.name).filter(|c| regenerated(d, old, t, oc, c));
        if back.is_some() {
            // Its comment goes with the DROP COLUMN.
            d.recreated
                .insert(format!("COLUMN {}.{}", q.sql(), quote::ident(&oc.name)));
        }
        let gone = back.is_some() || t.column(&oc.name).is_none();
        // A column some parent hands down goes once no parent does (see `let_go_drops`).
        if gone && d.from.inhcount(q, &oc.name) == 0 && !d.dropped_tables.contains(q) {
            // Children that keep the column keep it as their own: ONLY leaves it to them
            // (and makes it theirs). One that keeps it inherited from another parent needs
            // the drop to recurse, which takes one parent from its count.
            let kept = |own: bool| {
                d.to.tables.values().any(|c| {
                    c.inherits.contains(q) && c.column(&oc.name).is_some_and(|k| k.inherited != own)
                })
            };
            let kept_below = kept(true) && !kept(false);
            let only = if kept_below {
                alter.replacen(" TABLE ", " TABLE ONLY ", 1)
            } else {
                alter.clone()
            };
            d.drop(
                &Node::Table(q.clone()),
                old.pos,
                format!("{only} DROP COLUMN {}", quote::ident(&oc.name)),
            );
        }
    }
    // Columns inherited only that become the table's own as well, before anything changes
    // them; columns its own only that become inherited only go aside.
    let becoming_local: Vec<&Column> = old
        .columns
        .iter()
        .filter(|o| {
            t.column(&o.name)
                .is_some_and(|c| super::inherit::becomes_local(d, q, o, c))
        })
        .collect();
    super::inherit::make_local(d, q, old.pos, &alter, &becoming_local);
    if detaches_early(d, q, old, t) {
        detach_partition(d, q, old, t);
    }
    for c in &t.columns {
        if let Some(o) = old
            .column(&c.name)
            .filter(|o| super::inherit::relocated(d, q, o, c))
        {
            super::inherit::rename_aside(d, q, old.pos, &alter, &o.name);
        }
    }
    for c in &t.columns {
        let old_col = old
            .column(&c.name)
            .filter(|o| !regenerated(d, old, t, o, c))
            .filter(|o| !super::inherit::relocated(d, q, o, c));
        match old_col {
            // Added through a parent, or by the scratch parent of an INHERIT (see
            // `inherit::columns_for_inherit`).
            None if c.inherited && !joins_partition(d, q) => {}
            None => {
                d.create(
                    &Node::Table(q.clone()),
                    t.pos,
                    format!("{alter} ADD COLUMN {}", column_sql(c, ADDED)),
                );
                if c.default.is_some() {
                    // The statement needs what the default reads (a new sequence, a function).
                    d.reads(Node::Default(q.clone(), c.name.clone()));
                }
                column_extras(d, q, t.pos, None, c);
            }
            Some(o) => alter_column(d, q, t.pos, o, c),
        }
    }
    table_settings(d, q, old, t);
    if let Some(ty) = &t.of_type {
        // Once its columns are its type's attributes, in order.
        d.create(
            &Node::Table(q.clone()),
            t.pos,
            format!("{alter} OF {}", ty.sql()),
        );
    }
}

/// The columns of a typed table kept typed: the type's `ALTER TYPE ... CASCADE` adds, drops
/// and retypes them (see `objects::alter_attributes`); what is left is each column's own
/// options, from what that leaves (a column added, or dropped and added again, starts bare).
fn typed_columns(d: &mut Diff, q: &QualName, old: &Table, t: &Table) {
    let Some(ty) = &t.of_type else { return };
    for c in &t.columns {
        let bare = || Column {
            collation: c.collation.clone(),
            ..Column::new(c.name.clone(), c.type_sql.clone())
        };
        let start = match old.column(&c.name) {
            Some(o) if !super::objects::attribute_readded(d, ty, &c.name) => Column {
                type_sql: c.type_sql.clone(),
                collation: c.collation.clone(),
                ..o.clone()
            },
            Some(_) | None => bare(),
        };
        alter_column(d, q, t.pos, &start, c);
    }
}

/// Whether column `o` of table `old` must be dropped and added again to become `c` of `t`: no
/// ALTER (as of PostgreSQL 15) makes a column generated or changes its expression, and the
/// server refuses to change the type of a column a generated one reads, or to drop a function
/// it calls. A generated column turned plain keeps its values through `DROP EXPRESSION`.
fn regenerated(d: &Diff, old: &Table, t: &Table, o: &Column, c: &Column) -> bool {
    let retyped = |name: &String| match (old.column(name), t.column(name)) {
        (Some(a), Some(b)) => a.type_sql != b.type_sql || a.collation != b.collation,
        _ => false,
    };
    let doomed = |q: &QualName| {
        d.from
            .objects
            .keys()
            .filter(|k| k.schema == q.schema && k.name == q.name)
            .any(|k| d.doomed(&Node::Object(k.clone())))
    };
    c.generated.is_some()
        && (o.generated != c.generated
            || (o.generated.is_some()
                && (c.generated_reads.iter().any(retyped) || o.generated_deps.iter().any(doomed))))
}

/// Whether a parent of `q` in both FROM and TO (kept, not rebuilt) changes its column
/// `name` as `changes` says: the parent's ALTER (without ONLY) makes the change on `q` too.
fn parent_alters(
    d: &Diff,
    q: &QualName,
    name: &str,
    changes: impl Fn(&Column, &Column) -> bool,
) -> bool {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return false;
    };
    let parents = |t: &'_ Table| {
        t.inherits
            .iter()
            .chain(t.partition_of.as_ref().map(|(p, _)| p))
            .cloned()
            .collect::<Vec<QualName>>()
    };
    // (A partition detached meanwhile is out of their reach.)
    if joins_partition(d, q) {
        return false;
    }
    let before = parents(old);
    parents(t)
        .iter()
        .filter(|p| {
            before.contains(p) && !d.rebuilt_tables.contains(*p) && !d.dropped_tables.contains(*p)
        })
        .any(|p| {
            match (
                d.from.tables.get(p).and_then(|pt| pt.column(name)),
                d.to.tables.get(p).and_then(|pt| pt.column(name)),
            ) {
                (Some(po), Some(pc)) => changes(po, pc),
                _ => false,
            }
        })
}

/// Whether table `q`, kept, is attached as a partition during the migration (after a DETACH,
/// where its bound or parent changes): what its parent's ALTERs do in the meantime does not
/// reach it, so its own changes bring it to what ATTACH needs.
pub(super) fn joins_partition(d: &Diff, q: &QualName) -> bool {
    match (d.from.tables.get(q), d.to.tables.get(q)) {
        (Some(old), Some(t)) => {
            t.partition_of.is_some()
                && old.partition_of != t.partition_of
                && !d.dropped_tables.contains(q)
        }
        _ => false,
    }
}

fn alter_column(d: &mut Diff, q: &QualName, pos: usize, o: &Column, c: &Column) {
    // Written only for a statement: most columns do not change.
    let catalogs = [d.to, d.from];
    let col = || alter_column_in(catalogs, q, &c.name);
    let node = Node::Table(q.clone());
    let default_node = Node::Default(q.clone(), c.name.clone());
    let type_changes = changes_type(d, o, c);
    let default_changes = o.default.as_ref().map(|x| &x.0) != c.default.as_ref().map(|x| &x.0);
    // The default goes first when the type changes under it or something it calls is dropped.
    let default_torn = o.default.is_some() && (type_changes || d.over_doomed(&default_node));
    if default_torn {
        d.drop(&default_node, pos, format!("{} DROP DEFAULT", col()));
    }
    // A type changing under the column in a way no ALTER carries its values through (a
    // range made again, a row type changing shape): it holds its text form meanwhile.
    if let Some(under) = super::held::held(d, &o.type_sql).filter(|_| !o.inherited) {
        let text = if o.type_sql.ends_with("[]") {
            "text[]"
        } else {
            "text"
        };
        let foreign = d.from.tables.get(q).is_some_and(|t| t.foreign.is_some());
        let using = if foreign {
            String::new()
        } else {
            format!(" USING {}::{text}", quote::ident(&o.name))
        };
        d.drop(&node, pos, format!("{} TYPE {text}{using}", col()));
        let why = super::held::why(d, &under);
        d.note(why);
    }
    // An ALTER on a parent reaches its children and partitions (the server refuses to change
    // an inherited column's type on the child alone).
    if type_changes && !parent_alters(d, q, &c.name, |po, pc| changes_type(d, po, pc)) {
        let mut sql = format!("TYPE {}", c.type_sql);
        if let Some(coll) = &c.collation {
            sql.push_str(&format!(" COLLATE {coll}"));
        }
        // A foreign table holds no rows to convert, and the server refuses USING on one, as
        // on a generated column (it computes its values again).
        let foreign = d.to.tables.get(q).is_some_and(|t| t.foreign.is_some());
        if !foreign && o.generated.is_none() {
            sql.push_str(&format!(
                " USING {}",
                converted(d, &quote::ident(&c.name), o, c)
            ));
        }
        // A column merged below from several tables at the top changes in all of them at
        // once, by the first of them.
        let roots = super::inherit::merged_roots(d, q, &c.name);
        let alike = roots.iter().all(|r| {
            match (
                d.from.tables.get(r).and_then(|t| t.column(&c.name)),
                d.to.tables.get(r).and_then(|t| t.column(&c.name)),
            ) {
                (Some(ro), Some(rc)) => {
                    ro.type_sql == o.type_sql
                        && ro.collation == o.collation
                        && rc.type_sql == c.type_sql
                        && rc.collation == c.collation
                }
                _ => false,
            }
        });
        if roots.len() > 1 && alike {
            if roots.first() == Some(q) {
                super::inherit::retype_merged(d, q, pos, &roots, o, &sql);
            }
        } else {
            d.create(&node, pos, format!("{} {sql}", col()));
        }
    }
    if default_changes || default_torn {
        match &c.default {
            Some((def, dpos)) => d.create(
                &default_node,
                (*dpos).max(pos),
                format!("{} SET DEFAULT {def}", alter_column_only(d, q, &c.name)),
            ),
            None if !default_torn => {
                d.create(&default_node, pos, format!("{} DROP DEFAULT", col()))
            }
            None => {}
        }
    }
    if o.identity.is_some() && c.identity.is_none() {
        d.create(&node, pos, format!("{} DROP IDENTITY", col()));
    }
    // A new sequence the column's new default takes (an identity column turned serial)
    // carries on from the values the column holds, once the identity is gone.
    if default_changes {
        let new_owned = c.default_deps.iter().find(|s| {
            !d.from.sequences.contains_key(*s)
                && d.to
                    .sequences
                    .get(*s)
                    .is_some_and(|seq| seq.owned_by.as_ref() == Some(&(q.clone(), c.name.clone())))
        });
        let found =
            new_owned.and_then(|s| Some((s.clone(), d.to.sequences.get(s)?.options.clone())));
        if let Some((s, options)) = found {
            carry_on(d, q, pos, &c.name, &s, &options);
        }
    }
    // (The parent's DROP EXPRESSION reaches its children, and the server refuses it on
    // an inherited column alone.)
    if o.generated.is_some()
        && c.generated.is_none()
        && !parent_alters(d, q, &c.name, |po, pc| {
            po.generated.is_some() && pc.generated.is_none()
        })
    {
        d.create(&node, pos, format!("{} DROP EXPRESSION", col()));
    }
    let parent_renulls = || {
        parent_alters(d, q, &c.name, |po, pc| {
            po.not_null != pc.not_null && pc.not_null == c.not_null
        })
    };
    if o.not_null != c.not_null
        && !parent_renulls()
        && !(c.not_null && super::online::set_not_null(d, q, &c.name, pos))
    {
        d.create(
            &node,
            pos,
            format!(
                "{} {} NOT NULL",
                col(),
                if c.not_null { "SET" } else { "DROP" }
            ),
        );
    }
    if o.identity.is_none() {
        add_identity(d, q, pos, c);
        if let Some(id) = &c.identity {
            // Where add_identity put the identity, right after it.
            carry_on(d, q, id.pos.max(pos), &c.name, &id.sequence, &id.options);
        }
    }
    column_extras(d, q, pos, Some(o), c);
}

/// A new sequence behind column `column` of a table that may hold rows (the column turned
/// identity, or serial): it starts past the values the column holds, so the next row does
/// not take a value a row has (`setval` to the largest; nothing on an empty table). Only for
/// an ascending sequence, from its start.
fn carry_on(
    d: &mut Diff,
    q: &QualName,
    pos: usize,
    column: &str,
    seq: &QualName,
    options: &crate::catalog::SeqOptions,
) {
    if let Some(sql) = carry_on_sql(q, column, seq, options) {
        d.create(&Node::Table(q.clone()), pos, sql);
        d.after(vec![Node::Sequence(seq.clone())]);
    }
}

/// `setval` of sequence `seq` to the largest value of `column` in `q`, if it is ascending and
/// the table holds one from its start on.
fn carry_on_sql(
    q: &QualName,
    column: &str,
    seq: &QualName,
    options: &crate::catalog::SeqOptions,
) -> Option<String> {
    if options.increment.unwrap_or(1) < 0 {
        return None;
    }
    let start = options.start.or(options.min_value).unwrap_or(1);
    let col = quote::ident(column);
    Some(format!(
        "SELECT pg_catalog.setval({}, max({col})) FROM {} HAVING max({col}) >= {start}",
        quote::literal(&seq.sql()),
        q.sql()
    ))
}

/// The tables whose persistence changes too that table `q` waits for as it becomes unlogged
/// (`unlogged`) or logged: the server refuses a logged table referencing an unlogged one and
/// the other way round, so the tables referencing `q` go unlogged first, and those `q`
/// references go logged first (foreign keys of either catalog: both may be there).
fn persistence_linked(d: &Diff, q: &QualName, unlogged: bool) -> Vec<Node> {
    let switches = |r: &QualName| {
        r != q
            && matches!((d.from.tables.get(r), d.to.tables.get(r)),
                (Some(a), Some(b)) if a.unlogged != unlogged && b.unlogged == unlogged)
    };
    let references = |from: &QualName, to: &QualName| {
        [d.from, d.to].iter().any(|c| {
            c.tables.get(from).is_some_and(|t| {
                t.constraints
                    .values()
                    .any(|k| k.references.as_ref() == Some(to))
            })
        })
    };
    // A table that switches is in both catalogs.
    d.to.tables
        .keys()
        .filter(|r| switches(r))
        .filter(|r| {
            if unlogged {
                references(r, q)
            } else {
                references(q, r)
            }
        })
        .map(|r| Node::Table(r.clone()))
        .collect()
}

fn table_settings(d: &mut Diff, q: &QualName, old: &Table, t: &Table) {
    let alter = alter_sql(d, q);
    let node = Node::Table(q.clone());
    let is_new = old.pos == 0 && old.columns.is_empty();
    if let (Some(a), Some(b)) = (&old.foreign, &t.foreign) {
        if let Some(change) = crate::catalog::options::change(&a.options, &b.options) {
            d.create(&node, t.pos, format!("{alter} {change}"));
        }
    }
    if !is_new && old.unlogged != t.unlogged {
        d.create(
            &node,
            t.pos,
            format!(
                "{alter} SET {}",
                if t.unlogged { "UNLOGGED" } else { "LOGGED" }
            ),
        );
        let linked = persistence_linked(d, q, t.unlogged);
        if !linked.is_empty() {
            d.after(linked);
        }
    }
    if !is_new && old.access_method != t.access_method {
        let am = t.access_method.as_deref().unwrap_or("heap");
        d.create(
            &node,
            t.pos,
            format!("{alter} SET ACCESS METHOD {}", quote::ident(am)),
        );
    }
    if !is_new && old.options != t.options {
        // RESET everything, then SET in TO's order: the server keeps options in the order set.
        let keys: Vec<&str> = old
            .options
            .iter()
            .filter_map(|o| o.split('=').next())
            .collect();
        if !keys.is_empty() {
            d.create(&node, t.pos, format!("{alter} RESET ({})", keys.join(", ")));
        }
        if !t.options.is_empty() {
            d.create(
                &node,
                t.pos,
                format!("{alter} SET ({})", t.options.join(", ")),
            );
        }
    }
    if old.rls_enabled != t.rls_enabled {
        d.create(
            &node,
            t.pos,
            format!(
                "{alter} {} ROW LEVEL SECURITY",
                if t.rls_enabled { "ENABLE" } else { "DISABLE" }
            ),
        );
    }
    if old.rls_forced != t.rls_forced {
        d.create(
            &node,
            t.pos,
            format!(
                "{alter} {} ROW LEVEL SECURITY",
                if t.rls_forced { "FORCE" } else { "NO FORCE" }
            ),
        );
    }
    if !is_new {
        // New parents first: a column inherited from both the old and the new parent stays
        // inherited (not local) when the old parent lets go.
        for p in &t.inherits {
            if !old.inherits.contains(p) {
                let needed = super::inherit::columns_for_inherit(d, q, old, t, p);
                if needed.is_empty() {
                    d.create(&node, t.pos, format!("{alter} INHERIT {}", p.sql()));
                } else {
                    super::inherit::inherit_with_columns(d, q, t.pos, &alter, p, &needed);
                }
            }
        }
        for p in &old.inherits {
            if !t.inherits.contains(p) {
                let sql = format!("{alter} NO INHERIT {}", p.sql());
                // A parent made again (as a partitioned table, say) is let go of before its
                // DROP, which a child would stop.
                if d.dropped_tables.contains(p) && d.to.tables.contains_key(p) {
                    d.drop(&node, old.pos, sql);
                } else {
                    d.create(&node, t.pos, sql);
                }
            }
        }
        super::inherit::copy_relocated(d, q, old, t, &alter);
        // Columns a parent handed down that TO does not have and that no parent's DROP
        // COLUMN takes along: they are the table's own once the parents let go.
        for oc in &old.columns {
            if t.column(&oc.name).is_none()
                && d.from.inhcount(q, &oc.name) > 0
                && !super::inherit::dropped_through_parents(d, q, &oc.name)
            {
                d.create(
                    &node,
                    t.pos,
                    format!("{alter} DROP COLUMN {}", quote::ident(&oc.name)),
                );
            }
        }
        // A partition leaves its parent before the parent is dropped (rebuilt or gone), and
        // joins it again once the parent is back.
        let parent_dropped = old
            .partition_of
            .as_ref()
            .is_some_and(|(p, _)| d.dropped_tables.contains(p));
        if old.partition_of != t.partition_of || parent_dropped {
            if !detaches_early(d, q, old, t) {
                detach_partition(d, q, old, t);
            }
            if let Some((parent, bound)) = &t.partition_of {
                attach_partition(d, q, t, parent, bound);
            }
        }
    }
}

/// Whether partition `q` leaves its parent before its columns change: some go aside (see
/// `inherit::relocated`), and the server refuses to rename a column a partition has through
/// its parent.
fn detaches_early(d: &Diff, q: &QualName, old: &Table, t: &Table) -> bool {
    old.partition_of.is_some()
        && t.columns.iter().any(|c| {
            old.column(&c.name)
                .is_some_and(|o| super::inherit::relocated(d, q, o, c))
        })
}

/// `ALTER TABLE parent DETACH PARTITION q`, when `q` is a partition in FROM. What it had
/// through the parent stays as its own: what TO does not have goes (unless the parent's
/// constraint went first, taking it along).
fn detach_partition(d: &mut Diff, q: &QualName, old: &Table, t: &Table) {
    let Some((parent, _)) = &old.partition_of else {
        return;
    };
    let node = Node::Table(q.clone());
    d.drop(
        &node,
        old.pos,
        format!("ALTER TABLE {} DETACH PARTITION {}", parent.sql(), q.sql()),
    );
    for (name, c) in &old.constraints {
        let Some(pn) = &c.parent else { continue };
        let wanted = t
            .constraints
            .get(name)
            .is_some_and(|n| n.def == c.def && n.kind == c.kind);
        if !wanted && survives_detach(d, parent, pn) {
            d.drop(
                &node,
                old.pos,
                format!("{} DROP CONSTRAINT {}", alter_sql(d, q), quote::ident(name)),
            );
            d.about(&Node::Constraint(q.clone(), name.clone()));
        }
    }
}

/// `ALTER TABLE parent ATTACH PARTITION q`. The server gives the new partition an index for
/// each index of the parent, adopting a matching one the table has or creating one under a
/// name of its choosing; so the partition's own indexes (as TO attaches them) are created
/// first, under TO's names, for ATTACH to adopt.
fn attach_partition(d: &mut Diff, q: &QualName, t: &Table, parent: &QualName, bound: &str) {
    let node = Node::Table(q.clone());
    let own: Vec<(QualName, String)> = d
        .to
        .indexes
        .iter()
        .filter(|(iq, i)| i.table == *q && i.attached_to.is_some() && !index_unchanged(d, iq, i))
        .map(|(iq, i)| (iq.clone(), i.def.clone()))
        .collect();
    for (iq, def) in own {
        d.recreated.insert(format!("INDEX {}", iq.sql()));
        d.create(&node, t.pos, def);
        d.indexes_before_attach.insert(iq);
    }
    // Likewise the constraints it has through its parent: the server refuses a partition
    // without its parent's CHECKs, and names the keys it would create its own way (a
    // foreign key it clones keeps the parent's name).
    let cloned_as_is = |name: &str, c: &Constraint| {
        c.kind == ConstraintKind::ForeignKey && c.parent.as_deref() == Some(name)
    };
    for (name, c) in t
        .constraints
        .iter()
        .filter(|(n, c)| c.parent.is_some() && !cloned_as_is(n, c))
    {
        if !kept_through_attach(d, q, name, c) {
            d.recreated
                .insert(format!("CONSTRAINT {} ON {}", quote::ident(name), q.sql()));
            d.create(
                &node,
                t.pos,
                format!(
                    "{} ADD CONSTRAINT {} {}",
                    alter_sql(d, q),
                    quote::ident(name),
                    c.def
                ),
            );
        }
    }
    d.create(
        &node,
        t.pos,
        format!(
            "ALTER TABLE {} ATTACH PARTITION {} {bound}",
            parent.sql(),
            q.sql()
        ),
    );
}

/// Whether constraint `name` of partition `q` (as TO has it, `c`) is there already when
/// the partition is attached: FROM has it on the table, and neither the migration nor a
/// drop of the parent's constraint it is attached to in FROM takes it away first.
fn kept_through_attach(d: &Diff, q: &QualName, name: &str, c: &Constraint) -> bool {
    let Some(old_t) = d
        .from
        .tables
        .get(q)
        .filter(|_| !d.dropped_tables.contains(q))
    else {
        return false;
    };
    let Some(old) = old_t
        .constraints
        .get(name)
        .filter(|o| o.def == c.def && o.kind == c.kind)
    else {
        return false;
    };
    match (&old.parent, &old_t.partition_of) {
        (Some(pn), Some((pt, _))) => survives_detach(d, pt, pn),
        (Some(_), None) | (None, _) => !constraint_goes(d, q, name),
    }
}

/// Whether a partition's copy of constraint `name` of its parent `table` (in FROM) is still
/// there once the partition is detached: a DROP CONSTRAINT on the parent takes the copies
/// along (it runs first, constraints coming after tables in dump order); a parent dropped
/// whole is dropped after its partitions leave it.
fn survives_detach(d: &Diff, table: &QualName, name: &str) -> bool {
    d.dropped_tables.contains(table) || !constraint_goes(d, table, name)
}

/// Whether FROM's constraint `name` of `table` is dropped by the migration (with its table,
/// or to change).
fn constraint_goes(d: &Diff, table: &QualName, name: &str) -> bool {
    d.dropped_tables.contains(table)
        || !d
            .from
            .tables
            .get(table)
            .and_then(|t| t.constraints.get(name))
            .is_some_and(|o| {
                d.to.tables
                    .get(table)
                    .and_then(|t| t.constraints.get(name))
                    .is_some_and(|n| n.def == o.def && n.kind == o.kind)
            })
        || d.over_doomed(&Node::Constraint(table.clone(), name.to_string()))
}

/// REPLICA IDENTITY and CLUSTER ON: they mark an index, so they run once the index exists
/// (after the index and constraint changes), and again when it is rebuilt.
pub(super) fn diff_index_marks(d: &mut Diff) {
    for (q, t) in &d.to.tables {
        let empty = Table::default();
        let old = d
            .from
            .tables
            .get(q)
            .filter(|_| !d.rebuilt_tables.contains(q))
            .unwrap_or(&empty);
        let is_new = std::ptr::eq(old, &empty);
        let alter = format!("ALTER TABLE {}", q.sql());
        let node = Node::Table(q.clone());
        // REPLICA IDENTITY USING INDEX and CLUSTER ON mark an index: set once it exists, and
        // again when it is rebuilt.
        let old_ri = if is_new {
            "DEFAULT"
        } else {
            old.replica_identity.as_str()
        };
        let ri_index = t.replica_identity.strip_prefix("USING INDEX ");
        if old_ri != t.replica_identity && ri_index.is_none() && !is_new {
            // Before the columns change: the server refuses DROP NOT NULL of a column in the
            // index the replica identity uses.
            d.drop(
                &node,
                old.pos,
                format!("{alter} REPLICA IDENTITY {}", t.replica_identity),
            );
            d.about(&node);
        } else if old_ri != t.replica_identity || ri_index.is_some_and(|i| key_rebuilt(d, q, i)) {
            let (n, pos) = ri_index.map_or((node.clone(), t.pos), |i| key_node(d, q, i));
            d.create(
                &n,
                pos,
                format!("{alter} REPLICA IDENTITY {}", t.replica_identity),
            );
            d.about(&node);
        }
        if old.cluster_on != t.cluster_on
            || t.cluster_on
                .as_deref()
                .is_some_and(|i| key_rebuilt(d, q, i))
        {
            match &t.cluster_on {
                Some(i) => {
                    let (n, pos) = key_node(d, q, i);
                    d.create(&n, pos, format!("{alter} CLUSTER ON {}", quote::ident(i)));
                    d.about(&node);
                }
                None => d.create(&node, t.pos, format!("{alter} SET WITHOUT CLUSTER")),
            }
        }
    }
    // A materialized view's CLUSTER ON likewise (a view made again comes without one).
    for (k, o) in &d.to.objects {
        if k.kind != ObjKind::MaterializedView {
            continue;
        }
        let node = Node::Object(k.clone());
        let old = d
            .from
            .objects
            .get(k)
            .filter(|_| !d.doomed(&node))
            .and_then(|f| f.cluster_on.as_deref());
        let q = QualName::new(k.schema.clone(), k.name.clone());
        let new = o.cluster_on.as_deref();
        if old != new || new.is_some_and(|i| key_rebuilt(d, &q, i)) {
            let alter = format!("ALTER MATERIALIZED VIEW {}", q.sql());
            match new {
                Some(i) => {
                    let (n, pos) = key_node(d, &q, i);
                    d.create(&n, pos, format!("{alter} CLUSTER ON {}", quote::ident(i)));
                    d.about(&node);
                }
                None => d.create(&node, o.pos, format!("{alter} SET WITHOUT CLUSTER")),
            }
        }
    }
}

/// The node of index `name` on table `q` in TO (a plain index, or the constraint that owns
/// it), with its position.
fn key_node(d: &Diff, q: &QualName, name: &str) -> (Node, usize) {
    let iq = QualName::new(q.schema.clone(), name);
    if let Some(i) = d.to.indexes.get(&iq) {
        return (Node::Index(iq), i.pos);
    }
    match d.to.tables.get(q).and_then(|t| t.constraints.get(name)) {
        Some(c) => (Node::Constraint(q.clone(), name.to_string()), c.pos),
        None => (Node::Table(q.clone()), usize::MAX - 1),
    }
}

/// Whether index `name` on table `q` (or the constraint that owns it) is created by the
/// migration, anew or again.
fn key_rebuilt(d: &Diff, q: &QualName, name: &str) -> bool {
    let iq = QualName::new(q.schema.clone(), name);
    if let Some(i) = d.to.indexes.get(&iq) {
        return !index_unchanged(d, &iq, i);
    }
    let (old, new) = (
        d.from.tables.get(q).and_then(|t| t.constraints.get(name)),
        d.to.tables.get(q).and_then(|t| t.constraints.get(name)),
    );
    match (old, new) {
        (Some(o), Some(n)) => {
            o.def != n.def
                || o.kind != n.kind
                || d.over_doomed(&Node::Constraint(q.clone(), name.to_string()))
        }
        _ => true,
    }
}

/// Whether index `q` (as it is in TO) exists unchanged in FROM and nothing under it goes.
fn index_unchanged(d: &Diff, q: &QualName, i: &crate::catalog::Index) -> bool {
    d.from.indexes.contains_key(q)
        && !d.index_dropped(q)
        && d.to.indexes.get(q).is_some_and(|n| n.def == i.def)
}

/// Whether a CHECK or EXCLUDE constraint of `q` reads a column that holds its text form
/// while a type under it changes (see held.rs).
fn over_text(d: &Diff, q: &QualName, c: &Constraint) -> bool {
    matches!(c.kind, ConstraintKind::Check | ConstraintKind::Exclude)
        && super::held::reads_text_column(d, q, &c.columns, &c.def)
}

/// Whether constraint `name` of table `q` stays as it is: the same in FROM and TO, nothing
/// under it goes, and no column it reads holds its text form for a while or is dropped and
/// added again.
fn constraint_kept(d: &Diff, q: &QualName, name: &str) -> bool {
    fn get<'c>(c: &'c Catalog, q: &QualName, name: &str) -> Option<&'c Constraint> {
        c.tables.get(q).and_then(|t| t.constraints.get(name))
    }
    let (Some(o), Some(n)) = (get(d.from, q, name), get(d.to, q, name)) else {
        return false;
    };
    let node = Node::Constraint(q.clone(), name.to_string());
    // An exclusion constraint takes an operator class from an extension as an index does.
    let extension_gone = o.kind == ConstraintKind::Exclude && d.over_gone_extension(&node);
    o.def == n.def
        && o.kind == n.kind
        && !references_detached(d, o)
        && !goes_with_parent(d, q, o, n)
        && !d.over_doomed(&node)
        && !extension_gone
        && !over_text(d, q, o)
        && !reads_regenerated(d, q, &o.columns, &o.def)
}

/// Whether foreign key `c` references a partitioned table that a partition TO keeps leaves,
/// at any depth (its bound changes, or it moves elsewhere): the server refuses the DETACH
/// while rows reference the partition's rows, so the key goes first and comes back once the
/// partition is attached again. (A partition dropped or made again takes the key along the
/// same way, through the dependency graph: the server records the key on each partition.)
fn references_detached(d: &Diff, c: &Constraint) -> bool {
    partition_under_key(d, c).is_some_and(|(_, how)| how == PartitionGoes::Detached)
}

/// What happens to a partition under a foreign key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartitionGoes {
    Detached,
    MadeAgain,
    Dropped,
}

/// The first partition, at any depth, of the partitioned table foreign key `c` references
/// that the migration detaches, makes again or drops, and which.
fn partition_under_key<'d>(d: &Diff<'d>, c: &Constraint) -> Option<(&'d QualName, PartitionGoes)> {
    let r = d.from.partitioned_reference(c)?;
    d.from.tables.iter().find_map(|(pq, p)| {
        let how = match d.to.tables.get(pq) {
            _ if p.partition_of.is_none() => return None,
            Some(_) if d.dropped_tables.contains(pq) => PartitionGoes::MadeAgain,
            Some(n) if n.partition_of != p.partition_of => PartitionGoes::Detached,
            Some(_) => return None,
            None => PartitionGoes::Dropped,
        };
        d.from
            .partition_ancestors(pq)
            .any(|a| a == r)
            .then_some((pq, how))
    })
}

/// The note of foreign key `c` dropped around a change of a partition of the table it
/// references (`partition_under_key`).
fn key_note(d: &Diff, c: &Constraint) -> Option<String> {
    let (p, how) = partition_under_key(d, c)?;
    let r = c.references.as_ref()?;
    let (how, why) = match how {
        PartitionGoes::Detached => (
            "leaves it and joins it again (DETACH, ATTACH)",
            "the server refuses the DETACH while a row references the partition's rows",
        ),
        PartitionGoes::MadeAgain => (
            "is made again",
            "the server keeps the key on each partition of the table it references",
        ),
        PartitionGoes::Dropped => (
            "is dropped",
            "the server keeps the key on each partition of the table it references",
        ),
    };
    Some(format!(
        "partition {} of {} {how}: {why}, so the key goes first and is added again after",
        p.sql(),
        r.sql()
    ))
}

/// Whether partition `q`'s copy `o` of its parent's constraint goes with the parent's (the
/// partition stays under the parent, which loses the constraint) while TO makes `n` the
/// partition's own: it is added again once the parent's is gone.
fn goes_with_parent(d: &Diff, q: &QualName, o: &Constraint, n: &Constraint) -> bool {
    let (Some(parent), None) = (&o.parent, &n.parent) else {
        return false;
    };
    let under = |c: &Catalog| {
        c.tables
            .get(q)
            .and_then(|t| t.partition_of.as_ref())
            .map(|(p, _)| p.clone())
    };
    match (under(d.from), under(d.to)) {
        (Some(a), Some(b)) if a == b => !constraint_kept(d, &a, parent),
        _ => false,
    }
}

/// Whether a definition on FROM table `q` (the columns it names, its text) reads a column
/// the migration drops and adds again (`regenerated`): it goes with the DROP COLUMN and is
/// created again once the column is back.
pub(super) fn reads_regenerated(d: &Diff, q: &QualName, columns: &[String], def: &str) -> bool {
    let (Some(old), Some(t)) = (d.from.tables.get(q), d.to.tables.get(q)) else {
        return false;
    };
    t.columns.iter().filter(|c| c.generated.is_some()).any(|c| {
        old.column(&c.name)
            .is_some_and(|o| regenerated(d, old, t, o, c))
            && (columns.contains(&c.name) || super::held::mentions(def, &quote::ident(&c.name)))
    })
}

/// Tables whose primary key or unique constraints change: foreign keys to them are rebuilt.
fn rekeyed(d: &Diff) -> Vec<QualName> {
    let mut rekeyed: Vec<QualName> = Vec::new();
    for (q, t) in &d.to.tables {
        let Some(old) = d.from.tables.get(q) else {
            continue;
        };
        for (name, c) in &old.constraints {
            let same = t
                .constraints
                .get(name)
                .is_some_and(|n| n.def == c.def && n.kind == c.kind);
            if matches!(c.kind, ConstraintKind::PrimaryKey | ConstraintKind::Unique) && !same {
                rekeyed.push(q.clone());
            }
        }
    }
    rekeyed
}

/// Whether column `col` of `q` changes type (or its type is rebuilt under it).
fn retyped(d: &Diff, q: &QualName, col: &str) -> bool {
    // Such a column changes type: its table is reshaped (see `reshaped`).
    if !d.reshaped_tables.contains(q) {
        return false;
    }
    let (Some(o), Some(c)) = (
        d.from.tables.get(q).and_then(|t| t.column(col)),
        d.to.tables.get(q).and_then(|t| t.column(col)),
    ) else {
        return false;
    };
    o.type_sql != c.type_sql || recast(d, c)
}

/// Whether a foreign key's columns, or the key columns of the table it references, change
/// type: the server re-checks the constraint at each ALTER, so it is dropped first and added
/// once both sides agree.
fn fk_retyped(d: &Diff, q: &QualName, c: &Constraint) -> bool {
    if c.kind != ConstraintKind::ForeignKey {
        return false;
    }
    let own = c.columns.iter().any(|col| retyped(d, q, col));
    let target = c.references.as_ref().is_some_and(|r| {
        d.from.tables.get(r).is_some_and(|t| {
            t.constraints
                .values()
                .filter(|k| matches!(k.kind, ConstraintKind::PrimaryKey | ConstraintKind::Unique))
                .any(|k| k.columns.iter().any(|col| retyped(d, r, col)))
        })
    });
    own || target
}

/// Constraints dropped (or rebuilt): before any column goes, since a column drop takes its
/// constraints with it.
fn drop_constraints(d: &mut Diff) {
    let rekeyed = rekeyed(d);
    for (q, old) in &d.from.tables {
        if d.dropped_tables.contains(q) {
            // Dropped tables that reference each other in a cycle: the foreign keys go first,
            // or neither DROP TABLE could run. So does a partitioned table's key to itself,
            // which needs each of its partitions, dropped before it.
            let own_partitions = old.partition_by.is_some();
            for (name, c) in &old.constraints {
                if c.kind == ConstraintKind::ForeignKey
                    && !c.inherited
                    && c.references.as_ref().is_some_and(|r| {
                        if r == q {
                            own_partitions
                        } else {
                            fk_reaches(d, r, q)
                        }
                    })
                {
                    d.drop(
                        &Node::Constraint(q.clone(), name.clone()),
                        c.pos,
                        format!(
                            "ALTER TABLE {} DROP CONSTRAINT {}",
                            q.sql(),
                            quote::ident(name)
                        ),
                    );
                }
            }
            continue;
        }
        // Not dropped: TO has it.
        if !d.to.tables.contains_key(q) {
            continue;
        }
        for (name, c) in &old.constraints {
            if c.inherited {
                continue;
            }
            let rebuild_fk = c.kind == ConstraintKind::ForeignKey
                && c.references
                    .as_ref()
                    .is_some_and(|r| rekeyed.contains(r) || d.dropped_tables.contains(r))
                || fk_retyped(d, q, c);
            if !constraint_kept(d, q, name) || rebuild_fk {
                d.drop(
                    &Node::Constraint(q.clone(), name.clone()),
                    c.pos,
                    format!("{} DROP CONSTRAINT {}", alter_sql(d, q), quote::ident(name)),
                );
                let kept_otherwise =
                    d.to.tables
                        .get(q)
                        .and_then(|t| t.constraints.get(name))
                        .is_some_and(|n| n.def == c.def && n.kind == c.kind);
                if let Some(note) = key_note(d, c).filter(|_| kept_otherwise && !rebuild_fk) {
                    d.note(note);
                }
            }
        }
    }
}

/// Dropped tables whose column default or CHECK constraint needs something that goes too
/// and needs the table itself (a function with the table's row type in its signature, or a
/// `BEGIN ATOMIC` body that reads it): the default or the constraint goes first, or neither
/// the DROP FUNCTION nor the DROP TABLE could run.
fn unhook_dropped(d: &mut Diff) {
    let mut out: Vec<(Node, usize, String)> = Vec::new();
    for (q, old) in &d.from.tables {
        if !d.dropped_tables.contains(q) {
            continue;
        }
        let table = Node::Table(q.clone());
        let cycles = |n: &Node| {
            d.gf.deps_of(n).any(|(m, s)| {
                s == Strength::Hard && d.doomed(m) && needs_transitively(d.gf, m, &table)
            })
        };
        for c in &old.columns {
            let node = Node::Default(q.clone(), c.name.clone());
            if let Some((_, pos)) = c.default.as_ref().filter(|_| cycles(&node)) {
                let sql = format!(
                    "{} DROP DEFAULT",
                    alter_column_in([d.from, d.to], q, &c.name)
                );
                out.push((node, *pos, sql));
            }
        }
        for (name, c) in &old.constraints {
            let node = Node::Constraint(q.clone(), name.clone());
            if c.kind == ConstraintKind::Check && !c.inherited && cycles(&node) {
                let sql = format!(
                    "{} DROP CONSTRAINT {}",
                    alter_sql_in([d.from, d.to], q),
                    quote::ident(name)
                );
                out.push((node, c.pos, sql));
            }
        }
    }
    for (node, pos, sql) in out {
        d.drop(&node, pos, sql);
    }
}

/// Whether `n` needs `m`, directly or through what it needs (hard edges of `g`).
fn needs_transitively(g: &Graph, n: &Node, m: &Node) -> bool {
    let mut seen: BTreeSet<&Node> = BTreeSet::new();
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        if !seen.insert(x) {
            continue;
        }
        for (y, s) in g.deps_of(x) {
            if s != Strength::Hard {
                continue;
            }
            if y == m {
                return true;
            }
            stack.push(y);
        }
    }
    false
}

/// Whether dropped table `from` reaches dropped table `to` over foreign keys between dropped
/// tables.
fn fk_reaches(d: &Diff, from: &QualName, to: &QualName) -> bool {
    let mut seen: BTreeSet<&QualName> = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(t) = stack.pop() {
        if t == to {
            return true;
        }
        if !seen.insert(t) {
            continue;
        }
        if let Some(tt) = d.from.tables.get(t) {
            for c in tt.constraints.values() {
                if let Some(r) = c.references.as_ref().filter(|r| {
                    c.kind == ConstraintKind::ForeignKey && d.dropped_tables.contains(*r)
                }) {
                    stack.push(r);
                }
            }
        }
    }
    false
}

/// Constraints added (or rebuilt), each at its own position in TO.
fn add_constraints(d: &mut Diff) {
    let rekeyed = rekeyed(d);
    for (q, t) in &d.to.tables {
        let old = d.from.tables.get(q);
        for (name, c) in &t.constraints {
            if c.inherited {
                continue;
            }
            let rebuild_fk = c.kind == ConstraintKind::ForeignKey
                && c.references.as_ref().is_some_and(|r| rekeyed.contains(r))
                || (old.is_some() && fk_retyped(d, q, c));
            if !constraint_kept(d, q, name) || rebuild_fk {
                // Its comments (and its index's) go with a dropped constraint.
                d.recreated
                    .insert(format!("CONSTRAINT {} ON {}", quote::ident(name), q.sql()));
                d.recreated.insert(format!(
                    "INDEX {}",
                    QualName::new(q.schema.clone(), name.clone()).sql()
                ));
                if !super::online::add_constraint(d, q, name, c) {
                    d.create(
                        &Node::Constraint(q.clone(), name.clone()),
                        c.pos,
                        format!(
                            "{} ADD CONSTRAINT {} {}",
                            alter_sql(d, q),
                            quote::ident(name),
                            c.def
                        ),
                    );
                }
            }
        }
    }
}

pub(super) fn diff_indexes(d: &mut Diff) {
    for (q, i) in &d.from.indexes {
        if !d.index_dropped(q) {
            continue;
        }
        // An index goes with its table or materialized view.
        let matview = crate::catalog::ObjKey {
            kind: crate::catalog::ObjKind::MaterializedView,
            schema: i.table.schema.clone(),
            name: i.table.name.clone(),
            sub: String::new(),
        };
        let owner_goes = d.dropped_tables.contains(&i.table)
            || (d.from.objects.contains_key(&matview) && d.doomed(&Node::Object(matview)));
        // A partition's index goes with the partitioned index it is attached to; one left
        // behind by a detached partition is dropped once the partition is detached.
        let parent_goes = i.attached_to.as_ref().is_some_and(|p| d.index_dropped(p));
        let detached = i.attached_to.is_some()
            && d.from.tables.get(&i.table).is_some_and(|t| {
                d.to.tables
                    .get(&i.table)
                    .is_some_and(|n| n.partition_of != t.partition_of)
                    || d.parent_dropped_under(&i.table)
            });
        // (A detached partition's index leaves its parent with the DETACH, before the
        // parent's DROP INDEX could take it.)
        if !owner_goes && (!parent_goes || detached) {
            match d.from.tables.get(&i.table).filter(|_| detached) {
                // After the DETACH, which is the table's own change at its position.
                Some(t) => {
                    d.drop(
                        &Node::Table(i.table.clone()),
                        t.pos,
                        format!("DROP INDEX {}", q.sql()),
                    );
                    d.about(&Node::Index(q.clone()));
                }
                None => {
                    let concurrently =
                        i.attached_to.is_none() && super::online::applies(d, &i.table);
                    d.drop(
                        &Node::Index(q.clone()),
                        i.pos,
                        format!(
                            "DROP INDEX {}{}",
                            if concurrently { "CONCURRENTLY " } else { "" },
                            q.sql()
                        ),
                    );
                }
            }
        }
    }
    for (q, i) in &d.to.indexes {
        let same = index_unchanged(d, q, i);
        if !same && !d.indexes_before_attach.contains(q) {
            d.recreated.insert(format!("INDEX {}", q.sql()));
            let def = if super::online::applies(d, &i.table) {
                super::online::concurrently(&i.def)
            } else {
                i.def.clone()
            };
            d.create(&Node::Index(q.clone()), i.pos, def);
        }
        let kept = d
            .from
            .indexes
            .get(q)
            .filter(|_| same)
            .map(|o| o.extensions.clone())
            .unwrap_or_default();
        for sql in
            super::objects::extension_changes(&format!("INDEX {}", q.sql()), &kept, &i.extensions)
        {
            d.create(&Node::Index(q.clone()), i.pos, sql);
        }
        for sql in statistics_changes(d, q, i, same) {
            d.create(&Node::Index(q.clone()), i.pos, sql);
        }
        // A partition that leaves its parent (to join it again) leaves its indexes detached.
        let leaves = d.from.tables.get(&i.table).is_some_and(|t| {
            d.to.tables
                .get(&i.table)
                .is_some_and(|n| n.partition_of != t.partition_of)
        }) || d.parent_dropped_under(&i.table);
        let old_attach = d
            .from
            .indexes
            .get(q)
            .filter(|_| same && !leaves)
            .and_then(|o| o.attached_to.clone());
        if let Some(parent) = &i.attached_to {
            if old_attach.as_ref() != Some(parent) {
                d.create(
                    &Node::Index(q.clone()),
                    i.pos.max(d.to.indexes.get(parent).map_or(0, |p| p.pos)),
                    format!("ALTER INDEX {} ATTACH PARTITION {}", parent.sql(), q.sql()),
                );
            }
        }
    }
}

/// `ALTER INDEX q ALTER COLUMN n SET STATISTICS k` turning the statistics targets index `q`
/// has (after FROM's, when it is kept; none when it is created) into TO's. The server passes
/// a partitioned index's change on to the indexes attached to it: an attached index kept
/// under a kept parent starts from what the parent's own changes leave it.
fn statistics_changes(
    d: &Diff,
    q: &QualName,
    i: &crate::catalog::Index,
    same: bool,
) -> Vec<String> {
    let mut old = d
        .from
        .indexes
        .get(q)
        .filter(|_| same)
        .map(|o| o.statistics.clone())
        .unwrap_or_default();
    let parent = i.attached_to.as_ref().filter(|p| {
        same && d
            .from
            .indexes
            .get(q)
            .is_some_and(|o| o.attached_to.as_ref() == Some(*p))
    });
    let parent_changes = parent.and_then(|p| {
        Some((
            d.from.indexes.get(p)?,
            d.to.indexes.get(p).filter(|n| index_unchanged(d, p, n))?,
        ))
    });
    if let Some((po, pn)) = parent_changes {
        for n in po.statistics.keys().chain(pn.statistics.keys()) {
            match pn.statistics.get(n) {
                Some(k) if po.statistics.get(n) != Some(k) => {
                    old.insert(*n, *k);
                }
                None if po.statistics.contains_key(n) => {
                    old.remove(n);
                }
                Some(_) | None => {}
            }
        }
    }
    let alter = |n: &u32, k: i32| {
        format!(
            "ALTER INDEX {} ALTER COLUMN {n} SET STATISTICS {k}",
            q.sql()
        )
    };
    let mut out: Vec<String> = old
        .keys()
        .filter(|n| !i.statistics.contains_key(*n))
        .map(|n| alter(n, -1))
        .collect();
    out.extend(
        i.statistics
            .iter()
            .filter(|(n, k)| old.get(*n) != Some(*k))
            .map(|(n, k)| alter(n, *k)),
    );
    out
}
