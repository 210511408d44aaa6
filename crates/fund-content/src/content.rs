//! All content files parsed together, and the rules that tie them to each other.

use crate::check;
use crate::date::Precision;
use crate::{Claim, ContentError, RecordItem, Source, Step, TimelineEntry};
use serde::de::DeserializeOwned;
use std::collections::HashSet;

/// Source ids the core crate cites for its figures (framings, yields, scale, FX).
///
/// They count as cited even if no content item cites them. A later step replaces
/// this list with a cross-check against the core itself.
pub const CITED_BY_CORE: &[&str] = &[
    "wh-factsheet-2025-07",
    "ndtv-bloomberg-2025-09",
    "tic-table5",
    "fed-z1-l210",
    "nation-fxreserves-2026-02",
    "cnbc-10y-2025-12",
    "calcrisk-mbs-2025-04",
    "gurufocus-divyield-2025-06",
    "reuters-gpif-2026-02",
    "bloomberg-yen-2025-04",
    "financetom-yen-2025-11",
    "beltran-2012",
    "kcfed-2025",
    "reuters-jbic-2025-09",
    "yomiuri-2025-08",
    "reuters-akazawa-2025-10",
    "bloomberg-akazawa-2025-07",
    "seed-article",
];

/// Fewest paragraphs a step may have.
pub const MIN_PARAGRAPHS: usize = 2;
/// Most paragraphs a step may have.
pub const MAX_PARAGRAPHS: usize = 4;
/// Longest claim sentence, in characters.
pub const MAX_CLAIM_CHARS: usize = 160;
/// Longest verdict reason (one line), in characters.
pub const MAX_REASON_CHARS: usize = 240;
/// Longest heading or title, in characters.
pub const MAX_TITLE_CHARS: usize = 140;

/// Every content file, parsed and validated together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    sources: Vec<Source>,
    claims: Vec<Claim>,
    steps: Vec<Step>,
    timeline: Vec<TimelineEntry>,
    record: Vec<RecordItem>,
}

fn parse<T: DeserializeOwned>(file: &'static str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|e| ContentError::Json {
        file,
        message: e.to_string(),
    })
}

fn unique<'a>(kind: &str, ids: impl IntoIterator<Item = &'a str>) -> Result<(), ContentError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ContentError::DuplicateId {
                kind: kind.to_owned(),
                id: id.to_owned(),
            });
        }
    }
    Ok(())
}

impl Content {
    /// Parses the five content files and validates them (see [`Content::validate`]).
    pub fn from_json(
        sources: &str,
        claims: &str,
        steps: &str,
        timeline: &str,
        record: &str,
    ) -> Result<Self, ContentError> {
        let content = Self::parse_unvalidated(sources, claims, steps, timeline, record)?;
        content.validate()?;
        Ok(content)
    }

    /// Parses the five files without checking the cross-file rules (see [`Content::validate`]).
    pub(crate) fn parse_unvalidated(
        sources: &str,
        claims: &str,
        steps: &str,
        timeline: &str,
        record: &str,
    ) -> Result<Self, ContentError> {
        Ok(Self {
            sources: parse("sources", sources)?,
            claims: parse("claims", claims)?,
            steps: parse("steps", steps)?,
            timeline: parse("timeline", timeline)?,
            record: parse("record", record)?,
        })
    }

