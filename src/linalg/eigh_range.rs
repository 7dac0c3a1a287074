//! Value ranges that LAPACK's internal scaling could collapse.
//!
//! `?syevr` (under [`eigh_subset`](super::eigh_subset)) and `?syevx`
//! (under `?sygvx`, [`eigh_generalized_subset`](super::eigh_generalized_subset))
//! scale a matrix whose largest entry lies outside
//! `[√(safmin/ε), min(√(1/safmin), safmin^(-1/4))]` by a factor `σ` and hand
//! `(σ·vl, σ·vu]` to `?stebz`. When the two products round to the same
//! value — both overflow, both underflow, or the ends lie a few ulps apart
//! — `?stebz` rejects its argument 5 through XERBLA, which prints
//! "** On entry to DSTEBZ parameter number 5 had an illegal value" on the
//! host's stdout, and the driver returns no eigenvalue with `info = 0`,
//! which is wrong when some lie in the range. (Found by the linalg fuzz
//! target.) `σ` is not known before the call (for `?sygvx` it depends on
//! the reduced matrix), so such a range is recognised from its ends alone,
//! for every `σ` LAPACK can choose, and computed as all eigenpairs filtered
//! to `(vl, vu]` here.

use num_traits::Float;

use super::eigh_work::Select;
use crate::RealScalar;
use crate::sys::BlasInt;

/// Whether `(σ·vl, σ·vu]` can collapse for a scale factor `σ` that
/// `?syevr`/`?syevx` may apply (`vl < vu`, neither NaN).
pub(crate) fn fragile<R: RealScalar>(vl: R, vu: R) -> bool {
    // LAPACK's bounds on the largest entry, and the extreme factors.
    let safmin = <R as Float>::min_positive_value();
    let lapack_eps = <R as Float>::epsilon() / (R::one() + R::one());
    let rmin = Float::sqrt(safmin / lapack_eps);
    let rmax = Float::min(
        Float::sqrt(Float::recip(safmin)),
        Float::recip(Float::sqrt(Float::sqrt(safmin))),
    );
    // The smallest non-zero largest entry is the least subnormal.
    let least = safmin * <R as Float>::epsilon();
    let sigma_max = rmin / least;
    let sigma_min = rmax / <R as Float>::max_value();
    // Both ends overflow together (same sign, at least max/σ_max).
    let big = <R as Float>::max_value() / sigma_max;
    let both_big = (vl >= big && vu >= big) || (vl <= -big && vu <= -big);
    // Both ends leave the normal range together (any signs: −0 = +0).
    let small = safmin / sigma_min;
    let both_small = Float::abs(vl) <= small && Float::abs(vu) <= small;
    // The ends a few ulps apart: scaling may round them together.
    let four = R::one() + R::one() + R::one() + R::one();
    let close = Float::is_finite(vu - vl)
        && vu - vl <= four * <R as Float>::epsilon() * Float::max(Float::abs(vl), Float::abs(vu));
    both_big || both_small || close
}

/// The selection to hand LAPACK for `sel` on an order-`n` problem: a
/// fragile value range becomes all eigenvalues (indices `1..=n`), with the
/// range returned for [`keep_in_range`].
pub(crate) fn robust<R: RealScalar>(sel: Select<R>, n: usize) -> (Select<R>, Option<(R, R)>) {
    match sel {
        Select::Value(vl, vu) if n > 0 && fragile(vl, vu) => {
            (Select::Index(1, n as BlasInt), Some((vl, vu)))
        }
        s => (s, None),
    }
}

/// As [`robust`] for the generalized problem (`?sygvx`): every value range
/// becomes all eigenvalues, filtered afterwards. There `σ` depends on the
/// reduced matrix `L⁻¹ H L⁻ᴴ`, whose largest entry can overflow when `S`
/// is numerically singular; LAPACK then takes `σ = 0`, every range
/// collapses (the XERBLA print on stdout and an empty result), and the
/// ends alone cannot tell. Found by the linalg fuzz target with
/// `H = [[8.25, 1e300], [-1.125, 1e300]]`, `S = 0.125` everywhere, range
/// `(1, 1e300]`. Costs up to about 2.5× a subset's time for a few
/// eigenpairs of a large problem; index ranges are unaffected.
pub(crate) fn robust_generalized<R: RealScalar>(
    sel: Select<R>,
    n: usize,
) -> (Select<R>, Option<(R, R)>) {
    match sel {
        Select::Value(vl, vu) if n > 0 => (Select::Index(1, n as BlasInt), Some((vl, vu))),
        s => (s, None),
    }
}

/// Keeps, of the `m` ascending eigenvalues `w` and (when `vectors`) their
/// eigenvectors, the columns of the `n`-row column-major `z`, those with
/// `vl < w ≤ vu`; returns their count. They are contiguous.
pub(crate) fn keep_in_range<R: RealScalar, T>(
    w: &mut Vec<R>,
    z: &mut Vec<T>,
    n: usize,
    m: usize,
    vectors: bool,
    (vl, vu): (R, R),
) -> usize {
    w.truncate(m);
    let first = w.iter().position(|&x| x > vl).unwrap_or(m);
    let end = w.iter().rposition(|&x| x <= vu).map_or(0, |i| i + 1);
    let end = end.max(first);
    w.truncate(end);
    w.drain(..first);
    if vectors {
        z.truncate(end * n);
        z.drain(..first * n);
    }
    end - first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragile_ranges() {
        assert!(!fragile(-1.0f64, 1.0));
        assert!(!fragile(0.5f64, 0.75));
        assert!(!fragile(f64::NEG_INFINITY, f64::INFINITY));
        assert!(!fragile(-1e300f64, 1e300));
        // Overflow together, underflow together, a few ulps apart.
        assert!(fragile(1e300f64, f64::INFINITY));
        assert!(fragile(f64::NEG_INFINITY, -1e200));
        assert!(fragile(0.0f64, 1e-310));
        assert!(fragile(-1e-300f64, 1e-300));
        assert!(fragile(1.0f64, 1.0 + f64::EPSILON));
        assert!(fragile(1e30f32, f32::INFINITY));
        assert!(!fragile(-1.0f32, 2.0));
    }

    #[test]
    fn keeps_the_columns_in_range() {
        let mut w = vec![-2.0, -1.0, 0.5, 1.0, 3.0, 99.0];
        let mut z: Vec<i32> = (0..12).collect(); // n = 2 rows, 6 columns
        let m = keep_in_range(&mut w, &mut z, 2, 5, true, (-1.0, 1.0));
        assert_eq!((m, w, z), (2, vec![0.5, 1.0], vec![4, 5, 6, 7]));
        let (mut w, mut z) = (vec![1.0, 2.0], vec![0u8; 1]);
        assert_eq!(keep_in_range(&mut w, &mut z, 2, 2, false, (5.0, 6.0)), 0);
        assert!(w.is_empty());
    }
}
