//! One measurement, and the CSV file the report is made from.
//!
//! Every section appends [`Record`]s; `run` writes them to
//! `<out>/<backend>.csv`, the NumPy script writes `<out>/numpy.csv` with the
//! same columns, and `render` reads every CSV in the folder.

use std::fmt::Write as _;
use std::path::Path;

/// The CSV header, in [`Record`]'s field order.
pub const HEADER: &str = "backend,section,op,dtype,shape,n,threads,impl,seconds,flops,bytes";

/// One timed operation.
#[derive(Clone, Debug, PartialEq)]
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
    /// Best (minimum) seconds per call.
    pub seconds: f64,
    /// Floating-point operations per call (0 when not meaningful).
    pub flops: f64,
    /// Bytes moved per call (0 when not meaningful).
    pub bytes: f64,
}

impl Record {
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
            "{},{},{},{},{},{},{},{},{:e},{:e},{:e}",
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
            self.bytes
        )
    }

    fn from_csv_line(line: &str) -> Result<Record, String> {
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != 11 {
            return Err(format!("expected 11 fields, got {}: {line}", f.len()));
        }
        let num = |i: usize| -> Result<f64, String> {
            f[i].parse::<f64>()
                .map_err(|e| format!("field {i} ({:?}): {e}", f[i]))
        };
        let int = |i: usize| -> Result<usize, String> {
            f[i].parse::<usize>()
                .map_err(|e| format!("field {i} ({:?}): {e}", f[i]))
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
            seconds: num(8)?,
            flops: num(9)?,
            bytes: num(10)?,
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
        Some(h) if h.trim() == HEADER => {}
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
        };
        let dir = std::env::temp_dir().join(format!("lapis-report-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("x.csv");
        write_csv(&p, std::slice::from_ref(&r)).unwrap();
        assert_eq!(read_csv(&p).unwrap(), vec![r]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
