//! Native benchmarks of the core: what one slider input costs before any chart is drawn.
//!
//! Run: `cargo bench -p fund-core --bench core` (optionally `-- FILTER`).

mod common;

use common::Bencher;
use fund_core::allocation::{allocate, waffle_squares};
use fund_core::framing::{builtin, FramingId};
use fund_core::model::{Model, Preset};
use fund_core::profit::{schedule, ProfitInputs};
use fund_core::scenario::Scenario;
use fund_core::yields::{yield_effect, FlowDirection, YieldEffectInputs};
use fund_core::Usd;
use rust_decimal::Decimal;

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// A model moved away from every default: what a reader who played with everything has.
fn moved_model() -> Model {
    let mut m = Model::default();
    m.set_treasuries(dec(725, 1)).expect("treasuries");
    m.set_direct(dec(2, 0)).expect("direct");
    m.set_remainder_split(dec(60, 0)).expect("split");
    m.set_usdjpy(dec(1450, 1)).expect("usdjpy");
    m.set_profit_cash_yield(dec(12, 0)).expect("cash yield");
    m.set_profit_horizon(30).expect("horizon");
    m.set_flow_months(24).expect("months");
    m
}

fn main() {
    let mut b = Bencher::new("fund-core");

    // Warm the framing cache so the first benchmark does not pay for parsing the JSON.
    let _ = builtin(FramingId::Article);

    let defaults = Model::default();
    b.bench("Model::derive (defaults)", || defaults.derive());

    let moved = moved_model();
    b.bench("Model::derive (after setters)", || moved.derive());

    let mut record = Model::default();
    record.set_framing(FramingId::Record).expect("framing");
    b.bench("Model::derive (record framing)", || record.derive());

    // One slider input as the app handles it: clone the model, validate and set, derive.
    let mut i: i64 = 0;
    b.bench("slider input: set_treasuries + derive", || {
        i += 1;
        let mut m = defaults.clone();
        // 70.0 … 80.0 in 0.5 steps, a new value every time.
        let v = dec(700 + 5 * (i % 21), 1);
        m.set_treasuries(v).expect("valid treasuries");
        m.derive()
    });

    b.bench("setter sequence (7 setters) + derive", || {
        moved_model().derive()
    });

    let mut p: usize = 0;
    b.bench("apply_preset + derive", || {
        p += 1;
        let mut m = defaults.clone();
        m.apply_preset(Preset::ALL[p % 3]).expect("preset");
        m.derive()
    });

    for id in FramingId::ALL {
        let framing = builtin(id);
        let scenario = Scenario::defaults(framing);
        b.bench(&format!("allocate ({})", id.as_str()), || {
            allocate(framing, &scenario)
        });
    }

    let framing = builtin(FramingId::Article);
    let allocation = allocate(framing, &Scenario::defaults(framing));
    b.bench("waffle_squares", || waffle_squares(&allocation));

    b.bench("builtin(framing) (cached clone)", || {
        builtin(FramingId::Article)
    });

    let profit30 = ProfitInputs::default().with_horizon(30).expect("30 years");
    b.bench("profit::schedule (30 years)", || schedule(&profit30));
    let profit50 = ProfitInputs::default().with_horizon(50).expect("50 years");
    b.bench("profit::schedule (50 years)", || schedule(&profit50));

    let flow = YieldEffectInputs::new(Usd::billions(dec(4125, 1)), 40, FlowDirection::Buying)
        .expect("flow");
    b.bench("yields::yield_effect", || yield_effect(&flow));
}
