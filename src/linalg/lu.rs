//! LU factorization with partial pivoting (`?getrf`) and solves with it
//! (`?getrs`): scipy.linalg's `lu`, `lu_factor`, `lu_solve`.

use crate::sys::BlasInt;

use ndarray::{Array, Array2, ArrayD, ArrayRef, ArrayRef2, ArrayRefD, Dimension, Ix2};

use super::large_stack::{lu_needs_large_stack, on_large_stack};
use super::stack::{assemble, matrix_at, split, stack_indices, stack_items};
use super::working_copy::{Outside, Reads, checked_fortran_copy, checked_rhs_copy};
use super::{check_finite, fortran_copy, lapack_mut};
use crate::alloc::try_zeros;
use crate::error::{Error, Result, Shape};
use crate::lapack::illegal_argument;
use crate::layout::blas_int;
use crate::operand::Transpose;
use crate::scalar::Scalar;

const GETRF_ARGS: &[&str] = &["m", "n", "a", "lda", "ipiv", "info"];
const GETRS_ARGS: &[&str] = &["trans", "n", "nrhs", "a", "lda", "ipiv", "b", "ldb", "info"];

/// The LU factors of a matrix, as LAPACK's `?getrf` leaves them (SciPy's
/// `lu_factor` result): `L` below the diagonal (unit diagonal implied), `U`
/// on and above it, and the row interchanges.
#[derive(Clone, Debug)]
pub struct LuFactors<T> {
    lu: Array2<T>,
    ipiv: Vec<BlasInt>,
    singular: Option<usize>,
}

impl<T: Scalar> LuFactors<T> {
    /// The packed factors (Fortran order): `L` strictly below the diagonal,
    /// `U` on and above.
    pub fn lu(&self) -> &Array2<T> {
        &self.lu
    }

    /// Pivot indices, 0-based as SciPy gives them: row `i` was interchanged
    /// with row `piv[i]`.
    pub fn piv(&self) -> Vec<usize> {
        self.ipiv.iter().map(|&p| (p - 1) as usize).collect()
    }

    /// The first zero pivot `U[i, i] == 0`, if the matrix is singular.
    pub fn singular_at(&self) -> Option<usize> {
        self.singular
    }

    /// Rebuilds factors from their parts, as [`LuFactors::lu`] and
    /// [`LuFactors::piv`] gave them (for example after they crossed an FFI
    /// boundary): `lu` `m × n` (any layout; copied into Fortran order unless
    /// it is already), `piv` `min(m, n)` 0-based row indices, each `< m`.
    /// The first zero on `lu`'s diagonal becomes
    /// [`LuFactors::singular_at`].
    ///
    /// # Errors
    /// `ShapeMismatch` for a `piv` of another length; `InvalidArgument` for
    /// a pivot out of range; `NonFinite` for NaN/inf in `lu`;
    /// `DimensionTooLarge`.
    pub fn from_parts(lu: Array2<T>, piv: &[usize]) -> Result<Self> {
        const R: &str = "LuFactors::from_parts";
        let (m, n) = lu.dim();
        let k = m.min(n);
        if piv.len() != k {
            return Err(Error::ShapeMismatch {
                routine: R,
                what: "piv",
                got: Shape(vec![piv.len()]),
                expected: Shape(vec![k]),
            });
        }
        blas_int(R, "m", m)?;
        blas_int(R, "n", n)?;
        check_finite(R, "lu", &lu)?;
        let mut ipiv = crate::alloc::try_with_capacity(R, k)?;
        for (i, &p) in piv.iter().enumerate() {
            if p >= m {
                return Err(Error::InvalidArgument {
                    routine: R,
                    what: "piv",
                    reason: format!("piv[{i}] = {p} is not a row index of a {m}-row matrix"),
                });
            }
            ipiv.push(p as BlasInt + 1);
        }
        let singular = lu.diag().iter().position(|d| *d == T::zero());
        let lu = if lu.t().is_standard_layout() {
            lu
        } else {
            fortran_copy(R, &lu)?
        };
        Ok(LuFactors { lu, ipiv, singular })
    }

    pub(crate) fn ipiv(&self) -> &[BlasInt] {
        &self.ipiv
    }

    /// The packed factors and the 0-based pivots, moved out; the pivot
    /// vector is allocated fallibly.
    ///
    /// # Errors
    /// `OutOfMemory`.
    pub(crate) fn into_packed(self, routine: &'static str) -> Result<(Array2<T>, Vec<usize>)> {
        let mut piv = crate::alloc::try_with_capacity(routine, self.ipiv.len())?;
        piv.extend(self.ipiv.iter().map(|&p| (p - 1) as usize));
        Ok((self.lu, piv))
    }

    /// The packed factors and the pivots, without a copy.
    pub(crate) fn into_parts(self) -> (Array2<T>, Vec<BlasInt>) {
        (self.lu, self.ipiv)
    }
}

