//! Broadcasting universal functions on [`NdArray`](crate::NdArray): NumPy's
//! elementwise math with its broadcasting, type promotion and `out=`
//! semantics, plus fused kernels.
//!
//! * **Forms.** Each function comes as `f(a, …)` (a new array), `f_out(a,
//!   …, out)` (into any writable array of the broadcast shape) and
//!   `f_inplace(a, …)` (overwriting the first operand); or generically
//!   [`unary`]/[`binary`] with a [`UnaryOp`]/[`BinaryOp`].
//! * **Broadcasting.** NumPy's rule (trailing axes equal or 1); a failure
//!   names both shapes: "operands could not be broadcast together with
//!   shapes (2,3) (4,)".
//! * **Types.** Inputs promote as in NumPy (`float32 + complex64 →
//!   complex64`, `float32 + float64 → float64`); an input of another dtype
//!   than the promoted one is converted through a copy. `abs`, `real`,
//!   `imag`, `angle` of complex input are real. Real-only functions
//!   (`floor`, `ceil`, `round`, `arctan2`, `hypot`, `copysign`) reject
//!   complex input. `out` may be of any dtype the result casts to under
//!   `same_kind` (through a temporary when it differs).
//! * **Overlap.** When `out` overlaps an input the result is as if the
//!   inputs had been copied first (NumPy's guarantee); when the overlap is
//!   exact (element for element, as in the in-place forms) nothing is
//!   copied.
//! * **Layout and speed.** Any strides, including negative and zero
//!   (broadcast). Axes are visited in the output's memory order and merged
//!   where contiguous, so C- and Fortran-order arrays both run as long
//!   unit-stride loops. New results take the layout of the first input of
//!   the full shape (NumPy's order K). Large operations run on lapis's
//!   thread pool ([`crate::parallel`]); each element is computed by the
//!   same code whatever the thread count.
//! * **Errors** are returned before anything is written.
//!
//! ```
//! use lapis::array::{self, ufunc};
//! use lapis::DType;
//!
//! let m = array::arange(0.0, 6.0, 1.0, DType::F64)?.reshape(&[2, 3])?;
//! let row = array::from_vec(vec![10.0, 20.0, 30.0], &[3])?;
//! let s = ufunc::add(&m, &row)?;
//! assert_eq!(s.to_vec::<f64>()?, vec![10.0, 21.0, 32.0, 13.0, 24.0, 35.0]);
//!
//! let bad = array::zeros(&[4], DType::F64)?;
//! let e = ufunc::add(&m, &bad).unwrap_err();
//! assert!(e.to_string().contains("could not be broadcast together with shapes (2,3) (4,)"));
//! # Ok::<(), lapis::Error>(())
//! ```

mod apply;
mod dynamic;
mod engine;
mod fused;
mod kernels;
mod math;
mod named;
pub mod nd;
mod ops;
mod vexp;

pub use dynamic::{binary, binary_inplace, binary_out, unary, unary_inplace, unary_out};
pub use fused::{
    axpby, axpby_inplace, axpby_out, multiply_add, multiply_add_inplace, multiply_add_out,
};
pub use named::*;
pub use ops::{BinaryOp, UnaryOp};
