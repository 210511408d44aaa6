//! Dated events of the real arrangement, for the steppable timeline.

use crate::IsoDate;
use fund_core::{Lang, Text};
use serde::Deserialize;

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    id: String,
    date: IsoDate,
    title: Text,
    detail: Text,
    sources: Vec<String>,
}

impl TimelineEntry {
    /// Stable slug id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The day it happened.
    pub fn date(&self) -> IsoDate {
        self.date
    }

    /// Short headline.
    pub fn title(&self, lang: Lang) -> &str {
        self.title.get(lang)
    }

    /// A sentence or two on what happened.
    pub fn detail(&self, lang: Lang) -> &str {
        self.detail.get(lang)
    }

    /// Ids of the sources for it.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}
