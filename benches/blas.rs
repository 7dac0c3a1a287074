//! lapis's typed BLAS against the same cblas call made directly, on the
//! same data: gemm, gemv, axpy, dot for f64 and complex128, n = 4 … 2048.
//!
//! `cargo bench --bench blas` (or `make bench`). The ratio of the two
//! timings at each n is lapis's overhead; at small n the difference is its
//! fixed per-call cost (argument checks and layout decisions).

use std::hint::black_box;
use std::time::Duration;

use cblas_sys::{CBLAS_LAYOUT::CblasRowMajor, CBLAS_TRANSPOSE::CblasNoTrans};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lapis::Complex64;
use lapis::blas::{self, Transpose};
use ndarray::{Array1, Array2};

const SIZES: [usize; 6] = [4, 16, 64, 256, 1024, 2048];

fn mat<T: lapis::Scalar>(n: usize, seed: f64) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        T::from_f64(((i * 31 + j * 17) as f64 * seed).sin())
    })
}

fn vec<T: lapis::Scalar>(n: usize, seed: f64) -> Array1<T> {
    Array1::from_shape_fn(n, |i| T::from_f64((i as f64 * seed).cos()))
}

fn tune(g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, n: usize) {
    if n >= 1024 {
        g.sample_size(10).measurement_time(Duration::from_secs(8));
    } else {
        g.sample_size(30).measurement_time(Duration::from_secs(2));
    }
    g.warm_up_time(Duration::from_millis(500));
}

fn gemm_bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("dgemm");
    for n in SIZES {
        tune(&mut g, n);
        g.throughput(Throughput::Elements((2 * n * n * n) as u64));
        let (a, b) = (mat::<f64>(n, 0.1), mat::<f64>(n, 0.2));
        let mut out = Array2::<f64>::zeros((n, n));
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| {
                blas::gemm(
                    Transpose::NoTrans,
                    Transpose::NoTrans,
                    1.0,
                    &a,
                    &b,
                    0.0,
                    &mut out,
                )
                .unwrap()
            })
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: `a`, `b` and `out` are C-order `n × n` arrays (`ld = n`), alive
            // for the bench; `out` is a unique borrow, so it overlaps neither input.
            bch.iter(|| unsafe {
                cblas_sys::cblas_dgemm(
                    CblasRowMajor,
                    CblasNoTrans,
                    CblasNoTrans,
                    ni,
                    ni,
                    ni,
                    1.0,
                    a.as_ptr(),
                    ni,
                    b.as_ptr(),
                    ni,
                    0.0,
                    out.as_mut_ptr(),
                    ni,
                )
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("zgemm");
    let (one, zero) = (Complex64::new(1.0, 0.0), Complex64::new(0.0, 0.0));
    for n in SIZES {
        tune(&mut g, n);
        g.throughput(Throughput::Elements((8 * n * n * n) as u64));
        let (a, b) = (mat::<Complex64>(n, 0.1), mat::<Complex64>(n, 0.2));
        let mut out = Array2::<Complex64>::zeros((n, n));
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| {
                blas::gemm(
                    Transpose::NoTrans,
                    Transpose::NoTrans,
                    one,
                    &a,
                    &b,
                    zero,
                    &mut out,
                )
                .unwrap()
            })
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: as for `dgemm`: C-order `n × n` complex arrays, `out` unique;
            // `Complex64` is `repr(C)` like CBLAS's complex.
            bch.iter(|| unsafe {
                cblas_sys::cblas_zgemm(
                    CblasRowMajor,
                    CblasNoTrans,
                    CblasNoTrans,
                    ni,
                    ni,
                    ni,
                    (&one as *const Complex64).cast(),
                    a.as_ptr().cast(),
                    ni,
                    b.as_ptr().cast(),
                    ni,
                    (&zero as *const Complex64).cast(),
                    out.as_mut_ptr().cast(),
                    ni,
                )
            })
        });
    }
    g.finish();
}

