//! Hazards: what each statement of a migration does to a database that holds rows and serves
//! queries, from PostgreSQL 15's documented behaviour: the lock it takes on a relation that
//! was there before the migration, whether it rewrites a table or builds an index over its
//! rows, scans them to validate, may fail on them or loses them, and whether it can run
//! inside a transaction block.
//!
//! Hazards are read off the statements the way the server reads them, against the catalog
//! as it stands just before each one (the replay of the migration, see
//! `replay::replay_inspecting`): a column added to a table the migration itself created
//! holds no rows and risks nothing, and a migration written by hand is assessed the same way
//! as one pgdumpdiff wrote.
//!
//! Lock levels are those of PostgreSQL's `AlterTableGetLockLevel` and of the documentation
//! of each command ("Explicit Locking", `ALTER TABLE`, `CREATE INDEX`, `CREATE TRIGGER`,
//! `ALTER SEQUENCE`).

use std::collections::BTreeSet;
use std::fmt;

use pg_query::protobuf::{self, AlterTableType, ConstrType, ObjectType};
use pg_query::NodeEnum;

use super::model::*;
use super::replay::{node_string, Replay};
use super::resolve::Resolver;
use super::types::{conversion, type_sql, Conversion};
use crate::syntax::Stmt;

/// A table-level lock, weakest first. Each blocks what it conflicts with until the
/// transaction that took it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lock {
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    AccessExclusive,
}

impl Lock {
    /// The lock's name, as the documentation spells it.
    pub fn name(self) -> &'static str {
        match self {
            Lock::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            Lock::Share => "SHARE",
            Lock::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            Lock::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    /// What it holds up while held.
    pub fn blocks(self) -> &'static str {
        match self {
            Lock::ShareUpdateExclusive => "other schema changes and VACUUM",
            Lock::Share | Lock::ShareRowExclusive => "writes",
            Lock::AccessExclusive => "reads and writes",
        }
    }
}

/// Why a statement may fail on the rows a table holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailReason {
    /// A NOT NULL column added without a default: any row fails it.
    NotNullWithoutDefault { column: String },
    /// A column made NOT NULL: a row holding NULL fails it.
    Nulls { column: String },
    /// A unique index or key (a primary key also refuses NULLs): duplicates fail it.
    Duplicates { primary: bool },
    /// An exclusion constraint: conflicting rows fail it.
    Exclusion,
    /// A CHECK constraint (of the table or of a domain its columns use).
    Check { constraint: String },
    /// A foreign key: a row without its referenced row fails it.
    ForeignKey { constraint: String },
    /// A value the new type cannot read fails the conversion.
    Cast {
        column: String,
        from: String,
        to: String,
    },
    /// A row outside the partition's bounds fails the ATTACH.
    PartitionBound { partition: QualName },
    /// A row that no partition of the table takes fails the INSERT.
    NoPartition,
}

/// Stored data a statement throws away.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loss {
    /// A table and its rows.
    Table(QualName),
    /// A column and its values.
    Column { table: QualName, column: String },
    /// Values cut short, rounded or refused by a narrower type.
    Narrowed {
        table: QualName,
        column: String,
        from: String,
        to: String,
    },
    /// A sequence and its current value.
    Sequence(QualName),
    /// An attribute of a composite type that table columns store.
    Attribute {
        type_name: QualName,
        attribute: String,
    },
}

/// One hazard of one statement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hazard {
    /// Takes `lock` on a relation that was there before the migration (and may be in use).
    Lock { lock: Lock, relation: QualName },
    /// Rewrites every row of the table and rebuilds its indexes, under its lock.
    Rewrite { table: QualName },
    /// Builds an index over the rows of the table, under its lock.
    IndexBuild { table: QualName },
    /// Copies every row of one table into another.
    Copy { from: QualName, to: QualName },
    /// Reads every row of the table under its lock, to validate them.
    Scan { table: QualName },
    /// Fails if a row of the table does not comply.
    MayFail { table: QualName, reason: FailReason },
    /// Throws stored data away.
    DataLoss(Loss),
    /// Cannot run inside a transaction block (`CONCURRENTLY`).
    NoTransaction,
    /// Adds an enum label that a later statement of the migration uses: the label must be
    /// committed first.
    NeedsCommit { type_name: QualName, label: String },
}

impl Hazard {
    /// A stable short name of the kind of hazard (`lock`, `rewrite`, `data-loss`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Hazard::Lock { .. } => "lock",
            Hazard::Rewrite { .. } => "rewrite",
            Hazard::IndexBuild { .. } => "index-build",
            Hazard::Copy { .. } => "copy",
            Hazard::Scan { .. } => "scan",
            Hazard::MayFail { .. } => "may-fail",
            Hazard::DataLoss(_) => "data-loss",
            Hazard::NoTransaction => "no-transaction",
            Hazard::NeedsCommit { .. } => "needs-commit",
        }
    }

    pub fn is_data_loss(&self) -> bool {
        matches!(self, Hazard::DataLoss(_))
    }
}

impl fmt::Display for FailReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailReason::NotNullWithoutDefault { column } => write!(
                f,
                "NOT NULL column {column} has no default: fails if the table holds any row"
            ),
            FailReason::Nulls { column } => write!(f, "fails if a row holds NULL in {column}"),
            FailReason::Duplicates { primary: true } => {
                write!(f, "fails on duplicate or NULL keys")
            }
            FailReason::Duplicates { primary: false } => write!(f, "fails on duplicate keys"),
            FailReason::Exclusion => write!(f, "fails on conflicting rows"),
            FailReason::Check { constraint } => write!(f, "fails if a row violates {constraint}"),
            FailReason::ForeignKey { constraint } => {
                write!(f, "fails if a row has no referenced row ({constraint})")
            }
            FailReason::Cast { column, from, to } => write!(
                f,
                "fails if a value of {column} does not convert from {from} to {to}"
            ),
            FailReason::PartitionBound { partition } => write!(
                f,
                "fails if a row of {} lies outside the partition bounds",
                partition.sql()
            ),
            FailReason::NoPartition => write!(f, "fails if a row fits no partition"),
        }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loss::Table(q) => write!(f, "drops table {} and its rows", q.sql()),
            Loss::Column { table, column } => write!(
                f,
                "drops column {}.{} and its values",
                table.sql(),
                crate::emit::quote::ident(column)
            ),
            Loss::Narrowed {
                table,
                column,
                from,
                to,
            } => {
                write!(f, "narrows {}.{} from {from} to {to}: values that do not fit are cut, rounded or refused", table.sql(), crate::emit::quote::ident(column))
            }
            Loss::Sequence(q) => write!(f, "drops sequence {} and its current value", q.sql()),
            Loss::Attribute {
                type_name,
                attribute,
            } => write!(
                f,
                "drops attribute {attribute} of {}, which table columns store",
                type_name.sql()
            ),
        }
    }
}

