//! The catalog model: plain values in ordered maps, compared with `==`. Every object records
//! `pos`, the index of the statement that created it (pg_dump's dependency-safe order).

use std::collections::{BTreeMap, BTreeSet};

use super::acl::{Acl, AclKind};

/// Index of a statement in the replayed input (all files, in order).
pub type Pos = usize;

/// A schema-qualified name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualName {
    pub schema: String,
    pub name: String,
}

impl QualName {
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> QualName {
        QualName {
            schema: schema.into(),
            name: name.into(),
        }
    }

    /// `schema.name` quoted for SQL.
    pub fn sql(&self) -> String {
        crate::emit::quote::qualified(&self.schema, &self.name)
    }
}

/// The whole schema as PostgreSQL would hold it after replaying the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    pub schemas: BTreeMap<String, Schema>,
    pub extensions: BTreeMap<String, Extension>,
    pub tables: BTreeMap<QualName, Table>,
    pub sequences: BTreeMap<QualName, Sequence>,
    pub indexes: BTreeMap<QualName, Index>,
    /// Every other object kind, kept as its canonical definition.
    pub objects: BTreeMap<ObjKey, Object>,
    /// `COMMENT ON <target> IS ...`, keyed by the canonical target (`TABLE public.t`).
    pub comments: BTreeMap<String, Comment>,
    /// `SECURITY LABEL [FOR provider] ON <target> IS ...`, by canonical target (as comments
    /// are), then by provider (`None`: written without `FOR`, the one provider the server
    /// has loaded). The label is the `Comment`'s text.
    pub security_labels: BTreeMap<String, BTreeMap<Option<String>, Comment>>,
    /// `ALTER DEFAULT PRIVILEGES` entries (`pg_default_acl`); never equal to their default.
    pub default_acls: BTreeMap<DefaultAclKey, Acl>,
    /// Provenance: the last statement that changed an object after the one that created it
    /// (an `ALTER`, a `CREATE OR REPLACE`, a rename), by graph node. An entry is stale when
    /// it is not after the object's own `pos` (the object was dropped and created again).
    pub shaped: BTreeMap<super::graph::Node, Pos>,
    /// Provenance: where each replayed statement came from (file and line).
    pub sources: Sources,
}

/// Where a statement came from: a file (as named on the command line) and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// The file and line of each replayed statement, by position (`Pos`): provenance, never
/// compared.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sources {
    files: Vec<String>,
    /// Position, index into `files`, line; in ascending position.
    at: Vec<(Pos, u32, u32)>,
}

/// The files only (`--dump-catalog` would otherwise print every statement's line).
impl std::fmt::Debug for Sources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sources")
            .field("files", &self.files)
            .field("statements", &self.at.len())
            .finish()
    }
}

impl Sources {
    /// Records that the statement at `pos` starts at `line` of `file`.
    pub fn record(&mut self, pos: Pos, file: &str, line: usize) {
        let f = match self.files.iter().rposition(|n| n == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        };
        self.at.push((
            pos,
            u32::try_from(f).unwrap_or(u32::MAX),
            u32::try_from(line).unwrap_or(u32::MAX),
        ));
    }

    /// The position of the last statement recorded (0 when none is).
    pub fn last_pos(&self) -> Pos {
        self.at.last().map_or(0, |a| a.0)
    }

    /// Where the statement at `pos` came from, if a replayed statement has that position.
    pub fn location(&self, pos: Pos) -> Option<Location> {
        let i = self.at.binary_search_by_key(&pos, |a| a.0).ok()?;
        let (_, f, line) = *self.at.get(i)?;
        Some(Location {
            file: self.files.get(f as usize)?.clone(),
            line: line as usize,
        })
    }
}

/// Who owns an object and who may use it.
///
/// The owner is `None` when no statement named it: the object belongs to the role that ran
/// the script. See `diff/privileges.rs` for how an unknown owner compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Access {
    pub owner: Option<String>,
    /// `None` while the ACL is its kind's default (see `acl::AclKind::default_acl`).
    pub acl: Option<Acl>,
    /// Column privileges by column name (relations only); no empty ACLs.
    pub columns: BTreeMap<String, Acl>,
    /// ACLs of the identity sequences of a table, by column name; only those that differ
    /// from a sequence's default.
    pub identity_sequences: BTreeMap<String, Acl>,
}

impl Access {
    /// A new object's access: its creator owns it; `acl` comes from default privileges.
    pub fn new(owner: Option<String>, acl: Option<Acl>) -> Access {
        Access {
            owner,
            acl,
            columns: BTreeMap::new(),
            identity_sequences: BTreeMap::new(),
        }
    }

