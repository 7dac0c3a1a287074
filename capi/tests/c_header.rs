//! The checked-in C header must be exactly what cbindgen generates from the
//! `extern "C"` layer (capi/src) now. cbindgen runs here, in a test, and
//! never in a build of the library: `make header` (this test with
//! `LAPIS_UPDATE_HEADER=1`) refreshes include/lapis.h.

#[path = "header/typed_codes.rs"]
mod typed_codes;

use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The header as cbindgen makes it from capi/src/lib.rs and the modules it
/// declares, with the version macros from Cargo.toml and the option codes
/// as enum types (`typed_codes`).
fn generate() -> String {
    let dir = crate_dir();
    let mut config = cbindgen::Config::from_file(dir.join("cbindgen.toml"))
        .unwrap_or_else(|e| panic!("capi/cbindgen.toml: {e}"));
    config.after_includes = Some(
        format!(
            "\n#define LAPIS_VERSION_MAJOR {}\n#define LAPIS_VERSION_MINOR {}\n#define LAPIS_VERSION_PATCH {}\n#define LAPIS_VERSION_STRING \"{}\"",
            env!("CARGO_PKG_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MINOR"),
            env!("CARGO_PKG_VERSION_PATCH"),
            env!("CARGO_PKG_VERSION"),
        ) + typed_codes::PRELUDE,
    );
    // Only lib.rs: cbindgen follows its `pub mod` items into the other
    // files (in declaration order); passing those too would declare each
    // of their functions twice.
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .unwrap_or_else(|e| panic!("cbindgen: {e}"))
        .write(&mut out);
    let header = String::from_utf8(out).expect("cbindgen writes UTF-8");
    typed_codes::rewrite(&header, &typed_codes::code_constants(&dir.join("src")))
}

fn header_path() -> PathBuf {
    crate_dir().join("../include/lapis.h")
}

#[test]
fn checked_in_header_matches_cbindgen_output() {
    let generated = generate();
    let path = header_path();
    if std::env::var_os("LAPIS_UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("write include/lapis.h");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != generated {
        let first = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| checked_in.lines().count().min(generated.lines().count()));
        panic!(
            "include/lapis.h is out of date with capi/src (first difference at line {}): run `make header` and commit it",
            first + 1
        );
    }
}

#[test]
fn header_declares_version_macros_from_cargo() {
    let h = std::fs::read_to_string(header_path()).expect("include/lapis.h");
    for (name, value) in [
        ("LAPIS_VERSION_MAJOR", env!("CARGO_PKG_VERSION_MAJOR")),
        ("LAPIS_VERSION_MINOR", env!("CARGO_PKG_VERSION_MINOR")),
        ("LAPIS_VERSION_PATCH", env!("CARGO_PKG_VERSION_PATCH")),
    ] {
        assert!(
            h.contains(&format!("#define {name} {value}\n")),
            "{name} {value} missing from the header"
        );
    }
    assert!(h.contains("#ifndef LAPIS_H") && h.contains("extern \"C\" {"));
}

#[test]
fn the_header_is_not_made_by_a_build() {
    // Users of the library must not compile cbindgen: it is a dev-dependency.
    let manifest = std::fs::read_to_string(crate_dir().join("Cargo.toml")).unwrap();
    let build_deps = manifest
        .split("[build-dependencies]")
        .nth(1)
        .map(|s| s.split("\n[").next().unwrap_or(""))
        .unwrap_or("");
    assert!(
        !build_deps.contains("cbindgen"),
        "cbindgen is a build-dependency"
    );
    assert!(Path::new(&crate_dir().join("build.rs")).exists());
    let build = std::fs::read_to_string(crate_dir().join("build.rs")).unwrap();
    assert!(!build.contains("cbindgen::"), "build.rs runs cbindgen");
}

#[test]
fn the_rust_crate_builds_no_c_library_and_no_header() {
    // What `lapis`'s Rust users compile: an rlib, a build script that only
    // finds the backend (no cbindgen, no hard-coded library directory).
    let root = crate_dir().join("..");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(
        !manifest.contains("crate-type"),
        "lapis declares crate types"
    );
    assert!(!manifest.contains("cbindgen"), "lapis depends on cbindgen");
    let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
    let code: String = build
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!code.contains("/usr/lib"), "build.rs names /usr/lib");
    assert!(!code.contains("cbindgen"), "build.rs runs cbindgen");
}
