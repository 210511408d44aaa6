//! Social cards (og:image): a title, one chart and a source line on a 1200×630 PNG.
//!
//! The card is one SVG document: the title as text (wrapped with the shipped font's real
//! widths, at most three lines, XML-escaped), the chart's own document (the one the SVG download
//! holds) nested as an `<svg>` scaled into the space left, and a footer naming the chart's
//! sources. It is rasterised by the same path as the chart PNGs.

use crate::raster::{svg_to_png, text_width};
use crate::ExportError;
use fund_charts::table::xml_escape;
use fund_charts::theme::Colours;
use fund_charts::Theme;
use fund_core::model::Derived;
use fund_core::{msg, Lang};
use fund_view::charts::{self, ChartId};

/// The card's width in px (the usual og:image size).
pub const CARD_WIDTH: u32 = 1200;
/// The card's height in px.
pub const CARD_HEIGHT: u32 = 630;

const PAD: f32 = 56.0;
const TITLE_PX: f32 = 46.0;
const TITLE_LINE: f32 = 56.0;
const TITLE_LINES: usize = 3;
const FOOTER_PX: f32 = 20.0;
/// The layout width the chart is drawn at before it is scaled into the card: the page's wide
/// layout, so its labels are the page's.
const CHART_LAYOUT: u32 = fund_view::layout::WIDE_LAYOUT;

/// `text` with control characters (which XML cannot hold, escaped or not) made spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` cut (at a character) to fit `max` px, with an ellipsis if anything was cut.
fn fit(text: &str, px: f32, bold: bool, max: f32) -> String {
    if text_width(text, px, bold) <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(&candidate, px, bold) <= max {
            return candidate;
        }
    }
    "…".to_string()
}

