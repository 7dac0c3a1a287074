//! Symmetric/Hermitian eigenproblems: the divide-and-conquer drivers
//! `?syevd`/`?heevd`, the subset driver `?syevr`/`?heevr` (MRRR, or
//! bisection and inverse iteration for a subset), and the generalized
//! drivers `?sygvd`/`?hegvd` and `?sygvx`/`?hegvx`.
//!
//! | family | f32      | f64      | Complex32 | Complex64 |
//! |--------|----------|----------|-----------|-----------|
//! | evd    | `ssyevd` | `dsyevd` | `cheevd`  | `zheevd`  |
//! | evr    | `ssyevr` | `dsyevr` | `cheevr`  | `zheevr`  |
//! | gvd    | `ssygvd` | `dsygvd` | `chegvd`  | `zhegvd`  |
//! | gvx    | `ssygvx` | `dsygvx` | `chegvx`  | `zhegvx`  |
//!
//! The trait calls LAPACKE's column-major `_work` entry points
//! ([`crate::sys::lapacke`]) with raw pointers, not slices: the
//! matrices may be the caller's own sub-matrix views, whose padding between
//! columns belongs to someone else and must not be covered by a `&mut [T]`.
//! One signature serves real and complex types; the real ones ignore
//! `rwork`/`lrwork`.
//!
//! `EighWork` (in `linalg/eigh_work.rs`) owns the workspaces and calls these.

use std::os::raw::c_char;

use crate::sys::{BlasInt, MatrixLayout, lapacke as ffi};
use num_complex::{Complex32, Complex64};

use crate::error::Error;

const COL_MAJOR: MatrixLayout = MatrixLayout::ColumnMajor;

/// A LAPACK routine's name and its arguments as LAPACKE counts them
/// (`matrix_layout` is argument 1; LAPACKE shifts a negative `info` by one).
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Routine {
    pub name: &'static str,
    /// The argument names, separated by spaces.
    pub args: &'static str,
}

impl Routine {
    /// The internal error for a negative `info` (argument `-info` illegal).
    pub(crate) fn illegal(self, info: BlasInt) -> Error {
        let arg = -info;
        let name = usize::try_from(arg - 1)
            .ok()
            .and_then(|i| self.args.split_whitespace().nth(i))
            .unwrap_or("?");
        Error::LapackArgument {
            routine: self.name,
            arg: arg.into(),
            name,
        }
    }
}

