//! FFT timings (criterion, short): 1-D complex128 of 2^10, 2^16, 2^20 and
//! the prime 65537, 2-D 1024×1024, rfft of 2^20 reals, a 4096 × 256 batch
//! along the last axis. `benches/numpy/fft_bench.py` times numpy.fft on the
//! same shapes for the side-by-side comparison.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lapis::array::{self, NdArray};
use lapis::fft::{self, Norm};
use lapis::{Complex64, DType};

fn complex(shape: &[usize]) -> NdArray {
    let n: usize = shape.iter().product();
    let v: Vec<Complex64> = (0..n)
        .map(|i| Complex64::new((i as f64 * 0.37).sin(), (i as f64 * 0.11).cos()))
        .collect();
    array::from_vec(v, shape).unwrap()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("fft");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for n in [1usize << 10, 1 << 16, 1 << 20, 65537] {
        let a = complex(&[n]);
        g.bench_function(format!("fft c128 n={n}"), |b| {
            b.iter(|| fft::fft(&a, None, -1, Norm::Backward).unwrap())
        });
    }
    let a = complex(&[1024, 1024]);
    g.bench_function("fft2 c128 1024x1024", |b| {
        b.iter(|| fft::fft2(&a, None, None, Norm::Backward).unwrap())
    });
    let r = array::linspace(0.0, 1.0, 1 << 20, true, DType::F64).unwrap();
    g.bench_function("rfft f64 n=2^20", |b| {
        b.iter(|| fft::rfft(&r, None, -1, Norm::Backward).unwrap())
    });
    let a = complex(&[4096, 256]);
    g.bench_function("fft c128 batch 4096x256 axis=-1", |b| {
        b.iter(|| fft::fft(&a, None, -1, Norm::Backward).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
