//! The ufuncs on [`NdArray`]: [`unary`], [`binary`] and their `_out` and
//! `_inplace` forms, dispatched once per call on the dtype.

use num_complex::Complex;

use super::apply::{self, Operand, PARALLEL_MIN_CHEAP, PARALLEL_MIN_COSTLY};
use super::kernels;
use super::math::{Math, RealMath};
use super::ops::{BinaryOp, UnaryOp};
use crate::array::NdArray;
use crate::dtype::DType;
use crate::error::Result;

/// Runs a `T → O` function over rows.
///
/// # Safety
/// As [`apply::drive`]; `o` holds `O` elements and `a` holds `A` elements.
unsafe fn unary_loop<A: Copy + Send + Sync, O: Copy + Send + Sync>(
    shape: &[usize],
    o: Operand<'_>,
    a: Operand<'_>,
    parallel_min: usize,
    f: impl Fn(A) -> O + Sync,
) {
    // SAFETY: the engine calls `row` only inside `drive` below, with one row (or
    // piece of a row) of the operands our caller vouches for, never empty
    // (`run` skips empty shapes): `n ≥ 1` valid elements at those pointers and
    // byte strides, `O`s in the output and `A`s in the input, aliasing exactly
    // or not at all: `unary`'s contract.
    let row = |n, p, s| unsafe { kernels::unary_mv(n, p, s, &f) };
    // SAFETY: our contract is `drive`'s, and `row` reads `A`s and writes `O`s as
    // the operands hold.
    unsafe { apply::drive(shape, [o, a], parallel_min, &row) }
}

