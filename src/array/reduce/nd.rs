//! The reductions as [`NdArray`] methods: dtype dispatch to the typed
//! kernels, results as new C-order arrays.

use ndarray::ArrayD;

use super::Axes;
use crate::array::NdArray;
use crate::array::create::from_ndarray;
use crate::error::Result;

macro_rules! same_dtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name(&self, axes: impl Into<Axes>, keepdims: bool) -> Result<NdArray> {
            let axes = axes.into();
            crate::dispatch_dtype!(self.dtype(), T => {
                let v = self.view::<T>()?;
                from_ndarray(super::$name(&*v, axes, keepdims)?)
            })
        }
    };
}

macro_rules! real_ddof {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name(&self, axes: impl Into<Axes>, ddof: usize, keepdims: bool) -> Result<NdArray> {
            let axes = axes.into();
            crate::dispatch_dtype!(self.dtype(), T => {
                let v = self.view::<T>()?;
                from_ndarray(super::$name(&*v, axes, ddof, keepdims)?)
            })
        }
    };
}

impl NdArray {
    same_dtype!(
        /// Sum over `axes` ([`Axes::All`], an axis, or a set), in the
        /// array's dtype: a new C-order array of the shape without those
        /// axes (kept as length 1 with `keepdims`; 0-d for `All`). Pairwise
        /// summation in memory order, bit-identical for any thread count;
        /// see [`array::sum`](crate::array::sum) and the
        /// [reduction docs](crate::array::Axes).
        ///
        /// # Errors
        /// [`Error::AxisOutOfRange`](crate::Error::AxisOutOfRange),
        /// [`Error::RepeatedAxis`](crate::Error::RepeatedAxis),
        /// [`Error::BorrowConflict`](crate::Error::BorrowConflict) while the
        /// buffer is mutably viewed.
        sum
    );
    same_dtype!(
        /// Product over `axes`, as [`sum`](Self::sum) (1 for empty
        /// reductions).
        ///
        /// # Errors
        /// As [`sum`](Self::sum).
        prod
    );
    same_dtype!(
        /// Mean over `axes`, in the array's dtype (NaN for empty
        /// reductions), as [`sum`](Self::sum).
        ///
        /// # Errors
        /// As [`sum`](Self::sum).
        mean
    );
    same_dtype!(
        /// Maximum over `axes`, NaN-propagating; complex numbers compare
        /// lexicographically (real part, then imaginary), as NumPy.
        ///
        /// # Errors
        /// As [`sum`](Self::sum), and
        /// [`Error::EmptyReduction`](crate::Error::EmptyReduction) when a
        /// reduced axis has length 0.
        max
    );
    same_dtype!(
        /// Minimum over `axes`, as [`max`](Self::max).
        ///
        /// # Errors
        /// As [`max`](Self::max).
        min
    );
    real_ddof!(
        /// Variance over `axes` with `ddof` delta degrees of freedom:
        /// `Σ|x − mean|² / (N − ddof)`, in the real dtype of the array
        /// (`float32` for `complex64`, `float64` for `complex128`), as
        /// NumPy. NaN for empty reductions.
        ///
        /// # Errors
        /// As [`sum`](Self::sum).
        var
    );
    real_ddof!(
        /// Standard deviation: the square root of [`var`](Self::var).
        ///
        /// # Errors
        /// As [`sum`](Self::sum).
        std
    );

    /// The vector norm of order `ord` over `axes` (`2.0`, `1.0`,
    /// `f64::INFINITY`, `-f64::INFINITY`, `0.0` or any `p`), in the real
    /// dtype; scaled so that it neither overflows nor underflows. See
    /// [`array::vector_norm`](crate::array::vector_norm).
    ///
    /// # Errors
    /// As [`sum`](Self::sum); NaN `ord`
    /// ([`Error::InvalidArgument`](crate::Error::InvalidArgument)); `±∞`
    /// orders over an empty reduction
    /// ([`Error::EmptyReduction`](crate::Error::EmptyReduction)).
    pub fn vector_norm(&self, ord: f64, axes: impl Into<Axes>, keepdims: bool) -> Result<NdArray> {
        let axes = axes.into();
        crate::dispatch_dtype!(self.dtype(), T => {
            let v = self.view::<T>()?;
            from_ndarray(super::vector_norm(&*v, ord, axes, keepdims)?)
        })
    }

