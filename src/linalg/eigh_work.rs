//! The workspace manager of the symmetric/Hermitian eigen drivers of
//! [`crate::lapack::Eigh`]: [`EighWork`] owns `work`, `rwork`, `iwork` and
//! the index arrays, runs the `lwork = -1` query when the order or the job
//! changes, and is reused across a stack. It maps LAPACK's `info` to
//! typed errors.
//!
//! It lives in `linalg`, not beside the dispatch trait in `lapack`,
//! because it does arithmetic on [`Scalar`] values: the dispatch layer
//! sits below `Scalar` (which names it as a supertrait) and imports no
//! part of it.

use crate::alloc::try_grow;
use crate::sys::BlasInt;
use num_traits::{Float, Zero};

use crate::error::{Error, Result};
use crate::lapack::{Routine, query_len};
use crate::operand::Uplo;
use crate::scalar::{RealScalar, Scalar};

/// Which eigenvalues a subset driver computes, in LAPACK's terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Select<R> {
    /// 1-based indices `il..=iu` into the ascending eigenvalues.
    Index(BlasInt, BlasInt),
    /// Eigenvalues in the half-open interval `(vl, vu]`.
    Value(R, R),
}

impl<R: RealScalar> Select<R> {
    fn lapack(self) -> (u8, R, R, BlasInt, BlasInt) {
        match self {
            Select::Index(il, iu) => (b'I', R::zero(), R::zero(), il, iu),
            Select::Value(vl, vu) => (b'V', vl, vu, 0, 0),
        }
    }
}

/// What a workspace was last sized for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Job {
    Evd { vectors: bool, n: BlasInt },
    Evr { vectors: bool, n: BlasInt },
    Gvd { vectors: bool, n: BlasInt },
    Gvx { vectors: bool, n: BlasInt },
}

fn jobz_char(vectors: bool) -> u8 {
    if vectors { b'V' } else { b'N' }
}

/// The workspaces of one eigen driver (`work`, `rwork`, `iwork`, and the
/// support/failure index arrays of the subset drivers), sized by a
/// `lwork = -1` query and kept for the next call: a stack, or a caller
/// that solves many problems of one order, queries and allocates once.
/// A call with another order or job re-queries and grows the buffers.
pub(crate) struct EighWork<T: Scalar> {
    job: Option<Job>,
    work: Vec<T>,
    rwork: Vec<T::Real>,
    iwork: Vec<BlasInt>,
    /// `isuppz` (evr, `2n`) or `ifail` (gvx, `n`).
    index: Vec<BlasInt>,
}

fn lapack_len(routine: &'static str, what: &'static str, len: usize) -> Result<BlasInt> {
    crate::layout::blas_int(routine, what, len)
}

impl<T: Scalar> Default for EighWork<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Scalar> EighWork<T> {
    pub fn new() -> Self {
        EighWork {
            job: None,
            work: Vec::new(),
            rwork: Vec::new(),
            iwork: Vec::new(),
            index: Vec::new(),
        }
    }

    /// Grows the buffers to the sizes a query reported (each at least
    /// `min`) and records the job; `query` runs the routine with
    /// `lwork = lrwork = liwork = -1`.
    fn size_for(
        &mut self,
        job: Job,
        routine: Routine,
        min: (usize, usize, usize),
        query: impl FnOnce(&mut T, &mut T::Real, &mut BlasInt) -> BlasInt,
    ) -> Result<()> {
        if self.job == Some(job) {
            return Ok(());
        }
        let (mut w0, mut r0, mut i0) = (T::zero(), T::Real::zero(), 0 as BlasInt);
        let info = query(&mut w0, &mut r0, &mut i0);
        if info < 0 {
            return Err(routine.illegal(info));
        }
        let lwork = query_len(w0.re().to_f64_real()).max(min.0).max(1);
        let lrwork = query_len(r0.to_f64_real()).max(min.1).max(1);
        let liwork = (i0.max(0) as usize).max(min.2).max(1);
        // Refuse sizes LAPACK cannot be told before allocating them.
        for (what, len) in [("lwork", lwork), ("lrwork", lrwork), ("liwork", liwork)] {
            lapack_len(routine.name, what, len)?;
        }
        try_grow(routine.name, &mut self.work, lwork, T::zero())?;
        try_grow(routine.name, &mut self.rwork, lrwork, T::Real::zero())?;
        try_grow(routine.name, &mut self.iwork, liwork, 0)?;
        self.job = Some(job);
        Ok(())
    }

