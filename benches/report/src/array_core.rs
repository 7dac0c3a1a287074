//! Section `array`: lapis's dynamic-array core (issue 5's cases) through its
//! Rust API, at each thread count of the run. `numpy_report.py` times
//! NumPy on the same cases; render pairs the rows by op, dtype, shape, n and
//! threads.
//!
//! | op              | lapis call                                   | shape / n                    | bytes per call            |
//! |-----------------|----------------------------------------------|------------------------------|---------------------------|
//! | `add_broadcast` | `ufunc::add(a, row)`, a new array            | `2000x2000+2000` / 2000      | (2·N² + N)·itemsize       |
//! | `fma`           | `ufunc::multiply_add(a, b, c)`, a new array  | `2000x2000` / 2000           | 4·N²·itemsize             |
//! | `exp`           | `ufunc::exp(a)`, a new array                 | `2000x2000` / 2000           | 2·N²·8                    |
//! | `sum_axis0/1`   | `a.sum(axis, false)`                         | `2000x2000` / 2000           | (N² + N)·8                |
//! | `add_4x4`       | `ufunc::add_out(a, b, out)` (latency)        | `4x4` / 4                    | 0                         |
//! | `pi`            | Monte Carlo π, 10⁷ samples (examples/pi.rs)  | `10000000` / 10⁷             | 0                         |
//!
//! `add_broadcast` and `fma` run in f64 and c128, the rest in f64. Calls
//! that return a new array include its allocation, as NumPy's do. Operands
//! are uniform on [0.5, 2) from lapis's generator, C order.
//!
//! Before timing, each case's result is checked once against a plain Rust
//! computation (elementwise to a few ulps, sums to N·ε·Σ|x|; π within 6σ of
//! its binomial error). A case that fails its check or returns an error is
//! reported on the progress line and not recorded: a time for a wrong
//! answer is not a result. Nothing here panics.
//!
//! π is computed as examples/pi.rs computes it: chunks of 2¹⁴ points, each
//! filled by `Generator::fill_random_pairs` (two f32 coordinates from one
//! 64-bit Philox word) and counted by a branch-free loop, the chunks shared
//! among the row's number of threads (examples/pi.rs uses
//! `lapis::parallel::threads()`, the same number after `set_num_threads`). Its dtype key is `f64` to
//! match the NumPy row (which draws f64 coordinates); the f32 coordinates'
//! 2⁻²⁴ resolution is far below the statistical error at 10⁷ samples.

use std::cell::RefCell;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use lapis::array::random::Generator;
use lapis::array::{self, ufunc};
use lapis::{Complex64, DType, NdArray};
use ndarray::{Array1, s};

use crate::record::Record;
use crate::{Config, progress, timing};

/// Rows and columns of the large operands.
const N: usize = 2000;
/// Monte Carlo π samples.
const PI_SAMPLES: usize = 10_000_000;
/// Monte Carlo π seed (examples/pi.rs's default).
const PI_SEED: u64 = 2024;
/// Points per π chunk: 128 KiB of f32 pairs, cache-resident between the fill
/// and the count.
const PI_CHUNK: usize = 1 << 14;

/// Times this section and appends its records.
pub fn run(cfg: &Config, out: &mut Vec<Record>) {
    for &t in &cfg.threads {
        if let Err(e) = lapis::set_num_threads(t) {
            progress(&format!("array: cannot set {t} threads ({e}); skipped"));
            continue;
        }
        for dt in [DType::F64, DType::C128] {
            progress(&format!(
                "array: {N}x{N} {} ufuncs and sums, {t} thread(s)",
                dtype_key(dt)
            ));
            if let Err(e) = streaming(cfg, t, dt, out) {
                progress(&format!("array: {} operands: {e}; skipped", dtype_key(dt)));
            }
        }
        progress(&format!("array: 4x4 add latency, {t} thread(s)"));
        let add4 = add_4x4(cfg);
        keep(out, "add_4x4", add4, |s| {
            record(cfg, t, "add_4x4", DType::F64, "4x4", 4, s, 0.0)
        });
        progress(&format!(
            "array: Monte Carlo pi, {PI_SAMPLES} samples, {t} thread(s)"
        ));
        let pi = pi_case(cfg, t);
        keep(out, "pi", pi, |s| {
            record(
                cfg,
                t,
                "pi",
                DType::F64,
                &PI_SAMPLES.to_string(),
                PI_SAMPLES,
                s,
                0.0,
            )
        });
    }
}

/// The report's dtype key.
fn dtype_key(dt: DType) -> &'static str {
    match dt {
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::C64 => "c64",
        DType::C128 => "c128",
    }
}

