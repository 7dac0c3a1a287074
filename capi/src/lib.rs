//! The C ABI: `extern "C"` functions over opaque handles, declared in the
//! generated header `include/lapis.h`.
//!
//! This layer translates and holds no numerics: each function checks its
//! pointers and sizes, turns them into the Rust types, calls the Rust API
//! inside [`call`] (the panic boundary), and turns the result into a
//! [`lapis_status`] plus, on failure, a thread-local message
//! ([`lapis_last_error`]).
//!
//! Conventions every file here follows (they are what the header promises):
//! - Every fallible function returns `lapis_status`. The body of every
//!   export is exactly one boundary call: `call(|| …)`, or
//!   `call_value(fallback, || …)` for the few that return a value; shared
//!   bodies run inside it and return a [`FfiResult`]. `tests/ffi_boundary.rs`
//!   fails if an exported function does not.
//! - Results go to out-parameters, written only on success; on failure
//!   nothing the caller owns is modified.
//! - A new handle returned through `lapis_array **out` belongs to the caller,
//!   who frees it with `lapis_array_free`. Views keep their base's buffer
//!   alive, so handles may be freed in any order.
//! - Input handles are only read. Output handles are written through a new
//!   view of them ([`out_view`]), never through `&mut` to the handle, so the
//!   same handle may be passed as input and output.
//! - Sizes and shapes arrive as `int64_t` and are checked for negatives;
//!   dtype and option codes arrive as integers and are checked against the
//!   named constants, so no C value can make an invalid Rust enum.

// Every `unsafe` block says why it is sound, and every `unsafe fn` (every
// export) what its caller must guarantee.
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

use std::cell::{Cell, RefCell};
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use lapis::error::Error;

mod args;
pub mod array;
pub mod blas;
pub mod blas_ptr;
pub mod fft;
pub mod handle;
pub mod linalg;
pub mod matmul;
pub mod profile;
pub mod reduce;
pub mod ufunc;

pub(crate) use args::*;

/// The result of every fallible lapis function. `LAPIS_OK` is zero; the
/// other values are stable and never reused. `lapis_last_error()` gives the
/// message of the latest failure on the calling thread.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum lapis_status {
    /// Success.
    LAPIS_OK = 0,
    /// A required pointer argument was NULL.
    LAPIS_ERR_NULL_ARGUMENT = 1,
    /// An unknown dtype code, or an operation not defined for the dtype
    /// (e.g. `maximum` on complex, a real-only function on complex input).
    LAPIS_ERR_BAD_DTYPE = 2,
    /// Shapes that do not fit together (broadcasting, matrix products,
    /// output shapes, non-square where square is required, reshape sizes).
    LAPIS_ERR_SHAPE_MISMATCH = 3,
    /// Strides that are not usable: outside a wrapped buffer's extent, not a
    /// multiple of the element size, misaligned, or an output whose
    /// elements overlap.
    LAPIS_ERR_BAD_STRIDE = 4,
    /// An argument value outside its domain (negative size, bad option
    /// code, zero step, repeated axis, ...).
    LAPIS_ERR_INVALID_ARGUMENT = 5,
    /// An axis or index out of range.
    LAPIS_ERR_INDEX = 6,
    /// A size whose element or byte count overflows, or a dimension too
    /// large for the BLAS integer.
    LAPIS_ERR_OVERFLOW = 7,
    /// The allocator refused a request.
    LAPIS_ERR_OUT_OF_MEMORY = 8,
    /// A singular matrix (solve, inv, LU-based routines).
    LAPIS_ERR_SINGULAR = 9,
    /// A matrix that is not positive definite (Cholesky, generalized eigh).
    LAPIS_ERR_NOT_POSITIVE_DEFINITE = 10,
    /// An iterative LAPACK routine did not converge (eig, eigh, svd, lstsq).
    LAPIS_ERR_NO_CONVERGENCE = 11,
    /// Input to a linear-algebra routine containing infinities or NaNs.
    LAPIS_ERR_NON_FINITE = 12,
    /// Writing to a read-only array.
    LAPIS_ERR_READ_ONLY = 13,
    /// The array's buffer is being written by another call right now
    /// (a handle shared between threads without synchronisation).
    LAPIS_ERR_BUSY = 14,
    /// A cast that the requested casting rule forbids, or an empty input to
    /// an operation that needs elements.
    LAPIS_ERR_INVALID_VALUE = 15,
    /// A request lapis does not support (for example with this backend).
    LAPIS_ERR_UNSUPPORTED = 16,
    /// A bug in lapis (a caught panic, LAPACK rejecting an argument).
    /// The message says what happened; please report it.
    LAPIS_ERR_INTERNAL = 17,
    /// The BLAS/LAPACK that runs is not the one lapis was built for
    /// (`lapis_backend_check`).
    LAPIS_ERR_BACKEND_MISMATCH = 18,
    /// A `lapis_array *` that is not a live handle: already freed (a use
    /// after free or a double free), or never returned by lapis. Nothing
    /// is read through it.
    LAPIS_ERR_INVALID_HANDLE = 19,
}

