//! The prerendered pages hold the whole explainer before any script runs, drawn from the same
//! components, content and core as the browser's page.

use fund_site::{assemble, head_tags, pages, prerender_css, render_body, Origin, PageSpec};
use japan_fund_explainer::charts::ChartId;

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Site &amp; title</title>
    <meta name="description" content="Old description" />
    <link rel="stylesheet" href="./main-1.css"/>
    <script type="module" src="./boot.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
  </head>
  <body>
    <!-- replaced -->
  </body>
</html>
"#;

#[test]
fn the_page_holds_every_step_chart_claim_and_source() {
    let html = render_body(None);
    for step in fund_content::steps() {
        assert!(
            html.contains(&format!("data-testid=\"{}\"", step.id())),
            "{}",
            step.id()
        );
        assert!(
            html.contains(step.title()) || html.contains(&fund_site::escape(step.title())),
            "{}",
            step.title()
        );
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
        // Both layouts are drawn, so the stylesheet can show the one the app would draw.
        assert!(
            html.contains(&format!("title-{slug}-wide"))
                && html.contains(&format!("title-{slug}-narrow")),
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
            html.contains(&format!("source-{}", source.id())) || html.contains(source.id()),
            "{}",
            source.id()
        );
    }
    assert!(html.contains("data-testid=\"timeline\""));
    assert!(
        html.contains("data-testid=\"notice-static\"")
            && html.contains("data-testid=\"needs-script\"")
    );
    // Prerendered controls are inert until the app starts.
    let slider = html
        .find("data-testid=\"slider-treasuries\"")
        .expect("the slider");
    let tag_start = html[..slider].rfind('<').unwrap();
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>').unwrap()];
    assert!(
        tag.contains("disabled") && tag.contains("value=\"75\""),
        "{tag}"
    );
}

#[test]
fn embed_pages_hold_one_chart_and_link_home() {
    for id in ChartId::ALL {
        let html = render_body(Some(id));
        assert!(html.contains(&format!("data-testid=\"chart-{}\"", id.slug())));
        assert!(
            !html.contains("id=\"walkthrough\""),
            "{}: no walkthrough",
            id.slug()
        );
        assert!(
            html.contains("href=\"../../?"),
            "{}: link to the explainer",
            id.slug()
        );
        let other = ChartId::ALL.into_iter().find(|c| *c != id).unwrap();
        assert!(!html.contains(&format!("data-testid=\"chart-{}\"", other.slug())));
    }
}

#[test]
fn pages_cover_every_chart_with_their_own_words() {
    let all = pages("Site", "About it");
    assert_eq!(all.len(), ChartId::ALL.len() + 1);
    assert_eq!(all[0].dir(), "");
    for p in &all[1..] {
        let id = p.embed.unwrap();
        assert_eq!(p.dir(), format!("embed/{}/", id.slug()));
        assert!(p.title.ends_with(" · Site"), "{}", p.title);
        assert!(p.description.len() > 20, "{}", p.description);
    }
}

#[test]
fn assembled_embed_page_reroots_assets_and_marks_the_root() {
    let page = PageSpec {
        embed: Some(ChartId::Waffle),
        title: "Squares <b>".into(),
        description: "D \"q\"".into(),
    };
    let out = assemble(SHELL, &page, &Origin::relative(), "<p>body</p>").unwrap();
    assert!(
        out.contains("href=\"../../main-1.css\"") && out.contains("src=\"../../boot.js\""),
        "{out}"
    );
    assert!(out.contains("data-wasm=\"../../app-1_bg.wasm\""));
    assert!(out.contains("<title>Squares &lt;b&gt;</title>"), "{out}");
    assert!(out.contains("<meta name=\"description\" content=\"D &quot;q&quot;\" />"));
    assert!(!out.contains("Old description"));
    assert!(out
        .contains("<div id=\"app\" data-embed=\"waffle\" data-home=\"../../\"><p>body</p></div>"));
    assert!(out.contains("<body class=\"embed\" data-prerendered>"));
    assert!(out.contains("src=\"../../embed.js\""));
    assert!(out.contains("data-embeds=\"waffle allocation"));
    assert!(!out.contains("<!-- replaced -->"));
}

#[test]
fn a_shell_without_a_body_is_refused() {
    let page = &pages("S", "D")[0];
    assert!(assemble("<html><head></head></html>", page, &Origin::relative(), "").is_err());
}

#[test]
fn the_public_origin_makes_urls_absolute_and_is_checked() {
    let page = &pages("S", "D")[1];
    let rel = head_tags(page, &Origin::relative());
    assert!(
        rel.contains(&format!(
            "og:image\" content=\"../../og/{}.png\"",
            page.embed.unwrap().slug()
        )),
        "{rel}"
    );
    let o = Origin::parse("https://example.org/graphics/japan-fund").unwrap();
    let abs = head_tags(page, &o);
    assert!(
        abs.contains("content=\"https://example.org/graphics/japan-fund/og/"),
        "{abs}"
    );
    assert!(
        abs.contains("rel=\"canonical\" href=\"https://example.org/graphics/japan-fund/embed/"),
        "{abs}"
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
fn the_dark_stylesheet_maps_every_light_colour() {
    let css = prerender_css();
    let light = fund_charts::Theme::Light.colours();
    let dark = fund_charts::Theme::Dark.colours();
    for (l, d) in light.series.iter().zip(dark.series.iter()) {
        let (l, d) = (
            fund_charts::theme::Colours::hex(*l),
            fund_charts::theme::Colours::hex(*d),
        );
        assert!(
            css.contains(&format!("[fill=\"{l}\" i] {{ fill: {d}; }}")),
            "{l}"
        );
    }
    assert!(css.starts_with("/*") && css.contains("prefers-color-scheme: dark"));
}

#[test]
fn cards_are_social_size_pngs() {
    let page = &pages("Site", "About")[0];
    let png = fund_site::card_png(page).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1200);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 630);
}
