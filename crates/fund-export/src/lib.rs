//! Native export of the explainer's charts, for graphics desks and print, and social-card images.
//!
//! One renderer: every file this crate makes comes from the app crate's own plain modules, the
//! ones the browser's "Download" buttons call. The state is read by [`url::read`] (the page's
//! permalink query), the chart is drawn by [`charts::render`] from [`Views::of`]'s current
//! figures, and the files are [`export::svg_document`], [`export::csv_document`] and
//! [`export::json_document`]. The PNG is [`export::svg_for_png`] rasterised natively with resvg,
//! filled first with [`export::background`] as the browser's canvas is, with text set in the
//! DejaVu Sans font that ships in this package (`fonts/`, under its own licence), and Japanese in
//! the subset of Noto Sans CJK JP that ships beside it (its licence there too; what it covers:
//! [`missing_glyphs`]): no system font is ever looked at, so a PNG is the same, byte for byte, on
//! every machine.
//!
//! Where the browser would fall back to a default (a refused URL parameter), this crate refuses
//! instead: a print desk must never get a chart of a state it did not ask for.
//!
//! [`url::read`]: fund_view::url::read
//! [`charts::render`]: fund_view::charts::render
//! [`Views::of`]: fund_view::views::Views::of
//! [`export::svg_document`]: fund_view::export::svg_document
//! [`export::csv_document`]: fund_view::export::csv_document
//! [`export::json_document`]: fund_view::export::json_document
//! [`export::svg_for_png`]: fund_view::export::svg_for_png
//! [`export::background`]: fund_view::export::background
#![deny(missing_docs)]

mod card;
pub mod cli;
mod raster;

use fund_core::params::{ParamNotice, UrlState};
use fund_view::charts::{self, RenderedChart};
use fund_view::export::{self, PYM_PARAMS};
use fund_view::views::Views;
use std::fmt;

pub use card::{social_card_png, social_card_svg, CARD_HEIGHT, CARD_WIDTH};
pub use fund_charts::Theme;
pub use fund_core::model::Derived;
pub use fund_core::Lang;
pub use fund_view::charts::ChartId;
pub use fund_view::export::Format;
pub use raster::{chart_png, missing_glyphs, svg_to_png, FONT_FAMILY, JAPANESE_FONT_FAMILY};

/// The narrowest layout width `--width` accepts, in CSS px (the charts crate's own minimum).
pub const MIN_WIDTH: u32 = fund_charts::svg::MIN_WIDTH;
/// The widest layout width `--width` accepts, in CSS px (the charts crate's own maximum).
pub const MAX_WIDTH: u32 = fund_charts::svg::MAX_WIDTH;
/// The layout width used when none is given: the page's wide layout.
pub const DEFAULT_WIDTH: u32 = fund_view::layout::WIDE_LAYOUT;
/// The smallest PNG scale (device pixels per CSS pixel).
pub const MIN_SCALE: u32 = 1;
/// The largest PNG scale.
pub const MAX_SCALE: u32 = 4;
/// The PNG scale used when none is given: the browser's, [`export::PNG_SCALE`].
pub const DEFAULT_SCALE: u32 = export::PNG_SCALE;

/// One refused part of a state: the parameter and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The parameter's name, as given.
    pub param: String,
    /// What was wrong with it, e.g. `“a.treasuries=lots” is not a number`.
    pub reason: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.param, self.reason)
    }
}

impl Refusal {
    /// A refusal from the core's notice, without the notice's "using the default, …" ending
    /// (nothing falls back here: the export is refused).
    fn of_notice(n: &ParamNotice) -> Refusal {
        let text = n.to_string();
        let reason = match text.rfind("; ") {
            Some(i)
                if text[i + 2..].starts_with("using the default")
                    || text[i + 2..].starts_with("showing the whole page") =>
            {
                text[..i].to_string()
            }
            _ => text.trim_end_matches('.').to_string(),
        };
        Refusal {
            param: n.param().to_string(),
            reason,
        }
    }
}

fn join<T: fmt::Display>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every chart slug, in the order of the page's chart tabs.
pub fn chart_slugs() -> Vec<&'static str> {
    ChartId::ALL.iter().map(|c| c.slug()).collect()
}

