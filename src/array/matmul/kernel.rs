//! Typed stacked matrix products on `ndarray` views: the loop over the
//! stack, the direct kernel for small products, and the BLAS dispatch for
//! the others.
//!
//! Each 2-D product `C = A·B` (`m × k` by `k × n`) goes:
//! * to a direct Rust loop when it is small (every dimension ≤
//!   [`SMALL_DIM`], or `m·n·k` ≤ [`SMALL_WORK`]): a BLAS call costs more
//!   than the arithmetic there. Any strides; no heap copy (rows of `b`
//!   that are not contiguous are gathered into a small block on the
//!   stack, at most 16 rows). Row widths up to 16 are compiled as fixed
//!   sizes, so the rows of `C` stay in registers.
//! * otherwise to the typed BLAS layer: `?dot`/`?dotu` for `1 × k · k × 1`,
//!   `?gemv` when `m` or `n` is 1, `?gemm` otherwise. The BLAS layer reads
//!   C-order, Fortran-order, transposed and sub-matrix views without a copy
//!   and copies only what BLAS cannot address (both strides non-unit,
//!   negative or zero strides); see [`crate::blas`].
//!
//! Stacks of small products whose total work passes [`PAR_WORK`] are split
//! over lapis's thread pool along the stack; every product is computed by
//! the same code whatever the thread count, so results do not depend on it.
//! BLAS calls are never made from inside the pool.

use ndarray::{ArrayView, ArrayView2, ArrayViewMut, ArrayViewMut2, Axis, Ix2, IxDyn};

use crate::array::MAX_DIMS;
use crate::blas::{self, Transpose};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// Products with every dimension at most this use the direct kernel.
/// Measured (f64, one thread): a BLAS call costs ~600 ns here, while the
/// direct kernel with fixed row widths runs at 0.15–0.25 ns per
/// multiply-add up to 16 (633 ns for 16×16×16, BLAS 1250 ns) and falls
/// behind BLAS by 24.
pub(crate) const SMALL_DIM: usize = 16;
/// Products with `m·n·k` at most this use the direct kernel.
pub(crate) const SMALL_WORK: usize = 512;
/// Stacks of small products with more multiply-adds than this run on
/// lapis's thread pool: about 16k products of 4×4 (≈ 200 µs serial), where
/// the pool's start-up cost (~10 µs) is small. Measured on a shared 2-core
/// machine, the pool showed no gain below ~8k products and none
/// measurable above while the cores were busy; re-measure on an idle one.
pub(crate) const PAR_WORK: usize = 1 << 20;

/// Whether an `m × k · k × n` product goes to the direct kernel.
pub(crate) fn is_small(m: usize, n: usize, k: usize) -> bool {
    (m <= SMALL_DIM && n <= SMALL_DIM && k <= SMALL_DIM)
        || m.saturating_mul(n).saturating_mul(k) <= SMALL_WORK
}

/// `c := a·b` for one small product; pointers to element `[0, 0]`, element
/// strides (any sign, zero allowed for inputs).
///
/// # Safety
/// Every index of the three shapes must address a valid element; `c`'s
/// elements are distinct and overlap neither input; `m, n, k > 0`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn small_product<T: Scalar>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    sa: [isize; 2],
    b: *const T,
    sb: [isize; 2],
    c: *mut T,
    sc: [isize; 2],
) {
    // SAFETY: every address below is `[i, p]` of `a`, `[p, j]` of `b` or `[i, j]`
    // of `c` with `i < m`, `p < k`, `j < n`, valid by our contract (`k > 0`
    // makes `[i, 0]` and `[0, j]` exist). In the first branch `sb[1] == 1` and
    // `sc[1] == 1`, so rows of `b` and `c` are `n` consecutive elements; `crow`,
    // the only mutable slice, overlaps neither input.
    unsafe {
        if sb[1] == 1 && sc[1] == 1 {
            // Row i of C is Σ_p a[i,p]·(row p of B): unit-stride inner loops
            // the compiler vectorizes.
            for i in 0..m {
                let crow = std::slice::from_raw_parts_mut(c.offset(i as isize * sc[0]), n);
                let arow = a.offset(i as isize * sa[0]);
                let b0 = std::slice::from_raw_parts(b, n);
                let a0 = *arow;
                for (cv, &bv) in crow.iter_mut().zip(b0) {
                    *cv = a0 * bv;
                }
                for p in 1..k {
                    let aip = *arow.offset(p as isize * sa[1]);
                    let brow = std::slice::from_raw_parts(b.offset(p as isize * sb[0]), n);
                    for (cv, &bv) in crow.iter_mut().zip(brow) {
                        *cv += aip * bv;
                    }
                }
            }
        } else {
            for i in 0..m {
                let arow = a.offset(i as isize * sa[0]);
                for j in 0..n {
                    let bcol = b.offset(j as isize * sb[1]);
                    let mut acc = *arow * *bcol;
                    for p in 1..k {
                        acc += *arow.offset(p as isize * sa[1]) * *bcol.offset(p as isize * sb[0]);
                    }
                    *c.offset(i as isize * sc[0] + j as isize * sc[1]) = acc;
                }
            }
        }
    }
}

