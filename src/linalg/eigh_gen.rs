//! The generalized symmetric-definite eigenproblem (`?sygvd`/`?hegvd`,
//! and `?sygvx`/`?hegvx` for subsets): scipy.linalg.eigh(a, b, type=…).
//!
//! `A` is symmetric/Hermitian, `B` symmetric/Hermitian positive definite;
//! both are read in the same `uplo` triangle only. The problem type
//! `itype` is SciPy's `type`:
//!
//! | itype | problem       | eigenvectors normalized so that |
//! |-------|---------------|---------------------------------|
//! | 1     | `A x = λ B x` | `Vᴴ B V = I`                    |
//! | 2     | `A B x = λ x` | `Vᴴ B V = I`                    |
//! | 3     | `B A x = λ x` | `Vᴴ B⁻¹ V = I`                  |
//!
//! Eigenvalues come back ascending. LAPACK factors `B = L Lᴴ` (Cholesky)
//! and reduces to a standard problem; a `B` that is not positive definite
//! is reported as `NotPositiveDefinite { minor }`, the order of its first
//! leading minor that is not.

use crate::sys::BlasInt;
use ndarray::{Array1, Array2, ArrayD, ArrayRef2, ArrayRefD, IxDyn, ShapeBuilder};
use num_traits::Zero;

use super::check_triangle;
use super::eigh::{
    Access, EigRange, access, assemble_subsets, conj_transpose_in_place, fortran_stack,
    max_selected, select, slot_mut,
};
use super::eigh_work::EighWork;
use super::stack::{broadcast_shapes, matrix_at, split, stack_indices, stack_items};
use super::working_copy::{Outside, Reads, checked_copy_into, checked_fortran_copy};
use super::{fortran_copy, square};
use crate::alloc::try_zeros;
use crate::error::{Error, Result, Shape};
use crate::layout::{Order, check_output, copy_in_order, mat_ld};
use crate::operand::Uplo;
use crate::scalar::Scalar;

/// Error unless `a` and `b` are square of one order and `itype` is 1, 2 or 3.
fn check_problem(
    routine: &'static str,
    a: (usize, usize),
    b: (usize, usize),
    itype: u8,
) -> Result<(usize, BlasInt)> {
    let n = square(routine, "a", a)? as usize;
    square(routine, "b", b)?;
    if b.0 != n {
        return Err(Error::ShapeMismatch {
            routine,
            what: "b",
            got: Shape(vec![b.0, b.1]),
            expected: Shape(vec![n, n]),
        });
    }
    if !(1..=3).contains(&itype) {
        return Err(Error::InvalidArgument {
            routine,
            what: "itype",
            reason: format!("{itype} is not 1 (A x = λ B x), 2 (A B x = λ x) or 3 (B A x = λ x)"),
        });
    }
    Ok((n, itype as BlasInt))
}

