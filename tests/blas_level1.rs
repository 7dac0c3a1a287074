//! BLAS level 1 (`lapis::blas::{dot, dotc, vdot, axpy, scal, rscal, nrm2,
//! asum, iamax, copy, swap, rot}`) against naive loops, on all four element
//! types, every vector layout (contiguous, stride 2, strides -1 and -3),
//! lengths 0 and up, with the copy counter proving that no layout is copied
//! (except `iamax`'s documented copy of a negative-stride input), plus the
//! error cases, overlapping arguments and special values.

mod common;
use common::*;

use lapis::blas::{asum, axpy, copy, dot, dotc, iamax, nrm2, rot, rscal, scal, swap, vdot};
use lapis::error::Shape;
use lapis::layout::copies_made;
use lapis::{Complex32, Complex64, Error, RealScalar, Scalar};
use ndarray::{Array1, ArrayRef1, ArrayView1, ArrayViewMut1, Ix1, ShapeBuilder, s};
use proptest::prelude::{ProptestConfig, any, proptest};

/// Lengths of the deterministic sweeps (0 and 1 included; 17 is past the
/// unrolling of the usual kernels).
const SIZES: [usize; 8] = [0, 1, 2, 3, 4, 5, 8, 17];

const POISON: f64 = 1e30;

fn real<T: Scalar>(x: f64) -> T::Real {
    <T::Real as RealScalar>::from_f64_real(x)
}

fn f64_of<R: RealScalar>(x: R) -> f64 {
    x.to_f64_real()
}

/// A real result (nrm2, asum) against an f64 reference, within the
/// tolerance of `T`'s precision.
#[track_caller]
fn assert_close_real<T: Scalar>(got: T::Real, want: f64, n: usize, what: &str) {
    let got = f64_of(got);
    let tol = tolerance::<T>(n, want.abs(), 8.0);
    let d = (got - want).abs();
    assert!(
        d <= tol,
        "{what}: got {got:e}, want {want:e}, |diff| {d:e} > tol {tol:e}"
    );
}

/// Runs `f` and returns its result with the number of temporaries it made.
fn counting<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = copies_made();
    let r = f();
    (r, copies_made() - before)
}

/// The backing store of `v` outside the view still holds the poison that
/// `Vector::new` put there: the routine wrote only the elements of the view.
#[track_caller]
fn assert_padding<T: Scalar>(v: &Vector<T>, n: usize, lay: VLay, what: &str) {
    let mask = Vector::new(&Array1::<T>::zeros(n), lay);
    let poison = T::from_f64(POISON);
    assert_eq!(mask.backing().len(), v.backing().len());
    for (i, (&m, &b)) in mask.backing().iter().zip(v.backing()).enumerate() {
        if m == poison {
            assert!(
                b == poison,
                "{what}: padding element {i} of the backing store was written: {b}"
            );
        }
    }
}

/// Bitwise-style equality that treats NaN as equal to NaN.
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

// ---------------------------------------------------------------------------
// Naive references (plain loops, no BLAS).

fn ref_dot<T: Scalar>(x: &ArrayRef1<T>, y: &ArrayRef1<T>, conj: bool) -> T {
    let mut acc = T::zero();
    for i in 0..x.len() {
        let xi = if conj { x[i].conj() } else { x[i] };
        acc += xi * y[i];
    }
    acc
}

fn ref_axpy<T: Scalar>(alpha: T, x: &ArrayRef1<T>, y: &ArrayRef1<T>) -> Array1<T> {
    Array1::from_shape_fn(y.len(), |i| alpha * x[i] + y[i])
}

/// Euclidean norm in f64 with scaling (independent of the backend's).
fn ref_nrm2<T: Scalar>(x: &ArrayRef1<T>) -> f64 {
    let parts: Vec<f64> = x
        .iter()
        .flat_map(|v| [f64_of(v.re()), f64_of(v.im())])
        .collect();
    let scale = parts.iter().fold(0.0f64, |m, p| m.max(p.abs()));
    if scale == 0.0 {
        return 0.0;
    }
    let ssq: f64 = parts.iter().map(|p| (p / scale) * (p / scale)).sum();
    scale * ssq.sqrt()
}

fn ref_asum<T: Scalar>(x: &ArrayRef1<T>) -> f64 {
    x.iter()
        .map(|v| f64_of(v.re()).abs() + f64_of(v.im()).abs())
        .sum()
}

/// First index of the largest |re| + |im|.
fn ref_iamax<T: Scalar>(x: &ArrayRef1<T>) -> usize {
    let mut best = 0;
    for i in 1..x.len() {
        if x[i].abs1() > x[best].abs1() {
            best = i;
        }
    }
    best
}

fn ref_rot<T: Scalar>(
    x: &ArrayRef1<T>,
    y: &ArrayRef1<T>,
    c: T::Real,
    s: T::Real,
) -> (Array1<T>, Array1<T>) {
    let (c, s) = (T::from_real(c), T::from_real(s));
    let xo = Array1::from_shape_fn(x.len(), |i| c * x[i] + s * y[i]);
    let yo = Array1::from_shape_fn(x.len(), |i| c * y[i] - s * x[i]);
    (xo, yo)
}

// ---------------------------------------------------------------------------
// One check per routine: given the length and the layouts, random data.

/// The copies lapis makes on purpose for a complex dot on OpenBLAS: an
/// operand (longer than 1, not itself copied for another reason) whose
/// bytes begin or end within 64 bytes of a 4 KiB page edge is copied, so a
/// kernel's one-element over-read cannot reach an unmapped page
/// (tests/guard_page.rs). Test vectors land there by chance.
fn edge_copies<T: Scalar>(operands: &[&ArrayView1<T>]) -> usize {
    let openblas = lapis::backend::backend().detected == "openblas";
    if !T::IS_COMPLEX || !openblas {
        return 0;
    }
    let size = std::mem::size_of::<T>() as isize;
    operands
        .iter()
        .filter(|v| v.len() > 1 && v.strides()[0] != 0)
        .filter(|v| {
            let span = (v.len() as isize - 1) * v.strides()[0] * size;
            let p = v.as_ptr() as isize;
            let (lo, hi) = (p.min(p + span) as usize, (p.max(p + span) + size) as usize);
            lo % 4096 < 64 || (4096 - hi % 4096) % 4096 < 64
        })
        .count()
}

