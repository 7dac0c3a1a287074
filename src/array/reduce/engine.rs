//! The reduction engine: one walk, in memory order, for every reduction.
//!
//! A reduction is a [`Reducer`]: an accumulator, a step that folds one
//! element in, and a merge of two partial results (the left one covering
//! earlier elements). The engine
//!
//! 1. drops length-1 axes, turns negative strides positive (moving the
//!    base pointer, and the output offset of kept axes), sorts the reduced
//!    and the kept axes by stride and merges axes that are contiguous;
//! 2. picks the loop by memory order:
//!    * **lanes** (the innermost memory axis is reduced): every output is
//!      a pairwise reduction of lanes along that axis — NumPy's pairwise
//!      summation (blocks of 128 with 8 accumulators, halves above) on each
//!      lane, and a pairwise tree over the lanes of the other reduced axes;
//!    * **rows** (the innermost memory axis is kept): the reduced elements
//!      are folded row by row into a vector of accumulators, so memory is
//!      read in order; rows are taken in blocks of 128 and the block
//!      results merged pairwise, so accuracy matches the lane case.
//! 3. runs large problems on lapis's pool by splitting the *same* fixed
//!    trees (and ranges of independent outputs) with `rayon::join`. The
//!    decomposition never depends on the number of threads, so results are
//!    bit-identical for any thread count.

use ndarray::{ArrayView, IxDyn};

use super::super::MAX_DIMS;
use crate::error::Result;

/// Pairwise block: NumPy's `PW_BLOCKSIZE`.
const BLOCK: usize = 128;
/// Elements below which a subtree is not split across threads.
const GRAIN: usize = 1 << 15;
/// Elements from which a reduction runs on lapis's pool at all.
pub(crate) const PAR_MIN: usize = 1 << 16;
/// Columns of the rows loop per task (accumulators stay in L1).
const COLS: usize = 512;

/// One reduction: accumulator, step and merge.
pub(crate) trait Reducer<T>: Sync {
    type Acc: Copy + Send + Sync;
    /// The accumulator before any element (an exact identity of `step`).
    fn init(&self) -> Self::Acc;
    /// Folds one element in.
    fn step(&self, acc: Self::Acc, x: T) -> Self::Acc;
    /// Combines the results of two consecutive parts.
    fn merge(&self, a: Self::Acc, b: Self::Acc) -> Self::Acc;
    /// The pairwise leaf on a contiguous slice of at most 128 elements.
    /// Overrides must give the same result as [`leaf_generic`], faster.
    #[inline(always)]
    fn leaf_slice(&self, x: &[T]) -> Self::Acc
    where
        Self: Sized,
        T: Copy,
    {
        leaf_generic(self, x)
    }
    /// Folds four rows into `acc` (`acc[j]` takes `x[0][j]`, …, `x[3][j]`
    /// in turn); overrides must give the same result as [`rows4_generic`].
    #[inline(always)]
    fn step_rows4(&self, acc: &mut [Self::Acc], x: [&[T]; 4])
    where
        Self: Sized,
        T: Copy,
    {
        rows4_generic(self, acc, x)
    }
}

/// NumPy's pairwise leaf: 8 accumulators, merged as a balanced tree, then
/// the remainder (fewer than 8 elements: one running fold).
#[inline(always)]
pub(crate) fn leaf_generic<T: Copy, R: Reducer<T>>(r: &R, x: &[T]) -> R::Acc {
    let n = x.len();
    if n < 8 {
        return x.iter().fold(r.init(), |a, &v| r.step(a, v));
    }
    let mut acc = [r.init(); 8];
    let full = n / 8 * 8;
    for c in x[..full].chunks_exact(8) {
        for k in 0..8 {
            acc[k] = r.step(acc[k], c[k]);
        }
    }
    let res = r.merge(
        r.merge(r.merge(acc[0], acc[1]), r.merge(acc[2], acc[3])),
        r.merge(r.merge(acc[4], acc[5]), r.merge(acc[6], acc[7])),
    );
    x[full..].iter().fold(res, |a, &v| r.step(a, v))
}

/// Four rows folded into `acc`, one element at a time.
#[inline(always)]
pub(crate) fn rows4_generic<T: Copy, R: Reducer<T>>(r: &R, acc: &mut [R::Acc], x: [&[T]; 4]) {
    let n = acc.len();
    let (x0, x1, x2, x3) = (&x[0][..n], &x[1][..n], &x[2][..n], &x[3][..n]);
    for j in 0..n {
        acc[j] = r.step(r.step(r.step(r.step(acc[j], x0[j]), x1[j]), x2[j]), x3[j]);
    }
}

