//! The backend name this crate's feature asks lapis for.

/// `openblas`, `openblas-pypi`, `openblas64-pypi`, `reference`, `blis` or
/// `mkl`; None without a backend feature.
pub fn asked_for() -> Option<&'static str> {
    if cfg!(feature = "openblas-system") {
        Some("openblas")
    } else if cfg!(feature = "openblas-pypi") {
        Some("openblas-pypi")
    } else if cfg!(feature = "openblas64-pypi") {
        Some("openblas64-pypi")
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
