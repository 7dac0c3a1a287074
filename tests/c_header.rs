//! The checked-in C header must be exactly what cbindgen generates from the
//! `extern "C"` layer now (build.rs writes it to `$OUT_DIR/lapis.h`).
//! `make header` (or this test with `LAPIS_UPDATE_HEADER=1`) refreshes it.

use std::path::Path;

#[test]
fn checked_in_header_matches_cbindgen_output() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/lapis.h"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("include/lapis.h");
    if std::env::var_os("LAPIS_UPDATE_HEADER").is_some() {
        std::fs::write(&path, generated).expect("write include/lapis.h");
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
            "include/lapis.h is out of date with src/ffi (first difference at line {}): run `make header` and commit it",
            first + 1
        );
    }
}

#[test]
fn header_declares_version_macros_from_cargo() {
    let h = include_str!(concat!(env!("OUT_DIR"), "/lapis.h"));
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
