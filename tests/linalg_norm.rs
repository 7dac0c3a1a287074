//! Norms, condition numbers and rank (`lapis::linalg::{norm, norm_axis,
//! vector_norm, matrix_norm, cond, cond_stacked, matrix_rank,
//! matrix_rank_stacked}`) on all four element types: every order of
//! numpy.linalg.norm's table against naive formulas on every vector and
//! matrix layout, overflow and underflow safety, norms along axes against
//! per-slice calls, NumPy's empty-input results, Hilbert matrices' growing
//! condition numbers, ranks of constructed rank-r matrices, and errors.

mod common;
use common::*;

use lapis::linalg::{
    NormOrd, cond, cond_stacked, inv, matrix_norm, matrix_rank, matrix_rank_stacked, norm,
    norm_axis, svdvals, vector_norm, without_finite_check,
};
use lapis::{Error, RealScalar, Scalar};
use ndarray::{Array1, Array2, ArrayD, ArrayRef1, ArrayRef2, Axis, IxDyn, array, s};

fn f64_of<R: RealScalar>(x: R) -> f64 {
    x.to_f64_real()
}

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

/// |got − want| ≤ c·n·eps·|want| (relative), with exact agreement for
/// zero and infinity.
#[track_caller]
fn assert_rel<T: Scalar>(got: T::Real, want: f64, n: usize, what: &str) {
    let g = f64_of(got);
    if want == 0.0 || want.is_infinite() {
        assert_eq!(g, want, "{what}");
        return;
    }
    let tol = 16.0 * n.max(1) as f64 * f64_of(T::epsilon()) * want.abs();
    assert!(
        (g - want).abs() <= tol,
        "{what}: got {g:e}, want {want:e}, tol {tol:e}"
    );
}

/// Naive vector norms in f64.
fn naive_vector<T: Scalar>(x: &ArrayRef1<T>, ord: NormOrd) -> f64 {
    let abs: Vec<f64> = x.iter().map(|v| f64_of(v.abs())).collect();
    match ord {
        NormOrd::Inf => abs.iter().cloned().fold(0.0, f64::max),
        NormOrd::NegInf => abs.iter().cloned().fold(f64::INFINITY, f64::min),
        NormOrd::P(0.0) => abs.iter().filter(|&&a| a != 0.0).count() as f64,
        NormOrd::P(p) => abs.iter().map(|a| a.powf(p)).sum::<f64>().powf(1.0 / p),
        _ => unreachable!(),
    }
}

const VECTOR_ORDS: [NormOrd; 10] = [
    NormOrd::P(2.0),
    NormOrd::P(1.0),
    NormOrd::P(0.0),
    NormOrd::P(3.0),
    NormOrd::P(0.5),
    NormOrd::P(-1.0),
    NormOrd::P(-2.0),
    NormOrd::P(-0.5),
    NormOrd::Inf,
    NormOrd::NegInf,
];

fn vector_norms_all_layouts<T: Scalar>() {
    let mut rng = Rng::new(1);
    for n in [1usize, 2, 7, 40] {
        let mut x = rng.vector::<T>(n);
        if n > 2 {
            x[1] = T::zero(); // a zero counts for P(0) and makes P(<0) zero
        }
        for lay in VLay::ALL {
            let v = Vector::new(&x, lay);
            let before = v.backing().clone();
            for ord in VECTOR_ORDS {
                let want = naive_vector(&x, ord);
                assert_rel::<T>(
                    vector_norm(&v.view(), Some(ord)).unwrap(),
                    want,
                    n,
                    &format!("{ord} n={n}"),
                );
                assert_rel::<T>(
                    norm(&v.view(), Some(ord)).unwrap(),
                    want,
                    n,
                    &format!("norm {ord}"),
                );
            }
            assert_rel::<T>(
                vector_norm(&v.view(), None).unwrap(),
                naive_vector(&x, NormOrd::P(2.0)),
                n,
                "None",
            );
            assert_rel::<T>(
                norm(&v.view(), None).unwrap(),
                naive_vector(&x, NormOrd::P(2.0)),
                n,
                "norm None",
            );
            assert_eq!(v.backing(), &before, "input modified");
        }
    }
    // From<f64> and infinite P.
    let x = array![3.0, -4.0].mapv(T::from_f64);
    assert_eq!(f64_of(vector_norm(&x, Some(2.0.into())).unwrap()), 5.0);
    assert_eq!(
        f64_of(vector_norm(&x, Some(f64::INFINITY.into())).unwrap()),
        4.0
    );
    assert_eq!(
        f64_of(vector_norm(&x, Some(f64::NEG_INFINITY.into())).unwrap()),
        3.0
    );
}
all_dtypes!(vector_norms_all_layouts);

