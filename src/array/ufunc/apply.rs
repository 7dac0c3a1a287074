//! Running a ufunc on [`NdArray`] operands: broadcasting, dtype promotion,
//! the `out` argument's checks, NumPy's overlap guarantee, buffer borrows,
//! and the strided engine.

use std::sync::Arc;

use super::engine;
use crate::array::broadcast::broadcast_shapes_for;
use crate::array::{Casting, MAX_DIMS, MemOrder, NdArray};
use crate::dtype::DType;
use crate::error::{Error, Result, Shape};

/// Element count from which elementwise work is spread over lapis's pool,
/// for cheap functions (arithmetic, comparisons) and for costly ones
/// (exp, log, trigonometry, complex division). Chosen by measurement
/// (benches/ufunc.rs): below these the hand-off costs more than it saves.
pub(crate) const PARALLEL_MIN_CHEAP: usize = 1 << 17;
pub(crate) const PARALLEL_MIN_COSTLY: usize = 1 << 13;

/// One operand as the engine sees it: pointer and byte strides over the
/// broadcast shape.
#[derive(Clone, Copy)]
pub(crate) struct Operand<'a> {
    pub ptr: *mut u8,
    pub strides: &'a [isize],
}

/// Whether the byte ranges two arrays can touch intersect (conservative).
fn ranges_overlap(a: &NdArray, b: &NdArray) -> bool {
    if !Arc::ptr_eq(&a.buf, &b.buf) || a.size() == 0 || b.size() == 0 {
        return false;
    }
    let span = |x: &NdArray| {
        let (mut lo, mut hi) = (x.ptr as isize, x.ptr as isize + x.itemsize() as isize);
        for k in 0..x.ndim {
            let d = (x.shape[k] as isize - 1) * x.strides[k];
            if d < 0 {
                lo += d;
            } else {
                hi += d;
            }
        }
        (lo, hi)
    };
    let (a0, a1) = span(a);
    let (b0, b1) = span(b);
    a0 < b1 && b0 < a1
}

/// Exactly the same elements in the same positions: same pointer, dtype
/// size and strides on every axis longer than 1.
fn same_elements(a: &NdArray, b: &NdArray) -> bool {
    a.ptr == b.ptr
        && a.itemsize() == b.itemsize()
        && a.ndim == b.ndim
        && (0..a.ndim)
            .all(|k| a.shape[k] == b.shape[k] && (a.shape[k] <= 1 || a.strides[k] == b.strides[k]))
}

/// The strides of a new result of `shape`: the layout of the first input
/// that already has the full shape (NumPy's order K), else C order.
fn result_strides(shape: &[usize], inputs: &[&NdArray], itemsize: usize) -> [isize; MAX_DIMS] {
    match inputs.iter().find(|a| a.shape() == shape) {
        Some(a) => a.order_strides(MemOrder::K, itemsize),
        None => {
            let mut s = [0isize; MAX_DIMS];
            crate::array::dynarray::contiguous_strides(
                shape,
                itemsize,
                MemOrder::C,
                &mut s[..shape.len()],
            );
            s
        }
    }
}

/// Runs a `K`-input ufunc. `loop_dtype` is the dtype the inputs are
/// converted to (a copy for an input of another dtype), `result_dtype`
/// that of the result. With `out`, the result is written there (cast under
/// `same_kind`, through a temporary when its dtype differs); without, a
/// new array is returned. `body` gets the broadcast shape, the output and
/// the inputs, and must write every output element.
///
/// Every check happens before anything is written.
pub(crate) fn run<const K: usize>(
    name: &'static str,
    inputs: [&NdArray; K],
    loop_dtype: DType,
    result_dtype: DType,
    out: Option<&mut NdArray>,
    body: impl FnOnce(&[usize], Operand<'_>, [Operand<'_>; K]),
) -> Result<Option<NdArray>> {
    let _profile = crate::profile::scope(name);
    // The broadcast shape; no allocation when all shapes agree.
    let first = inputs.first().map_or(&[][..], |a| a.shape());
    let broadcast;
    let shape: &[usize] = if inputs.iter().all(|a| a.shape() == first) {
        first
    } else {
        let shapes: [&[usize]; K] = std::array::from_fn(|k| inputs[k].shape());
        broadcast = broadcast_shapes_for(name, &shapes)?;
        &broadcast
    };
    if let Some(out) = out.as_deref() {
        check_out(name, out, shape, result_dtype)?;
    }
    let simple = inputs
        .iter()
        .all(|a| a.dtype == loop_dtype && a.shape() == shape);
    let out = match out {
        Some(o)
            if simple
                && o.dtype == result_dtype
                && inputs
                    .iter()
                    .all(|a| !ranges_overlap(a, o) || same_elements(a, o)) =>
        {
            // The common case: operands of the full shape and the loop
            // dtype, `out` of the result dtype, no partial overlap.
            direct(name, inputs, o, shape, body)?;
            return Ok(None);
        }
        other => other,
    };
    // Inputs in the loop dtype (copies only for mixed dtypes).
    let mut cast: [Option<NdArray>; K] = std::array::from_fn(|_| None);
    for k in 0..K {
        if inputs[k].dtype != loop_dtype {
            cast[k] = Some(inputs[k].astype_with(loop_dtype, Casting::Unsafe)?);
        }
    }
    let typed: [&NdArray; K] = std::array::from_fn(|k| cast[k].as_ref().unwrap_or(inputs[k]));
    match out {
        Some(out) if out.dtype == result_dtype => {
            // Inputs broadcast to the full shape (a view only where the
            // shape differs); an input that overlaps `out` other than
            // exactly is copied first.
            let mut views: [Option<NdArray>; K] = std::array::from_fn(|_| None);
            for k in 0..K {
                let a = typed[k];
                if a.shape() != shape {
                    views[k] = Some(a.broadcast_to(shape)?);
                }
                let v = views[k].as_ref().unwrap_or(a);
                if ranges_overlap(v, out) && !same_elements(v, out) {
                    views[k] = Some(v.copy(MemOrder::K)?.broadcast_to(shape)?);
                }
            }
            let full: [&NdArray; K] =
                std::array::from_fn(|k| views[k].as_ref().unwrap_or(typed[k]));
            let _w = out.buf.borrow_mut(name)?;
            let mut guards: [Option<_>; K] = std::array::from_fn(|_| None);
            for k in 0..K {
                if !Arc::ptr_eq(&full[k].buf, &out.buf) {
                    guards[k] = Some(full[k].buf.borrow_shared(name)?);
                }
            }
            let ops: [Operand<'_>; K] = std::array::from_fn(|k| Operand {
                ptr: full[k].ptr,
                strides: full[k].strides(),
            });
            body(
                shape,
                Operand {
                    ptr: out.ptr,
                    strides: out.strides(),
                },
                ops,
            );
            Ok(None)
        }
        Some(out) => {
            let tmp = fresh(name, shape, &typed, result_dtype, body)?;
            out.copyto(&tmp, Casting::SameKind)?;
            Ok(None)
        }
        None => fresh(name, shape, &typed, result_dtype, body).map(Some),
    }
}

