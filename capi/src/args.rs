//! The argument readers every C function shares: handles to arrays,
//! caller arrays to slices, shapes, axis lists, option codes and strings
//! to their Rust types, each reporting a NULL or out-of-domain value as a
//! [`Failure`] that names the routine and the argument; and the writers of
//! out-parameters.

use std::ffi::{CStr, c_char};

use crate::{
    Failure, FfiResult, LAPIS_COMPLEX64, LAPIS_COMPLEX128, LAPIS_CONJ_TRANS, LAPIS_FLOAT32,
    LAPIS_FLOAT64, LAPIS_LEFT, LAPIS_LOWER, LAPIS_NO_TRANS, LAPIS_NON_UNIT, LAPIS_ORDER_A,
    LAPIS_ORDER_C, LAPIS_ORDER_F, LAPIS_ORDER_K, LAPIS_RIGHT, LAPIS_TRANS, LAPIS_UNIT, LAPIS_UPPER,
    lapis_array, lapis_diag, lapis_dtype, lapis_order, lapis_side, lapis_status, lapis_trans,
    lapis_uplo,
};
use std::sync::Arc;

use lapis::array::NdArray;
use lapis::dtype::DType;

use crate::handle;

/// The array behind an input handle, shared for the duration of the call.
/// NULL is a NULL-argument error; a freed handle or any other value that
/// is not a live handle is `LAPIS_ERR_INVALID_HANDLE` (see
/// [`crate::handle`]: nothing at `h` is read).
#[inline]
pub(crate) fn array_ref(
    routine: &str,
    name: &str,
    h: *const lapis_array,
) -> FfiResult<Arc<NdArray>> {
    handle::lookup(routine, name, h)
}

/// A new view of an output handle's array, to write results through
/// (never a `&mut` to the handle, so the same handle may also be an input).
/// Errors as [`array_ref`].
#[inline]
pub(crate) fn out_view(routine: &str, name: &str, h: *const lapis_array) -> FfiResult<NdArray> {
    Ok(array_ref(routine, name, h)?.new_view())
}

/// Checks an out-pointer for a new handle is non-null (call before doing
/// the work, so a NULL `out` fails before anything is computed).
#[inline]
pub(crate) fn check_out<T>(routine: &str, name: &str, out: *mut T) -> FfiResult {
    if out.is_null() {
        Err(Failure::null(routine, name))
    } else {
        Ok(())
    }
}

/// Registers `a` as a new handle and stores it in `*out` (which
/// [`check_out`] has checked). Fails only when no handle can be made (out
/// of memory, or 2^24 − 1 live handles); `*out` is then untouched.
///
/// # Safety
/// `out` is non-null and valid for a pointer write.
#[inline]
pub(crate) unsafe fn put_array(out: *mut *mut lapis_array, a: NdArray) -> FfiResult {
    let h = handle::register(a)?;
    // SAFETY: `out` is non-null and valid for a pointer write (this
    // function's contract).
    unsafe { out.write(h) };
    Ok(())
}

/// Stores several optional results at once: each `Some` array whose
/// out-pointer is non-null becomes a new handle there; a `None` writes
/// NULL to a non-null out-pointer. Every handle is made before any
/// out-pointer is written, so on failure (no handle can be made) nothing
/// the caller owns is modified.
///
/// # Safety
/// Each non-null out-pointer is valid for a pointer write.
pub(crate) unsafe fn put_arrays<const N: usize>(
    results: [(*mut *mut lapis_array, Option<NdArray>); N],
) -> FfiResult {
    let outs = results.each_ref().map(|(out, _)| *out);
    let mut made: [*mut lapis_array; N] = [std::ptr::null_mut(); N];
    for (i, (out, a)) in results.into_iter().enumerate() {
        if let (false, Some(a)) = (out.is_null(), a) {
            match handle::register(a) {
                Ok(h) => made[i] = h,
                Err(f) => {
                    for &h in &made[..i] {
                        // Made just above and never shown to the caller:
                        // releasing it cannot fail.
                        let _ = handle::release("", "", h);
                    }
                    return Err(f);
                }
            }
        }
    }
    for (out, h) in outs.into_iter().zip(made) {
        if !out.is_null() {
            // SAFETY: a non-null out-pointer is valid for a pointer write
            // (this function's contract).
            unsafe { out.write(h) };
        }
    }
    Ok(())
}

/// Stores a plain value in a checked out-pointer.
///
/// # Safety
/// `out` is non-null and valid for a write of `T`.
#[inline]
pub(crate) unsafe fn put<T>(out: *mut T, v: T) {
    // SAFETY: `out` is non-null and valid for a write of `T` (this
    // function's contract).
    unsafe { out.write(v) };
}

