//! Eigenvalues and eigenvectors of general (non-symmetric) square matrices
//! through `?geev`: numpy.linalg's `eig` and `eigvals`, and
//! scipy.linalg.eig's left eigenvectors.
//!
//! The results are complex for every input type, `Complex<T::Real>` (for
//! `f32` input, `Complex32`): a real matrix may have complex eigenvalues.
//! NumPy returns real arrays when all the eigenvalues of a real input
//! happen to be real; lapis always returns complex ones, so the type of the
//! result does not depend on the values.
//!
//! LAPACK's eigenvectors are normalized to unit Euclidean norm with their
//! largest component real. The eigenvalues are in no particular order.
//! For a real matrix, LAPACK returns a conjugate pair `λ, λ̄` in consecutive
//! positions `j, j + 1` (positive imaginary part first) with the real and
//! imaginary parts of the eigenvector in the real columns `j` and `j + 1`;
//! lapis returns `v_j = vr[:, j] + i·vr[:, j+1]` and `v_{j+1} = conj(v_j)`.

use crate::sys::BlasInt;
use ndarray::{
    Array1, Array2, ArrayD, ArrayRef2, ArrayRefD, ArrayViewMut1, ArrayViewMut2, ArrayViewMutD,
    Axis, Ix1, Ix2, IxDyn, ShapeBuilder,
};
use num_complex::Complex;
use num_traits::Zero;

use super::check_finite_always;
use super::stack::{matrix_at, split, stack_indices};
use crate::error::{Error, Result};
use crate::lapack::{illegal_argument, query_len};
use crate::layout::blas_int;
use crate::scalar::{RealScalar, Scalar};

const GEEV_REAL_ARGS: &[&str] = &[
    "jobvl", "jobvr", "n", "a", "lda", "wr", "wi", "vl", "ldvl", "vr", "ldvr", "work", "lwork",
    "info",
];
const GEEV_COMPLEX_ARGS: &[&str] = &[
    "jobvl", "jobvr", "n", "a", "lda", "w", "vl", "ldvl", "vr", "ldvr", "work", "lwork", "rwork",
    "info",
];

/// An illegal-argument `info` of `?geev`, with the argument named.
fn geev_argument<T: Scalar>(info: BlasInt) -> Error {
    let names = if T::IS_COMPLEX {
        GEEV_COMPLEX_ARGS
    } else {
        GEEV_REAL_ARGS
    };
    illegal_argument("geev", info, names)
}

/// `?geev` with its scratch (the working copy of `A`, LAPACK's raw
/// outputs, `work` and `rwork`), queried once for one order `n` and one
/// choice of eigenvectors, and reused across a stack.
struct GeevWork<T: Scalar> {
    routine: &'static str,
    n: usize,
    left: bool,
    right: bool,
    a: Array2<T>,
    w: Vec<T>,
    wi: Vec<T::Real>,
    vl: Vec<T>,
    vr: Vec<T>,
    work: Vec<T>,
    rwork: Vec<T::Real>,
}

fn job(wanted: bool) -> u8 {
    if wanted { b'V' } else { b'N' }
}

impl<T: Scalar> GeevWork<T> {
    /// Allocates the scratch for order `n` and runs the workspace query.
    fn new(routine: &'static str, n: usize, left: bool, right: bool) -> Result<Self> {
        let ni = blas_int(routine, "n", n)?;
        blas_int(routine, "n * n", n * n)?;
        let vecs = |wanted: bool| {
            crate::alloc::try_vec(
                routine,
                if wanted { n.saturating_mul(n) } else { 0 }.max(1),
                T::zero(),
            )
        };
        let mut ws = GeevWork {
            routine,
            n,
            left,
            right,
            a: crate::alloc::try_zeros::<_, ndarray::Ix2, _>(routine, (n, n).f())?,
            w: crate::alloc::try_vec(routine, n.max(1), T::zero())?,
            wi: crate::alloc::try_vec(
                routine,
                if T::IS_COMPLEX { 1 } else { n.max(1) },
                T::Real::zero(),
            )?,
            vl: vecs(left)?,
            vr: vecs(right)?,
            work: Vec::new(),
            rwork: crate::alloc::try_vec(
                routine,
                if T::IS_COMPLEX { (2 * n).max(1) } else { 1 },
                T::Real::zero(),
            )?,
        };
        if n == 0 {
            return Ok(ws);
        }
        let ld = ni.max(1);
        let mut query = [T::zero()];
        let a =
            ws.a.as_slice_memory_order_mut()
                .expect("scratch is contiguous");
        // SAFETY: lwork = -1 only writes the optimal workspace size to query[0];
        // every slice is as long as its dimensions say.
        let info = unsafe {
            T::geev(
                job(left),
                job(right),
                ni,
                a,
                ld,
                &mut ws.w,
                &mut ws.wi,
                &mut ws.vl,
                ld,
                &mut ws.vr,
                ld,
                &mut query,
                -1,
                &mut ws.rwork,
            )
        };
        if info < 0 {
            return Err(geev_argument::<T>(info));
        }
        // LAPACK's documented minimum: 2n (complex), 3n or 4n with vectors (real).
        let min = match (T::IS_COMPLEX, left || right) {
            (true, _) => 2 * n,
            (false, false) => 3 * n,
            (false, true) => 4 * n,
        };
        let need = query_len(query[0].re().to_f64_real()).max(min).max(1);
        ws.work = crate::alloc::try_vec(routine, need, T::zero())?;
        Ok(ws)
    }

