//! BLAS on array handles: one function per routine for all four dtypes
//! (`lapis_gemm` multiplies float32, float64, complex64 or complex128
//! arrays alike), so the same C source serves real and complex data.
//! Each function reads its handles and option codes and calls
//! [`lapis::array::blas`], which holds the dtype dispatch; scalars arrive
//! as `lapis_complex128` (real `double` where BLAS defines a real one).

use super::{
    Failure, array_ref, call, check_out, diag_arg, lapis_array, lapis_complex128, lapis_diag,
    lapis_side, lapis_status, lapis_trans, lapis_uplo, out_view, put, side_arg, trans_arg,
    uplo_arg,
};
use lapis::array::blas;

/// x := alpha·x on a 1-d array of any dtype (BLAS ?scal). A real array
/// takes alpha.re and requires alpha.im == 0 (a complex factor would make
/// it complex): LAPIS_ERR_INVALID_ARGUMENT otherwise; use lapis_rscal for a
/// real factor on any array.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_SHAPE_MISMATCH (not 1-d),
/// LAPIS_ERR_INVALID_ARGUMENT, LAPIS_ERR_READ_ONLY, LAPIS_ERR_BAD_STRIDE
/// (zero stride), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_scal(alpha: lapis_complex128, x: *mut lapis_array) -> lapis_status {
    const R: &str = "lapis_scal";
    call(|| {
        // SAFETY: caller contract (a live handle or NULL).
        let mut x = unsafe { out_view(R, "x", x) }?;
        blas::scal(alpha.into(), &mut x)?;
        Ok(())
    })
}

/// x := alpha·x with a real alpha on a 1-d array of any dtype
/// (csscal/zdscal on complex arrays). Otherwise as lapis_scal.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_rscal(alpha: f64, x: *mut lapis_array) -> lapis_status {
    const R: &str = "lapis_rscal";
    call(|| {
        // SAFETY: caller contract (a live handle or NULL).
        let mut x = unsafe { out_view(R, "x", x) }?;
        blas::rscal(alpha, &mut x)?;
        Ok(())
    })
}

/// y := alpha·x + y (BLAS ?axpy) on 1-d arrays of one length and dtype.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_BAD_DTYPE,
/// LAPIS_ERR_SHAPE_MISMATCH, LAPIS_ERR_INVALID_ARGUMENT (complex alpha on
/// real arrays), LAPIS_ERR_READ_ONLY, LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpy(
    alpha: lapis_complex128,
    x: *const lapis_array,
    y: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_axpy";
    call(|| {
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::axpy(alpha.into(), x, &mut y)?;
        Ok(())
    })
}

/// *out := Σ x[i]·y[i] (unconjugated; BLAS ?dot/?dotu; named dotu because
/// `lapis_dot` is NumPy's `dot` on arrays of any rank) of 1-d arrays of one length and dtype, as a
/// lapis_complex128 (im = 0 for real arrays; computed in the arrays'
/// precision). 0 for empty arrays. `out` is written only on success.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT (a handle or `out`), LAPIS_ERR_BAD_DTYPE
/// (different dtypes), LAPIS_ERR_SHAPE_MISMATCH (not 1-d, other lengths),
/// LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dotu(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    const R: &str = "lapis_dotu";
    call(|| {
        check_out(R, "out", out)?;
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let y = unsafe { array_ref(R, "y", y) }?;
        let v = blas::dot(x, y)?;
        // SAFETY: checked non-null.
        unsafe { put(out, v.into()) };
        Ok(())
    })
}

/// *out := Σ conj(x[i])·y[i] (BLAS ?dotc; the same as lapis_dotu for real arrays) of 1-d arrays of one length and dtype, as a
/// lapis_complex128 (im = 0 for real arrays; computed in the arrays'
/// precision). 0 for empty arrays. `out` is written only on success.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT (a handle or `out`), LAPIS_ERR_BAD_DTYPE
/// (different dtypes), LAPIS_ERR_SHAPE_MISMATCH (not 1-d, other lengths),
/// LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_dotc(
    x: *const lapis_array,
    y: *const lapis_array,
    out: *mut lapis_complex128,
) -> lapis_status {
    const R: &str = "lapis_dotc";
    call(|| {
        check_out(R, "out", out)?;
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let y = unsafe { array_ref(R, "y", y) }?;
        let v = blas::dotc(x, y)?;
        // SAFETY: checked non-null.
        unsafe { put(out, v.into()) };
        Ok(())
    })
}

