//! Shared helpers of the integration tests: deterministic random data,
//! views of every layout over the same logical values, naive reference
//! kernels, and epsilon-scaled comparisons.

#![allow(dead_code)]

pub mod nd_linalg;

use lapis::Scalar;
use lapis::blas::Transpose;
use ndarray::{
    Array1, Array2, ArrayRef1, ArrayRef2, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2,
    ShapeBuilder, s,
};

/// SplitMix64: a small, seeded generator (tests must be reproducible).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    pub fn scalar<T: Scalar>(&mut self) -> T {
        let re = self.uniform();
        let im = self.uniform();
        if T::IS_COMPLEX {
            T::from_parts(
                <T::Real as lapis::RealScalar>::from_f64_real(re),
                <T::Real as lapis::RealScalar>::from_f64_real(im),
            )
        } else {
            T::from_f64(re)
        }
    }
    pub fn matrix<T: Scalar>(&mut self, m: usize, n: usize) -> Array2<T> {
        Array2::from_shape_simple_fn((m, n), || self.scalar())
    }
    /// A random Hermitian (real symmetric) `n × n` matrix with entries in
    /// [-1, 1): `(X + Xᴴ)/2` of a random `X`, with a real diagonal.
    pub fn hermitian<T: Scalar>(&mut self, n: usize) -> Array2<T> {
        let x: Array2<T> = self.matrix(n, n);
        let half = T::from_f64(0.5);
        Array2::from_shape_fn((n, n), |(i, j)| {
            if i == j {
                T::from_real(x[[i, i]].re())
            } else {
                (x[[i, j]] + x[[j, i]].conj()) * half
            }
        })
    }
    pub fn vector<T: Scalar>(&mut self, n: usize) -> Array1<T> {
        Array1::from_shape_simple_fn(n, || self.scalar())
    }
}

/// The memory layouts every routine is tested on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lay {
    /// C order, contiguous.
    C,
    /// Fortran order, contiguous.
    F,
    /// The transpose (`.t()`) of a C-order array: Fortran strides.
    Transposed,
    /// A sub-matrix of a larger C-order array (padded leading dimension).
    Sliced,
    /// Every other row and column of a larger array: no unit stride.
    Stepped,
    /// Rows in reverse order (negative row stride).
    NegRows,
    /// Columns in reverse order of a Fortran array (negative column stride).
    NegCols,
}

impl Lay {
    pub const ALL: [Lay; 7] = [
        Lay::C,
        Lay::F,
        Lay::Transposed,
        Lay::Sliced,
        Lay::Stepped,
        Lay::NegRows,
        Lay::NegCols,
    ];

    /// Whether BLAS can read this layout without a copy.
    pub fn blas_native(self) -> bool {
        matches!(self, Lay::C | Lay::F | Lay::Transposed | Lay::Sliced)
    }
}

/// A matrix with given logical values, stored in a given layout.
pub struct Mat<T> {
    backing: Array2<T>,
    lay: Lay,
    shape: (usize, usize),
}

impl<T: Scalar> Mat<T> {
    pub fn new(values: &ArrayRef2<T>, lay: Lay) -> Self {
        let (m, n) = values.dim();
        let mut backing = match lay {
            Lay::C | Lay::NegRows => Array2::zeros((m, n)),
            Lay::F | Lay::NegCols => Array2::zeros((m, n).f()),
            Lay::Transposed => Array2::zeros((n, m)),
            Lay::Sliced => Array2::zeros((m + 3, n + 2)),
            Lay::Stepped => Array2::zeros((2 * m + 1, 2 * n + 1)),
        };
        // Poison the padding so a routine that reads outside the view shows.
        backing.fill(T::from_f64(1e30));
        let mut mat = Mat {
            backing,
            lay,
            shape: (m, n),
        };
        mat.view_mut().assign(values);
        mat
    }

    pub fn view(&self) -> ArrayView2<'_, T> {
        let b = self.backing.view();
        let (m, n) = self.shape;
        match self.lay {
            Lay::C | Lay::F => b,
            Lay::Transposed => b.reversed_axes(),
            Lay::Sliced => b.slice_move(s![1..m + 1, 2..n + 2]),
            Lay::Stepped => b.slice_move(s![1..2 * m + 1;2, 1..2 * n + 1;2]),
            Lay::NegRows => b.slice_move(s![..;-1, ..]),
            Lay::NegCols => b.slice_move(s![.., ..;-1]),
        }
    }

    pub fn view_mut(&mut self) -> ArrayViewMut2<'_, T> {
        let (m, n) = self.shape;
        let b = self.backing.view_mut();
        match self.lay {
            Lay::C | Lay::F => b,
            Lay::Transposed => b.reversed_axes(),
            Lay::Sliced => b.slice_move(s![1..m + 1, 2..n + 2]),
            Lay::Stepped => b.slice_move(s![1..2 * m + 1;2, 1..2 * n + 1;2]),
            Lay::NegRows => b.slice_move(s![..;-1, ..]),
            Lay::NegCols => b.slice_move(s![.., ..;-1]),
        }
    }

    /// The whole backing store (to check that padding was not written).
    pub fn backing(&self) -> &Array2<T> {
        &self.backing
    }
}

/// The vector layouts every routine is tested on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VLay {
    Contig,
    Step2,
    Neg1,
    NegStep3,
}

impl VLay {
    pub const ALL: [VLay; 4] = [VLay::Contig, VLay::Step2, VLay::Neg1, VLay::NegStep3];

    fn step(self) -> isize {
        match self {
            VLay::Contig => 1,
            VLay::Step2 => 2,
            VLay::Neg1 => -1,
            VLay::NegStep3 => -3,
        }
    }
}

