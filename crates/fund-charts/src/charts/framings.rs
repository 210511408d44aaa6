//! Framings: two framings' allocations side by side, as two 100% bars.

use crate::draw::{fit, layer, text_width, wrap, Anchor, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::BucketFigure;
use crate::layout::{background, PAD};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{ChartText, DataTable};
use fund_core::msg::chart::framings as m;
use fund_core::{format, Lang, Share};

/// One framing: its name and its buckets.
pub type Framing = (String, Vec<BucketFigure>);

/// The framings model: two framings, compared bucket by bucket (matched by id).
///
/// The static layer reads the names, bucket labels and colours; the marks
/// read the shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framings {
    framings: [Framing; 2],
    short_names: [String; 2],
    text: ChartText,
    lang: Lang,
}

/// One line of the legend: a bucket and its share in each framing, if present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendRow {
    /// Bucket id.
    pub id: String,
    /// Bucket label.
    pub label: String,
    /// Short label.
    pub short_label: String,
    /// Palette index.
    pub colour: usize,
    /// The bucket in the first and second framing.
    pub figures: [Option<BucketFigure>; 2],
}

const BLOCK_H: f64 = 62.0;
const LEGEND_ROW: f64 = 24.0;

impl Framings {
    /// Builds the model, with its words in `lang`.
    pub fn new(first: Framing, second: Framing, source_ids: Vec<String>, lang: Lang) -> Self {
        let mut f = Framings {
            framings: [first, second],
            short_names: [String::new(), String::new()],
            text: ChartText::default(),
            lang,
        };
        f.text = ChartText {
            caption: m::caption(lang, &f.framings[0].0, &f.framings[1].0),
            description: f.description(),
            source_ids,
        };
        f
    }

    /// Gives the framings short names ("Article", "As signed") for column headings too narrow
    /// for the full names: a heading never cuts or splits a word.
    pub fn with_short_names(mut self, first: String, second: String) -> Self {
        self.short_names = [first, second];
        self
    }

    /// The two framings.
    pub fn framings(&self) -> &[Framing; 2] {
        &self.framings
    }

    /// Every bucket of either framing, first framing's order first.
    pub fn legend(&self) -> Vec<LegendRow> {
        let mut rows: Vec<LegendRow> = Vec::new();
        for (k, (_, buckets)) in self.framings.iter().enumerate() {
            for b in buckets {
                match rows.iter_mut().find(|r| r.id == b.id) {
                    Some(r) => {
                        if r.figures[k].is_none() {
                            r.figures[k] = Some(b.clone());
                        }
                    }
                    None => {
                        let mut figures = [None, None];
                        figures[k] = Some(b.clone());
                        rows.push(LegendRow {
                            id: b.id.clone(),
                            label: b.label.clone(),
                            short_label: b.short_label.clone(),
                            colour: b.colour,
                            figures,
                        });
                    }
                }
            }
        }
        rows
    }