fn check_dot<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay, ly: VLay) {
    let (x0, y0) = (rng.vector::<T>(n), rng.vector::<T>(n));
    let (x, y) = (Vector::new(&x0, lx), Vector::new(&y0, ly));
    let what = format!("n={n} x {lx:?} y {ly:?}");
    let edge = edge_copies(&[&x.view(), &y.view()]);

    let (got, c) = counting(|| dot(&x.view(), &y.view()).unwrap());
    assert_close(got, ref_dot(&x0, &y0, false), n, &format!("dot {what}"));
    assert_eq!(c, edge, "dot {what}: copies");

    let (got, c) = counting(|| dotc(&x.view(), &y.view()).unwrap());
    assert_close(got, ref_dot(&x0, &y0, true), n, &format!("dotc {what}"));
    assert_eq!(c, edge, "dotc {what}: copies");

    let (got, c) = counting(|| vdot(&x.view(), &y.view()).unwrap());
    assert_close(got, ref_dot(&x0, &y0, true), n, &format!("vdot {what}"));
    assert_eq!(c, edge, "vdot {what}: copies");

    // The inputs are read only.
    assert_same1(&x.view(), &x0, &format!("dot {what}: x"));
    assert_same1(&y.view(), &y0, &format!("dot {what}: y"));
}

fn check_axpy<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay, ly: VLay) {
    let (x0, y0, alpha) = (rng.vector::<T>(n), rng.vector::<T>(n), rng.scalar::<T>());
    let x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let what = format!("axpy n={n} x {lx:?} y {ly:?}");
    let (r, c) = counting(|| axpy(alpha, &x.view(), &mut y.view_mut()));
    r.unwrap();
    assert_close1(&y.view(), &ref_axpy(alpha, &x0, &y0), 2, &what);
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&y, n, ly, &what);
    assert_same1(&x.view(), &x0, &format!("{what}: x"));
}

fn check_scal<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay) {
    let (x0, alpha) = (rng.vector::<T>(n), rng.scalar::<T>());
    let what = format!("scal n={n} {lx:?}");
    let mut x = Vector::new(&x0, lx);
    let (r, c) = counting(|| scal(alpha, &mut x.view_mut()));
    r.unwrap();
    assert_close1(&x.view(), &x0.mapv(|v| alpha * v), 1, &what);
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&x, n, lx, &what);

    let ralpha = alpha.re();
    let what = format!("rscal n={n} {lx:?}");
    let mut x = Vector::new(&x0, lx);
    let (r, c) = counting(|| rscal(ralpha, &mut x.view_mut()));
    r.unwrap();
    assert_close1(&x.view(), &x0.mapv(|v| T::from_real(ralpha) * v), 1, &what);
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&x, n, lx, &what);
}

fn check_norms<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay) {
    let x0 = rng.vector::<T>(n);
    let x = Vector::new(&x0, lx);
    let what = format!("n={n} {lx:?}");

    let (got, c) = counting(|| nrm2(&x.view()).unwrap());
    assert_close_real::<T>(got, ref_nrm2(&x0), n, &format!("nrm2 {what}"));
    assert_eq!(c, 0, "nrm2 {what}: copies");

    let (got, c) = counting(|| asum(&x.view()).unwrap());
    assert_close_real::<T>(got, ref_asum(&x0), n, &format!("asum {what}"));
    assert_eq!(c, 0, "asum {what}: copies");
}

/// iamax copies a negative-stride input of two or more elements (documented).
fn iamax_copies(n: usize, lay: VLay) -> usize {
    usize::from(n > 1 && matches!(lay, VLay::Neg1 | VLay::NegStep3))
}

fn check_iamax_values<T: Scalar>(x0: &ArrayRef1<T>, lx: VLay, what: &str) {
    let x = Vector::new(x0, lx);
    let n = x0.len();
    let (got, c) = counting(|| iamax(&x.view()));
    assert_eq!(
        got.unwrap(),
        ref_iamax(x0),
        "iamax {what} n={n} {lx:?}: {x0}"
    );
    assert_eq!(c, iamax_copies(n, lx), "iamax {what} n={n} {lx:?}: copies");
}

fn check_iamax<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay) {
    if n == 0 {
        let x = Vector::new(&Array1::<T>::zeros(0), lx);
        assert!(matches!(
            iamax(&x.view()),
            Err(Error::Empty {
                routine: "iamax",
                ..
            })
        ));
        return;
    }
    check_iamax_values(&rng.vector::<T>(n), lx, "random");
}

fn check_copy<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay, ly: VLay) {
    let (x0, y0) = (rng.vector::<T>(n), rng.vector::<T>(n));
    let x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let what = format!("copy n={n} x {lx:?} y {ly:?}");
    let (r, c) = counting(|| copy(&x.view(), &mut y.view_mut()));
    r.unwrap();
    assert_same1(&y.view(), &x0, &what);
    assert_same1(&x.view(), &x0, &format!("{what}: x"));
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&y, n, ly, &what);
}

fn check_swap<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay, ly: VLay) {
    let (x0, y0) = (rng.vector::<T>(n), rng.vector::<T>(n));
    let mut x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let what = format!("swap n={n} x {lx:?} y {ly:?}");
    let (r, c) = counting(|| swap(&mut x.view_mut(), &mut y.view_mut()));
    r.unwrap();
    assert_same1(&x.view(), &y0, &format!("{what}: x"));
    assert_same1(&y.view(), &x0, &format!("{what}: y"));
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&x, n, lx, &what);
    assert_padding(&y, n, ly, &what);
}

