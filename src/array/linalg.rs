//! `numpy.linalg` on dynamic arrays: each function checks the dtypes of its
//! [`NdArray`] operands, dispatches to the typed routine of
//! [`crate::linalg`] (the `*_stacked` form, so `(…, M, N)` stacks work as
//! in NumPy) and wraps the results as new arrays.
//!
//! * Inputs of any layout (C, Fortran, transposed, strided, negative
//!   strides) are accepted and never modified; the typed layer makes the
//!   Fortran-order working copies LAPACK needs.
//! * Operands of one call must share a dtype (no promotion):
//!   [`Error::DTypeMismatch`] otherwise.
//! * Result dtypes follow NumPy: eigenvalues of `eigh`/`eigvalsh`, singular
//!   values, norms, `slogdet`'s log and `lstsq`'s residuals are real (of the
//!   input's precision); `eig`/`eigvals` results are complex.
//! * Results are new arrays (Fortran order for matrices), owned by the
//!   caller.
//! * LAPACK failures are typed errors: [`Error::Singular`],
//!   [`Error::NotPositiveDefinite`] (with the failing leading minor),
//!   [`Error::NoConvergence`]; NaN or infinity in an input is
//!   [`Error::NonFinite`].
//!
//! ```
//! use lapis::array::{self, linalg};
//! use lapis::DType;
//! let a = array::from_vec(vec![4.0f64, 1.0, 1.0, 3.0], &[2, 2])?;
//! let b = array::from_vec(vec![1.0f64, 2.0], &[2])?;
//! let x = linalg::solve(&a, &b)?;
//! let x = x.to_vec::<f64>()?;
//! assert!((4.0 * x[0] + x[1] - 1.0).abs() < 1e-12);
//! # Ok::<(), lapis::Error>(())
//! ```

use ndarray::Ix2;

use super::create::from_ndarray;
use super::dynarray::NdArray;
use crate::blas::{Transpose, Uplo};
use crate::dispatch_dtype;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::linalg as la;
use crate::scalar::{RealScalar, Scalar};

pub use super::linalg_factor::{
    cho_factor, cho_solve, cholesky_inplace, lu_factor, lu_solve, qr_raw,
};
pub use crate::linalg::{EigRange, NormOrd, QrMode};

/// The common dtype of two operands, or `DTypeMismatch`.
fn same_dtype(routine: &'static str, a: &NdArray, b: &NdArray) -> Result<DType> {
    if a.dtype() != b.dtype() {
        return Err(Error::DTypeMismatch {
            routine,
            actual: b.dtype(),
            requested: a.dtype(),
        });
    }
    Ok(a.dtype())
}

fn real_opt<R: RealScalar>(v: Option<f64>) -> Option<R> {
    v.map(R::from_f64_real)
}

/// Solves `A x = b` (numpy.linalg.solve) by LU with partial pivoting.
/// `a` is `(…, n, n)`; `b` is `(n,)` (one vector for every matrix) or
/// `(…, n, k)`, the leading axes broadcast with `a`'s. The result has the
/// broadcast shape of `b`.
///
/// # Errors
/// `DTypeMismatch`; `TooFewDimensions`; `NotSquare`; `ShapeMismatch`,
/// `Broadcast`; `Singular` (exactly singular `U`); `NonFinite`.
pub fn solve(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    let dt = same_dtype("solve", a, b)?;
    dispatch_dtype!(dt, T => {
        let x = la::solve_stacked(&*a.view::<T>()?, &*b.view::<T>()?)?;
        from_ndarray(x)
    })
}

/// The four results of [`lstsq`] (numpy.linalg.lstsq).
#[derive(Debug)]
pub struct LstsqResult {
    /// The minimum-norm solution, `(n,)` or `(n, k)` like `b`.
    pub x: NdArray,
    /// Squared residual norms per column of `b` (real dtype): `(k,)` (or
    /// `(1,)` for a 1-D `b`) when `rank == n` and `m > n`, else `(0,)`.
    pub residuals: NdArray,
    /// The effective rank of `a`.
    pub rank: usize,
    /// The `min(m, n)` singular values of `a`, descending (real dtype).
    pub s: NdArray,
}

