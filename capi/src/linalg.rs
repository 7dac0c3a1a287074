//! `numpy.linalg` through the C ABI: `lapis_linalg_*`.
//!
//! Shared rules of every function here (the header repeats them per
//! function):
//! - Inputs are `const lapis_array *` of any dtype and layout (C order,
//!   Fortran order, transposed, strided, negative strides); they are never
//!   modified. LAPACK works on Fortran-order copies made inside.
//! - Matrix arguments may be stacks `(…, M, N)`: every matrix of the stack
//!   is processed (as numpy.linalg), unless a function says "one matrix".
//! - Operands of one call must have the same dtype (no promotion):
//!   `LAPIS_ERR_BAD_DTYPE` otherwise.
//! - Results are new arrays (matrices in Fortran order) returned through
//!   `lapis_array **` out-parameters; the caller owns them and frees each
//!   with `lapis_array_free`.
//! - Single-result functions require a non-NULL `out`. In multi-result
//!   functions (lstsq, slogdet, lu, qr, svd, eig, eigh, eigh_generalized)
//!   any out-pointer may be NULL to skip that result.
//! - Every out-parameter is written only on success; on any error nothing
//!   the caller owns is modified.
//! - LAPACK failures: `LAPIS_ERR_SINGULAR` (exactly singular matrix; the
//!   message names the zero pivot), `LAPIS_ERR_NOT_POSITIVE_DEFINITE` (the
//!   message gives the order of the failing leading minor),
//!   `LAPIS_ERR_NO_CONVERGENCE`; NaN or infinity in an input is
//!   `LAPIS_ERR_NON_FINITE`; fewer than 2 axes or non-square matrices where
//!   square ones are needed are `LAPIS_ERR_SHAPE_MISMATCH`.

use super::{
    Failure, FfiResult, array_ref, call, check_out, diag_arg, isize_list, lapis_array,
    lapis_complex128, lapis_diag, lapis_status, lapis_trans, lapis_uplo, put, put_array, trans_arg,
    uplo_arg,
};
use lapis::array::NdArray;
use lapis::array::linalg::{self as la, NormOrd, QrMode};
use lapis::blas::Diag;

/// QR mode codes for `lapis_linalg_qr` (numpy.linalg.qr's `mode`).
#[allow(non_camel_case_types)]
pub type lapis_qr_mode = i32;
/// `Q (…, M, K)` with orthonormal columns and `R (…, K, N)`, `K = min(M, N)`
/// (NumPy's default 'reduced').
pub const LAPIS_QR_REDUCED: lapis_qr_mode = 0;
/// `Q (…, M, M)` unitary and `R (…, M, N)` ('complete').
pub const LAPIS_QR_COMPLETE: lapis_qr_mode = 1;
/// `R (…, K, N)` only; `Q` is not formed ('r').
pub const LAPIS_QR_R: lapis_qr_mode = 2;

/// Norm order codes for `lapis_linalg_norm`, `lapis_linalg_norm_axis` and
/// `lapis_linalg_cond` (numpy.linalg.norm's `ord`). A numeric order is
/// `LAPIS_NORM_P` with the value in the `p` argument (`p` is ignored for
/// the other codes).
///
/// | code                  | vector            | matrix                 |
/// |-----------------------|-------------------|------------------------|
/// | `LAPIS_NORM_DEFAULT`  | 2-norm            | Frobenius              |
/// | `LAPIS_NORM_FRO`      | —                 | Frobenius              |
/// | `LAPIS_NORM_NUC`      | —                 | sum of singular values |
/// | `LAPIS_NORM_INF`      | max \|x\|         | max row sum            |
/// | `LAPIS_NORM_NEG_INF`  | min \|x\|         | min row sum            |
/// | `LAPIS_NORM_P`, p=0   | non-zero count    | —                      |
/// | `LAPIS_NORM_P`, p=1   | sum \|x\|         | max column sum         |
/// | `LAPIS_NORM_P`, p=-1  | harmonic          | min column sum         |
/// | `LAPIS_NORM_P`, p=2   | 2-norm            | largest singular value |
/// | `LAPIS_NORM_P`, p=-2  | (Σ\|x\|⁻²)^(-1/2) | smallest singular value|
/// | `LAPIS_NORM_P`, other | (Σ\|x\|ᵖ)^(1/p)   | —                      |
///
/// "—" entries, a NaN `p` and unknown codes are `LAPIS_ERR_INVALID_ARGUMENT`.
#[allow(non_camel_case_types)]
pub type lapis_norm_ord = i32;
/// NumPy's `ord=None`: vector 2-norm / Frobenius.
pub const LAPIS_NORM_DEFAULT: lapis_norm_ord = 0;
/// `ord='fro'` (matrices).
pub const LAPIS_NORM_FRO: lapis_norm_ord = 1;
/// `ord='nuc'` (matrices).
pub const LAPIS_NORM_NUC: lapis_norm_ord = 2;
/// `ord=inf`.
pub const LAPIS_NORM_INF: lapis_norm_ord = 3;
/// `ord=-inf`.
pub const LAPIS_NORM_NEG_INF: lapis_norm_ord = 4;
/// A numeric `ord` given by the `p` argument.
pub const LAPIS_NORM_P: lapis_norm_ord = 5;

