//! Level-2 BLAS on [`NdArray`]s (matrix–vector): gemv, ger/geru/gerc, symv/hemv, trmv/trsv.
//! The conventions are the module's: see [`crate::array::blas`].

use ndarray::{Ix1, Ix2};
use num_complex::Complex64;

use super::{borrow, operand, scalar};
use crate::array::NdArray;
use crate::blas::{self as typed, Diag, Transpose, Uplo};
use crate::error::Result;

/// `y := alpha·op(A)·x + beta·y` (`?gemv`). `A` is 2-d `m × n`; `x` has `n`
/// elements (`m` for `Trans`/`ConjTrans`), `y` the other count. `beta = 0`
/// overwrites `y` without reading it.
///
/// # Errors
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::DTypeMismatch`](crate::Error::DTypeMismatch),
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch), scalar errors as in [`scal`](super::scal), output errors
/// for `y` as in [`scal`](super::scal).
pub fn gemv(
    trans: Transpose,
    alpha: Complex64,
    a: &NdArray,
    x: &NdArray,
    beta: Complex64,
    y: &mut NdArray,
) -> Result<()> {
    const R: &str = "gemv";
    let y: &NdArray = y;
    let dt = a.dtype();
    operand("gemv: a", a, 2, dt)?;
    operand("gemv: x", x, 1, dt)?;
    operand("gemv: y", y, 1, dt)?;
    let _g = borrow(R, &[y], &[a, x])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(R, "alpha", alpha)?;
        let beta = scalar::<T>(R, "beta", beta)?;
        // SAFETY: y's buffer is mutably borrowed by `_g`; inputs are
        // borrowed shared, or share y's buffer and are only read (copied by
        // the typed routine when they overlap y).
        let av = unsafe { a.view_unchecked::<T, Ix2>(R)? };
        // SAFETY: as for `av` just above.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        // SAFETY: y's buffer is mutably borrowed by `_g`; `av` and `xv` are only
        // read (copied first by `gemv` where they overlap y).
        let mut yv = unsafe { y.view_mut_unchecked::<T, Ix1>(R)? };
        typed::gemv(trans, alpha, &av, &xv, beta, &mut yv)
    })
}

#[derive(Clone, Copy)]
enum Ger {
    U,
    C,
}

fn ger_impl(
    routine: &'static str,
    names: [&'static str; 3],
    kind: Ger,
    alpha: Complex64,
    x: &NdArray,
    y: &NdArray,
    a: &NdArray,
) -> Result<()> {
    let dt = x.dtype();
    operand(names[0], x, 1, dt)?;
    operand(names[1], y, 1, dt)?;
    operand(names[2], a, 2, dt)?;
    let _g = borrow(routine, &[a], &[x, y])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(routine, "alpha", alpha)?;
        // SAFETY: as in `gemv`, with A the output.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(routine)? };
        // SAFETY: as for `xv` just above.
        let yv = unsafe { y.view_unchecked::<T, Ix1>(routine)? };
        // SAFETY: A's buffer is mutably borrowed by `_g`; `xv` and `yv` are only
        // read (copied first by the typed routine where they overlap A).
        let mut av = unsafe { a.view_mut_unchecked::<T, Ix2>(routine)? };
        match kind {
            Ger::U => typed::geru(alpha, &xv, &yv, &mut av),
            Ger::C => typed::gerc(alpha, &xv, &yv, &mut av),
        }
    })
}

/// `A := alpha·x·yᵀ + A` (`?ger`; `?geru` for complex: no conjugate). `A`
/// is 2-d `len(x) × len(y)`.
///
/// # Errors
/// As [`gemv`], with `A` the output.
pub fn ger(alpha: Complex64, x: &NdArray, y: &NdArray, a: &mut NdArray) -> Result<()> {
    ger_impl(
        "ger",
        ["ger: x", "ger: y", "ger: a"],
        Ger::U,
        alpha,
        x,
        y,
        a,
    )
}

/// The same as [`ger`] (BLAS's complex name).
///
/// # Errors
/// As [`ger`].
pub fn geru(alpha: Complex64, x: &NdArray, y: &NdArray, a: &mut NdArray) -> Result<()> {
    ger_impl(
        "geru",
        ["geru: x", "geru: y", "geru: a"],
        Ger::U,
        alpha,
        x,
        y,
        a,
    )
}

/// `A := alpha·x·yᴴ + A` (`?gerc`; the same as [`ger`] for real arrays).
///
/// # Errors
/// As [`ger`].
pub fn gerc(alpha: Complex64, x: &NdArray, y: &NdArray, a: &mut NdArray) -> Result<()> {
    ger_impl(
        "gerc",
        ["gerc: x", "gerc: y", "gerc: a"],
        Ger::C,
        alpha,
        x,
        y,
        a,
    )
}

#[allow(clippy::too_many_arguments)]
fn symv_impl(
    routine: &'static str,
    names: [&'static str; 3],
    hermitian: bool,
    uplo: Uplo,
    alpha: Complex64,
    a: &NdArray,
    x: &NdArray,
    beta: Complex64,
    y: &NdArray,
) -> Result<()> {
    let dt = a.dtype();
    operand(names[0], a, 2, dt)?;
    operand(names[1], x, 1, dt)?;
    operand(names[2], y, 1, dt)?;
    let _g = borrow(routine, &[y], &[a, x])?;
    crate::dispatch_dtype!(dt, T => {
        let alpha = scalar::<T>(routine, "alpha", alpha)?;
        let beta = scalar::<T>(routine, "beta", beta)?;
        // SAFETY: as in `gemv`.
        let av = unsafe { a.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: as for `av` just above.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(routine)? };
        // SAFETY: y's buffer is mutably borrowed by `_g`; `av` and `xv` are only
        // read (copied first by the typed routine where they overlap y).
        let mut yv = unsafe { y.view_mut_unchecked::<T, Ix1>(routine)? };
        if hermitian {
            typed::hemv(uplo, alpha, &av, &xv, beta, &mut yv)
        } else {
            typed::symv(uplo, alpha, &av, &xv, beta, &mut yv)
        }
    })
}

/// `y := alpha·A·x + beta·y` with `A` (2-d, square) symmetric, only its
/// `uplo` triangle read (`?symv`; complex arrays: `Aᵀ = A`, no conjugate).
///
/// # Errors
/// As [`gemv`], and [`Error::NotSquare`](crate::Error::NotSquare).
pub fn symv(
    uplo: Uplo,
    alpha: Complex64,
    a: &NdArray,
    x: &NdArray,
    beta: Complex64,
    y: &mut NdArray,
) -> Result<()> {
    let names = ["symv: a", "symv: x", "symv: y"];
    symv_impl("symv", names, false, uplo, alpha, a, x, beta, y)
}

/// `y := alpha·A·x + beta·y` with `A` Hermitian, only its `uplo` triangle
/// read, the diagonal's imaginary part taken as zero (`?hemv`; [`symv`]
/// for real arrays).
///
/// # Errors
/// As [`symv`].
pub fn hemv(
    uplo: Uplo,
    alpha: Complex64,
    a: &NdArray,
    x: &NdArray,
    beta: Complex64,
    y: &mut NdArray,
) -> Result<()> {
    let names = ["hemv: a", "hemv: x", "hemv: y"];
    symv_impl("hemv", names, true, uplo, alpha, a, x, beta, y)
}

fn trv_impl(
    routine: &'static str,
    names: [&'static str; 2],
    solve: bool,
    (uplo, trans, diag): (Uplo, Transpose, Diag),
    a: &NdArray,
    x: &NdArray,
) -> Result<()> {
    let dt = a.dtype();
    operand(names[0], a, 2, dt)?;
    operand(names[1], x, 1, dt)?;
    let _g = borrow(routine, &[x], &[a])?;
    crate::dispatch_dtype!(dt, T => {
        // SAFETY: as in `gemv`, with x the output.
        let av = unsafe { a.view_unchecked::<T, Ix2>(routine)? };
        // SAFETY: x's buffer is mutably borrowed by `_g`; `av` is only read
        // (copied first by the typed routine where it overlaps x).
        let mut xv = unsafe { x.view_mut_unchecked::<T, Ix1>(routine)? };
        if solve {
            typed::trsv(uplo, trans, diag, &av, &mut xv)
        } else {
            typed::trmv(uplo, trans, diag, &av, &mut xv)
        }
    })
}

/// `x := op(A)·x` with `A` (2-d, square) triangular, only its `uplo`
/// triangle read (the diagonal taken as ones for `Diag::Unit`) (`?trmv`).
///
/// # Errors
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::DTypeMismatch`](crate::Error::DTypeMismatch),
/// [`Error::NotSquare`](crate::Error::NotSquare), [`Error::ShapeMismatch`](crate::Error::ShapeMismatch), output errors for `x`.
pub fn trmv(uplo: Uplo, trans: Transpose, diag: Diag, a: &NdArray, x: &mut NdArray) -> Result<()> {
    let names = ["trmv: a", "trmv: x"];
    trv_impl("trmv", names, false, (uplo, trans, diag), a, x)
}

/// Solves `op(A)·z = x` with `A` triangular, overwriting `x` with `z`
/// (`?trsv`). No singularity check (as in BLAS): a zero on the diagonal
/// gives infinities or NaN.
///
/// # Errors
/// As [`trmv`].
pub fn trsv(uplo: Uplo, trans: Transpose, diag: Diag, a: &NdArray, x: &mut NdArray) -> Result<()> {
    let names = ["trsv: a", "trsv: x"];
    trv_impl("trsv", names, true, (uplo, trans, diag), a, x)
}
