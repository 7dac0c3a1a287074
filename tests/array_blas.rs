//! The NdArray-level BLAS (`lapis::array::blas`): every routine on all four
//! dtypes and on C-order, F-order, transposed, strided and negative-stride
//! operands, against naive references computed here in complex128; the
//! scalar rules (complex alpha on real arrays); dtype, ndim, read-only and
//! borrow errors that leave the output untouched; inputs that view the
//! output's buffer.

use lapis::array::{self, Idx, blas};
use lapis::blas::{Diag, Side, Transpose, Uplo};
use lapis::{Casting, Complex64, DType, Error, MemOrder, NdArray};
use ndarray::{Array1, Array2};

const DTYPES: [DType; 4] = [DType::F32, DType::F64, DType::C64, DType::C128];
const GARBAGE: f64 = 99.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum L {
    C,
    F,
    T,
    Strided,
    Neg,
}
const LAYS: [L; 5] = [L::C, L::F, L::T, L::Strided, L::Neg];
const VLAYS: [L; 3] = [L::C, L::Strided, L::Neg];

fn cz(re: f64, im: f64) -> Complex64 {
    Complex64::new(re, im)
}

struct Rng(u64);
impl Rng {
    fn u(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn z(&mut self, dt: DType) -> Complex64 {
        let re = self.u();
        let im = if dt.is_complex() { self.u() } else { 0.0 };
        cz(re, im)
    }
    fn mat(&mut self, m: usize, n: usize, dt: DType) -> Array2<Complex64> {
        Array2::from_shape_simple_fn((m, n), || self.z(dt))
    }
    fn vec(&mut self, n: usize, dt: DType) -> Array1<Complex64> {
        Array1::from_shape_simple_fn(n, || self.z(dt))
    }
}

fn tol(dt: DType) -> f64 {
    if matches!(dt, DType::F32 | DType::C64) {
        2e-4
    } else {
        1e-11
    }
}

fn nd(v: Vec<Complex64>, shape: &[usize], dt: DType) -> NdArray {
    array::from_vec(v, shape)
        .unwrap()
        .astype_with(dt, Casting::Unsafe)
        .unwrap()
}

/// A 2-d array of `dt` holding `vals`, in layout `lay`, and the base array
/// it views (to check that padding is never written).
fn mat(vals: &Array2<Complex64>, dt: DType, lay: L) -> (NdArray, NdArray) {
    let (m, n) = vals.dim();
    match lay {
        L::C => {
            let a = nd(vals.iter().copied().collect(), &[m, n], dt);
            (a.new_view(), a)
        }
        L::F => {
            let a = nd(vals.iter().copied().collect(), &[m, n], dt)
                .copy(MemOrder::F)
                .unwrap();
            (a.new_view(), a)
        }
        L::T => {
            let a = nd(vals.t().iter().copied().collect(), &[n, m], dt);
            (a.t(), a)
        }
        L::Strided => {
            let mut big = Array2::from_elem((2 * m + 1, 3 * n), cz(GARBAGE, 0.0));
            for ((i, j), v) in vals.indexed_iter() {
                big[[2 * i + 1, 3 * j]] = *v;
            }
            let base = nd(big.iter().copied().collect(), &[2 * m + 1, 3 * n], dt);
            let v = base
                .slice(&[Idx::slice(Some(1), None, 2), Idx::step(3)])
                .unwrap();
            (v, base)
        }
        L::Neg => {
            let mut rev = Array2::from_elem((m, n + 1), cz(GARBAGE, 0.0));
            for ((i, j), v) in vals.indexed_iter() {
                rev[[m - 1 - i, n - j]] = *v;
            }
            let base = nd(rev.iter().copied().collect(), &[m, n + 1], dt);
            let v = base
                .slice(&[Idx::step(-1), Idx::slice(None, Some(0), -1)])
                .unwrap();
            (v, base)
        }
    }
}

/// A 1-d array in layout `lay` (C, Strided or Neg), and its base.
fn vector(vals: &Array1<Complex64>, dt: DType, lay: L) -> (NdArray, NdArray) {
    let n = vals.len();
    match lay {
        L::Strided => {
            let mut big = vec![cz(GARBAGE, 0.0); 2 * n + 1];
            for (i, v) in vals.iter().enumerate() {
                big[2 * i + 1] = *v;
            }
            let base = nd(big, &[2 * n + 1], dt);
            let v = base.slice(&[Idx::slice(Some(1), None, 2)]).unwrap();
            (v, base)
        }
        L::Neg => {
            let rev: Vec<_> = vals.iter().rev().copied().collect();
            let base = nd(rev, &[n], dt);
            (base.slice(&[Idx::step(-1)]).unwrap(), base)
        }
        _ => {
            let a = nd(vals.to_vec(), &[n], dt);
            (a.new_view(), a)
        }
    }
}

fn vals2(a: &NdArray) -> Array2<Complex64> {
    a.astype(DType::C128)
        .unwrap()
        .to_ndarray::<Complex64>()
        .unwrap()
        .into_dimensionality()
        .unwrap()
}

fn vals1(a: &NdArray) -> Array1<Complex64> {
    a.astype(DType::C128)
        .unwrap()
        .to_ndarray::<Complex64>()
        .unwrap()
        .into_dimensionality()
        .unwrap()
}

fn close2(got: &Array2<Complex64>, want: &Array2<Complex64>, t: f64, what: &str) {
    assert_eq!(got.dim(), want.dim(), "{what}");
    let scale = want.iter().map(|v| v.norm()).fold(1.0, f64::max);
    for ((i, j), w) in want.indexed_iter() {
        let g = got[[i, j]];
        assert!(
            (g - w).norm() <= t * scale,
            "{what}: [{i},{j}] got {g}, want {w}"
        );
    }
}

fn close1(got: &Array1<Complex64>, want: &Array1<Complex64>, t: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    let scale = want.iter().map(|v| v.norm()).fold(1.0, f64::max);
    for (i, w) in want.iter().enumerate() {
        assert!(
            (got[i] - w).norm() <= t * scale,
            "{what}: [{i}] got {}, want {w}",
            got[i]
        );
    }
}

/// The base's elements equal to GARBAGE before must still be (padding).
fn padding_intact(base: &NdArray, before: usize) {
    let n = base
        .astype(DType::C128)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap()
        .iter()
        .filter(|v| **v == cz(GARBAGE, 0.0))
        .count();
    assert_eq!(n, before, "padding of a strided output was written");
}

fn garbage_count(base: &NdArray) -> usize {
    base.astype(DType::C128)
        .unwrap()
        .to_vec::<Complex64>()
        .unwrap()
        .iter()
        .filter(|v| **v == cz(GARBAGE, 0.0))
        .count()
}

fn op(t: Transpose, a: &Array2<Complex64>) -> Array2<Complex64> {
    match t {
        Transpose::NoTrans => a.clone(),
        Transpose::Trans => a.t().to_owned(),
        Transpose::ConjTrans => a.t().mapv(|v| v.conj()),
    }
}

/// A scalar for dtype `dt` (complex only for complex dtypes).
fn coef(dt: DType, re: f64, im: f64) -> Complex64 {
    if dt.is_complex() {
        cz(re, im)
    } else {
        cz(re, 0.0)
    }
}

// ---------------------------------------------------------------------------
// Level 1
// ---------------------------------------------------------------------------

#[test]
fn level1_all_dtypes_and_layouts() {
    let mut rng = Rng(1);
    for dt in DTYPES {
        let t = tol(dt);
        for lx in VLAYS {
            for ly in VLAYS {
                let n = 7;
                let xv = rng.vec(n, dt);
                let yv = rng.vec(n, dt);
                let what = format!("{dt} x {lx:?} y {ly:?}");
                let alpha = coef(dt, 0.7, -0.3);

                // scal
                let (mut x, xb) = vector(&xv, dt, lx);
                let g = garbage_count(&xb);
                blas::scal(alpha, &mut x).unwrap();
                close1(
                    &vals1(&x),
                    &xv.mapv(|v| alpha * v),
                    t,
                    &format!("scal {what}"),
                );
                padding_intact(&xb, g);
                // rscal
                let (mut x, _) = vector(&xv, dt, lx);
                blas::rscal(-1.5, &mut x).unwrap();
                close1(
                    &vals1(&x),
                    &xv.mapv(|v| v * -1.5),
                    t,
                    &format!("rscal {what}"),
                );
                // axpy
                let (x, _) = vector(&xv, dt, lx);
                let (mut y, yb) = vector(&yv, dt, ly);
                let g = garbage_count(&yb);
                blas::axpy(alpha, &x, &mut y).unwrap();
                let want: Array1<_> = xv.iter().zip(&yv).map(|(a, b)| alpha * a + b).collect();
                close1(&vals1(&y), &want, t, &format!("axpy {what}"));
                padding_intact(&yb, g);
                // dot, dotc
                let (y, _) = vector(&yv, dt, ly);
                let d = blas::dot(&x, &y).unwrap();
                let dc = blas::dotc(&x, &y).unwrap();
                let wd: Complex64 = xv.iter().zip(&yv).map(|(a, b)| a * b).sum();
                let wdc: Complex64 = xv.iter().zip(&yv).map(|(a, b)| a.conj() * b).sum();
                assert!((d - wd).norm() <= t * 10.0, "dot {what}: {d} vs {wd}");
                assert!((dc - wdc).norm() <= t * 10.0, "dotc {what}: {dc} vs {wdc}");
                if !dt.is_complex() {
                    assert_eq!(d.im, 0.0);
                }
                // nrm2, asum, iamax
                let nrm = blas::nrm2(&x).unwrap();
                let wn = xv.iter().map(|v| v.norm_sqr()).sum::<f64>().sqrt();
                assert!((nrm - wn).abs() <= t * 10.0, "nrm2 {what}");
                let s = blas::asum(&x).unwrap();
                let ws: f64 = xv.iter().map(|v| v.re.abs() + v.im.abs()).sum();
                assert!((s - ws).abs() <= t * 10.0, "asum {what}");
                let i = blas::iamax(&x).unwrap();
                let best = xv
                    .iter()
                    .map(|v| v.re.abs() + v.im.abs())
                    .fold(0.0, f64::max);
                let wi = xv
                    .iter()
                    .position(|v| v.re.abs() + v.im.abs() == best)
                    .unwrap();
                assert_eq!(i, wi, "iamax {what}");
                // copy, swap
                let (mut y, _) = vector(&yv, dt, ly);
                blas::copy(&x, &mut y).unwrap();
                close1(&vals1(&y), &xv, t, &format!("copy {what}"));
                let (mut x2, _) = vector(&xv, dt, lx);
                let (mut y2, _) = vector(&yv, dt, ly);
                blas::swap(&mut x2, &mut y2).unwrap();
                close1(&vals1(&x2), &yv, t, &format!("swap x {what}"));
                close1(&vals1(&y2), &xv, t, &format!("swap y {what}"));
            }
        }
    }
}

#[test]
fn scalar_rules() {
    for dt in [DType::F32, DType::F64] {
        let xv = Array1::from(vec![cz(1.0, 0.0), cz(-2.0, 0.0)]);
        let (mut x, _) = vector(&xv, dt, L::C);
        let e = blas::scal(cz(2.0, 0.5), &mut x).unwrap_err();
        assert!(
            matches!(e, Error::InvalidArgument { what: "alpha", .. }),
            "{e}"
        );
        assert!(e.to_string().contains("alpha"), "{e}");
        close1(&vals1(&x), &xv, 0.0, "untouched after scalar error");
        // im == 0 is fine and takes re.
        blas::scal(cz(2.0, 0.0), &mut x).unwrap();
        close1(&vals1(&x), &xv.mapv(|v| v * 2.0), 0.0, "real alpha");
        // beta too.
        let a = nd(vec![cz(1.0, 0.0); 4], &[2, 2], dt);
        let mut c = nd(vec![cz(5.0, 0.0); 4], &[2, 2], dt);
        let e = blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            cz(1.0, 0.0),
            &a,
            &a,
            cz(0.0, 1.0),
            &mut c,
        )
        .unwrap_err();
        assert!(
            matches!(e, Error::InvalidArgument { what: "beta", .. }),
            "{e}"
        );
        assert_eq!(c.to_vec::<Complex64>().ok(), None); // real dtype
        close2(
            &vals2(&c),
            &Array2::from_elem((2, 2), cz(5.0, 0.0)),
            0.0,
            "c untouched",
        );
    }
    // Complex arrays take the complex value.
    let xv = Array1::from(vec![cz(1.0, 1.0)]);
    let (mut x, _) = vector(&xv, DType::C64, L::C);
    blas::scal(cz(0.0, 1.0), &mut x).unwrap();
    close1(
        &vals1(&x),
        &Array1::from(vec![cz(-1.0, 1.0)]),
        1e-6,
        "complex alpha",
    );
}

