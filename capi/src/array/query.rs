//! Queries of an array handle: dtype, sizes, flags, the data address,
//! shape and strides, and buffer sharing.

use std::ffi::c_void;

use super::{
    LAPIS_FLAG_C_CONTIGUOUS, LAPIS_FLAG_F_CONTIGUOUS, LAPIS_FLAG_OWNS_DATA, LAPIS_FLAG_WRITABLE,
    count_arg, named,
};
use crate::{
    Failure, FfiResult, array_ref, call, check_out, dtype_code, lapis_array, lapis_dtype,
    lapis_status, out_view, put,
};
use lapis::array::NdArray;

/// The shared body of the scalar queries: `*out = get(a)`.
///
/// # Safety
/// `a` is NULL or a live handle; `out` is NULL or valid for a write.
unsafe fn query<T>(
    routine: &str,
    a: *const lapis_array,
    out: *mut T,
    get: impl FnOnce(&NdArray) -> T,
) -> FfiResult {
    named(routine, || {
        let a = array_ref(routine, "a", a)?;
        check_out(routine, "out", out)?;
        // SAFETY: `out` is non-null (checked above) and writable (this
        // function's contract).
        unsafe { put(out, get(&a)) };
        Ok(())
    })
}

/// `*out` = the dtype code of `a`. Errors: NULL `a` or `out`
/// (LAPIS_ERR_NULL_ARGUMENT; `*out` untouched).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_dtype(
    a: *const lapis_array,
    out: *mut lapis_dtype,
) -> lapis_status {
    // SAFETY: `a` is NULL or a live handle and `out` NULL or writable (this
    // function's # Safety); NULLs are reported.
    call(|| unsafe { query("lapis_array_dtype", a, out, |a| dtype_code(a.dtype())) })
}

/// `*out` = the number of axes of `a` (0 ..= 32). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_ndim(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe { query("lapis_array_ndim", a, out, |a| a.ndim() as i64) })
}

/// `*out` = the number of elements of `a` (1 for 0-d). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_size(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe { query("lapis_array_size", a, out, |a| a.size() as i64) })
}

/// `*out` = the bytes of one element (4, 8, 8, 16 for float32, float64,
/// complex64, complex128). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_itemsize(
    a: *const lapis_array,
    out: *mut i64,
) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe { query("lapis_array_itemsize", a, out, |a| a.itemsize() as i64) })
}

/// `*out` = size · itemsize: the bytes the elements take (what
/// `lapis_array_read` writes), not the size of the underlying buffer.
/// Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_nbytes(a: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe { query("lapis_array_nbytes", a, out, |a| a.nbytes() as i64) })
}

/// The `LAPIS_FLAG_*` bits of `a`'s flags.
fn flag_bits(a: &NdArray) -> i32 {
    let f = a.flags();
    let bit = |on: bool, b: i32| if on { b } else { 0 };
    bit(f.c_contiguous, LAPIS_FLAG_C_CONTIGUOUS)
        | bit(f.f_contiguous, LAPIS_FLAG_F_CONTIGUOUS)
        | bit(f.writable, LAPIS_FLAG_WRITABLE)
        | bit(f.owns_data, LAPIS_FLAG_OWNS_DATA)
}

/// `*out` = the flags of `a`: a bit set of LAPIS_FLAG_C_CONTIGUOUS,
/// LAPIS_FLAG_F_CONTIGUOUS, LAPIS_FLAG_WRITABLE, LAPIS_FLAG_OWNS_DATA
/// (NumPy's flags). Errors as `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_flags(a: *const lapis_array, out: *mut i32) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe { query("lapis_array_flags", a, out, flag_bits) })
}

/// `*out` = the address of element 0 (index [0, …, 0]) for reading;
/// element i is at `*out + Σ i[k]·strides[k]` (`lapis_array_strides`).
/// The memory belongs to the array: valid while any handle on its buffer
/// lives. For an empty array the address must not be read. Errors as
/// `lapis_array_dtype`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_data(
    a: *const lapis_array,
    out: *mut *const c_void,
) -> lapis_status {
    // SAFETY: as in `lapis_array_dtype` (the same # Safety).
    call(|| unsafe {
        query("lapis_array_data", a, out, |a| {
            a.data_ptr().cast::<c_void>()
        })
    })
}

/// `*out` = the address of element 0 for writing, as `lapis_array_data`.
/// The caller must not write through it while a lapis call uses the same
/// memory. Errors: NULL `a` or `out` (LAPIS_ERR_NULL_ARGUMENT), a read-only
/// array (LAPIS_ERR_READ_ONLY); `*out` untouched on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_data_mut(
    a: *mut lapis_array,
    out: *mut *mut c_void,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_data_mut";
        named(R, || {
            let mut v = out_view(R, "a", a)?;
            check_out(R, "out", out)?;
            let p = v.data_ptr_mut().map_err(|_| {
                Failure::new(
                    lapis_status::LAPIS_ERR_READ_ONLY,
                    format!("{R}: the array is read-only"),
                )
            })?;
            // SAFETY: `out` is non-null (checked above) and writable (this
            // function's # Safety).
            unsafe { put(out, p.cast::<c_void>()) };
            Ok(())
        })
    })
}

/// The shared body of `lapis_array_shape` and `lapis_array_strides`:
/// copies `a`'s shape (or strides) into `out`, which holds `n` ≥ ndim values.
///
/// # Safety
/// `a` is NULL or a live handle; a non-null `out` is valid for `n` writes.
unsafe fn dims(
    routine: &str,
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
    get: impl Fn(&NdArray, usize) -> i64,
) -> FfiResult {
    named(routine, || {
        let a = array_ref(routine, "a", a)?;
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
            // SAFETY: `out` is non-null (checked above) and holds n ≥ nd > k
            // values (this function's contract).
            unsafe { out.add(k).write(get(&a, k)) };
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
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_shape(
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
) -> lapis_status {
    // SAFETY: `a` is NULL or a live handle and a non-null `out` holds `n`
    // values (this function's # Safety); NULLs are reported.
    call(|| unsafe { dims("lapis_array_shape", a, out, n, |a, k| a.shape()[k] as i64) })
}

/// Copies the byte strides of `a` (ndim entries, any sign) into `out`, as
/// `lapis_array_shape`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_strides(
    a: *const lapis_array,
    out: *mut i64,
    n: i64,
) -> lapis_status {
    // SAFETY: as in `lapis_array_shape` (the same # Safety).
    call(|| unsafe {
        dims("lapis_array_strides", a, out, n, |a, k| {
            a.strides()[k] as i64
        })
    })
}

/// `*out` = whether `a` and `b` view the same lapis buffer (one made from
/// the other by views, or both from a common base; NumPy's cheap
/// `may_share_memory` test: true even when the elements they use are
/// disjoint). Two separate wraps of the same caller memory are different
/// buffers (false). Errors: NULL `a`, `b` or `out`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_array_shares_buffer(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut bool,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_array_shares_buffer";
        named(R, || {
            let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
            check_out(R, "out", out)?;
            // SAFETY: `out` is non-null (checked above) and writable (this
            // function's # Safety).
            unsafe { put(out, a.shares_buffer(&b)) };
            Ok(())
        })
    })
}
