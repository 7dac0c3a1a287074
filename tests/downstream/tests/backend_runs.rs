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
        "openblas-pypi" | "openblas64-pypi" => ("openblas", "openblas"),
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
    // Vendor libraries are shared libraries named after themselves (Netlib:
    // see a_netlib_program_carries_no_other_blas).
    match asked {
        "openblas" => assert!(info.blas_library.contains("libopenblas"), "{info}"),
        // NumPy's OpenBLAS: its own library, not the system's, with the
        // integer width of the wheel (scipy-openblas64 is ILP64).
        "openblas-pypi" => {
            assert!(
                info.blas_library.ends_with("libscipy_openblas.so"),
                "{info}"
            );
            assert_eq!(info.int_bits, 32);
        }
        "openblas64-pypi" => {
            assert!(
                info.blas_library.ends_with("libscipy_openblas64_.so"),
                "{info}"
            );
            assert_eq!(info.int_bits, 64);
        }
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
fn a_netlib_program_carries_no_other_blas() {
    // Netlib LAPACK is linked from its static archive and Netlib has no
    // identification function of its own, so the run-time check cannot tell
    // it from a statically linked optimized library; the program file can. (lapis itself
    // names the vendors' identification functions, as strings for dlsym, so
    // those names prove nothing; these are each vendor's internals.)
    if lapis_downstream::asked_for() != Some("reference") {
        return;
    }
    let exe_path = std::env::current_exe().unwrap();
    let exe = std::fs::read(&exe_path).unwrap();
    // Spelled backwards: the literals must not themselves be in the file.
    for reversed in ["salbotog", "mmeg_ilb", "_vres_lkm"] {
        let internal: Vec<u8> = reversed.bytes().rev().collect();
        let found = exe.windows(internal.len()).any(|w| w == internal);
        assert!(
            !found,
            "{} is in the test program",
            String::from_utf8_lossy(&internal)
        );
    }
    // ... the LAPACK code that answers is the program's own, and the BLAS
    // is Netlib's shared library, not the alternatives' libblas.so.3.
    let info = lapis::backend();
    let name = exe_path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(info.lapack_library.ends_with(&name), "{info}");
    let real = std::fs::canonicalize(&info.blas_library).unwrap();
    let real = real.to_string_lossy().to_lowercase();
    assert!(
        !["openblas", "blis", "mkl"].iter().any(|v| real.contains(v)),
        "cblas_dgemm from {real}"
    );
}
