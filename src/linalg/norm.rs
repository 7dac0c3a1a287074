//! Norms, condition numbers and rank: numpy.linalg's `norm` (and NumPy 2's
//! `vector_norm`, `matrix_norm`), `cond` and `matrix_rank`.
//!
//! Unlike NumPy, every 2-norm here (vector 2-norm, Frobenius, the default
//! of [`norm`]) is computed without overflow or underflow in the squares:
//! a plain sum of squares first, and a scaled second pass (as LAPACK's
//! `?lassq`) only when that sum left the safe range, so a vector of `1e200`
//! has a finite norm. General `p`-norms are scaled by the largest (for
//! `p > 0`) or smallest (`p < 0`) modulus for the same reason.
//!
//! Inputs are checked for NaN and infinity first, as scipy.linalg.norm does
//! by default (`NonFinite`); under
//! [`without_finite_check`](super::without_finite_check) the elementwise
//! norms propagate them as NumPy does (NaN in, NaN out; infinity in,
//! infinity out for `p > 0`).

use ndarray::{
    Array1, ArrayD, ArrayRef, ArrayRef1, ArrayRef2, ArrayRefD, ArrayView1, Axis, Dimension, IxDyn,
    Zip,
};
use num_traits::{Float, Zero};

use super::stack::{map_stack, matrix_at, split};
use super::svd::{Job, SvdWork};
use super::{check_finite, inv};
use crate::RealScalar;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// The order of a norm, as numpy.linalg.norm's `ord`.
///
/// | `ord`        | vector norm                  | matrix norm                          |
/// |--------------|------------------------------|--------------------------------------|
/// | `None`       | 2-norm                       | Frobenius                            |
/// | `Fro`        | —                            | Frobenius `√Σ|aᵢⱼ|²`                 |
/// | `Nuc`        | —                            | nuclear: sum of singular values      |
/// | `Inf`        | `max |xᵢ|`                   | max row sum `maxᵢ Σⱼ |aᵢⱼ|`          |
/// | `NegInf`     | `min |xᵢ|`                   | min row sum                          |
/// | `P(0.0)`     | number of non-zeros          | —                                    |
/// | `P(1.0)`     | `Σ|xᵢ|`                      | max column sum `maxⱼ Σᵢ |aᵢⱼ|`       |
/// | `P(-1.0)`    | `(Σ|xᵢ|⁻¹)⁻¹`                | min column sum                       |
/// | `P(2.0)`     | `√Σ|xᵢ|²`                    | largest singular value               |
/// | `P(-2.0)`    | `(Σ|xᵢ|⁻²)^(-1/2)`           | smallest singular value              |
/// | `P(p)`       | `(Σ|xᵢ|ᵖ)^(1/p)`             | —                                    |
///
/// `P(f64::INFINITY)` is `Inf` and `P(f64::NEG_INFINITY)` is `NegInf`; a
/// NaN `p` and a "—" entry are `InvalidArgument`. `From<f64>` gives `P`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// Frobenius norm (matrices only).
    Fro,
    /// Nuclear norm (matrices only).
    Nuc,
    /// `ord = inf`.
    Inf,
    /// `ord = -inf`.
    NegInf,
    /// A numeric order `p`.
    P(f64),
}

impl From<f64> for NormOrd {
    fn from(p: f64) -> Self {
        NormOrd::P(p)
    }
}

impl std::fmt::Display for NormOrd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NormOrd::Fro => write!(f, "'fro'"),
            NormOrd::Nuc => write!(f, "'nuc'"),
            NormOrd::Inf => write!(f, "inf"),
            NormOrd::NegInf => write!(f, "-inf"),
            NormOrd::P(p) => write!(f, "{p}"),
        }
    }
}

/// A vector order, resolved.
#[derive(Clone, Copy, Debug)]
enum VecOrd {
    Max,
    Min,
    Count,
    Sum,
    Two,
    /// Any other finite non-zero `p`.
    Power(f64),
}

/// A matrix order, resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MatOrd {
    Fro,
    Nuc,
    MaxRow,
    MinRow,
    MaxCol,
    MinCol,
    MaxSv,
    MinSv,
}

fn bad_ord(routine: &'static str, ord: NormOrd, kind: &str) -> Error {
    Error::InvalidArgument {
        routine,
        what: "ord",
        reason: format!("invalid norm order {ord} for {kind}"),
    }
}