/// Huge and tiny components: the 2-norm, Frobenius and p-norms neither
/// overflow nor underflow where the true value is representable.
fn overflow_and_underflow<T: Scalar>() {
    let (big, small) = if f64_of(T::epsilon()) < 1e-10 {
        (1e200, 1e-200)
    } else {
        (1e30, 1e-30)
    };
    for (c, name) in [(big, "big"), (small, "small")] {
        let n = 9;
        let x = Array1::from_elem(n, T::from_f64(c));
        let want = c * (n as f64).sqrt();
        assert_rel::<T>(
            vector_norm(&x, None).unwrap(),
            want,
            n,
            &format!("2-norm {name}"),
        );
        assert_rel::<T>(norm(&x, None).unwrap(), want, n, &format!("norm {name}"));
        assert_rel::<T>(
            vector_norm(&x, Some(NormOrd::P(3.0))).unwrap(),
            c * (n as f64).cbrt(),
            n,
            "3-norm",
        );
        assert_rel::<T>(
            vector_norm(&x, Some(NormOrd::P(-2.0))).unwrap(),
            c / (n as f64).sqrt(),
            n,
            "-2-norm",
        );
        let m = Array2::from_elem((3, 3), T::from_f64(c));
        assert_rel::<T>(
            matrix_norm(&m, None).unwrap(),
            3.0 * c,
            n,
            &format!("Frobenius {name}"),
        );
        assert_rel::<T>(
            matrix_norm(&m, Some(NormOrd::Fro)).unwrap(),
            3.0 * c,
            n,
            "Fro",
        );
    }
    // Mixed magnitudes: the small parts do not vanish against a zero sum,
    // and a huge part does not overflow.
    let x = array![big, 0.0, -big].mapv(T::from_f64);
    assert_rel::<T>(
        vector_norm(&x, None).unwrap(),
        big * 2f64.sqrt(),
        3,
        "mixed",
    );
    let x = array![small, small * 2.0].mapv(T::from_f64);
    assert_rel::<T>(
        vector_norm(&x, None).unwrap(),
        small * 5f64.sqrt(),
        3,
        "tiny pair",
    );
    if T::IS_COMPLEX {
        // |big + big·i| = √2·big.
        let z = array![T::from_parts(real::<T>(big), real::<T>(big))];
        assert_rel::<T>(
            vector_norm(&z, None).unwrap(),
            big * 2f64.sqrt(),
            2,
            "complex big",
        );
    }
}
all_dtypes!(overflow_and_underflow);

/// Naive matrix norms in f64 (the 2-norms from svdvals).
fn naive_matrix<T: Scalar>(a: &ArrayRef2<T>, ord: NormOrd) -> f64 {
    let abs = a.mapv(|v| f64_of(v.abs()));
    let col = || abs.columns().into_iter().map(|c| c.sum());
    let row = || abs.rows().into_iter().map(|r| r.sum());
    match ord {
        NormOrd::Fro => abs.iter().map(|v| v * v).sum::<f64>().sqrt(),
        NormOrd::Nuc => svdvals(a).unwrap().iter().map(|&v| f64_of(v)).sum(),
        NormOrd::Inf => row().fold(f64::MIN, f64::max),
        NormOrd::NegInf => row().fold(f64::MAX, f64::min),
        NormOrd::P(1.0) => col().fold(f64::MIN, f64::max),
        NormOrd::P(-1.0) => col().fold(f64::MAX, f64::min),
        NormOrd::P(2.0) => f64_of(svdvals(a).unwrap()[0]),
        NormOrd::P(-2.0) => f64_of(*svdvals(a).unwrap().last().unwrap()),
        _ => unreachable!(),
    }
}

const MATRIX_ORDS: [NormOrd; 8] = [
    NormOrd::Fro,
    NormOrd::Nuc,
    NormOrd::Inf,
    NormOrd::NegInf,
    NormOrd::P(1.0),
    NormOrd::P(-1.0),
    NormOrd::P(2.0),
    NormOrd::P(-2.0),
];

