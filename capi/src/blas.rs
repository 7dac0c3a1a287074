//! BLAS on array handles: one function per routine for all four dtypes
//! (`lapis_gemm` multiplies float32, float64, complex64 or complex128
//! arrays alike), so the same C source serves real and complex data.
//! Each function reads its handles and option codes and calls
//! [`lapis::array::blas`], which holds the dtype dispatch; scalars arrive
//! as `lapis_complex128` (real `double` where BLAS defines a real one).
//! The exports are generated from capi/exports.toml into gen/blas.rs; each
//! runs the function of its routine's name below inside the panic boundary.

use super::{
    Failure, FfiResult, array_ref, check_out, diag_arg, lapis_array, lapis_complex128, lapis_diag,
    lapis_side, lapis_status, lapis_trans, lapis_uplo, out_view, put, side_arg, trans_arg,
    uplo_arg,
};
use lapis::array::{NdArray, blas};
use lapis::blas::{Diag, Side, Transpose, Uplo};
use num_complex::Complex64;

/// `dot` / `dotc`.
type Dot = fn(&NdArray, &NdArray) -> lapis::Result<Complex64>;
/// `nrm2` / `asum`.
type RealNorm = fn(&NdArray) -> lapis::Result<f64>;
/// `ger` / `gerc`.
type Rank1 = fn(Complex64, &NdArray, &NdArray, &mut NdArray) -> lapis::Result<()>;
/// `symv` / `hemv`.
type SymMv = fn(Uplo, Complex64, &NdArray, &NdArray, Complex64, &mut NdArray) -> lapis::Result<()>;
/// `trmv` / `trsv`.
type TriMv = fn(Uplo, Transpose, Diag, &NdArray, &mut NdArray) -> lapis::Result<()>;
/// `symm` / `hemm`.
type SideMm =
    fn(Side, Uplo, Complex64, &NdArray, &NdArray, Complex64, &mut NdArray) -> lapis::Result<()>;
/// `trmm` / `trsm`.
type TriMm =
    fn(Side, Uplo, Transpose, Diag, Complex64, &NdArray, &mut NdArray) -> lapis::Result<()>;

#[path = "gen/blas.rs"]
mod exports;
pub use exports::*;

/// The body of `lapis_scal`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn scal(r: &str, alpha: lapis_complex128, x: *mut lapis_array) -> FfiResult {
    let mut x = out_view(r, "x", x)?;
    blas::scal(alpha.into(), &mut x)?;
    Ok(())
}

/// The body of `lapis_rscal`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn rscal(r: &str, alpha: f64, x: *mut lapis_array) -> FfiResult {
    let mut x = out_view(r, "x", x)?;
    blas::rscal(alpha, &mut x)?;
    Ok(())
}

/// The body of `lapis_axpy`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn axpy(
    r: &str,
    alpha: lapis_complex128,
    x: *const lapis_array,
    y: *mut lapis_array,
) -> FfiResult {
    let x = array_ref(r, "x", x)?;
    let mut y = out_view(r, "y", y)?;
    blas::axpy(alpha.into(), &x, &mut y)?;
    Ok(())
}

/// The body of `lapis_dotu` and `lapis_dotc` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn dot(
    r: &str,
    f: Dot,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_complex128,
) -> FfiResult {
    check_out(r, "out", out)?;
    let x = array_ref(r, "x", x)?;
    let y = array_ref(r, "y", y)?;
    let v = f(&x, &y)?;
    // SAFETY: checked non-null.
    unsafe { put(out, v.into()) };
    Ok(())
}

/// The body of `lapis_nrm2` and `lapis_asum` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn real_norm(r: &str, f: RealNorm, x: *const lapis_array, out: *mut f64) -> FfiResult {
    check_out(r, "out", out)?;
    let x = array_ref(r, "x", x)?;
    let v = f(&x)?;
    // SAFETY: checked non-null.
    unsafe { put(out, v) };
    Ok(())
}

/// The body of `lapis_iamax`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn iamax(r: &str, x: *const lapis_array, out: *mut i64) -> FfiResult {
    check_out(r, "out", out)?;
    let x = array_ref(r, "x", x)?;
    let i = blas::iamax(&x)?;
    let i = i64::try_from(i).map_err(|_| {
        Failure::new(
            lapis_status::LAPIS_ERR_OVERFLOW,
            format!("{r}: index {i} does not fit int64_t"),
        )
    })?;
    // SAFETY: checked non-null.
    unsafe { put(out, i) };
    Ok(())
}

/// The body of `lapis_copy`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn copy(r: &str, x: *const lapis_array, y: *mut lapis_array) -> FfiResult {
    let x = array_ref(r, "x", x)?;
    let mut y = out_view(r, "y", y)?;
    blas::copy(&x, &mut y)?;
    Ok(())
}

/// The body of `lapis_swap`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn swap(r: &str, x: *mut lapis_array, y: *mut lapis_array) -> FfiResult {
    let mut x = out_view(r, "x", x)?;
    let mut y = out_view(r, "y", y)?;
    blas::swap(&mut x, &mut y)?;
    Ok(())
}

