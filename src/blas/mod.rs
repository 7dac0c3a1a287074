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

use crate::cblas;

/// The operation applied to a matrix argument: `op(A)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transpose {
    /// `op(A) = A` (BLAS `'N'`).
    NoTrans,
    /// `op(A) = Aᵀ` (BLAS `'T'`).
    Trans,
    /// `op(A) = Aᴴ` (BLAS `'C'`); the same as `Trans` for real types.
    ConjTrans,
}

impl Transpose {
    /// Shape of `op(A)` for an `A` of shape `(rows, cols)`.
    pub fn apply(self, (rows, cols): (usize, usize)) -> (usize, usize) {
        match self {
            Transpose::NoTrans => (rows, cols),
            _ => (cols, rows),
        }
    }

    /// `ConjTrans` becomes `Trans` for real types, where they agree.
    pub(crate) fn normalize<T: crate::Scalar>(self) -> Self {
        if !T::IS_COMPLEX && self == Transpose::ConjTrans {
            Transpose::Trans
        } else {
            self
        }
    }

    /// The op to give BLAS when the stored matrix is read transposed
    /// (in the other order): `N ↔ T`. `None` for `ConjTrans`, which would
    /// need a conjugate without transpose that CBLAS lacks.
    pub(crate) fn flipped(self) -> Option<Self> {
        match self {
            Transpose::NoTrans => Some(Transpose::Trans),
            Transpose::Trans => Some(Transpose::NoTrans),
            Transpose::ConjTrans => None,
        }
    }

    pub(crate) fn cblas(self) -> cblas::Trans {
        match self {
            Transpose::NoTrans => cblas::Trans::CblasNoTrans,
            Transpose::Trans => cblas::Trans::CblasTrans,
            Transpose::ConjTrans => cblas::Trans::CblasConjTrans,
        }
    }
}

/// Which triangle of a symmetric, Hermitian or triangular matrix is referenced,
/// in the logical (row, column) indexing of the view: `Upper` is `j ≥ i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Uplo {
    /// Elements with column ≥ row.
    Upper,
    /// Elements with column ≤ row.
    Lower,
}

impl Uplo {
    /// The other triangle (the same memory read transposed).
    pub fn flip(self) -> Self {
        match self {
            Uplo::Upper => Uplo::Lower,
            Uplo::Lower => Uplo::Upper,
        }
    }

    pub(crate) fn cblas(self) -> cblas::Uplo {
        match self {
            Uplo::Upper => cblas::Uplo::CblasUpper,
            Uplo::Lower => cblas::Uplo::CblasLower,
        }
    }
}

/// Whether a triangular matrix has an implicit unit diagonal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Diag {
    /// The diagonal is read from the matrix.
    NonUnit,
    /// The diagonal is taken as all ones and not read.
    Unit,
}

impl Diag {
    pub(crate) fn cblas(self) -> cblas::Diag {
        match self {
            Diag::NonUnit => cblas::Diag::CblasNonUnit,
            Diag::Unit => cblas::Diag::CblasUnit,
        }
    }
}

/// The side a symmetric or triangular matrix multiplies from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// `A · B`.
    Left,
    /// `B · A`.
    Right,
}

impl Side {
    pub(crate) fn cblas(self) -> cblas::Side {
        match self {
            Side::Left => cblas::Side::CblasLeft,
            Side::Right => cblas::Side::CblasRight,
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
