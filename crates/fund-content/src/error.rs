//! The one error type of this crate.

use thiserror::Error;

/// Why the content could not be loaded or failed validation.
///
/// Every variant names the item at fault, so a failing test or a log line
/// says exactly which entry of which file to fix.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    /// A file is not valid JSON, or does not have the expected shape
    /// (unknown field, unknown verdict, bad date, bad placeholder, …).
    #[error("{file}.json: {message}")]
    Json {
        /// Which content file: `sources`, `claims`, `steps`, `timeline`, `record` or `tranches`.
        file: &'static str,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A date is not `yyyy-mm-dd`, `yyyy-mm` or `yyyy`, or names a day that does not exist.
    #[error("invalid date {value:?}: {reason}")]
    BadDate {
        /// The text as written.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A step paragraph has an unknown placeholder or unbalanced braces.
    #[error("paragraph {text:?}: {reason}")]
    Placeholder {
        /// The paragraph (or key) as written.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An id is not a lowercase slug (`a-z`, `0-9`, inner `-`).
    #[error("{kind} id {id:?} is not a lowercase slug")]
    BadId {
        /// What kind of item carries the id.
        kind: &'static str,
        /// The id as written.
        id: String,
    },
    /// Two items of one kind share an id, or a list names one id twice.
    #[error("duplicate {kind} id {id:?}")]
    DuplicateId {
        /// What kind of item (or list) holds the duplicate.
        kind: String,
        /// The repeated id.
        id: String,
    },
    /// An item cites a source id that is not in `sources.json`.
    #[error("{cited_by} cites unknown source {source_id:?}")]
    UnknownSource {
        /// Who cites it, e.g. `claim "direct-share"`.
        cited_by: String,
        /// The missing source id.
        source_id: String,
    },
    /// A source in `sources.json` is cited by nothing.
    #[error("source {id:?} is not cited by any claim, timeline entry, record item or the core")]
    UncitedSource {
        /// The uncited source id.
        id: String,
    },
    /// A claim, timeline entry or record item cites no source at all.
    #[error("{cited_by} cites no source")]
    NoSources {
        /// The item without sources.
        cited_by: String,
    },
    /// An aggregator (\[X\]) source carries a link; cite its original publisher without one.
    #[error("source {id:?} is an aggregator ([X]) page and must not carry a link")]
    LinkedAggregator {
        /// The source id.
        id: String,
    },
    /// A link is malformed, not https, or points at a host that must not be linked.
    #[error("source {id:?} has a bad url {url:?}: {reason}")]
    BadUrl {
        /// The source id.
        id: String,
        /// The link as written.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A facts section is not of the form `N` or `N.N`.
    #[error("source {id:?} has a bad facts section {section:?}")]
    BadSection {
        /// The source id.
        id: String,
        /// The section as written.
        section: String,
    },
    /// A source has no date and no note saying why.
    #[error("source {id:?} has no date, so it needs a note saying why")]
    UndatedWithoutNote {
        /// The source id.
        id: String,
    },
    /// A claim names a step that does not exist.
    #[error("claim {claim:?} names unknown step {step:?}")]
    UnknownStep {
        /// The claim id.
        claim: String,
        /// The missing step id.
        step: String,
    },
    /// A step shows a claim that does not exist.
    #[error("step {step:?} shows unknown claim {claim:?}")]
    UnknownClaim {
        /// The step id.
        step: String,
        /// The missing claim id.
        claim: String,
    },
    /// A claim is not listed beside the step it says it belongs to.
    #[error("claim {claim:?} is not shown beside its own step {step:?}")]
    ClaimMissingFromStep {
        /// The claim id.
        claim: String,
        /// Its home step.
        step: String,
    },
    /// A claim is listed beside a step other than its own: each claim is shown once, in the
    /// step where the article makes it.
    #[error("claim {claim:?} is shown beside step {step:?}, but its own step is {home:?}; show each claim once")]
    ClaimShownTwice {
        /// The claim id.
        claim: String,
        /// The step that lists it.
        step: String,
        /// Its home step.
        home: String,
    },
    /// Steps are not numbered `step-1`, `step-2`, … in order.
    #[error("step number {position} has id {id:?}; expected {expected:?}")]
    StepOrder {
        /// One-based position in the file.
        position: usize,
        /// The id found there.
        id: String,
        /// The id expected there.
        expected: String,
    },
    /// A step has too few or too many paragraphs.
    #[error("step {id:?} has {count} paragraphs; {min} to {max} expected")]
    ParagraphCount {
        /// The step id.
        id: String,
        /// How many it has.
        count: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// A timeline entry is not dated to the day.
    #[error("timeline entry {id:?} needs a full date (yyyy-mm-dd)")]
    TimelineDatePrecision {
        /// The entry id.
        id: String,
    },
    /// A timeline entry is earlier than the one before it.
    #[error("timeline entry {id:?} is out of date order")]
    TimelineOrder {
        /// The entry id.
        id: String,
    },
    /// A required text is empty.
    #[error("{field} is empty")]
    Empty {
        /// Which field, e.g. `claim "direct-share" reason`.
        field: String,
    },
    /// A text contains markup, control characters or stray braces.
    #[error("{field} is not plain text: {reason}")]
    NotPlainText {
        /// Which field.
        field: String,
        /// What was found.
        reason: &'static str,
    },
    /// A text is longer than its limit.
    #[error("{field} is too long ({len} characters; at most {max})")]
    TooLong {
        /// Which field.
        field: String,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A text's translations do not match (paragraph counts or placeholders).
    #[error("steps.json, {entry}: the languages do not match: {reason}")]
    Translation {
        /// Which entry.
        entry: String,
        /// What differs.
        reason: String,
    },
    /// A claim is not a single sentence ending with a full stop.
    #[error("claim {id:?} must be one sentence ending with a full stop (。 in Japanese)")]
    ClaimSentence {
        /// The claim id.
        id: String,
    },
    /// An amount is given without a source for it.
    #[error("{file}.json, {entry}: the figure {figure} has no source; add a source id")]
    FigureWithoutSource {
        /// Which content file.
        file: &'static str,
        /// Which entry, e.g. `project "ohio-gas-power"`.
        entry: String,
        /// The figure as written.
        figure: String,
    },
    /// A tranche's projects do not add up to its total.
    #[error("{file}.json, {entry}: the projects add up to ${sum} billion, but the total says ${total} billion")]
    AmountsDoNotAddUp {
        /// Which content file.
        file: &'static str,
        /// Which entry.
        entry: String,
        /// The total as written, in billions.
        total: String,
        /// What the projects add up to, in billions.
        sum: String,
    },
    /// The amounts of all tranches exceed the ceiling.
    #[error("{file}.json: the tranches add up to ${total} billion, more than the ${ceiling} billion ceiling")]
    OverCeiling {
        /// Which content file.
        file: &'static str,
        /// The sum, in billions.
        total: String,
        /// The ceiling, in billions.
        ceiling: String,
    },
    /// An amount is zero or below.
    #[error("{file}.json, {entry}: an amount must be above zero")]
    BadAmount {
        /// Which content file.
        file: &'static str,
        /// Which entry.
        entry: String,
    },
    /// An amount marked confirmed or candidate cites only aggregator (\[X\]) sources.
    #[error("{file}.json, {entry}: marked confirmed or candidate but every source is an aggregator ([X]); mark it reported or cite a [P] or [S] source")]
    ConfirmedFromAggregator {
        /// Which content file.
        file: &'static str,
        /// Which entry.
        entry: String,
    },
    /// A date of the tracker is not a full day, or is out of place.
    #[error("{file}.json, {entry}: {reason}")]
    TrackerDate {
        /// Which content file.
        file: &'static str,
        /// Which entry (or field).
        entry: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// An entry known only from aggregators is not labelled as unconfirmed.
    #[error("{file}.json, {entry}: every source is an aggregator ([X]), so the title must start with \"Unconfirmed: \"")]
    UnconfirmedUnlabelled {
        /// Which content file.
        file: &'static str,
        /// Which entry.
        entry: String,
    },
    /// A claim says it was reviewed before a source it cites was published.
    #[error("claims.json, claim {claim:?}: reviewed {reviewed}, before its source {source_id:?} was published")]
    ReviewedBeforeSource {
        /// The claim id.
        claim: String,
        /// The review date as written.
        reviewed: String,
        /// The later source.
        source_id: String,
    },
}
