use fund_core::framing::FramingId;
use fund_core::model::{Model, Preset};
use fund_core::yields::FlowDirection;
use fund_core::{CoreError, Usd};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn bn(s: &str) -> Usd {
    Usd::new(d(s) * d("1000000000"))
}
fn amounts(m: &Model) -> Vec<Usd> {
    m.derive()
        .allocation()
        .rows()
        .iter()
        .map(|r| r.amount())
        .collect()
}

#[test]
fn default_is_article_mid() {
    let m = Model::default();
    let x = m.derive();
    assert_eq!(x.framing().id(), FramingId::Article);
    assert_eq!(
        amounts(&m),
        vec![bn("412.5"), bn("64.625"), bn("64.625"), bn("8.25")]
    );
    assert_eq!(x.waffle(), [75, 12, 12, 1]);
    assert_eq!(x.other_allocation().framing(), FramingId::Record);
    assert_eq!(x.other_allocation().rows().len(), 3);
    assert!(x.range_flags().is_empty());
    assert!(!x.usdjpy_outside_2025());
    // The flow follows the Treasuries part: $412.5 bn over 40 months.
    assert_eq!(x.yield_effect().monthly_flow(), Usd::new(d("10312500000")));
    assert_eq!(x.profit().years().len(), 30);
    assert_eq!(x.income().total(), bn("21.336"));
    assert_eq!(x.step(), 0);
}

#[test]
fn presets_table() {
    // (framing, preset, expected amounts in $ bn)
    let cases = [
        (
            FramingId::Article,
            Preset::Low,
            vec!["385", "79.75", "79.75", "5.5"],
        ),
        (
            FramingId::Article,
            Preset::Mid,
            vec!["412.5", "64.625", "64.625", "8.25"],
        ),
        (
            FramingId::Article,
            Preset::High,
            vec!["440", "49.5", "49.5", "11"],
        ),
        (
            FramingId::Record,
            Preset::Low,
            vec!["5.5", "272.25", "272.25"],
        ),
        (
            FramingId::Record,
            Preset::High,
            vec!["11", "269.5", "269.5"],
        ),
    ];
    for (fid, p, want) in cases {
        let mut m = Model::default();
        m.set_framing(fid).unwrap();
        m.apply_preset(p).unwrap();
        let want: Vec<Usd> = want.iter().map(|w| bn(w)).collect();
        assert_eq!(amounts(&m), want, "{fid} {p:?}");
    }
    // The split is kept.
    let mut m = Model::default();
    m.set_remainder_split(d("100")).unwrap();
    m.apply_preset(Preset::Low).unwrap();
    assert_eq!(
        amounts(&m),
        vec![bn("385"), bn("159.5"), bn("0"), bn("5.5")]
    );
}

#[test]
fn refused_setters_keep_state() {
    let mut m = Model::default();
    m.set_treasuries(d("80")).unwrap();
    let before = m.clone();
    let e = m.set_direct(d("21")).unwrap_err();
    assert!(matches!(e, CoreError::SharesExceedWhole { ref bucket, .. } if bucket == "direct"));
    assert_eq!(
        e.to_string(),
        "“Direct equity and joint ventures” at 21% together with “US Treasury bonds and bills” at 80% makes 101%, more than the whole fund (100%)."
    );
    let e = m.set_treasuries(d("99")).unwrap_err();
    assert!(matches!(e, CoreError::SharesExceedWhole { ref bucket, .. } if bucket == "treasuries"));
    assert!(m.set_remainder_split(d("-1")).is_err());
    assert!(m.set_usdjpy(d("501")).is_err());
    assert!(m.set_yield("treasuries", d("26")).is_err());
    assert!(m.set_yield("loans", d("5")).is_err());
    assert!(m.set_profit_principal(Usd::ZERO).is_err());
    assert!(m.set_profit_cash_yield(d("50.5")).is_err());
    assert!(m.set_profit_benchmark(d("21")).is_err());
    assert!(m.set_profit_spread(d("-1")).is_err());
    assert!(m.set_profit_horizon(51).is_err());
    assert!(m.set_flow_months(0).is_err());
    assert!(m.set_flow_amount(bn("551")).is_err());
    assert_eq!(
        m.set_step(5, 5),
        Err(CoreError::StepOutOfRange { step: 5, count: 5 })
    );
    assert_eq!(m, before);
}

