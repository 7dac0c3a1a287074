//! Typed access: `ndarray` views of an [`NdArray`]'s elements, checked at
//! run time (dtype, writable flag, borrow state), and the per-dtype
//! dispatch that lets one generic code path serve all four dtypes.
//!
//! ndarray views need non-negative element strides. An axis with a negative
//! byte stride is described from its lowest-address element with the
//! positive stride, then flipped back with `invert_axis`, so the view shows
//! the elements in the array's order. Byte strides of axes longer than 1
//! must be multiples of the itemsize (always true for arrays lapis makes;
//! foreign memory may break it, and then typed access is an error).

use std::ops::{Deref, DerefMut};

use ndarray::{ArrayRef, ArrayView, ArrayViewMut, Axis, Dimension, IxDyn, ShapeBuilder};
use num_complex::{Complex32, Complex64};

use super::MAX_DIMS;
use super::buffer::{MutBorrow, SharedBorrow};
use super::dynarray::NdArray;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// A shared typed view of an [`NdArray`]: derefs to ndarray's
/// `ArrayRef<T, D>`, so every read method of ndarray applies, and
/// [`view`](ndarray::ArrayRef::view) gives an `ArrayView` for functions that
/// take one. While it lives, no array over the same buffer can be mutably
/// viewed. (The target is `ArrayRef`, not `ArrayView<'a, ..>`, so that no
/// view can be cloned out to outlive the guard and its borrow.)
///
/// ```
/// # use lapis::{array, DType};
/// let a = array::arange(0.0, 4.0, 1.0, DType::F64)?;
/// let v = a.view::<f64>()?;
/// assert_eq!(v[[3]], 3.0);
/// assert_eq!(v.sum(), 6.0);
/// # Ok::<(), lapis::Error>(())
/// ```
///
/// A view taken from the guard cannot outlive it:
///
/// ```compile_fail
/// # use lapis::{array, DType};
/// let a = array::zeros(&[2], DType::F64).unwrap();
/// let escaped = {
///     let guard = a.view_dim::<f64, ndarray::Ix1>().unwrap();
///     guard.view()
/// };
/// # drop(escaped);
/// ```
pub struct ReadView<'a, T, D: Dimension = IxDyn> {
    view: ArrayView<'a, T, D>,
    _borrow: SharedBorrow<'a>,
}

impl<T, D: Dimension> Deref for ReadView<'_, T, D> {
    type Target = ArrayRef<T, D>;
    fn deref(&self) -> &Self::Target {
        &self.view
    }
}

impl<T: std::fmt::Debug, D: Dimension> std::fmt::Debug for ReadView<'_, T, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.view.fmt(f)
    }
}

/// The mutable typed view of an [`NdArray`]: derefs (mutably) to ndarray's
/// `ArrayRef<T, D>`; [`view_mut`](ndarray::ArrayRef::view_mut) gives an
/// `ArrayViewMut`. While it lives, no other array over the same buffer can
/// be viewed.
pub struct WriteView<'a, T, D: Dimension = IxDyn> {
    view: ArrayViewMut<'a, T, D>,
    _borrow: MutBorrow<'a>,
}

impl<T, D: Dimension> Deref for WriteView<'_, T, D> {
    type Target = ArrayRef<T, D>;
    fn deref(&self) -> &Self::Target {
        &self.view
    }
}

impl<T, D: Dimension> DerefMut for WriteView<'_, T, D> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.view
    }
}

impl<T: std::fmt::Debug, D: Dimension> std::fmt::Debug for WriteView<'_, T, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.view.fmt(f)
    }
}

