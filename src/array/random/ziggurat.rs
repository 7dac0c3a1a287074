//! Standard normal samples by Marsaglia and Tsang's ziggurat ("The
//! ziggurat method for generating random variables", J. Stat. Softw. 5(8),
//! 2000), 256 layers, the layer index and the abscissa taken from disjoint
//! bits of one word (avoiding the correlation Doornik pointed out in the
//! original code, where both came from the same 32 bits).
//!
//! About 98.8 % of samples need only their own word. The rest (wedges and
//! the tail) draw further words from the position's extra sequence, so the
//! value is still a function of (key, position) alone.

use std::sync::LazyLock;

use super::philox::{Extra, open01};

/// The right edge of the base strip, and the area of each of the 256
/// layers (Marsaglia and Tsang's `r` and `v` for 256 layers).
const R: f64 = 3.654_152_885_361_009;
const V: f64 = 4.928_673_233_99e-3;

/// The layer table: `x[i]` is the width of layer `i` (`x[0] = V / f(R)`,
/// the base strip with the tail folded in; `x[1] = R`; `x[256] = 0`), and
/// `f[i] = exp(-x[i]² / 2)` is the height of its lower edge.
pub(super) struct Table {
    x: [f64; 257],
    f: [f64; 257],
}

fn pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp()
}

/// Built once, on first use, from `R` and `V` by the recurrence
/// `x[i+1] = f⁻¹(f(x[i]) + V / x[i])`. Uses `exp`/`ln` of the platform's
/// math library, so the last bits of the table (and of normal samples
/// near a layer edge) may differ between math libraries.
pub(super) static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut x = [0.0; 257];
    x[0] = V / pdf(R);
    x[1] = R;
    for i in 1..255 {
        x[i + 1] = (-2.0 * (V / x[i] + pdf(x[i])).ln()).sqrt();
    }
    x[256] = 0.0;
    let f = x.map(pdf);
    Table { x, f }
});

/// `x` (≥ 0) negated when bit 8 of `w` is set. Branch-free: the sign is a
/// fair coin, so a branch would be mispredicted half the time.
#[inline(always)]
fn with_sign(x: f64, w: u64) -> f64 {
    f64::from_bits(x.to_bits() ^ ((w & 0x100) << 55))
}

impl Table {
    /// A standard normal sample from the word `w`, drawing from `extra`
    /// only when `w` falls in a wedge or the tail.
    #[inline(always)]
    pub(super) fn sample(&self, w: u64, extra: impl FnOnce() -> Extra) -> f64 {
        let i = (w & 0xFF) as usize;
        let x = open01(w) * self.x[i];
        if x < self.x[i + 1] {
            return with_sign(x, w);
        }
        self.slow(w, extra())
    }

    #[cold]
    fn slow(&self, mut w: u64, mut extra: Extra) -> f64 {
        loop {
            let i = (w & 0xFF) as usize;
            let x = open01(w) * self.x[i];
            let sign = |v: f64| with_sign(v, w);
            if x < self.x[i + 1] {
                return sign(x);
            }
            if i == 0 {
                // The tail beyond R (Marsaglia 1964).
                loop {
                    let a = -open01(extra.next_u64()).ln() / R;
                    let b = -open01(extra.next_u64()).ln();
                    if 2.0 * b > a * a {
                        return sign(R + a);
                    }
                }
            }
            // A wedge: accept under the curve, else start over.
            let y = self.f[i] + (self.f[i + 1] - self.f[i]) * open01(extra.next_u64());
            if y < pdf(x) {
                return sign(x);
            }
            w = extra.next_u64();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_published_values() {
        let t = &*TABLE;
        // Published 256-layer values (rand_distr's ZIG_NORM_X and ZIG_NORM_F).
        assert!((t.x[0] - 3.910_757_959_537_09).abs() < 1e-12);
        assert!((t.x[2] - 3.449_278_298_560_964).abs() < 1e-12);
        assert!((t.x[254] - 0.286_174_591_747_260_5).abs() < 1e-9);
        assert!((t.x[255] - 0.215_241_895_913_273_8).abs() < 1e-9);
        assert!((t.f[255] - 0.977_101_701_282_731_3).abs() < 1e-9);
        // The top layer closes at the peak: its area is V up to the
        // precision of V itself.
        assert!((t.x[255] * (1.0 - t.f[255]) - V).abs() < 1e-9);
        assert!(t.x.windows(2).all(|p| p[0] > p[1]));
    }
}
