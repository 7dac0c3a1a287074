//! The extern layer: lapis's only direct calls into BLAS, as the sealed,
//! per-element-type dispatch trait [`Cblas`].
//!
//! * `mod.rs` (this file): the trait, its contract and the CBLAS enums
//!   (from `cblas-sys`);
//! * `link.rs`: the backend's symbol names and integer type ([`BlasInt`]),
//!   and the `backend_extern!` macro every declaration goes through;
//! * `cblas.rs`, `lapacke.rs`: the declarations of the CBLAS and LAPACKE
//!   functions lapis calls (generated from the C headers by
//!   `scripts/gen_sys_decls.py`);
//! * `fortran.rs`: the Fortran-convention routines that CBLAS lacks;
//! * `real.rs`, `complex.rs`: the implementations for `f32`/`f64` and for
//!   `Complex32`/`Complex64`, one macro each.
//!
//! This layer imports nothing above it (not [`crate::Scalar`], which names
//! `Cblas` as a supertrait). The LAPACK counterpart is [`crate::lapack`].
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
//! inputs. Each method's `# Safety` section says it for that routine; the
//! safe, layout-aware wrappers in [`crate::blas`] establish it.

#[macro_use]
mod link;

pub mod cblas;
mod complex;
mod fortran;
pub mod lapacke;
mod real;

pub(crate) use link::backend_extern;
pub use link::{BlasInt, MatrixLayout, SYMBOL_PREFIX, SYMBOL_SUFFIX, symbol_name};

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

