//! Spectral decompositions: svd, svdvals, eig, eigvals, eigh, eigvalsh, eigh_generalized.
//! The shared rules are in [`super`].

use super::*;
use crate::call;

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
        let a = array_ref(R, "a", a)?;
        let rust = |e| c_failure(R, e);
        let (uu, ss, vv) = if compute_uv {
            let (uu, ss, vv) = la::svd(&a, full_matrices).map_err(rust)?;
            (Some(uu), ss, Some(vv))
        } else {
            (None, la::svdvals(&a).map_err(rust)?, None)
        };
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_arrays([(u, uu), (s, Some(ss)), (vh, vv)]) }
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
        let a = array_ref(R, "a", a)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::svdvals(&a)) }
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
        let a = array_ref(R, "a", a)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_eigen(R, w, v, || la::eigvals(&a), || la::eig(&a)) }
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
        let a = array_ref(R, "a", a)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::eigvals(&a)) }
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
        let a = array_ref(R, "a", a)?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_eigen(R, w, v, || la::eigvalsh(&a, uplo), || la::eigh(&a, uplo)) }
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
        let a = array_ref(R, "a", a)?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::eigvalsh(&a, uplo)) }
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
        let (h, s) = (array_ref(R, "h", h)?, array_ref(R, "s", s)?);
        let uplo = uplo_arg(R, uplo)?;
        // The Rust routine calls the pair (a, b).
        const HS: &[(&str, &str)] = &[("a", "h"), ("b", "s")];
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_eigen(
                R,
                w,
                x,
                || la::eigvalsh_generalized(&h, &s, uplo).map_err(|e| renamed(e, HS)),
                || la::eigh_generalized(&h, &s, uplo).map_err(|e| renamed(e, HS)),
            )
        }
    })
}
