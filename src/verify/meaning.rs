//! What a catalog means, apart from where it came from. Two catalogs describe the same schema
//! when every object is present in both and equal once provenance is erased: positions in the
//! input (`pos`), what is derived from a definition for ordering and rebuilds (dependency
//! lists, column lists of constraints and indexes), and the label renames an enum's history
//! went through (`label_renames`: how the labels came to be, not what they are). Sequence and
//! identity options are compared resolved (`NO MINVALUE` is `MINVALUE 1`). Every other field
//! of the model is compared as it is, so a field added to the model is compared unless it is
//! listed here as provenance.

use std::collections::BTreeMap;
use std::fmt::Debug;

use crate::catalog::triggers::TriggerState;
use crate::catalog::*;
use crate::diff::DiffOptions;
use crate::emit::quote;

/// One object whose meaning differs between the two catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The object, as a user names it (`table public.t`, `column public.t.a`).
    pub object: String,
    /// What differs: missing, left over, or the differing fields, `-` as got and `+` as TO
    /// has them.
    pub detail: String,
    /// Only the order of a table's columns differs: no ALTER can reorder columns, so this
    /// is a limit of every migration, not a wrong one.
    pub column_order_only: bool,
}

/// Every object whose meaning differs between `got` and `want`, in catalog order.
pub fn differences(got: &Catalog, want: &Catalog, opts: &DiffOptions) -> Vec<Difference> {
    let mut out = Vec::new();
    compare_maps(
        &mut out,
        &got.schemas,
        &want.schemas,
        |k| format!("schema {}", quote::ident(k)),
        |s| {
            let Schema { access: _, pos: _ } = s;
        },
    );
    compare_maps(
        &mut out,
        &got.extensions,
        &want.extensions,
        |k| format!("extension {}", quote::ident(k)),
        |e| {
            let Extension {
                schema,
                version,
                pos: _,
            } = e;
            (
                schema,
                version.as_ref().filter(|_| !opts.ignore_extension_versions),
            )
        },
    );
    for (q, w) in &want.tables {
        match got.tables.get(q) {
            None => out.push(only_in_to(format!("table {}", q.sql()))),
            Some(g) => compare_table(&mut out, q, g, w),
        }
    }
    for q in got.tables.keys().filter(|q| !want.tables.contains_key(*q)) {
        out.push(not_in_to(format!("table {}", q.sql())));
    }
    compare_maps(
        &mut out,
        &got.sequences,
        &want.sequences,
        |q| format!("sequence {}", q.sql()),
        |s| {
            let Sequence {
                options,
                owned_by,
                unlogged,
                access: _,
                pos: _,
            } = s;
            SequenceMeaning {
                options: resolved(options, None),
                owned_by,
                unlogged: *unlogged,
            }
        },
    );
    compare_maps(
        &mut out,
        &got.indexes,
        &want.indexes,
        |q| format!("index {}", q.sql()),
        |i| {
            let Index {
                table,
                def,
                columns: _,
                attached_to,
                shape: _,
                deps: _,
                extensions,
                statistics,
                column_kinds: _,
                pos: _,
            } = i;
            IndexMeaning {
                table,
                def,
                attached_to,
                extensions,
                statistics,
            }
        },
    );
    compare_maps(&mut out, &got.objects, &want.objects, object_name, |o| {
        let Object {
            create,
            target,
            after,
            deps: _,
            soft_deps: _,
            table,
            row_trigger: _,
            labels,
            routine,
            attributes,
            domain,
            column_defaults,
            cluster_on,
            placeholder: _,
            default_for: _,
            extensions,
            label_renames: _,
            access: _,
            pos: _,
        } = o;
        ObjectMeaning {
            create,
            target,
            after,
            table,
            labels,
            routine,
            attributes,
            domain: domain.as_ref().map(|d| Domain {
                default_reads: Vec::new(),
                check_reads: BTreeMap::new(),
                ..d.clone()
            }),
            column_defaults,
            cluster_on,
            extensions,
        }
    });
    compare_maps(
        &mut out,
        &got.comments,
        &want.comments,
        |t| format!("comment on {t}"),
        |c| {
            let Comment { text, pos: _ } = c;
            text
        },
    );
    compare_maps(
        &mut out,
        &got.security_labels,
        &want.security_labels,
        |t| format!("security labels on {t}"),
        |labels| {
            labels
                .iter()
                .map(|(provider, c)| {
                    let Comment { text, pos: _ } = c;
                    (provider, text)
                })
                .collect::<Vec<_>>()
        },
    );
    if opts.with_privileges {
        compare_access(&mut out, got, want);
    }
    out
}

