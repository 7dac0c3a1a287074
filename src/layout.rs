//! How an `ndarray` view maps onto BLAS arguments, or why it needs a copy.
//!
//! BLAS describes a matrix by a base pointer, an order (row- or
//! column-major) and a leading dimension; a vector by a pointer and an
//! increment. A view goes to BLAS as it is when:
//!
//! * matrix: one axis has unit stride (or extent ≤ 1), the other stride is
//!   positive and at least the unit axis's extent, and all of it fits the
//!   BLAS integer. C-order, Fortran-order, transposed and sub-matrix views
//!   (padded leading dimension) all qualify.
//! * vector: any non-zero stride, negative included (BLAS's convention for
//!   a negative increment is a pointer to the lowest address, which this
//!   module computes).
//!
//! Otherwise (non-unit stride on both axes, a negative matrix stride, a
//! zero-stride broadcast input, or an input that overlaps the output) the
//! input is copied to a contiguous temporary; an output that BLAS cannot
//! express is computed in a temporary and written back. Outputs whose own
//! elements overlap (zero strides) are an error.

use crate::sys::BlasInt;

use ndarray::{
    Array1, Array2, ArrayRef, ArrayRef1, ArrayRef2, CowArray, Dimension, Ix1, Ix2, ShapeBuilder,
};

use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Converts a size to the BLAS integer, or says which argument is too large.
pub(crate) fn blas_int(routine: &'static str, what: &'static str, value: usize) -> Result<BlasInt> {
    BlasInt::try_from(value).map_err(|_| Error::DimensionTooLarge {
        routine,
        what,
        value: value as i128,
        max: BlasInt::MAX as i64,
    })
}

/// Converts a signed stride or leading dimension to the BLAS integer.
pub(crate) fn blas_int_signed(
    routine: &'static str,
    what: &'static str,
    value: isize,
) -> Result<BlasInt> {
    BlasInt::try_from(value).map_err(|_| Error::DimensionTooLarge {
        routine,
        what,
        value: value as i128,
        max: BlasInt::MAX as i64,
    })
}

/// Memory order of a matrix as BLAS reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Row-major (C order): `CblasRowMajor`.
    Row,
    /// Column-major (Fortran order): `CblasColMajor`.
    Col,
}

impl Order {
    /// The other order.
    pub fn flip(self) -> Order {
        match self {
            Order::Row => Order::Col,
            Order::Col => Order::Row,
        }
    }

    pub(crate) fn cblas(self) -> crate::sys::Layout {
        match self {
            Order::Row => crate::sys::Layout::CblasRowMajor,
            Order::Col => crate::sys::Layout::CblasColMajor,
        }
    }
}

/// The leading dimension with which BLAS can read a `shape`/`strides` matrix
/// in `order` without a copy, or `None`.
pub fn leading_dim(shape: [usize; 2], strides: [isize; 2], order: Order) -> Option<usize> {
    let (outer_len, inner_len, outer_stride, inner_stride) = match order {
        Order::Row => (shape[0], shape[1], strides[0], strides[1]),
        Order::Col => (shape[1], shape[0], strides[1], strides[0]),
    };
    let min_ld = inner_len.max(1);
    if outer_len == 0 || inner_len == 0 {
        return Some(min_ld);
    }
    if inner_len > 1 && inner_stride != 1 {
        return None;
    }
    if outer_len <= 1 {
        return Some(min_ld);
    }
    if outer_stride < 1 || (outer_stride as usize) < min_ld {
        return None;
    }
    let ld = outer_stride as usize;
    (ld <= BlasInt::MAX as usize).then_some(ld)
}

fn dims2<T>(a: &ArrayRef2<T>) -> ([usize; 2], [isize; 2]) {
    let (r, c) = a.dim();
    let s = a.strides();
    ([r, c], [s[0], s[1]])
}

/// The leading dimension of `a` in `order`, if BLAS can read it so.
pub(crate) fn mat_ld<T>(a: &ArrayRef2<T>, order: Order) -> Option<usize> {
    let (shape, strides) = dims2(a);
    leading_dim(shape, strides, order)
}

