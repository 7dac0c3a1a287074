//! The typed FFT (`lapis::fft::typed`) on `ndarray` arrays and views of
//! both complex dtypes: C and Fortran order, strided and negative-stride
//! views, 1-D to 3-D, every axis (negative ones too), `n` crop and pad,
//! every norm, the owned, `_into` and in-place forms, against a naive DFT
//! accumulated in complex128; and agreement with the dynamic `fft::fft`.

use lapis::array;
use lapis::fft::{self, Norm, typed};
use lapis::{Complex32, Complex64, Error};
use ndarray::{Array, ArrayD, ArrayRef, Axis, Dimension, IxDyn, ShapeBuilder, s};
use num_complex::Complex;

const NORMS: [Norm; 3] = [Norm::Backward, Norm::Ortho, Norm::Forward];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
    fn array(&mut self, shape: &[usize]) -> ArrayD<Complex64> {
        ArrayD::from_shape_simple_fn(IxDyn(shape), || Complex64::new(self.next(), self.next()))
    }
}

/// The two element types under test, with their tolerance.
trait Elem: Copy + Send + Sync + 'static {
    type R: typed::FftReal;
    const TOL: f64;
    fn from64(z: Complex64) -> Complex<Self::R>;
    fn to64(z: Complex<Self::R>) -> Complex64;
}
impl Elem for Complex32 {
    type R = f32;
    const TOL: f64 = 1e-5;
    fn from64(z: Complex64) -> Complex32 {
        Complex32::new(z.re as f32, z.im as f32)
    }
    fn to64(z: Complex32) -> Complex64 {
        Complex64::new(z.re as f64, z.im as f64)
    }
}
impl Elem for Complex64 {
    type R = f64;
    const TOL: f64 = 1e-12;
    fn from64(z: Complex64) -> Complex64 {
        z
    }
    fn to64(z: Complex64) -> Complex64 {
        z
    }
}

/// Naive DFT of one line cropped / zero-padded to `n`.
fn dft(x: &[Complex64], n: usize, inverse: bool) -> Vec<Complex64> {
    let sign = if inverse { 1.0 } else { -1.0 };
    (0..n)
        .map(|k| {
            let mut acc = Complex64::new(0.0, 0.0);
            for (j, &v) in x.iter().take(n).enumerate() {
                let ang = sign * 2.0 * std::f64::consts::PI * ((j * k) % n) as f64 / n as f64;
                acc += v * Complex64::new(ang.cos(), ang.sin());
            }
            acc
        })
        .collect()
}

fn scale(norm: Norm, n: usize, inverse: bool) -> f64 {
    match (norm, inverse) {
        (Norm::Ortho, _) => 1.0 / (n as f64).sqrt(),
        (Norm::Backward, true) | (Norm::Forward, false) => 1.0 / n as f64,
        _ => 1.0,
    }
}

/// The reference transform of `x` along `axis` with length `n`.
fn reference(
    x: &ArrayD<Complex64>,
    axis: usize,
    n: usize,
    inverse: bool,
    norm: Norm,
) -> ArrayD<Complex64> {
    let mut shape = x.shape().to_vec();
    shape[axis] = n;
    let mut out = ArrayD::zeros(IxDyn(&shape));
    let f = scale(norm, n, inverse);
    for (i, mut o) in x
        .lanes(Axis(axis))
        .into_iter()
        .zip(out.lanes_mut(Axis(axis)))
    {
        let line: Vec<Complex64> = i.iter().copied().collect();
        for (d, v) in o.iter_mut().zip(dft(&line, n, inverse)) {
            *d = v * f;
        }
    }
    out
}

/// Relative l2 error of `got` against `want`.
fn rel_err<T: Elem, D: Dimension>(
    got: &ArrayRef<Complex<T::R>, D>,
    want: &ArrayD<Complex64>,
) -> f64 {
    assert_eq!(got.shape(), want.shape());
    let (mut num, mut den) = (0.0, 0.0);
    for (g, w) in got.iter().zip(want.iter()) {
        num += (T::to64(*g) - w).norm_sqr();
        den += w.norm_sqr();
    }
    (num / den.max(f64::MIN_POSITIVE)).sqrt()
}

#[derive(Clone, Copy, Debug)]
enum Lay {
    C,
    F,
    Strided,
    Negative,
}
const LAYS: [Lay; 4] = [Lay::C, Lay::F, Lay::Strided, Lay::Negative];

