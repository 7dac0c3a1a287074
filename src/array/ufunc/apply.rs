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
    let shapes: [&[usize]; K] = std::array::from_fn(|k| inputs[k].shape());
    let shape = broadcast_shapes_for(name, &shapes)?;
    if let Some(out) = out.as_deref() {
        check_out(name, out, &shape, result_dtype)?;
    }
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
            // Inputs broadcast to the full shape; an input that overlaps
            // `out` other than exactly is copied first.
            let mut views: Vec<NdArray> = Vec::with_capacity(K);
            for a in typed {
                let v = a.broadcast_to(&shape)?;
                let v = if ranges_overlap(&v, out) && !same_elements(&v, out) {
                    v.copy(MemOrder::K)?
                } else {
                    v
                };
                views.push(v);
            }
            let _w = out.buf.borrow_mut(name)?;
            let mut guards = Vec::with_capacity(K);
            for v in &views {
                if !Arc::ptr_eq(&v.buf, &out.buf) {
                    guards.push(v.buf.borrow_shared(name)?);
                }
            }
            let ops: [Operand<'_>; K] = std::array::from_fn(|k| Operand {
                ptr: views[k].ptr,
                strides: views[k].strides(),
            });
            body(
                &shape,
                Operand {
                    ptr: out.ptr,
                    strides: out.strides(),
                },
                ops,
            );
            Ok(None)
        }
        Some(out) => {
            let tmp = fresh(name, &shape, &typed, result_dtype, body)?;
            out.copyto(&tmp, Casting::SameKind)?;
            Ok(None)
        }
        None => fresh(name, &shape, &typed, result_dtype, body).map(Some),
    }
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
    let views: Vec<NdArray> = inputs
        .iter()
        .map(|a| a.broadcast_to(shape))
        .collect::<Result<_>>()?;
    let mut guards = Vec::with_capacity(K);
    for v in &views {
        guards.push(v.buf.borrow_shared(name)?);
    }
    let ops: [Operand<'_>; K] = std::array::from_fn(|k| Operand {
        ptr: views[k].ptr,
        strides: views[k].strides(),
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
    if out.has_overlap() {
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
