//! What a chart's "Download", "Embed this chart" and "Cite this" offer, as plain strings: file
//! names and contents (SVG, CSV, JSON), the embed URL and its two copy-ready snippets (with the
//! escaping they need), and the citation text.
//!
//! Plain functions of plain types, tested natively; the browser glue (blobs, canvas, clipboard,
//! the dialog) is in [`crate::components::share`].

use crate::charts::{ChartId, RenderedChart};
use crate::theme::ThemeChoice;
use fund_charts::theme::Colours;
use fund_charts::{ChartSvg, DataTable, Theme};
use fund_core::allocation::Allocation;
use fund_core::framing::FramingId;
use fund_core::model::Derived;
use serde::Serialize;

/// The title of the explainer, as a citation names it.
pub const EXPLAINER_TITLE: &str =
    "Japan’s $550 billion US fund: the article’s reasoning and the record";
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

    /// The button's visible label: `"SVG"`.
    pub fn label(self) -> &'static str {
        match self {
            Format::Svg => "SVG",
            Format::Png => "PNG",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    /// What the button does, for its accessible name.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Svg => "as SVG",
            Format::Png => "as PNG",
            Format::Csv => "data as CSV",
            Format::Json => "data as JSON",
        }
    }
}

/// The download's file name: `japan-fund-allocation.csv`.
pub fn file_name(id: ChartId, format: Format) -> String {
    format!("japan-fund-{}.{}", id.slug(), format.ext())
}

/// The download button's test id: `download-allocation-csv`.
pub fn download_test_id(id: ChartId, format: Format) -> String {
    format!("download-{}-{}", id.slug(), format.ext())
}

/// A short name of the chart for accessible names: "the allocation chart".
pub fn chart_name(id: ChartId) -> String {
    format!("the {} chart", id.tab_label().to_lowercase())
}

/// The download button's accessible name: "Download the allocation chart as PNG".
pub fn download_label(id: ChartId, format: Format) -> String {
    format!("Download {} {}", chart_name(id), format.describe())
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

/// The CSV file: a UTF-8 byte-order mark, then the table's CSV.
pub fn csv_document(table: &DataTable) -> String {
    let mut out = String::new();
    out.push(UTF8_BOM);
    out.push_str(&table.to_csv());
    out
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

/// The figures behind chart `id`, borrowed from the derived value.
pub fn chart_data(id: ChartId, d: &Derived) -> ChartData<'_> {
    match id {
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
        ChartId::Tracker => ChartData::Tracker(crate::record_view::tracker()),
    }
}

/// The JSON download: the chart's words, where it came from, and the core's figures.
#[derive(Debug, Clone, Serialize)]
pub struct JsonExport<'a> {
    /// The chart's slug.
    pub chart: &'static str,
    /// The chart's caption.
    pub title: String,
    /// The chart's one-sentence description.
    pub description: String,
    /// The permalink of the state the figures were computed for.
    pub generated_from: String,
    /// The sources behind the figures.
    pub sources: Vec<SourceRef>,
    /// The core's figures (money as exact decimal strings, in dollars).
    pub data: ChartData<'a>,
}

/// The JSON payload for a rendered chart and the derived value it was drawn from.
pub fn json_export<'a>(chart: &RenderedChart, d: &'a Derived, permalink: &str) -> JsonExport<'a> {
    JsonExport {
        chart: chart.id.slug(),
        title: chart.text.caption.clone(),
        description: chart.text.description.clone(),
        generated_from: permalink.to_string(),
        sources: chart
            .text
            .source_ids
            .iter()
            .map(|id| SourceRef {
                id: id.clone(),
                citation: fund_content::source(id)
                    .map(|s| s.citation())
                    .unwrap_or_default(),
            })
            .collect(),
        data: chart_data(chart.id, d),
    }
}

