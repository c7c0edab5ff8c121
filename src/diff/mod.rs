//! Diff: catalog FROM vs catalog TO -> a list of changes, one file per object kind. Each
//! change carries its SQL and where it sits (phase and dump position); its hazards are read
//! off the planned migration (`catalog::hazard`).

pub mod about;
mod comments;
mod enums;
pub mod extension_moves;
pub mod filter;
mod held;
mod inherit;
pub mod label_renames;
mod objects;
mod online;
mod privileges;
mod ranges;
mod schemas;
mod sequences;
mod tables;
mod trigger_clones;

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::graph::{Graph, Node};
use crate::catalog::{Catalog, ObjKey, Pos, QualName};

/// Drops run first (reverse FROM order), then creates and alters (TO order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Drop,
    Create,
}

pub use crate::catalog::hazard::Hazard;
pub use about::{Action, ObjectKind, ObjectRef, Origin, Provenance, RebuildReason};

/// One migration statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub phase: Phase,
    /// The object it creates, alters or drops: the plan orders changes over the dependency
    /// graph through it.
    pub node: Node,
    /// Position in FROM (drops) or TO (creates) of the object it belongs to.
    pub pos: Pos,
    /// Order among changes at the same position.
    pub seq: u32,
    pub sql: String,
    /// What the statement risks on a database that holds rows (filled in once the
    /// migration is planned, see `catalog::hazard`).
    pub hazards: Vec<Hazard>,
    /// Why the statement is there when that is not plain from it (an object dropped and
    /// recreated around a change underneath), printed as a comment before it.
    pub note: Option<String>,
    /// Another node whose needs the statement shares: an `ADD COLUMN` that sets the
    /// column's default needs what the default reads (a new sequence, a function), which
    /// its table does not.
    pub reads: Option<Node>,
    /// Runs in a transaction of its own: what comes before commits first, so its lock is
    /// not held with theirs (`VALIDATE CONSTRAINT` under `--online`).
    pub own_transaction: bool,
    /// Nodes whose creates and alters run before this change, which they would not need
    /// otherwise; those do not wait for it in turn (the rows copied into a table that becomes
    /// partitioned go in once its partitions are attached, and before anything else on it).
    pub after: Vec<Node>,
    /// The object the statement is about (usually `node`'s; a `DROP INDEX` ordered with
    /// its table is about the index).
    pub object: ObjectRef,
    /// What happens to that object: created, dropped, altered or rebuilt (and why).
    pub action: Action,
    /// Where the object is defined in FROM and in TO (filled in by `Migration`, from the
    /// catalogs the user gave).
    pub provenance: Provenance,
    /// How the plan may break a dependency cycle at this change: a statement that runs
    /// first, where the cycle stands, and the one the change then runs instead of `sql`
    /// once what it needs is there (a view in a cycle: pg_dump's placeholder, then CREATE
    /// OR REPLACE VIEW with its query; or, before its drop, the placeholder in place of the
    /// query, so that what the query read can go first).
    pub split: Option<Split>,
}

/// How a change splits to break a dependency cycle (`Change::split`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The statement that runs where the cycle stands.
    pub first: String,
    /// The one the change runs instead of its own once what it needs is there.
    pub then: String,
    /// Why the first statement is there, the note it is printed with.
    pub why: String,
}

impl Change {
    /// A statement about `object`, with no hazard read yet, note or other constraint.
    pub fn new(
        phase: Phase,
        node: Node,
        pos: Pos,
        seq: u32,
        sql: String,
        object: ObjectRef,
    ) -> Change {
        Change {
            phase,
            node,
            pos,
            seq,
            sql,
            hazards: Vec::new(),
            note: None,
            reads: None,
            object,
            action: Action::Alter,
            provenance: Provenance::default(),
            own_transaction: false,
            after: Vec::new(),
            split: None,
        }
    }

    /// Whether the statement can run inside a transaction block (`CONCURRENTLY` cannot).
    pub fn transactional(&self) -> bool {
        !self
            .hazards
            .iter()
            .any(|h| matches!(h, Hazard::NoTransaction))
    }
}

/// Options that change what the diff emits.
#[derive(Clone, Debug, Default)]
pub struct DiffOptions {
    pub ignore_extension_versions: bool,
    /// `--schema` / `--exclude-schema`.
    pub schemas: filter::SchemaFilter,
    /// `--create-extensions-only`: only the CREATE EXTENSION statements.
    pub create_extensions_only: bool,
    /// Owners, GRANT / REVOKE and default privileges are part of the migration.
    pub with_privileges: bool,
    /// `--online`: the non-blocking forms on tables that hold rows (see `online.rs`).
    pub online: bool,
}

