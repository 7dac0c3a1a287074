//! Symmetric/Hermitian eigendecomposition (`?syevd`/`?heevd`, and
//! `?syevr`/`?heevr` for subsets): numpy.linalg's `eigh` and `eigvalsh`,
//! scipy.linalg.eigh's `subset_by_index`/`subset_by_value`, and an
//! in-place form that writes the eigenvectors over the input.
//!
//! Only the `uplo` triangle of the input is read (and checked for NaN and
//! infinity); the other may hold anything. For complex input the imaginary
//! parts of the diagonal are ignored, as LAPACK does. Eigenvalues come
//! back ascending, eigenvectors as the orthonormal columns of `v`, so that
//! `A·v[:, i] = w[i]·v[:, i]`.

use crate::sys::BlasInt;
use ndarray::{
    Array1, Array2, ArrayD, ArrayRef2, ArrayRefD, ArrayViewMut2, ArrayViewMutD, Axis, Ix2, IxDyn,
    ShapeBuilder,
};
use num_traits::{Float, Zero};

use super::eigh_work::{EighWork, Select};
use super::stack::{assemble, matrix_at, split, stack_indices, stack_items};
use super::working_copy::{Outside, Reads, checked_copy_into, checked_fortran_copy};
use super::{check_triangle, fortran_copy, square};
use crate::alloc::try_zeros;
use crate::error::{Error, Result};
use crate::layout::{Order, check_output, mat_ld};
use crate::operand::Uplo;
use crate::scalar::Scalar;

/// Which eigenvalues a subset routine computes (SciPy's `subset_by_index`
/// and `subset_by_value`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EigRange<R> {
    /// The eigenvalues with (0-based, ascending) indices `lo..=hi`,
    /// inclusive at both ends: `Index(0, 0)` is the smallest. Needs
    /// `lo ≤ hi < n`.
    Index(usize, usize),
    /// The eigenvalues `λ` with `vl < λ ≤ vu` (half-open, as LAPACK and
    /// SciPy have it). Needs `vl < vu`, neither NaN; infinite ends are
    /// allowed (`Value(f64::NEG_INFINITY, e_fermi)`).
    Value(R, R),
}

/// How LAPACK reaches a square matrix view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// Column-major with this leading dimension: as it is.
    Col(BlasInt),
    /// Row-major with this leading dimension: LAPACK reads the transpose
    /// (the conjugate, for a Hermitian matrix), from the other triangle.
    Row(BlasInt),
    /// Neither: through a Fortran-order temporary.
    Copy,
}

pub(crate) fn access<T>(a: &ArrayRef2<T>) -> Access {
    // leading_dim bounds the result by the LAPACK integer.
    if let Some(ld) = mat_ld(a, Order::Col) {
        Access::Col(ld as BlasInt)
    } else if let Some(ld) = mat_ld(a, Order::Row) {
        Access::Row(ld as BlasInt)
    } else {
        Access::Copy
    }
}

/// `a ← aᴴ` for a square view, in place (`aᵀ` for real types).
pub(crate) fn conj_transpose_in_place<T: Scalar>(a: &mut ArrayRef2<T>) {
    let n = a.nrows();
    for j in 0..n {
        for i in 0..j {
            let (x, y) = (a[[i, j]], a[[j, i]]);
            a[[i, j]] = y.conj();
            a[[j, i]] = x.conj();
        }
        if T::IS_COMPLEX {
            a[[j, j]] = a[[j, j]].conj();
        }
    }
}

