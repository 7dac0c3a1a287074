//! Which BLAS/LAPACK is linked, whether it is the one asked for, its
//! version and its threads.
//!
//! The backend is chosen at build time (a Cargo feature such as
//! `openblas-system`, or `LAPIS_BACKEND`; see `build.rs`). What is reported
//! here is read at run time from the loaded code: the object (shared library,
//! or the program itself for a static link) whose code answers `cblas_dgemm`
//! and `dgetrf_`, recognised by the identification function each vendor
//! exports from that same object (`openblas_get_config`,
//! `bli_info_get_version_str`, `MKL_Get_Version_String`; Netlib has none).
//!
//! If that is not the backend lapis was built for, [`backend`] reports
//! [`BackendStatus::Mismatch`], [`check_backend`] returns
//! [`Error::BackendMismatch`], and the first BLAS/LAPACK call lapis makes
//! prints one line saying so on standard error.

use std::ffi::{CStr, CString, c_void};
use std::fmt;
use std::os::raw::{c_char, c_int};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::error::{Error, Result};
use crate::sys::BlasInt;

/// Whether the loaded BLAS/LAPACK is the one lapis was built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendStatus {
    /// The code answering `cblas_dgemm` and `dgetrf_` is the backend's.
    Match,
    /// It is not: another library answers (wrong link, `LD_LIBRARY_PATH`,
    /// Debian alternatives, a second BLAS loaded first).
    Mismatch,
    /// lapis was built without a backend (`default-features = false`): the
    /// program provides BLAS/LAPACK, and whatever answers is accepted.
    ProvidedByProgram,
}

impl BackendStatus {
    /// `match`, `mismatch` or `provided-by-program`.
    pub fn as_str(self) -> &'static str {
        match self {
            BackendStatus::Match => "match",
            BackendStatus::Mismatch => "mismatch",
            BackendStatus::ProvidedByProgram => "provided-by-program",
        }
    }
}

/// What [`backend`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendInfo {
    /// The backend lapis was built for: `openblas` (the system's),
    /// `openblas-pypi` / `openblas64-pypi` (PyPI's scipy-openblas32/64, the
    /// OpenBLAS NumPy ships), `reference` (Netlib), `blis`, `mkl`, or `none`
    /// (provided by the program).
    pub name: &'static str,
    /// The Cargo feature that chose it (`openblas-system`, ...).
    pub feature: &'static str,
    /// The implementation whose code answers `cblas_dgemm`: `openblas`,
    /// `blis`, `mkl`, or `reference` when no vendor identifies itself.
    pub detected: &'static str,
    /// The implementation whose code answers LAPACK's `dgetrf_` (BLIS
    /// backends use Netlib's LAPACK: `reference`).
    pub lapack_detected: &'static str,
    /// Whether `detected`/`lapack_detected` are what `name` promises.
    pub status: BackendStatus,
    /// Path of the object that provides `cblas_dgemm` (the program itself
    /// when the BLAS is linked statically).
    pub blas_library: String,
    /// Path of the object that provides LAPACK's `dgetrf_`.
    pub lapack_library: String,
    /// The library's version or configuration string, where it gives one.
    pub version: Option<String>,
    /// LAPACK version from `ilaver`, as `major.minor.patch`.
    pub lapack_version: Option<String>,
    /// Threads the BLAS will use (1 for a single-threaded backend).
    pub num_threads: usize,
    /// Width of the backend's integers in bits: 32 (LP64) or 64 (ILP64).
    /// Dimensions, leading dimensions and strides beyond `2^(bits-1) - 1`
    /// are refused with [`Error::DimensionTooLarge`].
    pub int_bits: u32,
    /// Whether lapis serializes its BLAS/LAPACK calls at this thread count:
    /// one call at a time across the process, behind one lock. By default
    /// true while OpenBLAS older than 0.3.34 or BLIS runs more than one thread (concurrent
    /// multi-threaded calls were measured unsafe or far slower there; MKL
    /// and reference BLAS never are), false with one; `LAPIS_BLAS_LOCK=always` makes it
    /// always true, `LAPIS_BLAS_LOCK=never` always false.
    pub serialized: bool,
}

