//! The `Scalar` trait: what lapis needs of an element type, for `f32`, `f64`,
//! `Complex32` and `Complex64`, and nothing else (the trait is sealed).
//!
//! Generic numeric code is written once over `T: Scalar`; the choice of the
//! s/d/c/z BLAS and LAPACK routine is made by the hidden dispatch
//! supertraits [`Cblas`] and [`Lapack`] at compile time, so no code matches
//! on the type at run time.
//!
//! The imports go one way: this module names the dispatch traits, which
//! know nothing of `Scalar`. `Scalar` owns the associated type
//! [`Scalar::Real`] and hands it down to the dispatch traits that need it
//! as their type parameter (`Lapack<Self::Real>`).

use std::fmt::{Debug, Display};
use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

use num_complex::{Complex32, Complex64};
use num_traits::{Float, One, Zero};

use crate::dtype::DType;
use crate::lapack::Lapack;
use crate::sys::Cblas;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex32 {}
    impl Sealed for num_complex::Complex64 {}
}

/// An element type of lapis: `f32`, `f64`, `Complex32` or `Complex64`.
///
/// The supertraits `Cblas` and `Lapack` are hidden: they carry the per-type
/// BLAS/LAPACK calls, are implemented for exactly these four types, and
/// are not part of the public API.
pub trait Scalar:
    sealed::Sealed
    + Cblas
    + Lapack<<Self as Scalar>::Real>
    + Copy
    + Send
    + Sync
    + Debug
    + Display
    + Default
    + PartialEq
    + Zero
    + One
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + 'static
{
    /// The real type of the same precision: `Self` for `f32` and `f64`,
    /// `f32` for `Complex32`, `f64` for `Complex64`. Moduli, norms,
    /// eigenvalues of Hermitian matrices and singular values have this type.
    type Real: RealScalar;

    /// The run-time tag of this type.
    const DTYPE: DType;
    /// Whether the type is complex.
    const IS_COMPLEX: bool;

    /// Complex conjugate (the identity for real types).
    fn conj(self) -> Self;
    /// Modulus |z| (absolute value for real types), computed without
    /// undue overflow (`hypot`).
    fn abs(self) -> Self::Real;
    /// |z|², the squared modulus.
    fn abs_sqr(self) -> Self::Real;
    /// |re| + |im|: the "1-norm" of one element that BLAS's asum and iamax use.
    fn abs1(self) -> Self::Real;
    /// Real part.
    fn re(self) -> Self::Real;
    /// Imaginary part (zero for real types).
    fn im(self) -> Self::Real;
    /// The value `re + 0i`.
    fn from_real(re: Self::Real) -> Self;
    /// The value `re + im·i`; for real types `im` is dropped, so callers
    /// that may pass a non-zero `im` check [`Scalar::IS_COMPLEX`] first.
    fn from_parts(re: Self::Real, im: Self::Real) -> Self;
    /// Whether both parts are finite.
    fn is_finite(self) -> bool;
    /// Machine epsilon of the real type (2⁻²³ or 2⁻⁵²).
    fn epsilon() -> Self::Real {
        <Self::Real as Float>::epsilon()
    }
    /// Lossy conversion from `f64` (for constants and tests).
    fn from_f64(x: f64) -> Self {
        Self::from_real(<Self::Real as RealScalar>::from_f64_real(x))
    }
}

/// The real element types `f32` and `f64`.
pub trait RealScalar: Scalar<Real = Self> + Float + PartialOrd {
    /// Lossy conversion from `f64`.
    fn from_f64_real(x: f64) -> Self;
    /// Widening conversion to `f64`.
    fn to_f64_real(self) -> f64;
}

macro_rules! impl_real {
    ($t:ty, $dtype:expr) => {
        impl Scalar for $t {
            type Real = $t;
            const DTYPE: DType = $dtype;
            const IS_COMPLEX: bool = false;
            #[inline]
            fn conj(self) -> Self {
                self
            }
            #[inline]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline]
            fn abs_sqr(self) -> Self {
                self * self
            }
            #[inline]
            fn abs1(self) -> Self {
                <$t>::abs(self)
            }
            #[inline]
            fn re(self) -> Self {
                self
            }
            #[inline]
            fn im(self) -> Self {
                0.0
            }
            #[inline]
            fn from_real(re: Self) -> Self {
                re
            }
            #[inline]
            fn from_parts(re: Self, _im: Self) -> Self {
                re
            }
            #[inline]
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
        }
        impl RealScalar for $t {
            #[inline]
            fn from_f64_real(x: f64) -> Self {
                x as $t
            }
            #[inline]
            fn to_f64_real(self) -> f64 {
                self as f64
            }
        }
    };
}

macro_rules! impl_complex {
    ($t:ty, $r:ty, $dtype:expr) => {
        impl Scalar for $t {
            type Real = $r;
            const DTYPE: DType = $dtype;
            const IS_COMPLEX: bool = true;
            #[inline]
            fn conj(self) -> Self {
                <$t>::conj(&self)
            }
            #[inline]
            fn abs(self) -> $r {
                self.re.hypot(self.im)
            }
            #[inline]
            fn abs_sqr(self) -> $r {
                self.norm_sqr()
            }
            #[inline]
            fn abs1(self) -> $r {
                self.re.abs() + self.im.abs()
            }
            #[inline]
            fn re(self) -> $r {
                self.re
            }
            #[inline]
            fn im(self) -> $r {
                self.im
            }
            #[inline]
            fn from_real(re: $r) -> Self {
                <$t>::new(re, 0.0)
            }
            #[inline]
            fn from_parts(re: $r, im: $r) -> Self {
                <$t>::new(re, im)
            }
            #[inline]
            fn is_finite(self) -> bool {
                self.re.is_finite() && self.im.is_finite()
            }
        }
    };
}

impl_real!(f32, DType::F32);
impl_real!(f64, DType::F64);
impl_complex!(Complex32, f32, DType::C64);
impl_complex!(Complex64, f64, DType::C128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complex_basics() {
        let z = Complex64::new(3.0, -4.0);
        assert_eq!(z.abs(), 5.0);
        assert_eq!(z.abs_sqr(), 25.0);
        assert_eq!(z.abs1(), 7.0);
        assert_eq!(<Complex64 as Scalar>::conj(z), Complex64::new(3.0, 4.0));
        assert_eq!(<Complex64 as Scalar>::DTYPE, DType::C128);
        const { assert!(!<f32 as Scalar>::IS_COMPLEX) };
        assert_eq!(<Complex32 as Scalar>::epsilon(), f32::EPSILON);
        // hypot keeps |z| finite where re² + im² would overflow.
        let big = Complex64::new(1e300, 1e300);
        assert!(<Complex64 as Scalar>::abs(big).is_finite());
        assert!(!Complex32::new(f32::NAN, 0.0).is_finite());
    }
}
