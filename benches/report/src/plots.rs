//! PNG plots of a results folder (plotters, bitmap backend), drawn as small
//! multiples: one panel per thread count, side by side on a shared y axis.
//! In every panel each implementation (a backend, or NumPy) has one colour
//! of its own, the same in every plot; lapis is a solid line, the direct
//! call a dashed one in a darker shade of the same colour.
//!
//! * `blas_<op>_<dtype>.png`: GFLOP/s against n (log2 axis) for gemm f64 and
//!   c128, gemv f64, and `blas_syrk_herk.png` (a row of panels per op); the
//!   compute-bound ones (gemm, syrk, herk) carry the measured f64 peak as a
//!   horizontal line (the theoretical one when none was measured);
//! * `ratio_<backend>.png`: t(direct)/t(lapis) against n, a colour per BLAS
//!   op and dtype, with the 1.0 line;
//! * `lapack_<op>_<dtype>.png`: seconds against n (log-log), lapis on each
//!   backend and NumPy/SciPy.
//!
//! Text needs a font: DejaVu Sans (Debian fonts-dejavu-core) is read at
//! run time and registered with plotters' ab_glyph renderer. Without it the
//! plots are skipped with a message; the report itself never fails for
//! them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use plotters::element::DashedPathElement;
use plotters::prelude::*;

use crate::record::Record;
use crate::render::{Data, Key};

/// Where the font is read from.
pub const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Registers DejaVu Sans as plotters' "sans-serif" once.
fn font() -> Result<(), String> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        let bytes = std::fs::read(FONT).map_err(|e| {
            format!("font {FONT} not readable ({e}); install fonts-dejavu-core for the plots")
        })?;
        // plotters keeps the font for the life of the program.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        plotters::style::register_font("sans-serif", FontStyle::Normal, bytes)
            .map_err(|_| format!("font {FONT} could not be parsed"))
    })
    .clone()
}

/// Tableau 10: distinct on white, no pale yellow.
const TAB10: [(u8, u8, u8); 10] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
];

/// The colour of an implementation, the same in every plot: known
/// backends and NumPy have fixed ones, others take the rest in turn.
fn impl_color(name: &str, others: &mut Vec<String>) -> RGBColor {
    const FIXED: [(&str, usize); 6] = [
        ("openblas", 0),
        ("openblas-pypi", 1),
        ("openblas64-pypi", 2),
        ("blis", 3),
        ("mkl", 4),
        ("reference", 5),
    ];
    if name == "numpy" {
        return RGBColor(0, 0, 0);
    }
    let i = FIXED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|p| p.1)
        .unwrap_or_else(|| {
            let pos = others.iter().position(|o| o == name).unwrap_or_else(|| {
                others.push(name.to_string());
                others.len() - 1
            });
            // Skip the grey (7): the peak line is grey.
            [6, 8, 9][pos % 3]
        });
    let (r, g, b) = TAB10[i];
    RGBColor(r, g, b)
}

/// The i-th colour of a plot whose lines are not implementations.
fn nth_color(i: usize) -> RGBColor {
    let (r, g, b) = TAB10[[0, 1, 2, 3, 4, 5, 6, 8, 9][i % 9]];
    RGBColor(r, g, b)
}

/// One line of a panel.
struct Line {
    label: String,
    color: RGBColor,
    dashed: bool,
    points: Vec<(f64, f64)>,
}

/// One panel: its lines and an optional labelled horizontal line.
struct Panel {
    title: String,
    lines: Vec<Line>,
    hline: Option<(f64, String)>,
}

/// Collects `(line key, x, y)` into lines (points sorted by x, non-positive
/// values dropped); `style` gives each key its label, colour and dash.
fn lines(
    items: impl Iterator<Item = (String, f64, f64)>,
    mut style: impl FnMut(&str) -> (String, RGBColor, bool),
) -> Vec<Line> {
    let mut m: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for (k, x, y) in items {
        if x > 0.0 && y.is_finite() && y > 0.0 {
            m.entry(k).or_default().push((x, y));
        }
    }
    let mut v: Vec<Line> = m
        .into_iter()
        .map(|(k, mut points)| {
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (label, color, dashed) = style(&k);
            Line {
                label,
                color,
                dashed,
                points,
            }
        })
        .collect();
    // Dashed lines last: on top of the solid line they usually follow.
    v.sort_by_key(|l| l.dashed);
    v
}