fn matrix_norms_all_layouts<T: Scalar>() {
    let mut rng = Rng::new(2);
    for &(m, n) in &[(1usize, 1usize), (4, 4), (6, 3), (3, 6), (15, 11)] {
        let a = rng.matrix::<T>(m, n);
        for lay in Lay::ALL {
            let am = Mat::new(&a, lay);
            let before = am.backing().clone();
            for ord in MATRIX_ORDS {
                let want = naive_matrix(&a, ord);
                let k = m.max(n) * 4;
                assert_rel::<T>(
                    matrix_norm(&am.view(), Some(ord)).unwrap(),
                    want,
                    k,
                    &format!("{ord} {m}×{n}"),
                );
                assert_rel::<T>(
                    norm(&am.view(), Some(ord)).unwrap(),
                    want,
                    k,
                    &format!("norm {ord}"),
                );
            }
            let fro = naive_matrix(&a, NormOrd::Fro);
            assert_rel::<T>(
                matrix_norm(&am.view(), None).unwrap(),
                fro,
                m * n,
                "None = Fro",
            );
            assert_rel::<T>(
                norm(&am.view(), None).unwrap(),
                fro,
                m * n,
                "norm None = Fro",
            );
            assert_eq!(am.backing(), &before, "input modified");
        }
    }
    // Known values.
    let a = array![[1.0, -2.0], [-3.0, 4.0]].mapv(T::from_f64);
    let exact = |ord: NormOrd| f64_of(matrix_norm(&a, Some(ord)).unwrap());
    assert_eq!(exact(NormOrd::P(1.0)), 6.0);
    assert_eq!(exact(NormOrd::P(-1.0)), 4.0);
    assert_eq!(exact(NormOrd::Inf), 7.0);
    assert_eq!(exact(NormOrd::NegInf), 3.0);
    assert_rel::<T>(
        matrix_norm(&a, Some(NormOrd::Fro)).unwrap(),
        30f64.sqrt(),
        4,
        "fro",
    );
}
all_dtypes!(matrix_norms_all_layouts);

fn invalid_orders_and_dims<T: Scalar>() {
    let x = Array1::<T>::ones(3);
    let a = Array2::<T>::ones((2, 2));
    for ord in [NormOrd::Fro, NormOrd::Nuc, NormOrd::P(f64::NAN)] {
        assert!(
            matches!(
                vector_norm(&x, Some(ord)),
                Err(Error::InvalidArgument { what: "ord", .. })
            ),
            "{ord}"
        );
        assert!(matches!(
            norm(&x, Some(ord)),
            Err(Error::InvalidArgument { what: "ord", .. })
        ));
    }
    for ord in [
        NormOrd::P(3.0),
        NormOrd::P(0.0),
        NormOrd::P(f64::NAN),
        NormOrd::P(-3.0),
    ] {
        assert!(
            matches!(
                matrix_norm(&a, Some(ord)),
                Err(Error::InvalidArgument { what: "ord", .. })
            ),
            "{ord}"
        );
    }
    let e = matrix_norm(&a, Some(NormOrd::P(3.0))).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matrix_norm: invalid argument ord: invalid norm order 3 for matrices"
    );
    // Without ord, any number of axes: the 2-norm of all elements.
    let t = ArrayD::<T>::from_elem(IxDyn(&[2, 2, 2]), T::from_f64(0.5));
    assert_rel::<T>(
        norm(&t, None).unwrap(),
        8f64.sqrt() * 0.5,
        8,
        "3-D, ord None",
    );
    let zero_d = ArrayD::<T>::from_elem(IxDyn(&[]), T::from_f64(-3.0));
    assert_eq!(f64_of(norm(&zero_d, None).unwrap()), 3.0);
    assert!(matches!(
        norm(&t, Some(NormOrd::Fro)),
        Err(Error::InvalidArgument {
            routine: "norm",
            what: "ord",
            ..
        })
    ));
}
all_dtypes!(invalid_orders_and_dims);

