//! The explainer's static site, written at build time from the same components, core and
//! content the browser uses: for each language (English at the root, Japanese under `ja/`), the
//! page, one page per chart (`embed/<chart>/`), each chart's downloads at the default state
//! (`downloads/`), and a social card image for every page.
//!
//! Trunk builds the WebAssembly and the page shell (`index.html` with its hashed script and
//! stylesheet links), then runs this crate's binary as a `post_build` hook. The binary renders
//! the Leptos components of `fund-page` to HTML natively and puts that HTML, plus each page's
//! language, social and search metadata, into the shell. In the browser, the WebAssembly (the
//! `japan-fund-explainer` package's client) takes the page over: one WebAssembly per language,
//! each holding its own pages' strings only (see [`wasm`]).
#![deny(missing_docs)]

pub mod reading;
pub mod wasm;

use fund_charts::Theme;
use fund_core::{msg, Lang};
use fund_page::{EmbedCtx, PageCtx};
use fund_view::charts::{render, ChartId};
use fund_view::export::{self, Format};
use fund_view::hooks::attr;
use fund_view::views::Views;
use leptos::prelude::*;
use std::sync::Arc;

pub mod publish;

/// What can go wrong while writing the site.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The page shell from Trunk lacks a part the site needs.
    #[error("the page shell has no {0}: is it Trunk's output of index.html?")]
    Shell(&'static str),
    /// The public origin setting is not an absolute http(s) URL.
    #[error("FUND_PUBLIC_ORIGIN must be an absolute http:// or https:// URL with no query, quotes or spaces (got {0:?})")]
    Origin(String),
    /// A build setting is malformed.
    #[error("{0} is malformed (got {1:?})")]
    Setting(&'static str, String),
    /// An image could not be drawn.
    #[error("image: {0}")]
    Image(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
}

/// The site's public address, for absolute URLs in link previews (`og:image` must be absolute
/// for most crawlers). Without it, every URL is relative and the site still works anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin(Option<String>);

impl Origin {
    /// No public address: relative URLs.
    pub fn relative() -> Origin {
        Origin(None)
    }

    /// Reads a setting such as `https://example.org/graphics/japan-fund/`; an empty setting
    /// means relative URLs. A trailing `/` is added when missing.
    pub fn parse(setting: &str) -> Result<Origin, SiteError> {
        let s = setting.trim();
        if s.is_empty() {
            return Ok(Origin(None));
        }
        let ok_scheme = s.starts_with("https://") || s.starts_with("http://");
        let bad_char = s
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '?' | '#' | '`'));
        let host = s.split("://").nth(1).unwrap_or("");
        if !ok_scheme || bad_char || host.is_empty() || host.starts_with('/') {
            return Err(SiteError::Origin(setting.to_string()));
        }
        let mut s = s.to_string();
        if !s.ends_with('/') {
            s.push('/');
        }
        Ok(Origin(Some(s)))
    }

    /// The public address, if set.
    pub fn absolute(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The site's path on its host: `/graphics/japan-fund/` for
    /// `https://example.org/graphics/japan-fund/`, `/` without an origin (the host's root).
    pub fn path(&self) -> String {
        match &self.0 {
            Some(o) => {
                let after = o.split_once("://").map(|(_, r)| r).unwrap_or(o);
                match after.find('/') {
                    Some(i) => after[i..].to_string(),
                    None => "/".into(),
                }
            }
            None => "/".into(),
        }
    }

    /// The URL of `path` (relative to the site's root) as seen from a page `depth` folders below
    /// the root: absolute with an origin, relative otherwise.
    pub fn url(&self, path: &str, depth: usize) -> String {
        match &self.0 {
            Some(o) => format!("{o}{path}"),
            None => format!("{}{path}", up(depth)),
        }
    }
}

/// `./` for the root, `../../` two folders down.
pub fn up(depth: usize) -> String {
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

/// One page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSpec {
    /// The page's language.
    pub lang: Lang,
    /// `None` for the explainer, or the chart of an embed page.
    pub embed: Option<ChartId>,
    /// The page's title (also `og:title`).
    pub title: String,
    /// The page's description (also `og:description`).
    pub description: String,
}

impl PageSpec {
    /// Folder of the page, relative to the site's root (`""`, `ja/`, `embed/<chart>/`,
    /// `ja/embed/<chart>/`).
    pub fn dir(&self) -> String {
        Self::dir_of(self.lang, self.embed)
    }

    fn dir_of(lang: Lang, embed: Option<ChartId>) -> String {
        match embed {
            None => lang.dir().to_string(),
            Some(c) => format!("{}embed/{}/", lang.dir(), c.slug()),
        }
    }

    /// The same page in `lang`'s folder.
    pub fn dir_in(&self, lang: Lang) -> String {
        Self::dir_of(lang, self.embed)
    }

    /// How many folders below the root the page is.
    pub fn depth(&self) -> usize {
        self.dir().matches('/').count()
    }

    /// The social card's file, relative to the root.
    pub fn card_path(&self) -> String {
        let name = match self.embed {
            None => "explainer".to_string(),
            Some(c) => c.slug().to_string(),
        };
        format!("og/{}/{name}.png", self.lang.as_str())
    }

    /// The chart drawn on the page's social card: an embed page's own chart, and for the
    /// explainer the framings chart, which sets the article's claim beside the record (a card
    /// showing the claim alone would state it as a finding wherever it is shared).
    pub fn card_chart(&self) -> ChartId {
        self.embed.unwrap_or(ChartId::Framings)
    }

    /// The state the page (and its card) shows before any link changes it: the explainer in the
    /// article's framing, an embed page in its chart's default (`url::default_model`).
    pub fn default_views(&self) -> Views {
        Views::of(&fund_view::url::default_model(self.embed))
    }
}

/// Every page: in each language, the explainer, then one embed page per chart (so a chart added
/// later gets its page with no change here). Titles and descriptions come from the language
/// tables and from each chart's own caption and generated description at the default state.
pub fn pages() -> Vec<PageSpec> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        out.push(PageSpec {
            lang,
            embed: None,
            title: msg::page::title(lang).to_string(),
            description: msg::page::description(lang).to_string(),
        });
        for id in ChartId::ALL {
            let views = Views::of(&fund_view::url::default_model(Some(id)));
            let chart = render(
                id,
                &views.current,
                fund_view::layout::WIDE_LAYOUT,
                Theme::Light,
                lang,
            );
            out.push(PageSpec {
                lang,
                embed: Some(id),
                title: msg::page::embed_title(lang, &chart.text.caption, msg::page::title(lang)),
                description: chart.text.description.clone(),
            });
        }
    }
    out
}