/// Runs `?syevd` on the square view `a` in place: the eigenvalues into
/// `w`, the eigenvectors over `a` when `vectors` (else `a`'s triangle is
/// destroyed). No copy for column- or row-major views (see
/// [`eigh_inplace`]); one temporary otherwise.
fn evd_in_place<T: Scalar>(
    work: &mut EighWork<T>,
    routine: &'static str,
    vectors: bool,
    uplo: Uplo,
    a: &mut ArrayRef2<T>,
    w: &mut [T::Real],
) -> Result<()> {
    let n = a.nrows() as BlasInt;
    match access(a) {
        // SAFETY: a is an n × n column-major view with leading dimension ld,
        // borrowed mutably for the call; w has n elements.
        Access::Col(ld) => unsafe { work.evd(routine, vectors, uplo, n, a.as_mut_ptr(), ld, w) },
        Access::Row(ld) => {
            // The same memory read column-major is Aᵀ = conj(A), held in the
            // other triangle: same eigenvalues, eigenvectors conj(Z). LAPACK
            // writes Z column-major, which reads row-major as Zᵀ; the
            // caller's conj(Z) is its conjugate transpose.
            // SAFETY: as above, with the row stride as leading dimension.
            unsafe { work.evd(routine, vectors, uplo.flip(), n, a.as_mut_ptr(), ld, w)? };
            if vectors {
                conj_transpose_in_place(a);
            }
            Ok(())
        }
        Access::Copy => {
            check_output(routine, "a", a)?;
            let mut t = fortran_copy(routine, a)?;
            let ld = n.max(1);
            // SAFETY: t is an owned n × n Fortran-order matrix.
            unsafe { work.evd(routine, vectors, uplo, n, t.as_mut_ptr(), ld, w)? };
            a.assign(&t);
            Ok(())
        }
    }
}

/// Eigenvalues and eigenvectors of the real symmetric or complex Hermitian
/// matrix held in the `uplo` triangle of `a` (numpy.linalg.eigh, whose
/// default is `Uplo::Lower`; scipy.linalg.eigh's is upper).
///
/// Returns `(w, v)`: `w` the `n` eigenvalues ascending, `v` (`n × n`,
/// Fortran order) with orthonormal eigenvectors as columns, `A·v = v·diag(w)`.
/// Divide and conquer (`?syevd`/`?heevd`).
///
/// Copies: one, `a` into Fortran order, which LAPACK overwrites with `v`.
/// [`eigh_inplace`] makes none.
///
/// # Errors
/// `NotSquare`; `NonFinite` (NaN/inf in the `uplo` triangle);
/// `NoConvergence` (LAPACK's divide and conquer failed: rare).
#[allow(clippy::type_complexity)]
pub fn eigh<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> Result<(Array1<T::Real>, Array2<T>)> {
    let _profile = crate::profile::scope("eigh");
    const R: &str = "eigh";
    let n = square(R, "a", a.dim())? as usize;
    // LAPACK overwrites all of v with the eigenvectors: zeros outside the
    // triangle spare a C-order input half its strided reads.
    let mut v = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Zero)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    evd_in_place(&mut EighWork::new(), R, true, uplo, &mut v, &mut w)?;
    Ok((Array1::from(w), v))
}

/// The eigenvalues, ascending, of the symmetric/Hermitian matrix in the
/// `uplo` triangle of `a` (numpy.linalg.eigvalsh). Cheaper than [`eigh`]:
/// no eigenvectors.
///
/// Copies: `a` once (LAPACK destroys its input).
///
/// # Errors
/// As [`eigh`].
pub fn eigvalsh<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh");
    const R: &str = "eigvalsh";
    let n = square(R, "a", a.dim())? as usize;
    let mut t = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Zero)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    evd_in_place(&mut EighWork::new(), R, false, uplo, &mut t, &mut w)?;
    Ok(Array1::from(w))
}

/// [`eigh`] writing the eigenvectors over `a` (scipy's `overwrite_a`,
/// without its "may"): on success `a` holds `v`, and the eigenvalues are
/// returned.
///
/// Copies, by layout of `a`:
/// * column-major (Fortran order, a sub-matrix of one, the transpose of a
///   C-order array): none, LAPACK works on `a` itself;
/// * row-major (C order, a sub-matrix of one): none. The same memory read
///   column-major is `Aᵀ`, which for a symmetric/Hermitian matrix is `A`
///   (`conj(A)`), held in the other triangle: LAPACK solves that problem
///   with `uplo` flipped, and the eigenvectors it writes are then
///   conjugate-transposed in place (`n²/2` swaps, no allocation);
/// * anything else (no unit stride, negative strides): a Fortran-order
///   temporary, copied back.
///
/// # Errors
/// As [`eigh`]. `NotSquare` and `NonFinite` leave `a` untouched (they are
/// checked first); after `NoConvergence` its contents are unspecified.
pub fn eigh_inplace<T: Scalar>(a: &mut ArrayRef2<T>, uplo: Uplo) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigh_inplace");
    const R: &str = "eigh_inplace";
    let n = square(R, "a", a.dim())? as usize;
    check_triangle(R, "a", a, uplo)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    evd_in_place(&mut EighWork::new(), R, true, uplo, a, &mut w)?;
    Ok(Array1::from(w))
}

