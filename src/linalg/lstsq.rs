//! Least squares and the pseudo-inverse: numpy.linalg's `lstsq` (`?gelsd`)
//! and `pinv` (through the SVD).

use crate::sys::BlasInt;
use ndarray::{
    Array, Array1, Array2, ArrayD, ArrayRef, ArrayRef2, ArrayRefD, Axis, Dimension, Ix2, IxDyn,
    ShapeBuilder, s,
};
use num_traits::{Float, One, Zero};

use super::lapack_mut;
use super::stack::{assemble, map_stack, matrix_at, split};
use super::svd::{Job, SvdWork};
use super::working_copy::{Outside, Reads, checked_copy_into, checked_fortran_copy};
use crate::RealScalar;
use crate::blas::gemm;
use crate::error::{Error, Result, Shape};
use crate::lapack::{illegal_argument, query_len};
use crate::layout::blas_int;
use crate::operand::Transpose;
use crate::scalar::Scalar;

/// Argument names of `?gelsd` for `illegal_argument` (the real routines
/// have no `rwork`).
fn gelsd_args<T: Scalar>() -> &'static [&'static str] {
    if T::IS_COMPLEX {
        &[
            "m", "n", "nrhs", "a", "lda", "b", "ldb", "s", "rcond", "rank", "work", "lwork",
            "rwork", "iwork", "info",
        ]
    } else {
        &[
            "m", "n", "nrhs", "a", "lda", "b", "ldb", "s", "rcond", "rank", "work", "lwork",
            "iwork", "info",
        ]
    }
}

/// The result of [`lstsq`] (numpy.linalg.lstsq's four values).
#[derive(Clone, Debug)]
pub struct Lstsq<T: Scalar, D: Dimension> {
    /// The minimum-norm least-squares solution: `(n,)` for a `b` of shape
    /// `(m,)`, `(n, k)` for `(m, k)` (Fortran order).
    pub x: Array<T, D>,
    /// Sums of squared residuals `‖b_j − A·x_j‖²`, one per column of `b`
    /// (length 1 for a 1-D `b`), as NumPy: present only when `rank == n`
    /// and `m > n`, otherwise empty.
    pub residuals: Array1<T::Real>,
    /// The effective rank of `A`: the number of singular values above
    /// `rcond · s[0]`.
    pub rank: usize,
    /// The `min(m, n)` singular values of `A`, descending.
    pub singular_values: Array1<T::Real>,
}

