//! Elementwise ufuncs on 2000 × 2000 arrays (f64 and complex128) and the
//! latency of a 4 × 4 add, sums along each axis, and a stacked 4 × 4
//! matmul, on one thread and on all threads. Also the reductions on a
//! 2000 × 2000 array (each axis and all, against two plain-loop
//! references) and the stacked-matmul thresholds: the pool's
//! (`PAR_WORK`, 1 thread against all) and the direct kernel's
//! (`SMALL_DIM`, per-product time from 4×4 to 24×24).
//!
//! `cargo bench --bench ufunc` (add `-- <filter>` to pick cases). The
//! same operations in NumPy: `python3 benches/numpy/ufunc_bench.py`.
//! Targets (issue 5, one thread): broadcast add ≥ 1.5× NumPy's speed,
//! fused a·b + c ≥ 2× NumPy's `a*b + c`, exp ≥ NumPy, sum along either
//! axis ≥ NumPy, 4×4 add ≤ 100 ns, stacked 4×4 matmul ≥ 3× NumPy.
//!
//! Cases returning a new array include its allocation (as NumPy's do);
//! `_out` cases write into an existing array.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lapis::array::{self, Axes, NdArray, ufunc};
use lapis::{DType, MemOrder};

const N: usize = 2000;

fn operands(dt: DType) -> (NdArray, NdArray, NdArray, NdArray) {
    let mut g = array::random::Generator::new(42);
    let a = g.uniform_nd(0.5, 2.0, &[N, N], dt).unwrap();
    let b = g.uniform_nd(0.5, 2.0, &[N, N], dt).unwrap();
    let c = g.uniform_nd(0.5, 2.0, &[N, N], dt).unwrap();
    let row = g.uniform_nd(0.5, 2.0, &[N], dt).unwrap();
    (a, b, c, row)
}

fn big(c: &mut Criterion, threads: usize) {
    lapis::set_num_threads(threads).unwrap();
    for dt in [DType::F64, DType::C128] {
        let (a, b, cc, row) = operands(dt);
        let mut out = array::empty(&[N, N], dt).unwrap();
        let mut g = c.benchmark_group(format!("{}x{} {} {}t", N, N, dt, threads));
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        g.bench_function("add matrix + row", |bch| {
            bch.iter(|| ufunc::add(black_box(&a), black_box(&row)).unwrap())
        });
        g.bench_function("add_out matrix + row", |bch| {
            bch.iter(|| ufunc::add_out(black_box(&a), black_box(&row), &mut out).unwrap())
        });
        g.bench_function("multiply_add a*b+c", |bch| {
            bch.iter(|| ufunc::multiply_add(black_box(&a), &b, &cc).unwrap())
        });
        g.bench_function("multiply then add (two passes)", |bch| {
            bch.iter(|| ufunc::add(&ufunc::multiply(black_box(&a), &b).unwrap(), &cc).unwrap())
        });
        g.bench_function("exp", |bch| bch.iter(|| ufunc::exp(black_box(&a)).unwrap()));
        g.bench_function("sum axis 0", |bch| {
            bch.iter(|| black_box(&a).sum(0, false).unwrap())
        });
        g.bench_function("sum axis 1", |bch| {
            bch.iter(|| black_box(&a).sum(1, false).unwrap())
        });
        g.bench_function("exp_out", |bch| {
            bch.iter(|| ufunc::exp_out(black_box(&a), &mut out).unwrap())
        });
        g.bench_function("sqrt", |bch| {
            bch.iter(|| ufunc::sqrt(black_box(&a)).unwrap())
        });
        if dt == DType::F64 {
            let f = a.copy(MemOrder::F).unwrap();
            g.bench_function("add F-order + row", |bch| {
                bch.iter(|| ufunc::add(black_box(&f), black_box(&row)).unwrap())
            });
        }
        g.finish();
    }
}

fn latency(c: &mut Criterion) {
    lapis::set_num_threads(1).unwrap();
    let a = array::ones(&[4, 4], DType::F64).unwrap();
    let b = array::ones(&[4, 4], DType::F64).unwrap();
    let mut out = array::empty(&[4, 4], DType::F64).unwrap();
    let mut g = c.benchmark_group("latency 4x4 f64");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("add (new array)", |bch| {
        bch.iter(|| ufunc::add(black_box(&a), black_box(&b)).unwrap())
    });
    g.bench_function("add_out", |bch| {
        bch.iter(|| ufunc::add_out(black_box(&a), black_box(&b), &mut out).unwrap())
    });
    g.finish();

    let mut rng = array::random::Generator::new(7);
    let mut g = c.benchmark_group("matmul stack 1000 x 4x4");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for dt in [DType::F64, DType::C128, DType::F32] {
        let x = rng.standard_normal_nd(&[1000, 4, 4], dt).unwrap();
        let y = rng.standard_normal_nd(&[1000, 4, 4], dt).unwrap();
        let mut out = array::empty(&[1000, 4, 4], dt).unwrap();
        g.bench_function(dt.name(), |bch| {
            bch.iter(|| array::matmul(black_box(&x), black_box(&y)).unwrap())
        });
        g.bench_function(format!("{} matmul_out", dt.name()), |bch| {
            bch.iter(|| array::matmul_out(black_box(&x), black_box(&y), &mut out).unwrap())
        });
    }
    g.finish();
}

