//! Fused kernels: expressions NumPy evaluates with a temporary per
//! operator, done here in one pass over memory.

use num_complex::{Complex, Complex64};

use super::BinaryOp;
use super::apply::{self, Operand, PARALLEL_MIN_CHEAP};
use super::dynamic::new_array;
use super::kernels;
use super::math::Math;
use crate::array::NdArray;
use crate::array::broadcast::broadcast_shapes_for;
use crate::dtype::DType;
use crate::error::Result;
use crate::scalar::RealScalar;

/// `v` as an element of `T` (the caller made `T` complex when `v` is).
fn scalar<T: Math>(v: Complex64) -> T {
    T::from_parts(
        <T::Real as RealScalar>::from_f64_real(v.re),
        <T::Real as RealScalar>::from_f64_real(v.im),
    )
}

/// The loop dtype of `inputs` with scalar coefficients `coef`: their
/// promotion, complex if a coefficient has an imaginary part.
fn loop_dtype(inputs: &[&NdArray], coef: &[Complex64]) -> DType {
    let dt = inputs
        .iter()
        .map(|a| a.dtype())
        .reduce(DType::promote)
        .unwrap_or(DType::F64);
    if coef.iter().any(|c| c.im != 0.0) {
        dt.complex()
    } else {
        dt
    }
}

/// # Safety
/// As [`apply::drive`]; all operands hold `T` elements.
unsafe fn axpby_typed<T: Math>(
    alpha: Complex64,
    beta: Complex64,
    shape: &[usize],
    o: Operand<'_>,
    [x, y]: [Operand<'_>; 2],
) {
    let (al, be) = (scalar::<T>(alpha), scalar::<T>(beta));
    // SAFETY: the engine calls `row` only inside `drive` below, with one row (or
    // piece of a row, never empty) of the operands our caller vouches for, all
    // holding `T`s, the output aliasing an input exactly or not at all:
    // `binary`'s contract.
    let row = |n, p, s| unsafe { kernels::binary_mv(n, p, s, &|x: T, y: T| al * x + be * y) };
    // SAFETY: our contract is `drive`'s, and `row` reads and writes `T`s.
    unsafe { apply::drive(shape, [o, x, y], PARALLEL_MIN_CHEAP, &row) }
}

/// Runs `α·x + β·y` on elements of `dt`.
///
/// # Safety
/// As [`apply::drive`]; all operands hold `dt` elements.
pub(crate) unsafe fn axpby_body(
    alpha: Complex64,
    beta: Complex64,
    dt: DType,
    shape: &[usize],
    o: Operand<'_>,
    xy: [Operand<'_>; 2],
) {
    // SAFETY: `dt` is the Rust type picked in each arm, so our contract is
    // `axpby_typed`'s for that type.
    unsafe {
        match dt {
            DType::F32 => axpby_typed::<f32>(alpha, beta, shape, o, xy),
            DType::F64 => axpby_typed::<f64>(alpha, beta, shape, o, xy),
            DType::C64 => axpby_typed::<Complex<f32>>(alpha, beta, shape, o, xy),
            DType::C128 => axpby_typed::<Complex<f64>>(alpha, beta, shape, o, xy),
        }
    }
}

/// Runs `a·b + c` on elements of `dt`.
///
/// # Safety
/// As [`apply::drive`]; all operands hold `dt` elements.
pub(crate) unsafe fn madd_body(dt: DType, shape: &[usize], o: Operand<'_>, abc: [Operand<'_>; 3]) {
    // SAFETY: `dt` is the Rust type picked in each arm, so our contract is
    // `madd_typed`'s for that type.
    unsafe {
        match dt {
            DType::F32 => madd_typed::<f32>(shape, o, abc),
            DType::F64 => madd_typed::<f64>(shape, o, abc),
            DType::C64 => madd_typed::<Complex<f32>>(shape, o, abc),
            DType::C128 => madd_typed::<Complex<f64>>(shape, o, abc),
        }
    }
}

fn axpby_impl(
    alpha: Complex64,
    x: &NdArray,
    beta: Complex64,
    y: &NdArray,
    out: Option<&mut NdArray>,
) -> Result<Option<NdArray>> {
    let dt = loop_dtype(&[x, y], &[alpha, beta]);
    apply::run("axpby", [x, y], dt, dt, out, |shape, o, xy| {
        // SAFETY: operands from `apply::run`.
        unsafe { axpby_body(alpha, beta, dt, shape, o, xy) }
    })
}

/// `α·x + β·y` with broadcasting, in one pass and a new array (NumPy needs
/// two temporaries). The dtype is the promotion of `x` and `y`, made
/// complex when α or β has an imaginary part.
///
/// # Errors
/// [`Error::Broadcast`](crate::Error::Broadcast); borrow conflicts;
/// allocation failure.
pub fn axpby(alpha: Complex64, x: &NdArray, beta: Complex64, y: &NdArray) -> Result<NdArray> {
    axpby_impl(alpha, x, beta, y, None).and_then(new_array)
}

/// [`axpby`] into `out` (NumPy's `out=` rules, see
/// [`binary_out`](super::binary_out)).
///
/// # Errors
/// As [`axpby`] and [`binary_out`](super::binary_out).
pub fn axpby_out(
    alpha: Complex64,
    x: &NdArray,
    beta: Complex64,
    y: &NdArray,
    out: &mut NdArray,
) -> Result<()> {
    axpby_impl(alpha, x, beta, y, Some(out)).map(|_| ())
}

/// `y = α·x + β·y` in place (BLAS's axpby, with broadcasting of `x`).
///
/// # Errors
/// As [`axpby_out`]; a complex result into a real `y` is a cast error.
pub fn axpby_inplace(
    alpha: Complex64,
    x: &NdArray,
    beta: Complex64,
    y: &mut NdArray,
) -> Result<()> {
    let src = y.new_view();
    axpby_impl(alpha, x, beta, &src, Some(y)).map(|_| ())
}

/// # Safety
/// As [`apply::drive`]; all operands hold `T` elements.
unsafe fn madd_typed<T: Math>(shape: &[usize], o: Operand<'_>, [a, b, c]: [Operand<'_>; 3]) {
    // SAFETY: as in `axpby_typed`: one row of our caller's operands, all `T`s:
    // `ternary`'s contract.
    let row = |n, p, s| unsafe { kernels::ternary_mv(n, p, s, &|a: T, b: T, c: T| a * b + c) };
    // SAFETY: our contract is `drive`'s, and `row` reads and writes `T`s.
    unsafe { apply::drive(shape, [o, a, b, c], PARALLEL_MIN_CHEAP, &row) }
}

