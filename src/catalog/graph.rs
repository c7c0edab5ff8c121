//! The dependency graph of a catalog: which object needs which, as the server records it
//! (column types, defaults, FK targets, view and index expressions, triggers, policies,
//! partitions, ...) plus what function bodies read. The plan orders statements over it and
//! the diff follows it to find what must be rebuilt when something underneath changes.

use std::collections::BTreeSet;

use crate::hashing::FastMap;

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

/// Node -> the nodes it needs, each with its strength. Nodes are numbered in their own
/// order (`Node`'s `Ord`), so every list below is sorted as the nodes are.
#[derive(Debug, Default)]
pub struct Graph {
    /// Every node, sorted; a node's number is its place here.
    nodes: Vec<Node>,
    /// Whether the node needs something or was added on its own (what `nodes()` lists).
    listed: Vec<bool>,
    deps: Vec<Vec<(u32, Strength)>>,
    dependents: Vec<Vec<u32>>,
}

impl Graph {
    /// The graph of every object in `c`.
    pub fn build(c: &Catalog) -> Graph {
        let mut g = Builder::default();
        let names = Names::of(c, &mut g);
        let partitions = partitions_below(c);
        for s in c.schemas.keys() {
            g.node(Node::Schema(s.clone()));
        }
        for (name, e) in &c.extensions {
            let n = g.node(Node::Extension(name.clone()));
            if let Some(s) = &e.schema {
                g.add(n, Node::Schema(s.clone()), Strength::Hard);
            }
        }
        for (q, t) in &c.tables {
            let n = g.node(Node::Table(q.clone()));
            g.add(n, Node::Schema(q.schema.clone()), Strength::Hard);
            for col in &t.columns {
                if let Some(ty) = type_name(&col.type_sql) {
                    names.link(&mut g, n, &ty, Strength::Hard);
                }
                if let Some(coll) = col
                    .collation
                    .as_deref()
                    .and_then(super::expr::parse_qualified)
                {
                    names.link(&mut g, n, &coll, Strength::Hard);
                }
                for d in &col.generated_deps {
                    names.link(&mut g, n, d, Strength::Hard);
                }
                if col.default.is_some() {
                    let dn = g.intern(Node::Default(q.clone(), col.name.clone()));
                    g.edge(dn, n, Strength::Hard);
                    for d in &col.default_deps {
                        names.link(&mut g, dn, d, Strength::Hard);
                    }
                }
            }
            if let Some((parent, _)) = &t.partition_of {
                g.add(n, Node::Table(parent.clone()), Strength::Hard);
            }
            for p in &t.inherits {
                g.add(n, Node::Table(p.clone()), Strength::Hard);
            }
            if let Some(ty) = &t.of_type {
                names.link(&mut g, n, ty, Strength::Hard);
            }
            for d in &t.partition_deps {
                names.link(&mut g, n, d, Strength::Hard);
            }
            if let Some(f) = &t.foreign {
                names.link(
                    &mut g,
                    n,
                    &QualName::new("", f.server.clone()),
                    Strength::Hard,
                );
            }
            for (cname, con) in &t.constraints {
                let cn = g.intern(Node::Constraint(q.clone(), cname.clone()));
                g.edge(cn, n, Strength::Hard);
                for d in &con.deps {
                    names.link(&mut g, cn, d, Strength::Hard);
                }
                if let Some(r) = &con.references {
                    for key in names.keys_of(c, &mut g, r) {
                        g.edge(cn, key, Strength::Hard);
                    }
                    // A key to a partitioned table needs each of its partitions: the server
                    // records a constraint on each, so none can be dropped or detached under
                    // it. (A partition's copy of its parent's key goes with that key.)
                    let copy = con.inherited || con.parent.is_some();
                    for p in partitions.get(r).into_iter().flatten().filter(|_| !copy) {
                        g.add(cn, Node::Table((*p).clone()), Strength::Hard);
                    }
                }
            }
        }
        for (q, i) in &c.indexes {
            let n = g.intern(Node::Index(q.clone()));
            g.add(n, Node::Table(i.table.clone()), Strength::Hard);
            for d in &i.deps {
                names.link(&mut g, n, d, Strength::Hard);
            }
            if let Some(p) = &i.attached_to {
                g.add(n, Node::Index(p.clone()), Strength::Hard);
            }
            for e in &i.extensions {
                g.add(n, Node::Extension(e.clone()), Strength::Hard);
            }
        }
        for (q, s) in &c.sequences {
            let n = g.intern(Node::Sequence(q.clone()));
            g.add(n, Node::Schema(q.schema.clone()), Strength::Hard);
            if let Some((t, _)) = &s.owned_by {
                let owner = g.intern(Node::SequenceOwner(q.clone()));
                g.edge(owner, n, Strength::Hard);
                g.add(owner, Node::Table(t.clone()), Strength::Hard);
            }
        }
        for (k, o) in &c.objects {
            let n = g.node(Node::Object(k.clone()));
            if !k.schema.is_empty() {
                g.add(n, Node::Schema(k.schema.clone()), Strength::Hard);
            }
            if let Some(t) = &o.table {
                names.link(&mut g, n, t, Strength::Hard);
            }
            for d in &o.deps {
                names.link(&mut g, n, d, Strength::Hard);
            }
            for d in &o.soft_deps {
                names.link(&mut g, n, d, Strength::Soft);
            }
            for e in &o.extensions {
                g.add(n, Node::Extension(e.clone()), Strength::Hard);
            }
            if k.kind == ObjKind::Publication {
                for s in super::replay::member_schemas(&o.after) {
                    g.add(n, Node::Schema(s), Strength::Hard);
                }
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
                                    n,
                                    Node::Constraint(d.clone(), cname.clone()),
                                    Strength::Hard,
                                );
                            }
                        }
                    }
                }
            }
        }
        g.finish()
    }

    fn id(&self, n: &Node) -> Option<usize> {
        self.nodes.binary_search(n).ok()
    }

    fn node_at(&self, i: u32) -> Option<&Node> {
        self.nodes.get(i as usize)
    }

    /// Every node that needs something or was added on its own, in order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes
            .iter()
            .zip(&self.listed)
            .filter_map(|(n, listed)| listed.then_some(n))
    }

    /// What `n` needs directly.
    pub fn deps_of(&self, n: &Node) -> impl Iterator<Item = (&Node, Strength)> {
        self.id(n)
            .and_then(|i| self.deps.get(i))
            .into_iter()
            .flatten()
            .filter_map(|&(m, s)| Some((self.node_at(m)?, s)))
    }

    /// What needs `n` directly.
    pub fn dependents_of(&self, n: &Node) -> impl Iterator<Item = &Node> {
        self.id(n)
            .and_then(|i| self.dependents.get(i))
            .into_iter()
            .flatten()
            .filter_map(|&m| self.node_at(m))
    }

    /// Whether `n` needs `m` directly.
    pub fn needs(&self, n: &Node, m: &Node) -> bool {
        let (Some(n), Some(m)) = (self.id(n), self.id(m)) else {
            return false;
        };
        self.deps
            .get(n)
            .is_some_and(|d| d.binary_search_by_key(&m, |&(x, _)| x as usize).is_ok())
    }
}

