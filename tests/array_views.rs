//! Views of `NdArray` against NumPy's documented semantics: shapes, byte
//! strides, data-pointer offsets (which operations copy), flags, negative
//! strides and zero-size axes, for all four dtypes. Expected values were
//! produced by NumPy 2.4 on the same expressions.

mod common;

use lapis::array::{self, Idx, MAX_DIMS, NdArray};
use lapis::{Complex32, Complex64, DType, Error, RealScalar, Scalar};

/// The value stored at linear position `k` of a test base: `k` (and `-k`
/// as imaginary part for complex types, so real and imag differ).
fn val<T: Scalar>(k: usize) -> T {
    let r = <T::Real as RealScalar>::from_f64_real(k as f64);
    T::from_parts(r, -r)
}

/// A C-order base of `shape` holding `val(0), val(1), …`.
fn base<T: Scalar>(shape: &[usize]) -> NdArray {
    let n: usize = shape.iter().product();
    array::from_vec((0..n).map(val::<T>).collect(), shape).unwrap()
}

fn vals<T: Scalar>(ks: &[usize]) -> Vec<T> {
    ks.iter().map(|&k| val::<T>(k)).collect()
}

fn offset(v: &NdArray, a: &NdArray) -> isize {
    v.data_ptr() as isize - a.data_ptr() as isize
}

/// Byte strides of a (2, 3, 4) C array in units of the itemsize.
fn scaled(strides: &[isize], item: usize) -> Vec<isize> {
    strides.iter().map(|s| s * item as isize / 8).collect()
}

fn slicing<T: Scalar>() {
    let a = base::<T>(&[2, 3, 4]);
    let it = T::DTYPE.itemsize();
    assert_eq!(a.strides(), scaled(&[96, 32, 8], it).as_slice());
    assert!(a.owns_data() && a.is_c_contiguous() && !a.is_f_contiguous());
    // (index, shape, NumPy strides for f64, NumPy data offset for f64, first values)
    let s = Idx::slice;
    type Case = (Vec<Idx>, Vec<usize>, Vec<isize>, isize, Vec<usize>);
    let cases: Vec<Case> = vec![
        (
            vec![(1..).into(), Idx::step(-2)],
            vec![1, 2, 4],
            vec![96, -64, 8],
            160,
            vec![20, 21, 22, 23, 12, 13, 14, 15],
        ),
        (
            vec![Idx::Ellipsis, Idx::step(-1), 1.into()],
            vec![2, 3],
            vec![96, -32],
            72,
            vec![9, 5, 1, 21, 17, 13],
        ),
        (
            vec![Idx::NewAxis, 0.into(), Idx::ALL, Idx::NewAxis],
            vec![1, 3, 1, 4],
            vec![0, 32, 0, 8],
            0,
            (0..12).collect(),
        ),
        (
            vec![(-1).into(), s(Some(5), Some(0), -2), s(Some(-3), None, 1)],
            vec![1, 3],
            vec![-64, 8],
            168,
            vec![21, 22, 23],
        ),
        (
            vec![Idx::ALL, (10..).into(), Idx::ALL],
            vec![2, 0, 4],
            vec![96, 32, 8],
            0,
            vec![],
        ),
        (
            vec![Idx::Ellipsis, Idx::NewAxis],
            vec![2, 3, 4, 1],
            vec![96, 32, 8, 0],
            0,
            (0..24).collect(),
        ),
        // Python clipping: -100:100 is the whole axis, 100: is empty.
        (
            vec![s(Some(-100), Some(100), 3)],
            vec![1, 3, 4],
            vec![288, 32, 8],
            0,
            (0..12).collect(),
        ),
        (
            vec![Idx::ALL, Idx::ALL, s(Some(100), None, -1)],
            vec![2, 3, 4],
            vec![96, 32, -8],
            24,
            vec![3, 2, 1, 0, 7, 6, 5, 4],
        ),
    ];
    for (idx, shape, strides, off, first) in cases {
        let v = a.slice(&idx).unwrap();
        assert_eq!(v.shape(), shape.as_slice(), "{idx:?}");
        assert_eq!(v.strides(), scaled(&strides, it).as_slice(), "{idx:?}");
        assert_eq!(offset(&v, &a), off * it as isize / 8, "{idx:?}");
        assert!(!v.owns_data() && v.is_writable() && v.shares_buffer(&a));
        let got = v.to_vec::<T>().unwrap();
        assert_eq!(
            &got[..first.len().min(got.len())],
            vals::<T>(&first).as_slice(),
            "{idx:?}"
        );
        assert_eq!(got.len(), v.size());
    }
    // Slicing a slice, and the zero-size result of an empty slice.
    let v = a.slice(&[Idx::ALL, Idx::step(-1)]).unwrap();
    let w = v.slice(&[Idx::ALL, (3..).into()]).unwrap();
    assert_eq!(w.shape(), &[2, 0, 4]);
    assert_eq!(offset(&w, &a), 64 * it as isize / 8);
    assert!(w.is_c_contiguous() && w.is_f_contiguous());
    assert_eq!(
        a.slice(&[0.into(), 1.into(), (2..).into()])
            .unwrap()
            .to_vec::<T>()
            .unwrap(),
        vals::<T>(&[6, 7])
    );
    // index_axis: a[:, 2].
    let r = a.index_axis(1, 2).unwrap();
    assert_eq!(r.shape(), &[2, 4]);
    assert_eq!(
        r.to_vec::<T>().unwrap(),
        vals::<T>(&[8, 9, 10, 11, 20, 21, 22, 23])
    );
    // 0-d results and 0-d arrays.
    let e = a.slice(&[1.into(), 2.into(), 3.into()]).unwrap();
    assert_eq!(e.ndim(), 0);
    assert_eq!(e.item::<T>(&[]).unwrap(), val::<T>(23));
    assert_eq!(e.slice(&[Idx::Ellipsis]).unwrap().ndim(), 0);
    assert_eq!(e.slice(&[Idx::NewAxis]).unwrap().shape(), &[1]);
}
all_dtypes!(slicing);

