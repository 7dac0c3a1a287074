//! `lapis-bench-report`: measures lapis against the BLAS/LAPACK it is built
//! on, the machine's limits and NumPy, and writes a report.
//!
//! ```text
//! lapis-bench-report run    --out DIR [--quick] [--sections blas,lapack,...] [--threads 1,2]
//! lapis-bench-report render DIR
//! ```
//!
//! `run` times every section on the backend this binary was built for
//! (`LAPIS_BACKEND` at build time) and writes `DIR/<backend>.csv` and
//! `DIR/<backend>-machine.txt`; `render` reads every CSV in `DIR` (one per
//! backend, plus `numpy.csv` from `numpy_report.py`) and writes
//! `DIR/report.md`, `DIR/report.csv` and PNG plots. `make bench-report`
//! (scripts/bench_report.sh) drives both, for one backend or all.

mod array_core;
mod blas;
mod c_abi;
mod checks;
mod lapack;
mod machine;
mod peak;
mod plots;
mod record;
mod render;
mod stream;
mod timing;

use std::path::PathBuf;
use std::process::ExitCode;

use record::Record;
use timing::Budget;

/// What `run` measures and how long it spends.
#[derive(Clone, Debug)]
pub struct Config {
    /// Results folder.
    pub out: PathBuf,
    /// Fewer sizes and a smaller time budget, for a fast look.
    pub quick: bool,
    /// Thread counts to measure at (default: 1 and all cores).
    pub threads: Vec<usize>,
    /// Sections to run (default: all).
    pub sections: Vec<String>,
    /// The time budget per measurement.
    pub budget: Budget,
    /// The backend this binary was built for (`lapis::backend().name`).
    pub backend: String,
}

impl Config {
    /// Whether `section` was asked for.
    pub fn wants(&self, section: &str) -> bool {
        self.sections.iter().any(|s| s == section)
    }
}

/// Every section, in the order `run` runs them.
const SECTIONS: [&str; 5] = ["machine", "blas", "lapack", "array", "c_abi"];

fn usage() -> &'static str {
    "usage: lapis-bench-report run --out DIR [--quick] [--sections machine,blas,lapack,array,c_abi] [--threads 1,2]\n       lapis-bench-report render DIR"
}

fn parse_run(args: &[String]) -> Result<Config, String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = None;
    let mut quick = false;
    let mut threads = if cores > 1 { vec![1, cores] } else { vec![1] };
    let mut sections: Vec<String> = SECTIONS.iter().map(|s| s.to_string()).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--quick" => quick = true,
            "--threads" => {
                threads = value("--threads")?
                    .split(',')
                    .map(|t| match t.trim().parse::<usize>() {
                        Ok(n) if n > 0 => Ok(n),
                        _ => Err(format!("--threads: {t:?} is not a positive integer")),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--sections" => {
                sections = value("--sections")?
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .collect();
                if let Some(bad) = sections.iter().find(|s| !SECTIONS.contains(&s.as_str())) {
                    return Err(format!(
                        "--sections: unknown section {bad:?} (known: {})",
                        SECTIONS.join(",")
                    ));
                }
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let out = out.ok_or("run needs --out DIR")?;
    Ok(Config {
        out,
        quick,
        threads,
        sections,
        budget: Budget::new(quick),
        backend: lapis::backend().name.to_string(),
    })
}

/// Prints progress to stderr (stdout stays clean).
pub fn progress(msg: &str) {
    eprintln!("[{}] {msg}", chrono_free_clock());
}

/// Seconds since the start of the run, for progress lines.
fn chrono_free_clock() -> String {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    let t = START.get_or_init(Instant::now).elapsed().as_secs();
    format!("{:02}:{:02}", t / 60, t % 60)
}

fn run(cfg: &Config) -> Result<(), String> {
    // A column is named after the backend it was built for: refuse to
    // measure anything else under that name (a library picked by the
    // loader's search path, Debian's alternatives, LD_LIBRARY_PATH).
    let info = lapis::check_backend().map_err(|e| {
        format!(
            "refusing to write a \"{}\" column: {e}",
            lapis::backend::BUILT_FOR
        )
    })?;
    if info.status != lapis::BackendStatus::Match {
        return Err(format!(
            "refusing to write a column: lapis was built without a backend ({})",
            info.status.as_str()
        ));
    }
    std::fs::create_dir_all(&cfg.out).map_err(|e| format!("{}: {e}", cfg.out.display()))?;
    let mut records: Vec<Record> = Vec::new();
    let header = machine::describe(cfg);
    let header_path = cfg.out.join(format!("{}-machine.txt", cfg.backend));
    std::fs::write(&header_path, &header).map_err(|e| format!("{}: {e}", header_path.display()))?;
    progress(&format!(
        "backend {}; header in {}",
        cfg.backend,
        header_path.display()
    ));
    let csv = cfg.out.join(format!("{}.csv", cfg.backend));
    // Written after each section, so an interrupted run keeps what it measured.
    let save = |records: &Vec<Record>| {
        record::write_csv(&csv, records).map_err(|e| format!("{}: {e}", csv.display()))
    };
    if cfg.wants("machine") {
        stream::run(cfg, &mut records);
        save(&records)?;
    }
    if cfg.wants("blas") {
        blas::run(cfg, &mut records);
        save(&records)?;
    }
    if cfg.wants("lapack") {
        lapack::run(cfg, &mut records);
        save(&records)?;
    }
    if cfg.wants("array") {
        array_core::run(cfg, &mut records);
        save(&records)?;
    }
    if cfg.wants("c_abi") {
        c_abi::run(cfg, &mut records);
        save(&records)?;
    }
    progress(&format!("{} records in {}", records.len(), csv.display()));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => parse_run(&args[1..]).and_then(|cfg| run(&cfg)),
        Some("render") if args.len() == 2 => render::render(&PathBuf::from(&args[1])),
        _ => Err(usage().to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lapis-bench-report: {e}");
            ExitCode::FAILURE
        }
    }
}
