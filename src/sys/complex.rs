//! [`Cblas`] for `Complex32` and `Complex64`: the `cblas_c*` and `cblas_z*`
//! routines, and the Fortran ones of [`super::fortran`].

use super::cblas::*;
use num_complex::{Complex32, Complex64};

use super::fortran::{csymv_, csyr_, fortran_uplo, zsymv_, zsyr_};
use super::{BlasInt, Cblas, Diag, Layout, Side, Trans, Uplo};

/// `scasum` (Σ |re| + |im|) as `sasum` over the interleaved parts.
///
/// Debian 12's OpenBLAS 0.3.21, running the Cooperlake kernels it picks on
/// an AVX-512 AMD EPYC, returns wrong `cblas_scasum` sums (n = 17: 62.76
/// where the sum is 64.72; a plain C program calling it shows the same),
/// while its `sasum` on the same data is right. The quantity is the same,
/// computed by the same library, so lapis always takes this route.
///
/// # Safety
/// As `cblas_scasum`: `x` is valid for reads of the `n` complex elements at
/// stride `incx`.
unsafe fn scasum_by_parts(n: BlasInt, x: *const Complex32, incx: BlasInt) -> f32 {
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
            _ => cblas_scasum(n, x.cast(), incx),
        }
    }
}

macro_rules! impl_complex {
    ($t:ty, $r:ty, $c:ty; $dotu:ident $dotc:ident $axpy:ident $scal:ident $rscal:ident $nrm2:ident
     $asum:ident $iamax:ident $copy:ident $swap:ident $rrot:ident $gemv:ident $geru:ident $gerc:ident
     $symv:ident $hemv:ident $trmv:ident $trsv:ident $syr:ident $her:ident $gemm:ident $symm:ident
     $hemm:ident $syrk:ident $herk:ident $syr2k:ident $her2k:ident $trmm:ident $trsm:ident) => {
        #[allow(clippy::too_many_arguments)]
        impl Cblas for $t {
            unsafe fn dotu(
                n: BlasInt,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
            ) -> Self {
                let mut r = <$t>::new(0.0, 0.0);
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::dotu`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                n: BlasInt,
                x: *const Self,
                incx: BlasInt,
                y: *const Self,
                incy: BlasInt,
            ) -> Self {
                let mut r = <$t>::new(0.0, 0.0);
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::dotc`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                n: BlasInt,
                alpha: Self,
                x: *const Self,
                incx: BlasInt,
                y: *mut Self,
                incy: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::axpy`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
            unsafe fn scal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::scal`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $scal(n, (&alpha as *const $t).cast(), x.cast(), incx) }
            }
            unsafe fn rscal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::rscal`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $rscal(n, alpha.re, x.cast(), incx) }
            }
            unsafe fn nrm2(n: BlasInt, x: *const Self, incx: BlasInt) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::nrm2`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                let r = unsafe { $nrm2(n, x.cast(), incx) };
                <$t>::new(r, 0.0)
            }
            unsafe fn asum(n: BlasInt, x: *const Self, incx: BlasInt) -> Self {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::asum`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                let r = unsafe { $asum(n, x.cast(), incx) };
                <$t>::new(r, 0.0)
            }
            unsafe fn iamax(n: BlasInt, x: *const Self, incx: BlasInt) -> BlasInt {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::iamax`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $iamax(n, x.cast(), incx) as BlasInt }
            }
            unsafe fn copy(n: BlasInt, x: *const Self, incx: BlasInt, y: *mut Self, incy: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::copy`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $copy(n, x.cast(), incx, y.cast(), incy) }
            }
            unsafe fn swap(n: BlasInt, x: *mut Self, incx: BlasInt, y: *mut Self, incy: BlasInt) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::swap`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $swap(n, x.cast(), incx, y.cast(), incy) }
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
                // With real c and s the rotation acts on real and imaginary
                // parts separately: two real rotations over the interleaved
                // parts (stride doubled), no copy.
                let (xr, yr) = (x.cast::<$r>(), y.cast::<$r>());
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::rot`: `x` and `y` hold `n`
                // complex values at strides `incx`, `incy`, so their real parts are `n` reals at
                // twice the stride from `xr`, `yr`, and their imaginary parts likewise one real
                // further on (`Self` is two reals, `#[repr(C)]`).
                unsafe {
                    $rrot(n, xr, 2 * incx, yr, 2 * incy, c.re, s.re);
                    $rrot(n, xr.add(1), 2 * incx, yr.add(1), 2 * incy, c.re, s.re);
                }
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
                // SAFETY: the caller upholds the contract of `Cblas::gemv`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::geru`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::gerc`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                let u = fortran_uplo(layout, uplo);
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::symv`; the Fortran routine
                // takes every argument by reference (here locals that outlive the call) and the
                // length 1 of the one-character `uplo`; `Self` is its C complex type.
                unsafe { $symv(&u, &n, &alpha, a, &lda, x, &incx, &beta, y, &incy, 1) }
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
                // SAFETY: the caller upholds the contract of `Cblas::hemv`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                n: BlasInt,
                a: *const Self,
                lda: BlasInt,
                x: *mut Self,
                incx: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trmv`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $trmv(layout, uplo, trans, diag, n, a.cast(), lda, x.cast(), incx) }
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
                // SAFETY: the caller upholds the contract of `Cblas::trsv`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $trsv(layout, uplo, trans, diag, n, a.cast(), lda, x.cast(), incx) }
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
                let u = fortran_uplo(layout, uplo);
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::syr`; the Fortran routine
                // takes every argument by reference (here locals that outlive the call) and the
                // length 1 of the one-character `uplo`; `Self` is its C complex type.
                unsafe { $syr(&u, &n, &alpha, x, &incx, a, &lda, 1) }
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
                // SAFETY: the caller upholds the contract of `Cblas::her`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
                unsafe { $her(layout, uplo, n, alpha.re, x.cast(), incx, a.cast(), lda) }
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
                // SAFETY: the caller upholds the contract of `Cblas::gemm`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::symm`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::hemm`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::syrk`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::herk`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::syr2k`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                // SAFETY: the caller upholds the contract of `Cblas::her2k`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *mut Self,
                ldb: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trmm`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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
                m: BlasInt,
                n: BlasInt,
                alpha: Self,
                a: *const Self,
                lda: BlasInt,
                b: *mut Self,
                ldb: BlasInt,
            ) {
                let _serial = crate::backend::serial();
                // SAFETY: the caller upholds the contract of `Cblas::trsm`; `Self` has the C
                // complex layout (two reals, `#[repr(C)]`), so each cast pointer addresses the
                // same elements, and scalars passed by pointer are locals that outlive the call.
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

