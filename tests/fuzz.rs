//! A seeded, structured fuzzer over the whole pipeline, in process: two inputs made by
//! mutating seed schemas (every fixture, and the shared corpus when it is beside the
//! project), read, parsed, replayed, diffed, planned, assessed, emitted and self-verified.
//! A run fails on a panic anywhere, on a migration that differs between two runs of the
//! same inputs, and on statements split otherwise than PostgreSQL's scanner splits them. Verification refusing a migration is not a failure: pgdumpdiff then writes
//! nothing, which is its answer for inputs it cannot handle.
//!
//! Mutations work on what PostgreSQL's scanner sees (statements, identifiers, literals) as
//! well as on raw bytes, so that most inputs still parse and reach the later stages. The
//! random numbers come from a fixed seed: a run is reproducible. `PGDUMPDIFF_FUZZ_EXECS`
//! sets the number of executions (default: a short run, as in CI), `PGDUMPDIFF_FUZZ_SEED`
//! the seed. Inputs that once failed are kept under `tests/inputs/fuzz/` and run first.
//!
//! A crash that takes the process down (a stack overflow, an abort in C code) leaves no
//! finding to report: with `PGDUMPDIFF_FUZZ_TRACE=DIR`, each worker writes the inputs of the
//! execution it is about to run to `DIR/worker-<n>/{from,to}.sql` (and which execution it is
//! to `DIR/worker-<n>/execution`), overwriting the last ones, so after a crash each worker's
//! last inputs are on disk, in the layout of a regression case (a folder without `execution`
//! belonged to a worker between two executions, not the one that crashed).

use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

/// splitmix64: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        (!v.is_empty()).then(|| &v[self.below(v.len())])
    }
}

/// The seeds: every fixture's a.sql and b.sql, every `*.sql` of the shared corpus when it
/// is there.
fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("fixtures"), &mut files);
    collect(&root.join("../shared/corpus"), &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .filter(|t| t.len() < 400_000)
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "sql") && !p.ends_with("expected.sql") {
            out.push(p);
        }
    }
}

/// Pieces mutations draw from: statements, identifiers and literals of all seeds, and each
/// seed's statements in order.
struct Pool {
    statements: Vec<String>,
    words: Vec<String>,
    by_seed: Vec<Vec<String>>,
}

impl Pool {
    fn of(seeds: &[String]) -> Pool {
        let mut statements = Vec::new();
        let mut words = Vec::new();
        let mut by_seed = Vec::new();
        for s in seeds {
            let own: Vec<String> = pgdumpdiff::syntax::split_statements(s)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|r| s.get(r).map(str::to_string))
                .collect();
            statements.extend(own.iter().cloned());
            by_seed.push(own);
            for w in s
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\'' || c == '"'))
                .filter(|w| !w.is_empty() && w.len() < 40)
            {
                words.push(w.to_string());
            }
        }
        statements.sort();
        statements.dedup();
        words.sort();
        words.dedup();
        Pool {
            statements,
            words,
            by_seed,
        }
    }
}

