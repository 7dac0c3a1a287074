//! Symmetric/Hermitian eigenproblems: eigh, eigvalsh, subsets, in place,
//! generalized, stacks.

mod common;
use common::*;

use lapis::blas::{Transpose, Uplo};
use lapis::linalg::{
    EigRange, eigh, eigh_generalized, eigh_generalized_inplace, eigh_generalized_stacked,
    eigh_generalized_subset, eigh_generalized_subset_stacked, eigh_inplace, eigh_inplace_stacked,
    eigh_stacked, eigh_subset, eigh_subset_stacked, eigvalsh, eigvalsh_generalized,
    eigvalsh_generalized_stacked, eigvalsh_generalized_subset, eigvalsh_stacked, eigvalsh_subset,
    eigvalsh_subset_stacked, inv, without_finite_check,
};
use lapis::{Error, RealScalar, Scalar};
use ndarray::{Array2, Array3, ArrayD, ArrayRef1, ArrayRef2, IxDyn, array, s};

const UPLOS: [Uplo; 2] = [Uplo::Lower, Uplo::Upper];

fn f64_of<T: Scalar>(x: T::Real) -> f64 {
    x.to_f64_real()
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

fn eps<T: Scalar>() -> f64 {
    f64_of::<T>(T::epsilon())
}

fn fro<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.iter()
        .map(|v| f64_of::<T>(v.abs_sqr()))
        .sum::<f64>()
        .sqrt()
}

fn adjoint<T: Scalar>(a: &ArrayRef2<T>) -> Array2<T> {
    op(a, Transpose::ConjTrans)
}

/// A random Hermitian positive definite matrix `Cᴴ C + n I`.
fn hpd<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let c: Array2<T> = rng.matrix(n, n);
    let mut b = matmul(&adjoint(&c), &c);
    for i in 0..n {
        b[[i, i]] = T::from_real(b[[i, i]].re()) + T::from_f64(n as f64);
    }
    b
}

/// `full` with the triangle that `uplo` does not name overwritten by large
/// garbage (and, for complex types, the diagonal given an imaginary part,
/// which LAPACK ignores).
fn garbage<T: Scalar>(full: &ArrayRef2<T>, uplo: Uplo, rng: &mut Rng) -> Array2<T> {
    let n = full.nrows();
    let mut a = full.to_owned();
    for i in 0..n {
        for j in 0..n {
            let other = match uplo {
                Uplo::Lower => j > i,
                Uplo::Upper => j < i,
            };
            if other {
                a[[i, j]] = rng.scalar::<T>() * T::from_f64(1e3);
            }
        }
        if T::IS_COMPLEX {
            a[[i, i]] += T::from_parts(real::<T>(0.0), real::<T>(7.0));
        }
    }
    a
}

/// `v · diag(w)`.
fn scale_cols<T: Scalar>(v: &ArrayRef2<T>, w: &ArrayRef1<T::Real>) -> Array2<T> {
    Array2::from_shape_fn(v.dim(), |(i, j)| v[[i, j]] * T::from_real(w[j]))
}

/// `‖x − y‖_F / (scale · n · ε)`.
fn ratio<T: Scalar>(x: &ArrayRef2<T>, y: &ArrayRef2<T>, scale: f64, n: usize) -> f64 {
    fro(&(x - y)) / (scale.max(f64::MIN_POSITIVE) * n.max(1) as f64 * eps::<T>())
}

fn identity<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| if i == j { T::one() } else { T::zero() })
}

/// Bound on the scaled residuals: LAPACK's are O(1); f32 gets more room.
fn bound<T: Scalar>() -> f64 {
    if eps::<T>() > 1e-10 { 40.0 } else { 20.0 }
}

#[track_caller]
fn assert_ascending<T: Scalar>(w: &ArrayRef1<T::Real>, what: &str) {
    for i in 1..w.len() {
        assert!(
            w[i - 1] <= w[i],
            "{what}: eigenvalues not ascending at {i}: {w:?}"
        );
    }
}

/// Checks `A V = V diag(w)`, `Vᴴ V = I` and ascending `w` for the full
/// Hermitian `a`; `v` may hold a subset of the eigenvectors.
#[track_caller]
fn check_eigh<T: Scalar>(a: &ArrayRef2<T>, w: &ArrayRef1<T::Real>, v: &ArrayRef2<T>, what: &str) {
    let n = a.nrows();
    assert_eq!(v.dim(), (n, w.len()), "{what}: shape of v");
    assert_ascending::<T>(w, what);
    let r = ratio(&matmul(a, v), &scale_cols(v, w), fro(a), n);
    assert!(r < bound::<T>(), "{what}: residual ‖AV − VΛ‖/(‖A‖nε) = {r}");
    let o = ratio(&matmul(&adjoint(v), v), &identity::<T>(w.len()), 1.0, n);
    assert!(o < bound::<T>(), "{what}: ‖VᴴV − I‖/(nε) = {o}");
}

