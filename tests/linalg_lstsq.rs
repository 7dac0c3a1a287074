//! Least squares and the pseudo-inverse (`lapis::linalg::{lstsq, pinv,
//! pinv_stacked}`) on all four element types and every layout:
//! overdetermined systems (normal equations, residuals against a direct
//! computation), underdetermined and rank-deficient ones (reported rank,
//! minimum-norm solution equal to `pinv(A)·b`), 1-D and 2-D right-hand
//! sides, the Moore–Penrose conditions, NumPy's empty-input results, typed
//! errors and inputs left unchanged.

mod common;
use common::*;

use lapis::blas::Transpose;
use lapis::linalg::{inv, lstsq, pinv, pinv_stacked, svdvals, without_finite_check};
use lapis::{Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, ArrayD, ArrayRef2, Ix1, Ix2, IxDyn, array, s};

fn f64_of<R: RealScalar>(x: R) -> f64 {
    x.to_f64_real()
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

/// A random `m × n` matrix of rank `r` (a product of `m × r` and `r × n`).
fn rank_r<T: Scalar>(rng: &mut Rng, m: usize, n: usize, r: usize) -> Array2<T> {
    matmul(&rng.matrix::<T>(m, r), &rng.matrix::<T>(r, n))
}

/// Aᴴ·(B − A·X): zero at a least-squares solution.
fn normal_residual<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>, x: &ArrayRef2<T>) -> Array2<T> {
    let r = Array2::from_shape_fn(b.dim(), |ij| b[ij]) - matmul(a, x);
    matmul(&op(a, Transpose::ConjTrans), &r)
}

/// Overdetermined full-rank systems, every layout of `A` and of `b`, 1-D and
/// 2-D `b`: the normal equations hold and the residuals are the squared
/// norms of `b − A·x`.
fn overdetermined<T: Scalar>() {
    let mut rng = Rng::new(7);
    for &(m, n, k) in &[(6usize, 3usize, 2usize), (20, 7, 3), (5, 1, 1), (3, 2, 4)] {
        let a = rng.matrix::<T>(m, n);
        let b = rng.matrix::<T>(m, k);
        for lay in Lay::ALL {
            let am = Mat::new(&a, lay);
            let bm = Mat::new(&b, lay);
            let (abefore, bbefore) = (am.backing().clone(), bm.backing().clone());
            let res = lstsq(&am.view(), &bm.view(), None).unwrap();
            assert_eq!(res.x.dim(), (n, k));
            assert_eq!(res.rank, n);
            let scale = 1.0 + f64_of(svdvals(&a).unwrap()[0]).powi(2);
            let nr = normal_residual(&a.view(), &b.view(), &res.x.view());
            assert!(
                nr.iter()
                    .all(|v| f64_of(v.abs()) <= tolerance::<T>(m * n, scale, 64.0)),
                "normal equations ({m}×{n}, {lay:?}): {nr}"
            );
            let direct = b.clone() - matmul(&a, &res.x);
            let want: Array1<T> = (0..k)
                .map(|j| {
                    T::from_real(
                        direct
                            .column(j)
                            .iter()
                            .fold(real::<T>(0.0), |acc, v| acc + v.abs_sqr()),
                    )
                })
                .collect();
            assert_close1(&res.residuals.mapv(T::from_real), &want, m * 4, "residuals");
            assert_close1(
                &res.singular_values.mapv(T::from_real),
                &svdvals(&a).unwrap().mapv(T::from_real),
                m * 2,
                "singular values",
            );
            // The 1-D form agrees with the first column.
            let col = bm.view().column(0).to_owned();
            let r1 = lstsq(&am.view(), &col, None).unwrap();
            assert_eq!(r1.x.dim(), n);
            assert_eq!(r1.residuals.len(), 1);
            assert_close1(&r1.x, &res.x.column(0).to_owned(), m * 16, "1-D x");
            assert_eq!(
                (am.backing(), bm.backing()),
                (&abefore, &bbefore),
                "inputs modified"
            );
        }
    }
}
all_dtypes!(overdetermined);

/// A consistent overdetermined system is solved exactly, with ~zero residuals.
fn consistent_system<T: Scalar>() {
    let mut rng = Rng::new(17);
    let a = rng.matrix::<T>(9, 4);
    let x = rng.matrix::<T>(4, 2);
    let b = matmul(&a, &x);
    let res = lstsq(&a, &b, None).unwrap();
    let cond = {
        let s = svdvals(&a).unwrap();
        f64_of(s[0]) / f64_of(s[3])
    };
    let tol = tolerance::<T>(9, 1.0, 16.0) * cond;
    for (g, w) in res.x.iter().zip(x.iter()) {
        assert!(f64_of((*g - *w).abs()) <= tol, "x: got {g}, want {w}");
    }
    assert!(
        res.residuals
            .iter()
            .all(|&r| f64_of(r) <= tol * tol * 100.0 + tol)
    );
}
all_dtypes!(consistent_system);

