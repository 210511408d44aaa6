//! Calendar dates as the content writes them: a day, a month or a year.

use crate::ContentError;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// Only the year (`2025`).
    Year,
    /// Year and month (`2025-11`).
    Month,
    /// A full day (`2025-07-28`).
    Day,
}

/// A validated ISO date of day, month or year precision.
///
/// Dates order chronologically; a month sorts before any day within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct IsoDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(part: &str, digits: usize) -> Option<u16> {
    if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl IsoDate {
    /// Parses `yyyy-mm-dd`, `yyyy-mm` or `yyyy`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Self, ContentError> {
        let bad = |reason| ContentError::BadDate {
            value: text.to_owned(),
            reason,
        };
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|p| number(p, 4))
            .filter(|y| *y >= 1000)
            .ok_or_else(|| bad("the year must have four digits"))?;
        let month = match parts.next() {
            None => None,
            Some(p) => Some(
                number(p, 2)
                    .filter(|m| (1..=12).contains(m))
                    .and_then(|m| u8::try_from(m).ok())
                    .ok_or_else(|| bad("the month must be 01 to 12"))?,
            ),
        };
        let day = match (parts.next(), month) {
            (None, _) => None,
            (Some(_), None) => return Err(bad("a day needs a month")),
            (Some(p), Some(m)) => Some(
                number(p, 2)
                    .and_then(|d| u8::try_from(d).ok())
                    .filter(|d| *d >= 1 && *d <= days_in_month(year, m))
                    .ok_or_else(|| bad("no such day in that month"))?,
            ),
        };
        if parts.next().is_some() {
            return Err(bad("expected yyyy-mm-dd, yyyy-mm or yyyy"));
        }
        Ok(Self { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, 1–12, if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The date as a reader sees it in `lang`, to its precision: `28 Jul 2025`, `Nov 2025`,
    /// `2025`; `2025年7月28日`, `2025年11月`, `2025年`.
    pub fn format(&self, lang: fund_core::Lang) -> String {
        let year = i32::from(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => fund_core::format::date(year, u32::from(m), u32::from(d), lang),
            (Some(m), None) => fund_core::format::month(year, u32::from(m), lang),
            _ => match lang {
                fund_core::Lang::En => year.to_string(),
                fund_core::Lang::Ja => format!("{year}年"),
            },
        }
    }

    /// The ISO form as written: `2025-07-28`, `2025-11` or `2025`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Reader-facing form: `28 Jul 2025`, `Nov 2025` or `2025`.
impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(fund_core::Lang::En))
    }
}

impl FromStr for IsoDate {
    type Err = ContentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for IsoDate {
    type Error = ContentError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}
