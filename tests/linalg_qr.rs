//! QR (`qr`, `qr_stacked`) in every NumPy mode on all four element types
//! and every input layout: shapes, reconstruction `A = Q·R`, `Qᴴ·Q = I`
//! (and `Q·Qᴴ = I` for the complete square `Q`), exact upper-triangular
//! `R` with a real diagonal, rank-deficient and known matrices, empty
//! shapes, NaN handling, stacks against per-matrix calls, and inputs left
//! unchanged.

mod common;
use common::*;

use lapis::blas::Transpose;
use lapis::linalg::{QrMode, qr, qr_stacked, without_finite_check};
use lapis::{Error, RealScalar, Scalar};
use ndarray::{Array2, ArrayD, ArrayRef2, IxDyn, array, s};

const SHAPES: [(usize, usize); 14] = [
    (0, 0),
    (0, 3),
    (3, 0),
    (1, 1),
    (1, 4),
    (4, 1),
    (2, 2),
    (3, 5),
    (5, 3),
    (8, 8),
    (17, 9),
    (9, 17),
    (33, 20),
    (20, 33),
];
const MODES: [QrMode; 3] = [QrMode::Reduced, QrMode::Complete, QrMode::R];

fn f64_of<T: Scalar>(x: T::Real) -> f64 {
    x.to_f64_real()
}

fn max_abs<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.iter().map(|v| f64_of::<T>(v.abs())).fold(0.0, f64::max)
}

/// Expected `(Q columns, R rows)` for an `m × n` input.
fn dims(mode: QrMode, m: usize, n: usize) -> (usize, usize) {
    let k = m.min(n);
    match mode {
        QrMode::Reduced => (k, k),
        QrMode::Complete => (m, m),
        QrMode::R => (0, k),
    }
}

/// `max|A − B| ≤ c·n·ε·scale`.
#[track_caller]
fn assert_small<T: Scalar>(d: &ArrayRef2<T>, n: usize, scale: f64, what: &str) {
    let eps = f64_of::<T>(T::epsilon());
    let err = max_abs(d);
    let tol = 8.0 * n.max(1) as f64 * eps * scale.max(1.0);
    assert!(err <= tol, "{what}: error {err:e} > {tol:e}");
}

fn diff<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Array2<T> {
    let mut d = a.to_owned();
    d.zip_mut_with(b, |x, y| *x -= *y);
    d
}

/// Checks the factors of `a` in `mode`.
#[track_caller]
fn check_qr<T: Scalar>(
    a: &ArrayRef2<T>,
    mode: QrMode,
    q: &Option<Array2<T>>,
    r: &Array2<T>,
    what: &str,
) {
    let (m, n) = a.dim();
    let (qcols, rrows) = dims(mode, m, n);
    assert_eq!(r.dim(), (rrows, n), "{what}: R shape");
    assert!(r.t().is_standard_layout(), "{what}: R in Fortran order");
    for ((i, j), v) in r.indexed_iter() {
        if i > j {
            assert!(
                *v == T::zero(),
                "{what}: R[{i}, {j}] = {v} below the diagonal"
            );
        }
        if i == j {
            assert!(
                f64_of::<T>(v.im()) == 0.0,
                "{what}: R[{i}, {i}] = {v} not real"
            );
        }
    }
    let Some(q) = q else {
        assert_eq!(mode, QrMode::R, "{what}: Q missing");
        return;
    };
    assert_ne!(mode, QrMode::R, "{what}: Q formed in R mode");
    assert_eq!(q.dim(), (m, qcols), "{what}: Q shape");
    assert!(q.t().is_standard_layout(), "{what}: Q in Fortran order");
    let qh = op(q, Transpose::ConjTrans);
    let id = Array2::<T>::eye(qcols);
    assert_small(
        &diff(&matmul(&qh, q), &id),
        m,
        1.0,
        &format!("{what}: QᴴQ = I"),
    );
    if mode == QrMode::Complete {
        assert_small(
            &diff(&matmul(q, &qh), &Array2::eye(m)),
            m,
            1.0,
            &format!("{what}: QQᴴ = I"),
        );
    }
    let rec = matmul(q, r);
    assert_small(
        &diff(&rec, a),
        m.max(n),
        max_abs(a),
        &format!("{what}: QR = A"),
    );
}

