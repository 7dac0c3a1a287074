//! Latency of dynamic-array views: the fixed cost of making a view object
//! (no element is touched). Target: a slice view from Rust in ≤ 50 ns.
//!
//! `cargo bench --bench array`. Each timing includes dropping the view
//! (one atomic decrement). For reference: an `Arc` clone + drop alone
//! (the floor of any view that shares its buffer by `Arc`), ndarray's own
//! `slice` of the same 2-d data (a typed, borrowed view: no reference
//! count, no dtype), and a copy of a 64 × 64 block.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lapis::array::{self, Idx};
use lapis::{DType, MemOrder};

fn views(c: &mut Criterion) {
    let a = array::zeros(&[1000, 1000], DType::F64).unwrap();
    let z = array::zeros(&[100, 100], DType::C128).unwrap();
    let idx = [Idx::slice(Some(10), Some(-10), 2), Idx::step(-1)];
    let mut g = c.benchmark_group("view");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g.bench_function("slice a[10:-10:2, ::-1]", |b| {
        b.iter(|| {
            let v = black_box(&a).slice(black_box(&idx)).unwrap();
            black_box(&v);
        })
    });
    let arc = std::sync::Arc::new(0u64);
    g.bench_function("Arc clone + drop (reference)", |b| {
        b.iter(|| {
            let c = std::sync::Arc::clone(black_box(&arc));
            black_box(&c);
        })
    });
    g.bench_function("slice a[3] (index)", |b| {
        b.iter(|| black_box(&a).slice(&[Idx::Index(black_box(3))]).unwrap())
    });
    g.bench_function("transpose a.t()", |b| b.iter(|| black_box(&a).t()));
    g.bench_function("broadcast_to (5,1000,1000)", |b| {
        b.iter(|| {
            black_box(&a)
                .broadcast_to(black_box(&[5, 1000, 1000]))
                .unwrap()
        })
    });
    g.bench_function("real of complex", |b| b.iter(|| black_box(&z).real()));
    g.bench_function("reshape view (1000000,)", |b| {
        b.iter(|| black_box(&a).reshape(black_box(&[-1])).unwrap())
    });
    g.bench_function("typed view::<f64>() (ndarray view)", |b| {
        b.iter(|| black_box(&a).view::<f64>().unwrap().len())
    });
    let nd = ndarray::Array2::<f64>::zeros((1000, 1000));
    g.bench_function("ndarray slice (reference)", |b| {
        b.iter(|| black_box(&nd).slice(ndarray::s![10..990;2, ..;-1]).len())
    });
    g.bench_function("copy 64x64 block (C order)", |b| {
        let blk = a.slice(&[(0..64).into(), (0..64).into()]).unwrap();
        b.iter(|| black_box(&blk).copy(MemOrder::C).unwrap())
    });
    g.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
