//! Solving and factoring: solve, lstsq, inv, pinv, det, slogdet, lu, cholesky, qr.
//! The shared rules are in [`super`].

use super::*;
use crate::call;

/// Solves `A x = b` (numpy.linalg.solve) by LU with partial pivoting.
///
/// `a`: `(…, N, N)`; `b`: `(N,)` (the same right-hand side for every
/// matrix) or `(…, N, K)`, whose leading axes broadcast with `a`'s. `*out`
/// gets `x` with the broadcast shape of `b` and the common dtype. Any
/// layout; inputs are copied to Fortran order internally and not modified.
/// The caller frees `*out`.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_BAD_DTYPE` (a and b
/// differ); `LAPIS_ERR_SHAPE_MISMATCH` (fewer than 2 axes, non-square,
/// sizes or leading axes that do not fit); `LAPIS_ERR_SINGULAR` (exactly
/// singular: the message names the zero pivot); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// Handles are NULL or live lapis handles; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_solve(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_solve";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::solve(&a, &b)) }
    })
}

/// Least-squares solution of `A x ≈ b` with the minimum norm
/// (numpy.linalg.lstsq, LAPACK `?gelsd`), for one matrix.
///
/// `a`: `(M, N)`; `b`: `(M,)` or `(M, K)`, the same dtype. Singular values
/// `≤ rcond · s_max` count as zero; `rcond < 0` selects NumPy's default
/// `eps · max(M, N)`. Results (each out-pointer may be NULL to skip it):
/// `*x` `(N,)` or `(N, K)`; `*residuals` the real squared residual norms
/// per column, `(K,)` (`(1,)` for 1-D b) when rank == N and M > N, else
/// `(0,)`; `*rank` the effective rank; `*s` the `min(M, N)` singular values
/// (real, descending). New arrays, freed by the caller; all outputs are
/// written only on success.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a or b); `LAPIS_ERR_BAD_DTYPE`;
/// `LAPIS_ERR_SHAPE_MISMATCH` (a not 2-D, rows of b ≠ M);
/// `LAPIS_ERR_INVALID_ARGUMENT` (b not 1-D/2-D, NaN rcond);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// Handles are NULL or live lapis handles; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_lstsq(
    a: *const lapis_array,
    b: *const lapis_array,
    rcond: f64,
    x: *mut *mut lapis_array,
    residuals: *mut *mut lapis_array,
    rank: *mut i64,
    s: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_lstsq";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let rcond = tol_arg(R, "rcond", rcond)?;
        let r = la::lstsq(&a, &b, rcond).map_err(|e| c_failure(R, e))?;
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

/// Inverse of each `(…, N, N)` matrix (numpy.linalg.inv): `*out` has `a`'s
/// shape and dtype (new array, freed by the caller).
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (fewer
/// than 2 axes, non-square); `LAPIS_ERR_SINGULAR`; `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_inv(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_inv";
        let a = array_ref(R, "a", a)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::inv(&a)) }
    })
}

/// Moore–Penrose pseudo-inverse of each `(…, M, N)` matrix
/// (numpy.linalg.pinv), by the SVD: `*out` is `(…, N, M)`, `a`'s dtype.
/// Singular values `≤ rtol · s_max` are dropped; `rtol < 0` selects the
/// default `eps · max(M, N)`.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (fewer
/// than 2 axes); `LAPIS_ERR_INVALID_ARGUMENT` (NaN rtol);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_pinv(
    a: *const lapis_array,
    rtol: f64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_pinv";
        let a = array_ref(R, "a", a)?;
        let rtol = tol_arg(R, "rtol", rtol)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::pinv(&a, rtol)) }
    })
}

/// Determinant of each `(…, N, N)` matrix (numpy.linalg.det), by LU:
/// `*out` is a new array of shape `(…)` (0-d for a single matrix) and `a`'s
/// dtype. A singular matrix gives 0 (not an error).
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (fewer
/// than 2 axes, non-square); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_det(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_det";
        let a = array_ref(R, "a", a)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::det(&a)) }
    })
}

