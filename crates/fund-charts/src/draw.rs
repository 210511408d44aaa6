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

/// Whether `c` is set full-width (one em wide): CJK ideographs, kana, Hangul, CJK punctuation
/// and full-width forms.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// Estimated advance of one character, in em: a full-width character is exactly one em; other
/// characters get a generous average for proportional sans-serif fonts (so labels rarely
/// overflow).
fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else {
        0.56
    }
}

/// Estimated width of `text` at `px` font size.
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * px
}

/// `text` cut to fit `max_width` at `px`, with an ellipsis if it was cut.
pub(crate) fn fit(text: &str, px: f64, max_width: f64) -> String {
    if text_width(text, px) <= max_width {
        return text.to_string();
    }
    let room = max_width - text_width("…", px);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = char_em(c) * px;
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Characters a line must not start with (Japanese line-breaking rules, kinsoku): closing
/// brackets and punctuation, small kana and the long-vowel mark.
fn no_line_start(c: char) -> bool {
    "、。，．・：；？！）」』】〕〉》ー～ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%".contains(c)
}

/// Characters a line must not end with: opening brackets.
fn no_line_end(c: char) -> bool {
    "（「『【〔〈《".contains(c)
}

/// Splits `text` into units that may not be broken: runs of non-space characters that are not
/// full-width, and single full-width characters (with kinsoku: a character that may not start a
/// line joins the unit before it; one that may not end a line joins the unit after it). Each unit
/// says whether a space separated it from the one before.
pub fn break_units(text: &str) -> Vec<(bool, String)> {
    let mut units: Vec<(bool, String)> = Vec::new();
    let mut space = false;
    let mut glue_next = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            glue_next = false;
            continue;
        }
        let wide = is_wide(c);
        let join = match units.last() {
            None => false,
            Some(_) if space => false,
            Some(_) if glue_next => true,
            Some((_, last)) => {
                let prev = last.chars().last().unwrap_or(' ');
                no_line_start(c) || (!wide && !is_wide(prev))
            }
        };
        if join {
            if let Some((_, last)) = units.last_mut() {
                last.push(c);
            }
        } else {
            units.push((space, c.to_string()));
        }
        space = false;
        glue_next = no_line_end(c);
    }
    units
}

/// Splits `text` into lines no wider than `max_width` (a unit longer than a line gets its own
/// line). Latin text breaks at spaces; Japanese text between characters, following kinsoku.
pub(crate) fn wrap(text: &str, px: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (spaced, unit) in break_units(text) {
        let candidate = if line.is_empty() {
            unit.clone()
        } else if spaced {
            format!("{line} {unit}")
        } else {
            format!("{line}{unit}")
        };
        if !line.is_empty() && text_width(&candidate, px) > max_width {
            lines.push(std::mem::take(&mut line));
            line = unit;
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
        // A hair above the target so the written size never falls below it; `tidy_font_sizes`
        // then cuts what plotters writes back to the size asked for.
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
    inner_elements(&buf).map(|inner| tidy_font_sizes(&inner))
}

/// Writes every `font-size` with at most two decimals, cut (not rounded): plotters writes the
/// size divided by 1.24 in full (`12.500806451612902`), which is noise in the page and in every
/// downloaded SVG. Text only (no float parsing).
fn tidy_font_sizes(svg: &str) -> String {
    const ATTR: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(ATTR) {
        let start = at + ATTR.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let len = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..len];
        let kept = match value.find('.') {
            Some(dot) => value[..(dot + 3).min(len)]
                .trim_end_matches('0')
                .trim_end_matches('.'),
            None => value,
        };
        out.push_str(kept);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
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
    fn japanese_is_measured_full_width_and_wrapped_between_characters() {
        assert_eq!(text_width("日本", 10.0), 20.0);
        assert!(text_width("ab", 10.0) < 12.0);
        let text = "記事は、基金の大半が米国債に向かうと主張している（根拠は示していない）。";
        let lines = wrap(text, 12.0, 100.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for l in &lines {
            assert!(text_width(l, 12.0) <= 100.0, "{l}");
            let first = l.chars().next().unwrap();
            assert!(
                !"、。）」".contains(first),
                "line starts with {first}: {lines:?}"
            );
            let last = l.chars().last().unwrap();
            assert!(!"（「".contains(last), "line ends with {last}: {lines:?}");
        }
        // Latin words inside Japanese stay whole.
        let mixed = wrap("日本のJBICとNEXIが融資する", 12.0, 60.0);
        assert!(mixed.iter().any(|l| l.contains("JBIC")), "{mixed:?}");
        let cut = fit("国際協力銀行と日本貿易保険", 12.0, 80.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 12.0) <= 80.0,
            "{cut}"
        );
    }

    #[test]
    fn font_sizes_are_written_as_given() {
        for px in [SMALL, BASE, 11.0, 12.0, 14.0, 15.5, 18.0, 22.0, 26.0] {
            let svg = layer(100, 50, |p| {
                p.text("a", (1.0, 1.0), Font::new(px, RGBColor(0, 0, 0)))
            })
            .unwrap();
            assert!(svg.contains(&format!("font-size=\"{px}\"")), "{px}: {svg}");
        }
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