// The pointer contract of the unsafe functions below. A walk from `p` over
// axes `axes` reads `p.offset(Σ i_k·s_k)` for every index with `i_k < len_k`.
// `reduce` builds all axes from one `ArrayView`, with every stride made
// non-negative by moving `p` to the view's lowest element, so each such
// address is an element of that view: initialized, aligned, and not written
// while the view is borrowed. Outputs are written at `dst.offset(Σ i_k·o_k)`
// over the kept axes: distinct accumulators of `reduce`'s `out` vector
// (C-order strides of the kept axes; a flipped axis has its stride negated
// and the base moved to its last position), and the task splits give each
// output index to exactly one task.
/// An axis of the walk: length, input and output element strides.
#[derive(Clone, Copy, Debug)]
struct Ax {
    len: usize,
    s: isize,
    o: isize,
}

/// A raw pointer that may cross threads (each task touches its own part).
#[derive(Clone, Copy)]
struct Ptr<T>(*mut T);
// SAFETY: `Ptr` is a bare address. The engine sends or shares it only for
// `T: Send + Sync` inputs, which tasks only read, and `R::Acc: Send + Sync`
// outputs, which tasks write at disjoint positions (the contract above).
unsafe impl<T> Send for Ptr<T> {}
// SAFETY: as for `Send` just above: shared reads of the input, disjoint
// writes of the output.
unsafe impl<T> Sync for Ptr<T> {}

/// Offsets of item `m` over `axes` (outer → inner): (input, output).
#[inline]
fn offset_of(axes: &[Ax], mut m: usize) -> (isize, isize) {
    let (mut off, mut out) = (0isize, 0isize);
    for a in axes.iter().rev() {
        let i = m % a.len;
        m /= a.len;
        off += i as isize * a.s;
        out += i as isize * a.o;
    }
    (off, out)
}

/// An odometer over `axes` (outer → inner) tracking input and output offsets.
struct Odo<'a> {
    axes: &'a [Ax],
    idx: [usize; MAX_DIMS],
    off: isize,
    out: isize,
}

impl<'a> Odo<'a> {
    fn new(axes: &'a [Ax], start: usize) -> Self {
        let mut idx = [0usize; MAX_DIMS];
        let mut m = start;
        for (k, a) in axes.iter().enumerate().rev() {
            idx[k] = m % a.len;
            m /= a.len;
        }
        let (off, out) = offset_of(axes, start);
        Odo {
            axes,
            idx,
            off,
            out,
        }
    }

    #[inline]
    fn advance(&mut self) {
        for k in (0..self.axes.len()).rev() {
            let a = self.axes[k];
            self.idx[k] += 1;
            self.off += a.s;
            self.out += a.o;
            if self.idx[k] < a.len {
                return;
            }
            self.idx[k] = 0;
            self.off -= a.len as isize * a.s;
            self.out -= a.len as isize * a.o;
        }
    }
}

/// Runs `a` and `b`, in parallel when `par`.
#[inline]
fn join<A: Send, B: Send>(
    par: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if par { rayon::join(a, b) } else { (a(), b()) }
}

