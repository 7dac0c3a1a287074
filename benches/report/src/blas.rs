//! BLAS through lapis's typed API (imp `lapis`) against the same cblas call
//! made directly (imp `direct`), on the same row-major data, timed
//! interleaved ([`timing::measure_pair`], medians of at least 7 repetitions): gemm (f64, c128), syrk (f64), herk
//! (c128), gemv, axpy, dot (f64), at each thread count.
//!
//! lapis and the direct call write separate outputs; after timing, the two
//! results are compared (gemm, syrk/herk, gemv, dot) and a mismatch beyond
//! a tolerance scaled with epsilon and n is reported in the progress line
//! and recorded by leaving the pair out (a wrong fast result is no result).

use std::hint::black_box;

use lapis::Complex64;
use lapis::Scalar;
use lapis::blas::{self, Transpose, Uplo};
use lapis::sys::{Layout::CblasRowMajor, Trans::CblasNoTrans, Uplo::CblasLower};
use ndarray::{Array1, Array2};

use crate::record::Record;
use crate::{Config, progress, timing};

/// The sizes measured.
pub fn sizes(quick: bool) -> Vec<usize> {
    if quick {
        vec![4, 64, 256, 1024]
    } else {
        vec![4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]
    }
}

fn mat<T: Scalar>(n: usize, seed: f64) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        let x = ((i * 31 + j * 17) as f64 * seed).sin();
        if T::IS_COMPLEX {
            T::from_parts(
                T::Real::from_f64_real(x),
                T::Real::from_f64_real(((i * 7 + j * 13) as f64 * seed).cos()),
            )
        } else {
            T::from_f64(x)
        }
    })
}

fn vector(n: usize, seed: f64) -> Array1<f64> {
    Array1::from_shape_fn(n, |i| (i as f64 * seed).cos())
}

use lapis::RealScalar;

/// Largest |x - y| over two equally long slices, relative to max |y| (and 1).
fn rel_diff<T: Scalar>(x: &[T], y: &[T]) -> f64 {
    let scale = y.iter().map(|v| v.abs().to_f64_real()).fold(1.0, f64::max);
    x.iter()
        .zip(y)
        .map(|(a, b)| (*a - *b).abs().to_f64_real())
        .fold(0.0, f64::max)
        / scale
}

/// One measured pair; pushes both records unless the results disagreed.
struct Pair<'a> {
    cfg: &'a Config,
    out: &'a mut Vec<Record>,
    threads: usize,
}

impl Pair<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        op: &str,
        dtype: &str,
        n: usize,
        vector: bool,
        flops: f64,
        (sl, sd): (timing::Stat, timing::Stat),
        diff: f64,
    ) {
        let (tl, td) = (sl.median, sd.median);
        // Reductions and products of length n: error grows ~ n·eps.
        let tol = 64.0 * f64::EPSILON * n as f64;
        let ok = diff <= tol;
        progress(&format!(
            "blas {op} {dtype} n={n} threads={}: lapis {} direct {} direct/lapis {:.3}{}",
            self.threads,
            fmt_secs(tl),
            fmt_secs(td),
            td / tl,
            if ok {
                String::new()
            } else {
                format!("  MISMATCH (rel diff {diff:.2e} > {tol:.2e}): not recorded")
            }
        ));
        if !ok {
            return;
        }
        for (imp, st) in [("lapis", sl), ("direct", sd)] {
            self.out.push(
                Record {
                    backend: self.cfg.backend.clone(),
                    section: "blas".into(),
                    op: op.into(),
                    dtype: dtype.into(),
                    shape: if vector {
                        n.to_string()
                    } else {
                        format!("{n}x{n}")
                    },
                    n,
                    threads: self.threads,
                    imp: imp.into(),
                    seconds: 0.0,
                    flops,
                    bytes: 0.0,
                    ..Default::default()
                }
                .with_stat(st),
            );
        }
    }
}

/// Seconds as a short human string.
pub fn fmt_secs(s: f64) -> String {
    if s < 1e-6 {
        format!("{:.0} ns", s * 1e9)
    } else if s < 1e-3 {
        format!("{:.2} µs", s * 1e6)
    } else if s < 1.0 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{s:.2} s")
    }
}

fn skip(op: &str, n: usize, e: lapis::Error) {
    progress(&format!(
        "blas {op} n={n}: lapis returned an error ({e}); skipped"
    ));
}

