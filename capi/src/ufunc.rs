//! The ufuncs over the C ABI: generic entry points taking an op code
//! (`lapis_unary`, `lapis_binary` and their `_out` / `_inplace` forms),
//! NumPy-named functions for every op (`lapis_exp`, `lapis_add_out`, ...,
//! generated into gen/ufunc.rs from capi/exports.toml), and the fused
//! `lapis_multiply_add` / `lapis_axpby` (ufunc/fused.rs).
//!
//! Each function translates its arguments and calls the NdArray API in
//! `lapis::array::ufunc`; broadcasting, type promotion, `out=` casting and
//! overlap handling are that module's (NumPy's rules).
//!
//! # Safety
//! Every function here has the C ABI's pointer contract (the header's
//! conventions): a handle argument is NULL or a live handle from lapis,
//! a list argument is NULL or valid for its stated count, an out-pointer
//! is NULL or valid for one write. NULLs are reported, never dereferenced.

use super::{
    Failure, FfiResult, array_ref, call, check_out, lapis_array, lapis_status, out_view, put_array,
};
use lapis::array::ufunc::{self, BinaryOp, UnaryOp};

// The NumPy-named exports (generated from capi/exports.toml), then the
// fused kernels: in this order in the header.
#[path = "gen/ufunc.rs"]
mod named;
pub use named::*;
mod fused;
pub use fused::*;

/// A one-operand ufunc code (`LAPIS_UFUNC_NEGATIVE` ... `LAPIS_UFUNC_SIGN`).
/// Any other value gives `LAPIS_ERR_INVALID_ARGUMENT`.
#[allow(non_camel_case_types)]
pub type lapis_unary_op = i32;

/// A two-operand ufunc code (`LAPIS_UFUNC_ADD` ... `LAPIS_UFUNC_COPYSIGN`).
/// The codes are distinct from the unary ones, so passing one kind where
/// the other is expected is an error. Any other value gives
/// `LAPIS_ERR_INVALID_ARGUMENT`.
#[allow(non_camel_case_types)]
pub type lapis_binary_op = i32;

