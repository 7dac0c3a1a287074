//! Reductions (NumPy's `sum`, `prod`, `mean`, `var`, `std`, `min`, `max`,
//! `argmin`, `argmax`, `linalg.vector_norm`, and finiteness tests) over all
//! elements, one axis or a set of axes ([`Axes`]), with `keepdims`.
//!
//! The contract (layouts, accuracy, threads, empty reductions) is documented
//! on [`Axes`], the public entry point of this private module.

mod arg;
mod engine;
mod nd;
mod norm;
mod ops;

pub use arg::{argmax, argmax_axis, argmin, argmin_axis};
pub use norm::{all_finite, any_nonfinite, vector_norm};
pub use ops::{max, mean, min, prod, std, sum, var};

use super::MAX_DIMS;
use super::dynarray::normalize_axis;
use crate::error::{Error, Result};

/// The axes a reduction runs over (NumPy's `axis=` argument).
///
/// # Reductions
/// [`sum`], [`prod`], [`mean`], [`var`], [`std`](fn@std), [`min`], [`max`],
/// [`argmin`]/[`argmax`] (flat index) and [`argmin_axis`]/[`argmax_axis`],
/// [`vector_norm`], [`all_finite`], [`any_nonfinite`].
///
/// Two layers, one convention:
///
/// * **typed kernels**, free functions on `ndarray` arrays and views of the
///   four element types (`lapis::array::sum(&view, Axes::All, false)`),
///   returning owned `ndarray` arrays ([`ArrayD`](ndarray::ArrayD));
/// * **[`NdArray`](super::NdArray) methods** with the same names
///   (`a.sum(Axes::All, false)?`), which dispatch on the dtype and return
///   new C-order [`NdArray`](super::NdArray)s (a 0-d array for
///   [`Axes::All`] without `keepdims`).
///
/// ## Layouts, order and accuracy
/// Any strides are accepted: C, Fortran, transposed, sliced, stepped,
/// negative and zero (broadcast views); 0-d arrays and length-0 axes too.
/// Inputs are read in place, never copied (`var`, `std` and the general
/// `p`-norms build one real temporary of the input's size, as NumPy does).
/// The loops follow memory order: when the innermost memory axis is
/// reduced, each output is NumPy's pairwise sum of lanes (blocks of 128,
/// 8 accumulators); when it is kept, rows are accumulated into a vector of
/// partial results (blocks of 128 rows merged pairwise). Either way the
/// rounding error of a sum of `n` terms is `O(ε·log n)` relative to the
/// sum of magnitudes, as NumPy's pairwise summation along a contiguous
/// axis (NumPy's own loop along a non-contiguous axis is a plain
/// `O(ε·n)` running sum).
///
/// ## Threads
/// Reductions of at least 65 536 elements run on lapis's pool
/// ([`set_num_threads`](crate::set_num_threads)) by splitting a fixed
/// summation tree: the tree does not depend on the number of threads, so
/// results are **bit-identical for any thread count**. `argmin`/`argmax`
/// run on the calling thread.
///
/// ## Empty reductions
/// As NumPy: `sum` of nothing is 0, `prod` is 1, `mean`/`var`/`std` are
/// NaN (0/0; NumPy also warns), the 1-, 2-, 0- and positive `p`-norms are
/// 0 (negative `p`: infinity), and so is the `+∞`-norm (NumPy 2.4 takes
/// that max from 0). `min`, `max`, `argmin`, `argmax` and the `-∞`-norm
/// of an empty reduction are errors
/// ([`Error::EmptyReduction`](crate::Error::EmptyReduction)).
///
/// # The axis argument
///
/// * [`Axes::All`] — every axis (NumPy's `axis=None`);
/// * one axis: `0`, `-1` (negative counts from the end) — from any integer;
/// * a set: `[0, 2]`, `&[1, -1][..]`, `vec![0, 1]` — distinct axes in any
///   order; an empty set reduces nothing (NumPy's `axis=()`).
///
/// `None` converts to `All` and `Some(k)` to one axis.
///
/// ```
/// use lapis::array::{self, Axes};
/// use lapis::DType;
/// let a = array::ones(&[2, 3, 4], DType::F64)?;
/// assert_eq!(a.sum(Axes::All, false)?.item::<f64>(&[])?, 24.0);
/// assert_eq!(a.sum(-1, false)?.shape(), &[2, 3]);
/// assert_eq!(a.sum([0, 2], true)?.shape(), &[1, 3, 1]);
/// # Ok::<(), lapis::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Axes {
    /// Every axis.
    #[default]
    All,
    /// One axis (negative counts from the end).
    One(isize),
    /// A set of distinct axes (negative count from the end).
    Many(Vec<isize>),
}

