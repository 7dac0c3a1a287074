//! The n-d transforms: NumPy's `_cook_nd_args` for `s` and `axes`, and
//! the chains of 1-D steps behind [`fftn`] and friends.

use super::exec::{Kind, Step, run, run_out};
use super::{Norm, bad_points, inplace, normalize_axis, require_real};
use crate::array::NdArray;
use crate::error::{Error, Result};

/// [`fftn`] in place over `axes` (default all), as [`fft_inplace`](super::fft_inplace).
///
/// # Errors
/// As [`fft_inplace`](super::fft_inplace); no axes or a repeated axis
/// ([`Error::InvalidArgument`], [`Error::RepeatedAxis`]).
pub fn fftn_inplace(a: &mut NdArray, axes: Option<&[isize]>, norm: Norm) -> Result<()> {
    let (_, axes) = cook("fftn_inplace", a, None, axes, false)?;
    inplace("fftn_inplace", a, &axes, false, norm)
}

/// [`ifftn`] in place, as [`fftn_inplace`].
pub fn ifftn_inplace(a: &mut NdArray, axes: Option<&[isize]>, norm: Norm) -> Result<()> {
    let (_, axes) = cook("ifftn_inplace", a, None, axes, false)?;
    inplace("ifftn_inplace", a, &axes, true, norm)
}

/// NumPy's `_cook_nd_args`: the normalized axes and the length of each.
/// Without `axes`, the last `s.len()` axes (all axes without `s`); without
/// `s`, the input lengths (for `invreal`, `2·(m − 1)` on the last axis).
fn cook(
    routine: &'static str,
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    invreal: bool,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let nd = a.ndim();
    let axes: Vec<usize> = match (axes, s) {
        (Some(ax), _) => ax
            .iter()
            .map(|&x| normalize_axis(routine, x, nd))
            .collect::<Result<_>>()?,
        (None, Some(s)) => {
            if s.len() > nd {
                return Err(Error::AxisOutOfRange {
                    routine,
                    axis: -(s.len() as isize),
                    ndim: nd,
                });
            }
            (nd - s.len()..nd).collect()
        }
        (None, None) => (0..nd).collect(),
    };
    if axes.is_empty() {
        return Err(Error::InvalidArgument {
            routine,
            what: "axes",
            reason: "at least one axis must be transformed".into(),
        });
    }
    for (i, &x) in axes.iter().enumerate() {
        if axes[..i].contains(&x) {
            return Err(Error::RepeatedAxis {
                routine,
                axis: x as isize,
            });
        }
    }
    let s: Vec<usize> = match s {
        Some(s) => {
            if s.len() != axes.len() {
                return Err(Error::InvalidArgument {
                    routine,
                    what: "s",
                    reason: format!(
                        "Shape and axes have different lengths ({} and {}).",
                        s.len(),
                        axes.len()
                    ),
                });
            }
            s.to_vec()
        }
        None => {
            let mut s: Vec<usize> = axes.iter().map(|&x| a.shape()[x]).collect();
            if invreal && let Some(last) = s.last_mut() {
                *last = 2 * last.saturating_sub(1);
            }
            s
        }
    };
    if let Some(&z) = s.iter().find(|&&n| n == 0) {
        return Err(bad_points(routine, z));
    }
    Ok((s, axes))
}

/// The complex steps over `axes`: the axis with the smallest stride in `a`
/// first (its lines are contiguous or nearly), the rest last to first.
fn c2c_steps(a: &NdArray, s: &[usize], axes: &[usize], inverse: bool, norm: Norm) -> Vec<Step> {
    let mut order: Vec<usize> = (0..axes.len()).rev().collect();
    if let Some(pos) = (0..order.len()).min_by_key(|&i| a.strides()[axes[order[i]]].unsigned_abs())
    {
        let first = order.remove(pos);
        order.insert(0, first);
    }
    order
        .into_iter()
        .map(|i| Step::new(axes[i], s[i], Kind::C2C { inverse }, norm, inverse))
        .collect()
}

/// The steps of [`fftn`] (`inverse`: [`ifftn`]).
fn complex_steps(
    routine: &'static str,
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    inverse: bool,
    norm: Norm,
) -> Result<Vec<Step>> {
    let (s, axes) = cook(routine, a, s, axes, false)?;
    Ok(c2c_steps(a, &s, &axes, inverse, norm))
}

