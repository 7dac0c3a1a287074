//! dot, vdot, inner, outer, tensordot, kron, trace and einsum against naive
//! complex128 loops written from NumPy's definitions: every dtype, operand
//! layouts (C, F, transposed, sliced, stepped, negative strides), errors.

#[macro_use]
mod common;
mod array_matmul_util;

use array_matmul_util::{C, Lay, Rng, c, check, eps, make, ref_matmul, to_c};
use lapis::array::{
    self, NdArray, TensorAxes, dot, einsum, inner, kron, outer, tensordot, trace, vdot,
};
use lapis::{DType, Error, Scalar};
use ndarray::{ArrayD, IxDyn};

const LAYS: [Lay; 6] = [Lay::C, Lay::F, Lay::T, Lay::Sliced, Lay::Stepped, Lay::Neg];

fn zero() -> C {
    C::new(0.0, 0.0)
}

/// Naive tensordot: Σ over the paired axes; result axes are a's free axes
/// then b's.
fn ref_tensordot(a: &ArrayD<C>, b: &ArrayD<C>, sa: &[usize], sb: &[usize]) -> ArrayD<C> {
    let fa: Vec<usize> = (0..a.ndim()).filter(|k| !sa.contains(k)).collect();
    let fb: Vec<usize> = (0..b.ndim()).filter(|k| !sb.contains(k)).collect();
    let mut shape: Vec<usize> = fa.iter().map(|&k| a.shape()[k]).collect();
    shape.extend(fb.iter().map(|&k| b.shape()[k]));
    let sum_shape: Vec<usize> = sa.iter().map(|&k| a.shape()[k]).collect();
    ArrayD::from_shape_fn(IxDyn(&shape), |idx| {
        let idx = ndarray::Dimension::slice(&idx).to_vec();
        let mut acc = zero();
        for s in ndarray::indices(IxDyn(&sum_shape)) {
            let s = ndarray::Dimension::slice(&s).to_vec();
            let mut ia = vec![0; a.ndim()];
            let mut ib = vec![0; b.ndim()];
            for (p, &k) in fa.iter().enumerate() {
                ia[k] = idx[p];
            }
            for (p, &k) in fb.iter().enumerate() {
                ib[k] = idx[fa.len() + p];
            }
            for (p, (&ka, &kb)) in sa.iter().zip(sb).enumerate() {
                ia[ka] = s[p];
                ib[kb] = s[p];
            }
            acc += a[IxDyn(&ia)] * b[IxDyn(&ib)];
        }
        acc
    })
}

/// Naive einsum over letter labels (explicit output), with length-1
/// labels broadcasting.
fn ref_einsum(spec: &str, ops: &[&ArrayD<C>]) -> ArrayD<C> {
    let (ins, out) = spec.split_once("->").unwrap();
    let terms: Vec<Vec<char>> = ins.split(',').map(|t| t.chars().collect()).collect();
    let out: Vec<char> = out.chars().collect();
    let mut labels: Vec<(char, usize)> = Vec::new();
    for (t, x) in terms.iter().zip(ops) {
        for (&l, &n) in t.iter().zip(x.shape()) {
            match labels.iter_mut().find(|(m, _)| *m == l) {
                Some((_, s)) => *s = (*s).max(n),
                None => labels.push((l, n)),
            }
        }
    }
    let size = |l: char| labels.iter().find(|(m, _)| *m == l).unwrap().1;
    let oshape: Vec<usize> = out.iter().map(|&l| size(l)).collect();
    let mut res = ArrayD::from_elem(IxDyn(&oshape), zero());
    let all: Vec<usize> = labels.iter().map(|&(_, s)| s).collect();
    for asg in ndarray::indices(IxDyn(&all)) {
        let asg = ndarray::Dimension::slice(&asg).to_vec();
        let val = |l: char| asg[labels.iter().position(|(m, _)| *m == l).unwrap()];
        let mut term = C::new(1.0, 0.0);
        for (t, x) in terms.iter().zip(ops) {
            let ix: Vec<usize> = t
                .iter()
                .zip(x.shape())
                .map(|(&l, &n)| if n == 1 { 0 } else { val(l) })
                .collect();
            term *= x[IxDyn(&ix)];
        }
        let oi: Vec<usize> = out.iter().map(|&l| val(l)).collect();
        res[IxDyn(&oi)] += term;
    }
    res
}

