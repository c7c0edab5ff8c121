//! Command-line arguments (clap) and their resolution into a `Config`.

use std::path::PathBuf;

use clap::Parser;

use pgdumpdiff::input::SourceSpec;

/// pgdumpdiff: the migration between two PostgreSQL schemas, computed offline.
///
/// FROM and TO are each a SQL file (e.g. `pg_dump --schema-only` output, gzip-compressed or
/// not), a directory of `*.sql` / `*.sql.gz` files replayed in name order, `-` for standard
/// input, `git:REV:PATH`, or `EMPTY`.
///
/// Exit status: 0 no changes, 2 changes, 3 destructive statements refused (use --unsafe),
/// 1 error (including a migration that fails self-verification).
#[derive(Parser, Debug)]
#[command(name = "pgdumpdiff", version, about, long_about)]
pub struct Args {
    /// The schema as it is.
    pub from: String,
    /// The schema as it should be.
    pub to: String,
    /// Print the migration even if it holds destructive statements (drops, narrowing types).
    #[arg(long = "unsafe")]
    pub allow_unsafe: bool,
    /// Write the migration to FILE (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Make every warning an error (statements pgdumpdiff does not model, a DROP of
    /// something missing, ...).
    #[arg(long)]
    pub strict: bool,
    /// Do not emit ALTER EXTENSION ... UPDATE for version differences.
    #[arg(long)]
    pub ignore_extension_versions: bool,
    /// Only this schema (repeatable): objects in other schemas are left alone.
    #[arg(long = "schema", value_name = "NAME")]
    pub schema: Vec<String>,
    /// Leave this schema alone (repeatable).
    #[arg(long = "exclude-schema", value_name = "NAME")]
    pub exclude_schema: Vec<String>,
    /// With pg_dumpall output (several databases in one file), read only this database.
    #[arg(long, value_name = "NAME")]
    pub database: Option<String>,
    /// Only the CREATE EXTENSION statements (to run before the rest, e.g. as a superuser).
    #[arg(long)]
    pub create_extensions_only: bool,
    /// Also compare owners and privileges: emit ALTER ... OWNER TO, GRANT / REVOKE and
    /// ALTER DEFAULT PRIVILEGES.
    #[arg(long)]
    pub with_privileges: bool,
    /// Non-blocking forms on tables that hold rows: indexes built and dropped CONCURRENTLY,
    /// CHECK and FOREIGN KEY added NOT VALID then validated apart, SET NOT NULL proved by a
    /// CHECK first, keys adopting a concurrently built index. The output is then several
    /// transactions: run it with psql -f, not psql -1 -f.
    #[arg(long)]
    pub online: bool,
    /// Skip self-verification (replaying the migration onto FROM and checking it gives TO).
    #[arg(long)]
    pub no_verify: bool,
    /// Worker threads for parsing (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Print each stage's wall time and the peak memory after it to standard error.
    #[arg(long)]
    pub timings: bool,
    /// Do not print warnings.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print the catalog built from FROM and from TO (a debugging view), instead of the
    /// migration.
    #[arg(long)]
    pub dump_catalog: bool,
}

/// The resolved configuration.
pub struct Config {
    pub from: SourceSpec,
    pub to: SourceSpec,
    pub allow_unsafe: bool,
    pub output: Option<PathBuf>,
    pub strict: bool,
    pub ignore_extension_versions: bool,
    pub schemas: pgdumpdiff::diff::filter::SchemaFilter,
    pub database: Option<String>,
    pub create_extensions_only: bool,
    pub with_privileges: bool,
    pub online: bool,
    pub verify: bool,
    pub jobs: Option<usize>,
    pub quiet: bool,
    pub timings: bool,
    pub dump_catalog: bool,
}

impl Args {
    /// The resolved configuration, or what is wrong with the arguments.
    pub fn into_config(self) -> Result<Config, String> {
        let (from, to) = (SourceSpec::parse(&self.from), SourceSpec::parse(&self.to));
        if from == SourceSpec::Stdin && to == SourceSpec::Stdin {
            return Err("FROM and TO cannot both be standard input (-)".into());
        }
        Ok(Config {
            from,
            to,
            allow_unsafe: self.allow_unsafe,
            output: self.output,
            strict: self.strict,
            ignore_extension_versions: self.ignore_extension_versions,
            schemas: pgdumpdiff::diff::filter::SchemaFilter { include: self.schema, exclude: self.exclude_schema },
            database: self.database,
            create_extensions_only: self.create_extensions_only,
            with_privileges: self.with_privileges,
            online: self.online,
            verify: !self.no_verify,
            jobs: self.jobs,
            quiet: self.quiet,
            timings: self.timings,
            dump_catalog: self.dump_catalog,
        })
    }
}
