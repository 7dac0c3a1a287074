//! Typed pointer-level BLAS in the style of CBLAS, for C callers that keep
//! their own buffers: `lapis_{s,d,c,z}gemm`, `…gemv`, `…axpy`, `…scal`,
//! `…dot*`, `…nrm2`, `…syrk`/`…herk`, `…trsm`, `…copy`, `…swap`.
//!
//! Every function checks all its arguments before doing anything, in the
//! order of its parameters (as CBLAS's `xerbla` does), and reports the
//! first bad one by name: a wrong `order`/`trans`/`uplo`/`side`/`diag` code,
//! a negative size, a leading dimension below its minimum
//! (`"lapis_dgemm: lda = 2 must be >= max(1, k) = 3"`) or a zero
//! increment gives `LAPIS_ERR_INVALID_ARGUMENT`; a size, leading dimension
//! or increment beyond the BLAS integer (`INT32_MAX`) gives
//! `LAPIS_ERR_OVERFLOW`; a NULL buffer that would be read or written (its
//! matrix or vector has elements) gives `LAPIS_ERR_NULL_ARGUMENT`, a
//! misaligned one `LAPIS_ERR_BAD_STRIDE`. On any error nothing is written.
//!
//! The buffers are then described as strided views (a matrix by its rows,
//! columns and leading dimension in the given order; a vector by its length
//! and increment, a negative increment starting from the end as in BLAS)
//! and handed to lapis's typed BLAS layer, which calls the linked CBLAS on
//! them in place. There is no arithmetic here.

use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, Axis, ShapeBuilder};
use num_complex::{Complex32, Complex64};

use super::{
    Failure, FfiResult, LAPIS_CONJ_TRANS, LAPIS_NO_TRANS, LAPIS_ORDER_C, LAPIS_ORDER_F,
    LAPIS_TRANS, call, diag_arg, lapis_complex64, lapis_complex128, lapis_diag, lapis_order,
    lapis_side, lapis_status, lapis_trans, lapis_uplo, put, side_arg, trans_arg, uplo_arg,
};
use lapis::blas::{self as typed, Side, Transpose};
use lapis::layout::Order;
use lapis::scalar::Scalar;

// ---------------------------------------------------------------------------
// Argument checks (translation only).
// ---------------------------------------------------------------------------

const BLAS_MAX: i64 = i32::MAX as i64;

/// A size or leading-dimension value that must be ≥ 0 and fit the BLAS integer.
fn size_arg(routine: &str, name: &str, v: i64) -> FfiResult<usize> {
    if v < 0 {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!("{routine}: {name} = {v} must be >= 0"),
        ));
    }
    if v > BLAS_MAX {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_OVERFLOW,
            format!("{routine}: {name} = {v} does not fit the BLAS integer (max {BLAS_MAX})"),
        ));
    }
    Ok(v as usize)
}

/// A storage order: only `LAPIS_ORDER_C` (row-major) or `LAPIS_ORDER_F`
/// (column-major).
fn layout_arg(routine: &str, code: lapis_order) -> FfiResult<Order> {
    match code {
        LAPIS_ORDER_C => Ok(Order::Row),
        LAPIS_ORDER_F => Ok(Order::Col),
        _ => Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!(
                "{routine}: order = {code} must be LAPIS_ORDER_C = {LAPIS_ORDER_C} or LAPIS_ORDER_F = {LAPIS_ORDER_F}"
            ),
        )),
    }
}

/// A dimension with the name it has in the routine's signature.
type Dim = (usize, &'static str);

/// The stored shape `(rows, cols)` of a matrix that is `op` applied to
/// give `r × c`: `NoTrans` stores `r × c`, the others `c × r`.
fn stored(op: Transpose, r: Dim, c: Dim) -> (Dim, Dim) {
    if op == Transpose::NoTrans {
        (r, c)
    } else {
        (c, r)
    }
}

/// A leading dimension: ≥ max(1, the stored matrix's contiguous extent)
/// (its columns in row-major order, its rows in column-major order).
fn ld_arg(
    routine: &str,
    name: &str,
    ld: i64,
    order: Order,
    (rows, cols): (Dim, Dim),
) -> FfiResult<usize> {
    let (min, min_name) = match order {
        Order::Row => cols,
        Order::Col => rows,
    };
    if ld < (min.max(1)) as i64 {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!(
                "{routine}: {name} = {ld} must be >= max(1, {min_name}) = {}",
                min.max(1)
            ),
        ));
    }
    size_arg(routine, name, ld)
}

/// A vector increment: non-zero, |inc| within the BLAS integer.
fn inc_arg(routine: &str, name: &str, inc: i64) -> FfiResult<isize> {
    if inc == 0 {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!("{routine}: {name} = 0 must not be zero"),
        ));
    }
    if inc.unsigned_abs() > BLAS_MAX as u64 {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_OVERFLOW,
            format!(
                "{routine}: {name} = {inc} does not fit the BLAS integer (max {BLAS_MAX} in magnitude)"
            ),
        ));
    }
    Ok(inc as isize)
}

/// A transpose code, with `bad` (if any) refused for this routine.
fn op_arg(
    routine: &str,
    name: &str,
    code: lapis_trans,
    bad: Option<(lapis_trans, &str)>,
) -> FfiResult<Transpose> {
    let op = trans_arg(routine, name, code)?;
    if let Some((b, hint)) = bad
        && b == code
    {
        let what = match b {
            LAPIS_NO_TRANS => "LAPIS_NO_TRANS",
            LAPIS_TRANS => "LAPIS_TRANS",
            _ => "LAPIS_CONJ_TRANS",
        };
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!("{routine}: {name} = {what} is not allowed here ({hint})"),
        ));
    }
    Ok(op)
}

/// Checks that `p` is usable for `count` elements: non-NULL and aligned
/// when there are elements; a dangling pointer stands in for an unused one.
fn ptr_arg<T>(routine: &str, name: &str, p: *const T, count: usize) -> FfiResult<*mut T> {
    if count == 0 {
        return Ok(std::ptr::NonNull::<T>::dangling().as_ptr());
    }
    if p.is_null() {
        return Err(Failure::null(routine, name));
    }
    let align = std::mem::align_of::<T>();
    if !(p as usize).is_multiple_of(align) {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_BAD_STRIDE,
            format!("{routine}: {name} = {p:p} is not aligned to {align} bytes"),
        ));
    }
    Ok(p as *mut T)
}

