//! The core's one error type.

use crate::lang::{Lang, Text};
use crate::msg;
use rust_decimal::Decimal;
use thiserror::Error;

/// The number a refusal is about, named in the reader's language by [`Field::name`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The yen-per-dollar rate.
    UsdJpy,
    /// The share of the rest that goes to the first remainder bucket.
    RemainderSplit,
    /// One project's principal, in dollars.
    Principal,
    /// A project's cash yield, in percent a year.
    CashYield,
    /// The deemed interest's benchmark rate, in percent.
    Benchmark,
    /// The deemed interest's risk spread, in percent.
    Spread,
    /// How many years the profit split is shown for.
    Horizon,
    /// The flow of Treasury buying or selling, in dollars.
    FlowAmount,
    /// How many months the flow is spread over.
    FlowMonths,
    /// The share of the bucket with this label.
    BucketShare(Text),
    /// The yield of the bucket with this label.
    BucketYield(Text),
    /// The deal tracker's running total.
    TrackerTotal,
}

impl Field {
    /// What the number is, in `lang`, e.g. "the USD/JPY rate".
    pub fn name(&self, lang: Lang) -> String {
        match self {
            Field::UsdJpy => msg::field::usdjpy(lang).to_string(),
            Field::RemainderSplit => msg::field::remainder_split(lang).to_string(),
            Field::Principal => msg::field::principal(lang).to_string(),
            Field::CashYield => msg::field::cash_yield(lang).to_string(),
            Field::Benchmark => msg::field::benchmark(lang).to_string(),
            Field::Spread => msg::field::spread(lang).to_string(),
            Field::Horizon => msg::field::horizon(lang).to_string(),
            Field::FlowAmount => msg::field::flow_amount(lang).to_string(),
            Field::FlowMonths => msg::field::flow_months(lang).to_string(),
            Field::BucketShare(label) => msg::field::bucket_share(lang, label.get(lang)),
            Field::BucketYield(label) => msg::field::bucket_yield(lang, label.get(lang)),
            Field::TrackerTotal => msg::field::tracker_total(lang).to_string(),
        }
    }
}

/// A decimal as readers type it: normalised, with a minus sign.
fn num(d: &Decimal) -> String {
    let n = d.normalize();
    if n.is_sign_negative() && !n.is_zero() {
        format!("−{}", n.abs())
    } else {
        n.abs().to_string()
    }
}

/// Everything the core can refuse, each naming what was wrong and the value.
///
/// [`CoreError::message`] gives a plain sentence a reader can be shown as is, in their language;
/// `Display` gives the English one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    /// A percentage below 0 or above 100.
    #[error("{}", self.message(Lang::En))]
    ShareOutOfBounds {
        /// The refused value.
        value: Decimal,
    },
    /// A range whose low end is above its high end.
    #[error("{}", self.message(Lang::En))]
    InvertedRange {
        /// Low end given.
        low: Decimal,
        /// High end given.
        high: Decimal,
    },
    /// A share given for one bucket is below 0 or above 100.
    #[error("{}", self.message(Lang::En))]
    BucketShareOutOfBounds {
        /// The bucket's id.
        bucket: String,
        /// The bucket's label.
        label: Text,
        /// The refused value.
        value: Decimal,
    },
    /// A bucket id that the framing does not have.
    #[error("{}", self.message(Lang::En))]
    UnknownBucket {
        /// The framing's id.
        framing: String,
        /// The unknown bucket id.
        bucket: String,
    },
    /// A bucket of the framing that was given no share.
    #[error("{}", self.message(Lang::En))]
    MissingBucket {
        /// The framing's id.
        framing: String,
        /// The missing bucket id.
        bucket: String,
    },
    /// A bucket id given (or defined) more than once.
    #[error("{}", self.message(Lang::En))]
    DuplicateBucket {
        /// The repeated bucket id.
        bucket: String,
    },
    /// Shares that do not add up to exactly 100.
    #[error("{}", self.message(Lang::En))]
    ScenarioTotal {
        /// The sum of the shares given.
        total: Decimal,
    },
    /// Two fixed shares that together exceed the whole fund.
    #[error("{}", self.message(Lang::En))]
    SharesExceedWhole {
        /// The id of the bucket that overflowed.
        bucket: String,
        /// Its label.
        label: Text,
        /// Its refused share.
        value: Decimal,
        /// The other fixed bucket's label.
        other_label: Text,
        /// Its share.
        other_value: Decimal,
    },
    /// A number with more decimal places than exact arithmetic allows here.
    #[error("{}", self.message(Lang::En))]
    TooManyDecimals {
        /// What the number is.
        field: Field,
        /// The refused value.
        value: Decimal,
        /// The most decimal places accepted.
        max_places: u32,
    },
    /// A yield outside 0–25%.
    #[error("{}", self.message(Lang::En))]
    YieldOutOfBounds {
        /// The bucket's id.
        bucket: String,
        /// The bucket's label.
        label: Text,
        /// The refused value.
        value: Decimal,
    },
    /// A numeric input outside its accepted range.
    #[error("{}", self.message(Lang::En))]
    OutOfRange {
        /// What the number is.
        field: Field,
        /// The refused value.
        value: Decimal,
        /// Lowest accepted value.
        min: Decimal,
        /// Highest accepted value.
        max: Decimal,
    },
    /// Framing data that is not valid JSON of the expected shape.
    #[error("{}", self.message(Lang::En))]
    FramingData {
        /// What the JSON reader reported.
        message: String,
    },
    /// Framing data that parsed but breaks a rule.
    #[error("{}", self.message(Lang::En))]
    InvalidFraming {
        /// The framing's id (or its position if it has none).
        framing: String,
        /// What is wrong, as a sentence (data errors are for editors, in English).
        problem: String,
    },
    /// A framing name that is neither "article" nor "record".
    #[error("{}", self.message(Lang::En))]
    UnknownFraming {
        /// The refused text.
        value: String,
    },
    /// A step index past the last step.
    #[error("{}", self.message(Lang::En))]
    StepOutOfRange {
        /// The refused step index.
        step: usize,
        /// How many steps there are.
        count: usize,
    },
    /// A computation whose result is too large for exact decimal arithmetic.
    #[error("{}", self.message(Lang::En))]
    Overflow {
        /// What was being computed.
        what: Field,
    },
    /// Tracker inputs that cannot be used (dates out of order, an amount below zero).
    #[error("{}", self.message(Lang::En))]
    Tracker {
        /// What is wrong (data errors are for editors, in English).
        reason: String,
    },
}

