//! Discrete Fourier transforms over the C ABI (NumPy's `numpy.fft`, with
//! names prefixed `lapis_fft_`): each function translates its arguments
//! and calls `lapis::fft`.
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
#![allow(clippy::missing_safety_doc)] // the contract above, shared by all

use super::{
    Failure, FfiResult, array_ref, call, check_out, isize_list, lapis_array, lapis_status,
    out_view, put_array, shape_arg,
};
use lapis::array::NdArray;
use lapis::fft::{self, Norm};

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

/// The shared body of the 1-D transforms into new arrays.
unsafe fn one_d_call(
    routine: &str,
    f: OneD,
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        check_out(routine, "out", out)?;
        let (n, axis, norm) = (
            n_arg(routine, n)?,
            axis_arg(routine, axis)?,
            norm_arg(routine, norm)?,
        );
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        let r = f(a, n, axis, norm)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}

/// The shared body of the 1-D `_out` transforms.
unsafe fn one_d_out_call(
    routine: &str,
    f: OneDOut,
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        let (n, axis, norm) = (
            n_arg(routine, n)?,
            axis_arg(routine, axis)?,
            norm_arg(routine, norm)?,
        );
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(routine, "out", out) }?;
        f(a, n, axis, norm, &mut o)?;
        Ok(())
    })
}

/// The shared body of the n-d transforms.
#[allow(clippy::too_many_arguments)]
unsafe fn n_d_call(
    routine: &str,
    f: ND,
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        check_out(routine, "out", out)?;
        let norm = norm_arg(routine, norm)?;
        let s = match opt_len(routine, "ns", ns)? {
            // SAFETY: caller contract (`s` holds `ns` values).
            Some(k) => Some(unsafe { shape_arg(routine, k, s) }?),
            None => None,
        };
        let axes = match opt_len(routine, "naxes", naxes)? {
            // SAFETY: caller contract (`axes` holds `naxes` values).
            Some(k) => Some(unsafe { isize_list(routine, "axes", axes, k) }?),
            None => None,
        };
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        let r = f(a, s.as_deref(), axes.as_deref(), norm)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}

/// The shared body of the n-d `_out` transforms.
#[allow(clippy::too_many_arguments)]
unsafe fn n_d_out_call(
    routine: &str,
    f: NDOut,
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        let norm = norm_arg(routine, norm)?;
        let s = match opt_len(routine, "ns", ns)? {
            // SAFETY: caller contract (`s` holds `ns` values).
            Some(k) => Some(unsafe { shape_arg(routine, k, s) }?),
            None => None,
        };
        let axes = match opt_len(routine, "naxes", naxes)? {
            // SAFETY: caller contract (`axes` holds `naxes` values).
            Some(k) => Some(unsafe { isize_list(routine, "axes", axes, k) }?),
            None => None,
        };
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(routine, "out", out) }?;
        f(a, s.as_deref(), axes.as_deref(), norm, &mut o)?;
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// 1-D transforms.
// ---------------------------------------------------------------------------

/// NumPy's `fft.fft(x, n, axis, norm)`: the 1-D discrete Fourier transform
/// along `axis`, `y[k] = sum_j x[j] exp(-2 pi i jk/n)`, scaled as `norm`
/// says. `n` (-1: the axis length) crops or zero-pads the input along
/// `axis`; the result has length `n` there and `x`'s other lengths.
/// Dtypes: real input is promoted; float32/complex64 give complex64,
/// float64/complex128 give complex128. Layout: any input strides; the
/// result is a new C-order array owned by the caller.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INDEX` for a bad axis
/// (including a 0-d `x`); `LAPIS_ERR_INVALID_ARGUMENT` for `n` = 0 or
/// < -1, an empty axis without `n`, or an unknown norm code;
/// `LAPIS_ERR_BUSY`; `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on
/// success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_fft", fft::fft, x, n, axis, norm, out) }
}

