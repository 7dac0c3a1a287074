//! Typed FFT kernels on `ndarray` views: one 1-D transform along one axis
//! of a view of any strides (negative and zero included), for every line
//! of the other axes.
//!
//! Each line is transformed where it lies when it is contiguous in the
//! output; otherwise it is gathered into a per-thread scratch buffer,
//! transformed there and scattered back. Lines run in parallel on lapis's
//! pool above a size threshold; each line's arithmetic is the same whatever
//! thread runs it, so results do not depend on the thread count.

use ndarray::{ArrayView, ArrayView1, ArrayViewMut, ArrayViewMut1, Axis, IxDyn};
use num_complex::Complex;
use rayon::prelude::*;

use super::plan::{Bufs, FftFloat, czero};
use crate::alloc::{try_grow, try_with_capacity};
use crate::error::Result;

/// Buffers longer than this many elements are not kept for the next call
/// (4 MiB per buffer and thread in complex128).
const KEEP: usize = 1 << 18;

/// A thread's buffers, taken for one job and given back when dropped.
struct Scratch<R: FftFloat>(Bufs<R>);

impl<R: FftFloat> Scratch<R> {
    /// This thread's buffers, with `work` scratch elements and `real`
    /// real elements (contents unspecified); `line` keeps whatever length
    /// it had and is sized where it is used.
    fn take(work: usize, real: usize) -> Self {
        let mut b = R::bufs()
            .try_with(|c| c.try_borrow_mut().map(|mut g| std::mem::take(&mut *g)))
            .ok()
            .and_then(|r| r.ok())
            .unwrap_or_default();
        b.work.resize(work, czero());
        b.real.resize(real, R::zero());
        Scratch(b)
    }

    /// Grows this thread's buffers fallibly to `work` scratch, `real` real
    /// and `line` complex elements, for the [`take`](Self::take) of the job
    /// about to run on this thread. rustfft and realfft allocate nothing per call when
    /// handed scratch of the length they report
    /// (`get_inplace_scratch_len`/`get_scratch_len`), so after this the
    /// calling thread's lines allocate nothing. A pool thread's
    /// [`take`](Self::take) allocates the same sizes infallibly: this
    /// reservation has just shown the allocator grants them.
    ///
    /// # Errors
    /// `SizeOverflow`, `OutOfMemory`.
    fn reserve(routine: &'static str, work: usize, real: usize, line: usize) -> Result<()> {
        let slot = R::bufs();
        let grown = slot.try_with(|c| match c.try_borrow_mut() {
            Ok(mut b) => {
                try_grow(routine, &mut b.work, work, czero())?;
                try_grow(routine, &mut b.real, real, R::zero())?;
                try_grow(routine, &mut b.line, line, czero())
            }
            // Buffers in use or gone (thread teardown): the job's take
            // allocates afresh; check that the allocator grants the sizes.
            Err(_) => probe::<R>(routine, work, real, line),
        });
        grown.unwrap_or_else(|_| probe::<R>(routine, work, real, line))
    }
}

impl<R: FftFloat> Drop for Scratch<R> {
    fn drop(&mut self) {
        let b = &mut self.0;
        if b.line.capacity() > KEEP || b.work.capacity() > KEEP || b.real.capacity() > KEEP {
            return;
        }
        let b = std::mem::take(b);
        let _ = R::bufs().try_with(|c| {
            if let Ok(mut g) = c.try_borrow_mut() {
                *g = b;
            }
        });
    }
}

/// Reserves (and frees) buffers of the given sizes, fallibly.
fn probe<R: FftFloat>(routine: &'static str, work: usize, real: usize, line: usize) -> Result<()> {
    let mut b = Bufs::<R>::default();
    try_grow(routine, &mut b.work, work, czero())?;
    try_grow(routine, &mut b.real, real, R::zero())?;
    try_grow(routine, &mut b.line, line, czero())
}

/// Below this many elements of work per call a transform stays on the
/// calling thread (waking the pool costs more than it saves).
const PAR_MIN_WORK: usize = 1 << 15;

/// How many lines a view has along `axis` (the product of the other lengths).
fn line_count(shape: &[usize], axis: usize) -> usize {
    shape
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != axis)
        .map(|(_, &n)| n)
        .product()
}

/// Whether to split `lines` lines of `work` elements each over threads, and
/// the fewest lines per job if so.
fn parallel_jobs(lines: usize, work: usize) -> Option<usize> {
    let total = lines.saturating_mul(work.max(1));
    if lines < 2 || total < PAR_MIN_WORK || crate::parallel::threads() < 2 {
        return None;
    }
    Some((PAR_MIN_WORK / work.max(1)).max(1))
}