/// The element offset of the last element of a `len`-long axis at
/// `stride`, which must fit `isize` (and so every offset in between).
fn span(routine: &str, name: &str, len: usize, stride: usize) -> FfiResult<usize> {
    (len.max(1) - 1)
        .checked_mul(stride)
        .filter(|&s| s <= isize::MAX as usize / 16)
        .ok_or_else(|| {
            Failure::new(
                lapis_status::LAPIS_ERR_OVERFLOW,
                format!("{routine}: the extent of {name} overflows the address space"),
            )
        })
}

/// Shape and element strides of a stored `rows × cols` matrix with
/// leading dimension `ld` in `order`.
fn mat_layout(
    routine: &str,
    name: &str,
    (rows, cols): (usize, usize),
    ld: usize,
    order: Order,
) -> FfiResult<ndarray::StrideShape<ndarray::Ix2>> {
    let ld = ld.max(1);
    let strides = match order {
        Order::Row => (ld, 1),
        Order::Col => (1, ld),
    };
    let a = span(routine, name, rows, strides.0)?;
    let b = span(routine, name, cols, strides.1)?;
    a.checked_add(b)
        .filter(|&s| s <= isize::MAX as usize / 16)
        .ok_or_else(|| {
            Failure::new(
                lapis_status::LAPIS_ERR_OVERFLOW,
                format!("{routine}: the extent of {name} overflows the address space"),
            )
        })?;
    Ok((rows, cols).strides(strides))
}

/// A read view of a stored `rows × cols` matrix at `p`.
///
/// # Safety
/// A non-null `p` addresses a matrix of that shape and leading dimension.
unsafe fn mat<'a, T>(
    routine: &str,
    name: &str,
    p: *const T,
    dims: (usize, usize),
    ld: usize,
    order: Order,
) -> FfiResult<ArrayView2<'a, T>> {
    let shape = mat_layout(routine, name, dims, ld, order)?;
    let p = ptr_arg(routine, name, p, dims.0 * dims.1)?;
    // SAFETY: caller contract; p is aligned and non-null, the extent fits.
    Ok(unsafe { ArrayView2::from_shape_ptr(shape, p) })
}

/// A write view of a stored `rows × cols` matrix at `p` (its elements are
/// distinct: `ld` ≥ the contiguous extent).
///
/// # Safety
/// As [`mat`], and nothing else accesses the matrix during the call.
unsafe fn mat_mut<'a, T>(
    routine: &str,
    name: &str,
    p: *mut T,
    dims: (usize, usize),
    ld: usize,
    order: Order,
) -> FfiResult<ArrayViewMut2<'a, T>> {
    let shape = mat_layout(routine, name, dims, ld, order)?;
    let p = ptr_arg(routine, name, p, dims.0 * dims.1)?;
    // SAFETY: as in `mat`.
    Ok(unsafe { ArrayViewMut2::from_shape_ptr(shape, p) })
}

/// A read view of an `n`-vector at `p` with increment `inc` (BLAS's
/// convention: for `inc < 0`, element 0 is at `p + (n-1)·|inc|`).
///
/// # Safety
/// A non-null `p` addresses such a vector.
unsafe fn vector<'a, T>(
    routine: &str,
    name: &str,
    p: *const T,
    n: usize,
    inc: isize,
) -> FfiResult<ArrayView1<'a, T>> {
    let step = inc.unsigned_abs();
    span(routine, name, n, step)?;
    let p = ptr_arg(routine, name, p, n)?;
    // SAFETY: caller contract; the lowest address is p, stride |inc|.
    let mut v = unsafe { ArrayView1::from_shape_ptr(n.strides(step), p) };
    if inc < 0 {
        v.invert_axis(Axis(0));
    }
    Ok(v)
}

/// A write view of an `n`-vector, as [`vector`].
///
/// # Safety
/// As [`vector`], and nothing else accesses the vector during the call.
unsafe fn vector_mut<'a, T>(
    routine: &str,
    name: &str,
    p: *mut T,
    n: usize,
    inc: isize,
) -> FfiResult<ArrayViewMut1<'a, T>> {
    let step = inc.unsigned_abs();
    span(routine, name, n, step)?;
    let p = ptr_arg(routine, name, p, n)?;
    // SAFETY: as in `vector`; inc ≠ 0 so the elements are distinct.
    let mut v = unsafe { ArrayViewMut1::from_shape_ptr(n.strides(step), p) };
    if inc < 0 {
        v.invert_axis(Axis(0));
    }
    Ok(v)
}

/// An out-pointer for a scalar result, checked non-NULL.
fn out_arg<T>(routine: &str, out: *mut T) -> FfiResult<*mut T> {
    if out.is_null() {
        Err(Failure::null(routine, "out"))
    } else {
        Ok(out)
    }
}

fn c32(z: lapis_complex64) -> Complex32 {
    Complex32::new(z.re, z.im)
}

fn c64(z: lapis_complex128) -> Complex64 {
    Complex64::new(z.re, z.im)
}

