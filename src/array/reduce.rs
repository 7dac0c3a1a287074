//! Reductions on NdArray (issue 5): in progress.