/// A darker shade of `c`: the direct call's dashes stay visible on top of
/// lapis's solid line in the same hue.
fn darker(c: RGBColor) -> RGBColor {
    let f = |x: u8| (x as f64 * 0.55) as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// Draws `panels` side by side (`rows` rows) under `title`, x on a log2
/// axis, y linear from 0 (or log10 when `log_y`), one y range for all.
fn figure(
    path: &Path,
    title: &str,
    y_desc: &str,
    log_y: bool,
    rows: usize,
    panels: &[Panel],
) -> Result<(), String> {
    let tx = |x: f64| x.log2();
    let ty = |y: f64| if log_y { y.log10() } else { y };
    let pts = || {
        panels
            .iter()
            .flat_map(|p| p.lines.iter().flat_map(|l| l.points.iter()))
    };
    let (x0, x1) = pts().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
        (a.min(tx(p.0)), b.max(tx(p.0)))
    });
    let ys = pts()
        .map(|p| p.1)
        .chain(panels.iter().filter_map(|p| p.hline.as_ref().map(|h| h.0)));
    let (y0, y1) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(ty(y)), b.max(ty(y)))
    });
    if !x0.is_finite() || !y0.is_finite() {
        return Err("no points".into());
    }
    let (x0, x1) = (x0.floor() - 0.2, x1.ceil() + 0.2);
    let (y0, y1) = if log_y {
        (y0.floor(), y1.ceil().max(y0.floor() + 1.0))
    } else {
        (0.0, if y1 > 0.0 { y1 * 1.12 } else { 1.0 })
    };
    let e = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let cols = panels.len().div_ceil(rows.max(1)).max(1);
    let size = ((700 * cols).min(2100) as u32, (560 * rows + 50) as u32);
    let root = BitMapBackend::new(path, size).into_drawing_area();
    root.fill(&WHITE).map_err(|x| e(&x))?;
    let root = root.titled(title, ("sans-serif", 26)).map_err(|x| e(&x))?;
    let xfmt = |x: &f64| {
        if (x - x.round()).abs() < 1e-6 {
            format!("{}", 2f64.powi(x.round() as i32))
        } else {
            String::new()
        }
    };
    let decimals = if y1 >= 10.0 {
        0
    } else if y1 >= 1.0 {
        1
    } else {
        3
    };
    let yfmt = |y: &f64| {
        if !log_y {
            format!("{y:.decimals$}")
        } else if (y - y.round()).abs() < 1e-6 {
            format!("1e{}", y.round() as i32)
        } else {
            String::new()
        }
    };
    for (area, p) in root.split_evenly((rows.max(1), cols)).iter().zip(panels) {
        let mut c = ChartBuilder::on(area)
            .caption(&p.title, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(65)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|x| e(&x))?;
        c.configure_mesh()
            .x_desc("n")
            .y_desc(y_desc)
            .x_labels(((x1 - x0).ceil() as usize + 1).max(2))
            .y_labels(if log_y {
                ((y1 - y0) as usize + 1).max(2)
            } else {
                10
            })
            .x_label_formatter(&xfmt)
            .y_label_formatter(&yfmt)
            .light_line_style(WHITE.mix(0.0))
            .label_style(("sans-serif", 14))
            .draw()
            .map_err(|x| e(&x))?;
        if let Some((y, label)) = &p.hline {
            let grey = RGBColor(110, 110, 110);
            let y = ty(*y);
            c.draw_series(DashedLineSeries::new(
                vec![(x0, y), (x1, y)],
                10,
                6,
                grey.stroke_width(2),
            ))
            .map_err(|x| e(&x))?
            .label(label.clone())
            .legend(move |(x, y)| {
                DashedPathElement::new(vec![(x, y), (x + 24, y)], 5, 3, grey.stroke_width(2))
            });
        }
        for l in &p.lines {
            let color = l.color;
            let pts: Vec<(f64, f64)> = l.points.iter().map(|q| (tx(q.0), ty(q.1))).collect();
            let anno = if l.dashed {
                c.draw_series(DashedLineSeries::new(
                    pts.clone(),
                    8,
                    5,
                    color.stroke_width(2),
                ))
                .map_err(|x| e(&x))?
            } else {
                c.draw_series(LineSeries::new(pts.clone(), color.stroke_width(3)))
                    .map_err(|x| e(&x))?
            };
            let dashed = l.dashed;
            anno.label(l.label.clone()).legend(move |(x, y)| {
                if dashed {
                    DashedPathElement::new(vec![(x, y), (x + 24, y)], 5, 3, color.stroke_width(2))
                        .into_dyn()
                } else {
                    PathElement::new(vec![(x, y), (x + 24, y)], color.stroke_width(3)).into_dyn()
                }
            });
            let marker = pts.into_iter().map(move |q| {
                if dashed {
                    Circle::new(q, 3, color.stroke_width(2)).into_dyn()
                } else {
                    Circle::new(q, 3, color.filled()).into_dyn()
                }
            });
            c.draw_series(marker).map_err(|x| e(&x))?;
        }
        c.configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(|x| e(&x))?;
    }
    root.present().map_err(|x| e(&x))?;
    Ok(())
}

