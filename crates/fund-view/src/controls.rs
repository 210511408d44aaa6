//! The reader's number controls as plain data: what each one is called, what its hint says, its
//! range, its value and what a screen reader hears, in the reader's language, for any model.
//!
//! The prerendered page draws the controls from these values, and the browser keeps them up to
//! date from the same functions, so a label never exists twice. Every value a reader sets goes
//! through [`ControlKey::apply`], which uses the core's validating setters.

use crate::input::{billions, whole};
use crate::views::Views;
use fund_core::framing::{builtin, BucketRole, FramingId};
use fund_core::model::Model;
use fund_core::params::ControlsParam;
use fund_core::{format, msg, Lang};
use rust_decimal::Decimal;

/// Which number a control sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlKey {
    /// The Treasuries share of the current framing.
    Treasuries,
    /// The direct-investment share.
    Direct,
    /// The split of the rest between the two remainder buckets.
    Split,
    /// Yen per dollar.
    UsdJpy,
    /// The yield of bucket number `usize` of a framing.
    Yield(FramingId, usize),
    /// One project's principal, $ billion.
    ProfitPrincipal,
    /// The project's cash yield.
    ProfitYield,
    /// The deemed interest's benchmark.
    ProfitBenchmark,
    /// The deemed interest's spread.
    ProfitSpread,
    /// Years shown.
    ProfitYears,
    /// The flow of Treasuries, $ billion.
    FlowAmount,
    /// Months the flow is spread over.
    FlowMonths,
}

impl ControlKey {
    /// The allocation's three controls.
    pub const ALLOCATION: [ControlKey; 3] = [
        ControlKey::Treasuries,
        ControlKey::Direct,
        ControlKey::Split,
    ];
    /// The profit split's controls.
    pub const PROFIT: [ControlKey; 5] = [
        ControlKey::ProfitPrincipal,
        ControlKey::ProfitYield,
        ControlKey::ProfitBenchmark,
        ControlKey::ProfitSpread,
        ControlKey::ProfitYears,
    ];
    /// The yield illustration's number controls.
    pub const FLOW: [ControlKey; 2] = [ControlKey::FlowAmount, ControlKey::FlowMonths];

    /// Every number control of the page, both framings' yields included.
    pub fn all() -> Vec<ControlKey> {
        let mut out: Vec<ControlKey> = ControlKey::ALLOCATION.to_vec();
        out.push(ControlKey::UsdJpy);
        out.extend(yield_keys(FramingId::Article));
        out.extend(yield_keys(FramingId::Record));
        out.extend(ControlKey::PROFIT);
        out.extend(ControlKey::FLOW);
        out
    }

    /// The stable slug used in ids and test hooks: `treasuries`, `yield-loans`, `profit-years`.
    pub fn slug(self) -> String {
        match self {
            ControlKey::Treasuries => "treasuries".into(),
            ControlKey::Direct => "direct".into(),
            ControlKey::Split => "remainder-split".into(),
            ControlKey::UsdJpy => "usdjpy".into(),
            ControlKey::Yield(f, i) => format!(
                "yield-{}",
                builtin(f)
                    .buckets()
                    .get(i)
                    .map(|b| b.id())
                    .unwrap_or("unknown")
            ),
            ControlKey::ProfitPrincipal => "profit-principal".into(),
            ControlKey::ProfitYield => "profit-yield".into(),
            ControlKey::ProfitBenchmark => "profit-benchmark".into(),
            ControlKey::ProfitSpread => "profit-spread".into(),
            ControlKey::ProfitYears => "profit-years".into(),
            ControlKey::FlowAmount => "flow-amount".into(),
            ControlKey::FlowMonths => "flow-months".into(),
        }
    }