/// Element type codes (NumPy's names): pass these where a function takes a
/// `lapis_dtype`. Any other value gives `LAPIS_ERR_BAD_DTYPE`.
#[allow(non_camel_case_types)]
pub type lapis_dtype = i32;
/// 32-bit IEEE float (BLAS prefix s).
pub const LAPIS_FLOAT32: lapis_dtype = 1;
/// 64-bit IEEE float (BLAS prefix d).
pub const LAPIS_FLOAT64: lapis_dtype = 2;
/// Complex of two 32-bit floats, laid out as C99 `float _Complex` (BLAS prefix c).
pub const LAPIS_COMPLEX64: lapis_dtype = 3;
/// Complex of two 64-bit floats, laid out as C99 `double _Complex` (BLAS prefix z).
pub const LAPIS_COMPLEX128: lapis_dtype = 4;

/// Memory order codes for new arrays and copies.
#[allow(non_camel_case_types)]
pub type lapis_order = i32;
/// Row-major (C order): the last index varies fastest.
pub const LAPIS_ORDER_C: lapis_order = 0;
/// Column-major (Fortran order): the first index varies fastest.
pub const LAPIS_ORDER_F: lapis_order = 1;
/// Fortran order if the source is Fortran-contiguous and not C-contiguous,
/// C order otherwise (NumPy's 'A').
pub const LAPIS_ORDER_A: lapis_order = 2;
/// The source's own axis order as closely as possible (NumPy's 'K').
pub const LAPIS_ORDER_K: lapis_order = 3;

/// Transpose codes for BLAS-style operands (op(A) = A, Aᵀ or Aᴴ).
#[allow(non_camel_case_types)]
pub type lapis_trans = i32;
/// op(A) = A.
pub const LAPIS_NO_TRANS: lapis_trans = 0;
/// op(A) = Aᵀ.
pub const LAPIS_TRANS: lapis_trans = 1;
/// op(A) = Aᴴ (conjugate transpose; the same as LAPIS_TRANS for real dtypes).
pub const LAPIS_CONJ_TRANS: lapis_trans = 2;

/// Which triangle of a symmetric/Hermitian/triangular matrix is referenced.
#[allow(non_camel_case_types)]
pub type lapis_uplo = i32;
/// The upper triangle (column ≥ row).
pub const LAPIS_UPPER: lapis_uplo = 0;
/// The lower triangle (column ≤ row).
pub const LAPIS_LOWER: lapis_uplo = 1;

/// Which side a symmetric/triangular matrix multiplies from (symm, trmm, trsm).
#[allow(non_camel_case_types)]
pub type lapis_side = i32;
/// op(A) · B.
pub const LAPIS_LEFT: lapis_side = 0;
/// B · op(A).
pub const LAPIS_RIGHT: lapis_side = 1;

/// Whether a triangular matrix has an implicit unit diagonal.
#[allow(non_camel_case_types)]
pub type lapis_diag = i32;
/// The diagonal is read from the matrix.
pub const LAPIS_NON_UNIT: lapis_diag = 0;
/// The diagonal is taken as all ones and not read.
pub const LAPIS_UNIT: lapis_diag = 1;

