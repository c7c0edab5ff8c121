//! What hangs on a table (the sequences it owns, its indexes, its triggers, policies, rules
//! and statistics) and which tables have a constraint of a given name, found without
//! scanning the catalog: a table's owner change, its drop, a column's drop or an unnamed
//! constraint would otherwise read every sequence, index, object or table, once each.
//!
//! Kept as hints: every place that puts a sequence, an index or an object into the catalog,
//! or renames a table, notes it here; each lookup checks its hints against the catalog, so
//! a stale one (the object dropped, renamed or moved to another table since) is passed over.

use crate::hashing::FastMap;

use crate::catalog::model::{Catalog, Constraint, Index, ObjKey, Object, QualName, Sequence};

#[derive(Debug, Default)]
pub(super) struct OnTable {
    /// Sequences by the table that owns them (`OWNED BY`).
    sequences: FastMap<QualName, Vec<QualName>>,
    indexes: FastMap<QualName, Vec<QualName>>,
    objects: FastMap<QualName, Vec<ObjKey>>,
    /// Tables by the names of their constraints, by schema.
    constraints: FastMap<QualName, Vec<QualName>>,
}

fn note<K: PartialEq + Clone>(map: &mut FastMap<QualName, Vec<K>>, table: &QualName, k: &K) {
    let on = map.entry(table.clone()).or_default();
    if !on.contains(k) {
        on.push(k.clone());
    }
}

/// The hints of `table` that still hold, in order and once each.
fn holding<K: Ord + Clone>(
    map: &FastMap<QualName, Vec<K>>,
    table: &QualName,
    holds: impl Fn(&K) -> bool,
) -> Vec<K> {
    let mut out: Vec<K> = map
        .get(table)
        .into_iter()
        .flatten()
        .filter(|k| holds(k))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out
}

impl OnTable {
    /// The hints for what `c` holds.
    pub fn of(c: &Catalog) -> OnTable {
        let mut h = OnTable::default();
        for (q, s) in &c.sequences {
            h.note_sequence(q, s);
        }
        for (q, i) in &c.indexes {
            h.note_index(q, i);
        }
        for (k, o) in &c.objects {
            h.note_object(k, o);
        }
        for (q, t) in &c.tables {
            for name in t.constraints.keys() {
                h.note_constraint(q, name);
            }
        }
        h
    }

    /// Notes that `table` has a constraint named `name`.
    pub fn note_constraint(&mut self, table: &QualName, name: &str) {
        note(
            &mut self.constraints,
            &QualName::new(table.schema.clone(), name),
            table,
        );
    }

    /// Whether a table of `schema` in `c` has a constraint named `name` that passes `kind`.
    pub fn constraint_named(
        &self,
        c: &Catalog,
        schema: &str,
        name: &str,
        kind: impl Fn(&Constraint) -> bool,
    ) -> bool {
        let tables = self.constraints.get(&QualName::new(schema, name));
        tables.into_iter().flatten().any(|t| {
            c.tables
                .get(t)
                .and_then(|t| t.constraints.get(name))
                .is_some_and(&kind)
        })
    }

    /// Notes sequence `q`'s owner, if it has one.
    pub fn note_sequence(&mut self, q: &QualName, s: &Sequence) {
        if let Some((t, _)) = &s.owned_by {
            note(&mut self.sequences, t, q);
        }
    }

    pub fn note_index(&mut self, q: &QualName, i: &Index) {
        note(&mut self.indexes, &i.table, q);
    }

    /// Notes object `k`'s table, if it belongs to one.
    pub fn note_object(&mut self, k: &ObjKey, o: &Object) {
        if let Some(t) = &o.table {
            note(&mut self.objects, t, k);
        }
    }

    /// Table `old` is now `new`: what hung on `old` hangs on `new`.
    pub fn retarget(&mut self, old: &QualName, new: &QualName) {
        if let Some(v) = self.sequences.remove(old) {
            self.sequences.entry(new.clone()).or_default().extend(v);
        }
        if let Some(v) = self.indexes.remove(old) {
            self.indexes.entry(new.clone()).or_default().extend(v);
        }
        if let Some(v) = self.objects.remove(old) {
            self.objects.entry(new.clone()).or_default().extend(v);
        }
        for tables in self.constraints.values_mut() {
            for t in tables.iter_mut().filter(|t| *t == old) {
                *t = new.clone();
            }
        }
    }

    /// The sequences of `c` owned by a column of `table`, in name order.
    pub fn sequences(&self, c: &Catalog, table: &QualName) -> Vec<QualName> {
        holding(&self.sequences, table, |q| {
            c.sequences
                .get(q)
                .and_then(|s| s.owned_by.as_ref())
                .is_some_and(|(t, _)| t == table)
        })
    }

    /// The indexes of `c` on `table`, in name order.
    pub fn indexes(&self, c: &Catalog, table: &QualName) -> Vec<QualName> {
        holding(&self.indexes, table, |q| {
            c.indexes.get(q).is_some_and(|i| i.table == *table)
        })
    }

    /// The objects of `c` that belong to `table`, in key order.
    pub fn objects(&self, c: &Catalog, table: &QualName) -> Vec<ObjKey> {
        holding(&self.objects, table, |k| {
            c.objects
                .get(k)
                .is_some_and(|o| o.table.as_ref() == Some(table))
        })
    }
}
