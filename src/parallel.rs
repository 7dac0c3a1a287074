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
//! Parallel kernels never run while a BLAS call of the same lapis call is
//! in flight, so the two thread teams do not oversubscribe the cores.

use std::sync::{Arc, RwLock};

use rayon::{ThreadPool, ThreadPoolBuilder};

static POOL: RwLock<Option<Arc<ThreadPool>>> = RwLock::new(None);

fn build(n: usize) -> Option<Arc<ThreadPool>> {
    ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .thread_name(|i| format!("lapis-{i}"))
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
/// lapis's threads.
pub(crate) fn install<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    match pool() {
        Some(p) if p.current_num_threads() > 1 => p.install(f),
        _ => f(),
    }
}
