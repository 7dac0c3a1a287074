//! The one copy a LAPACK driver makes of its input, with the finite check
//! done in the same pass.
//!
//! LAPACK overwrites what it is given, so a driver that keeps its input
//! copies it once into a Fortran-order working matrix. That copy already
//! reads every element; checking for NaN and infinity as it goes costs
//! next to nothing, where a separate scan over the input in logical order
//! (strided for any layout but C order) cost as much as the copy itself.
//! The copy walks the destination in memory order (column by column), and a
//! C-order source in square tiles, so that both sides stay in cache.

use std::mem::MaybeUninit;

use ndarray::{Array2, ArrayD, ArrayRef, ArrayRef2, Dimension, Ix2, IxDyn, ShapeBuilder};

use super::{Uplo, checking_finite};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// The elements LAPACK reads, which the finite check covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reads {
    /// The whole matrix.
    All,
    /// The `Uplo` triangle, diagonal included (symmetric, Hermitian and
    /// triangular matrices); the other triangle is not checked.
    Triangle(Uplo),
}

/// What a copy writes outside the part LAPACK reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outside {
    /// The source's elements, as they are.
    Copy,
    /// Zeros (a Cholesky factor's other triangle; a scratch matrix whose
    /// other triangle nobody looks at).
    Zero,
}

/// A new Fortran-order copy of `a`, with an error if the finite check is
/// on and the part of `a` named by `reads` holds NaN or infinity.
///
/// # Errors
/// `NonFinite { routine, what }`; `OutOfMemory`, `SizeOverflow`.
pub(crate) fn checked_fortran_copy<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    reads: Reads,
    outside: Outside,
) -> Result<Array2<T>> {
    crate::layout::count_copy(a.len() * std::mem::size_of::<T>());
    checked_fortran_output(routine, what, a, reads, outside)
}

/// [`checked_fortran_copy`] without counting it as a temporary: for a copy
/// that becomes the result (QR's Householder form; a right-hand side that
/// becomes the solution).
pub(crate) fn checked_fortran_output<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    reads: Reads,
    outside: Outside,
) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    let len = m.checked_mul(n).ok_or(Error::SizeOverflow {
        routine,
        shape: crate::error::Shape(vec![m, n]),
        itemsize: std::mem::size_of::<T>(),
    })?;
    let mut buf: Vec<T> = crate::alloc::try_with_capacity(routine, len)?;
    let dst = buf.spare_capacity_mut()[..len].as_mut_ptr();
    // SAFETY: dst has room for the m·n elements, column j at j·m.
    let finite = unsafe { copy_columns(a, dst, m, reads, outside) };
    // SAFETY: copy_columns wrote every one of the first len elements
    // (each column's m rows, read part and outside part).
    unsafe { buf.set_len(len) };
    finite_or_error(routine, what, finite)?;
    Ok(Array2::from_shape_vec((m, n).f(), buf).expect("m·n elements in Fortran order"))
}

/// Copies `a` into `dst`, a matrix of the same shape, checking as
/// [`checked_fortran_copy`] does: in one pass when `dst` is column-major
/// (a Fortran-order matrix or a block of one), else a check, then an
/// `assign`. On `NonFinite` `dst` may hold the copy all the same.
pub(crate) fn checked_copy_into<T: Scalar>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef2<T>,
    dst: &mut ArrayRef2<T>,
    reads: Reads,
    outside: Outside,
) -> Result<()> {
    assert_eq!(a.dim(), dst.dim(), "working matrix of another shape");
    let (m, n) = a.dim();
    if dst.is_empty() {
        return Ok(());
    }
    let (rs, cs) = (dst.strides()[0], dst.strides()[1]);
    let ld = if n == 1 { m as isize } else { cs };
    if (rs == 1 || m == 1) && ld >= m as isize {
        // SAFETY: column j of dst is the m elements from as_mut_ptr + j·ld
        // (unit row stride, ld ≥ m), borrowed mutably with dst; initialised
        // T written as MaybeUninit<T> is valid.
        let finite = unsafe {
            copy_columns(
                a,
                dst.as_mut_ptr().cast::<MaybeUninit<T>>(),
                ld as usize,
                reads,
                outside,
            )
        };
        return finite_or_error(routine, what, finite);
    }
    match reads {
        Reads::All => super::check_finite(routine, what, a)?,
        Reads::Triangle(uplo) => super::check_triangle(routine, what, a, uplo)?,
    }
    dst.assign(a);
    if outside == Outside::Zero {
        for j in 0..n {
            let (lo, hi) = read_rows(reads, j, m);
            dst.slice_mut(ndarray::s![..lo, j]).fill(T::zero());
            dst.slice_mut(ndarray::s![hi.., j]).fill(T::zero());
        }
    }
    Ok(())
}

