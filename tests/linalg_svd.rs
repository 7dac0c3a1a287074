//! SVD (`lapis::linalg::{svd, svdvals, svd_stacked, svdvals_stacked}`) on
//! all four element types and every matrix layout: reconstruction
//! `U·diag(s)·Vh = A`, unitary factors, descending non-negative values,
//! full and thin shapes of tall, wide and square matrices, known values,
//! NumPy's empty-matrix results, NaN handling, stacks against per-matrix
//! calls, and inputs left unchanged.

mod common;
use common::*;

use lapis::blas::Transpose;
use lapis::linalg::{svd, svd_stacked, svdvals, svdvals_stacked, without_finite_check};
use lapis::{Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, ArrayD, ArrayRef2, IxDyn, array, s};

const SHAPES: [(usize, usize); 10] = [
    (0, 0),
    (1, 1),
    (1, 6),
    (6, 1),
    (2, 2),
    (5, 5),
    (7, 4),
    (4, 7),
    (12, 12),
    (30, 20),
];

fn f64_of<R: RealScalar>(x: R) -> f64 {
    x.to_f64_real()
}

fn identity<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| if i == j { T::one() } else { T::zero() })
}

/// `U[:, :k]·diag(s)·Vh[:k, :]`.
fn reconstruct<T: Scalar>(u: &ArrayRef2<T>, s: &Array1<T::Real>, vh: &ArrayRef2<T>) -> Array2<T> {
    let k = s.len();
    let mut us = u.slice(s![.., ..k]).to_owned();
    for (mut col, &sv) in us.columns_mut().into_iter().zip(s.iter()) {
        col.mapv_inplace(|v| v * T::from_real(sv));
    }
    matmul(&us, &vh.slice(s![..k, ..]))
}

#[track_caller]
fn assert_svd<T: Scalar>(
    a: &ArrayRef2<T>,
    u: &Array2<T>,
    s: &Array1<T::Real>,
    vh: &Array2<T>,
    full: bool,
) {
    let (m, n) = a.dim();
    let k = m.min(n);
    assert_eq!(s.len(), k, "len(s)");
    if full {
        assert_eq!(u.dim(), (m, m), "U shape");
        assert_eq!(vh.dim(), (n, n), "Vh shape");
    } else {
        assert_eq!(u.dim(), (m, k), "U shape");
        assert_eq!(vh.dim(), (k, n), "Vh shape");
    }
    for i in 0..k {
        assert!(f64_of(s[i]) >= 0.0, "s[{i}] = {} < 0", s[i]);
        if i > 0 {
            assert!(s[i] <= s[i - 1], "s not descending at {i}: {s}");
        }
    }
    let dim = m.max(n).max(1);
    assert_close2(&reconstruct(u, s, vh), a, dim * 2, "U·diag(s)·Vh = A");
    let uhu = matmul(&op(u, Transpose::ConjTrans), u);
    assert_close2(&uhu, &identity::<T>(u.ncols()), dim * 2, "Uᴴ·U = I");
    let vvh = matmul(vh, &op(vh, Transpose::ConjTrans));
    assert_close2(&vvh, &identity::<T>(vh.nrows()), dim * 2, "Vh·Vhᴴ = I");
    if full {
        // Square unitary factors: also U·Uᴴ = I and Vhᴴ·Vh = I.
        assert_close2(
            &matmul(u, &op(u, Transpose::ConjTrans)),
            &identity::<T>(m),
            dim * 2,
            "U·Uᴴ = I",
        );
        assert_close2(
            &matmul(&op(vh, Transpose::ConjTrans), vh),
            &identity::<T>(n),
            dim * 2,
            "Vhᴴ·Vh = I",
        );
    }
}

fn reconstruction_all_layouts<T: Scalar>() {
    let mut rng = Rng::new(11);
    for &(m, n) in &SHAPES {
        let values = rng.matrix::<T>(m, n);
        for lay in Lay::ALL {
            let mat = Mat::new(&values, lay);
            let before = mat.backing().clone();
            for full in [true, false] {
                let (u, s, vh) = svd(&mat.view(), full).unwrap();
                assert_svd(&values.view(), &u, &s, &vh, full);
                let vals = svdvals(&mat.view()).unwrap();
                assert_close1(
                    &vals.mapv(T::from_real),
                    &s.mapv(T::from_real),
                    m.max(n).max(1) * 2,
                    "svdvals = svd's s",
                );
            }
            assert_eq!(mat.backing(), &before, "input modified ({m}×{n}, {lay:?})");
        }
    }
}
all_dtypes!(reconstruction_all_layouts);