/// Determinant of one `(N, N)` matrix as a complex double in `*out`
/// (imaginary part 0 for real dtypes; float32/complex64 results widened).
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (not
/// exactly 2 axes, non-square); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_det_scalar(
    a: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_det_scalar";
        let a = array_ref(R, "a", a)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_value(R, out, || Ok(la::det_scalar(&a)?.into())) }
    })
}

/// Sign and natural log of |det| of each `(…, N, N)` matrix
/// (numpy.linalg.slogdet), so `det = sign · exp(logabsdet)` without
/// overflow. `*sign`: shape `(…)`, `a`'s dtype (±1, a unit-modulus complex,
/// or 0 if singular); `*logabsdet`: shape `(…)`, real dtype of `a`'s
/// precision (`-inf` if singular). Either out-pointer may be NULL to skip
/// it; new arrays, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_SHAPE_MISMATCH`;
/// `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_slogdet(
    a: *const lapis_array,
    sign: *mut *mut lapis_array,
    logabsdet: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_slogdet";
        let a = array_ref(R, "a", a)?;
        let (s, l) = la::slogdet(&a).map_err(|e| c_failure(R, e))?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_arrays([(sign, Some(s)), (logabsdet, Some(l))]) }
    })
}

/// LU factorization with partial pivoting `A = P L U` of each `(…, M, N)`
/// matrix (scipy.linalg.lu): `*p` `(…, M, M)` permutation matrix, `*l`
/// `(…, M, K)` unit lower trapezoidal, `*u` `(…, K, N)` upper trapezoidal,
/// `K = min(M, N)`, all of `a`'s dtype. Singular matrices factor without
/// error. Any out-pointer may be NULL to skip it; new arrays, freed by the
/// caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_SHAPE_MISMATCH`
/// (fewer than 2 axes); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_lu(
    a: *const lapis_array,
    p: *mut *mut lapis_array,
    l: *mut *mut lapis_array,
    u: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_lu";
        let a = array_ref(R, "a", a)?;
        let (pp, ll, uu) = la::lu(&a).map_err(|e| c_failure(R, e))?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_arrays([(p, Some(pp)), (l, Some(ll)), (u, Some(uu))]) }
    })
}

/// Cholesky factor of each Hermitian positive definite `(…, N, N)` matrix:
/// `uplo = LAPIS_LOWER` gives `L` with `A = L Lᴴ` (numpy.linalg.cholesky),
/// `LAPIS_UPPER` gives `U` with `A = Uᴴ U`. Only that triangle of `a` is
/// read and checked for NaN/inf (the other may hold anything, NaN
/// included); the other triangle of the result is zero. `*out`: `a`'s shape and
/// dtype, new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (uplo
/// code); `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NOT_POSITIVE_DEFINITE`
/// (the message gives the order of the failing leading minor);
/// `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_cholesky(
    a: *const lapis_array,
    uplo: lapis_uplo,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_cholesky";
        let a = array_ref(R, "a", a)?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::cholesky(&a, uplo)) }
    })
}

/// QR factorization `A = Q R` of each `(…, M, N)` matrix
/// (numpy.linalg.qr), `mode` a `LAPIS_QR_*` code: REDUCED gives `Q (…, M,
/// K)`, `R (…, K, N)`; COMPLETE gives `Q (…, M, M)`, `R (…, M, N)`; R
/// gives only `R (…, K, N)` and writes NULL to a non-NULL `q`. `K = min(M,
/// N)`; `a`'s dtype. Either out-pointer may be NULL to skip it; new arrays,
/// freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_INVALID_ARGUMENT`
/// (mode code); `LAPIS_ERR_SHAPE_MISMATCH` (fewer than 2 axes);
/// `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_qr(
    a: *const lapis_array,
    mode: lapis_qr_mode,
    q: *mut *mut lapis_array,
    r: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const RT: &str = "lapis_linalg_qr";
        let a = array_ref(RT, "a", a)?;
        let mode = qr_mode_arg(RT, mode)?;
        let (qq, rr) = la::qr(&a, mode).map_err(|e| c_failure(RT, e))?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_arrays([(q, qq), (r, Some(rr))]) }
    })
}
