//! BLAS levels 1–3 on [`NdArray`]s: one call for all four dtypes, as
//! classic HPC wrappers offer (`scal(alpha, x)` on real and complex arrays
//! alike). Each function matches the dtype once and runs the typed routine
//! of [`crate::blas`] on views of the arrays.
//!
//! * **Operands.** Vectors are 1-d arrays and matrices 2-d arrays, of any
//!   layout: C order, Fortran order, transposed, sliced, strided and
//!   negative-stride views go to BLAS without a copy where
//!   [`crate::blas`] can do so (its module docs list the copies it makes).
//!   A wrong number of dimensions is [`Error::DimensionMismatch`] naming the
//!   operand (`"gemm: b: expected a 2-dimensional array, got 1 dimensions"`).
//! * **Dtypes.** All operands must share one dtype (no promotion: BLAS
//!   runs in one precision); otherwise [`Error::DTypeMismatch`] naming the
//!   operand, `requested` being the dtype of the first array argument.
//! * **Scalars.** `alpha` and `beta` are [`Complex64`]: a complex array uses
//!   the value (rounded to `Complex32` for complex64 arrays); a real array
//!   uses `re` (rounded to `f32` for float32) and requires `im == 0`
//!   (else [`Error::InvalidArgument`] for that scalar, nothing written).
//!   Where BLAS defines a real scalar (`rscal`, `herk`'s `alpha` and `beta`,
//!   `her2k`'s `beta`) the argument is an `f64`.
//! * **Outputs** are written in place, through the array's memory (and so
//!   visible in every array viewing it). An output must be writable
//!   ([`Error::ReadOnly`]) without overlapping elements
//!   ([`Error::OverlappingOutput`]). Inputs may view the output's buffer:
//!   disjoint parts are read in place, and an input whose memory overlaps
//!   the output is copied first, so the result is as if all inputs were
//!   read before the output was written. While the call runs, the output's
//!   buffer is mutably borrowed ([`Error::BorrowConflict`] if a typed view
//!   of it is alive).
//! * **Errors** are returned before anything is written: on `Err` every
//!   output is untouched.

use ndarray::{Ix1, Ix2};
use num_complex::Complex64;

use super::NdArray;
use super::buffer::{MutBorrow, SharedBorrow};
use crate::blas::{self as typed, Diag, Side, Transpose, Uplo};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::{RealScalar, Scalar};

// ---------------------------------------------------------------------------
// Argument checks, scalar conversion and buffer borrows.
// ---------------------------------------------------------------------------

/// Checks that `a` has `ndim` axes and the dtype `dtype`; `what` reads
/// `"routine: operand"` in the error message.
fn operand(what: &'static str, a: &NdArray, ndim: usize, dtype: DType) -> Result<()> {
    if a.ndim() != ndim {
        return Err(Error::DimensionMismatch {
            routine: what,
            expected: ndim,
            got: a.ndim(),
        });
    }
    if a.dtype() != dtype {
        return Err(Error::DTypeMismatch {
            routine: what,
            actual: a.dtype(),
            requested: dtype,
        });
    }
    Ok(())
}

/// A real scalar in `T`'s precision.
fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

/// `z` as an element of `T`: complex types take both parts, real types
/// take `re` and require `im == 0`.
fn scalar<T: Scalar>(routine: &'static str, what: &'static str, z: Complex64) -> Result<T> {
    if !T::IS_COMPLEX && z.im != 0.0 {
        return Err(Error::InvalidArgument {
            routine,
            what,
            reason: format!(
                "{what} = {z} is complex but the arrays are {} (a real array takes a scalar with im = 0)",
                T::DTYPE
            ),
        });
    }
    Ok(T::from_parts(real::<T>(z.re), real::<T>(z.im)))
}

/// A `T` value widened to `Complex64`.
fn widen<T: Scalar>(v: T) -> Complex64 {
    Complex64::new(v.re().to_f64_real(), v.im().to_f64_real())
}

