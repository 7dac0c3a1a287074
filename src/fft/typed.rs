//! Complex FFTs on `ndarray` arrays and views of any layout and dimension:
//! the typed layer under the [`NdArray`](crate::NdArray) functions of
//! [`crate::fft`], as [`crate::blas`] is under [`crate::array::blas`].
//!
//! Each function takes `&ArrayRef<Complex<T>, D>` (owned arrays, views and
//! sub-views, C or Fortran order, strided, negative strides) for `T` =
//! `f32` or `f64`, and transforms along one `axis` with NumPy's `n` and
//! `norm`. [`fft`] and [`ifft`] return a new C-order array; [`fft_into`]
//! and [`ifft_into`] write into the caller's array of any layout;
//! [`fft_inplace`] and [`ifft_inplace`] transform an array where it lies.
//! The kernels and the plan cache are those of the dynamic functions, so
//! results agree bit for bit with [`crate::fft::fft`] on the same data.

use ndarray::{Array, ArrayRef, Dimension, IxDyn};
use num_complex::Complex;

use super::exec::{Kind, Step};
use super::plan::FftFloat;
use super::{Norm, bad_points, kernel, normalize_axis};
use crate::error::{Error, Result, Shape};
use crate::scalar::RealScalar;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The real types whose complex arrays the typed FFT transforms: `f32`
/// (`Complex32` data) and `f64` (`Complex64` data). Sealed.
pub trait FftReal: RealScalar + sealed::Sealed {
    /// Transforms every line along `axis` of `input` (cropped or padded to
    /// `out`'s length there) into `out`, scaled by `scale`.
    #[doc(hidden)]
    fn c2c(
        routine: &'static str,
        input: ndarray::ArrayView<'_, Complex<Self>, IxDyn>,
        out: ndarray::ArrayViewMut<'_, Complex<Self>, IxDyn>,
        axis: usize,
        inverse: bool,
        scale: Option<f64>,
    ) -> Result<()>;
    /// Transforms every line along `axis` of `data` in place.
    #[doc(hidden)]
    fn c2c_inplace(
        routine: &'static str,
        data: ndarray::ArrayViewMut<'_, Complex<Self>, IxDyn>,
        axis: usize,
        inverse: bool,
        scale: Option<f64>,
    ) -> Result<()>;
}

macro_rules! impl_fft_real {
    ($t:ty) => {
        impl FftReal for $t {
            fn c2c(
                routine: &'static str,
                input: ndarray::ArrayView<'_, Complex<$t>, IxDyn>,
                out: ndarray::ArrayViewMut<'_, Complex<$t>, IxDyn>,
                axis: usize,
                inverse: bool,
                scale: Option<f64>,
            ) -> Result<()> {
                kernel::c2c(routine, input, out, axis, inverse, scale.map(<$t>::of))
            }
            fn c2c_inplace(
                routine: &'static str,
                data: ndarray::ArrayViewMut<'_, Complex<$t>, IxDyn>,
                axis: usize,
                inverse: bool,
                scale: Option<f64>,
            ) -> Result<()> {
                kernel::c2c_inplace(routine, data, axis, inverse, scale.map(<$t>::of))
            }
        }
    };
}

impl_fft_real!(f32);
impl_fft_real!(f64);

/// The axis and step of a 1-D complex transform of `shape`.
fn step(
    routine: &'static str,
    shape: &[usize],
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    inverse: bool,
) -> Result<Step> {
    let ax = normalize_axis(routine, axis, shape.len())?;
    let n = n.unwrap_or(shape[ax]);
    if n == 0 {
        return Err(bad_points(routine, n));
    }
    Ok(Step::new(ax, n, Kind::C2C { inverse }, norm, inverse))
}

/// Error unless an array of `shape` fits the address space (NumPy's rule:
/// the product of the non-zero lengths, in bytes, fits `isize`).
fn check_size<T>(routine: &'static str, shape: &[usize]) -> Result<()> {
    let itemsize = std::mem::size_of::<T>();
    let bytes = shape
        .iter()
        .filter(|&&n| n != 0)
        .try_fold(itemsize, |acc, &n| acc.checked_mul(n));
    match bytes {
        Some(b) if b <= isize::MAX as usize => Ok(()),
        _ => Err(Error::SizeOverflow {
            routine,
            shape: Shape(shape.to_vec()),
            itemsize,
        }),
    }
}