    /// Eigen-decomposes `a` (`n × n`, any layout, already checked finite)
    /// into the given outputs; `vl`/`vr` must be given exactly when they
    /// were asked for in [`GeevWork::new`].
    fn run(
        &mut self,
        a: &ArrayRef2<T>,
        mut w_out: ArrayViewMut1<'_, Complex<T::Real>>,
        vl_out: Option<ArrayViewMut2<'_, Complex<T::Real>>>,
        vr_out: Option<ArrayViewMut2<'_, Complex<T::Real>>>,
    ) -> Result<()> {
        let n = self.n;
        if n == 0 {
            return Ok(());
        }
        self.a.assign(a);
        let ni = n as BlasInt;
        let lwork = self.work.len().min(BlasInt::MAX as usize) as BlasInt;
        let buf = self
            .a
            .as_slice_memory_order_mut()
            .expect("scratch is contiguous");
        // SAFETY: buf is the n × n column-major copy with leading dimension n;
        // w, wi, vl, vr, work and rwork have the lengths LAPACK requires
        // (checked when they were allocated for this n).
        let info = unsafe {
            T::geev(
                job(self.left),
                job(self.right),
                ni,
                buf,
                ni,
                &mut self.w,
                &mut self.wi,
                &mut self.vl,
                ni,
                &mut self.vr,
                ni,
                &mut self.work,
                lwork,
                &mut self.rwork,
            )
        };
        if info < 0 {
            // With the finite check off, LAPACK ≥ 3.11's balancing (?gebal)
            // rejects NaN input and the failure surfaces as an illegal
            // argument of ?geev: report what really went wrong.
            if !a.iter().all(|v| v.is_finite()) {
                return Err(Error::NonFinite {
                    routine: self.routine,
                    what: "a",
                });
            }
            return Err(geev_argument::<T>(info));
        }
        if info > 0 {
            return Err(Error::NoConvergence {
                routine: self.routine,
                info: info.into(),
                detail: format!(
                    "the QR algorithm failed to compute all the eigenvalues; only eigenvalues {info}..{n} \
                     (0-based) converged and no eigenvectors were computed"
                ),
            });
        }
        let pairs = self.pairs();
        for (j, w) in w_out.iter_mut().enumerate() {
            *w = if T::IS_COMPLEX {
                Complex::new(self.w[j].re(), self.w[j].im())
            } else {
                Complex::new(self.w[j].re(), self.wi[j])
            };
        }
        if let Some(out) = vl_out {
            unpack_vectors(&self.vl, n, &pairs, out);
        }
        if let Some(out) = vr_out {
            unpack_vectors(&self.vr, n, &pairs, out);
        }
        Ok(())
    }

    /// For each column: whether it starts a conjugate pair (real types
    /// only: LAPACK put the real and imaginary parts of the eigenvector in
    /// this column and the next).
    fn pairs(&self) -> Vec<bool> {
        let n = self.n;
        let mut starts = vec![false; n];
        if T::IS_COMPLEX {
            return starts;
        }
        let mut j = 0;
        while j < n {
            // `j + 1 < n` also guards against garbage from NaN input run
            // without the finite check.
            if self.wi[j] != T::Real::zero() && j + 1 < n {
                starts[j] = true;
                j += 2;
            } else {
                j += 1;
            }
        }
        starts
    }
}

/// Writes the complex eigenvectors from LAPACK's column-major `n × n`
/// `raw` into `out`, combining real conjugate-pair columns.
fn unpack_vectors<T: Scalar>(
    raw: &[T],
    n: usize,
    pairs: &[bool],
    mut out: ArrayViewMut2<'_, Complex<T::Real>>,
) {
    let col = |j: usize| &raw[j * n..(j + 1) * n];
    let mut j = 0;
    while j < n {
        if pairs[j] {
            let (re, im) = (col(j), col(j + 1));
            for k in 0..n {
                let z = Complex::new(re[k].re(), im[k].re());
                out[[k, j]] = z;
                out[[k, j + 1]] = z.conj();
            }
            j += 2;
        } else {
            for (k, v) in col(j).iter().enumerate() {
                out[[k, j]] = Complex::new(v.re(), v.im());
            }
            j += 1;
        }
    }
}

