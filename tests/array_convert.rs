//! Reshape, ravel, copies, casts, concatenate and stack against NumPy 2.4:
//! which calls copy (data pointer, shared buffer, owns-data), the strides
//! of the results, the values, and the errors.

mod common;

use lapis::array::{self, Casting, Idx, MemOrder, NdArray};
use lapis::{Complex32, Complex64, DType, Error, Scalar};

fn base(shape: &[usize]) -> NdArray {
    let n: usize = shape.iter().product();
    array::from_vec((0..n).map(|k| k as f64).collect(), shape).unwrap()
}

fn fv(a: &NdArray) -> Vec<f64> {
    a.to_vec::<f64>().unwrap()
}

#[test]
fn reshape_copies_exactly_when_numpy_does() {
    let a = base(&[2, 3, 4]);
    let s = |k: isize| Idx::step(k);
    let all = Idx::ALL;
    // (view expression, new shape, NumPy: shares memory, NumPy strides, first values)
    type Case = (NdArray, Vec<isize>, bool, Vec<isize>, Vec<f64>);
    let cases: Vec<Case> = vec![
        (
            a.t(),
            vec![24],
            false,
            vec![8],
            vec![0., 12., 4., 16., 8., 20., 1.],
        ),
        (
            a.t(),
            vec![4, 6],
            false,
            vec![48, 8],
            vec![0., 12., 4., 16., 8., 20., 1.],
        ),
        (
            a.slice(&[all, all, s(2)]).unwrap(),
            vec![2, 6],
            true,
            vec![96, 16],
            vec![0., 2., 4., 6., 8.],
        ),
        (
            a.slice(&[all, all, s(2)]).unwrap(),
            vec![6, 2],
            true,
            vec![32, 16],
            vec![0., 2., 4., 6., 8.],
        ),
        (
            a.slice(&[1.into()]).unwrap(),
            vec![3, 4],
            true,
            vec![32, 8],
            vec![12., 13., 14.],
        ),
        (
            a.slice(&[all, (1..).into()]).unwrap(),
            vec![4, 4],
            false,
            vec![32, 8],
            vec![4., 5., 6., 7., 8., 9., 10., 11., 16.],
        ),
        (
            a.slice(&[all, (1..).into()]).unwrap(),
            vec![2, 8],
            true,
            vec![96, 8],
            vec![4., 5., 6., 7., 8., 9., 10., 11., 16.],
        ),
        (
            a.slice(&[all, s(-1)]).unwrap(),
            vec![2, 12],
            false,
            vec![96, 8],
            vec![8., 9., 10., 11., 4., 5.],
        ),
        (
            a.slice(&[all, s(-1)]).unwrap(),
            vec![6, 4],
            false,
            vec![32, 8],
            vec![8., 9., 10., 11., 4., 5.],
        ),
        (
            a.slice(&[s(-1)]).unwrap(),
            vec![2, 3, 2, 2],
            true,
            vec![-96, 32, 16, 8],
            vec![12., 13., 14.],
        ),
        (
            a.slice(&[all, all, s(2)]).unwrap(),
            vec![2, 1, 3, 2, 1],
            true,
            vec![96, 96, 32, 16, 16],
            vec![0., 2., 4.],
        ),
        (
            a.slice(&[all, Idx::NewAxis, all, s(2)]).unwrap(),
            vec![1, 6, 2],
            true,
            vec![192, 32, 16],
            vec![0., 2., 4., 6.],
        ),
        (
            a.slice(&[all, all, s(2)]).unwrap(),
            vec![-1, 3],
            true,
            vec![48, 16],
            vec![0., 2., 4.],
        ),
        (
            a.new_view(),
            vec![4, -1],
            true,
            vec![48, 8],
            vec![0., 1., 2.],
        ),
    ];
    for (k, (v, shape, shares, strides, first)) in cases.into_iter().enumerate() {
        let r = v.reshape(&shape).unwrap();
        let copied = !r.shares_buffer(&a);
        assert_eq!(!copied, shares, "case {k}: copy decision");
        assert_eq!(r.owns_data(), copied, "case {k}: owns_data");
        if !strides.is_empty() {
            assert_eq!(r.strides(), strides.as_slice(), "case {k}: strides");
        }
        // Values: the C-order elements of v, in order.
        assert_eq!(fv(&r), fv(&v), "case {k}: values");
        assert_eq!(&fv(&r)[..first.len()], first.as_slice(), "case {k}");
    }
    // The same shape is always a view, even for a non-contiguous array.
    let t = a.t();
    let same = t.reshape(&[4, 3, 2]).unwrap();
    assert_eq!(
        (same.data_ptr(), same.strides()),
        (t.data_ptr(), t.strides())
    );
    // Fortran order: a.T.reshape((6, 4), order="F") is a view, a.reshape(..., "F") a copy.
    let f = t.reshape_order(&[6, 4], MemOrder::F).unwrap();
    assert!(f.shares_buffer(&a));
    assert_eq!(f.strides(), &[8, 48]);
    assert_eq!(&fv(&f)[..5], &[0., 6., 12., 18., 1.]);
    let g = a.reshape_order(&[6, 4], MemOrder::F).unwrap();
    assert!(!g.shares_buffer(&a));
    assert_eq!(g.strides(), &[8, 48]);
    assert_eq!(&fv(&g)[..6], &[0., 1., 2., 3., 12., 13.]);
    // Zero-size arrays reshape freely.
    let z = array::zeros(&[0, 3], DType::F32).unwrap();
    assert_eq!(z.reshape(&[3, 0, 5]).unwrap().shape(), &[3, 0, 5]);
    assert!(matches!(
        z.reshape(&[-1, 0]),
        Err(Error::ReshapeSize { .. })
    ));
    assert!(matches!(
        z.reshape(&[0, -1, 3]),
        Err(Error::ReshapeSize { .. })
    ));
}

