//! The array handle layer of the C ABI: free, creation (zeros, ones, full,
//! eye, ranges, `*_like`, seeded random), wrapping caller memory, queries,
//! views, copies and conversions, element access, and bulk reads/writes
//! between a handle and a caller's buffer.
//!
//! Every function is a translator: it checks the caller's pointers, sizes
//! and codes, calls the `NdArray` API (src/array/) inside the panic
//! boundary, and turns the result into a status and out-parameters.

use std::ffi::c_void;

use num_complex::Complex64;

use super::{
    Failure, FfiResult, array_ref, call, call_value, check_out, dtype_arg, dtype_code, isize_list,
    lapis_array, lapis_complex128, lapis_dtype, lapis_order, lapis_status, ndim_arg, order_arg,
    out_view, put, put_array, shape_arg, slice_arg,
};
use lapis::array::random::Generator;
use lapis::array::{self, Casting, Idx, MAX_DIMS, MemOrder, NdArray};
use lapis::dtype::DType;

// ---------------------------------------------------------------------------
// Constants.
// ---------------------------------------------------------------------------

/// Bit of `lapis_array_flags`: C-contiguous (row-major without gaps;
/// length-1 axes ignore their stride; empty arrays are contiguous).
pub const LAPIS_FLAG_C_CONTIGUOUS: i32 = 1;
/// Bit of `lapis_array_flags`: Fortran-contiguous (column-major without gaps).
pub const LAPIS_FLAG_F_CONTIGUOUS: i32 = 2;
/// Bit of `lapis_array_flags`: the elements may be written through this handle.
pub const LAPIS_FLAG_WRITABLE: i32 = 4;
/// Bit of `lapis_array_flags`: the array allocated its own buffer (it is
/// neither a view of another array nor wrapped caller memory).
pub const LAPIS_FLAG_OWNS_DATA: i32 = 8;

/// In `lapis_array_slice`, a start or stop that is "omitted" (Python's
/// `None`): the end of the axis the step walks from (start) or to (stop).
/// It is `INT64_MIN`, a value no real index has.
pub const LAPIS_SLICE_NONE: i64 = i64::MIN;

/// In the `*_like` creation functions, "the dtype of the prototype"
/// (NumPy's `dtype=None`). Not a dtype code anywhere else.
pub const LAPIS_LIKE_DTYPE: lapis_dtype = 0;

// ---------------------------------------------------------------------------
// Private argument readers.
// ---------------------------------------------------------------------------

/// A non-negative `int64_t` count or size.
fn count_arg(routine: &str, name: &str, v: i64) -> FfiResult<usize> {
    usize::try_from(v).map_err(|_| Failure::invalid(routine, name, format!("{v} is negative")))
}

/// An `int64_t` axis, index or offset as isize.
fn isize_arg(routine: &str, name: &str, v: i64) -> FfiResult<isize> {
    isize::try_from(v)
        .map_err(|_| Failure::invalid(routine, name, format!("{v} does not fit isize")))
}

/// `ndim` given as `int64_t`: 0 ..= 32.
fn ndim_i64(routine: &str, ndim: i64) -> FfiResult<usize> {
    let n = usize::try_from(ndim)
        .map_err(|_| Failure::invalid(routine, "ndim", format!("{ndim} is negative")))?;
    ndim_arg(routine, n)
}

/// A shape of `ndim` (int64_t) non-negative entries.
///
/// # Safety
/// A non-null `shape` is valid for reads of `ndim` values.
unsafe fn shape_i64(routine: &str, ndim: i64, shape: *const i64) -> FfiResult<Vec<usize>> {
    let n = ndim_i64(routine, ndim)?;
    // SAFETY: forwarded caller contract.
    unsafe { shape_arg(routine, n, shape) }
}

/// A list of `n` (int64_t) axes or indices; `n` ≤ 32.
///
/// # Safety
/// A non-null `ptr` is valid for reads of `n` values.
unsafe fn axes_i64(routine: &str, name: &str, ptr: *const i64, n: i64) -> FfiResult<Vec<isize>> {
    let n = usize::try_from(n)
        .map_err(|_| Failure::invalid(routine, name, format!("count {n} is negative")))?;
    // SAFETY: forwarded caller contract.
    unsafe { isize_list(routine, name, ptr, n) }
}

/// A memory order for a new array: C or F only.
fn layout_arg(routine: &str, code: lapis_order) -> FfiResult<MemOrder> {
    match order_arg(routine, code)? {
        o @ (MemOrder::C | MemOrder::F) => Ok(o),
        _ => Err(Failure::invalid(
            routine,
            "order",
            format!(
                "order code {code} is not allowed here (expected LAPIS_ORDER_C = 0 or LAPIS_ORDER_F = 1)"
            ),
        )),
    }
}

/// A dtype code or `LAPIS_LIKE_DTYPE`.
fn like_dtype_arg(routine: &str, code: lapis_dtype) -> FfiResult<Option<DType>> {
    if code == LAPIS_LIKE_DTYPE {
        Ok(None)
    } else {
        dtype_arg(routine, code).map(Some)
    }
}

/// Byte strides of a contiguous array of `shape` in C or F order (checked:
/// a shape whose byte count overflows is rejected later by
/// `NdArray::from_raw_parts`, so wrapping arithmetic is harmless here).
fn contiguous_byte_strides(shape: &[usize], itemsize: usize, order: MemOrder) -> Vec<isize> {
    let mut out = vec![0isize; shape.len()];
    let mut acc = itemsize as isize;
    let mut set = |k: usize| {
        out[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    };
    if order == MemOrder::F {
        (0..shape.len()).for_each(&mut set);
    } else {
        (0..shape.len()).rev().for_each(&mut set);
    }
    out
}

fn bad_stride(message: String) -> Failure {
    Failure::new(lapis_status::LAPIS_ERR_BAD_STRIDE, message)
}

/// Checks that every element of (`shape`, `strides`) with element 0 at byte
/// `offset` lies inside `[0, nbytes)`, and that strides of axes longer than
/// 1 are multiples of the itemsize. Names the first axis that breaks it.
fn check_extent(
    routine: &str,
    nbytes: usize,
    offset: i64,
    itemsize: usize,
    shape: &[usize],
    strides: &[isize],
) -> FfiResult {
    let size_zero = shape.contains(&0);
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        if n > 1 && s % itemsize as isize != 0 {
            return Err(bad_stride(format!(
                "{routine}: stride {s} of axis {k} is not a multiple of the itemsize {itemsize}"
            )));
        }
    }
    let limit = nbytes as i128;
    if size_zero {
        // No element is ever addressed; the offset must still point into
        // (or just past) the buffer.
        if offset < 0 || offset as i128 > limit {
            return Err(bad_stride(format!(
                "{routine}: offset {offset} is outside the buffer of {nbytes} bytes"
            )));
        }
        return Ok(());
    }
    let mut lo = offset as i128;
    let mut hi = offset as i128 + itemsize as i128;
    if lo < 0 || hi > limit {
        return Err(bad_stride(format!(
            "{routine}: element 0 at byte offset {offset} ({itemsize} bytes) is outside the buffer of {nbytes} bytes"
        )));
    }
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        let span = (n as i128 - 1) * s as i128;
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
        if lo < 0 || hi > limit {
            return Err(bad_stride(format!(
                "{routine}: axis {k} (length {n}, stride {s} bytes) steps outside the buffer: the elements span bytes [{lo}, {hi}) of a buffer of {nbytes} bytes"
            )));
        }
    }
    Ok(())
}

