//! Creation of new arrays (zeros, ones, empty, full, eye, identity,
//! ranges, `*_like`) and the release of any handle.

use num_complex::Complex64;

use super::{count_arg, isize_arg, layout_arg, like_dtype_arg, new_array, shape_i64};
use crate::handle::release;
use crate::{
    Failure, FfiResult, array_ref, call, dtype_arg, lapis_array, lapis_complex128, lapis_dtype,
    lapis_order, lapis_status,
};
use lapis::array::{self, MemOrder, NdArray};
use lapis::dtype::DType;

/// Releases a handle. NULL is a no-op. The elements are freed when the
/// last handle using them goes: freeing a base before its views is safe
/// (the views keep the buffer alive). For wrapped caller memory nothing is
/// freed (the caller owns it; it must stay valid until every handle made
/// from the wrap, views included, is freed).
///
/// Errors: a handle already freed (a double free) or a value lapis never
/// returned (`LAPIS_ERR_INVALID_HANDLE`); nothing is freed then.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_array_free(a: *mut lapis_array) -> lapis_status {
    call(|| release("lapis_array_free", "a", a))
}

/// The value of `lapis_ones` and `lapis_ones_like`.
const ONE: Complex64 = Complex64::new(1.0, 0.0);

/// A new array of `shape` and `dtype` in `order`, filled with `value` or zeros.
fn new_filled(
    routine: &str,
    shape: &[usize],
    dtype: DType,
    order: MemOrder,
    value: Option<Complex64>,
) -> FfiResult<NdArray> {
    if let Some(v) = value
        && v.im != 0.0
        && !dtype.is_complex()
    {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_VALUE,
            format!(
                "{routine}: value {}{:+}i has a non-zero imaginary part, which dtype {dtype} cannot hold",
                v.re, v.im
            ),
        ));
    }
    let mut a = array::zeros_order(shape, dtype, order)?;
    if let Some(v) = value {
        a.fill(v)?;
    }
    Ok(a)
}

/// The shared body of zeros/ones/empty/full.
///
/// # Safety
/// A non-null `shape` is valid for reads of `ndim` values; `out` is NULL
/// or valid for a pointer write.
unsafe fn fill_new(
    routine: &str,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    value: Option<Complex64>,
    out: *mut *mut lapis_array,
) -> FfiResult {
    let make = || {
        // SAFETY: a non-null `shape` holds `ndim` values (this function's
        // contract).
        let shape = unsafe { shape_i64(routine, ndim, shape) }?;
        let dtype = dtype_arg(routine, dtype)?;
        let order = layout_arg(routine, order)?;
        new_filled(routine, &shape, dtype, order, value)
    };
    // SAFETY: `out` is NULL or writable (this function's contract).
    unsafe { new_array(routine, out, make) }
}

/// A new array of zeros. `shape` has `ndim` (0 ..= 32) entries, each ≥ 0
/// (NULL allowed when `ndim` is 0: a 0-d array of one element). `order` is
/// LAPIS_ORDER_C or LAPIS_ORDER_F. The handle owns its buffer; free it with
/// `lapis_array_free`.
///
/// Errors: NULL `shape` (with ndim > 0) or `out` (LAPIS_ERR_NULL_ARGUMENT);
/// negative ndim or shape entry, ndim > 32, another order
/// (LAPIS_ERR_INVALID_ARGUMENT); unknown dtype (LAPIS_ERR_BAD_DTYPE); a size
/// whose byte count overflows (LAPIS_ERR_OVERFLOW); allocation failure.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zeros(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `shape` holds `ndim` values unless NULL, and `out` is NULL or
    // writable (this function's # Safety); NULLs are reported.
    call(|| unsafe { fill_new("lapis_zeros", ndim, shape, dtype, order, None, out) })
}

/// A new array of ones; arguments, ownership and errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ones(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros` (the same # Safety).
    call(|| unsafe { fill_new("lapis_ones", ndim, shape, dtype, order, Some(ONE), out) })
}

/// A new array whose contents are unspecified (NumPy's `empty`; lapis
/// zeroes it, which costs nothing extra for large arrays). Arguments,
/// ownership and errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_empty(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros` (the same # Safety).
    call(|| unsafe { fill_new("lapis_empty", ndim, shape, dtype, order, None, out) })
}

/// A new array with every element `value` (rounded to `dtype`; float32 and
/// complex64 round each part). A real dtype needs `value.im == 0`
/// (LAPIS_ERR_INVALID_VALUE otherwise). Other arguments, ownership and
/// errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_full(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    value: lapis_complex128,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros` (the same # Safety).
    call(|| unsafe {
        fill_new(
            "lapis_full",
            ndim,
            shape,
            dtype,
            order,
            Some(value.into()),
            out,
        )
    })
}

