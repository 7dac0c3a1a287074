//! The C library's link settings, and what `scripts/install.sh` needs to
//! write the pkg-config and CMake files.
//!
//! - `liblapis.so.0` is its soname. No run-time path is set: the shared
//!   library finds its BLAS/LAPACK the way the program that loads it says
//!   (default path, its own rpath, `LD_LIBRARY_PATH`).
//! - lapis's build script (the `links = "lapis_blas"` package) exports the
//!   backend's link lines as `DEP_LAPIS_BLAS_*`; they are written to
//!   `$OUT_DIR/backend.env` for the installer.
//! - This crate's own tests and benches get the backend's run-time path, as
//!   any Rust program depending on lapis does (see the README).

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,liblapis.so.0");
    let var = |k: &str| env::var(format!("DEP_LAPIS_BLAS_{k}")).unwrap_or_default();
    let rpath = var("RPATH");
    if !rpath.is_empty() {
        for kind in ["tests", "benches"] {
            println!("cargo:rustc-link-arg-{kind}=-Wl,-rpath,{rpath}");
        }
    }
    let text = format!(
        "BACKEND={}\nRPATH={}\nLIBS={}\nSTATIC_LIBS={}\n",
        var("BACKEND"),
        rpath,
        var("LIBS"),
        var("STATIC_LIBS")
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = std::fs::write(out.join("backend.env"), text) {
        panic!("lapis-capi: cannot write backend.env: {e}");
    }
}
