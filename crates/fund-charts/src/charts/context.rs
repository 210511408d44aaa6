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
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{join_and, mid_sentence, ChartText, DataTable};
use fund_core::msg::chart::context as m;
use fund_core::{format, Lang, Usd};
use rust_decimal::Decimal;

/// What the scale note under the axis says, in `lang`.
pub fn scale_note(lang: Lang) -> &'static str {
    m::scale_note(lang)
}

/// The context model: amounts to set side by side, the first being the
/// fund's own part that the others are compared with.
///
/// The static layer reads the labels; the marks (including the decade grid,
/// which follows the amounts) read the amounts and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    figures: Vec<ContextFigure>,
    text: ChartText,
    lang: Lang,
}

impl Context {
    /// Builds the model, with its words in `lang`.
    pub fn new(figures: Vec<ContextFigure>, source_ids: Vec<String>, lang: Lang) -> Self {
        let mut c = Context {
            figures,
            text: ChartText::default(),
            lang,
        };
        c.text = ChartText {
            caption: m::caption(lang).to_string(),
            description: c.description(),
            source_ids,
        };
        c
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
        let lang = self.lang;
        let Some(first) = self.figures.first() else {
            return m::empty_description(lang).to_string();
        };
        // A framing with nothing in Treasuries says so in words, and the rest are for scale.
        if first.amount.dollars() <= Decimal::ZERO && self.figures.len() > 1 {
            let parts: Vec<String> = self.figures[1..]
                .iter()
                .map(|fig| {
                    m::part_scale(
                        lang,
                        &mid_sentence(&fig.label, lang),
                        &format::usd(fig.amount, lang),
                    )
                })
                .collect();
            return m::nothing(lang, &join_and(&parts, lang));
        }
        let head = m::head(lang, &first.label, &format::usd(first.amount, lang));
        let parts: Vec<String> = self
            .figures
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, fig)| match self.percent_of(i) {
                Some(p) => m::part_of(
                    lang,
                    &format::percent(p),
                    &mid_sentence(&fig.label, lang),
                    &format::usd(fig.amount, lang),
                ),
                None => m::part_against(
                    lang,
                    &mid_sentence(&fig.label, lang),
                    &format::usd(fig.amount, lang),
                ),
            })
            .collect();
        if parts.is_empty() {
            m::alone(lang, &head)
        } else {
            m::description(lang, &head, &join_and(&parts, lang))
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
        wrap(m::scale_note(self.lang), SMALL, x1 - x0)
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
                m::col_what(self.lang).into(),
                fund_core::msg::chart::col_amount(self.lang).into(),
                m::col_share_of(self.lang, &first),
                m::col_note(self.lang).into(),
            ],
            rows: self
                .figures
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    vec![
                        x.label.clone(),
                        format::usd(x.amount, self.lang),
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

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        layer(width, height, |p| {
            background(p, width, height)?;
            for (i, fig) in self.figures.iter().enumerate() {
                p.text(
                    &crate::layout::pick_label(&fig.label, &fig.short_label, BASE, x1 - x0),
                    (x0, row(i).label_y),
                    Font::new(BASE, Paint::Text),
                )?;
            }
            for (k, line) in self.note_lines(width).iter().enumerate() {
                p.text(
                    line,
                    (PAD, bottom + 34.0 + k as f64 * 17.0),
                    Font::new(SMALL, Paint::Muted),
                )?;
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        let (lo, hi) = self.decades();
        let scale = Linear::new((f64::from(lo), f64::from(hi)), (x0, x1));
        layer(width, height, |p| {
            let ticks: Vec<(f64, String)> = (lo..=hi)
                .map(|k| {
                    let amount = Usd::billions(pow10(k));
                    (f64::from(k), format::usd(amount, self.lang))
                })
                .collect();
            x_grid(
                p,
                &scale,
                &ticks,
                &bar_bands(self.figures.len()),
                bottom,
                width,
            )?;
            p.line(&[(x0, bottom), (x1, bottom)], Paint::Axis, 1)?;
            if self.figures.is_empty() {
                return empty_message(p, m::empty(self.lang));
            }
            for (i, fig) in self.figures.iter().enumerate() {
                let r = row(i);
                let b = f(fig.amount.dollars()) / 1e9;
                let colour = Paint::series(i);
                let value = format::usd(fig.amount, self.lang);
                let line = if b > 0.0 {
                    let end = scale.map(b.log10());
                    p.fill_rect((x0, r.bar_top), (end.max(x0 + 2.0), r.bar_bottom), colour)?;
                    let with_note = if fig.note.trim().is_empty() {
                        value.clone()
                    } else {
                        fund_core::msg::chart::pair(self.lang, &value, &fig.note)
                    };
                    first_fitting(&[with_note, value], SMALL, x1 - x0)
                } else {
                    first_fitting(&[m::not_drawn(self.lang, &value)], SMALL, x1 - x0)
                };
                p.text(&line, (x0, r.value_y), Font::new(SMALL, Paint::Text))?;
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
