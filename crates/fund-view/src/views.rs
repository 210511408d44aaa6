//! The one derived value every chart, table and sentence reads.

use fund_core::model::{Derived, Model};

/// Everything derived from the reader's model: the selected framing's figures, and the article's
/// figures for the walkthrough's text (the same values when the article's framing is selected).
#[derive(Debug, Clone, PartialEq)]
pub struct Views {
    /// Figures for the selected framing (what the charts show).
    pub current: Derived,
    /// Figures for the article's framing when another framing is selected (else `current`
    /// serves: see [`Views::article`]).
    other_article: Option<Derived>,
}

impl Views {
    /// Derives both views from the model.
    pub fn of(model: &Model) -> Views {
        Views::after(model, None)
    }

    /// [`Views::of`], reusing from `prev` (the views before this input) what did not change
    /// (see [`Model::derive_after`]); always equal to [`Views::of`].
    pub fn after(model: &Model, prev: Option<&Views>) -> Views {
        let current = model.derive_after(prev.map(|p| &p.current));
        let other_article = (current.framing().id() != fund_core::framing::FramingId::Article)
            .then(|| crate::live::article_view(model));
        Views {
            current,
            other_article,
        }
    }

    /// Figures for the article's framing (what the steps' inline numbers say).
    pub fn article(&self) -> &Derived {
        self.other_article.as_ref().unwrap_or(&self.current)
    }
}