/// The symmetric (real) and Hermitian (complex) eigenvalue drivers.
///
/// All matrices are column-major with the given leading dimension; `a` and
/// `b` are read in the `uplo` triangle and overwritten; `jobz` is `b'N'`
/// (values only) or `b'V'` (vectors too); `range` is `b'A'` (all),
/// `b'V'` (values in `(vl, vu]`) or `b'I'` (indices `il..=iu`, 1-based).
/// `lwork = -1` (with `lrwork`/`liwork = -1`) writes the optimal sizes to
/// `work[0]`, `rwork[0]`, `iwork[0]`.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Eigh<R>: Sized {
    const EVD: Routine;
    const EVR: Routine;
    const GVD: Routine;
    const GVX: Routine;

    /// `?syevd`/`?heevd`: all eigenvalues (and vectors, into `a`).
    ///
    /// # Safety
    /// `a` must address a readable and writable `n × n` matrix with leading
    /// dimension `lda ≥ max(1, n)` that nothing else accesses during the call;
    /// `w` `n` writable reals; `work`, `rwork` (complex types) and `iwork` at
    /// least `max(1, lwork)`, `max(1, lrwork)` and `max(1, liwork)` elements.
    /// None of them may overlap another.
    unsafe fn syevd(
        jobz: u8,
        uplo: u8,
        n: BlasInt,
        a: *mut Self,
        lda: BlasInt,
        w: *mut R,
        work: *mut Self,
        lwork: BlasInt,
        rwork: *mut R,
        lrwork: BlasInt,
        iwork: *mut BlasInt,
        liwork: BlasInt,
    ) -> BlasInt;

    /// `?syevr`/`?heevr`: a subset; `m` eigenvalues into `w`, vectors into
    /// `z` (`n × m`); `isuppz` holds `2·max(1, m)` entries.
    ///
    /// # Safety
    /// As [`Eigh::syevd`] for `a`, `w` and the workspaces; when `jobz = b'V'`,
    /// `z` must address an `n × k` matrix (leading dimension `ldz ≥ max(1, n)`)
    /// and `isuppz` `2·max(1, k)` entries, where `k` is at least the number of
    /// eigenvalues `range` can select.
    unsafe fn syevr(
        jobz: u8,
        range: u8,
        uplo: u8,
        n: BlasInt,
        a: *mut Self,
        lda: BlasInt,
        vl: R,
        vu: R,
        il: BlasInt,
        iu: BlasInt,
        abstol: R,
        m: &mut BlasInt,
        w: *mut R,
        z: *mut Self,
        ldz: BlasInt,
        isuppz: *mut BlasInt,
        work: *mut Self,
        lwork: BlasInt,
        rwork: *mut R,
        lrwork: BlasInt,
        iwork: *mut BlasInt,
        liwork: BlasInt,
    ) -> BlasInt;

    /// `?sygvd`/`?hegvd`: all eigenpairs of `A x = λ B x` (itype 1),
    /// `A B x = λ x` (2) or `B A x = λ x` (3); `b` becomes its Cholesky factor.
    ///
    /// # Safety
    /// `a` and `b` each as `a` of [`Eigh::syevd`], not overlapping; `w` and the
    /// workspaces as there.
    unsafe fn sygvd(
        itype: BlasInt,
        jobz: u8,
        uplo: u8,
        n: BlasInt,
        a: *mut Self,
        lda: BlasInt,
        b: *mut Self,
        ldb: BlasInt,
        w: *mut R,
        work: *mut Self,
        lwork: BlasInt,
        rwork: *mut R,
        lrwork: BlasInt,
        iwork: *mut BlasInt,
        liwork: BlasInt,
    ) -> BlasInt;

    /// `?sygvx`/`?hegvx`: a subset of the generalized problem; `iwork` has
    /// `5n` entries, `rwork` `7n` (complex), `ifail` `n`.
    ///
    /// # Safety
    /// `a`, `b` and `w` as for [`Eigh::sygvd`]; `z` as for [`Eigh::syevr`];
    /// `work` `max(1, lwork)`, `rwork` `7n` (complex types), `iwork` `5n` and
    /// `ifail` `n` elements.
    unsafe fn sygvx(
        itype: BlasInt,
        jobz: u8,
        range: u8,
        uplo: u8,
        n: BlasInt,
        a: *mut Self,
        lda: BlasInt,
        b: *mut Self,
        ldb: BlasInt,
        vl: R,
        vu: R,
        il: BlasInt,
        iu: BlasInt,
        abstol: R,
        m: &mut BlasInt,
        w: *mut R,
        z: *mut Self,
        ldz: BlasInt,
        work: *mut Self,
        lwork: BlasInt,
        rwork: *mut R,
        iwork: *mut BlasInt,
        ifail: *mut BlasInt,
    ) -> BlasInt;
}

// Arguments as LAPACKE numbers them (1 is matrix_layout), for error messages.
const EVD_REAL: &str = "matrix_layout jobz uplo n a lda w work lwork iwork liwork";
const EVD_COMPLEX: &str = "matrix_layout jobz uplo n a lda w work lwork rwork lrwork iwork liwork";
const EVR_REAL: &str = "matrix_layout jobz range uplo n a lda vl vu il iu abstol m w z ldz isuppz \
                        work lwork iwork liwork";
const EVR_COMPLEX: &str = "matrix_layout jobz range uplo n a lda vl vu il iu abstol m w z ldz isuppz \
                           work lwork rwork lrwork iwork liwork";
const GVD_REAL: &str = "matrix_layout itype jobz uplo n a lda b ldb w work lwork iwork liwork";
const GVD_COMPLEX: &str =
    "matrix_layout itype jobz uplo n a lda b ldb w work lwork rwork lrwork iwork liwork";
