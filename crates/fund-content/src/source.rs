//! The sources the explainer cites.

use crate::IsoDate;
use fund_core::{msg, Lang, Text};
use serde::Deserialize;

/// How much weight a source can bear (the labels of `facts.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Quality {
    /// Primary or official page.
    #[serde(rename = "P")]
    Primary,
    /// News report, or a reprint of an official or wire story.
    #[serde(rename = "S")]
    Secondary,
    /// Aggregator or blog: a pointer only, never linked.
    #[serde(rename = "X")]
    Aggregator,
}

impl Quality {
    /// The label used in the data: `P`, `S` or `X`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Primary => "P",
            Self::Secondary => "S",
            Self::Aggregator => "X",
        }
    }

    /// Reader-facing label in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Self::Primary => msg::content::primary(lang),
            Self::Secondary => msg::content::secondary(lang),
            Self::Aggregator => msg::content::aggregator(lang),
        }
    }

    /// Whether a link to a page of this quality may be shown.
    pub fn may_link(&self) -> bool {
        !matches!(self, Self::Aggregator)
    }
}

/// A source's title: its own title, the same in every language (`"title": "…"`), or for a
/// source without one, our description of it in every language (`{"en": …, "ja": …}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum Title {
    Own(String),
    Described(Text),
}

impl Title {
    fn get(&self, lang: Lang) -> &str {
        match self {
            Title::Own(t) => t,
            Title::Described(t) => t.get(lang),
        }
    }
}

/// One cited source: who published what, when, and where to read it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    id: String,
    publisher: Text,
    #[serde(default)]
    author: Option<String>,
    title: Title,
    #[serde(default)]
    title_is_description: bool,
    #[serde(default)]
    date: Option<IsoDate>,
    #[serde(default)]
    url: Option<String>,
    quality: Quality,
    facts_section: String,
    #[serde(default)]
    note: Option<Text>,
}

impl Source {
    /// Stable id, cited by claims, steps, the timeline, the record and the core.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The publisher (for a reprint: the original publisher, and the outlet that carried it).
    pub fn publisher(&self, lang: Lang) -> &str {
        self.publisher.get(lang)
    }

    /// The author or authors, if named.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// The title, or a description of the item when its exact title was not recorded
    /// (see [`Source::title_is_description`]).
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// True when [`Source::title`] describes the item rather than quoting its title.
    pub fn title_is_description(&self) -> bool {
        self.title_is_description
    }

    /// Publication date, if known (day, month or year precision).
    pub fn date(&self) -> Option<IsoDate> {
        self.date
    }

    /// Link to read it, if one may be given. Never set for [`Quality::Aggregator`].
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Source quality.
    pub fn quality(&self) -> Quality {
        self.quality
    }

    /// The section of the sourced facts this comes from, e.g. `1.3`.
    pub fn facts_section(&self) -> &str {
        &self.facts_section
    }

    /// A caveat about the source or how it was read.
    pub fn note(&self, lang: Lang) -> Option<&str> {
        self.note.as_ref().map(|n| n.get(lang))
    }

    /// Reader-facing citation in `lang`: `Publisher, “Title”, 28 Jul 2025`;
    /// `発行元「タイトル」(2025年7月28日)`.
    ///
    /// An author comes first when named; a described (not quoted) title is shown
    /// without quotation marks; an undated source says so; a pointer-only (\[X\]) source
    /// always says it is not confirmed (see [`not_confirmed_marker`]).
    pub fn citation(&self, lang: Lang) -> String {
        let author = self.author.as_deref().unwrap_or("");
        let publisher = self.publisher(lang);
        let title = self.title(lang);
        let date = match self.date {
            Some(d) => d.format(lang),
            None => msg::content::undated(lang).to_string(),
        };
        let base = if self.title_is_description {
            msg::content::citation_described(lang, publisher, title, &date)
        } else {
            msg::content::citation(lang, publisher, title, &date)
        };
        let cited = if author.is_empty() {
            base
        } else {
            msg::content::with_author(lang, author, &base)
        };
        // A pointer-only source never reads as a plain one: its citation says it is not
        // confirmed, in the publisher as the data gives it or, failing that, at the end.
        if self.quality == Quality::Aggregator && !cited.contains(not_confirmed_marker(lang)) {
            format!("{cited}{}", not_confirmed_suffix(lang))
        } else {
            cited
        }
    }

    /// True when the source is pointer-only (\[X\]) and its publisher, as shown on source lines
    /// and cards, already says it is not confirmed.
    pub fn publisher_says_not_confirmed(&self, lang: Lang) -> bool {
        self.publisher(lang).contains(not_confirmed_marker(lang))
    }
}

/// The words that mark a pointer-only (\[X\]) source as not confirmed in `lang`: every such
/// source's citation contains them.
///
/// From the language tables (`content.not_confirmed`).
pub fn not_confirmed_marker(lang: Lang) -> &'static str {
    fund_core::msg::content::not_confirmed(lang)
}

/// What [`Source::citation`] appends to a pointer-only source whose publisher does not already
/// say it is not confirmed (`content.not_confirmed_suffix`).
fn not_confirmed_suffix(lang: Lang) -> &'static str {
    fund_core::msg::content::not_confirmed_suffix(lang)
}
