//! sum, prod, mean, var, std, min, max: typed kernels on `ndarray` views.

use ndarray::{ArrayD, ArrayRef, ArrayViewD, Dimension, Zip};
use num_traits::Float;

use super::engine::{Reducer, leaf_generic, reduce, rows4_generic};
use super::{Axes, Plan, shaped};
use crate::RealScalar;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Whether either part is NaN.
#[inline(always)]
pub(crate) fn is_nan<T: Scalar>(x: T) -> bool {
    x.re().is_nan() || x.im().is_nan()
}

/// `a > b`, lexicographic on (re, im) as NumPy orders complex numbers.
#[inline(always)]
pub(crate) fn gt<T: Scalar>(a: T, b: T) -> bool {
    if T::IS_COMPLEX {
        a.re() > b.re() || (a.re() == b.re() && a.im() > b.im())
    } else {
        a.re() > b.re()
    }
}

/// `a < b`, lexicographic on (re, im).
#[inline(always)]
pub(crate) fn lt<T: Scalar>(a: T, b: T) -> bool {
    gt(b, a)
}

/// Sum. The identity is −0 (so a sum of −0 stays −0, as NumPy's).
pub(crate) struct SumR;
impl<T: Scalar> Reducer<T> for SumR {
    type Acc = T;
    #[inline(always)]
    fn init(&self) -> T {
        let z = <T::Real as RealScalar>::from_f64_real(-0.0);
        T::from_parts(z, z)
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        acc + x
    }
    #[inline(always)]
    fn merge(&self, a: T, b: T) -> T {
        a + b
    }
    #[inline(always)]
    fn leaf_slice(&self, x: &[T]) -> T {
        if !T::IS_COMPLEX || x.len() < 8 {
            return leaf_generic(self, x);
        }
        // The 8 complex accumulators as 16 interleaved reals (re, im):
        // the same additions in the same order, in a form that vectorizes.
        let n = x.len();
        let full = n / 8 * 8;
        // SAFETY: complex types are `repr(C)` pairs of their real type.
        let xr = unsafe { std::slice::from_raw_parts(x.as_ptr() as *const T::Real, 2 * full) };
        let z = <T::Real as RealScalar>::from_f64_real(-0.0);
        let mut a = [z; 16];
        for c in xr.chunks_exact(16) {
            for k in 0..16 {
                a[k] += c[k];
            }
        }
        let part = |o: usize| {
            ((a[o] + a[o + 2]) + (a[o + 4] + a[o + 6]))
                + ((a[o + 8] + a[o + 10]) + (a[o + 12] + a[o + 14]))
        };
        let res = T::from_parts(part(0), part(1));
        x[full..].iter().fold(res, |s, &v| s + v)
    }
    #[inline(always)]
    fn step_rows4(&self, acc: &mut [T], x: [&[T]; 4]) {
        if !T::IS_COMPLEX {
            return rows4_generic(self, acc, x);
        }
        let n = acc.len();
        if x.iter().any(|r| r.len() < n) {
            return rows4_generic(self, acc, x);
        }
        // Componentwise on the interleaved reals: the same additions.
        // SAFETY: complex types are `repr(C)` pairs of their real type; the
        // rows hold at least `n` elements.
        let ar = unsafe { std::slice::from_raw_parts_mut(acc.as_mut_ptr() as *mut T::Real, 2 * n) };
        // SAFETY: each row `r` has at least `n` elements (checked above), so `2·n`
        // reals by the same `repr(C)` layout; nothing writes them while `xr` lives.
        let xr =
            x.map(|r| unsafe { std::slice::from_raw_parts(r.as_ptr() as *const T::Real, 2 * n) });
        for j in 0..2 * n {
            ar[j] = (((ar[j] + xr[0][j]) + xr[1][j]) + xr[2][j]) + xr[3][j];
        }
    }
}