/// Owners and privileges (`--with-privileges`), compared as `Access::satisfies` states: an
/// owner TO does not name may be anyone. Objects missing on one side are reported above.
fn compare_access(out: &mut Vec<Difference>, got: &Catalog, want: &Catalog) {
    compare_access_of(
        out,
        &got.schemas,
        &want.schemas,
        |k| format!("schema {}", quote::ident(k)),
        |s| &s.access,
    );
    compare_access_of(
        out,
        &got.tables,
        &want.tables,
        |q| format!("table {}", q.sql()),
        |t| &t.access,
    );
    compare_access_of(
        out,
        &got.sequences,
        &want.sequences,
        |q| format!("sequence {}", q.sql()),
        |s| &s.access,
    );
    compare_access_of(out, &got.objects, &want.objects, object_name, |o| &o.access);
    compare_maps(
        out,
        &got.default_acls,
        &want.default_acls,
        |k| format!("default privileges {k:?}"),
        |a| a,
    );
}

/// The objects of one map present on both sides whose access `got` does not give as `want`
/// states it.
fn compare_access_of<K: Ord, V>(
    out: &mut Vec<Difference>,
    got: &BTreeMap<K, V>,
    want: &BTreeMap<K, V>,
    name: impl Fn(&K) -> String,
    access: for<'v> fn(&'v V) -> &'v Access,
) {
    for (k, w) in want {
        let Some(g) = got.get(k) else { continue };
        let (g, w) = (access(g), access(w));
        if !g.satisfies(w) {
            out.push(Difference {
                object: format!("owner and privileges of {}", name(k)),
                detail: field_diff(g, w),
                column_order_only: false,
            });
        }
    }
}

// What each kind of value means: every field but provenance, borrowed. The values are
// destructured in full, so a field added to the model must be placed here, on one side or
// the other, before the crate compiles.

#[derive(Debug, PartialEq)]
struct SequenceMeaning<'a> {
    options: SeqOptions,
    owned_by: &'a Option<(QualName, String)>,
    unlogged: bool,
}

#[derive(Debug, PartialEq)]
struct IndexMeaning<'a> {
    table: &'a QualName,
    def: &'a str,
    attached_to: &'a Option<QualName>,
    extensions: &'a [String],
    statistics: &'a BTreeMap<u32, i32>,
}

#[derive(Debug, PartialEq)]
struct ObjectMeaning<'a> {
    create: &'a str,
    target: &'a str,
    after: &'a [String],
    table: &'a Option<QualName>,
    labels: &'a [String],
    routine: &'a Option<Routine>,
    attributes: &'a Option<Vec<Attribute>>,
    /// Without what its default and checks read (derived from them, like `deps`).
    domain: Option<Domain>,
    column_defaults: &'a BTreeMap<String, String>,
    cluster_on: &'a Option<String>,
    extensions: &'a [String],
}

#[derive(Debug, PartialEq)]
struct TableMeaning<'a> {
    unlogged: bool,
    options: &'a [String],
    rls_enabled: bool,
    rls_forced: bool,
    replica_identity: &'a str,
    cluster_on: &'a Option<String>,
    partition_by: &'a Option<String>,
    partition_of: &'a Option<(QualName, String)>,
    inherits: &'a [QualName],
    of_type: &'a Option<QualName>,
    access_method: &'a Option<String>,
    foreign: &'a Option<ForeignTable>,
    trigger_states: &'a BTreeMap<String, TriggerState>,
}

#[derive(Debug, PartialEq)]
struct ColumnMeaning<'a> {
    type_sql: &'a str,
    collation: &'a Option<String>,
    not_null: bool,
    default: Option<&'a str>,
    identity: Option<IdentityMeaning<'a>>,
    generated: &'a Option<String>,
    statistics: Option<i32>,
    storage: &'a Option<String>,
    compression: &'a Option<String>,
    inherited: bool,
    fdw_options: &'a BTreeMap<String, String>,
    options: &'a BTreeMap<String, String>,
}

#[derive(Debug, PartialEq)]
struct IdentityMeaning<'a> {
    kind: &'a str,
    sequence: &'a QualName,
    options: SeqOptions,
}

#[derive(Debug, PartialEq)]
struct ConstraintMeaning<'a> {
    kind: ConstraintKind,
    def: &'a str,
    references: &'a Option<QualName>,
    inherited: bool,
    parent: &'a Option<String>,
}

fn only_in_to(object: String) -> Difference {
    Difference {
        object,
        detail: "missing: TO has it".into(),
        column_order_only: false,
    }
}

fn not_in_to(object: String) -> Difference {
    Difference {
        object,
        detail: "left over: TO does not have it".into(),
        column_order_only: false,
    }
}