    /// Whether this access (say, of FROM after the migration) is what `want` (TO's) asks
    /// for, as `--with-privileges` compares them: an owner `want` does not state may be
    /// anyone; ACLs are compared as sets of aclitems relative to the owner. (ACLs equal to
    /// their kind's default are always stored as `None`, so plain equality holds.)
    pub fn satisfies(&self, want: &Access) -> bool {
        let Access {
            owner,
            acl,
            columns,
            identity_sequences,
        } = want;
        (owner.is_none() || self.owner == *owner)
            && self.acl == *acl
            && self.columns == *columns
            && self.identity_sequences == *identity_sequences
    }
}

/// The object kinds `ALTER DEFAULT PRIVILEGES` applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DefaultAclKind {
    /// Tables, views, materialized views, foreign tables.
    Tables,
    Sequences,
    /// Functions, procedures, aggregates (`FUNCTIONS` and `ROUTINES` alike).
    Functions,
    /// Types and domains.
    Types,
    Schemas,
}

impl DefaultAclKind {
    pub fn acl_kind(self) -> AclKind {
        match self {
            DefaultAclKind::Tables => AclKind::Relation,
            DefaultAclKind::Sequences => AclKind::Sequence,
            DefaultAclKind::Functions => AclKind::Function,
            DefaultAclKind::Types => AclKind::Type,
            DefaultAclKind::Schemas => AclKind::Schema,
        }
    }

    /// The keyword after `ON` in `ALTER DEFAULT PRIVILEGES ... GRANT ... ON`.
    pub fn sql_keyword(self) -> &'static str {
        match self {
            DefaultAclKind::Tables => "TABLES",
            DefaultAclKind::Sequences => "SEQUENCES",
            DefaultAclKind::Functions => "FUNCTIONS",
            DefaultAclKind::Types => "TYPES",
            DefaultAclKind::Schemas => "SCHEMAS",
        }
    }
}

/// One `pg_default_acl` entry: the privileges objects of `kind` get when `role` creates them
/// (in `schema`, or anywhere for the global entry). The ACL is relative to `role`, the
/// owner-to-be. A global entry replaces the kind's default; a per-schema entry adds to it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DefaultAclKey {
    /// `None`: the role that ran the script (no `FOR ROLE`).
    pub role: Option<String>,
    pub schema: Option<String>,
    pub kind: DefaultAclKind,
}

impl Catalog {
    /// The ACL an object of `kind` gets when `role` creates it in `schema`
    /// (`get_user_default_acl`): the global entry (or the kind's default) plus the schema's.
    pub fn default_privileges(
        &self,
        role: Option<&str>,
        schema: Option<&str>,
        kind: DefaultAclKind,
    ) -> Acl {
        let key = |schema: Option<&str>| DefaultAclKey {
            role: role.map(str::to_string),
            schema: schema.map(str::to_string),
            kind,
        };
        let mut acl = self
            .default_acls
            .get(&key(None))
            .cloned()
            .unwrap_or_else(|| kind.acl_kind().default_acl());
        if let Some(per_schema) = schema.and_then(|s| self.default_acls.get(&key(Some(s)))) {
            acl.merge(per_schema);
        }
        acl
    }

    /// Extension `name` as `CREATE EXTENSION` makes it: with the comment its control file
    /// gives it.
    pub fn create_extension(&mut self, name: &str, e: Extension) {
        let pos = e.pos;
        self.extensions.insert(name.to_string(), e);
        if let Some(text) = super::contrib::comment(name) {
            self.comments.insert(
                format!("EXTENSION {}", crate::emit::quote::ident(name)),
                Comment {
                    text: text.to_string(),
                    pos,
                },
            );
        }
    }
}

/// What is said about an object, its comment and its security labels, is keyed by the
/// object's canonical target (`TABLE public.t`); these keep both with the object, as the
/// server keeps them by OID.
impl Catalog {
    /// The partitions of table `q`, at every level, in name order.
    pub fn partitions_under(&self, q: &QualName) -> Vec<QualName> {
        let mut out = Vec::new();
        let mut todo = vec![q.clone()];
        while let Some(p) = todo.pop() {
            for (c, t) in &self.tables {
                if t.partition_of
                    .as_ref()
                    .is_some_and(|(parent, _)| *parent == p)
                {
                    out.push(c.clone());
                    todo.push(c.clone());
                }
            }
        }
        out.sort();
        out
    }

    /// Forgets what is said about `target`: the object is gone.
    pub fn forget_notes(&mut self, target: &str) {
        self.comments.remove(target);
        self.security_labels.remove(target);
    }

