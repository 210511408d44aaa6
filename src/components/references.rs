//! Source lines under figures and claims, and the references section they link to.

use fund_content::Source;
use leptos::prelude::*;

/// The anchor id of a source in the references list.
pub fn anchor(id: &str) -> String {
    format!("src-{id}")
}

/// A short citation for source lines: "Bloomberg, 28 Jul 2025".
pub fn short_citation(s: &Source) -> String {
    match s.date() {
        Some(d) => format!("{}, {}", s.publisher(), d),
        None => s.publisher().to_string(),
    }
}

/// "Sources: …" with each source's short citation linking to its entry in the references.
#[component]
pub fn SourceLine(
    /// Source ids, in the order to list them.
    #[prop(into)]
    ids: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <p class="source-line">
            "Sources: "
            {move || {
                ids.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let src = fund_content::source(&id);
                        let text = src.map(short_citation).unwrap_or_else(|| id.clone());
                        let full = src.map(|s| s.citation()).unwrap_or_default();
                        view! {
                            {(i > 0).then_some("; ")}
                            <a href=format!("#{}", anchor(&id)) title=full>{text}</a>
                        }
                    })
                    .collect_view()
            }}
        </p>
    }
}

fn entry(s: &'static Source) -> impl IntoView {
    let link = s.url().filter(|_| s.quality().may_link()).map(|u| {
        let href = u.to_string();
        view! { " " <a href=href rel="noopener noreferrer">"Link"</a> }
    });
    view! {
        <li id=anchor(s.id()) data-testid=format!("source-{}", s.id())>
            {s.citation()}
            <span class="quality" title=s.quality().label()>{s.quality().as_str()}</span>
            {link}
        </li>
    }
}

/// Every source the explainer cites.
#[component]
pub fn References() -> impl IntoView {
    let items = fund_content::sources().iter().map(entry).collect_view();
    view! {
        <section class="references" id="references" aria-labelledby="references-heading">
            <h2 id="references-heading">"Sources"</h2>
            <p class="assumption-note">
                "P: primary or official source. S: news report or a reprint of one. X: aggregator, cited for the original publisher and date only, never linked."
            </p>
            <ol>{items}</ol>
        </section>
    }
}