/// Calls `f` on each pair of lanes along `axis` of `input` and `out`
/// (equal lengths off the axis), with per-thread state from `init`.
///
/// # Errors
/// `OutOfMemory` for the list of lines a parallel run splits.
fn run_pairs<I, O, S>(
    routine: &'static str,
    input: ArrayView<'_, I, IxDyn>,
    mut out: ArrayViewMut<'_, O, IxDyn>,
    axis: usize,
    work: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, ArrayView1<'_, I>, ArrayViewMut1<'_, O>) + Sync + Send,
) -> Result<()>
where
    I: Sync,
    O: Send,
{
    let lines = line_count(out.shape(), axis);
    let ax = Axis(axis);
    match parallel_jobs(lines, work) {
        None => {
            let mut s = init();
            for (i, o) in input.lanes(ax).into_iter().zip(out.lanes_mut(ax)) {
                f(&mut s, i, o);
            }
        }
        Some(min_len) => {
            let mut pairs = try_with_capacity(routine, lines)?;
            pairs.extend(input.lanes(ax).into_iter().zip(out.lanes_mut(ax)));
            crate::parallel::install(|| {
                pairs
                    .into_par_iter()
                    .with_min_len(min_len)
                    .for_each_init(&init, |s, (i, o)| f(s, i, o));
            });
        }
    }
    Ok(())
}

/// Calls `f` on each lane along `axis` of `data`, with per-thread state.
///
/// # Errors
/// As [`run_pairs`].
fn run_lanes<O, S>(
    routine: &'static str,
    mut data: ArrayViewMut<'_, O, IxDyn>,
    axis: usize,
    work: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, ArrayViewMut1<'_, O>) + Sync + Send,
) -> Result<()>
where
    O: Send,
{
    let lines = line_count(data.shape(), axis);
    let ax = Axis(axis);
    match parallel_jobs(lines, work) {
        None => {
            let mut s = init();
            for o in data.lanes_mut(ax) {
                f(&mut s, o);
            }
        }
        Some(min_len) => {
            let mut lanes = try_with_capacity(routine, lines)?;
            lanes.extend(data.lanes_mut(ax));
            crate::parallel::install(|| {
                lanes
                    .into_par_iter()
                    .with_min_len(min_len)
                    .for_each_init(&init, |s, o| f(s, o));
            });
        }
    }
    Ok(())
}

/// Copies the first `min(len, dst.len())` elements of `src` into `dst`
/// (converted to complex) and zeroes the rest: NumPy's crop / zero-pad.
#[inline]
fn load<R: FftFloat, I: Copy + Into<Complex<R>>>(dst: &mut [Complex<R>], src: &ArrayView1<'_, I>) {
    let m = src.len().min(dst.len());
    for (d, s) in dst.iter_mut().zip(src.iter()) {
        *d = (*s).into();
    }
    dst[m..].fill(czero());
}

#[inline]
fn scale_all<R: FftFloat>(v: &mut [Complex<R>], scale: Option<R>) {
    if let Some(s) = scale {
        v.iter_mut().for_each(|x| *x = x.scale(s));
    }
}

#[inline]
fn store<R: FftFloat>(
    dst: &mut ArrayViewMut1<'_, Complex<R>>,
    src: &[Complex<R>],
    scale: Option<R>,
) {
    match scale {
        Some(s) => dst.iter_mut().zip(src).for_each(|(d, v)| *d = v.scale(s)),
        None => dst.iter_mut().zip(src).for_each(|(d, v)| *d = *v),
    }
}

/// Complex transform of length `n = out.shape()[axis]` of every line of
/// `input` along `axis` (cropped or zero-padded to `n`), into `out`,
/// multiplied by `scale`. `n ≥ 1`; shapes off the axis agree.
pub(crate) fn c2c<R: FftFloat, I: Copy + Into<Complex<R>> + Sync>(
    routine: &'static str,
    input: ArrayView<'_, I, IxDyn>,
    out: ArrayViewMut<'_, Complex<R>, IxDyn>,
    axis: usize,
    inverse: bool,
    scale: Option<R>,
) -> Result<()> {
    let n = out.shape()[axis];
    let plan = R::cache().complex(routine, n, inverse)?;
    let work_len = plan.get_inplace_scratch_len();
    Scratch::<R>::reserve(routine, work_len, 0, n)?;
    run_pairs(
        routine,
        input,
        out,
        axis,
        n,
        || Scratch::<R>::take(work_len, 0),
        |s, i, mut o| {
            let Bufs { line, work, .. } = &mut s.0;
            if let Some(dst) = o.as_slice_mut() {
                load(dst, &i);
                plan.process_with_scratch(dst, work);
                scale_all(dst, scale);
            } else {
                line.resize(n, czero());
                load(line, &i);
                plan.process_with_scratch(line, work);
                store(&mut o, line, scale);
            }
        },
    )
}

/// Complex transform of every line of `data` along `axis`, in place.
pub(crate) fn c2c_inplace<R: FftFloat>(
    routine: &'static str,
    data: ArrayViewMut<'_, Complex<R>, IxDyn>,
    axis: usize,
    inverse: bool,
    scale: Option<R>,
) -> Result<()> {
    let n = data.shape()[axis];
    if n == 0 {
        return Ok(());
    }
    let plan = R::cache().complex(routine, n, inverse)?;
    let work_len = plan.get_inplace_scratch_len();
    Scratch::<R>::reserve(routine, work_len, 0, n)?;
    run_lanes(
        routine,
        data,
        axis,
        n,
        || Scratch::<R>::take(work_len, 0),
        |s, mut o| {
            let Bufs { line, work, .. } = &mut s.0;
            if let Some(dst) = o.as_slice_mut() {
                plan.process_with_scratch(dst, work);
                scale_all(dst, scale);
            } else {
                line.resize(n, czero());
                load(line, &o.view());
                plan.process_with_scratch(line, work);
                store(&mut o, line, scale);
            }
        },
    )
}

