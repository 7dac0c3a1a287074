//! Random fills of dynamic arrays give the typed fills' values, whatever the
//! dtype and memory order, and refuse read-only arrays.

use lapis::array::random::Generator;
use lapis::array::{MemOrder, zeros_order};
use lapis::{Complex32, Complex64, DType, Error, Scalar};
use ndarray::ArrayD;

fn same_as_typed<T: Scalar>() {
    let shape = [3usize, 5, 4];
    for order in [MemOrder::C, MemOrder::F] {
        let mut g = Generator::new(7).stream(3);
        let mut nd = zeros_order(&shape, T::DTYPE, order).unwrap();
        g.fill_standard_normal_nd(&mut nd).unwrap();
        let mut h = Generator::new(7).stream(3);
        let want: ArrayD<T> = h.standard_normal::<T, _>(ndarray::IxDyn(&shape)).unwrap();
        let got = nd.to_ndarray::<T>().unwrap();
        assert_eq!(got, want, "{:?} {order:?}", T::DTYPE);
        assert_eq!(g.position(), h.position());
    }
}

#[test]
fn nd_fills_match_typed_fills() {
    same_as_typed::<f32>();
    same_as_typed::<f64>();
    same_as_typed::<Complex32>();
    same_as_typed::<Complex64>();
}

#[test]
fn constructors_and_errors() {
    let mut g = Generator::new(1);
    let u = g.uniform_nd(2.0, 3.0, &[1000], DType::F64).unwrap();
    let v = u.to_vec::<f64>().unwrap();
    assert!(v.iter().all(|&x| (2.0..3.0).contains(&x)));
    let n = g.normal_nd(10.0, 0.0, &[4], DType::C128).unwrap();
    assert!(
        n.to_vec::<Complex64>()
            .unwrap()
            .iter()
            .all(|&z| z == Complex64::new(10.0, 0.0))
    );
    let r = g.random_nd(&[2, 2], DType::F32).unwrap();
    assert!(
        r.to_vec::<f32>()
            .unwrap()
            .iter()
            .all(|&x| (0.0..1.0).contains(&x))
    );

    let mut ro = zeros_order(&[3], DType::F64, MemOrder::C).unwrap();
    ro.set_readonly();
    let pos = g.position();
    assert!(matches!(
        g.fill_random_nd(&mut ro),
        Err(Error::ReadOnly { .. })
    ));
    assert_eq!(
        g.position(),
        pos,
        "a refused fill does not advance the stream"
    );
    assert_eq!(ro.to_vec::<f64>().unwrap(), vec![0.0; 3]);
    let mut w = zeros_order(&[3], DType::F64, MemOrder::F).unwrap();
    assert!(matches!(
        g.fill_normal_nd(&mut w, 0.0, -1.0),
        Err(Error::InvalidArgument { .. })
    ));
}
