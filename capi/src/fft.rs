//! Discrete Fourier transforms over the C ABI (NumPy's `numpy.fft`, with
//! names prefixed `lapis_fft_`): each function translates its arguments
//! and calls `lapis::fft`. The exports themselves are generated from
//! capi/exports.toml into gen/fft.rs; this file holds their codes, argument
//! readers and the bodies they run inside the panic boundary.
//!
//! Common arguments: `n` = -1 (`LAPIS_FFT_DEFAULT_N`) takes the default
//! length; `axis` may be negative (counting from the end); `norm` is a
//! `LAPIS_FFT_NORM_*` code; in the n-d transforms `ns` = -1 / `naxes` = -1
//! leave `s` / `axes` at NumPy's default (and the pointer is not read).
//! dtypes: float32/complex64 inputs transform in single precision,
//! float64/complex128 in double. Results are new C-order arrays (owned by
//! the caller) or written into the caller's `out` by the `_out` forms.
//!
//! # Safety
//! Every function here has the C ABI's pointer contract (the header's
//! conventions): a handle argument is NULL or a live handle from lapis,
//! a list argument is NULL or valid for its stated count, an out-pointer
//! is NULL or valid for one write. NULLs are reported, never dereferenced.

use super::{
    Failure, FfiResult, array_ref, check_out, isize_list, lapis_array, out_view, put_array,
    shape_arg,
};
use lapis::array::NdArray;
use lapis::fft::Norm;

#[path = "gen/fft.rs"]
mod exports;
pub use exports::*;

/// Where the `1/n` of a transform pair goes (NumPy's `norm=`).
#[allow(non_camel_case_types)]
pub type lapis_fft_norm = i32;
/// Forward transforms unscaled, inverse ones scaled by `1/n` (NumPy's
/// default, "backward").
pub const LAPIS_FFT_NORM_BACKWARD: lapis_fft_norm = 0;
/// Both directions scaled by `1/sqrt(n)` (unitary transforms).
pub const LAPIS_FFT_NORM_ORTHO: lapis_fft_norm = 1;
/// Forward transforms scaled by `1/n`, inverse ones unscaled.
pub const LAPIS_FFT_NORM_FORWARD: lapis_fft_norm = 2;

/// Pass as `n`, `ns` or `naxes` to use NumPy's default.
pub const LAPIS_FFT_DEFAULT: i64 = -1;

fn norm_arg(routine: &str, code: lapis_fft_norm) -> FfiResult<Norm> {
    match code {
        LAPIS_FFT_NORM_BACKWARD => Ok(Norm::Backward),
        LAPIS_FFT_NORM_ORTHO => Ok(Norm::Ortho),
        LAPIS_FFT_NORM_FORWARD => Ok(Norm::Forward),
        _ => Err(Failure::invalid(
            routine,
            "norm",
            format!(
                "unknown norm code {code} (expected LAPIS_FFT_NORM_BACKWARD, _ORTHO or _FORWARD = 0, 1, 2)"
            ),
        )),
    }
}

/// `n`: -1 for the default, else >= 0 (0 is rejected by the transform with
/// NumPy's message).
fn n_arg(routine: &str, n: i64) -> FfiResult<Option<usize>> {
    if n == LAPIS_FFT_DEFAULT {
        return Ok(None);
    }
    usize::try_from(n).map(Some).map_err(|_| {
        Failure::invalid(
            routine,
            "n",
            format!("{n} (expected -1 for the default or a length >= 1)"),
        )
    })
}

fn axis_arg(routine: &str, axis: i64) -> FfiResult<isize> {
    isize::try_from(axis)
        .map_err(|_| Failure::invalid(routine, "axis", format!("{axis} does not fit isize")))
}

