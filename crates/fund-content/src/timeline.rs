//! Dated events of the real arrangement, for the steppable timeline.

use crate::IsoDate;
use serde::Deserialize;

/// One dated event.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    id: String,
    date: IsoDate,
    title: String,
    detail: String,
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
    pub fn title(&self) -> &str {
        &self.title
    }

    /// A sentence or two on what happened.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Ids of the sources for it.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}
