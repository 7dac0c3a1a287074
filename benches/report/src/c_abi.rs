//! Section `c_abi`: the fixed cost of a small call, the same operation made
//! four ways in one process (issue 6's overheads; what `benches/c_abi.rs`
//! measures with criterion):
//!
//! | imp            | `gemm` (4×4 f64, n 4)        | `axpy` (n 100)               | `add_out` (4×4 f64, n 4)        |
//! |----------------|------------------------------|------------------------------|---------------------------------|
//! | `direct`       | `cblas_dgemm`                | `cblas_daxpy`                | a plain Rust loop over slices   |
//! | `lapis`        | `lapis::blas::gemm`          | `lapis::blas::axpy`          | `lapis::array::ufunc::add_out`  |
//! | `c_abi`        | `lapis_dgemm` (pointers)     | `lapis_daxpy` (pointers)     | —                               |
//! | `c_abi_handle` | `lapis_gemm` (handles)       | `lapis_axpy` (handles)       | `lapis_add_out` (handles)       |
//!
//! The C entry points are called from Rust (the code a C caller runs, minus
//! the PLT jump), on handles made once by `lapis_array_wrap_contiguous`.
//! Overhead = time − `direct`. `add_out` has no BLAS call, so its `direct`
//! row is the 16 additions themselves: the floor any call can reach.
//!
//! Each imp is timed interleaved with `direct` (`timing::measure_pair`, same
//! inputs, its own output); the `direct` record is the lowest median of those
//! pairings. Before timing, every imp's result is checked once against a
//! plain Rust computation; an imp that returns an error or a wrong result
//! is reported on the progress line and not recorded. Nothing here panics.

use std::hint::black_box;

use lapis::array::{self, ufunc};
use lapis::blas::Transpose;
use lapis::{DType, NdArray};
use lapis_capi::lapis_status::LAPIS_OK;
use lapis_capi::{
    LAPIS_FLOAT64, LAPIS_NO_TRANS, LAPIS_ORDER_C, lapis_array, lapis_complex128, lapis_status,
};
use ndarray::{Array1, Array2, ArrayView2};

use crate::record::Record;
use crate::{Config, progress, timing};

/// gemm's matrix order.
const G: usize = 4;
/// axpy's vector length.
const X: usize = 100;
/// axpy's alpha: small, so the repeated `y += αx` stays bounded.
const ALPHA: f64 = 1e-9;

/// Times this section and appends its records.
pub fn run(cfg: &Config, out: &mut Vec<Record>) {
    for &t in &cfg.threads {
        if let Err(e) = lapis::set_num_threads(t) {
            progress(&format!("c_abi: cannot set {t} threads ({e}); skipped"));
            continue;
        }
        progress(&format!("c_abi: gemm 4x4, {t} thread(s)"));
        gemm(cfg, t, out);
        progress(&format!("c_abi: axpy {X}, {t} thread(s)"));
        axpy(cfg, t, out);
        progress(&format!("c_abi: add_out 4x4, {t} thread(s)"));
        add_out(cfg, t, out);
    }
}

/// One op's measurements: `(imp, seconds)` in the vocabulary's order.
struct Op {
    name: &'static str,
    shape: &'static str,
    n: usize,
    flops: f64,
    /// `direct`'s timing with the lowest median over its pairings.
    direct: Option<timing::Stat>,
    timed: Vec<(&'static str, timing::Stat)>,
}

impl Op {
    fn new(name: &'static str, shape: &'static str, n: usize, flops: f64) -> Op {
        Op {
            name,
            shape,
            n,
            flops,
            direct: None,
            timed: Vec::new(),
        }
    }

    /// Times `imp` interleaved with `direct`, if `checked` (its one checked
    /// call) succeeded; `f` reports whether each timed call succeeded.
    fn pair(
        &mut self,
        cfg: &Config,
        imp: &'static str,
        checked: Result<(), String>,
        direct: impl FnMut(),
        mut f: impl FnMut() -> bool,
    ) {
        if let Err(e) = checked {
            progress(&format!("c_abi: {} {imp}: {e}; not recorded", self.name));
            return;
        }
        let mut ok = true;
        let (td, ti) = timing::measure_pair(cfg.budget, direct, || ok &= f());
        if self.direct.is_none_or(|d| td.median < d.median) {
            self.direct = Some(td);
        }
        if ok {
            self.timed.push((imp, ti));
        } else {
            progress(&format!(
                "c_abi: {} {imp}: a timed call failed; not recorded",
                self.name
            ));
        }
    }

