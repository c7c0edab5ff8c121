//! The columns that store a type inside their values (see `catalog::containers`), found
//! for the replay's refusals.
//!
//! Kept as hints, as `on_table` is: the base type of every column, composite attribute and
//! domain the replay has seen (never pruned, renames add the new name). A lookup first asks
//! the hints whether any column can store the type, which is nearly always no, and only then
//! reads the columns of the catalog.

use crate::hashing::FastSet;

use crate::catalog::containers::{base, Storing};
use crate::catalog::model::{Catalog, Object, QualName};

use super::Replay;

#[derive(Debug, Default)]
pub(super) struct Stored {
    /// Base type texts (`public.addr` for `public.addr[]`), as canonical type text spells
    /// them.
    names: FastSet<String>,
}

impl Stored {
    pub fn of(c: &Catalog) -> Stored {
        Stored {
            names: c.stored_type_names(),
        }
    }

    /// Notes a column's or attribute's type.
    pub fn note(&mut self, type_sql: &str) {
        let (b, _) = base(type_sql);
        if !self.names.contains(b) {
            self.names.insert(b.to_string());
        }
    }

    /// Notes the types a composite's attributes and a domain's base name.
    pub fn note_object(&mut self, o: &Object) {
        for a in o.attributes.iter().flatten() {
            self.note(&a.type_sql);
        }
        if let Some(d) = &o.domain {
            self.note(&d.base);
        }
    }

    /// A type named `old` is now `new`.
    pub fn renamed(&mut self, old: &QualName, new: &QualName) {
        if self.names.contains(&old.sql()) {
            self.names.insert(new.sql());
        }
    }
}

impl Replay {
    /// A column that stores values of type `ty` in a way `how` refuses: its table and name.
    pub(super) fn column_storing(&self, ty: &QualName, how: Storing) -> Option<(QualName, String)> {
        let names = &self.stored.names;
        let held = self.catalog.containers(ty, names);
        if !held.any_of(names.iter()) {
            return None;
        }
        self.catalog.tables.iter().find_map(|(q, t)| {
            t.columns
                .iter()
                .find(|c| held.refuses(&c.type_sql, how))
                .map(|c| (q.clone(), c.name.clone()))
        })
    }
}
