//! The backend lapis was built for is the one that runs.

use lapis::{Error, backend, set_num_threads};

#[test]
fn the_backend_asked_for_is_the_one_loaded() {
    let info = backend();
    assert_eq!(info.name, lapis::backend::BUILT_FOR);
    assert_eq!(
        info.detected, info.name,
        "built for {} but cblas_dgemm comes from {} ({})",
        info.name, info.detected, info.blas_library
    );
    let expected_path = match info.name {
        "openblas" => "openblas",
        "blis" => "blis",
        "mkl" => "mkl",
        "reference" => "/blas/",
        other => panic!("unknown backend {other}"),
    };
    assert!(
        info.blas_library.contains(expected_path),
        "cblas_dgemm from {}",
        info.blas_library
    );
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
    let blas = if backend().name == "reference" { 1 } else { 2 };
    assert_eq!(lapis::backend::num_threads(), blas);
    set_num_threads(before.max(1)).unwrap();
}