/// Unary ufunc `negative`: numerical negative, -x.
pub const LAPIS_UFUNC_NEGATIVE: lapis_unary_op = 1;
/// Unary ufunc `absolute`: absolute value |x| (complex input gives a real result).
pub const LAPIS_UFUNC_ABSOLUTE: lapis_unary_op = 2;
/// Unary ufunc `sqrt`: square root (principal branch for complex; NaN for negative reals).
pub const LAPIS_UFUNC_SQRT: lapis_unary_op = 3;
/// Unary ufunc `square`: x*x.
pub const LAPIS_UFUNC_SQUARE: lapis_unary_op = 4;
/// Unary ufunc `reciprocal`: 1/x.
pub const LAPIS_UFUNC_RECIPROCAL: lapis_unary_op = 5;
/// Unary ufunc `exp`: exponential e^x.
pub const LAPIS_UFUNC_EXP: lapis_unary_op = 6;
/// Unary ufunc `expm1`: e^x - 1, accurate near 0.
pub const LAPIS_UFUNC_EXPM1: lapis_unary_op = 7;
/// Unary ufunc `log`: natural logarithm.
pub const LAPIS_UFUNC_LOG: lapis_unary_op = 8;
/// Unary ufunc `log1p`: log(1 + x), accurate near 0.
pub const LAPIS_UFUNC_LOG1P: lapis_unary_op = 9;
/// Unary ufunc `log10`: base-10 logarithm.
pub const LAPIS_UFUNC_LOG10: lapis_unary_op = 10;
/// Unary ufunc `log2`: base-2 logarithm.
pub const LAPIS_UFUNC_LOG2: lapis_unary_op = 11;
/// Unary ufunc `sin`: sine.
pub const LAPIS_UFUNC_SIN: lapis_unary_op = 12;
/// Unary ufunc `cos`: cosine.
pub const LAPIS_UFUNC_COS: lapis_unary_op = 13;
/// Unary ufunc `tan`: tangent.
pub const LAPIS_UFUNC_TAN: lapis_unary_op = 14;
/// Unary ufunc `arcsin`: inverse sine.
pub const LAPIS_UFUNC_ARCSIN: lapis_unary_op = 15;
/// Unary ufunc `arccos`: inverse cosine.
pub const LAPIS_UFUNC_ARCCOS: lapis_unary_op = 16;
/// Unary ufunc `arctan`: inverse tangent.
pub const LAPIS_UFUNC_ARCTAN: lapis_unary_op = 17;
/// Unary ufunc `sinh`: hyperbolic sine.
pub const LAPIS_UFUNC_SINH: lapis_unary_op = 18;
/// Unary ufunc `cosh`: hyperbolic cosine.
pub const LAPIS_UFUNC_COSH: lapis_unary_op = 19;
/// Unary ufunc `tanh`: hyperbolic tangent.
pub const LAPIS_UFUNC_TANH: lapis_unary_op = 20;
/// Unary ufunc `conjugate`: complex conjugate (a copy for real input).
pub const LAPIS_UFUNC_CONJUGATE: lapis_unary_op = 21;
/// Unary ufunc `real`: real part (complex input gives a real result).
pub const LAPIS_UFUNC_REAL: lapis_unary_op = 22;
/// Unary ufunc `imag`: imaginary part (complex input gives a real result; zeros for real input).
pub const LAPIS_UFUNC_IMAG: lapis_unary_op = 23;
/// Unary ufunc `angle`: phase angle in radians (real result; 0 or pi for real input).
pub const LAPIS_UFUNC_ANGLE: lapis_unary_op = 24;
/// Unary ufunc `floor`: floor; real dtypes only.
pub const LAPIS_UFUNC_FLOOR: lapis_unary_op = 25;
/// Unary ufunc `ceil`: ceiling; real dtypes only.
pub const LAPIS_UFUNC_CEIL: lapis_unary_op = 26;
/// Unary ufunc `round`: round half to even (NumPy's round/rint); real dtypes only.
pub const LAPIS_UFUNC_ROUND: lapis_unary_op = 27;
/// Unary ufunc `sign`: sign: -1, 0, +1 (NaN for NaN); z/|z| for complex.
pub const LAPIS_UFUNC_SIGN: lapis_unary_op = 28;

/// Binary ufunc `add`: x + y.
pub const LAPIS_UFUNC_ADD: lapis_binary_op = 101;
/// Binary ufunc `subtract`: x - y.
pub const LAPIS_UFUNC_SUBTRACT: lapis_binary_op = 102;
/// Binary ufunc `multiply`: x * y.
pub const LAPIS_UFUNC_MULTIPLY: lapis_binary_op = 103;
/// Binary ufunc `divide`: x / y.
pub const LAPIS_UFUNC_DIVIDE: lapis_binary_op = 104;
/// Binary ufunc `power`: x raised to y.
pub const LAPIS_UFUNC_POWER: lapis_binary_op = 105;
/// Binary ufunc `maximum`: elementwise maximum, NaN-propagating (complex ordered lexicographically).
pub const LAPIS_UFUNC_MAXIMUM: lapis_binary_op = 106;
/// Binary ufunc `minimum`: elementwise minimum, NaN-propagating (complex ordered lexicographically).
pub const LAPIS_UFUNC_MINIMUM: lapis_binary_op = 107;
/// Binary ufunc `fmax`: elementwise maximum ignoring NaNs.
pub const LAPIS_UFUNC_FMAX: lapis_binary_op = 108;
/// Binary ufunc `fmin`: elementwise minimum ignoring NaNs.
pub const LAPIS_UFUNC_FMIN: lapis_binary_op = 109;
/// Binary ufunc `arctan2`: arctan(x/y) by quadrant; real dtypes only.
pub const LAPIS_UFUNC_ARCTAN2: lapis_binary_op = 110;
/// Binary ufunc `hypot`: sqrt(x*x + y*y); real dtypes only.
pub const LAPIS_UFUNC_HYPOT: lapis_binary_op = 111;
/// Binary ufunc `copysign`: |x| with the sign of y; real dtypes only.
pub const LAPIS_UFUNC_COPYSIGN: lapis_binary_op = 112;

