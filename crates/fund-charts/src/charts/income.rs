//! Income: one horizontal bar per bucket for its income a year; bars that
//! rest on an assumed yield are hatched and say "assumption".

use crate::draw::{layer, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::IncomeFigure;
use crate::layout::{
    axis_title, background, bar_bands, empty_message, first_fitting, hatched_bar, pick_label,
    plot_x, row, rows_height, x_grid, ROW_H, TOP,
};
use crate::scale::{dec, f, nice_domain, Linear};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{ChartText, DataTable};
use fund_core::msg::chart::income as m;
use fund_core::{format, Lang, Usd};

/// The income model: one row per bucket.
///
/// The static layer reads the labels; the marks (including the axis, whose
/// scale follows the largest income) read everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Income {
    rows: Vec<IncomeFigure>,
    text: ChartText,
    lang: Lang,
}

impl Income {
    /// Builds the model, with its words in `lang`.
    pub fn new(rows: Vec<IncomeFigure>, source_ids: Vec<String>, lang: Lang) -> Self {
        let mut i = Income {
            rows,
            text: ChartText::default(),
            lang,
        };
        i.text = ChartText {
            caption: m::caption(lang).to_string(),
            description: i.description(),
            source_ids,
        };
        i
    }

    /// The rows.
    pub fn rows(&self) -> &[IncomeFigure] {
        &self.rows
    }

    /// Total income a year; `None` if the sum overflows.
    pub fn total_income(&self) -> Option<Usd> {
        self.rows
            .iter()
            .try_fold(rust_decimal::Decimal::ZERO, |acc, r| {
                acc.checked_add(r.income.dollars())
            })
            .map(Usd::new)
    }

    fn description(&self) -> String {
        let Some(largest) = self
            .rows
            .iter()
            .reduce(|a, b| if b.income > a.income { b } else { a })
        else {
            return m::empty_description(self.lang).to_string();
        };
        let lang = self.lang;
        let total = self
            .total_income()
            .map(|t| format::usd(t, lang))
            .unwrap_or_else(|| m::too_large(lang).to_string());
        let mut s = m::description(
            lang,
            &total,
            &largest.label,
            &format::usd(largest.income, lang),
            &format::rate(largest.yield_pct),
            &format::usd(largest.amount, lang),
        );
        let assumed = self.rows.iter().filter(|r| r.is_assumption).count();
        if assumed > 0 {
            s.push_str(m::hatched(lang));
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    fn scale(&self, width: u32) -> (Linear, Vec<f64>) {
        let b = |u: Usd| f(u.dollars()) / 1e9;
        let lo = self.rows.iter().map(|r| b(r.income)).fold(0.0, f64::min);
        let hi = self.rows.iter().map(|r| b(r.income)).fold(0.0, f64::max);
        let (x0, x1) = plot_x(width);
        let count = ((x1 - x0) / 70.0).clamp(2.0, 8.0) as usize;
        let (lo, hi, ticks) = nice_domain(lo, hi, count);
        (Linear::new((lo, hi), (x0, x1)), ticks)
    }
}

impl Chart for Income {
    fn kind(&self) -> &'static str {
        "income"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: vec![
                fund_core::msg::chart::col_bucket(self.lang).into(),
                fund_core::msg::chart::col_amount(self.lang).into(),
                m::col_yield(self.lang).into(),
                m::col_income(self.lang).into(),
                m::col_source(self.lang).into(),
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let lang = self.lang;
                    vec![
                        r.label.clone(),
                        format::usd(r.amount, lang),
                        format::rate(r.yield_pct),
                        format::usd(r.income, lang),
                        if r.is_assumption {
                            fund_core::msg::chart::assumption(lang)
                        } else {
                            m::sourced(lang)
                        }
                        .to_string(),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, _width: u32) -> u32 {
        rows_height(self.rows.len(), 0.0)
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (x0, x1) = plot_x(width);
        let bottom = TOP + self.rows.len().max(1) as f64 * ROW_H;
        layer(width, height, |p| {
            background(p, width, height)?;
            axis_title(p, m::axis(self.lang), width, bottom)?;
            for (i, r) in self.rows.iter().enumerate() {
                p.text(
                    &pick_label(&r.label, &r.short_label, BASE, x1 - x0),
                    (x0, row(i).label_y),
                    Font::new(BASE, Paint::Text),
                )?;
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (scale, ticks) = self.scale(width);
        let (x0, x1) = plot_x(width);
        let bottom = TOP + self.rows.len().max(1) as f64 * ROW_H;
        layer(width, height, |p| {
            let labelled: Vec<(f64, String)> = ticks
                .iter()
                .map(|t| (*t, crate::layout::billions_tick(dec(*t), self.lang)))
                .collect();
            x_grid(
                p,
                &scale,
                &labelled,
                &bar_bands(self.rows.len()),
                bottom,
                width,
            )?;
            let zero = scale.map(0.0);
            p.line(&[(x0, bottom), (x1, bottom)], Paint::Axis, 1)?;
            if self.rows.is_empty() {
                return empty_message(p, m::empty(self.lang));
            }
            for (y0, y1) in bar_bands(self.rows.len()) {
                p.line(&[(zero, y0), (zero, y1)], Paint::Axis, 1)?;
            }
            for (i, r) in self.rows.iter().enumerate() {
                let rw = row(i);
                let end = scale.map(f(r.income.dollars()) / 1e9);
                let colour = Paint::series(r.colour);
                if r.is_assumption {
                    hatched_bar(p, (zero, rw.bar_top), (end, rw.bar_bottom), colour)?;
                } else {
                    p.fill_rect((zero, rw.bar_top), (end, rw.bar_bottom), colour)?;
                }
                let lang = self.lang;
                let per_year = m::per_year(lang, &format::usd(r.income, lang));
                let value = m::mark(
                    lang,
                    &per_year,
                    &format::rate(r.yield_pct),
                    &format::usd(r.amount, lang),
                );
                let assumption = fund_core::msg::chart::assumption(lang);
                let candidates = if r.is_assumption && r.yield_pct.is_zero() {
                    // No bar to see: say what the zero means instead of labelling it.
                    vec![m::not_counted(lang).to_string()]
                } else if r.is_assumption {
                    vec![
                        fund_core::msg::chart::pair(lang, &value, assumption),
                        fund_core::msg::chart::pair(lang, &per_year, assumption),
                    ]
                } else {
                    vec![value, per_year]
                };
                p.text(
                    &first_fitting(&candidates, SMALL, x1 - x0),
                    (x0, rw.value_y),
                    Font::new(SMALL, Paint::Text),
                )?;
            }
            Ok(())
        })
    }
}
