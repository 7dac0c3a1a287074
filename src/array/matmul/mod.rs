//! Matrix products on [`NdArray`](crate::array::NdArray) with NumPy's
//! semantics: [`matmul`] (and [`matmul_out`]), [`dot`], [`vdot`],
//! [`inner`], [`outer`], [`tensordot`], [`einsum`] (pairwise contractions),
//! [`kron`], [`trace`]; and [`matmul_nd`] / [`matmul_nd_into`] for
//! `ndarray` arrays of one element type.
//!
//! Every product ends in one typed stacked kernel (`kernel.rs`): a direct
//! Rust loop for small matrices, the BLAS layer ([`crate::blas`]) for the
//! others, reading C-order, Fortran-order, transposed and sub-matrix views
//! without copies.
//!
//! ```
//! use lapis::array::{self, matmul};
//! use lapis::DType;
//!
//! let a = array::arange(0.0, 24.0, 1.0, DType::F64)?.reshape(&[2, 3, 4])?;
//! let b = array::ones(&[4], DType::F32)?;
//! let c = matmul(&a, &b)?; // (2,3,4) @ (4,) -> (2,3), float64
//! assert_eq!(c.shape(), &[2, 3]);
//! assert_eq!(c.to_vec::<f64>()?[..2], [6.0, 22.0]);
//! # Ok::<(), lapis::Error>(())
//! ```

mod einsum;
mod friends;
mod kernel;
mod product;

pub use einsum::einsum;
pub use friends::{TensorAxes, dot, inner, kron, outer, tensordot, trace, vdot};
pub use product::{matmul, matmul_nd, matmul_nd_into, matmul_out};
