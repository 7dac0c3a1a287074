//! `lapis::array::linalg`'s factor-and-solve pairs and the entry points the
//! C and Fortran interfaces needed (issue 21): cholesky_inplace,
//! cho_factor/cho_solve, lu_factor/lu_solve, qr_raw,
//! eigh_generalized_subset (itype 1–3, index and value ranges) and
//! matrix_rank_stacked. All four dtypes; each result checked by a residual
//! or identity computed here with plain loops (L Lᴴ − A, A x − b,
//! Q R − A with Q rebuilt from the reflectors, H X − S X E and the
//! S-orthonormality of X, ranks of matrices built with a known rank).

mod common;

use common::Rng;
use common::nd_linalg::{ct, diff, eye, general, hermitian, hpd, mat, max_abs, mm, nd, tol, vec1};
use lapis::array::linalg::{self as la, EigRange};
use lapis::array::{self, Idx, NdArray};
use lapis::blas::{Transpose, Uplo};
use lapis::{Complex32, Complex64, Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, Ix2, ShapeBuilder, s};

/// Writable arrays holding `m` in C order, Fortran order, as a strided view
/// and as a negative-stride view.
fn writable_layouts<T: Scalar>(m: &Array2<T>) -> Vec<(&'static str, NdArray)> {
    let (r, c) = m.dim();
    let mut f = Array2::<T>::zeros((r, c).f());
    f.assign(m);
    let mut big = Array2::<T>::zeros((2 * r, 3 * c));
    big.slice_mut(s![..;2, ..;3]).assign(m);
    let rev = m.slice(s![..;-1, ..;-1]).as_standard_layout().to_owned();
    let all = vec![
        ("C", nd(&m.as_standard_layout().to_owned())),
        ("F", array::from_ndarray(f).unwrap()),
        (
            "strided",
            array::from_ndarray(big)
                .unwrap()
                .slice(&[Idx::step(2), Idx::step(3)])
                .unwrap(),
        ),
        (
            "negative",
            array::from_ndarray(rev)
                .unwrap()
                .slice(&[Idx::step(-1), Idx::step(-1)])
                .unwrap(),
        ),
    ];
    for (name, a) in &all {
        assert_eq!(mat::<T>(a), *m, "layout {name} holds the values");
    }
    all
}

macro_rules! all_dtypes {
    ($f:ident) => {
        $f::<f32>();
        $f::<f64>();
        $f::<Complex32>();
        $f::<Complex64>();
    };
}

fn check_cholesky_inplace<T: Scalar>() {
    let mut rng = Rng::new(11);
    let n = 6;
    let a = hpd::<T>(&mut rng, n);
    for (name, mut av) in writable_layouts(&a) {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            av.view_mut_dim::<T, Ix2>().unwrap().assign(&a);
            la::cholesky_inplace(&mut av, uplo).unwrap();
            let f = mat::<T>(&av);
            let rebuilt = match uplo {
                Uplo::Lower => mm(&f, &ct(&f)),
                Uplo::Upper => mm(&ct(&f), &f),
            };
            let r = diff(&rebuilt, &a) / max_abs(&a);
            assert!(r < tol::<T>(n), "{name} {uplo:?}: factor residual {r}");
            for i in 0..n {
                for j in 0..n {
                    let zero_side = match uplo {
                        Uplo::Lower => j > i,
                        Uplo::Upper => i > j,
                    };
                    if zero_side {
                        assert_eq!(f[[i, j]], T::zero(), "{name} {uplo:?}: other triangle");
                    }
                }
            }
        }
    }
    let mut bad = nd(&Array2::from_shape_fn((2, 2), |(i, j)| {
        if i == j { T::from_f64(-1.0) } else { T::zero() }
    }));
    assert!(matches!(
        la::cholesky_inplace(&mut bad, Uplo::Lower),
        Err(Error::NotPositiveDefinite { .. })
    ));
}

#[test]
fn cholesky_inplace_all_dtypes_and_layouts() {
    all_dtypes!(check_cholesky_inplace);
}

