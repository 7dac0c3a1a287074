//! The scalar functions behind the ufuncs, for the four element types,
//! with NumPy's conventions: NaN-propagating `maximum`/`minimum`,
//! NaN-ignoring `fmax`/`fmin`, complex numbers ordered lexicographically,
//! `sign(z) = z/|z|`, round half to even, and complex branch cuts on the
//! axes as C99 (and NumPy) place them, continuous from the side the sign
//! of a zero part names.

use num_complex::Complex;
use num_traits::Float;

use crate::scalar::{RealScalar, Scalar};

/// Elementwise math on one element type (all four).
pub(crate) trait Math: Scalar + Send + Sync + 'static {
    fn add(a: Self, b: Self) -> Self;
    fn sub(a: Self, b: Self) -> Self;
    fn mul(a: Self, b: Self) -> Self;
    fn div(a: Self, b: Self) -> Self;
    fn pow(a: Self, b: Self) -> Self;
    fn maximum(a: Self, b: Self) -> Self;
    fn minimum(a: Self, b: Self) -> Self;
    fn fmax(a: Self, b: Self) -> Self;
    fn fmin(a: Self, b: Self) -> Self;
    fn neg(a: Self) -> Self;
    fn sqrt(a: Self) -> Self;
    fn square(a: Self) -> Self;
    fn reciprocal(a: Self) -> Self;
    fn exp(a: Self) -> Self;
    fn expm1(a: Self) -> Self;
    fn ln(a: Self) -> Self;
    fn ln1p(a: Self) -> Self;
    fn log10(a: Self) -> Self;
    fn log2(a: Self) -> Self;
    fn sin(a: Self) -> Self;
    fn cos(a: Self) -> Self;
    fn tan(a: Self) -> Self;
    fn asin(a: Self) -> Self;
    fn acos(a: Self) -> Self;
    fn atan(a: Self) -> Self;
    fn sinh(a: Self) -> Self;
    fn cosh(a: Self) -> Self;
    fn tanh(a: Self) -> Self;
    fn sign(a: Self) -> Self;
    fn conj(a: Self) -> Self;
    /// |a| (real result).
    fn absval(a: Self) -> Self::Real;
    /// The argument (phase) of `a`, real result; for reals 0 or π
    /// (NumPy's `angle`).
    fn angle(a: Self) -> Self::Real;
}

/// Elementwise math that NumPy defines for real types only.
pub(crate) trait RealMath: Math + RealScalar {
    fn floor(a: Self) -> Self;
    fn ceil(a: Self) -> Self;
    fn round(a: Self) -> Self;
    fn atan2(a: Self, b: Self) -> Self;
    fn hypot(a: Self, b: Self) -> Self;
    fn copysign(a: Self, b: Self) -> Self;
}

