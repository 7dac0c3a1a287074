//! LU family: `?getrf` (factor), `?getrs` (solve with the factors),
//! `?getri` (inverse from the factors), `?gesv` (factor and solve in one
//! call, when the factors are not wanted).

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};
use std::os::raw::c_char;

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
    unsafe fn getrf(
        m: BlasInt,
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        ipiv: &mut [BlasInt],
    ) -> BlasInt;
    /// Solves `op(A)·X = B` with `A`'s LU factors; `trans` is `b'N'`, `b'T'` or `b'C'`.
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + n` elements and `b` at least
    /// `ldb·(nrhs − 1) + n` (when non-empty), with `lda, ldb ≥ max(1, n)`;
    /// `ipiv` must hold the `n` pivots from [`Getrf::getrf`] (each in `1..=n`:
    /// LAPACK swaps rows of `b` by them unchecked).
    unsafe fn getrs(
        trans: u8,
        n: BlasInt,
        nrhs: BlasInt,
        a: &[Self],
        lda: BlasInt,
        ipiv: &[BlasInt],
        b: &mut [Self],
        ldb: BlasInt,
    ) -> BlasInt;
    /// Solves `A·X = B` in one call (`?getrf` then `?getrs`): `a` (column-major
    /// `n × n`, leading dimension `lda`) is overwritten with its LU factors,
    /// `ipiv` with the `n` 1-based pivots, `b` (`n × nrhs`, leading dimension
    /// `ldb`) with the solution unless `info > 0` (an exactly zero pivot).
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + n` elements and `b` at least
    /// `ldb·(nrhs − 1) + n` (when non-empty), with `lda, ldb ≥ max(1, n)`;
    /// `ipiv` at least `n`.
    unsafe fn gesv(
        n: BlasInt,
        nrhs: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        ipiv: &mut [BlasInt],
        b: &mut [Self],
        ldb: BlasInt,
    ) -> BlasInt;
    /// Inverse from the LU factors, in place; `lwork = -1` queries the
    /// workspace size into `work[0]`.
    ///
    /// # Safety
    /// `a` as for [`Getrf::getrs`]; `ipiv` the `n` pivots from
    /// [`Getrf::getrf`]; `work` must hold at least `max(1, lwork)` elements.
    unsafe fn getri(
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        ipiv: &[BlasInt],
        work: &mut [Self],
        lwork: BlasInt,
    ) -> BlasInt;
}

macro_rules! impl_getrf {
    ($t:ty, $getrf:ident, $getrs:ident, $getri:ident, $gesv:ident) => {
        impl Getrf for $t {
            unsafe fn getrf(
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                ipiv: &mut [BlasInt],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `getrf`'s contract above: the slices hold every
                // element LAPACK addresses through `m`, `n` and `lda`.
                unsafe { ffi::$getrf(ColumnMajor, m, n, a.as_mut_ptr(), lda, ipiv.as_mut_ptr()) }
            }
            unsafe fn getrs(
                trans: u8,
                n: BlasInt,
                nrhs: BlasInt,
                a: &[Self],
                lda: BlasInt,
                ipiv: &[BlasInt],
                b: &mut [Self],
                ldb: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `getrs`'s contract above: the slices hold every
                // element LAPACK addresses, and the pivots stay inside `b`'s rows.
                unsafe {
                    ffi::$getrs(
                        ColumnMajor,
                        trans as c_char,
                        n,
                        nrhs,
                        a.as_ptr(),
                        lda,
                        ipiv.as_ptr(),
                        b.as_mut_ptr(),
                        ldb,
                    )
                }
            }
            unsafe fn gesv(
                n: BlasInt,
                nrhs: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                ipiv: &mut [BlasInt],
                b: &mut [Self],
                ldb: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gesv`'s contract above: the slices hold every
                // element LAPACK addresses through `n`, `nrhs`, `lda` and `ldb`.
                unsafe {
                    ffi::$gesv(
                        ColumnMajor,
                        n,
                        nrhs,
                        a.as_mut_ptr(),
                        lda,
                        ipiv.as_mut_ptr(),
                        b.as_mut_ptr(),
                        ldb,
                    )
                }
            }
            unsafe fn getri(
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                ipiv: &[BlasInt],
                work: &mut [Self],
                lwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `getri`'s contract above: `a`, `ipiv` and
                // `work` hold every element LAPACK addresses through `n`, `lda`, `lwork`.
                unsafe {
                    ffi::$getri(
                        ColumnMajor,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        ipiv.as_ptr(),
                        work.as_mut_ptr(),
                        lwork,
                    )
                }
            }
        }
    };
}

impl_getrf!(
    f32,
    LAPACKE_sgetrf_work,
    LAPACKE_sgetrs_work,
    LAPACKE_sgetri_work,
    LAPACKE_sgesv_work
);
impl_getrf!(
    f64,
    LAPACKE_dgetrf_work,
    LAPACKE_dgetrs_work,
    LAPACKE_dgetri_work,
    LAPACKE_dgesv_work
);
impl_getrf!(
    Complex32,
    LAPACKE_cgetrf_work,
    LAPACKE_cgetrs_work,
    LAPACKE_cgetri_work,
    LAPACKE_cgesv_work
);
impl_getrf!(
    Complex64,
    LAPACKE_zgetrf_work,
    LAPACKE_zgetrs_work,
    LAPACKE_zgetri_work,
    LAPACKE_zgesv_work
);