/// The square order of a 2-D input, after the finite check.
fn prepare<T: Scalar>(routine: &'static str, a: &ArrayRef2<T>) -> Result<usize> {
    let n = super::square(routine, "a", a.dim())? as usize;
    check_finite_always(routine, "a", a)?;
    Ok(n)
}

/// Eigenvalues `w` and right eigenvectors `v` of the square matrix `a`
/// (numpy.linalg.eig): `A·v[:, j] = w[j]·v[:, j]`, through `?geev`.
///
/// `a` may have any layout and is not modified (LAPACK works on a
/// Fortran-order copy). `w` has shape `(n,)`, `v` is `n × n` in Fortran
/// order, both complex (`Complex<T::Real>`) for every input type; each
/// column of `v` has unit norm and its largest component real. For real
/// input, complex eigenvalues come in conjugate pairs with conjugate
/// eigenvectors. A 0 × 0 input gives empty results. For a defective
/// matrix the eigenvectors are (numerically) linearly dependent: `v` is
/// then not invertible.
///
/// The input is always checked for NaN and infinity, even inside
/// [`super::without_finite_check`]: MKL's `?geev` crashes (SIGSEGV) on NaN
/// input, and a crash is never an acceptable answer to bad input.
///
/// # Errors
/// `NotSquare`; `NonFinite` for NaN/inf input; `NoConvergence` if the QR
/// algorithm failed (`info`: the eigenvalues `info..n` converged);
/// `DimensionTooLarge`.
#[allow(clippy::type_complexity)]
pub fn eig<T: Scalar>(
    a: &ArrayRef2<T>,
) -> Result<(Array1<Complex<T::Real>>, Array2<Complex<T::Real>>)> {
    let _profile = crate::profile::scope("eig");
    const R: &str = "eig";
    let n = prepare(R, a)?;
    let mut w = crate::alloc::try_zeros::<_, ndarray::Ix1, _>(R, n)?;
    let mut v = crate::alloc::try_zeros::<_, ndarray::Ix2, _>(R, (n, n).f())?;
    GeevWork::new(R, n, false, true)?.run(a, w.view_mut(), None, Some(v.view_mut()))?;
    Ok((w, v))
}

/// The eigenvalues of the square matrix `a` (numpy.linalg.eigvals), as
/// [`eig`] computes them but without the eigenvectors (faster).
///
/// # Errors
/// As [`eig`].
pub fn eigvals<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array1<Complex<T::Real>>> {
    let _profile = crate::profile::scope("eigvals");
    const R: &str = "eigvals";
    let n = prepare(R, a)?;
    let mut w = crate::alloc::try_zeros::<_, ndarray::Ix1, _>(R, n)?;
    GeevWork::new(R, n, false, false)?.run(a, w.view_mut(), None, None)?;
    Ok(w)
}

/// Eigenvalues `w`, left eigenvectors `vl` and right eigenvectors `vr` of
/// the square matrix `a` (scipy.linalg.eig with `left=True, right=True`):
/// `vl[:, j]ᴴ·A = w[j]·vl[:, j]ᴴ` and `A·vr[:, j] = w[j]·vr[:, j]`.
///
/// Shapes, layout, normalization and the pairing of conjugate
/// eigenvectors as in [`eig`] (both `vl` and `vr` are `n × n` in Fortran
/// order, complex).
///
/// # Errors
/// As [`eig`].
#[allow(clippy::type_complexity)]
pub fn eig_left_right<T: Scalar>(
    a: &ArrayRef2<T>,
) -> Result<(
    Array1<Complex<T::Real>>,
    Array2<Complex<T::Real>>,
    Array2<Complex<T::Real>>,
)> {
    let _profile = crate::profile::scope("eig_left_right");
    const R: &str = "eig_left_right";
    let n = prepare(R, a)?;
    let mut w = crate::alloc::try_zeros::<_, ndarray::Ix1, _>(R, n)?;
    let mut vl = crate::alloc::try_zeros::<_, ndarray::Ix2, _>(R, (n, n).f())?;
    let mut vr = crate::alloc::try_zeros::<_, ndarray::Ix2, _>(R, (n, n).f())?;
    GeevWork::new(R, n, true, true)?.run(
        a,
        w.view_mut(),
        Some(vl.view_mut()),
        Some(vr.view_mut()),
    )?;
    Ok((w, vl, vr))
}