/// Every format's name (its file extension).
pub fn format_names() -> Vec<&'static str> {
    Format::ALL.iter().map(|f| f.ext()).collect()
}

/// Everything that can go wrong with an export. Nothing is written when any of these happens.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The language is not one of the explainer's.
    #[error("unknown language “{0}”; use en or ja")]
    UnknownLang(String),
    /// The chart slug is not one of the page's charts.
    #[error("unknown chart “{0}”; the charts are: {slugs}", slugs = chart_slugs().join(", "))]
    UnknownChart(String),
    /// The format is not one of svg, png, csv, json.
    #[error("unknown format “{0}”; the formats are: {names}", names = format_names().join(", "))]
    UnknownFormat(String),
    /// The theme is not light or dark.
    #[error("unknown theme “{0}”; the themes are: light, dark")]
    UnknownTheme(String),
    /// The layout width is not a whole number in range.
    #[error("--width “{0}” is not a layout width: give whole CSS pixels from {MIN_WIDTH} to {MAX_WIDTH}")]
    BadWidth(String),
    /// The PNG scale is not a whole number in range.
    #[error(
        "--scale “{0}” is not a PNG scale: give a whole number from {MIN_SCALE} to {MAX_SCALE}"
    )]
    BadScale(String),
    /// The state (query string) had parameters the page refuses, or parameters it does not know.
    #[error("the state was refused ({n} problem{s}): {list}", n = .0.len(), s = if .0.len() == 1 { "" } else { "s" }, list = join(.0, "; "))]
    BadState(Vec<Refusal>),
    /// The command line was malformed (missing value, unknown option, no chart, …).
    #[error("{0} (see --help)")]
    Usage(String),
    /// A PNG would have gone to a terminal.
    #[error("a PNG is not written to a terminal: give --out FILE, or redirect standard output")]
    PngToTerminal,
    /// The SVG could not be parsed or the image could not be drawn or encoded.
    #[error("could not draw the PNG: {0}")]
    Raster(String),
    /// The output file could not be written.
    #[error("could not write {path}: {source}")]
    Write {
        /// The file asked for.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

impl ExportError {
    /// The process exit code for this error: 2 for a request that is wrong (unknown chart,
    /// format or theme, bad width, scale or state, malformed command line, PNG to a terminal),
    /// 1 for a failure to draw or write.
    pub fn exit_code(&self) -> u8 {
        match self {
            ExportError::Raster(_) | ExportError::Write { .. } => 1,
            _ => 2,
        }
    }
}

/// Reads a chart slug: `allocation`.
pub fn parse_chart(s: &str) -> Result<ChartId, ExportError> {
    ChartId::from_slug(s).ok_or_else(|| ExportError::UnknownChart(s.to_string()))
}

/// Reads a format name (case-insensitive): `svg`, `png`, `csv` or `json`.
pub fn parse_format(s: &str) -> Result<Format, ExportError> {
    Format::ALL
        .into_iter()
        .find(|f| f.ext().eq_ignore_ascii_case(s))
        .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
}

/// Reads a theme name (case-insensitive): `light` or `dark`.
pub fn parse_theme(s: &str) -> Result<Theme, ExportError> {
    [Theme::Light, Theme::Dark]
        .into_iter()
        .find(|t| t.name().eq_ignore_ascii_case(s))
        .ok_or_else(|| ExportError::UnknownTheme(s.to_string()))
}

/// Reads a language (exactly `en` or `ja`).
pub fn parse_lang(s: &str) -> Result<Lang, ExportError> {
    match s {
        "en" => Ok(Lang::En),
        "ja" => Ok(Lang::Ja),
        _ => Err(ExportError::UnknownLang(s.to_string())),
    }
}

fn parse_in_range(s: &str, min: u32, max: u32) -> Option<u32> {
    // Plain digits only: no sign, no unit, no spaces.
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u32>().ok().filter(|n| (min..=max).contains(n))
}

/// Reads a layout width in CSS px, [`MIN_WIDTH`]–[`MAX_WIDTH`].
pub fn parse_width(s: &str) -> Result<u32, ExportError> {
    parse_in_range(s, MIN_WIDTH, MAX_WIDTH).ok_or_else(|| ExportError::BadWidth(s.to_string()))
}

/// Reads a PNG scale, [`MIN_SCALE`]–[`MAX_SCALE`].
pub fn parse_scale(s: &str) -> Result<u32, ExportError> {
    parse_in_range(s, MIN_SCALE, MAX_SCALE).ok_or_else(|| ExportError::BadScale(s.to_string()))
}

/// The query part of what was given as the state: a bare query string (`a.treasuries=60`,
/// with or without `?`), or a whole permalink (`https://…/?a.treasuries=60#top`), whose query is
/// taken and whose fragment is dropped.
pub fn query_of(state: &str) -> &str {
    let state = state.trim();
    let looks_like_url =
        state.starts_with("http://") || state.starts_with("https://") || state.starts_with('/');
    let rest = if looks_like_url {
        state.split_once('?').map_or("", |(_, q)| q)
    } else {
        state.strip_prefix('?').unwrap_or(state)
    };
    rest.split_once('#').map_or(rest, |(q, _)| q)
}

/// Reads a state strictly: the page's own reader ([`fund_view::url::read`]), but
/// every notice it gives (a value it would refuse and replace by its default) is an error here,
/// and so is a parameter the page does not know (a typo would otherwise silently give the
/// default). pym.js's own parameters (`childId`, …), which the page also ignores, are allowed.
pub fn read_state(state: &str) -> Result<UrlState, ExportError> {
    let query = query_of(state);
    let (url_state, notices) = fund_view::url::read(query);
    let mut refusals: Vec<Refusal> = notices.iter().map(Refusal::of_notice).collect();
    let known = fund_core::params::param_names();
    let mut unknown: Vec<String> = Vec::new();
    for name in names(query) {
        if !known.contains(&name)
            && !PYM_PARAMS.contains(&name.as_str())
            && !unknown.contains(&name)
        {
            unknown.push(name);
        }
    }
    refusals.extend(unknown.into_iter().map(|name| Refusal {
        reason: "is not a parameter of this page".to_string(),
        param: name,
    }));
    if refusals.is_empty() {
        Ok(url_state)
    } else {
        Err(ExportError::BadState(refusals))
    }
}

/// The parameter names in a query string, decoded as the page's reader decodes them.
fn names(query: &str) -> Vec<String> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, _)| k.into_owned())
        .collect()
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Which chart.
    pub chart: ChartId,
    /// The page's state: a permalink's query string, or the whole permalink.
    pub state: String,
    /// Which file.
    pub format: Format,
    /// The layout width in CSS px (the page uses 360 on narrow screens and 640 on wide ones).
    pub width: u32,
    /// For PNG: device pixels per CSS pixel (the browser's download uses 2).
    pub scale: u32,
    /// The theme; `None` takes the state's own `theme` (`auto` is drawn light).
    pub theme: Option<Theme>,
    /// The address the JSON's `generated_from` permalink starts with (empty: the query alone).
    pub base_url: String,
    /// The language of the chart's words; `None` takes the state's own `lang` (English if none).
    pub lang: Option<Lang>,
}

