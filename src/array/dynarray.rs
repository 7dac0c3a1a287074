//! [`NdArray`]: the dtype-tagged n-d array, its construction from parts and
//! its NumPy-style queries and flags.

use std::fmt;
use std::ptr::NonNull;
use std::sync::Arc;

use super::buffer::{Buffer, MAX_ALIGN, ReleaseHook};
use super::{MAX_DIMS, MemOrder};
use crate::dtype::DType;
use crate::error::{Error, Result, Shape};

/// A dtype-tagged n-dimensional array (NumPy's `ndarray`): a data pointer,
/// a [`DType`], a shape and byte strides (any sign, zero allowed), over a
/// buffer shared by `Arc` with every array viewing it.
///
/// * **Owning or viewing.** Arrays made by creation functions and copies
///   own their buffer ([`owns_data`](Self::owns_data)); views (slices,
///   transposes, [`real`](Self::real), …) share it without copying, and keep
///   it alive: dropping the base before the view is safe. Foreign memory is
///   wrapped without copying by [`NdArray::from_raw_parts`].
/// * **Layout.** Up to [`MAX_DIMS`] axes, kept inline (creating a view
///   allocates nothing); C order, Fortran order or any strides.
/// * **Typed access.** [`view`](Self::view) and [`view_mut`](Self::view_mut)
///   hand out `ndarray` views of the element type, checked at run time
///   against the dtype, the writable flag and the buffer's borrow state.
///
/// Invariants kept by every constructor: each element (at `ptr + Σ iₖ·sₖ`)
/// lies inside the buffer; the pointer and the strides of axes longer than
/// 1 are multiples of the dtype's alignment; the element and byte counts
/// fit in `isize`.
pub struct NdArray {
    pub(crate) buf: Arc<Buffer>,
    pub(crate) ptr: *mut u8,
    pub(crate) dtype: DType,
    pub(crate) ndim: usize,
    pub(crate) writable: bool,
    pub(crate) owns: bool,
    pub(crate) shape: [usize; MAX_DIMS],
    pub(crate) strides: [isize; MAX_DIMS],
}

// SAFETY: the buffer is `Send + Sync` and all access to its elements goes
// through the buffer's atomic borrow flag; the raw pointer is an address
// inside it.
unsafe impl Send for NdArray {}
// SAFETY: as for `Send` just above: through `&NdArray` other threads read
// only plain fields, and reach the elements only under the buffer's borrow
// flag.
unsafe impl Sync for NdArray {}

/// NumPy's array flags, as [`NdArray::flags`] reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// C-contiguous (row-major, no gaps); length-1 axes ignore their stride,
    /// empty arrays are contiguous.
    pub c_contiguous: bool,
    /// Fortran-contiguous (column-major, no gaps), same conventions.
    pub f_contiguous: bool,
    /// Writes are allowed.
    pub writable: bool,
    /// The array allocated its buffer (it is not a view).
    pub owns_data: bool,
}

/// The alignment an element of `dtype` needs (that of its real part).
pub(crate) const fn dtype_align(dtype: DType) -> usize {
    match dtype {
        DType::F32 | DType::C64 => 4,
        DType::F64 | DType::C128 => 8,
    }
}

/// Element count of `shape`, and its byte count for `itemsize`, both
/// checked to fit `isize`.
pub(crate) fn checked_size(
    routine: &'static str,
    shape: &[usize],
    itemsize: usize,
) -> Result<(usize, usize)> {
    if shape.len() > MAX_DIMS {
        return Err(Error::TooManyDimensions {
            routine,
            ndim: shape.len(),
            max: MAX_DIMS,
        });
    }
    let overflow = || Error::SizeOverflow {
        routine,
        shape: Shape(shape.to_vec()),
        itemsize,
    };
    // NumPy's rule: the product of the non-zero lengths must fit, even when
    // another length is zero.
    let mut nonzero: usize = 1;
    let mut size: usize = 1;
    for &n in shape {
        if n != 0 {
            nonzero = nonzero.checked_mul(n).ok_or_else(overflow)?;
        }
        size = size.saturating_mul(n);
    }
    let nbytes = nonzero.checked_mul(itemsize).ok_or_else(overflow)?;
    if nbytes > isize::MAX as usize {
        return Err(overflow());
    }
    let size = if shape.contains(&0) { 0 } else { size };
    Ok((size, size * itemsize))
}

