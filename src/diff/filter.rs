//! `--schema` / `--exclude-schema`: the part of a catalog the diff looks at. Objects outside
//! the chosen schemas are left out of both catalogs before the diff, so nothing about them
//! is emitted; comments go with the objects they are on.

use crate::catalog::graph::{Graph, Node, Strength};
use crate::catalog::{Catalog, QualName};

/// Which schemas the diff covers: the listed ones (all when the list is empty), minus the
/// excluded ones.
#[derive(Clone, Debug, Default)]
pub struct SchemaFilter {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl SchemaFilter {
    pub fn is_all(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    pub fn covers(&self, schema: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|s| s == schema))
            && !self.exclude.iter().any(|s| s == schema)
    }
}

impl SchemaFilter {
    /// The schemas named by `--schema` / `--exclude-schema` that neither catalog holds
    /// (a typo selects nothing, or leaves nothing out), each once, in the order given.
    pub fn unknown(&self, from: &Catalog, to: &Catalog) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.include.iter().chain(&self.exclude) {
            if !from.schemas.contains_key(s)
                && !to.schemas.contains_key(s)
                && !out.contains(&s.as_str())
            {
                out.push(s);
            }
        }
        out
    }
}

/// `c` without what lies outside the filter. Objects outside any schema (event triggers,
/// publications, foreign data wrappers, ...) are kept only when no schema is singled out.
pub fn restrict(c: &Catalog, f: &SchemaFilter) -> Catalog {
    let keep = |q: &QualName| f.covers(&q.schema);
    let keep_unschemed = f.include.is_empty();
    let mut out = Catalog {
        schemas: c
            .schemas
            .iter()
            .filter(|(s, _)| f.covers(s))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        extensions: c
            .extensions
            .iter()
            .filter(|(_, e)| e.schema.as_deref().map_or(keep_unschemed, |s| f.covers(s)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        tables: c
            .tables
            .iter()
            .filter(|(q, _)| keep(q))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        sequences: c
            .sequences
            .iter()
            .filter(|(q, _)| keep(q))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        indexes: c
            .indexes
            .iter()
            .filter(|(q, _)| keep(q))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        objects: c
            .objects
            .iter()
            .filter(|(k, _)| {
                if k.schema.is_empty() {
                    keep_unschemed
                } else {
                    f.covers(&k.schema)
                }
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        comments: Default::default(),
        security_labels: Default::default(),
        // Default privileges for a schema go with it; those for every schema stay only when
        // no schema is singled out.
        default_acls: c
            .default_acls
            .iter()
            .filter(|(k, _)| k.schema.as_deref().map_or(keep_unschemed, |s| f.covers(s)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        shaped: c.shaped.clone(),
        sources: c.sources.clone(),
    };
    let live = super::comments::targets(&out);
    out.comments = c
        .comments
        .iter()
        .filter(|(t, _)| super::comments::node_of(&live, t).is_some())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    out.security_labels = c
        .security_labels
        .iter()
        .filter(|(t, _)| super::comments::node_of(&live, t).is_some())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    out
}

/// TO's part inside the filter, as the migration must leave it: `restrict(to)`, plus what
/// FROM holds inside the filter and TO drops while something left alone outside it still
/// needs it (a trigger of an excluded schema calling a function of a covered one). The
/// server would refuse to drop it, and the outside is not touched, so it stays as FROM has
/// it. The diff and verification both read TO's part through here.
pub fn restrict_to(from: &Catalog, to: &Catalog, f: &SchemaFilter) -> Catalog {
    let mut out = restrict(to, f);
    let inside = |n: &Node| match n {
        Node::Schema(s) => f.covers(s),
        Node::Extension(e) => from
            .extensions
            .get(e)
            .and_then(|e| e.schema.as_deref())
            .map_or(f.include.is_empty(), |s| f.covers(s)),
        Node::Table(q)
        | Node::Default(q, _)
        | Node::Constraint(q, _)
        | Node::Index(q)
        | Node::Sequence(q)
        | Node::SequenceOwner(q) => f.covers(&q.schema),
        Node::Object(k) if k.schema.is_empty() => f.include.is_empty(),
        Node::Object(k) => f.covers(&k.schema),
    };
    let graph = Graph::build(from);
    let mut held: Vec<&Node> = Vec::new();
    for outside in graph.nodes().filter(|n| !inside(n)) {
        held.extend(
            graph
                .deps_of(outside)
                .filter(|(n, s)| *s == Strength::Hard && inside(n))
                .map(|(n, _)| n),
        );
    }
    for n in held {
        match n {
            Node::Object(k) => {
                if let (Some(o), false) = (from.objects.get(k), to.objects.contains_key(k)) {
                    out.objects.insert(k.clone(), o.clone());
                }
            }
            Node::Table(q) => {
                if let (Some(t), false) = (from.tables.get(q), to.tables.contains_key(q)) {
                    out.tables.insert(q.clone(), t.clone());
                }
            }
            Node::Sequence(q) => {
                if let (Some(sq), false) = (from.sequences.get(q), to.sequences.contains_key(q)) {
                    out.sequences.insert(q.clone(), sq.clone());
                }
            }
            Node::Schema(s) => {
                if let (Some(x), false) = (from.schemas.get(s), to.schemas.contains_key(s)) {
                    out.schemas.insert(s.clone(), x.clone());
                }
            }
            // Parts of a table (its defaults, constraints, indexes, sequence links) and
            // extensions are not held back: a table holds its parts, and an extension
            // outside every schema is outside the filter's reach.
            Node::Extension(_)
            | Node::Default(..)
            | Node::Constraint(..)
            | Node::Index(_)
            | Node::SequenceOwner(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_schema() {
        let c = crate::catalog_from_sql("x.sql", "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.t (x int); COMMENT ON TABLE b.t IS 'b';").unwrap();
        let only_a = restrict(
            &c,
            &SchemaFilter {
                include: vec!["a".into()],
                exclude: vec![],
            },
        );
        assert_eq!(
            only_a
                .tables
                .keys()
                .map(|q| q.schema.as_str())
                .collect::<Vec<_>>(),
            ["a"]
        );
        assert!(only_a.comments.is_empty());
        let not_a = restrict(
            &c,
            &SchemaFilter {
                include: vec![],
                exclude: vec!["a".into()],
            },
        );
        assert_eq!(
            not_a
                .tables
                .keys()
                .map(|q| q.schema.as_str())
                .collect::<Vec<_>>(),
            ["b"]
        );
        // b.t's comment stays, and so does schema public's built-in one.
        assert_eq!(
            not_a
                .comments
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            ["SCHEMA public", "TABLE b.t"]
        );
    }
}
