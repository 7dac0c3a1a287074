//! LU-based routines (`lapis::linalg::{solve, solve_stacked, inv,
//! inv_stacked, det, det_stacked, slogdet, slogdet_stacked, lu, lu_factor,
//! lu_solve, lu_stacked}`) on all four element types and every input
//! layout: backward-error residuals computed in f64, `P·L·U = A`, all three
//! `Transpose` values of `lu_solve`, NumPy-2 broadcasting of stacks, known
//! determinants (including one that overflows where `slogdet` does not),
//! Hilbert matrices, singular matrices and the other error cases, 0 × 0 and
//! 1 × 1, and inputs left unchanged.

mod common;
use common::*;

use lapis::blas::Transpose;
use lapis::linalg::{
    LuFactors, det, det_stacked, inv, inv_stacked, lu, lu_factor, lu_solve, lu_stacked, slogdet,
    slogdet_stacked, solve, solve_stacked, without_finite_check,
};
use lapis::{Complex64, Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, ArrayD, ArrayRef2, Axis, Dimension, Ix2, IxDyn, array, s};

const ORDERS: [usize; 8] = [0, 1, 2, 3, 5, 8, 17, 32];
const TRANS: [Transpose; 3] = [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans];

fn eps<T: Scalar>() -> f64 {
    T::epsilon().to_f64_real()
}

fn wide<T: Scalar>(x: T) -> Complex64 {
    Complex64::new(x.re().to_f64_real(), x.im().to_f64_real())
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

fn nan<T: Scalar>() -> T {
    T::from_parts(real::<T>(f64::NAN), real::<T>(0.0))
}

fn fro<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.iter().map(|v| wide(*v).norm_sqr()).sum::<f64>().sqrt()
}

/// A well-conditioned random matrix: random plus `n` on the diagonal.
fn well_conditioned<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let mut a = rng.matrix::<T>(n, n);
    for i in 0..n {
        a[[i, i]] += T::from_f64(n as f64);
    }
    a
}

/// The normwise backward error of `x` as a solution of `op(A)·X = B`,
/// worst column: `‖op(A)·x − b‖ / (‖A‖·‖x‖ + ‖b‖)`, computed in f64.
fn backward_error<T: Scalar>(
    a: &ArrayRef2<T>,
    t: Transpose,
    x: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
) -> f64 {
    let opa = op(a, t);
    let na = fro(a);
    let mut worst = 0.0f64;
    for j in 0..x.ncols() {
        let mut r = 0.0;
        for i in 0..opa.nrows() {
            let ax: Complex64 = (0..opa.ncols())
                .map(|p| wide(opa[[i, p]]) * wide(x[[p, j]]))
                .sum();
            r += (ax - wide(b[[i, j]])).norm_sqr();
        }
        let nx = x
            .column(j)
            .iter()
            .map(|v| wide(*v).norm_sqr())
            .sum::<f64>()
            .sqrt();
        let nb = b
            .column(j)
            .iter()
            .map(|v| wide(*v).norm_sqr())
            .sum::<f64>()
            .sqrt();
        let denom = na * nx + nb;
        if denom > 0.0 {
            worst = worst.max(r.sqrt() / denom);
        }
    }
    worst
}

#[track_caller]
fn assert_backward<T: Scalar>(
    a: &ArrayRef2<T>,
    t: Transpose,
    x: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    what: &str,
) {
    let n = a.nrows();
    let e = backward_error(a, t, x, b);
    let tol = 20.0 * n.max(1) as f64 * eps::<T>();
    assert!(e <= tol, "{what}: backward error {e:e} > {tol:e}");
}

fn col<T: Scalar>(v: &Array1<T>) -> Array2<T> {
    v.clone().insert_axis(Axis(1))
}

// ---------------------------------------------------------------------------
// solve

/// Every layout of A and of b (matrix and vector): small backward error,
/// the same result whatever the layout, inputs unchanged.
fn solve_layouts<T: Scalar>() {
    let mut rng = Rng::new(1);
    for n in ORDERS {
        let a0 = well_conditioned::<T>(&mut rng, n);
        for k in [0, 1, 3] {
            let b0 = rng.matrix::<T>(n, k);
            let want = solve(&a0, &b0).unwrap();
            assert!(
                want.t().is_standard_layout() || n * k <= 1,
                "solution in Fortran order"
            );
            for la in Lay::ALL {
                for lb in [Lay::C, Lay::F, Lay::Stepped, Lay::NegRows] {
                    let what = format!("{:?} n={n} k={k} a {la:?} b {lb:?}", T::DTYPE);
                    let (ma, mb) = (Mat::new(&a0, la), Mat::new(&b0, lb));
                    let (ba, bb) = (ma.backing().clone(), mb.backing().clone());
                    let x = solve(&ma.view(), &mb.view()).unwrap();
                    assert_eq!(x.dim(), (n, k), "{what}");
                    assert_backward(&a0, Transpose::NoTrans, &x, &b0, &what);
                    assert_eq!(x, want, "{what}: differs from the C-layout result");
                    assert_eq!(ma.backing(), &ba, "{what}: a modified");
                    assert_eq!(mb.backing(), &bb, "{what}: b modified");
                }
            }
        }
        let v0 = rng.vector::<T>(n);
        let want = solve(&a0, &v0).unwrap();
        assert_backward(&a0, Transpose::NoTrans, &col(&want), &col(&v0), "vector b");
        for lv in VLay::ALL {
            let vb = Vector::new(&v0, lv);
            let x = solve(&a0, &vb.view()).unwrap();
            assert_eq!(x, want, "{:?} n={n} b {lv:?}", T::DTYPE);
        }
        // A dynamic-dimensional b keeps its shape.
        let xd = solve(&a0, &v0.clone().into_dyn()).unwrap();
        assert_eq!(xd.shape(), &[n]);
    }
}
all_dtypes!(solve_layouts);

