//! Reader-facing formatting of money, shares, rates and dates, in every language. Every string a
//! reader sees for an amount or a percentage is made here, so the page, the charts, the tables
//! and the downloads all say the same thing. No floating point: rounding is done on `Decimal`.
//!
//! English: `$412.5 billion`, `¥64.7 trillion`, `1.5%`, `70–80%`, `20 bp`, `¥156.8 per $`,
//! `4 Sep 2025`.
//!
//! Japanese, as Japanese newspapers write figures: `4125億ドル`, `約64.7兆円`, `1.5%`,
//! `70～80%`, `20bp`, `1ドル=156.8円`, `2025年9月4日`, with half-width digits. Money uses 兆
//! (10^12) and 億 (10^8), and 万 (10^4) below 1億; the precision matches the English text's
//! (0.1 trillion = 0.1兆; 0.1 billion = 1億).

use crate::lang::Lang;
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

/// The minus sign readers see (U+2212), or nothing.
fn sign(negative: bool) -> &'static str {
    if negative {
        "−"
    } else {
        ""
    }
}

/// `value / 10^n`, exactly: by moving the decimal point when the scale allows (no division: the
/// formatters run on every slider step), else by dividing.
fn shift(value: Decimal, n: u32) -> Decimal {
    let mut v = value;
    match v.set_scale(value.scale() + n) {
        Ok(()) => v,
        Err(_) => value / pow10(n),
    }
}

fn pow10(n: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(n), 0)
}

/// English scale words: the value in the unit chosen on the rounded value (so 999.96 billion
/// reads "1 trillion"), rounded to `dp` places.
fn scaled_en(value: Decimal, dp: u32) -> (Decimal, &'static str) {
    let abs = value.abs();
    if round_trim(shift(abs, 9), dp) >= Decimal::ONE_THOUSAND {
        (round_trim(shift(value, 12), dp), "trillion")
    } else if round_trim(shift(abs, 6), dp) >= Decimal::ONE_THOUSAND {
        (round_trim(shift(value, 9), dp), "billion")
    } else {
        (round_trim(shift(value, 6), dp), "million")
    }
}

/// Japanese units: 兆 with one decimal place; 億 whole from 10億 up and with one decimal place
/// below; 万 whole below 1億. The unit is chosen on the rounded value, so 9999.6億 reads 1兆.
fn scaled_ja(value: Decimal) -> (Decimal, &'static str) {
    let abs = value.abs();
    if round_trim(shift(abs, 8), 0) >= Decimal::from(10_000) {
        (round_trim(shift(value, 12), 1), "兆")
    } else if round_trim(shift(abs, 8), 0) >= Decimal::TEN {
        (round_trim(shift(value, 8), 0), "億")
    } else if round_trim(shift(abs, 8), 1) >= Decimal::ONE {
        (round_trim(shift(value, 8), 1), "億")
    } else if round_trim(shift(abs, 4), 0) >= Decimal::ONE {
        (round_trim(shift(value, 4), 0), "万")
    } else {
        (round_trim(value, 0), "")
    }
}

/// A dollar amount: `"$412.5 billion"`, `"$1.2 trillion"`, `"$600 million"` (one decimal place,
/// trailing zero dropped); `"4125億ドル"`, `"1.2兆ドル"`, `"6億ドル"`, `"5000万ドル"`.
pub fn usd(amount: Usd, lang: Lang) -> String {
    usd_dp(amount, 1, lang)
}

/// Like [`usd`] with a chosen number of decimal places for the English scale word (Japanese
/// keeps its own precision, which matches one decimal place).
pub fn usd_dp(amount: Usd, dp: u32, lang: Lang) -> String {
    match lang.built() {
        Lang::En => {
            let (v, unit) = scaled_en(amount.dollars(), dp);
            let neg = v.is_sign_negative() && !v.is_zero();
            format!("{}${} {unit}", sign(neg), group_thousands(v.abs()))
        }
        Lang::Ja => {
            let (v, unit) = scaled_ja(amount.dollars());
            let neg = v.is_sign_negative() && !v.is_zero();
            format!("{}{}{unit}ドル", sign(neg), v.abs())
        }
    }
}

