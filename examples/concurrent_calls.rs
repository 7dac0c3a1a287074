//! Throughput of small BLAS/LAPACK calls made from 8 threads at once, with
//! lapis's BLAS lock on and off (issue 17, part 3).
//!
//! ```text
//! cargo run --release --example concurrent_calls            # the table
//! cargo run --release --example concurrent_calls -- 2 never # one run: BLAS threads, lock
//! ```
//!
//! Without arguments the program runs itself once per BLAS thread count
//! (1, 2) and lock policy (`always`, `never`, `auto`), each run a separate
//! process with `LAPIS_BLAS_LOCK` set (lapis reads it once per process),
//! and prints calls per second for each. In every run, 8 threads call, in
//! turn, `solve` (`dgetrf` + `dgetrs`, as `dgesv`), `eigh` (`dsyevd`) and
//! `gemm` (`dgemm`) on their own matrices of order 8, 16, 24 and 32 for
//! `LAPIS_BENCH_SECONDS` seconds (default 2); a call is one routine call.
//! Results are not checked here (tests/concurrency.rs does that).

use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use lapis::blas::{Transpose, Uplo, gemm};
use lapis::linalg::{eigh, solve};
use ndarray::Array2;

const THREADS: usize = 8;
const ORDERS: [usize; 4] = [8, 16, 24, 32];

/// A small linear congruential generator: uniform in [-1, 1).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn matrix(&mut self, m: usize, n: usize) -> Array2<f64> {
        Array2::from_shape_simple_fn((m, n), || self.next())
    }
}

/// One thread's inputs: per order, a general matrix, a right-hand side, a
/// symmetric matrix and a gemm output.
struct Inputs {
    a: Vec<Array2<f64>>,
    b: Vec<Array2<f64>>,
    s: Vec<Array2<f64>>,
    c: Vec<Array2<f64>>,
}

fn inputs(seed: u64) -> Inputs {
    let mut rng = Lcg(seed);
    let mut out = Inputs {
        a: vec![],
        b: vec![],
        s: vec![],
        c: vec![],
    };
    for &n in &ORDERS {
        out.a.push(rng.matrix(n, n));
        out.b.push(rng.matrix(n, 1));
        let x = rng.matrix(n, n);
        out.s.push(&x + &x.t());
        out.c.push(Array2::zeros((n, n)));
    }
    out
}

/// One measurement in this process: calls per second over all threads.
fn run(blas_threads: usize, seconds: f64) -> f64 {
    lapis::set_num_threads(blas_threads).expect("set_num_threads");
    let stop = AtomicBool::new(false);
    let total = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|s| {
        for t in 0..THREADS {
            let (stop, total) = (&stop, &total);
            s.spawn(move || {
                let mut inp = inputs(1 + t as u64);
                let mut calls = 0usize;
                'outer: loop {
                    for i in 0..ORDERS.len() {
                        if stop.load(Ordering::Relaxed) {
                            break 'outer;
                        }
                        solve(&inp.a[i], &inp.b[i]).expect("solve");
                        eigh(&inp.s[i], Uplo::Lower).expect("eigh");
                        let (a, c) = (&inp.a[i], &mut inp.c[i]);
                        gemm(Transpose::NoTrans, Transpose::Trans, 1.0, a, a, 0.0, c)
                            .expect("gemm");
                        calls += 3;
                    }
                }
                total.fetch_add(calls, Ordering::Relaxed);
            });
        }
        std::thread::sleep(Duration::from_secs_f64(seconds));
        stop.store(true, Ordering::Relaxed);
    });
    total.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

fn seconds() -> f64 {
    std::env::var("LAPIS_BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [threads, lock] = args.as_slice() {
        // One run, in a process of its own (the lock policy is read once).
        let threads: usize = threads.parse().expect("BLAS threads: a number");
        assert_eq!(
            std::env::var("LAPIS_BLAS_LOCK").ok().as_deref(),
            Some(lock.as_str())
        );
        let rate = run(threads, seconds());
        let info = lapis::backend();
        println!("{rate:.0} {}", info.serialized);
        return;
    }
    let exe = std::env::current_exe().expect("this program's path");
    println!("{}", lapis::backend());
    println!(
        "{THREADS} threads, small dgesv/dsyevd/dgemm (n = 8..32), {} s per run\n",
        seconds()
    );
    println!("| BLAS threads | LAPIS_BLAS_LOCK | serialized | calls/s |");
    println!("|---|---|---|---|");
    for threads in [1, 2] {
        for lock in ["always", "never", "auto"] {
            let out = Command::new(&exe)
                .args([threads.to_string(), lock.to_string()])
                .env("LAPIS_BLAS_LOCK", lock)
                .output()
                .expect("run a measurement");
            let text = String::from_utf8_lossy(&out.stdout);
            let mut words = text.split_whitespace();
            let (rate, serialized) = (words.next().unwrap_or("?"), words.next().unwrap_or("?"));
            if !out.status.success() {
                eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            }
            println!("| {threads} | {lock} | {serialized} | {rate} |");
        }
    }
}
