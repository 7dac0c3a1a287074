//! `lapis::array::random`: reproducibility (thread counts, layouts,
//! successive fills, positions), stream independence, distribution checks
//! with statistically justified bounds, and parameter errors.
//!
//! Every statistical bound is about 6 standard errors (or a tail
//! probability below 10⁻⁸), and every test is seeded, so the suite is
//! deterministic and a failure means a real defect.

use lapis::array::random::{CHUNK_LEN, Generator, PARALLEL_MIN_LEN};
use lapis::{Complex32, Complex64, Error, RealScalar, Scalar};
use ndarray::{
    Array, Array1, Array2, Array3, ArrayRef, ArrayRefD, Dimension, IxDyn, ShapeBuilder, s,
};

type Fill<T> = Box<dyn Fn(&mut Generator, &mut ArrayRefD<T>) -> lapis::Result<()> + Sync>;

/// Every distribution for element type `T`, as fills.
fn fills<T: Scalar>() -> Vec<(&'static str, Fill<T>)> {
    let r = <T::Real as RealScalar>::from_f64_real;
    let mean = if T::IS_COMPLEX {
        T::from_parts(r(1.5), r(-2.0))
    } else {
        T::from_f64(1.5)
    };
    vec![
        ("random", Box::new(|g, a| g.fill_random(a))),
        (
            "uniform",
            Box::new(move |g, a| g.fill_uniform(a, r(-3.0), r(5.0))),
        ),
        (
            "standard_normal",
            Box::new(|g, a| g.fill_standard_normal(a)),
        ),
        (
            "normal",
            Box::new(move |g, a| g.fill_normal(a, mean, r(0.25))),
        ),
    ]
}

/// The bit patterns of an array's values, in logical order.
fn bits<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>) -> Vec<(u64, u64)> {
    a.iter()
        .map(|z| {
            (
                z.re().to_f64_real().to_bits(),
                z.im().to_f64_real().to_bits(),
            )
        })
        .collect()
}

/// A thread count for lapis (BLAS and its own pool), set by `install`.
struct Threads(usize);

impl Threads {
    fn install<R>(&self, f: impl FnOnce() -> R) -> R {
        lapis::set_num_threads(self.0).unwrap();
        assert_eq!(lapis::parallel::threads(), self.0);
        f()
    }
}

fn pools() -> Vec<Threads> {
    [1, 2, 8].map(Threads).into()
}

/// Whether two arrays hold the same bits in logical order.
fn same_bits<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>, b: &ArrayRef<T, D>) -> bool {
    let key = |z: &T| {
        (
            z.re().to_f64_real().to_bits(),
            z.im().to_f64_real().to_bits(),
        )
    };
    a.shape() == b.shape() && ndarray::Zip::from(a).and(b).all(|x, y| key(x) == key(y))
}

/// A large fill (above the parallel threshold) gives bit-identical values
/// in pools of 1, 2 and 8 threads, for C-order and for strided outputs
/// (which take the recursive-split path), and the position advances alike.
fn same_across_threads<T: Scalar>(pools: &[Threads]) {
    const N: usize = 1_000_006;
    const { assert!(N > PARALLEL_MIN_LEN) };
    let start = || {
        let mut g = Generator::new(2024).stream(3);
        g.set_position(5); // not a multiple of 4: misaligned Philox lanes
        g
    };
    let mut want = Array1::<T>::zeros(N);
    let mut a = Array1::<T>::zeros(N);
    let mut f = Array3::<T>::zeros((2, 1, N / 2).f());
    for (name, fill) in fills::<T>() {
        let mut g = start();
        pools[0].install(|| fill(&mut g, &mut want.view_mut().into_dyn()).unwrap());
        let end = g.position();
        for pool in pools {
            pool.install(|| {
                let mut g = start();
                fill(&mut g, &mut a.view_mut().into_dyn()).unwrap();
                assert_eq!(g.position(), end);
                assert!(
                    same_bits(&a, &want),
                    "{name} {:?}: threads change values",
                    T::DTYPE
                );

                // Strided outputs, compared in logical order: a Fortran-order
                // 3-D array (with a length-1 axis), and a reversed view.
                let mut g = start();
                fill(&mut g, &mut f.view_mut().into_dyn()).unwrap();
                let flat = f.to_shape(N).unwrap();
                assert!(same_bits(&flat, &want), "{name} {:?}: F order", T::DTYPE);

                let mut g = start();
                fill(&mut g, &mut a.slice_mut(s![..;-1]).into_dyn()).unwrap();
                assert!(
                    same_bits(&a.slice(s![..;-1]), &want),
                    "{name} {:?}: negative stride",
                    T::DTYPE
                );
            });
        }
    }
}

