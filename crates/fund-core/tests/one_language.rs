//! One language per build: with both language features (the default) every string exists in
//! both languages; with one (`--no-default-features --features lang-en`, or `lang-ja`, as each
//! page's WebAssembly is built), every string answers in that language, and the code `build.rs`
//! generates holds none of the other language's text.
//!
//! `scripts/test.sh` runs this file under each of the three feature sets.

use fund_core::figures::japan_treasury_holdings;
use fund_core::format;
use fund_core::framing::{builtin, FramingId};
use fund_core::{msg, Lang, Text, Usd};
use rust_decimal::Decimal;

/// The code generated from `i18n/*.json` and `data/framings.json` for this build.
const GENERATED: [&str; 2] = [
    include_str!(concat!(env!("OUT_DIR"), "/msg.rs")),
    include_str!(concat!(env!("OUT_DIR"), "/framings_data.rs")),
];

fn table(name: &str) -> serde_json::Value {
    let path = format!("{}/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[allow(dead_code)]
mod check {
    include!("../i18n/check.rs");
}

/// The literal runs of a language's texts (placeholders cut out), at least 6 bytes long, that
/// the other language's texts never contain: text that is this language's alone.
fn own_runs(lang: &str) -> Vec<String> {
    let entries = check::i18n_check(&table("i18n/en.json"), &table("i18n/ja.json"))
        .expect("the tables follow the rules");
    let pick = |e: &check::I18nEntry, l: &str| {
        if l == "en" {
            e.en.clone()
        } else {
            e.ja.clone()
        }
    };
    let other = if lang == "en" { "ja" } else { "en" };
    // Each text as its literal pieces.
    let mut texts: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            check::i18n_pieces(&pick(e, lang), &e.args)
                .into_iter()
                .filter_map(|p| match p {
                    check::I18nPiece::Text(t) => Some(t),
                    check::I18nPiece::Arg(_) => None,
                })
                .collect()
        })
        .collect();
    let mut others: Vec<String> = entries.iter().map(|e| pick(e, other)).collect();
    // The framings' texts, `{"en": …, "ja": …}` objects.
    fn framing_texts(v: &serde_json::Value, lang: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => match o.get(lang) {
                Some(serde_json::Value::String(s))
                    if o.contains_key("en") && o.contains_key("ja") =>
                {
                    out.push(s.clone())
                }
                _ => o.values().for_each(|x| framing_texts(x, lang, out)),
            },
            serde_json::Value::Array(a) => a.iter().for_each(|x| framing_texts(x, lang, out)),
            _ => {}
        }
    }
    let framings = table("data/framings.json");
    let mut own_framings = Vec::new();
    framing_texts(&framings, lang, &mut own_framings);
    texts.extend(own_framings.into_iter().map(|t| vec![t]));
    framing_texts(&framings, other, &mut others);
    let others = others.join("\u{0}");
    let mut runs: Vec<String> = texts
        .into_iter()
        .flatten()
        .filter(|r| r.len() >= 6 && !others.contains(r.as_str()))
        .collect();
    runs.sort();
    runs.dedup();
    runs
}

/// The contents of the string literals in the generated code (doc attributes left out), as
/// Rust writes them (escaped).
fn literals() -> Vec<&'static str> {
    let mut out = Vec::new();
    for line in GENERATED.iter().flat_map(|g| g.lines()) {
        if line.trim_start().starts_with("#[doc") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find('"') {
            let body = &rest[at + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in body.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(end) = end else { break };
            out.push(&body[..end]);
            rest = &body[end + 1..];
        }
    }
    out
}

/// How many of `runs` the generated code's string literals hold.
fn held(runs: &[String]) -> usize {
    let literals = literals();
    runs.iter()
        .filter(|r| {
            let literal = format!("{r:?}");
            let inner = &literal[1..literal.len() - 1];
            literals.iter().any(|l| l.contains(inner))
        })
        .count()
}

#[test]
fn the_check_sees_both_languages_texts() {
    // The check below can only pass for a good reason if there is text to find.
    assert!(own_runs("en").len() > 300, "{}", own_runs("en").len());
    assert!(own_runs("ja").len() > 300, "{}", own_runs("ja").len());
}

#[cfg(all(feature = "lang-en", feature = "lang-ja"))]
#[test]
fn both_languages_by_default() {
    assert_eq!(Lang::Ja.built(), Lang::Ja);
    assert_eq!(Lang::En.built(), Lang::En);
    assert_eq!(msg::chart::col_amount(Lang::En), "Amount");
    assert_eq!(msg::chart::col_amount(Lang::Ja), "金額");
    assert_eq!(Text::new("a", "b").get(Lang::Ja), "b");
    let usd = Usd::new(Decimal::from(550_000_000_000u64));
    assert_eq!(format::usd(usd, Lang::Ja), "5500億ドル");
    assert_eq!(
        japan_treasury_holdings().label_in(Lang::Ja),
        "日本の米国債保有額"
    );
    assert_ne!(
        builtin(FramingId::Article).name(Lang::En),
        builtin(FramingId::Article).name(Lang::Ja)
    );
    let (en, ja) = (own_runs("en"), own_runs("ja"));
    assert_eq!(held(&en), en.len(), "every English text is generated");
    assert_eq!(held(&ja), ja.len(), "every Japanese text is generated");
}

/// A one-language build: (the language it holds, the other).
#[cfg(not(all(feature = "lang-en", feature = "lang-ja")))]
const HELD: (Lang, Lang) = if cfg!(feature = "lang-en") {
    (Lang::En, Lang::Ja)
} else {
    (Lang::Ja, Lang::En)
};

#[cfg(not(all(feature = "lang-en", feature = "lang-ja")))]
#[test]
fn one_language_answers_every_language_in_its_own() {
    let (own, other) = HELD;
    assert_eq!(other.built(), own);
    assert_eq!(own.built(), own);
    let amount = if own == Lang::En { "Amount" } else { "金額" };
    assert_eq!(msg::chart::col_amount(other), amount);
    assert_eq!(
        msg::page::step_of(other, "3", "9"),
        msg::page::step_of(own, "3", "9")
    );
    let (a, b) = ("a", "b");
    assert_eq!(
        Text::new(a, b).get(other),
        if own == Lang::En { a } else { b }
    );
    let usd = Usd::new(Decimal::from(550_000_000_000u64));
    assert_eq!(format::usd(usd, other), format::usd(usd, own));
    let day = if own == Lang::En {
        "4 Sep 2025"
    } else {
        "2025年9月4日"
    };
    assert_eq!(format::date(2025, 9, 4, other), day);
    let figure = japan_treasury_holdings();
    assert_eq!(figure.label_in(other), figure.label_in(own));
    let article = builtin(FramingId::Article);
    assert_eq!(article.name(other), article.name(own));
    let (own_runs, other_runs) = (own_runs(own.as_str()), own_runs(other.as_str()));
    assert_eq!(
        held(&own_runs),
        own_runs.len(),
        "every {own:?} text is generated"
    );
    let found: Vec<&String> = other_runs
        .iter()
        .filter(|r| held(std::slice::from_ref(r)) > 0)
        .collect();
    assert!(
        found.is_empty(),
        "no {other:?} text is generated: {found:?}"
    );
}

#[cfg(all(feature = "lang-en", not(feature = "lang-ja")))]
#[test]
fn english_only_generates_no_kana_or_kanji() {
    assert_eq!(japan_treasury_holdings().label_ja, "");
    for code in GENERATED {
        assert!(
            !code.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)
                || ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "no kana or kanji in the generated code"
        );
    }
}
