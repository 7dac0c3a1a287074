//! (d) The linalg entry points on arbitrary small matrices, NaN and ±inf
//! included, in all four dtypes: a defined status (never a caught panic),
//! out-pointers untouched on failure, and for float64 `solve` a residual
//! that backward stability bounds. The factor-and-solve entry points
//! (in-place Cholesky, cho_/lu_ factor and solve, raw QR, generalized
//! eigh subsets, lstsq with an rcond code, stacked matrix rank) run on the
//! same matrices with bytes read after the others', so older corpus
//! inputs keep their meaning.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "ffi.rs"]
mod ffi;
use ffi::*;

/// A matrix in caller memory (kept alive beside its wrapping handle).
struct Mat {
    h: H,
    _data: Vec<f64>,
}

fn matrix(b: &mut Bytes, dtype: i32, m: usize, n: usize) -> Mat {
    let complex = dtype == C64 || dtype == C128_;
    let count = m * n * if complex { 2 } else { 1 };
    let vals: Vec<f64> = (0..count).map(|_| b.f64()).collect();
    // float32 data packed two per f64 slot, so one Vec<f64> serves all.
    let mut data = vec![0f64; count.max(1)];
    if dtype == F32 || dtype == C64 {
        let p = data.as_mut_ptr() as *mut f32;
        for (i, v) in vals.iter().enumerate() {
            // SAFETY: `count` f32 fit in `count` f64 slots.
            unsafe { *p.add(i) = *v as f32 };
        }
    } else {
        data[..count].copy_from_slice(&vals);
    }
    let shape = [m as i64, n as i64];
    let mut h: H = std::ptr::null_mut();
    let order = b.below(2) as i32;
    // SAFETY: `data` holds m·n elements of `dtype` and outlives `h`.
    let st = unsafe {
        lapis_array_wrap_contiguous(
            data.as_mut_ptr() as *mut u8,
            dtype,
            2,
            shape.as_ptr(),
            order,
            true,
            &mut h,
        )
    };
    assert_eq!(st, OK);
    Mat { h, _data: data }
}

/// Runs one call with out-pointers preset to a sentinel: on failure they
/// must still hold it; on success every non-sentinel handle is freed.
fn outs<const N: usize>(what: &str, f: impl FnOnce(&mut [H; N]) -> i32) -> i32 {
    let sentinel = 0x10 as H;
    let mut o = [sentinel; N];
    let st = f(&mut o);
    check_status(st, what);
    for h in o {
        if st != OK {
            assert!(h == sentinel, "{what}: failed but wrote an out-pointer");
        } else if h != sentinel && !h.is_null() {
            free(h);
        }
    }
    st
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let dtype = [F32, F64, C64, C128_][b.below(4)];
    let n = b.below(5);
    let m = b.below(5);
    let a = matrix(&mut b, dtype, n, n);
    let r = matrix(&mut b, dtype, m, n);
    let s = matrix(&mut b, dtype, n, n);
    let k = 1 + b.below(2);
    let rhs = matrix(&mut b, dtype, n, k);
    let uplo = b.below(2) as i32;
    // SAFETY (every call below): live handles, writable out-pointers.
    unsafe {
        let st = outs("solve", |o: &mut [H; 1]| {
            lapis_linalg_solve(a.h, rhs.h, &mut o[0])
        });
        if st == OK && dtype == F64 {
            check_residual(a.h, rhs.h, n);
        }
        outs("inv", |o: &mut [H; 1]| lapis_linalg_inv(a.h, &mut o[0]));
        outs("det", |_: &mut [H; 0]| {
            let mut d = C128::default();
            lapis_linalg_det_scalar(a.h, &mut d)
        });
        outs("eigh", |o: &mut [H; 2]| {
            let [w, v] = o;
            lapis_linalg_eigh(a.h, uplo, w, v)
        });
        outs("eigh_generalized", |o: &mut [H; 2]| {
            let [w, x] = o;
            lapis_linalg_eigh_generalized(a.h, s.h, uplo, w, x)
        });
        let full = b.u8() & 1 == 1;
        let uv = b.u8() & 1 == 1;
        outs("svd", |o: &mut [H; 3]| {
            let [u, sv, vh] = o;
            lapis_linalg_svd(r.h, full, uv, u, sv, vh)
        });
        outs("cholesky", |o: &mut [H; 1]| {
            lapis_linalg_cholesky(a.h, uplo, &mut o[0])
        });
        let mode = b.below(4) as i32;
        outs("qr", |o: &mut [H; 2]| {
            let [q, rr] = o;
            lapis_linalg_qr(r.h, mode, q, rr)
        });
        let rcond = b.f64();
        outs("lstsq", |o: &mut [H; 3]| {
            let [x, res, sv] = o;
            let mut rank = -7i64;
            lapis_linalg_lstsq(r.h, r.h, rcond, x, res, &mut rank, sv)
        });
        outs("pinv", |o: &mut [H; 1]| {
            lapis_linalg_pinv(r.h, b.f64(), &mut o[0])
        });
        let ord = b.below(7) as i32;
        let p = b.f64();
        outs("norm", |_: &mut [H; 0]| {
            let mut v = 0.0;
            lapis_linalg_norm(r.h, ord, p, &mut v)
        });
        outs("cond", |o: &mut [H; 1]| {
            lapis_linalg_cond(a.h, ord, p, &mut o[0])
        });
        let tol = b.f64();
        outs("matrix_rank", |_: &mut [H; 0]| {
            let mut k = 0i64;
            lapis_linalg_matrix_rank(r.h, tol, &mut k)
        });
        let mats = Mats {
            a: a.h,
            r: r.h,
            s: s.h,
            rhs: rhs.h,
        };
        factor_entry_points(&mut b, &mats, (m, n), uplo);
    }
    for mtx in [a, r, s, rhs] {
        free(mtx.h);
    }
});