fn vec_ord(routine: &'static str, ord: Option<NormOrd>) -> Result<VecOrd> {
    let Some(o) = ord else { return Ok(VecOrd::Two) };
    Ok(match o {
        NormOrd::Inf => VecOrd::Max,
        NormOrd::NegInf => VecOrd::Min,
        NormOrd::P(p) if p.is_nan() => return Err(bad_ord(routine, o, "vectors")),
        NormOrd::P(p) if p == f64::INFINITY => VecOrd::Max,
        NormOrd::P(p) if p == f64::NEG_INFINITY => VecOrd::Min,
        NormOrd::P(0.0) => VecOrd::Count,
        NormOrd::P(1.0) => VecOrd::Sum,
        NormOrd::P(2.0) => VecOrd::Two,
        NormOrd::P(p) => VecOrd::Power(p),
        NormOrd::Fro | NormOrd::Nuc => return Err(bad_ord(routine, o, "vectors")),
    })
}

fn mat_ord(routine: &'static str, ord: Option<NormOrd>) -> Result<MatOrd> {
    let Some(o) = ord else { return Ok(MatOrd::Fro) };
    Ok(match o {
        NormOrd::Fro => MatOrd::Fro,
        NormOrd::Nuc => MatOrd::Nuc,
        NormOrd::Inf => MatOrd::MaxRow,
        NormOrd::NegInf => MatOrd::MinRow,
        NormOrd::P(p) if p == f64::INFINITY => MatOrd::MaxRow,
        NormOrd::P(p) if p == f64::NEG_INFINITY => MatOrd::MinRow,
        NormOrd::P(1.0) => MatOrd::MaxCol,
        NormOrd::P(-1.0) => MatOrd::MinCol,
        NormOrd::P(2.0) => MatOrd::MaxSv,
        NormOrd::P(-2.0) => MatOrd::MinSv,
        NormOrd::P(_) => return Err(bad_ord(routine, o, "matrices")),
    })
}

/// NaN-propagating max and min (`f64::max` drops NaN).
fn max_nan<R: Float>(a: R, b: R) -> R {
    if a.is_nan() || b.is_nan() {
        R::nan()
    } else {
        a.max(b)
    }
}

fn min_nan<R: Float>(a: R, b: R) -> R {
    if a.is_nan() || b.is_nan() {
        R::nan()
    } else {
        a.min(b)
    }
}

/// `√Σ|xᵢ|²` without harmful overflow or underflow: a plain sum of squares,
/// and when it is not safely inside the normal range, a second pass scaled
/// by the largest component.
fn two_norm<T: Scalar, I: Iterator<Item = T>>(items: impl Fn() -> I) -> T::Real {
    let zero = T::Real::zero();
    let sum = items().fold(zero, |acc, v| acc + v.abs_sqr());
    let tiny = T::Real::min_positive_value() / T::epsilon();
    if Float::is_finite(sum) && sum >= tiny {
        return sum.sqrt();
    }
    let mut big = zero;
    for v in items() {
        big = max_nan(big, max_nan(Float::abs(v.re()), Float::abs(v.im())));
    }
    if big.is_nan() || big == zero || big.is_infinite() {
        return big;
    }
    let ssq = items().fold(zero, |acc, v| {
        let (r, i) = (v.re() / big, v.im() / big);
        acc + r * r + i * i
    });
    big * ssq.sqrt()
}

/// A vector norm of `x` (no finite check).
fn vector_norm_of<T: Scalar>(
    routine: &'static str,
    x: &ArrayRef1<T>,
    ord: VecOrd,
) -> Result<T::Real> {
    let zero = T::Real::zero();
    let empty = || Error::Empty { routine, what: "x" };
    Ok(match ord {
        VecOrd::Two => two_norm(|| x.iter().copied()),
        VecOrd::Sum => x.iter().fold(zero, |acc, v| acc + v.abs()),
        VecOrd::Count => {
            T::Real::from_f64_real(x.iter().filter(|v| **v != T::zero()).count() as f64)
        }
        // NumPy 2.4 takes the max with initial 0 and the min without one.
        VecOrd::Max => x.iter().map(|v| v.abs()).fold(zero, max_nan),
        VecOrd::Min => x
            .iter()
            .map(|v| v.abs())
            .reduce(min_nan)
            .ok_or_else(empty)?,
        VecOrd::Power(p) => power_norm(x, p),
    })
}

