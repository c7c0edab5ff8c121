//! Plan: orders changes over the dependency graphs of both catalogs. A change runs after
//! every change it needs (topological order); among changes free to run, drops come first
//! in reverse FROM dump order, then creates and alters in TO dump order, so the output reads
//! like pg_dump. The rules, for a change of node `n`:
//!
//! 1. Changes of one node keep their order (drops first, then by position).
//! 2. A create or alter runs after the creates and alters of what `n` needs in TO.
//! 3. A drop runs after its FROM dependents let go: their drops, or, for a dependent altered
//!    in place that no longer needs `n`, that alteration (also when the dependent has drops
//!    of its own that leave it standing: a column dropped beside one that leaves a type).
//! 4. A table alteration runs after the drops of everything that depended on the table in
//!    FROM (views, defaults, constraints are torn down before a column changes under them).
//! 5. A drop runs before a create of another object with the same name (tables, views,
//!    types, indexes and key constraints share one namespace; statistics have their own).
//!    The drop of a table or materialized view TO does not keep frees the names of what
//!    goes with it (its indexes, key constraints and statistics, the sequences it owns and
//!    the partitions TO does not keep), so what takes one of them waits for it; and such a
//!    part, which TO may hold again elsewhere, is no reason for the drop to wait. Likewise
//!    the drop of a partitioned index or constraint frees the names of the partitions'
//!    indexes and constraints attached below it.
//! 6. A change runs after the creates and alters of the nodes it lists in `after`, and
//!    those do not wait for it under rule 2.
//!
//! Edges from function bodies are soft: if they close a cycle, the plan is made without them.
//! A cycle of hard edges is broken at a change that can split (`Change::split`): its first
//! statement runs where the cycle stands, and frees what waits for the change; the change
//! runs its second statement once what it needs is there. Any other cycle is broken at its
//! first change in dump order and reported.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use crate::catalog::graph::{Graph, Node, Strength};
use crate::catalog::{Catalog, ObjKey, ObjKind, QualName};
use crate::diff::{Action, Change, Phase};

/// The ordered changes, and the cycles that had to be broken (each as its statements).
pub struct Plan {
    pub changes: Vec<Change>,
    pub cycles: Vec<Vec<String>>,
}

/// Sorts changes into the order they must run in.
pub fn order(changes: Vec<Change>, from: &Catalog, to: &Catalog, gf: &Graph, gt: &Graph) -> Plan {
    let edges = edges(&changes, from, to, gf, gt);
    let (order, cycles) = match kahn(&changes, &edges, true) {
        Ok(o) => (o, Vec::new()),
        Err(_) => match kahn(&changes, &edges, false) {
            Ok(o) => (o, Vec::new()),
            Err((o, cycles)) => (o, cycles),
        },
    };
    let cycles = cycles
        .iter()
        .map(|c| {
            c.iter()
                .filter_map(|&i| changes.get(i).map(|c| c.sql.clone()))
                .collect()
        })
        .collect();
    let mut slots: Vec<Option<Change>> = changes.into_iter().map(Some).collect();
    let mut split = vec![false; slots.len()];
    let mut out = Vec::with_capacity(order.len());
    for step in order {
        match step {
            Step::First(i) => {
                let Some(c) = slots.get(i).and_then(Option::as_ref) else {
                    continue;
                };
                let Some(how) = &c.split else { continue };
                let first = Change {
                    sql: how.first.clone(),
                    note: Some(how.why.clone()),
                    split: None,
                    ..c.clone()
                };
                out.push(first);
                if let Some(s) = split.get_mut(i) {
                    *s = true;
                }
            }
            Step::Full(i) => {
                let Some(mut c) = slots.get_mut(i).and_then(Option::take) else {
                    continue;
                };
                if let (true, Some(s)) = (split.get(i) == Some(&true), c.split.take()) {
                    c.sql = s.then;
                }
                out.push(c);
            }
        }
    }
    Plan {
        changes: out,
        cycles,
    }
}

