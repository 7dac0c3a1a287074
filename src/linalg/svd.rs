//! Singular value decomposition: numpy.linalg's `svd` (`compute_uv=True`)
//! and `svdvals` (`svd(…, compute_uv=False)`), through `?gesdd`, with
//! `?gesvd` as the fallback when divide and conquer fails to converge.

use crate::alloc::try_grow;
use crate::sys::BlasInt;
use ndarray::{Array1, Array2, ArrayD, ArrayRef2, ArrayRefD, Ix1, Ix2, ShapeBuilder};

use super::stack::{assemble, map_stack, matrix_at, split, stack_indices, stack_items};
use super::working_copy::{Outside, Reads, checked_fortran_copy};
use super::{fortran_copy, lapack_mut};
use num_traits::Zero;

use crate::RealScalar;
use crate::error::{Error, Result};
use crate::lapack::{illegal_argument, query_len};
use crate::layout::blas_int;
use crate::scalar::Scalar;

/// Argument names of `?gesdd` for `illegal_argument` (complex, then real:
/// the real routines have no `rwork`).
fn gesdd_args<T: Scalar>() -> &'static [&'static str] {
    if T::IS_COMPLEX {
        &[
            "jobz", "m", "n", "a", "lda", "s", "u", "ldu", "vt", "ldvt", "work", "lwork", "rwork",
            "iwork", "info",
        ]
    } else {
        &[
            "jobz", "m", "n", "a", "lda", "s", "u", "ldu", "vt", "ldvt", "work", "lwork", "iwork",
            "info",
        ]
    }
}

/// Argument names of `?gesvd`.
fn gesvd_args<T: Scalar>() -> &'static [&'static str] {
    if T::IS_COMPLEX {
        &[
            "jobu", "jobvt", "m", "n", "a", "lda", "s", "u", "ldu", "vt", "ldvt", "work", "lwork",
            "rwork", "info",
        ]
    } else {
        &[
            "jobu", "jobvt", "m", "n", "a", "lda", "s", "u", "ldu", "vt", "ldvt", "work", "lwork",
            "info",
        ]
    }
}

/// Which singular vectors to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Job {
    /// `U` `m × m`, `Vᴴ` `n × n` (LAPACK `'A'`).
    Full,
    /// `U` `m × k`, `Vᴴ` `k × n`, `k = min(m, n)` (LAPACK `'S'`).
    Thin,
    /// Singular values only (LAPACK `'N'`).
    Values,
}

impl Job {
    fn code(self) -> u8 {
        match self {
            Job::Full => b'A',
            Job::Thin => b'S',
            Job::Values => b'N',
        }
    }

    /// Shapes of `U` and `Vᴴ` for an `m × n` matrix (`(0, 0)` when not computed).
    fn shapes(self, m: usize, n: usize) -> ((usize, usize), (usize, usize)) {
        let k = m.min(n);
        match self {
            Job::Full => ((m, m), (n, n)),
            Job::Thin => ((m, k), (k, n)),
            Job::Values => ((0, 0), (0, 0)),
        }
    }
}

/// The result of one decomposition: `U` and `Vᴴ` are `None` for [`Job::Values`].
pub(crate) struct SvdParts<T: Scalar> {
    pub u: Option<Array2<T>>,
    pub s: Array1<T::Real>,
    pub vh: Option<Array2<T>>,
}

/// LAPACK workspaces for a run of SVDs, queried once per shape and job and
/// reused across a stack.
pub(crate) struct SvdWork<T: Scalar> {
    work: Vec<T>,
    rwork: Vec<T::Real>,
    iwork: Vec<BlasInt>,
    /// `(job, m, n)` of the last `?gesdd` query and the size it asked for.
    queried: Option<((u8, usize, usize), usize)>,
    /// Tests set this to exercise the `?gesvd` fallback.
    #[cfg(test)]
    skip_gesdd: bool,
}

impl<T: Scalar> SvdWork<T> {
    pub fn new() -> Self {
        SvdWork {
            work: Vec::new(),
            rwork: Vec::new(),
            iwork: Vec::new(),
            queried: None,
            #[cfg(test)]
            skip_gesdd: false,
        }
    }

