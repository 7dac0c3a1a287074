//! `NdArray::item_c128` / `set_item_c128`: one element as complex128 for
//! every dtype, in every layout, with the errors of `item`/`set_item`.

use lapis::array::{self, Idx, MemOrder};
use lapis::{Complex64, DType, Error};

const DTYPES: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];

/// 3×4 array with element (i, j) = 4i + j (and imaginary part -(4i + j)
/// for complex dtypes), in C order.
fn counting(dtype: DType) -> array::NdArray {
    let mut a = array::zeros(&[3, 4], dtype).unwrap();
    for i in 0..3isize {
        for j in 0..4isize {
            let v = (4 * i + j) as f64;
            let im = if dtype.is_complex() { -v } else { 0.0 };
            a.set_item_c128(&[i, j], Complex64::new(v, im)).unwrap();
        }
    }
    a
}

#[test]
fn reads_every_dtype_and_layout() {
    for dt in DTYPES {
        let a = counting(dt);
        let f = a.copy(MemOrder::F).unwrap();
        let t = a.t();
        let r = a.slice(&[Idx::step(-1), Idx::step(-2)]).unwrap(); // a[::-1, ::-2]
        for i in 0..3isize {
            for j in 0..4isize {
                let v = (4 * i + j) as f64;
                let want = Complex64::new(v, if dt.is_complex() { -v } else { 0.0 });
                assert_eq!(a.item_c128(&[i, j]).unwrap(), want, "{dt:?}");
                assert_eq!(f.item_c128(&[i, j]).unwrap(), want);
                assert_eq!(t.item_c128(&[j, i]).unwrap(), want);
                assert_eq!(a.item_c128(&[i - 3, j - 4]).unwrap(), want); // negative
                if j % 2 == 1 {
                    assert_eq!(r.item_c128(&[2 - i, (3 - j) / 2]).unwrap(), want);
                }
            }
        }
    }
}

#[test]
fn writes_round_to_the_dtype_and_go_through_views() {
    for dt in DTYPES {
        let a = array::zeros(&[2, 3], dt).unwrap();
        let mut t = a.t();
        let z = Complex64::new(0.1, if dt.is_complex() { 0.2 } else { 0.0 });
        t.set_item_c128(&[2, 1], z).unwrap();
        let got = a.item_c128(&[1, 2]).unwrap();
        match dt {
            DType::F32 | DType::C64 => {
                assert_eq!(got.re, 0.1f32 as f64);
                assert_eq!(got.im, z.im as f32 as f64);
            }
            _ => assert_eq!(got, z),
        }
        // Everything else stays zero.
        assert_eq!(a.item_c128(&[0, 0]).unwrap(), Complex64::new(0.0, 0.0));
    }
}

#[test]
fn errors() {
    for dt in DTYPES {
        let mut a = counting(dt);
        assert!(matches!(
            a.item_c128(&[3, 0]),
            Err(Error::IndexOutOfRange { .. })
        ));
        assert!(matches!(
            a.item_c128(&[0]),
            Err(Error::DimensionMismatch { .. })
        ));
        assert!(matches!(
            a.set_item_c128(&[0, 4], Complex64::new(1.0, 0.0)),
            Err(Error::IndexOutOfRange { .. })
        ));
        let r = a.set_item_c128(&[0, 1], Complex64::new(5.0, 1.0));
        if dt.is_complex() {
            r.unwrap();
            assert_eq!(a.item_c128(&[0, 1]).unwrap(), Complex64::new(5.0, 1.0));
        } else {
            assert!(matches!(r, Err(Error::Cast { .. })));
            assert_eq!(a.item_c128(&[0, 1]).unwrap().re, 1.0); // untouched
        }
        let mut b = a.broadcast_to(&[2, 3, 4]).unwrap(); // read-only
        assert!(matches!(
            b.set_item_c128(&[0, 0, 0], Complex64::new(1.0, 0.0)),
            Err(Error::ReadOnly { .. })
        ));
    }
}

#[test]
fn zero_d() {
    let mut s = array::from_scalar(Complex64::new(3.0, 4.0));
    assert_eq!(s.item_c128(&[]).unwrap(), Complex64::new(3.0, 4.0));
    s.set_item_c128(&[], Complex64::new(-1.0, 0.5)).unwrap();
    assert_eq!(s.item_c128(&[]).unwrap(), Complex64::new(-1.0, 0.5));
}