/// Factors `a` (any `m × n`, any layout) as `P·L·U`. A singular matrix is
/// not an error here (its `U` has a zero pivot, see
/// [`LuFactors::singular_at`]); [`lu_solve`] reports it.
///
/// One Fortran-order copy of `a` is made (checked for NaN/inf in the same
/// pass); it becomes the factors. A large factorization (`m·n ≥ 10⁴`)
/// called from a thread with less than 8 MiB of stack runs on a reused
/// helper thread with that much when the backend needs it (OpenBLAS's
/// threaded `?getrf` overflows smaller stacks; see `large_stack.rs`).
///
/// # Errors
/// `NonFinite` for NaN/inf input; `DimensionTooLarge`.
pub fn lu_factor<T: Scalar>(a: &ArrayRef2<T>) -> Result<LuFactors<T>> {
    let _profile = crate::profile::scope_flops("lu_factor", || {
        let (m, n) = (
            a.nrows().max(a.ncols()) as f64,
            a.nrows().min(a.ncols()) as f64,
        );
        (m * n * n - n * n * n / 3.0) * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    lu_factor_as("lu_factor", a)
}

/// [`lu_factor`] with `routine`'s name in its errors.
pub(crate) fn lu_factor_as<T: Scalar>(
    routine: &'static str,
    a: &ArrayRef2<T>,
) -> Result<LuFactors<T>> {
    const R: &str = "lu_factor";
    let (m, n) = (blas_int(R, "m", a.nrows())?, blas_int(R, "n", a.ncols())?);
    let mut lu = checked_fortran_copy(routine, "a", a, Reads::All, Outside::Copy)?;
    let mut ipiv = crate::alloc::try_vec(R, a.nrows().min(a.ncols()), 0 as BlasInt)?;
    let mut singular = None;
    if m > 0 && n > 0 {
        let (buf, lda) = lapack_mut(&mut lu);
        let ipiv = &mut ipiv;
        // SAFETY: buf is the m × n column-major matrix with leading dimension lda.
        let mut getrf = move || unsafe { T::getrf(m, n, buf, lda, ipiv) };
        let info = if lu_needs_large_stack(a.len()) {
            on_large_stack(getrf)
        } else {
            getrf()
        };
        if info < 0 {
            return Err(illegal_argument("getrf", info, GETRF_ARGS));
        }
        if info > 0 {
            singular = Some(info as usize - 1);
        }
    }
    Ok(LuFactors { lu, ipiv, singular })
}

/// Solves `op(A)·X = B` from `A`'s LU factors; `b` is `(n,)` or `(n, k)`.
///
/// # Errors
/// `Singular` if `A` is singular; `ShapeMismatch` if `b`'s first axis is
/// not `n`; `NotSquare` if the factored matrix was not square;
/// `NonFinite` for NaN/inf in `b`.
pub fn lu_solve<T: Scalar, D: Dimension>(
    factors: &LuFactors<T>,
    b: &ArrayRef<T, D>,
    trans: Transpose,
) -> Result<Array<T, D>> {
    let _profile = crate::profile::scope("lu_solve");
    const R: &str = "lu_solve";
    let n = super::square(R, "a", factors.lu.dim())?;
    let mut x = rhs_copy(R, n as usize, b)?;
    getrs_into(R, factors, trans.normalize::<T>(), &mut x)?;
    x.into_dimensionality::<D>()
        .map_err(|_| unreachable_shape(R))
}

fn unreachable_shape(routine: &'static str) -> Error {
    Error::InvalidArgument {
        routine,
        what: "b",
        reason: "internal: result has the wrong number of dimensions".into(),
    }
}

/// A Fortran-order `(n, k)` copy of a right-hand side `(n,)` or `(n, k)`,
/// returned as a dynamic-dimensional array with `b`'s shape, checked for
/// NaN/inf in the same pass.
///
/// # Errors
/// `NonFinite { what: "b" }` (also when the shape is wrong too, as it was
/// checked first); `ShapeMismatch` unless `b` is `(n,)` or `(n, k)`.
pub(crate) fn rhs_copy<T: Scalar, D: Dimension>(
    routine: &'static str,
    n: usize,
    b: &ArrayRef<T, D>,
) -> Result<ArrayD<T>> {
    let shape = b.shape();
    if shape.is_empty() || shape.len() > 2 || shape[0] != n {
        check_finite(routine, "b", b)?;
        return Err(Error::ShapeMismatch {
            routine,
            what: "b",
            got: Shape(shape.to_vec()),
            expected: Shape(if shape.len() == 2 {
                vec![n, shape[1]]
            } else {
                vec![n]
            }),
        });
    }
    checked_rhs_copy(routine, "b", b)
}

/// Overwrites the `(n,)` or `(n, k)` Fortran-order `x` with `op(A)⁻¹·x`.
pub(crate) fn getrs_into<T: Scalar>(
    routine: &'static str,
    factors: &LuFactors<T>,
    trans: Transpose,
    x: &mut ArrayD<T>,
) -> Result<()> {
    if let Some(index) = factors.singular {
        return Err(Error::Singular { routine, index });
    }
    let n = factors.lu.nrows();
    let nrhs = if x.ndim() == 2 { x.shape()[1] } else { 1 };
    if n == 0 || nrhs == 0 {
        return Ok(());
    }
    let ni = blas_int(routine, "n", n)?;
    let nrhs = blas_int(routine, "nrhs", nrhs)?;
    let t = match trans {
        Transpose::NoTrans => b'N',
        Transpose::Trans => b'T',
        Transpose::ConjTrans => b'C',
    };
    let lu = factors
        .lu
        .as_slice_memory_order()
        .expect("factors are contiguous");
    let xb = x
        .as_slice_memory_order_mut()
        .expect("right-hand sides are contiguous");
    // SAFETY: lu is n × n column-major with lda n; xb is n × nrhs with ldb n.
    let info = unsafe { T::getrs(t, ni, nrhs, lu, ni, &factors.ipiv, xb, ni) };
    if info < 0 {
        return Err(illegal_argument("getrs", info, GETRS_ARGS));
    }
    Ok(())
}

/// The explicit factors `(P, L, U)` with `A = P·L·U` (scipy.linalg.lu):
/// `P` is `m × m`, `L` is `m × k` unit lower trapezoidal, `U` is `k × n`,
/// `k = min(m, n)`.
///
/// # Errors
/// As [`lu_factor`]; `SizeOverflow`/`OutOfMemory` also for `P`, which
/// has `m²` elements however few `a` has.
#[allow(clippy::type_complexity)]
pub fn lu<T: Scalar>(a: &ArrayRef2<T>) -> Result<(Array2<T>, Array2<T>, Array2<T>)> {
    let _profile = crate::profile::scope("lu");
    let f = lu_factor_as("lu", a)?;
    expand(&f)
}

#[allow(clippy::type_complexity)]
fn expand<T: Scalar>(f: &LuFactors<T>) -> Result<(Array2<T>, Array2<T>, Array2<T>)> {
    const R: &str = "lu";
    let (m, n) = f.lu.dim();
    let k = m.min(n);
    // P first: the largest of the three, and the one an m × 1 input makes
    // unallocatable.
    let mut p: Array2<T> = try_zeros(R, (m, m))?;
    // Apply the interchanges in order to the identity's rows: perm[i] is the
    // original row that ends up in position i of P⁻¹A = LU.
    let mut perm = crate::alloc::try_with_capacity(R, m)?;
    perm.extend(0..m);
    for (i, &piv) in f.ipiv.iter().enumerate() {
        perm.swap(i, (piv - 1) as usize);
    }
    for (i, &row) in perm.iter().enumerate() {
        p[[row, i]] = T::one();
    }
    let mut l: Array2<T> = try_zeros(R, (m, k))?;
    for ((i, j), x) in l.indexed_iter_mut() {
        if i == j {
            *x = T::one();
        } else if i > j {
            *x = f.lu[[i, j]];
        }
    }
    let mut u: Array2<T> = try_zeros(R, (k, n))?;
    for ((i, j), x) in u.indexed_iter_mut() {
        if j >= i {
            *x = f.lu[[i, j]];
        }
    }
    Ok((p, l, u))
}

/// [`lu`] over a `(…, M, N)` stack: returns `P (…, M, M)`, `L (…, M, K)`,
/// `U (…, K, N)`.
///
/// # Errors
/// As [`lu_factor`]; `TooFewDimensions` for fewer than 2 axes.
#[allow(clippy::type_complexity)]
pub fn lu_stacked<T: Scalar>(a: &ArrayRefD<T>) -> Result<(ArrayD<T>, ArrayD<T>, ArrayD<T>)> {
    let _profile = crate::profile::scope("lu");
    let (lead, m, n) = split("lu", "a", a)?;
    let k = m.min(n);
    let (mut ps, mut ls, mut us) = (
        stack_items("lu", &lead)?,
        stack_items("lu", &lead)?,
        stack_items("lu", &lead)?,
    );
    for idx in stack_indices(&lead) {
        let (p, l, u) = lu(&matrix_at(a.view(), &idx))?;
        ps.push(p);
        ls.push(l);
        us.push(u);
    }
    Ok((
        assemble::<T, Ix2>("lu", &lead, &[m, m], ps)?,
        assemble::<T, Ix2>("lu", &lead, &[m, k], ls)?,
        assemble::<T, Ix2>("lu", &lead, &[k, n], us)?,
    ))
}