    fn records(self, cfg: &Config, threads: usize, out: &mut Vec<Record>) {
        let direct = self.direct.map(|d| ("direct", d));
        for (imp, st) in direct.into_iter().chain(self.timed) {
            out.push(
                Record {
                    backend: cfg.backend.clone(),
                    section: "c_abi".into(),
                    op: self.name.into(),
                    dtype: "f64".into(),
                    shape: self.shape.into(),
                    n: self.n,
                    threads,
                    imp: imp.into(),
                    seconds: 0.0,
                    flops: self.flops,
                    bytes: 0.0,
                    ..Default::default()
                }
                .with_stat(st),
            );
        }
    }
}

/// A handle over a caller buffer, freed on drop.
struct Handle(*mut lapis_array);

impl Handle {
    /// Wraps `len` f64 values at `data` (C order, `shape`) without copying.
    ///
    /// # Safety
    /// `data` holds the elements for as long as the handle lives, and is
    /// written only through the handle when `readonly` is false.
    unsafe fn wrap(data: *mut f64, shape: &[i64], readonly: bool) -> Result<Handle, String> {
        let mut h: *mut lapis_array = std::ptr::null_mut();
        // SAFETY: caller contract; `shape` and `h` are valid for the call.
        let s = unsafe {
            lapis_capi::array::lapis_array_wrap_contiguous(
                data.cast(),
                LAPIS_FLOAT64,
                shape.len() as i64,
                shape.as_ptr(),
                LAPIS_ORDER_C,
                readonly,
                &mut h,
            )
        };
        if s == LAPIS_OK && !h.is_null() {
            Ok(Handle(h))
        } else {
            Err(format!("lapis_array_wrap_contiguous: {s:?}"))
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // A live handle from lapis_array_wrap_contiguous, freed once (a
        // stale one would only be refused: handles are validated).
        let _ = lapis_capi::array::lapis_array_free(self.0);
    }
}

fn status(what: &str, s: lapis_status) -> Result<(), String> {
    if s == LAPIS_OK {
        Ok(())
    } else {
        Err(format!("{what} returned {s:?}"))
    }
}

/// Checks `got` against `want` to `tol` (absolute); the first violation.
fn close(what: &str, got: &[f64], want: &[f64], tol: f64) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!(
            "{what}: {} values, expected {}",
            got.len(),
            want.len()
        ));
    }
    match got
        .iter()
        .zip(want)
        .position(|(g, w)| (g - w).is_nan() || (g - w).abs() > tol)
    {
        None => Ok(()),
        Some(i) => Err(format!(
            "{what}: element {i} is {}, expected {} (tolerance {tol:e})",
            got[i], want[i]
        )),
    }
}

const ONE: lapis_complex128 = lapis_complex128 { re: 1.0, im: 0.0 };
const ZERO: lapis_complex128 = lapis_complex128 { re: 0.0, im: 0.0 };

