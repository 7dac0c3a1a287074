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

/// Several shapes, displayed as NumPy lists them in its broadcast message:
/// `(2,3) (4,) (5,)`.
#[derive(Clone, PartialEq, Eq)]
pub struct Shapes(pub Vec<Shape>);

impl fmt::Display for Shapes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, " ")?;
            }
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Shapes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
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
    /// Three or more operand shapes that cannot be broadcast together.
    #[error("{routine}: operands could not be broadcast together with shapes {shapes}")]
    BroadcastMany {
        routine: &'static str,
        shapes: Shapes,
    },
    /// A ufunc that has no loop for the dtype (real-only functions on
    /// complex input).
    #[error("ufunc '{ufunc}' not supported for the input type {dtype}")]
    UfuncType {
        ufunc: &'static str,
        dtype: crate::dtype::DType,
    },
    /// An `out` array whose shape is not the broadcast shape of the inputs.
    #[error(
        "{routine}: non-broadcastable output operand with shape {out} doesn't match the broadcast shape {expected}"
    )]
    OutputShape {
        routine: &'static str,
        out: Shape,
        expected: Shape,
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

    /// The BLAS/LAPACK that runs is not the backend lapis was built for
    /// (see [`crate::backend::check_backend`]).
    #[error(
        "backend mismatch: lapis was built for {requested}, but BLAS calls run in {blas} ({library}) and LAPACK calls in {lapack}"
    )]
    BackendMismatch {
        /// The backend lapis was built for.
        requested: &'static str,
        /// The implementation answering `cblas_dgemm`.
        blas: &'static str,
        /// The implementation answering `dgetrf_`.
        lapack: &'static str,
        /// The object providing `cblas_dgemm`.
        library: String,
    },

    /// The allocator refused a request (the C layer's LAPIS_ERR_OUT_OF_MEMORY).
    #[error("{routine}: unable to allocate {nbytes} bytes for an array")]
    OutOfMemory {
        routine: &'static str,
        nbytes: usize,
    },
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
        info: i64,
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
        arg: i64,
        name: &'static str,
    },
    /// An axis argument outside `-ndim..ndim` (NumPy's `AxisError`).
    #[error("{routine}: axis {axis} is out of bounds for array of dimension {ndim}")]
    AxisOutOfRange {
        routine: &'static str,
        axis: isize,
        ndim: usize,
    },
    /// The same axis given twice where each must be distinct.
    #[error("{routine}: repeated axis {axis}")]
    RepeatedAxis { routine: &'static str, axis: isize },
    /// An integer index outside `-size..size` of its axis.
    #[error("index {index} is out of bounds for axis {axis} with size {size}")]
    IndexOutOfRange {
        index: isize,
        axis: usize,
        size: usize,
    },
    /// More integer indices and slices than the array has dimensions.
    #[error("too many indices for array: array is {ndim}-dimensional, but {given} were indexed")]
    TooManyIndices { ndim: usize, given: usize },
    /// A slice with step 0 (index `position` of the index tuple).
    #[error("slice step cannot be zero (index {position})")]
    ZeroStep { position: usize },
    /// More dimensions than lapis arrays hold (NumPy's limit, 32).
    #[error(
        "{routine}: maximum supported dimension for an ndarray is currently {max}, found {ndim}"
    )]
    TooManyDimensions {
        routine: &'static str,
        ndim: usize,
        max: usize,
    },
    /// A shape whose element count or byte count overflows `isize`.
    #[error(
        "{routine}: array is too big: shape {shape} of {itemsize}-byte elements exceeds the maximum possible size"
    )]
    SizeOverflow {
        routine: &'static str,
        shape: Shape,
        itemsize: usize,
    },
    /// Typed access with an element type that is not the array's dtype.
    #[error("{routine}: array has dtype {actual}, requested {requested}")]
    DTypeMismatch {
        routine: &'static str,
        actual: crate::dtype::DType,
        requested: crate::dtype::DType,
    },
    /// A write, or a mutable view, into an array whose writable flag is off
    /// (broadcast results, diagonals, imag of a real array, read-only
    /// foreign memory).
    #[error("{routine}: assignment destination is read-only")]
    ReadOnly { routine: &'static str },
    /// The array's buffer is already borrowed in a conflicting way: a
    /// mutable typed view needs the buffer to itself, a shared one needs it
    /// not mutably borrowed (all arrays viewing one buffer count).
    #[error("{routine}: the array's buffer is already {}borrowed", if *.mutably { "mutably " } else { "" })]
    BorrowConflict {
        routine: &'static str,
        mutably: bool,
    },
    /// A byte stride that is not a multiple of the element size, so no
    /// element-stride (ndarray) view can describe the array.
    #[error(
        "{routine}: byte stride {stride} of axis {axis} is not a multiple of the itemsize {itemsize}"
    )]
    StrideNotMultiple {
        routine: &'static str,
        axis: usize,
        stride: isize,
        itemsize: usize,
    },
    /// A pointer or byte stride of foreign memory that is not aligned for
    /// the dtype.
    #[error("{routine}: {what} = {value} is not aligned to {align} bytes for the dtype")]
    Misaligned {
        routine: &'static str,
        what: &'static str,
        value: isize,
        align: usize,
    },
    /// `reshape` to a shape with another number of elements.
    #[error("cannot reshape array of size {size} into shape {}", fmt_signed_shape(.shape))]
    ReshapeSize { size: usize, shape: Vec<isize> },
    /// A cast that NumPy's casting rule does not allow.
    #[error(
        "{routine}: cannot cast array data from dtype('{from}') to dtype('{to}') according to the rule '{casting}'"
    )]
    Cast {
        routine: &'static str,
        from: crate::dtype::DType,
        to: crate::dtype::DType,
        casting: &'static str,
    },
    /// `squeeze` of an axis whose length is not 1.
    #[error(
        "cannot select an axis to squeeze out which has size not equal to one (axis {axis} has size {size})"
    )]
    SqueezeAxis { axis: usize, size: usize },
    /// `concatenate`/`stack` inputs that do not fit together: along
    /// dimension `dim`, the array at `index` has size `got` where the first
    /// array has `expected`.
    #[error(
        "{routine}: all the input array dimensions except for the concatenation axis must match exactly, but along dimension {dim}, the array at index 0 has size {expected} and the array at index {index} has size {got}"
    )]
    ConcatenateMismatch {
        routine: &'static str,
        dim: usize,
        index: usize,
        expected: usize,
        got: usize,
    },
    /// An array with another number of dimensions than the operation needs.
    #[error("{routine}: expected a {expected}-dimensional array, got {got} dimensions")]
    DimensionMismatch {
        routine: &'static str,
        expected: usize,
        got: usize,
    },
    /// A reduction without an identity (`min`, `max`, `argmin`, `argmax`,
    /// the ±∞ vector norms) over zero elements.
    #[error("{routine}: zero-size array to reduction operation {op} which has no identity")]
    EmptyReduction {
        routine: &'static str,
        op: &'static str,
    },
    /// A generalized-ufunc operand (`matmul`) whose core dimension does not
    /// fit the others' (NumPy's message, `operand` as "Input operand 1").
    #[error(
        "{routine}: {operand} has a mismatch in its core dimension {dim}, with gufunc signature {signature} (size {got} is different from {expected})"
    )]
    CoreDimensionMismatch {
        routine: &'static str,
        operand: &'static str,
        dim: usize,
        signature: &'static str,
        got: usize,
        expected: usize,
    },
    /// A generalized-ufunc operand with fewer axes than its core signature needs.
    #[error(
        "{routine}: {operand} does not have enough dimensions (has {ndim}, gufunc core with signature {signature} requires {min})"
    )]
    CoreDimensionsMissing {
        routine: &'static str,
        operand: &'static str,
        ndim: usize,
        signature: &'static str,
        min: usize,
    },
    /// `dot`/`inner`-style operands whose summed axes differ in length
    /// (NumPy's "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)").
    #[error(
        "{routine}: shapes {lhs} and {rhs} not aligned: {lhs_len} (dim {lhs_dim}) != {rhs_len} (dim {rhs_dim})"
    )]
    NotAligned {
        routine: &'static str,
        lhs: Shape,
        rhs: Shape,
        lhs_dim: usize,
        lhs_len: usize,
        rhs_dim: usize,
        rhs_len: usize,
    },
    /// Foreign memory given as a buffer of `nbytes` bytes
    /// ([`NdArray::from_raw_buffer`](crate::array::NdArray::from_raw_buffer))
    /// whose elements do not all lie inside it. With `axis` `None`, element
    /// 0 itself is outside: it covers bytes `[lo, hi)` (for an empty array,
    /// which addresses nothing, `lo == hi` is its offset, outside
    /// `[0, nbytes]`). Otherwise the steps along `axis` (the first axis
    /// that leaves the buffer) take the elements over bytes `[lo, hi)`.
    #[error("{routine}: {}", fmt_outside_buffer(*.axis, *.lo, *.hi, *.nbytes))]
    OutsideBuffer {
        routine: &'static str,
        nbytes: usize,
        axis: Option<usize>,
        lo: i128,
        hi: i128,
    },
}

/// The message of [`Error::OutsideBuffer`].
fn fmt_outside_buffer(axis: Option<usize>, lo: i128, hi: i128, nbytes: usize) -> String {
    match axis {
        None if lo == hi => format!("offset {lo} is outside the buffer of {nbytes} bytes"),
        None => format!(
            "element 0 at byte offset {lo} ({} bytes) is outside the buffer of {nbytes} bytes",
            hi - lo
        ),
        Some(k) => format!(
            "axis {k} steps outside the buffer: the elements span bytes [{lo}, {hi}) of a buffer of {nbytes} bytes"
        ),
    }
}

/// Formats a requested shape that may hold `-1`: `(2,-1)`, `(4,)`.
fn fmt_signed_shape(shape: &[isize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        dims => {
            let parts: Vec<String> = dims.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// `Result` with lapis's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
