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
//!
//! The exports are generated from capi/exports.toml into gen/blas_ptr.rs,
//! one row per s/d/c/z function; each runs one of the generic bodies below
//! inside the panic boundary. Complex buffers arrive as arrays of
//! `lapis_complex64`/`lapis_complex128`, which have the layout of
//! `num_complex::Complex32`/`Complex64` ([`CElem`]).

use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, Axis, ShapeBuilder};
use num_complex::{Complex32, Complex64};

use super::{
    Failure, FfiResult, LAPIS_CONJ_TRANS, LAPIS_NO_TRANS, LAPIS_ORDER_C, LAPIS_ORDER_F,
    LAPIS_TRANS, diag_arg, lapis_complex64, lapis_complex128, lapis_diag, lapis_order, lapis_side,
    lapis_status, lapis_trans, lapis_uplo, put, side_arg, trans_arg, uplo_arg,
};
use lapis::blas::{self as typed, Side, Transpose};
use lapis::layout::Order;
use lapis::scalar::Scalar;

#[path = "gen/blas_ptr.rs"]
mod exports;
pub use exports::*;

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

/// The strided shape of a stored `rows × cols` matrix at `p` and the
/// checked pointer (non-NULL and aligned when the matrix has elements).
fn mat_parts<T>(
    routine: &str,
    name: &str,
    p: *const T,
    dims: (usize, usize),
    ld: usize,
    order: Order,
) -> FfiResult<(ndarray::StrideShape<ndarray::Ix2>, *mut T)> {
    let shape = mat_layout(routine, name, dims, ld, order)?;
    Ok((shape, ptr_arg(routine, name, p, dims.0 * dims.1)?))
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
    let (shape, p) = mat_parts(routine, name, p, dims, ld, order)?;
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
    let (shape, p) = mat_parts(routine, name, p, dims, ld, order)?;
    // SAFETY: as in `mat`; the caller gives exclusive access.
    Ok(unsafe { ArrayViewMut2::from_shape_ptr(shape, p) })
}

