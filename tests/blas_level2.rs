//! BLAS level 2 (`lapis::blas::{gemv, ger, geru, gerc, symv, hemv, trmv,
//! trsv, syr, her}`) against naive loops, on all four element types, every
//! matrix layout (C, F, transposed, sub-matrix, stepped, negative row and
//! column strides) for inputs and outputs, every vector layout, every
//! trans/uplo/diag, shapes from 0 up; with the copy counter proving that
//! BLAS-native layouts are not copied, garbage in the unreferenced triangle,
//! the error cases, aliasing arguments and BLAS's special values.

mod common;
use common::*;

use lapis::blas::{Diag, Transpose, Uplo, gemv, ger, gerc, geru, hemv, her, symv, syr, trmv, trsv};
use lapis::layout::copies_made;
use lapis::{Complex32, Complex64, Error, RealScalar, Scalar};
use ndarray::{
    Array1, Array2, ArrayRef1, ArrayRef2, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2,
    Ix1, Ix2, ShapeBuilder, s,
};
use proptest::prelude::{ProptestConfig, any, proptest};

const TRANS: [Transpose; 3] = [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans];
const UPLO: [Uplo; 2] = [Uplo::Upper, Uplo::Lower];
const DIAG: [Diag; 2] = [Diag::NonUnit, Diag::Unit];

/// Orders of the square sweeps (0 and 1 included).
const ORDERS: [usize; 6] = [0, 1, 2, 3, 5, 8];
/// Shapes of the rectangular layout sweeps.
const SHAPES: [(usize, usize); 8] = [
    (0, 0),
    (0, 3),
    (3, 0),
    (1, 1),
    (1, 4),
    (4, 1),
    (3, 5),
    (6, 2),
];

const POISON: f64 = 1e30;

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

fn f64_of<R: RealScalar>(x: R) -> f64 {
    x.to_f64_real()
}

fn nan<T: Scalar>() -> T {
    T::from_parts(real::<T>(f64::NAN), real::<T>(f64::NAN))
}

/// Runs `f` and returns its result with the number of temporaries it made.
fn counting<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = copies_made();
    let r = f();
    (r, copies_made() - before)
}

/// Equality that treats NaN as equal to NaN, part by part.
fn same<T: Scalar>(a: T, b: T) -> bool {
    let eq = |x: T::Real, y: T::Real| x == y || (f64_of(x).is_nan() && f64_of(y).is_nan());
    eq(a.re(), b.re()) && eq(a.im(), b.im())
}

#[track_caller]
fn assert_same1<T: Scalar>(got: &ArrayRef1<T>, want: &ArrayRef1<T>, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for i in 0..want.len() {
        assert!(
            same(got[i], want[i]),
            "{what}: element {i}: got {}, want {}",
            got[i],
            want[i]
        );
    }
}

#[track_caller]
fn assert_same2<T: Scalar>(got: &ArrayRef2<T>, want: &ArrayRef2<T>, what: &str) {
    assert_eq!(got.dim(), want.dim(), "{what}: shape");
    for ((i, j), w) in want.indexed_iter() {
        assert!(
            same(got[[i, j]], *w),
            "{what}: element ({i}, {j}): got {}, want {w}",
            got[[i, j]]
        );
    }
}

/// The backing store of a vector outside the view still holds the poison.
#[track_caller]
fn assert_vec_padding<T: Scalar>(v: &Vector<T>, n: usize, lay: VLay, what: &str) {
    let mask = Vector::new(&Array1::<T>::zeros(n), lay);
    let poison = T::from_f64(POISON);
    for (i, (&m, &b)) in mask.backing().iter().zip(v.backing()).enumerate() {
        if m == poison {
            assert!(
                b == poison,
                "{what}: padding element {i} of the vector's backing store was written: {b}"
            );
        }
    }
}

/// The backing store of a matrix outside the view still holds the poison.
#[track_caller]
fn assert_mat_padding<T: Scalar>(a: &Mat<T>, shape: (usize, usize), lay: Lay, what: &str) {
    let mask = Mat::new(&Array2::<T>::zeros(shape), lay);
    let poison = T::from_f64(POISON);
    for (idx, &m) in mask.backing().indexed_iter() {
        if m == poison {
            let b = a.backing()[idx];
            assert!(
                b == poison,
                "{what}: padding element {idx:?} of the matrix's backing store was written: {b}"
            );
        }
    }
}

/// Copies a layout may make: none for the BLAS-native ones, at most one
/// (the matrix, or the output temporary) otherwise.
#[track_caller]
fn assert_copies(copies: usize, lay: Lay, what: &str) {
    if lay.blas_native() {
        assert_eq!(copies, 0, "{what}: a BLAS-native layout was copied");
    } else {
        assert!(copies <= 1, "{what}: {copies} copies");
    }
}

fn in_tri(uplo: Uplo, i: usize, j: usize) -> bool {
    match uplo {
        Uplo::Upper => j >= i,
        Uplo::Lower => j <= i,
    }
}

/// `a` with the strict other triangle set to `g`.
fn poison_other<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo, g: T) -> Array2<T> {
    Array2::from_shape_fn(
        a.dim(),
        |(i, j)| if in_tri(uplo, i, j) { a[[i, j]] } else { g },
    )
}

/// `a` with the other triangle zeroed (to compare one triangle only).
fn tri_part<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo) -> Array2<T> {
    Array2::from_shape_fn(a.dim(), |(i, j)| {
        if in_tri(uplo, i, j) {
            a[[i, j]]
        } else {
            T::zero()
        }
    })
}

// ---------------------------------------------------------------------------
// Naive references (plain loops, no BLAS). Each reads only what BLAS may read.

/// `alpha·v + beta·y` with BLAS's rule that `beta == 0` does not read `y`.
fn combine<T: Scalar>(alpha: T, v: &ArrayRef1<T>, beta: T, y: &ArrayRef1<T>) -> Array1<T> {
    Array1::from_shape_fn(y.len(), |i| {
        let by = if beta == T::zero() {
            T::zero()
        } else {
            beta * y[i]
        };
        alpha * v[i] + by
    })
}

fn ref_gemv<T: Scalar>(
    trans: Transpose,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &ArrayRef1<T>,
) -> Array1<T> {
    let opa = op(a, trans);
    combine(alpha, &matvec(&opa, x), beta, y)
}

fn ref_ger<T: Scalar>(
    alpha: T,
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    a: &ArrayRef2<T>,
    conj: bool,
) -> Array2<T> {
    Array2::from_shape_fn(a.dim(), |(i, j)| {
        let yj = if conj { y[j].conj() } else { y[j] };
        a[[i, j]] + alpha * x[i] * yj
    })
}

/// The full symmetric (or Hermitian) matrix from the `uplo` triangle of `a`
/// (for Hermitian, the diagonal's imaginary part is taken as zero).
fn full_from_tri<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo, herm: bool) -> Array2<T> {
    Array2::from_shape_fn(a.dim(), |(i, j)| {
        if i == j && herm {
            T::from_real(a[[i, i]].re())
        } else if in_tri(uplo, i, j) {
            a[[i, j]]
        } else if herm {
            a[[j, i]].conj()
        } else {
            a[[j, i]]
        }
    })
}

fn ref_symv<T: Scalar>(
    uplo: Uplo,
    herm: bool,
    alpha: T,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
    beta: T,
    y: &ArrayRef1<T>,
) -> Array1<T> {
    combine(alpha, &matvec(&full_from_tri(a, uplo, herm), x), beta, y)
}

/// The triangular matrix BLAS sees: the `uplo` triangle of `a`, zeros
/// elsewhere, ones on the diagonal for `Unit`.
fn tri_matrix<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo, diag: Diag) -> Array2<T> {
    Array2::from_shape_fn(a.dim(), |(i, j)| {
        if i == j && diag == Diag::Unit {
            T::one()
        } else if in_tri(uplo, i, j) {
            a[[i, j]]
        } else {
            T::zero()
        }
    })
}

fn ref_trmv<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    a: &ArrayRef2<T>,
    x: &ArrayRef1<T>,
) -> Array1<T> {
    matvec(&op(&tri_matrix(a, uplo, diag), trans), x)
}

