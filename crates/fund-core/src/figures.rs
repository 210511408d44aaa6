//! Sourced constants the explainer shows beside the reader's numbers, as data.

use crate::error::CoreError;
use crate::money::Usd;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The date the public record shown is as of (year, month, day): the latest date the sources
/// reached. The deal tracker's data (`as_of` in the content crate's `tranches.json`) is kept
/// equal to it by a test, and every chart's banner states it.
pub const RECORD_AS_OF: (i32, u32, u32) = (2026, 10, 8);

/// [`RECORD_AS_OF`] as a reader's line: "Record as of 8 Oct 2026; market figures end-2025 unless
/// marked".
pub fn record_as_of_line(lang: crate::lang::Lang) -> String {
    let (y, m, d) = RECORD_AS_OF;
    crate::msg::banner::as_of(lang, &crate::format::date(y, m, d, lang))
}

/// A Japanese text where this build holds Japanese, empty where it does not (see
/// [`Lang::built`](crate::lang::Lang::built): such a build never shows it).
macro_rules! ja {
    ($s:literal) => {
        if cfg!(feature = "lang-ja") {
            $s
        } else {
            ""
        }
    };
}

/// What a figure's value measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// US dollars (plain dollars, not billions).
    Usd,
    /// A percentage, e.g. `4.136` for 4.136%.
    Percent,
    /// Yen per US dollar.
    YenPerUsd,
    /// Basis points (hundredths of a percentage point).
    Bp,
}

/// One sourced number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// A stable id, e.g. `"japan-treasury-holdings"`.
    pub id: &'static str,
    /// What it is, in words (English).
    pub label: &'static str,
    /// What it is, in Japanese.
    #[serde(skip)]
    pub label_ja: &'static str,
    /// The value, in `unit`.
    pub value: Decimal,
    /// The unit of `value`.
    pub unit: Unit,
    /// When it was true, e.g. "Dec 2025".
    pub as_of: &'static str,
    /// When it was true, in Japanese, e.g. "2025年12月".
    #[serde(skip)]
    pub as_of_ja: &'static str,
    /// Source ids (see the content crate's sources file).
    pub sources: &'static [&'static str],
}

impl Figure {
    /// What it is, in `lang`.
    pub fn label_in(&self, lang: crate::lang::Lang) -> &'static str {
        match lang.built() {
            crate::lang::Lang::En => self.label,
            crate::lang::Lang::Ja => self.label_ja,
        }
    }

    /// When it was true, in `lang`.
    pub fn as_of_in(&self, lang: crate::lang::Lang) -> &'static str {
        match lang.built() {
            crate::lang::Lang::En => self.as_of,
            crate::lang::Lang::Ja => self.as_of_ja,
        }
    }

    /// The value as dollars (meaningful when `unit` is [`Unit::Usd`]).
    pub fn usd(&self) -> Usd {
        Usd::new(self.value)
    }
}

fn billions(whole: i64, tenths_scale: u32) -> Decimal {
    // `whole` is the figure in billions times 10^tenths_scale.
    Decimal::new(whole, tenths_scale) * Decimal::from(1_000_000_000u64)
}

/// Japan's holdings of US Treasuries, $1,185.5 billion at end-December 2025 (TIC table 5).
pub fn japan_treasury_holdings() -> Figure {
    Figure {
        id: "japan-treasury-holdings",
        label: "Japan's holdings of US Treasury securities",
        label_ja: ja!("日本の米国債保有額"),
        value: billions(11855, 1),
        unit: Unit::Usd,
        as_of: "Dec 2025",
        as_of_ja: ja!("2025年12月"),
        sources: &["tic-table5"],
    }
}

/// Marketable US Treasury securities outstanding, $29,571.6 billion at 2025 Q3 (Fed Z.1 L.210).
pub fn marketable_treasuries() -> Figure {
    Figure {
        id: "marketable-treasuries",
        label: "Marketable US Treasury securities outstanding",
        label_ja: ja!("市場性米国債の発行残高"),
        value: billions(295716, 1),
        unit: Unit::Usd,
        as_of: "2025 Q3",
        as_of_ja: ja!("2025年7～9月期"),
        sources: &["fed-z1-l210"],
    }
}

/// Japan's official foreign-exchange reserves, $1,369.7 billion at end-2025.
pub fn japan_fx_reserves() -> Figure {
    Figure {
        id: "japan-fx-reserves",
        label: "Japan's official foreign-exchange reserves",
        label_ja: ja!("日本の外貨準備高"),
        value: billions(13697, 1),
        unit: Unit::Usd,
        as_of: "end-2025",
        as_of_ja: ja!("2025年末"),
        sources: &["nation-fxreserves-2026-02"],
    }
}