    fn lens(&self, routine: &'static str) -> Result<(BlasInt, BlasInt, BlasInt)> {
        Ok((
            lapack_len(routine, "lwork", self.work.len())?,
            lapack_len(routine, "lrwork", self.rwork.len())?,
            lapack_len(routine, "liwork", self.iwork.len())?,
        ))
    }

    /// `?syevd`/`?heevd` on the `n × n` column-major matrix at `a`: the
    /// ascending eigenvalues into `w`, the eigenvectors over `a` when
    /// `vectors`.
    ///
    /// # Safety
    /// `a` addresses an `n × n` column-major matrix with leading dimension
    /// `lda ≥ max(1, n)` that nothing else accesses during the call; `w`
    /// has `n` elements.
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn evd(
        &mut self,
        routine: &'static str,
        vectors: bool,
        uplo: Uplo,
        n: BlasInt,
        a: *mut T,
        lda: BlasInt,
        w: &mut [T::Real],
    ) -> Result<()> {
        debug_assert!(w.len() >= n as usize);
        if n == 0 {
            return Ok(());
        }
        let (jobz, ul) = (jobz_char(vectors), uplo.lapack());
        let nu = n as usize;
        let min = divide_and_conquer_min::<T>(vectors, nu);
        let wp = w.as_mut_ptr();
        self.size_for(Job::Evd { vectors, n }, T::EVD, min, |w0, r0, i0| {
            // SAFETY: a query touches only the first element of each workspace.
            unsafe { T::syevd(jobz, ul, n, a, lda, wp, w0, -1, r0, -1, i0, -1) }
        })?;
        let (lwork, lrwork, liwork) = self.lens(routine)?;
        // SAFETY: the caller vouches for a and w; the workspaces hold the
        // lengths passed.
        let info = unsafe {
            T::syevd(
                jobz,
                ul,
                n,
                a,
                lda,
                wp,
                self.work.as_mut_ptr(),
                lwork,
                self.rwork.as_mut_ptr(),
                lrwork,
                self.iwork.as_mut_ptr(),
                liwork,
            )
        };
        if info < 0 {
            return Err(T::EVD.illegal(info));
        }
        if info > 0 {
            let detail = if vectors {
                format!(
                    "{} failed to compute an eigenvalue while working on the submatrix in rows and columns {} to {}",
                    T::EVD.name,
                    info / (n + 1),
                    info % (n + 1)
                )
            } else {
                format!(
                    "{} left {info} off-diagonal elements of the tridiagonal form unconverged",
                    T::EVD.name
                )
            };
            return Err(Error::NoConvergence {
                routine,
                info: info.into(),
                detail,
            });
        }
        Ok(())
    }