/// `(Σ|xᵢ|ᵖ)^(1/p)` for finite `p ∉ {0, 1, 2}`, scaled by the largest
/// modulus (`p > 0`) or the smallest (`p < 0`) so that no power overflows.
fn power_norm<T: Scalar>(x: &ArrayRef1<T>, p: f64) -> T::Real {
    let zero = T::Real::zero();
    let pr = T::Real::from_f64_real(p);
    let inv_p = T::Real::from_f64_real(1.0 / p);
    let scale = if p > 0.0 {
        x.iter().map(|v| v.abs()).fold(zero, max_nan)
    } else {
        x.iter().map(|v| v.abs()).fold(T::Real::infinity(), min_nan)
    };
    if scale.is_nan() {
        return scale;
    }
    if x.is_empty() {
        // (empty sum = 0)^(1/p): 0 for p > 0, inf for p < 0, as NumPy.
        return if p > 0.0 { zero } else { T::Real::infinity() };
    }
    if scale == zero || scale.is_infinite() {
        // p > 0: all zero, or an infinite element dominates.
        // p < 0: a zero element gives |0|^p = inf and the norm 0; all
        // infinite gives inf.
        return scale;
    }
    let sum = x
        .iter()
        .fold(zero, |acc, v| acc + (v.abs() / scale).powf(pr));
    scale * sum.powf(inv_p)
}

/// A matrix norm of `a` (no finite check; the SVD-based ones check).
fn matrix_norm_of<T: Scalar>(
    routine: &'static str,
    work: &mut SvdWork<T>,
    a: &ArrayRef2<T>,
    ord: MatOrd,
) -> Result<T::Real> {
    let zero = T::Real::zero();
    let (m, n) = a.dim();
    let empty = || Error::Empty { routine, what: "a" };
    let col_sums = || {
        a.columns()
            .into_iter()
            .map(|c| c.iter().fold(zero, |acc, v| acc + v.abs()))
    };
    let row_sums = || {
        a.rows()
            .into_iter()
            .map(|r| r.iter().fold(zero, |acc, v| acc + v.abs()))
    };
    Ok(match ord {
        MatOrd::Fro => two_norm(|| a.iter().copied()),
        // Sums are non-negative, so a max from 0 is the max of the sums
        // and 0 over none (NumPy 2.4); a min over none is an error.
        MatOrd::MaxCol => col_sums().fold(zero, max_nan),
        MatOrd::MinCol => col_sums().reduce(min_nan).ok_or_else(empty)?,
        MatOrd::MaxRow => row_sums().fold(zero, max_nan),
        MatOrd::MinRow => row_sums().reduce(min_nan).ok_or_else(empty)?,
        MatOrd::Nuc | MatOrd::MaxSv | MatOrd::MinSv => {
            if m.min(n) == 0 {
                // No singular values: their sum and max are 0, the min
                // does not exist.
                if ord == MatOrd::MinSv {
                    return Err(empty());
                }
                return Ok(zero);
            }
            let s = work.run(routine, a, Job::Values)?.s;
            match ord {
                MatOrd::Nuc => s.iter().fold(zero, |acc, &v| acc + v),
                MatOrd::MaxSv => s[0],
                _ => s[s.len() - 1],
            }
        }
    })
}

