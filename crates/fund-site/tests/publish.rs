//! The files the site gives the places that publish and find it: oEmbed answers, Markdown pages,
//! structured data, the hosting rules and the sitemap.

use fund_core::Lang;
use fund_site::publish::{self, Publishing};
use fund_site::{assemble_with, pages, Origin, PageSpec};
use fund_view::charts::ChartId;
use serde_json::Value;

const ORIGIN: &str = "https://example.org/graphics/japan-fund/";

fn origin() -> Origin {
    Origin::parse(ORIGIN).unwrap()
}

fn embed_pages() -> Vec<PageSpec> {
    pages().into_iter().filter(|p| p.embed.is_some()).collect()
}

#[test]
fn the_origin_path_is_the_sites_folder_on_its_host() {
    assert_eq!(origin().path(), "/graphics/japan-fund/");
    assert_eq!(Origin::parse("https://example.org").unwrap().path(), "/");
    assert_eq!(Origin::relative().path(), "/");
}

#[test]
fn oembed_answers_are_complete_and_absolute_with_an_origin() {
    for p in embed_pages() {
        let v: Value = serde_json::from_str(&publish::oembed_json(&p, &origin()).unwrap()).unwrap();
        let page = format!("{ORIGIN}{}", p.dir());
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["type"], "rich");
        assert_eq!(v["title"], p.title.as_str());
        assert_eq!(v["provider_url"], format!("{ORIGIN}{}", p.lang.dir()));
        assert_eq!(v["thumbnail_url"], format!("{ORIGIN}{}", p.card_path()));
        assert_eq!(
            (
                v["thumbnail_width"].as_u64(),
                v["thumbnail_height"].as_u64()
            ),
            (Some(1200), Some(630))
        );
        assert!(v["width"].as_u64().unwrap() > 0 && v["height"].as_u64().unwrap() > 200);
        assert!(v["cache_age"].as_u64().unwrap() > 0);
        let html = v["html"].as_str().unwrap();
        assert!(
            html.starts_with(&format!("<blockquote><a href=\"{page}\">")),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "<iframe src=\"{page}\" width=\"100%\" height=\"{}\"",
                v["height"]
            )),
            "{html}"
        );
        assert_eq!(html.matches("<iframe").count(), 1);
    }
    assert!(
        publish::oembed_json(&pages()[0], &origin()).is_none(),
        "the explainer has none"
    );
}

#[test]
fn embed_pages_name_their_oembed_and_markdown_early_and_stylesheets_with_integrity_use_cors() {
    const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>t</title>\n<link rel=\"stylesheet\" href=\"./main-0123456789abcdef.css\" integrity=\"sha384-x\"/>\n<script type=\"module\" src=\"./boot.js\" data-js=\"./a.js\" data-wasm=\"./a_bg.wasm\"></script>\n</head>\n<body></body>\n</html>\n";
    let p = &embed_pages()[0];
    let html = assemble_with(SHELL, p, &origin(), &Publishing::default(), "<main></main>").unwrap();
    let charset = html.find("<meta charset").unwrap();
    let oembed = html.find("type=\"application/json+oembed\"").unwrap();
    let markdown = html.find("type=\"text/markdown\"").unwrap();
    let css = html.find("rel=\"stylesheet\"").unwrap();
    assert!(
        charset < oembed && oembed < markdown && markdown < css,
        "{html}"
    );
    assert!(oembed < 300, "early: {oembed}");
    assert!(html.contains(&format!("href=\"{ORIGIN}{}oembed.json\"", p.dir())));
    assert!(
        html.contains("integrity=\"sha384-x\" crossorigin=\"anonymous\" />"),
        "{html}"
    );
    let ld = html.find("application/ld+json").unwrap();
    assert!(ld < html.find("</head>").unwrap());
    // The explainer has no oEmbed link, but has its structured data.
    let full = assemble_with(SHELL, &pages()[0], &origin(), &Publishing::default(), "").unwrap();
    assert!(!full.contains("json+oembed") && full.contains("application/ld+json"));
}