/// Fills `out` with the contiguous strides of `shape` in `order` (C or F;
/// any other order is taken as C).
pub(crate) fn contiguous_strides(
    shape: &[usize],
    itemsize: usize,
    order: MemOrder,
    out: &mut [isize],
) {
    let mut acc = itemsize as isize;
    let n = shape.len();
    let mut set = |k: usize| {
        out[k] = acc;
        acc = acc.wrapping_mul(shape[k].max(1) as isize);
    };
    if order == MemOrder::F {
        (0..n).for_each(&mut set);
    } else {
        (0..n).rev().for_each(&mut set);
    }
}

/// `strides` must have one entry per axis of `shape`.
fn check_strides_len(routine: &'static str, shape: &[usize], strides: &[isize]) -> Result<()> {
    if shape.len() == strides.len() {
        return Ok(());
    }
    Err(Error::ShapeMismatch {
        routine,
        what: "strides must have one entry per axis",
        got: Shape(vec![strides.len()]),
        expected: Shape(vec![shape.len()]),
    })
}

/// Checks that every element of (`shape`, `strides`), element 0 at byte
/// `offset`, lies inside a buffer of `nbytes` bytes: for an empty array
/// (which addresses nothing) that the offset lies in `[0, nbytes]`.
/// Reports the first axis whose steps leave the buffer
/// ([`Error::OutsideBuffer`]). Exact: the arithmetic is in `i128`, and each
/// axis is checked before the next is added.
fn check_buffer_extent(
    routine: &'static str,
    nbytes: usize,
    offset: isize,
    itemsize: usize,
    shape: &[usize],
    strides: &[isize],
) -> Result<()> {
    let limit = nbytes as i128;
    let outside = |axis, lo, hi| Error::OutsideBuffer {
        routine,
        nbytes,
        axis,
        lo,
        hi,
    };
    let (mut lo, mut hi) = (offset as i128, offset as i128 + itemsize as i128);
    if shape.contains(&0) {
        if lo < 0 || lo > limit {
            return Err(outside(None, lo, lo));
        }
        return Ok(());
    }
    if lo < 0 || hi > limit {
        return Err(outside(None, lo, hi));
    }
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        let span = (n as i128 - 1) * s as i128;
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
        if lo < 0 || hi > limit {
            return Err(outside(Some(k), lo, hi));
        }
    }
    Ok(())
}

/// Normalizes a possibly negative axis against `ndim`.
pub(crate) fn normalize_axis(routine: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    let a = if axis < 0 { axis + n } else { axis };
    if (0..n).contains(&a) {
        Ok(a as usize)
    } else {
        Err(Error::AxisOutOfRange {
            routine,
            axis,
            ndim,
        })
    }
}

impl NdArray {
    /// A new array over `buf` (crate-internal; the caller keeps the invariants).
    pub(crate) fn from_parts(
        buf: Arc<Buffer>,
        ptr: *mut u8,
        dtype: DType,
        shape: &[usize],
        strides: &[isize],
        writable: bool,
        owns: bool,
    ) -> NdArray {
        let mut a = NdArray {
            buf,
            ptr,
            dtype,
            ndim: shape.len(),
            writable,
            owns,
            shape: [0; MAX_DIMS],
            strides: [0; MAX_DIMS],
        };
        a.shape[..shape.len()].copy_from_slice(shape);
        a.strides[..shape.len()].copy_from_slice(strides);
        a
    }

    /// A new owning array of `shape` in C or F order, zeroed or not.
    pub(crate) fn alloc(
        routine: &'static str,
        dtype: DType,
        shape: &[usize],
        order: MemOrder,
        zeroed: bool,
    ) -> Result<NdArray> {
        let (_, nbytes) = checked_size(routine, shape, dtype.itemsize())?;
        let buf = Arc::new(Buffer::alloc(routine, nbytes, dtype_align(dtype), zeroed)?);
        let ptr = buf.start();
        let mut a = NdArray::from_parts(
            buf,
            ptr,
            dtype,
            shape,
            &[0; MAX_DIMS][..shape.len()],
            true,
            true,
        );
        contiguous_strides(
            shape,
            dtype.itemsize(),
            order,
            &mut a.strides[..shape.len()],
        );
        Ok(a)
    }

