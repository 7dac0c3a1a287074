//! Cholesky factorization (`?potrf`) and solves with it (`?potrs`):
//! scipy.linalg's `cholesky`, `cho_factor` and `cho_solve`, an in-place
//! variant, and the stacked form.

use crate::sys::BlasInt;
use ndarray::{Array, Array2, ArrayD, ArrayRef, ArrayRef2, ArrayRefD, Dimension, Ix2, s};

use super::lu::rhs_copy;
use super::stack::{assemble, map_stack, matrix_at, split};
use super::working_copy::{Outside, Reads, checked_fortran_copy};
use super::{check_triangle, fortran_copy, lapack_mut, square};
use crate::error::{Error, Result};
use crate::lapack::illegal_argument;
use crate::layout::{Order, check_output, copy_in_order, mat_ld};
use crate::operand::Uplo;
use crate::scalar::Scalar;

const POTRF_ARGS: &[&str] = &["uplo", "n", "a", "lda", "info"];
const POTRS_ARGS: &[&str] = &["uplo", "n", "nrhs", "a", "lda", "b", "ldb", "info"];

/// LAPACK's `info` from `?potrf` as a result.
fn potrf_result(routine: &'static str, info: BlasInt) -> Result<()> {
    match info {
        0 => Ok(()),
        i if i < 0 => Err(illegal_argument("potrf", i, POTRF_ARGS)),
        i => Err(Error::NotPositiveDefinite {
            routine,
            minor: i as usize,
        }),
    }
}

/// Factors the Fortran-order square matrix `c` in place (triangle `uplo`).
fn potrf_owned<T: Scalar>(routine: &'static str, c: &mut Array2<T>, uplo: Uplo) -> Result<()> {
    let n = c.nrows();
    if n == 0 {
        return Ok(());
    }
    let (buf, lda) = lapack_mut(c);
    // SAFETY: buf is the n × n column-major matrix with leading dimension
    // lda (n fits BlasInt: the callers checked it with `square`).
    let info = unsafe { T::potrf(uplo.lapack(), n as BlasInt, buf.as_mut_ptr(), lda) };
    potrf_result(routine, info)
}

/// Sets the triangle that does not hold the factor to zero, walking rows
/// of a row-major view and columns of any other.
fn zero_other_triangle<T: Scalar>(a: &mut ArrayRef2<T>, uplo: Uplo) {
    let n = a.nrows();
    let zero = T::zero();
    if a.strides()[1] == 1 && n > 1 {
        for i in 0..n {
            match uplo {
                Uplo::Lower => a.slice_mut(s![i, i + 1..]).fill(zero),
                Uplo::Upper => a.slice_mut(s![i, ..i]).fill(zero),
            }
        }
    } else {
        for j in 0..a.ncols() {
            match uplo {
                Uplo::Lower => a.slice_mut(s![..j.min(n), j]).fill(zero),
                Uplo::Upper => a.slice_mut(s![(j + 1).min(n).., j]).fill(zero),
            }
        }
    }
}

