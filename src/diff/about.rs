//! What a change is about, typed where the change is made, so that every renderer (SQL,
//! summary, JSON) reads facts instead of guessing them from the statement's text: the object
//! (`ObjectRef`), what happens to it (`Action`, with a `RebuildReason` when it is dropped and
//! created again) and where its definitions come from (`Provenance`).
//!
//! The action is the object's, shared by every statement about it: the `DROP VIEW` and the
//! `CREATE VIEW` of a rebuilt view are both `Rebuild`, every `ALTER TABLE` of a table on
//! both sides is `Alter`, a `COMMENT ON` a new table is part of its `Create`.

use std::fmt;

use crate::catalog::graph::Node;
use crate::catalog::{Catalog, Location, ObjKind, Pos};

/// The kind of object a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjectKind {
    Schema,
    Extension,
    Table,
    ForeignTable,
    /// A column's default expression.
    Default,
    /// A table constraint (primary key, unique, check, exclusion, foreign key).
    Constraint,
    Index,
    Sequence,
    /// Every other kind (views, functions, types, triggers, policies, ...).
    Other(ObjKind),
}

impl ObjectKind {
    /// The kind as people read it: `table`, `materialized view`, `text search dictionary`.
    pub fn name(self) -> String {
        match self {
            ObjectKind::Schema => "schema".into(),
            ObjectKind::Extension => "extension".into(),
            ObjectKind::Table => "table".into(),
            ObjectKind::ForeignTable => "foreign table".into(),
            ObjectKind::Default => "column default".into(),
            ObjectKind::Constraint => "constraint".into(),
            ObjectKind::Index => "index".into(),
            ObjectKind::Sequence => "sequence".into(),
            ObjectKind::Other(k) => k.sql_keyword().to_ascii_lowercase(),
        }
    }

    /// The kind as a stable identifier (the JSON `kind`): `table`, `materialized_view`.
    pub fn id(self) -> String {
        self.name().replace(' ', "_")
    }

    /// The plural heading a summary groups objects under: `tables`, `indexes`, `policies`.
    pub fn plural(self) -> String {
        let n = self.name();
        if n.ends_with('x') || n.ends_with('s') {
            format!("{n}es")
        } else if let Some(stem) = n.strip_suffix('y').filter(|s| !s.ends_with('e')) {
            format!("{stem}ies")
        } else {
            format!("{n}s")
        }
    }
}

/// The object a statement is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectRef {
    /// Its node in the dependency graph (its identity).
    pub node: Node,
    pub kind: ObjectKind,
    /// The schema it lives in; `None` for objects outside schemas (schemas themselves,
    /// extensions, event triggers, publications, foreign data wrappers, servers, ...).
    pub schema: Option<String>,
    /// Its name, unquoted (a column default: the column's; a cast: its source type; a user
    /// mapping: its server).
    pub name: String,
    /// What tells it apart from objects of the same name: a routine's or an operator's
    /// argument types, an operator class's or family's index method, a cast's target type,
    /// a transform's language, a user mapping's user.
    pub signature: Option<String>,
    /// The table it belongs to, in the same schema (defaults, constraints, indexes,
    /// triggers, rules, policies).
    pub table: Option<String>,
    /// How it reads in a sentence: `table public.t`, `function public.f(integer)`.
    pub label: String,
}