/// Half-open byte range `[lo, hi)` spanned by the elements of `a`
/// (`None` when `a` is empty).
pub(crate) fn byte_range<T, D: Dimension>(a: &ArrayRef<T, D>) -> Option<(usize, usize)> {
    if a.is_empty() {
        return None;
    }
    let base = a.as_ptr() as isize;
    let size = std::mem::size_of::<T>() as isize;
    let (mut lo, mut hi) = (base, base);
    for (&len, &stride) in a.shape().iter().zip(a.strides()) {
        let span = (len as isize - 1) * stride * size;
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    Some((lo as usize, (hi + size) as usize))
}

/// Whether two byte ranges intersect.
pub(crate) fn ranges_overlap(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> bool {
    match (a, b) {
        (Some((alo, ahi)), Some((blo, bhi))) => alo < bhi && blo < ahi,
        _ => false,
    }
}

/// Whether distinct indices of a `shape`/`strides` array may address the
/// same element. Conservative: `false` is a proof of uniqueness (each
/// stride, sorted by magnitude, exceeds the span of the smaller ones).
pub(crate) fn may_self_overlap(shape: &[usize], strides: &[isize]) -> bool {
    if shape.contains(&0) {
        // No element, nothing to overlap.
        return false;
    }
    if let ([len], [stride]) = (shape, strides) {
        return *len > 1 && *stride == 0;
    }
    // (|stride|, extent) of the axes longer than 1, on the stack for the
    // common ranks (this runs on every BLAS call's output).
    const STACK_RANK: usize = 8;
    let axes = shape
        .iter()
        .zip(strides)
        .filter(|&(&len, _)| len > 1)
        .map(|(&len, &s)| (s.unsigned_abs(), len));
    if shape.len() <= STACK_RANK {
        let mut buf = [(0usize, 0usize); STACK_RANK];
        let mut k = 0;
        for axis in axes {
            buf[k] = axis;
            k += 1;
        }
        sorted_axes_overlap(&mut buf[..k])
    } else {
        sorted_axes_overlap(&mut axes.collect::<Vec<_>>())
    }
}

/// [`may_self_overlap`] on its `(|stride|, extent)` pairs.
fn sorted_axes_overlap(axes: &mut [(usize, usize)]) -> bool {
    axes.sort_unstable();
    let mut span = 0usize;
    for &(stride, len) in axes.iter() {
        if stride == 0 || stride <= span {
            return true;
        }
        span = span.saturating_add(stride.saturating_mul(len - 1));
    }
    false
}

/// Error unless the output's elements are distinct in memory.
pub(crate) fn check_output<T, D: Dimension>(
    routine: &'static str,
    what: &'static str,
    out: &ArrayRef<T, D>,
) -> Result<()> {
    if may_self_overlap(out.shape(), out.strides()) {
        return Err(Error::OverlappingOutput {
            routine,
            what,
            strides: out.strides().to_vec(),
        });
    }
    Ok(())
}

thread_local! {
    static COPIES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts one temporary of `bytes` made on this thread (see
/// [`copies_made`]; the profiler's bytes copied).
pub(crate) fn count_copy(bytes: usize) {
    COPIES.with(|c| c.set(c.get() + 1));
    crate::profile::note_copy(bytes);
}

/// How many temporaries the layout logic has made on this thread so far
/// (input copies and output temporaries). Tests use it to prove which
/// layouts reach BLAS without a copy.
#[doc(hidden)]
pub fn copies_made() -> usize {
    COPIES.with(|c| c.get())
}

/// A copy of `a` in the given memory order.
///
/// # Errors
/// `OutOfMemory` (or `SizeOverflow`) when the copy cannot be allocated.
pub(crate) fn copy_in_order<T: Scalar>(
    routine: &'static str,
    a: &ArrayRef2<T>,
    order: Order,
) -> Result<Array2<T>> {
    count_copy(a.len() * std::mem::size_of::<T>());
    let shape = a.dim().set_f(order == Order::Col);
    let mut t: Array2<T> = crate::alloc::try_zeros(routine, shape)?;
    t.assign(a);
    Ok(t)
}

/// A matrix input ready for BLAS: borrowed when BLAS can read it, else a
/// copy in the order that suits the call.
pub(crate) struct MatIn<'a, T> {
    data: CowArray<'a, T, Ix2>,
}

/// How BLAS is to read a prepared matrix input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MatArg<T> {
    pub ptr: *const T,
    pub order: Order,
    pub ld: BlasInt,
}

impl<'a, T: Scalar> MatIn<'a, T> {
    /// Borrows `a` if BLAS can read it in some order and it does not overlap
    /// `out` (a byte range from [`byte_range`]); otherwise copies it in
    /// `fallback` order.
    /// Errors: `OutOfMemory` when the copy cannot be allocated.
    pub fn new(
        routine: &'static str,
        a: &'a ArrayRef2<T>,
        out: Option<(usize, usize)>,
        fallback: Order,
    ) -> Result<Self> {
        let readable = mat_ld(a, Order::Row).is_some() || mat_ld(a, Order::Col).is_some();
        let data = if readable && !ranges_overlap(byte_range(a), out) {
            CowArray::from(a.view())
        } else {
            CowArray::from(copy_in_order(routine, a, fallback)?)
        };
        Ok(MatIn { data })
    }

    /// Like [`MatIn::new`], but the result is readable in `order` itself
    /// (copied into `order` when it is not).
    pub fn in_order(
        routine: &'static str,
        a: &'a ArrayRef2<T>,
        out: Option<(usize, usize)>,
        order: Order,
    ) -> Result<Self> {
        let data = if mat_ld(a, order).is_some() && !ranges_overlap(byte_range(a), out) {
            CowArray::from(a.view())
        } else {
            CowArray::from(copy_in_order(routine, a, order)?)
        };
        Ok(MatIn { data })
    }

    /// Whether this input is a copy.
    #[allow(dead_code)]
    pub fn is_copy(&self) -> bool {
        self.data.is_owned()
    }

    /// The BLAS arguments to read it in `order`, if possible.
    pub fn arg(&self, order: Order) -> Option<MatArg<T>> {
        mat_ld(&self.data, order).map(|ld| MatArg {
            ptr: self.data.as_ptr(),
            order,
            // leading_dim checked the bound.
            ld: ld as BlasInt,
        })
    }

    /// The BLAS arguments in `prefer` order if possible, else in the other.
    pub fn arg_prefer(&self, prefer: Order) -> MatArg<T> {
        self.arg(prefer)
            .or_else(|| self.arg(prefer.flip()))
            .expect("MatIn holds a BLAS-readable matrix by construction")
    }
}

/// A matrix output: written in place when BLAS can address it, else
/// computed in a temporary (initialised from the output, for `beta`) and
/// copied back by [`MatOut::finish`].
pub(crate) struct MatOut<'b, T> {
    dest: &'b mut ArrayRef2<T>,
    temp: Option<Array2<T>>,
}

impl<'b, T: Scalar> MatOut<'b, T> {
    /// Prepares `dest`. `fallback` is the order of the temporary if one is needed.
    pub fn new(
        routine: &'static str,
        what: &'static str,
        dest: &'b mut ArrayRef2<T>,
        fallback: Order,
    ) -> Result<Self> {
        let direct = mat_ld(dest, Order::Row).is_some() || mat_ld(dest, Order::Col).is_some();
        if direct {
            return Ok(MatOut { dest, temp: None });
        }
        check_output(routine, what, dest)?;
        let temp = copy_in_order(routine, dest, fallback)?;
        Ok(MatOut {
            dest,
            temp: Some(temp),
        })
    }

    /// Orders in which the output can be written, preferred first.
    pub fn orders(&self) -> Vec<Order> {
        let a: &ArrayRef2<T> = match &self.temp {
            Some(t) => t,
            None => self.dest,
        };
        [Order::Col, Order::Row]
            .into_iter()
            .filter(|&o| mat_ld(a, o).is_some())
            .collect()
    }

    /// Pointer and leading dimension to write it in `order` (which must be
    /// one of [`MatOut::orders`]).
    pub fn arg(&mut self, order: Order) -> (*mut T, BlasInt) {
        let a: &mut ArrayRef2<T> = match &mut self.temp {
            Some(t) => t,
            None => self.dest,
        };
        let ld = mat_ld(a, order).expect("order chosen from MatOut::orders");
        (a.as_mut_ptr(), ld as BlasInt)
    }

    /// Byte range of the memory BLAS will write.
    pub fn range(&self) -> Option<(usize, usize)> {
        byte_range(&*self.dest)
    }

    /// Copies the temporary back into the caller's output, if there is one.
    pub fn finish(self) {
        if let Some(t) = self.temp {
            self.dest.assign(&t);
        }
    }
}

/// A vector input ready for BLAS: borrowed unless it has a zero stride
/// (a broadcast) or overlaps the output.
pub(crate) struct VecIn<'a, T> {
    data: CowArray<'a, T, Ix1>,
}

