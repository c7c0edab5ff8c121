//! The dependency graph of a catalog: which object needs which, as the server records it
//! (column types, defaults, FK targets, view and index expressions, triggers, policies,
//! partitions, ...) plus what function bodies read. The plan orders statements over it and
//! the diff follows it to find what must be rebuilt when something underneath changes.

use std::collections::{BTreeMap, BTreeSet};

use super::model::*;

/// One object the migration can create, alter or drop.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Schema(String),
    Extension(String),
    /// A table with its columns (their types, collations, generation expressions).
    Table(QualName),
    /// A column's default, which needs what its expression calls.
    Default(QualName, String),
    Constraint(QualName, String),
    Index(QualName),
    Sequence(QualName),
    /// A sequence's link to the column that owns it (`ALTER SEQUENCE ... OWNED BY`): it
    /// needs the sequence and the table, while the sequence alone needs neither (so a
    /// column can be added with a default that reads a new sequence, which it then owns).
    SequenceOwner(QualName),
    Object(ObjKey),
}

/// How a dependency binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// The server records it: the needed object must exist first and cannot be dropped or
    /// changed under the dependent.
    Hard,
    /// A function body reads it: creation reads better in this order, but nothing forces it.
    Soft,
}

/// Node -> the nodes it needs, each with its strength.
#[derive(Debug, Default)]
pub struct Graph {
    deps: BTreeMap<Node, BTreeMap<Node, Strength>>,
    dependents: BTreeMap<Node, BTreeSet<Node>>,
}

impl Graph {
    /// The graph of every object in `c`.
    pub fn build(c: &Catalog) -> Graph {
        let names = Names::of(c);
        let mut g = Graph::default();
        for s in c.schemas.keys() {
            g.node(Node::Schema(s.clone()));
        }
        for (name, e) in &c.extensions {
            let n = Node::Extension(name.clone());
            g.node(n.clone());
            if let Some(s) = &e.schema {
                g.add(&n, Node::Schema(s.clone()), Strength::Hard);
            }
        }
        for (q, t) in &c.tables {
            let n = Node::Table(q.clone());
            g.node(n.clone());
            g.add(&n, Node::Schema(q.schema.clone()), Strength::Hard);
            for col in &t.columns {
                if let Some(ty) = type_name(&col.type_sql) {
                    names.link(&mut g, &n, &ty, Strength::Hard);
                }
                if let Some(coll) = col
                    .collation
                    .as_deref()
                    .and_then(super::expr::parse_qualified)
                {
                    names.link(&mut g, &n, &coll, Strength::Hard);
                }
                for d in &col.generated_deps {
                    names.link(&mut g, &n, d, Strength::Hard);
                }
                if col.default.is_some() {
                    let dn = Node::Default(q.clone(), col.name.clone());
                    g.add(&dn, n.clone(), Strength::Hard);
                    for d in &col.default_deps {
                        names.link(&mut g, &dn, d, Strength::Hard);
                    }
                }
            }
            if let Some((parent, _)) = &t.partition_of {
                g.add(&n, Node::Table(parent.clone()), Strength::Hard);
            }
            for p in &t.inherits {
                g.add(&n, Node::Table(p.clone()), Strength::Hard);
            }
            if let Some(ty) = &t.of_type {
                names.link(&mut g, &n, ty, Strength::Hard);
            }
            if let Some(f) = &t.foreign {
                names.link(
                    &mut g,
                    &n,
                    &QualName::new("", f.server.clone()),
                    Strength::Hard,
                );
            }
            for (cname, con) in &t.constraints {
                let cn = Node::Constraint(q.clone(), cname.clone());
                g.add(&cn, n.clone(), Strength::Hard);
                for d in &con.deps {
                    names.link(&mut g, &cn, d, Strength::Hard);
                }
                if let Some(r) = &con.references {
                    for key in names.keys_of(c, r) {
                        g.add(&cn, key, Strength::Hard);
                    }
                }
            }
        }
        for (q, i) in &c.indexes {
            let n = Node::Index(q.clone());
            g.add(&n, Node::Table(i.table.clone()), Strength::Hard);
            for d in &i.deps {
                names.link(&mut g, &n, d, Strength::Hard);
            }
            if let Some(p) = &i.attached_to {
                g.add(&n, Node::Index(p.clone()), Strength::Hard);
            }
            for e in &i.extensions {
                g.add(&n, Node::Extension(e.clone()), Strength::Hard);
            }
        }
        for (q, s) in &c.sequences {
            let n = Node::Sequence(q.clone());
            g.add(&n, Node::Schema(q.schema.clone()), Strength::Hard);
            if let Some((t, _)) = &s.owned_by {
                let owner = Node::SequenceOwner(q.clone());
                g.add(&owner, n.clone(), Strength::Hard);
                g.add(&owner, Node::Table(t.clone()), Strength::Hard);
            }
        }
        for (k, o) in &c.objects {
            let n = Node::Object(k.clone());
            g.node(n.clone());
            if !k.schema.is_empty() {
                g.add(&n, Node::Schema(k.schema.clone()), Strength::Hard);
            }
            if let Some(t) = &o.table {
                names.link(&mut g, &n, t, Strength::Hard);
            }
            for d in &o.deps {
                names.link(&mut g, &n, d, Strength::Hard);
            }
            for d in &o.soft_deps {
                names.link(&mut g, &n, d, Strength::Soft);
            }
            for e in &o.extensions {
                g.add(&n, Node::Extension(e.clone()), Strength::Hard);
            }
            // A view that groups by a primary key may select other columns of that table:
            // the server records a dependency on the key.
            if matches!(k.kind, ObjKind::View | ObjKind::MaterializedView)
                && o.create.contains(" GROUP BY ")
            {
                for d in &o.deps {
                    if let Some(t) = c.tables.get(d) {
                        for (cname, con) in &t.constraints {
                            if con.kind == ConstraintKind::PrimaryKey {
                                g.add(
                                    &n,
                                    Node::Constraint(d.clone(), cname.clone()),
                                    Strength::Hard,
                                );
                            }
                        }
                    }
                }
            }
        }
        g
    }

