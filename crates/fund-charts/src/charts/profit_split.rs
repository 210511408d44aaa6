//! Profit split: cumulative cash to Japan and to the US, year by year, with
//! a marker at the year Japan is made whole.

use crate::draw::{layer, text_width, Anchor, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::ProfitPoint;
use crate::layout::{background, PAD};
use crate::scale::{dec, f, nice_domain, nice_step, Linear};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{ChartText, DataTable};
use fund_core::msg::chart::profit as m;
use fund_core::{format, Lang, Usd};

/// The profit-split model: cumulative cash by year and the year Japan is
/// made whole, if it is.
///
/// The static layer is only the background and the axis title; the marks
/// (axes, grid, lines, marker) follow the numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfitSplit {
    points: Vec<ProfitPoint>,
    made_whole_year: Option<u32>,
    text: ChartText,
    lang: Lang,
}

struct Frame {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    x: Linear,
    y: Linear,
    x_ticks: Vec<u32>,
    y_ticks: Vec<f64>,
}

impl ProfitSplit {
    /// Builds the model; points are drawn in year order whatever order they come in.
    pub fn new(
        points: Vec<ProfitPoint>,
        made_whole_year: Option<u32>,
        source_ids: Vec<String>,
        lang: Lang,
    ) -> Self {
        let mut points = points;
        fund_core::order::sort_small_by_key(&mut points, |p| p.year);
        let mut s = ProfitSplit {
            points,
            made_whole_year,
            text: ChartText::default(),
            lang,
        };
        s.text = ChartText {
            caption: m::caption(lang).to_string(),
            description: s.description(),
            source_ids,
        };
        s
    }

    /// The points, in year order.
    pub fn points(&self) -> &[ProfitPoint] {
        &self.points
    }

    /// The year Japan is made whole, if it is.
    pub fn made_whole_year(&self) -> Option<u32> {
        self.made_whole_year
    }

