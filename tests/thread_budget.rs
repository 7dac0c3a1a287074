//! One thread budget (issue 17, part 4): with `set_num_threads(n)`, lapis's
//! pool work and its BLAS calls never overlap (see `lapis::parallel`), so a
//! stacked linear-algebra call or a parallel reduction never has more than
//! `n` threads working, and never creates more threads than lapis's pool
//! (`n`) plus one BLAS team (the calling thread and `n − 1` helpers).
//!
//! A side thread samples `/proc/self/task` (every thread of the process,
//! its state) while the work runs, for `n` = 1 and 2:
//!
//! * **live threads** ≤ `base + 1 + n + (n − 1)`: `base` is what exists
//!   before lapis runs anything (the test harness, and threads a BLAS
//!   starts when it is loaded, such as OpenBLAS's pthreads server), `1` is
//!   the sampler, `n` the pool and `n − 1` one BLAS team's helpers. A pool
//!   task calling an OpenMP BLAS (BLIS, MKL) with `n` threads would start a
//!   team per pool thread and exceed it.
//! * **running threads** (state `R`, the sampler excluded) > `n` in at most
//!   [`OVER_BUDGET_SHARE`] of the samples. A thread that just finished
//!   spins for a moment before sleeping (rayon's idle rounds, OpenBLAS's
//!   workers for up to ~0.1 s, MKL's for its block time), so single samples
//!   over budget are allowed; pool tasks each calling a threaded BLAS keep
//!   it over budget for most of the run, whatever the BLAS (OpenBLAS's
//!   shared pthreads pool included, where live threads do not grow).
//!
//! The stack is `(24, 160, 160)`: at 50 × 50 OpenBLAS's `getrf` runs on
//! one thread whatever the setting, and the test would not see the BLAS
//! team at all. The reduction is a sum over 2²² elements (lapis's pool
//! takes reductions from 2¹⁶ elements).
//!
//! The test fails when the rule is broken: with `inv`'s stack run on the
//! pool (and `backend::serial`'s check taken out), on OpenBLAS 0.3.21 at
//! `n = 2` with `LAPIS_BLAS_LOCK=never`, 99% of the samples had 3 or more
//! threads running (mean 3.0); with the rule kept, 2–9% (mean 2.0).
//!
//! One `#[test]`: the thread count is process-wide, and other tests'
//! threads would be counted.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use lapis::array::random::Generator;
use lapis::array::{Axes, NdArray};
use lapis::{DType, set_num_threads};

/// Share of samples allowed over budget (see the module docs).
const OVER_BUDGET_SHARE: f64 = 0.25;

/// lapis's large-stack LAPACK helper thread (see the module docs).
const STAND_IN: usize = 1;

/// How long each kind of work runs while it is sampled.
const RUN: Duration = Duration::from_millis(1500);

/// After a phase: long enough for spinning BLAS workers and retired pool
/// threads to go to sleep or exit.
const SETTLE: Duration = Duration::from_millis(600);

/// `(tid, state, name)` of every thread of this process.
fn tasks_named() -> Vec<(u32, char, String)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc/self/task") else {
        return out;
    };
    for entry in dir.flatten() {
        let Some(tid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        // `tid (comm) S ...`: the name may hold spaces and parentheses.
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue; // exited meanwhile
        };
        let state = stat
            .rfind(')')
            .and_then(|p| stat[p + 1..].trim_start().chars().next())
            .unwrap_or('?');
        let name = stat
            .find('(')
            .zip(stat.rfind(')'))
            .map_or(String::new(), |(a, b)| stat[a + 1..b].to_string());
        out.push((tid, state, name));
    }
    out
}

fn this_tid() -> u32 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name()?.to_str()?.parse().ok())
        .expect("/proc/thread-self names this thread")
}