/// Least-squares solution of `a x ≈ b` for one `m × n` matrix `a` and `b`
/// of shape `(m,)` or `(m, k)` (numpy.linalg.lstsq, by `?gelsd`).
/// Singular values `≤ rcond · s[0]` count as zero; `None` is NumPy's
/// default `eps · max(m, n)`, a negative value machine precision.
///
/// # Errors
/// `DTypeMismatch`; `DimensionMismatch` (a not 2-D); `ShapeMismatch`;
/// `NonFinite`; `NoConvergence`.
pub fn lstsq(a: &NdArray, b: &NdArray, rcond: Option<f64>) -> Result<LstsqResult> {
    const R: &str = "lstsq";
    let dt = same_dtype(R, a, b)?;
    if !(1..=2).contains(&b.ndim()) {
        return Err(Error::InvalidArgument {
            routine: R,
            what: "b",
            reason: format!("must have 1 or 2 axes, got shape {:?}", b.shape()),
        });
    }
    dispatch_dtype!(dt, T => {
        let av = a.view_dim::<T, Ix2>()?;
        let bv = b.view::<T>()?;
        let r = la::lstsq(&*av, &*bv, real_opt(rcond))?;
        Ok(LstsqResult {
            x: from_ndarray(r.x)?,
            residuals: from_ndarray(r.residuals)?,
            rank: r.rank,
            s: from_ndarray(r.singular_values)?,
        })
    })
}

/// Inverse of each `(…, n, n)` matrix (numpy.linalg.inv).
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `Singular`, `NonFinite`.
pub fn inv(a: &NdArray) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::inv_stacked(&*a.view::<T>()?)?))
}

/// Moore–Penrose pseudo-inverse of each `(…, m, n)` matrix, `(…, n, m)`
/// (numpy.linalg.pinv): singular values `≤ rtol · s_max` are dropped;
/// `None` is `eps · max(m, n)`.
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`, `NoConvergence`.
pub fn pinv(a: &NdArray, rtol: Option<f64>) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => {
        let r = real_opt(rtol);
        from_ndarray(la::pinv_stacked(&*a.view::<T>()?, r)?)
    })
}

/// Determinant of each `(…, n, n)` matrix: an array of shape `(…)` (0-d for
/// one matrix) of `a`'s dtype (numpy.linalg.det). A singular matrix has
/// determinant 0 (not an error).
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `NonFinite`.
pub fn det(a: &NdArray) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::det_stacked(&*a.view::<T>()?)?))
}

/// Determinant of one `n × n` matrix as a complex double (the imaginary
/// part is 0 for real dtypes).
///
/// # Errors
/// `DimensionMismatch` (not 2-D), `NotSquare`, `NonFinite`.
pub fn det_scalar(a: &NdArray) -> Result<crate::Complex64> {
    dispatch_dtype!(a.dtype(), T => {
        let d: T = la::det(&*a.view_dim::<T, Ix2>()?)?;
        Ok(crate::Complex64::new(d.re().to_f64_real(), d.im().to_f64_real()))
    })
}

/// Sign and natural log of |det| of each `(…, n, n)` matrix
/// (numpy.linalg.slogdet): `sign` has `a`'s dtype (±1, or a unit complex
/// number; 0 for a singular matrix), `logabsdet` the real dtype (`-inf`
/// for a singular matrix); both of shape `(…)`.
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `NonFinite`.
pub fn slogdet(a: &NdArray) -> Result<(NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (s, l) = la::slogdet_stacked(&*a.view::<T>()?)?;
        Ok((from_ndarray(s)?, from_ndarray(l)?))
    })
}

/// LU factorization with partial pivoting of each `(…, m, n)` matrix,
/// `A = P L U` (scipy.linalg.lu): `P (…, m, m)` a permutation matrix,
/// `L (…, m, k)` unit lower trapezoidal, `U (…, k, n)` upper trapezoidal,
/// `k = min(m, n)`. Singular matrices factor without error.
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`.
pub fn lu(a: &NdArray) -> Result<(NdArray, NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (p, l, u) = la::lu_stacked(&*a.view::<T>()?)?;
        Ok((from_ndarray(p)?, from_ndarray(l)?, from_ndarray(u)?))
    })
}

