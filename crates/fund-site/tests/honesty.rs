//! A claim is never drawn as a finding: wherever the article's framing is drawn (the page, every
//! embed page, every social card, every download and `fund-export`), the drawing's own text says
//! it is the article's claim; every chart states the record's date; the main reading path fits a
//! busy reader's time; no text doubles a label's prefix.

use fund_core::framing::FramingId;
use fund_core::model::Model;
use fund_core::{figures, Lang};
use fund_export::{export, ExportRequest, Format};
use fund_site::reading::{char_count, main_path_text, word_count};
use fund_site::{card_svg, downloads, pages, render_body};
use fund_view::charts::{banner, render, ChartId};
use fund_view::layout::{NARROW_LAYOUT, WIDE_LAYOUT};
use fund_view::url::default_model;

/// The main path's budget: about ten minutes of reading.
const WORDS_EN: usize = 2300;
const CHARS_JA: usize = 7000;

/// The text of every `<text>` element of an SVG, in order: joined with spaces in English and
/// with nothing in Japanese (where wrapped lines break between characters).
fn svg_words(svg: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</text>") else {
            break;
        };
        let inner = &rest[open_end + 1..close];
        out.push(
            inner
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &rest[close..];
    }
    out.join(match lang {
        Lang::En => " ",
        Lang::Ja => "",
    })
}

/// Whether the chart shows the article's framing (and so must be drawn as a claim).
fn draws_the_article(id: ChartId, framing: FramingId) -> bool {
    match id {
        ChartId::Framings | ChartId::YieldEffect => true,
        ChartId::Waffle | ChartId::Allocation | ChartId::Income | ChartId::Context => {
            framing == FramingId::Article
        }
        ChartId::ProfitSplit | ChartId::Tracker => false,
    }
}

fn claim_words(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The article’s claim",
        Lang::Ja => "記事の主張",
    }
}

fn model(framing: FramingId) -> Model {
    let mut m = Model::default();
    m.set_framing(framing).unwrap();
    m
}

#[test]
fn every_chart_in_every_framing_says_what_it_shows_and_its_date_in_its_own_text() {
    for lang in Lang::ALL {
        let as_of = figures::record_as_of_line(lang);
        for framing in FramingId::ALL {
            let d = model(framing).derive();
            for id in ChartId::ALL {
                let b = banner(id, framing, lang);
                if draws_the_article(id, framing) {
                    assert!(
                        b.line.contains(claim_words(lang)),
                        "{id:?} in {framing:?} ({lang:?}) is not drawn as a claim: {}",
                        b.line
                    );
                }
                for width in [WIDE_LAYOUT, NARROW_LAYOUT] {
                    let r = render(id, &d, width, fund_charts::Theme::Light, lang);
                    let words = svg_words(&r.svg.full_svg(), lang);
                    let (lines, date) = b.lines(width);
                    for l in lines.iter().chain(&date) {
                        assert!(
                            words.contains(l.as_str()),
                            "{id:?} {framing:?} {lang:?} at {width}: the drawing lacks {l:?}"
                        );
                    }
                    assert!(
                        words.replace(' ', "").contains(&as_of.replace(' ', "")),
                        "{id:?} {framing:?} {lang:?} at {width}: no as-of date"
                    );
                }
            }
        }
    }
}

#[test]
fn embed_pages_start_in_the_record_and_still_label_what_they_draw() {
    for lang in Lang::ALL {
        for id in ChartId::ALL {
            // One prerendered page serves every `controls` option (the stylesheet shows or hides
            // controls), so the chart, and its banner, are the same in all of them.
            let html = render_body(lang, Some(id));
            let b = banner(id, default_model(Some(id)).framing(), lang);
            let first_line = &b.lines(WIDE_LAYOUT).0[0];
            assert!(
                html.contains(&fund_charts::table::xml_escape(first_line))
                    || html.contains(first_line.as_str()),
                "embed {id:?} ({lang:?}) lacks its banner {first_line:?}"
            );
            if draws_the_article(id, default_model(Some(id)).framing()) {
                assert!(b.line.contains(claim_words(lang)));
            }
        }
    }
    // Every embed starts in the record but the yield effect, whose subject is the article's claim
    // and whose banner always says so; the explainer starts in the article's framing.
    for id in ChartId::ALL {
        let framing = default_model(Some(id)).framing();
        assert_eq!(
            framing == FramingId::Article,
            id == ChartId::YieldEffect,
            "{id:?}"
        );
        if framing == FramingId::Article {
            assert!(draws_the_article(id, framing));
        }
    }
    assert_eq!(default_model(None).framing(), FramingId::Article);
}

