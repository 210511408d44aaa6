//! Figures derived from an allocation: annual income, yen amounts, and the
//! Treasuries part set against Japan's holdings and the whole market.

use crate::allocation::{Allocation, ROUNDING_UNIT};
use crate::error::CoreError;
use crate::figures::{self, UsdJpy};
use crate::framing::{BucketRole, Framing, FramingId, YIELD_MAX};
use crate::lang::{Lang, Text};
use crate::money::{Usd, Yen};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// One bucket's annual yield, with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YieldEntry {
    bucket: String,
    label: Text,
    percent: Decimal,
    default_percent: Decimal,
    default_is_assumption: bool,
    sources: Vec<String>,
    note: Text,
}

impl YieldEntry {
    /// The bucket id.
    pub fn bucket(&self) -> &str {
        &self.bucket
    }
    /// The yield in percent.
    pub fn percent(&self) -> Decimal {
        self.percent
    }
    /// The framing's default yield for the bucket.
    pub fn default_percent(&self) -> Decimal {
        self.default_percent
    }
    /// Whether the yield is an assumption: the framing's default is one, or
    /// the reader changed it from the sourced default.
    pub fn is_assumption(&self) -> bool {
        self.default_is_assumption || self.percent != self.default_percent
    }
    /// Source ids for the default yield.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
    /// What the default yield is.
    pub fn note(&self, lang: Lang) -> &str {
        self.note.get(lang)
    }
}

/// A validated yield (0–25%) for every bucket of one framing, in bucket order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YieldSet {
    framing: FramingId,
    entries: Vec<YieldEntry>,
}

impl YieldSet {
    /// The framing's default yields.
    pub fn defaults(framing: &Framing) -> YieldSet {
        YieldSet {
            framing: framing.id(),
            entries: framing
                .buckets()
                .iter()
                .map(|b| YieldEntry {
                    bucket: b.id().to_string(),
                    label: b.label_text().clone(),
                    percent: b.yield_default(),
                    default_percent: b.yield_default(),
                    default_is_assumption: b.yield_is_assumption(),
                    sources: b.yield_sources().to_vec(),
                    note: b.yield_note_text().clone(),
                })
                .collect(),
        }
    }

    /// The defaults with the given `(bucket id, percent)` yields put in.
    pub fn new(framing: &Framing, yields: &[(&str, Decimal)]) -> Result<YieldSet, CoreError> {
        let mut set = YieldSet::defaults(framing);
        for (bucket, value) in yields {
            set.set(bucket, *value)?;
        }
        Ok(set)
    }

    /// Sets one bucket's yield; refuses an unknown bucket, a yield outside
    /// 0–25%, or more than 6 decimal places, leaving the set unchanged.
    pub fn set(&mut self, bucket: &str, percent: Decimal) -> Result<(), CoreError> {
        let framing = self.framing.as_str().to_string();
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.bucket == bucket)
            .ok_or_else(|| CoreError::UnknownBucket {
                framing,
                bucket: bucket.chars().take(60).collect(),
            })?;
        if percent < Decimal::ZERO || percent > YIELD_MAX {
            return Err(CoreError::YieldOutOfBounds {
                bucket: entry.bucket.clone(),
                label: entry.label.clone(),
                value: percent,
            });
        }
        if percent.normalize().scale() > 6 {
            return Err(CoreError::TooManyDecimals {
                field: crate::error::Field::BucketYield(entry.label.clone()),
                value: percent,
                max_places: 6,
            });
        }
        entry.percent = percent.normalize();
        Ok(())
    }

    /// Which framing the yields are for.
    pub fn framing(&self) -> FramingId {
        self.framing
    }
    /// The yield of `bucket`, if any.
    pub fn get(&self, bucket: &str) -> Option<&YieldEntry> {
        self.entries.iter().find(|e| e.bucket == bucket)
    }
    /// All entries, in bucket order.
    pub fn entries(&self) -> &[YieldEntry] {
        &self.entries
    }
}

/// One bucket's annual income.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncomeRow {
    bucket: String,
    label: Text,
    amount: Usd,
    yield_percent: Decimal,
    income: Usd,
    is_assumption: bool,
    sources: Vec<String>,
    note: Text,
}

impl IncomeRow {
    /// The bucket id.
    pub fn bucket(&self) -> &str {
        &self.bucket
    }
    /// The bucket's label.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
    /// The amount invested.
    pub fn amount(&self) -> Usd {
        self.amount
    }
    /// The yield used, in percent.
    pub fn yield_percent(&self) -> Decimal {
        self.yield_percent
    }
    /// Annual income, `amount × yield / 100` rounded to the nearest $1 million (half away from zero).
    pub fn income(&self) -> Usd {
        self.income
    }
    /// Whether the yield is an assumption rather than a sourced figure.
    pub fn is_assumption(&self) -> bool {
        self.is_assumption
    }
    /// Source ids for the yield.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
    /// What the yield is.
    pub fn note(&self, lang: Lang) -> &str {
        self.note.get(lang)
    }
}

