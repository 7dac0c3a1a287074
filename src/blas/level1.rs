//! BLAS level 1: vector–vector operations.
//!
//! Vectors of any stride go to BLAS without a copy, negative strides
//! included, except: a zero-stride (broadcast) input is copied once; an
//! input overlapping the output is copied first (so the result is as if
//! the inputs were read before the output was written); [`iamax`] copies a
//! negative-stride input so that ties resolve to the first index, as in
//! NumPy's `argmax`.

use crate::sys::BlasInt;
use ndarray::ArrayRef1;

use super::expect_shape;
use crate::error::{Error, Result};
use crate::layout::{VecIn, blas_int, byte_range, ranges_overlap, vec_arg, vec_copy, vec_out};
use crate::scalar::Scalar;

fn same_len<T>(routine: &'static str, x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Result<BlasInt> {
    expect_shape(routine, "y", y.shape(), x.shape())?;
    blas_int(routine, "n", x.len())
}

/// `Σ xᵢ yᵢ`, the unconjugated dot product (`?dot`, `?dotu`).
///
/// # Errors
/// `ShapeMismatch` if the lengths differ; `DimensionTooLarge` past `BlasInt::MAX`.
pub fn dot<T: Scalar>(x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Result<T> {
    let _profile = crate::profile::scope("dot");
    let n = same_len("dot", x, y)?;
    if n == 0 {
        return Ok(T::zero());
    }
    let (xi, yi) = if T::IS_COMPLEX {
        (
            VecIn::for_overreading_kernel("dot", x, None)?,
            VecIn::for_overreading_kernel("dot", y, None)?,
        )
    } else {
        (VecIn::new("dot", x, None)?, VecIn::new("dot", y, None)?)
    };
    let (px, incx) = xi.arg("dot")?;
    let (py, incy) = yi.arg("dot")?;
    // SAFETY: n elements at stride inc from the BLAS base pointers lie in the views.
    Ok(unsafe { T::dotu(n, px, incx, py, incy) })
}

/// `Σ conj(xᵢ) yᵢ`, the conjugated dot product (`?dotc`; `?dot` for real types).
///
/// # Errors
/// As [`dot`].
pub fn dotc<T: Scalar>(x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Result<T> {
    let _profile = crate::profile::scope("dotc");
    dotc_impl("dotc", x, y)
}

/// NumPy's name for [`dotc`]: `Σ conj(xᵢ) yᵢ`.
///
/// # Errors
/// As [`dot`] (naming `vdot`).
pub fn vdot<T: Scalar>(x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Result<T> {
    let _profile = crate::profile::scope("vdot");
    dotc_impl("vdot", x, y)
}

fn dotc_impl<T: Scalar>(routine: &'static str, x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Result<T> {
    let n = same_len(routine, x, y)?;
    if n == 0 {
        return Ok(T::zero());
    }
    let (xi, yi) = if T::IS_COMPLEX {
        (
            VecIn::for_overreading_kernel(routine, x, None)?,
            VecIn::for_overreading_kernel(routine, y, None)?,
        )
    } else {
        (VecIn::new(routine, x, None)?, VecIn::new(routine, y, None)?)
    };
    let (px, incx) = xi.arg(routine)?;
    let (py, incy) = yi.arg(routine)?;
    // SAFETY: as in `dot`.
    Ok(unsafe { T::dotc(n, px, incx, py, incy) })
}

/// `y := alpha·x + y` (`?axpy`).
///
/// # Errors
/// `ShapeMismatch` if the lengths differ; `OverlappingOutput` if `y` has a
/// zero stride. `x` overlapping `y` is copied first.
pub fn axpy<T: Scalar>(alpha: T, x: &ArrayRef1<T>, y: &mut ArrayRef1<T>) -> Result<()> {
    let _profile = crate::profile::scope("axpy");
    let n = same_len("axpy", x, y)?;
    let (py, incy) = vec_out("axpy", "y", y)?;
    if n == 0 {
        return Ok(());
    }
    let xi = VecIn::new("axpy", x, byte_range(y))?;
    let (px, incx) = xi.arg("axpy")?;
    // SAFETY: as in `dot`; y is exclusively borrowed and x does not overlap it.
    unsafe { T::axpy(n, alpha, px, incx, py, incy) };
    Ok(())
}

/// `x := alpha·x` (`?scal`).
///
/// # Errors
/// `OverlappingOutput` if `x` has a zero stride.
pub fn scal<T: Scalar>(alpha: T, x: &mut ArrayRef1<T>) -> Result<()> {
    let _profile = crate::profile::scope("scal");
    let n = blas_int("scal", "n", x.len())?;
    let (px, incx) = vec_out("scal", "x", x)?;
    // The reference BLAS ignores a negative increment here; the order of an
    // elementwise scaling does not matter, so pass the magnitude.
    // SAFETY: the n elements of x, from its lowest address at stride |inc|.
    unsafe { T::scal(n, alpha, px, incx.abs()) };
    Ok(())
}

/// `x := alpha·x` with a real `alpha` (`csscal`/`zdscal` on complex data;
/// `?scal` on real data).
///
/// # Errors
/// As [`scal`].
pub fn rscal<T: Scalar>(alpha: T::Real, x: &mut ArrayRef1<T>) -> Result<()> {
    let _profile = crate::profile::scope("rscal");
    let n = blas_int("rscal", "n", x.len())?;
    let (px, incx) = vec_out("rscal", "x", x)?;
    // SAFETY: as in `scal`.
    unsafe { T::rscal(n, T::from_real(alpha), px, incx.abs()) };
    Ok(())
}

/// Euclidean norm `sqrt(Σ |xᵢ|²)`, scaled by the backend against overflow (`?nrm2`).
///
/// # Errors
/// `DimensionTooLarge` past `BlasInt::MAX`.
pub fn nrm2<T: Scalar>(x: &ArrayRef1<T>) -> Result<T::Real> {
    let _profile = crate::profile::scope("nrm2");
    let n = blas_int("nrm2", "n", x.len())?;
    if n == 0 {
        return Ok(T::zero().re());
    }
    let xi = VecIn::new("nrm2", x, None)?;
    let (px, incx) = xi.arg("nrm2")?;
    // SAFETY: as in `scal` (order does not matter for a norm).
    Ok(unsafe { T::nrm2(n, px, incx.abs()) }.re())
}

/// `Σ (|re xᵢ| + |im xᵢ|)` (`?asum`; BLAS's sum for complex data is of the
/// parts' magnitudes, not of `|xᵢ|`).
///
/// # Errors
/// `DimensionTooLarge` past `BlasInt::MAX`.
pub fn asum<T: Scalar>(x: &ArrayRef1<T>) -> Result<T::Real> {
    let _profile = crate::profile::scope("asum");
    let n = blas_int("asum", "n", x.len())?;
    if n == 0 {
        return Ok(T::zero().re());
    }
    let xi = VecIn::new("asum", x, None)?;
    let (px, incx) = xi.arg("asum")?;
    // SAFETY: as in `nrm2`.
    Ok(unsafe { T::asum(n, px, incx.abs()) }.re())
}

/// Index of the first element of largest `|re| + |im|` (`i?amax`, 0-based).
/// NaN handling is the backend's.
///
/// A negative-stride `x` is copied (BLAS would scan it from the other end
/// and break ties the other way).
///
/// # Errors
/// `Empty` if `x` has no element.
pub fn iamax<T: Scalar>(x: &ArrayRef1<T>) -> Result<usize> {
    let _profile = crate::profile::scope("iamax");
    let n = blas_int("iamax", "n", x.len())?;
    if n == 0 {
        return Err(Error::Empty {
            routine: "iamax",
            what: "x",
        });
    }
    let owned;
    let xv: &ArrayRef1<T> = if x.len() > 1 && x.strides()[0] <= 0 {
        owned = vec_copy("iamax", x)?;
        &owned
    } else {
        x
    };
    let (px, incx) = vec_arg("iamax", xv)?;
    // Netlib's i?amax loops `DO I = 2, N`, whose counter overflows when
    // N is the largest BLAS integer: it faults there (a plain C call of
    // Debian's reference `cblas_isamax` with n = 2³¹ − 1 does too; 2³¹ − 2
    // is fine). At that one length, BLAS scans all but the last element and
    // lapis compares the last itself (ties keep the first, as BLAS).
    let scanned = if n == BlasInt::MAX { n - 1 } else { n };
    // SAFETY: as in `dot`; the increment is positive and `scanned` ≤ n.
    let i = unsafe { T::iamax(scanned, px, incx) };
    let mut i = usize::try_from(i).unwrap_or(0).min(x.len() - 1);
    if scanned < n {
        let last = x.len() - 1;
        if xv[last].abs1() > xv[i].abs1() {
            i = last;
        }
    }
    Ok(i)
}

/// `y := x` (`?copy`).
///
/// # Errors
/// `ShapeMismatch` if the lengths differ; `OverlappingOutput` if `y` has a
/// zero stride.
pub fn copy<T: Scalar>(x: &ArrayRef1<T>, y: &mut ArrayRef1<T>) -> Result<()> {
    let _profile = crate::profile::scope("copy");
    let n = same_len("copy", x, y)?;
    let (py, incy) = vec_out("copy", "y", y)?;
    if n == 0 {
        return Ok(());
    }
    let xi = VecIn::new("copy", x, byte_range(y))?;
    let (px, incx) = xi.arg("copy")?;
    // SAFETY: as in `axpy`.
    unsafe { T::copy(n, px, incx, py, incy) };
    Ok(())
}

/// Whether two vectors of equal length share an element in memory. Exact
/// (not just "the byte ranges intersect"), so that disjoint interleaved
/// views, such as the even and odd elements of one array from
/// `multi_slice_mut`, are accepted: an O(n) scan of x's elements against
/// y's arithmetic progression.
fn share_element<T>(x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> bool {
    if !ranges_overlap(byte_range(x), byte_range(y)) {
        return false;
    }
    let size = std::mem::size_of::<T>().max(1) as isize;
    let delta = x.as_ptr() as isize - y.as_ptr() as isize;
    if delta % size != 0 {
        // Elements straddle each other (only via a cast): they overlap.
        return true;
    }
    let delta = delta / size;
    let n = y.len() as isize;
    let sx = if x.len() > 1 { x.strides()[0] } else { 0 };
    let sy = if y.len() > 1 { y.strides()[0] } else { 1 };
    // x[i] is y's index (delta + i·sx) / sy when that is a whole number in range.
    (0..x.len() as isize).any(|i| {
        let off = delta + i * sx;
        sy != 0 && off % sy == 0 && (0..n).contains(&(off / sy))
    })
}

/// A BLAS pointer and increment for a vector output.
type VecOut<T> = (*mut T, BlasInt);

fn two_outputs<T: Scalar>(
    routine: &'static str,
    x: &mut ArrayRef1<T>,
    y: &mut ArrayRef1<T>,
) -> Result<(BlasInt, VecOut<T>, VecOut<T>)> {
    let n = same_len(routine, x, y)?;
    let xa = vec_out(routine, "x", x)?;
    let ya = vec_out(routine, "y", y)?;
    if share_element(x, y) {
        return Err(Error::InvalidArgument {
            routine,
            what: "x, y",
            reason: "the two vectors overlap in memory".into(),
        });
    }
    Ok((n, xa, ya))
}

/// Exchanges `x` and `y` (`?swap`).
///
/// # Errors
/// `ShapeMismatch` if the lengths differ; `OverlappingOutput` for a zero
/// stride; `InvalidArgument` if `x` and `y` share an element (disjoint
/// interleaved views of one array are fine).
pub fn swap<T: Scalar>(x: &mut ArrayRef1<T>, y: &mut ArrayRef1<T>) -> Result<()> {
    let _profile = crate::profile::scope("swap");
    let (n, (px, incx), (py, incy)) = two_outputs("swap", x, y)?;
    if n > 0 {
        // SAFETY: disjoint exclusive views, n elements each.
        unsafe { T::swap(n, px, incx, py, incy) };
    }
    Ok(())
}

/// Plane rotation `[x; y] := [c s; -s c] [x; y]` with real `c`, `s`
/// (`?rot`; on complex data, `csrot`/`zdrot`, done as two real rotations of
/// the real and imaginary parts).
///
/// # Errors
/// As [`swap`].
pub fn rot<T: Scalar>(
    x: &mut ArrayRef1<T>,
    y: &mut ArrayRef1<T>,
    c: T::Real,
    s: T::Real,
) -> Result<()> {
    let _profile = crate::profile::scope("rot");
    let (n, (px, incx), (py, incy)) = two_outputs("rot", x, y)?;
    if n > 0 {
        if T::IS_COMPLEX {
            // Two real rotations at twice the increment: that span must fit too.
            for inc in [incx, incy] {
                let span = 2 * (n as isize - 1).max(1) * (inc as isize).abs();
                crate::layout::blas_int_signed("rot", "increment", span)?;
            }
        }
        // SAFETY: as in `swap`.
        unsafe { T::rot(n, px, incx, py, incy, T::from_real(c), T::from_real(s)) };
    }
    Ok(())
}
