//! One measurement, and the CSV file the report is made from.
//!
//! Every section appends [`Record`]s; `run` writes them to
//! `<out>/<backend>.csv`, the NumPy script writes `<out>/numpy.csv` with the
//! same columns, and `render` reads every CSV in the folder.

use std::fmt::Write as _;
use std::path::Path;

use crate::timing::{self, Stat};

/// The CSV header, in [`Record`]'s field order.
pub const HEADER: &str = "backend,section,op,dtype,shape,n,threads,impl,seconds,flops,bytes,min_seconds,max_seconds,reps,note";

/// The header of results written before the spread columns were added;
/// still read (their `reps` is 0: spread unknown).
pub const HEADER_V1: &str = "backend,section,op,dtype,shape,n,threads,impl,seconds,flops,bytes";

/// One timed operation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// `openblas`, `blis`, `mkl`, `reference` (what lapis was built for), or
    /// `numpy` for the NumPy/SciPy script's rows.
    pub backend: String,
    /// `machine`, `blas`, `lapack`, `array`, `c_abi`.
    pub section: String,
    /// The operation, e.g. `gemm`, `eigh`, `add_broadcast`, `stream_triad`.
    pub op: String,
    /// `f32`, `f64`, `c64`, `c128`, or `-`.
    pub dtype: String,
    /// The operand shape as `AxB` (free text without commas).
    pub shape: String,
    /// The size parameter plotted on the x axis.
    pub n: usize,
    /// Threads the BLAS and lapis's pool were set to.
    pub threads: usize,
    /// Who ran it: `lapis` (Rust API), `direct` (the backend called
    /// directly), `c_abi` (lapis's C entry point), `numpy`, `peak` (a machine
    /// reference).
    pub imp: String,
    /// Median seconds per call over `reps` repetitions.
    pub seconds: f64,
    /// Floating-point operations per call (0 when not meaningful).
    pub flops: f64,
    /// Bytes moved per call (0 when not meaningful).
    pub bytes: f64,
    /// The fastest repetition's seconds per call.
    pub min_seconds: f64,
    /// The slowest repetition's seconds per call.
    pub max_seconds: f64,
    /// Timed repetitions behind `seconds` (0: unknown, an old results file;
    /// 1 for references that are not timings, e.g. the theoretical peak).
    pub reps: usize,
    /// Free text without commas, empty when nothing to say (the NumPy
    /// script writes `retimed-outlier` for a figure it re-timed).
    pub note: String,
}

impl Record {
    /// Sets `seconds` (the median), its range and repetitions from `st`.
    pub fn with_stat(mut self, st: Stat) -> Record {
        self.seconds = st.median;
        self.min_seconds = st.min;
        self.max_seconds = st.max;
        self.reps = st.reps;
        self
    }

    /// (max − min) / median of the repetitions, when known.
    pub fn spread(&self) -> Option<f64> {
        timing::spread(self.seconds, self.min_seconds, self.max_seconds, self.reps)
    }

    /// GFLOP/s, when `flops` is set.
    pub fn gflops(&self) -> Option<f64> {
        (self.flops > 0.0 && self.seconds > 0.0).then(|| self.flops / self.seconds * 1e-9)
    }

    /// GB/s, when `bytes` is set.
    pub fn gbytes(&self) -> Option<f64> {
        (self.bytes > 0.0 && self.seconds > 0.0).then(|| self.bytes / self.seconds * 1e-9)
    }

    fn to_csv_line(&self) -> String {
        format!(
            "{},{},{},{},{},{},{},{},{:e},{:e},{:e},{:e},{:e},{},{}",
            self.backend,
            self.section,
            self.op,
            self.dtype,
            self.shape,
            self.n,
            self.threads,
            self.imp,
            self.seconds,
            self.flops,
            self.bytes,
            self.min_seconds,
            self.max_seconds,
            self.reps,
            self.note.replace(',', ";")
        )
    }

    fn from_csv_line(line: &str) -> Result<Record, String> {
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != 11 && f.len() != 15 {
            return Err(format!(
                "expected 15 (or 11) fields, got {}: {line}",
                f.len()
            ));
        }
        let num = |i: usize| -> Result<f64, String> {
            f[i].parse::<f64>()
                .map_err(|e| format!("field {i} ({:?}): {e}", f[i]))
        };
        let int = |i: usize| -> Result<usize, String> {
            f[i].parse::<usize>()
                .map_err(|e| format!("field {i} ({:?}): {e}", f[i]))
        };
        let seconds = num(8)?;
        let (min_seconds, max_seconds, reps, note) = if f.len() == 15 {
            (num(11)?, num(12)?, int(13)?, f[14].to_string())
        } else {
            (seconds, seconds, 0, String::new())
        };
        Ok(Record {
            backend: f[0].into(),
            section: f[1].into(),
            op: f[2].into(),
            dtype: f[3].into(),
            shape: f[4].into(),
            n: int(5)?,
            threads: int(6)?,
            imp: f[7].into(),
            seconds,
            flops: num(9)?,
            bytes: num(10)?,
            min_seconds,
            max_seconds,
            reps,
            note,
        })
    }
}

/// Writes `records` as CSV (with [`HEADER`]) to `path`.
pub fn write_csv(path: &Path, records: &[Record]) -> std::io::Result<()> {
    let mut s = String::with_capacity(records.len() * 80);
    let _ = writeln!(s, "{HEADER}");
    for r in records {
        let _ = writeln!(s, "{}", r.to_csv_line());
    }
    std::fs::write(path, s)
}

/// Reads a CSV written by [`write_csv`] or by the NumPy script.
pub fn read_csv(path: &Path) -> Result<Vec<Record>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    match lines.next() {
        Some(h) if h.trim() == HEADER || h.trim() == HEADER_V1 => {}
        other => {
            return Err(format!(
                "{}: header {:?}, expected {HEADER:?}",
                path.display(),
                other
            ));
        }
    }
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| Record::from_csv_line(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trip() {
        let r = Record {
            backend: "openblas".into(),
            section: "blas".into(),
            op: "gemm".into(),
            dtype: "f64".into(),
            shape: "64x64".into(),
            n: 64,
            threads: 2,
            imp: "lapis".into(),
            seconds: 1.25e-5,
            flops: 2.0 * 64f64.powi(3),
            bytes: 0.0,
            min_seconds: 1.2e-5,
            max_seconds: 1.5e-5,
            reps: 7,
            note: "retimed-outlier".into(),
        };
        let dir = std::env::temp_dir().join(format!("lapis-report-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("x.csv");
        write_csv(&p, std::slice::from_ref(&r)).unwrap();
        assert_eq!(read_csv(&p).unwrap(), vec![r.clone()]);
        assert!((r.spread().unwrap() - 0.24).abs() < 1e-12);
        assert!(timing::is_noisy(r.spread()));
        // An old file (no spread columns) still reads, spread unknown.
        std::fs::write(
            &p,
            format!("{HEADER_V1}\nnumpy,blas,gemm,f64,4x4,4,1,numpy,1e-6,128,0\n"),
        )
        .unwrap();
        let old = read_csv(&p).unwrap();
        assert_eq!((old[0].reps, old[0].spread()), (0, None));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