fn check_cho<T: Scalar>() {
    let mut rng = Rng::new(12);
    let n = 7;
    let a = hpd::<T>(&mut rng, n);
    let b = rng.matrix::<T>(n, 3);
    for uplo in [Uplo::Lower, Uplo::Upper] {
        let c = la::cho_factor(&nd(&a), uplo).unwrap();
        assert_eq!(c.shape(), &[n, n]);
        let x = mat::<T>(&la::cho_solve(&c, uplo, &nd(&b)).unwrap());
        let r = diff(&mm(&a, &x), &b) / max_abs(&a);
        assert!(r < tol::<T>(n), "{uplo:?}: A x - b = {r}");
        // a factor from cholesky works too, and 1-D right-hand sides
        let f = la::cholesky(&nd(&a), uplo).unwrap();
        let b1 = rng.vector::<T>(n);
        let x1 =
            vec1::<T>(&la::cho_solve(&f, uplo, &array::from_ndarray(b1.clone()).unwrap()).unwrap());
        let r = diff(
            &mm(&a, &x1.insert_axis(ndarray::Axis(1))),
            &b1.insert_axis(ndarray::Axis(1)),
        ) / max_abs(&a);
        assert!(r < tol::<T>(n), "{uplo:?} (1-D b): {r}");
    }
    let zero = nd(&Array2::<T>::zeros((2, 2)));
    assert!(matches!(
        la::cho_solve(&zero, Uplo::Lower, &nd(&Array2::<T>::zeros((2, 1)))),
        Err(Error::Singular { .. })
    ));
}

#[test]
fn cho_factor_solve_all_dtypes() {
    all_dtypes!(check_cho);
}

fn check_lu<T: Scalar>() {
    let mut rng = Rng::new(13);
    let n = 7;
    let a = general::<T>(&mut rng, n);
    let b = rng.matrix::<T>(n, 2);
    let (lu, piv) = la::lu_factor(&nd(&a)).unwrap();
    assert_eq!(piv.len(), n);
    assert!(piv.iter().enumerate().all(|(i, &p)| p >= i && p < n));
    for trans in [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans] {
        let x = mat::<T>(&la::lu_solve(&lu, &piv, &nd(&b), trans).unwrap());
        let op = match trans {
            Transpose::NoTrans => a.clone(),
            Transpose::Trans => a.t().to_owned(),
            Transpose::ConjTrans => ct(&a),
        };
        let r = diff(&mm(&op, &x), &b) / max_abs(&a);
        assert!(r < tol::<T>(n), "{trans:?}: op(A) x - b = {r}");
    }
    // rectangular factors: P L U = A
    let w = rng.matrix::<T>(5, 3);
    let (lu, piv) = la::lu_factor(&nd(&w)).unwrap();
    assert_eq!((lu.shape(), piv.len()), (&[5usize, 3][..], 3));
    let lu = mat::<T>(&lu);
    let l = Array2::from_shape_fn((5, 3), |(i, j)| match i.cmp(&j) {
        std::cmp::Ordering::Greater => lu[[i, j]],
        std::cmp::Ordering::Equal => T::one(),
        std::cmp::Ordering::Less => T::zero(),
    });
    let u = Array2::from_shape_fn((3, 3), |(i, j)| if j >= i { lu[[i, j]] } else { T::zero() });
    let mut pa = w.clone();
    for (i, &p) in piv.iter().enumerate() {
        for j in 0..3 {
            pa.swap([i, j], [p, j]);
        }
    }
    assert!(diff(&mm(&l, &u), &pa) < tol::<T>(5) * max_abs(&w));
    // bad pivots are rejected before LAPACK sees them
    let (lu, _) = la::lu_factor(&nd(&a)).unwrap();
    let bad = vec![n; n];
    assert!(matches!(
        la::lu_solve(&lu, &bad, &nd(&b), Transpose::NoTrans),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        la::lu_solve(&lu, &[0], &nd(&b), Transpose::NoTrans),
        Err(Error::ShapeMismatch { .. })
    ));
}

#[test]
fn lu_factor_solve_all_dtypes() {
    all_dtypes!(check_lu);
}

/// `Q = H(0) … H(k−1)`, `H(i) = I − tau[i] v vᴴ` with `v` from `h`'s column
/// `i` below the diagonal and `v[i] = 1`.
fn q_from_reflectors<T: Scalar>(h: &Array2<T>, tau: &Array1<T>) -> Array2<T> {
    let m = h.nrows();
    let mut q = eye::<T>(m);
    for i in 0..tau.len() {
        let v = Array2::from_shape_fn((m, 1), |(r, _)| match r.cmp(&i) {
            std::cmp::Ordering::Less => T::zero(),
            std::cmp::Ordering::Equal => T::one(),
            std::cmp::Ordering::Greater => h[[r, i]],
        });
        let hi = &eye::<T>(m) - &mm(&v, &ct(&v)).mapv(|x| x * tau[i]);
        q = mm(&q, &hi);
    }
    q
}

