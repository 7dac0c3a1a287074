//! Timing: the median of repeated calls with its spread, under a time
//! budget, and interleaved pairs (lapis and the direct call alternate, so
//! drift hits both alike).
//!
//! Every figure is the median of a fixed number of timed repetitions, at
//! least [`MIN_REPS`] (quick runs too; they use fewer sizes, not fewer
//! repetitions). A repetition is one batch of `k` calls, `k` chosen so a
//! batch takes at least [`Budget::batch_seconds`] (a millisecond or two:
//! the clock's cost and a timer interrupt are amortised, so what the
//! spread shows is the machine's load, not the tick); its time is per
//! call. The spread is (max − min) / median over the repetitions; a figure
//! whose spread exceeds [`NOISY`] is noisy: the report shows it but does
//! not judge a target on it. The count is fixed rather than "as many as fit
//! in a time budget" because the max of thousands of repetitions always
//! catches some interruption.

use std::time::Instant;

/// Timed repetitions per figure, at least (quick or not).
pub const MIN_REPS: usize = 7;

/// A figure whose spread (max − min) / median exceeds this is noisy.
pub const NOISY: f64 = 0.10;

/// How long to spend per measurement.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Timed repetitions (after one warm-up call), at least [`MIN_REPS`].
    pub reps: usize,
    /// A repetition batches calls until it takes at least this long.
    pub batch_seconds: f64,
}

impl Budget {
    /// The default budget: 11 repetitions of at least 2 ms; `quick`: 7 of
    /// at least 1 ms.
    pub fn new(quick: bool) -> Budget {
        if quick {
            Budget {
                reps: MIN_REPS,
                batch_seconds: 1e-3,
            }
        } else {
            Budget {
                reps: 11,
                batch_seconds: 2e-3,
            }
        }
    }
}

/// The median seconds per call over `reps` repetitions, with the fastest
/// and slowest repetition.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub reps: usize,
}

impl Stat {
    /// The statistics of `samples` (seconds per call, any order). The
    /// median of an even count is the mean of the middle two. Empty input
    /// gives NaN times and `reps` 0.
    pub fn from_samples(samples: &[f64]) -> Stat {
        let mut v: Vec<f64> = samples.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            return Stat {
                median: f64::NAN,
                min: f64::NAN,
                max: f64::NAN,
                reps: 0,
            };
        }
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            0.5 * (v[n / 2 - 1] + v[n / 2])
        };
        Stat {
            median,
            min: v[0],
            max: v[n - 1],
            reps: n,
        }
    }

    /// (max − min) / median; `None` below two repetitions.
    pub fn spread(&self) -> Option<f64> {
        spread(self.median, self.min, self.max, self.reps)
    }
}

/// (max − min) / median, `None` when it is not known (fewer than two
/// repetitions, or a non-positive median).
pub fn spread(median: f64, min: f64, max: f64, reps: usize) -> Option<f64> {
    (reps >= 2 && median > 0.0).then(|| (max - min) / median)
}

/// Whether a spread makes its figure noisy (unknown spreads are not).
pub fn is_noisy(spread: Option<f64>) -> bool {
    spread.is_some_and(|s| s > NOISY)
}

/// Calls per timed batch so that one batch takes `target` seconds or more.
/// Also returns the seconds per call of the last (accepted) probe batch,
/// which is a valid timing of `k` calls: long calls (k = 1) then need no
/// extra repetition for the probe.
fn batch_size(target: f64, mut f: impl FnMut()) -> (usize, f64) {
    let mut k = 1usize;
    loop {
        let t = Instant::now();
        for _ in 0..k {
            f();
        }
        let s = t.elapsed().as_secs_f64();
        if s >= target || k >= 1 << 24 {
            return (k, s / k as f64);
        }
        k *= 2;
    }
}

/// Seconds per call of `k` calls of `f`.
fn batch(k: usize, f: &mut impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..k {
        f();
    }
    t.elapsed().as_secs_f64() / k as f64
}

/// The median (and spread) of `f`'s seconds per call.
pub fn measure(budget: Budget, mut f: impl FnMut()) -> Stat {
    f();
    let (k, probe) = batch_size(budget.batch_seconds, &mut f);
    let mut samples = vec![probe];
    while samples.len() < budget.reps.max(MIN_REPS) {
        samples.push(batch(k, &mut f));
    }
    Stat::from_samples(&samples)
}

/// The medians (and spreads) of `a`'s and `b`'s seconds per call, timed
/// alternately with the same batch size.
pub fn measure_pair(budget: Budget, mut a: impl FnMut(), mut b: impl FnMut()) -> (Stat, Stat) {
    a();
    b();
    let (ka, pa) = batch_size(budget.batch_seconds, &mut a);
    let (kb, pb) = batch_size(budget.batch_seconds, &mut b);
    let k = ka.max(kb);
    // The probes count as one timed repetition when both used batch size k.
    let (mut sa, mut sb) = if ka == kb {
        (vec![pa], vec![pb])
    } else {
        (Vec::new(), Vec::new())
    };
    while sa.len() < budget.reps.max(MIN_REPS) {
        sa.push(batch(k, &mut a));
        sb.push(batch(k, &mut b));
    }
    (Stat::from_samples(&sa), Stat::from_samples(&sb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_range() {
        let s = Stat::from_samples(&[3.0, 1.0, 2.0, 10.0, 2.5, 2.0, 2.2]);
        assert_eq!((s.median, s.min, s.max, s.reps), (2.2, 1.0, 10.0, 7));
        let e = Stat::from_samples(&[4.0, 1.0, 2.0, 3.0]);
        assert_eq!(e.median, 2.5);
        let none = Stat::from_samples(&[]);
        assert!(none.median.is_nan() && none.reps == 0 && none.spread().is_none());
    }

    #[test]
    fn noisy_above_ten_percent() {
        let tight = Stat::from_samples(&[1.0, 1.02, 1.04, 0.99, 1.0, 1.01, 1.0]);
        assert!((tight.spread().unwrap() - 0.05).abs() < 1e-12);
        assert!(!is_noisy(tight.spread()));
        let wide = Stat::from_samples(&[1.0, 1.2, 1.0, 1.0, 1.0, 0.95, 1.0]);
        assert!(is_noisy(wide.spread()));
        // Exactly 10% is not noisy; one repetition has no spread.
        assert!(!is_noisy(spread(1.0, 1.0, 1.1 - 1e-12, 7)));
        assert_eq!(spread(1.0, 1.0, 1.0, 1), None);
        assert!(!is_noisy(None));
    }

    #[test]
    fn measure_takes_at_least_min_reps() {
        let b = Budget {
            reps: 3,
            batch_seconds: 1e-5,
        };
        let mut calls = 0usize;
        let s = measure(b, || calls += 1);
        assert!(s.reps == MIN_REPS && s.min <= s.median && s.median <= s.max);
        let (x, y) = measure_pair(b, || {}, || {});
        assert!(x.reps == MIN_REPS && y.reps == x.reps);
        assert!(Budget::new(true).reps >= MIN_REPS && Budget::new(false).reps >= MIN_REPS);
    }
}
