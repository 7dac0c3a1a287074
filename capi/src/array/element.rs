//! Element access (`lapis_array_get`/`_set`) and bulk transfer between a
//! handle and a caller's contiguous buffer (`lapis_array_read`/`_write`).

use std::ffi::c_void;

use super::{layout_arg, named};
use crate::{
    Failure, FfiResult, array_ref, call, check_out, isize_list, lapis_array, lapis_complex128,
    lapis_order, lapis_status, out_view, put,
};
use lapis::array::{Casting, MAX_DIMS, NdArray};

/// `*out` = the element of `a` at `index` (ndim entries, negative counting
/// from the end; NULL allowed for a 0-d array), widened exactly to
/// complex128 (real dtypes give `im == 0`).
///
/// Errors: NULL `a`, `index` (ndim > 0) or `out`; an index out of range
/// (LAPIS_ERR_INDEX); `a` being written by another call (LAPIS_ERR_BUSY).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_get(
    a: *const lapis_array,
    index: *const i64,
    out: *mut lapis_complex128,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_get";
        named(R, || {
            let a = array_ref(R, "a", a)?;
            check_out(R, "out", out)?;
            // SAFETY: a non-null `index` holds ndim values (this function's
            // # Safety); a NULL one is reported.
            let idx = unsafe { isize_list(R, "index", index, a.ndim()) }?;
            let v = a.item_c128(&idx)?;
            // SAFETY: `out` is non-null (checked above) and writable (this
            // function's # Safety).
            unsafe { put(out, v.into()) };
            Ok(())
        })
    })
}

/// Writes `value` (rounded to the dtype) at `index` of `a`, as
/// `lapis_array_get` reads it; a real array needs `value.im == 0`
/// (LAPIS_ERR_INVALID_VALUE). Errors also: read-only `a`
/// (LAPIS_ERR_READ_ONLY), as `lapis_array_get`. Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_set(
    a: *mut lapis_array,
    index: *const i64,
    value: lapis_complex128,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_set";
        named(R, || {
            let mut v = out_view(R, "a", a)?;
            // SAFETY: a non-null `index` holds ndim values (this function's
            // # Safety); a NULL one is reported.
            let idx = unsafe { isize_list(R, "index", index, v.ndim()) }?;
            Ok(v.set_item_c128(&idx, value.into())?)
        })
    })
}

/// Wraps a caller's transfer buffer (`nbytes` bytes at `buf`, at least
/// `a.nbytes()`) as an array of `a`'s shape and dtype, contiguous in
/// `order`: the destination of `lapis_array_read`, or (read-only) the
/// source of `lapis_array_write`.
///
/// # Safety
/// A non-null `buf` is valid for reads (and writes, unless `readonly`) of
/// `nbytes` bytes, and otherwise unaccessed during the returned array's
/// life (the destination of a read is only written).
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
    let strides = NdArray::contiguous_byte_strides(shape, a.dtype(), order);
    // SAFETY: these strides address exactly the first a.nbytes() ≤ nbytes
    // bytes at `buf`, which this function's contract makes valid for the
    // array's life.
    Ok(unsafe { NdArray::from_raw_parts(buf.cast(), a.dtype(), shape, &strides, readonly, None) }?)
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_read(
    a: *const lapis_array,
    dst: *mut c_void,
    nbytes: usize,
    order: lapis_order,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_read";
        named(R, || {
            let a = array_ref(R, "a", a)?;
            // SAFETY: a non-null `dst` holds `nbytes` writable bytes that do
            // not overlap `a` (this function's # Safety); `d` lives only
            // in this call.
            let mut d = unsafe { transfer_buffer(R, &a, dst, nbytes, order, false) }?;
            Ok(d.copyto(&a, Casting::No)?)
        })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_write(
    a: *mut lapis_array,
    src: *const c_void,
    nbytes: usize,
    order: lapis_order,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_write";
        named(R, || {
            let mut v = out_view(R, "a", a)?;
            // SAFETY: a non-null `src` holds `nbytes` readable bytes that do
            // not overlap `a` (this function's # Safety); the wrap is
            // read-only, so they are never written, and `s` lives only in
            // this call.
            let s = unsafe { transfer_buffer(R, &v, src.cast_mut(), nbytes, order, true) }?;
            Ok(v.copyto(&s, Casting::No)?)
        })
    })
}
