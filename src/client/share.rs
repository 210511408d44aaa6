//! The browser's part of "Embed", the downloads and "Cite": blobs, the canvas for PNG, the
//! clipboard and the embed dialog. Every string comes from [`fund_view::export`].

use super::dom::{by_testid, document, find, set_attr, set_text, value_of};
use fund_core::params::ControlsParam;
use fund_core::{msg, Lang};
use fund_view::charts::{ChartId, RenderedChart};
use fund_view::export::{self, EmbedOptions, Format};
use fund_view::hooks::{self, attr, class, testid, Snippet};
use fund_view::theme::ThemeChoice;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

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

/// The page's address now (the permalink: the page keeps its whole state in the query string).
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

fn revoke_later(url: String) {
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    }
}

/// Saves `blob` as `file_name` through an `<a download>` made, clicked and removed here (or to
/// the test hook, if one is set).
pub fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), JsValue> {
    if let Some(hook) = DOWNLOAD_HOOK.with(|h| h.borrow().clone()) {
        hook(blob, file_name);
        return Ok(());
    }
    let doc = document().ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    revoke_later(url);
    Ok(())
}

/// Draws `chart`'s SVG at 2× on a canvas filled with the chart's background and saves it as PNG.
/// Asynchronous: `on_error` runs if the image cannot be drawn or encoded.
pub fn save_png(
    chart: &RenderedChart,
    file: String,
    on_error: Rc<dyn Fn()>,
) -> Result<(), JsValue> {
    let svg = export::svg_for_png(&chart.svg);
    let (w, h) = export::png_size(&chart.svg);
    let background = export::background(chart.svg.theme);
    let blob = text_blob(&svg, "image/svg+xml;charset=utf-8")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
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
    on_error: Rc<dyn Fn()>,
) -> Result<(), JsValue> {
    let doc = document().ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
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

/// A source's full citation as the page shows it (the `title` of a source-line link).
pub fn page_citation(root: &Element, id: &str) -> String {
    find(
        root,
        &format!("a{}[title]", hooks::attr_is(attr::SOURCE, &css_ident(id))),
    )
    .and_then(|a| a.get_attribute("title"))
    .unwrap_or_default()
}

/// Keeps only characters that need no escaping in a CSS selector (ids and test ids are made of
/// these).
pub fn css_ident(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Saves the download `format` of `chart` (drawn from `d`) as the reader sees it now; the status
/// line says so if the browser cannot make it.
pub fn download(
    root: &Element,
    format: Format,
    chart: &RenderedChart,
    d: &fund_core::model::Derived,
    lang: Lang,
) {
    let status = by_testid(root, &testid::actions_status(chart.id));
    if let Some(s) = &status {
        set_text(s, "");
    }
    let fail: Rc<dyn Fn()> = {
        let status = status.clone();
        Rc::new(move || {
            if let Some(s) = &status {
                set_text(s, &msg::share::file_failed(lang, format.label()));
            }
        })
    };
    let file = export::file_name(chart.id, format, lang);
    let body = match format {
        Format::Svg => export::svg_document(&chart.svg),
        Format::Csv => export::csv_document(chart),
        Format::Json => match export::chart_data(chart.id, d) {
            Some(data) => {
                let cite = |id: &str| page_citation(root, id);
                export::json_document(
                    chart,
                    data,
                    &export::permalink(&current_href()),
                    lang,
                    &cite,
                )
            }
            None => String::new(),
        },
        Format::Png => {
            if save_png(chart, file, fail.clone()).is_err() {
                fail();
            }
            return;
        }
    };
    let saved = text_blob(&body, format.mime()).and_then(|b| save_blob(&b, &file));
    if saved.is_err() || body.is_empty() {
        fail();
    }
}

/// Copies `text` to the clipboard and says so in `status`; if the clipboard is unavailable or
/// refuses, selects `field`'s text and asks the reader to press Ctrl+C.
pub fn copy_text(text: String, field: Option<Element>, status: Option<Element>, lang: Lang) {
    let fallback = {
        let (field, status) = (field.clone(), status.clone());
        move || {
            if let Some(f) = field
                .as_ref()
                .and_then(|f| f.dyn_ref::<web_sys::HtmlTextAreaElement>())
            {
                let _ = f.focus();
                f.select();
            }
            if let Some(s) = &status {
                set_text(s, msg::dialog::copy_fallback(lang));
            }
        }
    };
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        fallback();
        return;
    };
    if let Some(s) = &status {
        set_text(s, "");
    }
    let copied = Closure::once(move |_: JsValue| {
        if let Some(s) = &status {
            set_text(s, msg::dialog::copied(lang));
        }
    });
    let refused = Closure::once(move |_: JsValue| fallback());
    let _ = clipboard.write_text(&text).then2(&copied, &refused);
    copied.forget();
    refused.forget();
}

/// Today's date in the reader's time zone: (day, month, year).
pub fn today() -> (u32, u32, i32) {
    let now = js_sys::Date::new_0();
    (
        now.get_date(),
        now.get_month() + 1,
        now.get_full_year() as i32,
    )
}

/// Shows or hides chart `id`'s citation panel, filled with today's citation.
pub fn toggle_cite(root: &Element, id: ChartId, caption: &str, lang: Lang) {
    let Some(panel) = find(root, &format!("#{}", hooks::id::cite_panel(id))) else {
        return;
    };
    let button = by_testid(root, &testid::cite(id));
    let open = panel.has_attribute("hidden");
    if open {
        if let Some(t) = by_testid(root, &testid::cite_text(id)) {
            super::dom::set_value(
                &t,
                &export::cite_text(caption, &export::permalink(&current_href()), today(), lang),
            );
        }
        let _ = panel.remove_attribute("hidden");
    } else {
        let _ = panel.set_attribute("hidden", "");
    }
    if let Some(b) = button {
        set_attr(&b, "aria-expanded", if open { "true" } else { "false" });
    }
}

/// The embed dialog, for one chart at a time.
pub struct Dialog {
    dialog: Element,
    /// The chart it is open for, and the button that opened it.
    pub open_for: RefCell<Option<(ChartId, Element)>>,
}

impl Dialog {
    /// Finds the page's dialog.
    pub fn attach(root: &Element) -> Option<Dialog> {
        let dialog = by_testid(root, testid::EMBED_DIALOG).or_else(|| {
            document().and_then(|d| {
                d.query_selector(&hooks::by_testid(testid::EMBED_DIALOG))
                    .ok()
                    .flatten()
            })
        })?;
        Some(Dialog {
            dialog,
            open_for: RefCell::new(None),
        })
    }

    /// The dialog element.
    pub fn element(&self) -> &Element {
        &self.dialog
    }

    /// Opens the dialog for `id` with options that follow the page (theme and language), the
    /// compact controls.
    pub fn open(&self, id: ChartId, opener: Element, theme: ThemeChoice, lang: Lang) {
        *self.open_for.borrow_mut() = Some((id, opener));
        let d = &self.dialog;
        if let Some(s) = by_testid(d, testid::EMBED_OPTION_CONTROLS) {
            super::dom::set_value(&s, ControlsParam::Compact.as_str());
        }
        if let Some(s) = by_testid(d, testid::EMBED_OPTION_FRAMING) {
            super::dom::set_value(&s, fund_view::url::default_framing(Some(id)).as_str());
        }
        if let Some(s) = by_testid(d, testid::EMBED_OPTION_THEME) {
            super::dom::set_value(&s, theme.as_str());
        }
        if let Some(s) = by_testid(d, testid::EMBED_OPTION_LANG) {
            super::dom::set_value(&s, lang.as_str());
        }
        if let Some(s) = by_testid(d, testid::EMBED_STATUS) {
            set_text(&s, "");
        }
        if let Some(dlg) = d.dyn_ref::<web_sys::HtmlDialogElement>() {
            if !dlg.open() {
                let _ = dlg.show_modal();
            }
        }
    }

    /// The options chosen in the dialog.
    pub fn options(&self) -> EmbedOptions {
        let d = &self.dialog;
        let read = |id: &str| by_testid(d, id).map(|e| value_of(&e)).unwrap_or_default();
        EmbedOptions {
            framing: read(testid::EMBED_OPTION_FRAMING)
                .parse()
                .unwrap_or_else(|_| {
                    fund_view::url::default_framing(
                        self.open_for.borrow().as_ref().map(|(id, _)| *id),
                    )
                }),
            controls: ControlsParam::parse(&read(testid::EMBED_OPTION_CONTROLS))
                .unwrap_or_default(),
            theme: ThemeChoice::parse(&read(testid::EMBED_OPTION_THEME)).unwrap_or_default(),
            lang: Lang::parse(&read(testid::EMBED_OPTION_LANG)).unwrap_or_default(),
        }
    }

    /// Fills the snippets and the preview for `url` (the embed's address), `root` (the
    /// explainer's), `caption`, `alt` (the script embed's image, at the default numbers) and the
    /// chart's height.
    #[allow(clippy::too_many_arguments)]
    pub fn fill(
        &self,
        id: ChartId,
        url: &str,
        root: &str,
        caption: &str,
        alt: &str,
        svg_height: u32,
        page_lang: Lang,
    ) {
        let d = &self.dialog;
        let opts = self.options();
        let height = export::embed_height(svg_height, opts.controls);
        let lang = opts.lang;
        if let Some(n) = by_testid(d, testid::EMBED_NOTE) {
            set_text(&n, &msg::dialog::note(page_lang, caption));
        }
        for snippet in Snippet::ALL {
            let text = match snippet {
                Snippet::Pym => export::pym_snippet(id, url, caption, lang),
                Snippet::Amp => export::amp_snippet(url, caption, height, lang),
                Snippet::Iframe => export::iframe_snippet(url, caption, height, lang),
                Snippet::Script => {
                    export::script_snippet(id, url, root, caption, alt, height, lang)
                }
            };
            if let Some(t) = by_testid(d, snippet.field_testid()) {
                super::dom::set_value(&t, &text);
            }
        }
        self.preview(url, caption, height, lang);
    }

    fn preview(&self, url: &str, caption: &str, height: u32, lang: Lang) {
        let d = &self.dialog;
        let Some(frame) = by_testid(d, testid::EMBED_PREVIEW_FRAME) else {
            return;
        };
        let width = by_testid(d, testid::EMBED_PREVIEW_WIDTH)
            .map(|e| value_of(&e))
            .and_then(|w| w.parse::<u32>().ok())
            .unwrap_or(520)
            .clamp(240, 1200);
        let iframe = match find(&frame, "iframe") {
            Some(f) => f,
            None => {
                let Some(f) = document().and_then(|doc| doc.create_element("iframe").ok()) else {
                    return;
                };
                let _ = f.set_attribute(attr::TESTID, testid::EMBED_PREVIEW);
                let _ = f.set_attribute("class", class::EMBED_PREVIEW);
                let _ = frame.append_child(&f);
                f
            }
        };
        set_attr(&iframe, "title", &export::embed_title(caption, lang));
        set_attr(&iframe, "width", &width.to_string());
        // The width attribute sizes it (the stylesheet caps it at the dialog's width): no inline
        // style, which a strict Content-Security-Policy (style-src 'self') refuses.
        if iframe.get_attribute("height").is_none() {
            let _ = iframe.set_attribute("height", &height.to_string());
        }
        set_attr(&iframe, "src", url);
    }

    /// Sets the preview's height when the preview reports it (our own message, from the preview
    /// frame only; anything else is ignored).
    pub fn on_message(&self, ev: &web_sys::MessageEvent) {
        let Some(iframe) = find(
            &self.dialog,
            &format!("iframe{}", hooks::by_testid(testid::EMBED_PREVIEW)),
        ) else {
            return;
        };
        let Some(frame) = iframe.dyn_ref::<web_sys::HtmlIFrameElement>() else {
            return;
        };
        let from_preview = match (frame.content_window(), ev.source()) {
            (Some(w), Some(s)) => JsValue::from(w) == JsValue::from(s),
            _ => false,
        };
        if !from_preview {
            return;
        }
        if let Some(h) = super::embedmsg::own_height(&ev.data()) {
            set_attr(&iframe, "height", &h.to_string());
        }
    }

    /// Closes the dialog (focus goes back to the button that opened it, on the `close` event).
    pub fn close(&self) {
        if let Some(dlg) = self.dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
            dlg.close();
        }
    }

    /// After the dialog closed: focus the opener again and stop the preview.
    pub fn closed(&self) {
        if let Some(f) = find(&self.dialog, "iframe") {
            f.remove();
        }
        if let Some((_, opener)) = self.open_for.borrow_mut().take() {
            super::dom::focus(&opener);
        }
    }
}