/// Writes row `acc` of width `N` at `c` with element stride `sc1` (known
/// to be 1 when `UNIT`).
///
/// # Safety
/// The `N` elements at `c + j·sc1` must be writable.
#[inline(always)]
unsafe fn write_row<T: Scalar, const N: usize, const UNIT: bool>(
    c: *mut T,
    sc1: isize,
    acc: [T; N],
) {
    // SAFETY: with `UNIT`, `sc1 == 1` or `N == 1` the row is `N` consecutive
    // elements, writable by our contract, and `[T; N]` has `T`'s alignment;
    // otherwise each `c + j·sc1`, `j < N`, is one of them.
    unsafe {
        if UNIT || sc1 == 1 || N == 1 {
            // [T; N] has T's alignment; the row is N consecutive elements.
            (c as *mut [T; N]).write(acc);
        } else {
            for (j, v) in acc.into_iter().enumerate() {
                c.offset(j as isize * sc1).write(v);
            }
        }
    }
}

/// `c := a·b` for rows of width `N`, `b` read as rows of `N` consecutive
/// elements at stride `sb0` (the caller copies a `b` stored otherwise).
///
/// # Safety
/// As [`small_product`], with `n = N` and `b`'s rows contiguous.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn rows_fixed<T: Scalar, const N: usize, const UNIT: bool>(
    m: usize,
    k: usize,
    a: *const T,
    sa: [isize; 2],
    b: *const T,
    sb0: isize,
    c: *mut T,
    sc: [isize; 2],
) {
    // SAFETY: `[i, p]` of `a` (`i < m`, `p < k`) is valid by our contract; row
    // `p` of `b` is `N` consecutive elements (contiguous rows, our contract), read
    // as one `[T; N]` of `T`'s alignment; row `i` of `c` meets `write_row`'s.
    unsafe {
        for i in 0..m {
            let arow = a.offset(i as isize * sa[0]);
            let mut acc = [T::zero(); N];
            for p in 0..k {
                let aip = *arow.offset(p as isize * sa[1]);
                let brow = (b.offset(p as isize * sb0) as *const [T; N]).read();
                for j in 0..N {
                    acc[j] += aip * brow[j];
                }
            }
            write_row::<T, N, UNIT>(c.offset(i as isize * sc[0]), sc[1], acc);
        }
    }
}

/// Most rows of `b` the direct kernel copies into a local row-major block
/// when `b`'s rows are not contiguous.
const MAX_COPY_ROWS: usize = 16;