/// A vector with given logical values, stored with a given stride.
pub struct Vector<T> {
    backing: Array1<T>,
    lay: VLay,
    len: usize,
}

impl<T: Scalar> Vector<T> {
    pub fn new(values: &ArrayRef1<T>, lay: VLay) -> Self {
        let n = values.len();
        let k = lay.step().unsigned_abs();
        let backing = Array1::from_elem(n * k + 1, T::from_f64(1e30));
        let mut v = Vector {
            backing,
            lay,
            len: n,
        };
        v.view_mut().assign(values);
        v
    }

    fn slice_info(
        &self,
    ) -> ndarray::SliceInfo<[ndarray::SliceInfoElem; 1], ndarray::Ix1, ndarray::Ix1> {
        let k = self.lay.step();
        let n = self.len as isize;
        // Elements at 0, |k|, …, (n-1)|k| of the backing store; reversed for k < 0.
        s![0..(n - 1).max(0) * k.abs() + 1;k]
    }

    pub fn view(&self) -> ArrayView1<'_, T> {
        if self.len == 0 {
            return self.backing.slice(s![0..0]);
        }
        self.backing.slice(self.slice_info())
    }

    pub fn view_mut(&mut self) -> ArrayViewMut1<'_, T> {
        if self.len == 0 {
            return self.backing.slice_mut(s![0..0]);
        }
        let info = self.slice_info();
        self.backing.slice_mut(info)
    }

    pub fn backing(&self) -> &Array1<T> {
        &self.backing
    }
}

/// `op(a)` computed naively.
pub fn op<T: Scalar>(a: &ArrayRef2<T>, t: Transpose) -> Array2<T> {
    match t {
        Transpose::NoTrans => a.to_owned(),
        Transpose::Trans => a.t().to_owned(),
        Transpose::ConjTrans => a.t().mapv(|v| v.conj()),
    }
}

/// Naive matrix product (no BLAS).
pub fn matmul<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Array2<T> {
    let (m, k) = a.dim();
    let n = b.ncols();
    assert_eq!(b.nrows(), k);
    Array2::from_shape_fn((m, n), |(i, j)| {
        let mut acc = T::zero();
        for p in 0..k {
            acc += a[[i, p]] * b[[p, j]];
        }
        acc
    })
}

/// Naive matrix-vector product.
pub fn matvec<T: Scalar>(a: &ArrayRef2<T>, x: &ArrayRef1<T>) -> Array1<T> {
    Array1::from_shape_fn(a.nrows(), |i| {
        let mut acc = T::zero();
        for j in 0..a.ncols() {
            acc += a[[i, j]] * x[j];
        }
        acc
    })
}

/// Largest |got − want| allowed: `c · n · ε · (1 + max|want|)`, with `n`
/// the length of the longest sum behind each element.
pub fn tolerance<T: Scalar>(n: usize, scale: f64, c: f64) -> f64 {
    let eps = lapis::RealScalar::to_f64_real(T::epsilon());
    c * (n.max(1) as f64) * eps * (1.0 + scale)
}

fn max_abs<T: Scalar>(it: impl Iterator<Item = T>) -> f64 {
    it.map(|v| lapis::RealScalar::to_f64_real(v.abs()))
        .fold(0.0, f64::max)
}

/// Asserts elementwise closeness within [`tolerance`].
#[track_caller]
pub fn assert_close2<T: Scalar>(got: &ArrayRef2<T>, want: &ArrayRef2<T>, n: usize, what: &str) {
    assert_eq!(got.dim(), want.dim(), "{what}: shape");
    let scale = max_abs(want.iter().copied());
    let tol = tolerance::<T>(n, scale, 8.0);
    for ((i, j), w) in want.indexed_iter() {
        let g = got[[i, j]];
        let d = lapis::RealScalar::to_f64_real((g - *w).abs());
        assert!(
            d <= tol || (g.is_finite() == w.is_finite() && !w.is_finite()),
            "{what}: element ({i}, {j}): got {g}, want {w}, |diff| {d:e} > tol {tol:e}"
        );
    }
}

/// Asserts elementwise closeness of vectors within [`tolerance`].
#[track_caller]
pub fn assert_close1<T: Scalar>(got: &ArrayRef1<T>, want: &ArrayRef1<T>, n: usize, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    let scale = max_abs(want.iter().copied());
    let tol = tolerance::<T>(n, scale, 8.0);
    for (i, w) in want.iter().enumerate() {
        let g = got[i];
        let d = lapis::RealScalar::to_f64_real((g - *w).abs());
        assert!(
            d <= tol,
            "{what}: element {i}: got {g}, want {w}, |diff| {d:e} > tol {tol:e}"
        );
    }
}

/// Asserts closeness of two scalars.
#[track_caller]
pub fn assert_close<T: Scalar>(got: T, want: T, n: usize, what: &str) {
    let tol = tolerance::<T>(n, lapis::RealScalar::to_f64_real(want.abs()), 8.0);
    let d = lapis::RealScalar::to_f64_real((got - want).abs());
    assert!(
        d <= tol,
        "{what}: got {got}, want {want}, |diff| {d:e} > tol {tol:e}"
    );
}

/// Generates one `#[test]` per element type from a generic `fn name<T: Scalar>()`.
#[macro_export]
macro_rules! all_dtypes {
    ($name:ident) => {
        mod $name {
            #[test]
            fn f32() {
                super::$name::<f32>();
            }
            #[test]
            fn f64() {
                super::$name::<f64>();
            }
            #[test]
            fn complex32() {
                super::$name::<lapis::Complex32>();
            }
            #[test]
            fn complex64() {
                super::$name::<lapis::Complex64>();
            }
        }
    };
}