fn check_rot<T: Scalar>(rng: &mut Rng, n: usize, lx: VLay, ly: VLay) {
    let (x0, y0) = (rng.vector::<T>(n), rng.vector::<T>(n));
    let theta = rng.uniform() * 3.0;
    let (cs, sn) = (real::<T>(theta.cos()), real::<T>(theta.sin()));
    let mut x = Vector::new(&x0, lx);
    let mut y = Vector::new(&y0, ly);
    let what = format!("rot n={n} x {lx:?} y {ly:?}");
    let (r, c) = counting(|| rot(&mut x.view_mut(), &mut y.view_mut(), cs, sn));
    r.unwrap();
    let (wx, wy) = ref_rot(&x0, &y0, cs, sn);
    assert_close1(&x.view(), &wx, 2, &format!("{what}: x"));
    assert_close1(&y.view(), &wy, 2, &format!("{what}: y"));
    assert_eq!(c, 0, "{what}: copies");
    assert_padding(&x, n, lx, &what);
    assert_padding(&y, n, ly, &what);
}

/// Every routine once, for the property test.
fn check_all<T: Scalar>(seed: u64, n: usize, lx: VLay, ly: VLay) {
    let mut rng = Rng::new(seed);
    check_dot::<T>(&mut rng, n, lx, ly);
    check_axpy::<T>(&mut rng, n, lx, ly);
    check_scal::<T>(&mut rng, n, lx);
    check_norms::<T>(&mut rng, n, lx);
    check_iamax::<T>(&mut rng, n, lx);
    check_copy::<T>(&mut rng, n, lx, ly);
    check_swap::<T>(&mut rng, n, lx, ly);
    check_rot::<T>(&mut rng, n, lx, ly);
}

// ---------------------------------------------------------------------------
// Deterministic sweeps: every length of SIZES × every layout (pair).

fn sweep2(seed: u64, check: fn(&mut Rng, usize, VLay, VLay)) {
    let mut rng = Rng::new(seed);
    for n in SIZES {
        for lx in VLay::ALL {
            for ly in VLay::ALL {
                check(&mut rng, n, lx, ly);
            }
        }
    }
}

fn sweep1(seed: u64, check: fn(&mut Rng, usize, VLay)) {
    let mut rng = Rng::new(seed);
    for n in SIZES {
        for lx in VLay::ALL {
            check(&mut rng, n, lx);
        }
    }
}

fn dot_sweep<T: Scalar>() {
    sweep2(1, check_dot::<T>);
}
all_dtypes!(dot_sweep);

fn axpy_sweep<T: Scalar>() {
    sweep2(2, check_axpy::<T>);
}
all_dtypes!(axpy_sweep);

fn scal_sweep<T: Scalar>() {
    sweep1(3, check_scal::<T>);
}
all_dtypes!(scal_sweep);

fn norms_sweep<T: Scalar>() {
    sweep1(4, check_norms::<T>);
}
all_dtypes!(norms_sweep);

fn iamax_sweep<T: Scalar>() {
    sweep1(5, check_iamax::<T>);
}
all_dtypes!(iamax_sweep);

fn copy_sweep<T: Scalar>() {
    sweep2(6, check_copy::<T>);
}
all_dtypes!(copy_sweep);

fn swap_sweep<T: Scalar>() {
    sweep2(7, check_swap::<T>);
}
all_dtypes!(swap_sweep);

fn rot_sweep<T: Scalar>() {
    sweep2(8, check_rot::<T>);
}
all_dtypes!(rot_sweep);

/// Longer vectors, past the unrolled and blocked paths of the kernels.
fn long_vectors<T: Scalar>() {
    let mut rng = Rng::new(9);
    for n in [64, 257] {
        for lx in VLay::ALL {
            for ly in [VLay::Contig, VLay::NegStep3] {
                check_dot::<T>(&mut rng, n, lx, ly);
                check_axpy::<T>(&mut rng, n, lx, ly);
                check_copy::<T>(&mut rng, n, lx, ly);
                check_swap::<T>(&mut rng, n, lx, ly);
                check_rot::<T>(&mut rng, n, lx, ly);
            }
            check_scal::<T>(&mut rng, n, lx);
            check_norms::<T>(&mut rng, n, lx);
            check_iamax::<T>(&mut rng, n, lx);
        }
    }
}
all_dtypes!(long_vectors);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random length and layouts: every routine on every element type.
    #[test]
    fn random_shapes_and_layouts(n in 0usize..=9, lx in 0usize..4, ly in 0usize..4, seed in any::<u64>()) {
        let (lx, ly) = (VLay::ALL[lx], VLay::ALL[ly]);
        check_all::<f32>(seed, n, lx, ly);
        check_all::<f64>(seed, n, lx, ly);
        check_all::<Complex32>(seed, n, lx, ly);
        check_all::<Complex64>(seed, n, lx, ly);
    }
}

// ---------------------------------------------------------------------------
// iamax: ties, the |re| + |im| measure, the documented copies.

fn iamax_ties_and_measure<T: Scalar>() {
    let c = |re: f64, im: f64| T::from_parts(real::<T>(re), real::<T>(im));
    let cases: Vec<Vec<T>> = vec![
        // A tie between indices 1 and 2 (and 4): the first wins, in every layout.
        vec![
            c(1.0, 0.0),
            c(-3.0, 0.0),
            c(3.0, 0.0),
            c(2.0, 0.0),
            c(-3.0, 0.0),
        ],
        // All equal.
        vec![c(0.5, 0.5); 6],
        // All zero.
        vec![T::zero(); 4],
        // Complex: |re| + |im| (4 at index 1 and 2), not the modulus (3 at index 0).
        vec![c(3.0, 0.0), c(2.0, 2.0), c(-2.0, -2.0), c(0.0, 1.0)],
        // The maximum last, and first.
        vec![c(0.1, 0.0), c(0.2, 0.1), c(-7.0, 0.0)],
        vec![c(-7.0, 1.0), c(0.2, 0.1), c(6.0, 0.0)],
        // Length one.
        vec![c(-2.0, 1.0)],
    ];
    for (k, v) in cases.into_iter().enumerate() {
        let x0 = Array1::from(v);
        for lx in VLay::ALL {
            check_iamax_values(&x0, lx, &format!("case {k}"));
        }
    }
    // The tie case has a known answer, whatever the reference says.
    let x0 = Array1::from(vec![c(1.0, 0.0), c(-3.0, 0.0), c(3.0, 0.0), c(2.0, 0.0)]);
    for lx in VLay::ALL {
        assert_eq!(iamax(&Vector::new(&x0, lx).view()).unwrap(), 1, "{lx:?}");
    }
    if T::IS_COMPLEX {
        let x0 = Array1::from(vec![c(3.0, 0.0), c(2.0, 2.0), c(-2.0, -2.0)]);
        for lx in VLay::ALL {
            assert_eq!(iamax(&Vector::new(&x0, lx).view()).unwrap(), 1, "{lx:?}");
        }
    }
}
all_dtypes!(iamax_ties_and_measure);

