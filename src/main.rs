//! The binary: arguments -> config -> run -> exit status. The only place that picks the
//! exit status.

mod cli;
mod output;

use std::process::ExitCode;

use clap::Parser;
use pgdumpdiff::diag::Diag;
use pgdumpdiff::input::InputOptions;
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
            return ExitCode::from(if e.use_stderr() { exit::ERROR } else { exit::NO_CHANGES });
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
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    ExitCode::from(run(&config))
}

fn report(diags: &[Diag], quiet: bool) {
    let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let mut out = String::new();
    for d in diags {
        if quiet && !d.is_error() {
            continue;
        }
        out.clear();
        if handler.render_report(&mut out, d).is_err() {
            out = format!("{d}\n");
        }
        eprint!("{out}");
    }
}

fn run(config: &cli::Config) -> u8 {
    if let Some(out) = &config.output {
        let inputs: Vec<_> = config.from.local_files().into_iter().chain(config.to.local_files()).collect();
        if let Err(e) = output::check_not_an_input(out, &inputs) {
            report(&[Diag::error("io", e)], false);
            return exit::ERROR;
        }
    }
    let timings = pgdumpdiff::timings::Timings::default();
    // Printed to stderr when the run ends, whichever way it ends.
    let _report = config.timings.then(|| TimingsReport(&timings));
    let opts = LoadOptions { strict: config.strict, input: InputOptions { database: config.database.clone() } };
    let t = config.timings.then_some(&timings);
    let (from, to) = rayon::join(|| pgdumpdiff::load_timed(&config.from, &opts, t, "FROM"), || pgdumpdiff::load_timed(&config.to, &opts, t, "TO"));
    let (from, to) = match (from, to) {
        (Ok(f), Ok(t)) => (f, t),
        (f, t) => {
            for side in [f.err(), t.err()].into_iter().flatten() {
                report(&side, config.quiet);
            }
            return exit::ERROR;
        }
    };
    report(&from.warnings, config.quiet);
    report(&to.warnings, config.quiet);
    if config.dump_catalog {
        println!("-- FROM\n{:#?}\n-- TO\n{:#?}", from.catalog, to.catalog);
        return exit::NO_CHANGES;
    }

    let mut m = Migration::new(&from.catalog, &to.catalog);
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
        let members: Vec<String> = cycle.iter().map(|s| format!("  {};", s.lines().next().unwrap_or(""))).collect();
        let msg = format!("these statements depend on each other in a cycle; their order is a guess:\n{}", members.join("\n"));
        report(&[Diag::warning("dependency-cycle", msg)], config.quiet);
    }
    if let Err(bad) = m.check_safety() {
        eprintln!("pgdumpdiff: the migration holds {} destructive statement(s); not printed (use --unsafe):", bad.len());
        for c in bad {
            eprintln!("  {};", c.sql.lines().next().unwrap_or(""));
        }
        return exit::UNSAFE;
    }
    if config.verify {
        match m.verify() {
            Ok(passed) => report(&passed.diagnostics(), config.quiet),
            Err(failure) => {
                report(&failure.diagnostics(), false);
                return exit::ERROR;
            }
        }
    }
    let sql = pgdumpdiff::timings::stage(t, "emit", || m.sql());
    if let Err(e) = pgdumpdiff::timings::stage(t, "write", || output::write(config.output.as_deref(), &sql)) {
        report(&[Diag::error("io", e)], false);
        return exit::ERROR;
    }
    if m.changes().is_empty() {
        exit::NO_CHANGES
    } else {
        exit::CHANGES
    }
}

/// Prints the `--timings` report when dropped.
struct TimingsReport<'a>(&'a pgdumpdiff::timings::Timings);

impl Drop for TimingsReport<'_> {
    fn drop(&mut self) {
        eprint!("{}", self.0.report());
    }
}
