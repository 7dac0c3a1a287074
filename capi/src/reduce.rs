//! Reductions over the C ABI: NumPy's `sum`, `prod`, `mean`, `var`, `std`,
//! `min`, `max`, `argmin`, `argmax`, `linalg.vector_norm` and finiteness
//! tests, over a set of axes (with `keepdims`) into a new array, plus
//! `*_all` forms that reduce every element to a scalar.
//!
//! The axes argument, everywhere: `naxes` = `LAPIS_ALL_AXES` (-1) reduces
//! every axis (NumPy's `axis=None`; `axes` is not read and may be NULL);
//! `naxes` >= 0 reduces the `naxes` distinct axes in `axes` (negative
//! entries count from the end; `naxes == 0` reduces nothing, NumPy's
//! `axis=()`, and `axes` may then be NULL).
//!
//! # Safety
//! Every function here has the C ABI's pointer contract (the header's
//! conventions): a handle argument is NULL or a live handle from lapis,
//! a list argument is NULL or valid for its stated count, an out-pointer
//! is NULL or valid for one write. NULLs are reported, never dereferenced.
#![allow(clippy::missing_safety_doc)] // the contract above, shared by all

use super::{
    Failure, FfiResult, array_ref, call, check_out, isize_list, lapis_array, lapis_complex128,
    lapis_status, put, put_array,
};
use lapis::array::{Axes, NdArray};
use lapis::dtype::DType;

/// Pass as `naxes` to reduce over every axis (NumPy's `axis=None`).
pub const LAPIS_ALL_AXES: i64 = -1;

/// The axes of a reduction (see the module docs).
///
/// # Safety
/// A non-null `axes` is valid for reads of `naxes` values.
pub(crate) unsafe fn axes_arg(routine: &str, naxes: i64, axes: *const i64) -> FfiResult<Axes> {
    if naxes == LAPIS_ALL_AXES {
        return Ok(Axes::All);
    }
    let n = usize::try_from(naxes).map_err(|_| {
        Failure::invalid(
            routine,
            "naxes",
            format!("{naxes} (expected LAPIS_ALL_AXES = -1 or a count >= 0)"),
        )
    })?;
    // SAFETY: forwarded caller contract.
    Ok(Axes::Many(unsafe { isize_list(routine, "axes", axes, n) }?))
}

/// A `ddof` argument (>= 0).
fn ddof_arg(routine: &str, ddof: i64) -> FfiResult<usize> {
    usize::try_from(ddof)
        .map_err(|_| Failure::invalid(routine, "ddof", format!("{ddof} is negative")))
}

/// The value of a 0-d result as a complex double.
fn scalar_of(r: &NdArray) -> FfiResult<lapis_complex128> {
    let z: num_complex::Complex64 = r.astype(DType::C128)?.item(&[])?;
    Ok(z.into())
}

/// The caller's buffer of `len` elements for a per-lane result of `need`.
///
/// # Safety
/// A non-null `out` is valid for writes of `len` elements.
unsafe fn lane_buffer<'a, T>(
    routine: &str,
    out: *mut T,
    len: i64,
    need: usize,
) -> FfiResult<&'a mut [T]> {
    if out.is_null() {
        return Err(Failure::null(routine, "out"));
    }
    if usize::try_from(len).ok() != Some(need) {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_SHAPE_MISMATCH,
            format!("{routine}: out_len = {len} but the result has {need} elements"),
        ));
    }
    // SAFETY: caller contract (non-null checked, `need` == `len` elements).
    Ok(unsafe { std::slice::from_raw_parts_mut(out, need) })
}

/// Runs a reduction that returns a new array.
///
/// # Safety
/// `x` is NULL or live; a non-null `axes` holds `naxes` values.
unsafe fn reduce_new(
    routine: &str,
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
    f: impl FnOnce(&NdArray, Axes) -> lapis::Result<NdArray>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    // SAFETY: caller contract.
    let axes = unsafe { axes_arg(routine, naxes, axes) }?;
    let r = f(a, axes)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) };
    Ok(())
}

/// Runs a whole-array reduction to a scalar.
///
/// # Safety
/// `x` is NULL or live; a non-null `out` is valid for a write.
unsafe fn reduce_all<T>(
    routine: &str,
    x: *const lapis_array,
    out: *mut T,
    f: impl FnOnce(&NdArray) -> FfiResult<T>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    let v = f(a)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put(out, v) };
    Ok(())
}

/// The panic boundary around [`reduce_new`] for the reductions without
/// an extra parameter.
unsafe fn reduce_call(
    routine: &str,
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
    f: impl FnOnce(&NdArray, Axes) -> lapis::Result<NdArray>,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { reduce_new(routine, x, naxes, axes, out, f) })
}