/// Raw BLAS calls for one element type. See the module docs for the table of
/// routines and the common safety contract.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub trait Cblas: sealed::Sealed + Copy + Sized {
    /// `Σ xᵢ·yᵢ` (`?dot`, `?dotu_sub`).
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative). `n` ≥ 0.
    unsafe fn dotu(
        n: BlasInt,
        x: *const Self,
        incx: BlasInt,
        y: *const Self,
        incy: BlasInt,
    ) -> Self;
    /// `Σ conj(xᵢ)·yᵢ` (`?dot`, `?dotc_sub`).
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative). `n` ≥ 0.
    unsafe fn dotc(
        n: BlasInt,
        x: *const Self,
        incx: BlasInt,
        y: *const Self,
        incy: BlasInt,
    ) -> Self;
    /// `y := alpha·x + y`.
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative); the vectors written
    /// are valid for writes and overlap no other argument. `n` ≥ 0.
    unsafe fn axpy(
        n: BlasInt,
        alpha: Self,
        x: *const Self,
        incx: BlasInt,
        y: *mut Self,
        incy: BlasInt,
    );
    /// `x := alpha·x`.
    ///
    /// # Safety
    /// `x` is valid for reads and writes of the `n` elements BLAS addresses at stride `incx` (the
    /// pointer is the element of lowest address when `incx < 0`). `n` ≥ 0.
    unsafe fn scal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt);
    /// `x := re(alpha)·x` (`?scal`, `csscal`, `zdscal`).
    ///
    /// # Safety
    /// `x` is valid for reads and writes of the `n` elements BLAS addresses at stride `incx` (the
    /// pointer is the element of lowest address when `incx < 0`). `n` ≥ 0.
    unsafe fn rscal(n: BlasInt, alpha: Self, x: *mut Self, incx: BlasInt);
    /// The Euclidean norm, as `Self` with zero imaginary part.
    ///
    /// # Safety
    /// `x` is valid for reads of the `n` elements BLAS addresses at stride `incx` (the pointer is
    /// the element of lowest address when `incx < 0`). `n` ≥ 0.
    unsafe fn nrm2(n: BlasInt, x: *const Self, incx: BlasInt) -> Self;
    /// `Σ |re| + |im|`, as `Self` with zero imaginary part.
    ///
    /// # Safety
    /// `x` is valid for reads of the `n` elements BLAS addresses at stride `incx` (the pointer is
    /// the element of lowest address when `incx < 0`). `n` ≥ 0.
    unsafe fn asum(n: BlasInt, x: *const Self, incx: BlasInt) -> Self;
    /// The 0-based index of the first element of largest `|re| + |im|`.
    ///
    /// # Safety
    /// `x` is valid for reads of the `n` elements BLAS addresses at stride `incx` (the pointer is
    /// the element of lowest address when `incx < 0`). `n` ≥ 0.
    unsafe fn iamax(n: BlasInt, x: *const Self, incx: BlasInt) -> BlasInt;
    /// `y := x`.
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative); the vectors written
    /// are valid for writes and overlap no other argument. `n` ≥ 0.
    unsafe fn copy(n: BlasInt, x: *const Self, incx: BlasInt, y: *mut Self, incy: BlasInt);
    /// `x ↔ y`.
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative); the vectors written
    /// are valid for writes and overlap no other argument. `n` ≥ 0.
    unsafe fn swap(n: BlasInt, x: *mut Self, incx: BlasInt, y: *mut Self, incy: BlasInt);
    /// The plane rotation with real `c = re(c)`, `s = re(s)`.
    ///
    /// # Safety
    /// `x` and `y` are valid for the `n` elements BLAS addresses at strides `incx` and `incy` (each
    /// pointer is the element of lowest address when its stride is negative); the vectors written
    /// are valid for writes and overlap no other argument. `n` ≥ 0.
    unsafe fn rot(
        n: BlasInt,
        x: *mut Self,
        incx: BlasInt,
        y: *mut Self,
        incy: BlasInt,
        c: Self,
        s: Self,
    );

    /// `y := alpha·op(A)·x + beta·y` for the `m × n` `A`.
    ///
    /// # Safety
    /// `a` addresses the matrix of the given order in `layout` with leading dimension `lda` (≥ its
    /// row length, ≥ 1); `x` and `y` hold the lengths `op(A)` needs at the non-zero strides `incx`
    /// and `incy`; `y` is valid for writes and overlaps neither `a` nor `x`. `m`, `n` ≥ 0.
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
    );
    /// `A := alpha·x·yᵀ + A`.
    ///
    /// # Safety
    /// `x` (and `y`) hold the `m` (and `n`) elements at the non-zero strides `incx` (`incy`); `a`
    /// addresses the matrix in `layout` with leading dimension `lda` (≥ its row length, ≥ 1), is
    /// valid for writes and overlaps neither vector. `m`, `n` ≥ 0.
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
    );
    /// `A := alpha·x·yᴴ + A`.
    ///
    /// # Safety
    /// `x` (and `y`) hold the `m` (and `n`) elements at the non-zero strides `incx` (`incy`); `a`
    /// addresses the matrix in `layout` with leading dimension `lda` (≥ its row length, ≥ 1), is
    /// valid for writes and overlaps neither vector. `m`, `n` ≥ 0.
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
    );
    /// `y := alpha·A·x + beta·y`, `A` symmetric (`n × n`, `uplo` triangle read).
    ///
    /// # Safety
    /// `a` addresses the matrix of the given order in `layout` with leading dimension `lda` (≥ its
    /// row length, ≥ 1); `x` and `y` hold the lengths `op(A)` needs at the non-zero strides `incx`
    /// and `incy`; `y` is valid for writes and overlaps neither `a` nor `x`. `n` ≥ 0.
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
    );
    /// `y := alpha·A·x + beta·y`, `A` Hermitian (`n × n`, `uplo` triangle read).
    ///
    /// # Safety
    /// `a` addresses the matrix of the given order in `layout` with leading dimension `lda` (≥ its
    /// row length, ≥ 1); `x` and `y` hold the lengths `op(A)` needs at the non-zero strides `incx`
    /// and `incy`; `y` is valid for writes and overlaps neither `a` nor `x`. `n` ≥ 0.
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
    );
    /// `x := op(A)·x`, `A` triangular.
    ///
    /// # Safety
    /// `a` addresses the `n × n` matrix in `layout` with leading dimension `lda` (≥ max(1, n)); `x`
    /// holds `n` elements at the non-zero stride `incx`, is valid for writes and does not overlap
    /// `a`. `n` ≥ 0.
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
    );
    /// `x := op(A)⁻¹·x`, `A` triangular.
    ///
    /// # Safety
    /// `a` addresses the `n × n` matrix in `layout` with leading dimension `lda` (≥ max(1, n)); `x`
    /// holds `n` elements at the non-zero stride `incx`, is valid for writes and does not overlap
    /// `a`. `n` ≥ 0.
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
    );
    /// `A := alpha·x·xᵀ + A`, `uplo` triangle of the symmetric `n × n` `A`.
    ///
    /// # Safety
    /// `x` (and `y`) hold the `m` (and `n`) elements at the non-zero strides `incx` (`incy`); `a`
    /// addresses the matrix in `layout` with leading dimension `lda` (≥ its row length, ≥ 1), is
    /// valid for writes and overlaps neither vector. `n` ≥ 0.
    unsafe fn syr(
        layout: Layout,
        uplo: Uplo,
        n: BlasInt,
        alpha: Self,
        x: *const Self,
        incx: BlasInt,
        a: *mut Self,
        lda: BlasInt,
    );
    /// `A := re(alpha)·x·xᴴ + A`, `uplo` triangle of the Hermitian `n × n` `A`.
    ///
    /// # Safety
    /// `x` (and `y`) hold the `m` (and `n`) elements at the non-zero strides `incx` (`incy`); `a`
    /// addresses the matrix in `layout` with leading dimension `lda` (≥ its row length, ≥ 1), is
    /// valid for writes and overlaps neither vector. `n` ≥ 0.
    unsafe fn her(
        layout: Layout,
        uplo: Uplo,
        n: BlasInt,
        alpha: Self,
        x: *const Self,
        incx: BlasInt,
        a: *mut Self,
        lda: BlasInt,
    );

    /// `C := alpha·op(A)·op(B) + beta·C`, `C` `m × n`, inner dimension `k`.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `m`, `n`, `k` ≥ 0.
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
    );
    /// `C := alpha·A·B + beta·C` (`Left`) or `alpha·B·A + beta·C` (`Right`), `A` symmetric.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `m`, `n` ≥ 0.
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
    );
    /// As `symm` with `A` Hermitian.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `m`, `n` ≥ 0.
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
    );
    /// `C := alpha·op(A)·op(A)ᵀ + beta·C`, `uplo` triangle of the `n × n` `C`.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `n`, `k` ≥ 0.
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
    );
    /// `C := re(alpha)·op(A)·op(A)ᴴ + re(beta)·C`, `uplo` triangle of the `n × n` `C`.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `n`, `k` ≥ 0.
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
    );
    /// `C := alpha·(op(A)·op(B)ᵀ + op(B)·op(A)ᵀ) + beta·C`.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `n`, `k` ≥ 0.
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
    );
    /// `C := alpha·op(A)·op(B)ᴴ + conj(alpha)·op(B)·op(A)ᴴ + re(beta)·C`.
    ///
    /// # Safety
    /// `a`, `b` and `c` address matrices of the shapes the dimensions and flags imply, in `layout`
    /// with leading dimensions `lda`, `ldb`, `ldc` (each ≥ its row length, ≥ 1); `c` is valid for
    /// writes and overlaps neither `a` nor `b`. `n`, `k` ≥ 0.
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
    );
    /// `B := alpha·op(A)·B` (`Left`) or `alpha·B·op(A)` (`Right`), `A` triangular.
    ///
    /// # Safety
    /// `a` addresses the `m × m` (`Left`) or `n × n` (`Right`) triangular matrix and `b` the `m ×
    /// n` one, in `layout` with leading dimensions `lda`, `ldb` (each ≥ its row length, ≥ 1); `b`
    /// is valid for writes and does not overlap `a`. `m`, `n` ≥ 0.
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
    );
    /// `B := alpha·op(A)⁻¹·B` (`Left`) or `alpha·B·op(A)⁻¹` (`Right`), `A` triangular.
    ///
    /// # Safety
    /// `a` addresses the `m × m` (`Left`) or `n × n` (`Right`) triangular matrix and `b` the `m ×
    /// n` one, in `layout` with leading dimensions `lda`, `ldb` (each ≥ its row length, ≥ 1); `b`
    /// is valid for writes and does not overlap `a`. `m`, `n` ≥ 0.
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
    );
}
