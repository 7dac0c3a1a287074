//! Creation functions with NumPy's names and definitions: `zeros`, `ones`,
//! `empty`, `full`, `eye`, `identity`, `arange`, `linspace`, `logspace`,
//! `geomspace`, the `*_like` variants, and arrays from Rust data (`Vec`,
//! slice, `ndarray` array).
//!
//! New arrays are C-order unless said otherwise, own their buffer, and are
//! aligned for their dtype. `zeros` makes exactly one allocation of
//! `size · itemsize` bytes through the global allocator's `alloc_zeroed`
//! (calloc under the system allocator), plus the small shared header of
//! the buffer (one `Arc`).

use std::sync::Arc;

use ndarray::{Array, Dimension};
use num_complex::Complex64;

use super::buffer::Buffer;
use super::dynarray::{NdArray, checked_size};
use super::{MAX_DIMS, MemOrder};
use crate::dtype::DType;
use crate::error::{Error, Result, Shape};
use crate::scalar::{RealScalar, Scalar};

/// Fills every element of a new, contiguous (in some order) array.
fn fill_all(a: &mut NdArray, value: Complex64) {
    let n = a.size();
    if n == 0 {
        return;
    }
    crate::dispatch_dtype!(a.dtype, T => {
        let v = T::from_parts(
            <<T as Scalar>::Real as RealScalar>::from_f64_real(value.re),
            <<T as Scalar>::Real as RealScalar>::from_f64_real(value.im),
        );
        // SAFETY: a new array's buffer holds exactly `n` elements from `ptr`
        // (its strides are a permutation of contiguous ones), and no other
        // array sees it yet.
        unsafe { std::slice::from_raw_parts_mut(a.ptr as *mut T, n) }.fill(v);
    });
}

/// A new array of `shape` and `dtype` filled with zeros, C order: one
/// `alloc_zeroed` of `size · itemsize` bytes.
///
/// # Errors
/// More than [`MAX_DIMS`] axes, [`Error::SizeOverflow`], allocation failure.
pub fn zeros(shape: &[usize], dtype: DType) -> Result<NdArray> {
    NdArray::alloc("zeros", dtype, shape, MemOrder::C, true)
}

/// As [`zeros`], in C or F order (A and K are taken as C).
///
/// # Errors
/// As [`zeros`].
pub fn zeros_order(shape: &[usize], dtype: DType, order: MemOrder) -> Result<NdArray> {
    NdArray::alloc("zeros", dtype, shape, order, true)
}

/// A new array whose values are unspecified (NumPy's `empty`). lapis
/// zeroes it anyway (reading uninitialized memory would be undefined
/// behaviour in Rust); with calloc that costs nothing for large arrays.
///
/// # Errors
/// As [`zeros`].
pub fn empty(shape: &[usize], dtype: DType) -> Result<NdArray> {
    NdArray::alloc("empty", dtype, shape, MemOrder::C, true)
}

/// A new array of ones, C order.
///
/// # Errors
/// As [`zeros`].
pub fn ones(shape: &[usize], dtype: DType) -> Result<NdArray> {
    full_as(shape, Complex64::new(1.0, 0.0), dtype)
}

/// A new array filled with `value`, of `value`'s dtype, C order.
///
/// # Errors
/// As [`zeros`].
pub fn full<T: Scalar>(shape: &[usize], value: T) -> Result<NdArray> {
    let v = Complex64::new(value.re().to_f64_real(), value.im().to_f64_real());
    full_as(shape, v, T::DTYPE)
}

/// A new array of `dtype` filled with `value` (converted; a real dtype
/// needs a value with zero imaginary part).
///
/// # Errors
/// [`Error::Cast`] for a non-zero imaginary part and a real dtype (NumPy
/// would warn and drop it); as [`zeros`].
pub fn full_as(shape: &[usize], value: Complex64, dtype: DType) -> Result<NdArray> {
    if value.im != 0.0 && !dtype.is_complex() {
        return Err(Error::Cast {
            routine: "full",
            from: DType::C128,
            to: dtype,
            casting: Casting::SameKind.name(),
        });
    }
    let mut a = NdArray::alloc("full", dtype, shape, MemOrder::C, false)?;
    fill_all(&mut a, value);
    Ok(a)
}

use super::convert::Casting;