/// Reduces `a` over the axes where `mask` is true. Returns the
/// accumulators of the kept axes in C order (length: product of the kept
/// lengths, 1 if none).
///
/// # Errors
/// `OutOfMemory` (or `SizeOverflow`) when the accumulators cannot be
/// allocated.
pub(crate) fn reduce<T: Copy + Send + Sync, R: Reducer<T>>(
    routine: &'static str,
    r: &R,
    a: &ArrayView<'_, T, IxDyn>,
    mask: &[bool],
) -> Result<Vec<R::Acc>> {
    let _profile = crate::profile::scope(routine);
    let shape = a.shape();
    let nd = shape.len();
    // Output strides: C order over the kept axes.
    let mut ostr = [0isize; MAX_DIMS];
    let mut nk = 1usize;
    for k in (0..nd).rev() {
        if !mask[k] {
            ostr[k] = nk as isize;
            nk *= shape[k];
        }
    }
    let mut out = crate::alloc::try_vec(routine, nk, r.init())?;
    if nk == 0 || shape.contains(&0) {
        return Ok(out); // no outputs, or nothing reduced into them
    }
    let mut ptr = a.as_ptr();
    let mut obase = 0isize;
    let (mut red, mut kept) = (Vec::with_capacity(nd), Vec::with_capacity(nd));
    for k in 0..nd {
        let (len, mut s) = (shape[k], a.strides()[k]);
        if len == 1 {
            continue;
        }
        let mut o = ostr[k];
        if s < 0 {
            ptr = ptr.wrapping_offset((len as isize - 1) * s);
            s = -s;
            if !mask[k] {
                obase += (len as isize - 1) * o;
                o = -o;
            }
        }
        let ax = Ax { len, s, o };
        if mask[k] { red.push(ax) } else { kept.push(ax) }
    }
    let red = merge_axes(red);
    let kept = merge_axes(kept);
    let total = a.len();
    let par = total >= PAR_MIN && crate::parallel::threads() > 1;
    let src = Ptr(ptr as *mut T);
    let dst = Ptr(out.as_mut_ptr().wrapping_offset(obase));
    let run = || {
        let lanes = match (red.last(), kept.last()) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(r0), Some(k0)) => r0.s <= k0.s,
        };
        // SAFETY: the view's elements are readable for the call; every
        // output offset is in `out` and written by exactly one task.
        unsafe {
            if lanes {
                lanes_outputs(r, src, dst, &red, &kept, 0, nk, par);
            } else {
                rows_outputs(r, src, dst, &red, &kept, par);
            }
        }
    };
    if par {
        crate::parallel::install(run);
    } else {
        run();
    }
    Ok(out)
}

/// Sorts axes by decreasing input stride (output stride breaks ties) and
/// merges neighbours that are contiguous in input and output.
fn merge_axes(mut axes: Vec<Ax>) -> Vec<Ax> {
    axes.sort_by(|a, b| {
        b.s.cmp(&a.s)
            .then(b.o.unsigned_abs().cmp(&a.o.unsigned_abs()))
    });
    let mut merged: Vec<Ax> = Vec::with_capacity(axes.len());
    for ax in axes.into_iter().rev() {
        // `ax` is outside everything merged so far.
        if let Some(inner) = merged.last_mut()
            && ax.s == inner.s * inner.len as isize
            && ax.o == inner.o * inner.len as isize
        {
            inner.len *= ax.len;
            continue;
        }
        merged.push(ax);
    }
    merged.reverse();
    merged
}

// ---------------------------------------------------------------- lanes

/// Pairwise reduction of one lane of `n` elements at `p` with stride `s`.
/// # Safety
/// `p.offset(i·s)` for every `i < n` must be a readable element of the
/// walk's input (the pointer contract above).
unsafe fn lane<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    p: Ptr<T>,
    n: usize,
    s: isize,
    par: bool,
) -> R::Acc {
    if n <= BLOCK {
        // SAFETY: our contract gives `n` readable elements at `p` with stride `s`,
        // which is `leaf`'s contract.
        return unsafe { leaf(r, p.0, n, s) };
    }
    let half = n / 2 / 8 * 8;
    let q = Ptr(p.0.wrapping_offset(half as isize * s));
    let par = par && n >= 2 * GRAIN;
    let (a, b) = join(
        par,
        // SAFETY: elements `0..half` of this lane, within our `n`; read only.
        || unsafe { lane(r, p, half, s, par) },
        // SAFETY: elements `half..n` of this lane (`q` is `p` moved `half` strides).
        || unsafe { lane(r, q, n - half, s, par) },
    );
    r.merge(a, b)
}

/// NumPy's pairwise leaf: 8 accumulators, merged as a balanced tree.
/// # Safety
/// `p.offset(i·s)` for every `i < n` must be a readable element of the
/// walk's input (the pointer contract above).
#[inline]
unsafe fn leaf<T: Copy, R: Reducer<T>>(r: &R, p: *const T, n: usize, s: isize) -> R::Acc {
    if n < 8 {
        let mut acc = r.init();
        for i in 0..n {
            // SAFETY: `i < n`: one of the `n` readable elements of our contract.
            acc = r.step(acc, unsafe { *p.offset(i as isize * s) });
        }
        return acc;
    }
    if s == 1 {
        // SAFETY: with `s == 1` our `n` elements are contiguous from `p`, and
        // nothing writes them while the slice lives.
        return r.leaf_slice(unsafe { std::slice::from_raw_parts(p, n) });
    }
    let mut acc = [r.init(); 8];
    let full = n / 8 * 8;
    {
        let mut i = 0;
        while i < full {
            for (k, a) in acc.iter_mut().enumerate() {
                // SAFETY: `i + k < full <= n`: one of the `n` elements of our contract.
                *a = r.step(*a, unsafe { *p.offset((i + k) as isize * s) });
            }
            i += 8;
        }
    }
    let mut res = r.merge(
        r.merge(r.merge(acc[0], acc[1]), r.merge(acc[2], acc[3])),
        r.merge(r.merge(acc[4], acc[5]), r.merge(acc[6], acc[7])),
    );
    for i in full..n {
        // SAFETY: `full <= i < n`: one of the `n` elements of our contract.
        res = r.step(res, unsafe { *p.offset(i as isize * s) });
    }
    res
}

