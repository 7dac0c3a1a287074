//! Ufuncs on every layout, broadcast shape, dtype pairing and `out`
//! placement, against elementwise references; overlap semantics; errors
//! that leave everything untouched; thread-count independence.

mod common;

use common::Rng;
use lapis::array::ufunc::{self, BinaryOp, UnaryOp};
use lapis::array::{self, Idx, NdArray};
use lapis::{Complex32, Complex64, DType, Error, MemOrder, Scalar};

/// Memory layouts an operand is built in (same logical values).
#[derive(Clone, Copy, Debug, PartialEq)]
enum L {
    C,
    F,
    /// `.t()` of a C array of the reversed shape.
    T,
    /// A window of a larger array.
    Sliced,
    /// Every other element on each axis.
    Strided,
    /// Reversed on each axis (negative strides).
    Neg,
}

const LAYOUTS: [L; 6] = [L::C, L::F, L::T, L::Sliced, L::Strided, L::Neg];

/// Logical values (C order) as complex128, for any dtype.
fn values(rng: &mut Rng, n: usize) -> Vec<Complex64> {
    (0..n)
        .map(|_| Complex64::new(rng.uniform() * 3.0, rng.uniform() * 3.0))
        .collect()
}

fn c_array(dt: DType, shape: &[usize], v: &[Complex64]) -> NdArray {
    let a = array::from_vec(v.to_vec(), shape).unwrap();
    a.astype_with(dt, lapis::Casting::Unsafe).unwrap()
}

/// An array of `shape` holding `v` (C order) in layout `l`.
fn build(dt: DType, shape: &[usize], v: &[Complex64], l: L) -> NdArray {
    let c = c_array(dt, shape, v);
    match l {
        L::C => c,
        L::F => c.copy(MemOrder::F).unwrap(),
        L::T => {
            let rev: Vec<isize> = (0..shape.len() as isize).rev().collect();
            c.permute_axes(&rev).unwrap().copy(MemOrder::C).unwrap().t()
        }
        L::Sliced | L::Strided | L::Neg => {
            let (f, off) = match l {
                L::Sliced => (1, 1),
                L::Strided => (2, 0),
                _ => (1, 0),
            };
            let big_shape: Vec<usize> = shape.iter().map(|&n| n * f + 2).collect();
            let big = array::full_as(&big_shape, Complex64::new(99.0, 0.0), dt).unwrap();
            let idx: Vec<Idx> = shape
                .iter()
                .map(|&n| match l {
                    L::Sliced => Idx::slice(Some(off), Some(off + n as isize), 1),
                    L::Strided => Idx::slice(Some(0), Some(2 * n as isize), 2),
                    _ => Idx::slice(Some(n as isize), Some(0), -1),
                })
                .collect();
            let mut view = big.slice(&idx).unwrap();
            view.copyto(&c, lapis::Casting::No).unwrap();
            drop(big);
            let long = |k: usize| shape[k] > 1;
            let st = view.strides().to_vec();
            match l {
                L::Neg => assert!((0..shape.len()).all(|k| !long(k) || st[k] < 0)),
                L::Strided => assert!(
                    shape.contains(&0) || !(0..shape.len()).any(long) || !view.is_c_contiguous(),
                    "{shape:?} {st:?}"
                ),
                _ => {}
            }
            view
        }
    }
}

/// Elements in logical (C) order as complex128.
fn logical(a: &NdArray) -> Vec<Complex64> {
    a.astype(DType::C128)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap()
}

/// Same value, NaN matching NaN (per part).
fn same(x: Complex64, y: Complex64) -> bool {
    let part = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a == b;
    part(x.re, y.re) && part(x.im, y.im)
}

/// One element through the ufunc: the reference for layout tests (the
/// scalar functions themselves are checked against NumPy in
/// tests/ufunc_numpy.rs).
fn one_unary(op: UnaryOp, dt: DType, x: Complex64) -> Complex64 {
    logical(&ufunc::unary(op, &c_array(dt, &[], &[x])).unwrap())[0]
}

fn one_binary(op: BinaryOp, dt: DType, x: Complex64, y: Complex64) -> Complex64 {
    let (a, b) = (c_array(dt, &[], &[x]), c_array(dt, &[], &[y]));
    logical(&ufunc::binary(op, &a, &b).unwrap())[0]
}