/// The Cholesky factor of a Hermitian (real: symmetric) positive-definite
/// matrix, as scipy.linalg.cholesky: `L` with `A = L·Lᴴ` for
/// `Uplo::Lower`, `U` with `A = Uᴴ·U` for `Uplo::Upper`. The other triangle of the result is zero.
///
/// Only the named triangle of `a` is read, and only it is checked for
/// NaN/inf (the other is assumed to be its conjugate transpose and may hold
/// anything, NaN included, as for every triangle-reading routine of
/// [`crate::linalg`]); for complex `a` the imaginary
/// parts of the diagonal are ignored, as LAPACK does. NumPy's
/// `numpy.linalg.cholesky(a)` is `cholesky(a, Uplo::Lower)`.
///
/// `a` may have any layout and is not modified; the result is a new
/// Fortran-order `n × n` array: one copy of `a`, which checks the named
/// triangle for NaN/inf and zeroes the other as it goes.
///
/// # Errors
/// `NotSquare`; `NonFinite` for NaN/inf in the named triangle of `a`
/// (diagonal included);
/// `NotPositiveDefinite { minor }` when the leading minor of order `minor`
/// (1-based) is not positive definite.
pub fn cholesky<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> Result<Array2<T>> {
    let _profile = crate::profile::scope_flops("cholesky", || {
        let n = a.nrows() as f64;
        n * n * n / 3.0 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    const R: &str = "cholesky";
    square(R, "a", a.dim())?;
    // The other triangle is zeroed by the copy: ?potrf does not touch it.
    let mut c = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Zero)?;
    potrf_owned(R, &mut c, uplo)?;
    Ok(c)
}

/// Factors `a` in place: on success `a` holds exactly what
/// [`cholesky`]`(a, uplo)` would return (the factor in the named
/// triangle, zeros in the other). SciPy's `cholesky(a, overwrite_a=True)`,
/// without its silent fall-back to a copy the caller never sees.
///
/// Layout and copies:
/// * Fortran order (column stride 1, including sub-matrix views of a
///   Fortran array): LAPACK factors the memory directly.
/// * C order (row stride 1, including sub-matrix views of a C array): the
///   memory read column-major is `S = Aᵀ`, which for Hermitian `A` is
///   `conj(A)`. LAPACK factors `S` with the other triangle: for `Lower`,
///   `S = Uₛᴴ·Uₛ` in `S`'s upper triangle, which is `A`'s lower one. Read
///   back through the transpose that triangle holds `L = Uₛᵀ`, and
///   `L·Lᴴ = Uₛᵀ·conj(Uₛ) = conj(Uₛᴴ·Uₛ) = conj(S) = A`: exactly `A`'s
///   lower Cholesky factor, with no conjugation pass (likewise for upper).
///   No copy.
/// * Any other layout (no unit stride, negative strides): a Fortran-order
///   temporary, copied back.
///
/// # Errors
/// Argument errors leave `a` untouched: `NotSquare`; `NonFinite` for
/// NaN/inf in the named triangle of `a` (the other is not read or
/// checked); `OverlappingOutput` when `a`'s elements
/// overlap in memory (a broadcast view).
///
/// `NotPositiveDefinite { minor }` leaves the named triangle partially
/// overwritten, as LAPACK leaves it, whatever the layout: its leading
/// `(minor − 1) × (minor − 1)` block holds the factor of `A`'s leading
/// block, the rest of it intermediate values; the other triangle is
/// unchanged (not zeroed).
pub fn cholesky_inplace<T: Scalar>(a: &mut ArrayRef2<T>, uplo: Uplo) -> Result<()> {
    let _profile = crate::profile::scope("cholesky_inplace");
    const R: &str = "cholesky_inplace";
    let n = square(R, "a", a.dim())?;
    check_triangle(R, "a", a, uplo)?;
    if n == 0 {
        return Ok(());
    }
    if let Some(ld) = mat_ld(a, Order::Col) {
        // SAFETY: a is n × n column-major at a.as_mut_ptr() with leading
        // dimension ld (≥ n, within BlasInt: mat_ld checked); LAPACK touches
        // only its elements.
        let info = unsafe { T::potrf(uplo.lapack(), n, a.as_mut_ptr(), ld as BlasInt) };
        potrf_result(R, info)?;
    } else if let Some(ld) = mat_ld(a, Order::Row) {
        // The transposed problem (see the doc comment): the other triangle.
        // SAFETY: as above, with the memory read as the column-major Aᵀ.
        let info = unsafe { T::potrf(uplo.flip().lapack(), n, a.as_mut_ptr(), ld as BlasInt) };
        potrf_result(R, info)?;
    } else {
        check_output(R, "a", a)?;
        let mut c = copy_in_order(R, a, Order::Col)?;
        let result = potrf_owned(R, &mut c, uplo);
        // Written back on failure too, so that every layout ends in the
        // state LAPACK leaves.
        a.assign(&c);
        result?;
    }
    zero_other_triangle(a, uplo);
    Ok(())
}

/// [`cholesky`] over a `(…, n, n)` stack: the factors, of the same shape.
///
/// # Errors
/// As [`cholesky`] (for the first failing matrix, in C order of the stack
/// index); `TooFewDimensions` for fewer than 2 axes.
pub fn cholesky_stacked<T: Scalar>(a: &ArrayRefD<T>, uplo: Uplo) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("cholesky");
    const R: &str = "cholesky";
    let (lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    let items = map_stack(R, &lead, |idx| cholesky(&matrix_at(a.view(), idx), uplo))?;
    assemble::<T, Ix2>(R, &lead, &[n, n], items)
}

/// A Cholesky factorization ready for solves (SciPy's `(c, lower)` pair
/// from `cho_factor`, with the triangle as a [`Uplo`]).
#[derive(Clone, Debug)]
pub struct ChoFactors<T> {
    c: Array2<T>,
    uplo: Uplo,
}

impl<T: Scalar> ChoFactors<T> {
    /// Wraps a Cholesky factor computed elsewhere (for example by
    /// [`cholesky`]): `c` holds it in its `uplo` triangle; the other
    /// triangle is not read. `c` is kept as it is if it
    /// is in Fortran order, else copied into it.
    ///
    /// # Errors
    /// `NotSquare`; `NonFinite` for NaN/inf in the `uplo` triangle of `c`;
    /// `Singular { index }` for a zero on the diagonal (a factor that
    /// cannot be solved with).
    pub fn new(c: Array2<T>, uplo: Uplo) -> Result<Self> {
        const R: &str = "ChoFactors::new";
        square(R, "c", c.dim())?;
        check_triangle(R, "c", &c, uplo)?;
        if let Some(index) = c.diag().iter().position(|d| *d == T::zero()) {
            return Err(Error::Singular { routine: R, index });
        }
        let c = if c.t().is_standard_layout() {
            c
        } else {
            fortran_copy(R, &c)?
        };
        Ok(ChoFactors { c, uplo })
    }

    /// The factor matrix as LAPACK left it (Fortran order): the factor in
    /// the triangle given by [`ChoFactors::uplo`]; the other triangle
    /// holds what was there before (for [`cho_factor`], the input's
    /// entries; SciPy documents it as arbitrary).
    pub fn c(&self) -> &Array2<T> {
        &self.c
    }

    /// The triangle that holds the factor: `Lower` for `A = L·Lᴴ`,
    /// `Upper` for `A = Uᴴ·U`.
    pub fn uplo(&self) -> Uplo {
        self.uplo
    }

    /// Whether the factor is lower triangular (`uplo() == Uplo::Lower`).
    pub fn lower(&self) -> bool {
        self.uplo == Uplo::Lower
    }

    /// The factor alone, with the other triangle zero (what [`cholesky`]
    /// returns).
    pub fn factor(&self) -> Array2<T> {
        let mut f = self.c.clone();
        zero_other_triangle(&mut f, self.uplo);
        f
    }

    /// The parts `(c, uplo)`.
    pub fn into_parts(self) -> (Array2<T>, Uplo) {
        (self.c, self.uplo)
    }
}

/// Factors a Hermitian positive-definite `a` for [`cho_solve`]
/// (scipy.linalg.cho_factor): only the named triangle is read, and only it
/// is overwritten in the result (see [`ChoFactors::c`]).
///
/// One Fortran-order copy of `a` is made (its triangle checked for NaN/inf
/// in the same pass); it becomes the factor.
///
/// # Errors
/// As [`cholesky`].
pub fn cho_factor<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> Result<ChoFactors<T>> {
    let _profile = crate::profile::scope_flops("cho_factor", || {
        let n = a.nrows() as f64;
        n * n * n / 3.0 * (if T::IS_COMPLEX { 4.0 } else { 1.0 })
    });
    const R: &str = "cho_factor";
    square(R, "a", a.dim())?;
    let mut c = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Copy)?;
    potrf_owned(R, &mut c, uplo)?;
    Ok(ChoFactors { c, uplo })
}