/// Reduction of one output in the lanes loop: a pairwise tree over the
/// lanes `lo..hi` of the outer reduced axes.
/// # Safety
/// For every lane `m` in `lo..hi` of `outer` (offset `off` from
/// [`offset_of`]) and every `i < inner.len`, `p.0.offset(off + i·inner.s)`
/// must be a readable element of the walk's input (the pointer contract
/// above).
unsafe fn lanes_tree<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    p: Ptr<T>,
    outer: &[Ax],
    inner: Ax,
    lo: usize,
    hi: usize,
    par: bool,
) -> R::Acc {
    if hi - lo <= 8 {
        let mut odo = Odo::new(outer, lo);
        let mut acc = None;
        for _ in lo..hi {
            let q = Ptr(p.0.wrapping_offset(odo.off));
            // SAFETY: the odometer is at lane `m` of `lo..hi`; our contract covers its
            // `inner.len` elements with stride `inner.s`.
            let v = unsafe { lane(r, q, inner.len, inner.s, par) };
            acc = Some(match acc {
                None => v,
                Some(a) => r.merge(a, v),
            });
            odo.advance();
        }
        return acc.unwrap_or_else(|| r.init());
    }
    let mid = lo + (hi - lo) / 2;
    let par = par && (hi - lo) * inner.len >= 2 * GRAIN;
    let (a, b) = join(
        par,
        // SAFETY: `lo..mid` is a sub-range of our `lo..hi`; read only.
        || unsafe { lanes_tree(r, p, outer, inner, lo, mid, par) },
        // SAFETY: `mid..hi` is a sub-range of our `lo..hi`; read only.
        || unsafe { lanes_tree(r, p, outer, inner, mid, hi, par) },
    );
    r.merge(a, b)
}

/// The lanes loop over the outputs `lo..hi` (in the odometer order of `kept`).
/// # Safety
/// For every output `m` in `lo..hi` of `kept`, every lane of `red`'s outer
/// axes and every element of its last axis, the input address built from
/// `src` must be readable, and `dst` moved by the output offset of `m` must
/// be a writable accumulator that no other running task accesses (the
/// pointer contract above).
#[allow(clippy::too_many_arguments)]
unsafe fn lanes_outputs<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    src: Ptr<T>,
    dst: Ptr<R::Acc>,
    red: &[Ax],
    kept: &[Ax],
    lo: usize,
    hi: usize,
    par: bool,
) {
    let (inner, outer) = match red.split_last() {
        Some((i, o)) => (*i, o),
        None => (Ax { len: 1, s: 0, o: 0 }, &[][..]),
    };
    let items: usize = outer.iter().map(|a| a.len).product();
    let per = items * inner.len;
    if par && hi - lo > 1 && (hi - lo) * per >= 2 * GRAIN {
        let mid = lo + (hi - lo) / 2;
        join(
            true,
            // SAFETY: `lo..mid` and `mid..hi` split our outputs: the two tasks write
            // disjoint accumulators and share only reads of the input.
            || unsafe { lanes_outputs(r, src, dst, red, kept, lo, mid, par) },
            // SAFETY: the second half of the split just above.
            || unsafe { lanes_outputs(r, src, dst, red, kept, mid, hi, par) },
        );
        return;
    }
    let mut odo = Odo::new(kept, lo);
    for _ in lo..hi {
        let p = Ptr(src.0.wrapping_offset(odo.off));
        // SAFETY: output `m` of `lo..hi` starts at input offset `odo.off`; our
        // contract covers its `items` lanes of `inner.len` elements.
        let v = unsafe { lanes_tree(r, p, outer, inner, 0, items, par) };
        // SAFETY: `odo.out` is output `m`'s accumulator in `out`, ours alone.
        unsafe { *dst.0.offset(odo.out) = v };
        odo.advance();
    }
}