#[track_caller]
fn assert_w_close<T: Scalar>(
    got: &ArrayRef1<T::Real>,
    want: &ArrayRef1<T::Real>,
    scale: f64,
    what: &str,
) {
    assert_eq!(got.len(), want.len(), "{what}: number of eigenvalues");
    let n = want.len().max(1);
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let d = (f64_of::<T>(g) - f64_of::<T>(w)).abs();
        let tol = 20.0 * n as f64 * eps::<T>() * scale.max(1.0);
        assert!(
            d <= tol,
            "{what}: eigenvalue {i}: got {g}, want {w}, |diff| {d:e} > {tol:e}"
        );
    }
}

// ---------------------------------------------------------------- eigh

fn eigh_random_every_layout<T: Scalar>() {
    let mut rng = Rng::new(11);
    for n in [2usize, 5, 17, 33] {
        let full = rng.hermitian::<T>(n);
        for uplo in UPLOS {
            let stored = garbage(&full, uplo, &mut rng);
            for lay in Lay::ALL {
                let what = format!("eigh n={n} {uplo:?} {lay:?}");
                let m = Mat::new(&stored, lay);
                let before = m.backing().clone();
                let (w, v) = eigh(&m.view(), uplo).unwrap();
                check_eigh(&full, &w, &v, &what);
                assert!(v.t().is_standard_layout(), "{what}: v in Fortran order");
                let w2 = eigvalsh(&m.view(), uplo).unwrap();
                assert_w_close::<T>(&w2, &w, fro(&full), &what);
                assert_eq!(m.backing(), &before, "{what}: input modified");
            }
        }
    }
}
all_dtypes!(eigh_random_every_layout);

fn eigh_diagonal_known<T: Scalar>() {
    let d = [3.0, -1.0, 0.5, 7.0, -4.0, 2.0];
    let n = d.len();
    let mut a = Array2::<T>::zeros((n, n));
    for (i, &x) in d.iter().enumerate() {
        a[[i, i]] = T::from_f64(x);
    }
    let (w, v) = eigh(&a, Uplo::Lower).unwrap();
    let mut sorted = d.to_vec();
    sorted.sort_by(f64::total_cmp);
    for (i, &want) in sorted.iter().enumerate() {
        assert_eq!(f64_of::<T>(w[i]), want, "eigenvalue {i}");
        // The eigenvector is the unit vector of that diagonal entry.
        let k = d.iter().position(|&x| x == want).unwrap();
        assert!(
            (f64_of::<T>(v[[k, i]].abs()) - 1.0).abs() < 4.0 * eps::<T>(),
            "vector {i}"
        );
    }
    check_eigh(&a, &w, &v, "diagonal");
}
all_dtypes!(eigh_diagonal_known);

/// Wilkinson's W⁺(2m+1): tridiagonal, diagonal |m − i|, off-diagonal 1.
/// Its largest eigenvalues come in pairs agreeing to many digits.
fn wilkinson<T: Scalar>(n: usize) -> Array2<T> {
    let m = (n / 2) as f64;
    Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            T::from_f64((m - i as f64).abs())
        } else if i.abs_diff(j) == 1 {
            T::one()
        } else {
            T::zero()
        }
    })
}

fn eigh_wilkinson<T: Scalar>() {
    for n in [21usize, 31] {
        let a = wilkinson::<T>(n);
        for uplo in UPLOS {
            let (w, v) = eigh(&a, uplo).unwrap();
            let what = format!("W{n}+ {uplo:?}");
            check_eigh(&a, &w, &v, &what);
            // trace = 2·(1 + … + m)
            let m = (n / 2) as f64;
            let sum: f64 = w.iter().map(|&x| f64_of::<T>(x)).sum();
            assert!(
                (sum - m * (m + 1.0)).abs() < 100.0 * eps::<T>() * m * m,
                "{what}: trace"
            );
            if n == 21 {
                // The top pair, 10.746194182903322 and 10.746194182903393.
                let top = 10.746_194_182_903_36;
                for i in [n - 2, n - 1] {
                    assert!(
                        (f64_of::<T>(w[i]) - top).abs() < 50.0 * eps::<T>() * top,
                        "{what}: λ{i} = {}",
                        w[i]
                    );
                }
                if eps::<T>() < 1e-10 {
                    assert!(
                        f64_of::<T>(w[n - 1] - w[n - 2]) < 1e-12,
                        "{what}: the pair is close"
                    );
                }
            }
        }
    }
}
all_dtypes!(eigh_wilkinson);