    fn description(&self) -> String {
        let lang = self.lang;
        let Some(last) = self.points.last() else {
            return match self.made_whole_year {
                Some(y) => m::empty_whole(lang, &year_label(y, lang)),
                None => m::empty(lang).to_string(),
            };
        };
        let mut s = m::description(
            lang,
            &year_label(last.year, lang),
            &format::usd(last.cum_japan, lang),
            &format::usd(last.cum_us, lang),
        );
        match self.made_whole_year {
            Some(y) => s.push_str(&m::made_whole(lang, &year_label(y, lang))),
            None => s.push_str(m::not_made_whole(lang)),
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    /// The year marker to draw: only when close enough to the data to share an axis.
    fn marker_year(&self) -> Option<u32> {
        let y = self.made_whole_year?;
        let (first, last) = (self.points.first()?.year, self.points.last()?.year);
        (y.saturating_add(100) >= first && y <= last.saturating_add(100)).then_some(y)
    }

    fn frame(&self, width: u32, height: u32) -> Frame {
        let b = |u: Usd| f(u.dollars()) / 1e9;
        let values = self
            .points
            .iter()
            .flat_map(|p| [b(p.cum_japan), b(p.cum_us)]);
        let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let top = 46.0;
        let bottom = f64::from(height) - 30.0;
        let count = ((bottom - top) / 50.0).clamp(2.0, 8.0) as usize;
        let (ylo, yhi, y_ticks) = nice_domain(lo, hi, count);
        let widest = y_ticks
            .iter()
            .map(|t| text_width(&y_label(*t, self.lang), SMALL))
            .fold(0.0, f64::max);
        let left = PAD + widest + 6.0;
        let right = f64::from(width)
            - PAD
            - text_width(m::japan(self.lang), BASE).max(text_width(m::us(self.lang), BASE))
            - 8.0;
        let mut years: Vec<u32> = self.points.iter().map(|p| p.year).collect();
        years.extend(self.marker_year());
        let (y0, y1) = match (years.iter().min(), years.iter().max()) {
            (Some(a), Some(b)) if b > a => (*a, *b),
            (Some(a), _) => (a.saturating_sub(1), a.saturating_add(1)),
            _ => (0, 1),
        };
        let step = nice_step(
            f64::from(y1 - y0),
            (((right - left) / 56.0) as usize).max(1),
        )
        .ceil()
        .max(1.0);
        let step = step.min(f64::from(u32::MAX)) as u32;
        let first = y0.div_ceil(step).saturating_mul(step);
        let x_ticks = (0..40u32)
            .map_while(|i| first.checked_add(i.checked_mul(step)?))
            .take_while(|t| *t <= y1)
            .collect();
        Frame {
            left,
            right,
            top,
            bottom,
            x: Linear::new((f64::from(y0), f64::from(y1)), (left, right)),
            y: Linear::new((ylo, yhi), (bottom, top)),
            x_ticks,
            y_ticks,
        }
    }
}

fn y_label(t: f64, lang: Lang) -> String {
    crate::layout::billions_tick(dec(t), lang)
}

impl Chart for ProfitSplit {
    fn kind(&self) -> &'static str {
        "profit_split"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: vec![
                m::col_year(self.lang).into(),
                m::col_japan(self.lang).into(),
                m::col_us(self.lang).into(),
            ],
            rows: self
                .points
                .iter()
                .map(|p| {
                    vec![
                        p.year.to_string(),
                        format::usd(p.cum_japan, self.lang),
                        format::usd(p.cum_us, self.lang),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, width: u32) -> u32 {
        (f64::from(width) * 0.62).clamp(260.0, 440.0).round() as u32
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        layer(width, height, |p| {
            background(p, width, height)?;
            p.text(
                m::axis(self.lang),
                (PAD, 12.0),
                Font::new(SMALL, Paint::Muted),
            )
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let fr = self.frame(width, height);
        layer(width, height, |p| {
            for t in &fr.y_ticks {
                let y = fr.y.map(*t);
                p.line(&[(fr.left, y), (fr.right, y)], Paint::Grid, 1)?;
                p.text(
                    &y_label(*t, self.lang),
                    (fr.left - 6.0, y),
                    Font::new(SMALL, Paint::Muted).anchor(Anchor::End),
                )?;
            }
            let zero = fr.y.map(0.0);
            p.line(&[(fr.left, zero), (fr.right, zero)], Paint::Axis, 1)?;
            for t in &fr.x_ticks {
                let x = fr.x.map(f64::from(*t));
                p.line(&[(x, fr.bottom), (x, fr.bottom + 4.0)], Paint::Axis, 1)?;
                p.text(
                    &t.to_string(),
                    (x, fr.bottom + 16.0),
                    Font::new(SMALL, Paint::Muted).anchor(Anchor::Middle),
                )?;
            }
            if self.points.is_empty() {
                return p.text(
                    m::empty_short(self.lang),
                    (fr.left + 8.0, (fr.top + fr.bottom) / 2.0),
                    Font::new(BASE, Paint::Muted),
                );
            }
            if let Some(year) = self.marker_year() {
                let x = fr.x.map(f64::from(year));
                p.dashed(&[(x, fr.top), (x, fr.bottom)], Paint::Text, 2, 5, 4)?;
                let label = m::marker(self.lang, &year_label(year, self.lang));
                // Above the plot, beside the line's top end, kept inside the chart.
                let half = text_width(&label, SMALL) / 2.0;
                let at = x.clamp(PAD + half, f64::from(width) - PAD - half);
                p.text(
                    &label,
                    (at, fr.top - 12.0),
                    Font::new(SMALL, Paint::Text).anchor(Anchor::Middle),
                )?;
            }
            let b = |u: Usd| f(u.dollars()) / 1e9;
            let japan: Vec<(f64, f64)> = self
                .points
                .iter()
                .map(|q| (fr.x.map(f64::from(q.year)), fr.y.map(b(q.cum_japan))))
                .collect();
            let us: Vec<(f64, f64)> = self
                .points
                .iter()
                .map(|q| (fr.x.map(f64::from(q.year)), fr.y.map(b(q.cum_us))))
                .collect();
            let (cj, cu) = (Paint::series(0), Paint::series(1));
            p.line(&japan, cj, 3)?;
            p.dashed(&us, cu, 3, 8, 5)?;
            if self.points.len() <= 40 {
                for pt in &japan {
                    p.circle(*pt, 3.5, cj, true, 1)?;
                }
                for pt in &us {
                    p.circle(*pt, 3.5, cu, true, 1)?;
                }
            }
            // Direct labels at the line ends, pushed apart if they would collide.
            if let (Some(j), Some(u)) = (japan.last(), us.last()) {
                let (mut yj, mut yu) = (j.1, u.1);
                if (yj - yu).abs() < 16.0 {
                    let m = (yj + yu) / 2.0;
                    let (up, down) = if yj <= yu {
                        (&mut yj, &mut yu)
                    } else {
                        (&mut yu, &mut yj)
                    };
                    *up = m - 8.0;
                    *down = m + 8.0;
                }
                p.text(
                    m::japan(self.lang),
                    (j.0 + 6.0, yj),
                    Font::new(BASE, Paint::Text).bold(),
                )?;
                p.text(
                    m::us(self.lang),
                    (u.0 + 6.0, yu),
                    Font::new(BASE, Paint::Text).bold(),
                )?;
            }
            Ok(())
        })
    }
}

/// A year as words: `"year 24"` for a project year (counted from 1), `"2031"` for a calendar year.
fn year_label(year: u32, lang: Lang) -> String {
    if year < 1000 {
        m::project_year(lang, &year.to_string())
    } else {
        m::calendar_year(lang, &year.to_string())
    }
}
