//! What holds a type's values inside its own: an array of it, a domain over it, a composite
//! type with an attribute of it, a range over it (and its multirange), at any depth. The
//! server refuses to change a row type that a column stores (a column type change, a column
//! added with a value), and to check a domain's values where a column holds them inside a
//! composite, an array or a range; the replay refuses what the server refuses, and the diff
//! takes such columns through their text form around the change.

use crate::hashing::FastSet;

use super::expr::parse_qualified;
use super::model::{Catalog, ObjKey, ObjKind, Object, QualName};

/// The base of a canonical type text and whether it is an array of it: `public.addr[]` ->
/// (`public.addr`, true); type modifiers and a domain's `COLLATE` are left out.
pub fn base(type_sql: &str) -> (&str, bool) {
    let t = type_sql
        .split_once(" COLLATE ")
        .map_or(type_sql, |(t, _)| t);
    let array = t.ends_with("[]");
    let t = t.trim_end_matches("[]");
    (t.split_once('(').map_or(t, |(b, _)| b), array)
}

/// What the server checks of the columns that store a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storing {
    /// A row type (of a table or a composite type) changes shape: no column may store it
    /// at all, as its own type, an array's element, inside a composite or through a domain.
    Row,
    /// A domain's values are checked: the server checks columns of the domain (and of
    /// domains over it), but not values inside a composite, an array or a range.
    DomainValues,
}

/// The types that hold values of one type, by canonical base type text.
#[derive(Clone, Debug, Default)]
pub struct Containers {
    /// The type and the domains over it: their values are its values.
    pub same: FastSet<String>,
    /// The types whose values hold its values inside them.
    pub holders: FastSet<String>,
}

impl Containers {
    /// Whether a column of type `type_sql` stores the type in a way `how` refuses.
    pub fn refuses(&self, type_sql: &str, how: Storing) -> bool {
        let (b, array) = base(type_sql);
        match how {
            Storing::Row => self.same.contains(b) || self.holders.contains(b),
            Storing::DomainValues => self.holders.contains(b) || (array && self.same.contains(b)),
        }
    }

    /// Whether any of `names` (base type texts) is the type or holds it.
    pub fn any_of<'a>(&self, mut names: impl Iterator<Item = &'a String>) -> bool {
        names.any(|n| self.same.contains(n) || self.holders.contains(n))
    }
}

/// The types whose values the values of type object `o` hold, as `base` gives them (with
/// whether an array of each): a domain's base, a composite type's attributes, a range's
/// subtype (one of what it names); nothing for another kind.
pub fn value_types(o: &Object) -> Vec<(String, bool)> {
    let owned = |(b, array): (&str, bool)| (b.to_string(), array);
    if let Some(d) = &o.domain {
        return vec![owned(base(&d.base))];
    }
    match &o.attributes {
        Some(attrs) => attrs.iter().map(|a| owned(base(&a.type_sql))).collect(),
        None if o.is_range() => o.deps.iter().map(|q| (q.sql(), false)).collect(),
        None => Vec::new(),
    }
}

impl Catalog {
    /// The base types (as `base` gives them) that columns, composite attributes and domains
    /// name: the candidates `containers` weighs.
    pub fn stored_type_names(&self) -> FastSet<String> {
        let columns = self.tables.values().flat_map(|t| &t.columns);
        let attributes = self
            .objects
            .values()
            .flat_map(|o| o.attributes.iter().flatten());
        columns
            .map(|c| c.type_sql.as_str())
            .chain(attributes.map(|a| a.type_sql.as_str()))
            .chain(
                self.objects
                    .values()
                    .filter_map(|o| Some(o.domain.as_ref()?.base.as_str())),
            )
            .map(|t| base(t).0.to_string())
            .collect()
    }

    /// The types among `candidates` (base type texts, as `base` gives them; those a column
    /// can store) that hold values of `ty`, and the domains over it.
    pub fn containers(&self, ty: &QualName, candidates: &FastSet<String>) -> Containers {
        let object = |kind: ObjKind, n: &str| {
            parse_qualified(n)
                .filter(|q| !q.schema.is_empty())
                .and_then(|q| self.objects.get(&ObjKey::named(kind, &q)))
        };
        let mut c = Containers::default();
        c.same.insert(ty.sql());
        loop {
            let mut grew = false;
            for n in candidates {
                if c.same.contains(n) || c.holders.contains(n) {
                    continue;
                }
                let holds = |(b, array): (&str, bool)| {
                    c.holders.contains(b) || (array && c.same.contains(b))
                };
                if let Some(o) = object(ObjKind::Domain, n).filter(|o| o.domain.is_some()) {
                    let held = value_types(o);
                    let [(b, array)] = held.as_slice() else {
                        continue;
                    };
                    if !array && c.same.contains(b) {
                        c.same.insert(n.clone());
                        grew = true;
                    } else if holds((b, *array)) {
                        c.holders.insert(n.clone());
                        grew = true;
                    }
                } else if let Some(o) = object(ObjKind::Type, n) {
                    // A composite or a range holds the values of what it is made of.
                    let holding = value_types(o)
                        .iter()
                        .any(|(b, array)| holds((b, *array)) || c.same.contains(b));
                    if holding {
                        c.holders.insert(n.clone());
                        c.holders.extend(o.multirange().map(|m| m.sql()));
                        grew = true;
                    }
                }
            }
            if !grew {
                break;
            }
        }
        c
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
