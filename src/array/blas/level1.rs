//! Level-1 BLAS on [`NdArray`]s (vectors): scal, rscal, axpy, dot, dotc, nrm2, asum, iamax, copy, swap.
//! The conventions are the module's: see [`crate::array::blas`].

use ndarray::Ix1;
use num_complex::Complex64;

use super::{borrow, operand, real, scalar, widen};
use crate::array::NdArray;
use crate::blas::{self as typed};
use crate::error::Result;
use crate::scalar::RealScalar;

/// `x := alpha·x` (`?scal`) on a 1-d array of any dtype. A real `x` takes
/// `alpha.re` and requires `alpha.im == 0` (use [`rscal`] for a real factor
/// on complex data; a complex factor on real data is an error, since the
/// result would not be real).
///
/// # Errors
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch) if `x` is not 1-d; [`Error::InvalidArgument`](crate::Error::InvalidArgument)
/// for a complex `alpha` on a real `x`; [`Error::ReadOnly`](crate::Error::ReadOnly),
/// [`Error::OverlappingOutput`](crate::Error::OverlappingOutput) (zero stride), [`Error::BorrowConflict`](crate::Error::BorrowConflict).
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
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::DTypeMismatch`](crate::Error::DTypeMismatch),
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) for different lengths, the scalar error of
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
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::DTypeMismatch`](crate::Error::DTypeMismatch),
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch), [`Error::BorrowConflict`](crate::Error::BorrowConflict).
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
/// [`Error::DimensionMismatch`](crate::Error::DimensionMismatch), [`Error::BorrowConflict`](crate::Error::BorrowConflict).
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
/// [`Error::Empty`](crate::Error::Empty) for an empty array; as [`nrm2`].
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
/// As [`copy`] for both arrays, and [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `x` and
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
