//! The whole explainer, and one chart alone for embedding.

use super::{ctx, EmbedCtx};
use crate::chart::ChartFigure;
use crate::controls::{FlowButtons, NumberControlView, Presets};
use crate::dialog::EmbedDialog;
use crate::notices::{NeedsScript, ParamNotices, StaticNotice};
use crate::record::RecordSection;
use crate::references::{References, SourceLine};
use crate::toolbar::{LangSwitch, Toolbar};
use crate::walkthrough::Walkthrough;
use fund_core::msg;
use fund_core::params::ControlsParam;
use fund_view::charts::ChartId;
use fund_view::controls::{embed_buttons, embed_controls, ControlKey};
use fund_view::hooks::testid;
use leptos::prelude::*;

/// The page: the whole explainer, or, on an embed page, one chart.
#[component]
pub fn Page() -> impl IntoView {
    match ctx().embed {
        Some(e) => view! { <EmbedPage embed=e/> }.into_any(),
        None => view! { <FullPage/> }.into_any(),
    }
}

/// The whole explainer.
#[component]
pub fn FullPage() -> impl IntoView {
    let lang = ctx().lang;
    let header_sources: Vec<String> = fund_view::record_view::HEADER_SOURCES
        .iter()
        .map(|s| s.to_string())
        .collect();
    view! {
        <a class="skip-link" href="#walkthrough">{msg::page::skip(lang)}</a>
        <div class="page">
            <header class="masthead">
                <p class="kicker">{msg::page::kicker(lang)}</p>
                <h1 data-testid="headline">{msg::page::headline(lang)}</h1>
                <p class="dek" data-testid="dek">{msg::page::dek(lang)}</p>
                <SourceLine ids=header_sources/>
                <Toolbar/>
                <StaticNotice/>
                <ParamNotices/>
            </header>
            <main id="main">
                <Walkthrough/>
                <RecordSection/>
                <References/>
            </main>
            <footer>
                <p>{msg::page::footer(lang)}</p>
            </footer>
        </div>
        <EmbedDialog/>
    }
}

/// The controls an embed can show: all of the chart's, each marked with the setting that shows it
/// (`data-level`: `compact` or `all`); the page's `html[data-controls]` (from `?controls=`,
/// read before the first paint by `head.js`) decides which the stylesheet shows.
#[component]
fn EmbedControls(embed: EmbedCtx) -> impl IntoView {
    let lang = ctx().lang;
    let all = embed_controls(embed.chart, ControlsParam::All);
    if all.is_empty() {
        return ().into_any();
    }
    let compact = embed_controls(embed.chart, ControlsParam::Compact);
    let level = move |k: &ControlKey| {
        if compact.contains(k) {
            "compact"
        } else {
            "all"
        }
    };
    let allocation = all.contains(&ControlKey::Treasuries);
    let flow = embed.chart == ChartId::YieldEffect;
    let flow_level = if embed_buttons(embed.chart, ControlsParam::Compact) {
        "compact"
    } else {
        "all"
    };
    let controls = all
        .iter()
        .map(|k| view! { <NumberControlView key=*k level=level(k)/> })
        .collect_view();
    view! {
        <section class="embed-controls" aria-label=msg::controls::adjust(lang)>
            <NeedsScript/>
            {allocation.then(|| view! { <div data-level="all"><Presets/></div> })}
            {flow.then(|| view! { <div data-level=flow_level><FlowButtons/></div> })}
            {controls}
            {allocation.then(|| view! {
                <p class="assumption-note" data-testid=testid::REMAINDER_NOTE data-level="all">
                    {fund_view::controls::remainder_note(&ctx().model, lang)}
                </p>
            })}
        </section>
    }
    .into_any()
}

/// One chart alone, for embedding in other pages: the chart, its words and sources, the chosen
/// controls and a link to the full explainer. No page chrome.
#[component]
pub fn EmbedPage(
    /// The chart and its controls setting.
    embed: EmbedCtx,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let note = (embed.chart == ChartId::Tracker)
        .then(|| view! { <p class="assumption-note">{msg::page::tracker_embed_note(lang)}</p> });
    view! {
        <main class="embed-root" data-testid="embed-root" id="main">
            <h1 class="visually-hidden">{msg::page::embed_heading(lang, embed.chart.tab_label(lang))}</h1>
            <StaticNotice/>
            <ParamNotices/>
            <ChartFigure id=embed.chart actions=false/>
            {note}
            <EmbedControls embed=embed/>
            <p class="embed-link">
                <a
                    data-testid=testid::EMBED_LINK
                    href=c.home()
                    target="_blank"
                    rel="noopener"
                    title=msg::page::title(lang)
                >
                    {msg::page::embed_link(lang)}
                </a>
                " "
                <LangSwitch/>
            </p>
        </main>
    }
}