/// The buffer borrows of one call: the mutable borrow of each output's
/// buffer (once per buffer), and a shared borrow of each input's buffer
/// that no output uses. An input over an output's buffer is covered by
/// that mutable borrow: it is only read, and the typed routines copy an
/// input that overlaps the memory they write before writing.
///
/// An input that shares *elements* with an output departs from the
/// contract of `view_mut_unchecked` (ndarray's: a mutable view's elements
/// are not aliased while it lives). It works because the typed routines
/// read such an input, to copy it, before anything is written through the
/// output view; copying it here, before the views are made, would remove
/// the exception.
struct Borrows<'a> {
    _write: [Option<MutBorrow<'a>>; 2],
    _read: [Option<SharedBorrow<'a>>; 3],
}

fn borrow<'a>(
    routine: &'static str,
    outs: &[&'a NdArray],
    ins: &[&'a NdArray],
) -> Result<Borrows<'a>> {
    let mut g = Borrows {
        _write: [None, None],
        _read: [None, None, None],
    };
    for (i, (slot, &o)) in g._write.iter_mut().zip(outs).enumerate() {
        if !outs[..i].iter().any(|p| p.shares_buffer(o)) {
            *slot = Some(o.buf.borrow_mut(routine)?);
        }
    }
    for (slot, &x) in g._read.iter_mut().zip(ins) {
        if !outs.iter().any(|o| o.shares_buffer(x)) {
            *slot = Some(x.buf.borrow_shared(routine)?);
        }
    }
    Ok(g)
}

// ---------------------------------------------------------------------------
// Level 1
// ---------------------------------------------------------------------------

/// `x := alpha·x` (`?scal`) on a 1-d array of any dtype. A real `x` takes
/// `alpha.re` and requires `alpha.im == 0` (use [`rscal`] for a real factor
/// on complex data; a complex factor on real data is an error, since the
/// result would not be real).
///
/// # Errors
/// [`Error::DimensionMismatch`] if `x` is not 1-d; [`Error::InvalidArgument`]
/// for a complex `alpha` on a real `x`; [`Error::ReadOnly`],
/// [`Error::OverlappingOutput`] (zero stride), [`Error::BorrowConflict`].
pub fn scal(alpha: Complex64, x: &mut NdArray) -> Result<()> {
    const R: &str = "scal";
    let x: &NdArray = x;
    operand("scal: x", x, 1, x.dtype())?;
    let _g = borrow(R, &[x], &[])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        let alpha = scalar::<T>(R, "alpha", alpha)?;
        // SAFETY: the buffer of x is mutably borrowed by `_g`.
        let mut xv = unsafe { x.view_mut_unchecked::<T, Ix1>(R)? };
        typed::scal(alpha, &mut xv)
    })
}

/// `x := alpha·x` with a real `alpha` (`csscal`/`zdscal` on complex data,
/// `?scal` on real data), any dtype.
///
/// # Errors
/// As [`scal`] (no scalar error).
pub fn rscal(alpha: f64, x: &mut NdArray) -> Result<()> {
    const R: &str = "rscal";
    let x: &NdArray = x;
    operand("rscal: x", x, 1, x.dtype())?;
    let _g = borrow(R, &[x], &[])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: as in `scal`.
        let mut xv = unsafe { x.view_mut_unchecked::<T, Ix1>(R)? };
        typed::rscal(real::<T>(alpha), &mut xv)
    })
}

/// `y := alpha·x + y` (`?axpy`); `x` and `y` 1-d of one length and dtype.
///
/// # Errors
/// [`Error::DimensionMismatch`], [`Error::DTypeMismatch`],
/// [`Error::ShapeMismatch`] for different lengths, the scalar error of
/// [`scal`], and the output errors of [`scal`] for `y`.
pub fn axpy(alpha: Complex64, x: &NdArray, y: &mut NdArray) -> Result<()> {
    const R: &str = "axpy";
    let y: &NdArray = y;
    operand("axpy: x", x, 1, x.dtype())?;
    operand("axpy: y", y, 1, x.dtype())?;
    let _g = borrow(R, &[y], &[x])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        let alpha = scalar::<T>(R, "alpha", alpha)?;
        // SAFETY: y's buffer is mutably borrowed by `_g`, x's is shared or
        // y's (then only read, and copied by `axpy` if it overlaps y).
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        // SAFETY: `_g` holds the mutable borrow of y's buffer, so no typed view of it
        // lives elsewhere; `xv` above is only read (copied first by `axpy` where it
        // overlaps y).
        let mut yv = unsafe { y.view_mut_unchecked::<T, Ix1>(R)? };
        typed::axpy(alpha, &xv, &mut yv)
    })
}

