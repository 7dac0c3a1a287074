mod common;
use common::*;

// Integration tests of the BLAS level-3 routines (`gemm`, `symm`, `hemm`,
// `syrk`, `herk`, `syr2k`, `her2k`, `trmm`, `trsm`) on all four element
// types, against naive pure-Rust references:
//
// * every matrix argument (inputs and output) over every layout of
//   [`Lay::ALL`], with a full cross product at a fixed moderate size;
// * deterministic sweeps over small shapes (0 and 1 included) and every
//   flag, and proptest over dims in `0..=6` with random layouts and flags;
// * the unreferenced triangle of symmetric/Hermitian/triangular inputs
//   filled with garbage (NaN or 1e30); rank-k updates leave the other
//   triangle of `C` untouched and zero the Hermitian diagonal's imaginary
//   part; `hemm` ignores the imaginary part of `A`'s diagonal;
// * the number of temporaries (`copies_made`) when every operand has a
//   BLAS-native layout, against the documented dispatch rules;
// * `beta = 0` ignoring NaN in the output; the padding of sliced and
//   stepped outputs never written;
// * errors (never panics) that leave the output untouched, and inputs that
//   overlap the output behaving as if copied first.

use lapis::blas::{
    Diag, Side, Transpose, Uplo, gemm, hemm, her2k, herk, symm, syr2k, syrk, trmm, trsm,
};
use lapis::error::Shape;
use lapis::layout::{Order, copies_made};
use lapis::{Complex32, Complex64, Error, RealScalar, Scalar};
use ndarray::{Array2, ArrayRef2, ArrayView2, ArrayViewMut2, ShapeBuilder, s};
use proptest::prelude::*;
// proptest's prelude exports its own `Rng`.
use common::Rng;

use Transpose::{ConjTrans, NoTrans, Trans};

const TRANS: [Transpose; 3] = [NoTrans, Trans, ConjTrans];
const UPLOS: [Uplo; 2] = [Uplo::Upper, Uplo::Lower];
const SIDES: [Side; 2] = [Side::Left, Side::Right];
const DIAGS: [Diag; 2] = [Diag::NonUnit, Diag::Unit];

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/// How a scalar coefficient (`alpha`, `beta`) is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Coef {
    Zero,
    One,
    Rand,
}

const COEFS: [Coef; 3] = [Coef::Zero, Coef::One, Coef::Rand];

fn coef<T: Scalar>(c: Coef, rng: &mut Rng) -> T {
    match c {
        Coef::Zero => T::zero(),
        Coef::One => T::one(),
        Coef::Rand => rng.scalar::<T>() * T::from_f64(1.5),
    }
}

/// A real coefficient (for `herk`'s alpha and beta, `her2k`'s beta) as `T`.
fn coef_real<T: Scalar>(c: Coef, rng: &mut Rng) -> T {
    match c {
        Coef::Zero => T::zero(),
        Coef::One => T::one(),
        Coef::Rand => T::from_f64(1.5 * rng.uniform()),
    }
}

fn nan<T: Scalar>() -> T {
    T::from_f64(f64::NAN)
}

fn poison<T: Scalar>() -> T {
    T::from_f64(1e30)
}

/// Garbage for an unreferenced element: NaN or 1e30 (both show if read).
fn garbage<T: Scalar>(seed: u64) -> T {
    if seed.is_multiple_of(2) {
        nan()
    } else {
        poison()
    }
}

fn garbage_real<T: Scalar>(seed: u64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(if seed.is_multiple_of(2) {
        f64::NAN
    } else {
        1e30
    })
}

/// Equal, or both NaN (for values that must be left exactly as they were).
fn same<T: Scalar>(a: T, b: T) -> bool {
    #[allow(clippy::eq_op)]
    let both_nan = a != a && b != b;
    a == b || both_nan
}

fn scaled<T: Scalar>(a: &ArrayRef2<T>, alpha: T) -> Array2<T> {
    a.mapv(|v| alpha * v)
}

/// `alpha·p + beta·c0`, where `beta = 0` does not read `c0` (BLAS's rule).
fn axpby<T: Scalar>(alpha: T, p: &ArrayRef2<T>, beta: T, c0: &ArrayRef2<T>) -> Array2<T> {
    Array2::from_shape_fn(p.dim(), |ij| {
        let v = alpha * p[ij];
        if beta == T::zero() {
            v
        } else {
            v + beta * c0[ij]
        }
    })
}

/// An output's initial values: all NaN when `beta = 0` (must not propagate).
fn initial_c<T: Scalar>(rng: &mut Rng, m: usize, n: usize, beta: T) -> Array2<T> {
    if beta == T::zero() {
        Array2::from_elem((m, n), nan())
    } else {
        rng.matrix(m, n)
    }
}

fn in_tri(uplo: Uplo, i: usize, j: usize) -> bool {
    match uplo {
        Uplo::Upper => j >= i,
        Uplo::Lower => j <= i,
    }
}

/// The full symmetric (or Hermitian) matrix that BLAS sees in the `uplo`
/// triangle of `a`; Hermitian takes the diagonal's real part only.
fn sym_full<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo, herm: bool) -> Array2<T> {
    let n = a.nrows();
    Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            if herm {
                T::from_real(a[[i, i]].re())
            } else {
                a[[i, i]]
            }
        } else if in_tri(uplo, i, j) {
            a[[i, j]]
        } else if herm {
            a[[j, i]].conj()
        } else {
            a[[j, i]]
        }
    })
}

/// The triangular matrix that BLAS sees in `a` (`Unit`: ones on the diagonal).
fn tri_full<T: Scalar>(a: &ArrayRef2<T>, uplo: Uplo, diag: Diag) -> Array2<T> {
    let n = a.nrows();
    Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            if diag == Diag::Unit {
                T::one()
            } else {
                a[[i, i]]
            }
        } else if in_tri(uplo, i, j) {
            a[[i, j]]
        } else {
            T::zero()
        }
    })
}

/// Fills the strict other triangle of `a` (and the diagonal if `diag_too`)
/// with garbage.
fn garble<T: Scalar>(a: &mut Array2<T>, uplo: Uplo, diag_too: bool, seed: u64) {
    let g = garbage::<T>(seed);
    for ((i, j), v) in a.indexed_iter_mut() {
        if !in_tri(uplo, i, j) || (diag_too && i == j) {
            *v = g;
        }
    }
}

/// A well-conditioned triangular-ready matrix: diagonal of modulus ≥ 2,
/// off-diagonal elements of modulus ≤ √2/n.
fn well_conditioned<T: Scalar>(rng: &mut Rng, n: usize) -> Array2<T> {
    let s = T::from_f64(1.0 / n.max(1) as f64);
    Array2::from_shape_fn((n, n), |(i, j)| {
        if i == j {
            T::from_f64(2.0 + rng.uniform().abs()) + rng.scalar::<T>() * T::from_f64(0.5)
        } else {
            rng.scalar::<T>() * s
        }
    })
}

fn dtype<T: Scalar>() -> &'static str {
    std::any::type_name::<T>()
}

/// `op` may be read transposed by flipping it (all but complex `ConjTrans`).
fn flippable<T: Scalar>(t: Transpose) -> bool {
    !(T::IS_COMPLEX && t == ConjTrans)
}

// ---------------------------------------------------------------------------
// Layout oracles (independent of lapis::layout)
// ---------------------------------------------------------------------------

/// Whether BLAS can read `v` in `order` as it is: unit stride along the
/// inner axis (or extent ≤ 1) and an outer stride ≥ the inner extent.
fn readable<T>(v: &ArrayRef2<T>, order: Order) -> bool {
    let (r, c) = v.dim();
    let st = v.strides();
    let (outer, inner, so, si) = match order {
        Order::Row => (r, c, st[0], st[1]),
        Order::Col => (c, r, st[1], st[0]),
    };
    if outer == 0 || inner == 0 {
        return true;
    }
    (inner == 1 || si == 1) && (outer == 1 || so >= inner.max(1) as isize)
}

/// 1 if `v` needs a copy to be read in `order` (directly, or transposed when
/// `may_flip`), else 0.
fn input_cost<T>(v: &ArrayRef2<T>, order: Order, may_flip: bool) -> usize {
    usize::from(!(readable(v, order) || (may_flip && readable(v, order.flip()))))
}

/// The fewest copies over the orders the output can be written in.
fn min_over_out<T>(c: &ArrayRef2<T>, cost: impl Fn(Order) -> usize) -> usize {
    [Order::Col, Order::Row]
        .into_iter()
        .filter(|&o| readable(c, o))
        .map(cost)
        .min()
        .expect("a BLAS-native output has a writable order")
}