fn transform<T: FftReal, D: Dimension>(
    routine: &'static str,
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    inverse: bool,
) -> Result<Array<Complex<T>, D>> {
    let st = step(routine, a.shape(), n, axis, norm, inverse)?;
    let mut dim = a.raw_dim();
    dim.slice_mut()[st.axis] = st.n;
    check_size::<Complex<T>>(routine, dim.slice())?;
    let mut out: Array<Complex<T>, D> = crate::alloc::try_zeros(routine, dim)?;
    T::c2c(
        routine,
        a.view().into_dyn(),
        out.view_mut().into_dyn(),
        st.axis,
        inverse,
        st.scale,
    )?;
    Ok(out)
}

fn transform_into<T: FftReal, D: Dimension>(
    routine: &'static str,
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayRef<Complex<T>, D>,
    inverse: bool,
) -> Result<()> {
    let st = step(routine, a.shape(), n, axis, norm, inverse)?;
    let mut expected = a.shape().to_vec();
    expected[st.axis] = st.n;
    if out.shape() != expected.as_slice() {
        return Err(Error::OutputShape {
            routine,
            out: Shape(out.shape().to_vec()),
            expected: Shape(expected),
        });
    }
    T::c2c(
        routine,
        a.view().into_dyn(),
        out.view_mut().into_dyn(),
        st.axis,
        inverse,
        st.scale,
    )?;
    Ok(())
}

/// The 1-D discrete Fourier transform along `axis` (NumPy's `fft.fft`):
/// `y[k] = Σⱼ x[j]·exp(−2πi·jk/n)`, scaled as `norm` says.
///
/// `n` (default: the axis length) crops or zero-pads the input along
/// `axis`, which may be negative (counted from the end); the result has
/// length `n` there and `a`'s lengths elsewhere. `a` may have any layout
/// and is not modified; the result is a new C-order array.
///
/// # Errors
/// [`Error::AxisOutOfRange`]; [`Error::InvalidArgument`] for `n == 0` (or
/// an empty axis with no `n`); [`Error::SizeOverflow`] when the result
/// would not fit the address space (running out of memory aborts, as for
/// any `ndarray` allocation).
pub fn fft<T: FftReal, D: Dimension>(
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<T>, D>> {
    transform("fft", a, n, axis, norm, false)
}

/// The inverse of [`fft`] (NumPy's `fft.ifft`):
/// `x[j] = Σₖ y[k]·exp(+2πi·jk/n)`, scaled by `1/n` for [`Norm::Backward`].
/// Arguments, layout and errors as [`fft`].
pub fn ifft<T: FftReal, D: Dimension>(
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<T>, D>> {
    transform("ifft", a, n, axis, norm, true)
}

/// [`fft`] into the caller's `out`, which must have the result's shape
/// (`a`'s, with `n` along `axis`) and may have any layout. Lines of `out`
/// that are contiguous are transformed where they lie; others go through a
/// per-thread buffer.
///
/// # Errors
/// As [`fft`]; [`Error::OutputShape`] for `out`'s shape. Nothing is
/// written on error.
pub fn fft_into<T: FftReal, D: Dimension>(
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayRef<Complex<T>, D>,
) -> Result<()> {
    transform_into("fft_into", a, n, axis, norm, out, false)
}

/// [`ifft`] into `out`, as [`fft_into`].
pub fn ifft_into<T: FftReal, D: Dimension>(
    a: &ArrayRef<Complex<T>, D>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut ArrayRef<Complex<T>, D>,
) -> Result<()> {
    transform_into("ifft_into", a, n, axis, norm, out, true)
}

fn inplace<T: FftReal, D: Dimension>(
    routine: &'static str,
    a: &mut ArrayRef<Complex<T>, D>,
    axis: isize,
    norm: Norm,
    inverse: bool,
) -> Result<()> {
    let ax = normalize_axis(routine, axis, a.ndim())?;
    let n = a.shape()[ax];
    if a.is_empty() {
        return Ok(());
    }
    let st = Step::new(ax, n, Kind::C2C { inverse }, norm, inverse);
    T::c2c_inplace(routine, a.view_mut().into_dyn(), ax, inverse, st.scale)?;
    Ok(())
}

/// [`fft`] of `a` in place along `axis` (the length is kept: no `n`).
/// Any layout; contiguous lines are transformed where they lie, others
/// through a per-thread buffer. An empty `a` is left as it is.
///
/// # Errors
/// [`Error::AxisOutOfRange`].
pub fn fft_inplace<T: FftReal, D: Dimension>(
    a: &mut ArrayRef<Complex<T>, D>,
    axis: isize,
    norm: Norm,
) -> Result<()> {
    inplace("fft_inplace", a, axis, norm, false)
}

/// [`ifft`] in place, as [`fft_inplace`].
pub fn ifft_inplace<T: FftReal, D: Dimension>(
    a: &mut ArrayRef<Complex<T>, D>,
    axis: isize,
    norm: Norm,
) -> Result<()> {
    inplace("ifft_inplace", a, axis, norm, true)
}