/// [`rows_fixed`] for any strides of `b`: rows that are not contiguous are
/// first gathered into a local block (`k ≤ MAX_COPY_ROWS`, checked by the
/// caller), which costs `k·N` loads against `m·k·N` multiply-adds.
///
/// # Safety
/// As [`small_product`] with `n = N`; `k ≤ MAX_COPY_ROWS` unless `b`'s
/// rows are contiguous (`sb[1] == 1` or `N == 1`).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn rows_any<T: Scalar, const N: usize, const UNIT: bool>(
    m: usize,
    k: usize,
    a: *const T,
    sa: [isize; 2],
    b: *const T,
    sb: [isize; 2],
    c: *mut T,
    sc: [isize; 2],
) {
    // SAFETY: with contiguous rows of `b` our contract is `rows_fixed`'s. Else the
    // `k ≤ MAX_COPY_ROWS` rows of `N` elements of `b` (valid by our contract) are
    // gathered into `block`, whose first `k` rows `rows_fixed` then reads as
    // contiguous rows of stride `N`.
    unsafe {
        if UNIT || sb[1] == 1 || N == 1 {
            return rows_fixed::<T, N, UNIT>(m, k, a, sa, b, sb[0], c, sc);
        }
        let mut block = [[T::zero(); N]; MAX_COPY_ROWS];
        for (p, row) in block.iter_mut().enumerate().take(k) {
            for (j, v) in row.iter_mut().enumerate() {
                *v = *b.offset(p as isize * sb[0] + j as isize * sb[1]);
            }
        }
        rows_fixed::<T, N, UNIT>(m, k, a, sa, block.as_ptr() as *const T, N as isize, c, sc);
    }
}

/// [`rows_fixed`] with `k = N` too, `b` held in registers: everything
/// unrolled, any strides.
///
/// # Safety
/// As [`small_product`] with `n = k = N`.
#[inline(always)]
unsafe fn square_fixed<T: Scalar, const N: usize, const UNIT: bool>(
    m: usize,
    a: *const T,
    sa: [isize; 2],
    b: *const T,
    sb: [isize; 2],
    c: *mut T,
    sc: [isize; 2],
) {
    // SAFETY: `b`'s `N × N` and `a`'s `m × N` elements are valid by our contract
    // (`k = n = N`); with `UNIT` or `sb[1] == 1` a row of `b` is `N` consecutive
    // elements, read as one aligned `[T; N]`; row `i` of `c` meets `write_row`'s.
    unsafe {
        let mut bm = [[T::zero(); N]; N];
        for (p, row) in bm.iter_mut().enumerate() {
            if UNIT || sb[1] == 1 {
                *row = (b.offset(p as isize * sb[0]) as *const [T; N]).read();
            } else {
                for (j, v) in row.iter_mut().enumerate() {
                    *v = *b.offset(p as isize * sb[0] + j as isize * sb[1]);
                }
            }
        }
        for i in 0..m {
            let arow = a.offset(i as isize * sa[0]);
            let mut acc = [T::zero(); N];
            for (p, brow) in bm.iter().enumerate() {
                let aip = *arow.offset(p as isize * sa[1]);
                for j in 0..N {
                    acc[j] += aip * brow[j];
                }
            }
            write_row::<T, N, UNIT>(c.offset(i as isize * sc[0]), sc[1], acc);
        }
    }
}

/// The leading (stack) axes of the three operands: shape and element strides.
struct Stack {
    nd: usize,
    shape: [usize; MAX_DIMS],
    strides: [[isize; MAX_DIMS]; 3],
}

impl Stack {
    /// Element offsets of stack item `flat` (C order over `shape`).
    fn offsets(&self, mut flat: usize) -> [isize; 3] {
        let mut off = [0isize; 3];
        for d in (0..self.nd).rev() {
            let n = self.shape[d];
            let i = (flat % n) as isize;
            flat /= n;
            for (o, s) in off.iter_mut().zip(&self.strides) {
                *o += i * s[d];
            }
        }
        off
    }
}

/// Base addresses and core strides of one stacked product, shareable
/// across threads (the addresses are plain integers).
#[derive(Clone, Copy)]
struct Core {
    m: usize,
    n: usize,
    k: usize,
    base: [usize; 3],
    core: [[isize; 2]; 3],
}

