//! Partitions as the server keeps them: what a partition has through its partitioned parent
//! (its columns, CHECK, key and foreign-key constraints, and an index attached to each of
//! the parent's indexes), cloned by `CREATE TABLE ... PARTITION OF`, `ATTACH PARTITION`
//! and an index or constraint added to the parent; what `DETACH PARTITION` leaves behind
//! (all of it, as the table's own); and what the server refuses of them.
//!
//! A partition's copy of a parent's constraint is `inherited`, with `parent` naming the
//! parent's constraint; a partition's index records the parent's index in `attached_to`.
//! Where the partition has a matching one of its own (same definition, attached to nothing),
//! the server adopts it instead of creating one; a created one is named as the server names
//! it (`names`).

use pg_query::protobuf::IndexStmt;
use pg_query::NodeEnum;

use super::{names, Replay};
use crate::catalog::model::*;
use crate::syntax::Stmt;

/// A name as the server's messages print it: in double quotes.
fn named(name: &str) -> String {
    format!("\"{name}\"")
}

/// What a partitioned table hands down, in the order the server clones it.
enum Item {
    /// A CHECK constraint, by name.
    Check(String),
    /// A primary key or unique constraint, by name, at its position.
    Key(String),
    /// A plain index.
    Index(QualName),
    /// A foreign key, by name.
    ForeignKey(String),
}

impl Replay {
    /// The partitions of `parent` (not its inheritance children).
    pub(super) fn partitions_of(&mut self, parent: &QualName) -> Vec<QualName> {
        let children = self.children_of(parent);
        children
            .into_iter()
            .filter(|c| {
                self.catalog
                    .tables
                    .get(c)
                    .and_then(|t| t.partition_of.as_ref())
                    .is_some_and(|(p, _)| p == parent)
            })
            .collect()
    }

    /// The plain indexes on `table`, in name order.
    pub(super) fn indexes_on(&self, table: &QualName) -> Vec<QualName> {
        self.on_table.indexes(&self.catalog, table)
    }

    /// Whether column `column` of `table` comes from a parent (`attinhcount > 0`): the server
    /// refuses to drop it or change its type on the child alone.
    pub(super) fn column_inherited(&self, table: &QualName, column: &str) -> bool {
        self.catalog.inhcount(table, column) > 0
    }

    /// What `parent` hands down to a partition, in the order the server clones it.
    fn handed_down(&self, parent: &QualName) -> Vec<Item> {
        let Some(t) = self.catalog.tables.get(parent) else {
            return Vec::new();
        };
        let mut checks = Vec::new();
        let mut indexes: Vec<(Pos, Item)> = Vec::new();
        let mut fks = Vec::new();
        for (n, c) in &t.constraints {
            match c.kind {
                ConstraintKind::Check if !c.def.contains("NO INHERIT") => {
                    checks.push(Item::Check(n.clone()))
                }
                ConstraintKind::Check => {}
                ConstraintKind::PrimaryKey | ConstraintKind::Unique => {
                    indexes.push((c.pos, Item::Key(n.clone())))
                }
                // Not allowed on a partitioned table (PostgreSQL 15).
                ConstraintKind::Exclude => {}
                ConstraintKind::ForeignKey => fks.push(Item::ForeignKey(n.clone())),
            }
        }
        for q in self.indexes_on(parent) {
            if let Some(i) = self.catalog.indexes.get(&q) {
                indexes.push((i.pos, Item::Index(q)));
            }
        }
        indexes.sort_by_key(|(p, _)| *p);
        checks
            .into_iter()
            .chain(indexes.into_iter().map(|(_, i)| i))
            .chain(fks)
            .collect()
    }

