//! LAPACK-backed linear algebra on all four element types: the core of
//! `numpy.linalg` and `scipy.linalg`.
//!
//! Each routine comes in two forms:
//! * a typed one on 2-D input (`solve(&a, &b)`), and
//! * a `_stacked` one on `(…, M, N)` stacks (`solve_stacked`), which loops
//!   over the leading axes (broadcast as NumPy does) and reuses one LAPACK
//!   workspace for the whole stack.
//!
//! Inputs of any layout are accepted and never modified: LAPACK works on a
//! Fortran-order copy, which usually becomes the output (the factors, the
//! eigenvectors). Results are returned in Fortran order. Inputs are checked
//! for NaN and infinity first, like SciPy's `check_finite`
//! ([`without_finite_check`] skips the scan). Routines that read one
//! triangle of a matrix (cholesky, cho_factor, eigh, eigvalsh,
//! eigh_generalized and their subsets, solve_triangular) check exactly the
//! elements LAPACK reads: the named triangle, diagonal included (excluded
//! with a unit diagonal); the other triangle is never looked at, so it may
//! hold anything, NaN included. LAPACK's `info` becomes a
//! typed error ([`crate::Error::Singular`],
//! [`crate::Error::NotPositiveDefinite`], [`crate::Error::NoConvergence`]).

mod cholesky;
mod eig;
mod eigh;
mod eigh_gen;
mod eigh_range;
mod eigh_work;
mod large_stack;
mod lstsq;
mod lu;
mod norm;
mod qr;
mod solve;
pub(crate) mod stack;
mod svd;
mod triangular;
mod working_copy;

pub use crate::operand::{Transpose, Uplo};
pub use cholesky::{
    ChoFactors, cho_factor, cho_solve, cholesky, cholesky_inplace, cholesky_stacked,
};
pub use eig::{eig, eig_left_right, eig_left_right_stacked, eig_stacked, eigvals, eigvals_stacked};
pub use eigh::{
    EigRange, eigh, eigh_inplace, eigh_inplace_stacked, eigh_stacked, eigh_subset,
    eigh_subset_stacked, eigvalsh, eigvalsh_stacked, eigvalsh_subset, eigvalsh_subset_stacked,
};
pub use eigh_gen::{
    eigh_generalized, eigh_generalized_inplace, eigh_generalized_stacked, eigh_generalized_subset,
    eigh_generalized_subset_stacked, eigvalsh_generalized, eigvalsh_generalized_stacked,
    eigvalsh_generalized_subset,
};
pub use lstsq::{Lstsq, lstsq, pinv, pinv_stacked};
pub use lu::{LuFactors, lu, lu_factor, lu_solve, lu_stacked};
pub use norm::{
    NormOrd, cond, cond_stacked, matrix_norm, matrix_rank, matrix_rank_stacked, norm, norm_axis,
    vector_norm,
};
pub use qr::{QrMode, qr, qr_raw, qr_raw_stacked, qr_stacked};
pub use solve::{
    det, det_stacked, inv, inv_stacked, slogdet, slogdet_stacked, solve, solve_stacked,
};
pub use svd::{svd, svd_stacked, svdvals, svdvals_stacked};
pub use triangular::{solve_triangular, solve_triangular_stacked};

use crate::sys::BlasInt;
use std::cell::Cell;

use ndarray::{Array2, ArrayRef, ArrayRef2, Dimension, s};

use crate::error::{Error, Result};
use crate::layout::{Order, copy_in_order};
use crate::scalar::Scalar;

thread_local! {
    static CHECK_FINITE: Cell<bool> = const { Cell::new(true) };
}

/// Runs `f` with the finite check of this thread's linalg calls switched
/// off (SciPy's `check_finite=False`): saves one pass over the inputs, at
/// the price of LAPACK's behaviour on NaN and infinity (garbage results or
/// a failure to converge, never a crash). The setting is restored when `f`
/// returns or panics.
pub fn without_finite_check<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            CHECK_FINITE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CHECK_FINITE.with(|c| c.replace(false)));
    f()
}

/// Whether this thread's linalg calls check their inputs for NaN and
/// infinity (see [`without_finite_check`]).
pub(crate) fn checking_finite() -> bool {
    CHECK_FINITE.with(|c| c.get())
}

/// Error if the finite check is on and `a` holds NaN or infinity.
pub(crate) fn check_finite<T: Scalar, D: Dimension>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef<T, D>,
) -> Result<()> {
    if CHECK_FINITE.with(|c| c.get()) && !a.iter().all(|v| v.is_finite()) {
        return Err(Error::NonFinite { routine, what });
    }
    Ok(())
}

/// Error if the finite check is on and the `uplo` triangle of `a` (the
/// part LAPACK reads of a symmetric, Hermitian or triangular matrix),
/// diagonal included, holds NaN or infinity; the other triangle is not
/// looked at.
pub(crate) fn check_triangle<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    uplo: Uplo,
) -> Result<()> {
    check_triangle_part(routine, what, a, uplo, 0)
}

/// [`check_triangle`] without the diagonal: what a unit-diagonal
/// triangular routine reads.
pub(crate) fn check_strict_triangle<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    uplo: Uplo,
) -> Result<()> {
    check_triangle_part(routine, what, a, uplo, 1)
}

/// The elements `(i, j)` with `i ≥ j + skip` (lower) or `j ≥ i + skip`
/// (upper), column by column.
fn check_triangle_part<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    uplo: Uplo,
    skip: usize,
) -> Result<()> {
    let m = a.nrows();
    for j in 0..a.ncols() {
        let col = match uplo {
            Uplo::Lower => a.slice(s![(j + skip).min(m).., j]),
            Uplo::Upper => a.slice(s![..(j + 1).saturating_sub(skip).min(m), j]),
        };
        check_finite(routine, what, &col)?;
    }
    Ok(())
}

/// Error if `a` holds NaN or infinity, whatever the finite-check setting:
/// for drivers that some backend does not survive on such input (MKL's
/// `?geev` crashes with SIGSEGV on NaN).
pub(crate) fn check_finite_always<T: Scalar, D: Dimension>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef<T, D>,
) -> Result<()> {
    if !a.iter().all(|v| v.is_finite()) {
        return Err(Error::NonFinite { routine, what });
    }
    Ok(())
}

/// A Fortran-order working copy of `a` for LAPACK to overwrite.
///
/// # Errors
/// `OutOfMemory` (or `SizeOverflow`) when the copy cannot be allocated.
pub(crate) fn fortran_copy<T: Scalar>(
    routine: &'static str,
    a: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    copy_in_order(routine, a, Order::Col)
}

/// LAPACK's view of a Fortran-order owned matrix: the buffer and its
/// leading dimension (at least 1, as LAPACK requires).
pub(crate) fn lapack_mut<T>(a: &mut Array2<T>) -> (&mut [T], BlasInt) {
    let lda = a.nrows().max(1) as BlasInt;
    let buf = a
        .as_slice_memory_order_mut()
        .expect("working matrices are allocated contiguous");
    (buf, lda)
}

/// Error unless the matrix is square; its order, checked against the BLAS/LAPACK integer.
pub(crate) fn square(
    routine: &'static str,
    what: &'static str,
    dims: (usize, usize),
) -> Result<BlasInt> {
    let n = crate::blas::expect_square(routine, what, dims)?;
    crate::layout::blas_int(routine, "n", n)
}