// ---------------------------------------------------------------------------
// The typed bodies, one per routine family (T is the element type).
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
unsafe fn gemm_raw<T: Scalar>(
    r: &str,
    order: lapis_order,
    (transa, transb): (lapis_trans, lapis_trans),
    (m, n, k): (i64, i64, i64),
    alpha: T,
    (a, lda): (*const T, i64),
    (b, ldb): (*const T, i64),
    beta: T,
    (c, ldc): (*mut T, i64),
) -> FfiResult {
    let order = layout_arg(r, order)?;
    let ta = op_arg(r, "transa", transa, None)?;
    let tb = op_arg(r, "transb", transb, None)?;
    let m = (size_arg(r, "m", m)?, "m");
    let n = (size_arg(r, "n", n)?, "n");
    let k = (size_arg(r, "k", k)?, "k");
    let sa = stored(ta, m, k);
    let sb = stored(tb, k, n);
    let lda = ld_arg(r, "lda", lda, order, sa)?;
    let ldb = ld_arg(r, "ldb", ldb, order, sb)?;
    let ldc = ld_arg(r, "ldc", ldc, order, (m, n))?;
    // SAFETY: caller contract (the buffers have the stated shapes).
    let av = unsafe { mat(r, "a", a, (sa.0.0, sa.1.0), lda, order) }?;
    let bv = unsafe { mat(r, "b", b, (sb.0.0, sb.1.0), ldb, order) }?;
    let mut cv = unsafe { mat_mut(r, "c", c, (m.0, n.0), ldc, order) }?;
    typed::gemm(ta, tb, alpha, &av, &bv, beta, &mut cv)?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
unsafe fn gemv_raw<T: Scalar>(
    r: &str,
    order: lapis_order,
    trans: lapis_trans,
    (m, n): (i64, i64),
    alpha: T,
    (a, lda): (*const T, i64),
    (x, incx): (*const T, i64),
    beta: T,
    (y, incy): (*mut T, i64),
) -> FfiResult {
    let order = layout_arg(r, order)?;
    let t = op_arg(r, "trans", trans, None)?;
    let m = (size_arg(r, "m", m)?, "m");
    let n = (size_arg(r, "n", n)?, "n");
    let lda = ld_arg(r, "lda", lda, order, (m, n))?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    let (ylen, xlen) = if t == Transpose::NoTrans {
        (m.0, n.0)
    } else {
        (n.0, m.0)
    };
    // SAFETY: caller contract.
    let av = unsafe { mat(r, "a", a, (m.0, n.0), lda, order) }?;
    let xv = unsafe { vector(r, "x", x, xlen, incx) }?;
    let mut yv = unsafe { vector_mut(r, "y", y, ylen, incy) }?;
    typed::gemv(t, alpha, &av, &xv, beta, &mut yv)?;
    Ok(())
}

unsafe fn axpy_raw<T: Scalar>(
    r: &str,
    n: i64,
    alpha: T,
    (x, incx): (*const T, i64),
    (y, incy): (*mut T, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: caller contract.
    let xv = unsafe { vector(r, "x", x, n, incx) }?;
    let mut yv = unsafe { vector_mut(r, "y", y, n, incy) }?;
    typed::axpy(alpha, &xv, &mut yv)?;
    Ok(())
}

/// `x := alpha·x`; `real` picks the real-factor routine (`csscal`/`zdscal`).
unsafe fn scal_raw<T: Scalar>(
    r: &str,
    n: i64,
    alpha: Result<T, T::Real>,
    (x, incx): (*mut T, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    // SAFETY: caller contract.
    let mut xv = unsafe { vector_mut(r, "x", x, n, incx) }?;
    match alpha {
        Ok(alpha) => typed::scal(alpha, &mut xv)?,
        Err(alpha) => typed::rscal(alpha, &mut xv)?,
    }
    Ok(())
}

unsafe fn dot_raw<T: Scalar, U>(
    r: &str,
    conj: bool,
    n: i64,
    (x, incx): (*const T, i64),
    (y, incy): (*const T, i64),
    out: *mut U,
    convert: impl FnOnce(T) -> U,
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: caller contract.
    let xv = unsafe { vector(r, "x", x, n, incx) }?;
    let yv = unsafe { vector(r, "y", y, n, incy) }?;
    let out = out_arg(r, out)?;
    let v = if conj {
        typed::dotc(&xv, &yv)?
    } else {
        typed::dot(&xv, &yv)?
    };
    // SAFETY: checked non-null; caller contract.
    unsafe { put(out, convert(v)) };
    Ok(())
}

unsafe fn nrm2_raw<T: Scalar>(
    r: &str,
    n: i64,
    (x, incx): (*const T, i64),
    out: *mut T::Real,
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    // SAFETY: caller contract.
    let xv = unsafe { vector(r, "x", x, n, incx) }?;
    let out = out_arg(r, out)?;
    let v = typed::nrm2(&xv)?;
    // SAFETY: checked non-null; caller contract.
    unsafe { put(out, v) };
    Ok(())
}

/// Which rank-k routine: `syrk` or `herk` (real `alpha`, `beta`).
enum Rk<T: Scalar> {
    Sy(T, T),
    He(T::Real, T::Real),
}

#[allow(clippy::too_many_arguments)]
unsafe fn rk_raw<T: Scalar>(
    r: &str,
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    (n, k): (i64, i64),
    coefs: Rk<T>,
    (a, lda): (*const T, i64),
    (c, ldc): (*mut T, i64),
) -> FfiResult {
    let order = layout_arg(r, order)?;
    let uplo = uplo_arg(r, uplo)?;
    let bad = match (&coefs, T::IS_COMPLEX) {
        (Rk::Sy(..), true) => Some((
            LAPIS_CONJ_TRANS,
            "complex syrk takes LAPIS_NO_TRANS or LAPIS_TRANS",
        )),
        (Rk::He(..), true) => Some((
            LAPIS_TRANS,
            "complex herk takes LAPIS_NO_TRANS or LAPIS_CONJ_TRANS",
        )),
        _ => None,
    };
    let t = op_arg(r, "trans", trans, bad)?;
    let n = (size_arg(r, "n", n)?, "n");
    let k = (size_arg(r, "k", k)?, "k");
    let sa = stored(t, n, k);
    let lda = ld_arg(r, "lda", lda, order, sa)?;
    let ldc = ld_arg(r, "ldc", ldc, order, (n, n))?;
    // SAFETY: caller contract.
    let av = unsafe { mat(r, "a", a, (sa.0.0, sa.1.0), lda, order) }?;
    let mut cv = unsafe { mat_mut(r, "c", c, (n.0, n.0), ldc, order) }?;
    match coefs {
        Rk::Sy(alpha, beta) => typed::syrk(uplo, t, alpha, &av, beta, &mut cv)?,
        Rk::He(alpha, beta) => typed::herk(uplo, t, alpha, &av, beta, &mut cv)?,
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
unsafe fn trsm_raw<T: Scalar>(
    r: &str,
    order: lapis_order,
    (side, uplo, transa, diag): (lapis_side, lapis_uplo, lapis_trans, lapis_diag),
    (m, n): (i64, i64),
    alpha: T,
    (a, lda): (*const T, i64),
    (b, ldb): (*mut T, i64),
) -> FfiResult {
    let order = layout_arg(r, order)?;
    let side = side_arg(r, side)?;
    let uplo = uplo_arg(r, uplo)?;
    let ta = op_arg(r, "transa", transa, None)?;
    let diag = diag_arg(r, diag)?;
    let m = (size_arg(r, "m", m)?, "m");
    let n = (size_arg(r, "n", n)?, "n");
    let ka = if side == Side::Left { m } else { n };
    let lda = ld_arg(r, "lda", lda, order, (ka, ka))?;
    let ldb = ld_arg(r, "ldb", ldb, order, (m, n))?;
    // SAFETY: caller contract.
    let av = unsafe { mat(r, "a", a, (ka.0, ka.0), lda, order) }?;
    let mut bv = unsafe { mat_mut(r, "b", b, (m.0, n.0), ldb, order) }?;
    typed::trsm(side, uplo, ta, diag, alpha, &av, &mut bv)?;
    Ok(())
}

/// `y := x` (`swap` false) or exchange (`swap` true).
unsafe fn copy_raw<T: Scalar>(
    r: &str,
    swap: bool,
    n: i64,
    (x, incx): (*mut T, i64),
    (y, incy): (*mut T, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: caller contract; x is only read by copy.
    if swap {
        let mut xv = unsafe { vector_mut(r, "x", x, n, incx) }?;
        let mut yv = unsafe { vector_mut(r, "y", y, n, incy) }?;
        typed::swap(&mut xv, &mut yv)?;
    } else {
        let xv = unsafe { vector(r, "x", x.cast_const(), n, incx) }?;
        let mut yv = unsafe { vector_mut(r, "y", y, n, incy) }?;
        typed::copy(&xv, &mut yv)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Exported functions.
// ---------------------------------------------------------------------------

/// lapis_dgemm for float buffers (float32): C := alpha·op(A)·op(B) + beta·C.
/// Arguments, layout rules and errors as lapis_dgemm.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_sgemm(
    order: lapis_order,
    transa: lapis_trans,
    transb: lapis_trans,
    m: i64,
    n: i64,
    k: i64,
    alpha: f32,
    a: *const f32,
    lda: i64,
    b: *const f32,
    ldb: i64,
    beta: f32,
    c: *mut f32,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        gemm_raw(
            "lapis_sgemm",
            order,
            (transa, transb),
            (m, n, k),
            alpha,
            (a, lda),
            (b, ldb),
            beta,
            (c, ldc),
        )
    })
}

/// C := alpha·op(A)·op(B) + beta·C on caller buffers of double
/// (CBLAS `cblas_dgemm` with lapis's codes and int64_t sizes).
///
/// `order` is LAPIS_ORDER_C (row-major) or LAPIS_ORDER_F (column-major) for
/// all three matrices; `transa`/`transb` are LAPIS_NO_TRANS, LAPIS_TRANS or
/// LAPIS_CONJ_TRANS (the same as LAPIS_TRANS here). op(A) is m × k, op(B)
/// k × n, C m × n; A is stored m × k (k × m when transposed) with leading
/// dimension `lda` ≥ max(1, its columns) in row-major order or ≥ max(1, its
/// rows) in column-major order, likewise B with `ldb` and C with `ldc` — so a
/// sub-matrix of a larger array is passed with the larger array's `ld`.
/// `beta = 0` overwrites C without reading it; k = 0 gives C := beta·C.
/// No copy: the buffers go to the BLAS in place (an A or B that overlaps C
/// is copied first). The caller keeps ownership of every buffer.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_dgemm(
    order: lapis_order,
    transa: lapis_trans,
    transb: lapis_trans,
    m: i64,
    n: i64,
    k: i64,
    alpha: f64,
    a: *const f64,
    lda: i64,
    b: *const f64,
    ldb: i64,
    beta: f64,
    c: *mut f64,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        gemm_raw(
            "lapis_dgemm",
            order,
            (transa, transb),
            (m, n, k),
            alpha,
            (a, lda),
            (b, ldb),
            beta,
            (c, ldc),
        )
    })
}

/// lapis_dgemm for lapis_complex64 buffers (complex64): C := alpha·op(A)·op(B) + beta·C.
/// Arguments, layout rules and errors as lapis_dgemm; LAPIS_CONJ_TRANS conjugates.
/// Complex buffers are arrays of lapis_complex64 (the layout of C99 `float _Complex`), `alpha`/`beta` by value.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_cgemm(
    order: lapis_order,
    transa: lapis_trans,
    transb: lapis_trans,
    m: i64,
    n: i64,
    k: i64,
    alpha: lapis_complex64,
    a: *const lapis_complex64,
    lda: i64,
    b: *const lapis_complex64,
    ldb: i64,
    beta: lapis_complex64,
    c: *mut lapis_complex64,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        gemm_raw(
            "lapis_cgemm",
            order,
            (transa, transb),
            (m, n, k),
            c32(alpha),
            (a.cast::<Complex32>(), lda),
            (b.cast::<Complex32>(), ldb),
            c32(beta),
            (c.cast::<Complex32>(), ldc),
        )
    })
}

