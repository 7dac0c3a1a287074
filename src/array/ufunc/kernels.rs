//! Row kernels: one run of elements with byte strides, for unary, binary
//! and ternary functions. Contiguous runs (and runs against one broadcast
//! element) are written as plain indexed loops over raw pointers, which
//! the compiler vectorizes after a run-time aliasing check; other strides
//! take the general loop. An output that exactly aliases an input (the
//! in-place forms) is correct on every path: element `i` is read before
//! it is written and never read again.

/// `o[i] = f(a[i])`.
///
/// # Safety
/// `n ≥ 1`, and `n` elements at the given pointers and byte strides are
/// valid (an input of stride 0 is read once even for `n = 0`, hence the
/// bound); the output aliases the input exactly or not at all.
#[inline(always)]
pub(crate) unsafe fn unary<A: Copy, O: Copy>(
    n: usize,
    [o, a]: [*mut u8; 2],
    [so, sa]: [isize; 2],
    f: impl Fn(A) -> O,
) {
    let (zo, za) = (size_of::<O>() as isize, size_of::<A>() as isize);
    let (o, a) = (o as *mut O, a as *const A);
    // SAFETY: our contract gives `n ≥ 1` valid elements at each pointer and stride.
    // The contiguous loop reads `a.add(i)` and writes `o.add(i)` for `i < n`;
    // the broadcast loop reads the one element of `a` (stride 0) and writes
    // `o`'s `n`; the general loop steps both by their byte strides. An exactly
    // aliased output is read at `i` before it is written there.
    unsafe {
        if so == zo && sa == za {
            for i in 0..n {
                o.add(i).write(f(a.add(i).read()));
            }
        } else if sa == 0 {
            let v = f(a.read());
            for i in 0..n {
                o.byte_offset(i as isize * so).write(v);
            }
        } else {
            for i in 0..n as isize {
                o.byte_offset(i * so).write(f(a.byte_offset(i * sa).read()));
            }
        }
    }
}

/// `o[i] = f(a[i], b[i])`.
///
/// # Safety
/// As [`unary`].
#[inline(always)]
pub(crate) unsafe fn binary<T: Copy, O: Copy>(
    n: usize,
    [o, a, b]: [*mut u8; 3],
    [so, sa, sb]: [isize; 3],
    f: impl Fn(T, T) -> O,
) {
    let (zo, z) = (size_of::<O>() as isize, size_of::<T>() as isize);
    let (o, a, b) = (o as *mut O, a as *const T, b as *const T);
    // SAFETY: as in `unary`: each branch's strides are the ones it tests, and
    // every address is element `i < n` of its operand (element 0 of a
    // stride-0 operand, read once before the loop).
    unsafe {
        if so == zo && sa == z && sb == z {
            for i in 0..n {
                o.add(i).write(f(a.add(i).read(), b.add(i).read()));
            }
        } else if so == zo && sa == z && sb == 0 {
            let y = b.read();
            for i in 0..n {
                o.add(i).write(f(a.add(i).read(), y));
            }
        } else if so == zo && sa == 0 && sb == z {
            let x = a.read();
            for i in 0..n {
                o.add(i).write(f(x, b.add(i).read()));
            }
        } else {
            for i in 0..n as isize {
                o.byte_offset(i * so).write(f(
                    a.byte_offset(i * sa).read(),
                    b.byte_offset(i * sb).read(),
                ));
            }
        }
    }
}

/// `o[i] = f(a[i], b[i], c[i])`.
///
/// # Safety
/// As [`unary`].
#[inline(always)]
pub(crate) unsafe fn ternary<T: Copy>(
    n: usize,
    [o, a, b, c]: [*mut u8; 4],
    [so, sa, sb, sc]: [isize; 4],
    f: impl Fn(T, T, T) -> T,
) {
    let z = size_of::<T>() as isize;
    let (o, a, b, c) = (o as *mut T, a as *const T, b as *const T, c as *const T);
    // SAFETY: as in `unary`: each branch's strides are the ones it tests, and
    // every address is element `i < n` of its operand (element 0 of a
    // stride-0 operand, read once before the loop).
    unsafe {
        if so == z && sa == z && sb == z && sc == z {
            for i in 0..n {
                o.add(i)
                    .write(f(a.add(i).read(), b.add(i).read(), c.add(i).read()));
            }
        } else if so == z && sa == z && sb == 0 && sc == z {
            let y = b.read();
            for i in 0..n {
                o.add(i).write(f(a.add(i).read(), y, c.add(i).read()));
            }
        } else {
            for i in 0..n as isize {
                o.byte_offset(i * so).write(f(
                    a.byte_offset(i * sa).read(),
                    b.byte_offset(i * sb).read(),
                    c.byte_offset(i * sc).read(),
                ));
            }
        }
    }
}

