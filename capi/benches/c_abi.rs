//! Per-call overhead of the C ABI, measured from Rust in one process: each
//! small operation called the direct way (cblas, or lapis's Rust API) and
//! through lapis's `extern "C"` functions (the same code a C caller runs,
//! minus the PLT jump). Issue 6's target: ≤ 200 ns over the direct call.
//!
//! `cargo bench --bench c_abi`; the same from a C program: `make bench-c`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lapis::array::{self, ufunc};
use lapis_capi::{LAPIS_FLOAT64, LAPIS_NO_TRANS, LAPIS_ORDER_C, lapis_array, lapis_complex128};

fn wrap(data: &mut [f64], shape: &[i64], readonly: bool) -> *mut lapis_array {
    let mut h: *mut lapis_array = std::ptr::null_mut();
    // SAFETY: `data` outlives the handle (freed at the end of each bench).
    let s = unsafe {
        lapis_capi::array::lapis_array_wrap_contiguous(
            data.as_mut_ptr().cast(),
            LAPIS_FLOAT64,
            shape.len() as i64,
            shape.as_ptr(),
            LAPIS_ORDER_C,
            readonly,
            &mut h,
        )
    };
    assert_eq!(s, lapis_capi::lapis_status::LAPIS_OK);
    h
}

fn overhead(c: &mut Criterion) {
    lapis::set_num_threads(1).unwrap();
    let mut g = c.benchmark_group("c_abi");
    g.sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));

    // 4x4 dgemm.
    let mut a: Vec<f64> = (0..16).map(|i| 1.0 + i as f64).collect();
    let mut b: Vec<f64> = (0..16).map(|i| 0.5 * i as f64).collect();
    let mut cm = vec![0.0f64; 16];
    g.bench_function("dgemm 4x4: cblas_dgemm direct", |bch| {
        bch.iter(|| unsafe {
            cblas_sys::cblas_dgemm(
                cblas_sys::CBLAS_LAYOUT::CblasRowMajor,
                cblas_sys::CBLAS_TRANSPOSE::CblasNoTrans,
                cblas_sys::CBLAS_TRANSPOSE::CblasNoTrans,
                4,
                4,
                4,
                1.0,
                black_box(a.as_ptr()),
                4,
                b.as_ptr(),
                4,
                0.0,
                cm.as_mut_ptr(),
                4,
            )
        })
    });
    g.bench_function("dgemm 4x4: lapis_dgemm (pointers)", |bch| {
        bch.iter(|| unsafe {
            lapis_capi::blas_ptr::lapis_dgemm(
                LAPIS_ORDER_C,
                LAPIS_NO_TRANS,
                LAPIS_NO_TRANS,
                4,
                4,
                4,
                1.0,
                black_box(a.as_ptr()),
                4,
                b.as_ptr(),
                4,
                0.0,
                cm.as_mut_ptr(),
                4,
            )
        })
    });
    {
        // The Rust typed call the C functions end in: what lies below the C layer.
        let av = ndarray::ArrayView2::from_shape((4, 4), &a[..]).unwrap();
        let bv = ndarray::ArrayView2::from_shape((4, 4), &b[..]).unwrap();
        let mut cv = ndarray::Array2::<f64>::zeros((4, 4));
        g.bench_function("dgemm 4x4: Rust lapis::blas::gemm", |bch| {
            bch.iter(|| {
                lapis::blas::gemm(
                    lapis::blas::Transpose::NoTrans,
                    lapis::blas::Transpose::NoTrans,
                    1.0,
                    black_box(&av),
                    &bv,
                    0.0,
                    &mut cv,
                )
                .unwrap()
            })
        });
    }
    let (ha, hb, hc) = (
        wrap(&mut a, &[4, 4], true),
        wrap(&mut b, &[4, 4], true),
        wrap(&mut cm, &[4, 4], false),
    );
    let one = lapis_complex128 { re: 1.0, im: 0.0 };
    let zero = lapis_complex128 { re: 0.0, im: 0.0 };
    g.bench_function("dgemm 4x4: lapis_gemm (handles)", |bch| {
        bch.iter(|| unsafe {
            lapis_capi::blas::lapis_gemm(
                LAPIS_NO_TRANS,
                LAPIS_NO_TRANS,
                one,
                black_box(ha),
                hb,
                zero,
                hc,
            )
        })
    });

    // 100-element daxpy.
    let mut x: Vec<f64> = (0..100).map(|i| i as f64).collect();
    let mut y = vec![0.0f64; 100];
    g.bench_function("daxpy 100: cblas_daxpy direct", |bch| {
        bch.iter(|| unsafe {
            cblas_sys::cblas_daxpy(100, 1e-9, black_box(x.as_ptr()), 1, y.as_mut_ptr(), 1)
        })
    });
    g.bench_function("daxpy 100: lapis_daxpy (pointers)", |bch| {
        bch.iter(|| unsafe {
            lapis_capi::blas_ptr::lapis_daxpy(
                100,
                1e-9,
                black_box(x.as_ptr()),
                1,
                y.as_mut_ptr(),
                1,
            )
        })
    });
    let (hx, hy) = (wrap(&mut x, &[100], true), wrap(&mut y, &[100], false));
    let tiny = lapis_complex128 { re: 1e-9, im: 0.0 };
    g.bench_function("daxpy 100: lapis_axpy (handles)", |bch| {
        bch.iter(|| unsafe { lapis_capi::blas::lapis_axpy(tiny, black_box(hx), hy) })
    });

    // 4x4 add into an existing array: the Rust call and the C entry point.
    let ra = array::from_vec((0..16).map(|i| i as f64).collect(), &[4, 4]).unwrap();
    let rb = array::from_vec((0..16).map(|i| 2.0 * i as f64).collect(), &[4, 4]).unwrap();
    let mut rc = array::zeros(&[4, 4], lapis::DType::F64).unwrap();
    g.bench_function("add 4x4: Rust ufunc::add_out", |bch| {
        bch.iter(|| ufunc::add_out(black_box(&ra), &rb, &mut rc).unwrap())
    });
    g.bench_function("add 4x4: lapis_add_out (handles)", |bch| {
        bch.iter(|| unsafe { lapis_capi::ufunc::lapis_add_out(black_box(ha), hb, hc) })
    });
    g.finish();
    for h in [ha, hb, hc, hx, hy] {
        lapis_capi::array::lapis_array_free(h);
    }
}

criterion_group!(benches, overhead);
criterion_main!(benches);