/// The four matrices of one input: `a` and `s` `n × n`, `r` `m × n`,
/// `rhs` `n × k`.
struct Mats {
    a: H,
    r: H,
    s: H,
    rhs: H,
}

/// A code that is `valid` but for one input in 16, then an unknown one.
fn code(b: &mut Bytes, valid: i32) -> i32 {
    if b.u8() >= 240 { 7 } else { valid }
}

/// One call with one out-pointer preset to a sentinel: the new handle on
/// success (the caller frees it), `None` (sentinel intact) on failure.
fn keep(what: &str, f: impl FnOnce(*mut H) -> i32) -> Option<H> {
    let sentinel = 0x10 as H;
    let mut o = sentinel;
    let st = f(&mut o);
    check_status(st, what);
    if st == OK {
        assert!(o != sentinel && !o.is_null(), "{what}: OK without a handle");
        Some(o)
    } else {
        assert!(o == sentinel, "{what}: failed but wrote the out-pointer");
        None
    }
}

/// Every element of a live 2-D handle, row by row, as bits (so that a NaN
/// compares equal to itself).
fn elements(h: H) -> Vec<(u64, u64)> {
    let sh = shape_of(h);
    (0..sh[0] * sh[1])
        .map(|t| {
            let v = get(h, &[t / sh[1], t % sh[1]]);
            (v.re.to_bits(), v.im.to_bits())
        })
        .collect()
}

