//! Finds and links the BLAS/LAPACK backend. It does nothing else.
//!
//! # Which backend
//! One Cargo feature names it (the `blas-src`/`lapack-src` conventions):
//!
//! | feature                     | `cblas_*` / BLAS  | LAPACK            | LAPACKE          | reported as |
//! |-----------------------------|-------------------|-------------------|------------------|-------------|
//! | `openblas-system` (default) | OpenBLAS (shared) | OpenBLAS          | OpenBLAS's, or liblapacke (static) | `openblas` |
//! | `netlib-system`             | Netlib (shared, own directory + run-time path) | Netlib (static) | liblapacke (static) | `reference` |
//! | `blis-system`               | BLIS (shared)     | Netlib (static)   | liblapacke (static) | `blis`     |
//! | `intel-mkl-system`          | MKL (`libmkl_rt`) | MKL               | MKL              | `mkl`       |
//! | `intel-mkl-pypi`            | MKL from PyPI's `mkl` wheel | MKL     | MKL              | `mkl`       |
//! | `openblas-pypi`             | OpenBLAS from PyPI's `scipy-openblas32` (LP64, `scipy_` symbols) | same | same | `openblas-pypi` |
//! | `openblas64-pypi`           | OpenBLAS from PyPI's `scipy-openblas64` (ILP64, `scipy_…64_` symbols) | same | same | `openblas64-pypi` |
//! | none (`default-features = false`) | linked by the final program | | | `none` |
//!
//! The environment variable `LAPIS_BACKEND` (`openblas`, `reference`/`netlib`,
//! `blis`, `mkl`/`mkl-pypi`, `mkl-system`, `openblas-pypi`, `openblas64-pypi`,
//! `none`) overrides the features; the
//! Makefile and the C library's build use it. Two backend features at once
//! are an error.
//!
//! # How the libraries are found
//! 1. `LAPIS_BLAS_LIBS` (names, comma- or space-separated; `static:name`
//!    for a static archive) with `LAPIS_BLAS_LIB_DIR` (directories, `:`-separated)
//!    link exactly what they say: for module systems and hand-built libraries.
//! 2. Otherwise pkg-config (through the `pkg-config` crate, so `PKG_CONFIG_PATH`
//!    and the crate's other variables apply): `openblas`, `blas-netlib`/`blas`,
//!    `lapack-netlib`/`lapack`, `lapacke`, `blis`, `mkl-sdl`/`mkl-dynamic-lp64-seq`.
//! 3. Where a distribution ships no `.pc` file (Debian's BLIS), the C compiler
//!    is asked where it finds the library (`cc -print-file-name`).
//!
//! # Getting the library asked for at run time
//! Debian (and others) install several BLAS/LAPACK libraries under one soname
//! (`libblas.so.3`, `liblapack.so.3`) and let `update-alternatives` pick.
//! Linking those sonames would give whatever the alternatives say, in every
//! program that depends on lapis. So:
//! - libraries with a soname of their own (`libopenblas.so.0`, `libblis.so.4`,
//!   `libmkl_rt.so.N`) are linked shared, by that soname;
//! - Netlib LAPACK and LAPACKE, whose sonames are shared with other
//!   implementations, are linked from their static archives (`liblapack.a` of
//!   the Netlib package's own directory), so their code is inside the program;
//! - Netlib BLAS too shares its soname (`libblas.so.3`), but Debian's
//!   `libblas.a` cannot go into a shared library (its CBLAS objects are not
//!   position-independent): it is linked shared from Netlib's own directory,
//!   with a run-time path to that directory;
//! - a shared library that the loader would not find by its soname on the
//!   default path (MKL from PyPI, a library in `/opt`) needs a run-time path.
//!   This crate's own tests get one; it is also exported to dependents'
//!   build scripts as `DEP_LAPIS_BLAS_RPATH` (see the README).
//!
//! # Symbol names and integer width
//! The scipy-openblas wheels export `scipy_`-prefixed names (and `64_`-suffixed
//! ones in the ILP64 build). This script tells the crate with two
//! compile-time variables, `LAPIS_SYMBOL_PREFIX` and `LAPIS_SYMBOL_SUFFIX`
//! (empty for every other backend), and `cfg(lapis_ilp64)` for 64-bit
//! integers; `src/sys/link.rs` is the only code that reads them.
//!
//! The wheels' library is found in `LAPIS_PYPI_DIR/<package>/lib` (the
//! wheel unpacked, as `make setup` does into `target/pypi`), else where
//! python3 imports the package from (`pip install scipy-openblas32`), else in
//! this crate's own `target/pypi`. It gets a run-time path, as MKL does.
//!
//! `lapis::backend()` then checks, at run time, that the code answering
//! `cblas_dgemm` and `dgetrf_` is the backend's.
//!
//! Metadata for dependents (`links = "lapis_blas"`, read as `DEP_LAPIS_BLAS_*`):
//! `BACKEND`, `RPATH`, `LIBS` (a C link line for a program that links lapis
//! shared) and `STATIC_LIBS` (for a fully static link).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Backend {
    OpenBlas,
    Netlib,
    Blis,
    MklSystem,
    MklPypi,
    OpenBlasPypi,
    OpenBlas64Pypi,
    None,
}

