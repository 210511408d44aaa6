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
    "wh-factsheet-2025-07",
    "bloomberg-akazawa-2025-07",
    "seed-article",
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
use fund_core::tracker::{Day, Selection, Status, Tracker, TrackerInputs};
use std::sync::OnceLock;

fn day(d: fund_content::IsoDate) -> Option<Day> {
    Day::new(i32::from(d.year()), d.month()?, d.day()?)
}

/// The tracker's figures from `tranches.json`, or `None` if the data cannot be used.
pub fn tracker_from(t: &fund_content::Tranches) -> Option<Tracker> {
    let selections = t
        .tranches()
        .iter()
        .flat_map(|tr| tr.projects().iter().map(move |p| (tr, p)))
        .filter_map(|(tr, p)| {
            let amount = p.amount_billion()?;
            let label = if p.approximate() {
                format!("{} (amount approximate)", p.name())
            } else {
                p.name().to_string()
            };
            Some(Selection {
                date: day(tr.date())?,
                label,
                amount: Usd::billions(amount),
                status: match p.status() {
                    fund_content::AmountStatus::Confirmed => Status::Confirmed,
                    fund_content::AmountStatus::Reported => Status::Reported,
                },
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

/// The deal tracker's figures, computed once from the embedded data (an empty tracker if the
/// data could not be used; the content tests make sure it can).
pub fn tracker() -> &'static Tracker {
    static TRACKER: OnceLock<Tracker> = OnceLock::new();
    TRACKER.get_or_init(|| {
        fund_content::tranches()
            .and_then(tracker_from)
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
pub fn as_of_line() -> String {
    match fund_content::tranches() {
        Some(t) => format!(
            "The record is as of {}, the latest date our searches reached; every claim and entry was last checked on {}.",
            t.as_of(),
            t.reviewed()
        ),
        None => "The record's date could not be read.".to_string(),
    }
}
use fund_core::profit::{Phase, ProfitSchedule};
use fund_core::yields::{FlowDirection, YieldEffect};

/// One sentence on when Japan is made whole and what each side receives over the horizon.
pub fn profit_summary(s: &ProfitSchedule) -> String {
    let i = s.inputs();
    let years = i.horizon_years();
    let whole = match s.made_whole_year() {
        Some(y) => format!(
            "Japan recovers its {} plus deemed interest in year {y}",
            format::usd(i.principal())
        ),
        None => format!(
            "Japan does not recover its {} plus deemed interest within {years} years",
            format::usd(i.principal())
        ),
    };
    format!(
        "{whole}. Over {years} years the project pays {} in cash: {} to Japan and {} to the US.",
        format::usd(s.total_cash()),
        format::usd(s.total_japan()),
        format::usd(s.total_us())
    )
}

fn phase_label(p: Phase) -> &'static str {
    match p {
        Phase::Recouping => "50/50, Japan recovering",
        Phase::Crossover => "Japan made whole this year",
        Phase::AfterRecovery => "90/10 to the US",
    }
}

/// The year-by-year table of the profit split.
pub fn profit_table(s: &ProfitSchedule) -> DataTable {
    DataTable {
        columns: [
            "Year",
            "Cash paid",
            "Deemed interest",
            "Japan's balance at year end",
            "To Japan",
            "To the US",
            "Split",
        ]
        .map(String::from)
        .to_vec(),
        rows: s
            .years()
            .iter()
            .map(|y| {
                vec![
                    y.year().to_string(),
                    format::usd_dp(y.cash(), 2),
                    format::usd_dp(y.interest_accrued(), 2),
                    format::usd_dp(y.balance_end(), 2),
                    format::usd_dp(y.to_japan(), 2),
                    format::usd_dp(y.to_us(), 2),
                    phase_label(y.phase()).to_string(),
                ]
            })
            .collect(),
    }
}

/// One sentence on the monthly flow and the range the studies imply for it.
pub fn yield_summary(e: &YieldEffect) -> String {
    let i = e.inputs();
    let verb = match i.direction() {
        FlowDirection::Buying => "buying",
        FlowDirection::Selling => "selling",
    };
    if i.amount().dollars().is_zero() {
        return "With no Treasuries in this framing there is no flow to scale: set an amount to explore.".to_string();
    }
    let lows = e.estimates().iter().map(|x| x.low_bp().min(x.high_bp()));
    let highs = e.estimates().iter().map(|x| x.low_bp().max(x.high_bp()));
    let (lo, hi) = (lows.min(), highs.max());
    let range = match (lo, hi) {
        (Some(lo), Some(hi)) => format!(
            "from {} to {}",
            format::basis_points(lo),
            format::basis_points(hi)
        ),
        _ => "nothing".to_string(),
    };
    let warning = if e.any_beyond_measured() {
        " That monthly flow is larger than the flows the studies measured, so the scaling is a stretch."
    } else {
        ""
    };
    format!(
        "{} of {verb} spread over {} months is {} a month; scaled in a straight line, the studies' estimates range {range}.{warning}",
        format::usd(i.amount()),
        i.months(),
        format::usd(e.monthly_flow()),
    )
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
        let t = tracker();
        // 33.3 + 2.1 + 0.6 confirmed; roughly 40 reported; 514 left.
        assert_eq!(t.confirmed(), Usd::billions(d("36")));
        assert_eq!(t.reported(), Usd::billions(d("40")));
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
            .any(|p| p.selection.label.ends_with("(amount approximate)")));
        let ids = tracker_sources();
        assert!(ids.iter().any(|s| s == "jiji-tranche-2026-02"), "{ids:?}");
        assert!(ids.iter().all(|s| fund_content::source(s).is_some()));
    }

    #[test]
    fn as_of_comes_from_the_data() {
        let line = as_of_line();
        assert!(
            line.contains("8 Oct 2026") && line.contains("4 Dec 2026"),
            "{line}"
        );
        assert!(fund_charts::prose_problems(&line).is_empty());
    }

    #[test]
    fn profit_summary_and_table() {
        // $10 bn at a 10% cash yield, 0% deemed interest: Japan gets $0.5 bn a year and needs 20 years.
        let i = ProfitInputs::new(Usd::billions(d("10")), d("10"), d("0"), d("0"), 25).unwrap();
        let s = schedule(&i);
        let text = profit_summary(&s);
        assert!(text.contains("in year 20"), "{text}");
        assert!(text.contains("$25 billion in cash"), "{text}");
        let t = profit_table(&s);
        assert_eq!(t.rows.len(), 25);
        assert_eq!(t.rows[0][4], "$500 million");
        assert_eq!(t.rows[24][6], "90/10 to the US");
    }

    #[test]
    fn profit_never_made_whole() {
        // Cash yield 5%: Japan's half (2.5%) never beats 5% deemed interest.
        let i = ProfitInputs::new(Usd::billions(d("10")), d("5"), d("4"), d("1"), 20).unwrap();
        assert!(profit_summary(&schedule(&i)).contains("does not recover"));
    }

    #[test]
    fn yield_summary_names_the_flow_and_range() {
        let i =
            YieldEffectInputs::new(Usd::billions(d("412.5")), 40, FlowDirection::Buying).unwrap();
        let text = yield_summary(&yield_effect(&i));
        assert!(text.contains("$10.3 billion a month"), "{text}");
        assert!(text.contains("−"), "buying lowers yields: {text}");
        let i =
            YieldEffectInputs::new(Usd::billions(d("412.5")), 1, FlowDirection::Selling).unwrap();
        assert!(yield_summary(&yield_effect(&i)).contains("stretch"));
    }
}