fn check_qr_raw<T: Scalar>() {
    let mut rng = Rng::new(14);
    for (m, n) in [(6, 4), (4, 6), (5, 5)] {
        let a = rng.matrix::<T>(m, n);
        let (h, tau) = la::qr_raw(&nd(&a)).unwrap();
        assert_eq!(h.shape(), &[m, n]);
        assert_eq!(tau.shape(), &[m.min(n)]);
        let (h, tau) = (mat::<T>(&h), vec1::<T>(&tau));
        let q = q_from_reflectors(&h, &tau);
        let r = Array2::from_shape_fn((m, n), |(i, j)| if j >= i { h[[i, j]] } else { T::zero() });
        let res = diff(&mm(&q, &r), &a);
        assert!(res < tol::<T>(m.max(n)), "{m}x{n}: Q R - A = {res}");
        assert!(diff(&mm(&ct(&q), &q), &eye::<T>(m)) < tol::<T>(m));
    }
    // stacks
    let a0 = rng.matrix::<T>(4, 3);
    let a1 = rng.matrix::<T>(4, 3);
    let stack = ndarray::stack(ndarray::Axis(0), &[a0.view(), a1.view()]).unwrap();
    let (h, tau) = la::qr_raw(&array::from_ndarray(stack).unwrap()).unwrap();
    assert_eq!(
        (h.shape(), tau.shape()),
        (&[2usize, 4, 3][..], &[2usize, 3][..])
    );
    let (h1, _) = la::qr_raw(&nd(&a1)).unwrap();
    let hs = h.view::<T>().unwrap().slice(s![1, .., ..]).to_owned();
    assert!(diff(&hs, &mat::<T>(&h1)) < tol::<T>(4));
}

#[test]
fn qr_raw_all_dtypes() {
    all_dtypes!(check_qr_raw);
}

/// `S⁻¹ X` by the dynamic-array solve.
fn s_inv<T: Scalar>(sm: &Array2<T>, x: &Array2<T>) -> Array2<T> {
    mat::<T>(&la::solve(&nd(sm), &nd(x)).unwrap())
}