/// Every other index along axis 0, or axis 0 reversed.
fn every_other() -> ndarray::Slice {
    ndarray::Slice::new(0, None, 2)
}
fn reversed() -> ndarray::Slice {
    ndarray::Slice::new(0, None, -1)
}

/// The array that holds `values` (in `T`) for layout `lay`; [`view_of`]
/// gives the view whose logical contents are `values`.
fn laid_out<T: Elem>(values: &ArrayD<Complex64>, lay: Lay) -> ArrayD<Complex<T::R>> {
    let conv = values.mapv(T::from64);
    match lay {
        Lay::C => conv,
        Lay::F => {
            let mut f = ArrayD::zeros(IxDyn(values.shape()).f());
            f.assign(&conv);
            f
        }
        Lay::Strided => {
            let mut shape = values.shape().to_vec();
            shape[0] *= 2;
            let mut big = ArrayD::from_elem(IxDyn(&shape), T::from64(Complex64::new(9.0, 9.0)));
            big.slice_axis_mut(Axis(0), every_other()).assign(&conv);
            big
        }
        Lay::Negative => {
            let mut r = conv.clone();
            r.assign(&conv.slice_axis(Axis(0), reversed()));
            r
        }
    }
}

fn view_of<T: Elem>(
    held: &ArrayD<Complex<T::R>>,
    lay: Lay,
) -> ndarray::ArrayViewD<'_, Complex<T::R>> {
    match lay {
        Lay::C | Lay::F => held.view(),
        Lay::Strided => held.slice_axis(Axis(0), every_other()),
        Lay::Negative => held.slice_axis(Axis(0), reversed()),
    }
}

fn view_mut_of<T: Elem>(
    held: &mut ArrayD<Complex<T::R>>,
    lay: Lay,
) -> ndarray::ArrayViewMutD<'_, Complex<T::R>> {
    match lay {
        Lay::C | Lay::F => held.view_mut(),
        Lay::Strided => held.slice_axis_mut(Axis(0), every_other()),
        Lay::Negative => held.slice_axis_mut(Axis(0), reversed()),
    }
}

/// The layout a view claims to have is the one it has.
fn check_layout<E>(lay: Lay, v: &ndarray::ArrayViewD<'_, E>) {
    let n = v.ndim();
    match lay {
        Lay::C => assert!(v.is_standard_layout()),
        Lay::F => assert!(n < 2 || v.t().is_standard_layout()),
        Lay::Strided => assert!(v.strides()[0] as usize == 2 * v.len() / v.shape()[0]),
        Lay::Negative => assert!(v.strides()[0] < 0),
    }
}