    /// Forgets what is said about every target that starts with `prefix` (the columns of a
    /// relation that is gone).
    pub fn forget_notes_under(&mut self, prefix: &str) {
        let under = |k: &String| k.starts_with(prefix);
        let comments: Vec<String> = self
            .comments
            .range(prefix.to_string()..)
            .map(|(k, _)| k)
            .take_while(|k| under(k))
            .cloned()
            .collect();
        let labels: Vec<String> = self
            .security_labels
            .range(prefix.to_string()..)
            .map(|(k, _)| k)
            .take_while(|k| under(k))
            .cloned()
            .collect();
        for k in comments.iter().chain(&labels) {
            self.forget_notes(k);
        }
    }

    /// Keeps what is said about the targets `keep` accepts only.
    pub fn retain_notes(&mut self, keep: impl Fn(&str) -> bool) {
        self.comments.retain(|k, _| keep(k));
        self.security_labels.retain(|k, _| keep(k));
    }

    /// What was said about `old` is said about `new`: the object was renamed.
    pub fn move_notes(&mut self, old: &str, new: &str) {
        if let Some(c) = self.comments.remove(old) {
            self.comments.insert(new.to_string(), c);
        }
        if let Some(l) = self.security_labels.remove(old) {
            self.security_labels.insert(new.to_string(), l);
        }
    }

    /// Every target reads as `f` rewrites it (as objects they name are renamed).
    pub fn retarget_notes(&mut self, f: impl Fn(&str) -> String) {
        let comments = std::mem::take(&mut self.comments);
        self.comments = comments.into_iter().map(|(k, v)| (f(&k), v)).collect();
        let labels = std::mem::take(&mut self.security_labels);
        self.security_labels = labels.into_iter().map(|(k, v)| (f(&k), v)).collect();
    }
}

impl Catalog {
    /// How many of `table`'s parents hand it column `column` (`attinhcount`): the server
    /// counts one per parent that has it, and the count is nothing else, so it is derived
    /// here rather than stored. A column whose count is not 0 cannot be dropped or retyped
    /// on the table alone.
    pub fn inhcount(&self, table: &QualName, column: &str) -> usize {
        self.tables.get(table).map_or(0, |t| {
            t.parents()
                .filter(|p| {
                    self.tables
                        .get(*p)
                        .is_some_and(|pt| pt.column(column).is_some())
                })
                .count()
        })
    }

    /// Whether `t` is `ancestor` or inherits from it, as a child or a partition, at any
    /// depth: what makes a new inheritance link circular.
    pub fn descends_from(&self, t: &QualName, ancestor: &QualName) -> bool {
        let mut seen: BTreeSet<&QualName> = BTreeSet::new();
        let mut todo = vec![t];
        while let Some(q) = todo.pop() {
            if q == ancestor {
                return true;
            }
            if !seen.insert(q) {
                continue;
            }
            if let Some(table) = self.tables.get(q) {
                todo.extend(&table.inherits);
                todo.extend(table.partition_of.as_ref().map(|(p, _)| p));
            }
        }
        false
    }