/// Reductions of a 2000 × 2000 array: the typed API (`array::sum`, `max`
/// on an `ndarray` array) along each axis and over all, `NdArray`'s `var`
/// and `vector_norm`, and two plain loops over the same f64 data as the
/// floor (eight accumulators over the slice; one accumulator per column,
/// row by row). The sums also run on all threads.
fn reductions(c: &mut Criterion) {
    lapis::set_num_threads(1).unwrap();
    let a = ndarray::Array2::<f64>::from_shape_fn((N, N), |(i, j)| (i * 7 + j) as f64 * 1e-3);
    let z = ndarray::Array2::<lapis::Complex64>::from_shape_fn((N, N), |(i, j)| {
        lapis::Complex64::new(i as f64, j as f64)
    });
    let sl = a.as_slice().unwrap();
    let axes = [
        ("axis 0", Axes::One(0)),
        ("axis 1", Axes::One(1)),
        ("all", Axes::All),
    ];
    let mut g = c.benchmark_group(format!("reduce {N}x{N} 1t"));
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("8-accumulator slice sum (reference)", |bch| {
        bch.iter(|| {
            let mut acc = [0.0f64; 8];
            for ch in black_box(sl).chunks_exact(8) {
                for k in 0..8 {
                    acc[k] += ch[k];
                }
            }
            acc
        })
    });
    g.bench_function("row accumulation (reference)", |bch| {
        bch.iter(|| {
            let mut acc = vec![0.0f64; N];
            for r in black_box(sl).chunks_exact(N) {
                for (a, &x) in acc.iter_mut().zip(r) {
                    *a += x;
                }
            }
            acc
        })
    });
    for (name, ax) in &axes {
        g.bench_function(format!("sum f64 {name}"), |bch| {
            bch.iter(|| array::sum(black_box(&a), ax.clone(), false).unwrap())
        });
        g.bench_function(format!("sum c128 {name}"), |bch| {
            bch.iter(|| array::sum(black_box(&z), ax.clone(), false).unwrap())
        });
        g.bench_function(format!("max f64 {name}"), |bch| {
            bch.iter(|| array::max(black_box(&a), ax.clone(), false).unwrap())
        });
    }
    let nd = array::from_ndarray(a.clone()).unwrap();
    g.bench_function("NdArray var axis 0", |bch| {
        bch.iter(|| black_box(&nd).var(0, 0, false).unwrap())
    });
    g.bench_function("NdArray vector_norm axis 1", |bch| {
        bch.iter(|| black_box(&nd).vector_norm(2.0, 1, false).unwrap())
    });
    g.finish();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > 1 {
        lapis::set_num_threads(threads).unwrap();
        let mut g = c.benchmark_group(format!("reduce {N}x{N} {threads}t"));
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for (name, ax) in &axes {
            g.bench_function(format!("sum f64 {name}"), |bch| {
                bch.iter(|| array::sum(black_box(&a), ax.clone(), false).unwrap())
            });
        }
        g.finish();
    }
}

/// The stacked-matmul thresholds: stacks of 4 × 4 f64 products around the
/// pool's threshold (`PAR_WORK`) on one thread and on all, and 100
/// products of `n × n` around the direct kernel's (`SMALL_DIM`: direct up
/// to 16, BLAS above; throughput in multiply-adds).
fn matmul_thresholds(c: &mut Criterion) {
    // A stack of `count` f64 `n × n` matrices with entries in [-0.8, 0.8].
    let stack = |count: usize, n: usize, seed: usize| {
        let v = ndarray::Array3::<f64>::from_shape_fn((count, n, n), |(i, j, k)| {
            ((i * n * n + j * n + k + seed) % 17) as f64 * 0.1 - 0.8
        });
        array::from_ndarray(v.into_dyn()).unwrap()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("matmul_out stack of 4x4 f64");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for count in [2000, 4096, 8192, 32768] {
        let (x, y) = (stack(count, 4, 0), stack(count, 4, 5));
        let mut out = array::empty(&[count, 4, 4], DType::F64).unwrap();
        for t in [1, threads] {
            lapis::set_num_threads(t).unwrap();
            g.bench_function(format!("{count} products {t}t"), |bch| {
                bch.iter(|| array::matmul_out(black_box(&x), black_box(&y), &mut out).unwrap())
            });
            if threads == 1 {
                break;
            }
        }
    }
    g.finish();
    lapis::set_num_threads(1).unwrap();
    let mut g = c.benchmark_group("matmul_out 100 x nxn f64 1t");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for n in [4usize, 6, 8, 9, 10, 12, 16, 24] {
        let (x, y) = (stack(100, n, 0), stack(100, n, 5));
        let mut out = array::empty(&[100, n, n], DType::F64).unwrap();
        g.throughput(Throughput::Elements((100 * n * n * n) as u64));
        g.bench_function(format!("{n}x{n}x{n}"), |bch| {
            bch.iter(|| array::matmul_out(black_box(&x), black_box(&y), &mut out).unwrap())
        });
    }
    g.finish();
}

fn one_thread(c: &mut Criterion) {
    big(c, 1);
}

fn all_threads(c: &mut Criterion) {
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    if n > 1 {
        big(c, n);
    }
}

criterion_group!(
    benches,
    latency,
    one_thread,
    all_threads,
    reductions,
    matmul_thresholds
);
criterion_main!(benches);
