//! The matrix-product family over the C ABI (NumPy's `matmul`, `dot`,
//! `vdot`, `inner`, `outer`, `tensordot`, `einsum`, `kron`, `trace`): each
//! function translates its arguments and calls `lapis::array::matmul`.

use super::{
    Failure, FfiResult, array_ref, call, check_out, isize_list, lapis_array, lapis_complex128,
    lapis_status, out_view, put, put_array, str_arg,
};
use lapis::array::{self, NdArray, TensorAxes};
use lapis::dtype::DType;

/// The body of a two-operand product returning a new array: checks `out`,
/// reads `a` and `b`, and stores `f(a, b)` in `*out`.
///
/// # Safety
/// `a` and `b` are NULL or live handles; `out` is NULL or valid for a
/// pointer write.
unsafe fn product(
    routine: &str,
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
    f: impl FnOnce(&NdArray, &NdArray) -> FfiResult<NdArray>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let (a, b) = (array_ref(routine, "a", a)?, array_ref(routine, "b", b)?);
    let r = f(&a, &b)?;
    // SAFETY: `out` is non-null (checked above) and writable (this
    // function's contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// NumPy's `matmul(a, b)` (the `@` operator) in a new array: the matrix
/// product of the last two axes, broadcast over the leading axes. A 1-d
/// `a` acts as a row and a 1-d `b` as a column (that axis is removed from
/// the result); 1-d @ 1-d is a 0-d array.
/// Dtype: the promotion of both (float32 with float64 -> float64, real
/// with complex -> complex); no conjugation.
/// Layout: C-order, Fortran-order, transposed and sub-matrix operands go
/// to BLAS without a copy; matrices with no unit stride, negative or zero
/// strides are copied first. The result is a new C-order array.
/// Ownership: `*out` receives a new handle owned by the caller.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` for a 0-d
/// operand, contraction lengths that differ (NumPy's "Input operand 1 has
/// a mismatch in its core dimension 0, ...") or leading axes that do not
/// broadcast; `LAPIS_ERR_OVERFLOW`; `LAPIS_ERR_BUSY`;
/// `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on success.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_matmul(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { product("lapis_matmul", a, b, out, |a, b| Ok(array::matmul(a, b)?)) })
}

/// `matmul(a, b)` written into the existing array `out` (NumPy's `out=`):
/// `out` must have the result's shape, be writable, and have a dtype the
/// result casts to under `same_kind` (complex into real is an error). Any
/// non-overlapping strides. When `out` shares memory with `a` or `b`, or
/// its dtype differs from the result's, the product goes through a
/// temporary (so `lapis_matmul_out(a, b, a)` is correct).
/// Errors: as `lapis_matmul`, plus `LAPIS_ERR_SHAPE_MISMATCH` for an `out`
/// of the wrong shape, `LAPIS_ERR_INVALID_VALUE` for a forbidden cast,
/// `LAPIS_ERR_READ_ONLY`, `LAPIS_ERR_BAD_STRIDE` (overlapping `out`
/// elements). On error `out` is not modified.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_matmul_out(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_matmul_out";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let mut o = out_view(R, "out", out)?;
        array::matmul_out(&a, &b, &mut o)?;
        Ok(())
    })
}

/// NumPy's `dot(a, b)` in a new array: the product with a scalar for a 0-d
/// operand; the inner product for two 1-d arrays (a 0-d result); matrix
/// product for 2-d; for n-d `a` and m-d `b` (m >= 2) the sum over the last
/// axis of `a` and the second-to-last of `b`, shape `a.shape[:-1] +
/// b.shape[:-2] + b.shape[-1:]`. Dtype: the promotion; no conjugation.
/// Layout and ownership as `lapis_matmul` (n-d cases may copy to reshape).
/// Errors: `LAPIS_ERR_SHAPE_MISMATCH` for summed axes of different lengths
/// (NumPy's "shapes (2,3) and (4,5) not aligned: ..."); as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dot(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { product("lapis_dot", a, b, out, |a, b| Ok(array::dot(a, b)?)) })
}