/// Renders a page's body natively, at the default state, from the app's own components.
pub fn render_body(lang: Lang, embed: Option<ChartId>) -> String {
    use fund_page::page::Page;
    let ctx = PageCtx::new(
        lang,
        embed.map(|chart| EmbedCtx {
            chart,
            controls: fund_core::params::ControlsParam::All,
        }),
    );
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(move || {
        provide_context(ctx);
        view! { <Page/> }.to_html()
    });
    drop(owner);
    html
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(s: &str) -> String {
    export::escape_attr(s)
}

/// The head tags for a page: description, canonical, language alternates, Open Graph and
/// Twitter card.
pub fn head_tags(page: &PageSpec, origin: &Origin) -> String {
    let depth = page.depth();
    let canonical = origin.url(&page.dir(), depth);
    let image = origin.url(&page.card_path(), depth);
    let (t, d) = (escape(&page.title), escape(&page.description));
    let mut s = String::new();
    s.push_str(&format!(
        "<meta name=\"description\" content=\"{d}\" />\n<link rel=\"canonical\" href=\"{}\" />\n",
        escape(&canonical)
    ));
    for lang in Lang::ALL {
        s.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />\n",
            lang.as_str(),
            escape(&origin.url(&page.dir_in(lang), depth))
        ));
    }
    s.push_str(&format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\" />\n",
        escape(&origin.url(&page.dir_in(Lang::En), depth))
    ));
    let locale = match page.lang {
        Lang::En => "en_US",
        Lang::Ja => "ja_JP",
    };
    let alternate = match page.lang {
        Lang::En => "ja_JP",
        Lang::Ja => "en_US",
    };
    s.push_str(&format!("<meta property=\"og:type\" content=\"article\" />\n<meta property=\"og:locale\" content=\"{locale}\" />\n<meta property=\"og:locale:alternate\" content=\"{alternate}\" />\n<meta property=\"og:title\" content=\"{t}\" />\n<meta property=\"og:description\" content=\"{d}\" />\n"));
    s.push_str(&format!(
        "<meta property=\"og:url\" content=\"{}\" />\n",
        escape(&canonical)
    ));
    s.push_str(&format!(
        "<meta property=\"og:image\" content=\"{}\" />\n<meta property=\"og:image:width\" content=\"1200\" />\n<meta property=\"og:image:height\" content=\"630\" />\n<meta property=\"og:image:alt\" content=\"{d}\" />\n",
        escape(&image)
    ));
    s.push_str(&format!("<meta name=\"twitter:card\" content=\"summary_large_image\" />\n<meta name=\"twitter:title\" content=\"{t}\" />\n<meta name=\"twitter:description\" content=\"{d}\" />\n<meta name=\"twitter:image\" content=\"{}\" />\n", escape(&image)));
    s
}

