//! Notices above the content: refused URL parameters, and the prerendered page's note that its
//! charts are not interactive (shown by `boot.js` when the WebAssembly cannot start).

use leptos::prelude::*;

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

/// Hidden in the prerendered page; `boot.js` shows it when the WebAssembly cannot start (blocked,
/// missing, refused by a Content-Security-Policy, or an old browser), so the reader knows the
/// charts show the default figures and do not respond. The live app never draws it.
#[component]
pub fn StaticNotice() -> impl IntoView {
    let ctx = expect_context::<crate::ctx::Ctx>();
    (!ctx.live).then(|| {
        view! {
            <p class="notice notice-static" role="status" data-testid="notice-static" hidden>
                "The charts on this page are pictures of the default figures: the interactive part could not start in this browser, so sliders and buttons do not respond. Everything else here is complete."
            </p>
        }
    })
}