impl Backend {
    const ALL: [Backend; 7] = [
        Backend::OpenBlas,
        Backend::Netlib,
        Backend::Blis,
        Backend::MklSystem,
        Backend::MklPypi,
        Backend::OpenBlasPypi,
        Backend::OpenBlas64Pypi,
    ];

    fn feature(self) -> &'static str {
        match self {
            Backend::OpenBlas => "openblas-system",
            Backend::Netlib => "netlib-system",
            Backend::Blis => "blis-system",
            Backend::MklSystem => "intel-mkl-system",
            Backend::MklPypi => "intel-mkl-pypi",
            Backend::OpenBlasPypi => "openblas-pypi",
            Backend::OpenBlas64Pypi => "openblas64-pypi",
            Backend::None => "(none)",
        }
    }

    /// The name `lapis::backend()` reports, and the bench report's column.
    fn name(self) -> &'static str {
        match self {
            Backend::OpenBlas => "openblas",
            Backend::Netlib => "reference",
            Backend::Blis => "blis",
            Backend::MklSystem | Backend::MklPypi => "mkl",
            Backend::OpenBlasPypi => "openblas-pypi",
            Backend::OpenBlas64Pypi => "openblas64-pypi",
            Backend::None => "none",
        }
    }

    /// The `cfg(lapis_backend)` value: the vendor, whose identification
    /// and thread functions `src/backend.rs` links directly.
    fn vendor(self) -> &'static str {
        match self {
            Backend::OpenBlasPypi | Backend::OpenBlas64Pypi => "openblas",
            other => other.name(),
        }
    }

    /// Symbol prefix and suffix the backend's exports carry.
    fn symbols(self) -> (&'static str, &'static str) {
        match self {
            Backend::OpenBlasPypi => ("scipy_", ""),
            Backend::OpenBlas64Pypi => ("scipy_", "64_"),
            _ => ("", ""),
        }
    }

    /// Whether the backend's integers are 64-bit.
    fn ilp64(self) -> bool {
        self == Backend::OpenBlas64Pypi
    }

    fn from_env(value: &str) -> Result<Backend, String> {
        Ok(match value {
            "openblas" | "openblas-system" => Backend::OpenBlas,
            "reference" | "netlib" | "netlib-system" => Backend::Netlib,
            "blis" | "blis-system" => Backend::Blis,
            "mkl" | "mkl-pypi" | "intel-mkl-pypi" => Backend::MklPypi,
            "mkl-system" | "intel-mkl-system" => Backend::MklSystem,
            "openblas-pypi" | "scipy-openblas32" => Backend::OpenBlasPypi,
            "openblas64-pypi" | "scipy-openblas64" => Backend::OpenBlas64Pypi,
            "none" => Backend::None,
            other => {
                return Err(format!(
                    "LAPIS_BACKEND={other:?} is not one of openblas, reference (netlib), blis, mkl (mkl-pypi), mkl-system, openblas-pypi, openblas64-pypi, none"
                ));
            }
        })
    }
}

/// One library to link.
#[derive(Clone, Debug)]
struct Lib {
    /// `-l` name (`openblas`), or a file name for `+verbatim` (`libmkl_rt.so.N`).
    name: String,
    statik: bool,
    /// Directory it was found in (None: the linker's default search).
    dir: Option<PathBuf>,
}

