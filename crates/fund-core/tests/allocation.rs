use fund_core::allocation::{allocate, rounding_rule, waffle_squares, RangeFlag};
use fund_core::framing::{builtin, FramingId};
use fund_core::scenario::{Inputs, Scenario};
use fund_core::{CoreError, Usd};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn inputs(t: &str, dir: &str, split: &str) -> Inputs {
    Inputs {
        treasuries: d(t),
        direct: d(dir),
        remainder_split: d(split),
    }
}
fn millions(a: Usd) -> Decimal {
    a.dollars() / d("1000000")
}

#[test]
fn scenario_from_inputs_table() {
    let art = builtin(FramingId::Article);
    let rec = builtin(FramingId::Record);
    // (framing, treasuries, direct, split, expected shares in bucket order)
    let cases = [
        // Article order: treasuries, agency-mbs, index-funds, direct.
        (&art, "75", "1.5", "50", vec!["75", "11.75", "11.75", "1.5"]),
        (&art, "70", "1", "50", vec!["70", "14.5", "14.5", "1"]),
        (&art, "80", "2", "25", vec!["80", "4.5", "13.5", "2"]), // rem 18: 18×25/100 = 4.5
        (&art, "100", "0", "50", vec!["100", "0", "0", "0"]),
        (&art, "0", "0", "100", vec!["0", "100", "0", "0"]),
        // Record order: equity, loans, guarantees; treasuries ignored.
        (&rec, "75", "1.5", "50", vec!["1.5", "49.25", "49.25"]),
        (&rec, "0", "2", "10", vec!["2", "9.8", "88.2"]), // rem 98: 9.8 / 88.2
    ];
    for (f, t, dir, split, want) in cases {
        let s = Scenario::from_inputs(f, &inputs(t, dir, split)).unwrap();
        let got: Vec<Decimal> = s.iter().map(|(_, sh)| sh.percent()).collect();
        let want: Vec<Decimal> = want.iter().map(|w| d(w)).collect();
        assert_eq!(got, want, "{} {t}/{dir}/{split}", f.id());
        assert_eq!(s.framing(), f.id());
    }
}

#[test]
fn scenario_refusals_name_the_bucket_and_value() {
    let art = builtin(FramingId::Article);
    let ok = [
        ("treasuries", d("75")),
        ("agency-mbs", d("11.75")),
        ("index-funds", d("11.75")),
        ("direct", d("1.5")),
    ];
    assert!(Scenario::new(art, &ok).is_ok());
    assert_eq!(
        Scenario::new(art, &ok)
            .unwrap()
            .share_of("agency-mbs")
            .unwrap()
            .percent(),
        d("11.75")
    );

    let mut unknown = ok.to_vec();
    unknown[1].0 = "bonds";
    assert_eq!(
        Scenario::new(art, &unknown),
        Err(CoreError::UnknownBucket {
            framing: "article".into(),
            bucket: "bonds".into()
        })
    );
    assert_eq!(
        Scenario::new(art, &ok[..3]),
        Err(CoreError::MissingBucket {
            framing: "article".into(),
            bucket: "direct".into()
        })
    );
    let mut dup = ok.to_vec();
    dup.push(("direct", d("0")));
    assert_eq!(
        Scenario::new(art, &dup),
        Err(CoreError::DuplicateBucket {
            bucket: "direct".into()
        })
    );
    let mut neg = ok.to_vec();
    neg[3].1 = d("-1");
    let e = Scenario::new(art, &neg).unwrap_err();
    assert_eq!(
        e,
        CoreError::BucketShareOutOfBounds {
            bucket: "direct".into(),
            label: art.bucket("direct").unwrap().label_text().clone(),
            value: d("-1")
        }
    );
    assert_eq!(
        e.to_string(),
        "The share for “Direct equity and joint ventures” is −1%, but a share must be between 0% and 100%."
    );
    let mut short = ok.to_vec();
    short[0].1 = d("74");
    assert_eq!(
        Scenario::new(art, &short),
        Err(CoreError::ScenarioTotal { total: d("99") })
    );
    assert_eq!(
        Scenario::new(art, &short).unwrap_err().to_string(),
        "The shares add up to 99%, but they must add up to exactly 100%."
    );
    let mut fine = ok.to_vec();
    fine[3].1 = d("1.5000000000001");
    assert!(matches!(
        Scenario::new(art, &fine),
        Err(CoreError::TooManyDecimals { .. })
    ));
}

