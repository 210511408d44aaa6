//! The walkthrough of the article's reasoning, one step at a time.

use crate::ContentError;
use fund_core::{Lang, Text};
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// A number in a step paragraph that the app fills in from the reader's model,
/// written `{key}` in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiveKey {
    /// `{total}`: the fund's size, $550 billion.
    Total,
    /// `{treasuries_share}`: the Treasuries share of the article's split.
    TreasuriesShare,
    /// `{treasuries_amount}`: the Treasuries amount in dollars.
    TreasuriesAmount,
    /// `{direct_share}`: the direct-investment share.
    DirectShare,
    /// `{direct_amount}`: the direct-investment amount in dollars.
    DirectAmount,
    /// `{agency_share}`: the agency bonds and MBS share.
    AgencyShare,
    /// `{agency_amount}`: the agency bonds and MBS amount in dollars.
    AgencyAmount,
    /// `{index_share}`: the index funds share.
    IndexShare,
    /// `{index_amount}`: the index funds amount in dollars.
    IndexAmount,
    /// `{treasuries_yen}`: the Treasuries amount in yen.
    TreasuriesYen,
    /// `{treasuries_income}`: yearly income on the Treasuries amount.
    TreasuriesIncome,
    /// `{total_income}`: yearly income on the whole split.
    TotalIncome,
    /// `{share_of_japan_holdings}`: the Treasuries amount as a share of Japan's holdings.
    ShareOfJapanHoldings,
    /// `{share_of_market}`: the Treasuries amount as a share of marketable Treasuries.
    ShareOfMarket,
    /// `{usdjpy}`: the yen-per-dollar rate used.
    Usdjpy,
}

impl LiveKey {
    /// Every key, in the order listed in the data guide.
    pub const ALL: [LiveKey; 15] = [
        Self::Total,
        Self::TreasuriesShare,
        Self::TreasuriesAmount,
        Self::DirectShare,
        Self::DirectAmount,
        Self::AgencyShare,
        Self::AgencyAmount,
        Self::IndexShare,
        Self::IndexAmount,
        Self::TreasuriesYen,
        Self::TreasuriesIncome,
        Self::TotalIncome,
        Self::ShareOfJapanHoldings,
        Self::ShareOfMarket,
        Self::Usdjpy,
    ];

    /// The key as written between braces.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Total => "total",
            Self::TreasuriesShare => "treasuries_share",
            Self::TreasuriesAmount => "treasuries_amount",
            Self::DirectShare => "direct_share",
            Self::DirectAmount => "direct_amount",
            Self::AgencyShare => "agency_share",
            Self::AgencyAmount => "agency_amount",
            Self::IndexShare => "index_share",
            Self::IndexAmount => "index_amount",
            Self::TreasuriesYen => "treasuries_yen",
            Self::TreasuriesIncome => "treasuries_income",
            Self::TotalIncome => "total_income",
            Self::ShareOfJapanHoldings => "share_of_japan_holdings",
            Self::ShareOfMarket => "share_of_market",
            Self::Usdjpy => "usdjpy",
        }
    }
}

impl fmt::Display for LiveKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LiveKey {
    type Err = ContentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ContentError::Placeholder {
                text: s.to_owned(),
                reason: format!("unknown placeholder {{{s}}}"),
            })
    }
}

/// A piece of a paragraph: plain text, or a number the app fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text shown as is.
    Text(String),
    /// A live number, replaced by the app.
    Live(LiveKey),
}

/// A paragraph parsed into text and live segments.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Paragraph {
    segments: Vec<Segment>,
}