impl Lib {
    fn shared(name: &str, dir: Option<PathBuf>) -> Lib {
        Lib {
            name: name.into(),
            statik: false,
            dir,
        }
    }
    fn archive(path: &Path) -> Lib {
        let file = path.file_name().unwrap().to_string_lossy();
        let name = file
            .strip_prefix("lib")
            .and_then(|f| f.strip_suffix(".a"))
            .unwrap_or(&file)
            .to_string();
        Lib {
            name,
            statik: true,
            dir: path.parent().map(Path::to_path_buf),
        }
    }
    fn verbatim(&self) -> bool {
        self.name.contains(".so")
    }
}

#[derive(Default, Debug)]
struct Plan {
    libs: Vec<Lib>,
    /// Shared system libraries the backend's code needs (gfortran, m, ...),
    /// kept even under --as-needed where `keep` says so.
    system: Vec<(&'static str, bool)>,
    /// System libraries only a fully static C link needs (a shared backend
    /// brings its own).
    static_only: Vec<String>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in [
        "LAPIS_BACKEND",
        "LAPIS_BLAS_LIBS",
        "LAPIS_BLAS_LIB_DIR",
        "LAPIS_MKL_DIR",
        "LAPIS_PYPI_DIR",
        "PKG_CONFIG_PATH",
        "PKG_CONFIG_LIBDIR",
        "PKG_CONFIG_SYSROOT_DIR",
        "PKG_CONFIG",
        "CC",
        "DOCS_RS",
    ] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!(
        "cargo:rustc-check-cfg=cfg(lapis_backend, values(\"openblas\", \"reference\", \"blis\", \"mkl\", \"none\"))"
    );
    println!("cargo:rustc-check-cfg=cfg(lapis_ilp64)");
    match run() {
        Ok(()) => {}
        Err(message) => {
            // Every line of a failing build script's stderr is shown by cargo;
            // the panic makes the build fail with it.
            eprintln!("\nlapis: {message}\n");
            panic!("lapis: the BLAS/LAPACK backend cannot be linked (the message above says why)");
        }
    }
}

fn run() -> Result<(), String> {
    let backend = if env::var_os("DOCS_RS").is_some() {
        // docs.rs has no BLAS; documentation needs none.
        Backend::None
    } else {
        choose()?
    };
    let plan = if env::var("LAPIS_BLAS_LIBS").is_ok_and(|v| !v.trim().is_empty()) {
        from_override(backend)?
    } else {
        match backend {
            Backend::OpenBlas => openblas()?,
            Backend::Netlib => netlib(None)?,
            Backend::Blis => blis()?,
            Backend::MklSystem => mkl_system()?,
            Backend::MklPypi => mkl_pypi()?,
            Backend::OpenBlasPypi | Backend::OpenBlas64Pypi => openblas_pypi(backend)?,
            Backend::None => Plan::default(),
        }
    };
    emit(backend, &plan);
    Ok(())
}

/// The backend from `LAPIS_BACKEND`, else from the one enabled feature.
fn choose() -> Result<Backend, String> {
    let enabled: Vec<Backend> = Backend::ALL
        .into_iter()
        .filter(|b| {
            let var = format!(
                "CARGO_FEATURE_{}",
                b.feature().to_uppercase().replace('-', "_")
            );
            env::var_os(var).is_some()
        })
        .collect();
    if let Ok(value) = env::var("LAPIS_BACKEND") {
        let value = value.trim();
        if !value.is_empty() {
            let chosen = Backend::from_env(value)?;
            if !enabled.is_empty() && !enabled.contains(&chosen) {
                println!(
                    "cargo:warning=LAPIS_BACKEND={value} overrides the feature {}",
                    enabled[0].feature()
                );
            }
            return Ok(chosen);
        }
    }
    match enabled.as_slice() {
        [] => Ok(Backend::None),
        [one] => Ok(*one),
        many => {
            let names: Vec<&str> = many.iter().map(|b| b.feature()).collect();
            Err(format!(
                "the features {} are all enabled, but lapis links one BLAS/LAPACK backend.\n\
                 Enable exactly one. `openblas-system` is a default feature: a dependency such as\n\
                 lapis = {{ version = \"…\", features = [\"{}\"] }} also needs `default-features = false`.",
                names.join(" and "),
                names
                    .iter()
                    .find(|n| **n != "openblas-system")
                    .unwrap_or(&names[1])
            ))
        }
    }
}

/// What pkg-config says of `name`, without emitting anything.
fn pkg(name: &str) -> Result<pkg_config::Library, String> {
    pkg_config::Config::new()
        .cargo_metadata(false)
        .env_metadata(true)
        .print_system_libs(true)
        .probe(name)
        .map_err(|e| {
            let text = e.to_string();
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| l.contains("not found") || l.contains("No package"))
                .unwrap_or("not found");
            let path = env::var("PKG_CONFIG_PATH").unwrap_or_default();
            let default = Command::new("pkg-config")
                .args(["--variable", "pc_path", "pkg-config"])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default();
            let libdir = env::var("PKG_CONFIG_LIBDIR").ok();
            let searched = match libdir {
                Some(d) => format!("PKG_CONFIG_LIBDIR={d}"),
                None => format!("PKG_CONFIG_PATH={path:?}, then {default}"),
            };
            format!("pkg-config {name} in {searched}: {first}")
        })
}