/// # Safety
/// As [`apply::drive`]; all operands hold `T` elements.
unsafe fn binary_loop<T: Copy + Send + Sync>(
    shape: &[usize],
    o: Operand<'_>,
    [a, b]: [Operand<'_>; 2],
    parallel_min: usize,
    f: impl Fn(T, T) -> T + Sync,
) {
    // SAFETY: as in `unary_loop`: `row` gets one row of the operands our caller
    // vouches for, all holding `T`s: `binary`'s contract.
    let row = |n, p, s| unsafe { kernels::binary_mv(n, p, s, &f) };
    // SAFETY: our contract is `drive`'s, and `row` reads and writes `T`s as the
    // operands hold.
    unsafe { apply::drive(shape, [o, a, b], parallel_min, &row) }
}

/// The body of a unary op on element type `T`.
///
/// # Safety
/// As [`apply::drive`]; `o` holds `op.result_dtype(T)` elements.
unsafe fn unary_typed<T: Math>(op: UnaryOp, shape: &[usize], o: Operand<'_>, a: Operand<'_>) {
    use UnaryOp::*;
    let (c, e) = (PARALLEL_MIN_CHEAP, PARALLEL_MIN_COSTLY);
    // SAFETY: `a` holds `T`s and `o` holds `op.result_dtype(T)`s; each arm's
    // function returns that type (`T::Real` for `Abs`, `Real`, `Imag` and
    // `Angle`, else `T`), so `unary_loop`'s contract holds.
    unsafe {
        match op {
            Negative => unary_loop(shape, o, a, c, <T as Math>::neg),
            Abs => unary_loop(shape, o, a, c, <T as Math>::absval),
            Sqrt => unary_loop(shape, o, a, e, <T as Math>::sqrt),
            Square => unary_loop(shape, o, a, c, <T as Math>::square),
            Reciprocal => unary_loop(shape, o, a, c, <T as Math>::reciprocal),
            Exp => unary_loop(shape, o, a, e, <T as Math>::exp),
            Expm1 => unary_loop(shape, o, a, e, <T as Math>::expm1),
            Log => unary_loop(shape, o, a, e, <T as Math>::ln),
            Log1p => unary_loop(shape, o, a, e, <T as Math>::ln1p),
            Log10 => unary_loop(shape, o, a, e, <T as Math>::log10),
            Log2 => unary_loop(shape, o, a, e, <T as Math>::log2),
            Sin => unary_loop(shape, o, a, e, <T as Math>::sin),
            Cos => unary_loop(shape, o, a, e, <T as Math>::cos),
            Tan => unary_loop(shape, o, a, e, <T as Math>::tan),
            Arcsin => unary_loop(shape, o, a, e, <T as Math>::asin),
            Arccos => unary_loop(shape, o, a, e, <T as Math>::acos),
            Arctan => unary_loop(shape, o, a, e, <T as Math>::atan),
            Sinh => unary_loop(shape, o, a, e, <T as Math>::sinh),
            Cosh => unary_loop(shape, o, a, e, <T as Math>::cosh),
            Tanh => unary_loop(shape, o, a, e, <T as Math>::tanh),
            Conj => unary_loop(shape, o, a, c, <T as Math>::conj),
            Real => unary_loop(shape, o, a, c, |x: T| x.re()),
            Imag => unary_loop(shape, o, a, c, |x: T| x.im()),
            Angle => unary_loop(shape, o, a, e, <T as Math>::angle),
            Sign => unary_loop(shape, o, a, c, <T as Math>::sign),
            // Real-only ops reach `unary_real`.
            Floor | Ceil | Round => unreachable_real_only(),
        }
    }
}

/// Real-only ops are routed by dtype before reaching the generic body.
#[cold]
fn unreachable_real_only() {
    debug_assert!(false, "real-only ufunc dispatched on a complex dtype");
}

/// # Safety
/// As [`unary_typed`].
unsafe fn unary_real<T: RealMath>(op: UnaryOp, shape: &[usize], o: Operand<'_>, a: Operand<'_>) {
    let c = PARALLEL_MIN_CHEAP;
    // SAFETY: the three arms map `T → T`, as `o` holds for them; the rest is
    // `unary_typed` under our (its) contract.
    unsafe {
        match op {
            UnaryOp::Floor => unary_loop(shape, o, a, c, <T as RealMath>::floor),
            UnaryOp::Ceil => unary_loop(shape, o, a, c, <T as RealMath>::ceil),
            UnaryOp::Round => unary_loop(shape, o, a, c, <T as RealMath>::round),
            _ => unary_typed::<T>(op, shape, o, a),
        }
    }
}

/// # Safety
/// As [`apply::drive`]; all operands hold `T` elements.
unsafe fn binary_typed<T: Math>(
    op: BinaryOp,
    shape: &[usize],
    o: Operand<'_>,
    ab: [Operand<'_>; 2],
) {
    use BinaryOp::*;
    let (c, e) = (PARALLEL_MIN_CHEAP, PARALLEL_MIN_COSTLY);
    let costly = if T::IS_COMPLEX { e } else { c };
    // SAFETY: every arm maps `(T, T) → T`, the element type of all operands
    // (binary results keep the input dtype): `binary_loop`'s contract.
    unsafe {
        match op {
            Add => binary_loop(shape, o, ab, c, <T as Math>::add),
            Subtract => binary_loop(shape, o, ab, c, <T as Math>::sub),
            Multiply => binary_loop(shape, o, ab, c, <T as Math>::mul),
            Divide => binary_loop(shape, o, ab, costly, <T as Math>::div),
            Power => binary_loop(shape, o, ab, e, <T as Math>::pow),
            Maximum => binary_loop(shape, o, ab, c, <T as Math>::maximum),
            Minimum => binary_loop(shape, o, ab, c, <T as Math>::minimum),
            Fmax => binary_loop(shape, o, ab, c, <T as Math>::fmax),
            Fmin => binary_loop(shape, o, ab, c, <T as Math>::fmin),
            Arctan2 | Hypot | Copysign => unreachable_real_only(),
        }
    }
}

/// # Safety
/// As [`apply::drive`]; all operands hold `T` elements.
unsafe fn binary_real<T: RealMath>(
    op: BinaryOp,
    shape: &[usize],
    o: Operand<'_>,
    ab: [Operand<'_>; 2],
) {
    let e = PARALLEL_MIN_COSTLY;
    // SAFETY: as in `binary_typed`: every arm maps `(T, T) → T`.
    unsafe {
        match op {
            BinaryOp::Arctan2 => binary_loop(shape, o, ab, e, <T as RealMath>::atan2),
            BinaryOp::Hypot => binary_loop(shape, o, ab, e, <T as RealMath>::hypot),
            BinaryOp::Copysign => {
                binary_loop(shape, o, ab, PARALLEL_MIN_CHEAP, <T as RealMath>::copysign)
            }
            _ => binary_typed::<T>(op, shape, o, ab),
        }
    }
}

/// Runs unary `op` on elements of `dt` (checked by `op.check(dt)`).
///
/// # Safety
/// As [`apply::drive`]; `o` holds `op.result_dtype(dt)` elements, `x`
/// holds `dt` elements.
pub(crate) unsafe fn unary_body(
    op: UnaryOp,
    dt: DType,
    shape: &[usize],
    o: Operand<'_>,
    x: Operand<'_>,
) {
    // SAFETY: `dt` is the Rust type picked in each arm, so our contract is
    // `unary_real`'s or `unary_typed`'s for that type.
    unsafe {
        match dt {
            DType::F32 => unary_real::<f32>(op, shape, o, x),
            DType::F64 => unary_real::<f64>(op, shape, o, x),
            DType::C64 => unary_typed::<Complex<f32>>(op, shape, o, x),
            DType::C128 => unary_typed::<Complex<f64>>(op, shape, o, x),
        }
    }
}

/// Runs binary `op` on elements of `dt` (checked by `op.check(dt)`).
///
/// # Safety
/// As [`apply::drive`]; all operands hold `dt` elements.
pub(crate) unsafe fn binary_body(
    op: BinaryOp,
    dt: DType,
    shape: &[usize],
    o: Operand<'_>,
    ab: [Operand<'_>; 2],
) {
    // SAFETY: `dt` is the Rust type picked in each arm, so our contract is
    // `binary_real`'s or `binary_typed`'s for that type.
    unsafe {
        match dt {
            DType::F32 => binary_real::<f32>(op, shape, o, ab),
            DType::F64 => binary_real::<f64>(op, shape, o, ab),
            DType::C64 => binary_typed::<Complex<f32>>(op, shape, o, ab),
            DType::C128 => binary_typed::<Complex<f64>>(op, shape, o, ab),
        }
    }
}

fn unary_impl(op: UnaryOp, a: &NdArray, out: Option<&mut NdArray>) -> Result<Option<NdArray>> {
    op.check(a.dtype)?;
    let dt = a.dtype;
    apply::run(
        op.name(),
        [a],
        dt,
        op.result_dtype(dt),
        out,
        |shape, o, [x]| {
            // SAFETY: `apply::run` hands out operands valid over `shape`, the
            // output exclusive and of the result dtype.
            unsafe { unary_body(op, dt, shape, o, x) }
        },
    )
}

fn binary_impl(
    op: BinaryOp,
    a: &NdArray,
    b: &NdArray,
    out: Option<&mut NdArray>,
) -> Result<Option<NdArray>> {
    let dt = a.dtype.promote(b.dtype);
    op.check(dt)?;
    apply::run(op.name(), [a, b], dt, dt, out, |shape, o, ab| {
        // SAFETY: as in `unary_impl`.
        unsafe { binary_body(op, dt, shape, o, ab) }
    })
}

/// The array `apply::run` returns when no `out` is given.
pub(crate) fn new_array(r: Option<NdArray>) -> Result<NdArray> {
    r.ok_or_else(|| {
        crate::Error::Unsupported("internal: ufunc without out returned no array".into())
    })
}

/// `op(a)` in a new array (the input's layout when it is contiguous in
/// some order, else C order).
///
/// # Errors
/// [`Error::UfuncType`](crate::Error::UfuncType) for a real-only op on a
/// complex array; [`Error::BorrowConflict`](crate::Error::BorrowConflict)
/// while `a` is mutably viewed; allocation failure.
pub fn unary(op: UnaryOp, a: &NdArray) -> Result<NdArray> {
    unary_impl(op, a, None).and_then(new_array)
}

/// `op(a)` written into `out` (NumPy's `out=`): `out` must have `a`'s
/// shape exactly and a dtype the result casts to under `same_kind`. When
/// `out` overlaps `a` other than element for element, `a` is copied first
/// (NumPy's guarantee); exact overlap is computed in place.
///
/// # Errors
/// As [`unary`], plus [`Error::ReadOnly`](crate::Error::ReadOnly),
/// [`Error::OutputShape`](crate::Error::OutputShape),
/// [`Error::Cast`](crate::Error::Cast),
/// [`Error::OverlappingOutput`](crate::Error::OverlappingOutput) for an
/// `out` whose own elements overlap. Nothing is written on error.
pub fn unary_out(op: UnaryOp, a: &NdArray, out: &mut NdArray) -> Result<()> {
    unary_impl(op, a, Some(out)).map(|_| ())
}

/// `a = op(a)` in place (the result cast to `a`'s dtype under
/// `same_kind`: `abs` of a complex array stores |a| as complex).
///
/// # Errors
/// As [`unary_out`].
pub fn unary_inplace(op: UnaryOp, a: &mut NdArray) -> Result<()> {
    let src = a.new_view();
    unary_impl(op, &src, Some(a)).map(|_| ())
}

/// `op(a, b)` with broadcasting, in a new array of the promoted dtype.
///
/// # Errors
/// [`Error::Broadcast`](crate::Error::Broadcast) naming both shapes;
/// [`Error::UfuncType`](crate::Error::UfuncType) for a real-only op on
/// complex input; borrow conflicts; allocation failure. Inputs of another
/// dtype than the promoted one are converted through a copy.
pub fn binary(op: BinaryOp, a: &NdArray, b: &NdArray) -> Result<NdArray> {
    binary_impl(op, a, b, None).and_then(new_array)
}

/// `op(a, b)` written into `out`, as [`unary_out`]: `out` has the
/// broadcast shape; inputs overlapping it other than exactly are copied
/// first.
///
/// # Errors
/// As [`binary`] and [`unary_out`]. Nothing is written on error.
pub fn binary_out(op: BinaryOp, a: &NdArray, b: &NdArray, out: &mut NdArray) -> Result<()> {
    binary_impl(op, a, b, Some(out)).map(|_| ())
}

/// `a = op(a, b)` in place (`a += b` for [`BinaryOp::Add`]): `b` must
/// broadcast to `a`'s shape and the result cast to `a`'s dtype under
/// `same_kind` (adding a complex `b` to a real `a` is an error).
///
/// # Errors
/// As [`binary_out`].
pub fn binary_inplace(op: BinaryOp, a: &mut NdArray, b: &NdArray) -> Result<()> {
    let src = a.new_view();
    binary_impl(op, &src, b, Some(a)).map(|_| ())
}
