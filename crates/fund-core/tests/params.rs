use fund_core::framing::{builtin, FramingId};
use fund_core::model::{Model, Preset};
use fund_core::params::{
    param_names, parse, to_query, ParamNotice, ThemeParam, UrlState, EXCERPT_CHARS,
    MAX_VALUE_CHARS, PARAMS,
};
use fund_core::profit;
use fund_core::scenario::Inputs;
use fund_core::yields::FlowDirection;
use fund_core::Usd;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

const STEPS: usize = 12;
const SLUGS: &[&str] = &["waffle", "allocation", "profit"];

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn bn(s: &str) -> Usd {
    Usd::new(d(s) * d("1000000000"))
}
fn p(q: &str) -> (UrlState, Vec<ParamNotice>) {
    parse(q, STEPS, SLUGS)
}

/// The default query; `{g}`, `{py}` and `{years}` are defaults that live
/// elsewhere (the data, the profit module) and are filled in by the test.
const DEFAULT_QUERY: &str = "framing=article&step=1&a.treasuries=75&a.direct=1.5&a.split=50\
&r.direct=1.5&r.split=50&usdjpy=156.8&y.treasuries=4.136&y.agency-mbs=5.34&y.index-funds=1.275\
&y.direct=0&y.equity=0&y.loans=5&y.guarantees={g}&p.principal=10&p.yield={py}&p.benchmark=4.136\
&p.spread=1&p.years={years}&f.amount=auto&f.months=40&f.dir=buy&theme=auto";

#[test]
fn empty_query_gives_defaults() {
    for q in ["", "?", "&", "&&", "?&"] {
        let (s, n) = p(q);
        assert_eq!(s, UrlState::default(), "{q:?}");
        assert!(n.is_empty(), "{q:?}: {n:?}");
    }
    let s = UrlState::default();
    assert_eq!(s.model(), &Model::default());
    assert_eq!(s.step(), 0);
    assert_eq!(s.theme(), ThemeParam::Auto);
    assert_eq!(s.embed(), None);
}

#[test]
fn writes_every_parameter_in_a_fixed_order() {
    let q = to_query(&UrlState::default());
    // The yield of the guarantees bucket comes from the data; read it from there.
    let g = builtin(FramingId::Record)
        .bucket("guarantees")
        .unwrap()
        .yield_default()
        .normalize()
        .to_string();
    let expected = DEFAULT_QUERY
        .replace("{g}", &g)
        .replace("{py}", &profit::DEFAULT_CASH_YIELD.normalize().to_string())
        .replace("{years}", &profit::DEFAULT_HORIZON_YEARS.to_string());
    assert_eq!(q, expected);
    assert!(!q.starts_with('?'));
    // The full default query parses back to the defaults, with a leading '?' too.
    assert_eq!(p(&q), (UrlState::default(), vec![]));
    assert_eq!(p(&format!("?{q}")), (UrlState::default(), vec![]));
    // Every name written once, in param_names() order.
    let written: Vec<&str> = q
        .split('&')
        .map(|kv| kv.split('=').next().unwrap())
        .collect();
    // Every name but `embed` (written only when set).
    // `lang` and `controls` are written only when set, too.
    let mut names = param_names();
    assert_eq!(names.pop().as_deref(), Some("embed"));
    names.retain(|n| n != "lang" && n != "controls");
    assert_eq!(written, names);
}

#[test]
fn state_parameters_are_every_parameter_but_the_look() {
    let state = fund_core::params::state_param_names();
    let look = ["theme", "lang", "controls", "embed"];
    let mut expected = param_names();
    expected.retain(|n| !look.contains(&n.as_str()));
    assert_eq!(state, expected);
    for name in [
        "framing",
        "step",
        "a.treasuries",
        "usdjpy",
        "y.loans",
        "p.years",
        "f.dir",
    ] {
        assert!(state.iter().any(|s| s == name), "{name}");
    }
    // A link with only look parameters parses to the default numbers: what was prerendered.
    let (s, notices) = p("theme=dark&lang=ja&controls=none");
    assert!(notices.is_empty());
    assert_eq!(s.model(), UrlState::default().model());
}

