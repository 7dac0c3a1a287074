//! `lapis::array::linalg`: numpy.linalg on dynamic arrays. Every routine on
//! all four dtypes and on C, Fortran, transposed, strided and
//! negative-stride inputs, checked by residuals (A x − b, A V − V diag(w),
//! H X − S X diag(e) and Xᴴ S X − I, Q R − A, U S Vᴴ − A, L Lᴴ − A, …) with
//! tolerances scaling with eps and n; stacks; dtypes of results; errors.

mod common;

use common::Rng;
use common::nd_linalg::{ct, diff, eye, general, hermitian, hpd, mat, max_abs, mm, nd, tol, vec1};
use lapis::array::linalg::{self as la, NormOrd, QrMode};
use lapis::array::{self, Idx, NdArray};
use lapis::blas::{Transpose, Uplo};
use lapis::{Complex32, Complex64, DType, Error, RealScalar, Scalar};
use ndarray::{Array2, ArrayD, ShapeBuilder, s};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The same logical matrix in five layouts, as NdArrays.
fn layouts<T: Scalar>(m: &Array2<T>) -> Vec<(&'static str, NdArray)> {
    let (r, c) = m.dim();
    let c_order = array::from_ndarray(m.as_standard_layout().to_owned()).unwrap();
    let mut f = Array2::<T>::zeros((r, c).f());
    f.assign(m);
    let f_order = array::from_ndarray(f).unwrap();
    let transposed = array::from_ndarray(m.t().as_standard_layout().to_owned())
        .unwrap()
        .t();
    let mut big = Array2::<T>::zeros((2 * r, 3 * c));
    big.slice_mut(s![..;2, ..;3]).assign(m);
    let strided = array::from_ndarray(big)
        .unwrap()
        .slice(&[Idx::step(2), Idx::step(3)])
        .unwrap();
    let rev = m.slice(s![..;-1, ..;-1]).as_standard_layout().to_owned();
    let negative = array::from_ndarray(rev)
        .unwrap()
        .slice(&[Idx::step(-1), Idx::step(-1)])
        .unwrap();
    let all = vec![
        ("C", c_order),
        ("F", f_order),
        ("transposed", transposed),
        ("strided", strided),
        ("negative", negative),
    ];
    for (name, a) in &all {
        assert_eq!(mat::<T>(a), *m, "layout {name} holds the values");
    }
    assert!(all[4].1.strides().iter().all(|&s| s < 0));
    all
}

macro_rules! all_dtypes {
    ($f:ident) => {
        $f::<f32>();
        $f::<f64>();
        $f::<Complex32>();
        $f::<Complex64>();
    };
}

// ---------------------------------------------------------------------------
// solve, inv, det, slogdet, lu
// ---------------------------------------------------------------------------

fn check_solve<T: Scalar>() {
    let mut rng = Rng::new(1);
    let n = 7;
    let a = general::<T>(&mut rng, n);
    let b = rng.matrix::<T>(n, 3);
    for (name, av) in layouts(&a) {
        for (bname, bv) in layouts(&b) {
            let x = la::solve(&av, &bv).unwrap();
            assert_eq!(x.dtype(), T::DTYPE);
            assert_eq!(x.shape(), &[n, 3]);
            let r = diff(&mm(&a, &mat::<T>(&x)), &b);
            assert!(r < tol::<T>(n), "{name}/{bname}: residual {r}");
        }
        // 1-D right-hand side
        let b1 = rng.vector::<T>(n);
        let x = la::solve(&av, &array::from_ndarray(b1.clone()).unwrap()).unwrap();
        assert_eq!(x.shape(), &[n]);
        let x = vec1::<T>(&x).insert_axis(ndarray::Axis(1));
        let r = diff(&mm(&a, &x), &b1.insert_axis(ndarray::Axis(1)));
        assert!(r < tol::<T>(n), "{name} (1-D b): residual {r}");
    }
    // inputs untouched
    let av = nd(&a);
    let _ = la::solve(&av, &nd(&b)).unwrap();
    assert_eq!(mat::<T>(&av), a);
}

