//! Triangular solves (`?trtrs`): scipy.linalg.solve_triangular.

use crate::sys::BlasInt;
use ndarray::{Array, ArrayD, ArrayRef, ArrayRef2, ArrayRefD, Dimension, IxDyn};

use super::lu::rhs_copy;
use super::stack::{
    assemble, broadcast_shapes, item_at, matrix_at, split, stack_indices, stack_items,
};
use super::{check_strict_triangle, check_triangle, square};
use crate::error::{Error, Result, Shape};
use crate::lapack::illegal_argument;
use crate::layout::{Order, blas_int, copy_in_order, mat_ld};
use crate::operand::{Transpose, Uplo};
use crate::scalar::Scalar;

const TRTRS_ARGS: &[&str] = &[
    "uplo", "trans", "diag", "n", "nrhs", "a", "lda", "b", "ldb", "info",
];

/// Solves `op(A)·X = B` for triangular `A` (scipy.linalg.solve_triangular):
/// `A` is triangular in its `uplo` triangle; `op` is `trans`
/// (`ConjTrans` is `Trans` for real types); with `unit_diagonal` the
/// diagonal of `A` is taken to be 1 and not read. Only that triangle of
/// `a` is read, and only it is checked for NaN/inf (the other triangle,
/// and the diagonal with `unit_diagonal`, may hold anything). `b` is
/// `(n,)` or `(n, k)` and the result has its shape.
///
/// Layout and copies: `b` is copied once (into the solution, Fortran
/// order). `a` is read in place when one of its axes has unit stride:
/// Fortran order directly, C order as the transposed problem (`Aᵀ` with
/// the other triangle; `Aᴴ·X = B` becomes `Aᵀ·conj(X) = conj(B)`, two
/// conjugation passes over the solution). Other layouts of `a` (no unit
/// stride, negative strides) are copied into Fortran order.
///
/// # Errors
/// `NotSquare`; `ShapeMismatch` if `b`'s first axis is not `n`;
/// `NonFinite` for NaN/inf in the part of `a` that is read, or anywhere in
/// `b`; `Singular { index }`
/// if `A[index, index]` is zero (not with `unit_diagonal`), as SciPy's
/// "singular matrix: resolution failed at diagonal".
pub fn solve_triangular<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    uplo: Uplo,
    trans: Transpose,
    unit_diagonal: bool,
) -> Result<Array<T, D>> {
    let _profile = crate::profile::scope("solve_triangular");
    const R: &str = "solve_triangular";
    let n = square(R, "a", a.dim())? as usize;
    if unit_diagonal {
        check_strict_triangle(R, "a", a, uplo)?;
    } else {
        check_triangle(R, "a", a, uplo)?;
    }
    let mut x = rhs_copy(R, n, b)?;
    trtrs_into(R, a, uplo, trans.normalize::<T>(), unit_diagonal, &mut x)?;
    Ok(x.into_dimensionality::<D>().expect("x has b's shape"))
}

/// Overwrites the Fortran-order `(n,)` or `(n, k)` `x` with `op(A)⁻¹·x`.
fn trtrs_into<T: Scalar>(
    routine: &'static str,
    a: &ArrayRef2<T>,
    uplo: Uplo,
    trans: Transpose,
    unit_diagonal: bool,
    x: &mut ArrayD<T>,
) -> Result<()> {
    let n = a.nrows();
    if n == 0 {
        return Ok(());
    }
    let nrhs = if x.ndim() == 2 { x.shape()[1] } else { 1 };
    let ni = blas_int(routine, "n", n)?;
    let nrhs = blas_int(routine, "nrhs", nrhs)?;
    let diag = if unit_diagonal { b'U' } else { b'N' };
    let copy;
    // (pointer, lda, uplo, trans, whether to solve for conj(x))
    let (ptr, lda, up, op, conj) = if let Some(ld) = mat_ld(a, Order::Col) {
        (a.as_ptr(), ld, uplo.lapack(), trans.lapack(), false)
    } else if let Some(ld) = mat_ld(a, Order::Row) {
        // The memory read column-major is S = Aᵀ, triangular in the other
        // triangle: A·x = b is Sᵀ·x = b, Aᵀ·x = b is S·x = b, and
        // Aᴴ·x = b (conj(S)·x = b) is S·conj(x) = conj(b).
        let (op, conj) = match trans {
            Transpose::NoTrans => (b'T', false),
            Transpose::Trans => (b'N', false),
            Transpose::ConjTrans => (b'N', true),
        };
        (a.as_ptr(), ld, uplo.flip().lapack(), op, conj)
    } else {
        copy = copy_in_order(routine, a, Order::Col)?;
        (copy.as_ptr(), n, uplo.lapack(), trans.lapack(), false)
    };
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    let xb = x
        .as_slice_memory_order_mut()
        .expect("right-hand sides are contiguous");
    // SAFETY: ptr addresses the n × n column-major matrix with leading
    // dimension lda (≥ n, within BlasInt: mat_ld checked, or a contiguous copy
    // with lda n); xb is n × nrhs with ldb n. LAPACK only reads the matrix.
    let info = unsafe { T::trtrs(up, op, diag, ni, nrhs, ptr, lda as BlasInt, xb, ni) };
    if info < 0 {
        return Err(illegal_argument("trtrs", info, TRTRS_ARGS));
    }
    if info > 0 {
        return Err(Error::Singular {
            routine,
            index: info as usize - 1,
        });
    }
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    Ok(())
}

/// [`solve_triangular`] over stacks: `a` is `(…, n, n)`; `b` is `(n,)`
/// (one vector for every matrix) or `(…, n, k)`, the leading axes of `a`
/// and `b` broadcast together (the convention of [`super::solve_stacked`]).
///
/// # Errors
/// As [`solve_triangular`]; `TooFewDimensions`; `Broadcast` if the leading
/// axes do not broadcast.
pub fn solve_triangular_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    uplo: Uplo,
    trans: Transpose,
    unit_diagonal: bool,
) -> Result<ArrayD<T>> {
    let _profile = crate::profile::scope("solve_triangular");
    const R: &str = "solve_triangular";
    let (a_lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    let (lead, item_shape, item_nd) = if b.ndim() == 1 {
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
    if b.ndim() == 1 && b.len() != n {
        return Err(Error::ShapeMismatch {
            routine: R,
            what: "b",
            got: Shape(b.shape().to_vec()),
            expected: Shape(vec![n]),
        });
    }
    let mut items = stack_items(R, &lead)?;
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        let bi = if item_nd == 1 {
            b.view()
        } else {
            item_at(b.view(), &idx, 2)
        };
        items.push(solve_triangular(&ai, &bi, uplo, trans, unit_diagonal)?);
    }
    assemble::<T, IxDyn>(R, &lead, &item_shape, items)
}