#[test]
fn slicing_errors_leave_arrays_alone() {
    let a = base::<f64>(&[2, 3]);
    let before = (a.shape().to_vec(), a.strides().to_vec(), a.data_ptr());
    assert!(matches!(
        a.slice(&[Idx::ALL, Idx::step(0)]),
        Err(Error::ZeroStep { position: 1 })
    ));
    assert!(matches!(
        a.slice(&[2.into()]),
        Err(Error::IndexOutOfRange {
            index: 2,
            axis: 0,
            size: 2
        })
    ));
    assert!(matches!(
        a.slice(&[Idx::ALL, (-4).into()]),
        Err(Error::IndexOutOfRange {
            index: -4,
            axis: 1,
            size: 3
        })
    ));
    let e = a.slice(&[0.into(), 0.into(), 0.into()]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "too many indices for array: array is 2-dimensional, but 3 were indexed"
    );
    assert!(matches!(
        a.slice(&[Idx::Ellipsis, Idx::Ellipsis]),
        Err(Error::InvalidArgument { .. })
    ));
    let many = vec![Idx::NewAxis; MAX_DIMS];
    assert!(matches!(
        a.slice(&many),
        Err(Error::TooManyDimensions { .. })
    ));
    assert!(matches!(
        a.index_axis(2, 0),
        Err(Error::AxisOutOfRange {
            axis: 2,
            ndim: 2,
            ..
        })
    ));
    assert_eq!(
        (a.shape().to_vec(), a.strides().to_vec(), a.data_ptr()),
        before
    );
    assert_eq!(
        a.to_vec::<f64>().unwrap(),
        (0..6).map(|k| k as f64).collect::<Vec<_>>()
    );
}