/// Max absolute row sum of the Hermitian matrix in the `uplo` triangle of
/// `a`: a bound on the modulus of every eigenvalue (Gershgorin). Row `i`
/// of the Hermitian matrix is read from the triangle, without a temporary.
fn gershgorin<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> T::Real {
    let n = a.nrows();
    // Element (i, j) of the Hermitian matrix as stored in the triangle.
    let stored = |i: usize, j: usize| match uplo {
        Uplo::Lower if i < j => a[[j, i]],
        Uplo::Upper if i > j => a[[j, i]],
        _ => a[[i, j]],
    };
    (0..n)
        .map(|i| {
            (0..n).fold(T::Real::zero(), |acc, j| {
                let v = stored(i, j);
                acc + if i == j { Float::abs(v.re()) } else { v.abs() }
            })
        })
        .fold(T::Real::zero(), |m, v| if v > m { v } else { m })
}

/// Checks `range` for order `n` and turns it into LAPACK's terms; `None`
/// when nothing can be selected (an empty matrix or value range).
/// `bound`, when given, bounds every eigenvalue's modulus: infinite ends of
/// a value range are clamped to it (LAPACK is handed finite numbers).
pub(crate) fn select<R: crate::RealScalar>(
    routine: &'static str,
    n: usize,
    range: EigRange<R>,
    bound: Option<impl FnOnce() -> R>,
) -> Result<Option<Select<R>>> {
    match range {
        EigRange::Index(lo, hi) => {
            if lo > hi || hi >= n {
                return Err(Error::InvalidArgument {
                    routine,
                    what: "range",
                    reason: format!("index range {lo}..={hi} needs 0 <= lo <= hi < n = {n}"),
                });
            }
            // n fits the LAPACK integer (checked by the caller).
            Ok(Some(Select::Index(lo as BlasInt + 1, hi as BlasInt + 1)))
        }
        EigRange::Value(vl, vu) => {
            if vl.is_nan() || vu.is_nan() || vl >= vu {
                return Err(Error::InvalidArgument {
                    routine,
                    what: "range",
                    reason: format!("value range ({vl}, {vu}] needs vl < vu"),
                });
            }
            if n == 0 {
                return Ok(None);
            }
            let (mut vl, mut vu) = (vl, vu);
            if let Some(bound) = bound.filter(|_| vl.is_infinite() || vu.is_infinite()) {
                // Every eigenvalue lies in [-g, g]; (−2g − 1, 2g + 1] holds
                // them all with room for rounding.
                let g = bound();
                let b = g + g + R::one();
                if Float::is_finite(b) {
                    vl = if vl < -b { -b } else { vl };
                    vu = if vu > b { b } else { vu };
                    if vl >= vu {
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Select::Value(vl, vu)))
        }
    }
}

/// The most eigenvalues `sel` can select among `n`.
pub(crate) fn max_selected<R>(sel: &Select<R>, n: usize) -> usize {
    match *sel {
        Select::Index(il, iu) => (iu - il + 1) as usize,
        Select::Value(..) => n,
    }
}

/// `?syevr` on a scratch copy of `a` for the `range` subset: the `m`
/// eigenvalues and (when `vectors`) an `n × m` Fortran-order `v`.
fn evr<T: Scalar>(
    work: &mut EighWork<T>,
    routine: &'static str,
    vectors: bool,
    a: &ArrayRef2<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
    scratch: &mut Option<Array2<T>>,
) -> Result<(Array1<T::Real>, Array2<T>)> {
    let n = square(routine, "a", a.dim())? as usize;
    // One scratch matrix for a whole stack, copied and checked in one pass
    // (before anything reads a: the Gershgorin bound needs finite input).
    let reads = Reads::Triangle(uplo);
    let t = match scratch {
        Some(t) if t.dim() == (n, n) => {
            checked_copy_into(routine, "a", a, t, reads, Outside::Zero)?;
            t
        }
        _ => scratch.insert(checked_fortran_copy(routine, "a", a, reads, Outside::Zero)?),
    };
    let Some(sel) = select(routine, n, range, Some(|| gershgorin(t, uplo)))? else {
        return Ok((
            crate::alloc::try_zeros::<_, ndarray::Ix1, _>(routine, 0)?,
            crate::alloc::try_zeros::<_, ndarray::Ix2, _>(routine, (n, 0).f())?,
        ));
    };
    let (sel, filter) = super::eigh_range::robust(sel, n);
    let k = max_selected(&sel, n);
    let mut w = crate::alloc::try_vec(routine, n, T::Real::zero())?;
    let mut z = crate::alloc::try_vec(
        routine,
        if vectors { n.saturating_mul(k) } else { 1 },
        T::zero(),
    )?;
    let ni = n as BlasInt;
    // SAFETY: t is an owned n × n Fortran-order matrix; z holds n × k
    // column-major (ldz = n) when vectors; w has n elements.
    let m = unsafe {
        work.evr(
            routine,
            vectors,
            uplo,
            ni,
            t.as_mut_ptr(),
            ni,
            sel,
            &mut w,
            z.as_mut_ptr(),
            ni,
        )?
    };
    let mut m = m.min(k);
    if let Some(range) = filter {
        m = super::eigh_range::keep_in_range(&mut w, &mut z, n, m, vectors, range);
    }
    w.truncate(m);
    let v = if vectors {
        z.truncate(n * m);
        Array2::from_shape_vec((n, m).f(), z).expect("z holds n × m elements")
    } else {
        crate::alloc::try_zeros::<_, ndarray::Ix2, _>(routine, (n, 0).f())?
    };
    Ok((Array1::from(w), v))
}

/// A subset of the eigenpairs of the symmetric/Hermitian matrix in the
/// `uplo` triangle of `a` (scipy.linalg.eigh with `subset_by_index` or
/// `subset_by_value`): `w` the `m` selected eigenvalues ascending, `v`
/// (`n × m`, Fortran order) their orthonormal eigenvectors. `?syevr`/`?heevr`
/// (bisection and inverse iteration): for a few eigenpairs much cheaper
/// than [`eigh`].
///
/// Copies: `a` once (destroyed by LAPACK); `v` is written directly.
///
/// # Errors
/// As [`eigh`]; `InvalidArgument` for an index range outside `0..n` or
/// `lo > hi`, a value range with `vl >= vu` or a NaN end.
#[allow(clippy::type_complexity)]
pub fn eigh_subset<T: Scalar>(
    a: &ArrayRef2<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
) -> Result<(Array1<T::Real>, Array2<T>)> {
    let _profile = crate::profile::scope("eigh_subset");
    evr(
        &mut EighWork::new(),
        "eigh_subset",
        true,
        a,
        uplo,
        range,
        &mut None,
    )
}

/// The selected eigenvalues only (scipy.linalg.eigh with `eigvals_only`
/// and a subset); see [`eigh_subset`].
///
/// # Errors
/// As [`eigh_subset`].
pub fn eigvalsh_subset<T: Scalar>(
    a: &ArrayRef2<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh_subset");
    Ok(evr(
        &mut EighWork::new(),
        "eigvalsh_subset",
        false,
        a,
        uplo,
        range,
        &mut None,
    )?
    .0)
}

/// The matrix of `a` at stack index `idx`, mutably.
pub(crate) fn slot_mut<'a, T>(a: ArrayViewMutD<'a, T>, idx: &[usize]) -> ArrayViewMutD<'a, T> {
    let mut v = a;
    for &i in idx {
        v = v.index_axis_move(Axis(0), i);
    }
    v
}