/// A change placed by the plan: whole, or the first statement of its split (`Change::split`),
/// which breaks a cycle; the change then runs its second statement where it is placed whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    First(usize),
    Full(usize),
}

/// A change's place when nothing forces another: phase, then position, then sequence.
type Key = (Phase, usize, u32);

/// The order changes run in when nothing forces another.
fn key(c: &Change) -> Key {
    match c.phase {
        Phase::Drop => (c.phase, usize::MAX - c.pos, c.seq),
        Phase::Create => (c.phase, c.pos, c.seq),
    }
}

/// `edges[j]` lists the changes that must run before change `j`, with each edge's strength.
fn edges(
    changes: &[Change],
    from: &Catalog,
    to: &Catalog,
    gf: &Graph,
    gt: &Graph,
) -> Vec<BTreeMap<usize, Strength>> {
    let mut by_node: crate::hashing::FastMap<&Node, Vec<usize>> = Default::default();
    for (i, c) in changes.iter().enumerate() {
        by_node.entry(&c.node).or_default().push(i);
    }
    let mut before: Vec<BTreeMap<usize, Strength>> = vec![BTreeMap::new(); changes.len()];
    let add =
        |before: &mut Vec<BTreeMap<usize, Strength>>, first: usize, then: usize, s: Strength| {
            if first != then {
                if let Some(b) = before.get_mut(then) {
                    let e = b.entry(first).or_insert(s);
                    *e = (*e).min(s);
                }
            }
        };
    let of = |n: &Node| by_node.get(n).map_or(&[][..], |v| v.as_slice());
    let phase_of = |n: &Node, p: Phase| {
        of(n)
            .iter()
            .copied()
            .filter(move |&i| changes.get(i).is_some_and(|c| c.phase == p))
    };

    // What goes with the tables and materialized views dropped (rules 3 and 5).
    let parts = changes
        .iter()
        .any(|c| c.phase == Phase::Drop && gone_relation(&c.node, from, to).is_some())
        .then(|| Parts::of(from, to));

    // 1. One node's changes keep their order.
    for idx in by_node.values() {
        let mut sorted = idx.clone();
        sorted.sort_by_key(|&i| changes.get(i).map(key));
        for w in sorted.windows(2) {
            if let [first, then] = *w {
                add(&mut before, first, then, Strength::Hard);
            }
        }
    }
    for (j, c) in changes.iter().enumerate() {
        match c.phase {
            Phase::Create => {
                // 2. After what it needs in TO (and what it reads besides, but its own node).
                let reads = c
                    .reads
                    .iter()
                    .flat_map(|r| gt.deps_of(r))
                    .filter(|(m, _)| **m != c.node);
                for (m, s) in gt.deps_of(&c.node).chain(reads) {
                    for i in phase_of(m, Phase::Create) {
                        // 6. Not after a change that waits for this one's node.
                        if changes.get(i).is_some_and(|w| w.after.contains(&c.node)) {
                            continue;
                        }
                        add(&mut before, i, j, s);
                    }
                }
                // 6. After what it lists.
                for m in &c.after {
                    for i in phase_of(m, Phase::Create) {
                        add(&mut before, i, j, Strength::Hard);
                    }
                }
                // 4. A table changes once its FROM dependents are torn down.
                if let Node::Table(_) = c.node {
                    for m in gf.dependents_of(&c.node) {
                        for i in phase_of(m, Phase::Drop) {
                            add(&mut before, i, j, Strength::Hard);
                        }
                    }
                }
            }
            Phase::Drop => {
                // 3. After its FROM dependents let go of it.
                let going: BTreeSet<Node> = gone_relation(&c.node, from, to)
                    .zip(parts.as_ref())
                    .map(|(q, p)| p.going_with(&q).into_iter().collect())
                    .unwrap_or_default();
                for m in gf.dependents_of(&c.node) {
                    let s = gf
                        .deps_of(m)
                        .find(|(n, _)| **n == c.node)
                        .map_or(Strength::Hard, |(_, s)| s);
                    let mut drops: Vec<usize> = phase_of(m, Phase::Drop).collect();
                    if of(m).is_empty() {
                        // A part with no change of its own goes when its table goes.
                        // (Not the table's own changes: a column dropped is no reason to wait for
                        // another column of the same table.)
                        if let Some(t) = owner(m, from).filter(|t| *t != c.node) {
                            drops.extend(phase_of(&t, Phase::Drop));
                        }
                    }
                    // Whether those drops take `m` itself away (not only a part of it, a
                    // column say): else `m` stays, and lets go of the node in place too.
                    let removed = drops.iter().any(|&i| {
                        changes.get(i).is_some_and(|d| {
                            d.object.node == *m
                                && matches!(d.action, Action::Drop | Action::Rebuild(_))
                        })
                    });
                    if !drops.is_empty() {
                        for &i in &drops {
                            add(&mut before, i, j, s);
                        }
                        if !removed
                            && !going.contains(m)
                            && !gt.needs(m, &c.node)
                            && leaves_type(m, &c.node, to)
                        {
                            for i in phase_of(m, Phase::Create) {
                                add(&mut before, i, j, s);
                            }
                        }
                    } else if going.contains(m) {
                        // 5. A part that goes with it: what TO makes of it is created anew.
                    } else if !gt.needs(m, &c.node) {
                        for i in phase_of(m, Phase::Create) {
                            add(&mut before, i, j, s);
                        }
                    }
                }
            }
        }
    }
    // 5. A name is freed before it is taken again.
    let mut dropped: BTreeMap<Name, Vec<usize>> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        if c.phase == Phase::Drop {
            if let Some(q) = name(&c.node, from) {
                dropped.entry(q).or_default().push(i);
            }
            if let Some((q, parts)) = gone_relation(&c.node, from, to).zip(parts.as_ref()) {
                for p in parts.going_with(&q) {
                    if phase_of(&p, Phase::Drop).next().is_none() {
                        if let Some(n) = name(&p, from) {
                            dropped.entry(n).or_default().push(i);
                        }
                    }
                }
            }
            for p in attached_below(&c.node, from) {
                if phase_of(&p, Phase::Drop).next().is_none() {
                    if let Some(n) = name(&p, from) {
                        dropped.entry(n).or_default().push(i);
                    }
                }
            }
        }
    }
    for (j, c) in changes.iter().enumerate() {
        if c.phase == Phase::Create {
            if let Some(q) = name(&c.node, to) {
                for &i in dropped.get(&q).into_iter().flatten() {
                    if changes.get(i).is_some_and(|d| d.node != c.node) {
                        add(&mut before, i, j, Strength::Hard);
                    }
                }
            }
        }
    }
    before
}

