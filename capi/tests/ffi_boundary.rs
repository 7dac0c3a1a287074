//! Every exported C function runs its body inside the panic boundary, and
//! that can be seen in the export itself.
//!
//! The check parses the crate (capi/src, generated files included) with
//! `syn`, following its `mod` items from lib.rs, and requires of every
//! `#[no_mangle]` / `#[export_name]` function that its body be exactly one
//! boundary call:
//! - a single tail expression calling the crate's `call(closure)` or
//!   `call_value(fallback, closure)` (capi/src/lib.rs), where the path must
//!   resolve to those two functions through the module's own `use` items
//!   (`crate::call`, `super::call` from a child of the root, an import of
//!   it, a glob of the root) — a function merely named like them, a local
//!   shadow or a parameter called `call` does not count;
//! - the body may be preceded only by `const`/`static` items, which run no
//!   code at call time; `call`'s argument must be a closure, and
//!   `call_value`'s fallback a literal or a path (or `c"..".as_ptr()`), so
//!   nothing runs before the boundary is entered.
//!
//! Macros that would stamp exports out of sight of this check are refused.
//! The mutation test runs the same checker on sources that break each rule.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;
use syn::{Expr, FnArg, Item, Pat, Stmt, UseTree};

/// Exports allowed not to match the rule, each with its reason. Keep empty
/// unless a function truly cannot run inside the boundary.
const EXCEPTIONS: &[(&str, &str)] = &[];

/// A parsed source file and the module path it is mounted at.
struct SourceFile {
    label: String,
    module: Vec<String>,
    is_mod_rs: bool,
    ast: syn::File,
    text: String,
}

fn attr_path_value(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The crate's files, from lib.rs along its `mod` items (as rustc finds them).
fn crate_files(src_dir: &Path) -> Vec<SourceFile> {
    let mut out = Vec::new();
    let mut todo = vec![(src_dir.join("lib.rs"), Vec::<String>::new(), true)];
    while let Some((path, module, is_mod_rs)) = todo.pop() {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let dir = path.parent().unwrap().to_path_buf();
        // Where `mod x;` looks without a #[path]: beside lib.rs/mod.rs,
        // else in a folder named after this file.
        let child_dir = if is_mod_rs {
            dir.clone()
        } else {
            dir.join(path.file_stem().unwrap())
        };
        for item in &ast.items {
            if let Item::Mod(m) = item {
                if m.content.is_some() {
                    continue; // inline: checked with this file
                }
                let name = m.ident.to_string();
                let (file, child_is_mod_rs) = match attr_path_value(&m.attrs) {
                    Some(p) => (dir.join(&p), p.ends_with("mod.rs")),
                    None => {
                        let flat = child_dir.join(format!("{name}.rs"));
                        if flat.exists() {
                            (flat, false)
                        } else {
                            (child_dir.join(&name).join("mod.rs"), true)
                        }
                    }
                };
                let mut child = module.clone();
                child.push(name);
                todo.push((file, child, child_is_mod_rs));
            }
        }
        let label = path
            .strip_prefix(src_dir.parent().unwrap())
            .unwrap_or(&path)
            .display()
            .to_string();
        out.push(SourceFile {
            label: format!("capi/{label}"),
            module,
            is_mod_rs,
            ast,
            text,
        });
    }
    out.sort_by(|a, b| a.label.cmp(&b.label));
    out
}

/// What a module's names refer to: its own items, its imports, its globs.
#[derive(Default)]
struct Scope {
    module: Vec<String>,
    local: HashSet<String>,
    imports: BTreeMap<String, Vec<String>>,
    globs: Vec<Vec<String>>,
}

/// `segments` (as written in module `module`) as a path from the crate root;
/// None when it leaves the crate.
fn absolute(module: &[String], segments: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = module.to_vec();
    let mut rest = segments;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

fn collect_use(tree: &UseTree, prefix: &mut Vec<String>, scope: &mut Scope) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            collect_use(&p.tree, prefix, scope);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let mut full = prefix.clone();
            full.push(n.ident.to_string());
            if let Some(abs) = absolute(&scope.module, &full) {
                scope.imports.insert(n.ident.to_string(), abs);
            } else {
                scope
                    .imports
                    .insert(n.ident.to_string(), vec!["<extern>".into()]);
            }
        }
        UseTree::Rename(r) => {
            let mut full = prefix.clone();
            full.push(r.ident.to_string());
            let abs = absolute(&scope.module, &full).unwrap_or_else(|| vec!["<extern>".into()]);
            scope.imports.insert(r.rename.to_string(), abs);
        }
        UseTree::Glob(_) => {
            if let Some(abs) = absolute(&scope.module, prefix) {
                scope.globs.push(abs);
            }
        }
        UseTree::Group(g) => {
            for t in &g.items {
                collect_use(t, prefix, scope);
            }
        }
    }
}