fn slot_mut2<'a, T>(a: ArrayViewMutD<'a, T>, idx: &[usize]) -> ArrayViewMut2<'a, T> {
    slot_mut(a, idx)
        .into_dimensionality::<Ix2>()
        .expect("two axes remain after indexing the leading ones")
}

/// An output stack of shape `lead + [m, k]` whose matrices are each in
/// Fortran order (the last two axes swapped in memory), so that LAPACK
/// writes each one in place with leading dimension `m`.
///
/// # Errors
/// `OutOfMemory` (or `SizeOverflow`) when it cannot be allocated.
pub(crate) fn fortran_stack<T: Scalar>(
    routine: &'static str,
    lead: &[usize],
    m: usize,
    k: usize,
) -> Result<ArrayD<T>> {
    let mut shape = lead.to_vec();
    shape.extend_from_slice(&[k, m]);
    let mut out: ArrayD<T> = crate::alloc::try_zeros(routine, IxDyn(&shape))?;
    let nd = out.ndim();
    out.swap_axes(nd - 2, nd - 1);
    Ok(out)
}

/// The contiguous `(n,)` slot of a C-order `lead + [n]` array.
fn w_slot<'a, R>(w: &'a mut ArrayD<R>, idx: &[usize]) -> &'a mut [R] {
    slot_mut(w.view_mut(), idx)
        .into_slice()
        .expect("slots of a C-order array are contiguous")
}