/// *out := the Euclidean norm sqrt(Σ |x[i]|²) (BLAS ?nrm2) of a 1-d array of any dtype, as a double (computed
/// in the array's precision); 0 for an empty array. `out` is written only on
/// success.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_SHAPE_MISMATCH (not 1-d),
/// LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_nrm2(x: *const lapis_array, out: *mut f64) -> lapis_status {
    const R: &str = "lapis_nrm2";
    call(|| {
        check_out(R, "out", out)?;
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let v = blas::nrm2(x)?;
        // SAFETY: checked non-null.
        unsafe { put(out, v) };
        Ok(())
    })
}

/// *out := Σ (|re x[i]| + |im x[i]|) (BLAS ?asum: for complex arrays the parts' magnitudes) of a 1-d array of any dtype, as a double (computed
/// in the array's precision); 0 for an empty array. `out` is written only on
/// success.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_SHAPE_MISMATCH (not 1-d),
/// LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_asum(x: *const lapis_array, out: *mut f64) -> lapis_status {
    const R: &str = "lapis_asum";
    call(|| {
        check_out(R, "out", out)?;
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let v = blas::asum(x)?;
        // SAFETY: checked non-null.
        unsafe { put(out, v) };
        Ok(())
    })
}

/// *out := the 0-based index of the first element of largest |re| + |im|
/// of a 1-d array of any dtype (BLAS i?amax). `out` is written only on
/// success.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_SHAPE_MISMATCH (not 1-d),
/// LAPIS_ERR_INVALID_VALUE (empty array), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_iamax(x: *const lapis_array, out: *mut i64) -> lapis_status {
    const R: &str = "lapis_iamax";
    call(|| {
        check_out(R, "out", out)?;
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let i = blas::iamax(x)?;
        let i = i64::try_from(i).map_err(|_| {
            Failure::new(
                lapis_status::LAPIS_ERR_OVERFLOW,
                format!("{R}: index {i} does not fit int64_t"),
            )
        })?;
        // SAFETY: checked non-null.
        unsafe { put(out, i) };
        Ok(())
    })
}

/// y := x (BLAS ?copy) for 1-d arrays of one length and dtype (no
/// casting: use lapis's copy functions to convert dtypes).
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_BAD_DTYPE,
/// LAPIS_ERR_SHAPE_MISMATCH, LAPIS_ERR_READ_ONLY, LAPIS_ERR_BAD_STRIDE,
/// LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_copy(x: *const lapis_array, y: *mut lapis_array) -> lapis_status {
    const R: &str = "lapis_copy";
    call(|| {
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::copy(x, &mut y)?;
        Ok(())
    })
}

