//! The ufuncs over the C ABI: generic entry points taking an op code
//! (`lapis_unary`, `lapis_binary` and their `_out` / `_inplace` forms),
//! NumPy-named functions for every op (`lapis_exp`, `lapis_add_out`, ...),
//! and the fused `lapis_multiply_add` / `lapis_axpby`.
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
#![allow(clippy::missing_safety_doc)] // the contract above, shared by all

use super::{
    Failure, FfiResult, array_ref, call, check_out, lapis_array, lapis_complex128, lapis_status,
    out_view, put_array,
};
use lapis::array::ufunc::{self, BinaryOp, UnaryOp};

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
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    let r = ufunc::unary(op, a)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) };
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
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    // SAFETY: caller contract.
    let mut o = unsafe { out_view(routine, "out", out) }?;
    ufunc::unary_out(op, a, &mut o)?;
    Ok(())
}

/// # Safety
/// `x` is NULL or live.
unsafe fn unary_self(routine: &str, op: UnaryOp, x: *const lapis_array) -> FfiResult {
    // SAFETY: caller contract.
    let mut o = unsafe { out_view(routine, "x", x) }?;
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
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    // SAFETY: caller contract.
    let b = unsafe { array_ref(routine, "y", y) }?;
    let r = ufunc::binary(op, a, b)?;
    // SAFETY: `out` checked non-null above.
    unsafe { put_array(out, r) };
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
    // SAFETY: caller contract.
    let a = unsafe { array_ref(routine, "x", x) }?;
    // SAFETY: caller contract.
    let b = unsafe { array_ref(routine, "y", y) }?;
    // SAFETY: caller contract.
    let mut o = unsafe { out_view(routine, "out", out) }?;
    ufunc::binary_out(op, a, b, &mut o)?;
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
    // SAFETY: caller contract.
    let b = unsafe { array_ref(routine, "y", y) }?;
    // SAFETY: caller contract.
    let mut o = unsafe { out_view(routine, "x", x) }?;
    ufunc::binary_inplace(op, &mut o, b)?;
    Ok(())
}

/// The panic boundary around [`unary_new`] (named functions).
unsafe fn unary_call(
    routine: &str,
    op: UnaryOp,
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { unary_new(routine, op, x, out) })
}

/// The panic boundary around [`unary_into`] (named `_out` functions).
unsafe fn unary_out_call(
    routine: &str,
    op: UnaryOp,
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { unary_into(routine, op, x, out) })
}

/// The panic boundary around [`unary_self`] (named `_inplace` functions).
unsafe fn unary_inplace_call(routine: &str, op: UnaryOp, x: *mut lapis_array) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { unary_self(routine, op, x) })
}

/// The panic boundary around [`binary_new`] (named functions).
unsafe fn binary_call(
    routine: &str,
    op: BinaryOp,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { binary_new(routine, op, x, y, out) })
}

/// The panic boundary around [`binary_into`] (named `_out` functions).
unsafe fn binary_out_call(
    routine: &str,
    op: BinaryOp,
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { binary_into(routine, op, x, y, out) })
}

/// The panic boundary around [`binary_self`] (named `_inplace` functions).
unsafe fn binary_inplace_call(
    routine: &str,
    op: BinaryOp,
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: forwarded caller contract.
    call(|| unsafe { binary_self(routine, op, x, y) })
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

// ---------------------------------------------------------------------------
// Named unary ufuncs (NumPy's names). Each is the generic function with the
// op fixed: see lapis_unary, lapis_unary_out and lapis_unary_inplace for the
// full contract (shapes, dtypes, layouts, ownership, errors).
// ---------------------------------------------------------------------------

/// NumPy's `negative` in a new array: numerical negative, -x. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_negative(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_negative", UnaryOp::Negative, x, out) }
}

/// `negative` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_negative_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_negative_out", UnaryOp::Negative, x, out) }
}

/// `negative` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_negative_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_negative_inplace", UnaryOp::Negative, x) }
}

/// NumPy's `absolute` in a new array: absolute value |x| (complex input gives a real result). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_absolute(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_absolute", UnaryOp::Abs, x, out) }
}

/// `absolute` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_absolute_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_absolute_out", UnaryOp::Abs, x, out) }
}

/// `absolute` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_absolute_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_absolute_inplace", UnaryOp::Abs, x) }
}

/// NumPy's `sqrt` in a new array: square root (principal branch for complex; NaN for negative reals). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sqrt(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_sqrt", UnaryOp::Sqrt, x, out) }
}

