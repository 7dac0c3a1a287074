//! Cholesky family: `?potrf` (factor), `?potrs` (solve with the factor),
//! and the triangular solve `?trtrs` that shares its structure.
//!
//! | method  | f32      | f64      | Complex32 | Complex64 |
//! |---------|----------|----------|-----------|-----------|
//! | `potrf` | `spotrf` | `dpotrf` | `cpotrf`  | `zpotrf`  |
//! | `potrs` | `spotrs` | `dpotrs` | `cpotrs`  | `zpotrs`  |
//! | `trtrs` | `strtrs` | `dtrtrs` | `ctrtrs`  | `ztrtrs`  |
//!
//! `potrf` and `trtrs`'s `a` take raw pointers rather than slices: they are
//! handed the caller's own memory (the in-place Cholesky, a triangular
//! matrix read without a copy), whose span between the first and the last
//! element may include elements of other live views (a sub-matrix's
//! padding). A Rust slice over that span would claim it; a pointer does
//! not.

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};
use std::os::raw::c_char;

/// Cholesky factorization, its solve, and triangular solves.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Potrf: Sized {
    /// `A = Uᴴ·U` (`uplo = b'U'`) or `A = L·Lᴴ` (`b'L'`) in place, reading
    /// and writing only that triangle of the column-major `n × n` matrix at
    /// `a` (leading dimension `lda`). `info > 0`: the leading minor of
    /// order `info` is not positive definite.
    ///
    /// # Safety
    /// `a` must address a column-major `n × n` matrix with leading dimension
    /// `lda ≥ max(1, n)` whose `uplo` triangle is readable and writable, and
    /// that nothing else accesses during the call (LAPACK checks no length).
    unsafe fn potrf(uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt) -> BlasInt;
    /// Solves `A·X = B` with `potrf`'s factor in triangle `uplo` of `a`;
    /// `b` is `n × nrhs` column-major with leading dimension `ldb`.
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + n` elements and `b` at least
    /// `ldb·(nrhs − 1) + n` (when non-empty), with `lda, ldb ≥ max(1, n)`:
    /// LAPACK addresses them by these dimensions without a length check.
    unsafe fn potrs(
        uplo: u8,
        n: BlasInt,
        nrhs: BlasInt,
        a: &[Self],
        lda: BlasInt,
        b: &mut [Self],
        ldb: BlasInt,
    ) -> BlasInt;
    /// Solves `op(A)·X = B` for triangular `A` (triangle `uplo`, `diag`
    /// `b'N'` or `b'U'` for an implied unit diagonal, `trans` `b'N'`,
    /// `b'T'` or `b'C'`). `info > 0`: `A[info-1, info-1]` is zero.
    ///
    /// # Safety
    /// `a` must address a column-major `n × n` matrix with leading dimension
    /// `lda ≥ max(1, n)` whose `uplo` triangle is readable and not written
    /// during the call; `b` as for [`Potrf::potrs`].
    unsafe fn trtrs(
        uplo: u8,
        trans: u8,
        diag: u8,
        n: BlasInt,
        nrhs: BlasInt,
        a: *const Self,
        lda: BlasInt,
        b: &mut [Self],
        ldb: BlasInt,
    ) -> BlasInt;
}

macro_rules! impl_potrf {
    ($t:ty, $potrf:ident, $potrs:ident, $trtrs:ident) => {
        impl Potrf for $t {
            unsafe fn potrf(uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `potrf`'s contract above, which is what
                // `LAPACKE_?potrf_work` reads and writes (the `uplo` triangle of `a`).
                unsafe { ffi::$potrf(ColumnMajor, uplo as c_char, n, a as *mut _, lda) }
            }
            unsafe fn potrs(
                uplo: u8,
                n: BlasInt,
                nrhs: BlasInt,
                a: &[Self],
                lda: BlasInt,
                b: &mut [Self],
                ldb: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `potrs`'s contract above: the slices hold every
                // element LAPACK addresses through `n`, `nrhs`, `lda` and `ldb`.
                unsafe {
                    ffi::$potrs(
                        ColumnMajor,
                        uplo as c_char,
                        n,
                        nrhs,
                        a.as_ptr(),
                        lda,
                        b.as_mut_ptr(),
                        ldb,
                    )
                }
            }
            unsafe fn trtrs(
                uplo: u8,
                trans: u8,
                diag: u8,
                n: BlasInt,
                nrhs: BlasInt,
                a: *const Self,
                lda: BlasInt,
                b: &mut [Self],
                ldb: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `trtrs`'s contract above: `a`'s triangle is
                // readable by `n` and `lda`, and `b` holds every element LAPACK addresses
                // through `n`, `nrhs` and `ldb`; `b` is a unique borrow, so it does not
                // overlap `a`'s triangle.
                unsafe {
                    ffi::$trtrs(
                        ColumnMajor,
                        uplo as c_char,
                        trans as c_char,
                        diag as c_char,
                        n,
                        nrhs,
                        a as *const _,
                        lda,
                        b.as_mut_ptr() as *mut _,
                        ldb,
                    )
                }
            }
        }
    };
}

impl_potrf!(
    f32,
    LAPACKE_spotrf_work,
    LAPACKE_spotrs_work,
    LAPACKE_strtrs_work
);
impl_potrf!(
    f64,
    LAPACKE_dpotrf_work,
    LAPACKE_dpotrs_work,
    LAPACKE_dtrtrs_work
);
impl_potrf!(
    Complex32,
    LAPACKE_cpotrf_work,
    LAPACKE_cpotrs_work,
    LAPACKE_ctrtrs_work
);
impl_potrf!(
    Complex64,
    LAPACKE_zpotrf_work,
    LAPACKE_zpotrs_work,
    LAPACKE_ztrtrs_work
);