/// The JSON file, pretty-printed.
pub fn json_document(chart: &RenderedChart, d: &Derived, permalink: &str) -> String {
    // Serialising plain structs of strings, numbers and decimals cannot fail.
    serde_json::to_string_pretty(&json_export(chart, d, permalink)).unwrap_or_default()
}

/// The contents and MIME type of a text download (`None` for PNG, which the browser draws).
pub fn text_file(
    format: Format,
    chart: &RenderedChart,
    d: &Derived,
    permalink: &str,
) -> Option<(String, &'static str)> {
    let body = match format {
        Format::Svg => svg_document(&chart.svg),
        Format::Csv => csv_document(&chart.table),
        Format::Json => json_document(chart, d, permalink),
        Format::Png => return None,
    };
    Some((body, format.mime()))
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

/// Rewrites the query of `url` (fragment kept): drops the parameters named in `drop`, and sets
/// each of `set` the way `URLSearchParams.set` does (replaced where it first stands, later
/// duplicates dropped, appended if missing). Other parameters are kept exactly as written.
fn rewrite_query(url: &str, drop: &[&str], set: &[(&str, &str)]) -> String {
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut done = vec![false; set.len()];
    let mut pairs: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let key = form_decode(pair.split_once('=').map_or(pair, |(k, _)| k));
        if drop.contains(&key.as_str()) {
            continue;
        }
        match set.iter().position(|(k, _)| *k == key) {
            Some(i) if !done[i] => {
                done[i] = true;
                pairs.push(format!("{}={}", set[i].0, set[i].1));
            }
            Some(_) => {}
            None => pairs.push(pair.to_string()),
        }
    }
    for (i, (k, v)) in set.iter().enumerate() {
        if !done[i] {
            pairs.push(format!("{k}={v}"));
        }
    }
    let mut out = path.to_string();
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The permalink to cite and to record in the JSON: the page's address as it is (the app keeps
/// its whole state in the query), less the parameters pym.js adds when the page is embedded.
pub fn permalink(href: &str) -> String {
    rewrite_query(href, &PYM_PARAMS, &[])
}

/// The URL of the chart alone, for embedding: `base` (the page's current address) without its
/// fragment and pym.js's parameters, with `embed=<slug>` and `theme=<choice>` set. Like
/// `URLSearchParams.set`, a parameter already there is replaced where it stands (later
/// duplicates dropped) and a missing one is appended; every other parameter is kept as written.
pub fn embed_url(base: &str, id: ChartId, theme: ThemeChoice) -> String {
    let without_fragment = base.split_once('#').map_or(base, |(b, _)| b);
    rewrite_query(
        without_fragment,
        &PYM_PARAMS,
        &[("embed", id.slug()), ("theme", theme.as_str())],
    )
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

/// The height to give an embedded chart's iframe: the chart's view-box height plus room for its
/// caption, description and source line, rounded up to 10 px. (pym.js then keeps it exact.)
pub fn embed_height(svg_height: u32) -> u32 {
    let h = svg_height.saturating_add(200).max(320);
    h.div_ceil(10) * 10
}

/// The iframe's accessible title: `"<caption> — interactive chart"`.
pub fn embed_title(caption: &str) -> String {
    format!("{caption} — interactive chart")
}

/// The plain iframe snippet.
pub fn iframe_snippet(url: &str, caption: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>",
        escape_attr(url),
        escape_attr(&embed_title(caption)),
    )
}

/// The element id the pym.js variant puts the chart in: `japan-fund-allocation`.
pub fn pym_container_id(id: ChartId) -> String {
    format!("japan-fund-{}", id.slug())
}

/// The pym.js snippet: a container, pym.js, and a `pym.Parent` pointed at the embed URL.
pub fn pym_snippet(id: ChartId, url: &str, caption: &str) -> String {
    let container = pym_container_id(id);
    format!(
        "<div id=\"{}\"></div><script src=\"{PYM_SRC}\"></script><script>new pym.Parent(\"{}\", \"{}\", {{title: \"{}\"}});</script>",
        escape_attr(&container),
        escape_js_string(&container),
        escape_js_string(url),
        escape_js_string(&embed_title(caption)),
    )
}

// ---------------------------------------------------------------------------------------------
// Citing

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

/// A date in a fixed English format: `5 March 2026`. `month` is 1–12 (clamped).
pub fn format_date(day: u32, month: u32, year: i32) -> String {
    let m = MONTHS[(month.clamp(1, 12) - 1) as usize];
    format!("{day} {m} {year}")
}

/// The "Cite this" text: `“<caption>”, chart from “<explainer>” (interactive explainer),
/// retrieved <date>, <permalink>`.
pub fn cite_text(caption: &str, permalink: &str, day: u32, month: u32, year: i32) -> String {
    format!(
        "“{caption}”, chart from “{EXPLAINER_TITLE}” (interactive explainer), retrieved {}, {permalink}",
        format_date(day, month, year)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::render;
    use fund_core::model::Model;
    use rust_decimal::Decimal;
    use serde_json::Value;

    const HOSTILE: &str =
        "A \"quoted\" <b>bold</b> & 'single' </script><script>alert(1)</script>\u{2028}\\";

    fn rendered(id: ChartId, d: &Derived) -> RenderedChart {
        render(id, d, 640, Theme::Light)
    }

    #[test]
    fn file_names_test_ids_and_labels() {
        assert_eq!(
            file_name(ChartId::Allocation, Format::Csv),
            "japan-fund-allocation.csv"
        );
        assert_eq!(
            file_name(ChartId::ProfitSplit, Format::Png),
            "japan-fund-profit-split.png"
        );
        assert_eq!(
            download_test_id(ChartId::YieldEffect, Format::Json),
            "download-yield-effect-json"
        );
        assert_eq!(
            download_label(ChartId::Allocation, Format::Png),
            "Download the allocation chart as PNG"
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
        let csv = csv_document(&r.table);
        assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
        assert_eq!(
            csv.strip_prefix('\u{FEFF}'),
            Some(r.table.to_csv().as_str())
        );
        let (body, mime) = text_file(Format::Csv, &r, &d, "x").unwrap();
        assert_eq!(
            (body.as_str(), mime),
            (csv.as_str(), "text/csv;charset=utf-8")
        );
        assert!(text_file(Format::Png, &r, &d, "x").is_none());
    }

    fn json(id: ChartId, d: &Derived) -> Value {
        let r = rendered(id, d);
        let text = json_document(&r, d, "https://example.org/?a=1");
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn allocation_json_carries_the_core_figures() {
        let d = Model::default().derive();
        let v = json(ChartId::Allocation, &d);
        assert_eq!(v["chart"], "allocation");
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
        let text = json_document(&rendered(ChartId::Allocation, &m.derive()), &m.derive(), "");
        assert!(text.contains("385000000000"), "{text}");
    }

    #[test]
    fn embed_url_sets_embed_and_theme_and_drops_the_fragment() {
        assert_eq!(
            embed_url(
                "https://example.org/fund/?treasuries=75&theme=dark&step=3#references",
                ChartId::Allocation,
                ThemeChoice::Light
            ),
            "https://example.org/fund/?treasuries=75&theme=light&step=3&embed=allocation"
        );
        assert_eq!(
            embed_url(
                "http://127.0.0.1:8090/",
                ChartId::ProfitSplit,
                ThemeChoice::Auto
            ),
            "http://127.0.0.1:8090/?embed=profit-split&theme=auto"
        );
        // An existing (even encoded or repeated) embed is replaced in place; duplicates dropped.
        assert_eq!(
            embed_url(
                "https://e.org/?embed=waffle&a=%3Cx%3E&%65mbed=income&x=1",
                ChartId::Income,
                ThemeChoice::Dark
            ),
            "https://e.org/?embed=income&a=%3Cx%3E&x=1&theme=dark"
        );
        // A hostile fragment or query never reaches the result unencoded.
        let url = embed_url(
            "https://e.org/?q=%22%3E%3Cscript%3E#\"><script>",
            ChartId::Waffle,
            ThemeChoice::Auto,
        );
        assert_eq!(
            url,
            "https://e.org/?q=%22%3E%3Cscript%3E&embed=waffle&theme=auto"
        );
        assert_eq!(
            embed_url("https://e.org/?", ChartId::Waffle, ThemeChoice::Auto),
            "https://e.org/?embed=waffle&theme=auto"
        );
    }

    #[test]
    fn pym_parameters_are_dropped() {
        let framed = "https://e.org/p/?a.treasuries=70&embed=income&initialWidth=600&childId=japan-fund-income&parentTitle=Hi&parentUrl=https%3A%2F%2Fnews.example%2F#top";
        assert_eq!(
            embed_url(framed, ChartId::Income, ThemeChoice::Dark),
            "https://e.org/p/?a.treasuries=70&embed=income&theme=dark"
        );
        assert_eq!(
            permalink(framed),
            "https://e.org/p/?a.treasuries=70&embed=income#top"
        );
        assert_eq!(permalink("https://e.org/?a=1"), "https://e.org/?a=1");
        assert_eq!(permalink("https://e.org/"), "https://e.org/");
        assert_eq!(permalink("https://e.org/?childId=x"), "https://e.org/");
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
        let url = "https://e.org/?a=1&embed=allocation&theme=auto";
        let s = iframe_snippet(url, HOSTILE, 480);
        assert!(s.starts_with("<iframe src=\"https://e.org/?a=1&amp;embed=allocation&amp;theme=auto\" title=\"A &quot;quoted&quot; &lt;b&gt;"), "{s}");
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
    }

    #[test]
    fn pym_snippet_cannot_break_out_of_its_script() {
        let url = "https://e.org/?q=\"</script>&embed=income";
        let s = pym_snippet(ChartId::Income, url, HOSTILE);
        assert!(s.starts_with(
            "<div id=\"japan-fund-income\"></div><script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script><script>new pym.Parent(\"japan-fund-income\", \"https://e.org/?q=\\\"\\u003C/script\\u003E\\u0026embed=income\", {title: \"A \\\"quoted\\\" "
        ), "{s}");
        assert!(s.ends_with(" — interactive chart\"});</script>"), "{s}");
        // Exactly two script elements, both closed by the snippet itself.
        assert_eq!(s.to_lowercase().matches("</script").count(), 2, "{s}");
        assert_eq!(s.matches('<').count(), 6, "{s}");
    }

    #[test]
    fn snippets_for_the_default_page() {
        let d = Model::default().derive();
        let r = rendered(ChartId::Allocation, &d);
        let url = embed_url("https://e.org/", ChartId::Allocation, ThemeChoice::Dark);
        let s = iframe_snippet(&url, &r.text.caption, embed_height(r.svg.height));
        assert!(s.contains("embed=allocation&amp;theme=dark"), "{s}");
        assert!(embed_height(r.svg.height) > r.svg.height);
        assert_eq!(embed_height(100), 320);
        assert_eq!(embed_height(301), 510);
        assert_eq!(
            pym_container_id(ChartId::YieldEffect),
            "japan-fund-yield-effect"
        );
    }

    #[test]
    fn citation_text() {
        assert_eq!(format_date(5, 3, 2026), "5 March 2026");
        assert_eq!(format_date(31, 12, 2025), "31 December 2025");
        assert_eq!(format_date(1, 13, 2025), "1 December 2025");
        assert_eq!(
            cite_text("Where the $550 billion goes", "https://e.org/?a=1", 28, 7, 2025),
            "“Where the $550 billion goes”, chart from “Japan’s $550 billion US fund: the article’s reasoning and the record” (interactive explainer), retrieved 28 July 2025, https://e.org/?a=1"
        );
    }
}
