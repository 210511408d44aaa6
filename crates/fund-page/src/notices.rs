//! Notices above the content: refused URL parameters (filled in by the browser, which reads the
//! URL), and the prerendered page's notes for readers without the interactive part.

use super::ctx;
use fund_core::msg;
use fund_view::hooks::{testid, Action};
use leptos::prelude::*;

/// The box that lists URL parameters that were refused and fell back to their defaults. Empty and
/// hidden in the prerendered page; the browser fills it (as text) when the link had any.
#[component]
pub fn ParamNotices() -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <div class="notice" role="status" data-testid=testid::NOTICE_PARAMS hidden>
            <p>{msg::page::params_refused(lang)}</p>
            <ul></ul>
            <button
                type="button"
                class="btn btn-small"
                data-testid=testid::NOTICE_DISMISS
                data-action=Action::DismissNotice.to_attr()
            >
                {msg::page::dismiss(lang)}
            </button>
        </div>
    }
}

/// Hidden in the prerendered page; `boot.js` shows it when the WebAssembly cannot start (blocked,
/// missing, refused by a Content-Security-Policy, or an old browser), so the reader knows the
/// charts show the default figures and do not respond.
#[component]
pub fn StaticNotice() -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <p class="notice notice-static" role="status" data-testid="notice-static" hidden>
            {msg::page::static_notice(lang)}
        </p>
    }
}

/// The line shown beside inert controls when scripts are off or the app could not start (the
/// stylesheet shows it only then).
#[component]
pub fn NeedsScript() -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <p class="needs-script-note" data-testid="needs-script">{msg::page::needs_script(lang)}</p>
    }
}
