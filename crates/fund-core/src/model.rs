//! The reader's whole state, and everything the page shows derived from it
//! in one go. The web app keeps a [`Model`] in a signal and shows
//! [`Model::derive`]'s result; it does no arithmetic of its own.

use crate::allocation::{allocate, waffle_squares, Allocation, RangeFlag};
use crate::derived::{income, scale_context, yen_amounts, IncomeTable, ScaleContext, YieldSet};
use crate::error::CoreError;
use crate::figures::UsdJpy;
use crate::framing::{builtin, BucketRole, Framing, FramingId};
use crate::money::{Usd, Yen};
use crate::profit::{schedule, ProfitInputs, ProfitSchedule};
use crate::scenario::{Inputs, Scenario};
use crate::yields::{yield_effect, FlowDirection, YieldEffect, YieldEffectInputs};
use rust_decimal::Decimal;
use serde::Serialize;

/// A preset the reader can apply in one click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// The low end of each given range (article: Treasuries 70%, direct 1%; record: equity 1%).
    Low,
    /// The defaults (article: Treasuries 75%, direct 1.5%; record: equity 1.5%).
    Mid,
    /// The high end of each given range (article: Treasuries 80%, direct 2%; record: equity 2%).
    High,
}

impl Preset {
    /// All presets, low to high.
    pub const ALL: [Preset; 3] = [Preset::Low, Preset::Mid, Preset::High];
}

/// One value per framing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PerFraming<T> {
    article: T,
    record: T,
}

impl<T> PerFraming<T> {
    fn get(&self, id: FramingId) -> &T {
        match id {
            FramingId::Article => &self.article,
            FramingId::Record => &self.record,
        }
    }
    fn get_mut(&mut self, id: FramingId) -> &mut T {
        match id {
            FramingId::Article => &mut self.article,
            FramingId::Record => &mut self.record,
        }
    }
}

/// The reader's whole state. Every setter validates and, if it refuses,
/// leaves the model exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    framing: FramingId,
    inputs: PerFraming<Inputs>,
    usdjpy: UsdJpy,
    yields: PerFraming<YieldSet>,
    profit: ProfitInputs,
    flow: YieldEffectInputs,
    flow_follows_treasuries: bool,
    step: usize,
}

impl Default for Model {
    /// The article framing at its mid preset, ¥156.8 per dollar, default
    /// yields, the default profit inputs, the yield-effect flow following
    /// the Treasuries amount over 40 months, step 0.
    fn default() -> Self {
        let a = builtin(FramingId::Article);
        let r = builtin(FramingId::Record);
        Model {
            framing: FramingId::Article,
            inputs: PerFraming {
                article: a.default_inputs(),
                record: r.default_inputs(),
            },
            usdjpy: UsdJpy::default(),
            yields: PerFraming {
                article: YieldSet::defaults(a),
                record: YieldSet::defaults(r),
            },
            profit: ProfitInputs::default(),
            flow: YieldEffectInputs::default(),
            flow_follows_treasuries: true,
            step: 0,
        }
    }
}

impl Model {
    /// The current framing.
    pub fn framing(&self) -> FramingId {
        self.framing
    }
    /// The inputs of the current framing.
    pub fn inputs(&self) -> Inputs {
        *self.inputs.get(self.framing)
    }
    /// The inputs of either framing.
    pub fn inputs_for(&self, id: FramingId) -> Inputs {
        *self.inputs.get(id)
    }
    /// The USD/JPY rate.
    pub fn usdjpy(&self) -> UsdJpy {
        self.usdjpy
    }
    /// The yields of the current framing.
    pub fn yields(&self) -> &YieldSet {
        self.yields.get(self.framing)
    }
    /// The profit-split inputs.
    pub fn profit(&self) -> &ProfitInputs {
        &self.profit
    }
    /// The yield-effect inputs as last set (see [`Model::flow_follows_treasuries`]).
    pub fn flow(&self) -> &YieldEffectInputs {
        &self.flow
    }
    /// Whether the yield-effect amount follows the current Treasuries amount
    /// (true until the reader sets an amount).
    pub fn flow_follows_treasuries(&self) -> bool {
        self.flow_follows_treasuries
    }
    /// The current step index.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The yields of either framing.
    pub fn yields_for(&self, id: FramingId) -> &YieldSet {
        self.yields.get(id)
    }

