//! Vector norms along axes (NumPy's `linalg.vector_norm`) and the
//! finiteness reductions.

use ndarray::{ArrayD, ArrayRef, ArrayViewD, Dimension, Zip};
use num_traits::{Float, Zero};

use super::engine::{Reducer, reduce};
use super::ops::{ExtR, SumR, empty_error, sum_vals};
use super::{Axes, Plan, shaped};
use crate::RealScalar;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Folds `f(x)` (a real) with the inner reducer.
struct Mapped<R, F>(R, F);
impl<T: Scalar, R: Reducer<T::Real, Acc = T::Real>, F: Fn(T) -> T::Real + Sync> Reducer<T>
    for Mapped<R, F>
{
    type Acc = T::Real;
    #[inline(always)]
    fn init(&self) -> T::Real {
        self.0.init()
    }
    #[inline(always)]
    fn step(&self, acc: T::Real, x: T) -> T::Real {
        self.0.step(acc, (self.1)(x))
    }
    #[inline(always)]
    fn merge(&self, a: T::Real, b: T::Real) -> T::Real {
        self.0.merge(a, b)
    }
}

struct FiniteR;
impl<T: Scalar> Reducer<T> for FiniteR {
    type Acc = bool;
    #[inline(always)]
    fn init(&self) -> bool {
        true
    }
    #[inline(always)]
    fn step(&self, acc: bool, x: T) -> bool {
        acc & x.is_finite()
    }
    #[inline(always)]
    fn merge(&self, a: bool, b: bool) -> bool {
        a & b
    }
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

/// Sum of `f(x)` over the plan, 0 for empty reductions.
fn mapped_sum<T: Scalar>(
    v: &ArrayViewD<'_, T>,
    plan: &Plan,
    f: impl Fn(T) -> T::Real + Sync,
) -> Result<Vec<T::Real>> {
    let mut vals = reduce(plan.routine, &Mapped(SumR, f), v, &plan.mask[..v.ndim()])?;
    if plan.count == 0 {
        vals.fill(T::Real::zero());
    }
    Ok(vals)
}

/// The vector norm of order `ord` over `axes` (NumPy 2's
/// `linalg.vector_norm(a, axis, keepdims, ord)`), real result:
///
/// | `ord`            | value                                   |
/// |------------------|-----------------------------------------|
/// | `2.0`            | `√Σ|xᵢ|²`, scaled (never overflows or underflows in the squares) |
/// | `1.0`            | `Σ|xᵢ|`                                 |
/// | `f64::INFINITY`  | `max |xᵢ|`                              |
/// | `-f64::INFINITY` | `min |xᵢ|`                              |
/// | `0.0`            | the number of non-zero elements         |
/// | other `p`        | `(Σ|xᵢ|ᵖ)^(1/p)`, scaled by `max |xᵢ|` (`p > 0`) or `min |xᵢ|` (`p < 0`) |
///
/// `|x|` is the modulus for complex elements. The 2-norm first sums the
/// squares (fast path) and redoes the reduction as `s·√Σ(|xᵢ|/s)²` with
/// `s = max |xᵢ|` when that sum overflowed or came near the underflow
/// threshold (LAPACK's `nrm2` idea), so `[1e300, 1e300]` gives
/// `1.414e300` and `[1e-300, 1e-300]` gives `1.414e-300`. The scaled
/// paths build one real temporary of `a`'s size. NaN propagates; an
/// infinite element gives infinity for `p > 0`.
///
/// Empty reductions, as NumPy 2.4: 0 for `p ≥ 0` (`+∞` included: the max
/// starts at 0), infinity for finite `p < 0`, an error for `-∞`.
///
/// # Errors
/// As [`sum`](super::sum); NaN `ord` ([`Error::InvalidArgument`]);
/// `-∞` over an empty reduction ([`Error::EmptyReduction`]).
pub fn vector_norm<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    ord: f64,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T::Real>> {
    const R: &str = "vector_norm";
    let v = a.view().into_dyn();
    let plan = axes.into().plan(R, v.shape())?;
    if ord.is_nan() {
        return Err(Error::InvalidArgument {
            routine: R,
            what: "ord",
            reason: "invalid norm order nan for vectors".into(),
        });
    }
    let mask = &plan.mask[..v.ndim()];
    let vals = if ord.is_infinite() && plan.empty {
        // NumPy 2.4: the max of nothing is 0 (initial 0), the min of
        // nothing an error.
        if ord < 0.0 {
            return Err(empty_error(R, "minimum"));
        }
        crate::alloc::try_vec(R, plan.shape.iter().product(), T::Real::zero())?
    } else if ord.is_infinite() {
        if ord > 0.0 {
            reduce(
                plan.routine,
                &Mapped(ExtR::<true>, |x: T| x.abs()),
                &v,
                mask,
            )?
        } else {
            reduce(
                plan.routine,
                &Mapped(ExtR::<false>, |x: T| x.abs()),
                &v,
                mask,
            )?
        }
    } else if plan.empty {
        let z = T::Real::zero();
        let inf = <T::Real as Float>::infinity();
        let n: usize = plan.shape.iter().product();
        crate::alloc::try_vec(R, n, if ord < 0.0 { inf } else { z })?
    } else if ord == 0.0 {
        let one = real::<T>(1.0);
        let z = T::Real::zero();
        mapped_sum(&v, &plan, |x: T| if x == T::zero() { z } else { one })?
    } else if ord == 1.0 {
        mapped_sum(&v, &plan, |x: T| x.abs())?
    } else if ord == 2.0 {
        two_norm(R, &v, &plan)?
    } else {
        p_norm(R, &v, &plan, ord)?
    };
    shaped(R, &plan, keepdims, vals)
}

/// 2-norm: sum of squares, and the scaled form where that was unsafe.
fn two_norm<T: Scalar>(
    routine: &'static str,
    v: &ArrayViewD<'_, T>,
    plan: &Plan,
) -> Result<Vec<T::Real>> {
    let mut ss = mapped_sum(v, plan, |x: T| x.abs_sqr())?;
    // Terms that underflowed lost at most MIN_POSITIVE each: negligible
    // (relative ε) once the sum exceeds count·MIN_POSITIVE/ε.
    let small = <T::Real as Float>::min_positive_value() * real::<T>(plan.count.max(1) as f64)
        / T::epsilon();
    let safe = |s: T::Real| s.is_nan() || (Float::is_finite(s) && s >= small);
    if ss.iter().all(|&s| safe(s)) {
        ss.iter_mut().for_each(|s| *s = s.sqrt());
        return Ok(ss);
    }
    scaled_norm(routine, v, plan, 2.0)
}

fn p_norm<T: Scalar>(
    routine: &'static str,
    v: &ArrayViewD<'_, T>,
    plan: &Plan,
    p: f64,
) -> Result<Vec<T::Real>> {
    scaled_norm(routine, v, plan, p)
}

/// `s·(Σ(|xᵢ|/s)ᵖ)^(1/p)` with `s` the largest (`p > 0`) or smallest
/// (`p < 0`) modulus of each reduction (non-empty).
fn scaled_norm<T: Scalar>(
    routine: &'static str,
    v: &ArrayViewD<'_, T>,
    plan: &Plan,
    p: f64,
) -> Result<Vec<T::Real>> {
    let mask = &plan.mask[..v.ndim()];
    let scale = if p > 0.0 {
        reduce(plan.routine, &Mapped(ExtR::<true>, |x: T| x.abs()), v, mask)?
    } else {
        reduce(
            plan.routine,
            &Mapped(ExtR::<false>, |x: T| x.abs()),
            v,
            mask,
        )?
    };
    let sa = shaped(routine, plan, true, scale)?;
    let sb = sa.broadcast(v.raw_dim()).ok_or_else(|| {
        Error::Unsupported(format!("{routine}: internal error broadcasting the scale"))
    })?;
    let pr = real::<T>(p);
    let two = p == 2.0;
    let zero = T::Real::zero();
    // The scaled terms: a temporary of the input's size.
    let mut terms: ArrayD<T::Real> = crate::alloc::try_zeros(routine, v.raw_dim())?;
    Zip::from(&mut terms).and(v).and(&sb).for_each(|t, &x, &s| {
        *t = if s == zero || !Float::is_finite(s) {
            zero // the result is decided by the scale alone
        } else if two {
            let (a, b) = (x.re() / s, x.im() / s);
            a * a + b * b
        } else {
            (x.abs() / s).powf(pr)
        }
    });
    let sums = sum_vals(&terms.view(), plan)?;
    let inv = real::<T>(1.0 / p);
    // The scales again, in the order `reduce` gave them (from_shape_vec
    // kept the vector as it was).
    let (mut norms, _) = sa.into_raw_vec_and_offset();
    for (s, t) in norms.iter_mut().zip(sums) {
        if *s != zero && Float::is_finite(*s) {
            *s = if two { *s * t.sqrt() } else { *s * t.powf(inv) };
        }
    }
    Ok(norms)
}

/// Whether every element over `axes` is finite (neither NaN nor ±∞;
/// both parts for complex): NumPy's `isfinite(a).all(axis)`, without the
/// temporary. True for empty reductions. One boolean per output, in an
/// `ndarray` array shaped as [`sum`](super::sum)'s result.
///
/// # Errors
/// As [`sum`](super::sum).
pub fn all_finite<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<bool>> {
    const R: &str = "all_finite";
    let v = a.view().into_dyn();
    let plan = axes.into().plan(R, v.shape())?;
    let vals = reduce(plan.routine, &FiniteR, &v, &plan.mask[..v.ndim()])?;
    shaped(R, &plan, keepdims, vals)
}

/// Whether some element over `axes` is NaN or infinite: NumPy's
/// `(~isfinite(a)).any(axis)`, the negation of [`all_finite`]. False for
/// empty reductions.
///
/// # Errors
/// As [`sum`](super::sum).
pub fn any_nonfinite<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<bool>> {
    let mut r = all_finite(a, axes, keepdims)?;
    r.mapv_inplace(|b| !b);
    Ok(r)
}