/// Matrices whose singular values are known exactly.
fn known_values<T: Scalar>() {
    let r = |x: f64| <T::Real as RealScalar>::from_f64_real(x);
    let a: Array2<T> = array![[3.0, 0.0], [0.0, -4.0]].mapv(T::from_f64);
    let s = svdvals(&a).unwrap();
    assert_eq!(s.len(), 2);
    assert_close(T::from_real(s[0]), T::from_f64(4.0), 2, "s[0]");
    assert_close(T::from_real(s[1]), T::from_f64(3.0), 2, "s[1]");
    // A rank-one outer product x·yᴴ has the one non-zero value ‖x‖·‖y‖.
    let mut rng = Rng::new(5);
    let (x, y) = (rng.vector::<T>(6), rng.vector::<T>(4));
    let a = Array2::from_shape_fn((6, 4), |(i, j)| x[i] * y[j].conj());
    let nx: f64 = x.iter().map(|v| f64_of(v.abs_sqr())).sum::<f64>().sqrt();
    let ny: f64 = y.iter().map(|v| f64_of(v.abs_sqr())).sum::<f64>().sqrt();
    let s = svdvals(&a).unwrap();
    assert_close(T::from_real(s[0]), T::from_f64(nx * ny), 8, "rank-one s[0]");
    for &v in s.iter().skip(1) {
        assert!(
            f64_of(v) <= tolerance::<T>(8, nx * ny, 8.0),
            "rank-one: extra value {v}"
        );
    }
    // The zero matrix: all values zero; U and Vh still unitary.
    let z = Array2::<T>::zeros((3, 5));
    let (u, s, vh) = svd(&z, true).unwrap();
    assert!(s.iter().all(|&v| v == r(0.0)));
    assert_svd(&z.view(), &u, &s, &vh, true);
    // 1×1: |a|.
    let one = array![[T::from_parts(r(3.0), r(4.0))]];
    let want = if T::IS_COMPLEX { 5.0 } else { 3.0 };
    assert_close(
        T::from_real(svdvals(&one).unwrap()[0]),
        T::from_f64(want),
        1,
        "1×1",
    );
}
all_dtypes!(known_values);

/// Values spread over many orders of magnitude: a graded diagonal scrambled
/// by unitary factors keeps its values (relative to the largest).
fn graded_values<T: Scalar>() {
    let n = 12;
    let mut rng = Rng::new(99);
    let (q1, _, _) = svd(&rng.matrix::<T>(n, n), true).unwrap();
    let (q2, _, _) = svd(&rng.matrix::<T>(n, n), true).unwrap();
    let want: Vec<f64> = (0..n).map(|i| 10f64.powi(-(i as i32) / 2)).collect();
    let d = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            T::from_f64(want[i])
        } else {
            T::zero()
        }
    });
    let a = matmul(&matmul(&q1, &d), &q2);
    let s = svdvals(&a).unwrap();
    for i in 0..n {
        let tol = tolerance::<T>(n, 1.0, 16.0);
        assert!(
            (f64_of(s[i]) - want[i]).abs() <= tol,
            "s[{i}] = {}, want {}",
            s[i],
            want[i]
        );
    }
}
all_dtypes!(graded_values);

/// NumPy's results for empty matrices: no values; full matrices are
/// identities, thin ones empty.
fn empty_matrices<T: Scalar>() {
    let a = Array2::<T>::zeros((4, 0));
    let (u, s, vh) = svd(&a, true).unwrap();
    assert_eq!((u.dim(), s.len(), vh.dim()), ((4, 4), 0, (0, 0)));
    assert_eq!(u, identity::<T>(4));
    let (u, s, vh) = svd(&a, false).unwrap();
    assert_eq!((u.dim(), s.len(), vh.dim()), ((4, 0), 0, (0, 0)));
    let a = Array2::<T>::zeros((0, 3));
    let (u, s, vh) = svd(&a, true).unwrap();
    assert_eq!((u.dim(), s.len(), vh.dim()), ((0, 0), 0, (3, 3)));
    assert_eq!(vh, identity::<T>(3));
    let (u, s, vh) = svd(&a, false).unwrap();
    assert_eq!((u.dim(), s.len(), vh.dim()), ((0, 0), 0, (0, 3)));
    assert_eq!(svdvals(&Array2::<T>::zeros((0, 0))).unwrap().len(), 0);
    assert_eq!(svdvals(&Array2::<T>::zeros((5, 0))).unwrap().len(), 0);
}
all_dtypes!(empty_matrices);

