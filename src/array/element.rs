//! Dtype-independent element access: one element read or written as a
//! `complex128` value, whatever the array's dtype (the C ABI's
//! `lapis_array_get` / `lapis_array_set` and any caller that does not know
//! the dtype at compile time).

use num_complex::Complex64;

use super::convert::Casting;
use super::dynarray::NdArray;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::{RealScalar, Scalar};

/// `value` in `T`, both parts rounded to `T`'s real type (the imaginary
/// part is dropped for real `T`: callers check it first).
fn from_c128<T: Scalar>(value: Complex64) -> T {
    T::from_parts(
        <T::Real as RealScalar>::from_f64_real(value.re),
        <T::Real as RealScalar>::from_f64_real(value.im),
    )
}

impl NdArray {
    /// The element at `index` widened to `complex128` (exact for every
    /// dtype; real dtypes give a zero imaginary part). One entry per axis;
    /// negative entries count from the end of their axis.
    ///
    /// # Errors
    /// As [`item`](Self::item): [`Error::DimensionMismatch`] for an index
    /// of the wrong length, [`Error::IndexOutOfRange`],
    /// [`Error::BorrowConflict`] while the buffer is mutably viewed.
    pub fn item_c128(&self, index: &[isize]) -> Result<Complex64> {
        crate::dispatch_dtype!(self.dtype(), T => {
            let v = self.item::<T>(index)?;
            Ok(Complex64::new(v.re().to_f64_real(), v.im().to_f64_real()))
        })
    }

    /// Writes `value` at `index`, rounded to the array's dtype (NumPy's
    /// `a[index] = value` under the `same_kind` rule: a real array needs a
    /// value with zero imaginary part).
    ///
    /// # Errors
    /// [`Error::Cast`] for a non-zero imaginary part and a real dtype
    /// (nothing is written); as [`set_item`](Self::set_item).
    pub fn set_item_c128(&mut self, index: &[isize], value: Complex64) -> Result<()> {
        if value.im != 0.0 && !self.dtype().is_complex() {
            return Err(Error::Cast {
                routine: "set_item",
                from: DType::C128,
                to: self.dtype(),
                casting: Casting::SameKind.name(),
            });
        }
        crate::dispatch_dtype!(self.dtype(), T => {
            self.set_item::<T>(index, from_c128::<T>(value))
        })
    }
}