/// Cholesky factor of each Hermitian positive definite `(…, n, n)` matrix
/// (numpy.linalg.cholesky / scipy's `lower=`): `L` with `A = L Lᴴ` for
/// `Uplo::Lower`, `U` with `A = Uᴴ U` for `Uplo::Upper`; the other triangle
/// is zero. Only the chosen triangle of `a` is read.
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `NonFinite`, `NotPositiveDefinite`
/// (with the order of the failing leading minor).
pub fn cholesky(a: &NdArray, uplo: Uplo) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::cholesky_stacked(&*a.view::<T>()?, uplo)?))
}

/// QR factorization of each `(…, m, n)` matrix (numpy.linalg.qr): `(Q, R)`
/// with shapes as [`QrMode`] gives them; `Q` is `None` for [`QrMode::R`].
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`.
pub fn qr(a: &NdArray, mode: QrMode) -> Result<(Option<NdArray>, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (q, r) = la::qr_stacked(&*a.view::<T>()?, mode)?;
        Ok((q.map(from_ndarray).transpose()?, from_ndarray(r)?))
    })
}

/// Singular value decomposition of each `(…, m, n)` matrix,
/// `A = U diag(s) Vh` (numpy.linalg.svd): `U (…, m, m or k)`, `s (…, k)`
/// (real dtype, descending), `Vh (…, n or k, n)`, `k = min(m, n)`;
/// `full_matrices` chooses the square shapes.
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`, `NoConvergence`.
pub fn svd(a: &NdArray, full_matrices: bool) -> Result<(NdArray, NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (u, s, vh) = la::svd_stacked(&*a.view::<T>()?, full_matrices)?;
        Ok((from_ndarray(u)?, from_ndarray(s)?, from_ndarray(vh)?))
    })
}

/// Singular values of each `(…, m, n)` matrix, `(…, min(m, n))`, real,
/// descending (numpy.linalg.svdvals).
///
/// # Errors
/// As [`svd`].
pub fn svdvals(a: &NdArray) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::svdvals_stacked(&*a.view::<T>()?)?))
}

/// Eigenvalues and right eigenvectors of each general `(…, n, n)` matrix
/// (numpy.linalg.eig): `w (…, n)` and `v (…, n, n)` (columns, unit
/// 2-norm), both complex of `a`'s precision.
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `NonFinite`, `NoConvergence`.
pub fn eig(a: &NdArray) -> Result<(NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (w, v) = la::eig_stacked(&*a.view::<T>()?)?;
        Ok((from_ndarray(w)?, from_ndarray(v)?))
    })
}

/// Eigenvalues of each general `(…, n, n)` matrix, complex `(…, n)`
/// (numpy.linalg.eigvals).
///
/// # Errors
/// As [`eig`].
pub fn eigvals(a: &NdArray) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::eigvals_stacked(&*a.view::<T>()?)?))
}

/// Eigenvalues (real, ascending, `(…, n)`) and orthonormal eigenvectors
/// (columns, `(…, n, n)`, `a`'s dtype) of each symmetric/Hermitian matrix,
/// reading only its `uplo` triangle (numpy.linalg.eigh).
///
/// # Errors
/// `TooFewDimensions`, `NotSquare`, `NonFinite`, `NoConvergence`.
pub fn eigh(a: &NdArray, uplo: Uplo) -> Result<(NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (w, v) = la::eigh_stacked(&*a.view::<T>()?, uplo)?;
        Ok((from_ndarray(w)?, from_ndarray(v)?))
    })
}

/// Eigenvalues only of [`eigh`] (numpy.linalg.eigvalsh): real, ascending.
///
/// # Errors
/// As [`eigh`].
pub fn eigvalsh(a: &NdArray, uplo: Uplo) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::eigvalsh_stacked(&*a.view::<T>()?, uplo)?))
}

/// The generalized symmetric-definite problem `H x = e S x` for each pair
/// of `(…, n, n)` matrices (leading axes broadcast): `H` symmetric/Hermitian,
/// `S` positive definite, both read in their `uplo` triangle
/// (scipy.linalg.eigh(h, s)). Returns `e (…, n)` real ascending and `X
/// (…, n, n)` (columns) normalized so that `Xᴴ S X = I`.
///
/// # Errors
/// `DTypeMismatch`; `TooFewDimensions`; `NotSquare`; `ShapeMismatch`;
/// `NonFinite`; `NotPositiveDefinite` (S, with the failing minor);
/// `NoConvergence`.
pub fn eigh_generalized(h: &NdArray, s: &NdArray, uplo: Uplo) -> Result<(NdArray, NdArray)> {
    let dt = same_dtype("eigh_generalized", h, s)?;
    dispatch_dtype!(dt, T => {
        let (w, x) = la::eigh_generalized_stacked(&*h.view::<T>()?, &*s.view::<T>()?, uplo, 1)?;
        Ok((from_ndarray(w)?, from_ndarray(x)?))
    })
}

