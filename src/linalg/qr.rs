//! QR factorization (`?geqrf`, then `?orgqr`/`?ungqr` for `Q`):
//! numpy.linalg.qr.

use crate::sys::BlasInt;
use ndarray::{
    Array1, Array2, ArrayD, ArrayRef2, ArrayRefD, ArrayViewMut2, Ix1, Ix2, ShapeBuilder, s,
};

use super::stack::{assemble, matrix_at, split, stack_indices, stack_items};
use super::working_copy::{Outside, Reads, checked_copy_into, checked_fortran_output};
use crate::RealScalar;
use crate::error::Result;
use crate::lapack::{illegal_argument, query_len};
use crate::layout::blas_int;
use crate::scalar::Scalar;

const GEQRF_ARGS: &[&str] = &["m", "n", "a", "lda", "tau", "work", "lwork", "info"];
const ORGQR_ARGS: &[&str] = &["m", "n", "k", "a", "lda", "tau", "work", "lwork", "info"];

/// What [`qr`] returns, as numpy.linalg.qr's `mode` (`k = min(m, n)` for
/// an `m × n` input).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QrMode {
    /// `Q` is `m × k` with orthonormal columns, `R` is `k × n`
    /// (NumPy's default `'reduced'`).
    #[default]
    Reduced,
    /// `Q` is `m × m` orthogonal/unitary, `R` is `m × n` (`'complete'`).
    Complete,
    /// `R` only, `k × n`; `Q` is not formed (`'r'`).
    R,
}

impl QrMode {
    /// Columns of `Q` and rows of `R` for an `m × n` input.
    fn dims(self, m: usize, n: usize) -> (usize, usize) {
        let k = m.min(n);
        match self {
            QrMode::Reduced => (k, k),
            QrMode::Complete => (m, m),
            QrMode::R => (0, k),
        }
    }
}

/// The QR factorization `A = Q·R` of any `m × n` matrix
/// (numpy.linalg.qr): `Q` has orthonormal columns (`Qᴴ·Q = I`), `R` is
/// upper triangular (trapezoidal when `n > m`); their shapes follow
/// [`QrMode`], and `Q` is `None` for [`QrMode::R`]. As in NumPy (and
/// LAPACK), the diagonal of `R` is real but not necessarily positive, so
/// the factors are unique only up to the signs (phases) of `R`'s rows.
///
/// `a` may have any layout and is not modified: one Fortran-order working
/// copy (`m × max(n, m)` for [`QrMode::Complete`] with `m > n`) holds the
/// Householder reflectors and then becomes `Q`; `R` is a new array. Both
/// results are in Fortran order.
///
/// # Errors
/// `NonFinite` for NaN/inf input; `DimensionTooLarge`.
#[allow(clippy::type_complexity)]
pub fn qr<T: Scalar>(a: &ArrayRef2<T>, mode: QrMode) -> Result<(Option<Array2<T>>, Array2<T>)> {
    let _profile = crate::profile::scope("qr");
    let (m, n) = a.dim();
    QrWork::new(m, n, mode)?.run(a)
}

/// [`qr`] over a `(…, m, n)` stack: `Q` of shape `(…, m, ·)` and `R` of
/// shape `(…, ·, n)`, the matrix shapes as [`QrMode`] gives them. The
/// LAPACK workspace is queried once and reused for every matrix.
///
/// # Errors
/// As [`qr`]; `TooFewDimensions` for fewer than 2 axes.
#[allow(clippy::type_complexity)]
pub fn qr_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    mode: QrMode,
) -> Result<(Option<ArrayD<T>>, ArrayD<T>)> {
    let _profile = crate::profile::scope("qr");
    let (lead, m, n) = split(R, "a", a)?;
    let mut work = QrWork::new(m, n, mode)?;
    let (mut qs, mut rs) = (stack_items(R, &lead)?, stack_items(R, &lead)?);
    for idx in stack_indices(&lead) {
        let (q, r) = work.run(&matrix_at(a.view(), &idx))?;
        qs.extend(q);
        rs.push(r);
    }
    let (qcols, rrows) = mode.dims(m, n);
    let q = match mode {
        QrMode::R => None,
        _ => Some(assemble::<T, Ix2>(R, &lead, &[m, qcols], qs)?),
    };
    Ok((q, assemble::<T, Ix2>(R, &lead, &[rrows, n], rs)?))
}