#[test]
fn param_table_matches_the_names_written() {
    let names = param_names();
    let mut expanded: Vec<String> = Vec::new();
    for (name, meaning) in PARAMS {
        assert!(!meaning.is_empty());
        if *name == "y.<bucket-id>" {
            for id in FramingId::ALL {
                for b in builtin(id).buckets() {
                    expanded.push(format!("y.{}", b.id()));
                }
            }
        } else {
            expanded.push(name.to_string());
        }
    }
    assert_eq!(expanded, names);
    // Unique, so `y.<bucket-id>` is unambiguous across framings.
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "parameter names are unique");
    // Short and URL-safe: nothing form_urlencoded would escape.
    for n in &names {
        assert!(n.len() <= 16, "{n}");
        assert!(n
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'));
    }
}

#[test]
fn every_value_is_restored() {
    let q = "framing=record&step=5&a.treasuries=70&a.direct=2.25&a.split=30\
&r.direct=10&r.split=62.5&usdjpy=140.5&y.treasuries=4.5&y.agency-mbs=5&y.index-funds=2\
&y.direct=1&y.equity=3&y.loans=6.25&y.guarantees=0.5&p.principal=25.5&p.yield=9\
&p.benchmark=3.9&p.spread=2&p.years=30&f.amount=100&f.months=24&f.dir=sell&theme=dark\
&embed=profit";
    let (s, n) = p(q);
    assert!(n.is_empty(), "{n:?}");
    let m = s.model();
    assert_eq!(m.framing(), FramingId::Record);
    assert_eq!(s.step(), 4);
    assert_eq!(m.step(), 4);
    assert_eq!(
        m.inputs_for(FramingId::Article),
        Inputs {
            treasuries: d("70"),
            direct: d("2.25"),
            remainder_split: d("30")
        }
    );
    assert_eq!(m.inputs_for(FramingId::Record).direct, d("10"));
    assert_eq!(m.inputs_for(FramingId::Record).remainder_split, d("62.5"));
    assert_eq!(m.usdjpy().rate(), d("140.5"));
    let y = |id, b: &str| m.yields_for(id).get(b).unwrap().percent();
    assert_eq!(y(FramingId::Article, "treasuries"), d("4.5"));
    assert_eq!(y(FramingId::Article, "agency-mbs"), d("5"));
    assert_eq!(y(FramingId::Article, "index-funds"), d("2"));
    assert_eq!(y(FramingId::Article, "direct"), d("1"));
    assert_eq!(y(FramingId::Record, "equity"), d("3"));
    assert_eq!(y(FramingId::Record, "loans"), d("6.25"));
    assert_eq!(y(FramingId::Record, "guarantees"), d("0.5"));
    assert_eq!(m.profit().principal(), bn("25.5"));
    assert_eq!(m.profit().cash_yield_pct(), d("9"));
    assert_eq!(m.profit().benchmark_pct(), d("3.9"));
    assert_eq!(m.profit().spread_pct(), d("2"));
    assert_eq!(m.profit().horizon_years(), 30);
    assert!(!m.flow_follows_treasuries());
    assert_eq!(m.flow().amount(), bn("100"));
    assert_eq!(m.flow().months(), 24);
    assert_eq!(m.flow().direction(), FlowDirection::Selling);
    assert_eq!(s.theme(), ThemeParam::Dark);
    assert_eq!(s.embed(), Some("profit"));
    // And written back exactly as given (all values were already normal).
    assert_eq!(to_query(&s), q);
}

