//! matmul / matmul_out on NdArray against naive complex128 loops: every
//! dtype, every operand layout, 1-D promotion, stacks with broadcasting,
//! empty dimensions, mixed dtypes, `out` (aliasing included), zero-copy
//! BLAS dispatch, NumPy's error messages.

#[macro_use]
mod common;
mod array_matmul_util;

use array_matmul_util::{Lay, Rng, c, check, eps, make, ref_matmul, to_c};
use lapis::array::{self, Casting, Idx, MemOrder, NdArray, matmul, matmul_out};
use lapis::layout::copies_made;
use lapis::{Complex32, Complex64, DType, Error, Scalar};
use ndarray::ArrayD;

fn run<T: Scalar>(sa: &[usize], sb: &[usize], la: Lay, lb: Lay, rng: &mut Rng) {
    let (va, vb) = (rng.array::<T>(sa), rng.array::<T>(sb));
    let (a, va) = make(&va, la);
    let (b, vb) = make(&vb, lb);
    let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
    let got = matmul(&a, &b).unwrap();
    assert_eq!(got.dtype(), T::DTYPE);
    assert!(got.is_c_contiguous());
    let k = sa[sa.len() - 1];
    check(
        &got,
        &want,
        k,
        eps(T::DTYPE),
        &format!("{sa:?}{la:?} @ {sb:?}{lb:?}"),
    );
    // Inputs are not modified.
    assert_eq!(to_c(&a), va.mapv(c));
    assert_eq!(to_c(&b), vb.mapv(c));
}

/// Every pair of layouts, small (direct kernel) and large (BLAS) sizes.
fn layouts_2d<T: Scalar>() {
    let mut rng = Rng::new(1);
    for (m, k, n) in [(3, 4, 5), (1, 1, 1), (17, 19, 23), (40, 3, 30), (9, 70, 2)] {
        for la in Lay::ALL {
            for lb in Lay::ALL {
                run::<T>(&[m, k], &[k, n], la, lb, &mut rng);
            }
        }
    }
}
all_dtypes!(layouts_2d);

/// Matrix @ vector, vector @ matrix, vector @ vector (gemv / dot paths and
/// the direct kernel), every layout.
fn vectors<T: Scalar>() {
    let mut rng = Rng::new(2);
    for (m, k) in [(3, 4), (30, 41), (1, 600), (600, 1)] {
        for la in Lay::ALL {
            for lb in Lay::ALL {
                run::<T>(&[m, k], &[k], la, lb, &mut rng);
                run::<T>(&[k], &[k, m], la, lb, &mut rng);
                run::<T>(&[k], &[k], la, lb, &mut rng);
            }
        }
    }
    let v = matmul(
        &array::from_vec(vec![T::from_f64(2.0); 3], &[3]).unwrap(),
        &array::from_vec(vec![T::from_f64(3.0); 3], &[3]).unwrap(),
    )
    .unwrap();
    assert_eq!(v.ndim(), 0);
    assert_eq!(v.item::<T>(&[]).unwrap(), T::from_f64(18.0));
}
all_dtypes!(vectors);

/// Stacks with broadcasting of the leading axes, 1-D promotion in stacks.
fn stacks<T: Scalar>() {
    let mut rng = Rng::new(3);
    let cases: &[(&[usize], &[usize])] = &[
        (&[2, 1, 3, 4], &[5, 4, 2]),
        (&[1, 3, 4], &[6, 4, 5]),
        (&[6, 3, 4], &[4, 5]),
        (&[3, 4], &[2, 2, 4, 5]),
        (&[4], &[3, 4, 5]),
        (&[3, 2, 4], &[4]),
        (&[2, 20, 30], &[30, 25]),
        (&[3, 1, 20, 30], &[2, 30, 25]),
        (&[40], &[2, 40, 25]),
        (&[2, 3, 25, 40], &[40]),
    ];
    for &(sa, sb) in cases {
        for la in Lay::ALL {
            for lb in [Lay::C, Lay::F, Lay::T, Lay::Neg, Lay::Stepped, Lay::Bcast] {
                run::<T>(sa, sb, la, lb, &mut rng);
            }
        }
    }
}
all_dtypes!(stacks);