/// A dollar amount exactly, unrounded, for tables that set framings side by side (where rounding
/// each column to make it add up would show the same share as two amounts): `"$64.625 billion"`,
/// `"$8.25 billion"`, `"$600 million"`; `"646億2500万ドル"`, `"1兆1855億ドル"`.
pub fn usd_exact(amount: Usd, lang: Lang) -> String {
    let v = amount.dollars();
    let neg = v.is_sign_negative() && !v.is_zero();
    let abs = v.abs();
    match lang.built() {
        Lang::En => {
            let billion = Decimal::from(1_000_000_000u64);
            if abs >= billion {
                let b = (abs / billion).normalize();
                format!("{}${} billion", sign(neg), group_thousands(b))
            } else {
                let m = (abs / Decimal::from(1_000_000u64)).normalize();
                format!("{}${} million", sign(neg), group_thousands(m))
            }
        }
        Lang::Ja => {
            let whole = abs.trunc();
            let frac = (abs - whole).normalize();
            let cho = Decimal::from(1_000_000_000_000u64);
            let oku = Decimal::from(100_000_000u64);
            let man = Decimal::from(10_000u64);
            let mut out = String::new();
            let mut rest = whole;
            for (unit, name) in [(cho, "兆"), (oku, "億"), (man, "万")] {
                let n = (rest / unit).trunc();
                if !n.is_zero() {
                    out.push_str(&format!("{n}{name}"));
                }
                rest -= n * unit;
            }
            if !rest.is_zero() || !frac.is_zero() || out.is_empty() {
                out.push_str(&(rest + frac).normalize().to_string());
            }
            format!("{}{out}ドル", sign(neg))
        }
    }
}

/// A yen amount, converted at the reader's rate: `"¥61.9 trillion"`; `"約61.9兆円"` (約,
/// "about", whenever the figure shown is rounded).
pub fn yen(amount: Yen, lang: Lang) -> String {
    match lang.built() {
        Lang::En => {
            let (v, unit) = scaled_en(amount.yen(), 1);
            let neg = v.is_sign_negative() && !v.is_zero();
            format!("{}¥{} {unit}", sign(neg), group_thousands(v.abs()))
        }
        Lang::Ja => {
            let exact = amount.yen();
            let (v, unit) = scaled_ja(exact);
            let scale = match unit {
                "兆" => pow10(12),
                "億" => pow10(8),
                "万" => pow10(4),
                _ => Decimal::ONE,
            };
            let about = if v * scale == exact { "" } else { "約" };
            let neg = v.is_sign_negative() && !v.is_zero();
            format!("{about}{}{}{unit}円", sign(neg), v.abs())
        }
    }
}

/// A share: `"1.5%"`, `"75%"`, `"11.75%"` (up to two decimal places, trailing zeros dropped; the
/// same in every language).
pub fn share(s: Share) -> String {
    percent(s.percent())
}

/// Any percentage value (which may be outside 0–100, e.g. a ratio), as [`share`] does.
pub fn percent(p: Decimal) -> String {
    let v = round_trim(p, 2);
    format!("{}{}%", sign(v.is_sign_negative() && !v.is_zero()), v.abs())
}

/// A percentage rate such as a yield: `"4.14%"` (two decimal places at most).
pub fn rate(p: Decimal) -> String {
    percent(p)
}

/// A range of percentages: `"70–80%"`; `"70～80%"`.
pub fn percent_range(low: Decimal, high: Decimal, lang: Lang) -> String {
    let (l, h) = (round_trim(low, 2), round_trim(high, 2));
    let dash = match lang.built() {
        Lang::En => "–",
        Lang::Ja => "～",
    };
    let num = |v: Decimal| format!("{}{}", sign(v.is_sign_negative() && !v.is_zero()), v.abs());
    format!("{}{dash}{}%", num(l), num(h))
}

/// Basis points, `"20 bp"`, `"−3.5 bp"`; `"20bp"` (one decimal place, trailing zero dropped).
pub fn basis_points(bp: Decimal, lang: Lang) -> String {
    let v = round_trim(bp, 1);
    let s = sign(v.is_sign_negative() && !v.is_zero());
    match lang.built() {
        Lang::En => format!("{s}{} bp", v.abs()),
        Lang::Ja => format!("{s}{}bp", v.abs()),
    }
}

/// A yen-per-dollar rate: `"¥156.8 per $"`; `"1ドル=156.8円"`.
pub fn usdjpy(rate: Decimal, lang: Lang) -> String {
    match lang.built() {
        Lang::En => format!("¥{} per $", round_trim(rate, 2)),
        Lang::Ja => format!("1ドル={}円", round_trim(rate, 2)),
    }
}

