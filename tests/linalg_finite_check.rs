//! The finite check fused into the drivers' working copy: NaN and infinity
//! are still rejected in every layout, at every position (first, last,
//! inside a copy tile and at its edge), for every driver that copies its
//! input; for the triangle-reading drivers a NaN in the unread triangle is
//! still ignored; with the check off nothing is rejected.

mod common;
use common::*;

use lapis::linalg::{
    self, Uplo, cho_factor, cholesky, det, eigh, eigh_generalized, eigvalsh, inv, lstsq, lu_factor,
    qr_raw, solve, svdvals, without_finite_check,
};
use lapis::{Error, Scalar};
use ndarray::{Array2, ArrayView2};

/// Positions to poison in an `n × n` matrix: corners, the diagonal, and
/// both sides of the 32-element tile edge.
fn positions(n: usize) -> Vec<(usize, usize)> {
    let mut p = vec![
        (0, 0),
        (n - 1, n - 1),
        (n - 1, 0),
        (0, n - 1),
        (n / 2, n / 2),
    ];
    if n > 33 {
        p.extend([(31, 32), (32, 31), (33, 5), (5, 33)]);
    }
    p
}

fn hpd<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let mut h = rng.hermitian::<T>(n);
    for i in 0..n {
        h[[i, i]] += T::from_f64(2.0 * n as f64);
    }
    h
}

fn is_non_finite<R>(r: lapis::Result<R>) -> bool {
    matches!(r, Err(Error::NonFinite { .. }))
}

/// Every general driver on `a` (square, in some layout).
fn general_rejects<T: Scalar>(a: ArrayView2<'_, T>, what: &str) {
    let b = Array2::<T>::ones((a.nrows(), 2));
    assert!(is_non_finite(solve(&a, &b)), "{what}: solve");
    assert!(is_non_finite(inv(&a)), "{what}: inv");
    assert!(is_non_finite(det(&a)), "{what}: det");
    assert!(is_non_finite(lu_factor(&a)), "{what}: lu_factor");
    assert!(is_non_finite(svdvals(&a)), "{what}: svdvals");
    assert!(is_non_finite(lstsq(&a, &b, None)), "{what}: lstsq");
    assert!(is_non_finite(qr_raw(&a)), "{what}: qr_raw");
    // The rhs too, solved against a finite matrix.
    let eye = Array2::<T>::eye(a.nrows());
    assert!(is_non_finite(solve(&eye, &a)), "{what}: solve b");
    assert!(is_non_finite(lstsq(&eye, &a, None)), "{what}: lstsq b");
}

fn nan_rejected_in_every_layout<T: Scalar>() {
    let mut rng = Rng::new(7);
    for n in [1, 5, 40] {
        let mut a0 = rng.matrix::<T>(n, n);
        for i in 0..n {
            a0[[i, i]] += T::from_f64(n as f64);
        }
        for (i, j) in positions(n) {
            for bad in [f64::NAN, f64::INFINITY] {
                let mut a = a0.clone();
                a[[i, j]] = T::from_f64(bad);
                for lay in Lay::ALL {
                    let m = Mat::new(&a, lay);
                    general_rejects(m.view(), &format!("n={n} ({i}, {j}) {bad} {lay:?}"));
                }
            }
        }
        // The finite matrix passes everywhere, and so does a poisoned one
        // with the check off (LAPACK's result is then unspecified).
        for lay in Lay::ALL {
            let m = Mat::new(&a0, lay);
            solve(&m.view(), &Array2::<T>::ones((n, 1))).unwrap();
        }
        let mut a = a0.clone();
        a[[n - 1, 0]] = T::from_f64(f64::NAN);
        without_finite_check(|| {
            assert!(!is_non_finite(det(&a)));
        });
    }
}
all_dtypes!(nan_rejected_in_every_layout);

fn triangle_rule_kept<T: Scalar>() {
    let mut rng = Rng::new(11);
    for n in [2, 5, 40] {
        let h0 = hpd::<T>(&mut rng, n);
        for (i, j) in positions(n) {
            if i == j {
                continue;
            }
            let mut h = h0.clone();
            h[[i, j]] = T::from_f64(f64::NAN);
            // (i, j) is in the lower triangle when i > j.
            let (read, unread) = if i > j {
                (Uplo::Lower, Uplo::Upper)
            } else {
                (Uplo::Upper, Uplo::Lower)
            };
            for lay in Lay::ALL {
                let m = Mat::new(&h, lay);
                let v = m.view();
                let what = format!("n={n} ({i}, {j}) {lay:?}");
                assert!(is_non_finite(cholesky(&v, read)), "{what}: cholesky");
                assert!(is_non_finite(cho_factor(&v, read)), "{what}: cho_factor");
                assert!(is_non_finite(eigh(&v, read)), "{what}: eigh");
                assert!(is_non_finite(eigvalsh(&v, read)), "{what}: eigvalsh");
                let eye = Array2::<T>::eye(n);
                let g = eigh_generalized(&v, &eye, read, 1);
                assert!(is_non_finite(g), "{what}: eigh_generalized a");
                let g = eigh_generalized(&eye, &v, read, 1);
                assert!(is_non_finite(g), "{what}: eigh_generalized b");
                // The other triangle is never read.
                let c = cholesky(&v, unread).expect("NaN in the unread triangle");
                let want = cholesky(&h0, unread).unwrap();
                assert_close2(&c, &want, n, &format!("{what}: cholesky"));
                let f = cho_factor(&v, unread).unwrap();
                assert_close2(&f.factor(), &want, n, &format!("{what}: cho_factor"));
                let (w, _) = eigh(&v, unread).unwrap();
                let w0 = eigvalsh(&h0, unread).unwrap();
                assert_close1(&w, &w0, n, &format!("{what}: eigh"));
                eigvalsh(&v, unread).unwrap();
                eigh_generalized(&v, &eye, unread, 1).unwrap();
                eigh_generalized(&eye, &hpd::<T>(&mut rng, n), unread, 1).unwrap();
                let sub = linalg::eigh_subset(&v, unread, linalg::EigRange::Index(0, 0));
                sub.expect("subset, NaN in the unread triangle");
            }
        }
    }
}
all_dtypes!(triangle_rule_kept);

/// The Cholesky factor's other triangle is zero for every layout, though
/// the copy (not a second pass) now zeroes it.
fn cholesky_other_triangle_zero<T: Scalar>() {
    let mut rng = Rng::new(5);
    for n in [1, 3, 37] {
        let h = hpd::<T>(&mut rng, n);
        for lay in Lay::ALL {
            let m = Mat::new(&h, lay);
            for uplo in [Uplo::Lower, Uplo::Upper] {
                let c = cholesky(&m.view(), uplo).unwrap();
                assert!(c.t().is_standard_layout(), "Fortran order");
                for ((i, j), v) in c.indexed_iter() {
                    let inside = match uplo {
                        Uplo::Lower => i >= j,
                        Uplo::Upper => i <= j,
                    };
                    if !inside {
                        assert!(*v == T::zero(), "{lay:?} {uplo:?} ({i}, {j})");
                    }
                }
            }
        }
    }
}
all_dtypes!(cholesky_other_triangle_zero);
