//! Filling an output: every element's words come from its stream position
//! alone, so any split of the output into pieces whose first positions are
//! known gives the same values, serial or parallel.

use ndarray::{ArrayViewMut, Axis, Dimension, Ix1, Ix2, Ix3, IxDyn};
use rayon::prelude::*;

use super::CHUNK_LEN;
use super::philox::{Key, main_words};

/// Elements generated per batch inside a chunk: the Philox words for a
/// batch go to a stack buffer, then are mapped to values.
const BATCH: usize = 256;

/// The map from an element's words (and, rarely, its extra sequence) to
/// its value.
pub(super) trait Dist<T>: Sync {
    /// Stream words one element consumes (1 or 2; [`fill_iter`]'s buffer
    /// holds `2·BATCH`).
    const WORDS: usize;
    /// The element whose `WORDS` words are `w`, the first at position `pos`.
    fn sample(&self, w: &[u64], pos: u64, key: Key) -> T;
}

/// Fills the view with the elements from position `pos` on; in parallel
/// chunks of [`CHUNK_LEN`] elements when `parallel`.
pub(super) fn fill_view<T: Send, S: Dist<T>, D: Dimension>(
    key: Key,
    pos: u64,
    dist: &S,
    mut v: ArrayViewMut<'_, T, D>,
    parallel: bool,
) {
    if let Some(s) = v.as_slice_mut() {
        if parallel {
            s.par_chunks_mut(CHUNK_LEN)
                .enumerate()
                .for_each(|(c, chunk)| {
                    let start = pos + (c * CHUNK_LEN * S::WORDS) as u64;
                    fill_slice(key, start, dist, chunk);
                });
        } else {
            fill_slice(key, pos, dist, s);
        }
    } else if parallel {
        split(key, pos, dist, v);
    } else {
        fill_strided(key, pos, dist, v);
    }
}

/// Parallel fill of a strided view: halves along the first axis longer
/// than 1. The axes before it have length 1, so the first half is exactly
/// the first `mid·inner` elements in logical order.
fn split<T: Send, S: Dist<T>, D: Dimension>(
    key: Key,
    pos: u64,
    dist: &S,
    v: ArrayViewMut<'_, T, D>,
) {
    let n = v.len();
    match v.shape().iter().position(|&len| len > 1) {
        Some(ax) if n > CHUNK_LEN => {
            let len = v.len_of(Axis(ax));
            let mid = len / 2;
            let offset = (mid * (n / len) * S::WORDS) as u64;
            let (a, b) = v.split_at(Axis(ax), mid);
            rayon::join(
                || split(key, pos, dist, a),
                || split(key, pos + offset, dist, b),
            );
        }
        _ => fill_strided(key, pos, dist, v),
    }
}

/// Serial fill of a view of any strides, in logical order.
///
/// ndarray's iterator over an `IxDyn` view is several times slower than
/// over a fixed dimension, so the view is first simplified without changing
/// its logical order (axes merged into the last one where the strides
/// allow, axes of length 1 dropped) and iterated as 1-, 2- or 3-D where it
/// can be; higher dimensions go row by row.
fn fill_strided<T, S: Dist<T>, D: Dimension>(
    key: Key,
    pos: u64,
    dist: &S,
    v: ArrayViewMut<'_, T, D>,
) {
    if v.len() <= 1 {
        return fill_iter(key, pos, dist, v.into_iter());
    }
    let mut v = v.into_dyn();
    let last = Axis(v.ndim() - 1);
    for ax in (0..last.index()).rev() {
        if !v.merge_axes(Axis(ax), last) {
            break;
        }
    }
    let mut ax = 0;
    while ax < v.ndim() {
        if v.len_of(Axis(ax)) == 1 {
            v.index_axis_inplace(Axis(ax), 0);
        } else {
            ax += 1;
        }
    }
    // At least one axis is left: the view has two or more elements.
    let done = match v.ndim() {
        1 => fill_fixed::<_, _, Ix1>(key, pos, dist, &mut v),
        2 => fill_fixed::<_, _, Ix2>(key, pos, dist, &mut v),
        3 => fill_fixed::<_, _, Ix3>(key, pos, dist, &mut v),
        _ => false,
    };
    if !done {
        let row_words = (v.len_of(Axis(v.ndim() - 1)) * S::WORDS) as u64;
        for (r, mut row) in v.rows_mut().into_iter().enumerate() {
            fill_iter(key, pos + r as u64 * row_words, dist, row.iter_mut());
        }
    }
}

/// Fills `v` through a view of the fixed dimension `E`; `false` (nothing
/// written) if `v` does not have `E`'s number of axes.
fn fill_fixed<T, S: Dist<T>, E: Dimension>(
    key: Key,
    pos: u64,
    dist: &S,
    v: &mut ArrayViewMut<'_, T, IxDyn>,
) -> bool {
    match v.view_mut().into_dimensionality::<E>() {
        Ok(f) => {
            fill_iter(key, pos, dist, f.into_iter());
            true
        }
        Err(_) => false,
    }
}

/// Serial fill of a contiguous slice, the first element at `pos`: as
/// [`fill_iter`], with a plain loop over each batch that the compiler can
/// unroll and vectorize (the values are the same).
fn fill_slice<T, S: Dist<T>>(key: Key, mut pos: u64, dist: &S, out: &mut [T]) {
    const { assert!(S::WORDS == 1 || S::WORDS == 2) };
    let k = S::WORDS;
    let mut buf = [0u64; 2 * BATCH];
    for xs in out.chunks_mut(BATCH) {
        let words = &mut buf[..xs.len() * k];
        main_words(key, pos, words);
        for (j, (x, w)) in xs.iter_mut().zip(words.chunks_exact(k)).enumerate() {
            *x = dist.sample(w, pos + (j * k) as u64, key);
        }
        pos += (xs.len() * k) as u64;
    }
}

/// Serial fill of the elements of `it`, the first starting at `pos`.
fn fill_iter<'a, T: 'a, S: Dist<T>>(
    key: Key,
    mut pos: u64,
    dist: &S,
    mut it: impl ExactSizeIterator<Item = &'a mut T>,
) {
    const { assert!(S::WORDS == 1 || S::WORDS == 2) };
    let k = S::WORDS;
    let mut buf = [0u64; 2 * BATCH];
    let mut left = it.len();
    while left > 0 {
        let m = left.min(BATCH);
        let words = &mut buf[..m * k];
        main_words(key, pos, words);
        for (j, (x, w)) in it.by_ref().take(m).zip(words.chunks_exact(k)).enumerate() {
            *x = dist.sample(w, pos + (j * k) as u64, key);
        }
        pos += (m * k) as u64;
        left -= m;
    }
}
