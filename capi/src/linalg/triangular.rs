//! Triangular solves: solve_triangular.
//! The shared rules are in [`super`].

use super::*;
use crate::call;

/// Solves `op(A) x = b` for triangular `A` (scipy.linalg.solve_triangular,
/// LAPACK `?trtrs`): `a` `(…, N, N)` of which only the `uplo` triangle is
/// read and checked for NaN/inf (`diag = LAPIS_UNIT` takes the diagonal
/// as ones and neither reads nor checks it); `trans` a
/// `lapis_trans` code for op; `b` `(N,)` or `(…, N, K)` (leading axes
/// broadcast with `a`'s), the same dtype. `*out` has the broadcast shape of
/// `b`; new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_BAD_DTYPE`;
/// `LAPIS_ERR_INVALID_ARGUMENT` (uplo, trans, diag codes);
/// `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_SINGULAR` (a zero on the
/// diagonal); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// Handles are NULL or live lapis handles; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_solve_triangular(
    a: *const lapis_array,
    b: *const lapis_array,
    uplo: lapis_uplo,
    trans: lapis_trans,
    diag: lapis_diag,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_solve_triangular";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        let unit = diag_arg(R, diag)? == Diag::Unit;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::solve_triangular(&a, &b, uplo, trans, unit)) }
    })
}
