//! The binary: arguments -> config -> run -> exit status. The only place that picks the
//! exit status.

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

mod cli;
mod output;

/// The parse trees and catalogs are millions of small allocations: mimalloc makes them
/// (and the frees) about a fifth cheaper than the system allocator.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::mem::ManuallyDrop;
use std::process::ExitCode;

use clap::Parser;
use cli::Format;
use pgdumpdiff::diag::Diag;
use pgdumpdiff::emit;
use pgdumpdiff::gate::{Outcome, Verdict};
use pgdumpdiff::input::{InputOptions, SourceSpec};
use pgdumpdiff::{DiffOptions, LoadOptions, Migration};

/// migra-compatible exit statuses.
mod exit {
    pub const NO_CHANGES: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const CHANGES: u8 = 2;
    pub const UNSAFE: u8 = 3;
}

fn main() -> ExitCode {
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // --help and --version print and succeed; every usage error exits 1 (clap's own
            // status, 2, would read as "changes" to a CI gate).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::ERROR
            } else {
                exit::NO_CHANGES
            });
        }
    };
    let config = match args.into_config() {
        Ok(c) => c,
        Err(e) => {
            report(&[Diag::error("usage", e)], false);
            return ExitCode::from(exit::ERROR);
        }
    };
    if let Some(n) = config.jobs {
        // Only fails if a pool was already built, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    // Every stage holds or walks parse trees, some deep (see `syntax::deep`).
    ExitCode::from(pgdumpdiff::syntax::deep::run(|| run(&config)))
}

/// Prints diagnostics (warnings only unless `quiet`); returns the number of warnings among
/// them, printed or not.
fn report(diags: &[Diag], quiet: bool) -> usize {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let mut out = String::new();
    let mut warnings = 0;
    // Warnings of one kind past the first few say nothing new: they are counted instead.
    const SHOWN_PER_CODE: usize = 10;
    let mut per_code: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for d in diags {
        if !d.is_error() {
            warnings += 1;
            let seen = per_code.entry(d.code).or_default();
            *seen += 1;
            if quiet || *seen > SHOWN_PER_CODE {
                continue;
            }
        }
        out.clear();
        if handler.render_report(&mut out, d).is_err() {
            out = format!("{d}\n");
        }
        eprint!("{out}");
    }
    for (code, n) in per_code {
        if !quiet && n > SHOWN_PER_CODE {
            eprintln!(
                "pgdumpdiff::{code}: {} more warning(s) like these, not shown",
                n - SHOWN_PER_CODE
            );
        }
    }
    warnings
}

/// The exit status of a run that got this far: 0 same (or nothing reaches --fail-on), 2
/// changes, 3 destructive (2 once --unsafe printed the SQL anyway).
fn status(v: &Verdict, config: &cli::Config) -> u8 {
    match v.outcome {
        Outcome::Same | Outcome::Allowed => exit::NO_CHANGES,
        Outcome::Changes => exit::CHANGES,
        Outcome::Destructive if config.allow_unsafe && !config.check => exit::CHANGES,
        Outcome::Destructive => exit::UNSAFE,
    }
}

