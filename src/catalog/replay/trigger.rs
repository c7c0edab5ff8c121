//! Trigger states, and the triggers partitions clone from their partitioned parent (see
//! `catalog::triggers`): `ALTER TABLE ... ENABLE / DISABLE TRIGGER` on a trigger or a
//! clone (recursing to the clones below unless ONLY), what the server refuses of a clone
//! (DROP, a trigger of the same name), the clones a DETACH takes away and those a CREATE
//! OR REPLACE resets.

use std::collections::{BTreeMap, BTreeSet};

use pg_query::protobuf::{AlterTableCmd, AlterTableType};

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::triggers::{trigger_key, TriggerState};
use crate::syntax::Stmt;

impl Replay {
    /// `ALTER TABLE [ONLY] table ENABLE / DISABLE [ALWAYS | REPLICA] TRIGGER name`
    /// (`recurse`: without ONLY, the clones below take the state too).
    pub(super) fn set_trigger_state(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        subtype: AlterTableType,
        trigger: &str,
        recurse: bool,
    ) {
        let states = [
            (AlterTableType::AtEnableTrig, TriggerState::Origin),
            (AlterTableType::AtEnableAlwaysTrig, TriggerState::Always),
            (AlterTableType::AtEnableReplicaTrig, TriggerState::Replica),
            (AlterTableType::AtDisableTrig, TriggerState::Disabled),
        ];
        // The caller sends the trigger subtypes only; ALL / USER are not modelled.
        let Some(&(_, state)) = states.iter().find(|(t, _)| *t == subtype) else {
            self.unsupported(stmt, "ENABLE / DISABLE TRIGGER ALL / USER");
            return;
        };
        let Some(at) = self.catalog.trigger_at(table, trigger) else {
            self.warn(stmt, format!("trigger {trigger} does not exist"));
            return;
        };
        let mut want: BTreeMap<QualName, TriggerState> = self
            .clones_below(table, trigger)
            .into_iter()
            .map(|(q, s)| (q, if recurse { state } else { s }))
            .collect();
        if at.parent.is_none() {
            if let Some(o) = self.catalog.objects.get_mut(&trigger_key(table, trigger)) {
                o.after.clear();
                if state != TriggerState::Origin {
                    o.after.push(state.statement(table, trigger));
                }
            }
        } else {
            want.insert(table.clone(), state);
        }
        self.settle_trigger_states(trigger, &want);
    }

    /// The partitions under `table` (at every level) that hold a clone of the trigger
    /// `name` that `table` holds, with each one's state.
    fn clones_below(&mut self, table: &QualName, name: &str) -> Vec<(QualName, TriggerState)> {
        let Some(owner) = self.catalog.trigger_at(table, name).map(|a| a.owner) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut todo = self.partitions_of(table);
        while let Some(q) = todo.pop() {
            match self.catalog.trigger_at(&q, name) {
                Some(at) if at.owner == owner && at.parent.is_some() => {
                    out.push((q.clone(), at.state));
                    todo.extend(self.partitions_of(&q));
                }
                // A statement-level trigger is not cloned; a partition's own trigger of
                // the same name is another trigger.
                Some(_) | None => {}
            }
        }
        out
    }

