//! The backend lapis was built for is the one that runs (in lapis's own
//! test binaries; tests/downstream checks the same from a dependent crate,
//! and tests/link from C programs).

use lapis::{BackendStatus, Error, backend, check_backend, set_num_threads};

#[test]
fn the_backend_asked_for_is_the_one_loaded() {
    let info = backend();
    assert_eq!(info.name, lapis::backend::BUILT_FOR);
    assert_eq!(info.status, BackendStatus::Match, "{info}");
    let (blas, lapack) = match info.name {
        "blis" => ("blis", "reference"),
        "openblas-pypi" | "openblas64-pypi" => ("openblas", "openblas"),
        other => (other, other),
    };
    assert_eq!(
        info.detected, blas,
        "built for {} but cblas_dgemm comes from {} ({})",
        info.name, info.detected, info.blas_library
    );
    assert_eq!(
        info.lapack_detected, lapack,
        "dgetrf_ comes from {}",
        info.lapack_library
    );
    assert!(check_backend().is_ok());
    // Vendor libraries are named after their vendor. Netlib BLAS is a
    // shared library in Netlib's own directory (not the alternatives' copy),
    // Netlib LAPACK is linked from its static archive into the program.
    let exe = std::env::current_exe().unwrap();
    let exe_name = exe.file_name().unwrap().to_string_lossy().into_owned();
    match info.name {
        "openblas" | "blis" | "mkl" => assert!(
            info.blas_library.contains(info.name),
            "cblas_dgemm from {}",
            info.blas_library
        ),
        // NumPy's OpenBLAS, found by its prefixed names in its own library
        // (the system's libopenblas may be loaded too, and must not answer).
        "openblas-pypi" => {
            assert!(
                info.blas_library.ends_with("/libscipy_openblas.so"),
                "{info}"
            );
            assert!(
                info.lapack_library.ends_with("/libscipy_openblas.so"),
                "{info}"
            );
        }
        "openblas64-pypi" => {
            assert!(
                info.blas_library.ends_with("/libscipy_openblas64_.so"),
                "{info}"
            );
            assert!(
                info.lapack_library.ends_with("/libscipy_openblas64_.so"),
                "{info}"
            );
        }
        "reference" => {
            let real = std::fs::canonicalize(&info.blas_library).unwrap();
            let real = real.to_string_lossy().to_lowercase();
            assert!(
                !["openblas", "blis", "mkl"].iter().any(|v| real.contains(v)),
                "cblas_dgemm from {real}"
            );
            assert!(info.lapack_library.ends_with(&exe_name), "{info}");
        }
        other => panic!("unknown backend {other}"),
    }
    assert!(!info.lapack_library.is_empty(), "no LAPACK dgetrf_ loaded");
    let v = info
        .lapack_version
        .as_deref()
        .expect("ilaver_ is exported by every LAPACK");
    assert!(v.starts_with('3'), "LAPACK version {v}");
    assert!(info.num_threads >= 1);
    if info.name != "reference" {
        assert!(info.version.is_some(), "{} reports a version", info.name);
    }
    // The Display form names the backend.
    assert!(info.to_string().starts_with(info.name));
}

#[test]
fn a_mismatch_is_an_error_naming_both_sides() {
    let e = Error::BackendMismatch {
        requested: "reference",
        blas: "openblas",
        lapack: "openblas",
        library: "/x/libblas.so.3".into(),
    };
    let text = e.to_string();
    assert!(text.contains("built for reference"), "{text}");
    assert!(text.contains("openblas (/x/libblas.so.3)"), "{text}");
    assert_eq!(BackendStatus::Mismatch.as_str(), "mismatch");
}

#[test]
fn set_num_threads_changes_what_is_reported() {
    assert!(matches!(
        set_num_threads(0),
        Err(Error::InvalidArgument { .. })
    ));
    let before = lapis::backend::num_threads();
    set_num_threads(1).unwrap();
    assert_eq!(lapis::backend::num_threads(), 1);
    assert_eq!(lapis::parallel::threads(), 1);
    set_num_threads(2).unwrap();
    assert_eq!(lapis::parallel::threads(), 2);
    // Reference BLAS stays single-threaded; the others follow.
    let blas = if backend().detected == "reference" {
        1
    } else {
        2
    };
    assert_eq!(lapis::backend::num_threads(), blas);
    set_num_threads(before.max(1)).unwrap();
}