    /// The largest position any object, default or comment records.
    pub fn max_pos(&self) -> Pos {
        let tables = self.tables.values().flat_map(|t| {
            let cols = t.columns.iter().flat_map(|c| {
                c.default
                    .as_ref()
                    .map(|d| d.1)
                    .into_iter()
                    .chain(c.identity.as_ref().map(|i| i.pos))
            });
            std::iter::once(t.pos)
                .chain(t.constraints.values().map(|c| c.pos))
                .chain(cols)
        });
        self.schemas
            .values()
            .map(|s| s.pos)
            .chain(self.extensions.values().map(|e| e.pos))
            .chain(tables)
            .chain(self.sequences.values().map(|s| s.pos))
            .chain(self.indexes.values().map(|i| i.pos))
            .chain(self.objects.values().map(|o| o.pos))
            .chain(self.comments.values().map(|c| c.pos))
            .chain(
                self.security_labels
                    .values()
                    .flat_map(|l| l.values().map(|c| c.pos)),
            )
            .max()
            .unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schema {
    pub access: Access,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extension {
    pub schema: Option<String>,
    pub version: Option<String>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub pos: Pos,
}

/// Row-level security and other per-table flags that are one ALTER each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Named constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, EXCLUDE).
    pub constraints: BTreeMap<String, Constraint>,
    pub unlogged: bool,
    /// `WITH (...)` storage parameters, canonical `key=value` text, in stored order (SET
    /// replaces keys it names and appends new ones, as the server does).
    pub options: Vec<String>,
    pub rls_enabled: bool,
    pub rls_forced: bool,
    /// `REPLICA IDENTITY`: `DEFAULT`, `FULL`, `NOTHING` or `USING INDEX name`.
    pub replica_identity: String,
    pub cluster_on: Option<String>,
    /// `PARTITION BY ...` clause text.
    pub partition_by: Option<String>,
    /// The partition key's elements: the column each names, `None` for an expression.
    pub partition_key: Vec<Option<String>>,
    /// What the partition key's expressions read (functions, types, collations): derived
    /// from `partition_by`; the server refuses to drop them under the table.
    pub partition_deps: Vec<QualName>,
    /// Parent and `FOR VALUES ...` / `DEFAULT` bound text, for partitions.
    pub partition_of: Option<(QualName, String)>,
    pub inherits: Vec<QualName>,
    /// `OF type`: a typed table, whose columns are the composite type's attributes (they
    /// change with it: `ALTER TYPE ... CASCADE`).
    pub of_type: Option<QualName>,
    pub access_method: Option<String>,
    /// For a foreign table: its server and options.
    pub foreign: Option<ForeignTable>,
    /// For a partition: the enabled state of the triggers it holds as clones of its parent's
    /// (see `catalog::triggers`), by name, where it differs from the parent's; a clone not
    /// named here has its parent's state. What pg_dump prints as `ALTER TABLE ... TRIGGER`.
    pub trigger_states: BTreeMap<String, super::triggers::TriggerState>,
    pub access: Access,
    pub pos: Pos,
}

/// What makes a table foreign: the server it reads through and its `OPTIONS (...)`.
/// Options are a map: the server keeps them in the order set, but nothing reads that order
/// (pg_dump prints them sorted by name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ForeignTable {
    pub server: String,
    pub options: BTreeMap<String, String>,
}

impl Table {
    /// The tables it inherits from: its `INHERITS` parents, in order, and the table it is a
    /// partition of.
    pub fn parents(&self) -> impl Iterator<Item = &QualName> {
        self.inherits
            .iter()
            .chain(self.partition_of.as_ref().map(|(p, _)| p))
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| c.name == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// Canonical type text, e.g. `character varying(20)`, `public.mood[]`.
    pub type_sql: String,
    pub collation: Option<String>,
    pub not_null: bool,
    /// Canonical default expression, with the statement that set it.
    pub default: Option<(String, Pos)>,
    /// Sequences, functions and types the default refers to.
    pub default_deps: Vec<QualName>,
    pub identity: Option<Identity>,
    /// `GENERATED ALWAYS AS (expr) STORED` expression.
    pub generated: Option<String>,
    /// Functions and types the generation expression refers to.
    pub generated_deps: Vec<QualName>,
    /// The table's columns the generation expression reads (the server refuses to change
    /// their type under it).
    pub generated_reads: Vec<String>,
    pub statistics: Option<i32>,
    pub storage: Option<String>,
    pub compression: Option<String>,
    /// Inherited from a parent (partition or INHERITS) and not locally defined: the
    /// server's `NOT attislocal`. How many parents hand it down (`attinhcount`) is
    /// `Catalog::inhcount`; a column that is not local always has at least one. pg_dump
    /// prints a column of an inheritance child in its CREATE TABLE only when it is local.
    pub inherited: bool,
    /// A foreign table column's `OPTIONS (...)`.
    pub fdw_options: BTreeMap<String, String>,
    /// Attribute options, `ALTER COLUMN c SET (n_distinct = ...)`, by name, values as stored.
    pub options: BTreeMap<String, String>,
}

impl Column {
    pub fn new(name: impl Into<String>, type_sql: impl Into<String>) -> Column {
        Column {
            name: name.into(),
            type_sql: type_sql.into(),
            collation: None,
            not_null: false,
            default: None,
            default_deps: Vec::new(),
            identity: None,
            generated: None,
            generated_deps: Vec::new(),
            generated_reads: Vec::new(),
            statistics: None,
            storage: None,
            compression: None,
            inherited: false,
            fdw_options: BTreeMap::new(),
            options: BTreeMap::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// `ALWAYS` or `BY DEFAULT`.
    pub kind: String,
    /// The identity sequence's options.
    pub sequence: QualName,
    pub options: SeqOptions,
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConstraintKind {
    PrimaryKey,
    Unique,
    Check,
    Exclude,
    ForeignKey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constraint {
    pub kind: ConstraintKind,
    /// Canonical definition after `ADD CONSTRAINT name `, e.g. `PRIMARY KEY (id)`.
    pub def: String,
    /// Columns it covers (keys of PK / UNIQUE / FK; every column for CHECK is not tracked).
    pub columns: Vec<String>,
    /// The referenced table, for foreign keys.
    pub references: Option<QualName>,
    /// Inherited from a parent rather than local: an inheritance child's CHECK (named as
    /// the parent's), or a partition's copy of its parent's constraint (see `parent`). The
    /// server refuses to drop it on its own; it goes with the parent's.
    pub inherited: bool,
    /// For a partition's constraint: the name, in the partitioned parent, of the constraint
    /// it is attached to (`conparentid`; a key is attached through its index).
    pub parent: Option<String>,
    /// Relations, functions and types its expression or reference names.
    pub deps: Vec<QualName>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    pub table: QualName,
    /// Canonical `CREATE INDEX` statement (with qualified table name, without CONCURRENTLY).
    pub def: String,
    /// Columns and expressions it reads (column names only), to rebuild it when they change.
    pub columns: Vec<String>,
    /// The partitioned-index parent this index is attached to.
    pub attached_to: Option<QualName>,
    /// Derived: the definition without its name and table (`UNIQUE USING btree (a)`), what
    /// the server compares to find a partition's index that matches its parent's.
    pub shape: String,
    /// Functions, types and collations its expressions and predicate name.
    pub deps: Vec<QualName>,
    /// Extensions it goes with (`ALTER INDEX ... DEPENDS ON EXTENSION`), sorted.
    pub extensions: Vec<String>,
    /// Statistics targets of its expression columns (`ALTER INDEX ... ALTER COLUMN n SET
    /// STATISTICS k`), by column number (from 1); a column at the default (-1) is absent.
    pub statistics: BTreeMap<u32, i32>,
    /// Derived: what each of its columns is, in order (key columns, then INCLUDE ones): the
    /// server lets the statistics target of its expression columns alone change.
    pub column_kinds: Vec<IndexColumnKind>,
    pub pos: Pos,
}

/// What a column of an index is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexColumnKind {
    /// A key column that is a table column.
    Plain,
    /// A key column that is an expression.
    Expression,
    /// An `INCLUDE` column.
    Included,
}

/// Sequence parameters; `None` means PostgreSQL's default for the data type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeqOptions {
    pub data_type: Option<String>,
    pub increment: Option<i64>,
    pub min_value: Option<i64>,
    pub max_value: Option<i64>,
    pub start: Option<i64>,
    pub cache: Option<i64>,
    pub cycle: bool,
}

impl SeqOptions {
    /// Options with PostgreSQL's defaults made explicit, so `NO MINVALUE` == `MINVALUE 1`.
    pub fn resolved(&self) -> ResolvedSeq {
        let data_type = self
            .data_type
            .clone()
            .unwrap_or_else(|| "bigint".to_string());
        let increment = self.increment.unwrap_or(1);
        let type_max = match data_type.as_str() {
            "smallint" => i16::MAX as i64,
            "integer" => i32::MAX as i64,
            _ => i64::MAX,
        };
        let type_min = -type_max - 1;
        let (dmin, dmax) = if increment > 0 {
            (1, type_max)
        } else {
            (type_min, -1)
        };
        let min_value = self.min_value.unwrap_or(dmin);
        let max_value = self.max_value.unwrap_or(dmax);
        let start = self
            .start
            .unwrap_or(if increment > 0 { min_value } else { max_value });
        ResolvedSeq {
            data_type,
            increment,
            min_value,
            max_value,
            start,
            cache: self.cache.unwrap_or(1),
            cycle: self.cycle,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedSeq {
    pub data_type: String,
    pub increment: i64,
    pub min_value: i64,
    pub max_value: i64,
    pub start: i64,
    pub cache: i64,
    pub cycle: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sequence {
    pub options: SeqOptions,
    /// `OWNED BY table.column`.
    pub owned_by: Option<(QualName, String)>,
    /// `UNLOGGED` (PostgreSQL 15): written on CREATE, taken from the table for a `serial`
    /// column's sequence, and set with the table by `ALTER TABLE ... SET [UN]LOGGED` on
    /// every sequence the table owns.
    pub unlogged: bool,
    pub access: Access,
    pub pos: Pos,
}

/// Object kinds kept as canonical definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjKind {
    Type,
    Domain,
    Function,
    Procedure,
    Aggregate,
    View,
    MaterializedView,
    Trigger,
    EventTrigger,
    Rule,
    Policy,
    Collation,
    Statistics,
    Publication,
    ForeignDataWrapper,
    Server,
    UserMapping,
    TextSearchConfiguration,
    TextSearchDictionary,
    TextSearchParser,
    TextSearchTemplate,
    Operator,
    OperatorClass,
    OperatorFamily,
    Cast,
    Language,
    Conversion,
    AccessMethod,
    Transform,
    Subscription,
}

impl ObjKind {
    /// The keyword used in `DROP <kind>` / `COMMENT ON <kind>`.
    pub fn sql_keyword(self) -> &'static str {
        match self {
            ObjKind::Type => "TYPE",
            ObjKind::Domain => "DOMAIN",
            ObjKind::Function => "FUNCTION",
            ObjKind::Procedure => "PROCEDURE",
            ObjKind::Aggregate => "AGGREGATE",
            ObjKind::View => "VIEW",
            ObjKind::MaterializedView => "MATERIALIZED VIEW",
            ObjKind::Trigger => "TRIGGER",
            ObjKind::EventTrigger => "EVENT TRIGGER",
            ObjKind::Rule => "RULE",
            ObjKind::Policy => "POLICY",
            ObjKind::Collation => "COLLATION",
            ObjKind::Statistics => "STATISTICS",
            ObjKind::Publication => "PUBLICATION",
            ObjKind::Subscription => "SUBSCRIPTION",
            ObjKind::ForeignDataWrapper => "FOREIGN DATA WRAPPER",
            ObjKind::Server => "SERVER",
            ObjKind::UserMapping => "USER MAPPING",
            ObjKind::TextSearchConfiguration => "TEXT SEARCH CONFIGURATION",
            ObjKind::TextSearchDictionary => "TEXT SEARCH DICTIONARY",
            ObjKind::TextSearchParser => "TEXT SEARCH PARSER",
            ObjKind::TextSearchTemplate => "TEXT SEARCH TEMPLATE",
            ObjKind::Operator => "OPERATOR",
            ObjKind::OperatorClass => "OPERATOR CLASS",
            ObjKind::OperatorFamily => "OPERATOR FAMILY",
            ObjKind::Cast => "CAST",
            ObjKind::Language => "LANGUAGE",
            ObjKind::Conversion => "CONVERSION",
            ObjKind::AccessMethod => "ACCESS METHOD",
            ObjKind::Transform => "TRANSFORM",
        }
    }
}

impl ObjKind {
    /// The kind of ACL objects of this kind carry, if any.
    pub fn acl_kind(self) -> Option<AclKind> {
        match self {
            ObjKind::Type | ObjKind::Domain => Some(AclKind::Type),
            ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => Some(AclKind::Function),
            ObjKind::View | ObjKind::MaterializedView => Some(AclKind::Relation),
            ObjKind::Language => Some(AclKind::Language),
            ObjKind::ForeignDataWrapper => Some(AclKind::ForeignDataWrapper),
            ObjKind::Server => Some(AclKind::ForeignServer),
            ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::UserMapping
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Operator
            | ObjKind::OperatorClass
            | ObjKind::OperatorFamily
            | ObjKind::Cast
            | ObjKind::Conversion
            | ObjKind::AccessMethod
            | ObjKind::Transform => None,
        }
    }

    /// Which `ALTER DEFAULT PRIVILEGES` entries apply to new objects of this kind.
    pub fn default_acl_kind(self) -> Option<DefaultAclKind> {
        match self {
            ObjKind::Type | ObjKind::Domain => Some(DefaultAclKind::Types),
            ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => {
                Some(DefaultAclKind::Functions)
            }
            ObjKind::View | ObjKind::MaterializedView => Some(DefaultAclKind::Tables),
            ObjKind::Language
            | ObjKind::ForeignDataWrapper
            | ObjKind::Server
            | ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::UserMapping
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Operator
            | ObjKind::OperatorClass
            | ObjKind::OperatorFamily
            | ObjKind::Cast
            | ObjKind::Conversion
            | ObjKind::AccessMethod
            | ObjKind::Transform => None,
        }
    }

    /// Whether objects of this kind have an owner (`ALTER ... OWNER TO`).
    pub fn has_owner(self) -> bool {
        match self {
            ObjKind::Type
            | ObjKind::Domain
            | ObjKind::Function
            | ObjKind::Procedure
            | ObjKind::Aggregate
            | ObjKind::View
            | ObjKind::MaterializedView
            | ObjKind::EventTrigger
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::ForeignDataWrapper
            | ObjKind::Server
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::Operator
            | ObjKind::OperatorClass
            | ObjKind::OperatorFamily
            | ObjKind::Language
            | ObjKind::Conversion => true,
            ObjKind::Trigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::UserMapping
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Cast
            | ObjKind::AccessMethod
            | ObjKind::Transform => false,
        }
    }
}

/// Identity of a generic object: kind, schema, name, and a sub-part (a function's argument
/// types, or the table a trigger / policy / rule belongs to).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjKey {
    pub kind: ObjKind,
    pub schema: String,
    pub name: String,
    pub sub: String,
}

impl ObjKey {
    /// The key of an object of `kind` named `q`, with no sub-part (types, domains, views,
    /// collations and the other kinds named by schema and name alone).
    pub fn named(kind: ObjKind, q: &QualName) -> ObjKey {
        ObjKey {
            kind,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        }
    }
}

/// A generic object: its canonical CREATE statement and what it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object {
    /// Canonical CREATE statement(s), ready to run.
    pub create: String,
    /// The target used by DROP and COMMENT ON, e.g. `FUNCTION public.f(integer)`,
    /// `TRIGGER t ON public.x`.
    pub target: String,
    /// Extra statements that follow the CREATE (e.g. `ALTER TABLE ... ENABLE ALWAYS TRIGGER`).
    pub after: Vec<String>,
    /// Relations, types and functions it refers to (qualified names, for ordering/rebuilds).
    pub deps: Vec<QualName>,
    /// Names read by a function body that the server does not track (plain SQL and PL/pgSQL
    /// bodies): they order creation, but never force a rebuild.
    pub soft_deps: Vec<QualName>,
    /// The table it belongs to (triggers, policies, rules).
    pub table: Option<QualName>,
    /// For a trigger, whether it fires for each row (the kind partitions clone); derived
    /// from `create`.
    pub row_trigger: bool,
    /// Enum labels, in order (empty for other kinds).
    pub labels: Vec<String>,
    /// For functions and procedures, what CREATE OR REPLACE cannot change.
    pub routine: Option<Routine>,
    /// For composite types, the attributes in order.
    pub attributes: Option<Vec<Attribute>>,
    /// For domains, what ALTER DOMAIN can change.
    pub domain: Option<Domain>,
    /// For views, column defaults (`ALTER VIEW ... ALTER COLUMN ... SET DEFAULT`).
    pub column_defaults: BTreeMap<String, String>,
    /// For materialized views, the index `CLUSTER ON` marks (as `Table::cluster_on`).
    pub cluster_on: Option<String>,
    /// For views, pg_dump's placeholder (`CREATE VIEW v AS SELECT NULL::type AS column,
    /// ...`), canonical, where the input created the view so before giving it its query
    /// (pg_dump does where the view is in a dependency cycle, with a function say): the
    /// output columns' types, which are not known offline otherwise. It lets the plan break
    /// such a cycle as pg_dump does. Provenance, not compared; kept by a CREATE OR REPLACE
    /// with the same column names. For base types, the shell (`CREATE TYPE t`) their input
    /// and output functions name before the type is defined.
    pub placeholder: Option<String>,
    /// For operator classes declared `DEFAULT FOR TYPE`: that type, canonical and without
    /// modifiers (`types::signature_type_sql`). An index column of the type that names no operator
    /// class of its own uses it, for the access method the class is for (the key's `sub`).
    /// Derived from the definition, not compared.
    pub default_for: Option<String>,
    /// Extensions it goes with (`ALTER ... DEPENDS ON EXTENSION`; functions, procedures,
    /// triggers, materialized views), sorted.
    pub extensions: Vec<String>,
    /// For enums, the label renames (`old`, `new`) the input's own history performed on
    /// this type, in order: provenance, not meaning (two catalogs that differ only here mean
    /// the same schema). It lets the diff rename a label where the input makes the rename
    /// certain (see `diff/label_renames.rs`).
    pub label_renames: Vec<(String, String)>,
    /// Owner and privileges (kinds without an owner keep the default: no owner, no ACL).
    pub access: Access,
    pub pos: Pos,
}

/// An attribute of a composite type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
    /// Canonical type text, as a column's.
    pub type_sql: String,
    pub collation: Option<String>,
}

impl Attribute {
    /// Its type as written in `CREATE TYPE` / `ADD ATTRIBUTE`, with its `COLLATE`.
    pub fn type_with_collation(&self) -> String {
        match &self.collation {
            Some(c) => format!("{} COLLATE {c}", self.type_sql),
            None => self.type_sql.clone(),
        }
    }