/// `(query, parameter named, words the notice must contain)`: each refused,
/// with the default kept.
const REFUSED: &[(&str, &str, &str)] = &[
    ("framing=Article", "framing", "is not a framing"),
    ("framing=both", "framing", "is not a framing"),
    ("step=0", "step", "is not a step of this page (there are 12"),
    ("step=13", "step", "is not a step of this page"),
    ("step=-1", "step", "is not a step of this page"),
    ("step=1.5", "step", "is not a whole number"),
    ("step=abc", "step", "is not a number"),
    ("step=4294967296", "step", "is not a step of this page"),
    (
        "step=99999999999999999999999999999",
        "step",
        "is not a step",
    ),
    ("step=", "step", "has no value"),
    ("step", "step", "has no value"),
    ("a.treasuries=abc", "a.treasuries", "is not a number"),
    ("a.treasuries=101", "a.treasuries", "between 0% and 100%"),
    ("a.treasuries=-1", "a.treasuries", "between 0% and 100%"),
    ("a.treasuries=1e400", "a.treasuries", "is not a number"),
    ("a.treasuries=1E2", "a.treasuries", "is not a number"),
    (
        "a.treasuries=9999999999999999999999999999",
        "a.treasuries",
        "between 0% and 100%",
    ),
    (
        "a.treasuries=99999999999999999999999999999",
        "a.treasuries",
        "is too large",
    ),
    (
        "a.treasuries=000000000000000000000000000000099.000000000000000000000000",
        "a.treasuries",
        "more than the whole fund",
    ),
    (
        "a.treasuries=70.0000000000001",
        "a.treasuries",
        "more than 12 decimal places",
    ),
    (
        "a.treasuries=0.00000000000000000000000000001",
        "a.treasuries",
        "too many decimal places",
    ),
    ("a.treasuries=NaN", "a.treasuries", "is not a number"),
    ("a.treasuries=inf", "a.treasuries", "is not a number"),
    ("a.treasuries=1_000", "a.treasuries", "is not a number"),
    ("a.treasuries=1,5", "a.treasuries", "is not a number"),
    ("a.treasuries=0x10", "a.treasuries", "is not a number"),
    ("a.treasuries=%EF%BC%91", "a.treasuries", "is not a number"), // fullwidth 1
    (
        "a.treasuries=99",
        "a.treasuries",
        "more than the whole fund",
    ),
    ("a.direct=150", "a.direct", "between 0% and 100%"),
    ("a.direct=.", "a.direct", "is not a number"),
    ("a.direct=-", "a.direct", "is not a number"),
    ("a.direct=1.2.3", "a.direct", "is not a number"),
    ("a.split=101", "a.split", "between 0 and 100"),
    ("r.direct=-5", "r.direct", "between 0% and 100%"),
    ("r.split=x", "r.split", "is not a number"),
    ("usdjpy=49.99", "usdjpy", "between 50 and 500"),
    ("usdjpy=501", "usdjpy", "between 50 and 500"),
    ("usdjpy=150.0000001", "usdjpy", "more than 6 decimal places"),
    ("y.treasuries=25.01", "y.treasuries", "between 0% and 25%"),
    ("y.loans=-1", "y.loans", "between 0% and 25%"),
    ("y.equity=x", "y.equity", "is not a number"),
    (
        "y.guarantees=1.0000001",
        "y.guarantees",
        "more than 6 decimal places",
    ),
    ("p.principal=0", "p.principal", "between"),
    ("p.principal=550.01", "p.principal", "between"),
    (
        "p.principal=0.000000000001",
        "p.principal",
        "more than 2 decimal places",
    ),
    (
        "p.principal=99999999999999999999999999999",
        "p.principal",
        "is too large",
    ),
    ("p.principal=auto", "p.principal", "is not a number"),
    ("p.yield=50.5", "p.yield", "between 0 and 50"),
    ("p.benchmark=21", "p.benchmark", "between 0 and 20"),
    ("p.spread=-0.1", "p.spread", "between 0 and 20"),
    ("p.years=0", "p.years", "between 1 and 50"),
    ("p.years=51", "p.years", "between 1 and 50"),
    ("p.years=2.5", "p.years", "is not a whole number"),
    ("p.years=-3", "p.years", "is out of range"),
    ("f.amount=550.5", "f.amount", "between 0 and"),
    ("f.amount=-1", "f.amount", "between 0 and"),
    (
        "f.amount=lots",
        "f.amount",
        "is neither a number nor “auto”",
    ),
    (
        "f.amount=AUTO",
        "f.amount",
        "is neither a number nor “auto”",
    ),
    (
        "f.amount=1e400",
        "f.amount",
        "is neither a number nor “auto”",
    ),
    ("f.months=0", "f.months", "between 1 and 120"),
    ("f.months=121", "f.months", "between 1 and 120"),
    ("f.dir=up", "f.dir", "is not a direction"),
    ("f.dir=Buy", "f.dir", "is not a direction"),
    ("theme=blue", "theme", "is not a theme"),
    ("theme=+dark", "theme", "is not a theme"),
    (
        "embed=nope",
        "embed",
        "is not a chart that can be shown alone",
    ),
    ("embed=", "embed", "has no value"),
];

#[test]
fn malformed_or_out_of_range_values_are_named_and_fall_back() {
    for (q, param, words) in REFUSED {
        let (s, n) = p(q);
        assert_eq!(s, UrlState::default(), "{q}: the default is kept");
        assert_eq!(n.len(), 1, "{q}: {n:?}");
        assert_eq!(n[0].param(), *param, "{q}");
        let text = n[0].to_string();
        assert!(text.contains(words), "{q}: {text}");
        assert!(text.starts_with(&format!("“{param}=")), "{q}: {text}");
        if *param == "embed" {
            assert!(text.ends_with("; showing the whole page."), "{text}");
        } else {
            assert!(
                text.contains("; using the default, ") || text.contains(" Using the default, "),
                "{text}"
            );
        }
    }
}

