//! The array handle layer of the C ABI, one file per concern: creation and
//! release ([`create`]), seeded random arrays ([`random`]), wrapping caller
//! memory ([`wrap`]), queries ([`query`]), views ([`views`]), copies and
//! conversions ([`copy`]), and element access with bulk reads/writes
//! between a handle and a caller's buffer ([`element`]).
//!
//! Every function is a translator: it checks the caller's pointers, sizes
//! and codes, calls the `NdArray` API (src/array/) inside the panic
//! boundary, and turns the result into a status and out-parameters. This
//! file holds what the concerns share: the flag and sentinel constants,
//! the argument readers, and the bodies that store a new handle.

use super::{
    Failure, FfiResult, array_ref, check_out, dtype_arg, isize_list, lapis_array, lapis_dtype,
    lapis_order, ndim_arg, order_arg, put_array, shape_arg, slice_arg,
};
use std::sync::Arc;

use lapis::array::{MemOrder, NdArray};
use lapis::dtype::DType;

// cbindgen writes the header in the order of these declarations (one
// group each, so that rustfmt keeps the order).
mod create;

mod random;

mod wrap;

mod query;

mod views;

mod copy;

mod element;

pub use copy::*;
pub use create::*;
pub use element::*;
pub use query::*;
pub use random::*;
pub use views::*;
pub use wrap::*;

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
// Argument readers.
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
    // SAFETY: a non-null `shape` holds `ndim` = `n` values (this
    // function's contract); shape_arg reports a NULL one.
    unsafe { shape_arg(routine, n, shape) }
}

/// A list of `n` (int64_t) axes or indices; `n` ≤ 32.
///
/// # Safety
/// A non-null `ptr` is valid for reads of `n` values.
unsafe fn axes_i64(routine: &str, name: &str, ptr: *const i64, n: i64) -> FfiResult<Vec<isize>> {
    let n = usize::try_from(n)
        .map_err(|_| Failure::invalid(routine, name, format!("count {n} is negative")))?;
    // SAFETY: a non-null `ptr` holds `n` values (this function's
    // contract); isize_list reports a NULL one.
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

/// The handles of an array list (each non-null).
///
/// # Safety
/// A non-null `arrays` is valid for reads of `n` pointers, each NULL or a
/// live handle.
unsafe fn array_list(
    routine: &str,
    n: i64,
    arrays: *const *const lapis_array,
) -> FfiResult<Vec<Arc<NdArray>>> {
    let n = count_arg(routine, "n", n)?;
    // SAFETY: a non-null `arrays` holds `n` pointers (this function's
    // contract); slice_arg reports a NULL one.
    let ptrs = unsafe { slice_arg(routine, "arrays", arrays, n) }?;
    let mut list = crate::args::list_with_capacity(routine, n)?;
    for (i, &h) in ptrs.iter().enumerate() {
        list.push(array_ref(routine, &format!("arrays[{i}]"), h)?);
    }
    Ok(list)
}

// ---------------------------------------------------------------------------
// Shared bodies (each runs inside the export's `call`).
// ---------------------------------------------------------------------------

/// Runs `body` and puts the C function's name in front of a failure
/// message that does not already start with it (errors from the Rust layer
/// name the Rust routine; the C caller sees both).
fn named<T>(routine: &str, body: impl FnOnce() -> FfiResult<T>) -> FfiResult<T> {
    body().map_err(|mut f| {
        if !f.message.starts_with(routine) {
            f.message = format!("{routine}: {}", f.message);
        }
        f
    })
}

/// Checks `out`, makes a new array and stores its handle in `*out`; on
/// failure `*out` is untouched. Messages are [`named`].
///
/// # Safety
/// `out` is NULL or valid for a pointer write.
unsafe fn new_array(
    routine: &str,
    out: *mut *mut lapis_array,
    make: impl FnOnce() -> FfiResult<NdArray>,
) -> FfiResult {
    named(routine, || {
        check_out(routine, "out", out)?;
        let a = make()?;
        // SAFETY: `out` is non-null (checked above) and valid for a
        // pointer write (this function's contract).
        unsafe { put_array(out, a) }?;
        Ok(())
    })
}

/// [`new_array`] from input handle `a` ("a" in messages): `f` maps the
/// array to the new one (a view or a copy).
///
/// # Safety
/// `a` is NULL or a live handle; `out` NULL or valid for a pointer write.
unsafe fn new_from(
    routine: &str,
    a: *const lapis_array,
    out: *mut *mut lapis_array,
    f: impl FnOnce(&NdArray) -> FfiResult<NdArray>,
) -> FfiResult {
    let make = || {
        let x = array_ref(routine, "a", a)?;
        f(&x)
    };
    // SAFETY: `out` is NULL or writable (this function's contract).
    unsafe { new_array(routine, out, make) }
}
