//! What a chart's "Download", "Embed this chart" and "Cite this" offer, as plain strings: file
//! names and contents (SVG, CSV, JSON), the embed URL and its two copy-ready snippets (with the
//! escaping they need), and the citation text.
//!
//! Plain functions of plain types, tested natively; the browser glue (blobs, canvas, clipboard,
//! the dialog) is in the wasm-only `client::share` module.

use crate::charts::{ChartId, RenderedChart};
use crate::theme::ThemeChoice;
use crate::url::LinkState;
use fund_charts::theme::Colours;
use fund_charts::{ChartSvg, Theme};
use fund_core::allocation::Allocation;
use fund_core::framing::FramingId;
use fund_core::model::{Derived, Model};
use fund_core::params::ControlsParam;
use fund_core::{msg, Lang};
use serde::Serialize;
/// Where the pym.js embed variant loads pym from.
pub const PYM_SRC: &str = "https://pym.nprapps.org/pym.v1.min.js";
/// The XML declaration a downloaded SVG starts with.
pub const XML_PROLOG: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
/// The byte-order mark a downloaded CSV starts with, so spreadsheets read it as UTF-8 ("¥", "–").
pub const UTF8_BOM: char = '\u{FEFF}';
/// How many device pixels per CSS pixel a downloaded PNG has.
pub const PNG_SCALE: u32 = 2;

/// A download format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The chart exactly as shown.
    Svg,
    /// The chart drawn at [`PNG_SCALE`]× in the browser.
    Png,
    /// The "Show data" table.
    Csv,
    /// The core's figures behind the chart.
    Json,
}

impl Format {
    /// Every format, in the order the buttons show them.
    pub const ALL: [Format; 4] = [Format::Svg, Format::Png, Format::Csv, Format::Json];

    /// The file extension and test-id suffix: `"svg"`.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }

    /// The button's visible label: `"SVG"` (the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            Format::Svg => "SVG",
            Format::Png => "PNG",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    /// What the button does, for its accessible name, in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Format::Svg => msg::share::as_svg(lang),
            Format::Png => msg::share::as_png(lang),
            Format::Csv => msg::share::as_csv(lang),
            Format::Json => msg::share::as_json(lang),
        }
    }
}

/// The download's file name: `japan-fund-allocation.csv` (`japan-fund-allocation-ja.csv` for
/// the Japanese edition, whose words differ).
pub fn file_name(id: ChartId, format: Format, lang: Lang) -> String {
    match lang {
        Lang::En => format!("japan-fund-{}.{}", id.slug(), format.ext()),
        Lang::Ja => format!("japan-fund-{}-ja.{}", id.slug(), format.ext()),
    }
}

/// A short name of the chart for accessible names: "the allocation chart".
pub fn chart_name(id: ChartId, lang: Lang) -> String {
    let tab = id.tab_label(lang);
    match lang {
        Lang::En => msg::share::chart_name(lang, &tab.to_lowercase()),
        Lang::Ja => msg::share::chart_name(lang, tab),
    }
}

/// The download button's accessible name: "Download the allocation chart as PNG".
pub fn download_label(id: ChartId, format: Format, lang: Lang) -> String {
    msg::share::download(lang, &chart_name(id, lang), format.describe(lang))
}

/// The SVG file: the XML declaration, then the chart's document exactly as shown.
pub fn svg_document(svg: &ChartSvg) -> String {
    let mut out = String::from(XML_PROLOG);
    out.push_str(&svg.full_svg());
    out
}

/// The SVG to rasterise for the PNG: the document as shown, with its `width="100%"` replaced by
/// fixed pixel dimensions ([`PNG_SCALE`]× the view box), so the image has an intrinsic size.
pub fn svg_for_png(svg: &ChartSvg) -> String {
    let (w, h) = png_size(svg);
    svg.full_svg().replacen(
        " width=\"100%\"",
        &format!(" width=\"{w}\" height=\"{h}\""),
        1,
    )
}

/// The PNG's size in pixels: [`PNG_SCALE`]× the SVG's view box.
pub fn png_size(svg: &ChartSvg) -> (u32, u32) {
    (svg.width * PNG_SCALE, svg.height * PNG_SCALE)
}

/// The colour the PNG is filled with before drawing (the chart's own background).
pub fn background(theme: Theme) -> String {
    Colours::hex(theme.colours().background)
}