fn scope_of(module: Vec<String>, items: &[Item]) -> Scope {
    let mut scope = Scope {
        module,
        ..Scope::default()
    };
    for item in items {
        match item {
            Item::Use(u) => collect_use(&u.tree, &mut Vec::new(), &mut scope),
            Item::Fn(f) => {
                scope.local.insert(f.sig.ident.to_string());
            }
            Item::Const(c) => {
                scope.local.insert(c.ident.to_string());
            }
            Item::Static(s) => {
                scope.local.insert(s.ident.to_string());
            }
            _ => {}
        }
    }
    scope
}

const BOUNDARY: [&str; 2] = ["call", "call_value"];

/// Which boundary function (if any) `path` names in `scope`.
fn boundary_of(path: &syn::Path, scope: &Scope) -> Option<&'static str> {
    if path.leading_colon.is_some() {
        return None;
    }
    let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let abs = if segs.len() == 1 {
        let name = &segs[0];
        if scope.local.contains(name) {
            let mut p = scope.module.clone();
            p.push(name.clone());
            p
        } else if let Some(p) = scope.imports.get(name) {
            p.clone()
        } else if scope.globs.iter().any(|g| g.is_empty()) {
            vec![name.clone()]
        } else {
            return None;
        }
    } else {
        absolute(&scope.module, &segs)?
    };
    match abs.as_slice() {
        [one] => BOUNDARY.iter().copied().find(|b| b == one),
        _ => None,
    }
}

/// Whether evaluating `e` as `call_value`'s fallback runs no code of note:
/// a literal, a path, a negated literal, or `c"...".as_ptr()`.
fn inert(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Tuple(t) => t.elems.is_empty(),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Neg(_)) && matches!(*u.expr, Expr::Lit(_)),
        Expr::MethodCall(m) => {
            m.method == "as_ptr" && m.args.is_empty() && matches!(*m.receiver, Expr::Lit(_))
        }
        _ => false,
    }
}

fn binds_boundary_name(pat: &Pat) -> bool {
    let mut found = false;
    struct Names<'a>(&'a mut bool);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if BOUNDARY.iter().any(|b| p.ident == b) {
                *self.0 = true;
            }
            syn::visit::visit_pat_ident(self, p);
        }
    }
    Names(&mut found).visit_pat(pat);
    found
}

