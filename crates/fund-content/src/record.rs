//! Short “what the record says” paragraphs for the record panel.

use fund_core::{Lang, Text};
use serde::Deserialize;

/// One paragraph of the record panel.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordItem {
    id: String,
    heading: Text,
    text: Text,
    sources: Vec<String>,
}

impl RecordItem {
    /// Stable slug id. `record-framing` describes the record framing.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// A few words of heading.
    pub fn heading(&self, lang: Lang) -> &str {
        self.heading.get(lang)
    }

    /// The paragraph, plain text.
    pub fn text(&self, lang: Lang) -> &str {
        self.text.get(lang)
    }

    /// Ids of the sources for it.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
}
