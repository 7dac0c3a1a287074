//! General eigenproblems (`lapis::linalg::{eig, eigvals, eig_left_right}`
//! and their `_stacked` forms) on all four element types and every input
//! layout: residuals `‖A·v − w·v‖` and `‖vlᴴ·A − w·vlᴴ‖` computed in f64,
//! unit-norm eigenvectors, conjugate pairing for real input, known spectra
//! (rotation, triangular, companion matrices), a defective Jordan block,
//! stacks against per-matrix calls, 0 × 0 and 1 × 1, the error cases, and
//! inputs left unchanged.

mod common;
use common::*;

use lapis::linalg::{
    eig, eig_left_right, eig_left_right_stacked, eig_stacked, eigvals, eigvals_stacked,
    without_finite_check,
};
use lapis::{Complex64, Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, Array4, ArrayD, ArrayRef1, ArrayRef2, Axis, IxDyn, array, s};
use num_complex::Complex;

const ORDERS: [usize; 8] = [0, 1, 2, 3, 4, 7, 12, 30];

type C<T> = Complex<<T as lapis::Scalar>::Real>;

fn eps<T: Scalar>() -> f64 {
    T::epsilon().to_f64_real()
}

fn wide<T: Scalar>(x: T) -> Complex64 {
    Complex64::new(x.re().to_f64_real(), x.im().to_f64_real())
}

fn widec<R: RealScalar>(z: Complex<R>) -> Complex64 {
    Complex64::new(z.re.to_f64_real(), z.im.to_f64_real())
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

fn fro<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.iter().map(|v| wide(*v).norm_sqr()).sum::<f64>().sqrt()
}

fn col_norm<R: RealScalar>(v: &ArrayRef2<Complex<R>>, j: usize) -> f64 {
    v.column(j)
        .iter()
        .map(|z| widec(*z).norm_sqr())
        .sum::<f64>()
        .sqrt()
}

/// Residual tolerance: `c · n · ε · ‖A‖_F` (backward stability of the QR
/// algorithm), with a floor for the zero matrix.
fn tol<T: Scalar>(n: usize, norm_a: f64) -> f64 {
    50.0 * n.max(1) as f64 * eps::<T>() * norm_a.max(1.0)
}

/// Checks `A·v_j = w_j·v_j` and `‖v_j‖ = 1` for every column.
#[track_caller]
fn check_right<T: Scalar>(a: &ArrayRef2<T>, w: &ArrayRef1<C<T>>, v: &ArrayRef2<C<T>>, what: &str) {
    let n = a.nrows();
    assert_eq!(w.len(), n, "{what}: w length");
    assert_eq!(v.dim(), (n, n), "{what}: v shape");
    let t = tol::<T>(n, fro(a));
    for j in 0..n {
        let wj = widec(w[j]);
        let r: f64 = (0..n)
            .map(|i| {
                let av: Complex64 = (0..n).map(|p| wide(a[[i, p]]) * widec(v[[p, j]])).sum();
                (av - wj * widec(v[[i, j]])).norm_sqr()
            })
            .sum::<f64>()
            .sqrt();
        assert!(
            r <= t,
            "{what}: right residual of column {j}: {r:e} > {t:e}"
        );
        let nv = col_norm(v, j);
        assert!(
            (nv - 1.0).abs() <= 10.0 * n as f64 * eps::<T>(),
            "{what}: ‖v[:, {j}]‖ = {nv}"
        );
    }
}

/// Checks `vl_jᴴ·A = w_j·vl_jᴴ` and `‖vl_j‖ = 1` for every column.
#[track_caller]
fn check_left<T: Scalar>(a: &ArrayRef2<T>, w: &ArrayRef1<C<T>>, vl: &ArrayRef2<C<T>>, what: &str) {
    let n = a.nrows();
    assert_eq!(vl.dim(), (n, n), "{what}: vl shape");
    let t = tol::<T>(n, fro(a));
    for j in 0..n {
        let wj = widec(w[j]);
        let r: f64 = (0..n)
            .map(|k| {
                let ua: Complex64 = (0..n)
                    .map(|p| widec(vl[[p, j]]).conj() * wide(a[[p, k]]))
                    .sum();
                (ua - wj * widec(vl[[k, j]]).conj()).norm_sqr()
            })
            .sum::<f64>()
            .sqrt();
        assert!(r <= t, "{what}: left residual of column {j}: {r:e} > {t:e}");
        let nv = col_norm(vl, j);
        assert!(
            (nv - 1.0).abs() <= 10.0 * n as f64 * eps::<T>(),
            "{what}: ‖vl[:, {j}]‖ = {nv}"
        );
    }
}