fn eigh_tiny<T: Scalar>() {
    let e = Array2::<T>::zeros((0, 0));
    let (w, v) = eigh(&e, Uplo::Lower).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    assert_eq!(eigvalsh(&e, Uplo::Upper).unwrap().len(), 0);
    let mut e2 = e.clone();
    assert_eq!(eigh_inplace(&mut e2, Uplo::Lower).unwrap().len(), 0);
    let (w, v) = eigh_subset(
        &e,
        Uplo::Lower,
        EigRange::Value(real::<T>(-1.0), real::<T>(1.0)),
    )
    .unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));

    // 1 × 1: the imaginary part of the diagonal is ignored.
    let a = array![[T::from_parts(real::<T>(-2.5), real::<T>(3.0))]];
    let (w, v) = eigh(&a, Uplo::Lower).unwrap();
    assert_eq!(f64_of::<T>(w[0]), -2.5);
    assert_eq!(v[[0, 0]], T::one());
    let mut a2 = a.clone();
    assert_eq!(
        f64_of::<T>(eigh_inplace(&mut a2, Uplo::Upper).unwrap()[0]),
        -2.5
    );
    assert_eq!(a2[[0, 0]], T::one());
    let (w, v) = eigh_subset(&a, Uplo::Lower, EigRange::Index(0, 0)).unwrap();
    assert_eq!((f64_of::<T>(w[0]), v[[0, 0]]), (-2.5, T::one()));
    let b = array![[T::from_f64(4.0)]];
    let (w, v) = eigh_generalized(&a, &b, Uplo::Lower, 1).unwrap();
    assert!((f64_of::<T>(w[0]) + 2.5 / 4.0).abs() < 4.0 * eps::<T>());
    assert!((f64_of::<T>(v[[0, 0]].abs()) - 0.5).abs() < 4.0 * eps::<T>());
    let (w, _) = eigh_generalized(&e, &e, Uplo::Lower, 3).unwrap();
    assert_eq!(w.len(), 0);
}
all_dtypes!(eigh_tiny);