impl ObjectRef {
    /// The object `node` stands for, described from whichever catalog holds it.
    pub fn of(node: &Node, from: &Catalog, to: &Catalog) -> ObjectRef {
        let schema_of = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        let (kind, schema, name, signature, table) = match node {
            Node::Schema(s) => (ObjectKind::Schema, None, s.clone(), None, None),
            Node::Extension(e) => (ObjectKind::Extension, None, e.clone(), None, None),
            Node::Table(q) => {
                let foreign = to
                    .tables
                    .get(q)
                    .or_else(|| from.tables.get(q))
                    .is_some_and(|t| t.foreign.is_some());
                (
                    if foreign {
                        ObjectKind::ForeignTable
                    } else {
                        ObjectKind::Table
                    },
                    schema_of(&q.schema),
                    q.name.clone(),
                    None,
                    None,
                )
            }
            Node::Default(q, c) => (
                ObjectKind::Default,
                schema_of(&q.schema),
                c.clone(),
                None,
                Some(q.name.clone()),
            ),
            Node::Constraint(q, c) => (
                ObjectKind::Constraint,
                schema_of(&q.schema),
                c.clone(),
                None,
                Some(q.name.clone()),
            ),
            Node::Index(q) => {
                let table = to
                    .indexes
                    .get(q)
                    .or_else(|| from.indexes.get(q))
                    .map(|i| i.table.name.clone());
                (
                    ObjectKind::Index,
                    schema_of(&q.schema),
                    q.name.clone(),
                    None,
                    table,
                )
            }
            Node::Sequence(q) | Node::SequenceOwner(q) => (
                ObjectKind::Sequence,
                schema_of(&q.schema),
                q.name.clone(),
                None,
                None,
            ),
            Node::Object(k) => {
                let sub = Some(k.sub.clone()).filter(|s| !s.is_empty());
                let (signature, table) = match k.kind {
                    ObjKind::Trigger | ObjKind::Rule | ObjKind::Policy => (None, sub),
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
                    | ObjKind::Transform => (sub, None),
                };
                (
                    ObjectKind::Other(k.kind),
                    schema_of(&k.schema),
                    k.name.clone(),
                    signature,
                    table,
                )
            }
        };
        ObjectRef {
            node: node.clone(),
            kind,
            schema,
            name,
            signature,
            table,
            label: describe(node, from, to),
        }
    }
}

impl fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// How a node reads in a sentence: `table public.t`, `view public.v`, ...
pub(crate) fn describe(n: &Node, from: &Catalog, to: &Catalog) -> String {
    match n {
        Node::Schema(s) => format!("schema {s}"),
        Node::Extension(e) => format!("extension {e}"),
        Node::Table(q) => format!("table {}", q.sql()),
        Node::Default(q, c) => format!("the default of {}.{c}", q.sql()),
        Node::Constraint(q, c) => format!("constraint {c} on {}", q.sql()),
        Node::Index(q) => format!("index {}", q.sql()),
        Node::Sequence(q) => format!("sequence {}", q.sql()),
        Node::SequenceOwner(q) => format!("the owner of sequence {}", q.sql()),
        Node::Object(k) => from
            .objects
            .get(k)
            .or_else(|| to.objects.get(k))
            .map_or_else(|| k.name.clone(), |o| keywords_lowercase(&o.target)),
    }
}

/// `VIEW public.v` -> `view public.v`, `TRIGGER t ON public.x` -> `trigger t on public.x`
/// (keywords are the all-capital words; names in capitals are quoted).
fn keywords_lowercase(target: &str) -> String {
    target
        .split(' ')
        .map(|w| {
            if !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase()) {
                w.to_ascii_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What happens to the object a statement is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// It is only in TO: created.
    Create,
    /// It is only in FROM: dropped.
    Drop,
    /// It is on both sides and changed in place (`ALTER`, `CREATE OR REPLACE`, `COMMENT`,
    /// `GRANT`, ...).
    Alter,
    /// It is on both sides but dropped and created again.
    Rebuild(RebuildReason),
}

impl Action {
    /// `create`, `drop`, `alter` or `rebuild` (the JSON `action`).
    pub fn id(&self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Drop => "drop",
            Action::Alter => "alter",
            Action::Rebuild(_) => "rebuild",
        }
    }
}

/// Why an object on both sides is dropped and created again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RebuildReason {
    /// Its own definition changes where no `ALTER` (or `CREATE OR REPLACE`) can change it:
    /// a view's columns, a function's result, an index, a constraint, a partitioning.
    Definition,
    /// An enum whose labels are removed or reordered: renamed aside, created anew, its
    /// columns recast, the old type dropped.
    EnumLabels,
    /// It needs an object that is dropped (`recreated`: and created again).
    DependsOn {
        object: Box<ObjectRef>,
        recreated: bool,
    },
    /// It reads the columns of a table whose columns change type or go (a view, rule,
    /// policy, trigger or `BEGIN ATOMIC` body; a key or index over retyped columns; a
    /// foreign key whose referenced key changes).
    ReadsChangedColumns { table: Box<ObjectRef> },
}