fn ops<T: Scalar>(
    rng: &mut Rng,
    sa: &[usize],
    la: Lay,
    sb: &[usize],
    lb: Lay,
) -> [(NdArray, ArrayD<C>); 2] {
    let (a, va) = make(&rng.array::<T>(sa), la);
    let (b, vb) = make(&rng.array::<T>(sb), lb);
    [(a, va.mapv(c)), (b, vb.mapv(c))]
}

fn dot_all<T: Scalar>() {
    let mut rng = Rng::new(11);
    let e = eps(T::DTYPE);
    let cases: &[(&[usize], &[usize])] = &[
        (&[5], &[5]),
        (&[3, 4], &[4, 5]),
        (&[30, 40], &[40, 20]),
        (&[2, 3, 4], &[4]),
        (&[4], &[2, 4, 3]),
        (&[2, 3, 4], &[5, 4, 2]),
        (&[3, 4], &[2, 4, 5]),
        (&[2, 3, 4], &[4, 6]),
    ];
    for &(sa, sb) in cases {
        for la in LAYS {
            for lb in LAYS {
                let [(a, va), (b, vb)] = ops::<T>(&mut rng, sa, la, sb, lb);
                let got = dot(&a, &b).unwrap();
                let db = if vb.ndim() == 1 { 0 } else { vb.ndim() - 2 };
                let want = ref_tensordot(&va, &vb, &[va.ndim() - 1], &[db]);
                check(
                    &got,
                    &want,
                    sa[sa.len() - 1],
                    e,
                    &format!("dot {sa:?} {sb:?}"),
                );
            }
        }
    }
    // 0-d operands: products with a scalar.
    let s = array::from_scalar(T::from_f64(2.5));
    let [(a, va), _] = ops::<T>(&mut rng, &[3, 4], Lay::Neg, &[1], Lay::C);
    check(
        &dot(&s, &a).unwrap(),
        &va.mapv(|v| v * 2.5),
        1,
        e,
        "dot(s, a)",
    );
    check(
        &dot(&a, &s).unwrap(),
        &va.mapv(|v| v * 2.5),
        1,
        e,
        "dot(a, s)",
    );
    check(
        &inner(&s, &a).unwrap(),
        &va.mapv(|v| v * 2.5),
        1,
        e,
        "inner(s, a)",
    );
}
all_dtypes!(dot_all);

fn vdot_inner_outer<T: Scalar>() {
    let mut rng = Rng::new(12);
    let e = eps(T::DTYPE);
    for la in LAYS {
        for lb in LAYS {
            // vdot: conjugates a, flattens both (C order), sizes only must agree.
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[3, 4], la, &[3, 4], lb);
            let b26 = b
                .copy(array::MemOrder::C)
                .unwrap()
                .reshape(&[2, 6])
                .unwrap();
            let want: C = va.iter().zip(vb.iter()).map(|(x, y)| x.conj() * y).sum();
            let got = vdot(&a, &b26).unwrap();
            assert_eq!(got.ndim(), 0);
            check(&got, &ArrayD::from_elem(IxDyn(&[]), want), 12, e, "vdot");
            // inner: last axes.
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[2, 3, 4], la, &[5, 4], lb);
            let want = ref_tensordot(&va, &vb, &[2], &[1]);
            check(&inner(&a, &b).unwrap(), &want, 4, e, "inner");
            // outer: flattened, no conjugation.
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[2, 3], la, &[4, 5], lb);
            let fa: Vec<C> = va.iter().copied().collect();
            let fb: Vec<C> = vb.iter().copied().collect();
            let want = ArrayD::from_shape_fn(IxDyn(&[6, 20]), |i| fa[i[0]] * fb[i[1]]);
            check(&outer(&a, &b).unwrap(), &want, 1, e, "outer");
        }
    }
    // Large outer (BLAS gemm with k = 1).
    let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[40], Lay::Neg, &[30], Lay::Stepped);
    let want = ArrayD::from_shape_fn(IxDyn(&[40, 30]), |i| va[[i[0]]] * vb[[i[1]]]);
    check(&outer(&a, &b).unwrap(), &want, 1, e, "outer 40x30");
}
all_dtypes!(vdot_inner_outer);