fn axis_permutations<T: Scalar>() {
    let a = base::<T>(&[2, 3, 4]);
    let it = T::DTYPE.itemsize();
    let t = a.t();
    assert_eq!(t.shape(), &[4, 3, 2]);
    assert_eq!(t.strides(), scaled(&[8, 32, 96], it).as_slice());
    assert!(t.is_f_contiguous() && !t.is_c_contiguous());
    assert_eq!(t.item::<T>(&[3, 2, 1]).unwrap(), val::<T>(23));
    let p = a.permute_axes(&[2, 0, 1]).unwrap();
    assert_eq!(p.strides(), scaled(&[8, 96, 32], it).as_slice());
    let p = a.permute_axes(&[-1, 0, -2]).unwrap();
    assert_eq!(p.shape(), &[4, 2, 3]);
    let m = a.moveaxis(0, -1).unwrap();
    assert_eq!(m.shape(), &[3, 4, 2]);
    assert_eq!(m.strides(), scaled(&[32, 8, 96], it).as_slice());
    let m = a.moveaxes(&[0, 1], &[-1, 0]).unwrap();
    assert_eq!(m.shape(), &[3, 4, 2]);
    assert_eq!(m.strides(), scaled(&[32, 8, 96], it).as_slice());
    let s = a.swapaxes(0, -1).unwrap();
    assert_eq!(s.shape(), &[4, 3, 2]);
    for v in [&t, &p, &m, &s] {
        assert_eq!(v.data_ptr(), a.data_ptr());
        assert!(!v.owns_data() && v.is_writable());
    }
    assert!(matches!(
        a.permute_axes(&[0, 1]),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        a.permute_axes(&[0, 1, 1]),
        Err(Error::RepeatedAxis { .. })
    ));
    assert!(matches!(
        a.permute_axes(&[0, 1, 3]),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        a.swapaxes(0, 3),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        a.moveaxis(-4, 0),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        a.moveaxes(&[0, 0], &[1, 2]),
        Err(Error::RepeatedAxis { .. })
    ));
    assert!(matches!(
        a.moveaxes(&[0], &[1, 2]),
        Err(Error::InvalidArgument { .. })
    ));
}
all_dtypes!(axis_permutations);

fn broadcast_squeeze_expand<T: Scalar>() {
    let it = T::DTYPE.itemsize() as isize;
    let a = base::<T>(&[3]);
    let b = a.broadcast_to(&[2, 4, 3]).unwrap();
    assert_eq!(b.strides(), &[0, 0, it]);
    assert!(!b.is_writable() && !b.owns_data() && b.data_ptr() == a.data_ptr());
    assert_eq!(b.item::<T>(&[1, 3, 2]).unwrap(), val::<T>(2));
    let mut b2 = b.new_view();
    assert!(matches!(b2.view_mut::<T>(), Err(Error::ReadOnly { .. })));
    assert!(matches!(
        b2.set_item(&[0, 0, 0], val::<T>(1)),
        Err(Error::ReadOnly { .. })
    ));
    let col = base::<T>(&[3, 1]);
    let c = col.broadcast_to(&[3, 5]).unwrap();
    assert_eq!(c.strides(), &[it, 0]);
    assert_eq!(col.broadcast_to(&[0, 3, 0]).unwrap().size(), 0);
    let e = a.broadcast_to(&[2, 4]).unwrap_err();
    assert!(matches!(e, Error::Broadcast { .. }));
    assert!(e.to_string().contains("(3,) (2,4)"), "{e}");
    assert!(a.broadcast_to(&[]).is_err());
    assert!(matches!(
        a.broadcast_to(&[usize::MAX, 2, 3]),
        Err(Error::SizeOverflow { .. })
    ));

    let x = base::<T>(&[1, 3, 1, 2]);
    let s = x.squeeze();
    assert_eq!(s.shape(), &[3, 2]);
    assert_eq!(s.strides(), &[2 * it, it]);
    assert_eq!(x.squeeze_axes(&[0, -2]).unwrap().shape(), &[3, 2]);
    assert_eq!(x.squeeze_axes(&[2]).unwrap().shape(), &[1, 3, 2]);
    let e = x.squeeze_axes(&[1]).unwrap_err();
    assert!(matches!(e, Error::SqueezeAxis { axis: 1, size: 3 }));
    assert!(matches!(
        x.squeeze_axes(&[0, 0]),
        Err(Error::RepeatedAxis { .. })
    ));
    assert!(matches!(
        x.squeeze_axes(&[4]),
        Err(Error::AxisOutOfRange { .. })
    ));

    let y = base::<T>(&[2, 3]);
    let e = y.expand_dims(&[0]).unwrap();
    assert_eq!(e.shape(), &[1, 2, 3]);
    assert!(e.is_c_contiguous());
    let e = y.expand_dims(&[-1, 1]).unwrap();
    assert_eq!(e.shape(), &[2, 1, 3, 1]);
    // NumPy: expand_dims(ones((2,3))[:, ::2], 1).strides == (24, 32, 16) for f64.
    let z = y
        .slice(&[Idx::ALL, Idx::step(2)])
        .unwrap()
        .expand_dims(&[1])
        .unwrap();
    assert_eq!(z.strides(), &[3 * it, 4 * it, 2 * it]);
    assert!(matches!(
        y.expand_dims(&[3]),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        y.expand_dims(&[0, -4]),
        Err(Error::RepeatedAxis { .. })
    ));
    assert!(matches!(
        y.expand_dims(&[0; MAX_DIMS - 1]),
        Err(Error::TooManyDimensions { .. })
    ));
}
all_dtypes!(broadcast_squeeze_expand);

