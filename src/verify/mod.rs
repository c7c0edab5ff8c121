//! Verify: the last stage, and the check on all the others. The emitted migration is parsed,
//! replayed onto catalog FROM with the same replay code that built both catalogs, and the
//! result must mean what catalog TO means (`meaning`): every object present on both sides
//! and equal apart from provenance. Any difference is a pgdumpdiff bug: the caller refuses to
//! print the migration and lists what differs.
//!
//! The migration must also replay cleanly: a statement the replay does not model, or one
//! the server would reject (a missing object), fails verification, so the replay grows with
//! the statements the diff emits instead of verification learning exceptions.
//!
//! `remaining` is the other natural check, run by the tests rather than on every run: the
//! diff engine between FROM + migration and TO must find nothing to do. It is weaker as a
//! proof (the diff is blind where it is blind: a field it never compares never shows up)
//! but it catches a diff that depends on provenance, which would never settle (a perpetual
//! diff); it costs a second dependency graph and diff, more than the rest of verification.

pub mod meaning;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::catalog::graph::Graph;
use crate::catalog::{self, Catalog, ReplayOptions};
use crate::diag::{Diag, Severity};
use crate::diff::{self, filter, DiffOptions, Hazard};
use crate::input::SourceFile;

pub use meaning::Difference;

/// What verification found wrong.
#[derive(Debug, Default)]
pub struct Failure {
    /// Statements of the migration that do not parse or replay (with their location in it).
    pub replay: Vec<Diag>,
    /// Objects that differ between FROM + migration and TO.
    pub differences: Vec<Difference>,
    /// The migration had no statements: FROM and TO differ where the diff sees nothing.
    pub empty_migration: bool,
}

/// The outcome of a verification that passed: things worth a warning.
#[derive(Debug, Default)]
pub struct Passed {
    /// Tables whose columns end up in another order than TO's (no ALTER reorders columns).
    pub column_order: Vec<Difference>,
}

/// Name of the migration in diagnostics.
pub const MIGRATION_NAME: &str = "<migration>";

/// Replays `sql` onto `from` and checks the result means `to`.
pub fn verify(
    from: &Catalog,
    to: &Catalog,
    sql: &str,
    opts: &DiffOptions,
) -> Result<Passed, Failure> {
    check(&replay_assessed(from, sql), from, to, opts)
}

/// Checks that a migration, replayed onto `from`, means `to`.
pub fn check(
    replayed: &Replayed,
    from: &Catalog,
    to: &Catalog,
    opts: &DiffOptions,
) -> Result<Passed, Failure> {
    let want = expected(from, to, opts);
    let (column_order, differences): (Vec<Difference>, Vec<Difference>) =
        meaning::differences(&replayed.catalog, &want, opts)
            .into_iter()
            .partition(|d| d.column_order_only);
    if replayed.problems.is_empty() && differences.is_empty() {
        Ok(Passed { column_order })
    } else {
        Err(Failure {
            replay: replayed.problems.clone(),
            differences,
            empty_migration: replayed.statements.is_empty(),
        })
    }
}

/// FROM with a migration replayed onto it.
#[derive(Debug)]
pub struct Replayed {
    pub catalog: Catalog,
    /// The migration's statements that did not parse or replay cleanly.
    pub problems: Vec<Diag>,
    /// Each statement: its byte range in the migration, and its hazards.
    pub statements: Vec<(Range<usize>, Vec<Hazard>)>,
}

/// Replays `sql` onto `from`, reading each statement's hazards on the way.
pub fn replay_assessed(from: &Catalog, sql: &str) -> Replayed {
    let file = Arc::new(SourceFile::new(MIGRATION_NAME, sql.to_string()));
    let mut assessing =
        catalog::hazard::Assessing::onto(from.clone(), ReplayOptions { strict: true });
    let mut spans = Vec::new();
    let parse_diags = crate::syntax::parse_streaming(&[file], &mut |chunk| {
        spans.extend(chunk.iter().map(|s| s.span.clone()));
        assessing.apply(chunk);
    });
    let (catalog, replay_diags, hazards) = assessing.finish();
    let problems = parse_diags
        .into_iter()
        .chain(replay_diags)
        .map(as_error)
        .collect();
    let statements = spans.into_iter().zip(hazards).collect();
    Replayed {
        catalog,
        problems,
        statements,
    }
}