fn non_finite_input<T: Scalar>() {
    let r = |x: f64| <T::Real as RealScalar>::from_f64_real(x);
    let mut a = Rng::new(3).matrix::<T>(4, 3);
    a[[2, 1]] = T::from_parts(r(f64::NAN), r(0.0));
    assert!(matches!(
        svd(&a, true),
        Err(Error::NonFinite {
            routine: "svd",
            what: "a"
        })
    ));
    assert!(matches!(
        svdvals(&a),
        Err(Error::NonFinite {
            routine: "svdvals",
            ..
        })
    ));
    a[[2, 1]] = T::from_f64(f64::INFINITY);
    assert!(matches!(svd(&a, false), Err(Error::NonFinite { .. })));
    // Without the check LAPACK runs: infinities give some result (or
    // NoConvergence), never an internal error or a panic; the input is
    // untouched.
    let before = a.clone();
    let res = without_finite_check(|| svd(&a, true));
    assert!(
        !matches!(res, Err(Error::LapackArgument { .. })),
        "{:?}",
        res.map(|r| r.1)
    );
    assert_eq!(a, before);
    // LAPACK itself rejects NaN: still reported as NonFinite.
    a[[2, 1]] = T::from_f64(f64::NAN);
    let res = without_finite_check(|| svdvals(&a));
    assert!(
        matches!(
            res,
            Err(Error::NonFinite {
                routine: "svdvals",
                ..
            })
        ),
        "{res:?}"
    );
}
all_dtypes!(non_finite_input);

fn stacked_matches_per_matrix<T: Scalar>() {
    let mut rng = Rng::new(21);
    for &(m, n) in &[(5usize, 3usize), (3, 5), (4, 4), (0, 2), (2, 0)] {
        let stack = ArrayD::from_shape_fn(IxDyn(&[2, 3, m, n]), |_| rng.scalar::<T>());
        for full in [true, false] {
            let (us, ss, vs) = svd_stacked(&stack, full).unwrap();
            let k = m.min(n);
            let (uc, vr) = if full { (m, n) } else { (k, k) };
            assert_eq!(us.shape(), &[2, 3, m, uc]);
            assert_eq!(ss.shape(), &[2, 3, k]);
            assert_eq!(vs.shape(), &[2, 3, vr, n]);
            let vals = svdvals_stacked(&stack).unwrap();
            assert_eq!(vals.shape(), &[2, 3, k]);
            for i in 0..2 {
                for j in 0..3 {
                    let a = stack.slice(s![i, j, .., ..]);
                    let (u, sv, vh) = svd(&a, full).unwrap();
                    assert_eq!(us.slice(s![i, j, .., ..]), u);
                    assert_eq!(ss.slice(s![i, j, ..]), sv);
                    assert_eq!(vs.slice(s![i, j, .., ..]), vh);
                    assert_eq!(vals.slice(s![i, j, ..]), svdvals(&a).unwrap());
                }
            }
        }
    }
    // An empty stack and a single matrix as a stack.
    let empty = ArrayD::<T>::zeros(IxDyn(&[0, 3, 2]));
    let (u, sv, vh) = svd_stacked(&empty, true).unwrap();
    assert_eq!(
        (u.shape(), sv.shape(), vh.shape()),
        (&[0, 3, 3][..], &[0, 2][..], &[0, 2, 2][..])
    );
    let one = rng.matrix::<T>(3, 2).into_dyn();
    assert_eq!(svdvals_stacked(&one).unwrap().shape(), &[2]);
    let vec = ArrayD::<T>::zeros(IxDyn(&[4]));
    assert!(matches!(
        svd_stacked(&vec, true),
        Err(Error::TooFewDimensions {
            routine: "svd",
            min: 2,
            ..
        })
    ));
    assert!(matches!(
        svdvals_stacked(&vec),
        Err(Error::TooFewDimensions { .. })
    ));
    // A NaN in one matrix of the stack fails the call.
    let mut bad = ArrayD::from_shape_fn(IxDyn(&[2, 2, 2]), |_| rng.scalar::<T>());
    bad[[1, 0, 1]] = T::from_f64(f64::NAN);
    assert!(matches!(
        svd_stacked(&bad, false),
        Err(Error::NonFinite { .. })
    ));
}
all_dtypes!(stacked_matches_per_matrix);

/// Ill-conditioned and structured inputs: the Hilbert matrix and the
/// Wilkinson matrix W21⁺ still reconstruct to working accuracy.
fn structured_matrices<T: Scalar>() {
    let n = 10;
    let hilbert = Array2::from_shape_fn((n, n), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64));
    let (u, s, vh) = svd(&hilbert, true).unwrap();
    assert_svd(&hilbert.view(), &u, &s, &vh, true);
    let w = 21;
    let wilk = Array2::from_shape_fn((w, w), |(i, j)| {
        if i == j {
            T::from_f64((i as f64 - 10.0).abs())
        } else if i.abs_diff(j) == 1 {
            T::one()
        } else {
            T::zero()
        }
    });
    let (u, s, vh) = svd(&wilk, false).unwrap();
    assert_svd(&wilk.view(), &u, &s, &vh, false);
    // W21⁺ is symmetric, so its singular values are |eigenvalues|; the
    // largest is 10.746194182903...
    assert!((f64_of(s[0]) - 10.746194182903393).abs() < tolerance::<T>(w, 10.0, 8.0));
}
all_dtypes!(structured_matrices);
