//! From validated arguments to kernels: a transform is a list of 1-D
//! [`Step`]s, each run out of place into a new array (or the caller's
//! `out`) or, when the data is already a complex array of the right length
//! that lapis owns, in place.

use num_complex::{Complex, Complex32, Complex64};

use super::Norm;
use super::kernel;
use super::plan::FftFloat;
use crate::array::{MemOrder, NdArray};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// The kind of a 1-D step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Complex to complex, forward or inverse.
    C2C { inverse: bool },
    /// Real to complex (`n/2 + 1` outputs), conjugated after if `conj`.
    R2C { conj: bool },
    /// Complex (`n/2 + 1` inputs) to real, conjugated before if `conj`.
    C2R { conj: bool },
}

/// One 1-D transform: along `axis`, of length `n` (≥ 1), scaled by `scale`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    pub axis: usize,
    pub n: usize,
    pub kind: Kind,
    pub scale: Option<f64>,
}

impl Step {
    /// A step with NumPy's scaling for `norm`; `inverse_type` says whether
    /// `backward` puts 1/n on this step (ifft, irfft) or not (fft, rfft).
    pub(crate) fn new(axis: usize, n: usize, kind: Kind, norm: Norm, inverse_type: bool) -> Step {
        let nf = n as f64;
        let scale = match (norm, inverse_type) {
            (Norm::Ortho, _) => Some(1.0 / nf.sqrt()),
            (Norm::Backward, true) | (Norm::Forward, false) => Some(1.0 / nf),
            _ => None,
        };
        // A scale of exactly 1 (n = 1) is skipped: same result, less work.
        let scale = scale.filter(|&s| s != 1.0);
        Step {
            axis,
            n,
            kind,
            scale,
        }
    }

    /// The dtype this step produces from `src`.
    pub(crate) fn out_dtype(&self, src: DType) -> DType {
        let single = matches!(src, DType::F32 | DType::C64);
        match (self.kind, single) {
            (Kind::C2R { .. }, true) => DType::F32,
            (Kind::C2R { .. }, false) => DType::F64,
            (_, true) => DType::C64,
            (_, false) => DType::C128,
        }
    }

    /// The shape this step produces from `shape`.
    pub(crate) fn out_shape(&self, shape: &[usize]) -> Vec<usize> {
        let mut s = shape.to_vec();
        s[self.axis] = match self.kind {
            Kind::R2C { .. } => self.n / 2 + 1,
            _ => self.n,
        };
        s
    }
}

fn c2c_into<R: FftFloat, I: Scalar + Into<Complex<R>>>(
    routine: &'static str,
    src: &NdArray,
    dst: &mut NdArray,
    st: &Step,
    inverse: bool,
) -> Result<()>
where
    Complex<R>: Scalar,
{
    let iv = src.view::<I>()?;
    let mut ov = dst.view_mut::<Complex<R>>()?;
    kernel::c2c(
        routine,
        iv.view(),
        ov.view_mut(),
        st.axis,
        inverse,
        st.scale.map(R::of),
    )
}

fn r2c_into<R: FftFloat + Scalar>(
    routine: &'static str,
    src: &NdArray,
    dst: &mut NdArray,
    st: &Step,
    conj: bool,
) -> Result<()>
where
    Complex<R>: Scalar,
{
    let iv = src.view::<R>()?;
    let mut ov = dst.view_mut::<Complex<R>>()?;
    kernel::r2c(
        routine,
        iv.view(),
        ov.view_mut(),
        st.axis,
        st.n,
        st.scale.map(R::of),
        conj,
    )
}

fn c2r_into<R: FftFloat + Scalar, I: Scalar + Into<Complex<R>>>(
    routine: &'static str,
    src: &NdArray,
    dst: &mut NdArray,
    st: &Step,
    conj: bool,
) -> Result<()> {
    let iv = src.view::<I>()?;
    let mut ov = dst.view_mut::<R>()?;
    kernel::c2r(
        routine,
        iv.view(),
        ov.view_mut(),
        st.axis,
        st.scale.map(R::of),
        conj,
    )
}

/// Runs `st` from `src` into `dst`, which has the step's output dtype and
/// shape and another buffer than `src`.
pub(crate) fn step_into(
    routine: &'static str,
    src: &NdArray,
    dst: &mut NdArray,
    st: &Step,
) -> Result<()> {
    use DType::*;
    match (st.kind, src.dtype()) {
        (Kind::C2C { inverse }, F32) => c2c_into::<f32, f32>(routine, src, dst, st, inverse),
        (Kind::C2C { inverse }, C64) => c2c_into::<f32, Complex32>(routine, src, dst, st, inverse),
        (Kind::C2C { inverse }, F64) => c2c_into::<f64, f64>(routine, src, dst, st, inverse),
        (Kind::C2C { inverse }, C128) => c2c_into::<f64, Complex64>(routine, src, dst, st, inverse),
        (Kind::R2C { conj }, F32) => r2c_into::<f32>(routine, src, dst, st, conj),
        (Kind::R2C { conj }, F64) => r2c_into::<f64>(routine, src, dst, st, conj),
        (Kind::R2C { .. }, dt) => Err(real_input_error(routine, dt)),
        (Kind::C2R { conj }, F32) => c2r_into::<f32, f32>(routine, src, dst, st, conj),
        (Kind::C2R { conj }, C64) => c2r_into::<f32, Complex32>(routine, src, dst, st, conj),
        (Kind::C2R { conj }, F64) => c2r_into::<f64, f64>(routine, src, dst, st, conj),
        (Kind::C2R { conj }, C128) => c2r_into::<f64, Complex64>(routine, src, dst, st, conj),
    }
}

