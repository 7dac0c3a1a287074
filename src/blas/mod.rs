//! Typed BLAS levels 1–3 on `ndarray` views of any layout, for all four
//! element types.
//!
//! Each routine takes `&ArrayRef` inputs and a `&mut ArrayRef` output, so
//! owned arrays, views and sub-views all work. The layout rules are those of
//! [`crate::layout`]: C-order, Fortran-order, transposed views, sub-matrix
//! slices and strided (also negative-stride) vectors go to BLAS without a
//! copy; the routine's doc says what it copies otherwise. Arguments are
//! checked before any BLAS call, and an `Err` leaves every output untouched.
//!
//! Scalars follow BLAS: `alpha` and `beta` scale as in the reference
//! routines, and `beta == 0` means the output is overwritten without being
//! read (NaN in it does not propagate).

mod level1;
mod level2;
mod level3;
mod rank_k;

pub use level1::{asum, axpy, copy, dot, dotc, iamax, nrm2, rot, rscal, scal, swap, vdot};
pub use level2::{gemv, ger, gerc, geru, hemv, her, symv, syr, trmv, trsv};
pub use level3::{gemm, hemm, symm, trmm, trsm};
pub use rank_k::{her2k, herk, syr2k, syrk};

pub use crate::operand::{Diag, Side, Transpose, Uplo};

impl Transpose {
    /// `ConjTrans` becomes `Trans` for real types, where they agree.
    pub(crate) fn normalize<T: crate::Scalar>(self) -> Self {
        if !T::IS_COMPLEX && self == Transpose::ConjTrans {
            Transpose::Trans
        } else {
            self
        }
    }
}

/// `y := beta * y`, with BLAS's rule that `beta == 0` overwrites without reading.
pub(crate) fn scale_by_beta<T: crate::Scalar, D: ndarray::Dimension>(
    y: &mut ndarray::ArrayRef<T, D>,
    beta: T,
) {
    if beta == T::zero() {
        y.fill(T::zero());
    } else if beta != T::one() {
        y.map_inplace(|v| *v = beta * *v);
    }
}

fn shape_of(dims: &[usize]) -> crate::error::Shape {
    crate::error::Shape(dims.to_vec())
}

/// Error unless `got == expected`.
pub(crate) fn expect_shape(
    routine: &'static str,
    what: &'static str,
    got: &[usize],
    expected: &[usize],
) -> crate::Result<()> {
    if got == expected {
        Ok(())
    } else {
        Err(crate::Error::ShapeMismatch {
            routine,
            what,
            got: shape_of(got),
            expected: shape_of(expected),
        })
    }
}

/// Error unless the matrix is square; returns its order.
pub(crate) fn expect_square(
    routine: &'static str,
    what: &'static str,
    dims: (usize, usize),
) -> crate::Result<usize> {
    if dims.0 == dims.1 {
        Ok(dims.0)
    } else {
        Err(crate::Error::NotSquare {
            routine,
            what,
            shape: shape_of(&[dims.0, dims.1]),
        })
    }
}