    /// Gives partition `part` what it has through `parent` (see the module's comment):
    /// after `CREATE TABLE ... PARTITION OF` and `ATTACH PARTITION` (`attach`: its CHECKs
    /// must be there already, and match).
    pub(super) fn inherit_partition(
        &mut self,
        stmt: &Stmt,
        pos: Pos,
        parent: &QualName,
        part: &QualName,
        attach: bool,
    ) {
        for item in self.handed_down(parent) {
            match item {
                Item::Check(n) => self.partition_check(stmt, pos, parent, &n, part, attach),
                Item::Key(n) | Item::ForeignKey(n) => {
                    self.partition_constraint(stmt, pos, parent, &n, part)
                }
                Item::Index(q) => self.partition_index(stmt, pos, &q, part),
            }
        }
    }

    /// ATTACH PARTITION: the server's checks of the table's columns, then what the
    /// partition gets through its parent.
    pub(super) fn attach_partition(
        &mut self,
        stmt: &Stmt,
        pos: Pos,
        parent: &QualName,
        part: &QualName,
        bound: String,
    ) {
        let (Some(pt), Some(t)) = (
            self.catalog.tables.get(parent),
            self.catalog.tables.get(part),
        ) else {
            let missing = if self.catalog.tables.contains_key(parent) {
                part
            } else {
                parent
            };
            self.missing(
                stmt,
                missing,
                format!("relation {} does not exist", missing.sql()),
            );
            return;
        };
        let problem = if self.catalog.descends_from(parent, part) {
            Some("circular inheritance not allowed".to_string())
        } else if pt.partition_by.is_none() {
            Some(format!("table {} is not partitioned", named(&parent.name)))
        } else if t.partition_of.is_some() {
            Some(format!("{} is already a partition", named(&part.name)))
        } else if let Some(c) = t.columns.iter().find(|c| pt.column(&c.name).is_none()) {
            Some(format!(
                "table {} contains column {} not found in parent {}",
                named(&part.name),
                named(&c.name),
                named(&parent.name)
            ))
        } else {
            pt.columns.iter().find_map(|pc| match t.column(&pc.name) {
                None => Some(format!("child table is missing column {}", named(&pc.name))),
                Some(c) if c.type_sql != pc.type_sql => Some(format!(
                    "child table {} has different type for column {}",
                    named(&part.name),
                    named(&pc.name)
                )),
                Some(c) if pc.not_null && !c.not_null => Some(format!(
                    "column {} in child table must be marked NOT NULL",
                    named(&pc.name)
                )),
                Some(_) => None,
            })
        };
        if let Some(msg) = problem {
            self.reject(stmt, msg);
            return;
        }
        let Some(t) = self.catalog.tables.get_mut(part) else {
            return;
        };
        t.partition_of = Some((parent.clone(), bound));
        for col in &mut t.columns {
            col.inherited = true;
        }
        self.children = None;
        self.inherit_partition(stmt, pos, parent, part, true);
    }

    /// DETACH PARTITION: the table keeps its columns, constraints and indexes as its own.
    pub(super) fn detach_partition(&mut self, stmt: &Stmt, parent: &QualName, part: &QualName) {
        let Some(t) = self.catalog.tables.get_mut(part) else {
            self.missing(
                stmt,
                part,
                format!("relation {} does not exist", part.sql()),
            );
            return;
        };
        if t.partition_of.as_ref().is_none_or(|(p, _)| p != parent) {
            let msg = format!(
                "relation {} is not a partition of relation {}",
                named(&part.name),
                named(&parent.name)
            );
            self.reject(stmt, msg);
            return;
        }
        self.forget_clones_from_above(part);
        let Some(t) = self.catalog.tables.get_mut(part) else {
            return;
        };
        t.partition_of = None;
        for col in &mut t.columns {
            col.inherited = false;
        }
        for k in t.constraints.values_mut() {
            if k.parent.take().is_some() {
                k.inherited = false;
            }
        }
        for q in self.indexes_on(part) {
            if let Some(i) = self.catalog.indexes.get_mut(&q) {
                i.attached_to = None;
            }
        }
        self.children = None;
    }

