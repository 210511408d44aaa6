use fund_core::framing::{
    self, builtin, try_builtins, BucketRole, Framing, FramingId, BUILTIN_JSON,
};
use fund_core::scenario::Scenario;
use fund_core::CoreError;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn builtin_data_parses_and_has_both_framings() {
    let all = try_builtins().expect("built-in framings must parse");
    assert_eq!(all.len(), 2);
    for id in FramingId::ALL {
        let f = builtin(id);
        assert_eq!(f.id(), id);
        assert_ne!(f.name(fund_core::Lang::En), "Framing data unavailable");
        assert_eq!(f.total().dollars(), d("550000000000"));
        assert_eq!(
            f.total_sources(),
            ["wh-factsheet-2025-07", "ndtv-bloomberg-2025-09"]
        );
        assert!(f.remainder_note(fund_core::Lang::En).contains("assumption"));
    }
}

/// (id, role, range, default, yield, yield is assumption, yield sources)
type BucketRow = (
    &'static str,
    BucketRole,
    Option<(&'static str, &'static str)>,
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
);

#[test]
fn article_buckets_match_the_brief() {
    let f = builtin(FramingId::Article);
    // (id, role, range, default, yield, yield assumption, yield sources)
    let want: [BucketRow; 4] = [
        (
            "treasuries",
            BucketRole::Treasuries,
            Some(("70", "80")),
            "75",
            "4.136",
            false,
            &["cnbc-10y-2025-12"],
        ),
        (
            "agency-mbs",
            BucketRole::RemainderFirst,
            None,
            "11.75",
            "5.34",
            false,
            &["calcrisk-mbs-2025-04"],
        ),
        (
            "index-funds",
            BucketRole::RemainderSecond,
            None,
            "11.75",
            "1.275",
            // A second-hand pointer only (GuruFocus, not confirmed): an assumption.
            true,
            &["gurufocus-divyield-2025-06"],
        ),
        (
            "direct",
            BucketRole::Direct,
            Some(("1", "2")),
            "1.5",
            "0",
            true,
            &[],
        ),
    ];
    assert_eq!(f.buckets().len(), want.len());
    for (b, (id, role, range, def, y, assumption, ysrc)) in f.buckets().iter().zip(want) {
        assert_eq!(b.id(), id);
        assert_eq!(b.role(), role);
        assert_eq!(
            b.range().map(|r| (r.low().percent(), r.high().percent())),
            range.map(|(l, h)| (d(l), d(h)))
        );
        assert_eq!(b.default_share().percent(), d(def));
        assert_eq!(b.yield_default(), d(y));
        assert_eq!(b.yield_is_assumption(), assumption);
        assert_eq!(b.yield_sources(), ysrc);
        assert!(b.short_label(fund_core::Lang::Ja).chars().count() <= 14);
    }
    assert_eq!(
        f.bucket("direct").unwrap().sources(),
        ["seed-article", "bloomberg-akazawa-2025-07"]
    );
    assert_eq!(
        f.bucket("treasuries").unwrap().label(fund_core::Lang::En),
        "US Treasury bonds and bills"
    );
    assert_eq!(
        f.bucket("treasuries")
            .unwrap()
            .yield_note(fund_core::Lang::En),
        "10-year Treasury yield at end-2025"
    );
}

#[test]
fn record_buckets_match_the_brief() {
    let f = builtin(FramingId::Record);
    assert!(f.bucket_by_role(BucketRole::Treasuries).is_none());
    let ids: Vec<&str> = f.buckets().iter().map(|b| b.id()).collect();
    assert_eq!(ids, ["equity", "loans", "guarantees"]);
    let eq = f.bucket("equity").unwrap();
    assert_eq!(eq.role(), BucketRole::Direct);
    assert_eq!(
        eq.sources(),
        ["bloomberg-akazawa-2025-07", "reuters-akazawa-2025-10"]
    );
    assert_eq!(f.bucket("loans").unwrap().yield_default(), d("5"));
    assert!(f
        .bucket("loans")
        .unwrap()
        .yield_note(fund_core::Lang::En)
        .starts_with("assumption"));
    assert_eq!(f.bucket("guarantees").unwrap().yield_default(), d("0.5"));
    for b in f.buckets() {
        assert!(
            b.yield_is_assumption(),
            "{} yield must be an assumption",
            b.id()
        );
    }
    let split = f.default_inputs();
    assert_eq!(
        (split.treasuries, split.direct, split.remainder_split),
        (d("0"), d("1.5"), d("50"))
    );
}

#[test]
fn framing_id_round_trips() {
    for id in FramingId::ALL {
        assert_eq!(FramingId::from_str(id.as_str()).unwrap(), id);
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            format!("\"{}\"", id.as_str())
        );
    }
    assert_eq!(
        FramingId::from_str("Article"),
        Err(CoreError::UnknownFraming {
            value: "Article".into()
        })
    );
}