/// Whether table `m` stops using type `n` (an enum, composite or domain TO does not have) by
/// an alteration: a column changing type, where a drop of the table's own (another column)
/// does not let go of it. (Not a name TO uses again: a type made anew under the same name
/// waits for the drop, and the table's alteration for it.)
fn leaves_type(m: &Node, n: &Node, to: &Catalog) -> bool {
    let Node::Object(k) = n else { return false };
    let in_to = |kind| {
        to.objects.contains_key(&ObjKey {
            kind,
            schema: k.schema.clone(),
            name: k.name.clone(),
            sub: String::new(),
        })
    };
    matches!(m, Node::Table(_))
        && matches!(k.kind, ObjKind::Type | ObjKind::Domain)
        && !in_to(ObjKind::Type)
        && !in_to(ObjKind::Domain)
}

/// What the server drops with a partitioned table's index or constraint `n`: the
/// partitions' indexes attached to it, and their copies of the constraint, at every level.
fn attached_below(n: &Node, c: &Catalog) -> Vec<Node> {
    // Only what is on a partitioned table has anything attached below it.
    let partitioned = |t: &QualName| c.tables.get(t).is_some_and(|t| t.partition_by.is_some());
    let mut out = Vec::new();
    let mut todo = vec![n.clone()];
    while let Some(n) = todo.pop() {
        let below: Vec<Node> = match &n {
            Node::Index(p) if !c.indexes.get(p).is_some_and(|i| partitioned(&i.table)) => {
                Vec::new()
            }
            Node::Constraint(t, _) if !partitioned(t) => Vec::new(),
            Node::Index(p) => c
                .indexes
                .iter()
                .filter(|(_, i)| i.attached_to.as_ref() == Some(p))
                .map(|(q, _)| Node::Index(q.clone()))
                .collect(),
            Node::Constraint(t, name) => c
                .tables
                .iter()
                .filter(|(_, pt)| pt.partition_of.as_ref().is_some_and(|(p, _)| p == t))
                .flat_map(|(q, pt)| {
                    pt.constraints
                        .iter()
                        .filter(|(_, k)| k.parent.as_ref() == Some(name))
                        .map(|(cn, _)| Node::Constraint(q.clone(), cn.clone()))
                })
                .collect(),
            Node::Schema(_)
            | Node::Extension(_)
            | Node::Table(_)
            | Node::Default(_, _)
            | Node::Sequence(_)
            | Node::SequenceOwner(_)
            | Node::Object(_) => Vec::new(),
        };
        todo.extend(below.iter().cloned());
        out.extend(below);
    }
    out
}

