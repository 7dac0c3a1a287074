//! Reductions on every dtype × layout × axes choice against independent
//! references: compensated f64 sums (exact enough to test f64 pairwise
//! bounds), f64 products, lexicographic extremes, and direct formulas for
//! the norms. Special values (NaN, ±∞, huge and tiny), empty reductions,
//! errors and thread-count independence are tested separately.

mod common;

use common::Rng;
use lapis::array::{self, Axes, NdArray};
use lapis::{Complex64, RealScalar, Scalar};
use ndarray::{ArrayD, IxDyn, ShapeBuilder, Slice};

// ------------------------------------------------------------ layouts

#[derive(Clone, Copy, Debug)]
enum Lay {
    C,
    F,
    Transposed,
    Sliced,
    Stepped,
    Negative,
    Broadcast,
}

const LAYS: [Lay; 7] = [
    Lay::C,
    Lay::F,
    Lay::Transposed,
    Lay::Sliced,
    Lay::Stepped,
    Lay::Negative,
    Lay::Broadcast,
];

fn poison<T: Scalar>() -> T {
    T::from_f64(1e30)
}

/// An owned ndarray array with the logical values `v`, stored in `lay`
/// (padding poisoned), turned into an NdArray without copying.
fn make<T: Scalar>(v: &ArrayD<T>, lay: Lay) -> NdArray {
    let shape = v.shape().to_vec();
    let nd = shape.len();
    let mut a: ArrayD<T> = match lay {
        Lay::C | Lay::Broadcast => ArrayD::from_elem(IxDyn(&shape), poison()),
        Lay::F => ArrayD::from_elem(IxDyn(&shape).f(), poison()),
        Lay::Transposed => {
            let rev: Vec<usize> = shape.iter().rev().copied().collect();
            ArrayD::from_elem(IxDyn(&rev), poison()).reversed_axes()
        }
        Lay::Sliced => {
            let big: Vec<usize> = shape.iter().map(|n| n + 3).collect();
            let mut a = ArrayD::from_elem(IxDyn(&big), poison());
            a.slice_each_axis_inplace(|ax| {
                let n = shape[ax.axis.index()] as isize;
                Slice::new(2, Some(2 + n), 1)
            });
            a
        }
        Lay::Stepped => {
            let big: Vec<usize> = shape.iter().map(|n| 2 * n + 1).collect();
            let mut a = ArrayD::from_elem(IxDyn(&big), poison());
            a.slice_each_axis_inplace(|ax| {
                let n = shape[ax.axis.index()] as isize;
                Slice::new(1, Some(1 + 2 * n), 2)
            });
            a
        }
        Lay::Negative => {
            // Axis 0 reversed, the last axis reversed with step 2.
            let mut big = shape.clone();
            if let Some(l) = big.last_mut()
                && nd > 1
            {
                *l *= 2;
            }
            let mut a = ArrayD::from_elem(IxDyn(&big), poison());
            a.slice_each_axis_inplace(|ax| {
                if ax.axis.index() == 0 {
                    Slice::new(0, None, -1)
                } else if ax.axis.index() == nd - 1 {
                    Slice::new(0, None, -2)
                } else {
                    Slice::new(0, None, 1)
                }
            });
            a
        }
    };
    if matches!(lay, Lay::Broadcast) {
        // A stride-0 axis: the values of row 0 along axis 0 repeated.
        let row = v
            .index_axis(ndarray::Axis(0), 0)
            .to_owned()
            .insert_axis(ndarray::Axis(0));
        let small = array::from_ndarray(row).unwrap();
        return small.broadcast_to(&shape).unwrap();
    }
    a.assign(v);
    array::from_ndarray(a).unwrap()
}

/// The logical values of an array (C order).
fn logical<T: Scalar>(a: &NdArray) -> ArrayD<T> {
    a.view::<T>().unwrap().to_owned()
}

// --------------------------------------------------------- references

fn c(x: impl Scalar) -> Complex64 {
    Complex64::new(x.re().to_f64_real(), x.im().to_f64_real())
}