/// A new array shaped like `proto` (dtype `proto`'s unless given), laid out
/// like it (NumPy's default order K), zeroed, filled or not.
fn like(
    routine: &'static str,
    proto: &NdArray,
    dtype: Option<DType>,
    value: Option<Complex64>,
) -> Result<NdArray> {
    let dtype = dtype.unwrap_or(proto.dtype);
    if let Some(v) = value
        && v.im != 0.0
        && !dtype.is_complex()
    {
        return Err(Error::Cast {
            routine,
            from: DType::C128,
            to: dtype,
            casting: Casting::SameKind.name(),
        });
    }
    let strides = proto.order_strides(MemOrder::K, dtype.itemsize());
    let mut a = NdArray::alloc_strided(
        routine,
        dtype,
        proto.shape(),
        &strides[..proto.ndim],
        value.is_none(),
    )?;
    if let Some(v) = value {
        fill_all(&mut a, v);
    }
    Ok(a)
}

/// Zeros of `proto`'s shape, of `dtype` (or `proto`'s), in `proto`'s
/// memory order (NumPy's `zeros_like`, order K). Never a view.
///
/// # Errors
/// As [`zeros`].
pub fn zeros_like(proto: &NdArray, dtype: Option<DType>) -> Result<NdArray> {
    like("zeros_like", proto, dtype, None)
}

/// As [`zeros_like`] (the contents of NumPy's `empty_like` are
/// unspecified; here they are zero).
///
/// # Errors
/// As [`zeros`].
pub fn empty_like(proto: &NdArray, dtype: Option<DType>) -> Result<NdArray> {
    like("empty_like", proto, dtype, None)
}

/// Ones shaped and laid out like `proto`.
///
/// # Errors
/// As [`zeros`].
pub fn ones_like(proto: &NdArray, dtype: Option<DType>) -> Result<NdArray> {
    like("ones_like", proto, dtype, Some(Complex64::new(1.0, 0.0)))
}

/// `value` shaped and laid out like `proto`, of `dtype` or `proto`'s.
///
/// # Errors
/// As [`full_as`].
pub fn full_like(proto: &NdArray, value: Complex64, dtype: Option<DType>) -> Result<NdArray> {
    like("full_like", proto, dtype, Some(value))
}

/// The `n × m` matrix (`m` defaults to `n`) with ones on diagonal `k` (0
/// the main diagonal, positive above, negative below) and zeros elsewhere
/// (NumPy's `eye`).
///
/// # Errors
/// As [`zeros`].
pub fn eye(n: usize, m: Option<usize>, k: isize, dtype: DType) -> Result<NdArray> {
    let m = m.unwrap_or(n);
    let a = NdArray::alloc("eye", dtype, &[n, m], MemOrder::C, true)?;
    let (rows, cols) = (n as i128, m as i128);
    let k = k as i128;
    let (i0, j0) = if k >= 0 { (0, k) } else { (-k, 0) };
    let len = (rows - i0).min(cols - j0).max(0) as usize;
    crate::dispatch_dtype!(dtype, T => {
        let p = a.ptr as *mut T;
        for d in 0..len {
            let (i, j) = (i0 as usize + d, j0 as usize + d);
            // SAFETY: (i, j) is inside the new n × m C-order buffer.
            unsafe { p.add(i * m + j).write(<T as num_traits::One>::one()) };
        }
    });
    Ok(a)
}

/// The `n × n` identity matrix (NumPy's `identity`).
///
/// # Errors
/// As [`zeros`].
pub fn identity(n: usize, dtype: DType) -> Result<NdArray> {
    eye(n, None, 0, dtype)
}

/// Evenly spaced values in the half-open interval `[start, stop)` with
/// step `step` (NumPy's `arange`): `ceil((stop - start) / step)` elements
/// (none if that is ≤ 0), computed as NumPy does: the first two values
/// `start` and `start + step`, then `start + i·delta` in the dtype with
/// `delta` their difference.
///
/// # Errors
/// `step == 0` or non-finite arguments ([`Error::InvalidArgument`]); a
/// length that overflows ([`Error::SizeOverflow`]).
pub fn arange(start: f64, stop: f64, step: f64, dtype: DType) -> Result<NdArray> {
    const R: &str = "arange";
    if step == 0.0 {
        return Err(Error::InvalidArgument {
            routine: R,
            what: "step",
            reason: "step must not be zero (division by zero)".into(),
        });
    }
    let len = ((stop - start) / step).ceil();
    if !len.is_finite() {
        return Err(Error::InvalidArgument {
            routine: R,
            what: "start, stop, step",
            reason: format!("cannot compute the length of arange({start}, {stop}, {step})"),
        });
    }
    let len = if len <= 0.0 { 0.0 } else { len };
    if len >= isize::MAX as f64 {
        return Err(Error::SizeOverflow {
            routine: R,
            shape: Shape(vec![usize::MAX]),
            itemsize: dtype.itemsize(),
        });
    }
    let n = len as usize;
    let mut a = NdArray::alloc(R, dtype, &[n], MemOrder::C, false)?;
    crate::dispatch_dtype!(dtype, T => {
        fill_arange::<T>(&mut a, n, start, start + step);
    });
    Ok(a)
}

