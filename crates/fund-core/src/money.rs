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

    /// Converts to yen at `yen_per_dollar`.
    pub fn to_yen(self, yen_per_dollar: Decimal) -> Yen {
        Yen(self.0 * yen_per_dollar)
    }
}

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
