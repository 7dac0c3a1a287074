//! Copies and conversions: `copy` in C/F/A/K order, `astype` with NumPy's
//! casting rules, `ascontiguousarray`/`asfortranarray` (no copy when already
//! so), `concatenate` and `stack`.
//!
//! Every function here that copies returns an array that owns a new buffer
//! (`owns_data` true); those that may avoid the copy say when they do.

use std::sync::Arc;

use super::buffer::Buffer;
use super::dynarray::{NdArray, checked_size, contiguous_strides, dtype_align, normalize_axis};
use super::kernel::copy_into;
use super::{MAX_DIMS, MemOrder};
use crate::dtype::DType;
use crate::error::{Error, Result, Shape};

/// NumPy's casting rules, from strictest to loosest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Casting {
    /// Only the same dtype.
    No,
    /// Only the same dtype (byte order does not vary in lapis).
    Equiv,
    /// Only casts that keep every value: `float32 → float64`,
    /// `float32 → complex64`, `float64 → complex128`, … .
    Safe,
    /// Safe casts and casts within a kind (`float64 → float32`,
    /// `complex128 → complex64`); real → complex. The default, as NumPy's.
    #[default]
    SameKind,
    /// Anything, including complex → real, which drops the imaginary part.
    Unsafe,
}

impl Casting {
    /// NumPy's name of the rule: `"no"`, `"equiv"`, `"safe"`, `"same_kind"`, `"unsafe"`.
    pub const fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }

    /// NumPy's `can_cast(from, to, casting=self)`.
    pub const fn allows(self, from: DType, to: DType) -> bool {
        match self {
            Casting::No | Casting::Equiv => from as u32 == to as u32,
            Casting::Safe => from.can_cast_safe(to),
            Casting::SameKind => from.can_cast_same_kind(to),
            Casting::Unsafe => true,
        }
    }
}

/// Fills `out` with contiguous strides for `shape` that visit the axes in
/// `perm` order (first = outermost), `stride *= shape` as NumPy does.
fn strides_from_perm(shape: &[usize], perm: &[usize], itemsize: usize, out: &mut [isize]) {
    let mut s = itemsize as isize;
    for &k in perm.iter().rev() {
        out[k] = s;
        s = s.wrapping_mul(shape[k] as isize);
    }
}

/// NumPy's `PyArray_CreateMultiSortedStridePerm`: axes from largest to
/// smallest stride over all arrays (length-1 axes do not vote; when arrays
/// disagree, C order wins).
fn multi_sorted_perm(arrays: &[&NdArray], ndim: usize) -> [usize; MAX_DIMS] {
    let mut perm = [0usize; MAX_DIMS];
    for (k, p) in perm.iter_mut().enumerate() {
        *p = k;
    }
    for i0 in 1..ndim {
        let mut ipos = i0;
        let j0 = perm[i0];
        for i1 in (0..i0).rev() {
            let (mut ambig, mut swap) = (true, false);
            let j1 = perm[i1];
            for a in arrays {
                if a.shape[j0] != 1 && a.shape[j1] != 1 {
                    if a.strides[j0].unsigned_abs() <= a.strides[j1].unsigned_abs() {
                        swap = false;
                    } else if ambig {
                        swap = true;
                    }
                    ambig = false;
                }
            }
            if !ambig {
                if swap {
                    ipos = i1;
                } else {
                    break;
                }
            }
        }
        if ipos != i0 {
            perm.copy_within(ipos..i0, ipos + 1);
            perm[ipos] = j0;
        }
    }
    perm
}

