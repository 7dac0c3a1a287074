//! BLAS level 3 rank-k updates of symmetric and Hermitian matrices:
//! `syrk`, `herk`, `syr2k`, `her2k`.
//!
//! Layout handling as in [`super::level3`]: `C`'s order picks the CBLAS
//! layout; an `A` (and `B`) stored in the other order is read transposed by
//! flipping `NoTrans ↔ Trans`, without a copy. For complex `herk`/`her2k`
//! the flip would need a conjugate, so such an input is copied into `C`'s
//! order. `syr2k`/`her2k` read `A` and `B` with one op, so when they are
//! stored in different orders the one not in `C`'s order is copied; apart
//! from that, real types never copy for order.
//!
//! With `k = 0` or `alpha = 0` the update is `C := beta·C` on the triangle
//! (the Hermitian diagonal made real), done without BLAS.

use crate::sys::BlasInt;
use ndarray::ArrayRef2;

use super::level3::{choose_layout, copy_cost, place_or_copy};
use super::{Transpose, Uplo, expect_shape, expect_square};
use crate::error::{Error, Result};
use crate::layout::{MatIn, MatOut, Order, blas_int, check_output};
use crate::scalar::Scalar;

/// Checks `trans` for the routine: complex `syrk`/`syr2k` take `NoTrans` or
/// `Trans`; complex `herk`/`her2k` take `NoTrans` or `ConjTrans`.
fn check_trans<T: Scalar>(
    routine: &'static str,
    hermitian: bool,
    trans: Transpose,
) -> Result<Transpose> {
    let trans = trans.normalize::<T>();
    if !T::IS_COMPLEX {
        return Ok(trans);
    }
    let bad = if hermitian {
        Transpose::Trans
    } else {
        Transpose::ConjTrans
    };
    if trans == bad {
        return Err(Error::InvalidArgument {
            routine,
            what: "trans",
            reason: format!(
                "{trans:?} is not allowed on complex data (use {:?})",
                if hermitian {
                    Transpose::ConjTrans
                } else {
                    Transpose::Trans
                }
            ),
        });
    }
    Ok(trans)
}

/// The op used to ask `place` whether an input may be read transposed:
/// complex Hermitian updates may not (ConjTrans has no flip).
fn flip_marker<T: Scalar>(hermitian: bool, trans: Transpose) -> Transpose {
    if hermitian && T::IS_COMPLEX {
        Transpose::ConjTrans
    } else if trans == Transpose::NoTrans {
        Transpose::NoTrans
    } else {
        Transpose::Trans
    }
}

/// Flips `NoTrans ↔ Trans/ConjTrans` for an input read in the other order.
fn flipped_for<T: Scalar>(hermitian: bool, trans: Transpose) -> Transpose {
    match trans {
        Transpose::NoTrans if hermitian && T::IS_COMPLEX => Transpose::ConjTrans,
        Transpose::NoTrans => Transpose::Trans,
        _ => Transpose::NoTrans,
    }
}

/// `C := beta·C` on the `uplo` triangle, the diagonal made real when
/// `real_diag`: the whole update when `k = 0` or `alpha = 0`. Done here and
/// not left to BLAS, whose quick return for `beta = 1` would leave the
/// imaginary part of a Hermitian diagonal as it was (and, as for `gemm`,
/// backends differ on `k = 0`). `beta = 0` overwrites without reading.
fn scale_triangle<T: Scalar>(c: &mut ArrayRef2<T>, uplo: Uplo, beta: T, real_diag: bool) {
    for ((i, j), v) in c.indexed_iter_mut() {
        let inside = match uplo {
            Uplo::Upper => j >= i,
            Uplo::Lower => j <= i,
        };
        if !inside {
            continue;
        }
        let scaled = if beta == T::zero() {
            T::zero()
        } else if beta == T::one() {
            *v
        } else {
            beta * *v
        };
        *v = if real_diag && i == j {
            T::from_real(scaled.re())
        } else {
            scaled
        };
    }
}

type Rk<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Uplo,
    crate::sys::Trans,
    BlasInt,
    BlasInt,
    T,
    *const T,
    BlasInt,
    T,
    *mut T,
    BlasInt,
);

#[allow(clippy::too_many_arguments)]
fn rk_impl<T: Scalar>(
    routine: &'static str,
    f: Rk<T>,
    hermitian: bool,
    uplo: Uplo,
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let trans = check_trans::<T>(routine, hermitian, trans)?;
    let (n, k) = trans.apply(a.dim());
    let nc = expect_square(routine, "c", c.dim())?;
    expect_shape(routine, "c", &[nc, nc], &[n, n])?;
    let (ni, ki) = (blas_int(routine, "n", n)?, blas_int(routine, "k", k)?);
    if n == 0 {
        return Ok(());
    }
    if k == 0 || alpha == T::zero() {
        check_output(routine, "c", c)?;
        scale_triangle(c, uplo, beta, hermitian && T::IS_COMPLEX);
        return Ok(());
    }
    let mut co = MatOut::new(routine, "c", c, Order::Col)?;
    let out = co.range();
    let marker = flip_marker::<T>(hermitian, trans);
    let layout = choose_layout(&co.orders(), |o| copy_cost(a, out, o, marker));
    let (_ai, aa, read) = place_or_copy(routine, a, out, layout, marker)?;
    let t = if read == marker {
        trans
    } else {
        flipped_for::<T>(hermitian, trans)
    };
    let (pc, ldc) = co.arg(layout);
    // SAFETY: A readable and C writable in `layout`; A does not overlap C.
    unsafe {
        f(
            layout.cblas(),
            uplo.cblas(),
            t.cblas(),
            ni,
            ki,
            alpha,
            aa.ptr,
            aa.ld,
            beta,
            pc,
            ldc,
        )
    };
    co.finish();
    Ok(())
}