/// The norm of `a` (numpy.linalg.norm with `axis=None`).
///
/// * `ord = None`: the 2-norm of all elements, for any number of axes
///   (the Frobenius norm of a matrix).
/// * a 1-D `a`: the vector norm of [`NormOrd`]'s table;
/// * a 2-D `a`: the matrix norm of the table (the 2-, −2- and nuclear
///   norms through the singular values, [`svdvals`](super::svdvals)).
///
/// No copies, except the SVD's for the singular-value norms.
///
/// ```
/// use lapis::linalg::{NormOrd, norm};
/// use ndarray::array;
///
/// let x = array![3.0f64, -4.0];
/// assert_eq!(norm(&x, None).unwrap(), 5.0);
/// assert_eq!(norm(&x, Some(NormOrd::Inf)).unwrap(), 4.0);
/// let a = array![[1.0f64, -2.0], [-3.0, 4.0]];
/// assert_eq!(norm(&a, Some(NormOrd::P(1.0))).unwrap(), 6.0); // max column sum
/// // No overflow in the squares:
/// assert!(norm(&array![1e200f64, 1e200], None).unwrap().is_finite());
/// ```
///
/// # Errors
/// `NonFinite`; `InvalidArgument` for an order that does not apply to the
/// array (`Fro` for a vector, `P(3)` for a matrix, NaN) or an order given
/// for an array of more than two axes (use [`norm_axis`]); `Empty` where
/// NumPy 2.4 raises for want of a minimum: `NegInf` of an empty vector;
/// `P(-2)` of an empty matrix; `NegInf`/`P(-1)` of a matrix with no
/// rows/columns to sum. Maxima over nothing are 0 as in NumPy 2.4 (`Inf`
/// of an empty vector, `P(2)`, `Inf`, `P(1)` of empty matrices), and so
/// are sums (`None`, `Fro`, `Nuc`, `P(1)`, `P(0)`, `P(p > 0)` of an empty
/// vector); `P(p < 0)` of an empty vector is infinity.
pub fn norm<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>, ord: Option<NormOrd>) -> Result<T::Real> {
    let _profile = crate::profile::scope("norm");
    const R: &str = "norm";
    check_finite(R, "a", a)?;
    let Some(o) = ord else {
        return Ok(two_norm(|| a.iter().copied()));
    };
    let v = a.view().into_dyn();
    match v.ndim() {
        1 => vector_norm_of(R, &v.into_dimensionality().expect("1-D"), vec_ord(R, ord)?),
        2 => matrix_norm_of(
            R,
            &mut SvdWork::new(),
            &v.into_dimensionality().expect("2-D"),
            mat_ord(R, ord)?,
        ),
        nd => Err(Error::InvalidArgument {
            routine: R,
            what: "ord",
            reason: format!(
                "norm order {o} needs a 1-D or 2-D array, got {nd} dimensions (use norm_axis)"
            ),
        }),
    }
}

/// A vector norm (numpy.linalg.vector_norm of a 1-D array): `ord = None`
/// is the 2-norm; see [`NormOrd`]. No copies.
///
/// # Errors
/// `NonFinite`; `InvalidArgument` for `Fro`, `Nuc` or NaN; `Empty` for
/// `NegInf` of an empty vector (`Inf` of one is 0, as in NumPy 2.4).
pub fn vector_norm<T: Scalar>(x: &ArrayRef1<T>, ord: Option<NormOrd>) -> Result<T::Real> {
    let _profile = crate::profile::scope("vector_norm");
    const R: &str = "vector_norm";
    check_finite(R, "x", x)?;
    vector_norm_of(R, x, vec_ord(R, ord)?)
}

/// A matrix norm (numpy.linalg.matrix_norm of a 2-D array): `ord = None`
/// is the Frobenius norm; see [`NormOrd`].
///
/// # Errors
/// `NonFinite`; `InvalidArgument` for a `P(p)` other than ±1, ±2, ±∞;
/// `Empty` as [`norm`]; `NoConvergence` from the SVD.
pub fn matrix_norm<T: Scalar>(a: &ArrayRef2<T>, ord: Option<NormOrd>) -> Result<T::Real> {
    let _profile = crate::profile::scope("matrix_norm");
    const R: &str = "matrix_norm";
    check_finite(R, "a", a)?;
    matrix_norm_of(R, &mut SvdWork::new(), a, mat_ord(R, ord)?)
}

/// Axis index in `0..ndim` from a NumPy-style (possibly negative) axis.
fn resolve_axis(routine: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let nd = ndim as isize;
    if axis < -nd || axis >= nd {
        return Err(Error::AxisOutOfRange {
            routine,
            axis,
            ndim,
        });
    }
    Ok(if axis < 0 {
        (axis + nd) as usize
    } else {
        axis as usize
    })
}