    /// `?syevr`/`?heevr` for the `sel` subset of the `n × n` matrix at `a`
    /// (destroyed): returns the number `m` found, their eigenvalues
    /// ascending in `w[..m]` and, when `vectors`, their eigenvectors in the
    /// first `m` columns of `z`.
    ///
    /// # Safety
    /// `a` as for [`EighWork::evd`]; `w` has `n` elements; when `vectors`,
    /// `z` addresses an `n × k` column-major matrix with leading dimension
    /// `ldz ≥ max(1, n)`, where `k` is at least the number of eigenvalues
    /// `sel` can select (`iu - il + 1`, or `n` for a value range).
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn evr(
        &mut self,
        routine: &'static str,
        vectors: bool,
        uplo: Uplo,
        n: BlasInt,
        a: *mut T,
        lda: BlasInt,
        sel: Select<T::Real>,
        w: &mut [T::Real],
        z: *mut T,
        ldz: BlasInt,
    ) -> Result<usize> {
        debug_assert!(w.len() >= n as usize);
        if n == 0 {
            return Ok(0);
        }
        let (jobz, ul) = (jobz_char(vectors), uplo.lapack());
        let (range, vl, vu, il, iu) = sel.lapack();
        let nu = n as usize;
        let min = if T::IS_COMPLEX {
            (2 * nu, 24 * nu, 10 * nu)
        } else {
            (26 * nu, 1, 10 * nu)
        };
        try_grow(routine, &mut self.index, 2 * nu, 0)?;
        let ldz = if vectors { ldz } else { 1 };
        let abstol = T::Real::zero();
        let wp = w.as_mut_ptr();
        let isuppz = self.index.as_mut_ptr();
        let mut m = 0 as BlasInt;
        self.size_for(Job::Evr { vectors, n }, T::EVR, min, |w0, r0, i0| {
            let mut m = 0;
            // SAFETY: a query touches only the first element of each workspace.
            unsafe {
                T::syevr(
                    jobz, range, ul, n, a, lda, vl, vu, il, iu, abstol, &mut m, wp, z, ldz, isuppz,
                    w0, -1, r0, -1, i0, -1,
                )
            }
        })?;
        let (lwork, lrwork, liwork) = self.lens(routine)?;
        // SAFETY: the caller vouches for a, w and z; the workspaces hold the
        // lengths passed, isuppz 2n entries.
        let info = unsafe {
            T::syevr(
                jobz,
                range,
                ul,
                n,
                a,
                lda,
                vl,
                vu,
                il,
                iu,
                abstol,
                &mut m,
                wp,
                z,
                ldz,
                self.index.as_mut_ptr(),
                self.work.as_mut_ptr(),
                lwork,
                self.rwork.as_mut_ptr(),
                lrwork,
                self.iwork.as_mut_ptr(),
                liwork,
            )
        };
        if info < 0 {
            return Err(T::EVR.illegal(info));
        }
        if info > 0 {
            return Err(Error::NoConvergence {
                routine,
                info: info.into(),
                detail: format!(
                    "internal error in {} (MRRR or inverse iteration)",
                    T::EVR.name
                ),
            });
        }
        Ok(m.max(0) as usize)
    }

    /// `?sygvd`/`?hegvd`: all eigenpairs of the pencil of `itype` (1, 2, 3)
    /// for the `n × n` matrices at `a` (eigenvectors on exit when
    /// `vectors`) and `b` (its Cholesky factor on exit).
    ///
    /// # Safety
    /// `a` and `b` as `a` of [`EighWork::evd`], not overlapping; `w` has
    /// `n` elements.
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn gvd(
        &mut self,
        routine: &'static str,
        itype: BlasInt,
        vectors: bool,
        uplo: Uplo,
        n: BlasInt,
        a: *mut T,
        lda: BlasInt,
        b: *mut T,
        ldb: BlasInt,
        w: &mut [T::Real],
    ) -> Result<()> {
        debug_assert!(w.len() >= n as usize);
        if n == 0 {
            return Ok(());
        }
        let (jobz, ul) = (jobz_char(vectors), uplo.lapack());
        let nu = n as usize;
        let min = divide_and_conquer_min::<T>(vectors, nu);
        let wp = w.as_mut_ptr();
        self.size_for(Job::Gvd { vectors, n }, T::GVD, min, |w0, r0, i0| {
            // SAFETY: a query touches only the first element of each workspace.
            unsafe {
                T::sygvd(
                    itype, jobz, ul, n, a, lda, b, ldb, wp, w0, -1, r0, -1, i0, -1,
                )
            }
        })?;
        let (lwork, lrwork, liwork) = self.lens(routine)?;
        // SAFETY: the caller vouches for a, b and w; the workspaces hold the
        // lengths passed.
        let info = unsafe {
            T::sygvd(
                itype,
                jobz,
                ul,
                n,
                a,
                lda,
                b,
                ldb,
                wp,
                self.work.as_mut_ptr(),
                lwork,
                self.rwork.as_mut_ptr(),
                lrwork,
                self.iwork.as_mut_ptr(),
                liwork,
            )
        };
        generalized_info(routine, T::GVD, info, n, || {
            format!(
                "{} failed to converge (in the standard problem after the reduction)",
                T::GVD.name
            )
        })
    }