/// Known small systems, 0 × 0 and 1 × 1.
fn solve_known<T: Scalar>() {
    let a: Array2<T> = array![
        [T::from_f64(4.0), T::from_f64(3.0)],
        [T::from_f64(6.0), T::from_f64(3.0)]
    ];
    let x = solve(&a, &array![T::from_f64(10.0), T::from_f64(12.0)]).unwrap();
    assert_close1(&x, &array![T::from_f64(1.0), T::from_f64(2.0)], 2, "2x2");
    if T::IS_COMPLEX {
        // (1+i)·x = 2i → x = 1 + i.
        let one_i = T::from_parts(real::<T>(1.0), real::<T>(1.0));
        let x = solve(
            &array![[one_i]],
            &array![T::from_parts(real::<T>(0.0), real::<T>(2.0))],
        )
        .unwrap();
        assert_close(x[0], one_i, 1, "complex 1x1");
    }
    let x = solve(
        &array![[T::from_f64(-4.0)]],
        &array![[T::from_f64(2.0), T::from_f64(8.0)]],
    )
    .unwrap();
    assert_close2(
        &x,
        &array![[T::from_f64(-0.5), T::from_f64(-2.0)]],
        1,
        "1x1",
    );
    let e = Array2::<T>::zeros((0, 0));
    assert_eq!(solve(&e, &Array1::<T>::zeros(0)).unwrap().len(), 0);
    assert_eq!(
        solve(&e, &Array2::<T>::zeros((0, 4))).unwrap().dim(),
        (0, 4)
    );
    // A permutation matrix needs pivoting from the first step.
    let p: Array2<T> = array![[T::zero(), T::one()], [T::one(), T::zero()]];
    let x = solve(&p, &array![T::from_f64(5.0), T::from_f64(7.0)]).unwrap();
    assert_eq!(x, array![T::from_f64(7.0), T::from_f64(5.0)]);
}
all_dtypes!(solve_known);

/// Hilbert matrices: ill-conditioned, yet the backward error of the LU
/// solve stays at the level of ε (and `P·L·U = A`).
fn hilbert<T: Scalar>() {
    for n in [2, 4, 6, 8, 12] {
        let h = Array2::from_shape_fn((n, n), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64));
        let b = Array2::from_shape_fn((n, 2), |(i, j)| {
            T::from_f64(if j == 0 { 1.0 } else { i as f64 })
        });
        let x = solve(&h, &b).unwrap();
        assert!(x.iter().all(|v| v.is_finite()));
        assert_backward(&h, Transpose::NoTrans, &x, &b, &format!("hilbert {n}"));
        let (p, l, u) = lu(&h).unwrap();
        assert_close2(
            &matmul(&p, &matmul(&l, &u)),
            &h,
            n,
            &format!("hilbert {n}: P·L·U"),
        );
        let f = lu_factor(&h).unwrap();
        for t in TRANS {
            let x = lu_solve(&f, &b, t).unwrap();
            assert_backward(&h, t, &x, &b, &format!("hilbert {n} lu_solve {t:?}"));
        }
    }
    // For small n the inverse is accurate enough to check A·X ≈ I.
    let n = 4;
    let h = Array2::from_shape_fn((n, n), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64));
    let hi = inv(&h).unwrap();
    let r = matmul(&h, &hi) - Array2::<T>::eye(n);
    let bound = 50.0 * n as f64 * eps::<T>() * fro(&h) * fro(&hi);
    assert!(
        fro(&r) <= bound,
        "hilbert inverse residual {:e} > {bound:e}",
        fro(&r)
    );
    // det of the 4 × 4 Hilbert matrix is 1/6048000.
    assert!((wide(det(&h).unwrap()).re * 6048000.0 - 1.0).abs() <= 1e4 * eps::<T>());
}
all_dtypes!(hilbert);