/// NumPy's results on empty inputs: sums are 0, max/min reductions over
/// nothing are errors.
fn empty_inputs<T: Scalar>() {
    let x = Array1::<T>::zeros(0);
    assert_eq!(f64_of(vector_norm(&x, None).unwrap()), 0.0);
    assert_eq!(f64_of(vector_norm(&x, Some(NormOrd::P(1.0))).unwrap()), 0.0);
    assert_eq!(f64_of(vector_norm(&x, Some(NormOrd::P(0.0))).unwrap()), 0.0);
    assert_eq!(f64_of(vector_norm(&x, Some(NormOrd::P(3.0))).unwrap()), 0.0);
    assert_eq!(
        f64_of(vector_norm(&x, Some(NormOrd::P(-1.0))).unwrap()),
        f64::INFINITY
    );
    // NumPy 2.4: max from 0, min of nothing an error.
    assert_eq!(f64_of(vector_norm(&x, Some(NormOrd::Inf)).unwrap()), 0.0);
    assert!(matches!(
        vector_norm(&x, Some(NormOrd::NegInf)),
        Err(Error::Empty { .. })
    ));
    let a = Array2::<T>::zeros((0, 3));
    assert_eq!(f64_of(matrix_norm(&a, None).unwrap()), 0.0);
    assert_eq!(f64_of(matrix_norm(&a, Some(NormOrd::Nuc)).unwrap()), 0.0);
    // Column sums of no rows are 0; there are no row sums, whose max is 0
    // and whose min does not exist (NumPy 2.4); no singular values either.
    assert_eq!(f64_of(matrix_norm(&a, Some(NormOrd::P(1.0))).unwrap()), 0.0);
    assert_eq!(f64_of(matrix_norm(&a, Some(NormOrd::Inf)).unwrap()), 0.0);
    assert!(matches!(
        matrix_norm(&a, Some(NormOrd::NegInf)),
        Err(Error::Empty { .. })
    ));
    assert_eq!(f64_of(matrix_norm(&a, Some(NormOrd::P(2.0))).unwrap()), 0.0);
    assert!(matches!(
        matrix_norm(&a, Some(NormOrd::P(-2.0))),
        Err(Error::Empty { .. })
    ));
    assert_eq!(
        f64_of(matrix_norm(&a.t(), Some(NormOrd::P(1.0))).unwrap()),
        0.0
    );
    assert!(matches!(
        matrix_norm(&a.t(), Some(NormOrd::P(-1.0))),
        Err(Error::Empty { .. })
    ));
    assert_eq!(
        f64_of(matrix_norm(&a.t(), Some(NormOrd::Inf)).unwrap()),
        0.0
    );
    assert_eq!(
        f64_of(norm(&Array2::<T>::zeros((0, 0)), None).unwrap()),
        0.0
    );
    assert!(matches!(
        cond(&Array2::<T>::zeros((0, 0)), None),
        Err(Error::Empty {
            routine: "cond",
            ..
        })
    ));
    assert_eq!(matrix_rank(&Array2::<T>::zeros((0, 4)), None).unwrap(), 0);
}
all_dtypes!(empty_inputs);

fn non_finite<T: Scalar>() {
    let mut x = array![1.0, 2.0, 3.0].mapv(T::from_f64);
    x[1] = T::from_f64(f64::NAN);
    assert!(matches!(
        vector_norm(&x, None),
        Err(Error::NonFinite {
            routine: "vector_norm",
            ..
        })
    ));
    assert!(matches!(
        norm(&x, None),
        Err(Error::NonFinite {
            routine: "norm",
            ..
        })
    ));
    // Without the check: NaN propagates, infinity gives infinity (NumPy).
    let r = without_finite_check(|| vector_norm(&x, None)).unwrap();
    assert!(f64_of(r).is_nan());
    for ord in [
        NormOrd::Inf,
        NormOrd::NegInf,
        NormOrd::P(1.0),
        NormOrd::P(3.0),
        NormOrd::P(-1.0),
    ] {
        let r = without_finite_check(|| vector_norm(&x, Some(ord))).unwrap();
        assert!(f64_of(r).is_nan(), "{ord}: {r}");
    }
    x[1] = T::from_f64(f64::INFINITY);
    for ord in [
        NormOrd::P(2.0),
        NormOrd::Inf,
        NormOrd::P(1.0),
        NormOrd::P(3.0),
    ] {
        let r = without_finite_check(|| vector_norm(&x, Some(ord))).unwrap();
        assert_eq!(f64_of(r), f64::INFINITY, "{ord}");
    }
    let mut a = Array2::<T>::eye(3);
    a[[0, 2]] = T::from_f64(f64::NAN);
    assert!(matches!(
        matrix_norm(&a, None),
        Err(Error::NonFinite { .. })
    ));
    assert!(matches!(
        cond(&a, None),
        Err(Error::NonFinite {
            routine: "cond",
            ..
        })
    ));
    assert!(matches!(
        matrix_rank(&a, None),
        Err(Error::NonFinite {
            routine: "matrix_rank",
            ..
        })
    ));
    assert!(matches!(
        norm_axis(&a, None, &[0], false),
        Err(Error::NonFinite {
            routine: "norm",
            ..
        })
    ));
}
all_dtypes!(non_finite);

