//! argmin and argmax: the index of the first extreme element.

use ndarray::{ArrayD, ArrayRef, ArrayView1, Axis, Dimension, IxDyn};

use super::ops::{empty_error, gt, is_nan, lt};
use crate::error::Result;
use crate::scalar::Scalar;

/// Index of the first extreme of `it` (first NaN if any), `None` if empty.
#[inline]
fn best<T: Scalar, const MAX: bool>(it: impl Iterator<Item = T>) -> Option<usize> {
    let mut found: Option<(usize, T)> = None;
    for (i, x) in it.enumerate() {
        match found {
            None => found = Some((i, x)),
            Some((_, b)) => {
                if is_nan(x) {
                    return Some(i); // the current best is not NaN: this is the first
                }
                let better = if MAX { gt(x, b) } else { lt(x, b) };
                if better {
                    found = Some((i, x));
                }
            }
        }
        if let Some((j, b)) = found
            && is_nan(b)
        {
            return Some(j);
        }
    }
    found.map(|(i, _)| i)
}

fn flat<T: Scalar, D: Dimension, const MAX: bool>(
    routine: &'static str,
    a: &ArrayRef<T, D>,
) -> Result<usize> {
    let idx = match a.as_slice() {
        Some(s) => best::<T, MAX>(s.iter().copied()),
        None => best::<T, MAX>(a.iter().copied()),
    };
    idx.ok_or_else(|| empty_error(routine, routine))
}

fn along<T: Scalar, D: Dimension, const MAX: bool>(
    routine: &'static str,
    a: &ArrayRef<T, D>,
    axis: isize,
    keepdims: bool,
) -> Result<ArrayD<usize>> {
    let v = a.view().into_dyn();
    let k = super::super::dynarray::normalize_axis(routine, axis, v.ndim())?;
    if v.shape()[k] == 0 {
        return Err(empty_error(routine, routine));
    }
    let mut shape = v.shape().to_vec();
    shape.remove(k);
    let mut out: ArrayD<usize> = crate::alloc::try_zeros(routine, IxDyn(&shape))?;
    ndarray::Zip::from(&mut out)
        .and(v.lanes(Axis(k)))
        .for_each(|o, lane: ArrayView1<'_, T>| {
            *o = best::<T, MAX>(lane.iter().copied()).unwrap_or(0);
        });
    if keepdims {
        out.insert_axis_inplace(Axis(k));
    }
    Ok(out)
}

/// Index of the maximum in the flattened array, C (row-major) order, as
/// NumPy's `argmax(a)`: the first occurrence wins; a NaN is the maximum
/// (the first NaN). Complex numbers compare lexicographically.
///
/// # Errors
/// [`Error::EmptyReduction`](crate::Error::EmptyReduction) for an empty
/// array.
pub fn argmax<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>) -> Result<usize> {
    flat::<T, D, true>("argmax", a)
}

/// Index of the minimum in the flattened array, as [`argmax`].
///
/// # Errors
/// As [`argmax`].
pub fn argmin<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>) -> Result<usize> {
    flat::<T, D, false>("argmin", a)
}

/// Indices of the maxima along `axis` (NumPy's `argmax(a, axis)`): an
/// array of `a`'s shape without that axis (kept as length 1 with
/// `keepdims`), each entry an index into the axis; first occurrence and
/// first NaN win, as [`argmax`].
///
/// # Errors
/// [`Error::AxisOutOfRange`](crate::Error::AxisOutOfRange);
/// [`Error::EmptyReduction`](crate::Error::EmptyReduction) if the axis
/// has length 0.
pub fn argmax_axis<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: isize,
    keepdims: bool,
) -> Result<ArrayD<usize>> {
    along::<T, D, true>("argmax", a, axis, keepdims)
}

/// Indices of the minima along `axis`, as [`argmax_axis`].
///
/// # Errors
/// As [`argmax_axis`].
pub fn argmin_axis<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: isize,
    keepdims: bool,
) -> Result<ArrayD<usize>> {
    along::<T, D, false>("argmin", a, axis, keepdims)
}