/// Norms along axes (numpy.linalg.norm with `axis`):
///
/// * one axis `[k]`: the vector norm of every 1-D lane along axis `k`;
/// * two axes `[r, c]`: the matrix norm of every 2-D slice with rows along
///   axis `r` and columns along axis `c` (`[-2, -1]` for a stack of
///   matrices; `[-1, -2]` gives the norms of the transposes).
///
/// The result has `a`'s shape without those axes, or with them kept as
/// length 1 when `keepdims` (C order). Axes may be negative. `ord` is as
/// for [`vector_norm`] and [`matrix_norm`]; the SVD-based orders reuse one
/// workspace across the stack.
///
/// # Errors
/// `AxisOutOfRange` for an axis outside `-ndim..ndim` (NumPy's
/// `AxisError`); `NonFinite`; `InvalidArgument` for an axis list that is
/// not one or two distinct axes, or an order that does not apply; `Empty`
/// as [`norm`] (for any slice); `NoConvergence`.
pub fn norm_axis<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    ord: Option<NormOrd>,
    axis: &[isize],
    keepdims: bool,
) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("norm_axis");
    const R: &str = "norm";
    let v = a.view().into_dyn();
    let nd = v.ndim();
    let axes = axis
        .iter()
        .map(|&ax| resolve_axis(R, ax, nd))
        .collect::<Result<Vec<_>>>()?;
    let mut out = match *axes.as_slice() {
        [k] => {
            let vo = vec_ord(R, ord)?;
            check_finite(R, "a", a)?;
            let mut err = None;
            let mut shape = v.shape().to_vec();
            shape.remove(k);
            let mut out: ArrayD<T::Real> = crate::alloc::try_zeros(R, IxDyn(&shape))?;
            Zip::from(&mut out)
                .and(v.lanes(Axis(k)))
                .for_each(|o, lane: ArrayView1<'_, T>| {
                    if err.is_none() {
                        match vector_norm_of(R, &lane, vo) {
                            Ok(x) => *o = x,
                            Err(e) => err = Some(e),
                        }
                    }
                });
            if let Some(e) = err {
                return Err(e);
            }
            out
        }
        [r, c] if r != c => {
            let mo = mat_ord(R, ord)?;
            check_finite(R, "a", a)?;
            let mut perm: Vec<usize> = (0..nd).filter(|&i| i != r && i != c).collect();
            perm.extend([r, c]);
            let p = v.permuted_axes(IxDyn(&perm));
            let (lead, _, _) = split(R, "a", &p)?;
            let mut work = SvdWork::new();
            let vals = map_stack(R, &lead, |idx| {
                matrix_norm_of(R, &mut work, &matrix_at(p.view(), idx), mo)
            })?;
            ArrayD::from_shape_vec(IxDyn(&lead), vals).expect("one value per stack index")
        }
        _ => {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "axis",
                reason: format!("expected one axis or two distinct axes, got {axis:?}"),
            });
        }
    };
    if keepdims {
        let mut sorted = axes.clone();
        sorted.sort_unstable();
        for k in sorted {
            out = out.insert_axis(Axis(k));
        }
    }
    Ok(out)
}

/// The condition number of `a` (numpy.linalg.cond).
///
/// * `ord = None` or `P(2)`: `s_max / s_min` from the singular values, for
///   any `m × n` matrix; `P(-2)`: `s_min / s_max`.
/// * `Fro`, `Nuc`, `Inf`, `NegInf`, `P(1)`, `P(-1)`: `‖A‖·‖A⁻¹‖` in that
///   norm, for square `a` (through [`inv`](super::inv)).
///
/// A singular matrix gives `+inf` (not an error), as NumPy.
///
/// An empty matrix (`m` or `n` zero) is `Empty`, for every order and
/// before the order or the shape is looked at: NumPy 2.4 raises
/// `LinAlgError("cond is not defined on empty arrays")` for every `ord`
/// (valid or not) and every empty shape, square or not; lapis's `Empty` is
/// that error (`LAPIS_ERR_INVALID_VALUE` in C), not a numerical failure.
///
/// # Errors
/// `Empty` for an empty matrix; `NotSquare` for the non-2-norm orders;
/// `InvalidArgument` for an order that is not a matrix norm; `NonFinite`;
/// `NoConvergence`.
pub fn cond<T: Scalar>(a: &ArrayRef2<T>, ord: Option<NormOrd>) -> Result<T::Real> {
    let _profile = crate::profile::scope("cond");
    cond_with(&mut SvdWork::new(), a, ord)
}

