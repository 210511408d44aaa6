use fund_core::yields::{
    illustration_note, study_estimates, yield_effect, FlowDirection, YieldEffectInputs,
};
use fund_core::{CoreError, Usd};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
/// Rounded to 10 places, half to even (exact values are unchanged).
fn r10(v: Decimal) -> Decimal {
    v.round_dp(10).normalize()
}
fn bn(s: &str) -> Usd {
    Usd::new(d(s) * d("1000000000"))
}

#[test]
fn scaled_estimates_table() {
    use FlowDirection::*;
    // (amount $bn, months, direction, monthly $bn, [(low, central, high, beyond)] per estimate)
    let cases = [
        // $412.5 bn / 40 = $10.3125 bn a month = 0.103125 of Beltran's $100 bn:
        // short run 40–60 bp → 4.125–6.1875 (central 5.15625); long run 20 → 2.0625.
        // KC Fed: 10.3125/141 × 25, 57, 101 (compared to 10 decimal places).
        (
            "412.5",
            40,
            Buying,
            "10.3125",
            [
                ("-4.125", "-5.15625", "-6.1875", false),
                ("-2.0625", "-2.0625", "-2.0625", false),
                ("-1.8284574468", "-4.1688829787", "-7.3869680851", false),
            ],
        ),
        // Same flow selling: positive.
        (
            "412.5",
            40,
            Selling,
            "10.3125",
            [
                ("4.125", "5.15625", "6.1875", false),
                ("2.0625", "2.0625", "2.0625", false),
                ("1.8284574468", "4.1688829787", "7.3869680851", false),
            ],
        ),
        // $550 bn in one month: 5.5× Beltran's basis (beyond), 550/141 × KC (beyond).
        (
            "550",
            1,
            Buying,
            "550",
            [
                ("-220", "-275", "-330", true),
                ("-110", "-110", "-110", true),
                ("-97.5177304965", "-222.3404255319", "-393.9716312057", true),
            ],
        ),
        // Exactly the basis is not beyond.
        (
            "100",
            1,
            Selling,
            "100",
            [
                ("40", "50", "60", false),
                ("20", "20", "20", false),
                ("17.7304964539", "40.4255319149", "71.6312056738", false),
            ],
        ),
        (
            "0",
            12,
            Buying,
            "0",
            [
                ("0", "0", "0", false),
                ("0", "0", "0", false),
                ("0", "0", "0", false),
            ],
        ),
    ];
    for (amount, months, dir, monthly, want) in cases {
        let e = yield_effect(&YieldEffectInputs::new(bn(amount), months, dir).unwrap());
        assert_eq!(e.monthly_flow(), bn(monthly));
        assert_eq!(e.estimates().len(), 3);
        for (got, (lo, c, hi, beyond)) in e.estimates().iter().zip(want) {
            assert_eq!(
                (
                    r10(got.low_bp()),
                    r10(got.central_bp()),
                    r10(got.high_bp()),
                    got.beyond_measured()
                ),
                (d(lo), d(c), d(hi), beyond),
                "{amount} / {months} {dir:?} {}",
                got.id()
            );
        }
        assert_eq!(e.any_beyond_measured(), want.iter().any(|w| w.3));
    }
}

#[test]
fn estimates_are_the_papers() {
    let s = study_estimates();
    let ids: Vec<&str> = s.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        ["beltran-short-run", "beltran-long-run", "kcfed-survey"]
    );
    assert_eq!(s[0].basis, bn("100"));
    assert_eq!(s[2].basis, bn("141"));
    assert_eq!(
        (s[2].low_bp, s[2].central_bp, s[2].high_bp),
        (d("25"), d("57"), d("101"))
    );
    assert_eq!(s[0].sources, ["beltran-2012"]);
    assert_eq!(s[2].sources, ["kcfed-2025"]);
    assert!(illustration_note(fund_core::Lang::En).contains("not the papers"));
    assert!(illustration_note(fund_core::Lang::Ja).contains("論文の結論ではない"));
}

#[test]
fn input_refusals() {
    use FlowDirection::Buying;
    assert!(matches!(
        YieldEffectInputs::new(bn("1"), 0, Buying),
        Err(CoreError::OutOfRange {
            field: fund_core::Field::FlowMonths,
            ..
        })
    ));
    assert!(matches!(
        YieldEffectInputs::new(bn("1"), 121, Buying),
        Err(CoreError::OutOfRange {
            field: fund_core::Field::FlowMonths,
            ..
        })
    ));
    assert!(YieldEffectInputs::new(bn("1"), 120, Buying).is_ok());
    assert!(matches!(
        YieldEffectInputs::new(bn("-1"), 10, Buying),
        Err(CoreError::OutOfRange {
            field: fund_core::Field::FlowAmount,
            ..
        })
    ));
    assert!(YieldEffectInputs::new(bn("550.001"), 10, Buying).is_err());
    let def = YieldEffectInputs::default();
    assert_eq!(
        (def.amount(), def.months(), def.direction()),
        (bn("412.5"), 40, Buying)
    );
}
