//! The prerendered pages hold the whole explainer before any script runs, in both languages,
//! drawn from the same components, content and core as the browser's page.

use fund_core::Lang;
use fund_site::{
    assemble, default_permalink, downloads, downloads_from, head_tags, pages, prerender_css,
    render_body, Origin, PageSpec,
};
use fund_view::charts::ChartId;
use fund_view::controls::{embed_controls, ControlKey};

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Site &amp; title</title>
    <meta name="description" content="Old description" />
    <link rel="stylesheet" href="./main-1.css"/>
    <script type="module" src="./boot.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-AbC+/=" as="fetch" type="application/wasm">
  </head>
  <body>
    <!-- replaced -->
  </body>
</html>
"#;

/// The opening tag of the element with `data-testid` `id`.
fn tag_of<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("data-testid=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let start = html[..at].rfind('<').unwrap();
    &html[start..start + html[start..].find('>').unwrap()]
}

#[test]
fn the_page_holds_every_step_chart_claim_and_source_in_each_language() {
    for lang in Lang::ALL {
        let html = render_body(lang, None);
        for step in fund_content::steps() {
            assert!(
                html.contains(&format!("data-testid=\"{}\"", step.id())),
                "{}",
                step.id()
            );
            let title = fund_site::escape(step.title(lang));
            assert!(html.contains(&title), "{title}");
        }
        for id in ChartId::ALL {
            let slug = id.slug();
            assert!(
                html.contains(&format!("data-testid=\"chart-{slug}\"")),
                "{slug}"
            );
            assert!(
                html.contains(&format!("data-testid=\"table-{slug}\"")),
                "{slug} table"
            );
            // Both layouts are drawn, so the stylesheet can show the one the browser would draw.
            assert!(
                html.contains(&format!("chart-{slug}-wide-title"))
                    && html.contains(&format!("chart-{slug}-narrow-title")),
                "{slug}"
            );
        }
        for claim in fund_content::claims() {
            assert!(
                html.contains(&format!("claim-{}", claim.id())),
                "{}",
                claim.id()
            );
        }
        for source in fund_content::sources() {
            assert!(
                html.contains(&format!("source-{}", source.id())),
                "{}",
                source.id()
            );
        }
        for hook in [
            "timeline",
            "notice-static",
            "needs-script",
            "notice-params",
            "record-as-of",
            "lang-switch",
            "embed-dialog",
            "embed-option-controls",
            "embed-option-theme",
            "embed-option-lang",
            "framing-description",
            "profit-summary",
            "yield-summary",
            "remainder-note",
        ] {
            assert!(
                html.contains(&format!("data-testid=\"{hook}\"")),
                "{lang:?}: {hook}"
            );
        }
        // Prerendered controls are inert until the app starts.
        let slider = tag_of(&html, "slider-treasuries");
        assert!(
            slider.contains("disabled") && slider.contains("value=\"75\""),
            "{slider}"
        );
        assert!(tag_of(&html, "framing-record").contains("disabled"));
    }
}

#[test]
fn every_control_the_browser_reads_is_on_the_page() {
    let html = render_body(Lang::En, None);
    for k in ControlKey::all() {
        assert!(
            html.contains(&format!("data-control=\"{}\"", k.slug())),
            "{k:?}"
        );
        assert!(
            html.contains(&format!("data-testid=\"input-{}\"", k.slug())),
            "{k:?}"
        );
    }
    // The record framing's yields are there, hidden until the reader switches.
    let loans = tag_of(&html, "input-yield-loans");
    assert!(loans.contains("disabled"), "{loans}");
    let block = html.find("data-control=\"yield-loans\"").unwrap();
    let start = html[..block].rfind('<').unwrap();
    assert!(
        html[start..block + 60].contains("hidden"),
        "{}",
        &html[start..block + 60]
    );
    // Live numbers are marked for the browser.
    assert!(html.contains("data-live=\"treasuries_amount\""));
    assert!(html.contains("$412.5 billion"));
}