impl ExportRequest {
    /// A request for `chart` in `format`, of the default state, at the defaults: 640 px layout,
    /// scale 2, the state's theme, no base URL.
    pub fn new(chart: ChartId, format: Format) -> ExportRequest {
        ExportRequest {
            chart,
            state: String::new(),
            format,
            width: DEFAULT_WIDTH,
            scale: DEFAULT_SCALE,
            theme: None,
            base_url: String::new(),
            lang: None,
        }
    }
}

/// The chart as the page would draw it for a state already read: the selected framing's
/// figures ([`Views::of`]), at the request's layout width, in the theme asked for (or the state's:
/// `auto` resolves as on a system that prefers light).
pub fn rendered(
    chart: ChartId,
    state: &UrlState,
    width: u32,
    theme: Option<Theme>,
    lang: Lang,
) -> (RenderedChart, Derived) {
    let derived = Views::of(state.model()).current;
    let theme = theme.unwrap_or_else(|| fund_view::theme::resolve(state.theme(), false));
    (charts::render(chart, &derived, width, theme, lang), derived)
}

/// The permalink the JSON records: `base_url`, `?`, and the page's own full query for the state
/// (every parameter, as the page writes it; the theme is the one drawn).
pub fn permalink_for(state: &UrlState, theme: Theme, base_url: &str, lang: Lang) -> String {
    let choice = match theme {
        Theme::Light => fund_view::theme::ThemeChoice::Light,
        Theme::Dark => fund_view::theme::ThemeChoice::Dark,
    };
    let embed = state.embed().and_then(ChartId::from_slug);
    let query = fund_view::url::write(
        state.model(),
        fund_view::url::LinkState {
            step: state.step(),
            theme: choice,
            embed,
            lang,
            controls: state.controls(),
        },
    );
    let base = base_url.split_once('?').map_or(base_url, |(b, _)| b);
    export::permalink(&format!("{base}?{query}"))
}