fn along_axes<T: Scalar>() {
    let mut rng = Rng::new(3);
    let t = ArrayD::from_shape_fn(IxDyn(&[3, 4, 5]), |_| rng.scalar::<T>());
    // Vector norms along each axis, negative axes too.
    for ax in 0..3usize {
        for ord in [
            None,
            Some(NormOrd::P(1.0)),
            Some(NormOrd::Inf),
            Some(NormOrd::P(-2.0)),
        ] {
            let got = norm_axis(&t, ord, &[ax as isize], false).unwrap();
            let neg = norm_axis(&t, ord, &[ax as isize - 3], false).unwrap();
            assert_eq!(got, neg);
            let mut shape = t.shape().to_vec();
            shape.remove(ax);
            assert_eq!(got.shape(), &shape[..]);
            for (idx, lane) in t.lanes(Axis(ax)).into_iter().enumerate() {
                let want = vector_norm(&lane, ord).unwrap();
                let g = got.iter().nth(idx).copied().unwrap();
                assert_eq!(g, want, "axis {ax}, lane {idx}");
            }
            let kept = norm_axis(&t, ord, &[ax as isize], true).unwrap();
            let mut kshape = t.shape().to_vec();
            kshape[ax] = 1;
            assert_eq!(kept.shape(), &kshape[..]);
            assert_eq!(
                kept.iter().copied().collect::<Vec<_>>(),
                got.iter().copied().collect::<Vec<_>>()
            );
        }
    }
    // Matrix norms over two axes, in either order.
    for ord in [
        None,
        Some(NormOrd::Nuc),
        Some(NormOrd::P(1.0)),
        Some(NormOrd::P(-2.0)),
        Some(NormOrd::Inf),
    ] {
        let got = norm_axis(&t, ord, &[-2, -1], false).unwrap();
        assert_eq!(got.shape(), &[3]);
        for i in 0..3 {
            assert_eq!(got[[i]], matrix_norm(&t.slice(s![i, .., ..]), ord).unwrap());
        }
        let got = norm_axis(&t, ord, &[2, 0], true).unwrap();
        assert_eq!(got.shape(), &[1, 4, 1]);
        for j in 0..4 {
            let slice = t.slice(s![.., j, ..]).reversed_axes();
            assert_eq!(
                got[[0, j, 0]],
                matrix_norm(&slice, ord).unwrap(),
                "axes (2, 0), {j}"
            );
        }
    }
    // Errors.
    // Out of range is NumPy's AxisError (was InvalidArgument).
    assert!(matches!(
        norm_axis(&t, None, &[3], false),
        Err(Error::AxisOutOfRange {
            axis: 3,
            ndim: 3,
            ..
        })
    ));
    assert!(matches!(
        norm_axis(&t, None, &[-4], false),
        Err(Error::AxisOutOfRange { axis: -4, .. })
    ));
    assert!(matches!(
        norm_axis(&t, None, &[0, 5], false),
        Err(Error::AxisOutOfRange { axis: 5, .. })
    ));
    assert!(matches!(
        norm_axis(&t, None, &[1, -2], false),
        Err(Error::InvalidArgument { what: "axis", .. })
    ));
    assert!(matches!(
        norm_axis(&t, None, &[0, 1, 2], false),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        norm_axis(&t, None, &[], false),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        norm_axis(&t, Some(NormOrd::Fro), &[0], false),
        Err(Error::InvalidArgument { what: "ord", .. })
    ));
    assert!(matches!(
        norm_axis(&t, Some(NormOrd::P(3.0)), &[0, 1], false),
        Err(Error::InvalidArgument { what: "ord", .. })
    ));
    // Empty axes: a zero-length lane has 2-norm 0, ∞-norm 0 (NumPy 2.4's
    // max from 0), but no minimum.
    let e = ArrayD::<T>::zeros(IxDyn(&[2, 0]));
    assert_eq!(
        norm_axis(&e, None, &[1], false).unwrap(),
        ArrayD::zeros(IxDyn(&[2]))
    );
    assert_eq!(
        norm_axis(&e, Some(NormOrd::Inf), &[1], false).unwrap(),
        ArrayD::zeros(IxDyn(&[2]))
    );
    assert!(matches!(
        norm_axis(&e, Some(NormOrd::NegInf), &[1], false),
        Err(Error::Empty { .. })
    ));
    assert_eq!(norm_axis(&e, None, &[0], false).unwrap().shape(), &[0]);
}
all_dtypes!(along_axes);

fn hilbert<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| T::from_f64(1.0 / (i + j + 1) as f64))
}