/// The issue-21 entry points on the input's matrices.
///
/// # Safety
/// The handles in `x` are live.
unsafe fn factor_entry_points(b: &mut Bytes, x: &Mats, (m, n): (usize, usize), uplo: i32) {
    // SAFETY (every call below): live handles, out-pointers and buffers
    // valid for the counts passed.
    unsafe {
        // In place, on a writable copy (C or Fortran order, or a transposed
        // view of it): a failure other than "not positive definite" must
        // leave the matrix as it was.
        let mut c: H = std::ptr::null_mut();
        assert_eq!(lapis_array_copy(x.a, b.below(2) as i32, &mut c), OK);
        let mut t: H = std::ptr::null_mut();
        if b.u8() & 1 == 1 {
            assert_eq!(lapis_array_transpose(c, &mut t), OK);
        }
        let target = if t.is_null() { c } else { t };
        let before = elements(target);
        let st = lapis_linalg_cholesky_inplace(target, code(b, uplo));
        check_status(st, "cholesky_inplace");
        if st != OK && st != NOT_POSITIVE_DEFINITE {
            assert!(
                elements(target) == before,
                "cholesky_inplace: status {st} but the matrix changed"
            );
        }
        free(t);
        free(c);

        // cho_factor, then cho_solve with its factor and with an arbitrary
        // matrix as the factor (zeros on its diagonal: SINGULAR).
        let u = code(b, uplo);
        if let Some(f) = keep("cho_factor", |o| lapis_linalg_cho_factor(x.a, u, o)) {
            if let Some(sol) = keep("cho_solve", |o| lapis_linalg_cho_solve(f, u, x.rhs, o)) {
                assert_eq!(shape_of(sol), shape_of(x.rhs), "cho_solve: shape");
                free(sol);
            }
            free(f);
        }
        if let Some(sol) = keep("cho_solve(s)", |o| {
            lapis_linalg_cho_solve(x.s, uplo, x.rhs, o)
        }) {
            free(sol);
        }

        // lu_factor of the m × n matrix: pivots written only on success,
        // exactly min(m, n) of them, each a row index.
        let k = m.min(n);
        let len = if b.u8() >= 240 { k + 1 } else { k };
        let mut piv = vec![-7i64; k + 2];
        let lu = keep("lu_factor", |o| {
            lapis_linalg_lu_factor(x.r, o, piv.as_mut_ptr(), len as i64)
        });
        match lu {
            None => assert!(
                piv.iter().all(|&p| p == -7),
                "lu_factor: failed but wrote piv"
            ),
            Some(lu) => {
                assert!(
                    piv[..k].iter().all(|&p| (0..m as i64).contains(&p)),
                    "lu_factor: pivots {piv:?} for {m} rows"
                );
                assert!(
                    piv[k..].iter().all(|&p| p == -7),
                    "lu_factor: wrote past piv_len"
                );
                let trans = b.below(3) as i32;
                let trans = code(b, trans);
                if let Some(sol) = keep("lu_solve", |o| {
                    lapis_linalg_lu_solve(lu, k as i64, piv.as_ptr(), x.rhs, trans, o)
                }) {
                    free(sol);
                }
                free(lu);
            }
        }
        // lu_solve with the square `a` as factors and arbitrary pivots
        // (negative, out of range, a wrong count).
        let npiv = match b.u8() {
            0..=239 => n as i64,
            240..=247 => n as i64 + 1,
            _ => b.i64(),
        };
        let fuzz_piv: Vec<i64> = (0..n + 1).map(|_| b.size()).collect();
        let npiv = if (0..=n as i64 + 1).contains(&npiv) {
            npiv
        } else {
            -1
        };
        let trans = b.below(4) as i32;
        if let Some(sol) = keep("lu_solve(fuzzed pivots)", |o| {
            lapis_linalg_lu_solve(x.a, npiv, fuzz_piv.as_ptr(), x.rhs, trans, o)
        }) {
            free(sol);
        }

        // qr_raw, either out-pointer sometimes NULL.
        let skip = b.below(4);
        outs("qr_raw", |o: &mut [H; 2]| {
            let [h, tau] = o;
            let h: *mut H = if skip == 1 { std::ptr::null_mut() } else { h };
            let tau: *mut H = if skip == 2 { std::ptr::null_mut() } else { tau };
            lapis_linalg_qr_raw(x.r, h, tau)
        });

        // Generalized eigh subsets: itype 1–3 (sometimes 0 or 4), ranges
        // ALL/INDEX/VALUE (sometimes unknown), bounds small integers or
        // any value; x sometimes NULL.
        let itype = [1, 2, 3, 1, 2, 3, 0, 4][b.below(8)];
        let range = b.below(4) as i32;
        let bound = |b: &mut Bytes| {
            if b.u8() < 200 {
                b.below(6) as f64
            } else {
                b.f64()
            }
        };
        let (lo, hi) = (bound(b), bound(b));
        let no_x = b.u8() & 3 == 0;
        let u = code(b, uplo);
        outs("eigh_generalized_subset", |o: &mut [H; 2]| {
            let [w, v] = o;
            let v: *mut H = if no_x { std::ptr::null_mut() } else { v };
            lapis_linalg_eigh_generalized_subset(x.a, x.s, u, itype, range, lo, hi, w, v)
        });

        // lstsq with an rcond code (sometimes unknown) and any rcond.
        let kind = b.below(3) as i32;
        let rcond = b.f64();
        outs("lstsq_rcond", |o: &mut [H; 3]| {
            let [sol, res, sv] = o;
            let mut rank = -7i64;
            let st = lapis_linalg_lstsq_rcond(x.r, x.r, kind, rcond, sol, res, &mut rank, sv);
            if st == OK {
                assert!((0..=k as i64).contains(&rank), "lstsq_rcond: rank {rank}");
            } else {
                assert_eq!(rank, -7, "lstsq_rcond: failed but wrote rank");
            }
            st
        });

        // Stacked rank, of r alone or of r broadcast to (2, m, n): one value
        // per matrix, equal to matrix_rank's, written only on success.
        let stacked = b.u8() & 1 == 1;
        let mut src = x.r;
        if stacked {
            let shape = [2, m as i64, n as i64];
            assert_eq!(
                lapis_array_broadcast_to(x.r, 3, shape.as_ptr(), &mut src),
                OK
            );
        }
        let count = if stacked { 2 } else { 1 };
        let out_len = if b.u8() >= 240 { count + 1 } else { count };
        let tol = b.f64();
        let mut ranks = [-7i64; 3];
        let st = lapis_linalg_matrix_rank_stacked(src, tol, ranks.as_mut_ptr(), out_len as i64);
        check_status(st, "matrix_rank_stacked");
        if st == OK {
            let mut single = -1i64;
            let st1 = lapis_linalg_matrix_rank(x.r, tol, &mut single);
            assert_eq!(st1, OK, "matrix_rank failed where the stacked form did not");
            assert!(
                ranks[..count].iter().all(|&v| v == single),
                "matrix_rank_stacked {ranks:?} vs matrix_rank {single}"
            );
            assert!(
                ranks[count..].iter().all(|&v| v == -7),
                "wrote past out_len"
            );
        } else {
            assert!(
                ranks.iter().all(|&v| v == -7),
                "matrix_rank_stacked: failed but wrote out"
            );
        }
        if stacked {
            free(src);
        }
    }
}