/// A caller's array argument of `len` elements (NULL allowed when `len == 0`).
///
/// # Safety
/// A non-null `ptr` is valid for reads of `len` elements, unchanged while
/// the returned slice lives.
#[inline]
pub(crate) unsafe fn slice_arg<'a, T>(
    routine: &str,
    name: &str,
    ptr: *const T,
    len: usize,
) -> FfiResult<&'a [T]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Failure::null(routine, name));
    }
    // SAFETY: `ptr` is non-null (checked above) and valid for reads of
    // `len` elements (this function's contract); `len` > 0.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `ndim` must be at most `lapis::array::MAX_DIMS`.
pub(crate) fn ndim_arg(routine: &str, ndim: usize) -> FfiResult<usize> {
    if ndim > lapis::array::MAX_DIMS {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!(
                "{routine}: ndim = {ndim} exceeds the maximum of {} dimensions",
                lapis::array::MAX_DIMS
            ),
        ));
    }
    Ok(ndim)
}

/// A shape given as `ndim` int64 values, each ≥ 0.
///
/// # Safety
/// A non-null `shape` is valid for reads of `ndim` values.
pub(crate) unsafe fn shape_arg(
    routine: &str,
    ndim: usize,
    shape: *const i64,
) -> FfiResult<Vec<usize>> {
    let ndim = ndim_arg(routine, ndim)?;
    // SAFETY: a non-null `shape` holds `ndim` values (this function's
    // contract); slice_arg reports a NULL one.
    let dims = unsafe { slice_arg(routine, "shape", shape, ndim) }?;
    dims.iter()
        .enumerate()
        .map(|(i, &d)| {
            usize::try_from(d).map_err(|_| {
                Failure::invalid(
                    routine,
                    "shape",
                    format!("negative dimensions are not allowed (shape[{i}] = {d})"),
                )
            })
        })
        .collect()
}

/// A list of `n` int64 values as isize (axes, indices, byte strides).
///
/// # Safety
/// A non-null `ptr` is valid for reads of `n` values.
pub(crate) unsafe fn isize_list(
    routine: &str,
    name: &str,
    ptr: *const i64,
    n: usize,
) -> FfiResult<Vec<isize>> {
    let n = ndim_arg(routine, n)?;
    // SAFETY: a non-null `ptr` holds `n` values (this function's
    // contract); slice_arg reports a NULL one.
    let v = unsafe { slice_arg(routine, name, ptr, n) }?;
    v.iter()
        .map(|&x| {
            isize::try_from(x)
                .map_err(|_| Failure::invalid(routine, name, format!("{x} does not fit isize")))
        })
        .collect()
}

/// A dtype code.
pub(crate) fn dtype_arg(routine: &str, code: lapis_dtype) -> FfiResult<DType> {
    match code {
        LAPIS_FLOAT32 => Ok(DType::F32),
        LAPIS_FLOAT64 => Ok(DType::F64),
        LAPIS_COMPLEX64 => Ok(DType::C64),
        LAPIS_COMPLEX128 => Ok(DType::C128),
        _ => Err(Failure::new(
            lapis_status::LAPIS_ERR_BAD_DTYPE,
            format!(
                "{routine}: unknown dtype code {code} (expected LAPIS_FLOAT32 = 1, LAPIS_FLOAT64 = 2, LAPIS_COMPLEX64 = 3 or LAPIS_COMPLEX128 = 4)"
            ),
        )),
    }
}

/// The dtype code of a dtype.
pub(crate) fn dtype_code(d: DType) -> lapis_dtype {
    match d {
        DType::F32 => LAPIS_FLOAT32,
        DType::F64 => LAPIS_FLOAT64,
        DType::C64 => LAPIS_COMPLEX64,
        DType::C128 => LAPIS_COMPLEX128,
    }
}

/// A memory-order code.
pub(crate) fn order_arg(routine: &str, code: lapis_order) -> FfiResult<lapis::array::MemOrder> {
    use lapis::array::MemOrder;
    match code {
        LAPIS_ORDER_C => Ok(MemOrder::C),
        LAPIS_ORDER_F => Ok(MemOrder::F),
        LAPIS_ORDER_A => Ok(MemOrder::A),
        LAPIS_ORDER_K => Ok(MemOrder::K),
        _ => Err(Failure::invalid(
            routine,
            "order",
            format!(
                "unknown order code {code} (expected LAPIS_ORDER_C, _F, _A or _K = 0, 1, 2, 3)"
            ),
        )),
    }
}

