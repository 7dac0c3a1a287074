//! `lapis::profile`: per-routine calls, time split (BLAS/LAPACK vs lapis),
//! flops, bytes copied and allocated; nesting (only the outermost routine
//! records); thread safety; and `LAPIS_PROFILE=1` printing at exit.
//!
//! The profiler is process-wide, so the scenarios run one after another in
//! one test (the child-process test runs in its own process).

use lapis::blas::{self, Transpose};
use lapis::profile::{self, RoutineStats};
use lapis::{Complex64, Scalar};
use ndarray::{Array1, Array2, s};

fn stat(name: &str) -> Option<RoutineStats> {
    profile::stats().into_iter().find(|r| r.name == name)
}

fn filled<T: Scalar>(m: usize, n: usize) -> Array2<T> {
    Array2::from_shape_fn((m, n), |(i, j)| {
        T::from_f64(((i * 7 + j * 3) % 11) as f64 - 5.0)
    })
}

fn gemm_calls<T: Scalar>(calls: usize, (m, n, k): (usize, usize, usize)) {
    let a = filled::<T>(m, k);
    let b = filled::<T>(k, n);
    let mut c = Array2::<T>::zeros((m, n));
    for _ in 0..calls {
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            T::one(),
            &a,
            &b,
            T::zero(),
            &mut c,
        )
        .unwrap();
    }
}

#[test]
fn profiler_scenarios() {
    // Off: nothing is recorded.
    profile::disable();
    profile::reset();
    gemm_calls::<f64>(3, (8, 8, 8));
    assert!(profile::stats().is_empty(), "recorded while off");
    assert!(profile::report().contains("(nothing recorded)"));

    // Calls, flops, and the time split.
    profile::enable();
    let (m, n, k) = (64, 48, 32);
    gemm_calls::<f64>(5, (m, n, k));
    let g = stat("gemm").expect("gemm recorded");
    assert_eq!(g.calls, 5);
    assert_eq!(g.flops, 5.0 * 2.0 * (m * n * k) as f64);
    assert!(g.backend > std::time::Duration::ZERO, "no BLAS time: {g:?}");
    assert!(g.backend <= g.total && g.max <= g.total, "{g:?}");
    assert_eq!(g.own() + g.backend, g.total);
    assert_eq!(g.bytes_copied, 0, "contiguous operands are not copied");

    // Complex flops count four real multiply-adds per complex one.
    profile::reset();
    gemm_calls::<Complex64>(2, (4, 5, 6));
    assert_eq!(stat("gemm").unwrap().flops, 2.0 * 8.0 * (4 * 5 * 6) as f64);

    // Bytes copied: an input BLAS cannot address (strided both ways) is
    // copied once per call, m·k elements.
    profile::reset();
    let big = filled::<f64>(2 * m, 2 * k);
    let a = big.slice(s![..;2, ..;2]);
    let b = filled::<f64>(k, n);
    let mut c = Array2::<f64>::zeros((m, n));
    let before = lapis::layout::copies_made();
    for _ in 0..3 {
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            1.0,
            &a,
            &b,
            0.0,
            &mut c,
        )
        .unwrap();
    }
    let copies = lapis::layout::copies_made() - before;
    assert_eq!(copies, 3, "one copy per call");
    let g = stat("gemm").unwrap();
    assert_eq!(g.bytes_copied, (3 * m * k * 8) as u64);
    assert!(g.bytes_allocated >= g.bytes_copied, "{g:?}");

    // Nesting: matmul on dynamic arrays calls gemm inside; only matmul
    // records, with the product's flops.
    profile::reset();
    let x = lapis::array::from_ndarray(filled::<f64>(m, k)).unwrap();
    let y = lapis::array::from_ndarray(filled::<f64>(k, n)).unwrap();
    for _ in 0..4 {
        lapis::array::matmul(&x, &y).unwrap();
    }
    let mm = stat("matmul").expect("matmul recorded");
    assert_eq!(mm.calls, 4);
    assert_eq!(mm.flops, 4.0 * 2.0 * (m * n * k) as f64);
    assert!(
        stat("gemm").is_none(),
        "a nested gemm recorded its own call"
    );
    assert!(
        mm.bytes_allocated >= (4 * m * n * 8) as u64,
        "results allocated: {mm:?}"
    );

    // LAPACK time counts as backend time; a stack records once under the
    // routine's name, with its items' flops (2/3·n³ + 2·n² per solve).
    profile::reset();
    let nn = 40;
    let h = Array2::from_shape_fn((nn, nn), |(i, j)| {
        if i == j {
            nn as f64
        } else {
            1.0 / (1 + i + j) as f64
        }
    });
    let rhs = Array1::from_elem(nn, 1.0);
    lapis::linalg::solve(&h, &rhs).unwrap();
    let sv = stat("solve").expect("solve recorded");
    assert_eq!(sv.calls, 1);
    assert!(
        sv.backend > std::time::Duration::ZERO && sv.backend <= sv.total,
        "{sv:?}"
    );
    let per = 2.0 / 3.0 * (nn * nn * nn) as f64 + 2.0 * (nn * nn) as f64;
    assert!((sv.flops - per).abs() <= 1e-9 * per, "{sv:?}");
    profile::reset();
    let stack = ndarray::Array3::from_shape_fn((3, nn, nn), |(_, i, j)| h[[i, j]]).into_dyn();
    let rhs3 = ndarray::Array3::from_elem((3, nn, 1), 1.0).into_dyn();
    lapis::linalg::solve_stacked(&stack, &rhs3).unwrap();
    let sv = stat("solve").expect("solve_stacked recorded as solve");
    assert_eq!(sv.calls, 1);
    assert!((sv.flops - 3.0 * per).abs() <= 1e-9 * per, "{sv:?}");

    // Threads record concurrently without losing calls.
    profile::reset();
    std::thread::scope(|sc| {
        for t in 0..4 {
            sc.spawn(move || {
                let v = Array1::from_shape_fn(100, |i| (i + t) as f64);
                for _ in 0..50 {
                    blas::dot(&v, &v).unwrap();
                }
            });
        }
    });
    assert_eq!(stat("dot").unwrap().calls, 200);

    // The report: a header, one line per routine.
    let r = profile::report();
    assert!(r.starts_with("lapis profile"), "{r}");
    let line = r
        .lines()
        .find(|l| l.starts_with("dot "))
        .expect("a dot line");
    assert_eq!(line.split_whitespace().nth(1), Some("200"), "{line}");

    // Off again: counts stay, nothing new is added; reset forgets.
    profile::disable();
    gemm_calls::<f64>(2, (4, 4, 4));
    assert!(stat("gemm").is_none());
    assert_eq!(stat("dot").unwrap().calls, 200);
    profile::reset();
    assert!(profile::stats().is_empty());
}

/// Run by `profile_env_prints_at_exit` in a child process with
/// `LAPIS_PROFILE=1`: a few calls, then the process exits normally.
#[test]
#[ignore = "run as a child process by profile_env_prints_at_exit"]
fn child_with_profile_env() {
    gemm_calls::<f64>(3, (16, 16, 16));
}

#[test]
fn profile_env_prints_at_exit() {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "--ignored",
            "--exact",
            "child_with_profile_env",
            "--test-threads=1",
        ])
        .env("LAPIS_PROFILE", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lapis profile"), "stderr: {err}");
    let line = err
        .lines()
        .find(|l| l.starts_with("gemm "))
        .expect("a gemm line");
    assert_eq!(line.split_whitespace().nth(1), Some("3"), "{line}");
}
