//! The one error type of lapis and its `Result` alias.
//!
//! Every fallible public function returns [`Result`]. Variants carry the
//! facts of the failure (shapes, the argument, the routine) so that callers,
//! and the C layer's status codes, can act on them without parsing text.

use std::fmt;

/// A shape printed the way NumPy's error messages print it: `(2,3)`, `(4,)`, `()`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Shape(pub Vec<usize>);

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NumPy's broadcast message writes shapes without spaces: (2,3) (4,).
        match self.0.as_slice() {
            [] => write!(f, "()"),
            [n] => write!(f, "({n},)"),
            dims => {
                write!(f, "(")?;
                for (i, d) in dims.iter().enumerate() {
                    if i > 0 {
                        write!(f, ",")?;
                    }
                    write!(f, "{d}")?;
                }
                write!(f, ")")
            }
        }
    }
}

impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<&[usize]> for Shape {
    fn from(s: &[usize]) -> Self {
        Shape(s.to_vec())
    }
}

/// Everything that can go wrong in lapis.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Operand shapes that do not fit together.
    #[error("{routine}: shape mismatch: {what} (got {got}, expected {expected})")]
    ShapeMismatch {
        routine: &'static str,
        what: &'static str,
        got: Shape,
        expected: Shape,
    },
    /// Operand shapes that cannot be broadcast together (NumPy's rule:
    /// trailing axes equal or 1).
    #[error("{routine}: operands could not be broadcast together with shapes {lhs} {rhs}")]
    Broadcast {
        routine: &'static str,
        lhs: Shape,
        rhs: Shape,
    },
    /// An array with too few dimensions for the operation.
    #[error("{routine}: {what} must have at least {min} dimensions, got shape {shape}")]
    TooFewDimensions {
        routine: &'static str,
        what: &'static str,
        min: usize,
        shape: Shape,
    },
    /// A matrix argument that must be square is not.
    #[error("{routine}: {what} must be square, got shape {shape}")]
    NotSquare {
        routine: &'static str,
        what: &'static str,
        shape: Shape,
    },
    /// A dimension, leading dimension or increment does not fit the BLAS
    /// integer type (32-bit `int` for the LP64 interfaces lapis links).
    #[error("{routine}: {what} = {value} does not fit the BLAS integer type (max {max})")]
    DimensionTooLarge {
        routine: &'static str,
        what: &'static str,
        value: i128,
        max: i64,
    },
    /// An output array whose elements overlap each other in memory (for
    /// example a broadcast view with a zero stride): writing it would be
    /// ill-defined.
    #[error("{routine}: output {what} has overlapping elements (strides {strides:?})")]
    OverlappingOutput {
        routine: &'static str,
        what: &'static str,
        strides: Vec<isize>,
    },
    /// An argument value that the routine does not accept.
    #[error("{routine}: invalid argument {what}: {reason}")]
    InvalidArgument {
        routine: &'static str,
        what: &'static str,
        reason: String,
    },
    /// The operation needs at least one element.
    #[error("{routine}: {what} is empty")]
    Empty {
        routine: &'static str,
        what: &'static str,
    },
    /// The linked backend cannot do what was asked.
    #[error("{0}")]
    Unsupported(String),
    /// A matrix is exactly singular: LAPACK found `U[index, index] == 0`
    /// (0-based) in its factorization.
    #[error("{routine}: matrix is singular (zero pivot at U[{index}, {index}])")]
    Singular { routine: &'static str, index: usize },
    /// The leading minor of order `minor` (1-based, as LAPACK counts) is not
    /// positive definite, so the Cholesky factorization does not exist.
    #[error("{routine}: matrix is not positive definite (leading minor of order {minor})")]
    NotPositiveDefinite { routine: &'static str, minor: usize },
    /// An iterative algorithm did not converge; `info` is LAPACK's count
    /// (off-diagonals that failed, or the failing index) and `detail` says
    /// what it means for this routine.
    #[error("{routine}: did not converge ({detail}; info = {info})")]
    NoConvergence {
        routine: &'static str,
        info: i32,
        detail: String,
    },
    /// An input holds NaN or infinity (the finite check can be switched off
    /// with `linalg::without_finite_check`).
    #[error("{routine}: {what} contains infinities or NaNs")]
    NonFinite {
        routine: &'static str,
        what: &'static str,
    },
    /// LAPACK rejected argument number `arg` (1-based, as the Fortran routine
    /// counts; 0 for LAPACKE's `matrix_layout`):
    /// an internal error of lapis, reported rather than hidden.
    #[error("{routine}: internal error: LAPACK rejected argument {arg} ({name})")]
    LapackArgument {
        routine: &'static str,
        arg: i32,
        name: &'static str,
    },
}

/// `Result` with lapis's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