/// Singular and invalid inputs: typed errors, inputs untouched.
fn solve_errors<T: Scalar>() {
    let one = T::one();
    let two = T::from_f64(2.0);
    // Second pivot exactly zero: U[1, 1] == 0.
    let sing: Array2<T> = array![[one, two], [two, two + two]];
    let b = array![one, one];
    assert_eq!(
        solve(&sing, &b).unwrap_err(),
        Error::Singular {
            routine: "solve",
            index: 1
        }
    );
    // A zero first column: U[0, 0] == 0.
    let sing0: Array2<T> = array![[T::zero(), one], [T::zero(), two]];
    assert_eq!(
        solve(&sing0, &b).unwrap_err(),
        Error::Singular {
            routine: "solve",
            index: 0
        }
    );
    let z = Array2::<T>::zeros((3, 3));
    assert_eq!(
        solve(&z, &Array1::<T>::ones(3)).unwrap_err(),
        Error::Singular {
            routine: "solve",
            index: 0
        }
    );
    assert!(matches!(
        solve(&Array2::<T>::zeros((2, 3)), &b),
        Err(Error::NotSquare {
            routine: "solve",
            ..
        })
    ));
    let e = solve(&sing, &Array1::<T>::ones(3)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::ShapeMismatch {
                routine: "solve",
                what: "b",
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string().contains("(3,)") && e.to_string().contains("(2,)"),
        "{e}"
    );
    assert!(matches!(
        solve(&sing, &Array2::<T>::ones((3, 2))),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        solve(&sing, &ArrayD::<T>::ones(IxDyn(&[2, 2, 2]))),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        solve(&sing, &ArrayD::<T>::ones(IxDyn(&[]))),
        Err(Error::ShapeMismatch { .. })
    ));
    // NaN or infinity in either operand.
    let mut good: Array2<T> = array![[two, one], [one, two]];
    let mut bn = b.clone();
    bn[1] = nan();
    assert_eq!(
        solve(&good, &bn).unwrap_err(),
        Error::NonFinite {
            routine: "solve",
            what: "b"
        }
    );
    good[[0, 1]] = T::from_f64(f64::INFINITY);
    let before = good.clone();
    assert_eq!(
        solve(&good, &b).unwrap_err(),
        Error::NonFinite {
            routine: "solve",
            what: "a"
        }
    );
    assert_eq!(good, before);
    // Without the check: no error, NaN propagates, no panic.
    good[[0, 1]] = one;
    let x = without_finite_check(|| solve(&good, &bn)).unwrap();
    assert!(x.iter().any(|v| !v.is_finite()));
    if T::IS_COMPLEX {
        let mut bi = b.clone();
        bi[0] = T::from_parts(real::<T>(0.0), real::<T>(f64::NAN));
        assert!(
            matches!(solve(&good, &bi), Err(Error::NonFinite { .. })),
            "NaN in the imaginary part"
        );
    }
}
all_dtypes!(solve_errors);

/// NumPy-2 broadcasting of `solve_stacked`: every item equals the 2-D solve.
fn solve_stacks<T: Scalar>() {
    let mut rng = Rng::new(7);
    let n = 4;
    let stack = |rng: &mut Rng, lead: &[usize], m: usize, k: usize| {
        let shape: Vec<usize> = [lead, &[m, k]].concat();
        let len = shape.iter().product();
        let mut data: Vec<T> = (0..len).map(|_| rng.scalar()).collect();
        if m == k {
            // Keep the matrices well conditioned.
            for (i, v) in data.iter_mut().enumerate() {
                if (i % (m * m)).is_multiple_of(m + 1) {
                    *v += T::from_f64(m as f64);
                }
            }
        }
        ArrayD::from_shape_vec(IxDyn(&shape), data).unwrap()
    };
    let a = stack(&mut rng, &[2, 3], n, n);
    let check = |a: &ArrayD<T>, b: &ArrayD<T>, want_lead: &[usize], what: &str| {
        let (a_before, b_before) = (a.clone(), b.clone());
        let x = solve_stacked(a, b).unwrap();
        let item: Vec<usize> = if b.ndim() == 1 {
            vec![n]
        } else {
            vec![n, b.shape()[b.ndim() - 1]]
        };
        assert_eq!(x.shape(), &[want_lead, &item].concat()[..], "{what}: shape");
        for idx in ndarray::indices(IxDyn(want_lead)) {
            let idx = idx.slice().to_vec(); // IxDyn index as a Vec
            let want = if b.ndim() == 1 {
                solve(&pick(a, &idx, 2).into_dimensionality::<Ix2>().unwrap(), b).unwrap()
            } else {
                solve(
                    &pick(a, &idx, 2).into_dimensionality::<Ix2>().unwrap(),
                    &pick(b, &idx, 2).into_dimensionality::<Ix2>().unwrap(),
                )
                .unwrap()
                .into_dyn()
            };
            assert_eq!(pick(&x, &idx, item.len()), want, "{what}: item {idx:?}");
        }
        assert_eq!(a, &a_before, "{what}: a modified");
        assert_eq!(b, &b_before, "{what}: b modified");
    };
    // Same stacks.
    check(
        &a,
        &stack(&mut rng, &[2, 3], n, 2),
        &[2, 3],
        "(2,3,n,n) (2,3,n,2)",
    );
    // One vector for every matrix (NumPy 2: b.ndim == 1).
    check(
        &a,
        &rng.vector::<T>(n).into_dyn(),
        &[2, 3],
        "(2,3,n,n) (n,)",
    );
    // b with fewer leading axes, and with length-1 axes.
    check(
        &a,
        &stack(&mut rng, &[3], n, 1),
        &[2, 3],
        "(2,3,n,n) (3,n,1)",
    );
    check(
        &a,
        &stack(&mut rng, &[2, 1], n, 3),
        &[2, 3],
        "(2,3,n,n) (2,1,n,3)",
    );
    check(&a, &stack(&mut rng, &[], n, 2), &[2, 3], "(2,3,n,n) (n,2)");
    // a broadcast against b.
    check(
        &stack(&mut rng, &[1], n, n),
        &stack(&mut rng, &[4], n, 2),
        &[4],
        "(1,n,n) (4,n,2)",
    );
    check(
        &stack(&mut rng, &[3, 1], n, n),
        &stack(&mut rng, &[1, 2], n, 1),
        &[3, 2],
        "(3,1,n,n) (1,2,n,1)",
    );
    // A strided stack.
    let mut strided = a.slice(s![..;-1, .., .., ..]).to_owned().into_dyn();
    strided.swap_axes(2, 3);
    check(
        &strided,
        &stack(&mut rng, &[2, 3], n, 2),
        &[2, 3],
        "strided a",
    );
    // Empty stacks.
    let e = solve_stacked(&stack(&mut rng, &[0], n, n), &stack(&mut rng, &[0], n, 2)).unwrap();
    assert_eq!(e.shape(), &[0, n, 2]);
    let e = solve_stacked(
        &stack(&mut rng, &[0, 2], n, n),
        &rng.vector::<T>(n).into_dyn(),
    )
    .unwrap();
    assert_eq!(e.shape(), &[0, 2, n]);

    // Errors.
    let e = solve_stacked(&a, &stack(&mut rng, &[4], n, 2)).unwrap_err();
    assert_eq!(
        e,
        Error::Broadcast {
            routine: "solve",
            lhs: lapis::error::Shape(vec![2, 3]),
            rhs: lapis::error::Shape(vec![4]),
        }
    );
    assert!(e.to_string().contains("(2,3) (4,)"), "{e}");
    assert!(matches!(
        solve_stacked(&a, &stack(&mut rng, &[2, 3], n + 1, 2)),
        Err(Error::ShapeMismatch { what: "b", .. })
    ));
    assert!(matches!(
        solve_stacked(&a, &rng.vector::<T>(n + 1).into_dyn()),
        Err(Error::ShapeMismatch { .. })
    ));
    // Even for an empty stack the core shapes must agree (as NumPy's gufunc checks).
    assert!(matches!(
        solve_stacked(
            &stack(&mut rng, &[0], n, n),
            &rng.vector::<T>(n + 1).into_dyn()
        ),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        solve_stacked(&stack(&mut rng, &[2], n, n + 1), &a),
        Err(Error::NotSquare { .. })
    ));
    assert!(matches!(
        solve_stacked(
            &rng.vector::<T>(n).into_dyn(),
            &rng.vector::<T>(n).into_dyn()
        ),
        Err(Error::TooFewDimensions { what: "a", .. })
    ));
    let mut sing = a.clone();
    sing.slice_mut(s![1, 2, .., ..]).fill(T::zero());
    assert!(matches!(
        solve_stacked(&sing, &rng.vector::<T>(n).into_dyn()),
        Err(Error::Singular { index: 0, .. })
    ));
    let mut bad = a.clone();
    bad[[1, 1, 0, 0]] = nan();
    assert!(matches!(
        solve_stacked(&bad, &rng.vector::<T>(n).into_dyn()),
        Err(Error::NonFinite { what: "a", .. })
    ));
}
all_dtypes!(solve_stacks);

/// The item at broadcast stack index `idx` of `arr` (whose items have
/// `item_nd` axes): missing leading axes implied, length-1 axes repeated.
fn pick<'a, T>(arr: &'a ArrayD<T>, idx: &[usize], item_nd: usize) -> ndarray::ArrayViewD<'a, T> {
    let lead = arr.ndim() - item_nd;
    let mut v = arr.view();
    for &i in &idx[idx.len() - lead..] {
        let i = if v.len_of(Axis(0)) == 1 { 0 } else { i };
        v = v.index_axis_move(Axis(0), i);
    }
    v
}