#[test]
fn solve_all_dtypes_and_layouts() {
    all_dtypes!(check_solve);
}

fn check_inv_det<T: Scalar>() {
    let mut rng = Rng::new(2);
    let n = 6;
    let a = general::<T>(&mut rng, n);
    for (name, av) in layouts(&a) {
        let ai = mat::<T>(&la::inv(&av).unwrap());
        let r = diff(&mm(&a, &ai), &eye::<T>(n));
        assert!(r < tol::<T>(n), "inv {name}: {r}");

        // det vs the product of U's diagonal and the permutation's sign
        let (p, l, u) = la::lu(&av).unwrap();
        let (p, l, u) = (mat::<T>(&p), mat::<T>(&l), mat::<T>(&u));
        let r = diff(&mm(&p, &mm(&l, &u)), &a);
        assert!(r < tol::<T>(n) * n as f64, "lu {name}: {r}");
        for i in 0..n {
            assert_eq!(l[[i, i]], T::one());
            for j in i + 1..n {
                assert_eq!(l[[i, j]], T::zero());
                assert_eq!(u[[j, i]], T::zero());
            }
        }
        let sign = perm_sign(&p);
        let prod = u.diag().iter().fold(T::from_f64(sign), |acc, &d| acc * d);
        let d = la::det(&av).unwrap();
        assert_eq!(d.ndim(), 0);
        assert_eq!(d.dtype(), T::DTYPE);
        let dv: T = d.item(&[]).unwrap();
        let rel = (dv - prod).abs().to_f64_real() / prod.abs().to_f64_real();
        assert!(rel < tol::<T>(n), "det {name}: {dv} vs {prod}");
        let ds = la::det_scalar(&av).unwrap();
        assert!((ds.re - dv.re().to_f64_real()).abs() <= 1e-12 * ds.norm());
        assert!((ds.im - dv.im().to_f64_real()).abs() <= 1e-12 * ds.norm());

        let (sg, lg) = la::slogdet(&av).unwrap();
        assert_eq!(sg.dtype(), T::DTYPE);
        assert_eq!(lg.dtype(), T::DTYPE.real());
        let sg: T = sg.item(&[]).unwrap();
        let lg: T::Real = lg.item(&[]).unwrap();
        let recon = sg * T::from_f64(lg.to_f64_real().exp());
        let rel = (recon - dv).abs().to_f64_real() / dv.abs().to_f64_real();
        assert!(rel < tol::<T>(n), "slogdet {name}: {rel}");
    }
}

fn perm_sign<T: Scalar>(p: &Array2<T>) -> f64 {
    let n = p.nrows();
    let mut perm: Vec<usize> = (0..n)
        .map(|i| (0..n).find(|&j| p[[i, j]] == T::one()).unwrap())
        .collect();
    let mut sign = 1.0;
    for i in 0..n {
        while perm[i] != i {
            let j = perm[i];
            perm.swap(i, j);
            sign = -sign;
        }
    }
    sign
}

#[test]
fn inv_lu_det_slogdet_all_dtypes_and_layouts() {
    all_dtypes!(check_inv_det);
}

#[test]
fn lu_rectangular_shapes() {
    let mut rng = Rng::new(3);
    let a = rng.matrix::<f64>(5, 3);
    let (p, l, u) = la::lu(&nd(&a)).unwrap();
    assert_eq!(
        (p.shape(), l.shape(), u.shape()),
        (&[5, 5][..], &[5, 3][..], &[3, 3][..])
    );
    let r = diff(&mm(&mat(&p), &mm(&mat(&l), &mat(&u))), &a);
    assert!(r < tol::<f64>(5));
}

// ---------------------------------------------------------------------------
// cholesky, eigh, generalized eigh
// ---------------------------------------------------------------------------

