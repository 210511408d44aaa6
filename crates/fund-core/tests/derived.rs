use fund_core::allocation::allocate;
use fund_core::derived::{income, scale_context, yen_amounts, YieldSet};
use fund_core::figures::{self, UsdJpy};
use fund_core::format;
use fund_core::framing::{builtin, FramingId};
use fund_core::scenario::Scenario;
use fund_core::{CoreError, Usd};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn m(millions: i64) -> Usd {
    Usd::new(Decimal::from(millions) * Decimal::from(1_000_000))
}

#[test]
fn income_article_defaults() {
    let f = builtin(FramingId::Article);
    let a = allocate(f, &Scenario::defaults(f));
    let t = income(&a, &YieldSet::defaults(f));
    // (bucket, amount $M, yield, income $M, assumption)
    let want = [
        ("treasuries", 412_500, "4.136", 17_061, false), // 412,500 × 4.136% = 17,061 exactly
        ("agency-mbs", 64_625, "5.34", 3_451, false),    // 3,450.975 → 3,451
        // A second-hand pointer only (GuruFocus, not confirmed): drawn as an assumption.
        ("index-funds", 64_625, "1.275", 824, true), // 823.96875 → 824
        ("direct", 8_250, "0", 0, true),
    ];
    for (row, (id, amt, y, inc, ass)) in t.rows().iter().zip(want) {
        assert_eq!(row.bucket(), id);
        assert_eq!(row.amount(), m(amt));
        assert_eq!(row.yield_percent(), d(y));
        assert_eq!(row.income(), m(inc), "{id}");
        assert_eq!(row.is_assumption(), ass, "{id}");
    }
    assert_eq!(t.total(), m(21_336));
    assert_eq!(t.row("treasuries").unwrap().sources(), ["cnbc-10y-2025-12"]);
    assert_eq!(
        format::usd(t.row("treasuries").unwrap().income(), fund_core::Lang::En),
        "$17.1 billion"
    );
}

#[test]
fn income_record_defaults_and_reader_yields() {
    let f = builtin(FramingId::Record);
    let a = allocate(f, &Scenario::defaults(f));
    let t = income(&a, &YieldSet::defaults(f));
    // loans 270,875 × 5% = 13,543.75 → 13,544; guarantees × 0.5% = 1,354.375 → 1,354.
    let got: Vec<Usd> = t.rows().iter().map(|r| r.income()).collect();
    assert_eq!(got, vec![m(0), m(13_544), m(1_354)]);
    assert_eq!(t.total(), m(14_898));
    assert!(t.rows().iter().all(|r| r.is_assumption()));

    // A reader's yield replaces the default and is then an assumption.
    let art = builtin(FramingId::Article);
    let mut y = YieldSet::defaults(art);
    y.set("treasuries", d("4")).unwrap();
    let a = allocate(art, &Scenario::defaults(art));
    let row = income(&a, &y).row("treasuries").cloned().unwrap();
    assert_eq!(row.income(), m(16_500)); // 412,500 × 4%
    assert!(row.is_assumption());
}

#[test]
fn yield_set_refusals() {
    let f = builtin(FramingId::Article);
    let mut y = YieldSet::defaults(f);
    let before = y.clone();
    let e = y.set("agency-mbs", d("25.01")).unwrap_err();
    assert_eq!(
        e,
        CoreError::YieldOutOfBounds {
            bucket: "agency-mbs".into(),
            label: fund_core::framing::builtin(fund_core::framing::FramingId::Article)
                .bucket("agency-mbs")
                .unwrap()
                .label_text()
                .clone(),
            value: d("25.01")
        }
    );
    assert_eq!(
        e.to_string(),
        "The yield for “Agency bonds and MBS” is 25.01%, but a yield must be between 0% and 25%."
    );
    assert!(matches!(
        y.set("agency-mbs", d("-0.1")),
        Err(CoreError::YieldOutOfBounds { .. })
    ));
    assert!(matches!(
        y.set("loans", d("1")),
        Err(CoreError::UnknownBucket { .. })
    ));
    assert!(matches!(
        y.set("direct", d("1.0000001")),
        Err(CoreError::TooManyDecimals { .. })
    ));
    assert_eq!(y, before);
    assert!(y.set("direct", d("25")).is_ok());
    assert!(YieldSet::new(f, &[("direct", d("30"))]).is_err());
}