macro_rules! axes_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Axes {
            fn from(k: $t) -> Self {
                // Out-of-range values saturate and are reported as out of bounds.
                Axes::One(isize::try_from(k).unwrap_or(isize::MAX))
            }
        }
    )*};
}
axes_from_int!(isize, i32, i64, usize);

impl From<&[isize]> for Axes {
    fn from(axes: &[isize]) -> Self {
        Axes::Many(axes.to_vec())
    }
}

impl<const N: usize> From<[isize; N]> for Axes {
    fn from(axes: [isize; N]) -> Self {
        Axes::Many(axes.to_vec())
    }
}

impl<const N: usize> From<&[isize; N]> for Axes {
    fn from(axes: &[isize; N]) -> Self {
        Axes::Many(axes.to_vec())
    }
}

impl From<Vec<isize>> for Axes {
    fn from(axes: Vec<isize>) -> Self {
        Axes::Many(axes)
    }
}

impl From<Option<isize>> for Axes {
    fn from(axis: Option<isize>) -> Self {
        axis.map_or(Axes::All, Axes::One)
    }
}

impl From<&Axes> for Axes {
    fn from(axes: &Axes) -> Self {
        axes.clone()
    }
}

/// A resolved reduction: which axes, and the result shapes.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// `mask[k]`: axis `k` is reduced.
    pub mask: [bool; MAX_DIMS],
    /// Elements reduced into each output.
    pub count: usize,
    /// Whether some reduced axis has length 0.
    pub empty: bool,
    /// The result shape without the reduced axes.
    pub shape: Vec<usize>,
    /// The result shape with the reduced axes kept as length 1.
    pub keep_shape: Vec<usize>,
    /// The routine, for errors (allocation failure included).
    pub routine: &'static str,
}

impl Plan {
    /// The result shape for `keepdims`.
    pub fn out_shape(&self, keepdims: bool) -> &[usize] {
        if keepdims {
            &self.keep_shape
        } else {
            &self.shape
        }
    }
}

impl Axes {
    /// Resolves against an array of `shape`.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`]; [`Error::RepeatedAxis`] for an axis given
    /// twice (NumPy: "duplicate value in 'axis'").
    pub(crate) fn plan(&self, routine: &'static str, shape: &[usize]) -> Result<Plan> {
        let nd = shape.len();
        if nd > MAX_DIMS {
            return Err(Error::TooManyDimensions {
                routine,
                ndim: nd,
                max: MAX_DIMS,
            });
        }
        let mut mask = [false; MAX_DIMS];
        match self {
            Axes::All => mask[..nd].fill(true),
            Axes::One(k) => mask[normalize_axis(routine, *k, nd)?] = true,
            Axes::Many(ks) => {
                for &k in ks {
                    let j = normalize_axis(routine, k, nd)?;
                    if mask[j] {
                        return Err(Error::RepeatedAxis { routine, axis: k });
                    }
                    mask[j] = true;
                }
            }
        }
        let mut plan = Plan {
            mask,
            count: 1,
            empty: false,
            shape: Vec::with_capacity(nd),
            keep_shape: Vec::with_capacity(nd),
            routine,
        };
        for (k, &n) in shape.iter().enumerate() {
            if mask[k] {
                plan.count *= n;
                plan.empty |= n == 0;
                plan.keep_shape.push(1);
            } else {
                plan.shape.push(n);
                plan.keep_shape.push(n);
            }
        }
        Ok(plan)
    }
}

/// Builds the result array from values in C order of the kept axes.
pub(crate) fn shaped<A>(
    routine: &'static str,
    plan: &Plan,
    keepdims: bool,
    vals: Vec<A>,
) -> Result<ndarray::ArrayD<A>> {
    ndarray::ArrayD::from_shape_vec(plan.out_shape(keepdims), vals).map_err(|e| {
        Error::Unsupported(format!(
            "{routine}: internal error building the result: {e}"
        ))
    })
}
