//! The distributions: parameter checks, and the map from an element's
//! words to its value.

use std::f64::consts::FRAC_1_SQRT_2;

use num_traits::Zero;

use super::fill::Dist;
use super::philox::{Extra, Key};
use super::ziggurat::{TABLE, Table};
use crate::error::{Error, Result};
use crate::scalar::{RealScalar, Scalar};

const fn words_of<T: Scalar>() -> usize {
    if T::IS_COMPLEX { 2 } else { 1 }
}

/// Uniform on [0, 1) with the full precision of `R`: the top 53 bits of
/// `w` times 2⁻⁵³ for `f64`, the top 24 bits times 2⁻²⁴ for `f32`; exact.
#[inline(always)]
fn unit<R: RealScalar>(w: u64) -> R {
    if size_of::<R>() == 4 {
        R::from_f64_real((w >> 40) as f64 * (1.0 / (1u64 << 24) as f64))
    } else {
        R::from_f64_real((w >> 11) as f64 * (1.0 / (1u64 << 53) as f64))
    }
}

/// The largest `R` below `x` (`x` finite).
fn next_below<R: RealScalar>(x: R) -> R {
    if size_of::<R>() == 4 {
        let f = x.to_f64_real() as f32;
        let b = f.to_bits();
        let g = if f == 0.0 {
            -f32::from_bits(1)
        } else if f > 0.0 {
            f32::from_bits(b - 1)
        } else {
            f32::from_bits(b + 1)
        };
        R::from_f64_real(f64::from(g))
    } else {
        let f = x.to_f64_real();
        let b = f.to_bits();
        R::from_f64_real(if f == 0.0 {
            -f64::from_bits(1)
        } else if f > 0.0 {
            f64::from_bits(b - 1)
        } else {
            f64::from_bits(b + 1)
        })
    }
}

/// Both parts of a complex `T` from two words, the real part alone from one.
#[inline(always)]
fn parts<T: Scalar>(w: &[u64], mut part: impl FnMut(u64, usize) -> T::Real) -> T {
    let re = part(w[0], 0);
    if T::IS_COMPLEX {
        T::from_parts(re, part(w[1], 1))
    } else {
        T::from_real(re)
    }
}

pub(super) struct Uniform01;

impl<T: Scalar> Dist<T> for Uniform01 {
    const WORDS: usize = words_of::<T>();
    #[inline(always)]
    fn sample(&self, w: &[u64], _pos: u64, _key: Key) -> T {
        parts::<T>(w, |w, _| unit(w))
    }
}

/// A point of the unit square [0, 1)² from ONE word: `x` from the top 24
/// bits of the high half, `y` from the top 24 bits of the low half, each
/// times 2⁻²⁴ (exact in `f32`).
pub(super) struct UnitPairF32;

impl Dist<[f32; 2]> for UnitPairF32 {
    const WORDS: usize = 1;
    #[inline(always)]
    fn sample(&self, w: &[u64], _pos: u64, _key: Key) -> [f32; 2] {
        const SCALE: f32 = 1.0 / (1u32 << 24) as f32;
        let w = w[0];
        [
            (w >> 40) as i32 as f32 * SCALE,
            ((w >> 8) as i32 & 0x00FF_FFFF) as f32 * SCALE,
        ]
    }
}

pub(super) struct Uniform<R> {
    low: R,
    span: R,
    high: R,
    below_high: R,
}

impl<R: RealScalar> Uniform<R> {
    pub(super) fn new(routine: &'static str, low: R, high: R) -> Result<Self> {
        let span = high - low;
        if !(Scalar::is_finite(low)
            && Scalar::is_finite(high)
            && low < high
            && Scalar::is_finite(span))
        {
            return Err(Error::InvalidArgument {
                routine,
                what: "low, high",
                reason: format!(
                    "need finite low < high with finite high - low, got [{low}, {high})"
                ),
            });
        }
        Ok(Uniform {
            low,
            span,
            high,
            below_high: next_below(high),
        })
    }
}

impl<T: Scalar> Dist<T> for Uniform<T::Real> {
    const WORDS: usize = words_of::<T>();
    #[inline(always)]
    fn sample(&self, w: &[u64], _pos: u64, _key: Key) -> T {
        parts::<T>(w, |w, _| {
            let v = self.low + self.span * unit::<T::Real>(w);
            if v < self.high { v } else { self.below_high }
        })
    }
}

pub(super) struct Normal<T: Scalar> {
    mean: T,
    std: T::Real,
    table: &'static Table,
}

impl<T: Scalar> Normal<T> {
    pub(super) fn new(routine: &'static str, mean: T, std: T::Real) -> Result<Self> {
        if !mean.is_finite() {
            return Err(Error::InvalidArgument {
                routine,
                what: "mean",
                reason: format!("must be finite, got {mean}"),
            });
        }
        if !(Scalar::is_finite(std) && std >= T::Real::zero()) {
            return Err(Error::InvalidArgument {
                routine,
                what: "std",
                reason: format!("must be finite and >= 0, got {std}"),
            });
        }
        Ok(Normal {
            mean,
            std,
            table: &TABLE,
        })
    }
}