impl Paragraph {
    /// Parses `text {key} text`. Braces must pair up around a known [`LiveKey`];
    /// there is no escape for a literal brace.
    pub fn parse(text: &str) -> Result<Self, ContentError> {
        let bad = |reason: &str| ContentError::Placeholder {
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let mut segments = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                None => {
                    segments.push(Segment::Text(rest.to_owned()));
                    rest = "";
                }
                Some(at) => {
                    let (before, from) = rest.split_at(at);
                    if from.starts_with('}') {
                        return Err(bad("a closing brace without an opening one"));
                    }
                    if !before.is_empty() {
                        segments.push(Segment::Text(before.to_owned()));
                    }
                    let inner = &from[1..];
                    let close = inner
                        .find(['{', '}'])
                        .filter(|i| inner[*i..].starts_with('}'))
                        .ok_or_else(|| bad("an opening brace without a closing one"))?;
                    let key = &inner[..close];
                    if key.is_empty() {
                        return Err(bad("empty braces"));
                    }
                    let key = key
                        .parse::<LiveKey>()
                        .map_err(|_| ContentError::Placeholder {
                            text: text.to_owned(),
                            reason: format!("unknown placeholder {{{key}}}"),
                        })?;
                    segments.push(Segment::Live(key));
                    rest = &inner[close + 1..];
                }
            }
        }
        Ok(Self { segments })
    }

    /// The segments in order. Adjacent text is never split; empty text never appears.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The live keys used, in order of appearance.
    pub fn live_keys(&self) -> impl Iterator<Item = LiveKey> + '_ {
        self.segments.iter().filter_map(|s| match s {
            Segment::Live(k) => Some(*k),
            Segment::Text(_) => None,
        })
    }

    /// The text with every live key replaced by `value(key)`.
    pub fn fill(&self, mut value: impl FnMut(LiveKey) -> String) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Text(t) => out.push_str(t),
                Segment::Live(k) => out.push_str(&value(*k)),
            }
        }
        out
    }

    /// The paragraph as written in the data, with `{key}` placeholders.
    pub fn template(&self) -> String {
        self.fill(|k| format!("{{{}}}", k.as_str()))
    }
}

impl TryFrom<String> for Paragraph {
    type Error = ContentError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

/// Which chart accompanies a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chart {
    /// 100 squares: the direct slice of the total.
    Waffle,
    /// The article's split by destination.
    Allocation,
    /// Yearly income by destination.
    Income,
    /// Scale against Japan's holdings and the Treasury market.
    Context,
    /// The article's split beside the record's.
    Framings,
    /// How project cash flows are shared.
    ProfitSplit,
    /// Estimated effect on Treasury yields.
    YieldEffect,
    /// Dated events of the real arrangement.
    Timeline,
}

impl Chart {
    /// The value used in the data.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Waffle => "waffle",
            Self::Allocation => "allocation",
            Self::Income => "income",
            Self::Context => "context",
            Self::Framings => "framings",
            Self::ProfitSplit => "profit-split",
            Self::YieldEffect => "yield-effect",
            Self::Timeline => "timeline",
        }
    }
}

/// A scenario preset a step may switch the sliders to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// The low end of the article's ranges.
    Low,
    /// The middle of the article's ranges.
    Mid,
    /// The high end of the article's ranges.
    High,
}

impl Preset {
    /// The value used in the data.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Mid => "mid",
            Self::High => "high",
        }
    }
}

/// A step's paragraphs in every language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Paragraphs {
    en: Vec<Paragraph>,
    ja: Vec<Paragraph>,
}

/// One step of the walkthrough: the article's reasoning in our words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    id: String,
    title: Text,
    paragraphs: Paragraphs,
    chart: Chart,
    #[serde(default)]
    preset: Option<Preset>,
    claims: Vec<String>,
}

impl Step {
    /// `step-1`, `step-2`, … in reading order.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Short heading, in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// The article's reasoning, neutrally attributed, 2–4 paragraphs, in `lang`.
    pub fn paragraphs(&self, lang: Lang) -> &[Paragraph] {
        match lang {
            Lang::En => &self.paragraphs.en,
            Lang::Ja => &self.paragraphs.ja,
        }
    }

    /// The chart shown beside it.
    pub fn chart(&self) -> Chart {
        self.chart
    }

    /// The preset to apply when the step is reached, if any.
    pub fn preset(&self) -> Option<Preset> {
        self.preset
    }

    /// Ids of the claims shown beside it, in display order.
    pub fn claims(&self) -> &[String] {
        &self.claims
    }
}