impl fmt::Display for Hazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hazard::Lock { lock, relation } => write!(
                f,
                "{} on {} (blocks {} until commit)",
                lock.name(),
                relation.sql(),
                lock.blocks()
            ),
            Hazard::Rewrite { table } => write!(f, "rewrites {} and its indexes", table.sql()),
            Hazard::IndexBuild { table } => {
                write!(f, "builds an index over the rows of {}", table.sql())
            }
            Hazard::Copy { from, to } => {
                write!(f, "copies every row of {} into {}", from.sql(), to.sql())
            }
            Hazard::Scan { table } => {
                write!(f, "reads every row of {} to validate it", table.sql())
            }
            Hazard::MayFail { table, reason } => write!(f, "{}: {reason}", table.sql()),
            Hazard::DataLoss(loss) => write!(f, "{loss}"),
            Hazard::NoTransaction => write!(f, "cannot run inside a transaction block"),
            Hazard::NeedsCommit { type_name, label } => {
                write!(
                    f,
                    "label '{label}' of {} must be committed before a later statement uses it",
                    type_name.sql()
                )
            }
        }
    }
}

/// Reads the hazards of each statement of a migration as it is replayed: call `statement`
/// with each statement before it is applied.
#[derive(Debug, Default)]
pub struct Assessor {
    /// Relations the migration created (they hold no rows and nothing uses them yet).
    fresh: BTreeSet<QualName>,
    /// Tables whose rows the migration copied into another (dropping them loses none).
    copied: BTreeSet<QualName>,
    /// Enum labels added so far: the statement that added each, its type and the label.
    added_labels: Vec<(usize, QualName, String)>,
    /// The hazards of each statement seen, in order.
    pub hazards: Vec<Vec<Hazard>>,
}

impl Assessor {
    pub(crate) fn statement(&mut self, stmt: &Stmt, r: &Replay) {
        self.label_uses(stmt);
        let mut a = Reading {
            r,
            resolver: r.resolver(),
            fresh: &self.fresh,
            copied: &self.copied,
            out: Vec::new(),
            created: Vec::new(),
            added_label: None,
            filled: None,
        };
        a.read(&stmt.node);
        let Reading {
            out,
            created,
            added_label,
            filled,
            ..
        } = a;
        // The rows are in the target (its partitions) now: it is no longer new and empty.
        if let Some((from, to)) = filled {
            // The source's partitions too, at every level.
            self.copied.extend(r.catalog.partitions_under(&from));
            self.copied.insert(from);
            for t in to {
                self.fresh.remove(&t);
            }
        }
        if let Some((ty, label)) = added_label {
            self.added_labels.push((self.hazards.len(), ty, label));
        }
        self.fresh.extend(created);
        let mut out = out;
        out.sort();
        out.dedup();
        self.hazards.push(out);
    }

    /// Marks the statements that added an enum label this statement uses (as a string
    /// constant): the label must be committed before it can be used.
    fn label_uses(&mut self, stmt: &Stmt) {
        if self.added_labels.is_empty() {
            return;
        }
        let constants = crate::syntax::string_constants(stmt.text());
        for (at, ty, label) in &self.added_labels {
            if constants.contains(label) {
                let hazard = Hazard::NeedsCommit {
                    type_name: ty.clone(),
                    label: label.clone(),
                };
                if let Some(h) = self.hazards.get_mut(*at).filter(|h| !h.contains(&hazard)) {
                    h.push(hazard);
                }
            }
        }
    }
}

/// The reading of one statement.
struct Reading<'a> {
    r: &'a Replay,
    resolver: Resolver<'a>,
    fresh: &'a BTreeSet<QualName>,
    copied: &'a BTreeSet<QualName>,
    out: Vec<Hazard>,
    /// Relations the statement creates.
    created: Vec<QualName>,
    added_label: Option<(QualName, String)>,
    /// The rows of a table copied into another: the source, and the target with its
    /// partitions (at every level).
    filled: Option<(QualName, Vec<QualName>)>,
}