/// The unary op behind a code.
fn unary_op_arg(routine: &str, code: lapis_unary_op) -> FfiResult<UnaryOp> {
    let op = match code {
        LAPIS_UFUNC_NEGATIVE => UnaryOp::Negative,
        LAPIS_UFUNC_ABSOLUTE => UnaryOp::Abs,
        LAPIS_UFUNC_SQRT => UnaryOp::Sqrt,
        LAPIS_UFUNC_SQUARE => UnaryOp::Square,
        LAPIS_UFUNC_RECIPROCAL => UnaryOp::Reciprocal,
        LAPIS_UFUNC_EXP => UnaryOp::Exp,
        LAPIS_UFUNC_EXPM1 => UnaryOp::Expm1,
        LAPIS_UFUNC_LOG => UnaryOp::Log,
        LAPIS_UFUNC_LOG1P => UnaryOp::Log1p,
        LAPIS_UFUNC_LOG10 => UnaryOp::Log10,
        LAPIS_UFUNC_LOG2 => UnaryOp::Log2,
        LAPIS_UFUNC_SIN => UnaryOp::Sin,
        LAPIS_UFUNC_COS => UnaryOp::Cos,
        LAPIS_UFUNC_TAN => UnaryOp::Tan,
        LAPIS_UFUNC_ARCSIN => UnaryOp::Arcsin,
        LAPIS_UFUNC_ARCCOS => UnaryOp::Arccos,
        LAPIS_UFUNC_ARCTAN => UnaryOp::Arctan,
        LAPIS_UFUNC_SINH => UnaryOp::Sinh,
        LAPIS_UFUNC_COSH => UnaryOp::Cosh,
        LAPIS_UFUNC_TANH => UnaryOp::Tanh,
        LAPIS_UFUNC_CONJUGATE => UnaryOp::Conj,
        LAPIS_UFUNC_REAL => UnaryOp::Real,
        LAPIS_UFUNC_IMAG => UnaryOp::Imag,
        LAPIS_UFUNC_ANGLE => UnaryOp::Angle,
        LAPIS_UFUNC_FLOOR => UnaryOp::Floor,
        LAPIS_UFUNC_CEIL => UnaryOp::Ceil,
        LAPIS_UFUNC_ROUND => UnaryOp::Round,
        LAPIS_UFUNC_SIGN => UnaryOp::Sign,
        _ => {
            return Err(Failure::invalid(
                routine,
                "op",
                format!(
                    "unknown unary ufunc code {code} (expected LAPIS_UFUNC_NEGATIVE = 1 ... LAPIS_UFUNC_SIGN = 28)"
                ),
            ));
        }
    };
    Ok(op)
}

/// The binary op behind a code.
fn binary_op_arg(routine: &str, code: lapis_binary_op) -> FfiResult<BinaryOp> {
    let op = match code {
        LAPIS_UFUNC_ADD => BinaryOp::Add,
        LAPIS_UFUNC_SUBTRACT => BinaryOp::Subtract,
        LAPIS_UFUNC_MULTIPLY => BinaryOp::Multiply,
        LAPIS_UFUNC_DIVIDE => BinaryOp::Divide,
        LAPIS_UFUNC_POWER => BinaryOp::Power,
        LAPIS_UFUNC_MAXIMUM => BinaryOp::Maximum,
        LAPIS_UFUNC_MINIMUM => BinaryOp::Minimum,
        LAPIS_UFUNC_FMAX => BinaryOp::Fmax,
        LAPIS_UFUNC_FMIN => BinaryOp::Fmin,
        LAPIS_UFUNC_ARCTAN2 => BinaryOp::Arctan2,
        LAPIS_UFUNC_HYPOT => BinaryOp::Hypot,
        LAPIS_UFUNC_COPYSIGN => BinaryOp::Copysign,
        _ => {
            return Err(Failure::invalid(
                routine,
                "op",
                format!(
                    "unknown binary ufunc code {code} (expected LAPIS_UFUNC_ADD = 101 ... LAPIS_UFUNC_COPYSIGN = 112)"
                ),
            ));
        }
    };
    Ok(op)
}

