//! The native PNGs: size, text actually drawn with the shipped font, determinism, and the
//! social card.

use fund_charts::Theme;
use fund_core::model::Model;
use fund_core::Lang;
use fund_export::{
    chart_png, export, social_card_png, social_card_svg, svg_to_png, ChartId, ExportRequest,
    Format, CARD_HEIGHT, CARD_WIDTH,
};
use fund_view::charts::render;
use fund_view::export as browser;
use resvg::tiny_skia::Pixmap;

mod common;
use common::differing;

fn pixels(png: &[u8]) -> Pixmap {
    Pixmap::decode_png(png).expect("a PNG")
}

/// `svg` with every `<text …>…</text>` element taken out.
fn without_text(svg: &str) -> String {
    let mut out = String::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</text>").expect("closed") + start + "</text>".len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_chart_draws_its_text_in_both_themes() {
    let d = Model::default().derive();
    for id in ChartId::ALL {
        for theme in [Theme::Light, Theme::Dark] {
            let chart = render(id, &d, 640, theme, Lang::En);
            let png = chart_png(&chart, 2).unwrap();
            let img = pixels(&png);
            assert_eq!(
                (img.width(), img.height()),
                browser::png_size(&chart.svg),
                "{id:?}"
            );
            // Not blank: most pixels are the background, but not all.
            let bg = img.pixel(0, 0).unwrap();
            let other = img.pixels().iter().filter(|p| **p != bg).count();
            assert!(
                other > 1000,
                "{id:?} {theme:?}: {other} non-background pixels"
            );
            // The text is drawn: the same document without its <text> elements differs.
            let svg = browser::svg_for_png(&chart.svg);
            assert!(svg.contains("<text"), "{id:?} has no text");
            let bare = svg_to_png(
                &without_text(&svg),
                img.width(),
                img.height(),
                Some(&browser::background(theme)),
            )
            .unwrap();
            let text_pixels = differing(&img, &pixels(&bare));
            assert!(
                text_pixels > 2000,
                "{id:?} {theme:?}: text drew {text_pixels} pixels"
            );
        }
    }
}

#[test]
fn pngs_are_deterministic_and_follow_the_state() {
    let mut req = ExportRequest::new(ChartId::Allocation, Format::Png);
    req.state = "a.treasuries=60".to_string();
    let a = export(&req).unwrap();
    let b = export(&req).unwrap();
    assert_eq!(a, b);
    req.state = "a.treasuries=61".to_string();
    assert_ne!(export(&req).unwrap(), a);
    req.scale = 1;
    req.width = 1600;
    let big = pixels(&export(&req).unwrap());
    assert_eq!(big.width(), 1600);
}

#[test]
fn the_social_card_is_1200_by_630_with_its_title() {
    let d = Model::default().derive();
    for theme in [Theme::Light, Theme::Dark] {
        let png = social_card_png(
            "Where the $550 billion goes",
            ChartId::Allocation,
            &d,
            theme,
            Lang::En,
        )
        .unwrap();
        let img = pixels(&png);
        assert_eq!((img.width(), img.height()), (CARD_WIDTH, CARD_HEIGHT));
        assert_eq!((CARD_WIDTH, CARD_HEIGHT), (1200, 630));
        let again = social_card_png(
            "Where the $550 billion goes",
            ChartId::Allocation,
            &d,
            theme,
            Lang::En,
        )
        .unwrap();
        assert_eq!(png, again, "not deterministic");
        // The title is drawn: another title changes the top of the card, not the rest.
        let other = pixels(
            &social_card_png(
                "Something else entirely",
                ChartId::Allocation,
                &d,
                theme,
                Lang::En,
            )
            .unwrap(),
        );
        assert!(differing(&img, &other) > 2000);
        // The chart is drawn into the card.
        let blank_chart = pixels(
            &social_card_png(
                "Where the $550 billion goes",
                ChartId::Waffle,
                &d,
                theme,
                Lang::En,
            )
            .unwrap(),
        );
        assert!(differing(&img, &blank_chart) > 10_000);
    }
}

#[test]
fn card_titles_are_escaped_and_wrapped() {
    let d = Model::default().derive();
    let hostile = "<script>alert(1)</script> & \"quotes\" ]]> <!-- \u{0} \u{1b}[31m";
    let svg = social_card_svg(hostile, ChartId::Income, &d, Theme::Light, Lang::En);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{svg}"
    );
    assert!(!svg.contains('\u{0}') && !svg.contains('\u{1b}'));
    let png = social_card_png(hostile, ChartId::Income, &d, Theme::Light, Lang::En).unwrap();
    assert_eq!((pixels(&png).width(), pixels(&png).height()), (1200, 630));

    let long = "The article says 1–2% goes into direct investment and the rest into Treasuries, \
                agency bonds and index funds; the public record says equity, loans and loan \
                guarantees from Japan’s state lenders, for US projects, with a profit split that \
                changes once Japan is made whole";
    let svg = social_card_svg(long, ChartId::Framings, &d, Theme::Dark, Lang::En);
    let title_lines = svg.matches("font-size=\"46\"").count();
    assert_eq!(title_lines, 3, "{svg}");
    assert!(svg.contains('…'));
    // The chart's own document is nested, placed below the title, and the footer names sources.
    assert!(svg.contains("class=\"fund-chart fund-chart-framings fund-chart-dark\""));
    assert!(!svg.contains("width=\"100%\""));
    assert!(svg.contains("Sources: "), "{svg}");
}