/// Compares two maps key by key through `meaning`.
fn compare_maps<'a, K: Ord, V, M: PartialEq + Debug>(
    out: &mut Vec<Difference>,
    got: &'a BTreeMap<K, V>,
    want: &'a BTreeMap<K, V>,
    name: impl Fn(&K) -> String,
    meaning: impl Fn(&'a V) -> M,
) {
    for (k, w) in want {
        match got.get(k) {
            None => out.push(only_in_to(name(k))),
            Some(g) => {
                let (g, w) = (meaning(g), meaning(w));
                if g != w {
                    out.push(Difference {
                        object: name(k),
                        detail: field_diff(&g, &w),
                        column_order_only: false,
                    });
                }
            }
        }
    }
    for k in got.keys().filter(|k| !want.contains_key(*k)) {
        out.push(not_in_to(name(k)));
    }
}

/// A table compared part by part, so a difference names its column or constraint.
fn compare_table(out: &mut Vec<Difference>, q: &QualName, got: &Table, want: &Table) {
    let (gs, ws) = (table_meaning(got), table_meaning(want));
    if gs != ws {
        out.push(Difference {
            object: format!("table {}", q.sql()),
            detail: field_diff(&gs, &ws),
            column_order_only: false,
        });
    }
    for w in &want.columns {
        let name = format!("column {}.{}", q.sql(), quote::ident(&w.name));
        match got.column(&w.name) {
            None => out.push(only_in_to(name)),
            Some(g) => {
                let (g, w) = (column_meaning(g), column_meaning(w));
                if g != w {
                    out.push(Difference {
                        object: name,
                        detail: field_diff(&g, &w),
                        column_order_only: false,
                    });
                }
            }
        }
    }
    for g in got
        .columns
        .iter()
        .filter(|g| want.column(&g.name).is_none())
    {
        out.push(not_in_to(format!(
            "column {}.{}",
            q.sql(),
            quote::ident(&g.name)
        )));
    }
    let same_set = got.columns.len() == want.columns.len()
        && got.columns.iter().all(|c| want.column(&c.name).is_some());
    let same_order = got
        .columns
        .iter()
        .zip(&want.columns)
        .all(|(a, b)| a.name == b.name);
    if same_set && !same_order {
        let names = |t: &Table| {
            t.columns
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let detail = format!("column order: {} (TO: {})", names(got), names(want));
        out.push(Difference {
            object: format!("table {}", q.sql()),
            detail,
            column_order_only: true,
        });
    }
    compare_maps(
        out,
        &got.constraints,
        &want.constraints,
        |n| format!("constraint {} on {}", quote::ident(n), q.sql()),
        |c| {
            let Constraint {
                kind,
                def,
                columns: _,
                references,
                inherited,
                parent,
                deps: _,
                pos: _,
            } = c;
            ConstraintMeaning {
                kind: *kind,
                def,
                references,
                inherited: *inherited,
                parent,
            }
        },
    );
}

fn table_meaning(t: &Table) -> TableMeaning<'_> {
    let Table {
        columns: _,
        constraints: _,
        unlogged,
        options,
        rls_enabled,
        rls_forced,
        replica_identity,
        cluster_on,
        partition_by,
        // What `partition_by` says, read as columns.
        partition_key: _,
        partition_deps: _,
        partition_of,
        inherits,
        of_type,
        access_method,
        foreign,
        trigger_states,
        access: _,
        pos: _,
    } = t;
    TableMeaning {
        unlogged: *unlogged,
        options,
        rls_enabled: *rls_enabled,
        rls_forced: *rls_forced,
        replica_identity,
        cluster_on,
        partition_by,
        partition_of,
        inherits,
        of_type,
        access_method,
        foreign,
        trigger_states,
    }
}

fn column_meaning(c: &Column) -> ColumnMeaning<'_> {
    let Column {
        name: _,
        type_sql,
        collation,
        not_null,
        default,
        default_deps: _,
        identity,
        generated,
        generated_deps: _,
        generated_reads: _,
        statistics,
        storage,
        compression,
        inherited,
        fdw_options,
        options,
    } = c;
    ColumnMeaning {
        type_sql,
        collation,
        not_null: *not_null,
        default: default.as_ref().map(|(d, _)| d.as_str()),
        identity: identity.as_ref().map(|i| {
            let Identity {
                kind,
                sequence,
                options,
                pos: _,
            } = i;
            IdentityMeaning {
                kind,
                sequence,
                options: resolved(options, Some(type_sql)),
            }
        }),
        generated,
        statistics: *statistics,
        storage,
        compression,
        inherited: *inherited,
        fdw_options,
        options,
    }
}