/// Exchanges the elements of x and y (BLAS ?swap): 1-d arrays of one
/// length and dtype, both written in place. They may be disjoint views of
/// one array (two rows of a matrix); views sharing an element give
/// LAPIS_ERR_INVALID_ARGUMENT. Nothing is written on error.
///
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_BAD_DTYPE,
/// LAPIS_ERR_SHAPE_MISMATCH, LAPIS_ERR_INVALID_ARGUMENT,
/// LAPIS_ERR_READ_ONLY, LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_swap(x: *mut lapis_array, y: *mut lapis_array) -> lapis_status {
    const R: &str = "lapis_swap";
    call(|| {
        // SAFETY: caller contract (live handles or NULL).
        let mut x = unsafe { out_view(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::swap(&mut x, &mut y)?;
        Ok(())
    })
}

/// y := alpha·op(A)·x + beta·y (BLAS ?gemv). A is a 2-d m × n array; `trans`
/// is LAPIS_NO_TRANS (x has n elements, y m), LAPIS_TRANS or
/// LAPIS_CONJ_TRANS (x has m, y n). beta = 0 overwrites y without reading
/// it.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_gemv(
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_gemv";
    call(|| {
        let trans = trans_arg(R, "trans", trans)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let x = unsafe { array_ref(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::gemv(trans, alpha.into(), a, x, beta.into(), &mut y)?;
        Ok(())
    })
}

/// A := alpha·x·yᵀ + A (BLAS ?ger, ?geru: no conjugate): x and y 1-d, A a 2-d len(x) × len(y) array updated in place.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_ger(
    alpha: lapis_complex128,
    x: *const lapis_array,
    y: *const lapis_array,
    a: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_ger";
    call(|| {
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let y = unsafe { array_ref(R, "y", y) }?;
        let mut a = unsafe { out_view(R, "a", a) }?;
        blas::ger(alpha.into(), x, y, &mut a)?;
        Ok(())
    })
}

/// A := alpha·x·yᴴ + A (BLAS ?gerc; lapis_ger for real arrays): x and y 1-d, A a 2-d len(x) × len(y) array updated in place.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_gerc(
    alpha: lapis_complex128,
    x: *const lapis_array,
    y: *const lapis_array,
    a: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_gerc";
    call(|| {
        // SAFETY: caller contract (live handles or NULL).
        let x = unsafe { array_ref(R, "x", x) }?;
        let y = unsafe { array_ref(R, "y", y) }?;
        let mut a = unsafe { out_view(R, "a", a) }?;
        blas::gerc(alpha.into(), x, y, &mut a)?;
        Ok(())
    })
}

/// y := alpha·A·x + beta·y with A symmetric (complex arrays: Aᵀ = A; BLAS ?symv), only the `uplo` triangle
/// (LAPIS_UPPER or LAPIS_LOWER) of the square 2-d A read.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_symv(
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_symv";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let x = unsafe { array_ref(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::symv(uplo, alpha.into(), a, x, beta.into(), &mut y)?;
        Ok(())
    })
}

/// y := alpha·A·x + beta·y with A Hermitian, its diagonal's imaginary part taken as zero (BLAS ?hemv; lapis_symv for real arrays), only the `uplo` triangle
/// (LAPIS_UPPER or LAPIS_LOWER) of the square 2-d A read.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_hemv(
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_hemv";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let x = unsafe { array_ref(R, "x", x) }?;
        let mut y = unsafe { out_view(R, "y", y) }?;
        blas::hemv(uplo, alpha.into(), a, x, beta.into(), &mut y)?;
        Ok(())
    })
}

/// x := op(A)·x (BLAS ?trmv) with A a square 2-d triangular array: only its `uplo`
/// triangle is read, and its diagonal is taken as ones for `diag` =
/// LAPIS_UNIT.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_trmv(
    uplo: lapis_uplo,
    trans: lapis_trans,
    diag: lapis_diag,
    a: *const lapis_array,
    x: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_trmv";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        let diag = diag_arg(R, diag)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut x = unsafe { out_view(R, "x", x) }?;
        blas::trmv(uplo, trans, diag, a, &mut x)?;
        Ok(())
    })
}

/// Solves op(A)·z = x and overwrites x with z (BLAS ?trsv; no singularity check, as in BLAS) with A a square 2-d triangular array: only its `uplo`
/// triangle is read, and its diagonal is taken as ones for `diag` =
/// LAPIS_UNIT.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_trsv(
    uplo: lapis_uplo,
    trans: lapis_trans,
    diag: lapis_diag,
    a: *const lapis_array,
    x: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_trsv";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        let diag = diag_arg(R, diag)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut x = unsafe { out_view(R, "x", x) }?;
        blas::trsv(uplo, trans, diag, a, &mut x)?;
        Ok(())
    })
}

/// C := alpha·op(A)·op(B) + beta·C (BLAS ?gemm) on 2-d arrays: op(A) is
/// m × k, op(B) k × n, C m × n; `transa`/`transb` are LAPIS_NO_TRANS,
/// LAPIS_TRANS or LAPIS_CONJ_TRANS. beta = 0 overwrites C without reading
/// it; k = 0 gives C := beta·C. C-order, F-order, transposed and sub-matrix
/// operands are passed to the BLAS without a copy (the order of C picks the
/// BLAS layout, an operand in the other order is read transposed); only an
/// operand with non-unit strides on both axes or a negative stride, or a
/// complex conjugate-transposed operand in the other order, is copied.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_gemm(
    transa: lapis_trans,
    transb: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_gemm";
    call(|| {
        let transa = trans_arg(R, "transa", transa)?;
        let transb = trans_arg(R, "transb", transb)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let b = unsafe { array_ref(R, "b", b) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::gemm(transa, transb, alpha.into(), a, b, beta.into(), &mut c)?;
        Ok(())
    })
}

