//! What columns store inside their values: a table's row type or a composite type as a
//! column's type, an array's element, a domain's base or a composite's attribute, at any
//! depth. The server refuses to change a row type that a column stores (a column type
//! change, a column added with a default), and to check a domain's values where a column
//! holds them inside a composite or an array.
//!
//! Kept as hints, as `on_table` is: the base type of every column, composite attribute and
//! domain the replay has seen (never pruned, renames add the new name). A lookup first asks
//! the hints whether any column can store the type, which is nearly always no, and only then
//! reads the columns of the catalog.

use crate::hashing::FastSet;

use crate::catalog::expr::parse_qualified;
use crate::catalog::model::{Catalog, ObjKey, ObjKind, Object, QualName};

use super::Replay;

#[derive(Debug, Default)]
pub(super) struct Stored {
    /// Base type texts (`public.addr` for `public.addr[]`), as canonical type text spells
    /// them.
    names: FastSet<String>,
}

/// The base of a canonical type text and whether it is an array of it: `public.addr[]` ->
/// (`public.addr`, true); type modifiers and a domain's `COLLATE` are left out.
fn base(type_sql: &str) -> (&str, bool) {
    let t = type_sql
        .split_once(" COLLATE ")
        .map_or(type_sql, |(t, _)| t);
    let array = t.ends_with("[]");
    let t = t.trim_end_matches("[]");
    (t.split_once('(').map_or(t, |(b, _)| b), array)
}

impl Stored {
    pub fn of(c: &Catalog) -> Stored {
        let mut s = Stored::default();
        for t in c.tables.values() {
            for col in &t.columns {
                s.note(&col.type_sql);
            }
        }
        for o in c.objects.values() {
            s.note_object(o);
        }
        s
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

/// What the server checks of the columns that store a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Storing {
    /// A row type (of a table or a composite type) changes shape: no column may store it
    /// at all, as its own type, an array's element, inside a composite or through a domain.
    Row,
    /// A domain's values are checked: the server checks columns of the domain (and of
    /// domains over it), but not values inside a composite or an array.
    DomainValues,
}

impl Replay {
    /// A column that stores values of type `ty` in a way `how` refuses: its table and name.
    pub(super) fn column_storing(&self, ty: &QualName, how: Storing) -> Option<(QualName, String)> {
        let objects = &self.catalog.objects;
        let object = |kind: ObjKind, n: &str| {
            parse_qualified(n)
                .filter(|q| !q.schema.is_empty())
                .and_then(|q| objects.get(&ObjKey::named(kind, &q)))
        };
        // `ty` and the domains over it hold its values as they are; the holders, inside
        // something else.
        let mut same: FastSet<String> = FastSet::default();
        same.insert(ty.sql());
        let mut holders: FastSet<String> = FastSet::default();
        let names = &self.stored.names;
        loop {
            let mut grew = false;
            for n in names {
                if same.contains(n) || holders.contains(n) {
                    continue;
                }
                let holds =
                    |(b, array): (&str, bool)| holders.contains(b) || (array && same.contains(b));
                if let Some(d) = object(ObjKind::Domain, n).and_then(|o| o.domain.as_ref()) {
                    let (b, array) = base(&d.base);
                    if !array && same.contains(b) {
                        same.insert(n.clone());
                        grew = true;
                    } else if holds((b, array)) {
                        holders.insert(n.clone());
                        grew = true;
                    }
                } else if let Some(attrs) =
                    object(ObjKind::Type, n).and_then(|o| o.attributes.as_ref())
                {
                    if attrs.iter().any(|a| {
                        let (b, array) = base(&a.type_sql);
                        holds((b, array)) || same.contains(b)
                    }) {
                        holders.insert(n.clone());
                        grew = true;
                    }
                }
            }
            if !grew {
                break;
            }
        }
        let refused = |(b, array): (&str, bool)| match how {
            Storing::Row => same.contains(b) || holders.contains(b),
            Storing::DomainValues => holders.contains(b) || (array && same.contains(b)),
        };
        if !names
            .iter()
            .any(|n| holders.contains(n) || same.contains(n))
        {
            return None;
        }
        self.catalog.tables.iter().find_map(|(q, t)| {
            t.columns
                .iter()
                .find(|c| refused(base(&c.type_sql)))
                .map(|c| (q.clone(), c.name.clone()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::base;

    #[test]
    fn the_base_of_a_type_leaves_out_arrays_modifiers_and_collations() {
        assert_eq!(base("public.addr[]"), ("public.addr", true));
        assert_eq!(base("character varying(20)"), ("character varying", false));
        assert_eq!(base("numeric(10,2)[]"), ("numeric", true));
        assert_eq!(base("text COLLATE \"C\""), ("text", false));
        assert_eq!(base("public.d"), ("public.d", false));
    }
}
