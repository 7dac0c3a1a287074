//! BLAS levels 1–3 on [`NdArray`]s: one call for all four dtypes, as
//! classic HPC wrappers offer (`scal(alpha, x)` on real and complex arrays
//! alike). Each function matches the dtype once and runs the typed routine
//! of [`crate::blas`] on views of the arrays.
//!
//! * **Operands.** Vectors are 1-d arrays and matrices 2-d arrays, of any
//!   layout: C order, Fortran order, transposed, sliced, strided and
//!   negative-stride views go to BLAS without a copy where
//!   [`crate::blas`] can do so (its module docs list the copies it makes).
//!   A wrong number of dimensions is [`Error::DimensionMismatch`] naming the
//!   operand (`"gemm: b: expected a 2-dimensional array, got 1 dimensions"`).
//! * **Dtypes.** All operands must share one dtype (no promotion: BLAS
//!   runs in one precision); otherwise [`Error::DTypeMismatch`] naming the
//!   operand, `requested` being the dtype of the first array argument.
//! * **Scalars.** `alpha` and `beta` are [`Complex64`]: a complex array uses
//!   the value (rounded to `Complex32` for complex64 arrays); a real array
//!   uses `re` (rounded to `f32` for float32) and requires `im == 0`
//!   (else [`Error::InvalidArgument`] for that scalar, nothing written).
//!   Where BLAS defines a real scalar (`rscal`, `herk`'s `alpha` and `beta`,
//!   `her2k`'s `beta`) the argument is an `f64`.
//! * **Outputs** are written in place, through the array's memory (and so
//!   visible in every array viewing it). An output must be writable
//!   ([`Error::ReadOnly`]) without overlapping elements
//!   ([`Error::OverlappingOutput`]). Inputs may view the output's buffer:
//!   disjoint parts are read in place, and an input whose memory overlaps
//!   the output is copied first, so the result is as if all inputs were
//!   read before the output was written. While the call runs, the output's
//!   buffer is mutably borrowed ([`Error::BorrowConflict`] if a typed view
//!   of it is alive).
//! * **Errors** are returned before anything is written: on `Err` every
//!   output is untouched.

use num_complex::Complex64;

use super::NdArray;
use super::buffer::{MutBorrow, SharedBorrow};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::{RealScalar, Scalar};

// ---------------------------------------------------------------------------
// Argument checks, scalar conversion and buffer borrows.
// ---------------------------------------------------------------------------

/// Checks that `a` has `ndim` axes and the dtype `dtype`; `what` reads
/// `"routine: operand"` in the error message.
fn operand(what: &'static str, a: &NdArray, ndim: usize, dtype: DType) -> Result<()> {
    if a.ndim() != ndim {
        return Err(Error::DimensionMismatch {
            routine: what,
            expected: ndim,
            got: a.ndim(),
        });
    }
    if a.dtype() != dtype {
        return Err(Error::DTypeMismatch {
            routine: what,
            actual: a.dtype(),
            requested: dtype,
        });
    }
    Ok(())
}

/// A real scalar in `T`'s precision.
fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

/// `z` as an element of `T`: complex types take both parts, real types
/// take `re` and require `im == 0`.
fn scalar<T: Scalar>(routine: &'static str, what: &'static str, z: Complex64) -> Result<T> {
    if !T::IS_COMPLEX && z.im != 0.0 {
        return Err(Error::InvalidArgument {
            routine,
            what,
            reason: format!(
                "{what} = {z} is complex but the arrays are {} (a real array takes a scalar with im = 0)",
                T::DTYPE
            ),
        });
    }
    Ok(T::from_parts(real::<T>(z.re), real::<T>(z.im)))
}

/// A `T` value widened to `Complex64`.
fn widen<T: Scalar>(v: T) -> Complex64 {
    Complex64::new(v.re().to_f64_real(), v.im().to_f64_real())
}

/// The buffer borrows of one call: the mutable borrow of each output's
/// buffer (once per buffer), and a shared borrow of each input's buffer
/// that no output uses. An input over an output's buffer is covered by
/// that mutable borrow: it is only read, and the typed routines copy an
/// input that overlaps the memory they write before writing.
///
/// An input that shares *elements* with an output departs from the
/// contract of `view_mut_unchecked` (ndarray's: a mutable view's elements
/// are not aliased while it lives). It works because the typed routines
/// read such an input, to copy it, before anything is written through the
/// output view; copying it here, before the views are made, would remove
/// the exception.
struct Borrows<'a> {
    _write: [Option<MutBorrow<'a>>; 2],
    _read: [Option<SharedBorrow<'a>>; 3],
}

fn borrow<'a>(
    routine: &'static str,
    outs: &[&'a NdArray],
    ins: &[&'a NdArray],
) -> Result<Borrows<'a>> {
    let mut g = Borrows {
        _write: [None, None],
        _read: [None, None, None],
    };
    for (i, (slot, &o)) in g._write.iter_mut().zip(outs).enumerate() {
        if !outs[..i].iter().any(|p| p.shares_buffer(o)) {
            *slot = Some(o.buf.borrow_mut(routine)?);
        }
    }
    for (slot, &x) in g._read.iter_mut().zip(ins) {
        if !outs.iter().any(|o| o.shares_buffer(x)) {
            *slot = Some(x.buf.borrow_shared(routine)?);
        }
    }
    Ok(g)
}

mod level1;
mod level2;
mod level3;

pub use level1::*;
pub use level2::*;
pub use level3::*;