/// The table a part (default, constraint, index, trigger, policy, rule) belongs to.
fn owner(n: &Node, c: &Catalog) -> Option<Node> {
    match n {
        Node::Default(t, _) | Node::Constraint(t, _) => Some(Node::Table(t.clone())),
        Node::Index(q) => c.indexes.get(q).map(|i| Node::Table(i.table.clone())),
        Node::Object(k) => c
            .objects
            .get(k)
            .and_then(|o| o.table.clone())
            .map(Node::Table),
        Node::SequenceOwner(q) => c
            .sequences
            .get(q)
            .and_then(|s| s.owned_by.as_ref())
            .map(|(t, _)| Node::Table(t.clone())),
        Node::Schema(_) | Node::Extension(_) | Node::Table(_) | Node::Sequence(_) => None,
    }
}

/// A name in a schema's namespace that two objects cannot both hold.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Name {
    /// Relations, types and key indexes share one.
    Relation(QualName),
    /// Extended statistics have their own.
    Statistics(QualName),
}

/// The name a node takes in its schema.
fn name(n: &Node, c: &Catalog) -> Option<Name> {
    relation_name(n, c).map(Name::Relation).or_else(|| match n {
        Node::Object(k) if k.kind == ObjKind::Statistics => Some(Name::Statistics(QualName::new(
            k.schema.clone(),
            k.name.clone(),
        ))),
        Node::Object(_)
        | Node::Schema(_)
        | Node::Extension(_)
        | Node::Table(_)
        | Node::Default(_, _)
        | Node::Constraint(_, _)
        | Node::Index(_)
        | Node::Sequence(_)
        | Node::SequenceOwner(_) => None,
    })
}

/// The table or materialized view a drop-phase change of `n` takes away with all that goes
/// with it: one FROM has and TO has not (as such).
fn gone_relation(n: &Node, from: &Catalog, to: &Catalog) -> Option<QualName> {
    match n {
        Node::Table(q) => {
            (from.tables.contains_key(q) && !to.tables.contains_key(q)).then(|| q.clone())
        }
        Node::Object(k) if k.kind == ObjKind::MaterializedView => (from.objects.contains_key(k)
            && !to.objects.contains_key(k))
        .then(|| QualName::new(k.schema.clone(), k.name.clone())),
        Node::Object(_)
        | Node::Schema(_)
        | Node::Extension(_)
        | Node::Default(_, _)
        | Node::Constraint(_, _)
        | Node::Index(_)
        | Node::Sequence(_)
        | Node::SequenceOwner(_) => None,
    }
}