    fn description(&self) -> String {
        let largest = |k: usize| {
            self.framings[k]
                .1
                .iter()
                .reduce(|a, b| if b.share > a.share { b } else { a })
        };
        let lang = self.lang;
        let (n0, n1) = (&self.framings[0].0, &self.framings[1].0);
        let mut parts = Vec::new();
        for (k, name) in [n0, n1].into_iter().enumerate() {
            if let Some(b) = largest(k) {
                parts.push(m::largest(
                    lang,
                    name,
                    // A share no source gives (no range: our split of the rest) says so.
                    &match b.range {
                        Some(_) => format::share(b.share),
                        None => m::share_assumed(lang, &format::share(b.share)),
                    },
                    &crate::table::mid_sentence(&b.label, lang),
                ));
            } else {
                parts.push(m::no_buckets(lang, name));
            }
        }
        let mut s = parts.join(m::and(lang));
        let gap = self
            .legend()
            .into_iter()
            .map(|r| {
                let s0 = r.figures[0]
                    .as_ref()
                    .map(|b| b.share)
                    .unwrap_or(Share::ZERO);
                let s1 = r.figures[1]
                    .as_ref()
                    .map(|b| b.share)
                    .unwrap_or(Share::ZERO);
                ((s0.percent() - s1.percent()).abs(), r.label, s0, s1)
            })
            .reduce(|a, b| if b.0 > a.0 { b } else { a });
        if let Some((d, label, s0, s1)) = gap {
            if !d.is_zero() {
                s.push_str(&m::difference(
                    lang,
                    &label,
                    &format::share(s0),
                    &format::share(s1),
                ));
            }
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    fn column_width(width: u32) -> f64 {
        (f64::from(width) * 0.22).clamp(72.0, 160.0)
    }

    fn legend_top(&self) -> f64 {
        8.0 + 2.0 * BLOCK_H + 6.0
    }

    /// Column headings: each framing's name in at most two lines (one for Japanese, which
    /// would otherwise break mid-word), else both short names, never a word cut or split.
    fn headers(&self, width: u32) -> [Vec<String>; 2] {
        let col = Self::column_width(width) - 8.0;
        let whole = |name: &str| -> Option<Vec<String>> {
            let lines = wrap(name, SMALL, col);
            let max_lines = if name.chars().any(crate::draw::is_wide) {
                1
            } else {
                2
            };
            (!lines.is_empty()
                && lines.len() <= max_lines
                && lines.iter().all(|l| text_width(l, SMALL) <= col))
            .then_some(lines)
        };
        let cut = |name: &str| -> Vec<String> {
            let mut lines = wrap(name, SMALL, col);
            lines.truncate(2);
            lines.into_iter().map(|l| fit(&l, SMALL, col)).collect()
        };
        let [a, b] = [&self.framings[0].0, &self.framings[1].0];
        if let (Some(x), Some(y)) = (whole(a), whole(b)) {
            return [x, y];
        }
        let [sa, sb] = &self.short_names;
        if !sa.trim().is_empty() && !sb.trim().is_empty() {
            return [
                whole(sa).unwrap_or_else(|| cut(sa)),
                whole(sb).unwrap_or_else(|| cut(sb)),
            ];
        }
        [
            whole(a).unwrap_or_else(|| cut(a)),
            whole(b).unwrap_or_else(|| cut(b)),
        ]
    }

    fn header_height(&self, width: u32) -> f64 {
        let lines = self
            .headers(width)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1);
        8.0 + lines as f64 * 15.0
    }
}

impl Chart for Framings {
    fn kind(&self) -> &'static str {
        "framings"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        let lang = self.lang;
        let (n0, n1) = (&self.framings[0].0, &self.framings[1].0);
        let cell = |b: &Option<BucketFigure>, f: &dyn Fn(&BucketFigure) -> String| {
            b.as_ref()
                .map(f)
                .unwrap_or_else(|| m::not_in(lang).to_string())
        };
        DataTable {
            columns: vec![
                fund_core::msg::chart::col_bucket(lang).into(),
                m::col_share(lang, n0),
                m::col_amount(lang, n0),
                m::col_share(lang, n1),
                m::col_amount(lang, n1),
            ],
            rows: self
                .legend()
                .into_iter()
                .map(|r| {
                    vec![
                        r.label.clone(),
                        cell(&r.figures[0], &|b| format::share(b.share)),
                        cell(&r.figures[0], &|b| format::usd_exact(b.amount, lang)),
                        cell(&r.figures[1], &|b| format::share(b.share)),
                        cell(&r.figures[1], &|b| format::usd_exact(b.amount, lang)),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, width: u32) -> u32 {
        let rows = self.legend().len() as f64;
        (self.legend_top() + self.header_height(width) + rows * LEGEND_ROW + PAD).ceil() as u32
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let w = f64::from(width);
        let col = Self::column_width(width);
        layer(width, height, |p| {
            background(p, width, height)?;
            for (k, (name, _)) in self.framings.iter().enumerate() {
                let y = 8.0 + k as f64 * BLOCK_H;
                p.text(
                    &fit(name, BASE, w - 2.0 * PAD),
                    (PAD, y + 9.0),
                    Font::new(BASE, Paint::Text).bold(),
                )?;
                p.stroke_rect((PAD, y + 20.0), (w - PAD, y + 50.0), Paint::Axis, 1)?;
            }
            let top = self.legend_top();
            let head = self.header_height(width);
            for (k, lines) in self.headers(width).iter().enumerate() {
                let x = w - PAD - (1 - k) as f64 * col;
                for (j, line) in lines.iter().enumerate() {
                    let y = top + 9.0 + j as f64 * 15.0;
                    p.text(
                        line,
                        (x, y),
                        Font::new(SMALL, Paint::Muted).anchor(Anchor::End),
                    )?;
                }
            }
            let room = w - 2.0 * PAD - 22.0 - 2.0 * col;
            for (i, r) in self.legend().iter().enumerate() {
                let y = top + head + i as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                p.fill_rect(
                    (PAD, y - 7.0),
                    (PAD + 14.0, y + 7.0),
                    Paint::series(r.colour),
                )?;
                let label = if text_width(&r.label, BASE) <= room {
                    &r.label
                } else {
                    &r.short_label
                };
                p.text(
                    &fit(label, BASE, room),
                    (PAD + 22.0, y),
                    Font::new(BASE, Paint::Text),
                )?;
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let w = f64::from(width);
        let col = Self::column_width(width);
        let span = w - 2.0 * PAD;
        layer(width, height, |p| {
            for (k, (_, buckets)) in self.framings.iter().enumerate() {
                let y = 8.0 + k as f64 * BLOCK_H;
                let sum: f64 = buckets
                    .iter()
                    .map(|b| crate::scale::f(b.share.percent()))
                    .sum();
                let denominator = sum.max(100.0);
                let mut x = PAD;
                let mut edges = Vec::new();
                for b in buckets {
                    let part = crate::scale::f(b.share.percent()) / denominator * span;
                    if part <= 0.0 {
                        continue;
                    }
                    let end = (x + part).min(w - PAD);
                    p.fill_rect((x, y + 20.0), (end, y + 50.0), Paint::series(b.colour))?;
                    edges.push(end);
                    x = end;
                }
                edges.pop();
                for e in edges {
                    p.line(&[(e, y + 20.0), (e, y + 50.0)], Paint::Background, 2)?;
                }
            }
            let top = self.legend_top();
            let head = self.header_height(width);
            for (i, r) in self.legend().iter().enumerate() {
                let y = top + head + i as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                for (k, fig) in r.figures.iter().enumerate() {
                    let x = w - PAD - (1 - k) as f64 * col;
                    let value = fig
                        .as_ref()
                        .map(|b| format::share(b.share))
                        .unwrap_or_else(|| "—".to_string());
                    p.text(
                        &value,
                        (x, y),
                        Font::new(BASE, Paint::Text).anchor(Anchor::End),
                    )?;
                }
            }
            Ok(())
        })
    }
}