// ---------------------------------------------------------------------------
// Level 2
// ---------------------------------------------------------------------------

#[test]
fn gemv_layouts() {
    let mut rng = Rng(2);
    for dt in DTYPES {
        for la in LAYS {
            for ly in VLAYS {
                for tr in [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans] {
                    let (m, n) = (5, 3);
                    let av = rng.mat(m, n, dt);
                    let opa = op(tr, &av);
                    let xv = rng.vec(opa.ncols(), dt);
                    let yv = rng.vec(opa.nrows(), dt);
                    let (alpha, beta) = (coef(dt, 1.2, 0.4), coef(dt, -0.5, 0.25));
                    let (a, _) = mat(&av, dt, la);
                    let (x, _) = vector(&xv, dt, ly);
                    let (mut y, yb) = vector(&yv, dt, ly);
                    let g = garbage_count(&yb);
                    blas::gemv(tr, alpha, &a, &x, beta, &mut y).unwrap();
                    let want = opa.dot(&xv).mapv(|v| v * alpha) + yv.mapv(|v| v * beta);
                    close1(
                        &vals1(&y),
                        &want,
                        tol(dt),
                        &format!("gemv {dt} {la:?} {ly:?} {tr:?}"),
                    );
                    padding_intact(&yb, g);
                }
            }
        }
    }
}

