//! `lapis::array::random`: filling arrays with uniform and normal values,
//! serial (a one-thread rayon pool) against parallel (the global pool, one
//! thread per CPU).
//!
//! `cargo bench --bench random`. Groups:
//! * `fill_12M`: 12·10⁶ `f64` (the Monte Carlo π size of the lapis issues):
//!   uniform [0, 1) and standard normal, serial and parallel; also
//!   `Complex64` standard normal (24·10⁶ normals).
//! * `threshold`: n = 8 k … 256 k uniform `f64` in chunks of `CHUNK_LEN`
//!   (the library's own scheme, rebuilt from the public API with
//!   `set_position`), serial against parallel, to show where
//!   `PARALLEL_MIN_LEN` should lie on the machine at hand.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lapis::Complex64;
use lapis::array::random::{CHUNK_LEN, Generator};
use ndarray::{Array1, ArrayViewMut1};
use rayon::prelude::*;

const BIG: usize = 12_000_000;

fn serial_pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
}

fn fill_12m(c: &mut Criterion) {
    let one = serial_pool();
    let threads = rayon::current_num_threads();
    let mut g = c.benchmark_group("fill_12M");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(6))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Elements(BIG as u64));
    let mut a = Array1::<f64>::zeros(BIG);
    let mut gen_ = Generator::new(1);
    g.bench_function("uniform_f64/serial", |b| {
        b.iter(|| one.install(|| gen_.fill_random(&mut a).unwrap()))
    });
    g.bench_function(format!("uniform_f64/parallel_{threads}"), |b| {
        b.iter(|| gen_.fill_random(&mut a).unwrap())
    });
    g.bench_function("normal_f64/serial", |b| {
        b.iter(|| one.install(|| gen_.fill_standard_normal(&mut a).unwrap()))
    });
    g.bench_function(format!("normal_f64/parallel_{threads}"), |b| {
        b.iter(|| gen_.fill_standard_normal(&mut a).unwrap())
    });
    // Allocation included: what `rng.random(12_000_000)` costs a user.
    g.bench_function(format!("uniform_f64_new_array/parallel_{threads}"), |b| {
        b.iter(|| black_box(gen_.random::<f64, _>(BIG).unwrap()))
    });
    drop(a);
    let mut z = Array1::<Complex64>::zeros(BIG);
    g.bench_function("normal_c128/serial", |b| {
        b.iter(|| one.install(|| gen_.fill_standard_normal(&mut z).unwrap()))
    });
    g.bench_function(format!("normal_c128/parallel_{threads}"), |b| {
        b.iter(|| gen_.fill_standard_normal(&mut z).unwrap())
    });
    g.finish();
}

/// The library's fill scheme, forced at any size: chunks of `CHUNK_LEN`
/// elements, each filled by a clone of the generator moved to the chunk's
/// first position (each chunk is below the parallel threshold, so the
/// library fills it serially), on the calling thread or on the rayon pool.
fn chunked(gen_: &Generator, a: &mut Array1<f64>, parallel: bool) {
    let start = gen_.position();
    let fill = |(i, chunk): (usize, &mut [f64])| {
        let mut g = gen_.clone();
        g.set_position(start + (i * CHUNK_LEN) as u64);
        g.fill_random(&mut ArrayViewMut1::from(chunk)).unwrap();
    };
    let s = a.as_slice_mut().unwrap();
    if parallel {
        s.par_chunks_mut(CHUNK_LEN).enumerate().for_each(fill);
    } else {
        s.chunks_mut(CHUNK_LEN).enumerate().for_each(fill);
    }
}

fn threshold(c: &mut Criterion) {
    let threads = rayon::current_num_threads();
    let mut g = c.benchmark_group("threshold");
    g.sample_size(50)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(300));
    let gen_ = Generator::new(2);
    for n in [1 << 13, 1 << 14, 1 << 15, 1 << 16, 1 << 17, 1 << 18] {
        g.throughput(Throughput::Elements(n as u64));
        let mut a = Array1::<f64>::zeros(n);
        g.bench_with_input(BenchmarkId::new("serial", n), &n, |b, _| {
            b.iter(|| chunked(&gen_, &mut a, false))
        });
        g.bench_with_input(
            BenchmarkId::new(format!("parallel_{threads}"), n),
            &n,
            |b, _| b.iter(|| chunked(&gen_, &mut a, true)),
        );
    }
    g.finish();
}

criterion_group!(benches, fill_12m, threshold);
criterion_main!(benches);
