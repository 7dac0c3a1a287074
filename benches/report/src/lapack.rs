//! LAPACK through lapis::linalg (imp `lapis`) against the LAPACKE driver
//! called directly (imp `direct`), on the same data, timed interleaved:
//! eigh (`?syevd`/`?heevd`), eigh_generalized (`?sygvd`/`?hegvd`), solve
//! with one right-hand side (`?gesv`), cholesky (`?potrf`) and svd
//! (`?gesdd`, thin, with vectors), f64 and c128.
//!
//! The direct side works on a fresh column-major copy of its inputs, as a
//! caller who keeps its input must; lapis makes the same copy (and scans
//! the input for NaN/inf, as SciPy's `check_finite` does). LAPACKE queries
//! and allocates its own workspace on every call. A non-zero `info` from
//! the direct call is reported and the pair is not recorded.

use std::os::raw::c_char;

use lapacke::Layout::ColumnMajor;
use lapis::blas::{Transpose, Uplo};
use lapis::sys::BlasInt;
use lapis::sys::lapacke as ffi;
use lapis::{Complex64, RealScalar, Scalar, linalg};
use ndarray::{Array2, ShapeBuilder};

use crate::blas::fmt_secs;
use crate::record::Record;
use crate::timing::{self, Budget};
use crate::{Config, progress};

/// The sizes measured.
pub fn sizes(quick: bool) -> Vec<usize> {
    if quick {
        vec![100, 500]
    } else {
        vec![100, 200, 500, 1000, 2000]
    }
}

/// The LAPACKE drivers for one element type.
trait Direct: Scalar + Default {
    const NAME: &'static str;
    fn d_eigh(n: BlasInt, a: &mut [Self], w: &mut [f64]) -> BlasInt;
    fn d_eigh_gen(n: BlasInt, a: &mut [Self], b: &mut [Self], w: &mut [f64]) -> BlasInt;
    fn d_gesv(n: BlasInt, a: &mut [Self], ipiv: &mut [BlasInt], b: &mut [Self]) -> BlasInt;
    fn d_potrf(n: BlasInt, a: &mut [Self]) -> BlasInt;
    fn d_gesdd(
        n: BlasInt,
        a: &mut [Self],
        s: &mut [f64],
        u: &mut [Self],
        vt: &mut [Self],
    ) -> BlasInt;
}

// SAFETY (every call below): the slices are n x n (w, s, ipiv: n) column-major
// buffers with leading dimension n, as the LAPACKE routines require.
impl Direct for f64 {
    const NAME: &'static str = "f64";
    fn d_eigh(n: BlasInt, a: &mut [f64], w: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_dsyevd(
                ColumnMajor,
                b'V' as c_char,
                b'L' as c_char,
                n,
                a.as_mut_ptr(),
                n,
                w.as_mut_ptr(),
            )
        }
    }
    fn d_eigh_gen(n: BlasInt, a: &mut [f64], b: &mut [f64], w: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_dsygvd(
                ColumnMajor,
                1,
                b'V' as c_char,
                b'L' as c_char,
                n,
                a.as_mut_ptr(),
                n,
                b.as_mut_ptr(),
                n,
                w.as_mut_ptr(),
            )
        }
    }
    fn d_gesv(n: BlasInt, a: &mut [f64], ipiv: &mut [BlasInt], b: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_dgesv(
                ColumnMajor,
                n,
                1,
                a.as_mut_ptr(),
                n,
                ipiv.as_mut_ptr(),
                b.as_mut_ptr(),
                n,
            )
        }
    }
    fn d_potrf(n: BlasInt, a: &mut [f64]) -> BlasInt {
        unsafe { ffi::LAPACKE_dpotrf(ColumnMajor, b'L' as c_char, n, a.as_mut_ptr(), n) }
    }
    fn d_gesdd(n: BlasInt, a: &mut [f64], s: &mut [f64], u: &mut [f64], vt: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_dgesdd(
                ColumnMajor,
                b'S' as c_char,
                n,
                n,
                a.as_mut_ptr(),
                n,
                s.as_mut_ptr(),
                u.as_mut_ptr(),
                n,
                vt.as_mut_ptr(),
                n,
            )
        }
    }
}