struct ProdR;
impl<T: Scalar> Reducer<T> for ProdR {
    type Acc = T;
    #[inline(always)]
    fn init(&self) -> T {
        T::one()
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        acc * x
    }
    #[inline(always)]
    fn merge(&self, a: T, b: T) -> T {
        a * b
    }
}

/// NaN-propagating maximum (`MAX = true`) or minimum.
pub(crate) struct ExtR<const MAX: bool>;
impl<T: Scalar, const MAX: bool> Reducer<T> for ExtR<MAX> {
    type Acc = T;
    #[inline(always)]
    fn init(&self) -> T {
        let inf = <T::Real as Float>::infinity();
        let v = if MAX { -inf } else { inf };
        T::from_parts(v, v)
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        if !T::IS_COMPLEX {
            // NumPy's form, branch-free so that it vectorizes: keep `acc`
            // if it is NaN or not beaten.
            let (a, b) = (acc.re(), x.re());
            let keep = (if MAX { a >= b } else { a <= b }) || a.is_nan();
            return if keep { acc } else { x };
        }
        let better = if MAX { gt(x, acc) } else { lt(x, acc) };
        if is_nan(acc) {
            acc
        } else if better || is_nan(x) {
            x
        } else {
            acc
        }
    }
    #[inline(always)]
    fn merge(&self, a: T, b: T) -> T {
        self.step(a, b)
    }
}

/// The shared front of the kernels: a dynamic view and the plan.
fn setup<'a, T: Scalar, D: Dimension>(
    routine: &'static str,
    a: &'a ArrayRef<T, D>,
    axes: Axes,
) -> Result<(ArrayViewD<'a, T>, Plan)> {
    let v = a.view().into_dyn();
    let plan = axes.plan(routine, v.shape())?;
    Ok((v, plan))
}

pub(crate) fn empty_error(routine: &'static str, op: &'static str) -> Error {
    Error::EmptyReduction { routine, op }
}

/// Sum over `axes` (NumPy's `sum`): pairwise, in memory order (see the
/// [reduction docs](super::Axes)); the result has `a`'s element type. Sum of
/// nothing is 0.
///
/// ```
/// use lapis::array::{self, Axes};
/// let a = ndarray::array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// assert_eq!(array::sum(&a, 0, false)?, ndarray::arr1(&[5.0, 7.0, 9.0]).into_dyn());
/// assert_eq!(array::sum(&a, Axes::All, false)?.sum(), 21.0);
/// # Ok::<(), lapis::Error>(())
/// ```
///
/// # Errors
/// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`].
pub fn sum<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    const R: &str = "sum";
    let (v, plan) = setup(R, a, axes.into())?;
    let vals = sum_vals(&v, &plan)?;
    shaped(R, &plan, keepdims, vals)
}

/// Sums in C order of the kept axes (0, not −0, for empty reductions).
pub(crate) fn sum_vals<T: Scalar>(v: &ArrayViewD<'_, T>, plan: &Plan) -> Result<Vec<T>> {
    let mut vals = reduce(plan.routine, &SumR, v, &plan.mask[..v.ndim()])?;
    if plan.count == 0 {
        vals.fill(T::zero());
    }
    Ok(vals)
}

/// Product over `axes` (NumPy's `prod`), pairwise like [`sum`]; the
/// product of nothing is 1.
///
/// # Errors
/// As [`sum`].
pub fn prod<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    const R: &str = "prod";
    let (v, plan) = setup(R, a, axes.into())?;
    let vals = reduce(plan.routine, &ProdR, &v, &plan.mask[..v.ndim()])?;
    shaped(R, &plan, keepdims, vals)
}

/// Mean over `axes` (NumPy's `mean`): the [`sum`] divided by the number
/// of elements reduced, in `a`'s element type. The mean of nothing is NaN.
///
/// # Errors
/// As [`sum`].
pub fn mean<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    const R: &str = "mean";
    let (v, plan) = setup(R, a, axes.into())?;
    let vals = mean_vals(&v, &plan)?;
    shaped(R, &plan, keepdims, vals)
}