/// The strided shape (stride |inc|) of an `n`-vector at `p` and the
/// checked pointer to its lowest address.
fn vector_parts<T>(
    routine: &str,
    name: &str,
    p: *const T,
    n: usize,
    inc: isize,
) -> FfiResult<(ndarray::StrideShape<ndarray::Ix1>, *mut T)> {
    let step = inc.unsigned_abs();
    span(routine, name, n, step)?;
    Ok((n.strides(step), ptr_arg(routine, name, p, n)?))
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
    let (shape, p) = vector_parts(routine, name, p, n, inc)?;
    // SAFETY: caller contract; the lowest address is p, stride |inc|.
    let mut v = unsafe { ArrayView1::from_shape_ptr(shape, p) };
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
    let (shape, p) = vector_parts(routine, name, p, n, inc)?;
    // SAFETY: as in `vector`; inc ≠ 0 so the elements are distinct, and the
    // caller gives exclusive access.
    let mut v = unsafe { ArrayViewMut1::from_shape_ptr(shape, p) };
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

/// A C element type and the Rust scalar of the same layout that lapis's
/// typed BLAS takes: `f32`, `f64`, and the complex structs, which are
/// `#[repr(C)] { re, im }` like `num_complex::Complex<f32/f64>`, so a
/// buffer of one is a buffer of the other.
trait CElem: Copy {
    type T: Scalar;
    fn to_rust(self) -> Self::T;
    fn from_rust(v: Self::T) -> Self;
}

impl CElem for f32 {
    type T = f32;
    fn to_rust(self) -> f32 {
        self
    }
    fn from_rust(v: f32) -> f32 {
        v
    }
}

impl CElem for f64 {
    type T = f64;
    fn to_rust(self) -> f64 {
        self
    }
    fn from_rust(v: f64) -> f64 {
        v
    }
}

impl CElem for lapis_complex64 {
    type T = Complex32;
    fn to_rust(self) -> Complex32 {
        Complex32::new(self.re, self.im)
    }
    fn from_rust(v: Complex32) -> Self {
        lapis_complex64 { re: v.re, im: v.im }
    }
}

impl CElem for lapis_complex128 {
    type T = Complex64;
    fn to_rust(self) -> Complex64 {
        Complex64::new(self.re, self.im)
    }
    fn from_rust(v: Complex64) -> Self {
        lapis_complex128 { re: v.re, im: v.im }
    }
}

/// A C buffer as a buffer of its Rust twin (same layout, see [`CElem`]).
fn rust_ptr<C: CElem>(p: *const C) -> *const C::T {
    p.cast()
}

/// As [`rust_ptr`], for a buffer that is written.
fn rust_ptr_mut<C: CElem>(p: *mut C) -> *mut C::T {
    p.cast()
}

// ---------------------------------------------------------------------------
// The bodies, one per routine family, generic over the C element type; the
// exports in gen/blas_ptr.rs run them inside the panic boundary.
// ---------------------------------------------------------------------------

/// `C := alpha·op(A)·op(B) + beta·C` (?gemm).
///
/// # Safety
/// Each non-NULL buffer holds every element its sizes and leading
/// dimension address (readable; `c` writable), and no other thread
/// writes it during the call.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_ptr<C: CElem>(
    r: &str,
    order: lapis_order,
    (transa, transb): (lapis_trans, lapis_trans),
    (m, n, k): (i64, i64, i64),
    alpha: C,
    (a, lda): (*const C, i64),
    (b, ldb): (*const C, i64),
    beta: C,
    (c, ldc): (*mut C, i64),
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
    // SAFETY: the caller's contract: `a` holds the stored A (checked shape and lda).
    let av = unsafe { mat(r, "a", rust_ptr(a), (sa.0.0, sa.1.0), lda, order) }?;
    // SAFETY: likewise for `b`.
    let bv = unsafe { mat(r, "b", rust_ptr(b), (sb.0.0, sb.1.0), ldb, order) }?;
    // SAFETY: likewise for `c`, writable and not written by anyone else.
    let mut cv = unsafe { mat_mut(r, "c", rust_ptr_mut(c), (m.0, n.0), ldc, order) }?;
    typed::gemm(ta, tb, alpha.to_rust(), &av, &bv, beta.to_rust(), &mut cv)?;
    Ok(())
}

/// `y := alpha·op(A)·x + beta·y` (?gemv).
///
/// # Safety
/// As [`gemm_ptr`]; `y` is the buffer written.
#[allow(clippy::too_many_arguments)]
unsafe fn gemv_ptr<C: CElem>(
    r: &str,
    order: lapis_order,
    trans: lapis_trans,
    (m, n): (i64, i64),
    alpha: C,
    (a, lda): (*const C, i64),
    (x, incx): (*const C, i64),
    beta: C,
    (y, incy): (*mut C, i64),
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
    // SAFETY: the caller's contract: `a` holds the m × n matrix (checked lda).
    let av = unsafe { mat(r, "a", rust_ptr(a), (m.0, n.0), lda, order) }?;
    // SAFETY: the caller's contract: `x` holds `xlen` elements at `incx`.
    let xv = unsafe { vector(r, "x", rust_ptr(x), xlen, incx) }?;
    // SAFETY: the caller's contract: `y` holds `ylen` writable elements at `incy`.
    let mut yv = unsafe { vector_mut(r, "y", rust_ptr_mut(y), ylen, incy) }?;
    typed::gemv(t, alpha.to_rust(), &av, &xv, beta.to_rust(), &mut yv)?;
    Ok(())
}