    /// `?sygvx`/`?hegvx`: the `sel` subset of the pencil of `itype` for the
    /// `n × n` matrices at `a` and `b` (both destroyed): returns `m`, with
    /// the eigenvalues in `w[..m]` and, when `vectors`, the eigenvectors
    /// in the first `m` columns of `z`.
    ///
    /// # Safety
    /// As [`EighWork::gvd`] for `a`, `b` and `w`, and as [`EighWork::evr`]
    /// for `z`.
    #[allow(clippy::too_many_arguments)]
    pub unsafe fn gvx(
        &mut self,
        routine: &'static str,
        itype: BlasInt,
        vectors: bool,
        uplo: Uplo,
        n: BlasInt,
        a: *mut T,
        lda: BlasInt,
        b: *mut T,
        ldb: BlasInt,
        sel: Select<T::Real>,
        w: &mut [T::Real],
        z: *mut T,
        ldz: BlasInt,
    ) -> Result<usize> {
        debug_assert!(w.len() >= n as usize);
        if n == 0 {
            return Ok(0);
        }
        let (jobz, ul) = (jobz_char(vectors), uplo.lapack());
        let (range, vl, vu, il, iu) = sel.lapack();
        let nu = n as usize;
        // rwork (7n) and iwork (5n) have fixed sizes; only work is queried.
        let min = if T::IS_COMPLEX {
            (2 * nu, 7 * nu, 5 * nu)
        } else {
            (8 * nu, 1, 5 * nu)
        };
        try_grow(routine, &mut self.index, nu, 0)?;
        let ldz = if vectors { ldz } else { 1 };
        // LAPACK's advice for the most accurate eigenvectors.
        let abstol = T::Real::min_positive_value() + T::Real::min_positive_value();
        let wp = w.as_mut_ptr();
        let ifail = self.index.as_mut_ptr();
        let mut m = 0 as BlasInt;
        self.size_for(Job::Gvx { vectors, n }, T::GVX, min, |w0, r0, i0| {
            let mut m = 0;
            // SAFETY: a query touches only work[0] (rwork, iwork and ifail,
            // which holds n entries, are not used by a query).
            unsafe {
                T::sygvx(
                    itype, jobz, range, ul, n, a, lda, b, ldb, vl, vu, il, iu, abstol, &mut m, wp,
                    z, ldz, w0, -1, r0, i0, ifail,
                )
            }
        })?;
        let (lwork, _, _) = self.lens(routine)?;
        // SAFETY: the caller vouches for a, b, w and z; work holds lwork
        // entries, rwork 7n, iwork 5n, ifail n (size_for's minima).
        let info = unsafe {
            T::sygvx(
                itype,
                jobz,
                range,
                ul,
                n,
                a,
                lda,
                b,
                ldb,
                vl,
                vu,
                il,
                iu,
                abstol,
                &mut m,
                wp,
                z,
                ldz,
                self.work.as_mut_ptr(),
                lwork,
                self.rwork.as_mut_ptr(),
                self.iwork.as_mut_ptr(),
                self.index.as_mut_ptr(),
            )
        };
        let index = &self.index;
        let mm = m.max(0) as usize;
        generalized_info(routine, T::GVX, info, n, || {
            let failed: Vec<BlasInt> = index[..mm.min(index.len())]
                .iter()
                .filter(|&&i| i > 0)
                .map(|&i| i - 1)
                .collect();
            format!(
                "{} eigenvectors failed to converge, indices {failed:?}",
                info
            )
        })?;
        Ok(mm)
    }
}

/// The meaning of a generalized driver's `info`: `> n` means the leading
/// minor of order `info - n` of `B` is not positive definite.
fn generalized_info(
    routine: &'static str,
    r: Routine,
    info: BlasInt,
    n: BlasInt,
    detail: impl FnOnce() -> String,
) -> Result<()> {
    if info < 0 {
        return Err(r.illegal(info));
    }
    if info > n {
        return Err(Error::NotPositiveDefinite {
            routine,
            minor: (info - n) as usize,
        });
    }
    if info > 0 {
        return Err(Error::NoConvergence {
            routine,
            info: info.into(),
            detail: detail(),
        });
    }
    Ok(())
}

/// LAPACK's documented minimal `(lwork, lrwork, liwork)` of `?syevd`,
/// `?heevd`, `?sygvd`, `?hegvd`, in case a query under-reports.
fn divide_and_conquer_min<T: Scalar>(vectors: bool, n: usize) -> (usize, usize, usize) {
    match (vectors && n > 1, T::IS_COMPLEX) {
        (false, false) => (2 * n + 1, 1, 1),
        (false, true) => (n + 1, n, 1),
        (true, false) => (1 + 6 * n + 2 * n * n, 1, 3 + 5 * n),
        (true, true) => (2 * n + n * n, 1 + 5 * n + 2 * n * n, 3 + 5 * n),
    }
}