/// `Σ xᵢ yᵢ`, unconjugated (`?dot`, `?dotu`), widened to `Complex64`
/// (`im == 0` for real arrays; float32 results are computed in float32).
///
/// # Errors
/// [`Error::DimensionMismatch`], [`Error::DTypeMismatch`],
/// [`Error::ShapeMismatch`], [`Error::BorrowConflict`].
pub fn dot(x: &NdArray, y: &NdArray) -> Result<Complex64> {
    dot_impl("dot", ["dot: x", "dot: y"], false, x, y)
}

/// `Σ conj(xᵢ) yᵢ` (`?dotc`; the same as [`dot`] for real arrays).
///
/// # Errors
/// As [`dot`].
pub fn dotc(x: &NdArray, y: &NdArray) -> Result<Complex64> {
    dot_impl("dotc", ["dotc: x", "dotc: y"], true, x, y)
}

fn dot_impl(
    routine: &'static str,
    names: [&'static str; 2],
    conj: bool,
    x: &NdArray,
    y: &NdArray,
) -> Result<Complex64> {
    operand(names[0], x, 1, x.dtype())?;
    operand(names[1], y, 1, x.dtype())?;
    let _g = borrow(routine, &[], &[x, y])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: both buffers are borrowed shared by `_g`.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(routine)? };
        // SAFETY: as for `xv`: y's buffer is borrowed shared by `_g`.
        let yv = unsafe { y.view_unchecked::<T, Ix1>(routine)? };
        let v = if conj { typed::dotc(&xv, &yv)? } else { typed::dot(&xv, &yv)? };
        Ok(widen(v))
    })
}

/// Euclidean norm `sqrt(Σ |xᵢ|²)` of a 1-d array (`?nrm2`), as `f64`
/// (computed in the array's precision). 0 for an empty array.
///
/// # Errors
/// [`Error::DimensionMismatch`], [`Error::BorrowConflict`].
pub fn nrm2(x: &NdArray) -> Result<f64> {
    const R: &str = "nrm2";
    operand("nrm2: x", x, 1, x.dtype())?;
    let _g = borrow(R, &[], &[x])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: x's buffer is borrowed shared by `_g`.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        Ok(typed::nrm2(&xv)?.to_f64_real())
    })
}

/// `Σ (|re xᵢ| + |im xᵢ|)` (`?asum`: for complex data BLAS sums the parts'
/// magnitudes, not `|xᵢ|`), as `f64`. 0 for an empty array.
///
/// # Errors
/// As [`nrm2`].
pub fn asum(x: &NdArray) -> Result<f64> {
    const R: &str = "asum";
    operand("asum: x", x, 1, x.dtype())?;
    let _g = borrow(R, &[], &[x])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: as in `nrm2`.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        Ok(typed::asum(&xv)?.to_f64_real())
    })
}

/// 0-based index of the first element of largest `|re| + |im|`
/// (`i?amax`).
///
/// # Errors
/// [`Error::Empty`] for an empty array; as [`nrm2`].
pub fn iamax(x: &NdArray) -> Result<usize> {
    const R: &str = "iamax";
    operand("iamax: x", x, 1, x.dtype())?;
    let _g = borrow(R, &[], &[x])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: as in `nrm2`.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        typed::iamax(&xv)
    })
}

