//! The generalized symmetric-definite eigenproblem with its problem type
//! and a selection of eigenpairs: eigh_generalized_subset. The shared
//! rules are in [`super`].

use super::*;
use crate::call;
use lapis::array::linalg::EigRange;

/// Which eigenvalues `lapis_linalg_eigh_generalized_subset` computes
/// (scipy.linalg.eigh's `subset_by_index` / `subset_by_value`).
#[allow(non_camel_case_types)]
pub type lapis_eig_range = i32;
/// Every eigenvalue (`lo` and `hi` are ignored).
pub const LAPIS_EIG_ALL: lapis_eig_range = 0;
/// The eigenvalues with 0-based ascending indices `lo..=hi` (both ends
/// included, `0 ≤ lo ≤ hi < N`; integral values in the `double`s).
pub const LAPIS_EIG_INDEX: lapis_eig_range = 1;
/// The eigenvalues `e` with `lo < e ≤ hi` (half-open, as LAPACK and SciPy;
/// `lo < hi`, infinite ends allowed, no NaN).
pub const LAPIS_EIG_VALUE: lapis_eig_range = 2;

fn eig_range_arg(
    routine: &str,
    range: lapis_eig_range,
    lo: f64,
    hi: f64,
) -> FfiResult<Option<EigRange<f64>>> {
    let index = |name: &str, v: f64| {
        if v.fract() == 0.0 && (0.0..9.007_199_254_740_992e15).contains(&v) {
            Ok(v as usize)
        } else {
            Err(Failure::invalid(
                routine,
                name,
                format!("{v} is not an eigenvalue index (a non-negative integer)"),
            ))
        }
    };
    match range {
        LAPIS_EIG_ALL => Ok(None),
        LAPIS_EIG_INDEX => Ok(Some(EigRange::Index(index("lo", lo)?, index("hi", hi)?))),
        LAPIS_EIG_VALUE => Ok(Some(EigRange::Value(lo, hi))),
        _ => Err(Failure::invalid(
            routine,
            "range",
            format!(
                "unknown eigenvalue range code {range} (expected LAPIS_EIG_ALL = 0, LAPIS_EIG_INDEX = 1 or LAPIS_EIG_VALUE = 2)"
            ),
        )),
    }
}

/// The generalized symmetric-definite eigenproblem of type `itype` for
/// each pair of `(…, N, N)` matrices, optionally only some eigenpairs
/// (scipy.linalg.eigh(h, s, type=itype, subset_by_index=[lo, hi] or
/// subset_by_value=[lo, hi]); LAPACK `?sygvd`/`?hegvd` for
/// `LAPIS_EIG_ALL`, `?sygvx`/`?hegvx` otherwise). `itype` 1 is
/// `H x = e S x` (what `lapis_linalg_eigh_generalized` solves), 2 is
/// `H S x = e x`, 3 is `S H x = e x`. `H` symmetric/Hermitian, `S`
/// symmetric/Hermitian positive definite, both read only in their `uplo`
/// triangle, the same dtype; leading axes broadcast. `range` a
/// `lapis_eig_range` code with its bounds in `lo`, `hi` (indices for
/// `LAPIS_EIG_INDEX`, values for `LAPIS_EIG_VALUE`). `*w` `(…, K)`: the
/// `K` selected eigenvalues ascending, real dtype of the input's
/// precision; `*x` `(…, N, K)`: their eigenvectors (columns), input dtype,
/// normalized as SciPy does (`Xᴴ S X = I` for itype 1 and 2,
/// `Xᴴ S⁻¹ X = I` for 3). A value range must select the same `K` in every
/// problem of a stack. Either out-pointer may be NULL to skip it (NULL
/// `x`: eigenvectors are not computed for `LAPIS_EIG_ALL`); new arrays,
/// freed by the caller.
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (h, s); `LAPIS_ERR_BAD_DTYPE`;
/// `LAPIS_ERR_INVALID_ARGUMENT` (uplo or range code, itype not 1–3, bad
/// bounds: `lo > hi`, `hi ≥ N`, non-integral indices, NaN values, or a
/// value range selecting different counts across a stack);
/// `LAPIS_ERR_SHAPE_MISMATCH`; `LAPIS_ERR_NOT_POSITIVE_DEFINITE` (S, with
/// the failing leading minor); `LAPIS_ERR_NON_FINITE`;
/// `LAPIS_ERR_NO_CONVERGENCE`.
///
/// # Safety
/// Handles are NULL or live lapis handles; non-NULL out-pointers are writable.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_linalg_eigh_generalized_subset(
    h: *const lapis_array,
    s: *const lapis_array,
    uplo: lapis_uplo,
    itype: i32,
    range: lapis_eig_range,
    lo: f64,
    hi: f64,
    w: *mut *mut lapis_array,
    x: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_linalg_eigh_generalized_subset";
        let (h, s) = (array_ref(R, "h", h)?, array_ref(R, "s", s)?);
        let uplo = uplo_arg(R, uplo)?;
        let itype = match itype {
            1..=3 => itype as u8,
            _ => {
                return Err(Failure::invalid(
                    R,
                    "itype",
                    format!("{itype} is not 1, 2 or 3"),
                ));
            }
        };
        let range = eig_range_arg(R, range, lo, hi)?;
        // SAFETY: each out-pointer is NULL (skipped) or writable (# Safety).
        unsafe {
            put_eigen(
                R,
                w,
                x,
                || la::eigvalsh_generalized_subset(&h, &s, uplo, itype, range),
                || la::eigh_generalized_subset(&h, &s, uplo, itype, range),
            )
        }
    })
}
