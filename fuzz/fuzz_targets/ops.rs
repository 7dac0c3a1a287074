//! (a) A byte-code interpreter over the C ABI: it makes arrays, views
//! (slices with any start/stop/step, transposes, reshapes, broadcasts),
//! copies, ufuncs (add, multiply, with broadcasting), reductions and
//! matmul on float64, and keeps the same computation in an independent
//! model (ndarray, with NumPy's slice and broadcast rules written here).
//! Every result must match the model exactly (the values are small
//! integers, so every sum and product is exact), and every failure must
//! be one the model predicts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ndarray::{ArrayD, Axis, Dimension, IxDyn};

#[path = "ffi.rs"]
mod ffi;
use ffi::*;

type Model = ArrayD<f64>;

/// NumPy's `slice(start, stop, step).indices(len)` as a list of indices.
fn slice_indices(len: i64, start: i64, stop: i64, step: i64) -> Vec<usize> {
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |v: i64| if v < 0 { v.saturating_add(len) } else { v };
    let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let (s, e) = (clamp(norm(start), lo, hi), clamp(norm(stop), lo, hi));
    let mut out = Vec::new();
    let mut i = s;
    while (step > 0 && i < e) || (step < 0 && i > e) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// NumPy's broadcast shape, or None.
fn broadcast(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let dim = |s: &[usize], k: usize| {
        if k + s.len() >= n {
            s[k + s.len() - n]
        } else {
            1
        }
    };
    (0..n)
        .map(|k| match (dim(a, k), dim(b, k)) {
            (x, y) if x == y => Some(x),
            (1, y) => Some(y),
            (x, 1) => Some(x),
            _ => None,
        })
        .collect()
}

/// Results past 8 axes or 4096 elements are skipped: the model reads every
/// element through the C ABI, and repeated broadcasts would grow without
/// bound.
fn too_big(shape: &[usize]) -> bool {
    shape.len() > 8
        || shape
            .iter()
            .try_fold(1usize, |a, &d| a.checked_mul(d))
            .is_none_or(|n| n > 4096)
}

fn model_of(h: H) -> Model {
    let shape = shape_of(h);
    let mut m = Model::zeros(IxDyn(&shape));
    for (idx, v) in m.indexed_iter_mut() {
        *v = get(h, idx.slice()).re;
    }
    m
}

/// Equal shapes and values: exact for the small integers this target makes,
/// and within a relative 1e-12 once products grow past 2^53 (then the
/// summation order may differ); NaN (inf − inf) matches NaN.
fn assert_matches(h: H, want: &Model, what: &str) {
    let got = model_of(h);
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let same = |a: f64, b: f64| {
        a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
    };
    assert!(
        got.iter().zip(want.iter()).all(|(&a, &b)| same(a, b)),
        "{what}: values\n got {got}\nwant {want}"
    );
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let mut live: Vec<(H, Model)> = Vec::new();
    let mut steps = 0;
    while !b.is_empty() && steps < 64 {
        steps += 1;
        let op = b.below(10);
        if live.is_empty() || op == 0 {
            if live.len() >= 8 {
                continue;
            }
            // arange(n) reshaped to a random shape of n elements.
            let nd = b.below(4);
            let shape: Vec<usize> = (0..nd).map(|_| b.below(4)).collect();
            let n: usize = shape.iter().product();
            let mut flat: H = std::ptr::null_mut();
            let mut h: H = std::ptr::null_mut();
            let dims: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
            let order = b.below(2) as i32;
            // SAFETY: writable out-pointers; `dims` holds `nd` values.
            unsafe {
                assert_eq!(lapis_arange(0.0, n as f64, 1.0, F64, &mut flat), OK);
                assert_eq!(
                    lapis_array_reshape(flat, nd as i64, dims.as_ptr(), order, &mut h),
                    OK
                );
            }
            free(flat);
            let vals: Vec<f64> = (0..n).map(|v| v as f64).collect();
            let m = if order == 0 {
                Model::from_shape_vec(IxDyn(&shape), vals).unwrap()
            } else {
                // Fortran-order reshape: fill with reversed axes, then transpose.
                let rev: Vec<usize> = shape.iter().rev().copied().collect();
                Model::from_shape_vec(IxDyn(&rev), vals)
                    .unwrap()
                    .reversed_axes()
            };
            assert_matches(h, &m, "arange+reshape");
            live.push((h, m));
            continue;
        }
        let i = b.below(live.len());
        let j = b.below(live.len());
        let (hi, mi) = (live[i].0, live[i].1.clone());
        let (hj, mj) = (live[j].0, live[j].1.clone());
        let mut out: H = std::ptr::null_mut();
        // The model's result, or None when lapis must refuse.
        let (st, want): (i32, Option<Model>) = match op {
            1 => {
                let nd = mi.ndim();
                let (mut st_, mut sp_, mut stp) = (vec![], vec![], vec![]);
                for _ in 0..nd {
                    st_.push(b.size());
                    sp_.push(b.size());
                    stp.push(match b.below(3) {
                        0 => 1,
                        1 => -1 - b.below(2) as i64,
                        _ => b.size(),
                    });
                }
                // SAFETY: three lists of `nd` values; `out` writable.
                let st = unsafe {
                    lapis_array_slice(
                        hi,
                        nd as i64,
                        st_.as_ptr(),
                        sp_.as_ptr(),
                        stp.as_ptr(),
                        &mut out,
                    )
                };
                let want = if stp.contains(&0) {
                    None
                } else {
                    let mut m = mi.clone();
                    for k in 0..nd {
                        let idx = slice_indices(m.shape()[k] as i64, st_[k], sp_[k], stp[k]);
                        m = m.select(Axis(k), &idx);
                    }
                    Some(m)
                };
                (st, want)
            }
            2 => {
                // SAFETY: `out` writable.
                let st = unsafe { lapis_array_transpose(hi, &mut out) };
                (st, Some(mi.reversed_axes()))
            }
            3 | 4 => {
                if broadcast(mi.shape(), mj.shape()).is_some_and(|s| too_big(&s)) {
                    continue;
                }
                let want = broadcast(mi.shape(), mj.shape()).map(|s| {
                    let (x, y) = (
                        mi.broadcast(IxDyn(&s)).unwrap(),
                        mj.broadcast(IxDyn(&s)).unwrap(),
                    );
                    if op == 3 { &x + &y } else { &x * &y }
                });
                // SAFETY: `out` writable.
                let st = unsafe {
                    if op == 3 {
                        lapis_add(hi, hj, &mut out)
                    } else {
                        lapis_multiply(hi, hj, &mut out)
                    }
                };
                (st, want)
            }
            5 => {
                let nd = mi.ndim() as i64;
                let axis = b.size();
                let keep = b.u8() & 1 == 1;
                // SAFETY: one axis; `out` writable.
                let st = unsafe { lapis_sum(hi, 1, &axis, keep, &mut out) };
                let want = (axis >= -nd && axis < nd).then(|| {
                    let k = if axis < 0 { axis + nd } else { axis } as usize;
                    let s = mi.sum_axis(Axis(k));
                    if keep { s.insert_axis(Axis(k)) } else { s }
                });
                (st, want)
            }
            6 => {
                if mi.ndim() != 2 || mj.ndim() != 2 {
                    continue;
                }
                let (x, y) = (
                    mi.view().into_dimensionality::<ndarray::Ix2>().unwrap(),
                    mj.view().into_dimensionality::<ndarray::Ix2>().unwrap(),
                );
                // SAFETY: `out` writable.
                let st = unsafe { lapis_matmul(hi, hj, &mut out) };
                let want = (x.ncols() == y.nrows()).then(|| x.dot(&y).into_dyn());
                (st, want)
            }
            7 => {
                let extra = b.below(3);
                let mut shape: Vec<usize> = (0..extra).map(|_| b.below(4)).collect();
                shape.extend(mi.shape().iter().map(|&d| {
                    if d == 1 && b.u8() & 1 == 1 {
                        b.below(4)
                    } else {
                        d
                    }
                }));
                if too_big(&shape) {
                    continue;
                }
                let dims: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
                // SAFETY: `dims` holds its length in values; `out` writable.
                let st = unsafe {
                    lapis_array_broadcast_to(hi, dims.len() as i64, dims.as_ptr(), &mut out)
                };
                (st, mi.broadcast(IxDyn(&shape)).map(|v| v.to_owned()))
            }
            8 => {
                let order = b.below(2) as i32;
                // SAFETY: `out` writable.
                let st = unsafe { lapis_array_copy(hi, order, &mut out) };
                (st, Some(mi))
            }
            _ => {
                let (h, _) = live.swap_remove(i);
                free(h);
                continue;
            }
        };
        check_status(st, "op");
        match want {
            Some(m) => {
                assert_eq!(st, OK, "op {op}: lapis refused what the model computes");
                assert_matches(out, &m, &format!("op {op}"));
                if live.len() < 8 {
                    live.push((out, m));
                } else {
                    free(out);
                }
            }
            None => assert_ne!(st, OK, "op {op}: lapis accepted what the model refuses"),
        }
    }
    for (h, _) in live {
        free(h);
    }
});
