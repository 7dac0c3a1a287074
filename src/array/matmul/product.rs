//! `matmul` with NumPy's semantics, on [`NdArray`] and on `ndarray` arrays.

use ndarray::{ArrayD, ArrayRef, ArrayView, ArrayViewMut, Axis, Dimension, IxDyn};

use super::kernel::stacked;
use crate::array::broadcast::broadcast_shapes_for;
use crate::array::convert::Casting;
use crate::array::dynarray::NdArray;
use crate::array::{MAX_DIMS, MemOrder};
use crate::dtype::DType;
use crate::error::{Error, Result, Shape};
use crate::scalar::Scalar;

const R: &str = "matmul";
/// NumPy's signature of `matmul`, quoted in its errors.
pub(crate) const SIGNATURE: &str = "(n?,k),(k,m?)->(n?,m?)";

/// The shapes of one `matmul` call, checked.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// Broadcast leading (stack) shape the products loop over.
    pub lead: Vec<usize>,
    pub m: usize,
    pub k: usize,
    pub n: usize,
    /// `a` was 1-D (a row `1 × k` was prepended-promoted).
    pub a_vec: bool,
    /// `b` was 1-D (a column `k × 1`).
    pub b_vec: bool,
    /// The result's shape, promoted axes removed.
    pub out_shape: Vec<usize>,
}

fn missing(operand: &'static str, ndim: usize, min: usize) -> Error {
    Error::CoreDimensionsMissing {
        routine: R,
        operand,
        ndim,
        signature: SIGNATURE,
        min,
    }
}

impl Plan {
    /// Checks the input shapes (NumPy's rules and messages).
    pub(crate) fn new(a: &[usize], b: &[usize]) -> Result<Plan> {
        if a.is_empty() {
            return Err(missing("Input operand 0", 0, 1));
        }
        if b.is_empty() {
            return Err(missing("Input operand 1", 0, 1));
        }
        let (a_vec, b_vec) = (a.len() == 1, b.len() == 1);
        let (la, m, ka) = if a_vec {
            (&a[..0], 1, a[0])
        } else {
            let r = a.len() - 2;
            (&a[..r], a[r], a[r + 1])
        };
        let (lb, kb, n) = if b_vec {
            (&b[..0], b[0], 1)
        } else {
            let r = b.len() - 2;
            (&b[..r], b[r], b[r + 1])
        };
        if ka != kb {
            return Err(Error::CoreDimensionMismatch {
                routine: R,
                operand: "Input operand 1",
                dim: 0,
                signature: SIGNATURE,
                got: kb,
                expected: ka,
            });
        }
        let lead = broadcast_shapes_for(R, &[la, lb]).map_err(|e| match e {
            Error::Broadcast { .. } | Error::BroadcastMany { .. } => Error::Broadcast {
                routine: R,
                lhs: Shape(a.to_vec()),
                rhs: Shape(b.to_vec()),
            },
            e => e,
        })?;
        let mut out_shape = lead.clone();
        if !a_vec {
            out_shape.push(m);
        }
        if !b_vec {
            out_shape.push(n);
        }
        crate::array::dynarray::checked_size(R, &out_shape, 16)?;
        Ok(Plan {
            lead,
            m,
            k: ka,
            n,
            a_vec,
            b_vec,
            out_shape,
        })
    }

    /// Checks an `out` shape against the plan: the core axes must match;
    /// the leading axes may be longer than the inputs' broadcast shape if
    /// the inputs broadcast to them (NumPy's gufunc rule). The plan's
    /// stack becomes `out`'s.
    pub(crate) fn with_out(mut self, out: &[usize]) -> Result<Plan> {
        let core: Vec<usize> = [
            (!self.a_vec).then_some(self.m),
            (!self.b_vec).then_some(self.n),
        ]
        .into_iter()
        .flatten()
        .collect();
        if out.len() < core.len() {
            return Err(missing("Output operand 0", out.len(), core.len()));
        }
        let r = out.len() - core.len();
        for (i, (&got, &expected)) in out[r..].iter().zip(&core).enumerate() {
            if got != expected {
                return Err(Error::CoreDimensionMismatch {
                    routine: R,
                    operand: "Output operand 0",
                    dim: i,
                    signature: SIGNATURE,
                    got,
                    expected,
                });
            }
        }
        let lout = &out[..r];
        let fits = broadcast_shapes_for(R, &[&self.lead, lout]).is_ok_and(|s| s == lout);
        if !fits {
            let mut full = self.lead.clone();
            full.extend_from_slice(&core);
            return Err(Error::ShapeMismatch {
                routine: R,
                what: "non-broadcastable output operand: out's shape must be the broadcast shape",
                got: Shape(out.to_vec()),
                expected: Shape(full),
            });
        }
        self.lead = lout.to_vec();
        self.out_shape = out.to_vec();
        Ok(self)
    }

