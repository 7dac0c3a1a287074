//! BLAS level 3: matrix–matrix products and triangular solves.
//!
//! The output's order picks the CBLAS layout (C order → `CblasRowMajor`,
//! Fortran order → `CblasColMajor`; when both fit, the one that needs
//! fewer copies). An input stored in the other order is read as its
//! transpose by flipping its `Transpose` flag (and, for symmetric and
//! triangular matrices, its triangle), so C-order, Fortran-order,
//! transposed and sub-matrix views all go to BLAS without a copy.
//!
//! A copy (into the layout's order) is made only for: an input with
//! non-unit strides on both axes or a negative stride; an input
//! overlapping the output; a complex `ConjTrans` input (or a complex
//! Hermitian `hemm` matrix) stored in the other order, which CBLAS cannot
//! express; the `B` of `symm`/`hemm` stored in the other order than `C`
//! (it has no op to flip). An output BLAS cannot address is computed in a
//! temporary and written back.

use crate::sys::BlasInt;

use ndarray::ArrayRef2;

use super::{Diag, Side, Transpose, Uplo, expect_shape, expect_square, scale_by_beta};
use crate::error::Result;
use crate::layout::{
    MatArg, MatIn, MatOut, Order, blas_int, byte_range, check_output, mat_ld, ranges_overlap,
};
use crate::scalar::Scalar;

/// How to hand `input` to BLAS in `layout` as `op(input)`: as it is, or read
/// transposed with the flipped op. `None` if neither works without a copy.
pub(crate) fn place<T: Scalar>(
    input: &MatIn<'_, T>,
    layout: Order,
    op: Transpose,
) -> Option<(MatArg<T>, Transpose)> {
    if let Some(arg) = input.arg(layout) {
        return Some((arg, op));
    }
    let flipped = op.flipped()?;
    input.arg(layout.flip()).map(|arg| (arg, flipped))
}

/// Leading dimension and op with which BLAS reads `op(a)` in `layout` with
/// no copy and no wrapper: as stored, or transposed with the flipped op.
/// (Overlap with the output is the caller's check.)
fn place_as_is<T: Scalar>(
    a: &ArrayRef2<T>,
    layout: Order,
    op: Transpose,
) -> Option<(BlasInt, Transpose)> {
    if let Some(ld) = mat_ld(a, layout) {
        // leading_dim checked the bound.
        return Some((ld as BlasInt, op));
    }
    let flipped = op.flipped()?;
    mat_ld(a, layout.flip()).map(|ld| (ld as BlasInt, flipped))
}

/// An input placed in `layout`, copying it into `layout`'s order if needed.
///
/// # Errors
/// `OutOfMemory` when the copy cannot be allocated.
pub(crate) fn place_or_copy<'a, T: Scalar>(
    routine: &'static str,
    a: &'a ArrayRef2<T>,
    out: Option<(usize, usize)>,
    layout: Order,
    op: Transpose,
) -> Result<(MatIn<'a, T>, MatArg<T>, Transpose)> {
    let input = MatIn::new(routine, a, out, layout)?;
    if let Some((arg, op)) = place(&input, layout, op) {
        return Ok((input, arg, op));
    }
    let input = MatIn::in_order(routine, a, out, layout)?;
    let arg = input.arg(layout).expect("copied into layout's order");
    Ok((input, arg, op))
}

/// The layout among `orders` (those the output allows) for which the fewest
/// inputs need a copy, by `copies(order)`.
pub(crate) fn choose_layout(orders: &[Order], copies: impl Fn(Order) -> usize) -> Order {
    orders
        .iter()
        .copied()
        .min_by_key(|&o| copies(o))
        .expect("an output has at least one writable order")
}

/// Number of copies `a` needs to be read as `op(a)` in `layout`.
pub(crate) fn copy_cost<T: Scalar>(
    a: &ArrayRef2<T>,
    out: Option<(usize, usize)>,
    layout: Order,
    op: Transpose,
) -> usize {
    if ranges_overlap(byte_range(a), out) {
        return 1;
    }
    let direct = mat_ld(a, layout).is_some();
    let flipped = op.flipped().is_some() && mat_ld(a, layout.flip()).is_some();
    usize::from(!(direct || flipped))
}