impl Reading<'_> {
    fn catalog(&self) -> &Catalog {
        &self.r.catalog
    }

    fn relation(&self, rv: &protobuf::RangeVar) -> QualName {
        self.resolver.relation(&rv.schemaname, &rv.relname)
    }

    /// Whether relation `q` was there before the migration (not created by it).
    fn old(&self, q: &QualName) -> bool {
        !self.fresh.contains(q) && self.resolver.relation_exists(q)
    }

    /// Whether table `q` was there before the migration and keeps rows here (a foreign
    /// table's rows live on its server; a partitioned table's in its partitions).
    fn holds_rows(&self, q: &QualName) -> bool {
        let Some(t) = self
            .catalog()
            .tables
            .get(q)
            .filter(|t| t.foreign.is_none() && self.old(q) && !self.copied.contains(q))
        else {
            return false;
        };
        t.partition_by.is_none()
            || self.catalog().tables.iter().any(|(p, pt)| {
                pt.partition_of
                    .as_ref()
                    .is_some_and(|(parent, _)| parent == q)
                    && self.holds_rows(p)
            })
    }

    /// `lock` on the relation a statement names, if it names one.
    fn lock_relation(&mut self, lock: Lock, rv: Option<&protobuf::RangeVar>) {
        if let Some(rv) = rv {
            let q = self.relation(rv);
            self.lock(lock, &q);
        }
    }

    fn lock(&mut self, lock: Lock, q: &QualName) {
        if self.old(q) {
            self.out.push(Hazard::Lock {
                lock,
                relation: q.clone(),
            });
        }
    }

    fn push(&mut self, h: Hazard) {
        self.out.push(h);
    }

    fn read(&mut self, node: &NodeEnum) {
        // Statements that touch no relation that holds rows or serves queries (functions,
        // types, schemas, comments, privileges, settings, ...) have no hazard here: locks on
        // catalog entries alone are brief.
        #[allow(clippy::wildcard_enum_match_arm)]
        match node {
            NodeEnum::CreateStmt(s) => self.create_table(s),
            NodeEnum::CreateForeignTableStmt(s) => {
                if let Some(base) = &s.base_stmt {
                    self.create_table(base);
                }
            }
            NodeEnum::CreateTableAsStmt(s) => {
                if let Some(rel) = s.into.as_ref().and_then(|i| i.rel.as_ref()) {
                    let q = self.relation(rel);
                    self.created.push(q);
                }
            }
            NodeEnum::ViewStmt(s) => {
                if let Some(rv) = &s.view {
                    let q = self.relation(rv);
                    if s.replace && self.old(&q) {
                        self.lock(Lock::AccessExclusive, &q);
                    } else {
                        self.created.push(q);
                    }
                }
            }
            NodeEnum::CreateSeqStmt(s) => {
                if let Some(rv) = &s.sequence {
                    let q = self.relation(rv);
                    self.created.push(q);
                }
            }
            NodeEnum::IndexStmt(s) => self.create_index(s),
            NodeEnum::AlterTableStmt(s) => self.alter_table(s),
            NodeEnum::DropStmt(s) => self.drop(s),
            NodeEnum::RenameStmt(s) => self.rename(s),
            NodeEnum::AlterObjectSchemaStmt(s) => {
                self.lock_relation(Lock::AccessExclusive, s.relation.as_ref());
            }
            NodeEnum::CreateTrigStmt(s) => {
                self.lock_relation(Lock::ShareRowExclusive, s.relation.as_ref());
            }
            NodeEnum::CreatePolicyStmt(s) => {
                self.lock_relation(Lock::AccessExclusive, s.table.as_ref());
            }
            NodeEnum::AlterPolicyStmt(s) => {
                self.lock_relation(Lock::AccessExclusive, s.table.as_ref());
            }
            NodeEnum::RuleStmt(s) => {
                self.lock_relation(Lock::AccessExclusive, s.relation.as_ref());
            }
            NodeEnum::AlterSeqStmt(s) => {
                // ALTER SEQUENCE blocks nextval(), currval(), lastval() and setval().
                self.lock_relation(Lock::ShareRowExclusive, s.sequence.as_ref());
            }
            NodeEnum::AlterEnumStmt(s) if !s.new_val.is_empty() && s.old_val.is_empty() => {
                let ty = super::replay::type_qualname(&s.type_name, &self.resolver);
                self.added_label = Some((ty, s.new_val.clone()));
            }
            NodeEnum::AlterDomainStmt(s) => self.alter_domain(s),
            NodeEnum::InsertStmt(s) => self.insert(s),
            NodeEnum::TruncateStmt(s) => {
                for rel in &s.relations {
                    if let Some(NodeEnum::RangeVar(rv)) = &rel.node {
                        let q = self.relation(rv);
                        self.lock(Lock::AccessExclusive, &q);
                        if self.holds_rows(&q) {
                            self.push(Hazard::DataLoss(Loss::Table(q)));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn create_table(&mut self, s: &protobuf::CreateStmt) {
        let Some(rv) = &s.relation else { return };
        let q = self.relation(rv);
        // CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the parent (ATTACH
        // PARTITION takes only SHARE UPDATE EXCLUSIVE); INHERITS takes SHARE UPDATE EXCLUSIVE.
        for p in &s.inh_relations {
            if let Some(NodeEnum::RangeVar(prv)) = &p.node {
                let parent = self.relation(prv);
                let lock = if s.partbound.is_some() {
                    Lock::AccessExclusive
                } else {
                    Lock::ShareUpdateExclusive
                };
                self.lock(lock, &parent);
                if s.partbound.is_some() {
                    self.default_partition_scan(&parent, &q);
                }
            }
        }
        // A foreign key adds triggers to the table it references.
        for e in &s.table_elts {
            let constraints: Vec<&protobuf::Constraint> = match &e.node {
                Some(NodeEnum::Constraint(c)) => vec![c.as_ref()],
                Some(NodeEnum::ColumnDef(cd)) => cd
                    .constraints
                    .iter()
                    .filter_map(|c| match &c.node {
                        Some(NodeEnum::Constraint(c)) => Some(c.as_ref()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for c in constraints {
                if let Some(pk) = c
                    .pktable
                    .as_ref()
                    .filter(|_| c.contype == ConstrType::ConstrForeign as i32)
                {
                    let referenced = self.relation(pk);
                    self.lock(Lock::ShareRowExclusive, &referenced);
                }
            }
        }
        self.created.push(q);
    }

    /// `INSERT INTO t (cols) SELECT cols FROM old`, as the migration copies the rows of a
    /// table that becomes partitioned: every row is copied (the columns left out lose their
    /// values), and a row no partition takes fails it.
    fn insert(&mut self, s: &protobuf::InsertStmt) {
        let Some(target) = s.relation.as_ref().map(|rv| self.relation(rv)) else {
            return;
        };
        let Some(NodeEnum::SelectStmt(sel)) = s.select_stmt.as_ref().and_then(|n| n.node.as_ref())
        else {
            return;
        };
        let [from] = sel.from_clause.as_slice() else {
            return;
        };
        let Some(NodeEnum::RangeVar(rv)) = &from.node else {
            return;
        };
        let source = self.relation(rv);
        let selected: Vec<String> = sel
            .target_list
            .iter()
            .filter_map(|t| match &t.node {
                Some(NodeEnum::ResTarget(rt)) => {
                    rt.val.as_deref().and_then(super::expr::column_name)
                }
                _ => None,
            })
            .collect();
        if !self.holds_rows(&source) {
            return;
        }
        self.push(Hazard::Copy {
            from: source.clone(),
            to: target.clone(),
        });
        let left_out: Vec<String> = self
            .catalog()
            .tables
            .get(&source)
            .into_iter()
            .flat_map(|t| &t.columns)
            .filter(|c| !selected.contains(&c.name))
            .map(|c| c.name.clone())
            .collect();
        for column in left_out {
            self.push(Hazard::DataLoss(Loss::Column {
                table: source.clone(),
                column,
            }));
        }
        let mut parts = vec![target.clone()];
        parts.extend(self.catalog().partitions_under(&target));
        let partitioned = self
            .catalog()
            .tables
            .get(&target)
            .is_some_and(|t| t.partition_by.is_some());
        if partitioned && self.default_partition(&target).is_none() {
            self.push(Hazard::MayFail {
                table: target.clone(),
                reason: FailReason::NoPartition,
            });
        }
        self.filled = Some((source, parts));
    }

    /// The default partition of `parent`, if it has one.
    fn default_partition(&self, parent: &QualName) -> Option<QualName> {
        self.catalog()
            .tables
            .iter()
            .find(|(_, t)| {
                t.partition_of
                    .as_ref()
                    .is_some_and(|(p, b)| p == parent && b == "DEFAULT")
            })
            .map(|(q, _)| q.clone())
    }

    /// A new partition of `parent` takes rows that its default partition may hold: the
    /// default partition is scanned, and fails if it holds any.
    fn default_partition_scan(&mut self, parent: &QualName, new: &QualName) {
        if let Some(d) = self
            .default_partition(parent)
            .filter(|d| d != new && self.holds_rows(d))
        {
            self.push(Hazard::Lock {
                lock: Lock::AccessExclusive,
                relation: d.clone(),
            });
            self.push(Hazard::Scan { table: d.clone() });
            self.push(Hazard::MayFail {
                table: d.clone(),
                reason: FailReason::PartitionBound { partition: d },
            });
        }
    }

    fn create_index(&mut self, s: &protobuf::IndexStmt) {
        let Some(rv) = &s.relation else { return };
        let table = self.relation(rv);
        if !s.idxname.is_empty() {
            let schema = if rv.schemaname.is_empty() {
                table.schema.clone()
            } else {
                rv.schemaname.clone()
            };
            self.created.push(QualName::new(schema, s.idxname.clone()));
        }
        if !self.old(&table) {
            if s.concurrent {
                self.push(Hazard::NoTransaction);
            }
            return;
        }
        // CREATE INDEX ON ONLY a partitioned table makes an invalid index and builds nothing.
        let builds = rv.inh
            || self
                .catalog()
                .tables
                .get(&table)
                .is_none_or(|t| t.partition_by.is_none());
        if s.concurrent {
            self.lock(Lock::ShareUpdateExclusive, &table);
            self.push(Hazard::NoTransaction);
        } else {
            self.lock(Lock::Share, &table);
        }
        if builds && self.holds_rows(&table) {
            self.push(Hazard::IndexBuild {
                table: table.clone(),
            });
            if s.unique {
                self.push(Hazard::MayFail {
                    table,
                    reason: FailReason::Duplicates { primary: s.primary },
                });
            }
        }
    }

    fn alter_table(&mut self, s: &protobuf::AlterTableStmt) {
        let Some(rv) = &s.relation else { return };
        let q = self.relation(rv);
        let cmds: Vec<&protobuf::AlterTableCmd> = s
            .cmds
            .iter()
            .filter_map(|c| match &c.node {
                Some(NodeEnum::AlterTableCmd(c)) => Some(c.as_ref()),
                _ => None,
            })
            .collect();
        let objtype = ObjectType::try_from(s.objtype).unwrap_or(ObjectType::Undefined);
        if objtype == ObjectType::ObjectType {
            self.alter_composite(rv, &cmds);
            return;
        }
        if objtype == ObjectType::ObjectIndex {
            // An index's settings: SHARE UPDATE EXCLUSIVE on its table; a new tablespace
            // moves (rebuilds) it.
            let table = self.catalog().indexes.get(&q).map(|i| i.table.clone());
            if let Some(t) = table {
                let moves = cmds
                    .iter()
                    .any(|c| c.subtype == AlterTableType::AtSetTableSpace as i32);
                self.lock(
                    if moves {
                        Lock::AccessExclusive
                    } else {
                        Lock::ShareUpdateExclusive
                    },
                    &t,
                );
            }
            return;
        }
        if !self.old(&q) {
            return;
        }
        let Some(lock) = cmds.iter().map(|c| table_cmd_lock(c)).max() else {
            return;
        };
        self.lock(lock, &q);
        for c in cmds {
            self.table_cmd(&q, c);
        }
    }

    /// What one `ALTER TABLE` subcommand does to the rows of table `q` (besides its lock).
    fn table_cmd(&mut self, q: &QualName, c: &protobuf::AlterTableCmd) {
        let rows = self.holds_rows(q);
        let def = c.def.as_ref().and_then(|d| d.node.as_ref());
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        let column = self
            .catalog()
            .tables
            .get(q)
            .and_then(|t| t.column(&c.name))
            .cloned();
        match subtype {
            AlterTableType::AtAddColumn => {
                if let (true, Some(NodeEnum::ColumnDef(cd))) = (rows, def) {
                    self.add_column(q, cd);
                }
            }
            AlterTableType::AtDropColumn => {
                if rows && column.is_some() {
                    self.push(Hazard::DataLoss(Loss::Column {
                        table: q.clone(),
                        column: c.name.clone(),
                    }));
                }
            }
            AlterTableType::AtAlterColumnType => {
                let (Some(NodeEnum::ColumnDef(cd)), Some(col)) = (def, column) else {
                    return;
                };
                let Some(tn) = &cd.type_name else { return };
                let to = type_sql(tn, &self.resolver);
                if !rows {
                    return;
                }
                match conversion(self.catalog(), &col.type_sql, &to) {
                    Conversion::Relabel => {}
                    Conversion::Widen => self.push(Hazard::Rewrite { table: q.clone() }),
                    Conversion::Narrow => {
                        self.push(Hazard::Rewrite { table: q.clone() });
                        self.push(Hazard::MayFail {
                            table: q.clone(),
                            reason: FailReason::Cast {
                                column: c.name.clone(),
                                from: col.type_sql.clone(),
                                to: to.clone(),
                            },
                        });
                        self.push(Hazard::DataLoss(Loss::Narrowed {
                            table: q.clone(),
                            column: c.name.clone(),
                            from: col.type_sql,
                            to,
                        }));
                    }
                }
            }
            AlterTableType::AtSetNotNull => {
                if rows && !self.has_not_null_check(q, &c.name) {
                    self.push(Hazard::Scan { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::Nulls {
                            column: c.name.clone(),
                        },
                    });
                }
            }
            AlterTableType::AtAddConstraint => {
                if let Some(NodeEnum::Constraint(con)) = def {
                    self.add_constraint(q, con, rows);
                }
            }
            AlterTableType::AtValidateConstraint => {
                let kind = self
                    .catalog()
                    .tables
                    .get(q)
                    .and_then(|t| t.constraints.get(&c.name))
                    .map(|k| k.kind);
                if let (true, Some(kind)) = (rows, kind) {
                    self.push(Hazard::Scan { table: q.clone() });
                    let reason = match kind {
                        ConstraintKind::ForeignKey => FailReason::ForeignKey {
                            constraint: c.name.clone(),
                        },
                        ConstraintKind::Check
                        | ConstraintKind::PrimaryKey
                        | ConstraintKind::Unique
                        | ConstraintKind::Exclude => FailReason::Check {
                            constraint: c.name.clone(),
                        },
                    };
                    // A foreign key's referenced table takes only ROW SHARE, which blocks no
                    // reads or writes.
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason,
                    });
                }
            }
            AlterTableType::AtSetLogged
            | AlterTableType::AtSetUnLogged
            | AlterTableType::AtSetTableSpace
            | AlterTableType::AtSetAccessMethod => {
                if rows {
                    self.push(Hazard::Rewrite { table: q.clone() });
                }
            }
            AlterTableType::AtAttachPartition => {
                if let Some(NodeEnum::PartitionCmd(p)) = def {
                    if let Some(name) = &p.name {
                        let child = self.relation(name);
                        self.lock(Lock::AccessExclusive, &child);
                        if self.holds_rows(&child) {
                            self.push(Hazard::Scan {
                                table: child.clone(),
                            });
                            self.push(Hazard::MayFail {
                                table: child.clone(),
                                reason: FailReason::PartitionBound {
                                    partition: child.clone(),
                                },
                            });
                        }
                        self.default_partition_scan(q, &child);
                    }
                }
            }
            AlterTableType::AtDetachPartition => {
                if let Some(NodeEnum::PartitionCmd(p)) = def {
                    if let Some(name) = &p.name {
                        let child = self.relation(name);
                        if p.concurrent {
                            self.lock(Lock::ShareUpdateExclusive, &child);
                            self.push(Hazard::NoTransaction);
                        } else {
                            self.lock(Lock::AccessExclusive, &child);
                        }
                    }
                }
            }
            AlterTableType::Undefined
            | AlterTableType::AtAddColumnToView
            | AlterTableType::AtColumnDefault
            | AlterTableType::AtCookedColumnDefault
            | AlterTableType::AtDropNotNull
            | AlterTableType::AtSetExpression
            | AlterTableType::AtDropExpression
            | AlterTableType::AtSetStatistics
            | AlterTableType::AtSetOptions
            | AlterTableType::AtResetOptions
            | AlterTableType::AtSetStorage
            | AlterTableType::AtSetCompression
            | AlterTableType::AtAddIndex
            | AlterTableType::AtReAddIndex
            | AlterTableType::AtReAddConstraint
            | AlterTableType::AtReAddDomainConstraint
            | AlterTableType::AtAlterConstraint
            | AlterTableType::AtAddIndexConstraint
            | AlterTableType::AtDropConstraint
            | AlterTableType::AtReAddComment
            | AlterTableType::AtAlterColumnGenericOptions
            | AlterTableType::AtChangeOwner
            | AlterTableType::AtClusterOn
            | AlterTableType::AtDropCluster
            | AlterTableType::AtDropOids
            | AlterTableType::AtSetRelOptions
            | AlterTableType::AtResetRelOptions
            | AlterTableType::AtReplaceRelOptions
            | AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableAlwaysTrig
            | AlterTableType::AtEnableReplicaTrig
            | AlterTableType::AtDisableTrig
            | AlterTableType::AtEnableTrigAll
            | AlterTableType::AtDisableTrigAll
            | AlterTableType::AtEnableTrigUser
            | AlterTableType::AtDisableTrigUser
            | AlterTableType::AtEnableRule
            | AlterTableType::AtEnableAlwaysRule
            | AlterTableType::AtEnableReplicaRule
            | AlterTableType::AtDisableRule
            | AlterTableType::AtAddInherit
            | AlterTableType::AtDropInherit
            | AlterTableType::AtAddOf
            | AlterTableType::AtDropOf
            | AlterTableType::AtReplicaIdentity
            | AlterTableType::AtEnableRowSecurity
            | AlterTableType::AtDisableRowSecurity
            | AlterTableType::AtForceRowSecurity
            | AlterTableType::AtNoForceRowSecurity
            | AlterTableType::AtGenericOptions
            | AlterTableType::AtDetachPartitionFinalize
            | AlterTableType::AtAddIdentity
            | AlterTableType::AtSetIdentity
            | AlterTableType::AtDropIdentity
            | AlterTableType::AtReAddStatistics => {}
        }
    }

    /// `ADD COLUMN` on a table that holds rows.
    fn add_column(&mut self, q: &QualName, cd: &protobuf::ColumnDef) {
        let mut not_null = cd.is_not_null;
        let mut filled = false;
        let mut rewrite = cd
            .type_name
            .as_ref()
            .is_some_and(|t| super::replay::serial_type(t).is_some());
        filled |= rewrite;
        if let Some(d) = &cd.raw_default {
            filled = true;
            rewrite |= volatile(d);
        }
        for c in &cd.constraints {
            let Some(NodeEnum::Constraint(con)) = &c.node else {
                continue;
            };
            match ConstrType::try_from(con.contype).unwrap_or(ConstrType::Undefined) {
                ConstrType::ConstrNotnull => not_null = true,
                ConstrType::ConstrNull => not_null = false,
                ConstrType::ConstrDefault => {
                    filled = true;
                    rewrite |= con.raw_expr.as_deref().is_some_and(volatile);
                }
                ConstrType::ConstrIdentity | ConstrType::ConstrGenerated => {
                    filled = true;
                    rewrite = true;
                }
                ConstrType::ConstrPrimary => {
                    not_null = true;
                    self.add_constraint(q, con, true);
                }
                ConstrType::ConstrCheck
                | ConstrType::ConstrUnique
                | ConstrType::ConstrExclusion
                | ConstrType::ConstrForeign => self.add_constraint(q, con, true),
                ConstrType::ConstrAttrDeferrable
                | ConstrType::ConstrAttrNotDeferrable
                | ConstrType::ConstrAttrDeferred
                | ConstrType::ConstrAttrImmediate
                | ConstrType::ConstrAttrEnforced
                | ConstrType::ConstrAttrNotEnforced
                | ConstrType::Undefined => {}
            }
        }
        if rewrite {
            self.push(Hazard::Rewrite { table: q.clone() });
        }
        if not_null && !filled {
            self.push(Hazard::MayFail {
                table: q.clone(),
                reason: FailReason::NotNullWithoutDefault {
                    column: cd.colname.clone(),
                },
            });
        }
    }

    /// `ADD CONSTRAINT` (or a constraint of an added column) on table `q`.
    fn add_constraint(&mut self, q: &QualName, con: &protobuf::Constraint, rows: bool) {
        let name = con.conname.clone();
        match ConstrType::try_from(con.contype).unwrap_or(ConstrType::Undefined) {
            ConstrType::ConstrCheck => {
                if rows && !con.skip_validation {
                    self.push(Hazard::Scan { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::Check { constraint: name },
                    });
                }
            }
            ConstrType::ConstrForeign => {
                if let Some(pk) = &con.pktable {
                    let referenced = self.relation(pk);
                    self.lock(Lock::ShareRowExclusive, &referenced);
                }
                if rows && !con.skip_validation {
                    self.push(Hazard::Scan { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::ForeignKey { constraint: name },
                    });
                }
            }
            ConstrType::ConstrPrimary | ConstrType::ConstrUnique => {
                let primary = con.contype == ConstrType::ConstrPrimary as i32;
                if rows && con.indexname.is_empty() {
                    self.push(Hazard::IndexBuild { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::Duplicates { primary },
                    });
                } else if rows && primary && self.nullable_keys(q, &con.indexname) {
                    // USING INDEX: the index exists; a primary key still makes its columns NOT
                    // NULL, which scans for NULLs.
                    self.push(Hazard::Scan { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::Duplicates { primary },
                    });
                }
            }
            ConstrType::ConstrExclusion => {
                if rows {
                    self.push(Hazard::IndexBuild { table: q.clone() });
                    self.push(Hazard::MayFail {
                        table: q.clone(),
                        reason: FailReason::Exclusion,
                    });
                }
            }
            ConstrType::ConstrNotnull
            | ConstrType::ConstrNull
            | ConstrType::ConstrDefault
            | ConstrType::ConstrIdentity
            | ConstrType::ConstrGenerated
            | ConstrType::ConstrAttrDeferrable
            | ConstrType::ConstrAttrNotDeferrable
            | ConstrType::ConstrAttrDeferred
            | ConstrType::ConstrAttrImmediate
            | ConstrType::ConstrAttrEnforced
            | ConstrType::ConstrAttrNotEnforced
            | ConstrType::Undefined => {}
        }
    }

    /// Whether a column of index `index` (of table `q`) may still hold NULLs.
    fn nullable_keys(&self, q: &QualName, index: &str) -> bool {
        let c = self.catalog();
        let columns = c
            .indexes
            .get(&QualName::new(q.schema.clone(), index))
            .map(|i| i.columns.clone())
            .unwrap_or_default();
        c.tables.get(q).is_none_or(|t| {
            columns.is_empty()
                || columns
                    .iter()
                    .any(|k| t.column(k).is_none_or(|col| !col.not_null))
        })
    }

    /// Whether table `q` has a validated `CHECK (c IS NOT NULL)`: then SET NOT NULL skips
    /// its scan (PostgreSQL 12 and later).
    fn has_not_null_check(&self, q: &QualName, column: &str) -> bool {
        let want = format!("CHECK ({} IS NOT NULL)", crate::emit::quote::ident(column));
        self.catalog().tables.get(q).is_some_and(|t| {
            t.constraints
                .values()
                .any(|k| k.kind == ConstraintKind::Check && k.def == want)
        })
    }

    fn drop(&mut self, s: &protobuf::DropStmt) {
        let kind = ObjectType::try_from(s.remove_type).unwrap_or(ObjectType::Undefined);
        for obj in &s.objects {
            let parts: Vec<String> = match &obj.node {
                Some(NodeEnum::List(l)) => l.items.iter().filter_map(node_string).collect(),
                Some(NodeEnum::String(x)) => vec![x.sval.clone()],
                _ => Vec::new(),
            };
            let name = |parts: &[String], r: &Resolver| match parts {
                [sch, n] => QualName::new(sch.clone(), n.clone()),
                [n] => r.relation("", n),
                _ => QualName::new("", parts.join(".")),
            };
            // Triggers, policies and rules: [schema,] table, name.
            let on_table = |parts: &[String], r: &Resolver| {
                name(parts.split_last().map_or(&[][..], |(_, t)| t), r)
            };
            match kind {
                ObjectType::ObjectTable | ObjectType::ObjectForeignTable => {
                    let q = name(&parts, &self.resolver);
                    self.lock(Lock::AccessExclusive, &q);
                    let parent = self
                        .catalog()
                        .tables
                        .get(&q)
                        .and_then(|t| t.partition_of.as_ref())
                        .map(|(p, _)| p.clone());
                    if let Some(p) = parent {
                        self.lock(Lock::AccessExclusive, &p);
                    }
                    if self.holds_rows(&q) {
                        self.push(Hazard::DataLoss(Loss::Table(q)));
                    }
                }
                ObjectType::ObjectIndex => {
                    let q = name(&parts, &self.resolver);
                    let table = self.catalog().indexes.get(&q).map(|i| i.table.clone());
                    if let Some(t) = table {
                        if s.concurrent {
                            self.lock(Lock::ShareUpdateExclusive, &t);
                            self.push(Hazard::NoTransaction);
                        } else {
                            self.lock(Lock::AccessExclusive, &t);
                        }
                    }
                }
                ObjectType::ObjectView | ObjectType::ObjectMatview => {
                    let q = name(&parts, &self.resolver);
                    self.lock(Lock::AccessExclusive, &q);
                }
                ObjectType::ObjectSequence => {
                    let q = name(&parts, &self.resolver);
                    if self.old(&q) {
                        self.push(Hazard::DataLoss(Loss::Sequence(q)));
                    }
                }
                ObjectType::ObjectTrigger | ObjectType::ObjectPolicy | ObjectType::ObjectRule => {
                    let t = on_table(&parts, &self.resolver);
                    self.lock(Lock::AccessExclusive, &t);
                }
                ObjectType::Undefined
                | ObjectType::ObjectAccessMethod
                | ObjectType::ObjectAmop
                | ObjectType::ObjectAmproc
                | ObjectType::ObjectAttribute
                | ObjectType::ObjectCast
                | ObjectType::ObjectColumn
                | ObjectType::ObjectCollation
                | ObjectType::ObjectConversion
                | ObjectType::ObjectDatabase
                | ObjectType::ObjectDefault
                | ObjectType::ObjectDefacl
                | ObjectType::ObjectDomain
                | ObjectType::ObjectDomconstraint
                | ObjectType::ObjectEventTrigger
                | ObjectType::ObjectExtension
                | ObjectType::ObjectFdw
                | ObjectType::ObjectForeignServer
                | ObjectType::ObjectFunction
                | ObjectType::ObjectLanguage
                | ObjectType::ObjectLargeobject
                | ObjectType::ObjectOpclass
                | ObjectType::ObjectOperator
                | ObjectType::ObjectOpfamily
                | ObjectType::ObjectParameterAcl
                | ObjectType::ObjectPublication
                | ObjectType::ObjectPublicationNamespace
                | ObjectType::ObjectPublicationRel
                | ObjectType::ObjectRole
                | ObjectType::ObjectRoutine
                | ObjectType::ObjectProcedure
                | ObjectType::ObjectSchema
                | ObjectType::ObjectStatisticExt
                | ObjectType::ObjectSubscription
                | ObjectType::ObjectTabconstraint
                | ObjectType::ObjectTablespace
                | ObjectType::ObjectTransform
                | ObjectType::ObjectTsconfiguration
                | ObjectType::ObjectTsdictionary
                | ObjectType::ObjectTsparser
                | ObjectType::ObjectTstemplate
                | ObjectType::ObjectType
                | ObjectType::ObjectUserMapping
                | ObjectType::ObjectAggregate => {}
            }
        }
    }

    fn rename(&mut self, s: &protobuf::RenameStmt) {
        let kind = ObjectType::try_from(s.rename_type).unwrap_or(ObjectType::Undefined);
        let Some(rv) = &s.relation else { return };
        let q = self.relation(rv);
        // Renaming an index takes SHARE UPDATE EXCLUSIVE (PostgreSQL 12 and later); a
        // relation, or a part of a table, ACCESS EXCLUSIVE. Other kinds name no relation.
        if kind == ObjectType::ObjectIndex {
            let table = self.catalog().indexes.get(&q).map(|i| i.table.clone());
            if let Some(t) = table {
                self.lock(Lock::ShareUpdateExclusive, &t);
            }
        } else if matches!(
            kind,
            ObjectType::ObjectTable
                | ObjectType::ObjectForeignTable
                | ObjectType::ObjectView
                | ObjectType::ObjectMatview
                | ObjectType::ObjectSequence
        ) {
            self.lock(Lock::AccessExclusive, &q);
            if self.fresh.contains(&q) {
                self.created
                    .push(QualName::new(q.schema.clone(), s.newname.clone()));
            }
        } else if matches!(
            kind,
            ObjectType::ObjectColumn
                | ObjectType::ObjectTabconstraint
                | ObjectType::ObjectTrigger
                | ObjectType::ObjectPolicy
                | ObjectType::ObjectRule
        ) {
            self.lock(Lock::AccessExclusive, &q);
        }
    }

    /// `ALTER DOMAIN ... ADD CONSTRAINT` / `SET NOT NULL` / `VALIDATE CONSTRAINT`: every
    /// column of the domain is checked.
    fn alter_domain(&mut self, s: &protobuf::AlterDomainStmt) {
        let validates = match s.subtype.as_str() {
            "C" => match s.def.as_ref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::Constraint(c)) => !c.skip_validation,
                _ => false,
            },
            "O" | "V" => true,
            _ => false,
        };
        if !validates {
            return;
        }
        let domain = super::replay::type_qualname(&s.type_name, &self.resolver);
        let constraint = match s.def.as_ref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::Constraint(c)) if !c.conname.is_empty() => c.conname.clone(),
            _ if s.subtype == "O" => "NOT NULL".to_string(),
            _ => s.name.clone(),
        };
        let users: Vec<QualName> = self
            .catalog()
            .tables
            .iter()
            .filter(|(_, t)| {
                t.columns
                    .iter()
                    .any(|c| super::graph::type_name(&c.type_sql).as_ref() == Some(&domain))
            })
            .map(|(q, _)| q.clone())
            .filter(|q| self.holds_rows(q))
            .collect();
        for t in users {
            self.push(Hazard::Scan { table: t.clone() });
            self.push(Hazard::MayFail {
                table: t,
                reason: FailReason::Check {
                    constraint: format!("{constraint} of domain {}", domain.sql()),
                },
            });
        }
    }

    /// `ALTER TYPE ... DROP ATTRIBUTE` on a composite type that table columns store.
    fn alter_composite(&mut self, rv: &protobuf::RangeVar, cmds: &[&protobuf::AlterTableCmd]) {
        let ty = self.relation(rv);
        // In table columns of the type, or as the columns of its typed tables (CASCADE).
        let stored = self.catalog().tables.iter().any(|(q, t)| {
            self.holds_rows(q)
                && (t.of_type.as_ref() == Some(&ty)
                    || t.columns
                        .iter()
                        .any(|c| super::graph::type_name(&c.type_sql).as_ref() == Some(&ty)))
        });
        if !stored {
            return;
        }
        for c in cmds {
            if c.subtype == AlterTableType::AtDropColumn as i32 {
                self.push(Hazard::DataLoss(Loss::Attribute {
                    type_name: ty.clone(),
                    attribute: c.name.clone(),
                }));
            }
        }
    }
}

/// The lock an `ALTER TABLE` subcommand takes (PostgreSQL 15's `AlterTableGetLockLevel`); a
/// statement takes the strongest of its subcommands'.
fn table_cmd_lock(c: &protobuf::AlterTableCmd) -> Lock {
    use AlterTableType as T;
    let subtype = T::try_from(c.subtype).unwrap_or(T::Undefined);
    match subtype {
        T::AtSetStatistics
        | T::AtClusterOn
        | T::AtDropCluster
        | T::AtSetOptions
        | T::AtResetOptions
        | T::AtValidateConstraint
        | T::AtAttachPartition
        | T::AtDetachPartitionFinalize => Lock::ShareUpdateExclusive,
        T::AtDetachPartition => match c.def.as_ref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::PartitionCmd(p)) if p.concurrent => Lock::ShareUpdateExclusive,
            _ => Lock::AccessExclusive,
        },
        T::AtSetRelOptions | T::AtResetRelOptions => reloptions_lock(c),
        T::AtEnableTrig
        | T::AtEnableAlwaysTrig
        | T::AtEnableReplicaTrig
        | T::AtDisableTrig
        | T::AtEnableTrigAll
        | T::AtDisableTrigAll
        | T::AtEnableTrigUser
        | T::AtDisableTrigUser => Lock::ShareRowExclusive,
        T::AtAddConstraint | T::AtReAddConstraint | T::AtReAddDomainConstraint => {
            match c.def.as_ref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::Constraint(k)) if k.contype == ConstrType::ConstrForeign as i32 => {
                    Lock::ShareRowExclusive
                }
                _ => Lock::AccessExclusive,
            }
        }
        T::Undefined
        | T::AtAddColumn
        | T::AtAddColumnToView
        | T::AtColumnDefault
        | T::AtCookedColumnDefault
        | T::AtDropNotNull
        | T::AtSetNotNull
        | T::AtSetExpression
        | T::AtDropExpression
        | T::AtSetStorage
        | T::AtSetCompression
        | T::AtDropColumn
        | T::AtAddIndex
        | T::AtReAddIndex
        | T::AtAlterConstraint
        | T::AtAddIndexConstraint
        | T::AtDropConstraint
        | T::AtReAddComment
        | T::AtAlterColumnType
        | T::AtAlterColumnGenericOptions
        | T::AtChangeOwner
        | T::AtSetLogged
        | T::AtSetUnLogged
        | T::AtDropOids
        | T::AtSetAccessMethod
        | T::AtSetTableSpace
        | T::AtReplaceRelOptions
        | T::AtEnableRule
        | T::AtEnableAlwaysRule
        | T::AtEnableReplicaRule
        | T::AtDisableRule
        | T::AtAddInherit
        | T::AtDropInherit
        | T::AtAddOf
        | T::AtDropOf
        | T::AtReplicaIdentity
        | T::AtEnableRowSecurity
        | T::AtDisableRowSecurity
        | T::AtForceRowSecurity
        | T::AtNoForceRowSecurity
        | T::AtGenericOptions
        | T::AtAddIdentity
        | T::AtSetIdentity
        | T::AtDropIdentity
        | T::AtReAddStatistics => Lock::AccessExclusive,
    }
}

