//! Framings: the two ways of splitting the $550 billion that the explainer
//! sets side by side, kept as data in `data/framings.json`.
//!
//! The allocation code knows bucket *roles* (Treasuries, direct, the two
//! remainder buckets), never bucket names; names, labels, ranges, defaults,
//! yields and source ids all come from the data.

use crate::error::CoreError;
use crate::lang::{Lang, Text};
use crate::money::Usd;
use crate::scenario::{Inputs, Scenario};
use crate::share::{Share, ShareRange};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// The built-in framing data, compiled into the binary.
pub const BUILTIN_JSON: &str = include_str!("../data/framings.json");

// The same data as Rust (written by build.rs), so that the built-in framings need no JSON reader.
include!(concat!(env!("OUT_DIR"), "/framings_data.rs"));

fn g_text(en: &str, ja: &str) -> Text {
    Text::new(en, ja)
}

fn g_dec(s: &str) -> Decimal {
    // A malformed number becomes -1, which validation refuses with a message.
    s.parse::<Decimal>().unwrap_or(Decimal::NEGATIVE_ONE)
}

fn g_share(s: &str) -> Share {
    Share::new(g_dec(s)).unwrap_or(Share::ZERO)
}

fn g_range(low: &str, high: &str) -> ShareRange {
    // build.rs refuses an inverted range, so ordering here changes nothing for valid data.
    ShareRange::ordered(g_share(low), g_share(high))
}
/// The longest a bucket's short (chart-axis) label may be, in characters.
pub const SHORT_LABEL_MAX_CHARS: usize = 14;

/// The highest default yield a framing may give a bucket, in percent.
pub const YIELD_MAX: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// Which framing: the article's claim, or the deal as the record describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FramingId {
    /// The article's framing (mostly Treasuries).
    Article,
    /// The public record (equity, loans, loan guarantees).
    Record,
}

impl FramingId {
    /// Both framings, article first.
    pub const ALL: [FramingId; 2] = [FramingId::Article, FramingId::Record];

    /// The id as written in data and URLs: `"article"` or `"record"`.
    pub fn as_str(self) -> &'static str {
        match self {
            FramingId::Article => "article",
            FramingId::Record => "record",
        }
    }

    /// The other framing (for side-by-side views).
    pub fn other(self) -> FramingId {
        match self {
            FramingId::Article => FramingId::Record,
            FramingId::Record => FramingId::Article,
        }
    }
}

impl fmt::Display for FramingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FramingId {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "article" => Ok(FramingId::Article),
            "record" => Ok(FramingId::Record),
            other => Err(CoreError::UnknownFraming {
                value: other.chars().take(40).collect(),
            }),
        }
    }
}

/// What a bucket is for; the allocation code works with roles only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BucketRole {
    /// US Treasuries (the article framing only).
    Treasuries,
    /// Direct investment / equity.
    Direct,
    /// Gets the reader's chosen part of what is left.
    RemainderFirst,
    /// Gets the rest of what is left.
    RemainderSecond,
}

/// One part of a framing, e.g. "US Treasury bonds and bills".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    id: String,
    label: Text,
    short_label: Text,
    role: BucketRole,
    range: Option<ShareRange>,
    default_share: Share,
    sources: Vec<String>,
    yield_default: Decimal,
    yield_sources: Vec<String>,
    yield_is_assumption: bool,
    yield_note: Text,
}

impl Bucket {
    /// The bucket's id, a slug such as `"agency-mbs"`.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The full label in `lang`, e.g. "Agency bonds and MBS".
    pub fn label(&self, lang: Lang) -> &str {
        self.label.get(lang)
    }
    /// The full label in every language.
    pub fn label_text(&self) -> &Text {
        &self.label
    }
    /// A short label for chart axes in `lang` (at most 14 characters).
    pub fn short_label(&self, lang: Lang) -> &str {
        self.short_label.get(lang)
    }
    /// The bucket's role.
    pub fn role(&self) -> BucketRole {
        self.role
    }
    /// The range the article or record gives for this bucket; `None` = not given.
    pub fn range(&self) -> Option<ShareRange> {
        self.range
    }
    /// The share the explainer starts with.
    pub fn default_share(&self) -> Share {
        self.default_share
    }
    /// Source ids for the bucket's share or range.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
    /// The default annual yield, in percent (e.g. `4.136`).
    pub fn yield_default(&self) -> Decimal {
        self.yield_default
    }
    /// Source ids for the default yield (empty when it is an assumption).
    pub fn yield_sources(&self) -> &[String] {
        &self.yield_sources
    }
    /// Whether the default yield is the explainer's assumption rather than a sourced figure.
    pub fn yield_is_assumption(&self) -> bool {
        self.yield_is_assumption
    }
    /// What the default yield is, in `lang`, e.g. "10-year Treasury yield at end-2025".
    pub fn yield_note(&self, lang: Lang) -> &str {
        self.yield_note.get(lang)
    }
    /// What the default yield is, in every language.
    pub fn yield_note_text(&self) -> &Text {
        &self.yield_note
    }
}