/// NumPy's `vdot(a, b)`: `sum conj(a_i) * b_i` over both arrays flattened
/// in C order (they need the same size, not the same shape), computed in
/// the promoted dtype and stored in `*out` as a complex double (`im` = 0
/// for real dtypes). Only `a` is conjugated. Contiguous operands are read
/// in place; others are flattened into a copy.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` for
/// different sizes; `LAPIS_ERR_BUSY`. `*out` is written only on success.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_vdot(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_vdot";
        check_out(R, "out", out)?;
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let r = array::vdot(&a, &b)?;
        let z: num_complex::Complex64 = r.astype(DType::C128)?.item(&[])?;
        // SAFETY: `out` is non-null (checked above) and writable (this
        // function's # Safety).
        unsafe { put(out, z.into()) };
        Ok(())
    })
}

/// NumPy's `inner(a, b)` in a new array: the sum over the last axes of
/// both, shape `a.shape[:-1] + b.shape[:-1]` (a product with the scalar for
/// a 0-d operand). No conjugation. Errors: `LAPIS_ERR_SHAPE_MISMATCH` for
/// last axes of different lengths; as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_inner(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { product("lapis_inner", a, b, out, |a, b| Ok(array::inner(a, b)?)) })
}

/// NumPy's `outer(a, b)` in a new array: `out[i, j] = a.flat[i] *
/// b.flat[j]` (C-order flattening, no conjugation), shape `(a.size,
/// b.size)`, the promoted dtype. Errors: as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_outer(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { product("lapis_outer", a, b, out, |a, b| Ok(array::outer(a, b)?)) })
}

/// NumPy's `tensordot(a, b, axes=n)` in a new array: the sum over the last
/// `n` axes of `a` and the first `n` of `b`, in order; the result has `a`'s
/// remaining axes then `b`'s. `n = 0` is the outer product.
/// Errors: `LAPIS_ERR_INVALID_ARGUMENT` for `n` < 0 or greater than either
/// operand's number of axes; `LAPIS_ERR_SHAPE_MISMATCH` for summed axes of
/// different lengths; as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tensordot(
    a: *const lapis_array,
    b: *const lapis_array,
    n: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_tensordot";
        let f = |a: &NdArray, b: &NdArray| {
            let n = usize::try_from(n)
                .map_err(|_| Failure::invalid(R, "n", format!("{n} is negative")))?;
            Ok(array::tensordot(a, b, TensorAxes::Count(n))?)
        };
        // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or
        // writable (this function's # Safety); NULLs are reported.
        unsafe { product(R, a, b, out, f) }
    })
}

/// NumPy's `tensordot(a, b, axes=(a_axes, b_axes))` in a new array: sums
/// `a`'s axis `a_axes[i]` against `b`'s axis `b_axes[i]` for `i < naxes`
/// (negative axes count from the end); the result has `a`'s remaining
/// axes then `b`'s, in order. Operands are permuted and reshaped to
/// matrices (a copy when that cannot be a view) and multiplied by BLAS.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (NULL axis lists with `naxes` > 0);
/// `LAPIS_ERR_INVALID_ARGUMENT` for `naxes` < 0 or a repeated axis;
/// `LAPIS_ERR_INDEX` for an axis out of range; `LAPIS_ERR_SHAPE_MISMATCH`
/// for summed axes of different lengths; as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tensordot_axes(
    a: *const lapis_array,
    b: *const lapis_array,
    naxes: i64,
    a_axes: *const i64,
    b_axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_tensordot_axes";
        let f = |a: &NdArray, b: &NdArray| {
            let n = usize::try_from(naxes)
                .map_err(|_| Failure::invalid(R, "naxes", format!("{naxes} is negative")))?;
            // SAFETY: non-null `a_axes` and `b_axes` hold `naxes` values
            // each (this function's # Safety); NULLs are reported.
            let (ax, bx) = unsafe {
                (
                    isize_list(R, "a_axes", a_axes, n)?,
                    isize_list(R, "b_axes", b_axes, n)?,
                )
            };
            Ok(array::tensordot(a, b, TensorAxes::Pairs(ax, bx))?)
        };
        // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or
        // writable (this function's # Safety); NULLs are reported.
        unsafe { product(R, a, b, out, f) }
    })
}

