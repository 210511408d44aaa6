//! What the site gives the places that publish and find it, beside its pages: oEmbed answers and
//! their discovery links, a Markdown page and a fallback image per chart, structured data
//! (JSON-LD) per page, and a hosting kit (`_headers`, `sitemap.xml`, `robots.txt`, `404.html`).
//!
//! Every URL goes through [`Origin::url`]: absolute when the public origin is set, relative
//! otherwise. oEmbed and the sitemap only work with absolute URLs (a CMS copies the oEmbed `html`
//! into its own page, where a relative address points at the CMS; sitemaps must be absolute), so
//! without an origin the site writes no sitemap and the build says so.

use crate::{escape, Origin, PageSpec, SiteError};
use fund_charts::Theme;
use fund_core::params::ControlsParam;
use fund_core::{msg, Lang};
use fund_view::charts::{self, render, ChartId, RenderedChart};
use fund_view::export::{self, EmbedOptions, Format};
use fund_view::layout::WIDE_LAYOUT;
use fund_view::theme::ThemeChoice;
use serde_json::{json, Value};

/// The content security policy every page is served with (the README's), less `frame-ancestors`.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";

/// How long a consumer may keep an oEmbed answer, in seconds (a day: the record changes).
pub const OEMBED_CACHE_AGE: u32 = 86_400;

/// The nominal width of an embedded chart in an oEmbed answer (the layout the charts are drawn
/// at; the iframe itself is `width="100%"`).
pub const OEMBED_WIDTH: u32 = WIDE_LAYOUT;

/// The licence of the data downloads, unless `FUND_DATA_LICENSE` names another.
pub const DEFAULT_LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// The file name of a chart's fallback image, in its embed page's folder.
pub const FALLBACK_PNG: &str = "chart.png";

/// Build settings that only the published files read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publishing {
    /// The data's licence (a URL).
    pub license: String,
    /// The day the explainer was first published (`yyyy-mm-dd`), if given.
    pub published: Option<String>,
}

impl Default for Publishing {
    fn default() -> Self {
        Publishing {
            license: DEFAULT_LICENSE.into(),
            published: None,
        }
    }
}

impl Publishing {
    /// Reads `FUND_DATA_LICENSE` (a URL) and `FUND_PUBLISHED` (`yyyy-mm-dd`); empty means the
    /// default.
    pub fn parse(license: &str, published: &str) -> Result<Publishing, SiteError> {
        let mut p = Publishing::default();
        let license = license.trim();
        if !license.is_empty() {
            let ok = (license.starts_with("https://") || license.starts_with("http://"))
                && !license
                    .chars()
                    .any(|c| c.is_whitespace() || "\"'<>`".contains(c));
            if !ok {
                return Err(SiteError::Setting("FUND_DATA_LICENSE", license.into()));
            }
            p.license = license.into();
        }
        let published = published.trim();
        if !published.is_empty() {
            let b = published.as_bytes();
            let ok = b.len() == 10
                && b.iter().enumerate().all(|(i, c)| match i {
                    4 | 7 => *c == b'-',
                    _ => c.is_ascii_digit(),
                });
            if !ok {
                return Err(SiteError::Setting("FUND_PUBLISHED", published.into()));
            }
            p.published = Some(published.into());
        }
        Ok(p)
    }
}

/// The chart drawn on an embed page at its default state (the record's framing), in light.
pub fn default_chart(page: &PageSpec, id: ChartId) -> RenderedChart {
    render(
        id,
        &page.default_views().current,
        WIDE_LAYOUT,
        Theme::Light,
        page.lang,
    )
}

/// The record's as-of date (`yyyy-mm-dd`), and the day it was last checked.
fn record_dates() -> Option<(String, String)> {
    fund_content::tranches().map(|t| (t.as_of().iso(), t.reviewed().iso()))
}

// ---- oEmbed ---------------------------------------------------------------------------------

/// The oEmbed answer's file, relative to the root: beside the embed page.
pub fn oembed_path(page: &PageSpec) -> Option<String> {
    page.embed.map(|_| format!("{}oembed.json", page.dir()))
}