#[test]
fn reshape_errors() {
    let a = base(&[2, 3]);
    let e = a.reshape(&[4]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot reshape array of size 6 into shape (4,)"
    );
    let e = a.reshape(&[4, -1]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot reshape array of size 6 into shape (4,-1)"
    );
    assert!(matches!(
        a.reshape(&[-1, -1]),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        a.reshape(&[-2, -3]),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        a.reshape(&[isize::MAX, isize::MAX]),
        Err(Error::ReshapeSize { .. })
    ));
    assert!(matches!(
        a.reshape(&[1; 33]),
        Err(Error::TooManyDimensions { .. })
    ));
    assert!(matches!(
        a.reshape_order(&[1; 33], MemOrder::F),
        Err(Error::TooManyDimensions { .. })
    ));
    assert_eq!(a.shape(), &[2, 3]);
    assert_eq!(a.reshape(&[6, 1, 1]).unwrap().shape(), &[6, 1, 1]);
}

#[test]
fn ravel_and_flatten() {
    let a = base(&[2, 3, 4]);
    let r = a.ravel(MemOrder::C).unwrap();
    assert!(r.shares_buffer(&a) && r.shape() == [24]);
    // NumPy: a.T.ravel() copies (owns data); ravel('K') is a view.
    let t = a.t();
    let r = t.ravel(MemOrder::C).unwrap();
    assert!(!r.shares_buffer(&a) && r.owns_data());
    assert_eq!(&fv(&r)[..4], &[0., 12., 4., 16.]);
    let k = t.ravel(MemOrder::K).unwrap();
    assert!(k.shares_buffer(&a) && !k.owns_data());
    assert_eq!(&fv(&k)[..4], &[0., 1., 2., 3.]);
    assert!(t.ravel(MemOrder::A).unwrap().shares_buffer(&a));
    assert!(t.ravel(MemOrder::F).unwrap().shares_buffer(&a));
    let p = a
        .permute_axes(&[1, 0, 2])
        .unwrap()
        .ravel(MemOrder::K)
        .unwrap();
    assert!(p.shares_buffer(&a));
    assert_eq!(fv(&p), fv(&a));
    // Negative strides: K copies, in C order (NumPy does not flip).
    let n = a
        .slice(&[Idx::ALL, Idx::step(-1)])
        .unwrap()
        .ravel(MemOrder::K)
        .unwrap();
    assert!(!n.shares_buffer(&a));
    assert_eq!(&fv(&n)[..6], &[8., 9., 10., 11., 4., 5.]);
    // A strided 1-d array: ravel copies (as NumPy), reshape(-1) does not.
    let s = base(&[8]).slice(&[Idx::step(2)]).unwrap();
    assert!(!s.ravel(MemOrder::C).unwrap().shares_buffer(&s));
    assert!(s.reshape(&[-1]).unwrap().shares_buffer(&s));
    // flatten always copies.
    let f = a.flatten(MemOrder::C).unwrap();
    assert!(!f.shares_buffer(&a) && f.owns_data() && fv(&f) == fv(&a));
    let f = a.flatten(MemOrder::F).unwrap();
    assert_eq!(&fv(&f)[..4], &[0., 12., 4., 16.]);
    assert_eq!(a.flatten(MemOrder::K).unwrap().shape(), &[24]);
    assert_eq!(base(&[0, 2]).flatten(MemOrder::K).unwrap().shape(), &[0]);
}

