//! Allocation: one horizontal bar per bucket, with the article's range as a
//! bracket under the bar where the article gives one.

use crate::draw::{layer, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::BucketFigure;
use crate::layout::{
    axis_title, background, bar_bands, empty_message, first_fitting, pick_label, plot_x, row,
    rows_height, x_grid, ROW_H, TOP,
};
use crate::scale::{dec, f, nice_domain, Linear};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{ChartText, DataTable};
use fund_core::msg::chart::allocation as m;
use fund_core::{format, Lang, Share, ShareRange, Usd};

/// How a bucket's share sits against the article's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeStatus {
    /// The article gives no range for this bucket.
    NotGiven,
    /// The share is within the article's range (ends included).
    Within,
    /// The share is outside the article's range.
    Outside,
}

impl RangeStatus {
    /// Where `share` sits against `range`.
    pub fn of(share: Share, range: Option<ShareRange>) -> Self {
        match range {
            None => RangeStatus::NotGiven,
            Some(r) if r.contains(share) => RangeStatus::Within,
            Some(_) => RangeStatus::Outside,
        }
    }
}

/// The allocation model: the total and the buckets in order.
///
/// The static layer reads the total, the labels and the ranges (the
/// framing); the marks read the amounts and shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    total: Usd,
    buckets: Vec<BucketFigure>,
    text: ChartText,
    lang: Lang,
}

/// Dollars at a share of a total; `None` if the multiplication overflows.
fn dollars_at(total: Usd, share: Share) -> Option<Usd> {
    total.dollars().checked_mul(share.fraction()).map(Usd::new)
}

fn range_text(r: ShareRange, lang: Lang) -> String {
    format::percent_range(r.low().percent(), r.high().percent(), lang)
}

impl Allocation {
    /// Builds the model, with its words in `lang`.
    pub fn new(
        total: Usd,
        buckets: Vec<BucketFigure>,
        source_ids: Vec<String>,
        lang: Lang,
    ) -> Self {
        let mut a = Allocation {
            total,
            buckets,
            text: ChartText::default(),
            lang,
        };
        a.text = ChartText {
            caption: m::caption(lang, &format::usd(total, lang)),
            description: a.description(),
            source_ids,
        };
        a
    }

    /// The buckets.
    pub fn buckets(&self) -> &[BucketFigure] {
        &self.buckets
    }

    /// Each bucket's standing against the article's range, in bucket order.
    pub fn range_status(&self) -> Vec<RangeStatus> {
        self.buckets
            .iter()
            .map(|b| RangeStatus::of(b.share, b.range))
            .collect()
    }

    /// The article's range for bucket `i` in dollars of the total, if given.
    pub fn range_dollars(&self, i: usize) -> Option<(Usd, Usd)> {
        let r = self.buckets.get(i)?.range?;
        Some((
            dollars_at(self.total, r.low())?,
            dollars_at(self.total, r.high())?,
        ))
    }

    fn description(&self) -> String {
        let lang = self.lang;
        let total = format::usd(self.total, lang);
        let Some(largest) = self
            .buckets
            .iter()
            .reduce(|a, b| if b.amount > a.amount { b } else { a })
        else {
            return m::empty_description(lang, &total);
        };
        // A share no source gives (no range: our split of the rest) says so in the sentence too,
        // since the description travels alone as a page's summary and social text.
        let share_text = |b: &BucketFigure| match b.range {
            Some(_) => format::share(b.share),
            None => fund_core::msg::chart::assumed(lang, &format::share(b.share)),
        };
        let mut s = m::largest(
            lang,
            &largest.label,
            &format::usd(largest.amount, lang),
            &share_text(largest),
            &total,
        );
        if self.buckets.len() > 1 {
            let smallest = self
                .buckets
                .iter()
                .filter(|b| !std::ptr::eq(*b, largest))
                .reduce(|a, b| if b.amount < a.amount { b } else { a });
            if let Some(sm) = smallest {
                s.push_str(&m::smallest(
                    lang,
                    &sm.label,
                    &format::usd(sm.amount, lang),
                    &share_text(sm),
                ));
            }
        }
        let outside: Vec<String> = self
            .buckets
            .iter()
            .filter_map(|b| match (RangeStatus::of(b.share, b.range), b.range) {
                (RangeStatus::Outside, Some(r)) => Some(m::outside_item(
                    lang,
                    &b.label,
                    &format::share(b.share),
                    &range_text(r, lang),
                )),
                _ => None,
            })
            .collect();
        if !outside.is_empty() {
            s.push_str(&m::outside(lang, &crate::table::join_and(&outside, lang)));
        }
        s.push_str(fund_core::msg::chart::end(lang));
        s
    }

    fn scale(&self, width: u32) -> (Linear, Vec<f64>) {
        let billions = |u: Usd| f(u.dollars()) / 1e9;
        let mut max = billions(self.total);
        for (i, b) in self.buckets.iter().enumerate() {
            max = max.max(billions(b.amount));
            if let Some((_, hi)) = self.range_dollars(i) {
                max = max.max(billions(hi));
            }
        }
        let (x0, x1) = plot_x(width);
        let count = ((x1 - x0) / 70.0).clamp(2.0, 8.0) as usize;
        let (lo, hi, ticks) = nice_domain(0.0, max, count);
        (Linear::new((lo, hi), (x0, x1)), ticks)
    }