    /// The partition's CHECK `name`, as its parent's: on ATTACH the table must have it
    /// already (with the same definition); otherwise it is cloned.
    pub(super) fn partition_check(
        &mut self,
        stmt: &Stmt,
        pos: Pos,
        parent: &QualName,
        name: &str,
        part: &QualName,
        attach: bool,
    ) {
        let Some(pc) = self
            .catalog
            .tables
            .get(parent)
            .and_then(|t| t.constraints.get(name))
            .cloned()
        else {
            return;
        };
        let Some(t) = self.catalog.tables.get_mut(part) else {
            return;
        };
        match t.constraints.get_mut(name) {
            Some(k) if k.kind == ConstraintKind::Check && k.def == pc.def => {
                k.inherited = true;
                k.parent = Some(name.to_string());
            }
            Some(_) => {
                let msg = format!(
                    "child table {} has different definition for check constraint {}",
                    named(&part.name),
                    named(name)
                );
                self.reject(stmt, msg);
            }
            None if attach => self.reject(
                stmt,
                format!("child table is missing constraint {}", named(name)),
            ),
            None => {
                t.constraints.insert(
                    name.to_string(),
                    Constraint {
                        inherited: true,
                        parent: Some(name.to_string()),
                        pos,
                        ..pc
                    },
                );
                self.on_table.note_constraint(part, name);
            }
        }
        let sub = self.partitions_of(part);
        for s in sub {
            self.partition_check(stmt, pos, part, name, &s, attach);
        }
    }

    /// The partition's copy of its parent's key or foreign key `name`: one already attached
    /// to it, else a matching one of the partition's own (adopted), else a new one; then the
    /// same down to the partition's own partitions.
    pub(super) fn partition_constraint(
        &mut self,
        stmt: &Stmt,
        pos: Pos,
        parent: &QualName,
        name: &str,
        part: &QualName,
    ) {
        let Some(pc) = self
            .catalog
            .tables
            .get(parent)
            .and_then(|t| t.constraints.get(name))
            .cloned()
        else {
            return;
        };
        let Some(t) = self.catalog.tables.get(part) else {
            return;
        };
        let attached = t
            .constraints
            .iter()
            .find(|(_, k)| k.parent.as_deref() == Some(name))
            .map(|(n, _)| n.clone());
        let adoptable = || {
            t.constraints
                .iter()
                .find(|(_, k)| {
                    k.parent.is_none() && !k.inherited && k.kind == pc.kind && k.def == pc.def
                })
                .map(|(n, _)| n.clone())
        };
        let own = match attached.or_else(adoptable) {
            Some(n) => n,
            None => {
                if self.refuse_second_primary_key(stmt, part, pc.kind) {
                    return;
                }
                let n = self.clone_name(part, name, &pc);
                self.store_constraint(
                    part,
                    &n,
                    Constraint {
                        inherited: true,
                        parent: None,
                        pos,
                        ..pc
                    },
                );
                n
            }
        };
        // Found or made above.
        let Some(k) = self
            .catalog
            .tables
            .get_mut(part)
            .and_then(|t| t.constraints.get_mut(&own))
        else {
            return;
        };
        k.inherited = true;
        k.parent = Some(name.to_string());
        for s in self.partitions_of(part) {
            self.partition_constraint(stmt, pos, part, &own, &s);
        }
    }

    /// The name the server gives a partition's new copy of its parent's constraint `name`:
    /// a key is named like an index (`part_pkey`, `part_a_b_key`); a foreign key keeps the
    /// parent's name unless the partition has a constraint by that name.
    fn clone_name(&self, part: &QualName, name: &str, c: &Constraint) -> String {
        let schema = &part.schema;
        let cols = names::name_addition(&c.columns);
        match c.kind {
            ConstraintKind::PrimaryKey => names::choose_name(&part.name, None, "pkey", |n| {
                self.relation_name_taken(schema, n)
            }),
            ConstraintKind::Unique | ConstraintKind::Exclude => {
                names::choose_name(&part.name, Some(&cols), "key", |n| {
                    self.relation_name_taken(schema, n)
                })
            }
            ConstraintKind::ForeignKey | ConstraintKind::Check => {
                if self
                    .catalog
                    .tables
                    .get(part)
                    .is_some_and(|t| t.constraints.contains_key(name))
                {
                    names::choose_name(&part.name, Some(&cols), "fkey", |n| {
                        self.constraint_name_taken(schema, n, false)
                    })
                } else {
                    name.to_string()
                }
            }
        }
    }

