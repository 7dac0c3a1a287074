//! Broadcasting ufuncs (issue 5): in progress.
