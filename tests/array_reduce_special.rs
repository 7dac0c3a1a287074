//! Reductions on special values (NaN, ±∞, huge and tiny magnitudes),
//! empty reductions, errors with their messages, the typed kernels on
//! `ndarray` views, the accuracy of a 10⁷-term sum, and independence of
//! the thread count.

mod common;

use common::Rng;
use lapis::array::{self, Axes, NdArray};
use lapis::{Complex32, Complex64, DType, Error, Scalar};
use ndarray::{ArrayD, IxDyn, arr1, arr2, s};

fn nd<T: Scalar>(v: Vec<T>, shape: &[usize]) -> NdArray {
    array::from_vec(v, shape).unwrap()
}

fn vals<T: Scalar>(a: &NdArray) -> Vec<T> {
    a.to_vec::<T>().unwrap()
}

#[test]
fn nan_propagates_in_min_max_and_argminmax() {
    let n = f64::NAN;
    let a = nd(vec![1.0, n, 3.0, n, -2.0, 7.0], &[2, 3]);
    assert!(
        a.max(Axes::All, false)
            .unwrap()
            .item::<f64>(&[])
            .unwrap()
            .is_nan()
    );
    assert!(
        a.min(Axes::All, false)
            .unwrap()
            .item::<f64>(&[])
            .unwrap()
            .is_nan()
    );
    // Per column: NaN in columns 0 (row 1) and 1 (row 0).
    let m = vals::<f64>(&a.max(0, false).unwrap());
    assert!(m[0].is_nan() && m[1].is_nan() && m[2] == 7.0);
    let m = vals::<f64>(&a.min(1, false).unwrap());
    assert!(m[0].is_nan() && m[1].is_nan());
    // The first NaN wins in argmax and argmin, flat and along axes.
    assert_eq!(a.argmax().unwrap(), 1);
    assert_eq!(a.argmin().unwrap(), 1);
    assert_eq!(
        a.argmax_axis(0, false).unwrap().into_raw_vec_and_offset().0,
        vec![1, 0, 1]
    );
    assert_eq!(
        a.argmin_axis(1, false).unwrap().into_raw_vec_and_offset().0,
        vec![1, 0]
    );
    // NaN first in the array.
    let b = nd(vec![n, 5.0, n], &[3]);
    assert_eq!(b.argmax().unwrap(), 0);
    assert_eq!(b.argmin().unwrap(), 0);
    // NaN in the imaginary part of a complex number counts as NaN.
    let z = nd(
        vec![
            Complex64::new(1.0, 0.0),
            Complex64::new(0.0, n),
            Complex64::new(9.0, 0.0),
        ],
        &[3],
    );
    let zm = z
        .max(Axes::All, false)
        .unwrap()
        .item::<Complex64>(&[])
        .unwrap();
    assert!(zm.im.is_nan());
    assert_eq!(z.argmax().unwrap(), 1);
    assert_eq!(z.argmin().unwrap(), 1);
    // NaN in sum and norms.
    assert!(
        a.sum(Axes::All, false)
            .unwrap()
            .item::<f64>(&[])
            .unwrap()
            .is_nan()
    );
    for ord in [2.0, 1.0, f64::INFINITY, 3.0] {
        let r = a.vector_norm(ord, Axes::All, false).unwrap();
        assert!(r.item::<f64>(&[]).unwrap().is_nan(), "ord {ord}");
    }
    assert!(!a.all_finite().unwrap() && a.any_nonfinite().unwrap());
    assert_eq!(
        a.all_finite_axes(1, false)
            .unwrap()
            .into_raw_vec_and_offset()
            .0,
        vec![false, false]
    );
    assert_eq!(
        a.any_nonfinite_axes(0, true)
            .unwrap()
            .into_raw_vec_and_offset()
            .0,
        vec![true, true, false]
    );
}

#[test]
fn ties_take_the_first_occurrence() {
    let a = nd(vec![3.0f32, 1.0, 3.0, 1.0, 0.5, 3.0], &[6]);
    assert_eq!(a.argmax().unwrap(), 0);
    assert_eq!(a.argmin().unwrap(), 4);
    let b = nd(vec![2.0f64, 2.0, 2.0, 2.0], &[2, 2]);
    assert_eq!(b.argmax_axis(0, true).unwrap().shape(), &[1, 2]);
    assert_eq!(
        b.argmax_axis(0, true).unwrap().into_raw_vec_and_offset().0,
        vec![0, 0]
    );
}