/// A new `n × m` C-order matrix with ones on diagonal `k` (0 the main
/// diagonal, k > 0 above it, k < 0 below) and zeros elsewhere (NumPy's
/// `eye`). Diagonals outside the matrix give all zeros. The handle is the
/// caller's to free.
///
/// Errors: negative `n` or `m` (LAPIS_ERR_INVALID_ARGUMENT), unknown dtype
/// (LAPIS_ERR_BAD_DTYPE), NULL `out`, overflowing size.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_eye(
    n: i64,
    m: i64,
    k: i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_eye";
        let make = || {
            let (n, m) = (count_arg(R, "n", n)?, count_arg(R, "m", m)?);
            let k = isize_arg(R, "k", k)?;
            Ok(array::eye(n, Some(m), k, dtype_arg(R, dtype)?)?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// The `n × n` identity matrix, C order (NumPy's `identity`). Errors as
/// `lapis_eye`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_identity(
    n: i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_identity";
        let make = || {
            Ok(array::identity(
                count_arg(R, "n", n)?,
                dtype_arg(R, dtype)?,
            )?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// A new 1-d array of the values `start, start + step, …` below `stop`
/// (above it for a negative step): `ceil((stop - start) / step)` elements,
/// none if that is ≤ 0 (NumPy's `arange`, computed as NumPy does in the
/// dtype). Complex dtypes get zero imaginary parts.
///
/// Errors: `step == 0` or non-finite arguments (LAPIS_ERR_INVALID_ARGUMENT),
/// a length that overflows (LAPIS_ERR_OVERFLOW), unknown dtype, NULL `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arange(
    start: f64,
    stop: f64,
    step: f64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_arange";
        let make = || Ok(array::arange(start, stop, step, dtype_arg(R, dtype)?)?);
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// A new 1-d array of `num` evenly spaced values from `start` to `stop`
/// (NumPy's `linspace`): step `(stop - start) / (num - 1)` and the last
/// value exactly `stop` when `endpoint`, step `(stop - start) / num`
/// otherwise. Computed in double, then rounded to `dtype`.
///
/// Errors: negative `num` (LAPIS_ERR_INVALID_ARGUMENT), unknown dtype,
/// NULL `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linspace";
        let make = || {
            let num = count_arg(R, "num", num)?;
            Ok(array::linspace(
                start,
                stop,
                num,
                endpoint,
                dtype_arg(R, dtype)?,
            )?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// `base` raised to the values of `lapis_linspace(start, stop, num,
/// endpoint)` (NumPy's `logspace`). Errors as `lapis_linspace`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_logspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    base: f64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_logspace";
        let make = || {
            let num = count_arg(R, "num", num)?;
            let dtype = dtype_arg(R, dtype)?;
            Ok(array::logspace(start, stop, num, endpoint, base, dtype)?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// `num` values in geometric progression from `start` to `stop` (NumPy's
/// `geomspace`; the first value is `start` and, with `endpoint`, the last
/// is `stop` exactly). Both may be negative.
///
/// Errors: a zero, non-finite or mixed-sign `start`/`stop`, negative `num`
/// (LAPIS_ERR_INVALID_ARGUMENT); unknown dtype; NULL `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_geomspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_geomspace";
        let make = || {
            let num = count_arg(R, "num", num)?;
            Ok(array::geomspace(
                start,
                stop,
                num,
                endpoint,
                dtype_arg(R, dtype)?,
            )?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// The shared body of the `*_like` functions: `value` or zeros, shaped and
/// laid out like `proto`.
///
/// # Safety
/// `proto` is NULL or a live handle; `out` NULL or valid for a pointer write.
unsafe fn like(
    routine: &str,
    proto: *const lapis_array,
    dtype: lapis_dtype,
    value: Option<Complex64>,
    out: *mut *mut lapis_array,
) -> FfiResult {
    let make = || {
        let p = array_ref(routine, "proto", proto)?;
        let dtype = like_dtype_arg(routine, dtype)?;
        Ok(match value {
            None => array::zeros_like(&p, dtype)?,
            Some(v) => array::full_like(&p, v, dtype)?,
        })
    };
    // SAFETY: `out` is NULL or writable (this function's contract).
    unsafe { new_array(routine, out, make) }
}

/// A new array of zeros with `proto`'s shape, of `dtype` (or `proto`'s when
/// `dtype` is LAPIS_LIKE_DTYPE), laid out in `proto`'s memory order
/// (NumPy's `zeros_like`, order K: C for C-contiguous, F for
/// F-contiguous, else axes by decreasing stride; strides are positive and
/// without gaps). Never a view; the caller frees the new handle.
///
/// Errors: NULL `proto` or `out` (LAPIS_ERR_NULL_ARGUMENT), unknown dtype
/// (LAPIS_ERR_BAD_DTYPE), allocation failure.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zeros_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `proto` is NULL or a live handle and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { like("lapis_zeros_like", proto, dtype, None, out) })
}

/// Ones shaped and laid out like `proto`; arguments and errors as
/// `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ones_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros_like` (the same # Safety).
    call(|| unsafe { like("lapis_ones_like", proto, dtype, Some(ONE), out) })
}

/// An array shaped and laid out like `proto` with unspecified contents
/// (zeros in lapis); arguments and errors as `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_empty_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros_like` (the same # Safety).
    call(|| unsafe { like("lapis_empty_like", proto, dtype, None, out) })
}

/// `value` shaped and laid out like `proto`; a real result dtype needs
/// `value.im == 0` (LAPIS_ERR_INVALID_VALUE). Other arguments and errors as
/// `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_full_like(
    proto: *const lapis_array,
    value: lapis_complex128,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_zeros_like` (the same # Safety).
    call(|| unsafe { like("lapis_full_like", proto, dtype, Some(value.into()), out) })
}