fn pkg_variable(name: &str, var: &str) -> Option<String> {
    pkg_config::get_variable(name, var).ok()
}

/// Directories a pkg-config package names: its `-L` paths, else its libdir.
fn pkg_dirs(lib: &pkg_config::Library, name: &str) -> Vec<PathBuf> {
    let mut dirs = lib.link_paths.clone();
    if let Some(libdir) = pkg_variable(name, "libdir") {
        dirs.push(PathBuf::from(libdir));
    }
    dirs
}

fn not_found(feature: &str, what: &str, looked: &[String], install: &str) -> String {
    format!(
        "feature `{feature}`: cannot find {what}.\n  Looked for: {}\n  Install: {install}\n  \
         Or point lapis at it: PKG_CONFIG_PATH=<dir with its .pc>, or LAPIS_BLAS_LIB_DIR=<dir> LAPIS_BLAS_LIBS=<names>.",
        looked.join("; ")
    )
}

/// Where the C compiler finds `file` (None when it does not).
fn compiler_finds(file: &str) -> Option<PathBuf> {
    let cc = env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(&cc)
        .arg(format!("-print-file-name={file}"))
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    // An unknown file is echoed back without a directory.
    (path.is_absolute() && path.exists()).then_some(path)
}

/// The file `file` (`liblapack.a`, `libblas.so`) of the implementation that
/// `pkg_names` describe, searched first in a subdirectory named after it
/// (`<libdir>/blas/`: where Debian keeps Netlib's, apart from the
/// alternatives-managed copy). Files that resolve to another
/// implementation are skipped.
fn netlib_file(
    file: &str,
    subdir: &str,
    pkg_names: &[&str],
    looked: &mut Vec<String>,
) -> Option<PathBuf> {
    let mut dirs = Vec::new();
    for name in pkg_names {
        match pkg(name) {
            Ok(found) => dirs.extend(pkg_dirs(&found, name)),
            Err(e) => looked.push(e),
        }
    }
    if let Some(p) = compiler_finds(file)
        && let Some(d) = p.parent()
    {
        dirs.push(d.to_path_buf());
    }
    for dir in dirs {
        for candidate in [dir.join(subdir).join(file), dir.join(file)] {
            looked.push(candidate.display().to_string());
            let Ok(real) = candidate.canonicalize() else {
                continue;
            };
            let text = real.to_string_lossy().to_lowercase();
            if ["openblas", "blis", "mkl", "atlas"]
                .iter()
                .any(|other| text.contains(other))
            {
                looked.push(format!("(skipped: {} is not Netlib)", real.display()));
                continue;
            }
            return Some(candidate);
        }
    }
    None
}

/// LAPACKE as a static archive where one is installed (so that it brings no
/// `liblapack.so.3` of its own), else shared.
fn lapacke(feature: &str) -> Result<Lib, String> {
    let mut looked = Vec::new();
    let mut dirs = Vec::new();
    match pkg("lapacke") {
        Ok(found) => dirs.extend(pkg_dirs(&found, "lapacke")),
        Err(e) => looked.push(e),
    }
    if let Some(p) = compiler_finds("liblapacke.a") {
        dirs.push(p.parent().unwrap().to_path_buf());
    }
    for dir in &dirs {
        let a = dir.join("liblapacke.a");
        if a.exists() {
            return Ok(Lib::archive(&a));
        }
        looked.push(a.display().to_string());
    }
    for dir in &dirs {
        if dir.join("liblapacke.so").exists() {
            return Ok(Lib::shared("lapacke", Some(dir.clone())));
        }
    }
    Err(not_found(
        feature,
        "LAPACKE (the C interface to LAPACK)",
        &looked,
        "Debian/Ubuntu: liblapacke-dev; Fedora: lapack-devel; conda: liblapacke",
    ))
}