/// Splits `text` into at most `max_lines` lines no wider than `max` px (set in the shipped fonts
/// at `px`, bold); what does not fit ends the last line with an ellipsis. Latin text breaks at
/// spaces, Japanese between characters (never before closing punctuation).
pub(crate) fn wrap(text: &str, px: f32, bold: bool, max: f32, max_lines: usize) -> Vec<String> {
    let units = fund_charts::line_units(text);
    let join = |line: &str, spaced: bool, unit: &str| {
        if line.is_empty() {
            unit.to_string()
        } else if spaced {
            format!("{line} {unit}")
        } else {
            format!("{line}{unit}")
        }
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut rest = 0;
    for (i, (spaced, unit)) in units.iter().enumerate() {
        let candidate = join(&line, *spaced, unit);
        if line.is_empty() || text_width(&candidate, px, bold) <= max {
            line = candidate;
            continue;
        }
        lines.push(std::mem::replace(&mut line, unit.clone()));
        if lines.len() == max_lines {
            rest = i;
            line.clear();
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if rest > 0 {
        // Too many lines: the last one takes the rest and is cut to fit.
        let mut last = lines.pop().unwrap_or_default();
        for (spaced, unit) in &units[rest..] {
            last = join(&last, *spaced, unit);
        }
        lines.push(fit(&last, px, bold, max));
    }
    lines.into_iter().map(|l| fit(&l, px, bold, max)).collect()
}

/// The card as one SVG document (what [`social_card_png`] rasterises), its words in `lang`.
pub fn social_card_svg(
    title: &str,
    chart: ChartId,
    derived: &Derived,
    theme: Theme,
    lang: Lang,
) -> String {
    let colours = theme.colours();
    let (w, h) = (CARD_WIDTH as f32, CARD_HEIGHT as f32);
    let text_width_max = w - 2.0 * PAD;
    let lines = wrap(&clean(title), TITLE_PX, true, text_width_max, TITLE_LINES);

    let rendered = charts::render(chart, derived, CHART_LAYOUT, theme, lang);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" \
         viewBox=\"0 0 {CARD_WIDTH} {CARD_HEIGHT}\">\n\
         <rect x=\"0\" y=\"0\" width=\"{CARD_WIDTH}\" height=\"{CARD_HEIGHT}\" fill=\"{}\"/>\n",
        Colours::hex(colours.background)
    );
    for (i, line) in lines.iter().enumerate() {
        let y = PAD + TITLE_PX * 0.8 + TITLE_LINE * i as f32;
        svg.push_str(&format!(
            "<text x=\"{PAD}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{TITLE_PX}\" \
             font-weight=\"bold\" fill=\"{}\">{}</text>\n",
            Colours::hex(colours.text),
            xml_escape(line)
        ));
    }

    // The chart: its own document, given a place and a size instead of width="100%".
    let top = PAD + TITLE_LINE * lines.len() as f32 + 8.0;
    let bottom = h - PAD - 8.0;
    let placed = format!(
        " x=\"{PAD}\" y=\"{top}\" width=\"{text_width_max}\" height=\"{}\"",
        (bottom - top).max(1.0)
    );
    svg.push_str(
        &rendered
            .svg
            .full_svg()
            .replacen(" width=\"100%\"", &placed, 1),
    );

    let mut publishers: Vec<String> = Vec::new();
    for id in &rendered.text.source_ids {
        if let Some(s) = fund_content::source(id) {
            let p = s.publisher(lang).to_string();
            if !publishers.contains(&p) {
                publishers.push(p);
            }
        }
    }
    let footer = if publishers.is_empty() {
        msg::page::title(lang).to_string()
    } else {
        format!(
            "{}{}",
            msg::content::sources_label(lang),
            publishers.join(msg::content::separator(lang))
        )
    };
    svg.push_str(&format!(
        "<text x=\"{PAD}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"{FOOTER_PX}\" fill=\"{}\">{}</text>\n</svg>\n",
        h - PAD * 0.5,
        Colours::hex(colours.muted),
        xml_escape(&fit(&clean(&footer), FOOTER_PX, false, text_width_max))
    ));
    svg
}

/// A 1200×630 PNG for og:image: `title` (wrapped to at most three lines, cut with an ellipsis
/// beyond), chart `chart` drawn from `derived` in `theme` and scaled into the card, and a footer
/// line naming the chart's sources, in `lang`. Deterministic: the same arguments give the same
/// bytes.
pub fn social_card_png(
    title: &str,
    chart: ChartId,
    derived: &Derived,
    theme: Theme,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    svg_to_png(
        &social_card_svg(title, chart, derived, theme, lang),
        CARD_WIDTH,
        CARD_HEIGHT,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            wrap("Where it goes", 46.0, true, 1088.0, 3),
            ["Where it goes"]
        );
        assert!(wrap("", 46.0, true, 1088.0, 3).is_empty());
    }

    #[test]
    fn long_titles_wrap_to_three_lines_that_fit() {
        let title = "Japan’s $550 billion US fund: what the article says about Treasuries, agency \
                     bonds and index funds, and what the public record of loans, equity and \
                     guarantees says instead, year by year, dollar by dollar";
        let lines = wrap(title, 46.0, true, 1088.0, 3);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 46.0, true) <= 1088.0, "{l}");
        }
        // Nothing is lost before the cut.
        assert!(title.starts_with(&format!("{} {}", lines[0], lines[1])));
    }

    #[test]
    fn japanese_titles_wrap_between_characters() {
        let title = "日本の5500億ドル対米投資、資金はどこへ向かうのか：記事の論理と公開記録を照らし合わせ、融資・出資・保証の実態を年ごとに検証する";
        let lines = wrap(title, 46.0, true, 1088.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 46.0, true) <= 1088.0, "{l}");
            assert!(!l.starts_with(['、', '。', '：']), "{lines:?}");
        }
        assert!(title.starts_with(&lines[0]));
    }

    #[test]
    fn an_endless_word_is_cut() {
        let lines = wrap(&"W".repeat(200), 46.0, true, 1088.0, 3);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with('…'));
    }
}