/// Underdetermined systems: `A·x = b` exactly, `x` is the minimum-norm
/// solution `pinv(A)·b`, and no residuals are reported (`m ≤ n`).
fn underdetermined<T: Scalar>() {
    let mut rng = Rng::new(8);
    for &(m, n) in &[(3usize, 7usize), (1, 4), (5, 5)] {
        let a = rng.matrix::<T>(m, n);
        let b = rng.matrix::<T>(m, 2);
        for lay in [Lay::C, Lay::F, Lay::Stepped, Lay::NegCols] {
            let am = Mat::new(&a, lay);
            let res = lstsq(&am.view(), &b, None).unwrap();
            assert_eq!(res.rank, m);
            assert_eq!(res.residuals.len(), 0, "residuals only for m > n");
            assert_close2(&matmul(&a, &res.x), &b, n * 16, "A·x = b");
            let want = matmul(&pinv(&am.view(), None).unwrap(), &b);
            assert_close2(&res.x, &want, n * 16, "x = pinv(A)·b");
        }
    }
}
all_dtypes!(underdetermined);

/// Rank-deficient systems: the rank is reported, no residuals are given
/// (rank < n), and the solution is the minimum-norm one, `pinv(A)·b`.
fn rank_deficient<T: Scalar>() {
    let mut rng = Rng::new(9);
    for &(m, n, r) in &[(8usize, 5usize, 3usize), (5, 8, 2), (6, 6, 1), (10, 4, 3)] {
        let a = rank_r::<T>(&mut rng, m, n, r);
        let b = rng.matrix::<T>(m, 3);
        for lay in [Lay::C, Lay::F, Lay::Transposed, Lay::NegRows] {
            let am = Mat::new(&a, lay);
            let res = lstsq(&am.view(), &b, None).unwrap();
            assert_eq!(res.rank, r, "rank of a {m}×{n} rank-{r} matrix");
            assert_eq!(res.residuals.len(), 0);
            let p = pinv(&am.view(), None).unwrap();
            assert_close2(&res.x, &matmul(&p, &b), m.max(n) * 64, "x = pinv(A)·b");
            // Still a least-squares solution: the normal equations hold.
            let nr = normal_residual(&a.view(), &b.view(), &res.x.view());
            let scale = f64_of(svdvals(&a).unwrap()[0]).powi(2);
            assert!(
                nr.iter()
                    .all(|v| f64_of(v.abs()) <= tolerance::<T>(m * n, scale, 64.0))
            );
        }
        // A generous rcond cuts more values: the zero matrix's rank is 0.
        let res = lstsq(&a, &b, Some(real::<T>(2.0))).unwrap();
        assert_eq!(res.rank, 0);
        assert!(res.x.iter().all(|v| *v == T::zero()));
    }
    let z = Array2::<T>::zeros((4, 3));
    let res = lstsq(&z, &array![1.0, 2.0, 3.0, 4.0].mapv(T::from_f64), None).unwrap();
    assert_eq!(res.rank, 0);
    assert!(res.x.iter().all(|v| *v == T::zero()));
}
all_dtypes!(rank_deficient);

/// NumPy's results for empty inputs.
fn empty_inputs<T: Scalar>() {
    // m = 0: zero solution, rank 0, no values, no residuals.
    let res = lstsq(
        &Array2::<T>::zeros((0, 3)),
        &Array2::<T>::zeros((0, 2)),
        None,
    )
    .unwrap();
    assert_eq!(
        (
            res.x.dim(),
            res.rank,
            res.singular_values.len(),
            res.residuals.len()
        ),
        ((3, 2), 0, 0, 0)
    );
    assert!(res.x.iter().all(|v| *v == T::zero()));
    // n = 0 < m: rank 0 = n, so the residuals are ‖b_j‖².
    let b = array![[1.0, 2.0], [3.0, 4.0]].mapv(T::from_f64);
    let res = lstsq(&Array2::<T>::zeros((2, 0)), &b, None).unwrap();
    assert_eq!(res.x.dim(), (0, 2));
    assert_eq!(res.residuals.mapv(f64_of), array![10.0, 20.0]);
    // k = 0: an (n, 0) solution, but the rank and values are computed.
    let a = array![[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]].mapv(T::from_f64);
    let res = lstsq(&a, &Array2::<T>::zeros((3, 0)), None).unwrap();
    assert_eq!((res.x.dim(), res.rank, res.residuals.len()), ((2, 0), 2, 0));
    assert_eq!(res.singular_values.mapv(f64_of), array![2.0, 1.0]);
    // 1-D b of length 0 with a 0 × 0 matrix.
    let res = lstsq(&Array2::<T>::zeros((0, 0)), &Array1::<T>::zeros(0), None).unwrap();
    assert_eq!((res.x.len(), res.rank), (0, 0));
}
all_dtypes!(empty_inputs);