/// `C = A·B`, 4 × 4 f64, row-major.
fn gemm(cfg: &Config, t: usize, out: &mut Vec<Record>) {
    let a: Vec<f64> = (0..G * G).map(|i| 1.0 + i as f64).collect();
    let b: Vec<f64> = (0..G * G).map(|i| 0.5 * i as f64 - 2.0).collect();
    let mut want = vec![0.0; G * G];
    for i in 0..G {
        for j in 0..G {
            want[i * G + j] = (0..G).map(|k| a[i * G + k] * b[k * G + j]).sum();
        }
    }
    // Entries are sums of 4 products below 32 in size: a few ulps of 512.
    let tol = 512.0 * 8.0 * f64::EPSILON;
    let mut c_direct = vec![0.0; G * G];
    cblas_gemm4(&a, &b, &mut c_direct);
    if let Err(e) = close("cblas_dgemm", &c_direct, &want, tol) {
        // The reference itself is wrong: nothing here is worth recording.
        progress(&format!("c_abi: gemm direct: {e}; op skipped"));
        return;
    }
    let mut direct = || cblas_gemm4(black_box(&a), black_box(&b), &mut c_direct);
    let mut op = Op::new("gemm", "4x4", G, 2.0 * (G * G * G) as f64);

    // lapis's Rust API on views of the same buffers.
    match (
        ArrayView2::from_shape((G, G), &a[..]),
        ArrayView2::from_shape((G, G), &b[..]),
    ) {
        (Ok(av), Ok(bv)) => {
            let mut cv = Array2::<f64>::zeros((G, G));
            let nt = Transpose::NoTrans;
            let checked = lapis::blas::gemm(nt, nt, 1.0, &av, &bv, 0.0, &mut cv)
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    let got: Vec<f64> = cv.iter().copied().collect();
                    close("lapis::blas::gemm", &got, &want, tol)
                });
            let call = || {
                lapis::blas::gemm(nt, nt, 1.0, black_box(&av), black_box(&bv), 0.0, &mut cv).is_ok()
            };
            op.pair(cfg, "lapis", checked, &mut direct, call);
        }
        _ => progress("c_abi: gemm lapis: cannot view the operands; not recorded"),
    }

    // The typed pointer entry point.
    let mut c_ptr = vec![0.0; G * G];
    let checked = status("lapis_dgemm", lapis_dgemm4(&a, &b, &mut c_ptr))
        .and_then(|()| close("lapis_dgemm", &c_ptr, &want, tol));
    let call = || lapis_dgemm4(black_box(&a), black_box(&b), &mut c_ptr) == LAPIS_OK;
    op.pair(cfg, "c_abi", checked, &mut direct, call);

    // The handle entry point.
    let mut c_buf = vec![0.0; G * G];
    let c_handle = c_buf.as_mut_ptr();
    let shape = [G as i64, G as i64];
    // SAFETY: the inputs are only read (read-only handles); `c_handle` is
    // written only through its handle while the handles live.
    let handles = unsafe {
        (
            Handle::wrap(a.as_ptr().cast_mut(), &shape, true),
            Handle::wrap(b.as_ptr().cast_mut(), &shape, true),
            Handle::wrap(c_handle, &shape, false),
        )
    };
    match handles {
        (Ok(ha), Ok(hb), Ok(hc)) => {
            let call = || {
                // SAFETY: live handles.
                let s = unsafe {
                    lapis_capi::blas::lapis_gemm(
                        LAPIS_NO_TRANS,
                        LAPIS_NO_TRANS,
                        ONE,
                        black_box(ha.0),
                        black_box(hb.0),
                        ZERO,
                        hc.0,
                    )
                };
                s == LAPIS_OK
            };
            // SAFETY: the first call's status is checked before reading.
            let checked = status("lapis_gemm", unsafe {
                lapis_capi::blas::lapis_gemm(
                    LAPIS_NO_TRANS,
                    LAPIS_NO_TRANS,
                    ONE,
                    ha.0,
                    hb.0,
                    ZERO,
                    hc.0,
                )
            })
            .and_then(|()| {
                // SAFETY: no call is in flight; the buffer holds 16 values.
                let got = unsafe { std::slice::from_raw_parts(c_handle, G * G) };
                close("lapis_gemm", got, &want, tol)
            });
            op.pair(cfg, "c_abi_handle", checked, &mut direct, call);
        }
        (ra, rb, rc) => {
            let e = [ra.err(), rb.err(), rc.err()].into_iter().flatten().next();
            progress(&format!(
                "c_abi: gemm c_abi_handle: {}; not recorded",
                e.unwrap_or_default()
            ));
        }
    }
    op.records(cfg, t, out);
}