/// Runs `?sygvd` on the square views `a` and `b` in place: eigenvalues into
/// `w`, eigenvectors over `a` when `vectors`, `b` destroyed. `a` is used as
/// it is when LAPACK can address it (row-major through the transposed,
/// i.e. conjugate, problem with `uplo` flipped, as in
/// [`super::eigh_inplace`]); `b` then too if it has the same order, else
/// it is copied into a temporary of that order.
#[allow(clippy::too_many_arguments)]
fn gvd_in_place<T: Scalar>(
    work: &mut EighWork<T>,
    routine: &'static str,
    vectors: bool,
    itype: BlasInt,
    uplo: Uplo,
    a: &mut ArrayRef2<T>,
    b: &mut ArrayRef2<T>,
    w: &mut [T::Real],
) -> Result<()> {
    let n = a.nrows() as BlasInt;
    let acc = access(a);
    let mut a_tmp = None;
    if acc == Access::Copy {
        check_output(routine, "a", a)?;
        a_tmp = Some(fortran_copy(routine, a)?);
    }
    // The conjugate problem (row-major a) needs conj(B) too: b read row-major.
    let row = matches!(acc, Access::Row(_));
    let b_order = if row { Order::Row } else { Order::Col };
    let mut b_tmp = None;
    if mat_ld(b, b_order).is_none() {
        b_tmp = Some(copy_in_order(routine, b, b_order)?);
    }
    let (ap, lda) = match (&mut a_tmp, acc) {
        (Some(t), _) => (t.as_mut_ptr(), n.max(1)),
        (None, Access::Col(ld) | Access::Row(ld)) => (a.as_mut_ptr(), ld),
        (None, Access::Copy) => unreachable!("a copied above"),
    };
    let (bp, ldb) = match &mut b_tmp {
        Some(t) => (t.as_mut_ptr(), n.max(1)),
        // leading_dim bounds it by the LAPACK integer.
        None => (
            b.as_mut_ptr(),
            mat_ld(b, b_order).expect("checked above") as BlasInt,
        ),
    };
    let ul = if row { uplo.flip() } else { uplo };
    // SAFETY: ap and bp address n × n column-major matrices with leading
    // dimensions lda and ldb (the caller's views, borrowed mutably and
    // distinct, or owned temporaries); w has n elements.
    unsafe { work.gvd(routine, itype, vectors, ul, n, ap, lda, bp, ldb, w)? };
    match a_tmp {
        Some(t) => a.assign(&t),
        None if row && vectors => conj_transpose_in_place(a),
        None => {}
    }
    Ok(())
}

/// Eigenvalues and eigenvectors of the generalized problem of type `itype`
/// (see the module table) for symmetric/Hermitian `A` and positive definite
/// `B`, both read in their `uplo` triangle (scipy.linalg.eigh(a, b,
/// lower=…, type=itype)). Divide and conquer (`?sygvd`/`?hegvd`).
///
/// Returns `(w, v)`: `w` the `n` eigenvalues ascending, `v` (`n × n`,
/// Fortran order) the eigenvectors as columns, normalized as the table says.
///
/// Copies: `a` once (becomes `v`) and `b` once (LAPACK overwrites it with
/// its Cholesky factor). [`eigh_generalized_inplace`] makes none.
///
/// # Errors
/// `NotSquare`; `ShapeMismatch` if `b` is not `n × n`; `InvalidArgument`
/// for an `itype` other than 1, 2, 3; `NonFinite` (NaN/inf in either
/// `uplo` triangle); `NotPositiveDefinite { minor }` if `B` is not
/// positive definite; `NoConvergence` if the reduced standard problem
/// failed to converge.
#[allow(clippy::type_complexity)]
pub fn eigh_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<(Array1<T::Real>, Array2<T>)> {
    let _profile = crate::profile::scope("eigh_generalized");
    const R: &str = "eigh_generalized";
    let (n, itype) = check_problem(R, a.dim(), b.dim(), itype)?;
    let mut v = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Zero)?;
    let mut bt = checked_fortran_copy(R, "b", b, Reads::Triangle(uplo), Outside::Zero)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    gvd_in_place(
        &mut EighWork::new(),
        R,
        true,
        itype,
        uplo,
        &mut v,
        &mut bt,
        &mut w,
    )?;
    Ok((Array1::from(w), v))
}

/// The eigenvalues only, ascending, of the generalized problem (see
/// [`eigh_generalized`]).
///
/// Copies: `a` and `b` once each (LAPACK destroys both).
///
/// # Errors
/// As [`eigh_generalized`].
pub fn eigvalsh_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh_generalized");
    const R: &str = "eigvalsh_generalized";
    let (n, itype) = check_problem(R, a.dim(), b.dim(), itype)?;
    let mut at = checked_fortran_copy(R, "a", a, Reads::Triangle(uplo), Outside::Zero)?;
    let mut bt = checked_fortran_copy(R, "b", b, Reads::Triangle(uplo), Outside::Zero)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    gvd_in_place(
        &mut EighWork::new(),
        R,
        false,
        itype,
        uplo,
        &mut at,
        &mut bt,
        &mut w,
    )?;
    Ok(Array1::from(w))
}