/// NumPy's `einsum(subscripts, *operands)` in a new array, e.g. "ij,jk->ik"
/// (matrix product), "ii->i" (diagonal), "ij->" (sum), "...ij,...jk" with
/// ellipsis broadcasting; implicit output (no "->") as NumPy: the labels
/// appearing once, in alphabetical order. Contractions run pairwise left
/// to right through BLAS or a direct kernel.
/// Arguments: `subscripts` a NUL-terminated string; `operands` an array
/// of `n` >= 1 handles (all read only).
/// Dtype: the promotion of all operands. The result is always a new
/// C-order array (never a view); operands are copied when a transpose
/// cannot be reshaped as a view.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (NULL `subscripts`, `operands`, an
/// operand or `out`); `LAPIS_ERR_INVALID_ARGUMENT` for `n` < 1 or
/// subscripts that do not parse or do not fit the operands;
/// `LAPIS_ERR_UNSUPPORTED`; as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_einsum(
    subscripts: *const std::ffi::c_char,
    n: i64,
    operands: *const *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_einsum";
        check_out(R, "out", out)?;
        // SAFETY: a non-null `subscripts` is NUL-terminated (this
        // function's # Safety); a NULL one is reported.
        let s = unsafe { str_arg(R, "subscripts", subscripts) }?;
        let count = usize::try_from(n)
            .ok()
            .filter(|&k| k >= 1)
            .ok_or_else(|| Failure::invalid(R, "n", format!("{n} (need at least one operand)")))?;
        if operands.is_null() {
            return Err(Failure::null(R, "operands"));
        }
        // SAFETY: `operands` is non-null (checked above) and holds `n`
        // handle pointers (this function's # Safety).
        let handles = unsafe { std::slice::from_raw_parts(operands, count) };
        let mut arrays = crate::args::list_with_capacity(R, count)?;
        for (i, &h) in handles.iter().enumerate() {
            arrays.push(array_ref(R, &format!("operands[{i}]"), h)?);
        }
        let mut refs = crate::args::list_with_capacity(R, count)?;
        refs.extend(arrays.iter().map(|a| &**a));
        let arrays: Vec<&NdArray> = refs;
        let r = array::einsum(s, &arrays)?;
        // SAFETY: `out` is non-null (checked above) and writable (this
        // function's # Safety).
        unsafe { put_array(out, r) }?;
        Ok(())
    })
}

/// NumPy's `kron(a, b)`, the Kronecker product, in a new C-order array:
/// with both shapes padded to the same number of axes by leading 1s, the
/// result has shape `a.shape * b.shape` (elementwise) and `out[i*bs + j] =
/// a[i] * b[j]` along every axis. Dtype: the promotion.
/// Errors: `LAPIS_ERR_OVERFLOW` for more than 16 axes; as `lapis_matmul`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_kron(
    a: *const lapis_array,
    b: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a`, `b` are NULL or live handles and `out` NULL or writable
    // (this function's # Safety); NULLs are reported.
    call(|| unsafe { product("lapis_kron", a, b, out, |a, b| Ok(array::kron(a, b)?)) })
}

/// NumPy's `trace(a, offset, axis1, axis2)` in a new array: the sum of the
/// diagonal `a[..., i, i + offset]` in the plane of `axis1` and `axis2`
/// (negative axes count from the end; a negative `offset` is below the
/// main diagonal), for every index of the other axes; a 0-d array for a
/// 2-d `a` (NumPy's `trace(a)` is `offset = 0, axis1 = 0, axis2 = 1`).
/// Dtype: `a`'s. `a` is read in place (the diagonal is a view).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` for fewer
/// than 2 axes; `LAPIS_ERR_INDEX` for an axis out of range;
/// `LAPIS_ERR_INVALID_ARGUMENT` for equal axes; `LAPIS_ERR_BUSY`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_trace(
    a: *const lapis_array,
    offset: i64,
    axis1: i64,
    axis2: i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_trace";
        check_out(R, "out", out)?;
        let a = array_ref(R, "a", a)?;
        let to_isize = |v: i64, name: &str| {
            isize::try_from(v)
                .map_err(|_| Failure::invalid(R, name, format!("{v} does not fit isize")))
        };
        let r = array::trace(
            &a,
            to_isize(offset, "offset")?,
            to_isize(axis1, "axis1")?,
            to_isize(axis2, "axis2")?,
        )?;
        // SAFETY: `out` is non-null (checked above) and writable (this
        // function's # Safety).
        unsafe { put_array(out, r) }?;
        Ok(())
    })
}
