//! SVG to PNG, natively, with resvg and the fonts this package ships.
//!
//! The font database holds only the fonts in `fonts/`, embedded in the binary: DejaVu Sans
//! (regular and bold), and a subset of Noto Sans CJK JP (regular and bold: kana, the JIS X 0208
//! kanji of level 1 and symbols, CJK and full-width punctuation, Latin-1; made by
//! `scripts/subset-ja-font.sh`). Every generic family (`sans-serif`, which the charts name, and
//! the others, and the default) maps onto DejaVu Sans, and no system font is ever loaded. The
//! charts' SVG names nothing but `sans-serif`, so a label is set in DejaVu Sans, the same on
//! every machine, unless it has a character DejaVu Sans lacks (Japanese): then usvg's fallback
//! asks [`fallback`], which picks the shipped face that has the character, of the nearest
//! weight, and usvg shapes the text again with it. Where that face has every character of the
//! text (a Japanese label with digits and Latin letters, as the Japanese font has those too), the
//! whole text is set in it; otherwise only the glyphs the first font lacked are taken from it.
//! [`missing_glyphs`] tells which characters no shipped font has. `<image>` elements may only use
//! `data:` URLs (no file is ever read).

use crate::ExportError;
use fund_view::charts::RenderedChart;
use fund_view::export;
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb, FontResolver, ImageHrefResolver};
use skrifa::MetadataProvider;
use std::sync::{Arc, OnceLock};

/// The family name of the shipped Latin font; every generic family resolves to it.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The family name of the shipped Japanese font: text falls back to it for the characters
/// [`FONT_FAMILY`] lacks (kana, kanji, full-width punctuation).
pub const JAPANESE_FONT_FAMILY: &str = "Noto Sans CJK JP";

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
static JAPANESE_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansCJKjp-Regular-subset.otf");
static JAPANESE_BOLD: &[u8] = include_bytes!("../fonts/NotoSansCJKjp-Bold-subset.otf");

/// Every shipped font, in the order they are loaded (and so the order in which a fallback
/// between equally good faces is chosen).
static SHIPPED: [&[u8]; 4] = [REGULAR, BOLD, JAPANESE_REGULAR, JAPANESE_BOLD];

/// The font database: the shipped fonts only, built once.
fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for data in SHIPPED {
            // Borrowed from the binary, not copied.
            db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Whether the face `id` maps `c` to a glyph (its `cmap` has it), read as usvg itself reads it.
fn has_char(db: &fontdb::Database, id: fontdb::ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        skrifa::FontRef::from_index(data, index)
            .ok()
            .and_then(|font| font.charmap().map(c))
            .is_some()
    })
    .unwrap_or(false)
}

/// The fallback for a character `c` that the faces in `used` (the first is the one the text
/// asked for) lack: of the other shipped faces that have it, the one of the same style and the
/// nearest weight (bold text falls back to the bold Japanese face), the first loaded on a tie.
/// usvg's own default would take the first face that has the character whatever its weight.
fn fallback(c: char, used: &[fontdb::ID], db: &fontdb::Database) -> Option<fontdb::ID> {
    let base = db.face(*used.first()?)?;
    db.faces()
        .filter(|face| !used.contains(&face.id) && has_char(db, face.id, c))
        .min_by_key(|face| {
            (
                face.style != base.style,
                face.weight.0.abs_diff(base.weight.0),
            )
        })
        .map(|face| face.id)
}

/// The characters of `text` that no shipped font has a glyph for, each once, in the order they
/// first appear; these would be drawn as the font's "missing" box. Control characters (which
/// are never drawn) are not counted. Empty means every character of `text` is drawn with a real
/// glyph, e.g. `missing_glyphs("日本の対米投資5500億ドル（約81兆円）")` is empty, and
/// `missing_glyphs("𠮷")` is `['𠮷']` (a rare kanji outside the shipped subset).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let db = fonts();
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if c.is_control() || missing.contains(&c) {
            continue;
        }
        if !db.faces().any(|face| has_char(&db, face.id, c)) {
            missing.push(c);
        }
    }
    missing
}

/// Parsing options: the shipped fonts, with [`fallback`], and no file access for `<image>`.
pub(crate) fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: fonts(),
        font_resolver: FontResolver {
            select_font: FontResolver::default_font_selector(),
            select_fallback: Box::new(|c, used, db| fallback(c, used, db)),
        },
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
    fn only_the_shipped_fonts_are_known() {
        let db = fonts();
        let faces: Vec<(String, u16)> = db
            .faces()
            .map(|f| (f.families[0].0.clone(), f.weight.0))
            .collect();
        assert_eq!(
            faces,
            [
                (FONT_FAMILY.to_string(), 400),
                (FONT_FAMILY.to_string(), 700),
                (JAPANESE_FONT_FAMILY.to_string(), 400),
                (JAPANESE_FONT_FAMILY.to_string(), 700),
            ]
        );
    }

    #[test]
    fn the_fallback_keeps_the_weight() {
        let db = fonts();
        let ids: Vec<fontdb::ID> = db.faces().map(|f| f.id).collect();
        let [regular, bold, ja_regular, ja_bold] = ids[..] else {
            panic!("{ids:?}")
        };
        assert_eq!(fallback('日', &[regular], &db), Some(ja_regular));
        assert_eq!(fallback('日', &[bold], &db), Some(ja_bold));
        // Once a face has been tried, the next nearest.
        assert_eq!(fallback('日', &[bold, ja_bold], &db), Some(ja_regular));
        assert_eq!(fallback('日', &ids, &db), None);
        assert_eq!(fallback('𠮷', &[regular], &db), None);
        assert_eq!(fallback('日', &[], &db), None);
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