/// One mutation of `text`.
fn mutate(text: &str, pool: &Pool, rng: &mut Rng) -> String {
    let stmts: Vec<String> = pgdumpdiff::syntax::split_statements(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| text.get(r).map(str::to_string))
        .collect();
    let join = |v: &[String]| v.iter().map(|s| format!("{s};\n")).collect::<String>();
    match rng.below(10) {
        // Statement level: drop, duplicate, swap, borrow from another schema.
        0 if !stmts.is_empty() => {
            let mut v = stmts.clone();
            v.remove(rng.below(v.len()));
            join(&v)
        }
        1 if !stmts.is_empty() => {
            let mut v = stmts.clone();
            let i = rng.below(v.len());
            let s = v[i].clone();
            v.insert(rng.below(v.len() + 1), s);
            join(&v)
        }
        2 if stmts.len() > 1 => {
            let mut v = stmts.clone();
            let (i, j) = (rng.below(v.len()), rng.below(v.len()));
            v.swap(i, j);
            join(&v)
        }
        3 => {
            let mut v = stmts.clone();
            if let Some(s) = rng.pick(&pool.statements) {
                v.insert(rng.below(v.len() + 1), s.clone());
            }
            join(&v)
        }
        // Word level: an identifier, keyword or literal replaced by another from the pool.
        4..=6 => {
            let words: Vec<(usize, usize)> = word_spans(text);
            match (rng.pick(&words), rng.pick(&pool.words)) {
                (Some(&(s, e)), Some(w)) => format!("{}{w}{}", &text[..s], &text[e..]),
                _ => text.to_string(),
            }
        }
        // Byte level: cut, delete, insert, splice.
        7 => text[..floor(text, rng.below(text.len() + 1))].to_string(),
        8 => {
            let a = floor(text, rng.below(text.len() + 1));
            let b = floor(text, (a + rng.below(64)).min(text.len()));
            format!("{}{}", &text[..a], &text[b..])
        }
        _ => {
            let a = floor(text, rng.below(text.len() + 1));
            let insert = [
                "(",
                ")",
                ";",
                "'",
                "\"",
                "$$",
                "--",
                "/*",
                "\0",
                ",",
                " NOT NULL",
                " DEFAULT 1",
                "[]",
                "::text",
                "\u{feff}",
                "é",
            ];
            format!(
                "{}{}{}",
                &text[..a],
                insert[rng.below(insert.len())],
                &text[a..]
            )
        }
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte ranges of the words (identifier-like runs) of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Runs the pipeline on one pair; returns the migration (or why there is none).
fn pipeline(from: &str, to: &str) -> String {
    let (Ok(a), Ok(b)) = (
        pgdumpdiff::catalog_from_sql("from.sql", from),
        pgdumpdiff::catalog_from_sql("to.sql", to),
    ) else {
        return "does not load".to_string();
    };
    let mut m = pgdumpdiff::Migration::new(&a, &b);
    m.set_safety(false);
    m.add_all_changes();
    let sql = m.sql();
    match m.verify() {
        Ok(_) => sql,
        Err(_) => format!("refused by verification\n{sql}"),
    }
}

thread_local! {
    /// Set while this thread runs a fuzz execution: its panics are caught and reported as
    /// findings, not printed.
    static FUZZING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the panics of fuzz executions quiet; every other panic prints as usual.
fn quiet_fuzz_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !FUZZING.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// `pipeline`, with a panic caught.
fn guarded(from: &str, to: &str) -> std::thread::Result<String> {
    FUZZING.with(|f| f.set(true));
    let out = std::panic::catch_unwind(AssertUnwindSafe(|| pipeline(from, to)));
    FUZZING.with(|f| f.set(false));
    out
}

/// With `PGDUMPDIFF_FUZZ_TRACE=DIR`, writes the inputs of the execution this thread is about
/// to run to `DIR/worker-<n>/` (see the module's documentation). `execution` goes first and
/// comes back last, each file whole (written aside, then renamed): a folder without it
/// belonged to a worker between two executions, one with it holds that execution's inputs.
/// A trace that cannot be written fails the run: it was asked for.
fn trace(what: &str, from: &str, to: &str) {
    let Some(dir) = std::env::var_os("PGDUMPDIFF_FUZZ_TRACE") else {
        return;
    };
    let dir = PathBuf::from(dir).join(format!(
        "worker-{}",
        rayon::current_thread_index().map_or_else(|| "main".to_string(), |i| i.to_string())
    ));
    fn fail(what: &Path, e: std::io::Error) -> ! {
        panic!("PGDUMPDIFF_FUZZ_TRACE: {}: {e}", what.display())
    }
    let write = |name: &str, text: &str| {
        let (aside, path) = (dir.join(format!(".{name}")), dir.join(name));
        std::fs::write(&aside, text).unwrap_or_else(|e| fail(&aside, e));
        std::fs::rename(&aside, &path).unwrap_or_else(|e| fail(&path, e));
    };
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&dir, e));
    if let Err(e) = std::fs::remove_file(dir.join("execution")) {
        if e.kind() != std::io::ErrorKind::NotFound {
            fail(&dir.join("execution"), e);
        }
    }
    write("from.sql", from);
    write("to.sql", to);
    write("execution", &format!("{what}\n"));
}

/// What one execution (named `what` in a trace) found wrong, if anything.
fn execute(what: &str, from: &str, to: &str, check_determinism: bool) -> Option<String> {
    trace(what, from, to);
    for (side, text) in [("FROM", from), ("TO", to)] {
        if pgdumpdiff::syntax::split_statements(text)
            != pgdumpdiff::syntax::split_with_scanner(text)
        {
            return Some(format!("{side}: the split differs from the scanner's"));
        }
    }
    let first = guarded(from, to);
    match first {
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Some(format!("panic: {msg}"))
        }
        Ok(out) if check_determinism => {
            let again = guarded(from, to).ok();
            (again.as_deref() != Some(out.as_str()))
                .then(|| "two runs of the same inputs differ".to_string())
        }
        Ok(_) => None,
    }
}

