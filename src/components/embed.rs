//! Embed mode (`?embed=<chart>`): one chart with its own controls, caption, description, source
//! line and a link to the full explainer, and no page chrome. The page reports its height to the
//! host whenever it changes, in pym.js's format, AMP's `embed-size` format and this project's own
//! JSON message (see the README).

use crate::app::Ctx;
use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::controls::{AllocationControls, FxControl, YieldControls};
use crate::components::record::{FlowControls, ProfitControls};
use crate::url::{height_messages, pym_child_id, write};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn post_height(child_id: Option<&str>, chart: ChartId, height: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let (pym, amp, own) = height_messages(child_id, chart, height);
    if let Some(pym) = pym {
        let _ = parent.post_message(&JsValue::from_str(&pym), "*");
    }
    for json in [amp, own] {
        if let Ok(value) = js_sys::JSON::parse(&json) {
            let _ = parent.post_message(&value, "*");
        }
    }
}

/// Watches the embed's root and posts its height to the host page when it changes.
fn report_height(root: web_sys::Element, chart: ChartId) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let child_id = pym_child_id(&search);
    let last = std::cell::Cell::new(0u32);
    let measure = root.clone();
    let cb = Closure::<dyn FnMut()>::new(move || {
        let h = measure.get_bounding_client_rect().height().ceil();
        let h = if h.is_finite() && h > 0.0 {
            h as u32
        } else {
            0
        };
        if h != last.get() {
            last.set(h);
            post_height(child_id.as_deref(), chart, h);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    cb.forget();
}

/// One chart alone, for embedding in other pages.
#[component]
pub fn EmbedPage(
    /// The chart to show.
    chart: ChartId,
    /// URL parameters that were refused (shown above the chart).
    notices: Vec<fund_core::params::ParamNotice>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = NodeRef::<leptos::html::Div>::new();
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("embed");
    }
    Effect::new(move |prev: Option<()>| {
        if prev.is_none() {
            if let Some(el) = root.get() {
                report_height(el.into(), chart);
            }
        }
    });
    let full_link = move || {
        let q = write(
            &ctx.model.get(),
            ctx.step.get(),
            ctx.theme_choice.get(),
            None,
        );
        format!("./?{q}")
    };
    let controls = match chart {
        ChartId::Waffle | ChartId::Allocation | ChartId::Framings => {
            view! { <AllocationControls/> }.into_any()
        }
        ChartId::Income => view! { <AllocationControls/> <YieldControls/> }.into_any(),
        ChartId::Context => view! { <AllocationControls/> <FxControl/> }.into_any(),
        ChartId::ProfitSplit => view! { <ProfitControls/> }.into_any(),
        ChartId::YieldEffect => view! { <FlowControls/> }.into_any(),
        ChartId::Tracker => view! {
            <p class="assumption-note">"This chart follows the sourced record as of the date it states; it has no reader-set numbers."</p>
        }
        .into_any(),
    };
    view! {
        <div class="embed-root" node_ref=root data-testid="embed-root">
            <crate::app::ParamNotices notices=notices/>
            <ChartFigure id=chart hidden=Signal::derive(|| false)/>
            <details class="controls" open=true>
                <summary>"Adjust the numbers"</summary>
                {controls}
            </details>
            <p class="embed-link">
                <a href=full_link target="_blank" rel="noopener">
                    "From the interactive explainer “Japan’s $550 billion US fund: the article’s reasoning and the record” →"
                </a>
            </p>
        </div>
    }
}