fn eigh_errors<T: Scalar>() {
    let mut rng = Rng::new(5);
    let a = rng.hermitian::<T>(4);
    let rect = Array2::<T>::zeros((3, 4));
    assert!(matches!(
        eigh(&rect, Uplo::Lower),
        Err(Error::NotSquare {
            routine: "eigh",
            ..
        })
    ));
    assert!(matches!(
        eigvalsh(&rect, Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));

    // NaN in the triangle read is an error; in the other it is never read.
    let mut bad = a.clone();
    bad[[3, 1]] = T::from_f64(f64::NAN);
    assert!(matches!(
        eigh(&bad, Uplo::Lower),
        Err(Error::NonFinite {
            routine: "eigh",
            what: "a"
        })
    ));
    assert!(matches!(
        eigvalsh(&bad, Uplo::Lower),
        Err(Error::NonFinite { .. })
    ));
    let (w, v) = eigh(&bad, Uplo::Upper).unwrap();
    check_eigh(&a, &w, &v, "NaN in the unread triangle");
    let before = bad.clone();
    let mut inplace = bad.clone();
    assert!(matches!(
        eigh_inplace(&mut inplace, Uplo::Lower),
        Err(Error::NonFinite { .. })
    ));
    assert!(
        inplace
            .iter()
            .zip(&before)
            .all(|(x, y)| x == y || (!x.is_finite() && !y.is_finite()))
    );
    // Skipping the check: no error from the check, no panic.
    let r = without_finite_check(|| eigvalsh(&bad, Uplo::Lower));
    assert!(!matches!(r, Err(Error::NonFinite { .. })));

    // Ranges.
    for range in [EigRange::Index(2, 1), EigRange::Index(0, 4)] {
        assert!(matches!(
            eigh_subset(&a, Uplo::Lower, range),
            Err(Error::InvalidArgument { what: "range", .. })
        ));
    }
    for (vl, vu) in [(1.0, 1.0), (2.0, 1.0), (f64::NAN, 1.0)] {
        let range = EigRange::Value(real::<T>(vl), real::<T>(vu));
        assert!(matches!(
            eigvalsh_subset(&a, Uplo::Lower, range),
            Err(Error::InvalidArgument { what: "range", .. })
        ));
    }

    // Stacks need two axes.
    let v1 = ArrayD::<T>::zeros(IxDyn(&[3]));
    assert!(matches!(
        eigh_stacked(&v1, Uplo::Lower),
        Err(Error::TooFewDimensions { .. })
    ));
}
all_dtypes!(eigh_errors);

// ------------------------------------------------------------ in place

fn eigh_inplace_every_layout<T: Scalar>() {
    let mut rng = Rng::new(21);
    for n in [1usize, 6, 19] {
        let full = rng.hermitian::<T>(n);
        for uplo in UPLOS {
            let stored = garbage(&full, uplo, &mut rng);
            let (w_ref, _) = eigh(&stored, uplo).unwrap();
            for lay in Lay::ALL {
                let what = format!("eigh_inplace n={n} {uplo:?} {lay:?}");
                let mut m = Mat::new(&stored, lay);
                let copies = lapis::layout::copies_made();
                let w = eigh_inplace(&mut m.view_mut(), uplo).unwrap();
                let copied = lapis::layout::copies_made() - copies;
                if lay.blas_native() {
                    assert_eq!(copied, 0, "{what}: no copy for a BLAS-native layout");
                }
                assert_w_close::<T>(&w, &w_ref, fro(&full), &what);
                check_eigh(&full, &w, &m.view(), &what);
                // Nothing outside the view was written.
                let mut probe = Mat::new(&Array2::<T>::zeros((n, n)), lay);
                probe.view_mut().assign(&m.view());
                assert_eq!(probe.backing(), m.backing(), "{what}: padding written");
            }
        }
    }
}
all_dtypes!(eigh_inplace_every_layout);

// -------------------------------------------------------------- subsets

fn subsets_match_full<T: Scalar>() {
    let mut rng = Rng::new(31);
    let n = 14;
    let full = rng.hermitian::<T>(n);
    let scale = fro(&full);
    for uplo in UPLOS {
        let stored = garbage(&full, uplo, &mut rng);
        let (w, v) = eigh(&stored, uplo).unwrap();
        let wf: Vec<f64> = w.iter().map(|&x| f64_of::<T>(x)).collect();
        let mid = |i: usize| real::<T>((wf[i] + wf[i + 1]) / 2.0);
        let cases: Vec<(EigRange<T::Real>, std::ops::Range<usize>)> = vec![
            (EigRange::Index(0, n - 1), 0..n),
            (EigRange::Index(3, 7), 3..8),
            (EigRange::Index(5, 5), 5..6),
            (EigRange::Value(mid(3), mid(8)), 4..9),
            (EigRange::Value(real::<T>(f64::NEG_INFINITY), mid(2)), 0..3),
            (EigRange::Value(mid(10), real::<T>(f64::INFINITY)), 11..n),
            (
                EigRange::Value(real::<T>(f64::NEG_INFINITY), real::<T>(f64::INFINITY)),
                0..n,
            ),
            (
                EigRange::Value(real::<T>(1e3), real::<T>(f64::INFINITY)),
                0..0,
            ),
            (
                EigRange::Value(mid(4), real::<T>(wf[4] + 0.75 * (wf[5] - wf[4]))),
                0..0,
            ),
        ];
        for lay in [Lay::F, Lay::C, Lay::Stepped] {
            let m = Mat::new(&stored, lay);
            let before = m.backing().clone();
            for (range, idx) in &cases {
                let what = format!("eigh_subset {uplo:?} {lay:?} {range:?}");
                let (ws, vs) = eigh_subset(&m.view(), uplo, *range).unwrap();
                assert_w_close::<T>(&ws, &w.slice(s![idx.clone()]), scale, &what);
                check_eigh(&full, &ws, &vs, &what);
                // Random eigenvalues are well separated: the vectors agree
                // with the full result up to a phase.
                for (c, i) in idx.clone().enumerate() {
                    let dot = (0..n).fold(T::zero(), |acc, r| acc + vs[[r, c]].conj() * v[[r, i]]);
                    let d = (f64_of::<T>(dot.abs()) - 1.0).abs();
                    assert!(
                        d < 1e3 * eps::<T>() * n as f64,
                        "{what}: vector {i}, |⟨vs, v⟩| − 1 = {d:e}"
                    );
                }
                let wv = eigvalsh_subset(&m.view(), uplo, *range).unwrap();
                assert_w_close::<T>(&wv, &ws, scale, &what);
            }
            assert_eq!(m.backing(), &before, "subset: input modified");
        }
    }
}
all_dtypes!(subsets_match_full);

// --------------------------------------------------------------- stacks

fn stacks_match_per_matrix<T: Scalar>() {
    let mut rng = Rng::new(41);
    let n = 7;
    let mut a = ArrayD::<T>::zeros(IxDyn(&[2, 3, n, n]));
    let mut fulls = Vec::new();
    for i in 0..2 {
        for j in 0..3 {
            let h = rng.hermitian::<T>(n);
            a.slice_mut(s![i, j, .., ..])
                .assign(&garbage(&h, Uplo::Upper, &mut rng));
            fulls.push(h);
        }
    }
    let before = a.clone();
    let (w, v) = eigh_stacked(&a, Uplo::Upper).unwrap();
    assert_eq!((w.shape(), v.shape()), (&[2, 3, n][..], &[2, 3, n, n][..]));
    let wv = eigvalsh_stacked(&a, Uplo::Upper).unwrap();
    let (ws, vs) = eigh_subset_stacked(&a, Uplo::Upper, EigRange::Index(1, 3)).unwrap();
    assert_eq!(
        (ws.shape(), vs.shape()),
        (&[2, 3, 3][..], &[2, 3, n, 3][..])
    );
    let wsv = eigvalsh_subset_stacked(&a, Uplo::Upper, EigRange::Index(1, 3)).unwrap();
    let mut inplace = a.clone();
    let wi = eigh_inplace_stacked(&mut inplace, Uplo::Upper).unwrap();
    assert_eq!(a, before, "stack input modified");
    for i in 0..2 {
        for j in 0..3 {
            let ai = a.slice(s![i, j, .., ..]);
            let (w1, v1) = eigh(&ai, Uplo::Upper).unwrap();
            let scale = fro(&ai);
            assert_w_close::<T>(&w.slice(s![i, j, ..]), &w1, scale, "eigh_stacked w");
            assert_close2(&v.slice(s![i, j, .., ..]), &v1, n, "eigh_stacked v");
            assert_w_close::<T>(&wv.slice(s![i, j, ..]), &w1, scale, "eigvalsh_stacked");
            assert_w_close::<T>(
                &wi.slice(s![i, j, ..]),
                &w1,
                scale,
                "eigh_inplace_stacked w",
            );
            // The C-order stack is solved as the transposed problem: the
            // vectors may differ from eigh's by a phase.
            check_eigh(
                &fulls[3 * i + j],
                &wi.slice(s![i, j, ..]),
                &inplace.slice(s![i, j, .., ..]),
                "in place",
            );
            let (w2, v2) = eigh_subset(&ai, Uplo::Upper, EigRange::Index(1, 3)).unwrap();
            assert_w_close::<T>(&ws.slice(s![i, j, ..]), &w2, scale, "eigh_subset_stacked w");
            assert_close2(&vs.slice(s![i, j, .., ..]), &v2, n, "eigh_subset_stacked v");
            assert_w_close::<T>(
                &wsv.slice(s![i, j, ..]),
                &w2,
                scale,
                "eigvalsh_subset_stacked",
            );
        }
    }
    // A value range that holds different counts per matrix cannot stack.
    let mut d = Array3::<T>::zeros((2, 2, 2));
    d[[0, 0, 0]] = T::from_f64(1.0);
    d[[1, 0, 0]] = T::from_f64(-1.0);
    let d = d.into_dyn();
    let r = eigh_subset_stacked(
        &d,
        Uplo::Lower,
        EigRange::Value(real::<T>(0.5), real::<T>(2.0)),
    );
    assert!(
        matches!(r, Err(Error::InvalidArgument { what: "range", .. })),
        "{r:?}"
    );
    // Empty stacks.
    let e = ArrayD::<T>::zeros(IxDyn(&[0, 3, 3]));
    let (w, v) = eigh_stacked(&e, Uplo::Lower).unwrap();
    assert_eq!((w.shape(), v.shape()), (&[0, 3][..], &[0, 3, 3][..]));
    assert!(matches!(
        eigh_subset_stacked(&e, Uplo::Lower, EigRange::Index(0, 3)),
        Err(Error::InvalidArgument { .. })
    ));
}
all_dtypes!(stacks_match_per_matrix);

// ----------------------------------------------------------- generalized

/// Checks the generalized eigenpairs of type `itype` of the full `a`, `b`.
#[track_caller]
fn check_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    itype: u8,
    w: &ArrayRef1<T::Real>,
    v: &ArrayRef2<T>,
    what: &str,
) {
    let n = a.nrows();
    assert_eq!(v.dim(), (n, w.len()), "{what}: shape of v");
    assert_ascending::<T>(w, what);
    let vw = scale_cols(v, w);
    let (lhs, rhs, scale) = match itype {
        1 => (
            matmul(a, v),
            matmul(b, &vw),
            fro(a) * fro(&matmul(b, v)).max(1.0),
        ),
        2 => (
            matmul(a, &matmul(b, v)),
            vw.clone(),
            fro(a) * fro(b) * fro(v),
        ),
        _ => (
            matmul(b, &matmul(a, v)),
            vw.clone(),
            fro(a) * fro(b) * fro(v),
        ),
    };
    let r = ratio(&lhs, &rhs, scale, n);
    assert!(r < bound::<T>(), "{what}: residual ratio {r}");
    let metric = if itype == 3 {
        inv(b).unwrap()
    } else {
        b.to_owned()
    };
    let gram = matmul(&adjoint(v), &matmul(&metric, v));
    let cond = fro(&metric) * fro(&inv(&metric).unwrap());
    let o = ratio(&gram, &identity::<T>(w.len()), cond, n);
    assert!(o < bound::<T>(), "{what}: ‖VᴴMV − I‖ ratio {o}");
}