impl<'a, T: Scalar> VecIn<'a, T> {
    /// Errors: `DimensionTooLarge` when the caller's increment or span does
    /// not fit the BLAS integer (checked before anything is read, so a
    /// view that only BLAS's rejection would make safe is never copied);
    /// `OutOfMemory` when the copy cannot be allocated.
    pub fn new(
        routine: &'static str,
        x: &'a ArrayRef1<T>,
        out: Option<(usize, usize)>,
    ) -> Result<Self> {
        vec_arg(routine, x)?;
        let zero_stride = x.len() > 1 && x.strides()[0] == 0;
        let data = if zero_stride || ranges_overlap(byte_range(x), out) {
            CowArray::from(vec_copy(routine, x)?)
        } else {
            CowArray::from(x.view())
        };
        Ok(VecIn { data })
    }

    /// As [`VecIn::new`], for a kernel known to load one element beyond
    /// either end of a strided operand (see
    /// `backend::blas_may_overread`): an operand within
    /// [`PAD`](crate::alloc::PAD) bytes of a page edge is copied into a
    /// padded temporary, so the stray load cannot reach an unmapped page.
    /// Anywhere else, and with other backends, as `new`.
    pub fn for_overreading_kernel(
        routine: &'static str,
        x: &'a ArrayRef1<T>,
        out: Option<(usize, usize)>,
    ) -> Result<Self> {
        vec_arg(routine, x)?;
        if x.len() > 1 && crate::backend::blas_may_overread() && near_page_edge(byte_range(x)) {
            return Ok(VecIn {
                data: CowArray::from(vec_copy(routine, x)?),
            });
        }
        Self::new(routine, x, out)
    }

