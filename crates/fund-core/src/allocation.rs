//! Turning a scenario's shares into dollar amounts that add up exactly.

use crate::framing::{BucketRole, Framing, FramingId};
use crate::lang::{Lang, Text};
use crate::money::Usd;
use crate::scenario::Scenario;
use crate::share::{Share, ShareRange};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// The rounding rule, in words, for the page, in `lang`.
pub fn rounding_rule(lang: Lang) -> &'static str {
    crate::msg::note::rounding_rule(lang)
}

/// One million dollars, the unit amounts are rounded to.
pub const ROUNDING_UNIT: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Where a share lies against the range the article or record gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeFlag {
    /// Below the given range.
    Below,
    /// Above the given range.
    Above,
}

impl RangeFlag {
    /// `Some(flag)` if `share` lies outside `range`, `None` if inside or no range is given.
    pub fn of(share: Share, range: Option<ShareRange>) -> Option<RangeFlag> {
        let r = range?;
        if share < r.low() {
            Some(RangeFlag::Below)
        } else if share > r.high() {
            Some(RangeFlag::Above)
        } else {
            None
        }
    }
}

/// One bucket's part of the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationRow {
    bucket: String,
    label: Text,
    short_label: Text,
    role: BucketRole,
    share: Share,
    amount: Usd,
    shown: Usd,
    range: Option<ShareRange>,
    flag: Option<RangeFlag>,
}

impl AllocationRow {
    /// The bucket id.
    pub fn bucket(&self) -> &str {
        &self.bucket
    }
    /// The bucket's full label.
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
    /// The bucket's full label in every language.
    pub fn label_text(&self) -> &Text {
        &self.label
    }
    /// The bucket's chart-axis label.
    pub fn short_label(&self, lang: Lang) -> &str {
        self.short_label.get(lang)
    }
    /// The bucket's role.
    pub fn role(&self) -> BucketRole {
        self.role
    }
    /// The bucket's share of the total.
    pub fn share(&self) -> Share {
        self.share
    }
    /// The bucket's amount, a whole number of millions of dollars.
    pub fn amount(&self) -> Usd {
        self.amount
    }
    /// The amount as readers see it: rounded to $0.1 billion so that the rows shown add up to
    /// the total shown (see [`crate::format::round_parts`]). Use it for every figure shown; use
    /// [`AllocationRow::amount`] for arithmetic.
    pub fn shown_amount(&self) -> Usd {
        self.shown
    }
    /// The range the article or record gives, if any.
    pub fn range(&self) -> Option<ShareRange> {
        self.range
    }
    /// Whether the share is below or above that range.
    pub fn flag(&self) -> Option<RangeFlag> {
        self.flag
    }
}

/// A framing's total split into dollar amounts, one row per bucket in bucket
/// order; the amounts add up exactly to the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    framing: FramingId,
    total: Usd,
    rows: Vec<AllocationRow>,
}

impl Allocation {
    /// Which framing.
    pub fn framing(&self) -> FramingId {
        self.framing
    }
    /// The total (equal to the sum of the rows' amounts).
    pub fn total(&self) -> Usd {
        self.total
    }
    /// The rows, in bucket order.
    pub fn rows(&self) -> &[AllocationRow] {
        &self.rows
    }
    /// The row of `bucket_id`, if any.
    pub fn row(&self, bucket_id: &str) -> Option<&AllocationRow> {
        self.rows.iter().find(|r| r.bucket == bucket_id)
    }
    /// The row with `role`, if any.
    pub fn row_by_role(&self, role: BucketRole) -> Option<&AllocationRow> {
        self.rows.iter().find(|r| r.role == role)
    }
    /// The amount in the Treasuries bucket; $0 if the framing has none.
    pub fn treasuries_amount(&self) -> Usd {
        self.row_by_role(BucketRole::Treasuries)
            .map(|r| r.amount)
            .unwrap_or(Usd::ZERO)
    }
    /// The buckets whose share lies outside their given range, with the flag.
    pub fn range_flags(&self) -> Vec<(String, RangeFlag)> {
        self.rows
            .iter()
            .filter_map(|r| r.flag.map(|f| (r.bucket.clone(), f)))
            .collect()
    }
}

