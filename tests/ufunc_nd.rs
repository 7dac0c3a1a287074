//! The typed ufuncs on `ndarray` arrays: every op on all four element
//! types over the seven matrix layouts of tests/common (C, F, transposed,
//! sliced, stepped, negative rows/columns), with broadcasting, against
//! `mapv`/`Zip` with the same scalar results as the NdArray path.

mod common;

use common::{Lay, Mat, Rng};
use lapis::array::ufunc::{self, BinaryOp, UnaryOp, nd};
use lapis::{Complex32, Complex64, Error, Scalar};
use ndarray::{Array1, Array2, Zip, array};

/// The NdArray path on a copy: the reference for the typed path.
fn via_ndarray_u<T: Scalar>(op: UnaryOp, a: &Array2<T>) -> lapis::NdArray {
    let x = lapis::array::from_ndarray(a.clone()).unwrap();
    ufunc::unary(op, &x).unwrap()
}

fn same<T: Scalar>(x: T, y: T) -> bool {
    let p = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a == b;
    p(
        lapis::RealScalar::to_f64_real(x.re()),
        lapis::RealScalar::to_f64_real(y.re()),
    ) && p(
        lapis::RealScalar::to_f64_real(x.im()),
        lapis::RealScalar::to_f64_real(y.im()),
    )
}

fn check<T: Scalar>() {
    let mut rng = Rng::new(7);
    let values: Array2<T> = rng.matrix(5, 4);
    let row: Array1<T> = rng.vector(4);
    for lay in Lay::ALL {
        let m = Mat::new(&values, lay);
        let a = m.view();
        for op in UnaryOp::ALL {
            let res_real = op.result_dtype(T::DTYPE) != T::DTYPE;
            if op.real_only() && T::IS_COMPLEX {
                assert!(matches!(nd::unary(op, &a), Err(Error::UfuncType { .. })));
                continue;
            }
            let want = via_ndarray_u(op, &values);
            if res_real {
                let got = nd::unary_real(op, &a).unwrap();
                let w = want.to_ndarray::<T::Real>().unwrap();
                assert!(
                    Zip::from(&got.into_dyn()).and(&w).all(|&g, &w| same(g, w)),
                    "{op:?} {lay:?}"
                );
            } else {
                let got = nd::unary(op, &a).unwrap();
                let w = want.to_ndarray::<T>().unwrap();
                assert!(
                    Zip::from(&got.clone().into_dyn())
                        .and(&w)
                        .all(|&g, &w| same(g, w)),
                    "{op:?} {lay:?}"
                );
                // into an output of another layout
                let mut out = Mat::new(
                    &Array2::<T>::zeros((5, 4)),
                    Lay::ALL[(lay as usize + 3) % 7],
                );
                nd::unary_into(op, &a, &mut out.view_mut()).unwrap();
                assert!(
                    Zip::from(&out.view().into_dyn())
                        .and(&w)
                        .all(|&g, &w| same(g, w)),
                    "{op:?} {lay:?} into"
                );
            }
        }
        for op in BinaryOp::ALL {
            if op.real_only() && T::IS_COMPLEX {
                assert!(nd::binary(op, &a, &row).is_err());
                continue;
            }
            let got = nd::binary(op, &a, &row).unwrap();
            let x = lapis::array::from_ndarray(values.clone()).unwrap();
            let y = lapis::array::from_ndarray(row.clone()).unwrap();
            let w = ufunc::binary(op, &x, &y)
                .unwrap()
                .to_ndarray::<T>()
                .unwrap();
            assert!(
                Zip::from(&got).and(&w).all(|&g, &w| same(g, w)),
                "{op:?} {lay:?}"
            );
            // row broadcast on the left, through a column view
            let col = a.column(1);
            let colv = col.insert_axis(ndarray::Axis(1));
            let got = nd::binary(op, &colv, &a).unwrap();
            assert_eq!(got.shape(), &[5, 4]);
            for i in 0..5 {
                for j in 0..4 {
                    let x = lapis::array::from_vec(vec![values[[i, 1]]], &[]).unwrap();
                    let y = lapis::array::from_vec(vec![values[[i, j]]], &[]).unwrap();
                    let w = ufunc::binary(op, &x, &y).unwrap().to_vec::<T>().unwrap()[0];
                    assert!(same(got[[i, j]], w), "{op:?} {lay:?} col");
                }
            }
        }
        // fused
        let c = Array1::<T>::from_elem(4, T::from_f64(0.5));
        let got = nd::multiply_add(&a, &row, &c).unwrap();
        let mut want = values.clone();
        Zip::from(&mut want)
            .and_broadcast(&row)
            .and_broadcast(&c)
            .for_each(|w, &r, &c| *w = *w * r + c);
        assert_eq!(got, want.into_dyn(), "{lay:?}");
        let (al, be) = (T::from_f64(2.0), T::from_f64(-0.25));
        let got = nd::axpby(al, &a, be, &row).unwrap();
        let mut want = values.clone();
        Zip::from(&mut want)
            .and_broadcast(&row)
            .for_each(|w, &r| *w = al * *w + be * r);
        assert_eq!(got, want.into_dyn(), "{lay:?}");
    }
}

#[test]
fn typed_ufuncs_all_dtypes_all_layouts() {
    check::<f32>();
    check::<f64>();
    check::<Complex32>();
    check::<Complex64>();
}

#[test]
fn typed_errors() {
    let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let b = array![1.0, 2.0];
    let e = nd::binary(BinaryOp::Add, &a, &b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "add: operands could not be broadcast together with shapes (2,3) (2,)"
    );
    let mut out = Array2::<f64>::zeros((3, 2));
    assert!(matches!(
        nd::binary_into(BinaryOp::Add, &a, &a, &mut out),
        Err(Error::OutputShape { .. })
    ));
    assert!(out.iter().all(|&x| x == 0.0));
    // abs of complex is real: `unary` says so, `unary_real` does it.
    let z = array![Complex64::new(3.0, 4.0)];
    assert!(matches!(
        nd::unary(UnaryOp::Abs, &z),
        Err(Error::Cast { .. })
    ));
    assert_eq!(nd::unary_real(UnaryOp::Abs, &z).unwrap(), array![5.0]);
    let mut wrong = Array1::<Complex64>::zeros(1);
    assert!(nd::unary_into(UnaryOp::Abs, &z, &mut wrong).is_err());
    let e = nd::unary(UnaryOp::Floor, &z).unwrap_err();
    assert!(e.to_string().contains("'floor' not supported"));
}
