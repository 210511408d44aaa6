//! The framing switch and the theme switch.

use crate::ctx::Ctx;
use crate::theme::ThemeChoice;
use fund_core::framing::{builtin, FramingId};
use leptos::prelude::*;

/// Label of a framing on the switch.
pub fn framing_label(id: FramingId) -> &'static str {
    match id {
        FramingId::Article => "The article’s framing",
        FramingId::Record => "The deal as signed",
    }
}

/// Switches between the article's framing and the record's, and between themes.
#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let framing_buttons = FramingId::ALL
        .into_iter()
        .map(|id| {
            view! {
                <button
                    type="button"
                    data-testid=format!("framing-{}", id.as_str())
                    aria-pressed=move || (ctx.model.with(|m| m.framing()) == id).to_string()
                    on:click=move |_| {
                        let _ = ctx.update_model(|m| m.set_framing(id));
                    }
                >
                    {framing_label(id)}
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
                    data-testid=format!("theme-{}", t.as_str())
                    aria-pressed=move || (ctx.theme_choice.get() == t).to_string()
                    on:click=move |_| ctx.theme_choice.set(t)
                >
                    {crate::theme::label(t)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="toolbar">
            <div>
                <span class="visually-hidden" id="framing-label">"Show the charts in"</span>
                <div class="segmented" role="group" aria-labelledby="framing-label" data-testid="framing-switch">
                    {framing_buttons}
                </div>
            </div>
            <div>
                <span class="visually-hidden" id="theme-label">"Colour theme"</span>
                <div class="segmented" role="group" aria-labelledby="theme-label" data-testid="theme-switch">
                    {theme_buttons}
                </div>
            </div>
            <p class="assumption-note" aria-live="polite">
                {move || builtin(ctx.model.with(|m| m.framing())).description().to_string()}
            </p>
        </div>
    }
}