/// `y += α·x`, 100 f64.
fn axpy(cfg: &Config, t: usize, out: &mut Vec<Record>) {
    let x: Vec<f64> = (0..X).map(|i| i as f64 - 50.0).collect();
    let y0: Vec<f64> = (0..X).map(|i| 1.0 + 0.25 * i as f64).collect();
    let want: Vec<f64> = x.iter().zip(&y0).map(|(x, y)| y + ALPHA * x).collect();
    // |y| < 26: a few ulps of 26.
    let tol = 4.0 * 26.0 * f64::EPSILON;
    let mut y_direct = y0.clone();
    cblas_axpy(&x, &mut y_direct);
    if let Err(e) = close("cblas_daxpy", &y_direct, &want, tol) {
        progress(&format!("c_abi: axpy direct: {e}; op skipped"));
        return;
    }
    let mut direct = || cblas_axpy(black_box(&x), &mut y_direct);
    let mut op = Op::new("axpy", "100", X, 2.0 * X as f64);

    let xv = Array1::from(x.clone());
    let mut yv = Array1::from(y0.clone());
    let checked = lapis::blas::axpy(ALPHA, &xv, &mut yv)
        .map_err(|e| e.to_string())
        .and_then(|()| close("lapis::blas::axpy", &yv.to_vec(), &want, tol));
    let call = || lapis::blas::axpy(ALPHA, black_box(&xv), &mut yv).is_ok();
    op.pair(cfg, "lapis", checked, &mut direct, call);

    let mut y_ptr = y0.clone();
    let checked = status("lapis_daxpy", lapis_daxpy_n(&x, &mut y_ptr))
        .and_then(|()| close("lapis_daxpy", &y_ptr, &want, tol));
    let call = || lapis_daxpy_n(black_box(&x), &mut y_ptr) == LAPIS_OK;
    op.pair(cfg, "c_abi", checked, &mut direct, call);

    let mut y_buf = y0.clone();
    let y_handle = y_buf.as_mut_ptr();
    let alpha = lapis_complex128 { re: ALPHA, im: 0.0 };
    let nl = X as i64;
    // SAFETY: `x` is only read (a read-only handle); `y_buf` is accessed
    // only through `y_handle` while the handles live.
    let handles = unsafe {
        (
            Handle::wrap(x.as_ptr().cast_mut(), &[nl], true),
            Handle::wrap(y_handle, &[nl], false),
        )
    };
    match handles {
        (Ok(hx), Ok(hy)) => {
            // SAFETY: live handles.
            let checked = status("lapis_axpy", unsafe {
                lapis_capi::blas::lapis_axpy(alpha, hx.0, hy.0)
            })
            .and_then(|()| {
                // SAFETY: no call is in flight; the buffer holds 100 values.
                let got = unsafe { std::slice::from_raw_parts(y_handle, X) };
                close("lapis_axpy", got, &want, tol)
            });
            let call = || {
                // SAFETY: live handles.
                unsafe { lapis_capi::blas::lapis_axpy(alpha, black_box(hx.0), hy.0) == LAPIS_OK }
            };
            op.pair(cfg, "c_abi_handle", checked, &mut direct, call);
        }
        (rx, ry) => {
            let e = [rx.err(), ry.err()].into_iter().flatten().next();
            progress(&format!(
                "c_abi: axpy c_abi_handle: {}; not recorded",
                e.unwrap_or_default()
            ));
        }
    }
    op.records(cfg, t, out);
}

/// `out = a + b`, 4 × 4 f64, into an existing array.
fn add_out(cfg: &Config, t: usize, out: &mut Vec<Record>) {
    let a: Vec<f64> = (0..G * G).map(|i| 0.5 + i as f64).collect();
    let b: Vec<f64> = (0..G * G).map(|i| 2.0 * i as f64).collect();
    let want: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x + y).collect();
    let mut o_direct = vec![0.0; G * G];
    let mut direct = || {
        let (a, b) = (black_box(&a[..]), black_box(&b[..]));
        for ((o, x), y) in o_direct.iter_mut().zip(a).zip(b) {
            *o = x + y;
        }
        black_box(&mut o_direct);
    };
    let mut op = Op::new("add_out", "4x4", G, (G * G) as f64);

    let arrays = (|| -> lapis::Result<(NdArray, NdArray, NdArray)> {
        Ok((
            array::from_vec(a.clone(), &[G, G])?,
            array::from_vec(b.clone(), &[G, G])?,
            array::zeros(&[G, G], DType::F64)?,
        ))
    })();
    match arrays {
        Ok((ra, rb, mut ro)) => {
            let checked = ufunc::add_out(&ra, &rb, &mut ro)
                .map_err(|e| e.to_string())
                .and_then(|()| ro.to_vec::<f64>().map_err(|e| e.to_string()))
                .and_then(|got| close("ufunc::add_out", &got, &want, 0.0));
            let call = || ufunc::add_out(black_box(&ra), black_box(&rb), &mut ro).is_ok();
            op.pair(cfg, "lapis", checked, &mut direct, call);
        }
        Err(e) => progress(&format!("c_abi: add_out lapis: {e}; not recorded")),
    }

    let mut o_buf = vec![0.0; G * G];
    let o_handle = o_buf.as_mut_ptr();
    let shape = [G as i64, G as i64];
    // SAFETY: the inputs are only read (read-only handles); `o_buf` is
    // accessed only through `o_handle` while the handles live.
    let handles = unsafe {
        (
            Handle::wrap(a.as_ptr().cast_mut(), &shape, true),
            Handle::wrap(b.as_ptr().cast_mut(), &shape, true),
            Handle::wrap(o_handle, &shape, false),
        )
    };
    match handles {
        (Ok(ha), Ok(hb), Ok(ho)) => {
            // SAFETY: live handles.
            let checked = status("lapis_add_out", unsafe {
                lapis_capi::ufunc::lapis_add_out(ha.0, hb.0, ho.0)
            })
            .and_then(|()| {
                // SAFETY: no call is in flight; the buffer holds 16 values.
                let got = unsafe { std::slice::from_raw_parts(o_handle, G * G) };
                close("lapis_add_out", got, &want, 0.0)
            });
            let call = || {
                // SAFETY: live handles.
                unsafe { lapis_capi::ufunc::lapis_add_out(black_box(ha.0), hb.0, ho.0) == LAPIS_OK }
            };
            op.pair(cfg, "c_abi_handle", checked, &mut direct, call);
        }
        (ra, rb, ro) => {
            let e = [ra.err(), rb.err(), ro.err()].into_iter().flatten().next();
            progress(&format!(
                "c_abi: add_out c_abi_handle: {}; not recorded",
                e.unwrap_or_default()
            ));
        }
    }
    op.records(cfg, t, out);
}

