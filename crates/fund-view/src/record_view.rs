//! Plain text and tables for the record section: the profit split and the yield effect.

use fund_charts::DataTable;

/// Sources behind the profit-split model: the memorandum's terms and the default benchmark.
pub const PROFIT_SOURCES: &[&str] = &["stlfed-2025-11", "hudson-2025-09", "cnbc-10y-2025-12"];
/// Sources for the studies of foreign flows and Treasury yields.
pub const YIELD_STUDY_SOURCES: &[&str] = &["beltran-2012", "kcfed-2025"];
/// Sources behind the inference that paying out could mean selling Treasuries.
pub const RESERVES_SOURCES: &[&str] = &[
    "reuters-akazawa-2025-10",
    "reuters-fxreserves-2025-07",
    "nation-fxreserves-2026-02",
];
/// Sources named in the page header (the fund's size, the 1–2%, the article).
pub const HEADER_SOURCES: &[&str] = &[
    "seed-article",
    "wh-factsheet-2025-07",
    "bloomberg-akazawa-2025-07",
    "stlfed-2025-11",
    "jiji-tranche-2026-02",
    "kyodo-tranche2-2026-03",
];
/// Every source id the app itself cites (beyond the core's figures and the content's claims).
pub const APP_SOURCES: &[&[&str]] = &[
    PROFIT_SOURCES,
    YIELD_STUDY_SOURCES,
    RESERVES_SOURCES,
    HEADER_SOURCES,
];
use fund_core::format;
use fund_core::money::Usd;
use fund_core::tracker::{Day, Selection, Tracker, TrackerInputs};
use fund_core::{msg, Lang};
use std::sync::OnceLock;

fn day(d: fund_content::IsoDate) -> Option<Day> {
    Day::new(i32::from(d.year()), d.month()?, d.day()?)
}

/// The tracker's figures from `tranches.json`, with project names in `lang`, or `None` if the
/// data cannot be used.
pub fn tracker_from(t: &fund_content::Tranches, lang: Lang) -> Option<Tracker> {
    let selections = t
        .tranches()
        .iter()
        .flat_map(|tr| tr.projects().iter().map(move |p| (tr, p)))
        .filter_map(|(tr, p)| {
            let amount = p.amount_billion()?;
            let label = if p.approximate() {
                msg::page::approximate(lang, p.name(lang))
            } else {
                p.name(lang).to_string()
            };
            Some(Selection {
                date: day(tr.date())?,
                label,
                amount: Usd::billions(amount),
                status: p.status().into(),
            })
        })
        .collect();
    let inputs = TrackerInputs::new(
        Usd::billions(t.ceiling_billion()),
        day(t.start())?,
        day(t.as_of())?,
        day(t.deadline())?,
        selections,
    )
    .ok()?;
    Tracker::new(inputs).ok()
}

/// The deal tracker's figures in `lang`, computed once from the embedded data (an empty tracker
/// if the data could not be used; the content tests make sure it can).
pub fn tracker(lang: Lang) -> &'static Tracker {
    static TRACKERS: [OnceLock<Tracker>; 2] = [OnceLock::new(), OnceLock::new()];
    let cell = match lang {
        Lang::En => &TRACKERS[0],
        Lang::Ja => &TRACKERS[1],
    };
    cell.get_or_init(|| {
        fund_content::tranches()
            .and_then(|t| tracker_from(t, lang))
            .unwrap_or_else(|| {
                let (start, deadline) = (Day::new(2025, 9, 4), Day::new(2029, 1, 19));
                match (start, deadline) {
                    (Some(s), Some(d)) => Tracker::empty(Usd::billions(550.into()), s, d),
                    _ => Tracker::empty(Usd::ZERO, Day::EPOCH, Day::EPOCH),
                }
            })
    })
}

