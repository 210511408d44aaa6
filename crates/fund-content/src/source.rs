//! The sources the explainer cites.

use crate::IsoDate;
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

    /// Reader-facing label.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Primary => "Primary or official source",
            Self::Secondary => "News report or reprint",
            Self::Aggregator => "Aggregator or unattributed page (pointer only)",
        }
    }

    /// Whether a link to a page of this quality may be shown.
    pub fn may_link(&self) -> bool {
        !matches!(self, Self::Aggregator)
    }
}

/// One cited source: who published what, when, and where to read it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    id: String,
    publisher: String,
    #[serde(default)]
    author: Option<String>,
    title: String,
    #[serde(default)]
    title_is_description: bool,
    #[serde(default)]
    date: Option<IsoDate>,
    #[serde(default)]
    url: Option<String>,
    quality: Quality,
    facts_section: String,
    #[serde(default)]
    note: Option<String>,
}

impl Source {
    /// Stable id, cited by claims, steps, the timeline, the record and the core.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The publisher (for a reprint: the original publisher, and the outlet that carried it).
    pub fn publisher(&self) -> &str {
        &self.publisher
    }

    /// The author or authors, if named.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// The title, or a description of the item when its exact title was not recorded
    /// (see [`Source::title_is_description`]).
    pub fn title(&self) -> &str {
        &self.title
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
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Reader-facing citation: `Publisher, “Title”, 28 Jul 2025`.
    ///
    /// An author comes first when named; a described (not quoted) title is shown
    /// without quotation marks; an undated source ends with `undated`.
    pub fn citation(&self) -> String {
        let mut out = String::new();
        if let Some(author) = &self.author {
            out.push_str(author);
            out.push_str(", ");
        }
        out.push_str(&self.publisher);
        if self.title_is_description {
            out.push_str(", ");
            out.push_str(&self.title);
        } else {
            out.push_str(", “");
            out.push_str(&self.title);
            out.push('”');
        }
        match self.date {
            Some(date) => {
                out.push_str(", ");
                out.push_str(&date.to_string());
            }
            None => out.push_str(", undated"),
        }
        out
    }
}