/// The head tags that must come early (WordPress reads at most 150 KB and stops at `</head>`):
/// the oEmbed discovery link, and the Markdown version of an embed page.
pub fn early_head_tags(page: &PageSpec, origin: &Origin) -> String {
    let Some(path) = oembed_path(page) else {
        return String::new();
    };
    let depth = page.depth();
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" />\n<link rel=\"alternate\" type=\"text/markdown\" href=\"{}\" title=\"{}\" />\n",
        escape(&origin.url(&path, depth)),
        escape(&page.title),
        escape(&origin.url(&format!("{}index.md", page.dir()), depth)),
        escape(&page.title),
    )
}

/// The oEmbed answer (`type` rich) for an embed page, as JSON. Its URLs are absolute with an
/// origin; without one they are relative to the file, which no consumer can use (see the
/// README).
pub fn oembed_json(page: &PageSpec, origin: &Origin) -> Option<String> {
    let id = page.embed?;
    let depth = page.depth();
    let chart = default_chart(page, id);
    let height = export::embed_height(chart.svg.height, ControlsParam::Compact);
    let url = origin.url(&page.dir(), depth);
    let html = export::oembed_html(&url, &url, &chart.text.caption, height, page.lang);
    let value = json!({
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": msg::page::title(page.lang),
        "provider_url": origin.url(page.lang.dir(), depth),
        "html": html,
        "width": OEMBED_WIDTH,
        "height": height,
        "thumbnail_url": origin.url(&page.card_path(), depth),
        "thumbnail_width": fund_export::CARD_WIDTH,
        "thumbnail_height": fund_export::CARD_HEIGHT,
        "cache_age": OEMBED_CACHE_AGE,
    });
    Some(pretty(&value))
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The fallback image of an embed page's chart (the script embed's `<noscript>`): the chart at
/// the page's default state, as the PNG download draws it.
pub fn fallback_png(page: &PageSpec) -> Result<Option<Vec<u8>>, SiteError> {
    let Some(id) = page.embed else {
        return Ok(None);
    };
    fund_export::chart_png(&default_chart(page, id), export::PNG_SCALE)
        .map(Some)
        .map_err(|e| SiteError::Image(e.to_string()))
}

// ---- Structured data ------------------------------------------------------------------------

/// Text safe inside `<script type="application/ld+json">`: JSON whose `<`, `>` and `&` are
/// escaped (`\u003c`…), so no value can close the element.
pub fn script_json(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn downloads_of(id: ChartId, lang: Lang, origin: &Origin, depth: usize) -> Vec<Value> {
    [Format::Csv, Format::Json]
        .into_iter()
        .map(|f| {
            json!({
                "@type": "DataDownload",
                "encodingFormat": f.mime().split(';').next().unwrap_or_default().trim(),
                "contentUrl": origin.url(
                    &format!("{}downloads/{}", lang.dir(), export::file_name(id, f, lang)),
                    depth
                ),
                "name": export::download_label(id, f, lang),
            })
        })
        .collect()
}

/// The page's structured data: the explainer is a `NewsArticle` with a `Dataset` of every
/// chart's downloads; an embed page is a `Dataset` of its chart's downloads, part of the article.
/// No `ClaimReview`: see the README ("Structured data").
pub fn json_ld(page: &PageSpec, origin: &Origin, publishing: &Publishing) -> Value {
    let depth = page.depth();
    let lang = page.lang;
    let article_url = origin.url(lang.dir(), depth);
    let (as_of, _) = record_dates().unwrap_or_default();
    let image = origin.url(&page.card_path(), depth);
    match page.embed {
        None => {
            let mut article = json!({
                "@type": "NewsArticle",
                "@id": format!("{article_url}#article"),
                "headline": msg::page::headline(lang),
                "name": page.title,
                "description": page.description,
                "inLanguage": lang.as_str(),
                "url": article_url,
                "mainEntityOfPage": article_url,
                "image": [image],
                "dateModified": as_of,
                "isAccessibleForFree": true,
            });
            if let Some(p) = &publishing.published {
                article["datePublished"] = json!(p);
            }
            let distribution: Vec<Value> = ChartId::ALL
                .into_iter()
                .flat_map(|id| downloads_of(id, lang, origin, depth))
                .collect();
            let dataset = json!({
                "@type": "Dataset",
                "@id": format!("{article_url}#data"),
                "name": msg::publish::dataset_all(lang, msg::page::title(lang)),
                "description": msg::publish::dataset_all_text(lang),
                "url": article_url,
                "inLanguage": lang.as_str(),
                "license": publishing.license,
                "isAccessibleForFree": true,
                "dateModified": as_of,
                "isPartOf": {"@id": format!("{article_url}#article")},
                "distribution": distribution,
            });
            json!({"@context": "https://schema.org", "@graph": [article, dataset]})
        }
        Some(id) => {
            let chart = default_chart(page, id);
            let url = origin.url(&page.dir(), depth);
            json!({
                "@context": "https://schema.org",
                "@type": "Dataset",
                "@id": format!("{url}#data"),
                "name": msg::publish::dataset_name(lang, &chart.text.caption),
                "description": chart.text.description,
                "url": url,
                "inLanguage": lang.as_str(),
                "license": publishing.license,
                "isAccessibleForFree": true,
                "dateModified": as_of,
                "image": image,
                "isPartOf": {"@id": format!("{article_url}#article")},
                "distribution": downloads_of(id, lang, origin, depth),
            })
        }
    }
}

/// The `<script type="application/ld+json">` element for a page.
pub fn json_ld_tag(page: &PageSpec, origin: &Origin, publishing: &Publishing) -> String {
    format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        script_json(&json_ld(page, origin, publishing))
    )
}