#[allow(clippy::too_many_arguments)]
fn record(
    cfg: &Config,
    threads: usize,
    op: &str,
    dt: DType,
    shape: &str,
    n: usize,
    st: timing::Stat,
    bytes: f64,
) -> Record {
    Record {
        backend: cfg.backend.clone(),
        section: "array".into(),
        op: op.into(),
        dtype: dtype_key(dt).into(),
        shape: shape.into(),
        n,
        threads,
        imp: "lapis".into(),
        seconds: 0.0,
        flops: 0.0,
        bytes,
        ..Default::default()
    }
    .with_stat(st)
}

/// Appends the record of a measured case, or says why there is none.
fn keep(
    out: &mut Vec<Record>,
    what: &str,
    result: Result<timing::Stat, String>,
    make: impl FnOnce(timing::Stat) -> Record,
) {
    match result {
        Ok(s) => out.push(make(s)),
        Err(e) => progress(&format!("array: {what}: {e}; not recorded")),
    }
}

/// The median seconds per call of `f` (with its spread); an error from any
/// timed call is returned instead of the time.
fn time_checked(
    cfg: &Config,
    mut f: impl FnMut() -> lapis::Result<()>,
) -> Result<timing::Stat, String> {
    let failure: RefCell<Option<String>> = RefCell::new(None);
    let s = timing::measure(cfg.budget, || {
        if let Err(e) = f() {
            failure.borrow_mut().get_or_insert_with(|| e.to_string());
        }
    });
    match failure.into_inner() {
        Some(e) => Err(format!("failed while timed: {e}")),
        None => Ok(s),
    }
}

/// The elements of an f64 or c128 array, as complex numbers (f64 values
/// with zero imaginary parts, on which complex arithmetic is exact real
/// arithmetic), in C order.
fn values(a: &NdArray) -> Result<Vec<Complex64>, String> {
    match a.dtype() {
        DType::F64 => Ok(a
            .to_vec::<f64>()
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|x| Complex64::new(x, 0.0))
            .collect()),
        DType::C128 => a.to_vec::<Complex64>().map_err(|e| e.to_string()),
        other => Err(format!("unexpected dtype {other}")),
    }
}

/// Checks `got` against `want` elementwise: `|got − want| ≤ tol(i)`, and the
/// shapes. Returns the first violation.
fn check(
    what: &str,
    got: &NdArray,
    shape: &[usize],
    want: &[Complex64],
    tol: impl Fn(usize) -> f64,
) -> Result<(), String> {
    if got.shape() != shape {
        return Err(format!(
            "{what}: shape {:?}, expected {shape:?}",
            got.shape()
        ));
    }
    let g = values(got)?;
    if g.len() != want.len() {
        return Err(format!(
            "{what}: {} elements, expected {}",
            g.len(),
            want.len()
        ));
    }
    for (i, (x, w)) in g.iter().zip(want).enumerate() {
        let err = (x - w).norm();
        // A NaN error fails too.
        if err.is_nan() || err > tol(i) {
            return Err(format!(
                "{what}: element {i} is {x}, expected {w} (error {err:.3e}, allowed {:.3e})",
                tol(i)
            ));
        }
    }
    Ok(())
}