fn owned_and_into<T: Elem>() {
    let mut rng = Rng(7);
    for shape in [vec![12], vec![5, 8], vec![3, 4, 6]] {
        let x = rng.array(&shape);
        for lay in LAYS {
            let held = laid_out::<T>(&x, lay);
            let v = view_of::<T>(&held, lay);
            check_layout(lay, &v);
            for ax in 0..shape.len() {
                let len = shape[ax];
                for n in [None, Some(len + 3), Some((len / 2).max(1))] {
                    for norm in NORMS {
                        for inverse in [false, true] {
                            let nn = n.unwrap_or(len);
                            let want = reference(&x, ax, nn, inverse, norm);
                            let what = format!(
                                "{shape:?} {lay:?} axis {ax} n {n:?} {norm:?} inverse {inverse}"
                            );
                            // Owned, with the axis counted from either end.
                            for axis in [ax as isize, ax as isize - shape.len() as isize] {
                                let y = if inverse {
                                    typed::ifft(&v, n, axis, norm)
                                } else {
                                    typed::fft(&v, n, axis, norm)
                                }
                                .unwrap();
                                assert!(y.is_standard_layout(), "{what}");
                                let e = rel_err::<T, _>(&y, &want);
                                assert!(e < T::TOL, "{what}: {e}");
                            }
                            // Into an output of each layout.
                            let mut out_shape = shape.clone();
                            out_shape[ax] = nn;
                            for out_lay in LAYS {
                                let zeros = ArrayD::<Complex64>::zeros(IxDyn(&out_shape));
                                let mut out_held = laid_out::<T>(&zeros, out_lay);
                                let mut out = view_mut_of::<T>(&mut out_held, out_lay);
                                if inverse {
                                    typed::ifft_into(&v, n, ax as isize, norm, &mut out)
                                } else {
                                    typed::fft_into(&v, n, ax as isize, norm, &mut out)
                                }
                                .unwrap();
                                let e = rel_err::<T, _>(&out, &want);
                                assert!(e < T::TOL, "{what} into {out_lay:?}: {e}");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn owned_and_into_complex64() {
    owned_and_into::<Complex32>();
}

#[test]
fn owned_and_into_complex128() {
    owned_and_into::<Complex64>();
}

fn in_place<T: Elem>() {
    let mut rng = Rng(11);
    let shape = [6, 5];
    let x = rng.array(&shape);
    for lay in LAYS {
        for (ax, &len) in shape.iter().enumerate() {
            for norm in NORMS {
                for inverse in [false, true] {
                    let mut held = laid_out::<T>(&x, lay);
                    let mut v = view_mut_of::<T>(&mut held, lay);
                    if inverse {
                        typed::ifft_inplace(&mut v, ax as isize, norm)
                    } else {
                        typed::fft_inplace(&mut v, ax as isize, norm)
                    }
                    .unwrap();
                    let want = reference(&x, ax, len, inverse, norm);
                    let e = rel_err::<T, _>(&v, &want);
                    assert!(e < T::TOL, "{lay:?} axis {ax} {norm:?} {inverse}: {e}");
                }
            }
        }
    }
}

#[test]
fn in_place_complex64() {
    in_place::<Complex32>();
}

#[test]
fn in_place_complex128() {
    in_place::<Complex64>();
}

/// The typed functions on fixed-dimension arrays keep the dimension type,
/// and agree bit for bit with the dynamic `fft::fft` on the same data.
#[test]
fn typed_dimension_and_dynamic_agree() {
    let mut rng = Rng(3);
    let x: Array<Complex64, ndarray::Ix2> = rng.array(&[7, 9]).into_dimensionality().unwrap();
    let t = x.t();
    let y: Array<Complex64, ndarray::Ix2> = typed::fft(&t, Some(10), 0, Norm::Ortho).unwrap();
    assert_eq!(y.dim(), (10, 7));
    let nd = array::from_ndarray(t.to_owned()).unwrap();
    let d = fft::fft(&nd, Some(10), 0, Norm::Ortho).unwrap();
    assert_eq!(d.shape(), &[10, 7]);
    let dv = d.to_vec::<Complex64>().unwrap();
    assert_eq!(y.iter().copied().collect::<Vec<_>>(), dv);
    let x32 = x.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let y32 = typed::ifft(&x32.slice(s![..;-1, ..]), None, -1, Norm::Backward).unwrap();
    let nd32 = array::from_ndarray(x32.slice(s![..;-1, ..]).to_owned()).unwrap();
    let d32 = fft::ifft(&nd32, None, -1, Norm::Backward).unwrap();
    assert_eq!(
        y32.iter().copied().collect::<Vec<_>>(),
        d32.to_vec::<Complex32>().unwrap()
    );
}

#[test]
fn errors() {
    let x = ArrayD::<Complex64>::zeros(IxDyn(&[3, 4]));
    assert!(matches!(
        typed::fft(&x, None, 2, Norm::Backward),
        Err(Error::AxisOutOfRange {
            axis: 2,
            ndim: 2,
            ..
        })
    ));
    assert!(matches!(
        typed::fft(&x, None, -3, Norm::Backward),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        typed::ifft(&x, Some(0), 0, Norm::Backward),
        Err(Error::InvalidArgument { .. })
    ));
    let empty = ArrayD::<Complex64>::zeros(IxDyn(&[0, 4]));
    assert!(matches!(
        typed::fft(&empty, None, 0, Norm::Backward),
        Err(Error::InvalidArgument { .. })
    ));
    // Other axes empty: an empty result of the right shape.
    assert_eq!(
        typed::fft(&empty, None, 1, Norm::Backward).unwrap().shape(),
        &[0, 4]
    );
    let mut out = ArrayD::<Complex64>::from_elem(IxDyn(&[3, 5]), Complex64::new(1.0, 2.0));
    assert!(matches!(
        typed::fft_into(&x, None, 1, Norm::Backward, &mut out),
        Err(Error::OutputShape { .. })
    ));
    assert!(
        out.iter().all(|&z| z == Complex64::new(1.0, 2.0)),
        "nothing written on error"
    );
    assert!(matches!(
        typed::fft(&x, Some(usize::MAX / 4), 1, Norm::Backward),
        Err(Error::SizeOverflow { .. })
    ));
    let mut y = x.clone();
    assert!(matches!(
        typed::fft_inplace(&mut y, 5, Norm::Backward),
        Err(Error::AxisOutOfRange { .. })
    ));
}