fn tensordot_all<T: Scalar>() {
    let mut rng = Rng::new(13);
    let e = eps(T::DTYPE);
    for la in LAYS {
        for lb in LAYS {
            let bshapes: [&[usize]; 3] = [&[2, 3], &[5, 2], &[4, 5, 2]];
            for (n, sb) in bshapes.into_iter().enumerate() {
                let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[3, 4, 5], la, sb, lb);
                let sa: Vec<usize> = (3 - n..3).collect();
                let sb: Vec<usize> = (0..n).collect();
                let want = ref_tensordot(&va, &vb, &sa, &sb);
                check(
                    &tensordot(&a, &b, n).unwrap(),
                    &want,
                    20,
                    e,
                    &format!("axes={n}"),
                );
            }
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[3, 4, 5], la, &[5, 2, 3], lb);
            let want = ref_tensordot(&va, &vb, &[2, 0], &[0, 2]);
            let got = tensordot(&a, &b, TensorAxes::Pairs(vec![-1, 0], vec![0, -1])).unwrap();
            check(&got, &want, 15, e, "pairs");
            let got = tensordot(&a, &b, ([-1, 0], [0, -1])).unwrap();
            check(&got, &want, 15, e, "pairs from arrays");
            let got = tensordot(&a, &b, (&[2isize, 0][..], &[0isize, 2][..])).unwrap();
            check(&got, &want, 15, e, "pairs from slices");
        }
    }
}
all_dtypes!(tensordot_all);

fn kron_trace<T: Scalar>() {
    let mut rng = Rng::new(14);
    let e = eps(T::DTYPE);
    let cases: &[(&[usize], &[usize])] = &[
        (&[2], &[3, 4]),
        (&[2, 3], &[4, 5]),
        (&[3, 1, 2], &[2, 2]),
        (&[3], &[4]),
    ];
    for &(sa, sb) in cases {
        for la in LAYS {
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, sa, la, sb, Lay::F);
            let nd = sa.len().max(sb.len());
            let pad = |s: &[usize]| {
                let mut p = vec![1; nd - s.len()];
                p.extend_from_slice(s);
                p
            };
            let (pa, pb) = (pad(sa), pad(sb));
            let va = va.into_shape_with_order(IxDyn(&pa)).unwrap();
            let vb = vb.into_shape_with_order(IxDyn(&pb)).unwrap();
            let shape: Vec<usize> = pa.iter().zip(&pb).map(|(x, y)| x * y).collect();
            let want = ArrayD::from_shape_fn(IxDyn(&shape), |r| {
                let r = ndarray::Dimension::slice(&r).to_vec();
                let i: Vec<usize> = r.iter().zip(&pb).map(|(x, y)| x / y).collect();
                let j: Vec<usize> = r.iter().zip(&pb).map(|(x, y)| x % y).collect();
                va[IxDyn(&i)] * vb[IxDyn(&j)]
            });
            check(
                &kron(&a, &b).unwrap(),
                &want,
                1,
                e,
                &format!("kron {sa:?} {sb:?}"),
            );
        }
    }
    for la in LAYS {
        let [(a, va), _] = ops::<T>(&mut rng, &[4, 6], la, &[1], Lay::C);
        for off in [-5isize, -2, 0, 1, 3, 7] {
            let mut want = zero();
            for i in 0..4isize {
                let j = i + off;
                if (0..6).contains(&j) {
                    want += va[[i as usize, j as usize]];
                }
            }
            let got = trace(&a, off, 0, 1).unwrap();
            check(
                &got,
                &ArrayD::from_elem(IxDyn(&[]), want),
                4,
                e,
                "trace 2-D",
            );
        }
        let [(a, va), _] = ops::<T>(&mut rng, &[3, 2, 3], la, &[1], Lay::C);
        let want =
            ArrayD::from_shape_fn(IxDyn(&[2]), |k| (0..3).map(|i| va[[i, k[0], i]]).sum::<C>());
        check(&trace(&a, 0, 0, -1).unwrap(), &want, 3, e, "trace 3-D");
    }
}
all_dtypes!(kron_trace);

