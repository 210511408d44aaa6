//! Yield effect: each study's estimate of the fund's effect on US yields,
//! scaled linearly to the fund, as a low–high range with a central dot.

use crate::draw::{layer, wrap, Anchor, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::EstimateFigure;
use crate::layout::{
    background, bar_bands, empty_message, first_fitting, hatched_bar, pick_label, plot_x, row,
    x_grid, AXIS_H, PAD, ROW_H, TOP,
};
use crate::scale::{dec, f, nice_domain, Linear};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{join_and, ChartText, DataTable};
use fund_core::msg::chart::yields as m;
use fund_core::{format, Lang};
use rust_decimal::Decimal;

/// The note every yield-effect chart carries, in `lang`.
pub fn linear_note(lang: Lang) -> &'static str {
    m::linear_note(lang)
}

/// The yield-effect model: one row per study estimate, in basis points,
/// signed (negative means yields fall).
///
/// The static layer reads the labels (and carries the note); the marks
/// (including the axis, which follows the estimates) read the numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YieldEffect {
    estimates: Vec<EstimateFigure>,
    text: ChartText,
    lang: Lang,
}

fn ends(e: &EstimateFigure) -> (Decimal, Decimal) {
    (e.low_bp.min(e.high_bp), e.low_bp.max(e.high_bp))
}

impl YieldEffect {
    /// Builds the model, with its words in `lang`. A low end above the high end is drawn
    /// swapped.
    pub fn new(estimates: Vec<EstimateFigure>, source_ids: Vec<String>, lang: Lang) -> Self {
        let mut y = YieldEffect {
            estimates,
            text: ChartText::default(),
            lang,
        };
        y.text = ChartText {
            caption: m::caption(lang).to_string(),
            description: y.description(),
            source_ids,
        };
        y
    }

    /// The estimates.
    pub fn estimates(&self) -> &[EstimateFigure] {
        &self.estimates
    }

