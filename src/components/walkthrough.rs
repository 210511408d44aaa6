//! The walkthrough: the article's reasoning as steps that scroll past a sticky chart panel, with
//! Previous/Next buttons and the arrow keys.

use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::claims::StepClaims;
use crate::components::controls::Controls;
use crate::ctx::Ctx;
use crate::live::live_value;
use fund_content::{Segment, Step};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The chart a step shows in the panel (steps naming a chart of the record section show the
/// allocation, which every framing has).
pub fn panel_chart_for(step: &Step) -> ChartId {
    ChartId::from_slug(step.chart().as_str()).unwrap_or(ChartId::Allocation)
}

/// The chart the panel shows now: the reader's tab choice, else the current step's chart.
fn active_chart(ctx: Ctx) -> ChartId {
    ctx.chart_override.get().unwrap_or_else(|| {
        let steps = fund_content::steps();
        steps
            .get(ctx.step.get())
            .map(panel_chart_for)
            .unwrap_or(ChartId::Waffle)
    })
}

thread_local! {
    /// Until when (in `performance.now()` ms) the scroll observer is ignored, because the page
    /// itself is scrolling to a step.
    static OBSERVER_QUIET_UNTIL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Brings step `i` into view at once and gives it focus (without a second scroll). Steps the
/// jump passes over do not become current.
pub fn scroll_to_step(i: usize) {
    let Some(step) = fund_content::steps().get(i) else {
        return;
    };
    if let Some(el) = document().get_element_by_id(step.id()) {
        OBSERVER_QUIET_UNTIL.with(|q| q.set(now_ms() + 400.0));
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
    }
}

/// Moves one step forward (`+1`) or back (`-1`) and brings it into view.
pub fn move_step(ctx: Ctx, delta: isize) {
    let n = fund_content::steps().len();
    let cur = ctx.step.get_untracked();
    let next = cur.saturating_add_signed(delta).min(n.saturating_sub(1));
    if next != cur {
        ctx.go_to_step(next);
        scroll_to_step(next);
    }
}

/// Left/Right arrow keys move between steps, unless the reader is typing or using a control.
pub fn install_keyboard(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.default_prevented()
        {
            return;
        }
        let in_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                matches!(tag.as_str(), "input" | "textarea" | "select" | "summary")
                    || el
                        .closest("[contenteditable], dialog")
                        .ok()
                        .flatten()
                        .is_some()
            })
            .unwrap_or(false);
        if in_control {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => {
                ev.prevent_default();
                move_step(ctx, 1);
            }
            "ArrowLeft" => {
                ev.prevent_default();
                move_step(ctx, -1);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Watches which step crosses the reading line and makes it current.
fn observe_steps(ctx: Ctx) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if OBSERVER_QUIET_UNTIL.with(|q| q.get()) > now_ms() {
            return;
        }
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                continue;
            };
            if !entry.is_intersecting() {
                continue;
            }
            let id = entry.target().id();
            if let Some(i) = fund_content::steps().iter().position(|s| s.id() == id) {
                ctx.go_to_step(i);
            }
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("-55% 0px -40% 0px");
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts)
    else {
        return;
    };
    cb.forget();
    for step in fund_content::steps() {
        if let Some(el) = document().get_element_by_id(step.id()) {
            observer.observe(&el);
        }
    }
}

#[component]
fn StepView(index: usize, step: &'static Step) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let n = fund_content::steps().len();
    let heading_id = format!("{}-title", step.id());
    let heading_id2 = heading_id.clone();
    let paragraphs = step
        .paragraphs()
        .iter()
        .map(|p| {
            let parts = p
                .segments()
                .iter()
                .map(|seg| match seg {
                    Segment::Text(t) => t.clone().into_any(),
                    Segment::Live(key) => {
                        let key = *key;
                        view! {
                            <span class="live" data-live=key.as_str()>
                                {move || ctx.views.with(|v| live_value(key, &v.article))}
                            </span>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! { <p>{parts}</p> }
        })
        .collect_view();
    view! {
        <article
            class="step"
            id=step.id()
            data-testid=step.id()
            tabindex="-1"
            aria-labelledby=heading_id.clone()
            aria-current=move || (ctx.step.get() == index).then_some("step")
        >
            <p class="step-number">{format!("Step {} of {}", index + 1, n)}</p>
            <h3 id=heading_id2>{step.title()}</h3>
            <p class="attribution">"The article’s reasoning, in our words"</p>
            {paragraphs}
            <StepClaims step_id=step.id()/>
        </article>
    }
}

/// The steps and the sticky panel.
#[component]
pub fn Walkthrough() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let steps = fund_content::steps();
    let n = steps.len();
    let step_views = steps
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <StepView index=i step=s/> })
        .collect_view();
    let tabs = ChartId::WALKTHROUGH
        .into_iter()
        .map(|c| {
            view! {
                <button
                    type="button"
                    data-testid=format!("tab-{}", c.slug())
                    aria-pressed=move || (active_chart(ctx) == c).to_string()
                    aria-controls=format!("figure-{}", c.slug())
                    on:click=move |_| ctx.chart_override.set(Some(c))
                >
                    {c.tab_label()}
                </button>
            }
        })
        .collect_view();
    let figures = ChartId::WALKTHROUGH
        .into_iter()
        .map(
            |c| view! { <ChartFigure id=c hidden=Signal::derive(move || active_chart(ctx) != c)/> },
        )
        .collect_view();
    Effect::new(move |prev: Option<()>| {
        if prev.is_none() {
            observe_steps(ctx);
        }
    });
    view! {
        <h2 id="walkthrough-heading">"The article’s reasoning, step by step"</h2>
        <section id="walkthrough" class="walkthrough" aria-labelledby="walkthrough-heading">
            <div class="steps">{step_views}</div>
            <aside class="panel" aria-label="Chart and numbers">
                <nav class="panel-nav" aria-label="Steps">
                    <button
                        type="button"
                        class="btn"
                        data-testid="step-prev"
                        disabled=move || ctx.step.get() == 0
                        on:click=move |_| move_step(ctx, -1)
                    >
                        "← Back"
                    </button>
                    <span class="position" aria-live="polite" data-testid="step-position">
                        {move || format!("Step {} of {}", ctx.step.get() + 1, n)}
                    </span>
                    <button
                        type="button"
                        class="btn"
                        data-testid="step-next"
                        disabled=move || { ctx.step.get() + 1 >= n }
                        on:click=move |_| move_step(ctx, 1)
                    >
                        "Next →"
                    </button>
                </nav>
                <div class="chart-tabs" role="group" aria-label="Chart">{tabs}</div>
                {figures}
                <Controls/>
            </aside>
        </section>
    }
}