/// lapis_dgemm for lapis_complex128 buffers (complex128): C := alpha·op(A)·op(B) + beta·C.
/// Arguments, layout rules and errors as lapis_dgemm; LAPIS_CONJ_TRANS conjugates.
/// Complex buffers are arrays of lapis_complex128 (the layout of C99 `double _Complex`), `alpha`/`beta` by value.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_zgemm(
    order: lapis_order,
    transa: lapis_trans,
    transb: lapis_trans,
    m: i64,
    n: i64,
    k: i64,
    alpha: lapis_complex128,
    a: *const lapis_complex128,
    lda: i64,
    b: *const lapis_complex128,
    ldb: i64,
    beta: lapis_complex128,
    c: *mut lapis_complex128,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        gemm_raw(
            "lapis_zgemm",
            order,
            (transa, transb),
            (m, n, k),
            c64(alpha),
            (a.cast::<Complex64>(), lda),
            (b.cast::<Complex64>(), ldb),
            c64(beta),
            (c.cast::<Complex64>(), ldc),
        )
    })
}

/// lapis_dgemv for float buffers (float32): y := alpha·op(A)·x + beta·y.
/// Arguments, layout rules and errors as lapis_dgemv.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_sgemv(
    order: lapis_order,
    trans: lapis_trans,
    m: i64,
    n: i64,
    alpha: f32,
    a: *const f32,
    lda: i64,
    x: *const f32,
    incx: i64,
    beta: f32,
    y: *mut f32,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        gemv_raw(
            "lapis_sgemv",
            order,
            trans,
            (m, n),
            alpha,
            (a, lda),
            (x, incx),
            beta,
            (y, incy),
        )
    })
}