/// Large stacks of small products (the parallel path) equal the products
/// of their slices bitwise (thread count does not change results).
fn big_stack<T: Scalar>() {
    let mut rng = Rng::new(4);
    for count in [1000, 20000] {
        let (va, vb) = (
            rng.array::<T>(&[count, 4, 4]),
            rng.array::<T>(&[count, 4, 4]),
        );
        let (a, _) = make(&va, Lay::C);
        let (b, _) = make(&vb, Lay::T);
        let got = matmul(&a, &b).unwrap();
        let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
        check(&got, &want, 4, eps(T::DTYPE), "stack");
        for i in [0, count / 2, count - 1] {
            let one = matmul(
                &a.index_axis(0, i as isize).unwrap(),
                &b.index_axis(0, i as isize).unwrap(),
            )
            .unwrap();
            let slice = got.index_axis(0, i as isize).unwrap();
            assert_eq!(one.to_vec::<T>().unwrap(), slice.to_vec::<T>().unwrap());
        }
    }
}
all_dtypes!(big_stack);

/// Every width of the direct kernels (fixed-width rows, unrolled squares,
/// the strided fallback) in stacks, every operand layout.
fn small_kernels<T: Scalar>() {
    let mut rng = Rng::new(16);
    for n in 1..=17usize {
        let lbs: &[Lay] = if n <= 9 { &Lay::ALL } else { &[Lay::C, Lay::T] };
        for k in [n, 3] {
            for m in [1, 5] {
                for la in Lay::ALL {
                    for &lb in lbs {
                        run::<T>(&[3, m, k], &[k, n], la, lb, &mut rng);
                    }
                }
                // Outputs whose rows are not contiguous (strided writes).
                let (va, vb) = (rng.array::<T>(&[3, m, k]), rng.array::<T>(&[k, n]));
                let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
                for lo in [Lay::F, Lay::T, Lay::Stepped, Lay::Neg] {
                    for lb in [Lay::C, Lay::F] {
                        let (a, _) = make(&va, Lay::C);
                        let (b, _) = make(&vb, lb);
                        let (mut out, _) = make(&rng.array::<T>(&[3, m, n]), lo);
                        matmul_out(&a, &b, &mut out).unwrap();
                        check(&out, &want, k, eps(T::DTYPE), &format!("n={n} out {lo:?}"));
                    }
                }
            }
        }
    }
}
all_dtypes!(small_kernels);

#[test]
fn zero_d_and_borrow_conflicts() {
    // kron / dot of 0-d arrays stay 0-d.
    let s = array::from_scalar(2.0f64);
    let t = array::from_scalar(3.0f64);
    let k = array::kron(&s, &t).unwrap();
    assert_eq!((k.ndim(), k.item::<f64>(&[]).unwrap()), (0, 6.0));
    let d = array::dot(&s, &t).unwrap();
    assert_eq!((d.ndim(), d.item::<f64>(&[]).unwrap()), (0, 6.0));
    // An operand mutably viewed elsewhere: an error, not a panic.
    let mut a = array::ones(&[3, 3], DType::F64).unwrap();
    let b = array::ones(&[3, 3], DType::F64).unwrap();
    let alias = a.new_view();
    let _w = a.view_mut::<f64>().unwrap();
    let e = matmul(&alias, &b).unwrap_err();
    assert!(matches!(e, Error::BorrowConflict { .. }), "{e}");
}

#[test]
fn empty_dimensions() {
    for dt in DType::ALL {
        // K = 0: zeros, whatever m and n (also the BLAS sizes).
        for (m, n) in [(2, 3), (20, 30)] {
            let a = array::ones(&[m, 0], dt).unwrap();
            let b = array::ones(&[0, n], dt).unwrap();
            let r = matmul(&a, &b).unwrap();
            assert_eq!(r.shape(), &[m, n]);
            assert!(to_c(&r).iter().all(|v| *v == Complex64::new(0.0, 0.0)));
        }
        let r = matmul(
            &array::ones(&[0], dt).unwrap(),
            &array::ones(&[0], dt).unwrap(),
        )
        .unwrap();
        assert_eq!(r.ndim(), 0);
        assert_eq!(to_c(&r).sum(), Complex64::new(0.0, 0.0));
        let shapes: &[(&[usize], &[usize], &[usize])] = &[
            (&[0, 4], &[4, 5], &[0, 5]),
            (&[3, 4], &[4, 0], &[3, 0]),
            (&[0, 3, 4], &[4, 5], &[0, 3, 5]),
            (&[2, 0, 4], &[4], &[2, 0]),
            (&[2, 1, 3, 0], &[5, 0, 2], &[2, 5, 3, 2]),
        ];
        for &(sa, sb, so) in shapes {
            let r = matmul(&array::ones(sa, dt).unwrap(), &array::ones(sb, dt).unwrap()).unwrap();
            assert_eq!(r.shape(), so);
            assert!(to_c(&r).iter().all(|v| *v == Complex64::new(0.0, 0.0)));
        }
    }
}

