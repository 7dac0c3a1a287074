//! Fallible allocation of temporaries whose size comes from the caller.
//!
//! Rust's `vec![x; n]`, `Vec::with_capacity` and ndarray's `Array::zeros`
//! abort the process when the allocator refuses; a library embedded in a
//! long-running simulation must instead report it. Every working copy,
//! workspace and result whose size follows from the caller's shapes goes
//! through these functions, which return [`Error::SizeOverflow`] when the
//! byte count does not fit `isize` and [`Error::OutOfMemory`] when the
//! allocator refuses. (Small bookkeeping — shapes, axis lists, one value
//! per dimension — is left to the infallible allocator.)

use ndarray::{Array, Dimension, ShapeBuilder};

use crate::error::{Error, Result, Shape};

/// Bytes of slack before and after every array buffer lapis allocates, and
/// after every temporary it hands to BLAS. Some BLAS
/// kernels load one element beyond either end of an operand (OpenBLAS
/// 0.3.21's Haswell `{c,z}dot{u,c}` with non-unit increments and
/// `{c,z}gemv_n`, OpenMathLib/OpenBLAS#4013); with the slack such a load
/// stays inside the allocation, however the allocation falls on pages.
/// One cache line, so the elements stay 64-byte aligned.
pub(crate) const PAD: usize = 64;

/// The byte count of `n` elements of `T`, or `SizeOverflow`.
fn bytes_of<T>(routine: &'static str, shape: &[usize], n: Option<usize>) -> Result<usize> {
    let itemsize = std::mem::size_of::<T>();
    n.and_then(|n| n.checked_mul(itemsize))
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(|| Error::SizeOverflow {
            routine,
            shape: Shape(shape.to_vec()),
            itemsize,
        })
}

/// An empty vector with room for `n` elements and at least
/// [`PAD`] bytes more, so that a BLAS kernel
/// reading one element past the end of a temporary handed to it stays
/// inside the allocation (the allocator's own header precedes the start).
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`.
pub(crate) fn try_with_capacity<T>(routine: &'static str, n: usize) -> Result<Vec<T>> {
    let pad = PAD.div_ceil(std::mem::size_of::<T>().max(1));
    let nbytes = bytes_of::<T>(routine, &[n], n.checked_add(pad))?;
    let mut v = Vec::new();
    v.try_reserve_exact(n + pad)
        .map_err(|_| Error::OutOfMemory { routine, nbytes })?;
    crate::profile::note_alloc(nbytes);
    Ok(v)
}

/// `n` copies of `value` (a fallible `vec![value; n]`).
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`.
pub(crate) fn try_vec<T: Clone>(routine: &'static str, n: usize, value: T) -> Result<Vec<T>> {
    let mut v = try_with_capacity(routine, n)?;
    v.resize(n, value);
    Ok(v)
}

/// Grows `v` to at least `len` elements, filling with `value` (a
/// workspace kept across the matrices of a stack: it never shrinks), and
/// keeps [`PAD`] bytes of room past the end, as [`try_with_capacity`].
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`; `v` is unchanged then.
pub(crate) fn try_grow<T: Clone>(
    routine: &'static str,
    v: &mut Vec<T>,
    len: usize,
    value: T,
) -> Result<()> {
    if v.len() >= len {
        return Ok(());
    }
    let pad = PAD.div_ceil(std::mem::size_of::<T>().max(1));
    let nbytes = bytes_of::<T>(routine, &[len], len.checked_add(pad))?;
    v.try_reserve_exact(len + pad - v.len())
        .map_err(|_| Error::OutOfMemory { routine, nbytes })?;
    v.resize(len, value);
    Ok(())
}

/// An array of `shape` (C or Fortran order, as `ShapeBuilder` says) filled
/// with `T::default()`, zero for every lapis scalar (a fallible
/// `Array::zeros`).
///
/// # Errors
/// `SizeOverflow`, `OutOfMemory`.
pub(crate) fn try_zeros<T, D, Sh>(routine: &'static str, shape: Sh) -> Result<Array<T, D>>
where
    T: Clone + Default,
    D: Dimension,
    Sh: ShapeBuilder<Dim = D>,
{
    let shape = shape.into_shape_with_order();
    let dims = shape.raw_dim().slice().to_vec();
    let n = dims.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d));
    bytes_of::<T>(routine, &dims, n)?;
    let v = try_vec(routine, n.unwrap_or(0), T::default())?;
    Array::from_shape_vec(shape, v).map_err(|_| Error::SizeOverflow {
        routine,
        shape: Shape(dims),
        itemsize: std::mem::size_of::<T>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, Ix2};

    #[test]
    fn refusals_are_errors_not_aborts() {
        // 2^60 f64: the byte count overflows isize.
        assert!(matches!(
            try_vec::<f64>("t", 1 << 60, 0.0),
            Err(Error::SizeOverflow { .. })
        ));
        // 2^58 bytes fits isize but no allocator grants it.
        assert!(matches!(
            try_vec::<f64>("t", 1 << 55, 0.0),
            Err(Error::OutOfMemory { routine: "t", .. })
        ));
        assert!(matches!(
            try_zeros::<f64, Ix2, _>("t", (1 << 40, 1 << 40)),
            Err(Error::SizeOverflow { .. })
        ));
        assert!(matches!(
            try_zeros::<f64, Ix2, _>("t", (1 << 27, 1 << 27).f()),
            Err(Error::OutOfMemory { .. })
        ));
    }

    #[test]
    fn granted_requests_match_the_infallible_forms() {
        assert_eq!(try_vec("t", 3, 1.5f32).unwrap(), vec![1.5f32; 3]);
        let a: Array2<f64> = try_zeros("t", (2, 3).f()).unwrap();
        assert_eq!(a, Array2::<f64>::zeros((2, 3)));
        assert_eq!(a.strides(), &[1, 2]);
        assert!(try_with_capacity::<u8>("t", 0).unwrap().is_empty());
        // Slack of at least one cache line past the end.
        let v = try_vec("t", 5, 0.0f64).unwrap();
        assert!(v.capacity() * 8 >= 5 * 8 + 64);
    }
}
