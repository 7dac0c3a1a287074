//! Copies and conversions: copies in an order or a dtype, contiguous
//! arrays, `copyto`, `fill`, and joining arrays (`concatenate`, `stack`).

use super::{array_list, isize_arg, named, new_array, new_from};
use crate::{
    array_ref, call, dtype_arg, lapis_array, lapis_complex128, lapis_dtype, lapis_order,
    lapis_status, order_arg, out_view,
};
use lapis::array::{self, Casting};

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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_copy(
    a: *const lapis_array,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_copy";
        // SAFETY: `a` is NULL or a live handle and `out` NULL or writable
        // (this function's # Safety); NULLs are reported.
        unsafe { new_from(R, a, out, |a| Ok(a.copy(order_arg(R, order)?)?)) }
    })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_astype(
    a: *const lapis_array,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_astype";
        // SAFETY: as in `lapis_array_copy` (the same # Safety).
        unsafe { new_from(R, a, out, |a| Ok(a.astype(dtype_arg(R, dtype)?)?)) }
    })
}

/// A C-contiguous array with `a`'s elements: a new view of `a` (no copy)
/// when `a` is already C-contiguous, else a C-order copy (NumPy's
/// `ascontiguousarray`). Errors as `lapis_array_copy`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ascontiguousarray(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_ascontiguousarray";
        // SAFETY: as in `lapis_array_copy` (the same # Safety).
        unsafe { new_from(R, a, out, |a| Ok(a.ascontiguousarray()?)) }
    })
}

/// A Fortran-contiguous array with `a`'s elements: a view when `a` already
/// is, else an F-order copy (NumPy's `asfortranarray`). Errors as
/// `lapis_array_copy`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_asfortranarray(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_asfortranarray";
        // SAFETY: as in `lapis_array_copy` (the same # Safety).
        unsafe { new_from(R, a, out, |a| Ok(a.asfortranarray()?)) }
    })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_copyto(
    dst: *mut lapis_array,
    src: *const lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_copyto";
        named(R, || {
            let (mut d, s) = (out_view(R, "dst", dst)?, array_ref(R, "src", src)?);
            Ok(d.copyto(&s, Casting::SameKind)?)
        })
    })
}

/// Sets every element of `a` to `value` (rounded to the dtype); a real
/// array needs `value.im == 0` (LAPIS_ERR_INVALID_VALUE). Errors otherwise
/// as `lapis_array_copyto` for `dst`. Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_fill(
    a: *mut lapis_array,
    value: lapis_complex128,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_fill";
        named(R, || {
            let mut v = out_view(R, "a", a)?;
            Ok(v.fill(value.into())?)
        })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_concatenate(
    n: i64,
    arrays: *const *const lapis_array,
    axis: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_concatenate";
        let make = || {
            // SAFETY: a non-null `arrays` holds `n` pointers, each NULL or a
            // live handle (this function's # Safety); NULLs are reported.
            let list = unsafe { array_list(R, n, arrays) }?;
            let mut refs = crate::args::list_with_capacity(R, list.len())?;
            refs.extend(list.iter().map(|a| &**a));
            Ok(array::concatenate(&refs, isize_arg(R, "axis", axis)?)?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}

/// Joins `n` arrays of one shape along a new axis at position `axis` of the
/// result (NumPy's `stack`; negative counts from the end of the result,
/// which has ndim + 1 axes). Dtype and errors as `lapis_concatenate`
/// (arrays of different shapes: LAPIS_ERR_SHAPE_MISMATCH).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_stack(
    n: i64,
    arrays: *const *const lapis_array,
    axis: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_stack";
        let make = || {
            // SAFETY: as in `lapis_concatenate` (the same # Safety).
            let list = unsafe { array_list(R, n, arrays) }?;
            let mut refs = crate::args::list_with_capacity(R, list.len())?;
            refs.extend(list.iter().map(|a| &**a));
            Ok(array::stack(&refs, isize_arg(R, "axis", axis)?)?)
        };
        // SAFETY: `out` is NULL or writable (this function's # Safety).
        unsafe { new_array(R, out, make) }
    })
}
