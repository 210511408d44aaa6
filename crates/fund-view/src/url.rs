//! The page's state in its URL: reading it on load, writing it (in full) on every change.
//! Parsing and writing are the core's (`fund_core::params`); this module adds the page's step
//! count, the chart slugs, the language and an embed's controls setting.

use crate::charts::ChartId;
use crate::theme::ThemeChoice;
use fund_core::framing::FramingId;
use fund_core::model::Model;
use fund_core::params::{self, ControlsParam, ParamNotice, UrlState};
use fund_core::Lang;

/// How many steps the walkthrough has (the content's `steps.json`; a test checks they agree).
pub const STEP_COUNT: usize = 8;

/// The chart slugs `?embed=` accepts.
pub fn embed_slugs() -> Vec<&'static str> {
    ChartId::ALL.iter().map(|c| c.slug()).collect()
}

/// Reads a query string (with or without `?`) into the page's state, with a notice for every
/// parameter that was refused (and fell back to its default).
pub fn read(query: &str) -> (UrlState, Vec<ParamNotice>) {
    params::parse(query, STEP_COUNT, &embed_slugs())
}

/// The framing a page starts in when its link names none; `embed` is the chart of an embed page.
/// The explainer walks through the article's reasoning, so it starts in the article's framing
/// (every chart of it labelled as the article's claim). An embed page (and the social card of
/// one) is published on its own, in other people's articles, so it starts in the record's
/// framing: a newsroom that pastes an embed as it comes publishes what the sources say, and the
/// article's claim only when it asks for it. The one exception is the yield-effect chart, whose
/// subject is the article's claim itself (what buying its Treasuries might do to yields) and whose
/// banner says so under either framing: in the record's framing it has no Treasuries to scale and
/// would show every study at zero, so it starts in the article's.
pub fn default_framing(embed: Option<ChartId>) -> FramingId {
    match embed {
        None | Some(ChartId::YieldEffect) => FramingId::Article,
        Some(_) => FramingId::Record,
    }
}

/// The model a page shows before any link changes it (see [`default_framing`]).
pub fn default_model(embed: Option<ChartId>) -> Model {
    let mut m = Model::default();
    // Both framings are built in and valid: cannot be refused.
    let _ = m.set_framing(default_framing(embed));
    m
}

/// [`read`] for a page (`embed`: the chart of an embed page): a page whose link names no framing
/// starts in its [`default_framing`].
pub fn read_page(query: &str, embed: Option<ChartId>) -> (UrlState, Vec<ParamNotice>) {
    let (state, notices) = read(query);
    // A framing the link names and the reader accepted wins; a refused one falls back to the
    // page's default, like every refused parameter.
    let named = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .any(|(k, _)| k == "framing")
        && !notices.iter().any(|n| n.param() == "framing");
    // A link that sets only the article's numbers (`a.…`) and names no framing means the
    // article's framing (as hand-made and older links do); otherwise the page's default.
    let keys: Vec<String> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, _)| k.into_owned())
        .collect();
    let article_only =
        keys.iter().any(|k| k.starts_with("a.")) && !keys.iter().any(|k| k.starts_with("r."));
    let want = if article_only {
        FramingId::Article
    } else {
        default_framing(embed)
    };
    if named || want == state.model().framing() {
        return (state, notices);
    }
    let mut model = state.model().clone();
    let _ = model.set_framing(want);
    let out = UrlState::new(model, state.theme(), state.embed().map(str::to_string))
        .with_lang(state.lang())
        .with_controls(state.controls());
    (out, notices)
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