/// For real input: complex eigenvalues come in consecutive conjugate
/// pairs (positive imaginary part first) with conjugate eigenvectors.
#[track_caller]
fn check_pairs<T: Scalar>(w: &ArrayRef1<C<T>>, v: &ArrayRef2<C<T>>, what: &str) {
    if T::IS_COMPLEX {
        return;
    }
    let n = w.len();
    let mut j = 0;
    while j < n {
        if w[j].im != real::<T>(0.0) {
            assert!(j + 1 < n, "{what}: unpaired complex eigenvalue at {j}");
            assert!(
                w[j].im > real::<T>(0.0),
                "{what}: pair at {j} starts with negative imaginary part"
            );
            assert_eq!(
                w[j + 1],
                w[j].conj(),
                "{what}: w[{}] is not conj(w[{j}])",
                j + 1
            );
            for i in 0..n {
                assert_eq!(
                    v[[i, j + 1]],
                    v[[i, j]].conj(),
                    "{what}: v[{i}, {}] not conjugate",
                    j + 1
                );
            }
            j += 2;
        } else {
            j += 1;
        }
    }
}

/// Asserts two eigenvalue lists agree as multisets (greedy nearest match).
#[track_caller]
fn assert_same_spectrum(got: &[Complex64], want: &[Complex64], t: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: count");
    let mut used = vec![false; got.len()];
    for w in want {
        let (k, d) = got
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(k, g)| (k, (g - w).norm()))
            .fold(
                (usize::MAX, f64::INFINITY),
                |b, x| if x.1 < b.1 { x } else { b },
            );
        assert!(
            d <= t,
            "{what}: eigenvalue {w} not found (nearest at distance {d:e} > {t:e}); got {got:?}"
        );
        used[k] = true;
    }
}

fn widen_all<R: RealScalar>(w: &ArrayRef1<Complex<R>>) -> Vec<Complex64> {
    w.iter().map(|z| widec(*z)).collect()
}

// ---------------------------------------------------------------------------

/// Random matrices of every order and layout: residuals, normalization,
/// pairing, agreement with eigvals and with the C-layout result, input unchanged.
fn random_residuals<T: Scalar>() {
    let mut rng = Rng::new(11);
    for n in ORDERS {
        let a0 = rng.matrix::<T>(n, n);
        let (w0, v0) = eig(&a0).unwrap();
        for lay in Lay::ALL {
            let what = format!("{:?} n={n} {lay:?}", T::DTYPE);
            let m = Mat::new(&a0, lay);
            let before = m.backing().clone();
            let (w, v) = eig(&m.view()).unwrap();
            check_right(&a0, &w, &v, &what);
            check_pairs::<T>(&w, &v, &what);
            // The same Fortran-order copy reaches LAPACK whatever the layout,
            // so the results are bitwise equal (on MKL only with
            // MKL_CBWR=AUTO,STRICT, which the Makefile sets for its tests:
            // otherwise MKL's results depend on the buffer's alignment).
            assert_eq!(w, w0, "{what}: w differs from the C-layout result");
            assert_eq!(v, v0, "{what}: v differs from the C-layout result");
            let wv = eigvals(&m.view()).unwrap();
            assert_same_spectrum(
                &widen_all(&wv),
                &widen_all(&w),
                1e3 * n as f64 * eps::<T>() * (1.0 + fro(&a0)),
                &what,
            );
            let (wl, vl, vr) = eig_left_right(&m.view()).unwrap();
            check_right(&a0, &wl, &vr, &what);
            check_left(&a0, &wl, &vl, &what);
            check_pairs::<T>(&wl, &vl, &what);
            check_pairs::<T>(&wl, &vr, &what);
            assert_eq!(m.backing(), &before, "{what}: input modified");
            if n > 0 {
                assert!(
                    v.t().is_standard_layout(),
                    "{what}: v is not in Fortran order"
                );
            }
        }
    }
}
all_dtypes!(random_residuals);