impl NdArray {
    /// The strides a new array of this shape gets in `order` for elements
    /// of `itemsize` bytes: C, F, A (F if Fortran- but not C-contiguous,
    /// else C) or K (keep this array's axis order by decreasing |stride|,
    /// as NumPy's `empty_like`; positive strides, no gaps).
    pub(crate) fn order_strides(&self, order: MemOrder, itemsize: usize) -> [isize; MAX_DIMS] {
        let mut out = [0isize; MAX_DIMS];
        let nd = self.ndim;
        let order = match order {
            MemOrder::A if self.is_f_contiguous() && !self.is_c_contiguous() => MemOrder::F,
            MemOrder::A => MemOrder::C,
            MemOrder::K if self.is_c_contiguous() => MemOrder::C,
            MemOrder::K if self.is_f_contiguous() => MemOrder::F,
            o => o,
        };
        if order == MemOrder::K {
            let mut perm = [0usize; MAX_DIMS];
            for (k, p) in perm[..nd].iter_mut().enumerate() {
                *p = k;
            }
            // Stable: equal strides keep their axis order.
            perm[..nd].sort_by_key(|&k| std::cmp::Reverse(self.strides[k].unsigned_abs()));
            strides_from_perm(self.shape(), &perm[..nd], itemsize, &mut out);
        } else {
            contiguous_strides(self.shape(), itemsize, order, &mut out[..nd]);
        }
        out
    }

    /// A new owning array of `shape` with the given contiguous strides.
    pub(crate) fn alloc_strided(
        routine: &'static str,
        dtype: DType,
        shape: &[usize],
        strides: &[isize],
        zeroed: bool,
    ) -> Result<NdArray> {
        let (_, nbytes) = checked_size(routine, shape, dtype.itemsize())?;
        let buf = Arc::new(Buffer::alloc(routine, nbytes, dtype_align(dtype), zeroed)?);
        let ptr = buf.start();
        Ok(NdArray::from_parts(
            buf, ptr, dtype, shape, strides, true, true,
        ))
    }

    /// Copies into a new array of `dtype` laid out in `order` (no rule
    /// check: callers check the casting rule).
    fn convert(&self, routine: &'static str, dtype: DType, order: MemOrder) -> Result<NdArray> {
        let strides = self.order_strides(order, dtype.itemsize());
        let out =
            NdArray::alloc_strided(routine, dtype, self.shape(), &strides[..self.ndim], false)?;
        // SAFETY: `out` is new, contiguous, and nothing else sees it yet.
        unsafe { copy_into(self, out.ptr, out.strides(), dtype)? };
        Ok(out)
    }

    /// A copy into a new buffer in memory order `order` ([`MemOrder::K`]
    /// keeps this array's axis order; negative strides become positive).
    ///
    /// # Errors
    /// [`Error::BorrowConflict`] while the buffer is mutably viewed;
    /// allocation failure ([`Error::Unsupported`]).
    pub fn copy(&self, order: MemOrder) -> Result<NdArray> {
        self.convert("copy", self.dtype, order)
    }

    /// A copy converted to `dtype` under the `same_kind` rule (NumPy's
    /// default): any real → real or complex, complex → complex; order K.
    /// Always copies, even to the same dtype (NumPy's `copy=True`).
    ///
    /// # Errors
    /// [`Error::Cast`] for complex → real (use [`astype_with`](Self::astype_with)
    /// and [`Casting::Unsafe`] to drop imaginary parts), as [`copy`](Self::copy).
    pub fn astype(&self, dtype: DType) -> Result<NdArray> {
        self.astype_with(dtype, Casting::SameKind)
    }

    /// A copy converted to `dtype` under `casting`; complex → real keeps
    /// the real part and needs [`Casting::Unsafe`]. Order K.
    ///
    /// # Errors
    /// [`Error::Cast`] if `casting` forbids the conversion; as [`copy`](Self::copy).
    pub fn astype_with(&self, dtype: DType, casting: Casting) -> Result<NdArray> {
        if !casting.allows(self.dtype, dtype) {
            return Err(Error::Cast {
                routine: "astype",
                from: self.dtype,
                to: dtype,
                casting: casting.name(),
            });
        }
        self.convert("astype", dtype, MemOrder::K)
    }

