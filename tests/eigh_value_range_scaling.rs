//! Value ranges that LAPACK's internal scaling collapses (found by the
//! linalg fuzz target through `lapis_linalg_eigh_generalized_subset`):
//! `?syevr`/`?syevx` scale a matrix with a huge or tiny largest entry by
//! `σ` and pass `(σ·vl, σ·vu]` to `?stebz`. Where both products round to
//! one value, `?stebz` printed "** On entry to DSTEBZ parameter number 5
//! had an illegal value" on stdout and the driver returned no eigenvalue,
//! even with one in the range. lapis now computes all eigenpairs for such
//! a range and keeps those in `(vl, vu]` (src/linalg/eigh_range.rs).

use lapis::linalg::{EigRange, Uplo, eigh_generalized_subset, eigh_subset, eigvalsh_subset};
use ndarray::{Array2, array};

/// The cases, run in a child process whose stdout and stderr are checked.
fn run_cases() {
    // Largest entry 1e300: σ ≈ 8e-224, so (−1e-300, 1e-300] becomes
    // (−0, +0]. The eigenvalue 0 lies in the range.
    let h = array![[0.0f64, 0.0], [0.0, 1e300]];
    let s = Array2::<f64>::eye(2);
    let range = EigRange::Value(-1e-300, 1e-300);
    let (w, v) = eigh_subset(&h, Uplo::Lower, range).unwrap();
    assert_eq!(w.to_vec(), vec![0.0]);
    assert_eq!(v.dim(), (2, 1));
    assert_eq!(v[[0, 0]].abs(), 1.0);
    let (w, v) = eigh_generalized_subset(&h, &s, Uplo::Upper, 1, range).unwrap();
    assert_eq!(w.to_vec(), vec![0.0]);
    assert_eq!(v[[0, 0]].abs(), 1.0);
    // Complex, float32: the same with f32's bounds.
    let hc = array![
        [
            num_complex::Complex32::new(0.0, 0.0),
            num_complex::Complex32::new(0.0, 0.0)
        ],
        [
            num_complex::Complex32::new(0.0, 0.0),
            num_complex::Complex32::new(1e38, 0.0)
        ]
    ];
    let w = eigvalsh_subset(&hc, Uplo::Lower, EigRange::Value(-1e-38, 1e-38)).unwrap();
    assert_eq!(w.to_vec(), vec![0.0f32]);
    // Largest entry 1e-300: σ is huge and (1e300, ∞] overflows to (∞, ∞].
    let t = array![[1e-300f64, 0.0], [0.0, 2e-300]];
    let (w, _) = eigh_generalized_subset(
        &t,
        &s,
        Uplo::Lower,
        2,
        EigRange::Value(1e300, f64::INFINITY),
    )
    .unwrap();
    assert!(w.is_empty());
    // Ends one ulp apart around an eigenvalue.
    let d = array![[1.0f64, 0.0], [0.0, 1e300]];
    let one_below = f64::from_bits(1.0f64.to_bits() - 1);
    let (w, _) =
        eigh_generalized_subset(&d, &s, Uplo::Lower, 1, EigRange::Value(one_below, 1.0)).unwrap();
    assert_eq!(w.to_vec(), vec![1.0]);
    // A numerically singular S: the reduced matrix L⁻¹ H L⁻ᴴ overflows, so
    // ?sygvx's scale factor would be 0 and any value range collapse
    // (fuzz-found). Generalized value ranges are computed in full: no
    // print; a result or a lapis error, never LAPACK's empty answer
    // printed about.
    let hs = array![[8.25f64, 1e300], [-1.125, 1e300]];
    let ss = Array2::from_elem((2, 2), 0.125f64);
    let _ = eigh_generalized_subset(&hs, &ss, Uplo::Lower, 1, EigRange::Value(1.0, 1e300));
    // An ordinary range keeps LAPACK's subset path and its answer.
    let (w, _) = eigh_subset(&d, Uplo::Lower, EigRange::Value(0.5, 2.0)).unwrap();
    assert_eq!(w.to_vec(), vec![1.0]);
}

#[test]
fn collapsing_value_ranges_are_computed_in_full_and_print_nothing() {
    if std::env::var_os("LAPIS_RANGE_CHILD").is_some() {
        run_cases();
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "collapsing_value_ranges_are_computed_in_full_and_print_nothing",
            "--test-threads=1",
            "--quiet",
        ])
        .env("LAPIS_RANGE_CHILD", "1")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "child failed:\n{stdout}\n{stderr}");
    for text in [&stdout, &stderr] {
        assert!(!text.contains("illegal value"), "LAPACK printed:\n{text}");
    }
}