/// [`eigh`] over a `(…, n, n)` stack: `w` of shape `(…, n)`, `v` of shape
/// `(…, n, n)` with each matrix in Fortran order. One LAPACK workspace for
/// the stack; each input matrix is copied once, into its slot of `v`.
///
/// # Errors
/// As [`eigh`]; `TooFewDimensions`.
#[allow(clippy::type_complexity)]
pub fn eigh_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    uplo: Uplo,
) -> Result<(ArrayD<T::Real>, ArrayD<T>)> {
    let _profile = crate::profile::scope("eigh");
    const R: &str = "eigh";
    let (lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    let mut w: ArrayD<T::Real> = try_zeros(R, IxDyn(&[lead.as_slice(), &[n]].concat()))?;
    let mut v = fortran_stack::<T>(R, &lead, n, n)?;
    let mut work = EighWork::new();
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        let mut vi = slot_mut2(v.view_mut(), &idx);
        checked_copy_into(R, "a", &ai, &mut vi, Reads::Triangle(uplo), Outside::Zero)?;
        evd_in_place(&mut work, R, true, uplo, &mut vi, w_slot(&mut w, &idx))?;
    }
    Ok((w, v))
}

/// [`eigvalsh`] over a `(…, n, n)` stack: eigenvalues of shape `(…, n)`.
/// One workspace and one scratch matrix for the stack.
///
/// # Errors
/// As [`eigh`]; `TooFewDimensions`.
pub fn eigvalsh_stacked<T: Scalar>(a: &ArrayRefD<T>, uplo: Uplo) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh");
    const R: &str = "eigvalsh";
    let (lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    let mut w = crate::alloc::try_zeros::<T::Real, ndarray::IxDyn, _>(
        R,
        IxDyn(&[lead.as_slice(), &[n]].concat()),
    )?;
    let mut t = crate::alloc::try_zeros::<T, ndarray::Ix2, _>(R, (n, n).f())?;
    let mut work = EighWork::new();
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        checked_copy_into(R, "a", &ai, &mut t, Reads::Triangle(uplo), Outside::Zero)?;
        evd_in_place(&mut work, R, false, uplo, &mut t, w_slot(&mut w, &idx))?;
    }
    Ok(w)
}

