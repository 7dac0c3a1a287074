//! TODO: the report header (CPU, cores, flags, clock, theoretical peak,
//! backend, version, threads, lapis commit).

use crate::Config;

/// The header text for this machine and backend.
pub fn describe(cfg: &Config) -> String {
    format!("backend: {}\n", cfg.backend)
}
