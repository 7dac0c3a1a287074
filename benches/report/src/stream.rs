//! The machine's limits: STREAM-style copy (`c = a`) and triad
//! (`a = b + s·c`) bandwidth on f64 arrays well beyond the last-level cache,
//! on a rayon pool of each thread count (each thread streams one contiguous
//! part, first-touched by the same thread), and the f64 peak as `peak_f64`
//! records: the formula's (imp `theory`, seconds 1, flops = FLOP/s) and the
//! FMA loop's of [`crate::peak`] (imp `measured`, the timing of one call and
//! its FLOP; the peak is flops / min_seconds).
//!
//! Bytes per call follow STREAM's convention: copy 16 n, triad 24 n (write
//! allocation traffic is not counted).

use rayon::prelude::*;

use crate::record::Record;
use crate::{Config, progress, timing};

/// Size in bytes of the largest cache of cpu0 (0 if sysfs does not say).
fn last_level_cache() -> usize {
    let mut best = 0;
    for i in 0..8 {
        let p = format!("/sys/devices/system/cpu/cpu0/cache/index{i}/size");
        let Ok(s) = std::fs::read_to_string(p) else {
            continue;
        };
        let s = s.trim();
        let (num, mult) = match s.chars().last() {
            Some('K') => (&s[..s.len() - 1], 1 << 10),
            Some('M') => (&s[..s.len() - 1], 1 << 20),
            Some('G') => (&s[..s.len() - 1], 1 << 30),
            _ => (s, 1),
        };
        best = best.max(num.parse::<usize>().unwrap_or(0) * mult);
    }
    best
}

/// Available memory in bytes (`MemAvailable`), if known.
fn mem_available() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Elements per array: STREAM's rule of 4x the last-level cache (2x for
/// `quick`), at least 64 MiB, and the three arrays together at most a
/// quarter of the available memory.
pub fn elements(quick: bool) -> usize {
    let llc = last_level_cache();
    let want = (llc * if quick { 2 } else { 4 }).max(64 << 20);
    let cap = mem_available().map_or(usize::MAX, |m| m / 4 / 3);
    want.min(cap).max(8 << 20) / 8
}

/// Splits `0..n` into `parts` contiguous chunk lengths.
fn chunk(n: usize, parts: usize) -> usize {
    n.div_ceil(parts.max(1)).max(1)
}

/// Times copy and triad at each of `cfg.threads` and appends the records,
/// plus the `peak_f64` reference for each thread count.
pub fn run(cfg: &Config, out: &mut Vec<Record>) {
    let n = elements(cfg.quick);
    progress(&format!(
        "machine: stream arrays of {n} f64 ({} MiB each; last-level cache {} MiB)",
        (n * 8) >> 20,
        last_level_cache() >> 20
    ));
    for &t in &cfg.threads {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(t).build() {
            Ok(p) => p,
            Err(e) => {
                progress(&format!("machine: no pool of {t} threads ({e}); skipped"));
                continue;
            }
        };
        let c = chunk(n, t);
        let (mut a, mut b, mut cc) = (Vec::<f64>::new(), Vec::<f64>::new(), Vec::<f64>::new());
        // First touch by the thread that will stream the chunk.
        pool.install(|| {
            for v in [&mut a, &mut b, &mut cc] {
                v.reserve_exact(n);
                v.par_extend((0..n).into_par_iter().with_min_len(c).map(|i| i as f64));
            }
        });
        let copy = timing::measure(cfg.budget, || {
            pool.install(|| {
                cc.par_chunks_mut(c)
                    .zip(a.par_chunks(c))
                    .for_each(|(dst, src)| dst.copy_from_slice(src))
            })
        });
        let s = 3.0;
        let triad = timing::measure(cfg.budget, || {
            pool.install(|| {
                a.par_chunks_mut(c)
                    .zip(b.par_chunks(c))
                    .zip(cc.par_chunks(c))
                    .for_each(|((x, y), z)| {
                        for ((x, y), z) in x.iter_mut().zip(y).zip(z) {
                            *x = y + s * z;
                        }
                    })
            })
        });
        std::hint::black_box((&a, &cc));
        for (op, st, bytes) in [("stream_copy", copy, 16.0), ("stream_triad", triad, 24.0)] {
            let r = Record {
                backend: cfg.backend.clone(),
                section: "machine".into(),
                op: op.into(),
                dtype: "f64".into(),
                shape: n.to_string(),
                n,
                threads: t,
                imp: "peak".into(),
                seconds: 0.0,
                flops: 0.0,
                bytes: bytes * n as f64,
                ..Default::default()
            }
            .with_stat(st);
            progress(&format!(
                "machine: {op} threads={t}: {:.1} GB/s",
                r.gbytes().unwrap_or(0.0)
            ));
            out.push(r);
        }
        let peak = crate::machine::peak_for_threads(t);
        out.push(Record {
            backend: cfg.backend.clone(),
            section: "machine".into(),
            op: "peak_f64".into(),
            dtype: "f64".into(),
            shape: "-".into(),
            n: 0,
            threads: t,
            imp: "theory".into(),
            seconds: 1.0,
            flops: peak,
            bytes: 0.0,
            min_seconds: 1.0,
            max_seconds: 1.0,
            reps: 1,
            note: String::new(),
        });
        progress(&format!(
            "machine: theoretical f64 peak threads={t}: {:.1} GFLOP/s",
            peak * 1e-9
        ));
        match crate::peak::measure(cfg.budget, t) {
            Ok((isa, st, flops)) => {
                progress(&format!(
                    "machine: measured f64 peak threads={t} ({}): {:.1} GFLOP/s (median {:.1}, spread {:.1}%)",
                    isa.name(),
                    flops / st.min * 1e-9,
                    flops / st.median * 1e-9,
                    100.0 * st.spread().unwrap_or(0.0)
                ));
                out.push(
                    Record {
                        backend: cfg.backend.clone(),
                        section: "machine".into(),
                        op: "peak_f64".into(),
                        dtype: "f64".into(),
                        shape: isa.name().into(),
                        n: 0,
                        threads: t,
                        imp: "measured".into(),
                        seconds: 0.0,
                        flops,
                        bytes: 0.0,
                        ..Default::default()
                    }
                    .with_stat(st),
                );
            }
            Err(e) => progress(&format!("machine: no measured peak at {t} threads ({e})")),
        }
    }
}
