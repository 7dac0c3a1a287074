//! Timing: best of repeated calls, with a time budget, and interleaved pairs
//! (lapis and the direct call alternate, so drift hits both alike).

use std::time::Instant;

/// How long to spend per measurement.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// At least this many timed calls (after one warm-up call).
    pub min_reps: usize,
    /// Keep repeating until this many seconds have been spent (and `min_reps` done).
    pub min_seconds: f64,
    /// Never more than this many timed calls.
    pub max_reps: usize,
}

impl Budget {
    /// The default budget; `quick` cuts it for a fast look.
    pub fn new(quick: bool) -> Budget {
        if quick {
            Budget {
                min_reps: 2,
                min_seconds: 0.05,
                max_reps: 1_000,
            }
        } else {
            Budget {
                min_reps: 3,
                min_seconds: 0.3,
                max_reps: 100_000,
            }
        }
    }
}

/// Calls per timed batch so that one batch takes about 20 µs or more: tiny
/// calls are timed in batches (the clock's cost amortised), the result is
/// per call. Also returns the seconds per call of the last (accepted) probe
/// batch, which is a valid timing of `k` calls: long calls (k = 1) then
/// need no extra repetition for the probe.
fn batch_size(mut f: impl FnMut()) -> (usize, f64) {
    let mut k = 1usize;
    loop {
        let t = Instant::now();
        for _ in 0..k {
            f();
        }
        let s = t.elapsed().as_secs_f64();
        if s > 20e-6 || k >= 1 << 20 {
            return (k, s / k as f64);
        }
        k *= 2;
    }
}

/// Best seconds per call of `f`.
pub fn best(budget: Budget, mut f: impl FnMut()) -> f64 {
    f();
    let (k, probe) = batch_size(&mut f);
    let start = Instant::now();
    let mut best = probe;
    let mut reps = 1;
    while reps < budget.max_reps
        && (reps < budget.min_reps || start.elapsed().as_secs_f64() < budget.min_seconds)
    {
        let t = Instant::now();
        for _ in 0..k {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() / k as f64);
        reps += 1;
    }
    best
}

/// Best seconds per call of `a` and of `b`, timed alternately.
pub fn best_pair(budget: Budget, mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64) {
    a();
    b();
    let (ka, pa) = batch_size(&mut a);
    let (kb, pb) = batch_size(&mut b);
    let k = ka.max(kb);
    let start = Instant::now();
    // The probes count as one timed repetition when both used batch size k.
    let (mut ta, mut tb, mut reps) = if ka == kb {
        (pa, pb, 1)
    } else {
        (f64::INFINITY, f64::INFINITY, 0)
    };
    while reps < budget.max_reps
        && (reps < budget.min_reps || start.elapsed().as_secs_f64() < 2.0 * budget.min_seconds)
    {
        let t = Instant::now();
        for _ in 0..k {
            a();
        }
        ta = ta.min(t.elapsed().as_secs_f64() / k as f64);
        let t = Instant::now();
        for _ in 0..k {
            b();
        }
        tb = tb.min(t.elapsed().as_secs_f64() / k as f64);
        reps += 1;
    }
    (ta, tb)
}