/// C-order index of the broadcast source element for output index `i`.
fn source_index(i: usize, out: &[usize], src: &[usize]) -> usize {
    let mut rem = i;
    let mut idx = vec![0; out.len()];
    for k in (0..out.len()).rev() {
        idx[k] = rem % out[k];
        rem /= out[k];
    }
    let lead = out.len() - src.len();
    let mut j = 0;
    for (k, &n) in src.iter().enumerate() {
        j = j * n + if n == 1 { 0 } else { idx[lead + k] };
    }
    j
}

const DTYPES: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];

fn applicable_u(op: UnaryOp, dt: DType) -> bool {
    !(op.real_only() && dt.is_complex())
}

fn applicable_b(op: BinaryOp, dt: DType) -> bool {
    !(op.real_only() && dt.is_complex())
}

#[test]
fn unary_every_op_dtype_and_layout() {
    let mut rng = Rng::new(1);
    for shape in [&[3usize, 4][..], &[2, 3, 2], &[0, 3], &[1, 5], &[7]] {
        let n: usize = shape.iter().product();
        let v = values(&mut rng, n);
        for dt in DTYPES {
            for op in UnaryOp::ALL.into_iter().filter(|&op| applicable_u(op, dt)) {
                let want: Vec<Complex64> = logical(&c_array(dt, shape, &v))
                    .into_iter()
                    .map(|x| one_unary(op, dt, x))
                    .collect();
                for l in LAYOUTS {
                    let a = build(dt, shape, &v, l);
                    let r = ufunc::unary(op, &a).unwrap();
                    assert_eq!(r.dtype(), op.result_dtype(dt));
                    assert_eq!(r.shape(), shape);
                    let got = logical(&r);
                    assert!(
                        got.iter().zip(&want).all(|(&g, &w)| same(g, w)),
                        "{op:?} {dt} {l:?} {shape:?}"
                    );
                    // out in every layout
                    for lo in LAYOUTS {
                        let mut out = build(
                            op.result_dtype(dt),
                            shape,
                            &vec![Complex64::new(7.0, 0.0); n],
                            lo,
                        );
                        ufunc::unary_out(op, &a, &mut out).unwrap();
                        assert!(
                            logical(&out).iter().zip(&want).all(|(&g, &w)| same(g, w)),
                            "{op:?} {dt} {l:?} out {lo:?}"
                        );
                    }
                    // in place (the result cast back to dt under same_kind)
                    if op.result_dtype(dt) == dt {
                        let mut a = build(dt, shape, &v, l);
                        ufunc::unary_inplace(op, &mut a).unwrap();
                        assert!(
                            logical(&a).iter().zip(&want).all(|(&g, &w)| same(g, w)),
                            "{op:?} {dt} {l:?} inplace"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn binary_every_op_dtype_layout_and_broadcast() {
    let mut rng = Rng::new(2);
    let pairs: [(&[usize], &[usize]); 7] = [
        (&[3, 4], &[3, 4]),
        (&[2, 3], &[3]),
        (&[4, 1], &[1, 5]),
        (&[2, 1, 3], &[4, 1]),
        (&[0, 3], &[1, 3]),
        (&[1], &[5]),
        (&[], &[3, 2]),
    ];
    for (sa, sb) in pairs {
        let shape = lapis::array::broadcast_shapes(&[sa, sb]).unwrap();
        let (na, nb): (usize, usize) = (sa.iter().product(), sb.iter().product());
        let (va, vb) = (values(&mut rng, na), values(&mut rng, nb));
        for dt in DTYPES {
            for op in BinaryOp::ALL.into_iter().filter(|&op| applicable_b(op, dt)) {
                let (ca, cb) = (
                    logical(&c_array(dt, sa, &va)),
                    logical(&c_array(dt, sb, &vb)),
                );
                let n: usize = shape.iter().product();
                let want: Vec<Complex64> = (0..n)
                    .map(|i| {
                        let x = ca[source_index(i, &shape, sa)];
                        let y = cb[source_index(i, &shape, sb)];
                        one_binary(op, dt, x, y)
                    })
                    .collect();
                for (k, la) in LAYOUTS.into_iter().enumerate() {
                    // Each a-layout against two b-layouts keeps the run short.
                    for lb in [LAYOUTS[(k + 1) % 6], LAYOUTS[(k + 4) % 6]] {
                        let a = build(dt, sa, &va, la);
                        let b = build(dt, sb, &vb, lb);
                        let r = ufunc::binary(op, &a, &b).unwrap();
                        assert_eq!(r.shape(), &shape[..]);
                        assert!(
                            logical(&r).iter().zip(&want).all(|(&g, &w)| same(g, w)),
                            "{op:?} {dt} {sa:?}{la:?} {sb:?}{lb:?}"
                        );
                        let mut out = build(
                            dt,
                            &shape,
                            &vec![Complex64::new(5.0, 0.0); n],
                            LAYOUTS[(k + 2) % 6],
                        );
                        ufunc::binary_out(op, &a, &b, &mut out).unwrap();
                        assert!(logical(&out).iter().zip(&want).all(|(&g, &w)| same(g, w)));
                        if sa == &shape[..] {
                            let mut a = build(dt, sa, &va, la);
                            ufunc::binary_inplace(op, &mut a, &b).unwrap();
                            assert!(
                                logical(&a).iter().zip(&want).all(|(&g, &w)| same(g, w)),
                                "{op:?} inplace"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn arithmetic_against_plain_rust() {
    // Independent of lapis's scalar code: add/multiply/divide in f64 and
    // complex128 against Rust's own operators on broadcast operands.
    let mut rng = Rng::new(3);
    let a: Vec<f64> = (0..12).map(|_| rng.uniform()).collect();
    let b: Vec<f64> = (0..4).map(|_| rng.uniform() + 2.0).collect();
    let x = array::from_vec(a.clone(), &[3, 4]).unwrap();
    let y = array::from_vec(b.clone(), &[4]).unwrap();
    let s = ufunc::add(&x, &y).unwrap().to_vec::<f64>().unwrap();
    let p = ufunc::multiply(&x, &y).unwrap().to_vec::<f64>().unwrap();
    let q = ufunc::divide(&x, &y).unwrap().to_vec::<f64>().unwrap();
    for i in 0..12 {
        assert_eq!(s[i], a[i] + b[i % 4]);
        assert_eq!(p[i], a[i] * b[i % 4]);
        assert_eq!(q[i], a[i] / b[i % 4]);
    }
    let z: Vec<Complex64> = (0..6)
        .map(|_| Complex64::new(rng.uniform(), rng.uniform()))
        .collect();
    let w: Vec<Complex64> = (0..6)
        .map(|_| Complex64::new(rng.uniform(), rng.uniform()))
        .collect();
    let za = array::from_vec(z.clone(), &[2, 3]).unwrap();
    let wa = array::from_vec(w.clone(), &[2, 3]).unwrap();
    let m = ufunc::multiply(&za, &wa)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    let d = ufunc::divide(&za, &wa)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    for i in 0..6 {
        assert_eq!(m[i], z[i] * w[i]);
        let e = z[i] / w[i];
        assert!((d[i] - e).norm() <= 4.0 * f64::EPSILON * e.norm());
    }
}

#[test]
fn dtypes_promote_as_numpy() {
    let f32a = array::from_vec(vec![1.5f32, 2.5], &[2]).unwrap();
    let f64a = array::from_vec(vec![0.25f64, 0.5], &[2]).unwrap();
    let c64a = array::from_vec(vec![Complex32::new(1.0, 1.0); 2], &[2]).unwrap();
    let r = ufunc::add(&f32a, &f64a).unwrap();
    assert_eq!(r.dtype(), DType::F64);
    assert_eq!(r.to_vec::<f64>().unwrap(), vec![1.75, 3.0]);
    let r = ufunc::multiply(&f32a, &c64a).unwrap();
    assert_eq!(r.dtype(), DType::C64);
    assert_eq!(
        r.to_vec::<Complex32>().unwrap()[1],
        Complex32::new(2.5, 2.5)
    );
    let r = ufunc::subtract(&f64a, &c64a).unwrap();
    assert_eq!(r.dtype(), DType::C128);
    assert_eq!(ufunc::absolute(&c64a).unwrap().dtype(), DType::F32);
    assert_eq!(ufunc::angle(&f64a).unwrap().dtype(), DType::F64);
    // out of a lower precision of the same kind: allowed (same_kind).
    let mut out = array::zeros(&[2], DType::F32).unwrap();
    ufunc::add_out(&f64a, &f64a, &mut out).unwrap();
    assert_eq!(out.to_vec::<f32>().unwrap(), vec![0.5, 1.0]);
}

#[test]
fn out_overlapping_inputs_reads_them_first() {
    let base: Vec<f64> = (0..10).map(|i| i as f64).collect();
    // a[1:] = a[:-1] + 1 — NumPy's result is as if a[:-1] were copied.
    let a = array::from_vec(base.clone(), &[10]).unwrap();
    let src = a.slice(&[Idx::slice(None, Some(9), 1)]).unwrap();
    let one = array::from_vec(vec![1.0], &[1]).unwrap();
    let mut dst = a.slice(&[Idx::slice(Some(1), None, 1)]).unwrap();
    ufunc::add_out(&src, &one, &mut dst).unwrap();
    drop((src, dst));
    let want: Vec<f64> = std::iter::once(0.0)
        .chain((0..9).map(|i| i as f64 + 1.0))
        .collect();
    assert_eq!(a.to_vec::<f64>().unwrap(), want);

    // out = reversed view of the input: a = a[::-1] * 2.
    let a = array::from_vec(base.clone(), &[10]).unwrap();
    let rev = a.slice(&[Idx::step(-1)]).unwrap();
    let two = array::from_vec(vec![2.0], &[]).unwrap();
    let mut whole = a.new_view();
    ufunc::multiply_out(&rev, &two, &mut whole).unwrap();
    drop((rev, whole));
    let want: Vec<f64> = (0..10).rev().map(|i| 2.0 * i as f64).collect();
    assert_eq!(a.to_vec::<f64>().unwrap(), want);

    // Transposed self: m = m.T + m (2-D, overlapping non-exactly).
    let m = array::from_vec((0..9).map(|i| i as f64).collect(), &[3, 3]).unwrap();
    let t = m.t();
    let same_m = m.new_view();
    let mut o = m.new_view();
    ufunc::add_out(&t, &same_m, &mut o).unwrap();
    drop((t, same_m, o));
    let got = m.to_vec::<f64>().unwrap();
    for i in 0..3 {
        for j in 0..3 {
            assert_eq!(got[3 * i + j], (3 * j + i + 3 * i + j) as f64);
        }
    }

    // Exact overlap: in place, no temporary needed, still right.
    let mut a = array::from_vec(base.clone(), &[2, 5]).unwrap();
    let b = array::from_vec(vec![1.0; 5], &[5]).unwrap();
    ufunc::add_inplace(&mut a, &b).unwrap();
    assert_eq!(
        a.to_vec::<f64>().unwrap(),
        base.iter().map(|x| x + 1.0).collect::<Vec<_>>()
    );
}

#[test]
fn errors_name_the_problem_and_write_nothing() {
    let a = array::from_vec((0..6).map(|i| i as f64).collect(), &[2, 3]).unwrap();
    let b = array::zeros(&[4], DType::F64).unwrap();
    let e = ufunc::add(&a, &b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "add: operands could not be broadcast together with shapes (2,3) (4,)"
    );
    let c = array::zeros(&[5, 1, 1], DType::F64).unwrap();
    let e = ufunc::multiply_add(&a, &b, &c).unwrap_err();
    assert!(matches!(e, Error::BroadcastMany { .. }));
    assert!(e.to_string().ends_with("shapes (2,3) (4,) (5,1,1)"), "{e}");

    let sentinel = || array::full_as(&[2, 3], Complex64::new(-7.0, 0.0), DType::F64).unwrap();
    let untouched = |o: &NdArray| o.to_vec::<f64>().unwrap().iter().all(|&x| x == -7.0);

    // out of the wrong shape (NumPy's message)
    let mut out = array::zeros(&[3], DType::F64).unwrap();
    let e = ufunc::sqrt_out(&a, &mut out).unwrap_err();
    assert_eq!(
        e.to_string(),
        "sqrt: non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)"
    );
    // complex result into a real out
    let z = array::zeros(&[2, 3], DType::C128).unwrap();
    let mut out = sentinel();
    assert!(matches!(
        ufunc::add_out(&a, &z, &mut out),
        Err(Error::Cast { .. })
    ));
    assert!(untouched(&out));
    // read-only out
    let mut ro = sentinel();
    ro.set_readonly();
    assert!(matches!(
        ufunc::exp_out(&a, &mut ro),
        Err(Error::ReadOnly { .. })
    ));
    // out with overlapping elements (a broadcast view)
    let row = array::zeros(&[3], DType::F64).unwrap();
    let mut bc = row.broadcast_to(&[2, 3]).unwrap();
    assert!(ufunc::exp_out(&a, &mut bc).is_err());
    // real-only op on complex input
    let e = ufunc::floor(&z).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ufunc 'floor' not supported for the input type complex128"
    );
    let mut out = sentinel();
    assert!(ufunc::arctan2_out(&z, &z, &mut out).is_err());
    assert!(untouched(&out));
    // in place with a complex operand on a real array
    let mut r = sentinel();
    assert!(ufunc::add_inplace(&mut r, &z).is_err());
    assert!(untouched(&r));
    // in place where b does not broadcast to a's shape
    let mut r = array::zeros(&[3], DType::F64).unwrap();
    assert!(ufunc::add_inplace(&mut r, &a).is_err());
}

#[test]
fn fused_kernels_match_their_composition() {
    let mut rng = Rng::new(4);
    for dt in DTYPES {
        for l in LAYOUTS {
            let (va, vb, vc) = (
                values(&mut rng, 12),
                values(&mut rng, 4),
                values(&mut rng, 3),
            );
            let a = build(dt, &[3, 4], &va, l);
            let b = build(dt, &[4], &vb, L::Neg);
            let c = build(dt, &[3, 1], &vc, L::Strided);
            let got = ufunc::multiply_add(&a, &b, &c).unwrap();
            let want = ufunc::add(&ufunc::multiply(&a, &b).unwrap(), &c).unwrap();
            assert_eq!(logical(&got), logical(&want), "{dt} {l:?}");
            let mut out = build(dt, &[3, 4], &va, L::F);
            ufunc::multiply_add_out(&a, &b, &c, &mut out).unwrap();
            assert_eq!(logical(&out), logical(&want));
            let mut acc = build(dt, &[3, 4], &va, l);
            ufunc::multiply_add_inplace(&a, &b, &mut acc).unwrap();
            let want_acc = ufunc::add(&ufunc::multiply(&a, &b).unwrap(), &a).unwrap();
            assert_eq!(logical(&acc), logical(&want_acc));

            let (al, be) = (Complex64::new(0.5, 0.0), Complex64::new(-2.0, 0.0));
            let got = ufunc::axpby(al, &a, be, &b).unwrap();
            let sa = c_array(dt, &[], &[al]);
            let sb = c_array(dt, &[], &[be]);
            let want = ufunc::add(
                &ufunc::multiply(&sa, &a).unwrap(),
                &ufunc::multiply(&sb, &b).unwrap(),
            )
            .unwrap();
            assert_eq!(logical(&got), logical(&want), "axpby {dt} {l:?}");
            let mut y = build(dt, &[3, 4], &va, l);
            ufunc::axpby_inplace(al, &b, be, &mut y).unwrap();
            let want = ufunc::add(
                &ufunc::multiply(&sa, &b).unwrap(),
                &ufunc::multiply(&sb, &a).unwrap(),
            )
            .unwrap();
            assert_eq!(logical(&y), logical(&want), "axpby_inplace {dt} {l:?}");
        }
    }
    // A complex coefficient makes a real computation complex.
    let x = array::ones(&[2], DType::F64).unwrap();
    let r = ufunc::axpby(Complex64::new(0.0, 1.0), &x, Complex64::new(1.0, 0.0), &x).unwrap();
    assert_eq!(r.dtype(), DType::C128);
    assert_eq!(
        r.to_vec::<Complex64>().unwrap()[0],
        Complex64::new(1.0, 1.0)
    );
}

#[test]
fn large_operations_do_not_depend_on_the_thread_count() {
    let n = 600_001; // above both parallel thresholds, odd
    let mut rng = Rng::new(5);
    let v: Vec<f64> = (0..n).map(|_| rng.uniform() * 10.0).collect();
    let a = array::from_vec(v.clone(), &[n]).unwrap();
    let m = array::from_vec(v[..600_000].to_vec(), &[600, 1000])
        .unwrap()
        .t();
    let row = array::from_vec((0..600).map(|i| i as f64).collect(), &[600]).unwrap();
    let run = || {
        (
            ufunc::exp(&a).unwrap().to_vec::<f64>().unwrap(),
            ufunc::add(&a, &a).unwrap().to_vec::<f64>().unwrap(),
            ufunc::add(&m, &row).unwrap().to_vec::<f64>().unwrap(),
        )
    };
    lapis::set_num_threads(1).unwrap();
    let one = run();
    lapis::set_num_threads(2).unwrap();
    let two = run();
    assert_eq!(one, two);
    for i in (0..n).step_by(997) {
        // lapis's vectorized exp is within 2 ulp of the C library's.
        let (g, w) = (one.0[i], v[i].exp());
        assert!((g - w).abs() <= 2.0 * f64::EPSILON * w, "exp({})", v[i]);
        assert_eq!(one.1[i], 2.0 * v[i]);
    }
    for i in (0..1000).step_by(37) {
        for j in (0..600).step_by(41) {
            assert_eq!(one.2[i * 600 + j], v[j * 1000 + i] + j as f64);
        }
    }
}

#[allow(dead_code)]
fn _scalar_bound<T: Scalar>() {}
