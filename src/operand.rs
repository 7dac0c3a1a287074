//! How a BLAS/LAPACK routine reads a matrix operand: which triangle
//! ([`Uplo`]), whether transposed ([`Transpose`]), from which side
//! ([`Side`]), and whether the diagonal is implicitly one ([`Diag`]).
//!
//! These four flags are shared by the typed BLAS ([`crate::blas`], which
//! re-exports them), the LAPACK drivers of [`crate::linalg`] and the
//! dynamic arrays; they live here, below all of those, so none of them
//! imports another for a flag. Each flag converts to the CBLAS enum
//! (`cblas()`) and to the LAPACK character (`lapack()`); both are
//! crate-internal.

use crate::sys;

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

    pub(crate) fn cblas(self) -> sys::Trans {
        match self {
            Transpose::NoTrans => sys::Trans::CblasNoTrans,
            Transpose::Trans => sys::Trans::CblasTrans,
            Transpose::ConjTrans => sys::Trans::CblasConjTrans,
        }
    }

    /// LAPACK's `trans` character: `b'N'`, `b'T'` or `b'C'`.
    pub(crate) fn lapack(self) -> u8 {
        match self {
            Transpose::NoTrans => b'N',
            Transpose::Trans => b'T',
            Transpose::ConjTrans => b'C',
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

    /// Whether element `(row, col)` lies in this triangle (the diagonal
    /// belongs to both).
    pub fn contains(self, row: usize, col: usize) -> bool {
        match self {
            Uplo::Upper => col >= row,
            Uplo::Lower => col <= row,
        }
    }

    pub(crate) fn cblas(self) -> sys::Uplo {
        match self {
            Uplo::Upper => sys::Uplo::CblasUpper,
            Uplo::Lower => sys::Uplo::CblasLower,
        }
    }

    /// LAPACK's `uplo` character: `b'U'` or `b'L'`.
    pub(crate) fn lapack(self) -> u8 {
        match self {
            Uplo::Upper => b'U',
            Uplo::Lower => b'L',
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
    pub(crate) fn cblas(self) -> sys::Diag {
        match self {
            Diag::NonUnit => sys::Diag::CblasNonUnit,
            Diag::Unit => sys::Diag::CblasUnit,
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
    pub(crate) fn cblas(self) -> sys::Side {
        match self {
            Side::Left => sys::Side::CblasLeft,
            Side::Right => sys::Side::CblasRight,
        }
    }
}
