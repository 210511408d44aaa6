//! The row of actions under every chart: "Embed" (a dialog with copy-ready snippets and a
//! preview), downloads (SVG, PNG, CSV, JSON) and "Cite". The strings come from
//! [`crate::export`]; this module is the browser glue (blobs, canvas, clipboard, `<dialog>`).

use crate::charts::{ChartId, RenderedChart};
use crate::ctx::Ctx;
use crate::export::{self, Format};
use leptos::html;
use leptos::portal::Portal;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What the status line says when copying to the clipboard is not possible.
pub const COPY_FALLBACK: &str = "Press Ctrl+C to copy";
/// What the status line says when the text was copied.
pub const COPIED: &str = "Copied";

/// Receives finished downloads instead of the browser (set by tests).
pub type DownloadHook = Rc<dyn Fn(&web_sys::Blob, &str)>;

thread_local! {
    static DOWNLOAD_HOOK: RefCell<Option<DownloadHook>> = const { RefCell::new(None) };
}

/// Sends every finished download (blob and file name) to `hook` instead of saving it; `None`
/// restores saving. For tests, which cannot read saved files.
pub fn set_download_hook(hook: Option<DownloadHook>) {
    DOWNLOAD_HOOK.with(|h| *h.borrow_mut() = hook);
}

/// The page's address now (the permalink: the app keeps its whole state in the query string).
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// A blob holding `body` as UTF-8, of MIME type `mime`.
pub fn text_blob(body: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// The blob of a text download (SVG, CSV or JSON) of `chart`, drawn from `d`; `None` for PNG.
pub fn download_blob(
    format: Format,
    chart: &RenderedChart,
    d: &fund_core::model::Derived,
    permalink: &str,
) -> Option<Result<web_sys::Blob, JsValue>> {
    export::text_file(format, chart, d, permalink).map(|(body, mime)| text_blob(&body, mime))
}

fn revoke_later(url: String) {
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    }
}

/// Saves `blob` as `file_name`: through an `<a download>` made, clicked and removed here (or
/// to the test hook, if one is set). The object URL is revoked a moment later.
pub fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), JsValue> {
    if let Some(hook) = DOWNLOAD_HOOK.with(|h| h.borrow().clone()) {
        hook(blob, file_name);
        return Ok(());
    }
    let document = document();
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    revoke_later(url);
    Ok(())
}

/// Draws `chart`'s SVG at 2× on a canvas filled with the chart's background and saves it as PNG.
/// Asynchronous: `on_error` is called if the image cannot be drawn or encoded.
pub fn save_png(chart: &RenderedChart, on_error: impl Fn() + 'static) -> Result<(), JsValue> {
    let svg = export::svg_for_png(&chart.svg);
    let (w, h) = export::png_size(&chart.svg);
    let background = export::background(chart.svg.theme);
    let file = export::file_name(chart.id, Format::Png);
    let blob = text_blob(&svg, "image/svg+xml;charset=utf-8")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    let on_error = Rc::new(on_error);
    let onload = {
        let (img, url, on_error) = (img.clone(), url.clone(), on_error.clone());
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            if draw_png(&img, w, h, &background, file, on_error.clone()).is_err() {
                on_error();
            }
        })
    };
    let onerror = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            on_error();
        })
    };
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

fn draw_png(
    img: &web_sys::HtmlImageElement,
    w: u32,
    h: u32,
    background: &str,
    file: String,
    on_error: Rc<impl Fn() + 'static>,
) -> Result<(), JsValue> {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .unchecked_into();
    context.set_fill_style_str(background);
    context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    context.draw_image_with_html_image_element_and_dw_and_dh(
        img,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )?;
    let done = Closure::once_into_js(
        move |blob: JsValue| match blob.dyn_into::<web_sys::Blob>() {
            Ok(b) if save_blob(&b, &file).is_ok() => {}
            _ => on_error(),
        },
    );
    canvas.to_blob(done.unchecked_ref())
}

/// Copies `text` to the clipboard and says so in `status`; if the clipboard is unavailable or
/// refuses, selects `field`'s text and asks the reader to press Ctrl+C.
pub fn copy_text(
    text: String,
    field: Option<web_sys::HtmlTextAreaElement>,
    status: RwSignal<String>,
) {
    let fallback = move || {
        if let Some(f) = &field {
            let _ = f.focus();
            f.select();
        }
        status.try_set(COPY_FALLBACK.to_string());
    };
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        fallback();
        return;
    };
    status.try_set(String::new());
    let copied = Closure::once(move |_: JsValue| {
        status.try_set(COPIED.to_string());
    });
    let refused = Closure::once(move |_: JsValue| fallback());
    let _ = clipboard.write_text(&text).then2(&copied, &refused);
    // Each runs at most once, when the promise settles; they live until then.
    copied.forget();
    refused.forget();
}

