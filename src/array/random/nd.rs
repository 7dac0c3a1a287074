//! Random fills of dynamic arrays: the [`Generator`]'s distributions on an
//! [`NdArray`] of any of the four dtypes, dispatched once at the entry.
//!
//! Values are those the typed fills give for the same element type and
//! generator position (element i in logical C order), so a stream is the
//! same whether it lands in an `NdArray` or an `ndarray` array, in any
//! layout, on any number of threads. Parameters are given as `f64` and
//! converted to the array's real type (rounded for `f32`/`complex64`).
//! Integer draws have no dynamic-array form (lapis's dtypes are floating).

use super::Generator;
use crate::array::{MemOrder, NdArray, zeros_order};
use crate::dtype::DType;
use crate::error::Result;
use crate::scalar::{RealScalar, Scalar};

/// `x` in `T`'s real type.
fn real<T: Scalar>(x: f64) -> T::Real {
    T::Real::from_f64_real(x)
}

impl Generator {
    /// Fills `out` with uniform values on [0, 1) (complex: both parts).
    ///
    /// # Errors
    /// `ReadOnly` for a read-only array; `BorrowConflict` if a view of its
    /// buffer is borrowed mutably; otherwise as [`Generator::fill_random`].
    pub fn fill_random_nd(&mut self, out: &mut NdArray) -> Result<()> {
        crate::dispatch_dtype!(out.dtype(), T => {
            let mut v = out.view_mut::<T>()?;
            self.fill_random(&mut *v)
        })
    }

    /// Fills `out` with uniform values on [low, high).
    ///
    /// # Errors
    /// As [`Generator::fill_uniform`] and [`Generator::fill_random_nd`].
    pub fn fill_uniform_nd(&mut self, out: &mut NdArray, low: f64, high: f64) -> Result<()> {
        crate::dispatch_dtype!(out.dtype(), T => {
            let mut v = out.view_mut::<T>()?;
            self.fill_uniform(
                &mut *v,
                real::<T>(low),
                real::<T>(high),
            )
        })
    }

    /// Fills `out` with standard normal values (complex: CN(0, 1)).
    ///
    /// # Errors
    /// As [`Generator::fill_random_nd`].
    pub fn fill_standard_normal_nd(&mut self, out: &mut NdArray) -> Result<()> {
        crate::dispatch_dtype!(out.dtype(), T => {
            let mut v = out.view_mut::<T>()?;
            self.fill_standard_normal(&mut *v)
        })
    }

    /// Fills `out` with `mean + std·z` (a real `mean`; complex arrays get
    /// `mean + 0i`).
    ///
    /// # Errors
    /// As [`Generator::fill_normal`] and [`Generator::fill_random_nd`].
    pub fn fill_normal_nd(&mut self, out: &mut NdArray, mean: f64, std: f64) -> Result<()> {
        crate::dispatch_dtype!(out.dtype(), T => {
            let mut v = out.view_mut::<T>()?;
            self.fill_normal(&mut *v, T::from_f64(mean), real::<T>(std))
        })
    }

    /// A new C-order array of uniform [0, 1) values.
    ///
    /// # Errors
    /// As [`zeros_order`] and [`Generator::fill_random_nd`].
    pub fn random_nd(&mut self, shape: &[usize], dtype: DType) -> Result<NdArray> {
        let mut a = zeros_order(shape, dtype, MemOrder::C)?;
        self.fill_random_nd(&mut a)?;
        Ok(a)
    }

    /// A new C-order array of uniform values on [low, high).
    ///
    /// # Errors
    /// As [`Generator::fill_uniform_nd`].
    pub fn uniform_nd(
        &mut self,
        low: f64,
        high: f64,
        shape: &[usize],
        dtype: DType,
    ) -> Result<NdArray> {
        let mut a = zeros_order(shape, dtype, MemOrder::C)?;
        self.fill_uniform_nd(&mut a, low, high)?;
        Ok(a)
    }

    /// A new C-order array of standard normal values.
    ///
    /// # Errors
    /// As [`Generator::fill_standard_normal_nd`].
    pub fn standard_normal_nd(&mut self, shape: &[usize], dtype: DType) -> Result<NdArray> {
        let mut a = zeros_order(shape, dtype, MemOrder::C)?;
        self.fill_standard_normal_nd(&mut a)?;
        Ok(a)
    }

    /// A new C-order array of `normal(mean, std)` values.
    ///
    /// # Errors
    /// As [`Generator::fill_normal_nd`].
    pub fn normal_nd(
        &mut self,
        mean: f64,
        std: f64,
        shape: &[usize],
        dtype: DType,
    ) -> Result<NdArray> {
        let mut a = zeros_order(shape, dtype, MemOrder::C)?;
        self.fill_normal_nd(&mut a, mean, std)?;
        Ok(a)
    }
}
