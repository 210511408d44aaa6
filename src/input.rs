//! Reading what a reader types: text in, an exact number or a clear message out.
//!
//! Nothing here trusts its input: any string (empty, enormous, non-numeric) gives a message, never
//! a panic, and the message quotes at most a short, plain-text excerpt of what was typed.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Longest text accepted as a number; longer input is refused unread.
pub const MAX_INPUT_CHARS: usize = 24;

/// Parses a typed decimal number such as `"75"`, `" 1.5 "`, `"1.5%"` or `"156,8"`.
///
/// A trailing `%` is allowed, a comma is read as a decimal point, thousands separators are not.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Type a number.".to_string());
    }
    if trimmed.chars().count() > MAX_INPUT_CHARS {
        return Err("That is too long to be a number here.".to_string());
    }
    let body = trimmed
        .strip_suffix('%')
        .unwrap_or(trimmed)
        .trim()
        .replace(',', ".");
    let plain = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
    match (plain, Decimal::from_str(&body)) {
        (true, Ok(v)) => Ok(v.normalize()),
        _ => Err(format!("“{}” is not a number.", excerpt(trimmed))),
    }
}

/// A whole number of months or years from a value the reader set, e.g. `40`.
pub fn whole(v: Decimal) -> Result<u32, String> {
    if v.fract() != Decimal::ZERO || v < Decimal::ZERO {
        return Err(format!("{} is not a whole number.", v.normalize()));
    }
    u32::try_from(v.mantissa() / 10i128.pow(v.scale()))
        .map_err(|_| "That number is too large.".to_string())
}

/// An amount the reader set in billions of dollars, e.g. `412.5`.
pub fn billions(v: Decimal) -> Result<fund_core::Usd, String> {
    v.checked_mul(Decimal::from(1_000_000_000u64))
        .map(fund_core::Usd::new)
        .ok_or_else(|| "That amount is too large.".to_string())
}

/// The first dozen characters of `text`, for quoting back in a message (rendered as text, never HTML).
fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_numbers() {
        let cases = [
            ("75", "75"),
            (" 1.5 ", "1.5"),
            ("1.5%", "1.5"),
            ("156,8", "156.8"),
            ("0", "0"),
            ("-3", "-3"),
            ("100.00", "100"),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_decimal(input).unwrap(),
                Decimal::from_str(want).unwrap(),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn refuses_garbage_with_a_message() {
        for input in [
            "", "   ", "abc", "1e5", "<script>", "1.2.3", "75 %%", "NaN", "∞", "0x10",
        ] {
            let err = parse_decimal(input).unwrap_err();
            assert!(!err.is_empty(), "input {input:?}");
        }
        assert_eq!(parse_decimal("abc").unwrap_err(), "“abc” is not a number.");
        assert!(parse_decimal(&"9".repeat(200))
            .unwrap_err()
            .contains("too long"));
        assert_eq!(
            parse_decimal("<script>alert(1)</script>").unwrap_err(),
            "That is too long to be a number here."
        );
    }

    #[test]
    fn whole_numbers_and_billions() {
        let read = |t: &str| parse_decimal(t).unwrap();
        assert_eq!(whole(read("40")).unwrap(), 40);
        assert!(whole(read("4.5")).is_err());
        assert!(whole(read("-1")).is_err());
        assert_eq!(
            billions(read("412.5")).unwrap(),
            fund_core::Usd::new(Decimal::from(412_500_000_000u64))
        );
    }
}