#[test]
fn notice_text_names_parameter_value_and_default() {
    let (_, n) = p("a.treasuries=abc");
    assert_eq!(
        n[0].to_string(),
        "“a.treasuries=abc” is not a number; using the default, 75%."
    );
    assert_eq!(n[0].value_excerpt(), "abc");
    assert_eq!(
        n[0].message(fund_core::Lang::Ja),
        "「a.treasuries=abc」は数値ではありません。既定値の75%を使います。"
    );
    let (_, n) = p("usdjpy=1");
    assert_eq!(
        n[0].to_string(),
        "“usdjpy=1” was refused: The USD/JPY rate is 1, but it must be between 50 and 500. \
         Using the default, ¥156.8 per $."
    );
    assert_eq!(
        n[0].message(fund_core::Lang::Ja),
        "「usdjpy=1」は使えません：ドル円相場が1です。50から500の間で指定してください。\
         既定値の1ドル=156.8円を使います。"
    );
    let (_, n) = p("p.principal=x");
    assert!(n[0]
        .to_string()
        .ends_with("using the default, $10 billion."));
    let (_, n) = p("f.amount=x");
    assert!(n[0]
        .to_string()
        .ends_with("using the default, auto (the Treasuries part)."));
    let (_, n) = p("step=99");
    assert_eq!(
        n[0].to_string(),
        "“step=99” is not a step of this page (there are 12, counted from 1); using the default, 1."
    );
}

#[test]
fn a_bad_parameter_does_not_spoil_the_others() {
    let (s, n) = p("a.direct=2&usdjpy=oops&p.years=10&framing=record");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].param(), "usdjpy");
    assert_eq!(s.model().inputs_for(FramingId::Article).direct, d("2"));
    assert_eq!(s.model().profit().horizon_years(), 10);
    assert_eq!(s.model().framing(), FramingId::Record);
    assert_eq!(s.model().usdjpy(), Model::default().usdjpy());
}

#[test]
fn shares_are_checked_together_whatever_their_order() {
    // Direct 30% only fits with Treasuries at most 70%: fine in either order.
    for q in ["a.direct=30&a.treasuries=70", "a.treasuries=70&a.direct=30"] {
        let (s, n) = p(q);
        assert!(n.is_empty(), "{q}: {n:?}");
        let i = s.model().inputs_for(FramingId::Article);
        assert_eq!((i.treasuries, i.direct), (d("70"), d("30")));
    }
    // Together over 100%: both named, both fall back; a valid split is kept.
    let (s, n) = p("a.treasuries=80&a.direct=25&a.split=40");
    let named: Vec<&str> = n.iter().map(|x| x.param()).collect();
    assert_eq!(named, ["a.treasuries", "a.direct"]);
    assert!(n[0].to_string().contains("more than the whole fund"));
    let i = s.model().inputs_for(FramingId::Article);
    assert_eq!(
        i,
        Inputs {
            treasuries: d("75"),
            direct: d("1.5"),
            remainder_split: d("40")
        }
    );
    // One given share that does not fit with the other's default: only it is named.
    let (s, n) = p("a.direct=30");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].param(), "a.direct");
    assert_eq!(s, UrlState::default());
    // Exactly 100% is fine (the remainder is empty).
    let (s, n) = p("a.treasuries=98.5");
    assert!(n.is_empty());
    assert_eq!(
        s.model().inputs_for(FramingId::Article).treasuries,
        d("98.5")
    );
}

#[test]
fn unknown_parameters_are_ignored_silently() {
    for q in [
        "utm_source=news&fbclid=abc",
        "y.unknown=5",
        "A.TREASURIES=5&Step=3&FRAMING=record",
        "a.treasury=5",
        "r.treasuries=10",
        "%FF%FE=1",
        "<script>alert(1)</script>=1",
        "=5",
        "??step=3",
        "step%20=3",
        "#step=3",
    ] {
        let (s, n) = p(q);
        assert_eq!(s, UrlState::default(), "{q}");
        assert!(n.is_empty(), "{q}: {n:?}");
    }
    // Alongside known ones.
    let (s, n) = p("x=1&step=3&y=2");
    assert!(n.is_empty());
    assert_eq!(s.step(), 2);
}