fn einsum_all<T: Scalar>() {
    let mut rng = Rng::new(15);
    let e = eps(T::DTYPE);
    // (spec given to lapis, reference spec with letters, shapes)
    let two: &[(&str, &str, &[usize], &[usize])] = &[
        ("ij,jk->ik", "ij,jk->ik", &[3, 4], &[4, 5]),
        ("ij,jk", "ij,jk->ik", &[20, 30], &[30, 25]),
        ("ij,ij->", "ij,ij->", &[3, 4], &[3, 4]),
        ("i,j->ij", "i,j->ij", &[3], &[4]),
        ("bij,bjk->bik", "bij,bjk->bik", &[2, 3, 4], &[2, 4, 5]),
        ("bij,bkj->bik", "bij,bkj->bik", &[2, 3, 4], &[2, 5, 4]),
        ("ij,kj->ki", "ij,kj->ki", &[3, 4], &[5, 4]),
        ("...ij,...jk->...ik", "zij,zjk->zik", &[2, 3, 4], &[2, 4, 5]),
        ("ijk,jl->lik", "ijk,jl->lik", &[2, 3, 4], &[3, 2]),
        ("ij,jk->i", "ij,jk->i", &[3, 4], &[4, 5]),
        ("ii,ij->j", "ii,ij->j", &[3, 3], &[3, 4]),
        ("i,i", "i,i->", &[1], &[3]),
        ("ij,k->k", "ij,k->k", &[2, 3], &[4]),
        ("ij,k->", "ij,k->", &[2, 3], &[4]),
        ("i,i->i", "i,i->i", &[5], &[5]),
        ("ij,ji->ij", "ij,ji->ij", &[3, 4], &[4, 3]),
        ("bi,bj->bij", "bi,bj->bij", &[2, 3], &[2, 4]),
    ];
    for &(spec, rspec, sa, sb) in two {
        for la in [Lay::C, Lay::F, Lay::Neg, Lay::Stepped] {
            let [(a, va), (b, vb)] = ops::<T>(&mut rng, sa, la, sb, Lay::T);
            let want = ref_einsum(rspec, &[&va, &vb]);
            let got = einsum(spec, &[&a, &b]).unwrap();
            let n = sa.iter().chain(sb).product::<usize>();
            check(&got, &want, n, e, spec);
            assert!(!got.shares_buffer(&a) && !got.shares_buffer(&b));
        }
    }
    let one: &[(&str, &str, &[usize])] = &[
        ("ii->i", "ii->i", &[4, 4]),
        ("ii", "ii->", &[4, 4]),
        ("ij->ji", "ij->ji", &[3, 4]),
        ("ba", "ba->ab", &[3, 4]),
        ("ijk->", "ijk->", &[2, 3, 4]),
        ("ij->i", "ij->i", &[3, 4]),
        ("iji->j", "iji->j", &[3, 2, 3]),
        ("ij", "ij->ij", &[3, 4]),
        ("...ij->...ji", "zij->zji", &[2, 3, 4]),
        ("i...->...i", "iyz->yzi", &[3, 2, 4]),
        ("...ji", "zji->zij", &[2, 3, 4]),
        ("i...i->...", "iyi->y", &[3, 2, 3]),
    ];
    for &(spec, rspec, sa) in one {
        for la in LAYS {
            let [(a, va), _] = ops::<T>(&mut rng, sa, la, &[1], Lay::C);
            let want = ref_einsum(rspec, &[&va]);
            let got = einsum(spec, &[&a]).unwrap();
            check(&got, &want, sa.iter().product(), e, spec);
            assert!(!got.shares_buffer(&a), "{spec}: a new array");
        }
    }
    // Three and four operands, contracted pairwise.
    let three: &[(&str, &str, [&[usize]; 3])] = &[
        ("ij,jk,kl->il", "ij,jk,kl->il", [&[2, 3], &[3, 4], &[4, 5]]),
        ("ij,jk,kl", "ij,jk,kl->il", [&[2, 3], &[3, 4], &[4, 5]]),
        ("i,i,i->", "i,i,i->", [&[4], &[4], &[4]]),
        ("a,b,c->abc", "a,b,c->abc", [&[2], &[3], &[4]]),
        ("ij,jk,ik->", "ij,jk,ik->", [&[2, 3], &[3, 4], &[2, 4]]),
        (
            "bij,bjk,bkl->bli",
            "bij,bjk,bkl->bli",
            [&[2, 3, 4], &[2, 4, 2], &[2, 2, 3]],
        ),
    ];
    for &(spec, rspec, [s0, s1, s2]) in three {
        let (x0, v0) = make(&rng.array::<T>(s0), Lay::F);
        let (x1, v1) = make(&rng.array::<T>(s1), Lay::Neg);
        let (x2, v2) = make(&rng.array::<T>(s2), Lay::C);
        let (v0, v1, v2) = (v0.mapv(c), v1.mapv(c), v2.mapv(c));
        let want = ref_einsum(rspec, &[&v0, &v1, &v2]);
        let got = einsum(spec, &[&x0, &x1, &x2]).unwrap();
        check(&got, &want, 24, e, spec);
    }
    let (x, v) = make(&rng.array::<T>(&[3, 3]), Lay::T);
    let v = v.mapv(c);
    let got = einsum("ij,jk,kl,lm->im", &[&x, &x, &x, &x]).unwrap();
    check(
        &got,
        &ref_einsum("ij,jk,kl,lm->im", &[&v, &v, &v, &v]),
        27,
        e,
        "four",
    );
    // Ellipsis broadcasting of the stack axes: (2,1,3,4) with (5,4,2).
    let [(a, va), (b, vb)] = ops::<T>(&mut rng, &[2, 1, 3, 4], Lay::C, &[5, 4, 2], Lay::F);
    let got = einsum("...ij,...jk->...ik", &[&a, &b]).unwrap();
    check(&got, &ref_matmul(&va, &vb), 4, e, "ellipsis broadcast");
}
all_dtypes!(einsum_all);