/// `sqrt` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sqrt_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_sqrt_out", UnaryOp::Sqrt, x, out) }
}

/// `sqrt` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sqrt_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_sqrt_inplace", UnaryOp::Sqrt, x) }
}

/// NumPy's `square` in a new array: x*x. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_square(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_square", UnaryOp::Square, x, out) }
}

/// `square` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_square_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_square_out", UnaryOp::Square, x, out) }
}

/// `square` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_square_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_square_inplace", UnaryOp::Square, x) }
}

/// NumPy's `reciprocal` in a new array: 1/x. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_reciprocal(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_reciprocal", UnaryOp::Reciprocal, x, out) }
}

/// `reciprocal` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_reciprocal_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_reciprocal_out", UnaryOp::Reciprocal, x, out) }
}

/// `reciprocal` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_reciprocal_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_reciprocal_inplace", UnaryOp::Reciprocal, x) }
}

/// NumPy's `exp` in a new array: exponential e^x. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_exp(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_exp", UnaryOp::Exp, x, out) }
}

/// `exp` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_exp_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_exp_out", UnaryOp::Exp, x, out) }
}

/// `exp` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_exp_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_exp_inplace", UnaryOp::Exp, x) }
}

/// NumPy's `expm1` in a new array: e^x - 1, accurate near 0. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_expm1(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_expm1", UnaryOp::Expm1, x, out) }
}

/// `expm1` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_expm1_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_expm1_out", UnaryOp::Expm1, x, out) }
}

/// `expm1` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_expm1_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_expm1_inplace", UnaryOp::Expm1, x) }
}

/// NumPy's `log` in a new array: natural logarithm. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_log", UnaryOp::Log, x, out) }
}

/// `log` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_log_out", UnaryOp::Log, x, out) }
}

/// `log` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_log_inplace", UnaryOp::Log, x) }
}

/// NumPy's `log1p` in a new array: log(1 + x), accurate near 0. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log1p(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_log1p", UnaryOp::Log1p, x, out) }
}

/// `log1p` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log1p_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_log1p_out", UnaryOp::Log1p, x, out) }
}

/// `log1p` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log1p_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_log1p_inplace", UnaryOp::Log1p, x) }
}

/// NumPy's `log10` in a new array: base-10 logarithm. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log10(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_log10", UnaryOp::Log10, x, out) }
}

/// `log10` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log10_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_log10_out", UnaryOp::Log10, x, out) }
}

/// `log10` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log10_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_log10_inplace", UnaryOp::Log10, x) }
}

/// NumPy's `log2` in a new array: base-2 logarithm. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log2(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_log2", UnaryOp::Log2, x, out) }
}

/// `log2` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log2_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_log2_out", UnaryOp::Log2, x, out) }
}

/// `log2` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_log2_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_log2_inplace", UnaryOp::Log2, x) }
}

/// NumPy's `sin` in a new array: sine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sin(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_sin", UnaryOp::Sin, x, out) }
}

/// `sin` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sin_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_sin_out", UnaryOp::Sin, x, out) }
}

/// `sin` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sin_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_sin_inplace", UnaryOp::Sin, x) }
}

/// NumPy's `cos` in a new array: cosine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cos(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_cos", UnaryOp::Cos, x, out) }
}

/// `cos` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cos_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_cos_out", UnaryOp::Cos, x, out) }
}

/// `cos` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cos_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_cos_inplace", UnaryOp::Cos, x) }
}

/// NumPy's `tan` in a new array: tangent. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tan(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_tan", UnaryOp::Tan, x, out) }
}

/// `tan` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tan_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_tan_out", UnaryOp::Tan, x, out) }
}

/// `tan` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tan_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_tan_inplace", UnaryOp::Tan, x) }
}

/// NumPy's `arcsin` in a new array: inverse sine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arcsin(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_arcsin", UnaryOp::Arcsin, x, out) }
}

/// `arcsin` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arcsin_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_arcsin_out", UnaryOp::Arcsin, x, out) }
}

/// `arcsin` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arcsin_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_arcsin_inplace", UnaryOp::Arcsin, x) }
}

/// NumPy's `arccos` in a new array: inverse cosine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arccos(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_arccos", UnaryOp::Arccos, x, out) }
}

/// `arccos` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arccos_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_arccos_out", UnaryOp::Arccos, x, out) }
}

/// `arccos` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arccos_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_arccos_inplace", UnaryOp::Arccos, x) }
}

/// NumPy's `arctan` in a new array: inverse tangent. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_arctan", UnaryOp::Arctan, x, out) }
}

