//! Least-squares family: `?gelsd` (minimum-norm solution through the SVD,
//! by divide and conquer).
//!
//! | type        | routine  |
//! |-------------|----------|
//! | `f32`       | `sgelsd` |
//! | `f64`       | `dgelsd` |
//! | `Complex32` | `cgelsd` |
//! | `Complex64` | `zgelsd` |

use crate::sys::{BlasInt, lapacke as ffi};
use lapacke::Layout::ColumnMajor;
use num_complex::{Complex32, Complex64};

/// `SMLSIZ` of `?gelsd` (ILAENV's size of the leaves of the divide and
/// conquer tree; 25 in every LAPACK).
const SMLSIZ: usize = 25;

/// `NLVL` of `?gelsd`: the depth of the divide and conquer tree.
fn nlvl(mn: usize) -> usize {
    let mut levels = 1;
    let mut size = mn / (SMLSIZ + 1);
    while size > 1 {
        size /= 2;
        levels += 1;
    }
    levels
}

/// Minimum-norm least squares.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Gelsd<R>: Sized {
    /// Minimises `‖B − A·X‖₂` with minimum `‖X‖₂` for column-major `A`
    /// `m × n` (destroyed) and `B` `max(m, n) × nrhs` (overwritten by `X` in
    /// its first `n` rows; for `m > n` and full rank, rows `n..m` hold the
    /// residual components). Singular values `s[i] ≤ rcond·s[0]` count as
    /// zero (`rcond < 0`: machine precision); `rank` receives the
    /// effective rank and `s` the `min(m, n)` singular values.
    ///
    /// `lwork = -1` is a query: the optimal `lwork` goes to `work[0]`, the
    /// minimum `liwork` to `iwork[0]` and, for complex types, the minimum
    /// `lrwork` to `rwork[0]` (each slice must hold at least one element).
    /// Real types ignore `rwork`.
    ///
    /// # Safety
    /// Every slice must hold at least the elements LAPACK addresses, unchecked:
    /// `a` `lda·(n − 1) + m` (`lda ≥ max(1, m)`), `b` `ldb·(nrhs − 1) +
    /// max(m, n)` (`ldb ≥ max(1, m, n)`), `s` `min(m, n)`, and `work`, `rwork`,
    /// `iwork` at least `lwork` and the minimum sizes of
    /// [`Gelsd::gelsd_min_sizes`] (one element each for a query).
    unsafe fn gelsd(
        m: BlasInt,
        n: BlasInt,
        nrhs: BlasInt,
        a: &mut [Self],
        lda: BlasInt,
        b: &mut [Self],
        ldb: BlasInt,
        s: &mut [R],
        rcond: R,
        rank: &mut BlasInt,
        work: &mut [Self],
        lwork: BlasInt,
        rwork: &mut [R],
        iwork: &mut [BlasInt],
    ) -> BlasInt;

    /// The documented minimum `(lwork, lrwork, liwork)` of `?gelsd` (a floor
    /// under the queried sizes; `lrwork` is 1 for real types).
    fn gelsd_min_sizes(m: usize, n: usize, nrhs: usize) -> (usize, usize, usize);
}

fn liwork_min(mn: usize) -> usize {
    (3 * mn * nlvl(mn) + 11 * mn).max(1)
}

macro_rules! impl_gelsd_real {
    ($t:ty, $gelsd:ident) => {
        impl Gelsd<$t> for $t {
            unsafe fn gelsd(
                m: BlasInt,
                n: BlasInt,
                nrhs: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                b: &mut [Self],
                ldb: BlasInt,
                s: &mut [Self],
                rcond: Self,
                rank: &mut BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                _rwork: &mut [Self],
                iwork: &mut [BlasInt],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gelsd`'s contract above: every slice holds the
                // elements LAPACK addresses through the sizes passed with it.
                unsafe {
                    ffi::$gelsd(
                        ColumnMajor,
                        m,
                        n,
                        nrhs,
                        a.as_mut_ptr(),
                        lda,
                        b.as_mut_ptr(),
                        ldb,
                        s.as_mut_ptr(),
                        rcond,
                        rank,
                        work.as_mut_ptr(),
                        lwork,
                        iwork.as_mut_ptr(),
                    )
                }
            }
            fn gelsd_min_sizes(m: usize, n: usize, nrhs: usize) -> (usize, usize, usize) {
                let (mn, mx) = (m.min(n), m.max(n));
                let lwork = 12 * mn
                    + 2 * mn * SMLSIZ
                    + 8 * mn * nlvl(mn)
                    + mn * nrhs
                    + (SMLSIZ + 1) * (SMLSIZ + 1)
                    + 3 * mn
                    + (2 * mn).max(mx).max(nrhs);
                (lwork.max(1), 1, liwork_min(mn))
            }
        }
    };
}

macro_rules! impl_gelsd_complex {
    ($t:ty, $r:ty, $gelsd:ident) => {
        impl Gelsd<$r> for $t {
            unsafe fn gelsd(
                m: BlasInt,
                n: BlasInt,
                nrhs: BlasInt,
                a: &mut [Self],
                lda: BlasInt,
                b: &mut [Self],
                ldb: BlasInt,
                s: &mut [$r],
                rcond: $r,
                rank: &mut BlasInt,
                work: &mut [Self],
                lwork: BlasInt,
                rwork: &mut [$r],
                iwork: &mut [BlasInt],
            ) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: our caller meets `gelsd`'s contract above, `rwork` included:
                // every slice holds the elements LAPACK addresses.
                unsafe {
                    ffi::$gelsd(
                        ColumnMajor,
                        m,
                        n,
                        nrhs,
                        a.as_mut_ptr(),
                        lda,
                        b.as_mut_ptr(),
                        ldb,
                        s.as_mut_ptr(),
                        rcond,
                        rank,
                        work.as_mut_ptr(),
                        lwork,
                        rwork.as_mut_ptr(),
                        iwork.as_mut_ptr(),
                    )
                }
            }
            fn gelsd_min_sizes(m: usize, n: usize, nrhs: usize) -> (usize, usize, usize) {
                let (mn, mx) = (m.min(n), m.max(n));
                let lwork = 2 * mn + mx.max(mn * nrhs) + mn * nrhs;
                let lrwork = 10 * mn
                    + 2 * mn * SMLSIZ
                    + 8 * mn * nlvl(mn)
                    + 3 * SMLSIZ * nrhs
                    + ((SMLSIZ + 1) * (SMLSIZ + 1)).max(mn * (1 + nrhs) + 2 * nrhs);
                (lwork.max(1), lrwork.max(1), liwork_min(mn))
            }
        }
    };
}

impl_gelsd_real!(f32, LAPACKE_sgelsd_work);
impl_gelsd_real!(f64, LAPACKE_dgelsd_work);
impl_gelsd_complex!(Complex32, f32, LAPACKE_cgelsd_work);
impl_gelsd_complex!(Complex64, f64, LAPACKE_zgelsd_work);

#[cfg(test)]
mod tests {
    use super::nlvl;

    #[test]
    fn tree_depth_matches_lapack_formula() {
        for mn in 1..5000usize {
            let want = (((mn as f64) / 26.0).log2() as i64 + 1).max(0) as usize;
            // LAPACK's INT truncates toward zero, so for mn < 26 the log is
            // negative and truncates to 0: depth 1, as here.
            assert!(nlvl(mn) >= want, "mn = {mn}");
            assert!(nlvl(mn) <= want + 1, "mn = {mn}");
        }
    }
}
