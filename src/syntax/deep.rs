//! Room for deep parse trees. PostgreSQL accepts expressions nested thousands of levels deep
//! (a 4,000-term sum, 3,000 nested function calls, 1,000 nested CASE), bounded by its
//! parser's stack and its `max_stack_depth` check (2 MB). libpg_query applies the same
//! bounds, plus 10,000 protobuf levels, and refuses deeper trees with the server's own
//! messages (`stack depth limit exceeded`, `memory exhausted`); whatever it hands over must
//! then be decoded, walked, cloned, deparsed and dropped here, recursively, at about 2 kB of
//! Rust stack per level: some 20 MB for the deepest tree, ten times what a thread has by
//! default. So every stage that holds parse trees runs on one pool of threads with stacks big
//! enough for the deepest tree libpg_query hands over (`run`). The stacks are reserved
//! address space: only the pages a deep tree touches are ever committed.

use std::sync::OnceLock;

/// Stack of each thread of the pool: the deepest tree (10,000 protobuf levels) needs about
/// 20 MB; the rest is margin for the recursive code that walks it.
pub const STACK_BYTES: usize = 128 << 20;

/// The pool, as many threads as rayon's global pool has (`-j`); none when the system
/// refuses the threads (then `run` runs on the caller's stack, as it would without this).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(rayon::current_num_threads())
            .stack_size(STACK_BYTES)
            .thread_name(|i| format!("pgdumpdiff-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `f` on the pool (directly when already there); the rayon work `f` starts runs there
/// too. A thread of another rayon pool waiting on `install` would run that pool's other jobs
/// meanwhile, on its own small stack, each nested in the one before (a parallel caller, such
/// as the fuzzer, overflows it): so from there `f` is handed over by a plain thread, which
/// only waits.
pub fn run<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let Some(pool) = pool() else { return f() };
    if pool.current_thread_index().is_some() {
        f()
    } else if rayon::current_thread_index().is_some() {
        std::thread::scope(|s| match s.spawn(|| pool.install(f)).join() {
            Ok(r) => r,
            Err(panic) => std::panic::resume_unwind(panic),
        })
    } else {
        pool.install(f)
    }
}