    fn set_inputs(
        &mut self,
        f: impl FnOnce(&mut Inputs),
        blame: BucketRole,
    ) -> Result<(), CoreError> {
        let mut candidate = *self.inputs.get(self.framing);
        f(&mut candidate);
        self.store_inputs(self.framing, candidate, blame)
    }

    /// Validates `candidate` as framing `id`'s inputs and stores it, or
    /// refuses it and changes nothing.
    fn store_inputs(
        &mut self,
        id: FramingId,
        candidate: Inputs,
        blame: BucketRole,
    ) -> Result<(), CoreError> {
        let framing = builtin(id);
        if framing.bucket_by_role(BucketRole::Treasuries).is_none() {
            // Ignored by this framing, but still refuse a non-share.
            crate::share::Share::new(candidate.treasuries)?;
            crate::scenario::check_places(
                || {
                    let article = builtin(FramingId::Article);
                    crate::error::Field::BucketShare(
                        article
                            .bucket_by_role(BucketRole::Treasuries)
                            .map(|b| b.label_text().clone())
                            .unwrap_or_default(),
                    )
                },
                candidate.treasuries,
            )?;
        }
        Scenario::from_inputs_blaming(framing, &candidate, blame)?;
        *self.inputs.get_mut(id) = candidate;
        Ok(())
    }

    /// Sets all three inputs of framing `id` at once, whether or not it is
    /// the current framing, validated as a whole (so a Treasuries and a
    /// direct share that only fit together can be set in one go).
    ///
    /// Refuses what the single setters refuse (a share outside 0–100, too
    /// many decimal places, Treasuries plus direct above 100, naming the
    /// direct bucket) and leaves the model unchanged.
    pub fn set_inputs_for(&mut self, id: FramingId, inputs: Inputs) -> Result<(), CoreError> {
        self.store_inputs(id, inputs, BucketRole::Direct)
    }

