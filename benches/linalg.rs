//! lapis::linalg against the same LAPACK driver called directly, on the
//! same data: eigh, generalized eigh, solve, cholesky, svd, lstsq for f64
//! and complex128.
//!
//! `cargo bench --bench linalg [-- n ...]` (default n = 100 500 1000 2000;
//! `make bench-linalg`). `LINALG_OPS=solve,cholesky` runs only those
//! operations; `LINALG_REPS=k` times each case best-of-k (default 5 up to
//! n = 500, fewer above). Each case is timed best-of-k, the two sides
//! interleaved so that drift in the machine affects both. The direct side
//! calls the LAPACKE driver (`LAPACKE_dsyevd`, …, which queries and
//! allocates its own workspace) on a fresh Fortran-order copy of the input,
//! as a caller who keeps its input must; lapis makes the same one copy.
//! Prints a Markdown table; `benches/numpy/linalg_bench.py` gives the
//! NumPy/SciPy column on the same machine.

use std::time::Instant;

use lapacke::Layout::ColumnMajor;
use lapis::Complex64;
use lapis::Scalar;
use lapis::blas::Uplo;
use lapis::linalg;
use ndarray::{Array2, ShapeBuilder};

/// Whether `op` is among `LINALG_OPS` (all when unset).
fn wanted(op: &str) -> bool {
    std::env::var("LINALG_OPS").map_or(true, |ops| ops.split(',').any(|o| o.trim() == op))
}

fn best_pair(reps: usize, mut lapis_side: impl FnMut(), mut direct: impl FnMut()) -> (f64, f64) {
    lapis_side();
    direct();
    let (mut tl, mut td) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..reps {
        let t = Instant::now();
        lapis_side();
        tl = tl.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        direct();
        td = td.min(t.elapsed().as_secs_f64());
    }
    (tl * 1e3, td * 1e3)
}

/// Deterministic data: a general matrix, a Hermitian one, an HPD one, a rhs.
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
    let f = |shape: (usize, usize)| Array2::<T>::zeros(shape.f());
    let mut a = f((n, n));
    a.indexed_iter_mut()
        .for_each(|((i, j), v)| *v = val(i, j, 0.37));
    let mut h = f((n, n));
    h.indexed_iter_mut()
        .for_each(|((i, j), v)| *v = val(i, j, 0.37) + val(j, i, 0.37).conj());
    // S = AᴴA/n + I: Hermitian positive definite, well conditioned.
    let mut s = f((n, n));
    lapis::blas::gemm(
        lapis::blas::Transpose::ConjTrans,
        lapis::blas::Transpose::NoTrans,
        T::from_f64(1.0 / n as f64),
        &a,
        &a,
        T::zero(),
        &mut s,
    )
    .expect("shapes agree");
    s.diag_mut().map_inplace(|d| *d += T::one());
    let mut b = f((n, 1));
    b.indexed_iter_mut()
        .for_each(|((i, _), v)| *v = val(i, 7, 0.11));
    (a, h, s, b)
}

use lapis::RealScalar;

fn fcopy<T: Clone>(a: &Array2<T>) -> Vec<T> {
    a.as_slice_memory_order()
        .expect("Fortran-order contiguous")
        .to_vec()
}