fn copies<T: Scalar>() {
    let n = 24;
    let a = array::from_vec((0..n).map(|k| T::from_f64(k as f64)).collect(), &[2, 3, 4]).unwrap();
    let it = T::DTYPE.itemsize() as isize;
    let want: Vec<T> = a.to_vec().unwrap();
    for (order, strides) in [
        (MemOrder::C, [12 * it, 4 * it, it]),
        (MemOrder::F, [it, 2 * it, 6 * it]),
        (MemOrder::A, [12 * it, 4 * it, it]),
        (MemOrder::K, [12 * it, 4 * it, it]),
    ] {
        let c = a.copy(order).unwrap();
        assert_eq!(c.strides(), &strides, "{order:?}");
        assert!(c.owns_data() && !c.shares_buffer(&a));
        assert_eq!(c.to_vec::<T>().unwrap(), want);
    }
    // K keeps a permuted layout; negative strides become positive.
    let y = a
        .permute_axes(&[1, 0, 2])
        .unwrap()
        .slice(&[Idx::ALL, Idx::step(-1)])
        .unwrap();
    let k = y.copy(MemOrder::K).unwrap();
    assert_eq!(k.strides(), &[4 * it, 12 * it, it]);
    assert_eq!(k.to_vec::<T>().unwrap(), y.to_vec::<T>().unwrap());
    assert!(a.t().copy(MemOrder::A).unwrap().is_f_contiguous());
    // ascontiguousarray / asfortranarray: views when already so.
    let c = a.ascontiguousarray().unwrap();
    assert!(c.shares_buffer(&a) && c.data_ptr() == a.data_ptr());
    let f = a.asfortranarray().unwrap();
    assert!(!f.shares_buffer(&a) && f.is_f_contiguous());
    assert!(f.asfortranarray().unwrap().shares_buffer(&f));
    assert!(!f.ascontiguousarray().unwrap().shares_buffer(&f));
    assert_eq!(f.to_vec::<T>().unwrap(), want);
    // Broadcast sources copy into full arrays.
    let b = a
        .slice(&[0.into(), 0.into()])
        .unwrap()
        .broadcast_to(&[3, 4])
        .unwrap();
    let c = b.copy(MemOrder::K).unwrap();
    // NumPy: broadcast_to(arange(4.), (3, 4)).copy(order="K").strides == (8, 24).
    assert!(c.is_writable() && c.owns_data());
    assert_eq!(c.strides(), &[it, 3 * it]);
    assert_eq!(c.to_vec::<T>().unwrap()[4..8], want[..4]);
}
all_dtypes!(copies);

