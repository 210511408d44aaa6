//! One chart as a figure: caption, the SVG, its one-sentence description, a "Show data" table and
//! its source line.

use crate::app::Ctx;
use crate::charts::{render, ChartId};
use crate::components::references::SourceLine;
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
    let rendered = Memo::new(move |_| {
        let width = ctx.layout_width.get();
        let theme = ctx.theme.get();
        ctx.views.with(|v| render(id, &v.current, width, theme))
    });
    let slug = id.slug();
    let caption_id = format!("caption-{slug}");
    let caption_id2 = caption_id.clone();
    let svg = move || rendered.with(|r| r.svg.full_svg());
    let sources = Signal::derive(move || rendered.with(|r| r.text.source_ids.clone()));
    view! {
        <figure
            class="chart"
            id=format!("figure-{slug}")
            data-testid=format!("chart-{slug}")
            hidden=move || hidden.get()
            aria-labelledby=caption_id.clone()
        >
            <figcaption>
                <p class="caption" id=caption_id2>{move || rendered.with(|r| r.text.caption.clone())}</p>
            </figcaption>
            <div class="chart-svg" inner_html=svg></div>
            <p class="chart-description" data-testid=format!("description-{slug}")>
                {move || rendered.with(|r| r.text.description.clone())}
            </p>
            <details class="data">
                <summary>"Show data"</summary>
                <div class="table-scroll">
                    <table data-testid=format!("table-{slug}")>
                        <thead>
                            <tr>
                                {move || {
                                    rendered.with(|r| r.table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rendered.with(|r| {
                                    r.table
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
        </figure>
    }
}
