//! Through the LU factorization: `solve` (`?gesv`), `inv` (`?getrf`,
//! `?getri`), `det` and `slogdet` (`?getrf`).

use crate::sys::BlasInt;
use ndarray::{Array, Array2, ArrayD, ArrayRef, ArrayRef2, ArrayRefD, Dimension, Ix2, IxDyn};
use num_traits::{Float, Zero};

use super::large_stack::{
    GETRF_PARALLEL_MIN, lu_needs_large_stack, on_large_stack, threaded_lu_needs_large_stack,
};
use super::lu::{LuFactors, getrs_into, lu_factor_as, rhs_copy};
use super::stack::{
    assemble, broadcast_shapes, item_at, map_stack, matrix_at, split, stack_indices, stack_items,
};
use super::working_copy::{Outside, Reads, checked_fortran_copy};
use super::{lapack_mut, square};
use crate::error::{Error, Result, Shape};
use crate::lapack::{illegal_argument, query_len};
use crate::layout::blas_int;
use crate::operand::Transpose;
use crate::scalar::Scalar;

/// Solves `A·X = B` for square `A` (numpy.linalg.solve); `b` is `(n,)` or
/// `(n, k)` and the result has its shape.
///
/// Copies: `A` once (LAPACK overwrites it with its LU factors, which are
/// dropped) and `B` once (the solution), each checked for NaN/inf in the
/// same pass; one `?gesv` call (`?getrf` + `?getrs` for `n < 100` on a
/// threaded OpenBLAS or MKL, see the code). A large `A` may be solved on a
/// reused helper thread with a large stack, as in [`super::lu_factor`].
///
/// # Errors
/// `NotSquare`; `ShapeMismatch` if `b`'s first axis is not `n`;
/// `Singular { index }` for an exactly singular `A`; `NonFinite`.
pub fn solve<T: Scalar, D: Dimension>(a: &ArrayRef2<T>, b: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    let _profile = crate::profile::scope_flops("solve", || {
        let n = a.nrows() as f64;
        let k = b.len() as f64 / n.max(1.0);
        (2.0 / 3.0 * n * n * n + 2.0 * n * n * k) * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    const R: &str = "solve";
    let n = square(R, "a", a.dim())?;
    let mut x = rhs_copy(R, n as usize, b)?;
    let nrhs = if x.ndim() == 2 { x.shape()[1] } else { 1 };
    if n == 0 {
        return Ok(x.into_dimensionality::<D>().expect("x has b's shape"));
    }
    if nrhs == 0 || (a.len() < GETRF_PARALLEL_MIN && threaded_lu_needs_large_stack()) {
        // ?getrf + ?getrs. OpenBLAS 0.3.21's ?gesv runs its threaded
        // factorization, with its stack-hungry job arrays, at every order
        // (seen to overflow a 2 MiB test thread at n = 32), where its
        // ?getrf does so only from m·n ≥ 10⁴ on: below that, the two calls
        // keep small solves serial and on this thread. With nrhs = 0 the
        // factorization still tells whether A is singular.
        let f = lu_factor_as(R, a)?;
        getrs_into(R, &f, Transpose::NoTrans, &mut x)?;
        return Ok(x.into_dimensionality::<D>().expect("x has b's shape"));
    }
    let mut lu = checked_fortran_copy(R, "a", a, Reads::All, Outside::Copy)?;
    let nrhs = blas_int(R, "nrhs", nrhs)?;
    let mut ipiv = crate::alloc::try_vec(R, n as usize, 0 as BlasInt)?;
    let (abuf, lda) = lapack_mut(&mut lu);
    let xb = x
        .as_slice_memory_order_mut()
        .expect("right-hand sides are contiguous");
    let ipiv = &mut ipiv;
    // SAFETY: abuf is n × n column-major (lda = n), xb is n × nrhs
    // column-major (ldb = n), ipiv has n elements.
    let mut gesv = move || unsafe { T::gesv(n, nrhs, abuf, lda, ipiv, xb, n) };
    let info = if lu_needs_large_stack(a.len()) {
        on_large_stack(gesv)
    } else {
        gesv()
    };
    if info < 0 {
        return Err(illegal_argument("gesv", info, GESV_ARGS));
    }
    if info > 0 {
        return Err(Error::Singular {
            routine: R,
            index: info as usize - 1,
        });
    }
    Ok(x.into_dimensionality::<D>().expect("x has b's shape"))
}

const GESV_ARGS: &[&str] = &["n", "nrhs", "a", "lda", "ipiv", "b", "ldb", "info"];

/// LU factors for `inv`, `det` and `slogdet`, with the routine's name in
/// its errors.
fn factor<T: Scalar>(routine: &'static str, a: &ArrayRef2<T>) -> Result<LuFactors<T>> {
    lu_factor_as(routine, a)
}

/// [`solve`] over stacks, as numpy.linalg.solve (NumPy ≥ 2): `a` is
/// `(…, n, n)`; `b` is `(n,)` (one vector for every matrix) or `(…, n, k)`,
/// the leading axes of `a` and `b` broadcast together.
///
/// # Errors
/// As [`solve`]; `Broadcast` if the leading axes do not broadcast.
pub fn solve_stacked<T: Scalar>(a: &ArrayRefD<T>, b: &ArrayRefD<T>) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("solve");
    const R: &str = "solve";
    let (a_lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    let (lead, item_shape, item_nd) = if b.ndim() == 1 {
        // Checked here as well as in `solve`: an empty stack must not hide it.
        if b.len() != n {
            return Err(Error::ShapeMismatch {
                routine: R,
                what: "b",
                got: Shape(b.shape().to_vec()),
                expected: Shape(vec![n]),
            });
        }
        (a_lead.clone(), vec![n], 1)
    } else {
        let (b_lead, bm, bk) = split(R, "b", b)?;
        if bm != n {
            return Err(Error::ShapeMismatch {
                routine: R,
                what: "b",
                got: Shape(b.shape().to_vec()),
                expected: Shape([b_lead.as_slice(), &[n, bk]].concat()),
            });
        }
        (broadcast_shapes(R, &a_lead, &b_lead)?, vec![n, bk], 2)
    };
    let mut items = stack_items(R, &lead)?;
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        let bi = if item_nd == 1 {
            b.view()
        } else {
            item_at(b.view(), &idx, 2)
        };
        items.push(solve(&ai, &bi)?);
    }
    assemble::<T, IxDyn>(R, &lead, &item_shape, items)
}

const GETRI_ARGS: &[&str] = &["n", "a", "lda", "ipiv", "work", "lwork", "info"];

/// A `?getri` workspace, queried once and reused across a stack.
struct InvWork<T> {
    work: Vec<T>,
}

impl<T: Scalar> InvWork<T> {
    fn new() -> Self {
        InvWork { work: Vec::new() }
    }

    /// Inverts in place the matrix whose factors are `f` (consumed).
    fn invert(&mut self, f: LuFactors<T>) -> Result<Array2<T>> {
        const R: &str = "inv";
        if let Some(index) = f.singular_at() {
            return Err(Error::Singular { routine: R, index });
        }
        let (mut a, ipiv) = f.into_parts();
        let n = a.nrows() as BlasInt;
        if n == 0 {
            return Ok(a);
        }
        let buf = a
            .as_slice_memory_order_mut()
            .expect("factors are contiguous");
        let mut query = [T::zero()];
        // SAFETY: lwork = -1 only writes the optimal size to query[0].
        let info = unsafe { T::getri(n, buf, n, &ipiv, &mut query, -1) };
        if info < 0 {
            return Err(illegal_argument("getri", info, GETRI_ARGS));
        }
        let need = query_len(crate::RealScalar::to_f64_real(query[0].re())).max(n as usize);
        crate::alloc::try_grow("inv", &mut self.work, need, T::zero())?;
        let lwork = self.work.len().min(BlasInt::MAX as usize) as BlasInt;
        // SAFETY: buf is n × n column-major; work holds lwork elements.
        let info = unsafe { T::getri(n, buf, n, &ipiv, &mut self.work, lwork) };
        if info < 0 {
            return Err(illegal_argument("getri", info, GETRI_ARGS));
        }
        if info > 0 {
            return Err(Error::Singular {
                routine: R,
                index: info as usize - 1,
            });
        }
        Ok(a)
    }
}

/// The inverse of square `a` (numpy.linalg.inv), through LU (`?getrf`, `?getri`).
///
/// # Errors
/// `NotSquare`; `Singular { index }`; `NonFinite`.
pub fn inv<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    let _profile = crate::profile::scope_flops("inv", || {
        let n = a.nrows() as f64;
        2.0 * n * n * n * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    square("inv", "a", a.dim())?;
    let mut work = InvWork::new();
    invert_item(&mut work, a)
}

/// [`inv`] over a `(…, n, n)` stack, one workspace for all.
///
/// # Errors
/// As [`inv`]; `TooFewDimensions`.
pub fn inv_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("inv");
    let (lead, m, n) = split("inv", "a", a)?;
    square("inv", "a", (m, n))?;
    let mut work = InvWork::new();
    let items = map_stack("inv", &lead, |idx| {
        invert_item(&mut work, &matrix_at(a.view(), idx))
    })?;
    assemble::<T, Ix2>("inv", &lead, &[n, n], items)
}

/// `?getrf` then `?getri` on one matrix. Where the LU needs a large stack
/// (see `large_stack`), both calls run on the helper thread: with the
/// factorization there and the inversion here, OpenBLAS 0.3.34 (scipy-
/// openblas64, 2 threads) kept three threads running in ~40% of the
/// samples of tests/thread_budget.rs, one over the budget.
fn invert_item<T: Scalar>(work: &mut InvWork<T>, a: &ArrayRef2<T>) -> Result<Array2<T>> {
    if lu_needs_large_stack(a.len()) {
        on_large_stack(|| work.invert(factor("inv", a)?))
    } else {
        work.invert(factor("inv", a)?)
    }
}

/// Sign of the permutation and the diagonal of `U`, from the factors.
fn sign_and_diag<T: Scalar>(f: &LuFactors<T>) -> (T, Vec<T>) {
    let swaps = f
        .ipiv()
        .iter()
        .enumerate()
        .filter(|&(i, &p)| p as usize != i + 1)
        .count();
    let sign = if swaps % 2 == 0 { T::one() } else { -T::one() };
    let diag = f.lu().diag().to_vec();
    (sign, diag)
}

/// Determinant of square `a` (numpy.linalg.det), as the product of `U`'s
/// diagonal: 0 for a singular matrix (not an error), 1 for 0 × 0. May
/// overflow to infinity (for complex types, parts may become NaN) or
/// underflow to 0 for large `n`: use [`slogdet`] there.
///
/// # Errors
/// `NotSquare`; `NonFinite`.
pub fn det<T: Scalar>(a: &ArrayRef2<T>) -> Result<T> {
    let _profile = crate::profile::scope("det");
    square("det", "a", a.dim())?;
    let f = factor("det", a)?;
    let (sign, diag) = sign_and_diag(&f);
    Ok(diag.into_iter().fold(sign, |acc, d| acc * d))
}

/// Sign and natural log of the absolute value of the determinant
/// (numpy.linalg.slogdet): `det = sign · exp(logabsdet)`, without overflow
/// for large `n`. `sign` is ±1 for real types and of unit modulus for
/// complex ones; a singular matrix gives `(0, -inf)`.
///
/// # Errors
/// `NotSquare`; `NonFinite`.
pub fn slogdet<T: Scalar>(a: &ArrayRef2<T>) -> Result<(T, T::Real)> {
    let _profile = crate::profile::scope("slogdet");
    square("slogdet", "a", a.dim())?;
    let f = factor("slogdet", a)?;
    if f.singular_at().is_some() {
        return Ok((T::zero(), T::Real::neg_infinity()));
    }
    let (mut sign, diag) = sign_and_diag(&f);
    let mut log = T::Real::zero();
    for d in diag {
        let m = d.abs();
        sign *= d / T::from_real(m);
        log += m.ln();
    }
    Ok((sign, log))
}

/// [`det`] over a `(…, n, n)` stack: an array of the leading shape.
///
/// # Errors
/// As [`det`]; `TooFewDimensions`.
pub fn det_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("det");
    let (lead, m, n) = split("det", "a", a)?;
    square("det", "a", (m, n))?;
    let vals = map_stack("det", &lead, |idx| det(&matrix_at(a.view(), idx)))?;
    Ok(ArrayD::from_shape_vec(IxDyn(&lead), vals).expect("one value per stack index"))
}