/// Collects changes in emission order of creation; the plan sorts them.
pub(crate) struct Diff<'a> {
    pub from: &'a Catalog,
    pub to: &'a Catalog,
    /// Dependency graph of `from`.
    pub gf: &'a Graph,
    pub opts: &'a DiffOptions,
    pub out: Vec<Change>,
    seq: u32,
    /// Tables dropped, for good or to be created again (their dependents go with them).
    pub dropped_tables: BTreeSet<QualName>,
    /// Tables in both catalogs that no ALTER can turn into their TO form (a partitioned
    /// table becoming a plain one, a new partition key, the partitions of such a table):
    /// dropped and created again.
    pub rebuilt_tables: BTreeSet<QualName>,
    /// Tables whose columns change type or disappear (dependent views must be rebuilt).
    pub reshaped_tables: BTreeSet<QualName>,
    /// Comment targets of objects dropped and recreated (their comments are re-emitted).
    pub recreated: BTreeSet<String>,
    /// Enums whose labels change, and how.
    pub enums: BTreeMap<ObjKey, enums::EnumPlan>,
    /// Range types rebuilt under columns (which hold their text form meanwhile), with what
    /// holds their values.
    pub ranges: BTreeMap<ObjKey, crate::catalog::containers::Containers>,
    /// Tables whose columns change type while a column stores their row type (which holds
    /// its text form meanwhile, see `held`).
    pub held_rows: BTreeSet<QualName>,
    /// Collations made again that columns or domains renamed aside use: renamed aside, the
    /// columns move to the new one (see `held`).
    pub held_collations: BTreeSet<QualName>,
    /// Domains whose values TO checks anew while columns hold them inside arrays, composites
    /// or ranges (which hold their text form meanwhile, see `held`).
    pub held_domains: Vec<(QualName, crate::catalog::containers::Containers)>,
    /// Collations made again (no ALTER changes one).
    pub remade_collations: BTreeSet<QualName>,
    /// Types rebuilt under columns: those columns are recast to the new type.
    pub recast_types: BTreeSet<QualName>,
    /// Domains and composite types made again under columns (a new base type, or a type under
    /// them made again): the old one is renamed aside while the columns are recast, as an
    /// enum is.
    pub recast_aside: BTreeSet<ObjKey>,
    /// Generic objects dropped and created again, with the reason when something under them
    /// forces it.
    pub rebuilt_objects: BTreeMap<ObjKey, Option<RebuildReason>>,
    /// Domains that stay while a function their constraints or default read is dropped and
    /// created again: those let go of it around the change (see `objects::loosens`).
    pub loosened: BTreeSet<ObjKey>,
    /// Partition indexes created with their table, before it joins its parent (see
    /// `tables::attach_partition`).
    pub indexes_before_attach: BTreeSet<QualName>,
    /// Plain tables that become partitioned and keep their rows: moved aside, created
    /// again, filled from the old one (see `tables::filled`).
    pub filled_tables: BTreeSet<QualName>,
    /// The changes (indexes into `out`) that copy rows into a table of `filled_tables` and
    /// drop the old one: placed after every other change of the table (`tables::settle_filling`).
    pub filling: Vec<usize>,
}

