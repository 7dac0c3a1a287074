//! lapis may be called from several threads at once, whatever the backend.
//!
//! * `concurrent_eigh_and_gemm_give_the_serial_results`: a quick check that
//!   concurrent calls give the serial results.
//! * `stress_1_blas_thread`, `stress_2_blas_threads`: the stress test of
//!   issue 17. 8 threads each make `LAPIS_STRESS_CALLS` (default 600, the
//!   issue's full run is 10000) calls of each of `solve` (`?gesv`'s
//!   `getrf` + `getrs`), `eigh` (`?syevd`/`?heevd`) and `gemm`, on f64 and
//!   on Complex64, every thread on its own seeded data, with the BLAS at 1
//!   and then 2 threads. Sizes are small (4..=32), with one call in 8 of
//!   64..=96, where OpenBLAS's own threads take part. Every result is
//!   checked against an independent reference in Complex64 arithmetic:
//!   `‖A·x − b‖ ≤ 32·n·ε·(‖A‖‖x‖ + ‖b‖)`; `‖A·V − V·Λ‖ ≤ 32·n·ε·‖A‖`,
//!   `‖Vᴴ·V − I‖ ≤ 32·n·ε` and ascending eigenvalues; each `gemm` element
//!   within `4·(k + 2)·ε` of `|α|·Σ|a||b| + |β|·|c|` of a naive triple loop.
//!   A failure is counted, not fatal at once: each run prints the backend,
//!   its lock (`LAPIS_BLAS_LOCK`, see `backend::serial`) and the pass/fail
//!   counts per routine and type (`-- --nocapture`), then asserts there
//!   were no failures.
//!
//! With `LAPIS_BLAS_LOCK=never` the lock is off whatever the backend, which
//! is how the policy of `auto` was chosen (backend by backend, at 1 and 2
//! threads).

mod common;
use common::*;
use lapis::blas::{Transpose, Uplo, gemm};
use lapis::linalg::{eigh, solve};
use lapis::{Complex64, RealScalar, Scalar};
use ndarray::{Array2, ArrayRef2};
use std::sync::Mutex;

fn hermitian(rng: &mut Rng, n: usize) -> Array2<f32> {
    let a = rng.matrix::<f32>(n, n);
    &a + &a.t()
}

#[test]
fn concurrent_eigh_and_gemm_give_the_serial_results() {
    let mut rng = Rng::new(5);
    let mats: Vec<Array2<f32>> = [17, 33, 40, 64]
        .iter()
        .map(|&n| hermitian(&mut rng, n))
        .collect();
    let big = rng.matrix::<f64>(300, 300);
    let want_w: Vec<_> = mats
        .iter()
        .map(|a| eigh(a, Uplo::Lower).unwrap().0)
        .collect();
    let mut want_c = Array2::<f64>::zeros((300, 300));
    gemm(
        Transpose::NoTrans,
        Transpose::Trans,
        1.0,
        &big,
        &big,
        0.0,
        &mut want_c,
    )
    .unwrap();
    std::thread::scope(|s| {
        for t in 0..8 {
            let (mats, want_w, big, want_c) = (&mats, &want_w, &big, &want_c);
            s.spawn(move || {
                for round in 0..60 {
                    let i = (t + round) % mats.len();
                    let (w, _) = eigh(&mats[i], Uplo::Lower).expect("eigh converges");
                    assert_close1(&w, &want_w[i], 64, "eigh under concurrency");
                    if round % 10 == 0 {
                        let mut c = Array2::<f64>::zeros((300, 300));
                        gemm(
                            Transpose::NoTrans,
                            Transpose::Trans,
                            1.0,
                            big,
                            big,
                            0.0,
                            &mut c,
                        )
                        .unwrap();
                        assert_close2(&c, want_c, 300, "gemm under concurrency");
                    }
                }
            });
        }
    });
}

/// The stress runs change the BLAS thread count: one at a time.
static STRESS: Mutex<()> = Mutex::new(());

const THREADS: usize = 8;