/// [`eigh_inplace`] over a `(…, n, n)` stack: each matrix is overwritten
/// with its eigenvectors (copies as for [`eigh_inplace`], per matrix), the
/// eigenvalues are returned with shape `(…, n)`.
///
/// # Errors
/// As [`eigh_inplace`]; `TooFewDimensions`. Every matrix is checked
/// before any is touched, so `NotSquare` and `NonFinite` leave `a` as it
/// was; after `NoConvergence` the matrices up to the failing one hold
/// results or are unspecified.
pub fn eigh_inplace_stacked<T: Scalar>(
    a: &mut ArrayRefD<T>,
    uplo: Uplo,
) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("eigh_inplace");
    const R: &str = "eigh_inplace";
    let (lead, m, n) = split(R, "a", a)?;
    square(R, "a", (m, n))?;
    for idx in stack_indices(&lead) {
        check_triangle(R, "a", &matrix_at(a.view(), &idx), uplo)?;
    }
    let mut w = crate::alloc::try_zeros::<T::Real, ndarray::IxDyn, _>(
        R,
        IxDyn(&[lead.as_slice(), &[n]].concat()),
    )?;
    let mut work = EighWork::new();
    for idx in stack_indices(&lead) {
        let mut ai = slot_mut2(a.view_mut(), &idx);
        evd_in_place(&mut work, R, true, uplo, &mut ai, w_slot(&mut w, &idx))?;
    }
    Ok(w)
}

/// Assembles per-matrix subset results of a stack (`vs` when vectors were
/// computed), which must all have found the same number `m` of eigenvalues
/// (always so for an index range).
#[allow(clippy::type_complexity)]
pub(crate) fn assemble_subsets<T: Scalar>(
    routine: &'static str,
    lead: &[usize],
    n: usize,
    ws: Vec<Array1<T::Real>>,
    vs: Option<Vec<Array2<T>>>,
) -> Result<(ArrayD<T::Real>, Option<ArrayD<T>>)> {
    let m = ws.first().map_or(0, |w| w.len());
    if let Some(i) = ws.iter().position(|w| w.len() != m) {
        return Err(Error::InvalidArgument {
            routine,
            what: "range",
            reason: format!(
                "the value range holds {m} eigenvalues of the first matrix but {} of matrix {i} \
                 (in C order of the stack): call the 2-D routine per matrix",
                ws[i].len()
            ),
        });
    }
    let w = assemble(routine, lead, &[m], ws)?;
    let v = match vs {
        Some(vs) => Some(assemble(routine, lead, &[n, m], vs)?),
        None => None,
    };
    Ok((w, v))
}

/// [`eigh_subset`] over a `(…, n, n)` stack: `w` `(…, m)`, `v` `(…, n, m)`.
/// An index range selects the same `m` for every matrix; a value range
/// must find the same number in each (else `InvalidArgument`, as the
/// results would not form an array). One workspace and one scratch matrix
/// for the stack.
///
/// # Errors
/// As [`eigh_subset`]; `TooFewDimensions`.
#[allow(clippy::type_complexity)]
pub fn eigh_subset_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
) -> Result<(ArrayD<T::Real>, ArrayD<T>)> {
    let _profile = crate::profile::scope("eigh_subset");
    let (w, v) = subset_stacked(a, uplo, range, true)?;
    Ok((w, v.expect("vectors were computed")))
}

/// [`eigvalsh_subset`] over a `(…, n, n)` stack: `(…, m)`, with the same
/// rule on value ranges as [`eigh_subset_stacked`].
///
/// # Errors
/// As [`eigh_subset_stacked`].
pub fn eigvalsh_subset_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh_subset");
    Ok(subset_stacked(a, uplo, range, false)?.0)
}

#[allow(clippy::type_complexity)]
fn subset_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    uplo: Uplo,
    range: EigRange<T::Real>,
    vectors: bool,
) -> Result<(ArrayD<T::Real>, Option<ArrayD<T>>)> {
    let r = if vectors {
        "eigh_subset"
    } else {
        "eigvalsh_subset"
    };
    let (lead, m, n) = split(r, "a", a)?;
    square(r, "a", (m, n))?;
    if let EigRange::Index(..) = range {
        // Validate once, so that an empty stack reports a bad range too.
        select(r, n, range, None::<fn() -> T::Real>)?;
    }
    let (mut work, mut scratch) = (EighWork::new(), None);
    let (mut ws, mut vs) = (stack_items(r, &lead)?, stack_items(r, &lead)?);
    for idx in stack_indices(&lead) {
        let ai = matrix_at(a.view(), &idx);
        let (w, v) = evr(&mut work, r, vectors, &ai, uplo, range, &mut scratch)?;
        ws.push(w);
        if vectors {
            vs.push(v);
        }
    }
    assemble_subsets(r, &lead, n, ws, vectors.then_some(vs))
}
