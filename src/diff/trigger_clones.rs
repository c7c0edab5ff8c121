//! The states of the triggers partitions clone from their parent (see
//! `catalog::triggers`). A clone comes and goes with its trigger and its partition; what
//! the diff sets is its state, with `ALTER TABLE partition <state> TRIGGER t` once the
//! trigger, the partition and the states above it are in place. Without ONLY, as pg_dump
//! writes it: the statement sets the clones under the partition too, so the partitions
//! are visited from the top, and each one's state before its own statement is known:
//!
//! - set from above (its parent's statement reached it), or new (a new partition or
//!   trigger, or a partition attached again: the clone starts with its parent's state):
//!   its parent's state in TO;
//! - otherwise, its state in FROM.

use std::collections::{BTreeMap, VecDeque};

use super::Diff;
use crate::catalog::graph::Node;
use crate::catalog::triggers::{is_row_trigger, TriggerState};
use crate::catalog::{ObjKind, QualName};

pub(super) fn diff_trigger_clones(d: &mut Diff) {
    let mut partitions: BTreeMap<&QualName, Vec<&QualName>> = BTreeMap::new();
    for (q, t) in &d.to.tables {
        if let Some((p, _)) = &t.partition_of {
            partitions.entry(p).or_default().push(q);
        }
    }
    let mut out = Vec::new();
    for (k, o) in &d.to.objects {
        let Some(owner) = o.table.as_ref().filter(|_| k.kind == ObjKind::Trigger) else {
            continue;
        };
        if !partitions.contains_key(owner) || !is_row_trigger(o) {
            continue;
        }
        // The trigger stays as it is (neither created, nor dropped and created again).
        let kept = d.from.objects.get(k).is_some_and(|f| {
            f.create == o.create
                && !d.rebuilt_objects.contains_key(k)
                && !d.dropped_tables.contains(owner)
        });
        // Its own state changes: `objects` sets it, and the clones' with it.
        let set = kept && d.from.objects.get(k).is_some_and(|f| f.after != o.after);
        let own = TriggerState::of_trigger(o, &k.name);
        let mut todo = VecDeque::from([(owner, own, !kept || set)]);
        while let Some((p, parent_state, fresh)) = todo.pop_front() {
            for &c in partitions.get(p).into_iter().flatten() {
                let Some(state) =
                    d.to.trigger_at(c, &k.name)
                        .filter(|a| a.owner == *owner)
                        .map(|a| a.state)
                else {
                    continue;
                };
                let before = if fresh || !stays_attached(d, c) {
                    None
                } else {
                    d.from
                        .trigger_at(c, &k.name)
                        .filter(|a| a.owner == *owner && a.parent.is_some())
                        .map(|a| a.state)
                };
                let emit = before.unwrap_or(parent_state) != state;
                if emit {
                    out.push((k.clone(), o.pos, c.clone(), state.statement(c, &k.name)));
                }
                todo.push_back((c, state, before.is_none() || emit));
            }
        }
    }
    for (k, pos, c, sql) in out {
        d.create(&Node::Object(k), pos, sql);
        d.after(vec![Node::Table(c)]);
    }
}

/// Whether partition `q` stays where it is through the migration (not created, dropped,
/// detached or attached again), so its clones stay with it.
fn stays_attached(d: &Diff, q: &QualName) -> bool {
    let Some(old) = d.from.tables.get(q) else {
        return false;
    };
    let parent_dropped = old
        .partition_of
        .as_ref()
        .is_some_and(|(p, _)| d.dropped_tables.contains(p));
    !d.dropped_tables.contains(q)
        && !parent_dropped
        && d.to.tables.get(q).map(|t| &t.partition_of) == Some(&old.partition_of)
}