#[test]
fn infinities() {
    let i = f64::INFINITY;
    let a = nd(vec![-i, 1.0, i, 2.0], &[4]);
    let one = |r: NdArray| r.item::<f64>(&[]).unwrap();
    assert_eq!(one(a.max(Axes::All, false).unwrap()), i);
    assert_eq!(one(a.min(Axes::All, false).unwrap()), -i);
    assert!(one(a.sum(Axes::All, false).unwrap()).is_nan()); // inf + -inf
    assert_eq!(one(a.vector_norm(2.0, Axes::All, false).unwrap()), i);
    assert_eq!(one(a.vector_norm(3.0, Axes::All, false).unwrap()), i);
    assert_eq!(
        one(a.vector_norm(-f64::INFINITY, Axes::All, false).unwrap()),
        1.0
    );
    assert_eq!(a.argmax().unwrap(), 2);
    assert_eq!(a.argmin().unwrap(), 0);
    assert!(!a.all_finite().unwrap());
    let b = nd(vec![i, 1.0], &[2]);
    assert_eq!(one(b.sum(Axes::All, false).unwrap()), i);
    assert_eq!(one(b.prod(Axes::All, false).unwrap()), i);
}

#[test]
fn complex_order_is_lexicographic() {
    let z = |r, i| Complex32::new(r, i);
    let a = nd(
        vec![z(1.0, 5.0), z(2.0, -1.0), z(2.0, 0.0), z(-3.0, 9.0)],
        &[4],
    );
    let max = a
        .max(Axes::All, false)
        .unwrap()
        .item::<Complex32>(&[])
        .unwrap();
    let min = a
        .min(Axes::All, false)
        .unwrap()
        .item::<Complex32>(&[])
        .unwrap();
    assert_eq!(max, z(2.0, 0.0));
    assert_eq!(min, z(-3.0, 9.0));
    assert_eq!(a.argmax().unwrap(), 2);
    assert_eq!(a.argmin().unwrap(), 3);
    // var of complex is real: mean |x - mean|^2.
    let v = nd(
        vec![Complex64::new(1.0, 1.0), Complex64::new(-1.0, -1.0)],
        &[2],
    );
    let r = v.var(Axes::All, 0, false).unwrap();
    assert_eq!(r.dtype(), DType::F64);
    assert_eq!(r.item::<f64>(&[]).unwrap(), 2.0);
    let s = v.std(Axes::All, 1, false).unwrap();
    assert_eq!(s.item::<f64>(&[]).unwrap(), 2.0);
}