    fn description(&self) -> String {
        let lang = self.lang;
        let bp = |v: Decimal| format::basis_points(v, lang);
        if self.estimates.is_empty() {
            return m::empty_description(lang).to_string();
        }
        let lo = self
            .estimates
            .iter()
            .map(|e| ends(e).0)
            .min()
            .unwrap_or_default();
        let hi = self
            .estimates
            .iter()
            .map(|e| ends(e).1)
            .max()
            .unwrap_or_default();
        let mut s = m::description(lang, &bp(lo), &bp(hi));
        let centrals: Vec<String> = self
            .estimates
            .iter()
            .filter_map(|e| {
                e.central_bp
                    .map(|c| m::central_item(lang, &bp(c), &e.label))
            })
            .collect();
        if !centrals.is_empty() {
            s.push_str(&m::centrals(lang, &join_and(&centrals, lang)));
        }
        let beyond = self.estimates.iter().filter(|e| e.beyond_measured).count();
        if beyond == 1 {
            s.push_str(m::beyond_one(lang));
        } else if beyond > 1 {
            s.push_str(m::beyond_some(lang));
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    /// The notes under the axis: what "bp" means, then the scaling note.
    fn note_lines(&self, width: u32) -> Vec<String> {
        let (x0, x1) = plot_x(width);
        let mut lines = wrap(m::bp_note(self.lang), SMALL, x1 - x0);
        lines.extend(wrap(m::linear_note(self.lang), SMALL, x1 - x0));
        lines
    }

    fn plot_bottom(&self) -> f64 {
        TOP + self.estimates.len().max(1) as f64 * ROW_H
    }

    fn scale(&self, width: u32) -> (Linear, Vec<f64>) {
        let mut lo = 0.0f64;
        let mut hi = 0.0f64;
        for e in &self.estimates {
            for v in [Some(e.low_bp), Some(e.high_bp), e.central_bp]
                .into_iter()
                .flatten()
            {
                lo = lo.min(f(v));
                hi = hi.max(f(v));
            }
        }
        let (x0, x1) = plot_x(width);
        let count = ((x1 - x0) / 70.0).clamp(2.0, 8.0) as usize;
        let (lo, hi, ticks) = nice_domain(lo, hi, count);
        (Linear::new((lo, hi), (x0, x1)), ticks)
    }
}

impl Chart for YieldEffect {
    fn kind(&self) -> &'static str {
        "yield_effect"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: vec![
                m::col_estimate(self.lang).into(),
                m::col_low(self.lang).into(),
                m::col_central(self.lang).into(),
                m::col_high(self.lang).into(),
                m::col_beyond(self.lang).into(),
                m::col_study(self.lang).into(),
            ],
            rows: self
                .estimates
                .iter()
                .map(|e| {
                    let lang = self.lang;
                    let (lo, hi) = ends(e);
                    vec![
                        e.label.clone(),
                        format::basis_points(lo, lang),
                        e.central_bp
                            .map(|c| format::basis_points(c, lang))
                            .unwrap_or_else(|| m::not_given(lang).to_string()),
                        format::basis_points(hi, lang),
                        if e.beyond_measured {
                            m::beyond_yes(lang)
                        } else {
                            m::beyond_no(lang)
                        }
                        .to_string(),
                        e.note.clone(),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, width: u32) -> u32 {
        (self.plot_bottom() + AXIS_H + self.note_lines(width).len() as f64 * 17.0 + 6.0).ceil()
            as u32
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        layer(width, height, |p| {
            background(p, width, height)?;
            for (i, e) in self.estimates.iter().enumerate() {
                p.text(
                    &pick_label(&e.label, &e.short_label, BASE, x1 - x0),
                    (x0, row(i).label_y),
                    Font::new(BASE, Paint::Text),
                )?;
            }
            let dir_y = bottom + 32.0;
            p.text(
                m::fall(self.lang),
                (PAD, dir_y),
                Font::new(SMALL, Paint::Muted),
            )?;
            p.text(
                m::rise(self.lang),
                (f64::from(width) - PAD, dir_y),
                Font::new(SMALL, Paint::Muted).anchor(Anchor::End),
            )?;
            for (k, line) in self.note_lines(width).iter().enumerate() {
                p.text(
                    line,
                    (PAD, bottom + AXIS_H + 8.0 + k as f64 * 17.0),
                    Font::new(SMALL, Paint::Text),
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
        let bottom = self.plot_bottom();
        layer(width, height, |p| {
            let labelled: Vec<(f64, String)> = ticks
                .iter()
                .map(|t| (*t, format::basis_points(dec(*t), self.lang)))
                .collect();
            let bands = bar_bands(self.estimates.len());
            x_grid(p, &scale, &labelled, &bands, bottom, width)?;
            p.line(&[(x0, bottom), (x1, bottom)], Paint::Axis, 1)?;
            let zero = scale.map(0.0);
            for (y0, y1) in &bands {
                p.line(&[(zero, *y0), (zero, *y1)], Paint::Axis, 2)?;
            }
            if self.estimates.is_empty() {
                return empty_message(p, m::empty(self.lang));
            }
            let colour = Paint::series(0);
            for (i, e) in self.estimates.iter().enumerate() {
                let r = row(i);
                let (lo, hi) = ends(e);
                let (a, b) = (scale.map(f(lo)), scale.map(f(hi)));
                let (a, b) = if (b - a).abs() < 3.0 {
                    ((a + b) / 2.0 - 1.5, (a + b) / 2.0 + 1.5)
                } else {
                    (a, b)
                };
                let (top, bot) = (r.bar_top + 3.0, r.bar_bottom - 3.0);
                if e.beyond_measured {
                    hatched_bar(p, (a, top), (b, bot), colour)?;
                } else {
                    p.fill_rect((a, top), (b, bot), colour)?;
                }
                if let Some(cb) = e.central_bp {
                    let cx = scale.map(f(cb));
                    let cy = (r.bar_top + r.bar_bottom) / 2.0;
                    p.circle((cx, cy), 6.5, Paint::Background, true, 1)?;
                    p.circle((cx, cy), 5.0, Paint::Text, true, 1)?;
                }
                let lang = self.lang;
                let (lo_text, hi_text) = (
                    format::basis_points(lo, lang),
                    format::basis_points(hi, lang),
                );
                // A range whose ends read the same is one figure: "about −2.1 bp".
                let range = if lo_text == hi_text {
                    m::about(lang, &lo_text)
                } else {
                    m::range(lang, &lo_text, &hi_text)
                };
                let with_central = match e.central_bp {
                    Some(cb) if lo_text != hi_text => {
                        m::with_central(lang, &range, &format::basis_points(cb, lang))
                    }
                    _ => range.clone(),
                };
                let candidates = if e.beyond_measured {
                    vec![
                        m::beyond_long(lang, &with_central),
                        m::beyond_mid(lang, &range),
                        m::beyond_short(lang, &range),
                    ]
                } else {
                    vec![with_central, range]
                };
                p.text(
                    &first_fitting(&candidates, SMALL, x1 - x0),
                    (x0, r.value_y),
                    Font::new(SMALL, Paint::Text),
                )?;
            }
            Ok(())
        })
    }
}