/// C := alpha·A·B + beta·C (`side` LAPIS_LEFT) or alpha·B·A + beta·C
/// (LAPIS_RIGHT) with A symmetric (BLAS ?symm), only its `uplo` triangle read. B and C are
/// 2-d m × n; A is m × m (left) or n × n (right).
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_symm(
    side: lapis_side,
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_symm";
    call(|| {
        let side = side_arg(R, side)?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let b = unsafe { array_ref(R, "b", b) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::symm(side, uplo, alpha.into(), a, b, beta.into(), &mut c)?;
        Ok(())
    })
}

/// C := alpha·A·B + beta·C (`side` LAPIS_LEFT) or alpha·B·A + beta·C
/// (LAPIS_RIGHT) with A Hermitian (BLAS ?hemm; lapis_symm for real arrays), only its `uplo` triangle read. B and C are
/// 2-d m × n; A is m × m (left) or n × n (right).
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_hemm(
    side: lapis_side,
    uplo: lapis_uplo,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_hemm";
    call(|| {
        let side = side_arg(R, side)?;
        let uplo = uplo_arg(R, uplo)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let b = unsafe { array_ref(R, "b", b) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::hemm(side, uplo, alpha.into(), a, b, beta.into(), &mut c)?;
        Ok(())
    })
}

/// B := alpha·op(A)·B (`side` LAPIS_LEFT) or alpha·B·op(A) (LAPIS_RIGHT) (BLAS ?trmm), with A triangular: only its `uplo` triangle read, its
/// diagonal taken as ones for `diag` = LAPIS_UNIT. B is 2-d m × n; A is
/// m × m (left) or n × n (right).
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_trmm(
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_trmm";
    call(|| {
        let side = side_arg(R, side)?;
        let uplo = uplo_arg(R, uplo)?;
        let transa = trans_arg(R, "transa", transa)?;
        let diag = diag_arg(R, diag)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut b = unsafe { out_view(R, "b", b) }?;
        blas::trmm(side, uplo, transa, diag, alpha.into(), a, &mut b)?;
        Ok(())
    })
}

/// Solves op(A)·X = alpha·B (`side` LAPIS_LEFT) or X·op(A) = alpha·B (LAPIS_RIGHT) and overwrites B with X (BLAS ?trsm; no singularity check, as in BLAS), with A triangular: only its `uplo` triangle read, its
/// diagonal taken as ones for `diag` = LAPIS_UNIT. B is 2-d m × n; A is
/// m × m (left) or n × n (right).
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_trsm(
    side: lapis_side,
    uplo: lapis_uplo,
    transa: lapis_trans,
    diag: lapis_diag,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_trsm";
    call(|| {
        let side = side_arg(R, side)?;
        let uplo = uplo_arg(R, uplo)?;
        let transa = trans_arg(R, "transa", transa)?;
        let diag = diag_arg(R, diag)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut b = unsafe { out_view(R, "b", b) }?;
        blas::trsm(side, uplo, transa, diag, alpha.into(), a, &mut b)?;
        Ok(())
    })
}

/// C := alpha·op(A)·op(A)ᵀ + beta·C on the `uplo` triangle of the square 2-d
/// array C (BLAS ?syrk); the other triangle is not touched. LAPIS_NO_TRANS:
/// A is n × k; LAPIS_TRANS: A is k × n (C := alpha·AᵀA + beta·C).
/// LAPIS_CONJ_TRANS is accepted for real arrays (as LAPIS_TRANS) and gives
/// LAPIS_ERR_INVALID_ARGUMENT for complex ones (use lapis_herk).
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_syrk(
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_syrk";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::syrk(uplo, trans, alpha.into(), a, beta.into(), &mut c)?;
        Ok(())
    })
}