#[test]
fn structured_data_has_the_required_properties() {
    let with_date = Publishing::parse("", "2026-01-15").unwrap();
    for p in pages() {
        let v = publish::json_ld(&p, &origin(), &with_date);
        assert_eq!(v["@context"], "https://schema.org");
        let nodes: Vec<&Value> = match v["@graph"].as_array() {
            Some(g) => g.iter().collect(),
            None => vec![&v],
        };
        let dataset = nodes.iter().find(|n| n["@type"] == "Dataset").unwrap();
        for k in ["name", "description", "license", "url"] {
            assert!(dataset[k].as_str().is_some_and(|s| !s.is_empty()), "{k}");
        }
        let n = dataset["description"].as_str().unwrap().chars().count();
        assert!(
            (50..=5000).contains(&n),
            "{}: description of {n} characters",
            p.dir()
        );
        let dist = dataset["distribution"].as_array().unwrap();
        assert!(!dist.is_empty());
        for d in dist {
            assert_eq!(d["@type"], "DataDownload");
            assert!(d["contentUrl"].as_str().unwrap().starts_with(ORIGIN));
            assert!(
                ["text/csv", "application/json"].contains(&d["encodingFormat"].as_str().unwrap())
            );
        }
        if p.embed.is_none() {
            let a = nodes.iter().find(|n| n["@type"] == "NewsArticle").unwrap();
            assert_eq!(a["inLanguage"], p.lang.as_str());
            assert_eq!(a["image"][0], format!("{ORIGIN}{}", p.card_path()));
            assert_eq!(a["datePublished"], "2026-01-15");
            let as_of = fund_content::tranches().unwrap().as_of().iso();
            assert_eq!(a["dateModified"], as_of.as_str());
            assert!(a["headline"].as_str().unwrap().chars().count() <= 110);
        }
        let tag = publish::json_ld_tag(&p, &origin(), &with_date);
        let inner =
            &tag["<script type=\"application/ld+json\">".len()..tag.len() - "</script>\n".len()];
        assert!(!inner.contains('<'), "{inner}");
    }
    // Without a publication date, none is claimed.
    let v = publish::json_ld(&pages()[0], &origin(), &Publishing::default());
    assert!(v["@graph"][0].get("datePublished").is_none());
}

#[test]
fn markdown_pages_hold_the_banner_values_sources_grammar_and_citation() {
    for p in embed_pages() {
        let md = publish::markdown(&p, &origin()).unwrap();
        let id = p.embed.unwrap();
        let model = fund_view::url::default_model(Some(id));
        let banner = fund_view::charts::banner(id, model.framing(), p.lang);
        assert!(md.starts_with("# "), "{md}");
        assert!(
            md.contains(&format!("> {}", banner.line)),
            "{}: the banner",
            p.dir()
        );
        assert!(md.contains("| --- |"), "{}: a table", p.dir());
        assert!(md.contains("`a.treasuries`") && md.contains("`controls`"));
        assert!(
            md.contains(&format!("<{ORIGIN}{}embed/{}/?", p.lang.dir(), id.slug())),
            "{}: the permalink",
            p.dir()
        );
        assert!(md.contains(".csv>") && md.contains(".json>"));
    }
}

/// Whether a `_headers` path (`*` for anything) matches `path`.
fn matches(rule: &str, path: &str) -> bool {
    match rule.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => rule == path,
    }
}