    /// Pointer (BLAS convention: the lowest address when the increment is
    /// negative) and increment.
    pub fn arg(&self, routine: &'static str) -> Result<(*const T, BlasInt)> {
        vec_arg(routine, &self.data).map(|(p, inc)| (p as *const T, inc))
    }
}

/// Whether the bytes `[lo, hi)` begin or end within
/// [`PAD`](crate::alloc::PAD) bytes of a 4 KiB page boundary (the
/// smallest page; larger pages have their edges on such boundaries), where
/// the neighbouring page may be unmapped.
fn near_page_edge(range: Option<(usize, usize)>) -> bool {
    const PAGE: usize = 4096;
    let pad = crate::alloc::PAD;
    range.is_some_and(|(lo, hi)| lo % PAGE < pad || (PAGE - hi % PAGE) % PAGE < pad)
}

/// An owned contiguous copy of a vector, in logical order with stride 1
/// (`to_owned` would keep a stride of -1).
///
/// # Errors
/// `OutOfMemory` (or `SizeOverflow`) when the copy cannot be allocated.
pub(crate) fn vec_copy<T: Scalar>(routine: &'static str, x: &ArrayRef1<T>) -> Result<Array1<T>> {
    count_copy(x.len() * std::mem::size_of::<T>());
    let mut v = crate::alloc::try_with_capacity(routine, x.len())?;
    v.extend(x.iter().copied());
    Ok(Array1::from_vec(v))
}

