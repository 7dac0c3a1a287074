//! Frequency helpers: sample frequencies ([`fftfreq`], [`rfftfreq`]) and
//! the zero-frequency shift ([`fftshift`], [`ifftshift`]).

use ndarray::{ArrayD, ArrayView, ArrayViewMut, Axis, IxDyn};

use crate::array::NdArray;
use crate::array::create::from_f64_iter;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

fn check_nd(routine: &'static str, n: usize, d: f64) -> Result<f64> {
    if n == 0 {
        return Err(Error::InvalidArgument {
            routine,
            what: "n",
            reason: "n must be at least 1".into(),
        });
    }
    let val = 1.0 / (n as f64 * d);
    if !val.is_finite() {
        return Err(Error::InvalidArgument {
            routine,
            what: "d",
            reason: format!("sample spacing {d} gives no finite frequency"),
        });
    }
    Ok(val)
}

/// The sample frequencies of an [`fft`](super::fft) of length `n` with
/// sample spacing `d` (NumPy's `fft.fftfreq`): `[0, 1, …, ⌈n/2⌉−1, −⌊n/2⌋,
/// …, −1] / (n·d)`, as a new `float64` array of length `n`.
///
/// # Errors
/// [`Error::InvalidArgument`] for `n == 0` or a spacing `d` that makes
/// `1/(n·d)` infinite or NaN (`d == 0`).
pub fn fftfreq(n: usize, d: f64) -> Result<NdArray> {
    let val = check_nd("fftfreq", n, d)?;
    let half = (n - 1) / 2 + 1;
    let v = (0..n).map(move |k| {
        let j = if k < half {
            k as f64
        } else {
            k as f64 - n as f64
        };
        j * val
    });
    from_f64_iter("fftfreq", n, DType::F64, v)
}

/// The sample frequencies of an [`rfft`](super::rfft) of length `n`
/// (NumPy's `fft.rfftfreq`): `[0, 1, …, ⌊n/2⌋] / (n·d)`, a new `float64`
/// array of length `n/2 + 1`. Errors as [`fftfreq`].
pub fn rfftfreq(n: usize, d: f64) -> Result<NdArray> {
    let val = check_nd("rfftfreq", n, d)?;
    let v = (0..n / 2 + 1).map(move |k| k as f64 * val);
    from_f64_iter("rfftfreq", n / 2 + 1, DType::F64, v)
}

/// The axes of a shift (default all), normalized and checked.
fn shift_axes(routine: &'static str, a: &NdArray, axes: Option<&[isize]>) -> Result<Vec<usize>> {
    let nd = a.ndim();
    let axes: Vec<usize> = match axes {
        None => (0..nd).collect(),
        Some(ax) => ax
            .iter()
            .map(|&x| super::normalize_axis(routine, x, nd))
            .collect::<Result<_>>()?,
    };
    for (i, &x) in axes.iter().enumerate() {
        if axes[..i].contains(&x) {
            return Err(Error::RepeatedAxis {
                routine,
                axis: x as isize,
            });
        }
    }
    Ok(axes)
}

/// `src` rolled by `shift(len)` along each of `axes` (NumPy's `roll`), in
/// one new C-order array: each element is copied once.
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory` for the result.
fn roll<T: Scalar>(
    routine: &'static str,
    src: ArrayView<'_, T, IxDyn>,
    axes: &[usize],
    shift: impl Fn(usize) -> usize + Copy,
) -> Result<ArrayD<T>> {
    let mut out: ArrayD<T> = crate::alloc::try_zeros(routine, src.raw_dim())?;
    roll_into(out.view_mut(), src, axes, shift);
    Ok(out)
}

/// `dst = src` rolled along `axes`: along the first axis with a non-zero
/// shift `k`, `dst[k..] = src[..n-k]` and `dst[..k] = src[n-k..]`, each
/// part rolled along the remaining axes.
fn roll_into<T: Scalar>(
    mut dst: ArrayViewMut<'_, T, IxDyn>,
    src: ArrayView<'_, T, IxDyn>,
    axes: &[usize],
    shift: impl Fn(usize) -> usize + Copy,
) {
    let Some((&ax, rest)) = axes.split_first() else {
        dst.assign(&src);
        return;
    };
    let n = src.shape()[ax];
    let k = if n == 0 { 0 } else { shift(n) % n };
    if k == 0 {
        return roll_into(dst, src, rest, shift);
    }
    let (d_front, d_back) = dst.split_at(Axis(ax), k);
    let (s_front, s_back) = src.split_at(Axis(ax), n - k);
    roll_into(d_back, s_front, rest, shift);
    roll_into(d_front, s_back, rest, shift);
}

fn shift_impl(
    routine: &'static str,
    a: &NdArray,
    axes: Option<&[isize]>,
    shift: fn(usize) -> usize,
) -> Result<NdArray> {
    let axes = shift_axes(routine, a, axes)?;
    crate::dispatch_dtype!(a.dtype(), T => {
        let rolled = {
            let v = a.view::<T>()?;
            roll(routine, v.view(), &axes, shift)?
        };
        crate::array::from_ndarray(rolled)
    })
}

/// Moves the zero-frequency term to the centre (NumPy's `fft.fftshift`):
/// rolls each of `axes` (default all) by `⌊len/2⌋`. Any dtype and layout;
/// a new C-order array.
///
/// # Errors
/// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`],
/// [`Error::BorrowConflict`].
pub fn fftshift(a: &NdArray, axes: Option<&[isize]>) -> Result<NdArray> {
    shift_impl("fftshift", a, axes, |n| n / 2)
}

/// The inverse of [`fftshift`] (NumPy's `fft.ifftshift`): rolls by
/// `−⌊len/2⌋`. Errors as [`fftshift`].
pub fn ifftshift(a: &NdArray, axes: Option<&[isize]>) -> Result<NdArray> {
    shift_impl("ifftshift", a, axes, |n| n - n / 2)
}