/// The CSV file: a UTF-8 byte-order mark, a title line holding the chart's banner (what the
/// figures are: the article's claim, the record or an illustration, and the record's date, so
/// the claim travels with its figures), an empty line, then the table's CSV.
pub fn csv_document(chart: &RenderedChart) -> String {
    let mut out = String::new();
    out.push(UTF8_BOM);
    let title = format!("{} {}", chart.banner.line, chart.banner.as_of);
    out.push('"');
    out.push_str(&title.replace('"', "\"\""));
    out.push_str("\"\r\n\r\n");
    out.push_str(&chart.table.to_csv());
    out
}

/// What the figures in a download are, as its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRef {
    /// `claim` (the article's, which no source supports), `record` or `illustration`.
    pub kind: &'static str,
    /// The banner's sentence, as drawn at the top of the chart.
    pub line: String,
    /// The record's date line.
    pub as_of: String,
}

impl NoteRef {
    fn of(banner: &fund_charts::Banner) -> NoteRef {
        NoteRef {
            kind: match banner.kind {
                fund_charts::BannerKind::Claim => "claim",
                fund_charts::BannerKind::Record => "record",
                fund_charts::BannerKind::Illustration => "illustration",
            },
            line: banner.line.clone(),
            as_of: banner.as_of.clone(),
        }
    }
}

/// A source in the JSON download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// The id in the content crate's `sources.json`.
    pub id: String,
    /// Its reader-facing citation (empty if the id is unknown).
    pub citation: String,
}