/// The 2-norm condition numbers of Hilbert matrices: known values and
/// growth with n.
fn hilbert_condition<T: Scalar>() {
    let known = [
        (2usize, 19.281470067903967),
        (3, 524.0567775860644),
        (4, 15513.738738929113),
    ];
    let single = f64_of(T::epsilon()) > 1e-10;
    for &(n, want) in &known {
        let c = f64_of(cond(&hilbert::<T>(n), None).unwrap());
        // Rounding the entries alone changes cond by ~eps·cond relatively.
        let rel = if single { 64.0 } else { 16.0 } * f64_of(T::epsilon()) * want;
        assert!(
            (c - want).abs() <= rel * want,
            "cond(H{n}) = {c}, want {want}"
        );
        assert_rel::<T>(
            cond(&hilbert::<T>(n), Some(NormOrd::P(2.0))).unwrap(),
            c,
            1,
            "P(2) = None",
        );
        let inv_c = f64_of(cond(&hilbert::<T>(n), Some(NormOrd::P(-2.0))).unwrap());
        assert!((inv_c * c - 1.0).abs() < 1e-3, "cond(-2) = 1/cond(2)");
    }
    let max_n = if single { 5 } else { 9 };
    let mut last = 1.0;
    for n in 1..=max_n {
        let c = f64_of(cond(&hilbert::<T>(n), None).unwrap());
        assert!(
            c > last * 10.0 || n == 1,
            "cond(H{n}) = {c} does not grow from {last}"
        );
        last = c;
    }
    // Other orders: ‖A‖·‖A⁻¹‖ in that norm.
    let h = hilbert::<T>(4);
    let hi = inv(&h).unwrap();
    for ord in [
        NormOrd::P(1.0),
        NormOrd::P(-1.0),
        NormOrd::Inf,
        NormOrd::NegInf,
        NormOrd::Fro,
        NormOrd::Nuc,
    ] {
        let want = f64_of(matrix_norm(&h, Some(ord)).unwrap())
            * f64_of(matrix_norm(&hi, Some(ord)).unwrap());
        let got = f64_of(cond(&h, Some(ord)).unwrap());
        assert!((got - want).abs() <= 1e-3 * want, "{ord}: {got} vs {want}");
    }
    // cond_1(H3) = 748 exactly (H3⁻¹ is an integer matrix).
    let c1 = f64_of(cond(&hilbert::<T>(3), Some(NormOrd::P(1.0))).unwrap());
    assert!(
        (c1 - 748.0).abs() < if single { 0.5 } else { 1e-9 },
        "cond_1(H3) = {c1}"
    );
}
all_dtypes!(hilbert_condition);

fn cond_special_cases<T: Scalar>() {
    // The identity and unitary matrices: 1.
    let e = Array2::<T>::eye(5);
    assert_rel::<T>(cond(&e, None).unwrap(), 1.0, 5, "cond(I)");
    assert_rel::<T>(
        cond(&e, Some(NormOrd::P(1.0))).unwrap(),
        1.0,
        5,
        "cond_1(I)",
    );
    // Singular: +inf for every order (including 0/0 for the zero matrix).
    let sing = array![[1.0, 2.0], [2.0, 4.0]].mapv(T::from_f64);
    let zero = Array2::<T>::zeros((3, 3));
    for a in [&sing, &zero] {
        for ord in [
            None,
            Some(NormOrd::P(1.0)),
            Some(NormOrd::Inf),
            Some(NormOrd::Fro),
            Some(NormOrd::Nuc),
        ] {
            let c = f64_of(cond(a, ord).unwrap());
            assert!(c == f64::INFINITY || c > 1e6, "singular, {ord:?}: {c}");
        }
        assert_eq!(
            f64_of(cond(a, Some(NormOrd::P(1.0))).unwrap()),
            f64::INFINITY
        );
    }
    assert_eq!(f64_of(cond(&zero, None).unwrap()), f64::INFINITY);
    assert_eq!(
        f64_of(cond(&zero, Some(NormOrd::P(-2.0))).unwrap()),
        f64::INFINITY
    );
    // Rectangular: the 2-norm works, the others need a square matrix.
    let r = array![[3.0, 0.0, 0.0], [0.0, 1.0, 0.0]].mapv(T::from_f64);
    assert_rel::<T>(cond(&r, None).unwrap(), 3.0, 3, "rectangular");
    assert!(matches!(
        cond(&r, Some(NormOrd::P(1.0))),
        Err(Error::NotSquare {
            routine: "cond",
            ..
        })
    ));
    assert!(matches!(
        cond(&r, Some(NormOrd::P(3.0))),
        Err(Error::InvalidArgument {
            routine: "cond",
            ..
        })
    ));
    // Stacks.
    let mut rng = Rng::new(8);
    let st = ArrayD::from_shape_fn(IxDyn(&[2, 3, 4, 4]), |_| rng.scalar::<T>());
    for ord in [None, Some(NormOrd::P(1.0))] {
        let c = cond_stacked(&st, ord).unwrap();
        assert_eq!(c.shape(), &[2, 3]);
        for i in 0..2 {
            for j in 0..3 {
                assert_eq!(c[[i, j]], cond(&st.slice(s![i, j, .., ..]), ord).unwrap());
            }
        }
    }
    assert!(matches!(
        cond_stacked(&ArrayD::<T>::zeros(IxDyn(&[3])), None),
        Err(Error::TooFewDimensions { .. })
    ));
}
all_dtypes!(cond_special_cases);