#[test]
fn yen_amounts_at_a_rate() {
    let f = builtin(FramingId::Article);
    let a = allocate(f, &Scenario::defaults(f));
    let y = yen_amounts(&a, UsdJpy::new(d("156.8")).unwrap());
    // $412.5 bn × 156.8 = ¥64,680 bn.
    assert_eq!(y[0].0, "treasuries");
    assert_eq!(y[0].1.yen(), d("64680000000000"));
    assert_eq!(format::yen(y[0].1, fund_core::Lang::En), "¥64.7 trillion");
    // $8.25 bn × 156.8 = ¥1,293.6 bn.
    assert_eq!(y[3].1.yen(), d("1293600000000"));
}

#[test]
fn usdjpy_validation_and_flag() {
    for (v, ok, outside) in [
        ("156.8", true, false),
        ("139.90", true, false),
        ("157.89", true, false),
        ("139.89", true, true),
        ("157.9", true, true),
        ("50", true, true),
        ("500", true, true),
        ("49.99", false, false),
        ("500.01", false, false),
        ("-150", false, false),
    ] {
        match UsdJpy::new(d(v)) {
            Ok(r) => {
                assert!(ok, "{v} should be refused");
                assert_eq!(r.outside_2025_range(), outside, "{v}");
            }
            Err(e) => {
                assert!(!ok, "{v} should be accepted");
                assert!(matches!(
                    e,
                    CoreError::OutOfRange {
                        field: fund_core::Field::UsdJpy,
                        ..
                    }
                ));
            }
        }
    }
    assert_eq!(UsdJpy::default().rate(), d("156.8"));
}

#[test]
fn scale_context_article_and_record() {
    let f = builtin(FramingId::Article);
    let s = scale_context(f, &allocate(f, &Scenario::defaults(f)));
    assert!(s.has_treasuries_bucket());
    assert_eq!(s.treasuries_amount(), m(412_500));
    assert_eq!(s.japan_holdings(), m(1_185_500));
    assert_eq!(s.marketable_total(), m(29_571_600));
    // 412.5 / 1,185.5 = 34.7954…%; 412.5 / 29,571.6 = 1.3949…%.
    assert_eq!(format::round_trim(s.percent_of_holdings(), 4), d("34.7954"));
    assert_eq!(format::percent(s.percent_of_market()), "1.39%");
    assert_eq!(s.sources(), ["tic-table5", "fed-z1-l210"]);

    let r = builtin(FramingId::Record);
    let s = scale_context(r, &allocate(r, &Scenario::defaults(r)));
    assert!(!s.has_treasuries_bucket());
    assert_eq!(s.treasuries_amount(), Usd::ZERO);
    assert_eq!(
        (s.percent_of_holdings(), s.percent_of_market()),
        (Decimal::ZERO, Decimal::ZERO)
    );
}

#[test]
fn figures_are_sourced() {
    let all = figures::all();
    assert!(all.len() >= 8);
    for f in &all {
        assert!(!f.sources.is_empty(), "{}", f.id);
        assert!(f.sources.iter().all(|s| fund_core::framing::is_slug(s)));
    }
    assert_eq!(figures::japan_fx_reserves().value, d("1369700000000"));
    assert_eq!(figures::usdjpy_2025_low().value, d("139.90"));
    assert_eq!(figures::usdjpy_2025_high().value, d("157.89"));
    assert_eq!(figures::fund_total().value, d("550000000000"));
    let mut ids: Vec<&str> = all.iter().map(|f| f.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
}
