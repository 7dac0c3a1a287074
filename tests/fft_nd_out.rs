//! The `_out` forms of the n-d transforms (`fftn_out`, `ifftn_out`,
//! `rfftn_out`, `irfftn_out`, `fft2_out`, ...): the result written into
//! outs of every layout (C, F, sliced, strided, negative strides) equals the
//! new-array form and a naive O(n²) DFT (accumulated in complex128) for all
//! four input dtypes, with and without cropping / padding `s`; an `out`
//! sharing the input's buffer; wrong dtype / shape / read-only outs are
//! refused with errors naming what was expected and the out is untouched.
//! Tolerances: relative l2 error `16·eps·(log2 n + 1)` of the precision.

use lapis::array::{self, Casting, Idx, MemOrder, NdArray};
use lapis::fft::{self, Norm};
use lapis::{Complex64, DType, Error};
use ndarray::{ArrayD, Axis, IxDyn};

const DTYPES: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];
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

#[derive(Clone, Copy, Debug)]
enum Lay {
    C,
    F,
    Sliced,
    Strided,
    Negative,
}
const LAYS: [Lay; 5] = [Lay::C, Lay::F, Lay::Sliced, Lay::Strided, Lay::Negative];

/// An array of `dtype` and `shape` laid out as `lay`, every element `fill`
/// (also the elements of the backing array outside the view).
fn blank(shape: &[usize], dtype: DType, lay: Lay, fill: Complex64) -> NdArray {
    let full = |sh: &[usize]| {
        array::full_as(sh, fill, DType::C128)
            .unwrap()
            .astype_with(dtype, Casting::Unsafe)
            .unwrap()
    };
    let out = match lay {
        Lay::C => full(shape),
        Lay::F => full(shape).copy(MemOrder::F).unwrap(),
        Lay::Sliced => {
            let big: Vec<usize> = shape.iter().map(|n| n + 3).collect();
            let idx: Vec<Idx> = shape
                .iter()
                .map(|_| Idx::slice(Some(1), Some(-2), 1))
                .collect();
            full(&big).slice(&idx).unwrap()
        }
        Lay::Strided | Lay::Negative => {
            let big: Vec<usize> = shape.iter().map(|n| 2 * n).collect();
            let step = if matches!(lay, Lay::Strided) { 2 } else { -2 };
            let idx: Vec<Idx> = shape.iter().map(|_| Idx::step(step)).collect();
            full(&big).slice(&idx).unwrap()
        }
    };
    assert_eq!(out.shape(), shape);
    out
}

/// `values` as `dtype` (real dtypes drop the imaginary part) laid out as `lay`.
fn make(values: &ArrayD<Complex64>, dtype: DType, lay: Lay) -> NdArray {
    let src = array::from_ndarray(values.clone())
        .unwrap()
        .astype_with(dtype, Casting::Unsafe)
        .unwrap();
    let mut out = blank(values.shape(), dtype, lay, Complex64::new(1e3, -1e3));
    out.copyto(&src, Casting::No).unwrap();
    out
}

fn values(a: &NdArray) -> ArrayD<Complex64> {
    a.astype(DType::C128)
        .unwrap()
        .to_ndarray::<Complex64>()
        .unwrap()
}

fn eps(dtype: DType) -> f64 {
    match dtype {
        DType::F32 | DType::C64 => f32::EPSILON as f64,
        _ => f64::EPSILON,
    }
}

fn tol(dtype: DType, n: usize) -> f64 {
    16.0 * eps(dtype) * ((n.max(2) as f64).log2() + 1.0)
}

fn assert_close(got: &ArrayD<Complex64>, want: &ArrayD<Complex64>, tol: f64, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let err: f64 = got
        .iter()
        .zip(want.iter())
        .map(|(a, b)| (a - b).norm_sqr())
        .sum::<f64>()
        .sqrt();
    let norm: f64 = want.iter().map(|a| a.norm_sqr()).sum::<f64>().sqrt();
    assert!(
        err <= tol * norm.max(1e-300) + 1e-300,
        "{what}: relative error {:e} > {tol:e}\n got {got}\nwant {want}",
        err / norm
    );
}