fn qr_every_shape_and_layout<T: Scalar>() {
    let mut rng = Rng::new(51);
    for (m, n) in SHAPES {
        let a: Array2<T> = rng.matrix(m, n);
        let mut reduced_r = None;
        let mut reduced_q = None;
        for mode in MODES {
            let (q, r) = qr(&a, mode).unwrap();
            let what = format!("{m}×{n} {mode:?}");
            check_qr(&a, mode, &q, &r, &what);
            // Every layout gives the same factors (one Fortran copy of the
            // same values), and leaves its input as it was.
            for lay in Lay::ALL {
                let mat = Mat::new(&a, lay);
                let before = mat.backing().clone();
                let (q2, r2) = qr(&mat.view(), mode).unwrap();
                assert_eq!(r2, r, "{what} {lay:?}: R");
                assert_eq!(q2, q, "{what} {lay:?}: Q");
                assert_eq!(*mat.backing(), before, "{what} {lay:?}: input modified");
            }
            // The modes agree with each other.
            let k = m.min(n);
            match mode {
                QrMode::Reduced => {
                    reduced_r = Some(r);
                    reduced_q = q;
                }
                QrMode::Complete => {
                    let rr = reduced_r.as_ref().unwrap();
                    assert_eq!(r.slice(s![..k, ..]), rr, "{what}: R's first k rows");
                    assert!(r.slice(s![k.., ..]).iter().all(|v| *v == T::zero()));
                    let q = q.unwrap();
                    let rq = reduced_q.as_ref().unwrap();
                    assert_small(
                        &diff(&q.slice(s![.., ..k]), rq),
                        m,
                        1.0,
                        &format!("{what}: Q's first k columns"),
                    );
                }
                QrMode::R => assert_eq!(&r, reduced_r.as_ref().unwrap(), "{what}: R mode"),
            }
        }
    }
}
all_dtypes!(qr_every_shape_and_layout);

fn qr_known_and_special<T: Scalar>() {
    // [3; 4] = Q·R with |R| = 5 (LAPACK's sign convention makes it −5).
    let a = array![[3.0], [4.0]].mapv(T::from_f64);
    let (q, r) = qr(&a, QrMode::Reduced).unwrap();
    assert_close(T::from_real(r[[0, 0]].abs()), T::from_f64(5.0), 2, "|R₀₀|");
    let q = q.unwrap();
    assert_close2(
        &q.mapv(|v| v * r[[0, 0]] / T::from_f64(5.0)),
        &array![[0.6], [0.8]].mapv(T::from_f64),
        2,
        "Q",
    );
    // The identity: R = ±I.
    let id = Array2::<T>::eye(5);
    let (q, r) = qr(&id, QrMode::Complete).unwrap();
    check_qr(&id, QrMode::Complete, &q, &r, "identity");
    assert!(r.diag().iter().all(|v| f64_of::<T>(v.abs()) == 1.0));
    // Hilbert and a rank-deficient matrix (two equal columns, a zero
    // column): still a QR, with R's diagonal ≈ 0 where the rank drops.
    let h = Array2::from_shape_fn((7, 5), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64));
    let (q, r) = qr(&h, QrMode::Reduced).unwrap();
    check_qr(&h, QrMode::Reduced, &q, &r, "Hilbert");
    let mut rng = Rng::new(52);
    let mut d: Array2<T> = rng.matrix(6, 4);
    let c0 = d.column(0).to_owned();
    d.column_mut(2).assign(&c0);
    d.column_mut(3).fill(T::zero());
    for mode in MODES {
        let (q, r) = qr(&d, mode).unwrap();
        check_qr(&d, mode, &q, &r, &format!("rank-deficient {mode:?}"));
        let tol = 40.0 * f64_of::<T>(T::epsilon());
        assert!(
            f64_of::<T>(r[[2, 2]].abs()) < tol && r[[3, 3]] == T::zero(),
            "{mode:?}: {r}"
        );
    }
    // Empty inputs: Complete gives the identity Q.
    let (q, r) = qr(&Array2::<T>::zeros((3, 0)), QrMode::Complete).unwrap();
    assert_eq!(q.unwrap(), Array2::eye(3));
    assert_eq!(r.dim(), (3, 0));
    let (q, r) = qr(&Array2::<T>::zeros((3, 0)), QrMode::Reduced).unwrap();
    assert_eq!((q.unwrap().dim(), r.dim()), ((3, 0), (0, 0)));
    let (q, r) = qr(&Array2::<T>::zeros((0, 4)), QrMode::Complete).unwrap();
    assert_eq!((q.unwrap().dim(), r.dim()), ((0, 0), (0, 4)));
    assert_eq!(QrMode::default(), QrMode::Reduced);
}
all_dtypes!(qr_known_and_special);