#[test]
fn norms_do_not_overflow_or_underflow() {
    let one64 = |r: NdArray| r.item::<f64>(&[]).unwrap();
    let one32 = |r: NdArray| r.item::<f32>(&[]).unwrap();
    let close = |got: f64, want: f64, eps: f64| {
        assert!(
            (got - want).abs() <= 8.0 * eps * want,
            "got {got:e}, want {want:e}"
        );
    };
    for (x, e) in [
        (1e300, f64::EPSILON),
        (1e-300, f64::EPSILON),
        (1e-320, 1e-3),
    ] {
        let a = nd(vec![x; 4], &[4]);
        close(
            one64(a.vector_norm(2.0, Axes::All, false).unwrap()),
            2.0 * x,
            e,
        );
        close(
            one64(a.vector_norm(3.0, Axes::All, false).unwrap()),
            4f64.powf(1.0 / 3.0) * x,
            e,
        );
        close(
            one64(a.vector_norm(-2.0, Axes::All, false).unwrap()),
            x / 2.0,
            e,
        );
        let z = nd(vec![Complex64::new(x, x); 2], &[2]);
        close(
            one64(z.vector_norm(2.0, Axes::All, false).unwrap()),
            2.0 * x,
            e,
        );
        close(
            one64(z.vector_norm(1.0, Axes::All, false).unwrap()),
            2.0 * 2f64.sqrt() * x,
            e,
        );
    }
    for x in [1e30f32, 1e-30] {
        let a = nd(vec![x; 9], &[3, 3]);
        close(
            one32(a.vector_norm(2.0, Axes::All, false).unwrap()) as f64,
            3.0 * x as f64,
            1e-6,
        );
        let r = vals::<f32>(&a.vector_norm(2.0, 0, false).unwrap());
        for v in r {
            close(v as f64, 3f64.sqrt() * x as f64, 1e-6);
        }
        let z = nd(vec![Complex32::new(x, -x); 2], &[2]);
        let r = z.vector_norm(2.0, Axes::All, false).unwrap();
        assert_eq!(r.dtype(), DType::F32);
        close(one32(r) as f64, 2.0 * x as f64, 1e-6);
    }
    // Mixed: one output needs scaling, the other does not.
    let a = nd(vec![1e300, 1e300, 3.0, 4.0], &[2, 2]);
    let r = vals::<f64>(&a.vector_norm(2.0, 1, false).unwrap());
    close(r[0], 2f64.sqrt() * 1e300, f64::EPSILON);
    assert_eq!(r[1], 5.0);
    // Zeros: 0 for every order p > 0, count 0 for ord 0.
    let z = nd(vec![0.0f64; 3], &[3]);
    for ord in [2.0, 1.0, 3.0, f64::INFINITY, 0.0] {
        assert_eq!(one64(z.vector_norm(ord, Axes::All, false).unwrap()), 0.0);
    }
    assert_eq!(one64(z.vector_norm(-1.0, Axes::All, false).unwrap()), 0.0);
}

#[test]
fn empty_reductions() {
    let a = array::zeros(&[0, 3], DType::F64).unwrap();
    assert_eq!(vals::<f64>(&a.sum(0, false).unwrap()), vec![0.0; 3]);
    assert_eq!(vals::<f64>(&a.prod(0, false).unwrap()), vec![1.0; 3]);
    assert!(
        vals::<f64>(&a.mean(0, false).unwrap())
            .iter()
            .all(|x| x.is_nan())
    );
    assert!(
        vals::<f64>(&a.var(0, 0, false).unwrap())
            .iter()
            .all(|x| x.is_nan())
    );
    assert_eq!(a.sum(1, false).unwrap().shape(), &[0]);
    assert_eq!(a.sum(1, true).unwrap().shape(), &[0, 1]);
    // A length-0 output along a non-empty axis is fine; along the empty axis not.
    assert_eq!(a.max(1, false).unwrap().shape(), &[0]);
    let e = a.max(0, false).unwrap_err();
    assert!(matches!(e, Error::EmptyReduction { .. }));
    assert_eq!(
        e.to_string(),
        "max: zero-size array to reduction operation maximum which has no identity"
    );
    assert!(
        a.min(Axes::All, false)
            .unwrap_err()
            .to_string()
            .contains("operation minimum which has no identity")
    );
    assert!(matches!(
        a.argmax().unwrap_err(),
        Error::EmptyReduction { .. }
    ));
    assert!(matches!(
        a.argmin_axis(0, false).unwrap_err(),
        Error::EmptyReduction { .. }
    ));
    assert_eq!(a.argmin_axis(1, false).unwrap().shape(), &[0]);
    // NumPy 2.4: the ∞-norm of nothing is 0, the −∞-norm an error.
    assert_eq!(
        vals::<f64>(&a.vector_norm(f64::INFINITY, 0, false).unwrap()),
        vec![0.0; 3]
    );
    assert!(matches!(
        a.vector_norm(-f64::INFINITY, 0, false).unwrap_err(),
        Error::EmptyReduction { .. }
    ));
    assert_eq!(
        vals::<f64>(&a.vector_norm(2.0, 0, false).unwrap()),
        vec![0.0; 3]
    );
    assert_eq!(
        vals::<f64>(&a.vector_norm(-1.0, 0, false).unwrap()),
        vec![f64::INFINITY; 3]
    );
    assert!(a.all_finite().unwrap() && !a.any_nonfinite().unwrap());
    // Complex empty: zero with a zero imaginary part.
    let z = array::zeros(&[2, 0], DType::C64).unwrap();
    assert_eq!(
        vals::<Complex32>(&z.sum(-1, false).unwrap()),
        vec![Complex32::new(0.0, 0.0); 2]
    );
    // Sum of -0 stays -0, as NumPy's.
    let nz = nd(vec![-0.0f64], &[1]);
    assert!(
        nz.sum(Axes::All, false)
            .unwrap()
            .item::<f64>(&[])
            .unwrap()
            .is_sign_negative()
    );
}

