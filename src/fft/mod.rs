//! Discrete Fourier transforms of [`NdArray`]s: NumPy's `numpy.fft`.
//!
//! * Complex transforms [`fft`], [`ifft`], [`fft2`], [`ifft2`], [`fftn`],
//!   [`ifftn`]; real-input transforms [`rfft`], [`irfft`], [`rfft2`],
//!   [`irfft2`], [`rfftn`], [`irfftn`]; Hermitian [`hfft`], [`ihfft`];
//!   helpers [`fftfreq`], [`rfftfreq`], [`fftshift`], [`ifftshift`].
//! * Arguments as NumPy's: `n` / `s` crop or zero-pad the input along the
//!   transformed axes, `axis` / `axes` may be negative, [`Norm`] picks where
//!   the `1/n` goes. Results equal NumPy's up to rounding.
//! * dtypes: `float32` and `complex64` inputs transform in single precision
//!   to `complex64` (or `float32` for [`irfft`] and [`hfft`]); `float64` and
//!   `complex128` in double precision to `complex128` (`float64`). Real
//!   input to a complex transform is promoted; complex input to a real-input
//!   transform is an error (NumPy discards the imaginary part with a
//!   warning).
//! * Layout: inputs of any strides (sliced, transposed, negative, zero).
//!   Results are new C-order arrays, or written into the caller's array by
//!   the `_out` forms, or transformed in place by [`fft_inplace`] and
//!   friends. Lines that are contiguous are transformed where they lie;
//!   others are gathered into a per-thread buffer and scattered back.
//! * Plans (rustfft / realfft) are made once per length, direction and
//!   precision and cached for the life of the process; lines of the other
//!   axes run in parallel on lapis's pool ([`crate::parallel`]), with
//!   results that do not depend on the number of threads.
//! * Errors, never panics: a bad or repeated axis, no axes, a length of 0,
//!   a wrong `out`, complex input to a real-input transform.
//! * [`typed`]: the complex transforms on `ndarray` arrays and views
//!   (`&ArrayRef<Complex<T>, D>`), which [`fft`] and [`ifft`] of complex
//!   input dispatch to.
//!
//! ```
//! use lapis::{array, fft, DType, Complex64};
//! let x = array::arange(0.0, 4.0, 1.0, DType::F64)?;
//! let y = fft::fft(&x, None, -1, fft::Norm::Backward)?;
//! assert_eq!(y.dtype(), DType::C128);
//! let v = y.to_vec::<Complex64>()?;
//! assert!((v[0] - Complex64::new(6.0, 0.0)).norm() < 1e-12);
//! assert!((v[1] - Complex64::new(-2.0, 2.0)).norm() < 1e-12);
//! let back = fft::ifft(&y, None, -1, fft::Norm::Backward)?;
//! assert!((back.to_vec::<Complex64>()?[3] - Complex64::new(3.0, 0.0)).norm() < 1e-12);
//! # Ok::<(), lapis::Error>(())
//! ```

mod exec;
mod freq;
mod kernel;
mod nd;
mod plan;
pub mod typed;

use num_complex::Complex;

use crate::array::{MemOrder, NdArray};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::Scalar;
use typed::FftReal;

use exec::{Kind, Step, real_input_error, run, run_out, step_inplace};
pub use freq::{fftfreq, fftshift, ifftshift, rfftfreq};
pub use nd::{
    fft2, fft2_out, fftn, fftn_inplace, fftn_out, ifft2, ifft2_out, ifftn, ifftn_inplace,
    ifftn_out, irfft2, irfft2_out, irfftn, irfftn_out, rfft2, rfft2_out, rfftn, rfftn_out,
};

/// Where the `1/n` of a transform pair goes (NumPy's `norm=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Norm {
    /// Forward transforms unscaled, inverse ones scaled by `1/n` (NumPy's
    /// default, `"backward"`).
    #[default]
    Backward,
    /// Both directions scaled by `1/√n`: the transforms are unitary.
    Ortho,
    /// Forward transforms scaled by `1/n`, inverse ones unscaled.
    Forward,
}