    #[cfg(test)]
    fn skips_gesdd(&self) -> bool {
        self.skip_gesdd
    }

    #[cfg(not(test))]
    fn skips_gesdd(&self) -> bool {
        false
    }

    /// Decomposes `a` (never modified; one Fortran-order copy is made, and
    /// a second if `?gesdd` fails and `?gesvd` is tried). `routine` names
    /// the public function in errors.
    pub fn run(
        &mut self,
        routine: &'static str,
        a: &ArrayRef2<T>,
        job: Job,
    ) -> Result<SvdParts<T>> {
        let (m, n) = a.dim();
        let (mi, ni) = (blas_int(routine, "m", m)?, blas_int(routine, "n", n)?);
        let ((um, un), (vm, vn)) = job.shapes(m, n);
        let k = m.min(n);
        if k == 0 {
            return empty_parts(routine, m, n, job);
        }
        // Dimensions of U (m × m at most) and Vᴴ (n × n) fit: m and n do,
        // and LAPACK sees only those, not products.
        let mut u = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(routine, (um, un).f())?;
        let mut vh = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(routine, (vm, vn).f())?;
        let mut s = crate::alloc::try_vec(routine, k, T::Real::zero())?;
        // The one working copy, checked for NaN/inf as it is made; a
        // second (unchecked) only if ?gesdd ran on the first and failed.
        let mut acopy = Some(checked_fortran_copy(
            routine,
            "a",
            a,
            Reads::All,
            Outside::Copy,
        )?);
        let info = if self.skips_gesdd() {
            1
        } else {
            let first = acopy.take().expect("made above");
            self.gesdd(routine, a, first, job, mi, ni, &mut s, &mut u, &mut vh)?
        };
        if info > 0 {
            let second = match acopy.take() {
                Some(c) => c,
                None => fortran_copy(routine, a)?,
            };
            let info = self.gesvd(routine, a, second, job, mi, ni, &mut s, &mut u, &mut vh)?;
            if info > 0 {
                return Err(Error::NoConvergence {
                    routine,
                    info: info.into(),
                    detail: format!(
                        "SVD did not converge: ?gesdd failed, and in ?gesvd's fallback {info} \
                         superdiagonals of the bidiagonal form did not converge to zero"
                    ),
                });
            }
        }
        let (u, vh) = match job {
            Job::Values => (None, None),
            _ => (Some(u), Some(vh)),
        };
        Ok(SvdParts {
            u,
            s: Array1::from(s),
            vh,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn gesdd(
        &mut self,
        routine: &'static str,
        a: &ArrayRef2<T>,
        mut acopy: Array2<T>,
        job: Job,
        m: BlasInt,
        n: BlasInt,
        s: &mut [T::Real],
        u: &mut Array2<T>,
        vh: &mut Array2<T>,
    ) -> Result<BlasInt> {
        let jobz = job.code();
        let (mu, nu) = (m as usize, n as usize);
        let (abuf, lda) = lapack_mut(&mut acopy);
        let mut dummy_u = [T::zero()];
        let mut dummy_v = [T::zero()];
        let (ubuf, ldu): (&mut [T], BlasInt) = if job == Job::Values {
            (&mut dummy_u, 1)
        } else {
            lapack_mut(u)
        };
        let (vbuf, ldvt): (&mut [T], BlasInt) = if job == Job::Values {
            (&mut dummy_v, 1)
        } else {
            lapack_mut(vh)
        };
        let key = (jobz, mu, nu);
        let lrwork = T::gesdd_rwork_len(jobz, mu, nu).max(1);
        try_grow(routine, &mut self.rwork, lrwork, T::Real::zero())?;
        try_grow(routine, &mut self.iwork, 8 * mu.min(nu), 0)?;
        let lwork = match self.queried {
            Some((k, len)) if k == key => len,
            _ => {
                let mut q = [T::zero()];
                // SAFETY: lwork = -1 only writes the optimal size to q[0]; all
                // dimensions describe the buffers passed.
                let info = unsafe {
                    T::gesdd(
                        jobz,
                        m,
                        n,
                        abuf,
                        lda,
                        s,
                        ubuf,
                        ldu,
                        vbuf,
                        ldvt,
                        &mut q,
                        -1,
                        &mut self.rwork,
                        &mut self.iwork,
                    )
                };
                if info < 0 {
                    return Err(rejected(routine, a, "gesdd", info, gesdd_args::<T>()));
                }
                let len = query_len(q[0].re().to_f64_real()).max(T::gesdd_min_lwork(jobz, mu, nu));
                self.queried = Some((key, len));
                len
            }
        };
        try_grow(routine, &mut self.work, lwork, T::zero())?;
        let lw = blas_int(routine, "lwork", lwork)?;
        // SAFETY: a is m × n column-major with lda; u, vt have the shapes
        // that jobz asks for with their leading dimensions (or are unused);
        // work, rwork and iwork hold at least the sizes LAPACK documents.
        let info = unsafe {
            T::gesdd(
                jobz,
                m,
                n,
                abuf,
                lda,
                s,
                ubuf,
                ldu,
                vbuf,
                ldvt,
                &mut self.work,
                lw,
                &mut self.rwork,
                &mut self.iwork,
            )
        };
        if info < 0 {
            return Err(rejected(routine, a, "gesdd", info, gesdd_args::<T>()));
        }
        Ok(info)
    }

    #[allow(clippy::too_many_arguments)]
    fn gesvd(
        &mut self,
        routine: &'static str,
        a: &ArrayRef2<T>,
        mut acopy: Array2<T>,
        job: Job,
        m: BlasInt,
        n: BlasInt,
        s: &mut [T::Real],
        u: &mut Array2<T>,
        vh: &mut Array2<T>,
    ) -> Result<BlasInt> {
        let code = job.code();
        let (mu, nu) = (m as usize, n as usize);
        let (abuf, lda) = lapack_mut(&mut acopy);
        let mut dummy_u = [T::zero()];
        let mut dummy_v = [T::zero()];
        let (ubuf, ldu): (&mut [T], BlasInt) = if job == Job::Values {
            (&mut dummy_u, 1)
        } else {
            lapack_mut(u)
        };
        let (vbuf, ldvt): (&mut [T], BlasInt) = if job == Job::Values {
            (&mut dummy_v, 1)
        } else {
            lapack_mut(vh)
        };
        try_grow(
            routine,
            &mut self.rwork,
            T::gesvd_rwork_len(mu, nu).max(1),
            T::Real::zero(),
        )?;
        let mut q = [T::zero()];
        // SAFETY: a workspace query (lwork = -1) writes only q[0].
        let info = unsafe {
            T::gesvd(
                code,
                code,
                m,
                n,
                abuf,
                lda,
                s,
                ubuf,
                ldu,
                vbuf,
                ldvt,
                &mut q,
                -1,
                &mut self.rwork,
            )
        };
        if info < 0 {
            return Err(rejected(routine, a, "gesvd", info, gesvd_args::<T>()));
        }
        let lwork = query_len(q[0].re().to_f64_real()).max(T::gesvd_min_lwork(mu, nu));
        try_grow(routine, &mut self.work, lwork, T::zero())?;
        let lw = blas_int(routine, "lwork", lwork)?;
        // SAFETY: as for gesdd: buffers match the dimensions and job codes.
        let info = unsafe {
            T::gesvd(
                code,
                code,
                m,
                n,
                abuf,
                lda,
                s,
                ubuf,
                ldu,
                vbuf,
                ldvt,
                &mut self.work,
                lw,
                &mut self.rwork,
            )
        };
        if info < 0 {
            return Err(rejected(routine, a, "gesvd", info, gesvd_args::<T>()));
        }
        Ok(info)
    }
}

/// The error for a negative `info`: current LAPACK rejects a matrix holding
/// NaN as an illegal argument, which is `NonFinite` when the finite check
/// was skipped; anything else is an internal error.
fn rejected<T: Scalar>(
    routine: &'static str,
    a: &ArrayRef2<T>,
    driver: &'static str,
    info: BlasInt,
    names: &[&'static str],
) -> Error {
    if a.iter().all(|v| v.is_finite()) {
        illegal_argument(driver, info, names)
    } else {
        Error::NonFinite { routine, what: "a" }
    }
}

/// The SVD of an `m × n` matrix with `min(m, n) = 0`, as NumPy gives it: no
/// singular values; with full matrices `U` and `Vᴴ` are identities
/// (allocated fallibly: an `m × 0` input costs nothing, its `U` `m²`).
fn empty_parts<T: Scalar>(
    routine: &'static str,
    m: usize,
    n: usize,
    job: Job,
) -> Result<SvdParts<T>> {
    let s = Array1::from(Vec::new());
    Ok(match job {
        Job::Values => SvdParts {
            u: None,
            s,
            vh: None,
        },
        Job::Full => SvdParts {
            u: Some(identity(routine, m)?),
            s,
            vh: Some(identity(routine, n)?),
        },
        Job::Thin => SvdParts {
            u: Some(Array2::zeros((m, 0).f())),
            s,
            vh: Some(Array2::zeros((0, n).f())),
        },
    })
}

fn identity<T: Scalar>(routine: &'static str, n: usize) -> Result<Array2<T>> {
    let mut e: Array2<T> = crate::alloc::try_zeros(routine, (n, n).f())?;
    e.diag_mut().fill(T::one());
    Ok(e)
}

/// The singular value decomposition `A = U·diag(s)·Vᴴ` of any `m × n`
/// matrix (numpy.linalg.svd): returns `(U, s, Vh)` with `s` the
/// `k = min(m, n)` singular values, non-negative and in descending order.
///
/// * `full_matrices = true`: `U` is `m × m` and `Vh` is `n × n` (unitary).
/// * `full_matrices = false`: `U` is `m × k` and `Vh` is `k × n`, with
///   orthonormal columns and rows respectively.
///
/// An empty matrix (`k = 0`) gives no singular values and, with full
/// matrices, identities for `U` and `Vh` (as NumPy).
///
/// Computed by divide and conquer (`?gesdd`); if that fails to converge,
/// the QR-iteration driver `?gesvd` is tried before giving up. `a` is
/// copied once into Fortran order (twice if the fallback runs); the results
/// are in Fortran order.
///
/// ```
/// use lapis::linalg::svd;
/// use ndarray::array;
///
/// let a = array![[3.0f64, 0.0], [0.0, -4.0], [0.0, 0.0]];
/// let (u, s, vh) = svd(&a, false).unwrap();
/// assert_eq!((u.dim(), vh.dim()), ((3, 2), (2, 2)));
/// assert!((s[0] - 4.0).abs() < 1e-12 && (s[1] - 3.0).abs() < 1e-12);
/// let back = u.dot(&ndarray::Array2::from_diag(&s)).dot(&vh);
/// assert!((&back - &a).iter().all(|d| d.abs() < 1e-12));
/// ```
///
/// # Errors
/// `NonFinite` for NaN/inf input (under
/// [`without_finite_check`](super::without_finite_check) still for NaN,
/// which LAPACK itself rejects; infinities then give NaN values);
/// `NoConvergence` if both drivers fail; `DimensionTooLarge`.
#[allow(clippy::type_complexity)]
pub fn svd<T: Scalar>(
    a: &ArrayRef2<T>,
    full_matrices: bool,
) -> Result<(Array2<T>, Array1<T::Real>, Array2<T>)> {
    let _profile = crate::profile::scope("svd");
    let job = if full_matrices { Job::Full } else { Job::Thin };
    let p = SvdWork::new().run("svd", a, job)?;
    Ok((
        p.u.expect("vectors were asked for"),
        p.s,
        p.vh.expect("vectors were asked for"),
    ))
}

/// The singular values of any `m × n` matrix, descending
/// (numpy.linalg.svdvals; `svd(a, compute_uv=False)`): `min(m, n)` values,
/// none for an empty matrix. Cheaper than [`svd`]: no vectors are formed
/// (`?gesdd` with `jobz = 'N'`, `?gesvd` as the fallback).
///
/// # Errors
/// As [`svd`].
pub fn svdvals<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("svdvals");
    Ok(SvdWork::new().run("svdvals", a, Job::Values)?.s)
}

/// [`svd`] over a `(…, M, N)` stack, one workspace for all: returns
/// `U (…, M, M or K)`, `s (…, K)`, `Vh (…, N or K, N)`, `K = min(M, N)`.
///
/// # Errors
/// As [`svd`] (the first failing matrix); `TooFewDimensions` for fewer than
/// two axes.
#[allow(clippy::type_complexity)]
pub fn svd_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    full_matrices: bool,
) -> Result<(ArrayD<T>, ArrayD<T::Real>, ArrayD<T>)> {
    let _profile = crate::profile::scope("svd");
    const R: &str = "svd";
    let (lead, m, n) = split(R, "a", a)?;
    let job = if full_matrices { Job::Full } else { Job::Thin };
    let ((um, un), (vm, vn)) = job.shapes(m, n);
    let mut work = SvdWork::new();
    let (mut us, mut ss, mut vs) = (
        stack_items(R, &lead)?,
        stack_items(R, &lead)?,
        stack_items(R, &lead)?,
    );
    for idx in stack_indices(&lead) {
        let p = work.run(R, &matrix_at(a.view(), &idx), job)?;
        us.push(p.u.expect("vectors were asked for"));
        ss.push(p.s);
        vs.push(p.vh.expect("vectors were asked for"));
    }
    Ok((
        assemble::<T, Ix2>(R, &lead, &[um, un], us)?,
        assemble::<T::Real, Ix1>(R, &lead, &[m.min(n)], ss)?,
        assemble::<T, Ix2>(R, &lead, &[vm, vn], vs)?,
    ))
}

/// [`svdvals`] over a `(…, M, N)` stack: `(…, min(M, N))`.
///
/// # Errors
/// As [`svdvals`]; `TooFewDimensions`.
pub fn svdvals_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("svdvals");
    const R: &str = "svdvals";
    let (lead, m, n) = split(R, "a", a)?;
    let mut work = SvdWork::new();
    let items = map_stack(R, &lead, |idx| {
        work.run(R, &matrix_at(a.view(), idx), Job::Values)
            .map(|p| p.s)
    })?;
    assemble::<T::Real, Ix1>(R, &lead, &[m.min(n)], items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use num_complex::Complex64;

    /// The `?gesvd` fallback, which `?gesdd` never needs on ordinary
    /// matrices: same values, and vectors that reconstruct the matrix.
    fn fallback_agrees<T: Scalar>(a: Array2<T>) {
        let mut direct = SvdWork::<T>::new();
        let mut fallback = SvdWork::<T>::new();
        fallback.skip_gesdd = true;
        let tol = 1e3 * T::epsilon().to_f64_real();
        for job in [Job::Full, Job::Thin, Job::Values] {
            let p = direct.run("t", &a, job).unwrap();
            let q = fallback.run("t", &a, job).unwrap();
            for (x, y) in p.s.iter().zip(q.s.iter()) {
                assert!((x.to_f64_real() - y.to_f64_real()).abs() < tol);
            }
            if job == Job::Values {
                assert!(q.u.is_none() && q.vh.is_none());
                continue;
            }
            let (u, vh) = (q.u.unwrap(), q.vh.unwrap());
            let k = q.s.len();
            let (m, n) = a.dim();
            assert_eq!(u.dim(), if job == Job::Full { (m, m) } else { (m, k) });
            assert_eq!(vh.dim(), if job == Job::Full { (n, n) } else { (k, n) });
            for i in 0..m {
                for j in 0..n {
                    let mut acc = T::zero();
                    for l in 0..k {
                        acc += u[[i, l]] * T::from_real(q.s[l]) * vh[[l, j]];
                    }
                    assert!((acc - a[[i, j]]).abs().to_f64_real() < tol);
                }
            }
        }
    }

    #[test]
    fn gesvd_fallback() {
        let a: Array2<f64> = array![
            [1.0, 2.0, 3.0],
            [4.0, 5.0, 6.5],
            [7.0, 8.0, 10.0],
            [1.0, -1.0, 0.5]
        ];
        fallback_agrees(a.clone());
        fallback_agrees(a.t().to_owned());
        fallback_agrees(a.mapv(|v| v as f32));
        fallback_agrees(a.mapv(|v| Complex64::new(v, 1.0 - v)));
        fallback_agrees(a.t().mapv(|v| num_complex::Complex32::new(v as f32, 0.5)));
    }
}