fn check_cholesky<T: Scalar>() {
    let mut rng = Rng::new(4);
    let n = 6;
    let a = hpd::<T>(&mut rng, n);
    let scale = max_abs(&a);
    for (name, av) in layouts(&a) {
        let l = mat::<T>(&la::cholesky(&av, Uplo::Lower).unwrap());
        let r = diff(&mm(&l, &ct(&l)), &a) / scale;
        assert!(r < tol::<T>(n), "cholesky lower {name}: {r}");
        let u = mat::<T>(&la::cholesky(&av, Uplo::Upper).unwrap());
        let r = diff(&mm(&ct(&u), &u), &a) / scale;
        assert!(r < tol::<T>(n), "cholesky upper {name}: {r}");
        for i in 0..n {
            for j in i + 1..n {
                assert_eq!(l[[i, j]], T::zero());
                assert_eq!(u[[j, i]], T::zero());
            }
        }
    }
}

#[test]
fn cholesky_all_dtypes_and_layouts() {
    all_dtypes!(check_cholesky);
}

fn check_eigh<T: Scalar>() {
    let mut rng = Rng::new(5);
    let n = 7;
    let a = hermitian::<T>(&mut rng, n);
    for (name, av) in layouts(&a) {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            let (w, v) = la::eigh(&av, uplo).unwrap();
            assert_eq!(w.dtype(), T::DTYPE.real());
            assert_eq!(v.dtype(), T::DTYPE);
            let w = vec1::<T::Real>(&w);
            let v = mat::<T>(&v);
            assert!(w.windows(2).into_iter().all(|p| p[0] <= p[1]));
            let vw = Array2::from_shape_fn((n, n), |(i, j)| v[[i, j]] * T::from_real(w[j]));
            let r = diff(&mm(&a, &v), &vw);
            assert!(r < tol::<T>(n), "eigh {name} {uplo:?}: A V - V W = {r}");
            let r = diff(&mm(&ct(&v), &v), &eye::<T>(n));
            assert!(r < tol::<T>(n), "eigh {name}: V^H V - I = {r}");
            let wv = vec1::<T::Real>(&la::eigvalsh(&av, uplo).unwrap());
            for (x, y) in w.iter().zip(wv.iter()) {
                assert!((x.to_f64_real() - y.to_f64_real()).abs() < tol::<T>(n));
            }
        }
    }
}

#[test]
fn eigh_all_dtypes_and_layouts() {
    all_dtypes!(check_eigh);
}

#[test]
fn eigh_reads_only_its_triangle() {
    let mut rng = Rng::new(6);
    let a = hermitian::<f64>(&mut rng, 5);
    let mut junk = a.clone();
    for i in 0..5 {
        for j in i + 1..5 {
            junk[[i, j]] = 99.0; // upper triangle garbage
        }
    }
    let w1 = vec1::<f64>(&la::eigvalsh(&nd(&a), Uplo::Lower).unwrap());
    let w2 = vec1::<f64>(&la::eigvalsh(&nd(&junk), Uplo::Lower).unwrap());
    assert!((&w1 - &w2).iter().all(|d| d.abs() < 1e-12));
}

fn check_eigh_generalized<T: Scalar>() {
    let mut rng = Rng::new(7);
    let n = 6;
    let h = hermitian::<T>(&mut rng, n);
    let sm = hpd::<T>(&mut rng, n);
    let scale = max_abs(&h) + max_abs(&sm);
    for (name, hv) in layouts(&h) {
        for (sname, sv) in layouts(&sm) {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                let (e, x) = la::eigh_generalized(&hv, &sv, uplo).unwrap();
                assert_eq!(e.dtype(), T::DTYPE.real());
                assert_eq!(x.dtype(), T::DTYPE);
                let e = vec1::<T::Real>(&e);
                let x = mat::<T>(&x);
                let sx = mm(&sm, &x);
                let sxe = Array2::from_shape_fn((n, n), |(i, j)| sx[[i, j]] * T::from_real(e[j]));
                let r = diff(&mm(&h, &x), &sxe) / scale;
                assert!(
                    r < tol::<T>(n),
                    "{name}/{sname} {uplo:?}: H X - S X E = {r}"
                );
                let r = diff(&mm(&ct(&x), &sx), &eye::<T>(n));
                assert!(r < tol::<T>(n), "{name}/{sname}: X^H S X - I = {r}");
                let ev = vec1::<T::Real>(&la::eigvalsh_generalized(&hv, &sv, uplo).unwrap());
                for (a, b) in e.iter().zip(ev.iter()) {
                    assert!((a.to_f64_real() - b.to_f64_real()).abs() < tol::<T>(n));
                }
            }
        }
    }
}