fn errors<T: Scalar>() {
    let mut rng = Rng::new(4);
    let a = rng.matrix::<T>(4, 3);
    assert!(matches!(
        lstsq(&a, &rng.vector::<T>(3), None),
        Err(Error::ShapeMismatch {
            routine: "lstsq",
            what: "b",
            ..
        })
    ));
    assert!(matches!(
        lstsq(&a, &rng.matrix::<T>(5, 2), None),
        Err(Error::ShapeMismatch {
            routine: "lstsq",
            ..
        })
    ));
    let b3 = ArrayD::<T>::zeros(IxDyn(&[4, 1, 1]));
    assert!(matches!(
        lstsq(&a, &b3, None),
        Err(Error::ShapeMismatch { .. })
    ));
    let b = rng.vector::<T>(4);
    assert!(matches!(
        lstsq(&a, &b, Some(real::<T>(f64::NAN))),
        Err(Error::InvalidArgument { what: "rcond", .. })
    ));
    let mut bad = a.clone();
    bad[[0, 0]] = T::from_f64(f64::NAN);
    assert!(matches!(
        lstsq(&bad, &b, None),
        Err(Error::NonFinite { what: "a", .. })
    ));
    let mut badb = b.clone();
    badb[3] = T::from_f64(f64::INFINITY);
    assert!(matches!(
        lstsq(&a, &badb, None),
        Err(Error::NonFinite { what: "b", .. })
    ));
    // Without the check: no NonFinite, no panic, inputs untouched.
    let before = bad.clone();
    let r = without_finite_check(|| lstsq(&bad, &b, None));
    // LAPACK rejects NaN itself; that is still reported as NonFinite.
    assert!(
        matches!(
            r,
            Err(Error::NonFinite {
                routine: "lstsq",
                ..
            })
        ),
        "{r:?}"
    );
    assert_eq!(format!("{bad:?}"), format!("{before:?}"));
    let mut inf = a.clone();
    inf[[1, 1]] = T::from_f64(f64::INFINITY);
    let r = without_finite_check(|| lstsq(&inf, &b, None));
    assert!(!matches!(r, Err(Error::LapackArgument { .. })), "{r:?}");
    assert!(matches!(
        pinv(&bad, None),
        Err(Error::NonFinite {
            routine: "pinv",
            ..
        })
    ));
    assert!(matches!(
        pinv(&a, Some(real::<T>(-1.0))),
        Err(Error::InvalidArgument { what: "rtol", .. })
    ));
}
all_dtypes!(errors);

/// The four Moore–Penrose conditions, on tall, wide, square and
/// rank-deficient matrices in every layout.
fn pinv_penrose<T: Scalar>() {
    let mut rng = Rng::new(12);
    let cases: Vec<Array2<T>> = vec![
        rng.matrix(7, 4),
        rng.matrix(4, 7),
        rng.matrix(5, 5),
        rank_r(&mut rng, 6, 5, 2),
        rng.matrix(1, 1),
        Array2::zeros((3, 2)),
    ];
    for a in &cases {
        let (m, n) = a.dim();
        let tol_n = m.max(n) * 64;
        for lay in Lay::ALL {
            let am = Mat::new(a, lay);
            let before = am.backing().clone();
            let p = pinv(&am.view(), None).unwrap();
            assert_eq!(p.dim(), (n, m));
            let ap = matmul(a, &p);
            let pa = matmul(&p, a);
            assert_close2(&matmul(&ap, a), a, tol_n, "A·A⁺·A = A");
            assert_close2(&matmul(&pa, &p), &p, tol_n, "A⁺·A·A⁺ = A⁺");
            assert_close2(&op(&ap, Transpose::ConjTrans), &ap, tol_n, "(A·A⁺)ᴴ = A·A⁺");
            assert_close2(&op(&pa, Transpose::ConjTrans), &pa, tol_n, "(A⁺·A)ᴴ = A⁺·A");
            assert_eq!(am.backing(), &before, "input modified");
        }
    }
    // Invertible: pinv = inv.
    let a = rng.matrix::<T>(6, 6);
    assert_close2(
        &pinv(&a, None).unwrap(),
        &inv(&a).unwrap(),
        6 * 64,
        "pinv = inv",
    );
    // rtol cuts: with rtol ≥ 1 everything is cut.
    assert!(
        pinv(&a, Some(real::<T>(1.0)))
            .unwrap()
            .iter()
            .all(|v| *v == T::zero())
    );
    // Known value: pinv of a column vector v is vᴴ/‖v‖².
    let v = array![[3.0], [4.0]].mapv(T::from_f64);
    let want = array![[3.0 / 25.0, 4.0 / 25.0]].mapv(T::from_f64);
    assert_close2(&pinv(&v, None).unwrap(), &want, 4, "pinv of a column");
    // Empty: an empty n × m result.
    assert_eq!(
        pinv(&Array2::<T>::zeros((0, 3)), None).unwrap().dim(),
        (3, 0)
    );
    assert_eq!(
        pinv(&Array2::<T>::zeros((2, 0)), None).unwrap().dim(),
        (0, 2)
    );
}
all_dtypes!(pinv_penrose);