#[test]
fn mixed_dtypes_promote() {
    let mut rng = Rng::new(5);
    for da in DType::ALL {
        for db in DType::ALL {
            for (m, k, n) in [(3, 4, 2), (20, 21, 22)] {
                let va = rng.array::<Complex64>(&[m, k]);
                let vb = rng.array::<Complex64>(&[k, n]);
                let a = array::from_ndarray(va.clone())
                    .unwrap()
                    .astype_with(da, Casting::Unsafe)
                    .unwrap();
                let b = array::from_ndarray(vb.clone())
                    .unwrap()
                    .astype_with(db, Casting::Unsafe)
                    .unwrap();
                let got = matmul(&a, &b).unwrap();
                let want_dt = da.promote(db);
                assert_eq!(got.dtype(), want_dt, "{da} @ {db}");
                let want = ref_matmul(&to_c(&a), &to_c(&b));
                check(&got, &want, k, eps(want_dt), &format!("{da} @ {db}"));
            }
        }
    }
}

fn out_layouts<T: Scalar>() {
    let mut rng = Rng::new(6);
    for (m, k, n) in [(3, 4, 5), (17, 19, 23)] {
        let (va, vb) = (rng.array::<T>(&[m, k]), rng.array::<T>(&[k, n]));
        let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
        let (a, _) = make(&va, Lay::C);
        let (b, _) = make(&vb, Lay::F);
        for lo in [Lay::C, Lay::F, Lay::T, Lay::Sliced, Lay::Stepped, Lay::Neg] {
            let init = rng.array::<T>(&[m, n]);
            let (mut out, _) = make(&init, lo);
            matmul_out(&a, &b, &mut out).unwrap();
            check(&out, &want, k, eps(T::DTYPE), &format!("out {lo:?}"));
        }
        // Padding around a sliced out is untouched.
        let big = array::full(&[m + 2, n + 2], T::from_f64(7.0)).unwrap();
        let mut sub = big
            .slice(&[
                Idx::slice(Some(1), Some(m as isize + 1), 1),
                Idx::slice(Some(1), Some(n as isize + 1), 1),
            ])
            .unwrap();
        matmul_out(&a, &b, &mut sub).unwrap();
        check(&sub, &want, k, eps(T::DTYPE), "sub out");
        let all = big.to_ndarray::<T>().unwrap();
        for ((i, j), v) in all
            .into_dimensionality::<ndarray::Ix2>()
            .unwrap()
            .indexed_iter()
        {
            if i == 0 || j == 0 || i == m + 1 || j == n + 1 {
                assert_eq!(*v, T::from_f64(7.0));
            }
        }
    }
}
all_dtypes!(out_layouts);

fn out_aliasing<T: Scalar>() {
    let mut rng = Rng::new(7);
    for n in [4, 20] {
        // out is a: a := a @ b, as if a were read first.
        let (va, vb) = (rng.array::<T>(&[n, n]), rng.array::<T>(&[n, n]));
        let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
        let (mut a, _) = make(&va, Lay::C);
        let (b, _) = make(&vb, Lay::F);
        let a_in = a.new_view();
        matmul_out(&a_in, &b, &mut a).unwrap();
        check(&a, &want, n, eps(T::DTYPE), "out = a");
        // out is b, transposed view of the same buffer as an input.
        let (va, vb) = (rng.array::<T>(&[n, n]), rng.array::<T>(&[n, n]));
        let want = ref_matmul(&va.mapv(c), &vb.mapv(c));
        let (a, _) = make(&va, Lay::C);
        let (b, _) = make(&vb, Lay::C);
        let mut bt = b.t();
        let b_in = b.new_view();
        matmul_out(&a, &b_in, &mut bt).unwrap();
        check(&bt, &want, n, eps(T::DTYPE), "out = b.T");
        // a @ a into a.
        let va = rng.array::<T>(&[n, n]);
        let want = ref_matmul(&va.mapv(c), &va.mapv(c));
        let (mut a, _) = make(&va, Lay::T);
        let a_in = a.new_view();
        matmul_out(&a_in, &a_in, &mut a).unwrap();
        check(&a, &want, n, eps(T::DTYPE), "a @ a into a");
    }
}
all_dtypes!(out_aliasing);