/// An optional list argument: `len` = -1 means "not given".
fn opt_len(routine: &str, name: &str, len: i64) -> FfiResult<Option<usize>> {
    if len == LAPIS_FFT_DEFAULT {
        return Ok(None);
    }
    usize::try_from(len).map(Some).map_err(|_| {
        Failure::invalid(
            routine,
            name,
            format!("{len} (expected -1 for the default or a count >= 0)"),
        )
    })
}

/// The signature of the 1-D transforms in `lapis::fft`.
type OneD = fn(&NdArray, Option<usize>, isize, Norm) -> lapis::Result<NdArray>;
/// The signature of their `_out` forms.
type OneDOut = fn(&NdArray, Option<usize>, isize, Norm, &mut NdArray) -> lapis::Result<()>;
/// The signature of the n-d transforms.
type ND = fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm) -> lapis::Result<NdArray>;
/// The signature of the n-d `_out` forms.
type NDOut =
    fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm, &mut NdArray) -> lapis::Result<()>;

/// The signature of the in-place transforms.
type InPlace = fn(&mut NdArray, isize, Norm) -> lapis::Result<()>;
/// The signature of the frequency helpers.
type Freq = fn(usize, f64) -> lapis::Result<NdArray>;
/// The signature of the shifts.
type Shift = fn(&NdArray, Option<&[isize]>) -> lapis::Result<NdArray>;

/// `n`, `axis` and `norm` of a 1-D transform.
fn one_d_args(
    routine: &str,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
) -> FfiResult<(Option<usize>, isize, Norm)> {
    Ok((
        n_arg(routine, n)?,
        axis_arg(routine, axis)?,
        norm_arg(routine, norm)?,
    ))
}

/// An optional list given as (`len`, pointer): `len` = -1 is "not given",
/// else `read` gets the count and the pointer.
fn opt_list<T>(
    routine: &str,
    len_name: &str,
    (len, ptr): (i64, *const i64),
    read: impl FnOnce(usize, *const i64) -> FfiResult<Vec<T>>,
) -> FfiResult<Option<Vec<T>>> {
    match opt_len(routine, len_name, len)? {
        Some(k) => Ok(Some(read(k, ptr)?)),
        None => Ok(None),
    }
}

/// The lengths `s`, the axes and the norm of an n-d transform.
type NdArgs = (Option<Vec<usize>>, Option<Vec<isize>>, Norm);

/// `norm`, `s` and `axes` of an n-d transform, read in that order.
///
/// # Safety
/// A non-null `s` / `axes` is valid for reads of `ns` / `naxes` values.
unsafe fn n_d_args(
    routine: &str,
    s: (i64, *const i64),
    axes: (i64, *const i64),
    norm: lapis_fft_norm,
) -> FfiResult<NdArgs> {
    let norm = norm_arg(routine, norm)?;
    let s = opt_list(routine, "ns", s, |k, p| {
        // SAFETY: the caller's contract: `p` holds `k` (= `ns`) values.
        unsafe { shape_arg(routine, k, p) }
    })?;
    // SAFETY: the caller's contract: `axes.1` holds `axes.0` values.
    let axes = unsafe { axes_list(routine, axes) }?;
    Ok((s, axes, norm))
}

/// An optional axes list (`naxes` = -1: not given).
///
/// # Safety
/// A non-null `axes.1` is valid for reads of `axes.0` values.
unsafe fn axes_list(routine: &str, axes: (i64, *const i64)) -> FfiResult<Option<Vec<isize>>> {
    opt_list(routine, "naxes", axes, |k, p| {
        // SAFETY: the caller's contract: `p` holds `k` (= `naxes`) values.
        unsafe { isize_list(routine, "axes", p, k) }
    })
}

