//! What a column reference can name: the relations of one query level (a table of the
//! catalog, whose column types are known, or something whose columns are not: a view, a
//! sub-query, a function, a CTE), and the levels around it.

use super::from::Cols;
use crate::catalog::model::{QualName, Table};
use crate::catalog::resolve::Resolver;

/// A relation a column reference can name, by the name that qualifies its columns.
pub struct Rel<'a> {
    pub name: String,
    /// `None` when its columns' types are not known.
    pub table: Option<&'a Table>,
    /// Its columns, in order, as `name.*` expands (`None` when not known).
    pub columns: Cols,
}

/// The relations of one query level, and the levels around it.
#[derive(Default)]
pub struct Scope<'a> {
    pub rels: Vec<Rel<'a>>,
    pub parent: Option<&'a Scope<'a>>,
    /// The type of `VALUE` in a domain's CHECK.
    pub value: Option<String>,
}

/// What a column reference names.
pub enum Lookup {
    /// A column, by its canonical type.
    Column(String),
    /// Nothing the typer can be sure of.
    Unsure,
}

impl<'a> Scope<'a> {
    /// A table's columns, unqualified or qualified by its name (a CHECK constraint, an
    /// index, a policy, a generated column).
    pub fn table(r: &Resolver<'a>, q: &QualName) -> Scope<'a> {
        let table = r.catalog.tables.get(q);
        Scope {
            rels: vec![Rel {
                name: q.name.clone(),
                table,
                columns: None,
            }],
            parent: None,
            value: None,
        }
    }

    /// A trigger's `OLD` and `NEW` rows of a table.
    pub fn trigger(r: &Resolver<'a>, q: &QualName) -> Scope<'a> {
        let table = r.catalog.tables.get(q);
        Scope {
            rels: ["old", "new"]
                .iter()
                .map(|n| Rel {
                    name: n.to_string(),
                    table,
                    columns: None,
                })
                .collect(),
            parent: None,
            value: None,
        }
    }

    /// A domain's CHECK, where `VALUE` has the base type.
    pub fn domain(base: &str) -> Scope<'a> {
        Scope {
            rels: Vec::new(),
            parent: None,
            value: Some(base.to_string()),
        }
    }

    /// The type of the column `fields` names (`col`, `rel.col`).
    pub fn lookup(&self, fields: &[String]) -> Lookup {
        match fields {
            [column] => {
                if column == "value" {
                    if let Some(v) = &self.value {
                        return Lookup::Column(v.clone());
                    }
                }
                let mut found = self
                    .rels
                    .iter()
                    .filter_map(|rel| rel.table.and_then(|t| t.column(column)));
                match (found.next(), found.next()) {
                    (Some(c), None) => return Lookup::Column(c.type_sql.clone()),
                    (Some(_), Some(_)) => return Lookup::Unsure,
                    (None, _) => {}
                }
                if self.rels.iter().any(|rel| rel.table.is_none()) {
                    return Lookup::Unsure;
                }
            }
            [rel, column] => {
                if let Some(found) = self.rels.iter().find(|x| &x.name == rel) {
                    return match found.table.and_then(|t| t.column(column)) {
                        Some(c) => Lookup::Column(c.type_sql.clone()),
                        None => Lookup::Unsure,
                    };
                }
            }
            _ => return Lookup::Unsure,
        }
        match self.parent {
            Some(p) => p.lookup(fields),
            None => Lookup::Unsure,
        }
    }
}
