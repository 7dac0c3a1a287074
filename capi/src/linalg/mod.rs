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
    Failure, FfiResult, array_ref, check_out, diag_arg, isize_list, lapis_array, lapis_complex128,
    lapis_diag, lapis_status, lapis_trans, lapis_uplo, put, put_array, put_arrays, trans_arg,
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
    unsafe { put_arrays([(w, Some(ww)), (v, vv)]) }
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
    unsafe { put_array(out, r) }?;
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

// The exports, one file per family (declared in header order: cbindgen
// emits them in this order).
mod solve;

mod spectral;

mod norms;

mod triangular;

mod factor;

mod eigh_subset;

mod rank;

pub use eigh_subset::*;
pub use factor::*;
pub use norms::*;
pub use rank::*;
pub use solve::*;
pub use spectral::*;
pub use triangular::*;