/// Real input with many complex eigenvalues: the pairs and their vectors.
fn real_matrix_complex_pairs<T: Scalar>() {
    let mut rng = Rng::new(5);
    let mut pairs_seen = 0;
    for n in [2, 5, 9, 16] {
        // Skew-dominated matrices have mostly complex spectra.
        let b = rng.matrix::<T>(n, n);
        let a = Array2::from_shape_fn((n, n), |(i, j)| {
            b[[i, j]] - b[[j, i]].conj() + b[[i, j]] * T::from_f64(0.1)
        });
        let (w, v) = eig(&a).unwrap();
        check_right(&a, &w, &v, "skew-dominated");
        check_pairs::<T>(&w, &v, "skew-dominated");
        pairs_seen += w.iter().filter(|z| z.im > real::<T>(0.0)).count();
    }
    assert!(
        pairs_seen > 4,
        "the test matrices should have complex eigenvalues"
    );
}
all_dtypes!(real_matrix_complex_pairs);

/// The rotation by 90°: eigenvalues ±i, eigenvectors (1, ∓i)/√2 up to phase.
fn rotation_matrix<T: Scalar>() {
    let a: Array2<T> = array![[T::zero(), -T::one()], [T::one(), T::zero()]];
    let (w, v) = eig(&a).unwrap();
    check_right(&a, &w, &v, "rotation");
    check_pairs::<T>(&w, &v, "rotation");
    let t = 10.0 * eps::<T>();
    assert_same_spectrum(
        &widen_all(&w),
        &[Complex64::i(), -Complex64::i()],
        t,
        "rotation",
    );
    if !T::IS_COMPLEX {
        assert_eq!(w[0].im, real::<T>(1.0), "positive imaginary part first");
    }
    for j in 0..2 {
        // Row 0 of A·v = λ·v says v_1 = -λ·v_0, so v = (1, -λ)/√2 · phase.
        let (v0, v1) = (widec(v[[0, j]]), widec(v[[1, j]]));
        assert!((v0.norm() - 0.5f64.sqrt()).abs() <= t, "v = ({v0}, {v1})");
        assert!(
            (v1 + widec(w[j]) * v0).norm() <= t,
            "v = ({v0}, {v1}), w = {}",
            w[j]
        );
    }
    let (wl, vl, vr) = eig_left_right(&a).unwrap();
    check_left(&a, &wl, &vl, "rotation");
    check_right(&a, &wl, &vr, "rotation");
}
all_dtypes!(rotation_matrix);

/// Triangular matrices: the eigenvalues are the diagonal.
fn triangular_known_eigenvalues<T: Scalar>() {
    let mut rng = Rng::new(3);
    for n in [1, 2, 5, 10] {
        let diag: Vec<T> = (0..n)
            .map(|i| {
                T::from_parts(
                    real::<T>(i as f64 + 1.0),
                    real::<T>(if T::IS_COMPLEX { 0.5 * i as f64 } else { 0.0 }),
                )
            })
            .collect();
        for upper in [true, false] {
            let r = rng.matrix::<T>(n, n);
            let a = Array2::from_shape_fn((n, n), |(i, j)| {
                if i == j {
                    diag[i]
                } else if (j > i) == upper {
                    r[[i, j]]
                } else {
                    T::zero()
                }
            });
            let w = eigvals(&a).unwrap();
            let want: Vec<Complex64> = diag.iter().map(|d| wide(*d)).collect();
            let t = 100.0 * n as f64 * eps::<T>() * (1.0 + fro(&a));
            assert_same_spectrum(&widen_all(&w), &want, t, "triangular");
            let (w2, v) = eig(&a).unwrap();
            check_right(&a, &w2, &v, "triangular");
            assert!(w2.iter().all(|z| z.im == real::<T>(0.0)) || T::IS_COMPLEX);
        }
    }
    // A diagonal matrix: exact eigenvalues, unit-vector eigenvectors.
    let a = Array2::from_diag(&Array1::from(vec![
        T::from_f64(3.0),
        T::from_f64(-1.0),
        T::from_f64(2.0),
    ]));
    let (w, v) = eig(&a).unwrap();
    assert_eq!(
        widen_all(&w),
        vec![
            Complex64::new(3.0, 0.0),
            Complex64::new(-1.0, 0.0),
            Complex64::new(2.0, 0.0)
        ]
    );
    for j in 0..3 {
        for i in 0..3 {
            let want = if i == j { 1.0 } else { 0.0 };
            assert_eq!(widec(v[[i, j]]).norm(), want);
        }
    }
}
all_dtypes!(triangular_known_eigenvalues);