fn openblas() -> Result<Plan, String> {
    let feature = Backend::OpenBlas.feature();
    let found = pkg("openblas").map_err(|e| {
        not_found(
            feature,
            "OpenBLAS",
            &[e],
            "Debian/Ubuntu: libopenblas-dev; Fedora: openblas-devel; conda: openblas; Spack: openblas",
        )
    })?;
    let dirs = pkg_dirs(&found, "openblas");
    let dir = dirs
        .iter()
        .find(|d| d.join("libopenblas.so").exists())
        .cloned();
    let mut plan = Plan::default();
    plan.libs.push(Lib::shared("openblas", dir));
    // What a fully static program needs besides libopenblas.a
    // (`pkg-config --static openblas`: gfortran, pthread, m).
    if let Ok(st) = pkg_config::Config::new()
        .cargo_metadata(false)
        .env_metadata(false)
        .statik(true)
        .probe("openblas")
    {
        for lib in st.libs.iter().filter(|l| *l != "openblas") {
            if !plan.static_only.contains(lib) {
                plan.static_only.push(lib.clone());
            }
        }
    }
    // OpenBLAS carries LAPACKE unless it was built with NO_LAPACKE=1
    // (Debian's is); its .pc file records the build configuration.
    let config = pkg_variable("openblas", "openblas_config").unwrap_or_default();
    if config.contains("NO_LAPACKE=1") {
        plan.libs.push(lapacke(feature)?);
    }
    Ok(plan)
}

/// Netlib BLAS (with CBLAS) and LAPACK from their static archives; `blas`
/// replaces the BLAS (for BLIS).
fn netlib(blas: Option<Lib>) -> Result<Plan, String> {
    let feature = if blas.is_some() {
        Backend::Blis.feature()
    } else {
        Backend::Netlib.feature()
    };
    let mut looked = Vec::new();
    let lapack = netlib_file(
        "liblapack.a",
        "lapack",
        &["lapack-netlib", "lapack"],
        &mut looked,
    )
    .ok_or_else(|| {
        not_found(
            feature,
            "Netlib LAPACK's static archive liblapack.a",
            &looked,
            "Debian/Ubuntu: liblapack-dev; Fedora: lapack-static",
        )
    })?;
    let mut plan = Plan::default();
    let lapacke = lapacke(feature)?;
    plan.libs.push(lapacke);
    plan.libs.push(Lib::archive(&lapack));
    match blas {
        Some(lib) => plan.libs.push(lib),
        None => {
            let mut looked = Vec::new();
            // Shared, unlike LAPACK: Debian's libblas.a has its CBLAS part
            // compiled without -fPIC, so it cannot go into a shared library
            // (liblapis.so, a Python extension). Its soname libblas.so.3 is
            // the alternatives' too: the run-time path (see `emit`) is what
            // makes the loader take Netlib's.
            let blas = netlib_file("libblas.so", "blas", &["blas-netlib", "blas"], &mut looked)
                .ok_or_else(|| {
                    not_found(
                        feature,
                        "Netlib BLAS (libblas.so with CBLAS)",
                        &looked,
                        "Debian/Ubuntu: libblas-dev; Fedora: blas-devel",
                    )
                })?;
            plan.libs
                .push(Lib::shared("blas", blas.parent().map(Path::to_path_buf)));
        }
    }
    plan.system.push(("gfortran", false));
    plan.system.push(("m", false));
    Ok(plan)
}

fn blis() -> Result<Plan, String> {
    let feature = Backend::Blis.feature();
    let mut looked = Vec::new();
    let dir = match pkg("blis") {
        Ok(found) => pkg_dirs(&found, "blis")
            .into_iter()
            .find(|d| d.join("libblis.so").exists()),
        Err(e) => {
            looked.push(e);
            None
        }
    };
    let dir = match dir {
        Some(d) => Some(d),
        None => {
            looked.push("cc -print-file-name=libblis.so".into());
            compiler_finds("libblis.so").map(|p| {
                // Resolve the alternatives symlink to BLIS's own directory.
                p.canonicalize()
                    .unwrap_or(p)
                    .parent()
                    .unwrap()
                    .to_path_buf()
            })
        }
    };
    let Some(dir) = dir else {
        return Err(not_found(
            feature,
            "BLIS (libblis.so)",
            &looked,
            "Debian/Ubuntu: libblis-dev; Fedora: blis-devel; conda: blis",
        ));
    };
    netlib(Some(Lib::shared("blis", Some(dir))))
}

