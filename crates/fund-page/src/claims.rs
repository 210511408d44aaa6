//! The record's verdicts on the article's claims, shown beside each step (never mixed into it).

use super::ctx;
use crate::references::SourceLine;
use fund_content::Claim;
use fund_core::msg;
use leptos::prelude::*;

/// One claim's verdict, reason and sources.
#[component]
pub fn ClaimView(
    /// The claim.
    claim: &'static Claim,
) -> impl IntoView {
    let lang = ctx().lang;
    let v = claim.verdict();
    view! {
        <li data-testid=format!("claim-{}", claim.id()) data-verdict=v.as_str()>
            <span class=format!("verdict verdict-{}", v.as_str())>{v.label(lang)}</span>
            <span class="claim-text">{claim.text(lang)}</span>
            <p class="claim-reason">{claim.reason(lang)}</p>
            <SourceLine ids=claim.sources().to_vec() folded=true/>
        </li>
    }
}

/// The verdicts of the claims a step contains, labelled as the record, not the article. On
/// phones the box starts shut (its summary counts the claims), so the walkthrough stays short.
#[component]
pub fn StepClaims(
    /// The step's id, e.g. `"step-3"`.
    step_id: &'static str,
) -> impl IntoView {
    let lang = ctx().lang;
    let claims = fund_content::claims_for_step(step_id);
    (!claims.is_empty()).then(|| {
        let count = claims.len();
        let items = claims
            .into_iter()
            .map(|c| view! { <ClaimView claim=c/> })
            .collect_view();
        view! {
            // Named by its own words and its step's heading, so each step's box is told apart
            // (one name for all eight would make them indistinguishable landmarks).
            <aside
                class="record-box"
                aria-labelledby=format!("{step_id}-record-name {step_id}-title")
            >
                <span class="visually-hidden" id=format!("{step_id}-record-name")>
                    {msg::page::record_box_label(lang)}
                </span>
                <details class="record-details" data-keep=format!("claims-{step_id}") open>
                    <summary class="record-label">
                        {msg::page::record_box_title(lang, &count.to_string())}
                    </summary>
                    <ul class="claims">{items}</ul>
                </details>
            </aside>
        }
    })
}