#[test]
fn from_inputs_refusals() {
    let art = builtin(FramingId::Article);
    match Scenario::from_inputs(art, &inputs("99", "2", "50")) {
        Err(CoreError::SharesExceedWhole {
            bucket,
            value,
            other_label,
            other_value,
            ..
        }) => {
            assert_eq!(
                (
                    bucket.as_str(),
                    value,
                    other_label.en(),
                    other_value,
                    value + other_value
                ),
                (
                    "direct",
                    d("2"),
                    "US Treasury bonds and bills",
                    d("99"),
                    d("101")
                )
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        Scenario::from_inputs(art, &inputs("75", "1.5", "101")),
        Err(CoreError::OutOfRange {
            field: fund_core::Field::RemainderSplit,
            value: d("101"),
            min: d("0"),
            max: d("100")
        })
    );
    assert!(matches!(
        Scenario::from_inputs(art, &inputs("100.5", "0", "50")),
        Err(CoreError::BucketShareOutOfBounds { ref bucket, .. }) if bucket == "treasuries"
    ));
    // The record framing ignores the Treasuries input entirely.
    assert!(Scenario::from_inputs(builtin(FramingId::Record), &inputs("500", "1", "50")).is_ok());
}

#[test]
fn allocation_table() {
    let art = builtin(FramingId::Article);
    let rec = builtin(FramingId::Record);
    // (framing, inputs, expected amounts in $ millions in bucket order)
    let cases = [
        // 75% of 550,000 = 412,500; 11.75% = 64,625; 1.5% = 8,250.
        (
            &art,
            inputs("75", "1.5", "50"),
            vec![412_500, 64_625, 64_625, 8_250],
        ),
        (
            &rec,
            inputs("0", "1.5", "50"),
            vec![8_250, 270_875, 270_875],
        ),
        (&rec, inputs("0", "1", "50"), vec![5_500, 272_250, 272_250]),
        // Split 33.333333333333: first = 29 × 0.33333333333333 = 9.66666666666657% → 53,166.666… M,
        // second 19.33333333333343% → 106,333.333… M; floors sum 549,999, the 1 left goes to first.
        (
            &art,
            inputs("70", "1", "33.333333333333"),
            vec![385_000, 53_167, 106_333, 5_500],
        ),
        // Tie: direct 0.0002% → 1.1 M; each remainder 49.9999% → 274,999.45 M; floors sum 549,999;
        // the tie at .45 goes to the bucket listed first (agency-mbs).
        (
            &art,
            inputs("0", "0.0002", "50"),
            vec![0, 275_000, 274_999, 1],
        ),
    ];
    for (f, inp, want) in cases {
        let a = allocate(f, &Scenario::from_inputs(f, &inp).unwrap());
        let got: Vec<Decimal> = a.rows().iter().map(|r| millions(r.amount())).collect();
        let want: Vec<Decimal> = want.into_iter().map(Decimal::from).collect();
        assert_eq!(got, want, "{inp:?}");
        assert_eq!(a.rows().iter().map(|r| r.amount()).sum::<Usd>(), f.total());
        assert_eq!(a.total(), f.total());
    }
    assert!(rounding_rule(fund_core::Lang::En).contains("$1 million"));
    assert!(rounding_rule(fund_core::Lang::Ja).contains("1億ドル"));
}

#[test]
fn range_flags_and_row_fields() {
    let art = builtin(FramingId::Article);
    let a = allocate(
        art,
        &Scenario::from_inputs(art, &inputs("60", "3", "50")).unwrap(),
    );
    assert_eq!(a.row("treasuries").unwrap().flag(), Some(RangeFlag::Below));
    assert_eq!(a.row("direct").unwrap().flag(), Some(RangeFlag::Above));
    assert_eq!(a.row("agency-mbs").unwrap().flag(), None);
    assert_eq!(
        a.range_flags(),
        vec![
            ("treasuries".to_string(), RangeFlag::Below),
            ("direct".to_string(), RangeFlag::Above)
        ]
    );
    let r = a.row("direct").unwrap();
    assert_eq!(
        (
            r.label(fund_core::Lang::En),
            r.short_label(fund_core::Lang::En)
        ),
        ("Direct equity and joint ventures", "Direct equity")
    );
    assert_eq!(a.treasuries_amount().dollars(), d("330000000000"));
    // Ends of the range are inside it.
    let a = allocate(
        art,
        &Scenario::from_inputs(art, &inputs("80", "1", "50")).unwrap(),
    );
    assert!(a.range_flags().is_empty());
    let rec = builtin(FramingId::Record);
    assert_eq!(
        allocate(rec, &Scenario::defaults(rec)).treasuries_amount(),
        Usd::ZERO
    );
}

#[test]
fn waffle_table() {
    let art = builtin(FramingId::Article);
    let rec = builtin(FramingId::Record);
    let cases = [
        // 75, 11.75, 11.75, 1.5: floors 75+11+11+1 = 98; the two .75s get the 2 left.
        (&art, inputs("75", "1.5", "50"), vec![75, 12, 12, 1]),
        // 1.5, 49.25, 49.25: floors 99; .5 (equity) is largest.
        (&rec, inputs("0", "1.5", "50"), vec![2, 49, 49]),
        (&art, inputs("80", "2", "50"), vec![80, 9, 9, 2]),
        // 70, 14.5, 14.5, 1: floors 99; tie at .5 → agency-mbs (listed first).
        (&art, inputs("70", "1", "50"), vec![70, 15, 14, 1]),
    ];
    for (f, inp, want) in cases {
        let a = allocate(f, &Scenario::from_inputs(f, &inp).unwrap());
        assert_eq!(waffle_squares(&a), want, "{inp:?}");
    }
}

/// 0–100 with up to 12 decimal places.
fn pct() -> impl Strategy<Value = Decimal> {
    (0i64..=100_000_000_000_000, 0u32..=12).prop_map(|(v, dp)| Decimal::new(v, 12).round_dp(dp))
}

proptest! {
    #[test]
    fn allocation_always_adds_up(
        t in pct(),
        dir_frac in 0u32..=1_000_000,
        split_units in 0i64..=100_000_000_000_000,
        record in any::<bool>(),
    ) {
        let f = builtin(if record { FramingId::Record } else { FramingId::Article });
        let t = if record { Decimal::ZERO } else { t };
        // direct = (100 − t) × dir_frac / 10^6, rounded to 12 places.
        let dir = ((Decimal::ONE_HUNDRED - t) * Decimal::from(dir_frac) / Decimal::from(1_000_000)).round_dp(12);
        let split = Decimal::new(split_units, 12);
        let s = Scenario::from_inputs(f, &Inputs { treasuries: t, direct: dir, remainder_split: split }).unwrap();
        let total: Decimal = s.iter().map(|(_, sh)| sh.percent()).sum();
        prop_assert_eq!(total, Decimal::ONE_HUNDRED);
        let a = allocate(f, &s);
        prop_assert_eq!(a.rows().iter().map(|r| r.amount()).sum::<Usd>(), f.total());
        for r in a.rows() {
            let exact = f.total().dollars() * r.share().percent() / Decimal::ONE_HUNDRED;
            prop_assert!(r.amount().dollars() >= Decimal::ZERO);
            prop_assert!((r.amount().dollars() % Decimal::from(1_000_000)).is_zero());
            prop_assert!((r.amount().dollars() - exact).abs() < Decimal::from(1_000_000));
        }
        let w = waffle_squares(&a);
        prop_assert_eq!(w.iter().sum::<usize>(), 100);
        for (n, r) in w.iter().zip(a.rows()) {
            prop_assert!((Decimal::from(*n as u64) - r.share().percent()).abs() < Decimal::ONE);
        }
    }
}