/// NumPy's `fft.ifft`: the inverse of `lapis_fft_fft`, `y[j] = (1/n)
/// sum_k x[k] exp(+2 pi i jk/n)` for the default norm. Arguments, dtypes
/// and errors as `lapis_fft_fft`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_ifft", fft::ifft, x, n, axis, norm, out) }
}

/// NumPy's `fft.rfft`: the transform of real input, only the `n/2 + 1`
/// non-negative frequencies. `x` must be float32 or float64 (complex input
/// is `LAPIS_ERR_INVALID_ARGUMENT`, "expected real input"); the result is complex64 or complex128 with
/// length `n/2 + 1` along `axis`. Otherwise as `lapis_fft_fft`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_rfft", fft::rfft, x, n, axis, norm, out) }
}

/// NumPy's `fft.irfft`: the inverse of `lapis_fft_rfft`, a real result of
/// length `n` along `axis` (default `2*(m - 1)` for an input length `m`;
/// the input is cropped or zero-padded to `n/2 + 1` values). Real input is
/// taken as complex. float32/complex64 give float32, else float64.
/// Otherwise as `lapis_fft_fft`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_irfft", fft::irfft, x, n, axis, norm, out) }
}

/// NumPy's `fft.hfft`: the transform of a Hermitian-symmetric signal given
/// by its first half, a real result of length `n` (default `2*(m - 1)`).
/// Dtypes as `lapis_fft_irfft`; otherwise as `lapis_fft_fft`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_hfft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_hfft", fft::hfft, x, n, axis, norm, out) }
}

/// NumPy's `fft.ihfft`: the inverse of `lapis_fft_hfft` for real input
/// (the conjugate of `rfft` scaled by `1/n` for the default norm), length
/// `n/2 + 1` along `axis`. Dtypes as `lapis_fft_rfft`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ihfft(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_call("lapis_fft_ihfft", fft::ihfft, x, n, axis, norm, out) }
}

/// `lapis_fft_fft` written into the existing array `out`, which must have
/// the result's shape (length `n` along `axis`), be writable, and have
/// exactly the result's dtype (complex64 for float32/complex64 input, else
/// complex128). Any non-overlapping strides (F order, sliced, negative).
/// `out` may be `x` itself (then transformed as if `x` had been copied
/// first). Errors: as `lapis_fft_fft`, plus `LAPIS_ERR_SHAPE_MISMATCH` for
/// a wrong shape, `LAPIS_ERR_INVALID_ARGUMENT` for a wrong dtype (both
/// named), `LAPIS_ERR_READ_ONLY`, `LAPIS_ERR_BAD_STRIDE`. On error `out` is
/// not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_fft_out", fft::fft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_ifft` into `out`, as `lapis_fft_fft_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_ifft_out", fft::ifft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_rfft` into `out` (complex, length `n/2 + 1` along `axis`),
/// as `lapis_fft_fft_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_rfft_out", fft::rfft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_irfft` into `out` (float32 or float64: the result's dtype exactly, length `n` along
/// `axis`), as `lapis_fft_fft_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_irfft_out", fft::irfft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_hfft` into `out`, as `lapis_fft_irfft_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_hfft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_hfft_out", fft::hfft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_ihfft` into `out`, as `lapis_fft_rfft_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ihfft_out(
    x: *const lapis_array,
    n: i64,
    axis: i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { one_d_out_call("lapis_fft_ihfft_out", fft::ihfft_out, x, n, axis, norm, out) }
}

/// `lapis_fft_fft` of a complex array in place along `axis` (the length is
/// kept: no `n`). Any non-overlapping strides. Errors:
/// `LAPIS_ERR_INVALID_ARGUMENT` for a real array or an unknown norm,
/// `LAPIS_ERR_INDEX`, `LAPIS_ERR_READ_ONLY`, `LAPIS_ERR_BAD_STRIDE`,
/// `LAPIS_ERR_BUSY`; on error `x` is not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fft_inplace(
    x: *mut lapis_array,
    axis: i64,
    norm: lapis_fft_norm,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { inplace_call("lapis_fft_fft_inplace", false, x, axis, norm) }
}

