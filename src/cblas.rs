//! Per-type dispatch to the s/d/c/z BLAS routines: the sealed [`Cblas`] trait.
//!
//! Each method is the raw BLAS call for one element type, with one signature
//! for all four types: scalars by value as `Self`, arrays as `*const Self` /
//! `*mut Self`. Where BLAS takes a real scalar on complex data (`csscal`,
//! `cher`, `cherk`, …) the method takes `Self` and uses its real part; where
//! it returns a real value (`nrm2`, `asum`) the method returns it as `Self`
//! with zero imaginary part. The safe, layout-aware routines of
//! [`crate::blas`] are the only callers.
//!
//! | method | f32 | f64 | Complex32 | Complex64 |
//! |---|---|---|---|---|
//! | dotu / dotc | sdot | ddot | cdotu_sub / cdotc_sub | zdotu_sub / zdotc_sub |
//! | axpy, scal, copy, swap | s… | d… | c… | z… |
//! | rscal | sscal | dscal | csscal | zdscal |
//! | nrm2, asum, iamax | snrm2, sasum, isamax | d… | scnrm2, scasum, icamax | dz…, izamax |
//! | rot (real c, s) | srot | drot | srot on re and im parts | drot on re and im parts |
//! | gemv, trmv, trsv | s… | d… | c… | z… |
//! | geru / gerc | sger | dger | cgeru / cgerc | zgeru / zgerc |
//! | symv, syr | ssymv, ssyr | dsymv, dsyr | csymv_, csyr_ (LAPACK, Fortran) | zsymv_, zsyr_ |
//! | hemv, her | ssymv, ssyr | dsymv, dsyr | chemv, cher | zhemv, zher |
//! | gemm, symm, syrk, syr2k, trmm, trsm | s… | d… | c… | z… |
//! | hemm, herk, her2k | ssymm, ssyrk, ssyr2k | d… | chemm, cherk, cher2k | z… |
//!
//! # Safety
//! Every method is a thin `extern "C"` call: the caller guarantees that the
//! dimensions, leading dimensions and increments describe memory that is
//! valid for the accesses BLAS makes, and that output memory does not alias
//! inputs.

use std::os::raw::{c_char, c_int};

use cblas_sys::*;
use num_complex::{Complex32, Complex64};

pub use cblas_sys::{
    CBLAS_DIAG as Diag, CBLAS_LAYOUT as Layout, CBLAS_SIDE as Side, CBLAS_TRANSPOSE as Trans,
    CBLAS_UPLO as Uplo,
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex32 {}
    impl Sealed for num_complex::Complex64 {}
}

// Complex symmetric (not Hermitian) matrix-vector product and rank-1 update
// are not in CBLAS; every LAPACK provides them. Fortran calling convention:
// all arguments by reference, a hidden length for each character argument.
unsafe extern "C" {
    fn csymv_(
        uplo: *const c_char,
        n: *const c_int,
        alpha: *const Complex32,
        a: *const Complex32,
        lda: *const c_int,
        x: *const Complex32,
        incx: *const c_int,
        beta: *const Complex32,
        y: *mut Complex32,
        incy: *const c_int,
        uplo_len: usize,
    );
    fn zsymv_(
        uplo: *const c_char,
        n: *const c_int,
        alpha: *const Complex64,
        a: *const Complex64,
        lda: *const c_int,
        x: *const Complex64,
        incx: *const c_int,
        beta: *const Complex64,
        y: *mut Complex64,
        incy: *const c_int,
        uplo_len: usize,
    );
    fn csyr_(
        uplo: *const c_char,
        n: *const c_int,
        alpha: *const Complex32,
        x: *const Complex32,
        incx: *const c_int,
        a: *mut Complex32,
        lda: *const c_int,
        uplo_len: usize,
    );
    fn zsyr_(
        uplo: *const c_char,
        n: *const c_int,
        alpha: *const Complex64,
        x: *const Complex64,
        incx: *const c_int,
        a: *mut Complex64,
        lda: *const c_int,
        uplo_len: usize,
    );
}