fn mkl_system() -> Result<Plan, String> {
    let feature = Backend::MklSystem.feature();
    let mut looked = Vec::new();
    for name in ["mkl-sdl", "mkl-dynamic-lp64-seq", "mkl-dynamic-lp64-iomp"] {
        match pkg(name) {
            Ok(found) => {
                let mut plan = Plan::default();
                let dirs = pkg_dirs(&found, name);
                for lib in &found.libs {
                    let dir = dirs
                        .iter()
                        .find(|d| d.join(format!("lib{lib}.so")).exists())
                        .cloned();
                    plan.libs.push(Lib::shared(lib, dir));
                }
                mkl_keep(&mut plan);
                return Ok(plan);
            }
            Err(e) => looked.push(e),
        }
    }
    Err(not_found(
        feature,
        "Intel MKL",
        &looked,
        "Intel oneAPI MKL (source its setvars.sh), or Debian's libmkl-dev (non-free)",
    ))
}

fn mkl_pypi() -> Result<Plan, String> {
    let feature = Backend::MklPypi.feature();
    let dir = match env::var("LAPIS_MKL_DIR") {
        Ok(d) => PathBuf::from(d),
        Err(_) => python_lib_dir().ok_or_else(|| {
            not_found(
                feature,
                "MKL from PyPI",
                &["LAPIS_MKL_DIR (unset)".into(), "python3's sys.prefix/lib (no python3)".into()],
                "`make setup-mkl` (pip install mkl), then LAPIS_MKL_DIR=<dir holding libmkl_rt.so.N>",
            )
        })?,
    };
    let rt = std::fs::read_dir(&dir)
        .ok()
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("libmkl_rt.so"))
        .min_by_key(|n| n.len())
        .ok_or_else(|| {
            not_found(
                feature,
                "MKL from PyPI",
                &[format!("{}/libmkl_rt.so*", dir.display())],
                "`make setup-mkl` (pip install mkl), or set LAPIS_MKL_DIR",
            )
        })?;
    let mut plan = Plan::default();
    plan.libs.push(Lib::shared(&rt, Some(dir)));
    mkl_keep(&mut plan);
    Ok(plan)
}