/// The steps of [`rfftn`]: rfft over the last axis, then fft over the
/// others, last to first.
fn rfftn_steps(
    routine: &'static str,
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Vec<Step>> {
    require_real(routine, a)?;
    let (s, axes) = cook(routine, a, s, axes, false)?;
    let k = axes.len() - 1;
    let mut steps = vec![Step::new(
        axes[k],
        s[k],
        Kind::R2C { conj: false },
        norm,
        false,
    )];
    steps.extend(
        (0..k)
            .rev()
            .map(|i| Step::new(axes[i], s[i], Kind::C2C { inverse: false }, norm, false)),
    );
    Ok(steps)
}

/// The steps of [`irfftn`]: ifft over all but the last axis, then irfft
/// over the last.
fn irfftn_steps(
    routine: &'static str,
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Vec<Step>> {
    let (s, axes) = cook(routine, a, s, axes, true)?;
    let k = axes.len() - 1;
    let mut steps: Vec<Step> = (0..k)
        .rev()
        .map(|i| Step::new(axes[i], s[i], Kind::C2C { inverse: true }, norm, true))
        .collect();
    steps.push(Step::new(
        axes[k],
        s[k],
        Kind::C2R { conj: false },
        norm,
        true,
    ));
    Ok(steps)
}

/// The n-d discrete Fourier transform over `axes` (NumPy's `fft.fftn`):
/// 1-D [`fft`](super::fft)s along each axis. `s` gives the length along each axis
/// (crop / zero-pad; default the input's); without `axes`, the last
/// `s.len()` axes, or all axes. dtypes and layout as [`fft`](super::fft).
///
/// # Errors
/// [`Error::AxisOutOfRange`]; [`Error::RepeatedAxis`] (NumPy would
/// transform twice); [`Error::InvalidArgument`] for no axes, a length of
/// 0, or `s` and `axes` of different lengths.
pub fn fftn(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    run("fftn", a, &complex_steps("fftn", a, s, axes, false, norm)?)
}

/// The inverse of [`fftn`] (NumPy's `fft.ifftn`); arguments and errors as
/// [`fftn`].
pub fn ifftn(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    run("ifftn", a, &complex_steps("ifftn", a, s, axes, true, norm)?)
}

/// The n-d transform of real input (NumPy's `fft.rfftn`): [`rfft`](super::rfft) over
/// the last of `axes`, then [`fft`](super::fft) over the others. Arguments as
/// [`fftn`]; errors as [`fftn`] and [`rfft`](super::rfft).
pub fn rfftn(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    run("rfftn", a, &rfftn_steps("rfftn", a, s, axes, norm)?)
}

/// The inverse of [`rfftn`] (NumPy's `fft.irfftn`): [`ifft`](super::ifft) over all but
/// the last of `axes`, then [`irfft`](super::irfft) over the last. Without `s` the last
/// length is `2·(m − 1)`. Errors as [`fftn`].
pub fn irfftn(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    run("irfftn", a, &irfftn_steps("irfftn", a, s, axes, norm)?)
}

const LAST2: [isize; 2] = [-2, -1];

/// [`fftn`] over two axes, by default the last two (NumPy's `fft.fft2`).
pub fn fft2(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    fftn(a, s, Some(axes.unwrap_or(&LAST2)), norm)
}

/// [`ifftn`] over two axes, by default the last two (NumPy's `fft.ifft2`).
pub fn ifft2(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    ifftn(a, s, Some(axes.unwrap_or(&LAST2)), norm)
}

/// [`rfftn`] over two axes, by default the last two (NumPy's `fft.rfft2`).
pub fn rfft2(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    rfftn(a, s, Some(axes.unwrap_or(&LAST2)), norm)
}

/// [`irfftn`] over two axes, by default the last two (NumPy's `fft.irfft2`).
pub fn irfft2(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<NdArray> {
    irfftn(a, s, Some(axes.unwrap_or(&LAST2)), norm)
}

// ---------------------------------------------------------------------------
// `_out` forms.
// ---------------------------------------------------------------------------

/// [`fftn`] into the caller's `out`, which must have exactly the result's
/// dtype and shape, be writable and have no self-overlapping elements (any
/// strides otherwise: C or F order, sliced, negative). The first step that
/// produces the final shape writes into `out` and the remaining complex
/// steps run in place there, so with `s` left at the input lengths no
/// temporary is made; cropping or padding steps before it go through a
/// temporary. An `out` sharing `a`'s buffer gets the result as if `a` had
/// been copied first (through a temporary).
///
/// # Errors
/// As [`fftn`]; [`Error::InvalidArgument`] naming the expected and the
/// given dtype of `out`, [`Error::OutputShape`] with both shapes,
/// [`Error::ReadOnly`], [`Error::OverlappingOutput`],
/// [`Error::BorrowConflict`]. Nothing is written on error.
pub fn fftn_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    let steps = complex_steps("fftn_out", a, s, axes, false, norm)?;
    run_out("fftn_out", a, &steps, out)
}

/// [`ifftn`] into `out`, as [`fftn_out`].
pub fn ifftn_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    let steps = complex_steps("ifftn_out", a, s, axes, true, norm)?;
    run_out("ifftn_out", a, &steps, out)
}

/// [`rfftn`] into `out` (complex), as [`fftn_out`].
pub fn rfftn_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    let steps = rfftn_steps("rfftn_out", a, s, axes, norm)?;
    run_out("rfftn_out", a, &steps, out)
}

/// [`irfftn`] into `out` (real), as [`fftn_out`]; the complex steps run in
/// a temporary, the last (complex to real) writes into `out`.
pub fn irfftn_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    let steps = irfftn_steps("irfftn_out", a, s, axes, norm)?;
    run_out("irfftn_out", a, &steps, out)
}

/// [`fft2`] into `out`, as [`fftn_out`].
pub fn fft2_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    fftn_out(a, s, Some(axes.unwrap_or(&LAST2)), norm, out)
}

/// [`ifft2`] into `out`, as [`fftn_out`].
pub fn ifft2_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    ifftn_out(a, s, Some(axes.unwrap_or(&LAST2)), norm, out)
}

/// [`rfft2`] into `out`, as [`fftn_out`].
pub fn rfft2_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    rfftn_out(a, s, Some(axes.unwrap_or(&LAST2)), norm, out)
}

/// [`irfft2`] into `out`, as [`fftn_out`].
pub fn irfft2_out(
    a: &NdArray,
    s: Option<&[usize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    out: &mut NdArray,
) -> Result<()> {
    irfftn_out(a, s, Some(axes.unwrap_or(&LAST2)), norm, out)
}