    /// The partition's index attached to `parent_index`: one already attached, else a
    /// matching index of its own (adopted), else a new one named as the server names it;
    /// then the same down to the partition's own partitions.
    pub(super) fn partition_index(
        &mut self,
        stmt: &Stmt,
        pos: Pos,
        parent_index: &QualName,
        part: &QualName,
    ) {
        let Some(pi) = self.catalog.indexes.get(parent_index).cloned() else {
            return;
        };
        let mine = self.indexes_on(part);
        let index = |q: &QualName| self.catalog.indexes.get(q);
        let attached = mine
            .iter()
            .find(|q| index(q).is_some_and(|i| i.attached_to.as_ref() == Some(parent_index)))
            .cloned();
        let adoptable = || {
            mine.iter()
                .find(|q| index(q).is_some_and(|i| i.attached_to.is_none() && i.shape == pi.shape))
                .cloned()
        };
        let own = match attached.or_else(adoptable) {
            Some(q) => q,
            None => match self.clone_index(&pi, part) {
                Some(s) => {
                    let q = QualName::new(part.schema.clone(), s.idxname.clone());
                    self.store_index(pos, part, s);
                    q
                }
                None => {
                    self.unsupported(
                        stmt,
                        "an index of a partitioned table that cannot be read back",
                    );
                    return;
                }
            },
        };
        if let Some(i) = self.catalog.indexes.get_mut(&own) {
            i.attached_to = Some(parent_index.clone());
        }
        for s in self.partitions_of(part) {
            self.partition_index(stmt, pos, &own, &s);
        }
    }

    /// The statement that creates table `part`'s copy of index `parent` (a partition's, or a
    /// `LIKE` copy's), named as the server names it (`ChooseIndexName`). The catalog keeps an
    /// index as its canonical statement, read back here.
    pub(super) fn clone_index(&self, parent: &Index, part: &QualName) -> Option<IndexStmt> {
        let parsed = pg_query::parse(&parent.def, 0).ok()?;
        let node = parsed.protobuf.stmts.into_iter().next()?.stmt?.node?;
        let NodeEnum::IndexStmt(mut s) = node else {
            return None;
        };
        let rv = s.relation.as_mut()?;
        rv.schemaname = part.schema.clone();
        rv.relname = part.name.clone();
        let params: Vec<_> = s
            .index_params
            .iter()
            .chain(&s.index_including_params)
            .cloned()
            .collect();
        let cols = names::name_addition(&names::index_column_names(&params));
        s.idxname = names::choose_name(&part.name, Some(&cols), "idx", |n| {
            self.relation_name_taken(&part.schema, n)
        });
        Some(*s)
    }

    /// The copies in the partitions of `parent` of its constraint `name`, dropped with it.
    pub(super) fn drop_partition_copies(&mut self, parent: &QualName, name: &str) {
        for part in self.partitions_of(parent) {
            let Some(t) = self.catalog.tables.get_mut(&part) else {
                continue;
            };
            let Some(own) = t
                .constraints
                .iter()
                .find(|(_, k)| k.parent.as_deref() == Some(name))
                .map(|(n, _)| n.clone())
            else {
                continue;
            };
            t.constraints.remove(&own);
            self.forget_constraint(&part, &own);
            self.drop_partition_copies(&part, &own);
        }
    }

