//! Stacks of matrices: `(…, M, N)` arrays looped over their leading axes,
//! as numpy.linalg does, with NumPy's broadcasting of the leading axes.

use ndarray::{ArrayD, ArrayRef, ArrayView2, ArrayViewD, Axis, Dimension, Ix2, IxDyn};

use crate::error::{Error, Result, Shape};

/// The leading (stack) shape and the matrix shape of `a`, which must have at
/// least two axes.
pub(crate) fn split<T, D: Dimension>(
    routine: &'static str,
    what: &'static str,
    a: &ArrayRef<T, D>,
) -> Result<(Vec<usize>, usize, usize)> {
    let shape = a.shape();
    if shape.len() < 2 {
        return Err(Error::TooFewDimensions {
            routine,
            what,
            min: 2,
            shape: Shape(shape.to_vec()),
        });
    }
    let nd = shape.len();
    Ok((shape[..nd - 2].to_vec(), shape[nd - 2], shape[nd - 1]))
}

/// NumPy's broadcast of two shapes.
pub(crate) fn broadcast_shapes(
    routine: &'static str,
    a: &[usize],
    b: &[usize],
) -> Result<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = crate::alloc::try_vec(routine, n, 0)?;
    for i in 0..n {
        let da = if i + a.len() >= n {
            a[i + a.len() - n]
        } else {
            1
        };
        let db = if i + b.len() >= n {
            b[i + b.len() - n]
        } else {
            1
        };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => {
                return Err(Error::Broadcast {
                    routine,
                    lhs: Shape(a.to_vec()),
                    rhs: Shape(b.to_vec()),
                });
            }
        };
    }
    Ok(out)
}

/// All indices of a stack shape, in C order.
pub(crate) fn stack_indices(lead: &[usize]) -> impl Iterator<Item = Vec<usize>> + '_ {
    let total: usize = lead.iter().product();
    (0..total).map(move |mut flat| {
        let mut idx = vec![0; lead.len()];
        for (i, &len) in lead.iter().enumerate().rev() {
            idx[i] = flat % len;
            flat /= len;
        }
        idx
    })
}

/// The matrix at stack index `idx` of `a`, where `a`'s leading axes are
/// broadcast to the stack shape of which `idx` is an index (axes of length 1
/// repeat; missing leading axes are implied).
pub(crate) fn matrix_at<'a, T>(a: ArrayViewD<'a, T>, idx: &[usize]) -> ArrayView2<'a, T> {
    let lead = a.ndim() - 2;
    let skip = idx.len() - lead;
    let mut v = a;
    for &i in &idx[skip..] {
        let i = if v.len_of(Axis(0)) == 1 { 0 } else { i };
        v = v.index_axis_move(Axis(0), i);
    }
    v.into_dimensionality::<Ix2>()
        .expect("two axes remain after indexing the leading ones")
}

/// The item at stack index `idx` of an array whose leading axes are the
/// stack shape (used for vectors `(…, n)` as well as matrices).
pub(crate) fn item_at<'a, T>(
    a: ArrayViewD<'a, T>,
    idx: &[usize],
    item_ndim: usize,
) -> ArrayViewD<'a, T> {
    let lead = a.ndim() - item_ndim;
    let skip = idx.len() - lead;
    let mut v = a;
    for &i in &idx[skip..] {
        let i = if v.len_of(Axis(0)) == 1 { 0 } else { i };
        v = v.index_axis_move(Axis(0), i);
    }
    v
}

/// The number of matrices in a stack of leading shape `lead`.
///
/// # Errors
/// `SizeOverflow` when the count does not fit `isize` (possible for a
/// broadcast of two stacks of empty matrices).
pub(crate) fn stack_len(routine: &'static str, lead: &[usize]) -> Result<usize> {
    lead.iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| Error::SizeOverflow {
            routine,
            shape: Shape(lead.to_vec()),
            itemsize: 1,
        })
}

/// An empty vector with room for one per-matrix result of the stack `lead`,
/// reserved fallibly, so that pushing the results never reallocates.
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`.
pub(crate) fn stack_items<I>(routine: &'static str, lead: &[usize]) -> Result<Vec<I>> {
    crate::alloc::try_with_capacity(routine, stack_len(routine, lead)?)
}

/// `f` of every stack index of `lead`, in C order, into a vector reserved
/// fallibly; the first error stops the loop.
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`, or `f`'s error.
pub(crate) fn map_stack<I>(
    routine: &'static str,
    lead: &[usize],
    mut f: impl FnMut(&[usize]) -> Result<I>,
) -> Result<Vec<I>> {
    let mut items = stack_items(routine, lead)?;
    for idx in stack_indices(lead) {
        items.push(f(&idx)?);
    }
    Ok(items)
}

/// Assembles per-item results into one array of shape `lead + item_shape`.
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory` for the result.
pub(crate) fn assemble<T: Clone + Default, D: Dimension>(
    routine: &'static str,
    lead: &[usize],
    item_shape: &[usize],
    items: Vec<ndarray::Array<T, D>>,
) -> Result<ArrayD<T>> {
    let shape = [lead, item_shape].concat();
    let mut out: ArrayD<T> = crate::alloc::try_zeros(routine, IxDyn(&shape))?;
    for (idx, item) in stack_indices(lead).zip(items) {
        let mut v = out.view_mut();
        for &i in &idx {
            v = v.index_axis_move(Axis(0), i);
        }
        v.assign(&item.into_dyn());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasting_follows_numpy() {
        assert_eq!(broadcast_shapes("t", &[2, 1], &[3]).unwrap(), vec![2, 3]);
        assert_eq!(broadcast_shapes("t", &[], &[4]).unwrap(), vec![4]);
        let e = broadcast_shapes("t", &[2, 3], &[4]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t: operands could not be broadcast together with shapes (2,3) (4,)"
        );
    }

    #[test]
    fn indices_in_c_order() {
        let v: Vec<_> = stack_indices(&[2, 3]).collect();
        assert_eq!(v.len(), 6);
        assert_eq!(v[1], vec![0, 1]);
        assert_eq!(v[3], vec![1, 0]);
        assert_eq!(stack_indices(&[]).count(), 1);
        assert_eq!(stack_indices(&[0, 3]).count(), 0);
    }
}