/// `SET (...)` / `RESET (...)` of storage parameters: SHARE UPDATE EXCLUSIVE for those that
/// only tune maintenance and planning (fillfactor, autovacuum, toast and parallel settings);
/// ACCESS EXCLUSIVE for the others.
fn reloptions_lock(c: &protobuf::AlterTableCmd) -> Lock {
    let names: Vec<String> = match c.def.as_ref().and_then(|d| d.node.as_ref()) {
        Some(NodeEnum::List(l)) => l
            .items
            .iter()
            .filter_map(|i| match &i.node {
                Some(NodeEnum::DefElem(d)) => Some(if d.defnamespace.is_empty() {
                    d.defname.clone()
                } else {
                    format!("{}.{}", d.defnamespace, d.defname)
                }),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let light = |n: &str| {
        let n = n.strip_prefix("toast.").unwrap_or(n);
        n.starts_with("autovacuum_")
            || n.starts_with("vacuum_")
            || matches!(
                n,
                "fillfactor"
                    | "toast_tuple_target"
                    | "parallel_workers"
                    | "log_autovacuum_min_duration"
                    | "user_catalog_table"
            )
    };
    if names.iter().all(|n| light(n)) {
        Lock::ShareUpdateExclusive
    } else {
        Lock::AccessExclusive
    }
}

/// Whether a default expression may give each row its own value (it calls a volatile
/// function, or one of the schema's own, whose volatility is not known here): adding a
/// column with it rewrites the table. A constant or stable default (`now()`) is stored once.
fn volatile(expr: &protobuf::Node) -> bool {
    let mut n = expr.clone();
    let mut found = false;
    super::expr::walk(&mut n, &mut |x| {
        if let NodeEnum::FuncCall(f) = x {
            let parts: Vec<String> = f.funcname.iter().filter_map(node_string).collect();
            found |= match parts.as_slice() {
                [name] | [_, name]
                    if super::builtin::is_function(name)
                        && parts
                            .first()
                            .is_none_or(|s| parts.len() == 1 || s == "pg_catalog") =>
                {
                    super::builtin::is_volatile_function(name)
                }
                _ => true,
            };
        }
    });
    found
}

/// Replays `stmts` onto `base` (as `replay_onto` does) and reads the hazards of each
/// statement against the catalog as it stands just before it.
pub fn assess(
    base: Catalog,
    stmts: &[Stmt],
    opts: super::ReplayOptions,
) -> (Catalog, Vec<crate::diag::Diag>, Vec<Vec<Hazard>>) {
    let mut a = Assessing::onto(base, opts);
    a.apply(stmts);
    a.finish()
}

/// A replay that reads hazards, fed statements a batch at a time (see `replay::Builder`).
pub struct Assessing {
    builder: super::Builder,
    assessor: Assessor,
}

impl Assessing {
    pub fn onto(base: Catalog, opts: super::ReplayOptions) -> Assessing {
        Assessing {
            builder: super::Builder::onto(base, opts),
            assessor: Assessor::default(),
        }
    }

    pub fn apply(&mut self, stmts: &[Stmt]) {
        let assessor = &mut self.assessor;
        self.builder
            .apply_inspecting(stmts, &mut |stmt, r| assessor.statement(stmt, r));
    }

    /// The catalog, the replay's diagnostics, and each statement's hazards in order.
    pub fn finish(self) -> (Catalog, Vec<crate::diag::Diag>, Vec<Vec<Hazard>>) {
        let (catalog, diags) = self.builder.finish();
        (catalog, diags, self.assessor.hazards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hazards of each statement of `migration` replayed onto the catalog of `from`,
    /// one line per statement: `kind kind ...` (empty when none).
    fn kinds(from: &str, migration: &str) -> Vec<String> {
        let base = crate::catalog_from_sql("from.sql", from).expect("FROM loads");
        let file = std::sync::Arc::new(crate::input::SourceFile::new(
            "m.sql",
            migration.to_string(),
        ));
        let (stmts, diags) = crate::syntax::parse_sources(&[file]);
        assert!(diags.is_empty(), "{diags:?}");
        let (_, problems, hazards) =
            assess(base, &stmts, crate::catalog::ReplayOptions { strict: true });
        assert!(problems.is_empty(), "{problems:?}");
        hazards
            .iter()
            .map(|h| h.iter().map(Hazard::kind).collect::<Vec<_>>().join(" "))
            .collect()
    }

    const FROM: &str =
        "CREATE TABLE t (id int PRIMARY KEY, name text, n numeric(10,2), v varchar(10));\n\
                        CREATE TABLE u (id int, t_id int);\n\
                        CREATE TYPE mood AS ENUM ('a');\n\
                        CREATE SEQUENCE s;";

    #[test]
    fn every_hazard_kind_is_read_off_its_statement() {
        let got = kinds(
            FROM,
            "ALTER TABLE t ADD COLUMN note text;\n\
             ALTER TABLE t ADD COLUMN k int NOT NULL;\n\
             ALTER TABLE t ADD COLUMN r float8 DEFAULT random();\n\
             ALTER TABLE t ALTER COLUMN v TYPE varchar(20);\n\
             ALTER TABLE t ALTER COLUMN n TYPE numeric(5,2);\n\
             ALTER TABLE t ALTER COLUMN name SET NOT NULL;\n\
             CREATE INDEX ON u (id);\n\
             CREATE INDEX CONCURRENTLY ON u (t_id);\n\
             ALTER TABLE u ADD CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES t NOT VALID;\n\
             ALTER TABLE u VALIDATE CONSTRAINT fk;\n\
             ALTER TABLE u DROP COLUMN id;\n\
             DROP SEQUENCE s;\n\
             ALTER TYPE mood ADD VALUE 'b';\n\
             CREATE TABLE w (m mood DEFAULT 'b');\n\
             ALTER TABLE w ADD COLUMN x int NOT NULL;\n\
             DROP TABLE u;",
        );
        let want = [
            "lock",                            // a nullable column, no default: catalog only
            "lock may-fail",                   // NOT NULL without a default
            "lock rewrite",                    // a volatile default
            "lock",                            // binary coercible
            "lock rewrite may-fail data-loss", // narrowing
            "lock scan may-fail",              // SET NOT NULL
            "lock index-build",                // CREATE INDEX: SHARE
            "lock index-build no-transaction", // CONCURRENTLY
            "lock lock",                       // NOT VALID: both tables locked, no scan
            "lock scan may-fail",              // VALIDATE (ROW SHARE on the referenced table)
            "lock data-loss",                  // DROP COLUMN
            "data-loss",                       // DROP SEQUENCE
            "needs-commit",                    // the label is used below
            "",                                // a new table risks nothing
            "",                                // ... nor does a column added to it
            "lock data-loss",                  // DROP TABLE
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn locks_name_their_level_and_what_they_block() {
        let base = crate::catalog_from_sql("from.sql", FROM).expect("FROM loads");
        let file = std::sync::Arc::new(crate::input::SourceFile::new(
            "m.sql",
            "CREATE INDEX ON t (name);\nALTER TABLE t SET (fillfactor = 70);".to_string(),
        ));
        let (stmts, _) = crate::syntax::parse_sources(&[file]);
        let (_, _, hazards) = assess(base, &stmts, crate::catalog::ReplayOptions { strict: true });
        let text: Vec<Vec<String>> = hazards
            .iter()
            .map(|h| h.iter().map(|x| x.to_string()).collect())
            .collect();
        assert_eq!(text[0][0], "SHARE on public.t (blocks writes until commit)");
        assert_eq!(text[1], vec!["SHARE UPDATE EXCLUSIVE on public.t (blocks other schema changes and VACUUM until commit)"]);
    }
}