fn madd_impl(
    a: &NdArray,
    b: &NdArray,
    c: &NdArray,
    out: Option<&mut NdArray>,
) -> Result<Option<NdArray>> {
    let dt = loop_dtype(&[a, b, c], &[]);
    let product_dt = a.dtype().promote(b.dtype());
    if product_dt != dt {
        return madd_mixed(a, b, c, dt, out);
    }
    apply::run("multiply_add", [a, b, c], dt, dt, out, |shape, o, abc| {
        // SAFETY: operands from `apply::run`.
        unsafe { madd_body(dt, shape, o, abc) }
    })
}

/// `a·b + c` when `c` widens the product's dtype (f32·f32 + f64, or a real
/// product plus a complex `c`): NumPy rounds `a*b` in the promotion of `a`
/// and `b` and only then converts it for the addition, so this does the
/// same, in two passes through a temporary product. All checks (the
/// three-way broadcast, `out`) happen before anything is computed.
fn madd_mixed(
    a: &NdArray,
    b: &NdArray,
    c: &NdArray,
    dt: DType,
    out: Option<&mut NdArray>,
) -> Result<Option<NdArray>> {
    const R: &str = "multiply_add";
    let shape = broadcast_shapes_for(R, &[a.shape(), b.shape(), c.shape()])?;
    if let Some(out) = out.as_deref() {
        apply::check_out(R, out, &shape, dt)?;
    }
    let product = super::binary(BinaryOp::Multiply, a, b)?;
    match out {
        Some(out) => super::binary_out(BinaryOp::Add, &product, c, out).map(|()| None),
        None => super::binary(BinaryOp::Add, &product, c).map(Some),
    }
}

/// `a·b + c` with three-way broadcasting, in one pass and a new array
/// (NumPy's `a*b + c` makes a temporary). Rounded as NumPy rounds it: the
/// product, then the sum (no fused multiply-add instruction). The dtype is
/// the promotion of the three inputs; the product is rounded in the
/// promotion of `a` and `b` alone, as NumPy's `a*b` is, so when `c` widens
/// it (f32·f32 + f64, real·real + complex) the product goes through a
/// temporary of that narrower dtype instead of the single fused pass.
///
/// # Errors
/// [`Error::BroadcastMany`](crate::Error::BroadcastMany) naming the three
/// shapes; borrow conflicts; allocation failure.
pub fn multiply_add(a: &NdArray, b: &NdArray, c: &NdArray) -> Result<NdArray> {
    madd_impl(a, b, c, None).and_then(new_array)
}

/// [`multiply_add`] into `out` (see [`binary_out`](super::binary_out)).
///
/// # Errors
/// As [`multiply_add`] and [`binary_out`](super::binary_out).
pub fn multiply_add_out(a: &NdArray, b: &NdArray, c: &NdArray, out: &mut NdArray) -> Result<()> {
    madd_impl(a, b, c, Some(out)).map(|_| ())
}

/// `c += a·b` in place.
///
/// # Errors
/// As [`multiply_add_out`].
pub fn multiply_add_inplace(a: &NdArray, b: &NdArray, c: &mut NdArray) -> Result<()> {
    let src = c.new_view();
    madd_impl(a, b, &src, Some(c)).map(|_| ())
}
