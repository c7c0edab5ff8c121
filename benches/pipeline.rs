//! The cost of each pipeline stage on a large generated schema, verification included:
//! `cargo bench --bench pipeline [-- TABLES [RUNS]]` (default 2000 tables, 7 runs). Two
//! scenarios: a broad migration (a quarter of the objects change) and a small one (one
//! column, one table, one index). Each stage runs RUNS times on the same input; the minimum
//! and the median wall time are printed, and verification as a share of parsing. A plain
//! binary (`harness = false`): nothing to install, and the numbers are what a run spends.
//! `RAYON_NUM_THREADS` sets the parser threads.

#[path = "../tests/common/synth.rs"]
mod synth;

use std::sync::Arc;
use std::time::{Duration, Instant};

use pgdumpdiff::catalog::{self, ReplayOptions};
use pgdumpdiff::input::SourceFile;
use pgdumpdiff::Migration;

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Vec<Duration>, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    (times, last.expect("at least one run"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn scenario(name: &str, from_sql: String, to_sql: String, runs: usize) {
    let files = [Arc::new(SourceFile::new("from.sql", from_sql)), Arc::new(SourceFile::new("to.sql", to_sql))];
    let (parse, (from_stmts, to_stmts)) = time(runs, || {
        let (f, _) = pgdumpdiff::syntax::parse_sources(&files[..1]);
        let (t, _) = pgdumpdiff::syntax::parse_sources(&files[1..]);
        (f, t)
    });
    let opts = ReplayOptions::default();
    let (replay, (from, to)) = time(runs, || (catalog::build(&from_stmts, opts).0, catalog::build(&to_stmts, opts).0));
    let (plan, m) = time(runs, || {
        let mut m = Migration::new(&from, &to);
        m.set_safety(false);
        m.add_all_changes();
        m
    });
    let (emit, sql) = time(runs, || m.sql());
    let (verify, verdict) = time(runs, || m.verify());
    assert!(verdict.is_ok(), "the generated migration must verify");

    println!(
        "\n{name}: FROM {} statements / {} KiB, TO {} statements / {} KiB; migration {} statements / {} KiB",
        from_stmts.len(),
        files[0].text.len() / 1024,
        to_stmts.len(),
        files[1].text.len() / 1024,
        m.changes().len(),
        sql.len() / 1024
    );
    println!("{:<28} {:>10} {:>10}", "stage (both sides)", "min ms", "median ms");
    for (stage, t) in [("parse (split + pg_query)", &parse), ("replay (catalogs)", &replay), ("diff + plan", &plan), ("emit", &emit), ("verify", &verify)] {
        println!("{stage:<28} {:>10.1} {:>10.1}", ms(t[0]), ms(t[t.len() / 2]));
    }
    println!("verify / parse: {:.1}% (min), {:.1}% (median)", 100.0 * ms(verify[0]) / ms(parse[0]), 100.0 * ms(verify[verify.len() / 2]) / ms(parse[parse.len() / 2]));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let tables: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let runs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(7).max(1);
    println!("{tables} tables, {} threads, {runs} runs per stage", rayon::current_num_threads());
    scenario("broad change", synth::schema(tables, false), synth::schema(tables, true), runs);
    let from = synth::schema(tables, false);
    let mut to = from.clone();
    to.push_str("ALTER TABLE app.t1 ADD COLUMN extra text;\n\nCREATE TABLE app.audit (id bigint NOT NULL, at timestamp with time zone);\n\nCREATE INDEX t2_amount_idx ON app.t2 USING btree (amount);\n");
    scenario("small change", from, to, runs);
}
