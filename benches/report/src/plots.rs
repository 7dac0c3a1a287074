//! PNG plots of a results folder (plotters, bitmap backend):
//!
//! * `blas_<op>_<dtype>.png`: GFLOP/s against n (log2 axis), one line per
//!   backend, imp and thread count (gemm f64/c128, syrk f64 + herk c128,
//!   gemv f64);
//! * `ratio_<backend>.png`: t(direct)/t(lapis) against n for every BLAS op;
//! * `lapack_<op>_<dtype>.png`: seconds against n (log-log), lapis on each
//!   backend and NumPy/SciPy.
//!
//! Text needs a font: DejaVu Sans (Debian fonts-dejavu-core) is read at
//! run time and registered with plotters' ab_glyph renderer. Without it the
//! plots are skipped with a message; the report itself never fails for
//! them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use plotters::prelude::*;

use crate::render::Data;

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

/// One line on a chart.
struct Series {
    label: String,
    points: Vec<(f64, f64)>,
}

/// Groups `(label, x, y)` triples into series, points sorted by x.
fn group(items: impl Iterator<Item = (String, f64, f64)>) -> Vec<Series> {
    let mut m: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for (l, x, y) in items {
        if x > 0.0 && y.is_finite() && y > 0.0 {
            m.entry(l).or_default().push((x, y));
        }
    }
    m.into_iter()
        .map(|(label, mut points)| {
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            Series { label, points }
        })
        .collect()
}

/// Draws `series` with x on a log2 axis and y linear (or log10 when
/// `log_y`). The axes are drawn in transformed coordinates and labelled
/// with the original values.
fn chart(
    path: &Path,
    title: &str,
    y_desc: &str,
    log_y: bool,
    series: &[Series],
) -> Result<(), String> {
    let tx = |x: f64| x.log2();
    let ty = |y: f64| if log_y { y.log10() } else { y };
    let pts = || series.iter().flat_map(|s| s.points.iter());
    let (x0, x1) = pts().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
        (a.min(tx(p.0)), b.max(tx(p.0)))
    });
    let (y0, y1) = pts().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
        (a.min(ty(p.1)), b.max(ty(p.1)))
    });
    if !x0.is_finite() || !y0.is_finite() {
        return Err("no points".into());
    }
    let (x0, x1) = (x0.floor() - 0.2, x1.ceil() + 0.2);
    let (y0, y1) = if log_y {
        (y0.floor(), y1.ceil().max(y0.floor() + 1.0))
    } else {
        (0.0, if y1 > 0.0 { y1 * 1.08 } else { 1.0 })
    };
    let e = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let root = BitMapBackend::new(path, (1100, 700)).into_drawing_area();
    root.fill(&WHITE).map_err(|x| e(&x))?;
    let mut c = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 26))
        .margin(15)
        .x_label_area_size(45)
        .y_label_area_size(75)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(|x| e(&x))?;
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
        .label_style(("sans-serif", 15))
        .draw()
        .map_err(|x| e(&x))?;
    for (i, s) in series.iter().enumerate() {
        let color = color(i);
        let line: Vec<(f64, f64)> = s.points.iter().map(|p| (tx(p.0), ty(p.1))).collect();
        // The direct calls thin, lapis and NumPy thick: pairs stay apart.
        let width = if s.label.contains(" direct ") { 1 } else { 3 };
        c.draw_series(LineSeries::new(line.clone(), color.stroke_width(width)))
            .map_err(|x| e(&x))?
            .label(s.label.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color));
        c.draw_series(line.into_iter().map(|p| Circle::new(p, 3, color.filled())))
            .map_err(|x| e(&x))?;
    }
    c.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .label_font(("sans-serif", 14))
        .draw()
        .map_err(|x| e(&x))?;
    root.present().map_err(|x| e(&x))?;
    Ok(())
}

/// Line colours (Tableau 10, then darker and lighter variants): distinct
/// on white, no pale yellow.
fn color(i: usize) -> RGBAColor {
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
    let (r, g, b) = TAB10[i % 10];
    let c = RGBColor(r, g, b);
    match (i / 10) % 3 {
        0 => c.to_rgba(),
        1 => RGBColor(r / 2, g / 2, b / 2).to_rgba(),
        _ => c.mix(0.55),
    }
}

fn label(backend: &str, imp: &str, threads: usize) -> String {
    if backend == imp {
        format!("{backend} {threads}t")
    } else {
        format!("{backend} {imp} {threads}t")
    }
}

/// Writes every plot the data allows into `dir`; returns the file names,
/// or why no plots were made.
pub fn render_all(dir: &Path, d: &Data) -> Result<Vec<String>, String> {
    font()?;
    let mut files = Vec::new();
    let mut emit = |name: String, title: String, y: &str, log_y: bool, series: Vec<Series>| {
        if series.is_empty() {
            return Ok(());
        }
        chart(&dir.join(&name), &title, y, log_y, &series)?;
        files.push(name);
        Ok::<(), String>(())
    };
    // GFLOP/s against n.
    for (name, title, ops) in [
        ("blas_gemm_f64.png", "gemm f64", &[("gemm", "f64")][..]),
        ("blas_gemm_c128.png", "gemm c128", &[("gemm", "c128")][..]),
        (
            "blas_syrk_herk.png",
            "syrk f64 / herk c128",
            &[("syrk", "f64"), ("herk", "c128")][..],
        ),
        ("blas_gemv_f64.png", "gemv f64", &[("gemv", "f64")][..]),
    ] {
        let series = group(
            d.records
                .iter()
                .filter(|r| {
                    r.section == "blas" && ops.iter().any(|(o, t)| r.op == *o && r.dtype == *t)
                })
                .filter_map(|r| {
                    let prefix = if ops.len() > 1 {
                        format!("{} ", r.op)
                    } else {
                        String::new()
                    };
                    Some((
                        prefix + &label(&r.backend, &r.imp, r.threads),
                        r.n as f64,
                        r.gflops()?,
                    ))
                }),
        );
        emit(
            name.into(),
            format!("{title}: GFLOP/s against n"),
            "GFLOP/s",
            false,
            series,
        )?;
    }
    // direct/lapis time ratio against n, per backend.
    for b in d.backends() {
        let series = group(
            d.records
                .iter()
                .filter(|r| r.backend == b && r.section == "blas" && r.imp == "lapis")
                .filter_map(|r| {
                    let k = crate::render::Key {
                        backend: r.backend.clone(),
                        section: r.section.clone(),
                        op: r.op.clone(),
                        dtype: r.dtype.clone(),
                        n: r.n,
                        threads: r.threads,
                    };
                    let ratio = d.secs(&k, "direct")? / d.secs(&k, "lapis")?;
                    Some((
                        format!("{} {} {}t", r.op, r.dtype, r.threads),
                        r.n as f64,
                        ratio,
                    ))
                }),
        );
        emit(
            format!("ratio_{b}.png"),
            format!("{b}: t(direct) / t(lapis) against n (1 = no overhead)"),
            "direct / lapis",
            false,
            series,
        )?;
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
        let series = group(
            d.records
                .iter()
                .filter(|r| {
                    r.section == "lapack"
                        && r.op == op
                        && r.dtype == dtype
                        && (r.imp == "lapis" || r.imp == "numpy")
                })
                .map(|r| (label(&r.backend, &r.imp, r.threads), r.n as f64, r.seconds)),
        );
        emit(
            format!("lapack_{op}_{dtype}.png"),
            format!("{op} {dtype}: seconds against n"),
            "seconds",
            true,
            series,
        )?;
    }
    Ok(files)
}