    /// A C-contiguous array with these elements: a view (no copy) when this
    /// array is already C-contiguous, else a C-order copy. (A 0-d array
    /// stays 0-d, where NumPy would return shape `(1,)`.)
    ///
    /// # Errors
    /// As [`copy`](Self::copy).
    pub fn ascontiguousarray(&self) -> Result<NdArray> {
        if self.is_c_contiguous() {
            Ok(self.new_view())
        } else {
            self.copy(MemOrder::C)
        }
    }

    /// A Fortran-contiguous array with these elements: a view when this
    /// array already is, else an F-order copy.
    ///
    /// # Errors
    /// As [`copy`](Self::copy).
    pub fn asfortranarray(&self) -> Result<NdArray> {
        if self.is_f_contiguous() {
            Ok(self.new_view())
        } else {
            self.copy(MemOrder::F)
        }
    }
}

impl NdArray {
    /// Writes `src`'s elements into this array (NumPy's `np.copyto(self,
    /// src, casting)` and `self[...] = src`): `src` is broadcast to this
    /// array's shape and converted to its dtype under `casting`. A `src`
    /// that shares this array's buffer is read completely before anything
    /// is written (through a temporary copy), as NumPy does for overlap.
    ///
    /// # Errors
    /// [`Error::ReadOnly`]; [`Error::OverlappingOutput`] if this array's own
    /// elements overlap (zero strides); [`Error::Broadcast`];
    /// [`Error::Cast`]; [`Error::BorrowConflict`] while either buffer is
    /// viewed in a conflicting way. Nothing is written on error.
    pub fn copyto(&mut self, src: &NdArray, casting: Casting) -> Result<()> {
        const R: &str = "copyto";
        if !self.writable {
            return Err(Error::ReadOnly { routine: R });
        }
        if self.has_overlap() {
            return Err(Error::OverlappingOutput {
                routine: R,
                what: "destination",
                strides: self.strides().to_vec(),
            });
        }
        if !casting.allows(src.dtype, self.dtype) {
            return Err(Error::Cast {
                routine: R,
                from: src.dtype,
                to: self.dtype,
                casting: casting.name(),
            });
        }
        let src = src
            .broadcast_to(self.shape())
            .map_err(|_| Error::Broadcast {
                routine: R,
                lhs: Shape(src.shape().to_vec()),
                rhs: Shape(self.shape().to_vec()),
            })?;
        let src = if src.shares_buffer(self) {
            src.copy(MemOrder::K)?
        } else {
            src
        };
        let _w = self.buf.borrow_mut(R)?;
        // SAFETY: this array is writable, its elements are distinct, its
        // buffer is exclusively borrowed, and `src` uses another buffer.
        unsafe { copy_into(&src, self.ptr, self.strides(), self.dtype) }
    }

    /// Sets every element to `value` (NumPy's `a.fill(value)` /
    /// `a[...] = value`); a real array needs a value with zero imaginary part.
    ///
    /// # Errors
    /// [`Error::Cast`] for a non-zero imaginary part and a real dtype; as
    /// [`copyto`](Self::copyto).
    pub fn fill(&mut self, value: num_complex::Complex64) -> Result<()> {
        let v = super::create::full_as(&[], value, self.dtype)?;
        self.copyto(&v, Casting::No)
    }
}

/// Joins arrays along an existing axis (NumPy's `concatenate`) into a new
/// array. The dtype is the promotion of all input dtypes; the memory order
/// follows the inputs' (NumPy's rule: C unless all agree otherwise).
///
/// # Errors
/// No arrays ([`Error::Empty`]); 0-d inputs ([`Error::TooFewDimensions`]);
/// inputs with another number of axes than the first
/// ([`Error::ShapeMismatch`]); [`Error::AxisOutOfRange`]; lengths that
/// differ off the axis ([`Error::ConcatenateMismatch`]);
/// [`Error::SizeOverflow`]; [`Error::BorrowConflict`].
pub fn concatenate(arrays: &[&NdArray], axis: isize) -> Result<NdArray> {
    join("concatenate", arrays, axis)
}

