//! (d) The linalg entry points on arbitrary small matrices, NaN and ±inf
//! included, in all four dtypes: a defined status (never a caught panic),
//! out-pointers untouched on failure, and for float64 `solve` a residual
//! that backward stability bounds.
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
    }
    for mtx in [a, r, s, rhs] {
        free(mtx.h);
    }
});

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