/// `scasum` (Σ |re| + |im|) as `sasum` over the interleaved parts.
///
/// Debian 12's OpenBLAS 0.3.21, running the Cooperlake kernels it picks on
/// an AVX-512 AMD EPYC, returns wrong `cblas_scasum` sums (n = 17: 62.76
/// where the sum is 64.72; a plain C program calling it shows the same),
/// while its `sasum` on the same data is right. The quantity is the same,
/// computed by the same library, so lapis always takes this route.
unsafe fn scasum_by_parts(n: c_int, x: *const c_float_complex, incx: c_int) -> f32 {
    if n <= 0 || incx <= 0 {
        return 0.0; // as BLAS
    }
    let p = x.cast::<f32>();
    // SAFETY: x holds n complex elements at stride incx (the caller's
    // contract for scasum), i.e. 2n floats at the same positions.
    unsafe {
        match (n.checked_mul(2), incx.checked_mul(2)) {
            (Some(n2), _) if incx == 1 => cblas_sasum(n2, p, 1),
            (_, Some(inc2)) => cblas_sasum(n, p, inc2) + cblas_sasum(n, p.add(1), inc2),
            _ => cblas_scasum(n, x, incx),
        }
    }
}

/// The uplo character of the column-major Fortran call that reads the same
/// memory as a `layout`-ordered symmetric matrix with triangle `uplo`
/// (a symmetric matrix equals its transpose, so row-major flips the triangle).
fn fortran_uplo(layout: Layout, uplo: Uplo) -> c_char {
    let upper = matches!(uplo, Uplo::CblasUpper) == matches!(layout, Layout::CblasColMajor);
    (if upper { b'U' } else { b'L' }) as c_char
}

/// Raw BLAS calls for one element type. See the module docs for the table of
/// routines and the safety contract.
#[doc(hidden)]
#[allow(clippy::too_many_arguments, clippy::missing_safety_doc)]
pub trait Cblas: sealed::Sealed + Copy + Sized {
    unsafe fn dotu(n: c_int, x: *const Self, incx: c_int, y: *const Self, incy: c_int) -> Self;
    unsafe fn dotc(n: c_int, x: *const Self, incx: c_int, y: *const Self, incy: c_int) -> Self;
    unsafe fn axpy(n: c_int, alpha: Self, x: *const Self, incx: c_int, y: *mut Self, incy: c_int);
    unsafe fn scal(n: c_int, alpha: Self, x: *mut Self, incx: c_int);
    unsafe fn rscal(n: c_int, alpha: Self, x: *mut Self, incx: c_int);
    unsafe fn nrm2(n: c_int, x: *const Self, incx: c_int) -> Self;
    unsafe fn asum(n: c_int, x: *const Self, incx: c_int) -> Self;
    unsafe fn iamax(n: c_int, x: *const Self, incx: c_int) -> c_int;
    unsafe fn copy(n: c_int, x: *const Self, incx: c_int, y: *mut Self, incy: c_int);
    unsafe fn swap(n: c_int, x: *mut Self, incx: c_int, y: *mut Self, incy: c_int);
    unsafe fn rot(n: c_int, x: *mut Self, incx: c_int, y: *mut Self, incy: c_int, c: Self, s: Self);

    unsafe fn gemv(
        layout: Layout,
        trans: Trans,
        m: c_int,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        x: *const Self,
        incx: c_int,
        beta: Self,
        y: *mut Self,
        incy: c_int,
    );
    unsafe fn geru(
        layout: Layout,
        m: c_int,
        n: c_int,
        alpha: Self,
        x: *const Self,
        incx: c_int,
        y: *const Self,
        incy: c_int,
        a: *mut Self,
        lda: c_int,
    );
    unsafe fn gerc(
        layout: Layout,
        m: c_int,
        n: c_int,
        alpha: Self,
        x: *const Self,
        incx: c_int,
        y: *const Self,
        incy: c_int,
        a: *mut Self,
        lda: c_int,
    );
    unsafe fn symv(
        layout: Layout,
        uplo: Uplo,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        x: *const Self,
        incx: c_int,
        beta: Self,
        y: *mut Self,
        incy: c_int,
    );
    unsafe fn hemv(
        layout: Layout,
        uplo: Uplo,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        x: *const Self,
        incx: c_int,
        beta: Self,
        y: *mut Self,
        incy: c_int,
    );
    unsafe fn trmv(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        diag: Diag,
        n: c_int,
        a: *const Self,
        lda: c_int,
        x: *mut Self,
        incx: c_int,
    );
    unsafe fn trsv(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        diag: Diag,
        n: c_int,
        a: *const Self,
        lda: c_int,
        x: *mut Self,
        incx: c_int,
    );
    unsafe fn syr(
        layout: Layout,
        uplo: Uplo,
        n: c_int,
        alpha: Self,
        x: *const Self,
        incx: c_int,
        a: *mut Self,
        lda: c_int,
    );
    unsafe fn her(
        layout: Layout,
        uplo: Uplo,
        n: c_int,
        alpha: Self,
        x: *const Self,
        incx: c_int,
        a: *mut Self,
        lda: c_int,
    );

