//! The one error type of lapis and its `Result` alias.
//!
//! Every fallible public function returns [`Result`]. Variants carry the
//! facts of the failure (shapes, the argument, the routine) so that callers,
//! and the C layer's status codes, can act on them without parsing text.

use std::fmt;

/// A shape printed the way NumPy prints it: `(2, 3)`, `(4,)`, `()`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Shape(pub Vec<usize>);

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => write!(f, "()"),
            [n] => write!(f, "({n},)"),
            dims => {
                write!(f, "(")?;
                for (i, d) in dims.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
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
}

/// `Result` with lapis's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
