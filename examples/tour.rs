//! A tour of lapis: the linked backend, typed BLAS on real and complex
//! arrays in C order, Fortran order and as transposed views, and one gemm
//! timed through lapis against the same cblas call made directly.
//!
//! Run with `make run` (or `cargo run --release --example tour`).

use std::time::{Duration, Instant};

use lapis::blas::{Transpose, axpy, gemm, gemv};
use lapis::{Complex64, Scalar};
use ndarray::{Array1, Array2, ShapeBuilder, s};

fn main() -> lapis::Result<()> {
    let info = lapis::backend();
    println!(
        "lapis {} — backend: {} (feature {}), status: {}",
        env!("CARGO_PKG_VERSION"),
        info.name,
        info.feature,
        info.status.as_str()
    );
    println!(
        "  version : {}",
        info.version.as_deref().unwrap_or("(not reported)")
    );
    println!("  BLAS    : {} [{}]", info.blas_library, info.detected);
    println!(
        "  LAPACK  : {} [{}] {}",
        info.lapack_library,
        info.lapack_detected,
        info.lapack_version.as_deref().unwrap_or("")
    );
    if let Err(e) = lapis::check_backend() {
        println!("  ERROR   : {e}");
    }
    println!("  threads : {}", info.num_threads);
    warn_generic_kernels(&info);
    println!();

    real_tour()?;
    complex_tour()?;
    time_gemm(512)?;
    Ok(())
}

/// Debian's OpenBLAS 0.3.21 does not know the newest Xeons and falls back to
/// its generic "Prescott" (SSE3) kernels there, about 5× slower for dgemm
/// than its AVX-512 ones. Say so: the fix is the user's environment.
fn warn_generic_kernels(info: &lapis::BackendInfo) {
    let generic = info
        .version
        .as_deref()
        .is_some_and(|v| v.contains("(core: Prescott)"));
    #[cfg(target_arch = "x86_64")]
    let (avx512, avx2) = (
        is_x86_feature_detected!("avx512f"),
        is_x86_feature_detected!("avx2"),
    );
    #[cfg(not(target_arch = "x86_64"))]
    let (avx512, avx2) = (false, false);
    if generic && (avx512 || avx2) {
        let core = if avx512 { "SkylakeX" } else { "Haswell" };
        println!(
            "  note    : OpenBLAS chose its generic Prescott kernels on a CPU with {};",
            if avx512 { "AVX-512" } else { "AVX2" }
        );
        println!("            OPENBLAS_CORETYPE={core} selects the fast ones");
    }
}

/// gemm, gemv and axpy on f64 data in three layouts, checked against each other.
fn real_tour() -> lapis::Result<()> {
    println!("== f64: one product, three layouts ==");
    let (m, k, n) = (4, 3, 2);
    let a_c = Array2::from_shape_fn((m, k), |(i, j)| (i * k + j) as f64 + 1.0);
    let mut a_f = Array2::<f64>::zeros((m, k).f());
    a_f.assign(&a_c);
    // The transpose of a C-order (k × m) array is an (m × k) view with
    // Fortran strides: no copy is made, BLAS gets a transpose flag.
    let at_store = a_c.t().as_standard_layout().into_owned();
    let a_t = at_store.t();
    let b = Array2::from_shape_fn((k, n), |(i, j)| if i == j { 1.0 } else { 0.5 });

    for (name, a) in [
        ("C order", a_c.view()),
        ("F order", a_f.view()),
        ("transposed", a_t),
    ] {
        let mut c = Array2::<f64>::zeros((m, n));
        let before = lapis::layout::copies_made();
        gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            1.0,
            &a,
            &b,
            0.0,
            &mut c,
        )?;
        let copies = lapis::layout::copies_made() - before;
        println!(
            "gemm  A {name:<10} strides {:?}: copies {copies}, C row 0 = {}",
            a.strides(),
            c.row(0)
        );
    }

    let x = Array1::from_vec(vec![1.0, -1.0, 2.0]);
    let mut y = Array1::<f64>::zeros(m);
    gemv(Transpose::NoTrans, 1.0, &a_f, &x, 0.0, &mut y)?;
    println!("gemv  y = A x          = {y}");
    // A strided, reversed view of y is still a BLAS vector (negative increment).
    let mut y2 = Array1::<f64>::ones(2 * m);
    let mut y_rev = y2.slice_mut(s![..;-2]);
    axpy(2.0, &y, &mut y_rev)?;
    println!("axpy  y2[::-2] += 2 y  → y2 = {y2}");
    println!();
    Ok(())
}

