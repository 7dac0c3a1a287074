//! The profiler over the C ABI (`lapis::profile`): switch it on and off,
//! forget what it recorded, and print its per-routine table. The numbers
//! are collected by lapis's Rust routines (named as in Rust: `gemm`,
//! `solve`, `matmul`, `add`, …), which every C function reaches.

use super::{Failure, FfiResult, call, lapis_status};
use std::ffi::{CString, c_char};

/// Turns lapis's profiler on for every thread: from now on each lapis
/// routine records calls, wall time (split into the BLAS/LAPACK call and
/// lapis's own work), flops where defined, and bytes copied and allocated.
/// Setting `LAPIS_PROFILE=1` in the environment does the same from the
/// first call and prints the table to stderr at exit. Off, the profiler
/// costs one relaxed atomic load per routine. Returns LAPIS_OK.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_profile_enable() -> lapis_status {
    call(|| {
        lapis::profile::enable();
        Ok(())
    })
}

/// Turns the profiler off; what it recorded stays until
/// `lapis_profile_reset`. Returns LAPIS_OK.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_profile_disable() -> lapis_status {
    call(|| {
        lapis::profile::disable();
        Ok(())
    })
}

/// Forgets everything the profiler recorded. Returns LAPIS_OK.
#[unsafe(no_mangle)]
pub extern "C" fn lapis_profile_reset() -> lapis_status {
    call(|| {
        lapis::profile::reset();
        Ok(())
    })
}

/// Writes the profiler's table to `stream` (NULL: stderr), one routine per
/// line, the longest total time first: calls, total/mean/max time, the
/// share spent inside BLAS/LAPACK, GFLOP/s where the routine counts flops,
/// and megabytes copied and allocated. The stream is flushed.
///
/// Errors: `LAPIS_ERR_INVALID_VALUE` when writing fails.
///
/// # Safety
/// `stream` is NULL or an open `FILE *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_profile_report(stream: *mut libc::FILE) -> lapis_status {
    call(|| {
        let text = report_text()?;
        // SAFETY: `stream` is an open FILE* (# Safety); stderr is libc's own.
        unsafe { write_stream(stream, &text) }
    })
}

/// The profiler's table (as `lapis_profile_report` prints it) copied into
/// the caller's buffer `buf` of `buf_len` bytes, NUL-terminated and cut
/// short if it does not fit; `*needed` (if not NULL) receives the full
/// length including the NUL, so a caller can size the buffer and call again.
/// `buf` may be NULL when `buf_len` is 0. For callers without a `FILE *`
/// (Fortran).
///
/// Errors: `LAPIS_ERR_NULL_ARGUMENT` (buf with `buf_len > 0`);
/// `LAPIS_ERR_INVALID_VALUE` (negative `buf_len`).
///
/// # Safety
/// A non-NULL `buf` is valid for `buf_len` writes; `needed` is NULL or
/// valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lapis_profile_report_string(
    buf: *mut c_char,
    buf_len: i64,
    needed: *mut i64,
) -> lapis_status {
    call(|| {
        let text = report_text()?;
        let bytes = text.as_bytes_with_nul();
        let len = usize::try_from(buf_len).map_err(|_| {
            Failure::new(
                lapis_status::LAPIS_ERR_INVALID_VALUE,
                format!("lapis_profile_report_string: buf_len must be >= 0, got {buf_len}"),
            )
        })?;
        if len > 0 && buf.is_null() {
            return Err(Failure::new(
                lapis_status::LAPIS_ERR_NULL_ARGUMENT,
                "lapis_profile_report_string: buf is NULL",
            ));
        }
        if len > 0 {
            let n = bytes.len().min(len);
            // SAFETY: `buf` is valid for `len ≥ n` writes (# Safety); the
            // source is our own string.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr().cast::<c_char>(), buf, n);
                *buf.add(n - 1) = 0;
            }
        }
        if !needed.is_null() {
            // SAFETY: a non-NULL `needed` is valid for one write (# Safety).
            unsafe { *needed = bytes.len() as i64 };
        }
        Ok(())
    })
}

/// The table as a C string (it holds no NUL: routine names are Rust
/// identifiers).
fn report_text() -> FfiResult<CString> {
    CString::new(lapis::profile::report()).map_err(|_| {
        Failure::new(
            lapis_status::LAPIS_ERR_INTERNAL,
            "lapis_profile_report: the report holds a NUL byte",
        )
    })
}

/// Writes `text` to `stream` (NULL: stderr) and flushes it.
///
/// # Safety
/// `stream` is NULL or an open `FILE *`.
unsafe fn write_stream(stream: *mut libc::FILE, text: &CString) -> FfiResult {
    let failed = || {
        Failure::new(
            lapis_status::LAPIS_ERR_INVALID_VALUE,
            "lapis_profile_report: writing to the stream failed",
        )
    };
    if stream.is_null() {
        use std::io::Write as _;
        let mut err = std::io::stderr().lock();
        err.write_all(text.as_bytes()).map_err(|_| failed())?;
        return err.flush().map_err(|_| failed());
    }
    // SAFETY: `stream` is an open FILE* and `text` NUL-terminated.
    let rc = unsafe { libc::fputs(text.as_ptr(), stream) };
    // SAFETY: as above.
    if rc < 0 || unsafe { libc::fflush(stream) } != 0 {
        return Err(failed());
    }
    Ok(())
}