#[test]
fn setters_change_derived() {
    let mut m = Model::default();
    m.set_usdjpy(d("200")).unwrap();
    assert!(m.derive().usdjpy_outside_2025());
    assert_eq!(m.derive().yen()[0].1.yen(), d("82500000000000")); // 412.5 bn × 200
    m.set_direct(d("5")).unwrap();
    assert_eq!(m.derive().range_flags().len(), 1);
    m.set_step(3, 10).unwrap();
    assert_eq!(m.derive().step(), 3);

    // Each framing keeps its own inputs.
    m.set_framing(FramingId::Record).unwrap();
    assert_eq!(amounts(&m), vec![bn("8.25"), bn("270.875"), bn("270.875")]);
    m.set_direct(d("2")).unwrap();
    let x = m.derive();
    assert_eq!(
        x.other_allocation().row("direct").unwrap().amount(),
        bn("27.5")
    );
    // The record framing puts nothing in Treasuries, so the following flow is $0.
    assert_eq!(x.scale().treasuries_amount(), Usd::ZERO);
    assert_eq!(x.yield_effect().monthly_flow(), Usd::ZERO);
    // Treasuries are ignored in the record framing but still must be a share.
    assert!(m.set_treasuries(d("90")).is_ok());
    assert!(m.set_treasuries(d("101")).is_err());
    m.set_framing(FramingId::Article).unwrap();
    assert_eq!(
        m.derive().allocation().row("treasuries").unwrap().amount(),
        bn("412.5")
    );

    m.set_flow_amount(bn("100")).unwrap();
    m.set_flow_months(1).unwrap();
    m.set_flow_direction(FlowDirection::Selling).unwrap();
    let x = m.derive();
    let e = &x.yield_effect().estimates()[0];
    assert_eq!((e.low_bp(), e.high_bp()), (d("40"), d("60")));
    m.set_profit_horizon(5).unwrap();
    assert_eq!(m.derive().profit().years().len(), 5);

    m.reset();
    assert_eq!(m, Model::default());
}

#[test]
fn derived_serialises() {
    let json = serde_json::to_string(&Model::default().derive()).unwrap();
    assert!(json.contains("\"treasuries\""));
    assert!(json.contains("412500000000"));
}

/// Any decimal, including huge, tiny, negative and many-digit ones.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(n, s)| Decimal::new(n, s)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(l, m, h, neg, s)| Decimal::from_parts(l, m, h, neg, s)),
        (-200i64..=20_000, 0u32..=3).prop_map(|(n, s)| Decimal::new(n, s)),
        "[-0-9.eE]{1,30}".prop_map(|s| Decimal::from_str(&s)
            .or_else(|_| Decimal::from_scientific(&s))
            .unwrap_or(Decimal::ZERO)),
    ]
}

