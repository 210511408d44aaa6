//! The app's root: the shared reactive context and the page layout.

use crate::charts::ChartId;
use crate::components::embed::EmbedPage;
use crate::components::{
    record::RecordSection, references::References, toolbar::Toolbar, walkthrough::Walkthrough,
};
use crate::theme::ThemeChoice;
use crate::views::Views;
use fund_charts::Theme;
use fund_core::model::Model;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chart layout width on narrow screens, in CSS px.
pub const NARROW_LAYOUT: u32 = 360;
/// Chart layout width on wide screens, in CSS px.
pub const WIDE_LAYOUT: u32 = 640;

/// The signals every component reads. Components connect these to plain types; all logic is in
/// the core, the charts crate and this crate's plain modules.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The reader's state.
    pub model: RwSignal<Model>,
    /// The one derived value (a memo of `model`) that feeds every chart, table and sentence.
    pub views: Memo<Views>,
    /// Index of the current walkthrough step. Kept apart from the model (whose own step is only
    /// filled in when the URL is written) so that moving between steps re-derives no figures.
    pub step: RwSignal<usize>,
    /// A chart tab the reader picked, overriding the step's chart until the step changes.
    pub chart_override: RwSignal<Option<crate::charts::ChartId>>,
    /// The reader's theme choice.
    pub theme_choice: RwSignal<ThemeChoice>,
    /// Whether the system prefers a dark scheme.
    pub system_dark: RwSignal<bool>,
    /// Whether the page is being printed (charts are then drawn in light colours).
    pub printing: RwSignal<bool>,
    /// The chart theme actually used (the choice resolved against the system).
    pub theme: Memo<Theme>,
    /// The width charts are laid out for.
    pub layout_width: RwSignal<u32>,
}

impl Ctx {
    /// Makes the signals from a starting model, step and theme.
    pub fn new(model: Model, step: usize, theme: ThemeChoice) -> Ctx {
        let model = RwSignal::new(model);
        let views = Memo::new(move |_| model.with(Views::of));
        let theme_choice = RwSignal::new(theme);
        let system_dark = RwSignal::new(prefers_dark());
        let printing = RwSignal::new(false);
        let theme = Memo::new(move |_| {
            if printing.get() {
                Theme::Light
            } else {
                crate::theme::resolve(theme_choice.get(), system_dark.get())
            }
        });
        Ctx {
            model,
            views,
            step: RwSignal::new(step),
            chart_override: RwSignal::new(None),
            theme_choice,
            system_dark,
            printing,
            theme,
            layout_width: RwSignal::new(layout_for(viewport_width())),
        }
    }

    /// Moves to step `i` (clamped to the walkthrough), dropping any chart-tab override.
    pub fn go_to_step(&self, i: usize) {
        let last = fund_content::steps().len().saturating_sub(1);
        let i = i.min(last);
        if self.step.get_untracked() != i {
            self.step.set(i);
            self.chart_override.set(None);
        }
    }

    /// Applies a model change the core validates; returns the core's message on refusal.
    pub fn update_model<E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Model) -> Result<(), E>,
    ) -> Result<(), String> {
        let mut candidate = self.model.get_untracked();
        f(&mut candidate).map_err(|e| e.to_string())?;
        self.model.set(candidate);
        Ok(())
    }
}

/// The chart layout width for a viewport width.
pub fn layout_for(viewport: f64) -> u32 {
    if viewport < 600.0 {
        NARROW_LAYOUT
    } else {
        WIDE_LAYOUT
    }
}

fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0)
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

fn prefers_dark() -> bool {
    dark_query().map(|q| q.matches()).unwrap_or(false)
}

/// Keeps `system_dark`, `layout_width` and the root `data-theme` attribute in step with the browser.
fn watch_environment(ctx: Ctx) {
    if let Some(q) = dark_query() {
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            ctx.system_dark.set(prefers_dark())
        });
        let _ = q.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget();
    }
    // Print in light colours: redraw the charts before printing, and back after.
    let _before = window_event_listener(leptos::ev::beforeprint, move |_| ctx.printing.set(true));
    let _after = window_event_listener(leptos::ev::afterprint, move |_| ctx.printing.set(false));
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        let w = layout_for(viewport_width());
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

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// How long the URL waits for a slider to settle before it is rewritten, in ms.
const URL_SETTLE_MS: u64 = 250;

/// Writes the query string now: a new step pushes a history entry (so Back and Forward walk the
/// steps), anything else replaces the current one. Does nothing when the URL is already right.
fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if location_search().trim_start_matches('?') == query {
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
        let (state, _) = crate::url::read(&location_search());
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

/// The visible list of URL parameters that were refused and fell back to their defaults.
#[component]
pub fn ParamNotices(
    /// The notices from reading the URL.
    notices: Vec<fund_core::params::ParamNotice>,
) -> impl IntoView {
    let open = RwSignal::new(!notices.is_empty());
    let items = notices
        .iter()
        .map(|n| view! { <li>{n.to_string()}</li> })
        .collect_view();
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status" data-testid="notice-params">
                "Some settings in this link could not be used, so their defaults are shown instead:"
                <ul>{items.clone()}</ul>
                <button type="button" class="btn btn-small" on:click=move |_| open.set(false)>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The app: the whole explainer, or one chart when the URL asks for an embed.
#[component]
pub fn App() -> impl IntoView {
    let (state, notices) = crate::url::read(&location_search());
    let embed = state.embed().and_then(ChartId::from_slug);
    let step = state.step();
    let ctx = Ctx::new(state.model().clone(), step, state.theme());
    provide_context(ctx);
    watch_environment(ctx);
    sync_url(ctx, embed);
    if let Some(chart) = embed {
        return view! { <EmbedPage chart=chart notices=notices/> }.into_any();
    }
    crate::components::walkthrough::install_keyboard(ctx);
    if step > 0 {
        request_animation_frame(move || crate::components::walkthrough::scroll_to_step(step));
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
