//! matmul and friends on NdArray (issue 5): in progress.