// ---------------------------------------------------------------------------
// Errors: never a panic, the right variant, the outputs untouched.

#[track_caller]
fn assert_shape_mismatch<R: std::fmt::Debug>(
    r: lapis::Result<R>,
    routine: &str,
    got: usize,
    expected: usize,
) {
    let e = r.expect_err("a length mismatch must be an error");
    match &e {
        Error::ShapeMismatch {
            routine: r,
            got: g,
            expected: x,
            ..
        } => {
            assert_eq!(*r, routine);
            assert_eq!(g.0, vec![got], "{e}");
            assert_eq!(x.0, vec![expected], "{e}");
        }
        other => panic!("{routine}: expected ShapeMismatch, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(msg.contains(routine), "{msg}");
    // The shapes as `Shape` prints them (NumPy style, `(3,)`).
    assert!(msg.contains(&Shape(vec![got]).to_string()), "{msg}");
    assert!(msg.contains(&Shape(vec![expected]).to_string()), "{msg}");
    assert!(msg.contains(&format!("{got},")), "{msg}");
}

fn shape_mismatch_errors<T: Scalar>() {
    let mut rng = Rng::new(20);
    for (nx, ny) in [(3, 4), (4, 3), (0, 1), (1, 0), (5, 2)] {
        let (x0, y0) = (rng.vector::<T>(nx), rng.vector::<T>(ny));
        let alpha = rng.scalar::<T>();
        assert_shape_mismatch(dot(&x0, &y0), "dot", ny, nx);
        assert_shape_mismatch(dotc(&x0, &y0), "dotc", ny, nx);
        assert_shape_mismatch(vdot(&x0, &y0), "vdot", ny, nx);

        let mut y = y0.clone();
        assert_shape_mismatch(axpy(alpha, &x0, &mut y), "axpy", ny, nx);
        assert_same1(&y, &y0, "axpy error: y");

        let mut y = y0.clone();
        assert_shape_mismatch(copy(&x0, &mut y), "copy", ny, nx);
        assert_same1(&y, &y0, "copy error: y");

        let (mut x, mut y) = (x0.clone(), y0.clone());
        assert_shape_mismatch(swap(&mut x, &mut y), "swap", ny, nx);
        assert_same1(&x, &x0, "swap error: x");
        assert_same1(&y, &y0, "swap error: y");

        let (mut x, mut y) = (x0.clone(), y0.clone());
        assert_shape_mismatch(
            rot(&mut x, &mut y, real::<T>(0.6), real::<T>(0.8)),
            "rot",
            ny,
            nx,
        );
        assert_same1(&x, &x0, "rot error: x");
        assert_same1(&y, &y0, "rot error: y");
    }
}
all_dtypes!(shape_mismatch_errors);

fn iamax_empty_is_an_error<T: Scalar>() {
    let x = Array1::<T>::zeros(0);
    let e = iamax(&x).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Empty {
                routine: "iamax",
                what: "x"
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("iamax"), "{e}");
    // An empty view of a longer array too.
    let big = Array1::<T>::ones(5);
    assert!(matches!(
        iamax(&big.slice(s![3..3])),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        iamax(&big.slice(s![3..3;-1])),
        Err(Error::Empty { .. })
    ));
}
all_dtypes!(iamax_empty_is_an_error);

#[track_caller]
fn assert_overlapping_output<R: std::fmt::Debug>(r: lapis::Result<R>, routine: &str, what: &str) {
    match r {
        Err(Error::OverlappingOutput {
            routine: r,
            what: w,
            strides,
        }) => {
            assert_eq!(r, routine);
            assert_eq!(w, what);
            assert_eq!(strides, vec![0]);
        }
        other => panic!("{routine}: expected OverlappingOutput, got {other:?}"),
    }
}

/// A length-3 mutable view with stride 0 of `cell[0]` (a broadcast output).
///
/// `ArrayViewMut1::from_shape_ptr(Ix1(3).strides(Ix1(0)), ptr)` would be the
/// direct way, but ndarray 0.17 asserts (with debug assertions, as in the
/// test profile) that a mutable view's strides do not alias, so the view is
/// made read-only first (`from_shape_ptr` of `ArrayView1` allows a zero
/// stride) and then retyped.
///
/// # Safety
/// `cell` must outlive the view and not be accessed while it is used.
unsafe fn zero_stride_mut<'a, T>(cell: &mut Array1<T>) -> ArrayViewMut1<'a, T> {
    let p = cell.as_mut_ptr();
    // SAFETY: the pointer is valid for the one element every index maps to.
    let v: ArrayView1<'a, T> =
        unsafe { ArrayView1::from_shape_ptr(Ix1(3).strides(Ix1(0)), p as *const T) };
    // SAFETY: `ArrayView1` and `ArrayViewMut1` differ only in a zero-sized
    // marker (`ViewRepr<&A>` vs `ViewRepr<&mut A>`); the memory came from a
    // `&mut` borrow, so writing through it would be allowed (and the
    // routines under test must refuse to write anyway).
    unsafe { std::mem::transmute::<ArrayView1<'a, T>, ArrayViewMut1<'a, T>>(v) }
}

fn zero_stride_outputs_are_errors<T: Scalar>() {
    let mut rng = Rng::new(21);
    let x0 = rng.vector::<T>(3);
    let alpha = rng.scalar::<T>();
    let cell0 = rng.vector::<T>(1);
    let (cs, sn) = (real::<T>(0.6), real::<T>(0.8));

    let mut cell = cell0.clone();
    assert_overlapping_output(
        // SAFETY: `cell` outlives the view, which only goes to `axpy` (expected to
        // refuse it unwritten, checked below).
        axpy(alpha, &x0, &mut unsafe { zero_stride_mut(&mut cell) }),
        "axpy",
        "y",
    );
    assert_same1(&cell, &cell0, "axpy: y");

    let mut cell = cell0.clone();
    assert_overlapping_output(
        // SAFETY: as for `axpy` above: `copy` must refuse the view.
        copy(&x0, &mut unsafe { zero_stride_mut(&mut cell) }),
        "copy",
        "y",
    );
    assert_same1(&cell, &cell0, "copy: y");

    let mut cell = cell0.clone();
    assert_overlapping_output(
        // SAFETY: as for `axpy` above: `scal` must refuse the view.
        scal(alpha, &mut unsafe { zero_stride_mut(&mut cell) }),
        "scal",
        "x",
    );
    assert_same1(&cell, &cell0, "scal: x");

    let mut cell = cell0.clone();
    assert_overlapping_output(
        // SAFETY: as for `axpy` above: `rscal` must refuse the view.
        rscal(alpha.re(), &mut unsafe { zero_stride_mut(&mut cell) }),
        "rscal",
        "x",
    );
    assert_same1(&cell, &cell0, "rscal: x");

    // swap and rot: either argument; the other is untouched too.
    for zero_is_x in [true, false] {
        let mut cell = cell0.clone();
        let mut other = x0.clone();
        // SAFETY: `cell` outlives `z`, which only goes to `swap` (expected to refuse
        // it, checked below).
        let mut z = unsafe { zero_stride_mut(&mut cell) };
        let r = if zero_is_x {
            swap(&mut z, &mut other)
        } else {
            swap(&mut other, &mut z)
        };
        assert_overlapping_output(r, "swap", if zero_is_x { "x" } else { "y" });
        assert_same1(&cell, &cell0, "swap: zero-stride");
        assert_same1(&other, &x0, "swap: other");

        let mut cell = cell0.clone();
        let mut other = x0.clone();
        // SAFETY: `cell` outlives `z`, which only goes to `rot` (expected to refuse
        // it, checked below).
        let mut z = unsafe { zero_stride_mut(&mut cell) };
        let r = if zero_is_x {
            rot(&mut z, &mut other, cs, sn)
        } else {
            rot(&mut other, &mut z, cs, sn)
        };
        assert_overlapping_output(r, "rot", if zero_is_x { "x" } else { "y" });
        assert_same1(&cell, &cell0, "rot: zero-stride");
        assert_same1(&other, &x0, "rot: other");
    }
}
all_dtypes!(zero_stride_outputs_are_errors);

/// A length-2 view whose second element is `stride` elements after the
/// first: a stride past the BLAS integer, which must be refused before any
/// element but the first is touched (there is no memory behind the second).
///
/// # Safety
/// The view must only be passed to a routine that rejects it unread.
unsafe fn huge_stride<'a, T>(
    cell: &mut Array1<T>,
    stride: usize,
    reversed: bool,
) -> ArrayViewMut1<'a, T> {
    let p = cell.as_mut_ptr();
    // SAFETY: see above; the offset is computed, never dereferenced.
    let v = unsafe { ArrayViewMut1::from_shape_ptr(Ix1(2).strides(Ix1(stride)), p) };
    if reversed { v.slice_move(s![..;-1]) } else { v }
}

