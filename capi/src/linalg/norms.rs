//! Norms and the quantities built on them: norm, norm_axis, cond, matrix_rank.
//! The shared rules are in [`super`].

use super::*;
use crate::call;

/// The norm of a whole array (numpy.linalg.norm without `axis`) in
/// `*out`: `ord` a `LAPIS_NORM_*` code with the numeric order in `p` for
/// `LAPIS_NORM_P` (see `lapis_norm_ord`). `LAPIS_NORM_DEFAULT` is the
/// 2-norm of all elements for any number of axes; other orders need 1-D
/// (vector norm) or 2-D (matrix norm) input. Any dtype and layout.
///
/// Empty input: sums and maxima of nothing are 0 (NumPy 2.4: the 2-,
/// Frobenius, nuclear, 1-, +∞- and p > 0 norms); finite p < 0 of an empty
/// vector is infinity.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (unknown
/// code, NaN p, an order not defined for the number of axes);
/// `LAPIS_ERR_INVALID_VALUE` (a minimum over nothing, where NumPy raises:
/// -∞ of an empty vector, -2 of an empty matrix, -∞/-1 of a matrix without
/// rows/columns); `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `x` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_norm(
    x: *const lapis_array,
    ord: lapis_norm_ord,
    p: f64,
    out: *mut f64,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_norm";
        let x = array_ref(R, "x", x)?;
        let ord = norm_ord_arg(R, ord, p)?;
        // The Rust routine calls the array `a`.
        let norm = || la::norm(&x, ord).map_err(|e| renamed(e, &[("a", "x")]).into());
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_value(R, out, norm) }
    })
}

/// Norms along axes (numpy.linalg.norm(x, ord, axis, keepdims)): `naxes`
/// = 1 gives vector norms along `axes[0]`, `naxes` = 2 matrix norms over
/// the two axes (rows `axes[0]`, columns `axes[1]`); negative axes count
/// from the end. `*out`: the remaining axes (kept with length 1 if
/// `keepdims`), real dtype of `x`'s precision; new, freed by the caller.
/// `ord`/`p` as `lapis_linalg_norm`.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (codes,
/// naxes not 1 or 2, repeated axis, order not defined); `LAPIS_ERR_INDEX`
/// (an axis outside `-ndim..ndim`, as every lapis axis argument);
/// `LAPIS_ERR_INVALID_VALUE` (a minimum over nothing, as
/// `lapis_linalg_norm`); `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `x` is NULL or a live handle; `axes` is NULL or readable for `naxes`
/// values; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_norm_axis(
    x: *const lapis_array,
    ord: lapis_norm_ord,
    p: f64,
    axes: *const i64,
    naxes: i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_norm_axis";
        let x = array_ref(R, "x", x)?;
        let ord = norm_ord_arg(R, ord, p)?;
        let n = usize::try_from(naxes)
            .ok()
            .filter(|n| (1..=2).contains(n))
            .ok_or_else(|| Failure::invalid(R, "naxes", format!("{naxes} (must be 1 or 2)")))?;
        // SAFETY: a non-null `axes` holds `naxes` values (# Safety).
        let axes = unsafe { isize_list(R, "axes", axes, n) }?;
        let norms =
            || la::norm_axis(&x, ord, &axes, keepdims).map_err(|e| renamed(e, &[("a", "x")]));
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, norms) }
    })
}

/// Condition number of each `(…, M, N)` matrix (numpy.linalg.cond) in the
/// norm `ord`/`p` (codes as `lapis_linalg_norm`; `LAPIS_NORM_DEFAULT` is
/// `s_max / s_min`, any shape; orders other than default and ±2 need square
/// matrices): `*out` `(…)` (0-d for one matrix), real dtype of `a`'s
/// precision; new, freed by the caller. A singular matrix gives a huge or
/// infinite value, not an error.
///
/// An empty matrix (M or N zero) is `LAPIS_ERR_INVALID_VALUE` for every
/// order: NumPy 2.4 raises LinAlgError("cond is not defined on empty
/// arrays") for every `ord` and every empty shape, square or not, before
/// any other check. An empty stack of non-empty matrices gives an empty
/// result.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (codes);
/// `LAPIS_ERR_INVALID_VALUE` (empty matrices); `LAPIS_ERR_SHAPE_MISMATCH`;
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_cond(
    a: *const lapis_array,
    ord: lapis_norm_ord,
    p: f64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_cond";
        let a = array_ref(R, "a", a)?;
        let ord = norm_ord_arg(R, ord, p)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::cond(&a, ord)) }
    })
}

/// Numerical rank of one `(M, N)` matrix (numpy.linalg.matrix_rank) in
/// `*out`: the number of singular values above `tol`; `tol < 0` selects
/// NumPy's default `s_max · max(M, N) · eps`.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (not
/// exactly 2 axes); `LAPIS_ERR_INVALID_ARGUMENT` (NaN tol);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_matrix_rank(
    a: *const lapis_array,
    tol: f64,
    out: *mut i64,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_matrix_rank";
        let a = array_ref(R, "a", a)?;
        let tol = tol_arg(R, "tol", tol)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe {
            put_value(R, out, || {
                Ok(i64::try_from(la::matrix_rank(&a, tol)?).unwrap_or(i64::MAX))
            })
        }
    })
}