/// Makes the file for a request, in memory: the same bytes the browser's download gives for
/// SVG, CSV and JSON, and for PNG the browser's PNG document rasterised natively.
pub fn export(req: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    let width = parse_width(&req.width.to_string())?;
    let scale = parse_scale(&req.scale.to_string())?;
    let state = read_state(&req.state)?;
    let lang = req.lang.or(state.lang()).unwrap_or_default();
    let (chart, derived) = rendered(req.chart, &state, width, req.theme, lang);
    Ok(match req.format {
        Format::Svg => export::svg_document(&chart.svg).into_bytes(),
        Format::Csv => export::csv_document(&chart).into_bytes(),
        Format::Json => {
            let link = permalink_for(&state, chart.svg.theme, &req.base_url, lang);
            let tracker;
            let data = match export::chart_data(req.chart, &derived) {
                Some(d) => d,
                None => {
                    tracker = fund_view::record_view::tracker(lang);
                    export::ChartData::Tracker(tracker)
                }
            };
            let cite = |id: &str| export::content_citation(id, lang);
            export::json_document(&chart, data, &link, lang, &cite).into_bytes()
        }
        Format::Png => chart_png(&chart, scale)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_taken_from_permalinks() {
        assert_eq!(query_of("a.treasuries=60"), "a.treasuries=60");
        assert_eq!(query_of("?a.treasuries=60"), "a.treasuries=60");
        assert_eq!(
            query_of("https://e.org/f/?a.treasuries=60&step=2#top"),
            "a.treasuries=60&step=2"
        );
        assert_eq!(query_of("https://e.org/"), "");
        assert_eq!(query_of(""), "");
    }

    #[test]
    fn a_good_state_is_read() {
        let s = read_state("a.treasuries=60&theme=dark&childId=x").unwrap();
        assert_eq!(s.model().inputs().treasuries, 60.into());
    }

    #[test]
    fn refused_and_unknown_parameters_are_named() {
        let err = read_state("a.treasuries=lots&a.treasury=60&step=999").unwrap_err();
        let ExportError::BadState(refusals) = &err else {
            panic!("{err}")
        };
        let names: Vec<&str> = refusals.iter().map(|r| r.param.as_str()).collect();
        assert!(names.contains(&"a.treasuries"), "{names:?}");
        assert!(names.contains(&"step"), "{names:?}");
        assert!(names.contains(&"a.treasury"), "{names:?}");
        let text = err.to_string();
        assert!(!text.contains("using the default"), "{text}");
        assert!(text.contains("is not a number"), "{text}");
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn names_widths_and_scales() {
        assert_eq!(parse_chart("profit-split").unwrap(), ChartId::ProfitSplit);
        assert!(parse_chart("pie")
            .unwrap_err()
            .to_string()
            .contains("waffle, allocation"));
        assert_eq!(parse_format("PNG").unwrap(), Format::Png);
        assert!(parse_format("gif").is_err());
        assert_eq!(parse_theme("dark").unwrap(), Theme::Dark);
        assert!(parse_theme("auto").is_err());
        assert_eq!(parse_width("360").unwrap(), 360);
        for bad in [
            "",
            "279",
            "1601",
            "+640",
            "640px",
            " 640",
            "-1",
            "99999999999",
        ] {
            assert!(parse_width(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_scale("4").unwrap(), 4);
        assert!(parse_scale("0").is_err() && parse_scale("5").is_err());
    }
}
