//! Putting layers together into one accessible, scalable SVG document.

use crate::error::ChartError;
use crate::scene::{Paint, PaintMode, Scene};
use crate::table::{xml_escape, ChartText, DataTable};
use crate::theme::Theme;

/// Narrowest width a chart is laid out for, in px.
pub const MIN_WIDTH: u32 = 280;
/// Widest width a chart is laid out for, in px.
pub const MAX_WIDTH: u32 = 1600;

/// How to draw a chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RenderOptions {
    /// The width, in CSS px, the chart will be shown at. Text is sized for
    /// this width (at least 12 px); clamped to [`MIN_WIDTH`]–[`MAX_WIDTH`].
    pub width: u32,
    /// Light or dark.
    pub theme: Theme,
    /// Prefix for element ids in the document (keep unique per page).
    pub id: String,
}

impl RenderOptions {
    /// Options for a width and theme, with the id prefix `"chart"`.
    pub fn new(width: u32, theme: Theme) -> Self {
        RenderOptions {
            width,
            theme,
            id: "chart".to_string(),
        }
    }

    /// The same options with another id prefix.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = id.into();
        self
    }

    /// The width actually laid out for.
    pub fn layout_width(&self) -> u32 {
        self.width.clamp(MIN_WIDTH, MAX_WIDTH)
    }
}

/// A drawn chart in two layers, plus what is needed to make a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSvg {
    /// Which chart, e.g. `"waffle"` (used in a CSS class).
    pub kind: &'static str,
    /// Width of the view box.
    pub width: u32,
    /// Height of the view box.
    pub height: u32,
    /// The theme a standalone document ([`ChartSvg::full_svg`]) is coloured in.
    pub theme: Theme,
    /// Id prefix.
    pub id: String,
    /// The accessible name (the chart's one-sentence description).
    pub title: String,
    /// What depends only on layout and framing.
    pub static_layer: Scene,
    /// What changes with the numbers.
    pub marks: Scene,
    /// How far down the marks are moved (px in the view box), below the chart's banner; 0 for
    /// none. The static layer carries its own move.
    pub offset: u32,
}

impl ChartSvg {
    /// One standalone SVG document in the theme's literal colours (downloads, export, PNG):
    /// `viewBox`, `width="100%"`, `role="img"`, a `<title>` holding the description and
    /// `aria-labelledby` naming it, then the static layer and the marks.
    pub fn full_svg(&self) -> String {
        self.document(PaintMode::Colours(self.theme))
    }

    /// The same document as the page holds it: paints as palette classes, coloured by the page's
    /// stylesheet in whichever theme the reader has.
    pub fn page_svg(&self) -> String {
        self.document(PaintMode::Classes)
    }

    /// The static layer as SVG elements in `mode`.
    pub fn static_svg(&self, mode: PaintMode) -> String {
        self.static_layer.to_svg(mode)
    }

    /// The marks as SVG elements in `mode`.
    pub fn marks_svg(&self, mode: PaintMode) -> String {
        self.marks.to_svg(mode)
    }

    fn document(&self, mode: PaintMode) -> String {
        let id = xml_escape(&self.id);
        let mut out = String::with_capacity(
            (self.static_layer.marks().len() + self.marks.marks().len()) * 100 + 600,
        );
        out.push_str(&open_svg(self.kind, self.width, self.height, mode, &id));
        out.push_str(&format!(
            "<title id=\"{id}-title\">{}</title>\n",
            xml_escape(&self.title)
        ));
        out.push_str("<g class=\"fund-chart-static\">\n");
        self.static_layer.write_svg(mode, &mut out);
        out.push_str("</g>\n");
        out.push_str(&marks_open(self.offset));
        out.push('\n');
        self.marks.write_svg(mode, &mut out);
        out.push_str("</g>\n</svg>\n");
        out
    }
}

/// The opening tag of the marks group, moved down by `offset` px (below the banner).
pub fn marks_open(offset: u32) -> String {
    if offset == 0 {
        "<g class=\"fund-chart-marks\">".to_string()
    } else {
        format!(
            "<g class=\"fund-chart-marks\" transform=\"{}\">",
            marks_transform(offset)
        )
    }
}

/// The `transform` of the marks group for a banner `offset` px high.
pub fn marks_transform(offset: u32) -> String {
    format!("translate(0 {offset})")
}

/// The root element's classes: `fund-chart fund-chart-<kind>`, and for a standalone document
/// `fund-chart-<theme>` (on the page the theme is the page's).
pub fn root_class(kind: &str, mode: PaintMode) -> String {
    match mode {
        PaintMode::Colours(theme) => {
            format!("fund-chart fund-chart-{kind} fund-chart-{}", theme.name())
        }
        PaintMode::Classes => format!("fund-chart fund-chart-{kind}"),
    }
}

fn open_svg(kind: &str, width: u32, height: u32, mode: PaintMode, id: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMin meet\" \
         role=\"img\" aria-labelledby=\"{id}-title\" class=\"{}\">\n",
        root_class(kind, mode)
    )
}

/// A small standalone SVG that says "Chart unavailable", for when drawing fails.
pub fn unavailable_svg(options: &RenderOptions) -> String {
    let width = options.layout_width();
    let height = 120;
    let t = options.theme;
    let id = xml_escape(&options.id);
    format!(
        "{}<title id=\"{id}-title\">Chart unavailable</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"{}\" stroke=\"{}\"/>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\" fill=\"{}\">Chart unavailable</text>\n</svg>\n",
        open_svg("unavailable", width, height, PaintMode::Colours(t), &id),
        Paint::Background.hex(t),
        Paint::Grid.hex(t),
        width / 2,
        height / 2,
        Paint::Text.hex(t),
    )
}

/// What every chart offers: its words, its table, and its two SVG layers.
///
/// A chart value is the *model*: plain figures, built natively and tested.
/// The layer methods are the *renderer*. For a cheap redraw on every slider
/// input, keep [`Chart::static_layer`] (it reads only what each chart's docs
/// say it reads) and redraw only [`Chart::marks`].
pub trait Chart {
    /// Which chart, e.g. `"waffle"`.
    fn kind(&self) -> &'static str;

    /// Caption, one-sentence description and source ids.
    fn text(&self) -> &ChartText;

    /// The "Show data" table.
    fn table(&self) -> DataTable;

    /// Height of the view box for a layout width.
    fn height(&self, width: u32) -> u32;

    /// Background, axes, grid and labels that depend only on layout and framing.
    fn static_layer(&self, options: &RenderOptions) -> Result<Scene, ChartError>;

    /// The marks that change with the numbers.
    fn marks(&self, options: &RenderOptions) -> Result<Scene, ChartError>;

    /// Both layers, ready to join.
    fn render(&self, options: &RenderOptions) -> Result<ChartSvg, ChartError> {
        let width = options.layout_width();
        Ok(ChartSvg {
            kind: self.kind(),
            width,
            height: self.height(width),
            theme: options.theme,
            id: options.id.clone(),
            title: self.text().description.clone(),
            static_layer: self.static_layer(options)?,
            marks: self.marks(options)?,
            offset: 0,
        })
    }

    /// One standalone SVG document (for download and tests); a "Chart
    /// unavailable" SVG if drawing failed.
    fn full_svg(&self, options: &RenderOptions) -> String {
        match self.render(options) {
            Ok(svg) => svg.full_svg(),
            Err(_) => unavailable_svg(options),
        }
    }
}