#[test]
fn zero_d_arrays() {
    let a = array::from_scalar(Complex64::new(2.0, -3.0));
    for r in [
        a.sum(Axes::All, false).unwrap(),
        a.mean(Axes::All, true).unwrap(),
        a.max(Axes::Many(vec![]), false).unwrap(),
        a.prod(Axes::All, false).unwrap(),
    ] {
        assert_eq!(r.shape(), &[] as &[usize]);
        assert_eq!(r.item::<Complex64>(&[]).unwrap(), Complex64::new(2.0, -3.0));
    }
    assert_eq!(a.argmax().unwrap(), 0);
    assert_eq!(
        a.var(Axes::All, 0, false)
            .unwrap()
            .item::<f64>(&[])
            .unwrap(),
        0.0
    );
    assert!(matches!(
        a.sum(0, false).unwrap_err(),
        Error::AxisOutOfRange { .. }
    ));
}

#[test]
fn errors_name_the_problem() {
    let a = array::ones(&[2, 3, 4], DType::F32).unwrap();
    let e = a.sum(3, false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "sum: axis 3 is out of bounds for array of dimension 3"
    );
    let e = a.mean(-4, false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "mean: axis -4 is out of bounds for array of dimension 3"
    );
    let e = a.max([0, 2, -3], false).unwrap_err();
    assert_eq!(
        e,
        Error::RepeatedAxis {
            routine: "max",
            axis: -3
        }
    );
    assert!(e.to_string().contains("repeated axis -3"));
    let e = a.var(vec![1, 1], 0, false).unwrap_err();
    assert!(matches!(e, Error::RepeatedAxis { .. }));
    let e = a.argmax_axis(5, false).unwrap_err();
    assert!(matches!(
        e,
        Error::AxisOutOfRange {
            axis: 5,
            ndim: 3,
            ..
        }
    ));
    let e = a.vector_norm(f64::NAN, Axes::All, false).unwrap_err();
    assert!(e.to_string().contains("invalid norm order"), "{e}");
    // A mutably viewed buffer is a borrow conflict, not a panic.
    let mut b = array::ones(&[3], DType::F64).unwrap();
    let b2 = b.new_view();
    let _w = b.view_mut::<f64>().unwrap();
    assert!(matches!(
        b2.sum(Axes::All, false).unwrap_err(),
        Error::BorrowConflict { .. }
    ));
}

#[test]
fn axes_conversions() {
    let a = array::ones(&[2, 3, 4], DType::F64).unwrap();
    assert_eq!(a.sum(1usize, false).unwrap().shape(), &[2, 4]);
    assert_eq!(a.sum(-1i32, false).unwrap().shape(), &[2, 3]);
    assert_eq!(a.sum([0, 2], false).unwrap().shape(), &[3]);
    assert_eq!(a.sum(&[2, 0][..], true).unwrap().shape(), &[1, 3, 1]);
    assert_eq!(a.sum(vec![1], false).unwrap().shape(), &[2, 4]);
    assert_eq!(a.sum(None, false).unwrap().shape(), &[] as &[usize]);
    assert_eq!(a.sum(Some(0), false).unwrap().shape(), &[3, 4]);
    assert_eq!(
        a.sum(Axes::Many(vec![]), false).unwrap().shape(),
        &[2, 3, 4]
    );
    assert_eq!(a.sum(Axes::All, true).unwrap().shape(), &[1, 1, 1]);
    assert_eq!(
        a.sum(Axes::All, false).unwrap().item::<f64>(&[]).unwrap(),
        24.0
    );
}

