use fund_core::profit::{schedule, Phase, ProfitInputs, DEFAULT_BENCHMARK};
use fund_core::{CoreError, Usd};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}
fn usd(s: &str) -> Usd {
    Usd::new(d(s))
}
fn inputs(p: &str, y: &str, bench: &str, spread: &str, years: u32) -> ProfitInputs {
    ProfitInputs::new(usd(p), d(y), d(bench), d(spread), years).unwrap()
}

/// (year, to Japan, to US, balance end, phase) rows to check.
type Row = (u32, &'static str, &'static str, &'static str, Phase);

/// (inputs, made-whole year, total to Japan, total to US, rows)
type Case = (
    ProfitInputs,
    Option<u32>,
    &'static str,
    &'static str,
    Vec<Row>,
);

#[test]
fn hand_computed_schedules() {
    use Phase::*;
    // (inputs, made whole, total Japan, total US, rows)
    let cases: Vec<Case> = vec![
        // 100 at 10%, deemed 0%: C = 10, Japan 5/yr, B 100 → 95 → … → 5 → 0 in year 20.
        // Years 21–22 split 90/10: Japan 1, US 9. Japan 20×5 + 2×1 = 102; US 100 + 18 = 118.
        (
            inputs("100", "10", "0", "0", 22),
            Some(20),
            "102",
            "118",
            vec![
                (1, "5", "5", "95", Recouping),
                (19, "5", "5", "5", Recouping),
                (20, "5", "5", "0", Crossover),
                (21, "1", "9", "0", AfterRecovery),
                (22, "1", "9", "0", AfterRecovery),
            ],
        ),
        // Deemed 5% (4 + 1): year 1 B = 100 + 5 = 105, Japan's 5 → 100; the same every year,
        // so Japan is never made whole. 30 years: Japan 150, US 150.
        (
            inputs("100", "10", "4", "1", 30),
            None,
            "150",
            "150",
            vec![
                (1, "5", "5", "100", Recouping),
                (30, "5", "5", "100", Recouping),
            ],
        ),
        // 100 at 30%, deemed 0%: C = 30, half 15; B 85, 70, 55, 40, 25, 10.
        // Year 7: half 15 > B 10, so 2B = 20 splits 10/10 and the other 10 splits 9 US / 1 Japan:
        // Japan 11, US 19. Year 8: Japan 3, US 27. Japan 6×15 + 11 + 3 = 104; US 90 + 19 + 27 = 136.
        (
            inputs("100", "30", "0", "0", 8),
            Some(7),
            "104",
            "136",
            vec![
                (6, "15", "15", "10", Recouping),
                (7, "11", "19", "0", Crossover),
                (8, "3", "27", "0", AfterRecovery),
            ],
        ),
        // 1000 at 12%, deemed 2%: C = 120, half 60.
        // Y1: B 1000 + 20 = 1020 − 60 = 960. Y2: 960 + 19.20 = 979.20 − 60 = 919.20.
        (
            inputs("1000", "12", "1.5", "0.5", 2),
            None,
            "120",
            "120",
            vec![
                (1, "60", "60", "960", Recouping),
                (2, "60", "60", "919.2", Recouping),
            ],
        ),
        // Cents: 0.03 at 50%: C = 0.015 → 0.02 (half away from zero); half 0.01, B 0.03 → 0.02 → 0.01 → 0.
        // Japan 3 × 0.01 + 0 = 0.03; US 3 × 0.01 + 0.02 = 0.05.
        (
            inputs("0.03", "50", "0", "0", 4),
            Some(3),
            "0.03",
            "0.05",
            vec![
                (1, "0.01", "0.01", "0.02", Recouping),
                (3, "0.01", "0.01", "0", Crossover),
                // After: 10% of 0.02 = 0.002 → 0.00 to Japan, 0.02 to the US.
                (4, "0", "0.02", "0", AfterRecovery),
            ],
        ),
    ];
    for (inp, whole, tj, tu, rows) in cases {
        let s = schedule(&inp);
        assert_eq!(s.made_whole_year(), whole, "{inp:?}");
        assert_eq!(s.years().len() as u32, inp.horizon_years());
        assert_eq!(
            (s.total_japan(), s.total_us()),
            (usd(tj), usd(tu)),
            "{inp:?}"
        );
        assert_eq!(s.total_cash(), s.total_japan() + s.total_us());
        for (year, j, u, b, phase) in rows {
            let y = &s.years()[year as usize - 1];
            assert_eq!(y.year(), year);
            assert_eq!(
                (y.to_japan(), y.to_us(), y.balance_end(), y.phase()),
                (usd(j), usd(u), usd(b), phase),
                "{inp:?} year {year}"
            );
            assert_eq!(y.to_japan() + y.to_us(), y.cash());
        }
    }
}

#[test]
fn interest_and_cumulative_columns() {
    // 1000 at 12%, deemed 2%: year 2 starts at 960, accrues 19.20.
    let s = schedule(&inputs("1000", "12", "1.5", "0.5", 3));
    let y2 = &s.years()[1];
    assert_eq!(y2.balance_start(), usd("960"));
    assert_eq!(y2.interest_accrued(), usd("19.2"));
    assert_eq!(y2.cumulative_japan(), usd("120"));
    assert_eq!(y2.cumulative_us(), usd("120"));
    assert_eq!(y2.cash(), usd("120"));
}

#[test]
fn defaults() {
    let p = ProfitInputs::default();
    assert_eq!(p.principal(), usd("10000000000"));
    assert_eq!(p.cash_yield_pct(), d("15"));
    assert_eq!(p.benchmark_pct(), d("4.136"));
    assert_eq!(DEFAULT_BENCHMARK, d("4.136"));
    assert_eq!(p.deemed_rate_pct(), d("5.136"));
    assert_eq!(p.horizon_years(), 30);
    // $10 bn at 15%: C = $1.5 bn, Japan's half $750 m; year 1 interest 5.136% of $10 bn = $513.6 m,
    // so the balance falls by $236.4 m to $9,763.6 m. The balance follows
    // B_t = K + (10,000 − K)·1.05136^t with K = 750/0.05136 ≈ 14,602.8 ($ m), which reaches Japan's
    // half within year 24 (1.05136^23 ≈ 3.16 < 14,602.8/4,602.8 ≈ 3.17 < 1.05136^24).
    let s = schedule(&p);
    assert_eq!(s.years()[0].interest_accrued(), usd("513600000"));
    assert_eq!(s.years()[0].balance_end(), usd("9763600000"));
    assert_eq!(s.made_whole_year(), Some(24));
}

#[test]
fn refusals_name_the_field() {
    let ok = || ProfitInputs::default();
    use fund_core::Field;
    let cases: Vec<(Result<ProfitInputs, CoreError>, Field)> = vec![
        (ok().with_principal(Usd::ZERO), Field::Principal),
        (
            ok().with_principal(usd("550000000000.01")),
            Field::Principal,
        ),
        (ok().with_cash_yield(d("-0.1")), Field::CashYield),
        (ok().with_cash_yield(d("50.01")), Field::CashYield),
        (ok().with_benchmark(d("20.5")), Field::Benchmark),
        (ok().with_spread(d("-1")), Field::Spread),
        (ok().with_horizon(0), Field::Horizon),
        (ok().with_horizon(51), Field::Horizon),
    ];
    for (r, field) in cases {
        match r {
            Err(CoreError::OutOfRange { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field:?}: {other:?}"),
        }
    }
    assert!(ok().with_principal(usd("550000000000")).is_ok());
    assert!(ok().with_horizon(50).is_ok());
    assert!(matches!(
        ok().with_principal(usd("1.001")),
        Err(CoreError::TooManyDecimals { .. })
    ));
    let e = ok().with_benchmark(d("21")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The benchmark rate (%) is 21, but it must be between 0 and 20."
    );
}

proptest! {
    #[test]
    fn every_year_adds_up_and_balance_never_negative(
        cents in 1i64..=55_000_000_000_000,
        y in 0u32..=5000, b in 0u32..=2000, s in 0u32..=2000, h in 1u32..=50,
    ) {
        let inp = ProfitInputs::new(
            Usd::new(Decimal::new(cents, 2)),
            Decimal::new(y.into(), 2),
            Decimal::new(b.into(), 2),
            Decimal::new(s.into(), 2),
            h,
        ).unwrap();
        let sch = schedule(&inp);
        let mut whole_seen = false;
        for yr in sch.years() {
            prop_assert_eq!(yr.to_japan() + yr.to_us(), yr.cash());
            prop_assert!(yr.to_japan().dollars() >= Decimal::ZERO && yr.to_us().dollars() >= Decimal::ZERO);
            prop_assert!(yr.balance_end().dollars() >= Decimal::ZERO);
            prop_assert!(yr.to_japan().dollars().scale() <= 2);
            if whole_seen { prop_assert_eq!(yr.phase(), Phase::AfterRecovery); }
            if yr.balance_end().dollars().is_zero() { whole_seen = true; }
        }
        prop_assert_eq!(sch.made_whole_year().is_some(), whole_seen);
    }
}