#[test]
fn out_dtype_casting_and_shape_rules() {
    let a = array::ones(&[2, 3], DType::F64).unwrap();
    let b = array::ones(&[3, 5], DType::F64).unwrap();
    // float64 result into float32 and complex out: same_kind allows both.
    for dt in [DType::F32, DType::C64, DType::C128] {
        let mut out = array::zeros(&[2, 5], dt).unwrap();
        matmul_out(&a, &b, &mut out).unwrap();
        assert!(to_c(&out).iter().all(|v| *v == Complex64::new(3.0, 0.0)));
    }
    // complex result into a real out: error, out untouched.
    let z = array::ones(&[3, 5], DType::C128).unwrap();
    let mut out = array::full(&[2, 5], 9.0f64).unwrap();
    let e = matmul_out(&a, &z, &mut out).unwrap_err();
    assert!(matches!(e, Error::Cast { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "matmul: cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'same_kind'"
    );
    assert!(out.to_vec::<f64>().unwrap().iter().all(|&v| v == 9.0));
    // Extra leading axes on out: the inputs broadcast to them (NumPy).
    let mut out = array::zeros(&[3, 2, 5], DType::F64).unwrap();
    matmul_out(&a, &b, &mut out).unwrap();
    assert!(out.to_vec::<f64>().unwrap().iter().all(|&v| v == 3.0));
    // Wrong core shape.
    let mut out = array::full(&[2, 4], 9.0f64).unwrap();
    let e = matmul_out(&a, &b, &mut out).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matmul: Output operand 0 has a mismatch in its core dimension 1, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 5)"
    );
    assert!(out.to_vec::<f64>().unwrap().iter().all(|&v| v == 9.0));
    // Leading axes that the inputs do not broadcast to.
    let a3 = array::ones(&[4, 2, 3], DType::F64).unwrap();
    let mut out = array::zeros(&[3, 2, 5], DType::F64).unwrap();
    let e = matmul_out(&a3, &b, &mut out).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e}");
    // 1-D result needs a 1-D out.
    let v = array::ones(&[3], DType::F64).unwrap();
    let mut out = array::zeros(&[], DType::F64).unwrap();
    let e = matmul_out(&a, &v, &mut out).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matmul: Output operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    );
    let mut out = array::zeros(&[2], DType::F64).unwrap();
    matmul_out(&a, &v, &mut out).unwrap();
    assert_eq!(out.to_vec::<f64>().unwrap(), vec![3.0, 3.0]);
    // Read-only and self-overlapping outs.
    let mut ro = array::zeros(&[2, 5], DType::F64).unwrap();
    ro.set_readonly();
    let e = matmul_out(&a, &b, &mut ro).unwrap_err();
    assert!(matches!(e, Error::ReadOnly { .. }), "{e}");
    let mut bc = array::zeros(&[5], DType::F64)
        .unwrap()
        .broadcast_to(&[2, 5])
        .unwrap();
    let e = matmul_out(&a, &b, &mut bc).unwrap_err();
    assert!(
        matches!(e, Error::ReadOnly { .. } | Error::OverlappingOutput { .. }),
        "{e}"
    );
}