/// Companion matrix of (x² + 1)(x − 2)(x + 3)(x − 0.5): roots ±i, 2, −3, 0.5.
fn companion_matrix<T: Scalar>() {
    // Coefficients of the monic polynomial, highest degree first
    // (excluding the leading 1): x⁵ + 0.5x⁴ − 6.5x³ + 3.5x² − 7.5x + 3.
    let roots = [
        Complex64::i(),
        -Complex64::i(),
        Complex64::new(2.0, 0.0),
        Complex64::new(-3.0, 0.0),
        Complex64::new(0.5, 0.0),
    ];
    let mut coef = vec![Complex64::new(1.0, 0.0)];
    for r in roots {
        let mut next = vec![Complex64::new(0.0, 0.0); coef.len() + 1];
        for (k, c) in coef.iter().enumerate() {
            next[k] += c;
            next[k + 1] -= c * r;
        }
        coef = next;
    }
    let n = roots.len();
    let a = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == 0 {
            T::from_f64(-coef[j + 1].re)
        } else if i == j + 1 {
            T::one()
        } else {
            T::zero()
        }
    });
    let (w, v) = eig(&a).unwrap();
    check_right(&a, &w, &v, "companion");
    check_pairs::<T>(&w, &v, "companion");
    let t = 1e3 * eps::<T>() * fro(&a);
    assert_same_spectrum(&widen_all(&w), &roots, t, "companion");
    let (wl, vl, _) = eig_left_right(&a).unwrap();
    check_left(&a, &wl, &vl, "companion");
}
all_dtypes!(companion_matrix);

/// Left and right eigenvectors of a matrix with well-separated eigenvalues
/// are biorthogonal: `vl_iᴴ·vr_j = 0` for `i ≠ j`.
fn left_right_biorthogonal<T: Scalar>() {
    let mut rng = Rng::new(17);
    let n = 6;
    let r = rng.matrix::<T>(n, n);
    let a = Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            T::from_f64(3.0 * i as f64 + 1.0)
        } else {
            r[[i, j]] * T::from_f64(0.3)
        }
    });
    let (w, vl, vr) = eig_left_right(&a).unwrap();
    check_left(&a, &w, &vl, "biorthogonal");
    check_right(&a, &w, &vr, "biorthogonal");
    for i in 0..n {
        for j in 0..n {
            let d: Complex64 = (0..n)
                .map(|p| widec(vl[[p, i]]).conj() * widec(vr[[p, j]]))
                .sum();
            if i == j {
                assert!(d.norm() > 0.1, "vl_{i}ᴴ·vr_{i} = {d} too small");
            } else {
                assert!(d.norm() <= 1e3 * eps::<T>(), "vl_{i}ᴴ·vr_{j} = {d}");
            }
        }
    }
    // The right eigenvectors agree with eig's up to LAPACK's normalization,
    // which is the same: compare directly.
    let (w2, v2) = eig(&a).unwrap();
    assert_same_spectrum(
        &widen_all(&w2),
        &widen_all(&w),
        1e3 * eps::<T>(),
        "eig vs eig_left_right",
    );
    for j in 0..n {
        for i in 0..n {
            assert!((widec(v2[[i, j]]) - widec(vr[[i, j]])).norm() <= 1e3 * eps::<T>());
        }
    }
}
all_dtypes!(left_right_biorthogonal);

