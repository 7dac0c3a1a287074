//! Built-in profiling: where a program's time in lapis goes, per routine.
//!
//! Off by default. [`enable`] (or `LAPIS_PROFILE=1` in the environment, or
//! `lapis_profile_enable()` from C) turns it on; from then on every lapis
//! routine records, under its name (`gemm`, `solve`, `matmul`, …):
//!
//! - calls, total and longest wall time;
//! - of that time, how much was spent inside BLAS/LAPACK calls, and so how
//!   much was lapis's own work around them (checks, layout decisions,
//!   copies, allocation);
//! - floating-point operations where the routine defines them (GEMM-like
//!   and BLAS level-2 routines: `2·m·n·k`, four times that for complex
//!   data), giving GFLOP/s;
//! - bytes copied into temporaries (the copies `layout::copies_made` counts)
//!   and bytes allocated for working memory and results.
//!
//! Only the outermost lapis routine on a thread records a call: when
//! `solve` factors with `getrf`, or `matmul` calls `gemm`, the time, flops
//! and bytes go to `solve`/`matmul`, once (flops are the outer routine's
//! count, or, when it defines none, the count of the shallowest nested
//! routines that do). Work lapis hands to its own
//! thread pool is timed by the routine that waits for it; bytes copied or
//! allocated on pool threads are not counted.
//!
//! [`report`] formats the table, sorted by total time; with
//! `LAPIS_PROFILE=1` it is printed to stderr when the process exits.
//!
//! Cost when off: one relaxed atomic load per routine call and per
//! BLAS/LAPACK call. When on: two clock reads per routine and per
//! BLAS/LAPACK call, and one short lock per outermost call.
//!
//! Thread-safe: any thread may record, enable, reset or report at any time.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

/// 0: not decided yet (the environment is read on first use); 1: off; 2: on.
static STATE: AtomicU8 = AtomicU8::new(0);
const UNDECIDED: u8 = 0;
const OFF: u8 = 1;
const ON: u8 = 2;

/// Accumulated statistics of one routine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoutineStats {
    /// The routine's name (lapis's Rust name: `gemm`, `solve`, `matmul`).
    pub name: &'static str,
    /// Outermost calls recorded.
    pub calls: u64,
    /// Total wall time of those calls.
    pub total: Duration,
    /// The longest single call.
    pub max: Duration,
    /// Of `total`, the time inside BLAS/LAPACK calls. `total − backend` is
    /// lapis's own work.
    pub backend: Duration,
    /// Floating-point operations, for routines that define them (0 otherwise).
    pub flops: f64,
    /// Bytes copied into temporaries.
    pub bytes_copied: u64,
    /// Bytes allocated for working memory and results.
    pub bytes_allocated: u64,
}

impl RoutineStats {
    /// `total − backend`: the time lapis itself spent.
    pub fn own(&self) -> Duration {
        self.total.saturating_sub(self.backend)
    }
}

static TABLE: Mutex<BTreeMap<&'static str, RoutineStats>> = Mutex::new(BTreeMap::new());

/// The outermost routine running on this thread.
struct Frame {
    name: &'static str,
    start: Instant,
    /// Nested lapis routines inside it.
    depth: u32,
    backend: Duration,
    /// Flops counted by the shallowest routines that define them: the
    /// outermost's own, or (when it defines none, as einsum calling gemm)
    /// those of the first nesting depth that does.
    flops: f64,
    /// The depth whose routines' flops are counted (None: none so far).
    flops_depth: Option<u32>,
    copied: u64,
    allocated: u64,
}

thread_local! {
    static FRAME: RefCell<Option<Frame>> = const { RefCell::new(None) };
}

/// Whether profiling is on (one relaxed load once decided).
#[inline]
pub fn enabled() -> bool {
    match STATE.load(Ordering::Relaxed) {
        ON => true,
        OFF => false,
        _ => decide_from_env(),
    }
}

#[cold]
fn decide_from_env() -> bool {
    let on = std::env::var_os("LAPIS_PROFILE").is_some_and(|v| !v.is_empty() && v != "0");
    let state = if on { ON } else { OFF };
    // An explicit enable()/disable() made meanwhile wins.
    if STATE
        .compare_exchange(UNDECIDED, state, Ordering::Relaxed, Ordering::Relaxed)
        .is_ok()
        && on
    {
        // SAFETY: registers a plain extern "C" function with no arguments.
        unsafe { libc::atexit(report_at_exit) };
    }
    STATE.load(Ordering::Relaxed) == ON
}

/// Prints the report to stderr at exit (`LAPIS_PROFILE=1`). A panic here
/// must not unwind into libc.
extern "C" fn report_at_exit() {
    let _ = std::panic::catch_unwind(|| {
        use std::io::Write as _;
        let _ = std::io::stderr().write_all(report().as_bytes());
    });
}

/// Turns profiling on (for all threads).
pub fn enable() {
    STATE.store(ON, Ordering::Relaxed);
}

/// Turns profiling off; what was recorded stays until [`reset`].
pub fn disable() {
    STATE.store(OFF, Ordering::Relaxed);
}

/// Forgets everything recorded so far.
pub fn reset() {
    table().clear();
}

fn table() -> std::sync::MutexGuard<'static, BTreeMap<&'static str, RoutineStats>> {
    TABLE.lock().unwrap_or_else(|p| p.into_inner())
}

/// A snapshot of every routine's statistics, the longest total time first.
pub fn stats() -> Vec<RoutineStats> {
    let mut v: Vec<RoutineStats> = table().values().cloned().collect();
    v.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(b.name)));
    v
}