impl Diff<'_> {
    /// Whether a FROM node goes away during the migration (dropped, or dropped to be
    /// rebuilt): whatever needs it must let go first.
    pub fn doomed(&self, n: &Node) -> bool {
        match n {
            Node::Object(k) => {
                self.rebuilt_objects.contains_key(k) || !self.to.objects.contains_key(k)
            }
            Node::Table(q) => self.dropped_tables.contains(q),
            Node::Sequence(q) => !self.to.sequences.contains_key(q),
            Node::SequenceOwner(q) => {
                self.from.sequences.get(q).map(|s| &s.owned_by)
                    != self.to.sequences.get(q).map(|s| &s.owned_by)
            }
            Node::Index(q) => self.index_dropped(q),
            Node::Schema(_) | Node::Extension(_) | Node::Default(_, _) | Node::Constraint(_, _) => {
                false
            }
        }
    }

    /// Whether FROM's index `q` goes during the migration: gone from TO, changed, or over
    /// something that goes (its table, the partitioned index it is attached to).
    pub fn index_dropped(&self, q: &QualName) -> bool {
        let Some(i) = self.from.indexes.get(q) else {
            return false;
        };
        // A partition detached before its parent table is dropped keeps its index (no
        // longer attached to the parent's).
        let kept_by_detach = |m: &Node| {
            matches!((m, &i.attached_to), (Node::Index(p), Some(a)) if p == a)
                && self.parent_dropped_under(&i.table)
        };
        let node = Node::Index(q.clone());
        let over_doomed = self.gf.deps_of(&node).any(|(m, s)| {
            s == crate::catalog::graph::Strength::Hard && self.doomed(m) && !kept_by_detach(m)
        });
        self.to.indexes.get(q).is_none_or(|n| n.def != i.def)
            || over_doomed
            || self.over_gone_extension(&node)
            || held::reads_text_column(self, &i.table, &i.columns, &i.def)
            || tables::reads_regenerated(self, &i.table, &i.columns, &i.def)
    }

    /// Whether FROM's partition `q` stays while its partitioned parent is dropped (for
    /// good, or to be created again): it is detached first.
    pub fn parent_dropped_under(&self, q: &QualName) -> bool {
        !self.dropped_tables.contains(q)
            && self
                .from
                .tables
                .get(q)
                .and_then(|t| t.partition_of.as_ref())
                .is_some_and(|(p, _)| self.dropped_tables.contains(p))
    }

    /// Whether FROM's index or exclusion constraint `n` needs an extension TO does not
    /// have: an operator class it gives the index, which TO's takes from elsewhere (the
    /// script an old dump installed it with, say). The extension takes it along.
    pub fn over_gone_extension(&self, n: &Node) -> bool {
        self.gf.deps_of(n).any(|(m, s)| {
            s == crate::catalog::graph::Strength::Hard
                && matches!(m, Node::Extension(e) if !self.to.extensions.contains_key(e))
        })
    }

    /// Whether `k` is a collation made again under something that stays: the old one is
    /// renamed aside, and dropped once nothing uses it (see `held`).
    pub fn collation_aside(&self, k: &ObjKey) -> bool {
        k.kind == crate::catalog::ObjKind::Collation
            && !self.held_collations.is_empty()
            && self
                .held_collations
                .contains(&QualName::new(k.schema.clone(), k.name.clone()))
    }

    /// Whether a FROM node needs something doomed (hard dependencies only).
    pub fn over_doomed(&self, n: &Node) -> bool {
        self.gf
            .deps_of(n)
            .any(|(m, s)| s == crate::catalog::graph::Strength::Hard && self.doomed(m))
    }
}

impl Diff<'_> {
    pub fn push(&mut self, phase: Phase, node: &Node, pos: Pos, sql: String) {
        self.seq += 1;
        let object = self.object_ref(node);
        self.out
            .push(Change::new(phase, node.clone(), pos, self.seq, sql, object));
    }

    pub fn drop(&mut self, node: &Node, pos: Pos, sql: String) {
        self.push(Phase::Drop, node, pos, sql);
    }

    pub fn create(&mut self, node: &Node, pos: Pos, sql: String) {
        self.push(Phase::Create, node, pos, sql);
    }

    /// Attaches a note to the change pushed last.
    pub fn note(&mut self, note: String) {
        if let Some(c) = self.out.last_mut() {
            c.note = Some(note);
        }
    }

    /// Marks the change pushed last as running in a transaction of its own.
    pub fn own_transaction(&mut self) {
        if let Some(c) = self.out.last_mut() {
            c.own_transaction = true;
        }
    }

    /// Makes the change pushed last run after the creates and alters of `nodes` (see
    /// `Change::after`).
    pub fn after(&mut self, nodes: Vec<Node>) {
        if let Some(c) = self.out.last_mut() {
            c.after = nodes;
        }
    }

    /// Lets the plan split the change pushed last to break a cycle (see `Change::split`).
    pub fn split(&mut self, split: Split) {
        if let Some(c) = self.out.last_mut() {
            c.split = Some(split);
        }
    }

    /// Says that the change pushed last is about `n` (see `Change::object`).
    pub fn about(&mut self, n: &Node) {
        let object = self.object_ref(n);
        if let Some(c) = self.out.last_mut() {
            c.object = object;
        }
    }

    /// The object `n` stands for, described from FROM or TO.
    pub fn object_ref(&self, n: &Node) -> ObjectRef {
        ObjectRef::of(n, self.from, self.to)
    }

    /// Marks the change pushed last as needing what `n` needs too (see `Change::reads`).
    pub fn reads(&mut self, n: Node) {
        if let Some(c) = self.out.last_mut() {
            c.reads = Some(n);
        }
    }

    /// How a node reads in a note: `table public.t`, `view public.v`, ...
    pub fn describe(&self, n: &Node) -> String {
        about::describe(n, self.from, self.to)
    }

    /// Where the first change that creates `node` sits (its position and order), if the
    /// migration creates it.
    pub fn creation_of(&self, node: &Node) -> Option<(Pos, u32)> {
        self.out
            .iter()
            .filter(|c| c.phase == Phase::Create && c.node == *node)
            .map(|c| (c.pos, c.seq))
            .min()
    }

    /// A change that runs right after `at` (from `creation_of`): it takes the same position
    /// and order, and changes with equal keys run in the order they were made.
    pub fn create_at(&mut self, node: &Node, at: (Pos, u32), sql: String) {
        let object = self.object_ref(node);
        self.out.push(Change::new(
            Phase::Create,
            node.clone(),
            at.0,
            at.1,
            sql,
            object,
        ));
    }
}

