//! The typed scene every chart draws into, and its printers.
//!
//! Charts draw through plotters' API into [`crate::recorder::Recorder`], a plotters backend of
//! ours, which records each drawing operation as a [`Mark`]: numeric geometry, a [`Paint`] that
//! names a palette role (never a colour), and text with its size, weight and anchor. One
//! [`Scene`] then feeds every outlet:
//!
//! - SVG text ([`Scene::write_svg`]): with literal colours for standalone documents (downloads,
//!   `fund-export`, social cards, resvg), or with palette classes for the page, whose stylesheet
//!   maps each role to a CSS custom property per theme, so a theme switch or print rewrites no
//!   mark;
//! - typed edits ([`diff`]) that the browser applies to the elements on screen, setting only the
//!   attributes that changed, never parsing markup.
//!
//! Everything here is integer arithmetic and integer formatting: coordinates are the backend's
//! whole pixels, text sizes are kept in hundredths of a pixel.

use crate::table::xml_escape;
use crate::theme::Theme;
use std::fmt::Write as _;

/// A palette role: what a paint is for. The colour it stands for depends on the theme
/// ([`Paint::rgb`]); on the page it is a CSS class ([`Paint::fill_class`], [`Paint::stroke_class`]) whose colour the stylesheet
/// sets per theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paint {
    /// The chart's background.
    Background,
    /// Main text (labels, values).
    Text,
    /// Secondary text (axis ticks, notes).
    Muted,
    /// Grid lines.
    Grid,
    /// Axis lines and zero lines.
    Axis,
    /// Series colour `0..=7` (a figure's palette index, modulo 8).
    Series(u8),
}

/// How many series colours the palette has.
pub const SERIES: usize = 8;

impl Paint {
    /// Every role, in a fixed order (the stylesheet is generated from this list).
    pub const ALL: [Paint; 5 + SERIES] = [
        Paint::Background,
        Paint::Text,
        Paint::Muted,
        Paint::Grid,
        Paint::Axis,
        Paint::Series(0),
        Paint::Series(1),
        Paint::Series(2),
        Paint::Series(3),
        Paint::Series(4),
        Paint::Series(5),
        Paint::Series(6),
        Paint::Series(7),
    ];

    /// The series paint for a figure's palette index (wraps around).
    pub fn series(index: usize) -> Paint {
        Paint::Series((index % SERIES) as u8)
    }

    /// A short name for the role, used in class names and CSS custom properties: `bg`, `text`,
    /// `muted`, `grid`, `axis`, `s0`…`s7`.
    pub fn token(self) -> &'static str {
        const S: [&str; SERIES] = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"];
        match self {
            Paint::Background => "bg",
            Paint::Text => "text",
            Paint::Muted => "muted",
            Paint::Grid => "grid",
            Paint::Axis => "axis",
            Paint::Series(i) => S[usize::from(i) % SERIES],
        }
    }

    /// The page's class for this role used as a fill (`fill-s3`).
    pub fn fill_class(self) -> String {
        format!("fill-{}", self.token())
    }

    /// The page's class for this role used as a stroke (`stroke-axis`).
    pub fn stroke_class(self) -> String {
        format!("stroke-{}", self.token())
    }

    /// The colour this role has in `theme`.
    pub fn rgb(self, theme: Theme) -> (u8, u8, u8) {
        let c = theme.colours();
        let rgb = match self {
            Paint::Background => c.background,
            Paint::Text => c.text,
            Paint::Muted => c.muted,
            Paint::Grid => c.grid,
            Paint::Axis => c.axis,
            Paint::Series(i) => c.series(usize::from(i)),
        };
        (rgb.0, rgb.1, rgb.2)
    }

    /// `#RRGGBB` for this role in `theme`.
    pub fn hex(self, theme: Theme) -> String {
        let (r, g, b) = self.rgb(theme);
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// The colour plotters is handed for this role: a key no real palette uses, which the
    /// recorder maps back to the role ([`Paint::from_key`]).
    pub(crate) fn key(self) -> (u8, u8, u8) {
        let index = match self {
            Paint::Background => 0,
            Paint::Text => 1,
            Paint::Muted => 2,
            Paint::Grid => 3,
            Paint::Axis => 4,
            Paint::Series(i) => 5 + (i % SERIES as u8),
        };
        (KEY.0, KEY.1, index)
    }

    /// The role a key colour stands for; `None` for any other colour.
    pub(crate) fn from_key((r, g, b): (u8, u8, u8)) -> Option<Paint> {
        if (r, g) != KEY {
            return None;
        }
        Paint::ALL.get(usize::from(b)).copied()
    }
}