/// What the sampler saw during one run.
struct Seen {
    samples: usize,
    max_live: usize,
    /// The threads (`name:state`) at the first sample with `max_live`.
    at_max_live: Vec<String>,
    /// Samples with more than the budget running (sampler excluded).
    over: usize,
    max_running: usize,
    /// Sum over samples of the running threads (sampler excluded).
    running_sum: usize,
}

/// Runs `work` repeatedly for [`RUN`] while a side thread samples the
/// threads; `budget` is the running-thread budget.
fn sample_while(budget: usize, mut work: impl FnMut()) -> Seen {
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let me = this_tid();
            let mut seen = Seen {
                samples: 0,
                max_live: 0,
                at_max_live: Vec::new(),
                over: 0,
                max_running: 0,
                running_sum: 0,
            };
            while !stop.load(Ordering::Relaxed) {
                let t = tasks_named();
                let running = t
                    .iter()
                    .filter(|(tid, s, _)| *s == 'R' && *tid != me)
                    .count();
                seen.samples += 1;
                if t.len() > seen.max_live {
                    seen.max_live = t.len();
                    seen.at_max_live = t.iter().map(|(_, s, n)| format!("{n}:{s}")).collect();
                }
                seen.max_running = seen.max_running.max(running);
                seen.running_sum += running;
                seen.over += usize::from(running > budget);
                std::thread::sleep(Duration::from_micros(300));
            }
            seen
        })
    };
    let start = Instant::now();
    while start.elapsed() < RUN {
        work();
    }
    stop.store(true, Ordering::Relaxed);
    sampler.join().expect("sampler")
}

fn check(what: &str, n: usize, base: usize, seen: &Seen) {
    let live_bound = base + 1 + n + (n - 1) + STAND_IN;
    let share = seen.over as f64 / seen.samples.max(1) as f64;
    println!(
        "{what}, n = {n}: {} samples, live ≤ {} (bound {live_bound}), running ≤ {}, mean {:.2} (over {n} in {:.1}% of samples)",
        seen.samples,
        seen.max_live,
        seen.max_running,
        seen.running_sum as f64 / seen.samples.max(1) as f64,
        100.0 * share
    );
    assert!(seen.samples >= 20, "{what}: too few samples");
    assert!(
        seen.max_live <= live_bound,
        "{what}, n = {n}: {} live threads, more than {live_bound} (base {base} + sampler + pool {n} + BLAS team helpers {} + LAPACK stand-in): {:?}",
        seen.max_live,
        n - 1,
        seen.at_max_live
    );
    assert!(
        share <= OVER_BUDGET_SHARE,
        "{what}, n = {n}: more than {n} threads running in {:.1}% of samples (max {})",
        100.0 * share,
        seen.max_running
    );
}

#[test]
fn stacked_linalg_and_reductions_keep_to_the_thread_budget() {
    // Before lapis starts anything: the harness, and threads a BLAS starts
    // at load.
    let before = tasks_named();
    let base = before.len();
    println!(
        "{} — {base} threads before lapis runs: {before:?}",
        lapis::backend()
    );
    let mut g = Generator::new(17);
    let stack: NdArray = g
        .standard_normal_nd(&[24, 160, 160], DType::F64)
        .expect("random stack");
    let big: NdArray = g
        .standard_normal_nd(&[1 << 22], DType::F64)
        .expect("random vector");
    let invert = || {
        lapis::array::linalg::inv(&stack).expect("inv of a random stack");
    };
    let reduce = || {
        big.sum(Axes::All, false).expect("sum");
    };
    for n in [1, 2] {
        set_num_threads(n).expect("set_num_threads");
        invert();
        reduce();
        std::thread::sleep(SETTLE);
        let seen = sample_while(n, invert);
        check("stacked inv (24, 160, 160)", n, base, &seen);
        std::thread::sleep(SETTLE);
        let seen = sample_while(n, reduce);
        check("sum of 2^22 elements", n, base, &seen);
        std::thread::sleep(SETTLE);
    }
}
