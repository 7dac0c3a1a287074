//! Dense-matrix helpers of the `lapis::array::linalg` tests: naive products,
//! residual norms, test matrices with known structure (well-conditioned
//! general, Hermitian, Hermitian positive definite) and conversions between
//! `NdArray` and typed ndarrays.

use super::Rng;
use lapis::array::{self, NdArray};
use lapis::{RealScalar, Scalar};
use ndarray::{Array1, Array2, Ix1, Ix2};

pub fn eps<T: Scalar>() -> f64 {
    T::epsilon().to_f64_real()
}

/// Residual tolerance for an `n`-sized problem with O(1) data.
pub fn tol<T: Scalar>(n: usize) -> f64 {
    200.0 * (n.max(1) as f64) * eps::<T>()
}

/// `a · b` by the triple loop.
pub fn mm<T: Scalar>(a: &Array2<T>, b: &Array2<T>) -> Array2<T> {
    let (m, k) = a.dim();
    let (k2, n) = b.dim();
    assert_eq!(k, k2);
    Array2::from_shape_fn((m, n), |(i, j)| {
        let mut acc = T::zero();
        for l in 0..k {
            acc += a[[i, l]] * b[[l, j]];
        }
        acc
    })
}

/// The conjugate transpose `aᴴ`.
pub fn ct<T: Scalar>(a: &Array2<T>) -> Array2<T> {
    a.t().mapv(|v| v.conj())
}

pub fn max_abs<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().map(|v| v.abs().to_f64_real()).fold(0.0, f64::max)
}

/// `max |a − b|`.
pub fn diff<T: Scalar>(a: &Array2<T>, b: &Array2<T>) -> f64 {
    assert_eq!(a.dim(), b.dim());
    max_abs(&(a - b))
}

pub fn eye<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| if i == j { T::one() } else { T::zero() })
}

/// A 2-d `NdArray`'s values as an owned matrix.
pub fn mat<T: Scalar>(a: &NdArray) -> Array2<T> {
    a.view_dim::<T, Ix2>().unwrap().to_owned()
}

/// A 1-d `NdArray`'s values as an owned vector.
pub fn vec1<T: Scalar>(a: &NdArray) -> Array1<T> {
    a.view_dim::<T, Ix1>().unwrap().to_owned()
}

/// A C-order `NdArray` holding `m`.
pub fn nd<T: Scalar>(m: &Array2<T>) -> NdArray {
    array::from_ndarray(m.clone()).unwrap()
}

/// A well-conditioned general matrix: random plus `n` on the diagonal.
pub fn general<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let mut a = rng.matrix::<T>(n, n);
    for i in 0..n {
        a[[i, i]] += T::from_f64(n as f64);
    }
    a
}

/// A random Hermitian (real: symmetric) matrix `a + aᴴ`.
pub fn hermitian<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let a = rng.matrix::<T>(n, n);
    &a + &ct(&a)
}

/// A Hermitian positive definite matrix `b bᴴ + n I`.
pub fn hpd<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let b = rng.matrix::<T>(n, n);
    let mut a = mm(&b, &ct(&b));
    for i in 0..n {
        a[[i, i]] += T::from_f64(n as f64);
    }
    a
}