/// The state parameters (the numbers, framing and step: `fund_core::params::state_param_names`)
/// of the page's default model, as [`write()`] writes them, joined as a query string. An embed page
/// carries them (`data-state-defaults`) so that its boot script starts the wasm at once only for a
/// link whose numbers differ from the prerendered chart's; the embed dialog's snippets carry every
/// parameter, and those at their defaults must not cost the host's readers the wasm.
pub fn state_defaults(embed: Option<ChartId>) -> String {
    let names = params::state_param_names();
    let query = write(
        &default_model(embed),
        LinkState {
            step: 0,
            theme: ThemeChoice::Auto,
            embed,
            lang: Lang::En,
            controls: None,
        },
    );
    query
        .split('&')
        .filter(|pair| {
            names
                .iter()
                .any(|n| pair.split('=').next() == Some(n.as_str()))
        })
        .collect::<Vec<_>>()
        .join("&")
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
    fn state_defaults_are_what_the_embed_dialog_writes_for_untouched_numbers() {
        for id in ChartId::ALL {
            let defaults = state_defaults(Some(id));
            let names = params::state_param_names();
            let keys: Vec<&str> = defaults
                .split('&')
                .filter_map(|p| p.split('=').next())
                .collect();
            assert_eq!(keys.len(), names.len(), "{defaults}");
            // The dialog's address at the chart's defaults, in any theme, language or controls
            // setting, carries exactly these state parameters.
            let url = crate::export::embed_url(
                "https://example.org/fund/",
                id,
                &default_model(Some(id)),
                crate::export::EmbedOptions {
                    framing: default_framing(Some(id)),
                    theme: ThemeChoice::Dark,
                    lang: Lang::Ja,
                    controls: ControlsParam::None,
                },
            );
            let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
            for pair in defaults.split('&') {
                assert!(query.split('&').any(|p| p == pair), "{pair} not in {query}");
            }
            // A number the reader changed is not among the defaults.
            let mut m = default_model(Some(id));
            m.set_usdjpy(Decimal::from(150)).unwrap();
            let changed = write(
                &m,
                LinkState {
                    step: 0,
                    theme: ThemeChoice::Auto,
                    embed: Some(id),
                    lang: Lang::En,
                    controls: None,
                },
            );
            assert!(changed.split('&').any(|p| p == "usdjpy=150"), "{changed}");
            assert!(!defaults.split('&').any(|p| p == "usdjpy=150"));
        }
        assert!(state_defaults(Some(ChartId::Allocation)).contains("framing=record"));
        assert!(state_defaults(Some(ChartId::YieldEffect)).contains("framing=article"));
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
    fn embeds_start_in_the_record_unless_the_link_names_a_framing() {
        let framing = |query: &str, embed| read_page(query, embed).0.model().framing();
        assert_eq!(framing("", Some(ChartId::Allocation)), FramingId::Record);
        // A link with only the article's numbers means the article's framing.
        assert_eq!(
            framing("?a.treasuries=72", Some(ChartId::Allocation)),
            FramingId::Article
        );
        assert_eq!(
            framing("?r.direct=2", Some(ChartId::Allocation)),
            FramingId::Record
        );
        assert_eq!(
            framing("?usdjpy=150", Some(ChartId::Allocation)),
            FramingId::Record
        );
        assert_eq!(framing("", None), FramingId::Article);
        // The yield-effect chart's subject is the article's claim: it starts there, and the
        // record is one parameter away.
        for (id, want) in [
            (ChartId::Waffle, FramingId::Record),
            (ChartId::Context, FramingId::Record),
            (ChartId::Tracker, FramingId::Record),
            (ChartId::YieldEffect, FramingId::Article),
        ] {
            assert_eq!(framing("", Some(id)), want, "{id:?}");
        }
        assert_eq!(
            framing("framing=record", Some(ChartId::YieldEffect)),
            FramingId::Record
        );
        assert_eq!(
            framing("framing=article", Some(ChartId::Allocation)),
            FramingId::Article
        );
        // A refused framing falls back to the page's default, with its notice.
        let (state, notices) = read_page("framing=<b>", Some(ChartId::Allocation));
        assert_eq!(state.model().framing(), FramingId::Record);
        assert_eq!(notices.len(), 1);
        // The rest of the state is kept.
        let (state, _) = read_page(
            "a.treasuries=72&theme=dark&lang=ja&controls=none",
            Some(ChartId::Allocation),
        );
        assert_eq!(
            state.model().inputs_for(FramingId::Article).treasuries,
            Decimal::from(72)
        );
        assert_eq!(state.theme(), ThemeChoice::Dark);
        assert_eq!(state.lang(), Some(Lang::Ja));
        assert_eq!(state.controls(), Some(ControlsParam::None));
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
