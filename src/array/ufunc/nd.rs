//! The same ufuncs on `ndarray` arrays of one element type (`f32`, `f64`,
//! `Complex32`, `Complex64`), for Rust code that keeps typed arrays: the
//! same scalar functions, broadcasting, strided engine and threads as on
//! [`NdArray`](crate::NdArray), without dtype promotion (both operands have
//! the element type `T`).
//!
//! Inputs may have any strides (negative, and zero from
//! `broadcast`); outputs given to the `_into` forms any strides. Rust's
//! borrows rule out overlap between `out` and the inputs. New results are
//! in C order, or Fortran order when the first input of the full shape is
//! Fortran-contiguous.
//!
//! ```
//! use lapis::array::ufunc::{nd, BinaryOp, UnaryOp};
//! use ndarray::array;
//!
//! let m = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
//! let row = array![10.0, 20.0, 30.0];
//! let s = nd::binary(BinaryOp::Add, &m, &row)?;
//! assert_eq!(s, array![[11.0, 22.0, 33.0], [14.0, 25.0, 36.0]].into_dyn());
//! let r = nd::unary(UnaryOp::Sqrt, &array![4.0f32, 9.0])?;
//! assert_eq!(r, array![2.0f32, 3.0]);
//! # Ok::<(), lapis::Error>(())
//! ```

use ndarray::{Array, ArrayBase, ArrayD, Data, DataMut, Dimension, IxDyn, ShapeBuilder};
use num_complex::Complex64;

use super::apply::Operand;
use super::dynamic::{binary_body, unary_body};
use super::fused::{axpby_body, madd_body};
use super::ops::{BinaryOp, UnaryOp};
use crate::array::broadcast::broadcast_shapes_for;
use crate::array::dynarray::checked_size;
use crate::error::{Error, Result, Shape};
use crate::scalar::{RealScalar, Scalar};

/// Byte strides of `a` broadcast to `shape` (already checked compatible).
fn broadcast_strides<T, S: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    shape: &[usize],
) -> Vec<isize> {
    let lead = shape.len() - a.ndim();
    let mut st = vec![0isize; shape.len()];
    for (k, (&n, &s)) in a.shape().iter().zip(a.strides()).enumerate() {
        if n == shape[lead + k] && n != 1 {
            st[lead + k] = s * size_of::<T>() as isize;
        }
    }
    st
}

fn byte_strides<T, S: Data<Elem = T>, D: Dimension>(a: &ArrayBase<S, D>) -> Vec<isize> {
    a.strides()
        .iter()
        .map(|&s| s * size_of::<T>() as isize)
        .collect()
}

/// A new uninitialized array of `shape`, F order if `fortran`.
fn new_array<O: Scalar>(
    routine: &'static str,
    shape: &[usize],
    fortran: bool,
) -> Result<Array<std::mem::MaybeUninit<O>, IxDyn>> {
    checked_size(routine, shape, size_of::<O>())?;
    Ok(Array::uninit(IxDyn(shape).set_f(fortran)))
}

fn is_fortran<T, S: Data<Elem = T>, D: Dimension>(a: &ArrayBase<S, D>) -> bool {
    a.ndim() > 1 && a.t().is_standard_layout() && !a.is_standard_layout()
}

/// `out`'s dtype must be `want`, its shape `shape`.
fn check_out<O: Scalar, So: Data<Elem = O>, Do: Dimension>(
    routine: &'static str,
    out: &ArrayBase<So, Do>,
    shape: &[usize],
    want: crate::DType,
) -> Result<()> {
    if O::DTYPE != want {
        return Err(Error::Cast {
            routine,
            from: want,
            to: O::DTYPE,
            casting: "no",
        });
    }
    if out.shape() != shape {
        return Err(Error::OutputShape {
            routine,
            out: Shape(out.shape().to_vec()),
            expected: Shape(shape.to_vec()),
        });
    }
    Ok(())
}