fn scale(norm: Norm, n: usize, inverse_type: bool) -> f64 {
    match (norm, inverse_type) {
        (Norm::Ortho, _) => 1.0 / (n as f64).sqrt(),
        (Norm::Backward, true) | (Norm::Forward, false) => 1.0 / n as f64,
        _ => 1.0,
    }
}

/// Naive DFT of one line cropped / zero-padded to `n`.
fn dft(x: &[Complex64], n: usize, inverse: bool) -> Vec<Complex64> {
    let sign = if inverse { 1.0 } else { -1.0 };
    (0..n)
        .map(|k| {
            let mut s = Complex64::new(0.0, 0.0);
            for (j, &v) in x.iter().take(n).enumerate() {
                let ang = sign * 2.0 * std::f64::consts::PI * ((j * k) % n) as f64 / n as f64;
                s += v * Complex64::new(ang.cos(), ang.sin());
            }
            s
        })
        .collect()
}

/// `f` (line → line of length `m`) along `axis`.
fn along(
    x: &ArrayD<Complex64>,
    axis: usize,
    m: usize,
    f: impl Fn(&[Complex64]) -> Vec<Complex64>,
) -> ArrayD<Complex64> {
    let mut shape = x.shape().to_vec();
    shape[axis] = m;
    let mut out = ArrayD::zeros(IxDyn(&shape));
    for (i, mut o) in x
        .lanes(Axis(axis))
        .into_iter()
        .zip(out.lanes_mut(Axis(axis)))
    {
        let line: Vec<Complex64> = i.iter().copied().collect();
        for (d, v) in o.iter_mut().zip(f(&line)) {
            *d = v;
        }
    }
    out
}

fn ref_fft(
    x: &ArrayD<Complex64>,
    axis: usize,
    n: usize,
    inverse: bool,
    norm: Norm,
) -> ArrayD<Complex64> {
    let s = scale(norm, n, inverse);
    along(x, axis, n, |l| {
        dft(l, n, inverse).into_iter().map(|v| v * s).collect()
    })
}

fn complex_of(dt: DType) -> DType {
    match dt {
        DType::F32 | DType::C64 => DType::C64,
        _ => DType::C128,
    }
}

fn real_of(dt: DType) -> DType {
    match dt {
        DType::F32 | DType::C64 => DType::F32,
        _ => DType::F64,
    }
}

type NdOut =
    fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm, &mut NdArray) -> lapis::Result<()>;
type Nd = fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm) -> lapis::Result<NdArray>;

type Case = (Option<Vec<usize>>, Option<Vec<isize>>);

fn cases() -> Vec<Case> {
    vec![
        (None, None),
        (None, Some(vec![0, 2])),
        (None, Some(vec![-1, 0])),
        (Some(vec![4, 6]), Some(vec![1, 2])),
        (Some(vec![2, 7, 3]), None),
        (Some(vec![5, 3]), Some(vec![2, 0])),
        (None, Some(vec![1])),
    ]
}

/// The normalized axes and lengths NumPy's rules give for a case.
fn cooked(
    shape: &[usize],
    (s, axes): &Case,
    invreal_from: Option<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let nd = shape.len();
    let axn: Vec<usize> = match (axes, s) {
        (Some(ax), _) => ax
            .iter()
            .map(|&v| v.rem_euclid(nd as isize) as usize)
            .collect(),
        (None, Some(s)) => (nd - s.len()..nd).collect(),
        (None, None) => (0..nd).collect(),
    };
    let mut sn: Vec<usize> = axn.iter().map(|&k| shape[k]).collect();
    if let Some(m) = invreal_from {
        *sn.last_mut().unwrap() = 2 * (m - 1);
    }
    (axn, s.clone().unwrap_or(sn))
}

