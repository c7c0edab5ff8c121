//! pgdumpdiff: reads two PostgreSQL schemas as SQL text (usually `pg_dump --schema-only`
//! output), builds a catalog of each offline with PostgreSQL's own parser, and produces the
//! migration that turns one into the other.
//!
//! ```no_run
//! use pgdumpdiff::{Catalog, Migration};
//! let from = pgdumpdiff::catalog_from_sql("a.sql", "CREATE TABLE t (a int);").unwrap();
//! let to = pgdumpdiff::catalog_from_sql("b.sql", "CREATE TABLE t (a int, b text);").unwrap();
//! let mut m = Migration::new(&from, &to);
//! m.set_safety(false);
//! m.add_all_changes();
//! print!("{}", m.sql());
//! ```

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// Unit tests may unwrap and index: a panic there is a failed test.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod catalog;
pub mod diag;
pub mod diff;
pub mod emit;
pub mod gate;
pub mod hashing;
pub mod input;
pub mod plan;
pub mod syntax;
pub mod timings;
pub mod verify;

use std::sync::Arc;

use catalog::graph::Graph;
pub use catalog::Catalog;
use diag::Diag;
pub use diff::{Change, DiffOptions, Hazard};
use input::{SourceFile, SourceSpec};

/// Options for building a catalog.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Every warning (an unsupported statement, a DROP of something missing, an object an
    /// extension may hold) is an error.
    pub strict: bool,
    /// How the input is read (`--database`).
    pub input: input::InputOptions,
}

/// A catalog with the warnings met while building it.
pub struct Loaded {
    pub catalog: Catalog,
    pub warnings: Vec<Diag>,
}

/// Reads, parses and replays one side. Errors (unreadable input, parse errors, and with
/// `strict` unsupported statements) come back together.
pub fn load(spec: &SourceSpec, opts: &LoadOptions) -> Result<Loaded, Vec<Diag>> {
    load_timed(spec, opts, None, "")
}

/// `load`, timing its stages as `<side> read`, `<side> parse + replay` (`load_pair_timed`
/// times both sides' parse and replay as one stage).
pub fn load_timed(
    spec: &SourceSpec,
    opts: &LoadOptions,
    timings: Option<&timings::Timings>,
    side: &str,
) -> Result<Loaded, Vec<Diag>> {
    load_all_timed(std::slice::from_ref(spec), opts, timings, side)
}

/// Reads several inputs as one side, replayed one after the other (a dump, then the
/// migration files still to apply to it: `--pending`).
pub fn load_all(specs: &[SourceSpec], opts: &LoadOptions) -> Result<Loaded, Vec<Diag>> {
    load_all_timed(specs, opts, None, "")
}

/// `load_all`, timed as `load_timed` is.
pub fn load_all_timed(
    specs: &[SourceSpec],
    opts: &LoadOptions,
    timings: Option<&timings::Timings>,
    side: &str,
) -> Result<Loaded, Vec<Diag>> {
    let (files, diags) = read_timed(specs, opts, timings, side)?;
    catalog_from_files_timed(&files, opts, diags, timings, side)
}

/// Both sides of a migration (each as `load_all` reads it), timed as `load_timed` is. The
/// two are parsed and replayed side by side, and a statement they share is parsed once
/// (see `syntax::parse_streaming_pair`): two dumps of one schema are mostly the same text.
pub fn load_pair_timed(
    from: &[SourceSpec],
    to: &[SourceSpec],
    opts: &LoadOptions,
    timings: Option<&timings::Timings>,
) -> (Result<Loaded, Vec<Diag>>, Result<Loaded, Vec<Diag>>) {
    let (read_from, read_to) = rayon::join(
        || read_timed(from, opts, timings, "FROM"),
        || read_timed(to, opts, timings, "TO"),
    );
    let ((from_files, from_diags), (to_files, to_diags)) = match (read_from, read_to) {
        (Ok(f), Ok(t)) => (f, t),
        (f, t) => {
            // A side that cannot be read: the other one is still loaded, for its errors.
            return rayon::join(
                || {
                    f.and_then(|(files, d)| {
                        catalog_from_files_timed(&files, opts, d, timings, "FROM")
                    })
                },
                || {
                    t.and_then(|(files, d)| {
                        catalog_from_files_timed(&files, opts, d, timings, "TO")
                    })
                },
            );
        }
    };
    catalog_pair_from_files_timed(
        [&from_files, &to_files],
        opts,
        [from_diags, to_diags],
        timings,
    )
}

