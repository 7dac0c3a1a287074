//! BLAS routines that CBLAS lacks, called with the Fortran convention.

use std::os::raw::c_char;

use num_complex::{Complex32, Complex64};

use super::{BlasInt, Layout, Uplo};

// Complex symmetric (not Hermitian) matrix-vector product and rank-1 update
// are not in CBLAS; every LAPACK provides them. Fortran calling convention:
// all arguments by reference, a hidden length for each character argument.
super::backend_extern! {
    fn csymv_(
        uplo: *const c_char,
        n: *const BlasInt,
        alpha: *const Complex32,
        a: *const Complex32,
        lda: *const BlasInt,
        x: *const Complex32,
        incx: *const BlasInt,
        beta: *const Complex32,
        y: *mut Complex32,
        incy: *const BlasInt,
        uplo_len: usize,
    );
    fn zsymv_(
        uplo: *const c_char,
        n: *const BlasInt,
        alpha: *const Complex64,
        a: *const Complex64,
        lda: *const BlasInt,
        x: *const Complex64,
        incx: *const BlasInt,
        beta: *const Complex64,
        y: *mut Complex64,
        incy: *const BlasInt,
        uplo_len: usize,
    );
    fn csyr_(
        uplo: *const c_char,
        n: *const BlasInt,
        alpha: *const Complex32,
        x: *const Complex32,
        incx: *const BlasInt,
        a: *mut Complex32,
        lda: *const BlasInt,
        uplo_len: usize,
    );
    fn zsyr_(
        uplo: *const c_char,
        n: *const BlasInt,
        alpha: *const Complex64,
        x: *const Complex64,
        incx: *const BlasInt,
        a: *mut Complex64,
        lda: *const BlasInt,
        uplo_len: usize,
    );
}

/// The uplo character of the column-major Fortran call that reads the same
/// memory as a `layout`-ordered symmetric matrix with triangle `uplo`
/// (a symmetric matrix equals its transpose, so row-major flips the triangle).
pub(super) fn fortran_uplo(layout: Layout, uplo: Uplo) -> c_char {
    let upper = matches!(uplo, Uplo::CblasUpper) == matches!(layout, Layout::CblasColMajor);
    (if upper { b'U' } else { b'L' }) as c_char
}