#[test]
fn same_values_whatever_the_thread_count() {
    let pools = pools();
    same_across_threads::<f64>(&pools);
    same_across_threads::<f32>(&pools);
    same_across_threads::<Complex64>(&pools);
    same_across_threads::<Complex32>(&pools);

    let runs: Vec<Vec<i64>> = pools
        .iter()
        .map(|p| {
            p.install(|| {
                let mut g = Generator::new(9);
                // A span just over 2⁶³: about half the words are rejected,
                // so the extra sequence is exercised in every chunk.
                g.integers(i64::MIN, 1, 1_000_001).unwrap().to_vec()
            })
        })
        .collect();
    assert!(runs.iter().all(|r| *r == runs[0]));
}

/// Fills of `a` then `b` elements equal one fill of `a + b`, across
/// Philox-lane, batch (256) and parallel-chunk boundaries.
fn continues<T: Scalar>() {
    let k = if T::IS_COMPLEX { 2 } else { 1 };
    let splits = [
        (10, 10),
        (7, 13),
        (1, 3),
        (300, 500),
        (CHUNK_LEN + 3, PARALLEL_MIN_LEN + 17),
    ];
    for (name, fill) in fills::<T>() {
        for (a, b) in splits {
            let mut g = Generator::new(77);
            let mut whole = Array::<T, IxDyn>::zeros(IxDyn(&[a + b]));
            fill(&mut g, &mut whole).unwrap();
            assert_eq!(g.position(), ((a + b) * k) as u64);

            let mut g = Generator::new(77);
            let mut first = Array::<T, IxDyn>::zeros(IxDyn(&[a]));
            let mut second = Array::<T, IxDyn>::zeros(IxDyn(&[b]));
            fill(&mut g, &mut first).unwrap();
            assert_eq!(g.position(), (a * k) as u64);
            fill(&mut g, &mut second).unwrap();
            let mut parts = bits(&first);
            parts.extend(bits(&second));
            assert!(parts == bits(&whole), "{name} {:?}: {a} + {b}", T::DTYPE);

            // Jumping to the middle gives the second part directly.
            let mut g = Generator::new(77);
            g.set_position((a * k) as u64);
            let mut again = Array::<T, IxDyn>::zeros(IxDyn(&[b]));
            fill(&mut g, &mut again).unwrap();
            assert!(bits(&again) == bits(&second));
        }
    }
}

#[test]
fn successive_fills_continue_the_stream() {
    continues::<f64>();
    continues::<f32>();
    continues::<Complex64>();
    continues::<Complex32>();

    let mut g = Generator::new(5);
    let whole = g.integers(-1000, 1000, 20).unwrap();
    let mut g = Generator::new(5);
    let mut a = g.integers(-1000, 1000, 10).unwrap().to_vec();
    a.extend(g.integers(-1000, 1000, 10).unwrap());
    assert_eq!(a, whole.to_vec());
    assert_eq!(g.position(), 20);
}

