//! LU family: `?getrf` (factor), `?getrs` (solve with the factors),
//! `?getri` (inverse from the factors).

use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};

/// LU factorization with partial pivoting and its uses.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Getrf: Sized {
    /// `A = P·L·U` in place (column-major `m × n`, leading dimension `lda`);
    /// `ipiv` has `min(m, n)` 1-based pivots.
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + m` elements (when non-empty) with
    /// `lda ≥ max(1, m)`, and `ipiv` at least `min(m, n)`: LAPACK addresses
    /// them by these dimensions without a length check.
    unsafe fn getrf(m: i32, n: i32, a: &mut [Self], lda: i32, ipiv: &mut [i32]) -> i32;
    /// Solves `op(A)·X = B` with `A`'s LU factors; `trans` is `b'N'`, `b'T'` or `b'C'`.
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + n` elements and `b` at least
    /// `ldb·(nrhs − 1) + n` (when non-empty), with `lda, ldb ≥ max(1, n)`;
    /// `ipiv` must hold the `n` pivots from [`Getrf::getrf`] (each in `1..=n`:
    /// LAPACK swaps rows of `b` by them unchecked).
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
    ///
    /// # Safety
    /// `a` as for [`Getrf::getrs`]; `ipiv` the `n` pivots from
    /// [`Getrf::getrf`]; `work` must hold at least `max(1, lwork)` elements.
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
                // SAFETY: our caller meets `getrf`'s contract above: the slices hold every
                // element LAPACK addresses through `m`, `n` and `lda`.
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
                // SAFETY: our caller meets `getrs`'s contract above: the slices hold every
                // element LAPACK addresses, and the pivots stay inside `b`'s rows.
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
                // SAFETY: our caller meets `getri`'s contract above: `a`, `ipiv` and
                // `work` hold every element LAPACK addresses through `n`, `lda`, `lwork`.
                unsafe { lapacke::$getri(ColumnMajor, n, a, lda, ipiv, work, lwork) }
            }
        }
    };
}

impl_getrf!(f32, sgetrf_work, sgetrs_work, sgetri_work);
impl_getrf!(f64, dgetrf_work, dgetrs_work, dgetri_work);
impl_getrf!(Complex32, cgetrf_work, cgetrs_work, cgetri_work);
impl_getrf!(Complex64, zgetrf_work, zgetrs_work, zgetri_work);