/// A Fortran-order `(n, k)` (`b` 2-D) or `(n,)` (`b` 1-D) copy of a
/// right-hand side, checked for NaN/inf in the same pass. It becomes the
/// solution, so it is not counted in [`crate::copies_made`].
///
/// # Errors
/// `NonFinite`; `OutOfMemory`, `SizeOverflow`.
pub(crate) fn checked_rhs_copy<T: Scalar, D: Dimension>(
    routine: &'static str,
    what: &'static str,
    b: &ArrayRef<T, D>,
) -> Result<ArrayD<T>> {
    let shape = b.shape().to_vec();
    let b2 = match b.view().into_dimensionality::<Ix2>() {
        Ok(v) => v,
        Err(_) => b
            .view()
            .into_dimensionality::<ndarray::Ix1>()
            .expect("b is 1-D or 2-D")
            .insert_axis(ndarray::Axis(1)),
    };
    let x = checked_fortran_output(routine, what, &b2, Reads::All, Outside::Copy)?;
    let (v, offset) = x.into_raw_vec_and_offset();
    debug_assert!(offset.is_none_or(|o| o == 0));
    Ok(ArrayD::from_shape_vec(IxDyn(&shape).f(), v).expect("same elements, Fortran order"))
}

fn finite_or_error(routine: &'static str, what: &'static str, finite: bool) -> Result<()> {
    if finite || !checking_finite() {
        Ok(())
    } else {
        Err(Error::NonFinite { routine, what })
    }
}

/// Rows `lo..hi` of column `j` of an `m`-row matrix that LAPACK reads.
fn read_rows(reads: Reads, j: usize, m: usize) -> (usize, usize) {
    match reads {
        Reads::All => (0, m),
        Reads::Triangle(Uplo::Lower) => (j.min(m), m),
        Reads::Triangle(Uplo::Upper) => (0, (j + 1).min(m)),
    }
}

/// Side of the square tiles in which a row-major source is transposed:
/// 32 rows of 32 elements (at most 16 KiB of complex128 read, 16 KiB
/// written) stay in L1 while the tile is copied.
const TILE: usize = 32;

/// Copies `a` column by column into `dst` (column-major, leading
/// dimension `ld`): every element of the matrix is written. Returns whether the part
/// `reads` names is finite (checked whatever the finite-check setting).
///
/// # Safety
/// For each column `j < a.ncols()`, the `a.nrows()` elements from
/// `dst + j·ld` must be valid for writes and not aliased.
unsafe fn copy_columns<T: Scalar>(
    a: &ArrayRef2<T>,
    dst: *mut MaybeUninit<T>,
    ld: usize,
    reads: Reads,
    outside: Outside,
) -> bool {
    let (m, n) = a.dim();
    // SAFETY: the caller's contract, for j < n.
    let column = |j: usize| unsafe { std::slice::from_raw_parts_mut(dst.add(j * ld), m) };
    if m == 0 || n == 0 {
        return true;
    }
    let (rs, cs) = (a.strides()[0], a.strides()[1]);
    let src = a.as_ptr();
    let mut acc = FiniteAcc::<T>::new();
    // Element (i, j) of `a` is at src + i·rs + j·cs for i < m, j < n.
    let at = |i: usize, j: usize| -> T {
        // SAFETY: i < m and j < n: an element of the view, which ndarray
        // keeps inside its allocation for any strides.
        unsafe { *src.offset(i as isize * rs + j as isize * cs) }
    };
    if rs == 1 || m == 1 {
        // Columns are contiguous in the source too.
        for j in 0..n {
            // SAFETY: column j's m elements are contiguous (rs == 1, or
            // a single row) and inside the view.
            let col = unsafe { std::slice::from_raw_parts(src.offset(j as isize * cs), m) };
            let out = column(j);
            let (lo, hi) = read_rows(reads, j, m);
            fill_column(out, col, lo, hi, outside);
            acc.feed(&col[lo..hi]);
        }
    } else if cs == 1 {
        // Row-major: transposed in tiles; the check reads each tile
        // column back from the destination while it is in L1.
        for jb in (0..n).step_by(TILE) {
            for ib in (0..m).step_by(TILE) {
                let ie = (ib + TILE).min(m);
                for j in jb..(jb + TILE).min(n) {
                    let (lo, hi) = read_rows(reads, j, m);
                    let out = column(j);
                    for (i, o) in (ib..ie).zip(&mut out[ib..ie]) {
                        let v = if outside == Outside::Zero && (i < lo || i >= hi) {
                            T::zero()
                        } else {
                            at(i, j)
                        };
                        o.write(v);
                    }
                    let (clo, chi) = (lo.max(ib), hi.min(ie));
                    if clo < chi {
                        // SAFETY: rows ib..ie of this column were written just above.
                        acc.feed(unsafe { assume_init(&out[clo..chi]) });
                    }
                }
            }
        }
    } else {
        // No unit stride: element by element, in the destination's order.
        for j in 0..n {
            let (lo, hi) = read_rows(reads, j, m);
            let out = column(j);
            for (i, o) in out.iter_mut().enumerate() {
                let v = if outside == Outside::Zero && (i < lo || i >= hi) {
                    T::zero()
                } else {
                    at(i, j)
                };
                o.write(v);
            }
            // SAFETY: all m rows of this column were written just above.
            acc.feed(unsafe { assume_init(&out[lo..hi]) });
        }
    }
    acc.finite()
}