/// The fill of any layout holds, in logical order, the values of the
/// C-order fill: memory layout never changes values.
fn layouts<T: Scalar>() {
    for (name, fill) in fills::<T>() {
        let gen_c = || {
            let mut g = Generator::new(31);
            let mut a = Array::<T, IxDyn>::zeros(IxDyn(&[6, 5]));
            fill(&mut g, &mut a).unwrap();
            a
        };
        let c = gen_c();
        let check = |mut v: ndarray::ArrayViewMutD<'_, T>, what: &str| {
            let mut g = Generator::new(31);
            fill(&mut g, &mut v).unwrap();
            assert!(bits(&v) == bits(&c), "{name} {:?}: {what}", T::DTYPE);
        };
        let mut f = Array::<T, IxDyn>::zeros(IxDyn(&[6, 5]).f());
        check(f.view_mut(), "F order");
        let mut t = Array::<T, IxDyn>::zeros(IxDyn(&[5, 6]));
        check(t.view_mut().reversed_axes(), "transposed");
        let mut big = Array::<T, IxDyn>::zeros(IxDyn(&[13, 11]));
        check(
            big.slice_mut(s![1..;2, 3..8]).into_dyn(),
            "stepped sub-matrix",
        );
        let mut neg = Array::<T, IxDyn>::zeros(IxDyn(&[6, 5]));
        check(
            neg.slice_mut(s![..;-1, ..;-1]).into_dyn(),
            "negative strides",
        );
        // The elements outside the sub-matrix are untouched.
        let mut g = Generator::new(31);
        let mut big = Array2::<T>::zeros((13, 11));
        let mut v = big.slice_mut(s![1..;2, 3..8]);
        fill(&mut g, &mut v.view_mut().into_dyn()).unwrap();
        assert_eq!(big.iter().filter(|z| **z != T::zero()).count(), 30);
    }
}

#[test]
fn layouts_do_not_change_values() {
    layouts::<f64>();
    layouts::<f32>();
    layouts::<Complex64>();
    layouts::<Complex32>();

    // Constructors: Fortran order, other dimensionalities.
    let c: Array2<f64> = Generator::new(8).standard_normal((40, 30)).unwrap();
    let f: Array2<f64> = Generator::new(8).standard_normal((40, 30).f()).unwrap();
    assert!(f.t().is_standard_layout());
    assert_eq!(c, f);
    let flat: Array1<f64> = Generator::new(8).standard_normal(1200).unwrap();
    assert_eq!(flat.as_slice().unwrap(), c.as_slice().unwrap());
    let mut x3 = Array3::<f64>::zeros((4, 5, 6));
    let mut perm = x3.view_mut().permuted_axes([2, 0, 1]);
    Generator::new(8).fill_standard_normal(&mut perm).unwrap();
    assert_eq!(
        perm.iter().copied().collect::<Vec<_>>(),
        flat.to_vec()[..120]
    );
    // Four and more axes (filled row by row), serial and parallel sizes.
    for shape in [[2, 3, 4, 5], [2, 3, 4, 3001]] {
        let c: ndarray::Array4<f64> = Generator::new(8).random(shape).unwrap();
        let f: ndarray::Array4<f64> = Generator::new(8).random(shape.f()).unwrap();
        assert_eq!(c, f);
        let mut p = ndarray::Array4::<f64>::zeros([shape[3], shape[1], shape[0], shape[2]]);
        let mut v = p.view_mut().permuted_axes([2, 1, 3, 0]);
        Generator::new(8).fill_random(&mut v).unwrap();
        assert_eq!(v, c);
    }
    // A 0-d array takes one element; an empty one takes none.
    let mut g = Generator::new(8);
    let z = g.random::<f64, _>(()).unwrap();
    assert_eq!(z.len(), 1);
    let e = g.random::<Complex64, _>((3, 0)).unwrap();
    assert!(e.is_empty());
    assert_eq!(g.position(), 1);
}

#[test]
fn seeds_streams_and_positions() {
    let g = Generator::new(11);
    assert_eq!((g.seed(), g.key(), g.position()), (11, 0, 0));
    let mut s = g.stream(4);
    assert_eq!((s.seed(), s.key(), s.position()), (11, 4, 0));
    s.random::<f64, _>(3).unwrap();
    assert_eq!(s.position(), 3);
    // stream() starts at position 0 whatever the parent's position.
    assert_eq!(s.stream(4), g.stream(4));
    s.advance(10).unwrap();
    assert_eq!(s.position(), 13);

    // Values pinned for seed 0, stream 0: a change here breaks every
    // user's reproducibility and must be deliberate.
    let mut g = Generator::new(0);
    let u = g.random::<f64, _>(3).unwrap();
    let k = g.integers(0, 1000, 3).unwrap();
    assert_eq!(u.map(|x| x.to_bits()).to_vec(), GOLDEN_U);
    assert_eq!(u[0], 0.2330715359976251);
    assert_eq!(k.to_vec(), GOLDEN_K);
}

