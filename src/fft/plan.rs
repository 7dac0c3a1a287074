//! The plan cache: one rustfft/realfft plan per (length, kind, precision),
//! made on first use and shared (`Arc`) by every later call and thread.
//!
//! Planning a length costs far more than one transform of it (rustfft
//! factors the length and builds twiddle tables; Bluestein's algorithm for
//! a large prime plans a second, larger FFT), so plans are never dropped.
//! Lookups take a read lock; only a miss takes the write lock to plan.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};
use std::thread::LocalKey;

use num_complex::Complex;
use realfft::{ComplexToReal, RealFftPlanner, RealToComplex};
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};

use crate::error::Result;

/// The two precisions lapis transforms in (`f32` → complex64, `f64` →
/// complex128), with their plan caches.
pub(crate) trait FftFloat: FftNum + num_traits::Float {
    /// This precision's plan cache.
    fn cache() -> &'static PlanCache<Self>;
    /// `x` rounded to this precision.
    fn of(x: f64) -> Self;
    /// This thread's reusable transform buffers of this precision.
    fn bufs() -> &'static LocalKey<RefCell<Bufs<Self>>>;
}

/// Per-thread buffers reused from one line (and one call) to the next, so
/// large transforms do not page-fault fresh scratch memory on every call.
pub(crate) struct Bufs<T> {
    /// A gathered complex line (or half spectrum).
    pub line: Vec<Complex<T>>,
    /// rustfft / realfft scratch.
    pub work: Vec<Complex<T>>,
    /// A gathered real line.
    pub real: Vec<T>,
}

impl<T> Default for Bufs<T> {
    fn default() -> Self {
        Bufs {
            line: Vec::new(),
            work: Vec::new(),
            real: Vec::new(),
        }
    }
}

impl FftFloat for f32 {
    fn cache() -> &'static PlanCache<f32> {
        static C: LazyLock<PlanCache<f32>> = LazyLock::new(PlanCache::new);
        &C
    }
    fn of(x: f64) -> f32 {
        x as f32
    }
    fn bufs() -> &'static LocalKey<RefCell<Bufs<f32>>> {
        thread_local! {
            static B: RefCell<Bufs<f32>> = RefCell::new(Bufs::default());
        }
        &B
    }
}

impl FftFloat for f64 {
    fn cache() -> &'static PlanCache<f64> {
        static C: LazyLock<PlanCache<f64>> = LazyLock::new(PlanCache::new);
        &C
    }
    fn of(x: f64) -> f64 {
        x
    }
    fn bufs() -> &'static LocalKey<RefCell<Bufs<f64>>> {
        thread_local! {
            static B: RefCell<Bufs<f64>> = RefCell::new(Bufs::default());
        }
        &B
    }
}

struct Plans<T: FftNum> {
    planner: FftPlanner<T>,
    real_planner: RealFftPlanner<T>,
    complex: HashMap<(usize, bool), Arc<dyn Fft<T>>>,
    r2c: HashMap<usize, Arc<dyn RealToComplex<T>>>,
    c2r: HashMap<usize, Arc<dyn ComplexToReal<T>>>,
}

/// Cached plans of one precision.
pub(crate) struct PlanCache<T: FftNum> {
    plans: RwLock<Plans<T>>,
}

impl<T: FftNum> PlanCache<T> {
    fn new() -> Self {
        PlanCache {
            plans: RwLock::new(Plans {
                planner: FftPlanner::new(),
                real_planner: RealFftPlanner::new(),
                complex: HashMap::new(),
                r2c: HashMap::new(),
                c2r: HashMap::new(),
            }),
        }
    }

    /// The complex plan of length `len` (≥ 1) in the given direction.
    ///
    /// # Errors
    /// `OutOfMemory` when a new plan's tables could not be allocated (see
    /// [`probe`]).
    pub(crate) fn complex(
        &self,
        routine: &'static str,
        len: usize,
        inverse: bool,
    ) -> Result<Arc<dyn Fft<T>>> {
        if let Some(p) = self.read().complex.get(&(len, inverse)) {
            return Ok(Arc::clone(p));
        }
        probe::<T>(routine, len)?;
        let mut w = self.write();
        let dir = if inverse {
            FftDirection::Inverse
        } else {
            FftDirection::Forward
        };
        let p = w.planner.plan_fft(len, dir);
        Ok(Arc::clone(w.complex.entry((len, inverse)).or_insert(p)))
    }

    /// The real-to-complex plan of `len` (≥ 1) real inputs.
    ///
    /// # Errors
    /// As [`PlanCache::complex`].
    pub(crate) fn r2c(
        &self,
        routine: &'static str,
        len: usize,
    ) -> Result<Arc<dyn RealToComplex<T>>> {
        if let Some(p) = self.read().r2c.get(&len) {
            return Ok(Arc::clone(p));
        }
        probe::<T>(routine, len / 2 + 1)?;
        let mut w = self.write();
        let p = w.real_planner.plan_fft_forward(len);
        Ok(Arc::clone(w.r2c.entry(len).or_insert(p)))
    }

    /// The complex-to-real plan of `len` (≥ 1) real outputs.
    ///
    /// # Errors
    /// As [`PlanCache::complex`].
    pub(crate) fn c2r(
        &self,
        routine: &'static str,
        len: usize,
    ) -> Result<Arc<dyn ComplexToReal<T>>> {
        if let Some(p) = self.read().c2r.get(&len) {
            return Ok(Arc::clone(p));
        }
        probe::<T>(routine, len / 2 + 1)?;
        let mut w = self.write();
        let p = w.real_planner.plan_fft_inverse(len);
        Ok(Arc::clone(w.c2r.entry(len).or_insert(p)))
    }

    // A panic while planning (allocation failure) poisons the lock; the maps
    // are still consistent (an entry is inserted whole or not at all).
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Plans<T>> {
        self.plans.read().unwrap_or_else(|e| e.into_inner())
    }
    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Plans<T>> {
        self.plans.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Asks the allocator, fallibly, for `len` complex elements and gives
/// them back: rustfft and realfft allocate a plan's twiddle tables (at
/// least `len` complex values for a complex plan of length `len`, half
/// for a real one) with the infallible allocator, which would abort the
/// process where lapis must return `OutOfMemory`. A length whose tables
/// cannot even be reserved is refused here. The reservation touches no
/// page. It is a lower bound: Bluestein's algorithm for a large prime
/// length plans a second transform of up to `4·len`, which the
/// dependency still allocates infallibly.
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`.
fn probe<T>(routine: &'static str, len: usize) -> Result<()> {
    crate::alloc::try_with_capacity::<Complex<T>>(routine, len).map(drop)
}

/// A complex zero of precision `T`.
#[inline]
pub(crate) fn czero<T: FftFloat>() -> Complex<T> {
    Complex::new(T::zero(), T::zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn plans_too_large_to_tabulate_are_refused_before_planning() {
        // 2^56 complex128 twiddles (2^60 bytes): no allocator grants them.
        assert!(matches!(
            f64::cache().complex("t", 1 << 56, false),
            Err(Error::OutOfMemory { routine: "t", .. })
        ));
        assert!(matches!(
            f64::cache().r2c("t", 1 << 58),
            Err(Error::OutOfMemory { .. })
        ));
        assert!(matches!(
            f32::cache().c2r("t", usize::MAX),
            Err(Error::SizeOverflow { .. })
        ));
        // Nothing was cached, and ordinary lengths still plan.
        assert!(!f64::cache().read().complex.contains_key(&(1 << 56, false)));
        assert_eq!(f64::cache().complex("t", 8, false).unwrap().len(), 8);
    }
}