#[test]
fn errors_are_numpy_worded() {
    let m = |s: &[usize]| array::ones(s, DType::F64).unwrap();
    let e = matmul(&m(&[2, 3]), &m(&[4, 5])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)"
    );
    let e = matmul(&m(&[3]), &m(&[4])).unwrap_err();
    assert!(matches!(
        e,
        Error::CoreDimensionMismatch {
            got: 4,
            expected: 3,
            ..
        }
    ));
    let e = matmul(&m(&[]), &m(&[4, 5])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    );
    let e = matmul(&m(&[4, 5]), &m(&[])).unwrap_err();
    assert!(
        e.to_string()
            .contains("Input operand 1 does not have enough")
    );
    let e = matmul(&m(&[2, 3, 3]), &m(&[3, 3, 5])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "matmul: operands could not be broadcast together with shapes (2,3,3) (3,3,5)"
    );
}

/// C-order, Fortran-order and transposed 2-D operands reach BLAS (gemm,
/// gemv, dot) without a copy; strided ones are copied (the counter works).
fn zero_copy<T: Scalar>() {
    let mut rng = Rng::new(8);
    let native = [Lay::C, Lay::F, Lay::T, Lay::Sliced];
    for (sa, sb) in [
        (vec![30, 40], vec![40, 20]),
        (vec![30, 40], vec![40]),
        (vec![40], vec![40, 20]),
        (vec![600], vec![600]),
        (vec![3, 30, 40], vec![40, 20]),
    ] {
        let (va, vb) = (rng.array::<T>(&sa), rng.array::<T>(&sb));
        // A Fortran-order stack has no unit stride within each matrix.
        let las: Vec<Lay> = if sa.len() > 2 {
            vec![Lay::C, Lay::T, Lay::Sliced]
        } else {
            native.to_vec()
        };
        for &la in &las {
            for lb in native {
                let (a, _) = make(&va, la);
                let (b, _) = make(&vb, lb);
                // A complex vector·vector product is a BLAS dot, whose
                // operands lapis copies on OpenBLAS when they lie within 64
                // bytes of a page edge (tests/guard_page.rs); test data lands
                // there by chance, so up to two such copies are allowed.
                let allowed = if T::IS_COMPLEX && sa.len() == 1 && sb.len() == 1 {
                    2
                } else {
                    0
                };
                let before = copies_made();
                let r = matmul(&a, &b).unwrap();
                let made = copies_made() - before;
                assert!(
                    made <= allowed,
                    "{sa:?} {la:?} @ {sb:?} {lb:?}: {made} copies"
                );
                let mut out = array::zeros(r.shape(), T::DTYPE).unwrap();
                let before = copies_made();
                matmul_out(&a, &b, &mut out).unwrap();
                let made = copies_made() - before;
                assert!(made <= allowed, "out: {la:?} @ {lb:?}: {made} copies");
            }
        }
    }
    let (va, vb) = (rng.array::<T>(&[30, 40]), rng.array::<T>(&[40, 20]));
    let (a, _) = make(&va, Lay::Stepped);
    let (b, _) = make(&vb, Lay::C);
    let before = copies_made();
    matmul(&a, &b).unwrap();
    assert!(
        copies_made() > before,
        "a stepped operand is copied for BLAS"
    );
}
all_dtypes!(zero_copy);

#[test]
fn typed_ndarray_api() {
    let mut rng = Rng::new(9);
    let a: ArrayD<f64> = rng.array(&[2, 3, 4]);
    let b: ArrayD<f64> = rng.array(&[4, 5]);
    let got = array::matmul_nd(&a, &b).unwrap();
    let want = ref_matmul(&a.mapv(c), &b.mapv(c));
    check(
        &array::from_ndarray(got.clone()).unwrap(),
        &want,
        4,
        f64::EPSILON,
        "matmul_nd",
    );
    let b2 = b.clone().into_dimensionality::<ndarray::Ix2>().unwrap();
    let got2 = array::matmul_nd(&a, &b2.t()).err();
    assert!(got2.is_some(), "(2,3,4) @ (5,4) mismatches");
    let mut out = ArrayD::<f64>::zeros(ndarray::IxDyn(&[2, 3, 5]));
    array::matmul_nd_into(&a, &b2, &mut out).unwrap();
    assert_eq!(out, got);
    let z: ArrayD<Complex32> = rng.array(&[4]);
    let w: ArrayD<Complex32> = rng.array(&[4]);
    let d = array::matmul_nd(&z, &w).unwrap();
    assert_eq!(d.ndim(), 0);
    let _ = MemOrder::C;
    let _: Option<NdArray> = None;
}
