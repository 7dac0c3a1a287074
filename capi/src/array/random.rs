//! Seeded, reproducible random arrays: new ones (`lapis_random_*`) and
//! fills of existing ones (`lapis_random_fill_*`), from lapis's
//! counter-based generator.

use super::{named, new_array, shape_i64};
use crate::{FfiResult, call, dtype_arg, lapis_array, lapis_dtype, lapis_status, out_view};
use lapis::array::random::Generator;
use lapis::array::{self, MemOrder, NdArray};
use lapis::error::Result;

/// Fills with uniform values on [low, high) from stream `key` of `seed`.
fn uniform(seed: u64, key: u64, low: f64, high: f64) -> impl FnOnce(&mut NdArray) -> Result<()> {
    move |a| {
        Generator::new(seed)
            .stream(key)
            .fill_uniform_nd(a, low, high)
    }
}

/// Fills with `normal(mean, std)` values from stream `key` of `seed`.
fn normal(seed: u64, key: u64, mean: f64, std: f64) -> impl FnOnce(&mut NdArray) -> Result<()> {
    move |a| {
        Generator::new(seed)
            .stream(key)
            .fill_normal_nd(a, mean, std)
    }
}

/// Fills with standard normal values from stream `key` of `seed`.
fn standard_normal(seed: u64, key: u64) -> impl FnOnce(&mut NdArray) -> Result<()> {
    move |a| Generator::new(seed).stream(key).fill_standard_normal_nd(a)
}

/// The shared body of the new-array random functions: a C-order array of
/// `shape` and `dtype`, filled by `fill`.
///
/// # Safety
/// A non-null `shape` is valid for reads of `ndim` values; `out` is NULL
/// or valid for a pointer write.
unsafe fn random_new(
    routine: &str,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
    fill: impl FnOnce(&mut NdArray) -> Result<()>,
) -> FfiResult {
    let make = || {
        // SAFETY: a non-null `shape` holds `ndim` values (this function's
        // contract).
        let shape = unsafe { shape_i64(routine, ndim, shape) }?;
        let dtype = dtype_arg(routine, dtype)?;
        let mut a = array::zeros_order(&shape, dtype, MemOrder::C)?;
        fill(&mut a)?;
        Ok(a)
    };
    // SAFETY: `out` is NULL or writable (this function's contract).
    unsafe { new_array(routine, out, make) }
}

/// The shared body of the random fills: `fill` writes through a new view
/// of `a`.
///
/// # Safety
/// `a` is NULL or a live handle.
unsafe fn random_fill(
    routine: &str,
    a: *mut lapis_array,
    fill: impl FnOnce(&mut NdArray) -> Result<()>,
) -> FfiResult {
    named(routine, || {
        let mut v = out_view(routine, "a", a)?;
        Ok(fill(&mut v)?)
    })
}

/// A new C-order array of values uniform on [low, high) (complex dtypes:
/// both parts), from stream `key` of `seed` of lapis's counter-based
/// generator. Reproducible: the same (seed, key, shape, dtype) gives the
/// same numbers in every call and with any number of threads; element i (in C
/// order) is the i-th draw of the stream, so `lapis_random_fill_uniform`
/// on an array of the same shape and dtype, in any layout, gives the same
/// values at the same indices. Use different keys for independent streams.
///
/// Errors: as `lapis_zeros` (shape, dtype, NULL `out`); parameters the
/// distribution rejects (LAPIS_ERR_INVALID_ARGUMENT).
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_uniform(
    seed: u64,
    key: u64,
    low: f64,
    high: f64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: `shape` holds `ndim` values unless NULL, and `out` is NULL or
    // writable (this function's # Safety); NULLs are reported.
    call(|| unsafe {
        random_new(
            "lapis_random_uniform",
            ndim,
            shape,
            dtype,
            out,
            uniform(seed, key, low, high),
        )
    })
}

/// A new C-order array of normal values `mean + std·z` (complex dtypes:
/// `mean + std·z` with z complex standard normal, E|z|² = 1). Seeds, keys,
/// reproducibility and errors as `lapis_random_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_normal(
    seed: u64,
    key: u64,
    mean: f64,
    std: f64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_random_uniform` (the same # Safety).
    call(|| unsafe {
        random_new(
            "lapis_random_normal",
            ndim,
            shape,
            dtype,
            out,
            normal(seed, key, mean, std),
        )
    })
}

/// A new C-order array of standard normal values (complex: CN(0, 1)).
/// Seeds, keys, reproducibility and errors as `lapis_random_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_standard_normal(
    seed: u64,
    key: u64,
    ndim: i64,
    shape: *const i64,
    dtype: lapis_dtype,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_random_uniform` (the same # Safety).
    call(|| unsafe {
        let fill = standard_normal(seed, key);
        random_new(
            "lapis_random_standard_normal",
            ndim,
            shape,
            dtype,
            out,
            fill,
        )
    })
}

/// Overwrites every element of `a` with uniform values on [low, high), the
/// same values `lapis_random_uniform` gives for `a`'s shape and dtype
/// (element i in C order of the indices, whatever `a`'s strides).
///
/// Errors: NULL `a` (LAPIS_ERR_NULL_ARGUMENT), read-only `a`
/// (LAPIS_ERR_READ_ONLY), overlapping elements (LAPIS_ERR_BAD_STRIDE),
/// `a`'s buffer in use by another call (LAPIS_ERR_BUSY), bad parameters.
/// Nothing is written on error.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_uniform(
    seed: u64,
    key: u64,
    low: f64,
    high: f64,
    a: *mut lapis_array,
) -> lapis_status {
    // SAFETY: `a` is NULL or a live handle (this function's # Safety); a
    // NULL one is reported.
    call(|| unsafe {
        random_fill(
            "lapis_random_fill_uniform",
            a,
            uniform(seed, key, low, high),
        )
    })
}

/// Overwrites `a` with `normal(mean, std)` values, as
/// `lapis_random_normal`. Errors as `lapis_random_fill_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_normal(
    seed: u64,
    key: u64,
    mean: f64,
    std: f64,
    a: *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_random_fill_uniform` (the same # Safety).
    call(|| unsafe { random_fill("lapis_random_fill_normal", a, normal(seed, key, mean, std)) })
}

/// Overwrites `a` with standard normal values, as
/// `lapis_random_standard_normal`. Errors as `lapis_random_fill_uniform`.
///
/// # Safety
/// Non-NULL pointer arguments must be valid for the reads and writes
/// described above (handles are validated: see `lapis_array`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_random_fill_standard_normal(
    seed: u64,
    key: u64,
    a: *mut lapis_array,
) -> lapis_status {
    // SAFETY: as in `lapis_random_fill_uniform` (the same # Safety).
    call(|| unsafe {
        random_fill(
            "lapis_random_fill_standard_normal",
            a,
            standard_normal(seed, key),
        )
    })
}
