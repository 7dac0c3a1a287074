//! Reductions over the C ABI: NumPy's `sum`, `prod`, `mean`, `var`, `std`,
//! `min`, `max`, `argmin`, `argmax`, `linalg.vector_norm` and finiteness
//! tests, over a set of axes (with `keepdims`) into a new array, plus
//! `*_all` forms that reduce every element to a scalar. The exports are
//! generated from capi/exports.toml into gen/reduce.rs; this file holds
//! their argument readers and the bodies they run inside the boundary.
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

use super::{
    Failure, FfiResult, array_ref, check_out, isize_list, lapis_array, lapis_complex128,
    lapis_status, put, put_array,
};
use lapis::array::{Axes, NdArray};
use lapis::dtype::DType;

#[path = "gen/reduce.rs"]
mod exports;
pub use exports::*;

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
    f: impl FnOnce(&NdArray, Axes) -> FfiResult<NdArray>,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let a = array_ref(routine, "x", x)?;
    // SAFETY: caller contract.
    let axes = unsafe { axes_arg(routine, naxes, axes) }?;
    let r = f(&a, axes)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) }?;
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
    let a = array_ref(routine, "x", x)?;
    let v = f(&a)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put(out, v) };
    Ok(())
}

/// A reduction to values of the input's kind (see the exports' docs).
#[derive(Clone, Copy)]
enum Reduction {
    Sum,
    Prod,
    Mean,
    Min,
    Max,
    /// With the caller's `ddof`.
    Var(i64),
    /// With the caller's `ddof`.
    Std(i64),
    /// Of order `ord`.
    VectorNorm(f64),
}

impl Reduction {
    /// The reduction of `a` over `axes`.
    fn apply(self, routine: &str, a: &NdArray, axes: Axes, keepdims: bool) -> FfiResult<NdArray> {
        Ok(match self {
            Reduction::Sum => a.sum(axes, keepdims)?,
            Reduction::Prod => a.prod(axes, keepdims)?,
            Reduction::Mean => a.mean(axes, keepdims)?,
            Reduction::Min => a.min(axes, keepdims)?,
            Reduction::Max => a.max(axes, keepdims)?,
            Reduction::Var(ddof) => a.var(axes, ddof_arg(routine, ddof)?, keepdims)?,
            Reduction::Std(ddof) => a.std(axes, ddof_arg(routine, ddof)?, keepdims)?,
            Reduction::VectorNorm(ord) => a.vector_norm(ord, axes, keepdims)?,
        })
    }
}

/// The body of the reductions over axes into a new array.
///
/// # Safety
/// `x` is NULL or live; a non-null `axes` holds `naxes` values; `out` is
/// NULL or valid for one write.
unsafe fn reduce_axes(
    routine: &str,
    op: Reduction,
    x: *const lapis_array,
    (naxes, axes): (i64, *const i64),
    keepdims: bool,
    out: *mut *mut lapis_array,
) -> FfiResult {
    if let Reduction::Var(ddof) | Reduction::Std(ddof) = op {
        ddof_arg(routine, ddof)?; // checked first, before the pointers
    }
    // SAFETY: forwarded caller contract.
    unsafe {
        reduce_new(routine, x, naxes, axes, out, |a, ax| {
            op.apply(routine, a, ax, keepdims)
        })
    }
}

/// The body of the whole-array reductions to a complex double.
///
/// # Safety
/// `x` is NULL or live; `out` is NULL or valid for one write.
unsafe fn complex_all(
    routine: &str,
    op: Reduction,
    x: *const lapis_array,
    out: *mut lapis_complex128,
) -> FfiResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        reduce_all(routine, x, out, |a| {
            scalar_of(&op.apply(routine, a, Axes::All, false)?)
        })
    }
}

/// The body of the whole-array reductions to a real double.
///
/// # Safety
/// As [`complex_all`].
unsafe fn real_all(
    routine: &str,
    op: Reduction,
    x: *const lapis_array,
    out: *mut f64,
) -> FfiResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        reduce_all(routine, x, out, |a| {
            Ok(scalar_of(&op.apply(routine, a, Axes::All, false)?)?.re)
        })
    }
}

/// The body of `lapis_argmin_all` / `lapis_argmax_all`.
///
/// # Safety
/// As [`complex_all`].
unsafe fn index_all(routine: &str, max: bool, x: *const lapis_array, out: *mut i64) -> FfiResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        reduce_all(routine, x, out, |a| {
            Ok(if max { a.argmax()? } else { a.argmin()? } as i64)
        })
    }
}

/// The body of `lapis_all_finite_all` / `lapis_any_nonfinite_all`.
///
/// # Safety
/// As [`complex_all`].
unsafe fn finite_all(
    routine: &str,
    negate: bool,
    x: *const lapis_array,
    out: *mut bool,
) -> FfiResult {
    // SAFETY: forwarded caller contract.
    unsafe {
        reduce_all(routine, x, out, |a| {
            Ok(if negate {
                a.any_nonfinite()?
            } else {
                a.all_finite()?
            })
        })
    }
}

/// The body of `lapis_argmin` / `lapis_argmax` (`max`).
///
/// # Safety
/// `x` is NULL or live; a non-null `out` is valid for `out_len` writes.
unsafe fn arg_axis(
    routine: &str,
    max: bool,
    x: *const lapis_array,
    axis: i64,
    out: *mut i64,
    out_len: i64,
) -> FfiResult {
    if out.is_null() {
        return Err(Failure::null(routine, "out"));
    }
    let a = array_ref(routine, "x", x)?;
    let axis = isize::try_from(axis)
        .map_err(|_| Failure::invalid(routine, "axis", format!("{axis} does not fit isize")))?;
    let idx = if max {
        a.argmax_axis(axis, false)?
    } else {
        a.argmin_axis(axis, false)?
    };
    // SAFETY: caller contract: `out` holds `out_len` writable values.
    let buf = unsafe { lane_buffer(routine, out, out_len, idx.len()) }?;
    for (o, &i) in buf.iter_mut().zip(idx.iter()) {
        *o = i as i64;
    }
    Ok(())
}

/// The body of `lapis_all_finite` / `lapis_any_nonfinite` (`negate`).
///
/// # Safety
/// `x` is NULL or live; a non-null `axes` holds `naxes` values; a non-null
/// `out` is valid for `out_len` writes.
unsafe fn finite_axes(
    routine: &str,
    negate: bool,
    x: *const lapis_array,
    (naxes, axes): (i64, *const i64),
    out: *mut bool,
    out_len: i64,
) -> FfiResult {
    if out.is_null() {
        return Err(Failure::null(routine, "out"));
    }
    let a = array_ref(routine, "x", x)?;
    // SAFETY: caller contract: `axes` holds `naxes` values.
    let axes = unsafe { axes_arg(routine, naxes, axes) }?;
    let r = if negate {
        a.any_nonfinite_axes(axes, false)?
    } else {
        a.all_finite_axes(axes, false)?
    };
    // SAFETY: caller contract: `out` holds `out_len` writable values.
    let buf = unsafe { lane_buffer(routine, out, out_len, r.len()) }?;
    for (o, &v) in buf.iter_mut().zip(r.iter()) {
        *o = v;
    }
    Ok(())
}
