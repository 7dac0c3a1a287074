//! Views: new handles over the same memory (no element copied), except
//! where a function says it may copy (`lapis_array_reshape`,
//! `lapis_array_ravel`).

use super::{
    LAPIS_SLICE_NONE, axes_i64, count_arg, isize_arg, layout_arg, ndim_i64, new_from, shape_i64,
};
use crate::{
    FfiResult, call, isize_list, lapis_array, lapis_order, lapis_status, order_arg, slice_arg,
};
use lapis::array::{Idx, NdArray};

/// A new handle viewing the same elements as `a` (NumPy's `a.view()`):
/// same dtype, shape, strides and writability; no copy. The new handle
/// keeps the buffer alive and is the caller's to free (in any order with
/// `a`). Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_view(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a` is NULL or a live handle and `out` NULL or writable (this
    // function's # Safety); NULLs are reported.
    call(|| unsafe { new_from("lapis_array_view", a, out, |a| Ok(a.new_view())) })
}

/// The `n` slice bounds at `p` (NULL: all omitted), LAPIS_SLICE_NONE read
/// as omitted.
///
/// # Safety
/// A non-null `p` is valid for reads of `n` values.
unsafe fn bounds_arg(
    routine: &str,
    name: &str,
    p: *const i64,
    n: usize,
) -> FfiResult<Vec<Option<isize>>> {
    if p.is_null() {
        return Ok(vec![None; n]);
    }
    // SAFETY: `p` is non-null and holds `n` values (this function's contract).
    let v = unsafe { slice_arg(routine, name, p, n) }?;
    v.iter()
        .map(|&x| match x {
            LAPIS_SLICE_NONE => Ok(None),
            _ => isize_arg(routine, name, x).map(Some),
        })
        .collect()
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_slice(
    a: *const lapis_array,
    n: i64,
    start: *const i64,
    stop: *const i64,
    step: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_slice";
        let f = |a: &NdArray| {
            let n = count_arg(R, "n", n)?;
            if n > a.ndim() {
                let ndim = a.ndim();
                return Err(lapis::Error::TooManyIndices { ndim, given: n }.into());
            }
            // SAFETY: non-null `start` and `stop` hold `n` values (this
            // function's # Safety).
            let (starts, stops) = unsafe {
                (
                    bounds_arg(R, "start", start, n)?,
                    bounds_arg(R, "stop", stop, n)?,
                )
            };
            let steps: Vec<isize> = if step.is_null() {
                vec![1; n]
            } else {
                // SAFETY: a non-null `step` holds `n` values (this
                // function's # Safety).
                unsafe { isize_list(R, "step", step, n) }?
            };
            let idx: Vec<Idx> = (0..n)
                .map(|k| Idx::slice(starts[k], stops[k], steps[k]))
                .collect();
            Ok(a.slice(&idx)?)
        };
        // SAFETY: `a` is NULL or a live handle and `out` NULL or writable
        // (this function's # Safety); NULLs are reported.
        unsafe { new_from(R, a, out, f) }
    })
}