#[test]
fn duplicates_first_one_wins_with_a_notice() {
    let (s, n) = p("step=2&step=3&step=4");
    assert_eq!(s.step(), 1);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].param(), "step");
    assert_eq!(
        n[0].to_string(),
        "“step=2” comes first of 3 “step” parameters in the link; only the first is read."
    );
    // A bad first value is refused (default used) even if a later one is good.
    let (s, n) = p("a.direct=x&a.direct=2");
    assert_eq!(s, UrlState::default());
    let named: Vec<&str> = n.iter().map(|x| x.param()).collect();
    assert_eq!(named, ["a.direct", "a.direct"]);
    // Thousands of repeats give one notice per parameter, not thousands.
    let many = "step=2&".repeat(10_000) + &"theme=dark&".repeat(10_000);
    let (s, n) = p(&many);
    assert_eq!(s.step(), 1);
    assert_eq!(s.theme(), ThemeParam::Dark);
    assert_eq!(n.len(), 2);
    assert!(n[0].to_string().contains("10000"));
}

#[test]
fn percent_encoding_and_plus() {
    let (s, n) = p("a%2Edirect=%32%2E5&framing=%72ecord&embed=%77affle");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.model().inputs_for(FramingId::Article).direct, d("2.5"));
    assert_eq!(s.model().framing(), FramingId::Record);
    assert_eq!(s.embed(), Some("waffle"));
    // '+' is a space: numbers ignore surrounding spaces, keywords do not.
    let (s, n) = p("a.direct=+2+&usdjpy=%20150%09");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.model().inputs_for(FramingId::Article).direct, d("2"));
    assert_eq!(s.model().usdjpy().rate(), d("150"));
    let (_, n) = p("theme=dark+");
    assert_eq!(n[0].value_excerpt(), "dark ");
    // A literal '+' sign must be encoded; %2B1 is "+1", which is not read.
    let (_, n) = p("a.direct=%2B1");
    assert_eq!(n[0].param(), "a.direct");
    // A lone or broken '%' is kept as is.
    let (_, n) = p("a.direct=5%&a.split=%zz");
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].value_excerpt(), "5%");
    assert_eq!(n[1].value_excerpt(), "%zz");
}

#[test]
fn invalid_utf8_is_replaced_not_fatal() {
    let (s, n) = p("a.direct=%FF%FE&theme=%C3%28");
    assert_eq!(s, UrlState::default());
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].value_excerpt(), "\u{FFFD}\u{FFFD}");
    assert!(n[1].value_excerpt().contains('\u{FFFD}'));
    // And through the &str API: lossy bytes from a caller.
    let q = String::from_utf8_lossy(b"step=\xff\xfe&a.direct=2");
    let (s, n) = p(&q);
    assert_eq!(n.len(), 1);
    assert_eq!(s.model().inputs_for(FramingId::Article).direct, d("2"));
}

#[test]
fn negative_zero_is_zero() {
    let (s, n) = p("a.direct=-0&r.split=-0.000&f.amount=-0&y.loans=-0");
    assert!(n.is_empty(), "{n:?}");
    let m = s.model();
    assert_eq!(m.inputs_for(FramingId::Article).direct, Decimal::ZERO);
    assert_eq!(m.flow().amount(), Usd::ZERO);
    let q = to_query(&s);
    assert!(!q.contains("=-"), "{q}");
    assert!(q.contains("a.direct=0&"), "{q}");
    assert!(q.contains("r.split=0&"), "{q}");
    assert!(q.contains("f.amount=0&"), "{q}");
    assert!(q.contains("y.loans=0&"), "{q}");
}

#[test]
fn long_values_are_refused_without_being_echoed() {
    let long = "7".repeat(MAX_VALUE_CHARS + 1);
    let (s, n) = p(&format!("usdjpy={long}"));
    assert_eq!(s, UrlState::default());
    assert_eq!(n.len(), 1);
    assert!(n[0]
        .to_string()
        .contains("is too long (more than 64 characters)"));
    assert_eq!(n[0].value_excerpt().chars().count(), EXCERPT_CHARS);
    assert!(n[0].value_excerpt().ends_with('…'));
    assert!(!n[0].to_string().contains(&long));
    // Exactly 64 characters is read (and here refused on its merits).
    let (_, n) = p(&format!("usdjpy={}", "7".repeat(MAX_VALUE_CHARS)));
    assert!(n[0].to_string().contains("is too large"), "{}", n[0]);
    // A megabyte of value.
    let (_, n) = p(&format!("theme={}", "x".repeat(1 << 20)));
    assert_eq!(n.len(), 1);
    assert!(n[0].to_string().chars().count() < 200);
}

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "'-alert(1)-'",
    "`${alert(1)}`",
    "&lt;b&gt;",
    "“quoted” ‘too’",
];

