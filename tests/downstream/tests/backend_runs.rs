//! From outside lapis: the backend this crate's feature asked for is the one
//! whose code answers BLAS and LAPACK calls, and it computes correctly.

use lapis::{BackendStatus, backend, check_backend};
use ndarray::{Array2, array};

#[test]
fn the_backend_asked_for_runs() {
    let asked = lapis_downstream::asked_for().expect("run with one backend feature");
    let info = backend();
    assert_eq!(
        info.name, asked,
        "lapis was built for {} ({info})",
        info.name
    );
    assert_eq!(info.status, BackendStatus::Match, "{info}");
    let (blas, lapack) = match asked {
        "blis" => ("blis", "reference"),
        other => (other, other),
    };
    assert_eq!(
        info.detected, blas,
        "cblas_dgemm from {}",
        info.blas_library
    );
    assert_eq!(
        info.lapack_detected, lapack,
        "dgetrf_ from {}",
        info.lapack_library
    );
    assert!(check_backend().is_ok());
    // Netlib is linked statically: its code is in this test binary. The
    // others are shared libraries named after themselves.
    match asked {
        "openblas" => assert!(info.blas_library.contains("openblas"), "{info}"),
        "blis" => assert!(info.blas_library.contains("blis"), "{info}"),
        "mkl" => assert!(info.blas_library.contains("mkl"), "{info}"),
        _ => {}
    }
}

#[test]
fn blas_and_lapack_compute() {
    let a = array![[4.0, 1.0], [1.0, 3.0]];
    let b = array![[1.0, 2.0], [0.0, 1.0]];
    let mut c = Array2::<f64>::zeros((2, 2));
    lapis::blas::gemm(
        lapis::blas::Transpose::NoTrans,
        lapis::blas::Transpose::NoTrans,
        1.0,
        &a,
        &b,
        0.0,
        &mut c,
    )
    .unwrap();
    assert_eq!(c, array![[4.0, 9.0], [1.0, 5.0]]);
    let x = lapis::linalg::solve(&a, &array![[1.0], [2.0]]).unwrap();
    let r = a.dot(&x) - array![[1.0], [2.0]];
    assert!(r.iter().all(|v| v.abs() < 1e-14), "residual {r}");
}

#[test]
fn threads_follow_the_blas_that_runs() {
    let info = backend();
    lapis::set_num_threads(2).unwrap();
    let expect = if info.detected == "reference" { 1 } else { 2 };
    assert_eq!(lapis::backend::num_threads(), expect, "{info}");
    lapis::set_num_threads(1).unwrap();
    assert_eq!(lapis::backend::num_threads(), 1);
}

#[test]
fn a_static_netlib_program_carries_no_other_blas() {
    // Netlib is linked from its static archives and has no identification
    // function of its own, so the run-time check cannot tell it from a
    // statically linked optimized BLAS; the program file can.
    if lapis_downstream::asked_for() != Some("reference") {
        return;
    }
    let exe = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    for vendor in [
        &b"openblas_get_config"[..],
        b"bli_info_get_version_str",
        b"MKL_Get_Version_String",
    ] {
        let found = exe.windows(vendor.len()).any(|w| w == vendor);
        assert!(
            !found,
            "{} is in the test program",
            String::from_utf8_lossy(vendor)
        );
    }
    // ... and it does carry Netlib's code (the symbol table is not stripped).
    assert!(exe.windows(7).any(|w| w == b"dgetrf_"));
}