/// The partitions of each partitioned table that a foreign key references, at every level.
fn partitions_below(c: &Catalog) -> std::collections::BTreeMap<&QualName, Vec<&QualName>> {
    let referenced: BTreeSet<&QualName> = c
        .tables
        .values()
        .flat_map(|t| t.constraints.values())
        .filter_map(|k| c.partitioned_reference(k))
        .collect();
    let mut out: std::collections::BTreeMap<&QualName, Vec<&QualName>> = Default::default();
    if referenced.is_empty() {
        return out;
    }
    for q in c.tables.keys() {
        for p in c.partition_ancestors(q).filter(|p| referenced.contains(p)) {
            out.entry(p).or_default().push(q);
        }
    }
    out
}

/// A graph being built: nodes numbered as they come, edges in a flat list; `finish` sorts
/// both once.
#[derive(Default)]
struct Builder {
    ids: FastMap<Node, u32>,
    nodes: Vec<(Node, bool)>,
    edges: Vec<(u32, u32, Strength)>,
}

impl Builder {
    fn intern(&mut self, n: Node) -> u32 {
        if let Some(&i) = self.ids.get(&n) {
            return i;
        }
        let i = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        self.nodes.push((n.clone(), false));
        self.ids.insert(n, i);
        i
    }

    fn list(&mut self, i: u32) {
        if let Some((_, listed)) = self.nodes.get_mut(i as usize) {
            *listed = true;
        }
    }

    /// A node listed even if it needs nothing.
    fn node(&mut self, n: Node) -> u32 {
        let i = self.intern(n);
        self.list(i);
        i
    }

    fn add(&mut self, from: u32, to: Node, s: Strength) {
        let to = self.intern(to);
        self.edge(from, to, s);
    }

    fn edge(&mut self, from: u32, to: u32, s: Strength) {
        if from != to {
            self.list(from);
            self.edges.push((from, to, s));
        }
    }