/// C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the square 2-d
/// Hermitian array C, real alpha and beta (BLAS ?herk; lapis_syrk for real
/// arrays). LAPIS_NO_TRANS: A is n × k; LAPIS_CONJ_TRANS: A is k × n
/// (C := alpha·AᴴA + beta·C). LAPIS_TRANS gives LAPIS_ERR_INVALID_ARGUMENT
/// for complex arrays. The diagonal's imaginary part is set to zero; the
/// other triangle is not touched.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_herk(
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: f64,
    a: *const lapis_array,
    beta: f64,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_herk";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::herk(uplo, trans, alpha, a, beta, &mut c)?;
        Ok(())
    })
}

/// C := alpha·op(A)·op(B)ᵀ + alpha·op(B)·op(A)ᵀ + beta·C on the `uplo`
/// triangle of the square 2-d array C (BLAS ?syr2k). A and B have one
/// shape: n × k (LAPIS_NO_TRANS) or k × n (LAPIS_TRANS). Triangle and
/// trans rules as lapis_syrk.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_syr2k(
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: lapis_complex128,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_syr2k";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let b = unsafe { array_ref(R, "b", b) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::syr2k(uplo, trans, alpha.into(), a, b, beta.into(), &mut c)?;
        Ok(())
    })
}

/// C := alpha·op(A)·op(B)ᴴ + conj(alpha)·op(B)·op(A)ᴴ + beta·C on the `uplo`
/// triangle of the square 2-d Hermitian array C, real beta (BLAS ?her2k;
/// lapis_syr2k for real arrays). A and B have one shape: n × k
/// (LAPIS_NO_TRANS) or k × n (LAPIS_CONJ_TRANS). Triangle and trans rules as
/// lapis_herk.
///
/// Operands are handles of one dtype (float32, float64, complex64 or
/// complex128; otherwise LAPIS_ERR_BAD_DTYPE naming the operand), vectors
/// 1-d and matrices 2-d (otherwise LAPIS_ERR_SHAPE_MISMATCH), of any layout:
/// C or F order, transposed, sliced, strided and negative-stride views go to
/// the BLAS in place where it can address them (else the BLAS layer copies
/// the operand, never the output's result). Complex scalars are
/// lapis_complex128; a real array takes `re` and requires `im == 0`
/// (LAPIS_ERR_INVALID_ARGUMENT otherwise); float32/complex64 arrays round
/// the scalar to single precision.
///
/// The output is written in place through its handle (visible in every
/// view of its memory); it must be writable (LAPIS_ERR_READ_ONLY) without
/// overlapping elements (LAPIS_ERR_BAD_STRIDE). Inputs may be views of the
/// output's memory: one overlapping it is read as if copied first. The same
/// handle may be passed as input and output. On any error nothing is
/// written. No handle changes owner.
/// Errors: LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_INVALID_ARGUMENT (bad option
/// code, complex scalar on real arrays), LAPIS_ERR_BAD_DTYPE (operands of
/// different dtypes), LAPIS_ERR_SHAPE_MISMATCH (wrong ndim or shapes,
/// non-square where square is needed), LAPIS_ERR_READ_ONLY,
/// LAPIS_ERR_BAD_STRIDE, LAPIS_ERR_OVERFLOW (a dimension beyond the BLAS
/// integer), LAPIS_ERR_BUSY.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; a scalar `out`
/// pointer is NULL or valid for one write.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn lapis_her2k(
    uplo: lapis_uplo,
    trans: lapis_trans,
    alpha: lapis_complex128,
    a: *const lapis_array,
    b: *const lapis_array,
    beta: f64,
    c: *mut lapis_array,
) -> lapis_status {
    const R: &str = "lapis_her2k";
    call(|| {
        let uplo = uplo_arg(R, uplo)?;
        let trans = trans_arg(R, "trans", trans)?;
        // SAFETY: caller contract (live handles or NULL).
        let a = unsafe { array_ref(R, "a", a) }?;
        let b = unsafe { array_ref(R, "b", b) }?;
        let mut c = unsafe { out_view(R, "c", c) }?;
        blas::her2k(uplo, trans, alpha.into(), a, b, beta, &mut c)?;
        Ok(())
    })
}