#[test]
fn fftn_ifftn_out_every_dtype_and_layout_against_new_form_and_naive_dft() {
    let mut rng = Rng(11);
    let shape = [3usize, 5, 4];
    let x = rng.array(&shape);
    for dt in DTYPES {
        let xs = values(&make(&x, dt, Lay::C));
        for in_lay in [Lay::C, Lay::F, Lay::Negative] {
            let a = make(&x, dt, in_lay);
            for case in cases() {
                let (axn, sn) = cooked(&shape, &case, None);
                let (s, axes) = &case;
                let mut oshape = shape.to_vec();
                for (&k, &n) in axn.iter().zip(&sn) {
                    oshape[k] = n;
                }
                let ntot: usize = sn.iter().product();
                for (inverse, f, fo) in [
                    (false, fft::fftn as Nd, fft::fftn_out as NdOut),
                    (true, fft::ifftn, fft::ifftn_out),
                ] {
                    for (ni, norm) in NORMS.into_iter().enumerate() {
                        let out_lay = LAYS[(ni + inverse as usize) % LAYS.len()];
                        let what = format!(
                            "{dt} in={in_lay:?} out={out_lay:?} s={s:?} axes={axes:?} inv={inverse} {norm:?}"
                        );
                        let mut out =
                            blank(&oshape, complex_of(dt), out_lay, Complex64::new(7.0, 7.0));
                        fo(&a, s.as_deref(), axes.as_deref(), norm, &mut out).unwrap();
                        let got = values(&out);
                        let new = values(&f(&a, s.as_deref(), axes.as_deref(), norm).unwrap());
                        assert_close(&got, &new, tol(dt, ntot), &format!("vs new form {what}"));
                        let mut want = xs.clone();
                        for (&k, &n) in axn.iter().zip(&sn) {
                            want = ref_fft(&want, k, n, inverse, norm);
                        }
                        assert_close(&got, &want, tol(dt, ntot), &format!("vs DFT {what}"));
                    }
                }
            }
        }
    }
}

#[test]
fn rfftn_irfftn_out_every_layout_against_new_form_and_naive_dft() {
    let mut rng = Rng(12);
    let shape = [4usize, 3, 6];
    let x = rng.array(&shape);
    for dt in DTYPES {
        let xs = values(&make(&x, dt, Lay::C));
        for in_lay in [Lay::C, Lay::F, Lay::Strided, Lay::Negative] {
            let a = make(&x, dt, in_lay);
            for (ci, case) in cases().into_iter().enumerate() {
                let (s, axes) = &case;
                let out_lay = LAYS[(ci + in_lay as usize) % LAYS.len()];
                let what = format!("{dt} in={in_lay:?} out={out_lay:?} s={s:?} axes={axes:?}");
                let norm = NORMS[ci % 3];
                if !dt.is_complex() {
                    // rfftn: naive DFT of the real values over all axes, last
                    // axis cut to n/2 + 1.
                    let (axn, sn) = cooked(&shape, &case, None);
                    let ntot: usize = sn.iter().product();
                    let last = *axn.last().unwrap();
                    let mut oshape = shape.to_vec();
                    for (&k, &n) in axn.iter().zip(&sn) {
                        oshape[k] = n;
                    }
                    oshape[last] = sn[sn.len() - 1] / 2 + 1;
                    let mut out = blank(&oshape, complex_of(dt), out_lay, Complex64::new(7.0, 7.0));
                    fft::rfftn_out(&a, s.as_deref(), axes.as_deref(), norm, &mut out).unwrap();
                    let got = values(&out);
                    let new = values(&fft::rfftn(&a, s.as_deref(), axes.as_deref(), norm).unwrap());
                    assert_close(&got, &new, tol(dt, ntot), &format!("rfftn vs new {what}"));
                    let mut want = xs.clone();
                    for (&k, &n) in axn.iter().zip(&sn) {
                        want = ref_fft(&want, k, n, false, norm);
                    }
                    let h = oshape[last];
                    let want = want.slice_axis(Axis(last), (0..h).into()).to_owned();
                    assert_close(&got, &want, tol(dt, ntot), &format!("rfftn vs DFT {what}"));
                }
                // irfftn (real or complex input): the new form, and for the
                // real result the definition through a Hermitian completion
                // is checked by the round trip below.
                let m = shape[cooked(&shape, &case, None).0.last().copied().unwrap()];
                let (axn, sn) = cooked(&shape, &case, Some(m));
                let ntot: usize = sn.iter().product();
                let mut oshape = shape.to_vec();
                for (&k, &n) in axn.iter().zip(&sn) {
                    oshape[k] = n;
                }
                let mut out = blank(&oshape, real_of(dt), out_lay, Complex64::new(7.0, 0.0));
                fft::irfftn_out(&a, s.as_deref(), axes.as_deref(), norm, &mut out).unwrap();
                let new = values(&fft::irfftn(&a, s.as_deref(), axes.as_deref(), norm).unwrap());
                assert_close(
                    &values(&out),
                    &new,
                    tol(dt, ntot),
                    &format!("irfftn vs new {what}"),
                );
            }
        }
        // Round trip into outs: irfftn_out(rfftn_out(x)) = x.
        if !dt.is_complex() {
            let a = make(&x, dt, Lay::Strided);
            let mut spec = blank(
                &[4, 3, 4],
                complex_of(dt),
                Lay::Negative,
                Complex64::default(),
            );
            fft::rfftn_out(&a, None, None, Norm::Ortho, &mut spec).unwrap();
            let mut back = blank(&shape, real_of(dt), Lay::F, Complex64::default());
            fft::irfftn_out(&spec, Some(&[4, 3, 6]), None, Norm::Ortho, &mut back).unwrap();
            assert_close(
                &values(&back),
                &xs,
                tol(dt, 72),
                &format!("round trip {dt}"),
            );
        }
    }
}