// ---------------------------------------------------------------------------
// inv

fn inv_layouts<T: Scalar>() {
    let mut rng = Rng::new(3);
    for n in ORDERS {
        let a0 = well_conditioned::<T>(&mut rng, n);
        let want = inv(&a0).unwrap();
        let r = matmul(&a0, &want) - Array2::<T>::eye(n);
        let bound = 20.0 * n.max(1) as f64 * eps::<T>() * fro(&a0) * fro(&want);
        assert!(
            fro(&r) <= bound,
            "{:?} n={n}: ‖A·X − I‖ = {:e} > {bound:e}",
            T::DTYPE,
            fro(&r)
        );
        for lay in Lay::ALL {
            let m = Mat::new(&a0, lay);
            let before = m.backing().clone();
            assert_eq!(
                inv(&m.view()).unwrap(),
                want,
                "{:?} n={n} {lay:?}",
                T::DTYPE
            );
            assert_eq!(m.backing(), &before, "input modified");
        }
    }
    let x = inv(&array![[T::from_f64(4.0)]]).unwrap();
    assert_eq!(x, array![[T::from_f64(0.25)]]);
    let d: Array2<T> = array![
        [T::from_f64(2.0), T::zero()],
        [T::zero(), T::from_f64(-8.0)]
    ];
    assert_eq!(
        inv(&d).unwrap(),
        array![
            [T::from_f64(0.5), T::zero()],
            [T::zero(), T::from_f64(-0.125)]
        ]
    );
}
all_dtypes!(inv_layouts);

fn inv_errors_and_stacks<T: Scalar>() {
    let one = T::one();
    let sing: Array2<T> = array![[one, one, one], [one, one, one], [one, T::zero(), one]];
    assert!(matches!(
        inv(&sing),
        Err(Error::Singular { routine: "inv", .. })
    ));
    assert_eq!(
        inv(&Array2::<T>::zeros((2, 2))).unwrap_err(),
        Error::Singular {
            routine: "inv",
            index: 0
        }
    );
    assert!(matches!(
        inv(&Array2::<T>::zeros((2, 3))),
        Err(Error::NotSquare { routine: "inv", .. })
    ));
    assert_eq!(
        inv(&array![[nan::<T>()]]).unwrap_err(),
        Error::NonFinite {
            routine: "inv",
            what: "a"
        }
    );
    assert_eq!(inv(&Array2::<T>::zeros((0, 0))).unwrap().dim(), (0, 0));
    let r = without_finite_check(|| inv(&array![[nan::<T>()]]));
    assert!(matches!(r, Ok(_) | Err(Error::Singular { .. })), "{r:?}");

    let mut rng = Rng::new(4);
    let n = 5;
    let items: Vec<Array2<T>> = (0..6).map(|_| well_conditioned(&mut rng, n)).collect();
    let mut a = ArrayD::<T>::zeros(IxDyn(&[2, 3, n, n]));
    for (i, m) in items.iter().enumerate() {
        a.slice_mut(s![i / 3, i % 3, .., ..]).assign(m);
    }
    let before = a.clone();
    let x = inv_stacked(&a).unwrap();
    assert_eq!(x.shape(), &[2, 3, n, n]);
    for (i, m) in items.iter().enumerate() {
        assert_eq!(
            x.slice(s![i / 3, i % 3, .., ..]),
            inv(m).unwrap(),
            "item {i}"
        );
    }
    assert_eq!(a, before);
    // Strided (transposed items) stack.
    let mut t = a.clone();
    t.swap_axes(2, 3);
    let xt = inv_stacked(&t).unwrap();
    for (i, m) in items.iter().enumerate() {
        assert_eq!(
            xt.slice(s![i / 3, i % 3, .., ..]),
            inv(&m.t()).unwrap(),
            "transposed item {i}"
        );
    }
    assert_eq!(
        inv_stacked(&ArrayD::<T>::zeros(IxDyn(&[0, 3, 3])))
            .unwrap()
            .shape(),
        &[0, 3, 3]
    );
    assert_eq!(
        inv_stacked(&ArrayD::<T>::zeros(IxDyn(&[2, 0, 0])))
            .unwrap()
            .shape(),
        &[2, 0, 0]
    );
    let mut s = a.clone();
    s.slice_mut(s![1, 1, .., ..]).fill(T::zero());
    assert!(matches!(inv_stacked(&s), Err(Error::Singular { .. })));
    assert!(matches!(
        inv_stacked(&ArrayD::<T>::zeros(IxDyn(&[3]))),
        Err(Error::TooFewDimensions { .. })
    ));
    assert!(matches!(
        inv_stacked(&ArrayD::<T>::zeros(IxDyn(&[2, 3, 4]))),
        Err(Error::NotSquare { .. })
    ));
}
all_dtypes!(inv_errors_and_stacks);

