//! One chart as a figure: caption, the SVG (both layouts; the stylesheet shows the one for the
//! reader's width until the browser keeps one), its one-sentence description, a "Show data"
//! table, its source line and the actions under it (embed, downloads, cite).

use super::{ctx, PageCtx};
use crate::references::SourceLine;
use fund_core::framing::FramingId;
use fund_core::msg;
use fund_view::charts::{build, render_model, ChartId, RenderedChart};
use fund_view::export::{download_label, file_name, Format};
use fund_view::hooks::{class, testid, Action};
use leptos::prelude::*;

/// The two layouts a chart is drawn at (CSS px), with the class that names each.
pub const LAYOUTS: [(u32, &str); 2] = [
    (fund_view::layout::WIDE_LAYOUT, "wide"),
    (fund_view::layout::NARROW_LAYOUT, "narrow"),
];

/// The chart drawn for the page's state at `width`, light (the prerendered page is light; its
/// stylesheet maps the colours to the dark palette when the reader's system prefers dark).
pub fn drawn(c: &PageCtx, id: ChartId, width: u32) -> RenderedChart {
    let model = build(id, &c.views.current, c.lang);
    render_model(id, &model, width, fund_charts::Theme::Light, c.lang)
}

/// The source ids of chart `id` in each framing: one list if both framings cite the same.
pub fn sources_by_framing(c: &PageCtx, id: ChartId) -> Vec<(Option<FramingId>, Vec<String>)> {
    let of = |f: FramingId| {
        let mut m = c.model.clone();
        let _ = m.set_framing(f);
        build(id, &m.derive(), c.lang)
            .chart()
            .text()
            .source_ids
            .clone()
    };
    let (a, r) = (of(FramingId::Article), of(FramingId::Record));
    if a == r {
        vec![(None, a)]
    } else {
        vec![(Some(FramingId::Article), a), (Some(FramingId::Record), r)]
    }
}

/// Where the prerendered download of chart `id` in `format` is, relative to this page.
pub fn download_href(c: &PageCtx, id: ChartId, format: Format) -> String {
    format!(
        "{}{}downloads/{}",
        c.root,
        c.lang.dir(),
        file_name(id, format, c.lang)
    )
}

/// The "Show data" table of a chart.
#[component]
pub fn DataTableView(
    /// Test hook of the table.
    testid: String,
    /// The table.
    table: fund_charts::DataTable,
    /// Accessible caption of the table.
    caption: String,
) -> impl IntoView {
    let head = table
        .columns
        .into_iter()
        .map(|c| view! { <th scope="col">{c}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|r| {
            view! { <tr>{r.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> }
        })
        .collect_view();
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table data-testid=testid>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A chart figure with its words, table, sources and actions.
#[component]
pub fn ChartFigure(
    /// Which chart.
    id: ChartId,
    /// Whether the figure starts hidden (the walkthrough's panel shows one chart at a time).
    #[prop(optional)]
    hidden: bool,
    /// Whether to draw the actions (embed, downloads, cite); embeds leave them out.
    #[prop(default = true)]
    actions: bool,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let slug = id.slug();
    let wide = drawn(&c, id, fund_view::layout::WIDE_LAYOUT);
    let svgs = LAYOUTS
        .into_iter()
        .map(|(width, name)| {
            let r = if width == fund_view::layout::WIDE_LAYOUT {
                wide.clone()
            } else {
                drawn(&c, id, width)
            };
            let mut svg = r.svg.clone();
            svg.id = format!("chart-{slug}-{name}");
            // Fingerprints of the two layers: the browser's first draw skips what is already so.
            let stat = fund_view::fingerprint::layer_fingerprint(&svg.static_layer);
            let marks = fund_view::fingerprint::layer_fingerprint(&svg.marks);
            view! {
                <div
                    class=format!("{} {}", class::CHART_SVG, class::layout(width))
                    data-static=stat
                    data-marks=marks
                    inner_html=svg.page_svg()
                ></div>
            }
        })
        .collect_view();
    let current = c.model.framing();
    let sources = sources_by_framing(&c, id)
        .into_iter()
        .map(|(f, ids)| {
            let hide = f.is_some_and(|f| f != current);
            view! { <SourceLine ids=ids framing=f.map(|f| f.as_str()) hidden=hide/> }
        })
        .collect_view();
    let caption_id = format!("caption-{slug}");
    let caption_ref = caption_id.clone();
    view! {
        <figure
            class="chart"
            id=format!("figure-{slug}")
            data-testid=testid::chart(id)
            data-chart=slug
            data-words=fund_view::fingerprint::words_fingerprint(&wide.text, &wide.table)
            hidden=hidden
            aria-labelledby=caption_ref
        >
            <figcaption>
                <p class=class::CAPTION id=caption_id>{wide.text.caption.clone()}</p>
            </figcaption>
            {svgs}
            <p class=class::DESCRIPTION data-testid=testid::description(id)>
                {wide.text.description.clone()}
            </p>
            <details class=class::DATA data-keep=format!("data-{slug}")>
                <summary>{msg::page::show_data(lang)}</summary>
                <DataTableView
                    testid=testid::table(id)
                    table=wide.table.clone()
                    caption=msg::page::table_caption(lang, &wide.text.caption)
                />
            </details>
            {sources}
            {actions.then(|| view! { <ChartActions id=id/> })}
        </figure>
    }
}

/// The actions under a chart: Embed (opens the page's one embed dialog), the four downloads
/// (links to the prerendered files, which the browser replaces with the reader's numbers) and
/// Cite.
#[component]
pub fn ChartActions(
    /// Which chart.
    id: ChartId,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let name = fund_view::export::chart_name(id, lang);
    let downloads = Format::ALL
        .into_iter()
        .map(|format| {
            view! {
                <a
                    class="chart-action"
                    data-testid=testid::download(id, format)
                    data-action=Action::Download(id, format).to_attr()
                    href=download_href(&c, id, format)
                    download=file_name(id, format, lang)
                    aria-label=download_label(id, format, lang)
                >
                    {format.label()}
                </a>
            }
        })
        .collect_view();
    let panel_id = fund_view::hooks::id::cite_panel(id);
    let text_id = testid::cite_text(id);
    view! {
        <div class="chart-actions" role="group" aria-label=msg::share::actions_label(lang, &name)>
            <button
                type="button"
                class="chart-action needs-app"
                data-testid=testid::embed(id)
                data-action=Action::Embed(id).to_attr()
                aria-haspopup="dialog"
                aria-label=msg::share::embed_label(lang, &name)
                disabled
            >
                {msg::share::embed(lang)}
            </button>
            {downloads}
            <button
                type="button"
                class="chart-action needs-app"
                data-testid=testid::cite(id)
                data-action=Action::Cite(id).to_attr()
                aria-label=msg::share::cite_label(lang, &name)
                aria-expanded="false"
                aria-controls=panel_id.clone()
                disabled
            >
                {msg::share::cite_button(lang)}
            </button>
        </div>
        <p class="chart-actions-status" role="status" data-testid=testid::actions_status(id)></p>
        <div class="cite-panel" id=panel_id hidden>
            <label for=text_id.clone()>{msg::share::cite_heading(lang)}</label>
            <textarea id=text_id.clone() readonly rows="4" data-testid=text_id></textarea>
            <div class="share-row">
                <button
                    type="button"
                    class="chart-action"
                    data-testid=testid::cite_copy(id)
                    data-action=Action::CopyCitation(id).to_attr()
                >
                    {msg::share::copy_citation(lang)}
                </button>
                <span class=class::COPY_STATUS role="status"></span>
            </div>
        </div>
    }
}
