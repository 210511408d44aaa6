//! The page's state in its URL: reading it on load, writing it (in full) on every change.
//! Parsing and writing are the core's (`fund_core::params`); this module adds the page's step
//! count, the chart slugs, the language and an embed's controls setting.

use crate::charts::ChartId;
use crate::theme::ThemeChoice;
use fund_core::model::Model;
use fund_core::params::{self, ControlsParam, ParamNotice, UrlState};
use fund_core::Lang;

/// How many steps the walkthrough has (the content's `steps.json`; a test checks they agree).
pub const STEP_COUNT: usize = 9;

/// The chart slugs `?embed=` accepts.
pub fn embed_slugs() -> Vec<&'static str> {
    ChartId::ALL.iter().map(|c| c.slug()).collect()
}

/// Reads a query string (with or without `?`) into the page's state, with a notice for every
/// parameter that was refused (and fell back to its default).
pub fn read(query: &str) -> (UrlState, Vec<ParamNotice>) {
    params::parse(query, STEP_COUNT, &embed_slugs())
}

/// Everything a link carries besides the reader's model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkState {
    /// The walkthrough step, counted from 0.
    pub step: usize,
    /// The theme asked for.
    pub theme: ThemeChoice,
    /// The chart shown alone, if the link is an embed's.
    pub embed: Option<ChartId>,
    /// The page's language.
    pub lang: Lang,
    /// An embed's controls setting (written only for embeds that set one).
    pub controls: Option<ControlsParam>,
}

/// The full query string (without `?`) for the page's state: every parameter, always.
pub fn write(model: &Model, link: LinkState) -> String {
    let mut m = model.clone();
    // A step the walkthrough has is always accepted; otherwise the model keeps its own.
    let _ = m.set_step(link.step, STEP_COUNT);
    params::to_query(
        &UrlState::new(m, link.theme, link.embed.map(|c| c.slug().to_string()))
            .with_lang(Some(link.lang))
            .with_controls(link.controls.filter(|_| link.embed.is_some())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn link(step: usize) -> LinkState {
        LinkState {
            step,
            theme: ThemeChoice::Dark,
            embed: Some(ChartId::Income),
            lang: Lang::Ja,
            controls: Some(ControlsParam::None),
        }
    }

    #[test]
    fn the_walkthrough_has_step_count_steps() {
        assert_eq!(fund_content::steps().len(), STEP_COUNT);
    }

    #[test]
    fn round_trips_the_state() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(72)).unwrap();
        let q = write(&m, link(3));
        let (state, notices) = read(&q);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.step(), 3);
        assert_eq!(state.theme(), ThemeChoice::Dark);
        assert_eq!(state.embed(), Some("income"));
        assert_eq!(state.lang(), Some(Lang::Ja));
        assert_eq!(state.controls(), Some(ControlsParam::None));
        assert_eq!(state.model().inputs().treasuries, Decimal::from(72));
        // Written in full: every parameter, even the defaults.
        assert!(
            q.contains("a.direct=") && q.contains("usdjpy=") && q.contains("step=4"),
            "{q}"
        );
        // The controls setting only travels with an embed.
        let page = write(
            &m,
            LinkState {
                embed: None,
                ..link(0)
            },
        );
        assert!(
            !page.contains("controls=") && page.contains("lang=ja"),
            "{page}"
        );
    }

    #[test]
    fn bad_parameters_are_named_and_fall_back() {
        let (state, notices) =
            read("?a.treasuries=lots&step=999&embed=<script>&zzz=1&lang=fr&controls=few");
        assert_eq!(state.model().inputs().treasuries, Decimal::from(75));
        assert_eq!(state.embed(), None);
        assert_eq!(state.lang(), None);
        let named: Vec<&str> = notices.iter().map(|n| n.param()).collect();
        for p in ["a.treasuries", "step", "embed", "lang", "controls"] {
            assert!(named.contains(&p), "{p}: {named:?}");
        }
        assert!(!named.contains(&"zzz"));
        for n in &notices {
            for lang in Lang::ALL {
                assert!(!n.message(lang).contains('<'), "{n}");
            }
        }
    }
}
