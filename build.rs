//! Chooses and links the BLAS/LAPACK backend.
//!
//! One switch, the environment variable `LAPIS_BACKEND`, picks the backend:
//!
//! | value                 | cblas_* and BLAS                    | LAPACK                 | LAPACKE_*            |
//! |-----------------------|-------------------------------------|------------------------|----------------------|
//! | `openblas` (default)  | libopenblas (Debian openblas-pthread) | libopenblas          | liblapacke           |
//! | `blis`                | libblis (Debian blis-openmp)        | reference liblapack    | liblapacke           |
//! | `mkl`                 | libmkl_rt (PyPI package `mkl`)      | libmkl_rt              | libmkl_rt            |
//! | `reference`           | reference libblas (Netlib, with CBLAS) | reference liblapack | liblapacke           |
//!
//! Debian installs several BLAS/LAPACK libraries under the same sonames
//! (`libblas.so.3`, `liblapack.so.3`) and picks one with `update-alternatives`.
//! To get the backend that was asked for, and not whatever the alternatives
//! point at, the chosen libraries' own directories are put first in the
//! run-time search path (DT_RPATH, which also applies to the libraries'
//! own dependencies). `lapis::backend()` then reports, from the loaded code,
//! which library really answers `cblas_dgemm`.
//!
//! `LAPIS_MKL_DIR` names the directory holding `libmkl_rt.so.*`; when unset,
//! the `lib` directory of the `python3` on PATH is tried (where `pip install mkl`
//! puts it).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Plan {
    name: &'static str,
    /// Directories searched at link time and at run time, in order.
    dirs: Vec<PathBuf>,
    /// Libraries to link, in order (`name` for -lname, or a verbatim file name).
    libs: Vec<String>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    generate_header();
    println!("cargo:rerun-if-env-changed=LAPIS_BACKEND");
    println!("cargo:rerun-if-env-changed=LAPIS_MKL_DIR");
    println!(
        "cargo:rustc-check-cfg=cfg(lapis_backend, values(\"openblas\", \"blis\", \"mkl\", \"reference\"))"
    );

    let backend = env::var("LAPIS_BACKEND").unwrap_or_else(|_| "openblas".to_string());
    let plan = match plan_for(backend.trim()) {
        Ok(plan) => plan,
        Err(message) => {
            // A build script's panic is how cargo reports a configuration error.
            eprintln!("lapis build: {message}");
            panic!("lapis build: {message}");
        }
    };

    for dir in &plan.dirs {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
    for lib in &plan.libs {
        if lib.contains(".so") {
            println!("cargo:rustc-link-lib=dylib:+verbatim={lib}");
        } else {
            println!("cargo:rustc-link-lib=dylib={lib}");
        }
    }
    if plan.name == "mkl" {
        // libmkl_rt dlopens libmkl_core etc., which expect libm's and
        // libdl's symbols in the global scope without declaring them
        // ("libmkl_core.so.3: undefined symbol: log" otherwise); keep those
        // libraries even in programs that call nothing from them.
        // (Applies to this package's own binaries; a dependent program
        // linking MKL through lapis needs the same flags, see README.)
        println!(
            "cargo:rustc-link-arg=-Wl,--push-state,--no-as-needed,-lm,-ldl,-lpthread,--pop-state"
        );
    }
    let rpath: Vec<String> = plan.dirs.iter().map(|d| d.display().to_string()).collect();
    // Applies to this package's tests, examples, benches and cdylib.
    println!(
        "cargo:rustc-link-arg=-Wl,--disable-new-dtags,-rpath,{}",
        rpath.join(":")
    );
    println!("cargo:rustc-cfg=lapis_backend=\"{}\"", plan.name);
    println!("cargo:rustc-env=LAPIS_BACKEND_NAME={}", plan.name);
    // Exported to dependents' build scripts as DEP_LAPIS_BLAS_LIBS / _RPATH
    // (the C ABI's pkg-config file is written from these).
    let link_flags: Vec<String> = plan
        .libs
        .iter()
        .map(|l| {
            if l.contains(".so") {
                format!("-l:{l}")
            } else {
                format!("-l{l}")
            }
        })
        .collect();
    println!("cargo:libs={}", link_flags.join(" "));
    println!("cargo:rpath={}", rpath.join(":"));
    println!("cargo:rustc-env=LAPIS_LINK_LIBS={}", link_flags.join(" "));
    println!("cargo:rustc-env=LAPIS_LINK_DIRS={}", rpath.join(":"));
    // The shared library's soname, and the link line a C program needs to
    // use the static library (scripts/install.sh writes lapis.pc from it).
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,liblapis.so.0");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let lib_dirs: Vec<String> = plan
        .dirs
        .iter()
        .map(|d| format!("-L{}", d.display()))
        .collect();
    let mut private = format!(
        "{} -Wl,--disable-new-dtags,-rpath,{} {}",
        lib_dirs.join(" "),
        rpath.join(":"),
        link_flags.join(" ")
    );
    if plan.name == "mkl" {
        private.push_str(" -Wl,--push-state,--no-as-needed -lm -ldl -lpthread -Wl,--pop-state");
    }
    // What Rust's standard library needs from the system in a static link.
    private.push_str(" -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc");
    std::fs::write(out_dir.join("libs.private"), private + "\n")
        .unwrap_or_else(|e| panic!("lapis build: cannot write libs.private: {e}"));
}