/// A whole framing: a total, and buckets that split it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Framing {
    id: FramingId,
    name: Text,
    description: Text,
    total: Usd,
    total_sources: Vec<String>,
    remainder_note: Text,
    default_remainder_split: Share,
    buckets: Vec<Bucket>,
}

impl Framing {
    /// Reads and validates framings from JSON (an array of framings).
    ///
    /// Refuses unknown fields, duplicate framing ids, and any framing that
    /// breaks a rule: exactly one direct bucket, at most one Treasuries
    /// bucket, exactly one of each remainder bucket, unique slug ids, short
    /// labels of at most 14 characters, slug source ids, yields 0–25%, a
    /// sourced yield unless it is marked an assumption, a total that is a
    /// positive whole number of millions (at most $1,000 trillion), default
    /// shares that add up to exactly 100 and are what the default inputs
    /// produce.
    pub fn from_json(json: &str) -> Result<Vec<Framing>, CoreError> {
        let raw: Vec<RawFraming> =
            serde_json::from_str(json).map_err(|e| CoreError::FramingData {
                message: e.to_string(),
            })?;
        Framing::from_raw(raw)
    }

    fn from_raw(raw: Vec<RawFraming>) -> Result<Vec<Framing>, CoreError> {
        let mut out: Vec<Framing> = Vec::with_capacity(raw.len());
        for r in raw {
            let f = r.validate()?;
            if out.iter().any(|g| g.id == f.id) {
                return Err(CoreError::InvalidFraming {
                    framing: f.id.as_str().to_string(),
                    problem: "the framing id appears more than once".to_string(),
                });
            }
            out.push(f);
        }
        Ok(out)
    }

    /// Which framing this is.
    pub fn id(&self) -> FramingId {
        self.id
    }
    /// Its name, e.g. "The deal as signed".
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }
    /// A one-sentence description.
    pub fn description(&self, lang: Lang) -> &str {
        self.description.get(lang)
    }
    /// The fund's total ($550 billion).
    pub fn total(&self) -> Usd {
        self.total
    }
    /// Source ids for the total.
    pub fn total_sources(&self) -> &[String] {
        &self.total_sources
    }
    /// A sentence saying the split of the unspecified remainder is the reader's assumption.
    pub fn remainder_note(&self, lang: Lang) -> &str {
        self.remainder_note.get(lang)
    }
    /// The starting split of the remainder: percent of it going to the first remainder bucket.
    pub fn default_remainder_split(&self) -> Share {
        self.default_remainder_split
    }
    /// The buckets, in display order.
    pub fn buckets(&self) -> &[Bucket] {
        &self.buckets
    }
    /// The bucket with this id, if any.
    pub fn bucket(&self, id: &str) -> Option<&Bucket> {
        self.buckets.iter().find(|b| b.id == id)
    }
    /// The bucket with this role, if the framing has one.
    pub fn bucket_by_role(&self, role: BucketRole) -> Option<&Bucket> {
        self.buckets.iter().find(|b| b.role == role)
    }
    /// The starting inputs: the default Treasuries and direct shares (0 if
    /// the framing has no Treasuries bucket) and the default remainder split.
    pub fn default_inputs(&self) -> Inputs {
        let share = |role| {
            self.bucket_by_role(role)
                .map(|b| b.default_share.percent())
                .unwrap_or(Decimal::ZERO)
        };
        Inputs {
            treasuries: share(BucketRole::Treasuries),
            direct: share(BucketRole::Direct),
            remainder_split: self.default_remainder_split.percent(),
        }
    }
}

fn builtins_cell() -> &'static Result<Vec<Framing>, CoreError> {
    static CELL: OnceLock<Result<Vec<Framing>, CoreError>> = OnceLock::new();
    CELL.get_or_init(|| {
        let all = Framing::from_raw(generated_raw())?;
        for id in FramingId::ALL {
            if !all.iter().any(|f| f.id == id) {
                return Err(CoreError::InvalidFraming {
                    framing: id.as_str().to_string(),
                    problem: "the built-in data does not define it".to_string(),
                });
            }
        }
        Ok(all)
    })
}

