//! LU family: `?getrf` (factor), `?getrs` (solve with the factors),
//! `?getri` (inverse from the factors).

use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};

/// LU factorization with partial pivoting and its uses.
#[doc(hidden)]
#[allow(clippy::missing_safety_doc, clippy::too_many_arguments)]
pub trait Getrf: Sized {
    /// `A = P·L·U` in place (column-major `m × n`, leading dimension `lda`);
    /// `ipiv` has `min(m, n)` 1-based pivots.
    unsafe fn getrf(m: i32, n: i32, a: &mut [Self], lda: i32, ipiv: &mut [i32]) -> i32;
    /// Solves `op(A)·X = B` with `A`'s LU factors; `trans` is `b'N'`, `b'T'` or `b'C'`.
    unsafe fn getrs(
        trans: u8,
        n: i32,
        nrhs: i32,
        a: &[Self],
        lda: i32,
        ipiv: &[i32],
        b: &mut [Self],
        ldb: i32,
    ) -> i32;
    /// Inverse from the LU factors, in place; `lwork = -1` queries the
    /// workspace size into `work[0]`.
    unsafe fn getri(
        n: i32,
        a: &mut [Self],
        lda: i32,
        ipiv: &[i32],
        work: &mut [Self],
        lwork: i32,
    ) -> i32;
}

macro_rules! impl_getrf {
    ($t:ty, $getrf:ident, $getrs:ident, $getri:ident) => {
        impl Getrf for $t {
            unsafe fn getrf(m: i32, n: i32, a: &mut [Self], lda: i32, ipiv: &mut [i32]) -> i32 {
                let _serial = crate::backend::serial();
                unsafe { lapacke::$getrf(ColumnMajor, m, n, a, lda, ipiv) }
            }
            unsafe fn getrs(
                trans: u8,
                n: i32,
                nrhs: i32,
                a: &[Self],
                lda: i32,
                ipiv: &[i32],
                b: &mut [Self],
                ldb: i32,
            ) -> i32 {
                let _serial = crate::backend::serial();
                unsafe { lapacke::$getrs(ColumnMajor, trans, n, nrhs, a, lda, ipiv, b, ldb) }
            }
            unsafe fn getri(
                n: i32,
                a: &mut [Self],
                lda: i32,
                ipiv: &[i32],
                work: &mut [Self],
                lwork: i32,
            ) -> i32 {
                let _serial = crate::backend::serial();
                unsafe { lapacke::$getri(ColumnMajor, n, a, lda, ipiv, work, lwork) }
            }
        }
    };
}

impl_getrf!(f32, sgetrf_work, sgetrs_work, sgetri_work);
impl_getrf!(f64, dgetrf_work, dgetrs_work, dgetri_work);
impl_getrf!(Complex32, cgetrf_work, cgetrs_work, cgetri_work);
impl_getrf!(Complex64, zgetrf_work, zgetrs_work, zgetri_work);