    /// The column a typed table has for it: its name, type and collation, nothing else.
    pub fn column(&self) -> Column {
        let mut c = Column::new(self.name.clone(), self.type_sql.clone());
        c.collation = self.collation.clone();
        c
    }
}

/// A domain: its base type is fixed; the rest is one ALTER DOMAIN each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    /// Canonical base type with its `COLLATE`.
    pub base: String,
    pub default: Option<String>,
    pub not_null: bool,
    /// Named CHECK constraints: name -> `CHECK (...)` (with `NOT VALID` when not validated).
    pub checks: BTreeMap<String, String>,
    /// What the default reads, and each check (by name): derived from them, so that the
    /// object's dependencies follow an `ALTER DOMAIN`.
    pub default_reads: Vec<QualName>,
    pub check_reads: BTreeMap<String, Vec<QualName>>,
}

impl Domain {
    /// The canonical CREATE DOMAIN statement (constraints by name, as pg_dump prints them).
    pub fn create_sql(&self, q: &QualName) -> String {
        let mut s = format!("CREATE DOMAIN {} AS {}", q.sql(), self.base);
        if let Some(d) = &self.default {
            s.push_str(&format!(" DEFAULT {d}"));
        }
        if self.not_null {
            s.push_str(" NOT NULL");
        }
        // NOT VALID is only accepted by ALTER DOMAIN ... ADD CONSTRAINT: see `after_sql`.
        for (name, check) in self
            .checks
            .iter()
            .filter(|(_, c)| !c.ends_with(" NOT VALID"))
        {
            s.push_str(&format!(
                " CONSTRAINT {} {check}",
                crate::emit::quote::ident(name)
            ));
        }
        s
    }

