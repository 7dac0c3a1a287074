//! As any crate depending on lapis: take its backend's run-time path (MKL
//! from PyPI lives off the loader's default path).
fn main() {
    if let Ok(rpath) = std::env::var("DEP_LAPIS_BLAS_RPATH")
        && !rpath.is_empty()
    {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{rpath}");
    }
}