/// A complex double passed by value (same layout as C99 `double _Complex`).
/// Real-typed operations use `re` and require `im == 0` where a complex
/// value would change the result.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct lapis_complex128 {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

/// A complex float passed by value (same layout as C99 `float _Complex`).
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct lapis_complex64 {
    /// Real part.
    pub re: f32,
    /// Imaginary part.
    pub im: f32,
}

/// An n-d array of one of the four dtypes: owned memory, a view of another
/// array (which keeps that array's buffer alive), or caller memory wrapped
/// without a copy. Opaque; create with the `lapis_array_*`/creation
/// functions, free with `lapis_array_free`.
///
/// A `lapis_array *` is a checked key, not an address: every call
/// validates it before use, and a freed handle (use after free, double
/// free) or a pointer lapis never returned gives `LAPIS_ERR_INVALID_HANDLE`
/// instead of undefined behaviour. Never dereference it or pass it to
/// `free()`.
///
/// A handle may be read by several threads at once; a call that writes an
/// array must not run concurrently with other calls using the same memory
/// (lapis detects most such races and returns `LAPIS_ERR_BUSY`).
#[allow(non_camel_case_types)]
pub struct lapis_array {
    _opaque: [u8; 0],
}

impl From<lapis_complex128> for num_complex::Complex64 {
    fn from(z: lapis_complex128) -> Self {
        num_complex::Complex64::new(z.re, z.im)
    }
}

impl From<num_complex::Complex64> for lapis_complex128 {
    fn from(z: num_complex::Complex64) -> Self {
        lapis_complex128 { re: z.re, im: z.im }
    }
}

/// A failure on its way to C: the status and the message for
/// `lapis_last_error`.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: lapis_status,
    pub(crate) message: String,
}

pub(crate) type FfiResult<T = ()> = std::result::Result<T, Failure>;