/// The same calls on complex128, with a conjugate transpose.
fn complex_tour() -> lapis::Result<()> {
    println!("== complex128: Aᴴ·A from a Fortran-order A ==");
    let (m, n) = (3, 2);
    let mut a = Array2::<Complex64>::zeros((m, n).f());
    for ((i, j), v) in a.indexed_iter_mut() {
        *v = Complex64::new(i as f64 + 1.0, j as f64 - 0.5);
    }
    let mut g = Array2::<Complex64>::zeros((n, n));
    gemm(
        Transpose::ConjTrans,
        Transpose::NoTrans,
        Complex64::new(1.0, 0.0),
        &a,
        &a,
        Complex64::new(0.0, 0.0),
        &mut g,
    )?;
    println!("G = Aᴴ A = {g}");
    println!(
        "G is Hermitian: {}",
        (0..n).all(|i| (0..n).all(|j| g[[i, j]] == g[[j, i]].conj()))
    );
    let x = Array1::from_elem(n, Complex64::new(0.0, 1.0));
    let mut y = Array1::<Complex64>::zeros(m);
    gemv(
        Transpose::NoTrans,
        Complex64::new(1.0, 0.0),
        &a,
        &x,
        Complex64::new(0.0, 0.0),
        &mut y,
    )?;
    println!("y = A·(i, i) = {y}");
    let mut z = y.clone();
    axpy(Complex64::new(-1.0, 0.0), &y, &mut z)?;
    println!("y − y = {z}");
    println!();
    Ok(())
}

fn best_of(reps: usize, mut f: impl FnMut()) -> Duration {
    f();
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// One dgemm through lapis and the same cblas_dgemm called directly.
fn time_gemm(n: usize) -> lapis::Result<()> {
    println!("== dgemm n = {n}: lapis vs direct cblas_dgemm (best of 5) ==");
    let a = Array2::from_shape_fn((n, n), |(i, j)| ((i * 7 + j * 3) % 11) as f64 / 11.0);
    let b = Array2::from_shape_fn((n, n), |(i, j)| ((i * 5 + j) % 13) as f64 / 13.0);
    let mut c1 = Array2::<f64>::zeros((n, n));
    let mut c2 = Array2::<f64>::zeros((n, n));

    let mut status = Ok(());
    let t_lapis = best_of(5, || {
        status = gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            1.0,
            &a,
            &b,
            0.0,
            &mut c1,
        );
    });
    status?;
    let ni = n as lapis::sys::BlasInt;
    let t_direct = best_of(5, || {
        // The backend's own cblas_dgemm, under the name and integer type it
        // exports (`scipy_cblas_dgemm64_` for scipy-openblas64), as lapis's
        // lowest layer declares it.
        // SAFETY: three contiguous n × n row-major matrices.
        unsafe {
            lapis::sys::cblas::cblas_dgemm(
                lapis::sys::Layout::CblasRowMajor,
                lapis::sys::Trans::CblasNoTrans,
                lapis::sys::Trans::CblasNoTrans,
                ni,
                ni,
                ni,
                1.0,
                a.as_ptr(),
                ni,
                b.as_ptr(),
                ni,
                0.0,
                c2.as_mut_ptr(),
                ni,
            )
        }
    });
    let flops = 2.0 * (n as f64).powi(3);
    let gf = |t: Duration| flops / t.as_secs_f64() / 1e9;
    let diff = c1
        .iter()
        .zip(&c2)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    println!(
        "lapis  : {:>9.3} ms  {:>7.1} GFLOP/s",
        t_lapis.as_secs_f64() * 1e3,
        gf(t_lapis)
    );
    println!(
        "direct : {:>9.3} ms  {:>7.1} GFLOP/s",
        t_direct.as_secs_f64() * 1e3,
        gf(t_direct)
    );
    println!(
        "lapis/direct throughput: {:.3}   max |difference| = {diff:e} (eps = {:e})",
        t_direct.as_secs_f64() / t_lapis.as_secs_f64(),
        f64::epsilon()
    );
    Ok(())
}