/// A Jordan block (defective: one eigenvector for an n-fold eigenvalue):
/// finite results, eigenvalues within the O(ε^(1/n)) perturbation of 2,
/// and small residuals (the QR algorithm is backward stable).
fn defective_jordan_block<T: Scalar>() {
    for n in [2, 4, 6] {
        let a = Array2::from_shape_fn((n, n), |(i, j)| {
            if i == j {
                T::from_f64(2.0)
            } else if j == i + 1 {
                T::one()
            } else {
                T::zero()
            }
        });
        let (w, v) = eig(&a).unwrap();
        assert!(
            w.iter()
                .chain(v.iter())
                .all(|z| z.re.is_finite() && z.im.is_finite())
        );
        check_right(&a, &w, &v, "jordan");
        check_pairs::<T>(&w, &v, "jordan");
        let spread = 10.0 * eps::<T>().powf(1.0 / n as f64);
        for z in w.iter() {
            assert!(
                (widec(*z) - 2.0).norm() <= spread,
                "jordan n={n}: eigenvalue {z}"
            );
        }
        let (wl, vl, vr) = eig_left_right(&a).unwrap();
        assert!(
            vl.iter()
                .chain(vr.iter())
                .all(|z| z.re.is_finite() && z.im.is_finite())
        );
        check_left(&a, &wl, &vl, "jordan");
    }
}
all_dtypes!(defective_jordan_block);

/// 0 × 0 and 1 × 1, including the zero matrix.
fn tiny<T: Scalar>() {
    let e = Array2::<T>::zeros((0, 0));
    let (w, v) = eig(&e).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    assert_eq!(eigvals(&e).unwrap().len(), 0);
    let (w, vl, vr) = eig_left_right(&e).unwrap();
    assert_eq!((w.len(), vl.dim(), vr.dim()), (0, (0, 0), (0, 0)));

    let x = T::from_parts(real::<T>(-2.5), real::<T>(0.75));
    let a = array![[x]];
    let (w, v) = eig(&a).unwrap();
    assert_eq!(wide(x), widec(w[0]));
    assert_eq!(widec(v[[0, 0]]), Complex64::new(1.0, 0.0));
    let (w, vl, vr) = eig_left_right(&a).unwrap();
    assert_eq!(wide(x), widec(w[0]));
    assert_eq!(widec(vl[[0, 0]]), Complex64::new(1.0, 0.0));
    assert_eq!(widec(vr[[0, 0]]), Complex64::new(1.0, 0.0));

    let z = Array2::<T>::zeros((3, 3));
    let (w, v) = eig(&z).unwrap();
    assert!(w.iter().all(|z| widec(*z) == Complex64::new(0.0, 0.0)));
    check_right(&z, &w, &v, "zero matrix");
}
all_dtypes!(tiny);

/// Stacks: each item equals the per-matrix call (the same LAPACK calls
/// on the same copies), for contiguous and strided stacks, and empty ones.
fn stacks<T: Scalar>() {
    let mut rng = Rng::new(23);
    let n = 5;
    let data: Vec<T> = (0..2 * 3 * n * n).map(|_| rng.scalar()).collect();
    let a = Array4::from_shape_vec((2, 3, n, n), data)
        .unwrap()
        .into_dyn();
    // A strided stack: reversed first axis, transposed matrices.
    let mut strided = a.slice(s![..;-1, .., .., ..]).into_owned().into_dyn();
    strided.swap_axes(2, 3);
    for (stack, what) in [(a.view(), "contiguous"), (strided.view(), "strided")] {
        let before = stack.to_owned();
        let (w, v) = eig_stacked(&stack).unwrap();
        let wv = eigvals_stacked(&stack).unwrap();
        let (wl, vl, vr) = eig_left_right_stacked(&stack).unwrap();
        assert_eq!(w.shape(), &[2, 3, n]);
        assert_eq!(v.shape(), &[2, 3, n, n]);
        assert_eq!(wv.shape(), &[2, 3, n]);
        assert_eq!(
            (wl.shape(), vl.shape(), vr.shape()),
            (&[2, 3, n][..], &[2, 3, n, n][..], &[2, 3, n, n][..])
        );
        for i in 0..2 {
            for k in 0..3 {
                let ai = stack.slice(s![i, k, .., ..]);
                let (w1, v1) = eig(&ai).unwrap();
                assert_eq!(w.slice(s![i, k, ..]), w1, "{what}: w[{i}, {k}]");
                assert_eq!(v.slice(s![i, k, .., ..]), v1, "{what}: v[{i}, {k}]");
                assert_eq!(
                    wv.slice(s![i, k, ..]),
                    eigvals(&ai).unwrap(),
                    "{what}: eigvals[{i}, {k}]"
                );
                let (w2, vl2, vr2) = eig_left_right(&ai).unwrap();
                assert_eq!(wl.slice(s![i, k, ..]), w2);
                assert_eq!(vl.slice(s![i, k, .., ..]), vl2);
                assert_eq!(vr.slice(s![i, k, .., ..]), vr2);
                check_right(&ai.to_owned(), &w1, &v1, what);
            }
        }
        assert_eq!(stack, before.view(), "{what}: input modified");
    }
    // A plain 2-D array is a stack of none.
    let a2 = rng.matrix::<T>(4, 4);
    let (w, v) = eig_stacked(&a2.view().into_dyn()).unwrap();
    let (w1, v1) = eig(&a2).unwrap();
    assert_eq!(w, w1.into_dyn());
    assert_eq!(v, v1.into_dyn());
    // Empty stacks and empty matrices.
    for shape in [vec![0, 3, 3], vec![2, 0, 0], vec![0, 0, 0]] {
        let e = ArrayD::<T>::zeros(IxDyn(&shape));
        let m = shape[1];
        let (w, v) = eig_stacked(&e).unwrap();
        assert_eq!(w.shape(), &[shape[0], m]);
        assert_eq!(v.shape(), &[shape[0], m, m]);
        assert_eq!(eigvals_stacked(&e).unwrap().shape(), &[shape[0], m]);
        let (_, vl, _) = eig_left_right_stacked(&e).unwrap();
        assert_eq!(vl.shape(), &[shape[0], m, m]);
    }
}
all_dtypes!(stacks);

