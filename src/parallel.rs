//! lapis's own threads: one rayon pool for elementwise operations,
//! reductions, random fills and FFT batches, sized together with the BLAS
//! threads by [`set_num_threads`](crate::set_num_threads).
//!
//! lapis never uses rayon's global pool (a host application may have sized
//! it for its own work). Its pool is built on first use with as many
//! threads as the BLAS reports (the available cores with reference BLAS), and rebuilt when
//! [`set_num_threads`](crate::set_num_threads) changes the count; work
//! already running on the old pool finishes there.
//!
//! # One thread budget
//!
//! `set_num_threads(n)` gives lapis `n` threads in all: `n` pool threads,
//! or one BLAS call running `n` threads. The rule that keeps it so: **pool
//! work and BLAS/LAPACK calls never overlap.** No task on the pool calls
//! BLAS or LAPACK (a parallel kernel would otherwise start up to `n` BLAS
//! calls of `n` threads each), and no BLAS call is made while a pool task
//! of the same lapis call runs. Stacked linear algebra therefore loops over
//! its matrices on the calling thread and lets the BLAS parallelize each
//! one; elementwise operations, reductions, random fills, small matmul
//! stacks and FFT batches run on the pool and call no BLAS.
//!
//! The rule is enforced where every BLAS/LAPACK call passes
//! (`backend::serial`): a call from a pool task (a pool thread, or the
//! caller's thread while `install` runs its work inline) fails a debug
//! assertion; in a release build it takes lapis's BLAS lock, so that at
//! most one BLAS team runs beside the pool. `tests/thread_budget.rs`
//! counts the threads that exist and run while stacked linear algebra and
//! a parallel reduction work.

use std::cell::Cell;
use std::sync::{Arc, RwLock};

use rayon::{ThreadPool, ThreadPoolBuilder};

static POOL: RwLock<Option<Arc<ThreadPool>>> = RwLock::new(None);

thread_local! {
    /// Set on lapis's pool threads for their life, and on a caller's thread
    /// while [`install`] runs work inline.
    static ON_POOL: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is running pool work (see the thread budget in the
/// module docs).
pub(crate) fn on_pool() -> bool {
    ON_POOL.with(Cell::get)
}

/// Marks the current thread as running pool work until dropped (restores
/// the previous mark, so nested inline `install`s unwind correctly).
struct PoolWork(bool);

impl PoolWork {
    fn enter() -> Self {
        PoolWork(ON_POOL.with(|f| f.replace(true)))
    }
}

impl Drop for PoolWork {
    fn drop(&mut self) {
        ON_POOL.with(|f| f.set(self.0));
    }
}

/// Whether a thread runs pool work, carried to a helper thread that
/// stands in for it (lapis's large-stack LAPACK helper), so that the
/// thread budget is checked there too.
#[derive(Clone, Copy)]
pub(crate) struct PoolMark(bool);

impl PoolMark {
    /// The current thread's mark.
    pub(crate) fn current() -> Self {
        PoolMark(on_pool())
    }

    /// Runs `f` with this mark on the current thread, then restores its own.
    pub(crate) fn within<R>(self, f: impl FnOnce() -> R) -> R {
        let _restore = PoolWork(ON_POOL.with(|c| c.replace(self.0)));
        f()
    }
}

fn build(n: usize) -> Option<Arc<ThreadPool>> {
    ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .thread_name(|i| format!("lapis-{i}"))
        .start_handler(|_| ON_POOL.with(|f| f.set(true)))
        .build()
        .ok()
        .map(Arc::new)
}

/// The pool, built on first use (None only if the OS refused threads).
fn pool() -> Option<Arc<ThreadPool>> {
    if let Some(p) = POOL.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
        return Some(p.clone());
    }
    let mut w = POOL.write().unwrap_or_else(|e| e.into_inner());
    if w.is_none() {
        let n = if crate::backend::is_reference() {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            crate::backend::num_threads()
        };
        *w = build(n);
    }
    w.clone()
}

/// Threads lapis's own parallel kernels use (1 if the pool could not be
/// built).
pub fn threads() -> usize {
    pool().map_or(1, |p| p.current_num_threads())
}

/// Resizes lapis's pool to `n` threads (called by
/// [`set_num_threads`](crate::set_num_threads)).
pub(crate) fn set_threads(n: usize) {
    let new = build(n);
    if new.is_some() {
        *POOL.write().unwrap_or_else(|e| e.into_inner()) = new;
    }
}

/// Runs `f` inside lapis's pool (inline when the pool has one thread or
/// could not be built), so `rayon::join` and parallel iterators in `f` use
/// lapis's threads. `f` must not call BLAS/LAPACK (the thread budget in the
/// module docs); inline runs are marked as pool work too, so the check
/// holds at every thread count.
pub(crate) fn install<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    match pool() {
        Some(p) if p.current_num_threads() > 1 => p.install(f),
        _ => {
            let _work = PoolWork::enter();
            f()
        }
    }
}
