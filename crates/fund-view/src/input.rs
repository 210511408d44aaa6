//! Reading what a reader types: text in, an exact number or a clear message out.
//!
//! Nothing here trusts its input: any string (empty, enormous, non-numeric) gives a message, never
//! a panic, and the message quotes at most a short, plain-text excerpt of what was typed.

use fund_core::{msg, Lang};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Longest text accepted as a number; longer input is refused unread.
pub const MAX_INPUT_CHARS: usize = 24;

/// Parses a typed decimal number such as `"75"`, `" 1.5 "`, `"1.5%"` or `"156,8"`.
///
/// A trailing `%` (or `％`) is allowed, a comma is read as a decimal point, thousands separators
/// are not; full-width digits (as a Japanese input method may type them) are read as digits.
/// The message, when refused, is in `lang`.
pub fn parse_decimal(text: &str, lang: Lang) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(msg::input::not_a_number(lang).to_string());
    }
    if trimmed.chars().count() > MAX_INPUT_CHARS {
        return Err(msg::input::too_long(lang).to_string());
    }
    let half: String = trimmed.chars().map(half_width).collect();
    let body = half
        .strip_suffix('%')
        .unwrap_or(&half)
        .trim()
        .replace(',', ".");
    let plain = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+');
    match (plain, Decimal::from_str(&body)) {
        (true, Ok(v)) => Ok(v.normalize()),
        _ => Err(msg::input::quoted_not_a_number(lang, &excerpt(trimmed))),
    }
}

/// A full-width digit, sign, point or percent as its ASCII twin; other characters unchanged.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '．' | '，' | '－' | '＋' | '％' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '−' => '-',
        c => c,
    }
}

/// A whole number of months or years from a value the reader set, e.g. `40`.
pub fn whole(v: Decimal, lang: Lang) -> Result<u32, String> {
    if v.fract() != Decimal::ZERO || v < Decimal::ZERO {
        return Err(msg::input::not_whole_value(
            lang,
            &fund_core::format::number(v),
        ));
    }
    u32::try_from(v.mantissa() / 10i128.pow(v.scale()))
        .map_err(|_| msg::input::too_large(lang).to_string())
}

/// An amount the reader set in billions of dollars, e.g. `412.5`.
pub fn billions(v: Decimal, lang: Lang) -> Result<fund_core::Usd, String> {
    v.checked_mul(Decimal::from(1_000_000_000u64))
        .map(fund_core::Usd::new)
        .ok_or_else(|| msg::input::amount_too_large(lang).to_string())
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
                parse_decimal(input, Lang::En).unwrap(),
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
            let err = parse_decimal(input, Lang::En).unwrap_err();
            assert!(!err.is_empty(), "input {input:?}");
        }
        assert_eq!(
            parse_decimal("abc", Lang::En).unwrap_err(),
            "“abc” is not a number."
        );
        assert_eq!(
            parse_decimal("abc", Lang::Ja).unwrap_err(),
            "「abc」は数値ではありません。"
        );
        assert!(parse_decimal(&"9".repeat(200), Lang::En)
            .unwrap_err()
            .contains("too long"));
        assert_eq!(
            parse_decimal("<script>alert(1)</script>", Lang::En).unwrap_err(),
            "That is too long to be a number here."
        );
        // What a Japanese input method types: full-width digits and percent sign.
        assert_eq!(
            parse_decimal("７５．５％", Lang::Ja).unwrap(),
            Decimal::from_str("75.5").unwrap()
        );
    }

    #[test]
    fn whole_numbers_and_billions() {
        let read = |t: &str| parse_decimal(t, Lang::En).unwrap();
        assert_eq!(whole(read("40"), Lang::En).unwrap(), 40);
        assert!(whole(read("4.5"), Lang::Ja).is_err());
        assert!(whole(read("-1"), Lang::En).is_err());
        assert_eq!(
            billions(read("412.5"), Lang::En).unwrap(),
            fund_core::Usd::new(Decimal::from(412_500_000_000u64))
        );
    }
}