/// The 2000 × 2000 cases for one dtype.
fn streaming(cfg: &Config, t: usize, dt: DType, out: &mut Vec<Record>) -> Result<(), String> {
    let es = dt.itemsize() as f64;
    let nn = (N * N) as f64;
    let eps = f64::EPSILON;
    let mut g = Generator::new(42);
    let mut operand =
        |shape: &[usize]| g.uniform_nd(0.5, 2.0, shape, dt).map_err(|e| e.to_string());
    let a = operand(&[N, N])?;
    let b = operand(&[N, N])?;
    let c = operand(&[N, N])?;
    let row = operand(&[N])?;
    let (va, vb, vc, vrow) = (values(&a)?, values(&b)?, values(&c)?, values(&row)?);
    let rec = |op: &str, shape: &str, st: timing::Stat, bytes: f64| {
        record(cfg, t, op, dt, shape, N, st, bytes)
    };

    let add = (|| {
        let r = ufunc::add(&a, &row).map_err(|e| e.to_string())?;
        let want: Vec<Complex64> = (0..N * N).map(|i| va[i] + vrow[i % N]).collect();
        check("a + row", &r, &[N, N], &want, |i| {
            2.0 * eps * want[i].norm()
        })?;
        drop(r);
        time_checked(cfg, || ufunc::add(black_box(&a), black_box(&row)).map(drop))
    })();
    keep(out, "add_broadcast", add, |s| {
        rec(
            "add_broadcast",
            "2000x2000+2000",
            s,
            (2.0 * nn + N as f64) * es,
        )
    });

    let fma = (|| {
        let r = ufunc::multiply_add(&a, &b, &c).map_err(|e| e.to_string())?;
        let want: Vec<Complex64> = (0..N * N).map(|i| va[i] * vb[i] + vc[i]).collect();
        // Products of values below 2 and sums below 8: a few ulps of 8.
        check("a*b + c", &r, &[N, N], &want, |_| 32.0 * eps)?;
        drop(r);
        time_checked(cfg, || {
            ufunc::multiply_add(black_box(&a), black_box(&b), black_box(&c)).map(drop)
        })
    })();
    keep(out, "fma", fma, |s| {
        rec("fma", "2000x2000", s, 4.0 * nn * es)
    });

    if dt != DType::F64 {
        return Ok(());
    }

    let exp = (|| {
        let r = ufunc::exp(&a).map_err(|e| e.to_string())?;
        let want: Vec<Complex64> = va.iter().map(|x| Complex64::new(x.re.exp(), 0.0)).collect();
        // A vectorised exp is allowed a few ulps.
        check("exp(a)", &r, &[N, N], &want, |i| 4.0 * eps * want[i].norm())?;
        drop(r);
        time_checked(cfg, || ufunc::exp(black_box(&a)).map(drop))
    })();
    keep(out, "exp", exp, |s| {
        rec("exp", "2000x2000", s, 2.0 * nn * es)
    });

    for axis in [0usize, 1] {
        let op = if axis == 0 { "sum_axis0" } else { "sum_axis1" };
        let sum = (|| {
            let r = a.sum(axis as isize, false).map_err(|e| e.to_string())?;
            let at = |i: usize, j: usize| va[i * N + j].re;
            let want: Vec<Complex64> = (0..N)
                .map(|k| {
                    let s: f64 = (0..N)
                        .map(|l| if axis == 0 { at(l, k) } else { at(k, l) })
                        .sum();
                    Complex64::new(s, 0.0)
                })
                .collect();
            // The operands are positive, so Σ|x| is the sum itself; any
            // summation order is within N·ε of it.
            check(op, &r, &[N], &want, |k| N as f64 * eps * want[k].re)?;
            drop(r);
            time_checked(cfg, || black_box(&a).sum(axis as isize, false).map(drop))
        })();
        keep(out, op, sum, |s| {
            rec(op, "2000x2000", s, (nn + N as f64) * es)
        });
    }
    Ok(())
}

/// Latency of a 4 × 4 f64 add into an existing array.
fn add_4x4(cfg: &Config) -> Result<timing::Stat, String> {
    let e = |e: lapis::Error| e.to_string();
    let a = array::from_vec(
        (0..16).map(|i| 0.5 + i as f64).collect::<Vec<f64>>(),
        &[4, 4],
    )
    .map_err(e)?;
    let b = array::from_vec(
        (0..16).map(|i| 2.0 * i as f64).collect::<Vec<f64>>(),
        &[4, 4],
    )
    .map_err(e)?;
    let mut o = array::zeros(&[4, 4], DType::F64).map_err(e)?;
    ufunc::add_out(&a, &b, &mut o).map_err(e)?;
    let want: Vec<Complex64> = (0..16)
        .map(|i| Complex64::new(0.5 + 3.0 * i as f64, 0.0))
        .collect();
    check("4x4 add", &o, &[4, 4], &want, |_| 0.0)?;
    time_checked(cfg, || ufunc::add_out(black_box(&a), black_box(&b), &mut o))
}

/// Points of `buf` inside the quarter disc x² + y² ≤ 1 (branch-free, so it
/// vectorises).
fn hits_in(buf: &[[f32; 2]]) -> u64 {
    buf.iter()
        .map(|&[x, y]| u64::from(x * x + y * y <= 1.0))
        .sum()
}

/// Points among the first `n` of `seed`'s stream that fall inside the
/// quarter disc, counted on `threads` threads taking chunks from a shared
/// counter. Each chunk positions its own generator at its first point, so
/// the count is the same for every thread count.
fn pi_hits(seed: u64, n: usize, threads: usize) -> lapis::Result<u64> {
    let base = Generator::new(seed);
    let chunks = n.div_ceil(PI_CHUNK);
    let next = AtomicUsize::new(0);
    let worker = || -> lapis::Result<u64> {
        let mut g = base.clone();
        let mut buf = Array1::from_elem(PI_CHUNK, [0.0f32; 2]);
        let mut total = 0u64;
        loop {
            let chunk = next.fetch_add(1, Ordering::Relaxed);
            if chunk >= chunks {
                return Ok(total);
            }
            let first = chunk * PI_CHUNK;
            let len = PI_CHUNK.min(n - first);
            g.set_position(first as u64);
            let mut part = buf.slice_mut(s![..len]);
            g.fill_random_pairs(&mut part)?;
            // A slice of a fresh 1-d array is contiguous; the fallback
            // only guards the type.
            total += match part.as_slice() {
                Some(p) => hits_in(p),
                None => part
                    .iter()
                    .map(|&[x, y]| u64::from(x * x + y * y <= 1.0))
                    .sum(),
            };
        }
    };
    if threads <= 1 {
        return worker();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        let mut total = 0u64;
        let mut first_err = None;
        for h in handles {
            match h.join() {
                Ok(Ok(k)) => total += k,
                Ok(Err(e)) => first_err = first_err.or(Some(e)),
                Err(_) => {
                    first_err = first_err.or(Some(lapis::Error::Unsupported(
                        "a Monte Carlo pi thread panicked".into(),
                    )))
                }
            }
        }
        first_err.map_or(Ok(total), Err)
    })
}

