//! Per-type dispatch to the s/d/c/z LAPACK routines.
//!
//! One sealed driver trait per routine family, each in its own file and
//! implemented for the four element types by a short macro over
//! LAPACKE's column-major `_work` entry points, as [`crate::sys::lapacke`]
//! declares them for the linked backend (its symbol names, its integer
//! width [`crate::sys::BlasInt`]; no row-major
//! transposition, no hidden allocation, no NaN scan: lapis manages the
//! workspace and the checks). The [`Lapack`] facade collects them and is a
//! supertrait of [`crate::Scalar`], so generic code calls `T::getrf(…)`.
//!
//! This is the layer below [`crate::Scalar`], and it imports nothing of
//! it: `Scalar` names `Lapack<Self::Real>` as a supertrait, so a family
//! that takes real arrays (eigenvalues, singular values, `rwork`) is
//! generic over that real type `R` instead of reading `Self::Real`
//! (`impl Eigh<f32> for Complex32`). Code that does arithmetic around a
//! call (the workspace managers, the `info` checks) lives above, in
//! [`crate::linalg`].
//!
//! Every method is `unsafe`: the caller guarantees that dimensions and
//! leading dimensions describe the slices it passes, as LAPACK requires.
//! They return LAPACK's `info`.

mod cholesky;
mod eig;
mod eigh;
mod getrf;
mod lstsq;
mod qr;
mod svd;

pub use cholesky::Potrf;
pub use eig::Geev;
pub use eigh::{Eigh, Routine};
pub use getrf::Getrf;
pub use lstsq::Gelsd;
pub use qr::Geqrf;
pub use svd::Gesdd;

use crate::error::Error;
use crate::sys::BlasInt;

/// All LAPACK families, for one element type whose real type is `R`.
#[doc(hidden)]
pub trait Lapack<R>: Getrf + Potrf + Geqrf + Eigh<R> + Gesdd<R> + Gelsd<R> + Geev<R> {}

impl<R, T: Getrf + Potrf + Geqrf + Eigh<R> + Gesdd<R> + Gelsd<R> + Geev<R>> Lapack<R> for T {}

/// Maps a negative `info` from a LAPACKE `_work` call to an internal error
/// naming the argument. LAPACKE counts `matrix_layout` as argument 1 and
/// shifts the Fortran routine's `info` by one, so `-info - 1` is the
/// 1-based Fortran argument, named by `names[-info - 2]` (`names` lists the
/// Fortran routine's arguments).
pub(crate) fn illegal_argument(
    routine: &'static str,
    info: BlasInt,
    names: &[&'static str],
) -> Error {
    let lapacke_arg = -info;
    let arg = lapacke_arg - 1;
    let name = if lapacke_arg == 1 {
        "matrix_layout"
    } else {
        usize::try_from(arg - 1)
            .ok()
            .and_then(|i| names.get(i).copied())
            .unwrap_or("?")
    };
    Error::LapackArgument {
        routine,
        arg: arg.into(),
        name,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lapacke_argument_numbers_are_shifted() {
        // LAPACKE_dgetrf_work returns -5 when Fortran's dgetrf says lda (arg 4) is bad.
        let e = illegal_argument("getrf", -5, &["m", "n", "a", "lda", "ipiv", "info"]);
        assert_eq!(
            e,
            Error::LapackArgument {
                routine: "getrf",
                arg: 4,
                name: "lda"
            }
        );
        let e = illegal_argument("getrf", -1, &["m"]);
        assert!(matches!(
            e,
            Error::LapackArgument {
                name: "matrix_layout",
                ..
            }
        ));
    }
}
