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

/// The pym.js child id from the query (`childId`, set by pym's parent), kept only if it is a
/// plain identifier; it is only ever echoed back in messages to the parent, never into the page.
pub fn pym_child_id(query: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "childId")
        .map(|(_, v)| v.into_owned())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// The three height messages an embed sends its host: pym.js's string format, AMP's
/// `embed-size`, and this project's own JSON. Returned as (pym string, AMP JSON, own JSON).
pub fn height_messages(
    child_id: Option<&str>,
    chart: ChartId,
    height: u32,
) -> (Option<String>, String, String) {
    let pym = child_id.map(|id| format!("pymxPYMx{id}xPYMxheightxPYMx{height}"));
    let amp = format!(r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#);
    let own = format!(
        r#"{{"type":"japan-fund-explainer:height","chart":"{}","height":{height}}}"#,
        chart.slug()
    );
    (pym, amp, own)
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

    #[test]
    fn pym_child_ids_are_plain() {
        assert_eq!(
            pym_child_id("?a=1&childId=example-1").as_deref(),
            Some("example-1")
        );
        assert_eq!(pym_child_id("childId=%3Cscript%3E"), None);
        assert_eq!(pym_child_id("x=1"), None);
    }

    #[test]
    fn height_messages_follow_each_format() {
        let (pym, amp, own) = height_messages(Some("c1"), ChartId::Waffle, 512);
        assert_eq!(pym.as_deref(), Some("pymxPYMxc1xPYMxheightxPYMx512"));
        let amp: serde_json::Value = serde_json::from_str(&amp).unwrap();
        assert_eq!(amp["sentinel"], "amp");
        assert_eq!(amp["type"], "embed-size");
        assert_eq!(amp["height"], 512);
        let own: serde_json::Value = serde_json::from_str(&own).unwrap();
        assert_eq!(own["chart"], "waffle");
        assert_eq!(height_messages(None, ChartId::Waffle, 1).0, None);
    }
}