fn multiarch_dir() -> PathBuf {
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| "x86_64".into());
    PathBuf::from(format!("/usr/lib/{arch}-linux-gnu"))
}

fn require(path: &Path, package: &str) -> Result<(), String> {
    if path.exists() {
        Ok(())
    } else {
        Err(format!(
            "{} is missing: install the Debian package {package} (`make setup` does it)",
            path.display()
        ))
    }
}

fn plan_for(backend: &str) -> Result<Plan, String> {
    let lib = multiarch_dir();
    match backend {
        "openblas" => {
            let dir = lib.join("openblas-pthread");
            require(&dir.join("libopenblas.so"), "libopenblas-dev")?;
            require(&lib.join("liblapacke.so"), "liblapacke-dev")?;
            Ok(Plan {
                name: "openblas",
                dirs: vec![dir, lib],
                libs: vec!["openblas".into(), "lapacke".into()],
            })
        }
        "reference" => {
            let blas = lib.join("blas");
            let lapack = lib.join("lapack");
            require(&blas.join("libblas.so.3"), "libblas-dev")?;
            require(&lapack.join("liblapack.so.3"), "liblapack-dev")?;
            require(&lib.join("liblapacke.so"), "liblapacke-dev")?;
            Ok(Plan {
                name: "reference",
                dirs: vec![blas, lapack, lib],
                libs: vec![
                    "libblas.so.3".into(),
                    "liblapack.so.3".into(),
                    "lapacke".into(),
                ],
            })
        }
        "blis" => {
            let blis = ["blis-openmp", "blis-pthread", "blis-serial"]
                .iter()
                .map(|d| lib.join(d))
                .find(|d| d.join("libblis.so.4").exists())
                .ok_or_else(|| {
                    format!(
                        "{}/blis-*/libblis.so.4 is missing: install the Debian package libblis-dev",
                        lib.display()
                    )
                })?;
            let lapack = lib.join("lapack");
            require(&lapack.join("liblapack.so.3"), "liblapack-dev")?;
            require(&lib.join("liblapacke.so"), "liblapacke-dev")?;
            Ok(Plan {
                name: "blis",
                // BLIS's own directory first: its libblas.so.3 then also
                // serves reference LAPACK's calls into BLAS.
                dirs: vec![blis, lapack, lib],
                libs: vec![
                    "libblis.so.4".into(),
                    "liblapack.so.3".into(),
                    "lapacke".into(),
                ],
            })
        }
        "mkl" => {
            let dir = match env::var("LAPIS_MKL_DIR") {
                Ok(d) => PathBuf::from(d),
                Err(_) => python_lib_dir().ok_or(
                    "LAPIS_MKL_DIR is unset and no python3 was found: set it to the directory holding libmkl_rt.so.*",
                )?,
            };
            let rt = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("libmkl_rt.so"))
                .min_by_key(|n| n.len())
                .ok_or_else(|| {
                    format!(
                        "no libmkl_rt.so* in {}: run `pip install mkl` or set LAPIS_MKL_DIR",
                        dir.display()
                    )
                })?;
            Ok(Plan {
                name: "mkl",
                dirs: vec![dir],
                libs: vec![rt],
            })
        }
        other => Err(format!(
            "LAPIS_BACKEND={other:?} is not one of openblas, blis, mkl, reference"
        )),
    }
}

fn python_lib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .ok()?;
    let prefix = String::from_utf8(out.stdout).ok()?;
    Some(PathBuf::from(prefix.trim()).join("lib"))
}

/// Writes the C header generated from the `extern "C"` layer (src/ffi/*.rs)
/// to `$OUT_DIR/lapis.h`; `tests/c_header.rs` fails when the checked-in
/// include/lapis.h differs from it (`make header` updates that copy).
/// The version macros come from Cargo.toml, the one source of the version.
fn generate_header() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("lapis.h");
    let mut config = cbindgen::Config::from_file(root.join("cbindgen.toml"))
        .unwrap_or_else(|e| panic!("lapis build: cbindgen.toml: {e}"));
    let version = |k: &str| env::var(k).unwrap_or_else(|_| "0".into());
    config.after_includes = Some(format!(
        "\n#define LAPIS_VERSION_MAJOR {}\n#define LAPIS_VERSION_MINOR {}\n#define LAPIS_VERSION_PATCH {}\n#define LAPIS_VERSION_STRING \"{}\"",
        version("CARGO_PKG_VERSION_MAJOR"),
        version("CARGO_PKG_VERSION_MINOR"),
        version("CARGO_PKG_VERSION_PATCH"),
        version("CARGO_PKG_VERSION"),
    ));
    // Only mod.rs: cbindgen follows its `pub mod` items into the other
    // files (in declaration order). Passing those files too would declare
    // each of their functions twice.
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(root.join("src/ffi/mod.rs"))
        .generate()
        .unwrap_or_else(|e| panic!("lapis build: cbindgen: {e}"))
        .write_to_file(&out);
}