/// y := alpha·op(A)·x + beta·y on caller buffers of double (CBLAS `cblas_dgemv`).
///
/// A is stored m × n in `order` (LAPIS_ORDER_C or LAPIS_ORDER_F) with leading
/// dimension `lda` ≥ max(1, n) (row-major) or max(1, m) (column-major); x has
/// n elements (m for LAPIS_TRANS/LAPIS_CONJ_TRANS) and y the other count.
/// The increments `incx`, `incy` are non-zero; a negative increment walks
/// the vector backwards from its end, as in BLAS (element i at
/// x[(len-1-i)·|incx|]). `beta = 0` overwrites y without reading it; unlike
/// the reference BLAS, an empty product (n = 0, or m = 0 transposed) still
/// gives y := beta·y. No copy (an x overlapping y is copied first); the
/// caller keeps ownership of the buffers.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_dgemv(
    order: lapis_order,
    trans: lapis_trans,
    m: i64,
    n: i64,
    alpha: f64,
    a: *const f64,
    lda: i64,
    x: *const f64,
    incx: i64,
    beta: f64,
    y: *mut f64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        gemv_raw(
            "lapis_dgemv",
            order,
            trans,
            (m, n),
            alpha,
            (a, lda),
            (x, incx),
            beta,
            (y, incy),
        )
    })
}

/// lapis_dgemv for lapis_complex64 buffers (complex64): y := alpha·op(A)·x + beta·y.
/// Arguments, layout rules and errors as lapis_dgemv.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_cgemv(
    order: lapis_order,
    trans: lapis_trans,
    m: i64,
    n: i64,
    alpha: lapis_complex64,
    a: *const lapis_complex64,
    lda: i64,
    x: *const lapis_complex64,
    incx: i64,
    beta: lapis_complex64,
    y: *mut lapis_complex64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        gemv_raw(
            "lapis_cgemv",
            order,
            trans,
            (m, n),
            c32(alpha),
            (a.cast::<Complex32>(), lda),
            (x.cast::<Complex32>(), incx),
            c32(beta),
            (y.cast::<Complex32>(), incy),
        )
    })
}

/// lapis_dgemv for lapis_complex128 buffers (complex128): y := alpha·op(A)·x + beta·y.
/// Arguments, layout rules and errors as lapis_dgemv.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_zgemv(
    order: lapis_order,
    trans: lapis_trans,
    m: i64,
    n: i64,
    alpha: lapis_complex128,
    a: *const lapis_complex128,
    lda: i64,
    x: *const lapis_complex128,
    incx: i64,
    beta: lapis_complex128,
    y: *mut lapis_complex128,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        gemv_raw(
            "lapis_zgemv",
            order,
            trans,
            (m, n),
            c64(alpha),
            (a.cast::<Complex64>(), lda),
            (x.cast::<Complex64>(), incx),
            c64(beta),
            (y.cast::<Complex64>(), incy),
        )
    })
}

/// y := alpha·x + y on n-element float32 vectors (`cblas_saxpy`).
/// Non-zero increments; a negative one starts at the end, as in BLAS. An x
/// overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_saxpy(
    n: i64,
    alpha: f32,
    x: *const f32,
    incx: i64,
    y: *mut f32,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { axpy_raw("lapis_saxpy", n, alpha, (x, incx), (y, incy)) })
}

/// y := alpha·x + y on n-element float64 vectors (`cblas_daxpy`).
/// Non-zero increments; a negative one starts at the end, as in BLAS. An x
/// overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_daxpy(
    n: i64,
    alpha: f64,
    x: *const f64,
    incx: i64,
    y: *mut f64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { axpy_raw("lapis_daxpy", n, alpha, (x, incx), (y, incy)) })
}

/// y := alpha·x + y on n-element complex64 vectors (`cblas_caxpy`).
/// Non-zero increments; a negative one starts at the end, as in BLAS. An x
/// overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_caxpy(
    n: i64,
    alpha: lapis_complex64,
    x: *const lapis_complex64,
    incx: i64,
    y: *mut lapis_complex64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        axpy_raw(
            "lapis_caxpy",
            n,
            c32(alpha),
            (x.cast::<Complex32>(), incx),
            (y.cast::<Complex32>(), incy),
        )
    })
}

/// y := alpha·x + y on n-element complex128 vectors (`cblas_zaxpy`).
/// Non-zero increments; a negative one starts at the end, as in BLAS. An x
/// overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zaxpy(
    n: i64,
    alpha: lapis_complex128,
    x: *const lapis_complex128,
    incx: i64,
    y: *mut lapis_complex128,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        axpy_raw(
            "lapis_zaxpy",
            n,
            c64(alpha),
            (x.cast::<Complex64>(), incx),
            (y.cast::<Complex64>(), incy),
        )
    })
}

/// x := alpha·x on an n-element float32 vector (`cblas_sscal`). A
/// negative increment scales the same elements as its magnitude (the
/// reference BLAS does nothing for incx < 0). Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sscal(n: i64, alpha: f32, x: *mut f32, incx: i64) -> lapis_status {
    call(|| unsafe { scal_raw::<f32>("lapis_sscal", n, Ok(alpha), (x, incx)) })
}

/// x := alpha·x on an n-element float64 vector (`cblas_dscal`). A
/// negative increment scales the same elements as its magnitude (the
/// reference BLAS does nothing for incx < 0). Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dscal(n: i64, alpha: f64, x: *mut f64, incx: i64) -> lapis_status {
    call(|| unsafe { scal_raw::<f64>("lapis_dscal", n, Ok(alpha), (x, incx)) })
}

/// x := alpha·x on an n-element complex64 vector (`cblas_cscal`). A
/// negative increment scales the same elements as its magnitude (the
/// reference BLAS does nothing for incx < 0). Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cscal(
    n: i64,
    alpha: lapis_complex64,
    x: *mut lapis_complex64,
    incx: i64,
) -> lapis_status {
    call(|| unsafe {
        scal_raw::<Complex32>(
            "lapis_cscal",
            n,
            Ok(c32(alpha)),
            (x.cast::<Complex32>(), incx),
        )
    })
}