/// `lapis_fft_ifft` in place, as `lapis_fft_fft_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifft_inplace(
    x: *mut lapis_array,
    axis: i64,
    norm: lapis_fft_norm,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { inplace_call("lapis_fft_ifft_inplace", true, x, axis, norm) }
}

unsafe fn inplace_call(
    routine: &str,
    inverse: bool,
    x: *mut lapis_array,
    axis: i64,
    norm: lapis_fft_norm,
) -> lapis_status {
    call(|| {
        let (axis, norm) = (axis_arg(routine, axis)?, norm_arg(routine, norm)?);
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(routine, "x", x) }?;
        if inverse {
            fft::ifft_inplace(&mut o, axis, norm)?;
        } else {
            fft::fft_inplace(&mut o, axis, norm)?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// n-d transforms.
// ---------------------------------------------------------------------------

/// NumPy's `fft.fftn(x, s, axes, norm)`: the n-d transform over `axes`
/// (`naxes` = -1: the last `ns` axes when `s` is given, else all axes),
/// with `s[i]` (`ns` = -1: the input lengths) cropping or zero-padding
/// axis `axes[i]`. `s` and `axes` must have the same length when both are
/// given. Dtypes, layout and ownership as `lapis_fft_fft`.
/// Errors: as `lapis_fft_fft`, plus `LAPIS_ERR_INVALID_ARGUMENT` for no
/// axes, a repeated axis, lengths that differ, an entry of `s` that is 0
/// or negative; `LAPIS_ERR_NULL_ARGUMENT` for a NULL list with a positive
/// count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fftn(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_fftn",
            fft::fftn,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.ifftn`: the inverse of `lapis_fft_fftn` (same arguments).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifftn(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_ifftn",
            fft::ifftn,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.rfftn`: `rfft` over the last of `axes`, then `fft` over the
/// others; real input only (`LAPIS_ERR_INVALID_ARGUMENT` for complex). Arguments
/// as `lapis_fft_fftn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfftn(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_rfftn",
            fft::rfftn,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.irfftn`: the inverse of `lapis_fft_rfftn`, a real result;
/// the last transformed length defaults to `2*(m - 1)`. Arguments as
/// `lapis_fft_fftn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfftn(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_irfftn",
            fft::irfftn,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.fft2`: `lapis_fft_fftn` whose default axes are the last
/// two (`naxes` = -1) instead of all.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fft2(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_fft2",
            fft::fft2,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.ifft2`: `lapis_fft_ifftn` with the last two axes by default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifft2(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_ifft2",
            fft::ifft2,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.rfft2`: `lapis_fft_rfftn` with the last two axes by default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfft2(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_rfft2",
            fft::rfft2,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// NumPy's `fft.irfft2`: `lapis_fft_irfftn` with the last two axes by default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfft2(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_call(
            "lapis_fft_irfft2",
            fft::irfft2,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_fftn` written into the existing array `out`, which must have
/// exactly the result's shape and dtype (complex64 for float32/complex64
/// input, else complex128), be writable and have no self-overlapping
/// elements; any strides otherwise (F order, sliced, negative). `out` may
/// share `x`'s buffer (even be `x`): the result is then computed in a
/// temporary and copied. With `s` at the input lengths no temporary is
/// made: the first step writes `out` and the others run in place there.
/// Errors: as `lapis_fft_fftn`, plus `LAPIS_ERR_SHAPE_MISMATCH` for a
/// wrong shape (the message names the expected and the given shape),
/// `LAPIS_ERR_INVALID_ARGUMENT` for a wrong dtype (both named),
/// `LAPIS_ERR_READ_ONLY`, `LAPIS_ERR_BAD_STRIDE`. On error `out` is not
/// modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fftn_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_fftn_out",
            fft::fftn_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_ifftn` into `out`, as `lapis_fft_fftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifftn_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_ifftn_out",
            fft::ifftn_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_rfftn` into `out` (complex; `s[-1]/2 + 1` along the last
/// transformed axis), as `lapis_fft_fftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfftn_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_rfftn_out",
            fft::rfftn_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_irfftn` into `out` (float32 or float64), as
/// `lapis_fft_fftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfftn_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_irfftn_out",
            fft::irfftn_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_fft2` into `out`, as `lapis_fft_fftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fft2_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_fft2_out",
            fft::fft2_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_ifft2` into `out`, as `lapis_fft_fftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifft2_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_ifft2_out",
            fft::ifft2_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_rfft2` into `out`, as `lapis_fft_rfftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfft2_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_rfft2_out",
            fft::rfft2_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

/// `lapis_fft_irfft2` into `out`, as `lapis_fft_irfftn_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_irfft2_out(
    x: *const lapis_array,
    ns: i64,
    s: *const i64,
    naxes: i64,
    axes: *const i64,
    norm: lapis_fft_norm,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe {
        n_d_out_call(
            "lapis_fft_irfft2_out",
            fft::irfft2_out,
            x,
            ns,
            s,
            naxes,
            axes,
            norm,
            out,
        )
    }
}

// ---------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------

/// NumPy's `fft.fftfreq(n, d)`: the sample frequencies `[0, 1, ...,
/// ceil(n/2) - 1, -floor(n/2), ..., -1] / (n*d)` of a length-`n` transform
/// with sample spacing `d`, as a new float64 array of length `n` (owned by
/// the caller). Errors: `LAPIS_ERR_INVALID_ARGUMENT` for `n` < 1 or a `d`
/// that makes `1/(n*d)` infinite or NaN; `LAPIS_ERR_NULL_ARGUMENT`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fftfreq(
    n: i64,
    d: f64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { freq_call("lapis_fft_fftfreq", fft::fftfreq, n, d, out) }
}

/// NumPy's `fft.rfftfreq(n, d)`: `[0, 1, ..., n/2] / (n*d)`, a new float64
/// array of length `n/2 + 1`. Errors as `lapis_fft_fftfreq`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_rfftfreq(
    n: i64,
    d: f64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { freq_call("lapis_fft_rfftfreq", fft::rfftfreq, n, d, out) }
}

unsafe fn freq_call(
    routine: &str,
    f: fn(usize, f64) -> lapis::Result<NdArray>,
    n: i64,
    d: f64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        check_out(routine, "out", out)?;
        let n = usize::try_from(n)
            .map_err(|_| Failure::invalid(routine, "n", format!("{n} is negative")))?;
        let r = f(n, d)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}

/// NumPy's `fft.fftshift(x, axes)`: rolls each axis in `axes` (`naxes` =
/// -1: all axes) by `floor(len/2)` so the zero frequency moves to the
/// centre. A new array of `x`'s dtype and shape, owned by the caller.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_INDEX` for an axis out of
/// range; `LAPIS_ERR_INVALID_ARGUMENT` for `naxes` < -1; `LAPIS_ERR_BUSY`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_fftshift(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { shift_call("lapis_fft_fftshift", fft::fftshift, x, naxes, axes, out) }
}

/// NumPy's `fft.ifftshift`: the inverse of `lapis_fft_fftshift` (rolls by
/// `-floor(len/2)`), same arguments and errors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fft_ifftshift(
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { shift_call("lapis_fft_ifftshift", fft::ifftshift, x, naxes, axes, out) }
}

unsafe fn shift_call(
    routine: &str,
    f: fn(&NdArray, Option<&[isize]>) -> lapis::Result<NdArray>,
    x: *const lapis_array,
    naxes: i64,
    axes: *const i64,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        check_out(routine, "out", out)?;
        let axes = match opt_len(routine, "naxes", naxes)? {
            // SAFETY: caller contract.
            Some(k) => Some(unsafe { isize_list(routine, "axes", axes, k) }?),
            None => None,
        };
        // SAFETY: caller contract.
        let a = unsafe { array_ref(routine, "x", x) }?;
        let r = f(a, axes.as_deref())?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}