/// The red and green channels of every key colour.
const KEY: (u8, u8) = (0xF0, 0x0D);

/// How a text is anchored horizontally at its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is where the text ends.
    End,
}

impl Anchor {
    fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One drawn element, in whole pixels of the chart's view box.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Mark {
    /// A rectangle, filled or outlined.
    Rect {
        /// Left edge.
        x: i32,
        /// Top edge.
        y: i32,
        /// Width (never negative).
        w: i32,
        /// Height (never negative).
        h: i32,
        /// Its paint.
        paint: Paint,
        /// Filled (`true`) or outlined.
        filled: bool,
        /// Opacity in percent (100: opaque).
        opacity: u8,
    },
    /// An open polyline, solid or dashed.
    Line {
        /// Its points, in order.
        points: Vec<(i32, i32)>,
        /// Its stroke.
        paint: Paint,
        /// Stroke width in px.
        width: u32,
        /// Dash and gap lengths in px, for a dashed line.
        dash: Option<(u32, u32)>,
    },
    /// A circle, filled or outlined.
    Circle {
        /// Centre x.
        cx: i32,
        /// Centre y.
        cy: i32,
        /// Radius.
        r: u32,
        /// Its paint.
        paint: Paint,
        /// Filled (`true`) or outlined.
        filled: bool,
        /// Stroke width in px.
        width: u32,
    },
    /// A filled polygon.
    Polygon {
        /// Its corners, in order.
        points: Vec<(i32, i32)>,
        /// Its fill.
        paint: Paint,
    },
    /// One line of text, vertically centred on `y`.
    Text {
        /// Anchor point x.
        x: i32,
        /// Vertical centre.
        y: i32,
        /// The text.
        text: String,
        /// Font size in hundredths of a px (`1250` is 12.5 px).
        size_cpx: u32,
        /// How `x` anchors it.
        anchor: Anchor,
        /// Bold or regular.
        bold: bool,
        /// Its fill.
        paint: Paint,
    },
}

/// How a printer writes paints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaintMode {
    /// Literal colours of a theme (`fill="#0072B2"`): standalone SVG and PNG.
    Colours(Theme),
    /// Palette classes (`class="fill-s0"`), coloured by the page's stylesheet per theme.
    Classes,
}

fn points_attr(points: &[(i32, i32)]) -> String {
    let mut s = String::with_capacity(points.len() * 8);
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        let _ = write!(s, "{x},{y}");
    }
    s
}