/// Substitution on `op(T)`, which is lower triangular when exactly one of
/// "lower" and "transposed" holds.
fn ref_trsv<T: Scalar>(
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    a: &ArrayRef2<T>,
    b: &ArrayRef1<T>,
) -> Array1<T> {
    let m = op(&tri_matrix(a, uplo, diag), trans);
    let n = b.len();
    let lower = (uplo == Uplo::Lower) == (trans == Transpose::NoTrans);
    let mut z = b.to_owned();
    let order: Vec<usize> = if lower {
        (0..n).collect()
    } else {
        (0..n).rev().collect()
    };
    for &i in &order {
        let mut acc = z[i];
        for j in 0..n {
            if j != i && (if lower { j < i } else { j > i }) {
                acc -= m[[i, j]] * z[j];
            }
        }
        z[i] = acc / m[[i, i]];
    }
    z
}

/// The `uplo` triangle of `a + alpha·x·xᵀ` (syr) or `a + alpha·x·xᴴ` (her,
/// with the diagonal made real); the other triangle is `a`'s.
fn ref_syr<T: Scalar>(
    uplo: Uplo,
    herm: bool,
    alpha: T,
    x: &ArrayRef1<T>,
    a: &ArrayRef2<T>,
) -> Array2<T> {
    Array2::from_shape_fn(a.dim(), |(i, j)| {
        if !in_tri(uplo, i, j) {
            a[[i, j]]
        } else if herm && i == j {
            T::from_real(a[[i, i]].re()) + alpha * x[i] * x[i].conj()
        } else if herm {
            a[[i, j]] + alpha * x[i] * x[j].conj()
        } else {
            a[[i, j]] + alpha * x[i] * x[j]
        }
    })
}

// ---------------------------------------------------------------------------
// One check per routine.

/// How `beta` (and `alpha`) are chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scalars {
    /// Random alpha and beta.
    Random,
    /// beta = 0 and y full of NaN: the NaN must not show.
    BetaZeroNanY,
    /// beta = 1.
    BetaOne,
    /// alpha = 0 with NaN in the matrix: y := beta·y, A not read.
    AlphaZero,
}

const SCALARS: [Scalars; 4] = [
    Scalars::Random,
    Scalars::BetaZeroNanY,
    Scalars::BetaOne,
    Scalars::AlphaZero,
];

