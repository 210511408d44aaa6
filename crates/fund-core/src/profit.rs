//! The deal's cash-flow split (facts §1.6, §1.8): 50/50 until Japan recoups
//! its "deemed allocation" (principal plus deemed interest), then 90% to the
//! US and 10% to Japan.

use crate::error::{CoreError, Field};
use crate::money::Usd;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Default principal: $10 billion (one illustrative project).
pub const DEFAULT_PRINCIPAL_DOLLARS: Decimal = Decimal::from_parts(1_410_065_408, 2, 0, false, 0);
/// Default annual cash yield of the project, 15% (an assumption, set high enough that the switch to
/// the 90/10 split shows within the default horizon; lower yields delay it by decades).
pub const DEFAULT_CASH_YIELD: Decimal = Decimal::from_parts(15, 0, 0, false, 0);
/// Default benchmark rate, 4.136% (10-year Treasury yield on 31 Dec 2025, `cnbc-10y-2025-12`).
pub const DEFAULT_BENCHMARK: Decimal = Decimal::from_parts(4136, 0, 0, false, 3);
/// Default risk spread over the benchmark, 1 percentage point (an assumption).
pub const DEFAULT_SPREAD: Decimal = Decimal::from_parts(1, 0, 0, false, 0);
/// Default horizon, 30 years.
pub const DEFAULT_HORIZON_YEARS: u32 = 30;
/// Source id for the default benchmark.
pub const BENCHMARK_SOURCE: &str = "cnbc-10y-2025-12";
/// The largest principal accepted: the whole fund, $550 billion.
pub const MAX_PRINCIPAL_DOLLARS: Decimal = Decimal::from_parts(244_186_112, 128, 0, false, 0);

/// Validated inputs for the cash-flow split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProfitInputs {
    principal: Usd,
    cash_yield_pct: Decimal,
    benchmark_pct: Decimal,
    spread_pct: Decimal,
    horizon_years: u32,
}

fn in_range(
    field: Field,
    value: Decimal,
    min: Decimal,
    max: Decimal,
) -> Result<Decimal, CoreError> {
    if value < min || value > max {
        return Err(CoreError::OutOfRange {
            field: field.clone(),
            value,
            min,
            max,
        });
    }
    if value.normalize().scale() > 6 {
        return Err(CoreError::TooManyDecimals {
            field,
            value,
            max_places: 6,
        });
    }
    Ok(value.normalize())
}

impl ProfitInputs {
    /// Checks and makes the inputs: principal above $0 and at most $550
    /// billion (whole cents); cash yield 0–50%; benchmark 0–20%; spread
    /// 0–20%; horizon 1–50 years. Rates may have at most 6 decimal places.
    pub fn new(
        principal: Usd,
        cash_yield_pct: Decimal,
        benchmark_pct: Decimal,
        spread_pct: Decimal,
        horizon_years: u32,
    ) -> Result<ProfitInputs, CoreError> {
        let p = principal.dollars();
        if p <= Decimal::ZERO || p > MAX_PRINCIPAL_DOLLARS {
            return Err(CoreError::OutOfRange {
                field: Field::Principal,
                value: p,
                min: Decimal::new(1, 2),
                max: MAX_PRINCIPAL_DOLLARS,
            });
        }
        if p.normalize().scale() > 2 {
            return Err(CoreError::TooManyDecimals {
                field: Field::Principal,
                value: p,
                max_places: 2,
            });
        }
        let fifty = Decimal::from(50);
        let twenty = Decimal::from(20);
        let cash_yield_pct = in_range(Field::CashYield, cash_yield_pct, Decimal::ZERO, fifty)?;
        let benchmark_pct = in_range(Field::Benchmark, benchmark_pct, Decimal::ZERO, twenty)?;
        let spread_pct = in_range(Field::Spread, spread_pct, Decimal::ZERO, twenty)?;
        if !(1..=50).contains(&horizon_years) {
            return Err(CoreError::OutOfRange {
                field: Field::Horizon,
                value: Decimal::from(horizon_years),
                min: Decimal::ONE,
                max: fifty,
            });
        }
        Ok(ProfitInputs {
            principal: Usd::new(p.normalize()),
            cash_yield_pct,
            benchmark_pct,
            spread_pct,
            horizon_years,
        })
    }