// ---------------------------------------------------------------------------
// Bodies shared by the generic and the named functions.
// ---------------------------------------------------------------------------

/// # Safety
/// Handles are NULL or live; `out` is NULL or valid for a pointer write.
unsafe fn unary_new(
    routine: &str,
    op: UnaryOp,
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let a = array_ref(routine, "x", x)?;
    let r = ufunc::unary(op, &a)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// # Safety
/// Handles are NULL or live.
unsafe fn unary_into(
    routine: &str,
    op: UnaryOp,
    x: *const lapis_array,
    out: *const lapis_array,
) -> FfiResult {
    let a = array_ref(routine, "x", x)?;
    let mut o = out_view(routine, "out", out)?;
    ufunc::unary_out(op, &a, &mut o)?;
    Ok(())
}

/// # Safety
/// `x` is NULL or live.
unsafe fn unary_self(routine: &str, op: UnaryOp, x: *const lapis_array) -> FfiResult {
    let mut o = out_view(routine, "x", x)?;
    ufunc::unary_inplace(op, &mut o)?;
    Ok(())
}

/// # Safety
/// As [`unary_new`].
unsafe fn binary_new(
    routine: &str,
    op: BinaryOp,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> FfiResult {
    check_out(routine, "out", out)?;
    let a = array_ref(routine, "x", x)?;
    let b = array_ref(routine, "y", y)?;
    let r = ufunc::binary(op, &a, &b)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) }?;
    Ok(())
}

/// # Safety
/// As [`unary_into`].
unsafe fn binary_into(
    routine: &str,
    op: BinaryOp,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *const lapis_array,
) -> FfiResult {
    let a = array_ref(routine, "x", x)?;
    let b = array_ref(routine, "y", y)?;
    let mut o = out_view(routine, "out", out)?;
    ufunc::binary_out(op, &a, &b, &mut o)?;
    Ok(())
}

/// # Safety
/// As [`unary_into`].
unsafe fn binary_self(
    routine: &str,
    op: BinaryOp,
    x: *const lapis_array,
    y: *const lapis_array,
) -> FfiResult {
    let b = array_ref(routine, "y", y)?;
    let mut o = out_view(routine, "x", x)?;
    ufunc::binary_inplace(op, &mut o, &b)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Generic entry points.
// ---------------------------------------------------------------------------

/// `op(x)` elementwise in a new array (NumPy's unary ufuncs; `op` is a
/// `LAPIS_UFUNC_*` unary code).
///
/// Shapes: any, including 0-d and empty; the result has `x`'s shape.
/// Dtypes: the result has `x`'s dtype, except `absolute`, `real`, `imag`
/// and `angle` of complex input, which are real of the same precision.
/// `floor`, `ceil` and `round` are defined for real dtypes only.
/// Layout: `x` may have any strides (sliced, transposed, negative, zero);
/// it is read in place, never copied. The result takes `x`'s layout when
/// `x` is contiguous in some order (C or Fortran), else C order.
/// Ownership: `*out` receives a new handle owned by the caller (free it
/// with `lapis_array_free`); `x` is only read.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` for a NULL `x` or `out`;
/// `LAPIS_ERR_INVALID_ARGUMENT` for an unknown op code;
/// `LAPIS_ERR_BAD_DTYPE` for a real-only op on complex input;
/// `LAPIS_ERR_BUSY` while `x` is being written by another call;
/// `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on success.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_unary(
    op: lapis_unary_op,
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_unary";
        let op = unary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { unary_new(R, op, x, out) }
    })
}

