//! Level-3 BLAS on [`NdArray`]s (matrix–matrix): gemm, symm/hemm, trmm/trsm, syrk/herk, syr2k/her2k.
//! The conventions are the module's: see [`crate::array::blas`].

use ndarray::Ix2;
use num_complex::Complex64;

use super::{borrow, operand, real, scalar};
use crate::array::NdArray;
use crate::blas::{self as typed, Diag, Side, Transpose, Uplo};
use crate::error::Result;

/// `C := alpha·op(A)·op(B) + beta·C` (`?gemm`). 2-d arrays: `op(A)` is
/// `m × k`, `op(B)` `k × n`, `C` `m × n`. `beta = 0` overwrites `C` without
/// reading it; `k = 0` gives `C := beta·C`.
///
/// # Errors
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::DTypeMismatch`](crate::Error::DTypeMismatch),
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch), scalar errors as in [`scal`](super::scal), output errors
/// for `C` ([`Error::ReadOnly`](crate::Error::ReadOnly), [`Error::OverlappingOutput`](crate::Error::OverlappingOutput),
/// [`Error::BorrowConflict`](crate::Error::BorrowConflict)), [`Error::DimensionTooLarge`](crate::Error::DimensionTooLarge).
pub fn gemm(
    transa: Transpose,
    transb: Transpose,
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Complex64,
    c: &mut NdArray,
) -> Result<()> {
    const R: &str = "gemm";
    let c: &NdArray = c;
    let dt = a.dtype();
    operand("gemm: a", a, 2, dt)?;
    operand("gemm: b", b, 2, dt)?;
    operand("gemm: c", c, 2, dt)?;
    let _g = borrow(R, &[c], &[a, b])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(R, "alpha", alpha)?;
        let beta = scalar::<T>(R, "beta", beta)?;
        // SAFETY: as in `gemv`, with C the output.
        let av = unsafe { a.view_unchecked::<T, Ix2>(R)? };
        // SAFETY: as for `av` just above.
        let bv = unsafe { b.view_unchecked::<T, Ix2>(R)? };
        // SAFETY: C's buffer is mutably borrowed by `_g`; `av` and `bv` are only
        // read (copied first by `gemm` where they overlap C).
        let mut cv = unsafe { c.view_mut_unchecked::<T, Ix2>(R)? };
        typed::gemm(transa, transb, alpha, &av, &bv, beta, &mut cv)
    })
}

#[allow(clippy::too_many_arguments)]
fn symm_impl(
    routine: &'static str,
    names: [&'static str; 3],
    hermitian: bool,
    (side, uplo): (Side, Uplo),
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Complex64,
    c: &NdArray,
) -> Result<()> {
    let dt = a.dtype();
    operand(names[0], a, 2, dt)?;
    operand(names[1], b, 2, dt)?;
    operand(names[2], c, 2, dt)?;
    let _g = borrow(routine, &[c], &[a, b])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(routine, "alpha", alpha)?;
        let beta = scalar::<T>(routine, "beta", beta)?;
        // SAFETY: as in `gemm`.
        let av = unsafe { a.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: as for `av` just above.
        let bv = unsafe { b.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: C's buffer is mutably borrowed by `_g`; `av` and `bv` are only
        // read (copied first by the typed routine where they overlap C).
        let mut cv = unsafe { c.view_mut_unchecked::<T, Ix2>(routine)? };
        if hermitian {
            typed::hemm(side, uplo, alpha, &av, &bv, beta, &mut cv)
        } else {
            typed::symm(side, uplo, alpha, &av, &bv, beta, &mut cv)
        }
    })
}

/// `C := alpha·A·B + beta·C` (`Side::Left`) or `alpha·B·A + beta·C`
/// (`Side::Right`) with `A` symmetric, only its `uplo` triangle read
/// (`?symm`). `B`, `C` are `m × n`; `A` is `m × m` or `n × n`.
///
/// # Errors
/// As [`gemm`], and [`Error::NotSquare`](crate::Error::NotSquare).
#[allow(clippy::too_many_arguments)]
pub fn symm(
    side: Side,
    uplo: Uplo,
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Complex64,
    c: &mut NdArray,
) -> Result<()> {
    let names = ["symm: a", "symm: b", "symm: c"];
    symm_impl("symm", names, false, (side, uplo), alpha, a, b, beta, c)
}

/// As [`symm`] with `A` Hermitian (`?hemm`; [`symm`] for real arrays).
///
/// # Errors
/// As [`symm`].
#[allow(clippy::too_many_arguments)]
pub fn hemm(
    side: Side,
    uplo: Uplo,
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Complex64,
    c: &mut NdArray,
) -> Result<()> {
    let names = ["hemm: a", "hemm: b", "hemm: c"];
    symm_impl("hemm", names, true, (side, uplo), alpha, a, b, beta, c)
}

#[allow(clippy::too_many_arguments)]
fn trm_impl(
    routine: &'static str,
    names: [&'static str; 2],
    solve: bool,
    (side, uplo, transa, diag): (Side, Uplo, Transpose, Diag),
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
) -> Result<()> {
    let dt = a.dtype();
    operand(names[0], a, 2, dt)?;
    operand(names[1], b, 2, dt)?;
    let _g = borrow(routine, &[b], &[a])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(routine, "alpha", alpha)?;
        // SAFETY: as in `gemm`, with B the output.
        let av = unsafe { a.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: B's buffer is mutably borrowed by `_g`; `av` is only read
        // (copied first by the typed routine where it overlaps B).
        let mut bv = unsafe { b.view_mut_unchecked::<T, Ix2>(routine)? };
        if solve {
            typed::trsm(side, uplo, transa, diag, alpha, &av, &mut bv)
        } else {
            typed::trmm(side, uplo, transa, diag, alpha, &av, &mut bv)
        }
    })
}

/// `B := alpha·op(A)·B` (`Side::Left`) or `alpha·B·op(A)` (`Side::Right`)
/// with `A` triangular (`?trmm`). `B` is `m × n`; `A` is `m × m` or `n × n`.
///
/// # Errors
/// As [`gemm`] with `B` the output, and [`Error::NotSquare`](crate::Error::NotSquare).
#[allow(clippy::too_many_arguments)]
pub fn trmm(
    side: Side,
    uplo: Uplo,
    transa: Transpose,
    diag: Diag,
    alpha: Complex64,
    a: &NdArray,
    b: &mut NdArray,
) -> Result<()> {
    let opts = (side, uplo, transa, diag);
    trm_impl("trmm", ["trmm: a", "trmm: b"], false, opts, alpha, a, b)
}

/// Solves `op(A)·X = alpha·B` (`Side::Left`) or `X·op(A) = alpha·B`
/// (`Side::Right`) with `A` triangular, overwriting `B` with `X` (`?trsm`).
/// No singularity check (as in BLAS).
///
/// # Errors
/// As [`trmm`].
#[allow(clippy::too_many_arguments)]
pub fn trsm(
    side: Side,
    uplo: Uplo,
    transa: Transpose,
    diag: Diag,
    alpha: Complex64,
    a: &NdArray,
    b: &mut NdArray,
) -> Result<()> {
    let opts = (side, uplo, transa, diag);
    trm_impl("trsm", ["trsm: a", "trsm: b"], true, opts, alpha, a, b)
}

/// `C := alpha·op(A)·op(A)ᵀ + beta·C` on the `uplo` triangle of symmetric
/// `C` (`?syrk`); the other triangle is not touched. `NoTrans`: `A` is
/// `n × k`; `Trans`: `A` is `k × n` (`ConjTrans` is accepted for real
/// arrays only, as `Trans`).
///
/// # Errors
/// As [`gemm`], [`Error::NotSquare`](crate::Error::NotSquare) for `C`, [`Error::InvalidArgument`](crate::Error::InvalidArgument)
/// for `ConjTrans` on complex arrays.
pub fn syrk(
    uplo: Uplo,
    trans: Transpose,
    alpha: Complex64,
    a: &NdArray,
    beta: Complex64,
    c: &mut NdArray,
) -> Result<()> {
    const R: &str = "syrk";
    let c: &NdArray = c;
    let dt = a.dtype();
    operand("syrk: a", a, 2, dt)?;
    operand("syrk: c", c, 2, dt)?;
    let _g = borrow(R, &[c], &[a])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(R, "alpha", alpha)?;
        let beta = scalar::<T>(R, "beta", beta)?;
        // SAFETY: as in `gemm`.
        let av = unsafe { a.view_unchecked::<T, Ix2>(R)? };
        // SAFETY: C's buffer is mutably borrowed by `_g`; `av` is only read
        // (copied first by the typed routine where it overlaps C).
        let mut cv = unsafe { c.view_mut_unchecked::<T, Ix2>(R)? };
        typed::syrk(uplo, trans, alpha, &av, beta, &mut cv)
    })
}

/// `C := alpha·op(A)·op(A)ᴴ + beta·C` on the `uplo` triangle of Hermitian
/// `C`, real `alpha` and `beta` (`?herk`; [`syrk`] for real arrays). The
/// diagonal's imaginary part is set to zero; the other triangle is not
/// touched. `NoTrans`: `A` is `n × k`; `ConjTrans`: `A` is `k × n` and
/// `C := alpha·AᴴA + beta·C` (`Trans` only for real arrays).
///
/// # Errors
/// As [`syrk`], with `Trans` the invalid op on complex arrays.
pub fn herk(
    uplo: Uplo,
    trans: Transpose,
    alpha: f64,
    a: &NdArray,
    beta: f64,
    c: &mut NdArray,
) -> Result<()> {
    const R: &str = "herk";
    let c: &NdArray = c;
    let dt = a.dtype();
    operand("herk: a", a, 2, dt)?;
    operand("herk: c", c, 2, dt)?;
    let _g = borrow(R, &[c], &[a])?;
    crate::dispatch_dtype!(dt, T => {
        // SAFETY: as in `gemm`.
        let av = unsafe { a.view_unchecked::<T, Ix2>(R)? };
        // SAFETY: C's buffer is mutably borrowed by `_g`; `av` is only read
        // (copied first by the typed routine where it overlaps C).
        let mut cv = unsafe { c.view_mut_unchecked::<T, Ix2>(R)? };
        typed::herk(uplo, trans, real::<T>(alpha), &av, real::<T>(beta), &mut cv)
    })
}

#[allow(clippy::too_many_arguments)]
fn r2k_impl(
    routine: &'static str,
    names: [&'static str; 3],
    (uplo, trans): (Uplo, Transpose),
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Option<f64>,
    beta_c: Complex64,
    c: &NdArray,
) -> Result<()> {
    let dt = a.dtype();
    operand(names[0], a, 2, dt)?;
    operand(names[1], b, 2, dt)?;
    operand(names[2], c, 2, dt)?;
    let _g = borrow(routine, &[c], &[a, b])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(routine, "alpha", alpha)?;
        // SAFETY: as in `gemm`.
        let av = unsafe { a.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: as for `av` just above.
        let bv = unsafe { b.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: C's buffer is mutably borrowed by `_g`; `av` and `bv` are only
        // read (copied first by the typed routine where they overlap C).
        let mut cv = unsafe { c.view_mut_unchecked::<T, Ix2>(routine)? };
        match beta {
            Some(beta) => typed::her2k(uplo, trans, alpha, &av, &bv, real::<T>(beta), &mut cv),
            None => {
                let beta = scalar::<T>(routine, "beta", beta_c)?;
                typed::syr2k(uplo, trans, alpha, &av, &bv, beta, &mut cv)
            }
        }
    })
}

/// `C := alpha·op(A)·op(B)ᵀ + alpha·op(B)·op(A)ᵀ + beta·C` on the `uplo`
/// triangle of symmetric `C` (`?syr2k`). `A` and `B` have one shape
/// (`n × k` for `NoTrans`, `k × n` for `Trans`).
///
/// # Errors
/// As [`syrk`].
#[allow(clippy::too_many_arguments)]
pub fn syr2k(
    uplo: Uplo,
    trans: Transpose,
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: Complex64,
    c: &mut NdArray,
) -> Result<()> {
    let names = ["syr2k: a", "syr2k: b", "syr2k: c"];
    r2k_impl("syr2k", names, (uplo, trans), alpha, a, b, None, beta, c)
}

/// `C := alpha·op(A)·op(B)ᴴ + conj(alpha)·op(B)·op(A)ᴴ + beta·C` on the
/// `uplo` triangle of Hermitian `C`, real `beta` (`?her2k`; [`syr2k`] for
/// real arrays). The diagonal's imaginary part is set to zero.
///
/// # Errors
/// As [`herk`], and the scalar error of [`scal`](super::scal) for `alpha`.
#[allow(clippy::too_many_arguments)]
pub fn her2k(
    uplo: Uplo,
    trans: Transpose,
    alpha: Complex64,
    a: &NdArray,
    b: &NdArray,
    beta: f64,
    c: &mut NdArray,
) -> Result<()> {
    let names = ["her2k: a", "her2k: b", "her2k: c"];
    let beta_c = Complex64::new(beta, 0.0);
    r2k_impl(
        "her2k",
        names,
        (uplo, trans),
        alpha,
        a,
        b,
        Some(beta),
        beta_c,
        c,
    )
}