/// "t thread(s)".
fn threads_title(t: usize) -> String {
    if t == 1 {
        "1 thread".into()
    } else {
        format!("{t} threads")
    }
}

/// Line style of an implementation's figure: `backend imp` → (label,
/// colour, dashed). `imp` is `lapis`, `direct` or `numpy`.
fn impl_style(others: &mut Vec<String>) -> impl FnMut(&str) -> (String, RGBColor, bool) + '_ {
    |k: &str| {
        let (backend, imp) = k.split_once(' ').unwrap_or((k, ""));
        let label = if backend == imp {
            backend.to_string()
        } else {
            format!("{backend} {imp}")
        };
        let color = impl_color(backend, others);
        if imp == "direct" {
            (label, darker(color), true)
        } else {
            (label, color, false)
        }
    }
}

/// Writes every plot the data allows into `dir`; returns the file names,
/// or why no plots were made.
pub fn render_all(dir: &Path, d: &Data) -> Result<Vec<String>, String> {
    font()?;
    let mut files = Vec::new();
    let mut others = Vec::new();
    let threads_of = |f: &dyn Fn(&Record) -> bool| -> Vec<usize> {
        let s: BTreeSet<usize> = d
            .records
            .iter()
            .filter(|r| f(r))
            .map(|r| r.threads)
            .collect();
        s.into_iter().collect()
    };
    let backends = d.backends();
    // The peak line for a thread count: measured, else theory.
    let peak_line = |t: usize| {
        let b = backends.first()?;
        let (p, which) = match d.peak_of(b, t, "measured") {
            Some(p) => (p, "measured"),
            None => (d.peak_of(b, t, "theory")?, "theoretical"),
        };
        Some((
            p * 1e-9,
            format!("{which} f64 peak {:.0} GFLOP/s", p * 1e-9),
        ))
    };
    // GFLOP/s against n: a row of panels (one per thread count) per op.
    for (name, title, ops, peak) in [
        (
            "blas_gemm_f64.png",
            "gemm f64",
            &[("gemm", "f64")][..],
            true,
        ),
        (
            "blas_gemm_c128.png",
            "gemm c128",
            &[("gemm", "c128")][..],
            true,
        ),
        (
            "blas_syrk_herk.png",
            "syrk f64 / herk c128",
            &[("syrk", "f64"), ("herk", "c128")][..],
            true,
        ),
        (
            "blas_gemv_f64.png",
            "gemv f64",
            &[("gemv", "f64")][..],
            false,
        ),
    ] {
        let mut panels = Vec::new();
        for (op, dtype) in ops {
            let of = |r: &Record| r.section == "blas" && r.op == *op && r.dtype == *dtype;
            for t in threads_of(&of) {
                let ls = lines(
                    d.records
                        .iter()
                        .filter(|r| of(r) && r.threads == t)
                        .filter_map(|r| {
                            Some((format!("{} {}", r.backend, r.imp), r.n as f64, r.gflops()?))
                        }),
                    impl_style(&mut others),
                );
                panels.push(Panel {
                    title: format!("{op} {dtype}, {}", threads_title(t)),
                    lines: ls,
                    hline: if peak { peak_line(t) } else { None },
                });
            }
        }
        if panels.iter().all(|p| p.lines.is_empty()) {
            continue;
        }
        figure(
            &dir.join(name),
            &format!("{title}: GFLOP/s against n (solid: through lapis, dashed: direct call)"),
            "GFLOP/s",
            false,
            ops.len(),
            &panels,
        )?;
        files.push(name.to_string());
    }
    // direct/lapis time ratio against n, per backend, a panel per thread count.
    for b in &backends {
        let of = |r: &Record| r.backend == *b && r.section == "blas" && r.imp == "lapis";
        let mut names: Vec<String> = Vec::new();
        let mut panels = Vec::new();
        for t in threads_of(&of) {
            let mut ls = lines(
                d.records
                    .iter()
                    .filter(|r| of(r) && r.threads == t)
                    .filter_map(|r| {
                        let k = Key {
                            backend: r.backend.clone(),
                            section: r.section.clone(),
                            op: r.op.clone(),
                            dtype: r.dtype.clone(),
                            n: r.n,
                            threads: r.threads,
                        };
                        let ratio = d.secs(&k, "direct")? / d.secs(&k, "lapis")?;
                        Some((format!("{} {}", r.op, r.dtype), r.n as f64, ratio))
                    }),
                |k| {
                    let i = names.iter().position(|n| n == k).unwrap_or_else(|| {
                        names.push(k.to_string());
                        names.len() - 1
                    });
                    (k.to_string(), nth_color(i), false)
                },
            );
            ls.retain(|l| !l.points.is_empty());
            panels.push(Panel {
                title: format!("{b}, {}", threads_title(t)),
                lines: ls,
                hline: Some((1.0, "1 = no overhead".into())),
            });
        }
        if panels.iter().all(|p| p.lines.is_empty()) {
            continue;
        }
        let name = format!("ratio_{b}.png");
        figure(
            &dir.join(&name),
            &format!("{b}: t(direct) / t(lapis) against n (below 1: lapis slower)"),
            "direct / lapis",
            false,
            1,
            &panels,
        )?;
        files.push(name);
    }
    // LAPACK seconds against n: lapis per backend, and NumPy.
    let mut lapack_ops: Vec<(String, String)> = d
        .records
        .iter()
        .filter(|r| r.section == "lapack")
        .map(|r| (r.op.clone(), r.dtype.clone()))
        .collect();
    lapack_ops.sort();
    lapack_ops.dedup();
    for (op, dtype) in lapack_ops {
        let of = |r: &Record| r.section == "lapack" && r.op == op && r.dtype == dtype;
        let panels: Vec<Panel> = threads_of(&of)
            .into_iter()
            .map(|t| Panel {
                title: format!("{op} {dtype}, {}", threads_title(t)),
                lines: lines(
                    d.records
                        .iter()
                        .filter(|r| of(r) && r.threads == t)
                        .map(|r| (format!("{} {}", r.backend, r.imp), r.n as f64, r.seconds)),
                    impl_style(&mut others),
                ),
                hline: None,
            })
            .collect();
        if panels.iter().all(|p| p.lines.is_empty()) {
            continue;
        }
        let name = format!("lapack_{op}_{dtype}.png");
        figure(
            &dir.join(&name),
            &format!("{op} {dtype}: seconds against n (solid: lapis, dashed: direct LAPACK)"),
            "seconds",
            true,
            1,
            &panels,
        )?;
        files.push(name);
    }
    Ok(files)
}
