//! The deal tracker's data: the record's as-of date, the ceiling and deadline, and each tranche
//! of projects with its amounts, each amount confirmed or only reported.

use crate::IsoDate;
use fund_core::tracker::Status;
use fund_core::{Lang, Text};
use rust_decimal::Decimal;
use serde::Deserialize;

/// How well an amount is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountStatus {
    /// Announced as selected, and carried by an official page or a news report (\[P\] or \[S\]).
    Confirmed,
    /// Announced as candidates (a joint document, news reports: \[P\] or \[S\]) but not
    /// confirmed as selected: shown hatched and labelled, never counted as confirmed.
    Candidate,
    /// Known only second-hand (\[X\]): shown hatched and labelled, never as fact.
    Reported,
}

impl AmountStatus {
    /// The value used in the data.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Candidate => "candidate",
            Self::Reported => "reported",
        }
    }

    /// Reader-facing label in `lang` (the tracker's legend and table say the same).
    pub fn label(&self, lang: Lang) -> &'static str {
        Status::from(*self).label(lang)
    }

    /// Whether a source of this quality must back the amount: an official page or a news
    /// report (\[P\] or \[S\]) for anything announced.
    pub fn needs_a_news_or_official_source(&self) -> bool {
        matches!(self, Self::Confirmed | Self::Candidate)
    }
}

/// The tracker draws each status as the core's [`Status`].
impl From<AmountStatus> for Status {
    fn from(s: AmountStatus) -> Status {
        match s {
            AmountStatus::Confirmed => Status::Confirmed,
            AmountStatus::Candidate => Status::Candidate,
            AmountStatus::Reported => Status::Reported,
        }
    }
}

/// One project of a tranche.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    id: String,
    name: Text,
    #[serde(default)]
    amount_billion: Option<Decimal>,
    #[serde(default)]
    approximate: bool,
    status: AmountStatus,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    note: Option<Text>,
}

impl Project {
    /// Stable slug id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What and where, in a few words.
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// Its cost in billions of dollars, if a source gives one.
    pub fn amount_billion(&self) -> Option<Decimal> {
        self.amount_billion
    }

    /// Whether the source gives the amount only roughly ("roughly $40 billion").
    pub fn approximate(&self) -> bool {
        self.approximate
    }

    /// Confirmed, announced as a candidate, or only reported.
    pub fn status(&self) -> AmountStatus {
        self.status
    }

    /// Ids of the sources for the project and its amount.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// A caveat, if any.
    pub fn note(&self, lang: Lang) -> Option<&str> {
        self.note.as_ref().map(|n| n.get(lang))
    }
}

/// One tranche: projects announced together.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    id: String,
    date: IsoDate,
    title: Text,
    #[serde(default)]
    total_billion: Option<Decimal>,
    #[serde(default)]
    total_sources: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    projects: Vec<Project>,
}

impl Tranche {
    /// Stable slug id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The day it was announced.
    pub fn date(&self) -> IsoDate {
        self.date
    }

    /// Short headline.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// The tranche's total in billions of dollars, when a source gives one; the projects'
    /// amounts must then add up to it exactly.
    pub fn total_billion(&self) -> Option<Decimal> {
        self.total_billion
    }

    /// Sources for the total.
    pub fn total_sources(&self) -> &[String] {
        &self.total_sources
    }

    /// Sources for the tranche as a whole.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Its projects.
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }
}

/// The whole `tranches.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tranches {
    as_of: IsoDate,
    reviewed: IsoDate,
    ceiling_billion: Decimal,
    ceiling_sources: Vec<String>,
    start: IsoDate,
    start_sources: Vec<String>,
    deadline: IsoDate,
    deadline_sources: Vec<String>,
    tranches: Vec<Tranche>,
}

impl Tranches {
    /// The day the record is current to: the latest material searched.
    pub fn as_of(&self) -> IsoDate {
        self.as_of
    }

    /// The day every claim and entry was last checked against the material.
    pub fn reviewed(&self) -> IsoDate {
        self.reviewed
    }

    /// The ceiling in billions of dollars ($550 billion).
    pub fn ceiling_billion(&self) -> Decimal {
        self.ceiling_billion
    }

    /// Sources for the ceiling.
    pub fn ceiling_sources(&self) -> &[String] {
        &self.ceiling_sources
    }

    /// When the clock starts (the memorandum of understanding).
    pub fn start(&self) -> IsoDate {
        self.start
    }

    /// Sources for the start.
    pub fn start_sources(&self) -> &[String] {
        &self.start_sources
    }

    /// The deadline for committing the full amount.
    pub fn deadline(&self) -> IsoDate {
        self.deadline
    }

    /// Sources for the deadline.
    pub fn deadline_sources(&self) -> &[String] {
        &self.deadline_sources
    }

    /// The tranches, oldest first.
    pub fn tranches(&self) -> &[Tranche] {
        &self.tranches
    }

    /// Every source id the file cites.
    pub fn cited(&self) -> impl Iterator<Item = &str> {
        self.ceiling_sources
            .iter()
            .chain(&self.start_sources)
            .chain(&self.deadline_sources)
            .chain(self.tranches.iter().flat_map(|t| {
                t.total_sources
                    .iter()
                    .chain(&t.sources)
                    .chain(t.projects.iter().flat_map(|p| &p.sources))
            }))
            .map(String::as_str)
    }
}
