//! What the README tells a dependent to do when its backend lives off the
//! loader's default path (MKL from PyPI, a library in /opt): take lapis's
//! run-time path for its own binaries. Nothing else is done here, so the
//! tests see what any downstream crate gets.
fn main() {
    if let Ok(rpath) = std::env::var("DEP_LAPIS_BLAS_RPATH")
        && !rpath.is_empty()
    {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{rpath}");
    }
}