#[test]
fn typed_kernels_on_ndarray_views() {
    let a = arr2(&[[1.0f64, -2.0, 3.0], [4.0, 5.0, -6.0]]);
    // Negative-stride and stepped views.
    let v = a.slice(s![..;-1, ..;2]); // [[4, -6], [1, 3]]
    assert_eq!(
        array::sum(&v, 0, false).unwrap(),
        arr1(&[5.0, -3.0]).into_dyn()
    );
    assert_eq!(
        array::max(&v, 1, true).unwrap(),
        arr2(&[[4.0], [3.0]]).into_dyn()
    );
    assert_eq!(array::argmin(&v).unwrap(), 1);
    assert_eq!(
        array::argmax_axis(&v, -1, false).unwrap(),
        arr1(&[0usize, 1]).into_dyn()
    );
    assert_eq!(
        array::mean(&a.t(), Axes::All, false).unwrap().sum(),
        5.0 / 6.0
    );
    assert_eq!(
        array::vector_norm(&v, 1.0, Axes::All, false).unwrap().sum(),
        14.0
    );
    assert_eq!(
        array::var(&arr1(&[1.0f32, 3.0]), 0, 1, false)
            .unwrap()
            .sum(),
        2.0
    );
    assert_eq!(
        array::std(&arr1(&[1.0f32, 3.0]), 0, 0, false)
            .unwrap()
            .sum(),
        1.0
    );
    assert_eq!(array::prod(&v, Axes::All, false).unwrap().sum(), -72.0);
    assert_eq!(array::min(&v, Axes::All, false).unwrap().sum(), -6.0);
    assert!(array::all_finite(&v, Axes::All, false).unwrap()[[]]);
    assert!(!array::any_nonfinite(&v, 0, false).unwrap()[[1]]);
    // A broadcast (zero-stride) view.
    let row = arr1(&[1.0f64, 2.0]);
    let b = row.broadcast((1000, 2)).unwrap();
    assert_eq!(
        array::sum(&b, 0, false).unwrap(),
        arr1(&[1000.0, 2000.0]).into_dyn()
    );
    assert_eq!(array::sum(&b, Axes::All, false).unwrap().sum(), 3000.0);
}

/// Neumaier-compensated f64 sum.
fn csum(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for x in xs {
        let t = s + x;
        c += if s.abs() >= x.abs() {
            (s - t) + x
        } else {
            (x - t) + s
        };
        s = t;
    }
    s + c
}

#[test]
fn sum_of_ten_million_f32_meets_the_pairwise_bound() {
    let n = 10_000_000;
    let mut rng = Rng::new(77);
    for positive in [true, false] {
        // Mixed magnitudes 1e-3 .. 1e3.
        let x: Vec<f32> = (0..n)
            .map(|_| {
                let e = (rng.next_u64() % 7) as i32 - 3;
                let u = rng.uniform();
                let u = if positive { u.abs() + 0.01 } else { u };
                (u * 10f64.powi(e)) as f32
            })
            .collect();
        let want = csum(x.iter().map(|&v| v as f64));
        let mag: f64 = x.iter().map(|&v| (v as f64).abs()).sum();
        let bound = f32::EPSILON as f64 * (32.0 + (n as f64).log2()) * mag;
        let a = array::from_vec(x.clone(), &[n]).unwrap();
        let got = a.sum(Axes::All, false).unwrap().item::<f32>(&[]).unwrap() as f64;
        assert!(
            (got - want).abs() <= bound,
            "got {got}, want {want}, bound {bound}"
        );
        // As a 2-D array summed along the non-contiguous axis then the other.
        let m = a.reshape(&[10_000, 1000]).unwrap();
        let cols = m.sum(0, false).unwrap();
        let got2 = cols
            .sum(Axes::All, false)
            .unwrap()
            .item::<f32>(&[])
            .unwrap() as f64;
        assert!(
            (got2 - want).abs() <= bound,
            "rows: got {got2}, want {want}, bound {bound}"
        );
        let got3 = m
            .t()
            .sum(Axes::All, false)
            .unwrap()
            .item::<f32>(&[])
            .unwrap() as f64;
        assert!(
            (got3 - want).abs() <= bound,
            "F order: got {got3}, want {want}"
        );
        if positive {
            // The bound is tight enough that a running f32 sum fails it.
            let naive = x.iter().fold(0.0f32, |s, &v| s + v) as f64;
            assert!(
                (naive - want).abs() > bound,
                "naive {naive} vs {want}: bound too loose"
            );
        }
    }
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let mut rng = Rng::new(9);
    let shape = [700, 600];
    let x: Vec<f64> = (0..shape[0] * shape[1])
        .map(|_| rng.uniform() * 1e3)
        .collect();
    let z: Vec<Complex32> = (0..shape[0] * shape[1]).map(|_| rng.scalar()).collect();
    let a = array::from_vec(x, &shape).unwrap();
    let za = array::from_vec(z, &shape).unwrap();
    let run = || {
        let mut out: Vec<Vec<f64>> = Vec::new();
        for axes in [Axes::All, Axes::One(0), Axes::One(1)] {
            for arr in [a.new_view(), a.t()] {
                out.push(vals::<f64>(&arr.sum(axes.clone(), false).unwrap()));
                out.push(vals::<f64>(&arr.var(axes.clone(), 1, false).unwrap()));
                out.push(vals::<f64>(
                    &arr.vector_norm(2.0, axes.clone(), false).unwrap(),
                ));
                out.push(vals::<f64>(
                    &arr.vector_norm(3.0, axes.clone(), false).unwrap(),
                ));
            }
            let zs = vals::<Complex32>(&za.sum(axes.clone(), false).unwrap());
            out.push(zs.iter().flat_map(|z| [z.re as f64, z.im as f64]).collect());
        }
        out
    };
    lapis::set_num_threads(1).unwrap();
    let one = run();
    lapis::set_num_threads(2).unwrap();
    let two = run();
    lapis::set_num_threads(3).unwrap();
    let three = run();
    // Bit-identical (compare bits so that -0 and NaN are exact too).
    let bits = |v: &Vec<Vec<f64>>| -> Vec<Vec<u64>> {
        v.iter()
            .map(|r| r.iter().map(|x| x.to_bits()).collect())
            .collect()
    };
    assert_eq!(bits(&one), bits(&two));
    assert_eq!(bits(&one), bits(&three));
}

