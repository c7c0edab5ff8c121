//! The cost of each pipeline stage on generated schemas of growing size, side by side with
//! the bare parse of the same inputs: `cargo bench --bench pipeline [-- TABLES...]` (default
//! 100, 1000 and 10000 tables of `tests/common/synth.rs`, about 1k, 11k and 110k statements
//! per side; the median of `BENCH_RUNS` runs, default 3). Two scenarios per size, as the goals name them: a
//! small change between two large schemas (the typical pair), and EMPTY -> the schema.
//!
//! "bare parse" is what any pg_query-based tool pays: both inputs split with PostgreSQL's
//! scanner and every statement parsed, in parallel (rayon), the trees dropped. "end to end"
//! is everything pgdumpdiff does in process: load both sides (parse streamed into the
//! replay), diff, plan, read hazards, verify, emit. The ratio of the medians is printed; the
//! binary's own `--timings` gives the same stages for any input. A plain binary
//! (`harness = false`): nothing to install. `RAYON_NUM_THREADS` sets the threads;
//! `BENCH_WRITE=DIR` writes each size's pair as `DIR/synth<N>_{a,b}.sql` instead of timing it.

#[path = "../tests/common/synth.rs"]
mod synth;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use pgdumpdiff::input::SourceFile;
use pgdumpdiff::{LoadOptions, Migration};

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Split + parse every statement of `files`, in parallel, dropping the trees.
fn bare_parse(files: &[Arc<SourceFile>]) -> usize {
    files
        .par_iter()
        .map(|f| {
            let spans = pgdumpdiff::syntax::split_statements(&f.text).unwrap_or_default();
            spans
                .into_par_iter()
                .map(|s| {
                    pg_query::parse(&f.text[s], 0)
                        .map(|r| r.protobuf.stmts.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
        .sum()
}

struct Row {
    stages: Vec<(&'static str, Duration)>,
    end_to_end: Duration,
    bare: Duration,
}

fn scenario(from_sql: &str, to_sql: &str, runs: usize) -> Row {
    let file = |name: &str, text: &str| Arc::new(SourceFile::new(name, text.to_string()));
    let files = [file("from.sql", from_sql), file("to.sql", to_sql)];
    let opts = LoadOptions::default();
    let load_both = || {
        let (from, to) = pgdumpdiff::catalog_pair_from_files(
            std::slice::from_ref(&files[0]),
            std::slice::from_ref(&files[1]),
            &opts,
        );
        let loaded = |l: Result<pgdumpdiff::Loaded, _>| {
            l.map(|l| l.catalog)
                .unwrap_or_else(|_| panic!("the generated schema loads"))
        };
        (loaded(from), loaded(to))
    };
    let bare = median(runs, || {
        bare_parse(&files);
    });
    let load_time = median(runs, || {
        load_both();
    });
    let (from, to) = load_both();
    let plan = median(runs, || {
        let mut m = Migration::new(&from, &to);
        m.set_safety(false);
        m.add_all_changes();
    });
    let mut m = Migration::new(&from, &to);
    m.set_safety(false);
    m.add_all_changes();
    let verify = median(runs, || {
        assert!(m.verify().is_ok(), "the generated migration must verify")
    });
    let emit = median(runs, || {
        m.sql();
    });
    let end_to_end = median(runs, || {
        let (from, to) = load_both();
        let mut m = Migration::new(&from, &to);
        m.set_safety(false);
        m.add_all_changes();
        assert!(m.verify().is_ok());
        m.sql();
    });
    Row {
        stages: vec![
            ("load both (parse + replay)", load_time),
            ("diff + plan + hazards", plan),
            ("verify", verify),
            ("emit", emit),
        ],
        end_to_end,
        bare,
    }
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    let mut sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![100, 1000, 10000];
    }
    println!(
        "{} threads, median of {runs} runs per figure",
        rayon::current_num_threads()
    );
    for tables in sizes {
        let schema = synth::schema(tables, false);
        let statements = pgdumpdiff::syntax::split_statements(&schema)
            .map(|s| s.len())
            .unwrap_or(0);
        let mut changed = schema.clone();
        changed.push_str("ALTER TABLE app.t1 ADD COLUMN extra text;\n\nCREATE TABLE app.audit (id bigint NOT NULL, at timestamp with time zone);\n\nCREATE INDEX t2_amount_idx ON app.t2 USING btree (amount);\n");
        if let Ok(dir) = std::env::var("BENCH_WRITE") {
            // The inputs as files, for the binary and the bare-parse yardstick.
            let dir = std::path::Path::new(&dir);
            let write = |name: String, text: &str| {
                if let Err(e) = std::fs::write(dir.join(&name), text) {
                    eprintln!("{name}: {e}");
                }
            };
            write(format!("synth{tables}_a.sql"), &schema);
            write(format!("synth{tables}_b.sql"), &changed);
            println!("{tables} tables written to {}", dir.display());
            continue;
        }
        for (name, from, to) in [
            ("small change", schema.as_str(), changed.as_str()),
            ("EMPTY -> schema", "", schema.as_str()),
        ] {
            let row = scenario(from, to, runs);
            println!(
                "\n{tables} tables ({statements} statements, {} KiB per side), {name}",
                schema.len() / 1024
            );
            for (stage, t) in &row.stages {
                println!("  {stage:<30} {:>10.1} ms", ms(*t));
            }
            println!("  {:<30} {:>10.1} ms", "end to end", ms(row.end_to_end));
            println!(
                "  {:<30} {:>10.1} ms",
                "bare parse (split + pg_query)",
                ms(row.bare)
            );
            println!(
                "  {:<30} {:>10.2}x",
                "end to end / bare parse",
                ms(row.end_to_end) / ms(row.bare)
            );
        }
    }
}
