//! `render DIR`: reads every `*.csv` in DIR (one per backend from `run`,
//! `numpy.csv` from benches/report/numpy_report.py; `report.csv` itself is
//! skipped) and writes `DIR/report.md` (header texts from
//! `DIR/*-machine.txt`, the issue-8 targets, one table per section),
//! `DIR/report.csv` (all rows merged) and the PNG plots ([`crate::plots`]).
//!
//! Ratios are of times (medians): `direct/lapis` = t(direct) / t(lapis), so
//! 1.00 is "as fast as the direct call" and 0.98 is "2% slower";
//! `numpy/lapis` > 1 means lapis is faster than NumPy. Every table row shows
//! its spread (the largest (max − min) / median of the figures in it); the
//! judgements on them (noisy, outliers, two threads slower than one) are
//! [`crate::checks`]'s.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::blas::fmt_secs;
use crate::checks;
use crate::record::{self, Record};
use crate::timing;

/// Rows indexed by everything but `imp` and the measured values.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub backend: String,
    pub section: String,
    pub op: String,
    pub dtype: String,
    pub n: usize,
    pub threads: usize,
}

/// All rows of a results folder, searchable.
pub struct Data {
    pub records: Vec<Record>,
    /// (key, imp) -> index of its record (the lowest median when a row is
    /// repeated).
    best: BTreeMap<(Key, String), usize>,
    /// Keys of the NumPy figures [`checks::outliers`] finds.
    numpy_outliers: BTreeSet<Key>,
}

fn key(r: &Record) -> Key {
    Key {
        backend: r.backend.clone(),
        section: r.section.clone(),
        op: r.op.clone(),
        dtype: r.dtype.clone(),
        n: r.n,
        threads: r.threads,
    }
}

impl Data {
    pub fn new(records: Vec<Record>) -> Data {
        let mut best: BTreeMap<(Key, String), usize> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            let e = best.entry((key(r), r.imp.clone())).or_insert(i);
            if r.seconds < records[*e].seconds {
                *e = i;
            }
        }
        // NumPy figures by section, op, dtype and threads (the key with
        // n = 0), then sorted by size: (n, key, seconds per unit of work).
        let mut rows: BTreeMap<Key, Vec<(usize, Key, f64)>> = BTreeMap::new();
        for ((k, imp), &i) in &best {
            let r = &records[i];
            if k.backend != "numpy" || imp != "numpy" {
                continue;
            }
            if let Some(w) = checks::work(r) {
                rows.entry(Key { n: 0, ..k.clone() }).or_default().push((
                    k.n,
                    k.clone(),
                    r.seconds / w,
                ));
            }
        }
        let mut numpy_outliers = BTreeSet::new();
        for mut row in rows.into_values() {
            row.sort_by_key(|p| p.0);
            let costs: Vec<f64> = row.iter().map(|p| p.2).collect();
            for (p, out) in row.into_iter().zip(checks::outliers(&costs)) {
                if out {
                    numpy_outliers.insert(p.1);
                }
            }
        }
        Data {
            records,
            best,
            numpy_outliers,
        }
    }

    /// The record of `imp` at `k`.
    pub fn rec(&self, k: &Key, imp: &str) -> Option<&Record> {
        self.best
            .get(&(k.clone(), imp.to_string()))
            .map(|&i| &self.records[i])
    }

    /// Median seconds of `imp` at `k`.
    pub fn secs(&self, k: &Key, imp: &str) -> Option<f64> {
        self.rec(k, imp).map(|r| r.seconds)
    }

    /// The largest spread among `imps` at `k` (NumPy's `numpy` imp under
    /// the NumPy key), when any is known.
    pub fn spread(&self, k: &Key, imps: &[&str]) -> Option<f64> {
        imps.iter()
            .filter_map(|imp| {
                if *imp == "numpy" {
                    self.rec(&numpy_key(k), "numpy")
                } else {
                    self.rec(k, imp)
                }
            })
            .filter_map(Record::spread)
            .reduce(f64::max)
    }

    /// Whether NumPy's figure at `k`'s op/dtype/n/threads is an outlier.
    pub fn numpy_outlier(&self, k: &Key) -> bool {
        self.numpy_outliers.contains(&numpy_key(k))
    }

    /// NumPy's seconds for the same op/dtype/n/threads.
    pub fn numpy(&self, k: &Key) -> Option<f64> {
        self.secs(&numpy_key(k), "numpy")
    }

    /// Backends measured (not numpy), sorted.
    pub fn backends(&self) -> Vec<String> {
        let s: BTreeSet<&str> = self
            .records
            .iter()
            .filter(|r| r.backend != "numpy")
            .map(|r| r.backend.as_str())
            .collect();
        s.into_iter().map(str::to_string).collect()
    }

    /// The f64 peak (FLOP/s) % of peak is taken of: the measured one when
    /// there is one, else the theoretical one.
    pub fn peak(&self, backend: &str, threads: usize) -> Option<f64> {
        self.peak_of(backend, threads, "measured")
            .or_else(|| self.peak_of(backend, threads, "theory"))
    }

    /// The `imp` (`theory` or `measured`) f64 peak in FLOP/s for `threads`,
    /// from `backend`'s machine rows, else any backend's: FLOP per call over
    /// the fastest repetition (the theory row is FLOP/s over 1 s).
    pub fn peak_of(&self, backend: &str, threads: usize, imp: &str) -> Option<f64> {
        let of = |b: Option<&str>| {
            self.records
                .iter()
                .find(|r| {
                    r.op == "peak_f64"
                        && r.imp == imp
                        && r.threads == threads
                        && b.is_none_or(|b| r.backend == b)
                        && r.flops > 0.0
                        && r.min_seconds > 0.0
                })
                .map(|r| r.flops / r.min_seconds)
        };
        of(Some(backend)).or_else(|| of(None))
    }

    /// The measured peak's record (its ISA is the shape).
    fn peak_record(&self, backend: &str, threads: usize) -> Option<&Record> {
        self.records.iter().find(|r| {
            r.op == "peak_f64"
                && r.imp == "measured"
                && r.threads == threads
                && r.backend == backend
        })
    }

    /// Keys of `section` for `backend`, sorted by op order, dtype, threads, n.
    fn keys(&self, backend: &str, section: &str) -> Vec<Key> {
        let set: BTreeSet<Key> = self
            .records
            .iter()
            .filter(|r| r.backend == backend && r.section == section)
            .map(key)
            .collect();
        let mut v: Vec<Key> = set.into_iter().collect();
        v.sort_by_key(|k| (op_rank(&k.op), dtype_rank(&k.dtype), k.threads, k.n));
        v
    }

    /// The flops and shape recorded for `k` (any imp).
    fn row_of(&self, k: &Key) -> Option<&Record> {
        self.records.iter().find(|r| key(r) == *k)
    }
}

