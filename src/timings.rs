//! `--timings`: the wall time of each stage and the process's peak memory after it, for
//! finding where a run spends itself. Stages of FROM and TO run side by side, so their times
//! overlap; the total is the run's wall time so far.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One timed stage.
#[derive(Clone, Debug)]
pub struct Stage {
    pub name: String,
    pub wall: Duration,
    /// The process's peak resident memory once the stage ended (`VmHWM`), in KiB.
    pub peak_kib: Option<u64>,
}

/// The stages timed so far.
#[derive(Debug)]
pub struct Timings {
    start: Instant,
    stages: Mutex<Vec<Stage>>,
}

impl Default for Timings {
    fn default() -> Timings {
        Timings {
            start: Instant::now(),
            stages: Mutex::new(Vec::new()),
        }
    }
}

impl Timings {
    /// Runs `f` as the stage `name`.
    pub fn stage<T>(&self, name: impl Into<String>, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        let stage = Stage {
            name: name.into(),
            wall: t.elapsed(),
            peak_kib: peak_rss_kib(),
        };
        if let Ok(mut s) = self.stages.lock() {
            s.push(stage);
        }
        out
    }

    /// The stages in the order they ended.
    pub fn stages(&self) -> Vec<Stage> {
        self.stages.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The report `--timings` prints: one line per stage, then the total.
    pub fn report(&self) -> String {
        let mut out = String::from(
            "pgdumpdiff timings (wall time; peak memory of the process after the stage):\n",
        );
        let mib = |k: Option<u64>| {
            k.map_or_else(
                || "?".to_string(),
                |k| format!("{:.1} MiB", k as f64 / 1024.0),
            )
        };
        for s in self.stages() {
            out.push_str(&format!(
                "  {:<28} {:>9.3} s  {:>11}\n",
                s.name,
                s.wall.as_secs_f64(),
                mib(s.peak_kib)
            ));
        }
        out.push_str(&format!(
            "  {:<28} {:>9.3} s  {:>11}\n",
            "total",
            self.start.elapsed().as_secs_f64(),
            mib(peak_rss_kib())
        ));
        out
    }
}

/// Runs `f` as stage `name` of `timings`, if there are timings.
pub fn stage<T>(timings: Option<&Timings>, name: impl Into<String>, f: impl FnOnce() -> T) -> T {
    match timings {
        Some(t) => t.stage(name, f),
        None => f(),
    }
}

/// The peak resident memory of this process so far, in KiB (Linux `VmHWM`).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