    /// Runs the plan on typed views: `c` has the shape `out_shape`.
    pub(crate) fn run<T: Scalar>(
        &self,
        a: ArrayView<'_, T, IxDyn>,
        b: ArrayView<'_, T, IxDyn>,
        c: ArrayViewMut<'_, T, IxDyn>,
    ) -> Result<()> {
        // 2·m·n·k per product (four times for complex): c holds batch·m·n
        // elements and k is a's last axis.
        let _profile = crate::profile::scope_flops("matmul", || {
            let k = a.shape().last().copied().unwrap_or(0);
            2.0 * c.len() as f64 * k as f64 * if T::IS_COMPLEX { 4.0 } else { 1.0 }
        });
        let a = if self.a_vec {
            a.insert_axis(Axis(0))
        } else {
            a
        };
        let b = if self.b_vec {
            b.insert_axis(Axis(1))
        } else {
            b
        };
        let mut c = c;
        let nl = self.lead.len();
        if self.a_vec {
            c = c.insert_axis(Axis(nl));
        }
        if self.b_vec {
            c = c.insert_axis(Axis(nl + 1));
        }
        let mut sa = self.lead.clone();
        sa.extend_from_slice(&[self.m, self.k]);
        let mut sb = self.lead.clone();
        sb.extend_from_slice(&[self.k, self.n]);
        let internal = || Error::Unsupported(format!("{R}: internal: broadcast of the operands"));
        let av = a.broadcast(IxDyn(&sa)).ok_or_else(internal)?;
        let bv = b.broadcast(IxDyn(&sb)).ok_or_else(internal)?;
        stacked(av, bv, c)
    }
}

/// NumPy's `matmul` on `ndarray` arrays of one element type: the product
/// of the last two axes of `a` and `b`, broadcast over the leading axes;
/// a 1-D `a` is a row (its added axis removed from the result), a 1-D `b`
/// a column. The result is a new C-order array.
///
/// Layout: as [`matmul`] (no copy of C-order, Fortran-order, transposed or
/// sub-matrix operands).
///
/// # Errors
/// As [`matmul`].
pub fn matmul_nd<T: Scalar, DA: Dimension, DB: Dimension>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
) -> Result<ArrayD<T>> {
    let plan = Plan::new(a.shape(), b.shape())?;
    let mut c: ArrayD<T> = crate::alloc::try_zeros("matmul", IxDyn(&plan.out_shape))?;
    plan.run(a.view().into_dyn(), b.view().into_dyn(), c.view_mut())?;
    Ok(c)
}

/// [`matmul_nd`] writing into `out`, which must have the result's shape
/// (or a leading shape the inputs broadcast to). Rust's borrows keep `out`
/// apart from the inputs.
///
/// # Errors
/// As [`matmul_out`].
pub fn matmul_nd_into<T: Scalar, DA: Dimension, DB: Dimension>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
    out: &mut ArrayRef<T, IxDyn>,
) -> Result<()> {
    let plan = Plan::new(a.shape(), b.shape())?.with_out(out.shape())?;
    plan.run(a.view().into_dyn(), b.view().into_dyn(), out.view_mut())
}

/// `a` in `dtype`: a view when it already is, else a copy.
pub(crate) fn as_dtype(a: &NdArray, dtype: DType) -> Result<NdArray> {
    if a.dtype() == dtype {
        Ok(a.new_view())
    } else {
        a.astype(dtype)
    }
}

/// Computes the plan into `out` (of the promoted dtype, not sharing a
/// buffer with the inputs).
fn compute(plan: &Plan, a: &NdArray, b: &NdArray, out: &mut NdArray) -> Result<()> {
    let dtype = out.dtype();
    if out.size() == 0 {
        // Nothing to write (and ndarray's debug checks reject the zero
        // strides of an empty mutable view).
        return Ok(());
    }
    let a = as_dtype(a, dtype)?;
    let b = as_dtype(b, dtype)?;
    crate::dispatch_dtype!(dtype, T => {
        let av = a.view::<T>()?;
        let bv = b.view::<T>()?;
        let mut cv = out.view_mut::<T>()?;
        plan.run::<T>(av.view(), bv.view(), cv.view_mut())
    })
}