/// The NumPy key of `k` (same op/dtype/n/threads).
fn numpy_key(k: &Key) -> Key {
    Key {
        backend: "numpy".into(),
        ..k.clone()
    }
}

/// A spread cell: "3.2%", with "noisy" above 10%, "-" when unknown.
fn spread_cell(s: Option<f64>) -> String {
    match s {
        Some(x) if timing::is_noisy(Some(x)) => format!("{:.1}% noisy", 100.0 * x),
        Some(x) => format!("{:.1}%", 100.0 * x),
        None => "-".into(),
    }
}

/// NumPy's time at `k`, marked † when it is an outlier.
fn numpy_cell(d: &Data, k: &Key) -> String {
    let t = opt_secs(d.numpy(k));
    if d.numpy_outlier(k) {
        format!("{t} †")
    } else {
        t
    }
}

/// The order ops appear in tables (unknown ops last, alphabetically).
fn op_rank(op: &str) -> (usize, String) {
    const ORDER: [&str; 21] = [
        "stream_copy",
        "stream_triad",
        "peak_f64",
        "gemm",
        "syrk",
        "herk",
        "gemv",
        "axpy",
        "dot",
        "eigh",
        "eigh_generalized",
        "solve",
        "cholesky",
        "svd",
        "add_broadcast",
        "fma",
        "exp",
        "sum_axis0",
        "sum_axis1",
        "add_4x4",
        "pi",
    ];
    (
        ORDER.iter().position(|o| *o == op).unwrap_or(ORDER.len()),
        op.to_string(),
    )
}

/// The order dtypes appear in tables: real before complex, narrow first.
fn dtype_rank(d: &str) -> (usize, String) {
    const ORDER: [&str; 4] = ["f32", "f64", "c64", "c128"];
    (
        ORDER.iter().position(|o| *o == d).unwrap_or(ORDER.len()),
        d.to_string(),
    )
}

fn opt_secs(s: Option<f64>) -> String {
    s.map_or("-".into(), fmt_secs)
}

fn ratio(num: Option<f64>, den: Option<f64>) -> String {
    match (num, den) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.3}", a / b),
        _ => "-".into(),
    }
}

fn ns(s: Option<f64>) -> String {
    s.map_or("-".into(), |s| format!("{:.0} ns", s * 1e9))
}

/// The CSV files read, with their row counts.
pub type Sources = Vec<(PathBuf, usize)>;

/// Reads every CSV in `dir` except report.csv, in name order.
pub fn load(dir: &Path) -> Result<(Vec<Record>, Sources), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "csv")
                && p.file_name().is_some_and(|n| n != "report.csv")
        })
        .collect();
    files.sort();
    let mut all = Vec::new();
    let mut sources = Vec::new();
    for f in files {
        let rows = record::read_csv(&f)?;
        sources.push((f, rows.len()));
        all.extend(rows);
    }
    Ok((all, sources))
}

/// Reads every CSV in `dir` and writes report.md, report.csv and the plots.
pub fn render(dir: &Path) -> Result<(), String> {
    let (records, sources) = load(dir)?;
    if records.is_empty() {
        return Err(format!(
            "{}: no measurements (no *.csv with rows; run `lapis-bench-report run --out {}` first)",
            dir.display(),
            dir.display()
        ));
    }
    let csv = dir.join("report.csv");
    record::write_csv(&csv, &records).map_err(|e| format!("{}: {e}", csv.display()))?;
    let data = Data::new(records);
    let plots = crate::plots::render_all(dir, &data);
    let md = markdown(dir, &data, &sources, &plots);
    let path = dir.join("report.md");
    std::fs::write(&path, md).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{}", path.display());
    Ok(())
}