fn generalized_all_types<T: Scalar>() {
    let mut rng = Rng::new(51);
    for n in [1usize, 4, 13] {
        let a = rng.hermitian::<T>(n);
        let b = hpd::<T>(&mut rng, n);
        for itype in 1..=3u8 {
            for uplo in UPLOS {
                let (sa, sb) = (garbage(&a, uplo, &mut rng), garbage(&b, uplo, &mut rng));
                for (la, lb) in [
                    (Lay::F, Lay::F),
                    (Lay::C, Lay::Sliced),
                    (Lay::Stepped, Lay::NegRows),
                ] {
                    let what =
                        format!("eigh_generalized n={n} itype={itype} {uplo:?} {la:?}/{lb:?}");
                    let (ma, mb) = (Mat::new(&sa, la), Mat::new(&sb, lb));
                    let (ba, bb) = (ma.backing().clone(), mb.backing().clone());
                    let (w, v) = eigh_generalized(&ma.view(), &mb.view(), uplo, itype).unwrap();
                    check_generalized(&a, &b, itype, &w, &v, &what);
                    let wv = eigvalsh_generalized(&ma.view(), &mb.view(), uplo, itype).unwrap();
                    assert_w_close::<T>(&wv, &w, fro(&a) * fro(&b), &what);
                    assert_eq!(
                        (ma.backing(), mb.backing()),
                        (&ba, &bb),
                        "{what}: input modified"
                    );
                }
            }
        }
    }
}
all_dtypes!(generalized_all_types);