/// Runs `body` on inputs that already have the full shape and dtype and
/// overlap `out` exactly or not at all.
fn direct<const K: usize>(
    name: &'static str,
    inputs: [&NdArray; K],
    out: &mut NdArray,
    shape: &[usize],
    body: impl FnOnce(&[usize], Operand<'_>, [Operand<'_>; K]),
) -> Result<()> {
    let _w = out.buf.borrow_mut(name)?;
    let mut guards: [Option<_>; K] = std::array::from_fn(|_| None);
    for k in 0..K {
        if !Arc::ptr_eq(&inputs[k].buf, &out.buf) {
            guards[k] = Some(inputs[k].buf.borrow_shared(name)?);
        }
    }
    let ops: [Operand<'_>; K] = std::array::from_fn(|k| Operand {
        ptr: inputs[k].ptr,
        strides: inputs[k].strides(),
    });
    body(
        shape,
        Operand {
            ptr: out.ptr,
            strides: out.strides(),
        },
        ops,
    );
    Ok(())
}

/// The result in a new array.
fn fresh<const K: usize>(
    name: &'static str,
    shape: &[usize],
    inputs: &[&NdArray; K],
    dtype: DType,
    body: impl FnOnce(&[usize], Operand<'_>, [Operand<'_>; K]),
) -> Result<NdArray> {
    let strides = result_strides(shape, inputs, dtype.itemsize());
    let res = NdArray::alloc_strided(name, dtype, shape, &strides[..shape.len()], false)?;
    let mut views: [Option<NdArray>; K] = std::array::from_fn(|_| None);
    for k in 0..K {
        if inputs[k].shape() != shape {
            views[k] = Some(inputs[k].broadcast_to(shape)?);
        }
    }
    let full: [&NdArray; K] = std::array::from_fn(|k| views[k].as_ref().unwrap_or(inputs[k]));
    let mut guards: [Option<_>; K] = std::array::from_fn(|_| None);
    for k in 0..K {
        guards[k] = Some(full[k].buf.borrow_shared(name)?);
    }
    let ops: [Operand<'_>; K] = std::array::from_fn(|k| Operand {
        ptr: full[k].ptr,
        strides: full[k].strides(),
    });
    body(
        shape,
        Operand {
            ptr: res.ptr,
            strides: res.strides(),
        },
        ops,
    );
    Ok(res)
}

/// `out` must be writable, of exactly the broadcast shape, with distinct
/// elements, and able to hold `result_dtype` under `same_kind` casting.
pub(crate) fn check_out(
    name: &'static str,
    out: &NdArray,
    shape: &[usize],
    result_dtype: DType,
) -> Result<()> {
    if !out.writable {
        return Err(Error::ReadOnly { routine: name });
    }
    if out.shape() != shape {
        return Err(Error::OutputShape {
            routine: name,
            out: Shape(out.shape().to_vec()),
            expected: Shape(shape.to_vec()),
        });
    }
    if !Casting::SameKind.allows(result_dtype, out.dtype) {
        return Err(Error::Cast {
            routine: name,
            from: result_dtype,
            to: out.dtype,
            casting: Casting::SameKind.name(),
        });
    }
    if !(out.is_c_contiguous() || out.is_f_contiguous()) && out.has_overlap() {
        return Err(Error::OverlappingOutput {
            routine: name,
            what: "out",
            strides: out.strides().to_vec(),
        });
    }
    Ok(())
}

/// Runs the engine with a row kernel over the output and `K` inputs.
///
/// # Safety
/// The operands come from [`run`]'s `body` (valid over `shape`, output
/// exclusive, inputs aliasing it only exactly) and `row` writes each
/// output element of its row from the inputs' elements at the same index.
pub(crate) unsafe fn drive<const N: usize>(
    shape: &[usize],
    ops: [Operand<'_>; N],
    parallel_min: usize,
    row: &engine::Row<'_, N>,
) {
    let ptrs = ops.map(|o| o.ptr);
    let strides: [&[isize]; N] = std::array::from_fn(|k| ops[k].strides);
    // SAFETY: forwarded from the caller.
    unsafe { engine::run(shape, ptrs, strides, parallel_min, row) }
}