/// The QR factorization in LAPACK's compact form (numpy.linalg.qr with
/// `mode='raw'`, `?geqrf`): `h` `m × n` (Fortran order) holds `R` on and
/// above the diagonal and the Householder vectors below it; `tau` (`k =
/// min(m, n)`) their scalar factors, so that `Q = H(0)·…·H(k−1)` with
/// `H(i) = I − tau[i]·v·vᴴ`. NumPy returns the transpose of this `h`
/// (shape `n × m`, C order: the same memory); lapis returns the matrix
/// LAPACK works on, ready for `?ormqr`/`?unmqr`.
///
/// One Fortran-order copy of `a` is made; it becomes `h`.
///
/// # Errors
/// `NonFinite` for NaN/inf input; `DimensionTooLarge`.
pub fn qr_raw<T: Scalar>(a: &ArrayRef2<T>) -> Result<(Array2<T>, Array1<T>)> {
    let _profile = crate::profile::scope("qr_raw");
    let (m, n) = a.dim();
    qr_raw_with(&mut QrWork::new(m, n, QrMode::R)?, a)
}

/// [`qr_raw`] over a `(…, m, n)` stack: `h` `(…, m, n)` and `tau`
/// `(…, min(m, n))`; the workspace is queried once.
///
/// # Errors
/// As [`qr_raw`]; `TooFewDimensions` for fewer than 2 axes.
pub fn qr_raw_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<(ArrayD<T>, ArrayD<T>)> {
    let _profile = crate::profile::scope("qr_raw");
    const RAW: &str = "qr_raw";
    let (lead, m, n) = split(RAW, "a", a)?;
    let mut work = QrWork::new(m, n, QrMode::R)?;
    let (mut hs, mut taus) = (stack_items(RAW, &lead)?, stack_items(RAW, &lead)?);
    for idx in stack_indices(&lead) {
        let (h, tau) = qr_raw_with(&mut work, &matrix_at(a.view(), &idx))?;
        hs.push(h);
        taus.push(tau);
    }
    Ok((
        assemble::<T, Ix2>(RAW, &lead, &[m, n], hs)?,
        assemble::<T, Ix1>(RAW, &lead, &[m.min(n)], taus)?,
    ))
}

fn qr_raw_with<T: Scalar>(
    work: &mut QrWork<T>,
    a: &ArrayRef2<T>,
) -> Result<(Array2<T>, Array1<T>)> {
    const RAW: &str = "qr_raw";
    let (m, n) = a.dim();
    let k = m.min(n);
    let mut h = checked_fortran_output(RAW, "a", a, Reads::All, Outside::Copy)?;
    let mut tau: Array1<T> = crate::alloc::try_zeros(RAW, k)?;
    if k > 0 {
        let lwork = work.work.len().min(BlasInt::MAX as usize) as BlasInt;
        let buf = h
            .as_slice_memory_order_mut()
            .expect("a new Fortran-order array is contiguous");
        let tau = tau.as_slice_mut().expect("a new vector is contiguous");
        // SAFETY: buf is m × n column-major with lda m (m, n fit BlasInt:
        // checked by QrWork::new); tau has k elements; work lwork.
        let info = unsafe {
            T::geqrf(
                m as BlasInt,
                n as BlasInt,
                buf,
                m.max(1) as BlasInt,
                tau,
                &mut work.work,
                lwork,
            )
        };
        if info < 0 {
            return Err(illegal_argument("geqrf", info, GEQRF_ARGS));
        }
    }
    Ok((h, tau))
}

const R: &str = "qr";

/// Sizes and the LAPACK workspace for the QR of `m × n` matrices in one
/// mode, queried once.
struct QrWork<T> {
    m: usize,
    n: usize,
    mode: QrMode,
    work: Vec<T>,
}

