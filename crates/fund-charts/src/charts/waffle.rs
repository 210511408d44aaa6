//! Waffle: the whole fund as a 10×10 grid, one square per 1%.

use crate::draw::{fit, layer, Anchor, Font, BASE, SMALL};
use crate::error::ChartError;
use crate::figures::BucketFigure;
use crate::layout::{background, PAD};
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::{Chart, RenderOptions};
use crate::table::{join_and, mid_sentence, ChartText, DataTable};
use fund_core::msg::chart::waffle as m;
use fund_core::{format, Lang, Usd};
use rust_decimal::Decimal;

/// Squares in the grid.
pub const SQUARES: usize = 100;

/// The waffle model: the fund's total and, per bucket in order, how many of
/// the 100 squares it fills (the core computes the counts, summing to 100).
///
/// The static layer reads the bucket labels and colours; the marks read the
/// counts and shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waffle {
    total: Usd,
    buckets: Vec<(BucketFigure, u32)>,
    text: ChartText,
    lang: Lang,
}

impl Waffle {
    /// Builds the model. Counts that add up to less than 100 leave empty
    /// squares; counts beyond 100 are cut off (both are described).
    pub fn new(
        total: Usd,
        buckets: Vec<(BucketFigure, u32)>,
        source_ids: Vec<String>,
        lang: Lang,
    ) -> Self {
        let mut w = Waffle {
            total,
            buckets,
            text: ChartText::default(),
            lang,
        };
        w.text = ChartText {
            caption: w.caption(),
            description: w.description(),
            source_ids,
        };
        w
    }

    /// The buckets and their square counts.
    pub fn buckets(&self) -> &[(BucketFigure, u32)] {
        &self.buckets
    }

    /// What one square is worth: a hundredth of the total.
    pub fn square_value(&self) -> Usd {
        Usd::new(self.total.dollars() / Decimal::ONE_HUNDRED)
    }

    /// The 100 squares, row by row from the top left: the index of the bucket
    /// each square belongs to, or `None` for an unfilled square.
    pub fn cells(&self) -> Vec<Option<usize>> {
        let mut cells = Vec::with_capacity(SQUARES);
        for (i, (_, n)) in self.buckets.iter().enumerate() {
            for _ in 0..*n {
                if cells.len() == SQUARES {
                    break;
                }
                cells.push(Some(i));
            }
        }
        cells.resize(SQUARES, None);
        cells
    }

    fn counted(&self) -> u64 {
        self.buckets.iter().map(|(_, n)| u64::from(*n)).sum()
    }

    fn caption(&self) -> String {
        let lang = self.lang;
        m::caption(
            lang,
            &format::usd(self.total, lang),
            &format::usd(self.square_value(), lang),
            &format::percent(Decimal::ONE),
        )
    }

    fn description(&self) -> String {
        let lang = self.lang;
        let total = format::usd(self.total, lang);
        let square = format::usd(self.square_value(), lang);
        let square_value = self.square_value().dollars();
        let parts: Vec<String> = self
            .buckets
            .iter()
            .map(|(b, n)| {
                let label = mid_sentence(&b.label, lang);
                // A share no source gives (no range: our split of the rest) says so, as in the
                // legend's `*`, since the description travels alone.
                let amount = match b.range {
                    Some(_) => format::usd(b.amount, lang),
                    None => fund_core::msg::chart::assumed(lang, &format::usd(b.amount, lang)),
                };
                // Squares are whole: say "about" unless they are exactly the amount.
                let exact = square_value * Decimal::from(*n) == b.amount.dollars();
                match (*n == 1, exact) {
                    (true, true) => m::part_one(lang, &label, &amount),
                    (true, false) => m::part_one_about(lang, &label, &amount),
                    (false, true) => m::part(lang, &label, &count(*n), &amount),
                    (false, false) => m::part_about(lang, &label, &count(*n), &amount),
                }
            })
            .collect();
        if parts.is_empty() {
            return m::empty_description(lang, &total, &square);
        }
        let counted = self.counted();
        let tail = if counted < SQUARES as u64 {
            m::left_empty(lang, &count_u64(SQUARES as u64 - counted))
        } else if counted > SQUARES as u64 {
            m::cut_off(lang, &count_u64(counted))
        } else {
            String::new()
        };
        m::description(lang, &total, &square, &join_and(&parts, lang), &tail)
    }
}

fn count(n: u32) -> String {
    format::group_thousands(Decimal::from(n))
}

fn count_u64(n: u64) -> String {
    format::group_thousands(Decimal::from(n))
}

/// Where things go for a given width.
struct Geometry {
    width: u32,
    height: u32,
    grid_x: f64,
    grid_y: f64,
    cell: f64,
    gap: f64,
    legend_x: f64,
    legend_y: f64,
    legend_w: f64,
}

const LEGEND_ROW: f64 = 24.0;
const VALUE_W: f64 = 64.0;