/// gemm on `T` (f64 or c128): C = A·B.
fn gemm_case<T: Scalar>(p: &mut Pair<'_>, dtype: &str, n: usize) {
    let (a, b) = (mat::<T>(n, 0.1), mat::<T>(n, 0.2));
    let mut c_l = Array2::<T>::zeros((n, n));
    let mut c_d = Array2::<T>::zeros((n, n));
    let (one, zero) = (T::one(), T::zero());
    let ni = n as lapis::sys::BlasInt;
    let lapis_call = |c: &mut Array2<T>| {
        blas::gemm(Transpose::NoTrans, Transpose::NoTrans, one, &a, &b, zero, c)
    };
    if let Err(e) = lapis_call(&mut c_l) {
        return skip("gemm", n, e);
    }
    let t = timing::measure_pair(
        p.cfg.budget,
        || {
            let _ = black_box(lapis_call(&mut c_l));
        },
        || {
            // SAFETY: a, b, c_d are n x n row-major contiguous; the pointer
            // casts match cblas's element types for f64 and c128.
            unsafe {
                if T::IS_COMPLEX {
                    lapis::sys::cblas::cblas_zgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        CblasNoTrans,
                        ni,
                        ni,
                        ni,
                        (&one as *const T).cast(),
                        a.as_ptr().cast(),
                        ni,
                        b.as_ptr().cast(),
                        ni,
                        (&zero as *const T).cast(),
                        c_d.as_mut_ptr().cast(),
                        ni,
                    )
                } else {
                    lapis::sys::cblas::cblas_dgemm(
                        CblasRowMajor,
                        CblasNoTrans,
                        CblasNoTrans,
                        ni,
                        ni,
                        ni,
                        1.0,
                        a.as_ptr().cast(),
                        ni,
                        b.as_ptr().cast(),
                        ni,
                        0.0,
                        c_d.as_mut_ptr().cast(),
                        ni,
                    )
                }
            }
        },
    );
    let mult = if T::IS_COMPLEX { 4.0 } else { 1.0 };
    let diff = rel_diff(c_l.as_slice().unwrap_or(&[]), c_d.as_slice().unwrap_or(&[]));
    p.push(
        "gemm",
        dtype,
        n,
        false,
        mult * 2.0 * (n as f64).powi(3),
        t,
        diff,
    );
}

/// syrk (f64) or herk (c128): lower triangle of C = A·Aᵀ (A·Aᴴ).
fn rank_k_case<T: Scalar>(p: &mut Pair<'_>, n: usize) {
    let a = mat::<T>(n, 0.1);
    let mut c_l = Array2::<T>::zeros((n, n));
    let mut c_d = Array2::<T>::zeros((n, n));
    let ni = n as lapis::sys::BlasInt;
    let (op, dtype) = if T::IS_COMPLEX {
        ("herk", "c128")
    } else {
        ("syrk", "f64")
    };
    let lapis_call = |c: &mut Array2<T>| {
        if T::IS_COMPLEX {
            blas::herk(
                Uplo::Lower,
                Transpose::NoTrans,
                T::Real::from_f64_real(1.0),
                &a,
                T::Real::from_f64_real(0.0),
                c,
            )
        } else {
            blas::syrk(Uplo::Lower, Transpose::NoTrans, T::one(), &a, T::zero(), c)
        }
    };
    if let Err(e) = lapis_call(&mut c_l) {
        return skip(op, n, e);
    }
    let t = timing::measure_pair(
        p.cfg.budget,
        || {
            let _ = black_box(lapis_call(&mut c_l));
        },
        || {
            // SAFETY: a and c_d are n x n row-major contiguous.
            unsafe {
                if T::IS_COMPLEX {
                    lapis::sys::cblas::cblas_zherk(
                        CblasRowMajor,
                        CblasLower,
                        CblasNoTrans,
                        ni,
                        ni,
                        1.0,
                        a.as_ptr().cast(),
                        ni,
                        0.0,
                        c_d.as_mut_ptr().cast(),
                        ni,
                    )
                } else {
                    lapis::sys::cblas::cblas_dsyrk(
                        CblasRowMajor,
                        CblasLower,
                        CblasNoTrans,
                        ni,
                        ni,
                        1.0,
                        a.as_ptr().cast(),
                        ni,
                        0.0,
                        c_d.as_mut_ptr().cast(),
                        ni,
                    )
                }
            }
        },
    );
    let mult = if T::IS_COMPLEX { 4.0 } else { 1.0 };
    let diff = rel_diff(c_l.as_slice().unwrap_or(&[]), c_d.as_slice().unwrap_or(&[]));
    p.push(op, dtype, n, false, mult * (n as f64).powi(3), t, diff);
}