/// x := alpha·x on an n-element complex128 vector (`cblas_zscal`). A
/// negative increment scales the same elements as its magnitude (the
/// reference BLAS does nothing for incx < 0). Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zscal(
    n: i64,
    alpha: lapis_complex128,
    x: *mut lapis_complex128,
    incx: i64,
) -> lapis_status {
    call(|| unsafe {
        scal_raw::<Complex64>(
            "lapis_zscal",
            n,
            Ok(c64(alpha)),
            (x.cast::<Complex64>(), incx),
        )
    })
}

/// x := alpha·x with a real `alpha` on an n-element complex64 vector
/// (`cblas_csscal`); otherwise as lapis_cscal.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_csscal(
    n: i64,
    alpha: f32,
    x: *mut lapis_complex64,
    incx: i64,
) -> lapis_status {
    call(|| unsafe {
        scal_raw::<Complex32>("lapis_csscal", n, Err(alpha), (x.cast::<Complex32>(), incx))
    })
}

/// x := alpha·x with a real `alpha` on an n-element complex128 vector
/// (`cblas_zdscal`); otherwise as lapis_zscal.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zdscal(
    n: i64,
    alpha: f64,
    x: *mut lapis_complex128,
    incx: i64,
) -> lapis_status {
    call(|| unsafe {
        scal_raw::<Complex64>("lapis_zdscal", n, Err(alpha), (x.cast::<Complex64>(), incx))
    })
}

/// *out := Σ xᵢ·yᵢ over n-element float32 vectors (`cblas_sdot`), computed
/// in float; 0 for n = 0. Negative increments start at the end.
/// `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sdot(
    n: i64,
    x: *const f32,
    incx: i64,
    y: *const f32,
    incy: i64,
    out: *mut f32,
) -> lapis_status {
    call(|| unsafe { dot_raw("lapis_sdot", false, n, (x, incx), (y, incy), out, |v| v) })
}

/// *out := Σ xᵢ·yᵢ over n-element float64 vectors (`cblas_ddot`), computed
/// in double; 0 for n = 0. Negative increments start at the end.
/// `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ddot(
    n: i64,
    x: *const f64,
    incx: i64,
    y: *const f64,
    incy: i64,
    out: *mut f64,
) -> lapis_status {
    call(|| unsafe { dot_raw("lapis_ddot", false, n, (x, incx), (y, incy), out, |v| v) })
}

/// *out := Σ xᵢ·yᵢ (unconjugated) over n-element complex64 vectors
/// (`cblas_cdotu_sub`); 0 for n = 0. Negative increments start at the
/// end. `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cdotu(
    n: i64,
    x: *const lapis_complex64,
    incx: i64,
    y: *const lapis_complex64,
    incy: i64,
    out: *mut lapis_complex64,
) -> lapis_status {
    call(|| unsafe {
        dot_raw(
            "lapis_cdotu",
            false,
            n,
            (x.cast::<Complex32>(), incx),
            (y.cast::<Complex32>(), incy),
            out,
            |v| lapis_complex64 { re: v.re, im: v.im },
        )
    })
}

/// *out := Σ conj(xᵢ)·yᵢ over n-element complex64 vectors
/// (`cblas_cdotc_sub`); 0 for n = 0. Negative increments start at the
/// end. `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cdotc(
    n: i64,
    x: *const lapis_complex64,
    incx: i64,
    y: *const lapis_complex64,
    incy: i64,
    out: *mut lapis_complex64,
) -> lapis_status {
    call(|| unsafe {
        dot_raw(
            "lapis_cdotc",
            true,
            n,
            (x.cast::<Complex32>(), incx),
            (y.cast::<Complex32>(), incy),
            out,
            |v| lapis_complex64 { re: v.re, im: v.im },
        )
    })
}

/// *out := Σ xᵢ·yᵢ (unconjugated) over n-element complex128 vectors
/// (`cblas_zdotu_sub`); 0 for n = 0. Negative increments start at the
/// end. `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zdotu(
    n: i64,
    x: *const lapis_complex128,
    incx: i64,
    y: *const lapis_complex128,
    incy: i64,
    out: *mut lapis_complex128,
) -> lapis_status {
    call(|| unsafe {
        dot_raw(
            "lapis_zdotu",
            false,
            n,
            (x.cast::<Complex64>(), incx),
            (y.cast::<Complex64>(), incy),
            out,
            |v| lapis_complex128 { re: v.re, im: v.im },
        )
    })
}

/// *out := Σ conj(xᵢ)·yᵢ over n-element complex128 vectors
/// (`cblas_zdotc_sub`); 0 for n = 0. Negative increments start at the
/// end. `out` is written only on success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zdotc(
    n: i64,
    x: *const lapis_complex128,
    incx: i64,
    y: *const lapis_complex128,
    incy: i64,
    out: *mut lapis_complex128,
) -> lapis_status {
    call(|| unsafe {
        dot_raw(
            "lapis_zdotc",
            true,
            n,
            (x.cast::<Complex64>(), incx),
            (y.cast::<Complex64>(), incy),
            out,
            |v| lapis_complex128 { re: v.re, im: v.im },
        )
    })
}

/// *out := sqrt(Σ |xᵢ|²) of an n-element float32 vector (`cblas_snrm2`),
/// scaled against overflow by the BLAS; 0 for n = 0. A negative increment
/// reads the same elements as its magnitude. `out` is written only on
/// success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_snrm2(
    n: i64,
    x: *const f32,
    incx: i64,
    out: *mut f32,
) -> lapis_status {
    call(|| unsafe { nrm2_raw::<f32>("lapis_snrm2", n, (x, incx), out) })
}

/// *out := sqrt(Σ |xᵢ|²) of an n-element float64 vector (`cblas_dnrm2`),
/// scaled against overflow by the BLAS; 0 for n = 0. A negative increment
/// reads the same elements as its magnitude. `out` is written only on
/// success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dnrm2(
    n: i64,
    x: *const f64,
    incx: i64,
    out: *mut f64,
) -> lapis_status {
    call(|| unsafe { nrm2_raw::<f64>("lapis_dnrm2", n, (x, incx), out) })
}

/// *out := sqrt(Σ |xᵢ|²) of an n-element complex64 vector (`cblas_scnrm2`),
/// scaled against overflow by the BLAS; 0 for n = 0. A negative increment
/// reads the same elements as its magnitude. `out` is written only on
/// success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_scnrm2(
    n: i64,
    x: *const lapis_complex64,
    incx: i64,
    out: *mut f32,
) -> lapis_status {
    call(|| unsafe { nrm2_raw::<Complex32>("lapis_scnrm2", n, (x.cast::<Complex32>(), incx), out) })
}