impl<T: Scalar> Dist<T> for Normal<T> {
    const WORDS: usize = words_of::<T>();
    #[inline(always)]
    fn sample(&self, w: &[u64], pos: u64, key: Key) -> T {
        // CN(0, 1): each part N(0, 1/2).
        let scale = if T::IS_COMPLEX { FRAC_1_SQRT_2 } else { 1.0 };
        parts::<T>(w, |w, part| {
            let z = self.table.sample(w, || Extra::new(key, pos + part as u64));
            let mean = if part == 0 {
                self.mean.re()
            } else {
                self.mean.im()
            };
            mean + self.std * T::Real::from_f64_real(z * scale)
        })
    }
}

pub(super) struct Integers {
    low: i64,
    span: u64,
}

impl Integers {
    pub(super) fn new(routine: &'static str, low: i64, high: i64) -> Result<Self> {
        if low >= high {
            return Err(Error::InvalidArgument {
                routine,
                what: "low, high",
                reason: format!("need low < high, got [{low}, {high})"),
            });
        }
        Ok(Integers {
            low,
            span: high.wrapping_sub(low) as u64,
        })
    }
}

impl Dist<i64> for Integers {
    const WORDS: usize = 1;
    #[inline(always)]
    fn sample(&self, w: &[u64], pos: u64, key: Key) -> i64 {
        // Lemire, "Fast random integer generation in an interval" (2019):
        // the high word of w·span is uniform on [0, span) once the low
        // words below 2⁶⁴ mod span are rejected.
        let span = u128::from(self.span);
        let mut m = u128::from(w[0]) * span;
        if (m as u64) < self.span {
            let threshold = self.span.wrapping_neg() % self.span;
            if (m as u64) < threshold {
                let mut extra = Extra::new(key, pos);
                while (m as u64) < threshold {
                    m = u128::from(extra.next_u64()) * span;
                }
            }
        }
        self.low.wrapping_add((m >> 64) as u64 as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_below_is_adjacent() {
        assert_eq!(next_below(1.0f64), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(next_below(1.0f32), 1.0 - f32::EPSILON / 2.0);
        assert!(next_below(0.0f64) < 0.0);
        assert_eq!(next_below(-1.0f32), -1.0 - f32::EPSILON);
    }

    #[test]
    fn unit_extremes() {
        assert_eq!(unit::<f64>(0), 0.0);
        assert_eq!(unit::<f64>(u64::MAX), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(unit::<f32>(u64::MAX), 1.0 - f32::EPSILON / 2.0);
    }

    #[test]
    fn uniform_rounding_never_reaches_high() {
        // 1 + (1 − 2⁻²⁴) is a tie that rounds to 2 in f32 (and likewise
        // 1 + (1 − 2⁻⁵³) in f64): the result must still be below high.
        let d = Uniform::new("t", 1.0f32, 2.0).unwrap();
        let v: f32 = d.sample(&[u64::MAX], 0, [0, 0]);
        assert_eq!(v, 2.0 - f32::EPSILON);
        let d = Uniform::new("t", 1.0f64, 2.0).unwrap();
        let v: f64 = d.sample(&[u64::MAX], 0, [0, 0]);
        assert_eq!(v, 2.0 - f64::EPSILON);
    }

    #[test]
    fn unit_pair_halves() {
        let d = UnitPairF32;
        let s = |w: u64| -> [f32; 2] { d.sample(&[w], 0, [0, 0]) };
        assert_eq!(s(0), [0.0, 0.0]);
        assert_eq!(s(u64::MAX), [1.0 - f32::EPSILON / 2.0; 2]);
        // Only the top 24 bits of each half count.
        assert_eq!(s(0x0000_00FF_0000_00FF), [0.0, 0.0]);
        assert_eq!(s(0x8000_0000_0000_0000), [0.5, 0.0]);
        assert_eq!(s(0x0000_0000_8000_0000), [0.0, 0.5]);
        assert_eq!(s(0x0000_0100_0000_0100), [2f32.powi(-24); 2]);
    }

    #[test]
    fn integers_full_range() {
        let d = Integers::new("t", i64::MIN, i64::MAX).unwrap();
        // w = 1 is the smallest accepted word (w = 0 falls in the rejected zone).
        assert_eq!(d.sample(&[1], 0, [0, 0]), i64::MIN);
        let top: i64 = d.sample(&[u64::MAX], 0, [0, 0]);
        assert!(top < i64::MAX);
        let d1 = Integers::new("t", 5, 6).unwrap();
        assert_eq!(d1.sample(&[12345], 0, [0, 0]), 5);
    }
}