/// `arctan` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_arctan_out", UnaryOp::Arctan, x, out) }
}

/// `arctan` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_arctan_inplace", UnaryOp::Arctan, x) }
}

/// NumPy's `sinh` in a new array: hyperbolic sine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sinh(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_sinh", UnaryOp::Sinh, x, out) }
}

/// `sinh` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sinh_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_sinh_out", UnaryOp::Sinh, x, out) }
}

/// `sinh` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sinh_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_sinh_inplace", UnaryOp::Sinh, x) }
}

/// NumPy's `cosh` in a new array: hyperbolic cosine. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cosh(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_cosh", UnaryOp::Cosh, x, out) }
}

/// `cosh` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cosh_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_cosh_out", UnaryOp::Cosh, x, out) }
}

/// `cosh` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_cosh_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_cosh_inplace", UnaryOp::Cosh, x) }
}

/// NumPy's `tanh` in a new array: hyperbolic tangent. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tanh(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_tanh", UnaryOp::Tanh, x, out) }
}

/// `tanh` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tanh_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_tanh_out", UnaryOp::Tanh, x, out) }
}

/// `tanh` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_tanh_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_tanh_inplace", UnaryOp::Tanh, x) }
}

/// NumPy's `conjugate` in a new array: complex conjugate (a copy for real input). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_conjugate(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_conjugate", UnaryOp::Conj, x, out) }
}

/// `conjugate` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_conjugate_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_conjugate_out", UnaryOp::Conj, x, out) }
}

/// `conjugate` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_conjugate_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_conjugate_inplace", UnaryOp::Conj, x) }
}

/// NumPy's `real` in a new array: real part (complex input gives a real result). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_real(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_real", UnaryOp::Real, x, out) }
}

/// `real` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_real_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_real_out", UnaryOp::Real, x, out) }
}

/// `real` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_real_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_real_inplace", UnaryOp::Real, x) }
}

/// NumPy's `imag` in a new array: imaginary part (complex input gives a real result; zeros for real input). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_imag(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_imag", UnaryOp::Imag, x, out) }
}

/// `imag` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_imag_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_imag_out", UnaryOp::Imag, x, out) }
}

/// `imag` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_imag_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_imag_inplace", UnaryOp::Imag, x) }
}

/// NumPy's `angle` in a new array: phase angle in radians (real result; 0 or pi for real input). Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_angle(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_angle", UnaryOp::Angle, x, out) }
}

/// `angle` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_angle_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_angle_out", UnaryOp::Angle, x, out) }
}

/// `angle` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_angle_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_angle_inplace", UnaryOp::Angle, x) }
}

/// NumPy's `floor` in a new array: floor; real dtypes only. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_floor(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_floor", UnaryOp::Floor, x, out) }
}

/// `floor` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_floor_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_floor_out", UnaryOp::Floor, x, out) }
}

/// `floor` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_floor_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_floor_inplace", UnaryOp::Floor, x) }
}

/// NumPy's `ceil` in a new array: ceiling; real dtypes only. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ceil(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_ceil", UnaryOp::Ceil, x, out) }
}

/// `ceil` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ceil_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_ceil_out", UnaryOp::Ceil, x, out) }
}

/// `ceil` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ceil_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_ceil_inplace", UnaryOp::Ceil, x) }
}

/// NumPy's `round` in a new array: round half to even (NumPy's round/rint); real dtypes only. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_round(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_round", UnaryOp::Round, x, out) }
}

/// `round` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_round_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_round_out", UnaryOp::Round, x, out) }
}

/// `round` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_round_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_round_inplace", UnaryOp::Round, x) }
}

/// NumPy's `sign` in a new array: sign: -1, 0, +1 (NaN for NaN); z/|z| for complex. Contract as `lapis_unary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sign(
    x: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_call("lapis_sign", UnaryOp::Sign, x, out) }
}

/// `sign` into the existing array `out`. Contract as `lapis_unary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sign_out(
    x: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_out_call("lapis_sign_out", UnaryOp::Sign, x, out) }
}

/// `sign` in place on `x`. Contract as `lapis_unary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_sign_inplace(x: *mut lapis_array) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { unary_inplace_call("lapis_sign_inplace", UnaryOp::Sign, x) }
}

// ---------------------------------------------------------------------------
// Named binary ufuncs (NumPy's names). Each is the generic function with the
// op fixed: see lapis_binary, lapis_binary_out and lapis_binary_inplace for
// the full contract (broadcasting, promotion, layouts, ownership, errors).
// ---------------------------------------------------------------------------

