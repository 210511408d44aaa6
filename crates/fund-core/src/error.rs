//! The core's one error type.

use rust_decimal::Decimal;
use thiserror::Error;

/// Everything the core can refuse, each naming what was wrong and the value.
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
}