/// A plain number as typed in a box: normalised, minus sign U+2212.
pub fn number(v: Decimal) -> String {
    let n = v.normalize();
    format!("{}{}", sign(n.is_sign_negative() && !n.is_zero()), n.abs())
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day: `"4 Sep 2025"`; `"2025年9月4日"`. A month outside 1–12 is written as a number.
pub fn date(year: i32, month: u32, day: u32, lang: Lang) -> String {
    match lang.built() {
        Lang::En => match MONTHS_EN.get(month.wrapping_sub(1) as usize) {
            Some(m) => format!("{day} {m} {year}"),
            None => format!("{day}/{month}/{year}"),
        },
        Lang::Ja => format!("{year}年{month}月{day}日"),
    }
}

/// A month: `"Sep 2025"`; `"2025年9月"`.
pub fn month(year: i32, month: u32, lang: Lang) -> String {
    match lang.built() {
        Lang::En => match MONTHS_EN.get(month.wrapping_sub(1) as usize) {
            Some(m) => format!("{m} {year}"),
            None => format!("{month}/{year}"),
        },
        Lang::Ja => format!("{year}年{month}月"),
    }
}

/// Dollar amounts that are parts of one whole, formatted so that the figures shown add up to the
/// whole as shown: each is rounded to the precision of 0.1 billion (1億), and the rounding
/// differences are given to the amounts with the largest remainders (largest remainder method),
/// so that the parts' shown values sum exactly to the total rounded to that precision. Amounts
/// of a trillion or more keep [`usd`]'s precision.
pub fn usd_parts(parts: &[Usd], lang: Lang) -> Vec<String> {
    round_parts(parts)
        .into_iter()
        .map(|p| usd(p, lang))
        .collect()
}

/// The rounding behind [`usd_parts`]: each part rounded to $0.1 billion (1億ドル), the rounding
/// differences given to the largest remainders (ties to the part listed first), so that the
/// rounded parts add up exactly to the total rounded to $0.1 billion.
pub fn round_parts(parts: &[Usd]) -> Vec<Usd> {
    let unit = pow10(8);
    let total: Decimal = parts.iter().map(|p| p.dollars()).sum();
    let target = round_trim(total / unit, 0);
    let mut floors: Vec<(usize, Decimal, Decimal)> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let q = p.dollars() / unit;
            let f = q.floor();
            (i, f, q - f)
        })
        .collect();
    let floor_sum: Decimal = floors.iter().map(|(_, f, _)| *f).sum();
    let mut extra = target - floor_sum;
    let mut order: Vec<usize> = (0..floors.len()).collect();
    crate::order::sort_small_by(&mut order, |a, b| {
        floors[*b].2.cmp(&floors[*a].2).then(a.cmp(b))
    });
    for i in order {
        if extra <= Decimal::ZERO {
            break;
        }
        if floors[i].2 > Decimal::ZERO {
            floors[i].1 += Decimal::ONE;
            extra -= Decimal::ONE;
        }
    }
    floors
        .iter()
        .map(|(_, units, _)| Usd::new(*units * unit))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn exact_amounts_are_never_rounded() {
        let m = |millions: i64| Usd::new(Decimal::from(millions) * Decimal::from(1_000_000));
        assert_eq!(usd_exact(m(64_625), Lang::En), "$64.625 billion");
        assert_eq!(usd_exact(m(8_250), Lang::En), "$8.25 billion");
        assert_eq!(usd_exact(m(412_500), Lang::En), "$412.5 billion");
        assert_eq!(usd_exact(m(600), Lang::En), "$600 million");
        assert_eq!(usd_exact(m(64_625), Lang::Ja), "646億2500万ドル");
        assert_eq!(usd_exact(m(8_250), Lang::Ja), "82億5000万ドル");
        assert_eq!(usd_exact(m(1_185_500), Lang::Ja), "1兆1855億ドル");
        assert_eq!(usd_exact(m(0), Lang::Ja), "0ドル");
    }

    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn usd_in_english() {
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
            assert_eq!(usd(Usd::new(d(input)), Lang::En), want, "input {input}");
        }
    }

    #[test]
    fn usd_in_japanese() {
        let cases = [
            ("550000000000", "5500億ドル"),
            ("412500000000", "4125億ドル"),
            ("8250000000", "83億ドル"),
            ("5500000000", "55億ドル"),
            ("650000000", "6.5億ドル"),
            ("100000000", "1億ドル"),
            ("99990000", "1億ドル"),
            ("50000000", "5000万ドル"),
            ("1185500000000", "1.2兆ドル"),
            ("29571600000000", "29.6兆ドル"),
            // Exact 兆 boundaries: the unit is chosen on the rounded value.
            ("1000000000000", "1兆ドル"),
            ("999960000000", "1兆ドル"),
            ("999940000000", "9999億ドル"),
            ("0", "0ドル"),
            ("-2100000000", "−21億ドル"),
            ("-8250000000", "−83億ドル"),
        ];
        for (input, want) in cases {
            assert_eq!(usd(Usd::new(d(input)), Lang::Ja), want, "input {input}");
        }
    }

    #[test]
    fn yen_in_both_languages() {
        // $412.5 bn at 150 yen = 61.875 trillion yen.
        let y = Usd::new(d("412500000000")).to_yen(d("150"));
        assert_eq!(yen(y, Lang::En), "¥61.9 trillion");
        assert_eq!(yen(y, Lang::Ja), "約61.9兆円");
        // $550 bn at 147 = 80.85 trillion: rounded, so "about".
        assert_eq!(
            yen(Usd::new(d("550000000000")).to_yen(d("147")), Lang::Ja),
            "約80.9兆円"
        );
        assert_eq!(yen(Yen::new(d("3000000000")), Lang::En), "¥3 billion");
        assert_eq!(yen(Yen::new(d("3000000000")), Lang::Ja), "30億円");
        assert_eq!(yen(Yen::new(d("81000000000000")), Lang::Ja), "81兆円");
        assert_eq!(
            yen(Yen::new(d("1234000000000000")), Lang::En),
            "¥1,234 trillion"
        );
        assert_eq!(yen(Yen::new(d("1234000000000000")), Lang::Ja), "1234兆円");
        assert_eq!(yen(Yen::new(d("0")), Lang::Ja), "0円");
    }

    #[test]
    fn shares_and_percentages() {
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
        assert_eq!(percent(d("-0.001")), "0%");
        assert_eq!(percent(d("140.33")), "140.33%");
        assert_eq!(percent_range(d("1"), d("2"), Lang::Ja), "1～2%");
        assert_eq!(percent_range(d("70"), d("80"), Lang::En), "70–80%");
    }

    #[test]
    fn basis_points_rates_numbers_and_dates() {
        assert_eq!(basis_points(d("20"), Lang::En), "20 bp");
        assert_eq!(basis_points(d("-3.456"), Lang::En), "−3.5 bp");
        // A negative yield change stays negative in Japanese too.
        assert_eq!(basis_points(d("-3.456"), Lang::Ja), "−3.5bp");
        assert_eq!(basis_points(d("-0.04"), Lang::Ja), "0bp");
        assert_eq!(usdjpy(d("156.80"), Lang::En), "¥156.8 per $");
        assert_eq!(usdjpy(d("156.80"), Lang::Ja), "1ドル=156.8円");
        assert_eq!(number(d("-1.50")), "−1.5");
        assert_eq!(group_thousands(d("-1234567.25")), "-1,234,567.25");
        assert_eq!(group_thousands(d("123")), "123");
        assert_eq!(date(2025, 9, 4, Lang::Ja), "2025年9月4日");
        assert_eq!(date(2025, 9, 4, Lang::En), "4 Sep 2025");
        assert_eq!(month(2026, 2, Lang::Ja), "2026年2月");
        assert_eq!(month(2026, 13, Lang::En), "13/2026");
    }

    #[test]
    fn parts_add_up_to_the_whole_as_shown() {
        // 70.5% / 1.5% / the rest 50:50 of $550 bn: plain rounding shows 387.8 + 8.3 + 77 + 77
        // = 550.1; the parts must show 550.
        let parts: Vec<Usd> = ["387750000000", "8250000000", "77000000000", "77000000000"]
            .iter()
            .map(|s| Usd::new(d(s)))
            .collect();
        let plain: Vec<String> = parts.iter().map(|p| usd(*p, Lang::En)).collect();
        assert_eq!(
            plain,
            [
                "$387.8 billion",
                "$8.3 billion",
                "$77 billion",
                "$77 billion"
            ]
        );
        let en = usd_parts(&parts, Lang::En);
        assert_eq!(
            en,
            [
                "$387.8 billion",
                "$8.2 billion",
                "$77 billion",
                "$77 billion"
            ]
        );
        let ja = usd_parts(&parts, Lang::Ja);
        assert_eq!(ja, ["3878億ドル", "82億ドル", "770億ドル", "770億ドル"]);
        let sum: i64 = ja
            .iter()
            .map(|s| s.trim_end_matches("億ドル").parse::<i64>().unwrap())
            .sum();
        assert_eq!(sum, 5500);
        // Exact parts are left alone; no parts, no figures.
        let exact = [Usd::new(d("412500000000")), Usd::new(d("137500000000"))];
        assert_eq!(usd_parts(&exact, Lang::Ja), ["4125億ドル", "1375億ドル"]);
        assert!(usd_parts(&[], Lang::En).is_empty());
    }
}