/// Every change that turns `from` into `to`, in no particular order.
pub fn diff(from: &Catalog, to: &Catalog, gf: &Graph, opts: &DiffOptions) -> Vec<Change> {
    let mut d = Diff {
        from,
        to,
        gf,
        opts,
        out: Vec::new(),
        seq: 0,
        dropped_tables: BTreeSet::new(),
        rebuilt_tables: BTreeSet::new(),
        reshaped_tables: BTreeSet::new(),
        recreated: BTreeSet::new(),
        indexes_before_attach: BTreeSet::new(),
        filled_tables: BTreeSet::new(),
        filling: Vec::new(),
        enums: BTreeMap::new(),
        ranges: BTreeMap::new(),
        held_rows: BTreeSet::new(),
        held_collations: BTreeSet::new(),
        remade_collations: BTreeSet::new(),
        held_domains: Vec::new(),
        recast_types: BTreeSet::new(),
        recast_aside: BTreeSet::new(),
        rebuilt_objects: BTreeMap::new(),
        loosened: BTreeSet::new(),
    };
    d.rebuilt_tables = tables::rebuilt(&d);
    d.dropped_tables = from
        .tables
        .keys()
        .filter(|q| !to.tables.contains_key(*q))
        .cloned()
        .collect();
    d.dropped_tables.extend(d.rebuilt_tables.iter().cloned());
    d.filled_tables = tables::filled(&d);
    d.enums = enums::plan_enums(&d);
    d.recast_types = d
        .enums
        .iter()
        .filter(|(_, p)| matches!(p, enums::EnumPlan::Rebuild))
        .map(|(k, _)| QualName::new(k.schema.clone(), k.name.clone()))
        .collect();
    d.remade_collations = held::remade_collations(&d);
    let remade = objects::remade_types(&d);
    d.ranges = ranges::plan_ranges(&d, &remade);
    d.recast_aside = objects::recast_under_columns(&d, &remade);
    d.recast_types.extend(
        d.recast_aside
            .iter()
            .map(|k| QualName::new(k.schema.clone(), k.name.clone())),
    );
    let ranges = ranges::recast(&d);
    d.recast_types.extend(ranges);
    d.held_rows = held::plan_rows(&d);
    d.recast_types.extend(d.held_rows.iter().cloned());
    d.held_collations = held::plan_collations(&d);
    // A partition key over a type made again: the table is made again too.
    let rebuilt = tables::rebuilt(&d);
    if rebuilt != d.rebuilt_tables {
        d.dropped_tables.extend(rebuilt.iter().cloned());
        d.rebuilt_tables = rebuilt;
        d.filled_tables = tables::filled(&d);
    }
    d.held_domains = held::plan_domains(&d);
    d.reshaped_tables = tables::reshaped(&d);
    (d.rebuilt_objects, d.loosened) = objects::plan_rebuilds(&d);
    // Columns holding a domain's values while it checks them anew change type (and reshape
    // their table); a domain letting go of its checks for a while checks them again too.
    let held_domains = held::plan_domains(&d);
    let names = |h: &[(QualName, _)]| h.iter().map(|(q, _)| q.clone()).collect::<Vec<_>>();
    if names(&held_domains) != names(&d.held_domains) {
        d.held_domains = held_domains;
        d.reshaped_tables = tables::reshaped(&d);
        (d.rebuilt_objects, d.loosened) = objects::plan_rebuilds(&d);
    }
    schemas::diff_schemas(&mut d);
    schemas::diff_extensions(&mut d);
    tables::diff_tables(&mut d);
    sequences::diff_sequences(&mut d);
    tables::diff_indexes(&mut d);
    tables::diff_index_marks(&mut d);
    objects::unpublish_reshaped(&mut d);
    objects::diff_objects(&mut d);
    trigger_clones::diff_trigger_clones(&mut d);
    comments::diff_notes(&mut d);
    if opts.with_privileges {
        privileges::diff_privileges(&mut d);
    }
    tables::settle_filling(&mut d);
    let dropped: BTreeSet<&Node> = d
        .out
        .iter()
        .filter(|c| c.phase == Phase::Drop)
        .map(|c| &c.node)
        .collect();
    let actions: Vec<Action> = d
        .out
        .iter()
        .map(|c| about::action(&d, &dropped, &c.object.node))
        .collect();
    for (c, a) in d.out.iter_mut().zip(actions) {
        c.action = a;
    }
    d.out
}
