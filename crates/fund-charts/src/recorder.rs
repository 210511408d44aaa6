//! A plotters drawing backend of ours that records a typed [`Scene`](crate::scene::Scene) instead
//! of writing pixels or SVG text.
//!
//! plotters' `DrawingBackend` trait is its extension point for third-party backends. The charts
//! keep drawing with plotters' API (a `DrawingArea`, its elements and text styles); this backend
//! turns each operation into a [`Mark`]:
//!
//! - colours arrive as RGB, so the painter hands plotters one key colour per palette role
//!   (`Paint::key`) and the recorder maps it back to the role; any other colour is an error;
//! - text is recorded with its size, weight and anchor as asked (never measured: the default
//!   `draw_text` would lay the text out through the font, which on wasm32 means the DOM);
//! - a dashed line is one [`Dashed`] element whose drawing on this backend records one mark with
//!   its dash pattern (plotters' own dashed element arrives chopped into one path per dash).

use crate::scene::{Anchor, Mark, Paint};
use plotters::element::{Drawable, PointCollection};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// Why a drawing operation could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// A colour that is not a palette role's key reached the backend (only the painter's
    /// paints are recorded; a literal colour would escape the page's themes).
    #[error("colour #{0:02X}{1:02X}{2:02X} is not a palette role")]
    NotARole(u8, u8, u8),
}

/// The backend: records marks into a borrowed list, like plotters' SVG backend writes into a
/// borrowed string.
pub struct Recorder<'a> {
    marks: &'a mut Vec<Mark>,
    size: (u32, u32),
}

impl<'a> Recorder<'a> {
    /// A recorder for a `size` drawing that appends to `marks`.
    pub fn new(marks: &'a mut Vec<Mark>, size: (u32, u32)) -> Self {
        Recorder { marks, size }
    }

    fn push(&mut self, mark: Mark) {
        self.marks.push(mark);
    }
}

type Failed = DrawingErrorKind<RecordError>;

/// The role a colour stands for; `None` for a fully transparent colour (nothing is drawn).
fn paint(color: BackendColor) -> Result<Option<Paint>, Failed> {
    if color.alpha == 0.0 {
        return Ok(None);
    }
    let (r, g, b) = color.rgb;
    match Paint::from_key(color.rgb) {
        Some(p) => Ok(Some(p)),
        None => Err(DrawingErrorKind::DrawingError(RecordError::NotARole(
            r, g, b,
        ))),
    }
}

/// An alpha as a whole percentage.
fn percent(alpha: f64) -> u8 {
    if alpha.is_finite() {
        (alpha * 100.0).round().clamp(0.0, 100.0) as u8
    } else {
        100
    }
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = RecordError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failed> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failed> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failed> {
        let Some(paint) = paint(color)? else {
            return Ok(());
        };
        self.push(Mark::Rect {
            x: point.0,
            y: point.1,
            w: 1,
            h: 1,
            paint,
            filled: true,
            opacity: 100,
        });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        let Some(paint) = paint(style.color())? else {
            return Ok(());
        };
        self.push(Mark::Rect {
            x: upper_left.0,
            y: upper_left.1,
            w: (bottom_right.0 - upper_left.0).max(0),
            h: (bottom_right.1 - upper_left.1).max(0),
            paint,
            filled: fill,
            opacity: percent(style.color().alpha),
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failed> {
        let Some(paint) = paint(style.color())? else {
            return Ok(());
        };
        self.push(Mark::Line {
            points: path.into_iter().collect(),
            paint,
            width: style.stroke_width(),
            dash: None,
        });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        let Some(paint) = paint(style.color())? else {
            return Ok(());
        };
        self.push(Mark::Circle {
            cx: center.0,
            cy: center.1,
            r: radius,
            paint,
            filled: fill,
            width: style.stroke_width(),
        });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed> {
        let Some(paint) = paint(style.color())? else {
            return Ok(());
        };
        self.push(Mark::Polygon {
            points: vert.into_iter().collect(),
            paint,
        });
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Failed> {
        let Some(paint) = paint(style.color())? else {
            return Ok(());
        };
        let size = style.size();
        let size_cpx = if size.is_finite() {
            (size * 100.0).round().clamp(0.0, 1.0e6) as u32
        } else {
            0
        };
        self.push(Mark::Text {
            x: pos.0,
            y: pos.1,
            text: text.to_string(),
            size_cpx,
            anchor: match style.anchor().h_pos {
                HPos::Left => Anchor::Start,
                HPos::Center => Anchor::Middle,
                HPos::Right => Anchor::End,
            },
            bold: matches!(style.style(), FontStyle::Bold),
            paint,
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), Failed> {
        // The charts lay text out with their own estimate (`draw::text_width`); this answers
        // plotters the same way, never through a font.
        let w = crate::draw::text_width(text, style.size());
        Ok((
            w.round().max(0.0) as u32,
            style.size().round().max(0.0) as u32,
        ))
    }
}

/// A dashed polyline as one element: drawn on the [`Recorder`] it records one [`Mark::Line`]
/// with its dash pattern (a `stroke-dasharray`), not one path per dash.
pub struct Dashed {
    points: Vec<BackendCoord>,
    paint: Paint,
    width: u32,
    dash: (u32, u32),
}

impl Dashed {
    /// A dashed line through `points`, `dash` px on and `gap` px off.
    pub fn new(points: Vec<BackendCoord>, paint: Paint, width: u32, dash: u32, gap: u32) -> Self {
        Dashed {
            points,
            paint,
            width,
            dash: (dash.max(1), gap.max(1)),
        }
    }
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Dashed {
    type Point = &'a BackendCoord;
    type IntoIter = &'a [BackendCoord];
    fn point_iter(self) -> &'a [BackendCoord] {
        &self.points
    }
}

impl Drawable<Recorder<'_>> for Dashed {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        pos: I,
        backend: &mut Recorder<'_>,
        _parent_dim: (u32, u32),
    ) -> Result<(), Failed> {
        backend.push(Mark::Line {
            points: pos.collect(),
            paint: self.paint,
            width: self.width,
            dash: Some(self.dash),
        });
        Ok(())
    }
}