#[test]
fn markup_and_quotes_never_reach_a_notice() {
    for name in param_names() {
        for payload in PAYLOADS {
            for q in [
                format!("{name}={payload}"),
                form_urlencoded::Serializer::new(String::new())
                    .append_pair(&name, payload)
                    .finish(),
            ] {
                let (s, n) = p(&q);
                assert_eq!(s, UrlState::default(), "{q}");
                assert!(!n.is_empty(), "{q}: refused");
                for x in &n {
                    assert_eq!(x.param(), name, "{q}");
                    for c in ['<', '>', '"', '\'', '`', '&', '“', '”', '‘', '’'] {
                        assert!(!x.value_excerpt().contains(c), "{q}: {x}");
                    }
                    let text = x.to_string();
                    assert!(!text.contains('<') && !text.contains('>'), "{text}");
                }
            }
        }
    }
}

#[test]
fn control_and_invisible_characters_are_stripped() {
    let (_, n) = p("theme=%00%1B[31m%E2%80%AEkrad%E2%80%8B%EF%BB%BFx%0D%0Ay");
    let ex = n[0].value_excerpt();
    assert_eq!(ex, "[31mkradxy");
    // Combining marks do not pile up.
    let (_, n) = p("theme=a%CC%81%CC%81%CC%81%CC%81b");
    assert_eq!(n[0].value_excerpt(), "ab");
    // Only invisible characters: an empty excerpt.
    let (_, n) = p("theme=%E2%80%8B");
    assert_eq!(n[0].value_excerpt(), "");
    // Tabs and other whitespace become plain spaces.
    let (_, n) = p("theme=a%E2%80%83b");
    assert_eq!(n[0].value_excerpt(), "a b");
}

#[test]
fn step_is_one_based_and_bounded_by_step_count() {
    assert_eq!(parse("step=12", 12, SLUGS).0.step(), 11);
    assert_eq!(parse("step=1", 12, SLUGS).0.step(), 0);
    assert_eq!(parse("step=12", 12, SLUGS).1, vec![]);
    assert_eq!(parse("step=13", 12, SLUGS).1.len(), 1);
    // No steps at all: step 1 (the default) is still accepted.
    assert_eq!(parse("step=1", 0, SLUGS), (UrlState::default(), vec![]));
    assert_eq!(parse("step=2", 0, SLUGS).1.len(), 1);
    assert_eq!(parse("step=02", 12, SLUGS).0.step(), 1);
    assert_eq!(parse("step=2.0", 12, SLUGS).0.step(), 1);
}

#[test]
fn embed_must_be_a_known_slug() {
    assert_eq!(p("embed=waffle").0.embed(), Some("waffle"));
    assert_eq!(parse("embed=waffle", STEPS, &[]).1.len(), 1);
    assert_eq!(p("embed=Waffle").1.len(), 1);
    // Written only when set.
    assert!(!to_query(&UrlState::default()).contains("embed"));
    let s = UrlState::new(Model::default(), ThemeParam::Light, Some("waffle".into()));
    assert!(to_query(&s).ends_with("&theme=light&embed=waffle"));
}

#[test]
fn theme_param_round_trips() {
    for t in ThemeParam::ALL {
        assert_eq!(ThemeParam::parse(t.as_str()), Some(t));
    }
    assert_eq!(ThemeParam::parse("Dark"), None);
    assert_eq!(ThemeParam::default(), ThemeParam::Auto);
}

#[test]
fn flow_amount_auto_or_billions() {
    let (s, n) = p("f.amount=auto");
    assert!(n.is_empty());
    assert!(s.model().flow_follows_treasuries());
    let (s, n) = p("f.amount=0.01");
    assert!(n.is_empty());
    assert!(!s.model().flow_follows_treasuries());
    assert_eq!(s.model().flow().amount(), Usd::new(d("10000000")));
    assert!(to_query(&s).contains("f.amount=0.01&"));
    // A whole cent, in billions.
    let (s, n) = p("p.principal=0.00000000001");
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(s.model().profit().principal(), Usd::new(d("0.01")));
    assert!(to_query(&s).contains("p.principal=0.00000000001&"));
}