/// [`slogdet`] over a `(…, n, n)` stack: `(sign, logabsdet)` arrays of the
/// leading shape.
///
/// # Errors
/// As [`slogdet`]; `TooFewDimensions`.
#[allow(clippy::type_complexity)]
pub fn slogdet_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<(ArrayD<T>, ArrayD<T::Real>)> {
    let _profile = crate::profile::scope("slogdet");
    let (lead, m, n) = split("slogdet", "a", a)?;
    square("slogdet", "a", (m, n))?;
    let (mut signs, mut logs) = (
        stack_items("slogdet", &lead)?,
        stack_items("slogdet", &lead)?,
    );
    for idx in stack_indices(&lead) {
        let (s, l) = slogdet(&matrix_at(a.view(), &idx))?;
        signs.push(s);
        logs.push(l);
    }
    let shape = IxDyn(&lead);
    Ok((
        ArrayD::from_shape_vec(shape.clone(), signs).expect("one value per stack index"),
        ArrayD::from_shape_vec(shape, logs).expect("one value per stack index"),
    ))
}

#[cfg(test)]
mod tests {
    use super::{Array2, Error, det, inv, slogdet, solve};
    use ndarray::array;

    #[test]
    fn small_known_values() {
        let a: Array2<f64> = array![[4.0, 3.0], [6.0, 3.0]];
        assert!((det(&a).unwrap() + 6.0).abs() < 1e-12);
        let (s, l) = slogdet(&a).unwrap();
        assert_eq!(s, -1.0);
        assert!((l - 6f64.ln()).abs() < 1e-12);
        let x = solve(&a, &array![10.0, 12.0]).unwrap();
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12);
        let ai = inv(&a).unwrap();
        let id = ai.dot(&a);
        assert!((id[[0, 0]] - 1.0).abs() < 1e-12 && id[[0, 1]].abs() < 1e-12);
        let sing = array![[1.0, 2.0], [2.0, 4.0]];
        assert!(matches!(
            solve(&sing, &array![1.0, 1.0]),
            Err(Error::Singular { index: 1, .. })
        ));
        assert_eq!(det(&sing).unwrap(), 0.0);
        assert_eq!(slogdet(&sing).unwrap(), (0.0, f64::NEG_INFINITY));
        let empty = Array2::<f64>::zeros((0, 0));
        assert_eq!(det(&empty).unwrap(), 1.0);
        assert_eq!(inv(&empty).unwrap().dim(), (0, 0));
        assert!(matches!(
            det(&array![[f64::NAN]]),
            Err(Error::NonFinite { routine: "det", .. })
        ));
    }
}
