//! Sizes no allocator grants are errors, never aborts: every result,
//! working copy and temporary whose size follows from the caller's shapes
//! is allocated fallibly (`OutOfMemory`), and every size computed from
//! them is checked (`SizeOverflow`).
//!
//! Broadcast views of one element make the huge operands for nothing; the
//! results or temporaries they imply are what cannot be allocated (2^40
//! bytes and more, beyond any machine this runs on). Each case fails at
//! its first large allocation, before any long loop.

use lapis::array::{self, linalg as la};
use lapis::fft::{self, Norm};
use lapis::{DType, Error, NdArray};

/// One element of `dtype` broadcast to `shape` (zero strides, no memory).
fn huge(shape: &[usize], dtype: DType) -> NdArray {
    array::ones(&[1; 1], dtype)
        .unwrap()
        .reshape(&vec![1; shape.len()])
        .unwrap()
        .broadcast_to(shape)
        .unwrap()
}

fn is_oom<T>(r: lapis::Result<T>, routine: &str) -> bool {
    match r {
        Err(Error::OutOfMemory { routine: r, .. }) => r == routine,
        _ => false,
    }
}

fn is_overflow<T>(r: lapis::Result<T>) -> bool {
    matches!(r, Err(Error::SizeOverflow { .. }))
}

#[test]
fn lu_permutation_of_a_tall_column() {
    // (2^20, 1): the factor copy is 8 MiB, P is 2^40 elements (8 TiB).
    let a = huge(&[1 << 20, 1], DType::F64);
    assert!(is_oom(la::lu(&a), "lu"));
    // The typed API, on the same broadcast view.
    let v = ndarray::Array2::<f64>::ones((1, 1));
    let v = v.broadcast((1 << 20, 1)).unwrap();
    assert!(is_oom(lapis::linalg::lu(&v), "lu"));
}

#[test]
fn stacks_reserve_their_items_and_results() {
    // 2^40 empty matrices: one determinant each (8 TiB of results).
    let a = huge(&[1 << 40, 0, 0], DType::F64);
    assert!(is_oom(la::det(&a), "det"));
    assert!(is_oom(la::inv(&a), "inv"));
    assert!(is_oom(la::svd(&a, true), "svd"));
    assert!(is_oom(
        la::cholesky(&a, lapis::blas::Uplo::Lower),
        "cholesky"
    ));
    // Broadcast stacks (2^40, 1) and (1, 2^40) of empty systems: 2^80
    // matrices, a count that overflows.
    let a = huge(&[1 << 40, 1, 0, 0], DType::F64);
    let b = huge(&[1, 1 << 40, 0, 2], DType::F64);
    assert!(is_overflow(la::solve(&a, &b)));
}

#[test]
fn svd_and_qr_of_empty_matrices_with_huge_square_factors() {
    // (2^28, 0): no element, but full U is 2^56 elements (2^59 bytes).
    let a = huge(&[1 << 28, 0], DType::F64);
    assert!(is_oom(la::svd(&a, true), "svd"));
    assert!(is_oom(la::qr(&a, lapis::linalg::QrMode::Complete), "qr"));
    // (2^30, 0): the 2^60 elements of U overflow the byte count.
    let a = huge(&[1 << 30, 0], DType::F64);
    assert!(is_overflow(la::svd(&a, true)));
}

#[test]
fn fftshift_result() {
    // (2, 2^58) f64: the rolled copy is 2^62 bytes.
    let a = huge(&[2, 1 << 58], DType::F64);
    assert!(is_oom(fft::fftshift(&a, None), "fftshift"));
    assert!(is_oom(fft::ifftshift(&a, Some(&[1])), "ifftshift"));
}

#[test]
fn reductions() {
    // argmax along axis 0 of (2, 2^58): 2^58 indices.
    let a = huge(&[2, 1 << 58], DType::F64);
    assert!(is_oom(a.argmax_axis(0, false), "argmax"));
    // The max-norm of nothing, per column: 2^58 zeros.
    let e = huge(&[0, 1 << 58], DType::F64);
    assert!(is_oom(
        e.vector_norm(f64::INFINITY, 0isize, false),
        "vector_norm"
    ));
}

#[test]
fn fft_sizes() {
    // A 2^56-point transform of one value: its output is 2^60 bytes.
    let a = array::ones(&[1], DType::C128).unwrap();
    assert!(matches!(
        fft::fft(&a, Some(1 << 56), -1, Norm::Backward),
        Err(Error::OutOfMemory { .. })
    ));
    assert!(matches!(
        fft::rfft(
            &array::ones(&[1], DType::F64).unwrap(),
            Some(1 << 62),
            -1,
            Norm::Backward
        ),
        Err(Error::SizeOverflow { .. })
    ));
}