/// The item at stack index `idx` of an output array whose leading axes
/// are the stack shape.
fn item_mut<'a, C>(out: &'a mut ArrayD<C>, idx: &[usize]) -> ArrayViewMutD<'a, C> {
    let mut v = out.view_mut();
    for &i in idx {
        v = v.index_axis_move(Axis(0), i);
    }
    v
}

fn as_mat<C>(v: ArrayViewMutD<'_, C>) -> ArrayViewMut2<'_, C> {
    v.into_dimensionality::<Ix2>()
        .expect("two axes remain after indexing the leading ones")
}

/// Stacked driver: the outputs `w (…, n)`, and `vl`, `vr (…, n, n)` when
/// asked for, C order.
#[allow(clippy::type_complexity)]
fn stacked<T: Scalar>(
    routine: &'static str,
    a: &ArrayRefD<T>,
    left: bool,
    right: bool,
) -> Result<(
    ArrayD<Complex<T::Real>>,
    Option<ArrayD<Complex<T::Real>>>,
    Option<ArrayD<Complex<T::Real>>>,
)> {
    let (lead, m, n) = split(routine, "a", a)?;
    super::square(routine, "a", (m, n))?;
    check_finite_always(routine, "a", a)?;
    let shape = |item: &[usize]| IxDyn(&[lead.as_slice(), item].concat());
    let mut w = crate::alloc::try_zeros::<_, ndarray::IxDyn, _>(routine, shape(&[n]))?;
    let vectors = |wanted: bool| -> Result<Option<ArrayD<_>>> {
        match wanted {
            true => Ok(Some(crate::alloc::try_zeros(routine, shape(&[n, n]))?)),
            false => Ok(None),
        }
    };
    let mut vl = vectors(left)?;
    let mut vr = vectors(right)?;
    if w.is_empty() {
        return Ok((w, vl, vr));
    }
    let mut ws = GeevWork::new(routine, n, left, right)?;
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        let wi = item_mut(&mut w, &idx)
            .into_dimensionality::<Ix1>()
            .expect("one axis remains after indexing the leading ones");
        let vli = vl.as_mut().map(|v| as_mat(item_mut(v, &idx)));
        let vri = vr.as_mut().map(|v| as_mat(item_mut(v, &idx)));
        ws.run(&ai, wi, vli, vri)?;
    }
    Ok((w, vl, vr))
}

/// [`eig`] over a `(…, n, n)` stack: `w (…, n)` and `v (…, n, n)`, complex,
/// in C order. One `?geev` workspace serves the whole stack; the input is
/// checked for NaN/inf once, before any work.
///
/// # Errors
/// As [`eig`] (the first failing matrix's error); `TooFewDimensions`.
#[allow(clippy::type_complexity)]
pub fn eig_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
) -> Result<(ArrayD<Complex<T::Real>>, ArrayD<Complex<T::Real>>)> {
    let _profile = crate::profile::scope("eig");
    let (w, _, vr) = stacked("eig", a, false, true)?;
    Ok((w, vr.expect("right eigenvectors were asked for")))
}

/// [`eigvals`] over a `(…, n, n)` stack: `w (…, n)`, complex.
///
/// # Errors
/// As [`eig_stacked`].
pub fn eigvals_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<ArrayD<Complex<T::Real>>> {
    let _profile = crate::profile::scope("eigvals");
    Ok(stacked("eigvals", a, false, false)?.0)
}

/// [`eig_left_right`] over a `(…, n, n)` stack: `w (…, n)`, `vl (…, n, n)`
/// and `vr (…, n, n)`, complex, in C order.
///
/// # Errors
/// As [`eig_stacked`].
#[allow(clippy::type_complexity)]
pub fn eig_left_right_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
) -> Result<(
    ArrayD<Complex<T::Real>>,
    ArrayD<Complex<T::Real>>,
    ArrayD<Complex<T::Real>>,
)> {
    let _profile = crate::profile::scope("eig_left_right");
    let (w, vl, vr) = stacked("eig_left_right", a, true, true)?;
    Ok((
        w,
        vl.expect("left eigenvectors were asked for"),
        vr.expect("right eigenvectors were asked for"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn rotation_has_eigenvalues_plus_minus_i() {
        let a: Array2<f64> = array![[0.0, -1.0], [1.0, 0.0]];
        let (w, v) = eig(&a).unwrap();
        assert!((w[0] - Complex::new(0.0, 1.0)).norm() < 1e-12);
        assert!((w[1] - Complex::new(0.0, -1.0)).norm() < 1e-12);
        for j in 0..2 {
            for k in 0..2 {
                let av: Complex<f64> = (0..2).map(|p| v[[p, j]] * a[[k, p]]).sum();
                assert!((av - w[j] * v[[k, j]]).norm() < 1e-12);
            }
        }
        assert_eq!(v[[0, 1]], v[[0, 0]].conj());
    }
}