#[track_caller]
fn assert_too_large<R: std::fmt::Debug>(r: lapis::Result<R>, routine: &str) {
    match r {
        Err(Error::DimensionTooLarge {
            routine: r,
            what: "increment",
            ..
        }) => assert_eq!(r, routine),
        other => panic!("{routine}: expected DimensionTooLarge for the increment, got {other:?}"),
    }
}

/// Increments that do not fit the BLAS integer are errors, not wrapped.
fn increment_too_large<T: Scalar>() {
    increment_too_large_with::<T>(false);
}
all_dtypes!(increment_too_large);

/// The same with a stride of −2³¹. That fits `i32` (as `i32::MIN`) but is
/// not a usable BLAS increment: BLAS negates it, or multiplies it by `n − 1`
/// (and by 2 for complex data) in 32-bit arithmetic, to find where the
/// vector starts. `layout::vec_arg` accepts it today, so the call reaches
/// BLAS, which reads the (here missing) second element: SIGSEGV in
/// `sdot_k` for the first `dot`. `vec_arg` now bounds the increment's
/// magnitude and the span `(n − 1)·|inc|`.
#[test]
fn increment_too_large_negative() {
    increment_too_large_with::<f32>(true);
    increment_too_large_with::<f64>(true);
    increment_too_large_with::<Complex32>(true);
    increment_too_large_with::<Complex64>(true);
}

