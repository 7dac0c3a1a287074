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
//!   square ones are needed are `LAPIS_ERR_SHAPE_MISMATCH`. Functions that
//!   read one triangle (cholesky, eigh, eigvalsh, eigh_generalized,
//!   solve_triangular) check only that triangle (diagonal included, unless
//!   it is a unit diagonal): the other is never read nor checked.
//! - Error messages name the C function and its parameters: a message from
//!   the Rust layer, which names its Rust routine (`eigvalsh: …`), is
//!   relabelled with the C function's name ([`c_message`]), and where a
//!   Rust parameter has another name than the C one (`b` for
//!   `lapis_linalg_eigh_generalized`'s `s`) the error is renamed before it
//!   is formatted ([`renamed`]).

use super::{
    Failure, FfiResult, array_ref, check_out, diag_arg, isize_list, lapis_array, lapis_complex128,
    lapis_diag, lapis_status, lapis_trans, lapis_uplo, put, put_array, put_arrays, trans_arg,
    uplo_arg,
};
use lapis::Error;
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

/// `failure`'s message as the C caller reads it: headed by the C function
/// `routine`. A message that starts with another routine name (a Rust
/// routine: one word before the first ": ") has that name replaced; one
/// without a routine name gets `routine` put in front.
pub(crate) fn c_message(routine: &str, mut failure: Failure) -> Failure {
    let m = &failure.message;
    let message = match m.split_once(": ") {
        Some((head, _)) if head == routine => return failure,
        Some((head, rest)) if !head.is_empty() && !head.contains(char::is_whitespace) => {
            format!("{routine}: {rest}")
        }
        _ => format!("{routine}: {m}"),
    };
    failure.message = message;
    failure
}

/// A Rust-layer error converted for C function `routine` ([`c_message`]).
pub(crate) fn c_failure(routine: &str, e: Error) -> Failure {
    c_message(routine, Failure::from(e))
}