fn qr_mode_arg(routine: &str, code: lapis_qr_mode) -> FfiResult<QrMode> {
    match code {
        LAPIS_QR_REDUCED => Ok(QrMode::Reduced),
        LAPIS_QR_COMPLETE => Ok(QrMode::Complete),
        LAPIS_QR_R => Ok(QrMode::R),
        _ => Err(Failure::invalid(
            routine,
            "mode",
            format!(
                "unknown QR mode code {code} (expected LAPIS_QR_REDUCED = 0, LAPIS_QR_COMPLETE = 1 or LAPIS_QR_R = 2)"
            ),
        )),
    }
}

fn norm_ord_arg(routine: &str, code: lapis_norm_ord, p: f64) -> FfiResult<Option<NormOrd>> {
    match code {
        LAPIS_NORM_DEFAULT => Ok(None),
        LAPIS_NORM_FRO => Ok(Some(NormOrd::Fro)),
        LAPIS_NORM_NUC => Ok(Some(NormOrd::Nuc)),
        LAPIS_NORM_INF => Ok(Some(NormOrd::Inf)),
        LAPIS_NORM_NEG_INF => Ok(Some(NormOrd::NegInf)),
        LAPIS_NORM_P if p.is_nan() => {
            Err(Failure::invalid(routine, "p", "NaN is not a norm order"))
        }
        LAPIS_NORM_P => Ok(Some(NormOrd::P(p))),
        _ => Err(Failure::invalid(
            routine,
            "ord",
            format!(
                "unknown norm order code {code} (expected LAPIS_NORM_DEFAULT, _FRO, _NUC, _INF, _NEG_INF or _P = 0..5)"
            ),
        )),
    }
}

/// A tolerance where a negative value selects the default.
fn tol_arg(routine: &str, name: &str, v: f64) -> FfiResult<Option<f64>> {
    if v.is_nan() {
        return Err(Failure::invalid(routine, name, "is NaN"));
    }
    Ok((v >= 0.0).then_some(v))
}

/// Stores `a` in `*out` when `out` is non-null (an optional result; NULL
/// is written for a result not computed).
///
/// # Safety
/// A non-null `out` is valid for a pointer write.
unsafe fn put_opt(out: *mut *mut lapis_array, a: Option<NdArray>) {
    if out.is_null() {
        return;
    }
    match a {
        // SAFETY: `out` is non-null (checked above) and writable (this
        // function's contract).
        Some(a) => unsafe { put_array(out, a) },
        // SAFETY: as above.
        None => unsafe { out.write(std::ptr::null_mut()) },
    }
}