    /// Reads a slug back; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<ControlKey> {
        ControlKey::all().into_iter().find(|k| k.slug() == slug)
    }

    /// Whether the control has a slider (besides its box).
    pub fn has_slider(self) -> bool {
        matches!(
            self,
            ControlKey::Treasuries
                | ControlKey::Direct
                | ControlKey::Split
                | ControlKey::ProfitYield
                | ControlKey::FlowMonths
        )
    }

    /// The slider's test hook, `slider-<slug>`, or, for a box alone, the box's, `input-<slug>`.
    pub fn testid(self) -> String {
        if self.has_slider() {
            format!("slider-{}", self.slug())
        } else {
            format!("input-{}", self.slug())
        }
    }

    /// The framing whose yields this control sets, if it is a yield.
    pub fn yield_framing(self) -> Option<FramingId> {
        match self {
            ControlKey::Yield(f, _) => Some(f),
            _ => None,
        }
    }

    /// `(min, max, step)` of the slider and box.
    pub fn range(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ControlKey::Treasuries | ControlKey::Split => ("0", "100", "0.5"),
            ControlKey::Direct => ("0", "100", "0.1"),
            ControlKey::UsdJpy => ("50", "500", "0.1"),
            ControlKey::Yield(..) => ("0", "25", "0.05"),
            ControlKey::ProfitPrincipal => ("0", "550", "0.1"),
            ControlKey::ProfitYield => ("0", "30", "0.5"),
            ControlKey::ProfitBenchmark => ("0", "20", "0.01"),
            ControlKey::ProfitSpread => ("0", "20", "0.05"),
            ControlKey::ProfitYears => ("1", "50", "1"),
            ControlKey::FlowAmount => ("0", "550", "0.5"),
            ControlKey::FlowMonths => ("1", "120", "1"),
        }
    }

    /// Sets the control's number on `model` through the core's validating setters; the refusal,
    /// in `lang`, if the value cannot be used (the model is then unchanged).
    pub fn apply(self, model: &mut Model, v: Decimal, lang: Lang) -> Result<(), String> {
        let core = |r: Result<(), fund_core::CoreError>| r.map_err(|e| e.message(lang));
        let mut candidate = model.clone();
        match self {
            ControlKey::Treasuries => core(candidate.set_treasuries(v))?,
            ControlKey::Direct => core(candidate.set_direct(v))?,
            ControlKey::Split => core(candidate.set_remainder_split(v))?,
            ControlKey::UsdJpy => core(candidate.set_usdjpy(v))?,
            ControlKey::Yield(f, i) => {
                let bucket = builtin(f).buckets().get(i).map(|b| b.id()).unwrap_or("");
                core(candidate.set_yield_for(f, bucket, v))?
            }
            ControlKey::ProfitPrincipal => {
                let amount = billions(v, lang)?;
                core(candidate.set_profit_principal(amount))?
            }
            ControlKey::ProfitYield => core(candidate.set_profit_cash_yield(v))?,
            ControlKey::ProfitBenchmark => core(candidate.set_profit_benchmark(v))?,
            ControlKey::ProfitSpread => core(candidate.set_profit_spread(v))?,
            ControlKey::ProfitYears => {
                let years = whole(v, lang)?;
                core(candidate.set_profit_horizon(years))?
            }
            ControlKey::FlowAmount => {
                let amount = billions(v, lang)?;
                core(candidate.set_flow_amount(amount))?
            }
            ControlKey::FlowMonths => {
                let months = whole(v, lang)?;
                core(candidate.set_flow_months(months))?
            }
        }
        *model = candidate;
        Ok(())
    }
}

/// The yield controls of a framing, one per bucket.
pub fn yield_keys(f: FramingId) -> Vec<ControlKey> {
    (0..builtin(f).buckets().len())
        .map(|i| ControlKey::Yield(f, i))
        .collect()
}

/// A number control as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberControl {
    /// Which control.
    pub key: ControlKey,
    /// Its visible label.
    pub label: String,
    /// The hint under the label (units, default, source or "Assumption: …").
    pub hint: String,
    /// The current value, as the box shows it.
    pub value: Decimal,
    /// Whether the control does nothing in the current framing.
    pub disabled: bool,
    /// What a screen reader says for the slider's value, if more than the number.
    pub valuetext: Option<String>,
}

fn label_of(f: FramingId, role: BucketRole, lang: Lang) -> String {
    builtin(f)
        .bucket_by_role(role)
        .map(|b| b.label(lang).to_string())
        .unwrap_or_default()
}

fn range_hint(f: FramingId, role: BucketRole, lang: Lang) -> String {
    let framing = builtin(f);
    match framing.bucket_by_role(role).and_then(|b| b.range()) {
        Some(r) => {
            let range = format::percent_range(r.low().percent(), r.high().percent(), lang);
            match f {
                FramingId::Article => msg::controls::range_article(lang, &range),
                FramingId::Record => msg::controls::range_record(lang, &range),
            }
        }
        None => msg::controls::no_range(lang).to_string(),
    }
}