impl std::str::FromStr for Norm {
    type Err = Error;
    /// `"backward"`, `"ortho"` or `"forward"`, as NumPy spells them.
    fn from_str(s: &str) -> Result<Norm> {
        match s {
            "backward" => Ok(Norm::Backward),
            "ortho" => Ok(Norm::Ortho),
            "forward" => Ok(Norm::Forward),
            _ => Err(Error::InvalidArgument {
                routine: "fft",
                what: "norm",
                reason: format!(
                    "Invalid norm value {s:?}; should be \"backward\", \"ortho\" or \"forward\"."
                ),
            }),
        }
    }
}

impl Norm {
    /// The norm that puts the scaling on the other direction (NumPy's
    /// `_swap_direction`, used by the Hermitian transforms).
    fn swapped(self) -> Norm {
        match self {
            Norm::Backward => Norm::Forward,
            Norm::Ortho => Norm::Ortho,
            Norm::Forward => Norm::Backward,
        }
    }
}

fn bad_points(routine: &'static str, n: usize) -> Error {
    Error::InvalidArgument {
        routine,
        what: "n",
        reason: format!("Invalid number of data points ({n}) specified"),
    }
}

fn normalize_axis(routine: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(Error::AxisOutOfRange {
            routine,
            axis,
            ndim,
        });
    }
    Ok(a as usize)
}

fn require_real(routine: &'static str, a: &NdArray) -> Result<()> {
    if a.dtype().is_complex() {
        return Err(real_input_error(routine, a.dtype()));
    }
    Ok(())
}

/// The axis and length of a 1-D transform; `default_n` maps the input
/// length to the default `n`.
fn one_axis(
    routine: &'static str,
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    default_n: impl Fn(usize) -> usize,
) -> Result<(usize, usize)> {
    let ax = normalize_axis(routine, axis, a.ndim())?;
    let n = n.unwrap_or_else(|| default_n(a.shape()[ax]));
    if n == 0 {
        return Err(bad_points(routine, n));
    }
    Ok((ax, n))
}

/// The step of each 1-D function.
#[derive(Clone, Copy)]
enum OneD {
    Fft,
    Ifft,
    Rfft,
    Irfft,
    Hfft,
    Ihfft,
}

impl OneD {
    fn name(self) -> &'static str {
        match self {
            OneD::Fft => "fft",
            OneD::Ifft => "ifft",
            OneD::Rfft => "rfft",
            OneD::Irfft => "irfft",
            OneD::Hfft => "hfft",
            OneD::Ihfft => "ihfft",
        }
    }

    fn step(self, a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<Step> {
        let r = self.name();
        let half_to_full = |m: usize| 2 * m.saturating_sub(1);
        Ok(match self {
            OneD::Fft | OneD::Ifft => {
                let inverse = matches!(self, OneD::Ifft);
                let (ax, n) = one_axis(r, a, n, axis, |m| m)?;
                Step::new(ax, n, Kind::C2C { inverse }, norm, inverse)
            }
            OneD::Rfft | OneD::Ihfft => {
                require_real(r, a)?;
                let conj = matches!(self, OneD::Ihfft);
                let norm = if conj { norm.swapped() } else { norm };
                let (ax, n) = one_axis(r, a, n, axis, |m| m)?;
                Step::new(ax, n, Kind::R2C { conj }, norm, false)
            }
            OneD::Irfft | OneD::Hfft => {
                let conj = matches!(self, OneD::Hfft);
                let norm = if conj { norm.swapped() } else { norm };
                let (ax, n) = one_axis(r, a, n, axis, half_to_full)?;
                Step::new(ax, n, Kind::C2R { conj }, norm, true)
            }
        })
    }

    fn apply(self, a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
        let st = self.step(a, n, axis, norm)?;
        match (self, a.dtype()) {
            (OneD::Fft | OneD::Ifft, DType::C64) => self.typed::<f32>(a, n, axis, norm, &st),
            (OneD::Fft | OneD::Ifft, DType::C128) => self.typed::<f64>(a, n, axis, norm, &st),
            _ => run(self.name(), a, &[st]),
        }
    }

    /// A complex transform of complex input: the typed layer's `_into`
    /// form on views of `a` and of a new C-order result.
    fn typed<T: FftReal>(
        self,
        a: &NdArray,
        n: Option<usize>,
        axis: isize,
        norm: Norm,
        st: &exec::Step,
    ) -> Result<NdArray>
    where
        Complex<T>: Scalar,
    {
        let r = self.name();
        let mut dst = NdArray::alloc(r, a.dtype(), &st.out_shape(a.shape()), MemOrder::C, false)?;
        {
            let src = a.view::<Complex<T>>()?;
            let mut out = dst.view_mut::<Complex<T>>()?;
            if matches!(self, OneD::Ifft) {
                typed::ifft_into(&*src, n, axis, norm, &mut *out)?;
            } else {
                typed::fft_into(&*src, n, axis, norm, &mut *out)?;
            }
        }
        Ok(dst)
    }

    fn apply_out(
        self,
        a: &NdArray,
        n: Option<usize>,
        axis: isize,
        norm: Norm,
        out: &mut NdArray,
    ) -> Result<()> {
        let st = self.step(a, n, axis, norm)?;
        run_out(self.name(), a, std::slice::from_ref(&st), out)
    }
}