/// Solves `A·X = B` from `A`'s Cholesky factorization
/// (scipy.linalg.cho_solve); `b` is `(n,)` or `(n, k)` and the result has
/// its shape. `b` is copied once (into the solution, Fortran order).
///
/// # Errors
/// `ShapeMismatch` if `b`'s first axis is not `n`; `NonFinite` for NaN/inf
/// in `b`.
pub fn cho_solve<T: Scalar, D: Dimension>(
    factors: &ChoFactors<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    let _profile = crate::profile::scope("cho_solve");
    const R: &str = "cho_solve";
    let n = factors.c.nrows();
    let mut x = rhs_copy(R, n, b)?;
    let nrhs = if x.ndim() == 2 { x.shape()[1] } else { 1 };
    if n > 0 && nrhs > 0 {
        let nrhs = crate::layout::blas_int(R, "nrhs", nrhs)?;
        let c = factors
            .c
            .as_slice_memory_order()
            .expect("factors are Fortran-contiguous");
        let xb = x
            .as_slice_memory_order_mut()
            .expect("right-hand sides are contiguous");
        let ni = n as BlasInt;
        // SAFETY: c is n × n column-major with lda n (n fits BlasInt: checked
        // when the factors were made); xb is n × nrhs with ldb n.
        let info = unsafe { T::potrs(factors.uplo.lapack(), ni, nrhs, c, ni, xb, ni) };
        if info < 0 {
            return Err(illegal_argument("potrs", info, POTRS_ARGS));
        }
    }
    Ok(x.into_dimensionality::<D>().expect("x has b's shape"))
}
