//! Factorizations kept for later solves, on dynamic arrays: SciPy's
//! `cho_factor`/`cho_solve` and `lu_factor`/`lu_solve`, and the in-place
//! Cholesky factorization. Re-exported from [`super::linalg`], whose rules
//! (one dtype per call, results are new Fortran-order arrays, typed errors)
//! apply here too.
//!
//! A factorization travels as plain values, so that it can cross the C
//! ABI with the one handle type there is: a Cholesky factor is its matrix
//! and the [`Uplo`] of the triangle that holds it; LU factors are the
//! packed matrix and the 0-based pivot rows (`usize`).

use ndarray::{Array2, Ix2, ShapeBuilder};

use super::create::from_ndarray;
use super::dynarray::NdArray;
use crate::blas::{Transpose, Uplo};
use crate::dispatch_dtype;
use crate::error::{Error, Result};
use crate::linalg as la;
use crate::scalar::Scalar;

/// The common dtype of a factor and a right-hand side, or `DTypeMismatch`.
fn same_dtype(routine: &'static str, f: &NdArray, b: &NdArray) -> Result<crate::DType> {
    if f.dtype() != b.dtype() {
        return Err(Error::DTypeMismatch {
            routine,
            actual: b.dtype(),
            requested: f.dtype(),
        });
    }
    Ok(f.dtype())
}

/// A Fortran-order copy of a 2-D view.
fn fortran_owned<T: Scalar>(routine: &'static str, a: &ndarray::ArrayRef2<T>) -> Result<Array2<T>> {
    let mut c: Array2<T> = crate::alloc::try_zeros(routine, a.dim().f())?;
    c.assign(a);
    Ok(c)
}

/// Factors one Hermitian positive definite `(n, n)` matrix in place
/// (scipy.linalg.cholesky(a, overwrite_a=True), without its silent copy):
/// afterwards `a` holds the factor in its `uplo` triangle (`A = L Lᴴ` for
/// `Lower`, `A = Uᴴ U` for `Upper`) and zeros in the other. Fortran- and
/// C-order memory (and sub-matrix views of either) is factored where it
/// is; other layouts go through one temporary that is copied back.
///
/// # Errors
/// `DimensionMismatch` (not 2-D); `NotSquare`; `NonFinite` (anywhere in
/// `a`); `ReadOnly`; `BorrowConflict`; `OverlappingOutput`; these leave
/// `a` untouched. `NotPositiveDefinite { minor }` leaves the `uplo`
/// triangle partially overwritten as LAPACK leaves it.
pub fn cholesky_inplace(a: &mut NdArray, uplo: Uplo) -> Result<()> {
    dispatch_dtype!(a.dtype(), T => {
        let mut v = a.view_mut_dim::<T, Ix2>()?;
        la::cholesky_inplace(&mut v, uplo)
    })
}

/// Factors one Hermitian positive definite `(n, n)` matrix for
/// [`cho_solve`] (scipy.linalg.cho_factor): a new Fortran-order `(n, n)`
/// array with the factor in its `uplo` triangle; the other triangle keeps
/// `a`'s entries (SciPy calls them arbitrary). Only the `uplo` triangle
/// of `a` is factored.
///
/// # Errors
/// `DimensionMismatch` (not 2-D); `NotSquare`; `NonFinite`;
/// `NotPositiveDefinite` (with the failing leading minor).
pub fn cho_factor(a: &NdArray, uplo: Uplo) -> Result<NdArray> {
    dispatch_dtype!(a.dtype(), T => {
        let f = la::cho_factor(&*a.view_dim::<T, Ix2>()?, uplo)?;
        from_ndarray(f.into_parts().0)
    })
}