#[test]
fn astype_follows_numpy_casting() {
    let z = array::from_vec(
        vec![Complex64::new(1.5, -2.0), Complex64::new(3.0, 4.0)],
        &[2],
    )
    .unwrap();
    let e = z.astype(DType::F64).unwrap_err();
    assert_eq!(
        e.to_string(),
        "astype: cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'same_kind'"
    );
    let r = z.astype_with(DType::F32, Casting::Unsafe).unwrap();
    assert_eq!(r.to_vec::<f32>().unwrap(), vec![1.5, 3.0]);
    let c = z.astype(DType::C64).unwrap();
    assert_eq!(
        c.to_vec::<Complex32>().unwrap(),
        vec![Complex32::new(1.5, -2.0), Complex32::new(3.0, 4.0)]
    );
    assert!(matches!(
        z.astype_with(DType::C64, Casting::Safe),
        Err(Error::Cast { .. })
    ));
    let x = array::from_vec(vec![0.1f64, 1e300], &[2]).unwrap();
    let f = x.astype(DType::F32).unwrap();
    assert_eq!(f.to_vec::<f32>().unwrap(), vec![0.1f32, f32::INFINITY]);
    assert!(matches!(
        x.astype_with(DType::F32, Casting::Safe),
        Err(Error::Cast { .. })
    ));
    let w = f.astype_with(DType::C128, Casting::Safe).unwrap();
    assert_eq!(
        w.item::<Complex64>(&[0]).unwrap(),
        Complex64::new(0.1f32 as f64, 0.0)
    );
    assert!(matches!(
        x.astype_with(DType::F32, Casting::No),
        Err(Error::Cast { .. })
    ));
    let same = x.astype_with(DType::F64, Casting::Equiv).unwrap();
    assert!(!same.shares_buffer(&x));
    for (from, to) in [(DType::F32, DType::F64), (DType::C64, DType::C128)] {
        assert!(Casting::Safe.allows(from, to) && !Casting::Safe.allows(to, from));
        assert!(Casting::SameKind.allows(to, from));
    }
    // A strided, reversed source keeps its values through a cast.
    let a = array::arange(0.0, 12.0, 1.0, DType::F32)
        .unwrap()
        .reshape(&[3, 4])
        .unwrap();
    let v = a.slice(&[Idx::step(-1), Idx::step(2)]).unwrap();
    let c = v.astype(DType::C128).unwrap();
    let re: Vec<f64> = c
        .to_vec::<Complex64>()
        .unwrap()
        .iter()
        .map(|z| z.re)
        .collect();
    assert_eq!(re, vec![8., 10., 4., 6., 0., 2.]);
}