#[test]
fn two_d_out_forms_equal_the_new_forms_and_sequential_1d() {
    let mut rng = Rng(13);
    let x = rng.array(&[2, 5, 6]);
    for dt in [DType::F32, DType::C128] {
        let a = make(&x, dt, Lay::Sliced);
        let cdt = complex_of(dt);
        let rdt = real_of(dt);
        for lay in LAYS {
            let mut out = blank(&[2, 5, 6], cdt, lay, Complex64::new(3.0, 3.0));
            fft::fft2_out(&a, None, None, Norm::Backward, &mut out).unwrap();
            let seq = fft::fft(
                &fft::fft(&a, None, -1, Norm::Backward).unwrap(),
                None,
                -2,
                Norm::Backward,
            )
            .unwrap();
            assert_close(&values(&out), &values(&seq), tol(dt, 30), "fft2_out");
            fft::ifft2_out(&a, None, Some(&[0, 2]), Norm::Ortho, &mut out).unwrap();
            let new = fft::ifft2(&a, None, Some(&[0, 2]), Norm::Ortho).unwrap();
            assert_close(&values(&out), &values(&new), tol(dt, 12), "ifft2_out");
            let mut out8 = blank(&[2, 3, 8], rdt, lay, Complex64::default());
            fft::irfft2_out(&a, Some(&[3, 8]), None, Norm::Forward, &mut out8).unwrap();
            let new = fft::irfft2(&a, Some(&[3, 8]), None, Norm::Forward).unwrap();
            assert_close(&values(&out8), &values(&new), tol(dt, 24), "irfft2_out");
            if dt == DType::F32 {
                let mut out4 = blank(&[2, 5, 4], cdt, lay, Complex64::default());
                fft::rfft2_out(&a, None, None, Norm::Forward, &mut out4).unwrap();
                let new = fft::rfft2(&a, None, None, Norm::Forward).unwrap();
                assert_close(&values(&out4), &values(&new), tol(dt, 30), "rfft2_out");
            }
        }
    }
}