/// What NaN input may give with the finite check off.
fn ok<R>(r: &Result<R, Error>) -> bool {
    matches!(
        r,
        Ok(_) | Err(Error::NonFinite { .. } | Error::NoConvergence { .. })
    )
}

/// Errors: not square, too few dimensions, NaN and infinity, and the
/// finite check switched off.
fn errors<T: Scalar>() {
    let rect = Array2::<T>::zeros((2, 3));
    assert!(matches!(
        eig(&rect),
        Err(Error::NotSquare { routine: "eig", .. })
    ));
    assert!(matches!(
        eigvals(&rect),
        Err(Error::NotSquare {
            routine: "eigvals",
            ..
        })
    ));
    assert!(matches!(
        eig_left_right(&rect),
        Err(Error::NotSquare {
            routine: "eig_left_right",
            ..
        })
    ));
    let rect3 = ArrayD::<T>::zeros(IxDyn(&[2, 2, 3]));
    assert!(matches!(eig_stacked(&rect3), Err(Error::NotSquare { .. })));
    assert!(matches!(
        eigvals_stacked(&rect3),
        Err(Error::NotSquare { .. })
    ));
    assert!(matches!(
        eig_left_right_stacked(&rect3),
        Err(Error::NotSquare { .. })
    ));
    let vec1 = ArrayD::<T>::zeros(IxDyn(&[4]));
    assert!(matches!(
        eig_stacked(&vec1),
        Err(Error::TooFewDimensions { min: 2, .. })
    ));
    assert!(matches!(
        eigvals_stacked(&vec1),
        Err(Error::TooFewDimensions { .. })
    ));
    assert!(matches!(
        eig_left_right_stacked(&vec1),
        Err(Error::TooFewDimensions { .. })
    ));

    let mut rng = Rng::new(1);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut a = rng.matrix::<T>(4, 4);
        a[[2, 1]] = T::from_parts(real::<T>(bad), real::<T>(0.0));
        let before = a.clone();
        assert!(matches!(
            eig(&a),
            Err(Error::NonFinite {
                routine: "eig",
                what: "a"
            })
        ));
        assert!(matches!(
            eigvals(&a),
            Err(Error::NonFinite {
                routine: "eigvals",
                ..
            })
        ));
        assert!(matches!(eig_left_right(&a), Err(Error::NonFinite { .. })));
        let mut s = ArrayD::<T>::zeros(IxDyn(&[3, 4, 4]));
        s.index_axis_mut(Axis(0), 2).assign(&a);
        assert!(matches!(eig_stacked(&s), Err(Error::NonFinite { .. })));
        assert!(matches!(eigvals_stacked(&s), Err(Error::NonFinite { .. })));
        assert!(matches!(
            eig_left_right_stacked(&s),
            Err(Error::NonFinite { .. })
        ));
        // Without the check LAPACK runs on the NaN: NaN results, or
        // NonFinite when LAPACK's balancing rejects the input (never an
        // "internal error"), no panic, and the input stays as it was.
        let r = without_finite_check(|| eig(&a));
        assert!(ok(&r), "{r:?}");
        if let Ok((w, _)) = r {
            assert!(
                w.iter().any(|z| !(z.re.is_finite() && z.im.is_finite())),
                "NaN in, finite out: {w}"
            );
        }
        let r = without_finite_check(|| eig_left_right_stacked(&s));
        assert!(ok(&r), "{r:?}");
        let r = without_finite_check(|| eigvals(&a));
        assert!(ok(&r), "{r:?}");
        assert!(
            a.iter()
                .zip(before.iter())
                .all(|(x, y)| x == y || (!x.is_finite() && !y.is_finite()))
        );
    }
    if T::IS_COMPLEX {
        let mut a = Array2::<T>::eye(3);
        a[[0, 0]] = T::from_parts(real::<T>(0.0), real::<T>(f64::NAN));
        assert!(
            matches!(eig(&a), Err(Error::NonFinite { .. })),
            "NaN in the imaginary part"
        );
    }
    // Error messages name the routine and the problem.
    let e = eig(&rect).unwrap_err().to_string();
    assert!(
        e.contains("eig") && e.contains("square") && e.contains("(2,3)"),
        "{e}"
    );
}
all_dtypes!(errors);