/// Whether `hits` of `n` points give π within 6 binomial standard errors.
fn pi_plausible(hits: u64, n: usize) -> Result<f64, String> {
    let p = hits as f64 / n as f64;
    let pi = 4.0 * p;
    let sigma = 4.0 * (p * (1.0 - p) / n as f64).sqrt();
    if (pi - std::f64::consts::PI).abs() <= 6.0 * sigma {
        Ok(pi)
    } else {
        Err(format!(
            "estimate {pi} is more than 6 sigma ({sigma:.2e}) from pi"
        ))
    }
}

/// Monte Carlo π on `threads` threads (the row's thread count, which
/// `set_num_threads` also gave lapis's pool), checked once, then timed.
fn pi_case(cfg: &Config, threads: usize) -> Result<timing::Stat, String> {
    let hits = pi_hits(PI_SEED, PI_SAMPLES, threads).map_err(|e| e.to_string())?;
    pi_plausible(hits, PI_SAMPLES)?;
    let mut changed = false;
    let s = time_checked(cfg, || {
        let h = pi_hits(PI_SEED, black_box(PI_SAMPLES), threads)?;
        changed |= h != hits;
        Ok(())
    })?;
    if changed {
        return Err("the hit count changed between identical runs".into());
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pi_count_is_plausible_and_independent_of_threads() {
        let n = 3 * PI_CHUNK + 123;
        let one = pi_hits(7, n, 1).unwrap();
        assert_eq!(pi_hits(7, n, 3).unwrap(), one);
        pi_plausible(one, n).unwrap();
        // A count that is far off is rejected.
        assert!(pi_plausible(n as u64, n).is_err());
    }

    /// Rows as numpy_report.py writes them (Python's `repr` of floats)
    /// must be read by `record::read_csv`, keys intact.
    #[test]
    fn numpy_report_rows_are_readable() {
        let text = format!(
            "{}\n{}\n{}\n{}\n",
            crate::record::HEADER,
            "numpy,blas,gemm,f64,4x4,4,1,numpy,1.0549374565016478e-06,128.0,0.0",
            "numpy,array,add_broadcast,c128,2000x2000+2000,2000,2,numpy,0.0245,0.0,128032000.0",
            "numpy,blas,gemm,c128,2048x2048,2048,2,numpy,1.5,6.8719476736e+10,0.0",
        );
        let dir = std::env::temp_dir().join(format!("lapis-report-np-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("numpy.csv");
        std::fs::write(&p, text).unwrap();
        let r = crate::record::read_csv(&p);
        std::fs::remove_dir_all(&dir).unwrap();
        let r = r.unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(
            (
                r[0].backend.as_str(),
                r[0].imp.as_str(),
                r[0].n,
                r[0].threads
            ),
            ("numpy", "numpy", 4, 1)
        );
        assert_eq!(r[0].seconds, 1.0549374565016478e-06);
        assert_eq!(r[1].shape, "2000x2000+2000");
        assert_eq!(r[1].bytes, 128032000.0);
        assert_eq!(r[2].flops, 6.8719476736e10);
    }

    #[test]
    fn check_finds_wrong_elements_and_shapes() {
        let a = array::from_vec(vec![1.0f64, 2.0, 3.0], &[3]).unwrap();
        let want = [1.0, 2.0, 3.0].map(|x| Complex64::new(x, 0.0));
        check("x", &a, &[3], &want, |_| 0.0).unwrap();
        let off = [1.0, 2.0, 3.0 + 1e-9].map(|x| Complex64::new(x, 0.0));
        assert!(check("x", &a, &[3], &off, |_| 1e-12).is_err());
        assert!(check("x", &a, &[1, 3], &want, |_| 0.0).is_err());
        let nan = [1.0, f64::NAN, 3.0].map(|x| Complex64::new(x, 0.0));
        assert!(check("x", &a, &[3], &nan, |_| 1.0).is_err());
    }
}