/// FROM + migration, and the migration's statements that did not parse or replay cleanly.
pub fn replay(from: &Catalog, sql: &str) -> (Catalog, Vec<Diag>) {
    let file = Arc::new(SourceFile::new(MIGRATION_NAME, sql.to_string()));
    let (stmts, parse_diags) = crate::syntax::parse_sources(&[file]);
    let (got, replay_diags) =
        catalog::replay_onto(from.clone(), &stmts, ReplayOptions { strict: true });
    (
        got,
        parse_diags
            .into_iter()
            .chain(replay_diags)
            .map(as_error)
            .collect(),
    )
}

/// The statements the diff engine still emits between FROM + migration and TO (empty when
/// the diff settles; see the module documentation).
pub fn remaining(from: &Catalog, to: &Catalog, sql: &str, opts: &DiffOptions) -> Vec<String> {
    let (got, _) = replay(from, sql);
    let want = expected(from, to, opts);
    let graph = Graph::build(&got);
    diff::diff(&got, &want, &graph, opts)
        .into_iter()
        .map(|c| c.sql)
        .collect()
}

/// What FROM + migration must be: TO, within what the options ask for. With `--schema` /
/// `--exclude-schema`, TO's part inside the filter (with what the outside needs held, see
/// `filter::restrict_to`) and FROM's part outside it (left alone); with
/// `--create-extensions-only`, FROM with TO's new extensions.
pub fn expected<'a>(from: &'a Catalog, to: &'a Catalog, opts: &DiffOptions) -> Cow<'a, Catalog> {
    let f = &opts.schemas;
    let inside_to = if f.is_all() {
        Cow::Borrowed(to)
    } else {
        Cow::Owned(filter::restrict_to(from, to, f))
    };
    if opts.create_extensions_only {
        let mut want = from.clone();
        for (name, e) in &inside_to.extensions {
            if !want.extensions.contains_key(name) {
                want.create_extension(name, e.clone());
            }
        }
        return Cow::Owned(want);
    }
    if f.is_all() {
        return inside_to;
    }
    let inside_from = filter::restrict(from, f);
    let mut want = inside_to.into_owned();
    fn outside<K: Ord + Clone, V: Clone>(
        all: &BTreeMap<K, V>,
        inside: &BTreeMap<K, V>,
        into: &mut BTreeMap<K, V>,
    ) {
        for (k, v) in all.iter().filter(|(k, _)| !inside.contains_key(*k)) {
            into.insert(k.clone(), v.clone());
        }
    }
    outside(&from.schemas, &inside_from.schemas, &mut want.schemas);
    outside(
        &from.extensions,
        &inside_from.extensions,
        &mut want.extensions,
    );
    outside(&from.tables, &inside_from.tables, &mut want.tables);
    outside(&from.sequences, &inside_from.sequences, &mut want.sequences);
    outside(&from.indexes, &inside_from.indexes, &mut want.indexes);
    outside(&from.objects, &inside_from.objects, &mut want.objects);
    outside(&from.comments, &inside_from.comments, &mut want.comments);
    outside(
        &from.security_labels,
        &inside_from.security_labels,
        &mut want.security_labels,
    );
    Cow::Owned(want)
}

fn as_error(mut d: Diag) -> Diag {
    d.severity = Severity::Error;
    d.code = "verify-replay";
    d.message = format!("the migration does not replay: {}", d.message);
    d
}

/// At most this many differences are listed one by one.
const LISTED: usize = 40;