fn generalized_errors<T: Scalar>() {
    let mut rng = Rng::new(61);
    let a = rng.hermitian::<T>(4);
    // Indefinite B: the leading minor of order 3 is the first that fails.
    let mut b = Array2::<T>::zeros((4, 4));
    for (i, d) in [1.0, 2.0, -1.0, 3.0].into_iter().enumerate() {
        b[[i, i]] = T::from_f64(d);
    }
    for uplo in UPLOS {
        assert_eq!(
            eigh_generalized(&a, &b, uplo, 1).unwrap_err(),
            Error::NotPositiveDefinite {
                routine: "eigh_generalized",
                minor: 3
            }
        );
        assert!(matches!(
            eigvalsh_generalized(&a, &b, uplo, 2),
            Err(Error::NotPositiveDefinite { minor: 3, .. })
        ));
        assert!(matches!(
            eigh_generalized_subset(&a, &b, uplo, 3, EigRange::Index(0, 1)),
            Err(Error::NotPositiveDefinite { minor: 3, .. })
        ));
    }
    let bp = hpd::<T>(&mut rng, 4);
    for itype in [0u8, 4] {
        assert!(matches!(
            eigh_generalized(&a, &bp, Uplo::Lower, itype),
            Err(Error::InvalidArgument { what: "itype", .. })
        ));
    }
    let b3 = hpd::<T>(&mut rng, 3);
    assert!(matches!(
        eigh_generalized(&a, &b3, Uplo::Lower, 1),
        Err(Error::ShapeMismatch { what: "b", .. })
    ));
    let mut bn = bp.clone();
    bn[[2, 2]] = T::from_f64(f64::INFINITY);
    assert!(matches!(
        eigh_generalized(&a, &bn, Uplo::Upper, 1),
        Err(Error::NonFinite { what: "b", .. })
    ));
    let a3 = ArrayD::<T>::zeros(IxDyn(&[2, 4, 4]));
    let b3s = ArrayD::<T>::zeros(IxDyn(&[3, 4, 4]));
    assert!(matches!(
        eigh_generalized_stacked(&a3, &b3s, Uplo::Lower, 1),
        Err(Error::Broadcast { .. })
    ));
    // In place: the checks come first and leave both untouched.
    let (mut ai, mut bi) = (a.clone(), bn.clone());
    assert!(eigh_generalized_inplace(&mut ai, &mut bi, Uplo::Lower, 1).is_err());
    assert_eq!(ai, a);
}
all_dtypes!(generalized_errors);

