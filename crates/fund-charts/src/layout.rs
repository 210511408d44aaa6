//! Shared layout for the row charts (a label line, a bar, a value line per row)
//! and small drawing helpers used by several charts.

use crate::draw::{text_width, Anchor, Font, Painter, BASE, SMALL};
use crate::error::ChartError;
use crate::scale::Linear;
use crate::scene::Paint;

/// Outer padding.
pub(crate) const PAD: f64 = 12.0;
/// Space above the first row.
pub(crate) const TOP: f64 = 8.0;
/// Height of one row.
pub(crate) const ROW_H: f64 = 70.0;
/// Space under the rows for the axis tick labels and title.
pub(crate) const AXIS_H: f64 = 46.0;

/// Vertical positions within row `i`.
pub(crate) struct Row {
    /// Centre of the label line.
    pub label_y: f64,
    /// Top of the bar.
    pub bar_top: f64,
    /// Bottom of the bar.
    pub bar_bottom: f64,
    /// Centre of the value line.
    pub value_y: f64,
}

pub(crate) fn row(i: usize) -> Row {
    let top = TOP + i as f64 * ROW_H;
    Row {
        label_y: top + 9.0,
        bar_top: top + 20.0,
        bar_bottom: top + 38.0,
        value_y: top + 57.0,
    }
}

/// Height of a row chart with `rows` rows (an empty chart keeps one row for its message).
pub(crate) fn rows_height(rows: usize, extra: f64) -> u32 {
    (TOP + rows.max(1) as f64 * ROW_H + AXIS_H + extra).ceil() as u32
}

/// Left and right ends of the plot area.
pub(crate) fn plot_x(width: u32) -> (f64, f64) {
    (PAD, f64::from(width) - PAD - 12.0)
}

/// The background.
pub(crate) fn background(p: &Painter<'_>, width: u32, height: u32) -> Result<(), ChartError> {
    p.fill_rect(
        (0.0, 0.0),
        (f64::from(width), f64::from(height)),
        Paint::Background,
    )
}

/// The vertical bands grid lines are drawn in: around each row's bar, so
/// they never run through the label and value lines.
pub(crate) fn bar_bands(rows: usize) -> Vec<(f64, f64)> {
    (0..rows.max(1))
        .map(|i| {
            let r = row(i);
            (r.bar_top - 4.0, r.bar_bottom + 8.0)
        })
        .collect()
}

/// Vertical grid lines within `bands`, with tick labels centred under
/// `bottom` (kept inside the chart at its edges and thinned so they never overlap).
pub(crate) fn x_grid(
    p: &Painter<'_>,
    scale: &Linear,
    ticks: &[(f64, String)],
    bands: &[(f64, f64)],
    bottom: f64,
    width: u32,
) -> Result<(), ChartError> {
    let xs: Vec<f64> = ticks.iter().map(|(v, _)| scale.map(*v)).collect();
    let widest = ticks
        .iter()
        .map(|(_, l)| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let spacing = if xs.len() > 1 {
        (xs[1] - xs[0]).abs()
    } else {
        f64::INFINITY
    };
    let every = if spacing > 0.0 {
        ((widest + 10.0) / spacing).ceil().max(1.0) as usize
    } else {
        1
    };
    let right = f64::from(width) - 2.0;
    for (i, ((_, label), x)) in ticks.iter().zip(&xs).enumerate() {
        for (y0, y1) in bands {
            p.line(&[(*x, *y0), (*x, *y1)], Paint::Grid, 1)?;
        }
        p.line(&[(*x, bottom), (*x, bottom + 4.0)], Paint::Axis, 1)?;
        if i % every == 0 {
            let half = text_width(label, SMALL) / 2.0;
            let (at, anchor) = if *x - half < 2.0 {
                (x.min(2.0_f64.max(*x - 4.0)), Anchor::Start)
            } else if *x + half > right {
                (x.max(right.min(*x + 4.0)), Anchor::End)
            } else {
                (*x, Anchor::Middle)
            };
            p.text(
                label,
                (at, bottom + 14.0),
                Font::new(SMALL, Paint::Muted).anchor(anchor),
            )?;
        }
    }
    Ok(())
}

/// An axis title under the tick labels, right-aligned.
pub(crate) fn axis_title(
    p: &Painter<'_>,
    title: &str,
    width: u32,
    bottom: f64,
) -> Result<(), ChartError> {
    p.text(
        title,
        (f64::from(width) - PAD, bottom + 32.0),
        Font::new(SMALL, Paint::Muted).anchor(Anchor::End),
    )
}

/// A bar drawn so it reads as "not a sourced figure": a pale fill, a solid
/// outline and diagonal hatching, all in the series colour.
pub(crate) fn hatched_bar(
    p: &Painter<'_>,
    a: (f64, f64),
    b: (f64, f64),
    colour: Paint,
) -> Result<(), ChartError> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    p.tint_rect((x0, y0), (x1, y1), colour, 18)?;
    let h = y1 - y0;
    if x1 - x0 >= 1.0 && h > 0.0 {
        let mut c = x0 - h + 5.0;
        let mut guard = 0;
        while c < x1 && guard < 2000 {
            // Line from (c, y1) up-right to (c + h, y0), clipped to [x0, x1].
            let (sx, sy) = if c < x0 { (x0, y1 - (x0 - c)) } else { (c, y1) };
            let (ex, ey) = if c + h > x1 {
                (x1, y0 + (c + h - x1))
            } else {
                (c + h, y0)
            };
            if ex > sx {
                p.line(&[(sx, sy), (ex, ey)], colour, 1)?;
            }
            c += 6.0;
            guard += 1;
        }
    }
    p.stroke_rect((x0, y0), (x1, y1), colour, 2)
}

/// "No figures to show" in the first row.
pub(crate) fn empty_message(p: &Painter<'_>, message: &str) -> Result<(), ChartError> {
    p.text(
        message,
        (PAD, row(0).bar_top + 9.0),
        Font::new(BASE, Paint::Muted),
    )
}

/// The first candidate that fits `max_width` at `px`, else the last one (fitted).
/// An axis tick for an amount in billions of dollars: `"100"` under an axis titled "US$
/// billion"; in Japanese the same tick in 億 (`"1,000"` under "億ドル").
pub(crate) fn billions_tick(v: rust_decimal::Decimal, lang: fund_core::Lang) -> String {
    use fund_core::format::{group_thousands, round_trim};
    match lang {
        fund_core::Lang::En => group_thousands(round_trim(v, 1)),
        fund_core::Lang::Ja => group_thousands(round_trim(v * rust_decimal::Decimal::TEN, 0)),
    }
}

pub(crate) fn first_fitting(candidates: &[String], px: f64, max_width: f64) -> String {
    for c in candidates {
        if text_width(c, px) <= max_width {
            return c.clone();
        }
    }
    crate::draw::fit(
        candidates.last().map(String::as_str).unwrap_or(""),
        px,
        max_width,
    )
}

/// The label to show in `max_width`: the full one if it fits, else the short one, fitted.
pub(crate) fn pick_label(label: &str, short: &str, px: f64, max_width: f64) -> String {
    if text_width(label, px) <= max_width || short.trim().is_empty() {
        crate::draw::fit(label, px, max_width)
    } else {
        crate::draw::fit(short, px, max_width)
    }
}