// ---------------------------------------------------------------------------
// det and slogdet

/// Checks `slogdet` against `det` where `det` is representable.
#[track_caller]
fn check_slogdet_matches<T: Scalar>(a: &ArrayRef2<T>, what: &str) {
    let d = wide(det(a).unwrap());
    let (s, l) = slogdet(a).unwrap();
    let (s, l) = (wide(s), l.to_f64_real());
    let n = a.nrows().max(1) as f64;
    if d == Complex64::new(0.0, 0.0) {
        assert_eq!(
            s,
            Complex64::new(0.0, 0.0),
            "{what}: sign of a singular matrix"
        );
        assert_eq!(
            l,
            f64::NEG_INFINITY,
            "{what}: logabsdet of a singular matrix"
        );
        return;
    }
    assert!(
        (s.norm() - 1.0).abs() <= 10.0 * eps::<T>(),
        "{what}: |sign| = {}",
        s.norm()
    );
    let rec = s * l.exp();
    assert!(
        (rec - d).norm() <= 50.0 * n * eps::<T>() * d.norm(),
        "{what}: sign·exp(logdet) = {rec}, det = {d}"
    );
}

fn det_known<T: Scalar>() {
    let f = T::from_f64;
    // Triangular: the product of the diagonal.
    let tri: Array2<T> = array![
        [f(2.0), f(7.0), f(-1.0)],
        [T::zero(), f(-3.0), f(5.0)],
        [T::zero(), T::zero(), f(0.5)]
    ];
    assert_close(det(&tri).unwrap(), f(-3.0), 3, "triangular");
    assert_close(det(&tri.t()).unwrap(), f(-3.0), 3, "lower triangular");
    check_slogdet_matches(&tri, "triangular");
    let (s, l) = slogdet(&tri).unwrap();
    assert_eq!(s, -T::one());
    assert!((l.to_f64_real() - 3f64.ln()).abs() <= 10.0 * eps::<T>());
    // Permutations: ±1.
    let swap: Array2<T> = array![[T::zero(), T::one()], [T::one(), T::zero()]];
    assert_eq!(det(&swap).unwrap(), -T::one());
    let cyc: Array2<T> = array![
        [T::zero(), T::one(), T::zero()],
        [T::zero(), T::zero(), T::one()],
        [T::one(), T::zero(), T::zero()]
    ];
    assert_eq!(det(&cyc).unwrap(), T::one());
    assert_eq!(slogdet(&cyc).unwrap(), (T::one(), real::<T>(0.0)));
    // 2 × 2 formula, and a complex determinant.
    let a: Array2<T> = array![[f(4.0), f(3.0)], [f(6.0), f(3.0)]];
    assert_close(det(&a).unwrap(), f(-6.0), 2, "2x2");
    if T::IS_COMPLEX {
        let c = |re: f64, im: f64| T::from_parts(real::<T>(re), real::<T>(im));
        let m: Array2<T> = array![[c(1.0, 1.0), c(2.0, 0.0)], [c(0.0, -1.0), c(3.0, 2.0)]];
        // (1+i)(3+2i) − 2(−i) = 1 + 5i + 2i = 1 + 7i.
        assert_close(det(&m).unwrap(), c(1.0, 7.0), 2, "complex 2x2");
        check_slogdet_matches(&m, "complex 2x2");
        let (s, l) = slogdet(&m).unwrap();
        let want = Complex64::new(1.0, 7.0);
        assert!((wide(s) - want / want.norm()).norm() <= 10.0 * eps::<T>());
        assert!((l.to_f64_real() - want.norm().ln()).abs() <= 10.0 * eps::<T>());
    }
    // 0 × 0 and 1 × 1.
    let e = Array2::<T>::zeros((0, 0));
    assert_eq!(det(&e).unwrap(), T::one());
    assert_eq!(slogdet(&e).unwrap(), (T::one(), real::<T>(0.0)));
    assert_eq!(det(&array![[f(-2.5)]]).unwrap(), f(-2.5));
    let (s, l) = slogdet(&array![[f(-2.5)]]).unwrap();
    assert_eq!(s, -T::one());
    assert!((l.to_f64_real() - 2.5f64.ln()).abs() <= 2.0 * eps::<T>());
    // Singular: 0 and (0, -inf), not errors.
    let sing: Array2<T> = array![[f(1.0), f(2.0)], [f(2.0), f(4.0)]];
    assert_eq!(det(&sing).unwrap(), T::zero());
    assert_eq!(
        slogdet(&sing).unwrap(),
        (T::zero(), real::<T>(f64::NEG_INFINITY))
    );
    assert_eq!(det(&Array2::<T>::zeros((4, 4))).unwrap(), T::zero());
    // Errors.
    assert!(matches!(
        det(&Array2::<T>::zeros((2, 3))),
        Err(Error::NotSquare { routine: "det", .. })
    ));
    assert!(matches!(
        slogdet(&Array2::<T>::zeros((3, 2))),
        Err(Error::NotSquare {
            routine: "slogdet",
            ..
        })
    ));
    assert_eq!(
        det(&array![[nan::<T>()]]).unwrap_err(),
        Error::NonFinite {
            routine: "det",
            what: "a"
        }
    );
    assert_eq!(
        slogdet(&array![[nan::<T>()]]).unwrap_err(),
        Error::NonFinite {
            routine: "slogdet",
            what: "a"
        }
    );
    assert!(!wide(without_finite_check(|| det(&array![[nan::<T>()]])).unwrap()).is_finite());
}
all_dtypes!(det_known);

