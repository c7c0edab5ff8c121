//! Triggers that partitions clone from their partitioned parent. The server gives every
//! partition (at every level) a copy of each row-level trigger of its parent, with the
//! parent's enabled state at the time; each copy then keeps a state of its own
//! (`ALTER TABLE partition ENABLE ALWAYS TRIGGER t`). A clone is no object of its own
//! here: it exists wherever the parent's trigger reaches, and its state is the parent's
//! unless the partition says otherwise (`Table::trigger_states`, what pg_dump prints for
//! it). Reads only; the replay keeps it (`replay/trigger.rs`).

use super::model::{Catalog, ObjKey, ObjKind, Object, QualName};
use crate::emit::quote;

/// Whether and when a trigger fires (`pg_trigger.tgenabled`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TriggerState {
    /// `ENABLE`: fires unless the session replicates (`O`, the default).
    Origin,
    /// `ENABLE ALWAYS` (`A`).
    Always,
    /// `ENABLE REPLICA` (`R`).
    Replica,
    /// `DISABLE` (`D`).
    Disabled,
}

impl TriggerState {
    pub const ALL: [TriggerState; 4] = [
        TriggerState::Origin,
        TriggerState::Always,
        TriggerState::Replica,
        TriggerState::Disabled,
    ];

    /// The words of `ALTER TABLE ... <words> TRIGGER t`.
    pub fn sql(self) -> &'static str {
        match self {
            TriggerState::Origin => "ENABLE",
            TriggerState::Always => "ENABLE ALWAYS",
            TriggerState::Replica => "ENABLE REPLICA",
            TriggerState::Disabled => "DISABLE",
        }
    }

    /// `ALTER TABLE table <state> TRIGGER name`: the one spelling of the statement, for a
    /// trigger's own state (`Object::after`) and for a clone's. Without ONLY, it reaches
    /// the clones under `table` too.
    pub fn statement(self, table: &QualName, name: &str) -> String {
        format!(
            "ALTER TABLE {} {} TRIGGER {}",
            table.sql(),
            self.sql(),
            quote::ident(name)
        )
    }

    /// A trigger's own state, read off the statement `statement` wrote into its
    /// `Object::after` (none: the default).
    pub fn of_trigger(o: &Object, name: &str) -> TriggerState {
        let suffix = format!(" TRIGGER {}", quote::ident(name));
        o.after
            .iter()
            .filter_map(|a| a.strip_suffix(&suffix))
            .find_map(|head| {
                // Plain `ENABLE` is the default, written as no statement at all.
                [
                    TriggerState::Always,
                    TriggerState::Replica,
                    TriggerState::Disabled,
                ]
                .into_iter()
                .find(|s| head.ends_with(&format!(" {}", s.sql())))
            })
            .unwrap_or(TriggerState::Origin)
    }
}

/// Trigger `name` as table `table` holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerAt {
    /// The table whose own trigger it is (`table` itself, or the partitioned table above
    /// it that the clone comes from).
    pub owner: QualName,
    /// The table it is cloned from (the partition's parent); `None` for the owner's own.
    pub parent: Option<QualName>,
    /// Its enabled state there.
    pub state: TriggerState,
}

/// The key of trigger `name` on `table`.
pub fn trigger_key(table: &QualName, name: &str) -> ObjKey {
    ObjKey {
        kind: ObjKind::Trigger,
        schema: table.schema.clone(),
        name: name.to_string(),
        sub: table.name.clone(),
    }
}

/// The comment target of trigger `name` on `table` (its own or a clone).
pub fn trigger_target(table: &QualName, name: &str) -> String {
    format!("TRIGGER {} ON {}", quote::ident(name), table.sql())
}

/// Whether a trigger fires for each row (the kind partitions clone).
pub fn is_row_trigger(o: &Object) -> bool {
    o.row_trigger
}

impl Catalog {
    /// Trigger `name` on `table`: its own, or the clone of a row-level trigger of a
    /// partitioned table above it; `None` if it has no such trigger.
    pub fn trigger_at(&self, table: &QualName, name: &str) -> Option<TriggerAt> {
        let mut q = table.clone();
        let mut parent: Option<QualName> = None;
        // The nearest state a partition on the way up says of its own.
        let mut said = None;
        // A partition tree has no cycle (ATTACH refuses one); the bound only guards the walk.
        for _ in 0..=self.tables.len() {
            if let Some(o) = self.objects.get(&trigger_key(&q, name)) {
                if parent.is_some() && !is_row_trigger(o) {
                    return None;
                }
                return Some(TriggerAt {
                    owner: q,
                    parent,
                    state: said.unwrap_or_else(|| TriggerState::of_trigger(o, name)),
                });
            }
            let t = self.tables.get(&q)?;
            if said.is_none() {
                said = t.trigger_states.get(name).copied();
            }
            let (p, _) = t.partition_of.as_ref()?;
            if parent.is_none() {
                parent = Some(p.clone());
            }
            q = p.clone();
        }
        None
    }
}
