//! The page's state in its URL: reading it on load, writing it (in full) on every change.
//! Parsing and writing are the core's (`fund_core::params`); this module adds the app's step
//! count, chart slugs and theme, and the browser glue.

use crate::charts::ChartId;
use crate::theme::ThemeChoice;
use fund_core::model::Model;
use fund_core::params::{self, ParamNotice, UrlState};

/// The chart slugs `?embed=` accepts.
pub fn embed_slugs() -> Vec<&'static str> {
    ChartId::ALL.iter().map(|c| c.slug()).collect()
}

/// Reads a query string (with or without `?`) into the page's state, with a notice for every
/// parameter that was refused (and fell back to its default).
pub fn read(query: &str) -> (UrlState, Vec<ParamNotice>) {
    params::parse(query, fund_content::steps().len(), &embed_slugs())
}

/// The full query string (without `?`) for the page's state: every parameter, always.
pub fn write(model: &Model, step: usize, theme: ThemeChoice, embed: Option<ChartId>) -> String {
    let mut m = model.clone();
    // A step the walkthrough has is always accepted; otherwise the model keeps its own.
    let _ = m.set_step(step, fund_content::steps().len());
    params::to_query(&UrlState::new(
        m,
        theme,
        embed.map(|c| c.slug().to_string()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn round_trips_the_state() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(72)).unwrap();
        let q = write(&m, 3, ThemeChoice::Dark, Some(ChartId::Income));
        let (state, notices) = read(&q);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.step(), 3);
        assert_eq!(state.theme(), ThemeChoice::Dark);
        assert_eq!(state.embed(), Some("income"));
        assert_eq!(state.model().inputs().treasuries, Decimal::from(72));
        // Written in full: every parameter, even the defaults.
        assert!(
            q.contains("a.direct=") && q.contains("usdjpy=") && q.contains("step=4"),
            "{q}"
        );
    }

    #[test]
    fn bad_parameters_are_named_and_fall_back() {
        let (state, notices) = read("?a.treasuries=lots&step=999&embed=<script>&zzz=1");
        assert_eq!(state.model().inputs().treasuries, Decimal::from(75));
        assert_eq!(state.embed(), None);
        let named: Vec<&str> = notices.iter().map(|n| n.param()).collect();
        assert!(
            named.contains(&"a.treasuries") && named.contains(&"step") && named.contains(&"embed"),
            "{named:?}"
        );
        assert!(!named.contains(&"zzz"));
        for n in &notices {
            assert!(!n.to_string().contains('<'), "{n}");
        }
    }
}