impl Failure {
    pub(crate) fn new(status: lapis_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// `routine: argument 'name' is NULL`.
    pub(crate) fn null(routine: &str, name: &str) -> Failure {
        Failure::new(
            lapis_status::LAPIS_ERR_NULL_ARGUMENT,
            format!("{routine}: argument '{name}' is NULL"),
        )
    }

    /// `routine: invalid argument name: reason`.
    pub(crate) fn invalid(routine: &str, name: &str, reason: impl std::fmt::Display) -> Failure {
        Failure::new(
            lapis_status::LAPIS_ERR_INVALID_ARGUMENT,
            format!("{routine}: invalid argument {name}: {reason}"),
        )
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure {
            status: status_of(&e),
            message: e.to_string(),
        }
    }
}

/// The status code for a Rust error. `lapis::Error` is `#[non_exhaustive]`,
/// so a variant added there without a code here reads as
/// `LAPIS_ERR_INTERNAL`; `tests/ffi_boundary.rs` fails until every variant
/// of src/error.rs has an arm here.
pub(crate) fn status_of(e: &Error) -> lapis_status {
    use lapis_status::*;
    match e {
        Error::ShapeMismatch { .. }
        | Error::Broadcast { .. }
        | Error::BroadcastMany { .. }
        | Error::OutputShape { .. }
        | Error::TooFewDimensions { .. }
        | Error::NotSquare { .. }
        | Error::ReshapeSize { .. }
        | Error::SqueezeAxis { .. }
        | Error::ConcatenateMismatch { .. }
        | Error::DimensionMismatch { .. }
        | Error::CoreDimensionMismatch { .. }
        | Error::CoreDimensionsMissing { .. }
        | Error::NotAligned { .. } => LAPIS_ERR_SHAPE_MISMATCH,
        Error::UfuncType { .. } | Error::DTypeMismatch { .. } => LAPIS_ERR_BAD_DTYPE,
        Error::DimensionTooLarge { .. }
        | Error::SizeOverflow { .. }
        | Error::TooManyDimensions { .. } => LAPIS_ERR_OVERFLOW,
        Error::OverlappingOutput { .. }
        | Error::StrideNotMultiple { .. }
        | Error::Misaligned { .. }
        | Error::OutsideBuffer { .. } => LAPIS_ERR_BAD_STRIDE,
        Error::InvalidArgument { .. } | Error::RepeatedAxis { .. } | Error::ZeroStep { .. } => {
            LAPIS_ERR_INVALID_ARGUMENT
        }
        Error::AxisOutOfRange { .. }
        | Error::IndexOutOfRange { .. }
        | Error::TooManyIndices { .. } => LAPIS_ERR_INDEX,
        Error::Empty { .. } | Error::EmptyReduction { .. } | Error::Cast { .. } => {
            LAPIS_ERR_INVALID_VALUE
        }
        Error::Unsupported(_) => LAPIS_ERR_UNSUPPORTED,
        Error::OutOfMemory { .. } => LAPIS_ERR_OUT_OF_MEMORY,
        Error::Singular { .. } => LAPIS_ERR_SINGULAR,
        Error::NotPositiveDefinite { .. } => LAPIS_ERR_NOT_POSITIVE_DEFINITE,
        Error::NoConvergence { .. } => LAPIS_ERR_NO_CONVERGENCE,
        Error::NonFinite { .. } => LAPIS_ERR_NON_FINITE,
        Error::LapackArgument { .. } => LAPIS_ERR_INTERNAL,
        Error::ReadOnly { .. } => LAPIS_ERR_READ_ONLY,
        Error::BorrowConflict { .. } => LAPIS_ERR_BUSY,
        Error::BackendMismatch { .. } => LAPIS_ERR_BACKEND_MISMATCH,
        _ => LAPIS_ERR_INTERNAL,
    }
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(message: &str) {
    // Interior NULs cannot come from lapis's messages, but a caller-given
    // string could carry one into a message: cut there rather than fail.
    let bytes = message.as_bytes();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let c = CString::new(&bytes[..end]).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = c);
}

thread_local! {
    /// How many boundary calls are running on this thread (an export may
    /// call another).
    static IN_CALL: Cell<u32> = const { Cell::new(0) };
    /// Where the latest panic on this thread happened, for its message.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Turns off lapis's stderr reports of a misconfigured environment
/// (`lapis::backend::set_stderr_reports`) and installs, once, the panic
/// hook that keeps lapis's panics off the host's stderr: a panic on a thread inside a boundary call, or on one of
/// lapis's own threads (named `lapis-…`: the pool and the large-stack
/// LAPACK helper, whose panics reach the caller's boundary), is recorded
/// for the message and not printed. Any other panic goes to the hook that
/// was installed before (the host's, or Rust's default).
fn quiet_panics() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        // C callers ask lapis_backend_check/_info instead of reading stderr.
        lapis::backend::set_stderr_reports(false);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let ours = IN_CALL.with(Cell::get) > 0
                || std::thread::current()
                    .name()
                    .is_some_and(|n| n.starts_with("lapis-"));
            if ours {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                // try_with: a panic during thread teardown has no TLS left.
                let _ = PANIC_AT.try_with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// Marks this thread as inside a boundary call while it lives (see
/// [`quiet_panics`]); made by [`call`] and [`call_value`] around their
/// `catch_unwind`.
struct InCall;

impl InCall {
    #[inline]
    fn enter() -> InCall {
        quiet_panics();
        IN_CALL.with(|c| c.set(c.get() + 1));
        InCall
    }
}

impl Drop for InCall {
    #[inline]
    fn drop(&mut self) {
        IN_CALL.with(|c| c.set(c.get() - 1));
    }
}

/// The message for a caught panic: its payload, and where it happened when
/// it happened on this thread.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_string());
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("internal error (caught panic at {at}): {what}"),
        None => format!("internal error (caught panic): {what}"),
    }
}

/// The panic boundary every exported fallible function runs in: the body's
/// `Err` and any panic become a status and this thread's last-error
/// message. A panic never unwinds into C and prints nothing on stderr.
#[inline]
pub(crate) fn call(body: impl FnOnce() -> FfiResult) -> lapis_status {
    let _in_call = InCall::enter();
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => lapis_status::LAPIS_OK,
        Ok(Err(f)) => {
            set_last_error(&f.message);
            f.status
        }
        Err(payload) => {
            set_last_error(&panic_message(&*payload));
            lapis_status::LAPIS_ERR_INTERNAL
        }
    }
}