fn cond_with<T: Scalar>(
    work: &mut SvdWork<T>,
    a: &ArrayRef2<T>,
    ord: Option<NormOrd>,
) -> Result<T::Real> {
    const R: &str = "cond";
    let (m, n) = a.dim();
    if m == 0 || n == 0 {
        return Err(Error::Empty {
            routine: R,
            what: "a",
        });
    }
    let mo = match ord {
        None => MatOrd::MaxSv,
        o => mat_ord(R, o)?,
    };
    check_finite(R, "a", a)?;
    let inf = T::Real::infinity();
    let r = match mo {
        MatOrd::MaxSv | MatOrd::MinSv => {
            let s = work.run(R, a, Job::Values)?.s;
            let (hi, lo) = (s[0], s[s.len() - 1]);
            if mo == MatOrd::MaxSv {
                hi / lo
            } else {
                lo / hi
            }
        }
        _ => {
            super::square(R, "a", (m, n))?;
            match inv(a) {
                Ok(ai) if ai.iter().all(|v| v.is_finite()) => {
                    matrix_norm_of(R, work, a, mo)? * matrix_norm_of(R, work, &ai, mo)?
                }
                Ok(_) | Err(Error::Singular { .. }) => inf,
                Err(e) => return Err(e),
            }
        }
    };
    // 0/0 (a zero matrix) is a singular matrix too.
    Ok(if r.is_nan() { inf } else { r })
}

/// [`cond`] over a `(…, M, N)` stack: an array of the leading shape.
///
/// # Errors
/// As [`cond`]; `TooFewDimensions`.
pub fn cond_stacked<T: Scalar>(a: &ArrayRefD<T>, ord: Option<NormOrd>) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("cond");
    let (lead, _, _) = split("cond", "a", a)?;
    let mut work = SvdWork::new();
    let vals = map_stack("cond", &lead, |idx| {
        cond_with(&mut work, &matrix_at(a.view(), idx), ord)
    })?;
    Ok(ArrayD::from_shape_vec(IxDyn(&lead), vals).expect("one value per stack index"))
}

/// The rank of `a` (numpy.linalg.matrix_rank): the number of singular
/// values above `tol`, by default NumPy's `S.max() · max(m, n) · eps`. An
/// empty matrix has rank 0 (NumPy raises on the empty `max`).
///
/// # Errors
/// `InvalidArgument` for a NaN `tol`; `NonFinite`; `NoConvergence`.
pub fn matrix_rank<T: Scalar>(a: &ArrayRef2<T>, tol: Option<T::Real>) -> Result<usize> {
    let _profile = crate::profile::scope("matrix_rank");
    rank_with(&mut SvdWork::new(), a, tol)
}

fn rank_with<T: Scalar>(
    work: &mut SvdWork<T>,
    a: &ArrayRef2<T>,
    tol: Option<T::Real>,
) -> Result<usize> {
    const R: &str = "matrix_rank";
    if let Some(t) = tol.filter(|t| t.is_nan()) {
        return Err(Error::InvalidArgument {
            routine: R,
            what: "tol",
            reason: format!("must be a number, got {t}"),
        });
    }
    let (m, n) = a.dim();
    let s: Array1<T::Real> = work.run(R, a, Job::Values)?.s;
    let Some(&smax) = s.first() else { return Ok(0) };
    let tol = tol.unwrap_or_else(|| smax * T::Real::from_f64_real(m.max(n) as f64) * T::epsilon());
    Ok(s.iter().filter(|&&v| v > tol).count())
}

/// [`matrix_rank`] over a `(…, M, N)` stack: an array of the leading shape.
///
/// # Errors
/// As [`matrix_rank`]; `TooFewDimensions`.
pub fn matrix_rank_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    tol: Option<T::Real>,
) -> Result<ArrayD<usize>> {
    let _profile = crate::profile::scope("matrix_rank");
    let (lead, _, _) = split("matrix_rank", "a", a)?;
    let mut work = SvdWork::new();
    let vals = map_stack("matrix_rank", &lead, |idx| {
        rank_with(&mut work, &matrix_at(a.view(), idx), tol)
    })?;
    Ok(ArrayD::from_shape_vec(IxDyn(&lead), vals).expect("one value per stack index"))
}
