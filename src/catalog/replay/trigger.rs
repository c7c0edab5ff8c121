//! Trigger states, and the triggers partitions clone from their partitioned parent (see
//! `catalog::triggers`): `ALTER TABLE ... ENABLE / DISABLE TRIGGER` on a trigger or a
//! clone (recursing to the clones below unless ONLY), what the server refuses of a clone
//! (DROP, RENAME, a trigger of the same name), `ALTER TRIGGER ... RENAME` (the clones follow),
//! the clones a DETACH takes away (their comments too) and those a CREATE OR REPLACE resets.

use std::collections::{BTreeMap, BTreeSet};

use pg_query::protobuf::{AlterTableCmd, AlterTableType};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::triggers::{is_row_trigger, trigger_key, trigger_target, TriggerState};
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
            self.catalog.forget_notes(&trigger_target(&q, name));
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                t.trigger_states.remove(name);
            }
        }
        self.remove_object(&trigger_key(table, name))
    }

    /// `ALTER TRIGGER old ON table RENAME TO new`, as PostgreSQL 15 does it: the trigger
    /// and the clones partitions hold of it (at every level) take the new name, with their
    /// states and comments. Refused as the server refuses it: on a missing table or
    /// trigger, on a clone (it is renamed through the trigger it comes from), and where the
    /// table or a partition holding a clone already has a trigger of the new name.
    pub(super) fn rename_trigger(&mut self, stmt: &Stmt, table: &QualName, old: &str, new: &str) {
        if !self.resolver().relation_exists(table) {
            self.missing(
                stmt,
                table,
                format!("relation {} does not exist", table.sql()),
            );
            return;
        }
        let Some(at) = self.catalog.trigger_at(table, old) else {
            let msg = format!(
                "trigger \"{old}\" for table \"{}\" does not exist",
                table.name
            );
            self.missing(stmt, table, msg);
            return;
        };
        if at.parent.is_some() {
            let msg = format!(
                "cannot rename trigger \"{old}\" on table \"{}\"",
                table.name
            );
            self.reject(stmt, msg);
            return;
        }
        if old == new {
            return;
        }
        let below = self.clones_below(table, old);
        let holders = std::iter::once(table).chain(below.iter().map(|(q, _)| q));
        for q in holders {
            if self.catalog.trigger_at(q, new).is_some() {
                let msg = format!(
                    "trigger \"{new}\" for relation \"{}\" already exists",
                    q.name
                );
                self.reject(stmt, msg);
                return;
            }
        }
        let (old_key, new_key) = (trigger_key(table, old), trigger_key(table, new));
        let Some(mut o) = self.catalog.objects.remove(&old_key) else {
            return;
        };
        let state = TriggerState::of_trigger(&o, old);
        o.after.clear();
        if state != TriggerState::Origin {
            o.after.push(state.statement(table, new));
        }
        let target = trigger_target(table, new);
        self.catalog.move_notes(&o.target, &target);
        o.target = target;
        self.on_table.note_object(&new_key, &o);
        self.catalog.objects.insert(new_key.clone(), o);
        let name = new.to_string();
        self.edit_object(stmt, &new_key, |node, _| {
            let NodeEnum::CreateTrigStmt(t) = node else {
                return Err("ALTER TRIGGER ... RENAME of something that is not a trigger".into());
            };
            t.trigname = name;
            Ok(())
        });
        for (q, _) in below {
            self.catalog
                .move_notes(&trigger_target(&q, old), &trigger_target(&q, new));
            if let Some(t) = self.catalog.tables.get_mut(&q) {
                if let Some(s) = t.trigger_states.remove(old) {
                    t.trigger_states.insert(new.to_string(), s);
                }
            }
        }
    }

    /// The names of the clones `table` holds of the row-level triggers of the partitioned
    /// tables above it.
    pub(super) fn clones_held(&self, table: &QualName) -> Vec<String> {
        let mut out = Vec::new();
        let mut q = table.clone();
        // A partition tree has no cycle (ATTACH refuses one); the bound only guards the walk.
        for _ in 0..=self.catalog.tables.len() {
            let Some((p, _)) = self
                .catalog
                .tables
                .get(&q)
                .and_then(|t| t.partition_of.clone())
            else {
                break;
            };
            for k in self.on_table.objects(&self.catalog, &p) {
                let row = self.catalog.objects.get(&k).is_some_and(is_row_trigger);
                if k.kind == ObjKind::Trigger && row {
                    out.push(k.name);
                }
            }
            q = p;
        }
        out
    }

    /// DETACH PARTITION `part` (before it leaves): the clones it and the partitions under it
    /// hold of triggers above it go, with their states and comments.
    pub(super) fn forget_clones_from_above(&mut self, part: &QualName) {
        let mut tree = vec![part.clone()];
        let mut todo = vec![part.clone()];
        while let Some(q) = todo.pop() {
            let below = self.partitions_of(&q);
            tree.extend(below.iter().cloned());
            todo.extend(below);
        }
        for name in self.clones_held(part) {
            for q in &tree {
                self.catalog.forget_notes(&trigger_target(q, &name));
            }
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

#[cfg(test)]
mod tests {
    use super::super::table::tests::errors;
    use crate::catalog::model::QualName;
    use crate::catalog::triggers::TriggerState;

    const TREE: &str =
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n\
        CREATE TABLE p (a int, b int) PARTITION BY RANGE (a);\n\
        CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (b);\n\
        CREATE TABLE p11 PARTITION OF p1 FOR VALUES FROM (0) TO (10);\n\
        CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20);\n\
        CREATE TRIGGER tr AFTER INSERT ON p FOR EACH ROW EXECUTE FUNCTION f();\n\
        CREATE TRIGGER st AFTER INSERT ON p FOR EACH STATEMENT EXECUTE FUNCTION f();\n\
        CREATE TRIGGER own AFTER INSERT ON p2 FOR EACH ROW EXECUTE FUNCTION f();\n";

    #[test]
    fn a_renamed_trigger_takes_its_clones_states_and_comments_along() {
        let sql = format!(
            "{TREE}COMMENT ON TRIGGER tr ON p IS 'parent';\n\
             COMMENT ON TRIGGER tr ON p11 IS 'clone';\n\
             ALTER TABLE p DISABLE TRIGGER tr;\n\
             ALTER TABLE ONLY p1 ENABLE ALWAYS TRIGGER tr;\n\
             ALTER TRIGGER tr ON p RENAME TO \"New tr\";"
        );
        let c = crate::catalog_from_sql("t.sql", &sql).expect("loads");
        let q = |n: &str| QualName::new("public", n);
        let at = |t: &str, n: &str| c.trigger_at(&q(t), n).map(|a| a.state);
        assert_eq!(at("p", "tr"), None);
        assert_eq!(at("p11", "tr"), None);
        assert_eq!(at("p", "New tr"), Some(TriggerState::Disabled));
        assert_eq!(at("p1", "New tr"), Some(TriggerState::Always));
        assert_eq!(at("p11", "New tr"), Some(TriggerState::Disabled));
        assert_eq!(at("p2", "New tr"), Some(TriggerState::Disabled));
        let trigger = c
            .objects
            .get(&crate::catalog::triggers::trigger_key(&q("p"), "New tr"))
            .expect("renamed");
        assert_eq!(
            trigger.create,
            "CREATE TRIGGER \"New tr\" AFTER INSERT ON public.p FOR EACH ROW EXECUTE FUNCTION public.f()"
        );
        assert_eq!(
            trigger.after,
            ["ALTER TABLE public.p DISABLE TRIGGER \"New tr\""]
        );
        let comments: Vec<&str> = c
            .comments
            .keys()
            .map(String::as_str)
            .filter(|k| k.starts_with("TRIGGER "))
            .collect();
        assert_eq!(
            comments,
            [
                "TRIGGER \"New tr\" ON public.p",
                "TRIGGER \"New tr\" ON public.p11"
            ]
        );
    }

    #[test]
    fn trigger_renames_the_server_refuses_are_refused() {
        let refused = |cmd: &str| errors(&format!("{TREE}{cmd}"));
        // A statement-level trigger has no clones: a partition's trigger of its new name
        // is no clash; the same name is no change.
        assert_eq!(
            refused("ALTER TRIGGER st ON p RENAME TO own;\nALTER TRIGGER own ON p RENAME TO own;"),
            Vec::<String>::new()
        );
        assert_eq!(
            refused("ALTER TRIGGER tr ON p11 RENAME TO x;"),
            ["cannot rename trigger \"tr\" on table \"p11\""]
        );
        assert_eq!(
            refused("ALTER TRIGGER tr ON p1 RENAME TO tr;"),
            ["cannot rename trigger \"tr\" on table \"p1\""]
        );
        assert_eq!(
            refused("ALTER TRIGGER nope ON p RENAME TO x;"),
            ["trigger \"nope\" for table \"p\" does not exist"]
        );
        assert_eq!(
            refused("ALTER TRIGGER tr ON p RENAME TO st;"),
            ["trigger \"st\" for relation \"p\" already exists"]
        );
        assert_eq!(
            refused("ALTER TRIGGER tr ON p RENAME TO own;"),
            ["trigger \"own\" for relation \"p2\" already exists"]
        );
        assert_eq!(
            refused("ALTER TRIGGER own ON p2 RENAME TO tr;"),
            ["trigger \"tr\" for relation \"p2\" already exists"]
        );
        assert_eq!(
            refused("ALTER TRIGGER tr ON nosuch RENAME TO x;"),
            ["relation public.nosuch does not exist"]
        );
    }

    #[test]
    fn the_comments_of_clones_go_with_them() {
        let sql = format!(
            "{TREE}COMMENT ON TRIGGER tr ON p11 IS 'deep';\n\
             COMMENT ON TRIGGER tr ON p2 IS 'p2';\n"
        );
        let comments = |more: &str| {
            let c = crate::catalog_from_sql("t.sql", &format!("{sql}{more}")).expect("loads");
            c.comments
                .keys()
                .filter(|k| k.starts_with("TRIGGER "))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            comments(""),
            ["TRIGGER tr ON public.p11", "TRIGGER tr ON public.p2"]
        );
        assert_eq!(comments("DROP TRIGGER tr ON p;"), Vec::<String>::new());
        assert_eq!(
            comments("ALTER TABLE p DETACH PARTITION p1;"),
            ["TRIGGER tr ON public.p2"]
        );
        assert_eq!(comments("DROP TABLE p2;"), ["TRIGGER tr ON public.p11"]);
        assert_eq!(comments("DROP TABLE p;"), Vec::<String>::new());
    }
}
