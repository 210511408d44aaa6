//! The explainer's static site, written at build time from the same components, core and
//! content the browser uses: the page, one page per chart (`embed/<chart>/`), and a social card
//! image for each.
//!
//! Trunk builds the WebAssembly and the page shell (`index.html` with its hashed script and
//! stylesheet links), then runs this crate's binary as a `post_build` hook. The binary renders
//! the Leptos components to HTML natively (the app's `ssr` feature) at the default state and
//! puts that HTML, plus the page's social and search metadata, into the shell. When the
//! WebAssembly starts, it takes the page over (`japan_fund_explainer::takeover`).
#![deny(missing_docs)]

use fund_charts::Theme;
use japan_fund_explainer::charts::{render, ChartId};
use japan_fund_explainer::views::Views;
use leptos::prelude::*;
use std::sync::Arc;

/// What can go wrong while writing the site.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The page shell from Trunk lacks a part the site needs.
    #[error("the page shell has no {0}: is it Trunk's output of index.html?")]
    Shell(&'static str),
    /// The public origin setting is not an absolute http(s) URL.
    #[error("FUND_PUBLIC_ORIGIN must be an absolute http:// or https:// URL with no query, quotes or spaces (got {0:?})")]
    Origin(String),
    /// A social card could not be drawn.
    #[error("social card: {0}")]
    Card(String),
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
    /// `None` for the explainer, or the chart of an embed page.
    pub embed: Option<ChartId>,
    /// The page's title (also `og:title`).
    pub title: String,
    /// The page's description (also `og:description`).
    pub description: String,
}

impl PageSpec {
    /// Folder of the page, relative to the site's root (`""` or `embed/<chart>/`).
    pub fn dir(&self) -> String {
        match self.embed {
            None => String::new(),
            Some(c) => format!("embed/{}/", c.slug()),
        }
    }

    /// How many folders below the root the page is.
    pub fn depth(&self) -> usize {
        if self.embed.is_some() {
            2
        } else {
            0
        }
    }

    /// The social card's file, relative to the root.
    pub fn card_path(&self) -> String {
        match self.embed {
            None => "og/explainer.png".into(),
            Some(c) => format!("og/{}.png", c.slug()),
        }
    }

    /// The chart drawn on the page's social card.
    pub fn card_chart(&self) -> ChartId {
        self.embed.unwrap_or(ChartId::Allocation)
    }
}

/// Every page: the explainer, then one embed page per chart (so a chart added later gets its
/// page with no change here). Titles and descriptions come from the shell (the explainer's) and
/// from each chart's own caption and generated description at the default state.
pub fn pages(site_title: &str, site_description: &str) -> Vec<PageSpec> {
    let views = Views::of(&fund_core::model::Model::default());
    let mut out = vec![PageSpec {
        embed: None,
        title: site_title.to_string(),
        description: site_description.to_string(),
    }];
    for id in ChartId::ALL {
        let chart = render(
            id,
            &views.current,
            japan_fund_explainer::ctx::WIDE_LAYOUT,
            Theme::Light,
        );
        out.push(PageSpec {
            embed: Some(id),
            title: format!("{} · {site_title}", chart.text.caption),
            description: chart.text.description.clone(),
        });
    }
    out
}

/// Renders the page's body natively, at the default state, from the app's own components.
pub fn render_body(embed: Option<ChartId>) -> String {
    use japan_fund_explainer::app::Page;
    use japan_fund_explainer::takeover::Home;
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(move || {
        provide_context(Home(up(if embed.is_some() { 2 } else { 0 })));
        view! { <Page query=String::new() embed=embed/> }.to_html()
    });
    drop(owner);
    html
}

/// Escapes text for an HTML attribute value or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The text of the shell's first `<tag …>…</tag>` element (e.g. its `<title>`), unescaped only
/// for the entities [`escape`] writes.
pub fn shell_text(shell: &str, tag: &str) -> Option<String> {
    let open = shell.find(&format!("<{tag}"))?;
    let start = open + shell[open..].find('>')? + 1;
    let end = start + shell[start..].find(&format!("</{tag}>"))?;
    Some(unescape(shell[start..end].trim()))
}

