//! The deal tracker: money selected for projects over time, against the $550 billion ceiling and
//! the 19 January 2029 deadline, with the pace that would be needed to reach the ceiling in time.
//!
//! Amounts are exact decimals ([`Usd`]); dates are whole days ([`Day`]). The only division is the
//! needed pace (remaining money over the days left, scaled to a year of 365.25 days), done in
//! `Decimal`, never in floats.

use crate::error::CoreError;
use crate::money::Usd;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

/// Days in an average year (the Julian year), used to turn a daily pace into a yearly one.
pub fn days_per_year() -> Decimal {
    Decimal::new(36525, 2)
}

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// 1 January 1970, day 0 of [`Day::ordinal`].
    pub const EPOCH: Day = Day {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A day, or `None` if it does not exist (years 1000–9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let ok = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Day { year, month, day })
    }

    /// Parses `yyyy-mm-dd`.
    pub fn parse(text: &str) -> Option<Day> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn ordinal(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        later.ordinal() - self.ordinal()
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The day as a reader sees it in `lang`: `17 Feb 2026`, `2026年2月17日`.
    pub fn format(self, lang: crate::lang::Lang) -> String {
        crate::format::date(self.year, self.month(), self.day(), lang)
    }

    /// The ISO form, `2026-02-17`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Reader-facing form in English: `17 Feb 2026` (see [`Day::format`] for other languages).
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(crate::lang::Lang::En))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// How well an amount is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Announced and carried by an official page or a news report.
    Confirmed,
    /// Announced as candidates (for example in a joint document) and reported by the news, but
    /// not confirmed as selected: drawn hatched, never counted as confirmed.
    Candidate,
    /// Known only second-hand (an aggregator, a summary): not confirmed.
    Reported,
}

impl Status {
    /// Whether the amount counts as confirmed money.
    pub fn is_confirmed(self) -> bool {
        matches!(self, Status::Confirmed)
    }

    /// Reader-facing label in `lang` (the tracker's legend and table).
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        use crate::msg::chart::tracker as m;
        match self {
            Status::Confirmed => m::legend_confirmed(lang),
            Status::Candidate => words::legend_candidate(lang),
            Status::Reported => m::legend_reported(lang),
        }
    }
}

/// The tracker's words for the candidate status and the labels that go with it, from the
/// language tables (`chart.tracker`).
pub mod words {
    use crate::lang::Lang;
    use crate::msg::chart::tracker as t;

    /// The hatched swatch of candidates.
    pub fn legend_candidate(lang: Lang) -> &'static str {
        t::legend_candidate(lang)
    }

    /// The hatched swatch when candidates and second-hand reports are both drawn.
    pub fn legend_unconfirmed(lang: Lang) -> &'static str {
        t::legend_unconfirmed(lang)
    }

    /// What the vertical axis counts.
    pub fn axis(lang: Lang) -> &'static str {
        t::axis(lang)
    }

    /// The table's column of totals including what is not confirmed.
    pub fn col_including(lang: Lang) -> &'static str {
        t::col_including_candidates(lang)
    }

    /// The description's clause on candidates, after the confirmed money (`amount`: the
    /// candidates; `all`: confirmed and not; `pct`: `all` as a share of the ceiling).
    pub fn candidates(lang: Lang, amount: &str, all: &str, pct: &str) -> String {
        t::candidates(lang, amount, all, pct)
    }

    /// The value label on the hatched block of candidates.
    pub fn candidate_label(lang: Lang, amount: &str) -> String {
        t::candidate_label(lang, amount)
    }

    /// The value label on a hatched block of reports.
    pub fn reported_label(lang: Lang, amount: &str) -> String {
        t::reported_label(lang, amount)
    }
}

/// One amount selected for a project on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// When it was announced.
    pub date: Day,
    /// The project, in a few words.
    pub label: String,
    /// The amount.
    pub amount: Usd,
    /// Confirmed or only reported.
    pub status: Status,
}

/// What the tracker is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackerInputs {
    ceiling: Usd,
    start: Day,
    as_of: Day,
    deadline: Day,
    selections: Vec<Selection>,
}

