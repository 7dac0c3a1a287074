//! (b) `lapis_array_wrap` with arbitrary base extent, offset, dtype, shape
//! and strides. Whatever it accepts must lie inside the caller's bytes:
//! every element (up to 4096 of them) is read through lapis and compared
//! with the bytes at the offset the strides give; whatever it refuses must
//! leave `out` untouched.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "ffi.rs"]
mod ffi;
use ffi::*;

fn itemsize(dtype: i32) -> i64 {
    match dtype {
        F32 => 4,
        F64 | C64 => 8,
        _ => 16,
    }
}

/// The element at byte `off` of `buf`, as lapis reports it.
fn decode(buf: &[u8], off: usize, dtype: i32) -> C128 {
    let f32_at = |o: usize| f32::from_le_bytes(buf[o..o + 4].try_into().unwrap()) as f64;
    let f64_at = |o: usize| f64::from_le_bytes(buf[o..o + 8].try_into().unwrap());
    match dtype {
        F32 => C128 {
            re: f32_at(off),
            im: 0.0,
        },
        F64 => C128 {
            re: f64_at(off),
            im: 0.0,
        },
        C64 => C128 {
            re: f32_at(off),
            im: f32_at(off + 4),
        },
        _ => C128 {
            re: f64_at(off),
            im: f64_at(off + 8),
        },
    }
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    // 256 bytes, 16-byte aligned, filled with a pattern that makes
    // distinct floats (and some NaNs) at every offset.
    #[repr(align(16))]
    struct Buf([u8; 256]);
    let mut buf = Buf([0; 256]);
    for (i, x) in buf.0.iter_mut().enumerate() {
        *x = (i as u8).wrapping_mul(37).wrapping_add(11);
    }
    let nbytes = b.below(257);
    let dtype = [F32, F64, C64, C128_, 0, 9][b.below(6)];
    let isz = itemsize(dtype);
    let offset = match b.below(4) {
        0 => b.size(),
        1 => b.size().wrapping_mul(isz),
        2 => b.i64(),
        _ => b.size().wrapping_mul(16).wrapping_add(b.size()),
    };
    let ndim = match b.u8() {
        0..=249 => b.below(5) as i64,
        250..=252 => -1,
        _ => 40,
    };
    let n = ndim.clamp(0, 8) as usize;
    let shape: Vec<i64> = (0..n).map(|_| b.size()).collect();
    let strides: Vec<i64> = (0..n)
        .map(|_| match b.below(5) {
            0 => b.size().wrapping_mul(isz),
            1 => b.size().wrapping_mul(isz).wrapping_neg(),
            2 => b.i64(),
            3 => 0,
            _ => b.size(),
        })
        .collect();
    let readonly = b.u8() & 1 == 1;
    let sentinel = 0x10 as H;
    let mut h = sentinel;
    // SAFETY: `buf` is valid for `nbytes` ≤ 256 bytes; shape and strides
    // hold `n` values (more than `ndim` only when ndim is out of range,
    // which lapis rejects before reading them).
    let st = unsafe {
        lapis_array_wrap(
            buf.0.as_mut_ptr(),
            nbytes,
            offset,
            dtype,
            ndim,
            shape.as_ptr(),
            strides.as_ptr(),
            readonly,
            &mut h,
        )
    };
    check_status(st, "lapis_array_wrap");
    if st != OK {
        assert!(h == sentinel, "a failed wrap wrote its out-pointer");
        return;
    }
    assert_eq!(ndim as usize, n);
    let dims = shape_of(h);
    assert_eq!(dims, shape.iter().map(|&d| d as usize).collect::<Vec<_>>());
    let size: usize = dims.iter().product();
    let mut idx = vec![0usize; n];
    for _ in 0..size.min(4096) {
        // Exact in i128: lapis accepted the wrap, so the true offset must
        // lie in the buffer; an i64 overflow here would be a finding.
        let off: i128 = offset as i128
            + idx
                .iter()
                .zip(&strides)
                .map(|(&i, &s)| i as i128 * s as i128)
                .sum::<i128>();
        assert!(
            off >= 0 && off + isz as i128 <= nbytes as i128,
            "element {idx:?} at byte {off} lies outside the {nbytes} wrapped bytes"
        );
        let want = decode(&buf.0, off as usize, dtype);
        let got = get(h, &idx);
        assert!(
            same(got.re, want.re) && same(got.im, want.im),
            "element {idx:?}"
        );
        // Next index in C order.
        for k in (0..n).rev() {
            idx[k] += 1;
            if idx[k] < dims[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    if size <= 4096 {
        let mut c: H = std::ptr::null_mut();
        // SAFETY: live handle; `c` is writable.
        let st = unsafe { lapis_array_copy(h, 0, &mut c) };
        assert_eq!(st, OK, "copy of an accepted wrap");
        free(c);
    }
    free(h);
});