/// NumPy's `add` with broadcasting, in a new array: x + y. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_add(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_add", BinaryOp::Add, x, y, out) }
}

/// `add` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_add_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_add_out", BinaryOp::Add, x, y, out) }
}

/// `x = add(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_add_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_add_inplace", BinaryOp::Add, x, y) }
}

/// NumPy's `subtract` with broadcasting, in a new array: x - y. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_subtract(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_subtract", BinaryOp::Subtract, x, y, out) }
}

/// `subtract` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_subtract_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_subtract_out", BinaryOp::Subtract, x, y, out) }
}

/// `x = subtract(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_subtract_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_subtract_inplace", BinaryOp::Subtract, x, y) }
}

/// NumPy's `multiply` with broadcasting, in a new array: x * y. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_multiply", BinaryOp::Multiply, x, y, out) }
}

/// `multiply` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_multiply_out", BinaryOp::Multiply, x, y, out) }
}

/// `x = multiply(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_multiply_inplace", BinaryOp::Multiply, x, y) }
}

/// NumPy's `divide` with broadcasting, in a new array: x / y. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_divide(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_divide", BinaryOp::Divide, x, y, out) }
}

/// `divide` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_divide_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_divide_out", BinaryOp::Divide, x, y, out) }
}

/// `x = divide(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_divide_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_divide_inplace", BinaryOp::Divide, x, y) }
}

/// NumPy's `power` with broadcasting, in a new array: x raised to y. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_power(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_power", BinaryOp::Power, x, y, out) }
}

/// `power` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_power_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_power_out", BinaryOp::Power, x, y, out) }
}

/// `x = power(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_power_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_power_inplace", BinaryOp::Power, x, y) }
}

/// NumPy's `maximum` with broadcasting, in a new array: elementwise maximum, NaN-propagating (complex ordered lexicographically). Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_maximum(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_maximum", BinaryOp::Maximum, x, y, out) }
}

/// `maximum` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_maximum_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_maximum_out", BinaryOp::Maximum, x, y, out) }
}

/// `x = maximum(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_maximum_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_maximum_inplace", BinaryOp::Maximum, x, y) }
}

/// NumPy's `minimum` with broadcasting, in a new array: elementwise minimum, NaN-propagating (complex ordered lexicographically). Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_minimum(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_minimum", BinaryOp::Minimum, x, y, out) }
}

/// `minimum` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_minimum_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_minimum_out", BinaryOp::Minimum, x, y, out) }
}

/// `x = minimum(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_minimum_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_minimum_inplace", BinaryOp::Minimum, x, y) }
}

/// NumPy's `fmax` with broadcasting, in a new array: elementwise maximum ignoring NaNs. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmax(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_fmax", BinaryOp::Fmax, x, y, out) }
}

/// `fmax` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmax_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_fmax_out", BinaryOp::Fmax, x, y, out) }
}

/// `x = fmax(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmax_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_fmax_inplace", BinaryOp::Fmax, x, y) }
}

/// NumPy's `fmin` with broadcasting, in a new array: elementwise minimum ignoring NaNs. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmin(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_fmin", BinaryOp::Fmin, x, y, out) }
}

/// `fmin` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmin_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_fmin_out", BinaryOp::Fmin, x, y, out) }
}

/// `x = fmin(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_fmin_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_fmin_inplace", BinaryOp::Fmin, x, y) }
}

/// NumPy's `arctan2` with broadcasting, in a new array: arctan(x/y) by quadrant; real dtypes only. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan2(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_arctan2", BinaryOp::Arctan2, x, y, out) }
}

/// `arctan2` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan2_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_arctan2_out", BinaryOp::Arctan2, x, y, out) }
}

/// `x = arctan2(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_arctan2_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_arctan2_inplace", BinaryOp::Arctan2, x, y) }
}

/// NumPy's `hypot` with broadcasting, in a new array: sqrt(x*x + y*y); real dtypes only. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_hypot(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_hypot", BinaryOp::Hypot, x, y, out) }
}

/// `hypot` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_hypot_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_hypot_out", BinaryOp::Hypot, x, y, out) }
}

/// `x = hypot(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_hypot_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_hypot_inplace", BinaryOp::Hypot, x, y) }
}

/// NumPy's `copysign` with broadcasting, in a new array: |x| with the sign of y; real dtypes only. Contract as `lapis_binary`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_copysign(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_call("lapis_copysign", BinaryOp::Copysign, x, y, out) }
}

/// `copysign` into the existing array `out`. Contract as `lapis_binary_out`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_copysign_out(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_out_call("lapis_copysign_out", BinaryOp::Copysign, x, y, out) }
}