impl Failure {
    /// The diagnostics to show: a summary, then each problem.
    pub fn diagnostics(&self) -> Vec<Diag> {
        let what = if self.empty_migration {
            "FROM and TO differ, but pgdumpdiff found no statement to change one into the other"
                .to_string()
        } else {
            format!(
                "replaying the migration onto FROM does not give TO ({} statement(s) do not replay, {} object(s) differ); the migration was not written",
                self.replay.len(),
                self.differences.len()
            )
        };
        let mut out = vec![Diag::error("verify-failed", format!("self-verification failed: {what}"))
            .with_help("a bug or a limitation of pgdumpdiff: please report it with both inputs. --no-verify prints the migration anyway; review it before use")];
        out.extend(self.replay.iter().take(LISTED).cloned());
        for d in self.differences.iter().take(LISTED) {
            out.push(Diag::error(
                "verify-differs",
                format!(
                    "{} (- after the migration, + in TO):\n{}",
                    d.object,
                    indent(&d.detail)
                ),
            ));
        }
        let hidden = self.replay.len().saturating_sub(LISTED)
            + self.differences.len().saturating_sub(LISTED);
        if hidden > 0 {
            out.push(Diag::error(
                "verify-failed",
                format!("... and {hidden} more"),
            ));
        }
        out
    }
}

impl Passed {
    pub fn diagnostics(&self) -> Vec<Diag> {
        self.column_order
            .iter()
            .map(|d| {
                Diag::warning(
                    "column-order",
                    format!("{}: {}; no ALTER can reorder columns", d.object, d.detail),
                )
            })
            .collect()
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(sql: &str) -> Catalog {
        crate::catalog_from_sql("t.sql", sql).expect("loads")
    }

    #[test]
    fn a_right_migration_passes_and_a_wrong_one_names_what_differs() {
        let from = cat("CREATE TABLE t (a int);");
        let to = cat("CREATE TABLE t (a int, b text NOT NULL);");
        let opts = DiffOptions::default();
        assert!(verify(
            &from,
            &to,
            "ALTER TABLE public.t ADD COLUMN b text NOT NULL;",
            &opts
        )
        .is_ok());
        let f = verify(&from, &to, "ALTER TABLE public.t ADD COLUMN b text;", &opts)
            .expect_err("NOT NULL is missing");
        assert!(f.replay.is_empty());
        assert_eq!(f.differences.len(), 1);
        assert_eq!(f.differences[0].object, "column public.t.b");
        assert_eq!(
            f.differences[0].detail,
            "- not_null: false\n+ not_null: true"
        );
        let f = verify(&from, &to, "", &opts).expect_err("nothing done");
        assert!(f.empty_migration);
        assert_eq!(f.differences[0].detail, "missing: TO has it");
    }

    #[test]
    fn statements_that_do_not_replay_fail_with_their_location() {
        let from = cat("CREATE TABLE t (a int);");
        let to = cat("CREATE TABLE t (a int);");
        let f = verify(
            &from,
            &to,
            "ALTER TABLE public.t DROP COLUMN nope;\n\nCREATE TABLESPACE x LOCATION '/x';",
            &DiffOptions::default(),
        )
        .expect_err("bad statements");
        let messages: Vec<String> = f.replay.iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("<migration>:1:1: the migration does not replay: column \"nope\" of relation public.t does not exist"), "{messages:?}");
        assert!(
            messages[1].starts_with("<migration>:3:1: the migration does not replay:"),
            "{messages:?}"
        );
    }