#[test]
fn header_rules_never_give_one_path_a_header_twice() {
    let files: Vec<String> = [
        "index.html",
        "404.html",
        "boot.js",
        "head.js",
        "embed.js",
        "prerender.css",
        "robots.txt",
        "sitemap.xml",
        "main-0123456789abcdef.css",
        "app-0123456789abcdef.js",
        "app-0123456789abcdef_bg.wasm",
    ]
    .map(String::from)
    .to_vec();
    let dirs: Vec<String> = ["embed", "downloads", "og", "ja"]
        .map(String::from)
        .to_vec();
    for o in [Origin::relative(), origin()] {
        let prefix = o.path();
        let rules = publish::header_rules(&o, &files, &dirs);
        let file = publish::headers_file(&rules);
        assert!(rules.len() <= 100 && file.lines().all(|l| l.len() <= 2000));
        let mut paths: Vec<String> = files.iter().map(|f| format!("{prefix}{f}")).collect();
        for lang in Lang::ALL {
            paths.push(format!("{prefix}{}", lang.dir()));
            for id in ChartId::ALL {
                paths.push(format!("{prefix}{}embed/{}/", lang.dir(), id.slug()));
                paths.push(format!(
                    "{prefix}{}embed/{}/oembed.json",
                    lang.dir(),
                    id.slug()
                ));
            }
            paths.push(format!("{prefix}{}downloads/x.csv", lang.dir()));
        }
        paths.push(format!("{prefix}og/en/explainer.png"));
        for path in &paths {
            let hit: Vec<&publish::Rule> =
                rules.iter().filter(|r| matches(&r.path, path)).collect();
            assert_eq!(
                hit.len(),
                1,
                "{path}: {:?}",
                hit.iter().map(|r| &r.path).collect::<Vec<_>>()
            );
            let h = &hit[0].headers;
            let get = |k: &str| h.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
            assert!(get("Cache-Control").is_some(), "{path}");
            let page = path.ends_with('/') || path.ends_with(".html");
            if page {
                let csp = get("Content-Security-Policy").unwrap();
                assert!(csp.starts_with(publish::CSP));
                let embed = path.contains("/embed/");
                assert!(
                    csp.ends_with(if embed {
                        "frame-ancestors *"
                    } else {
                        "frame-ancestors 'self'"
                    }),
                    "{path}: {csp}"
                );
            }
            if path.contains("-0123456789abcdef") {
                assert!(get("Cache-Control").unwrap().contains("immutable"));
                assert_eq!(get("Access-Control-Allow-Origin"), Some("*"));
            } else {
                assert!(
                    get("Cache-Control").unwrap().contains("must-revalidate"),
                    "{path}"
                );
            }
        }
    }
}

#[test]
fn the_sitemap_is_absolute_and_reciprocal_and_needs_an_origin() {
    assert!(publish::sitemap(&Origin::relative()).is_none());
    assert!(!publish::robots(&Origin::relative()).contains("Sitemap:"));
    assert!(publish::robots(&origin()).contains(&format!("Sitemap: {ORIGIN}sitemap.xml")));
    let xml = publish::sitemap(&origin()).unwrap();
    let entries: Vec<&str> = xml.split("<url>").skip(1).collect();
    assert_eq!(entries.len(), pages().len());
    let alternates = |e: &str| -> Vec<(String, String)> {
        e.split("<xhtml:link rel=\"alternate\" hreflang=\"")
            .skip(1)
            .map(|s| {
                let (lang, rest) = s.split_once('"').unwrap();
                let href = rest
                    .split("href=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                (lang.to_string(), href.to_string())
            })
            .collect()
    };
    let loc = |e: &str| {
        e.split("<loc>")
            .nth(1)
            .unwrap()
            .split("</loc>")
            .next()
            .unwrap()
            .to_string()
    };
    for e in &entries {
        let alts = alternates(e);
        let me = loc(e);
        assert!(me.starts_with(ORIGIN));
        assert_eq!(
            alts.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
            ["en", "ja", "x-default"]
        );
        assert!(alts.iter().any(|(_, h)| *h == me), "{me} lists itself");
        for (_, h) in &alts {
            let other = entries
                .iter()
                .find(|o| loc(o) == *h)
                .unwrap_or_else(|| panic!("{h} is listed"));
            assert_eq!(alternates(other), alts, "{me} and {h} are reciprocal");
        }
    }
}

#[test]
fn not_found_pages_are_plain_and_link_home_in_both_languages() {
    for lang in Lang::ALL {
        let html = publish::not_found(lang, &origin());
        assert!(html.contains(&format!("<html lang=\"{}\"", lang.as_str())));
        assert!(!html.contains("<script") && !html.contains("style="));
        assert!(html.contains(&format!("href=\"{ORIGIN}{}\"", lang.dir())));
        assert!(html.contains(&format!("href=\"{ORIGIN}{}\"", lang.other().dir())));
    }
}

#[test]
fn fallback_images_are_pngs_of_the_chart() {
    let p = embed_pages()
        .into_iter()
        .find(|p| p.embed == Some(ChartId::Waffle))
        .unwrap();
    let png = publish::fallback_png(&p).unwrap().unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(
        w,
        fund_view::layout::WIDE_LAYOUT * fund_view::export::PNG_SCALE
    );
}