fn generalized_subsets_match_full<T: Scalar>() {
    let mut rng = Rng::new(71);
    let n = 12;
    let a = rng.hermitian::<T>(n);
    let b = hpd::<T>(&mut rng, n);
    for itype in 1..=3u8 {
        for uplo in UPLOS {
            let (sa, sb) = (garbage(&a, uplo, &mut rng), garbage(&b, uplo, &mut rng));
            let (w, _) = eigh_generalized(&sa, &sb, uplo, itype).unwrap();
            let wf: Vec<f64> = w.iter().map(|&x| f64_of::<T>(x)).collect();
            let mid = |i: usize| real::<T>((wf[i] + wf[i + 1]) / 2.0);
            let cases: Vec<(EigRange<T::Real>, std::ops::Range<usize>)> = vec![
                (EigRange::Index(0, n - 1), 0..n),
                (EigRange::Index(2, 6), 2..7),
                (EigRange::Value(mid(1), mid(5)), 2..6),
                (EigRange::Value(real::<T>(f64::NEG_INFINITY), mid(3)), 0..4),
                (EigRange::Value(mid(8), real::<T>(f64::INFINITY)), 9..n),
                (
                    EigRange::Value(real::<T>(f64::NEG_INFINITY), real::<T>(f64::INFINITY)),
                    0..n,
                ),
            ];
            let scale = wf.iter().fold(1.0f64, |m, x| m.max(x.abs()));
            for (range, idx) in cases {
                let what = format!("eigh_generalized_subset itype={itype} {uplo:?} {range:?}");
                let (ws, vs) = eigh_generalized_subset(&sa, &sb, uplo, itype, range).unwrap();
                assert_w_close::<T>(&ws, &w.slice(s![idx.clone()]), scale * 4.0, &what);
                check_generalized(&a, &b, itype, &ws, &vs, &what);
                let wv = eigvalsh_generalized_subset(&sa, &sb, uplo, itype, range).unwrap();
                assert_w_close::<T>(&wv, &ws, scale * 4.0, &what);
            }
        }
    }
}
all_dtypes!(generalized_subsets_match_full);

fn generalized_inplace_layouts<T: Scalar>() {
    let mut rng = Rng::new(81);
    let n = 9;
    let a = rng.hermitian::<T>(n);
    let b = hpd::<T>(&mut rng, n);
    for itype in 1..=3u8 {
        for uplo in UPLOS {
            let (sa, sb) = (garbage(&a, uplo, &mut rng), garbage(&b, uplo, &mut rng));
            let (w_ref, _) = eigh_generalized(&sa, &sb, uplo, itype).unwrap();
            let pairs = [
                (Lay::F, Lay::F),
                (Lay::C, Lay::C),
                (Lay::Sliced, Lay::C),
                (Lay::Transposed, Lay::Sliced),
                (Lay::C, Lay::F),
                (Lay::F, Lay::C),
                (Lay::Stepped, Lay::NegCols),
            ];
            for (la, lb) in pairs {
                let what = format!("eigh_generalized_inplace itype={itype} {uplo:?} {la:?}/{lb:?}");
                let (mut ma, mut mb) = (Mat::new(&sa, la), Mat::new(&sb, lb));
                let copies = lapis::layout::copies_made();
                let w =
                    eigh_generalized_inplace(&mut ma.view_mut(), &mut mb.view_mut(), uplo, itype)
                        .unwrap();
                let copied = lapis::layout::copies_made() - copies;
                // Both column-major or both row-major: LAPACK works on them.
                if matches!(
                    (la, lb),
                    (Lay::F, Lay::F) | (Lay::C, Lay::C) | (Lay::Sliced, Lay::C)
                ) {
                    assert_eq!(copied, 0, "{what}: no copy");
                }
                assert_w_close::<T>(&w, &w_ref, fro(&a) * fro(&b), &what);
                check_generalized(&a, &b, itype, &w, &ma.view(), &what);
            }
        }
    }
}
all_dtypes!(generalized_inplace_layouts);