/// Every source the tracker's data cites, in file order, once each.
pub fn tracker_sources() -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    fund_content::tranches()
        .map(|t| {
            t.cited()
                .filter(|id| seen.insert(*id))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The record's "as of" line, from the data: the date the record is current to and the date
/// every claim was last checked.
pub fn as_of_line(lang: Lang) -> String {
    match fund_content::tranches() {
        Some(t) => msg::page::as_of_line(lang, &t.as_of().format(lang), &t.reviewed().format(lang)),
        None => msg::page::as_of_unknown(lang).to_string(),
    }
}
use fund_core::profit::{Phase, ProfitSchedule};
use fund_core::yields::{FlowDirection, YieldEffect};

/// One sentence on when Japan is made whole and what each side receives over the horizon.
pub fn profit_summary(s: &ProfitSchedule, lang: Lang) -> String {
    let i = s.inputs();
    let years = i.horizon_years().to_string();
    let principal = format::usd(i.principal(), lang);
    let whole = match s.made_whole_year() {
        Some(y) => msg::profit::whole_in(lang, &principal, &y.to_string()),
        None => msg::profit::never_whole(lang, &principal, &years),
    };
    msg::profit::summary(
        lang,
        &whole,
        &years,
        &format::usd(s.total_cash(), lang),
        &format::usd(s.total_japan(), lang),
        &format::usd(s.total_us(), lang),
    )
}

fn phase_label(p: Phase, lang: Lang) -> &'static str {
    match p {
        Phase::Recouping => msg::profit::phase_recouping(lang),
        Phase::Crossover => msg::profit::phase_crossover(lang),
        Phase::AfterRecovery => msg::profit::phase_after(lang),
    }
}

/// An amount of the year-by-year table, at the table's one precision, $0.1 million:
/// `"$513.6 million"`, `"$0.0 million"`; in Japanese to the nearest 10万ドル: `"5億1360万ドル"`,
/// `"0ドル"`.
fn table_amount(amount: Usd, lang: Lang) -> String {
    use rust_decimal::{Decimal, RoundingStrategy::MidpointAwayFromZero};
    let dollars = amount.dollars();
    let neg = if dollars.is_sign_negative() {
        "−"
    } else {
        ""
    };
    match lang.built() {
        Lang::En => {
            let m = (dollars.abs() / Decimal::from(1_000_000))
                .round_dp_with_strategy(1, MidpointAwayFromZero);
            let text = format!("{m:.1}");
            let (whole, tenth) = text.split_once('.').unwrap_or((&text, "0"));
            let whole = format::group_thousands(whole.parse().unwrap_or_default());
            if m.is_zero() {
                "$0.0 million".to_string()
            } else {
                format!("{neg}${whole}.{tenth} million")
            }
        }
        Lang::Ja => {
            // Whole units of 10万ドル, written as 億 and 万.
            let tenths = (dollars.abs() / Decimal::from(100_000))
                .round_dp_with_strategy(0, MidpointAwayFromZero);
            let oku = (tenths / Decimal::from(1000)).trunc();
            let man = (tenths - oku * Decimal::from(1000)) * Decimal::TEN;
            match (oku.is_zero(), man.is_zero()) {
                (true, true) => "0ドル".to_string(),
                (false, true) => format!("{neg}{oku}億ドル"),
                (true, false) => format!("{neg}{man}万ドル"),
                (false, false) => format!("{neg}{oku}億{man}万ドル"),
            }
        }
    }
}

/// The year-by-year table of the profit split: every amount at one precision ($0.1 million).
pub fn profit_table(s: &ProfitSchedule, lang: Lang) -> DataTable {
    use msg::profit as m;
    DataTable {
        columns: [
            m::col_year(lang),
            m::col_cash(lang),
            m::col_interest(lang),
            m::col_balance(lang),
            m::col_japan(lang),
            m::col_us(lang),
            m::col_split(lang),
        ]
        .map(String::from)
        .to_vec(),
        rows: s
            .years()
            .iter()
            .map(|y| {
                vec![
                    y.year().to_string(),
                    table_amount(y.cash(), lang),
                    table_amount(y.interest_accrued(), lang),
                    table_amount(y.balance_end(), lang),
                    table_amount(y.to_japan(), lang),
                    table_amount(y.to_us(), lang),
                    phase_label(y.phase(), lang).to_string(),
                ]
            })
            .collect(),
    }
}

/// One sentence on the monthly flow and the range the studies imply for it.
pub fn yield_summary(e: &YieldEffect, lang: Lang) -> String {
    use msg::flow as m;
    let i = e.inputs();
    if i.amount().dollars().is_zero() {
        return m::no_flow(lang).to_string();
    }
    let lows = e.estimates().iter().map(|x| x.low_bp().min(x.high_bp()));
    let highs = e.estimates().iter().map(|x| x.low_bp().max(x.high_bp()));
    let range = match (lows.min(), highs.max()) {
        (Some(lo), Some(hi)) => m::range(
            lang,
            &format::basis_points(lo, lang),
            &format::basis_points(hi, lang),
        ),
        _ => m::nothing(lang).to_string(),
    };
    let amount = format::usd(i.amount(), lang);
    let months = i.months().to_string();
    let monthly = format::usd(e.monthly_flow(), lang);
    let mut s = match i.direction() {
        FlowDirection::Buying => m::summary_buying(lang, &amount, &months, &monthly, &range),
        FlowDirection::Selling => m::summary_selling(lang, &amount, &months, &monthly, &range),
    };
    if e.any_beyond_measured() {
        s.push_str(m::stretch(lang));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use fund_core::money::Usd;
    use fund_core::profit::{schedule, ProfitInputs};
    use fund_core::yields::{yield_effect, YieldEffectInputs};
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn tracker_follows_the_data() {
        let t = tracker(Lang::En);
        // 33.3 + 2.1 + 0.6 confirmed; 73 announced as candidates, not confirmed; 514 left.
        assert_eq!(t.confirmed(), Usd::billions(d("36")));
        assert_eq!(t.reported(), Usd::billions(d("73")));
        assert_eq!(t.candidates(), Usd::billions(d("73")));
        assert_eq!(t.remaining(), Usd::billions(d("514")));
        // 8 Oct 2026 to 19 Jan 2029 is 834 days: 514 × 365.25 / 834 = 225.106… a year.
        assert_eq!(t.days_left(), 834);
        assert_eq!(
            t.needed().unwrap().per_year.in_billions().round_dp(1),
            d("225.1")
        );
        assert!(t
            .points()
            .iter()
            .any(|p| p.selection.status == fund_core::tracker::Status::Candidate));
        let ids = tracker_sources();
        assert!(ids.iter().any(|s| s == "jiji-tranche-2026-02"), "{ids:?}");
        assert!(ids.iter().all(|s| fund_content::source(s).is_some()));
    }

    #[test]
    fn as_of_comes_from_the_data() {
        let line = as_of_line(Lang::En);
        assert!(
            line.contains("8 Oct 2026") && line.contains("7 Dec 2026"),
            "{line}"
        );
        assert!(fund_charts::prose_problems(&line).is_empty());
        let ja = as_of_line(Lang::Ja);
        assert!(
            ja.contains("2026年10月8日") && ja.contains("2026年12月7日"),
            "{ja}"
        );
        assert!(fund_charts::prose_problems(&ja).is_empty(), "{ja}");
        assert!(tracker(Lang::Ja)
            .points()
            .iter()
            .any(|p| p.selection.label.contains("オハイオ")));
    }

    #[test]
    fn profit_summary_and_table() {
        // $10 bn at a 10% cash yield, 0% deemed interest: Japan gets $0.5 bn a year and needs 20 years.
        let i = ProfitInputs::new(Usd::billions(d("10")), d("10"), d("0"), d("0"), 25).unwrap();
        let s = schedule(&i);
        let text = profit_summary(&s, Lang::En);
        assert!(text.contains("in year 20"), "{text}");
        assert!(text.contains("$25 billion in cash"), "{text}");
        let ja = profit_summary(&s, Lang::Ja);
        assert!(ja.contains("20年目") && ja.contains("250億ドル"), "{ja}");
        let t = profit_table(&s, Lang::En);
        assert_eq!(t.rows.len(), 25);
        assert_eq!(t.rows[0][4], "$500.0 million");
        // One precision for every amount of the table, zeros included.
        for row in &t.rows {
            for cell in &row[1..6] {
                let number = cell.trim_start_matches('$').trim_end_matches(" million");
                assert!(
                    number.split_once('.').is_some_and(|(_, f)| f.len() == 1),
                    "{cell}"
                );
            }
        }
        assert_eq!(
            table_amount(Usd::new(d("513649999")), Lang::En),
            "$513.6 million"
        );
        assert_eq!(
            table_amount(Usd::new(d("501460000")), Lang::En),
            "$501.5 million"
        );
        assert_eq!(table_amount(Usd::new(d("0")), Lang::En), "$0.0 million");
        assert_eq!(
            table_amount(Usd::new(d("1234567890")), Lang::En),
            "$1,234.6 million"
        );
        assert_eq!(
            table_amount(Usd::new(d("513649999")), Lang::Ja),
            "5億1360万ドル"
        );
        assert_eq!(t.rows[24][6], "90/10 to the US");
        assert_eq!(profit_table(&s, Lang::Ja).rows[0][4], "5億ドル");
        assert_eq!(profit_table(&s, Lang::Ja).rows[0][3], "95億ドル");
    }

    #[test]
    fn profit_never_made_whole() {
        // Cash yield 5%: Japan's half (2.5%) never beats 5% deemed interest.
        let i = ProfitInputs::new(Usd::billions(d("10")), d("5"), d("4"), d("1"), 20).unwrap();
        assert!(profit_summary(&schedule(&i), Lang::En).contains("does not recover"));
    }

    #[test]
    fn yield_summary_names_the_flow_and_range() {
        let i =
            YieldEffectInputs::new(Usd::billions(d("412.5")), 40, FlowDirection::Buying).unwrap();
        let text = yield_summary(&yield_effect(&i), Lang::En);
        assert!(text.contains("$10.3 billion a month"), "{text}");
        assert!(text.contains("−"), "buying lowers yields: {text}");
        let ja = yield_summary(&yield_effect(&i), Lang::Ja);
        assert!(ja.contains("月103億ドル") && ja.contains("−"), "{ja}");
        let i =
            YieldEffectInputs::new(Usd::billions(d("412.5")), 1, FlowDirection::Selling).unwrap();
        assert!(yield_summary(&yield_effect(&i), Lang::En).contains("stretch"));
    }
}