fn check_eigh_generalized_subset<T: Scalar>() {
    let mut rng = Rng::new(15);
    let n = 6;
    let h = hermitian::<T>(&mut rng, n);
    let sm = hpd::<T>(&mut rng, n);
    let scale = max_abs(&h) * max_abs(&sm);
    for itype in 1..=3u8 {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            let (e_all, _) =
                la::eigh_generalized_subset(&nd(&h), &nd(&sm), uplo, itype, None).unwrap();
            let e_all = vec1::<T::Real>(&e_all);
            let mid = (e_all[2].to_f64_real() + e_all[3].to_f64_real()) / 2.0;
            let hi = e_all[n - 1].to_f64_real() + 1.0;
            let ranges = [
                (None, 0, n),
                (Some(EigRange::Index(1, 3)), 1, 3),
                (Some(EigRange::Value(mid, hi)), 3, 3),
            ];
            for (range, first, count) in ranges {
                let what = format!("itype {itype} {uplo:?} {range:?}");
                let (e, x) =
                    la::eigh_generalized_subset(&nd(&h), &nd(&sm), uplo, itype, range).unwrap();
                assert_eq!(e.shape(), &[count], "{what}");
                assert_eq!(x.shape(), &[n, count], "{what}");
                let (e, x) = (vec1::<T::Real>(&e), mat::<T>(&x));
                for k in 0..count {
                    let d = (e[k].to_f64_real() - e_all[first + k].to_f64_real()).abs();
                    assert!(d < tol::<T>(n) * scale, "{what}: eigenvalue {k}");
                }
                let xe = |y: &Array2<T>| {
                    Array2::from_shape_fn(y.dim(), |(i, j)| y[[i, j]] * T::from_real(e[j]))
                };
                // the problem's residual and the normalization SciPy documents
                let (lhs, rhs, gram) = match itype {
                    1 => (mm(&h, &x), xe(&mm(&sm, &x)), mm(&ct(&x), &mm(&sm, &x))),
                    2 => (mm(&h, &mm(&sm, &x)), xe(&x), mm(&ct(&x), &mm(&sm, &x))),
                    _ => (mm(&sm, &mm(&h, &x)), xe(&x), mm(&ct(&x), &s_inv(&sm, &x))),
                };
                let r = diff(&lhs, &rhs) / (scale * (1.0 + max_abs(&x)));
                assert!(r < tol::<T>(n) * 10.0, "{what}: residual {r}");
                let g = diff(&gram, &eye::<T>(count));
                assert!(g < tol::<T>(n) * 10.0, "{what}: normalization {g}");
                let ev =
                    la::eigvalsh_generalized_subset(&nd(&h), &nd(&sm), uplo, itype, range).unwrap();
                for (a, b) in vec1::<T::Real>(&ev).iter().zip(e.iter()) {
                    let d = (a.to_f64_real() - b.to_f64_real()).abs();
                    assert!(d < tol::<T>(n) * scale, "{what}: values only");
                }
            }
        }
    }
    assert!(matches!(
        la::eigh_generalized_subset(&nd(&h), &nd(&sm), Uplo::Lower, 4, None),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(
        la::eigh_generalized_subset(
            &nd(&h),
            &nd(&sm),
            Uplo::Lower,
            1,
            Some(EigRange::Index(2, n))
        )
        .is_err()
    );
}

#[test]
fn eigh_generalized_subset_all_dtypes() {
    all_dtypes!(check_eigh_generalized_subset);
}

fn check_matrix_rank_stacked<T: Scalar>() {
    let mut rng = Rng::new(16);
    let (m, n) = (5, 4);
    let ranks = [[1usize, 4, 0], [2, 3, 4]];
    let mut mats = Vec::new();
    for row in ranks {
        for r in row {
            mats.push(mm(&rng.matrix::<T>(m, r), &rng.matrix::<T>(r, n)));
        }
    }
    let views: Vec<_> = mats.iter().map(|a| a.view()).collect();
    let stack = ndarray::stack(ndarray::Axis(0), &views)
        .unwrap()
        .into_shape_with_order((2, 3, m, n))
        .unwrap();
    let (got, shape) = la::matrix_rank_stacked(&array::from_ndarray(stack).unwrap(), None).unwrap();
    assert_eq!(shape, vec![2, 3]);
    assert_eq!(got, ranks.concat());
    let (one, shape) = la::matrix_rank_stacked(&nd(&mats[1]), None).unwrap();
    assert_eq!((one, shape), (vec![4], vec![]));
    // a tolerance above every singular value: rank 0
    let (zero, _) = la::matrix_rank_stacked(&nd(&mats[1]), Some(1e30)).unwrap();
    assert_eq!(zero, vec![0]);
}

#[test]
fn matrix_rank_stacked_all_dtypes() {
    all_dtypes!(check_matrix_rank_stacked);
}

fn check_eigh_generalized_subset_stacked<T: Scalar>() {
    let mut rng = Rng::new(17);
    let n = 5;
    let (h0, h1) = (hermitian::<T>(&mut rng, n), hermitian::<T>(&mut rng, n));
    let sm = hpd::<T>(&mut rng, n);
    let hs = ndarray::stack(ndarray::Axis(0), &[h0.view(), h1.view()]).unwrap();
    let hs = array::from_ndarray(hs).unwrap();
    for itype in 1..=3u8 {
        let range = Some(EigRange::Index(0, 2));
        let (w, x) = la::eigh_generalized_subset(&hs, &nd(&sm), Uplo::Lower, itype, range).unwrap();
        assert_eq!(
            (w.shape(), x.shape()),
            (&[2usize, 3][..], &[2usize, n, 3][..])
        );
        let wv = w.view::<T::Real>().unwrap();
        for (i, h) in [&h0, &h1].into_iter().enumerate() {
            let (wi, _) =
                la::eigh_generalized_subset(&nd(h), &nd(&sm), Uplo::Lower, itype, range).unwrap();
            for (k, v) in vec1::<T::Real>(&wi).iter().enumerate() {
                let d = (wv[[i, k]].to_f64_real() - v.to_f64_real()).abs();
                assert!(
                    d < tol::<T>(n) * max_abs(h) * max_abs(&sm),
                    "itype {itype} matrix {i}"
                );
            }
        }
    }
}

#[test]
fn eigh_generalized_subset_stacks_broadcast_s() {
    all_dtypes!(check_eigh_generalized_subset_stacked);
}