/// Solves `min ‖b − A·x‖₂` for any `m × n` `A` (over-, under-determined or
/// rank-deficient) with the minimum-norm `x` (numpy.linalg.lstsq), by the
/// SVD (`?gelsd`, divide and conquer). `b` is `(m,)` or `(m, k)`; `x` has
/// the matching shape `(n,)` or `(n, k)`.
///
/// Singular values `s[i] ≤ rcond · s[0]` are treated as zero; `rcond =
/// None` is NumPy's default `eps · max(m, n)`. A negative `rcond` means
/// machine precision (LAPACK's convention, which NumPy passes through);
/// `rcond ≥ 1` cuts every value (rank 0, zero solution), where NumPy
/// passes it to LAPACK, which reads it as machine precision.
///
/// As NumPy: for `m = 0` the solution is zero; `residuals` is empty unless
/// `rank == n < m`; `k = 0` gives an `(n, 0)` solution but still the rank
/// and singular values.
///
/// Copies: `A` once and `b` once (into a `max(m, n) × k` Fortran-order
/// buffer from which `x` is cut). Inputs are not modified.
///
/// ```
/// use lapis::linalg::lstsq;
/// use ndarray::array;
///
/// // Fit y = c0 + c1·t through (1, 1), (2, 2), (3, 2).
/// let a = array![[1.0f64, 1.0], [1.0, 2.0], [1.0, 3.0]];
/// let r = lstsq(&a, &array![1.0, 2.0, 2.0], None).unwrap();
/// assert!((r.x[0] - 2.0 / 3.0).abs() < 1e-14 && (r.x[1] - 0.5).abs() < 1e-14);
/// assert_eq!(r.rank, 2);
/// assert!((r.residuals[0] - 1.0 / 6.0).abs() < 1e-14);
/// ```
///
/// # Errors
/// `ShapeMismatch` if `b` is not `(m,)` or `(m, k)`; `InvalidArgument` for
/// a NaN `rcond`; `NonFinite` for NaN/inf in `a` or `b` (also under
/// [`without_finite_check`](super::without_finite_check) for NaN, which
/// LAPACK rejects); `NoConvergence` if
/// the SVD fails to converge; `DimensionTooLarge`.
pub fn lstsq<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    rcond: Option<T::Real>,
) -> Result<Lstsq<T, D>> {
    let _profile = crate::profile::scope("lstsq");
    const R: &str = "lstsq";
    let (m, n) = a.dim();
    let bshape = b.shape();
    if bshape.is_empty() || bshape.len() > 2 || bshape[0] != m {
        return Err(Error::ShapeMismatch {
            routine: R,
            what: "b",
            got: Shape(bshape.to_vec()),
            expected: Shape(if bshape.len() == 2 {
                vec![m, bshape[1]]
            } else {
                vec![m]
            }),
        });
    }
    let k = if bshape.len() == 2 { bshape[1] } else { 1 };
    let rcond = match rcond {
        Some(r) if r.is_nan() => {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "rcond",
                reason: "NaN".into(),
            });
        }
        Some(r) => r,
        None => T::epsilon() * T::Real::from_f64_real(m.max(n) as f64),
    };
    let (mi, ni) = (blas_int(R, "m", m)?, blas_int(R, "n", n)?);
    // The working copy of a, checked for NaN/inf as it is made (before b,
    // as the errors always came).
    let mn = m.min(n);
    let mut acopy = match mn {
        0 => None, // nothing to copy or check
        _ => Some(checked_fortran_copy(R, "a", a, Reads::All, Outside::Copy)?),
    };
    let ldb = m.max(n).max(1);
    // LAPACK cannot take nrhs = 0 on every backend: solve with one zero
    // column then and drop it (as NumPy does).
    let kk = k.max(1);
    let (ldbi, kki) = (blas_int(R, "ldb", ldb)?, blas_int(R, "nrhs", kk)?);
    let mut bb = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(R, (ldb, kk).f())?;
    {
        let bd = b.view().into_dyn();
        let bd = if bshape.len() == 1 {
            bd.insert_axis(Axis(1))
        } else {
            bd
        };
        let b2 = bd.into_dimensionality::<Ix2>().map_err(|_| shape_bug(R))?;
        let mut top = bb.slice_mut(s![..m, ..k]);
        checked_copy_into(R, "b", &b2, &mut top, Reads::All, Outside::Copy)?;
    }
    let mut sv = crate::alloc::try_vec(R, mn, T::Real::zero())?;
    let mut rank = 0usize;
    if mn > 0 {
        let (abuf, lda) = lapack_mut(acopy.as_mut().expect("copied when mn > 0"));
        let (bbuf, _) = lapack_mut(&mut bb);
        let (lwork_min, lrwork_min, liwork_min) = T::gelsd_min_sizes(m, n, kk);
        let mut q = [T::zero()];
        let mut rq = [T::Real::zero()];
        let mut iq = [0 as BlasInt];
        let mut r = 0 as BlasInt;
        // SAFETY: a workspace query writes only q[0], rq[0] and iq[0].
        let info = unsafe {
            T::gelsd(
                mi, ni, kki, abuf, lda, bbuf, ldbi, &mut sv, rcond, &mut r, &mut q, -1, &mut rq,
                &mut iq,
            )
        };
        if info < 0 {
            return Err(illegal_argument("gelsd", info, gelsd_args::<T>()));
        }
        let lwork = query_len(q[0].re().to_f64_real()).max(lwork_min);
        let lrwork = query_len(rq[0].to_f64_real()).max(lrwork_min);
        let liwork = (iq[0].max(0) as usize).max(liwork_min);
        let mut work = crate::alloc::try_vec(R, lwork, T::zero())?;
        let mut rwork =
            crate::alloc::try_vec(R, if T::IS_COMPLEX { lrwork } else { 1 }, T::Real::zero())?;
        let mut iwork = crate::alloc::try_vec(R, liwork, 0 as BlasInt)?;
        let lw = blas_int(R, "lwork", lwork)?;
        // SAFETY: a is m × n (lda), b is ldb × nrhs column-major; the
        // workspaces hold at least the queried and documented sizes.
        let info = unsafe {
            T::gelsd(
                mi, ni, kki, abuf, lda, bbuf, ldbi, &mut sv, rcond, &mut r, &mut work, lw,
                &mut rwork, &mut iwork,
            )
        };
        if info != 0 && !(a.iter().all(|v| v.is_finite()) && b.iter().all(|v| v.is_finite())) {
            // Reachable only without the finite check: NaN makes LAPACK's
            // internal scaling fail, which it reports as an illegal argument
            // or a failure to converge; the cause is the input.
            return Err(Error::NonFinite {
                routine: R,
                what: "a or b",
            });
        }
        if info < 0 {
            return Err(illegal_argument("gelsd", info, gelsd_args::<T>()));
        }
        if info > 0 {
            return Err(Error::NoConvergence {
                routine: R,
                info: info.into(),
                detail: format!(
                    "SVD did not converge: {info} off-diagonals of an intermediate bidiagonal form \
                     did not converge to zero"
                ),
            });
        }
        rank = r.max(0) as usize;
        if rcond >= T::Real::one() {
            // Every s[i] ≤ rcond·s[0]: all values count as zero. LAPACK
            // instead reads rcond ≥ 1 as machine precision.
            rank = 0;
            bb.fill(T::zero());
        }
    } else if m == 0 {
        // LAPACK's quick return leaves b alone; NumPy's solution is zero.
        bb.fill(T::zero());
    }
    let residuals = if rank == n && m > n {
        let mut res = crate::alloc::try_zeros::<T::Real, ndarray::Ix1, _>(R, k)?;
        for (j, r) in res.iter_mut().enumerate() {
            *r = bb
                .slice(s![n..m, j])
                .iter()
                .fold(T::Real::zero(), |acc, v| acc + v.abs_sqr());
        }
        res
    } else {
        crate::alloc::try_zeros::<_, ndarray::Ix1, _>(R, 0)?
    };
    let x = bb.slice(s![..n, ..k]);
    let x: ArrayD<T> = if bshape.len() == 2 {
        let mut x2 = crate::alloc::try_zeros::<T, ndarray::IxDyn, _>(R, IxDyn(&[n, k]).f())?;
        x2.assign(&x);
        x2
    } else {
        let mut x1 = crate::alloc::try_zeros::<T, ndarray::IxDyn, _>(R, IxDyn(&[n]))?;
        x1.assign(&x.column(0));
        x1
    };
    Ok(Lstsq {
        x: x.into_dimensionality::<D>().map_err(|_| shape_bug(R))?,
        residuals,
        rank,
        singular_values: Array1::from(sv),
    })
}

