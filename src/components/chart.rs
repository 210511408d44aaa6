//! One chart as a figure: caption, the SVG, its one-sentence description, a "Show data" table and
//! its source line.

use crate::app::Ctx;
use crate::charts::{render, render_parts, render_static, ChartId};
use crate::components::references::SourceLine;
use crate::components::share::ChartActions;
use leptos::prelude::*;

/// A chart figure. The SVG is built by the charts crate from the shared derived memo; all text
/// (caption, description, table cells) is inserted as text.
#[component]
pub fn ChartFigure(
    /// Which chart.
    id: ChartId,
    /// Whether the figure is hidden (the panel shows one chart at a time).
    #[prop(into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // What changes with the numbers: redrawn on every input.
    let parts = Memo::new(move |_| {
        let width = ctx.layout_width.get();
        let theme = ctx.theme.get();
        ctx.views
            .with(|v| render_parts(id, &v.current, width, theme))
    });
    // Axes, grid and labels: redrawn only when the layout, theme or framing changes (a native
    // test checks that no static layer depends on the numbers).
    let framing = Memo::new(move |_| ctx.views.with(|v| v.current.framing().id()));
    let static_layer = Memo::new(move |_| {
        let (width, theme) = (ctx.layout_width.get(), ctx.theme.get());
        framing.track();
        ctx.views
            .with_untracked(|v| render_static(id, &v.current, width, theme))
    });
    // The whole chart as one document, for downloads; memos are lazy, so this is only drawn
    // when something reads it.
    let rendered = Memo::new(move |_| {
        let width = ctx.layout_width.get();
        let theme = ctx.theme.get();
        ctx.views.with(|v| render(id, &v.current, width, theme))
    });
    let slug = id.slug();
    let caption_id = format!("caption-{slug}");
    let caption_id2 = caption_id.clone();
    let table = Memo::new(move |_| parts.with(|p| p.table.clone()));
    let sources = Signal::derive(move || parts.with(|p| p.text.source_ids.clone()));
    let description = Memo::new(move |_| parts.with(|p| p.text.description.clone()));
    let theme_class = move || {
        format!(
            "fund-chart fund-chart-{slug} fund-chart-{}",
            ctx.theme.get().name()
        )
    };
    view! {
        <figure
            class="chart"
            id=format!("figure-{slug}")
            data-testid=format!("chart-{slug}")
            hidden=move || hidden.get()
            aria-labelledby=caption_id.clone()
        >
            <figcaption>
                <p class="caption" id=caption_id2>{move || parts.with(|p| p.text.caption.clone())}</p>
            </figcaption>
            <div class="chart-svg">
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=move || parts.with(|p| format!("0 0 {} {}", p.width, p.height))
                    width="100%"
                    preserveAspectRatio="xMidYMin meet"
                    role="img"
                    aria-labelledby=format!("title-{slug}")
                    class=theme_class
                >
                    <title id=format!("title-{slug}")>{move || description.get()}</title>
                    <g class="fund-chart-static" inner_html=move || static_layer.get()></g>
                    <g class="fund-chart-marks" inner_html=move || parts.with(|p| p.marks.clone())></g>
                </svg>
            </div>
            <p class="chart-description" data-testid=format!("description-{slug}")>
                {move || description.get()}
            </p>
            <details class="data">
                <summary>"Show data"</summary>
                <div class="table-scroll">
                    <table data-testid=format!("table-{slug}")>
                        <thead>
                            <tr>
                                {move || {
                                    table.with(|t| t.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                table.with(|t| {
                                    t
                                        .rows
                                        .iter()
                                        .map(|row| {
                                            view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> }
                                        })
                                        .collect_view()
                                })
                            }}
                        </tbody>
                    </table>
                </div>
            </details>
            <SourceLine ids=sources/>
            <ChartActions id=id rendered=rendered/>
        </figure>
    }
}
