//! The page's one "Embed this chart" dialog: options (what it shows, controls, theme, language), the three
//! snippets (pym.js, AMP, plain iframe) with copy buttons, and a live preview at a chosen width.
//! Drawn empty and closed; the browser fills it for the chart whose Embed button was pressed.

use super::ctx;
use fund_core::framing::FramingId;
use fund_core::params::ControlsParam;
use fund_core::{msg, Lang};
use leptos::prelude::*;

fn snippet(
    testid: &'static str,
    label: String,
    copy_testid: &'static str,
    copy: &'static str,
) -> impl IntoView {
    let id = format!("{testid}-text");
    view! {
        <label for=id.clone()>{label}</label>
        <textarea id=id readonly rows="3" data-testid=testid></textarea>
        <div class="share-row">
            <button type="button" class="chart-action" data-testid=copy_testid>{copy}</button>
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
    view! {
        <dialog class="embed-dialog" data-testid="embed-dialog" aria-labelledby="embed-title">
            <h2 class="embed-title" id="embed-title">{msg::dialog::title(lang)}</h2>
            <p class="embed-note" data-testid="embed-note"></p>
            <div class="embed-options">
                <label for="embed-option-framing">{msg::dialog::framing(lang)}</label>
                <select id="embed-option-framing" data-testid="embed-option-framing">{framings}</select>
                <label for="embed-option-controls">{msg::dialog::controls(lang)}</label>
                <select id="embed-option-controls" data-testid="embed-option-controls">{controls}</select>
                <label for="embed-option-theme">{msg::dialog::theme(lang)}</label>
                <select id="embed-option-theme" data-testid="embed-option-theme">{themes}</select>
                <label for="embed-option-lang">{msg::dialog::language(lang)}</label>
                <select id="embed-option-lang" data-testid="embed-option-lang">{langs}</select>
            </div>
            {snippet("embed-snippet-pym", msg::dialog::pym(lang).to_string(), "embed-copy-pym", msg::dialog::copy(lang))}
            {snippet("embed-snippet-amp", msg::dialog::amp(lang).to_string(), "embed-copy-amp", msg::dialog::copy(lang))}
            {snippet("embed-snippet", msg::dialog::iframe(lang).to_string(), "embed-copy", msg::dialog::copy(lang))}
            {snippet("embed-snippet-script", msg::dialog::script(lang).to_string(), "embed-copy-script", msg::dialog::copy(lang))}
            <p class="copy-status" role="status" data-testid="embed-status"></p>
            <div class="embed-preview-head">
                <h3 class="embed-preview-title">{msg::dialog::preview(lang)}</h3>
                <label for="embed-preview-width">{msg::dialog::preview_width(lang)}</label>
                <select id="embed-preview-width" data-testid="embed-preview-width">{widths}</select>
            </div>
            <div class="embed-preview-frame" data-testid="embed-preview-frame"></div>
            <div class="share-row dialog-actions">
                <button type="button" class="chart-action" data-testid="embed-close">{msg::dialog::close(lang)}</button>
            </div>
        </dialog>
    }
}