#[test]
fn eigh_generalized_all_dtypes_and_layouts() {
    all_dtypes!(check_eigh_generalized);
}

// ---------------------------------------------------------------------------
// eig, qr, svd, lstsq, pinv
// ---------------------------------------------------------------------------

fn check_eig<T: Scalar>() {
    let mut rng = Rng::new(8);
    let n = 6;
    let a = rng.matrix::<T>(n, n);
    let ac = a.mapv(|v| Complex64::new(v.re().to_f64_real(), v.im().to_f64_real()));
    for (name, av) in layouts(&a) {
        let (w, v) = la::eig(&av).unwrap();
        let cdt = T::DTYPE.complex();
        assert_eq!((w.dtype(), v.dtype()), (cdt, cdt));
        let w = w.astype(DType::C128).unwrap();
        let v = v.astype(DType::C128).unwrap();
        let (w, v) = (vec1::<Complex64>(&w), mat::<Complex64>(&v));
        let vw = Array2::from_shape_fn((n, n), |(i, j)| v[[i, j]] * w[j]);
        let r = diff(&mm(&ac, &v), &vw);
        assert!(r < tol::<T>(n) * 10.0, "eig {name}: {r}");
        let wv = vec1::<Complex64>(&la::eigvals(&av).unwrap().astype(DType::C128).unwrap());
        assert_eq!(wv.len(), n);
    }
}

#[test]
fn eig_all_dtypes_and_layouts() {
    all_dtypes!(check_eig);
}

fn check_qr<T: Scalar>() {
    let mut rng = Rng::new(9);
    let (m, n) = (7, 4);
    let a = rng.matrix::<T>(m, n);
    for (name, av) in layouts(&a) {
        for (mode, qs, rs) in [
            (QrMode::Reduced, [m, n], [n, n]),
            (QrMode::Complete, [m, m], [m, n]),
        ] {
            let (q, r) = la::qr(&av, mode).unwrap();
            let q = q.unwrap();
            assert_eq!((q.shape(), r.shape()), (&qs[..], &rs[..]));
            let (q, r) = (mat::<T>(&q), mat::<T>(&r));
            let res = diff(&mm(&q, &r), &a);
            assert!(res < tol::<T>(m), "qr {name} {mode:?}: QR - A = {res}");
            let res = diff(&mm(&ct(&q), &q), &eye::<T>(qs[1]));
            assert!(res < tol::<T>(m), "qr {name}: Q^H Q - I = {res}");
            for i in 0..r.nrows() {
                for j in 0..i.min(n) {
                    assert_eq!(r[[i, j]], T::zero());
                }
            }
        }
        let (q, r) = la::qr(&av, QrMode::R).unwrap();
        assert!(q.is_none());
        assert_eq!(r.shape(), &[n, n]);
    }
}

#[test]
fn qr_all_dtypes_and_layouts() {
    all_dtypes!(check_qr);
}