/// Calls per thread per routine per type (`LAPIS_STRESS_CALLS`).
fn calls() -> usize {
    std::env::var("LAPIS_STRESS_CALLS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(600)
}

fn wide<T: Scalar>(x: T) -> Complex64 {
    Complex64::new(x.re().to_f64_real(), x.im().to_f64_real())
}

fn eps<T: Scalar>() -> f64 {
    T::epsilon().to_f64_real()
}

/// Max-row-sum norm of a matrix.
fn norm_inf<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.rows()
        .into_iter()
        .map(|r| r.iter().map(|x| wide(*x).norm()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// A small order, and one in 8 large enough for OpenBLAS's threads.
fn order(rng: &mut Rng) -> usize {
    if rng.next_u64().is_multiple_of(8) {
        64 + (rng.next_u64() % 33) as usize
    } else {
        4 + (rng.next_u64() % 29) as usize
    }
}

/// `None` if `x` solves `a·x = b` to backward error `32·n·ε`, else why not.
fn check_solve<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>, x: &ArrayRef2<T>) -> Option<String> {
    let n = a.nrows();
    let mut worst = 0.0f64;
    for j in 0..b.ncols() {
        for i in 0..n {
            let mut r = -wide(b[[i, j]]);
            for k in 0..n {
                r += wide(a[[i, k]]) * wide(x[[k, j]]);
            }
            worst = worst.max(r.norm());
        }
    }
    let xcol = x.iter().map(|v| wide(*v).norm()).fold(0.0, f64::max);
    let bmax = b.iter().map(|v| wide(*v).norm()).fold(0.0, f64::max);
    let scale = norm_inf(a) * xcol + bmax;
    let ratio = worst / (scale * n as f64 * eps::<T>());
    (ratio > 32.0 || !ratio.is_finite()).then(|| format!("solve n={n}: residual ratio {ratio:.3e}"))
}

/// `None` if `(w, v)` is an eigendecomposition of Hermitian `a`.
fn check_eigh<T: Scalar>(a: &ArrayRef2<T>, w: &[T::Real], v: &ArrayRef2<T>) -> Option<String> {
    let n = a.nrows();
    let e = eps::<T>();
    let anorm = norm_inf(a).max(f64::MIN_POSITIVE);
    for i in 1..n {
        if w[i - 1] > w[i] {
            return Some(format!("eigh n={n}: eigenvalues not ascending at {i}"));
        }
    }
    let (mut res, mut orth) = (0.0f64, 0.0f64);
    for j in 0..n {
        let lam = w[j].to_f64_real();
        for i in 0..n {
            let mut av = Complex64::new(0.0, 0.0);
            let mut vv = Complex64::new(0.0, 0.0);
            for k in 0..n {
                av += wide(a[[i, k]]) * wide(v[[k, j]]);
                vv += wide(v[[k, i]]).conj() * wide(v[[k, j]]);
            }
            res = res.max((av - wide(v[[i, j]]) * lam).norm());
            if i == j {
                vv -= 1.0;
            }
            orth = orth.max(vv.norm());
        }
    }
    let (r1, r2) = (res / (anorm * n as f64 * e), orth / (n as f64 * e));
    (r1 > 32.0 || r2 > 32.0 || !(r1.is_finite() && r2.is_finite()))
        .then(|| format!("eigh n={n}: residual ratio {r1:.3e}, orthogonality ratio {r2:.3e}"))
}

fn op_at<T: Scalar>(a: &ArrayRef2<T>, t: Transpose, i: usize, k: usize) -> Complex64 {
    match t {
        Transpose::NoTrans => wide(a[[i, k]]),
        Transpose::Trans => wide(a[[k, i]]),
        Transpose::ConjTrans => wide(a[[k, i]]).conj(),
    }
}

/// `None` if `c = alpha·op(a)·op(b) + beta·c0` element by element.
#[allow(clippy::too_many_arguments)]
fn check_gemm<T: Scalar>(
    ta: Transpose,
    tb: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c0: &ArrayRef2<T>,
    c: &ArrayRef2<T>,
) -> Option<String> {
    let (m, n) = c.dim();
    let k = if ta == Transpose::NoTrans {
        a.ncols()
    } else {
        a.nrows()
    };
    let (al, be) = (wide(alpha), wide(beta));
    for i in 0..m {
        for j in 0..n {
            let (mut s, mut mag) = (Complex64::new(0.0, 0.0), 0.0);
            for p in 0..k {
                let t = op_at(a, ta, i, p) * op_at(b, tb, p, j);
                s += t;
                mag += t.norm();
            }
            let want = al * s + be * wide(c0[[i, j]]);
            let tol = 4.0
                * (k + 2) as f64
                * eps::<T>()
                * (al.norm() * mag + be.norm() * wide(c0[[i, j]]).norm());
            let err = (wide(c[[i, j]]) - want).norm();
            if err > tol.max(f64::MIN_POSITIVE) || !err.is_finite() {
                return Some(format!(
                    "gemm {m}x{n}x{k} at ({i},{j}): error {err:.3e} > {tol:.3e}"
                ));
            }
        }
    }
    None
}

/// Passes and failures of one routine on one thread, with the first few
/// failures described.
#[derive(Default)]
struct Tally {
    pass: usize,
    fail: usize,
    first: Vec<String>,
}

impl Tally {
    fn record(&mut self, outcome: Option<String>) {
        match outcome {
            None => self.pass += 1,
            Some(why) => {
                self.fail += 1;
                if self.first.len() < 3 {
                    self.first.push(why);
                }
            }
        }
    }

    fn add(&mut self, other: Tally) {
        self.pass += other.pass;
        self.fail += other.fail;
        for w in other.first {
            if self.first.len() < 3 {
                self.first.push(w);
            }
        }
    }
}

const TRANS: [Transpose; 3] = [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans];

/// One thread's calls: solve, eigh and gemm in turn, `calls` of each.
fn worker<T: Scalar>(seed: u64, calls: usize) -> [Tally; 3] {
    let mut rng = Rng::new(seed);
    let mut t: [Tally; 3] = Default::default();
    for _ in 0..calls {
        let n = order(&mut rng);
        let a: Array2<T> = rng.matrix(n, n);
        let nrhs = 1 + (rng.next_u64() % 3) as usize;
        let b: Array2<T> = rng.matrix(n, nrhs);
        t[0].record(match solve(&a, &b) {
            Ok(x) => check_solve(&a, &b, &x),
            Err(e) => Some(format!("solve n={n}: {e}")),
        });

        let n = order(&mut rng);
        let h = rng.hermitian::<T>(n);
        t[1].record(match eigh(&h, Uplo::Lower) {
            Ok((w, v)) => check_eigh(&h, w.as_slice().expect("w is contiguous"), &v),
            Err(e) => Some(format!("eigh n={n}: {e}")),
        });

        let (m, n, k) = (order(&mut rng), order(&mut rng), order(&mut rng));
        let ta = TRANS[(rng.next_u64() % 3) as usize];
        let tb = TRANS[(rng.next_u64() % 3) as usize];
        let a: Array2<T> = if ta == Transpose::NoTrans {
            rng.matrix(m, k)
        } else {
            rng.matrix(k, m)
        };
        let b: Array2<T> = if tb == Transpose::NoTrans {
            rng.matrix(k, n)
        } else {
            rng.matrix(n, k)
        };
        let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
        let c0: Array2<T> = rng.matrix(m, n);
        let mut c = c0.clone();
        t[2].record(match gemm(ta, tb, alpha, &a, &b, beta, &mut c) {
            Ok(()) => check_gemm(ta, tb, alpha, &a, &b, beta, &c0, &c),
            Err(e) => Some(format!("gemm: {e}")),
        });
    }
    t
}

/// 8 threads of [`worker`] on type `T`; the summed tallies.
fn stress_type<T: Scalar>(seed: u64, calls: usize) -> [Tally; 3] {
    let results: Vec<[Tally; 3]> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS as u64)
            .map(|i| s.spawn(move || worker::<T>(seed * 1000 + i, calls)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker panicked"))
            .collect()
    });
    let mut total: [Tally; 3] = Default::default();
    for r in results {
        for (t, one) in total.iter_mut().zip(r) {
            t.add(one);
        }
    }
    total
}

fn stress(blas_threads: usize) {
    let _one = STRESS.lock().unwrap_or_else(|e| e.into_inner());
    if lapis::set_num_threads(blas_threads).is_err() {
        eprintln!("stress: the BLAS has no thread setter; running at its own count");
    }
    let info = lapis::backend();
    let calls = calls();
    let lock = std::env::var("LAPIS_BLAS_LOCK").unwrap_or_else(|_| "auto".into());
    println!(
        "stress: {} ({}), {} BLAS thread(s), LAPIS_BLAS_LOCK={lock}, serialized={}, {THREADS} threads x {calls} calls",
        info.name,
        info.version.as_deref().unwrap_or("no version"),
        info.num_threads,
        info.serialized
    );
    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    let by_type = [
        ("f64", stress_type::<f64>(blas_threads as u64, calls)),
        (
            "c128",
            stress_type::<Complex64>(blas_threads as u64 + 100, calls),
        ),
    ];
    for (ty, tallies) in &by_type {
        for (routine, t) in ["solve", "eigh", "gemm"].iter().zip(tallies) {
            println!(
                "stress: {routine:5} {ty:4}: {} passed, {} failed",
                t.pass, t.fail
            );
            if t.fail > 0 {
                failures.push(format!(
                    "{routine} {ty}: {} failed, e.g. {:?}",
                    t.fail, t.first
                ));
            }
        }
    }
    println!("stress: {:.1} s", started.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn stress_1_blas_thread() {
    stress(1);
}

#[test]
fn stress_2_blas_threads() {
    stress(2);
}
