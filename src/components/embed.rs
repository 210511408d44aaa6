//! Embed mode (`?embed=<chart>`): one chart with its own controls, caption, description, source
//! line and a link to the full explainer, and no page chrome. The page reports its height to the
//! host whenever it changes, in pym.js's format, AMP's `embed-size` format and this project's own
//! JSON message (see the README); `assets/embed.js` sends them, from before the WebAssembly
//! arrives, so a host sizes the frame for the prerendered chart too.

use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::controls::{AllocationControls, FxControl, YieldControls};
use crate::components::record::{FlowControls, ProfitControls};
use crate::ctx::Ctx;
use crate::url::write;
use leptos::prelude::*;

/// One chart alone, for embedding in other pages.
#[component]
pub fn EmbedPage(
    /// The chart to show.
    chart: ChartId,
    /// URL parameters that were refused (shown above the chart).
    notices: Vec<fund_core::params::ParamNotice>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    if ctx.live {
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("embed");
        }
    }
    let home = crate::takeover::home();
    let full_link = move || {
        let q = write(
            &ctx.model.get(),
            ctx.step.get(),
            ctx.theme_choice.get(),
            None,
        );
        format!("{home}?{q}")
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
        <div class="embed-root" data-testid="embed-root">
            <crate::components::notices::StaticNotice/>
            <crate::components::notices::ParamNotices notices=notices/>
            <ChartFigure id=chart hidden=Signal::derive(|| false)/>
            <details class="controls" data-keep="embed-controls" open=true>
                <summary>"Adjust the numbers"</summary>
                <crate::components::controls::NeedsScript/>
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