impl RebuildReason {
    /// A stable identifier (the JSON `reason.kind`).
    pub fn id(&self) -> &'static str {
        match self {
            RebuildReason::Definition => "definition",
            RebuildReason::EnumLabels => "enum_labels",
            RebuildReason::DependsOn { .. } => "depends_on",
            RebuildReason::ReadsChangedColumns { .. } => "reads_changed_columns",
        }
    }

    /// The object that forces the rebuild, if another one does.
    pub fn cause(&self) -> Option<&ObjectRef> {
        match self {
            RebuildReason::Definition | RebuildReason::EnumLabels => None,
            RebuildReason::DependsOn { object, .. } => Some(object),
            RebuildReason::ReadsChangedColumns { table } => Some(table),
        }
    }
}

impl fmt::Display for RebuildReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RebuildReason::Definition => {
                write!(f, "its definition changes where no ALTER can change it")
            }
            RebuildReason::EnumLabels => write!(f, "labels are removed or reordered"),
            RebuildReason::DependsOn {
                object,
                recreated: true,
            } => write!(f, "it depends on {object}, which is dropped and recreated"),
            RebuildReason::DependsOn {
                object,
                recreated: false,
            } => write!(f, "it depends on {object}, which is dropped"),
            RebuildReason::ReadsChangedColumns { table } => {
                write!(f, "it reads {table}, whose columns change")
            }
        }
    }
}

/// Where an object's definition comes from on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The statement that created it.
    pub defined: Location,
    /// The last statement that changed it after that (an `ALTER` in a later migration
    /// file, a `CREATE OR REPLACE`), if any.
    pub changed: Option<Location>,
}

impl Origin {
    /// The place to show: where it was last shaped when that is another file (a folder of
    /// migrations), else where it was defined.
    pub fn shown(&self) -> &Location {
        match &self.changed {
            Some(c) if c.file != self.defined.file => c,
            Some(_) | None => &self.defined,
        }
    }
}

/// Where the object a change is about comes from, in FROM and in TO.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    pub from: Option<Origin>,
    pub to: Option<Origin>,
}

impl Provenance {
    /// Where `node` is defined in `from` and in `to`.
    pub fn of(node: &Node, from: &Catalog, to: &Catalog) -> Provenance {
        Provenance {
            from: origin(node, from),
            to: origin(node, to),
        }
    }
}

/// Where `node` is defined in `c`, if `c` holds it and knows where its statements came from.
fn origin(node: &Node, c: &Catalog) -> Option<Origin> {
    let pos = position(node, c)?;
    let defined = c.sources.location(pos)?;
    let changed = c
        .shaped
        .get(node)
        .or_else(|| owner_shaped(node, c))
        .filter(|p| **p > pos)
        .and_then(|p| c.sources.location(*p));
    Some(Origin { defined, changed })
}

/// A sequence's owner link is shaped with the sequence.
fn owner_shaped<'a>(node: &Node, c: &'a Catalog) -> Option<&'a Pos> {
    match node {
        Node::SequenceOwner(q) => c.shaped.get(&Node::Sequence(q.clone())),
        Node::Schema(_)
        | Node::Extension(_)
        | Node::Table(_)
        | Node::Default(..)
        | Node::Constraint(..)
        | Node::Index(_)
        | Node::Sequence(_)
        | Node::Object(_) => None,
    }
}

/// The position of the statement that created `node` in `c`.
fn position(node: &Node, c: &Catalog) -> Option<Pos> {
    match node {
        Node::Schema(s) => c.schemas.get(s).map(|x| x.pos),
        Node::Extension(e) => c.extensions.get(e).map(|x| x.pos),
        Node::Table(q) => c.tables.get(q).map(|t| t.pos),
        Node::Default(q, col) => c
            .tables
            .get(q)
            .and_then(|t| t.column(col))
            .and_then(|col| col.default.as_ref())
            .map(|d| d.1),
        Node::Constraint(q, n) => c
            .tables
            .get(q)
            .and_then(|t| t.constraints.get(n))
            .map(|x| x.pos),
        Node::Index(q) => c.indexes.get(q).map(|i| i.pos),
        Node::Sequence(q) | Node::SequenceOwner(q) => c.sequences.get(q).map(|s| s.pos),
        Node::Object(k) => c.objects.get(k).map(|o| o.pos),
    }
}