fn share_valuetext(views: &Views, role: BucketRole, lang: Lang) -> String {
    views
        .current
        .allocation()
        .row_by_role(role)
        .map(|r| {
            msg::controls::share_valuetext(
                lang,
                &format::share(r.share()),
                &format::usd(r.shown_amount(), lang),
            )
        })
        .unwrap_or_default()
}

/// The control `key` as it should look for `model` (whose derived figures are `views`).
pub fn control(key: ControlKey, model: &Model, views: &Views, lang: Lang) -> NumberControl {
    let text = control_text(
        key,
        model.framing(),
        views.current.usdjpy_outside_2025(),
        lang,
    );
    let state = control_state(key, model, views, lang);
    NumberControl {
        key,
        label: text.label,
        hint: text.hint,
        value: state.value,
        disabled: state.disabled,
        valuetext: state.valuetext,
    }
}

/// A control's words: they change only with the framing (and, for the exchange rate, whether the
/// rate is outside 2025's range), so the page rewrites them only then, not on every slider step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlText {
    /// Its visible label.
    pub label: String,
    /// The hint under the label.
    pub hint: String,
}

/// A control's value and state: what changes as the reader moves things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlState {
    /// The current value, as the box shows it.
    pub value: Decimal,
    /// Whether the control does nothing in the current framing.
    pub disabled: bool,
    /// What a screen reader says for the slider's value, if more than the number.
    pub valuetext: Option<String>,
}

/// The label and hint of `key` in framing `f`; `usdjpy_outside` is whether the reader's rate is
/// outside 2025's range (the exchange-rate hint says so).
pub fn control_text(
    key: ControlKey,
    f: FramingId,
    usdjpy_outside: bool,
    lang: Lang,
) -> ControlText {
    use msg::controls as m;
    let (label, hint) = match key {
        ControlKey::Treasuries => {
            if builtin(f).bucket_by_role(BucketRole::Treasuries).is_some() {
                (
                    m::share_label(lang, &label_of(f, BucketRole::Treasuries, lang)),
                    range_hint(f, BucketRole::Treasuries, lang),
                )
            } else {
                (
                    m::treasuries_none_label(lang).to_string(),
                    m::treasuries_none_hint(lang).to_string(),
                )
            }
        }
        ControlKey::Direct => (
            m::share_label(lang, &label_of(f, BucketRole::Direct, lang)),
            range_hint(f, BucketRole::Direct, lang),
        ),
        ControlKey::Split => (
            m::split_label(lang, &label_of(f, BucketRole::RemainderFirst, lang)),
            m::split_hint(lang, &label_of(f, BucketRole::RemainderSecond, lang)),
        ),
        ControlKey::UsdJpy => {
            let d = fund_core::figures::usdjpy_default();
            let (lo, hi) = (
                fund_core::figures::usdjpy_2025_low(),
                fund_core::figures::usdjpy_2025_high(),
            );
            let mut hint = m::usdjpy_hint(
                lang,
                &format::usdjpy(d.value, lang),
                d.as_of_in(lang),
                &format::usdjpy(lo.value, lang),
                &format::usdjpy(hi.value, lang),
            );
            if usdjpy_outside {
                hint.push_str(m::usdjpy_outside(lang));
            }
            (m::usdjpy_label(lang).to_string(), hint)
        }
        ControlKey::Yield(yf, i) => {
            let bucket = builtin(yf).buckets().get(i);
            let label = bucket.map(|b| b.label(lang)).unwrap_or_default();
            let note = bucket.map(|b| b.yield_note(lang)).unwrap_or_default();
            let hint = if bucket.is_some_and(|b| b.yield_is_assumption()) {
                assumption_hint(note, lang)
            } else {
                note.to_string()
            };
            (m::yield_label(lang, label), hint)
        }
        ControlKey::ProfitPrincipal => owned(m::principal_label(lang), m::principal_hint(lang)),
        ControlKey::ProfitYield => owned(m::cash_yield_label(lang), m::cash_yield_hint(lang)),
        ControlKey::ProfitBenchmark => owned(m::benchmark_label(lang), m::benchmark_hint(lang)),
        ControlKey::ProfitSpread => owned(m::spread_label(lang), m::spread_hint(lang)),
        ControlKey::ProfitYears => owned(m::years_label(lang), m::years_hint(lang)),
        ControlKey::FlowAmount => owned(m::flow_amount_label(lang), m::flow_amount_hint(lang)),
        ControlKey::FlowMonths => owned(m::flow_months_label(lang), m::flow_months_hint(lang)),
    };
    ControlText { label, hint }
}