/// PyPI's scipy-openblas32/64: one shared library with CBLAS, LAPACK and
/// LAPACKE (gfortran linked in), found as the module docs say.
fn openblas_pypi(backend: Backend) -> Result<Plan, String> {
    let feature = backend.feature();
    let (package, file) = match backend {
        Backend::OpenBlas64Pypi => ("scipy_openblas64", "libscipy_openblas64_.so"),
        _ => ("scipy_openblas32", "libscipy_openblas.so"),
    };
    let mut looked = Vec::new();
    let mut candidates = Vec::new();
    match env::var("LAPIS_PYPI_DIR") {
        Ok(d) => candidates.push(PathBuf::from(d).join(package).join("lib")),
        Err(_) => looked.push("LAPIS_PYPI_DIR (unset)".to_string()),
    }
    let imported = Command::new("python3")
        .args([
            "-c",
            &format!("import {package}, os; print(os.path.dirname({package}.__file__))"),
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok());
    match imported {
        Some(d) => candidates.push(PathBuf::from(d.trim()).join("lib")),
        None => looked.push(format!("python3 -c 'import {package}' (not importable)")),
    }
    if let Ok(m) = env::var("CARGO_MANIFEST_DIR") {
        candidates.push(
            PathBuf::from(m)
                .join("target/pypi")
                .join(package)
                .join("lib"),
        );
    }
    for dir in candidates {
        if dir.join(file).exists() {
            let mut plan = Plan::default();
            plan.libs.push(Lib::shared(file, Some(dir)));
            plan.system.push(("m", false));
            plan.system.push(("pthread", false));
            return Ok(plan);
        }
        looked.push(format!("{}/{file}", dir.display()));
    }
    Err(not_found(
        feature,
        &format!("OpenBLAS from PyPI ({})", package.replace('_', "-")),
        &looked,
        &format!(
            "`make setup` (unpacks the wheel into target/pypi), then LAPIS_PYPI_DIR=<that dir>; or `pip install {}`",
            package.replace('_', "-")
        ),
    ))
}

/// libmkl_rt loads libmkl_core & co. at run time; they expect libm's and
/// libdl's symbols in the global scope without declaring them, so these
/// are kept even when nothing else calls them.
fn mkl_keep(plan: &mut Plan) {
    for lib in ["m", "dl", "pthread"] {
        plan.system.push((lib, true));
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

fn from_override(backend: Backend) -> Result<Plan, String> {
    let names = env::var("LAPIS_BLAS_LIBS").unwrap_or_default();
    let dirs: Vec<PathBuf> = env::var("LAPIS_BLAS_LIB_DIR")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .collect();
    let mut plan = Plan::default();
    for name in names.split([',', ' ']).filter(|n| !n.is_empty()) {
        let (statik, name) = match name.strip_prefix("static:") {
            Some(n) => (true, n),
            None => (false, name),
        };
        let file = if statik {
            format!("lib{name}.a")
        } else if name.contains(".so") {
            name.to_string()
        } else {
            format!("lib{name}.so")
        };
        let dir = dirs.iter().find(|d| d.join(&file).exists()).cloned();
        if dir.is_none() && !dirs.is_empty() {
            return Err(format!(
                "LAPIS_BLAS_LIBS names {name}, but no {file} is in LAPIS_BLAS_LIB_DIR={}",
                env::var("LAPIS_BLAS_LIB_DIR").unwrap_or_default()
            ));
        }
        plan.libs.push(Lib {
            name: name.into(),
            statik,
            dir,
        });
    }
    if backend == Backend::MklPypi || backend == Backend::MklSystem {
        mkl_keep(&mut plan);
    }
    if plan.libs.iter().any(|l| l.statik) {
        plan.system.push(("gfortran", false));
    }
    Ok(plan)
}

/// Whether the loader finds the file `dir/file` by its name without help
/// (same file as `ldconfig -p` lists). Unknown → false.
fn on_default_path(dir: &Path, file: &str) -> bool {
    let Ok(ours) = dir.join(file).canonicalize() else {
        return false;
    };
    let out = ["/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"]
        .iter()
        .find_map(|cmd| Command::new(cmd).arg("-p").output().ok());
    let Some(out) = out else { return false };
    let text = String::from_utf8_lossy(&out.stdout);
    let stem = file.split(".so").next().unwrap_or(file);
    text.lines().any(|line| {
        let line = line.trim();
        let Some((lhs, path)) = line.split_once("=>") else {
            return false;
        };
        lhs.trim().starts_with(&format!("{stem}.so"))
            && Path::new(path.trim())
                .canonicalize()
                .is_ok_and(|p| p == ours)
    })
}

fn emit(backend: Backend, plan: &Plan) {
    let mut search: Vec<PathBuf> = Vec::new();
    let mut rpath: Vec<PathBuf> = Vec::new();
    let mut c_libs: Vec<String> = Vec::new();
    let mut c_static: Vec<String> = Vec::new();
    // Static archives are linked through links of their own name in OUT_DIR,
    // so that no other `lib<name>.a` earlier in the search path (Debian's
    // alternatives-managed /usr/lib/<triple>/libblas.a is OpenBLAS's) can
    // stand in for the archive that was checked.
    let native = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("native");
    for lib in &plan.libs {
        if lib.statik {
            let target = lib
                .dir
                .as_ref()
                .map(|d| d.join(format!("lib{}.a", lib.name)))
                .unwrap_or_else(|| PathBuf::from(format!("lib{}.a", lib.name)));
            let alias = format!("lapis_{}", lib.name);
            let link = native.join(format!("lib{alias}.a"));
            let _ = std::fs::create_dir_all(&native);
            let _ = std::fs::remove_file(&link);
            if let Err(e) = std::os::unix::fs::symlink(&target, &link) {
                panic!(
                    "lapis: cannot link {} to {}: {e}",
                    link.display(),
                    target.display()
                );
            }
            if !search.contains(&native) {
                search.insert(0, native.clone());
            }
            // Bundled into the rlib (and into liblapis.a): the code is in
            // every program that links lapis.
            println!("cargo:rustc-link-lib=static={alias}");
            continue;
        }
        if let Some(dir) = &lib.dir
            && !search.contains(dir)
        {
            search.push(dir.clone());
        }
        let file = if lib.verbatim() {
            lib.name.clone()
        } else {
            format!("lib{}.so", lib.name)
        };
        if lib.verbatim() {
            println!("cargo:rustc-link-lib=dylib:+verbatim={}", lib.name);
            c_libs.push(format!("-l:{}", lib.name));
        } else {
            println!("cargo:rustc-link-lib=dylib={}", lib.name);
            c_libs.push(format!("-l{}", lib.name));
        }
        if let Some(dir) = &lib.dir {
            if !on_default_path(dir, &file) && !rpath.contains(dir) {
                rpath.push(dir.clone());
            }
            c_static.push(static_or_shared(dir, lib));
        } else {
            c_static.push(format!("-l{}", lib.name));
        }
    }
    for (name, keep) in &plan.system {
        if *keep {
            // `-as-needed` is not a stable link modifier: src/backend.rs
            // references libm itself for MKL, and glibc >= 2.34 has libdl's
            // and libpthread's symbols in libc.
            println!("cargo:rustc-link-lib=dylib={name}");
            c_libs.push(format!(
                "-Wl,--push-state,--no-as-needed -l{name} -Wl,--pop-state"
            ));
        } else {
            println!("cargo:rustc-link-lib=dylib={name}");
            c_libs.push(format!("-l{name}"));
        }
        c_static.push(static_system(name));
    }
    for name in &plan.static_only {
        if !plan.system.iter().any(|(n, _)| n == name) {
            c_static.push(static_system(name));
        }
    }
    for dir in &search {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
    let rpath_text: Vec<String> = rpath.iter().map(|d| d.display().to_string()).collect();
    if !rpath.is_empty() {
        // This package's own tests, examples and benches; dependents read
        // DEP_LAPIS_BLAS_RPATH (or set RUSTFLAGS), see the README.
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", rpath_text.join(":"));
    }
    let dirs_flags: Vec<String> = search
        .iter()
        .filter(|d| {
            plan.libs
                .iter()
                .any(|l| !l.statik && l.dir.as_ref() == Some(*d))
        })
        .map(|d| format!("-L{}", d.display()))
        .collect();
    let mut link = dirs_flags;
    link.extend(c_libs);
    println!("cargo:rustc-cfg=lapis_backend=\"{}\"", backend.vendor());
    let (prefix, suffix) = backend.symbols();
    println!("cargo:rustc-env=LAPIS_SYMBOL_PREFIX={prefix}");
    println!("cargo:rustc-env=LAPIS_SYMBOL_SUFFIX={suffix}");
    if backend.ilp64() {
        println!("cargo:rustc-cfg=lapis_ilp64");
    }
    println!("cargo:rustc-env=LAPIS_BACKEND_NAME={}", backend.name());
    println!(
        "cargo:rustc-env=LAPIS_BACKEND_FEATURE={}",
        backend.feature()
    );
    println!("cargo:backend={}", backend.name());
    println!("cargo:rpath={}", rpath_text.join(":"));
    println!("cargo:libs={}", link.join(" "));
    println!("cargo:static_libs={}", c_static.join(" "));
}

/// The static form of a shared library found in `dir`, for a fully static
/// C link (`lapis-static.pc`): its archive where one is installed beside it.
fn static_or_shared(dir: &Path, lib: &Lib) -> String {
    let stem = lib.name.split(".so").next().unwrap_or(&lib.name);
    let stem = stem.strip_prefix("lib").unwrap_or(stem);
    let a = dir.join(format!("lib{stem}.a"));
    if a.exists() {
        a.display().to_string()
    } else {
        format!("-L{} -l{stem}", dir.display())
    }
}

/// A system library for a fully static link: gfortran and quadmath from the
/// compiler's archives (so that no libgcc_s is pulled in through them).
fn static_system(name: &str) -> String {
    match name {
        "gfortran" => {
            let mut parts = Vec::new();
            for file in ["libgfortran.a", "libquadmath.a"] {
                match compiler_finds(file) {
                    Some(p) => parts.push(p.display().to_string()),
                    None => parts.push(format!("-l{}", &file[3..file.len() - 2])),
                }
            }
            parts.join(" ")
        }
        other => format!("-l{other}"),
    }
}