/// The tail of the eigen-decompositions: only the eigenvalues (`values`)
/// when `v` is NULL, so the eigenvectors are not computed, else both
/// (`pairs`); each stored in its out-pointer unless that is NULL.
///
/// # Safety
/// `w` and `v` are NULL or valid for a pointer write.
unsafe fn put_eigen(
    w: *mut *mut lapis_array,
    v: *mut *mut lapis_array,
    values: impl FnOnce() -> lapis::error::Result<NdArray>,
    pairs: impl FnOnce() -> lapis::error::Result<(NdArray, NdArray)>,
) -> FfiResult {
    let (ww, vv) = if v.is_null() {
        (values()?, None)
    } else {
        let (ww, vv) = pairs()?;
        (ww, Some(vv))
    };
    // SAFETY: `w` and `v` are NULL (skipped) or writable (this function's
    // contract).
    unsafe {
        put_opt(w, Some(ww));
        put_opt(v, vv);
    }
    Ok(())
}

/// The single-result tail: checks `out` (before anything is computed),
/// computes the result and stores its new handle in `*out`.
///
/// # Safety
/// `out` is NULL or valid for a pointer write.
unsafe fn put_new(
    routine: &str,
    out: *mut *mut lapis_array,
    compute: impl FnOnce() -> lapis::error::Result<NdArray>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let r = compute()?;
    // SAFETY: `out` is non-null (checked above) and writable (this
    // function's contract).
    unsafe { put_array(out, r) };
    Ok(())
}

/// [`put_new`] for a plain value (a scalar result).
///
/// # Safety
/// `out` is NULL or valid for a write of `T`.
unsafe fn put_value<T>(
    routine: &str,
    out: *mut T,
    compute: impl FnOnce() -> FfiResult<T>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let v = compute()?;
    // SAFETY: `out` is non-null (checked above) and writable (this
    // function's contract).
    unsafe { put(out, v) };
    Ok(())
}

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
        // SAFETY: `a`, `b` are NULL or live handles (# Safety); NULL is reported.
        let (a, b) = unsafe { (array_ref(R, "a", a)?, array_ref(R, "b", b)?) };
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::solve(a, b)) }
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
        // SAFETY: `a`, `b` are NULL or live handles (# Safety); NULL is reported.
        let (a, b) = unsafe { (array_ref(R, "a", a)?, array_ref(R, "b", b)?) };
        let rcond = tol_arg(R, "rcond", rcond)?;
        let r = la::lstsq(a, b, rcond)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_opt(x, Some(r.x));
            put_opt(residuals, Some(r.residuals));
            if !rank.is_null() {
                put(rank, i64::try_from(r.rank).unwrap_or(i64::MAX));
            }
            put_opt(s, Some(r.s));
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::inv(a)) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let rtol = tol_arg(R, "rtol", rtol)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::pinv(a, rtol)) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::det(a)) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_value(R, out, || Ok(la::det_scalar(a)?.into())) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let (s, l) = la::slogdet(a)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_opt(sign, Some(s));
            put_opt(logabsdet, Some(l));
        }
        Ok(())
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let (pp, ll, uu) = la::lu(a)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_opt(p, Some(pp));
            put_opt(l, Some(ll));
            put_opt(u, Some(uu));
        }
        Ok(())
    })
}

/// Cholesky factor of each Hermitian positive definite `(…, N, N)` matrix:
/// `uplo = LAPIS_LOWER` gives `L` with `A = L Lᴴ` (numpy.linalg.cholesky),
/// `LAPIS_UPPER` gives `U` with `A = Uᴴ U`. Only that triangle of `a` is
/// read; the other triangle of the result is zero. `*out`: `a`'s shape and
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::cholesky(a, uplo)) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(RT, "a", a) }?;
        let mode = qr_mode_arg(RT, mode)?;
        let (qq, rr) = la::qr(a, mode)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_opt(q, qq);
            put_opt(r, Some(rr));
        }
        Ok(())
    })
}