/// A note shown as an assumption, with exactly one "Assumption: " prefix: the framing data's
/// notes may already start with one ("assumption: a guarantee fee…"), and a second would read
/// "Assumption: assumption: …".
pub fn assumption_hint(note: &str, lang: Lang) -> String {
    let prefix = msg::controls::assumption_hint(lang, "");
    let prefix = prefix.trim();
    let mut rest = note.trim_start();
    while let Some(head) = rest.get(..prefix.len()) {
        if !head.eq_ignore_ascii_case(prefix) {
            break;
        }
        rest = rest[prefix.len()..].trim_start();
    }
    msg::controls::assumption_hint(lang, rest)
}

fn owned(label: &str, hint: &str) -> (String, String) {
    (label.to_string(), hint.to_string())
}

/// The value, state and screen-reader value text of `key` for `model` (whose derived figures are
/// `views`).
pub fn control_state(key: ControlKey, model: &Model, views: &Views, lang: Lang) -> ControlState {
    use msg::controls as m;
    let f = model.framing();
    let inputs = model.inputs();
    let profit = model.profit();
    let flow = model.flow();
    let (value, disabled, valuetext) = match key {
        ControlKey::Treasuries => {
            if builtin(f).bucket_by_role(BucketRole::Treasuries).is_some() {
                (
                    inputs.treasuries,
                    false,
                    Some(share_valuetext(views, BucketRole::Treasuries, lang)),
                )
            } else {
                (inputs.treasuries, true, None)
            }
        }
        ControlKey::Direct => (
            inputs.direct,
            false,
            Some(share_valuetext(views, BucketRole::Direct, lang)),
        ),
        ControlKey::Split => (
            inputs.remainder_split,
            false,
            Some(m::split_valuetext(
                lang,
                &format::percent(inputs.remainder_split),
                &share_valuetext(views, BucketRole::RemainderFirst, lang),
            )),
        ),
        ControlKey::UsdJpy => (model.usdjpy().rate(), false, None),
        ControlKey::Yield(yf, i) => {
            let value = builtin(yf)
                .buckets()
                .get(i)
                .and_then(|b| model.yields_for(yf).get(b.id()))
                .map(|y| y.percent())
                .unwrap_or_default();
            (value, yf != f, None)
        }
        ControlKey::ProfitPrincipal => (profit.principal().in_billions(), false, None),
        ControlKey::ProfitYield => (profit.cash_yield_pct(), false, None),
        ControlKey::ProfitBenchmark => (profit.benchmark_pct(), false, None),
        ControlKey::ProfitSpread => (profit.spread_pct(), false, None),
        ControlKey::ProfitYears => (Decimal::from(profit.horizon_years()), false, None),
        ControlKey::FlowAmount => (
            flow.amount().in_billions(),
            model.flow_follows_treasuries(),
            None,
        ),
        ControlKey::FlowMonths => (
            Decimal::from(flow.months()),
            false,
            Some(m::months_valuetext(lang, &flow.months().to_string())),
        ),
    };
    ControlState {
        value: value.normalize(),
        disabled,
        valuetext,
    }
}

/// The note under the allocation controls: where the rest goes in this framing.
pub fn remainder_note(model: &Model, lang: Lang) -> String {
    builtin(model.framing()).remainder_note(lang).to_string()
}