// ----------------------------------------------------------------- rows

/// Folds `n` elements at `p` (stride `s`) into `acc` elementwise.
/// # Safety
/// `p.offset(j·s)` for every `j < acc.len()` must be a readable element of
/// the walk's input (the pointer contract above).
#[inline]
unsafe fn step_row<T: Copy, R: Reducer<T>>(r: &R, acc: &mut [R::Acc], p: *const T, s: isize) {
    if s == 1 {
        // SAFETY: with `s == 1` our `acc.len()` elements are contiguous from `p`, and
        // nothing writes them while `x` lives.
        let x = unsafe { std::slice::from_raw_parts(p, acc.len()) };
        for (a, &v) in acc.iter_mut().zip(x) {
            *a = r.step(*a, v);
        }
    } else {
        for (j, a) in acc.iter_mut().enumerate() {
            // SAFETY: `j < acc.len()`: one of the elements of our contract.
            *a = r.step(*a, unsafe { *p.offset(j as isize * s) });
        }
    }
}

/// Rows `lo..hi` of the reduced axes folded into `acc` (overwritten), as a
/// pairwise tree of blocks of 128 rows; `scratch` holds the partial
/// vectors of the tree's levels.
/// # Safety
/// For every reduced index `m` in `lo..hi` of `red` (offset `off` from
/// [`offset_of`]) and every `j < acc.len()`, `p.0.offset(off + j·sk)` must
/// be a readable element of the walk's input (the pointer contract above).
#[allow(clippy::too_many_arguments)]
unsafe fn rows_tree<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    p: Ptr<T>,
    red: &[Ax],
    sk: isize,
    lo: usize,
    hi: usize,
    acc: &mut [R::Acc],
    scratch: &mut [R::Acc],
    par: bool,
) {
    let c = acc.len();
    let blocks = (hi - lo).div_ceil(BLOCK);
    if blocks <= 1 {
        acc.fill(r.init());
        let mut odo = Odo::new(red, lo);
        let mut m = lo;
        if sk == 1 {
            // Four rows per pass over the accumulators (same order of
            // operations as one at a time, a quarter of the traffic).
            while m + 4 <= hi {
                let c = acc.len();
                let mut q: [&[T]; 4] = [&[]; 4];
                for qi in &mut q {
                    // SAFETY: `sk == 1` and row `m + qi < hi` starts at `odo.off`: our contract
                    // covers its `c = acc.len()` contiguous elements, read only.
                    *qi = unsafe { std::slice::from_raw_parts(p.0.wrapping_offset(odo.off), c) };
                    odo.advance();
                }
                r.step_rows4(acc, q);
                m += 4;
            }
        }
        while m < hi {
            // SAFETY: row `m < hi` starts at `odo.off`; our contract covers its
            // `acc.len()` elements with stride `sk`.
            unsafe { step_row(r, acc, p.0.wrapping_offset(odo.off), sk) };
            odo.advance();
            m += 1;
        }
        return;
    }
    let mid = lo + blocks / 2 * BLOCK;
    let par = par && (hi - lo) * c >= 2 * GRAIN;
    if par {
        let mut tmp = vec![r.init(); c];
        let mut scratch2 = vec![r.init(); scratch.len()];
        rayon::join(
            // SAFETY: `lo..mid` is a sub-range of our rows; this task writes only `acc`
            // and `scratch`, the other only `tmp` and `scratch2`.
            || unsafe { rows_tree(r, p, red, sk, lo, mid, acc, scratch, par) },
            // SAFETY: `mid..hi` is a sub-range of our rows (see just above).
            || unsafe { rows_tree(r, p, red, sk, mid, hi, &mut tmp, &mut scratch2, par) },
        );
        for (a, &b) in acc.iter_mut().zip(&tmp) {
            *a = r.merge(*a, b);
        }
    } else {
        let (tmp, rest) = scratch.split_at_mut(c);
        // SAFETY: both halves are sub-ranges of our rows `lo..hi`, run in turn.
        unsafe {
            rows_tree(r, p, red, sk, lo, mid, acc, rest, false);
            rows_tree(r, p, red, sk, mid, hi, tmp, rest, false);
        }
        for (a, &b) in acc.iter_mut().zip(tmp.iter()) {
            *a = r.merge(*a, b);
        }
    }
}

