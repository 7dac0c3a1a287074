//! Creation functions against NumPy 2.4: values bit for bit (arange,
//! linspace, logspace, geomspace, eye), layouts of the `*_like` variants,
//! zero-copy construction from Rust data, and the errors.

mod common;

use lapis::array::{self, Idx, MAX_DIMS, MemOrder, NdArray};
use lapis::{Complex32, Complex64, DType, Error, Scalar};
use ndarray::{Array2, ArrayD, IxDyn, ShapeBuilder};

/// The values as `f64` (real parts), whatever the dtype.
fn as_f64(a: &NdArray) -> Vec<f64> {
    lapis::dispatch_dtype!(a.dtype(), T => a
        .to_vec::<T>()
        .unwrap()
        .into_iter()
        .map(|x| lapis::RealScalar::to_f64_real(x.re()))
        .collect())
}

#[test]
fn sequences_match_numpy_bit_for_bit() {
    use array::{arange, geomspace, linspace, logspace};
    // Expected: NumPy's values, as f64 bit patterns (float32 results widened).
    let cases: Vec<(Result<NdArray, Error>, Vec<u64>)> = vec![
        (
            arange(0.1, 1.0, 0.1, DType::F64),
            vec![
                0x3fb999999999999a,
                0x3fc999999999999a,
                0x3fd3333333333334,
                0x3fd999999999999a,
                0x3fe0000000000000,
                0x3fe3333333333333,
                0x3fe6666666666667,
                0x3fe999999999999a,
                0x3feccccccccccccd,
            ],
        ),
        (
            arange(0.1, 1.0, 0.1, DType::F32),
            vec![
                0x3fb99999a0000000,
                0x3fc99999a0000000,
                0x3fd3333340000000,
                0x3fd99999a0000000,
                0x3fe0000000000000,
                0x3fe3333340000000,
                0x3fe6666680000000,
                0x3fe99999a0000000,
                0x3feccccce0000000,
            ],
        ),
        (
            arange(10.0, 0.0, -3.0, DType::F64),
            vec![
                0x4024000000000000,
                0x401c000000000000,
                0x4010000000000000,
                0x3ff0000000000000,
            ],
        ),
        (
            linspace(0.0, 1.0, 7, true, DType::F64),
            vec![
                0x0000000000000000,
                0x3fc5555555555555,
                0x3fd5555555555555,
                0x3fe0000000000000,
                0x3fe5555555555555,
                0x3feaaaaaaaaaaaaa,
                0x3ff0000000000000,
            ],
        ),
        (
            linspace(2.0, 3.0, 5, false, DType::F64),
            vec![
                0x4000000000000000,
                0x400199999999999a,
                0x4003333333333333,
                0x4004cccccccccccd,
                0x4006666666666666,
            ],
        ),
        (
            linspace(-1.5, 7.25, 9, true, DType::F32),
            vec![
                0xbff8000000000000,
                0xbfda000000000000,
                0x3fe6000000000000,
                0x3ffc800000000000,
                0x4007000000000000,
                0x400fc00000000000,
                0x4014400000000000,
                0x4018a00000000000,
                0x401d000000000000,
            ],
        ),
        (
            linspace(1e-320, 2e-320, 3, true, DType::F64),
            vec![0x00000000000007e8, 0x0000000000000bdc, 0x0000000000000fd0],
        ),
        (
            linspace(0.1, 0.7, 4, true, DType::F32),
            vec![
                0x3fb99999a0000000,
                0x3fd3333340000000,
                0x3fe0000000000000,
                0x3fe6666660000000,
            ],
        ),
        (
            logspace(0.0, 3.0, 4, true, 10.0, DType::F64),
            vec![
                0x3ff0000000000000,
                0x4024000000000000,
                0x4059000000000000,
                0x408f400000000000,
            ],
        ),
        (
            logspace(0.0, 1.0, 5, true, 2.0, DType::F64),
            vec![
                0x3ff0000000000000,
                0x3ff306fe0a31b715,
                0x3ff6a09e667f3bcd,
                0x3ffae89f995ad3ad,
                0x4000000000000000,
            ],
        ),
        (
            logspace(1.0, 2.0, 3, false, 10.0, DType::F64),
            vec![0x4024000000000000, 0x40358b5a51868c61, 0x4047353bd4393a73],
        ),
        (
            geomspace(1.0, 1000.0, 4, true, DType::F64),
            vec![
                0x3ff0000000000000,
                0x4024000000000000,
                0x4059000000000000,
                0x408f400000000000,
            ],
        ),
        (
            geomspace(-1.0, -1000.0, 4, true, DType::F64),
            vec![
                0xbff0000000000000,
                0xc024000000000000,
                0xc059000000000000,
                0xc08f400000000000,
            ],
        ),
        (
            geomspace(2.0, 50.0, 6, false, DType::F64),
            vec![
                0x4000000000000000,
                0x400b5c0fbcfec4d4,
                0x401764636974629b,
                0x4024000000000000,
                0x40311989d61f3b02,
                0x403d3d7c43d17b41,
            ],
        ),
        (
            geomspace(3.0, 7.0, 5, true, DType::F32),
            vec![
                0x4008000000000000,
                0x400da98f40000000,
                0x4012548ec0000000,
                0x4016a7ad40000000,
                0x401c000000000000,
            ],
        ),
    ];
    for (k, (got, want)) in cases.into_iter().enumerate() {
        let got = got.unwrap();
        let bits: Vec<u64> = as_f64(&got).iter().map(|x| x.to_bits()).collect();
        assert_eq!(bits, want, "case {k}: {:?}", as_f64(&got));
        assert!(got.owns_data() && got.is_c_contiguous() && got.ndim() == 1);
    }
    // Edge cases: NumPy gives [5.], [0.], shape (0,) and empty aranges.
    assert_eq!(
        as_f64(&linspace(5.0, 5.0, 1, true, DType::F64).unwrap()),
        vec![5.0]
    );
    assert_eq!(
        as_f64(&linspace(0.0, 1.0, 1, false, DType::F64).unwrap()),
        vec![0.0]
    );
    assert_eq!(
        linspace(0.0, 1.0, 0, true, DType::F64).unwrap().shape(),
        &[0]
    );
    assert_eq!(arange(3.0, 1.0, 1.0, DType::F64).unwrap().shape(), &[0]);
    assert_eq!(arange(0.0, 1.0, 1.0, DType::F64).unwrap().shape(), &[1]);
    // Complex dtypes get zero imaginary parts.
    let c = linspace(0.0, 2.0, 3, true, DType::C64).unwrap();
    assert_eq!(
        c.to_vec::<Complex32>().unwrap(),
        vec![
            Complex32::new(0.0, 0.0),
            Complex32::new(1.0, 0.0),
            Complex32::new(2.0, 0.0)
        ]
    );
    // Errors.
    assert!(matches!(
        arange(0.0, 1.0, 0.0, DType::F64),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        arange(0.0, f64::INFINITY, 1.0, DType::F64),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        arange(0.0, f64::NAN, 1.0, DType::F64),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        arange(0.0, 1e300, 1.0, DType::F64),
        Err(Error::SizeOverflow { .. })
    ));
    assert!(matches!(
        geomspace(0.0, 1.0, 3, true, DType::F64),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(matches!(
        geomspace(-1.0, 1.0, 3, true, DType::F64),
        Err(Error::InvalidArgument { .. })
    ));
}

fn fills<T: Scalar>() {
    let d = T::DTYPE;
    let z = array::zeros(&[3, 5], d).unwrap();
    assert_eq!(z.to_vec::<T>().unwrap(), vec![T::zero(); 15]);
    assert!(z.owns_data() && z.is_writable() && z.is_c_contiguous() && z.is_lapis_allocated());
    assert_eq!(z.data_ptr() as usize % std::mem::align_of::<T>(), 0);
    assert_eq!(
        z.strides(),
        &[5 * d.itemsize() as isize, d.itemsize() as isize]
    );
    let f = array::zeros_order(&[3, 5], d, MemOrder::F).unwrap();
    assert!(f.is_f_contiguous() && !f.is_c_contiguous());
    assert_eq!(
        array::ones(&[2, 2], d).unwrap().to_vec::<T>().unwrap(),
        vec![T::one(); 4]
    );
    assert_eq!(array::empty(&[0, 4], d).unwrap().size(), 0);
    let v = T::from_f64(2.5);
    assert_eq!(
        array::full(&[4], v).unwrap().to_vec::<T>().unwrap(),
        vec![v; 4]
    );
    assert_eq!(array::full(&[], v).unwrap().item::<T>(&[]).unwrap(), v);
    let e = array::eye(3, Some(4), 1, d).unwrap();
    let want = Array2::from_shape_fn(
        (3, 4),
        |(i, j)| if j == i + 1 { T::one() } else { T::zero() },
    );
    assert_eq!(e.to_ndarray::<T>().unwrap(), want.into_dyn());
    let e = array::eye(3, Some(2), -1, d).unwrap();
    assert_eq!(
        e.to_vec::<T>().unwrap(),
        [0, 0, 1, 0, 0, 1].map(|x| T::from_f64(x as f64)).to_vec()
    );
    assert_eq!(
        array::eye(2, None, 5, d).unwrap().to_vec::<T>().unwrap(),
        vec![T::zero(); 4]
    );
    assert_eq!(
        array::eye(2, None, isize::MIN, d)
            .unwrap()
            .to_vec::<T>()
            .unwrap(),
        vec![T::zero(); 4]
    );
    let i = array::identity(3, d).unwrap();
    assert_eq!(
        i.diagonal(0, 0, 1).unwrap().to_vec::<T>().unwrap(),
        vec![T::one(); 3]
    );
}
all_dtypes!(fills);

#[test]
fn like_variants_keep_the_layout() {
    let base = array::arange(0.0, 24.0, 1.0, DType::F64)
        .unwrap()
        .reshape(&[2, 3, 4])
        .unwrap();
    // A permuted, stepped, reversed prototype: NumPy's order K gives
    // strides sorted like the prototype's, positive, without gaps.
    let p = base
        .permute_axes(&[1, 0, 2])
        .unwrap()
        .slice(&[Idx::ALL, Idx::ALL, Idx::step(-2)])
        .unwrap();
    assert_eq!(p.strides(), &[32, 96, -16]);
    let z = array::zeros_like(&p, None).unwrap();
    assert_eq!(z.shape(), &[3, 2, 2]);
    assert_eq!(z.strides(), &[16, 48, 8]);
    assert_eq!(z.to_vec::<f64>().unwrap(), vec![0.0; 12]);
    let o = array::ones_like(&base.t(), Some(DType::C64)).unwrap();
    assert!(o.is_f_contiguous() && o.dtype() == DType::C64);
    assert_eq!(
        o.to_vec::<Complex32>().unwrap(),
        vec![Complex32::new(1.0, 0.0); 24]
    );
    let f = array::full_like(&base, Complex64::new(0.0, 2.0), Some(DType::C128)).unwrap();
    assert_eq!(
        f.item::<Complex64>(&[1, 2, 3]).unwrap(),
        Complex64::new(0.0, 2.0)
    );
    assert!(matches!(
        array::full_like(&base, Complex64::new(0.0, 2.0), None),
        Err(Error::Cast { .. })
    ));
    let e = array::empty_like(&base, Some(DType::F32)).unwrap();
    assert_eq!(
        (e.dtype(), e.strides()),
        (DType::F32, &[48isize, 16, 4][..])
    );
}

#[test]
fn from_rust_data_without_copies() {
    let v: Vec<f64> = (0..6).map(f64::from).collect();
    let p = v.as_ptr() as *const u8;
    let a = array::from_vec(v, &[2, 3]).unwrap();
    assert_eq!(a.data_ptr(), p, "from_vec must not copy");
    assert!(a.owns_data() && a.is_c_contiguous());
    assert_eq!(a.item::<f64>(&[1, 0]).unwrap(), 3.0);
    assert!(matches!(
        array::from_vec(vec![1.0f32; 5], &[2, 3]),
        Err(Error::ReshapeSize { size: 5, .. })
    ));
    let s = array::from_slice(&[Complex64::new(1.0, 2.0)], &[1, 1]).unwrap();
    assert_eq!(
        s.item::<Complex64>(&[0, 0]).unwrap(),
        Complex64::new(1.0, 2.0)
    );
    let e = array::from_vec(Vec::<f32>::new(), &[0, 7]).unwrap();
    assert_eq!(e.size(), 0);

    // ndarray arrays move in whatever their strides.
    let m = Array2::from_shape_fn((3, 4).f(), |(i, j)| (10 * i + j) as f32);
    let moved = m.clone();
    let p = moved.as_ptr() as *const u8;
    let a = array::from_ndarray(moved).unwrap();
    assert_eq!(a.data_ptr(), p);
    assert_eq!(a.strides(), &[4, 12]);
    assert_eq!(a.to_ndarray::<f32>().unwrap(), m.clone().into_dyn());
    let mut r = m.clone();
    r.invert_axis(ndarray::Axis(0));
    let want = r.clone().into_dyn();
    let first = r.as_ptr() as *const u8;
    let a = array::from_ndarray(r).unwrap();
    assert_eq!(a.data_ptr(), first);
    assert_eq!(a.strides(), &[-4, 12]);
    assert_eq!(a.to_ndarray::<f32>().unwrap(), want);
    let sliced = m.slice_move(ndarray::s![1.., ..;2]);
    let a = array::from_ndarray(sliced.clone()).unwrap();
    assert_eq!(a.to_ndarray::<f32>().unwrap(), sliced.into_dyn());
    let d = ArrayD::<Complex32>::zeros(IxDyn(&[2, 0, 3]));
    assert_eq!(array::from_ndarray(d).unwrap().shape(), &[2, 0, 3]);
    let big = ArrayD::<f64>::zeros(IxDyn(&[1; MAX_DIMS + 1]));
    assert!(matches!(
        array::from_ndarray(big),
        Err(Error::TooManyDimensions { .. })
    ));
}

#[test]
fn size_errors_are_checked() {
    for d in DType::ALL {
        let e = array::zeros(&[usize::MAX / 2, 3], d).unwrap_err();
        assert!(matches!(e, Error::SizeOverflow { .. }), "{e}");
        assert!(e.to_string().contains("too big"));
        // The product of the non-zero lengths must fit even with a zero length.
        assert!(matches!(
            array::zeros(&[0, usize::MAX, 2], d),
            Err(Error::SizeOverflow { .. })
        ));
        assert!(array::zeros(&[0, 1 << 40], d).is_ok());
        // Bytes (not elements) past isize::MAX.
        let n = isize::MAX as usize / d.itemsize() + 1;
        assert!(matches!(
            array::ones(&[n], d),
            Err(Error::SizeOverflow { .. })
        ));
        assert!(matches!(
            array::zeros(&[1; MAX_DIMS + 1], d),
            Err(Error::TooManyDimensions {
                ndim: 33,
                max: 32,
                ..
            })
        ));
        assert_eq!(array::zeros(&[1; MAX_DIMS], d).unwrap().ndim(), MAX_DIMS);
    }
    assert!(matches!(
        array::full_as(&[2], Complex64::new(1.0, 1.0), DType::F64),
        Err(Error::Cast { .. })
    ));
    let e = array::eye(usize::MAX, None, 0, DType::F64).unwrap_err();
    assert!(matches!(e, Error::SizeOverflow { .. }));
    let e = array::linspace(0.0, 1.0, usize::MAX, true, DType::F64).unwrap_err();
    assert!(matches!(e, Error::SizeOverflow { .. }));
}