/// Solves `A x = b` from a Cholesky factor `c` of `A` (scipy.linalg.cho_solve
/// with `(c, lower)`): `c` `(n, n)` holds the factor in its `uplo`
/// triangle (from [`cho_factor`], [`cholesky`](super::linalg::cholesky)
/// or [`cholesky_inplace`]); the other triangle is not used. `b` is `(n,)`
/// or `(n, k)` of `c`'s dtype; the result has `b`'s shape. `c` is copied
/// once into Fortran order (unless it is already), `b` once into the result.
///
/// # Errors
/// `DTypeMismatch`; `DimensionMismatch` (c not 2-D); `NotSquare`;
/// `ShapeMismatch` (b); `NonFinite` (anywhere in `c`, or in `b`);
/// `Singular` (a zero on `c`'s diagonal).
pub fn cho_solve(c: &NdArray, uplo: Uplo, b: &NdArray) -> Result<NdArray> {
    const R: &str = "cho_solve";
    let dt = same_dtype(R, c, b)?;
    dispatch_dtype!(dt, T => {
        let f = la::ChoFactors::new(fortran_owned(R, &c.view_dim::<T, Ix2>()?)?, uplo)?;
        from_ndarray(la::cho_solve(&f, &*b.view::<T>()?)?)
    })
}

/// LU factorization with partial pivoting of one `(m, n)` matrix
/// (scipy.linalg.lu_factor): the packed factors `(m, n)` (new, Fortran
/// order: `L` strictly below the diagonal with its unit diagonal implied,
/// `U` on and above) and the `min(m, n)` 0-based pivot rows (row `i` was
/// interchanged with row `piv[i]`). A singular matrix factors without
/// error; [`lu_solve`] reports it.
///
/// # Errors
/// `DimensionMismatch` (not 2-D); `NonFinite`; `DimensionTooLarge`.
pub fn lu_factor(a: &NdArray) -> Result<(NdArray, Vec<usize>)> {
    dispatch_dtype!(a.dtype(), T => {
        let f = la::lu_factor(&*a.view_dim::<T, Ix2>()?)?;
        let (lu, piv) = f.into_packed("lu_factor")?;
        Ok((from_ndarray(lu)?, piv))
    })
}

/// Solves `op(A) x = b` from `A`'s LU factors as [`lu_factor`] gives them
/// (scipy.linalg.lu_solve with `trans`): `lu` `(n, n)`, `piv` its `n`
/// 0-based pivot rows, `b` `(n,)` or `(n, k)` of `lu`'s dtype; the result
/// has `b`'s shape. `lu` is copied into Fortran order unless it is already.
///
/// # Errors
/// `DTypeMismatch`; `DimensionMismatch` (lu not 2-D); `NotSquare`;
/// `ShapeMismatch` (piv's length, b); `InvalidArgument` (a pivot `≥ n`);
/// `NonFinite`; `Singular` (a zero on `U`'s diagonal).
pub fn lu_solve(lu: &NdArray, piv: &[usize], b: &NdArray, trans: Transpose) -> Result<NdArray> {
    const R: &str = "lu_solve";
    let dt = same_dtype(R, lu, b)?;
    dispatch_dtype!(dt, T => {
        let f = la::LuFactors::from_parts(fortran_owned(R, &lu.view_dim::<T, Ix2>()?)?, piv)?;
        from_ndarray(la::lu_solve(&f, &*b.view::<T>()?, trans)?)
    })
}

/// The QR factorization of each `(…, m, n)` matrix in LAPACK's compact form
/// (numpy.linalg.qr, `mode='raw'`): `h` `(…, m, n)` with `R` on and above
/// the diagonal and the Householder vectors below, and `tau`
/// `(…, min(m, n))`, both of `a`'s dtype (see [`crate::linalg::qr_raw`];
/// NumPy's `h` is this one transposed).
///
/// # Errors
/// `TooFewDimensions`, `NonFinite`.
pub fn qr_raw(a: &NdArray) -> Result<(NdArray, NdArray)> {
    dispatch_dtype!(a.dtype(), T => {
        let (h, tau) = la::qr_raw_stacked(&*a.view::<T>()?)?;
        Ok((from_ndarray(h)?, from_ndarray(tau)?))
    })
}