fn increment_too_large_with<T: Scalar>(reversed: bool) {
    if lapis::backend().int_bits == 64 {
        // An ILP64 BLAS takes a 2³¹ increment: the view would reach BLAS and
        // read its missing element. No isize stride exceeds i64, so the
        // refusal path cannot be reached there; the ILP64 side of the edge
        // is tests/blas_int_width.rs.
        eprintln!("increment_too_large: not applicable to a 64-bit BLAS integer");
        return;
    }
    let mut rng = Rng::new(28);
    let big = 1usize << 31;
    let v0 = rng.vector::<T>(2);
    let c0 = rng.vector::<T>(1);
    let mut cell = c0.clone();
    // SAFETY: `cell` outlives `h`, which goes only to routines that must reject
    // its increment before reading (iamax is skipped when it would copy).
    let h = unsafe { huge_stride(&mut cell, big, reversed) };
    assert_too_large(dot(&v0, &h), "dot");
    assert_too_large(dotc(&h, &v0), "dotc");
    assert_too_large(nrm2(&h), "nrm2");
    assert_too_large(asum(&h), "asum");
    if !reversed {
        // (A reversed x is copied by iamax, reading the missing element.)
        assert_too_large(iamax(&h), "iamax");
    }
    // (Not axpy or copy with `h` as x: its byte range, 16 GiB long, may well
    // include y's address, and an input overlapping the output is copied
    // first, which would read the missing element. With real memory there,
    // that copy would be right.)
    // SAFETY: `cell` outlives `h`, which goes only to routines that must reject
    // its increment before reading or writing.
    let mut h = unsafe { huge_stride(&mut cell, big, reversed) };
    assert_too_large(axpy(T::one(), &v0, &mut h), "axpy");
    assert_too_large(copy(&v0, &mut h), "copy");
    assert_too_large(scal(T::one(), &mut h), "scal");
    assert_too_large(rscal(real::<T>(2.0), &mut h), "rscal");
    let mut y = v0.clone();
    assert_too_large(swap(&mut h, &mut y), "swap");
    assert_too_large(rot(&mut y, &mut h, real::<T>(0.6), real::<T>(0.8)), "rot");
    assert_same1(&y, &v0, "swap/rot: y");
    assert_same1(&cell, &c0, "huge-stride cell");
    // rot on complex data runs two real rotations at twice the increment,
    // which must fit too.
    if T::IS_COMPLEX && !reversed {
        // SAFETY: as above: `h` only goes to `rot`, which must reject it first.
        let mut h = unsafe { huge_stride(&mut cell, big / 2 + 1, false) };
        let mut y = v0.clone();
        assert_too_large(rot(&mut h, &mut y, real::<T>(0.6), real::<T>(0.8)), "rot");
        assert_same1(&y, &v0, "complex rot: y");
        assert_same1(&cell, &c0, "complex rot: x");
    }
}

/// A zero-stride (broadcast) *input* is fine: copied once, then as usual.
fn broadcast_inputs<T: Scalar>() {
    let mut rng = Rng::new(22);
    let v = rng.vector::<T>(1);
    let xb = v.broadcast(4).unwrap();
    let x0 = xb.to_owned();
    let y0 = rng.vector::<T>(4);
    let alpha = rng.scalar::<T>();

    let (got, c) = counting(|| dot(&xb, &y0).unwrap());
    assert_close(got, ref_dot(&x0, &y0, false), 4, "dot broadcast");
    assert_eq!(c, 1 + edge_copies(&[&y0.view()]), "dot broadcast: copies");

    let mut y = y0.clone();
    let (r, c) = counting(|| axpy(alpha, &xb, &mut y));
    r.unwrap();
    assert_close1(&y, &ref_axpy(alpha, &x0, &y0), 2, "axpy broadcast");
    assert_eq!(c, 1, "axpy broadcast: copies");

    let mut y = y0.clone();
    copy(&xb, &mut y).unwrap();
    assert_same1(&y, &x0, "copy broadcast");

    assert_close_real::<T>(nrm2(&xb).unwrap(), ref_nrm2(&x0), 4, "nrm2 broadcast");
    assert_close_real::<T>(asum(&xb).unwrap(), ref_asum(&x0), 4, "asum broadcast");
    assert_eq!(iamax(&xb).unwrap(), 0, "iamax broadcast");
}
all_dtypes!(broadcast_inputs);

// ---------------------------------------------------------------------------
// Overlap: an input overlapping the output acts as if it were copied first;
// two overlapping outputs are an error.

/// Ways to lay `x` over the buffer `b` of length 3n around `y = b[n..2n]`.
fn overlap_specs(n: usize) -> Vec<(&'static str, ndarray::Slice)> {
    use ndarray::Slice;
    let n = n as isize;
    vec![
        ("same", Slice::new(n, Some(2 * n), 1)),
        ("shift+1", Slice::new(n + 1, Some(2 * n + 1), 1)),
        ("shift-1", Slice::new(n - 1, Some(2 * n - 1), 1)),
        ("shift+3", Slice::new(n + 3, Some(2 * n + 3), 1)),
        ("reversed", Slice::new(n, Some(2 * n), -1)),
        ("reversed shift", Slice::new(n + 2, Some(2 * n + 2), -1)),
        (
            "stride 2 through",
            Slice::new(n / 2, Some(n / 2 + 2 * n - 1), 2),
        ),
        (
            "stride -2 through",
            Slice::new(n / 2, Some(n / 2 + 2 * n - 1), -2),
        ),
    ]
}

/// Runs `f(x, y)` with `y = b[n..2n]` and `x = b[spec]` aliasing it; returns
/// the buffer afterwards, the values x and y had before, and the copies made.
fn with_overlap<T: Scalar, R>(
    b0: &Array1<T>,
    n: usize,
    spec: ndarray::Slice,
    f: impl FnOnce(&ArrayView1<T>, &mut ArrayViewMut1<T>) -> R,
) -> (Array1<T>, Array1<T>, Array1<T>, R, usize) {
    let mut b = b0.clone();
    let x_before = b0.slice(s![spec]).to_owned();
    let y_before = b0.slice(s![n..2 * n]).to_owned();
    assert_eq!(x_before.len(), n);
    let p = b.as_mut_ptr();
    let len = b0.len();
    let (r, c) = {
        // SAFETY: both views lie in `b`, which outlives them; the aliasing is
        // the point of the test, and the routine copies x before writing y.
        let xv = unsafe { ArrayView1::from_shape_ptr(len, p as *const T) }.slice_move(s![spec]);
        // SAFETY: as for `xv` just above.
        let mut yv = unsafe { ArrayViewMut1::from_shape_ptr(len, p) }.slice_move(s![n..2 * n]);
        counting(|| f(&xv, &mut yv))
    };
    (b, x_before, y_before, r, c)
}