macro_rules! real_math {
    ($t:ty) => {
        impl Math for $t {
            #[inline(always)]
            fn add(a: Self, b: Self) -> Self {
                a + b
            }
            #[inline(always)]
            fn sub(a: Self, b: Self) -> Self {
                a - b
            }
            #[inline(always)]
            fn mul(a: Self, b: Self) -> Self {
                a * b
            }
            #[inline(always)]
            fn div(a: Self, b: Self) -> Self {
                a / b
            }
            #[inline(always)]
            fn pow(a: Self, b: Self) -> Self {
                a.powf(b)
            }
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self {
                if a > b || a.is_nan() { a } else { b }
            }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self {
                if a < b || a.is_nan() { a } else { b }
            }
            #[inline(always)]
            fn fmax(a: Self, b: Self) -> Self {
                if a >= b || b.is_nan() { a } else { b }
            }
            #[inline(always)]
            fn fmin(a: Self, b: Self) -> Self {
                if a <= b || b.is_nan() { a } else { b }
            }
            #[inline(always)]
            fn neg(a: Self) -> Self {
                -a
            }
            #[inline(always)]
            fn sqrt(a: Self) -> Self {
                a.sqrt()
            }
            #[inline(always)]
            fn square(a: Self) -> Self {
                a * a
            }
            #[inline(always)]
            fn reciprocal(a: Self) -> Self {
                1.0 / a
            }
            #[inline(always)]
            fn exp(a: Self) -> Self {
                super::vexp::VExp::vexp(a)
            }
            #[inline(always)]
            fn expm1(a: Self) -> Self {
                a.exp_m1()
            }
            #[inline(always)]
            fn ln(a: Self) -> Self {
                a.ln()
            }
            #[inline(always)]
            fn ln1p(a: Self) -> Self {
                a.ln_1p()
            }
            #[inline(always)]
            fn log10(a: Self) -> Self {
                a.log10()
            }
            #[inline(always)]
            fn log2(a: Self) -> Self {
                a.log2()
            }
            #[inline(always)]
            fn sin(a: Self) -> Self {
                a.sin()
            }
            #[inline(always)]
            fn cos(a: Self) -> Self {
                a.cos()
            }
            #[inline(always)]
            fn tan(a: Self) -> Self {
                a.tan()
            }
            #[inline(always)]
            fn asin(a: Self) -> Self {
                a.asin()
            }
            #[inline(always)]
            fn acos(a: Self) -> Self {
                a.acos()
            }
            #[inline(always)]
            fn atan(a: Self) -> Self {
                a.atan()
            }
            #[inline(always)]
            fn sinh(a: Self) -> Self {
                a.sinh()
            }
            #[inline(always)]
            fn cosh(a: Self) -> Self {
                a.cosh()
            }
            #[inline(always)]
            fn tanh(a: Self) -> Self {
                a.tanh()
            }
            #[inline(always)]
            fn sign(a: Self) -> Self {
                // NumPy: ±1, 0 for either zero, NaN for NaN.
                if a > 0.0 {
                    1.0
                } else if a < 0.0 {
                    -1.0
                } else if a == 0.0 {
                    0.0
                } else {
                    a
                }
            }
            #[inline(always)]
            fn conj(a: Self) -> Self {
                a
            }
            #[inline(always)]
            fn absval(a: Self) -> Self {
                a.abs()
            }
            #[inline(always)]
            fn angle(a: Self) -> Self {
                (0.0 as $t).atan2(a)
            }
        }

        impl RealMath for $t {
            #[inline(always)]
            fn floor(a: Self) -> Self {
                a.floor()
            }
            #[inline(always)]
            fn ceil(a: Self) -> Self {
                a.ceil()
            }
            #[inline(always)]
            fn round(a: Self) -> Self {
                a.round_ties_even()
            }
            #[inline(always)]
            fn atan2(a: Self, b: Self) -> Self {
                a.atan2(b)
            }
            #[inline(always)]
            fn hypot(a: Self, b: Self) -> Self {
                a.hypot(b)
            }
            #[inline(always)]
            fn copysign(a: Self, b: Self) -> Self {
                a.copysign(b)
            }
        }
    };
}

real_math!(f32);
real_math!(f64);

/// `a ≥ b` in NumPy's lexicographic order of complex numbers, NaN parts
/// included as NumPy's `CGE` has them: a larger real part decides only when
/// neither imaginary part is NaN, so `1+nanj ≥ 0` is false, and `fmax`
/// then prefers the NaN-free operand.
#[inline(always)]
fn cge<R: Float>(a: Complex<R>, b: Complex<R>) -> bool {
    (a.re > b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im >= b.im)
}

#[inline(always)]
fn cnan<R: Float>(a: Complex<R>) -> bool {
    a.re.is_nan() || a.im.is_nan()
}

/// Smith's division: no overflow for large |b| where the naive formula
/// overflows |b|².
#[inline(always)]
fn cdiv<R: Float>(a: Complex<R>, b: Complex<R>) -> Complex<R> {
    let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
    if br.abs() >= bi.abs() {
        if br == R::zero() && bi == R::zero() {
            // Division by zero: IEEE results per part (as NumPy).
            return Complex::new(ar / br.abs(), ai / br.abs());
        }
        let rat = bi / br;
        let scl = R::one() / (br + bi * rat);
        Complex::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
    } else {
        let rat = br / bi;
        let scl = R::one() / (bi + br * rat);
        Complex::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
    }
}