/// The fund's size, $550 billion ("up to").
pub fn fund_total() -> Figure {
    Figure {
        id: "fund-total",
        label: "The fund's size (\"up to\")",
        label_ja: ja!("対米投資の規模(上限額)"),
        value: billions(550, 0),
        unit: Unit::Usd,
        as_of: "Jul–Sep 2025",
        as_of_ja: ja!("2025年7～9月"),
        sources: &["wh-factsheet-2025-07", "ndtv-bloomberg-2025-09"],
    }
}

/// The 10-year Treasury yield, 4.136% on 31 Dec 2025.
pub fn ten_year_yield() -> Figure {
    Figure {
        id: "ten-year-yield",
        label: "10-year Treasury yield",
        label_ja: ja!("米10年債利回り"),
        value: Decimal::new(4136, 3),
        unit: Unit::Percent,
        as_of: "31 Dec 2025",
        as_of_ja: ja!("2025年12月31日"),
        sources: &["cnbc-10y-2025-12"],
    }
}

/// The default USD/JPY rate, ¥156.8 per dollar (Reuters, Feb 2026).
pub fn usdjpy_default() -> Figure {
    Figure {
        id: "usdjpy-default",
        label: "Yen per US dollar",
        label_ja: ja!("円相場(1ドル当たり)"),
        value: Decimal::new(1568, 1),
        unit: Unit::YenPerUsd,
        as_of: "Feb 2026",
        as_of_ja: ja!("2026年2月"),
        sources: &["reuters-gpif-2026-02"],
    }
}

/// The strongest yen of 2025, ¥139.90 per dollar on 22 Apr 2025.
pub fn usdjpy_2025_low() -> Figure {
    Figure {
        id: "usdjpy-2025-low",
        label: "Strongest yen of 2025 (yen per dollar)",
        label_ja: ja!("2025年の円の最高値(1ドル当たり)"),
        value: Decimal::new(13990, 2),
        unit: Unit::YenPerUsd,
        as_of: "22 Apr 2025",
        as_of_ja: ja!("2025年4月22日"),
        sources: &["bloomberg-yen-2025-04"],
    }
}

/// A weak yen late in 2025, ¥157.89 per dollar on 20 Nov 2025 (the
/// observed upper end the explainer uses; January 2025 was a little weaker).
pub fn usdjpy_2025_high() -> Figure {
    Figure {
        id: "usdjpy-2025-high",
        label: "Weak yen, late 2025 (yen per dollar)",
        label_ja: ja!("2025年終盤の円安水準(1ドル当たり)"),
        value: Decimal::new(15789, 2),
        unit: Unit::YenPerUsd,
        as_of: "20 Nov 2025",
        as_of_ja: ja!("2025年11月20日"),
        sources: &["financetom-yen-2025-11"],
    }
}

/// Every sourced figure in this module, so a test elsewhere can check every cited id exists.
pub fn all() -> Vec<Figure> {
    vec![
        fund_total(),
        japan_treasury_holdings(),
        marketable_treasuries(),
        japan_fx_reserves(),
        ten_year_yield(),
        usdjpy_default(),
        usdjpy_2025_low(),
        usdjpy_2025_high(),
    ]
}

/// The lowest USD/JPY rate accepted as input.
pub const USDJPY_MIN: Decimal = Decimal::from_parts(50, 0, 0, false, 0);
/// The highest USD/JPY rate accepted as input.
pub const USDJPY_MAX: Decimal = Decimal::from_parts(500, 0, 0, false, 0);

/// A validated USD/JPY rate (yen per dollar), 50–500.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct UsdJpy(Decimal);

impl UsdJpy {
    /// Refuses rates outside 50–500 yen per dollar, or with more than 6 decimal places.
    pub fn new(rate: Decimal) -> Result<UsdJpy, CoreError> {
        if rate < USDJPY_MIN || rate > USDJPY_MAX {
            return Err(CoreError::OutOfRange {
                field: crate::error::Field::UsdJpy,
                value: rate,
                min: USDJPY_MIN,
                max: USDJPY_MAX,
            });
        }
        if rate.normalize().scale() > 6 {
            return Err(CoreError::TooManyDecimals {
                field: crate::error::Field::UsdJpy,
                value: rate,
                max_places: 6,
            });
        }
        Ok(UsdJpy(rate.normalize()))
    }

    /// Yen per dollar.
    pub fn rate(self) -> Decimal {
        self.0
    }

    /// Whether the rate lies outside the 2025 observed range (¥139.90–¥157.89);
    /// allowed, but the page flags it.
    pub fn outside_2025_range(self) -> bool {
        self.0 < usdjpy_2025_low().value || self.0 > usdjpy_2025_high().value
    }
}

impl Default for UsdJpy {
    /// ¥156.8 per dollar.
    fn default() -> Self {
        UsdJpy(usdjpy_default().value)
    }
}

impl TryFrom<Decimal> for UsdJpy {
    type Error = CoreError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        UsdJpy::new(value)
    }
}

impl From<UsdJpy> for Decimal {
    fn from(r: UsdJpy) -> Decimal {
        r.0
    }
}