fn diagonals<T: Scalar>() {
    let it = T::DTYPE.itemsize() as isize;
    let a = base::<T>(&[3, 4]);
    let d = a.diagonal(1, 0, 1).unwrap();
    assert_eq!(d.to_vec::<T>().unwrap(), vals::<T>(&[1, 6, 11]));
    assert_eq!(d.strides(), &[5 * it]);
    assert!(!d.is_writable() && d.data_ptr() == a.data_ptr().wrapping_offset(it));
    assert_eq!(
        a.diagonal(-1, 0, 1).unwrap().to_vec::<T>().unwrap(),
        vals::<T>(&[4, 9])
    );
    assert_eq!(a.diagonal(5, 0, 1).unwrap().shape(), &[0]);
    assert_eq!(a.diagonal(-3, 0, 1).unwrap().shape(), &[0]);
    assert_eq!(a.diagonal(isize::MIN, 0, 1).unwrap().shape(), &[0]);
    assert_eq!(
        a.diagonal(0, 1, 0).unwrap().to_vec::<T>().unwrap(),
        vals::<T>(&[0, 5, 10])
    );
    let b = base::<T>(&[2, 3, 4]);
    let d = b.diagonal(0, 0, 2).unwrap();
    assert_eq!(d.shape(), &[3, 2]);
    assert_eq!(d.strides(), &[4 * it, 13 * it]);
    assert!(matches!(
        a.diagonal(0, 1, -1),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        base::<T>(&[3]).diagonal(0, 0, 1),
        Err(Error::TooFewDimensions { .. })
    ));
}
all_dtypes!(diagonals);

fn real_imag_write_through<C: Scalar>() {
    let it = C::DTYPE.itemsize() as isize;
    let mut a = base::<C>(&[2, 3]);
    let mut re = a.real();
    let mut im = a.imag();
    assert_eq!(re.dtype(), C::DTYPE.real());
    assert_eq!(re.strides(), &[3 * it, it]);
    assert_eq!(im.data_ptr(), a.data_ptr().wrapping_offset(it / 2));
    assert!(!re.is_c_contiguous() && re.is_writable() && im.is_writable());
    let r = re.to_vec::<C::Real>().unwrap();
    let i = im.to_vec::<C::Real>().unwrap();
    for k in 0..6 {
        assert_eq!(C::from_parts(r[k], i[k]), val::<C>(k));
    }
    // Writes through real and imag land in the complex array.
    re.view_mut::<C::Real>()
        .unwrap()
        .fill(<C::Real as RealScalar>::from_f64_real(7.0));
    im.set_item(&[1, 2], <C::Real as RealScalar>::from_f64_real(9.0))
        .unwrap();
    drop((re, im));
    let v = a.to_vec::<C>().unwrap();
    assert_eq!(
        v[0],
        C::from_f64(7.0) + C::from_parts(C::Real::default(), -C::Real::default())
    );
    assert_eq!(
        v[5],
        C::from_parts(
            <C::Real as RealScalar>::from_f64_real(7.0),
            <C::Real as RealScalar>::from_f64_real(9.0)
        )
    );
    // A view of a view: imag of a reversed slice.
    let w = a.slice(&[Idx::step(-1)]).unwrap().imag();
    assert_eq!(w.strides(), &[-3 * it, it]);
    assert_eq!(
        w.item::<C::Real>(&[0, 2]).unwrap(),
        <C::Real as RealScalar>::from_f64_real(9.0)
    );
    a.set_item(&[0, 0], C::zero()).unwrap();
}