#[track_caller]
fn assert_outside_unchanged<T: Scalar>(b: &Array1<T>, b0: &Array1<T>, n: usize, what: &str) {
    for i in (0..n).chain(2 * n..b0.len()) {
        assert!(
            same(b[i], b0[i]),
            "{what}: element {i} outside y was written"
        );
    }
}

fn overlapping_inputs<T: Scalar>() {
    let mut rng = Rng::new(23);
    for n in [1usize, 2, 5, 8] {
        let b0 = rng.vector::<T>(3 * n + 3);
        let alpha = rng.scalar::<T>();
        for (name, spec) in overlap_specs(n) {
            let what = format!("n={n} x {name}");

            // Whether x really reaches into y's elements (it does not for some
            // of the specs when n = 1); then x is copied once.
            let idx = Array1::from_iter(0..b0.len());
            let overlaps = idx.slice(s![spec]).iter().any(|i| (n..2 * n).contains(i));
            let (b, xb, yb, r, c) = with_overlap(&b0, n, spec, |x, y| axpy(alpha, x, y));
            r.unwrap();
            assert_close1(
                &b.slice(s![n..2 * n]),
                &ref_axpy(alpha, &xb, &yb),
                2,
                &format!("axpy {what}"),
            );
            assert_outside_unchanged(&b, &b0, n, &format!("axpy {what}"));
            if overlaps {
                assert_eq!(c, 1, "axpy {what}: x is copied once");
            }

            let (b, xb, _, r, c) = with_overlap(&b0, n, spec, |x, y| copy(x, y));
            r.unwrap();
            assert_same1(&b.slice(s![n..2 * n]), &xb, &format!("copy {what}"));
            assert_outside_unchanged(&b, &b0, n, &format!("copy {what}"));
            if overlaps {
                assert_eq!(c, 1, "copy {what}: x is copied once");
            }

            // Read-only routines on aliasing inputs: nothing special, no copy.
            let (_, xb, yb, r, c) = with_overlap(&b0, n, spec, |x, y| dot(x, &y.view()));
            assert_close(
                r.unwrap(),
                ref_dot(&xb, &yb, false),
                n,
                &format!("dot {what}"),
            );
            // No copy, except the page-edge copies of a complex operand
            // (see `edge_copies`; the views are made inside with_overlap).
            assert!(
                c == 0 || (T::IS_COMPLEX && c <= 2),
                "dot {what}: {c} copies"
            );
            let (_, xb, yb, r, _) = with_overlap(&b0, n, spec, |x, y| dotc(x, &y.view()));
            assert_close(
                r.unwrap(),
                ref_dot(&xb, &yb, true),
                n,
                &format!("dotc {what}"),
            );
        }
    }
}
all_dtypes!(overlapping_inputs);

/// x and y are views of one buffer that share elements: swap and rot refuse.
fn overlapping_outputs_are_errors<T: Scalar>() {
    let mut rng = Rng::new(24);
    let n = 5;
    let b0 = rng.vector::<T>(3 * n);
    for (name, spec) in overlap_specs(n) {
        for routine in ["swap", "rot"] {
            let mut b = b0.clone();
            let p = b.as_mut_ptr();
            let len = b0.len();
            let r = {
                // SAFETY: both views lie in `b`; the routine must refuse them
                // before touching either.
                let mut xv = unsafe { ArrayViewMut1::from_shape_ptr(len, p) }.slice_move(s![spec]);
                // SAFETY: as for `xv` just above.
                let mut yv =
                    unsafe { ArrayViewMut1::from_shape_ptr(len, p) }.slice_move(s![n..2 * n]);
                if routine == "swap" {
                    swap(&mut xv, &mut yv)
                } else {
                    rot(&mut xv, &mut yv, real::<T>(0.6), real::<T>(0.8))
                }
            };
            match r {
                Err(Error::InvalidArgument { routine: r, .. }) => assert_eq!(r, routine),
                other => panic!("{routine} x {name}: expected an overlap error, got {other:?}"),
            }
            assert_same1(&b, &b0, &format!("{routine} x {name}: buffer"));
        }
    }
}
all_dtypes!(overlapping_outputs_are_errors);

/// Disjoint but interleaved views of one array (even and odd elements, made
/// safely by `multi_slice_mut`) share no element: swap and rot accept them.
fn disjoint_interleaved_outputs<T: Scalar>() {
    let mut rng = Rng::new(27);
    for n in [1usize, 2, 3, 6] {
        let b0 = rng.vector::<T>(4 * n);
        // (A negative step counts from the end of the range: `..2n - 1;-2`
        // is the even elements reversed.)
        let specs = [
            (s![..2 * n;2], s![1..2 * n;2]),
            (s![..2 * n - 1;-2], s![1..2 * n;2]),
            (s![1..2 * n;-2], s![..2 * n - 1;-2]),
            (s![..3 * n;3], s![2..3 * n;3]),
            (s![..4 * n;4], s![1..2 * n;2]),
            (s![1..2 * n;2], s![..4 * n - 3;-4]),
        ];
        for (k, (sx, sy)) in specs.into_iter().enumerate() {
            let what = format!("n={n} case {k}");
            let mut b = b0.clone();
            let (mut x, mut y) = b.multi_slice_mut((sx, sy));
            let (x0, y0) = (x.to_owned(), y.to_owned());
            assert_eq!(x0.len(), n, "{what}");
            let (r, c) = counting(|| swap(&mut x, &mut y));
            r.unwrap_or_else(|e| panic!("swap {what}: {e}"));
            assert_same1(&x, &y0, &format!("swap {what}: x"));
            assert_same1(&y, &x0, &format!("swap {what}: y"));
            assert_eq!(c, 0, "swap {what}: copies");

            let (cs, sn) = (real::<T>(0.6), real::<T>(-0.8));
            let (r, c) = counting(|| rot(&mut x, &mut y, cs, sn));
            r.unwrap_or_else(|e| panic!("rot {what}: {e}"));
            let (wx, wy) = ref_rot(&y0, &x0, cs, sn);
            assert_close1(&x, &wx, 2, &format!("rot {what}: x"));
            assert_close1(&y, &wy, 2, &format!("rot {what}: y"));
            assert_eq!(c, 0, "rot {what}: copies");
        }
    }
}
all_dtypes!(disjoint_interleaved_outputs);