/// The default rtol (NumPy 2's max(m, n)·eps) cuts values at rounding
/// level, and an explicit small rtol keeps them.
fn pinv_default_tolerance<T: Scalar>() {
    // diag(1, δ) with δ just below and above max(m, n)·eps.
    let eps = f64_of(T::epsilon());
    let tiny = 0.5 * 2.0 * eps;
    let a = array![[1.0, 0.0], [0.0, tiny]].mapv(T::from_f64);
    let p = pinv(&a, None).unwrap();
    assert_eq!(
        p[[1, 1]],
        T::zero(),
        "a value below the default cutoff is cut"
    );
    let p = pinv(&a, Some(real::<T>(0.1 * eps))).unwrap();
    assert_close(
        p[[1, 1]],
        T::from_f64(1.0 / tiny),
        2,
        "kept with a smaller rtol",
    );
    let big = 8.0 * eps;
    let a = array![[1.0, 0.0], [0.0, big]].mapv(T::from_f64);
    assert_close(
        pinv(&a, None).unwrap()[[1, 1]],
        T::from_f64(1.0 / big),
        2,
        "kept",
    );
}
all_dtypes!(pinv_default_tolerance);

fn pinv_stacked_matches<T: Scalar>() {
    let mut rng = Rng::new(31);
    let stack = ArrayD::from_shape_fn(IxDyn(&[3, 2, 4, 3]), |_| rng.scalar::<T>());
    let out = pinv_stacked(&stack, None).unwrap();
    assert_eq!(out.shape(), &[3, 2, 3, 4]);
    for i in 0..3 {
        for j in 0..2 {
            let want = pinv(&stack.slice(s![i, j, .., ..]), None).unwrap();
            assert_eq!(out.slice(s![i, j, .., ..]), want);
        }
    }
    let empty = ArrayD::<T>::zeros(IxDyn(&[2, 0, 3]));
    assert_eq!(pinv_stacked(&empty, None).unwrap().shape(), &[2, 3, 0]);
    assert!(matches!(
        pinv_stacked(&ArrayD::<T>::zeros(IxDyn(&[3])), None),
        Err(Error::TooFewDimensions {
            routine: "pinv",
            ..
        })
    ));
}
all_dtypes!(pinv_stacked_matches);

/// The typed dimension of the solution follows `b`'s.
#[test]
fn solution_dimension_follows_b() {
    let a = array![[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
    let b1 = array![1.0, 2.0, 2.0];
    let r: lapis::linalg::Lstsq<f64, Ix1> = lstsq(&a, &b1, None).unwrap();
    // Fit of y = c0 + c1·t to (1, 1), (2, 2), (3, 2): c = (2/3, 1/2).
    assert!((r.x[0] - 2.0 / 3.0).abs() < 1e-14 && (r.x[1] - 0.5).abs() < 1e-14);
    assert!((r.residuals[0] - 1.0 / 6.0).abs() < 1e-14);
    let b2 = b1.clone().insert_axis(ndarray::Axis(1));
    let r2: lapis::linalg::Lstsq<f64, Ix2> = lstsq(&a, &b2, None).unwrap();
    assert_eq!(r2.x.dim(), (2, 1));
    assert_eq!(r2.rank, 2);
}
