//! Per-type dispatch to the s/d/c/z LAPACK routines.
//!
//! One sealed driver trait per routine family, each in its own file and
//! implemented for the four element types by a short macro over the
//! `lapacke` crate's column-major `_work` entry points (no row-major
//! transposition, no hidden allocation, no NaN scan: lapis manages the
//! workspace and the checks). The [`Lapack`] facade collects them and is a
//! supertrait of [`crate::Scalar`], so generic code calls `T::getrf(…)`.
//!
//! Every method is `unsafe`: the caller guarantees that dimensions and
//! leading dimensions describe the slices it passes, as LAPACK requires.
//! They return LAPACK's `info`.

mod eig;
mod getrf;

pub use eig::Geev;
pub use getrf::Getrf;

use crate::cblas::Cblas;
use crate::error::Error;

/// All LAPACK families, for one element type.
#[doc(hidden)]
pub trait Lapack: Cblas + Getrf + Geev {}

impl<T: Cblas + Getrf + Geev> Lapack for T {}

/// Maps a negative `info` (argument `-info` was illegal) to an internal
/// error naming the argument; `names[i]` is argument `i + 1` of the
/// Fortran routine.
pub(crate) fn illegal_argument(routine: &'static str, info: i32, names: &[&'static str]) -> Error {
    let arg = -info;
    let name = usize::try_from(arg - 1)
        .ok()
        .and_then(|i| names.get(i).copied())
        .unwrap_or("?");
    Error::LapackArgument { routine, arg, name }
}

/// Workspace length from a workspace query's first element (LAPACK returns
/// it as a floating-point number; round up to be safe with f32).
pub(crate) fn query_len(x: f64) -> usize {
    if x.is_finite() && x > 0.0 {
        (x * (1.0 + 4.0 * f32::EPSILON as f64)).ceil() as usize
    } else {
        1
    }
}