    fn node(&mut self, n: Node) {
        self.deps.entry(n).or_default();
    }

    fn add(&mut self, from: &Node, to: Node, s: Strength) {
        if *from == to {
            return;
        }
        self.dependents
            .entry(to.clone())
            .or_default()
            .insert(from.clone());
        let e = self
            .deps
            .entry(from.clone())
            .or_default()
            .entry(to)
            .or_insert(s);
        *e = (*e).min(s);
    }

    /// Every node that needs something or was added on its own, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.deps.keys()
    }

    /// What `n` needs directly.
    pub fn deps_of(&self, n: &Node) -> impl Iterator<Item = (&Node, Strength)> {
        self.deps
            .get(n)
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, s)| (k, *s)))
    }

    /// What needs `n` directly.
    pub fn dependents_of(&self, n: &Node) -> impl Iterator<Item = &Node> {
        self.dependents.get(n).into_iter().flatten()
    }

    /// Whether `n` needs `m` directly.
    pub fn needs(&self, n: &Node, m: &Node) -> bool {
        self.deps.get(n).is_some_and(|d| d.contains_key(m))
    }
}

/// The schema-qualified base name of a column type (`public.mood[]` -> `public.mood`), for
/// user types; builtins have no schema in canonical type text.
pub fn type_name(type_sql: &str) -> Option<QualName> {
    let base = type_sql.trim_end_matches("[]");
    let base = base.split_once('(').map_or(base, |(b, _)| b);
    super::expr::parse_qualified(base).filter(|q| !q.schema.is_empty() && q.schema != "pg_catalog")
}