/// *out := sqrt(Σ |xᵢ|²) of an n-element complex128 vector (`cblas_dznrm2`),
/// scaled against overflow by the BLAS; 0 for n = 0. A negative increment
/// reads the same elements as its magnitude. `out` is written only on
/// success. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dznrm2(
    n: i64,
    x: *const lapis_complex128,
    incx: i64,
    out: *mut f64,
) -> lapis_status {
    call(|| unsafe { nrm2_raw::<Complex64>("lapis_dznrm2", n, (x.cast::<Complex64>(), incx), out) })
}

/// lapis_dsyrk for float32 buffers. Arguments, layout and errors as lapis_dsyrk.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_ssyrk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: f32,
    a: *const f32,
    lda: i64,
    beta: f32,
    c: *mut f32,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw(
            "lapis_ssyrk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::Sy(alpha, beta),
            (a, lda),
            (c, ldc),
        )
    })
}

/// C := alpha·op(A)·op(A)ᵀ + beta·C on the `uplo` triangle (LAPIS_UPPER or
/// LAPIS_LOWER) of the n × n matrix C, double buffers (`cblas_dsyrk`); the
/// other triangle is not touched. LAPIS_NO_TRANS: A is stored n × k;
/// LAPIS_TRANS (or LAPIS_CONJ_TRANS, the same here): A is stored k × n and
/// C := alpha·AᵀA + beta·C. `lda` ≥ max(1, A's columns) row-major or
/// max(1, A's rows) column-major; `ldc` ≥ max(1, n). No copy.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_dsyrk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: f64,
    a: *const f64,
    lda: i64,
    beta: f64,
    c: *mut f64,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw(
            "lapis_dsyrk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::Sy(alpha, beta),
            (a, lda),
            (c, ldc),
        )
    })
}

/// lapis_dsyrk for complex64 buffers: C := alpha·op(A)·op(A)ᵀ + beta·C
/// (transpose without conjugate; `trans` is LAPIS_NO_TRANS or LAPIS_TRANS,
/// LAPIS_CONJ_TRANS gives LAPIS_ERR_INVALID_ARGUMENT). Otherwise as lapis_dsyrk.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_csyrk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: lapis_complex64,
    a: *const lapis_complex64,
    lda: i64,
    beta: lapis_complex64,
    c: *mut lapis_complex64,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw(
            "lapis_csyrk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::Sy(c32(alpha), c32(beta)),
            (a.cast::<Complex32>(), lda),
            (c.cast::<Complex32>(), ldc),
        )
    })
}

/// lapis_dsyrk for complex128 buffers: C := alpha·op(A)·op(A)ᵀ + beta·C
/// (transpose without conjugate; `trans` is LAPIS_NO_TRANS or LAPIS_TRANS,
/// LAPIS_CONJ_TRANS gives LAPIS_ERR_INVALID_ARGUMENT). Otherwise as lapis_dsyrk.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_zsyrk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: lapis_complex128,
    a: *const lapis_complex128,
    lda: i64,
    beta: lapis_complex128,
    c: *mut lapis_complex128,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw(
            "lapis_zsyrk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::Sy(c64(alpha), c64(beta)),
            (a.cast::<Complex64>(), lda),
            (c.cast::<Complex64>(), ldc),
        )
    })
}

/// C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the n × n
/// Hermitian matrix C, complex64 buffers, real `alpha` and `beta`
/// (`cblas_cherk`). LAPIS_NO_TRANS: A is stored n × k; LAPIS_CONJ_TRANS: A
/// is stored k × n and C := alpha·AᴴA + beta·C (LAPIS_TRANS gives
/// LAPIS_ERR_INVALID_ARGUMENT). The diagonal's imaginary part is set to
/// zero; the other triangle is not touched. Leading dimensions as
/// lapis_dsyrk. No copy.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_cherk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: f32,
    a: *const lapis_complex64,
    lda: i64,
    beta: f32,
    c: *mut lapis_complex64,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw::<Complex32>(
            "lapis_cherk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::He(alpha, beta),
            (a.cast::<Complex32>(), lda),
            (c.cast::<Complex32>(), ldc),
        )
    })
}

/// C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the n × n
/// Hermitian matrix C, complex128 buffers, real `alpha` and `beta`
/// (`cblas_zherk`). LAPIS_NO_TRANS: A is stored n × k; LAPIS_CONJ_TRANS: A
/// is stored k × n and C := alpha·AᴴA + beta·C (LAPIS_TRANS gives
/// LAPIS_ERR_INVALID_ARGUMENT). The diagonal's imaginary part is set to
/// zero; the other triangle is not touched. Leading dimensions as
/// lapis_dsyrk. No copy.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_zherk(
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    n: i64,
    k: i64,
    alpha: f64,
    a: *const lapis_complex128,
    lda: i64,
    beta: f64,
    c: *mut lapis_complex128,
    ldc: i64,
) -> lapis_status {
    call(|| unsafe {
        rk_raw::<Complex64>(
            "lapis_zherk",
            order,
            uplo,
            trans,
            (n, k),
            Rk::He(alpha, beta),
            (a.cast::<Complex64>(), lda),
            (c.cast::<Complex64>(), ldc),
        )
    })
}

/// lapis_dtrsm for float32 buffers. Arguments,
/// layout and errors as lapis_dtrsm.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_strsm(
    order: lapis_order,
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    m: i64,
    n: i64,
    alpha: f32,
    a: *const f32,
    lda: i64,
    b: *mut f32,
    ldb: i64,
) -> lapis_status {
    call(|| unsafe {
        trsm_raw(
            "lapis_strsm",
            order,
            (side, uplo, transa, diag),
            (m, n),
            alpha,
            (a, lda),
            (b, ldb),
        )
    })
}