/// The statistics as a table, the longest total time first: calls, total,
/// mean and max time, the share inside BLAS/LAPACK, GFLOP/s (where the
/// routine counts flops), and megabytes copied and allocated.
pub fn report() -> String {
    let rows = stats();
    let mut s = String::from(
        "lapis profile (wall time; blas% = share inside BLAS/LAPACK calls, the rest is lapis's own work)\n",
    );
    let _ = writeln!(
        s,
        "{:<24} {:>9} {:>11} {:>10} {:>10} {:>6} {:>8} {:>10} {:>10}",
        "routine",
        "calls",
        "total ms",
        "mean us",
        "max us",
        "blas%",
        "GFLOP/s",
        "copied MB",
        "alloc MB"
    );
    for r in &rows {
        let total = r.total.as_secs_f64();
        let mean_us = if r.calls > 0 {
            total * 1e6 / r.calls as f64
        } else {
            0.0
        };
        let blas = if total > 0.0 {
            100.0 * r.backend.as_secs_f64() / total
        } else {
            0.0
        };
        let gflops = if r.flops > 0.0 && total > 0.0 {
            format!("{:.2}", r.flops / total / 1e9)
        } else {
            "-".to_string()
        };
        let _ = writeln!(
            s,
            "{:<24} {:>9} {:>11.3} {:>10.2} {:>10.2} {:>6.1} {:>8} {:>10.3} {:>10.3}",
            r.name,
            r.calls,
            total * 1e3,
            mean_us,
            r.max.as_secs_f64() * 1e6,
            blas,
            gflops,
            r.bytes_copied as f64 / 1e6,
            r.bytes_allocated as f64 / 1e6,
        );
    }
    if rows.is_empty() {
        s.push_str("(nothing recorded)\n");
    }
    s
}

/// The profiling scope of one routine call: created at the routine's
/// start, records when dropped (see the module documentation for nesting).
#[must_use = "the scope records when it is dropped"]
pub(crate) struct Scope {
    /// Whether this scope entered the thread's frame (profiling was on).
    entered: bool,
}

/// Starts profiling a call of `name` (a no-op when profiling is off).
#[inline]
pub(crate) fn scope(name: &'static str) -> Scope {
    if !enabled() {
        return Scope { entered: false };
    }
    enter(name, 0.0)
}

/// As [`scope`], for a call doing `flops` floating-point operations.
#[inline]
pub(crate) fn scope_flops(name: &'static str, flops: impl FnOnce() -> f64) -> Scope {
    if !enabled() {
        return Scope { entered: false };
    }
    enter(name, flops())
}

#[cold]
fn enter(name: &'static str, flops: f64) -> Scope {
    FRAME.with(|f| {
        let mut f = f.borrow_mut();
        match f.as_mut() {
            Some(frame) => {
                frame.depth += 1;
                if flops > 0.0 {
                    match frame.flops_depth {
                        None => {
                            frame.flops_depth = Some(frame.depth);
                            frame.flops += flops;
                        }
                        Some(d) if d == frame.depth => frame.flops += flops,
                        Some(_) => {}
                    }
                }
            }
            None => {
                *f = Some(Frame {
                    name,
                    start: Instant::now(),
                    depth: 0,
                    backend: Duration::ZERO,
                    flops,
                    flops_depth: (flops > 0.0).then_some(0),
                    copied: 0,
                    allocated: 0,
                })
            }
        }
    });
    Scope { entered: true }
}

impl Drop for Scope {
    #[inline]
    fn drop(&mut self) {
        if self.entered {
            leave();
        }
    }
}

#[cold]
fn leave() {
    let done = FRAME.with(|f| {
        let mut f = f.borrow_mut();
        match f.as_mut() {
            Some(frame) if frame.depth > 0 => {
                frame.depth -= 1;
                None
            }
            _ => f.take(),
        }
    });
    if let Some(frame) = done {
        let elapsed = frame.start.elapsed();
        let mut t = table();
        let r = t.entry(frame.name).or_insert_with(|| RoutineStats {
            name: frame.name,
            ..RoutineStats::default()
        });
        r.calls += 1;
        r.total += elapsed;
        r.max = r.max.max(elapsed);
        r.backend += frame.backend.min(elapsed);
        r.flops += frame.flops;
        r.bytes_copied += frame.copied;
        r.bytes_allocated += frame.allocated;
    }
}

/// Times one BLAS/LAPACK call for the routine running on this thread
/// (held by `backend::serial`'s guard).
pub(crate) struct BackendTimer(Option<Instant>);

/// Starts timing a BLAS/LAPACK call (a no-op when profiling is off).
#[inline]
pub(crate) fn backend_timer() -> BackendTimer {
    BackendTimer(enabled().then(Instant::now))
}

impl Drop for BackendTimer {
    #[inline]
    fn drop(&mut self) {
        if let Some(start) = self.0 {
            let d = start.elapsed();
            with_frame(|f| f.backend += d);
        }
    }
}

fn with_frame(update: impl FnOnce(&mut Frame)) {
    FRAME.with(|f| {
        if let Some(frame) = f.borrow_mut().as_mut() {
            update(frame);
        }
    });
}

/// Records `bytes` copied into a temporary by the running routine.
#[inline]
pub(crate) fn note_copy(bytes: usize) {
    if enabled() {
        with_frame(|f| f.copied += bytes as u64);
    }
}

/// Records `bytes` allocated by the running routine.
#[inline]
pub(crate) fn note_alloc(bytes: usize) {
    if enabled() {
        with_frame(|f| f.allocated += bytes as u64);
    }
}