fn gemv_case(p: &mut Pair<'_>, n: usize) {
    let a = mat::<f64>(n, 0.1);
    let x = vector(n, 0.3);
    let (mut y_l, mut y_d) = (Array1::<f64>::zeros(n), Array1::<f64>::zeros(n));
    let ni = n as lapis::sys::BlasInt;
    let lapis_call = |y: &mut Array1<f64>| blas::gemv(Transpose::NoTrans, 1.0, &a, &x, 0.0, y);
    if let Err(e) = lapis_call(&mut y_l) {
        return skip("gemv", n, e);
    }
    let t = timing::measure_pair(
        p.cfg.budget,
        || {
            let _ = black_box(lapis_call(&mut y_l));
        },
        // SAFETY: a n x n row-major, x and y_d contiguous of length n.
        || unsafe {
            lapis::sys::cblas::cblas_dgemv(
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
                y_d.as_mut_ptr(),
                1,
            )
        },
    );
    let diff = rel_diff(y_l.as_slice().unwrap_or(&[]), y_d.as_slice().unwrap_or(&[]));
    p.push("gemv", "f64", n, true, 2.0 * (n as f64).powi(2), t, diff);
}

fn axpy_case(p: &mut Pair<'_>, n: usize) {
    let x = vector(n, 0.3);
    let (mut y_l, mut y_d) = (vector(n, 0.7), vector(n, 0.7));
    let ni = n as lapis::sys::BlasInt;
    // A tiny alpha keeps y bounded however many calls are timed; the two
    // sides run different numbers of calls, so y is not compared.
    let alpha = 1e-12;
    if let Err(e) = blas::axpy(alpha, &x, &mut y_l) {
        return skip("axpy", n, e);
    }
    let t = timing::measure_pair(
        p.cfg.budget,
        || {
            let _ = black_box(blas::axpy(black_box(alpha), &x, &mut y_l));
        },
        // SAFETY: x and y_d contiguous of length n.
        || unsafe {
            lapis::sys::cblas::cblas_daxpy(ni, black_box(alpha), x.as_ptr(), 1, y_d.as_mut_ptr(), 1)
        },
    );
    p.push("axpy", "f64", n, true, 2.0 * n as f64, t, 0.0);
}

fn dot_case(p: &mut Pair<'_>, n: usize) {
    let (x, y) = (vector(n, 0.3), vector(n, 0.7));
    let ni = n as lapis::sys::BlasInt;
    let Ok(r_l) = blas::dot(&x, &y) else {
        return progress(&format!("blas dot n={n}: lapis returned an error; skipped"));
    };
    // SAFETY: x and y contiguous of length n.
    let direct = || unsafe { lapis::sys::cblas::cblas_ddot(ni, x.as_ptr(), 1, y.as_ptr(), 1) };
    let r_d = direct();
    let t = timing::measure_pair(
        p.cfg.budget,
        || {
            let _ = black_box(blas::dot(&x, &y));
        },
        || {
            black_box(direct());
        },
    );
    let diff = (r_l - r_d).abs() / r_d.abs().max(1.0);
    p.push("dot", "f64", n, true, 2.0 * n as f64, t, diff);
}

/// Times every BLAS case at each thread count and appends the records.
pub fn run(cfg: &Config, out: &mut Vec<Record>) {
    for &t in &cfg.threads {
        if let Err(e) = lapis::set_num_threads(t) {
            progress(&format!("blas: set_num_threads({t}) failed ({e}); skipped"));
            continue;
        }
        let mut p = Pair {
            cfg,
            out: &mut *out,
            threads: t,
        };
        for n in sizes(cfg.quick) {
            gemm_case::<f64>(&mut p, "f64", n);
            gemm_case::<Complex64>(&mut p, "c128", n);
            rank_k_case::<f64>(&mut p, n);
            rank_k_case::<Complex64>(&mut p, n);
            gemv_case(&mut p, n);
            axpy_case(&mut p, n);
            dot_case(&mut p, n);
        }
    }
}
