//! SVG to PNG, natively, with resvg and the one font this package ships.
//!
//! The font database holds only DejaVu Sans (regular and bold) from `fonts/`, embedded in the
//! binary; every generic family (`sans-serif`, which the charts name, and the others, and the
//! default) maps onto it, and no system font is ever loaded. The charts' SVG names nothing but
//! `sans-serif`, so every label is set in DejaVu Sans, the same on every machine. `<image>`
//! elements may only use `data:` URLs (no file is ever read).

use crate::ExportError;
use japan_fund_explainer::charts::RenderedChart;
use japan_fund_explainer::export;
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb, ImageHrefResolver};
use std::sync::{Arc, OnceLock};

/// The family name of the shipped font; every generic family resolves to it.
pub const FONT_FAMILY: &str = "DejaVu Sans";

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The font database: the shipped font only, built once.
fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Parsing options: the shipped font, and no file access for `<image>`.
pub(crate) fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fonts(),
        resources_dir: None,
        image_href_resolver: ImageHrefResolver {
            resolve_data: ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

/// Reads a `#RRGGBB` colour.
fn hex_colour(hex: &str) -> Option<Color> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some(Color::from_rgba8(byte(0)?, byte(2)?, byte(4)?, 255))
}

/// Rasterises an SVG document to a PNG of `width`×`height` pixels: the pixmap is filled with
/// `background` (`#RRGGBB`; `None` leaves it transparent), then the document is drawn scaled to
/// the pixmap (its own width and height, stretched to fit, as a canvas's `drawImage` does).
pub fn svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    background: Option<&str>,
) -> Result<Vec<u8>, ExportError> {
    let tree = usvg::Tree::from_str(svg, &options())
        .map_err(|e| ExportError::Raster(format!("the SVG could not be read: {e}")))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Raster(format!("a {width}×{height} image cannot be made")))?;
    if let Some(bg) = background {
        let colour = hex_colour(bg)
            .ok_or_else(|| ExportError::Raster(format!("“{bg}” is not a #RRGGBB colour")))?;
        pixmap.fill(colour);
    }
    let size = tree.size();
    let transform =
        Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Raster(format!("the PNG could not be encoded: {e}")))
}

/// The browser's PNG download, made natively: the document the browser rasterises
/// ([`export::svg_for_png`]), drawn at `scale` device pixels per CSS pixel of the view box on
/// the chart's own background ([`export::background`]). At scale [`export::PNG_SCALE`] the image
/// has the browser's size ([`export::png_size`]).
pub fn chart_png(chart: &RenderedChart, scale: u32) -> Result<Vec<u8>, ExportError> {
    let svg = export::svg_for_png(&chart.svg);
    let (w, h) = (chart.svg.width * scale, chart.svg.height * scale);
    svg_to_png(&svg, w, h, Some(&export::background(chart.svg.theme)))
}

/// The width, in px, of `text` set on one line in the shipped font at `px` (bold or not): the
/// extent of the glyphs as resvg lays them out.
pub(crate) fn text_width(text: &str, px: f32, bold: bool) -> f32 {
    let weight = if bold { "bold" } else { "normal" };
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8000\" height=\"400\">\
         <text x=\"0\" y=\"200\" font-family=\"sans-serif\" font-size=\"{px}\" font-weight=\"{weight}\">{}</text></svg>",
        fund_charts::table::xml_escape(text)
    );
    usvg::Tree::from_str(&svg, &options())
        .ok()
        .map(|t| t.root().abs_bounding_box().width())
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        assert_eq!(hex_colour("#FFFFFF"), Some(Color::WHITE));
        assert_eq!(
            hex_colour("#121417"),
            Some(Color::from_rgba8(0x12, 0x14, 0x17, 255))
        );
        assert_eq!(hex_colour("FFFFFF"), None);
        assert_eq!(hex_colour("#FFF"), None);
        assert_eq!(hex_colour("#ÿÿÿ"), None);
    }

    #[test]
    fn only_the_shipped_font_is_known() {
        let db = fonts();
        let families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
            .collect();
        assert_eq!(db.len(), 2, "{families:?}");
        assert!(families.iter().all(|f| f == FONT_FAMILY), "{families:?}");
    }

    #[test]
    fn text_is_measured_with_the_font() {
        let narrow = text_width("iiii", 20.0, false);
        let wide = text_width("WWWW", 20.0, false);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert!(text_width("Word", 20.0, true) > text_width("Word", 20.0, false));
        assert!(
            (text_width("Word", 40.0, false) / text_width("Word", 20.0, false) - 2.0).abs() < 0.05
        );
    }

    #[test]
    fn bad_svg_is_an_error() {
        assert!(matches!(
            svg_to_png("<svg", 10, 10, None),
            Err(ExportError::Raster(_))
        ));
        assert!(svg_to_png(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
            0,
            10,
            None
        )
        .is_err());
    }
}
