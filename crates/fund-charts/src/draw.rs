//! A thin drawing layer over plotters' SVG backend, in pixel coordinates.
//!
//! Only plotters operations that never measure text are used (no captions,
//! no mesh labels, no `titled`): without the `ttf` feature plotters measures
//! text with a crude estimate natively but through the DOM on wasm32, which
//! would be slow and would panic outside a browser window. All layout here
//! uses [`text_width`], this crate's own estimate.

use crate::error::ChartError;
use crate::table::clean_label;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

/// plotters' SVG backend writes `font-size` as the given size divided by 1.24.
const PLOTTERS_FONT_FACTOR: f64 = 1.24;

/// Smallest text size, in px at the rendered width.
pub(crate) const SMALL: f64 = 12.5;
/// Normal text size.
pub(crate) const BASE: f64 = 13.5;

/// Estimated width of `text` at `px` font size (a generous average for
/// proportional sans-serif fonts, so labels rarely overflow).
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * 0.56
}

/// `text` cut to fit `max_width` at `px`, with an ellipsis if it was cut.
pub(crate) fn fit(text: &str, px: f64, max_width: f64) -> String {
    if text_width(text, px) <= max_width {
        return text.to_string();
    }
    let per = px * 0.56;
    let keep = ((max_width / per).floor() as usize).saturating_sub(1);
    let mut out: String = text.chars().take(keep).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Splits `text` into lines no wider than `max_width` (a word longer than a
/// line gets its own line).
pub(crate) fn wrap(text: &str, px: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, px) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub px: f64,
    pub colour: RGBColor,
    pub anchor: Anchor,
    pub bold: bool,
}

impl Font {
    pub fn new(px: f64, colour: RGBColor) -> Self {
        Font {
            px,
            colour,
            anchor: Anchor::Start,
            bold: false,
        }
    }
    pub fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1.0e6, 1.0e6) as i32
    } else {
        0
    }
}

fn pt((x, y): (f64, f64)) -> (i32, i32) {
    (px(x), px(y))
}

fn style(colour: RGBColor, alpha: f64, filled: bool, stroke_width: u32) -> ShapeStyle {
    ShapeStyle {
        color: RGBAColor(colour.0, colour.1, colour.2, alpha),
        filled,
        stroke_width,
    }
}

/// Draws onto one SVG layer.
pub(crate) struct Painter<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

impl Painter<'_> {
    /// A filled rectangle between two corners (in any order).
    pub fn fill_rect(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        colour: RGBColor,
        alpha: f64,
    ) -> Result<(), ChartError> {
        self.rect(a, b, style(colour, alpha, true, 0))
    }

    /// A rectangle outline.
    pub fn stroke_rect(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        colour: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        self.rect(a, b, style(colour, 1.0, false, width))
    }

    fn rect(&self, a: (f64, f64), b: (f64, f64), style: ShapeStyle) -> Result<(), ChartError> {
        let (a, b) = (pt(a), pt(b));
        let tl = (a.0.min(b.0), a.1.min(b.1));
        let br = (a.0.max(b.0), a.1.max(b.1));
        self.area
            .draw(&Rectangle::new([tl, br], style))
            .map_err(ChartError::drawing)
    }

    /// A polyline.
    pub fn line(
        &self,
        points: &[(f64, f64)],
        colour: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&PathElement::new(pts, style(colour, 1.0, false, width)))
            .map_err(ChartError::drawing)
    }

    /// A dashed polyline.
    pub fn dashed(
        &self,
        points: &[(f64, f64)],
        colour: RGBColor,
        width: u32,
        dash: i32,
        gap: i32,
    ) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&DashedPathElement::new(
                pts,
                dash.max(1),
                gap.max(1),
                style(colour, 1.0, false, width),
            ))
            .map_err(ChartError::drawing)
    }

    /// A circle, filled or outlined.
    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        colour: RGBColor,
        filled: bool,
        width: u32,
    ) -> Result<(), ChartError> {
        let r = if r.is_finite() {
            r.clamp(0.0, 1.0e4).round() as u32
        } else {
            0
        };
        self.area
            .draw(&Circle::new(pt(c), r, style(colour, 1.0, filled, width)))
            .map_err(ChartError::drawing)
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], colour: RGBColor) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&Polygon::new(pts, style(colour, 1.0, true, 0)))
            .map_err(ChartError::drawing)
    }

    /// One line of text; `y` is the vertical centre of the line.
    pub fn text(&self, text: &str, at: (f64, f64), font: Font) -> Result<(), ChartError> {
        let text = clean_label(text);
        if text.trim().is_empty() {
            return Ok(());
        }
        let h = match font.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let weight = if font.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // A hair above the target so the written size never rounds below it.
        let size = font.px * PLOTTERS_FONT_FACTOR + 1e-3;
        let style = TextStyle {
            font: FontDesc::new(FontFamily::SansSerif, size, weight),
            color: font.colour.to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        };
        self.area
            .draw(&Text::new(text, pt(at), style))
            .map_err(ChartError::drawing)
    }
}

/// Draws one layer and returns the SVG elements it made, without the outer `<svg>`.
pub(crate) fn layer(
    width: u32,
    height: u32,
    draw: impl FnOnce(&Painter<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut buf = String::new();
    {
        let backend = SVGBackend::with_string(&mut buf, (width, height));
        let painter = Painter {
            area: backend.into_drawing_area(),
        };
        draw(&painter)?;
        painter.area.present().map_err(ChartError::drawing)?;
    }
    inner_elements(&buf)
}

fn inner_elements(doc: &str) -> Result<String, ChartError> {
    let open = doc
        .find("<svg")
        .ok_or_else(|| ChartError::Output("no <svg> element".into()))?;
    let after_open = doc[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or_else(|| ChartError::Output("unterminated <svg> tag".into()))?;
    let close = doc
        .rfind("</svg>")
        .ok_or_else(|| ChartError::Output("no </svg>".into()))?;
    if close < after_open {
        return Err(ChartError::Output("empty document".into()));
    }
    Ok(doc[after_open..close].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_wrap() {
        assert_eq!(fit("short", 12.0, 200.0), "short");
        let cut = fit("a very long label that will not fit", 12.0, 60.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 12.0) <= 60.0 + 12.0);
        let lines = wrap(
            "Linear scaling is this explainer's illustration, not the papers' claim",
            12.0,
            200.0,
        );
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 200.0));
    }

    #[test]
    fn layer_strips_outer_svg() {
        let inner = layer(100, 50, |p| {
            p.fill_rect((0.0, 0.0), (10.0, 10.0), RGBColor(1, 2, 3), 1.0)
        })
        .unwrap();
        assert!(inner.starts_with("<rect"));
        assert!(!inner.contains("<svg"));
    }
}