// ---------------------------------------------------------------------------
// Special values.

fn alpha_zero<T: Scalar>() {
    let mut rng = Rng::new(25);
    for n in SIZES {
        for lx in VLay::ALL {
            // scal and rscal by zero give exact zeros.
            let x0 = rng.vector::<T>(n);
            let mut x = Vector::new(&x0, lx);
            scal(T::zero(), &mut x.view_mut()).unwrap();
            assert!(
                x.view().iter().all(|v| *v == T::zero()),
                "scal 0 n={n} {lx:?}: {}",
                x.view()
            );
            assert_padding(&x, n, lx, "scal 0");
            let mut x = Vector::new(&x0, lx);
            rscal(real::<T>(0.0), &mut x.view_mut()).unwrap();
            assert!(
                x.view().iter().all(|v| *v == T::zero()),
                "rscal 0 n={n} {lx:?}: {}",
                x.view()
            );

            // scal and rscal by one leave x exactly as it was.
            let mut x = Vector::new(&x0, lx);
            scal(T::one(), &mut x.view_mut()).unwrap();
            assert_same1(&x.view(), &x0, "scal 1");
            rscal(real::<T>(1.0), &mut x.view_mut()).unwrap();
            assert_same1(&x.view(), &x0, "rscal 1");

            // axpy with alpha 0 leaves y exactly as it was, even with x
            // holding NaN and infinities (BLAS returns at once).
            for ly in VLay::ALL {
                let mut xs = rng.vector::<T>(n);
                if n > 0 {
                    xs[0] = T::from_f64(f64::NAN);
                    xs[n - 1] = T::from_f64(f64::INFINITY);
                }
                let y0 = rng.vector::<T>(n);
                let x = Vector::new(&xs, lx);
                let mut y = Vector::new(&y0, ly);
                axpy(T::zero(), &x.view(), &mut y.view_mut()).unwrap();
                assert_same1(&y.view(), &y0, &format!("axpy 0 n={n} x {lx:?} y {ly:?}"));
            }
        }
    }
}
all_dtypes!(alpha_zero);

/// nrm2 scales against overflow and underflow: huge and tiny elements whose
/// squares are out of range still give the right norm.
fn nrm2_extreme_values<T: Scalar>() {
    let big = if size_of::<T::Real>() == 4 {
        1e30
    } else {
        1e200
    };
    let parts = if T::IS_COMPLEX { 2.0 } else { 1.0 };
    for magnitude in [big, 1.0 / big] {
        for n in [1usize, 2, 3, 7, 16] {
            for lx in VLay::ALL {
                let x0 = Array1::from_elem(
                    n,
                    T::from_parts(real::<T>(magnitude), real::<T>(-magnitude)),
                );
                let x = Vector::new(&x0, lx);
                let got = f64_of(nrm2(&x.view()).unwrap());
                let want = f64_of(real::<T>(magnitude)) * (parts * n as f64).sqrt();
                assert!(
                    got.is_finite() && got > 0.0,
                    "nrm2 {magnitude:e} n={n} {lx:?}: {got:e}"
                );
                let rel = (got - want).abs() / want;
                assert!(
                    rel <= tolerance::<T>(n, 0.0, 8.0),
                    "nrm2 {magnitude:e} n={n} {lx:?}: got {got:e}, want {want:e}"
                );
            }
        }
    }
    // Mixed magnitudes: the huge element dominates exactly.
    let mut x0 = Array1::from_elem(5, T::from_f64(1.0));
    x0[2] = T::from_f64(-big);
    assert_close_real::<T>(nrm2(&x0).unwrap(), ref_nrm2(&x0), 5, "nrm2 mixed");
}
all_dtypes!(nrm2_extreme_values);

/// Empty inputs: the sums are zero and nothing is written.
fn empty_vectors<T: Scalar>() {
    let e = Array1::<T>::zeros(0);
    assert_eq!(dot(&e, &e).unwrap(), T::zero());
    assert_eq!(dotc(&e, &e).unwrap(), T::zero());
    assert_eq!(f64_of(nrm2(&e).unwrap()), 0.0);
    assert_eq!(f64_of(asum(&e).unwrap()), 0.0);
    let mut a = Array1::<T>::zeros(0);
    let mut b = Array1::<T>::zeros(0);
    axpy(T::one(), &e, &mut a).unwrap();
    copy(&e, &mut a).unwrap();
    scal(T::one(), &mut a).unwrap();
    swap(&mut a, &mut b).unwrap();
    rot(&mut a, &mut b, real::<T>(1.0), real::<T>(0.0)).unwrap();
}
all_dtypes!(empty_vectors);

/// The rotation by a quarter turn and the identity rotation, exactly.
fn rot_exact<T: Scalar>() {
    let mut rng = Rng::new(26);
    for lx in VLay::ALL {
        for ly in VLay::ALL {
            let (x0, y0) = (rng.vector::<T>(5), rng.vector::<T>(5));
            let (mut x, mut y) = (Vector::new(&x0, lx), Vector::new(&y0, ly));
            rot(
                &mut x.view_mut(),
                &mut y.view_mut(),
                real::<T>(1.0),
                real::<T>(0.0),
            )
            .unwrap();
            assert_same1(&x.view(), &x0, "rot identity x");
            assert_same1(&y.view(), &y0, "rot identity y");
            // c = 0, s = 1: x := y, y := -x.
            rot(
                &mut x.view_mut(),
                &mut y.view_mut(),
                real::<T>(0.0),
                real::<T>(1.0),
            )
            .unwrap();
            assert_same1(&x.view(), &y0, "rot quarter x");
            assert_same1(&y.view(), &x0.mapv(|v| -v), "rot quarter y");
        }
    }
}
all_dtypes!(rot_exact);