/// Runs an infallible body under the panic boundary; a panic gives
/// `fallback` (used by the few functions that return a value, not a status).
#[inline]
pub(crate) fn call_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    let _in_call = InCall::enter();
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(v) => v,
        Err(payload) => {
            set_last_error(&panic_message(&*payload));
            fallback
        }
    }
}

// ---------------------------------------------------------------------------
// Library-wide functions.
// ---------------------------------------------------------------------------

/// The message of the latest failed lapis call on the calling thread
/// ("" if none has failed). The string belongs to lapis and stays valid
/// until the next failing lapis call on this thread; successful calls do
/// not change it. Never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_last_error() -> *const c_char {
    call_value(c"".as_ptr(), || LAST_ERROR.with(|e| e.borrow().as_ptr()))
}

/// Records `message` (a NUL-terminated string; NULL records "") as the
/// calling thread's last error, the string `lapis_last_error()` returns
/// next. For wrappers layered on lapis that check their own arguments
/// before calling it (the Fortran module does): their messages then
/// travel the same thread-local path as lapis's. Returns LAPIS_OK.
///
/// # Safety
/// A non-NULL `message` points to a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_set_last_error(message: *const c_char) -> lapis_status {
    call(|| {
        let text = if message.is_null() {
            String::new()
        } else {
            // SAFETY: a non-NULL `message` is NUL-terminated (# Safety).
            unsafe { CStr::from_ptr(message) }
                .to_string_lossy()
                .into_owned()
        };
        set_last_error(&text);
        Ok(())
    })
}

/// The name of a status code, e.g. "LAPIS_ERR_SHAPE_MISMATCH" (a static
/// string; "LAPIS_UNKNOWN_STATUS" for a value that is not a status).
#[unsafe(no_mangle)]
pub extern "C" fn lapis_status_string(status: i32) -> *const c_char {
    call_value(c"LAPIS_UNKNOWN_STATUS".as_ptr(), || {
        status_name(status).as_ptr()
    })
}