/// The 1-D discrete Fourier transform along `axis` (NumPy's `fft.fft`):
/// `y[k] = Σⱼ x[j]·exp(−2πi·jk/n)`, scaled as `norm` says.
///
/// `n` (default: the axis length) crops or zero-pads the input along
/// `axis`; the result has length `n` there. Real input is promoted to
/// complex; `float32`/`complex64` give `complex64`, else `complex128`. Any
/// input layout; the result is a new C-order array.
///
/// # Errors
/// [`Error::AxisOutOfRange`]; [`Error::InvalidArgument`] for `n == 0` (or
/// an empty axis with no `n`); [`Error::BorrowConflict`] while `a`'s buffer
/// is mutably viewed.
pub fn fft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Fft.apply(a, n, axis, norm)
}

/// The inverse of [`fft`] (NumPy's `fft.ifft`):
/// `x[j] = Σₖ y[k]·exp(+2πi·jk/n)`, scaled by `1/n` for [`Norm::Backward`].
/// Arguments, dtypes, layout and errors as [`fft`].
pub fn ifft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Ifft.apply(a, n, axis, norm)
}

/// The transform of real input (NumPy's `fft.rfft`): the first `n/2 + 1`
/// terms of [`fft`] (the others are their conjugates).
///
/// # Errors
/// As [`fft`], and [`Error::InvalidArgument`] for complex input.
pub fn rfft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Rfft.apply(a, n, axis, norm)
}

/// The inverse of [`rfft`] (NumPy's `fft.irfft`): `n` real outputs
/// (default `2·(m − 1)` for `m` inputs along `axis`) from the first
/// `n/2 + 1` complex inputs (cropped or zero-padded). The imaginary parts
/// of the zero-frequency term and, for even `n`, of the Nyquist term are
/// ignored. Real input is taken as complex. `complex64`/`float32` give
/// `float32`, else `float64`.
///
/// # Errors
/// As [`fft`]; `n == 0`, including the default for `m == 1`.
pub fn irfft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Irfft.apply(a, n, axis, norm)
}

/// The transform of a Hermitian-symmetric signal given by its first half
/// (NumPy's `fft.hfft`): `irfft(conj(a), n)` with the scaling of a forward
/// transform (unscaled for [`Norm::Backward`]). Real output of length `n`
/// (default `2·(m − 1)`). Errors as [`irfft`].
pub fn hfft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Hfft.apply(a, n, axis, norm)
}

