//! The logic of the fuzz targets, as plain functions, so that they run both
//! under libFuzzer (`fuzz_targets/*.rs`, nightly `cargo fuzz`) and on stable
//! (`tests/smoke.rs` runs them over a generated corpus and replays files).
//!
//! Each function panics (so the fuzzer reports a crash) when a property is
//! broken; the core itself must never panic on any input.

use fund_core::framing::{builtin, FramingId};
use fund_core::model::{Model, Preset};
use fund_core::params::{param_names, parse, to_query, EXCERPT_CHARS};
use fund_core::scenario::Scenario;
use fund_core::yields::FlowDirection;
use fund_core::Usd;
use rust_decimal::Decimal;
use std::str::FromStr;

pub mod corpus;

/// How many steps the targets pretend the page has.
pub const STEP_COUNT: usize = 12;

/// The embed slugs the targets pretend the page has.
pub const EMBED_SLUGS: &[&str] = &["waffle", "allocation", "income", "profit", "yield-effect"];

/// Separates the parts of a structured input (see [`url_state`] and [`scenario`]).
pub const SEP: u8 = 0xFF;

/// The fund's total: $550 billion.
fn fund_total() -> Usd {
    Usd::new(Decimal::from(550_000_000_000u64))
}

/// Checks everything derived from `model` adds up exactly.
pub fn check_model(model: &Model) {
    let x = model.derive();
    for alloc in [x.allocation(), x.other_allocation()] {
        assert_eq!(alloc.total(), fund_total(), "allocation total");
        let sum = alloc
            .rows()
            .iter()
            .try_fold(Usd::ZERO, |acc, r| acc.checked_add(r.amount()))
            .expect("sum fits");
        assert_eq!(sum, fund_total(), "allocation rows add up to $550 bn");
    }
    let share_sum: Decimal = x.scenario().iter().map(|(_, s)| s.percent()).sum();
    assert_eq!(share_sum, Decimal::ONE_HUNDRED, "scenario adds up to 100%");
    assert_eq!(
        x.waffle().iter().sum::<usize>(),
        100,
        "waffle has 100 squares"
    );
}

/// Checks one parse: notices are short and clean, and the state survives a
/// `to_query` / `parse` round trip unchanged and without notices.
fn check_parse(query: &str) {
    let names = param_names();
    let (state, notices) = parse(query, STEP_COUNT, EMBED_SLUGS);
    for n in &notices {
        assert!(
            names.iter().any(|k| k == n.param()),
            "notice names a known parameter"
        );
        let ex = n.value_excerpt();
        assert!(
            ex.chars().count() <= EXCERPT_CHARS,
            "excerpt is short: {ex:?}"
        );
        assert!(
            !ex.chars()
                .any(|c| c.is_control() || "<>\"'`&“”".contains(c)),
            "excerpt is clean: {ex:?}"
        );
        let text = n.to_string();
        assert!(
            !text.contains('<') && !text.contains('>'),
            "notice has no markup: {text:?}"
        );
    }
    let q = to_query(&state);
    let (again, notices) = parse(&q, STEP_COUNT, EMBED_SLUGS);
    assert!(notices.is_empty(), "round trip gives no notice: {q}");
    assert_eq!(again, state, "round trip keeps the state: {q}");
    assert_eq!(to_query(&again), q, "writing is stable");
    assert!(state.step() < STEP_COUNT);
    check_model(state.model());
}

/// The `url_state` target: `data` as a lossy UTF-8 query string; and, as a
/// structured input, parts separated by [`SEP`] whose first byte picks a
/// known parameter name and whose rest is its value, serialized properly.
pub fn url_state(data: &[u8]) {
    check_parse(&String::from_utf8_lossy(data));
    let names = param_names();
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for part in data.split(|b| *b == SEP) {
        let Some((first, value)) = part.split_first() else {
            continue;
        };
        let value = String::from_utf8_lossy(value);
        match names.get(usize::from(*first) % (names.len() + 1)) {
            Some(name) => ser.append_pair(name, &value),
            // Now and then an unknown name.
            None => ser.append_pair(&value, &value),
        };
    }
    check_parse(&ser.finish());
}

