//! Monte Carlo π: the fraction of uniform points of the unit square that
//! fall inside the quarter disc x² + y² ≤ 1 is π/4.
//!
//! `cargo run --release --example pi [-- SAMPLES [SEED [RUNS]]]`
//! (defaults: 12·10⁶ samples, seed 2024, 9 timed runs).
//!
//! * **Seeded**: the points come from lapis's counter-based generator
//!   ([`Generator`]); point `i` is word `i` of the seed's stream, whoever
//!   draws it.
//! * **Vectorized, without materializing**: the stream is cut into chunks of
//!   [`CHUNK`] points (128 KiB, cache-resident). Each chunk is filled by
//!   [`Generator::fill_random_pairs`] — two `f32` coordinates from one
//!   64-bit Philox word — and counted at once by a branch-free loop that the
//!   compiler turns into SIMD; nothing of size `SAMPLES` is ever allocated.
//!   (Array-at-a-time ufuncs — `multiply`, `multiply_add`, a comparison,
//!   then a sum — would make four passes over each chunk for work that
//!   costs less than the draws; the whole run is bound by the Philox
//!   multiplies, ~2 ns per point per core.)
//! * **Multi-threaded**: as many threads as lapis uses
//!   ([`lapis::parallel::threads`], set by `lapis::set_num_threads`) take
//!   chunks from a shared counter. A chunk positions its own generator with
//!   [`Generator::set_position`], and the hit counts are integers, so the
//!   estimate is bit-identical for every thread count (checked below).
//!
//! The timing is the median of RUNS runs after one warm-up, on one thread
//! and on lapis's thread count. `benches/numpy/pi.py` times NumPy's
//! vectorized version on the same machine.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lapis::array::random::Generator;
use ndarray::{Array1, s};

/// Points per chunk: 16 Ki points of 8 bytes, small enough to stay in L2
/// between the fill and the count, large enough to amortize the scheduling.
const CHUNK: usize = 1 << 14;

/// Points of `buf` inside the quarter disc (branch-free, so it vectorizes).
fn hits(buf: &[[f32; 2]]) -> u64 {
    buf.iter()
        .map(|&[x, y]| u64::from(x * x + y * y <= 1.0))
        .sum()
}

/// Points among the first `n` of `seed`'s stream inside the quarter disc,
/// counted on `threads` threads.
fn count(seed: u64, n: usize, threads: usize) -> lapis::Result<u64> {
    let g = Generator::new(seed);
    let chunks = n.div_ceil(CHUNK);
    let next = AtomicUsize::new(0);
    let work = || -> lapis::Result<u64> {
        let mut g = g.clone();
        let mut buf = Array1::from_elem(CHUNK, [0.0f32; 2]);
        let mut total = 0;
        loop {
            let c = next.fetch_add(1, Ordering::Relaxed);
            if c >= chunks {
                return Ok(total);
            }
            let start = c * CHUNK;
            let len = CHUNK.min(n - start);
            g.set_position(start as u64);
            let mut part = buf.slice_mut(s![..len]);
            g.fill_random_pairs(&mut part)?;
            total += hits(part.as_slice().unwrap_or_default());
        }
    };
    if threads <= 1 {
        return work();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        let mut total = 0;
        for h in handles {
            total += h.join().expect("a counting thread panicked")?;
        }
        Ok(total)
    })
}

/// The median of `runs` timed calls of `f`, after one untimed warm-up, and
/// the last result.
fn time<R>(runs: usize, mut f: impl FnMut() -> R) -> (Duration, R) {
    let mut r = f();
    let mut t: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t0 = Instant::now();
            r = f();
            t0.elapsed()
        })
        .collect();
    t.sort();
    (t[t.len() / 2], r)
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn arg<T: std::str::FromStr>(i: usize, default: T) -> T {
    std::env::args()
        .nth(i)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() -> lapis::Result<()> {
    let n: usize = arg(1, 12_000_000);
    let seed: u64 = arg(2, 2024);
    let runs: usize = arg(3, 9);
    let threads = lapis::parallel::threads();

    let hits_n = count(seed, n, threads)?;
    let p = hits_n as f64 / n as f64;
    let pi = 4.0 * p;
    // Binomial standard error of 4·p̂.
    let sigma = 4.0 * (p * (1.0 - p) / n as f64).sqrt();
    let err = (pi - std::f64::consts::PI).abs();
    println!("Monte Carlo π, {n} samples, seed {seed}");
    println!("  π ≈ {pi:.8}  (hits {hits_n})");
    println!(
        "  |π̂ − π| = {err:.2e}; expected statistical error 4·sqrt(p(1−p)/n) = {sigma:.2e} ({:.2}σ)",
        err / sigma
    );

    println!("  CPU: {} ({} logical CPUs)", cpu_model(), num_cpus());
    let mut counts = vec![(1, hits_n)];
    let mut ts = Vec::new();
    let mut thread_counts = vec![1];
    if threads > 1 {
        thread_counts.push(threads);
    }
    for &t in &thread_counts {
        let (d, h) = time(runs, || count(seed, n, t));
        let h = h?;
        counts.push((t, h));
        ts.push((t, d));
        println!(
            "  {t} thread{}: {:.2} ms (median of {runs} runs after a warm-up)",
            if t == 1 { " " } else { "s" },
            d.as_secs_f64() * 1e3
        );
    }
    if let [(1, a), (_, b)] = ts[..] {
        println!("  speed-up {:.2}×", a.as_secs_f64() / b.as_secs_f64());
    }
    // The estimate does not depend on the number of threads.
    assert!(counts.iter().all(|&(_, h)| h == hits_n));
    Ok(())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
