//! The deal tracker: money selected for projects over time against the ceiling and the deadline,
//! confirmed amounts solid, reported ones hatched, with the pace needed to reach the ceiling.

use crate::draw::{layer, text_width, wrap, Anchor, Font, Painter, BASE, SMALL};
use crate::error::ChartError;
use crate::layout::{background, hatched_bar, PAD};
use crate::scale::{dec, f, nice_domain, Linear};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{ChartText, DataTable};
use fund_core::format;
use fund_core::msg::chart::tracker as m;
use fund_core::tracker::{words, Day, Status, Tracker as Figures};
use fund_core::{Lang, Usd};

/// What the hatched area holds, in `lang`: candidates, second-hand reports, or both (with
/// neither, the reported label, as before any candidate was drawn).
fn hatched_label(statuses: &[Status], lang: Lang) -> &'static str {
    match statuses {
        [Status::Candidate] => Status::Candidate.label(lang),
        [] | [Status::Reported] => Status::Reported.label(lang),
        _ => words::legend_unconfirmed(lang),
    }
}

/// The tracker model: the core's tracker figures.
///
/// The static layer (background, legend, axis title) reads only the layout width and theme;
/// the marks (axes, ceiling, deadline, areas, pace) read the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracker {
    figures: Figures,
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
    y_ticks: Vec<f64>,
}

fn b(u: Usd) -> f64 {
    f(u.dollars()) / 1e9
}

fn day_x(d: Day) -> f64 {
    d.ordinal() as f64
}

impl Tracker {
    /// The legend's labels: the solid area, the hatched area (what it holds: candidates or
    /// reports, never confirmed), the dashed pace line.
    pub fn legend_labels(&self) -> [&'static str; 3] {
        [
            m::legend_confirmed(self.lang),
            hatched_label(&self.figures.unconfirmed_statuses(), self.lang),
            m::legend_pace(self.lang),
        ]
    }

    /// Builds the model, with its words in `lang`.
    pub fn new(figures: Figures, source_ids: Vec<String>, lang: Lang) -> Self {
        let i = figures.inputs();
        let caption = m::caption(
            lang,
            &format::usd(i.ceiling(), lang),
            &format::month(i.deadline().year(), i.deadline().month(), lang),
        );
        let mut t = Tracker {
            figures,
            text: ChartText::default(),
            lang,
        };
        t.text = ChartText {
            caption,
            description: t.description(),
            source_ids,
        };
        t
    }

