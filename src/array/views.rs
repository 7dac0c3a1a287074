//! Views without copies, with NumPy's semantics: basic indexing (slices,
//! integer indices, newaxis, ellipsis), axis permutations, broadcasting,
//! squeeze/expand_dims, diagonals, and the real and imaginary parts.
//!
//! Every function here returns a new [`NdArray`] sharing the buffer (one
//! `Arc` clone, shape and strides inline): no element is copied and nothing
//! is allocated. The result's `owns_data` is false; it is writable when the
//! source is, except where NumPy makes it read-only (`broadcast_to`,
//! `diagonal`, `imag` of a real array).

use std::ops::{Range, RangeFrom, RangeFull, RangeTo};
use std::ptr::NonNull;
use std::sync::{Arc, OnceLock};

use super::MAX_DIMS;
use super::buffer::Buffer;
use super::dynarray::{NdArray, checked_size, normalize_axis};
use crate::error::{Error, Result, Shape};

/// One entry of a NumPy basic index (`a[1:5:2, -1, np.newaxis, ...]`).
///
/// Rust ranges convert: `Idx::from(1..5)`, `(2..).into()`, `(..3).into()`,
/// `(..).into()`, and integers to [`Idx::Index`]. Write a negative stop as
/// `Idx::slice(Some(1), Some(-1), 1)` (clippy reads `1..-1` as an empty
/// range, though `Idx` gives it Python's meaning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idx {
    /// `start:stop:step` with Python's rules: negative `start`/`stop` count
    /// from the end, out-of-range values are clipped, `None` means the end
    /// the step walks from or to; `step` may be negative, not zero.
    Slice {
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    },
    /// One position of the axis, which is removed (negative counts from the
    /// end; out of range is an error).
    Index(isize),
    /// A new axis of length 1 (NumPy's `np.newaxis`), with stride 0.
    NewAxis,
    /// `...`: as many full slices as the other entries leave (at most one).
    Ellipsis,
}

impl Idx {
    /// `:` — the whole axis.
    pub const ALL: Idx = Idx::Slice {
        start: None,
        stop: None,
        step: 1,
    };

    /// `start:stop:step`.
    pub const fn slice(start: Option<isize>, stop: Option<isize>, step: isize) -> Idx {
        Idx::Slice { start, stop, step }
    }

    /// `::step` — the whole axis with a step (`-1` reverses).
    pub const fn step(step: isize) -> Idx {
        Idx::Slice {
            start: None,
            stop: None,
            step,
        }
    }
}

impl From<isize> for Idx {
    fn from(i: isize) -> Idx {
        Idx::Index(i)
    }
}

impl From<Range<isize>> for Idx {
    fn from(r: Range<isize>) -> Idx {
        Idx::slice(Some(r.start), Some(r.end), 1)
    }
}

impl From<RangeFrom<isize>> for Idx {
    fn from(r: RangeFrom<isize>) -> Idx {
        Idx::slice(Some(r.start), None, 1)
    }
}

impl From<RangeTo<isize>> for Idx {
    fn from(r: RangeTo<isize>) -> Idx {
        Idx::slice(None, Some(r.end), 1)
    }
}

impl From<RangeFull> for Idx {
    fn from(_: RangeFull) -> Idx {
        Idx::ALL
    }
}