fn check_svd<T: Scalar>() {
    let mut rng = Rng::new(10);
    let (m, n) = (6, 4);
    let a = rng.matrix::<T>(m, n);
    for (name, av) in layouts(&a) {
        for full in [false, true] {
            let (u, sv, vh) = la::svd(&av, full).unwrap();
            assert_eq!(sv.dtype(), T::DTYPE.real());
            let k = if full { m } else { n };
            assert_eq!(u.shape(), &[m, k]);
            assert_eq!(vh.shape(), &[n, n]);
            let (u, sv, vh) = (mat::<T>(&u), vec1::<T::Real>(&sv), mat::<T>(&vh));
            let us = Array2::from_shape_fn((m, n), |(i, j)| u[[i, j]] * T::from_real(sv[j]));
            let r = diff(&mm(&us, &vh), &a);
            assert!(r < tol::<T>(m), "svd {name} full={full}: U S Vh - A = {r}");
            let r = diff(&mm(&ct(&u), &u), &eye::<T>(k));
            assert!(r < tol::<T>(m), "svd {name}: U^H U - I = {r}");
            assert!(sv.windows(2).into_iter().all(|p| p[0] >= p[1]));
            let s2 = vec1::<T::Real>(&la::svdvals(&av).unwrap());
            for (x, y) in sv.iter().zip(s2.iter()) {
                assert!((x.to_f64_real() - y.to_f64_real()).abs() < tol::<T>(m));
            }
        }
    }
}

#[test]
fn svd_all_dtypes_and_layouts() {
    all_dtypes!(check_svd);
}

fn check_lstsq_pinv<T: Scalar>() {
    let mut rng = Rng::new(11);
    let (m, n) = (8, 3);
    let a = rng.matrix::<T>(m, n);
    let b = rng.matrix::<T>(m, 2);
    for (name, av) in layouts(&a) {
        let r = la::lstsq(&av, &nd(&b), None).unwrap();
        assert_eq!(r.rank, n);
        assert_eq!(r.x.shape(), &[n, 2]);
        assert_eq!(r.residuals.shape(), &[2]);
        assert_eq!(r.s.shape(), &[n]);
        let x = mat::<T>(&r.x);
        // normal equations: Aᴴ (A x − b) = 0
        let res = mm(&a, &x) - &b;
        let ne = max_abs(&mm(&ct(&a), &res));
        assert!(ne < tol::<T>(m), "lstsq {name}: normal equations {ne}");
        let rs = vec1::<T::Real>(&r.residuals);
        for j in 0..2 {
            let want: f64 = res
                .column(j)
                .iter()
                .map(|v| v.abs_sqr().to_f64_real())
                .sum();
            assert!((rs[j].to_f64_real() - want).abs() < tol::<T>(m) * (1.0 + want));
        }
        let p = mat::<T>(&la::pinv(&av, None).unwrap());
        assert_eq!(p.dim(), (n, m));
        let r2 = diff(&mm(&p, &a), &eye::<T>(n));
        assert!(r2 < tol::<T>(m) * 10.0, "pinv {name}: P A - I = {r2}");
    }
}

#[test]
fn lstsq_pinv_all_dtypes_and_layouts() {
    all_dtypes!(check_lstsq_pinv);
}

// ---------------------------------------------------------------------------
// norm, cond, matrix_rank, solve_triangular
// ---------------------------------------------------------------------------