#[test]
fn new_drops_values_the_link_does_not_carry() {
    let mut m = Model::default();
    // A Treasuries share kept for the record framing, which has no such bucket.
    m.set_framing(FramingId::Record).unwrap();
    m.set_treasuries(d("40")).unwrap();
    // A flow amount set, then made to follow the Treasuries part again.
    m.set_flow_amount(bn("10")).unwrap();
    m.set_flow_months(12).unwrap();
    m.set_flow_follows_treasuries(true).unwrap();
    let s = UrlState::new(m.clone(), ThemeParam::Auto, None);
    assert_eq!(
        s.model().inputs_for(FramingId::Record).treasuries,
        Decimal::ZERO
    );
    assert_eq!(s.model().flow().amount(), Model::default().flow().amount());
    assert_eq!(s.model().flow().months(), 12);
    // What the page shows is unchanged.
    assert_eq!(s.model().derive(), m.derive());
    assert_eq!(p(&to_query(&s)), (s, vec![]));
}

#[test]
fn set_inputs_for_targets_either_framing() {
    let mut m = Model::default();
    let record = Inputs {
        treasuries: Decimal::ZERO,
        direct: d("20"),
        remainder_split: d("10"),
    };
    m.set_inputs_for(FramingId::Record, record).unwrap();
    assert_eq!(m.framing(), FramingId::Article);
    assert_eq!(m.inputs_for(FramingId::Record), record);
    assert_eq!(m.inputs(), Model::default().inputs());
    // Validated as a whole: 70 + 30 fits, 80 + 25 does not, and is refused unchanged.
    let ok = Inputs {
        treasuries: d("70"),
        direct: d("30"),
        remainder_split: d("50"),
    };
    m.set_inputs_for(FramingId::Article, ok).unwrap();
    let before = m.clone();
    let bad = Inputs {
        treasuries: d("80"),
        direct: d("25"),
        remainder_split: d("50"),
    };
    assert!(m.set_inputs_for(FramingId::Article, bad).is_err());
    assert_eq!(m, before);
    // A non-share Treasuries value is refused even where it has no effect.
    let bad = Inputs {
        treasuries: d("-1"),
        ..record
    };
    assert!(m.set_inputs_for(FramingId::Record, bad).is_err());
    assert_eq!(m, before);
    // set_yield_for / yields_for reach the framing that is not current.
    m.set_yield_for(FramingId::Record, "loans", d("7")).unwrap();
    assert_eq!(
        m.yields_for(FramingId::Record)
            .get("loans")
            .unwrap()
            .percent(),
        d("7")
    );
    assert!(m
        .set_yield_for(FramingId::Article, "loans", d("7"))
        .is_err());
    assert!(m
        .set_yield_for(FramingId::Record, "loans", d("26"))
        .is_err());
}

// ----- properties -----

#[derive(Debug, Clone)]
enum Op {
    Framing(bool),
    Treasuries(Decimal),
    Direct(Decimal),
    Split(Decimal),
    UsdJpy(Decimal),
    Yield(usize, Decimal),
    Principal(Decimal),
    CashYield(Decimal),
    Benchmark(Decimal),
    Spread(Decimal),
    Horizon(u32),
    FlowAmount(Decimal),
    FlowFollows(bool),
    Months(u32),
    Selling(bool),
    Step(usize),
    Preset(usize),
}

const ALL_BUCKETS: &[&str] = &[
    "treasuries",
    "agency-mbs",
    "index-funds",
    "direct",
    "equity",
    "loans",
    "guarantees",
];

fn pct() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0i64..=100, 0u32..=0).prop_map(|(m, s)| Decimal::new(m, s)),
        (0i64..=100_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
        (-1_000_000_000_000i64..=1_000_000_000_000_000, 0u32..=13)
            .prop_map(|(m, s)| Decimal::new(m, s)),
        Just(d("-0.000")),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<bool>().prop_map(Op::Framing),
        pct().prop_map(Op::Treasuries),
        pct().prop_map(Op::Direct),
        pct().prop_map(Op::Split),
        (40i64..=600_000, 0u32..=7).prop_map(|(m, s)| Op::UsdJpy(Decimal::new(m, s))),
        (0..ALL_BUCKETS.len(), pct()).prop_map(|(i, v)| Op::Yield(i, v)),
        (-10i64..=60_000_000_000_000, 0u32..=3)
            .prop_map(|(m, s)| Op::Principal(Decimal::new(m, s))),
        pct().prop_map(Op::CashYield),
        pct().prop_map(Op::Benchmark),
        pct().prop_map(Op::Spread),
        (0u32..=60).prop_map(Op::Horizon),
        (-10i64..=60_000_000_000_000, 0u32..=3)
            .prop_map(|(m, s)| Op::FlowAmount(Decimal::new(m, s))),
        any::<bool>().prop_map(Op::FlowFollows),
        (0u32..=130).prop_map(Op::Months),
        any::<bool>().prop_map(Op::Selling),
        (0usize..=STEPS + 2).prop_map(Op::Step),
        (0usize..3).prop_map(Op::Preset),
    ]
}

