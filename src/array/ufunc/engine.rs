//! The strided n-ary loop behind every ufunc: one output and up to three
//! inputs over a broadcast shape, given as pointers and byte strides (zero
//! on broadcast axes).
//!
//! The walk drops length-1 axes, orders the rest by the output's memory
//! order (largest stride outermost), merges axes that are contiguous in
//! every operand, and hands the innermost run ("row") to a kernel that
//! gets its length, pointers and strides. Above a size threshold the rows
//! (or, for one long row, pieces of it) are spread over lapis's thread
//! pool; every element is computed by the same scalar code whatever the
//! thread count, so elementwise results never depend on it.

use rayon::prelude::*;

use crate::array::MAX_DIMS;

/// The kernel for one row: length (at least 1: [`run`] returns early on an
/// empty shape), operand pointers (output first) and their byte strides
/// along the row.
pub(crate) type Row<'a, const N: usize> = dyn Fn(usize, [*mut u8; N], [isize; N]) + Sync + 'a;

/// Pointers that rayon's closures may carry: the caller of [`run`] vouches
/// that the operands may be accessed from the pool's threads.
#[derive(Clone, Copy)]
struct Ptrs<const N: usize>([*mut u8; N]);
// SAFETY: see `run`'s contract: disjoint rows write disjoint elements.
unsafe impl<const N: usize> Send for Ptrs<N> {}
// SAFETY: as for `Send`: the tasks only read the pointers, and the rows they
// hand them to are disjoint.
unsafe impl<const N: usize> Sync for Ptrs<N> {}

impl<const N: usize> Ptrs<N> {
    /// The pointers (a method, so closures capture the whole `Send` value).
    fn get(self) -> [*mut u8; N] {
        self.0
    }
}

/// A merged iteration space: `shape[0]` is the innermost axis.
struct Space<const N: usize> {
    ndim: usize,
    shape: [usize; MAX_DIMS],
    strides: [[isize; MAX_DIMS]; N],
}

// Operand-indexed loops read clearer as index loops here.
#[allow(clippy::needless_range_loop)]
impl<const N: usize> Space<N> {
    /// Drops length-1 axes, orders by the output's strides, merges.
    fn new(shape: &[usize], strides: &[&[isize]; N]) -> Self {
        let mut axes = [0usize; MAX_DIMS];
        let mut n = 0;
        for (k, &len) in shape.iter().enumerate() {
            if len > 1 {
                axes[n] = k;
                n += 1;
            }
        }
        // Output's memory order, innermost (smallest |stride|) first; the
        // stable sort keeps C order among ties (broadcast output axes).
        let axes = &mut axes[..n];
        axes.reverse();
        axes.sort_by_key(|&k| strides[0][k].unsigned_abs());
        let mut sp = Space {
            ndim: 0,
            shape: [0; MAX_DIMS],
            strides: [[0; MAX_DIMS]; N],
        };
        for &k in axes.iter() {
            let len = shape[k];
            let m = sp.ndim;
            let mergeable = m > 0
                && (0..N).all(|o| sp.shape[m - 1] as isize * sp.strides[o][m - 1] == strides[o][k]);
            if mergeable {
                sp.shape[m - 1] *= len;
            } else {
                sp.shape[m] = len;
                for o in 0..N {
                    sp.strides[o][m] = strides[o][k];
                }
                sp.ndim += 1;
            }
        }
        sp
    }

    fn inner(&self) -> usize {
        if self.ndim == 0 { 1 } else { self.shape[0] }
    }

    fn inner_strides(&self) -> [isize; N] {
        std::array::from_fn(|o| self.strides[o][0])
    }

    /// The pointers of row `r` (rows numbered in the outer axes' order).
    fn row_ptrs(&self, base: [*mut u8; N], mut r: usize) -> [*mut u8; N] {
        let mut p = base;
        for k in 1..self.ndim {
            let i = r % self.shape[k];
            r /= self.shape[k];
            for o in 0..N {
                p[o] = p[o].wrapping_offset(i as isize * self.strides[o][k]);
            }
        }
        p
    }