fn decimal(bytes: &[u8]) -> Option<Decimal> {
    let s = String::from_utf8_lossy(bytes);
    // Both parsers must cope with anything; keep whichever reads it.
    let exact = Decimal::from_str_exact(&s).ok();
    let lenient = Decimal::from_str(&s).ok();
    exact.or(lenient)
}

fn whole(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(*b))
    }) % 200
}

/// The `scenario` target: parts separated by [`SEP`], each an opcode byte
/// and a decimal string, applied to a [`Model`] through its setters (each
/// refusal must leave the model unchanged) and to [`Scenario::new`]; after
/// each step everything derived must add up to exactly $550 billion.
pub fn scenario(data: &[u8]) {
    let mut model = Model::default();
    let mut shares: Vec<Decimal> = Vec::new();
    let buckets: Vec<String> = FramingId::ALL
        .iter()
        .flat_map(|id| {
            builtin(*id)
                .buckets()
                .iter()
                .map(|b| b.id().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for part in data.split(|b| *b == SEP) {
        let Some((op, rest)) = part.split_first() else {
            continue;
        };
        let before = model.clone();
        let value = decimal(rest);
        let billion = Decimal::from(1_000_000_000u64);
        let result = match (op % 20, value) {
            (0, _) => model.set_framing(FramingId::Article),
            (1, _) => model.set_framing(FramingId::Record),
            (2, Some(v)) => model.set_treasuries(v),
            (3, Some(v)) => model.set_direct(v),
            (4, Some(v)) => model.set_remainder_split(v),
            (5, Some(v)) => model.set_usdjpy(v),
            (6, Some(v)) => {
                let bucket = buckets
                    .get(rest.first().map(|b| usize::from(*b)).unwrap_or(0) % buckets.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                model.set_yield(&bucket, v)
            }
            (7, Some(v)) => match v.checked_mul(billion) {
                Some(d) => model.set_profit_principal(Usd::new(d)),
                None => Ok(()),
            },
            (8, Some(v)) => model.set_profit_cash_yield(v),
            (9, Some(v)) => model.set_profit_benchmark(v),
            (10, Some(v)) => model.set_profit_spread(v),
            (11, _) => model.set_profit_horizon(whole(rest)),
            (12, Some(v)) => match v.checked_mul(billion) {
                Some(d) => model.set_flow_amount(Usd::new(d)),
                None => Ok(()),
            },
            (13, _) => model.set_flow_months(whole(rest)),
            (14, _) => model.set_flow_direction(if whole(rest).is_multiple_of(2) {
                FlowDirection::Buying
            } else {
                FlowDirection::Selling
            }),
            (15, _) => model.set_flow_follows_treasuries(whole(rest).is_multiple_of(2)),
            (16, _) => model.set_step(whole(rest) as usize, STEP_COUNT),
            (17, _) => model.apply_preset(Preset::ALL[whole(rest) as usize % 3]),
            (18, Some(v)) => {
                shares.push(v);
                Ok(())
            }
            (19, Some(v)) => {
                let mut inputs = model.inputs_for(FramingId::Record);
                inputs.direct = v;
                model.set_inputs_for(FramingId::Record, inputs)
            }
            _ => Ok(()),
        };
        if result.is_err() {
            assert_eq!(model, before, "a refused value leaves the model unchanged");
        }
        check_model(&model);
    }
    // Scenario::new with the collected shares, bucket by bucket.
    for id in FramingId::ALL {
        let framing = builtin(id);
        let pairs: Vec<(&str, Decimal)> = framing
            .buckets()
            .iter()
            .zip(shares.iter())
            .map(|(b, v)| (b.id(), *v))
            .collect();
        if let Ok(s) = Scenario::new(&framing, &pairs) {
            let sum: Decimal = s.iter().map(|(_, s)| s.percent()).sum();
            assert_eq!(sum, Decimal::ONE_HUNDRED, "a scenario adds up to 100%");
            let alloc = fund_core::allocation::allocate(&framing, &s);
            assert_eq!(alloc.total(), fund_total());
            let rows: Usd = alloc.rows().iter().map(|r| r.amount()).sum();
            assert_eq!(
                rows,
                fund_total(),
                "a scenario's allocation adds up to $550 bn"
            );
        }
    }
}
