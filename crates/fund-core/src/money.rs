//! Exact money amounts. US dollars and yen are kept apart by type.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An exact amount of US dollars (not cents, not billions: plain dollars).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Usd(Decimal);

impl Usd {
    /// Zero dollars.
    pub const ZERO: Usd = Usd(Decimal::ZERO);

    /// Wraps a number of dollars.
    pub fn new(dollars: Decimal) -> Self {
        Usd(dollars)
    }

    /// A whole number of billions of dollars.
    pub fn billions(billions: Decimal) -> Self {
        Usd(billions * Decimal::from(1_000_000_000u64))
    }

    /// The amount in dollars.
    pub fn dollars(self) -> Decimal {
        self.0
    }

    /// The amount in billions of dollars (exact).
    pub fn in_billions(self) -> Decimal {
        self.0 / Decimal::from(1_000_000_000u64)
    }

    /// Adds, or `None` if the result is beyond `Decimal`'s range.
    pub fn checked_add(self, rhs: Usd) -> Option<Usd> {
        self.0.checked_add(rhs.0).map(Usd)
    }

    /// Subtracts, or `None` if the result is beyond `Decimal`'s range.
    pub fn checked_sub(self, rhs: Usd) -> Option<Usd> {
        self.0.checked_sub(rhs.0).map(Usd)
    }

    /// Converts to yen at `yen_per_dollar`, or `None` if the result is beyond `Decimal`'s range.
    pub fn checked_to_yen(self, yen_per_dollar: Decimal) -> Option<Yen> {
        self.0.checked_mul(yen_per_dollar).map(Yen)
    }

    /// Converts to yen at `yen_per_dollar`.
    ///
    /// Panics only beyond about 7.9 × 10^28 yen; for unchecked input use
    /// [`Usd::checked_to_yen`].
    pub fn to_yen(self, yen_per_dollar: Decimal) -> Yen {
        Yen(self.0 * yen_per_dollar)
    }
}

/// Panics only if the sum is beyond `Decimal`'s range (about 7.9 × 10^28); see [`Usd::checked_add`].
impl std::ops::Add for Usd {
    type Output = Usd;
    fn add(self, rhs: Usd) -> Usd {
        Usd(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Usd {
    type Output = Usd;
    fn sub(self, rhs: Usd) -> Usd {
        Usd(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        iter.fold(Usd::ZERO, |a, b| a + b)
    }
}

/// An exact amount of Japanese yen.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Yen(Decimal);

impl Yen {
    /// Wraps a number of yen.
    pub fn new(yen: Decimal) -> Self {
        Yen(yen)
    }

    /// The amount in yen.
    pub fn yen(self) -> Decimal {
        self.0
    }
}
