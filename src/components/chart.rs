//! One chart as a figure: caption, the SVG, its one-sentence description, a "Show data" table and
//! its source line.

use crate::charts::{build, parts_of, render, static_of, ChartId, ChartParts};
use crate::components::references::SourceLine;
use crate::components::share::ChartActions;
use crate::ctx::Ctx;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
    // The chart's own figures: when an input does not change them, nothing below is redrawn.
    let model = Memo::new(move |_| ctx.views.with(|v| build(id, &v.current)));
    // A figure out of sight (hidden behind another panel tab, or scrolled far off screen) keeps
    // its last drawing and catches up as soon as it comes into view; printing draws everything.
    let figure_ref = NodeRef::<leptos::html::Figure>::new();
    let on_screen = RwSignal::new(true);
    watch_on_screen(figure_ref, on_screen);
    let stale_ok = move || (hidden.get() || !on_screen.get()) && !ctx.printing.get();
    // What changes with the numbers: the marks, view box, words and table.
    let parts = Memo::new(move |prev: Option<&ChartParts>| {
        if let Some(p) = prev.filter(|_| stale_ok()) {
            return p.clone();
        }
        let (width, theme) = (ctx.layout_width.get(), ctx.theme.get());
        model.with(|m| parts_of(id, m, width, theme))
    });
    // Axes, grid and labels: redrawn only when the layout, theme or framing changes (a native
    // test checks that no static layer depends on the numbers).
    let framing = Memo::new(move |_| ctx.views.with(|v| v.current.framing().id()));
    let static_layer = Memo::new(move |prev: Option<&String>| {
        if let Some(p) = prev.filter(|_| stale_ok()) {
            return p.clone();
        }
        let (width, theme) = (ctx.layout_width.get(), ctx.theme.get());
        framing.track();
        model.with_untracked(|m| static_of(id, m, width, theme))
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
    let svg = if ctx.live {
        view! {
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
        }
        .into_any()
    } else {
        // Prerendered: both layouts, and the stylesheet shows the one the app would draw at the
        // reader's width, so nothing moves when the app takes over.
        let theme = ctx.theme.get_untracked();
        let layouts = [crate::ctx::WIDE_LAYOUT, crate::ctx::NARROW_LAYOUT]
            .into_iter()
            .map(|width| {
                let (p, stat) =
                    model.with_untracked(|m| (parts_of(id, m, width, theme), static_of(id, m, width, theme)));
                let which = if width == crate::ctx::WIDE_LAYOUT { "wide" } else { "narrow" };
                let title_id = format!("title-{slug}-{which}");
                let title_ref = title_id.clone();
                view! {
                    <div class=format!("chart-svg layout-{which}")>
                        <svg
                            xmlns="http://www.w3.org/2000/svg"
                            viewBox=format!("0 0 {} {}", p.width, p.height)
                            width="100%"
                            preserveAspectRatio="xMidYMin meet"
                            role="img"
                            aria-labelledby=title_ref
                            class=format!("fund-chart fund-chart-{slug} fund-chart-{}", theme.name())
                        >
                            <title id=title_id>{p.text.description.clone()}</title>
                            <g class="fund-chart-static" inner_html=stat></g>
                            <g class="fund-chart-marks" inner_html=p.marks.clone()></g>
                        </svg>
                    </div>
                }
            })
            .collect_view();
        view! { {layouts} }.into_any()
    };
    view! {
        <figure
            node_ref=figure_ref
            class="chart"
            id=format!("figure-{slug}")
            data-testid=format!("chart-{slug}")
            hidden=move || hidden.get()
            aria-labelledby=caption_id.clone()
        >
            <figcaption>
                <p class="caption" id=caption_id2>{move || parts.with(|p| p.text.caption.clone())}</p>
            </figcaption>
            {svg}
            <p class="chart-description" data-testid=format!("description-{slug}")>
                {move || description.get()}
            </p>
            <details class="data" data-keep=format!("data-{slug}")>
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

/// Keeps `on_screen` true while the figure is within 300 px of the viewport.
fn watch_on_screen(figure: NodeRef<leptos::html::Figure>, on_screen: RwSignal<bool>) {
    Effect::new(move |prev: Option<()>| {
        if prev.is_some() {
            return;
        }
        let Some(el) = figure.get() else { return };
        // A chart in the sticky panel is on screen whenever the panel is (its own scrolling only
        // moves it within the panel); other charts watch themselves.
        let el: web_sys::Element = match el.closest(".panel") {
            Ok(Some(panel)) => panel,
            _ => el.into(),
        };
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(last) = entries.iter().last() {
                if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                    // The figure may be gone (unmounted) by the time the browser reports.
                    let _ = on_screen.try_set(entry.is_intersecting());
                }
            }
        });
        let opts = web_sys::IntersectionObserverInit::new();
        opts.set_root_margin("300px 0px 300px 0px");
        if let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts)
        {
            observer.observe(&el);
            let observer = send_wrapper::SendWrapper::new(observer);
            on_cleanup(move || observer.disconnect());
        }
        cb.forget();
    });
}