#[test]
fn every_social_card_carries_its_charts_banner_and_the_explainers_sets_claim_beside_record() {
    for page in pages() {
        let svg = card_svg(&page);
        let chart = page.card_chart();
        let framing = page.default_views().current.allocation().framing();
        let b = banner(chart, framing, page.lang);
        let words = svg_words(&svg, page.lang);
        for l in b.lines(WIDE_LAYOUT).0 {
            assert!(
                words.contains(l.as_str()),
                "card {} lacks {l:?}",
                page.card_path()
            );
        }
        if page.embed.is_none() {
            // The explainer's card: the claim and the record side by side, never the claim alone.
            assert_eq!(chart, ChartId::Framings);
            assert!(b.line.contains(claim_words(page.lang)));
            for name in [
                fund_core::framing::builtin(FramingId::Article).name(page.lang),
                fund_core::framing::builtin(FramingId::Record).name(page.lang),
            ] {
                let short_ok = words.contains(name)
                    || ["Article", "As signed", "記事", "合意"]
                        .iter()
                        .any(|s| words.contains(s));
                assert!(short_ok, "the explainer's card lacks {name}");
            }
        }
    }
}

#[test]
fn every_download_and_export_carries_the_banner() {
    for lang in Lang::ALL {
        for id in ChartId::ALL {
            let b = banner(id, FramingId::Article, lang);
            for (name, bytes) in downloads(id, lang).unwrap() {
                if name.ends_with(".png") {
                    // Rasterised from the SVG checked here (export::svg_for_png).
                    assert!(bytes.starts_with(b"\x89PNG"));
                    continue;
                }
                let text = String::from_utf8(bytes).unwrap();
                let ok = if name.ends_with(".svg") {
                    svg_words(&text, lang).contains(b.lines(WIDE_LAYOUT).0[0].as_str())
                } else if name.ends_with(".csv") {
                    text.trim_start_matches('\u{feff}')
                        .starts_with(&format!("\"{}", b.line.replace('"', "\"\"")))
                } else {
                    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                    v["note"]["line"] == b.line.as_str() && v["note"]["as_of"] != ""
                };
                assert!(ok, "{name} lacks the banner {:?}", b.line);
            }
            // fund-export: the same words for a graphics desk's file, in both framings.
            for framing in FramingId::ALL {
                let mut req = ExportRequest::new(id, Format::Svg);
                req.state = format!("framing={}&lang={}", framing.as_str(), lang.as_str());
                let svg = String::from_utf8(export(&req).unwrap()).unwrap();
                let want = banner(id, framing, lang);
                assert!(
                    svg_words(&svg, lang).contains(want.lines(640).0[0].as_str()),
                    "fund-export {id:?} {framing:?} {lang:?}"
                );
            }
        }
    }
}

#[test]
fn the_main_path_fits_a_busy_reader() {
    let en = main_path_text(&render_body(Lang::En, None));
    let ja = main_path_text(&render_body(Lang::Ja, None));
    let (words, chars) = (word_count(&en), char_count(&ja));
    println!("main path: {words} words (English), {chars} characters (Japanese)");
    assert!(
        words <= WORDS_EN,
        "the English main path is {words} words, over {WORDS_EN}"
    );
    assert!(
        chars <= CHARS_JA,
        "the Japanese main path is {chars} characters, over {CHARS_JA}"
    );
    // Each claim appears once on the main path.
    for lang in Lang::ALL {
        let text = if lang == Lang::En { &en } else { &ja };
        for c in fund_content::claims() {
            let n = text.matches(c.text(lang)).count();
            assert_eq!(n, 1, "{} appears {n} times ({lang:?})", c.id());
        }
    }
}

#[test]
fn the_first_words_state_the_finding() {
    for (lang, words) in [
        (
            Lang::En,
            &[
                "1–2%",
                "equity",
                "loans",
                "guarantees",
                "President",
                "No source",
            ][..],
        ),
        (
            Lang::Ja,
            &["1～2%", "出資", "融資", "保証", "米大統領", "資料はない"][..],
        ),
    ] {
        let head = format!(
            "{} {}",
            fund_core::msg::page::headline(lang),
            fund_core::msg::page::dek(lang)
        );
        for w in words {
            assert!(
                head.contains(w),
                "{lang:?}: the headline and dek lack {w:?}"
            );
        }
    }
}

#[test]
fn no_page_doubles_a_labels_prefix() {
    let prefixes = [
        "assumption",
        "illustration",
        "unconfirmed",
        "note",
        "仮定",
        "試算",
        "未確認",
    ];
    for page in pages() {
        let html = render_body(page.lang, page.embed).to_lowercase();
        for p in prefixes {
            for sep in [": ", "："] {
                let doubled = format!("{p}{sep}{p}");
                assert!(!html.contains(&doubled), "{} has {doubled:?}", page.dir());
            }
        }
    }
}

#[test]
fn one_share_shows_one_amount_across_the_framings_table() {
    for lang in Lang::ALL {
        for framing in FramingId::ALL {
            let d = model(framing).derive();
            let t = render(
                ChartId::Framings,
                &d,
                WIDE_LAYOUT,
                fund_charts::Theme::Light,
                lang,
            )
            .table;
            // Columns: bucket, then share and amount for each framing.
            let mut seen: std::collections::HashMap<String, String> = Default::default();
            for row in &t.rows {
                for pair in row[1..].chunks(2) {
                    let (share, amount) = (&pair[0], &pair[1]);
                    if let Some(before) = seen.insert(share.clone(), amount.clone()) {
                        assert_eq!(
                            &before, amount,
                            "{share} shows as {before} and {amount} ({lang:?})"
                        );
                    }
                }
            }
            assert!(seen.len() > 3, "{:?}", t.rows);
        }
    }
}