    /// A new array object viewing the same data (NumPy's `a.view()`): same
    /// dtype, shape, strides and writable flag; `owns_data` is false. No copy,
    /// no allocation.
    #[inline]
    pub fn new_view(&self) -> NdArray {
        NdArray {
            buf: Arc::clone(&self.buf),
            ptr: self.ptr,
            dtype: self.dtype,
            ndim: self.ndim,
            writable: self.writable,
            owns: false,
            shape: self.shape,
            strides: self.strides,
        }
    }

    /// Wraps foreign memory without copying: the element at index `i` is
    /// at `ptr + Σ iₖ·strides[k]` (byte strides, negative and zero allowed).
    ///
    /// `release`, if given, is called exactly once, after the returned array
    /// and every view made from it have been dropped. If this function
    /// returns an error, `release` is dropped *without* being called (the
    /// caller still owns the memory).
    ///
    /// # Errors
    /// `shape` and `strides` of different lengths ([`Error::ShapeMismatch`]),
    /// more than [`MAX_DIMS`] axes, element or byte counts (or the extent
    /// spanned by the strides) overflowing `isize` ([`Error::SizeOverflow`]),
    /// a null pointer for a non-empty array, or a pointer or a stride (of an
    /// axis longer than 1) that is not a multiple of the dtype's alignment
    /// (4 bytes for `float32`/`complex64`, 8 for `float64`/`complex128`;
    /// [`Error::Misaligned`]).
    ///
    /// # Safety
    /// For as long as the returned array or any view made from it exists:
    /// every element address described above must be valid for reads of
    /// `dtype.itemsize()` bytes (and for writes, unless `readonly`), hold
    /// initialized values of the dtype, and not be written by anything
    /// other than lapis arrays made from this one (nor read by anything
    /// else while a lapis typed view writes it). The memory may be accessed
    /// from any thread, and `release` may run on any thread.
    pub unsafe fn from_raw_parts(
        ptr: *mut u8,
        dtype: DType,
        shape: &[usize],
        strides: &[isize],
        readonly: bool,
        release: Option<ReleaseHook>,
    ) -> Result<NdArray> {
        const R: &str = "from_raw_parts";
        check_strides_len(R, shape, strides)?;
        let (size, _) = checked_size(R, shape, dtype.itemsize())?;
        let overflow = || Error::SizeOverflow {
            routine: R,
            shape: Shape(shape.to_vec()),
            itemsize: dtype.itemsize(),
        };
        let align = dtype_align(dtype);
        if size > 0 {
            if ptr.is_null() {
                return Err(Error::InvalidArgument {
                    routine: R,
                    what: "ptr",
                    reason: "null pointer for a non-empty array".into(),
                });
            }
            if !(ptr as usize).is_multiple_of(align) {
                return Err(Error::Misaligned {
                    routine: R,
                    what: "ptr",
                    value: ptr as isize,
                    align,
                });
            }
            // The span of byte offsets must fit isize, measured from the
            // lowest to the highest element.
            let mut span: i128 = dtype.itemsize() as i128;
            for (&n, &s) in shape.iter().zip(strides) {
                if n > 1 && s % align as isize != 0 {
                    return Err(Error::Misaligned {
                        routine: R,
                        what: "stride",
                        value: s,
                        align,
                    });
                }
                span += (n as i128 - 1) * (s as i128).abs();
            }
            if span > isize::MAX as i128 {
                return Err(overflow());
            }
        }
        let start = NonNull::new(ptr).unwrap_or(NonNull::<f64>::dangling().cast());
        let buf = Arc::new(Buffer::foreign(start, release));
        Ok(NdArray::from_parts(
            buf,
            start.as_ptr(),
            dtype,
            shape,
            strides,
            !readonly,
            false,
        ))
    }

