//! `lapis::fft` against independent references: a naive O(n²) DFT
//! accumulated in complex128 (with exactly reduced twiddle angles), the
//! definitions of the real and Hermitian transforms in terms of it, round
//! trips, Parseval, Hermitian symmetry, multi-axis transforms against
//! sequential 1-D ones, every layout (C, F, transposed, sliced, strided,
//! negative stride, zero stride), all four input dtypes, `out` and in-place
//! forms, thread-count independence and error cases. Tolerances are
//! relative l2 errors of `C·eps·(log2 n + 1)` for the input's precision.

use lapis::array::{self, Casting, Idx, MemOrder, NdArray};
use lapis::fft::{self, Norm};
use lapis::{Complex64, DType, Error};
use ndarray::{ArrayD, Axis, IxDyn};

const DTYPES: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];
const NORMS: [Norm; 3] = [Norm::Backward, Norm::Ortho, Norm::Forward];
const SIZES: [usize; 12] = [1, 2, 3, 5, 7, 8, 12, 16, 17, 30, 64, 97];

// ---------------------------------------------------------------- data

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
    Transposed,
    Sliced,
    Strided,
    Negative,
}
const LAYS: [Lay; 6] = [
    Lay::C,
    Lay::F,
    Lay::Transposed,
    Lay::Sliced,
    Lay::Strided,
    Lay::Negative,
];

/// `values` as an array of `dtype` (real dtypes drop the imaginary part)
/// laid out as `lay`.
fn make(values: &ArrayD<Complex64>, dtype: DType, lay: Lay) -> NdArray {
    let conv = |a: ArrayD<Complex64>| {
        array::from_ndarray(a)
            .unwrap()
            .astype_with(dtype, Casting::Unsafe)
            .unwrap()
    };
    let shape = values.shape().to_vec();
    let nd = shape.len();
    let garbage = Complex64::new(1e3, -1e3);
    let out = match lay {
        Lay::C => conv(values.clone()),
        Lay::F => conv(values.clone()).copy(MemOrder::F).unwrap(),
        Lay::Transposed => {
            let rev = values
                .view()
                .reversed_axes()
                .as_standard_layout()
                .to_owned();
            conv(rev).t()
        }
        Lay::Sliced | Lay::Strided | Lay::Negative => {
            // Position in the backing array of value index i along an axis of length n.
            let (big, idx): (fn(usize) -> usize, Idx) = match lay {
                Lay::Sliced => (|n| n + 3, Idx::slice(Some(1), Some(-2), 1)),
                Lay::Strided => (|n| 2 * n, Idx::step(2)),
                _ => (|n| 2 * n, Idx::step(-2)),
            };
            let bshape: Vec<usize> = shape.iter().map(|&n| big(n)).collect();
            let backing = ArrayD::from_shape_fn(IxDyn(&bshape), |p| {
                let mut vi = Vec::with_capacity(nd);
                for (k, &n) in shape.iter().enumerate() {
                    let q = p[k];
                    let i = match lay {
                        Lay::Sliced if (1..=n).contains(&q) => q - 1,
                        Lay::Strided if q % 2 == 0 => q / 2,
                        Lay::Negative if q % 2 == 1 => (2 * n - 1 - q) / 2,
                        _ => return garbage,
                    };
                    vi.push(i);
                }
                values[IxDyn(&vi)]
            });
            let idx: Vec<Idx> = (0..nd).map(|_| idx).collect();
            conv(backing).slice(&idx).unwrap()
        }
    };
    assert_eq!(out.shape(), values.shape(), "{lay:?}");
    out
}

/// The values of any array as complex128.
fn values(a: &NdArray) -> ArrayD<Complex64> {
    a.astype(DType::C128)
        .unwrap()
        .to_ndarray::<Complex64>()
        .unwrap()
}

/// The values `make` actually stored (real dtypes dropped the imaginary
/// part, f32 rounded).
fn stored(v: &ArrayD<Complex64>, dtype: DType) -> ArrayD<Complex64> {
    values(&make(v, dtype, Lay::C))
}

fn eps(dtype: DType) -> f64 {
    match dtype {
        DType::F32 | DType::C64 => f32::EPSILON as f64,
        _ => f64::EPSILON,
    }
}

/// Asserts `got ≈ want` in relative l2 norm, `tol` relative.
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

fn tol(dtype: DType, n: usize) -> f64 {
    16.0 * eps(dtype) * ((n.max(2) as f64).log2() + 1.0)
}

// ----------------------------------------------------------- references