// ---- Markdown -------------------------------------------------------------------------------

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The Markdown page of an embed page's chart (`embed/<chart>/index.md`): its title, banner and
/// as-of line, its description, the values table at the default numbers, its sources, its data,
/// the permalink grammar and how to cite it.
pub fn markdown(page: &PageSpec, origin: &Origin) -> Option<String> {
    let id = page.embed?;
    let lang = page.lang;
    let depth = page.depth();
    let chart = default_chart(page, id);
    let model = fund_view::url::default_model(Some(id));
    let banner = charts::banner(id, model.framing(), lang);
    let mut s = format!("# {}\n\n", chart.text.caption);
    s.push_str(&format!("> {}\n>\n> {}\n\n", banner.line, banner.as_of));
    s.push_str(&format!("{}\n\n", chart.text.description));
    let table = &chart.table;
    if !table.columns.is_empty() {
        s.push_str(&format!("## {}\n\n", msg::publish::values(lang)));
        let row = |cells: &[String]| {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| md_cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        s.push_str(&row(&table.columns));
        s.push_str(&format!(
            "|{}\n",
            table.columns.iter().map(|_| " --- |").collect::<String>()
        ));
        for r in &table.rows {
            s.push_str(&row(r));
        }
        s.push('\n');
    }
    if !chart.text.source_ids.is_empty() {
        s.push_str(&format!("## {}\n\n", msg::publish::sources(lang)));
        for sid in &chart.text.source_ids {
            match fund_content::source(sid) {
                Some(src) => {
                    let link = src
                        .url()
                        .filter(|_| src.quality().may_link())
                        .map(|u| format!(" <{u}>"))
                        .unwrap_or_default();
                    s.push_str(&format!("- {}{link}\n", src.citation(lang)));
                }
                None => s.push_str(&format!("- {sid}\n")),
            }
        }
        s.push('\n');
    }
    s.push_str(&format!("## {}\n\n", msg::publish::downloads(lang)));
    for f in [Format::Csv, Format::Json] {
        s.push_str(&format!(
            "- {}: <{}>\n",
            f.label(),
            origin.url(
                &format!("{}downloads/{}", lang.dir(), export::file_name(id, f, lang)),
                depth
            )
        ));
    }
    s.push('\n');
    let root = origin.url("", depth);
    let options = EmbedOptions {
        framing: model.framing(),
        theme: ThemeChoice::Auto,
        lang,
        controls: ControlsParam::Compact,
    };
    let permalink = export::embed_url(&root, id, &model, options);
    s.push_str(&format!(
        "## {}\n\n{}\n\n",
        msg::publish::links(lang),
        msg::publish::links_text(lang)
    ));
    for (name, what) in fund_core::params::PARAMS {
        s.push_str(&format!("- `{name}`: {what}\n"));
    }
    s.push_str(&format!(
        "\n{}\n\n<{permalink}>\n\n",
        msg::publish::options_text(lang)
    ));
    let (_, reviewed) = record_dates().unwrap_or_default();
    let date = parse_iso(&reviewed).unwrap_or((1, 1, 2025));
    s.push_str(&format!(
        "## {}\n\n{}\n\n{}\n",
        msg::publish::cite(lang),
        export::cite_text(&chart.text.caption, &permalink, date, lang),
        msg::publish::cite_note(lang)
    ));
    Some(s)
}

fn parse_iso(s: &str) -> Option<(u32, u32, i32)> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((d, m, y))
}