    /// The checks not yet validated, as the follow-up statements that add them (pg_dump
    /// prints them so too).
    pub fn after_sql(&self, q: &QualName) -> Vec<String> {
        self.checks
            .iter()
            .filter(|(_, c)| c.ends_with(" NOT VALID"))
            .map(|(name, check)| {
                format!(
                    "ALTER DOMAIN {} ADD CONSTRAINT {} {check}",
                    q.sql(),
                    crate::emit::quote::ident(name)
                )
            })
            .collect()
    }
}

/// The parts of a function's signature that CREATE OR REPLACE may not change: the result
/// (return type, OUT / TABLE columns) and input parameter names; nor may it remove defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    pub result: String,
    pub input_names: Vec<String>,
    pub defaults: usize,
    /// A SQL-standard body (`BEGIN ATOMIC` / `RETURN`): the server tracks what it reads,
    /// down to columns.
    pub atomic: bool,
}

impl Routine {
    /// Whether `new` can replace `self` in place.
    pub fn replaceable_by(&self, new: &Routine) -> bool {
        self.result == new.result
            && self.input_names == new.input_names
            && new.defaults >= self.defaults
    }
}

impl Object {
    /// Whether it is an enum type (its canonical text is `CREATE TYPE x AS ENUM (...)`).
    pub fn is_enum(&self) -> bool {
        self.create.starts_with("CREATE TYPE ") && self.create.contains(" AS ENUM (")
    }

