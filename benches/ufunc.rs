//! Elementwise ufuncs on 2000 × 2000 arrays (f64 and complex128) and the
//! latency of a 4 × 4 add, sums along each axis, and a stacked 4 × 4
//! matmul, on one thread and on all threads.
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

use criterion::{Criterion, criterion_group, criterion_main};
use lapis::array::{self, NdArray, ufunc};
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
    for dt in [DType::F64, DType::C128] {
        let x = rng.standard_normal_nd(&[1000, 4, 4], dt).unwrap();
        let y = rng.standard_normal_nd(&[1000, 4, 4], dt).unwrap();
        g.bench_function(dt.name(), |bch| {
            bch.iter(|| array::matmul(black_box(&x), black_box(&y)).unwrap())
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

criterion_group!(benches, latency, one_thread, all_threads);
criterion_main!(benches);
