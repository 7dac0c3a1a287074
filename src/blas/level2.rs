//! BLAS level 2: matrix–vector operations.
//!
//! The matrix is passed in whichever order BLAS can read it (C order →
//! `CblasRowMajor`, Fortran order → `CblasColMajor`, sub-matrix views with
//! their leading dimension); a matrix with non-unit strides on both axes or
//! a negative stride is copied to a Fortran-order temporary. Vectors follow
//! the level-1 rules (any non-zero stride without copy). An output matrix
//! BLAS cannot address is computed in a temporary and written back.

use crate::sys::BlasInt;
use ndarray::{ArrayRef1, ArrayRef2};

use super::{Diag, Transpose, Uplo, expect_shape, expect_square, scale_by_beta};
use crate::error::Result;
use crate::layout::{MatIn, MatOut, Order, VecIn, blas_int, byte_range, vec_out};
use crate::scalar::Scalar;

/// `y := alpha·op(A)·x + beta·y` (`?gemv`).
///
/// `A` is `m × n`; `x` has `n` elements (`m` for `Trans`/`ConjTrans`) and
/// `y` the other count.
///
/// # Errors
/// `ShapeMismatch` for wrong lengths; `OverlappingOutput` if `y` has a zero
/// stride; `DimensionTooLarge` past `BlasInt::MAX`.
pub fn gemv<T: Scalar>(
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &mut ArrayRef1<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("gemv", || {
        2.0 * a.len() as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    const R: &str = "gemv";
    let trans = trans.normalize::<T>();
    let (rows, cols) = a.dim();
    let (ylen, xlen) = trans.apply((rows, cols));
    expect_shape(R, "x", x.shape(), &[xlen])?;
    expect_shape(R, "y", y.shape(), &[ylen])?;
    let (m, n) = (blas_int(R, "m", rows)?, blas_int(R, "n", cols)?);
    let (py, incy) = vec_out(R, "y", y)?;
    if ylen == 0 {
        return Ok(());
    }
    if xlen == 0 {
        scale_by_beta(y, beta);
        return Ok(());
    }
    let out = byte_range(y);
    let ai = MatIn::new(R, a, out, Order::Col)?;
    let xi = VecIn::new(R, x, out)?;
    let aa = ai.arg_prefer(Order::Col);
    let (px, incx) = xi.arg(R)?;
    // SAFETY: A is readable in aa.order with aa.ld; vectors as in level 1;
    // y is exclusive and no input overlaps it.
    unsafe {
        T::gemv(
            aa.order.cblas(),
            trans.cblas(),
            m,
            n,
            alpha,
            aa.ptr,
            aa.ld,
            px,
            incx,
            beta,
            py,
            incy,
        )
    };
    Ok(())
}

type RankOne<T> = unsafe fn(
    crate::sys::Layout,
    BlasInt,
    BlasInt,
    T,
    *const T,
    BlasInt,
    *const T,
    BlasInt,
    *mut T,
    BlasInt,
);

fn ger_impl<T: Scalar>(
    routine: &'static str,
    f: RankOne<T>,
    alpha: T,
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    expect_shape(routine, "a", a.shape(), &[x.len(), y.len()])?;
    let (m, n) = (
        blas_int(routine, "m", x.len())?,
        blas_int(routine, "n", y.len())?,
    );
    if m == 0 || n == 0 {
        return Ok(());
    }
    let mut ao = MatOut::new(routine, "a", a, Order::Col)?;
    let out = ao.range();
    let (xi, yi) = (VecIn::new(routine, x, out)?, VecIn::new(routine, y, out)?);
    let (px, incx) = xi.arg(routine)?;
    let (py, incy) = yi.arg(routine)?;
    let order = ao.orders()[0];
    let (pa, lda) = ao.arg(order);
    // SAFETY: A is writable in `order` with lda; inputs do not overlap it.
    unsafe { f(order.cblas(), m, n, alpha, px, incx, py, incy, pa, lda) };
    ao.finish();
    Ok(())
}

/// `A := alpha·x·yᵀ + A` (`?ger`, `?geru`). `A` is `len(x) × len(y)`.
///
/// # Errors
/// `ShapeMismatch` for a wrong `A` shape; `OverlappingOutput` if `A` has a zero stride.
pub fn geru<T: Scalar>(
    alpha: T,
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("geru");
    ger_impl("geru", T::geru, alpha, x, y, a)
}

/// The same as [`geru`] (BLAS's real name).
///
/// # Errors
/// As [`geru`].
pub fn ger<T: Scalar>(
    alpha: T,
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("ger");
    ger_impl("ger", T::geru, alpha, x, y, a)
}

/// `A := alpha·x·yᴴ + A` (`?gerc`; `?ger` for real types).
///
/// # Errors
/// As [`geru`].
pub fn gerc<T: Scalar>(
    alpha: T,
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("gerc");
    ger_impl("gerc", T::gerc, alpha, x, y, a)
}

type SymMv<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Uplo,
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
fn symv_impl<T: Scalar>(
    routine: &'static str,
    f: SymMv<T>,
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &mut ArrayRef1<T>,
) -> Result<()> {
    let nn = expect_square(routine, "a", a.dim())?;
    expect_shape(routine, "x", x.shape(), &[nn])?;
    expect_shape(routine, "y", y.shape(), &[nn])?;
    let n = blas_int(routine, "n", nn)?;
    let (py, incy) = vec_out(routine, "y", y)?;
    if n == 0 {
        return Ok(());
    }
    let out = byte_range(y);
    let ai = MatIn::new(routine, a, out, Order::Col)?;
    let xi = VecIn::new(routine, x, out)?;
    let aa = ai.arg_prefer(Order::Col);
    let (px, incx) = xi.arg(routine)?;
    // SAFETY: as in `gemv`.
    unsafe {
        f(
            aa.order.cblas(),
            uplo.cblas(),
            n,
            alpha,
            aa.ptr,
            aa.ld,
            px,
            incx,
            beta,
            py,
            incy,
        )
    };
    Ok(())
}

/// `y := alpha·A·x + beta·y` with `A` symmetric (`Aᵀ = A`), only its `uplo`
/// triangle read (`?symv`; complex types use LAPACK's `csymv`/`zsymv`).
///
/// # Errors
/// `NotSquare`, `ShapeMismatch`, `OverlappingOutput` as in [`gemv`].
pub fn symv<T: Scalar>(
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &mut ArrayRef1<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("symv");
    symv_impl("symv", T::symv, uplo, alpha, a, x, beta, y)
}

/// `y := alpha·A·x + beta·y` with `A` Hermitian (`Aᴴ = A`), only its `uplo`
/// triangle read; the imaginary part of the diagonal is taken as zero
/// (`?hemv`; `?symv` for real types).
///
/// # Errors
/// As [`symv`].
pub fn hemv<T: Scalar>(
    uplo: Uplo,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &mut ArrayRef1<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("hemv");
    symv_impl("hemv", T::hemv, uplo, alpha, a, x, beta, y)
}

type TriMv<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Uplo,
    crate::sys::Trans,
    crate::sys::Diag,
    BlasInt,
    *const T,
    BlasInt,
    *mut T,
    BlasInt,
);

#[allow(clippy::too_many_arguments)]
fn trv_impl<T: Scalar>(
    routine: &'static str,
    f: TriMv<T>,
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    a: &ArrayRef2<T>,
    x: &mut ArrayRef1<T>,
) -> Result<()> {
    let trans = trans.normalize::<T>();
    let nn = expect_square(routine, "a", a.dim())?;
    expect_shape(routine, "x", x.shape(), &[nn])?;
    let n = blas_int(routine, "n", nn)?;
    let (px, incx) = vec_out(routine, "x", x)?;
    if n == 0 {
        return Ok(());
    }
    let ai = MatIn::new(routine, a, byte_range(x), Order::Col)?;
    let aa = ai.arg_prefer(Order::Col);
    // SAFETY: as in `gemv`.
    unsafe {
        f(
            aa.order.cblas(),
            uplo.cblas(),
            trans.cblas(),
            diag.cblas(),
            n,
            aa.ptr,
            aa.ld,
            px,
            incx,
        )
    };
    Ok(())
}

/// `x := op(A)·x` with `A` triangular (`?trmv`).
///
/// # Errors
/// `NotSquare`, `ShapeMismatch`, `OverlappingOutput`.
pub fn trmv<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    a: &ArrayRef2<T>,
    x: &mut ArrayRef1<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("trmv");
    trv_impl("trmv", T::trmv, uplo, trans, diag, a, x)
}