/// Whether `c` holds the object `node` stands for.
pub(crate) fn holds(node: &Node, c: &Catalog) -> bool {
    match node {
        // The link exists while the sequence does (owned by a column or by nothing).
        Node::SequenceOwner(q) => c.sequences.contains_key(q),
        Node::Schema(_)
        | Node::Extension(_)
        | Node::Table(_)
        | Node::Default(..)
        | Node::Constraint(..)
        | Node::Index(_)
        | Node::Sequence(_)
        | Node::Object(_) => position(node, c).is_some(),
    }
}

/// What happens to the object `node` stands for, read off the two catalogs and the diff's
/// own plans (which tables, objects and enums it rebuilds).
/// `dropped`: the nodes of the drop-phase changes (a constraint on both sides with one is
/// dropped and added again).
pub(super) fn action(
    d: &super::Diff,
    dropped: &std::collections::BTreeSet<&Node>,
    node: &Node,
) -> Action {
    match (holds(node, d.from), holds(node, d.to)) {
        (false, true) => return Action::Create,
        (true, false) => return Action::Drop,
        // Only a renamed-aside enum is in neither (and `Diff::about` names the enum instead).
        (false, false) => return Action::Alter,
        (true, true) => {}
    }
    let rebuilt = match node {
        Node::Table(q) => d
            .rebuilt_tables
            .contains(q)
            .then_some(RebuildReason::Definition),
        Node::Object(k) => match (d.enums.get(k), d.rebuilt_objects.get(k)) {
            (Some(super::enums::EnumPlan::Rebuild), _) => Some(RebuildReason::EnumLabels),
            (_, Some(reason)) => Some(reason.clone().unwrap_or(RebuildReason::Definition)),
            (Some(super::enums::EnumPlan::AddValues(_)) | None, None) => None,
        },
        Node::Index(q) => d.index_dropped(q).then(|| {
            let def = |c: &Catalog| c.indexes.get(q).map(|i| i.def.clone());
            let table = d.from.indexes.get(q).map(|i| i.table.clone());
            part_reason(d, node, def(d.from) != def(d.to), table.as_ref())
        }),
        Node::Constraint(q, name) => {
            let get = |c: &'_ Catalog| {
                c.tables
                    .get(q)
                    .and_then(|t| t.constraints.get(name))
                    .map(|k| (k.kind, k.def.clone()))
            };
            let rebuilt = d.dropped_tables.contains(q) || dropped.contains(node);
            rebuilt.then(|| {
                let references = d
                    .from
                    .tables
                    .get(q)
                    .and_then(|t| t.constraints.get(name))
                    .and_then(|k| k.references.clone());
                let table = references
                    .filter(|r| !d.reshaped_tables.contains(q) && d.from.tables.contains_key(r))
                    .unwrap_or_else(|| q.clone());
                part_reason(d, node, get(d.from) != get(d.to), Some(&table))
            })
        }
        Node::Default(q, _) => d
            .rebuilt_tables
            .contains(q)
            .then(|| RebuildReason::DependsOn {
                object: Box::new(d.object_ref(&Node::Table(q.clone()))),
                recreated: true,
            }),
        Node::Schema(_) | Node::Extension(_) | Node::Sequence(_) | Node::SequenceOwner(_) => None,
    };
    rebuilt.map_or(Action::Alter, Action::Rebuild)
}

/// Why an index or a constraint on both sides is dropped and created again: its definition
/// changes, or something it needs goes, or the columns it reads change.
fn part_reason(
    d: &super::Diff,
    node: &Node,
    definition_changes: bool,
    table: Option<&crate::catalog::QualName>,
) -> RebuildReason {
    if definition_changes {
        return RebuildReason::Definition;
    }
    let doomed =
        d.gf.deps_of(node)
            .find(|(m, s)| *s == crate::catalog::graph::Strength::Hard && d.doomed(m))
            .map(|(m, _)| m.clone());
    match (doomed, table) {
        (Some(m), _) => RebuildReason::DependsOn {
            recreated: holds(&m, d.to),
            object: Box::new(d.object_ref(&m)),
        },
        (None, Some(t)) => RebuildReason::ReadsChangedColumns {
            table: Box::new(d.object_ref(&Node::Table(t.clone()))),
        },
        (None, None) => RebuildReason::Definition,
    }
}