/// Today's date in the reader's time zone, written `5 March 2026`.
fn today() -> (u32, u32, i32) {
    let now = js_sys::Date::new_0();
    (
        now.get_date(),
        now.get_month() + 1,
        now.get_full_year() as i32,
    )
}

/// The actions under one chart: Embed, SVG, PNG, CSV, JSON, Cite.
#[component]
pub fn ChartActions(
    /// Which chart.
    id: ChartId,
    /// The chart as shown.
    rendered: Memo<RenderedChart>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slug = id.slug();
    let status = RwSignal::new(String::new());

    let download = move |format: Format| {
        status.set(String::new());
        let chart = rendered.get_untracked();
        let fail = move || {
            status.try_set(format!(
                "The {} file could not be made in this browser.",
                format.label()
            ));
        };
        let result = match format {
            Format::Png => save_png(&chart, fail),
            _ => {
                let permalink = export::permalink(&current_href());
                ctx.views
                    .with_untracked(|v| download_blob(format, &chart, &v.current, &permalink))
                    .unwrap_or_else(|| Err(JsValue::NULL))
                    .and_then(|blob| save_blob(&blob, &export::file_name(id, format)))
            }
        };
        if result.is_err() {
            fail();
        }
    };

    let cite_open = RwSignal::new(false);
    let cite_text = RwSignal::new(String::new());
    let cite_status = RwSignal::new(String::new());
    let cite_ref = NodeRef::<html::Textarea>::new();
    let toggle_cite = move |_| {
        if !cite_open.get_untracked() {
            let (d, m, y) = today();
            let caption = rendered.with_untracked(|r| r.text.caption.clone());
            cite_text.set(export::cite_text(
                &caption,
                &export::permalink(&current_href()),
                d,
                m,
                y,
            ));
            cite_status.set(String::new());
        }
        cite_open.update(|o| *o = !*o);
    };
    let copy_cite = move |_| {
        copy_text(
            cite_text.get_untracked(),
            cite_ref.get_untracked(),
            cite_status,
        )
    };

    let name = export::chart_name(id);
    let cite_panel_id = format!("cite-panel-{slug}");
    let cite_text_id = format!("cite-text-{slug}");
    let cite_for = cite_text_id.clone();
    let cite_controls = cite_panel_id.clone();

    view! {
        <div class="chart-actions" role="group" aria-label=format!("Embed, download or cite {name}")>
            <EmbedButton id=id rendered=rendered/>
            {Format::ALL
                .into_iter()
                .map(|format| {
                    view! {
                        <button
                            type="button"
                            class="chart-action"
                            data-testid=export::download_test_id(id, format)
                            aria-label=export::download_label(id, format)
                            on:click=move |_| download(format)
                        >
                            {format.label()}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="chart-action"
                data-testid=format!("cite-{slug}")
                aria-label=format!("Cite {name}")
                aria-expanded=move || if cite_open.get() { "true" } else { "false" }
                aria-controls=cite_controls
                on:click=toggle_cite
            >
                "Cite"
            </button>
        </div>
        <p class="chart-actions-status" role="status" data-testid=format!("actions-status-{slug}")>
            {move || status.get()}
        </p>
        <div class="cite-panel" id=cite_panel_id hidden=move || !cite_open.get()>
            <label for=cite_for>"Cite this chart"</label>
            <textarea
                id=cite_text_id
                readonly
                rows="4"
                node_ref=cite_ref
                data-testid=format!("cite-text-{slug}")
                prop:value=move || cite_text.get()
            ></textarea>
            <div class="share-row">
                <button type="button" class="chart-action" data-testid=format!("cite-copy-{slug}") on:click=copy_cite>
                    "Copy citation"
                </button>
                <span class="copy-status" role="status">{move || cite_status.get()}</span>
            </div>
        </div>
    }
}

/// The "Embed" button and its dialog: the iframe and pym.js snippets for the page's current
/// state and theme, copy buttons, and a live preview.
#[component]
fn EmbedButton(id: ChartId, rendered: Memo<RenderedChart>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let slug = id.slug();
    let open = RwSignal::new(false);
    let url = RwSignal::new(String::new());
    let copy_status = RwSignal::new(String::new());
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener_ref = NodeRef::<html::Button>::new();
    let iframe_ref = NodeRef::<html::Textarea>::new();
    let pym_ref = NodeRef::<html::Textarea>::new();

    // Taken from the chart when the dialog opens (the whole-chart memo is lazy: nothing here
    // subscribes to it, so it is only drawn on demand).
    let caption = RwSignal::new(String::new());
    let height = RwSignal::new(0u32);
    let iframe_snippet = move || export::iframe_snippet(&url.get(), &caption.get(), height.get());
    let pym_snippet = move || export::pym_snippet(id, &url.get(), &caption.get());

    let show = move |_| {
        rendered.with_untracked(|r| {
            caption.set(r.text.caption.clone());
            height.set(export::embed_height(r.svg.height));
        });
        url.set(export::embed_url(
            &current_href(),
            id,
            ctx.theme_choice.get_untracked(),
        ));
        copy_status.set(String::new());
        open.set(true);
        if let Some(d) = dialog_ref.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    };
    let close = move |_| {
        if let Some(d) = dialog_ref.get_untracked() {
            d.close();
        }
    };
    // Close button, Escape and form submission all end here.
    let on_close = move |_| {
        open.set(false);
        if let Some(b) = opener_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let copy_iframe = move |_| copy_text(iframe_snippet(), iframe_ref.get_untracked(), copy_status);
    let copy_pym = move |_| copy_text(pym_snippet(), pym_ref.get_untracked(), copy_status);

    let title_id = format!("embed-title-{slug}");
    let labelled_by = title_id.clone();
    let snippet_id = format!("embed-snippet-text-{slug}");
    let snippet_for = snippet_id.clone();
    let pym_id = format!("embed-snippet-pym-text-{slug}");
    let pym_for = pym_id.clone();
    let name = export::chart_name(id);
    let theme_label = move || crate::theme::label(ctx.theme_choice.get()).to_lowercase();

    view! {
        <button
            type="button"
            class="chart-action"
            node_ref=opener_ref
            data-testid=format!("embed-{slug}")
            aria-label=format!("Embed {name}")
            aria-haspopup="dialog"
            on:click=show
        >
            "Embed"
        </button>
        // In <body>, not the figure: a figure the walkthrough hides must not hide an open dialog.
        <Portal>
        <dialog
            class="embed-dialog"
            node_ref=dialog_ref
            aria-labelledby=labelled_by.clone()
            data-testid=format!("embed-dialog-{slug}")
            on:close=on_close
        >
            <h2 class="embed-title" id=title_id.clone()>"Embed this chart"</h2>
            <p class="embed-note">
                "Paste one of these into your page. It shows this chart with the numbers as they are now, in the "
                {theme_label}
                " theme."
            </p>
            <label for=snippet_for.clone()>"HTML"</label>
            <textarea
                id=snippet_id.clone()
                readonly
                rows="4"
                node_ref=iframe_ref
                data-testid=format!("embed-snippet-{slug}")
                prop:value=iframe_snippet
            ></textarea>
            <div class="share-row">
                <button type="button" class="chart-action" data-testid=format!("embed-copy-{slug}") on:click=copy_iframe>
                    "Copy HTML"
                </button>
            </div>
            <label for=pym_for.clone()>"HTML with pym.js (the frame resizes to fit)"</label>
            <textarea
                id=pym_id.clone()
                readonly
                rows="4"
                node_ref=pym_ref
                data-testid=format!("embed-snippet-pym-{slug}")
                prop:value=pym_snippet
            ></textarea>
            <div class="share-row">
                <button type="button" class="chart-action" data-testid=format!("embed-copy-pym-{slug}") on:click=copy_pym>
                    "Copy pym.js code"
                </button>
            </div>
            <p class="copy-status" role="status" data-testid=format!("embed-status-{slug}")>
                {move || copy_status.get()}
            </p>
            <h3 class="embed-preview-title">"Preview"</h3>
            <Show when=move || open.get()>
                {move || {
                    // Built by hand: the view macro has no `loading` attribute for <iframe>.
                    html::iframe()
                        .attr("loading", "lazy")
                        .class("embed-preview")
                        .attr("data-testid", format!("embed-preview-{slug}"))
                        .src(url.get())
                        .title(export::embed_title(&caption.get()))
                        .height(height.get().to_string())
                }}
            </Show>
            <div class="share-row dialog-actions">
                <button type="button" class="chart-action" data-testid=format!("embed-close-{slug}") on:click=close>
                    "Close"
                </button>
            </div>
        </dialog>
        </Portal>
    }
}