/// Singular value decomposition `A = U diag(s) Vh` of each `(…, M, N)`
/// matrix (numpy.linalg.svd). `*s`: `(…, K)`, `K = min(M, N)`, real dtype
/// of `a`'s precision, descending. With `compute_uv`: `*u` `(…, M, M)` and
/// `*vh` `(…, N, N)` if `full_matrices`, else `(…, M, K)` and `(…, K, N)`,
/// `a`'s dtype; without it only `s` is computed and NULL is written to
/// non-NULL `u`/`vh`. Any out-pointer may be NULL to skip it; new arrays,
/// freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_SHAPE_MISMATCH`
/// (fewer than 2 axes); `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_svd(
    a: *const lapis_array,
    full_matrices: bool,
    compute_uv: bool,
    u: *mut *mut lapis_array,
    s: *mut *mut lapis_array,
    vh: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_svd";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let (uu, ss, vv) = if compute_uv {
            let (uu, ss, vv) = la::svd(a, full_matrices)?;
            (Some(uu), ss, Some(vv))
        } else {
            (None, la::svdvals(a)?, None)
        };
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_opt(u, uu);
            put_opt(s, Some(ss));
            put_opt(vh, vv);
        }
        Ok(())
    })
}

/// Singular values of each `(…, M, N)` matrix (numpy.linalg.svdvals):
/// `*out` `(…, min(M, N))`, real dtype of `a`'s precision, descending; new,
/// freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` (fewer
/// than 2 axes); `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_svdvals(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_svdvals";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::svdvals(a)) }
    })
}

/// Eigenvalues and right eigenvectors of each general `(…, N, N)` matrix
/// (numpy.linalg.eig, LAPACK `?geev`): `*w` `(…, N)` and `*v` `(…, N, N)`
/// (eigenvectors as columns, unit 2-norm, `A v = v diag(w)`), both complex
/// of `a`'s precision (complex64 for float32, complex128 for float64).
/// Either out-pointer may be NULL to skip it (NULL `v`: eigenvectors are
/// not computed); new arrays, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_SHAPE_MISMATCH`;
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_eig(
    a: *const lapis_array,
    w: *mut *mut lapis_array,
    v: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eig";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_eigen(w, v, || la::eigvals(a), || la::eig(a)) }
    })
}

/// Eigenvalues of each general `(…, N, N)` matrix (numpy.linalg.eigvals):
/// `*out` `(…, N)`, complex of `a`'s precision; new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH`;
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_eigvals(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eigvals";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::eigvals(a)) }
    })
}

/// Eigen-decomposition of each symmetric/Hermitian `(…, N, N)` matrix
/// (numpy.linalg.eigh, LAPACK `?syevd`/`?heevd`), reading only its `uplo`
/// triangle: `*w` `(…, N)` eigenvalues ascending, real dtype of `a`'s
/// precision; `*v` `(…, N, N)` orthonormal eigenvectors (columns), `a`'s
/// dtype. Either out-pointer may be NULL to skip it (NULL `v`:
/// eigenvectors are not computed); new arrays, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_INVALID_ARGUMENT`
/// (uplo code); `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NON_FINITE`;
/// `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_eigh(
    a: *const lapis_array,
    uplo: lapis_uplo,
    w: *mut *mut lapis_array,
    v: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eigh";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_eigen(w, v, || la::eigvalsh(a, uplo), || la::eigh(a, uplo)) }
    })
}

/// Eigenvalues of each symmetric/Hermitian `(…, N, N)` matrix
/// (numpy.linalg.eigvalsh), reading its `uplo` triangle: `*out` `(…, N)`
/// ascending, real dtype of `a`'s precision; new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (uplo
/// code); `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NON_FINITE`;
/// `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_eigvalsh(
    a: *const lapis_array,
    uplo: lapis_uplo,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eigvalsh";
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::eigvalsh(a, uplo)) }
    })
}

