//! Reader-facing formatting of money and shares. Every string a reader sees
//! for an amount or a percentage is made here, so the page, the charts, the
//! tables and the downloads all say the same thing.

use crate::money::{Usd, Yen};
use crate::share::Share;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero to `dp` places and drops trailing zeros.
pub fn round_trim(value: Decimal, dp: u32) -> Decimal {
    value
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Groups the integer part with commas: `1234567.5` → `"1,234,567.5"`.
pub fn group_thousands(value: Decimal) -> String {
    let s = value.to_string();
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn scaled(value: Decimal, dp: u32) -> (Decimal, &'static str) {
    let abs = value.abs();
    let trillion = Decimal::from(1_000_000_000_000u64);
    let billion = Decimal::from(1_000_000_000u64);
    let million = Decimal::from(1_000_000u64);
    // Choose the unit on the rounded value so 999.96 billion reads "1 trillion".
    if round_trim(abs / billion, dp) >= Decimal::ONE_THOUSAND {
        (round_trim(value / trillion, dp), "trillion")
    } else if round_trim(abs / million, dp) >= Decimal::ONE_THOUSAND {
        (round_trim(value / billion, dp), "billion")
    } else {
        (round_trim(value / million, dp), "million")
    }
}

/// `"$412.5 billion"`, `"$1.2 trillion"`, `"$600 million"`: one decimal place, trailing zero dropped.
pub fn usd(amount: Usd) -> String {
    usd_dp(amount, 1)
}

/// Like [`usd`] with a chosen number of decimal places.
pub fn usd_dp(amount: Usd, dp: u32) -> String {
    let (v, unit) = scaled(amount.dollars(), dp);
    if v.is_sign_negative() && !v.is_zero() {
        format!("−${} {unit}", group_thousands(v.abs()))
    } else {
        format!("${} {unit}", group_thousands(v.abs()))
    }
}

/// `"¥61.9 trillion"`: one decimal place, trailing zero dropped.
pub fn yen(amount: Yen) -> String {
    let (v, unit) = scaled(amount.yen(), 1);
    if v.is_sign_negative() && !v.is_zero() {
        format!("−¥{} {unit}", group_thousands(v.abs()))
    } else {
        format!("¥{} {unit}", group_thousands(v.abs()))
    }
}

/// `"1.5%"`, `"75%"`, `"11.75%"`: up to two decimal places, trailing zeros dropped.
pub fn share(s: Share) -> String {
    percent(s.percent())
}

/// Formats any percentage value (which may be outside 0–100, e.g. a ratio), as [`share`] does.
pub fn percent(p: Decimal) -> String {
    let v = round_trim(p, 2);
    if v.is_sign_negative() && !v.is_zero() {
        format!("−{}%", v.abs())
    } else {
        format!("{}%", v.abs())
    }
}

/// A percentage rate such as a yield: `"4.1%"` (two decimal places at most).
pub fn rate(p: Decimal) -> String {
    percent(p)
}

/// Basis points, `"20 bp"`, `"−3.5 bp"`: one decimal place, trailing zero dropped.
pub fn basis_points(bp: Decimal) -> String {
    let v = round_trim(bp, 1);
    if v.is_sign_negative() && !v.is_zero() {
        format!("−{} bp", v.abs())
    } else {
        format!("{} bp", v.abs())
    }
}

/// A yen-per-dollar rate: `"¥156.8 per $"`.
pub fn usdjpy(rate: Decimal) -> String {
    format!("¥{} per $", round_trim(rate, 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::d;

    mod rust_decimal_macros_free {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        pub fn d(s: &str) -> Decimal {
            Decimal::from_str(s).unwrap()
        }
    }

    #[test]
    fn usd_cases() {
        let cases = [
            ("412500000000", "$412.5 billion"),
            ("550000000000", "$550 billion"),
            ("5500000000", "$5.5 billion"),
            ("1185500000000", "$1.2 trillion"),
            ("29571600000000", "$29.6 trillion"),
            ("600000000", "$600 million"),
            ("999960000000", "$1 trillion"),
            ("0", "$0 million"),
            ("-2500000000", "−$2.5 billion"),
            ("1049999999", "$1 billion"),
            ("1050000000", "$1.1 billion"),
        ];
        for (input, want) in cases {
            assert_eq!(usd(Usd::new(d(input))), want, "input {input}");
        }
    }

    #[test]
    fn yen_cases() {
        // $412.5 bn at 150 yen = 61.875 trillion yen.
        assert_eq!(
            yen(Usd::new(d("412500000000")).to_yen(d("150"))),
            "¥61.9 trillion"
        );
        assert_eq!(yen(Yen::new(d("3000000000"))), "¥3 billion");
        assert_eq!(yen(Yen::new(d("1234000000000000"))), "¥1,234 trillion");
    }

    #[test]
    fn share_cases() {
        let cases = [
            ("1.5", "1.5%"),
            ("75", "75%"),
            ("11.75", "11.75%"),
            ("0", "0%"),
            ("100", "100%"),
            ("33.333", "33.33%"),
            ("2.005", "2.01%"),
        ];
        for (input, want) in cases {
            assert_eq!(share(Share::new(d(input)).unwrap()), want, "input {input}");
        }
        assert_eq!(percent(d("-0.4")), "−0.4%");
        assert_eq!(percent(d("140.33")), "140.33%");
    }

    #[test]
    fn other_cases() {
        assert_eq!(basis_points(d("20")), "20 bp");
        assert_eq!(basis_points(d("-3.456")), "−3.5 bp");
        assert_eq!(usdjpy(d("156.80")), "¥156.8 per $");
        assert_eq!(group_thousands(d("-1234567.25")), "-1,234,567.25");
        assert_eq!(group_thousands(d("123")), "123");
    }
}