const GVX_REAL: &str = "matrix_layout itype jobz range uplo n a lda b ldb vl vu il iu abstol m w z ldz \
                        work lwork iwork ifail";
const GVX_COMPLEX: &str = "matrix_layout itype jobz range uplo n a lda b ldb vl vu il iu abstol m w z ldz \
                           work lwork rwork iwork ifail";

// Kept compact: the four bodies only forward their arguments.
#[rustfmt::skip]
macro_rules! impl_eigh {
    (real $t:ty, $evd:ident, $evr:ident, $gvd:ident, $gvx:ident) => {
        impl Eigh<$t> for $t {
            const EVD: Routine = Routine { name: stringify!($evd), args: EVD_REAL };
            const EVR: Routine = Routine { name: stringify!($evr), args: EVR_REAL };
            const GVD: Routine = Routine { name: stringify!($gvd), args: GVD_REAL };
            const GVX: Routine = Routine { name: stringify!($gvx), args: GVX_REAL };

            unsafe fn syevd(
                jobz: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, w: *mut Self, work: *mut Self,
                lwork: BlasInt, _rwork: *mut Self, _lrwork: BlasInt, iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `syevd`'s contract above: every pointer
                // addresses what LAPACK reaches through the sizes passed with it.
                unsafe {
                    ffi::$evd(COL_MAJOR, jobz as c_char, uplo as c_char, n, a, lda, w, work, lwork,
                        iwork, liwork)
                }
            }

            unsafe fn syevr(
                jobz: u8, range: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, vl: Self, vu: Self,
                il: BlasInt, iu: BlasInt, abstol: Self, m: &mut BlasInt, w: *mut Self, z: *mut Self, ldz: BlasInt,
                isuppz: *mut BlasInt, work: *mut Self, lwork: BlasInt, _rwork: *mut Self, _lrwork: BlasInt,
                iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `syevr`'s contract above: every pointer
                // addresses what LAPACK reaches through the sizes passed with it.
                unsafe {
                    ffi::$evr(COL_MAJOR, jobz as c_char, range as c_char, uplo as c_char, n, a, lda,
                        vl, vu, il, iu, abstol, m, w, z, ldz, isuppz, work, lwork, iwork, liwork)
                }
            }

            unsafe fn sygvd(
                itype: BlasInt, jobz: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, b: *mut Self,
                ldb: BlasInt, w: *mut Self, work: *mut Self, lwork: BlasInt, _rwork: *mut Self,
                _lrwork: BlasInt, iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `sygvd`'s contract above: every pointer
                // addresses what LAPACK reaches through the sizes passed with it.
                unsafe {
                    ffi::$gvd(COL_MAJOR, itype, jobz as c_char, uplo as c_char, n, a, lda, b, ldb,
                        w, work, lwork, iwork, liwork)
                }
            }

            unsafe fn sygvx(
                itype: BlasInt, jobz: u8, range: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt,
                b: *mut Self, ldb: BlasInt, vl: Self, vu: Self, il: BlasInt, iu: BlasInt, abstol: Self,
                m: &mut BlasInt, w: *mut Self, z: *mut Self, ldz: BlasInt, work: *mut Self, lwork: BlasInt,
                _rwork: *mut Self, iwork: *mut BlasInt, ifail: *mut BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `sygvx`'s contract above: every pointer
                // addresses what LAPACK reaches through the sizes passed with it.
                unsafe {
                    ffi::$gvx(COL_MAJOR, itype, jobz as c_char, range as c_char, uplo as c_char, n,
                        a, lda, b, ldb, vl, vu, il, iu, abstol, m, w, z, ldz, work, lwork, iwork,
                        ifail)
                }
            }
        }
    };
    (complex $t:ty, $r:ty, $evd:ident, $evr:ident, $gvd:ident, $gvx:ident) => {
        impl Eigh<$r> for $t {
            const EVD: Routine = Routine { name: stringify!($evd), args: EVD_COMPLEX };
            const EVR: Routine = Routine { name: stringify!($evr), args: EVR_COMPLEX };
            const GVD: Routine = Routine { name: stringify!($gvd), args: GVD_COMPLEX };
            const GVX: Routine = Routine { name: stringify!($gvx), args: GVX_COMPLEX };

            unsafe fn syevd(
                jobz: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, w: *mut $r, work: *mut Self,
                lwork: BlasInt, rwork: *mut $r, lrwork: BlasInt, iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `syevd`'s contract above; `Complex<T>` is
                // `repr(C)` like LAPACK's complex type, so the casts keep the layout.
                unsafe {
                    ffi::$evd(COL_MAJOR, jobz as c_char, uplo as c_char, n, a.cast(), lda, w,
                        work.cast(), lwork, rwork, lrwork, iwork, liwork)
                }
            }

            unsafe fn syevr(
                jobz: u8, range: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, vl: $r, vu: $r,
                il: BlasInt, iu: BlasInt, abstol: $r, m: &mut BlasInt, w: *mut $r, z: *mut Self, ldz: BlasInt,
                isuppz: *mut BlasInt, work: *mut Self, lwork: BlasInt, rwork: *mut $r, lrwork: BlasInt,
                iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `syevr`'s contract above; `Complex<T>` is
                // `repr(C)` like LAPACK's complex type, so the casts keep the layout.
                unsafe {
                    ffi::$evr(COL_MAJOR, jobz as c_char, range as c_char, uplo as c_char, n,
                        a.cast(), lda, vl, vu, il, iu, abstol, m, w, z.cast(), ldz, isuppz,
                        work.cast(), lwork, rwork, lrwork, iwork, liwork)
                }
            }

            unsafe fn sygvd(
                itype: BlasInt, jobz: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt, b: *mut Self,
                ldb: BlasInt, w: *mut $r, work: *mut Self, lwork: BlasInt, rwork: *mut $r, lrwork: BlasInt,
                iwork: *mut BlasInt, liwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `sygvd`'s contract above; `Complex<T>` is
                // `repr(C)` like LAPACK's complex type, so the casts keep the layout.
                unsafe {
                    ffi::$gvd(COL_MAJOR, itype, jobz as c_char, uplo as c_char, n, a.cast(), lda,
                        b.cast(), ldb, w, work.cast(), lwork, rwork, lrwork, iwork, liwork)
                }
            }

            unsafe fn sygvx(
                itype: BlasInt, jobz: u8, range: u8, uplo: u8, n: BlasInt, a: *mut Self, lda: BlasInt,
                b: *mut Self, ldb: BlasInt, vl: $r, vu: $r, il: BlasInt, iu: BlasInt, abstol: $r,
                m: &mut BlasInt, w: *mut $r, z: *mut Self, ldz: BlasInt, work: *mut Self, lwork: BlasInt,
                rwork: *mut $r, iwork: *mut BlasInt, ifail: *mut BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `sygvx`'s contract above; `Complex<T>` is
                // `repr(C)` like LAPACK's complex type, so the casts keep the layout.
                unsafe {
                    ffi::$gvx(COL_MAJOR, itype, jobz as c_char, range as c_char, uplo as c_char, n,
                        a.cast(), lda, b.cast(), ldb, vl, vu, il, iu, abstol, m, w, z.cast(), ldz,
                        work.cast(), lwork, rwork, iwork, ifail)
                }
            }
        }
    };
}

impl_eigh!(real f32, LAPACKE_ssyevd_work, LAPACKE_ssyevr_work, LAPACKE_ssygvd_work, LAPACKE_ssygvx_work);
impl_eigh!(real f64, LAPACKE_dsyevd_work, LAPACKE_dsyevr_work, LAPACKE_dsygvd_work, LAPACKE_dsygvx_work);
impl_eigh!(complex Complex32, f32,
    LAPACKE_cheevd_work, LAPACKE_cheevr_work, LAPACKE_chegvd_work, LAPACKE_chegvx_work);
impl_eigh!(complex Complex64, f64,
    LAPACKE_zheevd_work, LAPACKE_zheevr_work, LAPACKE_zhegvd_work, LAPACKE_zhegvx_work);