impl fmt::Display for BackendInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let Some(v) = &self.version {
            write!(f, " ({v})")?;
        }
        write!(
            f,
            ", {} thread(s), BLAS {} [{}], LAPACK {} [{}]",
            self.num_threads,
            self.blas_library,
            self.detected,
            self.lapack_library,
            self.lapack_detected
        )?;
        if let Some(v) = &self.lapack_version {
            write!(f, " {v}")?;
        }
        write!(f, ", {}-bit integers", self.int_bits)?;
        if self.serialized {
            write!(f, ", calls serialized")?;
        }
        if self.status != BackendStatus::Match {
            write!(f, " — {}", self.status.as_str())?;
        }
        Ok(())
    }
}

// Referenced directly (not only looked up by name) so that every program
// using lapis links the backend, even one that calls no BLAS routine yet.
crate::sys::backend_extern! {
    fn dgetrf_();
    fn ilaver_(major: *mut BlasInt, minor: *mut BlasInt, patch: *mut BlasInt);
}

// The built-for vendor's identification and thread functions, linked
// directly: they are then found even in a statically linked program, whose
// symbols `dlsym` cannot see. (The thread functions take a C `int` in
// ILP64 builds too.)
#[cfg(lapis_backend = "openblas")]
mod vendor {
    use std::os::raw::{c_char, c_int};
    crate::sys::backend_extern! {
        fn openblas_get_config() -> *const c_char;
        fn openblas_get_num_threads() -> c_int;
        fn openblas_set_num_threads(n: c_int);
    }
}
#[cfg(lapis_backend = "blis")]
mod vendor {
    use std::os::raw::c_char;
    crate::sys::backend_extern! {
        fn bli_info_get_version_str() -> *const c_char;
        fn bli_thread_get_num_threads() -> i64;
        fn bli_thread_set_num_threads(n: i64);
    }
}
#[cfg(lapis_backend = "mkl")]
mod vendor {
    use std::os::raw::{c_char, c_int};
    crate::sys::backend_extern! {
        fn MKL_Get_Version_String(buf: *mut c_char, len: c_int);
        fn MKL_Get_Max_Threads() -> c_int;
        fn MKL_Set_Num_Threads(n: c_int);
    }
}

/// The address of the backend's export for the routine `name`, under the
/// name the backend gives it ([`crate::sys::symbol_name`]: `scipy_…64_` for
/// scipy-openblas64).
fn symbol(name: &str) -> Option<*mut c_void> {
    let cname = CString::new(crate::sys::symbol_name(name)).ok()?;
    // SAFETY: dlsym with RTLD_DEFAULT only searches the loaded objects.
    let p = unsafe { libc::dlsym(libc::RTLD_DEFAULT, cname.as_ptr()) };
    (!p.is_null()).then_some(p)
}

/// The loaded object holding address `p`: its load address and path.
fn object_of(p: *const c_void) -> Option<(usize, String)> {
    // SAFETY: dladdr fills `info` for an address inside a loaded object;
    // dli_fname then points to a NUL-terminated path owned by the loader.
    unsafe {
        let mut info: libc::Dl_info = std::mem::zeroed();
        if libc::dladdr(p, &mut info) == 0 {
            return None;
        }
        let path = if info.dli_fname.is_null() {
            String::new()
        } else {
            CStr::from_ptr(info.dli_fname)
                .to_string_lossy()
                .into_owned()
        };
        Some((info.dli_fbase as usize, path))
    }
}

fn library_of(p: *const c_void) -> String {
    match object_of(p) {
        Some((_, path)) if !path.is_empty() => path,
        _ => "<unknown>".to_string(),
    }
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

    /// The function each vendor exports to identify itself.
    fn marker(self) -> Option<&'static str> {
        match self {
            Kind::OpenBlas => Some("openblas_get_config"),
            Kind::Blis => Some("bli_info_get_version_str"),
            Kind::Mkl => Some("MKL_Get_Version_String"),
            Kind::Reference => None,
        }
    }

    /// The marker's address when this crate links it directly.
    fn linked_marker(self) -> Option<*const c_void> {
        #[cfg(lapis_backend = "openblas")]
        if self == Kind::OpenBlas {
            return Some(vendor::openblas_get_config as *const c_void);
        }
        #[cfg(lapis_backend = "blis")]
        if self == Kind::Blis {
            return Some(vendor::bli_info_get_version_str as *const c_void);
        }
        #[cfg(lapis_backend = "mkl")]
        if self == Kind::Mkl {
            return Some(vendor::MKL_Get_Version_String as *const c_void);
        }
        None
    }
}