/// Solves op(A)·X = alpha·B (`side` LAPIS_LEFT) or X·op(A) = alpha·B
/// (LAPIS_RIGHT) for X, overwriting the m × n matrix B, with A triangular
/// (`uplo`; `diag` LAPIS_UNIT takes its diagonal as ones), double buffers
/// (`cblas_dtrsm`). A is m × m (left) or n × n (right), `lda` ≥ max(1, that
/// order); `ldb` ≥ max(1, n) row-major or max(1, m) column-major. No
/// singularity check, as in BLAS (a zero pivot gives inf/NaN). No copy.
///
/// Errors (checked in parameter order before anything is read or written;
/// the message names the parameter): LAPIS_ERR_INVALID_ARGUMENT for a bad
/// code, a negative size, a leading dimension below its minimum or a zero
/// increment; LAPIS_ERR_OVERFLOW for a value beyond INT32_MAX;
/// LAPIS_ERR_NULL_ARGUMENT for a NULL buffer that has elements;
/// LAPIS_ERR_BAD_STRIDE for a misaligned buffer.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_dtrsm(
    order: lapis_order,
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    m: i64,
    n: i64,
    alpha: f64,
    a: *const f64,
    lda: i64,
    b: *mut f64,
    ldb: i64,
) -> lapis_status {
    call(|| unsafe {
        trsm_raw(
            "lapis_dtrsm",
            order,
            (side, uplo, transa, diag),
            (m, n),
            alpha,
            (a, lda),
            (b, ldb),
        )
    })
}

/// lapis_dtrsm for complex64 buffers (LAPIS_CONJ_TRANS solves with Aᴴ). Arguments,
/// layout and errors as lapis_dtrsm.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_ctrsm(
    order: lapis_order,
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    m: i64,
    n: i64,
    alpha: lapis_complex64,
    a: *const lapis_complex64,
    lda: i64,
    b: *mut lapis_complex64,
    ldb: i64,
) -> lapis_status {
    call(|| unsafe {
        trsm_raw(
            "lapis_ctrsm",
            order,
            (side, uplo, transa, diag),
            (m, n),
            c32(alpha),
            (a.cast::<Complex32>(), lda),
            (b.cast::<Complex32>(), ldb),
        )
    })
}

/// lapis_dtrsm for complex128 buffers (LAPIS_CONJ_TRANS solves with Aᴴ). Arguments,
/// layout and errors as lapis_dtrsm.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_ztrsm(
    order: lapis_order,
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    m: i64,
    n: i64,
    alpha: lapis_complex128,
    a: *const lapis_complex128,
    lda: i64,
    b: *mut lapis_complex128,
    ldb: i64,
) -> lapis_status {
    call(|| unsafe {
        trsm_raw(
            "lapis_ztrsm",
            order,
            (side, uplo, transa, diag),
            (m, n),
            c64(alpha),
            (a.cast::<Complex64>(), lda),
            (b.cast::<Complex64>(), ldb),
        )
    })
}

/// y := x for n-element float32 vectors (`cblas_scopy`); negative
/// increments start at the end. An x overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_scopy(
    n: i64,
    x: *const f32,
    incx: i64,
    y: *mut f32,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { copy_raw("lapis_scopy", false, n, (x.cast_mut(), incx), (y, incy)) })
}

/// Exchanges x and y for n-element float32 vectors (`cblas_sswap`); negative
/// increments start at the end. Vectors that share an element give LAPIS_ERR_INVALID_ARGUMENT. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sswap(
    n: i64,
    x: *mut f32,
    incx: i64,
    y: *mut f32,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { copy_raw("lapis_sswap", true, n, (x, incx), (y, incy)) })
}

/// y := x for n-element float64 vectors (`cblas_dcopy`); negative
/// increments start at the end. An x overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dcopy(
    n: i64,
    x: *const f64,
    incx: i64,
    y: *mut f64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { copy_raw("lapis_dcopy", false, n, (x.cast_mut(), incx), (y, incy)) })
}

/// Exchanges x and y for n-element float64 vectors (`cblas_dswap`); negative
/// increments start at the end. Vectors that share an element give LAPIS_ERR_INVALID_ARGUMENT. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dswap(
    n: i64,
    x: *mut f64,
    incx: i64,
    y: *mut f64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe { copy_raw("lapis_dswap", true, n, (x, incx), (y, incy)) })
}

/// y := x for n-element complex64 vectors (`cblas_ccopy`); negative
/// increments start at the end. An x overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ccopy(
    n: i64,
    x: *const lapis_complex64,
    incx: i64,
    y: *mut lapis_complex64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        copy_raw(
            "lapis_ccopy",
            false,
            n,
            (x.cast_mut().cast::<Complex32>(), incx),
            (y.cast::<Complex32>(), incy),
        )
    })
}

/// Exchanges x and y for n-element complex64 vectors (`cblas_cswap`); negative
/// increments start at the end. Vectors that share an element give LAPIS_ERR_INVALID_ARGUMENT. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cswap(
    n: i64,
    x: *mut lapis_complex64,
    incx: i64,
    y: *mut lapis_complex64,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        copy_raw(
            "lapis_cswap",
            true,
            n,
            (x.cast::<Complex32>(), incx),
            (y.cast::<Complex32>(), incy),
        )
    })
}

/// y := x for n-element complex128 vectors (`cblas_zcopy`); negative
/// increments start at the end. An x overlapping y is read as if copied first. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zcopy(
    n: i64,
    x: *const lapis_complex128,
    incx: i64,
    y: *mut lapis_complex128,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        copy_raw(
            "lapis_zcopy",
            false,
            n,
            (x.cast_mut().cast::<Complex64>(), incx),
            (y.cast::<Complex64>(), incy),
        )
    })
}

/// Exchanges x and y for n-element complex128 vectors (`cblas_zswap`); negative
/// increments start at the end. Vectors that share an element give LAPIS_ERR_INVALID_ARGUMENT. Errors: LAPIS_ERR_INVALID_ARGUMENT for n < 0 or a zero increment,
/// LAPIS_ERR_OVERFLOW beyond INT32_MAX, LAPIS_ERR_NULL_ARGUMENT for a NULL
/// buffer when n > 0 (or a NULL `out`), LAPIS_ERR_BAD_STRIDE for a
/// misaligned buffer; nothing is written on error.
///
/// # Safety
/// Each non-NULL buffer holds every element that its sizes and leading
/// dimension or increment address (readable; writable for outputs), and no
/// other thread writes it during the call; `out` is NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_zswap(
    n: i64,
    x: *mut lapis_complex128,
    incx: i64,
    y: *mut lapis_complex128,
    incy: i64,
) -> lapis_status {
    call(|| unsafe {
        copy_raw(
            "lapis_zswap",
            true,
            n,
            (x.cast::<Complex64>(), incx),
            (y.cast::<Complex64>(), incy),
        )
    })
}