impl_complex!(Complex32, f32, Complex32; cblas_cdotu_sub cblas_cdotc_sub cblas_caxpy cblas_cscal
    cblas_csscal cblas_scnrm2 scasum_by_parts cblas_icamax cblas_ccopy cblas_cswap cblas_srot cblas_cgemv
    cblas_cgeru cblas_cgerc csymv_ cblas_chemv cblas_ctrmv cblas_ctrsv csyr_ cblas_cher cblas_cgemm
    cblas_csymm cblas_chemm cblas_csyrk cblas_cherk cblas_csyr2k cblas_cher2k cblas_ctrmm cblas_ctrsm);
impl_complex!(Complex64, f64, Complex64; cblas_zdotu_sub cblas_zdotc_sub cblas_zaxpy cblas_zscal
    cblas_zdscal cblas_dznrm2 cblas_dzasum cblas_izamax cblas_zcopy cblas_zswap cblas_drot cblas_zgemv
    cblas_zgeru cblas_zgerc zsymv_ cblas_zhemv cblas_ztrmv cblas_ztrsv zsyr_ cblas_zher cblas_zgemm
    cblas_zsymm cblas_zhemm cblas_zsyrk cblas_zherk cblas_zsyr2k cblas_zher2k cblas_ztrmm cblas_ztrsm);