    /// The nodes sorted and renumbered in that order, the edges grouped by node.
    fn finish(self) -> Graph {
        let Builder {
            ids,
            mut nodes,
            mut edges,
        } = self;
        drop(ids);
        let mut order: Vec<u32> = (0..u32::try_from(nodes.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by(|&a, &b| {
            nodes
                .get(a as usize)
                .map(|n| &n.0)
                .cmp(&nodes.get(b as usize).map(|n| &n.0))
        });
        let mut rank = vec![0u32; nodes.len()];
        for (r, &old) in (0u32..).zip(&order) {
            if let Some(slot) = rank.get_mut(old as usize) {
                *slot = r;
            }
        }
        let renumber = |i: u32| rank.get(i as usize).copied().unwrap_or(i);
        for e in &mut edges {
            *e = (renumber(e.0), renumber(e.1), e.2);
        }
        // Sorted by (from, to, strength): the first of a pair is its strongest.
        edges.sort_unstable();
        edges.dedup_by_key(|e| (e.0, e.1));
        let mut deps = vec![Vec::new(); nodes.len()];
        let mut dependents = vec![Vec::new(); nodes.len()];
        // Filled in order of `from`: each list comes out sorted.
        for &(from, to, s) in &edges {
            if let Some(d) = deps.get_mut(from as usize) {
                d.push((to, s));
            }
            if let Some(d) = dependents.get_mut(to as usize) {
                d.push(from);
            }
        }
        let mut sorted = Vec::with_capacity(nodes.len());
        let mut listed = Vec::with_capacity(nodes.len());
        for &old in &order {
            if let Some((n, l)) = nodes.get_mut(old as usize) {
                sorted.push(std::mem::replace(n, Node::Schema(String::new())));
                listed.push(*l);
            }
        }
        Graph {
            nodes: sorted,
            listed,
            deps,
            dependents,
        }
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
    by_name: FastMap<QualName, Vec<u32>>,
    /// Extensions by the schema they install into.
    extensions: FastMap<String, Vec<u32>>,
    /// Unique indexes by table.
    unique_indexes: FastMap<QualName, Vec<u32>>,
    extension_names: BTreeSet<String>,
}

impl Names {
    fn of(c: &Catalog, g: &mut Builder) -> Names {
        let mut by_name: FastMap<QualName, Vec<u32>> = FastMap::default();
        let mut name = |q: &QualName, id: u32| by_name.entry(q.clone()).or_default().push(id);
        for q in c.tables.keys() {
            name(q, g.intern(Node::Table(q.clone())));
        }
        for q in c.sequences.keys() {
            name(q, g.intern(Node::Sequence(q.clone())));
        }
        let mut unique_indexes: FastMap<QualName, Vec<u32>> = FastMap::default();
        for (q, i) in &c.indexes {
            let id = g.intern(Node::Index(q.clone()));
            name(q, id);
            if i.def.starts_with("CREATE UNIQUE") {
                unique_indexes.entry(i.table.clone()).or_default().push(id);
            }
        }
        for (k, o) in &c.objects {
            let id = g.intern(Node::Object(k.clone()));
            if !matches!(
                k.kind,
                ObjKind::Trigger
                    | ObjKind::Policy
                    | ObjKind::Rule
                    | ObjKind::UserMapping
                    | ObjKind::Cast
            ) {
                name(&QualName::new(k.schema.clone(), k.name.clone()), id);
            }
            // A range's multirange type comes and goes with it.
            if let Some(m) = o.multirange() {
                name(&m, id);
            }
        }
        let mut extensions: FastMap<String, Vec<u32>> = FastMap::default();
        for (name, e) in &c.extensions {
            let schema = e.schema.clone().unwrap_or_else(|| "public".to_string());
            extensions
                .entry(schema)
                .or_default()
                .push(g.intern(Node::Extension(name.clone())));
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
    fn link(&self, g: &mut Builder, from: u32, q: &QualName, s: Strength) {
        match self.by_name.get(q) {
            Some(nodes) => {
                for &n in nodes {
                    g.edge(from, n, s);
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
                for &n in self.extensions.get(&q.schema).into_iter().flatten() {
                    g.edge(from, n, s);
                }
            }
        }
    }

    /// The keys a foreign key to `table` can rest on: its primary key, unique constraints
    /// and unique indexes.
    fn keys_of(&self, c: &Catalog, g: &mut Builder, table: &QualName) -> Vec<u32> {
        let mut out = vec![g.intern(Node::Table(table.clone()))];
        if let Some(t) = c.tables.get(table) {
            for (name, con) in &t.constraints {
                if matches!(
                    con.kind,
                    ConstraintKind::PrimaryKey | ConstraintKind::Unique
                ) {
                    out.push(g.intern(Node::Constraint(table.clone(), name.clone())));
                }
            }
        }
        out.extend(self.unique_indexes.get(table).into_iter().flatten());
        out
    }
}