fn check_norms<T: Scalar>() {
    let mut rng = Rng::new(12);
    let (m, n) = (5, 4);
    let a = rng.matrix::<T>(m, n);
    let absa = a.mapv(|v| v.abs().to_f64_real());
    let fro = absa.iter().map(|v| v * v).sum::<f64>().sqrt();
    let max_row = absa.rows().into_iter().map(|r| r.sum()).fold(0.0, f64::max);
    let max_col = absa
        .columns()
        .into_iter()
        .map(|c| c.sum())
        .fold(0.0, f64::max);
    let sv = vec1::<T::Real>(&la::svdvals(&nd(&a)).unwrap());
    let t = tol::<T>(m);
    for (name, av) in layouts(&a) {
        let cases = [
            (None, fro),
            (Some(NormOrd::Fro), fro),
            (Some(NormOrd::Inf), max_row),
            (Some(NormOrd::P(1.0)), max_col),
            (Some(NormOrd::P(2.0)), sv[0].to_f64_real()),
            (Some(NormOrd::P(-2.0)), sv[n - 1].to_f64_real()),
            (
                Some(NormOrd::Nuc),
                sv.iter().map(|v| v.to_f64_real()).sum::<f64>(),
            ),
        ];
        for (ord, want) in cases {
            let got = la::norm(&av, ord).unwrap();
            assert!(
                (got - want).abs() < t * want,
                "norm {name} {ord:?}: {got} vs {want}"
            );
        }
        // along axis 1: vector 1-norms of the rows
        let rows = la::norm_axis(&av, Some(NormOrd::P(1.0)), &[-1], false).unwrap();
        assert_eq!(rows.dtype(), T::DTYPE.real());
        let rows = vec1::<T::Real>(&rows);
        for i in 0..m {
            assert!((rows[i].to_f64_real() - absa.row(i).sum()).abs() < t);
        }
        let c = la::cond(&av, None).unwrap();
        assert_eq!(c.ndim(), 0);
        let c: T::Real = c.item(&[]).unwrap();
        let want = sv[0].to_f64_real() / sv[n - 1].to_f64_real();
        assert!((c.to_f64_real() - want).abs() < t * want);
        assert_eq!(la::matrix_rank(&av, None).unwrap(), n);
    }
    // a vector
    let v = rng.vector::<T>(6);
    let vn = array::from_ndarray(v.clone()).unwrap();
    let inf = v.iter().map(|x| x.abs().to_f64_real()).fold(0.0, f64::max);
    assert!((la::norm(&vn, Some(NormOrd::Inf)).unwrap() - inf).abs() < t);
    // rank-deficient
    let r1 = mm(&rng.matrix::<T>(5, 1), &rng.matrix::<T>(1, 4));
    assert_eq!(la::matrix_rank(&nd(&r1), None).unwrap(), 1);
    assert_eq!(la::matrix_rank(&nd(&r1), Some(1e30)).unwrap(), 0);
}

#[test]
fn norm_cond_rank_all_dtypes_and_layouts() {
    all_dtypes!(check_norms);
}

fn check_solve_triangular<T: Scalar>() {
    let mut rng = Rng::new(13);
    let n = 6;
    let full = general::<T>(&mut rng, n);
    let lower = Array2::from_shape_fn(
        (n, n),
        |(i, j)| if j <= i { full[[i, j]] } else { T::zero() },
    );
    let b = rng.matrix::<T>(n, 2);
    for (name, fv) in layouts(&full) {
        // only the lower triangle of `full` is read
        let x = mat::<T>(
            &la::solve_triangular(&fv, &nd(&b), Uplo::Lower, Transpose::NoTrans, false).unwrap(),
        );
        let r = diff(&mm(&lower, &x), &b);
        assert!(r < tol::<T>(n), "trsv {name}: {r}");
        let x = mat::<T>(
            &la::solve_triangular(&fv, &nd(&b), Uplo::Lower, Transpose::ConjTrans, false).unwrap(),
        );
        let r = diff(&mm(&ct(&lower), &x), &b);
        assert!(r < tol::<T>(n), "trsv^H {name}: {r}");
    }
}

#[test]
fn solve_triangular_all_dtypes_and_layouts() {
    all_dtypes!(check_solve_triangular);
}

// ---------------------------------------------------------------------------
// Stacks
// ---------------------------------------------------------------------------