/// The catalogs of two sides from already-read sources, parsed and replayed side by side
/// as `load_pair_timed` does.
pub fn catalog_pair_from_files(
    from: &[Arc<SourceFile>],
    to: &[Arc<SourceFile>],
    opts: &LoadOptions,
) -> (Result<Loaded, Vec<Diag>>, Result<Loaded, Vec<Diag>>) {
    catalog_pair_from_files_timed([from, to], opts, [Vec::new(), Vec::new()], None)
}

fn catalog_pair_from_files_timed(
    [from, to]: [&[Arc<SourceFile>]; 2],
    opts: &LoadOptions,
    [from_diags, to_diags]: [Vec<Diag>; 2],
    timings: Option<&timings::Timings>,
) -> (Result<Loaded, Vec<Diag>>, Result<Loaded, Vec<Diag>>) {
    let (replayed_from, replayed_to) =
        timings::stage(timings, "FROM and TO parse + replay", || {
            syntax::deep::run(|| {
                let (mut a, mut b) = (SideReplay::new(opts), SideReplay::new(opts));
                let [diags_a, diags_b] = syntax::parse_streaming_pair(
                    [from, to],
                    [&mut |chunk| a.apply(chunk), &mut |chunk| b.apply(chunk)],
                );
                (a.finish(diags_a), b.finish(diags_b))
            })
        });
    (
        settle(from, opts, from_diags, replayed_from),
        settle(to, opts, to_diags, replayed_to),
    )
}

/// The files of one side, and the warnings met reading them.
type Read = (Vec<Arc<SourceFile>>, Vec<Diag>);

/// Reads the inputs of one side, with the warnings met on the way.
fn read_timed(
    specs: &[SourceSpec],
    opts: &LoadOptions,
    timings: Option<&timings::Timings>,
    side: &str,
) -> Result<Read, Vec<Diag>> {
    let mut diags = Vec::new();
    let files = timings::stage(
        timings,
        format!("{side} read"),
        || -> Result<Vec<Arc<SourceFile>>, Vec<Diag>> {
            let mut files = Vec::new();
            for spec in specs {
                files.extend(input::load(spec, &opts.input, &mut diags).map_err(|e| vec![*e])?);
            }
            Ok(files)
        },
    )?;
    Ok((files, diags))
}

/// Builds a catalog from already-read sources. A file without a single statement is worth
/// a warning: it reads as an empty schema, which is rarely what was meant.
pub fn catalog_from_files(
    files: &[Arc<SourceFile>],
    opts: &LoadOptions,
    diags: Vec<Diag>,
) -> Result<Loaded, Vec<Diag>> {
    catalog_from_files_timed(files, opts, diags, None, "")
}

fn catalog_from_files_timed(
    files: &[Arc<SourceFile>],
    opts: &LoadOptions,
    diags: Vec<Diag>,
    timings: Option<&timings::Timings>,
    side: &str,
) -> Result<Loaded, Vec<Diag>> {
    // Parsing streams into the replay: a chunk's parse trees are dropped once replayed.
    // Both run where deep trees fit (see `syntax::deep`).
    let replayed = timings::stage(timings, format!("{side} parse + replay"), || {
        syntax::deep::run(|| {
            let mut replay = SideReplay::new(opts);
            let parse_diags = syntax::parse_streaming(files, &mut |chunk| replay.apply(chunk));
            replay.finish(parse_diags)
        })
    });
    settle(files, opts, diags, replayed)
}

/// The replay of one side's statements as they stream in.
struct SideReplay {
    builder: catalog::Builder,
    /// The files that hold a statement, by address (statements arrive in file order).
    with_statements: Vec<usize>,
}

/// What replaying one side made: its parse diagnostics, the files that held a statement,
/// the catalog and the replay's diagnostics.
struct Replayed {
    parse_diags: Vec<Diag>,
    with_statements: Vec<usize>,
    catalog: Catalog,
    replay_diags: Vec<Diag>,
}

impl SideReplay {
    fn new(opts: &LoadOptions) -> Self {
        SideReplay {
            builder: catalog::Builder::new(catalog::ReplayOptions {
                strict: opts.strict,
            }),
            with_statements: Vec::new(),
        }
    }

    fn apply(&mut self, chunk: &[syntax::Stmt]) {
        for s in chunk {
            let at = Arc::as_ptr(&s.file) as usize;
            if self.with_statements.last() != Some(&at) {
                self.with_statements.push(at);
            }
        }
        self.builder.apply(chunk)
    }