/// `op(x)` written into the existing array `out` (NumPy's `out=`).
///
/// `out` must have exactly `x`'s shape, be writable, and have a dtype the
/// result casts to under NumPy's `same_kind` rule (float32 -> float64,
/// real -> complex and the reverse precisions are fine; complex -> real
/// is not); a dtype other than the result's goes through a temporary.
/// `out` may have any strides (F order, sliced, negative) except
/// overlapping ones (zero strides). `out` may be `x` itself or overlap
/// it: the result is as if `x` had been copied first (exact overlap is
/// computed in place without a copy).
/// Ownership: nothing is allocated for the caller; both handles stay the
/// caller's.
/// Errors: as `lapis_unary`, plus `LAPIS_ERR_SHAPE_MISMATCH` for an `out`
/// of another shape, `LAPIS_ERR_INVALID_VALUE` for a forbidden cast,
/// `LAPIS_ERR_READ_ONLY` for a read-only `out`, `LAPIS_ERR_BAD_STRIDE`
/// for an `out` whose elements overlap. On error `out` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_unary_out(
    op: lapis_unary_op,
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_unary_out";
        let op = unary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { unary_into(R, op, x, out) }
    })
}

/// `x = op(x)` in place. The result is cast back to `x`'s dtype under
/// `same_kind` (so `absolute` of a complex array stores |x| as complex
/// values with zero imaginary part). Any strides except overlapping ones.
/// Errors: as `lapis_unary_out`; on error `x` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_unary_inplace(
    op: lapis_unary_op,
    x: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_unary_inplace";
        let op = unary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { unary_self(R, op, x) }
    })
}

/// `op(x, y)` elementwise with NumPy broadcasting, in a new array (`op` is
/// a `LAPIS_UFUNC_*` binary code).
///
/// Shapes: NumPy's rule (aligned from the last axis, each pair of lengths
/// equal or one of them 1); the result has the broadcast shape. A failure
/// gives `LAPIS_ERR_SHAPE_MISMATCH` with NumPy's message, e.g. "operands
/// could not be broadcast together with shapes (2,3) (4,)".
/// Dtypes: the inputs promote as in NumPy (float32 with float64 ->
/// float64, float32 with complex64 -> complex64, float64 with complex64 ->
/// complex128); an input of another dtype than the promoted one is
/// converted through a copy. `arctan2`, `hypot` and `copysign` are defined
/// for real dtypes only.
/// Layout: inputs of any strides, read in place (zero strides broadcast).
/// The result takes the layout of the first input that has the full
/// shape when it is contiguous, else C order.
/// Ownership: `*out` receives a new handle owned by the caller.
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`, `LAPIS_ERR_INVALID_ARGUMENT` (unknown
/// op code), `LAPIS_ERR_SHAPE_MISMATCH`, `LAPIS_ERR_BAD_DTYPE` (real-only
/// op on complex input), `LAPIS_ERR_BUSY`, `LAPIS_ERR_OUT_OF_MEMORY`.
/// `*out` is written only on success.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_binary(
    op: lapis_binary_op,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_binary";
        let op = binary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { binary_new(R, op, x, y, out) }
    })
}

/// `op(x, y)` with broadcasting, written into the existing array `out`.
///
/// `out` must have exactly the broadcast shape of `x` and `y` (it is not
/// itself broadcast), be writable, and have a dtype the promoted result
/// casts to under `same_kind`. Any strides except overlapping ones. `out`
/// may be `x` or `y` or overlap them: the result is as if the inputs had
/// been copied first.
/// Errors: as `lapis_binary` and `lapis_unary_out`; on error `out` is not
/// modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_binary_out(
    op: lapis_binary_op,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_binary_out";
        let op = binary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { binary_into(R, op, x, y, out) }
    })
}

/// `x = op(x, y)` in place (`x += y` for `LAPIS_UFUNC_ADD`): `y` must
/// broadcast to `x`'s shape (`x` itself is never broadcast) and the result
/// must cast to `x`'s dtype under `same_kind` (a complex `y` into a real
/// `x` is `LAPIS_ERR_INVALID_VALUE`).
/// Errors: as `lapis_binary_out`; on error `x` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_binary_inplace(
    op: lapis_binary_op,
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_binary_inplace";
        let op = binary_op_arg(R, op)?;
        // SAFETY: caller contract.
        unsafe { binary_self(R, op, x, y) }
    })
}
