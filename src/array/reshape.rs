//! `reshape` and `ravel` with NumPy's rule for when they copy.
//!
//! A reshape is a view whenever the new shape can be expressed with
//! strides over the same memory (NumPy's `_attempt_nocopy_reshape`, ported
//! here): always for contiguous arrays in the requested order, and for
//! strided arrays whose merged or split axes are contiguous among
//! themselves. Otherwise the array is first copied in the requested order.

use super::dynarray::{NdArray, checked_size, contiguous_strides};
use super::{MAX_DIMS, MemOrder};
use crate::error::{Error, Result};

/// Resolves one `-1` in `shape` against `size` (NumPy's
/// `_fix_unknown_dimension`).
fn resolve_shape(shape: &[isize], size: usize, out: &mut [usize; MAX_DIMS]) -> Result<usize> {
    const R: &str = "reshape";
    if shape.len() > MAX_DIMS {
        return Err(Error::TooManyDimensions {
            routine: R,
            ndim: shape.len(),
            max: MAX_DIMS,
        });
    }
    let mismatch = || Error::ReshapeSize {
        size,
        shape: shape.to_vec(),
    };
    let mut unknown = None;
    let mut known: usize = 1;
    for (k, &d) in shape.iter().enumerate() {
        if d == -1 {
            if unknown.is_some() {
                return Err(Error::InvalidArgument {
                    routine: R,
                    what: "shape",
                    reason: "can only specify one unknown dimension".into(),
                });
            }
            unknown = Some(k);
        } else if d < 0 {
            return Err(Error::InvalidArgument {
                routine: R,
                what: "shape",
                reason: format!("negative dimensions not allowed (got {d})"),
            });
        } else {
            out[k] = d as usize;
            // An overflowing product cannot equal `size`.
            known = known.checked_mul(d as usize).ok_or_else(mismatch)?;
        }
    }
    match unknown {
        Some(k) => {
            if known == 0 || !size.is_multiple_of(known) {
                return Err(mismatch());
            }
            out[k] = size / known;
        }
        None if known != size => return Err(mismatch()),
        None => {}
    }
    Ok(shape.len())
}

