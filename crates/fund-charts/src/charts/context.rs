//! Context: the fund's Treasury part against bigger Treasury totals, on a
//! logarithmic scale so the smallest bar stays visible.

use crate::draw::{layer, wrap, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::ContextFigure;
use crate::layout::{
    background, bar_bands, empty_message, first_fitting, plot_x, row, x_grid, AXIS_H, PAD, ROW_H,
    TOP,
};
use crate::scale::{f, Linear};
use crate::svg::{Chart, RenderOptions};
use crate::table::{join_and, mid_sentence, ChartText, DataTable};
use fund_core::{format, Usd};
use rust_decimal::Decimal;

/// What the scale note under the axis says.
pub const SCALE_NOTE: &str = "Logarithmic scale: each grid line is ten times the one before.";

/// The context model: amounts to set side by side, the first being the
/// fund's own part that the others are compared with.
///
/// The static layer reads the labels; the marks (including the decade grid,
/// which follows the amounts) read the amounts and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    figures: Vec<ContextFigure>,
    text: ChartText,
}

impl Context {
    /// Builds the model.
    pub fn new(figures: Vec<ContextFigure>, source_ids: Vec<String>) -> Self {
        let mut m = Context {
            figures,
            text: ChartText::default(),
        };
        m.text = ChartText {
            caption: "How big the fund's Treasury part is next to the market".to_string(),
            description: m.description(),
            source_ids,
        };
        m
    }

    /// The figures.
    pub fn figures(&self) -> &[ContextFigure] {
        &self.figures
    }

    /// The first figure as a percentage of figure `i`, if both are positive.
    pub fn percent_of(&self, i: usize) -> Option<Decimal> {
        let base = self.figures.first()?.amount.dollars();
        let other = self.figures.get(i)?.amount.dollars();
        if base <= Decimal::ZERO || other <= Decimal::ZERO {
            return None;
        }
        base.checked_div(other)?.checked_mul(Decimal::ONE_HUNDRED)
    }

    fn description(&self) -> String {
        let Some(first) = self.figures.first() else {
            return "No amounts to compare.".to_string();
        };
        let head = format!("{} ({})", first.label, format::usd(first.amount));
        let parts: Vec<String> = self
            .figures
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, fig)| match self.percent_of(i) {
                Some(p) => format!(
                    "{} of {} ({})",
                    format::percent(p),
                    mid_sentence(&fig.label),
                    format::usd(fig.amount)
                ),
                None => format!(
                    "set against {} ({})",
                    mid_sentence(&fig.label),
                    format::usd(fig.amount)
                ),
            })
            .collect();
        if parts.is_empty() {
            format!("{head} is shown alone, on a logarithmic scale.")
        } else {
            format!(
                "{head} is {}, on a logarithmic scale where each grid line is ten times the last.",
                join_and(&parts)
            )
        }
    }

    /// Decades (as powers of ten of billions) spanning the positive amounts.
    fn decades(&self) -> (i32, i32) {
        let logs: Vec<f64> = self
            .figures
            .iter()
            .map(|x| f(x.amount.dollars()) / 1e9)
            .filter(|v| *v > 0.0 && v.is_finite())
            .map(f64::log10)
            .collect();
        if logs.is_empty() {
            return (0, 1);
        }
        let lo = logs
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .floor()
            .clamp(-9.0, 18.0) as i32;
        let hi = logs
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .ceil()
            .clamp(-9.0, 18.0) as i32;
        if hi > lo {
            (lo, hi)
        } else {
            (lo, lo + 1)
        }
    }

    fn note_lines(&self, width: u32) -> Vec<String> {
        let (x0, x1) = plot_x(width);
        wrap(SCALE_NOTE, SMALL, x1 - x0)
    }

    fn plot_bottom(&self) -> f64 {
        TOP + self.figures.len().max(1) as f64 * ROW_H
    }
}

impl Chart for Context {
    fn kind(&self) -> &'static str {
        "context"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        let first = self
            .figures
            .first()
            .map(|x| x.label.clone())
            .unwrap_or_default();
        DataTable {
            columns: vec![
                "What".into(),
                "Amount".into(),
                format!("{first} as a share of it"),
                "Note".into(),
            ],
            rows: self
                .figures
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    vec![
                        x.label.clone(),
                        format::usd(x.amount),
                        self.percent_of(i)
                            .map(format::percent)
                            .unwrap_or_else(|| "—".to_string()),
                        x.note.clone(),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, width: u32) -> u32 {
        (self.plot_bottom() + AXIS_H - 14.0 + self.note_lines(width).len() as f64 * 17.0 + 4.0)
            .ceil() as u32
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<String, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let c = options.colours();
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        layer(width, height, |p| {
            background(p, width, height, c)?;
            for (i, fig) in self.figures.iter().enumerate() {
                p.text(
                    &crate::draw::fit(&fig.label, BASE, x1 - x0),
                    (x0, row(i).label_y),
                    Font::new(BASE, c.text),
                )?;
            }
            for (k, line) in self.note_lines(width).iter().enumerate() {
                p.text(
                    line,
                    (PAD, bottom + 34.0 + k as f64 * 17.0),
                    Font::new(SMALL, c.muted),
                )?;
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<String, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let c = options.colours();
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        let (lo, hi) = self.decades();
        let scale = Linear::new((f64::from(lo), f64::from(hi)), (x0, x1));
        layer(width, height, |p| {
            let ticks: Vec<(f64, String)> = (lo..=hi)
                .map(|k| {
                    let amount = Usd::billions(pow10(k));
                    (f64::from(k), format::usd(amount))
                })
                .collect();
            x_grid(
                p,
                &scale,
                &ticks,
                &bar_bands(self.figures.len()),
                bottom,
                width,
                c,
            )?;
            p.line(&[(x0, bottom), (x1, bottom)], c.axis, 1)?;
            if self.figures.is_empty() {
                return empty_message(p, "No amounts to compare", c);
            }
            for (i, fig) in self.figures.iter().enumerate() {
                let r = row(i);
                let b = f(fig.amount.dollars()) / 1e9;
                let colour = c.series(i);
                let value = format::usd(fig.amount);
                let line = if b > 0.0 {
                    let end = scale.map(b.log10());
                    p.fill_rect(
                        (x0, r.bar_top),
                        (end.max(x0 + 2.0), r.bar_bottom),
                        colour,
                        1.0,
                    )?;
                    let with_note = if fig.note.trim().is_empty() {
                        value.clone()
                    } else {
                        format!("{value} · {}", fig.note)
                    };
                    first_fitting(&[with_note, value], SMALL, x1 - x0)
                } else {
                    first_fitting(
                        &[format!(
                            "{value} · not drawn: a log scale cannot show zero or less"
                        )],
                        SMALL,
                        x1 - x0,
                    )
                };
                p.text(&line, (x0, r.value_y), Font::new(SMALL, c.text))?;
            }
            Ok(())
        })
    }
}

/// 10^k as a decimal, for k within the decimal's range (clamped).
fn pow10(k: i32) -> Decimal {
    let k = k.clamp(-9, 18);
    if k >= 0 {
        Decimal::from(10u64.pow(k as u32))
    } else {
        Decimal::new(1, k.unsigned_abs())
    }
}