fn fill_arange<T: Scalar>(a: &mut NdArray, n: usize, first: f64, second: f64) {
    let r = |x: f64| <<T as Scalar>::Real as RealScalar>::from_f64_real(x);
    let (x0, x1) = (r(first), r(second));
    let delta = x1 - x0;
    // SAFETY: the new buffer holds `n` elements, seen by nobody else yet.
    let out = unsafe { std::slice::from_raw_parts_mut(a.ptr as *mut T, n) };
    for (i, v) in out.iter_mut().enumerate() {
        let x = match i {
            0 => x0,
            1 => x1,
            _ => x0 + r(i as f64) * delta,
        };
        *v = T::from_real(x);
    }
}

/// The values of NumPy's `linspace` in `f64` (before the dtype cast).
fn linspace_f64(start: f64, stop: f64, num: usize, endpoint: bool) -> impl Iterator<Item = f64> {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let step = if div > 0 {
        delta / div as f64
    } else {
        f64::NAN
    };
    (0..num).map(move |i| {
        if endpoint && num > 1 && i == num - 1 {
            return stop;
        }
        let y = i as f64;
        let y = if div == 0 {
            y * delta
        } else if step == 0.0 {
            // NumPy's path for steps that underflow (gh-5437).
            y / div as f64 * delta
        } else {
            y * step
        };
        y + start
    })
}

/// A new 1-d array of `dtype` from `f64` values (complex dtypes get a zero
/// imaginary part).
pub(crate) fn from_f64_iter(
    routine: &'static str,
    n: usize,
    dtype: DType,
    values: impl Iterator<Item = f64>,
) -> Result<NdArray> {
    let a = NdArray::alloc(routine, dtype, &[n], MemOrder::C, true)?;
    crate::dispatch_dtype!(dtype, T => {
        // SAFETY: the new buffer holds `n` elements, seen by nobody else yet.
        let out = unsafe { std::slice::from_raw_parts_mut(a.ptr as *mut T, n) };
        for (o, v) in out.iter_mut().zip(values) {
            *o = T::from_f64(v);
        }
    });
    Ok(a)
}

/// `num` evenly spaced values from `start` to `stop`, the last one `stop`
/// exactly when `endpoint` (NumPy's `linspace`; step `(stop - start) /
/// (num - 1)`, or `/ num` without the endpoint), computed in `f64` and
/// cast to `dtype`.
///
/// # Errors
/// As [`zeros`].
pub fn linspace(
    start: f64,
    stop: f64,
    num: usize,
    endpoint: bool,
    dtype: DType,
) -> Result<NdArray> {
    from_f64_iter(
        "linspace",
        num,
        dtype,
        linspace_f64(start, stop, num, endpoint),
    )
}

/// `base` raised to the values of `linspace(start, stop, num, endpoint)`
/// (NumPy's `logspace`).
///
/// # Errors
/// As [`zeros`].
pub fn logspace(
    start: f64,
    stop: f64,
    num: usize,
    endpoint: bool,
    base: f64,
    dtype: DType,
) -> Result<NdArray> {
    let values = linspace_f64(start, stop, num, endpoint).map(|y| base.powf(y));
    from_f64_iter("logspace", num, dtype, values)
}