#[test]
fn mixed_dtypes() {
    let a = array::ones(&[2, 3], DType::F32).unwrap();
    let b = array::ones(&[3], DType::C128).unwrap();
    for r in [
        dot(&a, &b).unwrap(),
        inner(&a, &b).unwrap(),
        tensordot(&a, &b, 1).unwrap(),
        einsum("ij,j->i", &[&a, &b]).unwrap(),
    ] {
        assert_eq!(r.dtype(), DType::C128);
        assert_eq!(
            to_c(&r).into_raw_vec_and_offset().0,
            vec![C::new(3.0, 0.0); 2]
        );
    }
    assert_eq!(outer(&a, &b).unwrap().dtype(), DType::C128);
    assert_eq!(kron(&a, &b).unwrap().dtype(), DType::C128);
    assert_eq!(vdot(&a, &a).unwrap().dtype(), DType::F32);
    // vdot conjugates its first argument.
    let z = array::from_vec(vec![lapis::Complex64::new(0.0, 1.0)], &[1]).unwrap();
    let v = vdot(&z, &z).unwrap().item::<lapis::Complex64>(&[]).unwrap();
    assert_eq!(v, lapis::Complex64::new(1.0, 0.0));
}

#[test]
fn errors() {
    let m = |s: &[usize]| array::ones(s, DType::F64).unwrap();
    let msg = |e: Error| e.to_string();
    assert_eq!(
        msg(dot(&m(&[2, 3]), &m(&[4, 5])).unwrap_err()),
        "dot: shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)"
    );
    assert_eq!(
        msg(dot(&m(&[2, 3, 2]), &m(&[4, 5, 6])).unwrap_err()),
        "dot: shapes (2,3,2) and (4,5,6) not aligned: 2 (dim 2) != 5 (dim 1)"
    );
    assert_eq!(
        msg(inner(&m(&[2, 3]), &m(&[5, 4])).unwrap_err()),
        "inner: shapes (2,3) and (5,4) not aligned: 3 (dim 1) != 4 (dim 1)"
    );
    assert!(matches!(
        vdot(&m(&[2, 3]), &m(&[4, 5])).unwrap_err(),
        Error::ShapeMismatch { .. }
    ));
    let e = tensordot(&m(&[2, 3]), &m(&[4, 5]), 1).unwrap_err();
    assert!(msg(e).contains("shape-mismatch for sum"));
    assert!(matches!(
        tensordot(&m(&[2, 3]), &m(&[3]), 3).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
    assert!(matches!(
        tensordot(&m(&[2, 3]), &m(&[3]), TensorAxes::Pairs(vec![5], vec![0])).unwrap_err(),
        Error::AxisOutOfRange { .. }
    ));
    assert!(matches!(
        tensordot(
            &m(&[3, 3]),
            &m(&[3, 3]),
            TensorAxes::Pairs(vec![0, 0], vec![0, 1])
        )
        .unwrap_err(),
        Error::RepeatedAxis { .. }
    ));
    assert!(matches!(
        tensordot(
            &m(&[3, 3]),
            &m(&[3, 3]),
            TensorAxes::Pairs(vec![0], vec![0, 1])
        )
        .unwrap_err(),
        Error::InvalidArgument { .. }
    ));
    assert!(matches!(
        trace(&m(&[3]), 0, 0, 1).unwrap_err(),
        Error::TooFewDimensions { .. }
    ));
    assert!(matches!(
        trace(&m(&[3, 3]), 0, 0, 2).unwrap_err(),
        Error::AxisOutOfRange { .. }
    ));
    assert!(matches!(
        trace(&m(&[3, 3]), 0, 1, 1).unwrap_err(),
        Error::InvalidArgument { .. }
    ));
    let a = m(&[2, 3]);
    let b = m(&[3, 5]);
    let e = einsum("", &[]).unwrap_err();
    assert!(matches!(e, Error::Unsupported(_)), "{e}");
    let e = einsum("ij,jk,kl->il", &[&a, &b, &b]).unwrap_err();
    assert!(msg(e).contains("subscript 'k' has lengths 5 and 3"));
    let cases: &[(&str, &[&NdArray], &str)] = &[
        (
            "ij,jk->iz",
            &[&a, &b],
            "output subscript 'z' which never appeared in an input",
        ),
        (
            "ij->ii",
            &[&a],
            "includes output subscript 'i' multiple times",
        ),
        ("ii->i", &[&a], "collapsing index 'i' don't match (2 != 3)"),
        ("...i->i", &[&a], "no '...' ellipsis provided"),
        ("ijk->i", &[&a], "operand 0 has 2 dimensions"),
        ("i->i", &[&a], "operand 0 has 2 dimensions"),
        ("ij,jk->ik", &[&a, &a], "subscript 'j' has lengths 3 and 2"),
        ("i1->i", &[&a], "invalid subscript '1'"),
        ("ij", &[&a, &b], "1 terms in the subscripts for 2 operands"),
    ];
    for &(spec, ops, want) in cases {
        let e = einsum(spec, ops).unwrap_err();
        assert!(matches!(e, Error::InvalidArgument { .. }), "{spec}: {e}");
        assert!(msg(e.clone()).contains(want), "{spec}: {e}");
    }
}
