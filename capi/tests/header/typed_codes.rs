//! Turns cbindgen's option codes into enum types in the C header.
//!
//! The Rust side declares each kind of option code as `pub type lapis_uplo =
//! i32;` with its values as `pub const LAPIS_LOWER: lapis_uplo = 1;` (an
//! `extern "C"` function must not take a Rust enum: a value the caller
//! invents would be undefined behaviour, where lapis wants
//! `LAPIS_ERR_INVALID_ARGUMENT`). cbindgen writes those as `typedef int32_t
//! lapis_uplo;` and `#define LAPIS_LOWER 1`, so a compiler cannot tell a
//! `lapis_uplo` from a `lapis_trans`. This pass rewrites each such typedef
//! into `enum lapis_uplo_code LAPIS_CODE_BASE { LAPIS_UPPER = 0, ... };`
//! plus `typedef LAPIS_CODE_TYPE(lapis_uplo_code) lapis_uplo;`, moving the
//! constants' `#define`s (with their doc comments) into the enum. (The tag
//! differs from the typedef name because C++ has one namespace for both,
//! and there `lapis_uplo` may be `int32_t`.) The ABI is
//! unchanged: the codes still travel as 32-bit integers (the prelude fixes
//! the underlying type where the language can, and asserts the size in C11
//! where it cannot).

use std::collections::BTreeMap;
use std::path::Path;

/// The macros the rewritten typedefs use, and why (goes after the includes).
pub const PRELUDE: &str = r#"
/*
 * Option codes (lapis_dtype, lapis_order, lapis_trans, lapis_uplo, ...) are
 * enum types, one per kind, passed as 32-bit integers. In C, passing a code
 * of one kind where another is expected (LAPIS_TRANS for a lapis_uplo, or
 * two codes swapped) draws a warning: GCC's -Wenum-conversion (in -Wextra),
 * Clang's by default. A plain integer is still accepted. In C++ the kinds
 * are plain int32_t by default, so existing code that passes integers keeps
 * compiling; define LAPIS_TYPED_CODES before including this header to make
 * each kind its own type, and a swapped code or a bare integer a compile
 * error.
 */
#if defined(__cplusplus) && !defined(LAPIS_TYPED_CODES)
#define LAPIS_CODE_TYPE(kind) int32_t
#else
#define LAPIS_CODE_TYPE(kind) enum kind
#endif
#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 202311L)
#define LAPIS_CODE_BASE : int32_t
#else
#define LAPIS_CODE_BASE
#endif"#;

/// Asserts, where C cannot fix an enum's underlying type, that `kind` is
/// as wide as the `int32_t` the library reads (it is not with
/// -fshort-enums, which would shrink every code enum alike).
fn size_check(kind: &str) -> String {
    format!(
        "#if !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && __STDC_VERSION__ < 202311L\n\
         _Static_assert(sizeof(enum {kind}_code) == sizeof(int32_t), \"lapis.h: option codes are int32_t; do not compile it with -fshort-enums\");\n\
         #endif\n"
    )
}

/// `NAME -> kind` for every `pub const NAME: lapis_kind = …;` under `src`.
pub fn code_constants(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read capi/src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read a source file");
                for line in text.lines() {
                    let Some(rest) = line.trim().strip_prefix("pub const ") else {
                        continue;
                    };
                    let Some((name, rest)) = rest.split_once(':') else {
                        continue;
                    };
                    let kind = rest.split('=').next().unwrap_or("").trim();
                    if kind.starts_with("lapis_") {
                        out.insert(name.trim().to_string(), kind.to_string());
                    }
                }
            }
        }
    }
    out
}

/// One `/** … */` doc comment (or none) followed by the line `line`.
struct Item {
    doc: String,
    line: String,
}

/// Splits the header into items: a doc comment with the line after it, or
/// a line on its own.
fn items(header: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut doc = String::new();
    let mut in_doc = false;
    for line in header.split_inclusive('\n') {
        if in_doc {
            doc.push_str(line);
            in_doc = !line.trim_end().ends_with("*/");
            continue;
        }
        if line.starts_with("/**") {
            doc.push_str(line);
            in_doc = !line.trim_end().ends_with("*/");
            continue;
        }
        out.push(Item {
            doc: std::mem::take(&mut doc),
            line: line.to_string(),
        });
    }
    out
}

/// The doc comment re-indented by two spaces, for an enumerator.
fn indent(doc: &str) -> String {
    doc.lines().map(|l| format!("  {l}\n")).collect()
}

/// The header with every code kind that has constants as an enum type.
/// Panics (this runs in a test) if a kind's typedef or a constant's
/// `#define` is not where cbindgen puts it.
pub fn rewrite(header: &str, constants: &BTreeMap<String, String>) -> String {
    let items = items(header);
    // kind -> [(doc, name, value)] in header order.
    let mut members: BTreeMap<&str, Vec<(String, String, String)>> = BTreeMap::new();
    for it in &items {
        if let Some(rest) = it.line.strip_prefix("#define ") {
            let mut parts = rest.trim_end().splitn(2, ' ');
            let name = parts.next().unwrap_or("");
            if let Some(kind) = constants.get(name) {
                let value = parts.next().unwrap_or("").to_string();
                members.entry(kind.as_str()).or_default().push((
                    it.doc.clone(),
                    name.to_string(),
                    value,
                ));
            }
        }
    }
    let mut out = String::new();
    let mut first = true;
    for it in items {
        if let Some(name) = it
            .line
            .strip_prefix("typedef int32_t ")
            .and_then(|r| r.trim_end().strip_suffix(';'))
            && let Some(list) = members.get(name)
        {
            out.push_str(&it.doc);
            out.push_str(&format!("enum {name}_code LAPIS_CODE_BASE {{\n"));
            for (i, (doc, constant, value)) in list.iter().enumerate() {
                out.push_str(&indent(doc));
                let comma = if i + 1 < list.len() { "," } else { "" };
                out.push_str(&format!("  {constant} = {value}{comma}\n"));
            }
            out.push_str("};\n");
            out.push_str(&format!("typedef LAPIS_CODE_TYPE({name}_code) {name};\n"));
            if first {
                out.push_str(&size_check(name));
                first = false;
            }
            continue;
        }
        let moved = it
            .line
            .strip_prefix("#define ")
            .and_then(|r| r.split(' ').next())
            .is_some_and(|n| constants.contains_key(n));
        if moved {
            continue;
        }
        out.push_str(&it.doc);
        out.push_str(&it.line);
    }
    for (kind, list) in &members {
        assert!(
            out.contains(&format!("typedef LAPIS_CODE_TYPE({kind}_code) {kind};")),
            "lapis.h: no `typedef int32_t {kind};` for its {} constants",
            list.len()
        );
    }
    // Dropping a #define leaves the blank line after it: keep one.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    out
}