/// All built-in framings, parsed once; an error if the built-in data is broken
/// (a test makes sure it is not).
pub fn try_builtins() -> Result<&'static [Framing], CoreError> {
    builtins_cell()
        .as_ref()
        .map(|v| v.as_slice())
        .map_err(Clone::clone)
}

/// The built-in framing `id`, parsed once and cached.
///
/// Never panics: if the built-in data failed to parse (which a test rules
/// out), this returns [`fallback`]`(id)`, a minimal valid framing named
/// "Framing data unavailable", so the page still works. Use
/// [`try_builtins`] to see the error.
pub fn builtin(id: FramingId) -> &'static Framing {
    static FALLBACKS: OnceLock<[Framing; 2]> = OnceLock::new();
    match try_builtins()
        .ok()
        .and_then(|all| all.iter().find(|f| f.id == id))
    {
        Some(f) => f,
        None => {
            let [article, record] = FALLBACKS
                .get_or_init(|| [fallback(FramingId::Article), fallback(FramingId::Record)]);
            match id {
                FramingId::Article => article,
                FramingId::Record => record,
            }
        }
    }
}

/// A minimal valid framing used only if the built-in data cannot be read:
/// $550 billion, direct 1.5%, the rest split 50/50 between two unnamed
/// remainder buckets, all yields 0 (assumption), no sources beyond the total.
pub fn fallback(id: FramingId) -> Framing {
    let hundred = Decimal::ONE_HUNDRED;
    let both = |f: fn(Lang) -> &'static str| Text::new(f(Lang::En), f(Lang::Ja));
    let bucket = |slug: &str, label: Text, role: BucketRole, share: Decimal| Bucket {
        id: slug.to_string(),
        label: label.clone(),
        short_label: label,
        role,
        range: None,
        default_share: Share::new(share).unwrap_or(Share::ZERO),
        sources: Vec::new(),
        yield_default: Decimal::ZERO,
        yield_sources: Vec::new(),
        yield_is_assumption: true,
        yield_note: both(crate::msg::fallback::yield_note),
    };
    let direct = Decimal::new(15, 1);
    let half = (hundred - direct) / Decimal::TWO;
    Framing {
        id,
        name: both(crate::msg::fallback::name),
        description: both(crate::msg::fallback::description),
        total: Usd::new(Decimal::from(550_000_000_000u64)),
        total_sources: vec!["wh-factsheet-2025-07".to_string()],
        remainder_note: both(crate::msg::fallback::remainder_note),
        default_remainder_split: Share::new(Decimal::from(50)).unwrap_or(Share::ZERO),
        buckets: vec![
            bucket(
                "direct",
                both(crate::msg::fallback::direct),
                BucketRole::Direct,
                direct,
            ),
            bucket(
                "rest-a",
                both(crate::msg::fallback::rest_a),
                BucketRole::RemainderFirst,
                half,
            ),
            bucket(
                "rest-b",
                both(crate::msg::fallback::rest_b),
                BucketRole::RemainderSecond,
                half,
            ),
        ],
    }
}