    /// The flat (C-order) index of the first maximum; a NaN counts as the
    /// maximum (the first NaN wins), as NumPy's `argmax()`.
    ///
    /// # Errors
    /// [`Error::EmptyReduction`](crate::Error::EmptyReduction) for an
    /// empty array; [`Error::BorrowConflict`](crate::Error::BorrowConflict).
    pub fn argmax(&self) -> Result<usize> {
        crate::dispatch_dtype!(self.dtype(), T => super::argmax(&*self.view::<T>()?))
    }

    /// The flat index of the first minimum, as [`argmax`](Self::argmax).
    ///
    /// # Errors
    /// As [`argmax`](Self::argmax).
    pub fn argmin(&self) -> Result<usize> {
        crate::dispatch_dtype!(self.dtype(), T => super::argmin(&*self.view::<T>()?))
    }

    /// Indices of the maxima along `axis`, as an `ndarray` array of
    /// `usize` (NdArray has no integer dtype) shaped as the array without
    /// that axis (length 1 with `keepdims`).
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`](crate::Error::AxisOutOfRange);
    /// [`Error::EmptyReduction`](crate::Error::EmptyReduction) for a
    /// length-0 axis.
    pub fn argmax_axis(&self, axis: isize, keepdims: bool) -> Result<ArrayD<usize>> {
        crate::dispatch_dtype!(self.dtype(), T => {
            super::argmax_axis(&*self.view::<T>()?, axis, keepdims)
        })
    }

    /// Indices of the minima along `axis`, as [`argmax_axis`](Self::argmax_axis).
    ///
    /// # Errors
    /// As [`argmax_axis`](Self::argmax_axis).
    pub fn argmin_axis(&self, axis: isize, keepdims: bool) -> Result<ArrayD<usize>> {
        crate::dispatch_dtype!(self.dtype(), T => {
            super::argmin_axis(&*self.view::<T>()?, axis, keepdims)
        })
    }

    /// Whether every element is finite (no NaN, no ±∞).
    ///
    /// # Errors
    /// [`Error::BorrowConflict`](crate::Error::BorrowConflict).
    pub fn all_finite(&self) -> Result<bool> {
        Ok(self.all_finite_axes(Axes::All, false)?.iter().all(|&b| b))
    }

    /// Whether some element is NaN or infinite (`!all_finite()`).
    ///
    /// # Errors
    /// As [`all_finite`](Self::all_finite).
    pub fn any_nonfinite(&self) -> Result<bool> {
        Ok(!self.all_finite()?)
    }

    /// [`all_finite`](Self::all_finite) per output over `axes`, as an
    /// `ndarray` array of `bool` (NdArray has no boolean dtype).
    ///
    /// # Errors
    /// As [`sum`](Self::sum).
    pub fn all_finite_axes(&self, axes: impl Into<Axes>, keepdims: bool) -> Result<ArrayD<bool>> {
        let axes = axes.into();
        crate::dispatch_dtype!(self.dtype(), T => {
            super::all_finite(&*self.view::<T>()?, axes, keepdims)
        })
    }

    /// [`any_nonfinite`](Self::any_nonfinite) per output over `axes`.
    ///
    /// # Errors
    /// As [`sum`](Self::sum).
    pub fn any_nonfinite_axes(
        &self,
        axes: impl Into<Axes>,
        keepdims: bool,
    ) -> Result<ArrayD<bool>> {
        let axes = axes.into();
        crate::dispatch_dtype!(self.dtype(), T => {
            super::any_nonfinite(&*self.view::<T>()?, axes, keepdims)
        })
    }
}
