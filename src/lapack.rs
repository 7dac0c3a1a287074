//! Per-type dispatch to the s/d/c/z LAPACK drivers: the sealed [`Lapack`] trait.
//!
//! Filled by the linear-algebra layer (`lapis::linalg`); like
//! [`crate::cblas::Cblas`] it holds only raw calls, one signature for all
//! four element types.

use num_complex::{Complex32, Complex64};

use crate::cblas::Cblas;

/// Raw LAPACK calls for one element type.
#[doc(hidden)]
pub trait Lapack: Cblas {}

impl Lapack for f32 {}
impl Lapack for f64 {}
impl Lapack for Complex32 {}
impl Lapack for Complex64 {}