impl CoreError {
    /// The refusal as a plain sentence in `lang`, to show a reader as text (never as HTML).
    pub fn message(&self, lang: Lang) -> String {
        use msg::err;
        match self {
            CoreError::ShareOutOfBounds { value } => err::share_out_of_bounds(lang, &num(value)),
            CoreError::InvertedRange { low, high } => {
                err::inverted_range(lang, &num(low), &num(high))
            }
            CoreError::BucketShareOutOfBounds { label, value, .. } => {
                err::bucket_share_out_of_bounds(lang, label.get(lang), &num(value))
            }
            CoreError::UnknownBucket { framing, bucket } => {
                err::unknown_bucket(lang, framing, bucket)
            }
            CoreError::MissingBucket { framing, bucket } => {
                err::missing_bucket(lang, framing, bucket)
            }
            CoreError::DuplicateBucket { bucket } => err::duplicate_bucket(lang, bucket),
            CoreError::ScenarioTotal { total } => err::scenario_total(lang, &num(total)),
            CoreError::SharesExceedWhole {
                label,
                value,
                other_label,
                other_value,
                ..
            } => err::shares_exceed_whole(
                lang,
                label.get(lang),
                &num(value),
                other_label.get(lang),
                &num(other_value),
                &num(&(*value + *other_value)),
            ),
            CoreError::TooManyDecimals {
                field,
                value,
                max_places,
            } => err::too_many_decimals(
                lang,
                &field.name(lang),
                &num(value),
                &max_places.to_string(),
            ),
            CoreError::YieldOutOfBounds { label, value, .. } => {
                err::yield_out_of_bounds(lang, label.get(lang), &num(value))
            }
            CoreError::OutOfRange {
                field,
                value,
                min,
                max,
            } => err::out_of_range(lang, &field.name(lang), &num(value), &num(min), &num(max)),
            CoreError::FramingData { message } => err::framing_data(lang, message),
            CoreError::InvalidFraming { framing, problem } => {
                err::invalid_framing(lang, framing, problem)
            }
            CoreError::UnknownFraming { value } => err::unknown_framing(lang, value),
            CoreError::StepOutOfRange { step, count } => {
                err::step_out_of_range(lang, &(step + 1).to_string(), &count.to_string())
            }
            CoreError::Overflow { what } => err::overflow(lang, &what.name(lang)),
            CoreError::Tracker { reason } => err::tracker(lang, reason),
        }
    }
}