/// `num` values in geometric progression from `start` to `stop` (NumPy's
/// `geomspace`): `logspace` of the base-10 logarithms, with the first
/// value `start` and (with `endpoint`) the last `stop` exactly. Both
/// negative is allowed (the signs are carried through).
///
/// # Errors
/// A zero, non-finite or mixed-sign `start`/`stop`
/// ([`Error::InvalidArgument`]: NumPy gives NaN or a complex spiral for
/// mixed signs); as [`zeros`].
pub fn geomspace(
    start: f64,
    stop: f64,
    num: usize,
    endpoint: bool,
    dtype: DType,
) -> Result<NdArray> {
    const R: &str = "geomspace";
    let bad = |reason: &str| Error::InvalidArgument {
        routine: R,
        what: "start, stop",
        reason: reason.into(),
    };
    if start == 0.0 || stop == 0.0 {
        return Err(bad("Geometric sequence cannot include zero"));
    }
    if !start.is_finite() || !stop.is_finite() {
        return Err(bad("start and stop must be finite"));
    }
    if (start < 0.0) != (stop < 0.0) {
        return Err(bad("start and stop must have the same sign"));
    }
    let sign = start.signum();
    let (s, e) = (start / sign, stop / sign);
    let values = linspace_f64(s.log10(), e.log10(), num, endpoint)
        .map(|y| 10f64.powf(y))
        .enumerate()
        .map(move |(i, v)| {
            let v = if i == 0 {
                s
            } else if endpoint && num > 1 && i == num - 1 {
                e
            } else {
                v
            };
            sign * v
        });
    from_f64_iter(R, num, dtype, values)
}

/// An array of `shape` (C order) over the `Vec`'s own allocation: no copy.
///
/// # Errors
/// [`Error::ReshapeSize`] if `v.len()` is not the product of `shape`;
/// more than [`MAX_DIMS`] axes.
pub fn from_vec<T: Scalar>(v: Vec<T>, shape: &[usize]) -> Result<NdArray> {
    let (size, _) = checked_size("from_vec", shape, T::DTYPE.itemsize())?;
    if size != v.len() {
        return Err(Error::ReshapeSize {
            size: v.len(),
            shape: shape.iter().map(|&n| n as isize).collect(),
        });
    }
    let buf = Arc::new(Buffer::from_vec(v));
    let ptr = buf.start();
    let mut strides = [0isize; MAX_DIMS];
    super::dynarray::contiguous_strides(
        shape,
        T::DTYPE.itemsize(),
        MemOrder::C,
        &mut strides[..shape.len()],
    );
    Ok(NdArray::from_parts(
        buf,
        ptr,
        T::DTYPE,
        shape,
        &strides[..shape.len()],
        true,
        true,
    ))
}

/// An array of `shape` (C order) holding a copy of `data`.
///
/// # Errors
/// As [`from_vec`].
pub fn from_slice<T: Scalar>(data: &[T], shape: &[usize]) -> Result<NdArray> {
    from_vec(data.to_vec(), shape)
}

/// A 0-d array holding `value`.
pub fn from_scalar<T: Scalar>(value: T) -> NdArray {
    let buf = Arc::new(Buffer::from_vec(vec![value]));
    let ptr = buf.start();
    NdArray::from_parts(buf, ptr, T::DTYPE, &[], &[], true, true)
}

/// Takes over an `ndarray` array's allocation without copying, whatever
/// its strides (negative ones included): the result has the same shape,
/// strides and elements.
///
/// # Errors
/// More than [`MAX_DIMS`] axes ([`Error::TooManyDimensions`]).
pub fn from_ndarray<T: Scalar, D: Dimension>(a: Array<T, D>) -> Result<NdArray> {
    let nd = a.ndim();
    checked_size("from_ndarray", a.shape(), T::DTYPE.itemsize())?;
    let mut shape = [0usize; MAX_DIMS];
    let mut strides = [0isize; MAX_DIMS];
    shape[..nd].copy_from_slice(a.shape());
    let item = T::DTYPE.itemsize() as isize;
    for (o, &s) in strides[..nd].iter_mut().zip(a.strides()) {
        // Fits: ndarray keeps the byte extent within isize.
        *o = s.wrapping_mul(item);
    }
    let (vec, offset) = a.into_raw_vec_and_offset();
    let buf = Arc::new(Buffer::from_vec(vec));
    // The first element sits `offset` elements into the vector.
    let ptr = buf
        .start()
        .wrapping_add(offset.unwrap_or(0) * T::DTYPE.itemsize());
    Ok(NdArray::from_parts(
        buf,
        ptr,
        T::DTYPE,
        &shape[..nd],
        &strides[..nd],
        true,
        true,
    ))
}