// ----- raw JSON shape and validation -----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFraming {
    id: FramingId,
    name: Text,
    description: Text,
    total: Decimal,
    total_sources: Vec<String>,
    remainder_note: Text,
    default_remainder_split: Share,
    buckets: Vec<RawBucket>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBucket {
    id: String,
    label: Text,
    short_label: Text,
    role: BucketRole,
    range: Option<ShareRange>,
    default_share: Share,
    sources: Vec<String>,
    #[serde(rename = "yield")]
    yield_: RawYield,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYield {
    default: Decimal,
    sources: Vec<String>,
    is_assumption: bool,
    note: Text,
}

/// Whether `s` is a slug: non-empty, lowercase ASCII letters, digits and
/// single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl RawFraming {
    fn validate(self) -> Result<Framing, CoreError> {
        let fid = self.id.as_str();
        let bad = |problem: String| CoreError::InvalidFraming {
            framing: fid.to_string(),
            problem,
        };
        for (what, text) in [
            ("name", &self.name),
            ("description", &self.description),
            ("remainder note", &self.remainder_note),
        ] {
            if let Some(lang) = text.first_empty() {
                return Err(bad(format!("its {what} is empty in {}", lang.as_str())));
            }
        }
        let million = Decimal::from(1_000_000u64);
        let max_total = Decimal::from(1_000_000_000_000_000u64);
        if self.total <= Decimal::ZERO
            || self.total > max_total
            || !(self.total % million).is_zero()
        {
            return Err(bad(format!(
                "its total ${} must be a positive whole number of millions of dollars, at most $1,000 trillion",
                self.total
            )));
        }
        if self.total_sources.is_empty() {
            return Err(bad("its total cites no source".to_string()));
        }
        check_sources(&self.total_sources, "the total").map_err(bad)?;

        let mut buckets: Vec<Bucket> = Vec::with_capacity(self.buckets.len());
        for b in self.buckets {
            let bid = b.id.clone();
            if !is_slug(&b.id) {
                return Err(bad(format!(
                    "bucket id “{bid}” is not a slug (lowercase letters, digits, hyphens)"
                )));
            }
            if buckets.iter().any(|x| x.id == b.id) {
                return Err(CoreError::DuplicateBucket { bucket: bid });
            }
            if b.label.first_empty().is_some() || b.short_label.first_empty().is_some() {
                return Err(bad(format!("bucket “{bid}” has an empty label")));
            }
            for lang in Lang::ALL {
                let short = b.short_label.get(lang);
                let n = short.chars().count();
                if n > SHORT_LABEL_MAX_CHARS {
                    return Err(bad(format!(
                        "bucket “{bid}” has a short label “{short}” of {n} characters; at most {SHORT_LABEL_MAX_CHARS} fit a chart axis"
                    )));
                }
            }
            check_sources(&b.sources, &format!("bucket “{bid}”")).map_err(bad)?;
            check_sources(&b.yield_.sources, &format!("the yield of bucket “{bid}”"))
                .map_err(bad)?;
            if b.yield_.default < Decimal::ZERO || b.yield_.default > YIELD_MAX {
                return Err(CoreError::YieldOutOfBounds {
                    bucket: bid,
                    label: b.label,
                    value: b.yield_.default,
                });
            }
            if !b.yield_.is_assumption && b.yield_.sources.is_empty() {
                return Err(bad(format!(
                    "the yield of bucket “{bid}” cites no source and is not marked an assumption"
                )));
            }
            if b.yield_.note.first_empty().is_some() {
                return Err(bad(format!("the yield of bucket “{bid}” has no note")));
            }
            buckets.push(Bucket {
                id: b.id,
                label: b.label,
                short_label: b.short_label,
                role: b.role,
                range: b.range,
                default_share: b.default_share,
                sources: b.sources,
                yield_default: b.yield_.default.normalize(),
                yield_sources: b.yield_.sources,
                yield_is_assumption: b.yield_.is_assumption,
                yield_note: b.yield_.note,
            });
        }
        for (role, min, max, name) in [
            (BucketRole::Direct, 1, 1, "direct"),
            (BucketRole::Treasuries, 0, 1, "Treasuries"),
            (BucketRole::RemainderFirst, 1, 1, "first remainder"),
            (BucketRole::RemainderSecond, 1, 1, "second remainder"),
        ] {
            let count = buckets.iter().filter(|b| b.role == role).count();
            if count < min || count > max {
                let need = if min == max {
                    "exactly one"
                } else {
                    "at most one"
                };
                return Err(bad(format!(
                    "it needs {need} {name} bucket but has {count}"
                )));
            }
        }
        let framing = Framing {
            id: self.id,
            name: self.name,
            description: self.description,
            total: Usd::new(self.total.normalize()),
            total_sources: self.total_sources,
            remainder_note: self.remainder_note,
            default_remainder_split: self.default_remainder_split,
            buckets,
        };
        // The defaults must make a valid scenario, and be what the default inputs give.
        let pairs: Vec<(&str, Decimal)> = framing
            .buckets
            .iter()
            .map(|b| (b.id.as_str(), b.default_share.percent()))
            .collect();
        let by_shares = Scenario::new(&framing, &pairs).map_err(|e| {
            bad(format!(
                "its default shares do not make a valid scenario: {e}"
            ))
        })?;
        let by_inputs =
            Scenario::from_inputs(&framing, &framing.default_inputs()).map_err(|e| {
                bad(format!(
                    "its default inputs do not make a valid scenario: {e}"
                ))
            })?;
        if by_shares != by_inputs {
            return Err(bad(
                "its default shares differ from what the default Treasuries, direct and remainder split give".to_string(),
            ));
        }
        Ok(framing)
    }
}

fn check_sources(ids: &[String], whose: &str) -> Result<(), String> {
    for (i, id) in ids.iter().enumerate() {
        if !is_slug(id) {
            return Err(format!(
                "{whose} cites “{id}”, which is not a source id slug"
            ));
        }
        if id == "assumption" {
            return Err(format!(
                "{whose} cites “assumption”; mark the yield an assumption instead"
            ));
        }
        if ids[..i].contains(id) {
            return Err(format!("{whose} cites “{id}” twice"));
        }
    }
    Ok(())
}