#[test]
fn real_imag_complex64() {
    real_imag_write_through::<Complex32>();
}

#[test]
fn real_imag_complex128() {
    real_imag_write_through::<Complex64>();
}

#[test]
fn real_imag_of_real_arrays() {
    let a = base::<f64>(&[2, 3]);
    let r = a.real();
    assert_eq!(
        (r.dtype(), r.data_ptr(), r.is_writable()),
        (DType::F64, a.data_ptr(), true)
    );
    let i = a.imag();
    assert_eq!(i.shape(), &[2, 3]);
    assert!(!i.is_writable() && !i.shares_buffer(&a));
    assert_eq!(i.to_vec::<f64>().unwrap(), vec![0.0; 6]);
    let mut i2 = i.new_view();
    assert!(matches!(i2.view_mut::<f64>(), Err(Error::ReadOnly { .. })));
    let i32 = base::<f32>(&[4]).imag();
    assert_eq!(i32.to_vec::<f32>().unwrap(), vec![0.0; 4]);
}

fn typed_access<T: Scalar>() {
    let mut a = base::<T>(&[3, 4]);
    // dtype mismatch
    let other = if T::DTYPE == DType::F64 {
        DType::F32
    } else {
        DType::F64
    };
    let e = lapis::dispatch_dtype!(other, U => a.view::<U>().map(|_| ()).unwrap_err());
    assert!(matches!(e, Error::DTypeMismatch { .. }), "{e}");
    // Negative strides: the view shows the array's order.
    let r = a.slice(&[Idx::step(-1), Idx::step(-2)]).unwrap();
    {
        let v = r.view::<T>().unwrap();
        assert_eq!(v.shape(), &[3, 2]);
        assert_eq!(v.strides(), &[-4, -2]);
        assert_eq!(v[[0, 0]], val::<T>(11));
        assert_eq!(v[[2, 1]], val::<T>(1));
        let v2 = r.view_dim::<T, ndarray::Ix2>().unwrap();
        assert_eq!(v2[(1, 0)], val::<T>(7));
        assert!(matches!(
            r.view_dim::<T, ndarray::Ix1>(),
            Err(Error::DimensionMismatch {
                expected: 1,
                got: 2,
                ..
            })
        ));
        // Shared borrows coexist; a mutable one on the same buffer is refused.
        let mut again = a.new_view();
        assert!(matches!(
            again.view_mut::<T>(),
            Err(Error::BorrowConflict { mutably: false, .. })
        ));
    }
    {
        let mut rr = r.new_view();
        let mut w = rr.view_mut::<T>().unwrap();
        w[[0, 0]] = T::zero();
        assert!(matches!(
            r.view::<T>(),
            Err(Error::BorrowConflict { mutably: true, .. })
        ));
        assert!(matches!(
            r.copy(Default::default()),
            Err(Error::BorrowConflict { .. })
        ));
    }
    assert_eq!(a.item::<T>(&[-1, -1]).unwrap(), T::zero());
    // Typed dispatch by enum.
    let n = match a.typed().unwrap() {
        lapis::array::TypedView::F32(v) => v.len(),
        lapis::array::TypedView::F64(v) => v.len(),
        lapis::array::TypedView::C64(v) => v.len(),
        lapis::array::TypedView::C128(v) => v.len(),
    };
    assert_eq!(n, 12);
    match a.typed_mut().unwrap() {
        lapis::array::TypedViewMut::F32(mut v) => v.fill(1.0),
        lapis::array::TypedViewMut::F64(mut v) => v.fill(1.0),
        lapis::array::TypedViewMut::C64(mut v) => v.fill(Complex32::new(1.0, 0.0)),
        lapis::array::TypedViewMut::C128(mut v) => v.fill(Complex64::new(1.0, 0.0)),
    }
    assert_eq!(a.to_vec::<T>().unwrap(), vec![T::one(); 12]);
    // Zero-size views with negative strides.
    let z = a.slice(&[Idx::step(-1), (4..).into()]).unwrap();
    assert_eq!(z.view::<T>().unwrap().len(), 0);
    // Element errors.
    assert!(matches!(
        a.item::<T>(&[3, 0]),
        Err(Error::IndexOutOfRange { .. })
    ));
    assert!(matches!(
        a.item::<T>(&[0]),
        Err(Error::DimensionMismatch { .. })
    ));
    let mut ro = a.new_view();
    ro.set_readonly();
    assert!(matches!(ro.data_ptr_mut(), Err(Error::ReadOnly { .. })));
    assert!(matches!(ro.view_mut::<T>(), Err(Error::ReadOnly { .. })));
    assert!(ro.slice(&[Idx::ALL]).is_ok_and(|s| !s.is_writable()));
}
all_dtypes!(typed_access);