impl Direct for Complex64 {
    const NAME: &'static str = "c128";
    fn d_eigh(n: BlasInt, a: &mut [Self], w: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_zheevd(
                ColumnMajor,
                b'V' as c_char,
                b'L' as c_char,
                n,
                a.as_mut_ptr(),
                n,
                w.as_mut_ptr(),
            )
        }
    }
    fn d_eigh_gen(n: BlasInt, a: &mut [Self], b: &mut [Self], w: &mut [f64]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_zhegvd(
                ColumnMajor,
                1,
                b'V' as c_char,
                b'L' as c_char,
                n,
                a.as_mut_ptr(),
                n,
                b.as_mut_ptr(),
                n,
                w.as_mut_ptr(),
            )
        }
    }
    fn d_gesv(n: BlasInt, a: &mut [Self], ipiv: &mut [BlasInt], b: &mut [Self]) -> BlasInt {
        unsafe {
            ffi::LAPACKE_zgesv(
                ColumnMajor,
                n,
                1,
                a.as_mut_ptr(),
                n,
                ipiv.as_mut_ptr(),
                b.as_mut_ptr(),
                n,
            )
        }
    }
    fn d_potrf(n: BlasInt, a: &mut [Self]) -> BlasInt {
        unsafe { ffi::LAPACKE_zpotrf(ColumnMajor, b'L' as c_char, n, a.as_mut_ptr(), n) }
    }
    fn d_gesdd(
        n: BlasInt,
        a: &mut [Self],
        s: &mut [f64],
        u: &mut [Self],
        vt: &mut [Self],
    ) -> BlasInt {
        unsafe {
            ffi::LAPACKE_zgesdd(
                ColumnMajor,
                b'S' as c_char,
                n,
                n,
                a.as_mut_ptr(),
                n,
                s.as_mut_ptr(),
                u.as_mut_ptr(),
                n,
                vt.as_mut_ptr(),
                n,
            )
        }
    }
}

/// Deterministic column-major data: a general matrix A, a Hermitian H, an
/// HPD S = AᴴA/n + I (well conditioned), a right-hand side b (n x 1).
fn data<T: Scalar>(n: usize) -> (Array2<T>, Array2<T>, Array2<T>, Array2<T>) {
    let val = |i: usize, j: usize, s: f64| {
        let re = ((i * 131 + j * 71) as f64 * s).sin();
        let im = ((i * 37 + j * 113) as f64 * s).cos();
        if T::IS_COMPLEX {
            T::from_parts(T::Real::from_f64_real(re), T::Real::from_f64_real(im))
        } else {
            T::from_f64(re)
        }
    };
    let a = Array2::from_shape_fn((n, n).f(), |(i, j)| val(i, j, 0.37));
    let h = Array2::from_shape_fn((n, n).f(), |(i, j)| {
        val(i, j, 0.37) + val(j, i, 0.37).conj()
    });
    let mut s = Array2::<T>::zeros((n, n).f());
    if lapis::blas::gemm(
        Transpose::ConjTrans,
        Transpose::NoTrans,
        T::from_f64(1.0 / n as f64),
        &a,
        &a,
        T::zero(),
        &mut s,
    )
    .is_err()
    {
        // Cannot happen for square inputs; S = I keeps the run going.
        s.fill(T::zero());
    }
    s.diag_mut().map_inplace(|d| *d += T::one());
    let b = Array2::from_shape_fn((n, 1).f(), |(i, _)| val(i, 7, 0.11));
    (a, h, s, b)
}

/// The column-major buffer of a Fortran-order array, copied.
fn fcopy<T: Clone>(a: &Array2<T>) -> Vec<T> {
    a.t().as_standard_layout().iter().cloned().collect()
}

/// Calls that take seconds (n >= 1000) get [`timing::MIN_REPS`]
/// repetitions, the fewest a median is taken of: more would make a full
/// run take hours.
fn budget_for(cfg: &Config, n: usize) -> Budget {
    let mut b = cfg.budget;
    if n >= 1000 {
        b.reps = timing::MIN_REPS;
    }
    b
}