/// Why an export's body is not exactly one boundary call (None: it is).
fn body_problem(f: &syn::ItemFn, scope: &Scope) -> Option<String> {
    if !matches!(&f.sig.abi, Some(abi) if abi.name.as_ref().is_some_and(|n| n.value() == "C")) {
        return Some("exported but not `extern \"C\"`".into());
    }
    for input in &f.sig.inputs {
        if let FnArg::Typed(t) = input
            && binds_boundary_name(&t.pat)
        {
            return Some("a parameter shadows the boundary's name".into());
        }
    }
    let stmts = &f.block.stmts;
    let Some((last, before)) = stmts.split_last() else {
        return Some("empty body".into());
    };
    for s in before {
        match s {
            Stmt::Item(Item::Const(c)) if !BOUNDARY.iter().any(|b| c.ident == b) => {}
            Stmt::Item(Item::Static(st)) if !BOUNDARY.iter().any(|b| st.ident == b) => {}
            _ => return Some("a statement runs before the boundary call".into()),
        }
    }
    let Stmt::Expr(expr, None) = last else {
        return Some("the body does not end in one call expression".into());
    };
    let Expr::Call(c) = expr else {
        return Some(format!(
            "the body is `{}`, not a call of crate::call/call_value",
            quote_of(expr)
        ));
    };
    let Expr::Path(p) = &*c.func else {
        return Some("the callee is not a path".into());
    };
    if p.qself.is_some() {
        return Some("the callee is a qualified path".into());
    }
    let Some(which) = boundary_of(&p.path, scope) else {
        return Some(format!(
            "`{}(...)` is not crate::call or crate::call_value",
            quote_of(&c.func)
        ));
    };
    let args: Vec<&Expr> = c.args.iter().collect();
    let ok = match (which, args.as_slice()) {
        ("call", [Expr::Closure(_)]) => true,
        ("call_value", [fallback, Expr::Closure(_)]) => inert(fallback),
        _ => false,
    };
    if !ok {
        return Some(format!(
            "`{which}` must get a closure (and `call_value` an inert fallback)"
        ));
    }
    None
}

fn quote_of(e: &Expr) -> String {
    use quote::ToTokens;
    let s = e.to_token_stream().to_string();
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

fn is_export(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let mut hit = false;
        let _ = a.parse_nested_meta(|m| {
            if m.path.is_ident("no_mangle") || m.path.is_ident("export_name") {
                hit = true;
            }
            let _ = m.value().and_then(|v| v.parse::<syn::Expr>());
            Ok(())
        });
        a.path().is_ident("no_mangle") || a.path().is_ident("export_name") || hit
    })
}

/// The result of checking one file.
#[derive(Default)]
struct Report {
    exports: Vec<String>,
    /// (export name, "file:line: name: problem")
    offenders: Vec<(String, String)>,
}

struct Checker<'a> {
    label: &'a str,
    text: &'a str,
    scopes: Vec<Scope>,
    report: Report,
}

impl Checker<'_> {
    fn line_of(&self, needle: &str) -> usize {
        self.text
            .find(needle)
            .map_or(0, |i| self.text[..i].matches('\n').count() + 1)
    }
}

impl<'ast> Visit<'ast> for Checker<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if let Some((_, items)) = &m.content {
            let mut module = self.scopes.last().unwrap().module.clone();
            module.push(m.ident.to_string());
            self.scopes.push(scope_of(module, items));
            syn::visit::visit_item_mod(self, m);
            self.scopes.pop();
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if is_export(&f.attrs) {
            let name = f.sig.ident.to_string();
            self.report.exports.push(name.clone());
            if let Some(problem) = body_problem(f, self.scopes.last().unwrap()) {
                let line = self.line_of(&format!("fn {name}("));
                self.report.offenders.push((
                    name.clone(),
                    format!("{}:{line}: {name}: {problem}", self.label),
                ));
            }
        }
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if is_export(&f.attrs) {
            let name = f.sig.ident.to_string();
            let line = self.line_of(&format!("fn {name}("));
            self.report.offenders.push((
                name.clone(),
                format!(
                    "{}:{line}: {name}: an export inside an impl block",
                    self.label
                ),
            ));
        }
        syn::visit::visit_impl_item_fn(self, f);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        if is_export(&s.attrs) {
            let name = s.ident.to_string();
            self.report.offenders.push((
                name.clone(),
                format!("{}: {name}: an exported static", self.label),
            ));
        }
    }

    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        // `macro_rules! name { .. }` is named by its ident, an invocation by its path.
        let name = match &item.ident {
            Some(ident) => ident.to_string(),
            None => item
                .mac
                .path
                .segments
                .last()
                .map(|s| s.ident.to_string())
                .unwrap_or_default(),
        };
        self.check_macro(&item.mac, &name);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let name = m
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        self.check_macro(m, &name);
    }
}

