//! Cholesky (`cholesky`, `cholesky_inplace`, `cho_factor`/`cho_solve`,
//! `cholesky_stacked`) and triangular solves (`solve_triangular`,
//! `solve_triangular_stacked`) on all four element types and every layout:
//! reconstruction `A = L·Lᴴ = Uᴴ·U`, exact triangular structure, residuals
//! `‖A·x − b‖ / (‖A‖·‖x‖·n·ε)`, indefinite input with the right minor,
//! zero diagonals with the right index, NaN handling, the in-place variant
//! on every layout (with the copy counter and untouched padding), stacks
//! against per-matrix calls, and inputs left unchanged.

mod common;
use common::*;

use lapis::blas::{Transpose, Uplo};
use lapis::layout::copies_made;
use lapis::linalg::{
    ChoFactors, cho_factor, cho_solve, cholesky, cholesky_inplace, cholesky_stacked, eigh,
    eigh_generalized, eigvalsh, solve_triangular, solve_triangular_stacked, without_finite_check,
};
use lapis::{Complex64, Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, ArrayD, ArrayRef1, ArrayRef2, Axis, IxDyn, ShapeBuilder, array, s};

const ORDERS: [usize; 8] = [0, 1, 2, 3, 5, 8, 17, 33];
const TRANS: [Transpose; 3] = [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans];

fn f64_of<T: Scalar>(x: T::Real) -> f64 {
    x.to_f64_real()
}

fn eps<T: Scalar>() -> f64 {
    f64_of::<T>(T::epsilon())
}

fn nan<T: Scalar>() -> T {
    T::from_f64(f64::NAN)
}

fn max_abs<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.iter().map(|v| f64_of::<T>(v.abs())).fold(0.0, f64::max)
}

/// ‖A‖∞ (largest row sum of moduli).
fn norm_inf<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.rows()
        .into_iter()
        .map(|r| r.iter().map(|v| f64_of::<T>(v.abs())).sum::<f64>())
        .fold(0.0, f64::max)
}

/// `‖A·X − B‖ / (‖A‖·‖X‖·n·ε)` with max norms over the columns of `X`.
fn residual<T: Scalar>(a: &ArrayRef2<T>, x: &ArrayRef2<T>, b: &ArrayRef2<T>) -> f64 {
    let n = a.nrows().max(1) as f64;
    let mut r = matmul(a, x);
    r.zip_mut_with(b, |r, b| *r -= *b);
    let (rn, xn) = (max_abs(&r), max_abs(x));
    if rn == 0.0 {
        return 0.0;
    }
    rn / (norm_inf(a) * xn * n * eps::<T>())
}

fn col<T: Scalar>(v: &ArrayRef1<T>) -> Array2<T> {
    v.to_owned().insert_axis(Axis(1))
}

/// A random Hermitian positive-definite matrix `B·Bᴴ + n·I`, exactly
/// Hermitian (real diagonal).
fn hpd<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let b: Array2<T> = rng.matrix(n, n);
    let mut a = matmul(&b, &op(&b, Transpose::ConjTrans));
    for i in 0..n {
        a[[i, i]] = T::from_real(a[[i, i]].re()) + T::from_f64(n as f64);
        for j in 0..i {
            a[[j, i]] = a[[i, j]].conj();
        }
    }
    a
}

fn hilbert<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64))
}

/// The triangle a `lower` flag of these tests names.
fn tri(lower: bool) -> Uplo {
    if lower { Uplo::Lower } else { Uplo::Upper }
}

/// Whether `(i, j)` is in the lower (or upper) triangle, diagonal included.
fn in_tri(lower: bool, i: usize, j: usize) -> bool {
    if lower { j <= i } else { j >= i }
}

/// `a` with the strict other triangle replaced by `g`.
fn poison_other<T: Scalar>(a: &ArrayRef2<T>, lower: bool, g: T) -> Array2<T> {
    Array2::from_shape_fn(
        a.dim(),
        |(i, j)| if in_tri(lower, i, j) { a[[i, j]] } else { g },
    )
}

/// Checks that `c` is an exact Cholesky factor of `a` in the named triangle:
/// zeros in the other, a positive real diagonal, and `L·Lᴴ` (or `Uᴴ·U`)
/// equal to `a` within `c·n·ε·max|a|`.
#[track_caller]
fn assert_factor<T: Scalar>(c: &ArrayRef2<T>, a: &ArrayRef2<T>, lower: bool, what: &str) {
    let n = a.nrows();
    assert_eq!(c.dim(), (n, n), "{what}: shape");
    for ((i, j), v) in c.indexed_iter() {
        if !in_tri(lower, i, j) {
            assert!(
                *v == T::zero(),
                "{what}: ({i}, {j}) outside the triangle is {v}"
            );
        }
        if i == j {
            assert!(
                f64_of::<T>(v.im()) == 0.0 && f64_of::<T>(v.re()) > 0.0,
                "{what}: diagonal {i} is {v}"
            );
        }
    }
    let rec = if lower {
        matmul(c, &op(c, Transpose::ConjTrans))
    } else {
        matmul(&op(c, Transpose::ConjTrans), c)
    };
    assert_close2(&rec, a, n, what);
}

// ---------------------------------------------------------------------------
// cholesky