    /// Wraps foreign memory given as a buffer, as NumPy's
    /// `ndarray(shape, dtype, buffer, offset, strides)` does: the buffer is
    /// the `buffer.len()` bytes at `buffer`'s address, element 0 (index
    /// `[0, …, 0]`) is at byte `offset` of it, and the element at index `i`
    /// at `offset + Σ iₖ·strides[k]` (byte strides, negative and zero
    /// allowed). No copy. Where [`from_raw_parts`](Self::from_raw_parts)
    /// takes the caller's word for where the memory ends, this checks that
    /// every element lies inside the buffer, then wraps the memory with
    /// `from_raw_parts` (the pointer of an empty array, which addresses
    /// nothing, is the buffer's start). `release` as for `from_raw_parts`.
    ///
    /// # Errors
    /// Checked in this order: `shape` and `strides` of different lengths
    /// ([`Error::ShapeMismatch`]); a buffer longer than `isize::MAX` bytes
    /// ([`Error::SizeOverflow`]); a stride of an axis longer than 1 that is
    /// not a multiple of the itemsize ([`Error::StrideNotMultiple`], the
    /// first such axis); an element outside the buffer, or for an empty
    /// array an offset outside `[0, buffer.len()]`
    /// ([`Error::OutsideBuffer`], naming the first axis that steps out); a
    /// null buffer for a non-empty array ([`Error::InvalidArgument`]); then
    /// the errors of `from_raw_parts` (a misaligned element 0, more than
    /// [`MAX_DIMS`] axes, sizes overflowing `isize`).
    ///
    /// # Safety
    /// The conditions of `from_raw_parts`, for the element addresses this
    /// function accepts. Since it accepts only addresses inside the
    /// buffer, it suffices that for as long as the returned array or any
    /// view made from it exists, the whole buffer is valid for reads (and
    /// writes, unless `readonly`), holds initialized values of the dtype
    /// where elements lie, and is accessed only through lapis arrays made
    /// from this one.
    pub unsafe fn from_raw_buffer(
        buffer: *mut [u8],
        offset: isize,
        dtype: DType,
        shape: &[usize],
        strides: &[isize],
        readonly: bool,
        release: Option<ReleaseHook>,
    ) -> Result<NdArray> {
        const R: &str = "from_raw_buffer";
        check_strides_len(R, shape, strides)?;
        let nbytes = buffer.len();
        if nbytes > isize::MAX as usize {
            return Err(Error::SizeOverflow {
                routine: R,
                shape: Shape(vec![nbytes]),
                itemsize: 1,
            });
        }
        let itemsize = dtype.itemsize();
        for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
            if n > 1 && s % itemsize as isize != 0 {
                return Err(Error::StrideNotMultiple {
                    routine: R,
                    axis: k,
                    stride: s,
                    itemsize,
                });
            }
        }
        check_buffer_extent(R, nbytes, offset, itemsize, shape, strides)?;
        let base = buffer as *mut u8;
        let empty = shape.contains(&0);
        if base.is_null() && !empty {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "buffer",
                reason: "null pointer for a non-empty array".into(),
            });
        }
        // check_buffer_extent put the offset of a non-empty array inside
        // [0, nbytes), so this address is inside the buffer.
        let ptr = if empty {
            base
        } else {
            base.wrapping_add(offset as usize)
        };
        // SAFETY: every element address lies inside the buffer (checked
        // above), which this function's own contract makes valid as
        // `from_raw_parts` requires.
        unsafe { Self::from_raw_parts(ptr, dtype, shape, strides, readonly, release) }
    }

    /// The byte strides of an array of `shape` and `dtype` contiguous in
    /// `order` (F: the first axis varies fastest; C, A and K: the last),
    /// with length-0 axes stepping as length-1 ones: the layout of new
    /// arrays, and of contiguous memory given to
    /// [`from_raw_parts`](Self::from_raw_parts). Not checked: a shape whose
    /// byte count overflows gives wrapped strides, and `from_raw_parts`
    /// then rejects the shape itself ([`Error::SizeOverflow`]).
    pub fn contiguous_byte_strides(shape: &[usize], dtype: DType, order: MemOrder) -> Vec<isize> {
        let mut strides = vec![0; shape.len()];
        contiguous_strides(shape, dtype.itemsize(), order, &mut strides);
        strides
    }

    /// The element type.
    #[inline]
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The number of axes.
    #[inline]
    pub fn ndim(&self) -> usize {
        self.ndim
    }

    /// The length of each axis.
    #[inline]
    pub fn shape(&self) -> &[usize] {
        &self.shape[..self.ndim]
    }

    /// The byte step of each axis (NumPy's `strides`).
    #[inline]
    pub fn strides(&self) -> &[isize] {
        &self.strides[..self.ndim]
    }

    /// The strides in elements. Axes of length ≤ 1 report their byte
    /// stride divided by the itemsize, rounded toward zero.
    ///
    /// # Errors
    /// [`Error::StrideNotMultiple`] if the byte stride of an axis longer
    /// than 1 is not a multiple of the itemsize (possible only for foreign
    /// memory).
    pub fn strides_elems(&self) -> Result<Vec<isize>> {
        let item = self.itemsize() as isize;
        (0..self.ndim)
            .map(|k| {
                let s = self.strides[k];
                if self.shape[k] > 1 && s % item != 0 {
                    Err(Error::StrideNotMultiple {
                        routine: "strides_elems",
                        axis: k,
                        stride: s,
                        itemsize: item as usize,
                    })
                } else {
                    Ok(s / item)
                }
            })
            .collect()
    }

    /// The number of elements (1 for a 0-d array).
    #[inline]
    pub fn size(&self) -> usize {
        self.shape().iter().product()
    }

    /// The size of one element in bytes.
    #[inline]
    pub fn itemsize(&self) -> usize {
        self.dtype.itemsize()
    }

    /// `size · itemsize`: the bytes the elements take (not the buffer's size).
    #[inline]
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// The address of the first element (index `[0, …, 0]`); for empty
    /// arrays an address that must not be read.
    #[inline]
    pub fn data_ptr(&self) -> *const u8 {
        self.ptr
    }

    /// The first-element address for writing.
    ///
    /// # Errors
    /// [`Error::ReadOnly`] if the array is not writable.
    pub fn data_ptr_mut(&mut self) -> Result<*mut u8> {
        if !self.writable {
            return Err(Error::ReadOnly {
                routine: "data_ptr_mut",
            });
        }
        Ok(self.ptr)
    }

    fn is_contiguous_in(&self, order: MemOrder) -> bool {
        if self.size() == 0 {
            return true;
        }
        let mut expect = self.itemsize() as isize;
        let mut check = |k: usize| {
            let n = self.shape[k];
            if n == 1 {
                return true;
            }
            let ok = self.strides[k] == expect;
            expect = expect.wrapping_mul(n as isize);
            ok
        };
        if order == MemOrder::F {
            (0..self.ndim).all(&mut check)
        } else {
            (0..self.ndim).rev().all(&mut check)
        }
    }

    /// NumPy's `C_CONTIGUOUS` flag: row-major without gaps. Strides of
    /// length-1 axes are ignored; empty arrays are contiguous.
    pub fn is_c_contiguous(&self) -> bool {
        self.is_contiguous_in(MemOrder::C)
    }

    /// NumPy's `F_CONTIGUOUS` flag: column-major without gaps, same conventions.
    pub fn is_f_contiguous(&self) -> bool {
        self.is_contiguous_in(MemOrder::F)
    }

    /// Whether writes are allowed.
    #[inline]
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// Turns the writable flag off (for this array object only; arrays made
    /// from it afterwards inherit it). It cannot be turned back on.
    pub fn set_readonly(&mut self) {
        self.writable = false;
    }

    /// NumPy's `OWNDATA`: this array allocated its buffer, rather than
    /// viewing another array's or foreign memory.
    #[inline]
    pub fn owns_data(&self) -> bool {
        self.owns
    }

    /// All flags at once.
    pub fn flags(&self) -> Flags {
        Flags {
            c_contiguous: self.is_c_contiguous(),
            f_contiguous: self.is_f_contiguous(),
            writable: self.writable,
            owns_data: self.owns,
        }
    }

    /// Whether both arrays view the same buffer (NumPy's
    /// `may_share_memory`: a cheap check, true even if the elements they
    /// use happen to be disjoint).
    pub fn shares_buffer(&self, other: &NdArray) -> bool {
        Arc::ptr_eq(&self.buf, &other.buf)
    }

    /// Whether the buffer was allocated by lapis (not foreign or static memory).
    pub fn is_lapis_allocated(&self) -> bool {
        self.buf.is_allocated()
    }

    /// Whether two distinct indices address the same bytes (zero strides,
    /// or foreign strides that interleave): such arrays cannot be
    /// mutably viewed. Conservative, as ndarray's check.
    pub(crate) fn has_overlap(&self) -> bool {
        if self.size() == 0 {
            return false;
        }
        let mut axes: [(isize, usize); MAX_DIMS] = [(0, 0); MAX_DIMS];
        let mut n = 0;
        for k in 0..self.ndim {
            if self.shape[k] > 1 {
                axes[n] = (self.strides[k].abs(), self.shape[k]);
                n += 1;
            }
        }
        let axes = &mut axes[..n];
        axes.sort_unstable();
        let mut reach: i128 = self.itemsize() as i128 - 1;
        for &(s, len) in axes.iter() {
            if (s as i128) <= reach {
                return true;
            }
            reach += (len as i128 - 1) * s as i128;
        }
        false
    }
}