/// Solves `op(A)·z = x` for `z` with `A` triangular, overwriting `x` with
/// `z` (`?trsv`). No singularity check is made (as in BLAS): a zero on the
/// diagonal gives infinities or NaN.
///
/// # Errors
/// As [`trmv`].
pub fn trsv<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    a: &ArrayRef2<T>,
    x: &mut ArrayRef1<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("trsv");
    trv_impl("trsv", T::trsv, uplo, trans, diag, a, x)
}

type SymR1<T> =
    unsafe fn(crate::sys::Layout, crate::sys::Uplo, BlasInt, T, *const T, BlasInt, *mut T, BlasInt);

fn syr_impl<T: Scalar>(
    routine: &'static str,
    f: SymR1<T>,
    uplo: Uplo,
    alpha: T,
    x: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    let nn = expect_square(routine, "a", a.dim())?;
    expect_shape(routine, "x", x.shape(), &[nn])?;
    let n = blas_int(routine, "n", nn)?;
    if n == 0 {
        return Ok(());
    }
    let mut ao = MatOut::new(routine, "a", a, Order::Col)?;
    let xi = VecIn::new(routine, x, ao.range())?;
    let (px, incx) = xi.arg(routine)?;
    let order = ao.orders()[0];
    let (pa, lda) = ao.arg(order);
    // SAFETY: as in `ger`.
    unsafe { f(order.cblas(), uplo.cblas(), n, alpha, px, incx, pa, lda) };
    ao.finish();
    Ok(())
}

/// `A := alpha·x·xᵀ + A` on the `uplo` triangle of symmetric `A` (`?syr`;
/// complex types use LAPACK's `csyr`/`zsyr`).
///
/// # Errors
/// `NotSquare`, `ShapeMismatch`, `OverlappingOutput`.
pub fn syr<T: Scalar>(uplo: Uplo, alpha: T, x: &ArrayRef1<T>, a: &mut ArrayRef2<T>) -> Result<()> {
    let _profile = crate::profile::scope("syr");
    syr_impl("syr", T::syr, uplo, alpha, x, a)
}

/// `A := alpha·x·xᴴ + A` on the `uplo` triangle of Hermitian `A`, real
/// `alpha`; the diagonal's imaginary part is set to zero, also when `alpha`
/// is zero (where BLAS returns without touching `A`) (`?her`; `?syr` for
/// real types).
///
/// # Errors
/// As [`syr`].
pub fn her<T: Scalar>(
    uplo: Uplo,
    alpha: T::Real,
    x: &ArrayRef1<T>,
    a: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("her");
    let alpha = T::from_real(alpha);
    syr_impl("her", T::her, uplo, alpha, x, a)?;
    if T::IS_COMPLEX && alpha == T::zero() {
        // BLAS's quick return for alpha = 0 skips making the diagonal real.
        a.diag_mut().map_inplace(|d| *d = T::from_real(d.re()));
    }
    Ok(())
}