/// Splits `framing`'s total by `scenario`'s shares, following [`rounding_rule`].
///
/// A scenario made for another framing gives a share of 0 to buckets it
/// lacks; the amounts still add up exactly to the total.
pub fn allocate(framing: &Framing, scenario: &Scenario) -> Allocation {
    let shares: Vec<Share> = framing
        .buckets()
        .iter()
        .map(|b| scenario.share_of(b.id()).unwrap_or(Share::ZERO))
        .collect();
    // A validated total is a whole number of millions, at most $10^15, so
    // units ≤ 10^9 and units × share ≤ 10^11: no overflow.
    let units = (framing.total().dollars() / ROUNDING_UNIT).trunc();
    let exact: Vec<Decimal> = shares
        .iter()
        .map(|s| units * s.percent() / Decimal::ONE_HUNDRED)
        .collect();
    let counts = largest_remainder(&exact, units);
    let amounts: Vec<Usd> = counts
        .iter()
        .map(|n| Usd::new(*n * ROUNDING_UNIT))
        .collect();
    let shown = crate::format::round_parts(&amounts);
    let rows = framing
        .buckets()
        .iter()
        .zip(shares)
        .zip(amounts.into_iter().zip(shown))
        .map(|((b, share), (amount, shown))| AllocationRow {
            bucket: b.id().to_string(),
            label: b.label_text().clone(),
            short_label: Text::new(b.short_label(Lang::En), b.short_label(Lang::Ja)),
            role: b.role(),
            share,
            amount,
            shown,
            range: b.range(),
            flag: RangeFlag::of(share, b.range()),
        })
        .collect();
    Allocation {
        framing: framing.id(),
        total: Usd::new(units * ROUNDING_UNIT),
        rows,
    }
}

/// The number of squares in the waffle chart (each 1% of the total).
pub const WAFFLE_SQUARES: usize = 100;

/// Assigns the 100 squares of a waffle chart (each 1% of the total, $5.5
/// billion of $550 billion) to buckets by the largest-remainder method over
/// the shares, ties to the bucket listed first. Returns a count per bucket in
/// bucket order; the counts add up to exactly 100.
pub fn waffle_squares(allocation: &Allocation) -> Vec<usize> {
    let exact: Vec<Decimal> = allocation.rows.iter().map(|r| r.share.percent()).collect();
    largest_remainder(&exact, Decimal::ONE_HUNDRED)
        .into_iter()
        .map(|d| d.to_usize().unwrap_or(0))
        .collect()
}

/// Largest-remainder rounding of non-negative `exact` values to whole numbers
/// adding up to exactly `target` (a non-negative whole number).
///
/// Floors each value, then hands out the units left over one each to the
/// largest fractional parts (ties: earlier first), cycling if more units are
/// left than values. If the floors already exceed `target` (possible only
/// from rounding at `Decimal`'s last digit), units are taken back from the
/// smallest fractional parts among non-zero counts.
pub(crate) fn largest_remainder(exact: &[Decimal], target: Decimal) -> Vec<Decimal> {
    if exact.is_empty() {
        return Vec::new();
    }
    let mut counts: Vec<Decimal> = exact
        .iter()
        .map(|e| (*e).max(Decimal::ZERO).floor())
        .collect();
    let fracs: Vec<Decimal> = exact
        .iter()
        .zip(&counts)
        .map(|(e, c)| (*e).max(Decimal::ZERO) - c)
        .collect();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    // Largest fraction first; stable sort keeps bucket order on ties.
    crate::order::sort_small_by(&mut order, |&a, &b| fracs[b].cmp(&fracs[a]));
    let sum: Decimal = counts.iter().copied().sum();
    let mut left = target - sum;
    let n = Decimal::from(exact.len());
    if left > Decimal::ZERO {
        let each = (left / n).floor();
        if each > Decimal::ZERO {
            for c in &mut counts {
                *c += each;
            }
            left -= each * n;
        }
        for &i in order.iter() {
            if left <= Decimal::ZERO {
                break;
            }
            counts[i] += Decimal::ONE;
            left -= Decimal::ONE;
        }
    }
    while left < Decimal::ZERO {
        // Smallest fraction first, among counts that can give a unit.
        let Some(&i) = order.iter().rev().find(|&&i| counts[i] >= Decimal::ONE) else {
            break;
        };
        counts[i] -= Decimal::ONE;
        left += Decimal::ONE;
    }
    counts
}