impl fmt::Debug for NdArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NdArray")
            .field("dtype", &self.dtype)
            .field("shape", &self.shape())
            .field("strides", &self.strides())
            .field("flags", &self.flags())
            .finish()
    }
}

/// Keeps `MAX_ALIGN` in step with the dtypes.
const _: () = assert!(dtype_align(DType::C128) <= MAX_ALIGN);

#[cfg(test)]
mod tests {
    use super::*;

    /// `from_raw_buffer` over a 6-element f64 buffer.
    fn wrap(offset: isize, nbytes: usize, shape: &[usize], strides: &[isize]) -> Result<NdArray> {
        static BUF: [f64; 6] = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(nbytes <= size_of_val(&BUF));
        let buffer =
            std::ptr::slice_from_raw_parts_mut(BUF.as_ptr().cast::<u8>().cast_mut(), nbytes);
        // SAFETY: the static buffer lives forever, is initialized, and is
        // never written (the wraps are read-only).
        unsafe { NdArray::from_raw_buffer(buffer, offset, DType::F64, shape, strides, true, None) }
    }

    #[test]
    fn from_raw_buffer_accepts_what_lies_inside() {
        let a = wrap(0, 48, &[2, 3], &[24, 8]).unwrap();
        assert_eq!(a.to_vec::<f64>().unwrap(), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        // A negative stride with element 0 in the last row.
        let b = wrap(24, 48, &[2, 3], &[-24, 8]).unwrap();
        assert_eq!(b.to_vec::<f64>().unwrap(), [3.0, 4.0, 5.0, 0.0, 1.0, 2.0]);
        // An empty array may sit at the end of the buffer.
        assert_eq!(wrap(48, 48, &[0, 3], &[24, 8]).unwrap().size(), 0);
    }

    #[test]
    fn from_raw_buffer_names_what_lies_outside() {
        let message = |r: Result<NdArray>| r.expect_err("an error").to_string();
        assert_eq!(
            message(wrap(0, 48, &[2, 3], &[48, 8])),
            "from_raw_buffer: axis 0 steps outside the buffer: the elements span bytes [0, 56) of a buffer of 48 bytes"
        );
        assert_eq!(
            message(wrap(24, 40, &[2, 3], &[-24, 8])),
            "from_raw_buffer: axis 1 steps outside the buffer: the elements span bytes [0, 48) of a buffer of 40 bytes"
        );
        assert_eq!(
            message(wrap(-8, 48, &[1], &[8])),
            "from_raw_buffer: element 0 at byte offset -8 (8 bytes) is outside the buffer of 48 bytes"
        );
        assert_eq!(
            message(wrap(56, 48, &[0], &[8])),
            "from_raw_buffer: offset 56 is outside the buffer of 48 bytes"
        );
        assert!(matches!(
            wrap(0, 48, &[2, 2], &[12, 8]),
            Err(Error::StrideNotMultiple {
                axis: 0,
                stride: 12,
                ..
            })
        ));
        assert!(matches!(
            wrap(4, 48, &[2], &[8]),
            Err(Error::Misaligned { what: "ptr", .. })
        ));
        assert!(matches!(
            wrap(0, 48, &[2, 2], &[8]),
            Err(Error::ShapeMismatch { .. })
        ));
    }

    #[test]
    fn contiguous_byte_strides_follow_the_order() {
        let c = NdArray::contiguous_byte_strides(&[2, 0, 3], DType::C64, MemOrder::C);
        assert_eq!(c, [24, 24, 8]);
        let f = NdArray::contiguous_byte_strides(&[2, 0, 3], DType::C64, MemOrder::F);
        assert_eq!(f, [8, 16, 16]);
    }
}