/// Strides of `new` over the memory of `a` without a copy, C order, or
/// `None` (NumPy's `_attempt_nocopy_reshape`). Requires equal sizes.
fn nocopy_strides(a: &NdArray, new: &[usize], out: &mut [isize; MAX_DIMS]) -> Option<()> {
    let mut od = [0usize; MAX_DIMS];
    let mut os = [0isize; MAX_DIMS];
    let mut ond = 0;
    // Length-1 axes have no effect and any stride: drop them.
    for k in 0..a.ndim {
        if a.shape[k] != 1 {
            od[ond] = a.shape[k];
            os[ond] = a.strides[k];
            ond += 1;
        }
    }
    let nnd = new.len();
    let (mut oi, mut oj, mut ni, mut nj) = (0, 1, 0, 1);
    while ni < nnd && oi < ond {
        let mut np = new[ni];
        let mut op = od[oi];
        while np != op {
            if np < op {
                np = np.checked_mul(*new.get(nj)?)?;
                nj += 1;
            } else {
                op = op.checked_mul(*od.get(oj)?)?;
                oj += 1;
            }
        }
        // The old axes oi..oj must be contiguous among themselves.
        for ok in oi..oj - 1 {
            if os[ok] != (od[ok + 1] as isize).wrapping_mul(os[ok + 1]) {
                return None;
            }
        }
        out[nj - 1] = os[oj - 1];
        for nk in (ni + 1..nj).rev() {
            out[nk - 1] = out[nk].wrapping_mul(new[nk] as isize);
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Trailing length-1 axes of the new shape.
    let last = if ni >= 1 {
        out[ni - 1]
    } else {
        a.itemsize() as isize
    };
    for s in &mut out[ni..nnd] {
        *s = last;
    }
    Some(())
}

impl NdArray {
    /// The elements in C order arranged into `shape` (one entry may be
    /// `-1`, inferred from the size): a view when the strides allow it (C-
    /// contiguous arrays always, strided ones when the merged axes are
    /// contiguous among themselves; a shape equal to the current one
    /// always), else a C-order copy — exactly when NumPy copies.
    ///
    /// # Errors
    /// [`Error::ReshapeSize`] if the sizes differ; two `-1`s or another
    /// negative entry ([`Error::InvalidArgument`]); more than [`MAX_DIMS`]
    /// axes; as [`copy`](Self::copy) when a copy is needed.
    pub fn reshape(&self, shape: &[isize]) -> Result<NdArray> {
        self.reshape_order(shape, MemOrder::C)
    }

    /// As [`reshape`](Self::reshape), reading and placing the elements in
    /// `order`: C (last index fastest) or F (first index fastest). A and K
    /// are taken as C.
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape).
    pub fn reshape_order(&self, shape: &[isize], order: MemOrder) -> Result<NdArray> {
        if shape.len() > MAX_DIMS {
            return Err(Error::TooManyDimensions {
                routine: "reshape",
                ndim: shape.len(),
                max: MAX_DIMS,
            });
        }
        if order == MemOrder::F {
            // F-order reshape is the C-order reshape of the reversed axes.
            let mut rev = [0isize; MAX_DIMS];
            rev[..shape.len()].copy_from_slice(shape);
            rev[..shape.len()].reverse();
            return Ok(self
                .t()
                .reshape_order(&rev[..shape.len()], MemOrder::C)?
                .t());
        }
        // NumPy returns a plain view for the current shape (before -1 is
        // resolved: a -1 goes the general way).
        if shape.len() == self.ndim
            && shape
                .iter()
                .zip(self.shape())
                .all(|(&d, &n)| d >= 0 && d as usize == n)
        {
            return Ok(self.new_view());
        }
        let mut dims = [0usize; MAX_DIMS];
        let nd = resolve_shape(shape, self.size(), &mut dims)?;
        let dims = &dims[..nd];
        checked_size("reshape", dims, self.itemsize())?;
        let mut strides = [0isize; MAX_DIMS];
        let mut out = if self.is_c_contiguous() {
            contiguous_strides(dims, self.itemsize(), MemOrder::C, &mut strides[..nd]);
            self.new_view()
        } else if nocopy_strides(self, dims, &mut strides).is_some() {
            self.new_view()
        } else {
            let c = self.copy(MemOrder::C)?;
            contiguous_strides(dims, self.itemsize(), MemOrder::C, &mut strides[..nd]);
            c
        };
        out.ndim = nd;
        out.shape[..nd].copy_from_slice(dims);
        out.strides[..nd].copy_from_slice(&strides[..nd]);
        Ok(out)
    }

    /// The elements as a 1-d array (NumPy's `ravel`): a view when the
    /// memory allows it, else a copy ([`flatten`](Self::flatten)).
    ///
    /// * C: a view when C-contiguous; F: when F-contiguous; A: F if the
    ///   array is F- and not C-contiguous, else C.
    /// * K: the elements in the order of decreasing |stride| (memory order
    ///   when no stride is negative; NumPy does not flip negative axes
    ///   here); a view when the array is contiguous in some axis order with
    ///   positive strides.
    ///
    /// As NumPy's, `ravel` copies a strided 1-d array (where `reshape(-1)`
    /// gives a view).
    ///
    /// # Errors
    /// As [`copy`](Self::copy).
    pub fn ravel(&self, order: MemOrder) -> Result<NdArray> {
        let n = self.size() as isize;
        match self.resolve_a(order) {
            MemOrder::C if self.is_c_contiguous() => self.reshape(&[n]),
            MemOrder::F if self.is_f_contiguous() => self.reshape_order(&[n], MemOrder::F),
            MemOrder::K if self.is_c_contiguous() => self.reshape(&[n]),
            MemOrder::K if self.k_contiguous() => {
                let mut out = self.new_view();
                out.ndim = 1;
                out.shape[0] = n as usize;
                out.strides[0] = self.itemsize() as isize;
                Ok(out)
            }
            o => self.flatten(o),
        }
    }

    /// A for C or F, as NumPy resolves it.
    fn resolve_a(&self, order: MemOrder) -> MemOrder {
        match order {
            MemOrder::A if self.is_f_contiguous() && !self.is_c_contiguous() => MemOrder::F,
            MemOrder::A => MemOrder::C,
            o => o,
        }
    }

    /// Contiguous in the order of decreasing stride, all strides positive.
    fn k_contiguous(&self) -> bool {
        let mut perm = [0usize; MAX_DIMS];
        for (k, p) in perm[..self.ndim].iter_mut().enumerate() {
            *p = k;
        }
        let perm = &mut perm[..self.ndim];
        perm.sort_by_key(|&k| std::cmp::Reverse(self.strides[k].unsigned_abs()));
        let mut expect = self.itemsize() as isize;
        for &k in perm.iter().rev() {
            if self.shape[k] == 1 {
                continue;
            }
            if self.strides[k] != expect {
                return false;
            }
            expect *= self.shape[k] as isize;
        }
        true
    }

    /// The axes sorted by decreasing |stride| (stable): NumPy's K
    /// iteration order for copies (which does not flip negative strides).
    fn memory_order_view(&self) -> NdArray {
        let mut v = self.new_view();
        let mut perm = [0usize; MAX_DIMS];
        for (k, p) in perm[..self.ndim].iter_mut().enumerate() {
            *p = k;
        }
        perm[..self.ndim].sort_by_key(|&k| std::cmp::Reverse(v.strides[k].unsigned_abs()));
        let (shape, strides) = (v.shape, v.strides);
        for (k, &j) in perm[..self.ndim].iter().enumerate() {
            v.shape[k] = shape[j];
            v.strides[k] = strides[j];
        }
        v
    }

    /// A 1-d copy (NumPy's `flatten`): always a new buffer, the elements
    /// in `order` (C: last index fastest; F: first; A: F if F- and not
    /// C-contiguous; K: memory order).
    ///
    /// # Errors
    /// As [`copy`](Self::copy).
    pub fn flatten(&self, order: MemOrder) -> Result<NdArray> {
        let mut out = match self.resolve_a(order) {
            MemOrder::F => self.copy(MemOrder::F)?,
            MemOrder::K => self.memory_order_view().copy(MemOrder::C)?,
            _ => self.copy(MemOrder::C)?,
        };
        // The new buffer holds the elements contiguously in the order asked.
        out.ndim = 1;
        out.shape[0] = self.size();
        out.strides[0] = self.itemsize() as isize;
        Ok(out)
    }
}