/// The handles of an array list (each non-null).
///
/// # Safety
/// A non-null `arrays` is valid for reads of `n` pointers, each NULL or a
/// live handle.
unsafe fn array_list<'a>(
    routine: &str,
    n: i64,
    arrays: *const *const lapis_array,
) -> FfiResult<Vec<&'a NdArray>> {
    let n = count_arg(routine, "n", n)?;
    // SAFETY: forwarded caller contract.
    let ptrs = unsafe { slice_arg(routine, "arrays", arrays, n) }?;
    ptrs.iter()
        .enumerate()
        .map(|(i, &h)| {
            // SAFETY: forwarded caller contract.
            unsafe { array_ref(routine, &format!("arrays[{i}]"), h) }
        })
        .collect()
}

/// [`call`] with the C function's name in front of messages that do not
/// already start with it (errors from the Rust layer name the Rust routine).
fn named_call(routine: &str, body: impl FnOnce() -> FfiResult) -> lapis_status {
    call(|| {
        body().map_err(|mut f| {
            if !f.message.starts_with(routine) {
                f.message = format!("{routine}: {}", f.message);
            }
            f
        })
    })
}

// ---------------------------------------------------------------------------
// Free.
// ---------------------------------------------------------------------------

/// Releases a handle. NULL is a no-op. The elements are freed when the
/// last handle using them goes: freeing a base before its views is safe
/// (the views keep the buffer alive). For wrapped caller memory nothing is
/// freed (the caller owns it; it must stay valid until every handle made
/// from the wrap, views included, is freed). Freeing a handle twice, or
/// one not from lapis, is undefined behaviour.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_free(a: *mut lapis_array) {
    call_value((), || {
        if !a.is_null() {
            // SAFETY: a non-null handle is a live Box from `put_array`,
            // released once (caller contract).
            drop(unsafe { Box::from_raw(a) });
        }
    })
}

// ---------------------------------------------------------------------------
// Creation.
// ---------------------------------------------------------------------------

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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zeros(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { fill_new_call("lapis_zeros", ndim, shape, dtype, order, None, out) }
}

/// A new array of ones; arguments, ownership and errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ones(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    let one = Complex64::new(1.0, 0.0);
    // SAFETY: forwarded caller contract.
    unsafe { fill_new_call("lapis_ones", ndim, shape, dtype, order, Some(one), out) }
}

/// A new array whose contents are unspecified (NumPy's `empty`; lapis
/// zeroes it, which costs nothing extra for large arrays). Arguments,
/// ownership and errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_empty(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { fill_new_call("lapis_empty", ndim, shape, dtype, order, None, out) }
}

/// A new array with every element `value` (rounded to `dtype`; float32 and
/// complex64 round each part). A real dtype needs `value.im == 0`
/// (LAPIS_ERR_INVALID_VALUE otherwise). Other arguments, ownership and
/// errors as `lapis_zeros`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_full(
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    value: lapis_complex128,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    let v = Complex64::from(value);
    // SAFETY: forwarded caller contract.
    unsafe { fill_new_call("lapis_full", ndim, shape, dtype, order, Some(v), out) }
}

