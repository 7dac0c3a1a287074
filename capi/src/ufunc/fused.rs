//! The fused ufunc kernels over the C ABI: `lapis_multiply_add` (`a*b + c`)
//! and `lapis_axpby` (`alpha*x + beta*y`), each in a new array, into `out`
//! and in place, in one pass over NumPy-broadcast operands
//! (`lapis::array::ufunc::multiply_add` / `axpby`). Pointer contract: the
//! module docs of ufunc.rs.

use crate::{
    array_ref, call, check_out, lapis_array, lapis_complex128, lapis_status, out_view, put_array,
};
use lapis::array::ufunc;

/// `a*b + c` with three-way NumPy broadcasting, in one pass and a new
/// array (rounded as NumPy's `a*b + c`: the product, then the sum).
/// Dtype: the promotion of the three inputs. Layout and ownership as
/// `lapis_binary` (`*out` is a new handle owned by the caller).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`; `LAPIS_ERR_SHAPE_MISMATCH` when the
/// shapes do not broadcast (the message names all three); `LAPIS_ERR_BUSY`;
/// `LAPIS_ERR_OUT_OF_MEMORY`. `*out` is written only on success.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add";
        check_out(R, "out", out)?;
        let (a, b, c) = (
            array_ref(R, "a", a)?,
            array_ref(R, "b", b)?,
            array_ref(R, "c", c)?,
        );
        let r = ufunc::multiply_add(&a, &b, &c)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) }?;
        Ok(())
    })
}

/// `a*b + c` written into the existing array `out`, which must have the
/// broadcast shape (`out=` rules of `lapis_binary_out`: writable, a dtype
/// the result casts to under `same_kind`, any non-overlapping strides,
/// may alias the inputs). Errors: as `lapis_multiply_add` and
/// `lapis_binary_out`; on error `out` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add_out(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add_out";
        let (a, b, c) = (
            array_ref(R, "a", a)?,
            array_ref(R, "b", b)?,
            array_ref(R, "c", c)?,
        );
        let mut o = out_view(R, "out", out)?;
        ufunc::multiply_add_out(&a, &b, &c, &mut o)?;
        Ok(())
    })
}

/// `c += a*b` in place: `a` and `b` must broadcast to `c`'s shape, and the
/// result cast to `c`'s dtype under `same_kind`. Errors: as
/// `lapis_multiply_add_out`; on error `c` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_multiply_add_inplace(
    a: *const lapis_array,
    b: *const lapis_array,
    c: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_multiply_add_inplace";
        let (a, b) = (array_ref(R, "a", a)?, array_ref(R, "b", b)?);
        let mut o = out_view(R, "c", c)?;
        ufunc::multiply_add_inplace(&a, &b, &mut o)?;
        Ok(())
    })
}

/// `alpha*x + beta*y` with broadcasting, in one pass and a new array.
/// Dtype: the promotion of `x` and `y`, made complex when `alpha` or
/// `beta` has a non-zero imaginary part. Layout and ownership as
/// `lapis_binary` (`*out` is a new handle owned by the caller).
/// Errors: `LAPIS_ERR_NULL_ARGUMENT`, `LAPIS_ERR_SHAPE_MISMATCH` (NumPy's
/// broadcast message), `LAPIS_ERR_BUSY`, `LAPIS_ERR_OUT_OF_MEMORY`.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *const lapis_array,
    out: *mut *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby";
        check_out(R, "out", out)?;
        let (x, y) = (array_ref(R, "x", x)?, array_ref(R, "y", y)?);
        let r = ufunc::axpby(alpha.into(), &x, beta.into(), &y)?;
        // SAFETY: `out` checked non-null above.
        unsafe { put_array(out, r) }?;
        Ok(())
    })
}

/// `alpha*x + beta*y` written into the existing array `out` of the
/// broadcast shape (`out=` rules of `lapis_binary_out`). Errors: as
/// `lapis_axpby` and `lapis_binary_out`; on error `out` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby_out(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *const lapis_array,
    out: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby_out";
        let (x, y) = (array_ref(R, "x", x)?, array_ref(R, "y", y)?);
        let mut o = out_view(R, "out", out)?;
        ufunc::axpby_out(alpha.into(), &x, beta.into(), &y, &mut o)?;
        Ok(())
    })
}

/// `y = alpha*x + beta*y` in place (BLAS's axpby, with `x` broadcast to
/// `y`'s shape). A complex result into a real `y` (complex `x`, `alpha` or
/// `beta`) is `LAPIS_ERR_INVALID_VALUE`. Errors: as `lapis_axpby_out`; on
/// error `y` is not modified.
///
/// # Safety
/// Every handle argument is NULL or a live lapis handle; `out` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_axpby_inplace(
    alpha: lapis_complex128,
    x: *const lapis_array,
    beta: lapis_complex128,
    y: *mut lapis_array,
) -> lapis_status {
    call(|| {
        const R: &str = "lapis_axpby_inplace";
        let x = array_ref(R, "x", x)?;
        let mut o = out_view(R, "y", y)?;
        ufunc::axpby_inplace(alpha.into(), &x, beta.into(), &mut o)?;
        Ok(())
    })
}
