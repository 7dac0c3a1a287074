//! How lapis names the backend's symbols and integers.
//!
//! Backends differ in two ways that only this layer sees:
//!
//! * **Symbol names.** Debian's OpenBLAS, Netlib, BLIS and MKL export the
//!   plain names (`cblas_dgemm`, `dgetrf_`, `LAPACKE_dgetrf_work`). The
//!   OpenBLAS that NumPy and SciPy ship (PyPI's `scipy-openblas32`/`64`)
//!   prefixes every symbol with `scipy_`, and its ILP64 build also appends
//!   `64_` (`scipy_cblas_dgemm64_`, `scipy_dgetrf_64_`), so that it can share
//!   a process with another BLAS. build.rs sets the prefix and suffix for the
//!   backend it links (`LAPIS_SYMBOL_PREFIX`, `LAPIS_SYMBOL_SUFFIX`, empty
//!   for the plain names); [`backend_extern!`] applies them to every
//!   declaration, and [`symbol_name`] to the names looked up at run time.
//! * **Integer width.** [`BlasInt`] is `i32` for LP64 backends and `i64` for
//!   ILP64 ones (cfg `lapis_ilp64`, set by build.rs). Every dimension,
//!   leading dimension, increment, pivot and `info` is a `BlasInt`; sizes
//!   reach it only through checked conversions ([`crate::layout::blas_int`]).
//!   Enumerations (CBLAS's order/transpose/…, LAPACKE's `matrix_layout`) and
//!   the vendors' thread functions keep C `int` in both.

/// The backend's integer type (`blasint`, `lapack_int`): `i32` for LP64
/// backends, `i64` for ILP64 ones.
#[cfg(not(lapis_ilp64))]
pub type BlasInt = i32;
/// The backend's integer type (`blasint`, `lapack_int`): `i32` for LP64
/// backends, `i64` for ILP64 ones.
#[cfg(lapis_ilp64)]
pub type BlasInt = i64;

/// LAPACKE's `matrix_layout` argument (a C `int`, 101 or 102).
pub type MatrixLayout = lapacke::Layout;

/// The symbol prefix of the linked backend (`""` or `"scipy_"`).
pub const SYMBOL_PREFIX: &str = env!("LAPIS_SYMBOL_PREFIX");
/// The symbol suffix of the linked backend (`""` or `"64_"`).
pub const SYMBOL_SUFFIX: &str = env!("LAPIS_SYMBOL_SUFFIX");

/// The name the linked backend exports for the routine `plain`
/// (`"cblas_dgemm"` → `"scipy_cblas_dgemm64_"` for scipy-openblas64).
pub fn symbol_name(plain: &str) -> String {
    format!("{SYMBOL_PREFIX}{plain}{SYMBOL_SUFFIX}")
}

/// Declares backend functions under their plain names, linked as the
/// backend exports them (`#[link_name]` with [`SYMBOL_PREFIX`] and
/// [`SYMBOL_SUFFIX`]).
macro_rules! backend_extern {
    ($(fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)?;)*) => {
        unsafe extern "C" {
            $(
                #[link_name = concat!(
                    env!("LAPIS_SYMBOL_PREFIX"),
                    stringify!($name),
                    env!("LAPIS_SYMBOL_SUFFIX")
                )]
                pub fn $name($($arg: $ty),*) $(-> $ret)?;
            )*
        }
    };
}
pub(crate) use backend_extern;