/// Neumaier-compensated sum of f64 values.
fn csum(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut comp) = (0.0f64, 0.0f64);
    for x in xs {
        let t = s + x;
        comp += if s.abs() >= x.abs() {
            (s - t) + x
        } else {
            (x - t) + s
        };
        s = t;
    }
    s + comp
}

/// The elements of each output, in C order of the kept axes and, within
/// an output, C order of the reduced axes.
fn groups<T: Scalar>(
    v: &ArrayD<T>,
    mask: &[bool],
) -> (Vec<usize>, Vec<usize>, Vec<Vec<Complex64>>) {
    let nd = v.ndim();
    let mut perm: Vec<usize> = (0..nd).filter(|&k| !mask[k]).collect();
    perm.extend((0..nd).filter(|&k| mask[k]));
    let p = v.view().permuted_axes(IxDyn(&perm));
    let kept: Vec<usize> = (0..nd)
        .filter(|&k| !mask[k])
        .map(|k| v.shape()[k])
        .collect();
    let keep: Vec<usize> = (0..nd)
        .map(|k| if mask[k] { 1 } else { v.shape()[k] })
        .collect();
    let nk: usize = kept.iter().product();
    let flat: Vec<Complex64> = p.iter().map(|&x| c(x)).collect();
    let nr = flat.len().checked_div(nk).unwrap_or(0);
    let g = (0..nk)
        .map(|i| flat[i * nr..(i + 1) * nr].to_vec())
        .collect();
    (kept, keep, g)
}

fn mask_of(axes: &Axes, nd: usize) -> Vec<bool> {
    let mut m = vec![false; nd];
    match axes {
        Axes::All => m.fill(true),
        Axes::One(k) => m[k.rem_euclid(nd as isize) as usize] = true,
        Axes::Many(ks) => ks
            .iter()
            .for_each(|k| m[k.rem_euclid(nd as isize) as usize] = true),
    }
    m
}

fn lex_gt(a: Complex64, b: Complex64) -> bool {
    a.re > b.re || (a.re == b.re && a.im > b.im)
}

fn ref_ext(g: &[Complex64], max: bool) -> Complex64 {
    let mut best = g[0];
    for &x in g {
        if x.re.is_nan() || x.im.is_nan() {
            return x;
        }
        if if max {
            lex_gt(x, best)
        } else {
            lex_gt(best, x)
        } {
            best = x;
        }
    }
    best
}

fn eps<T: Scalar>() -> f64 {
    T::epsilon().to_f64_real()
}

/// Pairwise bound: ε·(32 + log₂ n)·Σ|xᵢ| (+ a few ulps of the result).
fn sum_tol<T: Scalar>(g: &[Complex64]) -> f64 {
    let n = g.len().max(2) as f64;
    let mag: f64 = g.iter().map(|x| x.re.abs() + x.im.abs()).sum();
    eps::<T>() * (32.0 + n.log2()) * mag + f64::MIN_POSITIVE
}

#[track_caller]
fn close(got: Complex64, want: Complex64, tol: f64, what: &str) {
    let d = (got.re - want.re).abs().max((got.im - want.im).abs());
    assert!(
        d <= tol || (got == want),
        "{what}: got {got}, want {want}, diff {d:e} > tol {tol:e}"
    );
}

fn out_vals<T: Scalar>(r: &NdArray, shape: &[usize], what: &str) -> Vec<Complex64> {
    assert_eq!(r.shape(), shape, "{what}: result shape");
    r.view::<T>().unwrap().iter().map(|&x| c(x)).collect()
}

fn axes_choices(nd: usize) -> Vec<Axes> {
    let mut v = vec![Axes::All, Axes::Many(vec![])];
    for k in 0..nd as isize {
        v.push(Axes::One(k));
        v.push(Axes::One(k - nd as isize));
    }
    if nd >= 2 {
        v.push(Axes::Many(vec![0, nd as isize - 1]));
        v.push(Axes::Many(vec![-1, 0]));
    }
    if nd >= 3 {
        v.push(Axes::Many(vec![1, 0]));
        v.push(Axes::Many(vec![1, 2]));
        v.push(Axes::Many(vec![0, 1, 2]));
    }
    v
}

