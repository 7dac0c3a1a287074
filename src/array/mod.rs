//! Dynamic arrays: [`NdArray`], an n-d array tagged with its [`DType`](crate::DType) at
//! run time, with NumPy's views, flags, copies, casts and creation
//! functions.
//!
//! * [`NdArray`] owns its buffer or views another array's (or foreign
//!   memory) without copying; views share the buffer through an `Arc`, so
//!   they stay valid when the base is dropped.
//! * Views ([`NdArray::slice`] with [`Idx`], [`NdArray::t`],
//!   [`NdArray::permute_axes`], [`NdArray::broadcast_to`],
//!   [`NdArray::diagonal`], [`NdArray::real`], …) copy nothing and allocate
//!   nothing: shape and strides live inline, up to [`MAX_DIMS`] axes.
//! * Typed access ([`NdArray::view`], [`NdArray::view_mut`],
//!   [`NdArray::typed`], [`dispatch_dtype!`](crate::dispatch_dtype)) hands out
//!   `ndarray` views of the element type.
//! * Copies ([`NdArray::copy`], [`NdArray::astype`], [`concatenate`],
//!   [`stack`], [`NdArray::reshape`] when it must) and creation
//!   ([`zeros`], [`arange`], [`linspace`], [`from_vec`], …) make new
//!   buffers.
//!
//! Errors are values: bad indices, axes, shapes, casts and writes into
//! read-only arrays return [`Error`](crate::Error), never panic.
//!
//! ```
//! use lapis::array::{self, Idx};
//! use lapis::DType;
//!
//! let a = array::arange(0.0, 12.0, 1.0, DType::F64)?.reshape(&[3, 4])?;
//! // a[1:, ::-2]: a view with a negative stride.
//! let v = a.slice(&[Idx::from(1..), Idx::step(-2)])?;
//! assert_eq!(v.shape(), &[2, 2]);
//! assert_eq!(v.strides(), &[32, -16]);
//! assert_eq!(v.to_vec::<f64>()?, vec![7.0, 5.0, 11.0, 9.0]);
//! assert!(!v.owns_data() && v.shares_buffer(&a));
//! # Ok::<(), lapis::Error>(())
//! ```

pub mod blas;
mod broadcast;
mod buffer;
mod convert;
pub(crate) mod create;
mod dynarray;
mod element;
mod kernel;
pub mod linalg;
mod linalg_factor;
mod matmul;
mod reduce;
mod reshape;
mod typed;
pub mod ufunc;
mod views;

pub use broadcast::broadcast_shapes;
pub use buffer::ReleaseHook;
pub use convert::{Casting, concatenate, stack};
pub use create::{
    arange, empty, empty_like, eye, from_ndarray, from_scalar, from_slice, from_vec, full, full_as,
    full_like, geomspace, identity, linspace, logspace, ones, ones_like, zeros, zeros_like,
    zeros_order,
};
pub use dynarray::{Flags, NdArray};
#[allow(unused_imports)]
pub use matmul::*;
#[allow(unused_imports)]
pub use reduce::*;
pub use typed::{ReadView, TypedView, TypedViewMut, WriteView};
pub use views::Idx;

/// The most axes an [`NdArray`] has (NumPy's limit).
pub const MAX_DIMS: usize = 32;

/// Memory order of a new array or of a traversal (NumPy's `order=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum MemOrder {
    /// Row-major: the last index varies fastest.
    #[default]
    C,
    /// Column-major (Fortran): the first index varies fastest.
    F,
    /// F if the source is Fortran- and not C-contiguous, else C.
    A,
    /// Keep the source's layout as closely as possible.
    K,
}
pub mod random;