/// The shared body of zeros/ones/empty/full.
///
/// # Safety
/// As `lapis_zeros`.
unsafe fn fill_new_call(
    routine: &str,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    order: lapis_order,
    value: Option<Complex64>,
    out: *mut *mut lapis_array,
) -> lapis_status {
    named_call(routine, || {
        check_out(routine, "out", out)?;
        // SAFETY: caller contract.
        let shape = unsafe { shape_i64(routine, ndim, shape) }?;
        let dtype = dtype_arg(routine, dtype)?;
        let order = layout_arg(routine, order)?;
        let a = new_filled(routine, &shape, dtype, order, value)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_eye(
    n: i64,
    m: i64,
    k: i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_eye";
    named_call(R, || {
        check_out(R, "out", out)?;
        let n = count_arg(R, "n", n)?;
        let m = count_arg(R, "m", m)?;
        let k = isize_arg(R, "k", k)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::eye(n, Some(m), k, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

/// The `n × n` identity matrix, C order (NumPy's `identity`). Errors as
/// `lapis_eye`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_identity(
    n: i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_identity";
    named_call(R, || {
        check_out(R, "out", out)?;
        let n = count_arg(R, "n", n)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::identity(n, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arange(
    start: f64,
    stop: f64,
    step: f64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_arange";
    named_call(R, || {
        check_out(R, "out", out)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::arange(start, stop, step, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_linspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_linspace";
    named_call(R, || {
        check_out(R, "out", out)?;
        let num = count_arg(R, "num", num)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::linspace(start, stop, num, endpoint, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

/// `base` raised to the values of `lapis_linspace(start, stop, num,
/// endpoint)` (NumPy's `logspace`). Errors as `lapis_linspace`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
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
    const R: &str = "lapis_logspace";
    named_call(R, || {
        check_out(R, "out", out)?;
        let num = count_arg(R, "num", num)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::logspace(start, stop, num, endpoint, base, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_geomspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_geomspace";
    named_call(R, || {
        check_out(R, "out", out)?;
        let num = count_arg(R, "num", num)?;
        let dtype = dtype_arg(R, dtype)?;
        let a = array::geomspace(start, stop, num, endpoint, dtype)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
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
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zeros_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { like_call("lapis_zeros_like", proto, dtype, None, out) }
}

/// Ones shaped and laid out like `proto`; arguments and errors as
/// `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ones_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    let one = Complex64::new(1.0, 0.0);
    // SAFETY: forwarded caller contract.
    unsafe { like_call("lapis_ones_like", proto, dtype, Some(one), out) }
}

/// An array shaped and laid out like `proto` with unspecified contents
/// (zeros in lapis); arguments and errors as `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_empty_like(
    proto: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { like_call("lapis_empty_like", proto, dtype, None, out) }
}

/// `value` shaped and laid out like `proto`; a real result dtype needs
/// `value.im == 0` (LAPIS_ERR_INVALID_VALUE). Other arguments and errors as
/// `lapis_zeros_like`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_full_like(
    proto: *const lapis_array,
    value: lapis_complex128,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    let v = Complex64::from(value);
    // SAFETY: forwarded caller contract.
    unsafe { like_call("lapis_full_like", proto, dtype, Some(v), out) }
}

/// The shared body of the `*_like` functions.
///
/// # Safety
/// As `lapis_zeros_like`.
unsafe fn like_call(
    routine: &str,
    proto: *const lapis_array,
    dtype: lapis_dtype,
    value: Option<Complex64>,
    out: *mut *mut lapis_array,
) -> lapis_status {
    named_call(routine, || {
        check_out(routine, "out", out)?;
        // SAFETY: caller contract.
        let p = unsafe { array_ref(routine, "proto", proto) }?;
        let dtype = like_dtype_arg(routine, dtype)?;
        let a = match value {
            None => array::zeros_like(p, dtype)?,
            Some(v) => array::full_like(p, v, dtype)?,
        };
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Random (seeded, reproducible).
// ---------------------------------------------------------------------------

/// A new C-order array of values uniform on [low, high) (complex dtypes:
/// both parts), from stream `key` of `seed` of lapis's counter-based
/// generator. Reproducible: the same (seed, key, shape, dtype) gives the
/// same numbers in every call and with any number of threads; element i (in C
/// order) is the i-th draw of the stream, so `lapis_random_fill_uniform`
/// on an array of the same shape and dtype, in any layout, gives the same
/// values at the same indices. Use different keys for independent streams.
///
/// Errors: as `lapis_zeros` (shape, dtype, NULL `out`); parameters the
/// distribution rejects (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_uniform(
    seed: u64,
    key: u64,
    low: f64,
    high: f64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_uniform";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_new_call(R, ndim, shape, dtype, out, |a| {
            Generator::new(seed)
                .stream(key)
                .fill_uniform_nd(a, low, high)
        })
    }
}

/// A new C-order array of normal values `mean + std·z` (complex dtypes:
/// `mean + std·z` with z complex standard normal, E|z|² = 1). Seeds, keys,
/// reproducibility and errors as `lapis_random_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_normal(
    seed: u64,
    key: u64,
    mean: f64,
    std: f64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_normal";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_new_call(R, ndim, shape, dtype, out, |a| {
            Generator::new(seed)
                .stream(key)
                .fill_normal_nd(a, mean, std)
        })
    }
}

/// A new C-order array of standard normal values (complex: CN(0, 1)).
/// Seeds, keys, reproducibility and errors as `lapis_random_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_standard_normal(
    seed: u64,
    key: u64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_standard_normal";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_new_call(R, ndim, shape, dtype, out, |a| {
            Generator::new(seed).stream(key).fill_standard_normal_nd(a)
        })
    }
}

/// The shared body of the new-array random functions.
///
/// # Safety
/// As `lapis_zeros`.
unsafe fn random_new_call(
    routine: &str,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
    fill: impl FnOnce(&mut NdArray) -> lapis::error::Result<()>,
) -> lapis_status {
    named_call(routine, || {
        check_out(routine, "out", out)?;
        // SAFETY: caller contract.
        let shape = unsafe { shape_i64(routine, ndim, shape) }?;
        let dtype = dtype_arg(routine, dtype)?;
        let mut a = array::zeros_order(&shape, dtype, MemOrder::C)?;
        fill(&mut a)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

/// Overwrites every element of `a` with uniform values on [low, high), the
/// same values `lapis_random_uniform` gives for `a`'s shape and dtype
/// (element i in C order of the indices, whatever `a`'s strides).
///
/// Errors: NULL `a` (LAPIS_ERR_NULL_ARGUMENT), read-only `a`
/// (LAPIS_ERR_READ_ONLY), overlapping elements (LAPIS_ERR_BAD_STRIDE),
/// `a`'s buffer in use by another call (LAPIS_ERR_BUSY), bad parameters.
/// Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_uniform(
    seed: u64,
    key: u64,
    low: f64,
    high: f64,
    a: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_fill_uniform";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_fill_call(R, a, |v| {
            Generator::new(seed)
                .stream(key)
                .fill_uniform_nd(v, low, high)
        })
    }
}

/// Overwrites `a` with `normal(mean, std)` values, as
/// `lapis_random_normal`. Errors as `lapis_random_fill_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_normal(
    seed: u64,
    key: u64,
    mean: f64,
    std: f64,
    a: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_fill_normal";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_fill_call(R, a, |v| {
            Generator::new(seed)
                .stream(key)
                .fill_normal_nd(v, mean, std)
        })
    }
}

/// Overwrites `a` with standard normal values, as
/// `lapis_random_standard_normal`. Errors as `lapis_random_fill_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_standard_normal(
    seed: u64,
    key: u64,
    a: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_random_fill_standard_normal";
    // SAFETY: forwarded caller contract.
    unsafe {
        random_fill_call(R, a, |v| {
            Generator::new(seed).stream(key).fill_standard_normal_nd(v)
        })
    }
}

/// The shared body of the random fills.
///
/// # Safety
/// `a` is NULL or a live handle.
unsafe fn random_fill_call(
    routine: &str,
    a: *mut lapis_array,
    fill: impl FnOnce(&mut NdArray) -> lapis::error::Result<()>,
) -> lapis_status {
    named_call(routine, || {
        // SAFETY: caller contract.
        let mut v = unsafe { out_view(routine, "a", a) }?;
        fill(&mut v)?;
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Wrapping caller memory.
// ---------------------------------------------------------------------------

/// Wraps caller memory as an array without copying. The buffer is the
/// `nbytes` bytes at `base`; element 0 (index [0, …, 0]) is at byte
/// `offset` from `base`, and element i at `offset + Σ i[k]·strides[k]`
/// (byte strides as NumPy's: negative and zero allowed; NULL `strides`
/// means C-contiguous). `shape` has `ndim` (0 ..= 32) entries ≥ 0.
///
/// Every element must lie inside `[base, base + nbytes)`: strides that step
/// outside are rejected (LAPIS_ERR_BAD_STRIDE, the message naming the
/// axis), which is why a negative-stride wrap gives the buffer's start and
/// an offset rather than a pointer to element 0. Strides of axes longer
/// than 1 must be multiples of the itemsize, and `base + offset` aligned
/// for the dtype (4 bytes for float32/complex64, 8 for
/// float64/complex128; LAPIS_ERR_BAD_STRIDE). An empty array (a zero in
/// `shape`) addresses nothing and may have `base` NULL.
///
/// Ownership: the caller keeps the memory, and must keep it valid (and not
/// free or reuse it) until this handle and every view made from it are
/// freed; lapis never frees it. With `readonly`, lapis never writes it
/// (writes fail with LAPIS_ERR_READ_ONLY) and it may be const memory cast
/// to `void *`. Without, lapis functions write it when asked; the caller
/// must not access it concurrently with such a call.
///
/// Overlapping strides (zero strides, or strides that make two indices
/// share bytes) are accepted, as NumPy's `as_strided`: such an array can
/// be read, but writing into it (`lapis_array_fill`, `lapis_array_copyto`,
/// random fills, ufunc and linalg outputs) fails with LAPIS_ERR_BAD_STRIDE.
///
/// Errors: NULL `out`, `shape` (ndim > 0) or `base` (nbytes > 0 and a
/// non-empty array) (LAPIS_ERR_NULL_ARGUMENT); negative ndim or shape
/// entries, ndim > 32 (LAPIS_ERR_INVALID_ARGUMENT); unknown dtype
/// (LAPIS_ERR_BAD_DTYPE); extent or alignment violations
/// (LAPIS_ERR_BAD_STRIDE); sizes overflowing (LAPIS_ERR_OVERFLOW).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_wrap(
    base: *mut c_void,
    nbytes: usize,
    offset: i64,
    dtype: lapis_dtype,
    ndim: i64,
    shape: *const i64,
    strides: *const i64,
    readonly: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_wrap";
    named_call(R, || {
        check_out(R, "out", out)?;
        let dtype = dtype_arg(R, dtype)?;
        // SAFETY: caller contract.
        let shape = unsafe { shape_i64(R, ndim, shape) }?;
        let strides = if strides.is_null() {
            contiguous_byte_strides(&shape, dtype.itemsize(), MemOrder::C)
        } else {
            // SAFETY: caller contract (ndim values).
            unsafe { isize_list(R, "strides", strides, shape.len()) }?
        };
        if nbytes > isize::MAX as usize {
            return Err(Failure::new(
                lapis_status::LAPIS_ERR_OVERFLOW,
                format!("{R}: nbytes = {nbytes} exceeds the largest object size"),
            ));
        }
        let empty = shape.contains(&0);
        if base.is_null() && !empty {
            return Err(Failure::null(R, "base"));
        }
        check_extent(R, nbytes, offset, dtype.itemsize(), &shape, &strides)?;
        let ptr = if empty {
            base as *mut u8
        } else {
            // In bounds: check_extent put offset inside [0, nbytes).
            (base as *mut u8).wrapping_add(offset as usize)
        };
        // SAFETY: every element lies in the caller's buffer (checked above),
        // which the caller keeps valid and initialized for the handle's
        // life (documented contract).
        let a = unsafe { NdArray::from_raw_parts(ptr, dtype, &shape, &strides, readonly, None) }?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

/// Wraps a contiguous caller buffer without copying: `size · itemsize`
/// bytes at `data` (size the product of `shape`) holding the elements in
/// `order` (LAPIS_ORDER_C: row-major, LAPIS_ORDER_F: column-major).
/// `data` must be aligned for the dtype. Ownership, `readonly`, and errors
/// as `lapis_array_wrap` (with the extent implied by the shape).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_wrap_contiguous(
    data: *mut c_void,
    dtype: lapis_dtype,
    ndim: i64,
    shape: *const i64,
    order: lapis_order,
    readonly: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_wrap_contiguous";
    named_call(R, || {
        check_out(R, "out", out)?;
        let dtype = dtype_arg(R, dtype)?;
        // SAFETY: caller contract.
        let shape = unsafe { shape_i64(R, ndim, shape) }?;
        let order = layout_arg(R, order)?;
        if data.is_null() && !shape.contains(&0) {
            return Err(Failure::null(R, "data"));
        }
        let strides = contiguous_byte_strides(&shape, dtype.itemsize(), order);
        // SAFETY: the caller provides size · itemsize valid bytes at `data`
        // for the handle's life (documented contract); from_raw_parts
        // checks the sizes and alignment.
        let a = unsafe {
            NdArray::from_raw_parts(data as *mut u8, dtype, &shape, &strides, readonly, None)
        }?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, a) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Queries.
// ---------------------------------------------------------------------------

/// The shared body of the scalar queries.
///
/// # Safety
/// `a` is NULL or a live handle; a non-null `out` is valid for a write.
unsafe fn query_call<T>(
    routine: &str,
    a: *const lapis_array,
    out: *mut T,
    get: impl FnOnce(&NdArray) -> T,
) -> lapis_status {
    named_call(routine, || {
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "a", a) }?;
        check_out(routine, "out", out)?;
        // SAFETY: checked non-null; caller contract.
        unsafe { put(out, get(a)) };
        Ok(())
    })
}

/// `*out` = the dtype code of `a`. Errors: NULL `a` or `out`
/// (LAPIS_ERR_NULL_ARGUMENT; `*out` untouched).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_dtype(
    a: *const lapis_array,
    out: *mut lapis_dtype,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { query_call("lapis_array_dtype", a, out, |a| dtype_code(a.dtype())) }
}

/// `*out` = the number of axes of `a` (0 ..= 32). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ndim(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { query_call("lapis_array_ndim", a, out, |a| a.ndim() as i64) }
}

/// `*out` = the number of elements of `a` (1 for 0-d). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_size(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { query_call("lapis_array_size", a, out, |a| a.size() as i64) }
}

/// `*out` = the bytes of one element (4, 8, 8, 16 for float32, float64,
/// complex64, complex128). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_itemsize(
    a: *const lapis_array,
    out: *mut i64,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { query_call("lapis_array_itemsize", a, out, |a| a.itemsize() as i64) }
}

/// `*out` = size · itemsize: the bytes the elements take (what
/// `lapis_array_read` writes), not the size of the underlying buffer.
/// Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_nbytes(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { query_call("lapis_array_nbytes", a, out, |a| a.nbytes() as i64) }
}

/// `*out` = the flags of `a`: a bit set of LAPIS_FLAG_C_CONTIGUOUS,
/// LAPIS_FLAG_F_CONTIGUOUS, LAPIS_FLAG_WRITABLE, LAPIS_FLAG_OWNS_DATA
/// (NumPy's flags). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_flags(a: *const lapis_array, out: *mut i32) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        query_call("lapis_array_flags", a, out, |a| {
            let f = a.flags();
            let bit = |on: bool, b: i32| if on { b } else { 0 };
            bit(f.c_contiguous, LAPIS_FLAG_C_CONTIGUOUS)
                | bit(f.f_contiguous, LAPIS_FLAG_F_CONTIGUOUS)
                | bit(f.writable, LAPIS_FLAG_WRITABLE)
                | bit(f.owns_data, LAPIS_FLAG_OWNS_DATA)
        })
    }
}