#[derive(Debug, Clone)]
enum Op {
    Treasuries(Decimal),
    Direct(Decimal),
    Split(Decimal),
    UsdJpy(Decimal),
    Yield(usize, Decimal),
    Framing(bool),
    Preset(usize),
    Principal(Decimal),
    CashYield(Decimal),
    Benchmark(Decimal),
    Spread(Decimal),
    Horizon(u32),
    FlowAmount(Decimal),
    FlowMonths(u32),
    Step(usize, usize),
    Reset,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any_decimal().prop_map(Op::Treasuries),
        any_decimal().prop_map(Op::Direct),
        any_decimal().prop_map(Op::Split),
        any_decimal().prop_map(Op::UsdJpy),
        (0usize..6, any_decimal()).prop_map(|(i, v)| Op::Yield(i, v)),
        any::<bool>().prop_map(Op::Framing),
        (0usize..3).prop_map(Op::Preset),
        any_decimal().prop_map(Op::Principal),
        any_decimal().prop_map(Op::CashYield),
        any_decimal().prop_map(Op::Benchmark),
        any_decimal().prop_map(Op::Spread),
        any::<u32>().prop_map(Op::Horizon),
        any_decimal().prop_map(Op::FlowAmount),
        any::<u32>().prop_map(Op::FlowMonths),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Step(a, b)),
        Just(Op::Reset),
    ]
}

const BUCKETS: [&str; 6] = [
    "treasuries",
    "direct",
    "agency-mbs",
    "loans",
    "guarantees",
    "nope",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_setter_sequence_keeps_derive_exact(ops in proptest::collection::vec(op(), 0..25)) {
        let mut m = Model::default();
        for o in ops {
            let before = m.clone();
            let r = match o {
                Op::Treasuries(v) => m.set_treasuries(v),
                Op::Direct(v) => m.set_direct(v),
                Op::Split(v) => m.set_remainder_split(v),
                Op::UsdJpy(v) => m.set_usdjpy(v),
                Op::Yield(i, v) => m.set_yield(BUCKETS[i], v),
                Op::Framing(r) => m.set_framing(if r { FramingId::Record } else { FramingId::Article }),
                Op::Preset(i) => m.apply_preset(Preset::ALL[i]),
                Op::Principal(v) => m.set_profit_principal(Usd::new(v)),
                Op::CashYield(v) => m.set_profit_cash_yield(v),
                Op::Benchmark(v) => m.set_profit_benchmark(v),
                Op::Spread(v) => m.set_profit_spread(v),
                Op::Horizon(v) => m.set_profit_horizon(v),
                Op::FlowAmount(v) => m.set_flow_amount(Usd::new(v)),
                Op::FlowMonths(v) => m.set_flow_months(v),
                Op::Step(a, b) => m.set_step(a, b),
                Op::Reset => { m.reset(); Ok(()) }
            };
            if let Err(e) = r {
                prop_assert_eq!(&m, &before, "refused setter changed state: {}", e);
                prop_assert!(!e.to_string().is_empty());
            }
        }
        let x = m.derive();
        let total: Usd = x.allocation().rows().iter().map(|r| r.amount()).sum();
        prop_assert_eq!(total, bn("550"));
        let other: Usd = x.other_allocation().rows().iter().map(|r| r.amount()).sum();
        prop_assert_eq!(other, bn("550"));
        prop_assert_eq!(x.waffle().iter().sum::<usize>(), 100);
        for y in x.profit().years() {
            prop_assert_eq!(y.to_japan() + y.to_us(), y.cash());
        }
    }
}

proptest! {
    /// Deriving after an earlier derivation (which the page does on every input, to reuse the
    /// profit schedule) gives exactly what deriving afresh gives, whatever came before.
    #[test]
    fn deriving_after_an_earlier_state_equals_deriving_afresh(
        t in 0u32..=100,
        years_before in 1u32..=50,
        years in 1u32..=50,
        yield_before in 0u32..=20,
        record in any::<bool>(),
    ) {
        let mut before = Model::default();
        before.set_profit_horizon(years_before).unwrap();
        before.set_profit_cash_yield(Decimal::from(yield_before)).unwrap();
        let prev = before.derive();
        let mut m = before.clone();
        let _ = m.set_treasuries(Decimal::from(t));
        m.set_profit_horizon(years).unwrap();
        if record {
            m.set_framing(FramingId::Record).unwrap();
        }
        prop_assert_eq!(m.derive_after(Some(&prev)), m.derive());
        prop_assert_eq!(m.derive_after(None), m.derive());
    }
}