/// A larger random matrix to exercise the blocked QR algorithm paths
/// (LAPACK switches to the multishift/aggressive early deflation code
/// above n ≈ 75; kept once per type to stay fast).
fn larger_matrix<T: Scalar>() {
    let mut rng = Rng::new(99);
    let n = 90;
    let a = rng.matrix::<T>(n, n);
    let (w, v) = eig(&a).unwrap();
    check_right(&a, &w, &v, "n=90");
    check_pairs::<T>(&w, &v, "n=90");
    // Trace = sum of eigenvalues.
    let tr: Complex64 = (0..n).map(|i| wide(a[[i, i]])).sum();
    let sw: Complex64 = w.iter().map(|z| widec(*z)).sum();
    assert!(
        (tr - sw).norm() <= tol::<T>(n, fro(&a)),
        "trace {tr} vs sum of eigenvalues {sw}"
    );
}
all_dtypes!(larger_matrix);

/// Several threads at once (default 2 MiB stacks): eig, and a large solve
/// whose `?getrf` runs on lapis's large-stack helper thread, give the
/// results of serial calls.
#[test]
fn concurrent_eig_and_large_solve() {
    let mut rng = Rng::new(8);
    let mats: Vec<Array2<f64>> = [6, 13, 24].iter().map(|&n| rng.matrix(n, n)).collect();
    let n = 120;
    let mut big = rng.matrix::<f64>(n, n);
    for i in 0..n {
        big[[i, i]] += n as f64;
    }
    let rhs = rng.matrix::<f64>(n, 2);
    let want: Vec<_> = mats.iter().map(|a| eig(a).unwrap()).collect();
    let want_x = lapis::linalg::solve(&big, &rhs).unwrap();
    std::thread::scope(|s| {
        for t in 0..6 {
            let (mats, want, big, rhs, want_x) = (&mats, &want, &big, &rhs, &want_x);
            s.spawn(move || {
                for round in 0..12 {
                    let i = (t + round) % mats.len();
                    let (w, v) = eig(&mats[i]).expect("eig under concurrency");
                    check_right(&mats[i], &w, &v, "eig under concurrency");
                    let tol = 1e-10 * (1.0 + fro(&mats[i]));
                    assert_same_spectrum(
                        &widen_all(&w),
                        &widen_all(&want[i].0),
                        tol,
                        "concurrent eig",
                    );
                    if round % 4 == t % 4 {
                        let x = lapis::linalg::solve(big, rhs).expect("solve under concurrency");
                        assert_close2(&x, want_x, n, "solve under concurrency");
                    }
                }
            });
        }
    });
}