/// `*out` = the address of element 0 (index [0, …, 0]) for reading;
/// element i is at `*out + Σ i[k]·strides[k]` (`lapis_array_strides`).
/// The memory belongs to the array: valid while any handle on its buffer
/// lives. For an empty array the address must not be read. Errors as
/// `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_data(
    a: *const lapis_array,
    out: *mut *const c_void,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        query_call("lapis_array_data", a, out, |a| {
            a.data_ptr() as *const c_void
        })
    }
}

/// `*out` = the address of element 0 for writing, as `lapis_array_data`.
/// The caller must not write through it while a lapis call uses the same
/// memory. Errors: NULL `a` or `out` (LAPIS_ERR_NULL_ARGUMENT), a read-only
/// array (LAPIS_ERR_READ_ONLY); `*out` untouched on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_data_mut(
    a: *mut lapis_array,
    out: *mut *mut c_void,
) -> lapis_status {
    const R: &str = "lapis_array_data_mut";
    named_call(R, || {
        // SAFETY: caller contract.
        let mut v = unsafe { out_view(R, "a", a) }?;
        check_out(R, "out", out)?;
        let p = v.data_ptr_mut().map_err(|_| {
            Failure::new(
                lapis_status::LAPIS_ERR_READ_ONLY,
                format!("{R}: the array is read-only"),
            )
        })?;
        // SAFETY: checked non-null.
        unsafe { put(out, p as *mut c_void) };
        Ok(())
    })
}