#[test]
fn out_sharing_the_input_buffer_gives_the_out_of_place_result() {
    let mut rng = Rng(14);
    let x = rng.array(&[6, 8]);
    // out is the input itself.
    let a = make(&x, DType::C128, Lay::F);
    let want = values(&fft::fftn(&a, None, None, Norm::Backward).unwrap());
    let mut alias = a.new_view();
    fft::fftn_out(&a, None, None, Norm::Backward, &mut alias).unwrap();
    assert_close(&values(&a), &want, tol(DType::C128, 48), "fftn_out into x");
    // out is a reversed view of the same buffer (every element overlaps
    // another input element).
    let a = make(&x, DType::C128, Lay::C);
    let want = values(&fft::ifft2(&a, None, None, Norm::Ortho).unwrap());
    let mut rev = a.slice(&[Idx::step(-1), Idx::step(-1)]).unwrap();
    fft::ifft2_out(&a, None, None, Norm::Ortho, &mut rev).unwrap();
    assert_close(
        &values(&rev),
        &want,
        tol(DType::C128, 48),
        "ifft2_out into reversed x",
    );
    // out is the other half of the input's buffer, input padded by s.
    let big = make(&rng.array(&[6, 16]), DType::C128, Lay::C);
    let left = big
        .slice(&[Idx::ALL, Idx::slice(None, Some(8), 1)])
        .unwrap();
    let mut right = big
        .slice(&[Idx::ALL, Idx::slice(Some(8), None, 1)])
        .unwrap();
    let want = values(&fft::fftn(&left, Some(&[6, 8]), None, Norm::Forward).unwrap());
    fft::fftn_out(&left, Some(&[6, 8]), None, Norm::Forward, &mut right).unwrap();
    assert_close(
        &values(&right),
        &want,
        tol(DType::C128, 48),
        "fftn_out beside x",
    );
}

#[test]
fn bad_outs_are_refused_and_left_untouched() {
    let mut rng = Rng(15);
    let x = rng.array(&[4, 6]);
    let a = make(&x, DType::C128, Lay::C);
    let r = make(&x, DType::F64, Lay::C);
    let mark = Complex64::new(5.0, -5.0);
    let untouched = |o: &NdArray| values(o).iter().all(|v| *v == mark);

    let mut o = blank(&[4, 6], DType::C64, Lay::F, mark);
    let e = fft::fftn_out(&a, None, None, Norm::Backward, &mut o).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("fftn_out") && msg.contains("expected dtype complex128, got complex64"),
        "{msg}"
    );
    assert!(untouched(&o));

    let mut o = blank(&[4, 5], DType::C128, Lay::Strided, mark);
    let e = fft::fft2_out(&a, None, None, Norm::Backward, &mut o).unwrap_err();
    assert!(matches!(e, Error::OutputShape { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("(4,5)") && msg.contains("(4,6)"), "{msg}");
    assert!(untouched(&o));

    // rfftn: the last axis has n/2 + 1 = 4 terms, not 6.
    let mut o = blank(&[4, 6], DType::C128, Lay::C, mark);
    let e = fft::rfftn_out(&r, None, None, Norm::Backward, &mut o).unwrap_err();
    assert!(e.to_string().contains("(4,4)"), "{e}");
    assert!(untouched(&o));
    // irfftn into a complex out.
    let mut o = blank(&[4, 10], DType::C128, Lay::C, mark);
    let e = fft::irfftn_out(&a, None, None, Norm::Backward, &mut o).unwrap_err();
    assert!(e.to_string().contains("expected dtype float64"), "{e}");
    assert!(untouched(&o));
    // rfftn of complex input.
    let mut o = blank(&[4, 4], DType::C128, Lay::C, mark);
    assert!(fft::rfftn_out(&a, None, None, Norm::Backward, &mut o).is_err());
    assert!(untouched(&o));
    // Bad axes and s, read-only out.
    let mut o = blank(&[4, 6], DType::C128, Lay::C, mark);
    assert!(matches!(
        fft::fftn_out(&a, None, Some(&[0, 0]), Norm::Backward, &mut o),
        Err(Error::RepeatedAxis { .. })
    ));
    assert!(matches!(
        fft::ifftn_out(&a, None, Some(&[2]), Norm::Backward, &mut o),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(fft::fftn_out(&a, Some(&[4, 0]), None, Norm::Backward, &mut o).is_err());
    assert!(untouched(&o));
    o.set_readonly();
    assert!(matches!(
        fft::fftn_out(&a, None, None, Norm::Backward, &mut o),
        Err(Error::ReadOnly { .. })
    ));
    assert!(untouched(&o));
}