const SHAPES: &[&[usize]] = &[&[6, 7, 33], &[260, 9], &[3, 300], &[5], &[]];

/// Every reduction on every layout and axis choice of `values`.
fn check_all<T: Scalar>(values: &ArrayD<T>, positive: bool) {
    let nd = values.ndim();
    for lay in LAYS {
        if nd == 0 && !matches!(lay, Lay::C) {
            continue;
        }
        let a = make(values, lay);
        let v = logical::<T>(&a);
        if !matches!(lay, Lay::Broadcast) {
            assert_eq!(&v, values, "{lay:?}: layout keeps the values");
        }
        for axes in axes_choices(nd) {
            let mask = mask_of(&axes, nd);
            let (kept, keep, g) = groups(&v, &mask);
            for keepdims in [false, true] {
                let shape = if keepdims { &keep } else { &kept };
                let w = format!(
                    "{:?} {lay:?} {:?} {axes:?} keepdims={keepdims}",
                    T::DTYPE,
                    v.shape()
                );
                // sum
                let s = out_vals::<T>(&a.sum(axes.clone(), keepdims).unwrap(), shape, &w);
                for (got, gi) in s.iter().zip(&g) {
                    let want = Complex64::new(
                        csum(gi.iter().map(|x| x.re)),
                        csum(gi.iter().map(|x| x.im)),
                    );
                    close(*got, want, sum_tol::<T>(gi), &format!("sum {w}"));
                }
                // mean
                let m = out_vals::<T>(&a.mean(axes.clone(), keepdims).unwrap(), shape, &w);
                for (got, gi) in m.iter().zip(&g) {
                    let n = gi.len() as f64;
                    let want = Complex64::new(
                        csum(gi.iter().map(|x| x.re)) / n,
                        csum(gi.iter().map(|x| x.im)) / n,
                    );
                    close(
                        *got,
                        want,
                        sum_tol::<T>(gi) / n + 2.0 * eps::<T>() * want.norm(),
                        &format!("mean {w}"),
                    );
                }
                // prod (values near 1 when `positive`)
                if positive {
                    let p = out_vals::<T>(&a.prod(axes.clone(), keepdims).unwrap(), shape, &w);
                    for (got, gi) in p.iter().zip(&g) {
                        let want = gi.iter().fold(Complex64::new(1.0, 0.0), |acc, &x| acc * x);
                        let tol = eps::<T>() * 4.0 * (gi.len() as f64 + 8.0) * want.norm();
                        close(*got, want, tol, &format!("prod {w}"));
                    }
                }
                // var, std (real results)
                for ddof in [0usize, 1] {
                    let r = a.var(axes.clone(), ddof, keepdims).unwrap();
                    assert_eq!(r.dtype(), T::DTYPE.real(), "var dtype {w}");
                    let sd = a.std(axes.clone(), ddof, keepdims).unwrap();
                    let rv = out_vals::<T::Real>(&r, shape, &w);
                    let sv = out_vals::<T::Real>(&sd, shape, &w);
                    for ((got, gs), gi) in rv.iter().zip(&sv).zip(&g) {
                        let n = gi.len() as f64;
                        let mu = Complex64::new(
                            csum(gi.iter().map(|x| x.re)) / n,
                            csum(gi.iter().map(|x| x.im)) / n,
                        );
                        let want = csum(gi.iter().map(|x| (x - mu).norm_sqr())) / (n - ddof as f64);
                        let msq = csum(gi.iter().map(|x| x.norm_sqr())) / (n - ddof as f64);
                        let tol = eps::<T>() * 4.0 * (32.0 + n.max(2.0).log2()) * msq;
                        if n > ddof as f64 {
                            close(
                                *got,
                                Complex64::new(want, 0.0),
                                tol,
                                &format!("var ddof={ddof} {w}"),
                            );
                            let st = want.sqrt();
                            close(
                                *gs,
                                Complex64::new(st, 0.0),
                                tol / (2.0 * st).max(1e-300) + 4.0 * eps::<T>() * st,
                                &format!("std {w}"),
                            );
                        } else {
                            assert!(!got.re.is_finite(), "var with N <= ddof {w}: {got}");
                        }
                    }
                }
                // min, max: exact
                for max in [false, true] {
                    let r = if max {
                        a.max(axes.clone(), keepdims)
                    } else {
                        a.min(axes.clone(), keepdims)
                    };
                    let r = out_vals::<T>(&r.unwrap(), shape, &w);
                    for (got, gi) in r.iter().zip(&g) {
                        assert_eq!(*got, ref_ext(gi, max), "max={max} {w}");
                    }
                }
                // norms
                for ord in [2.0, 1.0, f64::INFINITY, f64::NEG_INFINITY, 0.0, 3.0, -1.5] {
                    let r = a.vector_norm(ord, axes.clone(), keepdims).unwrap();
                    assert_eq!(r.dtype(), T::DTYPE.real(), "norm dtype {w}");
                    let r = out_vals::<T::Real>(&r, shape, &w);
                    for (got, gi) in r.iter().zip(&g) {
                        let abs = gi.iter().map(|x| x.norm());
                        let want = if ord == f64::INFINITY {
                            abs.fold(0.0, f64::max)
                        } else if ord == f64::NEG_INFINITY {
                            abs.fold(f64::INFINITY, f64::min)
                        } else if ord == 0.0 {
                            abs.filter(|&x| x != 0.0).count() as f64
                        } else {
                            csum(abs.map(|x| x.powf(ord))).powf(1.0 / ord)
                        };
                        let n = gi.len().max(2) as f64;
                        let tol = eps::<T>() * 4.0 * (32.0 + n.log2()) * (1.0 + ord.abs()) * want;
                        close(
                            *got,
                            Complex64::new(want, 0.0),
                            tol,
                            &format!("norm {ord} {w}"),
                        );
                    }
                }
                // finiteness
                let f = a.all_finite_axes(axes.clone(), keepdims).unwrap();
                assert_eq!(f.shape(), shape.as_slice());
                assert!(f.iter().all(|&b| b), "all_finite {w}");
                assert!(
                    a.any_nonfinite_axes(axes.clone(), keepdims)
                        .unwrap()
                        .iter()
                        .all(|&b| !b)
                );
            }
        }
        // argmin/argmax: flat and per axis.
        let (_, _, all) = groups(&v, &vec![true; nd]);
        for max in [false, true] {
            let want = {
                let g = &all[0];
                let e = ref_ext(g, max);
                g.iter().position(|&x| x == e).unwrap()
            };
            let got = if max { a.argmax() } else { a.argmin() }.unwrap();
            assert_eq!(got, want, "arg max={max} {lay:?} {:?}", v.shape());
            for k in 0..nd {
                for kd in [false, true] {
                    let mut mask = vec![false; nd];
                    mask[k] = true;
                    let (kept, keep, g) = groups(&v, &mask);
                    let r = if max {
                        a.argmax_axis(k as isize - nd as isize, kd)
                    } else {
                        a.argmin_axis(k as isize, kd)
                    }
                    .unwrap();
                    assert_eq!(r.shape(), if kd { &keep[..] } else { &kept[..] });
                    for (got, gi) in r.iter().zip(&g) {
                        let e = ref_ext(gi, max);
                        assert_eq!(
                            *got,
                            gi.iter().position(|&x| x == e).unwrap(),
                            "arg axis {k} {lay:?}"
                        );
                    }
                }
            }
        }
    }
}

fn random_values<T: Scalar>(rng: &mut Rng, shape: &[usize], positive: bool) -> ArrayD<T> {
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        let x: T = rng.scalar();
        if positive {
            // Near 1 so that products of hundreds of terms stay in range.
            T::one() + x * T::from_f64(1.0 / 64.0)
        } else {
            x
        }
    })
}

fn every_reduction<T: Scalar>() {
    let mut rng = Rng::new(5);
    for shape in SHAPES {
        for positive in [false, true] {
            let v = random_values::<T>(&mut rng, shape, positive);
            check_all(&v, positive);
        }
    }
}
all_dtypes!(every_reduction);