/// The rows loop: tasks are (outer kept index, column chunk) pairs.
/// # Safety
/// `src` over `red` and `kept` must satisfy the pointer contract above for
/// every index of both, and `dst` over `kept`'s output strides must address
/// writable accumulators that nothing else accesses during the call.
unsafe fn rows_outputs<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    src: Ptr<T>,
    dst: Ptr<R::Acc>,
    red: &[Ax],
    kept: &[Ax],
    par: bool,
) {
    // No kept axis here means no axis at all (a 0-d or all-ones array).
    let one = [Ax { len: 1, s: 0, o: 0 }];
    let (&inner, outer) = kept.split_last().unwrap_or((&one[0], &[]));
    // No reduced axis (an empty axis set, or only length-1 axes): one row.
    let red = if red.is_empty() { &one[..] } else { red };
    let items: usize = red.iter().map(|a| a.len).product();
    let chunks = inner.len.div_ceil(COLS);
    let outers: usize = outer.iter().map(|a| a.len).product();
    let tasks = outers * chunks;
    let depth = (usize::BITS - items.div_ceil(BLOCK).leading_zeros()) as usize + 1;
    // SAFETY: tasks `0..tasks` are the (outer kept index, column chunk) pairs of
    // `outer` × `inner`, and rows are `red`'s indexes (or, with `one`, offset 0
    // of each column): all covered by our contract.
    unsafe {
        rows_tasks(
            r,
            src,
            dst,
            red,
            outer,
            inner,
            (0, tasks),
            items,
            depth,
            par,
        )
    };
}

/// Runs the tasks `lo..hi` of the rows loop: task `t` is the outer kept
/// index `t / chunks` and the column chunk `t % chunks` of `inner`.
///
/// # Safety
/// As for [`rows_outputs`], for the outputs of the tasks `lo..hi`.
#[allow(clippy::too_many_arguments)]
unsafe fn rows_tasks<T: Copy + Send + Sync, R: Reducer<T>>(
    r: &R,
    src: Ptr<T>,
    dst: Ptr<R::Acc>,
    red: &[Ax],
    outer: &[Ax],
    inner: Ax,
    (lo, hi): (usize, usize),
    items: usize,
    depth: usize,
    par: bool,
) {
    let chunks = inner.len.div_ceil(COLS);
    let per = items * COLS.min(inner.len);
    if par && hi - lo > 1 && (hi - lo) * per >= 2 * GRAIN {
        let mid = lo + (hi - lo) / 2;
        join(
            true,
            // SAFETY: `lo..mid` and `mid..hi` split our tasks: disjoint outputs, shared
            // reads of the input.
            || unsafe { rows_tasks(r, src, dst, red, outer, inner, (lo, mid), items, depth, par) },
            // SAFETY: the second half of the split just above.
            || unsafe { rows_tasks(r, src, dst, red, outer, inner, (mid, hi), items, depth, par) },
        );
        return;
    }
    let width = COLS.min(inner.len);
    // Bounded whatever the caller's shape (width ≤ COLS, depth ≤ 65: at
    // most 33,280 accumulators), so the infallible allocator is fine here,
    // as for `tmp` in `rows_tree` (c ≤ COLS).
    let mut acc = vec![r.init(); width];
    let mut scratch = vec![r.init(); width * depth];
    for t in lo..hi {
        let (o, ch) = (t / chunks, t % chunks);
        let (ioff, ooff) = offset_of(outer, o);
        let j0 = ch * COLS;
        let c = COLS.min(inner.len - j0);
        let p = Ptr(src.0.wrapping_offset(ioff + j0 as isize * inner.s));
        let acc = &mut acc[..c];
        // SAFETY: task `t` is outer index `o` at input offset `ioff`, columns
        // `j0..j0 + c` of `inner` (`c <= inner.len - j0`); our contract covers these
        // columns in every reduced row.
        unsafe {
            rows_tree(
                r,
                p,
                red,
                inner.s,
                0,
                items,
                acc,
                &mut scratch[..c * depth],
                par,
            )
        };
        for (j, &v) in acc.iter().enumerate() {
            let at = ooff + (j0 + j) as isize * inner.o;
            // SAFETY: `j0 + j < inner.len`: the accumulator of output (`o`, `j0 + j`),
            // written by task `t` alone.
            unsafe { *dst.0.offset(at) = v };
        }
    }
}