impl TrackerInputs {
    /// Checks and keeps the inputs: a positive ceiling, `start ≤ as_of`, `start < deadline`, every
    /// amount zero or more and every selection dated between `start` and `as_of`. Selections are
    /// kept in date order (stable for one day).
    pub fn new(
        ceiling: Usd,
        start: Day,
        as_of: Day,
        deadline: Day,
        mut selections: Vec<Selection>,
    ) -> Result<Self, CoreError> {
        let bad = |reason: String| Err(CoreError::Tracker { reason });
        if ceiling.dollars() <= Decimal::ZERO {
            return bad("the ceiling must be above zero".into());
        }
        if as_of < start || deadline <= start {
            return bad("the start must come before the as-of date and the deadline".into());
        }
        for s in &selections {
            if s.amount.dollars() < Decimal::ZERO {
                return bad(format!("{} has an amount below zero", s.label));
            }
            if s.date < start || s.date > as_of {
                return bad(format!(
                    "{} is dated {}, outside {start} to {as_of}",
                    s.label, s.date
                ));
            }
        }
        selections.sort_by_key(|s| s.date);
        Ok(TrackerInputs {
            ceiling,
            start,
            as_of,
            deadline,
            selections,
        })
    }

    /// The ceiling ($550 billion).
    pub fn ceiling(&self) -> Usd {
        self.ceiling
    }

    /// When the clock starts (the memorandum).
    pub fn start(&self) -> Day {
        self.start
    }

    /// The date the record is current to.
    pub fn as_of(&self) -> Day {
        self.as_of
    }

    /// The deadline for selecting the full amount.
    pub fn deadline(&self) -> Day {
        self.deadline
    }

    /// The selections, in date order.
    pub fn selections(&self) -> &[Selection] {
        &self.selections
    }
}

/// The running totals after one selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackerPoint {
    /// The selection.
    pub selection: Selection,
    /// Confirmed money selected up to and including this one.
    pub cumulative_confirmed: Usd,
    /// Confirmed and not-confirmed (candidate or reported) money up to and including this one.
    pub cumulative_all: Usd,
}

/// A yearly and monthly pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pace {
    /// Dollars a year (365.25 days).
    pub per_year: Usd,
    /// Dollars a month (a twelfth of a year).
    pub per_month: Usd,
}

impl Pace {
    /// `amount` spread over `days`; `None` for no days left, or on overflow.
    pub fn of(amount: Usd, days: i64) -> Option<Pace> {
        if days <= 0 {
            return None;
        }
        let per_year = amount
            .dollars()
            .checked_mul(days_per_year())?
            .checked_div(Decimal::from(days))?;
        Some(Pace {
            per_year: Usd::new(per_year),
            per_month: Usd::new(per_year.checked_div(Decimal::from(12))?),
        })
    }
}

/// The tracker's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tracker {
    inputs: TrackerInputs,
    points: Vec<TrackerPoint>,
    confirmed: Usd,
    reported: Usd,
    remaining: Usd,
    days_left: i64,
    needed: Option<Pace>,
    needed_if_reported: Option<Pace>,
    so_far: Option<Pace>,
}

impl Tracker {
    /// Computes the running totals, what is left under the ceiling and the paces.
    pub fn new(inputs: TrackerInputs) -> Result<Tracker, CoreError> {
        let overflow = || CoreError::Overflow {
            what: crate::error::Field::TrackerTotal,
        };
        let (mut confirmed, mut reported) = (Usd::ZERO, Usd::ZERO);
        let mut points = Vec::with_capacity(inputs.selections.len());
        for s in &inputs.selections {
            if s.status.is_confirmed() {
                confirmed = confirmed.checked_add(s.amount).ok_or_else(overflow)?
            } else {
                reported = reported.checked_add(s.amount).ok_or_else(overflow)?
            }
            points.push(TrackerPoint {
                selection: s.clone(),
                cumulative_confirmed: confirmed,
                cumulative_all: confirmed.checked_add(reported).ok_or_else(overflow)?,
            });
        }
        let floor = |u: Usd| {
            if u.dollars() < Decimal::ZERO {
                Usd::ZERO
            } else {
                u
            }
        };
        let remaining = floor(inputs.ceiling.checked_sub(confirmed).ok_or_else(overflow)?);
        let all = confirmed.checked_add(reported).ok_or_else(overflow)?;
        let remaining_if_reported = floor(inputs.ceiling.checked_sub(all).ok_or_else(overflow)?);
        let days_left = inputs.as_of.days_until(inputs.deadline);
        Ok(Tracker {
            needed: Pace::of(remaining, days_left),
            needed_if_reported: Pace::of(remaining_if_reported, days_left),
            so_far: Pace::of(confirmed, inputs.start.days_until(inputs.as_of)),
            points,
            confirmed,
            reported,
            remaining,
            days_left,
            inputs,
        })
    }

