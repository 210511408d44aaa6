//! Source lines under figures and claims, and the references section they link to.

use fund_content::Source;
use leptos::prelude::*;

/// The anchor id of a source in the references list.
pub fn anchor(id: &str) -> String {
    format!("src-{id}")
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
                        let text = fund_content::source(&id).map(|s| s.citation()).unwrap_or_else(|| id.clone());
                        view! {
                            {(i > 0).then_some("; ")}
                            <a href=format!("#{}", anchor(&id))>{text}</a>
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
