//! All content files parsed together, and the rules that tie them to each other.

use crate::check;
use crate::date::Precision;
use crate::{Claim, ContentError, Quality, RecordItem, Source, Step, TimelineEntry, Tranches};
use fund_core::Lang;
use rust_decimal::Decimal;
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

/// How an unconfirmed timeline entry's English title starts.
pub const UNCONFIRMED_EN: &str = "Unconfirmed: ";
/// How an unconfirmed timeline entry's Japanese title starts.
pub const UNCONFIRMED_JA: &str = "未確認：";

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
    tranches: Tranches,
}

fn parse<T: DeserializeOwned>(file: &'static str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|e| ContentError::Json {
        file,
        message: locate::<T>(json).unwrap_or_else(|| e.to_string()),
    })
}

/// The id (or position) of an entry of a list, for messages.
fn entry_name(item: &serde_json::Value, position: usize) -> String {
    match item.get("id").and_then(serde_json::Value::as_str) {
        Some(id) => format!("entry {id:?}"),
        None => format!("entry number {position} (it has no id)"),
    }
}

/// For a file that parses as JSON but not as `T`: which entry is at fault, and why. Looks in a
/// top-level list, or in the lists of a top-level object (`tranches`, then each tranche's
/// `projects`), and re-parses entries one by one with the type of the whole file.
fn locate<T: DeserializeOwned>(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    // Remove entries one at a time: the first whose removal lets the file parse is at fault.
    fn lists(v: &serde_json::Value, path: Vec<(String, usize)>) -> Vec<Vec<(String, usize)>> {
        let mut out = Vec::new();
        let children: Vec<(String, &serde_json::Value)> = match v {
            serde_json::Value::Array(a) => vec![(String::new(), v)]
                .into_iter()
                .take(usize::from(!a.is_empty()))
                .collect(),
            serde_json::Value::Object(o) => o
                .iter()
                .filter(|(_, x)| x.is_array())
                .map(|(k, x)| (k.clone(), x))
                .collect(),
            _ => vec![],
        };
        for (key, list) in children {
            if let Some(items) = list.as_array() {
                for (i, item) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push((key.clone(), i));
                    out.extend(lists(item, p.clone()));
                    out.push(p);
                }
            }
        }
        out
    }
    let get = |v: &serde_json::Value, path: &[(String, usize)]| -> Option<serde_json::Value> {
        let mut cur = v;
        for (key, i) in path {
            cur = if key.is_empty() {
                cur.get(*i)?
            } else {
                cur.get(key)?.get(*i)?
            };
        }
        Some(cur.clone())
    };
    for path in lists(&value, Vec::new()) {
        let mut without = value.clone();
        let (last_key, last_i) = path.last()?.clone();
        let mut parent = &mut without;
        for (key, i) in &path[..path.len() - 1] {
            parent = if key.is_empty() {
                parent.get_mut(*i)?
            } else {
                parent.get_mut(key)?.get_mut(*i)?
            };
        }
        let list = if last_key.is_empty() {
            &mut *parent
        } else {
            parent.get_mut(&last_key)?
        };
        list.as_array_mut()?.remove(last_i);
        if serde_json::from_value::<T>(without).is_ok() {
            let item = get(&value, &path)?;
            let inner = serde_json::from_str::<T>(json).err()?.to_string();
            let inner = inner
                .split(" at line ")
                .next()
                .unwrap_or(&inner)
                .to_string();
            let mut names: Vec<String> = Vec::new();
            for depth in 1..path.len() {
                if let Some(outer) = get(&value, &path[..depth]) {
                    names.push(entry_name(&outer, path[depth - 1].1 + 1));
                }
            }
            names.push(entry_name(&item, last_i + 1));
            return Some(format!("{}: {inner}", names.join(", ")));
        }
    }
    None
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
    /// Parses the six content files and validates them (see [`Content::validate`]).
    pub fn from_json(
        sources: &str,
        claims: &str,
        steps: &str,
        timeline: &str,
        record: &str,
        tranches: &str,
    ) -> Result<Self, ContentError> {
        let content = Self::parse_unvalidated(sources, claims, steps, timeline, record, tranches)?;
        content.validate()?;
        Ok(content)
    }

    /// Parses the six files without checking the cross-file rules (see [`Content::validate`]).
    pub(crate) fn parse_unvalidated(
        sources: &str,
        claims: &str,
        steps: &str,
        timeline: &str,
        record: &str,
        tranches: &str,
    ) -> Result<Self, ContentError> {
        Ok(Self {
            sources: parse("sources", sources)?,
            claims: parse("claims", claims)?,
            steps: parse("steps", steps)?,
            timeline: parse("timeline", timeline)?,
            record: parse("record", record)?,
            tranches: parse("tranches", tranches)?,
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

    /// The deal tracker's data: as-of date, ceiling, deadline and tranches.
    pub fn tranches(&self) -> &Tranches {
        &self.tranches
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
    ///   hold `{placeholders}`, which parsing has already checked;
    /// - a timeline entry known only from aggregators (\[X\]) has a title starting
    ///   `Unconfirmed: `; a claim is not reviewed before a source it cites was published;
    /// - the tracker's dates are full days (start ≤ tranches ≤ as-of ≤ reviewed, start < deadline);
    ///   every amount is above zero and has a source; a confirmed amount cites a \[P\] or \[S\]
    ///   source; a tranche's projects add up exactly to its total; all tranches stay under the
    ///   ceiling.
    pub fn validate(&self) -> Result<(), ContentError> {
        self.validate_sources()?;
        self.validate_steps()?;
        self.validate_claims()?;
        self.validate_timeline()?;
        self.validate_record()?;
        self.validate_tranches()?;
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
            for lang in Lang::ALL {
                let field = |name: &'static str| {
                    move || format!("source {id:?} {name} ({})", lang.as_str())
                };
                check::plain(field("publisher"), s.publisher(lang))?;
                check::plain(field("title"), s.title(lang))?;
                check::max_len(field("title"), s.title(lang), MAX_TITLE_CHARS)?;
                if let Some(note) = s.note(lang) {
                    check::plain(field("note"), note)?;
                }
            }
            if let Some(author) = s.author() {
                check::plain(|| format!("source {id:?} author"), author)?;
            }
            if s.date().is_none() && s.note(Lang::En).is_none() {
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
            for lang in Lang::ALL {
                let field =
                    |name: &'static str| move || format!("claim {id:?} {name} ({})", lang.as_str());
                let text = c.text(lang);
                check::plain(field("text"), text)?;
                check::max_len(field("text"), text, MAX_CLAIM_CHARS)?;
                let one_sentence = match lang {
                    Lang::En => {
                        let body = text.trim_end_matches('.');
                        text.ends_with('.') && !body.contains(". ") && !body.contains(['?', '!'])
                    }
                    Lang::Ja => {
                        let body = text.trim_end_matches('。');
                        text.ends_with('。') && !body.contains(['。', '？', '！'])
                    }
                };
                if !one_sentence {
                    return Err(ContentError::ClaimSentence { id: id.to_owned() });
                }
                check::plain(field("reason"), c.reason(lang))?;
                check::max_len(field("reason"), c.reason(lang), MAX_REASON_CHARS)?;
            }
            self.cite(|| format!("claims.json, claim {id:?}"), c.sources())?;
            if c.reviewed().precision() != Precision::Day {
                return Err(ContentError::TrackerDate {
                    file: "claims",
                    entry: format!("claim {id:?}"),
                    reason: "the reviewed date must be a full date (yyyy-mm-dd)",
                });
            }
            for sid in c.sources() {
                if let Some(date) = self.source(sid).and_then(Source::date) {
                    if date > c.reviewed() && !is_prefix(date, c.reviewed()) {
                        return Err(ContentError::ReviewedBeforeSource {
                            claim: id.to_owned(),
                            reviewed: c.reviewed().iso(),
                            source_id: sid.clone(),
                        });
                    }
                }
            }
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
            for lang in Lang::ALL {
                let l = lang.as_str();
                check::plain(|| format!("step {id:?} title ({l})"), s.title(lang))?;
                check::max_len(
                    || format!("step {id:?} title ({l})"),
                    s.title(lang),
                    MAX_TITLE_CHARS,
                )?;
                let count = s.paragraphs(lang).len();
                if !(MIN_PARAGRAPHS..=MAX_PARAGRAPHS).contains(&count) {
                    return Err(ContentError::ParagraphCount {
                        id: id.to_owned(),
                        count,
                        min: MIN_PARAGRAPHS,
                        max: MAX_PARAGRAPHS,
                    });
                }
                for (n, p) in s.paragraphs(lang).iter().enumerate() {
                    // Placeholders were checked when the paragraph was parsed; check the
                    // text around them with each one standing in as a number.
                    let sample = p.fill(|_| "1".to_owned());
                    check::plain(|| format!("step {id:?} paragraph {} ({l})", n + 1), &sample)?;
                }
            }
            // Every language says the same: as many paragraphs, the same live numbers in each.
            let (en, ja) = (s.paragraphs(Lang::En), s.paragraphs(Lang::Ja));
            if en.len() != ja.len() {
                return Err(ContentError::Translation {
                    entry: format!("step {id:?}"),
                    reason: format!(
                        "{} paragraphs in English but {} in Japanese",
                        en.len(),
                        ja.len()
                    ),
                });
            }
            for (n, (e, j)) in en.iter().zip(ja).enumerate() {
                let mut ek: Vec<&str> = e.live_keys().map(|k| k.as_str()).collect();
                let mut jk: Vec<&str> = j.live_keys().map(|k| k.as_str()).collect();
                ek.sort_unstable();
                jk.sort_unstable();
                if ek != jk {
                    return Err(ContentError::Translation {
                        entry: format!("step {id:?} paragraph {}", n + 1),
                        reason: format!(
                            "the English has the placeholders {ek:?}, the Japanese {jk:?}"
                        ),
                    });
                }
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
            if let Some(other) = s
                .claims()
                .iter()
                .filter_map(|c| self.claim(c))
                .find(|c| c.step() != id && self.step(c.step()).is_some())
            {
                return Err(ContentError::ClaimShownTwice {
                    claim: other.id().to_owned(),
                    step: id.to_owned(),
                    home: other.step().to_owned(),
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
            for lang in Lang::ALL {
                let l = lang.as_str();
                check::plain(|| format!("timeline {id:?} title ({l})"), t.title(lang))?;
                check::max_len(
                    || format!("timeline {id:?} title ({l})"),
                    t.title(lang),
                    MAX_TITLE_CHARS,
                )?;
                check::plain(|| format!("timeline {id:?} detail ({l})"), t.detail(lang))?;
            }
            self.cite(|| format!("timeline.json, entry {id:?}"), t.sources())?;
            let labelled = t.title(Lang::En).starts_with(UNCONFIRMED_EN)
                && t.title(Lang::Ja).starts_with(UNCONFIRMED_JA);
            if self.only_aggregators(t.sources()) && !labelled {
                return Err(ContentError::UnconfirmedUnlabelled {
                    file: "timeline",
                    entry: format!("entry {id:?}"),
                });
            }
        }
        Ok(())
    }

    fn validate_record(&self) -> Result<(), ContentError> {
        unique("record", self.record.iter().map(RecordItem::id))?;
        for r in &self.record {
            let id = r.id();
            check::slug("record", id)?;
            for lang in Lang::ALL {
                let l = lang.as_str();
                check::plain(|| format!("record {id:?} heading ({l})"), r.heading(lang))?;
                check::max_len(
                    || format!("record {id:?} heading ({l})"),
                    r.heading(lang),
                    MAX_TITLE_CHARS,
                )?;
                check::plain(|| format!("record {id:?} text ({l})"), r.text(lang))?;
            }
            self.cite(|| format!("record.json, item {id:?}"), r.sources())?;
        }
        Ok(())
    }

    /// True when every id names an aggregator (\[X\]) source (and there is at least one).
    fn only_aggregators(&self, ids: &[String]) -> bool {
        !ids.is_empty()
            && ids.iter().all(|id| {
                self.source(id)
                    .is_some_and(|s| s.quality() == Quality::Aggregator)
            })
    }

    fn validate_tranches(&self) -> Result<(), ContentError> {
        const FILE: &str = "tranches";
        let t = &self.tranches;
        let date_err = |entry: &str, reason| {
            Err(ContentError::TrackerDate {
                file: FILE,
                entry: entry.to_owned(),
                reason,
            })
        };
        for (name, date) in [
            ("as_of", t.as_of()),
            ("reviewed", t.reviewed()),
            ("start", t.start()),
            ("deadline", t.deadline()),
        ] {
            if date.precision() != Precision::Day {
                return date_err(name, "must be a full date (yyyy-mm-dd)");
            }
        }
        if t.start() > t.as_of() || t.as_of() > t.reviewed() || t.start() >= t.deadline() {
            return date_err(
                "dates",
                "expected start ≤ as_of ≤ reviewed and start before the deadline",
            );
        }
        if t.ceiling_billion() <= Decimal::ZERO {
            return Err(ContentError::BadAmount {
                file: FILE,
                entry: "ceiling_billion".into(),
            });
        }
        self.cite(
            || "tranches.json, ceiling_sources".into(),
            t.ceiling_sources(),
        )?;
        self.cite(|| "tranches.json, start_sources".into(), t.start_sources())?;
        self.cite(
            || "tranches.json, deadline_sources".into(),
            t.deadline_sources(),
        )?;
        unique("tranche", t.tranches().iter().map(|x| x.id()))?;
        unique(
            "project",
            t.tranches()
                .iter()
                .flat_map(|x| x.projects())
                .map(|p| p.id()),
        )?;
        let mut previous = None;
        let mut grand = Decimal::ZERO;
        for tr in t.tranches() {
            let id = tr.id();
            let entry = format!("tranche {id:?}");
            check::slug("tranche", id)?;
            if tr.date().precision() != Precision::Day {
                return date_err(&entry, "the date must be a full date (yyyy-mm-dd)");
            }
            if tr.date() < t.start() || tr.date() > t.as_of() {
                return date_err(&entry, "the date must lie between start and as_of");
            }
            if previous.is_some_and(|p| tr.date() < p) {
                return date_err(&entry, "the tranches must be in date order");
            }
            previous = Some(tr.date());
            for lang in Lang::ALL {
                let l = lang.as_str();
                check::plain(
                    || format!("tranches.json, {entry} title ({l})"),
                    tr.title(lang),
                )?;
                check::max_len(
                    || format!("tranches.json, {entry} title ({l})"),
                    tr.title(lang),
                    MAX_TITLE_CHARS,
                )?;
            }
            if !tr.sources().is_empty() {
                self.cite(|| format!("tranches.json, {entry}"), tr.sources())?;
            }
            if tr.projects().is_empty() {
                return Err(ContentError::Empty {
                    field: format!("tranches.json, {entry} projects"),
                });
            }
            let mut sum = Decimal::ZERO;
            for p in tr.projects() {
                let pid = p.id();
                let pentry = format!("{entry}, project {pid:?}");
                check::slug("project", pid)?;
                for lang in Lang::ALL {
                    let l = lang.as_str();
                    check::plain(
                        || format!("tranches.json, {pentry} name ({l})"),
                        p.name(lang),
                    )?;
                    check::max_len(
                        || format!("tranches.json, {pentry} name ({l})"),
                        p.name(lang),
                        MAX_TITLE_CHARS,
                    )?;
                    if let Some(note) = p.note(lang) {
                        check::plain(|| format!("tranches.json, {pentry} note ({l})"), note)?;
                    }
                }
                if let Some(amount) = p.amount_billion() {
                    if p.sources().is_empty() {
                        return Err(ContentError::FigureWithoutSource {
                            file: FILE,
                            entry: pentry,
                            figure: format!("${amount} billion"),
                        });
                    }
                    if amount <= Decimal::ZERO {
                        return Err(ContentError::BadAmount {
                            file: FILE,
                            entry: pentry,
                        });
                    }
                    sum += amount;
                }
                self.cite(|| format!("tranches.json, {pentry}"), p.sources())?;
                if p.status().needs_a_news_or_official_source()
                    && self.only_aggregators(p.sources())
                {
                    return Err(ContentError::ConfirmedFromAggregator {
                        file: FILE,
                        entry: pentry,
                    });
                }
            }
            if let Some(total) = tr.total_billion() {
                if tr.total_sources().is_empty() {
                    return Err(ContentError::FigureWithoutSource {
                        file: FILE,
                        entry: format!("{entry} total_billion"),
                        figure: format!("${total} billion"),
                    });
                }
                self.cite(
                    || format!("tranches.json, {entry} total"),
                    tr.total_sources(),
                )?;
                if sum != total {
                    return Err(ContentError::AmountsDoNotAddUp {
                        file: FILE,
                        entry,
                        total: total.normalize().to_string(),
                        sum: sum.normalize().to_string(),
                    });
                }
            }
            grand += sum;
        }
        if grand > t.ceiling_billion() {
            return Err(ContentError::OverCeiling {
                file: FILE,
                total: grand.normalize().to_string(),
                ceiling: t.ceiling_billion().normalize().to_string(),
            });
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
            .chain(self.tranches.cited())
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

/// True when `coarse` (a month or year) contains the day or month `fine`, e.g. a source dated
/// `2026-12` and a review on `2026-12-04`.
fn is_prefix(coarse: crate::IsoDate, fine: crate::IsoDate) -> bool {
    coarse.precision() != Precision::Day
        && coarse.year() == fine.year()
        && coarse.month().is_none_or(|m| Some(m) == fine.month())
}
