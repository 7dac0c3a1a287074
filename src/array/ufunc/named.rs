//! NumPy's named ufuncs on [`NdArray`]: `f(a)` returns a new array,
//! `f_out(a, out)` writes into `out`, `f_inplace(a)` overwrites `a`; each
//! is [`unary`]/[`binary`] (and their forms) with the op fixed, with the
//! same contract and errors.

use super::dynamic::{binary, binary_inplace, binary_out, unary, unary_inplace, unary_out};
use super::ops::{BinaryOp, UnaryOp};
use crate::array::NdArray;
use crate::error::Result;

macro_rules! unary_named {
    ($($f:ident, $fo:ident, $fi:ident, $op:ident;)*) => {$(
        #[doc = concat!("NumPy's `", stringify!($f), "`: see [`UnaryOp::", stringify!($op), "`] and [`unary`].")]
        pub fn $f(a: &NdArray) -> Result<NdArray> {
            unary(UnaryOp::$op, a)
        }
        #[doc = concat!("`", stringify!($f), "` into `out`: see [`unary_out`].")]
        pub fn $fo(a: &NdArray, out: &mut NdArray) -> Result<()> {
            unary_out(UnaryOp::$op, a, out)
        }
        #[doc = concat!("`", stringify!($f), "` in place: see [`unary_inplace`].")]
        pub fn $fi(a: &mut NdArray) -> Result<()> {
            unary_inplace(UnaryOp::$op, a)
        }
    )*};
}

macro_rules! binary_named {
    ($($f:ident, $fo:ident, $fi:ident, $op:ident;)*) => {$(
        #[doc = concat!("NumPy's `", stringify!($f), "` with broadcasting: see [`BinaryOp::", stringify!($op), "`] and [`binary`].")]
        pub fn $f(a: &NdArray, b: &NdArray) -> Result<NdArray> {
            binary(BinaryOp::$op, a, b)
        }
        #[doc = concat!("`", stringify!($f), "` into `out`: see [`binary_out`].")]
        pub fn $fo(a: &NdArray, b: &NdArray, out: &mut NdArray) -> Result<()> {
            binary_out(BinaryOp::$op, a, b, out)
        }
        #[doc = concat!("`", stringify!($f), "` in place on `a`: see [`binary_inplace`].")]
        pub fn $fi(a: &mut NdArray, b: &NdArray) -> Result<()> {
            binary_inplace(BinaryOp::$op, a, b)
        }
    )*};
}

unary_named! {
    negative, negative_out, negative_inplace, Negative;
    absolute, absolute_out, absolute_inplace, Abs;
    sqrt, sqrt_out, sqrt_inplace, Sqrt;
    square, square_out, square_inplace, Square;
    reciprocal, reciprocal_out, reciprocal_inplace, Reciprocal;
    exp, exp_out, exp_inplace, Exp;
    expm1, expm1_out, expm1_inplace, Expm1;
    log, log_out, log_inplace, Log;
    log1p, log1p_out, log1p_inplace, Log1p;
    log10, log10_out, log10_inplace, Log10;
    log2, log2_out, log2_inplace, Log2;
    sin, sin_out, sin_inplace, Sin;
    cos, cos_out, cos_inplace, Cos;
    tan, tan_out, tan_inplace, Tan;
    arcsin, arcsin_out, arcsin_inplace, Arcsin;
    arccos, arccos_out, arccos_inplace, Arccos;
    arctan, arctan_out, arctan_inplace, Arctan;
    sinh, sinh_out, sinh_inplace, Sinh;
    cosh, cosh_out, cosh_inplace, Cosh;
    tanh, tanh_out, tanh_inplace, Tanh;
    conjugate, conjugate_out, conjugate_inplace, Conj;
    real, real_out, real_inplace, Real;
    imag, imag_out, imag_inplace, Imag;
    angle, angle_out, angle_inplace, Angle;
    floor, floor_out, floor_inplace, Floor;
    ceil, ceil_out, ceil_inplace, Ceil;
    round, round_out, round_inplace, Round;
    sign, sign_out, sign_inplace, Sign;
}

binary_named! {
    add, add_out, add_inplace, Add;
    subtract, subtract_out, subtract_inplace, Subtract;
    multiply, multiply_out, multiply_inplace, Multiply;
    divide, divide_out, divide_inplace, Divide;
    power, power_out, power_inplace, Power;
    maximum, maximum_out, maximum_inplace, Maximum;
    minimum, minimum_out, minimum_inplace, Minimum;
    fmax, fmax_out, fmax_inplace, Fmax;
    fmin, fmin_out, fmin_inplace, Fmin;
    arctan2, arctan2_out, arctan2_inplace, Arctan2;
    hypot, hypot_out, hypot_inplace, Hypot;
    copysign, copysign_out, copysign_inplace, Copysign;
}