    /// Calls `row` for rows `start..end` in order, stepping the pointers
    /// like an odometer.
    fn rows(&self, base: [*mut u8; N], start: usize, end: usize, row: &Row<'_, N>) {
        let len = self.inner();
        let st = self.inner_strides();
        let mut idx = [0usize; MAX_DIMS];
        let mut r = start;
        for (k, i) in idx.iter_mut().enumerate().take(self.ndim).skip(1) {
            *i = r % self.shape[k];
            r /= self.shape[k];
        }
        let mut p = self.row_ptrs(base, start);
        for _ in start..end {
            row(len, p, st);
            let mut k = 1;
            while k < self.ndim {
                idx[k] += 1;
                for o in 0..N {
                    p[o] = p[o].wrapping_offset(self.strides[o][k]);
                }
                if idx[k] < self.shape[k] {
                    break;
                }
                for o in 0..N {
                    p[o] = p[o].wrapping_offset(-(self.strides[o][k] * self.shape[k] as isize));
                }
                idx[k] = 0;
                k += 1;
            }
        }
    }
}

/// The per-operand strides if every operand walks `shape` as one run of
/// uniform stride in C order or in F order (the common case of
/// contiguous operands), else `None`.
fn single_run<const N: usize>(shape: &[usize], strides: &[&[isize]; N]) -> Option<[isize; N]> {
    uniform_run(shape, strides, shape.len(), true)
        .or_else(|| uniform_run(shape, strides, shape.len(), false))
}

/// [`single_run`] in one axis order (`c_order`: last axis innermost).
#[inline]
fn uniform_run<const N: usize>(
    shape: &[usize],
    strides: &[&[isize]; N],
    ndim: usize,
    c_order: bool,
) -> Option<[isize; N]> {
    let mut step: [isize; N] = [0; N];
    let mut reach: [isize; N] = [0; N];
    let mut first = true;
    for i in 0..ndim {
        let k = if c_order { ndim - 1 - i } else { i };
        let len = shape[k];
        if len == 1 {
            continue;
        }
        for o in 0..N {
            let st = strides[o][k];
            if first {
                step[o] = st;
            } else if st != reach[o] {
                return None;
            }
            reach[o] = st * len as isize;
        }
        first = false;
    }
    Some(step)
}

/// Runs `row` over every element of `shape`.
///
/// `parallel_min` is the element count from which the work is spread over
/// lapis's pool (`usize::MAX`: never).
///
/// # Safety
/// For every operand `o` and index of `shape`, `ptrs[o] + Σ iₖ·strides[o][k]`
/// must be a valid element; operand 0 (the output) must be writable with
/// distinct elements and nothing else may access it during the call;
/// inputs may alias the output only exactly (same pointer and strides).
pub(crate) unsafe fn run<const N: usize>(
    shape: &[usize],
    ptrs: [*mut u8; N],
    strides: [&[isize]; N],
    parallel_min: usize,
    row: &Row<'_, N>,
) {
    if shape.contains(&0) {
        return;
    }
    let total: usize = shape.iter().product();
    if total < parallel_min
        && let Some(st) = single_run(shape, &strides)
    {
        // One uniform-stride run (every contiguous C- or F-order
        // operand set): no axis bookkeeping.
        row(total, ptrs, st);
        return;
    }
    let sp = Space::new(shape, &strides);
    let threads = if total >= parallel_min {
        crate::parallel::threads()
    } else {
        1
    };
    let len = sp.inner();
    let nrows = total / len;
    if threads <= 1 {
        sp.rows(ptrs, 0, nrows, row);
        return;
    }
    let base = Ptrs(ptrs);
    let st = sp.inner_strides();
    // About four pieces per thread, so an uneven machine still balances.
    let pieces = 4 * threads;
    crate::parallel::install(|| {
        if nrows >= pieces {
            let chunk = nrows.div_ceil(pieces);
            (0..pieces).into_par_iter().for_each(|c| {
                let (s, e) = (c * chunk, ((c + 1) * chunk).min(nrows));
                if s < e {
                    sp.rows(base.get(), s, e, row);
                }
            });
        } else {
            // Few long rows: split each row into cache-line-aligned pieces.
            let per = len.div_ceil(pieces).next_multiple_of(64);
            let npieces = len.div_ceil(per);
            (0..nrows * npieces).into_par_iter().for_each(|c| {
                let (r, piece) = (c / npieces, c % npieces);
                let s = piece * per;
                let n = per.min(len - s);
                let p = sp.row_ptrs(base.get(), r);
                let p: [*mut u8; N] =
                    std::array::from_fn(|o| p[o].wrapping_offset(s as isize * st[o]));
                row(n, p, st);
            });
        }
    });
}
