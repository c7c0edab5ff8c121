//! The migration as JSON (`--format json`): a stable, versioned wire format for machines (CI
//! bots, review tools), written with serde from the serialize-only types below, which are
//! the specification. `docs/json.md` describes the same format with an example.
//!
//! # Format, version 1
//!
//! One JSON object (`Plan`), pretty-printed, ending in a newline:
//!
//! ```text
//! {
//!   "version": 1,
//!   "summary": { ... },        // Summary: counts over the whole migration
//!   "statements": [ ... ]      // Statement: one per statement, in the order they must run
//! }
//! ```
//!
//! Stability: within a version, fields are only ever added, never renamed, removed or
//! given another meaning; a consumer must ignore fields it does not know. Every field
//! listed here is always present (absent values are `null`, empty lists `[]`). String
//! values of enumerations (`kind`, `action`, hazard `kind`, reason `kind`) are the closed
//! sets documented on each field; a new value means a new version. Human-readable texts
//! (`message`, `note`, `label`) may change wording between releases: match on the
//! identifiers, show the texts. Output is deterministic: the same inputs give the same
//! bytes.
//!
//! Running the statements' `sql` in order, each followed by `;`, is the migration
//! `--format sql` prints (without its comments and the `SET check_function_bodies = false`
//! it starts with when it creates routines).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::hazard::Loss;
use crate::catalog::{Location, QualName};
use crate::diff::{Action, Change, Hazard, ObjectRef, Origin, RebuildReason};
use crate::Migration;

/// The version of the format written (`Plan::version`).
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize)]
pub struct Plan<'a> {
    /// The format's version: `1`.
    pub version: u32,
    pub summary: Summary,
    /// Every statement, in the order it must run.
    pub statements: Vec<Statement<'a>>,
}

/// Counts over the whole migration.
#[derive(Serialize)]
pub struct Summary {
    /// The number of statements.
    pub statements: usize,
    /// Objects by what happens to them (each object counted once).
    pub objects: ObjectCounts,
    /// For each hazard kind (every kind is listed), the number of statements that carry it.
    pub hazards: BTreeMap<&'static str, usize>,
    /// Whether a statement loses data (a `data-loss` hazard): `pgdumpdiff` exits 3.
    pub destructive: bool,
    /// Whether every statement can run inside one transaction (`psql -1`).
    pub transactional: bool,
}

/// Objects by action.
#[derive(Serialize)]
pub struct ObjectCounts {
    pub created: usize,
    pub dropped: usize,
    pub altered: usize,
    pub rebuilt: usize,
}

/// One statement.
#[derive(Serialize)]
pub struct Statement<'a> {
    /// The statement, without its terminating `;`.
    pub sql: &'a str,
    /// The object it is about.
    pub object: Object,
    /// What happens to that object.
    pub change: ChangeKind,
    /// What it risks on a database that holds rows (empty: nothing).
    pub hazards: Vec<HazardJson>,
    /// Whether it can run inside a transaction block (`false` for `CONCURRENTLY`).
    pub transactional: bool,
    /// Why it is there when that is not plain from it (the comment `--format sql` prints
    /// above it), or `null`.
    pub note: Option<&'a str>,
    /// Where the object is defined in FROM and in TO.
    pub provenance: ProvenanceJson,
}

/// The object a statement is about.
#[derive(Serialize)]
pub struct Object {
    /// One of `schema`, `extension`, `table`, `foreign_table`, `column_default`,
    /// `constraint`, `index`, `sequence`, `type`, `domain`, `function`, `procedure`,
    /// `aggregate`, `view`, `materialized_view`, `trigger`, `event_trigger`, `rule`,
    /// `policy`, `collation`, `statistics`, `publication`, `subscription`,
    /// `foreign_data_wrapper`, `server`, `user_mapping`, `text_search_configuration`,
    /// `text_search_dictionary`,
    /// `text_search_parser`, `text_search_template`, `operator`, `operator_class`,
    /// `operator_family`, `cast`, `language`, `conversion`, `access_method`, `transform`.
    pub kind: String,
    /// Its schema, or `null` for objects outside schemas (schemas, extensions, event
    /// triggers, publications, foreign data wrappers, servers, user mappings, casts, ...).
    pub schema: Option<String>,
    /// Its name, unquoted. A column default: the column's name; a cast: its source type;
    /// a user mapping: its server; a transform: its type.
    pub name: String,
    /// What tells it apart from objects of the same name, or `null`: a routine's or
    /// operator's argument types (`integer, text`), an operator class's or family's index
    /// method, a cast's target type, a transform's language, a user mapping's user.
    pub signature: Option<String>,
    /// The table it belongs to, in the same schema, or `null` (set for column defaults,
    /// constraints, indexes, triggers, rules and policies).
    pub table: Option<String>,
    /// How it reads in a sentence: `table public.t`, `function public.f(integer)`.
    pub label: String,
}

