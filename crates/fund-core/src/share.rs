//! Percentages kept exact: a share of a whole, from 0 to 100 inclusive.

use crate::error::CoreError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A percentage between 0 and 100 inclusive, e.g. `1.5` means 1.5%.
///
/// The only way to make one is [`Share::new`] (or deserialising, which
/// validates the same way), so a `Share` is always in range.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Share(Decimal);

impl Share {
    /// 0%.
    pub const ZERO: Share = Share(Decimal::ZERO);
    /// 100%.
    pub const FULL: Share = Share(Decimal::ONE_HUNDRED);

    /// Makes a share from a percentage; refuses values outside 0–100.
    pub fn new(percent: Decimal) -> Result<Self, CoreError> {
        if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return Err(CoreError::ShareOutOfBounds { value: percent });
        }
        Ok(Share(percent.normalize()))
    }

    /// The percentage, e.g. `1.5` for 1.5%.
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// The fraction of one, e.g. `0.015` for 1.5%.
    pub fn fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }
}

impl TryFrom<Decimal> for Share {
    type Error = CoreError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Share::new(value)
    }
}

impl From<Share> for Decimal {
    fn from(s: Share) -> Decimal {
        s.0
    }
}

/// An inclusive range of shares, `low <= high`, as an article or source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RangeRepr", into = "RangeRepr")]
pub struct ShareRange {
    low: Share,
    high: Share,
}

#[derive(Serialize, Deserialize)]
struct RangeRepr {
    low: Share,
    high: Share,
}

impl TryFrom<RangeRepr> for ShareRange {
    type Error = CoreError;
    fn try_from(r: RangeRepr) -> Result<Self, Self::Error> {
        ShareRange::new(r.low, r.high)
    }
}

impl From<ShareRange> for RangeRepr {
    fn from(r: ShareRange) -> Self {
        RangeRepr {
            low: r.low,
            high: r.high,
        }
    }
}

impl ShareRange {
    /// Makes a range; refuses `low > high`.
    pub fn new(low: Share, high: Share) -> Result<Self, CoreError> {
        if low > high {
            return Err(CoreError::InvertedRange {
                low: low.percent(),
                high: high.percent(),
            });
        }
        Ok(ShareRange { low, high })
    }

    /// A range of two shares, the smaller first (never refused).
    pub(crate) fn ordered(a: Share, b: Share) -> Self {
        if a <= b {
            ShareRange { low: a, high: b }
        } else {
            ShareRange { low: b, high: a }
        }
    }

    /// The lower end.
    pub fn low(self) -> Share {
        self.low
    }

    /// The upper end.
    pub fn high(self) -> Share {
        self.high
    }

    /// Whether `s` lies within the range, ends included.
    pub fn contains(self, s: Share) -> bool {
        s >= self.low && s <= self.high
    }
}