/// Random matrices in every layout: det(A·B) = det(A)·det(B), slogdet
/// agrees with det, the same result whatever the layout.
fn det_random<T: Scalar>() {
    let mut rng = Rng::new(9);
    for n in ORDERS {
        let a = rng.matrix::<T>(n, n);
        let b = rng.matrix::<T>(n, n);
        let (da, db) = (wide(det(&a).unwrap()), wide(det(&b).unwrap()));
        let dab = wide(det(&matmul(&a, &b)).unwrap());
        let tol = 1e3 * n.max(1) as f64 * eps::<T>() * (da * db).norm().max(1e-30);
        assert!(
            (dab - da * db).norm() <= tol,
            "{:?} n={n}: det(AB) = {dab}, det A det B = {}",
            T::DTYPE,
            da * db
        );
        check_slogdet_matches(&a, "random");
        let want = (det(&a).unwrap(), slogdet(&a).unwrap());
        for lay in Lay::ALL {
            let m = Mat::new(&a, lay);
            let before = m.backing().clone();
            assert_eq!(det(&m.view()).unwrap(), want.0, "{lay:?}");
            assert_eq!(slogdet(&m.view()).unwrap(), want.1, "{lay:?}");
            assert_eq!(m.backing(), &before);
        }
        // Transposition and conjugation.
        assert_close(det(&a.t()).unwrap(), want.0, n, "det Aᵀ");
        assert_close(
            det(&a.t().mapv(|v| v.conj())).unwrap(),
            want.0.conj(),
            n,
            "det Aᴴ",
        );
    }
}
all_dtypes!(det_random);

/// 300 × 300 multiples of I: det overflows f32 (10³⁰⁰) where slogdet is exact.
/// `c·I` of order `n`.
fn scaled_eye<T: Scalar>(n: usize, c: T) -> Array2<T> {
    Array2::<T>::eye(n).mapv(|v| v * c)
}

fn det_large_without_overflow<T: Scalar>() {
    let n = 300;
    let a = scaled_eye(n, T::from_f64(10.0));
    let want = n as f64 * 10f64.ln();
    let (s, l) = slogdet(&a).unwrap();
    assert_eq!(s, T::one());
    assert!(
        (l.to_f64_real() - want).abs() <= n as f64 * eps::<T>() * want,
        "logabsdet {l} vs {want}"
    );
    let d = wide(det(&a).unwrap());
    if eps::<T>() > 1e-10 {
        assert!(!d.is_finite(), "det overflows in single precision: {d}");
    } else {
        assert!((d.re / 1e300 - 1.0).abs() <= 1e3 * eps::<T>(), "det = {d}");
    }
    // An odd order with a negative multiple: sign −1; a tiny multiple
    // underflows det to 0 but not slogdet.
    let a = scaled_eye(n + 1, T::from_f64(-10.0));
    assert_eq!(slogdet(&a).unwrap().0, -T::one());
    let a = scaled_eye(n, T::from_f64(0.01));
    let (s, l) = slogdet(&a).unwrap();
    assert_eq!(s, T::one());
    assert!((l.to_f64_real() + 2.0 * want).abs() <= n as f64 * eps::<T>() * want);
    assert_eq!(
        wide(det(&a).unwrap()),
        Complex64::new(0.0, 0.0),
        "det underflows"
    );
    if T::IS_COMPLEX {
        // (i·10)·I of order 300: sign i³⁰⁰ = 1; of order 301: sign i.
        let z = T::from_parts(real::<T>(0.0), real::<T>(10.0));
        let (s, _) = slogdet(&scaled_eye(n + 1, z)).unwrap();
        assert!(
            (wide(s) - Complex64::i()).norm() <= n as f64 * eps::<T>(),
            "sign {s}"
        );
    }
}
all_dtypes!(det_large_without_overflow);

fn det_stacks<T: Scalar>() {
    let mut rng = Rng::new(12);
    let n = 4;
    let mut a = ArrayD::<T>::zeros(IxDyn(&[3, 2, n, n]));
    for mut m in a.lanes_mut(Axis(3)) {
        for v in m.iter_mut() {
            *v = rng.scalar();
        }
    }
    a.slice_mut(s![2, 1, .., ..]).fill(T::zero());
    let d = det_stacked(&a).unwrap();
    let (sg, lg) = slogdet_stacked(&a).unwrap();
    assert_eq!(d.shape(), &[3, 2]);
    assert_eq!((sg.shape(), lg.shape()), (&[3, 2][..], &[3, 2][..]));
    for i in 0..3 {
        for j in 0..2 {
            let m = a.slice(s![i, j, .., ..]);
            assert_eq!(d[[i, j]], det(&m).unwrap());
            assert_eq!((sg[[i, j]], lg[[i, j]]), slogdet(&m).unwrap());
        }
    }
    assert_eq!(d[[2, 1]], T::zero());
    // A plain matrix gives a 0-d result.
    let m = rng.matrix::<T>(3, 3);
    let d0 = det_stacked(&m.clone().into_dyn()).unwrap();
    assert_eq!(d0.shape(), &[] as &[usize]);
    assert_eq!(d0[IxDyn(&[])], det(&m).unwrap());
    assert_eq!(
        det_stacked(&ArrayD::<T>::zeros(IxDyn(&[0, 2, 2])))
            .unwrap()
            .shape(),
        &[0]
    );
    let d = det_stacked(&ArrayD::<T>::zeros(IxDyn(&[2, 0, 0]))).unwrap();
    assert_eq!(d.iter().copied().collect::<Vec<_>>(), vec![T::one(); 2]);
    assert!(matches!(
        det_stacked(&ArrayD::<T>::zeros(IxDyn(&[2]))),
        Err(Error::TooFewDimensions { .. })
    ));
    assert!(matches!(
        slogdet_stacked(&ArrayD::<T>::zeros(IxDyn(&[2, 2, 3]))),
        Err(Error::NotSquare { .. })
    ));
    let mut bad = a.clone();
    bad[[0, 0, 0, 0]] = nan();
    assert!(matches!(det_stacked(&bad), Err(Error::NonFinite { .. })));
    assert!(matches!(
        slogdet_stacked(&bad),
        Err(Error::NonFinite { .. })
    ));
}
all_dtypes!(det_stacks);