    fn plot_bottom(&self) -> f64 {
        TOP + self.buckets.len().max(1) as f64 * ROW_H
    }
}

impl Chart for Allocation {
    fn kind(&self) -> &'static str {
        "allocation"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: vec![
                fund_core::msg::chart::col_bucket(self.lang).into(),
                fund_core::msg::chart::col_amount(self.lang).into(),
                fund_core::msg::chart::col_share(self.lang).into(),
                m::col_range(self.lang).into(),
                m::col_against(self.lang).into(),
            ],
            rows: self
                .buckets
                .iter()
                .map(|b| {
                    let amount = format::usd(b.amount, self.lang);
                    let lang = self.lang;
                    let ranged =
                        |r: Option<ShareRange>| r.map(|r| range_text(r, lang)).unwrap_or_default();
                    let (range, status) = match RangeStatus::of(b.share, b.range) {
                        RangeStatus::NotGiven => {
                            (m::range_not_given(lang).to_string(), "—".to_string())
                        }
                        RangeStatus::Within => (ranged(b.range), m::within(lang).to_string()),
                        RangeStatus::Outside => {
                            (ranged(b.range), m::outside_short(lang).to_string())
                        }
                    };
                    vec![
                        b.label.clone(),
                        amount,
                        format::share(b.share),
                        range,
                        status,
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, _width: u32) -> u32 {
        rows_height(self.buckets.len(), 0.0)
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (scale, ticks) = self.scale(width);
        let (x0, x1) = plot_x(width);
        let bottom = self.plot_bottom();
        layer(width, height, |p| {
            background(p, width, height)?;
            let labelled: Vec<(f64, String)> = ticks
                .iter()
                .map(|t| (*t, crate::layout::billions_tick(dec(*t), self.lang)))
                .collect();
            x_grid(
                p,
                &scale,
                &labelled,
                &bar_bands(self.buckets.len()),
                bottom,
                width,
            )?;
            p.line(&[(x0, bottom), (x1, bottom)], Paint::Axis, 1)?;
            axis_title(
                p,
                fund_core::msg::chart::axis_billions(self.lang),
                width,
                bottom,
            )?;
            for (i, b) in self.buckets.iter().enumerate() {
                let r = row(i);
                p.text(
                    &pick_label(&b.label, &b.short_label, BASE, x1 - x0),
                    (x0, r.label_y),
                    Font::new(BASE, Paint::Text),
                )?;
                if let Some((lo, hi)) = self.range_dollars(i) {
                    let (lx, hx) = (
                        scale.map(f(lo.dollars()) / 1e9),
                        scale.map(f(hi.dollars()) / 1e9),
                    );
                    let y = r.bar_bottom + 5.0;
                    p.line(
                        &[
                            (lx, r.bar_bottom + 1.0),
                            (lx, y),
                            (hx, y),
                            (hx, r.bar_bottom + 1.0),
                        ],
                        Paint::Text,
                        2,
                    )?;
                }
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let width = options.layout_width();
        let height = self.height(width);
        let (scale, _) = self.scale(width);
        let (x0, x1) = plot_x(width);
        layer(width, height, |p| {
            if self.buckets.is_empty() {
                return empty_message(p, m::empty(self.lang));
            }
            for (i, b) in self.buckets.iter().enumerate() {
                let r = row(i);
                let end = scale.map(f(b.amount.dollars()) / 1e9).max(x0);
                p.fill_rect(
                    (x0, r.bar_top),
                    (end, r.bar_bottom),
                    Paint::series(b.colour),
                )?;
                let lang = self.lang;
                let amount = format::usd(b.amount, lang);
                let share = format::share(b.share);
                let plain = m::mark_plain(lang, &amount, &share);
                let status = RangeStatus::of(b.share, b.range);
                let mut text_x = x0;
                let candidates = match (status, b.range) {
                    (RangeStatus::Outside, Some(rg)) => {
                        // A warning triangle at the start of the value line.
                        let (cx, cy) = (x0 + 7.0, r.value_y);
                        p.polygon(
                            &[(cx - 7.0, cy + 6.0), (cx + 7.0, cy + 6.0), (cx, cy - 7.0)],
                            Paint::Text,
                        )?;
                        p.text(
                            "!",
                            (cx, cy + 1.5),
                            Font::new(SMALL, Paint::Background)
                                .anchor(crate::draw::Anchor::Middle)
                                .bold(),
                        )?;
                        text_x = x0 + 19.0;
                        let range = range_text(rg, lang);
                        vec![
                            m::mark_outside_long(lang, &amount, &share, &range),
                            m::mark_outside_mid(lang, &amount, &share, &range),
                            m::mark_outside_short(lang, &amount, &share),
                        ]
                    }
                    (_, Some(rg)) => vec![
                        m::mark_within(lang, &amount, &share, &range_text(rg, lang)),
                        plain,
                    ],
                    // No source gives this share: it is this explainer's assumption, and the
                    // label says so at every width.
                    (_, None) => vec![
                        m::mark_not_given(lang, &amount, &share),
                        m::mark_not_given_short(lang, &amount, &share),
                    ],
                };
                let line = first_fitting(&candidates, SMALL, x1 - text_x);
                p.text(&line, (text_x, r.value_y), Font::new(SMALL, Paint::Text))?;
            }
            Ok(())
        })
    }
}