/// The sub-array at position `index` of axis `axis` (NumPy's
/// `a[..., index, ...]`): a view with that axis removed. Negative `axis`
/// and `index` count from the end.
///
/// Errors: NULL `a` or `out`; axis or index out of range (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_index(
    a: *const lapis_array,
    axis: i64,
    index: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_index";
        let f = |a: &NdArray| {
            Ok(a.index_axis(isize_arg(R, "axis", axis)?, isize_arg(R, "index", index)?)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// The axes in reverse order (NumPy's `a.T`): a view. Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_transpose(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_array_view` (the same # Safety).
    call(|| unsafe { new_from("lapis_array_transpose", a, out, |a| Ok(a.t())) })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_permute(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_permute";
        let f = |a: &NdArray| {
            // SAFETY: a non-null `axes` holds `naxes` values (this
            // function's # Safety); a NULL one is reported.
            let axes = unsafe { axes_i64(R, "axes", axes, naxes) }?;
            Ok(a.permute_axes(&axes)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// Axes `axis1` and `axis2` exchanged (NumPy's `swapaxes`): a view.
/// Errors: NULL `a` or `out`; an axis out of range (LAPIS_ERR_INDEX).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_swapaxes(
    a: *const lapis_array,
    axis1: i64,
    axis2: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_swapaxes";
        let f = |a: &NdArray| {
            Ok(a.swapaxes(isize_arg(R, "axis1", axis1)?, isize_arg(R, "axis2", axis2)?)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// Axis `source` moved to position `destination`, the others keeping
/// their order (NumPy's `moveaxis`): a view. Errors as `lapis_array_swapaxes`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_moveaxis(
    a: *const lapis_array,
    source: i64,
    destination: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_moveaxis";
        let f = |a: &NdArray| {
            let source = isize_arg(R, "source", source)?;
            Ok(a.moveaxis(source, isize_arg(R, "destination", destination)?)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_reshape(
    a: *const lapis_array,
    ndim: i64,
    shape: *const i64,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_reshape";
        let f = |a: &NdArray| {
            let n = ndim_i64(R, ndim)?;
            // SAFETY: a non-null `shape` holds `ndim` values (this
            // function's # Safety); a NULL one is reported.
            let shape = unsafe { isize_list(R, "shape", shape, n) }?;
            Ok(a.reshape_order(&shape, layout_arg(R, order)?)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// The elements as a 1-d array in `order` (NumPy's `ravel`): a view when
/// the memory allows (C: C-contiguous; F: F-contiguous; A: F if F- and not
/// C-contiguous, else C; K: memory order, a view when contiguous in some
/// axis order with positive strides), else a copy. Errors: NULL `a` or
/// `out`, bad order code (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ravel(
    a: *const lapis_array,
    order: lapis_order,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_ravel";
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, |a| Ok(a.ravel(order_arg(R, order)?)?)) }
    })
}

/// A read-only view of `a` with shape `shape` (`ndim` entries) by NumPy's
/// broadcasting rule (trailing axes equal or 1 in `a`, new leading axes);
/// broadcast axes get stride 0. Errors: NULL `a`, `shape` (ndim > 0) or
/// `out`; incompatible shapes (LAPIS_ERR_SHAPE_MISMATCH); negative entries
/// or ndim > 32 (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_broadcast_to(
    a: *const lapis_array,
    ndim: i64,
    shape: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_broadcast_to";
        let f = |a: &NdArray| {
            // SAFETY: a non-null `shape` holds `ndim` values (this
            // function's # Safety); a NULL one is reported.
            let shape = unsafe { shape_i64(R, ndim, shape) }?;
            Ok(a.broadcast_to(&shape)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// The real part: for complex64/complex128 a float32/float64 view of the
/// same memory with the same byte strides, writable when `a` is (writes
/// change the real parts); for a real array a view of `a` itself. Errors:
/// NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_real(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_array_view` (the same # Safety).
    call(|| unsafe { new_from("lapis_array_real", a, out, |a| Ok(a.real())) })
}

/// The imaginary part: for a complex array a view like `lapis_array_real`
/// offset by one real element (writable when `a` is); for a real array a
/// read-only array of zeros of `a`'s shape and dtype (NumPy's; no
/// allocation). Errors: NULL `a` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_imag(
    a: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_array_view` (the same # Safety).
    call(|| unsafe { new_from("lapis_array_imag", a, out, |a| Ok(a.imag())) })
}

/// Length-1 axes removed: all of them when `axes` is NULL (and `naxes` 0),
/// else exactly the `naxes` listed (each of length 1; negative counts from
/// the end). A view. Errors: NULL `a`, `out`, or `axes` with naxes > 0;
/// a listed axis whose length is not 1 (LAPIS_ERR_SHAPE_MISMATCH); axis out
/// of range (LAPIS_ERR_INDEX); a repeated axis (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_squeeze(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_squeeze";
        let f = |a: &NdArray| {
            if axes.is_null() && naxes == 0 {
                return Ok(a.squeeze());
            }
            // SAFETY: a non-null `axes` holds `naxes` values (this
            // function's # Safety); a NULL one is reported.
            let axes = unsafe { axes_i64(R, "axes", axes, naxes) }?;
            Ok(a.squeeze_axes(&axes)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}

/// New length-1 axes at the `naxes` positions `axes` of the result
/// (NumPy's `expand_dims`; negative positions count from the end of the
/// result): a view. Errors: NULL `a`, `axes` (naxes > 0) or `out`; position
/// out of range (LAPIS_ERR_INDEX); a repeated position
/// (LAPIS_ERR_INVALID_ARGUMENT); more than 32 axes.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_expand_dims(
    a: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_expand_dims";
        let f = |a: &NdArray| {
            // SAFETY: a non-null `axes` holds `naxes` values (this
            // function's # Safety); a NULL one is reported.
            let axes = unsafe { axes_i64(R, "axes", axes, naxes) }?;
            Ok(a.expand_dims(&axes)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_diagonal(
    a: *const lapis_array,
    offset: i64,
    axis1: i64,
    axis2: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_diagonal";
        let f = |a: &NdArray| {
            let offset = isize_arg(R, "offset", offset)?;
            let (axis1, axis2) = (isize_arg(R, "axis1", axis1)?, isize_arg(R, "axis2", axis2)?);
            Ok(a.diagonal(offset, axis1, axis2)?)
        };
        // SAFETY: as in `lapis_array_view` (the same # Safety).
        unsafe { new_from(R, a, out, f) }
    })
}
