//! The framing switch, the theme switch and the language switch.

use super::ctx;
use fund_core::framing::{builtin, FramingId};
use fund_core::{msg, Lang};
use fund_view::hooks::{testid, Action};
use fund_view::theme::ThemeChoice;
use leptos::prelude::*;

/// Label of a framing on the switch.
pub fn framing_label(id: FramingId, lang: Lang) -> &'static str {
    match id {
        FramingId::Article => msg::page::framing_article(lang),
        FramingId::Record => msg::page::framing_record(lang),
    }
}

/// The link to the same page in the other language (the browser adds the reader's numbers).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let c = ctx();
    let other = c.lang.other();
    let href = match c.embed {
        Some(e) => format!("{}{}embed/{}/", c.root, other.dir(), e.chart.slug()),
        None => c.other_home(),
    };
    view! {
        <a
            class="lang-switch"
            data-testid=testid::LANG_SWITCH
            href=href
            hreflang=other.as_str()
            lang=other.as_str()
        >
            {msg::page::other_language(other)}
        </a>
    }
}

/// Switches between the article's framing and the record's, and between themes.
#[component]
pub fn Toolbar() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let current = c.model.framing();
    let framing_buttons = FramingId::ALL
        .into_iter()
        .map(|id| {
            view! {
                <button
                    type="button"
                    data-testid=testid::framing(id)
                    data-action=Action::Framing(id).to_attr()
                    aria-pressed=(current == id).to_string()
                    disabled
                >
                    {framing_label(id, lang)}
                </button>
            }
        })
        .collect_view();
    let theme_buttons = ThemeChoice::ALL
        .into_iter()
        .map(|t| {
            view! {
                <button
                    type="button"
                    data-testid=testid::theme(t)
                    data-action=Action::Theme(t).to_attr()
                    aria-pressed=(t == ThemeChoice::Auto).to_string()
                    disabled
                >
                    {fund_view::theme::label(t, lang)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="toolbar">
            <div class="needs-app">
                <span class="visually-hidden" id="framing-label">{msg::page::framing_switch(lang)}</span>
                <div class="segmented" role="group" aria-labelledby="framing-label" data-testid="framing-switch">
                    {framing_buttons}
                </div>
            </div>
            <div class="needs-app">
                <span class="visually-hidden" id="theme-label">{msg::page::theme_switch(lang)}</span>
                <div class="segmented" role="group" aria-labelledby="theme-label" data-testid="theme-switch">
                    {theme_buttons}
                </div>
            </div>
            <LangSwitch/>
            <p class="assumption-note" data-testid=testid::FRAMING_DESCRIPTION>
                {builtin(current).description(lang).to_string()}
            </p>
        </div>
    }
}