/// Annual income per bucket, and the total of the rounded rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncomeTable {
    rows: Vec<IncomeRow>,
    total: Usd,
}

impl IncomeTable {
    /// The rows, in bucket order.
    pub fn rows(&self) -> &[IncomeRow] {
        &self.rows
    }
    /// The sum of the rows' (rounded) incomes.
    pub fn total(&self) -> Usd {
        self.total
    }
    /// The row of `bucket`, if any.
    pub fn row(&self, bucket: &str) -> Option<&IncomeRow> {
        self.rows.iter().find(|r| r.bucket == bucket)
    }
}

/// Annual income of each bucket at its yield. A bucket missing from
/// `yields` (a set made for another framing) counts at 0%, marked an
/// assumption.
pub fn income(allocation: &Allocation, yields: &YieldSet) -> IncomeTable {
    let rows: Vec<IncomeRow> = allocation
        .rows()
        .iter()
        .map(|r| {
            let entry = yields.get(r.bucket());
            let pct = entry.map(|e| e.percent).unwrap_or(Decimal::ZERO);
            // Amounts are at most $10^15 and yields at most 25: no overflow.
            let exact = r.amount().dollars() * pct / Decimal::ONE_HUNDRED;
            let income = (exact / ROUNDING_UNIT)
                .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                * ROUNDING_UNIT;
            IncomeRow {
                bucket: r.bucket().to_string(),
                label: r.label_text().clone(),
                amount: r.amount(),
                yield_percent: pct,
                income: Usd::new(income.normalize()),
                is_assumption: entry.map(YieldEntry::is_assumption).unwrap_or(true),
                sources: entry.map(|e| e.sources.clone()).unwrap_or_default(),
                note: entry.map(|e| e.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let total = rows.iter().map(|r| r.income).sum();
    IncomeTable { rows, total }
}

/// Each bucket's amount in yen at `usdjpy`, in bucket order.
pub fn yen_amounts(allocation: &Allocation, usdjpy: UsdJpy) -> Vec<(String, Yen)> {
    // Amounts ≤ $10^15 times a rate ≤ 500: no overflow.
    allocation
        .rows()
        .iter()
        .map(|r| (r.bucket().to_string(), r.amount().to_yen(usdjpy.rate())))
        .collect()
}

/// The Treasuries part set against Japan's holdings and the whole market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScaleContext {
    has_treasuries_bucket: bool,
    treasuries_amount: Usd,
    japan_holdings: Usd,
    marketable_total: Usd,
    percent_of_holdings: Decimal,
    percent_of_market: Decimal,
    sources: Vec<&'static str>,
}

impl ScaleContext {
    /// Whether the framing has a Treasuries bucket at all (the record framing does not:
    /// its Treasuries part is $0).
    pub fn has_treasuries_bucket(&self) -> bool {
        self.has_treasuries_bucket
    }
    /// The amount in Treasuries ($0 when there is no such bucket).
    pub fn treasuries_amount(&self) -> Usd {
        self.treasuries_amount
    }
    /// Japan's Treasury holdings (Dec 2025).
    pub fn japan_holdings(&self) -> Usd {
        self.japan_holdings
    }
    /// All marketable Treasuries outstanding (2025 Q3).
    pub fn marketable_total(&self) -> Usd {
        self.marketable_total
    }
    /// The amount as a percentage of Japan's holdings (exact; round with `format`).
    pub fn percent_of_holdings(&self) -> Decimal {
        self.percent_of_holdings
    }
    /// The amount as a percentage of the market (exact; round with `format`).
    pub fn percent_of_market(&self) -> Decimal {
        self.percent_of_market
    }
    /// Source ids for the holdings and the market size.
    pub fn sources(&self) -> &[&'static str] {
        &self.sources
    }
}

/// The Treasuries part of `allocation` against Japan's holdings and the market.
pub fn scale_context(framing: &Framing, allocation: &Allocation) -> ScaleContext {
    let holdings = figures::japan_treasury_holdings();
    let market = figures::marketable_treasuries();
    let amount = allocation.treasuries_amount();
    let pct = |of: Decimal| {
        if of.is_zero() {
            Decimal::ZERO
        } else {
            // amount ≤ $10^15, ×100 fits easily.
            (amount.dollars() * Decimal::ONE_HUNDRED / of).normalize()
        }
    };
    let mut sources: Vec<&'static str> = holdings.sources.to_vec();
    sources.extend_from_slice(market.sources);
    ScaleContext {
        has_treasuries_bucket: framing.bucket_by_role(BucketRole::Treasuries).is_some(),
        treasuries_amount: amount,
        japan_holdings: holdings.usd(),
        marketable_total: market.usd(),
        percent_of_holdings: pct(holdings.value),
        percent_of_market: pct(market.value),
        sources,
    }
}