/// [`eigh_generalized`] writing the eigenvectors over `a` and using `b` as
/// workspace (scipy's `overwrite_a`, `overwrite_b`): on success `a` holds
/// `v` and `b` unspecified contents (LAPACK's Cholesky factor); the
/// eigenvalues are returned.
///
/// Copies, by layout: none when `a` and `b` are both column-major or both
/// row-major (a row-major pair is solved as the conjugate problem, read
/// from the other triangles, and `a` is conjugate-transposed in place
/// afterwards, as in [`super::eigh_inplace`]); `b` is copied when its
/// order differs from `a`'s, and `a` (then copied back) when it has no
/// unit stride.
///
/// # Errors
/// As [`eigh_generalized`]. The shape, `itype` and finiteness checks come
/// first and leave both untouched; after `NotPositiveDefinite` or
/// `NoConvergence` their contents are unspecified.
pub fn eigh_generalized_inplace<T: Scalar>(
    a: &mut ArrayRef2<T>,
    b: &mut ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigh_generalized_inplace");
    const R: &str = "eigh_generalized_inplace";
    let (n, itype) = check_problem(R, a.dim(), b.dim(), itype)?;
    check_triangle(R, "a", a, uplo)?;
    check_triangle(R, "b", b, uplo)?;
    let mut w = crate::alloc::try_vec(R, n, T::Real::zero())?;
    gvd_in_place(&mut EighWork::new(), R, true, itype, uplo, a, b, &mut w)?;
    Ok(Array1::from(w))
}

/// Scratch matrices reused across a stack.
struct Scratch<T> {
    a: Option<Array2<T>>,
    b: Option<Array2<T>>,
}

/// Copies the `uplo` triangle of `src` into `slot` when it has shape
/// `n × n`, else into a new Fortran-order matrix there, checking it for
/// NaN/inf in the same pass (the other triangle is zeroed: LAPACK does not
/// read it).
fn fill<'s, T: Scalar>(
    routine: &'static str,
    what: &'static str,
    slot: &'s mut Option<Array2<T>>,
    src: &ArrayRef2<T>,
    uplo: Uplo,
) -> Result<&'s mut Array2<T>> {
    let reads = Reads::Triangle(uplo);
    match slot {
        Some(t) if t.dim() == src.dim() => {
            checked_copy_into(routine, what, src, t, reads, Outside::Zero)?
        }
        _ => {
            *slot = Some(checked_fortran_copy(
                routine,
                what,
                src,
                reads,
                Outside::Zero,
            )?)
        }
    }
    Ok(slot.as_mut().expect("filled above"))
}

