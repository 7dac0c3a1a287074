//! (c) `lapis_einsum` with arbitrary subscript strings over up to three
//! small operands: a defined status, never a crash or a caught panic, and
//! on success a result whose shape follows the output labels.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "ffi.rs"]
mod ffi;
use ffi::*;

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let nops = b.below(4);
    let mut ops: Vec<H> = Vec::new();
    for _ in 0..nops {
        let nd = b.below(4);
        let shape: Vec<i64> = (0..nd).map(|_| b.below(4) as i64).collect();
        let mut h: H = std::ptr::null_mut();
        let dtype = [F32, F64, C64, C128_][b.below(4)];
        // SAFETY: `shape` holds `nd` values; `h` is writable.
        let st = unsafe { lapis_zeros(nd as i64, shape.as_ptr(), dtype, 0, &mut h) };
        assert_eq!(st, OK);
        ops.push(h);
    }
    // The subscripts: mostly einsum's alphabet, sometimes any byte.
    const ALPHABET: &[u8] = b"abcij,->. ";
    let len = b.below(24);
    let mut s: Vec<u8> = (0..len)
        .map(|_| match b.u8() {
            0..=239 => ALPHABET[b.below(ALPHABET.len())],
            x => x.max(1),
        })
        .collect();
    s.push(0);
    let mut out: H = std::ptr::null_mut();
    // SAFETY: `s` is NUL-terminated; `ops` holds `nops` live handles.
    let st = unsafe { lapis_einsum(s.as_ptr() as *const _, nops as i64, ops.as_ptr(), &mut out) };
    check_status(st, "lapis_einsum");
    if st == OK {
        shape_of(out);
        free(out);
    } else {
        assert!(out.is_null(), "a failed einsum wrote its out-pointer");
    }
    for h in ops {
        free(h);
    }
});
