//! The record's verdicts on the article's claims, shown beside each step (never mixed into it).

use crate::components::references::SourceLine;
use fund_content::Claim;
use leptos::prelude::*;

/// One claim's verdict, reason and sources.
#[component]
pub fn ClaimView(
    /// The claim.
    claim: &'static Claim,
) -> impl IntoView {
    let v = claim.verdict();
    view! {
        <li data-testid=format!("claim-{}", claim.id()) data-verdict=v.as_str()>
            <span class=format!("verdict verdict-{}", v.as_str())>{v.label()}</span>
            <span class="claim-text">{claim.text()}</span>
            <p class="claim-reason">{claim.reason()}</p>
            <SourceLine ids=Signal::derive(move || claim.sources().to_vec())/>
        </li>
    }
}

/// The verdicts of the claims a step contains, labelled as the record, not the article.
#[component]
pub fn StepClaims(
    /// The step's id, e.g. `"step-3"`.
    step_id: &'static str,
) -> impl IntoView {
    let claims = fund_content::claims_for_step(step_id);
    (!claims.is_empty()).then(|| {
        let items = claims
            .into_iter()
            .map(|c| view! { <ClaimView claim=c/> })
            .collect_view();
        view! {
            <aside class="record-box" aria-label="What the record says about this step">
                <p class="record-label">"The record, not the article: what the sources say"</p>
                <ul class="claims">{items}</ul>
            </aside>
        }
    })
}