/// `e` with the argument it names renamed from a Rust parameter name to the
/// C one (`renames` holds `(rust, c)` pairs; other names are kept).
pub(crate) fn renamed(mut e: Error, renames: &[(&str, &'static str)]) -> Error {
    let what = match &mut e {
        Error::ShapeMismatch { what, .. }
        | Error::TooFewDimensions { what, .. }
        | Error::NotSquare { what, .. }
        | Error::DimensionTooLarge { what, .. }
        | Error::OverlappingOutput { what, .. }
        | Error::InvalidArgument { what, .. }
        | Error::Empty { what, .. }
        | Error::NonFinite { what, .. }
        | Error::Misaligned { what, .. } => what,
        _ => return e,
    };
    if let Some(&(_, c)) = renames.iter().find(|(rust, _)| rust == what) {
        *what = c;
    }
    e
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
/// (`pairs`); each stored in its out-pointer unless that is NULL. Errors
/// name the C function `routine` ([`c_message`]).
///
/// # Safety
/// `w` and `v` are NULL or valid for a pointer write.
unsafe fn put_eigen(
    routine: &str,
    w: *mut *mut lapis_array,
    v: *mut *mut lapis_array,
    values: impl FnOnce() -> lapis::error::Result<NdArray>,
    pairs: impl FnOnce() -> lapis::error::Result<(NdArray, NdArray)>,
) -> FfiResult {
    let (ww, vv) = if v.is_null() {
        (values().map_err(|e| c_failure(routine, e))?, None)
    } else {
        let (ww, vv) = pairs().map_err(|e| c_failure(routine, e))?;
        (ww, Some(vv))
    };
    // SAFETY: `w` and `v` are NULL (skipped) or writable (this function's
    // contract).
    unsafe { put_arrays([(w, Some(ww)), (v, vv)]) }
}

/// The single-result tail: checks `out` (before anything is computed),
/// computes the result and stores its new handle in `*out`. Errors name
/// the C function `routine` ([`c_message`]).
///
/// # Safety
/// `out` is NULL or valid for a pointer write.
unsafe fn put_new(
    routine: &str,
    out: *mut *mut lapis_array,
    compute: impl FnOnce() -> lapis::error::Result<NdArray>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let r = compute().map_err(|e| c_failure(routine, e))?;
    // SAFETY: `out` is non-null (checked above) and writable (this
    // function's contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// [`put_new`] for a plain value (a scalar result); errors name the C
/// function `routine` ([`c_message`]).
///
/// # Safety
/// `out` is NULL or valid for a write of `T`.
unsafe fn put_value<T>(
    routine: &str,
    out: *mut T,
    compute: impl FnOnce() -> FfiResult<T>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let v = compute().map_err(|f| c_message(routine, f))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::lapis_array_free;
    use crate::handle::register;
    use crate::{LAPIS_LOWER, lapis_last_error, lapis_status};
    use lapis::dtype::DType;
    use std::ffi::CStr;

    fn last() -> String {
        // SAFETY: lapis_last_error never returns NULL; the string lives
        // until the next failing call on this thread.
        unsafe { CStr::from_ptr(lapis_last_error()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn messages_are_headed_by_the_c_function() {
        let f = |m: &str| c_message("lapis_f", Failure::new(lapis_status::LAPIS_ERR_INDEX, m));
        assert_eq!(f("eigvalsh: a is bad").message, "lapis_f: a is bad");
        assert_eq!(f("ChoFactors::new: c x").message, "lapis_f: c x");
        assert_eq!(f("lapis_f: kept").message, "lapis_f: kept");
        assert_eq!(f("index 3 is out: x").message, "lapis_f: index 3 is out: x");
        assert_eq!(f("plain").message, "lapis_f: plain");
        assert_eq!(f("plain").status, lapis_status::LAPIS_ERR_INDEX);
    }

    #[test]
    fn rust_argument_names_become_c_ones() {
        let e = Error::NonFinite {
            routine: "eigh_generalized",
            what: "b",
        };
        let hs: &[(&str, &'static str)] = &[("a", "h"), ("b", "s")];
        assert_eq!(
            c_failure("lapis_g", renamed(e, hs)).message,
            "lapis_g: s contains infinities or NaNs"
        );
        let e = Error::Singular {
            routine: "inv",
            index: 1,
        };
        assert_eq!(renamed(e.clone(), hs), e);
    }

    /// `n × n` f64 handle holding `v` (row-major), for the calls below.
    fn matrix(n: usize, v: &[f64]) -> *mut lapis_array {
        let a = lapis::array::from_vec(v.to_vec(), &[n, n]).unwrap();
        assert_eq!(a.dtype(), DType::F64);
        register(a).unwrap()
    }

    #[test]
    fn linalg_exports_name_themselves_and_their_parameters() {
        let nan = f64::NAN;
        let bad = matrix(2, &[nan, 0.0, 0.0, 1.0]);
        let good = matrix(2, &[2.0, 0.0, 0.0, 1.0]);
        let lower = LAPIS_LOWER;
        let mut w = std::ptr::null_mut();
        let null = std::ptr::null_mut();
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_eigh(bad, lower, &mut w, null) };
        assert_eq!(s, lapis_status::LAPIS_ERR_NON_FINITE);
        assert_eq!(last(), "lapis_linalg_eigh: a contains infinities or NaNs");
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_eigh_generalized(good, bad, lower, &mut w, null) };
        assert_eq!(s, lapis_status::LAPIS_ERR_NON_FINITE);
        assert_eq!(
            last(),
            "lapis_linalg_eigh_generalized: s contains infinities or NaNs"
        );
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_eigh_generalized(bad, good, lower, &mut w, &mut w) };
        assert_eq!(s, lapis_status::LAPIS_ERR_NON_FINITE);
        assert_eq!(
            last(),
            "lapis_linalg_eigh_generalized: h contains infinities or NaNs"
        );
        let mut v = 0.0;
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_norm(bad, LAPIS_NORM_DEFAULT, 0.0, &mut v) };
        assert_eq!(s, lapis_status::LAPIS_ERR_NON_FINITE);
        assert_eq!(last(), "lapis_linalg_norm: x contains infinities or NaNs");
        let axes = [3i64];
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe {
            lapis_linalg_norm_axis(
                good,
                LAPIS_NORM_DEFAULT,
                0.0,
                axes.as_ptr(),
                1,
                false,
                &mut w,
            )
        };
        assert_eq!(s, lapis_status::LAPIS_ERR_INDEX);
        assert!(
            last().starts_with("lapis_linalg_norm_axis: axis 3"),
            "{}",
            last()
        );
        let [mut p, mut l, mut u] = [std::ptr::null_mut(); 3];
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_lu(bad, &mut p, &mut l, &mut u) };
        assert_eq!(s, lapis_status::LAPIS_ERR_NON_FINITE);
        assert_eq!(last(), "lapis_linalg_lu: a contains infinities or NaNs");
        let empty = register(lapis::array::zeros(&[0, 0], DType::F64).unwrap()).unwrap();
        // SAFETY: live handles from `register`; out-pointers writable or NULL.
        let s = unsafe { lapis_linalg_cond(empty, LAPIS_NORM_DEFAULT, 0.0, &mut w) };
        assert_eq!(s, lapis_status::LAPIS_ERR_INVALID_VALUE);
        assert_eq!(last(), "lapis_linalg_cond: a is empty");
        for h in [bad, good, empty] {
            assert_eq!(lapis_array_free(h), lapis_status::LAPIS_OK);
        }
    }
}