/// A transpose code.
pub(crate) fn trans_arg(
    routine: &str,
    name: &str,
    code: lapis_trans,
) -> FfiResult<lapis::blas::Transpose> {
    use lapis::blas::Transpose;
    match code {
        LAPIS_NO_TRANS => Ok(Transpose::NoTrans),
        LAPIS_TRANS => Ok(Transpose::Trans),
        LAPIS_CONJ_TRANS => Ok(Transpose::ConjTrans),
        _ => Err(Failure::invalid(
            routine,
            name,
            format!(
                "unknown transpose code {code} (expected LAPIS_NO_TRANS, LAPIS_TRANS or LAPIS_CONJ_TRANS = 0, 1, 2)"
            ),
        )),
    }
}

/// A triangle code.
pub(crate) fn uplo_arg(routine: &str, code: lapis_uplo) -> FfiResult<lapis::blas::Uplo> {
    use lapis::blas::Uplo;
    match code {
        LAPIS_UPPER => Ok(Uplo::Upper),
        LAPIS_LOWER => Ok(Uplo::Lower),
        _ => Err(Failure::invalid(
            routine,
            "uplo",
            format!("unknown triangle code {code} (expected LAPIS_UPPER = 0 or LAPIS_LOWER = 1)"),
        )),
    }
}

/// A side code.
pub(crate) fn side_arg(routine: &str, code: lapis_side) -> FfiResult<lapis::blas::Side> {
    use lapis::blas::Side;
    match code {
        LAPIS_LEFT => Ok(Side::Left),
        LAPIS_RIGHT => Ok(Side::Right),
        _ => Err(Failure::invalid(
            routine,
            "side",
            format!("unknown side code {code} (expected LAPIS_LEFT = 0 or LAPIS_RIGHT = 1)"),
        )),
    }
}

/// A diagonal code.
pub(crate) fn diag_arg(routine: &str, code: lapis_diag) -> FfiResult<lapis::blas::Diag> {
    use lapis::blas::Diag;
    match code {
        LAPIS_NON_UNIT => Ok(Diag::NonUnit),
        LAPIS_UNIT => Ok(Diag::Unit),
        _ => Err(Failure::invalid(
            routine,
            "diag",
            format!("unknown diagonal code {code} (expected LAPIS_NON_UNIT = 0 or LAPIS_UNIT = 1)"),
        )),
    }
}

/// A C string argument (UTF-8).
///
/// # Safety
/// A non-null `s` points to a NUL-terminated string.
pub(crate) unsafe fn str_arg<'a>(
    routine: &str,
    name: &str,
    s: *const c_char,
) -> FfiResult<&'a str> {
    if s.is_null() {
        return Err(Failure::null(routine, name));
    }
    // SAFETY: `s` is non-null (checked above) and points to a
    // NUL-terminated string (this function's contract).
    unsafe { CStr::from_ptr(s) }
        .to_str()
        .map_err(|_| Failure::invalid(routine, name, "not valid UTF-8"))
}

/// A caller's output buffer `ptr` of `len` elements that must hold exactly
/// `need` (`len_name` is the length parameter's name, for the message).
/// NULL is a NULL-argument error, another length
/// `LAPIS_ERR_SHAPE_MISMATCH`.
///
/// # Safety
/// A non-null `ptr` is valid for writes of `len` elements and not
/// otherwise accessed while the returned slice lives.
pub(crate) unsafe fn out_slice<'a, T>(
    routine: &str,
    name: &str,
    ptr: *mut T,
    len_name: &str,
    len: i64,
    need: usize,
) -> FfiResult<&'a mut [T]> {
    if ptr.is_null() {
        return Err(Failure::null(routine, name));
    }
    if usize::try_from(len).ok() != Some(need) {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_SHAPE_MISMATCH,
            format!("{routine}: {len_name} = {len} but `{name}` receives {need} values"),
        ));
    }
    // SAFETY: non-null (checked), valid for `len` == `need` writes (this
    // function's contract).
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr, need) })
}

/// An empty vector with room for `n` items, one per element of a list the
/// caller passed (handles, pivots), reserved fallibly: the caller's list
/// fits its memory, but a copy of it may not fit ours.
pub(crate) fn list_with_capacity<T>(routine: &str, n: usize) -> FfiResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| {
        Failure::new(
            lapis_status::LAPIS_ERR_OUT_OF_MEMORY,
            format!(
                "{routine}: unable to allocate {} bytes for a list of {n} arguments",
                n.saturating_mul(std::mem::size_of::<T>())
            ),
        )
    })?;
    Ok(v)
}