/// The whole report.md text.
pub fn markdown(
    dir: &Path,
    d: &Data,
    sources: &[(PathBuf, usize)],
    plots: &Result<Vec<String>, String>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# lapis benchmark report\n");
    if let Ok(cmd) = std::env::var("LAPIS_REPORT_COMMAND") {
        let _ = writeln!(s, "Made by `{cmd}`.\n");
    }
    let _ = writeln!(
        s,
        "Times are the median per call of at least {} repetitions (quick runs too; they measure \
         fewer sizes); lapis and the direct call were timed interleaved on the same data. \
         `direct/lapis` = t(direct)/t(lapis): 1.000 is as fast as the direct call, below 1 is \
         slower. `numpy/lapis` > 1: lapis faster than NumPy. `spread` is the largest \
         (max − min)/median of the figures in the row; above {:.0}% the row is noisy and its \
         target is not judged. † marks a NumPy outlier (see \"NumPy outliers\"). % peak is of \
         the measured f64 peak (an FMA-throughput loop, see \"Machine limits\"), else of the \
         theoretical one. Sources: {}.\n",
        timing::MIN_REPS,
        100.0 * timing::NOISY,
        sources
            .iter()
            .map(|(p, n)| format!(
                "{} ({n} rows)",
                p.file_name().map_or("?".into(), |f| f.to_string_lossy())
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    headers(&mut s, dir);
    targets(&mut s, d);
    machine_table(&mut s, d);
    for b in d.backends() {
        blas_table(&mut s, d, &b);
    }
    side_by_side(&mut s, d);
    for b in d.backends() {
        lapack_table(&mut s, d, &b);
    }
    for b in d.backends() {
        array_table(&mut s, d, &b);
        two_thread_table(&mut s, d, &b);
    }
    for b in d.backends() {
        c_abi_table(&mut s, d, &b);
    }
    numpy_outlier_table(&mut s, d);
    let _ = writeln!(s, "## Plots\n");
    match plots {
        Ok(files) if files.is_empty() => {
            let _ = writeln!(s, "No plottable rows.\n");
        }
        Ok(files) => {
            for f in files {
                let _ = writeln!(s, "![{f}]({f})\n");
            }
        }
        Err(e) => {
            let _ = writeln!(s, "Plots skipped: {e}\n");
        }
    }
    s
}

fn headers(s: &mut String, dir: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().ends_with("-machine.txt"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for f in files {
        let name = f.file_name().map_or("?".into(), |n| n.to_string_lossy());
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let _ = writeln!(
            s,
            "## Machine and backend ({name})\n\n```text\n{}```\n",
            text
        );
    }
}

fn targets(s: &mut String, d: &Data) {
    let _ = writeln!(s, "## Targets (issue 8)\n");
    let _ = writeln!(
        s,
        "A row resting on a figure whose spread exceeds 10% is marked noisy, not met or missed.\n"
    );
    let _ = writeln!(
        s,
        "| target | backend | threads | measured | spread | goal | status |"
    );
    let _ = writeln!(s, "|---|---|---:|---|---:|---|---|");
    let threads: BTreeSet<usize> = d.records.iter().map(|r| r.threads).collect();
    let mut row = |t: &str,
                   b: &str,
                   th: String,
                   m: String,
                   spread: Option<f64>,
                   g: &str,
                   met: Option<bool>| {
        let v = checks::verdict(met, timing::is_noisy(spread));
        let _ = writeln!(
            s,
            "| {t} | {b} | {th} | {m} | {} | {g} | {} |",
            spread_cell(spread),
            v.word()
        );
    };
    for b in d.backends() {
        for &t in &threads {
            // gemm n >= 256: the worst direct/lapis over f64 and c128.
            let worst = d
                .keys(&b, "blas")
                .into_iter()
                .filter(|k| k.op == "gemm" && k.n >= 256 && k.threads == t)
                .filter_map(|k| Some((d.secs(&k, "direct")? / d.secs(&k, "lapis")?, k)))
                .min_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((r, k)) = worst {
                row(
                    "gemm n ≥ 256: lapis ≥ 98% of direct",
                    &b,
                    t.to_string(),
                    format!("worst direct/lapis {r:.3} ({} n={})", k.dtype, k.n),
                    d.spread(&k, &["lapis", "direct"]),
                    "≥ 0.980",
                    Some(r >= 0.98),
                );
            }
            for (op, n) in [("gemm", 4), ("axpy", 100)] {
                let k = Key {
                    backend: b.clone(),
                    section: "c_abi".into(),
                    op: op.into(),
                    dtype: "f64".into(),
                    n,
                    threads: t,
                };
                let Some(direct) = d.secs(&k, "direct") else {
                    continue;
                };
                if let Some(l) = d.secs(&k, "lapis") {
                    let o = l - direct;
                    row(
                        &format!("Rust per-call overhead ({op} n={n})"),
                        &b,
                        t.to_string(),
                        format!("{:.0} ns (lapis - direct)", o * 1e9),
                        d.spread(&k, &["lapis", "direct"]),
                        "≤ 100 ns",
                        Some(o <= 100e-9),
                    );
                }
                for imp in ["c_abi", "c_abi_handle"] {
                    if let Some(c) = d.secs(&k, imp) {
                        let o = c - direct;
                        row(
                            &format!("C per-call overhead ({op} n={n}, {imp})"),
                            &b,
                            t.to_string(),
                            format!("{:.0} ns ({imp} - direct)", o * 1e9),
                            d.spread(&k, &[imp, "direct"]),
                            "≤ 200 ns",
                            Some(o <= 200e-9),
                        );
                    }
                }
            }
        }
    }
    // dgemm n = 2048 on the best backend against the measured peak.
    for &t in &threads {
        let best = d
            .backends()
            .into_iter()
            .filter_map(|b| {
                let k = Key {
                    backend: b.clone(),
                    section: "blas".into(),
                    op: "gemm".into(),
                    dtype: "f64".into(),
                    n: 2048,
                    threads: t,
                };
                let secs = d.secs(&k, "lapis")?;
                let flops = d.row_of(&k)?.flops;
                Some((flops / secs, b, k))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        match best {
            Some((f, b, k)) => {
                let peak = d.peak(&b, t);
                let frac = peak.map(|p| f / p);
                let which = if d.peak_of(&b, t, "measured").is_some() {
                    "measured"
                } else {
                    "theoretical"
                };
                row(
                    "dgemm n = 2048, best backend: ≥ 85% of f64 peak",
                    &b,
                    t.to_string(),
                    match (frac, peak) {
                        (Some(x), Some(p)) => format!(
                            "{:.1} GFLOP/s = {:.1}% of {:.1} ({which})",
                            f * 1e-9,
                            100.0 * x,
                            p * 1e-9
                        ),
                        _ => format!("{:.1} GFLOP/s (no peak row)", f * 1e-9),
                    },
                    // The measured peak's spread counts too: a peak measured
                    // on a loaded machine is too low.
                    d.spread(&k, &["lapis"])
                        .into_iter()
                        .chain(d.peak_record(&b, t).and_then(Record::spread))
                        .reduce(f64::max),
                    "≥ 85%",
                    frac.map(|x| x >= 0.85),
                );
            }
            None => row(
                "dgemm n = 2048, best backend: ≥ 85% of f64 peak",
                "-",
                t.to_string(),
                "n = 2048 not measured (quick run?)".into(),
                None,
                "≥ 85%",
                None,
            ),
        }
    }
    // Array core against NumPy (issue 5's targets, one thread; pi on all).
    let max_t = threads.iter().copied().max().unwrap_or(1);
    for b in d.backends() {
        for (op, factor) in [
            ("add_broadcast", 1.5),
            ("fma", 2.0),
            ("exp", 1.0),
            ("sum_axis0", 1.0),
            ("sum_axis1", 1.0),
        ] {
            let k = d
                .keys(&b, "array")
                .into_iter()
                .find(|k| k.op == op && k.dtype == "f64" && k.threads == 1);
            let Some(k) = k else { continue };
            let (l, np) = (d.secs(&k, "lapis"), d.numpy(&k));
            let r = match (l, np) {
                (Some(l), Some(np)) => Some(np / l),
                _ => None,
            };
            row(
                &format!("array {op} f64 vs NumPy"),
                &b,
                "1".into(),
                r.map_or(format!("lapis {} (no NumPy row)", opt_secs(l)), |r| {
                    format!("numpy/lapis {r:.2}")
                }),
                d.spread(&k, &["lapis", "numpy"]),
                &format!("≥ {factor:.1}x"),
                r.map(|r| r >= factor),
            );
        }
        let k44 = d
            .keys(&b, "array")
            .into_iter()
            .find(|k| k.op == "add_4x4" && k.dtype == "f64" && k.threads == 1);
        if let Some(k) = k44
            && let Some(l) = d.secs(&k, "lapis")
        {
            row(
                "array 4x4 add latency",
                &b,
                "1".into(),
                format!("{:.0} ns (numpy {})", l * 1e9, ns(d.numpy(&k))),
                d.spread(&k, &["lapis"]),
                "≤ 100 ns",
                Some(l <= 100e-9),
            );
        }
        let kpi = d
            .keys(&b, "array")
            .into_iter()
            .find(|k| k.op == "pi" && k.threads == max_t);
        if let Some(k) = kpi
            && let Some(l) = d.secs(&k, "lapis")
        {
            row(
                &format!("Monte Carlo pi, {} samples", k.n),
                &b,
                max_t.to_string(),
                format!("{} (numpy {})", fmt_secs(l), opt_secs(d.numpy(&k))),
                d.spread(&k, &["lapis"]),
                "≤ 20 ms",
                Some(l <= 20e-3),
            );
        }
        // Issue 20 part 5: two threads never slower than one. Missed when a
        // row is flagged on steady figures; noisy when only noisy rows are
        // (the spread shown is then theirs).
        let rows = two_thread_rows(d, &b);
        let flagged: Vec<&TwoThreadRow> = rows.iter().filter(|r| r.flagged).collect();
        let steady = flagged
            .iter()
            .filter(|r| !timing::is_noisy(r.spread))
            .count();
        let spread = if steady > 0 {
            None
        } else {
            flagged.iter().filter_map(|r| r.spread).reduce(f64::max)
        };
        if !rows.is_empty() {
            row(
                "array core: 2 threads ≥ 0.95x the speed of 1 (every row)",
                &b,
                format!("1 vs {max_t}"),
                if flagged.is_empty() {
                    format!("0 of {} rows flagged", rows.len())
                } else {
                    format!(
                        "{} of {} rows flagged, {steady} of them steady (see \"Two threads against one\")",
                        flagged.len(),
                        rows.len()
                    )
                },
                spread,
                "0 flagged",
                Some(flagged.is_empty()),
            );
        }
    }
    let _ = writeln!(s);
}

/// One array-core row at one thread and at the most threads measured.
pub struct TwoThreadRow {
    pub key1: Key,
    pub threads: usize,
    pub t1: f64,
    pub tn: f64,
    /// Two threads below 0.95x one thread's speed.
    pub flagged: bool,
    /// The larger spread of the two figures.
    pub spread: Option<f64>,
}

/// Every array-core row of `backend` measured at 1 and at more threads.
pub fn two_thread_rows(d: &Data, backend: &str) -> Vec<TwoThreadRow> {
    let keys = d.keys(backend, "array");
    let max_t = keys.iter().map(|k| k.threads).max().unwrap_or(1);
    if max_t < 2 {
        return Vec::new();
    }
    keys.iter()
        .filter(|k| k.threads == 1)
        .filter_map(|k1| {
            let kn = Key {
                threads: max_t,
                ..k1.clone()
            };
            let (t1, tn) = (d.secs(k1, "lapis")?, d.secs(&kn, "lapis")?);
            Some(TwoThreadRow {
                key1: k1.clone(),
                threads: max_t,
                t1,
                tn,
                flagged: checks::two_threads_slower(t1, tn),
                spread: [k1, &kn]
                    .iter()
                    .filter_map(|k| d.rec(k, "lapis").and_then(Record::spread))
                    .reduce(f64::max),
            })
        })
        .collect()
}

fn two_thread_table(s: &mut String, d: &Data, b: &str) {
    let rows = two_thread_rows(d, b);
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(s, "## Two threads against one, array core: {b}\n");
    let _ = writeln!(
        s,
        "Speed ratio = t(1 thread) / t(n threads); a row below {:.2} is flagged (issue 20, part 5).\n",
        checks::TWO_THREAD_MIN
    );
    let _ = writeln!(
        s,
        "| op | dtype | n | 1 thread | threads | n threads | speed ratio | spread | check |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|---|");
    for r in rows {
        let check = match (r.flagged, timing::is_noisy(r.spread)) {
            (true, false) => "**flagged**",
            (true, true) => "**flagged** (noisy)",
            (false, true) => "ok (noisy)",
            (false, false) => "ok",
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {:.2} | {} | {check} |",
            r.key1.op,
            r.key1.dtype,
            r.key1.n,
            fmt_secs(r.t1),
            r.threads,
            fmt_secs(r.tn),
            r.t1 / r.tn,
            spread_cell(r.spread)
        );
    }
    let _ = writeln!(s);
}

fn numpy_outlier_table(s: &mut String, d: &Data) {
    if d.numpy_outliers.is_empty() {
        return;
    }
    let _ = writeln!(s, "## NumPy outliers\n");
    let _ = writeln!(
        s,
        "NumPy figures (marked † in the tables) more than {}x slower than both neighbouring sizes of the \
         same op, dtype and threads, per unit of work (FLOP, bytes, or n³ for LAPACK). \
         numpy_report.py re-times such a figure once; these were still outliers, or were found \
         here. Their ratios say more about that NumPy call than about lapis.\n",
        checks::OUTLIER_FACTOR
    );
    let _ = writeln!(
        s,
        "| section | op | dtype | n | threads | numpy | spread | note |"
    );
    let _ = writeln!(s, "|---|---|---|---:|---:|---:|---:|---|");
    for k in &d.numpy_outliers {
        let Some(r) = d.rec(k, "numpy") else { continue };
        let note = match r.note.as_str() {
            "retimed-outlier" => "re-timed once, still an outlier",
            "" => "not re-timed (older numpy.csv)",
            other => other,
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {note} |",
            k.section,
            k.op,
            k.dtype,
            k.n,
            k.threads,
            fmt_secs(r.seconds),
            spread_cell(r.spread())
        );
    }
    let _ = writeln!(s);
}

fn machine_table(s: &mut String, d: &Data) {
    let _ = writeln!(s, "## Machine limits\n");
    let _ = writeln!(
        s,
        "| backend | threads | copy GB/s | triad GB/s | f64 peak GFLOP/s (measured) | spread | f64 peak GFLOP/s (theory) |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|");
    let mut any = false;
    for b in d.backends() {
        let threads: BTreeSet<usize> = d
            .records
            .iter()
            .filter(|r| r.backend == b && r.section == "machine")
            .map(|r| r.threads)
            .collect();
        for t in threads {
            let gb = |op: &str| {
                d.records
                    .iter()
                    .find(|r| r.backend == b && r.op == op && r.threads == t)
                    .and_then(Record::gbytes)
                    .map_or("-".into(), |g| format!("{g:.1}"))
            };
            let theory = d
                .peak_of(&b, t, "theory")
                .map_or("-".into(), |p| format!("{:.1}", p * 1e-9));
            let measured = d.peak_record(&b, t);
            let _ = writeln!(
                s,
                "| {b} | {t} | {} | {} | {} | {} | {theory} |",
                gb("stream_copy"),
                gb("stream_triad"),
                d.peak_of(&b, t, "measured").map_or("-".into(), |p| format!(
                    "{:.1} ({})",
                    p * 1e-9,
                    measured.map_or("?", |r| r.shape.as_str())
                )),
                spread_cell(measured.and_then(Record::spread))
            );
            any = true;
        }
    }
    if !any {
        let _ = writeln!(s, "| - | - | - | - | - | - | - |");
    }
    let _ = writeln!(
        s,
        "\nThe measured peak is the fastest of at least {} repetitions of an FMA-throughput loop \
         on every thread at once (enough independent chains to fill the FMA pipes, the widest \
         vectors the CPU has); the theory is cores × clock × FLOP/cycle from the header's clock, \
         which may be a base clock below the one the cores run at.\n",
        timing::MIN_REPS
    );
}

fn blas_table(s: &mut String, d: &Data, b: &str) {
    let keys = d.keys(b, "blas");
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(s, "## BLAS: {b}\n");
    let _ = writeln!(
        s,
        "| op | dtype | n | threads | lapis | GFLOP/s | % peak | direct | direct/lapis | numpy | numpy/lapis | spread |"
    );
    let _ = writeln!(
        s,
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for k in keys {
        let (l, dr, np) = (d.secs(&k, "lapis"), d.secs(&k, "direct"), d.numpy(&k));
        let flops = d.row_of(&k).map_or(0.0, |r| r.flops);
        let gf = l.filter(|_| flops > 0.0).map(|l| flops / l);
        let peak = d.peak(b, k.threads);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            k.op,
            k.dtype,
            k.n,
            k.threads,
            opt_secs(l),
            gf.map_or("-".into(), |g| format!("{:.2}", g * 1e-9)),
            match (gf, peak) {
                (Some(g), Some(p)) => format!("{:.1}%", 100.0 * g / p),
                _ => "-".into(),
            },
            opt_secs(dr),
            ratio(dr, l),
            numpy_cell(d, &k),
            ratio(np, l),
            spread_cell(d.spread(&k, &["lapis", "direct", "numpy"]))
        );
    }
    let _ = writeln!(s);
}

fn side_by_side(s: &mut String, d: &Data) {
    let backends = d.backends();
    let has_numpy = d.records.iter().any(|r| r.backend == "numpy");
    for (op, dtype) in [
        ("gemm", "f64"),
        ("gemm", "c128"),
        ("syrk", "f64"),
        ("herk", "c128"),
        ("gemv", "f64"),
    ] {
        let mut rows: BTreeSet<(usize, usize)> = BTreeSet::new();
        for r in &d.records {
            if r.section == "blas" && r.op == op && r.dtype == dtype && r.backend != "numpy" {
                rows.insert((r.threads, r.n));
            }
        }
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "## {op} {dtype} GFLOP/s through lapis, backends side by side\n"
        );
        let mut head = String::from("| threads | n |");
        let mut rule = String::from("|---:|---:|");
        for b in &backends {
            head.push_str(&format!(" {b} |"));
            rule.push_str("---:|");
        }
        if has_numpy {
            head.push_str(" numpy |");
            rule.push_str("---:|");
        }
        let _ = writeln!(s, "{head}\n{rule}");
        for (t, n) in rows {
            let mut line = format!("| {t} | {n} |");
            let k = |backend: &str| Key {
                backend: backend.into(),
                section: "blas".into(),
                op: op.into(),
                dtype: dtype.into(),
                n,
                threads: t,
            };
            let gf = |k: &Key, imp: &str| {
                let flops = d.row_of(k).map_or(0.0, |r| r.flops);
                d.secs(k, imp)
                    .filter(|_| flops > 0.0)
                    .map_or("-".into(), |x| format!("{:.2}", flops / x * 1e-9))
            };
            for b in &backends {
                line.push_str(&format!(" {} |", gf(&k(b), "lapis")));
            }
            if has_numpy {
                line.push_str(&format!(" {} |", gf(&k("numpy"), "numpy")));
            }
            let _ = writeln!(s, "{line}");
        }
        let _ = writeln!(s);
    }
}

fn lapack_table(s: &mut String, d: &Data, b: &str) {
    let keys = d.keys(b, "lapack");
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(s, "## LAPACK: {b}\n");
    let _ = writeln!(
        s,
        "| op | dtype | n | threads | lapis | direct | direct/lapis | numpy | numpy/lapis | spread |"
    );
    let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for k in keys {
        let (l, dr, np) = (d.secs(&k, "lapis"), d.secs(&k, "direct"), d.numpy(&k));
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            k.op,
            k.dtype,
            k.n,
            k.threads,
            opt_secs(l),
            opt_secs(dr),
            ratio(dr, l),
            numpy_cell(d, &k),
            ratio(np, l),
            spread_cell(d.spread(&k, &["lapis", "direct", "numpy"]))
        );
    }
    let _ = writeln!(s);
}

fn array_table(s: &mut String, d: &Data, b: &str) {
    let keys = d.keys(b, "array");
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(s, "## Array core: {b}\n");
    let _ = writeln!(
        s,
        "| op | dtype | shape | threads | lapis | GB/s | numpy | numpy/lapis | spread |"
    );
    let _ = writeln!(s, "|---|---|---|---:|---:|---:|---:|---:|---:|");
    for k in keys {
        let (l, np) = (d.secs(&k, "lapis"), d.numpy(&k));
        let row = d.row_of(&k);
        let gb = match (row, l) {
            (Some(r), Some(l)) if r.bytes > 0.0 => format!("{:.1}", r.bytes / l * 1e-9),
            _ => "-".into(),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {gb} | {} | {} | {} |",
            k.op,
            k.dtype,
            row.map_or("-", |r| r.shape.as_str()),
            k.threads,
            opt_secs(l),
            numpy_cell(d, &k),
            ratio(np, l),
            spread_cell(d.spread(&k, &["lapis", "numpy"]))
        );
    }
    let _ = writeln!(s);
}

fn c_abi_table(s: &mut String, d: &Data, b: &str) {
    let keys = d.keys(b, "c_abi");
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(s, "## C ABI per-call overhead: {b}\n");
    let _ = writeln!(
        s,
        "| op | dtype | n | threads | direct | lapis (Rust) | c_abi | c_abi_handle | Rust - direct | c_abi - direct | handle - direct | spread |"
    );
    let _ = writeln!(
        s,
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for k in keys {
        let g = |imp: &str| d.secs(&k, imp);
        let diff = |imp: &str| match (g(imp), g("direct")) {
            (Some(a), Some(b)) => format!("{:.0} ns", (a - b) * 1e9),
            _ => "-".into(),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            k.op,
            k.dtype,
            k.n,
            k.threads,
            ns(g("direct")),
            ns(g("lapis")),
            ns(g("c_abi")),
            ns(g("c_abi_handle")),
            diff("lapis"),
            diff("c_abi"),
            diff("c_abi_handle"),
            spread_cell(d.spread(&k, &["direct", "lapis", "c_abi", "c_abi_handle"]))
        );
    }
    let _ = writeln!(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(backend: &str, section: &str, op: &str, dtype: &str, n: usize, imp: &str) -> Record {
        Record {
            backend: backend.into(),
            section: section.into(),
            op: op.into(),
            dtype: dtype.into(),
            shape: format!("{n}x{n}"),
            n,
            threads: 1,
            imp: imp.into(),
            seconds: 1.0,
            flops: 0.0,
            bytes: 0.0,
            min_seconds: 1.0,
            max_seconds: 1.0,
            reps: 7,
            note: String::new(),
        }
    }

    #[test]
    fn renders_a_tiny_folder() {
        let dir = std::env::temp_dir().join(format!("lapis-render-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let n = 2048usize;
        let flops = 2.0 * (n as f64).powi(3);
        let mut peak = rec("openblas", "machine", "peak_f64", "f64", 0, "theory");
        peak.flops = 100e9;
        // lapis at 90 GFLOP/s (90% of peak), direct 1% faster than lapis.
        let mut l = rec("openblas", "blas", "gemm", "f64", n, "lapis");
        l.flops = flops;
        l.seconds = flops / 90e9;
        let mut dr = l.clone();
        dr.imp = "direct".into();
        dr.seconds = l.seconds * 0.97;
        let mut small_l = rec("openblas", "c_abi", "gemm", "f64", 4, "lapis");
        small_l.seconds = 150e-9;
        let mut small_d = small_l.clone();
        small_d.imp = "direct".into();
        small_d.seconds = 100e-9;
        let mut small_c = small_l.clone();
        small_c.imp = "c_abi".into();
        small_c.seconds = 250e-9;
        let mut np = rec("numpy", "blas", "gemm", "f64", n, "numpy");
        np.flops = flops;
        np.seconds = l.seconds * 2.0;
        record::write_csv(
            &dir.join("openblas.csv"),
            &[peak, l, dr, small_l, small_d, small_c],
        )
        .unwrap();
        record::write_csv(&dir.join("numpy.csv"), &[np]).unwrap();
        std::fs::write(dir.join("openblas-machine.txt"), "cpu: test cpu\n").unwrap();
        // No plots: only the tables are checked here.
        let (records, sources) = load(&dir).unwrap();
        assert_eq!(records.len(), 7);
        let d = Data::new(records);
        let md = markdown(&dir, &d, &sources, &Ok(vec![]));
        assert!(md.contains("cpu: test cpu"), "{md}");
        // 0.97 < 0.98: missed; 90% of peak: met; 50 ns Rust: met; 150 ns C: met.
        let line = |needle: &str| {
            md.lines()
                .find(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("no line with {needle:?} in\n{md}"))
                .to_string()
        };
        let g = line("gemm n ≥ 256");
        assert!(g.contains("0.970") && g.contains("**missed**"), "{g}");
        let p = line("dgemm n = 2048");
        assert!(p.contains("90.0%") && p.ends_with("| met |"), "{p}");
        let r = line("Rust per-call overhead (gemm n=4)");
        assert!(r.contains("50 ns") && r.ends_with("| met |"), "{r}");
        let c = line("C per-call overhead (gemm n=4, c_abi)");
        assert!(c.contains("150 ns") && c.ends_with("| met |"), "{c}");
        // numpy/lapis = 2 and 90 GFLOP/s in the BLAS table.
        let b = line("| gemm | f64 | 2048 | 1 |");
        assert!(b.contains("| 90.00 |") && b.contains("| 2.000 |"), "{b}");
        // report.csv is everything merged (render writes it; plots may be
        // skipped without failing).
        render(&dir).unwrap();
        let merged = record::read_csv(&dir.join("report.csv")).unwrap();
        assert_eq!(merged.len(), 7);
        assert!(dir.join("report.md").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Noisy targets are not judged, NumPy spikes get a †, a row where two
    /// threads are slower than one is flagged, and % peak uses the
    /// measured peak.
    #[test]
    fn flags_noise_outliers_and_slow_threads() {
        let mut recs = Vec::new();
        let mut theory = rec("openblas", "machine", "peak_f64", "f64", 0, "theory");
        theory.flops = 200e9;
        let mut measured = rec("openblas", "machine", "peak_f64", "f64", 0, "measured");
        measured.flops = 100e9 * 1e-3;
        measured.seconds = 1.02e-3;
        measured.min_seconds = 1e-3;
        measured.max_seconds = 1.05e-3;
        recs.extend([theory, measured]);
        // gemm n = 2048 at 90 GFLOP/s; direct noisy (spread 20%).
        let n = 2048usize;
        let flops = 2.0 * (n as f64).powi(3);
        let mut l = rec("openblas", "blas", "gemm", "f64", n, "lapis");
        l.flops = flops;
        l.seconds = flops / 90e9;
        l.min_seconds = l.seconds;
        l.max_seconds = l.seconds;
        let mut dr = l.clone();
        dr.imp = "direct".into();
        dr.min_seconds = 0.9 * l.seconds;
        dr.max_seconds = 1.1 * l.seconds;
        recs.extend([l, dr]);
        // NumPy herk c128: cost per FLOP spikes at n = 64.
        for (n, gflops) in [(32usize, 10.0), (64, 0.02), (128, 20.0)] {
            let mut r = rec("numpy", "blas", "herk", "c128", n, "numpy");
            r.flops = 4.0 * (n as f64).powi(3);
            r.seconds = r.flops / (gflops * 1e9);
            r.min_seconds = r.seconds;
            r.max_seconds = r.seconds;
            if n == 64 {
                r.note = "retimed-outlier".into();
            }
            recs.push(r);
            let mut lr = rec("openblas", "blas", "herk", "c128", n, "lapis");
            lr.flops = 4.0 * (n as f64).powi(3);
            recs.push(lr);
        }
        // Array fma: 25.0 ms on one thread, 53.7 ms on two; exp fine.
        for (op, t1, t2) in [("fma", 25.0e-3, 53.7e-3), ("exp", 10e-3, 5.2e-3)] {
            let mut one = rec("openblas", "array", op, "f64", 2000, "lapis");
            (one.seconds, one.min_seconds, one.max_seconds) = (t1, t1, t1);
            let mut two = one.clone();
            two.threads = 2;
            (two.seconds, two.min_seconds, two.max_seconds) = (t2, t2, t2);
            recs.extend([one, two]);
        }
        let d = Data::new(recs);
        assert!((d.peak("openblas", 1).unwrap() / 100e9 - 1.0).abs() < 1e-12);
        assert_eq!(d.peak_of("openblas", 1, "theory"), Some(200e9));
        let md = markdown(Path::new("/nonexistent"), &d, &[], &Ok(vec![]));
        let line = |needle: &str| {
            md.lines()
                .find(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("no line with {needle:?} in\n{md}"))
                .to_string()
        };
        let p = line("dgemm n = 2048");
        assert!(
            p.contains("90.0% of 100.0 (measured)") && p.ends_with("| met |"),
            "{p}"
        );
        let g = line("gemm n ≥ 256");
        assert!(
            g.contains("20.0% noisy") && g.contains("| noisy (spread > 10%) |"),
            "{g}"
        );
        assert!(line("| herk | c128 | 64 |").contains(" † |"));
        assert!(!line("| herk | c128 | 32 |").contains('†'));
        let o = line("| blas | herk | c128 | 64 |");
        assert!(o.contains("still an outlier"), "{o}");
        let f = line("| fma | f64 | 2000 |");
        assert!(f.contains("| 0.47 | 0.0% | **flagged** |"), "{f}");
        assert!(line("| exp | f64 | 2000 |").ends_with("| ok |"));
        let t = line("2 threads ≥ 0.95x");
        assert!(
            t.contains("1 of 2 rows flagged, 1 of them steady") && t.ends_with("| **missed** |"),
            "{t}"
        );
        let m = line("| openblas | 1 | - | - |");
        assert!(
            m.contains("| 100.0 (") && m.contains("| 4.9% |") && m.ends_with("| 200.0 |"),
            "{m}"
        );
    }

    #[test]
    fn empty_folder_is_an_error() {
        let dir = std::env::temp_dir().join(format!("lapis-render-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let e = render(&dir).unwrap_err();
        assert!(e.contains("no measurements"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