    #[test]
    fn an_enum_rebuild_carries_columns_through_the_rename() {
        let from = cat("CREATE TYPE s AS ENUM ('a', 'b');\nCREATE TABLE t (x s DEFAULT 'a');");
        let to = cat("CREATE TYPE s AS ENUM ('b', 'a');\nCREATE TABLE t (x s DEFAULT 'a');");
        let opts = DiffOptions::default();
        // Renamed aside and dropped without moving the column: the column is left on the old type.
        let wrong =
            "ALTER TYPE public.s RENAME TO s_old;\n\nCREATE TYPE public.s AS ENUM ('b', 'a');";
        let f = verify(&from, &to, wrong, &opts).expect_err("column still on s_old");
        assert!(
            f.differences
                .iter()
                .any(|d| d.object == "column public.t.x" && d.detail.contains("public.s_old")),
            "{:?}",
            f.differences
        );
        let right = format!("{wrong};\n\nALTER TABLE public.t ALTER COLUMN x DROP DEFAULT;\n\nALTER TABLE public.t ALTER COLUMN x TYPE public.s USING x::text::public.s;\n\nALTER TABLE public.t ALTER COLUMN x SET DEFAULT 'a'::public.s;\n\nDROP TYPE public.s_old;");
        assert!(verify(&from, &to, &right, &opts).is_ok());
    }

    #[test]
    fn clone_trigger_states_are_checked() {
        let tree = "CREATE TABLE p (id int, d date) PARTITION BY RANGE (d);\n\
            CREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') PARTITION BY RANGE (d);\n\
            CREATE TABLE p11 PARTITION OF p1 FOR VALUES FROM ('2020-01-01') TO ('2020-06-01');\n\
            CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n\
            CREATE TRIGGER bi BEFORE INSERT ON p FOR EACH ROW EXECUTE FUNCTION tf();\n";
        let from = cat(tree);
        let to = cat(&format!(
            "{tree}ALTER TABLE p1 ENABLE ALWAYS TRIGGER bi;\nALTER TABLE p11 DISABLE TRIGGER bi;"
        ));
        let opts = DiffOptions::default();
        let right = "ALTER TABLE public.p1 ENABLE ALWAYS TRIGGER bi;\n\nALTER TABLE public.p11 DISABLE TRIGGER bi;";
        assert!(verify(&from, &to, right, &opts).is_ok());
        // Without ONLY, the parent's statement sets the clones under it: order matters.
        let reversed = "ALTER TABLE public.p11 DISABLE TRIGGER bi;\n\nALTER TABLE public.p1 ENABLE ALWAYS TRIGGER bi;";
        let f = verify(&from, &to, reversed, &opts).expect_err("p11 ends ALWAYS");
        assert!(
            f.differences.iter().any(|d| d.object == "table public.p11"),
            "{:?}",
            f.differences
        );
        // With ONLY, the clone below keeps its state.
        let only = "ALTER TABLE ONLY public.p1 ENABLE ALWAYS TRIGGER bi;";
        assert!(verify(&from, &to, only, &opts).is_err());
        let only = "ALTER TABLE ONLY public.p1 ENABLE ALWAYS TRIGGER bi;\n\nALTER TABLE public.p11 DISABLE TRIGGER bi;";
        assert!(verify(&from, &to, only, &opts).is_ok());
        // A clone is no trigger of its own: it cannot be dropped or made again.
        let f = verify(&to, &from, "DROP TRIGGER bi ON public.p1;", &opts).expect_err("refused");
        let messages: Vec<String> = f.replay.iter().map(|d| d.to_string()).collect();
        assert!(
            messages.iter().any(|m| m.contains(
                "cannot drop trigger bi on table p1 because trigger bi on table p requires it"
            )),
            "{messages:?}"
        );
        // The parent's trigger dropped and created again: its clones start afresh.
        let again = "DROP TRIGGER bi ON public.p;\n\nCREATE TRIGGER bi BEFORE INSERT ON public.p FOR EACH ROW EXECUTE FUNCTION public.tf();";
        assert!(verify(&to, &from, again, &opts).is_ok());
        // DETACH takes the clones away; ATTACH gives them the parent's state.
        let detached = "ALTER TABLE public.p DETACH PARTITION public.p1;\n\nALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');";
        assert!(verify(&to, &from, detached, &opts).is_ok());
    }
}
