//! The page's one "Embed this chart" dialog: options (what it shows, controls, theme, language), the three
//! snippets (pym.js, AMP, plain iframe) with copy buttons, and a live preview at a chosen width.
//! Drawn empty and closed; the browser fills it for the chart whose Embed button was pressed.

use super::ctx;
use fund_core::framing::FramingId;
use fund_core::params::ControlsParam;
use fund_core::{msg, Lang};
use fund_view::hooks::{class, testid, Action, Snippet};
use leptos::prelude::*;

fn snippet(which: Snippet, label: String, copy: &'static str) -> impl IntoView {
    let id = format!("{}-text", which.field_testid());
    view! {
        <label for=id.clone()>{label}</label>
        <textarea id=id readonly rows="3" data-testid=which.field_testid()></textarea>
        <div class="share-row">
            <button
                type="button"
                class="chart-action"
                data-testid=which.copy_testid()
                data-action=Action::CopySnippet(which).to_attr()
            >
                {copy}
            </button>
        </div>
    }
}

/// The embed dialog.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let lang = ctx().lang;
    let controls = ControlsParam::ALL
        .into_iter()
        .map(|c| {
            let label = match c {
                ControlsParam::Compact => msg::dialog::controls_compact(lang),
                ControlsParam::All => msg::dialog::controls_all(lang),
                ControlsParam::None => msg::dialog::controls_none(lang),
            };
            view! { <option value=c.as_str()>{label}</option> }
        })
        .collect_view();
    // What the embed shows: the record by default (safe to publish as it comes), or the article's
    // claim, which every chart then labels as a claim in its own text.
    let framings = [
        (FramingId::Record, msg::dialog::framing_record(lang)),
        (FramingId::Article, msg::dialog::framing_article(lang)),
    ]
    .into_iter()
    .map(|(f, label)| view! { <option value=f.as_str()>{label}</option> })
    .collect_view();
    let themes = fund_view::theme::ThemeChoice::ALL
        .into_iter()
        .map(|t| view! { <option value=t.as_str()>{fund_view::theme::label(t, lang)}</option> })
        .collect_view();
    let langs = Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.as_str() selected=l == lang>{msg::page::language_name(l)}</option> })
        .collect_view();
    let widths = [320u32, 390, 520, 640]
        .into_iter()
        .map(|w| view! { <option value=w.to_string() selected=w == 520>{format!("{w} px")}</option> })
        .collect_view();
    let snippets = Snippet::ALL
        .into_iter()
        .map(|which| {
            let label = match which {
                Snippet::Pym => msg::dialog::pym(lang),
                Snippet::Amp => msg::dialog::amp(lang),
                Snippet::Iframe => msg::dialog::iframe(lang),
                Snippet::Script => msg::dialog::script(lang),
            };
            snippet(which, label.to_string(), msg::dialog::copy(lang))
        })
        .collect_view();
    view! {
        <dialog class="embed-dialog" data-testid=testid::EMBED_DIALOG aria-labelledby="embed-title">
            <h2 class="embed-title" id="embed-title">{msg::dialog::title(lang)}</h2>
            <p class="embed-note" data-testid=testid::EMBED_NOTE></p>
            <div class="embed-options">
                <label for="embed-option-framing">{msg::dialog::framing(lang)}</label>
                <select id="embed-option-framing" data-testid=testid::EMBED_OPTION_FRAMING>{framings}</select>
                <label for="embed-option-controls">{msg::dialog::controls(lang)}</label>
                <select id="embed-option-controls" data-testid=testid::EMBED_OPTION_CONTROLS>{controls}</select>
                <label for="embed-option-theme">{msg::dialog::theme(lang)}</label>
                <select id="embed-option-theme" data-testid=testid::EMBED_OPTION_THEME>{themes}</select>
                <label for="embed-option-lang">{msg::dialog::language(lang)}</label>
                <select id="embed-option-lang" data-testid=testid::EMBED_OPTION_LANG>{langs}</select>
            </div>
            {snippets}
            <p class=class::COPY_STATUS role="status" data-testid=testid::EMBED_STATUS></p>
            <div class="embed-preview-head">
                <h3 class="embed-preview-title">{msg::dialog::preview(lang)}</h3>
                <label for="embed-preview-width">{msg::dialog::preview_width(lang)}</label>
                <select id="embed-preview-width" data-testid=testid::EMBED_PREVIEW_WIDTH>{widths}</select>
            </div>
            <div class="embed-preview-frame" data-testid=testid::EMBED_PREVIEW_FRAME></div>
            <div class="share-row dialog-actions">
                <button
                    type="button"
                    class="chart-action"
                    data-testid=testid::EMBED_CLOSE
                    data-action=Action::CloseDialog.to_attr()
                >
                    {msg::dialog::close(lang)}
                </button>
            </div>
        </dialog>
    }
}