/// `y := x` (`?copy`); 1-d arrays of one length and dtype.
///
/// # Errors
/// As [`axpy`] (no scalar).
pub fn copy(x: &NdArray, y: &mut NdArray) -> Result<()> {
    const R: &str = "copy";
    let y: &NdArray = y;
    operand("copy: x", x, 1, x.dtype())?;
    operand("copy: y", y, 1, x.dtype())?;
    let _g = borrow(R, &[y], &[x])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: as in `axpy`.
        let xv = unsafe { x.view_unchecked::<T, Ix1>(R)? };
        // SAFETY: as for `yv` in `axpy`: y's buffer is mutably borrowed by `_g`,
        // and `xv` is only read (copied first by `copy` where it overlaps y).
        let mut yv = unsafe { y.view_mut_unchecked::<T, Ix1>(R)? };
        typed::copy(&xv, &mut yv)
    })
}

/// Exchanges the elements of `x` and `y` (`?swap`); 1-d arrays of one
/// length and dtype. They may be disjoint views of one buffer (two rows
/// of a matrix).
///
/// # Errors
/// As [`copy`] for both arrays, and [`Error::InvalidArgument`] if `x` and
/// `y` share an element.
pub fn swap(x: &mut NdArray, y: &mut NdArray) -> Result<()> {
    const R: &str = "swap";
    let (x, y): (&NdArray, &NdArray) = (x, y);
    operand("swap: x", x, 1, x.dtype())?;
    operand("swap: y", y, 1, x.dtype())?;
    let _g = borrow(R, &[x, y], &[])?;
    crate::dispatch_dtype!(x.dtype(), T => {
        // SAFETY: both buffers are mutably borrowed by `_g` (once if they
        // are one buffer); `swap` refuses views that share an element, so
        // no element is reached through both.
        let mut xv = unsafe { x.view_mut_unchecked::<T, Ix1>(R)? };
        // SAFETY: as for `xv` just above: mutably borrowed by `_g`, and no element
        // is shared with `xv`.
        let mut yv = unsafe { y.view_mut_unchecked::<T, Ix1>(R)? };
        typed::swap(&mut xv, &mut yv)
    })
}

// ---------------------------------------------------------------------------
// Level 2
// ---------------------------------------------------------------------------

/// `y := alpha·op(A)·x + beta·y` (`?gemv`). `A` is 2-d `m × n`; `x` has `n`
/// elements (`m` for `Trans`/`ConjTrans`), `y` the other count. `beta = 0`
/// overwrites `y` without reading it.
///
/// # Errors
/// [`Error::DimensionMismatch`], [`Error::DTypeMismatch`],
/// [`Error::ShapeMismatch`], scalar errors as in [`scal`], output errors
/// for `y` as in [`scal`].
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
/// As [`gemv`], and [`Error::NotSquare`].
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
/// [`Error::DimensionMismatch`], [`Error::DTypeMismatch`],
/// [`Error::NotSquare`], [`Error::ShapeMismatch`], output errors for `x`.
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

// ---------------------------------------------------------------------------
// Level 3
// ---------------------------------------------------------------------------

/// `C := alpha·op(A)·op(B) + beta·C` (`?gemm`). 2-d arrays: `op(A)` is
/// `m × k`, `op(B)` `k × n`, `C` `m × n`. `beta = 0` overwrites `C` without
/// reading it; `k = 0` gives `C := beta·C`.
///
/// # Errors
/// [`Error::DimensionMismatch`], [`Error::DTypeMismatch`],
/// [`Error::ShapeMismatch`], scalar errors as in [`scal`], output errors
/// for `C` ([`Error::ReadOnly`], [`Error::OverlappingOutput`],
/// [`Error::BorrowConflict`]), [`Error::DimensionTooLarge`].
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
/// As [`gemm`], and [`Error::NotSquare`].
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
/// As [`gemm`] with `B` the output, and [`Error::NotSquare`].
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
/// As [`gemm`], [`Error::NotSquare`] for `C`, [`Error::InvalidArgument`]
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
/// As [`herk`], and the scalar error of [`scal`] for `alpha`.
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