    /// The principal Japan puts in.
    pub fn principal(&self) -> Usd {
        self.principal
    }
    /// The project's annual cash yield, percent of principal.
    pub fn cash_yield_pct(&self) -> Decimal {
        self.cash_yield_pct
    }
    /// The benchmark rate, percent.
    pub fn benchmark_pct(&self) -> Decimal {
        self.benchmark_pct
    }
    /// The risk spread, percent.
    pub fn spread_pct(&self) -> Decimal {
        self.spread_pct
    }
    /// The deemed interest rate, benchmark + spread, percent.
    pub fn deemed_rate_pct(&self) -> Decimal {
        self.benchmark_pct + self.spread_pct
    }
    /// How many years to show.
    pub fn horizon_years(&self) -> u32 {
        self.horizon_years
    }

    /// Copies with one field changed, validated.
    fn with(self, f: impl FnOnce(&mut ProfitInputs)) -> Result<ProfitInputs, CoreError> {
        let mut c = self;
        f(&mut c);
        ProfitInputs::new(
            c.principal,
            c.cash_yield_pct,
            c.benchmark_pct,
            c.spread_pct,
            c.horizon_years,
        )
    }
    /// A copy with another principal.
    pub fn with_principal(self, v: Usd) -> Result<ProfitInputs, CoreError> {
        self.with(|c| c.principal = v)
    }
    /// A copy with another cash yield.
    pub fn with_cash_yield(self, v: Decimal) -> Result<ProfitInputs, CoreError> {
        self.with(|c| c.cash_yield_pct = v)
    }
    /// A copy with another benchmark.
    pub fn with_benchmark(self, v: Decimal) -> Result<ProfitInputs, CoreError> {
        self.with(|c| c.benchmark_pct = v)
    }
    /// A copy with another spread.
    pub fn with_spread(self, v: Decimal) -> Result<ProfitInputs, CoreError> {
        self.with(|c| c.spread_pct = v)
    }
    /// A copy with another horizon.
    pub fn with_horizon(self, v: u32) -> Result<ProfitInputs, CoreError> {
        self.with(|c| c.horizon_years = v)
    }
}

impl Default for ProfitInputs {
    /// $10 billion, 8% cash yield (assumption), benchmark 4.136%, spread 1% (assumption), 20 years.
    fn default() -> Self {
        ProfitInputs {
            principal: Usd::new(DEFAULT_PRINCIPAL_DOLLARS),
            cash_yield_pct: DEFAULT_CASH_YIELD,
            benchmark_pct: DEFAULT_BENCHMARK,
            spread_pct: DEFAULT_SPREAD,
            horizon_years: DEFAULT_HORIZON_YEARS,
        }
    }
}

/// Which rule split a year's cash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 50/50 while Japan's deemed allocation is not yet recovered.
    Recouping,
    /// The year it is recovered: 50/50 up to that point, then 90/10.
    Crossover,
    /// 90% US / 10% Japan after recovery.
    AfterRecovery,
}

/// One year of the split. All amounts are whole cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfitYear {
    year: u32,
    cash: Usd,
    interest_accrued: Usd,
    balance_start: Usd,
    balance_end: Usd,
    to_japan: Usd,
    to_us: Usd,
    cumulative_japan: Usd,
    cumulative_us: Usd,
    phase: Phase,
}

impl ProfitYear {
    /// Year number, from 1.
    pub fn year(&self) -> u32 {
        self.year
    }
    /// The project's cash that year.
    pub fn cash(&self) -> Usd {
        self.cash
    }
    /// Deemed interest added to Japan's balance that year.
    pub fn interest_accrued(&self) -> Usd {
        self.interest_accrued
    }
    /// Japan's unrecovered balance at the start of the year.
    pub fn balance_start(&self) -> Usd {
        self.balance_start
    }
    /// Japan's unrecovered balance at the end of the year.
    pub fn balance_end(&self) -> Usd {
        self.balance_end
    }
    /// Cash to Japan that year.
    pub fn to_japan(&self) -> Usd {
        self.to_japan
    }
    /// Cash to the US that year (`cash − to_japan`).
    pub fn to_us(&self) -> Usd {
        self.to_us
    }
    /// Japan's cash so far.
    pub fn cumulative_japan(&self) -> Usd {
        self.cumulative_japan
    }
    /// The US's cash so far.
    pub fn cumulative_us(&self) -> Usd {
        self.cumulative_us
    }
    /// Which rule split the year's cash.
    pub fn phase(&self) -> Phase {
        self.phase
    }
}