fn case<T: Direct>(cfg: &Config, out: &mut Vec<Record>, threads: usize, n: usize) {
    let ni = n as BlasInt;
    let (a, h, s, b) = data::<T>(n);
    let budget = budget_for(cfg, n);
    // Each closure: (lapis side, direct side returning LAPACK's info).
    type Side<'a> = Box<dyn FnMut() -> Result<(), String> + 'a>;
    let err = |e: lapis::Error| e.to_string();
    let info = |i: BlasInt| {
        if i == 0 {
            Ok(())
        } else {
            Err(format!("info = {i}"))
        }
    };
    let cases: Vec<(&str, Side<'_>, Side<'_>)> = vec![
        (
            "eigh",
            Box::new(|| linalg::eigh(&h, Uplo::Lower).map(drop).map_err(err)),
            Box::new(|| {
                let mut x = fcopy(&h);
                let mut w = vec![0.0; n];
                info(T::d_eigh(ni, &mut x, &mut w))
            }),
        ),
        (
            "eigh_generalized",
            Box::new(|| {
                linalg::eigh_generalized(&h, &s, Uplo::Lower, 1)
                    .map(drop)
                    .map_err(err)
            }),
            Box::new(|| {
                let (mut x, mut y) = (fcopy(&h), fcopy(&s));
                let mut w = vec![0.0; n];
                info(T::d_eigh_gen(ni, &mut x, &mut y, &mut w))
            }),
        ),
        (
            "solve",
            Box::new(|| linalg::solve(&a, &b).map(drop).map_err(err)),
            Box::new(|| {
                let (mut x, mut y) = (fcopy(&a), fcopy(&b));
                let mut ipiv = vec![0; n];
                info(T::d_gesv(ni, &mut x, &mut ipiv, &mut y))
            }),
        ),
        (
            "cholesky",
            Box::new(|| linalg::cholesky(&s, Uplo::Lower).map(drop).map_err(err)),
            Box::new(|| {
                let mut x = fcopy(&s);
                info(T::d_potrf(ni, &mut x))
            }),
        ),
        (
            "svd",
            Box::new(|| linalg::svd(&a, false).map(drop).map_err(err)),
            Box::new(|| {
                let mut x = fcopy(&a);
                let mut sv = vec![0.0; n];
                let mut u = vec![T::default(); n * n];
                let mut vt = vec![T::default(); n * n];
                info(T::d_gesdd(ni, &mut x, &mut sv, &mut u, &mut vt))
            }),
        ),
    ];
    for (op, mut lapis_side, mut direct_side) in cases {
        let first = lapis_side().and_then(|()| direct_side());
        if let Err(e) = first {
            progress(&format!(
                "lapack {op} {} n={n} threads={threads}: failed ({e}); skipped",
                T::NAME
            ));
            continue;
        }
        let (sl, sd) = timing::measure_pair(
            budget,
            || {
                let _ = lapis_side();
            },
            || {
                let _ = direct_side();
            },
        );
        let (tl, td) = (sl.median, sd.median);
        progress(&format!(
            "lapack {op} {} n={n} threads={threads}: lapis {} direct {} direct/lapis {:.3}",
            T::NAME,
            fmt_secs(tl),
            fmt_secs(td),
            td / tl
        ));
        for (imp, st) in [("lapis", sl), ("direct", sd)] {
            out.push(
                Record {
                    backend: cfg.backend.clone(),
                    section: "lapack".into(),
                    op: op.into(),
                    dtype: T::NAME.into(),
                    shape: format!("{n}x{n}"),
                    n,
                    threads,
                    imp: imp.into(),
                    seconds: 0.0,
                    flops: 0.0,
                    bytes: 0.0,
                    ..Default::default()
                }
                .with_stat(st),
            );
        }
    }
}

/// Times every LAPACK case at each thread count and appends the records.
pub fn run(cfg: &Config, out: &mut Vec<Record>) {
    for &t in &cfg.threads {
        if let Err(e) = lapis::set_num_threads(t) {
            progress(&format!(
                "lapack: set_num_threads({t}) failed ({e}); skipped"
            ));
            continue;
        }
        for n in sizes(cfg.quick) {
            case::<f64>(cfg, out, t, n);
            case::<Complex64>(cfg, out, t, n);
        }
    }
}