/// The body of `lapis_gemv`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn gemv(
    r: &str,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> FfiResult {
    let trans = trans_arg(r, "trans", trans)?;
    let a = array_ref(r, "a", a)?;
    let x = array_ref(r, "x", x)?;
    let mut y = out_view(r, "y", y)?;
    blas::gemv(trans, alpha.into(), &a, &x, beta.into(), &mut y)?;
    Ok(())
}

/// The body of `lapis_ger` and `lapis_gerc` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn rank1(
    r: &str,
    f: Rank1,
    alpha: lapis_complex128,
    x: *const lapis_array,
    y: *const lapis_array,
    a: *mut lapis_array,
) -> FfiResult {
    let x = array_ref(r, "x", x)?;
    let y = array_ref(r, "y", y)?;
    let mut a = out_view(r, "a", a)?;
    f(alpha.into(), &x, &y, &mut a)?;
    Ok(())
}

/// The body of `lapis_symv` and `lapis_hemv` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn sym_mv(
    r: &str,
    f: SymMv,
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let a = array_ref(r, "a", a)?;
    let x = array_ref(r, "x", x)?;
    let mut y = out_view(r, "y", y)?;
    f(uplo, alpha.into(), &a, &x, beta.into(), &mut y)?;
    Ok(())
}

/// The body of `lapis_trmv` and `lapis_trsv` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn tri_mv(
    r: &str,
    f: TriMv,
    uplo: lapis_uplo,
    trans: lapis_trans,
    diag: lapis_diag,
    a: *const lapis_array,
    x: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let trans = trans_arg(r, "trans", trans)?;
    let diag = diag_arg(r, diag)?;
    let a = array_ref(r, "a", a)?;
    let mut x = out_view(r, "x", x)?;
    f(uplo, trans, diag, &a, &mut x)?;
    Ok(())
}

/// The body of `lapis_gemm`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm(
    r: &str,
    transa: lapis_trans,
    transb: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> FfiResult {
    let transa = trans_arg(r, "transa", transa)?;
    let transb = trans_arg(r, "transb", transb)?;
    let a = array_ref(r, "a", a)?;
    let b = array_ref(r, "b", b)?;
    let mut c = out_view(r, "c", c)?;
    blas::gemm(transa, transb, alpha.into(), &a, &b, beta.into(), &mut c)?;
    Ok(())
}

/// The body of `lapis_symm` and `lapis_hemm` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn side_mm(
    r: &str,
    f: SideMm,
    side: lapis_side,
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> FfiResult {
    let side = side_arg(r, side)?;
    let uplo = uplo_arg(r, uplo)?;
    let a = array_ref(r, "a", a)?;
    let b = array_ref(r, "b", b)?;
    let mut c = out_view(r, "c", c)?;
    f(side, uplo, alpha.into(), &a, &b, beta.into(), &mut c)?;
    Ok(())
}

/// The body of `lapis_trmm` and `lapis_trsm` (`f` is the routine).
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn tri_mm(
    r: &str,
    f: TriMm,
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *mut lapis_array,
) -> FfiResult {
    let side = side_arg(r, side)?;
    let uplo = uplo_arg(r, uplo)?;
    let transa = trans_arg(r, "transa", transa)?;
    let diag = diag_arg(r, diag)?;
    let a = array_ref(r, "a", a)?;
    let mut b = out_view(r, "b", b)?;
    f(side, uplo, transa, diag, alpha.into(), &a, &mut b)?;
    Ok(())
}

/// The body of `lapis_syrk`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn syrk(
    r: &str,
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let trans = trans_arg(r, "trans", trans)?;
    let a = array_ref(r, "a", a)?;
    let mut c = out_view(r, "c", c)?;
    blas::syrk(uplo, trans, alpha.into(), &a, beta.into(), &mut c)?;
    Ok(())
}

/// The body of `lapis_herk`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
unsafe fn herk(
    r: &str,
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: f64,
    a: *const lapis_array,
    beta: f64,
    c: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let trans = trans_arg(r, "trans", trans)?;
    let a = array_ref(r, "a", a)?;
    let mut c = out_view(r, "c", c)?;
    blas::herk(uplo, trans, alpha, &a, beta, &mut c)?;
    Ok(())
}

/// The body of `lapis_syr2k`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn syr2k(
    r: &str,
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let trans = trans_arg(r, "trans", trans)?;
    let a = array_ref(r, "a", a)?;
    let b = array_ref(r, "b", b)?;
    let mut c = out_view(r, "c", c)?;
    blas::syr2k(uplo, trans, alpha.into(), &a, &b, beta.into(), &mut c)?;
    Ok(())
}

/// The body of `lapis_her2k`.
///
/// # Safety
/// Handles are NULL or live; a scalar `out` is NULL or valid for one write.
#[allow(clippy::too_many_arguments)]
unsafe fn her2k(
    r: &str,
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: f64,
    c: *mut lapis_array,
) -> FfiResult {
    let uplo = uplo_arg(r, uplo)?;
    let trans = trans_arg(r, "trans", trans)?;
    let a = array_ref(r, "a", a)?;
    let b = array_ref(r, "b", b)?;
    let mut c = out_view(r, "c", c)?;
    blas::her2k(uplo, trans, alpha.into(), &a, &b, beta, &mut c)?;
    Ok(())
}