/// Copies `a`'s shape or strides into `out` (capacity `n` ≥ ndim).
///
/// # Safety
/// `a` is NULL or a live handle; a non-null `out` is valid for `n` writes.
unsafe fn dims_call(
    routine: &str,
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
    strides: bool,
) -> lapis_status {
    named_call(routine, || {
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "a", a) }?;
        let n = count_arg(routine, "n", n)?;
        let nd = a.ndim();
        if n < nd {
            return Err(Failure::invalid(
                routine,
                "n",
                format!("out holds {n} entries but the array has {nd} axes"),
            ));
        }
        if nd == 0 {
            return Ok(());
        }
        check_out(routine, "out", out)?;
        for k in 0..nd {
            let v = if strides {
                a.strides()[k] as i64
            } else {
                a.shape()[k] as i64
            };
            // SAFETY: k < nd ≤ n entries (caller contract).
            unsafe { out.add(k).write(v) };
        }
        Ok(())
    })
}

/// Copies the shape of `a` (ndim entries) into `out`, which holds `n` ≥
/// ndim values (`out` may be NULL for a 0-d array). Errors: NULL `a` or
/// `out` (LAPIS_ERR_NULL_ARGUMENT), `n` < ndim (LAPIS_ERR_INVALID_ARGUMENT);
/// `out` untouched on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_shape(
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { dims_call("lapis_array_shape", a, out, n, false) }
}

/// Copies the byte strides of `a` (ndim entries, any sign) into `out`, as
/// `lapis_array_shape`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_strides(
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { dims_call("lapis_array_strides", a, out, n, true) }
}

/// `*out` = whether `a` and `b` view the same lapis buffer (one made from
/// the other by views, or both from a common base; NumPy's cheap
/// `may_share_memory` test: true even when the elements they use are
/// disjoint). Two separate wraps of the same caller memory are different
/// buffers (false). Errors: NULL `a`, `b` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_shares_buffer(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut bool,
) -> lapis_status {
    const R: &str = "lapis_array_shares_buffer";
    named_call(R, || {
        // SAFETY: caller contract.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: caller contract.
        let b = unsafe { array_ref(R, "b", b) }?;
        check_out(R, "out", out)?;
        // SAFETY: checked non-null.
        unsafe { put(out, a.shares_buffer(b)) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Views (new handles over the same memory; no element copied).
// ---------------------------------------------------------------------------

/// The shared body of the view functions: `f` maps the input array to the
/// new one, stored in `*out` on success.
///
/// # Safety
/// `a` is NULL or a live handle; `out` NULL or valid for a write.
unsafe fn view_call(
    routine: &str,
    a: *const lapis_array,
    out: *mut *mut lapis_array,
    f: impl FnOnce(&NdArray) -> FfiResult<NdArray>,
) -> lapis_status {
    named_call(routine, || {
        check_out(routine, "out", out)?;
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "a", a) }?;
        let v = f(a)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, v) };
        Ok(())
    })
}

/// A new handle viewing the same elements as `a` (NumPy's `a.view()`):
/// same dtype, shape, strides and writability; no copy. The new handle
/// keeps the buffer alive and is the caller's to free (in any order with
/// `a`). Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_view(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { view_call("lapis_array_view", a, out, |a| Ok(a.new_view())) }
}

/// Basic slicing, NumPy's `a[start[0]:stop[0]:step[0], …]` over the first
/// `n` axes (n ≤ ndim; later axes are kept whole): a view, no copy.
///
/// Python's rules per axis: negative start/stop count from the end, values
/// past either end are clipped, LAPIS_SLICE_NONE is an omitted value (the
/// end the step walks from, for start, or to, for stop); step may be
/// negative (reversing), not zero. A NULL `start` or `stop` means
/// LAPIS_SLICE_NONE for every axis, a NULL `step` means 1 for every axis.
/// The result's stride on axis k is `strides[k]·step[k]`; it is writable
/// when `a` is, and keeps the buffer alive (free it in any order).
///
/// Errors: NULL `a` or `out`; `n` < 0 (LAPIS_ERR_INVALID_ARGUMENT); `n` >
/// ndim (LAPIS_ERR_INDEX); a zero step (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_slice(
    a: *const lapis_array,
    n: i64,
    start: *const i64,
    stop: *const i64,
    step: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_slice";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            let n = count_arg(R, "n", n)?;
            if n > a.ndim() {
                return Err(lapis::Error::TooManyIndices {
                    ndim: a.ndim(),
                    given: n,
                }
                .into());
            }
            let opt = |p: *const i64, name: &str| -> FfiResult<Vec<Option<isize>>> {
                if p.is_null() {
                    return Ok(vec![None; n]);
                }
                // SAFETY: caller contract (n values).
                let v = slice_arg(R, name, p, n)?;
                v.iter()
                    .map(|&x| {
                        if x == LAPIS_SLICE_NONE {
                            Ok(None)
                        } else {
                            isize_arg(R, name, x).map(Some)
                        }
                    })
                    .collect()
            };
            let starts = opt(start, "start")?;
            let stops = opt(stop, "stop")?;
            let steps: Vec<isize> = if step.is_null() {
                vec![1; n]
            } else {
                // SAFETY: caller contract (n values).
                isize_list(R, "step", step, n)?
            };
            let idx: Vec<Idx> = (0..n)
                .map(|k| Idx::slice(starts[k], stops[k], steps[k]))
                .collect();
            Ok(a.slice(&idx)?)
        })
    }
}