// ---------------------------------------------------------------------------
// lu, lu_factor, lu_solve

/// Checks the explicit factors: P a permutation, L unit lower trapezoidal,
/// U upper trapezoidal, P·L·U = A, and agreement with `lu_factor`.
#[track_caller]
fn check_plu<T: Scalar>(a: &ArrayRef2<T>, p: &Array2<T>, l: &Array2<T>, u: &Array2<T>, what: &str) {
    let (m, n) = a.dim();
    let k = m.min(n);
    assert_eq!(
        (p.dim(), l.dim(), u.dim()),
        ((m, m), (m, k), (k, n)),
        "{what}: shapes"
    );
    for i in 0..m {
        let row_ones = p.row(i).iter().filter(|&&v| v == T::one()).count();
        let col_ones = p.column(i).iter().filter(|&&v| v == T::one()).count();
        let zeros = p.row(i).iter().filter(|&&v| v == T::zero()).count();
        assert!(
            row_ones == 1 && col_ones == 1 && zeros == m - 1,
            "{what}: P is not a permutation"
        );
    }
    for ((i, j), &v) in l.indexed_iter() {
        if i == j {
            assert_eq!(v, T::one(), "{what}: L diagonal");
        } else if j > i {
            assert_eq!(v, T::zero(), "{what}: L above the diagonal");
        } else {
            // Partial pivoting bounds the multipliers by 1; for complex
            // types LAPACK pivots by |re| + |im| (i?amax), which bounds
            // their modulus by √2.
            let bound = if T::IS_COMPLEX { 2f64.sqrt() } else { 1.0 };
            assert!(
                wide(v).norm() <= bound * (1.0 + 1e-6),
                "{what}: |L[{i}, {j}]| > {bound}"
            );
        }
    }
    for ((i, j), &v) in u.indexed_iter() {
        if j < i {
            assert_eq!(v, T::zero(), "{what}: U below the diagonal");
        }
    }
    assert_close2(
        &matmul(p, &matmul(l, u)),
        a,
        k.max(1),
        &format!("{what}: P·L·U"),
    );
}

fn lu_layouts<T: Scalar>() {
    let mut rng = Rng::new(21);
    let shapes = [
        (0, 0),
        (0, 3),
        (3, 0),
        (1, 1),
        (1, 4),
        (4, 1),
        (2, 2),
        (5, 5),
        (7, 3),
        (3, 7),
        (17, 17),
        (30, 12),
    ];
    for (m, n) in shapes {
        let a0 = rng.matrix::<T>(m, n);
        let (p0, l0, u0) = lu(&a0).unwrap();
        check_plu(&a0, &p0, &l0, &u0, &format!("{:?} {m}x{n}", T::DTYPE));
        let f = lu_factor(&a0).unwrap();
        assert_eq!(f.lu().dim(), (m, n));
        assert!(
            f.lu().t().is_standard_layout() || m * n <= 1,
            "factors in Fortran order"
        );
        assert_eq!(f.piv().len(), m.min(n));
        assert!(
            f.piv().iter().enumerate().all(|(i, &p)| p >= i && p < m),
            "pivots in range"
        );
        assert_eq!(f.singular_at(), None);
        // P from the pivots: apply the interchanges to the identity.
        let mut perm: Vec<usize> = (0..m).collect();
        for (i, &pv) in f.piv().iter().enumerate() {
            perm.swap(i, pv);
        }
        for (i, &r) in perm.iter().enumerate() {
            assert_eq!(p0[[r, i]], T::one(), "P agrees with piv");
        }
        // The packed factors hold L and U.
        for ((i, j), &v) in f.lu().indexed_iter() {
            let want = if j >= i { u0[[i, j]] } else { l0[[i, j]] };
            assert_eq!(v, want, "packed factors at ({i}, {j})");
        }
        for lay in Lay::ALL {
            let ma = Mat::new(&a0, lay);
            let before = ma.backing().clone();
            let (p, l, u) = lu(&ma.view()).unwrap();
            assert_eq!((&p, &l, &u), (&p0, &l0, &u0), "{m}x{n} {lay:?}");
            assert_eq!(lu_factor(&ma.view()).unwrap().lu(), f.lu());
            assert_eq!(ma.backing(), &before);
        }
    }
    // Rank-deficient input: lu still factors, with a zero pivot in U.
    let sing: Array2<T> = array![
        [T::one(), T::from_f64(2.0)],
        [T::from_f64(2.0), T::from_f64(4.0)]
    ];
    let (p, l, u) = lu(&sing).unwrap();
    check_plu(&sing, &p, &l, &u, "singular");
    assert_eq!(u[[1, 1]], T::zero());
    let f = lu_factor(&sing).unwrap();
    assert_eq!(f.singular_at(), Some(1));
    assert_eq!(
        lu_solve(&f, &array![T::one(), T::one()], Transpose::NoTrans).unwrap_err(),
        Error::Singular {
            routine: "lu_solve",
            index: 1
        }
    );
    let z = lu_factor(&Array2::<T>::zeros((3, 3))).unwrap();
    assert_eq!(z.singular_at(), Some(0));
}
all_dtypes!(lu_layouts);

