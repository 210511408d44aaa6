//! The walkthrough: the article's reasoning as steps beside a chart panel (sticky on wide
//! screens; on phones the chart stays on top while the steps and the controls scroll beneath it).

use super::ctx;
use crate::chart::ChartFigure;
use crate::claims::StepClaims;
use crate::controls::Controls;
use fund_content::{Segment, Step};
use fund_core::msg;
use fund_view::charts::ChartId;
use fund_view::hooks::{class, testid, Action};
use fund_view::live::live_value;
use leptos::prelude::*;

/// The chart a step shows in the panel (steps naming a chart of the record section show the
/// allocation, which every framing has).
pub fn panel_chart_for(step: &Step) -> ChartId {
    ChartId::from_slug(step.chart().as_str())
        .filter(|c| ChartId::WALKTHROUGH.contains(c))
        .unwrap_or(ChartId::Allocation)
}

/// The panel chart of step `i` (counted from 0), for the browser, which has no step data: the
/// prerendered page lists them in the panel's `data-step-charts`.
pub fn step_charts() -> Vec<ChartId> {
    fund_content::steps().iter().map(panel_chart_for).collect()
}

#[component]
fn StepView(index: usize, step: &'static Step) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let n = fund_content::steps().len();
    let heading_id = format!("{}-title", step.id());
    let heading_ref = heading_id.clone();
    let paragraphs = step
        .paragraphs(lang)
        .iter()
        .map(|p| {
            let parts = p
                .segments()
                .iter()
                .map(|seg| match seg {
                    Segment::Text(t) => t.clone().into_any(),
                    Segment::Live(key) => view! {
                        <span class=class::LIVE data-live=key.as_str()>
                            {live_value(*key, c.views.article(), lang)}
                        </span>
                    }
                    .into_any(),
                })
                .collect_view();
            view! { <p>{parts}</p> }
        })
        .collect_view();
    view! {
        <article
            class=class::STEP
            id=step.id()
            data-testid=step.id()
            tabindex="-1"
            aria-labelledby=heading_ref
            aria-current=(index == 0).then_some("step")
        >
            <p class="step-number">{msg::page::step_of(lang, &(index + 1).to_string(), &n.to_string())}</p>
            <h3 id=heading_id>{step.title(lang)}</h3>
            <p class="attribution">{msg::page::attribution(lang)}</p>
            {paragraphs}
            <StepClaims step_id=step.id()/>
        </article>
    }
}

/// The steps, the panel and the controls.
#[component]
pub fn Walkthrough() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let steps = fund_content::steps();
    let n = steps.len();
    let first = steps
        .first()
        .map(panel_chart_for)
        .unwrap_or(ChartId::Waffle);
    let step_views = steps
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <StepView index=i step=s/> })
        .collect_view();
    let tabs = ChartId::WALKTHROUGH
        .into_iter()
        .map(|id| {
            view! {
                <button
                    type="button"
                    data-testid=testid::tab(id)
                    data-action=Action::Tab(id).to_attr()
                    aria-pressed=(id == first).to_string()
                    aria-controls=format!("figure-{}", id.slug())
                    disabled
                >
                    {id.tab_label(lang)}
                </button>
            }
        })
        .collect_view();
    let figures = ChartId::WALKTHROUGH
        .into_iter()
        .map(|id| view! { <ChartFigure id=id hidden=id != first/> })
        .collect_view();
    let step_charts: Vec<&str> = step_charts().iter().map(|c| c.slug()).collect();
    view! {
        <h2 id="walkthrough-heading">{msg::page::walkthrough_heading(lang)}</h2>
        <section id="walkthrough" class="walkthrough" aria-labelledby="walkthrough-heading">
            <div class="steps">{step_views}</div>
            <div class="panel-column">
                <aside class=class::PANEL aria-label=msg::page::panel_label(lang) data-step-charts=step_charts.join(" ")>
                    <nav class="panel-nav needs-app" aria-label=msg::page::steps_nav(lang)>
                        <button
                            type="button"
                            class="btn"
                            data-testid=testid::STEP_PREV
                            data-action=Action::PrevStep.to_attr()
                            disabled
                        >
                            {msg::page::back(lang)}
                        </button>
                        <span class="position" aria-live="polite" data-testid=testid::STEP_POSITION>
                            {msg::page::step_of(lang, "1", &n.to_string())}
                        </span>
                        <button
                            type="button"
                            class="btn"
                            data-testid=testid::STEP_NEXT
                            data-action=Action::NextStep.to_attr()
                            disabled
                        >
                            {msg::page::next(lang)}
                        </button>
                    </nav>
                    <div class="chart-tabs needs-app" role="group" aria-label=msg::page::chart_tabs(lang)>{tabs}</div>
                    {figures}
                </aside>
                <Controls/>
            </div>
        </section>
    }
}