    /// A tracker with nothing selected yet, for when no data could be read (never fails).
    pub fn empty(ceiling: Usd, start: Day, deadline: Day) -> Tracker {
        let days_left = start.days_until(deadline);
        Tracker {
            inputs: TrackerInputs {
                ceiling,
                start,
                as_of: start,
                deadline,
                selections: Vec::new(),
            },
            points: Vec::new(),
            confirmed: Usd::ZERO,
            reported: Usd::ZERO,
            remaining: ceiling,
            days_left,
            needed: Pace::of(ceiling, days_left),
            needed_if_reported: Pace::of(ceiling, days_left),
            so_far: None,
        }
    }

    /// The inputs.
    pub fn inputs(&self) -> &TrackerInputs {
        &self.inputs
    }

    /// One point per selection, in date order.
    pub fn points(&self) -> &[TrackerPoint] {
        &self.points
    }

    /// Confirmed money selected so far.
    pub fn confirmed(&self) -> Usd {
        self.confirmed
    }

    /// Money not confirmed: announced as candidates, or only reported.
    pub fn reported(&self) -> Usd {
        self.reported
    }

    /// The not-confirmed money that was announced as candidates.
    pub fn candidates(&self) -> Usd {
        self.sum_of(Status::Candidate)
    }

    /// The not-confirmed money known only from reports.
    pub fn reported_only(&self) -> Usd {
        self.sum_of(Status::Reported)
    }

    fn sum_of(&self, status: Status) -> Usd {
        self.inputs
            .selections
            .iter()
            .filter(|s| s.status == status)
            .try_fold(Usd::ZERO, |sum, s| sum.checked_add(s.amount))
            .unwrap_or(Usd::ZERO)
    }

    /// Which kinds of not-confirmed money there are, in the order drawn.
    pub fn unconfirmed_statuses(&self) -> Vec<Status> {
        [Status::Candidate, Status::Reported]
            .into_iter()
            .filter(|st| self.inputs.selections.iter().any(|s| s.status == *st))
            .collect()
    }

    /// Confirmed and not-confirmed money together as a percentage of the ceiling.
    pub fn all_percent(&self) -> Decimal {
        self.confirmed
            .checked_add(self.reported)
            .and_then(|all| all.dollars().checked_mul(Decimal::ONE_HUNDRED))
            .and_then(|x| x.checked_div(self.inputs.ceiling.dollars()))
            .unwrap_or(Decimal::ZERO)
    }

    /// The ceiling less the confirmed money (never below zero).
    pub fn remaining(&self) -> Usd {
        self.remaining
    }