/// `lu_solve` with every `Transpose`, vector and matrix right-hand sides
/// of every layout, against the backward error of `op(A)`.
fn lu_solve_transposes<T: Scalar>() {
    let mut rng = Rng::new(31);
    for n in ORDERS {
        let a = well_conditioned::<T>(&mut rng, n);
        // Make A visibly non-Hermitian so N, T and C differ.
        let a = a.clone() + rng.matrix::<T>(n, n);
        let f: LuFactors<T> = lu_factor(&a).unwrap();
        for t in TRANS {
            let b0 = rng.matrix::<T>(n, 3);
            let want = lu_solve(&f, &b0, t).unwrap();
            assert_backward(&a, t, &want, &b0, &format!("{:?} n={n} {t:?}", T::DTYPE));
            for lb in Lay::ALL {
                let mb = Mat::new(&b0, lb);
                let before = mb.backing().clone();
                assert_eq!(lu_solve(&f, &mb.view(), t).unwrap(), want, "{t:?} b {lb:?}");
                assert_eq!(mb.backing(), &before);
            }
            let v0 = rng.vector::<T>(n);
            let x = lu_solve(&f, &v0, t).unwrap();
            assert_backward(&a, t, &col(&x), &col(&v0), &format!("vector {t:?}"));
            for lv in VLay::ALL {
                assert_eq!(
                    lu_solve(&f, &Vector::new(&v0, lv).view(), t).unwrap(),
                    x,
                    "{t:?} b {lv:?}"
                );
            }
            if n > 0 {
                // NoTrans agrees with solve (to rounding: solve is one
                // ?gesv call, whose kernels may round otherwise than
                // ?getrf + ?getrs); for real types C is T.
                if t == Transpose::NoTrans {
                    assert_close1(&solve(&a, &v0).unwrap(), &x, n, "solve vs lu_solve");
                }
                if !T::IS_COMPLEX && t == Transpose::ConjTrans {
                    assert_eq!(x, lu_solve(&f, &v0, Transpose::Trans).unwrap());
                }
            }
        }
    }
    // Errors.
    let f = lu_factor(&Array2::<T>::eye(3)).unwrap();
    assert!(matches!(
        lu_solve(&f, &Array1::<T>::ones(4), Transpose::NoTrans),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        lu_solve(&f, &Array2::<T>::ones((2, 2)), Transpose::Trans),
        Err(Error::ShapeMismatch { .. })
    ));
    let mut bn = Array1::<T>::ones(3);
    bn[0] = nan();
    assert_eq!(
        lu_solve(&f, &bn, Transpose::NoTrans).unwrap_err(),
        Error::NonFinite {
            routine: "lu_solve",
            what: "b"
        }
    );
    let rect = lu_factor(&Array2::<T>::ones((3, 2))).unwrap();
    assert!(matches!(
        lu_solve(&rect, &Array1::<T>::ones(3), Transpose::NoTrans),
        Err(Error::NotSquare { .. })
    ));
    assert_eq!(
        lu_factor(&array![[nan::<T>()]]).unwrap_err(),
        Error::NonFinite {
            routine: "lu_factor",
            what: "a"
        }
    );
    assert!(matches!(
        lu(&array![[nan::<T>()]]),
        Err(Error::NonFinite { routine: "lu", .. })
    ));
    let e = lu_factor(&Array2::<T>::zeros((0, 0))).unwrap();
    assert_eq!(
        lu_solve(&e, &Array1::<T>::zeros(0), Transpose::ConjTrans)
            .unwrap()
            .len(),
        0
    );
}
all_dtypes!(lu_solve_transposes);

fn lu_stacks<T: Scalar>() {
    let mut rng = Rng::new(41);
    for (m, n) in [(4, 4), (5, 3), (2, 6), (0, 3)] {
        let len = 2 * 3 * m * n;
        let a = ArrayD::from_shape_vec(
            IxDyn(&[2, 3, m, n]),
            (0..len).map(|_| rng.scalar::<T>()).collect(),
        )
        .unwrap();
        let before = a.clone();
        let (p, l, u) = lu_stacked(&a).unwrap();
        let k = m.min(n);
        assert_eq!(
            (p.shape(), l.shape(), u.shape()),
            (&[2, 3, m, m][..], &[2, 3, m, k][..], &[2, 3, k, n][..])
        );
        for i in 0..2 {
            for j in 0..3 {
                let (p1, l1, u1) = lu(&a.slice(s![i, j, .., ..])).unwrap();
                assert_eq!(p.slice(s![i, j, .., ..]), p1);
                assert_eq!(l.slice(s![i, j, .., ..]), l1);
                assert_eq!(u.slice(s![i, j, .., ..]), u1);
            }
        }
        assert_eq!(a, before);
    }
    let (p, _, _) = lu_stacked(&ArrayD::<T>::zeros(IxDyn(&[0, 2, 2]))).unwrap();
    assert_eq!(p.shape(), &[0, 2, 2]);
    assert!(matches!(
        lu_stacked(&ArrayD::<T>::zeros(IxDyn(&[2]))),
        Err(Error::TooFewDimensions { .. })
    ));
}
all_dtypes!(lu_stacks);

/// OpenBLAS's threaded `?getrf` needs 3–4 MiB of stack from n ≈ 100 on;
/// lapis moves it to a helper thread when the caller's stack is smaller,
/// so a default 2 MiB `std::thread` does not crash (it used to segfault).
#[test]
fn large_lu_on_a_small_stack() {
    let h = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let n = 160;
            let mut rng = Rng::new(77);
            let a = well_conditioned::<f64>(&mut rng, n);
            let b = rng.matrix::<f64>(n, 2);
            let x = solve(&a, &b).unwrap();
            assert_backward(&a, Transpose::NoTrans, &x, &b, "small stack solve");
            let ai = inv(&a).unwrap();
            assert_eq!(ai.dim(), (n, n));
            let (p, l, u) = lu(&a).unwrap();
            assert_close2(&matmul(&p, &matmul(&l, &u)), &a, n, "small stack P·L·U");
            slogdet(&a).unwrap().1
        })
        .unwrap();
    assert!(h.join().unwrap().is_finite());
}