fn rank<T: Scalar>() {
    let mut rng = Rng::new(13);
    for &(m, n, r) in &[
        (6usize, 6usize, 6usize),
        (8, 5, 3),
        (5, 8, 2),
        (7, 7, 1),
        (10, 10, 9),
        (1, 1, 1),
    ] {
        let a = matmul(&rng.matrix::<T>(m, r), &rng.matrix::<T>(r, n));
        for lay in [Lay::C, Lay::F, Lay::Stepped, Lay::NegRows] {
            let am = Mat::new(&a, lay);
            assert_eq!(
                matrix_rank(&am.view(), None).unwrap(),
                r,
                "{m}×{n} rank {r}, {lay:?}"
            );
        }
    }
    assert_eq!(matrix_rank(&Array2::<T>::zeros((4, 3)), None).unwrap(), 0);
    assert_eq!(matrix_rank(&Array2::<T>::eye(7), None).unwrap(), 7);
    // An explicit tol: diag(1, 1e-3, 1e-6).
    let d = Array2::from_shape_fn((3, 3), |(i, j)| {
        if i == j {
            T::from_f64(10f64.powi(-3 * i as i32))
        } else {
            T::zero()
        }
    });
    assert_eq!(matrix_rank(&d, Some(real::<T>(1e-4))).unwrap(), 2);
    assert_eq!(matrix_rank(&d, Some(real::<T>(0.5))).unwrap(), 1);
    assert_eq!(matrix_rank(&d, Some(real::<T>(2.0))).unwrap(), 0);
    assert_eq!(matrix_rank(&d, None).unwrap(), 3);
    assert!(matches!(
        matrix_rank(&d, Some(real::<T>(f64::NAN))),
        Err(Error::InvalidArgument { what: "tol", .. })
    ));
    // The default tolerance cuts rounding-level values: a rank-one matrix
    // with noise far below S.max()·max(M, N)·eps.
    let x = rng.vector::<T>(6);
    let outer = Array2::from_shape_fn((6, 6), |(i, j)| x[i] * x[j].conj());
    assert_eq!(matrix_rank(&outer, None).unwrap(), 1);
    // Stacks.
    let st = ArrayD::from_shape_fn(IxDyn(&[3, 4, 2]), |idx| {
        if idx[0] == 1 {
            T::zero()
        } else {
            rng.scalar::<T>()
        }
    });
    let ranks = matrix_rank_stacked(&st, None).unwrap();
    assert_eq!(
        ranks,
        ArrayD::from_shape_vec(IxDyn(&[3]), vec![2, 0, 2]).unwrap()
    );
}
all_dtypes!(rank);

/// The elements of a real result array, as f64.
fn reals(a: &lapis::array::NdArray) -> Vec<f64> {
    match a.to_vec::<f32>() {
        Ok(v) => v.into_iter().map(f64::from).collect(),
        Err(_) => a.to_vec::<f64>().unwrap(),
    }
}

/// `ord` as the NumPy table writes it.
fn table_ord(s: &str) -> Option<NormOrd> {
    match s {
        "None" => None,
        "fro" => Some(NormOrd::Fro),
        "nuc" => Some(NormOrd::Nuc),
        "inf" => Some(NormOrd::Inf),
        "-inf" => Some(NormOrd::NegInf),
        p => Some(NormOrd::P(p.parse().unwrap())),
    }
}