    fn finish(self, parse_diags: Vec<Diag>) -> Replayed {
        let (catalog, replay_diags) = self.builder.finish();
        Replayed {
            parse_diags,
            with_statements: self.with_statements,
            catalog,
            replay_diags,
        }
    }
}

/// A side's catalog and warnings, or its errors: parse errors, then (unless parsing failed)
/// a warning for each file without a statement, then the replay's diagnostics, all errors
/// with `strict`.
fn settle(
    files: &[Arc<SourceFile>],
    opts: &LoadOptions,
    mut diags: Vec<Diag>,
    replayed: Replayed,
) -> Result<Loaded, Vec<Diag>> {
    let Replayed {
        parse_diags,
        with_statements,
        catalog,
        replay_diags,
    } = replayed;
    let parse_failed = parse_diags.iter().any(Diag::is_error);
    diags.extend(parse_diags);
    if !parse_failed {
        for f in files
            .iter()
            .filter(|f| !with_statements.contains(&(Arc::as_ptr(f) as usize)))
        {
            diags.push(Diag::warning(
                "empty-input",
                format!(
                    "{} holds no SQL statement: it reads as an empty schema",
                    f.name
                ),
            ));
        }
    }
    diags.extend(replay_diags);
    if opts.strict {
        for d in &mut diags {
            d.severity = diag::Severity::Error;
        }
    }
    if diags.iter().any(Diag::is_error) {
        return Err(diags);
    }
    Ok(Loaded {
        catalog,
        warnings: diags,
    })
}

/// A catalog from SQL text (a convenience for tests and library users).
pub fn catalog_from_sql(name: &str, sql: &str) -> Result<Catalog, Vec<Diag>> {
    let mut text = sql.as_bytes().to_vec();
    input::blank_non_sql(&mut text);
    let file = Arc::new(SourceFile::new(
        name,
        String::from_utf8_lossy(&text).into_owned(),
    ));
    catalog_from_files(&[file], &LoadOptions::default(), Vec::new()).map(|l| l.catalog)
}

/// The migration between two catalogs, in the shape migra users know.
pub struct Migration<'a> {
    from: &'a Catalog,
    to: &'a Catalog,
    safe: bool,
    opts: DiffOptions,
    changes: Vec<Change>,
    cycles: Vec<Vec<String>>,
    /// FROM with the migration replayed onto it (which read the hazards), for `verify`.
    replayed: Option<verify::Replayed>,
    timings: Option<&'a timings::Timings>,
}

