//! The app's root: the page layout, and the effects that keep the browser (theme, viewport,
//! URL) in step with the shared context ([`crate::ctx`]).

use crate::charts::ChartId;
use crate::components::embed::EmbedPage;
use crate::components::notices::{ParamNotices, StaticNotice};
use crate::components::{
    record::RecordSection, references::References, toolbar::Toolbar, walkthrough::Walkthrough,
};
use crate::ctx::{layout_for, Ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps `system_dark`, `layout_width` and the root `data-theme` attribute in step with the browser.
fn watch_environment(ctx: Ctx) {
    if let Some(q) = crate::browser::dark_query() {
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            ctx.system_dark.set(crate::browser::prefers_dark())
        });
        let _ = q.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget();
    }
    // Print in light colours: redraw the charts before printing, and back after.
    let _before = window_event_listener(leptos::ev::beforeprint, move |_| ctx.printing.set(true));
    let _after = window_event_listener(leptos::ev::afterprint, move |_| ctx.printing.set(false));
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        let w = layout_for(crate::browser::viewport_width());
        if ctx.layout_width.get_untracked() != w {
            ctx.layout_width.set(w);
        }
    });
    Effect::new(move |_| {
        let choice = ctx.theme_choice.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", choice.as_str());
        }
    });
}

/// How long the URL waits for a slider to settle before it is rewritten, in ms.
const URL_SETTLE_MS: u64 = 250;

/// Writes the query string now: a new step pushes a history entry (so Back and Forward walk the
/// steps), anything else replaces the current one. Does nothing when the URL is already right.
fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if crate::browser::location_search().trim_start_matches('?') == query {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("?{query}{}", window.location().hash().unwrap_or_default());
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Keeps the whole state in the URL. Step changes are written at once (pushed); other changes
/// are written once the reader pauses, so dragging a slider does not flood the history API.
fn sync_url(ctx: Ctx, embed: Option<ChartId>) {
    let written_step = StoredValue::new(ctx.step.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let step = ctx.step.get();
        let query = ctx
            .model
            .with(|m| crate::url::write(m, step, ctx.theme_choice.get(), embed));
        if let Some(h) = pending.get_value() {
            h.clear();
            pending.set_value(None);
        }
        let step_moved = written_step.get_value() != step;
        written_step.set_value(step);
        if step_moved && embed.is_none() {
            write_url(&query, true);
        } else if let Ok(h) = set_timeout_with_handle(
            move || write_url(&query, false),
            std::time::Duration::from_millis(URL_SETTLE_MS),
        ) {
            pending.set_value(Some(h));
        }
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (state, _) = crate::url::read(&crate::browser::location_search());
        let step = state.step();
        ctx.theme_choice.set(state.theme());
        ctx.model.set(state.into_model());
        if ctx.step.get_untracked() != step {
            ctx.go_to_step(step);
            crate::components::walkthrough::scroll_to_step(step);
        }
    });
    on_cleanup(move || {
        handle.remove();
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
}

/// The app in a browser: the whole explainer, or one chart when the URL asks for an embed.
#[component]
pub fn App() -> impl IntoView {
    view! { <Page query=crate::browser::location_search() embed=None/> }
}

/// The page for a query string: the whole explainer, or one chart when `embed` (the page's own
/// path, `embed/<chart>/`) or the query's `embed` parameter names one. The build-time prerender
/// renders this with an empty query.
#[component]
pub fn Page(
    /// The query string the page was opened with (with or without its `?`).
    query: String,
    /// The chart an embed page (`embed/<chart>/`) is for; the query's `embed` is used otherwise.
    embed: Option<ChartId>,
) -> impl IntoView {
    let (state, notices) = crate::url::read(&query);
    let embed = embed.or_else(|| state.embed().and_then(ChartId::from_slug));
    let step = state.step();
    let ctx = Ctx::new(state.model().clone(), step, state.theme());
    provide_context(ctx);
    if ctx.live {
        watch_environment(ctx);
        sync_url(ctx, embed);
    }
    if let Some(chart) = embed {
        return view! { <EmbedPage chart=chart notices=notices/> }.into_any();
    }
    if ctx.live {
        crate::components::walkthrough::install_keyboard(ctx);
        if step > 0 {
            request_animation_frame(move || crate::components::walkthrough::scroll_to_step(step));
        }
    }
    view! {
        <a class="skip-link" href="#walkthrough">"Skip to the walkthrough"</a>
        <div class="page">
            <header class="masthead">
                <p class="kicker">"Explainer · Japan–US investment deal"</p>
                <h1>"Japan’s $550 billion US fund: where would the money go?"</h1>
                <p class="dek">
                    "One article says only 1–2% of the fund is direct investment and that most of the rest goes into US Treasuries. "
                    "Follow its reasoning step by step, move its numbers, and see beside each claim what the public record says."
                </p>
                <p class="source-line">
                    "Figures in this header: the $550 billion ceiling is from the White House fact sheet of 23 Jul 2025; "
                    "the 1–2% is from Japan’s negotiator as reported by Bloomberg on 28 Jul 2025; the Treasuries claim is the article’s. "
                    <a href="#references">"All sources"</a>
                </p>
                <Toolbar/>
                <StaticNotice/>
                <ParamNotices notices=notices/>
            </header>
            <main id="main">
                <Walkthrough/>
                <RecordSection/>
                <References/>
            </main>
            <footer>
                <p>
                    "This explainer paraphrases the article’s reasoning and checks it against sourced public reports. "
                    "Numbers marked as assumptions are illustrations you can change, not facts. Not financial advice."
                </p>
            </footer>
        </div>
    }
    .into_any()
}
