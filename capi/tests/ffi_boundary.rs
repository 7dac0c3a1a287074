//! Every exported `extern "C"` function must run its body inside the panic
//! boundary (`call` / `call_value` in capi/src/lib.rs), directly or through
//! a shared body function whose name ends in `_call` (which must itself
//! start with the boundary). A function that forgets it could unwind into C.

use std::path::Path;

/// (name, body) of every `fn` in `src`, the body being the text between the
/// function's opening brace and its matching closing brace.
fn functions(src: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(pos) = rest.find("fn ") {
        let before = &rest[..pos];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let prefix = &rest[line_start..pos];
        let after = &rest[pos + 3..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let is_fn_item = !name.is_empty()
            && (prefix.trim().is_empty()
                || prefix.trim_end().ends_with("extern \"C\"")
                || prefix.contains("pub")
                || prefix.contains("unsafe"));
        let Some(open) = after.find('{') else { break };
        // Skip signatures that end before a body (trait items) or a `;`.
        let semi = after.find(';').unwrap_or(usize::MAX);
        if !is_fn_item || semi < open {
            rest = &after[name.len().max(1)..];
            continue;
        }
        let mut depth = 0usize;
        let mut end = open;
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let exported = prefix.contains("extern \"C\"");
        out.push((name, after[open + 1..end].to_string(), exported));
        rest = &after[end..];
    }
    out
}

#[test]
fn every_export_runs_inside_the_panic_boundary() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut exported = 0;
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let fns = functions(&src);
        let guarded = |body: &str| {
            let b = body.trim_start();
            b.contains("call(") || b.contains("call_value(")
        };
        for (name, body, is_export) in &fns {
            if name.ends_with("_call") && !guarded(body) {
                missing.push(format!("{}: {name} (a _call body)", path.display()));
            }
            if !is_export {
                continue;
            }
            exported += 1;
            if !guarded(body) && !body.contains("_call(") {
                missing.push(format!("{}: {name}", path.display()));
            }
        }
        // Every `#[no_mangle]` item must be an `extern "C"` function we saw.
        let marks = src.matches("#[unsafe(no_mangle)]").count();
        let seen = fns.iter().filter(|f| f.2).count();
        assert_eq!(
            marks,
            seen,
            "{}: {marks} no_mangle items but {seen} extern \"C\" functions found",
            path.display()
        );
    }
    assert!(exported >= 5, "found only {exported} exported functions");
    assert!(
        missing.is_empty(),
        "outside the panic boundary: {missing:#?}"
    );
}

#[test]
fn every_error_variant_has_a_status_code() {
    // lapis::Error is #[non_exhaustive], so the compiler cannot check that
    // status_of names each variant; this does, from the sources.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let errors = std::fs::read_to_string(root.join("../src/error.rs")).unwrap();
    let body = errors
        .split("pub enum Error {")
        .nth(1)
        .expect("enum Error in src/error.rs");
    let body = &body[..body.find("\n}\n").expect("end of enum Error")];
    let variants: Vec<&str> = body
        .lines()
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .map(str::trim)
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .map(|l| l.split(|c: char| !c.is_alphanumeric()).next().unwrap())
        .collect();
    assert!(variants.len() > 20, "found only {variants:?}");
    let capi = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let status_of = capi
        .split("fn status_of(")
        .nth(1)
        .expect("status_of in capi/src/lib.rs");
    let status_of = &status_of[..status_of.find("\n}\n").unwrap()];
    let missing: Vec<&&str> = variants
        .iter()
        .filter(|v| {
            !status_of.contains(&format!("Error::{v} "))
                && !status_of.contains(&format!("Error::{v}("))
        })
        .collect();
    assert!(missing.is_empty(), "no status code for {missing:?}");
}
