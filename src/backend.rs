//! Which BLAS/LAPACK is linked, its version and its threads.
//!
//! The backend is chosen at build time (`LAPIS_BACKEND`, see `build.rs`);
//! what is reported here is read at run time from the loaded code: the
//! shared object that answers `cblas_dgemm` (so a Debian alternatives
//! switch or an `LD_LIBRARY_PATH` override shows), and the version and
//! thread functions each library exports, looked up by name.

use std::ffi::{CStr, CString, c_void};
use std::fmt;
use std::os::raw::{c_char, c_int};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};

/// What [`backend`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendInfo {
    /// The backend lapis was built for: `openblas`, `blis`, `mkl` or `reference`.
    pub name: &'static str,
    /// The backend whose code answers `cblas_dgemm` at run time, recognised
    /// from its exported functions (may differ from `name` if the loader was
    /// redirected).
    pub detected: &'static str,
    /// Path of the shared object that provides `cblas_dgemm`.
    pub blas_library: String,
    /// Path of the shared object that provides LAPACK's `dgetrf_`.
    pub lapack_library: String,
    /// The library's version or configuration string, where it gives one.
    pub version: Option<String>,
    /// LAPACK version from `ilaver`, as `major.minor.patch`.
    pub lapack_version: Option<String>,
    /// Threads the BLAS will use (1 for a single-threaded backend).
    pub num_threads: usize,
}

impl fmt::Display for BackendInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let Some(v) = &self.version {
            write!(f, " ({v})")?;
        }
        write!(
            f,
            ", {} thread(s), BLAS {}, LAPACK {}",
            self.num_threads, self.blas_library, self.lapack_library
        )?;
        if let Some(v) = &self.lapack_version {
            write!(f, " {v}")?;
        }
        Ok(())
    }
}

// Referenced directly (not only looked up by name) so that every program
// using lapis links the backend, even one that calls no BLAS routine yet.
unsafe extern "C" {
    fn dgetrf_();
    fn ilaver_(major: *mut c_int, minor: *mut c_int, patch: *mut c_int);
}

fn symbol(name: &str) -> Option<*mut c_void> {
    let cname = CString::new(name).ok()?;
    // SAFETY: dlsym with RTLD_DEFAULT only searches the loaded objects.
    let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, cname.as_ptr()) };
    (!p.is_null()).then_some(p)
}

fn library_of(p: *const c_void) -> String {
    // SAFETY: dladdr fills `info` for an address inside a loaded object;
    // dli_fname then points to a NUL-terminated path owned by the loader.
    unsafe {
        let mut info: libc::Dl_info = std::mem::zeroed();
        if libc::dladdr(p, &mut info) != 0 && !info.dli_fname.is_null() {
            return CStr::from_ptr(info.dli_fname)
                .to_string_lossy()
                .into_owned();
        }
    }
    "<unknown>".to_string()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    OpenBlas,
    Blis,
    Mkl,
    Reference,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::OpenBlas => "openblas",
            Kind::Blis => "blis",
            Kind::Mkl => "mkl",
            Kind::Reference => "reference",
        }
    }
}

fn detect() -> Kind {
    static KIND: OnceLock<Kind> = OnceLock::new();
    *KIND.get_or_init(|| {
        if symbol("openblas_get_config").is_some() {
            Kind::OpenBlas
        } else if symbol("MKL_Get_Version_String").is_some() {
            Kind::Mkl
        } else if symbol("bli_info_get_version_str").is_some() {
            Kind::Blis
        } else {
            Kind::Reference
        }
    })
}

/// The backend lapis was built against (`LAPIS_BACKEND` at build time).
pub const BUILT_FOR: &str = env!("LAPIS_BACKEND_NAME");

fn version(kind: Kind) -> Option<String> {
    // SAFETY (all arms): each symbol is called with the C signature its
    // library documents; the returned strings are static in the library.
    unsafe {
        match kind {
            Kind::OpenBlas => {
                let f: extern "C" fn() -> *const c_char =
                    std::mem::transmute(symbol("openblas_get_config")?);
                let mut v = CStr::from_ptr(f()).to_string_lossy().trim().to_string();
                // With DYNAMIC_ARCH the config names the build target; the
                // kernel set chosen for this CPU is the core name.
                if let Some(p) = symbol("openblas_get_corename") {
                    let core: extern "C" fn() -> *const c_char = std::mem::transmute(p);
                    v.push_str(&format!(
                        " (core: {})",
                        CStr::from_ptr(core()).to_string_lossy()
                    ));
                }
                Some(v)
            }
            Kind::Blis => {
                let f: extern "C" fn() -> *const c_char =
                    std::mem::transmute(symbol("bli_info_get_version_str")?);
                Some(format!("BLIS {}", CStr::from_ptr(f()).to_string_lossy()))
            }
            Kind::Mkl => {
                let f: extern "C" fn(*mut c_char, c_int) =
                    std::mem::transmute(symbol("MKL_Get_Version_String")?);
                let mut buf = [0 as c_char; 256];
                f(buf.as_mut_ptr(), buf.len() as c_int - 1);
                Some(
                    CStr::from_ptr(buf.as_ptr())
                        .to_string_lossy()
                        .trim()
                        .to_string(),
                )
            }
            Kind::Reference => None,
        }
    }
}