#[test]
fn the_page_carries_every_hook_the_client_reads_and_each_button_says_what_it_does() {
    use fund_view::hooks::{attr, class, testid, Action};
    let html = render_body(Lang::En, None);
    for name in attr::ON_THE_PAGE {
        assert!(html.contains(&format!(" {name}=\"")), "{name}");
    }
    for c in [
        class::CHART_SVG,
        class::LAYOUT_WIDE,
        class::LAYOUT_NARROW,
        class::STATIC_LAYER,
        class::MARKS_LAYER,
        class::CAPTION,
        class::DESCRIPTION,
        class::SOURCE_LINE,
        class::DATA,
        class::PANEL,
        class::STEP,
        class::CONTROL,
        class::LABEL_TEXT,
        class::HINT,
        class::ERROR,
        class::LIVE,
        class::COPY_STATUS,
    ] {
        let classes = html
            .split(" class=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()]);
        assert!(
            classes
                .clone()
                .any(|list| list.split(' ').any(|one| one == c)),
            "class {c}"
        );
    }
    // Every action a button carries is one the client reads, and the buttons the end-to-end
    // tests press by test id say what they do.
    let actions: Vec<&str> = html
        .split(" data-action=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(actions.len() > 40, "{}", actions.len());
    for a in &actions {
        assert!(Action::parse(a).is_some(), "{a}");
    }
    for (id, action) in [
        (
            testid::tab(ChartId::Allocation),
            Action::Tab(ChartId::Allocation),
        ),
        (testid::STEP_NEXT.to_string(), Action::NextStep),
        (
            testid::embed(ChartId::Waffle),
            Action::Embed(ChartId::Waffle),
        ),
        (testid::PRESET_RESET.to_string(), Action::Reset),
        (
            testid::download(ChartId::ProfitSplit, fund_view::export::Format::Csv),
            Action::Download(ChartId::ProfitSplit, fund_view::export::Format::Csv),
        ),
    ] {
        let tag = tag_of(&html, &id);
        assert!(
            tag.contains(&format!("data-action=\"{}\"", action.to_attr())),
            "{tag}"
        );
    }
}

#[test]
fn embed_pages_hold_one_chart_every_control_level_and_link_home() {
    for lang in Lang::ALL {
        for id in ChartId::ALL {
            let html = render_body(lang, Some(id));
            assert!(html.contains(&format!("data-testid=\"chart-{}\"", id.slug())));
            assert!(
                !html.contains("id=\"walkthrough\""),
                "{}: no walkthrough",
                id.slug()
            );
            assert!(
                tag_of(&html, "embed-link").contains("href=\"../../\""),
                "{}",
                id.slug()
            );
            let other = ChartId::ALL.into_iter().find(|c| *c != id).unwrap();
            assert!(!html.contains(&format!("data-testid=\"chart-{}\"", other.slug())));
            // Every control of the chart, marked with the setting that shows it.
            let compact = embed_controls(id, fund_core::params::ControlsParam::Compact);
            for k in embed_controls(id, fund_core::params::ControlsParam::All) {
                let at = html
                    .find(&format!("data-control=\"{}\"", k.slug()))
                    .unwrap();
                let end = at + html[at..].find('>').unwrap();
                let level = if compact.contains(&k) {
                    "compact"
                } else {
                    "all"
                };
                assert!(
                    html[at..end].contains(&format!("data-level=\"{level}\"")),
                    "{}",
                    &html[at..end]
                );
            }
            // An embed has one heading and one main landmark.
            assert_eq!(html.matches("<h1").count(), 1, "{}", id.slug());
            assert_eq!(html.matches("<main").count(), 1, "{}", id.slug());
        }
    }
}

#[test]
fn pages_cover_both_languages_and_every_chart() {
    let all = pages();
    assert_eq!(all.len(), 2 * (ChartId::ALL.len() + 1));
    let dirs: Vec<String> = all.iter().map(PageSpec::dir).collect();
    assert!(dirs.contains(&String::new()) && dirs.contains(&"ja/".to_string()));
    assert!(dirs.contains(&"ja/embed/tracker/".to_string()));
    for p in &all {
        assert!(p.description.chars().count() > 20, "{}", p.description);
        if p.lang == Lang::Ja {
            assert!(p.title.contains("日本"), "{}", p.title);
        }
    }
}

#[test]
fn assembled_pages_reroot_assets_set_the_language_and_mark_the_root() {
    let page = PageSpec {
        lang: Lang::Ja,
        embed: Some(ChartId::Waffle),
        title: "Squares <b>".into(),
        description: "D \"q\"".into(),
    };
    let out = assemble(SHELL, &page, &Origin::relative(), "<p>body</p>").unwrap();
    assert!(out.contains("<html lang=\"ja\""), "{out}");
    assert!(
        out.contains("href=\"../../../main-1.css\"") && out.contains("src=\"../../../boot.js\""),
        "{out}"
    );
    assert!(out.contains("data-wasm=\"../../../app-1_bg.wasm\""));
    assert!(out.contains("<title>Squares &lt;b&gt;</title>"), "{out}");
    assert!(out.contains("<meta name=\"description\" content=\"D &quot;q&quot;\" />"));
    assert!(!out.contains("Old description"));
    assert!(out.contains(
        "<div id=\"app\" data-embed=\"waffle\" data-root=\"../../../\"><p>body</p></div>"
    ));
    assert!(out.contains("<body class=\"embed\" data-prerendered>"));
    assert!(out.contains("src=\"../../../embed.js\"") && out.contains("src=\"../../../head.js\""));
    assert!(out.contains("data-controls=\"compact\""));
    assert!(out.contains("data-embeds=\"waffle allocation"));
    assert!(!out.contains("<!-- replaced -->"));
    // An embed starts its wasm on the reader's intent: no preload hints, and the boot script
    // knows which parameters carry numbers.
    assert!(
        !out.contains("modulepreload") && !out.contains("rel=\"preload\""),
        "{out}"
    );
    let boot = &out[out.find("<script type=\"module\"").unwrap()..];
    let boot = &boot[..boot.find('>').unwrap()];
    assert!(boot.contains("data-start=\"intent\""), "{boot}");
    assert!(
        boot.contains("data-state-params=\"framing step a.treasuries"),
        "{boot}"
    );
    assert!(
        !boot.contains(" theme") && !boot.contains(" controls"),
        "{boot}"
    );
    // The embed's boot script checks the wasm's integrity when it downloads it; head.js does not
    // download it.
    assert!(boot.contains("data-integrity=\"sha384-AbC+/=\""), "{boot}");
    assert!(
        out.contains("<script src=\"../../../head.js\"></script>"),
        "{out}"
    );
    // The full page waits for its reader too (boot.js: a control reached for or near the view,
    // or a fast connection idle): no preload hints, head.js downloads nothing, and the boot
    // script downloads the wasm with its integrity when it starts. The step is not among the
    // numbers (the prerendered walkthrough shows a permalink's step itself).
    let full = assemble(SHELL, &pages()[0], &Origin::relative(), "<p>body</p>").unwrap();
    assert!(!full.contains("modulepreload"), "{full}");
    assert!(!full.contains("rel=\"preload\""), "{full}");
    let at = full
        .find("<script src=\"./head.js\"></script>")
        .unwrap_or_else(|| panic!("{full}"));
    assert!(
        at < full.find("<link rel=\"stylesheet\"").unwrap(),
        "{full}"
    );
    assert_eq!(full.matches("head.js").count(), 1, "{full}");
    let boot = &full[full.find("<script type=\"module\"").unwrap()..];
    let boot = &boot[..boot.find('>').unwrap()];
    assert!(boot.contains("data-integrity=\"sha384-AbC+/=\""), "{boot}");
    assert!(boot.contains("data-start=\"reader\""), "{boot}");
    assert!(
        boot.contains("data-state-params=\"framing a.treasuries"),
        "{boot}"
    );
    assert!(
        boot.contains("data-state-defaults=\"framing=article&amp;step=1&amp;a.treasuries=75"),
        "{boot}"
    );
}

#[test]
fn a_shell_without_a_body_is_refused() {
    let page = &pages()[0];
    assert!(assemble("<html><head></head></html>", page, &Origin::relative(), "").is_err());
}

#[test]
fn every_page_names_its_language_alternates() {
    for p in pages() {
        let tags = head_tags(&p, &Origin::relative());
        for lang in ["en", "ja", "x-default"] {
            assert!(
                tags.contains(&format!("hreflang=\"{lang}\"")),
                "{lang}: {tags}"
            );
        }
        let en = format!(
            "hreflang=\"en\" href=\"{}{}\"",
            fund_site::up(p.depth()),
            p.dir_in(Lang::En)
        );
        assert!(tags.contains(&en), "{en}: {tags}");
        assert!(tags.contains("summary_large_image") && tags.contains("og:image:width"));
    }
}

#[test]
fn the_public_origin_makes_urls_absolute_and_is_checked() {
    let page = &pages()[1];
    let rel = head_tags(page, &Origin::relative());
    assert!(
        rel.contains(&format!(
            "og:image\" content=\"../../og/en/{}.png\"",
            page.embed.unwrap().slug()
        )),
        "{rel}"
    );
    let o = Origin::parse("https://example.org/graphics/japan-fund").unwrap();
    let abs = head_tags(page, &o);
    assert!(
        abs.contains("content=\"https://example.org/graphics/japan-fund/og/en/"),
        "{abs}"
    );
    assert!(
        abs.contains("rel=\"canonical\" href=\"https://example.org/graphics/japan-fund/embed/"),
        "{abs}"
    );
    assert!(
        abs.contains("hreflang=\"ja\" href=\"https://example.org/graphics/japan-fund/ja/embed/")
    );
    for bad in [
        "example.org",
        "javascript:alert(1)",
        "https://",
        "https://x/\"><script>",
        "ftp://x/",
        "https://x/?a=1",
    ] {
        assert!(Origin::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(Origin::parse("  ").unwrap(), Origin::relative());
}

#[test]
fn the_stylesheet_colours_every_palette_role_in_each_theme() {
    let css = prerender_css();
    let rule = |selector: &str| -> String {
        let at = css
            .find(&format!("{selector} {{"))
            .unwrap_or_else(|| panic!("no rule for {selector}"));
        css[at..at + css[at..].find('}').unwrap()].to_string()
    };
    let (light, dark) = (rule(":root"), rule(":root[data-theme=\"dark\"]"));
    for p in fund_charts::Paint::ALL {
        let t = p.token();
        let var = format!("--chart-{t}: ");
        assert!(
            light.contains(&format!("{var}{};", p.hex(fund_charts::Theme::Light))),
            "{t}"
        );
        assert!(
            dark.contains(&format!("{var}{};", p.hex(fund_charts::Theme::Dark))),
            "{t}"
        );
        assert!(css.contains(&format!(
            ".fund-chart .fill-{t} {{ fill: var(--chart-{t}); }}"
        )));
        assert!(css.contains(&format!(
            ".fund-chart .stroke-{t} {{ stroke: var(--chart-{t}); }}"
        )));
    }
    assert!(css.starts_with("/*") && css.contains("prefers-color-scheme: dark"));
    assert!(
        css.contains(":root:not([data-theme=\"light\"])"),
        "auto follows the system"
    );
    assert!(css.contains("@media print"), "print is light");
    // Every class a page's chart uses is styled here.
    let html = fund_site::render_body(fund_core::Lang::En, None);
    for class in html
        .split("class=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next())
    {
        for c in class
            .split(' ')
            .filter(|c| c.starts_with("fill-") || c.starts_with("stroke-"))
        {
            assert!(css.contains(&format!(".{c} {{")), "{c} has no rule");
        }
    }
    // No literal colour is left on a page's chart marks.
    assert!(!html.contains(" fill=\"#"), "a literal fill on the page");
    assert!(
        !html.contains(" stroke=\"#"),
        "a literal stroke on the page"
    );
}

#[test]
fn cards_are_social_size_pngs() {
    for p in pages()
        .into_iter()
        .filter(|p| p.embed.is_none() || p.embed == Some(ChartId::Tracker))
    {
        let png = fund_site::card_png(&p).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (1200, 630), "{}", p.card_path());
    }
}

#[test]
fn downloads_are_the_charts_files_in_each_language() {
    for lang in Lang::ALL {
        let files = downloads(ChartId::Allocation, lang).unwrap();
        assert_eq!(files.len(), 4);
        let svg = String::from_utf8(files[0].1.clone()).unwrap();
        assert!(
            svg.starts_with("<?xml") && svg.contains("<svg"),
            "{}",
            files[0].0
        );
        assert_eq!(&files[1].1[..8], b"\x89PNG\r\n\x1a\n");
        let csv = String::from_utf8(files[2].1.clone()).unwrap();
        match lang {
            Lang::En => assert!(csv.contains("$412.5 billion"), "{csv}"),
            Lang::Ja => assert!(csv.contains("4125億ドル"), "{csv}"),
        }
        let json: serde_json::Value = serde_json::from_slice(&files[3].1).unwrap();
        assert_eq!(json["lang"], lang.as_str());
    }
    // The JSON records the page's real permalink: the default state's full query, relative
    // without a public origin, absolute with one; never a bare "?".
    for lang in Lang::ALL {
        let files = downloads(ChartId::Income, lang).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&files[3].1).unwrap();
        let link = json["generated_from"].as_str().unwrap();
        let page = match lang {
            Lang::En => "./?",
            Lang::Ja => "./ja/?",
        };
        assert!(link.starts_with(page), "{link}");
        assert!(link.contains("framing=article"), "{link}");
        assert!(link.contains(&format!("lang={}", lang.as_str())), "{link}");
        assert_eq!(link, default_permalink(lang, &Origin::default()));
    }
    let origin = Origin::parse("https://example.org/explainer").unwrap();
    let files = downloads_from(ChartId::Waffle, Lang::Ja, &origin).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&files[3].1).unwrap();
    let link = json["generated_from"].as_str().unwrap();
    assert!(
        link.starts_with("https://example.org/explainer/ja/?") && link.contains("framing=article"),
        "{link}"
    );
    // The tracker's JSON carries the record's figures.
    let t = downloads(ChartId::Tracker, Lang::En).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&t[3].1).unwrap();
    assert!(json["data"].is_object());
}

/// The text a reader reads (and hears) on a page: text nodes and the reader-facing attributes,
/// without sources' own titles and links (which keep their original language).
fn reader_text(html: &str) -> Vec<String> {
    let mut originals: Vec<String> = Vec::new();
    for s in fund_content::sources() {
        if s.title(Lang::En) == s.title(Lang::Ja) {
            originals.push(s.title(Lang::En).to_string());
        }
        if let Some(a) = s.author() {
            originals.push(a.to_string());
        }
    }
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push(rest[..open].to_string());
        let close = rest[open..]
            .find('>')
            .map(|c| open + c)
            .unwrap_or(rest.len() - 1);
        let tag = &rest[open..close];
        for attr in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
            if let Some(a) = tag.find(attr) {
                let v = &tag[a + attr.len()..];
                out.push(v[..v.find('"').unwrap_or(0)].to_string());
            }
        }
        // Skip the contents of <style> and <script>.
        rest = &rest[close + 1..];
    }
    out.push(rest.to_string());
    out.into_iter()
        .map(|t| {
            let mut t = t
                .replace("&amp;", "&")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            for o in &originals {
                t = t.replace(o.as_str(), " ");
            }
            t
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

#[test]
fn japanese_pages_have_no_english_left_in_their_reader_facing_text() {
    let mut bodies = vec![("ja/".to_string(), render_body(Lang::Ja, None))];
    for id in ChartId::ALL {
        bodies.push((
            format!("ja/embed/{}/", id.slug()),
            render_body(Lang::Ja, Some(id)),
        ));
    }
    let mut problems = Vec::new();
    for (page, html) in &bodies {
        for text in reader_text(html) {
            // The language switch names English in English, as it should.
            if text.trim() == "English" {
                continue;
            }
            for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.len() > 1
                    && !fund_charts::table::LATIN_IN_JAPANESE.contains(&word)
                    && !ALSO_ALLOWED.contains(&word)
                {
                    problems.push(format!("{page}: {word:?} in {:?}", text.trim()));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Names and marks Japanese pages legitimately hold: publishers and sites as Japanese media cite
/// them, units, and the formats' names.
const ALSO_ALLOWED: &[&str] = &[
    "PNG",
    "SVG",
    "CSV",
    "JSON",
    "px",
    "pym",
    "js",
    "HTML",
    "AMP",
    "Ctrl",
    "Beltran",
    "et",
    "al",
    "com",
    "org",
    "gov",
    "net",
    "www",
    "https",
    "nippon",
    "News",
    "az",
    "Forincs",
    "TBS",
    "NEWS",
    "DIG",
    "GuruFocus",
    "Financetom",
    "SRN",
    "B360",
    "Journal",
    "of",
    "International",
    "Money",
    "and",
    "Finance",
    "whitehouse",
    "GPIF",
    "IFDP",
    "NDTV",
    "TRT",
    "amp",
    "iframe",
    "ITC",
    "USTR",
];

#[test]
fn shipped_scripts_lose_only_whole_line_comments() {
    let js = "// a\n  // b\nconst u = \"https://example.org\"; // kept\n\nlet x = 1;\n";
    assert_eq!(
        fund_site::strip_line_comments(js),
        "const u = \"https://example.org\"; // kept\nlet x = 1;\n"
    );
    // Safe for the real scripts: none holds a string or template that spans lines (every line
    // has an even number of backticks), so no line inside one can be taken for a comment.
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets");
    for name in fund_site::SHIPPED_SCRIPTS {
        let js = std::fs::read_to_string(assets.join(name)).expect(name);
        for (n, line) in js.lines().enumerate() {
            assert_eq!(
                line.matches('`').count() % 2,
                0,
                "{name}:{}: a template literal spans lines",
                n + 1
            );
        }
        let stripped = fund_site::strip_line_comments(&js);
        assert!(stripped.len() < js.len(), "{name}");
        assert!(!stripped.lines().any(|l| l.trim_start().starts_with("//")));
    }
}
