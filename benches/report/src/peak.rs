//! The measured f64 peak: an FMA-throughput loop on each thread count.
//!
//! Each thread runs `CHAINS` independent chains `x ← x·m + a` of fused
//! multiply-adds on the widest vectors the CPU has (AVX-512 when
//! `avx512f` is detected at run time, else AVX2 with FMA, else scalar
//! `mul_add`). With a latency of 4 cycles and two FMA pipes, eight chains
//! keep the pipes busy; 16 (AVX-512, 32 registers) and 12 (AVX2, 16
//! registers) leave room for slower parts without spilling. `m` and `a` keep
//! every chain at its fixed point 1.0: no overflow, no subnormals. They and
//! the start value pass through `black_box`, or the compiler would fold the
//! whole loop to its known result.
//!
//! On `t` threads the loop runs on every thread of a `t`-thread pool at once
//! (`broadcast`), and a call's time is the slowest thread's. The figure is
//! the fastest of at least [`crate::timing::MIN_REPS`] repetitions: the
//! machine reaches that rate, and noise only lowers throughput. This is the
//! rate the clock actually runs at under a vector load (turbo, or the
//! AVX-512 licence), which the formula in [`crate::machine`] cannot know.

use std::hint::black_box;

use crate::timing::{self, Budget, Stat};

/// FMA iterations per chain per thread per call: about 1 ms at 100 GFLOP/s
/// per core, long beside the pool's start-up cost.
const ITERS: usize = 1 << 19;

/// The vector code the loop runs with, and FLOP per iteration of all chains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isa {
    Avx512,
    Avx2,
    Scalar,
}

impl Isa {
    /// The widest available on this CPU (run-time detection).
    pub fn detect() -> Isa {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                return Isa::Avx512;
            }
            if std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
            {
                return Isa::Avx2;
            }
        }
        Isa::Scalar
    }

    /// Name for the report.
    pub fn name(self) -> &'static str {
        match self {
            Isa::Avx512 => "AVX-512",
            Isa::Avx2 => "AVX2+FMA",
            Isa::Scalar => "scalar",
        }
    }

    /// FLOP per loop iteration (all chains): 2 per FMA per lane.
    pub fn flops_per_iter(self) -> f64 {
        match self {
            Isa::Avx512 => 2.0 * 8.0 * 16.0,
            Isa::Avx2 => 2.0 * 4.0 * 12.0,
            Isa::Scalar => 2.0 * 8.0,
        }
    }

    /// Runs `iters` iterations; returns a sum of the chains (to be kept).
    fn run(self, iters: usize) -> f64 {
        match self {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` returned Avx512 only after run-time detection
            // of avx512f on this CPU, the one feature the function enables.
            Isa::Avx512 => unsafe { x86::fma_avx512(iters) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `detect` returned Avx2 only after run-time detection
            // of avx2 and fma, the features the function enables.
            Isa::Avx2 => unsafe { x86::fma_avx2(iters) },
            _ => fma_scalar(iters),
        }
    }
}

/// Multiplier and addend: the fixed point of x·M + A is A / (1 − M) = 1.
const M: f64 = 0.5;
const A: f64 = 0.5;

/// Chain `i`'s start value: distinct, so no two chains are the same
/// computation the compiler could merge; all converge to 1.0.
fn start(i: usize) -> f64 {
    1.0 + i as f64 / 1024.0
}

/// Eight scalar chains (what a CPU without AVX2/FMA offers to this code).
fn fma_scalar(iters: usize) -> f64 {
    let (m, a) = (black_box(M), black_box(A));
    let mut acc: [f64; 8] = std::array::from_fn(|i| black_box(start(i)));
    for _ in 0..iters {
        for x in acc.iter_mut() {
            *x = x.mul_add(m, a);
        }
    }
    acc.iter().sum()
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;
    use std::hint::black_box;

    use super::{A, M, start};

    /// 16 chains of 8-lane FMAs.
    #[target_feature(enable = "avx512f")]
    pub fn fma_avx512(iters: usize) -> f64 {
        let (m, a) = (_mm512_set1_pd(black_box(M)), _mm512_set1_pd(black_box(A)));
        let mut acc = [_mm512_setzero_pd(); 16];
        for (i, x) in acc.iter_mut().enumerate() {
            *x = _mm512_set1_pd(black_box(start(i)));
        }
        for _ in 0..iters {
            for x in acc.iter_mut() {
                *x = _mm512_fmadd_pd(*x, m, a);
            }
        }
        let mut s = _mm512_setzero_pd();
        for x in acc {
            s = _mm512_add_pd(s, x);
        }
        _mm512_reduce_add_pd(s)
    }

    /// 12 chains of 4-lane FMAs.
    #[target_feature(enable = "avx2,fma")]
    pub fn fma_avx2(iters: usize) -> f64 {
        let (m, a) = (_mm256_set1_pd(black_box(M)), _mm256_set1_pd(black_box(A)));
        let mut acc = [_mm256_setzero_pd(); 12];
        for (i, x) in acc.iter_mut().enumerate() {
            *x = _mm256_set1_pd(black_box(start(i)));
        }
        for _ in 0..iters {
            for x in acc.iter_mut() {
                *x = _mm256_fmadd_pd(*x, m, a);
            }
        }
        let mut s = _mm256_setzero_pd();
        for x in acc {
            s = _mm256_add_pd(s, x);
        }
        let v = _mm_add_pd(_mm256_castpd256_pd128(s), _mm256_extractf128_pd::<1>(s));
        _mm_cvtsd_f64(_mm_add_sd(v, _mm_unpackhi_pd(v, v)))
    }
}

/// The measured peak on `threads` threads: the timing of one call (every
/// thread running the loop once) and the FLOP of that call.
pub fn measure(budget: Budget, threads: usize) -> Result<(Isa, Stat, f64), String> {
    let isa = Isa::detect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let st = timing::measure(budget, || {
        let sums = pool.broadcast(|_| isa.run(black_box(ITERS)));
        black_box(sums);
    });
    let flops = threads as f64 * ITERS as f64 * isa.flops_per_iter();
    Ok((isa, st, flops))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every available path computes the fixed point (the code runs, and
    /// the chains stay at 1.0: nothing overflows or underflows).
    #[test]
    fn chains_stay_at_the_fixed_point() {
        let isa = Isa::detect();
        let lanes = match isa {
            Isa::Avx512 => 8.0 * 16.0,
            Isa::Avx2 => 4.0 * 12.0,
            Isa::Scalar => 8.0,
        };
        assert_eq!(isa.run(1000), lanes);
        assert_eq!(fma_scalar(1000), 8.0);
        assert_eq!(isa.flops_per_iter(), 2.0 * lanes);
    }
}