/// The sub-array at position `index` of axis `axis` (NumPy's
/// `a[..., index, ...]`): a view with that axis removed. Negative `axis`
/// and `index` count from the end.
///
/// Errors: NULL `a` or `out`; axis or index out of range (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_index(
    a: *const lapis_array,
    axis: i64,
    index: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_index";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            Ok(a.index_axis(isize_arg(R, "axis", axis)?, isize_arg(R, "index", index)?)?)
        })
    }
}

/// The axes in reverse order (NumPy's `a.T`): a view. Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_transpose(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { view_call("lapis_array_transpose", a, out, |a| Ok(a.t())) }
}

/// Axis k of the result is axis `axes[k]` of `a` (NumPy's
/// `transpose(a, axes)`; negative axes count from the end): a view.
///
/// Errors: NULL `a`, `axes` (naxes > 0) or `out`; `naxes` ≠ ndim or a
/// repeated axis (LAPIS_ERR_INVALID_ARGUMENT); an axis out of range
/// (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_permute(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_permute";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            let axes = axes_i64(R, "axes", axes, naxes)?;
            Ok(a.permute_axes(&axes)?)
        })
    }
}

/// Axes `axis1` and `axis2` exchanged (NumPy's `swapaxes`): a view.
/// Errors: NULL `a` or `out`; an axis out of range (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_swapaxes(
    a: *const lapis_array,
    axis1: i64,
    axis2: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_swapaxes";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            Ok(a.swapaxes(isize_arg(R, "axis1", axis1)?, isize_arg(R, "axis2", axis2)?)?)
        })
    }
}

/// Axis `source` moved to position `destination`, the others keeping
/// their order (NumPy's `moveaxis`): a view. Errors as `lapis_array_swapaxes`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_moveaxis(
    a: *const lapis_array,
    source: i64,
    destination: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_moveaxis";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            Ok(a.moveaxis(
                isize_arg(R, "source", source)?,
                isize_arg(R, "destination", destination)?,
            )?)
        })
    }
}

/// The elements of `a` read in `order` (LAPIS_ORDER_C: last index
/// fastest; LAPIS_ORDER_F: first index fastest) arranged into `shape`
/// (`ndim` entries; one may be -1, inferred from the size). A view exactly
/// when NumPy's `reshape` gives one (always for an array contiguous in
/// `order`, and for strided arrays whose merged axes are contiguous among
/// themselves), else a copy in `order` (check with
/// `lapis_array_shares_buffer`). Either way a new handle the caller frees.
///
/// Errors: NULL `a`, `shape` (ndim > 0) or `out`; sizes that differ
/// (LAPIS_ERR_SHAPE_MISMATCH); two -1s, another negative entry, ndim < 0 or
/// > 32, an order other than C or F (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_reshape(
    a: *const lapis_array,
    ndim: i64,
    shape: *const i64,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_reshape";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            let n = ndim_i64(R, ndim)?;
            let shape = isize_list(R, "shape", shape, n)?;
            let order = layout_arg(R, order)?;
            Ok(a.reshape_order(&shape, order)?)
        })
    }
}

/// The elements as a 1-d array in `order` (NumPy's `ravel`): a view when
/// the memory allows (C: C-contiguous; F: F-contiguous; A: F if F- and not
/// C-contiguous, else C; K: memory order, a view when contiguous in some
/// axis order with positive strides), else a copy. Errors: NULL `a` or
/// `out`, bad order code (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ravel(
    a: *const lapis_array,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_ravel";
    // SAFETY: forwarded caller contract.
    unsafe { view_call(R, a, out, |a| Ok(a.ravel(order_arg(R, order)?)?)) }
}

/// A read-only view of `a` with shape `shape` (`ndim` entries) by NumPy's
/// broadcasting rule (trailing axes equal or 1 in `a`, new leading axes);
/// broadcast axes get stride 0. Errors: NULL `a`, `shape` (ndim > 0) or
/// `out`; incompatible shapes (LAPIS_ERR_SHAPE_MISMATCH); negative entries
/// or ndim > 32 (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_broadcast_to(
    a: *const lapis_array,
    ndim: i64,
    shape: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_broadcast_to";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            let shape = shape_i64(R, ndim, shape)?;
            Ok(a.broadcast_to(&shape)?)
        })
    }
}

/// The real part: for complex64/complex128 a float32/float64 view of the
/// same memory with the same byte strides, writable when `a` is (writes
/// change the real parts); for a real array a view of `a` itself. Errors:
/// NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_real(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { view_call("lapis_array_real", a, out, |a| Ok(a.real())) }
}

/// The imaginary part: for a complex array a view like `lapis_array_real`
/// offset by one real element (writable when `a` is); for a real array a
/// read-only array of zeros of `a`'s shape and dtype (NumPy's; no
/// allocation). Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_imag(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe { view_call("lapis_array_imag", a, out, |a| Ok(a.imag())) }
}

/// Length-1 axes removed: all of them when `axes` is NULL (and `naxes` 0),
/// else exactly the `naxes` listed (each of length 1; negative counts from
/// the end). A view. Errors: NULL `a`, `out`, or `axes` with naxes > 0;
/// a listed axis whose length is not 1 (LAPIS_ERR_SHAPE_MISMATCH); axis out
/// of range (LAPIS_ERR_INDEX); a repeated axis (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_squeeze(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_squeeze";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            if axes.is_null() && naxes == 0 {
                return Ok(a.squeeze());
            }
            let axes = axes_i64(R, "axes", axes, naxes)?;
            Ok(a.squeeze_axes(&axes)?)
        })
    }
}