impl<T: Scalar> QrWork<T> {
    fn new(m: usize, n: usize, mode: QrMode) -> Result<Self> {
        let (mi, ni) = (blas_int(R, "m", m)?, blas_int(R, "n", n)?);
        let (qcols, _) = mode.dims(m, n);
        let k = m.min(n);
        let mut need = 1;
        if k > 0 {
            let lda = mi.max(1);
            let (mut a, mut tau, mut q) = ([T::zero()], [T::zero()], [T::zero()]);
            // SAFETY: lwork = -1 only writes the optimal size to q[0];
            // LAPACK reads no other argument's memory.
            let info = unsafe { T::geqrf(mi, ni, &mut a, lda, &mut tau, &mut q, -1) };
            if info < 0 {
                return Err(illegal_argument("geqrf", info, GEQRF_ARGS));
            }
            need = need.max(query_len(q[0].re().to_f64_real())).max(n);
            if qcols > 0 {
                let (qc, ki) = (blas_int(R, "m", qcols)?, k as BlasInt);
                // SAFETY: as above.
                let info = unsafe { T::orgqr(mi, qc, ki, &mut a, lda, &tau, &mut q, -1) };
                if info < 0 {
                    return Err(illegal_argument("orgqr", info, ORGQR_ARGS));
                }
                need = need.max(query_len(q[0].re().to_f64_real())).max(qcols);
            }
        }
        Ok(QrWork {
            m,
            n,
            mode,
            work: crate::alloc::try_vec(R, need, T::zero())?,
        })
    }

    /// The factors of `a`, which has the shape this workspace was made for.
    fn run(&mut self, a: &ArrayRef2<T>) -> Result<(Option<Array2<T>>, Array2<T>)> {
        let (m, n) = (self.m, self.n);
        debug_assert_eq!(a.dim(), (m, n));
        let (qcols, rrows) = self.mode.dims(m, n);
        let k = m.min(n);
        // Column-major m × cols with lda m: its first c columns are the
        // buffer's first m·c elements, so Q can be cut from its front.
        let cols = n.max(qcols);
        // A saturated product is refused by try_vec as SizeOverflow.
        let mut buf = crate::alloc::try_vec(R, m.saturating_mul(cols), T::zero())?;
        let mut h =
            ArrayViewMut2::from_shape((m, cols).f(), &mut buf).expect("buffer has m·cols elements");
        checked_copy_into(
            R,
            "a",
            a,
            &mut h.slice_mut(s![.., ..n]),
            Reads::All,
            Outside::Copy,
        )?;
        let mut tau = crate::alloc::try_vec(R, k, T::zero())?;
        let lda = m.max(1) as BlasInt;
        let lwork = self.work.len().min(BlasInt::MAX as usize) as BlasInt;
        if k > 0 {
            // SAFETY: buf is m × cols ≥ m × n column-major with lda m; tau
            // has k elements; work holds lwork elements. m and n fit BlasInt
            // (checked in `new`).
            let info = unsafe {
                T::geqrf(
                    m as BlasInt,
                    n as BlasInt,
                    &mut buf,
                    lda,
                    &mut tau,
                    &mut self.work,
                    lwork,
                )
            };
            if info < 0 {
                return Err(illegal_argument("geqrf", info, GEQRF_ARGS));
            }
        }
        let h = ndarray::ArrayView2::from_shape((m, cols).f(), &buf)
            .expect("buffer has m·cols elements");
        let mut r: Array2<T> = crate::alloc::try_zeros(R, (rrows, n).f())?;
        for ((i, j), v) in r.indexed_iter_mut() {
            if j >= i {
                *v = h[[i, j]];
            }
        }
        if self.mode == QrMode::R {
            return Ok((None, r));
        }
        if k > 0 {
            // SAFETY: buf's first qcols columns (m × qcols, lda m, m ≥
            // qcols ≥ k) hold the reflectors; tau has k elements.
            let info = unsafe {
                T::orgqr(
                    m as BlasInt,
                    qcols as BlasInt,
                    k as BlasInt,
                    &mut buf,
                    lda,
                    &tau,
                    &mut self.work,
                    lwork,
                )
            };
            if info < 0 {
                return Err(illegal_argument("orgqr", info, ORGQR_ARGS));
            }
        } else {
            // No reflectors: Q is the identity's first qcols columns.
            buf.fill(T::zero());
            for i in 0..qcols.min(m) {
                buf[i * m + i] = T::one();
            }
        }
        buf.truncate(m * qcols);
        let q = Array2::from_shape_vec((m, qcols).f(), buf).expect("buffer has m·qcols elements");
        Ok((Some(q), r))
    }
}
