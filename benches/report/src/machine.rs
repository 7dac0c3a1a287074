//! The report header: what machine and backend the numbers come from, and
//! the theoretical f64 peak the GFLOP/s figures are compared with.
//!
//! The CPU facts come from `/proc/cpuinfo` (model, logical cores, flags,
//! "cpu MHz") and `/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq`
//! when the kernel exposes it (virtual machines often do not). The peak is
//! a formula, not a measurement (see [`flops_per_cycle`]); the report's
//! % of peak uses the measured one of [`crate::peak`] when there is one.

use std::process::Command;

use crate::Config;

/// FMA units per core assumed by the peak formula (Intel server cores
/// since Skylake-SP and AMD Zen 2+ have two; some parts have one). Stated
/// in the header.
pub const FMA_UNITS: f64 = 2.0;

/// The CPU as `/proc/cpuinfo` describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cpu {
    /// "model name" of the first processor ("unknown" if absent).
    pub model: String,
    /// Number of "processor" entries (logical cores).
    pub logical: usize,
    /// The first processor's flags.
    pub flags: Vec<String>,
    /// "cpu MHz" of the first processor.
    pub mhz: Option<f64>,
    /// "cpu family" and "model" (numbers) of the first processor, as
    /// "family F model M" (None when either is absent).
    pub family_model: Option<String>,
}

impl Cpu {
    /// Parses the text of `/proc/cpuinfo`.
    pub fn parse(text: &str) -> Cpu {
        let mut cpu = Cpu {
            model: "unknown".into(),
            logical: 0,
            flags: Vec::new(),
            mhz: None,
            family_model: None,
        };
        let (mut family, mut model) = (None, None);
        let mut first = true;
        for line in text.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "processor" => {
                    first = cpu.logical == 0;
                    cpu.logical += 1;
                }
                "model name" if first => cpu.model = value.to_string(),
                "flags" if first => {
                    cpu.flags = value.split_whitespace().map(str::to_string).collect()
                }
                "cpu MHz" if first => cpu.mhz = value.parse().ok(),
                "cpu family" if first => family = Some(value.to_string()),
                "model" if first => model = Some(value.to_string()),
                _ => {}
            }
        }
        if let (Some(f), Some(m)) = (family, model) {
            cpu.family_model = Some(format!("family {f} model {m}"));
        }
        cpu
    }

    /// Whether the CPU has `flag`.
    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// The flags that matter for dense f64 kernels, in a fixed order.
    pub fn relevant_flags(&self) -> Vec<&str> {
        const RELEVANT: [&str; 10] = [
            "sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl", "amx_tile",
            "amx_bf16", "amx_int8",
        ];
        RELEVANT.into_iter().filter(|f| self.has(f)).collect()
    }

    /// f64 SIMD lanes of the widest FMA-capable vector unit the flags show.
    pub fn f64_lanes(&self) -> f64 {
        if self.has("avx512f") {
            8.0
        } else if self.has("avx2") || self.has("avx") {
            4.0
        } else {
            2.0
        }
    }

    /// f64 FLOP per cycle per core: 2 (an FMA is a multiply and an add)
    /// x lanes x [`FMA_UNITS`]. Without FMA, one multiply and one add port
    /// give the same count.
    pub fn flops_per_cycle(&self) -> f64 {
        2.0 * self.f64_lanes() * FMA_UNITS
    }
}

/// Theoretical f64 peak in FLOP/s for `cores` cores at `clock_hz`.
pub fn peak_flops(cpu: &Cpu, cores: usize, clock_hz: f64) -> f64 {
    cores as f64 * clock_hz * cpu.flops_per_cycle()
}

