//! Command-line arguments (clap) and their resolution into a `Config`.

use std::path::PathBuf;

use clap::Parser;

use pgdumpdiff::gate::FailOn;
use pgdumpdiff::input::SourceSpec;

const EXAMPLES: &str = "Examples:
  Migration from one dump to another, ready for psql -1 -f:
    pgdumpdiff prod.sql dev.sql > migrate.sql
  The reviewer's view of two production dumps:
    pgdumpdiff --format summary prod-old.sql prod-new.sql
  Bring a dev database to the intended schema:
    pg_dump --schema-only dev | pgdumpdiff - intended.sql | psql -1 dev
  Does a committed snapshot match what the migrations build? (0 yes, 2 no, 3 destructive)
    pgdumpdiff --check db/migrations db/structure.sql
  Does pending.sql do the whole job on prod? (prints what remains)
    pgdumpdiff prod.sql --pending pending.sql intended.sql
  Block data loss in a hook, allow additive changes:
    pgdumpdiff --check --fail-on destructive git:HEAD:db/structure.sql db/structure.sql
  The downgrade: swap FROM and TO:
    pgdumpdiff --unsafe dev.sql prod.sql > rollback.sql";

/// `--format`: which renderer writes the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The migration, ready for `psql -1 -f`, with hazard comments.
    Sql,
    /// The reviewer's view: objects removed, changed and added, with hazards and definition
    /// diffs.
    Summary,
    /// The plan for machines (see docs/json.md).
    Json,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

/// `--fail-on` (see `pgdumpdiff::gate::FailOn`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOnArg {
    /// Any change.
    Any,
    /// A statement with any hazard (a lock on an existing relation, a rewrite, an index
    /// build, a scan, may fail on rows, loses data, ...): only new objects pass.
    Hazard,
    /// A statement that takes ACCESS EXCLUSIVE on an existing relation, rewrites a table or
    /// loses data.
    Blocking,
    /// A statement that loses data: additive changes pass.
    Destructive,
}

/// pgdumpdiff: the migration between two PostgreSQL schemas, computed offline.
///
/// FROM and TO are each a SQL file (e.g. `pg_dump --schema-only` output, gzip-compressed or
/// not), a directory of `*.sql` / `*.sql.gz` files replayed in name order, `-` for standard
/// input, `git:REV:PATH`, or `EMPTY`.
///
/// Exit status: 0 no changes (or none that reaches --fail-on), 2 changes, 3 destructive
/// statements (refused without --unsafe), 1 error (including a migration that fails
/// self-verification).
#[derive(Parser, Debug)]
#[command(name = "pgdumpdiff", version, about, long_about, after_long_help = EXAMPLES)]
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
    /// Output format.
    #[arg(long, value_enum, default_value = "sql", value_name = "FORMAT")]
    pub format: Format,
    /// Colours in the summary.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: Color,
    /// In SQL output, a `-- from: FILE:LINE` comment above each statement: where its
    /// object is defined in TO (in FROM for what is dropped).
    #[arg(long)]
    pub provenance: bool,
    /// Print nothing but a one-line verdict; exit 0 (same), 2 (changes), 3 (destructive).
    #[arg(long, conflicts_with_all = ["output", "format", "provenance", "dump_catalog"])]
    pub check: bool,
    /// Which changes fail the run (exit 2, or 3 when destructive); changes below the level
    /// exit 0.
    #[arg(long, value_enum, default_value = "any", value_name = "LEVEL")]
    pub fail_on: FailOnArg,
    /// A migration file (or folder) still to apply to FROM: replayed after FROM, in the
    /// order given (repeatable). Exit 0 when FROM with them is TO; otherwise what remains
    /// is printed.
    #[arg(long, value_name = "FILE")]
    pub pending: Vec<String>,
}

/// The resolved configuration.
pub struct Config {
    pub from: SourceSpec,
    /// `--pending`: replayed after FROM, as part of it.
    pub pending: Vec<SourceSpec>,
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
    pub format: Format,
    /// Whether the summary is coloured (resolved from `--color`, the terminal and NO_COLOR).
    pub color: bool,
    pub provenance: bool,
    pub check: bool,
    pub fail_on: FailOn,
}

impl Args {
    /// The resolved configuration, or what is wrong with the arguments.
    pub fn into_config(self) -> Result<Config, String> {
        let (from, to) = (SourceSpec::parse(&self.from), SourceSpec::parse(&self.to));
        let pending: Vec<SourceSpec> = self.pending.iter().map(|p| SourceSpec::parse(p)).collect();
        let stdin = [&from, &to]
            .into_iter()
            .chain(&pending)
            .filter(|s| **s == SourceSpec::Stdin)
            .count();
        if from == SourceSpec::Stdin && to == SourceSpec::Stdin {
            return Err("FROM and TO cannot both be standard input (-)".into());
        }
        if stdin > 1 {
            return Err("standard input (-) can be read only once: FROM, TO and --pending name it more than once".into());
        }
        let color = match self.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                use std::io::IsTerminal;
                self.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let fail_on = match self.fail_on {
            FailOnArg::Any => FailOn::Any,
            FailOnArg::Hazard => FailOn::Hazard,
            FailOnArg::Blocking => FailOn::Blocking,
            FailOnArg::Destructive => FailOn::Destructive,
        };
        Ok(Config {
            from,
            pending,
            to,
            allow_unsafe: self.allow_unsafe,
            output: self.output,
            strict: self.strict,
            ignore_extension_versions: self.ignore_extension_versions,
            schemas: pgdumpdiff::diff::filter::SchemaFilter {
                include: self.schema,
                exclude: self.exclude_schema,
            },
            database: self.database,
            create_extensions_only: self.create_extensions_only,
            with_privileges: self.with_privileges,
            online: self.online,
            verify: !self.no_verify,
            jobs: self.jobs,
            quiet: self.quiet,
            timings: self.timings,
            dump_catalog: self.dump_catalog,
            format: self.format,
            color,
            provenance: self.provenance,
            check: self.check,
            fail_on,
        })
    }
}