/// Which controls an embed of `chart` shows with `setting` (in page order). `compact` keeps the
/// one or two that move the chart most; `all` everything the chart reads; `none` nothing.
pub fn embed_controls(chart: crate::charts::ChartId, setting: ControlsParam) -> Vec<ControlKey> {
    use crate::charts::ChartId;
    let all: Vec<ControlKey> = match chart {
        ChartId::Waffle | ChartId::Allocation | ChartId::Framings => {
            ControlKey::ALLOCATION.to_vec()
        }
        ChartId::Income => {
            let mut v = ControlKey::ALLOCATION.to_vec();
            v.extend(yield_keys(FramingId::Article));
            v.extend(yield_keys(FramingId::Record));
            v
        }
        ChartId::Context => vec![
            ControlKey::Treasuries,
            ControlKey::Direct,
            ControlKey::Split,
            ControlKey::UsdJpy,
        ],
        ChartId::ProfitSplit => ControlKey::PROFIT.to_vec(),
        ChartId::YieldEffect => ControlKey::FLOW.to_vec(),
        ChartId::Tracker => Vec::new(),
    };
    match setting {
        ControlsParam::All => all,
        ControlsParam::None => Vec::new(),
        ControlsParam::Compact => match chart {
            ChartId::Waffle | ChartId::Allocation | ChartId::Framings => {
                vec![ControlKey::Treasuries, ControlKey::Direct]
            }
            ChartId::Income => vec![
                ControlKey::Treasuries,
                ControlKey::Yield(FramingId::Article, 0),
            ],
            ChartId::Context => vec![ControlKey::Treasuries],
            ChartId::ProfitSplit => vec![ControlKey::ProfitYield, ControlKey::ProfitYears],
            ChartId::YieldEffect => vec![ControlKey::FlowMonths],
            ChartId::Tracker => Vec::new(),
        },
    }
}