/// What goes with each relation of FROM when it is dropped: its indexes, constraints and the
/// objects that belong to it (statistics among them), the sequences it owns and the
/// partitions TO does not keep.
struct Parts {
    by_relation: BTreeMap<QualName, Vec<Node>>,
}

impl Parts {
    fn of(from: &Catalog, to: &Catalog) -> Parts {
        let mut by_relation: BTreeMap<QualName, Vec<Node>> = BTreeMap::new();
        let mut add = |q: &QualName, n: Node| by_relation.entry(q.clone()).or_default().push(n);
        for (q, t) in &from.tables {
            for name in t.constraints.keys() {
                add(q, Node::Constraint(q.clone(), name.clone()));
            }
            if let Some((p, _)) = t
                .partition_of
                .as_ref()
                .filter(|_| !to.tables.contains_key(q))
            {
                add(p, Node::Table(q.clone()));
            }
        }
        for (q, i) in &from.indexes {
            add(&i.table, Node::Index(q.clone()));
        }
        for (k, o) in &from.objects {
            if let Some(t) = &o.table {
                add(t, Node::Object(k.clone()));
            }
        }
        for (q, s) in &from.sequences {
            if let Some((t, _)) = s
                .owned_by
                .as_ref()
                .filter(|_| !to.sequences.contains_key(q))
            {
                add(t, Node::Sequence(q.clone()));
            }
        }
        Parts { by_relation }
    }

    /// What goes with relation `q`, partitions' parts included.
    fn going_with(&self, q: &QualName) -> Vec<Node> {
        let mut out = Vec::new();
        let mut todo = vec![q.clone()];
        while let Some(r) = todo.pop() {
            for p in self.by_relation.get(&r).into_iter().flatten() {
                if let Node::Table(t) = p {
                    todo.push(t.clone());
                }
                out.push(p.clone());
            }
        }
        out
    }
}

/// The name a node takes in the namespace relations, types and key indexes share.
fn relation_name(n: &Node, c: &Catalog) -> Option<QualName> {
    match n {
        Node::Table(q) | Node::Index(q) | Node::Sequence(q) => Some(q.clone()),
        Node::Object(k) => match k.kind {
            ObjKind::View | ObjKind::MaterializedView | ObjKind::Type | ObjKind::Domain => {
                Some(QualName::new(k.schema.clone(), k.name.clone()))
            }
            ObjKind::Function
            | ObjKind::Procedure
            | ObjKind::Aggregate
            | ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::ForeignDataWrapper
            | ObjKind::Server
            | ObjKind::UserMapping
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Operator
            | ObjKind::OperatorClass
            | ObjKind::OperatorFamily
            | ObjKind::Cast
            | ObjKind::Language
            | ObjKind::Conversion
            | ObjKind::AccessMethod
            | ObjKind::Transform => None,
        },
        Node::Constraint(t, name) => {
            let con = c.tables.get(t)?.constraints.get(name)?;
            use crate::catalog::ConstraintKind as K;
            match con.kind {
                K::PrimaryKey | K::Unique | K::Exclude => {
                    Some(QualName::new(t.schema.clone(), name.clone()))
                }
                K::Check | K::ForeignKey => None,
            }
        }
        Node::Schema(_) | Node::Extension(_) | Node::Default(_, _) | Node::SequenceOwner(_) => None,
    }
}

/// A plan with cycles: the order made by breaking them, and the changes stuck each time.
type Broken = (Vec<Step>, Vec<Vec<usize>>);