/// BLAS pointer and increment for a vector view: the lowest address for a
/// negative stride, increment 1 for length ≤ 1.
pub(crate) fn vec_arg<T: Scalar>(
    routine: &'static str,
    x: &ArrayRef1<T>,
) -> Result<(*mut T, BlasInt)> {
    let n = x.len();
    let s = x.strides()[0];
    let p = x.as_ptr() as *mut T;
    if n <= 1 {
        return Ok((p, 1));
    }
    // BLAS negates a negative increment and multiplies it by n − 1 (and by
    // 2 for complex data, counting real parts) in its own integer type to
    // find the vector's start: all of it must fit.
    let parts = if T::IS_COMPLEX { 2 } else { 1 };
    let span = (n as i128 - 1) * s.unsigned_abs() as i128 * parts;
    if s == isize::MIN || s.unsigned_abs() > BlasInt::MAX as usize || span > BlasInt::MAX as i128 {
        return Err(Error::DimensionTooLarge {
            routine,
            what: "increment",
            value: if span > BlasInt::MAX as i128 {
                span
            } else {
                s as i128
            },
            max: BlasInt::MAX as i64,
        });
    }
    let inc = s as BlasInt;
    let lowest = if s < 0 {
        // SAFETY: in bounds: the element at index n-1 of the view.
        unsafe { p.offset((n as isize - 1) * s) }
    } else {
        p
    };
    Ok((lowest, inc))
}

/// Pointer and increment for a vector output (error if its stride is 0).
pub(crate) fn vec_out<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    y: &mut ArrayRef1<T>,
) -> Result<(*mut T, BlasInt)> {
    check_output(routine, what, y)?;
    vec_arg(routine, y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, s};

    #[test]
    fn leading_dims_of_common_views() {
        let a = Array2::<f64>::zeros((4, 5));
        assert_eq!(mat_ld(&a, Order::Row), Some(5));
        assert_eq!(mat_ld(&a, Order::Col), None);
        assert_eq!(mat_ld(&a.t(), Order::Col), Some(5));
        let sub = a.slice(s![1..3, 1..4]);
        assert_eq!(mat_ld(&sub, Order::Row), Some(5));
        let stepped = a.slice(s![..;2, ..;2]);
        assert_eq!(mat_ld(&stepped, Order::Row), None);
        assert_eq!(mat_ld(&stepped, Order::Col), None);
        let neg = a.slice(s![..;-1, ..]);
        assert_eq!(mat_ld(&neg, Order::Row), None);
        // A single column of a C-order matrix: a row-major 4 × 1 matrix with
        // ld 5 (the stride of a length-1 axis does not matter).
        let col = a.slice(s![.., 2..3]);
        assert_eq!(mat_ld(&col, Order::Row), Some(5));
        assert_eq!(mat_ld(&col, Order::Col), None);
        let row = a.slice(s![1..2, ..]);
        assert_eq!(mat_ld(&row, Order::Row), Some(5));
        assert_eq!(mat_ld(&row, Order::Col), Some(1));
        let empty = Array2::<f64>::zeros((0, 3));
        assert_eq!(mat_ld(&empty, Order::Row), Some(3));
        assert_eq!(mat_ld(&empty, Order::Col), Some(1));
    }

    #[test]
    fn self_overlap_detection() {
        assert!(!may_self_overlap(&[3, 4], &[4, 1]));
        assert!(may_self_overlap(&[3, 4], &[0, 1]));
        assert!(may_self_overlap(&[3, 4], &[1, 1]));
        assert!(!may_self_overlap(&[3, 1], &[1, 0]));
        assert!(!may_self_overlap(&[3, 4], &[-4, 1]));
        assert!(!may_self_overlap(&[3, 0], &[0, 0]));
    }

    #[test]
    fn byte_ranges() {
        let a = Array2::<f64>::zeros((3, 4));
        let (lo, hi) = byte_range(&a).unwrap();
        assert_eq!(hi - lo, 12 * 8);
        let neg = a.slice(s![..;-1, ..]);
        assert_eq!(byte_range(&neg), Some((lo, hi)));
        let part = a.slice(s![1..2, ..]);
        assert!(ranges_overlap(byte_range(&part), Some((lo, hi))));
        assert!(!ranges_overlap(
            byte_range(&part),
            byte_range(&a.slice(s![2.., ..]))
        ));
    }

    #[test]
    fn too_large_dimensions_are_errors() {
        let e = blas_int("gemm", "m", (BlasInt::MAX as usize) + 1).unwrap_err();
        assert!(matches!(e, Error::DimensionTooLarge { what: "m", .. }));
        assert_eq!(blas_int("gemm", "m", 7).unwrap(), 7);
    }
}
