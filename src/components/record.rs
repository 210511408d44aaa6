//! What the record says: the deal as signed, its profit split, Treasury demand and yields, and the
//! timeline. (Filled in by the record work; for now the summary of the record's items.)

use crate::components::references::SourceLine;
use leptos::prelude::*;

/// The record section.
#[component]
pub fn RecordSection() -> impl IntoView {
    let items = fund_content::record()
        .iter()
        .map(|r| {
            view! {
                <div class="card" data-testid=format!("record-{}", r.id())>
                    <h3>{r.heading()}</h3>
                    <p>{r.text()}</p>
                    <SourceLine ids=Signal::derive(move || r.sources().to_vec())/>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="record" aria-labelledby="record-heading">
            <h2 id="record-heading">"What the record says"</h2>
            <div class="record-grid">{items}</div>
        </section>
    }
}
