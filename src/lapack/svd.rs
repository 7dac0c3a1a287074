//! SVD family: `?gesdd` (divide and conquer) and `?gesvd` (QR iteration,
//! the fallback when `?gesdd` fails to converge).
//!
//! | type        | gesdd    | gesvd    |
//! |-------------|----------|----------|
//! | `f32`       | `sgesdd` | `sgesvd` |
//! | `f64`       | `dgesdd` | `dgesvd` |
//! | `Complex32` | `cgesdd` | `cgesvd` |
//! | `Complex64` | `zgesdd` | `zgesvd` |
//!
//! The methods take a real workspace `rwork` for every type so that generic
//! code has one signature; the real routines ignore it (pass an empty slice).

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};
use std::os::raw::c_char;

/// Singular value decomposition drivers.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Gesdd<R>: Sized {
    /// `A = U·Σ·Vᴴ` by divide and conquer, destroying `a` (column-major
    /// `m × n`). `jobz` is `b'A'` (all of `U` `m × m` and `Vᴴ` `n × n`),
    /// `b'S'` (the first `min(m, n)` columns of `U` and rows of `Vᴴ`) or
    /// `b'N'` (values only; `u`, `vt` unreferenced, `ldu = ldvt = 1`).
    /// `s` has `min(m, n)` elements, descending. `lwork = -1` queries the
    /// workspace size into `work[0]`. `rwork` (complex types only) needs
    /// [`Gesdd::gesdd_rwork_len`] elements and `iwork` `8·min(m, n)`.
    ///
    /// # Safety
    /// Every slice must hold at least the elements LAPACK addresses through
    /// the sizes given, unchecked: `a` `lda·(n − 1) + m` (`lda ≥ max(1, m)`),
    /// `s` `min(m, n)`, `u` and `vt` the columns `jobz` asks for at `ldu` and
    /// `ldvt` (≥ the row counts), `work` `max(1, lwork)`, `rwork` and `iwork`
    /// the lengths above.
    unsafe fn gesdd(
        jobz: u8,
        m: BlasInt,
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        s: &mut [R],
        u: &mut [Self],
        ldu: BlasInt,
        vt: &mut [Self],
        ldvt: BlasInt,
        work: &mut [Self],
        lwork: BlasInt,
        rwork: &mut [R],
        iwork: &mut [BlasInt],
    ) -> BlasInt;

    /// `A = U·Σ·Vᴴ` by QR iteration, destroying `a`. `jobu`/`jobvt` are
    /// `b'A'`, `b'S'` or `b'N'` as for `jobz` of [`Gesdd::gesdd`].
    /// `rwork` (complex types only) needs `5·min(m, n)` elements.
    ///
    /// # Safety
    /// As [`Gesdd::gesdd`], with `u` and `vt` sized for `jobu` and `jobvt`, and
    /// `rwork` of `5·min(m, n)` elements for complex types.
    unsafe fn gesvd(
        jobu: u8,
        jobvt: u8,
        m: BlasInt,
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        s: &mut [R],
        u: &mut [Self],
        ldu: BlasInt,
        vt: &mut [Self],
        ldvt: BlasInt,
        work: &mut [Self],
        lwork: BlasInt,
        rwork: &mut [R],
    ) -> BlasInt;

    /// Length of `?gesdd`'s real workspace `rwork` (0 for real types).
    fn gesdd_rwork_len(jobz: u8, m: usize, n: usize) -> usize;

    /// Length of `?gesvd`'s real workspace `rwork` (0 for real types).
    fn gesvd_rwork_len(m: usize, n: usize) -> usize;

    /// The documented minimum `lwork` of `?gesdd` (a floor under the
    /// queried size, which some LAPACK versions under-report).
    fn gesdd_min_lwork(jobz: u8, m: usize, n: usize) -> usize;

    /// The documented minimum `lwork` of `?gesvd`.
    fn gesvd_min_lwork(m: usize, n: usize) -> usize;
}

