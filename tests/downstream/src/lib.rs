//! The backend name this crate's feature asks lapis for.

/// `openblas`, `reference`, `blis` or `mkl`; None without a backend feature.
pub fn asked_for() -> Option<&'static str> {
    if cfg!(feature = "openblas-system") {
        Some("openblas")
    } else if cfg!(feature = "netlib-system") {
        Some("reference")
    } else if cfg!(feature = "blis-system") {
        Some("blis")
    } else if cfg!(feature = "intel-mkl-system") || cfg!(feature = "intel-mkl-pypi") {
        Some("mkl")
    } else {
        None
    }
}