fn run(config: &cli::Config) -> u8 {
    if let Some(out) = &config.output {
        let inputs: Vec<_> = std::iter::once(&config.from)
            .chain(&config.pending)
            .chain([&config.to])
            .flat_map(|s| s.local_files())
            .collect();
        if let Err(e) = output::check_not_an_input(out, &inputs) {
            report(&[Diag::error("io", e)], false);
            return exit::ERROR;
        }
    }
    let timings = pgdumpdiff::timings::Timings::default();
    // Printed to stderr when the run ends, whichever way it ends.
    let _report = config.timings.then(|| TimingsReport(&timings));
    let t = config.timings.then_some(&timings);
    // --check prints its verdict only; warnings are counted in it.
    let quiet = config.quiet || config.check;
    let opts = LoadOptions {
        strict: config.strict,
        input: InputOptions {
            database: config.database.clone(),
        },
    };
    let from_side: Vec<SourceSpec> = std::iter::once(config.from.clone())
        .chain(config.pending.iter().cloned())
        .collect();
    let (from, to) =
        pgdumpdiff::load_pair_timed(&from_side, std::slice::from_ref(&config.to), &opts, t);
    // The process ends when `run` returns and its memory goes back to the system whole:
    // freeing the catalogs piece by piece first, on any way out, would only cost time.
    let (from, to) = match (from, to) {
        (Ok(f), Ok(t)) => (ManuallyDrop::new(f), ManuallyDrop::new(t)),
        (f, t) => {
            for side in [f.err(), t.err()].into_iter().flatten() {
                report(&side, quiet);
            }
            return exit::ERROR;
        }
    };
    let mut warnings = report(&from.warnings, quiet) + report(&to.warnings, quiet);
    let unknown: Vec<Diag> = config
        .schemas
        .unknown(&from.catalog, &to.catalog)
        .into_iter()
        .map(|s| Diag::warning("unknown-schema", format!("schema {s} is in neither FROM nor TO: --schema / --exclude-schema {s} selects nothing")))
        .collect();
    warnings += report(&unknown, quiet);
    if config.dump_catalog {
        println!("-- FROM\n{:#?}\n-- TO\n{:#?}", from.catalog, to.catalog);
        return exit::NO_CHANGES;
    }

    let mut m = ManuallyDrop::new(Migration::new(&from.catalog, &to.catalog));
    if config.timings {
        m.set_timings(&timings);
    }
    m.set_safety(!config.allow_unsafe);
    m.set_options(DiffOptions {
        ignore_extension_versions: config.ignore_extension_versions,
        schemas: config.schemas.clone(),
        create_extensions_only: config.create_extensions_only,
        with_privileges: config.with_privileges,
        online: config.online,
    });
    m.add_all_changes();
    for cycle in m.cycles() {
        let members: Vec<String> = cycle
            .iter()
            .map(|s| format!("  {};", s.lines().next().unwrap_or("")))
            .collect();
        let msg = format!(
            "these statements depend on each other in a cycle; their order is a guess:\n{}",
            members.join("\n")
        );
        warnings += report(&[Diag::warning("dependency-cycle", msg)], quiet);
    }
    // Only SQL, which can be run, is refused; the reviewer's views show what would be lost.
    if config.format == Format::Sql && !config.check {
        if let Err(bad) = m.check_safety() {
            eprintln!("pgdumpdiff: the migration holds {} destructive statement(s); not printed (use --unsafe):", bad.len());
            // Enough to see what kind of loss it is; --format summary lists every one.
            const SHOWN: usize = 20;
            for c in bad.iter().take(SHOWN) {
                eprintln!("  {};", c.sql.lines().next().unwrap_or(""));
            }
            if bad.len() > SHOWN {
                eprintln!(
                    "  ... and {} more (--format summary lists them all)",
                    bad.len() - SHOWN
                );
            }
            return exit::UNSAFE;
        }
    }
    if config.verify {
        match m.verify() {
            Ok(passed) => warnings += report(&passed.diagnostics(), quiet),
            Err(failure) => {
                report(&failure.diagnostics(), false);
                return exit::ERROR;
            }
        }
    }
    let verdict = Verdict::of(m.changes(), config.fail_on);
    if config.check {
        match warnings {
            0 => println!("{verdict}"),
            n => println!(
                "{verdict} ({n} warning{}: run without --check to see {})",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
        }
        return status(&verdict, config);
    }
    let text = pgdumpdiff::timings::stage(t, "emit", || match config.format {
        Format::Sql => m.sql_with(&emit::sql::Options {
            provenance: config.provenance,
        }),
        Format::Summary => emit::summary::render(
            &m,
            &emit::summary::Options {
                color: config.color,
            },
        ),
        Format::Json => emit::json::render(&m),
    });
    if let Err(e) = pgdumpdiff::timings::stage(t, "write", || {
        output::write(config.output.as_deref(), &text)
    }) {
        report(&[Diag::error("io", e)], false);
        return exit::ERROR;
    }
    status(&verdict, config)
}

/// Prints the `--timings` report when dropped.
struct TimingsReport<'a>(&'a pgdumpdiff::timings::Timings);

impl Drop for TimingsReport<'_> {
    fn drop(&mut self) {
        eprint!("{}", self.0.report());
    }
}