/// The panic boundary around [`reduce_all`] for complex-valued results.
unsafe fn reduce_all_call(
    routine: &str,
    x: *const lapis_array,
    out: *mut lapis_complex128,
    f: impl FnOnce(&NdArray) -> lapis::Result<NdArray>,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { reduce_all(routine, x, out, |a| scalar_of(&f(a)?)) })
}

// ---------------------------------------------------------------------------
// Reductions into new arrays.
// ---------------------------------------------------------------------------

/// NumPy's `sum(x, axis=axes, keepdims=keepdims)`: the sum over the given
/// axes (see `LAPIS_ALL_AXES` for the `naxes`/`axes` convention).
///
/// Shapes: any `x`, including 0-d and empty (the sum of nothing is 0).
/// The result has `x`'s shape without the reduced axes (kept as length 1
/// when `keepdims`); reducing every axis without `keepdims` gives a 0-d
/// array. Dtype: `x`'s. Layout: `x` of any strides is read in place
/// (pairwise summation in memory order, O(eps log n) error, results
/// bit-identical for any thread count); the result is a new C-order array.
/// Ownership: `*out` receives a new handle owned by the caller.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (NULL `x` or `out`, or NULL `axes`
/// with `naxes` > 0); `LAPIS_ERR_INVALID_ARGUMENT` for `naxes` < -1 or a
/// repeated axis; `LAPIS_ERR_INDEX` for an axis out of range;
/// `LAPIS_ERR_BUSY`; `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on
/// success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sum(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_sum", x, naxes, axes, out, |a, ax| {
            a.sum(ax, keepdims)
        })
    }
}

/// NumPy's `prod`: the product over the given axes (1 for an empty
/// reduction). Shapes, dtype, layout, ownership and errors as `lapis_sum`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_prod(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_prod", x, naxes, axes, out, |a, ax| {
            a.prod(ax, keepdims)
        })
    }
}

/// NumPy's `mean`: the sum over the given axes divided by the number of
/// elements reduced, in `x`'s dtype (NaN for an empty reduction). Shapes,
/// layout, ownership and errors as `lapis_sum`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_mean(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_mean", x, naxes, axes, out, |a, ax| {
            a.mean(ax, keepdims)
        })
    }
}

/// NumPy's `var(x, axis, ddof=ddof, keepdims)`: `sum |x - mean|^2 / (N -
/// ddof)` over the given axes, in the REAL dtype of `x` (float32 for
/// float32/complex64, float64 for float64/complex128). `N - ddof <= 0`
/// divides by zero (inf or NaN, as NumPy); an empty reduction is NaN.
/// Builds one real temporary of `x`'s size. Errors: as `lapis_sum`, plus
/// `LAPIS_ERR_INVALID_ARGUMENT` for a negative `ddof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_var(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    ddof: i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_var";
        let ddof = ddof_arg(R, ddof)?;
        // SAFETY: caller contract.
        unsafe { reduce_new(R, x, naxes, axes, out, |a, ax| a.var(ax, ddof, keepdims)) }
    })
}

/// NumPy's `std`: the square root of `lapis_var` (same arguments, real
/// dtype, errors).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_std(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    ddof: i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_std";
        let ddof = ddof_arg(R, ddof)?;
        // SAFETY: caller contract.
        unsafe { reduce_new(R, x, naxes, axes, out, |a, ax| a.std(ax, ddof, keepdims)) }
    })
}

/// NumPy's `min` (`amin`): the minimum over the given axes, NaN-propagating
/// (a NaN in a lane gives NaN); complex values compare lexicographically
/// (real part, then imaginary part), as NumPy. Dtype: `x`'s. Errors: as
/// `lapis_sum`, plus `LAPIS_ERR_INVALID_VALUE` when a reduced axis has
/// length 0 (no identity).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_min(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_min", x, naxes, axes, out, |a, ax| {
            a.min(ax, keepdims)
        })
    }
}

/// NumPy's `max` (`amax`): as `lapis_min` with the maximum.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_max(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_max", x, naxes, axes, out, |a, ax| {
            a.max(ax, keepdims)
        })
    }
}

