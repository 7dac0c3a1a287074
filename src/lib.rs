//! # lapis
//!
//! Real and complex n-d arrays on top of [`ndarray`] with BLAS/LAPACK-backed
//! linear algebra on any memory layout, for Rust, C and Fortran callers.
//!
//! The layers, each using only those below it (the C library and the
//! Fortran module are built over the public API by the `lapis-capi` crate
//! beside this one):
//!
//! ```text
//!  4  fft/            numpy.fft: on NdArray (fft, rfftn, …, _out, _inplace) and,
//!                     in fft::typed, complex transforms on ndarray views
//!  3  array/          NdArray: dtype-tagged n-d arrays, views, copies, casts,
//!                     creation, ufunc/, reduce/, matmul/, random/, and the
//!                     dynamic twins array::blas and array::linalg
//!  2  blas/           typed BLAS L1–L3 on ndarray views of any layout
//!     linalg/         typed LAPACK drivers (2-D and _stacked), workspaces
//!  1  scalar.rs       Scalar (owns Real; Cblas + Lapack<Real> as hidden
//!                     supertraits), RealScalar
//!     operand.rs      Uplo, Transpose, Side, Diag
//!     layout.rs       how a view maps to BLAS/LAPACK (order, ld, inc), copies_made
//!  0  sys/            extern BLAS calls: the Cblas dispatch trait (hidden)
//!     lapack/         per-type LAPACK dispatch traits (hidden)
//!     backend.rs      which BLAS/LAPACK is linked and runs, its threads
//!     parallel.rs     lapis's own thread pool
//!     dtype.rs        DType and NumPy's promotion;  error.rs  the Error enum
//! ```
//!
//! 1. [`Scalar`] and [`DType`]: the four element types (`f32`, `f64`,
//!    `Complex32`, `Complex64`), their real type [`Scalar::Real`], and
//!    NumPy's promotion; the s/d/c/z choice of BLAS/LAPACK routine is made
//!    at compile time by `Scalar`'s hidden supertraits.
//! 2. [`blas`]: typed BLAS levels 1–3 on `ndarray` views of any layout,
//!    without copies wherever BLAS can express the layout ([`layout`] says
//!    when); [`linalg`]: `numpy.linalg`/`scipy.linalg` on the same views.
//! 3. [`array`](mod@array): [`NdArray`], the dtype-tagged n-d array with NumPy's
//!    views, flags, copies, casts and creation functions.
//! 4. [`fft`]: NumPy's FFTs on [`NdArray`], over the typed [`fft::typed`].
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

// Every `unsafe` block says why it is sound, and every `unsafe fn` what its
// caller must guarantee.
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

pub(crate) mod alloc;
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
pub mod profile;
pub mod scalar;
#[doc(hidden)]
pub mod sys;

pub use array::{Casting, Idx, MemOrder, NdArray};
pub use backend::{BackendInfo, BackendStatus, backend, check_backend, set_num_threads};
pub use dtype::DType;
pub use error::{Error, Result};
pub use num_complex::{Complex32, Complex64};
pub use scalar::{RealScalar, Scalar};