/// The generalized symmetric-definite eigenproblem `H x = e S x` for each
/// pair of `(…, N, N)` matrices (scipy.linalg.eigh(h, s), LAPACK
/// `?sygvd`/`?hegvd`): `H` symmetric/Hermitian, `S` symmetric/Hermitian
/// positive definite (an overlap matrix), both read only in their `uplo`
/// triangle, the same dtype; leading axes broadcast. `*w` `(…, N)`:
/// eigenvalues ascending, real dtype of the input's precision; `*x`
/// `(…, N, N)`: eigenvectors (columns), input dtype, S-orthonormal
/// (`Xᴴ S X = I`). Either out-pointer may be NULL to skip it (NULL `x`:
/// eigenvectors are not computed); new arrays, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (h, s); `LAPIS_ERR_BAD_DTYPE` (h and s
/// differ); `LAPIS_ERR_INVALID_ARGUMENT` (uplo code);
/// `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NOT_POSITIVE_DEFINITE` (S is
/// not; the message gives the failing leading minor);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// Handles are NULL or live lapis handles; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_eigh_generalized(
    h: *const lapis_array,
    s: *const lapis_array,
    uplo: lapis_uplo,
    w: *mut *mut lapis_array,
    x: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eigh_generalized";
        // SAFETY: `h`, `s` are NULL or live handles (# Safety); NULL is reported.
        let (h, s) = unsafe { (array_ref(R, "h", h)?, array_ref(R, "s", s)?) };
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_eigen(
                w,
                x,
                || la::eigvalsh_generalized(h, s, uplo),
                || la::eigh_generalized(h, s, uplo),
            )
        }
    })
}

/// The norm of a whole array (numpy.linalg.norm without `axis`) in
/// `*out`: `ord` a `LAPIS_NORM_*` code with the numeric order in `p` for
/// `LAPIS_NORM_P` (see `lapis_norm_ord`). `LAPIS_NORM_DEFAULT` is the
/// 2-norm of all elements for any number of axes; other orders need 1-D
/// (vector norm) or 2-D (matrix norm) input. Any dtype and layout.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (unknown
/// code, NaN p, an order not defined for the number of axes);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
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
        // SAFETY: `x` is NULL or a live handle (# Safety); NULL is reported.
        let x = unsafe { array_ref(R, "x", x) }?;
        let ord = norm_ord_arg(R, ord, p)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_value(R, out, || Ok(la::norm(x, ord)?)) }
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
/// naxes not 1 or 2, axis out of range, repeated axis, order not defined);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NO_CONVERGENCE`.
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
        // SAFETY: `x` is NULL or a live handle (# Safety); NULL is reported.
        let x = unsafe { array_ref(R, "x", x) }?;
        let ord = norm_ord_arg(R, ord, p)?;
        let n = usize::try_from(naxes)
            .ok()
            .filter(|n| (1..=2).contains(n))
            .ok_or_else(|| Failure::invalid(R, "naxes", format!("{naxes} (must be 1 or 2)")))?;
        // SAFETY: a non-null `axes` holds `naxes` values (# Safety).
        let axes = unsafe { isize_list(R, "axes", axes, n) }?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::norm_axis(x, ord, &axes, keepdims)) }
    })
}

/// Condition number of each `(…, M, N)` matrix (numpy.linalg.cond) in the
/// norm `ord`/`p` (codes as `lapis_linalg_norm`; `LAPIS_NORM_DEFAULT` is
/// `s_max / s_min`, any shape; orders other than default and ±2 need square
/// matrices): `*out` `(…)` (0-d for one matrix), real dtype of `a`'s
/// precision; new, freed by the caller. A singular matrix gives a huge or
/// infinite value, not an error.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (codes);
/// `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NON_FINITE`;
/// `LAPIS_ERR_NO_CONVERGENCE`.
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let ord = norm_ord_arg(R, ord, p)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::cond(a, ord)) }
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
        // SAFETY: `a` is NULL or a live handle (# Safety); NULL is reported.
        let a = unsafe { array_ref(R, "a", a) }?;
        let tol = tol_arg(R, "tol", tol)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe {
            put_value(R, out, || {
                Ok(i64::try_from(la::matrix_rank(a, tol)?).unwrap_or(i64::MAX))
            })
        }
    })
}

/// Solves `op(A) x = b` for triangular `A` (scipy.linalg.solve_triangular,
/// LAPACK `?trtrs`): `a` `(…, N, N)` of which only the `uplo` triangle is
/// read (`diag = LAPIS_UNIT` takes the diagonal as ones); `trans` a
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
        // SAFETY: `a`, `b` are NULL or live handles (# Safety); NULL is reported.
        let (a, b) = unsafe { (array_ref(R, "a", a)?, array_ref(R, "b", b)?) };
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        let unit = diag_arg(R, diag)? == Diag::Unit;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::solve_triangular(a, b, uplo, trans, unit)) }
    })
}