/// `1250` → `"12.5"`, `1300` → `"13"`: a size in hundredths, written with integer formatting only.
fn centi(v: u32) -> String {
    let (whole, frac) = (v / 100, v % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

impl Mark {
    /// The SVG element name.
    pub fn tag(&self) -> &'static str {
        match self {
            Mark::Rect { .. } => "rect",
            Mark::Line { .. } => "polyline",
            Mark::Circle { .. } => "circle",
            Mark::Polygon { .. } => "polygon",
            Mark::Text { .. } => "text",
        }
    }

    /// The text inside the element, for a text mark.
    pub fn text(&self) -> Option<&str> {
        match self {
            Mark::Text { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The element's attributes as `mode` writes them (values unescaped), in a fixed order.
    pub fn attrs(&self, mode: PaintMode) -> Vec<(&'static str, String)> {
        let fill = |paint: Paint, out: &mut Vec<(&'static str, String)>| match mode {
            PaintMode::Colours(t) => out.push(("fill", paint.hex(t))),
            PaintMode::Classes => out.push(("class", paint.fill_class())),
        };
        let stroke = |paint: Paint, out: &mut Vec<(&'static str, String)>| {
            out.push(("fill", "none".into()));
            match mode {
                PaintMode::Colours(t) => out.push(("stroke", paint.hex(t))),
                PaintMode::Classes => out.push(("class", paint.stroke_class())),
            }
        };
        let mut a = Vec::with_capacity(8);
        match self {
            Mark::Rect {
                x,
                y,
                w,
                h,
                paint,
                filled,
                opacity,
            } => {
                a.push(("x", x.to_string()));
                a.push(("y", y.to_string()));
                a.push(("width", w.to_string()));
                a.push(("height", h.to_string()));
                if *opacity < 100 {
                    a.push(("opacity", centi(u32::from(*opacity))));
                }
                if *filled {
                    fill(*paint, &mut a);
                } else {
                    stroke(*paint, &mut a);
                }
            }
            Mark::Line {
                points,
                paint,
                width,
                dash,
            } => {
                stroke(*paint, &mut a);
                a.push(("stroke-width", width.to_string()));
                if let Some((d, g)) = dash {
                    a.push(("stroke-dasharray", format!("{d} {g}")));
                }
                a.push(("points", points_attr(points)));
            }
            Mark::Circle {
                cx,
                cy,
                r,
                paint,
                filled,
                width,
            } => {
                a.push(("cx", cx.to_string()));
                a.push(("cy", cy.to_string()));
                a.push(("r", r.to_string()));
                if *filled {
                    fill(*paint, &mut a);
                } else {
                    stroke(*paint, &mut a);
                    a.push(("stroke-width", width.to_string()));
                }
            }
            Mark::Polygon { points, paint } => {
                fill(*paint, &mut a);
                a.push(("points", points_attr(points)));
            }
            Mark::Text {
                x,
                y,
                size_cpx,
                anchor,
                bold,
                paint,
                ..
            } => {
                a.push(("x", x.to_string()));
                a.push(("y", y.to_string()));
                a.push(("dy", "0.5ex".into()));
                a.push(("text-anchor", anchor.svg().into()));
                a.push(("font-family", "sans-serif".into()));
                a.push(("font-size", centi(*size_cpx)));
                fill(*paint, &mut a);
                if *bold {
                    a.push(("font-weight", "bold".into()));
                }
            }
        }
        a
    }

    /// Appends the element as SVG text.
    pub fn write_svg(&self, mode: PaintMode, out: &mut String) {
        out.push('<');
        out.push_str(self.tag());
        for (name, value) in self.attrs(mode) {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            out.push_str(&xml_escape(&value));
            out.push('"');
        }
        match self.text() {
            Some(text) => {
                out.push('>');
                out.push_str(&xml_escape(text));
                out.push_str("</");
                out.push_str(self.tag());
                out.push_str(">\n");
            }
            None => out.push_str("/>\n"),
        }
    }

    /// The same mark moved down by `dy` px.
    fn moved_down(mut self, dy: i32) -> Mark {
        let shift = |points: &mut Vec<(i32, i32)>| {
            for p in points.iter_mut() {
                p.1 += dy;
            }
        };
        match &mut self {
            Mark::Rect { y, .. } | Mark::Text { y, .. } => *y += dy,
            Mark::Circle { cy, .. } => *cy += dy,
            Mark::Line { points, .. } | Mark::Polygon { points, .. } => shift(points),
        }
        self
    }
}

/// A layer of a chart: its marks in drawing order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Scene {
    marks: Vec<Mark>,
}

impl Scene {
    /// A scene of these marks.
    pub fn new(marks: Vec<Mark>) -> Scene {
        Scene { marks }
    }

    /// The marks, in drawing order.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// Appends `other`'s marks moved down by `dy` px (a layer drawn below a banner).
    pub fn append_below(&mut self, other: &Scene, dy: u32) {
        let dy = i32::try_from(dy).unwrap_or(i32::MAX);
        self.marks
            .extend(other.marks.iter().cloned().map(|m| m.moved_down(dy)));
    }

    /// Appends every mark as SVG text.
    pub fn write_svg(&self, mode: PaintMode, out: &mut String) {
        for m in &self.marks {
            m.write_svg(mode, out);
        }
    }

    /// The marks as SVG text.
    pub fn to_svg(&self, mode: PaintMode) -> String {
        let mut out = String::with_capacity(self.marks.len() * 96);
        self.write_svg(mode, &mut out);
        out
    }
}

/// One change to make to the elements on screen (by position among the layer's elements), in
/// the page's paint mode ([`PaintMode::Classes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit<'a> {
    /// Set attribute `name` of element `index` to `value`.
    SetAttr {
        /// Which element (its position now).
        index: usize,
        /// Attribute name.
        name: &'static str,
        /// New value.
        value: String,
    },
    /// Remove attribute `name` of element `index`.
    RemoveAttr {
        /// Which element (its position now).
        index: usize,
        /// Attribute name.
        name: &'static str,
    },
    /// Set the text of element `index`.
    SetText {
        /// Which element (its position now).
        index: usize,
        /// New text.
        text: &'a str,
    },
    /// Remove element `index` (the later ones move up).
    Remove {
        /// Which element (its position now).
        index: usize,
    },
    /// Insert a new element for `mark` at `index` (the later ones move down).
    Insert {
        /// The position it will have.
        index: usize,
        /// What to draw.
        mark: &'a Mark,
    },
}

/// Above this many marks in the unmatched middle of a layer, [`diff`] gives up (the layer is
/// redrawn whole); far above any chart's marks.
const MAX_ALIGN: usize = 2000;

fn same_kind(a: &Mark, b: &Mark) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn edit_kept<'a>(index: usize, a: &Mark, b: &'a Mark, edits: &mut Vec<Edit<'a>>) {
    if a == b {
        return;
    }
    let (old, new) = (a.attrs(PaintMode::Classes), b.attrs(PaintMode::Classes));
    for (name, value) in &new {
        if !old.iter().any(|(n, v)| n == name && v == value) {
            edits.push(Edit::SetAttr {
                index,
                name,
                value: value.clone(),
            });
        }
    }
    for (name, _) in &old {
        if !new.iter().any(|(n, _)| n == name) {
            edits.push(Edit::RemoveAttr { index, name });
        }
    }
    if let (Some(t), Some(u)) = (a.text(), b.text()) {
        if t != u {
            edits.push(Edit::SetText { index, text: u });
        }
    }
}

/// The edits that turn the elements drawn for `old` into those for `new`, in the order they are
/// to be applied (positions count the elements as they are at that moment). Marks of the same
/// kind that line up are kept and only their changed attributes and text are set; the others are
/// removed or inserted. Equal marks cost one comparison and no formatting. `None` only for runs
/// too long to line up cheaply (then the layer is redrawn whole).
pub fn diff<'a>(old: &[Mark], new: &'a [Mark]) -> Option<Vec<Edit<'a>>> {
    let (n, m) = (old.len(), new.len());
    // Same prefix and suffix first: the usual case (same marks, new values) never reaches the
    // table below.
    let mut head = 0;
    while head < n && head < m && same_kind(&old[head], &new[head]) {
        head += 1;
    }
    let mut tail = 0;
    while tail < n - head && tail < m - head && same_kind(&old[n - 1 - tail], &new[m - 1 - tail]) {
        tail += 1;
    }
    let (a, b) = (&old[head..n - tail], &new[head..m - tail]);
    let (p, q) = (a.len(), b.len());
    if p.max(q) > MAX_ALIGN {
        return None;
    }
    // Longest common run of kinds between the middles (lengths from the end).
    let mut lcs = vec![0u32; (p + 1) * (q + 1)];
    let at = |i: usize, j: usize| i * (q + 1) + j;
    for i in (0..p).rev() {
        for j in (0..q).rev() {
            lcs[at(i, j)] = if same_kind(&a[i], &b[j]) {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut edits = Vec::new();
    for k in 0..head {
        edit_kept(k, &old[k], &new[k], &mut edits);
    }
    let (mut i, mut j, mut pos) = (0, 0, head);
    while i < p || j < q {
        if i < p && j < q && same_kind(&a[i], &b[j]) {
            edit_kept(pos, &a[i], &b[j], &mut edits);
            i += 1;
            j += 1;
            pos += 1;
        } else if j < q && (i == p || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            edits.push(Edit::Insert {
                index: pos,
                mark: &b[j],
            });
            j += 1;
            pos += 1;
        } else {
            edits.push(Edit::Remove { index: pos });
            i += 1;
        }
    }
    for k in 0..tail {
        edit_kept(pos + k, &old[n - tail + k], &new[m - tail + k], &mut edits);
    }
    Some(edits)
}

/// Applies `edits` to elements held as plain data (tag, attributes, text), exactly as the browser
/// applies them to the elements on screen: for tests, and for anything that keeps a copy.
pub fn apply_to_plain(elements: &mut Vec<PlainElement>, edits: &[Edit<'_>]) {
    for e in edits {
        match e {
            Edit::SetAttr { index, name, value } => {
                if let Some(el) = elements.get_mut(*index) {
                    match el.attrs.iter_mut().find(|(n, _)| n == name) {
                        Some(slot) => slot.1 = value.clone(),
                        None => el.attrs.push((name.to_string(), value.clone())),
                    }
                }
            }
            Edit::RemoveAttr { index, name } => {
                if let Some(el) = elements.get_mut(*index) {
                    el.attrs.retain(|(n, _)| n != name);
                }
            }
            Edit::SetText { index, text } => {
                if let Some(el) = elements.get_mut(*index) {
                    el.text = Some(text.to_string());
                }
            }
            Edit::Remove { index } => {
                if *index < elements.len() {
                    elements.remove(*index);
                }
            }
            Edit::Insert { index, mark } => {
                let at = (*index).min(elements.len());
                elements.insert(at, PlainElement::of(mark));
            }
        }
    }
}

/// An element as plain data: what the browser holds for a mark (see [`apply_to_plain`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainElement {
    /// Element name.
    pub tag: String,
    /// Attributes, sorted by name.
    pub attrs: Vec<(String, String)>,
    /// Text content, for text.
    pub text: Option<String>,
}

impl PlainElement {
    /// The element the page draws for `mark`.
    pub fn of(mark: &Mark) -> PlainElement {
        PlainElement {
            tag: mark.tag().to_string(),
            attrs: mark
                .attrs(PaintMode::Classes)
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect(),
            text: mark.text().map(str::to_string),
        }
    }

    /// The same element with its attributes sorted (attribute order means nothing on screen).
    pub fn normalised(mut self) -> PlainElement {
        self.attrs.sort();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: i32, paint: Paint) -> Mark {
        Mark::Rect {
            x,
            y: 2,
            w: 10,
            h: 4,
            paint,
            filled: true,
            opacity: 100,
        }
    }

    fn text(s: &str, x: i32) -> Mark {
        Mark::Text {
            x,
            y: 5,
            text: s.into(),
            size_cpx: 1250,
            anchor: Anchor::Start,
            bold: false,
            paint: Paint::Text,
        }
    }

    #[test]
    fn keys_round_trip_and_other_colours_do_not() {
        for p in Paint::ALL {
            assert_eq!(Paint::from_key(p.key()), Some(p));
        }
        assert_eq!(Paint::from_key((0, 0x72, 0xB2)), None);
        assert_eq!(Paint::from_key((KEY.0, KEY.1, 200)), None);
        assert_eq!(Paint::series(9), Paint::Series(1));
    }

    #[test]
    fn prints_literal_colours_or_classes() {
        let m = rect(3, Paint::Series(0));
        assert_eq!(
            Scene::new(vec![m.clone()]).to_svg(PaintMode::Colours(Theme::Light)),
            "<rect x=\"3\" y=\"2\" width=\"10\" height=\"4\" fill=\"#0072B2\"/>\n"
        );
        assert_eq!(
            Scene::new(vec![m]).to_svg(PaintMode::Classes),
            "<rect x=\"3\" y=\"2\" width=\"10\" height=\"4\" class=\"fill-s0\"/>\n"
        );
        let dashed = Mark::Line {
            points: vec![(0, 0), (5, 7)],
            paint: Paint::Axis,
            width: 2,
            dash: Some((4, 3)),
        };
        let svg = Scene::new(vec![dashed]).to_svg(PaintMode::Classes);
        assert_eq!(
            svg,
            "<polyline fill=\"none\" class=\"stroke-axis\" stroke-width=\"2\" stroke-dasharray=\"4 3\" points=\"0,0 5,7\"/>\n"
        );
        let t = Scene::new(vec![text("a < b & \"c\"", 1)]).to_svg(PaintMode::Colours(Theme::Dark));
        assert!(t.contains(">a &lt; b &amp; &quot;c&quot;</text>"), "{t}");
        assert!(t.contains("font-size=\"12.5\""), "{t}");
        assert!(t.contains("fill=\"#EDEDED\""), "{t}");
    }

    #[test]
    fn sizes_are_written_with_integer_formatting() {
        assert_eq!(centi(1250), "12.5");
        assert_eq!(centi(1300), "13");
        assert_eq!(centi(1305), "13.05");
        assert_eq!(centi(5), "0.05");
    }

    #[test]
    fn equal_marks_make_no_edits() {
        let a = vec![rect(1, Paint::Series(1)), text("x", 1)];
        assert_eq!(diff(&a, &a.clone()).unwrap(), vec![]);
    }

    #[test]
    fn changed_marks_set_only_what_changed() {
        let a = vec![rect(1, Paint::Series(1)), text("x", 1)];
        let b = vec![rect(4, Paint::Series(1)), text("y", 1)];
        let edits = diff(&a, &b).unwrap();
        assert_eq!(
            edits,
            vec![
                Edit::SetAttr {
                    index: 0,
                    name: "x",
                    value: "4".into()
                },
                Edit::SetText {
                    index: 1,
                    text: "y"
                },
            ]
        );
    }

    #[test]
    fn patched_elements_equal_a_fresh_drawing() {
        // Marks that come and go (a label moving out of its bar, a bucket reaching zero), a paint
        // changing, a dash appearing: applying the edits to the old elements gives exactly the
        // elements a fresh drawing of the new marks makes.
        let old = vec![
            rect(1, Paint::Series(0)),
            text("in", 2),
            rect(20, Paint::Series(1)),
            Mark::Line {
                points: vec![(0, 0), (1, 1)],
                paint: Paint::Grid,
                width: 1,
                dash: None,
            },
            text("gone", 3),
        ];
        let new = vec![
            rect(1, Paint::Series(2)),
            rect(30, Paint::Series(1)),
            text("out", 40),
            Mark::Line {
                points: vec![(0, 0), (1, 1), (2, 2)],
                paint: Paint::Grid,
                width: 1,
                dash: Some((3, 3)),
            },
            Mark::Circle {
                cx: 1,
                cy: 1,
                r: 2,
                paint: Paint::Axis,
                filled: false,
                width: 1,
            },
        ];
        let mut shown: Vec<PlainElement> = old.iter().map(PlainElement::of).collect();
        apply_to_plain(&mut shown, &diff(&old, &new).unwrap());
        let fresh: Vec<PlainElement> = new
            .iter()
            .map(|m| PlainElement::of(m).normalised())
            .collect();
        let shown: Vec<PlainElement> = shown.into_iter().map(PlainElement::normalised).collect();
        assert_eq!(shown, fresh);
    }

    #[test]
    fn moving_down_moves_every_kind() {
        let mut s = Scene::default();
        s.append_below(
            &Scene::new(vec![
                rect(0, Paint::Grid),
                text("a", 0),
                Mark::Polygon {
                    points: vec![(0, 0), (1, 1)],
                    paint: Paint::Text,
                },
            ]),
            10,
        );
        let svg = s.to_svg(PaintMode::Classes);
        assert!(svg.contains("y=\"12\""), "{svg}");
        assert!(svg.contains("y=\"15\""), "{svg}");
        assert!(svg.contains("points=\"0,10 1,11\""), "{svg}");
    }
}
