//! Helpers shared by the chart tests.
#![allow(dead_code)]

use fund_charts::*;
use fund_core::{Share, ShareRange, Usd};
use rust_decimal::Decimal;
use std::str::FromStr;

pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

pub fn share(s: &str) -> Share {
    Share::new(d(s)).expect("test share")
}

pub fn range(lo: &str, hi: &str) -> Option<ShareRange> {
    Some(ShareRange::new(share(lo), share(hi)).expect("test range"))
}

pub fn bn(s: &str) -> Usd {
    Usd::billions(d(s))
}

pub fn bucket(
    id: &str,
    label: &str,
    billions: &str,
    pct: &str,
    r: Option<ShareRange>,
    colour: usize,
) -> BucketFigure {
    BucketFigure {
        id: id.into(),
        label: label.into(),
        short_label: id.into(),
        amount: bn(billions),
        share: share(pct),
        range: r,
        colour,
    }
}

/// The article's picture: 75 / 15 / 8.5 / 1.5.
pub fn article_buckets() -> Vec<BucketFigure> {
    vec![
        bucket(
            "treasuries",
            "US Treasury bonds and bills",
            "412.5",
            "75",
            range("70", "80"),
            0,
        ),
        bucket(
            "agency",
            "Agency bonds and MBS",
            "82.5",
            "15",
            range("10", "20"),
            1,
        ),
        bucket("index", "US stock index funds", "46.75", "8.5", None, 2),
        bucket(
            "direct",
            "Direct equity and joint ventures",
            "8.25",
            "1.5",
            range("1", "2"),
            3,
        ),
    ]
}

pub fn income_row(
    label: &str,
    billions: &str,
    yield_pct: &str,
    income: &str,
    assumption: bool,
) -> IncomeFigure {
    IncomeFigure {
        label: label.into(),
        short_label: label.into(),
        amount: bn(billions),
        yield_pct: d(yield_pct),
        income: bn(income),
        is_assumption: assumption,
        colour: 0,
    }
}

pub fn opts(width: u32, theme: Theme) -> RenderOptions {
    RenderOptions::new(width, theme)
}

/// Parses the document and checks the accessibility wrapper; returns the
/// text of every `<text>` element, trimmed.
pub fn check_document(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(root.attribute("viewBox").is_some(), "viewBox");
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(root.attribute("height").is_none());
    assert_eq!(root.attribute("role"), Some("img"));
    let label_id = root.attribute("aria-labelledby").expect("aria-labelledby");
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title> child");
    assert_eq!(title.attribute("id"), Some(label_id));
    assert!(!title.text().unwrap_or("").trim().is_empty());
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        if let Some(size) = n.attribute("font-size") {
            let px: f64 = size.parse().expect("numeric font-size");
            assert!(px >= 12.0, "font-size {px} below 12 px");
        }
    }
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// The accessible name (the `<title>` text).
pub fn title_of(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("well-formed");
    doc.root_element()
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or("")
        .to_string()
}

/// A layer as SVG elements: text as it is, a scene printed in the light theme's colours (a test
/// that needs another theme prints the scene itself, see [`in_theme`]).
pub trait Fragment {
    /// The SVG elements.
    fn fragment(&self) -> String;
}

impl Fragment for str {
    fn fragment(&self) -> String {
        self.to_string()
    }
}

impl Fragment for String {
    fn fragment(&self) -> String {
        self.clone()
    }
}

impl Fragment for Scene {
    fn fragment(&self) -> String {
        self.to_svg(PaintMode::Colours(Theme::Light))
    }
}

/// A scene printed in `theme`'s colours.
pub fn in_theme(scene: &Scene, theme: Theme) -> String {
    scene.to_svg(PaintMode::Colours(theme))
}

/// The `fill` of every `<rect>` in a layer fragment, in order.
pub fn rect_fills(fragment: &(impl Fragment + ?Sized)) -> Vec<String> {
    let fragment = fragment.fragment();
    let wrapped = format!("<g>{fragment}</g>");
    let doc = roxmltree::Document::parse(&wrapped).expect("fragment well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| n.attribute("fill").unwrap_or("").to_string())
        .collect()
}

/// Count of elements named `tag` in a layer fragment matching `pred`.
pub fn count(
    fragment: &(impl Fragment + ?Sized),
    tag: &str,
    pred: impl Fn(&roxmltree::Node) -> bool,
) -> usize {
    let fragment = fragment.fragment();
    let wrapped = format!("<g>{fragment}</g>");
    let doc = roxmltree::Document::parse(&wrapped).expect("fragment well-formed");
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && pred(n))
        .count()
}

/// `#RRGGBB` as plotters writes it.
pub fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// One sentence: ends with a full stop and has no sentence break inside.
pub fn assert_one_sentence(text: &str) {
    assert!(text.ends_with('.'), "ends with a full stop: {text}");
    assert!(
        !text[..text.len() - 1].contains(". "),
        "one sentence: {text}"
    );
}