/// Runs the small kernel on stack items `start..end`.
///
/// # Safety
/// As [`small_product`] for every item; distinct items write distinct
/// elements of `c`.
unsafe fn small_range<T: Scalar>(core: &Core, stack: &Stack, start: usize, end: usize) {
    let (m, n, k) = (core.m, core.n, core.k);
    let [sa, sb, sc] = core.core;
    // The kernel is chosen once per range, not per item.
    macro_rules! go {
        ($kern:expr) => {
            // SAFETY: the caller's contract, item by item.
            return unsafe { items::<T>(core, stack, start, end, $kern) }
        };
    }
    // `UNIT`: rows of `b` and `c` are contiguous, so the kernels read and
    // write them as arrays (the common C-order case, compiled apart).
    macro_rules! fixed {
        ($unit:literal; $($w:literal)*) => {
            if k == n {
                match n {
                    2 => go!(|a, b, c| square_fixed::<T, 2, $unit>(m, a, sa, b, sb, c, sc)),
                    3 => go!(|a, b, c| square_fixed::<T, 3, $unit>(m, a, sa, b, sb, c, sc)),
                    4 => go!(|a, b, c| square_fixed::<T, 4, $unit>(m, a, sa, b, sb, c, sc)),
                    _ => {}
                }
            }
            if $unit || sb[1] == 1 || n == 1 || k <= MAX_COPY_ROWS {
                match n {
                    $($w => go!(|a, b, c| {
                        rows_any::<T, $w, $unit>(m, k, a, sa, b, sb, c, sc)
                    }),)*
                    _ => {}
                }
            }
        };
    }
    if sb[1] == 1 && sc[1] == 1 {
        fixed!(true; 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
    }
    fixed!(false; 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
    go!(|a, b, c| { small_product::<T>(m, n, k, a, sa, b, sb, c, sc) })
}

/// Runs `kern(a, b, c)` on stack items `start..end`, with the element
/// pointers of each item.
///
/// # Safety
/// As [`small_range`]; `kern` must be safe to call on every item.
#[inline(always)]
unsafe fn items<T: Scalar>(
    core: &Core,
    stack: &Stack,
    start: usize,
    end: usize,
    kern: impl Fn(*const T, *const T, *mut T),
) {
    let (a, b, c) = (
        core.base[0] as *const T,
        core.base[1] as *const T,
        core.base[2] as *mut T,
    );
    let mut off = stack.offsets(start);
    let mut idx = [0usize; MAX_DIMS];
    {
        let mut flat = start;
        for d in (0..stack.nd).rev() {
            idx[d] = flat % stack.shape[d];
            flat /= stack.shape[d];
        }
    }
    for _ in start..end {
        kern(
            a.wrapping_offset(off[0]),
            b.wrapping_offset(off[1]),
            c.wrapping_offset(off[2]),
        );
        // Odometer step (wrapping: the pointer may pass the end after the
        // last item, and is not used then).
        for d in (0..stack.nd).rev() {
            idx[d] += 1;
            for (o, s) in off.iter_mut().zip(&stack.strides) {
                *o = o.wrapping_add(s[d]);
            }
            if idx[d] < stack.shape[d] {
                break;
            }
            for (o, s) in off.iter_mut().zip(&stack.strides) {
                *o = o.wrapping_sub(s[d] * stack.shape[d] as isize);
            }
            idx[d] = 0;
        }
    }
}

/// `c[..., :, :] = a[..., :, :] · b[..., :, :]` over equal leading shapes
/// (inputs already broadcast, zero strides allowed): `a` is `(…, m, k)`,
/// `b` `(…, k, n)`, `c` `(…, m, n)`.
///
/// # Errors
/// Shapes that do not fit ([`Error::ShapeMismatch`], an internal check);
/// a BLAS dimension too large ([`Error::DimensionTooLarge`]).
pub(crate) fn stacked<T: Scalar>(
    a: ArrayView<'_, T, IxDyn>,
    b: ArrayView<'_, T, IxDyn>,
    mut c: ArrayViewMut<'_, T, IxDyn>,
) -> Result<()> {
    const R: &str = "matmul";
    let nd = c.ndim();
    let bad = |what| Error::ShapeMismatch {
        routine: R,
        what,
        got: crate::error::Shape(b.shape().to_vec()),
        expected: crate::error::Shape(a.shape().to_vec()),
    };
    if nd < 2 || a.ndim() != nd || b.ndim() != nd {
        return Err(bad(
            "stacked operands must have the same number of axes (≥ 2)",
        ));
    }
    let lead = nd - 2;
    let (m, n) = (c.shape()[lead], c.shape()[lead + 1]);
    let k = a.shape()[lead + 1];
    if a.shape()[..lead] != c.shape()[..lead]
        || b.shape()[..lead] != c.shape()[..lead]
        || a.shape()[lead] != m
        || b.shape()[lead] != k
        || b.shape()[lead + 1] != n
    {
        return Err(bad(
            "stacked operand shapes do not fit (…, m, k) · (…, k, n)",
        ));
    }
    let count: usize = c.shape()[..lead].iter().product();
    if count == 0 || m == 0 || n == 0 {
        return Ok(());
    }
    if k == 0 {
        c.fill(T::zero());
        return Ok(());
    }
    if is_small(m, n, k) {
        let mut stack = Stack {
            nd: lead,
            shape: [0; MAX_DIMS],
            strides: [[0; MAX_DIMS]; 3],
        };
        stack.shape[..lead].copy_from_slice(&c.shape()[..lead]);
        for (s, v) in stack
            .strides
            .iter_mut()
            .zip([a.strides(), b.strides(), c.strides()])
        {
            s[..lead].copy_from_slice(&v[..lead]);
        }
        let core2 = |s: &[isize]| [s[lead], s[lead + 1]];
        let core = Core {
            m,
            n,
            k,
            base: [
                a.as_ptr() as usize,
                b.as_ptr() as usize,
                c.as_mut_ptr() as usize,
            ],
            core: [core2(a.strides()), core2(b.strides()), core2(c.strides())],
        };
        let work = count.saturating_mul(m * n * k);
        let threads = crate::parallel::threads();
        if work > PAR_WORK && threads > 1 && count > 1 {
            use rayon::prelude::*;
            let chunks = (threads * 4).min(count);
            let (stack, core) = (&stack, &core);
            crate::parallel::install(|| {
                (0..chunks).into_par_iter().for_each(|t| {
                    let start = count * t / chunks;
                    let end = count * (t + 1) / chunks;
                    // SAFETY: chunks are disjoint ranges of stack items;
                    // items write disjoint parts of `c` (checked by the
                    // caller: `c`'s elements are distinct).
                    unsafe { small_range::<T>(core, stack, start, end) };
                });
            });
        } else {
            // SAFETY: views describe valid memory; `c` is exclusive.
            unsafe { small_range::<T>(&core, &stack, 0, count) };
        }
        return Ok(());
    }
    let cshape = c.shape().to_vec();
    for flat in 0..count {
        let (mut av, mut bv, mut cv) = (a.view(), b.view(), c.view_mut());
        let mut rest = flat;
        let mut idx = [0usize; MAX_DIMS];
        for d in (0..lead).rev() {
            idx[d] = rest % cshape[d];
            rest /= cshape[d];
        }
        for &i in &idx[..lead] {
            av = av.index_axis_move(Axis(0), i);
            bv = bv.index_axis_move(Axis(0), i);
            cv = cv.index_axis_move(Axis(0), i);
        }
        let to2 = |e: ndarray::ShapeError| Error::Unsupported(format!("{R}: internal: {e}"));
        product2(
            av.into_dimensionality::<Ix2>().map_err(to2)?,
            bv.into_dimensionality::<Ix2>().map_err(to2)?,
            cv.into_dimensionality::<Ix2>().map_err(to2)?,
        )?;
    }
    Ok(())
}

/// One 2-D product through BLAS (`?dot`, `?gemv` or `?gemm`).
fn product2<T: Scalar>(
    a: ArrayView2<'_, T>,
    b: ArrayView2<'_, T>,
    mut c: ArrayViewMut2<'_, T>,
) -> Result<()> {
    let (m, n) = c.dim();
    let (one, zero) = (T::one(), T::zero());
    if m == 1 && n == 1 {
        c[[0, 0]] = blas::dot(&a.row(0), &b.column(0))?;
    } else if n == 1 {
        blas::gemv(
            Transpose::NoTrans,
            one,
            &a,
            &b.column(0),
            zero,
            &mut c.column_mut(0),
        )?;
    } else if m == 1 {
        blas::gemv(
            Transpose::Trans,
            one,
            &b,
            &a.row(0),
            zero,
            &mut c.row_mut(0),
        )?;
    } else {
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            one,
            &a,
            &b,
            zero,
            &mut c,
        )?;
    }
    Ok(())
}
