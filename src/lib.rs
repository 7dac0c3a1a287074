//! # lapis
//!
//! Real and complex n-d arrays on top of [`ndarray`] with BLAS/LAPACK-backed
//! linear algebra on any memory layout, for Rust, C and Fortran callers.
//!
//! The layers, each using only those below it:
//!
//! 1. [`Scalar`] and [`DType`]: the four element types (`f32`, `f64`,
//!    `Complex32`, `Complex64`), NumPy's promotion, and the per-type dispatch
//!    to the s/d/c/z BLAS routines.
//! 2. [`blas`]: typed BLAS levels 1–3 on `ndarray` views of any layout,
//!    without copies wherever BLAS can express the layout ([`layout`] says
//!    when).
//!
//! 3. [`array`](mod@array): [`NdArray`], the dtype-tagged n-d array with NumPy's
//!    views, flags, copies, casts and creation functions.
//!
//! [`backend()`] says which BLAS/LAPACK is linked; [`set_num_threads`] sets
//! its threads.
//!
//! ```
//! use lapis::blas::{gemm, Transpose};
//! use ndarray::array;
//!
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let b = array![[5.0, 6.0], [7.0, 8.0]];
//! let mut c = ndarray::Array2::<f64>::zeros((2, 2));
//! // C = A · Bᵀ, reading B transposed without a copy.
//! gemm(Transpose::NoTrans, Transpose::Trans, 1.0, &a, &b, 0.0, &mut c).unwrap();
//! assert_eq!(c, array![[17.0, 23.0], [39.0, 53.0]]);
//! ```

pub mod array;
pub mod backend;
pub mod blas;
pub mod dtype;
pub mod error;
pub mod fft;
#[doc(hidden)]
pub mod lapack;
pub mod layout;
pub mod linalg;
pub mod operand;
pub mod parallel;
pub mod scalar;
#[doc(hidden)]
pub mod sys;

pub use array::{Casting, Idx, MemOrder, NdArray};
pub use backend::{BackendInfo, BackendStatus, backend, check_backend, set_num_threads};
pub use dtype::DType;
pub use error::{Error, Result};
pub use num_complex::{Complex32, Complex64};
pub use scalar::{RealScalar, Scalar};
