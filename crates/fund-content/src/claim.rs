//! The article's checkable claims and what the record says about each.

use crate::IsoDate;
use fund_core::{msg, Lang, Text};
use serde::Deserialize;

/// How a claim fares against the sourced record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The sources bear the claim out.
    Supported,
    /// Part of the claim holds; part does not, or it needs an important qualification.
    PartlySupported,
    /// The sources say otherwise.
    Contradicted,
    /// No source we read says this.
    NotFound,
}

impl Verdict {
    /// Every verdict, strongest support first.
    pub const ALL: [Verdict; 4] = [
        Self::Supported,
        Self::PartlySupported,
        Self::Contradicted,
        Self::NotFound,
    ];

    /// Reader-facing label in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Self::Supported => msg::content::supported(lang),
            Self::PartlySupported => msg::content::partly_supported(lang),
            Self::Contradicted => msg::content::contradicted(lang),
            Self::NotFound => msg::content::not_found(lang),
        }
    }

    /// The value used in the data (also handy as a CSS class suffix).
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Supported => "supported",
            Self::PartlySupported => "partly-supported",
            Self::Contradicted => "contradicted",
            Self::NotFound => "not-found",
        }
    }
}

/// One checkable claim of the article, in our paraphrase, with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    id: String,
    claim: Text,
    verdict: Verdict,
    reason: Text,
    sources: Vec<String>,
    step: String,
    reviewed: IsoDate,
}

impl Claim {
    /// Stable slug id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The claim, paraphrased in one sentence (not the article's wording).
    pub fn text(&self, lang: Lang) -> &str {
        self.claim.get(lang)
    }

    /// How the claim fares against the record.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// One line on why.
    pub fn reason(&self, lang: Lang) -> &str {
        self.reason.get(lang)
    }

    /// Ids of the sources behind the verdict.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// When the verdict was last checked against the sourced material.
    pub fn reviewed(&self) -> IsoDate {
        self.reviewed
    }

    /// The step where the article makes the claim.
    pub fn step(&self) -> &str {
        &self.step
    }
}