/// NumPy's `linalg.vector_norm(x, ord, axis, keepdims)`: `(sum |x|^ord)^(1/ord)`
/// over the given axes, with `ord` = 2 (Euclidean, scaled against overflow
/// and underflow), 1, `INFINITY` (max |x|), `-INFINITY` (min |x|), 0 (count
/// of non-zeros) or any other real p. Result in the REAL dtype of `x`.
/// An empty reduction gives 0 for finite `ord` >= 0, infinity for `ord` < 0.
/// Errors: as `lapis_sum`, plus `LAPIS_ERR_INVALID_ARGUMENT` for a NaN
/// `ord`, `LAPIS_ERR_INVALID_VALUE` for `ord` = +-infinity over an empty
/// reduction.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_vector_norm(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    ord: f64,
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        reduce_call("lapis_vector_norm", x, naxes, axes, out, |a, ax| {
            a.vector_norm(ord, ax, keepdims)
        })
    }
}

/// NumPy's `argmin(x, axis)`: for each lane along `axis` (negative counts
/// from the end), the index of its first minimum (a NaN counts as the
/// minimum; complex values compare lexicographically). Indices are int64
/// values written to the caller's buffer `out` of `out_len` elements, in C
/// order of the remaining axes; `out_len` must be exactly `x`'s size
/// divided by `x.shape[axis]` (1 for a 1-d `x`). Use `lapis_argmin_all`
/// for the flat index over the whole array.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INDEX` for a bad axis
/// (including a 0-d `x`); `LAPIS_ERR_SHAPE_MISMATCH` for a wrong
/// `out_len`; `LAPIS_ERR_INVALID_VALUE` when `x.shape[axis]` is 0;
/// `LAPIS_ERR_BUSY`. `out` is written only on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_argmin(
    x: *const lapis_array,
    axis: i64,
    out: *mut i64,
    out_len: i64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { arg_axis_call("lapis_argmin", x, axis, out, out_len, false) }
}

/// NumPy's `argmax(x, axis)`: as `lapis_argmin` with the first maximum.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_argmax(
    x: *const lapis_array,
    axis: i64,
    out: *mut i64,
    out_len: i64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { arg_axis_call("lapis_argmax", x, axis, out, out_len, true) }
}

/// The shared body of `lapis_argmin` / `lapis_argmax`.
unsafe fn arg_axis_call(
    routine: &str,
    x: *const lapis_array,
    axis: i64,
    out: *mut i64,
    out_len: i64,
    max: bool,
) -> lapis_status {
    call(|| {
        if out.is_null() {
            return Err(Failure::null(routine, "out"));
        }
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        let axis = isize::try_from(axis)
            .map_err(|_| Failure::invalid(routine, "axis", format!("{axis} does not fit isize")))?;
        let idx = if max {
            a.argmax_axis(axis, false)?
        } else {
            a.argmin_axis(axis, false)?
        };
        let vals: Vec<i64> = idx.iter().map(|&i| i as i64).collect();
        // SAFETY: caller contract.
        let buf = unsafe { lane_buffer(routine, out, out_len, vals.len()) }?;
        buf.copy_from_slice(&vals);
        Ok(())
    })
}

/// Whether every element is finite (no infinity or NaN in either part),
/// per lane over the given axes (the `LAPIS_ALL_AXES` convention), written
/// as `bool` values to the caller's buffer `out` of `out_len` elements in
/// C order of the remaining axes; `out_len` must equal the number of lanes
/// (the product of the kept axes' lengths; 1 for `LAPIS_ALL_AXES`). An
/// empty lane is finite. Use `lapis_all_finite_all` for one answer.
/// Errors: as `lapis_sum`, plus `LAPIS_ERR_SHAPE_MISMATCH` for a wrong
/// `out_len`. `out` is written only on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_all_finite(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut bool,
    out_len: i64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { finite_axes_call("lapis_all_finite", x, naxes, axes, out, out_len, false) }
}

/// Whether any element is infinite or NaN, per lane: the negation of
/// `lapis_all_finite` (same arguments and errors).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_any_nonfinite(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut bool,
    out_len: i64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { finite_axes_call("lapis_any_nonfinite", x, naxes, axes, out, out_len, true) }
}