impl<'a> Migration<'a> {
    pub fn new(from: &'a Catalog, to: &'a Catalog) -> Migration<'a> {
        Migration {
            from,
            to,
            safe: true,
            opts: DiffOptions::default(),
            changes: Vec::new(),
            cycles: Vec::new(),
            replayed: None,
            timings: None,
        }
    }

    /// With safety on (the default), destructive statements are refused by `check_safety`.
    pub fn set_safety(&mut self, safe: bool) {
        self.safe = safe;
    }

    /// Times the stages of `add_all_changes` and `verify` into `timings` (`--timings`).
    pub fn set_timings(&mut self, timings: &'a timings::Timings) {
        self.timings = Some(timings);
    }

    pub fn set_options(&mut self, opts: DiffOptions) {
        self.opts = opts;
    }

    /// Computes every change, in the order it must run.
    pub fn add_all_changes(&mut self) {
        syntax::deep::run(|| self.plan_and_assess());
    }

    fn plan_and_assess(&mut self) {
        let restricted = (!self.opts.schemas.is_all()).then(|| {
            let f = &self.opts.schemas;
            (
                diff::filter::restrict(self.from, f),
                diff::filter::restrict_to(self.from, self.to, f),
            )
        });
        let (from, to) = match &restricted {
            Some((a, b)) => (a, b),
            None => (self.from, self.to),
        };
        // Extensions moving to another schema, then label renames TO's history makes
        // certain, run first; the rest is planned from FROM with them replayed (see
        // `diff::extension_moves`, `diff::label_renames`).
        let mut moves = diff::extension_moves::first(from, to);
        let mut renames = diff::label_renames::certain(from, to);
        let renamed = (!moves.is_empty() || !renames.is_empty()).then(|| {
            let sql: String = moves
                .iter()
                .map(|c| c.sql.clone())
                .chain(renames.iter().map(|r| r.sql()))
                .map(|s| format!("{s};\n"))
                .collect();
            verify::replay(from, &sql)
        });
        let from = match &renamed {
            Some((cat, problems)) if problems.is_empty() => cat,
            _ => {
                moves.clear();
                renames.clear();
                from
            }
        };
        let t = self.timings;
        let (gf, gt) = timings::stage(t, "dependency graphs", || {
            rayon::join(|| Graph::build(from), || Graph::build(to))
        });
        let changes = timings::stage(t, "diff", || diff::diff(from, to, &gf, &self.opts));
        let plan = timings::stage(t, "plan", || plan::order(changes, from, to, &gf, &gt));
        self.changes = moves
            .into_iter()
            .chain(renames.iter().map(|r| r.change(to)))
            .chain(plan.changes)
            .collect();
        if self.opts.create_extensions_only {
            self.changes
                .retain(|c| c.sql.starts_with("CREATE EXTENSION "));
        }
        self.cycles = plan.cycles;
        for c in &mut self.changes {
            c.provenance = diff::Provenance::of(&c.object.node, self.from, self.to);
        }
        // The graphs are freed beside the replay of the migration rather than before it.
        let graphs = (gf, gt);
        timings::stage(t, "hazards (migration replayed)", || {
            rayon::join(move || drop(graphs), || self.assess())
        });
    }

    /// The definitions of a changed object in FROM and in TO, where it has one as text (a
    /// view, routine, trigger, policy, rule, type, index, constraint, column default, ...),
    /// for the reviewer's diff.
    pub fn definitions(&self, object: &diff::ObjectRef) -> Option<(String, String)> {
        Some((
            diff::about::definition(&object.node, self.from)?,
            diff::about::definition(&object.node, self.to)?,
        ))
    }

    /// Replays the migration onto FROM, reading what each statement risks on a database
    /// that holds rows (see `catalog::hazard`); the replay is kept for `verify`.
    fn assess(&mut self) {
        let (sql, spans) = emit::sql::render_spans(&self.changes);
        let replayed = verify::replay_assessed(self.from, &sql);
        for (span, hazards) in &replayed.statements {
            // The change whose statement holds this one (a change is one statement).
            let i = spans.partition_point(|s| s.start <= span.start);
            if let Some(c) = i.checked_sub(1).and_then(|i| self.changes.get_mut(i)) {
                c.hazards.extend(hazards.iter().cloned());
            }
        }
        self.replayed = Some(replayed);
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Dependency cycles the plan had to break, each as the statements on it. The order of
    /// those statements is a guess; the server may refuse it.
    pub fn cycles(&self) -> &[Vec<String>] {
        &self.cycles
    }

    /// The statements, without terminators.
    pub fn statements(&self) -> Vec<String> {
        self.changes.iter().map(|c| c.sql.clone()).collect()
    }

    /// The migration as SQL text.
    pub fn sql(&self) -> String {
        emit::sql::render(&self.changes)
    }

    /// The migration as SQL text, with options (`--provenance`).
    pub fn sql_with(&self, opts: &emit::sql::Options) -> String {
        emit::sql::render_with(&self.changes, opts)
    }

    /// Statements that can lose data.
    pub fn destructive(&self) -> Vec<&Change> {
        self.changes
            .iter()
            .filter(|c| c.hazards.iter().any(Hazard::is_data_loss))
            .collect()
    }

    /// Self-verification: replays `sql()` onto FROM and checks the result means TO (see
    /// `verify`). An error is a bug in pgdumpdiff.
    pub fn verify(&self) -> Result<verify::Passed, verify::Failure> {
        timings::stage(self.timings, "verify (compare with TO)", || {
            syntax::deep::run(|| match &self.replayed {
                Some(r) => verify::check(r, self.from, self.to, &self.opts),
                None => verify::verify(self.from, self.to, &self.sql(), &self.opts),
            })
        })
    }

    /// What the diff engine still finds between FROM + `sql()` and TO: empty when the diff
    /// settles (see `verify::remaining`).
    pub fn remaining(&self) -> Vec<String> {
        syntax::deep::run(|| verify::remaining(self.from, self.to, &self.sql(), &self.opts))
    }

    /// With safety on, an error listing the destructive statements, if any.
    pub fn check_safety(&self) -> Result<(), Vec<&Change>> {
        let d = self.destructive();
        if self.safe && !d.is_empty() {
            Err(d)
        } else {
            Ok(())
        }
    }
}