/// Puts a page together from Trunk's shell: the page's language on `<html>`, the shell's relative
/// asset links re-rooted for the page's depth, its title and description replaced, the search and
/// social tags added, and the body replaced by the prerendered page inside `<div id="app">`.
pub fn assemble(
    shell: &str,
    page: &PageSpec,
    origin: &Origin,
    body: &str,
) -> Result<String, SiteError> {
    assemble_with(shell, page, origin, &publish::Publishing::default(), body)
}

/// [`assemble`], with the publishing settings (the data's licence, the publication date) that
/// the page's structured data carries. Also puts the oEmbed discovery link and the Markdown
/// alternate early in the head (right after `<meta charset>`: WordPress reads at most 150 KB and
/// stops at `</head>`), the JSON-LD at its end, and `crossorigin="anonymous"` on a stylesheet
/// with `integrity` (inside a sandboxed frame, whose origin is opaque, a stylesheet fetched
/// without CORS could not be checked against its hash and would not apply).
pub fn assemble_with(
    shell: &str,
    page: &PageSpec,
    origin: &Origin,
    publishing: &publish::Publishing,
    body: &str,
) -> Result<String, SiteError> {
    let head_end = shell.find("</head>").ok_or(SiteError::Shell("</head>"))?;
    let body_open = shell.find("<body").ok_or(SiteError::Shell("<body>"))?;
    let body_start = body_open
        + shell[body_open..]
            .find('>')
            .ok_or(SiteError::Shell("<body>"))?
        + 1;
    let body_end = shell.rfind("</body>").ok_or(SiteError::Shell("</body>"))?;
    let html_open = shell.find("<html").ok_or(SiteError::Shell("<html>"))?;
    let html_end = html_open
        + shell[html_open..]
            .find('>')
            .ok_or(SiteError::Shell("<html>"))?;
    // The charts that have embed pages, for boot.js's redirect of old `?embed=` links.
    let slugs: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
    let mut head = format!(
        "{}<html lang=\"{}\" data-embeds=\"{}\"{}>{}",
        &shell[..html_open],
        page.lang.as_str(),
        slugs.join(" "),
        if page.embed.is_some() {
            " data-controls=\"compact\""
        } else {
            ""
        },
        &shell[html_end + 1..head_end]
    );
    let depth = page.depth();
    let prefix = up(depth);
    if depth > 0 {
        head = head.replace("=\"./", &format!("=\"{prefix}"));
    }
    head = replace_between(&head, "<title>", "</title>", &escape(&page.title));
    head = cors_stylesheets(&head);
    let early = publish::early_head_tags(page, origin);
    if !early.is_empty() {
        let at = head
            .find("<meta charset")
            .and_then(|a| head[a..].find('>').map(|e| a + e + 1))
            .or_else(|| {
                head.find("<head")
                    .and_then(|a| head[a..].find('>').map(|e| a + e + 1))
            })
            .ok_or(SiteError::Shell("<head>"))?;
        head.insert_str(at, &format!("\n{early}"));
    }
    // The shell's own description gives way to the page's (written with the other tags).
    if let Some(at) = head.find("<meta name=\"description\"") {
        let end = at + head[at..].find('>').map(|e| e + 1).unwrap_or(0);
        head.replace_range(at..end, "");
    }
    // The wasm's preload hint goes (see `take_wasm_preload`); its integrity moves to the boot
    // script, which checks it whoever starts the download.
    let integrity;
    (head, integrity) = take_wasm_preload(&head);
    if let Some(sri) = &integrity {
        head = head.replacen(
            "boot.js\"",
            &format!("boot.js\" data-integrity=\"{sri}\""),
            1,
        );
    }
    // Every page waits for its reader before it downloads the wasm (see `start_on_intent`): an
    // embed until the reader reaches for the chart, the full page until the reader reaches for a
    // control, a control nears the view, or (on a fast, unmetered connection) the page is idle.
    let head_script = format!("<script src=\"{prefix}head.js\"></script>");
    head = start_on_intent(&head, page.embed);
    // head.js goes before the stylesheets: a classic script waits for the stylesheets above it,
    // and the theme and controls it sets should not.
    let (head, head_script) = match head.find("<link rel=\"stylesheet\"") {
        Some(at) => (
            format!("{}{head_script}\n    {}", &head[..at], &head[at..]),
            String::new(),
        ),
        None => (head, format!("{head_script}\n")),
    };
    let mut tail_scripts = scripts_in(&shell[body_start..body_end]);
    if depth > 0 {
        tail_scripts = tail_scripts.replace("=\"./", &format!("=\"{prefix}"));
    }
    let (embed_attr, body_class) = match page.embed {
        Some(c) => (
            format!(" {}=\"{}\"", attr::EMBED, c.slug()),
            " class=\"embed\"",
        ),
        None => (String::new(), ""),
    };
    Ok(format!(
        "{head}{tags}<link rel=\"stylesheet\" href=\"{prefix}prerender.css\" />\n{head_script}{ld}</head>\n<body{body_class} {prerendered}>\n<div id=\"{app}\"{embed_attr} {root}=\"{prefix}\">{body}</div>\n{tail_scripts}{embed_script}</body>\n</html>\n",
        tags = head_tags(page, origin),
        prerendered = attr::PRERENDERED,
        app = fund_view::hooks::id::APP,
        root = attr::ROOT,
        ld = publish::json_ld_tag(page, origin, publishing),
        embed_script = if page.embed.is_some() {
            format!("<script src=\"{prefix}embed.js\"></script>\n")
        } else {
            String::new()
        },
    ))
}

