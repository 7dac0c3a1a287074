//! General (non-symmetric) eigenproblem: `?geev`.
//!
//! | type        | routine  |
//! |-------------|----------|
//! | `f32`       | `sgeev`  |
//! | `f64`       | `dgeev`  |
//! | `Complex32` | `cgeev`  |
//! | `Complex64` | `zgeev`  |
//!
//! The real and complex routines differ in how they return eigenvalues
//! (real: `wr` and `wi`; complex: `w`) and in their scratch (complex ones
//! take `rwork` of `2n` reals). One signature covers both: `w` receives
//! `wr` or `w`, `wi` the imaginary parts (real types only; left untouched
//! for complex ones), and `rwork` is used by complex types only.

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};
use std::os::raw::c_char;

/// Eigenvalues and left/right eigenvectors of a general square matrix.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Geev<R>: Sized {
    /// `?geev` on the column-major `n × n` matrix `a` (overwritten).
    ///
    /// * `jobvl`, `jobvr`: `b'V'` to compute the left/right eigenvectors
    ///   into `vl`/`vr` (`n × n`, leading dimensions `ldvl`/`ldvr`), `b'N'`
    ///   not to (the slice is then not referenced; the leading dimension
    ///   must still be ≥ 1).
    /// * `w` (length `n`): the eigenvalues (complex types) or their real
    ///   parts (real types); `wi` (length `n` for real types, may be empty
    ///   for complex ones): their imaginary parts, conjugate pairs
    ///   consecutive with the positive imaginary part first.
    /// * `work`/`lwork`: workspace; `lwork = -1` queries the optimal size
    ///   into `work[0]`. `rwork`: `2n` reals for complex types (may be empty
    ///   for real types).
    ///
    /// # Safety
    /// Every slice must hold at least what the list above gives it (`a`:
    /// `lda·(n − 1) + n` with `lda ≥ max(1, n)`; `vl`/`vr` the same with
    /// `ldvl`/`ldvr` when computed; `work` `max(1, lwork)`): LAPACK addresses
    /// them by these sizes without a length check.
    unsafe fn geev(
        jobvl: u8,
        jobvr: u8,
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        w: &mut [Self],
        wi: &mut [R],
        vl: &mut [Self],
        ldvl: BlasInt,
        vr: &mut [Self],
        ldvr: BlasInt,
        work: &mut [Self],
        lwork: BlasInt,
        rwork: &mut [R],
    ) -> BlasInt;
}

macro_rules! impl_geev_real {
    ($t:ty, $geev:ident) => {
        impl Geev<$t> for $t {
            unsafe fn geev(
                jobvl: u8,
                jobvr: u8,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                w: &mut [Self],
                wi: &mut [Self],
                vl: &mut [Self],
                ldvl: BlasInt,
                vr: &mut [Self],
                ldvr: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                _rwork: &mut [Self],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `geev`'s contract above: every slice holds the
                // elements LAPACK addresses through the sizes passed with it.
                unsafe {
                    ffi::$geev(
                        ColumnMajor,
                        jobvl as c_char,
                        jobvr as c_char,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        w.as_mut_ptr(),
                        wi.as_mut_ptr(),
                        vl.as_mut_ptr(),
                        ldvl,
                        vr.as_mut_ptr(),
                        ldvr,
                        work.as_mut_ptr(),
                        lwork,
                    )
                }
            }
        }
    };
}

macro_rules! impl_geev_complex {
    ($t:ty, $r:ty, $geev:ident) => {
        impl Geev<$r> for $t {
            unsafe fn geev(
                jobvl: u8,
                jobvr: u8,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                w: &mut [Self],
                _wi: &mut [$r],
                vl: &mut [Self],
                ldvl: BlasInt,
                vr: &mut [Self],
                ldvr: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                rwork: &mut [$r],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `geev`'s contract above, `rwork` included:
                // every slice holds the elements LAPACK addresses.
                unsafe {
                    ffi::$geev(
                        ColumnMajor,
                        jobvl as c_char,
                        jobvr as c_char,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        w.as_mut_ptr(),
                        vl.as_mut_ptr(),
                        ldvl,
                        vr.as_mut_ptr(),
                        ldvr,
                        work.as_mut_ptr(),
                        lwork,
                        rwork.as_mut_ptr(),
                    )
                }
            }
        }
    };
}

impl_geev_real!(f32, LAPACKE_sgeev_work);
impl_geev_real!(f64, LAPACKE_dgeev_work);
impl_geev_complex!(Complex32, f32, LAPACKE_cgeev_work);
impl_geev_complex!(Complex64, f64, LAPACKE_zgeev_work);