/// Whether an embed of `chart` with `setting` shows the presets, the framing switch and the flow
/// direction (the allocation charts' and the yield chart's buttons).
pub fn embed_buttons(chart: crate::charts::ChartId, setting: ControlsParam) -> bool {
    use crate::charts::ChartId;
    setting == ControlsParam::All
        || (setting == ControlsParam::Compact && chart == ChartId::YieldEffect)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ChartId;

    fn views(m: &Model) -> Views {
        Views::of(m)
    }

    #[test]
    fn slugs_round_trip_and_test_ids_are_stable() {
        for k in ControlKey::all() {
            assert_eq!(ControlKey::from_slug(&k.slug()), Some(k), "{k:?}");
        }
        assert_eq!(ControlKey::Treasuries.testid(), "slider-treasuries");
        assert_eq!(ControlKey::UsdJpy.testid(), "input-usdjpy");
        assert_eq!(ControlKey::Split.testid(), "slider-remainder-split");
        assert_eq!(
            ControlKey::Yield(FramingId::Record, 1).slug(),
            "yield-loans"
        );
        assert_eq!(ControlKey::from_slug("yield-<script>"), None);
    }

    #[test]
    fn labels_and_hints_follow_the_framing_and_language() {
        let mut m = Model::default();
        let en = control(ControlKey::Treasuries, &m, &views(&m), Lang::En);
        assert_eq!(en.label, "US Treasury bonds and bills, % of the fund");
        assert!(en.hint.contains("70–80%"), "{}", en.hint);
        assert_eq!(
            en.valuetext.as_deref(),
            Some("75% of the fund, $412.5 billion")
        );
        let ja = control(ControlKey::Treasuries, &m, &views(&m), Lang::Ja);
        assert!(
            ja.label.contains("米国債") && ja.hint.contains("70～80%"),
            "{ja:?}"
        );
        assert_eq!(ja.valuetext.as_deref(), Some("全体の75%、4125億ドル"));
        m.set_framing(FramingId::Record).unwrap();
        let rec = control(ControlKey::Treasuries, &m, &views(&m), Lang::En);
        assert!(rec.disabled);
        let split = control(ControlKey::Split, &m, &views(&m), Lang::En);
        assert!(
            split.label.to_lowercase().contains("loan"),
            "{}",
            split.label
        );
        // Yields of the framing not shown are disabled (their boxes are hidden).
        assert!(
            control(
                ControlKey::Yield(FramingId::Article, 0),
                &m,
                &views(&m),
                Lang::En
            )
            .disabled
        );
        assert!(
            !control(
                ControlKey::Yield(FramingId::Record, 0),
                &m,
                &views(&m),
                Lang::En
            )
            .disabled
        );
    }

    #[test]
    fn apply_validates_and_names_the_problem_in_the_language() {
        let mut m = Model::default();
        ControlKey::Treasuries
            .apply(&mut m, Decimal::from(70), Lang::En)
            .unwrap();
        assert_eq!(m.inputs().treasuries, Decimal::from(70));
        let before = m.clone();
        let err = ControlKey::Treasuries
            .apply(&mut m, Decimal::from(101), Lang::Ja)
            .unwrap_err();
        assert!(err.contains("101%"), "{err}");
        assert_eq!(m, before, "a refused value changes nothing");
        let err = ControlKey::ProfitYears
            .apply(&mut m, Decimal::new(45, 1), Lang::En)
            .unwrap_err();
        assert_eq!(err, "4.5 is not a whole number.");
        ControlKey::FlowAmount
            .apply(&mut m, Decimal::from(100), Lang::En)
            .unwrap();
        assert_eq!(m.flow().amount().in_billions(), Decimal::from(100));
        ControlKey::Yield(FramingId::Record, 1)
            .apply(&mut m, Decimal::from(6), Lang::En)
            .unwrap();
        assert_eq!(
            m.yields_for(FramingId::Record)
                .get("loans")
                .unwrap()
                .percent(),
            Decimal::from(6)
        );
    }

    #[test]
    fn every_control_has_words_in_both_languages() {
        let m = Model::default();
        let v = views(&m);
        for k in ControlKey::all() {
            for lang in Lang::ALL {
                let c = control(k, &m, &v, lang);
                assert!(!c.label.is_empty() && !c.hint.is_empty(), "{k:?} {lang:?}");
                let (lo, hi, _) = k.range();
                let (lo, hi): (Decimal, Decimal) = (lo.parse().unwrap(), hi.parse().unwrap());
                assert!(
                    c.value >= lo && c.value <= hi,
                    "{k:?} default {} out of its range",
                    c.value
                );
            }
        }
    }

    #[test]
    fn assumption_notes_carry_one_prefix() {
        assert_eq!(
            assumption_hint("assumption: a guarantee fee", Lang::En),
            "Assumption: a guarantee fee"
        );
        assert_eq!(
            assumption_hint("a guarantee fee", Lang::En),
            "Assumption: a guarantee fee"
        );
        assert_eq!(assumption_hint("仮定：保証料", Lang::Ja), "仮定：保証料");
        for f in FramingId::ALL {
            for k in ControlKey::all() {
                for lang in Lang::ALL {
                    let t = control_text(k, f, false, lang);
                    for w in [&t.label, &t.hint] {
                        assert!(
                            fund_charts::doubled_prefix(w).is_none(),
                            "{k:?} {f:?} {lang:?}: {w}"
                        );
                    }
                }
            }
        }
    }

    /// Every string of a JSON value.
    #[cfg(not(target_arch = "wasm32"))]
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }

    // Native only: it draws every chart, the tracker included, which only the build has.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn no_reader_facing_text_doubles_a_prefix() {
        // "Assumption: assumption: …" and 「仮定：仮定：」 reached readers: neither the tables of
        // words, nor the framing data's notes, nor any chart's drawn text, caption, description
        // or table, in either language, framing or layout, may say a prefix twice.
        let mut texts = Vec::new();
        for json in [
            include_str!("../../fund-core/i18n/en.json"),
            include_str!("../../fund-core/i18n/ja.json"),
            include_str!("../../fund-core/data/framings.json"),
        ] {
            strings(&serde_json::from_str(json).unwrap(), &mut texts);
        }
        for f in FramingId::ALL {
            let mut m = Model::default();
            m.set_framing(f).unwrap();
            let d = m.derive();
            for id in ChartId::ALL {
                for lang in Lang::ALL {
                    for width in [360, 640] {
                        let r =
                            crate::charts::render(id, &d, width, fund_charts::Theme::Light, lang);
                        texts.push(r.svg.full_svg());
                        texts.push(r.text.caption.clone());
                        texts.push(r.text.description.clone());
                        texts.extend(r.table.columns.iter().cloned());
                        texts.extend(r.table.rows.iter().flatten().cloned());
                    }
                }
            }
        }
        let problems: Vec<String> = texts
            .iter()
            .filter_map(|t| fund_charts::doubled_prefix(t))
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(fund_charts::doubled_prefix("Assumption: assumption: a fee").is_some());
    }

    #[test]
    fn compact_embeds_keep_one_or_two_controls() {
        for id in ChartId::ALL {
            let compact = embed_controls(id, ControlsParam::Compact);
            let all = embed_controls(id, ControlsParam::All);
            assert!(compact.len() <= 2, "{id:?}");
            assert!(compact.iter().all(|k| all.contains(k)), "{id:?}");
            assert!(embed_controls(id, ControlsParam::None).is_empty());
        }
        assert!(embed_buttons(ChartId::Allocation, ControlsParam::All));
        assert!(!embed_buttons(ChartId::Allocation, ControlsParam::Compact));
    }
}