/// Runs `body` writing a new array of `shape` with element `O`.
fn fresh<O: Scalar>(
    routine: &'static str,
    shape: &[usize],
    fortran: bool,
    body: impl FnOnce(Operand<'_>),
) -> Result<ArrayD<O>> {
    let mut res = new_array::<O>(routine, shape, fortran)?;
    let st: Vec<isize> = res
        .strides()
        .iter()
        .map(|&s| s * size_of::<O>() as isize)
        .collect();
    body(Operand {
        ptr: res.as_mut_ptr() as *mut u8,
        strides: &st,
    });
    // SAFETY: `body` wrote every element (the engine visits each index of
    // `shape` once).
    Ok(unsafe { res.assume_init() })
}

/// `op(a)` into a new array of the same shape, for ops whose result has
/// `a`'s element type (all but `abs`/`real`/`imag`/`angle` of complex
/// input: use [`unary_real`] for those).
///
/// # Errors
/// [`Error::UfuncType`] for a real-only op on complex input;
/// [`Error::Cast`] for an op with a real result on complex input.
pub fn unary<T: Scalar, S: Data<Elem = T>, D: Dimension>(
    op: UnaryOp,
    a: &ArrayBase<S, D>,
) -> Result<Array<T, D>> {
    let r = unary_any::<T, T, S, D>(op, a)?;
    r.into_dimensionality::<D>()
        .map_err(|e| Error::Unsupported(format!("{}: {e}", op.name())))
}

/// `op(a)` for ops with a real result (`abs`, `real`, `imag`, `angle`; any
/// op on real input).
///
/// # Errors
/// [`Error::Cast`] when the op's result is complex.
pub fn unary_real<T: Scalar, S: Data<Elem = T>, D: Dimension>(
    op: UnaryOp,
    a: &ArrayBase<S, D>,
) -> Result<Array<T::Real, D>> {
    let r = unary_any::<T, T::Real, S, D>(op, a)?;
    r.into_dimensionality::<D>()
        .map_err(|e| Error::Unsupported(format!("{}: {e}", op.name())))
}

fn unary_any<T: Scalar, O: Scalar, S: Data<Elem = T>, D: Dimension>(
    op: UnaryOp,
    a: &ArrayBase<S, D>,
) -> Result<ArrayD<O>> {
    op.check(T::DTYPE)?;
    let want = op.result_dtype(T::DTYPE);
    if O::DTYPE != want {
        return Err(Error::Cast {
            routine: op.name(),
            from: want,
            to: O::DTYPE,
            casting: "no",
        });
    }
    let shape = a.shape().to_vec();
    let sa = byte_strides(a);
    fresh::<O>(op.name(), &shape, is_fortran(a), |o| {
        let x = Operand {
            ptr: a.as_ptr() as *mut u8,
            strides: &sa,
        };
        // SAFETY: `o` is a new array of `shape` with the result dtype; `x`
        // is `a`'s memory, read only.
        unsafe { unary_body(op, T::DTYPE, &shape, o, x) }
    })
}

/// `op(a)` written into `out` (same shape; `out`'s element type must be
/// the op's result type exactly: `T`, or `T::Real` for `abs`/`real`/
/// `imag`/`angle` of complex input).
///
/// # Errors
/// [`Error::UfuncType`], [`Error::Cast`], [`Error::OutputShape`]; `out` is
/// untouched on error.
pub fn unary_into<T, O, S, So, D, Do>(
    op: UnaryOp,
    a: &ArrayBase<S, D>,
    out: &mut ArrayBase<So, Do>,
) -> Result<()>
where
    T: Scalar,
    O: Scalar,
    S: Data<Elem = T>,
    So: DataMut<Elem = O>,
    D: Dimension,
    Do: Dimension,
{
    op.check(T::DTYPE)?;
    check_out(op.name(), out, a.shape(), op.result_dtype(T::DTYPE))?;
    let (sa, so) = (byte_strides(a), byte_strides(out));
    let shape = a.shape().to_vec();
    let x = Operand {
        ptr: a.as_ptr() as *mut u8,
        strides: &sa,
    };
    let o = Operand {
        ptr: out.as_mut_ptr() as *mut u8,
        strides: &so,
    };
    // SAFETY: `out` is exclusively borrowed, of `shape`, with the result
    // dtype, and its elements are distinct (ndarray's invariant for
    // mutable arrays); `a` cannot alias it.
    unsafe { unary_body(op, T::DTYPE, &shape, o, x) };
    Ok(())
}

/// `op(a, b)` with broadcasting into a new array.
///
/// # Errors
/// [`Error::Broadcast`] naming both shapes; [`Error::UfuncType`] for a
/// real-only op on complex input.
pub fn binary<T, S1, S2, D1, D2>(
    op: BinaryOp,
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
) -> Result<ArrayD<T>>
where
    T: Scalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    op.check(T::DTYPE)?;
    let shape = broadcast_shapes_for(op.name(), &[a.shape(), b.shape()])?;
    let (sa, sb) = (broadcast_strides(a, &shape), broadcast_strides(b, &shape));
    let fortran = (a.shape() == shape && is_fortran(a)) || (a.shape() != shape && is_fortran(b));
    fresh::<T>(op.name(), &shape, fortran, |o| {
        let ab = [
            Operand {
                ptr: a.as_ptr() as *mut u8,
                strides: &sa,
            },
            Operand {
                ptr: b.as_ptr() as *mut u8,
                strides: &sb,
            },
        ];
        // SAFETY: `o` is new; the inputs are read only over their
        // broadcast strides.
        unsafe { binary_body(op, T::DTYPE, &shape, o, ab) }
    })
}