/// The body of the 1-D transforms into new arrays.
///
/// # Safety
/// `x` is NULL or a live handle; `out` is NULL or valid for one write.
unsafe fn one_d(
    routine: &str,
    f: OneD,
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let (n, axis, norm) = one_d_args(routine, n, axis, norm)?;
    let a = array_ref(routine, "x", x)?;
    let r = f(&a, n, axis, norm)?;
    // SAFETY: `out` checked non-null above, valid for a write (caller contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// The body of the 1-D `_out` transforms.
///
/// # Safety
/// `x` and `out` are NULL or live handles.
unsafe fn one_d_out(
    routine: &str,
    f: OneDOut,
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> FfiResult {
    let (n, axis, norm) = one_d_args(routine, n, axis, norm)?;
    let a = array_ref(routine, "x", x)?;
    let mut o = out_view(routine, "out", out)?;
    f(&a, n, axis, norm, &mut o)?;
    Ok(())
}

/// The body of the in-place transforms of complex arrays.
///
/// # Safety
/// `x` is NULL or a live handle.
unsafe fn in_place(
    routine: &str,
    f: InPlace,
    x: *mut lapis_array,
    axis: i64,
    norm: lapis_fft_norm,
) -> FfiResult {
    let (axis, norm) = (axis_arg(routine, axis)?, norm_arg(routine, norm)?);
    let mut o = out_view(routine, "x", x)?;
    f(&mut o, axis, norm)?;
    Ok(())
}

/// The body of the n-d transforms into new arrays.
///
/// # Safety
/// `x` is NULL or live; a non-null `s` / `axes` holds `ns` / `naxes`
/// values; `out` is NULL or valid for one write.
unsafe fn n_d(
    routine: &str,
    f: ND,
    x: *const lapis_array,
    s: (i64, *const i64),
    axes: (i64, *const i64),
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> FfiResult {
    check_out(routine, "out", out)?;
    // SAFETY: caller contract for `s` and `axes`.
    let (s, axes, norm) = unsafe { n_d_args(routine, s, axes, norm) }?;
    let a = array_ref(routine, "x", x)?;
    let r = f(&a, s.as_deref(), axes.as_deref(), norm)?;
    // SAFETY: `out` checked non-null above, valid for a write (caller contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// The body of the n-d `_out` transforms.
///
/// # Safety
/// As [`n_d`], with `out` NULL or a live handle.
unsafe fn n_d_out(
    routine: &str,
    f: NDOut,
    x: *const lapis_array,
    s: (i64, *const i64),
    axes: (i64, *const i64),
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> FfiResult {
    // SAFETY: caller contract for `s` and `axes`.
    let (s, axes, norm) = unsafe { n_d_args(routine, s, axes, norm) }?;
    let a = array_ref(routine, "x", x)?;
    let mut o = out_view(routine, "out", out)?;
    f(&a, s.as_deref(), axes.as_deref(), norm, &mut o)?;
    Ok(())
}

/// The body of `fftfreq` / `rfftfreq`.
///
/// # Safety
/// `out` is NULL or valid for one write.
unsafe fn freq(routine: &str, f: Freq, n: i64, d: f64, out: *mut *mut lapis_array) -> FfiResult {
    check_out(routine, "out", out)?;
    let n = usize::try_from(n)
        .map_err(|_| Failure::invalid(routine, "n", format!("{n} is negative")))?;
    let r = f(n, d)?;
    // SAFETY: `out` checked non-null above, valid for a write (caller contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// The body of `fftshift` / `ifftshift`.
///
/// # Safety
/// `x` is NULL or live; a non-null `axes` holds `naxes` values; `out` is
/// NULL or valid for one write.
unsafe fn shift(
    routine: &str,
    f: Shift,
    x: *const lapis_array,
    axes: (i64, *const i64),
    out: *mut *mut lapis_array,
) -> FfiResult {
    check_out(routine, "out", out)?;
    // SAFETY: caller contract for `axes`.
    let axes = unsafe { axes_list(routine, axes) }?;
    let a = array_ref(routine, "x", x)?;
    let r = f(&a, axes.as_deref())?;
    // SAFETY: `out` checked non-null above, valid for a write (caller contract).
    unsafe { put_array(out, r) }?;
    Ok(())
}