fn cholesky_reconstructs<T: Scalar>() {
    let mut rng = Rng::new(11);
    for n in ORDERS {
        let a = hpd::<T>(&mut rng, n);
        for lower in [true, false] {
            let reference = cholesky(&a, tri(lower)).unwrap();
            assert!(
                reference.t().is_standard_layout(),
                "result is in Fortran order"
            );
            assert_factor(&reference, &a, lower, &format!("n={n} lower={lower}"));
            // Only the named triangle is read.
            let junk = poison_other(&a, lower, T::from_f64(-7.5));
            assert_eq!(
                cholesky(&junk, tri(lower)).unwrap(),
                reference,
                "other triangle was read"
            );
            for lay in Lay::ALL {
                let m = Mat::new(&junk, lay);
                let before = m.backing().clone();
                let c = cholesky(&m.view(), tri(lower)).unwrap();
                assert_eq!(
                    c, reference,
                    "n={n} lower={lower} {lay:?}: differs from C order"
                );
                assert_eq!(*m.backing(), before, "{lay:?}: input modified");
            }
        }
        // Uniqueness: U = Lᴴ.
        let l = cholesky(&a, Uplo::Lower).unwrap();
        let u = cholesky(&a, Uplo::Upper).unwrap();
        assert_close2(
            &u,
            &op(&l, Transpose::ConjTrans),
            n,
            &format!("n={n}: U = Lᴴ"),
        );
    }
}
all_dtypes!(cholesky_reconstructs);

fn cholesky_known_values<T: Scalar>() {
    let a: Array2<T> = array![[4.0, 2.0], [2.0, 3.0]].mapv(T::from_f64);
    let l = cholesky(&a, Uplo::Lower).unwrap();
    let want = array![[2.0, 0.0], [1.0, 2f64.sqrt()]].mapv(T::from_f64);
    assert_close2(&l, &want, 2, "2×2 lower");
    let u = cholesky(&a, Uplo::Upper).unwrap();
    assert_close2(&u, &want.t().to_owned(), 2, "2×2 upper");
    // 1×1 and 0×0.
    let one = cholesky(&array![[T::from_f64(9.0)]], Uplo::Lower).unwrap();
    assert_eq!(one, array![[T::from_f64(3.0)]]);
    assert_eq!(
        cholesky(&Array2::<T>::zeros((0, 0)), Uplo::Upper)
            .unwrap()
            .dim(),
        (0, 0)
    );
    // Hilbert (cond ≈ 1.6e4 at n = 4, 1.5e7 at n = 6: f64 only).
    let n = if f64_of::<T>(T::epsilon()) < 1e-10 {
        8
    } else {
        4
    };
    let h = hilbert::<T>(n);
    assert_factor(&cholesky(&h, Uplo::Lower).unwrap(), &h, true, "Hilbert");
    // A diagonal matrix: its square root.
    let d = Array2::from_diag(&Array1::from_iter(
        (1..6).map(|i| T::from_f64((i * i) as f64)),
    ));
    let c = cholesky(&d, Uplo::Lower).unwrap();
    assert_eq!(
        c,
        Array2::from_diag(&Array1::from_iter((1..6).map(|i| T::from_f64(i as f64))))
    );
}
all_dtypes!(cholesky_known_values);

#[test]
fn cholesky_complex_known_value() {
    let i = Complex64::new(0.0, 1.0);
    let one = Complex64::new(1.0, 0.0);
    let a = array![[2.0 * one, one + i], [one - i, 3.0 * one]];
    let l = cholesky(&a, Uplo::Lower).unwrap();
    let r2 = 2f64.sqrt();
    let want = array![[r2 * one, 0.0 * one], [(one - i) / r2, r2 * one]];
    assert_close2(&l, &want, 2, "complex 2×2");
    let u = cholesky(&a, Uplo::Upper).unwrap();
    assert_close2(&u, &op(&want, Transpose::ConjTrans), 2, "complex 2×2 upper");
}

/// `a` positive definite except that the leading minor of order `p + 1`
/// is not: `a[p, p]` is made negative.
fn indefinite_at<T: Scalar>(rng: &mut Rng, n: usize, p: usize) -> Array2<T> {
    let mut a = hpd::<T>(rng, n);
    a[[p, p]] = T::from_f64(-1.0);
    a
}

fn cholesky_indefinite<T: Scalar>() {
    let mut rng = Rng::new(12);
    let n = 6;
    for p in 0..n {
        let a = indefinite_at::<T>(&mut rng, n, p);
        for lower in [true, false] {
            for lay in Lay::ALL {
                let m = Mat::new(&a, lay);
                let e = cholesky(&m.view(), tri(lower)).unwrap_err();
                assert_eq!(
                    e,
                    Error::NotPositiveDefinite {
                        routine: "cholesky",
                        minor: p + 1
                    },
                    "p={p} lower={lower} {lay:?}"
                );
            }
            let e = cho_factor(&a, tri(lower)).unwrap_err();
            assert!(
                matches!(e, Error::NotPositiveDefinite { routine: "cho_factor", minor } if minor == p + 1)
            );
        }
    }
    // Positive semi-definite (singular) and negative definite.
    let ones = Array2::<T>::from_elem((3, 3), T::one());
    assert!(matches!(
        cholesky(&ones, Uplo::Lower),
        Err(Error::NotPositiveDefinite { minor: 2, .. })
    ));
    let neg = Array2::<T>::from_diag_elem(4, T::from_f64(-1.0));
    assert!(matches!(
        cholesky(&neg, Uplo::Upper),
        Err(Error::NotPositiveDefinite { minor: 1, .. })
    ));
    assert_eq!(
        cholesky(&neg, Uplo::Upper).unwrap_err().to_string(),
        "cholesky: matrix is not positive definite (leading minor of order 1)"
    );
}
all_dtypes!(cholesky_indefinite);