#[test]
fn broadcast_and_length_one_axes() {
    let row = array::from_vec(vec![1.0f64, 2.0, 3.0], &[1, 3]).unwrap();
    let b = row.broadcast_to(&[4, 5, 3]).unwrap();
    assert_eq!(
        vals::<f64>(&b.sum([0, 1], false).unwrap()),
        vec![20.0, 40.0, 60.0]
    );
    assert_eq!(vals::<f64>(&b.max(-1, false).unwrap()), vec![3.0; 20]);
    assert_eq!(
        b.argmax_axis(2, false).unwrap(),
        ArrayD::from_elem(IxDyn(&[4, 5]), 2usize)
    );
    assert_eq!(vals::<f64>(&b.var(0, 0, false).unwrap()), vec![0.0; 15]);
    let c = array::ones(&[1, 1, 7, 1], DType::C128).unwrap();
    assert_eq!(
        vals::<Complex64>(&c.sum(2, false).unwrap()),
        vec![Complex64::new(7.0, 0.0)]
    );
    assert_eq!(c.sum([0, 3], false).unwrap().shape(), &[1, 7]);
}

/// The vectorized complex sums add in exactly the order of the generic
/// loop: the real part of a complex sum equals, bit for bit, the sum of
/// the real-part view (stride 2, generic strided loop), on both loops.
#[test]
fn complex_sum_matches_its_parts_bitwise() {
    let mut rng = Rng::new(3);
    for shape in [[300usize, 257], [7, 1000]] {
        let z: Vec<Complex64> = (0..shape[0] * shape[1]).map(|_| rng.scalar()).collect();
        let a = array::from_vec(z, &shape).unwrap();
        for axes in [Axes::All, Axes::One(0), Axes::One(1)] {
            let s = vals::<Complex64>(&a.sum(axes.clone(), false).unwrap());
            let re = vals::<f64>(&a.real().sum(axes.clone(), false).unwrap());
            let im = vals::<f64>(&a.imag().sum(axes.clone(), false).unwrap());
            for ((z, r), i) in s.iter().zip(&re).zip(&im) {
                assert_eq!(z.re.to_bits(), r.to_bits(), "{shape:?} {axes:?}");
                assert_eq!(z.im.to_bits(), i.to_bits(), "{shape:?} {axes:?}");
            }
        }
    }
}