fn run(ops: &[Op]) -> Model {
    let mut m = Model::default();
    for o in ops {
        // Refusals are fine: the model stays as it was.
        let _ = match o {
            Op::Framing(r) => m.set_framing(if *r {
                FramingId::Record
            } else {
                FramingId::Article
            }),
            Op::Treasuries(v) => m.set_treasuries(*v),
            Op::Direct(v) => m.set_direct(*v),
            Op::Split(v) => m.set_remainder_split(*v),
            Op::UsdJpy(v) => m.set_usdjpy(*v),
            Op::Yield(i, v) => m.set_yield(ALL_BUCKETS[*i], *v),
            Op::Principal(v) => m.set_profit_principal(Usd::new(*v)),
            Op::CashYield(v) => m.set_profit_cash_yield(*v),
            Op::Benchmark(v) => m.set_profit_benchmark(*v),
            Op::Spread(v) => m.set_profit_spread(*v),
            Op::Horizon(v) => m.set_profit_horizon(*v),
            Op::FlowAmount(v) => m.set_flow_amount(Usd::new(*v)),
            Op::FlowFollows(f) => m.set_flow_follows_treasuries(*f),
            Op::Months(v) => m.set_flow_months(*v),
            Op::Selling(s) => m.set_flow_direction(if *s {
                FlowDirection::Selling
            } else {
                FlowDirection::Buying
            }),
            Op::Step(s) => m.set_step(*s, STEPS),
            Op::Preset(i) => m.apply_preset(Preset::ALL[*i]),
        };
    }
    m
}

fn theme() -> impl Strategy<Value = ThemeParam> {
    prop_oneof![
        Just(ThemeParam::Auto),
        Just(ThemeParam::Light),
        Just(ThemeParam::Dark)
    ]
}

fn embed() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (0..SLUGS.len()).prop_map(|i| Some(SLUGS[i].to_string()))
    ]
}

fn check_notices(n: &[ParamNotice]) {
    let names = param_names();
    for x in n {
        assert!(names.iter().any(|k| k == x.param()));
        assert!(x.value_excerpt().chars().count() <= EXCERPT_CHARS);
        assert!(!x
            .value_excerpt()
            .chars()
            .any(|c| c.is_control() || "<>\"'`&“”‘’".contains(c)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn round_trip_of_any_reachable_state(
        ops in proptest::collection::vec(op(), 0..40),
        theme in theme(),
        embed in embed(),
    ) {
        let model = run(&ops);
        let state = UrlState::new(model.clone(), theme, embed);
        // What the page shows is what the link restores.
        prop_assert_eq!(state.model().derive(), model.derive());
        let q = to_query(&state);
        let (back, notices) = parse(&q, STEPS, SLUGS);
        prop_assert!(notices.is_empty(), "{} -> {:?}", q, notices);
        prop_assert_eq!(&back, &state);
        prop_assert_eq!(to_query(&back), q);
    }

    #[test]
    fn arbitrary_strings_never_panic(q in ".{0,300}") {
        let (state, n) = p(&q);
        check_notices(&n);
        let again = to_query(&state);
        prop_assert_eq!(p(&again), (state, vec![]));
    }

    #[test]
    fn arbitrary_pairs_never_panic(
        pairs in proptest::collection::vec(
            (prop_oneof![
                (0..param_names().len()).prop_map(|i| param_names()[i].clone()),
                ".{0,12}",
            ], prop_oneof![".{0,80}", "-?[0-9]{0,40}(\\.[0-9]{0,40})?"]),
            0..30,
        ),
        step_count in 0usize..20,
    ) {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        let mut raw = String::new();
        for (k, v) in &pairs {
            ser.append_pair(k, v);
            raw.push_str(&format!("{k}={v}&"));
        }
        for q in [ser.finish(), raw] {
            let (state, n) = parse(&q, step_count, SLUGS);
            check_notices(&n);
            prop_assert!(state.step() < step_count.max(1));
            let again = to_query(&state);
            prop_assert_eq!(parse(&again, step_count, SLUGS), (state, vec![]));
        }
    }
}