/// Eigenvalues only of [`eigh_generalized`]: real, ascending, `(…, n)`.
///
/// # Errors
/// As [`eigh_generalized`].
pub fn eigvalsh_generalized(h: &NdArray, s: &NdArray, uplo: Uplo) -> Result<NdArray> {
    let dt = same_dtype("eigvalsh_generalized", h, s)?;
    dispatch_dtype!(dt, T => {
        let w = la::eigvalsh_generalized_stacked(&*h.view::<T>()?, &*s.view::<T>()?, uplo, 1)?;
        from_ndarray(w)
    })
}

/// The norm of a whole array (numpy.linalg.norm without `axis`): `None` is
/// the 2-norm of the flattened array (any number of axes); with an order,
/// a vector norm for 1-D and a matrix norm for 2-D input (see
/// [`NormOrd`]).
///
/// # Errors
/// `InvalidArgument` (an order not defined for the number of axes, or an
/// order with more than 2 axes), `Empty` (a minimum over nothing: see
/// [`la::norm`]), `NonFinite`, `NoConvergence` (2, -2, 'nuc').
pub fn norm(a: &NdArray, ord: Option<NormOrd>) -> Result<f64> {
    dispatch_dtype!(a.dtype(), T => Ok(la::norm(&*a.view::<T>()?, ord)?.to_f64_real()))
}

/// Norms along `axis` (one axis: vector norms; two axes: matrix norms),
/// numpy.linalg.norm(a, ord, axis, keepdims): a real array of the input's
/// precision.
///
/// # Errors
/// As [`norm`]; `AxisOutOfRange` for an axis outside `-ndim..ndim`;
/// `InvalidArgument` for a repeated axis, or other than 1 or 2 axes.
pub fn norm_axis(
    a: &NdArray,
    ord: Option<NormOrd>,
    axis: &[isize],
    keepdims: bool,
) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::norm_axis(&*a.view::<T>()?, ord, axis, keepdims)?))
}

/// Condition number of each `(…, m, n)` matrix in the norm `ord`
/// (numpy.linalg.cond; `None` is the 2-norm ratio `s_max / s_min`): a real
/// array of shape `(…)`. Orders other than ±2 and `None` need square
/// matrices.
///
/// # Errors
/// `Empty` for empty matrices, whatever `ord` (NumPy's LinAlgError "cond
/// is not defined on empty arrays"; see [`la::cond`]); `TooFewDimensions`,
/// `NotSquare`, `InvalidArgument`, `NonFinite`, `NoConvergence`.
pub fn cond(a: &NdArray, ord: Option<NormOrd>) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => from_ndarray(la::cond_stacked(&*a.view::<T>()?, ord)?))
}

/// Numerical rank of one `m × n` matrix (numpy.linalg.matrix_rank): the
/// singular values above `tol`; `None` is `s_max · max(m, n) · eps`.
///
/// # Errors
/// `DimensionMismatch` (not 2-D), `NonFinite`, `NoConvergence`.
pub fn matrix_rank(a: &NdArray, tol: Option<f64>) -> Result<usize> {
    dispatch_dtype!(a.dtype(), T => {
        let t = real_opt(tol);
        la::matrix_rank(&*a.view_dim::<T, Ix2>()?, t)
    })
}

/// Solves `op(A) x = b` for triangular `(…, n, n)` `A`
/// (scipy.linalg.solve_triangular): only the `uplo` triangle is
/// read, `unit_diagonal` takes the diagonal as ones; `b` is `(n,)` or
/// `(…, n, k)` (leading axes broadcast).
///
/// # Errors
/// `DTypeMismatch`, `TooFewDimensions`, `NotSquare`, `ShapeMismatch`,
/// `Broadcast`, `Singular` (a zero on the diagonal), `NonFinite`.
pub fn solve_triangular(
    a: &NdArray,
    b: &NdArray,
    uplo: Uplo,
    trans: Transpose,
    unit_diagonal: bool,
) -> Result<NdArray> {
    let dt = same_dtype("solve_triangular", a, b)?;
    dispatch_dtype!(dt, T => {
        let x = la::solve_triangular_stacked(
            &*a.view::<T>()?,
            &*b.view::<T>()?,
            uplo,
            trans,
            unit_diagonal,
        )?;
        from_ndarray(x)
    })
}

