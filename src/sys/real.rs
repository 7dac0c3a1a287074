//! [`Cblas`] for `f32` and `f64`: the `cblas_s*` and `cblas_d*` routines.

use super::cblas::*;

use super::{BlasInt, Cblas, Diag, Layout, Side, Trans, Uplo};

macro_rules! impl_real {
    ($t:ty; $dot:ident $axpy:ident $scal:ident $nrm2:ident $asum:ident $iamax:ident $copy:ident
     $swap:ident $rot:ident $gemv:ident $ger:ident $symv:ident $trmv:ident $trsv:ident $syr:ident
     $gemm:ident $symm:ident $syrk:ident $syr2k:ident $trmm:ident $trsm:ident) => {
        #[allow(clippy::too_many_arguments)]
        impl Cblas for $t {
            unsafe fn dotu(
                n: BlasInt,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
            ) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::dotu`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $dot(n, x, incx, y, incy) }
            }
            unsafe fn dotc(
                n: BlasInt,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
            ) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::dotc`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $dot(n, x, incx, y, incy) }
            }
            unsafe fn axpy(
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                y: *mut Self,
                incy: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::axpy`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $axpy(n, alpha, x, incx, y, incy) }
            }
            unsafe fn scal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::scal`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $scal(n, alpha, x, incx) }
            }
            unsafe fn rscal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::rscal`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $scal(n, alpha, x, incx) }
            }
            unsafe fn nrm2(n: BlasInt, x: *const Self, incx: BlasInt) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::nrm2`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $nrm2(n, x, incx) }
            }
            unsafe fn asum(n: BlasInt, x: *const Self, incx: BlasInt) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::asum`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $asum(n, x, incx) }
            }
            unsafe fn iamax(n: BlasInt, x: *const Self, incx: BlasInt) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::iamax`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $iamax(n, x, incx) as BlasInt }
            }
            unsafe fn copy(n: BlasInt, x: *const Self, incx: BlasInt, y: *mut Self, incy: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::copy`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $copy(n, x, incx, y, incy) }
            }
            unsafe fn swap(n: BlasInt, x: *mut Self, incx: BlasInt, y: *mut Self, incy: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::swap`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $swap(n, x, incx, y, incy) }
            }
            unsafe fn rot(
                n: BlasInt,
                x: *mut Self,
                incx: BlasInt,
                y: *mut Self,
                incy: BlasInt,
                c: Self,
                s: Self,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::rot`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $rot(n, x, incx, y, incy, c, s) }
            }
            unsafe fn gemv(
                layout: Layout,
                trans: Trans,
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                x: *const Self,
                incx: BlasInt,
                beta: Self,
                y: *mut Self,
                incy: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::gemv`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $gemv(layout, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn geru(
                layout: Layout,
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
                a: *mut Self,
                lda: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::geru`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $ger(layout, m, n, alpha, x, incx, y, incy, a, lda) }
            }
            unsafe fn gerc(
                layout: Layout,
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
                a: *mut Self,
                lda: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::gerc`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $ger(layout, m, n, alpha, x, incx, y, incy, a, lda) }
            }
            unsafe fn symv(
                layout: Layout,
                uplo: Uplo,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                x: *const Self,
                incx: BlasInt,
                beta: Self,
                y: *mut Self,
                incy: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::symv`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $symv(layout, uplo, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn hemv(
                layout: Layout,
                uplo: Uplo,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                x: *const Self,
                incx: BlasInt,
                beta: Self,
                y: *mut Self,
                incy: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::hemv`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $symv(layout, uplo, n, alpha, a, lda, x, incx, beta, y, incy) }
            }
            unsafe fn trmv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: BlasInt,
                a: *const Self,
                lda: BlasInt,
                x: *mut Self,
                incx: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trmv`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $trmv(layout, uplo, trans, diag, n, a, lda, x, incx) }
            }
            unsafe fn trsv(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                diag: Diag,
                n: BlasInt,
                a: *const Self,
                lda: BlasInt,
                x: *mut Self,
                incx: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trsv`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $trsv(layout, uplo, trans, diag, n, a, lda, x, incx) }
            }
            unsafe fn syr(
                layout: Layout,
                uplo: Uplo,
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                a: *mut Self,
                lda: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::syr`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $syr(layout, uplo, n, alpha, x, incx, a, lda) }
            }
            unsafe fn her(
                layout: Layout,
                uplo: Uplo,
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                a: *mut Self,
                lda: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::her`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $syr(layout, uplo, n, alpha, x, incx, a, lda) }
            }
            unsafe fn gemm(
                layout: Layout,
                transa: Trans,
                transb: Trans,
                m: BlasInt,
                n: BlasInt,
                k: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *const Self,
                ldb: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::gemm`, which is the
                // routine's own; `Self` is its C element type.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *const Self,
                ldb: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::symm`, which is the
                // routine's own; `Self` is its C element type.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *const Self,
                ldb: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::hemm`, which is the
                // routine's own; `Self` is its C element type.
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
                n: BlasInt,
                k: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::syrk`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $syrk(layout, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) }
            }
            unsafe fn herk(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: BlasInt,
                k: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::herk`, which is the
                // routine's own; `Self` is its C element type.
                unsafe { $syrk(layout, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) }
            }
            unsafe fn syr2k(
                layout: Layout,
                uplo: Uplo,
                trans: Trans,
                n: BlasInt,
                k: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *const Self,
                ldb: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::syr2k`, which is the
                // routine's own; `Self` is its C element type.
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
                n: BlasInt,
                k: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *const Self,
                ldb: BlasInt,
                beta: Self,
                c: *mut Self,
                ldc: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::her2k`, which is the
                // routine's own; `Self` is its C element type.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *mut Self,
                ldb: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trmm`, which is the
                // routine's own; `Self` is its C element type.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *mut Self,
                ldb: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trsm`, which is the
                // routine's own; `Self` is its C element type.
                unsafe {
                    $trsm(
                        layout, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb,
                    )
                }
            }
        }
    };
}

impl_real!(f32; cblas_sdot cblas_saxpy cblas_sscal cblas_snrm2 cblas_sasum cblas_isamax cblas_scopy
    cblas_sswap cblas_srot cblas_sgemv cblas_sger cblas_ssymv cblas_strmv cblas_strsv cblas_ssyr
    cblas_sgemm cblas_ssymm cblas_ssyrk cblas_ssyr2k cblas_strmm cblas_strsm);
impl_real!(f64; cblas_ddot cblas_daxpy cblas_dscal cblas_dnrm2 cblas_dasum cblas_idamax cblas_dcopy
    cblas_dswap cblas_drot cblas_dgemv cblas_dger cblas_dsymv cblas_dtrmv cblas_dtrsv cblas_dsyr
    cblas_dgemm cblas_dsymm cblas_dsyrk cblas_dsyr2k cblas_dtrmm cblas_dtrsm);
