//! The backend's integer width, at its edge: lengths and dimensions of
//! exactly 2³¹ − 1 (the largest an LP64 BLAS takes) and 2³¹ (the smallest
//! only an ILP64 BLAS takes).
//!
//! The vectors and matrices are real allocations of 2³¹ f32 (8 GiB each),
//! but cheap: they are zero-filled by the allocator (`calloc` → fresh
//! anonymous pages), and BLAS only *reads* them, so every page but the two
//! set here maps the kernel's shared zero page. Resident memory stays a few
//! MiB; address space peaks at 16 GiB (one test at a time, see `serial`).
//!
//! * ILP64 backend (`openblas64-pypi`): every call reaches BLAS and is
//!   checked — `asum` of a 2³¹-element vector, `iamax` returning an index
//!   past `i32::MAX`, `gemv` with 2³¹ columns.
//! * LP64 backends: 2³¹ − 1 reaches BLAS and is right; 2³¹ is refused with
//!   `DimensionTooLarge` (the C ABI's `LAPIS_ERR_OVERFLOW`) before any call.

use std::sync::Mutex;

use lapis::blas::{Transpose, asum, gemv, iamax};
use lapis::{Error, backend};
use ndarray::{Array1, Array2, s};

const LP64_MAX: usize = i32::MAX as usize;

/// One big allocation at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn ilp64() -> bool {
    backend().int_bits == 64
}

/// `n` zeros but for x[0] = 1 and x[n-1] = 2.
fn sparse_vector(n: usize) -> Array1<f32> {
    let mut x = Array1::<f32>::zeros(n);
    x[0] = 1.0;
    x[n - 1] = 2.0;
    x
}

#[track_caller]
fn assert_too_large<T: std::fmt::Debug>(r: lapis::Result<T>, n: usize) {
    match r {
        Err(Error::DimensionTooLarge { value, max, .. }) => {
            assert_eq!(value, n as i128);
            assert_eq!(max, i32::MAX as i64);
        }
        other => panic!("expected DimensionTooLarge for {n}, got {other:?}"),
    }
}

#[test]
fn int_bits_is_what_the_backend_promises() {
    let info = backend();
    let want = if info.name == "openblas64-pypi" {
        64
    } else {
        32
    };
    assert_eq!(info.int_bits, want, "{info}");
}

#[test]
fn vector_of_2_31_minus_1_elements_reaches_blas() {
    let _one = serial();
    let n = LP64_MAX;
    let x = sparse_vector(n);
    assert_eq!(asum(&x).unwrap(), 3.0);
    assert_eq!(iamax(&x).unwrap(), n - 1);
}

#[test]
fn vector_of_2_31_elements() {
    let _one = serial();
    let n = LP64_MAX + 1;
    let x = sparse_vector(n);
    if ilp64() {
        assert_eq!(asum(&x).unwrap(), 3.0);
        // An index past i32::MAX comes back whole.
        assert_eq!(iamax(&x).unwrap(), n - 1);
    } else {
        assert_too_large(asum(&x), n);
        assert_too_large(iamax(&x), n);
    }
}

#[test]
fn gemv_with_2_31_columns() {
    let _one = serial();
    let n = LP64_MAX + 1;
    // A is 1 × 2³¹ (row-major, so its leading dimension is 2³¹ too).
    let mut a = Array2::<f32>::zeros((1, n));
    a[[0, 0]] = 5.0;
    a[[0, n - 1]] = 2.0;
    let x = sparse_vector(n); // x[0] = 1, x[n-1] = 2
    let mut y = Array1::<f32>::from_elem(1, 7.0);
    let r = gemv(Transpose::NoTrans, 1.0, &a, &x, 0.0, &mut y);
    if ilp64() {
        r.unwrap();
        assert_eq!(y[0], 5.0 * 1.0 + 2.0 * 2.0);
    } else {
        assert!(
            matches!(r, Err(Error::DimensionTooLarge { .. })),
            "got {r:?}"
        );
        assert_eq!(y[0], 7.0, "y must be untouched on error");
    }
    // The largest LP64 size works everywhere: the first 2³¹ − 1 columns.
    let a1 = a.slice(s![.., ..LP64_MAX]);
    let x1 = x.slice(s![..LP64_MAX]);
    gemv(Transpose::NoTrans, 1.0, &a1, &x1, 0.0, &mut y).unwrap();
    assert_eq!(y[0], 5.0);
}