/// A subset of the eigenpairs of the generalized problem for each pair of
/// `(…, n, n)` matrices, leading axes broadcast (scipy.linalg.eigh(h, s,
/// type=itype, subset_by_index / subset_by_value)): `itype` 1 is
/// `H x = e S x`, 2 is `H S x = e x`, 3 is `S H x = e x`; `range` `None`
/// selects every eigenvalue (then `?sygvd`/`?hegvd`, else
/// `?sygvx`/`?hegvx`). `H` symmetric/Hermitian, `S` positive definite, both
/// read in their `uplo` triangle. Returns `e (…, m)` real ascending and
/// `X (…, n, m)` normalized as SciPy does (`Xᴴ S X = I` for itype 1 and 2,
/// `Xᴴ S⁻¹ X = I` for 3). A value range must find the same number `m` of
/// eigenvalues in every problem of a stack.
///
/// # Errors
/// As [`eigh_generalized`]; `InvalidArgument` for an itype other than 1–3
/// or a bad range (see [`EigRange`]).
pub fn eigh_generalized_subset(
    h: &NdArray,
    s: &NdArray,
    uplo: Uplo,
    itype: u8,
    range: Option<EigRange<f64>>,
) -> Result<(NdArray, NdArray)> {
    let dt = same_dtype("eigh_generalized_subset", h, s)?;
    dispatch_dtype!(dt, T => {
        let (hv, sv) = (h.view::<T>()?, s.view::<T>()?);
        let (w, x) = match range {
            None => la::eigh_generalized_stacked(&*hv, &*sv, uplo, itype)?,
            Some(r) => la::eigh_generalized_subset_stacked(&*hv, &*sv, uplo, itype, real_range(r))?,
        };
        Ok((from_ndarray(w)?, from_ndarray(x)?))
    })
}

/// The eigenvalues only of [`eigh_generalized_subset`], `(…, m)`.
///
/// # Errors
/// As [`eigh_generalized_subset`].
pub fn eigvalsh_generalized_subset(
    h: &NdArray,
    s: &NdArray,
    uplo: Uplo,
    itype: u8,
    range: Option<EigRange<f64>>,
) -> Result<NdArray> {
    let Some(r) = range else {
        let dt = same_dtype("eigvalsh_generalized_subset", h, s)?;
        return dispatch_dtype!(dt, T => {
            let w = la::eigvalsh_generalized_stacked(&*h.view::<T>()?, &*s.view::<T>()?, uplo, itype)?;
            from_ndarray(w)
        });
    };
    // The stacked subset driver computes the vectors anyway.
    Ok(eigh_generalized_subset(h, s, uplo, itype, Some(r))?.0)
}

fn real_range<R: RealScalar>(r: EigRange<f64>) -> EigRange<R> {
    match r {
        EigRange::Index(lo, hi) => EigRange::Index(lo, hi),
        EigRange::Value(vl, vu) => EigRange::Value(R::from_f64_real(vl), R::from_f64_real(vu)),
    }
}

/// Numerical rank of each `(…, m, n)` matrix (numpy.linalg.matrix_rank on a
/// stack): the ranks in C order of the leading axes (one value for a single
/// matrix), with the leading shape. `tol` as in [`matrix_rank`].
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`, `NoConvergence`.
pub fn matrix_rank_stacked(a: &NdArray, tol: Option<f64>) -> Result<(Vec<usize>, Vec<usize>)> {
    dispatch_dtype!(a.dtype(), T => {
        let r = la::matrix_rank_stacked(&*a.view::<T>()?, real_opt(tol))?;
        let shape = r.shape().to_vec();
        // C order from the stack loop: the vector is the array's own.
        debug_assert!(r.is_standard_layout());
        let (ranks, _) = r.into_raw_vec_and_offset();
        Ok((ranks, shape))
    })
}