/// Runs a complex step in place on the complex array `data` (length `st.n`
/// along the axis already).
pub(crate) fn step_inplace(data: &mut NdArray, st: &Step) -> Result<()> {
    const R: &str = "fft_inplace";
    let Kind::C2C { inverse } = st.kind else {
        return Err(Error::Unsupported(
            "fft: only complex transforms run in place".into(),
        ));
    };
    match data.dtype() {
        DType::C64 => {
            let mut v = data.view_mut::<Complex32>()?;
            kernel::c2c_inplace(R, v.view_mut(), st.axis, inverse, st.scale.map(f32::of))?;
        }
        DType::C128 => {
            let mut v = data.view_mut::<Complex64>()?;
            kernel::c2c_inplace(R, v.view_mut(), st.axis, inverse, st.scale.map(f64::of))?;
        }
        dt => {
            return Err(Error::InvalidArgument {
                routine: "fft_inplace",
                what: "a",
                reason: format!("an in-place transform needs a complex array, got {dt}"),
            });
        }
    }
    Ok(())
}

/// The error for complex input to a real-input transform.
pub(crate) fn real_input_error(routine: &'static str, dt: DType) -> Error {
    Error::InvalidArgument {
        routine,
        what: "a",
        reason: format!(
            "expected real input (float32 or float64), got {dt}; take the real part first to discard the imaginary part"
        ),
    }
}

/// Runs `steps` (at least one, validated) on `a` into a new array.
pub(crate) fn run(routine: &'static str, a: &NdArray, steps: &[Step]) -> Result<NdArray> {
    let _profile = crate::profile::scope(routine);
    let mut cur: Option<NdArray> = None;
    for st in steps {
        if let Some(c) = cur.as_mut()
            && matches!(st.kind, Kind::C2C { .. })
            && c.shape()[st.axis] == st.n
            && c.dtype().is_complex()
        {
            step_inplace(c, st)?;
            continue;
        }
        let src = cur.as_ref().unwrap_or(a);
        let mut dst = NdArray::alloc(
            routine,
            st.out_dtype(src.dtype()),
            &st.out_shape(src.shape()),
            MemOrder::C,
            false,
        )?;
        step_into(routine, src, &mut dst, st)?;
        cur = Some(dst);
    }
    cur.ok_or_else(|| Error::InvalidArgument {
        routine,
        what: "axes",
        reason: "no axis to transform".into(),
    })
}

/// The dtype and shape `steps` produce from `a`.
pub(crate) fn result_of(a: &NdArray, steps: &[Step]) -> (DType, Vec<usize>) {
    let (mut dtype, mut shape) = (a.dtype(), a.shape().to_vec());
    for st in steps {
        dtype = st.out_dtype(dtype);
        shape = st.out_shape(&shape);
    }
    (dtype, shape)
}

/// Runs `steps` (at least one, validated) on `a` into the caller's `out`,
/// after checking `out`'s dtype, shape, writability and overlap; nothing is
/// written on error.
///
/// The steps before the first one that already gives the final shape run
/// into a temporary (none for a single step or when `s` keeps the input
/// lengths); that step writes into `out`, and the complex steps after it
/// run in place on `out`, whatever its strides. An `out` sharing `a`'s
/// buffer gets the whole result through a temporary (then one copy).
pub(crate) fn run_out(
    routine: &'static str,
    a: &NdArray,
    steps: &[Step],
    out: &mut NdArray,
) -> Result<()> {
    let _profile = crate::profile::scope(routine);
    let (dtype, shape) = result_of(a, steps);
    if out.dtype() != dtype {
        return Err(Error::InvalidArgument {
            routine,
            what: "out",
            reason: format!("expected dtype {dtype}, got {}", out.dtype()),
        });
    }
    if out.shape() != shape.as_slice() {
        return Err(Error::OutputShape {
            routine,
            out: crate::error::Shape(out.shape().to_vec()),
            expected: crate::error::Shape(shape),
        });
    }
    if !out.is_writable() {
        return Err(Error::ReadOnly { routine });
    }
    if out.has_overlap() {
        return Err(Error::OverlappingOutput {
            routine,
            what: "out",
            strides: out.strides().to_vec(),
        });
    }
    if steps.is_empty() {
        return Err(Error::InvalidArgument {
            routine,
            what: "axes",
            reason: "no axis to transform".into(),
        });
    }
    if out.shares_buffer(a) {
        let r = run(routine, a, steps)?;
        return out.copyto(&r, crate::array::Casting::No);
    }
    // `j`: the step that writes into `out`; it moves earlier while the
    // step at `j` is a complex one whose input already has the final shape
    // (that step then runs in place on `out`).
    let mut j = steps.len() - 1;
    while j > 0 && matches!(steps[j].kind, Kind::C2C { .. }) && result_of(a, &steps[..j]).1 == shape
    {
        j -= 1;
    }
    let tmp = if j > 0 {
        Some(run(routine, a, &steps[..j])?)
    } else {
        None
    };
    step_into(routine, tmp.as_ref().unwrap_or(a), out, &steps[j])?;
    for st in &steps[j + 1..] {
        step_inplace(out, st)?;
    }
    Ok(())
}