/// Every position of the backing store that held the padding poison before
/// the call still holds it.
#[track_caller]
fn assert_padding<T: Scalar>(before: &Array2<T>, after: &Mat<T>, what: &str) {
    let p = poison::<T>();
    for (idx, b) in before.indexed_iter() {
        if *b == p {
            assert!(
                after.backing()[idx] == p,
                "{what}: padding at {idx:?} was written"
            );
        }
    }
}

/// The whole backing store is exactly as it was (for error cases).
#[track_caller]
fn assert_unchanged<T: Scalar>(before: &Array2<T>, after: &Array2<T>, what: &str) {
    assert_eq!(before.dim(), after.dim());
    for (idx, b) in before.indexed_iter() {
        assert!(
            same(*b, after[idx]),
            "{what}: element {idx:?} changed: {} -> {}",
            b,
            after[idx]
        );
    }
}

macro_rules! each_dtype {
    ($f:ident, $case:expr) => {{
        $f::<f32>($case);
        $f::<f64>($case);
        $f::<Complex32>($case);
        $f::<Complex64>($case);
    }};
}

fn lay_strategy() -> impl Strategy<Value = Lay> {
    prop::sample::select(Lay::ALL.to_vec())
}
fn trans_strategy() -> impl Strategy<Value = Transpose> {
    prop::sample::select(TRANS.to_vec())
}
fn uplo_strategy() -> impl Strategy<Value = Uplo> {
    prop::sample::select(UPLOS.to_vec())
}
fn side_strategy() -> impl Strategy<Value = Side> {
    prop::sample::select(SIDES.to_vec())
}
fn diag_strategy() -> impl Strategy<Value = Diag> {
    prop::sample::select(DIAGS.to_vec())
}
fn coef_strategy() -> impl Strategy<Value = Coef> {
    prop::sample::select(COEFS.to_vec())
}

/// A layout picked by rotation, to spread layouts over deterministic sweeps.
fn rot(i: usize) -> Lay {
    Lay::ALL[i % Lay::ALL.len()]
}

// ---------------------------------------------------------------------------
// gemm
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct GemmCase {
    m: usize,
    n: usize,
    k: usize,
    ta: Transpose,
    tb: Transpose,
    la: Lay,
    lb: Lay,
    lc: Lay,
    alpha: Coef,
    beta: Coef,
    seed: u64,
}

fn run_gemm<T: Scalar>(case: &GemmCase) {
    let &GemmCase {
        m,
        n,
        k,
        ta,
        tb,
        la,
        lb,
        lc,
        ..
    } = case;
    let what = format!("gemm {} {case:?}", dtype::<T>());
    let mut rng = Rng::new(case.seed);
    let a0 = if ta == NoTrans {
        rng.matrix::<T>(m, k)
    } else {
        rng.matrix::<T>(k, m)
    };
    let b0 = if tb == NoTrans {
        rng.matrix::<T>(k, n)
    } else {
        rng.matrix::<T>(n, k)
    };
    let alpha = coef::<T>(case.alpha, &mut rng);
    let beta = coef::<T>(case.beta, &mut rng);
    let c0 = initial_c(&mut rng, m, n, beta);
    let a = Mat::new(&a0, la);
    let b = Mat::new(&b0, lb);
    let mut c = Mat::new(&c0, lc);
    let backing = c.backing().clone();

    let before = copies_made();
    gemm(ta, tb, alpha, &a.view(), &b.view(), beta, &mut c.view_mut())
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let copies = copies_made() - before;

    let want = axpby(alpha, &matmul(&op(&a0, ta), &op(&b0, tb)), beta, &c0);
    assert_close2(&c.view(), &want, k + 1, &what);
    assert_padding(&backing, &c, &what);

    if la.blas_native() && lb.blas_native() && lc.blas_native() {
        let expected = if m == 0 || n == 0 || k == 0 {
            0
        } else {
            min_over_out(&c.view(), |o| {
                input_cost(&a.view(), o, flippable::<T>(ta))
                    + input_cost(&b.view(), o, flippable::<T>(tb))
            })
        };
        assert_eq!(copies, expected, "{what}: copies");
        if !T::IS_COMPLEX || (ta != ConjTrans && tb != ConjTrans) {
            assert_eq!(copies, 0, "{what}: native layouts must not be copied");
        }
    }
}

/// Every layout of A, B and C, every op pair, at a moderate size; beta
/// cycles over 0 (NaN in C), 1 and random.
fn gemm_all_layouts<T: Scalar>() {
    let mut i = 0u64;
    for ta in TRANS {
        for tb in TRANS {
            for la in Lay::ALL {
                for lb in Lay::ALL {
                    for lc in Lay::ALL {
                        i += 1;
                        let beta = COEFS[(i % 3) as usize];
                        let case = GemmCase {
                            m: 5,
                            n: 4,
                            k: 3,
                            ta,
                            tb,
                            la,
                            lb,
                            lc,
                            alpha: Coef::Rand,
                            beta,
                            seed: i,
                        };
                        run_gemm::<T>(&case);
                    }
                }
            }
        }
    }
}
all_dtypes!(gemm_all_layouts);