/// The shared body of `lapis_all_finite` / `lapis_any_nonfinite`.
unsafe fn finite_axes_call(
    routine: &str,
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut bool,
    out_len: i64,
    negate: bool,
) -> lapis_status {
    call(|| {
        if out.is_null() {
            return Err(Failure::null(routine, "out"));
        }
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        // SAFETY: caller contract.
        let axes = unsafe { axes_arg(routine, naxes, axes) }?;
        let r = if negate {
            a.any_nonfinite_axes(axes, false)?
        } else {
            a.all_finite_axes(axes, false)?
        };
        let vals: Vec<bool> = r.iter().copied().collect();
        // SAFETY: caller contract.
        let buf = unsafe { lane_buffer(routine, out, out_len, vals.len()) }?;
        buf.copy_from_slice(&vals);
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// Whole-array reductions to scalars.
// ---------------------------------------------------------------------------

/// The sum of every element of `x` as a complex double (`im` = 0 for real
/// dtypes), computed in `x`'s dtype as `lapis_sum` with `LAPIS_ALL_AXES`
/// and then widened. Errors: `LAPIS_ERR_NULL_ARGUMENT`, `LAPIS_ERR_BUSY`.
/// `*out` is written only on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sum_all(
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { reduce_all_call("lapis_sum_all", x, out, |a| a.sum(Axes::All, false)) }
}

/// The product of every element (1 for an empty array), as `lapis_sum_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_prod_all(
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { reduce_all_call("lapis_prod_all", x, out, |a| a.prod(Axes::All, false)) }
}

/// The mean of every element (NaN for an empty array), as `lapis_sum_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_mean_all(
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { reduce_all_call("lapis_mean_all", x, out, |a| a.mean(Axes::All, false)) }
}

/// The minimum of every element (NaN-propagating, complex lexicographic),
/// as `lapis_sum_all`; `LAPIS_ERR_INVALID_VALUE` for an empty array.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_min_all(
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { reduce_all_call("lapis_min_all", x, out, |a| a.min(Axes::All, false)) }
}

/// The maximum of every element, as `lapis_min_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_max_all(
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { reduce_all_call("lapis_max_all", x, out, |a| a.max(Axes::All, false)) }
}

/// The variance of every element with `ddof` (as `lapis_var` over all
/// axes), a real value widened to double. Errors: as `lapis_sum_all`, plus
/// `LAPIS_ERR_INVALID_ARGUMENT` for a negative `ddof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_var_all(
    x: *const lapis_array,
    ddof: i64,
    out: *mut f64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        real_all_call("lapis_var_all", x, out, |a| {
            Ok(a.var(Axes::All, ddof_arg("lapis_var_all", ddof)?, false)?)
        })
    }
}

/// The standard deviation of every element with `ddof`, as `lapis_var_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_std_all(
    x: *const lapis_array,
    ddof: i64,
    out: *mut f64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        real_all_call("lapis_std_all", x, out, |a| {
            Ok(a.std(Axes::All, ddof_arg("lapis_std_all", ddof)?, false)?)
        })
    }
}

/// The vector norm of order `ord` of all elements (as `lapis_vector_norm`
/// over all axes), widened to double. Errors: as `lapis_vector_norm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_vector_norm_all(
    x: *const lapis_array,
    ord: f64,
    out: *mut f64,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        real_all_call("lapis_vector_norm_all", x, out, |a| {
            Ok(a.vector_norm(ord, Axes::All, false)?)
        })
    }
}

/// The panic boundary around [`reduce_all`] for real-valued results.
unsafe fn real_all_call(
    routine: &str,
    x: *const lapis_array,
    out: *mut f64,
    f: impl FnOnce(&NdArray) -> FfiResult<NdArray>,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { reduce_all(routine, x, out, |a| Ok(scalar_of(&f(a)?)?.re)) })
}

/// The flat index (C order) of the first minimum of all of `x`'s elements
/// (NumPy's `argmin` without an axis). Errors: `LAPIS_ERR_NULL_ARGUMENT`;
/// `LAPIS_ERR_INVALID_VALUE` for an empty array; `LAPIS_ERR_BUSY`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_argmin_all(x: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: caller contract.
    call(|| unsafe { reduce_all("lapis_argmin_all", x, out, |a| Ok(a.argmin()? as i64)) })
}

/// The flat index of the first maximum, as `lapis_argmin_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_argmax_all(x: *const lapis_array, out: *mut i64) -> lapis_status {
    // SAFETY: caller contract.
    call(|| unsafe { reduce_all("lapis_argmax_all", x, out, |a| Ok(a.argmax()? as i64)) })
}

/// Whether every element of `x` is finite (true for an empty array).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`, `LAPIS_ERR_BUSY`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_all_finite_all(
    x: *const lapis_array,
    out: *mut bool,
) -> lapis_status {
    // SAFETY: caller contract.
    call(|| unsafe { reduce_all("lapis_all_finite_all", x, out, |a| Ok(a.all_finite()?)) })
}

/// Whether any element of `x` is infinite or NaN, as `lapis_all_finite_all`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_any_nonfinite_all(
    x: *const lapis_array,
    out: *mut bool,
) -> lapis_status {
    // SAFETY: caller contract.
    call(|| unsafe {
        reduce_all(
            "lapis_any_nonfinite_all",
            x,
            out,
            |a| Ok(a.any_nonfinite()?),
        )
    })
}