/// The clock used for the peak, in Hz, and where it came from.
pub fn clock(cpu: &Cpu) -> (f64, &'static str) {
    let max = std::fs::read_to_string("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok());
    match (max, cpu.mhz) {
        (Some(khz), _) if khz > 0.0 => (khz * 1e3, "cpuinfo_max_freq"),
        (_, Some(mhz)) if mhz > 0.0 => (mhz * 1e6, "/proc/cpuinfo \"cpu MHz\""),
        _ => (0.0, "unknown (no cpuinfo_max_freq, no \"cpu MHz\")"),
    }
}

/// This machine's CPU.
pub fn cpu() -> Cpu {
    let mut cpu = Cpu::parse(&std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default());
    if cpu.logical == 0 {
        cpu.logical = std::thread::available_parallelism().map_or(1, |n| n.get());
    }
    cpu
}

/// Theoretical f64 peak of this machine for `threads` threads (one core
/// each, capped at the logical cores), FLOP/s.
pub fn peak_for_threads(threads: usize) -> f64 {
    let cpu = cpu();
    let (hz, _) = clock(&cpu);
    peak_flops(&cpu, threads.min(cpu.logical), hz)
}

/// lapis's commit: `LAPIS_COMMIT` (set by scripts/bench_report.sh), else
/// `git rev-parse --short HEAD`, else "unknown".
fn commit() -> String {
    if let Ok(c) = std::env::var("LAPIS_COMMIT")
        && !c.trim().is_empty()
    {
        return c.trim().to_string();
    }
    Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// `YYYY-MM-DD HH:MM:SS UTC` for seconds since the Unix epoch (the civil
/// calendar from a day count, proleptic Gregorian).
pub fn utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Shift the epoch to 0000-03-01 so leap days end each 400-year era.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// A warning when OpenBLAS runs its generic SSE3 ("Prescott") kernels on
/// a CPU with AVX2 or AVX-512 (an OpenBLAS too old to know the CPU model):
/// its GFLOP/s are then far below the peak for a reason outside lapis.
pub fn kernel_note(cpu: &Cpu, version: &str) -> Option<String> {
    let generic = version.contains("(core: Prescott)") || version.contains("(core: Core2)");
    let wide = if cpu.has("avx512f") {
        "SkylakeX"
    } else if cpu.has("avx2") {
        "Haswell"
    } else {
        return None;
    };
    generic.then(|| {
        format!(
            "OpenBLAS runs generic SSE3 kernels on this {} CPU; OPENBLAS_CORETYPE={wide} selects \
             matching ones (lapis leaves the variable to the user)",
            if wide == "SkylakeX" {
                "AVX-512"
            } else {
                "AVX2"
            }
        )
    })
}

/// The header text for this machine and backend: `key: value` lines.
pub fn describe(cfg: &Config) -> String {
    let cpu = cpu();
    let (hz, clock_src) = clock(&cpu);
    let info = lapis::backend();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut s = String::new();
    let mut line = |k: &str, v: String| s.push_str(&format!("{k}: {v}\n"));
    line("cpu", cpu.model.clone());
    line(
        "cpu family/model",
        cpu.family_model.clone().unwrap_or_else(|| "unknown".into()),
    );
    line("logical cores", cpu.logical.to_string());
    line("flags", cpu.relevant_flags().join(" "));
    line("clock", format!("{:.0} MHz (from {clock_src})", hz * 1e-6));
    line(
        "f64 peak formula (theory)",
        format!(
            "cores x clock x {} FLOP/cycle (2 per FMA x {} lanes x {} FMA units per core, assumed)",
            cpu.flops_per_cycle(),
            cpu.f64_lanes(),
            FMA_UNITS
        ),
    );
    for &t in &cfg.threads {
        line(
            &format!("f64 peak (theory), {t} thread(s)"),
            format!(
                "{:.1} GFLOP/s",
                peak_flops(&cpu, t.min(cpu.logical), hz) * 1e-9
            ),
        );
    }
    line("backend", info.name.to_string());
    line("backend detected", info.detected.to_string());
    line("lapack detected", info.lapack_detected.to_string());
    line("backend status", info.status.as_str().to_string());
    line(
        "backend version",
        info.version.clone().unwrap_or_else(|| "-".into()),
    );
    line(
        "LAPACK version",
        info.lapack_version.clone().unwrap_or_else(|| "-".into()),
    );
    line("BLAS library", info.blas_library.clone());
    line("LAPACK library", info.lapack_library.clone());
    line("BLAS threads at start", info.num_threads.to_string());
    line(
        "threads measured",
        cfg.threads
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(","),
    );
    line("lapis commit", commit());
    line("date", utc(now));
    line("quick", cfg.quick.to_string());
    if let Ok(core) = std::env::var("OPENBLAS_CORETYPE") {
        line("OPENBLAS_CORETYPE", core);
    }
    if let Some(note) = kernel_note(&cpu, info.version.as_deref().unwrap_or("")) {
        line("note", note);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "processor\t: 0
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 167
model name\t: Intel(R) Xeon(R) Processor
cpu MHz\t\t: 2100.000
flags\t\t: fpu sse2 avx fma avx2 avx512f avx512dq amx_tile

processor\t: 1
vendor_id\t: GenuineIntel
model name\t: Other model
cpu MHz\t\t: 800.000
flags\t\t: fpu sse2
";

    #[test]
    fn parses_cpuinfo() {
        let c = Cpu::parse(SAMPLE);
        assert_eq!(c.model, "Intel(R) Xeon(R) Processor");
        assert_eq!(c.logical, 2);
        assert_eq!(c.mhz, Some(2100.0));
        assert_eq!(c.family_model.as_deref(), Some("family 6 model 167"));
        assert_eq!(
            c.relevant_flags(),
            vec![
                "sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "amx_tile"
            ]
        );
    }

    #[test]
    fn peak_formula() {
        let c = Cpu::parse(SAMPLE);
        // AVX-512: 2 x 8 lanes x 2 units = 32 FLOP/cycle; 2 cores at 2.1 GHz.
        assert_eq!(c.flops_per_cycle(), 32.0);
        assert_eq!(peak_flops(&c, 2, 2.1e9), 134.4e9);
        assert_eq!(peak_flops(&c, 1, 2.1e9), 67.2e9);
        let avx2 = Cpu::parse("processor : 0\nflags : sse2 avx fma avx2\n");
        assert_eq!(avx2.flops_per_cycle(), 16.0);
        let old = Cpu::parse("processor : 0\nflags : sse2\n");
        assert_eq!(old.flops_per_cycle(), 8.0);
        assert_eq!(old.model, "unknown");
    }

    #[test]
    fn prescott_note() {
        let c = Cpu::parse(SAMPLE);
        let v = "OpenBLAS 0.3.21 DYNAMIC_ARCH (core: Prescott)";
        assert!(
            kernel_note(&c, v)
                .unwrap()
                .contains("OPENBLAS_CORETYPE=SkylakeX")
        );
        assert_eq!(kernel_note(&c, "OpenBLAS 0.3.21 (core: SkylakeX)"), None);
        let old = Cpu::parse("processor : 0\nflags : sse2\n");
        assert_eq!(kernel_note(&old, v), None);
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc(1_795_833_000), "2026-11-28 02:30:00 UTC");
    }
}