/// The definition of `node` in `c` as text, where it has one: a generic object's canonical
/// `CREATE` with its follow-up statements, an index's `CREATE INDEX`, a constraint's
/// definition, a column default's expression. `None` for tables, sequences, schemas and
/// extensions (their changes are the statements themselves).
pub fn definition(node: &Node, c: &Catalog) -> Option<String> {
    match node {
        Node::Object(k) => c.objects.get(k).map(|o| {
            let mut text = o.create.clone();
            for a in &o.after {
                text.push_str(";\n");
                text.push_str(a);
            }
            text
        }),
        Node::Index(q) => c.indexes.get(q).map(|i| i.def.clone()),
        Node::Constraint(q, n) => c
            .tables
            .get(q)
            .and_then(|t| t.constraints.get(n))
            .map(|k| k.def.clone()),
        Node::Default(q, col) => c
            .tables
            .get(q)
            .and_then(|t| t.column(col))
            .and_then(|col| col.default.as_ref())
            .map(|d| d.0.clone()),
        Node::Schema(_)
        | Node::Extension(_)
        | Node::Table(_)
        | Node::Sequence(_)
        | Node::SequenceOwner(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(from: &str, to: &str) -> Vec<(String, String, Option<String>)> {
        let (a, b) = (
            crate::catalog_from_sql("a.sql", from).expect("a"),
            crate::catalog_from_sql("b.sql", to).expect("b"),
        );
        let mut m = crate::Migration::new(&a, &b);
        m.set_safety(false);
        m.add_all_changes();
        m.changes()
            .iter()
            .map(|c| {
                let reason = match &c.action {
                    Action::Rebuild(r) => Some(format!("{}: {r}", r.id())),
                    Action::Create | Action::Drop | Action::Alter => None,
                };
                (c.object.label.clone(), c.action.id().to_string(), reason)
            })
            .collect()
    }

    #[test]
    fn every_statement_carries_its_objects_action() {
        let from = "CREATE TABLE t (a int, b int);\nCREATE VIEW v AS SELECT a FROM t;\nCREATE INDEX ti ON t (b);\nCREATE TABLE gone (x int);";
        let to = "CREATE TABLE t (a bigint, c int);\nCREATE VIEW v AS SELECT a FROM t;\nCREATE TABLE u (x int);";
        let got = changes(from, to);
        let find = |label: &str| {
            got.iter()
                .filter(|c| c.0 == label)
                .map(|c| (c.1.as_str(), c.2.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(find("table public.gone"), [("drop", None)]);
        assert_eq!(find("table public.u"), [("create", None)]);
        assert_eq!(find("index public.ti"), [("drop", None)]);
        assert!(
            find("table public.t").iter().all(|c| *c == ("alter", None))
                && find("table public.t").len() == 3,
            "{got:?}"
        );
        let view = Some(
            "reads_changed_columns: it reads table public.t, whose columns change".to_string(),
        );
        assert_eq!(
            find("view public.v"),
            [("rebuild", view.clone()), ("rebuild", view)]
        );
    }

    #[test]
    fn provenance_names_the_defining_statement_and_the_last_change() {
        let from = crate::catalog_from_sql("m.sql", "CREATE TABLE t (a int);\n\nCREATE VIEW v AS SELECT a FROM t;\nALTER TABLE t ADD COLUMN b int;").expect("loads");
        let p = Provenance::of(
            &Node::Table(crate::catalog::QualName::new("public", "t")),
            &from,
            &Catalog::default(),
        );
        let o = p.from.expect("in FROM");
        assert_eq!(
            (
                o.defined.to_string(),
                o.changed.as_ref().map(ToString::to_string)
            ),
            ("m.sql:1".to_string(), Some("m.sql:4".to_string()))
        );
        // The same file: the definition is what is shown; another file's change would be.
        assert_eq!(o.shown().to_string(), "m.sql:1");
        let other = Origin {
            changed: Some(Location {
                file: "002.sql".into(),
                line: 3,
            }),
            ..o
        };
        assert_eq!(other.shown().to_string(), "002.sql:3");
        assert!(p.to.is_none());
    }
}