/// Every norm (and `cond`) of empty arrays against NumPy 2.4
/// (tests/data/norm_empty_numpy.txt, made by
/// scripts/gen_numpy_regressions.py): shapes (0,), (0,3), (3,0), (0,0),
/// (2,0,3), real and complex, every order, through the dynamic-array API
/// (`norm`, `norm_axis(-2, -1)` for NumPy's matrix_norm, `vector_norm` over
/// all axes, `cond`) and for 1-D/2-D also the typed `vector_norm` and
/// `matrix_norm`, at both precisions. Where NumPy raises, lapis errs with:
/// `Empty`/`EmptyReduction` for a minimum over nothing (NumPy's
/// ValueError) and for `cond` (NumPy's LinAlgError "cond is not defined on
/// empty arrays"); `InvalidArgument` for an order that does not apply to
/// the number of axes (ValueError); `AxisOutOfRange` for matrix_norm of a
/// 1-D array (AxisError); `TooFewDimensions` for `cond` of a 1-D array.
#[test]
fn empty_norms_match_numpy() {
    use lapis::DType;
    use lapis::array::{self, Axes, linalg as dla};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/norm_empty_numpy.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (lhs, want) = line.split_once(" -> ").unwrap();
        let l: Vec<&str> = lhs.split(' ').collect();
        let shape: Vec<usize> = l[2]
            .split('x')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let ord = table_ord(l[3]);
        let complex = l[1].starts_with("complex");
        for dt in [DType::F32, DType::F64] {
            let dt = if complex { dt.complex() } else { dt };
            let a = array::zeros(&shape, dt).unwrap();
            // (value(s), or the error)
            let got: Result<Vec<f64>, Error> = match l[0] {
                "norm" => dla::norm(&a, ord).map(|v| vec![v]),
                "matrix_norm" => dla::norm_axis(&a, ord, &[-2, -1], false).map(|r| reals(&r)),
                "vector_norm" => match ord {
                    Some(NormOrd::Fro | NormOrd::Nuc) => continue, // not expressible
                    o => {
                        let p = match o {
                            None => 2.0,
                            Some(NormOrd::Inf) => f64::INFINITY,
                            Some(NormOrd::NegInf) => f64::NEG_INFINITY,
                            Some(NormOrd::P(p)) => p,
                            _ => unreachable!(),
                        };
                        a.vector_norm(p, Axes::All, false).map(|r| reals(&r))
                    }
                },
                "cond" => dla::cond(&a, ord).map(|r| reals(&r)),
                f => panic!("unknown function {f}"),
            };
            checked += 1;
            let ok = match (&got, want.strip_prefix("raise ")) {
                (Ok(v), None) => {
                    let w: Vec<f64> = want
                        .trim_matches(|c| c == '[' || c == ']')
                        .split(',')
                        .map(|s| s.parse().unwrap())
                        .collect();
                    *v == w
                }
                (Err(e), Some(exc)) => match (exc, e) {
                    ("AxisError", Error::AxisOutOfRange { .. }) => true,
                    ("LinAlgError", Error::Empty { .. }) => l[0] == "cond",
                    // NumPy checks emptiness before the number of axes;
                    // lapis reports the 1-D array's missing axis first.
                    ("LinAlgError", Error::TooFewDimensions { .. }) => shape.len() < 2,
                    ("ValueError", Error::Empty { .. } | Error::EmptyReduction { .. }) => {
                        // Only orders that exist for this number of axes.
                        let nd = shape.len();
                        match l[0] {
                            "norm" => nd <= 2,
                            _ => true,
                        }
                    }
                    ("ValueError", Error::InvalidArgument { .. }) => true,
                    _ => false,
                },
                _ => false,
            };
            if !ok {
                failures.push(format!("{line} [{dt:?}]: got {got:?}"));
            }
        }
    }
    assert!(checked > 700, "only {checked} checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The typed 1-D/2-D norms on the same empty shapes as NumPy's table
/// (tests/data/norm_empty_numpy.txt), for the orders each accepts.
fn typed_empty_norms<T: Scalar>() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/norm_empty_numpy.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let want_dtype = if T::IS_COMPLEX {
        "complex128"
    } else {
        "float64"
    };
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (lhs, want) = line.split_once(" -> ").unwrap();
        let l: Vec<&str> = lhs.split(' ').collect();
        if l[1] != want_dtype {
            continue;
        }
        let ord = table_ord(l[3]);
        let got = match (l[0], l[2]) {
            ("vector_norm", "0x") => vector_norm(&Array1::<T>::zeros(0), ord),
            ("matrix_norm", "0x3") => matrix_norm(&Array2::<T>::zeros((0, 3)), ord),
            ("matrix_norm", "3x0") => matrix_norm(&Array2::<T>::zeros((3, 0)), ord),
            ("matrix_norm", "0x0") => matrix_norm(&Array2::<T>::zeros((0, 0)), ord),
            _ => continue,
        };
        match want.strip_prefix("raise ") {
            None => assert_eq!(got.map(f64_of), Ok(want.parse::<f64>().unwrap()), "{line}"),
            Some(_) => assert!(
                matches!(
                    got,
                    Err(Error::Empty { .. } | Error::InvalidArgument { .. })
                ),
                "{line}: got {got:?}"
            ),
        }
    }
}
all_dtypes!(typed_empty_norms);