/// A shared typed view of whichever element type the array holds: `match`
/// on it to run one generic function per dtype.
#[derive(Debug)]
pub enum TypedView<'a> {
    F32(ReadView<'a, f32>),
    F64(ReadView<'a, f64>),
    C64(ReadView<'a, Complex32>),
    C128(ReadView<'a, Complex64>),
}

/// A mutable typed view of whichever element type the array holds.
#[derive(Debug)]
pub enum TypedViewMut<'a> {
    F32(WriteView<'a, f32>),
    F64(WriteView<'a, f64>),
    C64(WriteView<'a, Complex32>),
    C128(WriteView<'a, Complex64>),
}

/// Runs `$body` with the type alias `$T` bound to the element type of a
/// [`DType`](crate::DType), so one generic expression serves all dtypes:
///
/// ```
/// use lapis::{dispatch_dtype, RealScalar, Scalar};
/// let a = lapis::array::ones(&[2, 3], lapis::DType::C64).unwrap();
/// let total = dispatch_dtype!(a.dtype(), T => {
///     let v = a.view::<T>().unwrap();
///     v.iter().map(|x| x.re().to_f64_real()).sum::<f64>()
/// });
/// assert_eq!(total, 6.0);
/// ```
#[macro_export]
macro_rules! dispatch_dtype {
    ($dtype:expr, $T:ident => $body:expr) => {
        match $dtype {
            $crate::DType::F32 => {
                #[allow(dead_code)]
                type $T = f32;
                $body
            }
            $crate::DType::F64 => {
                #[allow(dead_code)]
                type $T = f64;
                $body
            }
            $crate::DType::C64 => {
                #[allow(dead_code)]
                type $T = $crate::Complex32;
                $body
            }
            $crate::DType::C128 => {
                #[allow(dead_code)]
                type $T = $crate::Complex64;
                $body
            }
        }
    };
}

/// Pointer, shape and non-negative element strides of an ndarray view, and
/// the axes to invert afterwards.
struct RawView<T, D> {
    ptr: *mut T,
    dim: D,
    strides: D,
    invert: [bool; MAX_DIMS],
}

impl NdArray {
    fn raw_view<T: Scalar, D: Dimension>(&self, routine: &'static str) -> Result<RawView<T, D>> {
        if T::DTYPE != self.dtype {
            return Err(Error::DTypeMismatch {
                routine,
                actual: self.dtype,
                requested: T::DTYPE,
            });
        }
        if let Some(n) = D::NDIM
            && n != self.ndim
        {
            return Err(Error::DimensionMismatch {
                routine,
                expected: n,
                got: self.ndim,
            });
        }
        let mut dim = D::zeros(self.ndim);
        let mut strides = D::zeros(self.ndim);
        let mut invert = [false; MAX_DIMS];
        let mut ptr = self.ptr;
        let item = self.itemsize() as isize;
        let empty = self.size() == 0;
        for k in 0..self.ndim {
            let (n, s) = (self.shape[k], self.strides[k]);
            dim[k] = n;
            if n <= 1 || empty {
                continue; // stride irrelevant: 0 keeps ndarray's checks simple
            }
            if s % item != 0 {
                return Err(Error::StrideNotMultiple {
                    routine,
                    axis: k,
                    stride: s,
                    itemsize: item as usize,
                });
            }
            if s < 0 {
                // Lowest address of this axis; in bounds by the invariants.
                ptr = ptr.wrapping_offset((n as isize - 1) * s);
                invert[k] = true;
            }
            strides[k] = (s.unsigned_abs()) / item as usize;
        }
        if empty {
            // No element is addressed; C-order strides (lengths 0 taken as 1)
            // satisfy ndarray's (debug) checks for mutable views, which zero
            // strides on axes longer than 1 do not.
            let mut acc = 1usize;
            for k in (0..self.ndim).rev() {
                strides[k] = acc;
                acc *= self.shape[k].max(1);
            }
        }
        Ok(RawView {
            ptr: ptr as *mut T,
            dim,
            strides,
            invert,
        })
    }

    /// An unchecked shared view (no borrow taken).
    ///
    /// # Safety
    /// While the result lives, nothing may write an element it reaches
    /// (ndarray's condition for `ArrayView::from_shape_ptr`); a mutable view
    /// of other elements of the same buffer is allowed.
    pub(crate) unsafe fn view_unchecked<T: Scalar, D: Dimension>(
        &self,
        routine: &'static str,
    ) -> Result<ArrayView<'_, T, D>> {
        let r = self.raw_view::<T, D>(routine)?;
        // SAFETY: the invariants of NdArray put every element inside the
        // live buffer, aligned; strides are non-negative element strides.
        let mut v = unsafe { ArrayView::from_shape_ptr(r.dim.strides(r.strides), r.ptr) };
        for k in 0..self.ndim {
            if r.invert[k] {
                v.invert_axis(Axis(k));
            }
        }
        Ok(v)
    }

    /// An unchecked mutable view (no borrow taken, writable flag and
    /// overlap checked).
    ///
    /// # Safety
    /// While the result lives, no other view may reach its elements
    /// (ndarray's condition for `ArrayViewMut::from_shape_ptr`); views of
    /// other elements of the same buffer are allowed.
    pub(crate) unsafe fn view_mut_unchecked<T: Scalar, D: Dimension>(
        &self,
        routine: &'static str,
    ) -> Result<ArrayViewMut<'_, T, D>> {
        if !self.writable {
            return Err(Error::ReadOnly { routine });
        }
        if self.has_overlap() {
            return Err(Error::OverlappingOutput {
                routine,
                what: "array",
                strides: self.strides().to_vec(),
            });
        }
        let r = self.raw_view::<T, D>(routine)?;
        // SAFETY: as in view_unchecked; no two indices share an element.
        let mut v = unsafe { ArrayViewMut::from_shape_ptr(r.dim.strides(r.strides), r.ptr) };
        for k in 0..self.ndim {
            if r.invert[k] {
                v.invert_axis(Axis(k));
            }
        }
        Ok(v)
    }

    /// A shared `ndarray` view of the elements as `T`, any number of axes.
    ///
    /// No copy. The view shows the array's order, negative strides included.
    ///
    /// # Errors
    /// [`Error::DTypeMismatch`] if `T` is not the dtype;
    /// [`Error::StrideNotMultiple`] for foreign byte strides that are not
    /// multiples of the itemsize; [`Error::BorrowConflict`] while an array
    /// over the same buffer is mutably viewed.
    pub fn view<T: Scalar>(&self) -> Result<ReadView<'_, T>> {
        self.view_dim::<T, IxDyn>()
    }

    /// A shared view with a fixed number of axes (`Ix1`, `Ix2`, …), as
    /// [`view`](Self::view); [`Error::DimensionMismatch`] if `D` has another
    /// number of axes than the array.
    pub fn view_dim<T: Scalar, D: Dimension>(&self) -> Result<ReadView<'_, T, D>> {
        const R: &str = "view";
        let borrow = self.buf.borrow_shared(R)?;
        // SAFETY: the shared borrow lives as long as the view.
        let view = unsafe { self.view_unchecked::<T, D>(R)? };
        Ok(ReadView {
            view,
            _borrow: borrow,
        })
    }

    /// A mutable `ndarray` view of the elements as `T`, any number of axes.
    /// Writes go to the array's memory (and show in every array viewing it).
    ///
    /// # Errors
    /// As [`view`](Self::view), and [`Error::ReadOnly`] if the array is not
    /// writable, [`Error::OverlappingOutput`] if two indices address the same
    /// element (only foreign memory can be both writable and overlapping),
    /// [`Error::BorrowConflict`] while any array over the same buffer is
    /// viewed.
    pub fn view_mut<T: Scalar>(&mut self) -> Result<WriteView<'_, T>> {
        self.view_mut_dim::<T, IxDyn>()
    }

    /// A mutable view with a fixed number of axes, as [`view_mut`](Self::view_mut).
    pub fn view_mut_dim<T: Scalar, D: Dimension>(&mut self) -> Result<WriteView<'_, T, D>> {
        const R: &str = "view_mut";
        if !self.writable {
            return Err(Error::ReadOnly { routine: R });
        }
        let borrow = self.buf.borrow_mut(R)?;
        // SAFETY: the mutable borrow excludes every other typed view of the
        // buffer for as long as this view lives.
        let view = unsafe { self.view_mut_unchecked::<T, D>(R)? };
        Ok(WriteView {
            view,
            _borrow: borrow,
        })
    }

    /// A shared view of whichever type the array holds.
    ///
    /// # Errors
    /// As [`view`](Self::view) (never a dtype mismatch).
    pub fn typed(&self) -> Result<TypedView<'_>> {
        Ok(match self.dtype {
            crate::DType::F32 => TypedView::F32(self.view()?),
            crate::DType::F64 => TypedView::F64(self.view()?),
            crate::DType::C64 => TypedView::C64(self.view()?),
            crate::DType::C128 => TypedView::C128(self.view()?),
        })
    }

    /// A mutable view of whichever type the array holds.
    ///
    /// # Errors
    /// As [`view_mut`](Self::view_mut) (never a dtype mismatch).
    pub fn typed_mut(&mut self) -> Result<TypedViewMut<'_>> {
        Ok(match self.dtype {
            crate::DType::F32 => TypedViewMut::F32(self.view_mut()?),
            crate::DType::F64 => TypedViewMut::F64(self.view_mut()?),
            crate::DType::C64 => TypedViewMut::C64(self.view_mut()?),
            crate::DType::C128 => TypedViewMut::C128(self.view_mut()?),
        })
    }

    /// Byte offset of the element at `index` (negative entries count from
    /// the end of their axis).
    fn offset_of(&self, index: &[isize]) -> Result<isize> {
        if index.len() != self.ndim {
            return Err(Error::DimensionMismatch {
                routine: "item",
                expected: self.ndim,
                got: index.len(),
            });
        }
        let mut off = 0isize;
        for (k, &i) in index.iter().enumerate() {
            let n = self.shape[k];
            let j = if i < 0 { i + n as isize } else { i };
            if j < 0 || j >= n as isize {
                return Err(Error::IndexOutOfRange {
                    index: i,
                    axis: k,
                    size: n,
                });
            }
            off += j * self.strides[k];
        }
        Ok(off)
    }

    /// The element at `index` (one entry per axis; negative entries count
    /// from the end).
    ///
    /// # Errors
    /// [`Error::DTypeMismatch`], [`Error::DimensionMismatch`] for an index of
    /// the wrong length, [`Error::IndexOutOfRange`],
    /// [`Error::BorrowConflict`] while the buffer is mutably viewed.
    pub fn item<T: Scalar>(&self, index: &[isize]) -> Result<T> {
        if T::DTYPE != self.dtype {
            return Err(Error::DTypeMismatch {
                routine: "item",
                actual: self.dtype,
                requested: T::DTYPE,
            });
        }
        let off = self.offset_of(index)?;
        let _b = self.buf.borrow_shared("item")?;
        // SAFETY: an in-range index addresses an aligned element in the buffer.
        Ok(unsafe { (self.ptr.offset(off) as *const T).read() })
    }

    /// Writes the element at `index`, as [`item`](Self::item) reads it.
    ///
    /// # Errors
    /// As [`item`](Self::item), and [`Error::ReadOnly`] for read-only
    /// arrays; [`Error::BorrowConflict`] while the buffer is viewed.
    pub fn set_item<T: Scalar>(&mut self, index: &[isize], value: T) -> Result<()> {
        if T::DTYPE != self.dtype {
            return Err(Error::DTypeMismatch {
                routine: "set_item",
                actual: self.dtype,
                requested: T::DTYPE,
            });
        }
        if !self.writable {
            return Err(Error::ReadOnly {
                routine: "set_item",
            });
        }
        let off = self.offset_of(index)?;
        let _b = self.buf.borrow_mut("set_item")?;
        // SAFETY: as in item; the buffer is exclusively borrowed.
        unsafe { (self.ptr.offset(off) as *mut T).write(value) };
        Ok(())
    }

    /// The elements in C (row-major) order as a `Vec<T>` (a copy).
    ///
    /// # Errors
    /// As [`view`](Self::view).
    pub fn to_vec<T: Scalar>(&self) -> Result<Vec<T>> {
        let v = self.view::<T>()?;
        Ok(v.iter().copied().collect())
    }

    /// A copy as an owned `ndarray` array (C order).
    ///
    /// # Errors
    /// As [`view`](Self::view).
    pub fn to_ndarray<T: Scalar>(&self) -> Result<ndarray::ArrayD<T>> {
        let v = self.view::<T>()?;
        if v.is_empty() {
            // Fresh C-order strides (the view's are placeholders).
            return Ok(ndarray::ArrayD::zeros(v.raw_dim()));
        }
        Ok(v.to_owned())
    }
}

/// Prints the elements as ndarray does (`[[1, 2],\n [3, 4]]`), or
/// `<NdArray float64 (2,3): not viewable>` while the buffer is mutably
/// viewed (or for foreign strides no typed view can describe).
impl std::fmt::Display for NdArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = crate::dispatch_dtype!(self.dtype, T => match self.view::<T>() {
            Ok(v) => Some(std::fmt::Display::fmt(&*v, f)),
            Err(_) => None,
        });
        match shown {
            Some(r) => r,
            None => write!(
                f,
                "<NdArray {} {}: not viewable>",
                self.dtype,
                crate::error::Shape(self.shape().to_vec())
            ),
        }
    }
}
