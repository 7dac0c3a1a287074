//! QR family: `?geqrf` (Householder QR) and `?orgqr`/`?ungqr` (form `Q`
//! from the reflectors).
//!
//! | method  | f32      | f64      | Complex32 | Complex64 |
//! |---------|----------|----------|-----------|-----------|
//! | `geqrf` | `sgeqrf` | `dgeqrf` | `cgeqrf`  | `zgeqrf`  |
//! | `orgqr` | `sorgqr` | `dorgqr` | `cungqr`  | `zungqr`  |

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};

/// Householder QR and the explicit `Q`.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Geqrf: Sized {
    /// `A = Q·R` in place (column-major `m × n`, leading dimension `lda`):
    /// `R` on and above the diagonal, the reflectors below it and their
    /// `min(m, n)` scalars in `tau`. `lwork = -1` queries the workspace
    /// size into `work[0]`.
    ///
    /// # Safety
    /// `a` must hold at least `lda·(n − 1) + m` elements (when non-empty) with
    /// `lda ≥ max(1, m)`, `tau` at least `min(m, n)` and `work` at least
    /// `max(1, lwork)`: LAPACK addresses them by these sizes unchecked.
    unsafe fn geqrf(
        m: BlasInt,
        n: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        tau: &mut [Self],
        work: &mut [Self],
        lwork: BlasInt,
    ) -> BlasInt;
    /// Overwrites the `m × n` matrix `a` (`m ≥ n ≥ k`), whose first `k`
    /// columns hold `geqrf`'s reflectors, with the first `n` columns of
    /// `Q = H₁·…·H_k` (`?orgqr` for real types, `?ungqr` for complex).
    /// `lwork = -1` queries the workspace size into `work[0]`.
    ///
    /// # Safety
    /// `a` as for [`Geqrf::geqrf`], `tau` at least `k` elements and `work`
    /// at least `max(1, lwork)`.
    unsafe fn orgqr(
        m: BlasInt,
        n: BlasInt,
        k: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        tau: &[Self],
        work: &mut [Self],
        lwork: BlasInt,
    ) -> BlasInt;
}

macro_rules! impl_geqrf {
    ($t:ty, $geqrf:ident, $orgqr:ident) => {
        impl Geqrf for $t {
            unsafe fn geqrf(
                m: BlasInt,
                n: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                tau: &mut [Self],
                work: &mut [Self],
                lwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `geqrf`'s contract above: the slices hold every
                // element LAPACK addresses through `m`, `n`, `lda` and `lwork`.
                unsafe {
                    ffi::$geqrf(
                        ColumnMajor,
                        m,
                        n,
                        a.as_mut_ptr(),
                        lda,
                        tau.as_mut_ptr(),
                        work.as_mut_ptr(),
                        lwork,
                    )
                }
            }
            unsafe fn orgqr(
                m: BlasInt,
                n: BlasInt,
                k: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                tau: &[Self],
                work: &mut [Self],
                lwork: BlasInt,
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `orgqr`'s contract above: the slices hold every
                // element LAPACK addresses through `m`, `n`, `k`, `lda` and `lwork`.
                unsafe {
                    ffi::$orgqr(
                        ColumnMajor,
                        m,
                        n,
                        k,
                        a.as_mut_ptr(),
                        lda,
                        tau.as_ptr(),
                        work.as_mut_ptr(),
                        lwork,
                    )
                }
            }
        }
    };
}

impl_geqrf!(f32, LAPACKE_sgeqrf_work, LAPACKE_sorgqr_work);
impl_geqrf!(f64, LAPACKE_dgeqrf_work, LAPACKE_dorgqr_work);
impl_geqrf!(Complex32, LAPACKE_cgeqrf_work, LAPACKE_cungqr_work);
impl_geqrf!(Complex64, LAPACKE_zgeqrf_work, LAPACKE_zungqr_work);