/// New length-1 axes at the `naxes` positions `axes` of the result
/// (NumPy's `expand_dims`; negative positions count from the end of the
/// result): a view. Errors: NULL `a`, `axes` (naxes > 0) or `out`; position
/// out of range (LAPIS_ERR_INDEX); a repeated position
/// (LAPIS_ERR_INVALID_ARGUMENT); more than 32 axes.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_expand_dims(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_expand_dims";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            let axes = axes_i64(R, "axes", axes, naxes)?;
            Ok(a.expand_dims(&axes)?)
        })
    }
}

/// The diagonal `a[…, i, …, i + offset, …]` of the plane of `axis1` and
/// `axis2` (NumPy's `diagonal`): a read-only view whose last axis runs
/// along the diagonal, after the remaining axes in order. Offsets past the
/// edge give an empty diagonal. Errors: NULL `a` or `out`; fewer than 2
/// axes (LAPIS_ERR_SHAPE_MISMATCH); axis out of range (LAPIS_ERR_INDEX);
/// equal axes (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_diagonal(
    a: *const lapis_array,
    offset: i64,
    axis1: i64,
    axis2: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_diagonal";
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call(R, a, out, |a| {
            Ok(a.diagonal(
                isize_arg(R, "offset", offset)?,
                isize_arg(R, "axis1", axis1)?,
                isize_arg(R, "axis2", axis2)?,
            )?)
        })
    }
}

// ---------------------------------------------------------------------------
// Copies and conversions.
// ---------------------------------------------------------------------------

/// A copy of `a` in a new buffer laid out in `order`: LAPIS_ORDER_C,
/// LAPIS_ORDER_F, LAPIS_ORDER_A (F if `a` is F- and not C-contiguous, else
/// C) or LAPIS_ORDER_K (`a`'s axis order; negative strides become
/// positive). Always copies; the new handle owns its buffer.
///
/// Errors: NULL `a` or `out`; bad order code (LAPIS_ERR_INVALID_ARGUMENT);
/// `a` being written by another call (LAPIS_ERR_BUSY); allocation failure.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_copy(
    a: *const lapis_array,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_copy";
    // SAFETY: forwarded caller contract.
    unsafe { view_call(R, a, out, |a| Ok(a.copy(order_arg(R, order)?)?)) }
}

/// A copy of `a` converted to `dtype` (order K), under NumPy's `same_kind`
/// rule: real → real or complex, complex → complex (float64 → float32
/// rounds). Complex → real is refused (LAPIS_ERR_INVALID_VALUE): take
/// `lapis_array_real` first to drop the imaginary parts explicitly. Always
/// copies, even to the same dtype.
///
/// Errors: NULL `a` or `out`; unknown dtype (LAPIS_ERR_BAD_DTYPE); a
/// forbidden cast (LAPIS_ERR_INVALID_VALUE); as `lapis_array_copy`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_astype(
    a: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_astype";
    // SAFETY: forwarded caller contract.
    unsafe { view_call(R, a, out, |a| Ok(a.astype(dtype_arg(R, dtype)?)?)) }
}

/// A C-contiguous array with `a`'s elements: a new view of `a` (no copy)
/// when `a` is already C-contiguous, else a C-order copy (NumPy's
/// `ascontiguousarray`). Errors as `lapis_array_copy`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ascontiguousarray(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call("lapis_array_ascontiguousarray", a, out, |a| {
            Ok(a.ascontiguousarray()?)
        })
    }
}

/// A Fortran-contiguous array with `a`'s elements: a view when `a` already
/// is, else an F-order copy (NumPy's `asfortranarray`). Errors as
/// `lapis_array_copy`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_asfortranarray(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    unsafe {
        view_call("lapis_array_asfortranarray", a, out, |a| {
            Ok(a.asfortranarray()?)
        })
    }
}

/// Writes `src`'s elements into `dst` (NumPy's `copyto(dst, src)` /
/// `dst[...] = src`): `src` is broadcast to `dst`'s shape and converted to
/// `dst`'s dtype under the `same_kind` rule (complex → real refused). A
/// `src` sharing `dst`'s buffer is read completely before anything is
/// written. `dst` and `src` may be the same handle.
///
/// Errors: NULL `dst` or `src`; read-only `dst` (LAPIS_ERR_READ_ONLY);
/// `dst` with overlapping elements (LAPIS_ERR_BAD_STRIDE); shapes that do
/// not broadcast (LAPIS_ERR_SHAPE_MISMATCH); a forbidden cast
/// (LAPIS_ERR_INVALID_VALUE); a buffer busy in another call
/// (LAPIS_ERR_BUSY). Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_copyto(
    dst: *mut lapis_array,
    src: *const lapis_array,
) -> lapis_status {
    const R: &str = "lapis_array_copyto";
    named_call(R, || {
        // SAFETY: caller contract.
        let mut d = unsafe { out_view(R, "dst", dst) }?;
        // SAFETY: caller contract.
        let s = unsafe { array_ref(R, "src", src) }?;
        d.copyto(s, Casting::SameKind)?;
        Ok(())
    })
}

/// Sets every element of `a` to `value` (rounded to the dtype); a real
/// array needs `value.im == 0` (LAPIS_ERR_INVALID_VALUE). Errors otherwise
/// as `lapis_array_copyto` for `dst`. Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_fill(
    a: *mut lapis_array,
    value: lapis_complex128,
) -> lapis_status {
    const R: &str = "lapis_array_fill";
    named_call(R, || {
        // SAFETY: caller contract.
        let mut v = unsafe { out_view(R, "a", a) }?;
        v.fill(value.into())?;
        Ok(())
    })
}

/// Joins the `n` arrays `arrays[0..n]` along existing axis `axis`
/// (negative counts from the end) into a new array (NumPy's
/// `concatenate`): same number of axes, equal lengths off the axis; the
/// dtype is the promotion of the inputs' (float32 + complex64 → complex64,
/// float32 + float64 → float64, …); the layout follows the inputs' (C
/// unless all agree on another). The new handle owns its buffer.
///
/// Errors: NULL `arrays` (n > 0), an entry, or `out`
/// (LAPIS_ERR_NULL_ARGUMENT); `n` < 0 (LAPIS_ERR_INVALID_ARGUMENT); `n` == 0
/// (LAPIS_ERR_INVALID_VALUE); 0-d inputs or mismatched shapes
/// (LAPIS_ERR_SHAPE_MISMATCH); axis out of range (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_concatenate(
    n: i64,
    arrays: *const *const lapis_array,
    axis: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_concatenate";
    named_call(R, || {
        check_out(R, "out", out)?;
        // SAFETY: caller contract.
        let list = unsafe { array_list(R, n, arrays) }?;
        let c = array::concatenate(&list, isize_arg(R, "axis", axis)?)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, c) };
        Ok(())
    })
}