/// `‖A x − b‖ ≤ 64·n·(ε·(‖A‖·‖x‖ + ‖b‖) + tiny + ‖A‖·denorm)` (max
/// norms), LU with partial pivoting's backward error with room for its
/// growth factor at n ≤ 4, and for underflow.
fn check_residual(a: H, rhs: H, n: usize) {
    let mut x: H = std::ptr::null_mut();
    // SAFETY: live handles; `x` is writable.
    assert_eq!(unsafe { lapis_linalg_solve(a, rhs, &mut x) }, OK);
    let k = shape_of(rhs)[1];
    let av = |i: usize, j: usize| get(a, &[i, j]).re;
    let (mut na, mut nx, mut nb) = (0f64, 0f64, 0f64);
    for i in 0..n {
        na = na.max((0..n).map(|j| av(i, j).abs()).sum());
        for c in 0..k {
            nx = nx.max(get(x, &[i, c]).re.abs());
            nb = nb.max(get(rhs, &[i, c]).re.abs());
        }
    }
    // A non-finite x from finite input is let through: OpenBLAS's getrf
    // divides by a subnormal pivot (1/6.9e-322 = inf) and reports success
    // with NaN factors instead of a zero pivot (found by this target;
    // NumPy on the same OpenBLAS returns the same NaNs). The residual is
    // checked where x is finite.
    let x_finite = (0..n).all(|i| (0..k).all(|c| get(x, &[i, c]).re.is_finite()));
    if !(x_finite && na.is_finite() && nb.is_finite()) || na * nx > 1e300 {
        free(x);
        return;
    }
    for c in 0..k {
        for i in 0..n {
            let r: f64 =
                (0..n).map(|j| av(i, j) * get(x, &[j, c]).re).sum::<f64>() - get(rhs, &[i, c]).re;
            // Plus underflow terms: with subnormal data a rounding can lose
            // up to the smallest normal number, and x's own underflow (its
            // spacing near zero is the smallest subnormal) costs ‖A‖ times it.
            let denorm_min = f64::from_bits(1);
            let bound = 64.0
                * n as f64
                * (f64::EPSILON * (na * nx + nb) + f64::MIN_POSITIVE + na * denorm_min);
            assert!(
                r.abs() <= bound,
                "solve residual {r} > {bound} (row {i}, column {c}; ‖A‖ {na}, ‖x‖ {nx}, ‖b‖ {nb}, n {n}; A {:?}, x {:?})",
                (0..n * n).map(|t| av(t / n, t % n)).collect::<Vec<_>>(),
                (0..n).map(|t| get(x, &[t, c]).re).collect::<Vec<_>>()
            );
        }
    }
    free(x);
}