/// Sequence options with every default made explicit; an identity sequence has its column's
/// type unless it says otherwise.
fn resolved(o: &SeqOptions, column_type: Option<&str>) -> SeqOptions {
    let mut o = o.clone();
    if let Some(t) = column_type {
        o.data_type.get_or_insert_with(|| t.to_string());
    }
    let r = o.resolved();
    SeqOptions {
        data_type: Some(r.data_type),
        increment: Some(r.increment),
        min_value: Some(r.min_value),
        max_value: Some(r.max_value),
        start: Some(r.start),
        cache: Some(r.cache),
        cycle: r.cycle,
    }
}

fn object_name(k: &ObjKey) -> String {
    let name = if k.schema.is_empty() {
        quote::ident(&k.name)
    } else {
        quote::qualified(&k.schema, &k.name)
    };
    let kind = k.kind.sql_keyword().to_lowercase();
    match k.kind {
        ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => {
            format!("{kind} {name}({})", k.sub)
        }
        ObjKind::Trigger | ObjKind::Policy | ObjKind::Rule => format!(
            "{kind} {} on {}",
            quote::ident(&k.name),
            quote::qualified(&k.schema, &k.sub)
        ),
        ObjKind::OperatorClass | ObjKind::OperatorFamily => {
            format!("{kind} {name} using {}", k.sub)
        }
        ObjKind::Type
        | ObjKind::Domain
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
        | ObjKind::Cast
        | ObjKind::Language
        | ObjKind::Conversion
        | ObjKind::AccessMethod
        | ObjKind::Transform => {
            if k.sub.is_empty() {
                format!("{kind} {name}")
            } else {
                format!("{kind} {name} ({})", k.sub)
            }
        }
    }
}

/// The lines of the two values' debug forms that differ: `-` as got, `+` as wanted.
fn field_diff<T: Debug>(got: &T, want: &T) -> String {
    let (g, w) = (format!("{got:#?}"), format!("{want:#?}"));
    let diff = similar::TextDiff::from_lines(&g, &w);
    let mut out = Vec::new();
    for change in diff.iter_all_changes() {
        let sign = match change.tag() {
            similar::ChangeTag::Equal => continue,
            similar::ChangeTag::Delete => '-',
            similar::ChangeTag::Insert => '+',
        };
        out.push(format!(
            "{sign} {}",
            change.value().trim().trim_end_matches(',')
        ));
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(sql: &str) -> Catalog {
        crate::catalog_from_sql("t.sql", sql).expect("loads")
    }

    #[test]
    fn positions_do_not_count() {
        let a =
            cat("CREATE TABLE x (a int);\nCREATE TABLE t (a int DEFAULT 1);\nCREATE SEQUENCE s;");
        let b = cat("CREATE SEQUENCE s MINVALUE 1 NO MAXVALUE;\nCREATE TABLE t (a int);\nCREATE TABLE x (a int);\nALTER TABLE t ALTER a SET DEFAULT 1;");
        assert_eq!(differences(&a, &b, &DiffOptions::default()), Vec::new());
    }

    #[test]
    fn an_enums_rename_history_does_not_count() {
        let a = cat("CREATE TYPE mood AS ENUM ('sad', 'fine');");
        let b = cat(
            "CREATE TYPE mood AS ENUM ('sad', 'ok');\nALTER TYPE mood RENAME VALUE 'ok' TO 'fine';",
        );
        assert_eq!(differences(&a, &b, &DiffOptions::default()), Vec::new());
    }

    #[test]
    fn a_changed_column_is_named() {
        let a = cat("CREATE TABLE t (a int, b int);");
        let b = cat("CREATE TABLE t (a int, b bigint);");
        let d = differences(&a, &b, &DiffOptions::default());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].object, "column public.t.b");
        assert_eq!(
            d[0].detail,
            "- type_sql: \"integer\"\n+ type_sql: \"bigint\""
        );
    }

    #[test]
    fn missing_and_left_over_objects() {
        let a = cat("CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT 1 AS x;");
        let b = cat("CREATE TABLE u (a int);\nCREATE VIEW v AS SELECT 1 AS x;");
        let d = differences(&a, &b, &DiffOptions::default());
        let names: Vec<(&str, &str)> = d
            .iter()
            .map(|d| (d.object.as_str(), d.detail.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("table public.u", "missing: TO has it"),
                ("table public.t", "left over: TO does not have it")
            ]
        );
    }

    #[test]
    fn column_order_alone_is_set_apart() {
        let a = cat("CREATE TABLE t (a int, b int);");
        let b = cat("CREATE TABLE t (b int, a int);");
        let d = differences(&a, &b, &DiffOptions::default());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].detail, "column order: a, b (TO: b, a)");
        assert!(d[0].column_order_only);
    }
}