/// Which nodes a qualified name can mean: relations, types, functions and the other named
/// kinds. Names that match nothing belong to an extension (or the server), if to anything.
struct Names {
    by_name: BTreeMap<QualName, Vec<Node>>,
    /// Extensions by the schema they install into.
    extensions: BTreeMap<String, Vec<Node>>,
    /// Unique indexes by table.
    unique_indexes: BTreeMap<QualName, Vec<Node>>,
    extension_names: BTreeSet<String>,
}

impl Names {
    fn of(c: &Catalog) -> Names {
        let mut by_name: BTreeMap<QualName, Vec<Node>> = BTreeMap::new();
        for q in c.tables.keys() {
            by_name
                .entry(q.clone())
                .or_default()
                .push(Node::Table(q.clone()));
        }
        for q in c.sequences.keys() {
            by_name
                .entry(q.clone())
                .or_default()
                .push(Node::Sequence(q.clone()));
        }
        let mut unique_indexes: BTreeMap<QualName, Vec<Node>> = BTreeMap::new();
        for (q, i) in &c.indexes {
            by_name
                .entry(q.clone())
                .or_default()
                .push(Node::Index(q.clone()));
            if i.def.starts_with("CREATE UNIQUE") {
                unique_indexes
                    .entry(i.table.clone())
                    .or_default()
                    .push(Node::Index(q.clone()));
            }
        }
        for (k, o) in &c.objects {
            if !matches!(
                k.kind,
                ObjKind::Trigger
                    | ObjKind::Policy
                    | ObjKind::Rule
                    | ObjKind::UserMapping
                    | ObjKind::Cast
            ) {
                by_name
                    .entry(QualName::new(k.schema.clone(), k.name.clone()))
                    .or_default()
                    .push(Node::Object(k.clone()));
            }
            // A range's multirange type comes and goes with it.
            if let Some(m) = o.multirange() {
                by_name.entry(m).or_default().push(Node::Object(k.clone()));
            }
        }
        let mut extensions: BTreeMap<String, Vec<Node>> = BTreeMap::new();
        for (name, e) in &c.extensions {
            let schema = e.schema.clone().unwrap_or_else(|| "public".to_string());
            extensions
                .entry(schema)
                .or_default()
                .push(Node::Extension(name.clone()));
        }
        let extension_names = c.extensions.keys().cloned().collect();
        Names {
            by_name,
            extensions,
            unique_indexes,
            extension_names,
        }
    }

    /// Adds `from -> whatever q names`.
    fn link(&self, g: &mut Graph, from: &Node, q: &QualName, s: Strength) {
        match self.by_name.get(q) {
            Some(nodes) => {
                for n in nodes {
                    g.add(from, n.clone(), s);
                }
            }
            None if q.schema.is_empty() => {
                // A global object (a foreign-data wrapper, a language, ...) the catalog does
                // not hold comes with the extension of its name, if there is one
                // (postgres_fdw, file_fdw, plperl, ...; dblink's wrapper is dblink_fdw).
                let ext = if q.name == "dblink_fdw" {
                    "dblink"
                } else {
                    q.name.as_str()
                };
                if self.extension_names.contains(ext) {
                    g.add(from, Node::Extension(ext.to_string()), s);
                }
            }
            None => {
                for n in self.extensions.get(&q.schema).into_iter().flatten() {
                    g.add(from, n.clone(), s);
                }
            }
        }
    }

    /// The keys a foreign key to `table` can rest on: its primary key, unique constraints
    /// and unique indexes.
    fn keys_of(&self, c: &Catalog, table: &QualName) -> Vec<Node> {
        let mut out = vec![Node::Table(table.clone())];
        if let Some(t) = c.tables.get(table) {
            for (name, con) in &t.constraints {
                if matches!(
                    con.kind,
                    ConstraintKind::PrimaryKey | ConstraintKind::Unique
                ) {
                    out.push(Node::Constraint(table.clone(), name.clone()));
                }
            }
        }
        out.extend(
            self.unique_indexes
                .get(table)
                .into_iter()
                .flatten()
                .cloned(),
        );
        out
    }
}