fn gemv_bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("dgemv");
    for n in SIZES {
        tune(&mut g, n);
        let a = mat::<f64>(n, 0.1);
        let x = vec::<f64>(n, 0.3);
        let mut y = Array1::<f64>::zeros(n);
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| blas::gemv(Transpose::NoTrans, 1.0, &a, &x, 0.0, &mut y).unwrap())
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: `a` is C-order `n × n`, `x` and `y` hold `n` contiguous elements;
            // `y` is a unique borrow.
            bch.iter(|| unsafe {
                cblas_sys::cblas_dgemv(
                    CblasRowMajor,
                    CblasNoTrans,
                    ni,
                    ni,
                    1.0,
                    a.as_ptr(),
                    ni,
                    x.as_ptr(),
                    1,
                    0.0,
                    y.as_mut_ptr(),
                    1,
                )
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("zgemv");
    let (one, zero) = (Complex64::new(1.0, 0.0), Complex64::new(0.0, 0.0));
    for n in SIZES {
        tune(&mut g, n);
        let a = mat::<Complex64>(n, 0.1);
        let x = vec::<Complex64>(n, 0.3);
        let mut y = Array1::<Complex64>::zeros(n);
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| blas::gemv(Transpose::NoTrans, one, &a, &x, zero, &mut y).unwrap())
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: as for `dgemv`, with `repr(C)` complex elements and scalars.
            bch.iter(|| unsafe {
                cblas_sys::cblas_zgemv(
                    CblasRowMajor,
                    CblasNoTrans,
                    ni,
                    ni,
                    (&one as *const Complex64).cast(),
                    a.as_ptr().cast(),
                    ni,
                    x.as_ptr().cast(),
                    1,
                    (&zero as *const Complex64).cast(),
                    y.as_mut_ptr().cast(),
                    1,
                )
            })
        });
    }
    g.finish();
}

fn level1_bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("daxpy");
    for n in SIZES {
        tune(&mut g, n);
        let x = vec::<f64>(n, 0.3);
        let mut y = vec::<f64>(n, 0.7);
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| blas::axpy(black_box(1e-9), &x, &mut y).unwrap())
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: `x` and `y` hold `n` contiguous elements; `y` is a unique borrow.
            bch.iter(|| unsafe {
                cblas_sys::cblas_daxpy(ni, black_box(1e-9), x.as_ptr(), 1, y.as_mut_ptr(), 1)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("zaxpy");
    for n in SIZES {
        tune(&mut g, n);
        let x = vec::<Complex64>(n, 0.3);
        let mut y = vec::<Complex64>(n, 0.7);
        let alpha = Complex64::new(1e-9, 0.0);
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| blas::axpy(black_box(alpha), &x, &mut y).unwrap())
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            // SAFETY: as for `daxpy`, with `repr(C)` complex elements and `alpha`.
            bch.iter(|| unsafe {
                cblas_sys::cblas_zaxpy(
                    ni,
                    (&alpha as *const Complex64).cast(),
                    x.as_ptr().cast(),
                    1,
                    y.as_mut_ptr().cast(),
                    1,
                )
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("ddot");
    for n in SIZES {
        tune(&mut g, n);
        let (x, y) = (vec::<f64>(n, 0.3), vec::<f64>(n, 0.7));
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| black_box(blas::dot(&x, &y).unwrap()))
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            bch.iter(|| {
                // SAFETY: `x` and `y` hold `n` contiguous elements, only read.
                black_box(unsafe { cblas_sys::cblas_ddot(ni, x.as_ptr(), 1, y.as_ptr(), 1) })
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("zdotc");
    for n in SIZES {
        tune(&mut g, n);
        let (x, y) = (vec::<Complex64>(n, 0.3), vec::<Complex64>(n, 0.7));
        g.bench_with_input(BenchmarkId::new("lapis", n), &n, |bch, _| {
            bch.iter(|| black_box(blas::dotc(&x, &y).unwrap()))
        });
        let ni = n as i32;
        g.bench_with_input(BenchmarkId::new("direct", n), &n, |bch, _| {
            bch.iter(|| {
                let mut r = Complex64::new(0.0, 0.0);
                // SAFETY: `x` and `y` hold `n` contiguous `repr(C)` complex elements, only
                // read; `r` is a local the routine writes once.
                unsafe {
                    cblas_sys::cblas_zdotc_sub(
                        ni,
                        x.as_ptr().cast(),
                        1,
                        y.as_ptr().cast(),
                        1,
                        (&mut r as *mut Complex64).cast(),
                    )
                };
                black_box(r)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, level1_bench, gemv_bench, gemm_bench);
criterion_main!(benches);