#[test]
fn stacks_work_like_numpy() {
    let mut rng = Rng::new(14);
    let n = 4;
    let mats: Vec<Array2<f64>> = (0..3).map(|_| general::<f64>(&mut rng, n)).collect();
    let mut stack = ArrayD::<f64>::zeros(ndarray::IxDyn(&[3, n, n]));
    for (k, m) in mats.iter().enumerate() {
        stack.slice_mut(s![k, .., ..]).assign(m);
    }
    let st = array::from_ndarray(stack).unwrap();
    let d = la::det(&st).unwrap();
    assert_eq!(d.shape(), &[3]);
    let inv = la::inv(&st).unwrap();
    assert_eq!(inv.shape(), &[3, n, n]);
    let b = array::from_ndarray(rng.vector::<f64>(n)).unwrap();
    let x = la::solve(&st, &b).unwrap();
    assert_eq!(x.shape(), &[3, n]);
    let (w, v) = la::eigh(&st, Uplo::Lower).unwrap();
    assert_eq!((w.shape(), v.shape()), (&[3, n][..], &[3, n, n][..]));
    let s = la::svdvals(&st).unwrap();
    assert_eq!(s.shape(), &[3, n]);
    for (k, m) in mats.iter().enumerate() {
        let dk: f64 = d.item(&[k as isize]).unwrap();
        let want: f64 = la::det(&nd(m)).unwrap().item(&[]).unwrap();
        assert!((dk - want).abs() < 1e-12 * want.abs());
        let ik = inv.index_axis(0, k as isize).unwrap();
        let r = diff(&mm(m, &mat::<f64>(&ik)), &eye::<f64>(n));
        assert!(r < tol::<f64>(n));
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn errors() {
    let mut rng = Rng::new(15);
    let sq = nd(&general::<f64>(&mut rng, 3));
    let rect = nd(&rng.matrix::<f64>(3, 2));
    let b = nd(&rng.matrix::<f64>(3, 1));

    assert!(matches!(la::solve(&rect, &b), Err(Error::NotSquare { .. })));
    assert!(matches!(la::inv(&rect), Err(Error::NotSquare { .. })));
    assert!(matches!(la::det(&rect), Err(Error::NotSquare { .. })));
    assert!(matches!(
        la::cholesky(&rect, Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));
    assert!(matches!(
        la::eigh(&rect, Uplo::Lower),
        Err(Error::NotSquare { .. })
    ));

    let singular = nd(&Array2::from_shape_vec(
        (3, 3),
        vec![1.0, 2.0, 3.0, 2.0, 4.0, 6.0, 1.0, 0.0, 1.0],
    )
    .unwrap());
    assert!(matches!(
        la::solve(&singular, &b),
        Err(Error::Singular { .. })
    ));
    assert!(matches!(la::inv(&singular), Err(Error::Singular { .. })));
    // det of a singular matrix is 0, not an error
    let d: f64 = la::det(&singular).unwrap().item(&[]).unwrap();
    assert_eq!(d, 0.0);

    // not positive definite: the leading minor of order 2 fails
    let npd = nd(&Array2::from_shape_vec(
        (3, 3),
        vec![1.0, 2.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0, 1.0],
    )
    .unwrap());
    match la::cholesky(&npd, Uplo::Lower) {
        Err(Error::NotPositiveDefinite { minor, .. }) => assert_eq!(minor, 2),
        other => panic!("expected NotPositiveDefinite, got {other:?}"),
    }
    assert!(matches!(
        la::eigh_generalized(&sq, &npd, Uplo::Lower),
        Err(Error::NotPositiveDefinite { .. })
    ));

    // dtype mismatch
    let b32 = b.astype(DType::F32).unwrap();
    assert!(matches!(
        la::solve(&sq, &b32),
        Err(Error::DTypeMismatch { .. })
    ));
    let sq32 = sq.astype(DType::F32).unwrap();
    assert!(matches!(
        la::eigh_generalized(&sq, &sq32, Uplo::Lower),
        Err(Error::DTypeMismatch { .. })
    ));
    assert!(matches!(
        la::lstsq(&sq, &b32, None),
        Err(Error::DTypeMismatch { .. })
    ));

    // too few axes
    let v = array::from_ndarray(rng.vector::<f64>(3)).unwrap();
    assert!(matches!(la::inv(&v), Err(Error::TooFewDimensions { .. })));
    assert!(la::matrix_rank(&v, None).is_err());
    // shape mismatch
    let b4 = nd(&rng.matrix::<f64>(4, 1));
    assert!(matches!(
        la::solve(&sq, &b4),
        Err(Error::ShapeMismatch { .. })
    ));
    // non-finite
    let nan = nd(&Array2::from_elem((2, 2), f64::NAN));
    assert!(matches!(la::inv(&nan), Err(Error::NonFinite { .. })));
    // matrix norm order on a vector
    assert!(la::norm(&v, Some(NormOrd::Fro)).is_err());
}
