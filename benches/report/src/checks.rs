//! The report's judgements on its own figures, kept apart from the tables
//! so they can be tested without timing anything:
//!
//! * [`verdict`]: met / missed against a target, or noisy when a figure it
//!   rests on has a spread above [`crate::timing::NOISY`];
//! * [`outliers`]: a figure more than [`OUTLIER_FACTOR`] times slower than
//!   both its neighbours (the adjacent sizes of the same op, dtype and
//!   threads), once normalised by its work ([`work`]);
//! * [`two_threads_slower`]: issue 20's check that two threads run an
//!   array-core operation at least [`TWO_THREAD_MIN`] times as fast as one.

use crate::record::Record;

/// A figure this many times off both neighbours is an outlier.
pub const OUTLIER_FACTOR: f64 = 5.0;

/// Two threads must reach this fraction of one thread's speed.
pub const TWO_THREAD_MIN: f64 = 0.95;

/// What a target row says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Met,
    Missed,
    /// A figure behind it varied by more than 10%: not judged.
    Noisy,
    NotMeasured,
}

impl Verdict {
    /// The report's word for it.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "**missed**",
            Verdict::Noisy => "noisy (spread > 10%)",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// The verdict on `met` (None: not measured) when `noisy` says whether a
/// figure it rests on is noisy. A noisy row is neither met nor missed.
pub fn verdict(met: Option<bool>, noisy: bool) -> Verdict {
    match (met, noisy) {
        (None, _) => Verdict::NotMeasured,
        (Some(_), true) => Verdict::Noisy,
        (Some(true), false) => Verdict::Met,
        (Some(false), false) => Verdict::Missed,
    }
}

/// The work a figure's time is divided by before neighbours are compared:
/// its FLOP, else its bytes, else n³ for the LAPACK drivers (all O(n³));
/// `None` when there is nothing to scale by (then no outlier test).
pub fn work(r: &Record) -> Option<f64> {
    if r.flops > 0.0 {
        Some(r.flops)
    } else if r.bytes > 0.0 {
        Some(r.bytes)
    } else if r.section == "lapack" && r.n > 0 {
        Some((r.n as f64).powi(3))
    } else {
        None
    }
}

/// For costs (seconds per unit of work) in order of size, which are
/// outliers: more than [`OUTLIER_FACTOR`] times above the larger of its
/// neighbours. Only slow spikes count: a point next to a spike would
/// otherwise look like a dip, and no call runs 5x faster per unit of work
/// than both its neighbours for a real reason. Only points with a neighbour
/// on each side are judged: at the ends, a cost legitimately changes fast
/// with size (call overhead at n = 4).
pub fn outliers(costs: &[f64]) -> Vec<bool> {
    let mut out = vec![false; costs.len()];
    for i in 1..costs.len().saturating_sub(1) {
        let (l, c, r) = (costs[i - 1], costs[i], costs[i + 1]);
        if !(l > 0.0 && c > 0.0 && r > 0.0) {
            continue;
        }
        out[i] = c > OUTLIER_FACTOR * l.max(r);
    }
    out
}

/// Whether two threads (`t2` seconds) are slower than [`TWO_THREAD_MIN`]
/// of one thread's speed (`t1` seconds): speed ratio t1 / t2 below it.
pub fn two_threads_slower(t1: f64, t2: f64) -> bool {
    t2 > 0.0 && t1 / t2 < TWO_THREAD_MIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noisy_rows_are_not_judged() {
        assert_eq!(verdict(Some(true), false), Verdict::Met);
        assert_eq!(verdict(Some(false), false), Verdict::Missed);
        assert_eq!(verdict(Some(true), true), Verdict::Noisy);
        assert_eq!(verdict(Some(false), true), Verdict::Noisy);
        assert_eq!(verdict(None, true), Verdict::NotMeasured);
        assert_eq!(Verdict::Missed.word(), "**missed**");
    }

    #[test]
    fn a_spike_is_an_outlier_a_trend_is_not() {
        // herk c128 at n = 64, 388 times slower per FLOP than its neighbours.
        assert_eq!(
            outliers(&[1.0, 0.5, 194.0, 0.4, 0.3]),
            vec![false, false, true, false, false]
        );
        // The point next to a spike is no dip outlier (gemm f64 at n = 64
        // beside a spike at 256, two threads, a loaded machine).
        assert_eq!(
            outliers(&[1.4e-8, 5.4e-11, 5.2e-10, 5.8e-11]),
            vec![false, false, true, false]
        );
        assert_eq!(outliers(&[1.0, 0.1, 1.0]), vec![false; 3]);
        // Falling fast with size (overhead at small n): no outlier, and the
        // ends are never judged.
        assert_eq!(outliers(&[40.0, 8.0, 1.5, 1.0]), vec![false; 4]);
        assert_eq!(outliers(&[100.0, 1.0]), vec![false; 2]);
        assert_eq!(outliers(&[]), Vec::<bool>::new());
        // Exactly 5x is not beyond 5x.
        assert_eq!(outliers(&[1.0, 5.0, 1.0]), vec![false; 3]);
        // Unknown (zero) costs are skipped.
        assert_eq!(outliers(&[0.0, 10.0, 1.0]), vec![false; 3]);
    }

    #[test]
    fn work_scales_by_flops_bytes_or_cube() {
        let mut r = Record {
            backend: "numpy".into(),
            section: "lapack".into(),
            op: "eigh".into(),
            dtype: "f64".into(),
            shape: "100x100".into(),
            n: 100,
            threads: 1,
            imp: "numpy".into(),
            seconds: 1.0,
            flops: 0.0,
            bytes: 0.0,
            min_seconds: 1.0,
            max_seconds: 1.0,
            reps: 7,
            note: String::new(),
        };
        assert_eq!(work(&r), Some(1e6));
        r.bytes = 8.0;
        assert_eq!(work(&r), Some(8.0));
        r.flops = 2.0;
        assert_eq!(work(&r), Some(2.0));
        r.section = "array".into();
        r.flops = 0.0;
        r.bytes = 0.0;
        assert_eq!(work(&r), None);
    }

    #[test]
    fn two_thread_flag() {
        // 25.0 ms on one thread, 53.7 ms on two: flagged.
        assert!(two_threads_slower(25.0e-3, 53.7e-3));
        // 2% slower: within the 5% allowance.
        assert!(!two_threads_slower(1.0, 1.02));
        assert!(two_threads_slower(1.0, 1.06));
        assert!(!two_threads_slower(1.0, 0.5));
    }
}