    unsafe fn gemm(
        layout: Layout,
        transa: Trans,
        transb: Trans,
        m: c_int,
        n: c_int,
        k: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *const Self,
        ldb: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn symm(
        layout: Layout,
        side: Side,
        uplo: Uplo,
        m: c_int,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *const Self,
        ldb: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn hemm(
        layout: Layout,
        side: Side,
        uplo: Uplo,
        m: c_int,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *const Self,
        ldb: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn syrk(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        n: c_int,
        k: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn herk(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        n: c_int,
        k: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn syr2k(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        n: c_int,
        k: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *const Self,
        ldb: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn her2k(
        layout: Layout,
        uplo: Uplo,
        trans: Trans,
        n: c_int,
        k: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *const Self,
        ldb: c_int,
        beta: Self,
        c: *mut Self,
        ldc: c_int,
    );
    unsafe fn trmm(
        layout: Layout,
        side: Side,
        uplo: Uplo,
        transa: Trans,
        diag: Diag,
        m: c_int,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *mut Self,
        ldb: c_int,
    );
    unsafe fn trsm(
        layout: Layout,
        side: Side,
        uplo: Uplo,
        transa: Trans,
        diag: Diag,
        m: c_int,
        n: c_int,
        alpha: Self,
        a: *const Self,
        lda: c_int,
        b: *mut Self,
        ldb: c_int,
    );
}

macro_rules! impl_real {
    ($t:ty; $dot:ident $axpy:ident $scal:ident $nrm2:ident $asum:ident $iamax:ident $copy:ident
     $swap:ident $rot:ident $gemv:ident $ger:ident $symv:ident $trmv:ident $trsv:ident $syr:ident
     $gemm:ident $symm:ident $syrk:ident $syr2k:ident $trmm:ident $trsm:ident) => {
        #[allow(clippy::too_many_arguments)]
        impl Cblas for $t {
            unsafe fn dotu(
                n: c_int,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
            ) -> Self {
                let _serial = crate::backend::serial();
                unsafe { $dot(n, x, incx, y, incy) }
            }
            unsafe fn dotc(
                n: c_int,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
            ) -> Self {
                let _serial = crate::backend::serial();
                unsafe { $dot(n, x, incx, y, incy) }
            }
            unsafe fn axpy(
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $axpy(n, alpha, x, incx, y, incy) }
            }
            unsafe fn scal(n: c_int, alpha: Self, x: *mut Self, incx: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $scal(n, alpha, x, incx) }
            }
            unsafe fn rscal(n: c_int, alpha: Self, x: *mut Self, incx: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $scal(n, alpha, x, incx) }
            }
            unsafe fn nrm2(n: c_int, x: *const Self, incx: c_int) -> Self {
                let _serial = crate::backend::serial();
                unsafe { $nrm2(n, x, incx) }
            }
            unsafe fn asum(n: c_int, x: *const Self, incx: c_int) -> Self {
                let _serial = crate::backend::serial();
                unsafe { $asum(n, x, incx) }
            }
            unsafe fn iamax(n: c_int, x: *const Self, incx: c_int) -> c_int {
                let _serial = crate::backend::serial();
                unsafe { $iamax(n, x, incx) as c_int }
            }
            unsafe fn copy(n: c_int, x: *const Self, incx: c_int, y: *mut Self, incy: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $copy(n, x, incx, y, incy) }
            }
            unsafe fn swap(n: c_int, x: *mut Self, incx: c_int, y: *mut Self, incy: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $swap(n, x, incx, y, incy) }
            }
            unsafe fn rot(
                n: c_int,
                x: *mut Self,
                incx: c_int,
                y: *mut Self,
                incy: c_int,
                c: Self,
                s: Self,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $rot(n, x, incx, y, incy, c, s) }
            }
            unsafe fn gemv(
                layout: Layout,
                trans: Trans,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $gemv(layout, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn geru(
                layout: Layout,
                m: c_int,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $ger(layout, m, n, alpha, x, incx, y, incy, a, lda) }
            }
            unsafe fn gerc(
                layout: Layout,
                m: c_int,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $ger(layout, m, n, alpha, x, incx, y, incy, a, lda) }
            }
            unsafe fn symv(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $symv(layout, uplo, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn hemv(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $symv(layout, uplo, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn trmv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: c_int,
                a: *const Self,
                lda: c_int,
                x: *mut Self,
                incx: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $trmv(layout, uplo, trans, diag, n, a, lda, x, incx) }
            }
            unsafe fn trsv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: c_int,
                a: *const Self,
                lda: c_int,
                x: *mut Self,
                incx: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $trsv(layout, uplo, trans, diag, n, a, lda, x, incx) }
            }
            unsafe fn syr(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $syr(layout, uplo, n, alpha, x, incx, a, lda) }
            }
            unsafe fn her(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $syr(layout, uplo, n, alpha, x, incx, a, lda) }
            }
            unsafe fn gemm(
                layout: Layout,
                transa: Trans,
                transb: Trans,
                m: c_int,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $gemm(
                        layout, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                    )
                }
            }
            unsafe fn symm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $symm(
                        layout, side, uplo, m, n, alpha, a, lda, b, ldb, beta, c, ldc,
                    )
                }
            }
            unsafe fn hemm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $symm(
                        layout, side, uplo, m, n, alpha, a, lda, b, ldb, beta, c, ldc,
                    )
                }
            }
            unsafe fn syrk(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $syrk(layout, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) }
            }
            unsafe fn herk(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $syrk(layout, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) }
            }
            unsafe fn syr2k(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $syr2k(
                        layout, uplo, trans, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                    )
                }
            }
            unsafe fn her2k(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $syr2k(
                        layout, uplo, trans, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                    )
                }
            }
            unsafe fn trmm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                transa: Trans,
                diag: Diag,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *mut Self,
                ldb: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $trmm(
                        layout, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb,
                    )
                }
            }
            unsafe fn trsm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                transa: Trans,
                diag: Diag,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *mut Self,
                ldb: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $trsm(
                        layout, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb,
                    )
                }
            }
        }
    };
}