fn mean_vals<T: Scalar>(v: &ArrayViewD<'_, T>, plan: &Plan) -> Result<Vec<T>> {
    let mut vals = sum_vals(v, plan)?;
    let n = <T::Real as RealScalar>::from_f64_real(plan.count as f64);
    for x in &mut vals {
        // Divide both parts by the real count (0/0 = NaN for empty).
        *x = T::from_parts(x.re() / n, x.im() / n);
    }
    Ok(vals)
}

/// Variance over `axes` (NumPy's `var`): `Σ|xᵢ − mean|² / (N − ddof)`,
/// two passes (the mean, then the pairwise sum of squared deviations from
/// a real temporary of `a`'s size). Real result for complex input, as
/// NumPy's. `N − ddof ≤ 0` divides by 0 (infinity or NaN, as NumPy);
/// the variance of nothing is NaN.
///
/// # Errors
/// As [`sum`].
pub fn var<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<ArrayD<T::Real>> {
    const R: &str = "var";
    let (v, plan) = setup(R, a, axes.into())?;
    let vals = var_vals(R, &v, &plan, ddof)?;
    shaped(R, &plan, keepdims, vals)
}

/// Standard deviation: the square root of [`var`].
///
/// # Errors
/// As [`sum`].
pub fn std<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<ArrayD<T::Real>> {
    const R: &str = "std";
    let (v, plan) = setup(R, a, axes.into())?;
    let mut vals = var_vals(R, &v, &plan, ddof)?;
    for x in &mut vals {
        *x = x.sqrt();
    }
    shaped(R, &plan, keepdims, vals)
}

fn var_vals<T: Scalar>(
    routine: &'static str,
    v: &ArrayViewD<'_, T>,
    plan: &Plan,
    ddof: usize,
) -> Result<Vec<T::Real>> {
    let mean = shaped(routine, plan, true, mean_vals(v, plan)?)?;
    let mb = mean.broadcast(v.raw_dim()).ok_or_else(|| {
        Error::Unsupported(format!("{routine}: internal error broadcasting the mean"))
    })?;
    // The squared deviations: a temporary of the input's size.
    let mut dev: ArrayD<T::Real> = crate::alloc::try_zeros(routine, v.raw_dim())?;
    Zip::from(&mut dev)
        .and(v)
        .and(&mb)
        .for_each(|d, &x, &m| *d = (x - m).abs_sqr());
    let mut vals = sum_vals(&dev.view(), plan)?;
    let d = <T::Real as RealScalar>::from_f64_real(plan.count.saturating_sub(ddof) as f64);
    for x in &mut vals {
        *x /= d;
    }
    Ok(vals)
}

/// Maximum over `axes` (NumPy's `max`/`amax`): NaN-propagating (a NaN
/// anywhere in a reduction gives NaN); complex numbers are ordered
/// lexicographically by (real, imaginary), as NumPy does.
///
/// # Errors
/// As [`sum`], and [`Error::EmptyReduction`] if a reduced axis has
/// length 0 ("zero-size array to reduction operation maximum which has no
/// identity").
pub fn max<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    const R: &str = "max";
    let (v, plan) = setup(R, a, axes.into())?;
    if plan.empty {
        return Err(empty_error(R, "maximum"));
    }
    let vals = reduce(plan.routine, &ExtR::<true>, &v, &plan.mask[..v.ndim()])?;
    shaped(R, &plan, keepdims, vals)
}

/// Minimum over `axes`, as [`max`].
///
/// # Errors
/// As [`max`] ("… operation minimum …").
pub fn min<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axes: impl Into<Axes>,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    const R: &str = "min";
    let (v, plan) = setup(R, a, axes.into())?;
    if plan.empty {
        return Err(empty_error(R, "minimum"));
    }
    let vals = reduce(plan.routine, &ExtR::<false>, &v, &plan.mask[..v.ndim()])?;
    shaped(R, &plan, keepdims, vals)
}