#[allow(clippy::too_many_arguments)]
fn check_gemv<T: Scalar>(
    rng: &mut Rng,
    trans: Transpose,
    (m, n): (usize, usize),
    la: Lay,
    lx: VLay,
    ly: VLay,
    sc: Scalars,
) {
    let (ylen, xlen) = trans.apply((m, n));
    let mut a0 = rng.matrix::<T>(m, n);
    let x0 = rng.vector::<T>(xlen);
    let mut y0 = rng.vector::<T>(ylen);
    let (mut alpha, mut beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    match sc {
        Scalars::Random => {}
        Scalars::BetaZeroNanY => {
            beta = T::zero();
            y0.fill(nan());
        }
        Scalars::BetaOne => beta = T::one(),
        Scalars::AlphaZero => {
            alpha = T::zero();
            a0.fill(nan());
        }
    }
    let a = Mat::new(&a0, la);
    let x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let what = format!("gemv {trans:?} {m}x{n} A {la:?} x {lx:?} y {ly:?} {sc:?}");
    let (r, c) = counting(|| gemv(trans, alpha, &a.view(), &x.view(), beta, &mut y.view_mut()));
    r.unwrap();
    let want = if sc == Scalars::AlphaZero {
        y0.mapv(|v| beta * v)
    } else {
        ref_gemv(trans, alpha, &a0, &x0, beta, &y0)
    };
    assert_close1(&y.view(), &want, xlen + 2, &what);
    assert!(
        y.view().iter().all(|v| v.is_finite()),
        "{what}: {}",
        y.view()
    );
    assert_copies(c, la, &what);
    assert_vec_padding(&y, ylen, ly, &what);
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ger {
    Plain,
    Geru,
    Gerc,
}

#[allow(clippy::too_many_arguments)]
fn check_ger<T: Scalar>(
    rng: &mut Rng,
    which: Ger,
    (m, n): (usize, usize),
    la: Lay,
    lx: VLay,
    ly: VLay,
) {
    let a0 = rng.matrix::<T>(m, n);
    let (x0, y0, alpha) = (rng.vector::<T>(m), rng.vector::<T>(n), rng.scalar::<T>());
    let x = Vector::new(&x0, lx);
    let y = Vector::new(&y0, ly);
    let mut a = Mat::new(&a0, la);
    let what = format!("{which:?} {m}x{n} A {la:?} x {lx:?} y {ly:?}");
    let (r, c) = counting(|| match which {
        Ger::Plain => ger(alpha, &x.view(), &y.view(), &mut a.view_mut()),
        Ger::Geru => geru(alpha, &x.view(), &y.view(), &mut a.view_mut()),
        Ger::Gerc => gerc(alpha, &x.view(), &y.view(), &mut a.view_mut()),
    });
    r.unwrap();
    let want = ref_ger(alpha, &x0, &y0, &a0, which == Ger::Gerc);
    assert_close2(&a.view(), &want, 2, &what);
    assert_copies(c, la, &what);
    assert_mat_padding(&a, (m, n), la, &what);
    assert_same1(&x.view(), &x0, &format!("{what}: x"));
    assert_same1(&y.view(), &y0, &format!("{what}: y"));
}

#[allow(clippy::too_many_arguments)]
fn check_symv<T: Scalar>(
    rng: &mut Rng,
    herm: bool,
    uplo: Uplo,
    n: usize,
    la: Lay,
    lx: VLay,
    ly: VLay,
    sc: Scalars,
) {
    // Garbage in the other triangle, and (Hermitian) in the diagonal's
    // imaginary part: neither may be read.
    let mut a0 = poison_other(&rng.matrix::<T>(n, n), uplo, nan());
    if herm && T::IS_COMPLEX {
        for i in 0..n {
            a0[[i, i]] = T::from_parts(a0[[i, i]].re(), real::<T>(f64::NAN));
        }
    }
    let x0 = rng.vector::<T>(n);
    let mut y0 = rng.vector::<T>(n);
    let (mut alpha, mut beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    match sc {
        Scalars::Random => {}
        Scalars::BetaZeroNanY => {
            beta = T::zero();
            y0.fill(nan());
        }
        Scalars::BetaOne => beta = T::one(),
        Scalars::AlphaZero => alpha = T::zero(),
    }
    let a = Mat::new(&a0, la);
    let x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let name = if herm { "hemv" } else { "symv" };
    let what = format!("{name} {uplo:?} n={n} A {la:?} x {lx:?} y {ly:?} {sc:?}");
    let (r, c) = counting(|| {
        if herm {
            hemv(uplo, alpha, &a.view(), &x.view(), beta, &mut y.view_mut())
        } else {
            symv(uplo, alpha, &a.view(), &x.view(), beta, &mut y.view_mut())
        }
    });
    r.unwrap();
    let want = ref_symv(uplo, herm, alpha, &a0, &x0, beta, &y0);
    assert_close1(&y.view(), &want, n + 2, &what);
    assert_copies(c, la, &what);
    assert_vec_padding(&y, n, ly, &what);
}

/// A well-conditioned triangle: off-diagonal elements scaled by 1/n,
/// diagonal boosted by 4; NaN in the other triangle (and on the diagonal for
/// `Unit`), which must not be read.
fn triangular<T: Scalar>(rng: &mut Rng, n: usize, uplo: Uplo, diag: Diag) -> Array2<T> {
    let scale = T::from_f64(1.0 / n.max(1) as f64);
    let mut a = rng.matrix::<T>(n, n).mapv(|v| v * scale);
    for i in 0..n {
        a[[i, i]] = if diag == Diag::Unit {
            nan()
        } else {
            a[[i, i]] * T::from_f64(n as f64) + T::from_f64(4.0)
        };
    }
    poison_other(&a, uplo, nan())
}

#[allow(clippy::too_many_arguments)]
fn check_trv<T: Scalar>(
    rng: &mut Rng,
    solve: bool,
    uplo: Uplo,
    trans: Transpose,
    diag: Diag,
    n: usize,
    la: Lay,
    lx: VLay,
) {
    let a0 = triangular::<T>(rng, n, uplo, diag);
    let x0 = rng.vector::<T>(n);
    let a = Mat::new(&a0, la);
    let mut x = Vector::new(&x0, lx);
    let name = if solve { "trsv" } else { "trmv" };
    let what = format!("{name} {uplo:?} {trans:?} {diag:?} n={n} A {la:?} x {lx:?}");
    let (r, c) = counting(|| {
        if solve {
            trsv(uplo, trans, diag, &a.view(), &mut x.view_mut())
        } else {
            trmv(uplo, trans, diag, &a.view(), &mut x.view_mut())
        }
    });
    r.unwrap();
    if solve {
        assert_close1(
            &x.view(),
            &ref_trsv(uplo, trans, diag, &a0, &x0),
            2 * n,
            &what,
        );
        // The residual op(T)·z − x is small too.
        let back = ref_trmv(uplo, trans, diag, &a0, &x.view());
        assert_close1(&back, &x0, 2 * n, &format!("{what}: residual"));
    } else {
        assert_close1(&x.view(), &ref_trmv(uplo, trans, diag, &a0, &x0), n, &what);
    }
    assert_copies(c, la, &what);
    assert_vec_padding(&x, n, lx, &what);
}

fn check_syr<T: Scalar>(rng: &mut Rng, herm: bool, uplo: Uplo, n: usize, la: Lay, lx: VLay) {
    // The other triangle holds garbage that must stay exactly as it is; the
    // diagonal of a Hermitian update has an imaginary part to be dropped.
    let mut a0 = poison_other(&rng.matrix::<T>(n, n), uplo, nan());
    if n > 1 {
        let (i, j) = if uplo == Uplo::Upper {
            (n - 1, 0)
        } else {
            (0, n - 1)
        };
        a0[[i, j]] = T::from_f64(1e30);
    }
    let x0 = rng.vector::<T>(n);
    let alpha = if herm {
        T::from_real(rng.scalar::<T>().re())
    } else {
        rng.scalar::<T>()
    };
    let mut a = Mat::new(&a0, la);
    let x = Vector::new(&x0, lx);
    let name = if herm { "her" } else { "syr" };
    let what = format!("{name} {uplo:?} n={n} A {la:?} x {lx:?}");
    let (r, c) = counting(|| {
        if herm {
            her(uplo, alpha.re(), &x.view(), &mut a.view_mut())
        } else {
            syr(uplo, alpha, &x.view(), &mut a.view_mut())
        }
    });
    r.unwrap();
    let want = ref_syr(uplo, herm, alpha, &x0, &a0);
    let got = a.view().to_owned();
    assert_close2(&tri_part(&got, uplo), &tri_part(&want, uplo), 2, &what);
    for ((i, j), w) in a0.indexed_iter() {
        if !in_tri(uplo, i, j) {
            assert!(
                same(got[[i, j]], *w),
                "{what}: ({i}, {j}) outside the {uplo:?} triangle was written"
            );
        }
    }
    if herm {
        for i in 0..n {
            assert!(
                f64_of(got[[i, i]].im()) == 0.0,
                "{what}: diagonal ({i}, {i}) not real: {}",
                got[[i, i]]
            );
        }
    }
    assert_copies(c, la, &what);
    assert_mat_padding(&a, (n, n), la, &what);
    assert_same1(&x.view(), &x0, &format!("{what}: x"));
}

// ---------------------------------------------------------------------------
// Layout sweeps: every layout of every operand, fixed shapes.

fn gemv_layouts<T: Scalar>() {
    let mut rng = Rng::new(101);
    for shape in SHAPES {
        for trans in TRANS {
            for la in Lay::ALL {
                for lx in VLay::ALL {
                    for ly in VLay::ALL {
                        check_gemv::<T>(&mut rng, trans, shape, la, lx, ly, Scalars::Random);
                    }
                }
            }
        }
    }
}
all_dtypes!(gemv_layouts);

/// BLAS's scalar rules on every layout: beta = 0 ignores NaN in y (also
/// when x is empty), beta = 1, alpha = 0 does not read A.
fn gemv_special_scalars<T: Scalar>() {
    let mut rng = Rng::new(102);
    for shape in [(3, 4), (1, 1), (4, 0), (0, 4), (2, 1)] {
        for sc in SCALARS {
            for trans in TRANS {
                for la in Lay::ALL {
                    for ly in VLay::ALL {
                        check_gemv::<T>(&mut rng, trans, shape, la, VLay::Contig, ly, sc);
                    }
                }
            }
        }
    }
}
all_dtypes!(gemv_special_scalars);

fn ger_layouts<T: Scalar>() {
    let mut rng = Rng::new(103);
    for shape in SHAPES {
        for which in [Ger::Plain, Ger::Geru, Ger::Gerc] {
            for la in Lay::ALL {
                for lx in VLay::ALL {
                    for ly in VLay::ALL {
                        check_ger::<T>(&mut rng, which, shape, la, lx, ly);
                    }
                }
            }
        }
    }
}
all_dtypes!(ger_layouts);

fn symv_hemv_layouts<T: Scalar>() {
    let mut rng = Rng::new(104);
    for n in ORDERS {
        for herm in [false, true] {
            for uplo in UPLO {
                for la in Lay::ALL {
                    for lx in VLay::ALL {
                        for ly in VLay::ALL {
                            check_symv::<T>(&mut rng, herm, uplo, n, la, lx, ly, Scalars::Random);
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(symv_hemv_layouts);

fn symv_hemv_special_scalars<T: Scalar>() {
    let mut rng = Rng::new(105);
    for n in [0, 1, 4] {
        for sc in SCALARS {
            for herm in [false, true] {
                for uplo in UPLO {
                    for la in Lay::ALL {
                        check_symv::<T>(&mut rng, herm, uplo, n, la, VLay::Step2, VLay::Neg1, sc);
                    }
                }
            }
        }
    }
}
all_dtypes!(symv_hemv_special_scalars);

fn trmv_trsv_layouts<T: Scalar>() {
    let mut rng = Rng::new(106);
    for n in ORDERS {
        for solve in [false, true] {
            for uplo in UPLO {
                for trans in TRANS {
                    for diag in DIAG {
                        for la in Lay::ALL {
                            for lx in VLay::ALL {
                                check_trv::<T>(&mut rng, solve, uplo, trans, diag, n, la, lx);
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(trmv_trsv_layouts);

fn syr_her_layouts<T: Scalar>() {
    let mut rng = Rng::new(107);
    for n in ORDERS {
        for herm in [false, true] {
            for uplo in UPLO {
                for la in Lay::ALL {
                    for lx in VLay::ALL {
                        check_syr::<T>(&mut rng, herm, uplo, n, la, lx);
                    }
                }
            }
        }
    }
}
all_dtypes!(syr_her_layouts);

// ---------------------------------------------------------------------------
// Shape sweep: every (m, n) up to 5 × 5, every matrix layout.

fn shape_sweep<T: Scalar>() {
    let mut rng = Rng::new(108);
    for m in 0..=5 {
        for n in 0..=5 {
            for (k, la) in Lay::ALL.into_iter().enumerate() {
                let lx = VLay::ALL[(m + k) % 4];
                let ly = VLay::ALL[(n + k) % 4];
                let trans = TRANS[(m + n + k) % 3];
                check_gemv::<T>(&mut rng, trans, (m, n), la, lx, ly, Scalars::Random);
                check_ger::<T>(
                    &mut rng,
                    [Ger::Plain, Ger::Geru, Ger::Gerc][k % 3],
                    (m, n),
                    la,
                    lx,
                    ly,
                );
            }
        }
    }
}
all_dtypes!(shape_sweep);

/// Larger orders, past the blocking of the level-2 kernels (garbage in the
/// unreferenced triangles included).
fn larger_orders<T: Scalar>() {
    let mut rng = Rng::new(111);
    for n in [33, 67] {
        for la in Lay::ALL {
            for (lx, ly) in [(VLay::Contig, VLay::Contig), (VLay::Neg1, VLay::Step2)] {
                check_gemv::<T>(
                    &mut rng,
                    TRANS[n % 3],
                    (n, n - 9),
                    la,
                    lx,
                    ly,
                    Scalars::Random,
                );
                check_gemv::<T>(
                    &mut rng,
                    Transpose::ConjTrans,
                    (n - 5, n),
                    la,
                    lx,
                    ly,
                    Scalars::BetaZeroNanY,
                );
                check_ger::<T>(&mut rng, Ger::Gerc, (n, n + 3), la, lx, ly);
                for uplo in UPLO {
                    for herm in [false, true] {
                        check_symv::<T>(&mut rng, herm, uplo, n, la, lx, ly, Scalars::Random);
                        check_syr::<T>(&mut rng, herm, uplo, n, la, lx);
                    }
                    for trans in TRANS {
                        for diag in DIAG {
                            check_trv::<T>(&mut rng, false, uplo, trans, diag, n, la, lx);
                            check_trv::<T>(&mut rng, true, uplo, trans, diag, n, la, lx);
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(larger_orders);

/// A Fortran-order sub-matrix (column-major with a padded leading
/// dimension, the transpose of `Lay::Sliced`) goes to BLAS without a copy,
/// as input and as output.
fn padded_fortran_submatrix<T: Scalar>() {
    let mut rng = Rng::new(112);
    let padded = |a: &Array2<T>| Mat::new(&a.t().to_owned(), Lay::Sliced);
    for (m, n) in [(4, 3), (3, 4), (1, 3), (3, 1), (5, 5)] {
        let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
        let a0 = rng.matrix::<T>(m, n);
        let store = padded(&a0);
        let a = store.view().reversed_axes();
        if m > 1 && n > 1 {
            assert_eq!(a.strides()[0], 1, "column-major");
            assert!(a.strides()[1] > m as isize, "padded leading dimension");
        }
        for trans in TRANS {
            let (ylen, xlen) = trans.apply((m, n));
            let (x0, y0) = (rng.vector::<T>(xlen), rng.vector::<T>(ylen));
            let mut y = y0.clone();
            let (r, c) = counting(|| gemv(trans, alpha, &a, &x0, beta, &mut y));
            r.unwrap();
            assert_close1(
                &y,
                &ref_gemv(trans, alpha, &a0, &x0, beta, &y0),
                xlen + 2,
                &format!("gemv {trans:?} {m}x{n}"),
            );
            assert_eq!(c, 0, "gemv {trans:?} {m}x{n}: copies");
        }
        let (x0, y0) = (rng.vector::<T>(m), rng.vector::<T>(n));
        let mut out = padded(&a0);
        let (r, c) = counting(|| gerc(alpha, &x0, &y0, &mut out.view_mut().reversed_axes()));
        r.unwrap();
        assert_close2(
            &out.view().reversed_axes(),
            &ref_ger(alpha, &x0, &y0, &a0, true),
            2,
            &format!("gerc {m}x{n}"),
        );
        assert_eq!(c, 0, "gerc {m}x{n}: copies");
        assert_mat_padding(&out, (n, m), Lay::Sliced, "gerc");
        if m != n {
            continue;
        }
        let x0 = rng.vector::<T>(n);
        for uplo in UPLO {
            for herm in [false, true] {
                let mut y = y0.clone();
                let (r, c) = counting(|| {
                    if herm {
                        hemv(uplo, alpha, &a, &x0, beta, &mut y)
                    } else {
                        symv(uplo, alpha, &a, &x0, beta, &mut y)
                    }
                });
                r.unwrap();
                assert_close1(
                    &y,
                    &ref_symv(uplo, herm, alpha, &a0, &x0, beta, &y0),
                    n + 2,
                    "symv/hemv",
                );
                assert_eq!(c, 0, "symv/hemv {uplo:?}: copies");

                let mut out = padded(&a0);
                let (r, c) = counting(|| {
                    let mut v = out.view_mut().reversed_axes();
                    if herm {
                        her(uplo, alpha.re(), &x0, &mut v)
                    } else {
                        syr(uplo, alpha, &x0, &mut v)
                    }
                });
                r.unwrap();
                let ralpha = if herm {
                    T::from_real(alpha.re())
                } else {
                    alpha
                };
                let want = ref_syr(uplo, herm, ralpha, &x0, &a0);
                assert_close2(&out.view().reversed_axes(), &want, 2, "syr/her");
                assert_eq!(c, 0, "syr/her {uplo:?}: copies");
            }
            for trans in TRANS {
                for diag in DIAG {
                    let t0 = triangular::<T>(&mut rng, n, uplo, diag);
                    let tstore = padded(&t0);
                    let t = tstore.view().reversed_axes();
                    let mut x = x0.clone();
                    let (r, c) = counting(|| trmv(uplo, trans, diag, &t, &mut x));
                    r.unwrap();
                    assert_close1(&x, &ref_trmv(uplo, trans, diag, &t0, &x0), n, "trmv");
                    assert_eq!(c, 0, "trmv: copies");
                    let mut x = x0.clone();
                    let (r, c) = counting(|| trsv(uplo, trans, diag, &t, &mut x));
                    r.unwrap();
                    assert_close1(&x, &ref_trsv(uplo, trans, diag, &t0, &x0), 2 * n, "trsv");
                    assert_eq!(c, 0, "trsv: copies");
                }
            }
        }
    }
}
all_dtypes!(padded_fortran_submatrix);

// ---------------------------------------------------------------------------
// Property test: random shapes, layouts and options, all routines and types.

#[allow(clippy::too_many_arguments)]
fn check_all<T: Scalar>(
    seed: u64,
    m: usize,
    n: usize,
    la: Lay,
    lx: VLay,
    ly: VLay,
    t: usize,
    u: usize,
    d: usize,
    sc: usize,
) {
    let mut rng = Rng::new(seed);
    let (trans, uplo, diag, sc) = (TRANS[t], UPLO[u], DIAG[d], SCALARS[sc]);
    check_gemv::<T>(&mut rng, trans, (m, n), la, lx, ly, sc);
    check_ger::<T>(
        &mut rng,
        [Ger::Plain, Ger::Geru, Ger::Gerc][t],
        (m, n),
        la,
        lx,
        ly,
    );
    for herm in [false, true] {
        check_symv::<T>(&mut rng, herm, uplo, n, la, lx, ly, sc);
        check_syr::<T>(&mut rng, herm, uplo, n, la, lx);
    }
    for solve in [false, true] {
        check_trv::<T>(&mut rng, solve, uplo, trans, diag, n, la, lx);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_shapes_layouts_and_options(
        m in 0usize..=7,
        n in 0usize..=7,
        la in 0usize..7,
        lx in 0usize..4,
        ly in 0usize..4,
        t in 0usize..3,
        u in 0usize..2,
        d in 0usize..2,
        sc in 0usize..4,
        seed in any::<u64>(),
    ) {
        let (la, lx, ly) = (Lay::ALL[la], VLay::ALL[lx], VLay::ALL[ly]);
        check_all::<f32>(seed, m, n, la, lx, ly, t, u, d, sc);
        check_all::<f64>(seed, m, n, la, lx, ly, t, u, d, sc);
        check_all::<Complex32>(seed, m, n, la, lx, ly, t, u, d, sc);
        check_all::<Complex64>(seed, m, n, la, lx, ly, t, u, d, sc);
    }
}

// ---------------------------------------------------------------------------
// Hermitian specifics.

/// her makes the diagonal real; hemv ignores the diagonal's imaginary part
/// (checked with finite values here: NaN is in the layout sweeps).
fn hermitian_diagonal<T: Scalar>() {
    if !T::IS_COMPLEX {
        return;
    }
    let mut rng = Rng::new(109);
    let n = 4;
    for uplo in UPLO {
        for la in Lay::ALL {
            let a0 = rng.matrix::<T>(n, n);
            let x0 = rng.vector::<T>(n);
            // hemv: the same result with the diagonal's imaginary parts zeroed.
            let mut a_real_diag = a0.clone();
            for i in 0..n {
                a_real_diag[[i, i]] = T::from_real(a0[[i, i]].re());
            }
            let mut y1 = Array1::<T>::zeros(n);
            let mut y2 = Array1::<T>::zeros(n);
            hemv(
                uplo,
                T::one(),
                &Mat::new(&a0, la).view(),
                &x0,
                T::zero(),
                &mut y1,
            )
            .unwrap();
            hemv(
                uplo,
                T::one(),
                &Mat::new(&a_real_diag, la).view(),
                &x0,
                T::zero(),
                &mut y2,
            )
            .unwrap();
            assert_close1(
                &y1,
                &y2,
                n,
                &format!("hemv {uplo:?} {la:?}: diagonal imaginary parts"),
            );
            // her: the imaginary parts are dropped.
            let mut a = Mat::new(&a0, la);
            her(uplo, real::<T>(0.5), &x0, &mut a.view_mut()).unwrap();
            for i in 0..n {
                assert!(
                    f64_of(a.view()[[i, i]].im()) == 0.0,
                    "her {uplo:?} {la:?}: ({i}, {i})"
                );
            }
        }
    }
}
all_dtypes!(hermitian_diagonal);

/// her with alpha = 0 (or x = 0) still leaves a real diagonal, as
/// documented, and changes nothing else; syr and gerc with alpha = 0 change
/// nothing.
fn her_alpha_zero<T: Scalar>() {
    let mut rng = Rng::new(110);
    let n = 3;
    for uplo in UPLO {
        for la in Lay::ALL {
            let a0 = rng.matrix::<T>(n, n);
            let x0 = rng.vector::<T>(n);
            let mut a = Mat::new(&a0, la);
            her(uplo, real::<T>(0.0), &x0, &mut a.view_mut()).unwrap();
            let want = ref_syr(uplo, true, T::zero(), &x0, &a0);
            assert_same2(&a.view(), &want, &format!("her alpha 0 {uplo:?} {la:?}"));
            // A zero x (with alpha not zero) still makes the diagonal real.
            let mut a = Mat::new(&a0, la);
            her(
                uplo,
                real::<T>(0.75),
                &Array1::<T>::zeros(n),
                &mut a.view_mut(),
            )
            .unwrap();
            assert_same2(&a.view(), &want, &format!("her x = 0 {uplo:?} {la:?}"));
            // syr with alpha 0 changes nothing.
            let mut a = Mat::new(&a0, la);
            syr(uplo, T::zero(), &x0, &mut a.view_mut()).unwrap();
            assert_same2(&a.view(), &a0, &format!("syr alpha 0 {uplo:?} {la:?}"));
            // Nor does ger.
            let mut a = Mat::new(&a0, la);
            gerc(T::zero(), &x0, &x0, &mut a.view_mut()).unwrap();
            assert_same2(&a.view(), &a0, &format!("gerc alpha 0 {uplo:?} {la:?}"));
        }
    }
}
all_dtypes!(her_alpha_zero);

// ---------------------------------------------------------------------------
// Errors: never a panic, the right variant, the outputs untouched.

#[track_caller]
fn assert_shape_mismatch<R: std::fmt::Debug>(
    r: lapis::Result<R>,
    routine: &str,
    what: &str,
    got: &[usize],
    expected: &[usize],
) {
    let e = r.expect_err("a shape mismatch must be an error");
    match &e {
        Error::ShapeMismatch {
            routine: r,
            what: w,
            got: g,
            expected: x,
        } => {
            assert_eq!((*r, *w), (routine, what), "{e}");
            assert_eq!(g.0, got, "{e}");
            assert_eq!(x.0, expected, "{e}");
        }
        other => panic!("{routine}: expected ShapeMismatch, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(msg.contains(routine), "{msg}");
    assert!(
        msg.contains(&format!("{}", lapis::error::Shape(got.to_vec()))),
        "{msg}"
    );
    assert!(
        msg.contains(&format!("{}", lapis::error::Shape(expected.to_vec()))),
        "{msg}"
    );
}

#[track_caller]
fn assert_not_square<R: std::fmt::Debug>(
    r: lapis::Result<R>,
    routine: &str,
    shape: (usize, usize),
) {
    let e = r.expect_err("a non-square matrix must be an error");
    match &e {
        Error::NotSquare {
            routine: r,
            what,
            shape: s,
        } => {
            assert_eq!((*r, *what), (routine, "a"), "{e}");
            assert_eq!(s.0, vec![shape.0, shape.1], "{e}");
        }
        other => panic!("{routine}: expected NotSquare, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(
        msg.contains(routine)
            && msg.contains(&lapis::error::Shape(vec![shape.0, shape.1]).to_string())
            && msg.contains(&shape.0.to_string())
            && msg.contains(&shape.1.to_string()),
        "{msg}"
    );
}

fn gemv_shape_errors<T: Scalar>() {
    let mut rng = Rng::new(120);
    let a0 = rng.matrix::<T>(3, 4);
    let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    for trans in TRANS {
        let (ylen, xlen) = trans.apply((3, 4));
        for la in Lay::ALL {
            let a = Mat::new(&a0, la);
            // x of the wrong length.
            let x = rng.vector::<T>(xlen + 1);
            let y0 = rng.vector::<T>(ylen);
            let mut y = y0.clone();
            assert_shape_mismatch(
                gemv(trans, alpha, &a.view(), &x, beta, &mut y),
                "gemv",
                "x",
                &[xlen + 1],
                &[xlen],
            );
            assert_same1(&y, &y0, "gemv x error: y");
            // y of the wrong length (the other one).
            let x = rng.vector::<T>(xlen);
            let y0 = rng.vector::<T>(xlen);
            let mut y = y0.clone();
            assert_shape_mismatch(
                gemv(trans, alpha, &a.view(), &x, beta, &mut y),
                "gemv",
                "y",
                &[xlen],
                &[ylen],
            );
            assert_same1(&y, &y0, "gemv y error: y");
            // beta = 0 on an error still writes nothing.
            let mut y = y0.clone();
            assert!(gemv(trans, alpha, &a.view(), &x, T::zero(), &mut y).is_err());
            assert_same1(&y, &y0, "gemv beta 0 error: y");
        }
    }
}
all_dtypes!(gemv_shape_errors);

fn ger_shape_errors<T: Scalar>() {
    let mut rng = Rng::new(121);
    let alpha = rng.scalar::<T>();
    for (m, n, xl, yl) in [
        (3, 4, 3, 5),
        (3, 4, 4, 4),
        (3, 4, 4, 3),
        (0, 2, 1, 2),
        (2, 0, 2, 1),
    ] {
        let a0 = rng.matrix::<T>(m, n);
        let (x, y) = (rng.vector::<T>(xl), rng.vector::<T>(yl));
        for (name, f) in [
            (
                "ger",
                ger::<T>
                    as fn(T, &ArrayRef1<T>, &ArrayRef1<T>, &mut ArrayRef2<T>) -> lapis::Result<()>,
            ),
            ("geru", geru::<T>),
            ("gerc", gerc::<T>),
        ] {
            let mut a = a0.clone();
            assert_shape_mismatch(f(alpha, &x, &y, &mut a), name, "a", &[m, n], &[xl, yl]);
            assert_same2(&a, &a0, &format!("{name} error: a"));
        }
    }
}
all_dtypes!(ger_shape_errors);

fn square_routine_errors<T: Scalar>() {
    let mut rng = Rng::new(122);
    let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    // Not square.
    for (m, n) in [(3, 4), (4, 3), (0, 2), (1, 0)] {
        let a0 = rng.matrix::<T>(m, n);
        let x = rng.vector::<T>(n);
        let y0 = rng.vector::<T>(m);
        for la in Lay::ALL {
            let a = Mat::new(&a0, la);
            let mut y = y0.clone();
            assert_not_square(
                symv(Uplo::Upper, alpha, &a.view(), &x, beta, &mut y),
                "symv",
                (m, n),
            );
            assert_not_square(
                hemv(Uplo::Lower, alpha, &a.view(), &x, beta, &mut y),
                "hemv",
                (m, n),
            );
            assert_same1(&y, &y0, "symv/hemv error: y");
            let x0 = rng.vector::<T>(n);
            let mut x = x0.clone();
            assert_not_square(
                trmv(
                    Uplo::Upper,
                    Transpose::NoTrans,
                    Diag::NonUnit,
                    &a.view(),
                    &mut x,
                ),
                "trmv",
                (m, n),
            );
            assert_not_square(
                trsv(Uplo::Lower, Transpose::Trans, Diag::Unit, &a.view(), &mut x),
                "trsv",
                (m, n),
            );
            assert_same1(&x, &x0, "trmv/trsv error: x");
            let mut a = Mat::new(&a0, la);
            assert_not_square(
                syr(Uplo::Upper, alpha, &x0, &mut a.view_mut()),
                "syr",
                (m, n),
            );
            assert_not_square(
                her(Uplo::Lower, alpha.re(), &x0, &mut a.view_mut()),
                "her",
                (m, n),
            );
            assert_same2(&a.view(), &a0, "syr/her error: a");
        }
    }
    // Square, but vectors of the wrong length.
    let a0 = rng.matrix::<T>(3, 3);
    for la in Lay::ALL {
        let a = Mat::new(&a0, la);
        let (x3, x2) = (rng.vector::<T>(3), rng.vector::<T>(2));
        let y0 = rng.vector::<T>(3);
        let mut y = y0.clone();
        for (name, herm) in [("symv", false), ("hemv", true)] {
            let f = if herm { hemv::<T> } else { symv::<T> };
            assert_shape_mismatch(
                f(Uplo::Upper, alpha, &a.view(), &x2, beta, &mut y),
                name,
                "x",
                &[2],
                &[3],
            );
            assert_same1(&y, &y0, "symv x error: y");
            let mut y4 = rng.vector::<T>(4);
            let y4_0 = y4.clone();
            assert_shape_mismatch(
                f(Uplo::Lower, alpha, &a.view(), &x3, beta, &mut y4),
                name,
                "y",
                &[4],
                &[3],
            );
            assert_same1(&y4, &y4_0, "symv y error: y");
        }
        for (name, f) in [
            (
                "trmv",
                trmv::<T>
                    as fn(
                        Uplo,
                        Transpose,
                        Diag,
                        &ArrayRef2<T>,
                        &mut ArrayRef1<T>,
                    ) -> lapis::Result<()>,
            ),
            ("trsv", trsv::<T>),
        ] {
            let x0 = rng.vector::<T>(4);
            let mut x = x0.clone();
            assert_shape_mismatch(
                f(
                    Uplo::Upper,
                    Transpose::ConjTrans,
                    Diag::NonUnit,
                    &a.view(),
                    &mut x,
                ),
                name,
                "x",
                &[4],
                &[3],
            );
            assert_same1(&x, &x0, &format!("{name} error: x"));
        }
        let mut a = Mat::new(&a0, la);
        assert_shape_mismatch(
            syr(Uplo::Upper, alpha, &x2, &mut a.view_mut()),
            "syr",
            "x",
            &[2],
            &[3],
        );
        assert_shape_mismatch(
            her(Uplo::Upper, alpha.re(), &x2, &mut a.view_mut()),
            "her",
            "x",
            &[2],
            &[3],
        );
        assert_same2(&a.view(), &a0, "syr/her x error: a");
    }
}
all_dtypes!(square_routine_errors);

#[track_caller]
fn assert_overlapping_output<R: std::fmt::Debug>(r: lapis::Result<R>, routine: &str, what: &str) {
    match r {
        Err(Error::OverlappingOutput {
            routine: r,
            what: w,
            ..
        }) => {
            assert_eq!((r, w), (routine, what));
        }
        other => panic!("{routine}: expected OverlappingOutput, got {other:?}"),
    }
}

/// A length-3 mutable vector view with stride 0 over `cell[0]`.
///
/// ndarray 0.17 refuses (with debug assertions, as in the test profile) to
/// build a *mutable* view whose strides alias, so the view is built read-only
/// (`ArrayView1::from_shape_ptr` allows a zero stride) and then retyped.
///
/// # Safety
/// `cell` must outlive the view and not be accessed while it is used.
unsafe fn zero_stride_vec<'a, T>(cell: &mut Array1<T>) -> ArrayViewMut1<'a, T> {
    let p = cell.as_mut_ptr();
    // SAFETY: every index maps to the one element `p` points to.
    let v: ArrayView1<'a, T> =
        unsafe { ArrayView1::from_shape_ptr(Ix1(3).strides(Ix1(0)), p as *const T) };
    // SAFETY: the two view types differ only in a zero-sized marker, and the
    // memory came from a `&mut` borrow.
    unsafe { std::mem::transmute::<ArrayView1<'a, T>, ArrayViewMut1<'a, T>>(v) }
}

/// A 3 × 3 mutable matrix view with the given (aliasing) strides over `buf`.
///
/// # Safety
/// As [`zero_stride_vec`]; `buf` must hold every element the strides reach.
unsafe fn aliased_mat<'a, T>(buf: &mut Array1<T>, strides: (usize, usize)) -> ArrayViewMut2<'a, T> {
    let p = buf.as_mut_ptr();
    assert!(2 * strides.0 + 2 * strides.1 < buf.len());
    // SAFETY: in bounds by the assertion.
    let v: ArrayView2<'a, T> = unsafe {
        ArrayView2::from_shape_ptr(Ix2(3, 3).strides(Ix2(strides.0, strides.1)), p as *const T)
    };
    // SAFETY: as in `zero_stride_vec`.
    unsafe { std::mem::transmute::<ArrayView2<'a, T>, ArrayViewMut2<'a, T>>(v) }
}

fn overlapping_outputs_are_errors<T: Scalar>() {
    let mut rng = Rng::new(123);
    let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    let a0 = rng.matrix::<T>(3, 3);
    let x0 = rng.vector::<T>(3);
    let cell0 = rng.vector::<T>(1);

    // Vector outputs with a zero stride.
    for la in Lay::ALL {
        let a = Mat::new(&a0, la);
        for trans in TRANS {
            let mut cell = cell0.clone();
            // SAFETY: `cell` outlives the view, which only goes to `gemv` (expected to
            // refuse it unwritten, checked below).
            let r = gemv(trans, alpha, &a.view(), &x0, beta, &mut unsafe {
                zero_stride_vec(&mut cell)
            });
            assert_overlapping_output(r, "gemv", "y");
            assert_same1(&cell, &cell0, "gemv: y");
            // beta = 0 would overwrite y without reading it: still refused.
            // SAFETY: as just above: `gemv` must refuse the view.
            let r = gemv(trans, alpha, &a.view(), &x0, T::zero(), &mut unsafe {
                zero_stride_vec(&mut cell)
            });
            assert_overlapping_output(r, "gemv", "y");
            assert_same1(&cell, &cell0, "gemv beta 0: y");
        }
        let mut cell = cell0.clone();
        assert_overlapping_output(
            // SAFETY: `cell` outlives the view; `symv` must refuse it unwritten.
            symv(Uplo::Upper, alpha, &a.view(), &x0, beta, &mut unsafe {
                zero_stride_vec(&mut cell)
            }),
            "symv",
            "y",
        );
        assert_overlapping_output(
            // SAFETY: `cell` outlives the view; `hemv` must refuse it unwritten.
            hemv(Uplo::Lower, alpha, &a.view(), &x0, beta, &mut unsafe {
                zero_stride_vec(&mut cell)
            }),
            "hemv",
            "y",
        );
        for trans in TRANS {
            for diag in DIAG {
                // SAFETY: `cell` outlives `z`; `trmv` must refuse it unwritten.
                let z = &mut unsafe { zero_stride_vec(&mut cell) };
                assert_overlapping_output(
                    trmv(Uplo::Upper, trans, diag, &a.view(), z),
                    "trmv",
                    "x",
                );
                // SAFETY: `cell` outlives `z`; `trsv` must refuse it unwritten.
                let z = &mut unsafe { zero_stride_vec(&mut cell) };
                assert_overlapping_output(
                    trsv(Uplo::Lower, trans, diag, &a.view(), z),
                    "trsv",
                    "x",
                );
            }
        }
        assert_same1(&cell, &cell0, "symv/hemv/trmv/trsv: output");
    }

    // Matrix outputs whose elements alias: a zero row or column stride,
    // rows that overlap.
    let buf0 = rng.vector::<T>(8);
    for strides in [(0, 1), (1, 0), (0, 0), (1, 1), (2, 1), (1, 2)] {
        let mut buf = buf0.clone();
        // SAFETY: `buf` holds every element the strides reach (asserted in
        // `aliased_mat`) and outlives the view; `ger` must refuse it unwritten.
        let r = ger(alpha, &x0, &x0, &mut unsafe {
            aliased_mat(&mut buf, strides)
        });
        assert_overlapping_output(r, "ger", "a");
        // SAFETY: as for `ger` just above; `geru` must refuse the view.
        let r = geru(alpha, &x0, &x0, &mut unsafe {
            aliased_mat(&mut buf, strides)
        });
        assert_overlapping_output(r, "geru", "a");
        // SAFETY: as for `ger` just above; `gerc` must refuse the view.
        let r = gerc(alpha, &x0, &x0, &mut unsafe {
            aliased_mat(&mut buf, strides)
        });
        assert_overlapping_output(r, "gerc", "a");
        for uplo in UPLO {
            // SAFETY: as for `ger` just above; `syr` must refuse the view.
            let r = syr(uplo, alpha, &x0, &mut unsafe {
                aliased_mat(&mut buf, strides)
            });
            assert_overlapping_output(r, "syr", "a");
            // SAFETY: as for `ger` just above; `her` must refuse the view.
            let r = her(uplo, alpha.re(), &x0, &mut unsafe {
                aliased_mat(&mut buf, strides)
            });
            assert_overlapping_output(r, "her", "a");
        }
        assert_same1(&buf, &buf0, &format!("strides {strides:?}: matrix output"));
    }
}
all_dtypes!(overlapping_outputs_are_errors);

/// A vector output whose stride (2³¹) does not fit the BLAS integer is an
/// error, found before anything is read or written.
fn output_increment_too_large<T: Scalar>() {
    if lapis::backend().int_bits == 64 {
        // A 2³¹ increment is valid for an ILP64 BLAS (see blas_level1's
        // increment_too_large_with and tests/blas_int_width.rs).
        eprintln!("output_increment_too_large: not applicable to a 64-bit BLAS integer");
        return;
    }
    let mut rng = Rng::new(124);
    let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    let a0 = rng.matrix::<T>(2, 2);
    let x0 = rng.vector::<T>(2);
    let cell0 = rng.vector::<T>(1);
    let mut cell = cell0.clone();
    let p = cell.as_mut_ptr();
    // SAFETY: only the first element exists; every routine below must refuse
    // the view before touching the second (its offset is never dereferenced).
    let mut h = unsafe { ArrayViewMut1::from_shape_ptr(Ix1(2).strides(Ix1(1usize << 31)), p) };
    let too_large = |r: lapis::Result<()>, routine: &str| match r {
        Err(Error::DimensionTooLarge {
            routine: r,
            what: "increment",
            ..
        }) => assert_eq!(r, routine),
        other => panic!("{routine}: expected DimensionTooLarge, got {other:?}"),
    };
    for la in Lay::ALL {
        let a = Mat::new(&a0, la);
        for trans in TRANS {
            too_large(gemv(trans, alpha, &a.view(), &x0, beta, &mut h), "gemv");
            too_large(
                trmv(Uplo::Upper, trans, Diag::NonUnit, &a.view(), &mut h),
                "trmv",
            );
            too_large(
                trsv(Uplo::Lower, trans, Diag::Unit, &a.view(), &mut h),
                "trsv",
            );
        }
        too_large(
            symv(Uplo::Upper, alpha, &a.view(), &x0, beta, &mut h),
            "symv",
        );
        too_large(
            hemv(Uplo::Lower, alpha, &a.view(), &x0, beta, &mut h),
            "hemv",
        );
    }
    assert_same1(&cell, &cell0, "huge-stride output");
}
all_dtypes!(output_increment_too_large);

// ---------------------------------------------------------------------------
// Aliasing: an input that shares memory with the output acts as if it were
// copied before the output is written.

/// Views into one buffer `b` of length `n·n + 2n`: `A` is the n × n C-order
/// matrix at the start, followed by two free vectors of length n.
struct Shared<T> {
    b: Array1<T>,
    n: usize,
}

/// Where a vector lives in the shared buffer.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// Row `i` of A.
    Row(usize),
    /// Column `j` of A (stride n).
    Col(usize),
    /// Column `j` of A, reversed.
    ColRev(usize),
    /// The diagonal of A (stride n + 1).
    Diag,
    /// Free vector `k` (0 or 1) after A.
    Free(usize),
    /// Free vector `k`, reversed.
    FreeRev(usize),
}

impl<T: Scalar> Shared<T> {
    fn new(rng: &mut Rng, n: usize) -> Self {
        Shared {
            b: rng.vector::<T>(n * n + 2 * n),
            n,
        }
    }

    fn slice(&self, place: Place) -> ndarray::Slice {
        use ndarray::Slice;
        let n = self.n as isize;
        match place {
            Place::Row(i) => Slice::new(i as isize * n, Some((i as isize + 1) * n), 1),
            Place::Col(j) => Slice::new(j as isize, Some(n * n), n),
            // A negative step counts from the end of the range.
            Place::ColRev(j) => Slice::new(j as isize, Some(j as isize + n * (n - 1) + 1), -n),
            Place::Diag => Slice::new(0, Some(n * n), n + 1),
            Place::Free(k) => Slice::new(
                n * n + k as isize * n,
                Some(n * n + (k as isize + 1) * n),
                1,
            ),
            Place::FreeRev(k) => Slice::new(
                n * n + k as isize * n,
                Some(n * n + (k as isize + 1) * n),
                -1,
            ),
        }
    }

    fn a_values(&self) -> Array2<T> {
        let n = self.n;
        self.b
            .slice(s![..n * n])
            .to_owned()
            .into_shape_with_order((n, n))
            .unwrap()
    }

    fn values(&self, place: Place) -> Array1<T> {
        self.b.slice(s![self.slice(place)]).to_owned()
    }

    /// # Safety
    /// The returned views alias each other; the caller passes them to one
    /// routine, which must treat inputs as if copied first.
    unsafe fn a<'a>(&mut self) -> ArrayViewMut2<'a, T> {
        let n = self.n;
        // SAFETY: `b` holds `n·n + 2n` elements (`Shared::new`), so the `n × n`
        // view is in bounds; the callers drop it before `self`, and its aliasing
        // with the other views is theirs to handle (our contract).
        unsafe { ArrayViewMut2::from_shape_ptr((n, n), self.b.as_mut_ptr()) }
    }

    /// # Safety
    /// As [`Shared::a`].
    unsafe fn v<'a>(&mut self, place: Place) -> ArrayViewMut1<'a, T> {
        let len = self.b.len();
        let sl = self.slice(place);
        // SAFETY: the view is all of `b` (`len` elements), and `slice_move` keeps
        // a sub-range of it; the callers drop it before `self`, and its aliasing
        // is theirs to handle (our contract).
        unsafe { ArrayViewMut1::from_shape_ptr(len, self.b.as_mut_ptr()) }.slice_move(s![sl])
    }
}

const N_SHARED: usize = 4;

fn gemv_aliasing<T: Scalar>() {
    let mut rng = Rng::new(130);
    let n = N_SHARED;
    // (x, y): y overlapping A, x overlapping y, x overlapping A only.
    let cases = [
        (Place::Free(0), Place::Row(1)),
        (Place::Free(0), Place::Col(2)),
        (Place::Free(0), Place::ColRev(0)),
        (Place::Free(1), Place::Diag),
        (Place::Free(0), Place::Free(0)),
        (Place::FreeRev(0), Place::Free(0)),
        (Place::Row(0), Place::Free(1)),
        (Place::Col(3), Place::Row(3)),
        (Place::Diag, Place::Diag),
    ];
    for trans in TRANS {
        for (px, py) in cases {
            for beta_zero in [false, true] {
                let mut sh = Shared::<T>::new(&mut rng, n);
                let (alpha, beta) = (
                    rng.scalar::<T>(),
                    if beta_zero {
                        T::zero()
                    } else {
                        rng.scalar::<T>()
                    },
                );
                let (a0, x0, y0) = (sh.a_values(), sh.values(px), sh.values(py));
                // SAFETY: the three views lie in `sh.b`, which outlives them; they alias on
                // purpose and go to one `gemv` call, which copies overlapping inputs first.
                let r = unsafe {
                    let (a, x, mut y) = (sh.a(), sh.v(px), sh.v(py));
                    gemv(trans, alpha, &a.view(), &x.view(), beta, &mut y)
                };
                r.unwrap();
                let what = format!("gemv {trans:?} x {px:?} y {py:?} beta0 {beta_zero}");
                assert_close1(
                    &sh.values(py),
                    &ref_gemv(trans, alpha, &a0, &x0, beta, &y0),
                    n + 2,
                    &what,
                );
            }
        }
    }
}
all_dtypes!(gemv_aliasing);

fn symv_hemv_aliasing<T: Scalar>() {
    let mut rng = Rng::new(131);
    let n = N_SHARED;
    let cases = [
        (Place::Free(0), Place::Row(1)),
        (Place::Free(0), Place::Col(3)),
        (Place::Free(0), Place::Diag),
        (Place::Free(0), Place::FreeRev(0)),
        (Place::Row(2), Place::Free(0)),
        (Place::Col(0), Place::Col(0)),
    ];
    for herm in [false, true] {
        for uplo in UPLO {
            for (px, py) in cases {
                let mut sh = Shared::<T>::new(&mut rng, n);
                let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
                let (a0, x0, y0) = (sh.a_values(), sh.values(px), sh.values(py));
                // SAFETY: as in `gemv_aliasing`: views of `sh.b` passed to one call, which
                // copies overlapping inputs first.
                let r = unsafe {
                    let (a, x, mut y) = (sh.a(), sh.v(px), sh.v(py));
                    if herm {
                        hemv(uplo, alpha, &a.view(), &x.view(), beta, &mut y)
                    } else {
                        symv(uplo, alpha, &a.view(), &x.view(), beta, &mut y)
                    }
                };
                r.unwrap();
                let what = format!("herm {herm} {uplo:?} x {px:?} y {py:?}");
                assert_close1(
                    &sh.values(py),
                    &ref_symv(uplo, herm, alpha, &a0, &x0, beta, &y0),
                    n + 2,
                    &what,
                );
            }
        }
    }
}
all_dtypes!(symv_hemv_aliasing);

fn trmv_trsv_aliasing<T: Scalar>() {
    let mut rng = Rng::new(132);
    let n = N_SHARED;
    for solve in [false, true] {
        for uplo in UPLO {
            for trans in TRANS {
                for diag in DIAG {
                    for px in [
                        Place::Row(0),
                        Place::Row(3),
                        Place::Col(1),
                        Place::ColRev(2),
                        Place::Diag,
                    ] {
                        let mut sh = Shared::<T>::new(&mut rng, n);
                        // A well-conditioned triangle in place.
                        for i in 0..n {
                            sh.b[i * n + i] += T::from_f64(4.0);
                        }
                        let (a0, x0) = (sh.a_values(), sh.values(px));
                        // SAFETY: as in `gemv_aliasing`: views of `sh.b` passed to one call, which
                        // copies overlapping inputs first.
                        let r = unsafe {
                            let (a, mut x) = (sh.a(), sh.v(px));
                            if solve {
                                trsv(uplo, trans, diag, &a.view(), &mut x)
                            } else {
                                trmv(uplo, trans, diag, &a.view(), &mut x)
                            }
                        };
                        r.unwrap();
                        let what = format!("solve {solve} {uplo:?} {trans:?} {diag:?} x {px:?}");
                        let want = if solve {
                            ref_trsv(uplo, trans, diag, &a0, &x0)
                        } else {
                            ref_trmv(uplo, trans, diag, &a0, &x0)
                        };
                        assert_close1(&sh.values(px), &want, 2 * n, &what);
                    }
                }
            }
        }
    }
}
all_dtypes!(trmv_trsv_aliasing);

fn ger_syr_aliasing<T: Scalar>() {
    let mut rng = Rng::new(133);
    let n = N_SHARED;
    let cases = [
        (Place::Row(0), Place::Col(0)),
        (Place::Diag, Place::Diag),
        (Place::ColRev(3), Place::Free(0)),
        (Place::Free(0), Place::Row(2)),
    ];
    for which in [Ger::Plain, Ger::Geru, Ger::Gerc] {
        for (px, py) in cases {
            let mut sh = Shared::<T>::new(&mut rng, n);
            let alpha = rng.scalar::<T>();
            let (a0, x0, y0) = (sh.a_values(), sh.values(px), sh.values(py));
            // SAFETY: as in `gemv_aliasing`: views of `sh.b` passed to one call, which
            // copies overlapping inputs first.
            let r = unsafe {
                let (mut a, x, y) = (sh.a(), sh.v(px), sh.v(py));
                match which {
                    Ger::Plain => ger(alpha, &x.view(), &y.view(), &mut a),
                    Ger::Geru => geru(alpha, &x.view(), &y.view(), &mut a),
                    Ger::Gerc => gerc(alpha, &x.view(), &y.view(), &mut a),
                }
            };
            r.unwrap();
            let what = format!("{which:?} x {px:?} y {py:?}");
            assert_close2(
                &sh.a_values(),
                &ref_ger(alpha, &x0, &y0, &a0, which == Ger::Gerc),
                2,
                &what,
            );
        }
    }
    for herm in [false, true] {
        for uplo in UPLO {
            for px in [Place::Row(0), Place::Col(2), Place::Diag, Place::ColRev(1)] {
                let mut sh = Shared::<T>::new(&mut rng, n);
                let alpha = if herm {
                    T::from_real(rng.scalar::<T>().re())
                } else {
                    rng.scalar::<T>()
                };
                let (a0, x0) = (sh.a_values(), sh.values(px));
                // SAFETY: as in `gemv_aliasing`: views of `sh.b` passed to one call, which
                // copies overlapping inputs first.
                let r = unsafe {
                    let (mut a, x) = (sh.a(), sh.v(px));
                    if herm {
                        her(uplo, alpha.re(), &x.view(), &mut a)
                    } else {
                        syr(uplo, alpha, &x.view(), &mut a)
                    }
                };
                r.unwrap();
                let what = format!("herm {herm} {uplo:?} x {px:?}");
                let want = ref_syr(uplo, herm, alpha, &x0, &a0);
                assert_close2(&sh.a_values(), &want, 2, &what);
            }
        }
    }
}
all_dtypes!(ger_syr_aliasing);

/// A zero-stride (broadcast) input vector or matrix is copied, then used.
fn broadcast_inputs<T: Scalar>() {
    let mut rng = Rng::new(134);
    let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
    let v = rng.vector::<T>(1);
    let xb = v.broadcast(3).unwrap();
    let row = rng.vector::<T>(3);
    let ab = row.broadcast((3, 3)).unwrap();
    let (x0, a0) = (xb.to_owned(), ab.to_owned());
    let y0 = rng.vector::<T>(3);
    for trans in TRANS {
        let mut y = y0.clone();
        let (r, c) = counting(|| gemv(trans, alpha, &ab, &xb, beta, &mut y));
        r.unwrap();
        assert_close1(
            &y,
            &ref_gemv(trans, alpha, &a0, &x0, beta, &y0),
            5,
            &format!("gemv broadcast {trans:?}"),
        );
        assert_eq!(c, 2, "gemv broadcast: copies");
    }
    let mut a = rng.matrix::<T>(3, 3);
    let a_before = a.clone();
    geru(alpha, &xb, &row, &mut a).unwrap();
    assert_close2(
        &a,
        &ref_ger(alpha, &x0, &row, &a_before, false),
        2,
        "geru broadcast",
    );
}
all_dtypes!(broadcast_inputs);

/// The case of a CI failure seen once (issue 21): f32 symv, Lower, n = 6,
/// A NegRows, x NegStep3, y Step2, BetaOne, proptest seed
/// 5416852786448887861 ("element 4: got NaN"). Replays it — for every
/// `m` and `trans` the proptest could have drawn before it, since they
/// shift the random stream — `LAPIS_FLAKE_RUNS` times (default 10⁴) at 1
/// and at 2 BLAS threads: `cargo test --test blas_level2 -- --ignored
/// symv_flake`.
#[test]
#[ignore = "a long replay; run on demand"]
fn symv_flake_replay() {
    let runs: usize = std::env::var("LAPIS_FLAKE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let sc = SCALARS
        .iter()
        .position(|s| matches!(s, Scalars::BetaOne))
        .unwrap();
    let lower = UPLO.iter().position(|u| *u == Uplo::Lower).unwrap();
    for threads in [1, 2] {
        lapis::backend::set_num_threads(threads).unwrap();
        for _ in 0..runs {
            for m in 0..=7 {
                for t in 0..3 {
                    check_all::<f32>(
                        5416852786448887861,
                        m,
                        6,
                        Lay::NegRows,
                        VLay::NegStep3,
                        VLay::Step2,
                        t,
                        lower,
                        0,
                        sc,
                    );
                }
            }
        }
    }
}
