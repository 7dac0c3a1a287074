//! The C ABI as a C program sees it: `extern "C"` declarations resolved
//! against liblapis's exported symbols (linked in through the lapis-capi
//! crate), and a byte reader for the fuzz input.

#![allow(dead_code)]

use std::ffi::c_char;

// Links the library whose `#[no_mangle]` exports the declarations name.
use lapis_capi as _;

#[repr(C)]
pub struct Array {
    _opaque: [u8; 0],
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct C128 {
    pub re: f64,
    pub im: f64,
}

pub type H = *mut Array;

pub const OK: i32 = 0;
/// The highest status code (LAPIS_ERR_INVALID_HANDLE).
pub const MAX_STATUS: i32 = 19;
pub const INTERNAL: i32 = 17;
pub const NOT_POSITIVE_DEFINITE: i32 = 10;

pub const F32: i32 = 1;
pub const F64: i32 = 2;
pub const C64: i32 = 3;
pub const C128_: i32 = 4;

unsafe extern "C" {
    pub fn lapis_array_free(a: H) -> i32;
    pub fn lapis_last_error() -> *const c_char;
    pub fn lapis_zeros(ndim: i64, shape: *const i64, dtype: i32, order: i32, out: *mut H) -> i32;
    pub fn lapis_arange(start: f64, stop: f64, step: f64, dtype: i32, out: *mut H) -> i32;
    pub fn lapis_array_wrap(
        base: *mut u8,
        nbytes: usize,
        offset: i64,
        dtype: i32,
        ndim: i64,
        shape: *const i64,
        strides: *const i64,
        readonly: bool,
        out: *mut H,
    ) -> i32;
    pub fn lapis_array_wrap_contiguous(
        data: *mut u8,
        dtype: i32,
        ndim: i64,
        shape: *const i64,
        order: i32,
        readonly: bool,
        out: *mut H,
    ) -> i32;
    pub fn lapis_array_ndim(a: H, out: *mut i64) -> i32;
    pub fn lapis_array_size(a: H, out: *mut i64) -> i32;
    pub fn lapis_array_shape(a: H, out: *mut i64, n: i64) -> i32;
    pub fn lapis_array_get(a: H, index: *const i64, out: *mut C128) -> i32;
    pub fn lapis_array_slice(
        a: H,
        n: i64,
        start: *const i64,
        stop: *const i64,
        step: *const i64,
        out: *mut H,
    ) -> i32;
    pub fn lapis_array_transpose(a: H, out: *mut H) -> i32;
    pub fn lapis_array_reshape(a: H, ndim: i64, shape: *const i64, order: i32, out: *mut H) -> i32;
    pub fn lapis_array_broadcast_to(a: H, ndim: i64, shape: *const i64, out: *mut H) -> i32;
    pub fn lapis_array_copy(a: H, order: i32, out: *mut H) -> i32;
    pub fn lapis_array_astype(a: H, dtype: i32, out: *mut H) -> i32;
    pub fn lapis_add(x: H, y: H, out: *mut H) -> i32;
    pub fn lapis_multiply(x: H, y: H, out: *mut H) -> i32;
    pub fn lapis_sum(x: H, naxes: i64, axes: *const i64, keepdims: bool, out: *mut H) -> i32;
    pub fn lapis_matmul(a: H, b: H, out: *mut H) -> i32;
    pub fn lapis_einsum(subscripts: *const c_char, n: i64, operands: *const H, out: *mut H) -> i32;
    pub fn lapis_linalg_solve(a: H, b: H, out: *mut H) -> i32;
    pub fn lapis_linalg_inv(a: H, out: *mut H) -> i32;
    pub fn lapis_linalg_det_scalar(a: H, out: *mut C128) -> i32;
    pub fn lapis_linalg_eigh(a: H, uplo: i32, w: *mut H, v: *mut H) -> i32;
    pub fn lapis_linalg_eigh_generalized(h: H, s: H, uplo: i32, w: *mut H, x: *mut H) -> i32;
    pub fn lapis_linalg_svd(
        a: H,
        full_matrices: bool,
        compute_uv: bool,
        u: *mut H,
        s: *mut H,
        vh: *mut H,
    ) -> i32;
    pub fn lapis_linalg_cholesky(a: H, uplo: i32, out: *mut H) -> i32;
    pub fn lapis_linalg_qr(a: H, mode: i32, q: *mut H, r: *mut H) -> i32;
    pub fn lapis_linalg_lstsq(
        a: H,
        b: H,
        rcond: f64,
        x: *mut H,
        residuals: *mut H,
        rank: *mut i64,
        s: *mut H,
    ) -> i32;
    pub fn lapis_linalg_pinv(a: H, rtol: f64, out: *mut H) -> i32;
    pub fn lapis_linalg_norm(x: H, ord: i32, p: f64, out: *mut f64) -> i32;
    pub fn lapis_linalg_cond(a: H, ord: i32, p: f64, out: *mut H) -> i32;
    pub fn lapis_linalg_matrix_rank(a: H, tol: f64, out: *mut i64) -> i32;
    pub fn lapis_linalg_cholesky_inplace(a: H, uplo: i32) -> i32;
    pub fn lapis_linalg_cho_factor(a: H, uplo: i32, c: *mut H) -> i32;
    pub fn lapis_linalg_cho_solve(c: H, uplo: i32, b: H, out: *mut H) -> i32;
    pub fn lapis_linalg_lu_factor(a: H, lu: *mut H, piv: *mut i64, piv_len: i64) -> i32;
    pub fn lapis_linalg_lu_solve(
        lu: H,
        npiv: i64,
        piv: *const i64,
        b: H,
        trans: i32,
        out: *mut H,
    ) -> i32;
    pub fn lapis_linalg_qr_raw(a: H, h: *mut H, tau: *mut H) -> i32;
    #[allow(clippy::too_many_arguments)]
    pub fn lapis_linalg_eigh_generalized_subset(
        h: H,
        s: H,
        uplo: i32,
        itype: i32,
        range: i32,
        lo: f64,
        hi: f64,
        w: *mut H,
        x: *mut H,
    ) -> i32;
    #[allow(clippy::too_many_arguments)]
    pub fn lapis_linalg_lstsq_rcond(
        a: H,
        b: H,
        rcond_kind: i32,
        rcond: f64,
        x: *mut H,
        residuals: *mut H,
        rank: *mut i64,
        s: *mut H,
    ) -> i32;
    pub fn lapis_linalg_matrix_rank_stacked(a: H, tol: f64, out: *mut i64, out_len: i64) -> i32;
}

/// A status every call must return: a defined code, never a caught panic
/// (`LAPIS_ERR_INTERNAL` would mean a bug in lapis).
pub fn check_status(st: i32, what: &str) {
    assert!(
        (0..=MAX_STATUS).contains(&st),
        "{what}: undefined status {st}"
    );
    if st == INTERNAL {
        // SAFETY: lapis_last_error never returns NULL.
        let msg = unsafe { std::ffi::CStr::from_ptr(lapis_last_error()) };
        panic!("{what}: LAPIS_ERR_INTERNAL: {}", msg.to_string_lossy());
    }
}

/// Frees a handle that must be live (NULL allowed).
pub fn free(h: H) {
    // SAFETY: `h` is NULL or a handle this target made and still owns.
    let st = unsafe { lapis_array_free(h) };
    assert_eq!(st, OK, "lapis_array_free of a live handle");
}

/// The shape of a live handle.
pub fn shape_of(h: H) -> Vec<usize> {
    let mut nd = 0i64;
    let mut s = [0i64; 32];
    // SAFETY: live handle, out-pointers valid for the written counts.
    unsafe {
        assert_eq!(lapis_array_ndim(h, &mut nd), OK);
        assert_eq!(lapis_array_shape(h, s.as_mut_ptr(), 32), OK);
    }
    s[..nd as usize].iter().map(|&d| d as usize).collect()
}

/// Element `index` of a live handle.
pub fn get(h: H, index: &[usize]) -> C128 {
    let idx: Vec<i64> = index.iter().map(|&i| i as i64).collect();
    let mut v = C128::default();
    // SAFETY: live handle; `idx` has ndim entries.
    let st = unsafe { lapis_array_get(h, idx.as_ptr(), &mut v) };
    assert_eq!(st, OK, "get {index:?}");
    v
}

/// Reads the fuzz input front to back; past the end it yields zeros.
pub struct Bytes<'a> {
    data: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data }
    }
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }
    /// A value in `0..n` (`n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        self.u8() as usize % n
    }
    pub fn i64(&mut self) -> i64 {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = self.u8();
        }
        i64::from_le_bytes(b)
    }
    /// Mostly small values, sometimes extreme ones.
    pub fn size(&mut self) -> i64 {
        match self.u8() {
            0..=239 => (self.u8() % 6) as i64,
            240..=247 => -((self.u8() % 4) as i64),
            _ => self.i64(),
        }
    }
    /// Finite values mostly; NaN, ±inf, huge and tiny ones sometimes.
    pub fn f64(&mut self) -> f64 {
        match self.u8() {
            0..=229 => (self.u8() as i8) as f64 / 8.0,
            230..=235 => f64::NAN,
            236..=239 => f64::INFINITY,
            240..=243 => f64::NEG_INFINITY,
            244..=247 => 1e300,
            248..=251 => 1e-310,
            _ => f64::from_bits(self.i64() as u64),
        }
    }
    pub fn rest(&self) -> &'a [u8] {
        self.data
    }
}
