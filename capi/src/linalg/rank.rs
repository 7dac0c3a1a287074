//! Rank-revealing calls with an explicit tolerance choice: lstsq with
//! NumPy's full `rcond` (including `rcond=-1`), and matrix_rank over
//! stacks. The shared rules are in [`super`].

use super::*;
use crate::call;
use crate::out_slice;

/// How `lapis_linalg_lstsq_rcond` reads its `rcond` argument.
#[allow(non_camel_case_types)]
pub type lapis_rcond = i32;
/// NumPy's `rcond=None`: `eps · max(M, N)` (`rcond` is ignored). The same
/// as a negative `rcond` in `lapis_linalg_lstsq`.
pub const LAPIS_RCOND_DEFAULT: lapis_rcond = 0;
/// NumPy's `rcond=<value>`: the value is used as given; a negative value
/// means machine precision (NumPy's old default `rcond=-1`, LAPACK
/// `?gelsd`'s convention); NaN is `LAPIS_ERR_INVALID_ARGUMENT`.
pub const LAPIS_RCOND_VALUE: lapis_rcond = 1;

/// `lapis_linalg_lstsq` with NumPy's `rcond` in full: `rcond_kind` a
/// `lapis_rcond` code, `LAPIS_RCOND_DEFAULT` (NumPy's `None`,
/// `eps · max(M, N)`) or `LAPIS_RCOND_VALUE` (`rcond` as given; negative is
/// machine precision, NumPy's `rcond=-1`). `lapis_linalg_lstsq`, whose every
/// negative `rcond` selects the default, cannot ask for machine precision.
/// One matrix, as numpy.linalg.lstsq (which does not take stacks): `a`
/// `(M, N)`, `b` `(M,)` or `(M, K)`. Results, out-pointers and errors as
/// `lapis_linalg_lstsq`, plus `LAPIS_ERR_INVALID_ARGUMENT` for an unknown
/// `rcond_kind`.
///
/// # Safety
/// Handles are NULL or live lapis handles; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_linalg_lstsq_rcond(
    a: *const lapis_array,
    b: *const lapis_array,
    rcond_kind: lapis_rcond,
    rcond: f64,
    x: *mut *mut lapis_array,
    residuals: *mut *mut lapis_array,
    rank: *mut i64,
    s: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_lstsq_rcond";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let rcond = match rcond_kind {
            LAPIS_RCOND_DEFAULT => None,
            LAPIS_RCOND_VALUE if rcond.is_nan() => {
                return Err(Failure::invalid(R, "rcond", "is NaN"));
            }
            LAPIS_RCOND_VALUE => Some(rcond),
            _ => {
                return Err(Failure::invalid(
                    R,
                    "rcond_kind",
                    format!(
                        "unknown code {rcond_kind} (expected LAPIS_RCOND_DEFAULT = 0 or LAPIS_RCOND_VALUE = 1)"
                    ),
                ));
            }
        };
        let r = la::lstsq(&a, &b, rcond)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        // The handles first: if one cannot be made, nothing is written.
        unsafe {
            put_arrays([
                (x, Some(r.x)),
                (residuals, Some(r.residuals)),
                (s, Some(r.s)),
            ])
        }?;
        if !rank.is_null() {
            // SAFETY: a non-null `rank` is writable (# Safety).
            unsafe { put(rank, i64::try_from(r.rank).unwrap_or(i64::MAX)) };
        }
        Ok(())
    })
}

/// Numerical rank of each `(…, M, N)` matrix (numpy.linalg.matrix_rank on
/// a stack): the number of singular values above `tol` (`tol < 0`: NumPy's
/// default `s_max · max(M, N) · eps`, per matrix), written to the caller's
/// `out`, which must hold exactly one value per matrix (`out_len` = the
/// product of the leading axes, 1 for a single matrix), in C order of the
/// leading axes. `out` is written only on success.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a, out); `LAPIS_ERR_SHAPE_MISMATCH`
/// (fewer than 2 axes, `out_len` not the number of matrices);
/// `LAPIS_ERR_INVALID_ARGUMENT` (NaN tol); `LAPIS_ERR_NON_FINITE`;
/// `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; a non-null `out` is valid for `out_len`
/// writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_matrix_rank_stacked(
    a: *const lapis_array,
    tol: f64,
    out: *mut i64,
    out_len: i64,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_matrix_rank_stacked";
        let a = array_ref(R, "a", a)?;
        let tol = tol_arg(R, "tol", tol)?;
        let nd = a.ndim();
        let count: usize = a.shape()[..nd.saturating_sub(2)].iter().product();
        // SAFETY: a non-null `out` holds `out_len` writable elements (# Safety).
        let dst = unsafe { out_slice(R, "out", out, "out_len", out_len, count) }?;
        let (ranks, _) = la::matrix_rank_stacked(&a, tol)?;
        for (d, r) in dst.iter_mut().zip(ranks) {
            *d = i64::try_from(r).unwrap_or(i64::MAX);
        }
        Ok(())
    })
}
