//! Wrapping caller memory as arrays without copying. The checks that every
//! element lies inside the caller's buffer, that strides are multiples of
//! the itemsize and that element 0 is aligned are lapis's
//! (`NdArray::from_raw_buffer`, `NdArray::from_raw_parts`); this file
//! translates the C arguments and reports a NULL buffer.

use std::ffi::c_void;

use super::{isize_arg, layout_arg, new_array, shape_i64};
use crate::{
    Failure, call, dtype_arg, isize_list, lapis_array, lapis_dtype, lapis_order, lapis_status,
};
use lapis::array::{MemOrder, NdArray};

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
/// described above (handles are validated: see `lapis_array`).
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
    call(|| {
        const R: &str = "lapis_array_wrap";
        let make = || {
            let dtype = dtype_arg(R, dtype)?;
            // SAFETY: a non-null `shape` holds `ndim` values (this
            // function's # Safety); a NULL one is reported.
            let shape = unsafe { shape_i64(R, ndim, shape) }?;
            let strides = if strides.is_null() {
                NdArray::contiguous_byte_strides(&shape, dtype, MemOrder::C)
            } else {
                // SAFETY: a non-null `strides` holds `ndim` values (this
                // function's # Safety).
                unsafe { isize_list(R, "strides", strides, shape.len()) }?
            };
            if base.is_null() && !shape.contains(&0) {
                return Err(Failure::null(R, "base"));
            }
            let offset = isize_arg(R, "offset", offset)?;
            let buffer = std::ptr::slice_from_raw_parts_mut(base.cast::<u8>(), nbytes);
            // SAFETY: the caller keeps the `nbytes` bytes at `base` valid,
            // initialized and otherwise unaccessed (read-only when
            // `readonly`) until the handle and its views are freed (this
            // function's contract above); from_raw_buffer accepts only
            // element addresses inside them.
            let a = unsafe {
                NdArray::from_raw_buffer(buffer, offset, dtype, &shape, &strides, readonly, None)
            }?;
            Ok(a)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
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
/// described above (handles are validated: see `lapis_array`).
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
    call(|| {
        const R: &str = "lapis_array_wrap_contiguous";
        let make = || {
            let dtype = dtype_arg(R, dtype)?;
            // SAFETY: a non-null `shape` holds `ndim` values (this
            // function's # Safety); a NULL one is reported.
            let shape = unsafe { shape_i64(R, ndim, shape) }?;
            let order = layout_arg(R, order)?;
            if data.is_null() && !shape.contains(&0) {
                return Err(Failure::null(R, "data"));
            }
            let strides = NdArray::contiguous_byte_strides(&shape, dtype, order);
            // SAFETY: the caller keeps size · itemsize bytes at `data`
            // valid, initialized and otherwise unaccessed (read-only when
            // `readonly`) for the handle's life (this function's contract
            // above), and these strides address exactly those bytes;
            // from_raw_parts checks the sizes and the alignment.
            let a = unsafe {
                NdArray::from_raw_parts(data.cast(), dtype, &shape, &strides, readonly, None)
            }?;
            Ok(a)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}
