//! Factorizations kept for later solves, and in place: cholesky_inplace,
//! cho_factor/cho_solve, lu_factor/lu_solve, qr_raw. The shared rules are
//! in [`super`].
//!
//! A factorization travels as what the caller already holds, since
//! `lapis_array` is the one handle type: a Cholesky factor is its matrix
//! plus the `lapis_uplo` code of the triangle holding it (SciPy's
//! `(c, lower)`); LU factors are the packed matrix plus the pivots in a
//! caller `int64_t` buffer, 0-based row indices as SciPy gives them.

use super::*;
use crate::call;
use crate::{out_slice, out_view, slice_arg};

/// Factors one Hermitian positive definite `(N, N)` matrix in place
/// (scipy.linalg.cholesky(a, overwrite_a=True), LAPACK `?potrf`): on
/// success `a` holds the factor in its `uplo` triangle (`L` with
/// `A = L Lᴴ` for `LAPIS_LOWER`, `U` with `A = Uᴴ U` for `LAPIS_UPPER`)
/// and zeros in the other, exactly what `lapis_linalg_cholesky` returns.
/// Fortran- or C-order memory (and sub-matrix views of either) is factored
/// where it lies; any other layout goes through one temporary, copied back.
/// One matrix: `a` must have exactly 2 axes.
///
/// Errors (leaving `a` untouched): `LAPIS_ERR_NULL_ARGUMENT`;
/// `LAPIS_ERR_INVALID_ARGUMENT` (uplo code); `LAPIS_ERR_SHAPE_MISMATCH`
/// (not 2 axes, not square); `LAPIS_ERR_NON_FINITE` (anywhere in `a`);
/// `LAPIS_ERR_READ_ONLY`; `LAPIS_ERR_BAD_STRIDE` (a view whose elements
/// overlap); `LAPIS_ERR_BUSY` (another call is using `a`'s memory).
/// `LAPIS_ERR_NOT_POSITIVE_DEFINITE` (the message gives the failing
/// leading minor) leaves the `uplo` triangle partially overwritten, as
/// LAPACK leaves it, and the other triangle unchanged.
///
/// # Safety
/// `a` is NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_cholesky_inplace(
    a: *mut lapis_array,
    uplo: lapis_uplo,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_cholesky_inplace";
        let uplo = uplo_arg(R, uplo)?;
        let mut a = out_view(R, "a", a)?;
        la::cholesky_inplace(&mut a, uplo)?;
        Ok(())
    })
}

/// Factors one Hermitian positive definite `(N, N)` matrix for
/// `lapis_linalg_cho_solve` (scipy.linalg.cho_factor): `*c` a new `(N, N)`
/// Fortran-order array of `a`'s dtype with the factor in its `uplo`
/// triangle; its other triangle keeps `a`'s entries (SciPy calls them
/// arbitrary: use `lapis_linalg_cholesky` for a clean factor). Pass `c` and
/// the same `uplo` to `lapis_linalg_cho_solve`. The caller frees `*c`.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INVALID_ARGUMENT` (uplo
/// code); `LAPIS_ERR_SHAPE_MISMATCH` (not 2 axes, not square);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_NOT_POSITIVE_DEFINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `c` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_cho_factor(
    a: *const lapis_array,
    uplo: lapis_uplo,
    c: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_cho_factor";
        let a = array_ref(R, "a", a)?;
        let uplo = uplo_arg(R, uplo)?;
        check_out(R, "c", c)?;
        let f = la::cho_factor(&a, uplo)?;
        // SAFETY: `c` is non-null (checked) and writable (# Safety).
        unsafe { put_array(c, f) }
    })
}

/// Solves `A x = b` from a Cholesky factor (scipy.linalg.cho_solve with
/// `(c, lower)`, LAPACK `?potrs`): `c` `(N, N)` holds the factor of `A` in
/// its `uplo` triangle (from `lapis_linalg_cho_factor`,
/// `lapis_linalg_cholesky` or `lapis_linalg_cholesky_inplace`); the other
/// triangle is not used. `b` is `(N,)` or `(N, K)`, `c`'s dtype. `*out`
/// has `b`'s shape; new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_BAD_DTYPE`;
/// `LAPIS_ERR_INVALID_ARGUMENT` (uplo code); `LAPIS_ERR_SHAPE_MISMATCH`;
/// `LAPIS_ERR_NON_FINITE` (c or b); `LAPIS_ERR_SINGULAR` (a zero on `c`'s
/// diagonal).
///
/// # Safety
/// Handles are NULL or live lapis handles; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_cho_solve(
    c: *const lapis_array,
    uplo: lapis_uplo,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_cho_solve";
        let (c, b) = (array_ref(R, "c", c)?, array_ref(R, "b", b)?);
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::cho_solve(&c, uplo, &b)) }
    })
}

