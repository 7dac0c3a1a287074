//! The strided element loop behind copies and casts: one n-d walk over
//! a source and a destination of the same shape and any byte strides,
//! converting elements between dtypes.
//!
//! The walk visits axes in the destination's memory order (largest stride
//! outermost), merges axes that are contiguous in both arrays into one,
//! and copies contiguous runs with `memcpy` (same dtype) or a slice loop
//! the compiler vectorizes (casts).

use super::MAX_DIMS;
use super::dynarray::NdArray;
use crate::dtype::DType;
use crate::error::Result;
use crate::scalar::{RealScalar, Scalar};

/// `S → D` by parts: the real and imaginary parts through `f64` (exact for
/// `f32 → f64`, correctly rounded for `f64 → f32`); the imaginary part is
/// dropped for a real `D` (callers check the casting rule first).
#[inline(always)]
fn cast<S: Scalar, D: Scalar>(x: S) -> D {
    D::from_parts(
        <D::Real as RealScalar>::from_f64_real(x.re().to_f64_real()),
        <D::Real as RealScalar>::from_f64_real(x.im().to_f64_real()),
    )
}

/// One array's pointer and strides in the walk.
struct Side {
    ptr: *mut u8,
    strides: [isize; MAX_DIMS],
}

/// Copies `src` into `dst` (a pointer and byte strides over `src`'s shape),
/// converting to `dst_dtype`, with a shared borrow of `src`'s buffer.
///
/// # Safety
/// `dst` must describe writable, aligned memory for every index of `src`'s
/// shape, not overlapping itself or `src`, that nothing else accesses
/// during the call.
pub(crate) unsafe fn copy_into(
    src: &NdArray,
    dst_ptr: *mut u8,
    dst_strides: &[isize],
    dst_dtype: DType,
) -> Result<()> {
    let _b = src.buf.borrow_shared("copy")?;
    if src.size() == 0 {
        return Ok(());
    }
    // Axes longer than 1, in the destination's memory order.
    let mut axes = [0usize; MAX_DIMS];
    let mut n = 0;
    for k in 0..src.ndim {
        if src.shape[k] > 1 {
            axes[n] = k;
            n += 1;
        }
    }
    axes[..n].sort_by_key(|&k| std::cmp::Reverse(dst_strides[k].unsigned_abs()));
    // Merge axes contiguous in both arrays (from the inside out).
    let mut shape = [0usize; MAX_DIMS];
    let mut s = Side {
        ptr: src.ptr,
        strides: [0; MAX_DIMS],
    };
    let mut d = Side {
        ptr: dst_ptr,
        strides: [0; MAX_DIMS],
    };
    let mut m = 0;
    for &k in axes[..n].iter().rev() {
        let (len, ss, ds) = (src.shape[k], src.strides[k], dst_strides[k]);
        if m > 0
            && shape[m - 1] as isize * s.strides[m - 1] == ss
            && shape[m - 1] as isize * d.strides[m - 1] == ds
        {
            shape[m - 1] *= len;
        } else {
            shape[m] = len;
            s.strides[m] = ss;
            d.strides[m] = ds;
            m += 1;
        }
    }
    // `shape` etc. now run innermost first; a 0-d or all-ones array has m = 0.
    let shape = &shape[..m];
    crate::dispatch_dtype!(src.dtype, S => crate::dispatch_dtype!(dst_dtype, D => {
        // SAFETY: the caller's contract and NdArray's invariants.
        unsafe { walk::<S, D>(shape, &s, &d) }
    }));
    Ok(())
}

/// The n-d walk; `shape[0]` is the innermost axis.
/// # Safety
/// `s` and `d` describe `shape` (innermost first) with byte strides: every
/// `s.ptr + Σ iₖ·s.strides[k]` must be a readable, aligned `S`, every
/// `d.ptr + Σ iₖ·d.strides[k]` a distinct, writable, aligned `D` that
/// nothing else accesses during the call, and the two sides must not
/// overlap.
unsafe fn walk<S: Scalar, D: Scalar>(shape: &[usize], s: &Side, d: &Side) {
    let same = S::DTYPE == D::DTYPE;
    let (ssz, dsz) = (size_of::<S>() as isize, size_of::<D>() as isize);
    let (len, si, di) = match shape.first() {
        Some(&len) => (len, s.strides[0], d.strides[0]),
        None => (1, ssz, dsz),
    };
    // SAFETY: `inner` is called only by the odometer below, with the start of
    // one row of both sides: `len` elements at strides `si`/`di` (one element
    // for a 0-d walk), all inside the sides by our contract. Strides equal to
    // the element sizes make both rows contiguous for the slice and `memcpy`
    // paths, and the sides don't overlap, so `copy_nonoverlapping` and the
    // pair of slices are sound.
    let inner = |sp: *const u8, dp: *mut u8| unsafe {
        if si == ssz && di == dsz {
            if same {
                std::ptr::copy_nonoverlapping(sp, dp, len * ssz as usize);
            } else {
                let from = std::slice::from_raw_parts(sp as *const S, len);
                let to = std::slice::from_raw_parts_mut(dp as *mut D, len);
                for (t, &f) in to.iter_mut().zip(from) {
                    *t = cast(f);
                }
            }
        } else {
            let (mut sp, mut dp) = (sp, dp);
            for _ in 0..len {
                if same {
                    // S and D are one type: a fixed-size copy.
                    std::ptr::copy_nonoverlapping(sp, dp, ssz as usize);
                } else {
                    (dp as *mut D).write(cast((sp as *const S).read()));
                }
                sp = sp.wrapping_offset(si);
                dp = dp.wrapping_offset(di);
            }
        }
    };
    let outer = shape.len().saturating_sub(1);
    let mut idx = [0usize; MAX_DIMS];
    let (mut sp, mut dp) = (s.ptr as *const u8, d.ptr);
    loop {
        inner(sp, dp);
        // Odometer over axes 1..; pointers may step past the end between
        // rows, hence wrapping arithmetic.
        let mut k = 1;
        loop {
            if k > outer {
                return;
            }
            idx[k] += 1;
            sp = sp.wrapping_offset(s.strides[k]);
            dp = dp.wrapping_offset(d.strides[k]);
            if idx[k] < shape[k] {
                break;
            }
            sp = sp.wrapping_offset(-(s.strides[k] * shape[k] as isize));
            dp = dp.wrapping_offset(-(d.strides[k] * shape[k] as isize));
            idx[k] = 0;
            k += 1;
        }
    }
}