impl Waffle {
    /// Whether a bucket's share is no source's figure (no range given: our illustrative split of
    /// the rest), marked `*` in the legend with a note under it.
    fn has_assumed_shares(&self) -> bool {
        self.buckets.iter().any(|(b, _)| b.range.is_none())
    }

    fn geometry(&self, width: u32) -> Geometry {
        let w = f64::from(width);
        // One legend row per bucket, and one for the note on shares no source gives.
        let rows = (self.buckets.len() + usize::from(self.has_assumed_shares())) as f64;
        let legend_h = rows * LEGEND_ROW;
        if width >= 560 {
            let side = (w * 0.45).min(360.0);
            let legend_x = PAD + side + 24.0;
            let height = (side.max(legend_h) + 2.0 * PAD).ceil();
            Geometry {
                width,
                height: height as u32,
                grid_x: PAD,
                grid_y: PAD,
                cell: (side / 10.0).floor(),
                gap: (side / 100.0).max(1.0).round(),
                legend_x,
                legend_y: PAD + 4.0,
                legend_w: (w - PAD - legend_x).min(420.0),
            }
        } else {
            let side = (w - 2.0 * PAD).min(360.0);
            let grid_x = ((w - side) / 2.0).floor();
            let legend_y = PAD + side + 16.0;
            Geometry {
                width,
                height: (legend_y + legend_h + PAD).ceil() as u32,
                grid_x,
                grid_y: PAD,
                cell: (side / 10.0).floor(),
                gap: (side / 100.0).max(1.0).round(),
                legend_x: PAD,
                legend_y,
                legend_w: w - 2.0 * PAD,
            }
        }
    }
}

impl Chart for Waffle {
    fn kind(&self) -> &'static str {
        "waffle"
    }

    fn text(&self) -> &ChartText {
        &self.text
    }

    fn table(&self) -> DataTable {
        DataTable {
            columns: vec![
                fund_core::msg::chart::col_bucket(self.lang).into(),
                m::col_squares(self.lang).into(),
                fund_core::msg::chart::col_amount(self.lang).into(),
                fund_core::msg::chart::col_share(self.lang).into(),
            ],
            rows: self
                .buckets
                .iter()
                .map(|(b, n)| {
                    vec![
                        b.label.clone(),
                        count(*n),
                        format::usd(b.amount, self.lang),
                        format::share(b.share),
                    ]
                })
                .collect(),
        }
    }

    fn height(&self, width: u32) -> u32 {
        self.geometry(width).height
    }

    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let g = self.geometry(options.layout_width());
        layer(g.width, g.height, |p| {
            background(p, g.width, g.height)?;
            for (i, (b, _)) in self.buckets.iter().enumerate() {
                let y = g.legend_y + i as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                p.fill_rect(
                    (g.legend_x, y - 7.0),
                    (g.legend_x + 14.0, y + 7.0),
                    Paint::series(b.colour),
                )?;
                let room = g.legend_w - 22.0 - VALUE_W;
                // One name at every width: the short one (the table and the description give
                // the full one), so the wide and narrow legends never name a bucket differently.
                let label = if b.short_label.trim().is_empty() {
                    b.label.as_str()
                } else {
                    b.short_label.as_str()
                };
                p.text(
                    &fit(label, BASE, room),
                    (g.legend_x + 22.0, y),
                    Font::new(BASE, Paint::Text),
                )?;
            }
            if self.has_assumed_shares() {
                let y = g.legend_y + self.buckets.len() as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                p.text(
                    &fit(
                        fund_core::msg::chart::waffle::assumed_note(self.lang),
                        SMALL,
                        g.legend_w,
                    ),
                    (g.legend_x, y),
                    Font::new(SMALL, Paint::Muted),
                )?;
            }
            Ok(())
        })
    }

    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError> {
        let g = self.geometry(options.layout_width());
        layer(g.width, g.height, |p| {
            for (k, cell) in self.cells().into_iter().enumerate() {
                let (row, col) = ((k / 10) as f64, (k % 10) as f64);
                let x0 = g.grid_x + col * g.cell;
                let y0 = g.grid_y + row * g.cell;
                let a = (x0, y0);
                let b = (x0 + g.cell - g.gap, y0 + g.cell - g.gap);
                match cell {
                    Some(i) => p.fill_rect(a, b, Paint::series(self.buckets[i].0.colour))?,
                    None => p.stroke_rect(a, b, Paint::Axis, 1)?,
                }
            }
            for (i, (b, _)) in self.buckets.iter().enumerate() {
                let y = g.legend_y + i as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
                let mut value = format::share(b.share);
                if b.range.is_none() {
                    value.push('*');
                }
                p.text(
                    &value,
                    (g.legend_x + g.legend_w, y),
                    Font::new(BASE, Paint::Text).anchor(Anchor::End),
                )?;
            }
            Ok(())
        })
    }
}