/// The year-by-year split and its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfitSchedule {
    inputs: ProfitInputs,
    years: Vec<ProfitYear>,
    made_whole_year: Option<u32>,
    total_cash: Usd,
    total_japan: Usd,
    total_us: Usd,
}

impl ProfitSchedule {
    /// The inputs used.
    pub fn inputs(&self) -> &ProfitInputs {
        &self.inputs
    }
    /// One row per year.
    pub fn years(&self) -> &[ProfitYear] {
        &self.years
    }
    /// The year Japan's balance reaches zero; `None` if not within the horizon.
    pub fn made_whole_year(&self) -> Option<u32> {
        self.made_whole_year
    }
    /// All cash paid over the horizon.
    pub fn total_cash(&self) -> Usd {
        self.total_cash
    }
    /// All cash to Japan over the horizon.
    pub fn total_japan(&self) -> Usd {
        self.total_japan
    }
    /// All cash to the US over the horizon.
    pub fn total_us(&self) -> Usd {
        self.total_us
    }
}

fn cents(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The year-by-year split.
///
/// Each year the project pays `C = principal × cash_yield / 100` at year
/// end. Japan's balance `B` starts at the principal; at each year end it
/// first grows by deemed interest `B × (benchmark + spread) / 100`. While
/// `B > 0` the cash splits 50/50 and Japan's half reduces `B`. In the year
/// Japan's half would exceed `B`, the cash needed to clear it (`2B`) splits
/// 50/50 and the rest (`C − 2B`) 90% US / 10% Japan. After that every year
/// splits 90/10. Amounts are rounded to the cent, half away from zero;
/// Japan's part is rounded and the US gets `C` minus it, so the two add up
/// to `C` exactly.
pub fn schedule(inputs: &ProfitInputs) -> ProfitSchedule {
    // Bounds (principal ≤ 5.5e11, rates ≤ 50%, ≤ 50 years) keep every value
    // below 5.5e11 × 1.4^50 ≈ 1.1e19, far inside Decimal's 7.9e28: no overflow.
    let hundred = Decimal::ONE_HUNDRED;
    let cash = cents(inputs.principal.dollars() * inputs.cash_yield_pct / hundred);
    let rate = inputs.deemed_rate_pct();
    let ten_pct = |v: Decimal| cents(v * Decimal::TEN / hundred);
    let mut balance = inputs.principal.dollars();
    let (mut cum_j, mut cum_u) = (Decimal::ZERO, Decimal::ZERO);
    let mut made_whole_year = None;
    let mut years = Vec::with_capacity(inputs.horizon_years as usize);
    for year in 1..=inputs.horizon_years {
        let start = balance;
        let (interest, japan, phase);
        if balance > Decimal::ZERO {
            interest = cents(balance * rate / hundred);
            balance += interest;
            let half = cents(cash / Decimal::TWO);
            if half <= balance {
                japan = half;
                balance -= half;
                phase = if balance.is_zero() {
                    Phase::Crossover
                } else {
                    Phase::Recouping
                };
            } else {
                // 2B splits 50/50 (Japan gets B), the rest C − 2B splits 90/10.
                japan = balance + ten_pct(cash - balance - balance);
                balance = Decimal::ZERO;
                phase = Phase::Crossover;
            }
            if balance.is_zero() {
                made_whole_year = Some(year);
            }
        } else {
            interest = Decimal::ZERO;
            japan = ten_pct(cash);
            phase = Phase::AfterRecovery;
        }
        let us = cash - japan;
        cum_j += japan;
        cum_u += us;
        years.push(ProfitYear {
            year,
            cash: Usd::new(cash),
            interest_accrued: Usd::new(interest),
            balance_start: Usd::new(start),
            balance_end: Usd::new(balance),
            to_japan: Usd::new(japan),
            to_us: Usd::new(us),
            cumulative_japan: Usd::new(cum_j),
            cumulative_us: Usd::new(cum_u),
            phase,
        });
    }
    ProfitSchedule {
        inputs: *inputs,
        years,
        made_whole_year,
        total_cash: Usd::new(cum_j + cum_u),
        total_japan: Usd::new(cum_j),
        total_us: Usd::new(cum_u),
    }
}