// ---- Hosting kit ----------------------------------------------------------------------------

/// Every page of the site as `(folder relative to the root, language)`, for the sitemap.
fn page_dirs() -> Vec<(Option<ChartId>, Lang)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        out.push((None, lang));
        for id in ChartId::ALL {
            out.push((Some(id), lang));
        }
    }
    out
}

fn dir_of(embed: Option<ChartId>, lang: Lang) -> String {
    match embed {
        None => lang.dir().to_string(),
        Some(c) => format!("{}embed/{}/", lang.dir(), c.slug()),
    }
}

/// `sitemap.xml`: every page, each with its language alternates (itself, the other language and
/// `x-default`, the English page), reciprocal by construction. Needs absolute URLs, so `None`
/// without an origin.
pub fn sitemap(origin: &Origin) -> Option<String> {
    origin.absolute()?;
    let (as_of, _) = record_dates().unwrap_or_default();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for (embed, lang) in page_dirs() {
        s.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            escape(&origin.url(&dir_of(embed, lang), 0))
        ));
        if !as_of.is_empty() {
            s.push_str(&format!("    <lastmod>{as_of}</lastmod>\n"));
        }
        for (hreflang, l) in [("en", Lang::En), ("ja", Lang::Ja), ("x-default", Lang::En)] {
            s.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>\n",
                escape(&origin.url(&dir_of(embed, l), 0))
            ));
        }
        s.push_str("  </url>\n");
    }
    s.push_str("</urlset>\n");
    Some(s)
}

/// `robots.txt`: everything may be crawled; the sitemap's address when there is an origin.
pub fn robots(origin: &Origin) -> String {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    if origin.absolute().is_some() {
        s.push_str(&format!("\nSitemap: {}\n", origin.url("sitemap.xml", 0)));
    }
    s
}

/// A `404.html` in `lang` (`404.html` at the root, `ja/404.html`): no script, no style, a link
/// to the explainer in both languages (absolute with an origin; a host serves this page at any
/// missing address, so relative links could not work, and without an origin they point at the
/// host's root).
pub fn not_found(lang: Lang, origin: &Origin) -> String {
    let home = |l: Lang| match origin.absolute() {
        Some(_) => origin.url(l.dir(), 0),
        None => format!("/{}", l.dir()),
    };
    let other = lang.other();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<meta name=\"color-scheme\" content=\"light dark\" />\n<meta name=\"robots\" content=\"noindex\" />\n<title>{t}</title>\n</head>\n<body>\n<main data-testid=\"not-found\">\n<h1>{t}</h1>\n<p>{text} <a href=\"{h}\" data-testid=\"not-found-home\">{title}</a></p>\n<p lang=\"{ol}\"><a href=\"{oh}\" hreflang=\"{ol}\" data-testid=\"not-found-other\">{otitle}</a></p>\n</main>\n</body>\n</html>\n",
        l = lang.as_str(),
        t = escape(msg::publish::not_found_title(lang)),
        text = escape(msg::publish::not_found_text(lang)),
        h = escape(&home(lang)),
        title = escape(msg::page::title(lang)),
        ol = other.as_str(),
        oh = escape(&home(other)),
        otitle = escape(msg::page::title(other)),
    )
}

/// Whether a file name at the site's root carries a content hash (Trunk's `name-<16 hex>.ext`
/// or `name-<16 hex>_bg.wasm`): such a file never changes under its name.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, h)) => h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// One `_headers` rule: a path and its headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The path, from the host's root (may end in `*`).
    pub path: String,
    /// Header names and values.
    pub headers: Vec<(&'static str, String)>,
}