/// Which implementation's code lives in the object holding `f`: the vendor
/// whose marker function is in that same object, else Netlib.
fn kind_of(f: *const c_void) -> Kind {
    let Some((base, path)) = object_of(f) else {
        return Kind::Reference;
    };
    for kind in [Kind::OpenBlas, Kind::Mkl, Kind::Blis] {
        let marker = kind.marker().expect("vendors have markers");
        let mut candidates: Vec<*const c_void> = kind.linked_marker().into_iter().collect();
        // The object's own export (a second copy of a vendor library loaded
        // elsewhere would shadow it in a global lookup).
        if !path.is_empty()
            && let Ok(cpath) = CString::new(path.as_str())
        {
            // SAFETY: RTLD_NOLOAD only returns a handle to an object that is
            // already loaded; the handle is released right after the lookup.
            unsafe {
                let h = libc::dlopen(cpath.as_ptr(), libc::RTLD_LAZY | libc::RTLD_NOLOAD);
                if !h.is_null() {
                    let cm = CString::new(crate::sys::symbol_name(marker))
                        .expect("no NUL in marker names");
                    let p = libc::dlsym(h, cm.as_ptr());
                    if !p.is_null() {
                        candidates.push(p);
                    }
                    libc::dlclose(h);
                }
            }
        }
        candidates.extend(symbol(marker).map(|p| p as *const c_void));
        if candidates
            .iter()
            .any(|p| object_of(*p).is_some_and(|(b, _)| b == base))
        {
            return kind;
        }
    }
    Kind::Reference
}

struct Detected {
    blas: Kind,
    lapack: Kind,
}

fn detect_all() -> &'static Detected {
    static DETECTED: OnceLock<Detected> = OnceLock::new();
    DETECTED.get_or_init(|| Detected {
        blas: kind_of(crate::sys::cblas::cblas_dgemm as *const c_void),
        lapack: kind_of(dgetrf_ as *const c_void),
    })
}

/// The implementation answering BLAS calls (threads and versions follow it).
fn detect() -> Kind {
    detect_all().blas
}

/// The backend lapis was built for (`openblas`, `reference`, `blis`, `mkl`,
/// or `none` when the program provides BLAS/LAPACK).
pub const BUILT_FOR: &str = env!("LAPIS_BACKEND_NAME");

/// The Cargo feature (or `LAPIS_BACKEND` value) that chose [`BUILT_FOR`].
pub const BUILT_FOR_FEATURE: &str = env!("LAPIS_BACKEND_FEATURE");

/// What BLAS and LAPACK implementation the built-for backend promises.
fn expected() -> Option<(Kind, Kind)> {
    match BUILT_FOR {
        "openblas" | "openblas-pypi" | "openblas64-pypi" => Some((Kind::OpenBlas, Kind::OpenBlas)),
        "reference" => Some((Kind::Reference, Kind::Reference)),
        "blis" => Some((Kind::Blis, Kind::Reference)),
        "mkl" => Some((Kind::Mkl, Kind::Mkl)),
        _ => None,
    }
}

fn status() -> BackendStatus {
    let d = detect_all();
    match expected() {
        None => BackendStatus::ProvidedByProgram,
        Some((blas, lapack)) if blas == d.blas && lapack == d.lapack => BackendStatus::Match,
        Some(_) => BackendStatus::Mismatch,
    }
}

static STDERR_REPORTS: AtomicBool = AtomicBool::new(true);