/// `y := alpha·x + y` (?axpy).
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments (`y` writable, not
/// written by anyone else during the call).
unsafe fn axpy_ptr<C: CElem>(
    r: &str,
    n: i64,
    alpha: C,
    (x, incx): (*const C, i64),
    (y, incy): (*mut C, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: the caller's contract for `x`.
    let xv = unsafe { vector(r, "x", rust_ptr(x), n, incx) }?;
    // SAFETY: the caller's contract for `y`.
    let mut yv = unsafe { vector_mut(r, "y", rust_ptr_mut(y), n, incy) }?;
    typed::axpy(alpha.to_rust(), &xv, &mut yv)?;
    Ok(())
}

/// The factor of a scal: of the vector's type (?scal) or real (csscal,
/// zdscal).
enum Factor<C: CElem> {
    Same(C),
    Real(<C::T as RealOf>::Real),
}

/// `T::Real` under a name usable in a type path.
trait RealOf {
    type Real;
}

impl<T: Scalar> RealOf for T {
    type Real = T::Real;
}

/// `x := alpha·x` (?scal, csscal, zdscal).
///
/// # Safety
/// `x` holds `n` writable elements at `incx`, not accessed by anyone else
/// during the call.
unsafe fn scal_ptr<C: CElem>(
    r: &str,
    n: i64,
    alpha: Factor<C>,
    (x, incx): (*mut C, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    // SAFETY: the caller's contract for `x`.
    let mut xv = unsafe { vector_mut(r, "x", rust_ptr_mut(x), n, incx) }?;
    match alpha {
        Factor::Same(alpha) => typed::scal(alpha.to_rust(), &mut xv)?,
        Factor::Real(alpha) => typed::rscal(alpha, &mut xv)?,
    }
    Ok(())
}

/// `*out := Σ xᵢ·yᵢ`, or `Σ conj(xᵢ)·yᵢ` for `conj` (?dot, ?dotu, ?dotc).
///
/// # Safety
/// `x` and `y` hold `n` elements at their increments; `out` is NULL or
/// valid for one write.
unsafe fn dot_ptr<C: CElem>(
    r: &str,
    conj: bool,
    n: i64,
    (x, incx): (*const C, i64),
    (y, incy): (*const C, i64),
    out: *mut C,
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: the caller's contract for `x`.
    let xv = unsafe { vector(r, "x", rust_ptr(x), n, incx) }?;
    // SAFETY: the caller's contract for `y`.
    let yv = unsafe { vector(r, "y", rust_ptr(y), n, incy) }?;
    let out = out_arg(r, out)?;
    let v = if conj {
        typed::dotc(&xv, &yv)?
    } else {
        typed::dot(&xv, &yv)?
    };
    // SAFETY: checked non-null; valid for a write (caller contract).
    unsafe { put(out, C::from_rust(v)) };
    Ok(())
}

/// `*out := sqrt(Σ |xᵢ|²)` (?nrm2, scnrm2, dznrm2).
///
/// # Safety
/// `x` holds `n` elements at `incx`; `out` is NULL or valid for one write.
unsafe fn nrm2_ptr<C: CElem>(
    r: &str,
    n: i64,
    (x, incx): (*const C, i64),
    out: *mut <C::T as RealOf>::Real,
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    // SAFETY: the caller's contract for `x`.
    let xv = unsafe { vector(r, "x", rust_ptr(x), n, incx) }?;
    let out = out_arg(r, out)?;
    let v = typed::nrm2(&xv)?;
    // SAFETY: checked non-null; valid for a write (caller contract).
    unsafe { put(out, v) };
    Ok(())
}

/// Which rank-k routine: `syrk` or `herk` (real `alpha`, `beta`).
enum Rk<C: CElem> {
    Sy(C, C),
    He(<C::T as RealOf>::Real, <C::T as RealOf>::Real),
}

/// `C := alpha·op(A)·op(A)ᵀ + beta·C` (?syrk) or `·op(A)ᴴ` (?herk) on
/// the `uplo` triangle.
///
/// # Safety
/// As [`gemm_ptr`]; `c` is the buffer written.
#[allow(clippy::too_many_arguments)]
unsafe fn rk_ptr<C: CElem>(
    r: &str,
    order: lapis_order,
    uplo: lapis_uplo,
    trans: lapis_trans,
    (n, k): (i64, i64),
    coefs: Rk<C>,
    (a, lda): (*const C, i64),
    (c, ldc): (*mut C, i64),
) -> FfiResult {
    let order = layout_arg(r, order)?;
    let uplo = uplo_arg(r, uplo)?;
    let bad = match (&coefs, <C::T as Scalar>::IS_COMPLEX) {
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
    // SAFETY: the caller's contract: `a` holds the stored A (checked lda).
    let av = unsafe { mat(r, "a", rust_ptr(a), (sa.0.0, sa.1.0), lda, order) }?;
    // SAFETY: the caller's contract: `c` holds the n × n C, writable.
    let mut cv = unsafe { mat_mut(r, "c", rust_ptr_mut(c), (n.0, n.0), ldc, order) }?;
    match coefs {
        Rk::Sy(alpha, beta) => typed::syrk(uplo, t, alpha.to_rust(), &av, beta.to_rust(), &mut cv)?,
        Rk::He(alpha, beta) => typed::herk(uplo, t, alpha, &av, beta, &mut cv)?,
    }
    Ok(())
}

/// Solves `op(A)·X = alpha·B` or `X·op(A) = alpha·B` into B (?trsm).
///
/// # Safety
/// As [`gemm_ptr`]; `b` is the buffer written.
#[allow(clippy::too_many_arguments)]
unsafe fn trsm_ptr<C: CElem>(
    r: &str,
    order: lapis_order,
    (side, uplo, transa, diag): (lapis_side, lapis_uplo, lapis_trans, lapis_diag),
    (m, n): (i64, i64),
    alpha: C,
    (a, lda): (*const C, i64),
    (b, ldb): (*mut C, i64),
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
    // SAFETY: the caller's contract: `a` holds the ka × ka A (checked lda).
    let av = unsafe { mat(r, "a", rust_ptr(a), (ka.0, ka.0), lda, order) }?;
    // SAFETY: the caller's contract: `b` holds the m × n B, writable.
    let mut bv = unsafe { mat_mut(r, "b", rust_ptr_mut(b), (m.0, n.0), ldb, order) }?;
    typed::trsm(side, uplo, ta, diag, alpha.to_rust(), &av, &mut bv)?;
    Ok(())
}

/// `y := x` (?copy).
///
/// # Safety
/// As [`axpy_ptr`].
unsafe fn copy_ptr<C: CElem>(
    r: &str,
    n: i64,
    (x, incx): (*const C, i64),
    (y, incy): (*mut C, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: the caller's contract for `x` (only read).
    let xv = unsafe { vector(r, "x", rust_ptr(x), n, incx) }?;
    // SAFETY: the caller's contract for `y`.
    let mut yv = unsafe { vector_mut(r, "y", rust_ptr_mut(y), n, incy) }?;
    typed::copy(&xv, &mut yv)?;
    Ok(())
}

/// Exchanges x and y (?swap).
///
/// # Safety
/// `x` and `y` hold `n` writable elements at their increments, not
/// accessed by anyone else during the call.
unsafe fn swap_ptr<C: CElem>(
    r: &str,
    n: i64,
    (x, incx): (*mut C, i64),
    (y, incy): (*mut C, i64),
) -> FfiResult {
    let n = size_arg(r, "n", n)?;
    let incx = inc_arg(r, "incx", incx)?;
    let incy = inc_arg(r, "incy", incy)?;
    // SAFETY: the caller's contract for `x`.
    let mut xv = unsafe { vector_mut(r, "x", rust_ptr_mut(x), n, incx) }?;
    // SAFETY: the caller's contract for `y`.
    let mut yv = unsafe { vector_mut(r, "y", rust_ptr_mut(y), n, incy) }?;
    typed::swap(&mut xv, &mut yv)?;
    Ok(())
}