/// Removes the shell's `<link rel="preload" as="fetch">` hint for the wasm and returns its
/// `integrity`. Browsers differ on reusing such a preload for the `fetch()` that compiles the wasm:
/// Chromium does; Firefox only for a fetch without `integrity`; WebKit never. Where it is not
/// reused the wasm downloads twice, so the page starts the one download itself, with the
/// integrity, from `boot.js`, once the page starts.
fn take_wasm_preload(head: &str) -> (String, Option<String>) {
    let mut rest = head;
    let mut out = String::with_capacity(head.len());
    let mut integrity = None;
    while let Some(at) = rest.find("<link rel=\"preload\"") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find('>')
            .map(|e| at + e + 1)
            .unwrap_or(rest.len());
        let tag = &rest[at..end];
        if tag.contains("as=\"fetch\"") && tag.contains(".wasm\"") {
            integrity = attr_value(tag, "integrity");
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, integrity)
}

/// The value of the first `name="…"` attribute in `html`, as written (still escaped, so it can be
/// written into another attribute as it is).
pub(crate) fn attr_value(html: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = html.find(&key)? + key.len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

/// A page starts its WebAssembly only when the reader shows an intent to use it, or at once if its
/// link carries numbers the prerendered charts do not show (see `boot.js`). An embed page
/// (`data-start="intent"`) waits for a pointer over it, a touch, a key or focus: most readers of
/// a host article scroll past an embedded chart and should not pay for its interactivity. The
/// full page (`data-start="reader"`) waits for the reader to reach for a control, a tab, a step
/// button or a chart's buttons, or for a control to near the view, or, on a fast unmetered
/// connection, for the page to be idle: a phone reader on a slow network reads the prerendered
/// walkthrough (which follows its step and tabs without the wasm) before paying for it. So the
/// shell's preload hints for the script and the wasm are dropped, and the boot script is told
/// which parameters are numbers and their values in the prerendered charts (a link at those
/// values, as the embed dialog writes, waits too). The step is not among them on the full page:
/// the prerendered walkthrough shows a permalink's step itself.
fn start_on_intent(head: &str, embed: Option<ChartId>) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(at) = rest.find("<link rel=\"") {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..]
            .find('>')
            .map(|e| at + e + 1)
            .unwrap_or(rest.len());
        let tag = &rest[at..tag_end];
        if !(tag.starts_with("<link rel=\"modulepreload\"")
            || tag.starts_with("<link rel=\"preload\""))
        {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    let names: Vec<String> = fund_core::params::state_param_names()
        .into_iter()
        .filter(|n| embed.is_some() || n != "step")
        .collect();
    out.replacen(
        "boot.js\"",
        &format!(
            "boot.js\" data-start=\"{}\" data-state-params=\"{}\" data-state-defaults=\"{}\"",
            if embed.is_some() { "intent" } else { "reader" },
            escape(&names.join(" ")),
            escape(&fund_view::url::state_defaults(embed))
        ),
        1,
    )
}

/// The scripts of `assets/` that the build copies into the site (Trunk's `copy-file`).
pub const SHIPPED_SCRIPTS: [&str; 4] = ["head.js", "boot.js", "embed.js", "loader.js"];

/// A script without its whole-line `//` comments and blank lines. Only lines that are nothing but
/// a comment go (never a `//` after code, which may be inside a string or a URL); the scripts in
/// `assets/` keep no multi-line strings, which a test checks.
pub fn strip_line_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    for line in js.lines() {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Adds `crossorigin="anonymous"` to every `<link rel="stylesheet">` that has `integrity` and no
/// `crossorigin`.
fn cors_stylesheets(head: &str) -> String {
    let mut out = String::with_capacity(head.len() + 64);
    let mut rest = head;
    while let Some(at) = rest.find("<link") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map(|e| at + e).unwrap_or(rest.len());
        let tag = &rest[at..end];
        out.push_str(tag);
        if tag.contains("rel=\"stylesheet\"")
            && tag.contains("integrity=")
            && !tag.contains("crossorigin")
        {
            let trimmed = out.trim_end_matches('/').trim_end().len();
            out.truncate(trimmed);
            out.push_str(" crossorigin=\"anonymous\"");
            if tag.trim_end().ends_with('/') {
                out.push_str(" /");
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn scripts_in(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(a) = rest.find("<script") {
        let Some(b) = rest[a..].find("</script>") else {
            break;
        };
        out.push_str(&rest[a..a + b + "</script>".len()]);
        out.push('\n');
        rest = &rest[a + b + "</script>".len()..];
    }
    out
}

fn replace_between(s: &str, open: &str, close: &str, with: &str) -> String {
    match (s.find(open), s.find(close)) {
        (Some(a), Some(b)) if b > a => format!("{}{open}{with}{}", &s[..a], &s[b..]),
        _ => s.to_string(),
    }
}

/// The charts' palette as the page's stylesheet: each palette role a CSS custom property per
/// theme (light by default; dark when the reader asked for it, or asked for nothing and the system
/// prefers it), and a class per role used as a fill or a stroke. The page's charts carry these
/// classes ([`fund_charts::PaintMode::Classes`]), so switching theme or printing restyles them
/// without touching a mark. Generated from the charts crate's palettes: one copy of every colour.
pub fn prerender_css() -> String {
    let vars = |theme: Theme| {
        fund_charts::Paint::ALL
            .iter()
            .map(|p| format!("--chart-{}: {};", p.token(), p.hex(theme)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::from(
        "/* Generated by fund-site from the charts crate's palettes: the charts' palette roles, per theme. */\n",
    );
    out.push_str(&format!(":root {{ {} }}\n", vars(Theme::Light)));
    out.push_str(&format!(
        ":root[data-theme=\"dark\"] {{ {} }}\n",
        vars(Theme::Dark)
    ));
    out.push_str(&format!(
        "@media (prefers-color-scheme: dark) {{\n  :root:not([data-theme=\"light\"]) {{ {} }}\n}}\n",
        vars(Theme::Dark)
    ));
    // Print is light, like the page's print styles.
    out.push_str(&format!(
        "@media print {{\n  :root, :root[data-theme] {{ {} }}\n}}\n",
        vars(Theme::Light)
    ));
    for p in fund_charts::Paint::ALL {
        let t = p.token();
        out.push_str(&format!(
            ".fund-chart .fill-{t} {{ fill: var(--chart-{t}); }}\n.fund-chart .stroke-{t} {{ stroke: var(--chart-{t}); }}\n"
        ));
    }
    out
}

/// The page's 1200×630 social card as the SVG document that is rasterised: its title and its
/// chart at the page's default state ([`PageSpec::default_views`]), in its language, drawn by the
/// same renderer as `fund-export`. The chart carries its banner (what it shows and the record's
/// date) in its own text.
pub fn card_svg(page: &PageSpec) -> String {
    let views = page.default_views();
    let title = match page.embed {
        None => msg::page::headline(page.lang).to_string(),
        Some(c) => {
            render(
                c,
                &views.current,
                fund_view::layout::WIDE_LAYOUT,
                Theme::Light,
                page.lang,
            )
            .text
            .caption
        }
    };
    fund_export::social_card_svg(
        &title,
        page.card_chart(),
        &views.current,
        Theme::Light,
        page.lang,
    )
}

/// The page's social card ([`card_svg`]) as a 1200×630 PNG.
pub fn card_png(page: &PageSpec) -> Result<Vec<u8>, SiteError> {
    fund_export::svg_to_png(
        &card_svg(page),
        fund_export::CARD_WIDTH,
        fund_export::CARD_HEIGHT,
        None,
    )
    .map_err(|e| SiteError::Image(e.to_string()))
}

/// The four downloads of chart `id` at the default state, in `lang`: `(file name, bytes)`. The
/// chart's buttons link to them, so they work with scripts off; with scripts on, the browser
/// makes the same files for the reader's numbers instead.
pub fn downloads(id: ChartId, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, SiteError> {
    downloads_from(id, lang, &Origin::default())
}

/// The permalink a prerendered download records: the explainer in `lang` at the default state,
/// with its full query, as the page itself writes it (`./?framing=article&…` with no public
/// origin, `https://example.org/ja/?…` with one), never a bare `?`.
pub fn default_permalink(lang: Lang, origin: &Origin) -> String {
    use fund_view::url::{write, LinkState};
    let query = write(
        &fund_core::model::Model::default(),
        LinkState {
            step: 0,
            theme: fund_view::theme::ThemeChoice::Auto,
            embed: None,
            lang,
            controls: None,
        },
    );
    origin.url(&format!("{}?{query}", lang.dir()), 0)
}

/// [`downloads`], their JSON recording the permalink under `origin` (see [`default_permalink`]).
pub fn downloads_from(
    id: ChartId,
    lang: Lang,
    origin: &Origin,
) -> Result<Vec<(String, Vec<u8>)>, SiteError> {
    let d = fund_core::model::Model::default().derive();
    let chart = render(id, &d, fund_view::layout::WIDE_LAYOUT, Theme::Light, lang);
    let mut out = Vec::new();
    for format in Format::ALL {
        let bytes = match format {
            Format::Svg => export::svg_document(&chart.svg).into_bytes(),
            Format::Csv => export::csv_document(&chart).into_bytes(),
            Format::Json => {
                let tracker;
                let data = match export::chart_data(id, &d) {
                    Some(data) => data,
                    None => {
                        tracker = fund_view::record_view::tracker(lang);
                        export::ChartData::Tracker(tracker)
                    }
                };
                let home = default_permalink(lang, origin);
                let cite = |s: &str| export::content_citation(s, lang);
                export::json_document(&chart, data, &home, lang, &cite).into_bytes()
            }
            Format::Png => fund_export::chart_png(&chart, export::PNG_SCALE)
                .map_err(|e| SiteError::Image(e.to_string()))?,
        };
        out.push((export::file_name(id, format, lang), bytes));
    }
    Ok(out)
}