/// `op(a, b)` with broadcasting written into `out` (of the broadcast
/// shape and element type `T`).
///
/// # Errors
/// As [`binary`], plus [`Error::OutputShape`]; `out` is untouched on
/// error.
pub fn binary_into<T, S1, S2, So, D1, D2, Do>(
    op: BinaryOp,
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    out: &mut ArrayBase<So, Do>,
) -> Result<()>
where
    T: Scalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    So: DataMut<Elem = T>,
    D1: Dimension,
    D2: Dimension,
    Do: Dimension,
{
    op.check(T::DTYPE)?;
    let shape = broadcast_shapes_for(op.name(), &[a.shape(), b.shape()])?;
    check_out(op.name(), out, &shape, T::DTYPE)?;
    let (sa, sb, so) = (
        broadcast_strides(a, &shape),
        broadcast_strides(b, &shape),
        byte_strides(out),
    );
    let ab = [
        Operand {
            ptr: a.as_ptr() as *mut u8,
            strides: &sa,
        },
        Operand {
            ptr: b.as_ptr() as *mut u8,
            strides: &sb,
        },
    ];
    let o = Operand {
        ptr: out.as_mut_ptr() as *mut u8,
        strides: &so,
    };
    // SAFETY: as in `unary_into`.
    unsafe { binary_body(op, T::DTYPE, &shape, o, ab) };
    Ok(())
}

/// `a·b + c` with three-way broadcasting, in one pass (see
/// [`multiply_add`](super::multiply_add)).
///
/// # Errors
/// [`Error::BroadcastMany`] naming the three shapes.
pub fn multiply_add<T, S1, S2, S3, D1, D2, D3>(
    a: &ArrayBase<S1, D1>,
    b: &ArrayBase<S2, D2>,
    c: &ArrayBase<S3, D3>,
) -> Result<ArrayD<T>>
where
    T: Scalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    S3: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
    D3: Dimension,
{
    const R: &str = "multiply_add";
    let shape = broadcast_shapes_for(R, &[a.shape(), b.shape(), c.shape()])?;
    let st = [
        broadcast_strides(a, &shape),
        broadcast_strides(b, &shape),
        broadcast_strides(c, &shape),
    ];
    let ptrs = [
        a.as_ptr() as *mut u8,
        b.as_ptr() as *mut u8,
        c.as_ptr() as *mut u8,
    ];
    fresh::<T>(R, &shape, a.shape() == shape && is_fortran(a), |o| {
        let abc: [Operand<'_>; 3] = std::array::from_fn(|k| Operand {
            ptr: ptrs[k],
            strides: &st[k],
        });
        // SAFETY: as in `binary`.
        unsafe { madd_body(T::DTYPE, &shape, o, abc) }
    })
}

/// `α·x + β·y` with broadcasting, in one pass (see
/// [`axpby`](super::axpby)).
///
/// # Errors
/// [`Error::Broadcast`].
pub fn axpby<T, S1, S2, D1, D2>(
    alpha: T,
    x: &ArrayBase<S1, D1>,
    beta: T,
    y: &ArrayBase<S2, D2>,
) -> Result<ArrayD<T>>
where
    T: Scalar,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
    D1: Dimension,
    D2: Dimension,
{
    const R: &str = "axpby";
    let shape = broadcast_shapes_for(R, &[x.shape(), y.shape()])?;
    let (sx, sy) = (broadcast_strides(x, &shape), broadcast_strides(y, &shape));
    let c = |v: T| Complex64::new(v.re().to_f64_real(), v.im().to_f64_real());
    fresh::<T>(R, &shape, x.shape() == shape && is_fortran(x), |o| {
        let xy = [
            Operand {
                ptr: x.as_ptr() as *mut u8,
                strides: &sx,
            },
            Operand {
                ptr: y.as_ptr() as *mut u8,
                strides: &sy,
            },
        ];
        // SAFETY: as in `binary`; α and β convert exactly (f32 → f64 → f32).
        unsafe { axpby_body(c(alpha), c(beta), T::DTYPE, &shape, o, xy) }
    })
}