    /// ALTER INDEX `parent` ATTACH PARTITION `child`: `child` must be an index (or a key's)
    /// on a partition of `parent`'s table, match it, and be the partition's only one.
    pub(super) fn attach_index(&mut self, stmt: &Stmt, parent: &QualName, child: &QualName) {
        let refuse = |r: &mut Replay| {
            r.reject(
                stmt,
                format!(
                    "cannot attach index {} as a partition of index {}",
                    named(&child.name),
                    named(&parent.name)
                ),
            )
        };
        // The parent: a plain index, or the index of a key of a partitioned table.
        let (table, parent_key) = match self.catalog.indexes.get(parent) {
            Some(i) => (i.table.clone(), None),
            None => {
                let from = QualName::new(parent.schema.clone(), String::new());
                let owner = self
                    .catalog
                    .tables
                    .range(from..)
                    .take_while(|(q, _)| q.schema == parent.schema)
                    .find(|(_, t)| {
                        t.partition_by.is_some()
                            && t.constraints.get(&parent.name).is_some_and(|k| {
                                matches!(
                                    k.kind,
                                    ConstraintKind::PrimaryKey | ConstraintKind::Unique
                                )
                            })
                    });
                match owner {
                    Some((q, _)) => (q.clone(), Some(parent.name.clone())),
                    None => {
                        self.missing(
                            stmt,
                            parent,
                            format!("relation {} does not exist", parent.sql()),
                        );
                        return;
                    }
                }
            }
        };
        let parts = self.partitions_of(&table);
        match parent_key {
            None => {
                let Some(ci) = self.catalog.indexes.get(child).cloned() else {
                    match parts.iter().any(|p| {
                        self.catalog
                            .tables
                            .get(p)
                            .is_some_and(|t| t.constraints.contains_key(&child.name))
                    }) {
                        true => self.unsupported(
                            stmt,
                            "ALTER INDEX ... ATTACH PARTITION of a key's index to a plain index",
                        ),
                        false => self.missing(
                            stmt,
                            child,
                            format!("relation {} does not exist", child.sql()),
                        ),
                    }
                    return;
                };
                if ci.attached_to.as_ref() == Some(parent) {
                    return;
                }
                let shape = self.catalog.indexes.get(parent).map(|i| &i.shape);
                let taken = self.indexes_on(&ci.table).iter().any(|q| {
                    self.catalog
                        .indexes
                        .get(q)
                        .is_some_and(|i| i.attached_to.as_ref() == Some(parent))
                });
                if !parts.contains(&ci.table)
                    || ci.attached_to.is_some()
                    || shape != Some(&ci.shape)
                    || taken
                {
                    refuse(self);
                    return;
                }
                if let Some(i) = self.catalog.indexes.get_mut(child) {
                    i.attached_to = Some(parent.clone());
                }
            }
            Some(key) => {
                // The key was found on `table` above.
                let Some(pk) = self
                    .catalog
                    .tables
                    .get(&table)
                    .and_then(|t| t.constraints.get(&key))
                    .cloned()
                else {
                    return;
                };
                let has_child = |p: &&QualName| {
                    self.catalog
                        .tables
                        .get(*p)
                        .is_some_and(|t| t.constraints.contains_key(&child.name))
                };
                let Some(part) = parts.iter().find(has_child).cloned() else {
                    if self.catalog.indexes.contains_key(child)
                        || self.resolver().relation_exists(child)
                    {
                        refuse(self);
                    } else {
                        self.missing(
                            stmt,
                            child,
                            format!("relation {} does not exist", child.sql()),
                        );
                    }
                    return;
                };
                let Some(t) = self.catalog.tables.get(&part) else {
                    return;
                };
                let Some(k) = t.constraints.get(&child.name) else {
                    return;
                };
                if k.parent.as_deref() == Some(key.as_str()) {
                    return;
                }
                let taken = t
                    .constraints
                    .values()
                    .any(|o| o.parent.as_deref() == Some(key.as_str()));
                if k.parent.is_some()
                    || k.inherited
                    || k.kind != pk.kind
                    || k.def != pk.def
                    || taken
                {
                    refuse(self);
                    return;
                }
                let Some(k) = self
                    .catalog
                    .tables
                    .get_mut(&part)
                    .and_then(|t| t.constraints.get_mut(&child.name))
                else {
                    return;
                };
                k.inherited = true;
                k.parent = Some(key);
            }
        }
    }
}
