//! Timing sanity check of the reductions (ignored by default; run with
//! `cargo test --release --test array_reduce_perf -- --ignored --nocapture`).

use std::time::Instant;

use lapis::array::{self, Axes};

fn best_of(f: &mut dyn FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..20 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    best * 1e3
}

#[test]
#[ignore]
fn sum_2000x2000_each_axis() {
    lapis::set_num_threads(1).unwrap();
    let a = ndarray::Array2::<f64>::from_shape_fn((2000, 2000), |(i, j)| (i * 7 + j) as f64 * 1e-3);
    let c = ndarray::Array2::<lapis::Complex64>::from_shape_fn((2000, 2000), |(i, j)| {
        lapis::Complex64::new(i as f64, j as f64)
    });
    let sl = a.as_slice().unwrap();
    let t = best_of(&mut || {
        let mut acc = [0.0f64; 8];
        for c in sl.chunks_exact(8) {
            for k in 0..8 {
                acc[k] += c[k];
            }
        }
        std::hint::black_box(acc);
    });
    println!("baseline 8-accumulator slice sum: {t:.3} ms");
    let t = best_of(&mut || {
        let mut acc = vec![0.0f64; 2000];
        for r in sl.chunks_exact(2000) {
            for (a, &x) in acc.iter_mut().zip(r) {
                *a += x;
            }
        }
        std::hint::black_box(acc);
    });
    println!("baseline row accumulation: {t:.3} ms");
    for (name, ax) in [
        ("axis 0", Axes::One(0)),
        ("axis 1", Axes::One(1)),
        ("all", Axes::All),
    ] {
        let t = best_of(&mut || {
            std::hint::black_box(array::sum(&a, ax.clone(), false).unwrap());
        });
        let tc = best_of(&mut || {
            std::hint::black_box(array::sum(&c, ax.clone(), false).unwrap());
        });
        let tm = best_of(&mut || {
            std::hint::black_box(array::max(&a, ax.clone(), false).unwrap());
        });
        println!("sum f64 {name}: {t:.3} ms; c128 {tc:.3} ms; max f64 {tm:.3} ms");
    }
    let nd = lapis::array::from_ndarray(a.clone()).unwrap();
    let t = best_of(&mut || {
        std::hint::black_box(nd.sum(0, false).unwrap());
    });
    println!("NdArray sum axis 0: {t:.3} ms");
    let t = best_of(&mut || {
        std::hint::black_box(nd.var(0, 0, false).unwrap());
    });
    println!("NdArray var axis 0: {t:.3} ms");
    let t = best_of(&mut || {
        std::hint::black_box(nd.vector_norm(2.0, 1, false).unwrap());
    });
    println!("NdArray norm axis 1: {t:.3} ms");
    lapis::set_num_threads(2).unwrap();
    for (name, ax) in [
        ("axis 0", Axes::One(0)),
        ("axis 1", Axes::One(1)),
        ("all", Axes::All),
    ] {
        let t = best_of(&mut || {
            std::hint::black_box(array::sum(&a, ax.clone(), false).unwrap());
        });
        println!("2 threads: sum f64 {name}: {t:.3} ms");
    }
}