/// Principal square root, accurate and overflow-free (scaled half-sum),
/// with C99's special values.
fn csqrt<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let zero = R::zero();
    if y.is_infinite() {
        return Complex::new(R::infinity(), y);
    }
    if x.is_nan() {
        return Complex::new(x, if y.is_nan() { y } else { R::nan() });
    }
    if x.is_infinite() {
        if x > zero {
            return Complex::new(x, if y.is_nan() { y } else { zero.copysign(y) });
        }
        return Complex::new(if y.is_nan() { y } else { zero }, R::infinity().copysign(y));
    }
    if y.is_nan() {
        return Complex::new(R::nan(), y);
    }
    if x == zero && y == zero {
        return Complex::new(zero, y);
    }
    let two = R::one() + R::one();
    // t = sqrt((|x| + |z|) / 2), computed as sqrt(|x|/2 + |z|/2) to avoid
    // overflow near the largest values.
    let t = (x.abs() / two + x.hypot(y) / two).sqrt();
    if x >= zero {
        Complex::new(t, y / (two * t))
    } else {
        Complex::new(y.abs() / (two * t), t.copysign(y))
    }
}

/// `a ** n` for a small integer `n` by repeated squaring (NumPy's path
/// for integral exponents, more accurate than exp(n·ln a)).
fn cpowi<R: Float>(a: Complex<R>, n: i32) -> Complex<R> {
    let mut base = a;
    let mut e = n.unsigned_abs();
    let mut acc = Complex::new(R::one(), R::zero());
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * base;
        }
        base = base * base;
        e >>= 1;
    }
    if n < 0 {
        cdiv(Complex::new(R::one(), R::zero()), acc)
    } else {
        acc
    }
}