/// NumPy's `matmul` (`a @ b`): the matrix product of the last two axes,
/// broadcast over the leading axes ("stacks").
///
/// * A 1-D `a` is promoted to a `1 × k` row, a 1-D `b` to a `k × 1`
///   column, and the added axis is removed from the result (vector @
///   vector is a 0-d array).
/// * Stacks: `(…, m, k) @ (…, k, n) → (…, m, n)`, leading axes broadcast
///   by NumPy's rule (`(2,1,3,4) @ (5,4,2) → (2,5,3,2)`).
/// * dtype: the promotion of both (`float32 @ float64 → float64`, real @
///   complex → complex). An operand of another dtype is first cast into a
///   new array (one copy of that operand).
/// * Result: a new C-order array. `k = 0` gives zeros.
///
/// Each 2-D product runs a direct kernel when small (all of `m, n, k` ≤ 16,
/// or `m·n·k` ≤ 512) and otherwise the BLAS layer's `gemm` (`gemv` when
/// `m` or `n` is 1, `dotu` for vector·vector) on views of the operands:
/// C-order, Fortran-order, transposed and sub-matrix operands are not
/// copied; matrices with non-unit strides on both axes, negative strides or
/// broadcast (zero) strides are copied by the BLAS layer. Large stacks of
/// small products run on lapis's thread pool.
///
/// # Errors
/// A 0-d operand ([`Error::CoreDimensionsMissing`]); contraction lengths
/// that differ ([`Error::CoreDimensionMismatch`], NumPy's message "Input
/// operand 1 has a mismatch in its core dimension 0, …"); leading axes that
/// do not broadcast ([`Error::Broadcast`]); [`Error::SizeOverflow`];
/// [`Error::BorrowConflict`] while an operand is mutably viewed.
pub fn matmul(a: &NdArray, b: &NdArray) -> Result<NdArray> {
    let _profile = crate::profile::scope("matmul");
    let plan = Plan::new(a.shape(), b.shape())?;
    let dtype = a.dtype().promote(b.dtype());
    let mut out = NdArray::alloc(R, dtype, &plan.out_shape, MemOrder::C, false)?;
    compute(&plan, a, b, &mut out)?;
    Ok(out)
}

/// [`matmul`] writing into `out` (NumPy's `matmul(a, b, out=out)`).
///
/// `out` must have the result's shape; as in NumPy, its leading axes may
/// also be longer than the inputs' broadcast shape when the inputs
/// broadcast to them. The result's dtype (the promotion of the inputs')
/// must cast to `out`'s under `same_kind` (complex into a real `out` is an
/// error). When `out` shares memory with an input, or its dtype differs
/// from the result's, the product is computed into a temporary and then
/// copied into `out` (as NumPy does for overlap); otherwise it is written
/// in place with the layout rules of [`matmul`] (any strides for `out`).
///
/// # Errors
/// As [`matmul`], and: [`Error::ReadOnly`]; [`Error::OverlappingOutput`]
/// for an `out` whose elements overlap (zero strides); an `out` of the
/// wrong shape ([`Error::CoreDimensionMismatch`] "Output operand 0 …",
/// [`Error::CoreDimensionsMissing`] or [`Error::ShapeMismatch`]);
/// [`Error::Cast`]. Nothing is written when an error is returned.
pub fn matmul_out(a: &NdArray, b: &NdArray, out: &mut NdArray) -> Result<()> {
    let _profile = crate::profile::scope("matmul");
    if !out.is_writable() {
        return Err(Error::ReadOnly { routine: R });
    }
    if out.has_overlap() {
        return Err(Error::OverlappingOutput {
            routine: R,
            what: "out",
            strides: out.strides().to_vec(),
        });
    }
    let plan = Plan::new(a.shape(), b.shape())?.with_out(out.shape())?;
    let dtype = a.dtype().promote(b.dtype());
    if !Casting::SameKind.allows(dtype, out.dtype()) {
        return Err(Error::Cast {
            routine: R,
            from: dtype,
            to: out.dtype(),
            casting: Casting::SameKind.name(),
        });
    }
    if out.dtype() == dtype && !out.shares_buffer(a) && !out.shares_buffer(b) {
        return compute(&plan, a, b, out);
    }
    let mut tmp = NdArray::alloc(R, dtype, out.shape(), MemOrder::C, false)?;
    compute(&plan, a, b, &mut tmp)?;
    out.copyto(&tmp, Casting::SameKind)
}

/// Whether `shape` fits [`MAX_DIMS`] (helper for callers building shapes).
pub(crate) fn check_ndim(routine: &'static str, ndim: usize) -> Result<()> {
    if ndim > MAX_DIMS {
        return Err(Error::TooManyDimensions {
            routine,
            ndim,
            max: MAX_DIMS,
        });
    }
    Ok(())
}