/// `?sygvx` on scratch copies of `a` and `b` for the `range` subset.
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn gvx<T: Scalar>(
    work: &mut EighWork<T>,
    routine: &'static str,
    vectors: bool,
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
    range: EigRange<T::Real>,
    scratch: &mut Scratch<T>,
) -> Result<(Array1<T::Real>, Array2<T>)> {
    let (n, itype) = check_problem(routine, a.dim(), b.dim(), itype)?;
    let at = fill(routine, "a", &mut scratch.a, a, uplo)?;
    let bt = fill(routine, "b", &mut scratch.b, b, uplo)?;
    // The pencil's eigenvalues have no cheap bound: infinite ends go to
    // LAPACK as they are (its bisection clips them to the Gershgorin
    // interval of the reduced problem).
    let Some(sel) = select(routine, n, range, None::<fn() -> T::Real>)? else {
        return Ok((
            crate::alloc::try_zeros::<_, ndarray::Ix1, _>(routine, 0)?,
            crate::alloc::try_zeros::<_, ndarray::Ix2, _>(routine, (n, 0).f())?,
        ));
    };
    let (sel, filter) = super::eigh_range::robust_generalized(sel, n);
    let k = max_selected(&sel, n);
    let mut w = crate::alloc::try_vec(routine, n, T::Real::zero())?;
    let mut z = crate::alloc::try_vec(
        routine,
        if vectors { n.saturating_mul(k) } else { 1 },
        T::zero(),
    )?;
    let ni = n as BlasInt;
    // SAFETY: at and bt are owned n × n Fortran-order matrices; z holds
    // n × k column-major (ldz = n) when vectors; w has n elements.
    let m = unsafe {
        work.gvx(
            routine,
            itype,
            vectors,
            uplo,
            ni,
            at.as_mut_ptr(),
            ni,
            bt.as_mut_ptr(),
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

/// A subset of the eigenpairs of the generalized problem (scipy.linalg.eigh
/// (a, b, type=itype) with `subset_by_index`/`subset_by_value`): `w` the
/// `m` selected eigenvalues ascending, `v` (`n × m`, Fortran order) their
/// eigenvectors, normalized as in [`eigh_generalized`]. `?sygvx`/`?hegvx`
/// (bisection and inverse iteration on the reduced problem). A value range
/// is computed as all eigenpairs and filtered to `(vl, vu]` (see
/// `eigh_range::robust_generalized`: LAPACK's own value range can collapse
/// and print on stdout), so it costs about what the whole spectrum costs;
/// an index range computes only its eigenpairs.
///
/// Copies: `a` and `b` once each; `v` is written directly.
///
/// # Errors
/// As [`eigh_generalized`]; `InvalidArgument` for a bad range (see
/// [`EigRange`]); `NoConvergence` names the eigenvectors that failed.
#[allow(clippy::type_complexity)]
pub fn eigh_generalized_subset<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
    range: EigRange<T::Real>,
) -> Result<(Array1<T::Real>, Array2<T>)> {
    let _profile = crate::profile::scope("eigh_generalized_subset");
    let mut s = Scratch { a: None, b: None };
    gvx(
        &mut EighWork::new(),
        "eigh_generalized_subset",
        true,
        a,
        b,
        uplo,
        itype,
        range,
        &mut s,
    )
}

/// The selected eigenvalues only of the generalized problem; see
/// [`eigh_generalized_subset`].
///
/// # Errors
/// As [`eigh_generalized_subset`].
pub fn eigvalsh_generalized_subset<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    uplo: Uplo,
    itype: u8,
    range: EigRange<T::Real>,
) -> Result<Array1<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh_generalized_subset");
    let mut s = Scratch { a: None, b: None };
    Ok(gvx(
        &mut EighWork::new(),
        "eigvalsh_generalized_subset",
        false,
        a,
        b,
        uplo,
        itype,
        range,
        &mut s,
    )?
    .0)
}

/// The stack shape of a generalized problem over stacks, and `n`.
fn stack_problem<T>(
    routine: &'static str,
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    itype: u8,
) -> Result<(Vec<usize>, usize)> {
    let (a_lead, am, an) = split(routine, "a", a)?;
    let (b_lead, bm, bn) = split(routine, "b", b)?;
    let (n, _) = check_problem(routine, (am, an), (bm, bn), itype)?;
    Ok((broadcast_shapes(routine, &a_lead, &b_lead)?, n))
}

/// [`eigh_generalized`] over stacks: `a` `(…, n, n)` and `b` `(…, n, n)`,
/// their leading axes broadcast together (one `b` may serve every `a`).
/// Returns `w` `(…, n)` and `v` `(…, n, n)` with each matrix in Fortran
/// order. One LAPACK workspace and one scratch `B` for the stack; each `a`
/// is copied once, into its slot of `v`.
///
/// # Errors
/// As [`eigh_generalized`]; `TooFewDimensions`; `Broadcast`.
#[allow(clippy::type_complexity)]
pub fn eigh_generalized_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<(ArrayD<T::Real>, ArrayD<T>)> {
    let _profile = crate::profile::scope("eigh_generalized");
    let (w, v) = gvd_stacked("eigh_generalized", true, a, b, uplo, itype)?;
    Ok((w, v.expect("vectors were computed")))
}

/// [`eigvalsh_generalized`] over stacks (broadcast as in
/// [`eigh_generalized_stacked`]): eigenvalues `(…, n)`.
///
/// # Errors
/// As [`eigh_generalized_stacked`].
pub fn eigvalsh_generalized_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<ArrayD<T::Real>> {
    let _profile = crate::profile::scope("eigvalsh_generalized");
    Ok(gvd_stacked("eigvalsh_generalized", false, a, b, uplo, itype)?.0)
}