/// Turns on or off (it starts on) the only lines lapis ever writes to
/// standard error, both about a misconfigured environment: a backend
/// mismatch at the first BLAS/LAPACK call, and an unknown
/// `LAPIS_BLAS_LOCK` value. A host that owns its stderr turns them off
/// and asks instead ([`check_backend`], [`backend`]); the C library does
/// so at its first call, so no C call prints anything.
pub fn set_stderr_reports(enabled: bool) {
    STDERR_REPORTS.store(enabled, Ordering::Relaxed);
}

fn stderr_reports() -> bool {
    STDERR_REPORTS.load(Ordering::Relaxed)
}

/// Once per process, at the first BLAS/LAPACK call: say so on standard
/// error when the loaded backend is not the one asked for (unless
/// [`set_stderr_reports`] turned that off).
fn announce_mismatch() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // libmkl_rt loads libmkl_core & co. at run time, and they expect
        // libm's functions in the global scope without declaring libm.
        // Calling one here makes libm a dependency of every program that
        // makes a BLAS call through lapis, even under --as-needed.
        #[cfg(lapis_backend = "mkl")]
        std::hint::black_box(std::hint::black_box(2.0f64).ln());
        if status() == BackendStatus::Mismatch && stderr_reports() {
            let info = backend();
            eprintln!(
                "lapis: backend mismatch: built for {} (feature {}), but BLAS is {} ({}) and LAPACK is {} ({})",
                info.name,
                info.feature,
                info.detected,
                info.blas_library,
                info.lapack_detected,
                info.lapack_library
            );
        }
    });
}

/// The linked backend if it is the one lapis was built for (or any, when
/// the program provides it).
///
/// # Errors
/// [`Error::BackendMismatch`] naming what was asked for and what runs.
pub fn check_backend() -> Result<BackendInfo> {
    let info = backend();
    if info.status == BackendStatus::Mismatch {
        return Err(Error::BackendMismatch {
            requested: info.name,
            blas: info.detected,
            lapack: info.lapack_detected,
            library: info.blas_library.clone(),
        });
    }
    Ok(info)
}

