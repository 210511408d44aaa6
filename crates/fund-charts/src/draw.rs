//! A thin drawing layer over plotters' API, in pixel coordinates, recording into our own backend
//! ([`Recorder`]): each chart layer becomes a typed [`Scene`].
//!
//! Only plotters operations that never measure text are used (no captions,
//! no mesh labels, no `titled`): without the `ttf` feature plotters measures
//! text with a crude estimate natively but through the DOM on wasm32, which
//! would be slow and would panic outside a browser window. All layout here
//! uses [`text_width`], this crate's own estimate.

use crate::error::ChartError;
use crate::recorder::{Dashed, Recorder};
use crate::scene::{Paint, Scene};
use crate::table::clean_label;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

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

pub(crate) use crate::scene::Anchor;

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub px: f64,
    pub paint: Paint,
    pub anchor: Anchor,
    pub bold: bool,
}

impl Font {
    pub fn new(px: f64, paint: Paint) -> Self {
        Font {
            px,
            paint,
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

/// The colour plotters is handed for a paint: the role's key, which the recorder maps back.
fn key(paint: Paint) -> RGBColor {
    let (r, g, b) = paint.key();
    RGBColor(r, g, b)
}

fn style(paint: Paint, filled: bool, stroke_width: u32) -> ShapeStyle {
    ShapeStyle {
        color: key(paint).to_rgba(),
        filled,
        stroke_width,
    }
}

fn tint(paint: Paint, percent: u8) -> ShapeStyle {
    let (r, g, b) = paint.key();
    ShapeStyle {
        color: RGBAColor(r, g, b, f64::from(percent.min(100)) / 100.0),
        filled: true,
        stroke_width: 0,
    }
}

/// Draws one layer through plotters' API into the [`Recorder`].
pub(crate) struct Painter<'a> {
    area: DrawingArea<Recorder<'a>, Shift>,
}

impl Painter<'_> {
    /// A filled rectangle between two corners (in any order).
    pub fn fill_rect(&self, a: (f64, f64), b: (f64, f64), paint: Paint) -> Result<(), ChartError> {
        self.rect(a, b, style(paint, true, 0))
    }

    /// A filled rectangle at `percent` opacity (a pale fill under hatching).
    pub fn tint_rect(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        paint: Paint,
        percent: u8,
    ) -> Result<(), ChartError> {
        self.rect(a, b, tint(paint, percent))
    }

    /// A rectangle outline.
    pub fn stroke_rect(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        paint: Paint,
        width: u32,
    ) -> Result<(), ChartError> {
        self.rect(a, b, style(paint, false, width))
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
    pub fn line(&self, points: &[(f64, f64)], paint: Paint, width: u32) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&PathElement::new(pts, style(paint, false, width)))
            .map_err(ChartError::drawing)
    }

    /// A dashed polyline: one mark with its dash pattern.
    pub fn dashed(
        &self,
        points: &[(f64, f64)],
        paint: Paint,
        width: u32,
        dash: u32,
        gap: u32,
    ) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&Dashed::new(pts, paint, width, dash, gap))
            .map_err(ChartError::drawing)
    }

    /// A circle, filled or outlined.
    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        paint: Paint,
        filled: bool,
        width: u32,
    ) -> Result<(), ChartError> {
        let r = if r.is_finite() {
            r.clamp(0.0, 1.0e4).round() as u32
        } else {
            0
        };
        self.area
            .draw(&Circle::new(pt(c), r, style(paint, filled, width)))
            .map_err(ChartError::drawing)
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], paint: Paint) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
        self.area
            .draw(&Polygon::new(pts, style(paint, true, 0)))
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
        let style = TextStyle {
            font: FontDesc::new(FontFamily::SansSerif, font.px, weight),
            color: key(font.paint).to_backend_color(),
            pos: Pos::new(h, VPos::Center),
        };
        self.area
            .draw(&Text::new(text, pt(at), style))
            .map_err(ChartError::drawing)
    }
}

/// Draws one layer and returns what was drawn, as a typed scene.
pub(crate) fn layer(
    width: u32,
    height: u32,
    draw: impl FnOnce(&Painter<'_>) -> Result<(), ChartError>,
) -> Result<Scene, ChartError> {
    let mut marks = Vec::new();
    {
        let painter = Painter {
            area: Recorder::new(&mut marks, (width, height)).into_drawing_area(),
        };
        draw(&painter)?;
        painter.area.present().map_err(ChartError::drawing)?;
    }
    Ok(Scene::new(marks))
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
    fn font_sizes_are_recorded_as_given() {
        for px in [SMALL, BASE, 11.0, 12.0, 14.0, 15.5, 18.0, 22.0, 26.0] {
            let scene = layer(100, 50, |p| {
                p.text("a", (1.0, 1.0), Font::new(px, Paint::Text))
            })
            .unwrap();
            let svg = scene.to_svg(crate::scene::PaintMode::Classes);
            assert!(svg.contains(&format!("font-size=\"{px}\"")), "{px}: {svg}");
        }
    }

    #[test]
    fn every_painter_call_records_one_mark_with_its_role() {
        let scene = layer(100, 50, |p| {
            p.fill_rect((10.0, 10.0), (0.0, 0.0), Paint::Series(3))?;
            p.stroke_rect((0.0, 0.0), (5.0, 5.0), Paint::Grid, 1)?;
            p.line(&[(0.0, 0.0), (9.0, 9.0)], Paint::Axis, 2)?;
            p.dashed(
                &[(0.0, 0.0), (90.0, 0.0), (90.0, 40.0)],
                Paint::Muted,
                2,
                4,
                3,
            )?;
            p.circle((5.0, 5.0), 3.0, Paint::Text, false, 2)?;
            p.polygon(&[(0.0, 0.0), (4.0, 0.0), (2.0, 3.0)], Paint::Background)?;
            p.text("hi", (3.0, 4.0), Font::new(SMALL, Paint::Muted).bold())
        })
        .unwrap();
        let m = scene.marks();
        assert_eq!(m.len(), 7, "{m:?}");
        assert_eq!(
            m[0],
            crate::scene::Mark::Rect {
                x: 0,
                y: 0,
                w: 10,
                h: 10,
                paint: Paint::Series(3),
                filled: true,
                opacity: 100
            }
        );
        // A dashed line over three points is one mark, not one per dash.
        assert_eq!(
            m[3],
            crate::scene::Mark::Line {
                points: vec![(0, 0), (90, 0), (90, 40)],
                paint: Paint::Muted,
                width: 2,
                dash: Some((4, 3)),
            }
        );
        assert!(matches!(
            &m[6],
            crate::scene::Mark::Text {
                bold: true,
                paint: Paint::Muted,
                size_cpx: 1250,
                ..
            }
        ));
    }

    #[test]
    fn a_colour_that_is_not_a_role_is_refused() {
        let mut marks = Vec::new();
        let area = Recorder::new(&mut marks, (10, 10)).into_drawing_area();
        let drawn = area.draw(&Rectangle::new(
            [(0, 0), (2, 2)],
            RGBColor(0, 0x72, 0xB2).filled(),
        ));
        assert!(drawn.is_err());
        drop(area);
        assert!(marks.is_empty());
    }
}