fn scale(norm: Norm, n: usize, inverse_type: bool) -> f64 {
    match (norm, inverse_type) {
        (Norm::Ortho, _) => 1.0 / (n as f64).sqrt(),
        (Norm::Backward, true) | (Norm::Forward, false) => 1.0 / n as f64,
        _ => 1.0,
    }
}

fn swap(norm: Norm) -> Norm {
    match norm {
        Norm::Backward => Norm::Forward,
        Norm::Forward => Norm::Backward,
        Norm::Ortho => Norm::Ortho,
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

/// Applies `f` (line → line of length `m`) along `axis`.
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

fn ref_rfft(
    x: &ArrayD<Complex64>,
    axis: usize,
    n: usize,
    norm: Norm,
    conj: bool,
) -> ArrayD<Complex64> {
    let s = scale(norm, n, false);
    along(x, axis, n / 2 + 1, |l| {
        let re: Vec<Complex64> = l.iter().map(|v| Complex64::new(v.re, 0.0)).collect();
        dft(&re, n, false)
            .into_iter()
            .take(n / 2 + 1)
            .map(|v| if conj { (v * s).conj() } else { v * s })
            .collect()
    })
}

/// irfft by its definition: the Hermitian completion of the first n/2+1
/// values (imaginary parts of the DC and Nyquist terms dropped), inverse
/// DFT, real part.
fn ref_irfft(
    x: &ArrayD<Complex64>,
    axis: usize,
    n: usize,
    norm: Norm,
    conj: bool,
) -> ArrayD<Complex64> {
    let s = scale(norm, n, true);
    let h = n / 2 + 1;
    along(x, axis, n, |l| {
        let mut half: Vec<Complex64> = (0..h)
            .map(|k| l.get(k).copied().unwrap_or_default())
            .map(|v| if conj { v.conj() } else { v })
            .collect();
        half[0].im = 0.0;
        if n.is_multiple_of(2) {
            half[h - 1].im = 0.0;
        }
        let full: Vec<Complex64> = (0..n)
            .map(|k| if k < h { half[k] } else { half[n - k].conj() })
            .collect();
        dft(&full, n, true)
            .into_iter()
            .map(|v| Complex64::new(v.re * s, 0.0))
            .collect()
    })
}

fn n_options(m: usize) -> Vec<Option<usize>> {
    let mut v = vec![None, Some(m + 3)];
    if m > 1 {
        v.push(Some(m - 1));
    }
    v
}

// ---------------------------------------------------------------- 1-D

#[test]
fn fft_ifft_against_naive_dft_all_sizes_norms_dtypes_layouts() {
    let mut rng = Rng(1);
    for &m in &SIZES {
        // The transformed axis first (strided in C order) or last.
        for (shape, axis) in [(vec![3, m], 1usize), (vec![m, 2], 0)] {
            let x = rng.array(&shape);
            for dt in DTYPES {
                let xs = stored(&x, dt);
                let want_dtype = if matches!(dt, DType::F32 | DType::C64) {
                    DType::C64
                } else {
                    DType::C128
                };
                for lay in LAYS {
                    let a = make(&x, dt, lay);
                    for norm in NORMS {
                        for n in n_options(m) {
                            let nn = n.unwrap_or(m);
                            for inverse in [false, true] {
                                let ax = if axis == 1 { -1 } else { 0 };
                                let r = if inverse {
                                    fft::ifft(&a, n, ax, norm)
                                } else {
                                    fft::fft(&a, n, ax, norm)
                                }
                                .unwrap();
                                assert_eq!(r.dtype(), want_dtype);
                                let want = ref_fft(&xs, axis, nn, inverse, norm);
                                assert_close(
                                    &values(&r),
                                    &want,
                                    tol(dt, nn),
                                    &format!(
                                        "fft inv={inverse} m={m} n={n:?} {dt} {lay:?} {norm:?} axis={axis}"
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn rfft_irfft_hfft_ihfft_against_definitions() {
    let mut rng = Rng(2);
    for &m in &SIZES {
        for (shape, axis) in [(vec![2, m], 1usize), (vec![m, 3], 0)] {
            let x = rng.array(&shape);
            for dt in DTYPES {
                let xs = stored(&x, dt);
                let real = !dt.is_complex();
                for lay in LAYS {
                    let a = make(&x, dt, lay);
                    let ax = axis as isize;
                    for norm in NORMS {
                        for n in n_options(m) {
                            let nn = n.unwrap_or(m);
                            let what = format!("m={m} n={n:?} {dt} {lay:?} {norm:?} axis={axis}");
                            if real {
                                let r = fft::rfft(&a, n, ax, norm).unwrap();
                                assert_eq!(
                                    r.dtype(),
                                    if dt == DType::F32 {
                                        DType::C64
                                    } else {
                                        DType::C128
                                    }
                                );
                                assert_close(
                                    &values(&r),
                                    &ref_rfft(&xs, axis, nn, norm, false),
                                    tol(dt, nn),
                                    &format!("rfft {what}"),
                                );
                                let r = fft::ihfft(&a, n, ax, norm).unwrap();
                                assert_close(
                                    &values(&r),
                                    &ref_rfft(&xs, axis, nn, swap(norm), true),
                                    tol(dt, nn),
                                    &format!("ihfft {what}"),
                                );
                            }
                            // irfft / hfft: any input dtype; default n = 2(m-1).
                            let n_inv = n.unwrap_or(2 * (m - 1));
                            if n_inv == 0 {
                                assert!(fft::irfft(&a, n, ax, norm).is_err());
                                continue;
                            }
                            let r = fft::irfft(&a, n, ax, norm).unwrap();
                            assert_eq!(
                                r.dtype(),
                                if matches!(dt, DType::F32 | DType::C64) {
                                    DType::F32
                                } else {
                                    DType::F64
                                }
                            );
                            assert_close(
                                &values(&r),
                                &ref_irfft(&xs, axis, n_inv, norm, false),
                                tol(dt, n_inv),
                                &format!("irfft {what}"),
                            );
                            let r = fft::hfft(&a, n, ax, norm).unwrap();
                            assert_close(
                                &values(&r),
                                &ref_irfft(&xs, axis, n_inv, swap(norm), true),
                                tol(dt, n_inv),
                                &format!("hfft {what}"),
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn values_computed_by_numpy() {
    // Expected values computed with NumPy 2.4.6 (numpy.fft) on the same inputs.
    let c = |re: f64, im: f64| Complex64::new(re, im);
    let x = array::arange(0.0, 5.0, 1.0, DType::F64).unwrap();
    let got = fft::fft(&x, None, -1, Norm::Ortho)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    let want = [
        c(4.47213595499958, 0.0),
        c(-1.118033988749895, 1.5388417685876266),
        c(-1.118033988749895, 0.36327126400268045),
        c(-1.118033988749895, -0.36327126400268045),
        c(-1.118033988749895, -1.5388417685876266),
    ];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).norm() < 1e-14, "{g} {w}");
    }
    let h = array::from_vec(vec![c(1.0, 0.0), c(2.0, 1.0), c(3.0, -2.0)], &[3]).unwrap();
    let got = fft::hfft(&h, Some(5), -1, Norm::Backward)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    let want = [
        11.0,
        -3.06706196532948,
        4.597830558515455,
        -5.3617625810156655,
        -2.1690060121703096,
    ];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-13, "{g} {w}");
    }
    let got = fft::irfft(&h, Some(4), -1, Norm::Backward)
        .unwrap()
        .to_vec::<f64>()
        .unwrap();
    for (g, w) in got.iter().zip([2.0, -1.0, 0.0, 0.0]) {
        assert!((g - w).abs() < 1e-14, "{g} {w}");
    }
    let got = fft::ihfft(&x, None, -1, Norm::Backward)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    let want = [
        c(2.0, 0.0),
        c(-0.5, -0.6881909602355867),
        c(-0.5, -0.1624598481164532),
    ];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).norm() < 1e-14, "{g} {w}");
    }
    let y = array::arange(0.0, 6.0, 1.0, DType::F64)
        .unwrap()
        .reshape(&[2, 3])
        .unwrap();
    let got = fft::rfft2(&y, None, None, Norm::Backward)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap();
    let want = [
        c(15.0, 0.0),
        c(-3.0, 1.7320508075688772),
        c(-9.0, 0.0),
        c(0.0, 0.0),
    ];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).norm() < 1e-13, "{g} {w}");
    }
}

// ------------------------------------------------------ identities

#[test]
fn round_trips_parseval_and_hermitian_symmetry() {
    let mut rng = Rng(3);
    for &m in &SIZES {
        let x = rng.array(&[m]);
        for dt in DTYPES {
            let xs = stored(&x, dt);
            let a = make(&x, dt, Lay::Negative);
            let t = tol(dt, m);
            for norm in NORMS {
                let y = fft::fft(&a, None, 0, norm).unwrap();
                let back = fft::ifft(&y, None, 0, norm).unwrap();
                assert_close(
                    &values(&back),
                    &xs,
                    t,
                    &format!("ifft(fft) {m} {dt} {norm:?}"),
                );
                // Parseval: Σ|x|² = Σ|X|² · c with c = n (forward), 1 (ortho), 1/n (backward).
                let ex: f64 = xs.iter().map(|v| v.norm_sqr()).sum();
                let ey: f64 = values(&y).iter().map(|v| v.norm_sqr()).sum();
                let c = match norm {
                    Norm::Backward => 1.0 / m as f64,
                    Norm::Ortho => 1.0,
                    Norm::Forward => m as f64,
                };
                assert!(
                    (ey * c - ex).abs() <= t * ex,
                    "Parseval {m} {dt} {norm:?}: {} vs {ex}",
                    ey * c
                );
            }
            if !dt.is_complex() {
                // Hermitian symmetry of a real input's transform; rfft is its first half.
                let y = values(&fft::fft(&a, None, 0, Norm::Backward).unwrap());
                for k in 1..m {
                    let d = (y[[k]] - y[[m - k]].conj()).norm();
                    assert!(
                        d <= t * y.iter().map(|v| v.norm()).sum::<f64>(),
                        "symmetry {m} {dt} k={k}"
                    );
                }
                assert!(y[[0]].im.abs() <= t * y[[0]].norm().max(1.0));
                let r = values(&fft::rfft(&a, None, 0, Norm::Backward).unwrap());
                assert_close(
                    &r,
                    &y.slice(ndarray::s![..m / 2 + 1]).to_owned().into_dyn(),
                    t,
                    "rfft = fft[:n/2+1]",
                );
                // irfft(rfft(x), n) = x for even and odd n.
                for norm in NORMS {
                    let r = fft::rfft(&a, None, 0, norm).unwrap();
                    let back = fft::irfft(&r, Some(m), 0, norm).unwrap();
                    assert_close(
                        &values(&back),
                        &xs,
                        t,
                        &format!("irfft(rfft) {m} {dt} {norm:?}"),
                    );
                    let h = fft::ihfft(&a, None, 0, norm).unwrap();
                    let back = fft::hfft(&h, Some(m), 0, norm).unwrap();
                    assert_close(
                        &values(&back),
                        &xs,
                        t,
                        &format!("hfft(ihfft) {m} {dt} {norm:?}"),
                    );
                }
            }
        }
    }
}

// ------------------------------------------------------ n-d

#[test]
fn multi_axis_against_sequential_1d_and_naive() {
    let mut rng = Rng(4);
    let shape = [3usize, 5, 4];
    let x = rng.array(&shape);
    type Case = (Option<Vec<usize>>, Option<Vec<isize>>);
    let cases: Vec<Case> = vec![
        (None, None),
        (None, Some(vec![0, 2])),
        (None, Some(vec![-1, 0])),
        (Some(vec![4, 6]), Some(vec![1, 2])),
        (Some(vec![2, 7, 3]), None),
        (Some(vec![6]), None),
        (None, Some(vec![1])),
    ];
    for dt in DTYPES {
        let xs = stored(&x, dt);
        for lay in LAYS {
            let a = make(&x, dt, lay);
            for (s, axes) in &cases {
                let axn: Vec<usize> = match (axes, s) {
                    (Some(ax), _) => ax.iter().map(|&v| v.rem_euclid(3) as usize).collect(),
                    (None, Some(s)) => (3 - s.len()..3).collect(),
                    (None, None) => vec![0, 1, 2],
                };
                let sn: Vec<usize> = s
                    .clone()
                    .unwrap_or_else(|| axn.iter().map(|&k| shape[k]).collect());
                let ntot: usize = sn.iter().product();
                let what = format!("{dt} {lay:?} s={s:?} axes={axes:?}");
                for norm in NORMS {
                    for inverse in [false, true] {
                        let f = if inverse { fft::ifftn } else { fft::fftn };
                        let r = values(&f(&a, s.as_deref(), axes.as_deref(), norm).unwrap());
                        let mut want = xs.clone();
                        let mut seq = a.new_view();
                        for (&k, &n) in axn.iter().zip(&sn) {
                            want = ref_fft(&want, k, n, inverse, norm);
                            let g = if inverse { fft::ifft } else { fft::fft };
                            seq = g(&seq, Some(n), k as isize, norm).unwrap();
                        }
                        assert_close(
                            &r,
                            &want,
                            tol(dt, ntot),
                            &format!("fftn inv={inverse} {what}"),
                        );
                        assert_close(
                            &r,
                            &values(&seq),
                            tol(dt, ntot),
                            &format!("fftn vs 1-D {what}"),
                        );
                    }
                    if !dt.is_complex() {
                        // rfftn: rfft over the last axis, then fft over the rest.
                        let r = fft::rfftn(&a, s.as_deref(), axes.as_deref(), norm).unwrap();
                        let last = axn.len() - 1;
                        let mut seq =
                            fft::rfft(&a, Some(sn[last]), axn[last] as isize, norm).unwrap();
                        for i in 0..last {
                            seq = fft::fft(&seq, Some(sn[i]), axn[i] as isize, norm).unwrap();
                        }
                        assert_close(
                            &values(&r),
                            &values(&seq),
                            tol(dt, ntot),
                            &format!("rfftn {what}"),
                        );
                        // irfftn(rfftn(x), s) = x cropped/padded.
                        let back = fft::irfftn(
                            &r,
                            Some(&sn),
                            Some(&axn.iter().map(|&k| k as isize).collect::<Vec<_>>()),
                            norm,
                        )
                        .unwrap();
                        let mut want = xs.mapv(|v| Complex64::new(v.re, 0.0));
                        for (&k, &n) in axn.iter().zip(&sn) {
                            want = along(&want, k, n, |l| {
                                (0..n)
                                    .map(|j| l.get(j).copied().unwrap_or_default())
                                    .collect()
                            });
                        }
                        assert_close(
                            &values(&back),
                            &want,
                            tol(dt, ntot),
                            &format!("irfftn(rfftn) {what}"),
                        );
                    }
                }
            }
        }
    }
    // fft2 / ifft2 / rfft2 / irfft2 default to the last two axes.
    let a = make(&x, DType::F64, Lay::F);
    let ax: &[isize] = &[-2, -1];
    for (two, n) in [
        (
            fft::fft2
                as fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm) -> lapis::Result<NdArray>,
            fft::fftn
                as fn(&NdArray, Option<&[usize]>, Option<&[isize]>, Norm) -> lapis::Result<NdArray>,
        ),
        (fft::ifft2, fft::ifftn),
        (fft::rfft2, fft::rfftn),
        (fft::irfft2, fft::irfftn),
    ] {
        let r2 = values(&two(&a, None, None, Norm::Ortho).unwrap());
        let rn = values(&n(&a, None, Some(ax), Norm::Ortho).unwrap());
        assert_eq!(r2, rn);
    }
}

// ------------------------------------------------------ out, in place, strides

#[test]
fn out_forms_write_any_layout_and_check_out() {
    let mut rng = Rng(5);
    let x = rng.array(&[4, 6]);
    for dt in [DType::F32, DType::C128] {
        let a = make(&x, dt, Lay::Strided);
        let cdt = if dt == DType::F32 {
            DType::C64
        } else {
            DType::C128
        };
        let rdt = if dt == DType::F32 {
            DType::F32
        } else {
            DType::F64
        };
        for lay in LAYS {
            let zeros6 = ArrayD::<Complex64>::zeros(IxDyn(&[4, 6]));
            let mut out = make(&zeros6, cdt, lay);
            fft::fft_out(&a, None, 1, Norm::Ortho, &mut out).unwrap();
            assert_eq!(
                values(&out),
                values(&fft::fft(&a, None, 1, Norm::Ortho).unwrap()),
                "{lay:?}"
            );
            fft::ifft_out(&a, None, -1, Norm::Backward, &mut out).unwrap();
            assert_eq!(
                values(&out),
                values(&fft::ifft(&a, None, -1, Norm::Backward).unwrap()),
                "{lay:?}"
            );
            let mut out4 = make(&ArrayD::<Complex64>::zeros(IxDyn(&[4, 4])), cdt, lay);
            if dt == DType::F32 {
                fft::rfft_out(&a, None, 1, Norm::Forward, &mut out4).unwrap();
                assert_eq!(
                    values(&out4),
                    values(&fft::rfft(&a, None, 1, Norm::Forward).unwrap()),
                    "{lay:?}"
                );
            }
            let mut outr = make(&ArrayD::<Complex64>::zeros(IxDyn(&[4, 10])), rdt, lay);
            fft::irfft_out(&a, None, 1, Norm::Backward, &mut outr).unwrap();
            assert_eq!(
                values(&outr),
                values(&fft::irfft(&a, None, 1, Norm::Backward).unwrap()),
                "{lay:?}"
            );
        }
    }
    // Errors leave out untouched.
    let a = make(&x, DType::C128, Lay::C);
    let mut out = array::zeros(&[4, 6], DType::C64).unwrap();
    let e = fft::fft_out(&a, None, 1, Norm::Backward, &mut out).unwrap_err();
    assert!(
        e.to_string()
            .contains("expected dtype complex128, got complex64"),
        "{e}"
    );
    let mut out = array::zeros(&[4, 5], DType::C128).unwrap();
    let e = fft::fft_out(&a, None, 1, Norm::Backward, &mut out).unwrap_err();
    assert!(matches!(e, Error::OutputShape { .. }), "{e}");
    assert!(values(&out).iter().all(|v| *v == Complex64::default()));
    let mut ro = array::zeros(&[4, 6], DType::C128).unwrap();
    ro.set_readonly();
    assert!(matches!(
        fft::fft_out(&a, None, 1, Norm::Backward, &mut ro),
        Err(Error::ReadOnly { .. })
    ));
    // out sharing the input's buffer: the result equals the out-of-place one.
    let want = values(&fft::fft(&a, None, 0, Norm::Backward).unwrap());
    let mut alias = a.new_view();
    fft::fft_out(&a, None, 0, Norm::Backward, &mut alias).unwrap();
    assert_close(&values(&a), &want, tol(DType::C128, 4), "aliased out");
}

#[test]
fn in_place_transforms_on_every_layout() {
    let mut rng = Rng(6);
    let x = rng.array(&[5, 8, 3]);
    for dt in [DType::C64, DType::C128] {
        for lay in LAYS {
            for norm in NORMS {
                for axis in [0isize, 1, -1] {
                    let mut a = make(&x, dt, lay);
                    let want = values(&fft::fft(&a, None, axis, norm).unwrap());
                    fft::fft_inplace(&mut a, axis, norm).unwrap();
                    assert_eq!(values(&a), want, "fft_inplace {dt} {lay:?} {norm:?} {axis}");
                    let want = values(&fft::ifft(&a, None, axis, norm).unwrap());
                    fft::ifft_inplace(&mut a, axis, norm).unwrap();
                    assert_eq!(
                        values(&a),
                        want,
                        "ifft_inplace {dt} {lay:?} {norm:?} {axis}"
                    );
                    assert_close(
                        &values(&a),
                        &stored(&x, dt),
                        tol(dt, 8),
                        "in-place round trip",
                    );
                }
                let mut a = make(&x, dt, lay);
                let want = values(&fft::fftn(&a, None, Some(&[0, 2]), norm).unwrap());
                fft::fftn_inplace(&mut a, Some(&[0, 2]), norm).unwrap();
                assert_close(&values(&a), &want, tol(dt, 15), "fftn_inplace");
                fft::ifftn_inplace(&mut a, Some(&[0, 2]), norm).unwrap();
                assert_close(
                    &values(&a),
                    &stored(&x, dt),
                    tol(dt, 15),
                    "ifftn_inplace round trip",
                );
            }
        }
    }
    let mut r = array::zeros(&[4], DType::F64).unwrap();
    let e = fft::fft_inplace(&mut r, 0, Norm::Backward).unwrap_err();
    assert!(
        e.to_string()
            .contains("needs a complex64 or complex128 array, got float64"),
        "{e}"
    );
    let b = array::zeros(&[1, 4], DType::C128).unwrap();
    let mut bc = b.broadcast_to(&[3, 4]).unwrap();
    assert!(fft::fft_inplace(&mut bc, 0, Norm::Backward).is_err());
}

#[test]
fn zero_stride_inputs_and_empty_batches() {
    // A broadcast input (stride 0 along axis 0) transforms as its copy.
    let mut rng = Rng(7);
    let row = make(&rng.array(&[1, 6]), DType::C128, Lay::C);
    let b = row.broadcast_to(&[4, 6]).unwrap();
    let c = b.copy(MemOrder::C).unwrap();
    for axis in [0isize, 1] {
        assert_eq!(
            values(&fft::fft(&b, None, axis, Norm::Backward).unwrap()),
            values(&fft::fft(&c, None, axis, Norm::Backward).unwrap())
        );
    }
    // No lines: an empty result of the right shape.
    let e = array::zeros(&[0, 5], DType::F64).unwrap();
    let r = fft::fft(&e, None, 1, Norm::Backward).unwrap();
    assert_eq!(r.shape(), &[0, 5]);
    let r = fft::rfft(&e, Some(8), 1, Norm::Backward).unwrap();
    assert_eq!(r.shape(), &[0, 5]);
    // An empty transformed axis with n given is all zero padding.
    let e = array::zeros(&[3, 0], DType::F64).unwrap();
    let r = fft::fft(&e, Some(4), 1, Norm::Backward).unwrap();
    assert_eq!(r.shape(), &[3, 4]);
    assert!(values(&r).iter().all(|v| *v == Complex64::default()));
}

#[test]
fn results_do_not_depend_on_thread_count() {
    let mut rng = Rng(8);
    let x = rng.array(&[96, 1000]);
    let a = make(&x, DType::C128, Lay::Transposed);
    let run = || {
        (
            values(&fft::fft(&a, None, 1, Norm::Backward).unwrap()),
            values(&fft::fftn(&a, None, None, Norm::Ortho).unwrap()),
            values(&fft::irfft(&a, None, 0, Norm::Backward).unwrap()),
        )
    };
    lapis::set_num_threads(1).unwrap();
    let one = run();
    lapis::set_num_threads(2).unwrap();
    let two = run();
    assert!(one == two, "results differ between 1 and 2 threads");
}

// ------------------------------------------------------ helpers

#[test]
fn fftfreq_rfftfreq_and_shifts_match_numpy() {
    // Expected values computed with NumPy 2.4.6.
    let f = fft::fftfreq(7, 0.1).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(
        f,
        [
            0.0,
            1.4285714285714284,
            2.8571428571428568,
            4.285714285714285,
            -4.285714285714285,
            -2.8571428571428568,
            -1.4285714285714284
        ]
    );
    let f = fft::fftfreq(8, 0.25).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(f, [0.0, 0.5, 1.0, 1.5, -2.0, -1.5, -1.0, -0.5]);
    assert_eq!(
        fft::fftfreq(1, 1.0).unwrap().to_vec::<f64>().unwrap(),
        [0.0]
    );
    let f = fft::rfftfreq(7, 0.1).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(
        f,
        [
            0.0,
            1.4285714285714284,
            2.8571428571428568,
            4.285714285714285
        ]
    );
    let f = fft::rfftfreq(8, 0.25).unwrap().to_vec::<f64>().unwrap();
    assert_eq!(f, [0.0, 0.5, 1.0, 1.5, 2.0]);
    assert!(fft::fftfreq(0, 1.0).is_err());
    let e = fft::rfftfreq(4, 0.0).unwrap_err();
    assert!(e.to_string().contains("sample spacing 0"), "{e}");

    let ints = |a: &NdArray| -> Vec<f64> {
        a.astype_with(DType::F64, Casting::Unsafe)
            .unwrap()
            .to_vec::<f64>()
            .unwrap()
    };
    let want = |v: &[i32]| -> Vec<f64> { v.iter().map(|&i| i as f64).collect() };
    for dt in DTYPES {
        for lay in LAYS {
            let base = ArrayD::from_shape_fn(IxDyn(&[3, 5]), |p| {
                Complex64::new((p[0] * 5 + p[1]) as f64, 0.0)
            });
            let a = make(&base, dt, lay);
            let w = |v: &[i32]| -> Vec<f64> { want(v) };
            assert_eq!(
                ints(&fft::fftshift(&a, None).unwrap()),
                w(&[13, 14, 10, 11, 12, 3, 4, 0, 1, 2, 8, 9, 5, 6, 7]),
                "{dt} {lay:?}"
            );
            assert_eq!(
                ints(&fft::ifftshift(&a, None).unwrap()),
                w(&[7, 8, 9, 5, 6, 12, 13, 14, 10, 11, 2, 3, 4, 0, 1])
            );
            assert_eq!(
                ints(&fft::fftshift(&a, Some(&[1])).unwrap()),
                w(&[3, 4, 0, 1, 2, 8, 9, 5, 6, 7, 13, 14, 10, 11, 12])
            );
            assert_eq!(
                ints(&fft::ifftshift(&a, Some(&[-2])).unwrap()),
                w(&[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0, 1, 2, 3, 4])
            );
            assert_eq!(fft::fftshift(&a, None).unwrap().dtype(), dt);
        }
    }
    let a8 = array::arange(0.0, 8.0, 1.0, DType::F64).unwrap();
    assert_eq!(
        ints(&fft::fftshift(&a8, None).unwrap()),
        want(&[4, 5, 6, 7, 0, 1, 2, 3])
    );
    let a7 = array::arange(0.0, 7.0, 1.0, DType::F64).unwrap();
    assert_eq!(
        ints(&fft::ifftshift(&a7, None).unwrap()),
        want(&[3, 4, 5, 6, 0, 1, 2])
    );
    // Round trip for odd lengths.
    assert_eq!(
        ints(&fft::ifftshift(&fft::fftshift(&a7, None).unwrap(), None).unwrap()),
        ints(&a7)
    );
    assert!(matches!(
        fft::fftshift(&a7, Some(&[1])),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        fft::fftshift(&a7, Some(&[0, -1])),
        Err(Error::RepeatedAxis { .. })
    ));
}

#[test]
fn errors_are_values_with_numpy_like_messages() {
    let a = array::zeros(&[3, 4], DType::F64).unwrap();
    let c = array::zeros(&[3, 4], DType::C128).unwrap();
    let msg = |r: lapis::Result<NdArray>| r.unwrap_err().to_string();
    assert_eq!(
        msg(fft::fft(&a, None, 2, Norm::Backward)),
        "fft: axis 2 is out of bounds for array of dimension 2"
    );
    assert_eq!(
        msg(fft::ifft(&a, None, -3, Norm::Backward)),
        "ifft: axis -3 is out of bounds for array of dimension 2"
    );
    assert_eq!(
        msg(fft::fft(&a, Some(0), 0, Norm::Backward)),
        "fft: invalid argument n: Invalid number of data points (0) specified"
    );
    let e = array::zeros(&[3, 0], DType::F64).unwrap();
    assert!(
        msg(fft::fft(&e, None, 1, Norm::Backward)).contains("Invalid number of data points (0)")
    );
    let one = array::zeros(&[3, 1], DType::C128).unwrap();
    assert!(
        msg(fft::irfft(&one, None, 1, Norm::Backward))
            .contains("irfft: invalid argument n: Invalid number of data points (0)")
    );
    assert!(msg(fft::rfft(&c, None, 1, Norm::Backward)).starts_with(
        "rfft: invalid argument a: expected real input (float32 or float64), got complex128"
    ));
    assert!(msg(fft::ihfft(&c, None, 1, Norm::Backward)).contains("expected real input"));
    assert!(msg(fft::rfftn(&c, None, None, Norm::Backward)).contains("expected real input"));
    assert_eq!(
        msg(fft::fftn(&a, None, Some(&[0, -2]), Norm::Backward)),
        "fftn: repeated axis 0"
    );
    assert_eq!(
        msg(fft::fftn(&a, None, Some(&[]), Norm::Backward)),
        "fftn: invalid argument axes: at least one axis must be transformed"
    );
    assert!(
        msg(fft::fftn(&a, Some(&[2, 2]), Some(&[0]), Norm::Backward))
            .contains("Shape and axes have different lengths")
    );
    assert!(
        msg(fft::fftn(&a, Some(&[2, 0]), None, Norm::Backward))
            .contains("Invalid number of data points (0)")
    );
    assert!(matches!(
        fft::fftn(&a, Some(&[2, 2, 2]), None, Norm::Backward),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(matches!(
        fft::fft2(
            &array::zeros(&[4], DType::F64).unwrap(),
            None,
            None,
            Norm::Backward
        ),
        Err(Error::AxisOutOfRange { .. })
    ));
    let s = array::from_scalar(1.0f64);
    assert!(matches!(
        fft::fft(&s, None, -1, Norm::Backward),
        Err(Error::AxisOutOfRange { .. })
    ));
    assert!(fft::fftn(&s, None, None, Norm::Backward).is_err());
    assert_eq!("ortho".parse::<Norm>().unwrap(), Norm::Ortho);
    assert!(
        "Ortho"
            .parse::<Norm>()
            .unwrap_err()
            .to_string()
            .contains("Invalid norm value")
    );
    // A buffer mutably viewed elsewhere is a borrow error, not a panic.
    let mut m = array::zeros(&[4], DType::C128).unwrap();
    let alias = m.new_view();
    let _w = m.view_mut::<Complex64>().unwrap();
    assert!(matches!(
        fft::fft(&alias, None, 0, Norm::Backward),
        Err(Error::BorrowConflict { .. })
    ));
}

#[test]
fn large_prime_and_power_of_two_lengths_round_trip() {
    // Bluestein (prime) and radix paths at sizes beyond the naive tests.
    let mut rng = Rng(9);
    for m in [4096usize, 4099, 6000] {
        let x = rng.array(&[m]);
        for dt in [DType::C64, DType::C128] {
            let a = make(&x, dt, Lay::C);
            let y = fft::fft(&a, None, 0, Norm::Ortho).unwrap();
            let back = fft::ifft(&y, None, 0, Norm::Ortho).unwrap();
            assert_close(
                &values(&back),
                &stored(&x, dt),
                tol(dt, m),
                &format!("round trip {m} {dt}"),
            );
        }
    }
}