/// Topological order, smallest key first among the changes free to run. With `soft` false,
/// soft edges are ignored. On a cycle: the order made by breaking each cycle at its
/// smallest-key change, and the changes that were stuck each time.
fn kahn(
    changes: &[Change],
    before: &[BTreeMap<usize, Strength>],
    soft: bool,
) -> Result<Vec<Step>, Broken> {
    let n = changes.len();
    let mut indeg = vec![0usize; n];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, b) in before.iter().enumerate() {
        for (&i, &s) in b {
            if soft || s == Strength::Hard {
                if let (Some(d), Some(a)) = (indeg.get_mut(j), after.get_mut(i)) {
                    *d += 1;
                    a.push(j);
                }
            }
        }
    }
    let mut ready: BinaryHeap<Reverse<(Key, usize)>> = changes
        .iter()
        .zip(&indeg)
        .enumerate()
        .filter(|(_, (_, &d))| d == 0)
        .map(|(i, (c, _))| Reverse((key(c), i)))
        .collect();
    let mut done = vec![false; n];
    // Changes whose first statement is placed: what waits for them no longer does.
    let mut released = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let mut placed = 0;
    let mut cycles = Vec::new();
    while placed < n {
        let next = match ready.pop() {
            Some(Reverse((_, i))) => i,
            None => {
                let members = cycle_members(&done, &after, &released);
                // A cycle that a change can break by splitting: its first statement goes
                // now, the change itself once what it needs is there. (Not while soft edges
                // count: a cycle they close is no reason to split, the plan does without them.)
                let split = members
                    .iter()
                    .copied()
                    .filter(|&i| {
                        !soft
                            && released.get(i) == Some(&false)
                            && changes.get(i).is_some_and(|c| c.split.is_some())
                    })
                    .min_by_key(|&i| changes.get(i).map(key));
                if let Some(i) = split {
                    if let Some(r) = released.get_mut(i) {
                        *r = true;
                    }
                    out.push(Step::First(i));
                    release(i, &after, &mut indeg, &done, changes, &mut ready);
                    continue;
                }
                // A cycle: take the member that would run first.
                // A stuck plan has a cycle, so `members` is never empty; were it, the first
                // change not placed yet would go next.
                let Some(i) = members
                    .iter()
                    .copied()
                    .min_by_key(|&i| changes.get(i).map(key))
                    .or_else(|| done.iter().position(|d| !d))
                else {
                    break;
                };
                cycles.push(members);
                i
            }
        };
        match done.get_mut(next) {
            Some(d) if !*d => *d = true,
            _ => continue,
        }
        out.push(Step::Full(next));
        placed += 1;
        if released.get(next) == Some(&false) {
            release(next, &after, &mut indeg, &done, changes, &mut ready);
        }
    }
    if cycles.is_empty() {
        Ok(out)
    } else {
        Err((out, cycles))
    }
}

/// What waits for change `i` waits no longer: those left with nothing to wait for are ready.
fn release(
    i: usize,
    after: &[Vec<usize>],
    indeg: &mut [usize],
    done: &[bool],
    changes: &[Change],
    ready: &mut BinaryHeap<Reverse<(Key, usize)>>,
) {
    for &j in after.get(i).into_iter().flatten() {
        let Some(d) = indeg.get_mut(j) else { continue };
        *d = d.saturating_sub(1);
        if *d == 0 && done.get(j) == Some(&false) {
            if let Some(c) = changes.get(j) {
                ready.push(Reverse((key(c), j)));
            }
        }
    }
}

/// The changes not yet placed that lie on a cycle: those left after repeatedly setting
/// aside every change nothing else still waits for (a released change holds nothing up).
fn cycle_members(done: &[bool], after: &[Vec<usize>], released: &[bool]) -> Vec<usize> {
    let mut alive: BTreeSet<usize> = done
        .iter()
        .enumerate()
        .filter(|(_, &d)| !d)
        .map(|(i, _)| i)
        .collect();
    loop {
        let leaves: Vec<usize> = alive
            .iter()
            .copied()
            .filter(|&i| {
                released.get(i) == Some(&true)
                    || !after
                        .get(i)
                        .is_some_and(|a| a.iter().any(|j| alive.contains(j)))
            })
            .collect();
        if leaves.is_empty() {
            return alive.into_iter().collect();
        }
        for l in leaves {
            alive.remove(&l);
        }
    }
}