/// `x = copysign(x, y)` in place. Contract as `lapis_binary_inplace`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_copysign_inplace(
    x: *mut lapis_array,
    y: *const lapis_array,
) -> lapis_status {
    // SAFETY: caller contract.
    unsafe { binary_inplace_call("lapis_copysign_inplace", BinaryOp::Copysign, x, y) }
}
// ---------------------------------------------------------------------------
// Fused kernels.
// ---------------------------------------------------------------------------

/// `a*b + c` with three-way NumPy broadcasting, in one pass and a new
/// array (rounded as NumPy's `a*b + c`: the product, then the sum).
/// Dtype: the promotion of the three inputs. Layout and ownership as
/// `lapis_binary` (`*out` is a new handle owned by the caller).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` when the
/// shapes do not broadcast (the message names all three); `LAPIS_ERR_BUSY`;
/// `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add";
        check_out(R, "out", out)?;
        // SAFETY: caller contract.
        let (a, b, c) = unsafe {
            (
                array_ref(R, "a", a)?,
                array_ref(R, "b", b)?,
                array_ref(R, "c", c)?,
            )
        };
        let r = ufunc::multiply_add(a, b, c)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}

/// `a*b + c` written into the existing array `out`, which must have the
/// broadcast shape (`out=` rules of `lapis_binary_out`: writable, a dtype
/// the result casts to under `same_kind`, any non-overlapping strides,
/// may alias the inputs). Errors: as `lapis_multiply_add` and
/// `lapis_binary_out`; on error `out` is not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add_out(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add_out";
        // SAFETY: caller contract.
        let (a, b, c) = unsafe {
            (
                array_ref(R, "a", a)?,
                array_ref(R, "b", b)?,
                array_ref(R, "c", c)?,
            )
        };
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(R, "out", out) }?;
        ufunc::multiply_add_out(a, b, c, &mut o)?;
        Ok(())
    })
}

/// `c += a*b` in place: `a` and `b` must broadcast to `c`'s shape, and the
/// result cast to `c`'s dtype under `same_kind`. Errors: as
/// `lapis_multiply_add_out`; on error `c` is not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add_inplace(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add_inplace";
        // SAFETY: caller contract.
        let (a, b) = unsafe { (array_ref(R, "a", a)?, array_ref(R, "b", b)?) };
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(R, "c", c) }?;
        ufunc::multiply_add_inplace(a, b, &mut o)?;
        Ok(())
    })
}

/// `alpha*x + beta*y` with broadcasting, in one pass and a new array.
/// Dtype: the promotion of `x` and `y`, made complex when `alpha` or
/// `beta` has a non-zero imaginary part. Layout and ownership as
/// `lapis_binary` (`*out` is a new handle owned by the caller).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`, `LAPIS_ERR_SHAPE_MISMATCH` (NumPy's
/// broadcast message), `LAPIS_ERR_BUSY`, `LAPIS_ERR_OUT_OF_MEMORY`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby";
        check_out(R, "out", out)?;
        // SAFETY: caller contract.
        let (x, y) = unsafe { (array_ref(R, "x", x)?, array_ref(R, "y", y)?) };
        let r = ufunc::axpby(alpha.into(), x, beta.into(), y)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) };
        Ok(())
    })
}

/// `alpha*x + beta*y` written into the existing array `out` of the
/// broadcast shape (`out=` rules of `lapis_binary_out`). Errors: as
/// `lapis_axpby` and `lapis_binary_out`; on error `out` is not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby_out(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby_out";
        // SAFETY: caller contract.
        let (x, y) = unsafe { (array_ref(R, "x", x)?, array_ref(R, "y", y)?) };
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(R, "out", out) }?;
        ufunc::axpby_out(alpha.into(), x, beta.into(), y, &mut o)?;
        Ok(())
    })
}

/// `y = alpha*x + beta*y` in place (BLAS's axpby, with `x` broadcast to
/// `y`'s shape). A complex result into a real `y` (complex `x`, `alpha` or
/// `beta`) is `LAPIS_ERR_INVALID_VALUE`. Errors: as `lapis_axpby_out`; on
/// error `y` is not modified.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby_inplace(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby_inplace";
        // SAFETY: caller contract.
        let x = unsafe { array_ref(R, "x", x) }?;
        // SAFETY: caller contract.
        let mut o = unsafe { out_view(R, "y", y) }?;
        ufunc::axpby_inplace(alpha.into(), x, beta.into(), &mut o)?;
        Ok(())
    })
}