    /// Sets the Treasuries share (percent). In a framing without a
    /// Treasuries bucket the value is kept but has no effect.
    pub fn set_treasuries(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.set_inputs(|i| i.treasuries = percent, BucketRole::Treasuries)
    }
    /// Sets the direct (equity) share, percent.
    pub fn set_direct(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.set_inputs(|i| i.direct = percent, BucketRole::Direct)
    }
    /// Sets the percent of the remainder going to the first remainder bucket.
    pub fn set_remainder_split(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.set_inputs(|i| i.remainder_split = percent, BucketRole::RemainderFirst)
    }
    /// Sets the USD/JPY rate (50–500 accepted).
    pub fn set_usdjpy(&mut self, rate: Decimal) -> Result<(), CoreError> {
        self.usdjpy = UsdJpy::new(rate)?;
        Ok(())
    }
    /// Sets one bucket's yield in the current framing (0–25%).
    pub fn set_yield(&mut self, bucket: &str, percent: Decimal) -> Result<(), CoreError> {
        self.yields.get_mut(self.framing).set(bucket, percent)
    }
    /// Sets one bucket's yield in framing `id`, current or not (0–25%).
    pub fn set_yield_for(
        &mut self,
        id: FramingId,
        bucket: &str,
        percent: Decimal,
    ) -> Result<(), CoreError> {
        self.yields.get_mut(id).set(bucket, percent)
    }
    /// Switches framing; each framing keeps its own inputs and yields.
    pub fn set_framing(&mut self, id: FramingId) -> Result<(), CoreError> {
        self.framing = id;
        Ok(())
    }
    /// Sets the profit principal.
    pub fn set_profit_principal(&mut self, principal: Usd) -> Result<(), CoreError> {
        self.profit = self.profit.with_principal(principal)?;
        Ok(())
    }
    /// Sets the project's annual cash yield, percent.
    pub fn set_profit_cash_yield(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.profit = self.profit.with_cash_yield(percent)?;
        Ok(())
    }
    /// Sets the benchmark rate, percent.
    pub fn set_profit_benchmark(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.profit = self.profit.with_benchmark(percent)?;
        Ok(())
    }
    /// Sets the risk spread, percent.
    pub fn set_profit_spread(&mut self, percent: Decimal) -> Result<(), CoreError> {
        self.profit = self.profit.with_spread(percent)?;
        Ok(())
    }
    /// Sets the horizon in years.
    pub fn set_profit_horizon(&mut self, years: u32) -> Result<(), CoreError> {
        self.profit = self.profit.with_horizon(years)?;
        Ok(())
    }
    /// Sets the yield-effect amount; the amount then stops following the Treasuries part.
    pub fn set_flow_amount(&mut self, amount: Usd) -> Result<(), CoreError> {
        self.flow = self.flow.with_amount(amount)?;
        self.flow_follows_treasuries = false;
        Ok(())
    }
    /// Makes the yield-effect amount follow (or stop following) the current Treasuries amount.
    pub fn set_flow_follows_treasuries(&mut self, follow: bool) -> Result<(), CoreError> {
        self.flow_follows_treasuries = follow;
        Ok(())
    }
    /// Sets over how many months the flow is spread (1–120).
    pub fn set_flow_months(&mut self, months: u32) -> Result<(), CoreError> {
        self.flow = self.flow.with_months(months)?;
        Ok(())
    }
    /// Sets buying or selling.
    pub fn set_flow_direction(&mut self, direction: FlowDirection) -> Result<(), CoreError> {
        self.flow = self.flow.with_direction(direction);
        Ok(())
    }
    /// Moves to step `step` of `step_count`; refuses `step >= step_count`.
    pub fn set_step(&mut self, step: usize, step_count: usize) -> Result<(), CoreError> {
        if step >= step_count {
            return Err(CoreError::StepOutOfRange {
                step,
                count: step_count,
            });
        }
        self.step = step;
        Ok(())
    }

    /// Applies a preset to the current framing: the Treasuries and direct
    /// shares go to the low end, default or high end of their given ranges
    /// (a bucket with no range keeps its default); the remainder split is
    /// unchanged.
    pub fn apply_preset(&mut self, preset: Preset) -> Result<(), CoreError> {
        let framing = builtin(self.framing);
        let pick = |role: BucketRole, current: Decimal| match framing.bucket_by_role(role) {
            None => current,
            Some(b) => match (preset, b.range()) {
                (Preset::Low, Some(r)) => r.low().percent(),
                (Preset::High, Some(r)) => r.high().percent(),
                _ => b.default_share().percent(),
            },
        };
        let cur = self.inputs();
        let treasuries = pick(BucketRole::Treasuries, cur.treasuries);
        let direct = pick(BucketRole::Direct, cur.direct);
        self.set_inputs(
            |i| {
                i.treasuries = treasuries;
                i.direct = direct;
            },
            BucketRole::Direct,
        )
    }

    /// Back to [`Model::default`].
    pub fn reset(&mut self) {
        *self = Model::default();
    }

    fn scenario_for(&self, framing: &Framing) -> Scenario {
        // Stored inputs were validated when set; fall back to the defaults just in case.
        Scenario::from_inputs(framing, self.inputs.get(framing.id()))
            .unwrap_or_else(|_| Scenario::defaults(framing))
    }

    /// Everything the page shows, computed from the model in one go.
    pub fn derive(&self) -> Derived {
        self.derive_after(None)
    }