fn qr_non_finite<T: Scalar>() {
    let mut rng = Rng::new(53);
    let mut a: Array2<T> = rng.matrix(5, 3);
    a[[4, 1]] = T::from_f64(f64::NAN);
    for mode in MODES {
        assert_eq!(
            qr(&a, mode).unwrap_err(),
            Error::NonFinite {
                routine: "qr",
                what: "a"
            }
        );
        // Without the check LAPACK runs on the NaN: no error, no crash.
        let (_, r) = without_finite_check(|| qr(&a, mode)).unwrap();
        assert!(r.iter().any(|v| !v.is_finite()));
    }
    a[[4, 1]] = T::from_f64(f64::INFINITY);
    let st = a.clone().into_dyn().insert_axis(ndarray::Axis(0));
    assert!(matches!(
        qr_stacked(&st, QrMode::R),
        Err(Error::NonFinite { .. })
    ));
}
all_dtypes!(qr_non_finite);

fn qr_stacks<T: Scalar>() {
    let mut rng = Rng::new(54);
    for (m, n) in [(5, 3), (3, 5), (4, 4), (0, 2), (3, 0)] {
        let a = ArrayD::from_shape_fn(IxDyn(&[2, 3, m, n]), |_| rng.scalar::<T>());
        for mode in MODES {
            let (qcols, rrows) = dims(mode, m, n);
            let (q, r) = qr_stacked(&a, mode).unwrap();
            assert_eq!(r.shape(), &[2, 3, rrows, n]);
            assert_eq!(q.is_some(), mode != QrMode::R);
            for i in 0..2 {
                for j in 0..3 {
                    let (qi, ri) = qr(&a.slice(s![i, j, .., ..]), mode).unwrap();
                    assert_eq!(
                        r.slice(s![i, j, .., ..]),
                        ri,
                        "{m}×{n} {mode:?} [{i}, {j}]: R"
                    );
                    if let (Some(q), Some(qi)) = (&q, qi) {
                        assert_eq!(q.shape(), &[2, 3, m, qcols]);
                        assert_eq!(
                            q.slice(s![i, j, .., ..]),
                            qi,
                            "{m}×{n} {mode:?} [{i}, {j}]: Q"
                        );
                    }
                }
            }
            // Permuted (non-contiguous) stack axes.
            let p = a.view().permuted_axes(IxDyn(&[1, 0, 2, 3]));
            let (_, rp) = qr_stacked(&p, mode).unwrap();
            assert_eq!(
                rp.slice(s![2, 1, .., ..]),
                qr(&a.slice(s![1, 2, .., ..]), mode).unwrap().1
            );
        }
    }
    let empty = ArrayD::<T>::zeros(IxDyn(&[0, 4, 3]));
    let (q, r) = qr_stacked(&empty, QrMode::Complete).unwrap();
    assert_eq!(
        (q.unwrap().shape(), r.shape()),
        (&[0, 4, 4][..], &[0, 4, 3][..])
    );
    let flat = ArrayD::<T>::zeros(IxDyn(&[4]));
    assert!(matches!(
        qr_stacked(&flat, QrMode::Reduced),
        Err(Error::TooFewDimensions { min: 2, .. })
    ));
}
all_dtypes!(qr_stacks);