macro_rules! impl_complex {
    ($t:ty, $r:ty, $c:ty; $dotu:ident $dotc:ident $axpy:ident $scal:ident $rscal:ident $nrm2:ident
     $asum:ident $iamax:ident $copy:ident $swap:ident $rrot:ident $gemv:ident $geru:ident $gerc:ident
     $symv:ident $hemv:ident $trmv:ident $trsv:ident $syr:ident $her:ident $gemm:ident $symm:ident
     $hemm:ident $syrk:ident $herk:ident $syr2k:ident $her2k:ident $trmm:ident $trsm:ident) => {
        #[allow(clippy::too_many_arguments)]
        impl Cblas for $t {
            unsafe fn dotu(
                n: c_int,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
            ) -> Self {
                let mut r = <$t>::new(0.0, 0.0);
                let _serial = crate::backend::serial();
                unsafe {
                    $dotu(
                        n,
                        x.cast(),
                        incx,
                        y.cast(),
                        incy,
                        (&mut r as *mut $t).cast(),
                    )
                };
                r
            }
            unsafe fn dotc(
                n: c_int,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
            ) -> Self {
                let mut r = <$t>::new(0.0, 0.0);
                let _serial = crate::backend::serial();
                unsafe {
                    $dotc(
                        n,
                        x.cast(),
                        incx,
                        y.cast(),
                        incy,
                        (&mut r as *mut $t).cast(),
                    )
                };
                r
            }
            unsafe fn axpy(
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $axpy(
                        n,
                        (&alpha as *const $t).cast(),
                        x.cast(),
                        incx,
                        y.cast(),
                        incy,
                    )
                }
            }
            unsafe fn scal(n: c_int, alpha: Self, x: *mut Self, incx: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $scal(n, (&alpha as *const $t).cast(), x.cast(), incx) }
            }
            unsafe fn rscal(n: c_int, alpha: Self, x: *mut Self, incx: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $rscal(n, alpha.re, x.cast(), incx) }
            }
            unsafe fn nrm2(n: c_int, x: *const Self, incx: c_int) -> Self {
                let _serial = crate::backend::serial();
                <$t>::new(unsafe { $nrm2(n, x.cast(), incx) }, 0.0)
            }
            unsafe fn asum(n: c_int, x: *const Self, incx: c_int) -> Self {
                let _serial = crate::backend::serial();
                <$t>::new(unsafe { $asum(n, x.cast(), incx) }, 0.0)
            }
            unsafe fn iamax(n: c_int, x: *const Self, incx: c_int) -> c_int {
                let _serial = crate::backend::serial();
                unsafe { $iamax(n, x.cast(), incx) as c_int }
            }
            unsafe fn copy(n: c_int, x: *const Self, incx: c_int, y: *mut Self, incy: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $copy(n, x.cast(), incx, y.cast(), incy) }
            }
            unsafe fn swap(n: c_int, x: *mut Self, incx: c_int, y: *mut Self, incy: c_int) {
                let _serial = crate::backend::serial();
                unsafe { $swap(n, x.cast(), incx, y.cast(), incy) }
            }
            unsafe fn rot(
                n: c_int,
                x: *mut Self,
                incx: c_int,
                y: *mut Self,
                incy: c_int,
                c: Self,
                s: Self,
            ) {
                // With real c and s the rotation acts on real and imaginary
                // parts separately: two real rotations over the interleaved
                // parts (stride doubled), no copy.
                let (xr, yr) = (x.cast::<$r>(), y.cast::<$r>());
                let _serial = crate::backend::serial();
                unsafe {
                    $rrot(n, xr, 2 * incx, yr, 2 * incy, c.re, s.re);
                    $rrot(n, xr.add(1), 2 * incx, yr.add(1), 2 * incy, c.re, s.re);
                }
            }
            unsafe fn gemv(
                layout: Layout,
                trans: Trans,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $gemv(
                        layout,
                        trans,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        x.cast(),
                        incx,
                        (&beta as *const $t).cast(),
                        y.cast(),
                        incy,
                    )
                }
            }
            unsafe fn geru(
                layout: Layout,
                m: c_int,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $geru(
                        layout,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        x.cast(),
                        incx,
                        y.cast(),
                        incy,
                        a.cast(),
                        lda,
                    )
                }
            }
            unsafe fn gerc(
                layout: Layout,
                m: c_int,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                y: *const Self,
                incy: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $gerc(
                        layout,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        x.cast(),
                        incx,
                        y.cast(),
                        incy,
                        a.cast(),
                        lda,
                    )
                }
            }
            unsafe fn symv(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let u = fortran_uplo(layout, uplo);
                let _serial = crate::backend::serial();
                unsafe { $symv(&u, &n, &alpha, a, &lda, x, &incx, &beta, y, &incy, 1) }
            }
            unsafe fn hemv(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                x: *const Self,
                incx: c_int,
                beta: Self,
                y: *mut Self,
                incy: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $hemv(
                        layout,
                        uplo,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        x.cast(),
                        incx,
                        (&beta as *const $t).cast(),
                        y.cast(),
                        incy,
                    )
                }
            }
            unsafe fn trmv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: c_int,
                a: *const Self,
                lda: c_int,
                x: *mut Self,
                incx: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $trmv(layout, uplo, trans, diag, n, a.cast(), lda, x.cast(), incx) }
            }
            unsafe fn trsv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: c_int,
                a: *const Self,
                lda: c_int,
                x: *mut Self,
                incx: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $trsv(layout, uplo, trans, diag, n, a.cast(), lda, x.cast(), incx) }
            }
            unsafe fn syr(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let u = fortran_uplo(layout, uplo);
                let _serial = crate::backend::serial();
                unsafe { $syr(&u, &n, &alpha, x, &incx, a, &lda, 1) }
            }
            unsafe fn her(
                layout: Layout,
                uplo: Uplo,
                n: c_int,
                alpha: Self,
                x: *const Self,
                incx: c_int,
                a: *mut Self,
                lda: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe { $her(layout, uplo, n, alpha.re, x.cast(), incx, a.cast(), lda) }
            }
            unsafe fn gemm(
                layout: Layout,
                transa: Trans,
                transb: Trans,
                m: c_int,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $gemm(
                        layout,
                        transa,
                        transb,
                        m,
                        n,
                        k,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                        (&beta as *const $t).cast(),
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn symm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $symm(
                        layout,
                        side,
                        uplo,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                        (&beta as *const $t).cast(),
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn hemm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $hemm(
                        layout,
                        side,
                        uplo,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                        (&beta as *const $t).cast(),
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn syrk(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $syrk(
                        layout,
                        uplo,
                        trans,
                        n,
                        k,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        (&beta as *const $t).cast(),
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn herk(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $herk(
                        layout,
                        uplo,
                        trans,
                        n,
                        k,
                        alpha.re,
                        a.cast(),
                        lda,
                        beta.re,
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn syr2k(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $syr2k(
                        layout,
                        uplo,
                        trans,
                        n,
                        k,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                        (&beta as *const $t).cast(),
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn her2k(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: c_int,
                k: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *const Self,
                ldb: c_int,
                beta: Self,
                c: *mut Self,
                ldc: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $her2k(
                        layout,
                        uplo,
                        trans,
                        n,
                        k,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                        beta.re,
                        c.cast(),
                        ldc,
                    )
                }
            }
            unsafe fn trmm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                transa: Trans,
                diag: Diag,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *mut Self,
                ldb: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $trmm(
                        layout,
                        side,
                        uplo,
                        transa,
                        diag,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                    )
                }
            }
            unsafe fn trsm(
                layout: Layout,
                side: Side,
                uplo: Uplo,
                transa: Trans,
                diag: Diag,
                m: c_int,
                n: c_int,
                alpha: Self,
                a: *const Self,
                lda: c_int,
                b: *mut Self,
                ldb: c_int,
            ) {
                let _serial = crate::backend::serial();
                unsafe {
                    $trsm(
                        layout,
                        side,
                        uplo,
                        transa,
                        diag,
                        m,
                        n,
                        (&alpha as *const $t).cast(),
                        a.cast(),
                        lda,
                        b.cast(),
                        ldb,
                    )
                }
            }
        }
        const _: () = assert!(std::mem::size_of::<$t>() == std::mem::size_of::<$c>());
    };
}

impl_real!(f32; cblas_sdot cblas_saxpy cblas_sscal cblas_snrm2 cblas_sasum cblas_isamax cblas_scopy
    cblas_sswap cblas_srot cblas_sgemv cblas_sger cblas_ssymv cblas_strmv cblas_strsv cblas_ssyr
    cblas_sgemm cblas_ssymm cblas_ssyrk cblas_ssyr2k cblas_strmm cblas_strsm);
impl_real!(f64; cblas_ddot cblas_daxpy cblas_dscal cblas_dnrm2 cblas_dasum cblas_idamax cblas_dcopy
    cblas_dswap cblas_drot cblas_dgemv cblas_dger cblas_dsymv cblas_dtrmv cblas_dtrsv cblas_dsyr
    cblas_dgemm cblas_dsymm cblas_dsyrk cblas_dsyr2k cblas_dtrmm cblas_dtrsm);
impl_complex!(Complex32, f32, c_float_complex; cblas_cdotu_sub cblas_cdotc_sub cblas_caxpy cblas_cscal
    cblas_csscal cblas_scnrm2 scasum_by_parts cblas_icamax cblas_ccopy cblas_cswap cblas_srot cblas_cgemv
    cblas_cgeru cblas_cgerc csymv_ cblas_chemv cblas_ctrmv cblas_ctrsv csyr_ cblas_cher cblas_cgemm
    cblas_csymm cblas_chemm cblas_csyrk cblas_cherk cblas_csyr2k cblas_cher2k cblas_ctrmm cblas_ctrsm);
impl_complex!(Complex64, f64, c_double_complex; cblas_zdotu_sub cblas_zdotc_sub cblas_zaxpy cblas_zscal
    cblas_zdscal cblas_dznrm2 cblas_dzasum cblas_izamax cblas_zcopy cblas_zswap cblas_drot cblas_zgemv
    cblas_zgeru cblas_zgerc zsymv_ cblas_zhemv cblas_ztrmv cblas_ztrsv zsyr_ cblas_zher cblas_zgemm
    cblas_zsymm cblas_zhemm cblas_zsyrk cblas_zherk cblas_zsyr2k cblas_zher2k cblas_ztrmm cblas_ztrsm);