/// `c = a·b` through `cblas_dgemm`, 4 × 4 row-major.
fn cblas_gemm4(a: &[f64], b: &[f64], c: &mut [f64]) {
    let n = G as lapis::sys::BlasInt;
    if a.len() < G * G || b.len() < G * G || c.len() < G * G {
        return;
    }
    // SAFETY: three buffers of at least 16 values, leading dimension 4.
    unsafe {
        lapis::sys::cblas::cblas_dgemm(
            lapis::sys::Layout::CblasRowMajor,
            lapis::sys::Trans::CblasNoTrans,
            lapis::sys::Trans::CblasNoTrans,
            n,
            n,
            n,
            1.0,
            a.as_ptr(),
            n,
            b.as_ptr(),
            n,
            0.0,
            c.as_mut_ptr(),
            n,
        )
    }
}

/// `c = a·b` through `lapis_dgemm`, 4 × 4 row-major.
fn lapis_dgemm4(a: &[f64], b: &[f64], c: &mut [f64]) -> lapis_status {
    let n = G as i64;
    let (pa, pb) = if a.len() < G * G || b.len() < G * G {
        // NULL pointers: lapis reports the error.
        (std::ptr::null(), std::ptr::null())
    } else {
        (a.as_ptr(), b.as_ptr())
    };
    let pc = if c.len() < G * G {
        std::ptr::null_mut()
    } else {
        c.as_mut_ptr()
    };
    // SAFETY: non-NULL buffers hold 16 values, leading dimension 4.
    unsafe {
        lapis_capi::blas_ptr::lapis_dgemm(
            LAPIS_ORDER_C,
            LAPIS_NO_TRANS,
            LAPIS_NO_TRANS,
            n,
            n,
            n,
            1.0,
            pa,
            n,
            pb,
            n,
            0.0,
            pc,
            n,
        )
    }
}

/// `y += α·x` through `cblas_daxpy` over the common length.
fn cblas_axpy(x: &[f64], y: &mut [f64]) {
    let n = x.len().min(y.len()).min(i32::MAX as usize) as lapis::sys::BlasInt;
    // SAFETY: both buffers hold at least n values; unit increments.
    unsafe { lapis::sys::cblas::cblas_daxpy(n, ALPHA, x.as_ptr(), 1, y.as_mut_ptr(), 1) }
}

/// `y += α·x` through `lapis_daxpy` over the common length.
fn lapis_daxpy_n(x: &[f64], y: &mut [f64]) -> lapis_status {
    let n = x.len().min(y.len()) as i64;
    // SAFETY: both buffers hold at least n values; unit increments.
    unsafe { lapis_capi::blas_ptr::lapis_daxpy(n, ALPHA, x.as_ptr(), 1, y.as_mut_ptr(), 1) }
}
