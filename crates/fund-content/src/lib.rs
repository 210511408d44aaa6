//! The explainer's words as data: the sources it cites, the article's claims and
//! their verdicts, the step-by-step walkthrough of the article's reasoning, the
//! timeline of the real arrangement and the record panel.
//!
//! The content lives in JSON files under `data/`, embedded at compile time and
//! parsed once. Everything is plain text: the app renders it as text, never as
//! HTML. Step paragraphs may hold live placeholders such as `{treasuries_amount}`
//! ([`LiveKey`]) that the app fills in from the reader's model.
//!
//! Nothing here panics. [`content`] and [`validate`] report a broken file as a
//! [`ContentError`]; the slice accessors ([`sources`], [`claims`], …) fall back to
//! empty slices in that case, and a test asserts the embedded data validates.
#![deny(missing_docs)]

mod check;
mod claim;
mod content;
mod date;
mod error;
mod record;
mod source;
mod step;
mod timeline;
mod tranche;

pub use check::DENIED_HOSTS;
pub use claim::{Claim, Verdict};
pub use content::{
    Content, CITED_BY_CORE, MAX_CLAIM_CHARS, MAX_PARAGRAPHS, MAX_REASON_CHARS, MAX_TITLE_CHARS,
    MIN_PARAGRAPHS,
};
pub use date::{IsoDate, Precision};
pub use error::ContentError;
pub use record::RecordItem;
pub use source::{not_confirmed_marker, Quality, Source};
pub use step::{Chart, LiveKey, Paragraph, Preset, Segment, Step};
pub use timeline::TimelineEntry;
pub use tranche::{AmountStatus, Project, Tranche, Tranches};

use std::sync::OnceLock;

/// The embedded `data/sources.json`.
pub const SOURCES_JSON: &str = include_str!("../data/sources.json");
/// The embedded `data/claims.json`.
pub const CLAIMS_JSON: &str = include_str!("../data/claims.json");
/// The embedded `data/steps.json`.
pub const STEPS_JSON: &str = include_str!("../data/steps.json");
/// The embedded `data/timeline.json`.
pub const TIMELINE_JSON: &str = include_str!("../data/timeline.json");
/// The embedded `data/record.json`.
pub const RECORD_JSON: &str = include_str!("../data/record.json");
/// The embedded `data/tranches.json`.
pub const TRANCHES_JSON: &str = include_str!("../data/tranches.json");

static CONTENT: OnceLock<Result<Content, ContentError>> = OnceLock::new();

/// The embedded content, parsed on first use.
///
/// The page only parses: the same embedded files are checked rule by rule by [`validate`], which
/// the test suite runs, so the browser does not ship or run the validation code.
pub fn content() -> Result<&'static Content, ContentError> {
    CONTENT
        .get_or_init(|| {
            Content::parse_unvalidated(
                SOURCES_JSON,
                CLAIMS_JSON,
                STEPS_JSON,
                TIMELINE_JSON,
                RECORD_JSON,
                TRANCHES_JSON,
            )
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Checks the embedded content; `Ok` means every rule of [`Content::validate`] holds.
pub fn validate() -> Result<(), ContentError> {
    content()?.validate()
}

/// The content files, by name, in the order [`Content::from_json`] takes them.
pub const FILES: [&str; 6] = [
    "sources", "claims", "steps", "timeline", "record", "tranches",
];

/// Reads the six content files from `dir` and validates them as [`validate`] does, for editors
/// (`cargo run -p fund-content --bin check-content`). `Ok` holds a one-line summary; `Err` the
/// first problem, naming the directory, the file and the entry.
pub fn check_dir(dir: &std::path::Path) -> Result<String, String> {
    let mut texts = Vec::with_capacity(FILES.len());
    for name in FILES {
        let path = dir.join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        texts.push(text);
    }
    let c = Content::from_json(
        &texts[0], &texts[1], &texts[2], &texts[3], &texts[4], &texts[5],
    )
    .map_err(|e| format!("{}/{e}", dir.display()))?;
    let t = c.tranches();
    let projects: usize = t.tranches().iter().map(|x| x.projects().len()).sum();
    Ok(format!(
        "{} sources, {} claims, {} steps, {} timeline entries, {} record items, {} tranches ({projects} projects); \
         record as of {}, reviewed {}. Rebuild the app to publish.",
        c.sources().len(),
        c.claims().len(),
        c.steps().len(),
        c.timeline().len(),
        c.record().len(),
        t.tranches().len(),
        t.as_of(),
        t.reviewed(),
    ))
}

/// All sources (empty if the embedded content is invalid).
pub fn sources() -> &'static [Source] {
    content().map(Content::sources).unwrap_or_default()
}

/// The source with this id.
pub fn source(id: &str) -> Option<&'static Source> {
    content().ok().and_then(|c| c.source(id))
}

/// All claims (empty if the embedded content is invalid).
pub fn claims() -> &'static [Claim] {
    content().map(Content::claims).unwrap_or_default()
}

/// The claim with this id.
pub fn claim(id: &str) -> Option<&'static Claim> {
    content().ok().and_then(|c| c.claim(id))
}

/// The claims shown beside a step, in the step's order.
pub fn claims_for_step(step_id: &str) -> Vec<&'static Claim> {
    content()
        .map(|c| c.claims_for_step(step_id))
        .unwrap_or_default()
}

/// All steps in reading order (empty if the embedded content is invalid).
pub fn steps() -> &'static [Step] {
    content().map(Content::steps).unwrap_or_default()
}

/// The step with this id.
pub fn step(id: &str) -> Option<&'static Step> {
    content().ok().and_then(|c| c.step(id))
}

/// Timeline entries, oldest first (empty if the embedded content is invalid).
pub fn timeline() -> &'static [TimelineEntry] {
    content().map(Content::timeline).unwrap_or_default()
}

/// Record-panel paragraphs (empty if the embedded content is invalid).
pub fn record() -> &'static [RecordItem] {
    content().map(Content::record).unwrap_or_default()
}

/// The deal tracker's data (`None` if the embedded content is invalid).
pub fn tranches() -> Option<&'static Tranches> {
    content().ok().map(Content::tranches)
}

/// The record paragraph with this id (`record-framing` describes the record framing).
pub fn record_item(id: &str) -> Option<&'static RecordItem> {
    content().ok().and_then(|c| c.record_item(id))
}