/// What happens to the object.
#[derive(Serialize)]
pub struct ChangeKind {
    /// `create` (only in TO), `drop` (only in FROM), `alter` (on both sides, changed in
    /// place) or `rebuild` (on both sides, dropped and created again). Every statement
    /// about one object has the same action.
    pub action: &'static str,
    /// Why it is rebuilt; `null` unless `action` is `rebuild`.
    pub reason: Option<Reason>,
}

/// Why an object is rebuilt.
#[derive(Serialize)]
pub struct Reason {
    /// `definition` (its definition changes where no ALTER can change it), `enum_labels`
    /// (an enum's labels are removed or reordered), `depends_on` (it needs `object`, which
    /// is dropped, or dropped and recreated), `reads_changed_columns` (it reads `object`, a
    /// table whose columns change type or go).
    pub kind: &'static str,
    /// The reason as a sentence.
    pub message: String,
    /// The object that forces the rebuild (`depends_on`, `reads_changed_columns`), or
    /// `null`.
    pub object: Option<Object>,
}

/// One hazard of a statement.
#[derive(Serialize)]
pub struct HazardJson {
    /// `lock`, `rewrite`, `index-build`, `scan`, `may-fail`, `data-loss`, `no-transaction`
    /// or `needs-commit` (the README's table says what each means).
    pub kind: &'static str,
    /// The hazard as a sentence (what `--format sql` prints after `-- hazard: kind: `).
    pub message: String,
    /// For `lock`: `SHARE UPDATE EXCLUSIVE`, `SHARE`, `SHARE ROW EXCLUSIVE` or `ACCESS
    /// EXCLUSIVE`; otherwise `null`.
    pub lock: Option<&'static str>,
    /// The relation or type it concerns (the locked relation, the table rewritten, scanned,
    /// indexed or that may fail, the table, sequence or type that loses data), or `null`
    /// (`no-transaction`).
    pub relation: Option<Relation>,
}

/// A schema-qualified name.
#[derive(Serialize)]
pub struct Relation {
    pub schema: String,
    pub name: String,
}

/// Where the object is defined on each side (`null` where it is not there, or where the
/// input came from nowhere a line can name).
#[derive(Serialize)]
pub struct ProvenanceJson {
    pub from: Option<OriginJson>,
    pub to: Option<OriginJson>,
}

/// Where an object is defined on one side.
#[derive(Serialize)]
pub struct OriginJson {
    /// The statement that created it.
    pub defined: LocationJson,
    /// The last statement that changed it after that (an `ALTER` in a later migration
    /// file, a `CREATE OR REPLACE`, a rename), or `null`.
    pub changed: Option<LocationJson>,
}

/// A place in an input.
#[derive(Serialize)]
pub struct LocationJson {
    /// The file as named on the command line (a file of a directory input: its path; `-`:
    /// `<stdin>`; `git:REV:PATH` as given).
    pub file: String,
    /// The 1-based line where the statement starts.
    pub line: usize,
}

/// The migration as a JSON document (see the module documentation).
pub fn render(m: &Migration) -> String {
    let plan = plan(m.changes());
    let mut text = serde_json::to_string_pretty(&plan)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    text.push('\n');
    text
}