macro_rules! impl_gesdd_real {
    ($t:ty, $gesdd:ident, $gesvd:ident) => {
        impl Gesdd<$t> for $t {
            unsafe fn gesdd(
                jobz: u8,
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                s: &mut [Self],
                u: &mut [Self],
                ldu: BlasInt,
                vt: &mut [Self],
                ldvt: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                _rwork: &mut [Self],
                iwork: &mut [BlasInt],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gesdd`'s contract above: every slice holds the
                // elements LAPACK addresses through the sizes passed with it.
                unsafe {
                    ffi::$gesdd(
                        ColumnMajor,
                        jobz as c_char,
                        m,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        s.as_mut_ptr(),
                        u.as_mut_ptr(),
                        ldu,
                        vt.as_mut_ptr(),
                        ldvt,
                        work.as_mut_ptr(),
                        lwork,
                        iwork.as_mut_ptr(),
                    )
                }
            }
            unsafe fn gesvd(
                jobu: u8,
                jobvt: u8,
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                s: &mut [Self],
                u: &mut [Self],
                ldu: BlasInt,
                vt: &mut [Self],
                ldvt: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                _rwork: &mut [Self],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gesvd`'s contract above: every slice holds the
                // elements LAPACK addresses through the sizes passed with it.
                unsafe {
                    ffi::$gesvd(
                        ColumnMajor,
                        jobu as c_char,
                        jobvt as c_char,
                        m,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        s.as_mut_ptr(),
                        u.as_mut_ptr(),
                        ldu,
                        vt.as_mut_ptr(),
                        ldvt,
                        work.as_mut_ptr(),
                        lwork,
                    )
                }
            }
            fn gesdd_rwork_len(_jobz: u8, _m: usize, _n: usize) -> usize {
                0
            }
            fn gesvd_rwork_len(_m: usize, _n: usize) -> usize {
                0
            }
            fn gesdd_min_lwork(jobz: u8, m: usize, n: usize) -> usize {
                let (mn, mx) = (m.min(n), m.max(n));
                let need = match jobz {
                    b'N' => 3 * mn + mx.max(7 * mn),
                    b'S' => 4 * mn * mn + 7 * mn,
                    _ => 4 * mn * mn + 6 * mn + mx,
                };
                need.max(1)
            }
            fn gesvd_min_lwork(m: usize, n: usize) -> usize {
                let (mn, mx) = (m.min(n), m.max(n));
                (3 * mn + mx).max(5 * mn).max(1)
            }
        }
    };
}

macro_rules! impl_gesdd_complex {
    ($t:ty, $r:ty, $gesdd:ident, $gesvd:ident) => {
        impl Gesdd<$r> for $t {
            unsafe fn gesdd(
                jobz: u8,
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                s: &mut [$r],
                u: &mut [Self],
                ldu: BlasInt,
                vt: &mut [Self],
                ldvt: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                rwork: &mut [$r],
                iwork: &mut [BlasInt],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gesdd`'s contract above, `rwork` included:
                // every slice holds the elements LAPACK addresses.
                unsafe {
                    ffi::$gesdd(
                        ColumnMajor,
                        jobz as c_char,
                        m,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        s.as_mut_ptr(),
                        u.as_mut_ptr(),
                        ldu,
                        vt.as_mut_ptr(),
                        ldvt,
                        work.as_mut_ptr(),
                        lwork,
                        rwork.as_mut_ptr(),
                        iwork.as_mut_ptr(),
                    )
                }
            }
            unsafe fn gesvd(
                jobu: u8,
                jobvt: u8,
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                s: &mut [$r],
                u: &mut [Self],
                ldu: BlasInt,
                vt: &mut [Self],
                ldvt: BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                rwork: &mut [$r],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gesvd`'s contract above, `rwork` included:
                // every slice holds the elements LAPACK addresses.
                unsafe {
                    ffi::$gesvd(
                        ColumnMajor,
                        jobu as c_char,
                        jobvt as c_char,
                        m,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        s.as_mut_ptr(),
                        u.as_mut_ptr(),
                        ldu,
                        vt.as_mut_ptr(),
                        ldvt,
                        work.as_mut_ptr(),
                        lwork,
                        rwork.as_mut_ptr(),
                    )
                }
            }
            fn gesdd_rwork_len(jobz: u8, m: usize, n: usize) -> usize {
                let (mn, mx) = (m.min(n), m.max(n));
                // LAPACK ≤ 3.6 wanted 7·mn for values only (5·mn since); the
                // vector case needs max(5·mn² + 5·mn, 2·mx·mn + 2·mn² + mn),
                // which mn·max(5·mn + 7, 2·mx + 2·mn + 1) covers.
                let need = if jobz == b'N' {
                    7 * mn
                } else {
                    mn * (5 * mn + 7).max(2 * mx + 2 * mn + 1)
                };
                need.max(1)
            }
            fn gesvd_rwork_len(m: usize, n: usize) -> usize {
                (5 * m.min(n)).max(1)
            }
            fn gesdd_min_lwork(jobz: u8, m: usize, n: usize) -> usize {
                let (mn, mx) = (m.min(n), m.max(n));
                let need = match jobz {
                    b'N' => 2 * mn + mx,
                    _ => mn * mn + 2 * mn + mx,
                };
                need.max(1)
            }
            fn gesvd_min_lwork(m: usize, n: usize) -> usize {
                (2 * m.min(n) + m.max(n)).max(1)
            }
        }
    };
}

impl_gesdd_real!(f32, LAPACKE_sgesdd_work, LAPACKE_sgesvd_work);
impl_gesdd_real!(f64, LAPACKE_dgesdd_work, LAPACKE_dgesvd_work);
impl_gesdd_complex!(Complex32, f32, LAPACKE_cgesdd_work, LAPACKE_cgesvd_work);
impl_gesdd_complex!(Complex64, f64, LAPACKE_zgesdd_work, LAPACKE_zgesvd_work);
