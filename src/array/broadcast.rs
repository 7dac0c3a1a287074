//! NumPy's broadcasting rule for shapes: trailing axes must be equal or 1;
//! missing leading axes count as 1.

use super::MAX_DIMS;
use crate::error::{Error, Result, Shape, Shapes};

/// The shape that `shapes` broadcast to (NumPy's `np.broadcast_shapes`).
///
/// # Errors
/// [`Error::Broadcast`] (two shapes) or [`Error::BroadcastMany`] naming
/// every shape, as NumPy's message does; [`Error::TooManyDimensions`] past
/// [`MAX_DIMS`].
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    broadcast_shapes_for("broadcast_shapes", shapes)
}

/// [`broadcast_shapes`] with the calling routine's name in the error.
pub(crate) fn broadcast_shapes_for(
    routine: &'static str,
    shapes: &[&[usize]],
) -> Result<Vec<usize>> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    if ndim > MAX_DIMS {
        return Err(Error::TooManyDimensions {
            routine,
            ndim,
            max: MAX_DIMS,
        });
    }
    let mut out = crate::alloc::try_vec(routine, ndim, 1usize)?;
    for s in shapes {
        let lead = ndim - s.len();
        for (k, &n) in s.iter().enumerate() {
            let o = &mut out[lead + k];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                return Err(broadcast_error(routine, shapes));
            }
        }
    }
    Ok(out)
}

/// The broadcast error naming all `shapes`.
pub(crate) fn broadcast_error(routine: &'static str, shapes: &[&[usize]]) -> Error {
    if let [a, b] = shapes {
        Error::Broadcast {
            routine,
            lhs: Shape(a.to_vec()),
            rhs: Shape(b.to_vec()),
        }
    } else {
        Error::BroadcastMany {
            routine,
            shapes: Shapes(shapes.iter().map(|s| Shape(s.to_vec())).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_rules() {
        assert_eq!(broadcast_shapes(&[&[2, 3], &[3]]).unwrap(), vec![2, 3]);
        assert_eq!(
            broadcast_shapes(&[&[4, 1, 3], &[5, 1], &[]]).unwrap(),
            vec![4, 5, 3]
        );
        assert_eq!(broadcast_shapes(&[&[0, 1], &[1, 7]]).unwrap(), vec![0, 7]);
        assert_eq!(broadcast_shapes(&[]).unwrap(), Vec::<usize>::new());
        let e = broadcast_shapes(&[&[2, 3], &[4]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "broadcast_shapes: operands could not be broadcast together with shapes (2,3) (4,)"
        );
        let e = broadcast_shapes(&[&[2, 3], &[3], &[0]]).unwrap_err();
        assert!(e.to_string().ends_with("shapes (2,3) (3,) (0,)"), "{e}");
    }
}