    /// The figures.
    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    fn description(&self) -> String {
        let lang = self.lang;
        let t = &self.figures;
        let i = t.inputs();
        let mut s = m::description(
            lang,
            &i.as_of().format(lang),
            &format::usd(t.confirmed(), lang),
            &format::usd(i.ceiling(), lang),
            &format::percent(t.confirmed_percent().round_dp(1)),
        );
        if t.candidates() > Usd::ZERO {
            s.push_str(&words::candidates(
                lang,
                &format::usd(t.candidates(), lang),
                &format::usd(t.confirmed() + t.reported(), lang),
                &format::percent(t.all_percent().round_dp(1)),
            ));
        }
        if t.reported_only() > Usd::ZERO {
            s.push_str(&m::reported(lang, &format::usd(t.reported_only(), lang)));
        }
        match t.needed() {
            Some(p) => {
                s.push_str(&m::needed(
                    lang,
                    &i.deadline().format(lang),
                    &format::usd(p.per_year, lang),
                    &format::usd(p.per_month, lang),
                ));
                if let Some(so_far) = t.so_far() {
                    s.push_str(&m::so_far(
                        lang,
                        &format::usd(so_far.per_year, lang),
                        &i.start().format(lang),
                    ));
                }
            }
            None => s.push_str(&m::passed(lang, &i.deadline().format(lang))),
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    fn legend_rows(width: u32) -> usize {
        if width >= 700 {
            1
        } else {
            3
        }
    }

    fn legend_height(width: u32) -> f64 {
        Self::legend_rows(width) as f64 * 20.0 + 6.0
    }

    fn frame(&self, width: u32, height: u32) -> Frame {
        let t = &self.figures;
        let i = t.inputs();
        let hi = t
            .points()
            .iter()
            .map(|p| b(p.cumulative_all))
            .fold(b(i.ceiling()), f64::max);
        let top = Self::legend_height(width) + 40.0;
        let bottom = f64::from(height) - 30.0;
        let count = ((bottom - top) / 50.0).clamp(2.0, 8.0) as usize;
        let (ylo, yhi, y_ticks) = nice_domain(0.0, hi, count);
        let widest = y_ticks
            .iter()
            .map(|v| text_width(&y_label(*v, self.lang), SMALL))
            .fold(0.0, f64::max);
        let left = PAD + widest + 6.0;
        let right = f64::from(width) - PAD - 4.0;
        let (x0, x1) = (day_x(i.start()), day_x(i.deadline()).max(day_x(i.as_of())));
        let margin = (x1 - x0).abs() * 0.02;
        Frame {
            left,
            right,
            top,
            bottom,
            x: Linear::new((x0, x1 + margin), (left, right)),
            y: Linear::new((ylo, yhi), (bottom, top)),
            y_ticks,
        }
    }

    fn legend(&self, p: &Painter<'_>, width: u32) -> Result<(), ChartError> {
        let items = self.legend_labels();
        let one_row = Self::legend_rows(width) == 1;
        let mut x = PAD;
        for (k, label) in items.iter().enumerate() {
            let y = if one_row {
                30.0
            } else {
                30.0 + k as f64 * 20.0
            };
            if !one_row {
                x = PAD;
            }
            match k {
                0 => p.fill_rect((x, y - 6.0), (x + 18.0, y + 6.0), Paint::series(0))?,
                1 => hatched_bar(p, (x, y - 6.0), (x + 18.0, y + 6.0), Paint::series(1))?,
                _ => p.dashed(&[(x, y), (x + 18.0, y)], Paint::Text, 2, 5, 3)?,
            }
            p.text(label, (x + 24.0, y), Font::new(SMALL, Paint::Text))?;
            x += 24.0 + text_width(label, SMALL) + 18.0;
        }
        Ok(())
    }
}

fn y_label(v: f64, lang: Lang) -> String {
    crate::layout::billions_tick(dec(v), lang)
}

impl Chart for Tracker {
    fn kind(&self) -> &'static str {
        "tracker"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        let t = &self.figures;
        let i = t.inputs();
        let lang = self.lang;
        let usd = |u: Usd| format::usd(u, lang);
        let status = |s: Status| s.label(lang);
        let mut rows: Vec<Vec<String>> = t
            .points()
            .iter()
            .map(|p| {
                vec![
                    p.selection.date.format(lang),
                    p.selection.label.clone(),
                    usd(p.selection.amount),
                    status(p.selection.status).to_string(),
                    usd(p.cumulative_confirmed),
                    usd(p.cumulative_all),
                ]
            })
            .collect();
        let estimate = m::estimate(lang).to_string();
        rows.push(vec![
            i.as_of().format(lang),
            m::row_left(lang).into(),
            usd(t.remaining()),
            estimate.clone(),
            usd(t.confirmed()),
            usd(t.confirmed() + t.reported()),
        ]);
        if let Some(p) = t.needed() {
            rows.push(vec![
                m::period(lang, &i.as_of().format(lang), &i.deadline().format(lang)),
                m::row_needed(lang).into(),
                m::per_year_month(lang, &usd(p.per_year), &usd(p.per_month)),
                estimate.clone(),
                "—".into(),
                "—".into(),
            ]);
        }
        if let Some(p) = t.so_far() {
            rows.push(vec![
                m::period(lang, &i.start().format(lang), &i.as_of().format(lang)),
                m::row_so_far(lang).into(),
                m::per_year(lang, &usd(p.per_year)),
                estimate,
                "—".into(),
                "—".into(),
            ]);
        }
        DataTable {
            columns: vec![
                m::col_date(lang).into(),
                m::col_project(lang).into(),
                fund_core::msg::chart::col_amount(lang).into(),
                m::col_status(lang).into(),
                m::col_confirmed(lang).into(),
                if t.candidates() > Usd::ZERO {
                    words::col_including(lang).into()
                } else {
                    m::col_including(lang).into()
                },
            ],
            rows,
        }
    }

    fn height(&self, width: u32) -> u32 {
        ((f64::from(width) * 0.55).clamp(240.0, 400.0) + Self::legend_height(width)).round() as u32
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        layer(width, height, |p| {
            background(p, width, height)?;
            p.text(
                words::axis(self.lang),
                (PAD, 10.0),
                Font::new(SMALL, Paint::Muted),
            )?;
            self.legend(p, width)
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let fr = self.frame(width, height);
        let t = &self.figures;
        let i = t.inputs();
        layer(width, height, |p| {
            for v in &fr.y_ticks {
                let y = fr.y.map(*v);
                p.line(&[(fr.left, y), (fr.right, y)], Paint::Grid, 1)?;
                p.text(
                    &y_label(*v, self.lang),
                    (fr.left - 6.0, y),
                    Font::new(SMALL, Paint::Muted).anchor(Anchor::End),
                )?;
            }
            p.line(
                &[(fr.left, fr.bottom), (fr.right, fr.bottom)],
                Paint::Axis,
                1,
            )?;
            // Year ticks on 1 January, thinned so their labels never overlap.
            let years: Vec<(i32, f64)> = (i.start().year() + 1..=i.deadline().year())
                .filter_map(|y| Some((y, fr.x.map(day_x(Day::new(y, 1, 1)?)))))
                .collect();
            let spacing = years.windows(2).map(|w| w[1].1 - w[0].1).next();
            let every = spacing
                .filter(|s| *s > 0.0)
                .map(|s| ((text_width("2028", SMALL) + 10.0) / s).ceil().max(1.0) as usize)
                .unwrap_or(1);
            for (k, (y, x)) in years.iter().enumerate() {
                p.line(&[(*x, fr.bottom), (*x, fr.bottom + 4.0)], Paint::Axis, 1)?;
                if k % every == 0 {
                    p.text(
                        &y.to_string(),
                        (*x, fr.bottom + 16.0),
                        Font::new(SMALL, Paint::Muted).anchor(Anchor::Middle),
                    )?;
                }
            }
            // The ceiling, with its label above the line at the left.
            let yc = fr.y.map(b(i.ceiling()));
            p.dashed(&[(fr.left, yc), (fr.right, yc)], Paint::Axis, 2, 6, 4)?;
            p.text(
                &m::ceiling(self.lang, &format::usd(i.ceiling(), self.lang)),
                (fr.left + 4.0, yc - 10.0),
                Font::new(SMALL, Paint::Text).bold(),
            )?;
            // The deadline, labelled at the foot of the line, to its left.
            let xd = fr.x.map(day_x(i.deadline()));
            p.line(&[(xd, fr.top - 8.0), (xd, fr.bottom)], Paint::Text, 2)?;
            let deadline = m::deadline(self.lang, &i.deadline().format(self.lang));
            let deadline_short = m::deadline(
                self.lang,
                &m::year(self.lang, &i.deadline().year().to_string()),
            );
            let label = if text_width(&deadline, SMALL) < (xd - fr.left) * 0.6 {
                deadline
            } else {
                deadline_short
            };
            p.text(
                &label,
                (xd - 4.0, fr.bottom - 10.0),
                Font::new(SMALL, Paint::Text).anchor(Anchor::End),
            )?;
            // Confirmed money solid, reported money hatched on top, as steps to the as-of date.
            let pts = t.points();
            for (k, pt) in pts.iter().enumerate() {
                let x0 = fr.x.map(day_x(pt.selection.date));
                let next = pts
                    .get(k + 1)
                    .map(|n| n.selection.date)
                    .unwrap_or(i.as_of());
                let x1 = fr.x.map(day_x(next)).max(x0 + 2.0);
                let (yc0, yc1) = (fr.bottom, fr.y.map(b(pt.cumulative_confirmed)));
                if pt.cumulative_confirmed > Usd::ZERO {
                    p.fill_rect((x0, yc0), (x1, yc1), Paint::series(0))?;
                }
                if pt.cumulative_all > pt.cumulative_confirmed {
                    let ya = fr.y.map(b(pt.cumulative_all));
                    hatched_bar(p, (x0, yc1), (x1, ya), Paint::series(1))?;
                }
            }
            // The as-of date.
            let xa = fr.x.map(day_x(i.as_of()));
            p.dashed(&[(xa, fr.top), (xa, fr.bottom)], Paint::Muted, 1, 2, 3)?;
            // The pace needed from the as-of date to the ceiling at the deadline, labelled left
            // of (above) the pace line and always right of the dotted as-of line; on one line if
            // it fits there, else on two, each line ending where the pace line passes its height.
            if let Some(pace) = t.needed() {
                let y0 = fr.y.map(b(t.confirmed()));
                p.dashed(&[(xa, y0), (xd, yc)], Paint::Text, 2, 5, 3)?;
                let text = m::needed_label(self.lang, &format::usd(pace.per_year, self.lang));
                let span = (xd - xa).max(1.0);
                let full = text_width(&text, SMALL);
                let lines = if full + 16.0 <= span * 0.95 {
                    vec![text]
                } else {
                    wrap(&text, SMALL, full * 0.6)
                };
                let widest = lines
                    .iter()
                    .map(|l| text_width(l, SMALL))
                    .fold(0.0, f64::max);
                let at = ((widest + 16.0) / span).clamp(0.5, 0.95);
                let ly = y0 + at * (yc - y0);
                let n = lines.len();
                for (k, line) in lines.iter().enumerate() {
                    let y = ly - 14.0 * (n - 1 - k) as f64;
                    // Where the pace line runs 7 px below this line's centre.
                    let along = if (yc - y0).abs() > f64::EPSILON {
                        ((y + 7.0 - y0) / (yc - y0)).clamp(at, 1.0)
                    } else {
                        at
                    };
                    let right = (xa + along * span - 10.0).max(xa + 6.0 + text_width(line, SMALL));
                    p.text(
                        line,
                        (right, y),
                        Font::new(SMALL, Paint::Text).anchor(Anchor::End),
                    )?;
                }
            }
            // The amounts, left of the as-of line above the areas: the confirmed total (bold) over
            // the hatched amount, each on one line where it fits and on two where it does not.
            let top_of_areas = t
                .points()
                .last()
                .map(|p| fr.y.map(b(p.cumulative_all)))
                .unwrap_or(fr.bottom);
            let room = xa - 4.0 - (fr.left + 2.0);
            let mut labels: Vec<(String, bool)> = Vec::new();
            if t.reported() > Usd::ZERO {
                let amount = format::usd(t.reported(), self.lang);
                let text = if t.reported_only() > Usd::ZERO {
                    words::reported_label(self.lang, &amount)
                } else {
                    words::candidate_label(self.lang, &amount)
                };
                labels.push((text, false));
            }
            labels.push((
                m::total_label(self.lang, &format::usd(t.confirmed(), self.lang)),
                true,
            ));
            let mut y = (top_of_areas - 12.0).min(fr.bottom - 12.0);
            // Past the plot's left edge only where no tick label is beside the line.
            let wide_room = xa - 4.0 - PAD;
            let clear_of_ticks =
                |y: f64| fr.y_ticks.iter().all(|v| (fr.y.map(*v) - y).abs() > 12.0);
            for (text, bold) in labels {
                let px = if text_width(&text, BASE) <= room {
                    BASE
                } else {
                    SMALL
                };
                // Wider than the plot's edge allows: one line a little higher, clear of the tick
                // labels, if there is such a place; else wrapped.
                let clear = (0..16)
                    .map(|k| y - 2.0 * f64::from(k))
                    .find(|yy| clear_of_ticks(*yy) && *yy - 14.0 > yc);
                let lines = if text_width(&text, px) <= room {
                    vec![text]
                } else if let Some(yy) = clear.filter(|_| text_width(&text, px) <= wide_room) {
                    y = yy;
                    vec![text]
                } else {
                    wrap(&text, px, room)
                };
                if lines.iter().any(|l| text_width(l, px) > wide_room)
                    || y - 14.0 * lines.len() as f64 <= yc
                {
                    continue;
                }
                for line in lines.iter().rev() {
                    let font = Font::new(px, Paint::Text).anchor(Anchor::End);
                    let font = if bold { font.bold() } else { font };
                    p.text(line, (xa - 4.0, y), font)?;
                    y -= px + 2.0;
                }
                y -= 4.0;
            }
            Ok(())
        })
    }
}