/// LU factorization with partial pivoting of one `(M, N)` matrix
/// (scipy.linalg.lu_factor, LAPACK `?getrf`): `*lu` a new `(M, N)`
/// Fortran-order array of `a`'s dtype holding `L` strictly below the
/// diagonal (unit diagonal implied) and `U` on and above; `piv` (the
/// caller's buffer of `piv_len == min(M, N)` elements) the 0-based pivot
/// rows: row `i` was interchanged with row `piv[i]`. A singular matrix
/// factors without error; `lapis_linalg_lu_solve` reports it. The caller
/// frees `*lu`; `piv` is written only on success.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a, lu, piv);
/// `LAPIS_ERR_SHAPE_MISMATCH` (not 2 axes, `piv_len ≠ min(M, N)`);
/// `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; `lu` is NULL or writable; a non-null
/// `piv` is valid for `piv_len` writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_lu_factor(
    a: *const lapis_array,
    lu: *mut *mut lapis_array,
    piv: *mut i64,
    piv_len: i64,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_lu_factor";
        let a = array_ref(R, "a", a)?;
        check_out(R, "lu", lu)?;
        let k = match a.shape() {
            [m, n] => (*m).min(*n),
            s => {
                return Err(Failure::new(
                    lapis_status::LAPIS_ERR_SHAPE_MISMATCH,
                    format!("{R}: `a` must have 2 axes, got shape {s:?}"),
                ));
            }
        };
        // SAFETY: a non-null `piv` holds `piv_len` writable elements (# Safety).
        let out = unsafe { out_slice(R, "piv", piv, "piv_len", piv_len, k) }?;
        let (f, p) = la::lu_factor(&a)?;
        // SAFETY: `lu` is non-null (checked) and writable (# Safety).
        unsafe { put_array(lu, f) }?;
        for (o, p) in out.iter_mut().zip(p) {
            *o = p as i64;
        }
        Ok(())
    })
}

/// Solves `op(A) x = b` from `A`'s LU factors (scipy.linalg.lu_solve,
/// LAPACK `?getrs`): `lu` `(N, N)` and `piv` (`npiv == N` 0-based pivot
/// rows, each in `[0, N)`) as `lapis_linalg_lu_factor` gives them; `b`
/// `(N,)` or `(N, K)`, `lu`'s dtype; `trans` a `lapis_trans` code for op.
/// `*out` has `b`'s shape; new, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_BAD_DTYPE`;
/// `LAPIS_ERR_INVALID_ARGUMENT` (trans code, a pivot out of range);
/// `LAPIS_ERR_SHAPE_MISMATCH` (lu not square, `npiv ≠ N`, b's rows);
/// `LAPIS_ERR_NON_FINITE`; `LAPIS_ERR_SINGULAR` (a zero on `U`'s diagonal).
///
/// # Safety
/// Handles are NULL or live lapis handles; a non-null `piv` holds `npiv`
/// readable elements; `out` is NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_lu_solve(
    lu: *const lapis_array,
    npiv: i64,
    piv: *const i64,
    b: *const lapis_array,
    trans: lapis_trans,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_lu_solve";
        let (lu, b) = (array_ref(R, "lu", lu)?, array_ref(R, "b", b)?);
        let trans = trans_arg(R, "trans", trans)?;
        let npiv = usize::try_from(npiv)
            .map_err(|_| Failure::invalid(R, "npiv", format!("{npiv} is negative")))?;
        // SAFETY: a non-null `piv` holds `npiv` readable elements (# Safety).
        let piv = unsafe { slice_arg(R, "piv", piv, npiv) }?;
        // The caller's pivots as usize, in a vector reserved fallibly.
        let mut rows = crate::args::list_with_capacity(R, piv.len())?;
        for (i, &p) in piv.iter().enumerate() {
            rows.push(
                usize::try_from(p).map_err(|_| {
                    Failure::invalid(R, "piv", format!("piv[{i}] = {p} is negative"))
                })?,
            );
        }
        let piv = rows;
        // SAFETY: `out` is NULL or writable (# Safety); NULL is reported.
        unsafe { put_new(R, out, || la::lu_solve(&lu, &piv, &b, trans)) }
    })
}

/// The QR factorization of each `(…, M, N)` matrix in LAPACK's compact
/// form (numpy.linalg.qr with mode='raw', LAPACK `?geqrf`): `*h`
/// `(…, M, N)` (Fortran order) with `R` on and above the diagonal and the
/// Householder vectors below it, `*tau` `(…, K)`, `K = min(M, N)`, their
/// scalar factors: `Q = H(0)…H(K−1)`, `H(i) = I − tau[i] v vᴴ` with
/// `v[i] = 1` and `v[i+1:] = h[i+1:, i]`. Both of `a`'s dtype. NumPy's `h`
/// is the transpose of this one (the same memory read in C order); lapis
/// gives the matrix LAPACK's `?ormqr`/`?unmqr` take. Either out-pointer may
/// be NULL to skip it; new arrays, freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (a); `LAPIS_ERR_SHAPE_MISMATCH`
/// (fewer than 2 axes); `LAPIS_ERR_NON_FINITE`.
///
/// # Safety
/// `a` is NULL or a live handle; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linalg_qr_raw(
    a: *const lapis_array,
    h: *mut *mut lapis_array,
    tau: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_qr_raw";
        let a = array_ref(R, "a", a)?;
        let (hh, tt) = la::qr_raw(&a)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe { put_arrays([(h, Some(hh)), (tau, Some(tt))]) }
    })
}