fn cpow<R: Float>(a: Complex<R>, b: Complex<R>) -> Complex<R> {
    let zero = R::zero();
    if b.re == zero && b.im == zero {
        return Complex::new(R::one(), zero);
    }
    if a.re == zero && a.im == zero {
        return if b.re > zero {
            Complex::new(zero, zero)
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    if b.im == zero && b.re == R::one() {
        return a;
    }
    if b.im == zero
        && b.re.abs() <= R::from(100).unwrap_or(zero)
        && b.re == b.re.trunc()
        && let Some(n) = b.re.to_i32()
    {
        return cpowi(a, n);
    }
    (b * a.ln()).exp()
}

macro_rules! complex_math {
    ($r:ty) => {
        impl Math for Complex<$r> {
            #[inline(always)]
            fn add(a: Self, b: Self) -> Self {
                a + b
            }
            #[inline(always)]
            fn sub(a: Self, b: Self) -> Self {
                a - b
            }
            #[inline(always)]
            fn mul(a: Self, b: Self) -> Self {
                a * b
            }
            #[inline(always)]
            fn div(a: Self, b: Self) -> Self {
                cdiv(a, b)
            }
            fn pow(a: Self, b: Self) -> Self {
                cpow(a, b)
            }
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self {
                if cge(a, b) || cnan(a) { a } else { b }
            }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self {
                if cge(b, a) || cnan(a) { a } else { b }
            }
            #[inline(always)]
            fn fmax(a: Self, b: Self) -> Self {
                if cge(a, b) || cnan(b) { a } else { b }
            }
            #[inline(always)]
            fn fmin(a: Self, b: Self) -> Self {
                if cge(b, a) || cnan(b) { a } else { b }
            }
            #[inline(always)]
            fn neg(a: Self) -> Self {
                -a
            }
            fn sqrt(a: Self) -> Self {
                csqrt(a)
            }
            #[inline(always)]
            fn square(a: Self) -> Self {
                a * a
            }
            #[inline(always)]
            fn reciprocal(a: Self) -> Self {
                crecip(a)
            }
            fn exp(a: Self) -> Self {
                cexp(a)
            }
            fn expm1(a: Self) -> Self {
                // expm1(x)·cos y − 2 sin²(y/2) keeps accuracy near 0.
                let s = (a.im / 2.0).sin();
                Complex::new(
                    a.re.exp_m1() * a.im.cos() - 2.0 * s * s,
                    a.re.exp() * a.im.sin(),
                )
            }
            fn ln(a: Self) -> Self {
                clog(a)
            }
            fn ln1p(a: Self) -> Self {
                // log|1+z| = ½·log1p(x(2+x) + y²), accurate for small z.
                let (x, y) = (a.re, a.im);
                let big = x.abs() > 0.5 || y.abs() > 0.5;
                let re = if big || !(x.is_finite() && y.is_finite()) {
                    (x + 1.0).hypot(y).ln()
                } else {
                    0.5 * (x * (2.0 + x) + y * y).ln_1p()
                };
                Complex::new(re, y.atan2(x + 1.0))
            }
            fn log10(a: Self) -> Self {
                let l = <Self as Math>::ln(a);
                Complex::new(
                    l.re * std::f64::consts::LOG10_E as $r,
                    l.im * std::f64::consts::LOG10_E as $r,
                )
            }
            fn log2(a: Self) -> Self {
                let l = <Self as Math>::ln(a);
                Complex::new(
                    l.re * std::f64::consts::LOG2_E as $r,
                    l.im * std::f64::consts::LOG2_E as $r,
                )
            }
            fn sin(a: Self) -> Self {
                // sin z = −i·sinh(i z)
                let w = csinh(Complex::new(-a.im, a.re));
                Complex::new(w.im, -w.re)
            }
            fn cos(a: Self) -> Self {
                // cos z = cosh(i z)
                ccosh(Complex::new(-a.im, a.re))
            }
            fn tan(a: Self) -> Self {
                // tan z = −i·tanh(i z)
                let w = ctanh(Complex::new(-a.im, a.re));
                Complex::new(w.im, -w.re)
            }
            fn asin(a: Self) -> Self {
                casin(a)
            }
            fn acos(a: Self) -> Self {
                cacos(a)
            }
            fn atan(a: Self) -> Self {
                // atan z = −i·atanh(i z)
                let w = catanh(Complex::new(-a.im, a.re));
                Complex::new(w.im, -w.re)
            }
            fn sinh(a: Self) -> Self {
                csinh(a)
            }
            fn cosh(a: Self) -> Self {
                ccosh(a)
            }
            fn tanh(a: Self) -> Self {
                ctanh(a)
            }
            fn sign(a: Self) -> Self {
                let r = a.re.hypot(a.im);
                if r == 0.0 {
                    Complex::new(0.0, 0.0)
                } else if r.is_infinite() {
                    // NumPy: the axis of the one infinite part; NaN when
                    // both are infinite (no direction).
                    match (a.re.is_infinite(), a.im.is_infinite()) {
                        (true, true) => Complex::new(<$r>::NAN, <$r>::NAN),
                        (true, false) => Complex::new((1.0 as $r).copysign(a.re), 0.0),
                        _ => Complex::new(0.0, (1.0 as $r).copysign(a.im)),
                    }
                } else if r.is_nan() {
                    Complex::new(<$r>::NAN, <$r>::NAN)
                } else {
                    Complex::new(a.re / r, a.im / r)
                }
            }
            #[inline(always)]
            fn conj(a: Self) -> Self {
                a.conj()
            }
            #[inline(always)]
            fn absval(a: Self) -> $r {
                a.re.hypot(a.im)
            }
            #[inline(always)]
            fn angle(a: Self) -> $r {
                a.im.atan2(a.re)
            }
        }
    };
}

/// asinh z = log(z + sqrt(z² + 1)), evaluated on the right half-plane and
/// reflected (odd function), so signed zeros pick the side of the cut.
fn casinh<R: Float>(z: Complex<R>) -> Complex<R> {
    let neg = z.re.is_sign_negative();
    let w = if neg { -z } else { z };
    if !(w.re.is_finite() && w.im.is_finite()) {
        let r = w.ln_nonfinite_asinh();
        return if neg { -r } else { r };
    }
    let one = R::one();
    let two = one + one;
    let r = if w.re.max(w.im.abs()) > R::max_value().sqrt() / (two * two) {
        // z² would overflow: asinh z ≈ log(2z).
        Complex::new(w.re.hypot(w.im).ln() + two.ln(), w.im.atan2(w.re))
    } else {
        let q = w * w;
        let s = csqrt(q + Complex::new(one, R::zero()));
        let v = w + s;
        // log|v| = ½·log1p(|v|² − 1), with |v|² − 1 expanded so nothing
        // cancels for small z: |w|² + (|q + 1| − 1) + 2·Re(w·conj(s)).
        let q1 = (q.re + one).hypot(q.im);
        let t = (q.re * q.re + q.im * q.im + two * q.re) / (q1 + one);
        let m = w.re * w.re + w.im * w.im + t + two * (w.re * s.re + w.im * s.im);
        let re = if m.abs() < one {
            m.ln_1p() / two
        } else {
            v.re.hypot(v.im).ln()
        };
        Complex::new(re, v.im.atan2(v.re).copysign(w.im))
    };
    if neg { -r } else { r }
}

/// atanh z = ½·log((1 + z)/(1 − z)), on the right half-plane and reflected.
fn catanh<R: Float>(z: Complex<R>) -> Complex<R> {
    let neg = z.re.is_sign_negative();
    let w = if neg { -z } else { z };
    let one = R::one();
    let two = one + one;
    let (x, y) = (w.re, w.im);
    let r = if x.is_nan() || y.is_nan() {
        if x == R::zero() {
            Complex::new(x, y)
        } else if y.is_infinite() {
            Complex::new(
                R::zero(),
                (R::from(std::f64::consts::FRAC_PI_2).unwrap_or(one)).copysign(y),
            )
        } else if x.is_infinite() {
            Complex::new(R::zero(), R::nan())
        } else {
            Complex::new(R::nan(), R::nan())
        }
    } else if x.is_infinite()
        || y.is_infinite()
        || x.abs().max(y.abs()) > R::from(1e150).unwrap_or(R::max_value())
    {
        let half_pi = R::from(std::f64::consts::FRAC_PI_2).unwrap_or(one);
        let re = if x.is_infinite() || y.is_infinite() {
            R::zero()
        } else {
            x / (x * x + y * y)
        };
        Complex::new(re, half_pi.copysign(y))
    } else {
        // re = ¼·log1p(4x / ((1−x)² + y²)), im = ½·atan2(2y, (1−x)(1+x) − y²)
        let d = (one - x) * (one - x) + y * y;
        let re = (two * two * x / d).ln_1p() / (two * two);
        let im = (two * y).atan2((one - x) * (one + x) - y * y) / two;
        Complex::new(re, im)
    };
    if neg { -r } else { r }
}

/// Non-finite inputs of asinh (right half-plane).
trait AsinhNonFinite {
    fn ln_nonfinite_asinh(self) -> Self;
}

impl<R: Float> AsinhNonFinite for Complex<R> {
    fn ln_nonfinite_asinh(self) -> Self {
        let (x, y) = (self.re, self.im);
        let inf = R::infinity();
        if x.is_nan() {
            return if y.is_infinite() {
                Complex::new(inf, x)
            } else if y == R::zero() {
                Complex::new(x, y)
            } else {
                Complex::new(x, x)
            };
        }
        if y.is_nan() {
            return if x.is_infinite() {
                Complex::new(x, y)
            } else {
                Complex::new(y, y)
            };
        }
        let quarter_pi = R::from(std::f64::consts::FRAC_PI_4).unwrap_or(R::one());
        let half_pi = quarter_pi + quarter_pi;
        match (x.is_infinite(), y.is_infinite()) {
            (true, true) => Complex::new(inf, quarter_pi.copysign(y)),
            (true, false) => Complex::new(inf, R::zero().copysign(y)),
            _ => Complex::new(inf, half_pi.copysign(y)),
        }
    }
}

complex_math!(f32);
complex_math!(f64);

/// NumPy's complex reciprocal (Smith's scaling; 1/0 is NaN + NaN·i).
fn crecip<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    if x.abs() >= y.abs() {
        let r = y / x;
        let d = x + y * r;
        Complex::new(R::one() / d, -r / d)
    } else {
        let r = x / y;
        let d = x * r + y;
        Complex::new(r / d, -R::one() / d)
    }
}

/// log z with an accurate real part near |z| = 1.
fn clog<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let h = x.hypot(y);
    let half = R::from(0.5).unwrap_or(R::one());
    let re = if h > R::from(0.7).unwrap_or(half) && h < R::from(1.4).unwrap_or(R::one()) {
        // log|z| = ½·log1p((x−1)(x+1) + y²)
        half * ((x - R::one()) * (x + R::one()) + y * y).ln_1p()
    } else {
        h.ln()
    };
    Complex::new(re, y.atan2(x))
}