fn cholesky_bad_input<T: Scalar>() {
    let mut rng = Rng::new(13);
    let a = hpd::<T>(&mut rng, 4);
    let rect = Array2::<T>::zeros((3, 4));
    assert!(matches!(
        cholesky(&rect, Uplo::Lower),
        Err(Error::NotSquare {
            routine: "cholesky",
            ..
        })
    ));
    assert!(matches!(
        cho_factor(&rect, Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));
    let mut bad = a.clone();
    bad[[3, 0]] = nan();
    assert_eq!(
        cholesky(&bad, Uplo::Lower).unwrap_err(),
        Error::NonFinite {
            routine: "cholesky",
            what: "a"
        }
    );
    // NaN in the unread triangle is neither checked nor read (the rule of
    // every triangle-reading routine; it was rejected before, as SciPy's
    // whole-matrix check_finite does, unlike eigh) ...
    assert_eq!(
        cholesky(&bad, Uplo::Upper).unwrap(),
        cholesky(&a, Uplo::Upper).unwrap()
    );
    bad[[3, 0]] = T::from_f64(f64::INFINITY);
    assert_eq!(
        cho_factor(&bad, Uplo::Upper).unwrap().factor(),
        cho_factor(&a, Uplo::Upper).unwrap().factor()
    );
    // ... also without the check.
    let c = without_finite_check(|| cholesky(&bad, Uplo::Upper)).unwrap();
    assert_eq!(c, cholesky(&a, Uplo::Upper).unwrap());
    // NaN in the read triangle without the check: reference LAPACK reports
    // a failed minor, OpenBLAS's own potrf propagates the NaN; never a
    // crash or a NonFinite.
    let mut bad = a.clone();
    bad[[0, 0]] = nan();
    match without_finite_check(|| cholesky(&bad, Uplo::Lower)) {
        Err(Error::NotPositiveDefinite { minor: 1, .. }) => {}
        Ok(c) => assert!(!c[[0, 0]].is_finite()),
        r => panic!("{r:?}"),
    }
}
all_dtypes!(cholesky_bad_input);

fn cholesky_stacks<T: Scalar>() {
    let mut rng = Rng::new(14);
    let n = 5;
    let mut stack = ArrayD::<T>::zeros(IxDyn(&[2, 3, n, n]));
    for i in 0..2 {
        for j in 0..3 {
            stack
                .slice_mut(s![i, j, .., ..])
                .assign(&hpd::<T>(&mut rng, n));
        }
    }
    for lower in [true, false] {
        let c = cholesky_stacked(&stack, tri(lower)).unwrap();
        assert_eq!(c.shape(), &[2, 3, n, n]);
        for i in 0..2 {
            for j in 0..3 {
                let want = cholesky(&stack.slice(s![i, j, .., ..]), tri(lower)).unwrap();
                assert_eq!(c.slice(s![i, j, .., ..]), want, "[{i}, {j}]");
            }
        }
        // A stack with permuted (non-contiguous) axes.
        let perm = stack.view().permuted_axes(IxDyn(&[1, 0, 3, 2]));
        let cp = cholesky_stacked(&perm, tri(lower)).unwrap();
        assert_eq!(cp.shape(), &[3, 2, n, n]);
        let want = cholesky(&perm.slice(s![2, 1, .., ..]), tri(lower)).unwrap();
        assert_eq!(cp.slice(s![2, 1, .., ..]), want);
    }
    // An indefinite member fails the stack with its minor.
    let mut bad = stack.clone();
    bad[[1, 2, 3, 3]] = T::from_f64(-1.0);
    assert!(matches!(
        cholesky_stacked(&bad, Uplo::Lower),
        Err(Error::NotPositiveDefinite { minor: 4, .. })
    ));
    // Shapes: empty stacks, 2-D input, too few axes, non-square.
    let empty = ArrayD::<T>::zeros(IxDyn(&[0, n, n]));
    assert_eq!(
        cholesky_stacked(&empty, Uplo::Lower).unwrap().shape(),
        &[0, n, n]
    );
    let flat = stack.slice(s![0, 0, .., ..]).into_dyn();
    assert_eq!(
        cholesky_stacked(&flat, Uplo::Lower).unwrap(),
        cholesky(&stack.slice(s![0, 0, .., ..]), Uplo::Lower)
            .unwrap()
            .into_dyn()
    );
    let v = ArrayD::<T>::zeros(IxDyn(&[3]));
    assert!(matches!(
        cholesky_stacked(&v, Uplo::Lower),
        Err(Error::TooFewDimensions { min: 2, .. })
    ));
    let rect = ArrayD::<T>::zeros(IxDyn(&[2, 3, 4]));
    assert!(matches!(
        cholesky_stacked(&rect, Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));
}
all_dtypes!(cholesky_stacks);

// ---------------------------------------------------------------------------
// cholesky_inplace

/// The backing store outside the view still holds the poison.
#[track_caller]
fn assert_padding<T: Scalar>(m: &Mat<T>, n: usize, lay: Lay, what: &str) {
    let mask = Mat::new(&Array2::<T>::zeros((n, n)), lay);
    let poison = T::from_f64(1e30);
    for (idx, &p) in mask.backing().indexed_iter() {
        if p == poison {
            assert!(
                m.backing()[idx] == poison,
                "{what}: padding {idx:?} written"
            );
        }
    }
}

fn inplace_every_layout<T: Scalar>() {
    let mut rng = Rng::new(21);
    for n in ORDERS {
        let a = hpd::<T>(&mut rng, n);
        for lower in [true, false] {
            let want = cholesky(&a, tri(lower)).unwrap();
            // Garbage in the other triangle: not read, overwritten by zeros.
            let junk = poison_other(&a, lower, T::from_f64(3.25));
            for lay in Lay::ALL {
                let what = format!("n={n} lower={lower} {lay:?}");
                let mut m = Mat::new(&junk, lay);
                let before = copies_made();
                cholesky_inplace(&mut m.view_mut(), tri(lower)).unwrap();
                let copies = copies_made() - before;
                if lay.blas_native() || n <= 1 {
                    assert_eq!(copies, 0, "{what}: copied");
                } else {
                    assert_eq!(copies, 1, "{what}: copies");
                }
                assert_factor(&m.view(), &a, lower, &what);
                assert_close2(&m.view(), &want, n, &what);
                assert_padding(&m, n, lay, &what);
            }
        }
    }
}
all_dtypes!(inplace_every_layout);

/// The C-order path factors the conjugate problem through the transpose:
/// check on a complex matrix with a known factor that no conjugation is
/// missing, in both triangles and on a sub-matrix view.
#[test]
fn inplace_c_order_complex_identity() {
    let i = Complex64::new(0.0, 1.0);
    let one = Complex64::new(1.0, 0.0);
    let a = array![[2.0 * one, one + i], [one - i, 3.0 * one]];
    let want_l = cholesky(&a, Uplo::Lower).unwrap();
    let want_u = cholesky(&a, Uplo::Upper).unwrap();
    assert_close2(&want_u, &op(&want_l, Transpose::ConjTrans), 2, "U = Lᴴ");
    for (lower, want) in [(true, &want_l), (false, &want_u)] {
        let mut c = a.clone();
        assert!(c.is_standard_layout());
        cholesky_inplace(&mut c, tri(lower)).unwrap();
        assert_close2(&c, want, 2, "C order");
        let mut big = Array2::<Complex64>::zeros((4, 5));
        big.slice_mut(s![1..3, 2..4]).assign(&a);
        cholesky_inplace(&mut big.slice_mut(s![1..3, 2..4]), tri(lower)).unwrap();
        assert_close2(&big.slice(s![1..3, 2..4]), want, 2, "C sub-matrix");
        assert_eq!(
            big.iter()
                .filter(|v| **v != Complex64::new(0.0, 0.0))
                .count(),
            3
        );
        let mut f = Array2::<Complex64>::zeros((2, 2).f());
        f.assign(&a);
        cholesky_inplace(&mut f, tri(lower)).unwrap();
        assert_close2(&f, want, 2, "F order");
    }
}

fn inplace_errors_leave_input<T: Scalar>() {
    let mut rng = Rng::new(22);
    let n = 6;
    let a = hpd::<T>(&mut rng, n);
    for lay in Lay::ALL {
        // NaN in the read triangle: NonFinite, untouched.
        let mut bad = a.clone();
        bad[[4, 2]] = nan();
        let mut m = Mat::new(&bad, lay);
        let before = m.backing().clone();
        let e = cholesky_inplace(&mut m.view_mut(), Uplo::Lower).unwrap_err();
        assert_eq!(
            e,
            Error::NonFinite {
                routine: "cholesky_inplace",
                what: "a"
            }
        );
        assert!(
            m.backing()
                .iter()
                .zip(&before)
                .all(|(x, y)| x == y || !x.is_finite()),
            "{lay:?}"
        );
        // Not square: untouched.
        let rect: Array2<T> = rng.matrix(3, 4);
        let mut m = Mat::new(&rect, lay);
        let before = m.backing().clone();
        assert!(matches!(
            cholesky_inplace(&mut m.view_mut(), Uplo::Lower),
            Err(Error::NotSquare { .. })
        ));
        assert_eq!(*m.backing(), before, "{lay:?}: not-square input modified");
    }
}
all_dtypes!(inplace_errors_leave_input);

/// After `NotPositiveDefinite` the named triangle is partially
/// overwritten: its leading `minor − 1` block holds the factor of `A`'s
/// leading block, and the other triangle is unchanged, on every layout.
fn inplace_indefinite<T: Scalar>() {
    let mut rng = Rng::new(23);
    let n = 7;
    for p in [0, 3, 6] {
        let a = indefinite_at::<T>(&mut rng, n, p);
        for lower in [true, false] {
            let lead = if p > 0 {
                Some(cholesky(&a.slice(s![..p, ..p]), tri(lower)).unwrap())
            } else {
                None
            };
            for lay in Lay::ALL {
                let what = format!("p={p} lower={lower} {lay:?}");
                let mut m = Mat::new(&a, lay);
                let e = cholesky_inplace(&mut m.view_mut(), tri(lower)).unwrap_err();
                assert_eq!(
                    e,
                    Error::NotPositiveDefinite {
                        routine: "cholesky_inplace",
                        minor: p + 1
                    },
                    "{what}"
                );
                let v = m.view();
                for ((i, j), x) in v.indexed_iter() {
                    if !in_tri(lower, i, j) {
                        assert!(*x == a[[i, j]], "{what}: other triangle ({i}, {j}) changed");
                    }
                }
                if let Some(l) = &lead {
                    let got = Array2::from_shape_fn((p, p), |(i, j)| {
                        if in_tri(lower, i, j) {
                            v[[i, j]]
                        } else {
                            T::zero()
                        }
                    });
                    assert_close2(&got, l, n, &what);
                }
                assert_padding(&m, n, lay, &what);
            }
        }
    }
}
all_dtypes!(inplace_indefinite);

// ---------------------------------------------------------------------------
// cho_factor / cho_solve

fn cho_solve_residuals<T: Scalar>() {
    let mut rng = Rng::new(31);
    for n in ORDERS {
        let a = hpd::<T>(&mut rng, n);
        for lower in [true, false] {
            let f = cho_factor(&Mat::new(&a, Lay::Stepped).view(), tri(lower)).unwrap();
            assert_eq!(f.lower(), lower);
            // The factor in the named triangle, the input's entries in the other.
            for ((i, j), v) in f.c().indexed_iter() {
                if !in_tri(lower, i, j) {
                    assert!(*v == a[[i, j]], "other triangle of c");
                }
            }
            assert_eq!(f.factor(), cholesky(&a, tri(lower)).unwrap());
            // b as a vector, every stride.
            let b: Array1<T> = rng.vector(n);
            for vl in VLay::ALL {
                let bv = Vector::new(&b, vl);
                let before = bv.backing().clone();
                let x = cho_solve(&f, &bv.view()).unwrap();
                assert_eq!(x.len(), n);
                let r = residual(&a, &col(&x), &col(&b));
                assert!(r < 10.0, "n={n} lower={lower} {vl:?}: residual {r}");
                assert_eq!(*bv.backing(), before, "b modified");
            }
            // b as a matrix, every layout.
            let bm: Array2<T> = rng.matrix(n, 3);
            for lay in Lay::ALL {
                let m = Mat::new(&bm, lay);
                let x = cho_solve(&f, &m.view()).unwrap();
                assert_eq!(x.dim(), (n, 3));
                let r = residual(&a, &x, &bm);
                assert!(r < 10.0, "n={n} lower={lower} {lay:?}: residual {r}");
            }
            // Factors from `cholesky` solve alike.
            let g = ChoFactors::new(cholesky(&a, tri(lower)).unwrap(), tri(lower)).unwrap();
            let x1 = cho_solve(&g, &bm).unwrap();
            let x2 = cho_solve(&f, &bm).unwrap();
            assert_close2(&x1, &x2, n, "ChoFactors::new");
        }
    }
    // k = 0 right-hand sides.
    let a = hpd::<T>(&mut rng, 3);
    let f = cho_factor(&a, Uplo::Lower).unwrap();
    assert_eq!(
        cho_solve(&f, &Array2::<T>::zeros((3, 0))).unwrap().dim(),
        (3, 0)
    );
}
all_dtypes!(cho_solve_residuals);

fn cho_errors<T: Scalar>() {
    let mut rng = Rng::new(32);
    let a = hpd::<T>(&mut rng, 4);
    let f = cho_factor(&a, Uplo::Upper).unwrap();
    let e = cho_solve(&f, &Array1::<T>::zeros(3)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::ShapeMismatch {
                routine: "cho_solve",
                what: "b",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(matches!(
        cho_solve(&f, &Array2::<T>::zeros((5, 2))),
        Err(Error::ShapeMismatch { .. })
    ));
    let mut b = Array1::<T>::zeros(4);
    b[1] = nan();
    assert_eq!(
        cho_solve(&f, &b).unwrap_err(),
        Error::NonFinite {
            routine: "cho_solve",
            what: "b"
        }
    );
    // ChoFactors::new: square, finite, nonzero diagonal; C order is copied.
    assert!(matches!(
        ChoFactors::new(Array2::<T>::zeros((2, 3)), Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));
    let mut c = cholesky(&a, Uplo::Lower).unwrap();
    c[[2, 2]] = T::zero();
    assert!(matches!(
        ChoFactors::new(c.clone(), Uplo::Lower),
        Err(Error::Singular { index: 2, .. })
    ));
    c[[2, 2]] = nan();
    assert!(matches!(
        ChoFactors::new(c, Uplo::Lower),
        Err(Error::NonFinite { .. })
    ));
    let l = cholesky(&a, Uplo::Lower).unwrap();
    let mut lc = Array2::<T>::zeros((4, 4));
    lc.assign(&l);
    let g = ChoFactors::new(lc, Uplo::Lower).unwrap();
    assert!(g.c().t().is_standard_layout());
    let b: Array1<T> = rng.vector(4);
    let x = cho_solve(&g, &b).unwrap();
    assert!(residual(&a, &col(&x), &col(&b)) < 10.0);
    let (c, uplo) = g.into_parts();
    let lower = uplo == Uplo::Lower;
    assert!(lower);
    assert_eq!(c, l);
}
all_dtypes!(cho_errors);

// ---------------------------------------------------------------------------
// solve_triangular

/// A well-conditioned triangular test matrix with garbage in the other
/// triangle (and on the diagonal when it is implied unit).
fn tri_input<T: Scalar>(
    rng: &mut Rng,
    n: usize,
    lower: bool,
    unit: bool,
) -> (Array2<T>, Array2<T>) {
    let scale = T::from_f64(1.0 / n.max(1) as f64);
    let mut stored: Array2<T> = rng.matrix(n, n);
    let mut exact = Array2::<T>::zeros((n, n));
    for i in 0..n {
        for j in 0..n {
            if i == j {
                let d = stored[[i, i]];
                let d = d + T::from_f64(if f64_of::<T>(d.re()) >= 0.0 {
                    2.0
                } else {
                    -2.0
                });
                stored[[i, i]] = if unit { T::from_f64(1e3) } else { d };
                exact[[i, i]] = if unit { T::one() } else { d };
            } else if in_tri(lower, i, j) {
                stored[[i, j]] *= scale;
                exact[[i, j]] = stored[[i, j]];
            } else {
                stored[[i, j]] = T::from_f64(-1e3);
            }
        }
    }
    (stored, exact)
}

fn triangular_residuals<T: Scalar>() {
    let mut rng = Rng::new(41);
    for n in ORDERS {
        for lower in [true, false] {
            for unit in [false, true] {
                let (stored, exact) = tri_input::<T>(&mut rng, n, lower, unit);
                let bm: Array2<T> = rng.matrix(n, 2);
                let bv: Array1<T> = rng.vector(n);
                for trans in TRANS {
                    let opa = op(&exact, trans);
                    for lay in Lay::ALL {
                        let what = format!("n={n} lower={lower} unit={unit} {trans:?} {lay:?}");
                        let m = Mat::new(&stored, lay);
                        let before = m.backing().clone();
                        let c0 = copies_made();
                        let x = solve_triangular(&m.view(), &bm, tri(lower), trans, unit).unwrap();
                        let copies = copies_made() - c0;
                        if lay.blas_native() || n <= 1 {
                            assert_eq!(copies, 0, "{what}: a was copied");
                        } else {
                            assert_eq!(copies, 1, "{what}: copies");
                        }
                        assert_eq!(x.dim(), (n, 2));
                        let r = residual(&opa, &x, &bm);
                        assert!(r < 10.0, "{what}: residual {r}");
                        assert_eq!(*m.backing(), before, "{what}: a modified");
                        // b as a matrix in this layout.
                        let bmat = Mat::new(&bm, lay);
                        let xb = solve_triangular(&stored, &bmat.view(), tri(lower), trans, unit)
                            .unwrap();
                        assert!(residual(&opa, &xb, &bm) < 10.0, "{what}: b layout");
                    }
                    for vl in VLay::ALL {
                        let v = Vector::new(&bv, vl);
                        let x = solve_triangular(
                            &stored.t(),
                            &v.view(),
                            tri(!lower),
                            op_swap(trans),
                            unit,
                        )
                        .unwrap();
                        assert_eq!(x.len(), n);
                        // The transposed view (the other layout path) with the
                        // other triangle.
                        let opb = op(&exact.t().to_owned(), op_swap(trans));
                        let r = residual(&opb, &col(&x), &col(&bv));
                        assert!(r < 10.0, "n={n} {trans:?} {vl:?}: residual {r}");
                    }
                }
            }
        }
    }
}
all_dtypes!(triangular_residuals);

fn op_swap(t: Transpose) -> Transpose {
    match t {
        Transpose::NoTrans => Transpose::Trans,
        Transpose::Trans => Transpose::NoTrans,
        Transpose::ConjTrans => Transpose::ConjTrans,
    }
}

fn triangular_known_and_errors<T: Scalar>() {
    let a = array![[1.0, 0.0], [2.0, 1.0]].mapv(T::from_f64);
    let x = solve_triangular(
        &a,
        &array![1.0, 4.0].mapv(T::from_f64),
        Uplo::Lower,
        Transpose::NoTrans,
        false,
    )
    .unwrap();
    assert_close1(&x, &array![1.0, 2.0].mapv(T::from_f64), 2, "2×2 lower");
    let x = solve_triangular(
        &a,
        &array![5.0, 1.0].mapv(T::from_f64),
        Uplo::Lower,
        Transpose::Trans,
        false,
    )
    .unwrap();
    assert_close1(
        &x,
        &array![3.0, 1.0].mapv(T::from_f64),
        2,
        "2×2 lower, transposed",
    );
    // 0 × 0 and 1 × 1.
    let e = Array2::<T>::zeros((0, 0));
    assert_eq!(
        solve_triangular(
            &e,
            &Array1::<T>::zeros(0),
            Uplo::Lower,
            Transpose::NoTrans,
            false
        )
        .unwrap()
        .len(),
        0
    );
    assert_eq!(
        solve_triangular(
            &e,
            &Array2::<T>::zeros((0, 3)),
            Uplo::Lower,
            Transpose::NoTrans,
            false
        )
        .unwrap()
        .dim(),
        (0, 3)
    );
    let one = array![[T::from_f64(4.0)]];
    let x = solve_triangular(
        &one,
        &array![T::from_f64(2.0)],
        Uplo::Upper,
        Transpose::ConjTrans,
        false,
    )
    .unwrap();
    assert_eq!(x, array![T::from_f64(0.5)]);

    // A zero on the diagonal: Singular at its index, on every layout and
    // trans; not an error with an implied unit diagonal.
    let mut rng = Rng::new(42);
    let n = 6;
    for lower in [true, false] {
        for p in [0, 2, 5] {
            let (mut stored, _) = tri_input::<T>(&mut rng, n, lower, false);
            stored[[p, p]] = T::zero();
            let b: Array1<T> = rng.vector(n);
            for lay in Lay::ALL {
                let m = Mat::new(&stored, lay);
                for trans in TRANS {
                    let e = solve_triangular(&m.view(), &b, tri(lower), trans, false).unwrap_err();
                    assert_eq!(
                        e,
                        Error::Singular {
                            routine: "solve_triangular",
                            index: p
                        },
                        "lower={lower} p={p} {lay:?} {trans:?}"
                    );
                    assert!(solve_triangular(&m.view(), &b, tri(lower), trans, true).is_ok());
                }
            }
        }
    }

    // Shapes.
    let (a, _) = tri_input::<T>(&mut rng, 4, true, false);
    let e = solve_triangular(
        &a,
        &Array1::<T>::zeros(3),
        Uplo::Lower,
        Transpose::NoTrans,
        false,
    )
    .unwrap_err();
    assert!(matches!(
        e,
        Error::ShapeMismatch {
            routine: "solve_triangular",
            what: "b",
            ..
        }
    ));
    let e = solve_triangular(
        &a,
        &Array2::<T>::zeros((5, 1)),
        Uplo::Lower,
        Transpose::NoTrans,
        false,
    )
    .unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }));
    let e = solve_triangular(
        &a,
        &ArrayD::<T>::zeros(IxDyn(&[4, 1, 1])),
        Uplo::Lower,
        Transpose::NoTrans,
        false,
    );
    assert!(matches!(e, Err(Error::ShapeMismatch { .. })));
    let e = solve_triangular(
        &a.slice(s![.., ..3]),
        &Array1::<T>::zeros(4),
        Uplo::Lower,
        Transpose::NoTrans,
        false,
    );
    assert!(matches!(e, Err(Error::NotSquare { .. })));

    // NaN: checked in the read triangle of a and anywhere in b; NaN in the
    // unread triangle is neither checked nor seen, with or without the check.
    let b: Array1<T> = rng.vector(4);
    let mut bad = a.clone();
    bad[[3, 0]] = nan();
    assert_eq!(
        solve_triangular(&bad, &b, Uplo::Lower, Transpose::NoTrans, false).unwrap_err(),
        Error::NonFinite {
            routine: "solve_triangular",
            what: "a"
        }
    );
    let mut bad = a.clone();
    bad[[0, 3]] = nan();
    assert_eq!(
        solve_triangular(&bad, &b, Uplo::Lower, Transpose::NoTrans, false).unwrap(),
        solve_triangular(&a, &b, Uplo::Lower, Transpose::NoTrans, false).unwrap()
    );
    let x =
        without_finite_check(|| solve_triangular(&bad, &b, Uplo::Lower, Transpose::NoTrans, false))
            .unwrap();
    assert_eq!(
        x,
        solve_triangular(&a, &b, Uplo::Lower, Transpose::NoTrans, false).unwrap()
    );
    let mut bb = b.clone();
    bb[2] = nan();
    assert_eq!(
        solve_triangular(&a, &bb, Uplo::Lower, Transpose::NoTrans, false).unwrap_err(),
        Error::NonFinite {
            routine: "solve_triangular",
            what: "b"
        }
    );
    let x =
        without_finite_check(|| solve_triangular(&a, &bb, Uplo::Lower, Transpose::NoTrans, false))
            .unwrap();
    assert!(!x[3].is_finite() && x[1].is_finite());
}
all_dtypes!(triangular_known_and_errors);

fn triangular_stacks<T: Scalar>() {
    let mut rng = Rng::new(43);
    let n = 5;
    let mut a = ArrayD::<T>::zeros(IxDyn(&[2, 3, n, n]));
    for i in 0..2 {
        for j in 0..3 {
            a.slice_mut(s![i, j, .., ..])
                .assign(&tri_input::<T>(&mut rng, n, false, false).0);
        }
    }
    for trans in TRANS {
        // One vector for every matrix.
        let bv: ArrayD<T> = rng.vector::<T>(n).into_dyn();
        let x = solve_triangular_stacked(&a, &bv, Uplo::Upper, trans, false).unwrap();
        assert_eq!(x.shape(), &[2, 3, n]);
        // (3, n, k) broadcast against (2, 3).
        let bm: ArrayD<T> = ArrayD::from_shape_fn(IxDyn(&[3, n, 2]), |_| rng.scalar());
        let y = solve_triangular_stacked(&a, &bm, Uplo::Upper, trans, false).unwrap();
        assert_eq!(y.shape(), &[2, 3, n, 2]);
        for i in 0..2 {
            for j in 0..3 {
                let ai = a.slice(s![i, j, .., ..]);
                let want = solve_triangular(&ai, &bv, Uplo::Upper, trans, false).unwrap();
                assert_eq!(x.slice(s![i, j, ..]).into_dyn(), want);
                let want =
                    solve_triangular(&ai, &bm.slice(s![j, .., ..]), Uplo::Upper, trans, false)
                        .unwrap();
                assert_eq!(y.slice(s![i, j, .., ..]), want);
            }
        }
    }
    let bad = ArrayD::<T>::zeros(IxDyn(&[4, n, 1]));
    let e = solve_triangular_stacked(&a, &bad, Uplo::Upper, Transpose::NoTrans, false).unwrap_err();
    assert!(matches!(e, Error::Broadcast { .. }), "{e:?}");
    let bad = ArrayD::<T>::zeros(IxDyn(&[3, n + 1, 1]));
    let e = solve_triangular_stacked(&a, &bad, Uplo::Upper, Transpose::NoTrans, false).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e:?}");
    let bad = ArrayD::<T>::zeros(IxDyn(&[n + 1]));
    let e = solve_triangular_stacked(&a, &bad, Uplo::Upper, Transpose::NoTrans, false).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e:?}");
    let mut sing = a.clone();
    sing[[1, 1, 2, 2]] = T::zero();
    let e = solve_triangular_stacked(
        &sing,
        &bad.slice(s![..n]).to_owned().into_dyn(),
        Uplo::Upper,
        Transpose::NoTrans,
        false,
    );
    assert!(matches!(e, Err(Error::Singular { index: 2, .. })));
    let v = ArrayD::<T>::zeros(IxDyn(&[n]));
    assert!(matches!(
        solve_triangular_stacked(&v, &v, Uplo::Lower, Transpose::NoTrans, false),
        Err(Error::TooFewDimensions { .. })
    ));
}
all_dtypes!(triangular_stacks);