#[test]
fn ger_symv_hemv_trmv_trsv() {
    let mut rng = Rng(3);
    for dt in DTYPES {
        let t = tol(dt);
        for la in LAYS {
            let what = format!("{dt} {la:?}");
            let n = 4;
            let xv = rng.vec(n, dt);
            let yv = rng.vec(3, dt);
            let alpha = coef(dt, 0.8, 0.6);
            // ger / gerc on an output of layout la.
            let a0 = rng.mat(n, 3, dt);
            for conj in [false, true] {
                let (mut a, ab) = mat(&a0, dt, la);
                let g = garbage_count(&ab);
                let (x, _) = vector(&xv, dt, L::Neg);
                let (y, _) = vector(&yv, dt, L::Strided);
                if conj {
                    blas::gerc(alpha, &x, &y, &mut a).unwrap();
                } else {
                    blas::ger(alpha, &x, &y, &mut a).unwrap();
                }
                let want = Array2::from_shape_fn((n, 3), |(i, j)| {
                    let yj = if conj { yv[j].conj() } else { yv[j] };
                    a0[[i, j]] + alpha * xv[i] * yj
                });
                close2(&vals2(&a), &want, t, &format!("ger conj={conj} {what}"));
                padding_intact(&ab, g);
            }
            // symv / hemv: only the uplo triangle is read (the other is garbage).
            let full = rng.mat(n, n, dt);
            for herm in [false, true] {
                for uplo in [Uplo::Upper, Uplo::Lower] {
                    let sym = Array2::from_shape_fn((n, n), |(i, j)| {
                        let (p, q) = if (uplo == Uplo::Upper) == (i <= j) {
                            (i, j)
                        } else {
                            (j, i)
                        };
                        let v = full[[p, q]];
                        let v = if herm && (p, q) != (i, j) {
                            v.conj()
                        } else {
                            v
                        };
                        if herm && i == j { cz(v.re, 0.0) } else { v }
                    });
                    let stored = Array2::from_shape_fn((n, n), |(i, j)| {
                        let inside = if uplo == Uplo::Upper { j >= i } else { j <= i };
                        if inside { full[[i, j]] } else { cz(1e30, 0.0) }
                    });
                    let (a, _) = mat(&stored, dt, la);
                    let (x, _) = vector(&xv, dt, L::C);
                    let yv4 = rng.vec(n, dt);
                    let (mut y, _) = vector(&yv4, dt, L::Neg);
                    let beta = coef(dt, 0.5, -1.0);
                    if herm {
                        blas::hemv(uplo, alpha, &a, &x, beta, &mut y).unwrap();
                    } else {
                        blas::symv(uplo, alpha, &a, &x, beta, &mut y).unwrap();
                    }
                    let want = sym.dot(&xv).mapv(|v| v * alpha) + yv4.mapv(|v| v * beta);
                    close1(
                        &vals1(&y),
                        &want,
                        t,
                        &format!("symv herm={herm} {uplo:?} {what}"),
                    );
                }
            }
            // trmv / trsv: trsv undoes trmv.
            for uplo in [Uplo::Upper, Uplo::Lower] {
                for tr in [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans] {
                    for diag in [Diag::NonUnit, Diag::Unit] {
                        let tri = Array2::from_shape_fn((n, n), |(i, j)| {
                            let inside = if uplo == Uplo::Upper { j >= i } else { j <= i };
                            if i == j {
                                if diag == Diag::Unit {
                                    cz(1.0, 0.0)
                                } else {
                                    cz(2.0, 0.5 * f64::from(dt.is_complex() as u8))
                                        + full[[i, i]] * 0.1
                                }
                            } else if inside {
                                full[[i, j]]
                            } else {
                                cz(0.0, 0.0)
                            }
                        });
                        let stored = Array2::from_shape_fn((n, n), |(i, j)| {
                            let inside = if uplo == Uplo::Upper { j >= i } else { j <= i };
                            if i == j && diag == Diag::Unit {
                                cz(1e30, 0.0)
                            } else if inside {
                                tri[[i, j]]
                            } else {
                                cz(-1e30, 0.0)
                            }
                        });
                        let (a, _) = mat(&stored, dt, la);
                        let (mut x, _) = vector(&xv, dt, L::Strided);
                        blas::trmv(uplo, tr, diag, &a, &mut x).unwrap();
                        let want = op(tr, &tri).dot(&xv);
                        let w = format!("trmv {uplo:?} {tr:?} {diag:?} {what}");
                        close1(&vals1(&x), &want, t, &w);
                        blas::trsv(uplo, tr, diag, &a, &mut x).unwrap();
                        close1(&vals1(&x), &xv, t * 10.0, &format!("trsv {w}"));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Level 3
// ---------------------------------------------------------------------------

#[test]
fn gemm_layouts_and_trans() {
    let mut rng = Rng(4);
    let trans = [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans];
    for dt in DTYPES {
        for la in LAYS {
            for lb in LAYS {
                for lc in LAYS {
                    let ta = trans[(la as usize + lc as usize) % 3];
                    let tb = trans[(lb as usize + 2 * lc as usize) % 3];
                    let (m, n, k) = (4, 3, 5);
                    let av = rng.mat(
                        if ta == Transpose::NoTrans { m } else { k },
                        if ta == Transpose::NoTrans { k } else { m },
                        dt,
                    );
                    let bv = rng.mat(
                        if tb == Transpose::NoTrans { k } else { n },
                        if tb == Transpose::NoTrans { n } else { k },
                        dt,
                    );
                    let cv = rng.mat(m, n, dt);
                    let (alpha, beta) = (coef(dt, 0.9, -0.2), coef(dt, 0.3, 0.7));
                    let (a, _) = mat(&av, dt, la);
                    let (b, _) = mat(&bv, dt, lb);
                    let (mut c, cb) = mat(&cv, dt, lc);
                    let g = garbage_count(&cb);
                    blas::gemm(ta, tb, alpha, &a, &b, beta, &mut c).unwrap();
                    let want =
                        op(ta, &av).dot(&op(tb, &bv)).mapv(|v| v * alpha) + cv.mapv(|v| v * beta);
                    let what = format!("gemm {dt} a {la:?} {ta:?} b {lb:?} {tb:?} c {lc:?}");
                    close2(&vals2(&c), &want, tol(dt), &what);
                    padding_intact(&cb, g);
                }
            }
        }
    }
}

fn triangle(uplo: Uplo, i: usize, j: usize) -> bool {
    if uplo == Uplo::Upper { j >= i } else { j <= i }
}

#[test]
fn symm_trmm_trsm() {
    let mut rng = Rng(5);
    for dt in DTYPES {
        let t = tol(dt);
        for la in LAYS {
            for lb in [L::C, L::F, L::Neg] {
                for side in [Side::Left, Side::Right] {
                    for uplo in [Uplo::Upper, Uplo::Lower] {
                        let (m, n) = (4, 3);
                        let ka = if side == Side::Left { m } else { n };
                        let full = rng.mat(ka, ka, dt);
                        let bv = rng.mat(m, n, dt);
                        let cv = rng.mat(m, n, dt);
                        let (alpha, beta) = (coef(dt, 1.1, 0.3), coef(dt, -0.4, 0.2));
                        let what = format!("{dt} a {la:?} b {lb:?} {side:?} {uplo:?}");
                        for herm in [false, true] {
                            let sym = Array2::from_shape_fn((ka, ka), |(i, j)| {
                                let (p, q) = if triangle(uplo, i, j) { (i, j) } else { (j, i) };
                                let v = full[[p, q]];
                                let v = if herm && (p, q) != (i, j) {
                                    v.conj()
                                } else {
                                    v
                                };
                                if herm && i == j { cz(v.re, 0.0) } else { v }
                            });
                            let stored = Array2::from_shape_fn((ka, ka), |(i, j)| {
                                if triangle(uplo, i, j) {
                                    full[[i, j]]
                                } else {
                                    cz(1e30, 0.0)
                                }
                            });
                            let (a, _) = mat(&stored, dt, la);
                            let (b, _) = mat(&bv, dt, lb);
                            let (mut c, _) = mat(&cv, dt, L::F);
                            if herm {
                                blas::hemm(side, uplo, alpha, &a, &b, beta, &mut c).unwrap();
                            } else {
                                blas::symm(side, uplo, alpha, &a, &b, beta, &mut c).unwrap();
                            }
                            let prod = if side == Side::Left {
                                sym.dot(&bv)
                            } else {
                                bv.dot(&sym)
                            };
                            let want = prod.mapv(|v| v * alpha) + cv.mapv(|v| v * beta);
                            close2(&vals2(&c), &want, t, &format!("symm herm={herm} {what}"));
                        }
                        // trmm then trsm recovers B.
                        let tri = Array2::from_shape_fn((ka, ka), |(i, j)| {
                            if i == j {
                                cz(2.0, 0.0) + full[[i, i]] * 0.2
                            } else if triangle(uplo, i, j) {
                                full[[i, j]]
                            } else {
                                cz(0.0, 0.0)
                            }
                        });
                        let tr = if dt.is_complex() {
                            Transpose::ConjTrans
                        } else {
                            Transpose::Trans
                        };
                        for ta in [Transpose::NoTrans, tr] {
                            let (a, _) = mat(&tri, dt, la);
                            let (mut b, _) = mat(&bv, dt, lb);
                            blas::trmm(side, uplo, ta, Diag::NonUnit, alpha, &a, &mut b).unwrap();
                            let opa = op(ta, &tri);
                            let prod = if side == Side::Left {
                                opa.dot(&bv)
                            } else {
                                bv.dot(&opa)
                            };
                            close2(
                                &vals2(&b),
                                &prod.mapv(|v| v * alpha),
                                t,
                                &format!("trmm {ta:?} {what}"),
                            );
                            let inv = Complex64::new(1.0, 0.0) / alpha;
                            blas::trsm(side, uplo, ta, Diag::NonUnit, inv, &a, &mut b).unwrap();
                            close2(&vals2(&b), &bv, t * 10.0, &format!("trsm {ta:?} {what}"));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn rank_k_updates_touch_one_triangle() {
    let mut rng = Rng(6);
    for dt in DTYPES {
        let t = tol(dt);
        for la in LAYS {
            for lc in [L::C, L::F, L::Strided] {
                for uplo in [Uplo::Upper, Uplo::Lower] {
                    let (n, k) = (4, 3);
                    let cv = rng.mat(n, n, dt);
                    let what = format!("{dt} a {la:?} c {lc:?} {uplo:?}");
                    let ht = if dt.is_complex() {
                        Transpose::ConjTrans
                    } else {
                        Transpose::Trans
                    };
                    for (kind, tr) in [
                        ("syrk", Transpose::NoTrans),
                        ("syrk", Transpose::Trans),
                        ("herk", Transpose::NoTrans),
                        ("herk", ht),
                        ("syr2k", Transpose::NoTrans),
                        ("syr2k", Transpose::Trans),
                        ("her2k", Transpose::NoTrans),
                        ("her2k", ht),
                    ] {
                        let shape = if tr == Transpose::NoTrans {
                            (n, k)
                        } else {
                            (k, n)
                        };
                        let av = rng.mat(shape.0, shape.1, dt);
                        let bv = rng.mat(shape.0, shape.1, dt);
                        let (a, _) = mat(&av, dt, la);
                        let (b, _) = mat(&bv, dt, L::C);
                        let (mut c, _) = mat(&cv, dt, lc);
                        let alpha = coef(dt, 0.7, 0.2);
                        let beta = coef(dt, 0.5, -0.3);
                        let (rbeta, ralpha) = (0.5, 0.7);
                        let opa = op(tr, &av);
                        let opb = op(tr, &bv);
                        let herm = kind.starts_with('h');
                        let adj = |x: &Array2<Complex64>| {
                            if herm {
                                x.t().mapv(|v| v.conj())
                            } else {
                                x.t().to_owned()
                            }
                        };
                        let full = match kind {
                            "syrk" => {
                                blas::syrk(uplo, tr, alpha, &a, beta, &mut c).unwrap();
                                opa.dot(&adj(&opa)).mapv(|v| v * alpha) + cv.mapv(|v| v * beta)
                            }
                            "herk" => {
                                blas::herk(uplo, tr, ralpha, &a, rbeta, &mut c).unwrap();
                                opa.dot(&adj(&opa)).mapv(|v| v * ralpha) + cv.mapv(|v| v * rbeta)
                            }
                            "syr2k" => {
                                blas::syr2k(uplo, tr, alpha, &a, &b, beta, &mut c).unwrap();
                                (opa.dot(&adj(&opb)) + opb.dot(&adj(&opa))).mapv(|v| v * alpha)
                                    + cv.mapv(|v| v * beta)
                            }
                            _ => {
                                blas::her2k(uplo, tr, alpha, &a, &b, rbeta, &mut c).unwrap();
                                opa.dot(&adj(&opb)).mapv(|v| v * alpha)
                                    + opb.dot(&adj(&opa)).mapv(|v| v * alpha.conj())
                                    + cv.mapv(|v| v * rbeta)
                            }
                        };
                        let want = Array2::from_shape_fn((n, n), |(i, j)| {
                            if !triangle(uplo, i, j) {
                                cv[[i, j]]
                            } else if herm && i == j {
                                cz(full[[i, j]].re, 0.0)
                            } else {
                                full[[i, j]]
                            }
                        });
                        let got = vals2(&c);
                        close2(&got, &want, t, &format!("{kind} {tr:?} {what}"));
                        // The other triangle is bit-for-bit untouched.
                        for ((i, j), v) in got.indexed_iter() {
                            if !triangle(uplo, i, j) {
                                assert_eq!(
                                    *v,
                                    cv.mapv(|z| vals_round(z, dt))[[i, j]],
                                    "{kind} {what}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `z` rounded to `dt`'s precision (as stored in an array of `dt`).
fn vals_round(z: Complex64, dt: DType) -> Complex64 {
    if matches!(dt, DType::F32 | DType::C64) {
        cz(z.re as f32 as f64, z.im as f32 as f64)
    } else {
        z
    }
}

// ---------------------------------------------------------------------------
// Errors and aliasing
// ---------------------------------------------------------------------------

#[test]
fn errors_leave_outputs_untouched() {
    let mut rng = Rng(7);
    let av = rng.mat(3, 3, DType::F64);
    let cv = rng.mat(3, 3, DType::F64);
    let a = nd(av.iter().copied().collect(), &[3, 3], DType::F64);
    let a32 = a.astype(DType::F32).unwrap();
    let one = cz(1.0, 0.0);
    let nt = Transpose::NoTrans;
    let fresh_c = || nd(cv.iter().copied().collect(), &[3, 3], DType::F64);

    // dtype mismatch, naming the operand.
    let mut c = fresh_c();
    let e = blas::gemm(nt, nt, one, &a, &a32, one, &mut c).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { .. }), "{e}");
    assert!(e.to_string().contains("gemm: b"), "{e}");
    close2(&vals2(&c), &cv, 0.0, "dtype mismatch");
    let mut c32 = a32.copy(MemOrder::C).unwrap();
    let e = blas::gemm(nt, nt, one, &a, &a, one, &mut c32).unwrap_err();
    assert!(e.to_string().contains("gemm: c"), "{e}");
    let mut y = nd(vec![one; 3], &[3], DType::C128);
    let x = nd(vec![one; 3], &[3], DType::F64);
    let e = blas::axpy(one, &x, &mut y).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { .. }), "{e}");
    assert_eq!(y.to_vec::<Complex64>().unwrap(), vec![one; 3]);

    // ndim, naming the operand.
    let v = nd(vec![one; 3], &[3], DType::F64);
    let mut c = fresh_c();
    let e = blas::gemm(nt, nt, one, &a, &v, one, &mut c).unwrap_err();
    assert!(
        matches!(
            e,
            Error::DimensionMismatch {
                expected: 2,
                got: 1,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("gemm: b"), "{e}");
    let mut m = fresh_c();
    let e = blas::scal(one, &mut m).unwrap_err();
    assert!(e.to_string().contains("scal: x"), "{e}");
    close2(&vals2(&m), &cv, 0.0, "scal on a matrix");

    // shape mismatch.
    let b = nd(vec![one; 6], &[2, 3], DType::F64);
    let mut c = fresh_c();
    let e = blas::gemm(nt, nt, one, &a, &b, one, &mut c).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e}");
    close2(&vals2(&c), &cv, 0.0, "shape mismatch");

    // read-only output.
    let mut c = fresh_c();
    c.set_readonly();
    let e = blas::gemm(nt, nt, one, &a, &a, one, &mut c).unwrap_err();
    assert!(matches!(e, Error::ReadOnly { .. }), "{e}");
    close2(&vals2(&c), &cv, 0.0, "read-only");

    // broadcast (zero-stride) output.
    let row = nd(vec![one; 3], &[1, 3], DType::F64);
    let mut bc = row.broadcast_to(&[3, 3]).unwrap();
    assert!(blas::gemm(nt, nt, one, &a, &a, one, &mut bc).is_err());
    assert_eq!(row.to_vec::<f64>().unwrap(), vec![1.0; 3]);

    // a live typed view of the output's buffer.
    let mut c = fresh_c();
    let keep = c.new_view();
    {
        let _v = keep.view::<f64>().unwrap();
        let e = blas::gemm(nt, nt, one, &a, &a, one, &mut c).unwrap_err();
        assert!(matches!(e, Error::BorrowConflict { .. }), "{e}");
    }
    close2(&vals2(&c), &cv, 0.0, "borrowed");

    // trans not allowed for complex syrk / herk.
    let z = nd(vec![one; 9], &[3, 3], DType::C128);
    let mut zc = nd(vec![one; 9], &[3, 3], DType::C128);
    let e = blas::syrk(Uplo::Upper, Transpose::ConjTrans, one, &z, one, &mut zc).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }), "{e}");
    let e = blas::herk(Uplo::Upper, Transpose::Trans, 1.0, &z, 1.0, &mut zc).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }), "{e}");
    assert_eq!(zc.to_vec::<Complex64>().unwrap(), vec![one; 9]);

    // iamax of nothing; swap of one vector with itself.
    let empty = nd(vec![], &[0], DType::F32);
    assert!(matches!(blas::iamax(&empty), Err(Error::Empty { .. })));
    let mut s1 = nd(vec![one, cz(2.0, 0.0)], &[2], DType::F64);
    let mut s2 = s1.new_view();
    let e = blas::swap(&mut s1, &mut s2).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }), "{e}");
    assert_eq!(s1.to_vec::<f64>().unwrap(), vec![1.0, 2.0]);
}

#[test]
fn operands_sharing_the_output_buffer() {
    let mut rng = Rng(8);
    for dt in DTYPES {
        let t = tol(dt);
        // One big matrix holding A (rows 0..3) and C (rows 3..6): disjoint
        // blocks of one buffer, read and written in place.
        let bigv = rng.mat(6, 3, dt);
        let big = nd(bigv.iter().copied().collect(), &[6, 3], dt);
        let a = big.slice(&[Idx::from(0..3), Idx::ALL]).unwrap();
        let mut c = big.slice(&[Idx::from(3..6), Idx::ALL]).unwrap();
        let av = bigv.slice(ndarray::s![0..3, ..]).to_owned();
        let cv = bigv.slice(ndarray::s![3..6, ..]).to_owned();
        let one = cz(1.0, 0.0);
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            one,
            &a,
            &a,
            one,
            &mut c,
        )
        .unwrap();
        close2(
            &vals2(&c),
            &(av.dot(&av) + &cv),
            t,
            &format!("disjoint blocks {dt}"),
        );
        close2(
            &vals2(&a),
            &av.mapv(|z| vals_round(z, dt)),
            0.0,
            "A unchanged",
        );

        // C := A·C with the same array as input and output: as if copied first.
        let m = nd(av.iter().copied().collect(), &[3, 3], dt);
        let mut out = m.new_view();
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            one,
            &m,
            &m,
            cz(0.0, 0.0),
            &mut out,
        )
        .unwrap();
        close2(&vals2(&m), &av.dot(&av), t, &format!("aliased gemm {dt}"));

        // syrk with A a view of C's buffer (C's transpose).
        let s = nd(av.iter().copied().collect(), &[3, 3], dt);
        let st = s.t();
        let mut sc = s.new_view();
        blas::syrk(
            Uplo::Lower,
            Transpose::NoTrans,
            one,
            &st,
            cz(0.0, 0.0),
            &mut sc,
        )
        .unwrap();
        let want = av.t().dot(&av);
        let got = vals2(&s);
        for ((i, j), w) in want.indexed_iter() {
            if j <= i {
                assert!((got[[i, j]] - w).norm() <= t * 10.0, "syrk aliased {dt}");
            } else {
                assert_eq!(got[[i, j]], vals_round(av[[i, j]], dt));
            }
        }

        // axpy / swap between two rows of one matrix.
        let mut r0 = big.index_axis(0, 0).unwrap();
        let mut r1 = big.index_axis(0, 1).unwrap();
        let before = vals2(&big);
        blas::swap(&mut r0, &mut r1).unwrap();
        let after = vals2(&big);
        for j in 0..3 {
            assert_eq!(after[[0, j]], before[[1, j]]);
            assert_eq!(after[[1, j]], before[[0, j]]);
        }
        blas::axpy(cz(2.0, 0.0), &r0, &mut r1).unwrap();
        let after2 = vals2(&big);
        for j in 0..3 {
            let w = before[[0, j]] + before[[1, j]] * 2.0;
            assert!((after2[[1, j]] - w).norm() <= t * 10.0);
        }
    }
}

#[test]
fn empty_operands() {
    for dt in DTYPES {
        let a = nd(vec![], &[3, 0], dt);
        let b = nd(vec![], &[0, 2], dt);
        let cv = Array2::from_elem((3, 2), cz(1.5, 0.0));
        let mut c = nd(cv.iter().copied().collect(), &[3, 2], dt);
        blas::gemm(
            Transpose::NoTrans,
            Transpose::NoTrans,
            cz(1.0, 0.0),
            &a,
            &b,
            cz(2.0, 0.0),
            &mut c,
        )
        .unwrap();
        close2(&vals2(&c), &cv.mapv(|v| v * 2.0), 0.0, "k = 0");
        let x = nd(vec![], &[0], dt);
        assert_eq!(blas::dot(&x, &x).unwrap(), cz(0.0, 0.0));
        assert_eq!(blas::nrm2(&x).unwrap(), 0.0);
    }
}