fn status_name(status: i32) -> &'static CStr {
    use lapis_status::*;
    let all = [
        LAPIS_OK,
        LAPIS_ERR_NULL_ARGUMENT,
        LAPIS_ERR_BAD_DTYPE,
        LAPIS_ERR_SHAPE_MISMATCH,
        LAPIS_ERR_BAD_STRIDE,
        LAPIS_ERR_INVALID_ARGUMENT,
        LAPIS_ERR_INDEX,
        LAPIS_ERR_OVERFLOW,
        LAPIS_ERR_OUT_OF_MEMORY,
        LAPIS_ERR_SINGULAR,
        LAPIS_ERR_NOT_POSITIVE_DEFINITE,
        LAPIS_ERR_NO_CONVERGENCE,
        LAPIS_ERR_NON_FINITE,
        LAPIS_ERR_READ_ONLY,
        LAPIS_ERR_BUSY,
        LAPIS_ERR_INVALID_VALUE,
        LAPIS_ERR_UNSUPPORTED,
        LAPIS_ERR_INTERNAL,
        LAPIS_ERR_BACKEND_MISMATCH,
        LAPIS_ERR_INVALID_HANDLE,
    ];
    let name: &'static CStr = match all.iter().find(|s| **s as i32 == status) {
        Some(LAPIS_OK) => c"LAPIS_OK",
        Some(LAPIS_ERR_NULL_ARGUMENT) => c"LAPIS_ERR_NULL_ARGUMENT",
        Some(LAPIS_ERR_BAD_DTYPE) => c"LAPIS_ERR_BAD_DTYPE",
        Some(LAPIS_ERR_SHAPE_MISMATCH) => c"LAPIS_ERR_SHAPE_MISMATCH",
        Some(LAPIS_ERR_BAD_STRIDE) => c"LAPIS_ERR_BAD_STRIDE",
        Some(LAPIS_ERR_INVALID_ARGUMENT) => c"LAPIS_ERR_INVALID_ARGUMENT",
        Some(LAPIS_ERR_INDEX) => c"LAPIS_ERR_INDEX",
        Some(LAPIS_ERR_OVERFLOW) => c"LAPIS_ERR_OVERFLOW",
        Some(LAPIS_ERR_OUT_OF_MEMORY) => c"LAPIS_ERR_OUT_OF_MEMORY",
        Some(LAPIS_ERR_SINGULAR) => c"LAPIS_ERR_SINGULAR",
        Some(LAPIS_ERR_NOT_POSITIVE_DEFINITE) => c"LAPIS_ERR_NOT_POSITIVE_DEFINITE",
        Some(LAPIS_ERR_NO_CONVERGENCE) => c"LAPIS_ERR_NO_CONVERGENCE",
        Some(LAPIS_ERR_NON_FINITE) => c"LAPIS_ERR_NON_FINITE",
        Some(LAPIS_ERR_READ_ONLY) => c"LAPIS_ERR_READ_ONLY",
        Some(LAPIS_ERR_BUSY) => c"LAPIS_ERR_BUSY",
        Some(LAPIS_ERR_INVALID_VALUE) => c"LAPIS_ERR_INVALID_VALUE",
        Some(LAPIS_ERR_UNSUPPORTED) => c"LAPIS_ERR_UNSUPPORTED",
        Some(LAPIS_ERR_INTERNAL) => c"LAPIS_ERR_INTERNAL",
        Some(LAPIS_ERR_BACKEND_MISMATCH) => c"LAPIS_ERR_BACKEND_MISMATCH",
        Some(LAPIS_ERR_INVALID_HANDLE) => c"LAPIS_ERR_INVALID_HANDLE",
        None => c"LAPIS_UNKNOWN_STATUS",
    };
    name
}

/// The library's version, "MAJOR.MINOR.PATCH" (a static string; the header's
/// LAPIS_VERSION_* macros give the version compiled against).
#[unsafe(no_mangle)]
pub extern "C" fn lapis_version() -> *const c_char {
    call_value(c"unknown".as_ptr(), || {
        const VERSION: &CStr =
            match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
                Ok(s) => s,
                Err(_) => c"unknown",
            };
        VERSION.as_ptr()
    })
}

/// Sets the threads used by the BLAS and by lapis's own parallel loops
/// (`n` ≥ 1). Errors: `LAPIS_ERR_INVALID_ARGUMENT` for `n` < 1.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_set_num_threads(n: i64) -> lapis_status {
    call(|| {
        let n = usize::try_from(n)
            .map_err(|_| Failure::invalid("lapis_set_num_threads", "n", "must be >= 1"))?;
        lapis::backend::set_num_threads(n)?;
        Ok(())
    })
}

/// The number of threads lapis's parallel loops use (see `lapis_set_num_threads`).
#[unsafe(no_mangle)]
pub extern "C" fn lapis_get_num_threads() -> i64 {
    call_value(1, || lapis::parallel::threads() as i64)
}