#[test]
fn fallback_is_valid() {
    for id in FramingId::ALL {
        let f = framing::fallback(id);
        let pairs: Vec<(&str, Decimal)> = f
            .buckets()
            .iter()
            .map(|b| (b.id(), b.default_share().percent()))
            .collect();
        Scenario::new(&f, &pairs).unwrap();
        assert_eq!(
            Scenario::from_inputs(&f, &f.default_inputs()).unwrap(),
            Scenario::defaults(&f)
        );
    }
}

/// Replaces `from` with `to` in the built-in JSON (must occur) and parses.
fn parse_edited(from: &str, to: &str) -> Result<Vec<Framing>, CoreError> {
    assert!(
        BUILTIN_JSON.contains(from),
        "fixture text {from:?} not in data"
    );
    Framing::from_json(&BUILTIN_JSON.replacen(from, to, 1))
}

fn problem(r: Result<Vec<Framing>, CoreError>) -> String {
    match r {
        Err(CoreError::InvalidFraming { problem, .. }) => problem,
        other => panic!("expected InvalidFraming, got {other:?}"),
    }
}

#[test]
fn validation_refuses_bad_data() {
    // Two direct buckets.
    assert!(problem(parse_edited(
        "\"role\": \"remainder_first\"",
        "\"role\": \"direct\""
    ))
    .contains("exactly one direct"));
    // Two Treasuries buckets.
    let extra = r#""buckets": [
      { "id": "t2", "label": { "en": "More Treasuries", "ja": "米国債2" }, "short_label": { "en": "T2", "ja": "T2" }, "role": "treasuries", "range": null,
        "default_share": "0", "sources": [], "yield": { "default": "1", "sources": [], "is_assumption": true, "note": { "en": "x", "ja": "x" } } },"#;
    assert!(problem(parse_edited("\"buckets\": [", extra))
        .contains("at most one Treasuries bucket but has 2"));
    // No direct bucket.
    assert!(problem(parse_edited(
        "\"role\": \"direct\"",
        "\"role\": \"treasuries\""
    ))
    .contains("exactly one direct bucket but has 0"));
    // Duplicate bucket id.
    assert_eq!(
        parse_edited("\"id\": \"agency-mbs\"", "\"id\": \"treasuries\""),
        Err(CoreError::DuplicateBucket {
            bucket: "treasuries".into()
        })
    );
    // Short label too long.
    assert!(problem(parse_edited(
        "\"short_label\": { \"en\": \"Treasuries\"",
        "\"short_label\": { \"en\": \"Treasury securities\""
    ))
    .contains("19 characters"));
    // Defaults not adding to 100.
    assert!(problem(parse_edited(
        "\"default_share\": \"75\"",
        "\"default_share\": \"74\""
    ))
    .contains("default shares"));
    // Defaults that add to 100 but disagree with the split.
    let shifted = BUILTIN_JSON
        .replacen(
            "\"default_share\": \"11.75\"",
            "\"default_share\": \"11\"",
            1,
        )
        .replacen(
            "\"default_share\": \"11.75\"",
            "\"default_share\": \"12.5\"",
            1,
        );
    assert!(problem(Framing::from_json(&shifted)).contains("differ"));
    // Unsourced yield not marked an assumption.
    assert!(problem(parse_edited(
        "\"sources\": [],\n          \"is_assumption\": true",
        "\"sources\": [],\n          \"is_assumption\": false"
    ))
    .contains("cites no source"));
    // "assumption" used as a source id.
    assert!(problem(parse_edited(
        "\"sources\": [\"seed-article\"]",
        "\"sources\": [\"assumption\"]"
    ))
    .contains("assumption"));
    // Non-slug source id.
    assert!(problem(parse_edited("\"seed-article\"", "\"Seed Article\"")).contains("slug"));
    // Total not whole millions.
    assert!(problem(parse_edited(
        "\"total\": \"550000000000\"",
        "\"total\": \"550000000001\""
    ))
    .contains("millions"));
    // Yield too high.
    assert!(matches!(
        parse_edited("\"default\": \"5.34\"", "\"default\": \"26\""),
        Err(CoreError::YieldOutOfBounds { ref bucket, .. }) if bucket == "agency-mbs"
    ));
    // Range backwards or outside 0–100, unknown fields, duplicate framing id.
    assert!(matches!(
        parse_edited("\"low\": \"70\"", "\"low\": \"90\""),
        Err(CoreError::FramingData { .. })
    ));
    assert!(matches!(
        parse_edited("\"high\": \"80\"", "\"high\": \"180\""),
        Err(CoreError::FramingData { .. })
    ));
    assert!(matches!(
        parse_edited(
            "\"short_label\": { \"en\": \"Loans\"",
            "\"short_label\": { \"en\": \"Loans\", \"extra\": 1"
        ),
        Err(CoreError::FramingData { .. })
    ));
    assert!(
        problem(parse_edited("\"id\": \"record\"", "\"id\": \"article\""))
            .contains("more than once")
    );
    assert!(matches!(
        Framing::from_json("not json"),
        Err(CoreError::FramingData { .. })
    ));
}