    /// Confirmed money as a percentage of the ceiling.
    pub fn confirmed_percent(&self) -> Decimal {
        self.confirmed
            .dollars()
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(self.inputs.ceiling.dollars()))
            .unwrap_or(Decimal::ZERO)
    }

    /// Days from the as-of date to the deadline.
    pub fn days_left(&self) -> i64 {
        self.days_left
    }

    /// The pace needed from the as-of date to select the rest of the ceiling by the deadline
    /// (`None` once the deadline has passed).
    pub fn needed(&self) -> Option<Pace> {
        self.needed
    }

    /// The same, if the candidate and reported amounts were confirmed too.
    pub fn needed_if_reported(&self) -> Option<Pace> {
        self.needed_if_reported
    }

    /// The pace of confirmed selections from the start to the as-of date.
    pub fn so_far(&self) -> Option<Pace> {
        self.so_far
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).expect("test day")
    }

    fn bn(s: &str) -> Usd {
        Usd::billions(s.parse().expect("test decimal"))
    }

    fn sel(date: &str, amount: &str, status: Status) -> Selection {
        Selection {
            date: day(date),
            label: format!("project on {date}"),
            amount: bn(amount),
            status,
        }
    }

    #[test]
    fn days_count_like_a_calendar() {
        assert_eq!(day("1970-01-01").ordinal(), 0);
        assert_eq!(day("2000-03-01").ordinal(), 11_017);
        // 2025-01-19 to 2029-01-19 spans one leap day (29 Feb 2028): 4 × 365 + 1.
        assert_eq!(day("2025-01-19").days_until(day("2029-01-19")), 1461);
        // 8 Oct 2026 to 19 Jan 2029: 365 + 366 + 92 + 11.
        assert_eq!(day("2026-10-08").days_until(day("2029-01-19")), 834);
        // The memorandum (4 Sep 2025) to 8 Oct 2026: 365 + 26 + 8.
        assert_eq!(day("2025-09-04").days_until(day("2026-10-08")), 399);
        assert_eq!(day("2026-02-17").to_string(), "17 Feb 2026");
        assert_eq!(day("2026-02-17").iso(), "2026-02-17");
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026-1-01",
            "x",
            "2026-01-01-01",
        ] {
            assert!(Day::parse(bad).is_none(), "{bad}");
        }
        assert!(Day::parse("2028-02-29").is_some());
    }

    #[test]
    fn totals_remaining_and_pace_by_hand() {
        // Ceiling 550; 36 confirmed, 40 reported; four years (1461 days) left.
        let inputs = TrackerInputs::new(
            bn("550"),
            day("2024-01-19"),
            day("2025-01-19"),
            day("2029-01-19"),
            vec![
                sel("2024-06-01", "40", Status::Reported),
                sel("2024-03-01", "33.3", Status::Confirmed),
                sel("2024-03-01", "2.1", Status::Confirmed),
                sel("2024-03-01", "0.6", Status::Confirmed),
            ],
        )
        .unwrap();
        let t = Tracker::new(inputs).unwrap();
        assert_eq!(t.confirmed(), bn("36"));
        assert_eq!(t.reported(), bn("40"));
        assert_eq!(t.remaining(), bn("514"));
        assert_eq!(t.days_left(), 1461);
        // 514 × 365.25 / 1461 = 514 / 4 = 128.5 a year; a twelfth of that a month.
        let needed = t.needed().unwrap();
        assert_eq!(needed.per_year, bn("128.5"));
        assert_eq!(
            needed.per_month.in_billions().round_dp(6),
            "10.708333".parse::<Decimal>().unwrap()
        );
        // If the reported 40 were confirmed: 474 / 4 = 118.5 a year.
        assert_eq!(t.needed_if_reported().unwrap().per_year, bn("118.5"));
        // 36 over the year from 2024-01-19 to 2025-01-19 (366 days, a leap year):
        // 36 × 365.25 / 366 = 35.926229…
        assert_eq!(
            t.so_far().unwrap().per_year.in_billions().round_dp(4),
            "35.9262".parse::<Decimal>().unwrap()
        );
        // 36 / 550 = 6.5454…%
        assert_eq!(
            t.confirmed_percent().round_dp(2),
            "6.55".parse::<Decimal>().unwrap()
        );
        // Points in date order, reported money stacked on the confirmed.
        let p = t.points();
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].cumulative_confirmed, bn("33.3"));
        assert_eq!(p[2].cumulative_confirmed, bn("36"));
        assert_eq!(p[3].selection.status, Status::Reported);
        assert_eq!(p[3].cumulative_confirmed, bn("36"));
        assert_eq!(p[3].cumulative_all, bn("76"));
    }

    #[test]
    fn candidates_are_drawn_apart_and_never_counted_as_confirmed() {
        // The record as of 8 Oct 2026: $36 billion confirmed, $73 billion announced as
        // candidates (q4 §1.21).
        let inputs = TrackerInputs::new(
            bn("550"),
            day("2025-09-04"),
            day("2026-10-08"),
            day("2029-01-19"),
            vec![
                sel("2026-03-19", "73", Status::Candidate),
                sel("2026-02-17", "36", Status::Confirmed),
            ],
        )
        .unwrap();
        let t = Tracker::new(inputs).unwrap();
        assert_eq!(t.confirmed(), bn("36"));
        assert_eq!(t.reported(), bn("73"), "everything not confirmed");
        assert_eq!(t.candidates(), bn("73"));
        assert_eq!(t.reported_only(), Usd::ZERO);
        assert_eq!(t.unconfirmed_statuses(), vec![Status::Candidate]);
        assert_eq!(t.remaining(), bn("514"));
        // 109 / 550 = 19.818…%; 36 / 550 = 6.545…%.
        assert_eq!(
            t.all_percent().round_dp(1),
            "19.8".parse::<Decimal>().unwrap()
        );
        assert_eq!(
            t.confirmed_percent().round_dp(1),
            "6.5".parse::<Decimal>().unwrap()
        );
        // 514 × 365.25 / 834 = 225.106…; with the candidates, 441 × 365.25 / 834 = 193.13…
        assert_eq!(
            t.needed().unwrap().per_year.in_billions().round_dp(1),
            "225.1".parse::<Decimal>().unwrap()
        );
        assert_eq!(
            t.needed_if_reported()
                .unwrap()
                .per_year
                .in_billions()
                .round_dp(1),
            "193.1".parse::<Decimal>().unwrap()
        );
        let p = t.points();
        assert_eq!(p[1].selection.status, Status::Candidate);
        assert_eq!(p[1].cumulative_confirmed, bn("36"));
        assert_eq!(p[1].cumulative_all, bn("109"));
        assert!(!Status::Candidate.is_confirmed() && !Status::Reported.is_confirmed());
        for lang in crate::lang::Lang::ALL {
            assert_ne!(Status::Candidate.label(lang), Status::Reported.label(lang));
        }
        assert_eq!(
            Status::Candidate.label(crate::lang::Lang::Ja),
            "候補として発表、未確定"
        );
    }

    #[test]
    fn past_the_deadline_or_over_the_ceiling() {
        let inputs = TrackerInputs::new(
            bn("10"),
            day("2025-01-01"),
            day("2029-02-01"),
            day("2029-01-19"),
            vec![sel("2026-01-01", "12", Status::Confirmed)],
        )
        .unwrap();
        let t = Tracker::new(inputs).unwrap();
        assert_eq!(t.remaining(), Usd::ZERO, "never below zero");
        assert!(t.needed().is_none(), "no pace once the deadline has passed");
    }

    #[test]
    fn bad_inputs_are_refused() {
        let ok = |start: &str, as_of: &str, deadline: &str, s: Vec<Selection>| {
            TrackerInputs::new(bn("550"), day(start), day(as_of), day(deadline), s)
        };
        assert!(ok("2025-01-01", "2026-01-01", "2029-01-19", vec![]).is_ok());
        assert!(ok("2026-01-01", "2025-01-01", "2029-01-19", vec![]).is_err());
        assert!(ok("2029-01-19", "2029-01-19", "2029-01-19", vec![]).is_err());
        assert!(ok(
            "2025-01-01",
            "2026-01-01",
            "2029-01-19",
            vec![sel("2026-06-01", "1", Status::Confirmed)]
        )
        .is_err());
        assert!(ok(
            "2025-01-01",
            "2026-01-01",
            "2029-01-19",
            vec![sel("2025-06-01", "-1", Status::Confirmed)]
        )
        .is_err());
        assert!(TrackerInputs::new(
            Usd::ZERO,
            day("2025-01-01"),
            day("2026-01-01"),
            day("2029-01-19"),
            vec![]
        )
        .is_err());
    }
}
