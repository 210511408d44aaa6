//! Japanese text: drawn with real glyphs from the shipped Noto Sans CJK JP subset (not the
//! "missing" boxes DejaVu Sans alone would give), mixed with Latin and digits, in both weights,
//! deterministically; and `missing_glyphs` tells what the shipped fonts cannot draw.

use fund_export::{missing_glyphs, svg_to_png};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use std::sync::Arc;

mod common;
use common::differing;

const HEADLINE: &str = "日本の対米投資5500億ドル（約81兆円）";
const W: u32 = 800;
const H: u32 = 80;
const BACKGROUND: &str = "#FFFFFF";

/// A `W`×`H` document with `text` at 32 px from (10, 50), in `weight`.
fn doc(text: &str, weight: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\">\
         <text x=\"10\" y=\"50\" font-family=\"sans-serif\" font-size=\"32\" \
         font-weight=\"{weight}\" fill=\"#000000\">{text}</text></svg>"
    )
}

/// `text` rendered by the crate (the shipped fonts, with the Japanese fallback).
fn render(text: &str, weight: &str) -> Pixmap {
    let png = svg_to_png(&doc(text, weight), W, H, Some(BACKGROUND)).unwrap();
    Pixmap::decode_png(&png).unwrap()
}

/// `text` rendered with DejaVu Sans alone (what the crate did before the Japanese font).
fn render_dejavu_only(text: &str) -> Pixmap {
    let mut db = fontdb::Database::new();
    db.load_font_data(include_bytes!("../fonts/DejaVuSans.ttf").to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    let options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&doc(text, "normal"), &options).unwrap();
    let mut pixmap = Pixmap::new(W, H).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    pixmap
}

/// The pixels that are not the white background.
fn ink(img: &Pixmap) -> usize {
    img.pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) != (255, 255, 255))
        .count()
}

/// The columns from the first to the last that has ink, if any.
fn ink_columns(img: &Pixmap) -> Option<(u32, u32)> {
    let inked = |x: u32| (0..img.height()).any(|y| img.pixel(x, y).unwrap().red() < 255);
    let first = (0..img.width()).find(|&x| inked(x))?;
    let last = (0..img.width()).rev().find(|&x| inked(x))?;
    Some((first, last))
}

#[test]
fn japanese_is_drawn_where_the_text_is() {
    let empty = render("", "normal");
    assert_eq!(ink(&empty), 0);
    let img = render(HEADLINE, "normal");
    assert!(ink(&img) > 3000, "{} inked pixels", ink(&img));
    // The ink is in the text's box (the baseline is at 50, the size 32) and spans the whole line:
    // 20 characters, 16 of them full width, about 580 px at 32 px.
    for y in 0..H {
        for x in 0..W {
            let inked = img.pixel(x, y).unwrap().red() < 255;
            assert!(!inked || (10..=62).contains(&y), "ink at ({x}, {y})");
        }
    }
    let (first, last) = ink_columns(&img).unwrap();
    assert!((10..20).contains(&first), "{first}");
    assert!((520..700).contains(&last), "{last}");
}

#[test]
fn kanji_are_real_glyphs_not_boxes() {
    // With DejaVu Sans alone every kanji is the same "missing" box; with the shipped fonts, two
    // kanji are two different shapes.
    let (a, b) = (render_dejavu_only("日"), render_dejavu_only("本"));
    assert!(ink(&a) > 0);
    assert_eq!(differing(&a, &b), 0, "DejaVu Sans alone draws the same box");
    for (x, y) in [
        ("日", "本"),
        ("円", "億"),
        ("の", "が"),
        ("ド", "ル"),
        ("（", "）"),
    ] {
        let (a, b) = (render(x, "normal"), render(y, "normal"));
        assert!(ink(&a) > 50 && ink(&b) > 50, "{x} {y}");
        assert!(differing(&a, &b) > 50, "{x} and {y} look the same");
    }
    // And the headline is not what DejaVu Sans alone draws.
    let dejavu = render_dejavu_only(HEADLINE);
    assert!(differing(&render(HEADLINE, "normal"), &dejavu) > 2000);
}

#[test]
fn latin_and_digits_mixed_with_japanese_are_drawn() {
    let base = render(HEADLINE, "normal");
    // Each digit is a glyph of its own: changing one changes the picture.
    let other = render(&HEADLINE.replace("5500", "5501"), "normal");
    assert!(differing(&base, &other) > 20);
    let latin = render("日本のGDPはUSD 4.2 trillion", "normal");
    let latin_other = render("日本のGDPはUSD 4.2 trillioN", "normal");
    assert!(differing(&latin, &latin_other) > 20);
    // Latin letters mixed with Japanese have ink of their own, as wide as the line needs.
    let (_, last) = ink_columns(&latin).unwrap();
    let (_, last_kanji_only) = ink_columns(&render("日本のGDPは", "normal")).unwrap();
    assert!(last > last_kanji_only + 100, "{last} {last_kanji_only}");
}

#[test]
fn bold_japanese_is_bold() {
    let regular = render(HEADLINE, "normal");
    let bold = render(HEADLINE, "bold");
    assert!(
        ink(&bold) as f64 > 1.2 * ink(&regular) as f64,
        "bold {} regular {}",
        ink(&bold),
        ink(&regular)
    );
}