/// exp z with C99's special values.
fn cexp<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let zero = R::zero();
    if y == zero {
        return Complex::new(x.exp(), y);
    }
    if !y.is_finite() {
        return if x == R::neg_infinity() {
            Complex::new(zero, zero.copysign(y))
        } else if x == R::infinity() {
            Complex::new(x, R::nan())
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    let e = x.exp();
    Complex::new(e * y.cos(), e * y.sin())
}

/// cosh z with C99's special values (even, conjugate-symmetric).
fn ccosh<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let zero = R::zero();
    if x.is_finite() && y.is_finite() {
        if y == zero {
            return Complex::new(x.cosh(), x.signum() * y);
        }
        if x == zero {
            return Complex::new(y.cos(), x * y.sin());
        }
        return Complex::new(x.cosh() * y.cos(), x.sinh() * y.sin());
    }
    if x.is_nan() {
        return if y == zero {
            Complex::new(x, y)
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    if x.is_infinite() {
        return if y == zero {
            Complex::new(R::infinity(), y * x.signum())
        } else if y.is_finite() {
            Complex::new(R::infinity() * y.cos(), x * y.sin())
        } else {
            Complex::new(R::infinity(), R::nan())
        };
    }
    // finite x, y ∞ or NaN
    if x == zero {
        Complex::new(R::nan(), zero)
    } else {
        Complex::new(R::nan(), R::nan())
    }
}

/// sinh z with C99's special values (odd, conjugate-symmetric).
fn csinh<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let zero = R::zero();
    if x.is_finite() && y.is_finite() {
        if y == zero {
            return Complex::new(x.sinh(), y);
        }
        if x == zero {
            return Complex::new(x * y.cos(), y.sin());
        }
        return Complex::new(x.sinh() * y.cos(), x.cosh() * y.sin());
    }
    if x.is_nan() {
        return if y == zero {
            Complex::new(x, y)
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    if x.is_infinite() {
        return if y == zero {
            Complex::new(x, y)
        } else if y.is_finite() {
            Complex::new(x * y.cos(), R::infinity() * y.sin())
        } else {
            Complex::new(R::infinity(), R::nan())
        };
    }
    if x == zero {
        Complex::new(x, R::nan())
    } else {
        Complex::new(R::nan(), R::nan())
    }
}

/// tanh z with C99's special values, overflow-free for large |Re z|
/// (Kahan's formula).
fn ctanh<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let zero = R::zero();
    let one = R::one();
    if x.is_nan() {
        return if y == zero {
            Complex::new(x, y)
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    if x.is_infinite() {
        let im = if y.is_finite() {
            zero.copysign((y + y).sin())
        } else {
            zero.copysign(y)
        };
        return Complex::new(one.copysign(x), im);
    }
    if !y.is_finite() {
        return if x == zero {
            Complex::new(x, R::nan())
        } else {
            Complex::new(R::nan(), R::nan())
        };
    }
    // Past this |x|, tanh x rounds to ±1 in both precisions' terms.
    let big = if R::epsilon() < R::from(1e-10).unwrap_or(zero) {
        22.0
    } else {
        9.0
    };
    if x.abs() > R::from(big).unwrap_or(one) {
        let four = R::from(4.0).unwrap_or(one);
        let e = (-(x.abs() + x.abs())).exp();
        return Complex::new(one.copysign(x), four * y.sin() * y.cos() * e);
    }
    let t = y.tan();
    let beta = one + t * t;
    let s = x.sinh();
    let rho = (one + s * s).sqrt();
    let d = one + beta * s * s;
    Complex::new(beta * rho * s / d, t / d)
}

/// asin z by Kahan's formulas (accurate, branch cuts from signed zeros);
/// non-finite input through −i·asinh(i z).
fn casin<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    if !(x.is_finite() && y.is_finite()) || x.abs().max(y.abs()) > R::max_value().sqrt() {
        let w = casinh(Complex::new(-y, x));
        return Complex::new(w.im, -w.re);
    }
    let one = R::one();
    let s1m = csqrt(Complex::new(one - x, -y));
    let s1p = csqrt(Complex::new(one + x, y));
    let re = x.atan2(s1m.re * s1p.re - s1m.im * s1p.im);
    let im = (s1m.re * s1p.im - s1m.im * s1p.re).asinh();
    Complex::new(re, im)
}

/// acos z by Kahan's formulas; non-finite input through π/2 − asin z.
fn cacos<R: Float>(z: Complex<R>) -> Complex<R> {
    let (x, y) = (z.re, z.im);
    let one = R::one();
    if !(x.is_finite() && y.is_finite()) || x.abs().max(y.abs()) > R::max_value().sqrt() {
        let w = casin(z);
        let half_pi = R::from(std::f64::consts::FRAC_PI_2).unwrap_or(one);
        return Complex::new(half_pi - w.re, -w.im);
    }
    let s1m = csqrt(Complex::new(one - x, -y));
    let s1p = csqrt(Complex::new(one + x, y));
    let re = (one + one) * s1m.re.atan2(s1p.re);
    let im = (s1p.re * s1m.im - s1p.im * s1m.re).asinh();
    Complex::new(re, im)
}