/// `C := alpha·op(A)·op(B) + beta·C` (`?gemm`).
///
/// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`. With `k = 0`,
/// `C := beta·C`.
///
/// # Errors
/// `ShapeMismatch` if the inner dimensions or `C`'s shape disagree;
/// `OverlappingOutput` if `C` has a zero stride; `DimensionTooLarge` past
/// `BlasInt::MAX`.
pub fn gemm<T: Scalar>(
    transa: Transpose,
    transb: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("gemm", || {
        let (m, n) = c.dim();
        let k = a.len() / m.max(1);
        2.0 * (m * n) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    const R: &str = "gemm";
    let (transa, transb) = (transa.normalize::<T>(), transb.normalize::<T>());
    let (m, k) = transa.apply(a.dim());
    let (kb, n) = transb.apply(b.dim());
    if kb != k || c.dim() != (m, n) {
        expect_shape(R, "op(b)", &[kb, n], &[k, n])?;
        expect_shape(R, "c", c.shape(), &[m, n])?;
    }
    let (mi, ni, ki) = (
        blas_int(R, "m", m)?,
        blas_int(R, "n", n)?,
        blas_int(R, "k", k)?,
    );
    if m == 0 || n == 0 {
        return Ok(());
    }
    if k == 0 {
        // Not left to BLAS: backends differ on whether k = 0 applies beta.
        check_output(R, "c", c)?;
        scale_by_beta(c, beta);
        return Ok(());
    }
    // The common case first: every operand reaches BLAS as it is, so no
    // temporary and no allocation (this is most of a small call's cost).
    // The layout chosen is the one the general path below would choose.
    let out = byte_range(&*c);
    if !ranges_overlap(byte_range(a), out) && !ranges_overlap(byte_range(b), out) {
        for layout in [Order::Col, Order::Row] {
            let Some(ldc) = mat_ld(c, layout) else {
                continue;
            };
            let (Some((lda, ta)), Some((ldb, tb))) = (
                place_as_is(a, layout, transa),
                place_as_is(b, layout, transb),
            ) else {
                continue;
            };
            // SAFETY: A and B are readable in `layout` with their leading
            // dimensions, C writable with its own; A and B do not overlap C.
            unsafe {
                T::gemm(
                    layout.cblas(),
                    ta.cblas(),
                    tb.cblas(),
                    mi,
                    ni,
                    ki,
                    alpha,
                    a.as_ptr(),
                    lda,
                    b.as_ptr(),
                    ldb,
                    beta,
                    c.as_mut_ptr(),
                    ldc as BlasInt,
                )
            };
            return Ok(());
        }
    }
    let mut co = MatOut::new(R, "c", c, Order::Col)?;
    let out = co.range();
    let layout = choose_layout(&co.orders(), |o| {
        copy_cost(a, out, o, transa) + copy_cost(b, out, o, transb)
    });
    let (_ai, aa, ta) = place_or_copy(R, a, out, layout, transa)?;
    let (_bi, ba, tb) = place_or_copy(R, b, out, layout, transb)?;
    let (pc, ldc) = co.arg(layout);
    // SAFETY: every operand is readable (writable for C) in `layout` with its
    // leading dimension; inputs do not overlap C.
    unsafe {
        T::gemm(
            layout.cblas(),
            ta.cblas(),
            tb.cblas(),
            mi,
            ni,
            ki,
            alpha,
            aa.ptr,
            aa.ld,
            ba.ptr,
            ba.ld,
            beta,
            pc,
            ldc,
        )
    };
    co.finish();
    Ok(())
}

type Symm<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Side,
    crate::sys::Uplo,
    BlasInt,
    BlasInt,
    T,
    *const T,
    BlasInt,
    *const T,
    BlasInt,
    T,
    *mut T,
    BlasInt,
);

#[allow(clippy::too_many_arguments)]
fn symm_impl<T: Scalar>(
    routine: &'static str,
    f: Symm<T>,
    hermitian: bool,
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let na = expect_square(routine, "a", a.dim())?;
    let (m, n) = b.dim();
    let expected_a = if side == Side::Left { m } else { n };
    expect_shape(routine, "a", &[na, na], &[expected_a, expected_a])?;
    expect_shape(routine, "c", c.shape(), &[m, n])?;
    let (mi, ni) = (blas_int(routine, "m", m)?, blas_int(routine, "n", n)?);
    let mut co = MatOut::new(routine, "c", c, Order::Col)?;
    if m == 0 || n == 0 {
        return Ok(());
    }
    let out = co.range();
    // A symmetric matrix read in the other order is itself with the other
    // triangle; a complex Hermitian one would be its conjugate. `place`
    // expresses "may be read transposed" as an op that has a flip (Trans)
    // and "may not" as one without (ConjTrans); the op itself is not passed.
    let a_flips = !(hermitian && T::IS_COMPLEX);
    let a_op = if a_flips {
        Transpose::Trans
    } else {
        Transpose::ConjTrans
    };
    let layout = choose_layout(&co.orders(), |o| {
        copy_cost(a, out, o, a_op) + copy_cost(b, out, o, Transpose::ConjTrans)
    });
    let (_ai, aa, a_read) = place_or_copy(routine, a, out, layout, a_op)?;
    let uplo = if a_read == a_op { uplo } else { uplo.flip() };
    let bi = MatIn::in_order(routine, b, out, layout)?;
    let ba = bi.arg(layout).expect("in layout's order");
    let (pc, ldc) = co.arg(layout);
    // SAFETY: as in `gemm`.
    unsafe {
        f(
            layout.cblas(),
            side.cblas(),
            uplo.cblas(),
            mi,
            ni,
            alpha,
            aa.ptr,
            aa.ld,
            ba.ptr,
            ba.ld,
            beta,
            pc,
            ldc,
        )
    };
    co.finish();
    Ok(())
}

/// `C := alpha·A·B + beta·C` (`Left`) or `alpha·B·A + beta·C` (`Right`) with
/// `A` symmetric, only its `uplo` triangle read (`?symm`). `B` and `C` are
/// `m × n`; `A` is `m × m` or `n × n`. `B` stored in the other order than
/// `C` is copied (BLAS takes no op for it).
///
/// # Errors
/// `NotSquare`, `ShapeMismatch`, `OverlappingOutput`, `DimensionTooLarge`.
#[allow(clippy::too_many_arguments)]
pub fn symm<T: Scalar>(
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("symm", || {
        let (m, n) = c.dim();
        let k = if matches!(side, Side::Left) { m } else { n };
        2.0 * (m * n) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    symm_impl("symm", T::symm, false, side, uplo, alpha, a, b, beta, c)
}

/// As [`symm`] with `A` Hermitian (`?hemm`; `?symm` for real types). A
/// complex `A` stored in the other order than `C` is copied.
///
/// # Errors
/// As [`symm`].
#[allow(clippy::too_many_arguments)]
pub fn hemm<T: Scalar>(
    side: Side,
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("hemm", || {
        let (m, n) = c.dim();
        let k = if matches!(side, Side::Left) { m } else { n };
        2.0 * (m * n) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    symm_impl("hemm", T::hemm, true, side, uplo, alpha, a, b, beta, c)
}

type Trm<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Side,
    crate::sys::Uplo,
    crate::sys::Trans,
    crate::sys::Diag,
    BlasInt,
    BlasInt,
    T,
    *const T,
    BlasInt,
    *mut T,
    BlasInt,
);

#[allow(clippy::too_many_arguments)]
fn trm_impl<T: Scalar>(
    routine: &'static str,
    f: Trm<T>,
    side: Side,
    uplo: Uplo,
    transa: Transpose,
    diag: Diag,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &mut ArrayRef2<T>,
) -> Result<()> {
    let transa = transa.normalize::<T>();
    let na = expect_square(routine, "a", a.dim())?;
    let (m, n) = b.dim();
    let expected_a = if side == Side::Left { m } else { n };
    expect_shape(routine, "a", &[na, na], &[expected_a, expected_a])?;
    let (mi, ni) = (blas_int(routine, "m", m)?, blas_int(routine, "n", n)?);
    let mut bo = MatOut::new(routine, "b", b, Order::Col)?;
    if m == 0 || n == 0 {
        return Ok(());
    }
    let out = bo.range();
    let layout = choose_layout(&bo.orders(), |o| copy_cost(a, out, o, transa));
    let (_ai, aa, ta) = place_or_copy(routine, a, out, layout, transa)?;
    // Read in the other order, a triangular matrix swaps its triangle.
    let uplo = if ta == transa { uplo } else { uplo.flip() };
    let (pb, ldb) = bo.arg(layout);
    // SAFETY: as in `gemm`.
    unsafe {
        f(
            layout.cblas(),
            side.cblas(),
            uplo.cblas(),
            ta.cblas(),
            diag.cblas(),
            mi,
            ni,
            alpha,
            aa.ptr,
            aa.ld,
            pb,
            ldb,
        )
    };
    bo.finish();
    Ok(())
}

/// `B := alpha·op(A)·B` (`Left`) or `alpha·B·op(A)` (`Right`) with `A`
/// triangular (`?trmm`). `B` is `m × n`; `A` is `m × m` or `n × n`.
///
/// # Errors
/// `NotSquare`, `ShapeMismatch`, `OverlappingOutput`, `DimensionTooLarge`.
#[allow(clippy::too_many_arguments)]
pub fn trmm<T: Scalar>(
    side: Side,
    uplo: Uplo,
    transa: Transpose,
    diag: Diag,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("trmm", || {
        let (m, n) = b.dim();
        let k = if matches!(side, Side::Left) { m } else { n };
        (m * n) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    trm_impl("trmm", T::trmm, side, uplo, transa, diag, alpha, a, b)
}

/// Solves `op(A)·X = alpha·B` (`Left`) or `X·op(A) = alpha·B` (`Right`) for
/// `X` with `A` triangular, overwriting `B` (`?trsm`). No singularity check
/// (as in BLAS).
///
/// # Errors
/// As [`trmm`].
#[allow(clippy::too_many_arguments)]
pub fn trsm<T: Scalar>(
    side: Side,
    uplo: Uplo,
    transa: Transpose,
    diag: Diag,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("trsm", || {
        let (m, n) = b.dim();
        let k = if matches!(side, Side::Left) { m } else { n };
        (m * n) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    trm_impl("trsm", T::trsm, side, uplo, transa, diag, alpha, a, b)
}
