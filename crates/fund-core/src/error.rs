//! The core's one error type.

use rust_decimal::Decimal;
use thiserror::Error;

/// Everything the core can refuse, each naming what was wrong and the value.
///
/// The `Display` text is a plain sentence a reader can be shown as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    /// A percentage below 0 or above 100.
    #[error("{value}% is not a share: it must be between 0% and 100%")]
    ShareOutOfBounds {
        /// The refused value.
        value: Decimal,
    },
    /// A range whose low end is above its high end.
    #[error("range {low}%–{high}% runs backwards")]
    InvertedRange {
        /// Low end given.
        low: Decimal,
        /// High end given.
        high: Decimal,
    },
    /// A share given for one bucket is below 0 or above 100.
    #[error("the share for “{label}” is {value}%, but a share must be between 0% and 100%")]
    BucketShareOutOfBounds {
        /// The bucket's id.
        bucket: String,
        /// The bucket's label.
        label: String,
        /// The refused value.
        value: Decimal,
    },
    /// A bucket id that the framing does not have.
    #[error("the “{framing}” framing has no bucket called “{bucket}”")]
    UnknownBucket {
        /// The framing's id.
        framing: String,
        /// The unknown bucket id.
        bucket: String,
    },
    /// A bucket of the framing that was given no share.
    #[error("the “{framing}” framing needs a share for “{bucket}”, but none was given")]
    MissingBucket {
        /// The framing's id.
        framing: String,
        /// The missing bucket id.
        bucket: String,
    },
    /// A bucket id given (or defined) more than once.
    #[error("“{bucket}” appears more than once")]
    DuplicateBucket {
        /// The repeated bucket id.
        bucket: String,
    },
    /// Shares that do not add up to exactly 100.
    #[error("the shares add up to {total}%, but they must add up to exactly 100%")]
    ScenarioTotal {
        /// The sum of the shares given.
        total: Decimal,
    },
    /// Two fixed shares that together exceed the whole fund.
    #[error(
        "“{label}” at {value}% together with “{other_label}” at {other_value}% makes {total}%, \
         more than the whole fund (100%)"
    )]
    SharesExceedWhole {
        /// The id of the bucket that overflowed.
        bucket: String,
        /// Its label.
        label: String,
        /// Its refused share.
        value: Decimal,
        /// The other fixed bucket's label.
        other_label: String,
        /// Its share.
        other_value: Decimal,
        /// The two together.
        total: Decimal,
    },
    /// A number with more decimal places than exact arithmetic allows here.
    #[error("{field} is {value}, which has more than {max_places} decimal places")]
    TooManyDecimals {
        /// What the number is (e.g. "the share for “Direct”").
        field: String,
        /// The refused value.
        value: Decimal,
        /// The most decimal places accepted.
        max_places: u32,
    },
    /// A yield outside 0–25%.
    #[error("the yield for “{label}” is {value}%, but a yield must be between 0% and 25%")]
    YieldOutOfBounds {
        /// The bucket's id.
        bucket: String,
        /// The bucket's label.
        label: String,
        /// The refused value.
        value: Decimal,
    },
    /// A numeric input outside its accepted range.
    #[error("the {field} is {value}, but it must be between {min} and {max}")]
    OutOfRange {
        /// What the number is (e.g. "USD/JPY rate").
        field: &'static str,
        /// The refused value.
        value: Decimal,
        /// Lowest accepted value.
        min: Decimal,
        /// Highest accepted value.
        max: Decimal,
    },
    /// Framing data that is not valid JSON of the expected shape.
    #[error("the framing data could not be read: {message}")]
    FramingData {
        /// What the JSON reader reported.
        message: String,
    },
    /// Framing data that parsed but breaks a rule.
    #[error("the “{framing}” framing is not valid: {problem}")]
    InvalidFraming {
        /// The framing's id (or its position if it has none).
        framing: String,
        /// What is wrong, as a sentence.
        problem: String,
    },
    /// A framing name that is neither "article" nor "record".
    #[error("“{value}” is not a framing: use “article” or “record”")]
    UnknownFraming {
        /// The refused text.
        value: String,
    },
    /// A step index past the last step.
    #[error("there is no step {step}: there are {count} steps, counted from 0")]
    StepOutOfRange {
        /// The refused step index.
        step: usize,
        /// How many steps there are.
        count: usize,
    },
    /// A computation whose result is too large for exact decimal arithmetic.
    #[error("the {what} is too large to compute exactly")]
    Overflow {
        /// What was being computed.
        what: &'static str,
    },
    /// Tracker inputs that cannot be used (dates out of order, an amount below zero).
    #[error("the deal tracker's data is not usable: {reason}")]
    Tracker {
        /// What is wrong.
        reason: String,
    },
}
