//! Source lines under figures and claims, and the references section they link to.

use super::ctx;
use fund_content::Source;
use fund_core::{msg, Lang};
use fund_view::hooks::class;
use leptos::prelude::*;

/// The anchor id of a source in the references list.
pub fn anchor(id: &str) -> String {
    format!("src-{id}")
}

/// A short citation for source lines: "Bloomberg, 28 Jul 2025"; "ブルームバーグ(2025年7月28日)".
pub fn short_citation(s: &Source, lang: Lang) -> String {
    match s.date() {
        Some(d) => msg::content::short_citation(lang, s.publisher(lang), &d.format(lang)),
        None => s.publisher(lang).to_string(),
    }
}

/// "Sources: …" with each source's short citation linking to its entry in the references (on
/// an embed page, in the explainer's references, in a new tab).
#[component]
pub fn SourceLine(
    /// Source ids, in the order to list them.
    ids: Vec<String>,
    /// The framing this line is for, when a chart's sources differ between framings.
    #[prop(optional_no_strip)]
    framing: Option<&'static str>,
    /// Whether the line starts hidden (the other framing's).
    #[prop(optional)]
    hidden: bool,
    /// Whether the line is folded behind a "Sources (n)" disclosure (in running text, where
    /// the citations would otherwise outweigh the words they support).
    #[prop(optional)]
    folded: bool,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let on_embed = c.embed.is_some();
    let base = if on_embed { c.home() } else { String::new() };
    let count = ids.len();
    let links = ids
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let src = fund_content::source(&id);
            let text = src
                .map(|s| short_citation(s, lang))
                .unwrap_or_else(|| id.clone());
            let full = src.map(|s| s.citation(lang)).unwrap_or_default();
            let href = format!("{base}#{}", anchor(&id));
            view! {
                {(i > 0).then_some(msg::content::separator(lang))}
                <a
                    href=href
                    title=full
                    data-source=id
                    target=on_embed.then_some("_blank")
                    rel=on_embed.then_some("noopener")
                >
                    {text}
                </a>
            }
        })
        .collect_view();
    let line = view! {
        <p class=class::SOURCE_LINE data-framing=framing hidden=hidden>
            {msg::content::sources_label(lang)}
            {links}
        </p>
    };
    if folded {
        view! {
            <details class="source-details">
                <summary>{msg::page::sources_toggle(lang, &count.to_string())}</summary>
                {line}
            </details>
        }
        .into_any()
    } else {
        line.into_any()
    }
}

fn entry(s: &'static Source, lang: Lang) -> impl IntoView {
    let link = s.url().filter(|_| s.quality().may_link()).map(|u| {
        let href = u.to_string();
        view! { " " <a href=href rel="noopener noreferrer">{msg::content::link(lang)}</a> }
    });
    view! {
        <li id=anchor(s.id()) data-testid=format!("source-{}", s.id())>
            {s.citation(lang)}
            <span class="quality" title=s.quality().label(lang)>{s.quality().as_str()}</span>
            {link}
        </li>
    }
}

/// Every source the explainer cites.
#[component]
pub fn References() -> impl IntoView {
    let lang = ctx().lang;
    let items = fund_content::sources()
        .iter()
        .map(|s| entry(s, lang))
        .collect_view();
    view! {
        <section class="references" id="references" aria-labelledby="references-heading">
            <h2 id="references-heading">{msg::content::references(lang)}</h2>
            <p class="assumption-note">{msg::content::quality_key(lang)}</p>
            <details class="references-list" data-keep="references">
                <summary>{msg::content::all_sources(lang, &fund_content::sources().len().to_string())}</summary>
                <ol>{items}</ol>
            </details>
        </section>
    }
}