/// Python's `slice.indices(len)` followed by the element count: the first
/// index and the number of elements the slice selects.
pub(crate) fn slice_indices(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> (isize, usize) {
    let n = len as isize;
    let (lower, upper) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let clip = |v: isize| {
        if v < 0 {
            (v + n).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = start.map_or(if step > 0 { lower } else { upper }, clip);
    let stop = stop.map_or(if step > 0 { upper } else { lower }, clip);
    let count = if step == 1 {
        (stop - start).max(0) as usize
    } else if step == -1 {
        (start - stop).max(0) as usize
    } else if step > 0 {
        if stop > start {
            (stop - start - 1) as usize / step as usize + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) as usize / step.unsigned_abs() + 1
    } else {
        0
    };
    (start, count)
}

/// The error for a result with more axes than an array holds.
fn too_many(routine: &'static str, ndim: usize) -> Error {
    Error::TooManyDimensions {
        routine,
        ndim,
        max: MAX_DIMS,
    }
}

/// Normalizes a list of distinct axes against `ndim` into a mask.
fn axis_mask(routine: &'static str, axes: &[isize], ndim: usize) -> Result<[bool; MAX_DIMS]> {
    let mut mask = [false; MAX_DIMS];
    for &a in axes {
        let k = normalize_axis(routine, a, ndim)?;
        if mask[k] {
            return Err(Error::RepeatedAxis { routine, axis: a });
        }
        mask[k] = true;
    }
    Ok(mask)
}

impl NdArray {
    /// Basic indexing, NumPy's `a[idx]`: a view, never a copy.
    ///
    /// Each [`Idx::Slice`] and [`Idx::Index`] consumes one axis, in order;
    /// [`Idx::NewAxis`] inserts a length-1 axis (stride 0); one
    /// [`Idx::Ellipsis`] stands for the axes nobody named; axes after the
    /// last entry are kept whole. A slice's stride is the axis stride times
    /// the step; an empty slice keeps the data pointer where it was.
    ///
    /// # Errors
    /// [`Error::ZeroStep`], [`Error::IndexOutOfRange`],
    /// [`Error::TooManyIndices`] (more slices and indices than axes), two
    /// ellipses ([`Error::InvalidArgument`]), a result of more than
    /// [`MAX_DIMS`] axes.
    #[inline]
    pub fn slice(&self, idx: &[Idx]) -> Result<NdArray> {
        const R: &str = "slice";
        let mut consumed = 0;
        let mut ellipses = 0;
        for (pos, ix) in idx.iter().enumerate() {
            match *ix {
                Idx::Slice { step: 0, .. } => return Err(Error::ZeroStep { position: pos }),
                Idx::Slice { .. } | Idx::Index(_) => consumed += 1,
                Idx::Ellipsis => ellipses += 1,
                Idx::NewAxis => {}
            }
        }
        if ellipses > 1 {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "index",
                reason: "an index can only have a single ellipsis ('...')".into(),
            });
        }
        if consumed > self.ndim {
            return Err(Error::TooManyIndices {
                ndim: self.ndim,
                given: consumed,
            });
        }
        // The view is built in place (its shape and strides written once);
        // on an error it is dropped (one reference-count decrement).
        let mut out = NdArray {
            buf: Arc::clone(&self.buf),
            ptr: self.ptr,
            dtype: self.dtype,
            ndim: 0,
            writable: self.writable,
            owns: false,
            shape: [0; MAX_DIMS],
            strides: [0; MAX_DIMS],
        };
        let (shape, strides) = (&mut out.shape, &mut out.strides);
        let mut off: isize = 0;
        let mut nd = 0; // axes of the result
        let mut ax = 0; // axes of `self` consumed
        let mut push = |n: usize, s: isize| -> Result<()> {
            if nd == MAX_DIMS {
                return Err(too_many(R, MAX_DIMS + 1));
            }
            shape[nd] = n;
            strides[nd] = s;
            nd += 1;
            Ok(())
        };
        for ix in idx {
            match *ix {
                Idx::Slice { start, stop, step } => {
                    let (n, s) = (self.shape[ax], self.strides[ax]);
                    let (first, count) = slice_indices(start, stop, step, n);
                    if count > 0 {
                        off += first * s;
                    }
                    push(count, s.checked_mul(step).unwrap_or(0))?;
                    ax += 1;
                }
                Idx::Index(i) => {
                    let n = self.shape[ax];
                    let j = if i < 0 { i + n as isize } else { i };
                    if j < 0 || j >= n as isize {
                        return Err(Error::IndexOutOfRange {
                            index: i,
                            axis: ax,
                            size: n,
                        });
                    }
                    off += j * self.strides[ax];
                    ax += 1;
                }
                Idx::NewAxis => push(1, 0)?,
                Idx::Ellipsis => {
                    for _ in 0..self.ndim - consumed {
                        push(self.shape[ax], self.strides[ax])?;
                        ax += 1;
                    }
                }
            }
        }
        while ax < self.ndim {
            push(self.shape[ax], self.strides[ax])?;
            ax += 1;
        }
        out.ndim = nd;
        // In bounds: every offset added is that of an existing element.
        out.ptr = self.ptr.wrapping_offset(off);
        Ok(out)
    }

    /// The sub-array at `index` along `axis` (NumPy's `a.take(index,
    /// axis)` for one index, or `a[..., index, ...]`): a view with that axis
    /// removed.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`], [`Error::IndexOutOfRange`].
    pub fn index_axis(&self, axis: isize, index: isize) -> Result<NdArray> {
        let k = normalize_axis("index_axis", axis, self.ndim)?;
        let mut idx = [Idx::ALL; MAX_DIMS];
        idx[k] = Idx::Index(index);
        self.slice(&idx[..=k])
    }

    /// The axes in reverse order (NumPy's `a.T`): a view.
    #[inline]
    pub fn t(&self) -> NdArray {
        let mut out = self.new_view();
        out.shape[..self.ndim].reverse();
        out.strides[..self.ndim].reverse();
        out
    }

    /// Axis `k` of the result is axis `axes[k]` of `self` (NumPy's
    /// `transpose(axes)`; negative axes count from the end): a view.
    ///
    /// # Errors
    /// `axes` not of length `ndim` ([`Error::InvalidArgument`]),
    /// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`].
    pub fn permute_axes(&self, axes: &[isize]) -> Result<NdArray> {
        const R: &str = "permute_axes";
        if axes.len() != self.ndim {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "axes",
                reason: format!(
                    "axes don't match array: {} axes for {} dimensions",
                    axes.len(),
                    self.ndim
                ),
            });
        }
        axis_mask(R, axes, self.ndim)?;
        let mut out = self.new_view();
        for (k, &a) in axes.iter().enumerate() {
            let j = normalize_axis(R, a, self.ndim)?;
            out.shape[k] = self.shape[j];
            out.strides[k] = self.strides[j];
        }
        Ok(out)
    }

    /// Axes `axis1` and `axis2` exchanged: a view.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`].
    pub fn swapaxes(&self, axis1: isize, axis2: isize) -> Result<NdArray> {
        let a = normalize_axis("swapaxes", axis1, self.ndim)?;
        let b = normalize_axis("swapaxes", axis2, self.ndim)?;
        let mut out = self.new_view();
        out.shape.swap(a, b);
        out.strides.swap(a, b);
        Ok(out)
    }

    /// Axis `source` moved to position `destination`, the others keeping
    /// their order (NumPy's `moveaxis`): a view.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`].
    pub fn moveaxis(&self, source: isize, destination: isize) -> Result<NdArray> {
        self.moveaxes(&[source], &[destination])
    }

    /// Several axes moved at once (NumPy's `moveaxis` with sequences): axis
    /// `source[i]` lands at `destination[i]`.
    ///
    /// # Errors
    /// Lists of different lengths ([`Error::InvalidArgument`]),
    /// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`].
    pub fn moveaxes(&self, source: &[isize], destination: &[isize]) -> Result<NdArray> {
        const R: &str = "moveaxis";
        if source.len() != destination.len() {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "destination",
                reason:
                    "`source` and `destination` arguments must have the same number of elements"
                        .into(),
            });
        }
        let moved = axis_mask(R, source, self.ndim)?;
        let taken = axis_mask(R, destination, self.ndim)?;
        let mut order = [usize::MAX; MAX_DIMS];
        for (&s, &d) in source.iter().zip(destination) {
            let s = normalize_axis(R, s, self.ndim)?;
            let d = normalize_axis(R, d, self.ndim)?;
            order[d] = s;
        }
        let mut rest = (0..self.ndim).filter(|&k| !moved[k]);
        for (k, slot) in order[..self.ndim].iter_mut().enumerate() {
            if !taken[k] {
                *slot = rest.next().unwrap_or(0);
            }
        }
        let mut out = self.new_view();
        for (k, &j) in order[..self.ndim].iter().enumerate() {
            out.shape[k] = self.shape[j];
            out.strides[k] = self.strides[j];
        }
        Ok(out)
    }

    /// A read-only view with shape `shape`, NumPy's broadcasting rule
    /// (trailing axes equal, or 1 in `self`; new leading axes): broadcast
    /// axes get stride 0.
    ///
    /// # Errors
    /// [`Error::Broadcast`] if the shapes are incompatible,
    /// [`Error::TooManyDimensions`], [`Error::SizeOverflow`].
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<NdArray> {
        const R: &str = "broadcast_to";
        checked_size(R, shape, self.itemsize())?;
        let bad = || Error::Broadcast {
            routine: R,
            lhs: Shape(self.shape().to_vec()),
            rhs: Shape(shape.to_vec()),
        };
        if shape.len() < self.ndim {
            return Err(bad());
        }
        let lead = shape.len() - self.ndim;
        let mut out = self.new_view();
        out.ndim = shape.len();
        for (k, &n) in shape.iter().enumerate() {
            out.shape[k] = n;
            out.strides[k] = if k < lead {
                0
            } else {
                let (m, s) = (self.shape[k - lead], self.strides[k - lead]);
                if m == n {
                    s
                } else if m == 1 {
                    0
                } else {
                    return Err(bad());
                }
            };
        }
        out.writable = false;
        Ok(out)
    }

    /// All length-1 axes removed: a view.
    pub fn squeeze(&self) -> NdArray {
        let mut out = self.new_view();
        let mut nd = 0;
        for k in 0..self.ndim {
            if self.shape[k] != 1 {
                out.shape[nd] = self.shape[k];
                out.strides[nd] = self.strides[k];
                nd += 1;
            }
        }
        out.ndim = nd;
        out
    }

    /// The given axes, each of length 1, removed: a view.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`],
    /// [`Error::SqueezeAxis`] for an axis whose length is not 1.
    pub fn squeeze_axes(&self, axes: &[isize]) -> Result<NdArray> {
        let mask = axis_mask("squeeze", axes, self.ndim)?;
        if let Some(k) = (0..self.ndim).find(|&k| mask[k] && self.shape[k] != 1) {
            return Err(Error::SqueezeAxis {
                axis: k,
                size: self.shape[k],
            });
        }
        let mut out = self.new_view();
        let mut nd = 0;
        for k in (0..self.ndim).filter(|&k| !mask[k]) {
            out.shape[nd] = self.shape[k];
            out.strides[nd] = self.strides[k];
            nd += 1;
        }
        out.ndim = nd;
        Ok(out)
    }

    /// Length-1 axes inserted at the given positions of the result (NumPy's
    /// `expand_dims`; negative positions count from the end of the result):
    /// a view. A new axis gets the stride that makes it contiguous with the
    /// next one (`itemsize` when last), like NumPy's reshape.
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`], [`Error::RepeatedAxis`],
    /// [`Error::TooManyDimensions`].
    pub fn expand_dims(&self, axes: &[isize]) -> Result<NdArray> {
        const R: &str = "expand_dims";
        let nd = self.ndim + axes.len();
        if nd > MAX_DIMS {
            return Err(too_many(R, nd));
        }
        let mask = axis_mask(R, axes, nd)?;
        let mut out = self.new_view();
        out.ndim = nd;
        let mut j = self.ndim;
        let mut next = self.itemsize() as isize;
        for k in (0..nd).rev() {
            if mask[k] {
                out.shape[k] = 1;
                out.strides[k] = next;
            } else {
                j -= 1;
                out.shape[k] = self.shape[j];
                out.strides[k] = self.strides[j];
                next = self.strides[j].wrapping_mul(self.shape[j] as isize);
            }
        }
        Ok(out)
    }

    /// The diagonal `a[i, i + offset]` of the plane of `axis1` and `axis2`
    /// (NumPy's `diagonal`): a read-only view, as NumPy's, whose last axis
    /// runs along the diagonal (stride `s1 + s2`) after the remaining axes.
    /// Offsets past the edge give an empty diagonal.
    ///
    /// # Errors
    /// [`Error::TooFewDimensions`] below 2 axes, [`Error::AxisOutOfRange`],
    /// equal axes ([`Error::InvalidArgument`]).
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<NdArray> {
        const R: &str = "diagonal";
        if self.ndim < 2 {
            return Err(Error::TooFewDimensions {
                routine: R,
                what: "array",
                min: 2,
                shape: Shape(self.shape().to_vec()),
            });
        }
        let a = normalize_axis(R, axis1, self.ndim)?;
        let b = normalize_axis(R, axis2, self.ndim)?;
        if a == b {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "axis2",
                reason: "axis1 and axis2 cannot be the same".into(),
            });
        }
        let (n1, n2) = (self.shape[a] as i128, self.shape[b] as i128);
        let (s1, s2) = (self.strides[a], self.strides[b]);
        let off = offset as i128;
        let (len, start) = if off >= 0 {
            ((n2 - off).min(n1).max(0), off * s2 as i128)
        } else {
            ((n1 + off).min(n2).max(0), -off * s1 as i128)
        };
        let mut out = self.new_view();
        let mut nd = 0;
        for k in (0..self.ndim).filter(|&k| k != a && k != b) {
            out.shape[nd] = self.shape[k];
            out.strides[nd] = self.strides[k];
            nd += 1;
        }
        out.shape[nd] = len as usize;
        out.strides[nd] = s1.wrapping_add(s2);
        out.ndim = nd + 1;
        if len > 0 {
            // An existing element's offset: fits isize.
            out.ptr = self.ptr.wrapping_offset(start as isize);
        }
        out.writable = false;
        Ok(out)
    }

    /// The real part: for a complex array a strided view of dtype
    /// `float32`/`float64` over the same memory, writable when the array is
    /// (writes change the real parts); for a real array a view of itself.
    pub fn real(&self) -> NdArray {
        let mut out = self.new_view();
        out.dtype = self.dtype.real();
        out
    }

    /// The imaginary part: for a complex array a strided view like
    /// [`real`](Self::real), offset by one real element. For a real array, a
    /// read-only array of zeros of the same shape and dtype (as NumPy's),
    /// here a zero-stride view of one static zero, so it allocates nothing.
    pub fn imag(&self) -> NdArray {
        let mut out = self.new_view();
        if self.dtype.is_complex() {
            out.dtype = self.dtype.real();
            if self.size() > 0 {
                out.ptr = self.ptr.wrapping_add(out.dtype.itemsize());
            }
        } else {
            out.buf = static_zero();
            out.ptr = out.buf.start();
            out.strides = [0; MAX_DIMS];
            out.writable = false;
        }
        out
    }
}

/// One shared buffer of static zeros (16 bytes: one element of any dtype).
fn static_zero() -> Arc<Buffer> {
    static ZERO: [f64; 2] = [0.0; 2];
    static BUF: OnceLock<Arc<Buffer>> = OnceLock::new();
    Arc::clone(BUF.get_or_init(|| {
        // Never written: every array over it is read-only.
        Arc::new(Buffer::statik(NonNull::from(&ZERO).cast()))
    }))
}
