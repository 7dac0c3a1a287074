//! TODO: PNG plots with plotters.

/// Placeholder.
pub const NAME: &str = "plots";