/// The inverse of [`hfft`] (NumPy's `fft.ihfft`): `conj(rfft(a, n))` with
/// the scaling of an inverse transform (`1/n` for [`Norm::Backward`]).
/// Errors as [`rfft`].
pub fn ihfft(a: &NdArray, n: Option<usize>, axis: isize, norm: Norm) -> Result<NdArray> {
    OneD::Ihfft.apply(a, n, axis, norm)
}

/// [`fft`] into the caller's `out`, which must have the result's dtype and
/// shape, be writable and have no self-overlapping elements (any strides
/// otherwise). An `out` sharing `a`'s buffer is written from a temporary.
///
/// # Errors
/// As [`fft`]; [`Error::InvalidArgument`] for `out`'s dtype,
/// [`Error::OutputShape`], [`Error::ReadOnly`], [`Error::OverlappingOutput`],
/// [`Error::BorrowConflict`]. Nothing is written on error.
pub fn fft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Fft.apply_out(a, n, axis, norm, out)
}

/// [`ifft`] into `out`, as [`fft_out`].
pub fn ifft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Ifft.apply_out(a, n, axis, norm, out)
}

/// [`rfft`] into `out`, as [`fft_out`].
pub fn rfft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Rfft.apply_out(a, n, axis, norm, out)
}

/// [`irfft`] into `out` (real), as [`fft_out`].
pub fn irfft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Irfft.apply_out(a, n, axis, norm, out)
}

/// [`hfft`] into `out` (real), as [`fft_out`].
pub fn hfft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Hfft.apply_out(a, n, axis, norm, out)
}

/// [`ihfft`] into `out`, as [`fft_out`].
pub fn ihfft_out(
    a: &NdArray,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    OneD::Ihfft.apply_out(a, n, axis, norm, out)
}

/// Checks that `a` can be transformed in place.
fn check_inplace(routine: &'static str, a: &NdArray) -> Result<()> {
    if !a.dtype().is_complex() {
        return Err(Error::InvalidArgument {
            routine,
            what: "a",
            reason: format!(
                "an in-place transform needs a complex64 or complex128 array, got {}",
                a.dtype()
            ),
        });
    }
    if !a.is_writable() {
        return Err(Error::ReadOnly { routine });
    }
    if a.has_overlap() {
        return Err(Error::OverlappingOutput {
            routine,
            what: "a",
            strides: a.strides().to_vec(),
        });
    }
    Ok(())
}

fn inplace(
    routine: &'static str,
    a: &mut NdArray,
    axes: &[usize],
    inverse: bool,
    norm: Norm,
) -> Result<()> {
    check_inplace(routine, a)?;
    if a.size() == 0 {
        return Ok(());
    }
    for &ax in axes {
        let n = a.shape()[ax];
        step_inplace(a, &Step::new(ax, n, Kind::C2C { inverse }, norm, inverse))?;
    }
    Ok(())
}

/// [`fft`] of a complex array in place, along `axis` (length kept: no `n`).
/// Any strides; contiguous lines are transformed where they lie, others
/// through a per-thread buffer.
///
/// # Errors
/// [`Error::InvalidArgument`] for a real array, [`Error::AxisOutOfRange`],
/// [`Error::ReadOnly`], [`Error::OverlappingOutput`] (zero strides),
/// [`Error::BorrowConflict`].
pub fn fft_inplace(a: &mut NdArray, axis: isize, norm: Norm) -> Result<()> {
    let ax = normalize_axis("fft_inplace", axis, a.ndim())?;
    inplace("fft_inplace", a, &[ax], false, norm)
}

/// [`ifft`] in place, as [`fft_inplace`].
pub fn ifft_inplace(a: &mut NdArray, axis: isize, norm: Norm) -> Result<()> {
    let ax = normalize_axis("ifft_inplace", axis, a.ndim())?;
    inplace("ifft_inplace", a, &[ax], true, norm)
}
