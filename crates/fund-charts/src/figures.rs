//! Plain input figures, as the core hands them to the charts.

use fund_core::{Share, ShareRange, Usd};
use rust_decimal::Decimal;

/// One bucket of an allocation (e.g. "US Treasury bonds and bills").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketFigure {
    /// Stable id, e.g. `"treasuries"`.
    pub id: String,
    /// Full label.
    pub label: String,
    /// Short label for narrow screens.
    pub short_label: String,
    /// Dollars in the bucket, as shown (the core's rounded amount, so that the buckets shown
    /// add up to the total shown).
    pub amount: Usd,
    /// The bucket's share of the total.
    pub share: Share,
    /// The article's range for this bucket, if it gives one.
    pub range: Option<ShareRange>,
    /// Palette index (see [`crate::theme::Colours::series`]).
    pub colour: usize,
}

/// Annual income of one bucket at a yield.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomeFigure {
    /// Full label.
    pub label: String,
    /// Short label for narrow screens.
    pub short_label: String,
    /// Dollars in the bucket.
    pub amount: Usd,
    /// Yield in percent a year, e.g. `4.1`.
    pub yield_pct: Decimal,
    /// Income a year at that yield.
    pub income: Usd,
    /// Whether the yield is this explainer's assumption rather than a sourced figure.
    pub is_assumption: bool,
    /// Palette index.
    pub colour: usize,
}

/// One amount to set the fund's Treasury part against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFigure {
    /// What the amount is, e.g. "Japan's Treasury holdings".
    pub label: String,
    /// A shorter name for narrow layouts (empty: the label, fitted).
    pub short_label: String,
    /// The amount.
    pub amount: Usd,
    /// A short note, e.g. the date of the figure ("Dec 2025").
    pub note: String,
}

/// Cumulative cash to each side by the end of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfitPoint {
    /// Calendar year.
    pub year: u32,
    /// Cash to Japan so far.
    pub cum_japan: Usd,
    /// Cash to the US so far.
    pub cum_us: Usd,
}

/// One study's estimate of the fund's effect on US yields, in basis points,
/// signed (negative means yields fall).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimateFigure {
    /// The study, e.g. "Fed QE studies".
    pub label: String,
    /// A shorter name for narrow layouts (empty: the label, fitted).
    pub short_label: String,
    /// The study's own, unscaled figure, for the data table (empty: none).
    pub note: String,
    /// Low end.
    pub low_bp: Decimal,
    /// Central estimate, if the study gives one.
    pub central_bp: Option<Decimal>,
    /// High end.
    pub high_bp: Decimal,
    /// Whether the fund's size lies beyond the range the study measured.
    pub beyond_measured: bool,
}