#[allow(clippy::type_complexity)]
fn gvd_stacked<T: Scalar>(
    routine: &'static str,
    vectors: bool,
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    uplo: Uplo,
    itype: u8,
) -> Result<(ArrayD<T::Real>, Option<ArrayD<T>>)> {
    let (lead, n) = stack_problem(routine, a, b, itype)?;
    let itype = itype as BlasInt;
    let mut w: ArrayD<T::Real> = try_zeros(routine, IxDyn(&[lead.as_slice(), &[n]].concat()))?;
    let mut v = match vectors {
        true => Some(fortran_stack::<T>(routine, &lead, n, n)?),
        false => None,
    };
    let mut at: Array2<T> = try_zeros(routine, if vectors { (0, 0) } else { (n, n) }.f())?;
    let mut bt: Array2<T> = try_zeros(routine, (n, n).f())?;
    let mut work = EighWork::new();
    for idx in stack_indices(&lead) {
        let (ai, bi) = (matrix_at(a.view(), &idx), matrix_at(b.view(), &idx));
        let reads = Reads::Triangle(uplo);
        let wi = slot_mut(w.view_mut(), &idx)
            .into_slice()
            .expect("slots of a C-order array are contiguous");
        match &mut v {
            Some(v) => {
                let mut vi = slot_mut(v.view_mut(), &idx)
                    .into_dimensionality()
                    .expect("two axes remain after indexing the leading ones");
                checked_copy_into(routine, "a", &ai, &mut vi, reads, Outside::Zero)?;
                checked_copy_into(routine, "b", &bi, &mut bt, reads, Outside::Zero)?;
                gvd_in_place(&mut work, routine, true, itype, uplo, &mut vi, &mut bt, wi)?;
            }
            None => {
                checked_copy_into(routine, "a", &ai, &mut at, reads, Outside::Zero)?;
                checked_copy_into(routine, "b", &bi, &mut bt, reads, Outside::Zero)?;
                gvd_in_place(&mut work, routine, false, itype, uplo, &mut at, &mut bt, wi)?;
            }
        }
    }
    Ok((w, v))
}

/// [`eigh_generalized_subset`] over stacks (broadcast as in
/// [`eigh_generalized_stacked`]): `w` `(…, m)`, `v` `(…, n, m)`. A value
/// range must find the same number of eigenvalues in every problem (else
/// `InvalidArgument`).
///
/// # Errors
/// As [`eigh_generalized_subset`]; `TooFewDimensions`; `Broadcast`.
#[allow(clippy::type_complexity)]
pub fn eigh_generalized_subset_stacked<T: Scalar>(
    a: &ArrayRefD<T>,
    b: &ArrayRefD<T>,
    uplo: Uplo,
    itype: u8,
    range: EigRange<T::Real>,
) -> Result<(ArrayD<T::Real>, ArrayD<T>)> {
    let _profile = crate::profile::scope("eigh_generalized_subset");
    const R: &str = "eigh_generalized_subset";
    let (lead, n) = stack_problem(R, a, b, itype)?;
    if let EigRange::Index(..) = range {
        select(R, n, range, None::<fn() -> T::Real>)?;
    }
    let (mut work, mut scratch) = (EighWork::new(), Scratch { a: None, b: None });
    let (mut ws, mut vs) = (stack_items(R, &lead)?, stack_items(R, &lead)?);
    for idx in stack_indices(&lead) {
        let (ai, bi) = (matrix_at(a.view(), &idx), matrix_at(b.view(), &idx));
        let (w, v) = gvx(
            &mut work,
            R,
            true,
            &ai,
            &bi,
            uplo,
            itype,
            range,
            &mut scratch,
        )?;
        ws.push(w);
        vs.push(v);
    }
    let (w, v) = assemble_subsets(R, &lead, n, ws, Some(vs))?;
    Ok((w, v.expect("vectors were computed")))
}