/// Real-to-complex transform of length `n` of every line of `input` along
/// `axis` (cropped or zero-padded to `n`), into `out` (`n/2 + 1` along the
/// axis), multiplied by `scale` and conjugated if `conj`.
pub(crate) fn r2c<R: FftFloat>(
    routine: &'static str,
    input: ArrayView<'_, R, IxDyn>,
    out: ArrayViewMut<'_, Complex<R>, IxDyn>,
    axis: usize,
    n: usize,
    scale: Option<R>,
    conj: bool,
) -> Result<()> {
    let h = n / 2 + 1;
    debug_assert_eq!(out.shape()[axis], h);
    let plan = R::cache().r2c(routine, n)?;
    let work_len = plan.get_scratch_len();
    Scratch::<R>::reserve(routine, work_len, n, h)?;
    run_pairs(
        routine,
        input,
        out,
        axis,
        n,
        || Scratch::<R>::take(work_len, n),
        |st, i, mut o| {
            let Bufs {
                line: spec,
                work,
                real,
            } = &mut st.0;
            let m = i.len().min(n);
            for (d, s) in real.iter_mut().zip(i.iter()) {
                *d = *s;
            }
            real[m..].fill(R::zero());
            let finish = |v: &mut Complex<R>| {
                if let Some(s) = scale {
                    *v = v.scale(s);
                }
                if conj {
                    *v = v.conj();
                }
            };
            // Lengths match the plan by construction, so this cannot fail.
            if let Some(dst) = o.as_slice_mut() {
                let _ = plan.process_with_scratch(real, dst, work);
                dst.iter_mut().for_each(finish);
            } else {
                spec.resize(h, czero());
                let _ = plan.process_with_scratch(real, spec, work);
                spec.iter_mut().for_each(finish);
                store(&mut o, spec, None);
            }
        },
    )
}

/// Complex-to-real transform of length `n = out.shape()[axis]` of every line
/// of `input` along `axis` (its first `n/2 + 1` values, zero-padded; the
/// imaginary parts of the zero-frequency and, for even `n`, the Nyquist term
/// are ignored, as NumPy does), conjugated first if `conj`, multiplied by
/// `scale`.
pub(crate) fn c2r<R: FftFloat, I: Copy + Into<Complex<R>> + Sync>(
    routine: &'static str,
    input: ArrayView<'_, I, IxDyn>,
    out: ArrayViewMut<'_, R, IxDyn>,
    axis: usize,
    scale: Option<R>,
    conj: bool,
) -> Result<()> {
    let n = out.shape()[axis];
    let h = n / 2 + 1;
    let plan = R::cache().c2r(routine, n)?;
    let work_len = plan.get_scratch_len();
    Scratch::<R>::reserve(routine, work_len, n, h)?;
    run_pairs(
        routine,
        input,
        out,
        axis,
        n,
        || Scratch::<R>::take(work_len, 0),
        |s, i, mut o| {
            let Bufs {
                line: spec,
                work,
                real,
            } = &mut s.0;
            spec.resize(h, czero());
            load(spec, &i);
            if conj {
                spec.iter_mut().for_each(|v| *v = v.conj());
            }
            spec[0].im = R::zero();
            if n.is_multiple_of(2) {
                spec[h - 1].im = R::zero();
            }
            // Lengths match the plan and the ignored imaginary parts are
            // zeroed, so this cannot fail.
            if let Some(dst) = o.as_slice_mut() {
                let _ = plan.process_with_scratch(spec, dst, work);
                if let Some(s) = scale {
                    dst.iter_mut().for_each(|v| *v = *v * s);
                }
            } else {
                real.resize(n, R::zero());
                let _ = plan.process_with_scratch(spec, real, work);
                let s = scale.unwrap_or(R::one());
                o.iter_mut().zip(real.iter()).for_each(|(d, v)| *d = *v * s);
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn scratch_beyond_the_allocator_is_an_error() {
        // 2^56 complex128 elements of rustfft scratch: 2^60 bytes.
        assert!(matches!(
            Scratch::<f64>::reserve("t", 1 << 56, 0, 0),
            Err(Error::OutOfMemory { routine: "t", .. })
        ));
        assert!(matches!(
            Scratch::<f32>::reserve("t", 0, usize::MAX, 0),
            Err(Error::SizeOverflow { .. })
        ));
        // Granted sizes are kept for this thread's next take.
        Scratch::<f64>::reserve("t", 100, 10, 20).unwrap();
        let s = Scratch::<f64>::take(100, 10);
        assert!(s.0.work.len() == 100 && s.0.real.len() == 10 && s.0.line.capacity() >= 20);
    }
}