/// The document for `changes`.
pub fn plan(changes: &[Change]) -> Plan<'_> {
    let mut hazards: BTreeMap<&'static str, usize> = ALL_KINDS.iter().map(|k| (*k, 0)).collect();
    for c in changes {
        let mut kinds: Vec<&'static str> = c.hazards.iter().map(Hazard::kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for k in kinds {
            *hazards.entry(k).or_default() += 1;
        }
    }
    let mut objects: Vec<(&ObjectRef, &Action)> =
        changes.iter().map(|c| (&c.object, &c.action)).collect();
    objects.sort_by(|a, b| a.0.node.cmp(&b.0.node));
    objects.dedup_by(|a, b| a.0.node == b.0.node);
    let count = |f: fn(&Action) -> bool| objects.iter().filter(|(_, a)| f(a)).count();
    let summary = Summary {
        statements: changes.len(),
        objects: ObjectCounts {
            created: count(|a| matches!(a, Action::Create)),
            dropped: count(|a| matches!(a, Action::Drop)),
            altered: count(|a| matches!(a, Action::Alter)),
            rebuilt: count(|a| matches!(a, Action::Rebuild(_))),
        },
        hazards,
        destructive: changes
            .iter()
            .any(|c| c.hazards.iter().any(Hazard::is_data_loss)),
        transactional: changes.iter().all(Change::transactional),
    };
    Plan {
        version: VERSION,
        summary,
        statements: changes.iter().map(statement).collect(),
    }
}

/// Every hazard kind, as `Hazard::kind` names them.
const ALL_KINDS: [&str; 9] = [
    "lock",
    "rewrite",
    "copy",
    "index-build",
    "scan",
    "may-fail",
    "data-loss",
    "no-transaction",
    "needs-commit",
];

fn statement(c: &Change) -> Statement<'_> {
    let reason = match &c.action {
        Action::Rebuild(r) => Some(reason(r)),
        Action::Create | Action::Drop | Action::Alter => None,
    };
    Statement {
        sql: &c.sql,
        object: object(&c.object),
        change: ChangeKind {
            action: c.action.id(),
            reason,
        },
        hazards: c.hazards.iter().map(hazard).collect(),
        transactional: c.transactional(),
        note: c.note.as_deref(),
        provenance: ProvenanceJson {
            from: c.provenance.from.as_ref().map(origin),
            to: c.provenance.to.as_ref().map(origin),
        },
    }
}

fn object(o: &ObjectRef) -> Object {
    Object {
        kind: o.kind.id(),
        schema: o.schema.clone(),
        name: o.name.clone(),
        signature: o.signature.clone(),
        table: o.table.clone(),
        label: o.label.clone(),
    }
}

fn reason(r: &RebuildReason) -> Reason {
    Reason {
        kind: r.id(),
        message: r.to_string(),
        object: r.cause().map(object),
    }
}

fn relation(q: &QualName) -> Relation {
    Relation {
        schema: q.schema.clone(),
        name: q.name.clone(),
    }
}

fn hazard(h: &Hazard) -> HazardJson {
    let (lock, rel) = match h {
        Hazard::Lock { lock, relation } => (Some(lock.name()), Some(relation)),
        Hazard::Rewrite { table }
        | Hazard::IndexBuild { table }
        | Hazard::Scan { table }
        | Hazard::MayFail { table, .. }
        | Hazard::Copy { to: table, .. } => (None, Some(table)),
        Hazard::DataLoss(loss) => (
            None,
            Some(match loss {
                Loss::Table(q) | Loss::Sequence(q) => q,
                Loss::Column { table, .. } | Loss::Narrowed { table, .. } => table,
                Loss::Attribute { type_name, .. } => type_name,
            }),
        ),
        Hazard::NeedsCommit { type_name, .. } => (None, Some(type_name)),
        Hazard::NoTransaction => (None, None),
    };
    HazardJson {
        kind: h.kind(),
        message: h.to_string(),
        lock,
        relation: rel.map(relation),
    }
}

fn origin(o: &Origin) -> OriginJson {
    OriginJson {
        defined: location(&o.defined),
        changed: o.changed.as_ref().map(location),
    }
}

fn location(l: &Location) -> LocationJson {
    LocationJson {
        file: l.file.clone(),
        line: l.line,
    }
}