/// Every (m, n, k) in 0..=3 with every op pair and every output layout;
/// input layouts rotate.
fn gemm_small_shapes<T: Scalar>() {
    let mut i = 0usize;
    for m in 0..=3 {
        for n in 0..=3 {
            for k in 0..=3 {
                for ta in TRANS {
                    for tb in TRANS {
                        for lc in Lay::ALL {
                            i += 1;
                            let case = GemmCase {
                                m,
                                n,
                                k,
                                ta,
                                tb,
                                la: rot(i),
                                lb: rot(3 * i + 1),
                                lc,
                                alpha: COEFS[(i / 7) % 3],
                                beta: COEFS[i % 3],
                                seed: i as u64,
                            };
                            run_gemm::<T>(&case);
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(gemm_small_shapes);

/// k = 0: C := beta·C (NaN in C ignored for beta = 0); m or n = 0: no-op.
fn gemm_degenerate<T: Scalar>() {
    let mut rng = Rng::new(7);
    for lc in Lay::ALL {
        let c0 = rng.matrix::<T>(3, 4);
        let beta = rng.scalar::<T>();
        let a = Array2::<T>::zeros((3, 0));
        let b = Array2::<T>::zeros((0, 4));
        let mut c = Mat::new(&c0, lc);
        gemm(NoTrans, NoTrans, T::one(), &a, &b, beta, &mut c.view_mut()).unwrap();
        assert_close2(&c.view(), &scaled(&c0, beta), 1, &format!("k = 0, {lc:?}"));

        let mut c = Mat::new(&Array2::from_elem((3, 4), nan::<T>()), lc);
        gemm(
            NoTrans,
            NoTrans,
            T::one(),
            &a,
            &b,
            T::zero(),
            &mut c.view_mut(),
        )
        .unwrap();
        assert!(
            c.view().iter().all(|&v| v == T::zero()),
            "k = 0, beta = 0 over NaN, {lc:?}"
        );

        // m = 0 and n = 0 with k > 0: nothing to do, nothing read.
        let mut e = Array2::<T>::zeros((0, 4));
        gemm(
            NoTrans,
            NoTrans,
            T::one(),
            &rng.matrix::<T>(0, 2),
            &rng.matrix::<T>(2, 4),
            T::one(),
            &mut e,
        )
        .unwrap();
        let mut e = Array2::<T>::zeros((3, 0));
        gemm(
            Trans,
            Trans,
            T::one(),
            &rng.matrix::<T>(2, 3),
            &rng.matrix::<T>(0, 2),
            T::one(),
            &mut e,
        )
        .unwrap();
    }
}
all_dtypes!(gemm_degenerate);

/// Zero-stride (broadcast) inputs are read correctly (through a copy).
fn gemm_broadcast_inputs<T: Scalar>() {
    let mut rng = Rng::new(8);
    let row = rng.vector::<T>(3);
    let a = row.broadcast((4, 3)).unwrap();
    let col = rng.vector::<T>(3);
    let b = col.view().insert_axis(ndarray::Axis(1));
    let b = b.broadcast((3, 2)).unwrap();
    for lc in Lay::ALL {
        let c0 = rng.matrix::<T>(4, 2);
        let mut c = Mat::new(&c0, lc);
        gemm(
            NoTrans,
            NoTrans,
            T::one(),
            &a,
            &b,
            T::one(),
            &mut c.view_mut(),
        )
        .unwrap();
        let want = matmul(&a.to_owned(), &b.to_owned()) + &c0;
        assert_close2(&c.view(), &want, 4, &format!("broadcast inputs, {lc:?}"));
    }
}
all_dtypes!(gemm_broadcast_inputs);

// ---------------------------------------------------------------------------
// symm / hemm
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct SymmCase {
    herm: bool,
    m: usize,
    n: usize,
    side: Side,
    uplo: Uplo,
    la: Lay,
    lb: Lay,
    lc: Lay,
    alpha: Coef,
    beta: Coef,
    seed: u64,
}

fn run_symm<T: Scalar>(case: &SymmCase) {
    let &SymmCase {
        herm,
        m,
        n,
        side,
        uplo,
        la,
        lb,
        lc,
        seed,
        ..
    } = case;
    let what = format!(
        "{} {} {case:?}",
        if herm { "hemm" } else { "symm" },
        dtype::<T>()
    );
    let mut rng = Rng::new(seed);
    let na = if side == Side::Left { m } else { n };
    let mut a0 = rng.matrix::<T>(na, na);
    garble(&mut a0, uplo, false, seed);
    if herm && T::IS_COMPLEX {
        // hemm takes the diagonal as real: garbage in its imaginary part.
        for i in 0..na {
            a0[[i, i]] = T::from_parts(a0[[i, i]].re(), garbage_real::<T>(seed));
        }
    }
    let b0 = rng.matrix::<T>(m, n);
    let alpha = coef::<T>(case.alpha, &mut rng);
    let beta = coef::<T>(case.beta, &mut rng);
    let c0 = initial_c(&mut rng, m, n, beta);
    let a = Mat::new(&a0, la);
    let b = Mat::new(&b0, lb);
    let mut c = Mat::new(&c0, lc);
    let backing = c.backing().clone();

    let before = copies_made();
    let f = if herm { hemm::<T> } else { symm::<T> };
    f(
        side,
        uplo,
        alpha,
        &a.view(),
        &b.view(),
        beta,
        &mut c.view_mut(),
    )
    .unwrap_or_else(|e| panic!("{what}: {e}"));
    let copies = copies_made() - before;

    let full = sym_full(&a0, uplo, herm);
    let prod = if side == Side::Left {
        matmul(&full, &b0)
    } else {
        matmul(&b0, &full)
    };
    let want = axpby(alpha, &prod, beta, &c0);
    assert_close2(&c.view(), &want, na + 1, &what);
    assert_padding(&backing, &c, &what);

    if la.blas_native() && lb.blas_native() && lc.blas_native() {
        // A may be read transposed (other triangle) unless complex Hermitian;
        // B has no op to flip, so it is copied when not in C's order.
        let a_flips = !(herm && T::IS_COMPLEX);
        let expected = if m == 0 || n == 0 {
            0
        } else {
            min_over_out(&c.view(), |o| {
                input_cost(&a.view(), o, a_flips) + input_cost(&b.view(), o, false)
            })
        };
        assert_eq!(copies, expected, "{what}: copies");
    }
}

fn symm_all_layouts<T: Scalar>() {
    let mut i = 0u64;
    for herm in [false, true] {
        for side in SIDES {
            for uplo in UPLOS {
                for la in Lay::ALL {
                    for lb in Lay::ALL {
                        for lc in Lay::ALL {
                            i += 1;
                            let beta = COEFS[(i % 3) as usize];
                            let (m, n) = (4, 3);
                            let case = SymmCase {
                                herm,
                                m,
                                n,
                                side,
                                uplo,
                                la,
                                lb,
                                lc,
                                alpha: Coef::Rand,
                                beta,
                                seed: i,
                            };
                            run_symm::<T>(&case);
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(symm_all_layouts);

fn symm_small_shapes<T: Scalar>() {
    let mut i = 0usize;
    for herm in [false, true] {
        for m in 0..=3 {
            for n in 0..=3 {
                for side in SIDES {
                    for uplo in UPLOS {
                        for lc in Lay::ALL {
                            i += 1;
                            let case = SymmCase {
                                herm,
                                m,
                                n,
                                side,
                                uplo,
                                la: rot(i),
                                lb: rot(3 * i + 2),
                                lc,
                                alpha: COEFS[(i / 7) % 3],
                                beta: COEFS[i % 3],
                                seed: i as u64,
                            };
                            run_symm::<T>(&case);
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(symm_small_shapes);

// ---------------------------------------------------------------------------
// syrk / herk / syr2k / her2k
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct RkCase {
    herm: bool,
    two: bool,
    n: usize,
    k: usize,
    uplo: Uplo,
    trans: Transpose,
    la: Lay,
    lb: Lay,
    lc: Lay,
    alpha: Coef,
    beta: Coef,
    seed: u64,
}

impl RkCase {
    fn name(&self) -> &'static str {
        match (self.two, self.herm) {
            (false, false) => "syrk",
            (false, true) => "herk",
            (true, false) => "syr2k",
            (true, true) => "her2k",
        }
    }
}

/// Whether `trans` is accepted: complex syrk/syr2k reject ConjTrans, complex
/// herk/her2k reject Trans; real types take all three.
fn trans_ok<T: Scalar>(herm: bool, trans: Transpose) -> bool {
    !T::IS_COMPLEX || trans != if herm { Trans } else { ConjTrans }
}

/// Checks a rank-k update: the `uplo` triangle against `full` (the Hermitian
/// diagonal real, exactly), the other triangle exactly as in `c0`.
#[allow(clippy::too_many_arguments)]
#[track_caller]
fn assert_rank_update<T: Scalar>(
    got: &ArrayRef2<T>,
    full: &ArrayRef2<T>,
    c0: &ArrayRef2<T>,
    uplo: Uplo,
    herm: bool,
    len: usize,
    what: &str,
) {
    let n = got.nrows();
    let herm_c = herm && T::IS_COMPLEX;
    let tri = |src: &ArrayRef2<T>, realdiag: bool| {
        Array2::from_shape_fn((n, n), |(i, j)| {
            if !in_tri(uplo, i, j) {
                T::zero()
            } else if realdiag && i == j {
                T::from_real(src[[i, i]].re())
            } else {
                src[[i, j]]
            }
        })
    };
    assert_close2(&tri(got, false), &tri(full, herm_c), len, what);
    for i in 0..n {
        for j in 0..n {
            if !in_tri(uplo, i, j) {
                assert!(
                    same(got[[i, j]], c0[[i, j]]),
                    "{what}: ({i}, {j}) outside the {uplo:?} triangle changed: {} -> {}",
                    c0[[i, j]],
                    got[[i, j]]
                );
            }
        }
        if herm_c {
            assert!(
                got[[i, i]].im() == T::zero().re(),
                "{what}: diagonal ({i}, {i}) not real: {}",
                got[[i, i]]
            );
        }
    }
}

fn run_rk<T: Scalar>(case: &RkCase) {
    let &RkCase {
        herm,
        two,
        n,
        k,
        uplo,
        trans,
        la,
        lb,
        lc,
        seed,
        ..
    } = case;
    let what = format!("{} {} {case:?}", case.name(), dtype::<T>());
    let mut rng = Rng::new(seed);
    let (ar, ac) = if trans == NoTrans { (n, k) } else { (k, n) };
    let a0 = rng.matrix::<T>(ar, ac);
    let b0 = rng.matrix::<T>(ar, ac);
    // herk: real alpha and beta; her2k: real beta.
    let alpha = if herm && !two {
        coef_real::<T>(case.alpha, &mut rng)
    } else {
        coef::<T>(case.alpha, &mut rng)
    };
    let beta = if herm {
        coef_real::<T>(case.beta, &mut rng)
    } else {
        coef::<T>(case.beta, &mut rng)
    };
    let mut c0 = initial_c(&mut rng, n, n, beta);
    if beta == T::zero() {
        // The other triangle keeps its values; make them finite but distinct.
        for ((i, j), v) in c0.indexed_iter_mut() {
            if !in_tri(uplo, i, j) {
                *v = T::from_f64((i * 10 + j) as f64);
            }
        }
    }
    let a = Mat::new(&a0, la);
    let b = Mat::new(&b0, lb);
    let mut c = Mat::new(&c0, lc);
    let backing = c.backing().clone();

    let before = copies_made();
    let result = {
        let (av, bv, mut cv) = (a.view(), b.view(), c.view_mut());
        match (two, herm) {
            (false, false) => syrk(uplo, trans, alpha, &av, beta, &mut cv),
            (false, true) => herk(uplo, trans, alpha.re(), &av, beta.re(), &mut cv),
            (true, false) => syr2k(uplo, trans, alpha, &av, &bv, beta, &mut cv),
            (true, true) => her2k(uplo, trans, alpha, &av, &bv, beta.re(), &mut cv),
        }
    };
    let copies = copies_made() - before;

    if !trans_ok::<T>(herm, trans) {
        match result {
            Err(Error::InvalidArgument { what: "trans", .. }) => {}
            other => panic!("{what}: expected InvalidArgument, got {other:?}"),
        }
        assert_unchanged(&backing, c.backing(), &what);
        assert_eq!(copies, 0, "{what}: copies on error");
        return;
    }
    result.unwrap_or_else(|e| panic!("{what}: {e}"));

    let second = if herm { ConjTrans } else { Trans };
    let opa = op(&a0, trans);
    let prod = if two {
        let opb = op(&b0, trans);
        // alpha·op(A)·op(B)ᵀ + alpha·op(B)·op(A)ᵀ, or with ᴴ and conj(alpha).
        let alpha2 = if herm { alpha.conj() } else { alpha };
        scaled(&matmul(&opa, &op(&opb, second)), alpha)
            + scaled(&matmul(&opb, &op(&opa, second)), alpha2)
    } else {
        scaled(&matmul(&opa, &op(&opa, second)), alpha)
    };
    let full = axpby(T::one(), &prod, beta, &c0);
    assert_rank_update(&c.view(), &full, &c0, uplo, herm, 2 * k + 1, &what);
    assert_padding(&backing, &c, &what);

    let native = la.blas_native() && lc.blas_native() && (!two || lb.blas_native());
    if native {
        // A (and B) may be read transposed unless complex Hermitian; syr2k's
        // A and B share one op, so they must be read in the same order.
        let may_flip = !(herm && T::IS_COMPLEX);
        let (av, bv) = (a.view(), b.view());
        // k = 0 or alpha = 0: C := beta·C on the triangle, no BLAS call.
        let expected = if n == 0 || k == 0 || alpha == T::zero() {
            0
        } else if two {
            min_over_out(&c.view(), |o| {
                let (ra, rb) = (readable(&av, o), readable(&bv, o));
                let (fa, fb) = (readable(&av, o.flip()), readable(&bv, o.flip()));
                if (ra && rb) || (may_flip && fa && fb) {
                    0
                } else {
                    usize::from(!ra) + usize::from(!rb)
                }
            })
        } else {
            min_over_out(&c.view(), |o| input_cost(&av, o, may_flip))
        };
        assert_eq!(copies, expected, "{what}: copies");
    }
}

fn rank_k_all_layouts<T: Scalar>() {
    let mut i = 0u64;
    for two in [false, true] {
        for herm in [false, true] {
            for uplo in UPLOS {
                for trans in TRANS {
                    if !trans_ok::<T>(herm, trans) {
                        continue;
                    }
                    for la in Lay::ALL {
                        let lbs: &[Lay] = if two { &Lay::ALL } else { &[Lay::C] };
                        for &lb in lbs {
                            for lc in Lay::ALL {
                                i += 1;
                                let beta = COEFS[(i % 3) as usize];
                                let case = RkCase {
                                    herm,
                                    two,
                                    n: 4,
                                    k: 3,
                                    uplo,
                                    trans,
                                    la,
                                    lb,
                                    lc,
                                    alpha: Coef::Rand,
                                    beta,
                                    seed: i,
                                };
                                run_rk::<T>(&case);
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(rank_k_all_layouts);

fn rank_k_small_shapes<T: Scalar>() {
    let mut i = 0usize;
    for two in [false, true] {
        for herm in [false, true] {
            for n in 0..=3 {
                for k in 0..=3 {
                    for uplo in UPLOS {
                        // Invalid ops included: they must be rejected.
                        for trans in TRANS {
                            for lc in Lay::ALL {
                                i += 1;
                                let case = RkCase {
                                    herm,
                                    two,
                                    n,
                                    k,
                                    uplo,
                                    trans,
                                    la: rot(i),
                                    lb: rot(3 * i + 2),
                                    lc,
                                    alpha: COEFS[(i / 7) % 3],
                                    beta: COEFS[i % 3],
                                    seed: i as u64,
                                };
                                run_rk::<T>(&case);
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(rank_k_small_shapes);

// ---------------------------------------------------------------------------
// trmm / trsm
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct TrCase {
    solve: bool,
    m: usize,
    n: usize,
    side: Side,
    uplo: Uplo,
    ta: Transpose,
    diag: Diag,
    la: Lay,
    lb: Lay,
    alpha: Coef,
    seed: u64,
}

fn run_tr<T: Scalar>(case: &TrCase) {
    let &TrCase {
        solve,
        m,
        n,
        side,
        uplo,
        ta,
        diag,
        la,
        lb,
        seed,
        ..
    } = case;
    let what = format!(
        "{} {} {case:?}",
        if solve { "trsm" } else { "trmm" },
        dtype::<T>()
    );
    let mut rng = Rng::new(seed);
    let na = if side == Side::Left { m } else { n };
    let mut a0 = well_conditioned::<T>(&mut rng, na);
    garble(&mut a0, uplo, diag == Diag::Unit, seed);
    let tri = op(&tri_full(&a0, uplo, diag), ta);
    let b0 = rng.matrix::<T>(m, n);
    let alpha = coef::<T>(case.alpha, &mut rng);
    let a = Mat::new(&a0, la);
    let mut b = Mat::new(&b0, lb);
    let backing = b.backing().clone();

    let before = copies_made();
    let f = if solve { trsm::<T> } else { trmm::<T> };
    f(side, uplo, ta, diag, alpha, &a.view(), &mut b.view_mut())
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let copies = copies_made() - before;

    let got = b.view().to_owned();
    let mul = |x: &Array2<T>| {
        if side == Side::Left {
            matmul(&tri, x)
        } else {
            matmul(x, &tri)
        }
    };
    if solve {
        // Residual: op(A)·X (or X·op(A)) = alpha·B.
        assert!(
            got.iter().all(|v| v.is_finite()),
            "{what}: non-finite solution"
        );
        assert_close2(&mul(&got), &scaled(&b0, alpha), na + 1, &what);
    } else {
        assert_close2(&got, &scaled(&mul(&b0), alpha), na + 1, &what);
    }
    assert_padding(&backing, &b, &what);

    if la.blas_native() && lb.blas_native() {
        let expected = if m == 0 || n == 0 {
            0
        } else {
            min_over_out(&b.view(), |o| input_cost(&a.view(), o, flippable::<T>(ta)))
        };
        assert_eq!(copies, expected, "{what}: copies");
    }
}

fn tr_all_layouts<T: Scalar>() {
    let mut i = 0u64;
    for solve in [false, true] {
        for side in SIDES {
            for uplo in UPLOS {
                for ta in TRANS {
                    for diag in DIAGS {
                        for la in Lay::ALL {
                            for lb in Lay::ALL {
                                i += 1;
                                let alpha = if i.is_multiple_of(5) {
                                    Coef::One
                                } else {
                                    Coef::Rand
                                };
                                let case = TrCase {
                                    solve,
                                    m: 4,
                                    n: 3,
                                    side,
                                    uplo,
                                    ta,
                                    diag,
                                    la,
                                    lb,
                                    alpha,
                                    seed: i,
                                };
                                run_tr::<T>(&case);
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(tr_all_layouts);

fn tr_small_shapes<T: Scalar>() {
    let mut i = 0usize;
    for solve in [false, true] {
        for m in 0..=3 {
            for n in 0..=3 {
                for side in SIDES {
                    for uplo in UPLOS {
                        for ta in TRANS {
                            for diag in DIAGS {
                                for lb in Lay::ALL {
                                    i += 1;
                                    let case = TrCase {
                                        solve,
                                        m,
                                        n,
                                        side,
                                        uplo,
                                        ta,
                                        diag,
                                        la: rot(i),
                                        lb,
                                        alpha: COEFS[i % 3],
                                        seed: i as u64,
                                    };
                                    run_tr::<T>(&case);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(tr_small_shapes);

// ---------------------------------------------------------------------------
// Property tests: dims in 0..=6, random layouts, flags and coefficients,
// each case on all four element types.
// ---------------------------------------------------------------------------

prop_compose! {
    fn gemm_case()(
        m in 0usize..=6, n in 0usize..=6, k in 0usize..=6,
        ta in trans_strategy(), tb in trans_strategy(),
        la in lay_strategy(), lb in lay_strategy(), lc in lay_strategy(),
        alpha in coef_strategy(), beta in coef_strategy(), seed in any::<u64>()
    ) -> GemmCase {
        GemmCase { m, n, k, ta, tb, la, lb, lc, alpha, beta, seed }
    }
}

prop_compose! {
    fn symm_case()(
        herm in any::<bool>(), m in 0usize..=6, n in 0usize..=6,
        side in side_strategy(), uplo in uplo_strategy(),
        la in lay_strategy(), lb in lay_strategy(), lc in lay_strategy(),
        alpha in coef_strategy(), beta in coef_strategy(), seed in any::<u64>()
    ) -> SymmCase {
        SymmCase { herm, m, n, side, uplo, la, lb, lc, alpha, beta, seed }
    }
}

prop_compose! {
    fn rk_case()(
        herm in any::<bool>(), two in any::<bool>(), n in 0usize..=6, k in 0usize..=6,
        uplo in uplo_strategy(), trans in trans_strategy(),
        la in lay_strategy(), lb in lay_strategy(), lc in lay_strategy(),
        alpha in coef_strategy(), beta in coef_strategy(), seed in any::<u64>()
    ) -> RkCase {
        RkCase { herm, two, n, k, uplo, trans, la, lb, lc, alpha, beta, seed }
    }
}

prop_compose! {
    fn tr_case()(
        solve in any::<bool>(), m in 0usize..=6, n in 0usize..=6,
        side in side_strategy(), uplo in uplo_strategy(), ta in trans_strategy(), diag in diag_strategy(),
        la in lay_strategy(), lb in lay_strategy(), alpha in coef_strategy(), seed in any::<u64>()
    ) -> TrCase {
        TrCase { solve, m, n, side, uplo, ta, diag, la, lb, alpha, seed }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn prop_gemm(case in gemm_case()) {
        each_dtype!(run_gemm, &case);
    }

    #[test]
    fn prop_symm_hemm(case in symm_case()) {
        each_dtype!(run_symm, &case);
    }

    #[test]
    fn prop_rank_k(case in rk_case()) {
        each_dtype!(run_rk, &case);
    }

    #[test]
    fn prop_trmm_trsm(case in tr_case()) {
        each_dtype!(run_tr, &case);
    }
}

// ---------------------------------------------------------------------------
// Dispatch: the documented copies, spelled out
// ---------------------------------------------------------------------------

/// Copies made by `f`.
fn count(f: impl FnOnce()) -> usize {
    let before = copies_made();
    f();
    copies_made() - before
}

fn documented_copies<T: Scalar>() {
    let mut rng = Rng::new(11);
    let (a_c, a_f) = (rng.matrix::<T>(4, 4), rng.matrix::<T>(4, 4).reversed_axes());
    let b = rng.matrix::<T>(4, 4);
    let mut c = rng.matrix::<T>(4, 4); // C order
    let (one, zero) = (T::one(), T::zero());
    let conj_other = usize::from(T::IS_COMPLEX);

    // gemm: any op on C- or F-order inputs is free, except complex ConjTrans
    // of an input in the other order than C.
    for ta in TRANS {
        let n = count(|| gemm(ta, NoTrans, one, &a_f, &b, zero, &mut c).unwrap());
        let expect = if ta == ConjTrans { conj_other } else { 0 };
        assert_eq!(n, expect, "gemm {ta:?} with A in F order");
        // C in F order: now A (C order) is in the other order, B (F) is not.
        let n = count(|| {
            gemm(
                ta,
                ta,
                one,
                &a_c,
                &b.t(),
                zero,
                &mut c.view_mut().reversed_axes(),
            )
            .unwrap()
        });
        assert_eq!(n, expect, "gemm {ta:?} into F-order C");
    }
    // symm reads A in the other order through its other triangle; hemm
    // cannot (complex), so it copies A.
    for side in SIDES {
        assert_eq!(
            count(|| symm(side, Uplo::Upper, one, &a_f, &b, zero, &mut c).unwrap()),
            0
        );
        assert_eq!(
            count(|| hemm(side, Uplo::Upper, one, &a_f, &b, zero, &mut c).unwrap()),
            conj_other
        );
        assert_eq!(
            count(|| hemm(side, Uplo::Lower, one, &a_c, &b, zero, &mut c).unwrap()),
            0
        );
        // B has no op: in the other order than C it is copied.
        assert_eq!(
            count(|| symm(side, Uplo::Upper, one, &a_c, &b.t(), zero, &mut c).unwrap()),
            1
        );
    }
    // Rank-k updates: syrk flips NoTrans ↔ Trans; complex herk copies.
    let a_wide = rng.matrix::<T>(4, 2); // C order, 4 × 2
    let a_wide_f = rng.matrix::<T>(2, 4).reversed_axes(); // F order, 4 × 2
    for a in [&a_wide, &a_wide_f] {
        let other = usize::from(!a.is_standard_layout());
        assert_eq!(
            count(|| syrk(Uplo::Lower, NoTrans, one, a, zero, &mut c).unwrap()),
            0
        );
        assert_eq!(
            count(|| syrk(Uplo::Upper, Trans, one, &a.t(), zero, &mut c).unwrap()),
            0
        );
        assert_eq!(
            count(|| herk(Uplo::Lower, NoTrans, one.re(), a, zero.re(), &mut c).unwrap()),
            other * conj_other
        );
        assert_eq!(
            count(|| syr2k(Uplo::Lower, NoTrans, one, a, a, zero, &mut c).unwrap()),
            0
        );
        assert_eq!(
            count(|| her2k(Uplo::Upper, NoTrans, one, a, a, zero.re(), &mut c).unwrap()),
            2 * other * conj_other
        );
    }
    // syr2k: A and B in different orders share one op: one is copied.
    assert_eq!(
        count(|| syr2k(Uplo::Lower, NoTrans, one, &a_wide, &a_wide_f, zero, &mut c).unwrap()),
        1
    );
    // trmm/trsm flip the op and the triangle; complex ConjTrans copies.
    for ta in TRANS {
        let expect = if ta == ConjTrans { conj_other } else { 0 };
        assert_eq!(
            count(|| trmm(
                Side::Left,
                Uplo::Upper,
                ta,
                Diag::NonUnit,
                one,
                &a_f,
                &mut c
            )
            .unwrap()),
            expect
        );
        let mut a_tri = Array2::<T>::zeros((4, 4).f());
        a_tri.assign(&well_conditioned::<T>(&mut rng, 4));
        assert_eq!(
            count(|| trsm(
                Side::Right,
                Uplo::Lower,
                ta,
                Diag::NonUnit,
                one,
                &a_tri,
                &mut c
            )
            .unwrap()),
            expect
        );
    }
    // A non-native output is computed in one temporary.
    let mut big = rng.matrix::<T>(8, 8);
    let mut stepped = big.slice_mut(s![..;2, ..;2]);
    assert_eq!(
        count(|| gemm(NoTrans, NoTrans, one, &a_c, &b, zero, &mut stepped).unwrap()),
        1
    );
}
all_dtypes!(documented_copies);

// ---------------------------------------------------------------------------
// beta = 0 with NaN in the output, explicitly per routine
// ---------------------------------------------------------------------------

fn beta_zero_ignores_nan<T: Scalar>() {
    let mut rng = Rng::new(12);
    let (a, b) = (rng.matrix::<T>(3, 3), rng.matrix::<T>(3, 3));
    let z = T::zero();
    for lc in Lay::ALL {
        let nan_c = || Mat::new(&Array2::from_elem((3, 3), nan::<T>()), lc);
        let finite = |c: &Mat<T>, what: &str| {
            assert!(
                c.view().iter().all(|v| v.is_finite()),
                "{what} {lc:?}: NaN propagated: {}",
                c.view()
            );
        };
        let mut c = nan_c();
        gemm(NoTrans, ConjTrans, T::one(), &a, &b, z, &mut c.view_mut()).unwrap();
        finite(&c, "gemm");
        let mut c = nan_c();
        gemm(
            NoTrans,
            NoTrans,
            T::one(),
            &a.slice(s![.., ..0]),
            &b.slice(s![..0, ..]),
            z,
            &mut c.view_mut(),
        )
        .unwrap();
        finite(&c, "gemm k = 0");
        for side in SIDES {
            let mut c = nan_c();
            symm(side, Uplo::Upper, T::one(), &a, &b, z, &mut c.view_mut()).unwrap();
            finite(&c, "symm");
            let mut c = nan_c();
            hemm(side, Uplo::Lower, T::one(), &a, &b, z, &mut c.view_mut()).unwrap();
            finite(&c, "hemm");
        }
        // Rank-k: NaN over the whole of C; the uplo triangle becomes finite.
        for uplo in UPLOS {
            let tri_finite = |c: &Mat<T>, what: &str| {
                let v = c.view();
                for ((i, j), x) in v.indexed_iter() {
                    assert!(
                        !in_tri(uplo, i, j) || x.is_finite(),
                        "{what} {uplo:?} {lc:?}: NaN propagated at ({i}, {j})"
                    );
                }
            };
            let mut c = nan_c();
            syrk(uplo, NoTrans, T::one(), &a, z, &mut c.view_mut()).unwrap();
            tri_finite(&c, "syrk");
            let mut c = nan_c();
            herk(uplo, NoTrans, T::one().re(), &a, z.re(), &mut c.view_mut()).unwrap();
            tri_finite(&c, "herk");
            let mut c = nan_c();
            syr2k(uplo, Trans, T::one(), &a, &b, z, &mut c.view_mut()).unwrap();
            tri_finite(&c, "syr2k");
            let mut c = nan_c();
            her2k(uplo, NoTrans, T::one(), &a, &b, z.re(), &mut c.view_mut()).unwrap();
            tri_finite(&c, "her2k");
            // k = 0 as well.
            let e = a.slice(s![.., ..0]);
            let mut c = nan_c();
            syrk(uplo, NoTrans, T::one(), &e, z, &mut c.view_mut()).unwrap();
            tri_finite(&c, "syrk k = 0");
            let mut c = nan_c();
            her2k(uplo, NoTrans, T::one(), &e, &e, z.re(), &mut c.view_mut()).unwrap();
            tri_finite(&c, "her2k k = 0");
        }
    }
}
all_dtypes!(beta_zero_ignores_nan);

// ---------------------------------------------------------------------------
// Errors: never a panic, the output untouched
// ---------------------------------------------------------------------------

/// The dims of a shape written `(4, 2)` in the call sites below.
fn dims(shape: &str) -> Shape {
    Shape(
        shape
            .trim_matches(|c| c == '(' || c == ')')
            .split(',')
            .filter(|d| !d.trim().is_empty())
            .map(|d| d.trim().parse().expect("a dimension"))
            .collect(),
    )
}

/// `ShapeMismatch` with these shapes, and a message that names both (as the
/// error's `Shape` prints them).
#[track_caller]
fn expect_shape_err(r: lapis::Result<()>, got: &str, expected: &str, what: &str) {
    let (got, expected) = (dims(got), dims(expected));
    match r {
        Err(e @ Error::ShapeMismatch { .. }) => {
            let msg = e.to_string();
            let Error::ShapeMismatch {
                got: g,
                expected: x,
                ..
            } = &e
            else {
                unreachable!()
            };
            assert_eq!((g, x), (&got, &expected), "{what}: {msg}");
            assert!(
                msg.contains(&got.to_string()) && msg.contains(&expected.to_string()),
                "{what}: message {msg:?} should name {got} and {expected}"
            );
        }
        other => panic!("{what}: expected ShapeMismatch, got {other:?}"),
    }
}

/// `NotSquare` naming this shape.
#[track_caller]
fn expect_not_square(r: lapis::Result<()>, shape: &str, what: &str) {
    let shape = dims(shape);
    match r {
        Err(e @ Error::NotSquare { .. }) => {
            let msg = e.to_string();
            let Error::NotSquare { shape: got, .. } = &e else {
                unreachable!()
            };
            assert_eq!(got, &shape, "{what}: {msg}");
            assert!(
                msg.contains(&shape.to_string()),
                "{what}: message {msg:?} should name {shape}"
            );
        }
        other => panic!("{what}: expected NotSquare, got {other:?}"),
    }
}

fn shape_errors<T: Scalar>() {
    let mut rng = Rng::new(13);
    let (one, zero) = (T::one(), T::zero());
    for lc in Lay::ALL {
        let check = |c: &Mat<T>, backing: &Array2<T>, what: &str| {
            assert_unchanged(backing, c.backing(), &format!("{what} {lc:?}"))
        };

        // gemm: inner dimensions.
        let mut c = Mat::new(&rng.matrix::<T>(2, 2), lc);
        let bk = c.backing().clone();
        let r = gemm(
            NoTrans,
            NoTrans,
            one,
            &rng.matrix::<T>(2, 3),
            &rng.matrix::<T>(4, 2),
            zero,
            &mut c.view_mut(),
        );
        expect_shape_err(r, "(4, 2)", "(3, 2)", "gemm inner");
        check(&c, &bk, "gemm inner");
        let r = gemm(
            Trans,
            ConjTrans,
            one,
            &rng.matrix::<T>(3, 2),
            &rng.matrix::<T>(2, 4),
            zero,
            &mut c.view_mut(),
        );
        expect_shape_err(r, "(4, 2)", "(3, 2)", "gemm inner (transposed)");
        check(&c, &bk, "gemm inner (transposed)");
        // gemm: output shape.
        let mut c = Mat::new(&rng.matrix::<T>(2, 5), lc);
        let bk = c.backing().clone();
        let r = gemm(
            NoTrans,
            NoTrans,
            one,
            &rng.matrix::<T>(2, 3),
            &rng.matrix::<T>(3, 4),
            zero,
            &mut c.view_mut(),
        );
        expect_shape_err(r, "(2, 5)", "(2, 4)", "gemm c");
        check(&c, &bk, "gemm c");
        // k = 0 with the wrong output shape is still an error.
        let r = gemm(
            NoTrans,
            NoTrans,
            one,
            &rng.matrix::<T>(2, 0),
            &rng.matrix::<T>(0, 4),
            zero,
            &mut c.view_mut(),
        );
        expect_shape_err(r, "(2, 5)", "(2, 4)", "gemm c, k = 0");
        check(&c, &bk, "gemm c, k = 0");

        // symm / hemm.
        for herm in [false, true] {
            let f = if herm { hemm::<T> } else { symm::<T> };
            let mut c = Mat::new(&rng.matrix::<T>(4, 2), lc);
            let bk = c.backing().clone();
            let b = rng.matrix::<T>(4, 2);
            let r = f(
                Side::Left,
                Uplo::Upper,
                one,
                &rng.matrix::<T>(4, 3),
                &b,
                zero,
                &mut c.view_mut(),
            );
            expect_not_square(r, "(4, 3)", "symm a");
            check(&c, &bk, "symm a not square");
            let r = f(
                Side::Left,
                Uplo::Upper,
                one,
                &rng.matrix::<T>(3, 3),
                &b,
                zero,
                &mut c.view_mut(),
            );
            expect_shape_err(r, "(3, 3)", "(4, 4)", "symm a left");
            check(&c, &bk, "symm a left");
            let r = f(
                Side::Right,
                Uplo::Lower,
                one,
                &rng.matrix::<T>(4, 4),
                &b,
                zero,
                &mut c.view_mut(),
            );
            expect_shape_err(r, "(4, 4)", "(2, 2)", "symm a right");
            check(&c, &bk, "symm a right");
            let r = f(
                Side::Left,
                Uplo::Lower,
                one,
                &rng.matrix::<T>(3, 3),
                &rng.matrix::<T>(3, 2),
                zero,
                &mut c.view_mut(),
            );
            expect_shape_err(r, "(4, 2)", "(3, 2)", "symm c");
            check(&c, &bk, "symm c");
        }

        // Rank-k updates.
        let mut c = Mat::new(&rng.matrix::<T>(3, 2), lc);
        let bk = c.backing().clone();
        let a = rng.matrix::<T>(3, 2);
        expect_not_square(
            syrk(Uplo::Upper, NoTrans, one, &a, zero, &mut c.view_mut()),
            "(3, 2)",
            "syrk c",
        );
        expect_not_square(
            herk(
                Uplo::Upper,
                NoTrans,
                one.re(),
                &a,
                zero.re(),
                &mut c.view_mut(),
            ),
            "(3, 2)",
            "herk c",
        );
        expect_not_square(
            syr2k(Uplo::Upper, NoTrans, one, &a, &a, zero, &mut c.view_mut()),
            "(3, 2)",
            "syr2k c",
        );
        expect_not_square(
            her2k(
                Uplo::Upper,
                NoTrans,
                one,
                &a,
                &a,
                zero.re(),
                &mut c.view_mut(),
            ),
            "(3, 2)",
            "her2k c",
        );
        check(&c, &bk, "rank-k not square");
        let mut c = Mat::new(&rng.matrix::<T>(4, 4), lc);
        let bk = c.backing().clone();
        expect_shape_err(
            syrk(Uplo::Lower, NoTrans, one, &a, zero, &mut c.view_mut()),
            "(4, 4)",
            "(3, 3)",
            "syrk",
        );
        expect_shape_err(
            herk(
                Uplo::Lower,
                ConjTrans,
                one.re(),
                &a,
                zero.re(),
                &mut c.view_mut(),
            ),
            "(4, 4)",
            "(2, 2)",
            "herk",
        );
        expect_shape_err(
            syr2k(Uplo::Lower, Trans, one, &a, &a, zero, &mut c.view_mut()),
            "(4, 4)",
            "(2, 2)",
            "syr2k",
        );
        let b = rng.matrix::<T>(4, 3);
        let a4 = rng.matrix::<T>(4, 2);
        expect_shape_err(
            syr2k(Uplo::Lower, NoTrans, one, &a4, &b, zero, &mut c.view_mut()),
            "(4, 3)",
            "(4, 2)",
            "syr2k b",
        );
        expect_shape_err(
            her2k(
                Uplo::Upper,
                NoTrans,
                one,
                &a4,
                &b,
                zero.re(),
                &mut c.view_mut(),
            ),
            "(4, 3)",
            "(4, 2)",
            "her2k b",
        );
        check(&c, &bk, "rank-k shapes");
        // The op complex data does not allow; real data takes it.
        let a4t = a4.t();
        let r = syrk(Uplo::Upper, ConjTrans, one, &a4t, zero, &mut c.view_mut());
        let r2 = syr2k(
            Uplo::Upper,
            ConjTrans,
            one,
            &a4t,
            &a4t,
            zero,
            &mut c.view_mut(),
        );
        if T::IS_COMPLEX {
            for r in [r, r2] {
                assert!(
                    matches!(r, Err(Error::InvalidArgument { what: "trans", .. })),
                    "syrk ConjTrans: {r:?}"
                );
            }
            check(&c, &bk, "syrk ConjTrans");
            let r = herk(
                Uplo::Upper,
                Trans,
                one.re(),
                &a4t,
                zero.re(),
                &mut c.view_mut(),
            );
            let r2 = her2k(
                Uplo::Upper,
                Trans,
                one,
                &a4t,
                &a4t,
                zero.re(),
                &mut c.view_mut(),
            );
            for r in [r, r2] {
                let msg = format!("{r:?}");
                assert!(
                    matches!(r, Err(Error::InvalidArgument { what: "trans", .. })),
                    "herk Trans: {msg}"
                );
            }
            check(&c, &bk, "herk Trans");
        } else {
            r.unwrap();
            r2.unwrap();
        }

        // trmm / trsm.
        for solve in [false, true] {
            let f = if solve { trsm::<T> } else { trmm::<T> };
            let mut b = Mat::new(&rng.matrix::<T>(4, 2), lc);
            let bk = b.backing().clone();
            let r = f(
                Side::Left,
                Uplo::Upper,
                NoTrans,
                Diag::NonUnit,
                one,
                &rng.matrix::<T>(4, 3),
                &mut b.view_mut(),
            );
            expect_not_square(r, "(4, 3)", "trmm a");
            let r = f(
                Side::Left,
                Uplo::Upper,
                Trans,
                Diag::Unit,
                one,
                &rng.matrix::<T>(2, 2),
                &mut b.view_mut(),
            );
            expect_shape_err(r, "(2, 2)", "(4, 4)", "trmm left");
            let r = f(
                Side::Right,
                Uplo::Lower,
                NoTrans,
                Diag::NonUnit,
                one,
                &rng.matrix::<T>(4, 4),
                &mut b.view_mut(),
            );
            expect_shape_err(r, "(4, 4)", "(2, 2)", "trmm right");
            check(&b, &bk, "trmm/trsm");
        }
    }
}
all_dtypes!(shape_errors);

/// A 3 × 3 mutable view with the given (overlapping) strides over `ptr`.
///
/// `ArrayViewMut2::from_shape_ptr((3, 3).strides(strides), ptr)` is the
/// natural constructor, but in debug builds ndarray 0.17 asserts there that
/// a mutable view's elements are distinct (`dim_stride_overlap`), so the
/// test would panic before lapis is called. Read-only views accept such
/// strides; the read-only view is reinterpreted as a mutable one. Both are
/// `ArrayBase<_, Ix2>` with the same fields (only a zero-sized marker type
/// differs); the assertions below guard that assumption.
///
/// # Safety
/// `ptr` must be valid for reads and writes at every offset the strides reach.
unsafe fn overlapping_view_mut<'a, T: Scalar>(
    ptr: *mut T,
    strides: (usize, usize),
) -> ArrayViewMut2<'a, T> {
    // SAFETY: per the caller; read-only views may alias.
    let ro: ArrayView2<'a, T> = unsafe { ArrayView2::from_shape_ptr((3, 3).strides(strides), ptr) };
    assert_eq!(
        size_of::<ArrayView2<'a, T>>(),
        size_of::<ArrayViewMut2<'a, T>>()
    );
    // SAFETY: same layout (see above); the memory behind `ptr` is writable.
    let rw: ArrayViewMut2<'a, T> = unsafe { std::mem::transmute_copy(&ro) };
    assert!(rw.as_ptr() == ro.as_ptr() && rw.dim() == (3, 3));
    assert_eq!(rw.strides(), &[strides.0 as isize, strides.1 as isize]);
    rw
}

/// An output whose elements overlap each other (zero or too-small strides):
/// `OverlappingOutput`, nothing written.
fn overlapping_output_errors<T: Scalar>() {
    let mut rng = Rng::new(14);
    let (one, zero) = (T::one(), T::zero());
    let (a, b) = (rng.matrix::<T>(3, 3), rng.matrix::<T>(3, 3));
    let tri = &a + &Array2::from_diag_elem(3, T::from_f64(4.0));
    for strides in [(0usize, 1usize), (1, 0), (1, 1), (0, 0)] {
        let mut buf = rng.vector::<T>(5);
        let before = buf.clone();
        // SAFETY: every element (i, j) at offset i·s0 + j·s1 ≤ 4 lies in `buf`.
        let mut out = unsafe { overlapping_view_mut(buf.as_mut_ptr(), strides) };
        let e = a.slice(s![.., ..0]);
        let results = vec![
            ("gemm", gemm(NoTrans, NoTrans, one, &a, &b, zero, &mut out)),
            (
                "gemm k = 0",
                gemm(
                    NoTrans,
                    NoTrans,
                    one,
                    &a.slice(s![.., ..0]),
                    &b.slice(s![..0, ..]),
                    one,
                    &mut out,
                ),
            ),
            (
                "symm",
                symm(Side::Left, Uplo::Upper, one, &a, &b, zero, &mut out),
            ),
            (
                "hemm",
                hemm(Side::Right, Uplo::Lower, one, &a, &b, one, &mut out),
            ),
            ("syrk", syrk(Uplo::Upper, NoTrans, one, &a, zero, &mut out)),
            (
                "herk",
                herk(Uplo::Lower, NoTrans, one.re(), &a, zero.re(), &mut out),
            ),
            (
                "syr2k",
                syr2k(Uplo::Upper, Trans, one, &a, &b, zero, &mut out),
            ),
            (
                "her2k",
                her2k(Uplo::Lower, NoTrans, one, &a, &b, one.re(), &mut out),
            ),
            // The rank-k paths that do not call BLAS (k = 0, alpha = 0).
            (
                "syrk k = 0",
                syrk(
                    Uplo::Upper,
                    Trans,
                    one,
                    &a.slice(s![..0, ..]),
                    one,
                    &mut out,
                ),
            ),
            (
                "herk alpha = 0",
                herk(Uplo::Upper, NoTrans, zero.re(), &a, one.re(), &mut out),
            ),
            (
                "syr2k alpha = 0",
                syr2k(Uplo::Lower, NoTrans, zero, &a, &b, one, &mut out),
            ),
            (
                "her2k k = 0",
                her2k(Uplo::Lower, NoTrans, one, &e, &e, zero.re(), &mut out),
            ),
            (
                "trmm",
                trmm(
                    Side::Left,
                    Uplo::Upper,
                    NoTrans,
                    Diag::NonUnit,
                    one,
                    &tri,
                    &mut out,
                ),
            ),
            (
                "trsm",
                trsm(
                    Side::Right,
                    Uplo::Lower,
                    ConjTrans,
                    Diag::Unit,
                    one,
                    &tri,
                    &mut out,
                ),
            ),
        ];
        for (name, r) in results {
            match r {
                Err(e @ Error::OverlappingOutput { .. }) => {
                    assert!(e.to_string().contains("overlapping"), "{name}: {e}");
                }
                other => {
                    panic!("{name} strides {strides:?}: expected OverlappingOutput, got {other:?}")
                }
            }
        }
        for i in 0..5 {
            assert!(
                same(buf[i], before[i]),
                "strides {strides:?}: buffer written at {i}"
            );
        }
    }
}
all_dtypes!(overlapping_output_errors);

// ---------------------------------------------------------------------------
// Inputs that overlap the output: as if copied first
// ---------------------------------------------------------------------------

/// A read-only alias of a mutable view's memory (the caller must keep the
/// memory alive while it is used).
fn alias<T: 'static>(v: &ArrayViewMut2<'_, T>) -> ArrayView2<'static, T> {
    // SAFETY: the memory is valid for the view's shape and strides; the
    // tests that use the alias deliberately overlap it with an output.
    unsafe { v.raw_view().deref_into_view() }
}

/// A, C itself, its transpose, or C with reversed rows (by `variant`).
fn variant_of<'a, T>(v: ArrayView2<'a, T>, variant: usize) -> ArrayView2<'a, T> {
    match variant {
        0 => v,
        1 => v.reversed_axes(),
        _ => v.slice_move(s![..;-1, ..]),
    }
}

fn gemm_overlapping_inputs<T: Scalar>() {
    let mut rng = Rng::new(15);
    for lc in Lay::ALL {
        for ta in TRANS {
            for variant in 0..3 {
                let c0 = rng.matrix::<T>(4, 4);
                let b0 = rng.matrix::<T>(4, 4);
                let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
                let alias0 = variant_of(c0.view(), variant).to_owned();

                let what = format!("gemm A aliasing C {lc:?} {ta:?} variant {variant}");
                let mut c = Mat::new(&c0, lc);
                let mut cv = c.view_mut();
                let a = variant_of(alias(&cv), variant);
                gemm(ta, NoTrans, alpha, &a, &b0, beta, &mut cv).unwrap();
                let want = axpby(alpha, &matmul(&op(&alias0, ta), &b0), beta, &c0);
                assert_close2(&c.view(), &want, 5, &what);

                let what = format!("gemm B aliasing C {lc:?} {ta:?} variant {variant}");
                let mut c = Mat::new(&c0, lc);
                let mut cv = c.view_mut();
                let b = variant_of(alias(&cv), variant);
                gemm(NoTrans, ta, alpha, &b0, &b, beta, &mut cv).unwrap();
                let want = axpby(alpha, &matmul(&b0, &op(&alias0, ta)), beta, &c0);
                assert_close2(&c.view(), &want, 5, &what);

                let what = format!("gemm A and B aliasing C {lc:?} {ta:?} variant {variant}");
                let mut c = Mat::new(&c0, lc);
                let mut cv = c.view_mut();
                let a = variant_of(alias(&cv), variant);
                let b = alias(&cv);
                gemm(ta, ConjTrans, alpha, &a, &b, beta, &mut cv).unwrap();
                let want = axpby(
                    alpha,
                    &matmul(&op(&alias0, ta), &op(&c0, ConjTrans)),
                    beta,
                    &c0,
                );
                assert_close2(&c.view(), &want, 5, &what);
            }
        }
    }
    // Partial overlap: A and C are different windows of one array.
    for f_order in [false, true] {
        let big0 = rng.matrix::<T>(8, 8);
        let mut big = if f_order {
            Array2::zeros((8, 8).f())
        } else {
            Array2::zeros((8, 8))
        };
        big.assign(&big0);
        let (c0, a0) = (
            big0.slice(s![0..5, 0..5]).to_owned(),
            big0.slice(s![2..7, 1..6]).to_owned(),
        );
        let b0 = rng.matrix::<T>(5, 5);
        let mut bv = big.view_mut();
        let a = alias(&bv).slice_move(s![2..7, 1..6]);
        let mut cv = bv.slice_mut(s![0..5, 0..5]);
        gemm(NoTrans, Trans, T::one(), &a, &b0, T::one(), &mut cv).unwrap();
        let want = matmul(&a0, &b0.t().to_owned()) + &c0;
        assert_close2(
            &big.slice(s![0..5, 0..5]),
            &want,
            6,
            &format!("gemm partial overlap, F order {f_order}"),
        );
        // Outside C nothing changed.
        for ((i, j), v) in big.indexed_iter() {
            if i >= 5 || j >= 5 {
                assert!(*v == big0[[i, j]], "partial overlap: ({i}, {j}) written");
            }
        }
    }
}
all_dtypes!(gemm_overlapping_inputs);

fn symm_rank_k_overlapping_inputs<T: Scalar>() {
    let mut rng = Rng::new(16);
    for lc in Lay::ALL {
        for herm in [false, true] {
            for uplo in UPLOS {
                let c0 = rng.matrix::<T>(4, 4);
                let b0 = rng.matrix::<T>(4, 4);
                let alpha = rng.scalar::<T>();
                let beta = if herm {
                    T::from_f64(0.75)
                } else {
                    rng.scalar::<T>()
                };

                // symm/hemm with A = C.
                for side in SIDES {
                    let what = format!("symm herm {herm} A aliasing C {lc:?} {uplo:?} {side:?}");
                    let mut c = Mat::new(&c0, lc);
                    let mut cv = c.view_mut();
                    let a = alias(&cv);
                    let f = if herm { hemm::<T> } else { symm::<T> };
                    f(side, uplo, alpha, &a, &b0, beta, &mut cv).unwrap();
                    let full = sym_full(&c0, uplo, herm);
                    let prod = if side == Side::Left {
                        matmul(&full, &b0)
                    } else {
                        matmul(&b0, &full)
                    };
                    assert_close2(&c.view(), &axpby(alpha, &prod, beta, &c0), 5, &what);
                }

                // syrk/herk with A = C (n = k = 4).
                let what = format!("rank-k herm {herm} A aliasing C {lc:?} {uplo:?}");
                let mut c = Mat::new(&c0, lc);
                let mut cv = c.view_mut();
                let a = alias(&cv);
                let second = if herm { ConjTrans } else { Trans };
                let alpha1 = if herm {
                    T::from_real(alpha.re())
                } else {
                    alpha
                };
                if herm {
                    herk(uplo, NoTrans, alpha.re(), &a, beta.re(), &mut cv).unwrap();
                } else {
                    syrk(uplo, NoTrans, alpha, &a, beta, &mut cv).unwrap();
                }
                let full = axpby(alpha1, &matmul(&c0, &op(&c0, second)), beta, &c0);
                assert_rank_update(&c.view(), &full, &c0, uplo, herm, 9, &what);

                // syr2k/her2k with A = C, then with B = Cᵀ.
                for which in 0..2 {
                    let what = format!("rank-2k herm {herm} aliasing C ({which}) {lc:?} {uplo:?}");
                    let mut c = Mat::new(&c0, lc);
                    let mut cv = c.view_mut();
                    let (a, b, a0, bb0) = if which == 0 {
                        (alias(&cv), b0.view(), c0.clone(), b0.clone())
                    } else {
                        (
                            b0.view(),
                            alias(&cv).reversed_axes(),
                            b0.clone(),
                            c0.t().to_owned(),
                        )
                    };
                    let t = if herm { ConjTrans } else { Trans };
                    if herm {
                        her2k(uplo, t, alpha, &a, &b, beta.re(), &mut cv).unwrap();
                    } else {
                        syr2k(uplo, t, alpha, &a, &b, beta, &mut cv).unwrap();
                    }
                    let (opa, opb) = (op(&a0, t), op(&bb0, t));
                    let alpha2 = if herm { alpha.conj() } else { alpha };
                    let prod = scaled(&matmul(&opa, &op(&opb, second)), alpha)
                        + scaled(&matmul(&opb, &op(&opa, second)), alpha2);
                    let full = axpby(T::one(), &prod, beta, &c0);
                    assert_rank_update(&c.view(), &full, &c0, uplo, herm, 9, &what);
                }
            }
        }
    }
}
all_dtypes!(symm_rank_k_overlapping_inputs);

fn tr_overlapping_inputs<T: Scalar>() {
    let mut rng = Rng::new(17);
    for lb in Lay::ALL {
        for side in SIDES {
            for uplo in UPLOS {
                for ta in TRANS {
                    for diag in DIAGS {
                        for solve in [false, true] {
                            let what = format!(
                                "tr solve {solve} A aliasing B {lb:?} {side:?} {uplo:?} {ta:?} {diag:?}"
                            );
                            let b0 = well_conditioned::<T>(&mut rng, 4);
                            let alpha = rng.scalar::<T>();
                            let mut b = Mat::new(&b0, lb);
                            let mut bv = b.view_mut();
                            let a = alias(&bv);
                            let f = if solve { trsm::<T> } else { trmm::<T> };
                            f(side, uplo, ta, diag, alpha, &a, &mut bv).unwrap();
                            let tri = op(&tri_full(&b0, uplo, diag), ta);
                            let mul = |x: &Array2<T>| {
                                if side == Side::Left {
                                    matmul(&tri, x)
                                } else {
                                    matmul(x, &tri)
                                }
                            };
                            let got = b.view().to_owned();
                            if solve {
                                assert_close2(&mul(&got), &scaled(&b0, alpha), 5, &what);
                            } else {
                                assert_close2(&got, &scaled(&mul(&b0), alpha), 5, &what);
                            }
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(tr_overlapping_inputs);