/// Writes `col` into `out`, rows outside `lo..hi` as `outside` says.
fn fill_column<T: Scalar>(
    out: &mut [MaybeUninit<T>],
    col: &[T],
    lo: usize,
    hi: usize,
    outside: Outside,
) {
    match outside {
        Outside::Copy => copy_slice(out, col),
        Outside::Zero => {
            out[..lo].fill(MaybeUninit::new(T::zero()));
            copy_slice(&mut out[lo..hi], &col[lo..hi]);
            out[hi..].fill(MaybeUninit::new(T::zero()));
        }
    }
}

fn copy_slice<T: Copy>(out: &mut [MaybeUninit<T>], src: &[T]) {
    for (o, &v) in out.iter_mut().zip(src) {
        o.write(v);
    }
}

/// # Safety
/// Every element of `s` must be initialised.
unsafe fn assume_init<T>(s: &[MaybeUninit<T>]) -> &[T] {
    // SAFETY: the caller guarantees initialisation; MaybeUninit<T> has T's layout.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<T>(), s.len()) }
}

/// `x − x`: zero for finite `x`, NaN for NaN or ±∞ (for complex `x`, in
/// the part that is not finite).
#[inline(always)]
#[allow(clippy::eq_op)]
fn zero_if_finite<T: Scalar>(x: T) -> T {
    x - x
}

/// Lanes of independent sums of `x − x`: 0 for finite `x`, NaN for NaN
/// or ±∞, so a lane ends NaN exactly when it saw a non-finite element.
/// Eight independent lanes let the compiler vectorize the sums without
/// reassociating floating point.
struct FiniteAcc<T> {
    lanes: [T; LANES],
}

const LANES: usize = 8;

impl<T: Scalar> FiniteAcc<T> {
    fn new() -> Self {
        FiniteAcc {
            lanes: [T::zero(); LANES],
        }
    }