    /// Writes the states `want` of clones of trigger `name` into their partitions: each
    /// one's own where it differs from its parent's (which is `want`'s, or as it stands).
    fn settle_trigger_states(&mut self, name: &str, want: &BTreeMap<QualName, TriggerState>) {
        let mut entries = Vec::new();
        for (q, s) in want {
            let Some((p, _)) = self
                .catalog
                .tables
                .get(q)
                .and_then(|t| t.partition_of.as_ref())
            else {
                continue;
            };
            let parent = want
                .get(p)
                .copied()
                .or_else(|| self.catalog.trigger_at(p, name).map(|a| a.state));
            entries.push((q.clone(), (parent != Some(*s)).then_some(*s)));
        }
        for (q, entry) in entries {
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                match entry {
                    Some(s) => t.trigger_states.insert(name.to_string(), s),
                    None => t.trigger_states.remove(name),
                };
            }
        }
    }

    /// What the server refuses of a new trigger `name` on `table` (`row`: FOR EACH ROW):
    /// the name of a clone it holds, or, on a partitioned table, of a trigger a partition
    /// below holds (the clone would clash with it).
    pub(super) fn trigger_clash(
        &mut self,
        table: &QualName,
        name: &str,
        row: bool,
        replace: bool,
    ) -> Option<String> {
        if self
            .catalog
            .trigger_at(table, name)
            .is_some_and(|a| a.parent.is_some())
        {
            return Some(if replace {
                format!(
                    "trigger \"{name}\" for relation \"{}\" is an internal or a child trigger",
                    table.name
                )
            } else {
                format!(
                    "trigger \"{name}\" for relation \"{}\" already exists",
                    table.name
                )
            });
        }
        let replaced = self.catalog.objects.contains_key(&trigger_key(table, name));
        if !row || replaced {
            return None;
        }
        let mut todo = self.partitions_of(table);
        while let Some(q) = todo.pop() {
            if self.catalog.objects.contains_key(&trigger_key(&q, name)) {
                return Some(format!(
                    "trigger \"{name}\" for relation \"{}\" already exists",
                    q.name
                ));
            }
            todo.extend(self.partitions_of(&q));
        }
        None
    }

    /// A trigger `name` created (or replaced) on `table`: its clones below start with its
    /// state (CREATE OR REPLACE resets theirs).
    pub(super) fn trigger_created(&mut self, table: &QualName, name: &str) {
        let below = self.clones_below(table, name);
        for (q, _) in below {
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                t.trigger_states.remove(name);
            }
        }
    }

    /// `DROP TRIGGER name ON table`: whether it existed. A clone goes only with the
    /// trigger it comes from; the clones go with it.
    pub(super) fn drop_trigger(&mut self, stmt: &Stmt, table: &QualName, name: &str) -> bool {
        let Some(at) = self.catalog.trigger_at(table, name) else {
            return false;
        };
        if let Some(p) = &at.parent {
            let msg = format!(
                "cannot drop trigger {name} on table {} because trigger {name} on table {} requires it",
                table.name, p.name
            );
            self.reject(stmt, msg);
            return true;
        }
        let below = self.clones_below(table, name);
        for (q, _) in below {
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                t.trigger_states.remove(name);
            }
        }
        self.remove_object(&trigger_key(table, name))
    }

    /// DETACH PARTITION `part` (before it leaves): the clones it and the partitions under it
    /// hold of triggers above it go.
    pub(super) fn forget_clones_from_above(&mut self, part: &QualName) {
        let mut tree = vec![part.clone()];
        let mut todo = vec![part.clone()];
        while let Some(q) = todo.pop() {
            let below = self.partitions_of(&q);
            tree.extend(below.iter().cloned());
            todo.extend(below);
        }
        let inside: BTreeSet<&QualName> = tree.iter().collect();
        let mut gone = Vec::new();
        for q in &tree {
            let Some(t) = self.catalog.tables.get(q) else {
                continue;
            };
            for name in t.trigger_states.keys() {
                let from_above = self
                    .catalog
                    .trigger_at(q, name)
                    .is_none_or(|a| !inside.contains(&a.owner));
                if from_above {
                    gone.push((q.clone(), name.clone()));
                }
            }
        }
        for (q, name) in gone {
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                t.trigger_states.remove(&name);
            }
        }
    }
}

/// The subtype of an `ENABLE / DISABLE [ALWAYS | REPLICA] TRIGGER name` command.
pub(super) fn trigger_state_cmd(c: &AlterTableCmd) -> Option<AlterTableType> {
    let subtype = AlterTableType::try_from(c.subtype).ok()?;
    matches!(
        subtype,
        AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableAlwaysTrig
            | AlterTableType::AtEnableReplicaTrig
            | AlterTableType::AtDisableTrig
    )
    .then_some(subtype)
}