fn lapack_version() -> Option<String> {
    let (mut a, mut b, mut c) = (0, 0, 0);
    // SAFETY: ilaver(major, minor, patch) writes three Fortran integers.
    unsafe { ilaver_(&mut a, &mut b, &mut c) };
    (a > 0).then(|| format!("{a}.{b}.{c}"))
}

/// Serializes calls into a multi-threaded OpenBLAS.
///
/// OpenBLAS's own thread pool is not safe to enter from several threads at
/// once (its FAQ says so, and lapis's tests saw `ssyevd` fail to converge
/// now and then when test threads called it concurrently with
/// OpenBLAS 0.3.21 on 2 threads). While OpenBLAS runs more than one
/// thread, every BLAS/LAPACK call lapis makes holds this process-wide lock;
/// with one OpenBLAS thread, or another backend (MKL, BLIS and reference are
/// safe to call concurrently), no lock is taken. Callers that want
/// concurrency across their own threads set one BLAS thread
/// ([`set_num_threads`]) and get no serialization.
pub(crate) fn serial() -> Option<std::sync::MutexGuard<'static, ()>> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    if OPENBLAS_THREADS.load(Ordering::Relaxed) == 1 || !needs_serial() {
        return None;
    }
    Some(LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
}

/// OpenBLAS's thread count as lapis last set or read it (0: not read yet).
static OPENBLAS_THREADS: AtomicUsize = AtomicUsize::new(0);

fn needs_serial() -> bool {
    if detect() != Kind::OpenBlas {
        return false;
    }
    if OPENBLAS_THREADS.load(Ordering::Relaxed) == 0 {
        OPENBLAS_THREADS.store(num_threads(), Ordering::Relaxed);
    }
    OPENBLAS_THREADS.load(Ordering::Relaxed) > 1
}

/// Whether the linked BLAS is reference BLAS (single-threaded).
pub(crate) fn is_reference() -> bool {
    detect() == Kind::Reference
}

/// Threads the linked BLAS will use now.
pub fn num_threads() -> usize {
    // SAFETY: each getter takes no argument and returns an integer.
    let n = unsafe {
        match detect() {
            Kind::OpenBlas => symbol("openblas_get_num_threads").map(|p| {
                let f: extern "C" fn() -> c_int = std::mem::transmute(p);
                f() as i64
            }),
            Kind::Blis => symbol("bli_thread_get_num_threads").map(|p| {
                let f: extern "C" fn() -> i64 = std::mem::transmute(p);
                f()
            }),
            Kind::Mkl => symbol("MKL_Get_Max_Threads").map(|p| {
                let f: extern "C" fn() -> c_int = std::mem::transmute(p);
                f() as i64
            }),
            Kind::Reference => Some(1),
        }
    };
    n.map(|n| n.max(1) as usize).unwrap_or(1)
}

/// Sets the number of threads lapis uses: the BLAS's threads, where the
/// backend allows it (OpenBLAS, BLIS, MKL; reference BLAS is
/// single-threaded and keeps one), and lapis's own pool for elementwise
/// operations, reductions, random fills and FFTs
/// ([`parallel::threads`](crate::parallel::threads)). One setting governs
/// both, so they never oversubscribe the cores.
///
/// # Errors
/// `InvalidArgument` for `n == 0`; `Unsupported` if the linked BLAS exports
/// no thread setter (then nothing is changed).
pub fn set_num_threads(n: usize) -> Result<()> {
    if n == 0 {
        return Err(Error::InvalidArgument {
            routine: "set_num_threads",
            what: "n",
            reason: "must be at least 1".into(),
        });
    }
    let ni = c_int::try_from(n).unwrap_or(c_int::MAX);
    let kind = detect();
    let setter = match kind {
        Kind::OpenBlas => "openblas_set_num_threads",
        Kind::Blis => "bli_thread_set_num_threads",
        Kind::Mkl => "MKL_Set_Num_Threads",
        Kind::Reference => {
            crate::parallel::set_threads(n);
            return Ok(());
        }
    };
    let p = symbol(setter)
        .ok_or_else(|| Error::Unsupported(format!("{} exports no {setter}", kind.name())))?;
    // Wait for calls in flight on the old thread count.
    let _serial = serial();
    // SAFETY: the setter takes one integer (BLIS: a 64-bit dim_t).
    unsafe {
        if kind == Kind::Blis {
            let f: extern "C" fn(i64) = std::mem::transmute(p);
            f(n as i64);
        } else {
            let f: extern "C" fn(c_int) = std::mem::transmute(p);
            f(ni);
        }
    }
    if kind == Kind::OpenBlas {
        OPENBLAS_THREADS.store(n, Ordering::Relaxed);
    }
    crate::parallel::set_threads(n);
    Ok(())
}

/// Reports the linked BLAS/LAPACK: name, library paths, version, threads.
pub fn backend() -> BackendInfo {
    let kind = detect();
    let blas = library_of(cblas_sys::cblas_dgemm as *const c_void);
    let lapack = library_of(dgetrf_ as *const c_void);
    BackendInfo {
        name: BUILT_FOR,
        detected: kind.name(),
        blas_library: blas,
        lapack_library: lapack,
        version: version(kind),
        lapack_version: lapack_version(),
        num_threads: num_threads(),
    }
}