/// The regression cases: `tests/inputs/fuzz/<case>/{from,to}.sql`.
fn regressions() -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs/fuzz");
    let mut out = Vec::new();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    for c in cases {
        let read = |f: &str| {
            std::fs::read_to_string(c.join(f))
                .unwrap_or_else(|e| panic!("{}: {e}", c.join(f).display()))
        };
        out.push((
            c.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            read("from.sql"),
            read("to.sql"),
        ));
    }
    out
}

#[test]
fn the_pipeline_never_panics_and_is_deterministic_on_mutated_schemas() {
    quiet_fuzz_panics();
    for (name, from, to) in regressions() {
        if let Some(problem) = execute(&format!("regression case {name}"), &from, &to, true) {
            panic!("regression case {name}: {problem}");
        }
    }
    let execs: usize = std::env::var("PGDUMPDIFF_FUZZ_EXECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("PGDUMPDIFF_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261206);
    let seeds = seeds();
    assert!(
        seeds.len() >= 200,
        "expected the fixtures as seeds, found {}",
        seeds.len()
    );
    let pool = Pool::of(&seeds);
    quiet_fuzz_panics();
    let done = AtomicUsize::new(0);
    let findings: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let started = std::time::Instant::now();
    (0..execs).into_par_iter().for_each(|i| {
        let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        // Mostly a window of a few consecutive statements of one seed (they name each other,
        // and many fit in a second); now and then a whole seed.
        let mut from = if rng.below(50) == 0 {
            seeds[rng.below(seeds.len())].clone()
        } else {
            let own = &pool.by_seed[rng.below(pool.by_seed.len())];
            let start = rng.below(own.len());
            let len = 1 + rng.below(8);
            own.iter()
                .skip(start)
                .take(len)
                .map(|s| format!("{s};\n"))
                .collect()
        };
        for _ in 0..rng.below(3) {
            from = mutate(&from, &pool, &mut rng);
        }
        // TO: a mutation of FROM (a small change, the usual case) or of another seed.
        let mut to = if rng.below(4) == 0 {
            seeds[rng.below(seeds.len())].clone()
        } else {
            from.clone()
        };
        for _ in 0..=rng.below(3) {
            to = mutate(&to, &pool, &mut rng);
        }
        if let Some(problem) = execute(
            &format!("execution {i} (seed {seed})"),
            &from,
            &to,
            i % 16 == 0,
        ) {
            if let Ok(mut f) = findings.lock() {
                f.push(format!(
                    "execution {i} (seed {seed}): {problem}\n--- FROM\n{from}\n--- TO\n{to}"
                ));
            }
        }
        done.fetch_add(1, Ordering::Relaxed);
    });
    let findings = findings.into_inner().unwrap_or_default();
    println!(
        "fuzz: {} executions in {:.1} s, {} findings",
        done.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64(),
        findings.len()
    );
    assert!(
        findings.is_empty(),
        "{} findings; the first:\n{}",
        findings.len(),
        findings.first().map(String::as_str).unwrap_or("")
    );
}