    /// All sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id() == id)
    }

    /// All claims, in file order.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id() == id)
    }

    /// The claims shown beside a step, in the step's order (empty for an unknown step).
    pub fn claims_for_step(&self, step_id: &str) -> Vec<&Claim> {
        self.step(step_id)
            .map(|step| {
                step.claims()
                    .iter()
                    .filter_map(|id| self.claim(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All steps, in reading order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id() == id)
    }

    /// Timeline entries, oldest first.
    pub fn timeline(&self) -> &[TimelineEntry] {
        &self.timeline
    }

    /// Record-panel paragraphs, in display order.
    pub fn record(&self) -> &[RecordItem] {
        &self.record
    }

    /// The record paragraph with this id.
    pub fn record_item(&self, id: &str) -> Option<&RecordItem> {
        self.record.iter().find(|r| r.id() == id)
    }

    /// Checks every rule that ties the files together:
    ///
    /// - ids are lowercase slugs and unique within their file; no list names an id twice;
    /// - every cited source exists, every claim, timeline entry and record item cites one,
    ///   and every source is cited by something or is in [`CITED_BY_CORE`];
    /// - \[X\] sources carry no link; links are https (http only for the Fed), on a plain
    ///   host that is not in [`crate::DENIED_HOSTS`]; undated sources explain why in a note;
    /// - steps are `step-1` … `step-N` in order with 2–4 paragraphs; each claim's step
    ///   exists and lists it; each claim a step lists exists;
    /// - timeline entries are dated to the day and in date order;
    /// - every text is plain (no markup, no control characters); only step paragraphs
    ///   hold `{placeholders}`, which parsing has already checked.
    pub fn validate(&self) -> Result<(), ContentError> {
        self.validate_sources()?;
        self.validate_steps()?;
        self.validate_claims()?;
        self.validate_timeline()?;
        self.validate_record()?;
        self.validate_coverage()
    }

    fn cite(&self, cited_by: impl Fn() -> String, ids: &[String]) -> Result<(), ContentError> {
        if ids.is_empty() {
            return Err(ContentError::NoSources {
                cited_by: cited_by(),
            });
        }
        unique(
            &format!("source cited by {}", cited_by()),
            ids.iter().map(String::as_str),
        )?;
        match ids.iter().find(|id| self.source(id).is_none()) {
            Some(missing) => Err(ContentError::UnknownSource {
                cited_by: cited_by(),
                source_id: missing.clone(),
            }),
            None => Ok(()),
        }
    }

    fn validate_sources(&self) -> Result<(), ContentError> {
        unique("source", self.sources.iter().map(Source::id))?;
        for s in &self.sources {
            let id = s.id();
            check::slug("source", id)?;
            let field = |name: &'static str| move || format!("source {id:?} {name}");
            check::plain(field("publisher"), s.publisher())?;
            check::plain(field("title"), s.title())?;
            check::max_len(field("title"), s.title(), MAX_TITLE_CHARS)?;
            if let Some(author) = s.author() {
                check::plain(field("author"), author)?;
            }
            if let Some(note) = s.note() {
                check::plain(field("note"), note)?;
            }
            if s.date().is_none() && s.note().is_none() {
                return Err(ContentError::UndatedWithoutNote { id: id.to_owned() });
            }
            if !check::facts_section(s.facts_section()) {
                return Err(ContentError::BadSection {
                    id: id.to_owned(),
                    section: s.facts_section().to_owned(),
                });
            }
            if let Some(url) = s.url() {
                if !s.quality().may_link() {
                    return Err(ContentError::LinkedAggregator { id: id.to_owned() });
                }
                check::url(id, url)?;
            }
        }
        Ok(())
    }

    fn validate_claims(&self) -> Result<(), ContentError> {
        unique("claim", self.claims.iter().map(Claim::id))?;
        for c in &self.claims {
            let id = c.id();
            check::slug("claim", id)?;
            let field = |name: &'static str| move || format!("claim {id:?} {name}");
            check::plain(field("text"), c.text())?;
            check::max_len(field("text"), c.text(), MAX_CLAIM_CHARS)?;
            let body = c.text().trim_end_matches('.');
            if !c.text().ends_with('.') || body.contains(". ") || body.contains(['?', '!']) {
                return Err(ContentError::ClaimSentence { id: id.to_owned() });
            }
            check::plain(field("reason"), c.reason())?;
            check::max_len(field("reason"), c.reason(), MAX_REASON_CHARS)?;
            self.cite(|| format!("claim {id:?}"), c.sources())?;
            if self.step(c.step()).is_none() {
                return Err(ContentError::UnknownStep {
                    claim: id.to_owned(),
                    step: c.step().to_owned(),
                });
            }
        }
        Ok(())
    }

    fn validate_steps(&self) -> Result<(), ContentError> {
        for (i, s) in self.steps.iter().enumerate() {
            let expected = format!("step-{}", i + 1);
            if s.id() != expected {
                return Err(ContentError::StepOrder {
                    position: i + 1,
                    id: s.id().to_owned(),
                    expected,
                });
            }
            let id = s.id();
            check::plain(|| format!("step {id:?} title"), s.title())?;
            check::max_len(|| format!("step {id:?} title"), s.title(), MAX_TITLE_CHARS)?;
            let count = s.paragraphs().len();
            if !(MIN_PARAGRAPHS..=MAX_PARAGRAPHS).contains(&count) {
                return Err(ContentError::ParagraphCount {
                    id: id.to_owned(),
                    count,
                    min: MIN_PARAGRAPHS,
                    max: MAX_PARAGRAPHS,
                });
            }
            for (n, p) in s.paragraphs().iter().enumerate() {
                // Placeholders were checked when the paragraph was parsed; check the
                // text around them with each one standing in as a number.
                let sample = p.fill(|_| "1".to_owned());
                check::plain(|| format!("step {id:?} paragraph {}", n + 1), &sample)?;
            }
            unique(
                &format!("claim shown by step {id:?}"),
                s.claims().iter().map(String::as_str),
            )?;
            if let Some(missing) = s.claims().iter().find(|c| self.claim(c).is_none()) {
                return Err(ContentError::UnknownClaim {
                    step: id.to_owned(),
                    claim: missing.clone(),
                });
            }
        }
        for c in &self.claims {
            if let Some(home) = self.step(c.step()) {
                if !home.claims().iter().any(|id| id == c.id()) {
                    return Err(ContentError::ClaimMissingFromStep {
                        claim: c.id().to_owned(),
                        step: c.step().to_owned(),
                    });
                }
            }
        }
        Ok(())
    }

    fn validate_timeline(&self) -> Result<(), ContentError> {
        unique("timeline", self.timeline.iter().map(TimelineEntry::id))?;
        let mut previous = None;
        for t in &self.timeline {
            let id = t.id();
            check::slug("timeline", id)?;
            if t.date().precision() != Precision::Day {
                return Err(ContentError::TimelineDatePrecision { id: id.to_owned() });
            }
            if previous.is_some_and(|p| t.date() < p) {
                return Err(ContentError::TimelineOrder { id: id.to_owned() });
            }
            previous = Some(t.date());
            check::plain(|| format!("timeline {id:?} title"), t.title())?;
            check::max_len(
                || format!("timeline {id:?} title"),
                t.title(),
                MAX_TITLE_CHARS,
            )?;
            check::plain(|| format!("timeline {id:?} detail"), t.detail())?;
            self.cite(|| format!("timeline entry {id:?}"), t.sources())?;
        }
        Ok(())
    }

    fn validate_record(&self) -> Result<(), ContentError> {
        unique("record", self.record.iter().map(RecordItem::id))?;
        for r in &self.record {
            let id = r.id();
            check::slug("record", id)?;
            check::plain(|| format!("record {id:?} heading"), r.heading())?;
            check::max_len(
                || format!("record {id:?} heading"),
                r.heading(),
                MAX_TITLE_CHARS,
            )?;
            check::plain(|| format!("record {id:?} text"), r.text())?;
            self.cite(|| format!("record item {id:?}"), r.sources())?;
        }
        Ok(())
    }

    fn validate_coverage(&self) -> Result<(), ContentError> {
        if let Some(missing) = CITED_BY_CORE.iter().find(|id| self.source(id).is_none()) {
            return Err(ContentError::UnknownSource {
                cited_by: "the core (CITED_BY_CORE)".to_owned(),
                source_id: (*missing).to_owned(),
            });
        }
        let cited: HashSet<&str> = self
            .claims
            .iter()
            .flat_map(|c| c.sources())
            .chain(self.timeline.iter().flat_map(|t| t.sources()))
            .chain(self.record.iter().flat_map(|r| r.sources()))
            .map(String::as_str)
            .chain(CITED_BY_CORE.iter().copied())
            .collect();
        match self.sources.iter().find(|s| !cited.contains(s.id())) {
            Some(s) => Err(ContentError::UncitedSource {
                id: s.id().to_owned(),
            }),
            None => Ok(()),
        }
    }
}