/// A description of the linked BLAS/LAPACK, one "key: value" per line:
/// `backend` (what lapis was built for: openblas, openblas-pypi,
/// openblas64-pypi, reference, blis, mkl, or none when the program provides
/// BLAS/LAPACK), `feature`, `detected` (the implementation answering
/// `cblas_dgemm`), `lapack_detected` (answering `dgetrf_`), `status`
/// (`match`, `mismatch` or `provided-by-program`), `blas_library`,
/// `lapack_library`, `version`, `lapack_version`, `threads`, `int_bits` (the
/// backend's integer width, 32 or 64: sizes, leading dimensions and strides
/// beyond 2^31 - 1 fail with `LAPIS_ERR_OVERFLOW` on a 32-bit backend),
/// `serialized` (`yes` when lapis runs one BLAS/LAPACK call at a time across
/// the process at this thread count; see `LAPIS_BLAS_LOCK` in the README).
/// A string owned by lapis, valid for the life of the process (`threads`
/// and `serialized` are as of the first call).
#[unsafe(no_mangle)]
pub extern "C" fn lapis_backend_info() -> *const c_char {
    call_value(c"".as_ptr(), || {
        static INFO: std::sync::OnceLock<CString> = std::sync::OnceLock::new();
        INFO.get_or_init(|| {
            let b = lapis::backend::backend();
            let text = format!(
                "backend: {}\nfeature: {}\ndetected: {}\nlapack_detected: {}\nstatus: {}\nblas_library: {}\nlapack_library: {}\nversion: {}\nlapack_version: {}\nthreads: {}\nint_bits: {}\nserialized: {}\n",
                b.name,
                b.feature,
                b.detected,
                b.lapack_detected,
                b.status.as_str(),
                b.blas_library,
                b.lapack_library,
                b.version.as_deref().unwrap_or("unknown"),
                b.lapack_version.as_deref().unwrap_or("unknown"),
                b.num_threads,
                b.int_bits,
                if b.serialized { "yes" } else { "no" },
            );
            CString::new(text.replace('\0', " ")).unwrap_or_default()
        })
        .as_ptr()
    })
}