const REVALIDATE: &str = "public, max-age=0, must-revalidate";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The hosting rules for a built site whose root holds `root_files` (file names) and
/// `root_dirs` (folder names; `ja` is the Japanese edition). Rules never overlap: every path
/// matches one rule, which carries every header it gets, so no host has to merge two values of
/// one header (Netlify and Cloudflare would join them with a comma, and two CSPs both apply).
/// - pages: the CSP; the explainer's pages may be framed only by the site itself
///   (`frame-ancestors 'self'`), embed pages by anyone (`frame-ancestors *`);
/// - `Access-Control-Allow-Origin: *` on everything another site loads: scripts, the wasm, the
///   stylesheets (an embed inside WordPress's `sandbox="allow-scripts"` has an opaque origin, so
///   every module script, `fetch` and stylesheet with `integrity` is a cross-origin request),
///   images, downloads and the embed folders (oEmbed answers, Markdown);
/// - `immutable` on hashed files, revalidation on everything else.
pub fn header_rules(origin: &Origin, root_files: &[String], root_dirs: &[String]) -> Vec<Rule> {
    let prefix = origin.path();
    let p = |s: &str| format!("{prefix}{s}");
    let page = |frame: &str| -> Vec<(&'static str, String)> {
        vec![
            (
                "Content-Security-Policy",
                format!("{CSP}; frame-ancestors {frame}"),
            ),
            ("Cache-Control", REVALIDATE.into()),
            ("X-Content-Type-Options", "nosniff".into()),
            ("Referrer-Policy", "strict-origin-when-cross-origin".into()),
        ]
    };
    let shared = |cache: &str| -> Vec<(&'static str, String)> {
        vec![
            ("Access-Control-Allow-Origin", "*".into()),
            ("Cache-Control", cache.into()),
            ("X-Content-Type-Options", "nosniff".into()),
        ]
    };
    let mut embed = page("*");
    embed.push(("Access-Control-Allow-Origin", "*".into()));
    let mut rules = Vec::new();
    let mut add =
        |path: String, headers: Vec<(&'static str, String)>| rules.push(Rule { path, headers });
    // The explainer's pages.
    for lang in Lang::ALL {
        add(p(lang.dir()), page("'self'"));
        add(p(&format!("{}index.html", lang.dir())), page("'self'"));
        add(p(&format!("{}404.html", lang.dir())), page("'self'"));
        add(p(&format!("{}embed/*", lang.dir())), embed.clone());
        add(p(&format!("{}downloads/*", lang.dir())), shared(REVALIDATE));
    }
    let mut dirs: Vec<&String> = root_dirs.iter().collect();
    dirs.sort();
    for d in dirs {
        if matches!(d.as_str(), "ja" | "embed" | "downloads") {
            continue;
        }
        add(p(&format!("{d}/*")), shared(REVALIDATE));
    }
    let mut files: Vec<&String> = root_files.iter().collect();
    files.sort();
    for f in files {
        if matches!(f.as_str(), "index.html" | "404.html" | "_headers") {
            continue;
        }
        let cache = if is_hashed(f) { IMMUTABLE } else { REVALIDATE };
        add(p(f), shared(cache));
    }
    rules
}

/// The rules as a `_headers` file (Netlify and Cloudflare Pages).
pub fn headers_file(rules: &[Rule]) -> String {
    let mut s = String::from(
        "# Generated by fund-site: the headers this site needs (README, \"Publishing\").\n# Every path matches exactly one rule.\n",
    );
    for r in rules {
        s.push_str(&format!("{}\n", r.path));
        for (k, v) in &r.headers {
            s.push_str(&format!("  {k}: {v}\n"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("japan-fund-explainer-5a1b2c3d4e5f6a7b_bg.wasm"));
        assert!(is_hashed("japan-fund-explainer-5a1b2c3d4e5f6a7b.js"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(!is_hashed("boot.js"));
        assert!(!is_hashed("embed.js"));
        assert!(!is_hashed("prerender.css"));
        assert!(!is_hashed("japan-fund-explainer-5a1b.js"));
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let v = json!({"a": "</script><script>alert(1)</script> & \u{2028}"});
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn settings() {
        assert_eq!(Publishing::parse("", "").unwrap(), Publishing::default());
        let p = Publishing::parse("https://example.org/licence", "2026-01-31").unwrap();
        assert_eq!(p.license, "https://example.org/licence");
        assert_eq!(p.published.as_deref(), Some("2026-01-31"));
        assert!(Publishing::parse("cc-by", "").is_err());
        assert!(Publishing::parse("", "31/01/2026").is_err());
    }
}