// Cross-checked against an independent (Python) implementation of the
// construction the module documents: Philox4x64-10 under the key
// (fmix64(seed ⊕ c₀), fmix64(key ⊕ c₁)), word p = lane p mod 4 of block p/4,
// f64 = (w >> 11)·2⁻⁵³, integers = (w·span) >> 64.
const GOLDEN_U: [u64; 3] = [
    4597565307351892012,
    4603358117320218149,
    4594318777806348848,
];
const GOLDEN_K: [i64; 3] = [22, 71, 332];

fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

#[test]
fn different_seeds_and_keys_are_uncorrelated() {
    const N: usize = 200_000;
    // The sample correlation of independent sequences has standard error
    // 1/√N; 6 of them is 0.0134.
    let bound = 6.0 / (N as f64).sqrt();
    let gens = [
        Generator::new(1),
        Generator::new(1).stream(1),
        Generator::new(2),
        Generator::new(0).stream(1),
        Generator::new(1).stream(0), // (1, 0) vs (0, 1): swapped seed and key
        Generator::new(1).stream(1 << 63),
        Generator::new(u64::MAX).stream(u64::MAX),
    ];
    let mut uni = Vec::new();
    let mut nor = Vec::new();
    for g in &gens {
        let mut g = g.clone();
        uni.push(g.random::<f64, _>(N).unwrap().to_vec());
        nor.push(
            g.stream(g.key())
                .standard_normal::<f64, _>(N)
                .unwrap()
                .to_vec(),
        );
    }
    for i in 0..gens.len() {
        for j in 0..gens.len() {
            if gens[i] == gens[j] {
                continue;
            }
            assert_ne!(uni[i][..4], uni[j][..4], "{:?} {:?}", gens[i], gens[j]);
            let r = correlation(&uni[i], &uni[j]);
            assert!(
                r.abs() < bound,
                "uniform {:?} {:?}: r = {r}",
                gens[i],
                gens[j]
            );
            let r = correlation(&nor[i], &nor[j]);
            assert!(
                r.abs() < bound,
                "normal {:?} {:?}: r = {r}",
                gens[i],
                gens[j]
            );
        }
        // Within a stream: successive values (lags 1 … 4, across Philox
        // lanes and blocks) are uncorrelated too.
        for lag in 1..=4 {
            let r = correlation(&uni[i][..N - lag], &uni[i][lag..]);
            assert!(r.abs() < bound, "lag {lag}: r = {r}");
            let r = correlation(&nor[i][..N - lag], &nor[i][lag..]);
            assert!(r.abs() < bound, "normal lag {lag}: r = {r}");
        }
    }
}

// ---------------------------------------------------------------------------
// Distribution checks.

struct Moments {
    mean: f64,
    var: f64,
    skew: f64,
    exkurt: f64,
}