    fn feed(&mut self, x: &[T]) {
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for (l, &v) in self.lanes.iter_mut().zip(c) {
                *l += zero_if_finite(v);
            }
        }
        for &v in chunks.remainder() {
            self.lanes[0] += zero_if_finite(v);
        }
    }

    fn finite(&self) -> bool {
        self.lanes.iter().all(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, Axis, ShapeBuilder, s};

    fn value(i: usize, j: usize) -> f64 {
        (i * 100 + j) as f64
    }

    /// Every copy of `a` (holding `value(i, j)`) is right, and NaN/inf is
    /// found exactly where LAPACK reads.
    fn check_layout(a: &mut ArrayRef2<f64>) {
        let (m, n) = a.dim();
        for &(reads, outside) in &[
            (Reads::All, Outside::Copy),
            (Reads::Triangle(Uplo::Lower), Outside::Copy),
            (Reads::Triangle(Uplo::Upper), Outside::Zero),
        ] {
            let c = checked_fortran_copy("t", "a", a, reads, outside).unwrap();
            assert!(c.t().is_standard_layout());
            for ((i, j), v) in c.indexed_iter() {
                let (lo, hi) = read_rows(reads, j, m);
                let inside = i >= lo && i < hi;
                let want = if inside || outside == Outside::Copy {
                    value(i, j)
                } else {
                    0.0
                };
                assert_eq!(*v, want, "({i}, {j}) of {m}x{n}, {:?}", a.strides());
            }
        }
        for (i, j) in [(0, 0), (m - 1, n - 1), (m / 2, n / 3), (0, n - 1)] {
            for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
                a[[i, j]] = bad;
                let all = checked_fortran_copy("t", "a", a, Reads::All, Outside::Copy);
                assert!(matches!(all, Err(Error::NonFinite { .. })));
                let lower = Reads::Triangle(Uplo::Lower);
                let r = checked_fortran_copy("t", "a", a, lower, Outside::Copy);
                assert_eq!(r.is_err(), i >= j, "({i}, {j})");
                let upper = Reads::Triangle(Uplo::Upper);
                let r = checked_fortran_copy("t", "a", a, upper, Outside::Zero);
                assert_eq!(r.is_err(), i <= j, "({i}, {j})");
                let r = super::super::without_finite_check(|| {
                    checked_fortran_copy("t", "a", a, Reads::All, Outside::Copy)
                });
                assert!(r.is_ok());
                a[[i, j]] = value(i, j);
            }
        }
    }

    #[test]
    fn copies_every_layout_and_finds_nan_in_read_part_only() {
        for &(m, n) in &[(1, 1), (1, 4), (4, 1), (3, 5), (40, 37), (70, 70)] {
            let mut c = Array2::from_shape_fn((m, n), |(i, j)| value(i, j));
            check_layout(&mut c);
            let mut f = Array2::zeros((m, n).f());
            f.assign(&c);
            check_layout(&mut f);
            let mut rev = Array2::from_shape_fn((m, n), |(i, j)| value(m - 1 - i, j));
            rev.invert_axis(Axis(0));
            check_layout(&mut rev);
            let mut big = Array2::from_shape_fn((2 * m, 2 * n), |(i, j)| value(i / 2, j / 2));
            check_layout(&mut big.slice_mut(s![..;2, ..;2]));
            let mut big_f = Array2::zeros((2 * m, 2 * n).f());
            big_f.assign(&big);
            check_layout(&mut big_f.slice_mut(s![..;2, ..;2]));
            check_layout(
                &mut big_f
                    .slice_mut(s![..;2, ..;2])
                    .reversed_axes()
                    .reversed_axes(),
            );
        }
    }

    #[test]
    fn copy_into_reuses_a_working_matrix() {
        let a = Array2::from_shape_fn((5, 5), |(i, j)| value(i, j));
        let mut t = Array2::zeros((5, 5).f());
        checked_copy_into(
            "t",
            "a",
            &a,
            &mut t,
            Reads::Triangle(Uplo::Lower),
            Outside::Zero,
        )
        .unwrap();
        assert_eq!(t[[3, 1]], value(3, 1));
        assert_eq!(t[[1, 3]], 0.0);
        let mut bad = a.clone();
        bad[[4, 0]] = f64::NAN;
        let r = checked_copy_into("t", "a", &bad, &mut t, Reads::All, Outside::Copy);
        assert!(matches!(
            r,
            Err(Error::NonFinite {
                routine: "t",
                what: "a"
            })
        ));
    }

    #[test]
    fn copy_into_a_block_or_a_row_major_matrix() {
        let a = Array2::from_shape_fn((4, 3), |(i, j)| value(i, j));
        let mut big = Array2::from_elem((6, 5).f(), -1.0);
        let mut block = big.slice_mut(s![1..5, 1..4]);
        checked_copy_into("t", "a", &a, &mut block, Reads::All, Outside::Copy).unwrap();
        assert_eq!(big.slice(s![1..5, 1..4]), a);
        assert_eq!(
            big.column(0).sum() + big.column(4).sum() + big[[0, 2]] + big[[5, 2]],
            -14.0
        );
        let mut c = Array2::from_elem((4, 3), -1.0);
        let lower = Reads::Triangle(Uplo::Lower);
        checked_copy_into("t", "a", &a, &mut c, lower, Outside::Zero).unwrap();
        assert_eq!(c[[2, 1]], value(2, 1));
        assert_eq!(c[[0, 2]], 0.0);
        let mut bad = a.clone();
        bad[[0, 2]] = f64::NAN;
        assert!(checked_copy_into("t", "a", &bad, &mut c, lower, Outside::Zero).is_ok());
        assert!(checked_copy_into("t", "a", &bad, &mut c, Reads::All, Outside::Copy).is_err());
    }

    #[test]
    fn rhs_keeps_its_shape() {
        let b = ndarray::array![1.0, 2.0, 3.0];
        let x = checked_rhs_copy("t", "b", &b).unwrap();
        assert_eq!(x.shape(), &[3]);
        assert_eq!(x.as_slice_memory_order().unwrap(), &[1.0, 2.0, 3.0]);
        let b2 = ndarray::array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
        let x = checked_rhs_copy("t", "b", &b2).unwrap();
        assert_eq!(x.shape(), &[3, 2]);
        assert_eq!(
            x.as_slice_memory_order().unwrap(),
            &[1.0, 3.0, 5.0, 2.0, 4.0, 6.0]
        );
        let strided = ndarray::Array1::from_shape_fn(9, |i| i as f64);
        let x = checked_rhs_copy("t", "b", &strided.slice(ndarray::s![..;-3])).unwrap();
        assert_eq!(x.as_slice_memory_order().unwrap(), &[8.0, 5.0, 2.0]);
        let mut b3 = b2.clone();
        b3[[2, 1]] = f64::INFINITY;
        assert!(checked_rhs_copy("t", "b", &b3).is_err());
    }
}