#[test]
fn flags_follow_numpy_definitions() {
    // Length-1 axes ignore strides; empty arrays are both contiguous.
    let a = base::<f64>(&[1, 4]);
    let odd = a.slice(&[Idx::step(5), Idx::ALL]).unwrap();
    assert!(odd.is_c_contiguous() && odd.is_f_contiguous());
    assert_eq!(odd.strides(), &[160, 8]);
    let col = base::<f64>(&[4, 1]);
    assert!(col.is_c_contiguous() && col.is_f_contiguous());
    let e = base::<f64>(&[0, 3])
        .slice(&[Idx::ALL, Idx::step(2)])
        .unwrap();
    assert!(e.is_c_contiguous() && e.is_f_contiguous());
    let s = lapis::array::from_scalar(2.5f64);
    assert!(s.is_c_contiguous() && s.is_f_contiguous());
    assert_eq!((s.ndim(), s.size(), s.nbytes()), (0, 1, 8));
    let f = base::<Complex64>(&[2, 3]).t();
    let fl = f.flags();
    assert!(fl.f_contiguous && !fl.c_contiguous && fl.writable && !fl.owns_data);
    assert_eq!((f.itemsize(), f.nbytes(), f.size()), (16, 96, 6));
    assert_eq!(f.strides_elems().unwrap(), vec![1, 3]);
    let neg = base::<f32>(&[4]).slice(&[Idx::step(-2)]).unwrap();
    assert_eq!(neg.strides_elems().unwrap(), vec![-2]);
    assert!(!neg.is_c_contiguous());
    assert!(format!("{f:?}").contains("shape: [3, 2]"));
}

#[test]
fn failed_borrows_are_released_and_display_works() {
    let mut a = base::<f64>(&[2, 2]);
    // A failed mutable view (dtype mismatch) must not leave the buffer borrowed.
    assert!(matches!(
        a.view_mut::<f32>(),
        Err(Error::DTypeMismatch { .. })
    ));
    assert!(matches!(
        a.view_mut_dim::<f64, ndarray::Ix3>(),
        Err(Error::DimensionMismatch { .. })
    ));
    assert!(a.view_mut::<f64>().is_ok());
    assert!(matches!(
        a.view::<Complex64>(),
        Err(Error::DTypeMismatch { .. })
    ));
    assert!(a.view_mut::<f64>().is_ok());
    assert_eq!(a.to_string(), "[[0, 1],\n [2, 3]]");
    let mut b = a.new_view();
    let w = b.view_mut::<f64>().unwrap();
    assert_eq!(a.to_string(), "<NdArray float64 (2,2): not viewable>");
    drop(w);
    assert_eq!(a.t().to_string(), "[[0, 2],\n [1, 3]]");
}

#[test]
fn empty_arrays_have_mutable_views() {
    for shape in [[3usize, 0], [0, 5]] {
        let mut a = lapis::array::zeros(&shape, lapis::DType::F64).unwrap();
        let v = a.view_mut::<f64>().unwrap();
        assert_eq!(v.shape(), &shape);
        assert_eq!(v.len(), 0);
    }
}