fn moments(x: &[f64]) -> Moments {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for v in x {
        let d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    let (m2, m3, m4) = (m2 / n, m3 / n, m4 / n);
    Moments {
        mean,
        var: m2,
        skew: m3 / m2.powf(1.5),
        exkurt: m4 / (m2 * m2) - 3.0,
    }
}

/// erfc with fractional error below 1.2·10⁻⁷ (Chebyshev fit, Numerical
/// Recipes' `erfcc`): far below the KS bounds used here (~10⁻³).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let p = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * p.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Kolmogorov–Smirnov: √n·D for the sample against `cdf`. Under the null,
/// P(√n·D > t) ≈ 2·exp(−2t²), which is 10⁻⁸ at t = 3.1.
fn ks(x: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let mut v = x.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let mut d: f64 = 0.0;
    for (i, &x) in v.iter().enumerate() {
        let f = cdf(x);
        d = d.max(f - i as f64 / n).max((i + 1) as f64 / n - f);
    }
    d * n.sqrt()
}
const KS_BOUND: f64 = 3.1;

/// `|got − want| < 6·se`, with a message.
fn within(what: &str, got: f64, want: f64, se: f64) {
    assert!(
        (got - want).abs() < 6.0 * se,
        "{what}: got {got}, want {want} ± 6·{se}"
    );
}

/// Real and imaginary parts (as f64) of a sample.
fn split_parts<T: Scalar>(a: &Array1<T>) -> (Vec<f64>, Vec<f64>) {
    (
        a.iter().map(|z| z.re().to_f64_real()).collect(),
        a.iter().map(|z| z.im().to_f64_real()).collect(),
    )
}

const N: usize = 400_000;

fn uniform_checks<T: Scalar>() {
    let n = N as f64;
    for (low, high) in [(0.0, 1.0), (-3.0, 5.0), (1.0, 2.0)] {
        let mut g = Generator::new(100).stream(T::DTYPE as u64);
        let r = <T::Real as RealScalar>::from_f64_real;
        let a: Array1<T> = if (low, high) == (0.0, 1.0) {
            g.random(N).unwrap()
        } else {
            g.uniform(r(low), r(high), N).unwrap()
        };
        let (re, im) = split_parts(&a);
        let mut parts = vec![re];
        if T::IS_COMPLEX {
            parts.push(im);
        }
        let w = high - low;
        for x in &parts {
            let m = moments(x);
            // Uniform: σ² = w²/12, μ₄ = w⁴/80, so Var(s²) = (1/80 − 1/144)·w⁴/n.
            within(
                "uniform mean",
                m.mean,
                (low + high) / 2.0,
                w / (12.0 * n).sqrt(),
            );
            within(
                "uniform var",
                m.var,
                w * w / 12.0,
                w * w * ((1.0 / 80.0 - 1.0 / 144.0) / n).sqrt(),
            );
            let (min, max) = x
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
            assert!(
                min >= low && max < high,
                "{:?} range [{min}, {max}]",
                T::DTYPE
            );
            // P(no value within w·4·10⁻⁵ of an end) = (1 − 4·10⁻⁵)ⁿ ≈ e⁻¹⁶.
            assert!(min < low + 4e-5 * w && max > high - 4e-5 * w);
            let d = ks(x, |v| ((v - low) / w).clamp(0.0, 1.0));
            assert!(d < KS_BOUND, "{:?} uniform KS √n·D = {d}", T::DTYPE);
        }
        if T::IS_COMPLEX {
            let r = correlation(&parts[0], &parts[1]);
            assert!(r.abs() < 6.0 / n.sqrt(), "re/im correlation {r}");
        }
    }
}

#[test]
fn uniform_distribution() {
    uniform_checks::<f64>();
    uniform_checks::<f32>();
    uniform_checks::<Complex64>();
    uniform_checks::<Complex32>();

    // Resolution: f64 values are multiples of 2⁻⁵³ and use all 53 bits;
    // f32 values multiples of 2⁻²⁴.
    let x: Array1<f64> = Generator::new(3).random(1000).unwrap();
    assert!(x.iter().all(|v| (v * 2f64.powi(53)).fract() == 0.0));
    assert!(x.iter().any(|v| (v * 2f64.powi(52)).fract() != 0.0));
    let y: Array1<f32> = Generator::new(3).random(1000).unwrap();
    assert!(y.iter().all(|v| (v * 2f32.powi(24)).fract() == 0.0));
    assert!(y.iter().any(|v| (v * 2f32.powi(23)).fract() != 0.0));
}

fn normal_checks<T: Scalar>() {
    let n = N as f64;
    let r = <T::Real as RealScalar>::from_f64_real;
    let cases = [(0.0, 0.0, 1.0), (1.5, -2.0, 0.25)];
    for (mre, mim, std) in cases {
        let mut g = Generator::new(200).stream(T::DTYPE as u64);
        let mean = T::from_parts(r(mre), r(mim));
        let a: Array1<T> = if std == 1.0 {
            g.standard_normal(N).unwrap()
        } else {
            g.normal(mean, r(std), N).unwrap()
        };
        let (re, im) = split_parts(&a);
        // Each part: N(mean part, s²) with s² = std² (real) or std²/2 (complex).
        let s = if T::IS_COMPLEX {
            std * std::f64::consts::FRAC_1_SQRT_2
        } else {
            std
        };
        let mut parts = vec![(re, mre)];
        if T::IS_COMPLEX {
            parts.push((im, mim));
        }
        for (x, mu) in &parts {
            let m = moments(x);
            let what = format!("{:?} N({mu}, {s}²)", T::DTYPE);
            within(&format!("{what} mean"), m.mean, *mu, s / n.sqrt());
            // Var(s²) = 2σ⁴/n; skewness se √(6/n); excess kurtosis se √(24/n).
            within(
                &format!("{what} var"),
                m.var,
                s * s,
                s * s * (2.0 / n).sqrt(),
            );
            within(&format!("{what} skew"), m.skew, 0.0, (6.0 / n).sqrt());
            within(&format!("{what} kurt"), m.exkurt, 0.0, (24.0 / n).sqrt());
            let d = ks(x, |v| normal_cdf((v - mu) / s));
            assert!(d < KS_BOUND, "{what} KS √n·D = {d}");
            // The ziggurat's tail (|z| > R = 3.654…) and the region beyond
            // 3σ: binomial counts within 6 standard errors.
            for cut in [3.0, 3.654_152_885_361_009, 4.5] {
                let p = 2.0 * normal_cdf(-cut);
                let count = x.iter().filter(|v| ((*v - mu) / s).abs() > cut).count() as f64;
                within(
                    &format!("{what} |z| > {cut}"),
                    count,
                    n * p,
                    (n * p * (1.0 - p)).sqrt().max(1.0),
                );
            }
        }
        if T::IS_COMPLEX {
            let r = correlation(&parts[0].0, &parts[1].0);
            assert!(r.abs() < 6.0 / n.sqrt(), "re/im correlation {r}");
            // E|x − mean|² = std².
            let e2 = a
                .iter()
                .map(|z| (*z - mean).abs_sqr().to_f64_real())
                .sum::<f64>()
                / n;
            // |x − mean|²/std² is Exp(1): variance 1.
            within("E|z - mean|^2", e2, std * std, std * std / n.sqrt());
        }
    }
}

#[test]
fn normal_distribution() {
    normal_checks::<f64>();
    normal_checks::<f32>();
    normal_checks::<Complex64>();
    normal_checks::<Complex32>();

    // std = 0: the mean everywhere.
    let a: Array1<f64> = Generator::new(1).normal(2.5, 0.0, 100).unwrap();
    assert!(a.iter().all(|&v| v == 2.5));
}

#[test]
fn integers_distribution() {
    // A small range: each value's count is Binomial(n, 1/7).
    let (low, high) = (-3i64, 4i64);
    let n = 700_000;
    let a = Generator::new(300).integers(low, high, n).unwrap();
    let mut counts = [0usize; 7];
    for &v in &a {
        assert!((low..high).contains(&v), "{v} outside [{low}, {high})");
        counts[(v - low) as usize] += 1;
    }
    let p = 1.0 / 7.0;
    for (i, &c) in counts.iter().enumerate() {
        within(
            &format!("count of {}", low + i as i64),
            c as f64,
            n as f64 * p,
            (n as f64 * p * (1.0 - p)).sqrt(),
        );
    }

    // Single value; the top of i64; the whole range except i64::MAX.
    assert!(
        Generator::new(1)
            .integers(5, 6, 50)
            .unwrap()
            .iter()
            .all(|&v| v == 5)
    );
    let top = Generator::new(1)
        .integers(i64::MAX - 2, i64::MAX, 1000)
        .unwrap();
    assert!(top.iter().all(|&v| v == i64::MAX - 2 || v == i64::MAX - 1));
    assert!(top.iter().any(|&v| v == i64::MAX - 2) && top.iter().any(|&v| v == i64::MAX - 1));
    let all = Generator::new(1)
        .integers(i64::MIN, i64::MAX, 100_000)
        .unwrap();
    let neg = all.iter().filter(|&&v| v < 0).count() as f64;
    within(
        "negative share",
        neg,
        50_000.0,
        (100_000.0f64 * 0.25).sqrt(),
    );

    // No modulo bias: on [i64::MIN, 1) (span 2⁶³ + 1) a `% span` map would
    // make the lower half of the range twice as likely (mean −2⁶¹·3 instead
    // of −2⁶²). Here about half the words are rejected and redrawn.
    let m = 200_000;
    let b = Generator::new(2).integers(i64::MIN, 1, m).unwrap();
    assert!(b.iter().all(|&v| v <= 0));
    let x: Vec<f64> = b.iter().map(|&v| v as f64 / 2f64.powi(63)).collect();
    let mo = moments(&x);
    within(
        "wide-range mean",
        mo.mean,
        -0.5,
        (1.0 / (12.0 * m as f64)).sqrt(),
    );
    let d = ks(&x, |v| (v + 1.0).clamp(0.0, 1.0));
    assert!(d < KS_BOUND, "wide-range KS {d}");
}

#[test]
fn invalid_parameters_are_errors() {
    let mut g = Generator::new(1);
    let mut a = Array1::<f64>::zeros(10);
    let mut c = Array1::<Complex32>::zeros(10);
    let invalid = |r: lapis::Result<()>| matches!(r, Err(Error::InvalidArgument { .. }));
    assert!(invalid(g.fill_uniform(&mut a, 1.0, 1.0)));
    assert!(invalid(g.fill_uniform(&mut a, 2.0, 1.0)));
    assert!(invalid(g.fill_uniform(&mut a, f64::NAN, 1.0)));
    assert!(invalid(g.fill_uniform(&mut a, 0.0, f64::INFINITY)));
    assert!(invalid(g.fill_uniform(&mut a, -f64::MAX, f64::MAX))); // high − low overflows
    assert!(invalid(g.fill_uniform(&mut c, 0.0, f32::NAN)));
    assert!(invalid(g.fill_normal(&mut a, 0.0, -1.0)));
    assert!(invalid(g.fill_normal(&mut a, 0.0, f64::NAN)));
    assert!(invalid(g.fill_normal(&mut a, 0.0, f64::INFINITY)));
    assert!(invalid(g.fill_normal(&mut a, f64::NAN, 1.0)));
    assert!(invalid(g.fill_normal(
        &mut c,
        Complex32::new(0.0, f32::INFINITY),
        1.0
    )));
    assert!(invalid(g.fill_normal(
        &mut c,
        Complex32::new(0.0, 0.0),
        -0.5
    )));
    let mut k = Array1::<i64>::zeros(10);
    assert!(invalid(g.fill_integers(&mut k, 3, 3)));
    assert!(invalid(g.fill_integers(&mut k, 3, -3)));
    assert!(g.integers(i64::MAX, i64::MIN, 3).is_err());
    assert!(g.uniform::<f32, _>(1.0, 0.0, 3).is_err());
    assert!(g.normal(0.0f64, -2.0, (2, 2)).is_err());
    // Shapes too large to allocate: an error, not a panic.
    assert!(g.random::<f64, _>((usize::MAX, 2)).is_err());
    assert!(
        g.standard_normal::<Complex64, _>(isize::MAX as usize / 8)
            .is_err()
    );
    // Nothing above consumed the stream.
    assert_eq!(g.position(), 0);

    // The end of the stream: an error, and the position stays.
    g.set_position(u64::MAX - 15);
    assert!(invalid(g.fill_random(&mut c))); // 20 words
    assert_eq!(g.position(), u64::MAX - 15);
    assert!(g.fill_random(&mut a).is_ok()); // 10 words
    assert_eq!(g.position(), u64::MAX - 5);
    assert!(g.advance(6).is_err());
    assert_eq!(g.position(), u64::MAX - 5);
    assert!(g.advance(5).is_ok());
    assert!(g.fill_random(&mut Array1::<f64>::zeros(0)).is_ok());
}

// Keep the generic helpers honest for a 2-D `ArrayRef` argument as well as
// `ArrayRefD` (the fills are generic over the dimension).
#[test]
fn fills_take_any_dimension() {
    let mut g = Generator::new(4);
    let mut a = Array2::<f32>::zeros((3, 4));
    g.fill_standard_normal(&mut a).unwrap();
    let mut b = Array3::<Complex64>::zeros((2, 2, 2));
    g.fill_random(&mut b).unwrap();
    let mut d = ndarray::ArrayD::<i64>::zeros(IxDyn(&[2, 3]));
    g.fill_integers(&mut d, 0, 2).unwrap();
    assert_eq!(g.position(), 12 + 16 + 6);
}

/// `random_pairs`: x is the `f32` `random` value of the same word, the
/// values do not depend on the thread count or the layout, and the points
/// are uniform on the unit square (moments, x–y correlation, and π/4 for
/// the quarter disc, within 6 standard errors).
#[test]
fn random_pairs_points() {
    let n = PARALLEL_MIN_LEN + 3 * CHUNK_LEN + 17;
    assert!(n >= PARALLEL_MIN_LEN);
    // Same words as f32 `random`: x is its value, y the low half's.
    let p = Generator::new(5).random_pairs(n).unwrap();
    let x32 = Generator::new(5).random::<f32, _>(n).unwrap();
    assert!(
        p.iter()
            .zip(&x32)
            .all(|(a, b)| a[0].to_bits() == b.to_bits())
    );

    let bits = |a: &Array2<[f32; 2]>| -> Vec<(u32, u32)> {
        a.iter().map(|v| (v[0].to_bits(), v[1].to_bits())).collect()
    };
    let mut want = None;
    for t in pools() {
        t.install(|| {
            let mut g = Generator::new(9);
            g.set_position(3);
            let c = g.random_pairs((n / 7, 7)).unwrap();
            assert_eq!(g.position(), 3 + (n / 7 * 7) as u64);
            let mut f = Array2::from_elem((n / 7, 7).f(), [0.0f32; 2]);
            let mut g = Generator::new(9);
            g.set_position(3);
            g.fill_random_pairs(&mut f).unwrap();
            assert_eq!(bits(&c), bits(&f), "{} threads: layout", t.0);
            // Successive fills continue the stream.
            let mut g = Generator::new(9);
            g.set_position(3);
            let mut h = Array2::from_elem((n / 7, 7), [0.0f32; 2]);
            let (mut top, mut bottom) = h.view_mut().split_at(ndarray::Axis(0), 5);
            g.fill_random_pairs(&mut top).unwrap();
            g.fill_random_pairs(&mut bottom).unwrap();
            assert_eq!(bits(&c), bits(&h), "{} threads: continuation", t.0);
            match &want {
                None => want = Some(bits(&c)),
                Some(w) => assert_eq!(w, &bits(&c), "{} threads", t.0),
            }
        });
    }

    let m = 400_000;
    let p = Generator::new(17).random_pairs(m).unwrap();
    let x: Vec<f64> = p.iter().map(|v| f64::from(v[0])).collect();
    let y: Vec<f64> = p.iter().map(|v| f64::from(v[1])).collect();
    assert!(p.iter().flatten().all(|v| (0.0..1.0).contains(v)));
    let se_mean = (1.0 / 12.0 / m as f64).sqrt();
    // Var(U²)... for the variance: Var((U − ½)²) = 1/180.
    let se_var = (1.0 / 180.0 / m as f64).sqrt();
    for (name, v) in [("x", &x), ("y", &y)] {
        let mean = v.iter().sum::<f64>() / m as f64;
        let var = v.iter().map(|a| (a - 0.5) * (a - 0.5)).sum::<f64>() / m as f64;
        within(&format!("{name} mean"), mean, 0.5, se_mean);
        within(&format!("{name} variance"), var, 1.0 / 12.0, se_var);
    }
    within(
        "x-y correlation",
        correlation(&x, &y),
        0.0,
        (1.0 / m as f64).sqrt(),
    );
    let inside = p
        .iter()
        .filter(|v| v[0] * v[0] + v[1] * v[1] <= 1.0)
        .count();
    let q = std::f64::consts::FRAC_PI_4;
    within(
        "quarter-disc fraction",
        inside as f64 / m as f64,
        q,
        (q * (1.0 - q) / m as f64).sqrt(),
    );
}