/// One rule for NaN/inf in the triangle LAPACK does not read, for every
/// triangle-reading routine and both `uplo`: it is not checked (and never
/// read), while NaN/inf in the read triangle, diagonal included, is
/// `NonFinite` naming the argument. Before, `cholesky` rejected the unread
/// triangle while `eigh`, `eigvalsh` and `eigh_generalized` ignored it.
fn unread_triangle_is_not_checked<T: Scalar>() {
    let mut rng = Rng::new(21);
    let n = 5;
    let a = hpd::<T>(&mut rng, n);
    let s = hpd::<T>(&mut rng, n);
    let b: Array1<T> = rng.vector(n);
    for lower in [true, false] {
        let uplo = tri(lower);
        let g = nan::<T>();
        let pa = poison_other(&a, lower, g);
        let ps = poison_other(&s, lower, g);
        // Unread triangle full of NaN: the same results as the clean input.
        assert_eq!(cholesky(&pa, uplo).unwrap(), cholesky(&a, uplo).unwrap());
        assert_eq!(
            cho_factor(&pa, uplo).unwrap().factor(),
            cho_factor(&a, uplo).unwrap().factor()
        );
        let mut m = pa.clone();
        cholesky_inplace(&mut m.view_mut(), uplo).unwrap();
        assert_factor(&m, &a, lower, "cholesky_inplace");
        assert_eq!(eigvalsh(&pa, uplo).unwrap(), eigvalsh(&a, uplo).unwrap());
        assert_eq!(eigh(&pa, uplo).unwrap(), eigh(&a, uplo).unwrap());
        assert_eq!(
            eigh_generalized(&pa, &ps, uplo, 1).unwrap(),
            eigh_generalized(&a, &s, uplo, 1).unwrap()
        );
        let t = poison_other(&a, lower, T::zero());
        for unit in [false, true] {
            assert_eq!(
                solve_triangular(&pa, &b, uplo, Transpose::NoTrans, unit).unwrap(),
                solve_triangular(&t, &b, uplo, Transpose::NoTrans, unit).unwrap()
            );
        }
        // With a unit diagonal the diagonal is not read either.
        let mut pd = pa.clone();
        pd[[2, 2]] = g;
        assert_eq!(
            solve_triangular(&pd, &b, uplo, Transpose::NoTrans, true).unwrap(),
            solve_triangular(&t, &b, uplo, Transpose::NoTrans, true).unwrap()
        );

        // NaN in the read triangle (off the diagonal, and on it): NonFinite.
        let (i, j) = if lower { (3, 1) } else { (1, 3) };
        for (r, c) in [(i, j), (2, 2)] {
            let mut ra = a.clone();
            ra[[r, c]] = g;
            let nf = |routine, what| Error::NonFinite { routine, what };
            assert_eq!(cholesky(&ra, uplo).unwrap_err(), nf("cholesky", "a"));
            assert_eq!(cho_factor(&ra, uplo).unwrap_err(), nf("cho_factor", "a"));
            let mut m = ra.clone();
            assert_eq!(
                cholesky_inplace(&mut m.view_mut(), uplo).unwrap_err(),
                nf("cholesky_inplace", "a")
            );
            assert_eq!(eigvalsh(&ra, uplo).unwrap_err(), nf("eigvalsh", "a"));
            assert_eq!(eigh(&ra, uplo).unwrap_err(), nf("eigh", "a"));
            assert_eq!(
                eigh_generalized(&ra, &s, uplo, 1).unwrap_err(),
                nf("eigh_generalized", "a")
            );
            assert_eq!(
                eigh_generalized(&a, &ra, uplo, 1).unwrap_err(),
                nf("eigh_generalized", "b")
            );
            assert_eq!(
                solve_triangular(&ra, &b, uplo, Transpose::NoTrans, false).unwrap_err(),
                nf("solve_triangular", "a")
            );
            let unit = solve_triangular(&ra, &b, uplo, Transpose::NoTrans, true);
            if r == c {
                assert!(unit.is_ok(), "unit diagonal: the diagonal is not read");
            } else {
                assert_eq!(unit.unwrap_err(), nf("solve_triangular", "a"));
            }
        }
    }
}
all_dtypes!(unread_triangle_is_not_checked);