macro_rules! cases {
    ($t:ty, $name:expr, $n:expr, $reps:expr, $rows:expr,
     $syevd:ident, $sygvd:ident, $gesv:ident, $potrf:ident, $gesdd:ident, $gelsd:ident, $real:ty) => {{
        let n = $n;
        let ni = n as i32;
        let (a, h, s, b) = data::<$t>(n);
        let mut row = |op: &str, t: (f64, f64)| {
            if t.0.is_nan() {
                return;
            }
            $rows.push(format!(
                "| {op} | {} | {n} | {:.3} | {:.3} | {:.3} |",
                $name,
                t.0,
                t.1,
                t.1 / t.0
            ));
            eprintln!("{}", $rows.last().unwrap());
        };
        row(
            "eigh",
            if !wanted("eigh") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::eigh(&h, Uplo::Lower).unwrap();
                },
                || {
                    let mut x = fcopy(&h);
                    let mut w = vec![<$real>::default(); n];
                    let info =
                        // SAFETY: `x` is the Fortran-order `n × n` copy (`lda = n`) and `w`
                        // has `n` elements: all `?syevd` addresses.
                        unsafe { lapacke::$syevd(ColumnMajor, b'V', b'L', ni, &mut x, ni, &mut w) };
                    assert_eq!(info, 0);
                },
            ) },
        );
        row(
            "eigh_generalized",
            if !wanted("eigh_generalized") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::eigh_generalized(&h, &s, Uplo::Lower, 1).unwrap();
                },
                || {
                    let (mut x, mut y) = (fcopy(&h), fcopy(&s));
                    let mut w = vec![<$real>::default(); n];
                    // SAFETY: `x` and `y` are `n × n` Fortran-order copies (`ld = n`) and `w`
                    // has `n` elements: all `?sygvd` addresses.
                    let info = unsafe {
                        lapacke::$sygvd(
                            ColumnMajor,
                            1,
                            b'V',
                            b'L',
                            ni,
                            &mut x,
                            ni,
                            &mut y,
                            ni,
                            &mut w,
                        )
                    };
                    assert_eq!(info, 0);
                },
            ) },
        );
        row(
            "solve",
            if !wanted("solve") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::solve(&a, &b).unwrap();
                },
                || {
                    let (mut x, mut y) = (fcopy(&a), fcopy(&b));
                    let mut ipiv = vec![0; n];
                    // SAFETY: `x` is `n × n`, `y` `n × 1` (`ld = n`), `ipiv` `n`: all `?gesv`
                    // addresses.
                    let info = unsafe {
                        lapacke::$gesv(ColumnMajor, ni, 1, &mut x, ni, &mut ipiv, &mut y, ni)
                    };
                    assert_eq!(info, 0);
                },
            ) },
        );
        row(
            "cholesky",
            if !wanted("cholesky") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::cholesky(&s, Uplo::Lower).unwrap();
                },
                || {
                    let mut x = fcopy(&s);
                    // SAFETY: `x` is the Fortran-order `n × n` copy (`lda = n`): all `?potrf`
                    // addresses.
                    let info = unsafe { lapacke::$potrf(ColumnMajor, b'L', ni, &mut x, ni) };
                    assert_eq!(info, 0);
                },
            ) },
        );
        row(
            "svd",
            if !wanted("svd") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::svd(&a, false).unwrap();
                },
                || {
                    let mut x = fcopy(&a);
                    let mut sv = vec![<$real>::default(); n];
                    let mut u = vec![<$t>::default(); n * n];
                    let mut vt = vec![<$t>::default(); n * n];
                    // SAFETY: `x`, `u` and `vt` are `n × n` (`ld = n`, enough for `jobz = 'S'`)
                    // and `sv` has `n` elements: all `?gesdd` addresses.
                    let info = unsafe {
                        lapacke::$gesdd(
                            ColumnMajor,
                            b'S',
                            ni,
                            ni,
                            &mut x,
                            ni,
                            &mut sv,
                            &mut u,
                            ni,
                            &mut vt,
                            ni,
                        )
                    };
                    assert_eq!(info, 0);
                },
            ) },
        );
        row(
            "lstsq",
            if !wanted("lstsq") { (f64::NAN, f64::NAN) } else { best_pair(
                $reps,
                || {
                    linalg::lstsq(&a, &b, None).unwrap();
                },
                || {
                    let (mut x, mut y) = (fcopy(&a), fcopy(&b));
                    let mut sv = vec![<$real>::default(); n];
                    let mut rank = 0;
                    let rcond = <$real>::EPSILON * n as $real;
                    // SAFETY: `x` is `n × n`, `y` `n × 1` (`ld = n = max(m, n)`), `sv` `n`
                    // elements: all `?gelsd` addresses.
                    let info = unsafe {
                        lapacke::$gelsd(
                            ColumnMajor,
                            ni,
                            ni,
                            1,
                            &mut x,
                            ni,
                            &mut y,
                            ni,
                            &mut sv,
                            rcond,
                            &mut rank,
                        )
                    };
                    assert_eq!(info, 0);
                },
            ) },
        );
    }};
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 500, 1000, 2000]
    } else {
        sizes
    };
    let info = lapis::backend();
    println!(
        "backend: {} {}",
        info.name,
        info.version.as_deref().unwrap_or("")
    );
    println!("threads: {}", info.num_threads);
    println!();
    let mut rows = Vec::new();
    for &n in &sizes {
        let reps = std::env::var("LINALG_REPS")
            .ok()
            .and_then(|r| r.parse().ok());
        let reps = reps.unwrap_or(if n <= 500 {
            5
        } else if n <= 1000 {
            3
        } else {
            2
        });
        cases!(
            f64, "f64", n, reps, rows, dsyevd, dsygvd, dgesv, dpotrf, dgesdd, dgelsd, f64
        );
        cases!(
            Complex64, "c128", n, reps, rows, zheevd, zhegvd, zgesv, zpotrf, zgesdd, zgelsd, f64
        );
    }
    println!("| op | dtype | n | lapis ms | direct ms | direct/lapis |");
    println!("|---|---|---:|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }
}