fn join(routine: &'static str, arrays: &[&NdArray], axis: isize) -> Result<NdArray> {
    let first = arrays.first().ok_or(Error::Empty {
        routine,
        what: "the list of arrays (need at least one array to concatenate)",
    })?;
    let nd = first.ndim;
    if nd == 0 {
        return Err(Error::TooFewDimensions {
            routine,
            what: "zero-dimensional arrays cannot be concatenated; input",
            min: 1,
            shape: Shape(vec![]),
        });
    }
    let ax = normalize_axis(routine, axis, nd)?;
    let mut shape = [0usize; MAX_DIMS];
    shape[..nd].copy_from_slice(first.shape());
    shape[ax] = 0;
    let mut dtype = first.dtype;
    for (i, a) in arrays.iter().enumerate() {
        if a.ndim != nd {
            return Err(Error::ShapeMismatch {
                routine,
                what: "all the input arrays must have same number of dimensions",
                got: Shape(a.shape().to_vec()),
                expected: Shape(first.shape().to_vec()),
            });
        }
        for k in (0..nd).filter(|&k| k != ax) {
            if a.shape[k] != first.shape[k] {
                return Err(Error::ConcatenateMismatch {
                    routine,
                    dim: k,
                    index: i,
                    expected: first.shape[k],
                    got: a.shape[k],
                });
            }
        }
        shape[ax] = shape[ax]
            .checked_add(a.shape[ax])
            .ok_or(Error::SizeOverflow {
                routine,
                shape: Shape(first.shape().to_vec()),
                itemsize: dtype.itemsize(),
            })?;
        dtype = dtype.promote(a.dtype);
    }
    let shape = &shape[..nd];
    let perm = multi_sorted_perm(arrays, nd);
    let mut strides = [0isize; MAX_DIMS];
    strides_from_perm(shape, &perm[..nd], dtype.itemsize(), &mut strides);
    let out = NdArray::alloc_strided(routine, dtype, shape, &strides[..nd], false)?;
    let mut at = 0usize;
    for a in arrays {
        let off = at as isize * out.strides[ax];
        at += a.shape[ax];
        if a.size() == 0 {
            continue;
        }
        // SAFETY: the block of `out` at `off` has `a`'s shape, lies inside
        // the new buffer, and the blocks are disjoint.
        unsafe { copy_into(a, out.ptr.offset(off), out.strides(), dtype)? };
    }
    Ok(out)
}

/// Joins arrays of one shape along a new axis (NumPy's `stack`): the
/// result has one more axis, of length `arrays.len()`, at `axis`
/// (negative counts from the end of the result).
///
/// # Errors
/// No arrays ([`Error::Empty`]); arrays of different shapes
/// ([`Error::ShapeMismatch`], "all input arrays must have the same shape");
/// [`Error::AxisOutOfRange`] (against `ndim + 1`); as
/// [`concatenate`].
pub fn stack(arrays: &[&NdArray], axis: isize) -> Result<NdArray> {
    const R: &str = "stack";
    let first = arrays.first().ok_or(Error::Empty {
        routine: R,
        what: "the list of arrays (need at least one array to stack)",
    })?;
    if let Some(bad) = arrays.iter().find(|a| a.shape() != first.shape()) {
        return Err(Error::ShapeMismatch {
            routine: R,
            what: "all input arrays must have the same shape",
            got: Shape(bad.shape().to_vec()),
            expected: Shape(first.shape().to_vec()),
        });
    }
    let ax = normalize_axis(R, axis, first.ndim + 1)? as isize;
    let expanded = arrays
        .iter()
        .map(|a| a.expand_dims(&[ax]))
        .collect::<Result<Vec<_>>>()?;
    let refs: Vec<&NdArray> = expanded.iter().collect();
    join(R, &refs, ax)
}