/// Joins `n` arrays of one shape along a new axis at position `axis` of the
/// result (NumPy's `stack`; negative counts from the end of the result,
/// which has ndim + 1 axes). Dtype and errors as `lapis_concatenate`
/// (arrays of different shapes: LAPIS_ERR_SHAPE_MISMATCH).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_stack(
    n: i64,
    arrays: *const *const lapis_array,
    axis: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_stack";
    named_call(R, || {
        check_out(R, "out", out)?;
        // SAFETY: caller contract.
        let list = unsafe { array_list(R, n, arrays) }?;
        let c = array::stack(&list, isize_arg(R, "axis", axis)?)?;
        // SAFETY: checked non-null.
        unsafe { put_array(out, c) };
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Element access and bulk transfer.
// ---------------------------------------------------------------------------

/// `*out` = the element of `a` at `index` (ndim entries, negative counting
/// from the end; NULL allowed for a 0-d array), widened exactly to
/// complex128 (real dtypes give `im == 0`).
///
/// Errors: NULL `a`, `index` (ndim > 0) or `out`; an index out of range
/// (LAPIS_ERR_INDEX); `a` being written by another call (LAPIS_ERR_BUSY).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_get(
    a: *const lapis_array,
    index: *const i64,
    out: *mut lapis_complex128,
) -> lapis_status {
    const R: &str = "lapis_array_get";
    named_call(R, || {
        // SAFETY: caller contract.
        let a = unsafe { array_ref(R, "a", a) }?;
        check_out(R, "out", out)?;
        // SAFETY: caller contract (ndim values).
        let idx = unsafe { isize_list(R, "index", index, a.ndim()) }?;
        let v = a.item_c128(&idx)?;
        // SAFETY: checked non-null.
        unsafe { put(out, v.into()) };
        Ok(())
    })
}

/// Writes `value` (rounded to the dtype) at `index` of `a`, as
/// `lapis_array_get` reads it; a real array needs `value.im == 0`
/// (LAPIS_ERR_INVALID_VALUE). Errors also: read-only `a`
/// (LAPIS_ERR_READ_ONLY), as `lapis_array_get`. Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_set(
    a: *mut lapis_array,
    index: *const i64,
    value: lapis_complex128,
) -> lapis_status {
    const R: &str = "lapis_array_set";
    named_call(R, || {
        // SAFETY: caller contract.
        let mut v = unsafe { out_view(R, "a", a) }?;
        // SAFETY: caller contract (ndim values).
        let idx = unsafe { isize_list(R, "index", index, v.ndim()) }?;
        v.set_item_c128(&idx, value.into())?;
        Ok(())
    })
}

/// Wraps a caller's contiguous transfer buffer of `a`'s shape and dtype.
///
/// # Safety
/// `buf` is valid for `a.nbytes()` bytes (reads, and writes unless
/// `readonly`) during the returned array's life.
unsafe fn transfer_buffer(
    routine: &str,
    a: &NdArray,
    buf: *mut c_void,
    nbytes: usize,
    order: lapis_order,
    readonly: bool,
) -> FfiResult<NdArray> {
    let order = layout_arg(routine, order)?;
    let need = a.nbytes();
    if nbytes < need {
        return Err(Failure::invalid(
            routine,
            "nbytes",
            format!("the buffer holds {nbytes} bytes but the array needs {need}"),
        ));
    }
    if buf.is_null() && need > 0 {
        return Err(Failure::null(routine, if readonly { "src" } else { "dst" }));
    }
    let mut shape = [0usize; MAX_DIMS];
    shape[..a.ndim()].copy_from_slice(a.shape());
    let shape = &shape[..a.ndim()];
    let strides = contiguous_byte_strides(shape, a.itemsize(), order);
    // SAFETY: caller contract (need ≤ nbytes bytes at buf).
    Ok(unsafe {
        NdArray::from_raw_parts(buf as *mut u8, a.dtype(), shape, &strides, readonly, None)
    }?)
}

/// Copies `a`'s elements into the caller's buffer `dst` (`nbytes` ≥
/// `lapis_array_nbytes(a)`; only that many bytes are written), contiguous
/// in `order` (LAPIS_ORDER_C or LAPIS_ORDER_F), in `a`'s dtype (complex as
/// interleaved re, im pairs). `dst` must be aligned for the dtype and must
/// not overlap `a`'s memory. Works for any strides of `a`.
///
/// Errors: NULL `a` or `dst` (non-empty `a`); `nbytes` too small or
/// another order (LAPIS_ERR_INVALID_ARGUMENT); misaligned `dst`
/// (LAPIS_ERR_BAD_STRIDE); `a` being written by another call
/// (LAPIS_ERR_BUSY). `dst` is untouched on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_read(
    a: *const lapis_array,
    dst: *mut c_void,
    nbytes: usize,
    order: lapis_order,
) -> lapis_status {
    const R: &str = "lapis_array_read";
    named_call(R, || {
        // SAFETY: caller contract.
        let a = unsafe { array_ref(R, "a", a) }?;
        // SAFETY: caller contract (nbytes writable bytes at dst).
        let mut d = unsafe { transfer_buffer(R, a, dst, nbytes, order, false) }?;
        d.copyto(a, Casting::No)?;
        Ok(())
    })
}

/// Copies the caller's buffer `src` (`nbytes` ≥ `lapis_array_nbytes(a)`,
/// elements of `a`'s dtype contiguous in `order`, C or F) into `a`, which
/// may have any strides. `src` must be aligned for the dtype and must not
/// overlap `a`'s memory.
///
/// Errors: as `lapis_array_read`, and read-only `a` (LAPIS_ERR_READ_ONLY),
/// `a` with overlapping elements (LAPIS_ERR_BAD_STRIDE). `a` is untouched
/// on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above, and handles must come from lapis and not be freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_write(
    a: *mut lapis_array,
    src: *const c_void,
    nbytes: usize,
    order: lapis_order,
) -> lapis_status {
    const R: &str = "lapis_array_write";
    named_call(R, || {
        // SAFETY: caller contract.
        let mut v = unsafe { out_view(R, "a", a) }?;
        // SAFETY: caller contract (nbytes readable bytes at src); the
        // wrap is read-only, so src is never written.
        let s = unsafe { transfer_buffer(R, &v, src as *mut c_void, nbytes, order, true) }?;
        v.copyto(&s, Casting::No)?;
        Ok(())
    })
}