#[test]
fn japanese_rendering_is_deterministic() {
    for weight in ["normal", "bold"] {
        let a = svg_to_png(&doc(HEADLINE, weight), W, H, Some(BACKGROUND)).unwrap();
        let b = svg_to_png(&doc(HEADLINE, weight), W, H, Some(BACKGROUND)).unwrap();
        assert_eq!(a, b, "{weight}");
    }
    // Japanese, Latin and a character only DejaVu Sans has (≒), in one text: glyphs from both
    // fonts, the same bytes every time.
    let mixed = doc("利益配分 90％・10％ ≒ 0.9 → Fund", "normal");
    let first = svg_to_png(&mixed, W, H, None).unwrap();
    for _ in 0..3 {
        assert_eq!(svg_to_png(&mixed, W, H, None).unwrap(), first);
    }
    // ≒ is a real glyph there, not a box: another symbol in its place changes the picture.
    let other = svg_to_png(&mixed.replace('≒', "≠"), W, H, None).unwrap();
    assert_ne!(other, first);
}

#[test]
fn the_shipped_fonts_cover_japanese_text() {
    let samples = [
        HEADLINE,
        "「対米投資」について、記事はこう書いている。",
        "米国債・政府機関債・インデックスファンド～融資、出資、融資保証",
        "国際協力銀行（JBIC）と日本貿易保険（NEXI）による出資・融資・保証",
        "利益配分は日本が元本を回収するまで50：50、その後は米国90％・日本10％",
        "約81兆円 ￥81,000,000,000,000 ¥ $550 billion – “quotes” ‘single’ … — •",
        "ＡＢＣ１２３！？＆＠　ｱｲｳｴｵ",
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
        "ァアィイゥウェエォオヴヵヶー・ヽヾゝゞ〜〇々〆〃",
        "亜唖娃阿哀愛挨姶逢葵茜穐悪握渥旭葦芦鯵梓圧斡扱宛姐虻飴絢綾鮎或粟袷安庵按暗案闇鞍杏",
        "蕨椀湾碗腕 政府 経済 関税 合意 大統領 首相 財務省 商務長官 半導体 医薬品 造船",
        "℃ → ← ↑ ↓ ○ ● △ ▲ □ ■ ※ 〒 ± × ÷ ≠ ≦ ≧ ∞",
        // Not in Noto Sans CJK JP, but in DejaVu Sans.
        "≒",
    ];
    for s in samples {
        assert_eq!(missing_glyphs(s), Vec::<char>::new(), "{s}");
    }
    // Every hiragana and katakana of JIS X 0208.
    let kana: String = ('\u{3041}'..='\u{3093}')
        .chain('\u{30A1}'..='\u{30F6}')
        .collect();
    assert_eq!(missing_glyphs(&kana), Vec::<char>::new());
    // Control characters are never drawn, so never missing.
    assert!(missing_glyphs("日本\n\t").is_empty());
    assert!(missing_glyphs("").is_empty());
}

#[test]
fn characters_outside_the_subset_are_named() {
    // A rare kanji (outside the Basic Multilingual Plane, not in JIS X 0208), a level 2 kanji,
    // an emoji, each once, in order.
    assert_eq!(missing_glyphs("𠮷野家"), ['𠮷']);
    assert_eq!(missing_glyphs("鬱"), ['鬱']);
    assert_eq!(missing_glyphs("日本🍣と🍣🗾"), ['🍣', '🗾']);
    // Hangul is not Japanese and not shipped.
    assert_eq!(missing_glyphs("한국"), ['한', '국']);
}

/// Every Japanese string of the explainer (the language table, the content, the framings) can be
/// set in the shipped fonts, so no PNG or social card ever shows a missing-glyph box.
#[test]
fn every_japanese_string_of_the_explainer_is_covered_by_the_shipped_fonts() {
    use fund_core::Lang::Ja;
    let mut texts: Vec<String> = Vec::new();
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../../fund-core/i18n/ja.json")).unwrap();
    fn leaves(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Object(m) => m.values().for_each(|x| leaves(x, out)),
            _ => {}
        }
    }
    leaves(&table, &mut texts);
    for s in fund_content::steps() {
        texts.push(s.title(Ja).to_string());
        texts.extend(s.paragraphs(Ja).iter().map(|p| p.template()));
    }
    for c in fund_content::claims() {
        texts.push(c.text(Ja).to_string());
        texts.push(c.reason(Ja).to_string());
    }
    for t in fund_content::timeline() {
        texts.push(t.title(Ja).to_string());
        texts.push(t.detail(Ja).to_string());
    }
    for r in fund_content::record() {
        texts.push(r.heading(Ja).to_string());
        texts.push(r.text(Ja).to_string());
    }
    for s in fund_content::sources() {
        texts.push(s.citation(Ja));
        texts.extend(s.note(Ja).map(str::to_string));
    }
    for f in fund_core::framing::FramingId::ALL {
        let fr = fund_core::framing::builtin(f);
        texts.push(fr.name(Ja).to_string());
        texts.push(fr.description(Ja).to_string());
        for b in fr.buckets() {
            texts.push(b.label(Ja).to_string());
            texts.push(b.yield_note(Ja).to_string());
        }
    }
    assert!(texts.len() > 300, "{}", texts.len());
    let mut missing: Vec<(char, String)> = Vec::new();
    for t in &texts {
        for c in missing_glyphs(t) {
            if !missing.iter().any(|(m, _)| *m == c) {
                missing.push((c, t.chars().take(40).collect()));
            }
        }
    }
    assert!(missing.is_empty(), "not in the shipped fonts: {missing:?}");
}