/// Checks that the BLAS/LAPACK that runs is the backend lapis was built
/// for (any, when built without one). Errors: `LAPIS_ERR_BACKEND_MISMATCH`,
/// with `lapis_last_error()` naming what was asked for and what runs.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_backend_check() -> lapis_status {
    call(|| {
        lapis::backend::check_backend()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapis::dtype::DType;

    fn last() -> String {
        // SAFETY: lapis_last_error never returns NULL and the string lives
        // until the next failing call on this thread.
        unsafe { CStr::from_ptr(lapis_last_error()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn a_panic_becomes_internal_with_its_message() {
        let s = call(|| panic!("boom {}", 42));
        assert_eq!(s, lapis_status::LAPIS_ERR_INTERNAL);
        assert!(last().contains("boom 42"), "{}", last());
        let s = call(|| std::panic::panic_any(7_u8));
        assert_eq!(s, lapis_status::LAPIS_ERR_INTERNAL);
        assert!(last().contains("unknown panic payload"));
        assert_eq!(call_value(-1_i64, || panic!("x")), -1);
    }

    /// Runs itself again in a child process, where panics inside boundary
    /// calls and on a `lapis-` thread must leave stderr silent while a
    /// panic outside lapis still reaches the previous hook.
    #[test]
    fn panics_inside_calls_print_nothing_on_stderr() {
        if std::env::var_os("LAPIS_PANIC_CHILD").is_some() {
            let s = call(|| panic!("boom in a call"));
            assert_eq!(s, lapis_status::LAPIS_ERR_INTERNAL);
            assert!(
                last().contains("caught panic at capi/src/lib.rs:"),
                "{}",
                last()
            );
            let s = call(|| {
                std::thread::Builder::new()
                    .name("lapis-test".into())
                    .spawn(|| panic!("boom on a lapis thread"))
                    .map_err(|e| Failure::new(lapis_status::LAPIS_ERR_INTERNAL, e.to_string()))?
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p));
                Ok(())
            });
            assert_eq!(s, lapis_status::LAPIS_ERR_INTERNAL);
            assert!(last().contains("boom on a lapis thread"), "{}", last());
            assert_eq!(call_value(-1_i64, || panic!("boom in call_value")), -1);
            // A BLAS call: with LAPIS_BLAS_LOCK=bogus (set by the parent) it
            // would print a warning, were stderr reports not off.
            let s = call(|| {
                let a = lapis::array::zeros(&[64, 64], lapis::DType::F64)?;
                lapis::array::matmul(&a, &a)?;
                let _ = lapis::backend::backend();
                Ok(())
            });
            assert_eq!(s, lapis_status::LAPIS_OK);
            let outside = std::thread::spawn(|| panic!("a panic outside lapis")).join();
            assert!(outside.is_err());
            println!("child done");
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "tests::panics_inside_calls_print_nothing_on_stderr",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("LAPIS_PANIC_CHILD", "1")
            .env("LAPIS_BLAS_LOCK", "bogus")
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            out.status.success() && stdout.contains("child done"),
            "{stdout}\n{stderr}"
        );
        assert!(
            !stderr.contains("boom"),
            "lapis's panics reached stderr:\n{stderr}"
        );
        assert!(
            !stderr.contains("lapis:"),
            "lapis wrote to stderr:\n{stderr}"
        );
        assert!(
            stderr.contains("a panic outside lapis"),
            "the host's hook was lost:\n{stderr}"
        );
    }

    #[test]
    fn errors_become_their_status_and_message() {
        let s = call(|| {
            Err(Error::Broadcast {
                routine: "add",
                lhs: lapis::error::Shape(vec![2, 3]),
                rhs: lapis::error::Shape(vec![4]),
            }
            .into())
        });
        assert_eq!(s, lapis_status::LAPIS_ERR_SHAPE_MISMATCH);
        assert_eq!(
            last(),
            "add: operands could not be broadcast together with shapes (2,3) (4,)"
        );
        // A success leaves the message alone; a message with a NUL is cut there.
        assert_eq!(call(|| Ok(())), lapis_status::LAPIS_OK);
        assert!(last().starts_with("add:"));
        let s = call(|| Err(Failure::invalid("f", "name", "bad\0tail")));
        assert_eq!(s, lapis_status::LAPIS_ERR_INVALID_ARGUMENT);
        assert_eq!(last(), "f: invalid argument name: bad");
    }

    #[test]
    fn last_error_is_per_thread() {
        let _ = call(|| Err(Failure::invalid("main", "x", "main thread")));
        std::thread::spawn(|| {
            assert_eq!(last(), "");
            let _ = call(|| Err(Failure::invalid("other", "x", "other thread")));
            assert!(last().contains("other thread"));
        })
        .join()
        .unwrap();
        assert!(last().contains("main thread"));
    }

    #[test]
    fn every_status_has_a_distinct_name() {
        let names: Vec<String> = (-1..=20)
            .map(|i| {
                // SAFETY: static strings.
                unsafe { CStr::from_ptr(lapis_status_string(i)) }
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names[0], "LAPIS_UNKNOWN_STATUS");
        assert_eq!(names[21], "LAPIS_UNKNOWN_STATUS");
        let known: std::collections::HashSet<_> = names[1..21].iter().collect();
        assert_eq!(known.len(), 20, "{names:?}");
        assert_eq!(names[1], "LAPIS_OK");
        assert_eq!(names[18], "LAPIS_ERR_INTERNAL");
        assert_eq!(names[19], "LAPIS_ERR_BACKEND_MISMATCH");
        assert_eq!(names[20], "LAPIS_ERR_INVALID_HANDLE");
    }

    #[test]
    fn codes_are_checked() {
        assert!(dtype_arg("f", 0).is_err());
        assert!(dtype_arg("f", 5).is_err());
        assert_eq!(dtype_arg("f", LAPIS_COMPLEX64).ok(), Some(DType::C64));
        for d in DType::ALL {
            assert_eq!(dtype_arg("f", dtype_code(d)).ok(), Some(d));
        }
        assert!(order_arg("f", 4).is_err());
        assert!(trans_arg("f", "t", 3).is_err());
        assert!(uplo_arg("f", -1).is_err());
        // SAFETY: a valid 2-element shape.
        let e = unsafe { shape_arg("f", 2, [3_i64, -1].as_ptr()) }.unwrap_err();
        assert_eq!(e.status, lapis_status::LAPIS_ERR_INVALID_ARGUMENT);
        assert!(e.message.contains("shape[1] = -1"), "{}", e.message);
        // SAFETY: NULL with a nonzero count is reported, not read.
        let e = unsafe { shape_arg("f", 1, std::ptr::null()) }.unwrap_err();
        assert_eq!(e.status, lapis_status::LAPIS_ERR_NULL_ARGUMENT);
        assert!(ndim_arg("f", 33).is_err());
    }
}