/// The widest vector instruction set the running CPU has, read once:
/// 2 = AVX-512F, 1 = AVX2 + FMA, 0 = the x86-64 baseline (SSE2).
#[inline]
pub(crate) fn simd_level() -> u8 {
    use std::sync::atomic::{AtomicU8, Ordering};
    static LEVEL: AtomicU8 = AtomicU8::new(u8::MAX);
    let l = LEVEL.load(Ordering::Relaxed);
    if l != u8::MAX {
        return l;
    }
    #[cfg(target_arch = "x86_64")]
    let l = if std::arch::is_x86_feature_detected!("avx512f") {
        2
    } else if std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("fma")
    {
        1
    } else {
        0
    };
    #[cfg(not(target_arch = "x86_64"))]
    let l = 0;
    LEVEL.store(l, Ordering::Relaxed);
    l
}

/// Compiles a row kernel three times (baseline, AVX2, AVX-512F) and picks
/// the widest the CPU runs. The element functions are inlined into each
/// copy, so arithmetic, comparisons, `sqrt` and the polynomial `exp`
/// vectorize to the CPU's width; the results are bit-identical across the
/// copies (no contraction into fused multiply-adds).
macro_rules! multiversion {
    ($name:ident, $kernel:ident, [$($g:ident: $b:path),*], $f:ident: $fb:ident($($arg:ty),*) -> $ret:ty, $n:literal) => {
        /// Multiversioned
        #[doc = concat!("[`", stringify!($kernel), "`].")]
        ///
        /// # Safety
        #[doc = concat!("As [`", stringify!($kernel), "`].")]
        pub(crate) unsafe fn $name<$($g: $b,)* F: $fb($($arg),*) -> $ret>(
            n: usize,
            p: [*mut u8; $n],
            s: [isize; $n],
            $f: &F,
        ) {
            #[cfg(target_arch = "x86_64")]
            {
                /// # Safety
                /// As the kernel it wraps, on a CPU with AVX-512F.
                #[target_feature(enable = "avx512f")]
                unsafe fn wide<$($g: $b,)* F: $fb($($arg),*) -> $ret>(n: usize, p: [*mut u8; $n], s: [isize; $n], f: &F) {
                    // SAFETY: our arguments meet the kernel's contract, and this copy runs only
                    // where AVX-512F is present.
                    unsafe { $kernel(n, p, s, f) }
                }
                /// # Safety
                /// As the kernel it wraps, on a CPU with AVX2 and FMA.
                #[target_feature(enable = "avx2,fma")]
                unsafe fn mid<$($g: $b,)* F: $fb($($arg),*) -> $ret>(n: usize, p: [*mut u8; $n], s: [isize; $n], f: &F) {
                    // SAFETY: our arguments meet the kernel's contract, and this copy runs only
                    // where AVX2 and FMA are present.
                    unsafe { $kernel(n, p, s, f) }
                }
                // SAFETY: the CPU has the features of the copy called.
                unsafe {
                    match simd_level() {
                        2 => return wide(n, p, s, $f),
                        1 => return mid(n, p, s, $f),
                        _ => {}
                    }
                }
            }
            // SAFETY: our caller meets the kernel's contract (ours is the same), and the
            // baseline copy needs no CPU feature.
            unsafe { $kernel(n, p, s, $f) }
        }
    };
}

multiversion!(unary_mv, unary, [A: Copy, O: Copy], f: Fn(A) -> O, 2);
multiversion!(binary_mv, binary, [T: Copy, O: Copy], f: Fn(T, T) -> O, 3);
multiversion!(ternary_mv, ternary, [T: Copy], f: Fn(T, T, T) -> T, 4);
