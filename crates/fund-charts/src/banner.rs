//! The band at the top of every chart that says what the drawing is: the article's claim (never
//! a finding), the public record, or an illustration built on assumptions; and, on its own line,
//! the date the record and the market figures are as of.
//!
//! It is part of the drawing, not of the page around it, so it survives everywhere a chart goes:
//! chart-only embeds, crops and screenshots, the PNG and SVG downloads, `fund-export` and the
//! social cards. The chart's own layers are drawn below it (translated by [`BannerLayer::height`]).

use crate::draw::{layer, wrap, Font, SMALL};
use crate::error::ChartError;
use crate::layout::PAD;
use crate::scene::Paint;
use crate::scene::Scene;
use crate::svg::RenderOptions;

/// What a chart's drawing shows, which decides how its banner line looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BannerKind {
    /// The article's framing: a claim no source supports, drawn with a claim marker.
    Claim,
    /// What the public record says (any figure no source gives is named in the line).
    Record,
    /// An illustration whose result follows from assumptions, not from the record.
    Illustration,
}

/// The words of a chart's banner.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Banner {
    /// What kind of drawing this is.
    pub kind: BannerKind,
    /// The one sentence that says it, e.g. "The article's claim, not a finding: …".
    pub line: String,
    /// The as-of line: the date the record and the market figures are as of.
    pub as_of: String,
}

/// A banner drawn for one layout: its marks and the height it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BannerLayer {
    /// Its marks (a background band, a marker, the lines of text).
    pub scene: Scene,
    /// Its height in the chart's view box, px: the chart's layers are moved down by this much.
    pub height: u32,
}

const LINE_H: f64 = 17.0;
const GAP: f64 = 6.0;
const MARK_W: f64 = 4.0;
/// Share of the line's width the bold sentence is wrapped to.
const BOLD_ROOM: f64 = 0.86;
/// Share of the line's width the as-of line is wrapped to.
const REGULAR_ROOM: f64 = 0.94;

impl Banner {
    /// The lines the banner takes at a layout width: the sentence, then the as-of line.
    pub fn lines(&self, width: u32) -> (Vec<String>, Vec<String>) {
        let max = f64::from(width) - 2.0 * PAD - MARK_W - 8.0;
        // The width estimate is for regular text in a typical sans-serif; the sentence is bold
        // and browsers fall back to wider faces (DejaVu Sans), so it wraps with room to spare.
        (
            wrap(&self.line, SMALL, max * BOLD_ROOM),
            wrap(&self.as_of, SMALL, max * REGULAR_ROOM),
        )
    }

    /// Draws the banner for `options` (layout width and theme).
    pub fn draw(&self, options: &RenderOptions) -> Result<BannerLayer, ChartError> {
        let width = options.layout_width();
        let (line, as_of) = self.lines(width);
        let rows = line.len() + as_of.len();
        let height = (GAP + rows as f64 * LINE_H + GAP + 4.0).ceil() as u32;
        let marker = match self.kind {
            BannerKind::Claim => Paint::series(1),
            BannerKind::Record => Paint::series(2),
            BannerKind::Illustration => Paint::Muted,
        };
        let scene = layer(width, height, |p| {
            p.fill_rect(
                (0.0, 0.0),
                (f64::from(width), f64::from(height)),
                Paint::Background,
            )?;
            let text_x = PAD + MARK_W + 8.0;
            let line_bottom = GAP + line.len() as f64 * LINE_H;
            p.fill_rect((PAD, GAP), (PAD + MARK_W, line_bottom), marker)?;
            for (i, l) in line.iter().enumerate() {
                let y = GAP + LINE_H * (i as f64 + 0.5);
                p.text(l, (text_x, y), Font::new(SMALL, Paint::Text).bold())?;
            }
            for (i, l) in as_of.iter().enumerate() {
                let y = line_bottom + LINE_H * (i as f64 + 0.5);
                p.text(l, (text_x, y), Font::new(SMALL, Paint::Muted))?;
            }
            // A hairline under the band, so the banner reads as the chart's own label.
            p.line(
                &[
                    (PAD, f64::from(height) - 2.0),
                    (f64::from(width) - PAD, f64::from(height) - 2.0),
                ],
                Paint::Grid,
                1,
            )
        })?;
        Ok(BannerLayer { scene, height })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    fn banner(line: &str) -> Banner {
        Banner {
            kind: BannerKind::Claim,
            line: line.to_string(),
            as_of: "Record as of 8 Oct 2026".to_string(),
        }
    }

    #[test]
    fn the_words_are_in_the_drawing_and_wrap_to_the_width() {
        let b = banner(
            "The article's claim, not a finding: no source puts the money in Treasuries; the \
             record has loans, loan guarantees and equity for US projects.",
        );
        let wide = b.draw(&RenderOptions::new(640, Theme::Light)).unwrap();
        let narrow = b.draw(&RenderOptions::new(360, Theme::Light)).unwrap();
        let svg = wide.scene.to_svg(crate::scene::PaintMode::Classes);
        assert!(svg.contains("The article&apos;s claim") || svg.contains("The article's claim"));
        assert!(svg.contains("Record as of 8 Oct 2026"));
        assert!(
            narrow.height > wide.height,
            "the narrow banner wraps onto more lines"
        );
        let (lines, _) = b.lines(360);
        assert!(lines.len() >= 2);
    }

    #[test]
    fn japanese_wraps_between_characters() {
        let b = banner("記事の主張であり、事実ではない。米国債に回るとする資料はない。");
        let (lines, _) = b.lines(280);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with('。')));
    }
}