    /// Whether it is a range type (`CREATE TYPE x AS RANGE (...)`).
    pub fn is_range(&self) -> bool {
        self.create.starts_with("CREATE TYPE ") && self.create.contains(" AS RANGE (")
    }

    /// The multirange type a range type comes with: its canonical text always names it
    /// (`multirange_type_name = schema.name`, the server's choice when the input left it out).
    pub fn multirange(&self) -> Option<QualName> {
        if !self.is_range() {
            return None;
        }
        let rest = &self.create
            [self.create.find("multirange_type_name = ")? + "multirange_type_name = ".len()..];
        let mut quoted = false;
        let end = rest.char_indices().find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            !quoted && (c == ',' || c == ')')
        })?;
        super::expr::parse_qualified(&rest[..end.0])
    }
}

impl Catalog {
    /// The objects of one kind, in key order: a range of the map (the kind leads the key),
    /// never a scan of every object.
    pub fn objects_of(&self, kind: ObjKind) -> impl Iterator<Item = (&ObjKey, &Object)> {
        let first = ObjKey {
            kind,
            schema: String::new(),
            name: String::new(),
            sub: String::new(),
        };
        self.objects
            .range(first..)
            .take_while(move |(k, _)| k.kind == kind)
    }

    /// The range type whose multirange type is `q`.
    pub fn range_of_multirange(&self, q: &QualName) -> Option<&ObjKey> {
        self.objects_of(ObjKind::Type)
            .find(|(_, o)| o.multirange().as_ref() == Some(q))
            .map(|(k, _)| k)
    }

    /// The tables `q` is a partition of, nearest first: its parent, the parent's parent, ...
    pub fn partition_ancestors<'a>(
        &'a self,
        q: &'a QualName,
    ) -> impl Iterator<Item = &'a QualName> + 'a {
        let parent = |t: &'a QualName| {
            self.tables
                .get(t)
                .and_then(|t| t.partition_of.as_ref())
                .map(|(p, _)| p)
        };
        std::iter::successors(parent(q), move |p| parent(p))
    }

    /// The partitioned table foreign key `k` references, if it references one: the key
    /// needs each of its partitions.
    pub fn partitioned_reference<'a>(&'a self, k: &'a Constraint) -> Option<&'a QualName> {
        k.references.as_ref().filter(|r| {
            self.tables
                .get(*r)
                .is_some_and(|t| t.partition_by.is_some())
        })
    }

    /// Whether a cast the catalog defines (`CREATE CAST`) turns base type `source` into
    /// base type `target` (array and modifier text stripped from both sides of the cast).
    pub fn has_user_cast(&self, source: &str, target: &str) -> bool {
        self.objects_of(ObjKind::Cast).any(|(k, _)| {
            super::types::base_type(&k.name) == source && super::types::base_type(&k.sub) == target
        })
    }
}