/// `C := alpha·op(A)·op(A)ᵀ + beta·C` on the `uplo` triangle of symmetric
/// `C` (`?syrk`). `op(A)` is `n × k` (`NoTrans`: `A` is `n × k`; `Trans`:
/// `A` is `k × n`); the other triangle of `C` is not touched.
///
/// # Errors
/// `InvalidArgument` for `ConjTrans` on complex data; `NotSquare`,
/// `ShapeMismatch`, `OverlappingOutput`, `DimensionTooLarge`.
pub fn syrk<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("syrk", || {
        let n = c.nrows();
        let k = a.len() / n.max(1);
        (n * (n + 1)) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    rk_impl("syrk", T::syrk, false, uplo, trans, alpha, a, beta, c)
}

/// `C := alpha·op(A)·op(A)ᴴ + beta·C` on the `uplo` triangle of Hermitian
/// `C`, real `alpha` and `beta` (`?herk`; `?syrk` for real types). The
/// diagonal's imaginary part is set to zero. `NoTrans`: `A` is `n × k`;
/// `ConjTrans`: `A` is `k × n` and `C = alpha·AᴴA + beta·C`.
///
/// # Errors
/// `InvalidArgument` for `Trans` on complex data; otherwise as [`syrk`].
pub fn herk<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    alpha: T::Real,
    a: &ArrayRef2<T>,
    beta: T::Real,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope_flops("herk", || {
        let n = c.nrows();
        let k = a.len() / n.max(1);
        (n * (n + 1)) as f64 * k as f64 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    rk_impl(
        "herk",
        T::herk,
        true,
        uplo,
        trans,
        T::from_real(alpha),
        a,
        T::from_real(beta),
        c,
    )
}

type R2k<T> = unsafe fn(
    crate::sys::Layout,
    crate::sys::Uplo,
    crate::sys::Trans,
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
fn r2k_impl<T: Scalar>(
    routine: &'static str,
    f: R2k<T>,
    hermitian: bool,
    uplo: Uplo,
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let trans = check_trans::<T>(routine, hermitian, trans)?;
    expect_shape(routine, "b", b.shape(), a.shape())?;
    let (n, k) = trans.apply(a.dim());
    let nc = expect_square(routine, "c", c.dim())?;
    expect_shape(routine, "c", &[nc, nc], &[n, n])?;
    let (ni, ki) = (blas_int(routine, "n", n)?, blas_int(routine, "k", k)?);
    if n == 0 {
        return Ok(());
    }
    if k == 0 || alpha == T::zero() {
        check_output(routine, "c", c)?;
        scale_triangle(c, uplo, beta, hermitian && T::IS_COMPLEX);
        return Ok(());
    }
    let mut co = MatOut::new(routine, "c", c, Order::Col)?;
    let out = co.range();
    let marker = flip_marker::<T>(hermitian, trans);
    let layout = choose_layout(&co.orders(), |o| {
        copy_cost(a, out, o, marker) + copy_cost(b, out, o, marker)
    });
    // A and B share one op: read both as stored if both allow it, both
    // transposed if both allow that, else copy into the layout's order
    // whichever is not in it (an input already copied is not copied again).
    let (ai, bi) = (
        MatIn::new(routine, a, out, layout)?,
        MatIn::new(routine, b, out, layout)?,
    );
    let in_layout = |x: &MatIn<'_, T>| x.arg(layout).is_some();
    let (ai, bi, t) = if in_layout(&ai) && in_layout(&bi) {
        (ai, bi, trans)
    } else if marker != Transpose::ConjTrans
        && ai.arg(layout.flip()).is_some()
        && bi.arg(layout.flip()).is_some()
    {
        (ai, bi, flipped_for::<T>(hermitian, trans))
    } else {
        let ai = if in_layout(&ai) {
            ai
        } else {
            MatIn::in_order(routine, a, out, layout)?
        };
        let bi = if in_layout(&bi) {
            bi
        } else {
            MatIn::in_order(routine, b, out, layout)?
        };
        (ai, bi, trans)
    };
    let read = if t == trans { layout } else { layout.flip() };
    let (aa, ba) = (ai.arg_prefer(read), bi.arg_prefer(read));
    let (pc, ldc) = co.arg(layout);
    // SAFETY: as in `rk_impl`.
    unsafe {
        f(
            layout.cblas(),
            uplo.cblas(),
            t.cblas(),
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

/// `C := alpha·op(A)·op(B)ᵀ + alpha·op(B)·op(A)ᵀ + beta·C` on the `uplo`
/// triangle of symmetric `C` (`?syr2k`). `A` and `B` have the same shape;
/// stored in different orders, one of them is copied (one op reads both).
///
/// # Errors
/// As [`syrk`].
#[allow(clippy::too_many_arguments)]
pub fn syr2k<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("syr2k");
    r2k_impl("syr2k", T::syr2k, false, uplo, trans, alpha, a, b, beta, c)
}

/// `C := alpha·op(A)·op(B)ᴴ + conj(alpha)·op(B)·op(A)ᴴ + beta·C` on the
/// `uplo` triangle of Hermitian `C`, real `beta` (`?her2k`; `?syr2k` for
/// real types). The diagonal's imaginary part is set to zero.
///
/// # Errors
/// As [`herk`].
#[allow(clippy::too_many_arguments)]
pub fn her2k<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    beta: T::Real,
    c: &mut ArrayRef2<T>,
) -> Result<()> {
    let _profile = crate::profile::scope("her2k");
    r2k_impl(
        "her2k",
        T::her2k,
        true,
        uplo,
        trans,
        alpha,
        a,
        b,
        T::from_real(beta),
        c,
    )
}