fn version(kind: Kind) -> Option<String> {
    // SAFETY: in every arm, each function (linked, or found by `dlsym` under
    // its own name) is called with the C signature its library documents;
    // the returned strings are static in the library, and MKL's is written
    // into the zeroed `buf` with its last byte left as the terminating NUL.
    unsafe {
        match kind {
            Kind::OpenBlas => {
                let config: unsafe extern "C" fn() -> *const c_char = {
                    #[cfg(lapis_backend = "openblas")]
                    {
                        vendor::openblas_get_config
                    }
                    #[cfg(not(lapis_backend = "openblas"))]
                    {
                        std::mem::transmute(symbol("openblas_get_config")?)
                    }
                };
                let mut v = CStr::from_ptr(config())
                    .to_string_lossy()
                    .trim()
                    .to_string();
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
                let f: unsafe extern "C" fn() -> *const c_char = {
                    #[cfg(lapis_backend = "blis")]
                    {
                        vendor::bli_info_get_version_str
                    }
                    #[cfg(not(lapis_backend = "blis"))]
                    {
                        std::mem::transmute(symbol("bli_info_get_version_str")?)
                    }
                };
                Some(format!("BLIS {}", CStr::from_ptr(f()).to_string_lossy()))
            }
            Kind::Mkl => {
                let f: unsafe extern "C" fn(*mut c_char, c_int) = {
                    #[cfg(lapis_backend = "mkl")]
                    {
                        vendor::MKL_Get_Version_String
                    }
                    #[cfg(not(lapis_backend = "mkl"))]
                    {
                        std::mem::transmute(symbol("MKL_Get_Version_String")?)
                    }
                };
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
    let (mut a, mut b, mut c): (BlasInt, BlasInt, BlasInt) = (0, 0, 0);
    // SAFETY: ilaver(major, minor, patch) writes three Fortran integers.
    unsafe { ilaver_(&mut a, &mut b, &mut c) };
    (a > 0).then(|| format!("{a}.{b}.{c}"))
}

/// Serializes BLAS/LAPACK calls where running them concurrently is not
/// safe; every BLAS/LAPACK call lapis makes holds the returned guard.
///
/// The policy comes from the environment variable `LAPIS_BLAS_LOCK`, read
/// once at the first call:
/// * `auto` (the default): the process-wide lock is taken while the BLAS
///   runs more than one thread, except on MKL and on an OpenBLAS from
///   [`OPENBLAS_CONCURRENT_SAFE`] on; with one BLAS thread, or reference
///   BLAS, no lock. Measured with `tests/concurrency.rs` (8 threads of
///   independent `gesv`/`syevd`/`gemm` calls, every result checked) and
///   `examples/concurrent_calls.rs` on 2 cores: at 1 thread OpenBLAS
///   0.3.21, BLIS 0.9 and reference BLAS gave right results and were as
///   fast or faster without the lock; at 2 threads without it, OpenBLAS
///   0.3.21 gave right results ~400× slower (its thread server busy-waits
///   when callers outnumber its workers; lapis's tests had also seen
///   `ssyevd` fail to converge there) and BLIS 0.9 (OpenMP) more than 60×
///   slower (every caller starts its own spinning team), while with the
///   lock both ran at full speed; MKL 2026.2 gave right results at 2
///   threads and was faster without the lock (7.2 s against 10.8 s);
///   PyPI's OpenBLAS 0.3.34 (scipy-openblas64) gave right results at 2
///   threads unlocked (96,000 checked calls) and, unlike 0.3.21, stays
///   usable: 139,730 small calls/s unlocked against 66,600 locked, though
///   a mix with one call in 8 large enough for its threads took 90 s
///   unlocked against 50 s locked on 2 cores (8 callers × 2 BLAS threads
///   oversubscribe them; one BLAS thread avoids both the lock and that);
/// * `always`: every call takes the lock (one BLAS/LAPACK call at a time in
///   the process), whatever the backend and thread count;
/// * `never`: no call takes it, even where `auto` would.
///
/// [`BackendInfo::serialized`] reports the outcome. Callers who want
/// concurrency across their own threads on a backend that is serialized
/// set one BLAS thread ([`set_num_threads`]).
///
/// Besides, a call made from a task on lapis's own thread pool breaks the
/// thread budget ([`crate::parallel`]: pool work and BLAS calls never
/// overlap). lapis makes no such call; debug builds assert it, and a
/// release build that did would take the lock, so that at most one BLAS
/// team runs beside the pool.
pub(crate) fn serial() -> BackendCall {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    announce_mismatch();
    let on_pool = crate::parallel::on_pool();
    debug_assert!(
        !on_pool,
        "lapis called BLAS/LAPACK from a task on its own thread pool (see lapis::parallel)"
    );
    let lock = (on_pool || needs_serial())
        .then(|| LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    // Started once the lock is held: the profiler's BLAS time is the call's own.
    BackendCall {
        _timer: crate::profile::backend_timer(),
        _lock: lock,
    }
}

/// Held for the duration of one BLAS/LAPACK call ([`serial`]): the lock,
/// where calls are serialized, and the profiler's timer. The timer is
/// declared first, so it stops before the lock is released.
pub(crate) struct BackendCall {
    _timer: crate::profile::BackendTimer,
    _lock: Option<std::sync::MutexGuard<'static, ()>>,
}

/// The first OpenBLAS release that `auto` ([`serial`]) calls concurrently
/// while it runs more than one thread: 0.3.34, the oldest release measured
/// clean under the stress test (scipy-openblas32/64); 0.3.21 is serialized
/// and the releases between were not measured.
const OPENBLAS_CONCURRENT_SAFE: (u32, u32, u32) = (0, 3, 34);

/// Whether lapis serializes its BLAS/LAPACK calls (`LAPIS_BLAS_LOCK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LockPolicy {
    /// Lock only where the backend is not safe to call concurrently.
    Auto,
    /// Lock every call.
    Always,
    /// Lock no call.
    Never,
}

/// `LAPIS_BLAS_LOCK`, read once; an unknown value is reported on standard
/// error and read as `auto`.
fn lock_policy() -> LockPolicy {
    static POLICY: OnceLock<LockPolicy> = OnceLock::new();
    *POLICY.get_or_init(|| {
        let Some(value) = std::env::var_os("LAPIS_BLAS_LOCK") else {
            return LockPolicy::Auto;
        };
        match value.to_string_lossy().trim() {
            "" | "auto" => LockPolicy::Auto,
            "always" => LockPolicy::Always,
            "never" => LockPolicy::Never,
            other => {
                if stderr_reports() {
                    eprintln!(
                        "lapis: LAPIS_BLAS_LOCK={other:?} is not one of auto, always, never; using auto"
                    );
                }
                LockPolicy::Auto
            }
        }
    })
}

/// The `major.minor.patch` after "OpenBLAS " in `openblas_get_config`'s
/// string (e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH ...`); a missing patch
/// number reads as 0, trailing letters (`0.3.30.dev`) are ignored.
fn parse_openblas_version(config: &str) -> Option<(u32, u32, u32)> {
    let rest = &config[config.find("OpenBLAS ")? + "OpenBLAS ".len()..];
    let word = rest.split_whitespace().next()?;
    let mut parts = word.split('.').map(|p| {
        let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().ok()
    });
    let major = parts.next()??;
    let minor = parts.next()??;
    let patch = parts.next().flatten().unwrap_or(0);
    Some((major, minor, patch))
}

/// Whether the loaded OpenBLAS may be called from several threads at once
/// while it runs several threads itself (parsed once).
fn openblas_concurrent_safe() -> bool {
    static SAFE: OnceLock<bool> = OnceLock::new();
    *SAFE.get_or_init(|| {
        version(Kind::OpenBlas)
            .as_deref()
            .and_then(parse_openblas_version)
            .is_some_and(|v| v >= OPENBLAS_CONCURRENT_SAFE)
    })
}

/// The BLAS's thread count as lapis last set or read it (0: not read yet).
static BLAS_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Whether [`serial`] takes its lock at the current thread count (see its
/// policy).
fn needs_serial() -> bool {
    match lock_policy() {
        LockPolicy::Always => return true,
        LockPolicy::Never => return false,
        LockPolicy::Auto => {}
    }
    let kind = detect();
    if matches!(kind, Kind::Reference | Kind::Mkl) {
        return false;
    }
    if BLAS_THREADS.load(Ordering::Relaxed) == 0 {
        BLAS_THREADS.store(num_threads(), Ordering::Relaxed);
    }
    BLAS_THREADS.load(Ordering::Relaxed) > 1
        && !(kind == Kind::OpenBlas && openblas_concurrent_safe())
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
            Kind::OpenBlas => {
                #[cfg(lapis_backend = "openblas")]
                {
                    Some(vendor::openblas_get_num_threads() as i64)
                }
                #[cfg(not(lapis_backend = "openblas"))]
                symbol("openblas_get_num_threads").map(|p| {
                    let f: extern "C" fn() -> c_int = std::mem::transmute(p);
                    f() as i64
                })
            }
            Kind::Blis => {
                #[cfg(lapis_backend = "blis")]
                {
                    Some(vendor::bli_thread_get_num_threads())
                }
                #[cfg(not(lapis_backend = "blis"))]
                symbol("bli_thread_get_num_threads").map(|p| {
                    let f: extern "C" fn() -> i64 = std::mem::transmute(p);
                    f()
                })
            }
            Kind::Mkl => {
                #[cfg(lapis_backend = "mkl")]
                {
                    Some(vendor::MKL_Get_Max_Threads() as i64)
                }
                #[cfg(not(lapis_backend = "mkl"))]
                symbol("MKL_Get_Max_Threads").map(|p| {
                    let f: extern "C" fn() -> c_int = std::mem::transmute(p);
                    f() as i64
                })
            }
            Kind::Reference => Some(1),
        }
    };
    n.map(|n| n.max(1) as usize).unwrap_or(1)
}

/// Calls the BLAS's own thread setter; false if it exports none.
fn set_blas_threads(kind: Kind, n: usize) -> bool {
    let ni = c_int::try_from(n).unwrap_or(c_int::MAX);
    // SAFETY: in every arm, each setter (linked, or found by `dlsym` under its
    // own name) takes one integer (BLIS: a 64-bit `dim_t`) and has no other
    // precondition.
    unsafe {
        match kind {
            Kind::OpenBlas => {
                #[cfg(lapis_backend = "openblas")]
                {
                    vendor::openblas_set_num_threads(ni);
                    true
                }
                #[cfg(not(lapis_backend = "openblas"))]
                symbol("openblas_set_num_threads").is_some_and(|p| {
                    let f: extern "C" fn(c_int) = std::mem::transmute(p);
                    f(ni);
                    true
                })
            }
            Kind::Blis => {
                #[cfg(lapis_backend = "blis")]
                {
                    vendor::bli_thread_set_num_threads(n as i64);
                    true
                }
                #[cfg(not(lapis_backend = "blis"))]
                symbol("bli_thread_set_num_threads").is_some_and(|p| {
                    let f: extern "C" fn(i64) = std::mem::transmute(p);
                    f(n as i64);
                    true
                })
            }
            Kind::Mkl => {
                #[cfg(lapis_backend = "mkl")]
                {
                    vendor::MKL_Set_Num_Threads(ni);
                    true
                }
                #[cfg(not(lapis_backend = "mkl"))]
                symbol("MKL_Set_Num_Threads").is_some_and(|p| {
                    let f: extern "C" fn(c_int) = std::mem::transmute(p);
                    f(ni);
                    true
                })
            }
            Kind::Reference => true,
        }
    }
}

/// Sets the number of threads lapis uses: the BLAS's threads, where the
/// backend allows it (OpenBLAS, BLIS, MKL — whichever answers BLAS calls;
/// reference BLAS is single-threaded and keeps one), and lapis's own pool
/// for elementwise operations, reductions, random fills and FFTs
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
    let kind = detect();
    {
        // Wait for calls in flight on the old thread count.
        let _serial = serial();
        if !set_blas_threads(kind, n) {
            return Err(Error::Unsupported(format!(
                "{} exports no thread setter",
                kind.name()
            )));
        }
    }
    if kind != Kind::Reference {
        BLAS_THREADS.store(n, Ordering::Relaxed);
    }
    crate::parallel::set_threads(n);
    Ok(())
}

/// Reports the linked BLAS/LAPACK: what lapis was built for, what runs,
/// whether they agree, library paths, versions, threads.
/// Whether the BLAS that answers is OpenBLAS, whose optimized kernels
/// have been seen to load one element beyond an operand (OpenBLAS 0.3.21's
/// Haswell `{c,z}dot{u,c}` with non-unit increments: a fault when the
/// operand ends at an unmapped page). lapis then hands such calls a padded
/// copy of a caller's operand that lies at a page edge (see
/// `layout::VecIn::for_overreading_kernel`).
pub(crate) fn blas_may_overread() -> bool {
    detect_all().blas == Kind::OpenBlas
}

pub fn backend() -> BackendInfo {
    let d = detect_all();
    BackendInfo {
        name: BUILT_FOR,
        feature: BUILT_FOR_FEATURE,
        detected: d.blas.name(),
        lapack_detected: d.lapack.name(),
        status: status(),
        blas_library: library_of(crate::sys::cblas::cblas_dgemm as *const c_void),
        lapack_library: library_of(dgetrf_ as *const c_void),
        version: version(d.blas),
        lapack_version: lapack_version(),
        num_threads: num_threads(),
        int_bits: BlasInt::BITS,
        serialized: needs_serial(),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_openblas_version;

    #[test]
    fn openblas_versions_parse() {
        let p = parse_openblas_version;
        assert_eq!(
            p("OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64"),
            Some((0, 3, 21))
        );
        assert_eq!(
            p("OpenBLAS 0.3.34  USE64BITINT DYNAMIC_ARCH"),
            Some((0, 3, 34))
        );
        assert_eq!(p("OpenBLAS 0.3.30.dev DYNAMIC_ARCH"), Some((0, 3, 30)));
        assert_eq!(p("OpenBLAS 0.4"), Some((0, 4, 0)));
        assert_eq!(p("OpenBLAS"), None);
        assert_eq!(p("BLIS 0.9.0"), None);
    }
}
