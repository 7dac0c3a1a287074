//! `dot`, `vdot`, `inner`, `outer`, `tensordot`, `kron` and `trace`, with
//! NumPy's semantics, built on [`matmul`] (views, reshapes and the BLAS
//! layer; copies only where a reshape cannot be a view).

use super::product::{as_dtype, matmul};
use crate::array::dynarray::{NdArray, normalize_axis};
use crate::array::{MAX_DIMS, MemOrder};
use crate::error::{Error, Result, Shape};

/// Which axes [`tensordot`] sums over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TensorAxes {
    /// The last `n` axes of `a` with the first `n` of `b`, in order
    /// (NumPy's `axes=n`).
    Count(usize),
    /// `a`'s axes `.0[i]` with `b`'s axes `.1[i]` (NumPy's
    /// `axes=([…], […])`; negative axes count from the end).
    Pairs(Vec<isize>, Vec<isize>),
}

impl From<usize> for TensorAxes {
    fn from(n: usize) -> Self {
        TensorAxes::Count(n)
    }
}

impl<const N: usize> From<([isize; N], [isize; N])> for TensorAxes {
    /// `([a axes], [b axes])`, as NumPy's `axes=([…], […])`.
    fn from((a, b): ([isize; N], [isize; N])) -> Self {
        TensorAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

impl From<(&[isize], &[isize])> for TensorAxes {
    fn from((a, b): (&[isize], &[isize])) -> Self {
        TensorAxes::Pairs(a.to_vec(), b.to_vec())
    }
}

fn ishape(shape: &[usize]) -> Vec<isize> {
    shape.iter().map(|&n| n as isize).collect()
}

/// `x` scaled by the 0-d array `s` (NumPy's product with a scalar), a new
/// C-order array of the promoted dtype.
fn scale(s: &NdArray, x: &NdArray) -> Result<NdArray> {
    let dtype = s.dtype().promote(x.dtype());
    let s = as_dtype(s, dtype)?;
    let mut out = as_dtype(x, dtype)?.copy(MemOrder::C)?;
    if out.size() == 0 {
        return Ok(out);
    }
    crate::dispatch_dtype!(dtype, T => {
        let v: T = s.item::<T>(&[])?;
        let mut o = out.view_mut::<T>()?;
        o.map_inplace(|e| *e *= v);
    });
    Ok(out)
}

fn not_aligned(routine: &'static str, a: &NdArray, da: usize, b: &NdArray, db: usize) -> Error {
    Error::NotAligned {
        routine,
        lhs: Shape(a.shape().to_vec()),
        rhs: Shape(b.shape().to_vec()),
        lhs_dim: da,
        lhs_len: a.shape()[da],
        rhs_dim: db,
        rhs_len: b.shape()[db],
    }
}

/// NumPy's `dot`: for 1-D operands the inner product (a 0-d array), for
/// 2-D the matrix product, for a 0-d operand the product with that
/// scalar, for N-D · 1-D the sum over the last axes, and for N-D · M-D
/// (`M ≥ 2`) the sum over the last axis of `a` and the second-to-last of
/// `b`: `dot(a, b)[i,j,k,m] = Σ a[i,j,:]·b[k,:,m]`, shape
/// `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`.
///
/// Runs [`matmul`] (zero-copy BLAS dispatch) when both operands have at
/// most 2 axes or one is 1-D, else [`tensordot`] (which may copy to
/// reshape). Result dtype: the promotion of both. No conjugation.
///
/// # Errors
/// Summed axes of different lengths ([`Error::NotAligned`], NumPy's
/// "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)"); as
/// [`matmul`].
pub fn dot(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    const R: &str = "dot";
    if a.ndim() == 0 {
        return scale(a, b);
    }
    if b.ndim() == 0 {
        return scale(b, a);
    }
    let da = a.ndim() - 1;
    let db = if b.ndim() == 1 { 0 } else { b.ndim() - 2 };
    if a.shape()[da] != b.shape()[db] {
        return Err(not_aligned(R, a, da, b, db));
    }
    if (a.ndim() <= 2 && b.ndim() <= 2) || a.ndim() == 1 || b.ndim() == 1 {
        matmul(a, b)
    } else {
        tensordot(
            a,
            b,
            TensorAxes::Pairs(vec![da as isize], vec![db as isize]),
        )
    }
}

/// NumPy's `vdot`: `Σ conj(aᵢ)·bᵢ` over both arrays flattened in C order
/// (they need the same size, not the same shape), as a 0-d array of the
/// promoted dtype. Only the first argument is conjugated.
///
/// Contiguous operands are read in place by BLAS `?dotc`; others are first
/// flattened into a copy.
///
/// # Errors
/// Different sizes ([`Error::ShapeMismatch`]); [`Error::BorrowConflict`].
pub fn vdot(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    const R: &str = "vdot";
    if a.size() != b.size() {
        return Err(Error::ShapeMismatch {
            routine: R,
            what: "a and b must have the same number of elements",
            got: Shape(b.shape().to_vec()),
            expected: Shape(a.shape().to_vec()),
        });
    }
    let dtype = a.dtype().promote(b.dtype());
    let x = as_dtype(a, dtype)?.ravel(MemOrder::C)?;
    let y = as_dtype(b, dtype)?.ravel(MemOrder::C)?;
    crate::dispatch_dtype!(dtype, T => {
        let xv = x.view_dim::<T, ndarray::Ix1>()?;
        let yv = y.view_dim::<T, ndarray::Ix1>()?;
        let v: T = crate::blas::vdot(&xv, &yv)?;
        Ok(crate::array::from_scalar(v))
    })
}

/// NumPy's `inner`: the sum over the last axes of both,
/// `inner(a, b)[i…, j…] = Σ a[i…, :]·b[j…, :]`, shape `a.shape[:-1] +
/// b.shape[:-1]`; for a 0-d operand the product with that scalar. No
/// conjugation.
///
/// # Errors
/// Last axes of different lengths ([`Error::NotAligned`]); as [`tensordot`].
pub fn inner(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    if a.ndim() == 0 {
        return scale(a, b);
    }
    if b.ndim() == 0 {
        return scale(b, a);
    }
    let (da, db) = (a.ndim() - 1, b.ndim() - 1);
    if a.shape()[da] != b.shape()[db] {
        return Err(not_aligned("inner", a, da, b, db));
    }
    tensordot(a, b, TensorAxes::Pairs(vec![-1], vec![-1]))
}

/// NumPy's `outer`: `out[i, j] = a.flat[i]·b.flat[j]` (C-order
/// flattening, no conjugation), shape `(a.size, b.size)`, the promoted
/// dtype. Computed as a `k = 1` [`matmul`].
///
/// # Errors
/// As [`matmul`].
pub fn outer(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    let x = a.reshape(&[-1, 1])?;
    let y = b.reshape(&[1, -1])?;
    matmul(&x, &y)
}

/// NumPy's `tensordot`: sums the products of `a` and `b` over the given
/// axis pairs; the result's axes are `a`'s remaining axes followed by
/// `b`'s, in order.
///
/// Both operands are permuted (views) and reshaped to matrices — a copy
/// when the permuted operand is not contiguous in that order — and
/// multiplied by [`matmul`].
///
/// # Errors
/// `Count(n)` with `n` greater than either operand's number of axes, or
/// `Pairs` lists of different lengths ([`Error::InvalidArgument`]);
/// [`Error::AxisOutOfRange`]; [`Error::RepeatedAxis`]; summed axes of
/// different lengths ([`Error::ShapeMismatch`], NumPy's "shape-mismatch
/// for sum"); as [`matmul`].
pub fn tensordot(a: &NdArray, b: &NdArray, axes: impl Into<TensorAxes>) -> Result<NdArray> {
    const R: &str = "tensordot";
    let (na, nb) = (a.ndim(), b.ndim());
    let (sa, sb): (Vec<usize>, Vec<usize>) = match axes.into() {
        TensorAxes::Count(n) => {
            if n > na || n > nb {
                return Err(Error::InvalidArgument {
                    routine: R,
                    what: "axes",
                    reason: format!(
                        "cannot sum over {n} axes of arrays with {na} and {nb} dimensions"
                    ),
                });
            }
            ((na - n..na).collect(), (0..n).collect())
        }
        TensorAxes::Pairs(xa, xb) => {
            if xa.len() != xb.len() {
                return Err(Error::InvalidArgument {
                    routine: R,
                    what: "axes",
                    reason: format!(
                        "the axis lists have different lengths ({} and {})",
                        xa.len(),
                        xb.len()
                    ),
                });
            }
            let norm = |xs: &[isize], nd: usize| -> Result<Vec<usize>> {
                let mut seen = [false; MAX_DIMS];
                xs.iter()
                    .map(|&x| {
                        let k = normalize_axis(R, x, nd)?;
                        if seen[k] {
                            return Err(Error::RepeatedAxis {
                                routine: R,
                                axis: x,
                            });
                        }
                        seen[k] = true;
                        Ok(k)
                    })
                    .collect()
            };
            (norm(&xa, na)?, norm(&xb, nb)?)
        }
    };
    if sa
        .iter()
        .zip(&sb)
        .any(|(&i, &j)| a.shape()[i] != b.shape()[j])
    {
        return Err(Error::ShapeMismatch {
            routine: R,
            what: "shape-mismatch for sum",
            got: Shape(sb.iter().map(|&j| b.shape()[j]).collect()),
            expected: Shape(sa.iter().map(|&i| a.shape()[i]).collect()),
        });
    }
    let free_a: Vec<usize> = (0..na).filter(|k| !sa.contains(k)).collect();
    let free_b: Vec<usize> = (0..nb).filter(|k| !sb.contains(k)).collect();
    let perm_a: Vec<isize> = free_a.iter().chain(&sa).map(|&k| k as isize).collect();
    let perm_b: Vec<isize> = sb.iter().chain(&free_b).map(|&k| k as isize).collect();
    let kdim: usize = sa.iter().map(|&i| a.shape()[i]).product();
    let mdim: usize = free_a.iter().map(|&i| a.shape()[i]).product();
    let ndim_: usize = free_b.iter().map(|&i| b.shape()[i]).product();
    let a2 = a
        .permute_axes(&perm_a)?
        .reshape(&[mdim as isize, kdim as isize])?;
    let b2 = b
        .permute_axes(&perm_b)?
        .reshape(&[kdim as isize, ndim_ as isize])?;
    let c = matmul(&a2, &b2)?;
    let mut shape: Vec<isize> = free_a.iter().map(|&i| a.shape()[i] as isize).collect();
    shape.extend(free_b.iter().map(|&i| b.shape()[i] as isize));
    c.reshape(&shape)
}

/// NumPy's `kron`, the Kronecker product: with both shapes padded to the
/// same number of axes by leading 1s, `out` has shape `a.shape ·
/// b.shape` (elementwise) and `out[i·bₛ + j] = a[i]·b[j]` along every axis.
/// A new C-order array of the promoted dtype (one outer product, then one
/// copy to interleave the axes).
///
/// # Errors
/// More than 16 axes ([`Error::TooManyDimensions`], the intermediate has
/// twice as many); as [`matmul`].
pub fn kron(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    let nd = a.ndim().max(b.ndim());
    super::product::check_ndim("kron", 2 * nd)?;
    let pad = |x: &NdArray| -> Vec<usize> {
        let mut s = vec![1; nd - x.ndim()];
        s.extend_from_slice(x.shape());
        s
    };
    let (pa, pb) = (pad(a), pad(b));
    let o = outer(a, b)?;
    let mut both = ishape(&pa);
    both.extend(ishape(&pb));
    let o = o.reshape(&both)?;
    let perm: Vec<isize> = (0..nd)
        .flat_map(|k| [k as isize, (nd + k) as isize])
        .collect();
    let shape: Vec<isize> = pa
        .iter()
        .zip(&pb)
        .map(|(&x, &y)| (x * y) as isize)
        .collect();
    o.permute_axes(&perm)?.reshape(&shape)
}

/// The sums of `x` over its last axis (a [`matmul`] with a vector of ones).
pub(crate) fn sum_last(x: &NdArray) -> Result<NdArray> {
    let len = x.shape().last().copied().unwrap_or(1);
    let ones = crate::array::ones(&[len], x.dtype())?;
    if x.ndim() == 0 {
        return x.copy(MemOrder::C);
    }
    matmul(x, &ones)
}

/// NumPy's `trace`: the sum of the diagonal `a[…, i, i + offset]` in the
/// plane of `axis1` and `axis2`, for every index of the other axes (a 0-d
/// array for a 2-D `a`). Same dtype as `a`; no copy of `a` (the diagonal is
/// a view, summed by BLAS or the direct kernel).
///
/// # Errors
/// Fewer than 2 axes ([`Error::TooFewDimensions`]); [`Error::AxisOutOfRange`];
/// equal axes ([`Error::InvalidArgument`]).
pub fn trace(a: &NdArray, offset: isize, axis1: isize, axis2: isize) -> Result<NdArray> {
    let d = a.diagonal(offset, axis1, axis2).map_err(|e| match e {
        Error::TooFewDimensions {
            min, shape, what, ..
        } => Error::TooFewDimensions {
            routine: "trace",
            what,
            min,
            shape,
        },
        e => e,
    })?;
    sum_last(&d)
}