/// The core's figures behind one chart, as they serialise.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ChartData<'a> {
    /// The waffle: the allocation and the squares per bucket (bucket order).
    Waffle {
        /// The allocation the squares show.
        allocation: &'a Allocation,
        /// Squares per bucket, adding up to 100.
        waffle: &'a [usize],
    },
    /// The allocation chart.
    Allocation(&'a Allocation),
    /// The income chart.
    Income(&'a fund_core::derived::IncomeTable),
    /// The scale chart.
    Context(&'a fund_core::derived::ScaleContext),
    /// The framings side by side.
    Framings {
        /// The article's framing.
        article: &'a Allocation,
        /// The record's framing.
        record: &'a Allocation,
    },
    /// The profit split.
    ProfitSplit(&'a fund_core::profit::ProfitSchedule),
    /// The yield effect.
    YieldEffect(&'a fund_core::yields::YieldEffect),
    /// The deal tracker.
    Tracker(&'a fund_core::tracker::Tracker),
}

/// The figures behind chart `id`, borrowed from the derived value; `None` for the tracker,
/// whose figures are the record's ([`ChartData::Tracker`]), not the reader's.
pub fn chart_data(id: ChartId, d: &Derived) -> Option<ChartData<'_>> {
    Some(match id {
        ChartId::Waffle => ChartData::Waffle {
            allocation: d.allocation(),
            waffle: d.waffle(),
        },
        ChartId::Allocation => ChartData::Allocation(d.allocation()),
        ChartId::Income => ChartData::Income(d.income()),
        ChartId::Context => ChartData::Context(d.scale()),
        ChartId::Framings => {
            let (a, other) = (d.allocation(), d.other_allocation());
            let (article, record) = if a.framing() == FramingId::Article {
                (a, other)
            } else {
                (other, a)
            };
            ChartData::Framings { article, record }
        }
        ChartId::ProfitSplit => ChartData::ProfitSplit(d.profit()),
        ChartId::YieldEffect => ChartData::YieldEffect(d.yield_effect()),
        ChartId::Tracker => return None,
    })
}

/// The JSON download: the chart's words, where it came from, and the core's figures.
#[derive(Debug, Clone, Serialize)]
pub struct JsonExport<'a> {
    /// The chart's slug.
    pub chart: &'static str,
    /// The language of the words.
    pub lang: &'static str,
    /// The chart's caption.
    pub title: String,
    /// The chart's one-sentence description.
    pub description: String,
    /// What the figures are (the article's claim, the record, an illustration) and the record's
    /// date: the chart's banner.
    pub note: NoteRef,
    /// The permalink of the state the figures were computed for.
    pub generated_from: String,
    /// The sources behind the figures.
    pub sources: Vec<SourceRef>,
    /// The core's figures (money as exact decimal strings, in dollars).
    pub data: ChartData<'a>,
}

/// A source's citation in `lang` from the content crate (native tools and the prerender; the
/// browser takes citations from the page instead).
pub fn content_citation(id: &str, lang: Lang) -> String {
    fund_content::source(id)
        .map(|s| s.citation(lang))
        .unwrap_or_default()
}

/// The JSON file, pretty-printed: the chart's words, `data`, and each source's citation as
/// `cite` gives it.
pub fn json_document(
    chart: &RenderedChart,
    data: ChartData<'_>,
    permalink: &str,
    lang: Lang,
    cite: &dyn Fn(&str) -> String,
) -> String {
    let export = JsonExport {
        chart: chart.id.slug(),
        lang: lang.as_str(),
        title: chart.text.caption.clone(),
        description: chart.text.description.clone(),
        note: NoteRef::of(&chart.banner),
        generated_from: permalink.to_string(),
        sources: chart
            .text
            .source_ids
            .iter()
            .map(|id| SourceRef {
                id: id.clone(),
                citation: cite(id),
            })
            .collect(),
        data,
    };
    // Serialising plain structs of strings, numbers and decimals cannot fail.
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Embedding

/// Decodes one `application/x-www-form-urlencoded` component (`+` is a space).
fn form_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query parameters pym.js adds to an embedded page's address (`childId`, `initialWidth`,
/// `parentTitle`, `parentUrl`): they belong to one host page and never to a link.
pub const PYM_PARAMS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// The permalink to cite and to record in the JSON: the page's address as it is (the app keeps
/// its whole state in the query), less the parameters pym.js adds when the page is embedded.
pub fn permalink(href: &str) -> String {
    let (rest, fragment) = match href.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (href, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|pair| {
            let key = form_decode(pair.split_once('=').map_or(pair, |(k, _)| k));
            !PYM_PARAMS.contains(&key.as_str())
        })
        .collect();
    let mut out = path.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// What the embed dialog lets a journalist choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOptions {
    /// What the embed shows: the record (the default, safe to publish) or the article's claim.
    pub framing: FramingId,
    /// The embed's theme (`auto` follows the host reader's system).
    pub theme: ThemeChoice,
    /// The embed's language.
    pub lang: Lang,
    /// How many controls the embed shows.
    pub controls: ControlsParam,
}

/// The address of chart `id`'s own prerendered page (`<root>[ja/]embed/<chart>/`) with the
/// reader's numbers and the chosen options in its query. `root` is the explainer's root URL
/// (ending in `/`).
pub fn embed_url(root: &str, id: ChartId, model: &Model, options: EmbedOptions) -> String {
    let mut model = model.clone();
    // Both framings are built in: cannot be refused.
    let _ = model.set_framing(options.framing);
    let query = crate::url::write(
        &model,
        LinkState {
            step: 0,
            theme: options.theme,
            embed: Some(id),
            lang: options.lang,
            controls: Some(options.controls),
        },
    );
    format!("{root}{}embed/{}/?{query}", options.lang.dir(), id.slug())
}

/// Escapes text for an HTML attribute value in double quotes (and for HTML text).
pub fn escape_attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a double-quoted JavaScript string inside an inline `<script>`: backslashes
/// and quotes are escaped, and `<`, `>`, `&`, line breaks, U+2028/U+2029 and other control
/// characters become `\uXXXX`, so the value can neither end the string nor the script element.
pub fn escape_js_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\'' => out.push_str("\\'"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// The height to give an embedded chart's iframe before it reports its own: the chart's view-box
/// height plus room for its words and its controls, rounded up to 10 px. (pym.js, AMP and this
/// project's own message then keep it exact.)
pub fn embed_height(svg_height: u32, controls: ControlsParam) -> u32 {
    // Measured at 520 px (e2e: the dialog's snippet-height test), the view box including the banner:
    // the allocation embed needs its view box plus about 197, 354 and 655 px.
    let extra = match controls {
        ControlsParam::None => 200,
        ControlsParam::Compact => 380,
        ControlsParam::All => 660,
    };
    let h = svg_height.saturating_add(extra).max(320);
    h.div_ceil(10) * 10
}

/// The iframe's accessible title: `"<caption> — interactive chart"`.
pub fn embed_title(caption: &str, lang: Lang) -> String {
    msg::share::embed_title(lang, caption)
}

/// The plain responsive iframe: full width, a fixed starting height, no script.
pub fn iframe_snippet(url: &str, caption: &str, height: u32, lang: Lang) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>",
        escape_attr(url),
        escape_attr(&embed_title(caption, lang)),
    )
}

/// The element id the pym.js variant puts the chart in: `japan-fund-allocation`.
pub fn pym_container_id(id: ChartId) -> String {
    format!("japan-fund-{}", id.slug())
}

/// The pym.js snippet: a container, pym.js, and a `pym.Parent` pointed at the embed URL (the
/// frame then follows the chart's height).
pub fn pym_snippet(id: ChartId, url: &str, caption: &str, lang: Lang) -> String {
    let container = pym_container_id(id);
    format!(
        "<div id=\"{}\"></div><script src=\"{PYM_SRC}\"></script><script>new pym.Parent(\"{}\", \"{}\", {{title: \"{}\"}});</script>",
        escape_attr(&container),
        escape_js_string(&container),
        escape_js_string(url),
        escape_js_string(&embed_title(caption, lang)),
    )
}

/// Where AMP pages load `amp-iframe` from.
pub const AMP_IFRAME_SRC: &str = "https://cdn.ampproject.org/v0/amp-iframe-0.1.js";

/// The AMP snippet: the `amp-iframe` script and a resizable `amp-iframe` (the embed sends AMP's
/// `embed-size` message, so AMP grows the frame to fit; the overflow button is AMP's fallback).
pub fn amp_snippet(url: &str, caption: &str, height: u32, lang: Lang) -> String {
    format!(
        "<script async custom-element=\"amp-iframe\" src=\"{AMP_IFRAME_SRC}\"></script>\n<amp-iframe src=\"{}\" title=\"{}\" width=\"600\" height=\"{height}\" layout=\"responsive\" sandbox=\"allow-scripts allow-same-origin allow-popups\" resizable frameborder=\"0\"><button overflow type=\"button\">{}</button></amp-iframe>",
        escape_attr(url),
        escape_attr(&embed_title(caption, lang)),
        escape_attr(msg::share::amp_more(lang)),
    )
}

/// Where the script embed loads its loader from: the explainer's `loader.js`, at its root.
pub fn script_src(root: &str) -> String {
    format!("{root}loader.js")
}

/// The image the script embed shows where scripts are off: chart `id`'s embed page's default
/// state, prerendered at build time (`<root>[ja/]embed/<chart>/chart.png`).
pub fn fallback_png_url(root: &str, id: ChartId, lang: Lang) -> String {
    format!("{root}{}embed/{}/chart.png", lang.dir(), id.slug())
}

/// The script embed, Datawrapper-style: one `<div>` naming the embed's address, the explainer's
/// `loader.js` (which puts a responsive iframe in the div and keeps it as tall as the chart), and
/// a `<noscript>` image of the chart at its default numbers, described by `alt`.
pub fn script_snippet(
    id: ChartId,
    url: &str,
    root: &str,
    caption: &str,
    alt: &str,
    height: u32,
    lang: Lang,
) -> String {
    format!(
        "<div id=\"{}-script\" data-japan-fund-embed data-src=\"{}\" data-title=\"{}\" data-height=\"{height}\"><script defer src=\"{}\"></script><noscript><img src=\"{}\" alt=\"{}\" width=\"1280\" height=\"{}\" style=\"width:100%;height:auto\"></noscript></div>",
        escape_attr(&pym_container_id(id)),
        escape_attr(url),
        escape_attr(&embed_title(caption, lang)),
        escape_attr(&script_src(root)),
        escape_attr(&fallback_png_url(root, id, lang)),
        escape_attr(alt),
        height.saturating_mul(PNG_SCALE),
    )
}

/// The `html` of an oEmbed answer, in exactly the form WordPress's `wp_filter_oembed_result`
/// keeps for a provider it does not know: a `<blockquote>` holding a link to the chart (without
/// it, WordPress 5.9 and later never loads `wp-embed.js`, so the frame is never shown or resized),
/// then one `<iframe>` with only `src`, `width`, `height`, `frameborder`, `marginwidth`,
/// `marginheight`, `scrolling` and `title` (any other attribute would be dropped).
pub fn oembed_html(link: &str, frame_src: &str, caption: &str, height: u32, lang: Lang) -> String {
    let title = escape_attr(&embed_title(caption, lang));
    format!(
        "<blockquote><a href=\"{}\">{title}</a></blockquote><iframe src=\"{}\" width=\"100%\" height=\"{height}\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\" scrolling=\"no\" title=\"{title}\"></iframe>",
        escape_attr(link),
        escape_attr(frame_src),
    )
}

// ---------------------------------------------------------------------------------------------
// Citing

/// The "Cite this" text: `“<caption>”, chart from “<explainer>” (interactive explainer),
/// retrieved <date>, <permalink>`; in Japanese `「…」(対話型解説「…」のグラフ)、…閲覧、…`.
pub fn cite_text(
    caption: &str,
    permalink: &str,
    (day, month, year): (u32, u32, i32),
    lang: Lang,
) -> String {
    let date = match lang {
        Lang::En => format_long_date(day, month, year),
        Lang::Ja => fund_core::format::date(year, month, day, lang),
    };
    msg::share::cite(lang, caption, msg::page::title(lang), &date, permalink)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in full English: `5 March 2026`. `month` is 1–12 (clamped).
pub fn format_long_date(day: u32, month: u32, year: i32) -> String {
    let m = MONTHS[(month.clamp(1, 12) - 1) as usize];
    format!("{day} {m} {year}")
}

// Native: these draw the tracker too, which only the build-time renderer has.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::render;
    use rust_decimal::Decimal;
    use serde_json::Value;

    const HOSTILE: &str =
        "A \"quoted\" <b>bold</b> & 'single' </script><script>alert(1)</script>\u{2028}\\";

    fn rendered(id: ChartId, d: &Derived) -> RenderedChart {
        render(id, d, 640, Theme::Light, Lang::En)
    }

    fn cite(id: &str) -> String {
        content_citation(id, Lang::En)
    }

    #[test]
    fn file_names_test_ids_and_labels() {
        assert_eq!(
            file_name(ChartId::Allocation, Format::Csv, Lang::En),
            "japan-fund-allocation.csv"
        );
        assert_eq!(
            file_name(ChartId::ProfitSplit, Format::Png, Lang::Ja),
            "japan-fund-profit-split-ja.png"
        );
        assert_eq!(
            download_label(ChartId::Allocation, Format::Png, Lang::En),
            "Download the allocation chart as PNG"
        );
        assert_eq!(
            download_label(ChartId::Allocation, Format::Png, Lang::Ja),
            "配分のグラフをPNGでダウンロード"
        );
        assert_eq!(Format::Svg.mime(), "image/svg+xml");
        assert!(Format::Csv.mime().starts_with("text/csv"));
    }

    #[test]
    fn svg_download_is_the_shown_svg_with_a_prolog() {
        let d = Model::default().derive();
        for id in ChartId::ALL {
            let r = rendered(id, &d);
            let doc = svg_document(&r.svg);
            assert_eq!(
                doc.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
                Some(r.svg.full_svg().as_str())
            );
        }
    }

    #[test]
    fn png_svg_has_fixed_doubled_size() {
        let d = Model::default().derive();
        let r = rendered(ChartId::Allocation, &d);
        let (w, h) = png_size(&r.svg);
        assert_eq!((w, h), (r.svg.width * 2, r.svg.height * 2));
        let svg = svg_for_png(&r.svg);
        assert!(
            svg.contains(&format!(" width=\"{w}\" height=\"{h}\"")),
            "{svg}"
        );
        assert!(!svg.contains("width=\"100%\""));
        assert_eq!(background(Theme::Light), "#FFFFFF");
        assert_eq!(background(Theme::Dark), "#121417");
    }

    #[test]
    fn csv_starts_with_a_bom() {
        let d = Model::default().derive();
        let r = rendered(ChartId::Allocation, &d);
        let csv = csv_document(&r);
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        // A title line with the banner (the article's claim, in the default framing), an empty
        // line, then the table.
        let (title, table) = csv
            .strip_prefix('\u{FEFF}')
            .and_then(|c| c.split_once("\r\n\r\n"))
            .unwrap();
        assert!(
            title.starts_with("\"The article’s claim, not a finding"),
            "{title}"
        );
        assert!(title.contains("Record as of 8 Oct 2026"), "{title}");
        assert_eq!(table, r.table.to_csv());
    }

    fn json(id: ChartId, d: &Derived) -> Value {
        let r = rendered(id, d);
        let data = chart_data(id, d)
            .unwrap_or_else(|| ChartData::Tracker(crate::record_view::tracker(Lang::En)));
        let text = json_document(&r, data, "https://example.org/?a=1", Lang::En, &cite);
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn allocation_json_carries_the_core_figures() {
        let d = Model::default().derive();
        let v = json(ChartId::Allocation, &d);
        assert_eq!(v["chart"], "allocation");
        assert_eq!(v["lang"], "en");
        assert_eq!(v["generated_from"], "https://example.org/?a=1");
        assert!(!v["title"].as_str().unwrap().is_empty());
        assert!(!v["description"].as_str().unwrap().is_empty());
        let sources = v["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        for s in sources {
            assert!(!s["citation"].as_str().unwrap().is_empty(), "{s}");
        }
        let rows = v["data"]["rows"].as_array().unwrap();
        let treasuries = rows
            .iter()
            .find(|r| {
                r["role"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("treasur")
            })
            .expect("a Treasuries row");
        let amount: Decimal = treasuries["amount"].as_str().unwrap().parse().unwrap();
        assert_eq!(amount, Decimal::from(412_500_000_000u64));
        let total: Decimal = v["data"]["total"].as_str().unwrap().parse().unwrap();
        assert_eq!(total, Decimal::from(550_000_000_000u64));
    }

    #[test]
    fn every_chart_has_its_data() {
        let d = Model::default().derive();
        let waffle = json(ChartId::Waffle, &d);
        let squares: u64 = waffle["data"]["waffle"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(squares, 100);
        assert!(waffle["data"]["allocation"]["rows"].is_array());

        let framings = json(ChartId::Framings, &d);
        assert_eq!(framings["data"]["article"]["framing"], "article");
        assert_eq!(framings["data"]["record"]["framing"], "record");

        for id in ChartId::ALL {
            let v = json(id, &d);
            assert_eq!(v["chart"], id.slug());
            assert!(v["data"].is_object(), "{id:?}: {}", v["data"]);
        }
        let expected = serde_json::to_value(d.profit()).unwrap();
        assert_eq!(json(ChartId::ProfitSplit, &d)["data"], expected);
        let expected = serde_json::to_value(d.yield_effect()).unwrap();
        assert_eq!(json(ChartId::YieldEffect, &d)["data"], expected);
        let expected = serde_json::to_value(d.scale()).unwrap();
        assert_eq!(json(ChartId::Context, &d)["data"], expected);
        let expected = serde_json::to_value(d.income()).unwrap();
        assert_eq!(json(ChartId::Income, &d)["data"], expected);
    }

    #[test]
    fn framings_json_keeps_article_and_record_apart_under_the_record_framing() {
        let mut m = Model::default();
        m.set_framing(FramingId::Record).unwrap();
        let d = m.derive();
        let v = json(ChartId::Framings, &d);
        assert_eq!(v["data"]["article"]["framing"], "article");
        assert_eq!(v["data"]["record"]["framing"], "record");
    }

    #[test]
    fn json_follows_the_model() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(70)).unwrap();
        let d = m.derive();
        let v = json(ChartId::Allocation, &d);
        assert!(v.to_string().contains("385000000000"), "{v}");
    }

    fn options(lang: Lang, controls: ControlsParam) -> EmbedOptions {
        EmbedOptions {
            framing: FramingId::Article,
            theme: ThemeChoice::Dark,
            lang,
            controls,
        }
    }

    #[test]
    fn embed_urls_point_at_the_chart_page_with_the_state_and_options() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(71)).unwrap();
        let url = embed_url(
            "https://example.org/fund/",
            ChartId::Allocation,
            &m,
            options(Lang::En, ControlsParam::Compact),
        );
        assert!(
            url.starts_with("https://example.org/fund/embed/allocation/?framing=article"),
            "{url}"
        );
        for part in [
            "a.treasuries=71",
            "theme=dark",
            "lang=en",
            "controls=compact",
            "embed=allocation",
        ] {
            assert!(url.contains(part), "{part}: {url}");
        }
        let ja = embed_url(
            "https://example.org/fund/",
            ChartId::ProfitSplit,
            &m,
            options(Lang::Ja, ControlsParam::None),
        );
        assert!(
            ja.starts_with("https://example.org/fund/ja/embed/profit-split/?")
                && ja.contains("lang=ja")
                && ja.contains("controls=none"),
            "{ja}"
        );
        // The query reads back to the same state.
        let (state, notices) = crate::url::read(ja.split_once('?').unwrap().1);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.model().inputs().treasuries, Decimal::from(71));
        assert_eq!(state.controls(), Some(ControlsParam::None));
    }

    #[test]
    fn pym_parameters_are_dropped() {
        let framed = "https://e.org/p/?a.treasuries=70&embed=income&initialWidth=600&childId=japan-fund-income&parentTitle=Hi&parentUrl=https%3A%2F%2Fnews.example%2F#top";
        assert_eq!(
            permalink(framed),
            "https://e.org/p/?a.treasuries=70&embed=income#top"
        );
        assert_eq!(permalink("https://e.org/?a=1"), "https://e.org/?a=1");
        assert_eq!(permalink("https://e.org/"), "https://e.org/");
        assert_eq!(permalink("https://e.org/?childId=x"), "https://e.org/");
        assert_eq!(
            permalink("https://e.org/?%63hildId=x&b=2"),
            "https://e.org/?b=2"
        );
    }

    #[test]
    fn form_decoding() {
        assert_eq!(form_decode("a+b%20c%2"), "a b c%2");
        assert_eq!(form_decode("%zz%41"), "%zzA");
        assert_eq!(form_decode("%E2%80%93"), "–");
    }

    #[test]
    fn attribute_escaping() {
        assert_eq!(escape_attr("a\"b<c>&d'e"), "a&quot;b&lt;c&gt;&amp;d&#39;e");
    }

    #[test]
    fn js_string_escaping() {
        let e = escape_js_string(HOSTILE);
        assert!(
            !e.contains('<') && !e.contains('>') && !e.contains('&'),
            "{e}"
        );
        assert!(!e.contains('\u{2028}'));
        // Every quote is escaped.
        let bytes = e.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'"' || *b == b'\'' {
                let backslashes = bytes[..i].iter().rev().take_while(|c| **c == b'\\').count();
                assert_eq!(backslashes % 2, 1, "unescaped quote at {i} in {e}");
            }
        }
        assert_eq!(escape_js_string("a\\b\n"), "a\\\\b\\u000A");
        assert_eq!(escape_js_string("x&y"), "x\\u0026y");
    }

    #[test]
    fn iframe_snippet_is_one_safe_element() {
        let url = "https://e.org/embed/allocation/?a=1&theme=auto";
        let s = iframe_snippet(url, HOSTILE, 480, Lang::En);
        assert!(s.starts_with("<iframe src=\"https://e.org/embed/allocation/?a=1&amp;theme=auto\" title=\"A &quot;quoted&quot; &lt;b&gt;"), "{s}");
        assert!(s.contains(" — interactive chart\""), "{s}");
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("height=\"480\""));
        assert!(s.contains("style=\"border:0;width:100%\""));
        assert!(s.ends_with("></iframe>"));
        // The only tags are the iframe's own; the only quotes delimit its attributes.
        assert_eq!(s.matches('<').count(), 2, "{s}");
        assert_eq!(s.matches('>').count(), 2, "{s}");
        assert_eq!(s.matches('"').count(), 12, "{s}");
        assert!(!s.contains('\''));
        assert!(iframe_snippet(url, "配分", 480, Lang::Ja)
            .contains("title=\"配分(インタラクティブなグラフ)\""));
    }

    #[test]
    fn pym_snippet_cannot_break_out_of_its_script() {
        let url = "https://e.org/?q=\"</script>&embed=income";
        let s = pym_snippet(ChartId::Income, url, HOSTILE, Lang::En);
        assert!(s.starts_with(
            "<div id=\"japan-fund-income\"></div><script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script><script>new pym.Parent(\"japan-fund-income\", \"https://e.org/?q=\\\"\\u003C/script\\u003E\\u0026embed=income\", {title: \"A \\\"quoted\\\" "
        ), "{s}");
        assert!(s.ends_with(" — interactive chart\"});</script>"), "{s}");
        // Exactly two script elements, both closed by the snippet itself.
        assert_eq!(s.to_lowercase().matches("</script").count(), 2, "{s}");
        assert_eq!(s.matches('<').count(), 6, "{s}");
    }

    #[test]
    fn amp_snippet_is_resizable_and_escaped() {
        let s = amp_snippet(
            "https://e.org/embed/waffle/?a=1&b=2",
            HOSTILE,
            640,
            Lang::En,
        );
        assert!(
            s.starts_with("<script async custom-element=\"amp-iframe\""),
            "{s}"
        );
        assert!(
            s.contains("<amp-iframe src=\"https://e.org/embed/waffle/?a=1&amp;b=2\""),
            "{s}"
        );
        assert!(
            s.contains(" resizable ")
                && s.contains("layout=\"responsive\"")
                && s.contains("height=\"640\"")
        );
        assert!(s.contains("<button overflow type=\"button\">"));
        assert!(
            !s.contains("<b>") && !s.contains("</script><script>alert"),
            "{s}"
        );
        assert_eq!(s.to_lowercase().matches("</script").count(), 1, "{s}");
    }

    #[test]
    fn script_snippet_is_one_div_with_a_loader_and_an_image() {
        let url = "https://example.org/j/embed/income/?controls=compact";
        let s = script_snippet(
            ChartId::Income,
            url,
            "https://example.org/j/",
            HOSTILE,
            HOSTILE,
            480,
            Lang::Ja,
        );
        assert!(s.starts_with("<div id=\"japan-fund-income-script\" data-japan-fund-embed data-src=\"https://example.org/j/embed/income/?controls=compact\""));
        assert!(s.ends_with("</noscript></div>"));
        assert_eq!(s.matches("<script").count(), 1);
        assert!(s.contains("<script defer src=\"https://example.org/j/loader.js\"></script>"));
        assert!(s.contains("<img src=\"https://example.org/j/ja/embed/income/chart.png\""));
        assert!(!s.contains(HOSTILE), "caption and alt are escaped");
        assert_eq!(
            s.matches('<').count(),
            7,
            "div, script, /script, noscript, img, /noscript, /div: {s}"
        );
    }

    #[test]
    fn oembed_html_is_what_wordpress_keeps() {
        let s = oembed_html(
            "https://example.org/j/embed/waffle/",
            "https://example.org/j/embed/waffle/",
            HOSTILE,
            560,
            Lang::En,
        );
        assert!(s.starts_with("<blockquote><a href=\"https://example.org/j/embed/waffle/\">"));
        assert!(s.contains("</a></blockquote><iframe src=\"https://example.org/j/embed/waffle/\" width=\"100%\" height=\"560\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\" scrolling=\"no\" title=\""));
        assert!(s.ends_with("\"></iframe>"));
        assert!(!s.contains(HOSTILE));
        // Only the attributes WordPress keeps, each quoted.
        let mut rest = &s[s.find("<iframe").unwrap() + "<iframe".len()..];
        let mut names = Vec::new();
        while let Some((name, after)) = rest.trim_start().split_once("=\"") {
            names.push(name.to_string());
            rest = &after[after.find('"').unwrap() + 1..];
        }
        assert_eq!(
            names,
            [
                "src",
                "width",
                "height",
                "frameborder",
                "marginwidth",
                "marginheight",
                "scrolling",
                "title"
            ]
        );
        assert_eq!(rest, "></iframe>");
    }

    #[test]
    fn embed_heights_follow_the_controls() {
        assert_eq!(embed_height(100, ControlsParam::None), 320);
        assert_eq!(embed_height(301, ControlsParam::None), 510);
        assert!(embed_height(300, ControlsParam::All) > embed_height(300, ControlsParam::Compact));
        assert!(embed_height(300, ControlsParam::Compact) > embed_height(300, ControlsParam::None));
        assert_eq!(
            pym_container_id(ChartId::YieldEffect),
            "japan-fund-yield-effect"
        );
    }

    #[test]
    fn citation_text() {
        assert_eq!(format_long_date(5, 3, 2026), "5 March 2026");
        assert_eq!(format_long_date(31, 12, 2025), "31 December 2025");
        assert_eq!(format_long_date(1, 13, 2025), "1 December 2025");
        assert_eq!(
            cite_text("Where the $550 billion goes", "https://e.org/?a=1", (28, 7, 2025), Lang::En),
            "“Where the $550 billion goes”, chart from “Japan’s $550 billion US pledge: one article’s claim checked against the record” (interactive explainer), retrieved 28 July 2025, https://e.org/?a=1"
        );
        let ja = cite_text(
            "5500億ドルの内訳",
            "https://e.org/ja/?a=1",
            (28, 7, 2025),
            Lang::Ja,
        );
        assert!(
            ja.starts_with("「5500億ドルの内訳」") && ja.contains("2025年7月28日閲覧"),
            "{ja}"
        );
    }
}