    /// [`Model::derive`], reusing from `prev` (an earlier derivation, of any model) what cannot
    /// have changed: the profit split's year-by-year schedule, the costliest part, when its own
    /// inputs are the same (a slider for the allocation does not redo it). The result is always
    /// equal to [`Model::derive`]'s.
    pub fn derive_after(&self, prev: Option<&Derived>) -> Derived {
        let profit = match prev {
            Some(p) if p.profit.inputs() == &self.profit => p.profit.clone(),
            _ => schedule(&self.profit),
        };
        let framing = builtin(self.framing);
        let other_framing = builtin(self.framing.other());
        let scenario = self.scenario_for(framing);
        let allocation = allocate(framing, &scenario);
        let other_scenario = self.scenario_for(other_framing);
        let other_allocation = allocate(other_framing, &other_scenario);
        let waffle = waffle_squares(&allocation);
        let income = income(&allocation, self.yields.get(self.framing));
        let yen = yen_amounts(&allocation, self.usdjpy);
        let scale = scale_context(framing, &allocation);
        let flow = if self.flow_follows_treasuries {
            self.flow
                .with_amount(allocation.treasuries_amount())
                .unwrap_or(self.flow)
        } else {
            self.flow
        };
        Derived {
            range_flags: allocation.range_flags(),
            usdjpy_outside_2025: self.usdjpy.outside_2025_range(),
            framing: BuiltinRef(framing),
            scenario,
            allocation,
            waffle,
            income,
            yen,
            usdjpy: self.usdjpy,
            scale,
            other_allocation,
            profit,
            yield_effect: yield_effect(&flow),
            step: self.step,
        }
    }
}

/// A built-in framing, by reference: deriving does not copy its texts, and two derivations of
/// the same framing compare equal at once (same address) instead of text by text.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(transparent)]
struct BuiltinRef(&'static Framing);

impl PartialEq for BuiltinRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for BuiltinRef {}

/// Everything the page shows, derived from a [`Model`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Derived {
    framing: BuiltinRef,
    scenario: Scenario,
    allocation: Allocation,
    waffle: Vec<usize>,
    income: IncomeTable,
    yen: Vec<(String, Yen)>,
    usdjpy: UsdJpy,
    usdjpy_outside_2025: bool,
    scale: ScaleContext,
    other_allocation: Allocation,
    profit: ProfitSchedule,
    yield_effect: YieldEffect,
    range_flags: Vec<(String, RangeFlag)>,
    step: usize,
}

impl Derived {
    /// The current framing.
    pub fn framing(&self) -> &Framing {
        self.framing.0
    }
    /// The current scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    /// The current allocation.
    pub fn allocation(&self) -> &Allocation {
        &self.allocation
    }
    /// Waffle squares per bucket (bucket order, adding up to 100).
    pub fn waffle(&self) -> &[usize] {
        &self.waffle
    }
    /// Annual income per bucket.
    pub fn income(&self) -> &IncomeTable {
        &self.income
    }
    /// Yen amounts per bucket, bucket order.
    pub fn yen(&self) -> &[(String, Yen)] {
        &self.yen
    }
    /// The USD/JPY rate used.
    pub fn usdjpy(&self) -> UsdJpy {
        self.usdjpy
    }
    /// Whether that rate is outside the 2025 observed range (flag it).
    pub fn usdjpy_outside_2025(&self) -> bool {
        self.usdjpy_outside_2025
    }
    /// The Treasuries part against Japan's holdings and the market.
    pub fn scale(&self) -> &ScaleContext {
        &self.scale
    }
    /// The other framing's allocation, with that framing's own inputs (for side-by-side charts).
    pub fn other_allocation(&self) -> &Allocation {
        &self.other_allocation
    }
    /// The cash-flow split.
    pub fn profit(&self) -> &ProfitSchedule {
        &self.profit
    }
    /// The yield effect.
    pub fn yield_effect(&self) -> &YieldEffect {
        &self.yield_effect
    }
    /// Buckets outside their given range.
    pub fn range_flags(&self) -> &[(String, RangeFlag)] {
        &self.range_flags
    }
    /// The current step index.
    pub fn step(&self) -> usize {
        self.step
    }
}