fn generalized_stacks<T: Scalar>() {
    let mut rng = Rng::new(91);
    let n = 6;
    let mut a = ArrayD::<T>::zeros(IxDyn(&[3, n, n]));
    for i in 0..3 {
        a.slice_mut(s![i, .., ..]).assign(&rng.hermitian::<T>(n));
    }
    // One B for every A (broadcast), and a stack of Bs.
    let b1 = hpd::<T>(&mut rng, n).into_dyn();
    let mut b3 = ArrayD::<T>::zeros(IxDyn(&[3, n, n]));
    for i in 0..3 {
        b3.slice_mut(s![i, .., ..]).assign(&hpd::<T>(&mut rng, n));
    }
    for b in [&b1, &b3] {
        for itype in 1..=3u8 {
            let (w, v) = eigh_generalized_stacked(&a, b, Uplo::Lower, itype).unwrap();
            assert_eq!((w.shape(), v.shape()), (&[3, n][..], &[3, n, n][..]));
            let wv = eigvalsh_generalized_stacked(&a, b, Uplo::Lower, itype).unwrap();
            let (ws, vs) =
                eigh_generalized_subset_stacked(&a, b, Uplo::Lower, itype, EigRange::Index(2, 4))
                    .unwrap();
            assert_eq!((ws.shape(), vs.shape()), (&[3, 3][..], &[3, n, 3][..]));
            for i in 0..3 {
                let ai = a.slice(s![i, .., ..]);
                let bi = if b.ndim() == 2 {
                    b.view().into_dimensionality().unwrap()
                } else {
                    b.slice(s![i, .., ..])
                };
                let (w1, v1) = eigh_generalized(&ai, &bi, Uplo::Lower, itype).unwrap();
                let scale = fro(&ai) * fro(&bi);
                assert_w_close::<T>(&w.slice(s![i, ..]), &w1, scale, "generalized stacked w");
                assert_close2(&v.slice(s![i, .., ..]), &v1, n * n, "generalized stacked v");
                assert_w_close::<T>(
                    &wv.slice(s![i, ..]),
                    &w1,
                    scale,
                    "eigvalsh_generalized_stacked",
                );
                let (w2, v2) =
                    eigh_generalized_subset(&ai, &bi, Uplo::Lower, itype, EigRange::Index(2, 4))
                        .unwrap();
                assert_w_close::<T>(
                    &ws.slice(s![i, ..]),
                    &w2,
                    scale,
                    "generalized subset stacked w",
                );
                assert_close2(
                    &vs.slice(s![i, .., ..]),
                    &v2,
                    n * n,
                    "generalized subset stacked v",
                );
            }
        }
    }
}
all_dtypes!(generalized_stacks);

#[test]
fn known_generalized_values() {
    // A = diag(2, 6), B = diag(1, 2): A x = λ B x has λ = 2, 3; A B x = λ x
    // has 2, 12; B A x = λ x the same.
    let a: Array2<f64> = array![[2.0, 0.0], [0.0, 6.0]];
    let b: Array2<f64> = array![[1.0, 0.0], [0.0, 2.0]];
    let close = |x: f64, y: f64| (x - y).abs() <= 4.0 * f64::EPSILON * y.abs();
    let (w, v) = eigh_generalized(&a, &b, Uplo::Lower, 1).unwrap();
    assert!(close(w[0], 2.0) && close(w[1], 3.0), "{w}");
    // Vᴴ B V = I: v = e_i / sqrt(b_ii).
    assert!(
        close(v[[0, 0]].abs(), 1.0) && close(v[[1, 1]].abs(), 0.5f64.sqrt()),
        "{v}"
    );
    let w2 = eigvalsh_generalized(&a, &b, Uplo::Upper, 2).unwrap();
    assert!(close(w2[0], 2.0) && close(w2[1], 12.0), "{w2}");
    let (w3, v3) = eigh_generalized(&a, &b, Uplo::Upper, 3).unwrap();
    assert!(close(w3[0], 2.0) && close(w3[1], 12.0), "{w3}");
    // Vᴴ B⁻¹ V = I: v = sqrt(b_ii) e_i.
    assert!(close(v3[[1, 1]].abs(), 2f64.sqrt()), "{v3}");
}