#[test]
fn concatenate_and_stack() {
    let a = base(&[2, 3]);
    let b = array::from_vec(vec![Complex32::new(9.0, 1.0); 3], &[1, 3]).unwrap();
    let c = array::concatenate(&[&a, &b], 0).unwrap();
    assert_eq!((c.shape(), c.dtype()), (&[3usize, 3][..], DType::C128));
    assert_eq!(
        c.item::<Complex64>(&[2, 1]).unwrap(),
        Complex64::new(9.0, 1.0)
    );
    assert_eq!(
        c.item::<Complex64>(&[1, 2]).unwrap(),
        Complex64::new(5.0, 0.0)
    );
    let c = array::concatenate(&[&a, &a.slice(&[Idx::ALL, Idx::step(-1)]).unwrap()], -1).unwrap();
    assert_eq!(fv(&c), vec![0., 1., 2., 2., 1., 0., 3., 4., 5., 5., 4., 3.]);
    // Memory order: all-F inputs give F; mixed give C (NumPy's rule).
    let f = a.asfortranarray().unwrap();
    assert_eq!(
        array::concatenate(&[&f, &f], 0).unwrap().strides(),
        &[8, 32]
    );
    assert_eq!(
        array::concatenate(&[&f, &a], 0).unwrap().strides(),
        &[24, 8]
    );
    let e = array::zeros(&[0, 3], DType::F64).unwrap();
    assert_eq!(fv(&array::concatenate(&[&e, &a, &e], 0).unwrap()), fv(&a));
    // Errors.
    assert!(matches!(
        array::concatenate(&[], 0),
        Err(Error::Empty { .. })
    ));
    let s = array::from_scalar(1.0f64);
    assert!(matches!(
        array::concatenate(&[&s, &s], 0),
        Err(Error::TooFewDimensions { .. })
    ));
    assert!(matches!(
        array::concatenate(&[&a, &a], 2),
        Err(Error::AxisOutOfRange { .. })
    ));
    let e = array::concatenate(&[&a, &base(&[2, 2])], 0).unwrap_err();
    assert!(matches!(
        e,
        Error::ConcatenateMismatch {
            dim: 1,
            index: 1,
            expected: 3,
            got: 2,
            ..
        }
    ));
    assert!(
        e.to_string().contains(
            "along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2"
        ),
        "{e}"
    );
    assert!(matches!(
        array::concatenate(&[&a, &base(&[6])], 0),
        Err(Error::ShapeMismatch { .. })
    ));

    // stack: NumPy's np.stack([a, a], axis=1).strides == (48, 24, 8).
    let st = array::stack(&[&a, &a], 1).unwrap();
    assert_eq!(
        (st.shape(), st.strides()),
        (&[2usize, 2, 3][..], &[48isize, 24, 8][..])
    );
    assert_eq!(fv(&st)[..6], [0., 1., 2., 0., 1., 2.]);
    let st = array::stack(&[&a, &a, &a], -1).unwrap();
    assert_eq!(st.shape(), &[2, 3, 3]);
    assert_eq!(st.item::<f64>(&[1, 2, 0]).unwrap(), 5.0);
    let st = array::stack(&[&s, &s], 0).unwrap();
    assert_eq!(fv(&st), vec![1.0, 1.0]);
    let e = array::stack(&[&a, &a.t()], 0).unwrap_err();
    assert!(
        e.to_string()
            .contains("all input arrays must have the same shape"),
        "{e}"
    );
    assert!(matches!(
        array::stack(&[&a], 3),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(array::stack(&[], 0), Err(Error::Empty { .. })));
}

#[test]
fn copyto_and_fill() {
    // Broadcast a row into a strided (transposed) destination, with a cast.
    let row = array::from_vec(vec![1.0f32, 2.0, 3.0], &[3]).unwrap();
    let mut d = array::zeros(&[3, 2], DType::C128).unwrap().t();
    d.copyto(&row, Casting::SameKind).unwrap();
    assert_eq!(
        d.to_vec::<Complex64>().unwrap(),
        [1., 2., 3., 1., 2., 3.]
            .map(|x| Complex64::new(x, 0.0))
            .to_vec()
    );
    // Overlap: a[::-1] written into a reads everything first.
    let mut a = base(&[6]);
    let rev = a.slice(&[Idx::step(-1)]).unwrap();
    a.copyto(&rev, Casting::No).unwrap();
    assert_eq!(fv(&a), vec![5., 4., 3., 2., 1., 0.]);
    // Writes through a view land in the base.
    let mut v = a.slice(&[Idx::step(2)]).unwrap();
    v.fill(Complex64::new(-1.0, 0.0)).unwrap();
    assert_eq!(fv(&a), vec![-1., 4., -1., 2., -1., 0.]);
    // Errors write nothing.
    let z = array::from_vec(vec![Complex64::new(1.0, 1.0); 6], &[6]).unwrap();
    assert!(matches!(
        a.copyto(&z, Casting::SameKind),
        Err(Error::Cast { .. })
    ));
    assert!(matches!(
        a.copyto(&base(&[4]), Casting::SameKind),
        Err(Error::Broadcast { .. })
    ));
    assert!(matches!(
        a.fill(Complex64::new(0.0, 1.0)),
        Err(Error::Cast { .. })
    ));
    let mut b = a.broadcast_to(&[2, 6]).unwrap();
    assert!(matches!(
        b.copyto(&a, Casting::No),
        Err(Error::ReadOnly { .. })
    ));
    let mut small = array::from_vec(vec![0f32; 6], &[6]).unwrap();
    assert!(matches!(
        small.copyto(&a, Casting::Safe),
        Err(Error::Cast { .. })
    ));
    assert_eq!(fv(&a), vec![-1., 4., -1., 2., -1., 0.]);
    a.copyto(&z, Casting::Unsafe).unwrap();
    assert_eq!(fv(&a), vec![1.0; 6]);
    // A caller's buffer as the destination.
    let mut out = [0f64; 4];
    // SAFETY: `out` holds the four aligned f64s the 2 × 2 strides reach, and is
    // not touched until `o` is dropped.
    let mut o = unsafe {
        NdArray::from_raw_parts(
            out.as_mut_ptr() as *mut u8,
            DType::F64,
            &[2, 2],
            &[8, 16],
            false,
            None,
        )
    }
    .unwrap();
    o.copyto(&base(&[2, 2]), Casting::No).unwrap();
    drop(o);
    assert_eq!(out, [0., 2., 1., 3.]);
}