/// The `content` of the shell's `<meta name="…">`.
pub fn shell_meta(shell: &str, name: &str) -> Option<String> {
    let at = shell.find(&format!("<meta name=\"{name}\""))?;
    let rest = &shell[at..];
    let end = rest.find('>')?;
    let tag = &rest[..end];
    let c = tag.find("content=\"")? + "content=\"".len();
    let v = &tag[c..];
    Some(unescape(&v[..v.find('"')?]))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The head tags for a page: description, canonical, Open Graph and Twitter card.
pub fn head_tags(page: &PageSpec, origin: &Origin) -> String {
    let depth = page.depth();
    let canonical = origin.url(&page.dir(), depth);
    let image = origin.url(&page.card_path(), depth);
    let (t, d) = (escape(&page.title), escape(&page.description));
    let mut s = String::new();
    s.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\" />\n",
        escape(&canonical)
    ));
    s.push_str(&format!("<meta property=\"og:type\" content=\"article\" />\n<meta property=\"og:title\" content=\"{t}\" />\n<meta property=\"og:description\" content=\"{d}\" />\n"));
    s.push_str(&format!(
        "<meta property=\"og:url\" content=\"{}\" />\n",
        escape(&canonical)
    ));
    s.push_str(&format!(
        "<meta property=\"og:image\" content=\"{}\" />\n<meta property=\"og:image:width\" content=\"1200\" />\n<meta property=\"og:image:height\" content=\"630\" />\n",
        escape(&image)
    ));
    s.push_str(&format!(
        "<meta property=\"og:image:alt\" content=\"{d}\" />\n"
    ));
    s.push_str(&format!("<meta name=\"twitter:card\" content=\"summary_large_image\" />\n<meta name=\"twitter:title\" content=\"{t}\" />\n<meta name=\"twitter:description\" content=\"{d}\" />\n<meta name=\"twitter:image\" content=\"{}\" />\n", escape(&image)));
    s
}

/// Puts a page together from Trunk's shell: the shell's relative asset links re-rooted for the
/// page's depth, its title and description replaced, the social tags added, and the body
/// replaced by the prerendered page inside `<div id="app">`.
pub fn assemble(
    shell: &str,
    page: &PageSpec,
    origin: &Origin,
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
    let mut head = shell[..head_end].to_string();
    // The charts that have embed pages, for boot.js's redirect of old `?embed=` links.
    let slugs: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
    head = head.replacen(
        "<html",
        &format!("<html data-embeds=\"{}\"", slugs.join(" ")),
        1,
    );
    // Keep the shell's own scripts inside <body> (Trunk may put them there), drop the rest.
    let tail_scripts: String = scripts_in(&shell[body_start..body_end]);
    let depth = page.depth();
    if depth > 0 {
        let prefix = up(depth);
        head = head.replace("=\"./", &format!("=\"{prefix}"));
    }
    head = replace_between(&head, "<title>", "</title>", &escape(&page.title));
    if let Some(at) = head.find("<meta name=\"description\"") {
        let end = at + head[at..].find('>').map(|e| e + 1).unwrap_or(0);
        head.replace_range(
            at..end,
            &format!(
                "<meta name=\"description\" content=\"{}\" />",
                escape(&page.description)
            ),
        );
    }
    let mut tail_scripts = tail_scripts;
    if depth > 0 {
        tail_scripts = tail_scripts.replace("=\"./", &format!("=\"{}", up(depth)));
    }
    let (embed_attr, body_class) = match page.embed {
        Some(c) => (format!(" data-embed=\"{}\"", c.slug()), " class=\"embed\""),
        None => (String::new(), ""),
    };
    let embed_script = match page.embed {
        Some(_) => format!("<script src=\"{}embed.js\" defer></script>\n", up(depth)),
        None => String::new(),
    };
    Ok(format!(
        "{head}{tags}<link rel=\"stylesheet\" href=\"{up}prerender.css\" />\n{embed_script}</head>\n<body{body_class} data-prerendered>\n<div id=\"app\"{embed_attr} data-home=\"{up}\">{body}</div>\n{tail_scripts}</body>\n</html>\n",
        tags = head_tags(page, origin),
        up = up(depth),
    ))
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

/// The stylesheet that draws the prerendered (light) charts in the dark theme's colours when the
/// reader's system prefers dark, generated from the charts crate's two palettes so the
/// prerendered page matches what the app draws.
pub fn prerender_css() -> String {
    let (l, d) = (Theme::Light.colours(), Theme::Dark.colours());
    let mut pairs = vec![
        (l.background, d.background),
        (l.text, d.text),
        (l.muted, d.muted),
        (l.grid, d.grid),
        (l.axis, d.axis),
    ];
    pairs.extend(l.series.iter().copied().zip(d.series.iter().copied()));
    let hex = fund_charts::theme::Colours::hex;
    let mut rules = String::new();
    for (a, b) in pairs {
        let (a, b) = (hex(a), hex(b));
        for prop in ["fill", "stroke"] {
            rules.push_str(&format!(
                "  :root:not([data-theme=\"light\"]) body[data-prerendered] .fund-chart-light [{prop}=\"{a}\" i] {{ {prop}: {b}; }}\n"
            ));
        }
    }
    format!("/* Generated by fund-site: the prerendered charts in the dark palette when the system prefers dark. */\n@media (prefers-color-scheme: dark) {{\n{rules}}}\n")
}

/// The page's 1200×630 social card: its title and its chart at the default state, drawn by
/// the same renderer as `fund-export`.
pub fn card_png(page: &PageSpec) -> Result<Vec<u8>, SiteError> {
    let views = Views::of(&fund_core::model::Model::default());
    let title = match page.embed {
        None => page.title.clone(),
        Some(_) => page
            .title
            .split(" · ")
            .next()
            .unwrap_or(&page.title)
            .to_string(),
    };
    fund_export::social_card_png(&title, page.card_chart(), &views.current, Theme::Light)
        .map_err(|e| SiteError::Card(e.to_string()))
}