impl Checker<'_> {
    fn check_macro(&mut self, m: &syn::Macro, name: &str) {
        let tokens = m.tokens.to_string();
        if tokens.contains("no_mangle") || tokens.contains("export_name") {
            let line = match self.line_of(&format!("{name}!")) {
                0 => self.line_of(&format!("macro_rules! {name}")),
                l => l,
            };
            self.report.offenders.push((
                format!("{name}!"),
                format!(
                    "{}:{line}: macro `{name}!` stamps exports this check cannot see",
                    self.label
                ),
            ));
        }
    }
}

/// Checks the exports of one file mounted at `module`.
fn check_file(label: &str, module: Vec<String>, ast: &syn::File, text: &str) -> Report {
    let mut checker = Checker {
        label,
        text,
        scopes: vec![scope_of(module, &ast.items)],
        report: Report::default(),
    };
    checker.visit_file(ast);
    checker.report
}

fn check_source(module: &[&str], text: &str) -> Report {
    let ast = syn::parse_file(text).expect("test source parses");
    check_file(
        "<test>",
        module.iter().map(|s| s.to_string()).collect(),
        &ast,
        text,
    )
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_export_is_exactly_one_boundary_call() {
    let files = crate_files(&src_dir());
    // Every file under src is part of the crate (nothing unchecked hides there).
    let reached: HashSet<String> = files.iter().map(|f| f.label.clone()).collect();
    let mut stack = vec![src_dir()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let label = format!(
                    "capi/{}",
                    p.strip_prefix(src_dir().parent().unwrap())
                        .unwrap()
                        .display()
                );
                assert!(
                    reached.contains(&label),
                    "{label} is not reached from lib.rs"
                );
            }
        }
    }
    // The boundary itself: lib.rs's call and call_value catch unwinds.
    let lib = files.iter().find(|f| f.module.is_empty()).unwrap();
    assert!(lib.is_mod_rs);
    for name in BOUNDARY {
        let f = lib
            .ast
            .items
            .iter()
            .find_map(|i| match i {
                Item::Fn(f) if f.sig.ident == name => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no fn {name} in capi/src/lib.rs"));
        let body = quote::ToTokens::to_token_stream(&f.block).to_string();
        assert!(
            body.contains("catch_unwind"),
            "capi/src/lib.rs: {name} does not catch_unwind"
        );
    }
    let mut exports = Vec::new();
    let mut offenders = Vec::new();
    for f in &files {
        let r = check_file(&f.label, f.module.clone(), &f.ast, &f.text);
        exports.extend(r.exports);
        offenders.extend(r.offenders);
    }
    let unique: HashSet<&String> = exports.iter().collect();
    assert_eq!(unique.len(), exports.len(), "an export name appears twice");
    assert!(exports.len() >= 300, "found only {} exports", exports.len());
    let excepted = |n: &str| EXCEPTIONS.iter().any(|(e, _)| *e == n);
    let failing: Vec<&String> = offenders
        .iter()
        .filter(|(n, _)| !excepted(n))
        .map(|(_, msg)| msg)
        .collect();
    assert!(
        failing.is_empty(),
        "{} exports are not exactly one boundary call:\n{}",
        failing.len(),
        failing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    for (name, _) in EXCEPTIONS {
        assert!(
            unique.contains(&name.to_string()),
            "exception {name} is not an export"
        );
    }
}

#[test]
fn the_checker_rejects_exports_outside_the_boundary() {
    // A child module of the root, as capi/src/X.rs is.
    let src = r#"
use super::{call, call_value, lapis_status};
use crate::other::call as other_call;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn good() -> lapis_status {
    // SAFETY: nothing.
    call(|| unsafe { work() })
}

#[unsafe(no_mangle)]
pub extern "C" fn good_value() -> *const u8 {
    static S: u8 = 0;
    call_value(c"x".as_ptr(), || &S)
}

#[unsafe(no_mangle)]
pub extern "C" fn good_path() -> lapis_status {
    crate::call(|| Ok(()))
}

#[unsafe(no_mangle)]
pub extern "C" fn no_boundary() -> lapis_status {
    lapis_status::LAPIS_OK
}

#[unsafe(no_mangle)]
pub extern "C" fn look_alike() -> lapis_status {
    foo_call(|| Ok(()))
}

#[unsafe(no_mangle)]
pub extern "C" fn helper_with_boundary_inside() -> lapis_status {
    unsafe { unary_call("x", x, out) }
}

#[unsafe(no_mangle)]
pub extern "C" fn work_first() -> lapis_status {
    let v = compute();
    call(|| Ok(v))
}

#[unsafe(no_mangle)]
pub extern "C" fn wrapped() -> lapis_status {
    unsafe { call(|| Ok(())) }
}

#[unsafe(no_mangle)]
pub extern "C" fn renamed_other() -> lapis_status {
    other_call(|| Ok(()))
}

#[unsafe(no_mangle)]
pub extern "C" fn shadowed(call: fn(fn()) -> lapis_status) -> lapis_status {
    call(|| Ok(()))
}

#[unsafe(no_mangle)]
pub extern "C" fn not_a_closure() -> lapis_status {
    call(make_body())
}

#[unsafe(no_mangle)]
pub extern "C" fn busy_fallback() -> i64 {
    call_value(expensive(), || 1)
}

#[unsafe(no_mangle)]
pub extern "C" fn other_crate() -> lapis_status {
    ::lapis_capi::call(|| Ok(()))
}

#[unsafe(no_mangle)]
pub fn rust_abi() -> lapis_status {
    call(|| Ok(()))
}

macro_rules! stamp {
    ($n:ident) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn $n() -> lapis_status { lapis_status::LAPIS_OK }
    };
}
"#;
    let r = check_source(&["m"], src);
    let bad: HashSet<&str> = r.offenders.iter().map(|(n, _)| n.as_str()).collect();
    let expected: HashSet<&str> = [
        "no_boundary",
        "look_alike",
        "helper_with_boundary_inside",
        "work_first",
        "wrapped",
        "renamed_other",
        "shadowed",
        "not_a_closure",
        "busy_fallback",
        "other_crate",
        "rust_abi",
        "stamp!",
    ]
    .into_iter()
    .collect();
    assert_eq!(bad, expected, "{:#?}", r.offenders);
    // Messages name the file and line.
    let look_alike = &r
        .offenders
        .iter()
        .find(|(n, _)| n == "look_alike")
        .unwrap()
        .1;
    assert!(
        look_alike.starts_with("<test>:28: look_alike:"),
        "{look_alike}"
    );

    // A module that defines its own `call` does not get the boundary, and
    // the same file mounted two levels down needs `super::super`.
    let own = r#"
use crate::lapis_status;
fn call(f: impl FnOnce()) -> lapis_status { f(); lapis_status::LAPIS_OK }
#[unsafe(no_mangle)]
pub extern "C" fn local_call() -> lapis_status { call(|| ()) }
"#;
    assert_eq!(check_source(&["m"], own).offenders.len(), 1);
    let nested = r#"
use super::call;
#[unsafe(no_mangle)]
pub extern "C" fn one_level_up() -> lapis_status { call(|| Ok(())) }
"#;
    assert_eq!(check_source(&["m"], nested).offenders.len(), 0);
    assert_eq!(check_source(&["m", "n"], nested).offenders.len(), 1);
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