fn shape_bug(routine: &'static str) -> Error {
    Error::InvalidArgument {
        routine,
        what: "b",
        reason: "internal: result has the wrong number of dimensions".into(),
    }
}

/// The Moore–Penrose pseudo-inverse `A⁺` (`n × m`) of any `m × n` matrix
/// (numpy.linalg.pinv), through the thin SVD: `A⁺ = V·diag(1/s)·Uᴴ` over the
/// singular values `s[i] > rtol · s[0]`; the others count as zero.
///
/// `rtol = None` is NumPy 2's `rtol=None` default (the array-API one),
/// `max(m, n) · eps`, which scales with the precision. NumPy's legacy
/// default (`rcond=1e-15`, used when neither `rcond` nor `rtol` is given)
/// is `Some(1e-15)` here; for `f32` it keeps singular values that are only
/// rounding noise.
///
/// An empty matrix gives an empty `n × m` result. Copies: those of [`svd`](super::svd)
/// plus the result, in Fortran order.
///
/// # Errors
/// `InvalidArgument` for a negative or NaN `rtol`; `NonFinite`;
/// `NoConvergence`; `DimensionTooLarge`.
pub fn pinv<T: Scalar>(a: &ArrayRef2<T>, rtol: Option<T::Real>) -> Result<Array2<T>> {
    let _profile = crate::profile::scope("pinv");
    pinv_with(&mut SvdWork::new(), a, rtol)
}

fn pinv_with<T: Scalar>(
    work: &mut SvdWork<T>,
    a: &ArrayRef2<T>,
    rtol: Option<T::Real>,
) -> Result<Array2<T>> {
    const R: &str = "pinv";
    let (m, n) = a.dim();
    let rtol = match rtol {
        Some(r) if r.is_nan() || r < T::Real::zero() => {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "rtol",
                reason: format!("must be a non-negative number, got {r}"),
            });
        }
        Some(r) => r,
        None => T::epsilon() * T::Real::from_f64_real(m.max(n) as f64),
    };
    let p = work.run(R, a, Job::Thin)?;
    let mut res = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(R, (n, m).f())?;
    let (u, vh) = (p.u.expect("thin vectors"), p.vh.expect("thin vectors"));
    let cutoff = match p.s.first() {
        Some(&s0) => rtol * s0,
        None => return Ok(res),
    };
    // s is descending: the kept values are a prefix.
    let r = p.s.iter().take_while(|&&v| v > cutoff).count();
    if r == 0 {
        return Ok(res);
    }
    // W = U[:, :r]·diag(1/s[:r]); A⁺ = Vh[:r, :]ᴴ·Wᴴ.
    let mut w = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(R, (m, r).f())?;
    w.assign(&u.slice(s![.., ..r]));
    for (mut col, &sv) in w.columns_mut().into_iter().zip(p.s.iter()) {
        let inv = T::from_real(sv.recip());
        col.mapv_inplace(|v| v * inv);
    }
    gemm(
        Transpose::ConjTrans,
        Transpose::ConjTrans,
        T::one(),
        &vh.slice(s![..r, ..]),
        &w,
        T::zero(),
        &mut res,
    )
    .map_err(|e| match e {
        Error::DimensionTooLarge {
            what, value, max, ..
        } => Error::DimensionTooLarge {
            routine: R,
            what,
            value,
            max,
        },
        e => e,
    })?;
    Ok(res)
}

/// [`pinv`] over a `(…, M, N)` stack: `(…, N, M)`, one SVD workspace for all.
///
/// # Errors
/// As [`pinv`]; `TooFewDimensions`.
pub fn pinv_stacked<T: Scalar>(a: &ArrayRefD<T>, rtol: Option<T::Real>) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("pinv");
    let (lead, m, n) = split("pinv", "a", a)?;
    let mut work = SvdWork::new();
    let items = map_stack("pinv", &lead, |idx| {
        pinv_with(&mut work, &matrix_at(a.view(), idx), rtol)
    })?;
    assemble::<T, Ix2>("pinv", &lead, &[n, m], items)
}
