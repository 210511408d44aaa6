//! In-browser tests of the actions under every chart (headless Chromium): downloads go to a test
//! hook so their blobs can be read back; the embed dialog opens with its snippets and preview;
//! "Cite" shows the permalink and the date.
#![cfg(target_arch = "wasm32")]

use japan_fund_explainer::app::App;
use japan_fund_explainer::charts::{render, ChartId};
use japan_fund_explainer::components::share::{self, COPIED, COPY_FALLBACK};
use japan_fund_explainer::export::{self, Format};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Lets Leptos run its scheduled effects.
async fn tick() {
    sleep(30).await;
}

struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        share::set_download_hook(None);
        self.root.remove();
    }
}

fn mount() -> Mounted {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle =
        leptos::mount::mount_to(root.clone(), || leptos::prelude::IntoAny::into_any(App()));
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Finds an element of the mounted app: in its root, or in a dialog it put in `<body>`.
fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .or_else(|| document().query_selector(selector).unwrap())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn absent(selector: &str) -> bool {
    document().query_selector(selector).unwrap().is_none()
}

fn click(root: &web_sys::HtmlElement, test_id: &str) {
    find(root, &format!("[data-testid={test_id}]"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn textarea_value(root: &web_sys::HtmlElement, test_id: &str) -> String {
    find(root, &format!("[data-testid={test_id}]"))
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

type Captured = Rc<RefCell<Vec<(web_sys::Blob, String)>>>;

/// Routes downloads into a list the test can read.
fn capture_downloads() -> Captured {
    let captured: Captured = Rc::new(RefCell::new(Vec::new()));
    let sink = captured.clone();
    share::set_download_hook(Some(Rc::new(move |blob: &web_sys::Blob, name: &str| {
        sink.borrow_mut().push((blob.clone(), name.to_string()));
    })));
    captured
}

async fn blob_text(blob: &web_sys::Blob) -> String {
    JsFuture::from(blob.text())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

async fn blob_bytes(blob: &web_sys::Blob) -> Vec<u8> {
    let buf = JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&buf).to_vec()
}

fn href() -> String {
    web_sys::window().unwrap().location().href().unwrap()
}

#[wasm_bindgen_test]
async fn every_chart_has_its_six_actions() {
    let app = mount();
    tick().await;
    for id in ChartId::ALL {
        let slug = id.slug();
        for format in Format::ALL {
            let b = find(
                &app.root,
                &format!("[data-testid={}]", export::download_test_id(id, format)),
            );
            assert_eq!(b.tag_name().to_lowercase(), "button");
            assert_eq!(
                b.get_attribute("aria-label").unwrap(),
                export::download_label(id, format)
            );
        }
        for test_id in [format!("embed-{slug}"), format!("cite-{slug}")] {
            let b = find(&app.root, &format!("[data-testid={test_id}]"));
            assert_eq!(b.tag_name().to_lowercase(), "button");
            assert!(b.get_attribute("aria-label").is_some(), "{test_id}");
        }
        find(&app.root, &format!("[data-testid=embed-dialog-{slug}]"));
    }
}

#[wasm_bindgen_test]
async fn blob_builder_gives_the_type_and_size() {
    let d = fund_core::model::Model::default().derive();
    let chart = render(ChartId::Allocation, &d, 640, fund_charts::Theme::Light);
    for format in [Format::Svg, Format::Csv, Format::Json] {
        let (body, mime) = export::text_file(format, &chart, &d, "https://e.org/?a=1").unwrap();
        let blob = share::download_blob(format, &chart, &d, "https://e.org/?a=1")
            .unwrap()
            .unwrap();
        assert_eq!(blob.type_(), mime.to_lowercase(), "{format:?}");
        assert_eq!(blob.size() as usize, body.len(), "{format:?}");
        assert_eq!(blob_bytes(&blob).await, body.as_bytes(), "{format:?}");
    }
    assert!(share::download_blob(Format::Png, &chart, &d, "").is_none());
    // The CSV's first bytes are the UTF-8 byte-order mark.
    let csv = share::download_blob(Format::Csv, &chart, &d, "")
        .unwrap()
        .unwrap();
    assert_eq!(&blob_bytes(&csv).await[..3], &[0xEF, 0xBB, 0xBF]);
}

#[wasm_bindgen_test]
async fn csv_svg_and_json_buttons_download_the_chart() {
    let app = mount();
    tick().await;
    let captured = capture_downloads();

    click(&app.root, "download-allocation-csv");
    tick().await;
    let (blob, name) = captured.borrow_mut().pop().expect("a CSV download");
    assert_eq!(name, "japan-fund-allocation.csv");
    assert!(blob.type_().starts_with("text/csv"), "{}", blob.type_());
    let bytes = blob_bytes(&blob).await;
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(csv.contains("$412.5 billion"), "{csv}");

    click(&app.root, "download-allocation-svg");
    tick().await;
    let (blob, name) = captured.borrow_mut().pop().expect("an SVG download");
    assert_eq!(name, "japan-fund-allocation.svg");
    assert_eq!(blob.type_(), "image/svg+xml");
    let svg = blob_text(&blob).await;
    assert!(svg.starts_with(export::XML_PROLOG), "{svg}");
    // Exactly what is shown: the same document the figure holds.
    let shown = find(&app.root, "[data-testid=chart-allocation] .chart-svg svg");
    let view_box = shown.get_attribute("viewBox").unwrap();
    assert!(svg.contains(&format!("viewBox=\"{view_box}\"")), "{svg}");
    assert_eq!(
        svg.matches("<rect").count() as u32,
        shown.query_selector_all("rect").unwrap().length()
    );

    click(&app.root, "download-allocation-json");
    tick().await;
    let (blob, name) = captured.borrow_mut().pop().expect("a JSON download");
    assert_eq!(name, "japan-fund-allocation.json");
    assert_eq!(blob.type_(), "application/json");
    let v: serde_json::Value = serde_json::from_str(&blob_text(&blob).await).unwrap();
    assert_eq!(v["chart"], "allocation");
    assert_eq!(v["generated_from"], href());
    let text = v.to_string();
    assert!(text.contains("\"412500000000\""), "{text}");
    assert_eq!(
        find(&app.root, "[data-testid=actions-status-allocation]").text_content(),
        Some(String::new())
    );
}

#[wasm_bindgen_test]
async fn png_button_draws_the_chart_at_twice_its_size() {
    let app = mount();
    tick().await;
    let captured = capture_downloads();
    click(&app.root, "download-allocation-png");
    let mut waited = 0;
    while captured.borrow().is_empty() && waited < 5_000 {
        sleep(50).await;
        waited += 50;
    }
    let (blob, name) = captured.borrow_mut().pop().expect("a PNG download");
    assert_eq!(name, "japan-fund-allocation.png");
    assert_eq!(blob.type_(), "image/png");
    let bytes = blob_bytes(&blob).await;
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    let (w, h) = (be(&bytes[16..20]), be(&bytes[20..24]));
    let view_box = find(&app.root, "[data-testid=chart-allocation] .chart-svg svg")
        .get_attribute("viewBox")
        .unwrap();
    let dims: Vec<u32> = view_box.split(' ').map(|n| n.parse().unwrap()).collect();
    assert_eq!((w, h), (dims[2] * 2, dims[3] * 2), "{view_box}");
}

#[wasm_bindgen_test]
async fn a_real_download_click_does_not_panic() {
    let app = mount();
    tick().await;
    share::set_download_hook(None);
    let anchors_before = document()
        .query_selector_all("a[download]")
        .unwrap()
        .length();
    click(&app.root, "download-yield-effect-csv");
    tick().await;
    // The temporary link is gone again and nothing went wrong.
    assert_eq!(
        document()
            .query_selector_all("a[download]")
            .unwrap()
            .length(),
        anchors_before
    );
    assert_eq!(
        find(&app.root, "[data-testid=actions-status-yield-effect]").text_content(),
        Some(String::new())
    );
}

#[wasm_bindgen_test]
async fn embed_dialog_opens_with_snippets_copy_and_preview() {
    let app = mount();
    tick().await;
    let dialog: web_sys::HtmlDialogElement =
        find(&app.root, "[data-testid=embed-dialog-allocation]").unchecked_into();
    assert!(!dialog.open());
    assert!(
        absent("[data-testid=embed-preview-allocation]"),
        "no preview is loaded before the dialog opens"
    );
    // The dialog is not inside the figure, which the walkthrough may hide while it is open.
    assert!(dialog.closest("figure").unwrap().is_none());
    // Show the allocation chart in the panel (only the shown chart's buttons can take focus).
    click(&app.root, "tab-allocation");
    tick().await;
    let opener: web_sys::HtmlElement =
        find(&app.root, "[data-testid=embed-allocation]").unchecked_into();
    opener.focus().unwrap();
    opener.click();
    tick().await;
    assert!(dialog.open());

    let snippet = textarea_value(&app.root, "embed-snippet-allocation");
    assert!(snippet.starts_with("<iframe src=\""), "{snippet}");
    assert!(snippet.contains("loading=\"lazy\""), "{snippet}");
    assert!(snippet.contains("embed=allocation"), "{snippet}");
    assert!(snippet.contains("theme=auto"), "{snippet}");
    assert!(snippet.contains(" — interactive chart\""), "{snippet}");
    let pym = textarea_value(&app.root, "embed-snippet-pym-allocation");
    assert!(
        pym.contains("new pym.Parent(\"japan-fund-allocation\""),
        "{pym}"
    );
    assert!(pym.contains("embed=allocation"), "{pym}");

    // The embed URL agrees with the browser's own URL handling.
    let expected = web_sys::Url::new(&href()).unwrap();
    expected.search_params().set("embed", "allocation");
    expected.search_params().set("theme", "auto");
    expected.set_hash("");
    let ours = export::embed_url(&href(), ChartId::Allocation, export_theme_auto());
    let ours_parsed = web_sys::Url::new(&ours).unwrap();
    assert_eq!(
        ours_parsed.search_params().get("embed"),
        Some("allocation".into())
    );
    assert_eq!(
        ours_parsed.search_params().get("theme"),
        Some("auto".into())
    );
    assert_eq!(ours_parsed.hash(), "");
    assert_eq!(ours_parsed.pathname(), expected.pathname());
    assert_eq!(ours_parsed.origin(), expected.origin());

    let preview = find(&app.root, "[data-testid=embed-preview-allocation]");
    assert_eq!(preview.tag_name().to_lowercase(), "iframe");
    assert_eq!(preview.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(preview.get_attribute("src"), Some(ours));
    assert!(preview
        .get_attribute("title")
        .unwrap()
        .ends_with(" — interactive chart"));

    // Copy: either the clipboard took it, or the text is selected with a hint.
    click(&app.root, "embed-copy-allocation");
    let status = find(&app.root, "[data-testid=embed-status-allocation]");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    let mut waited = 0;
    while status.text_content().unwrap_or_default().is_empty() && waited < 3_000 {
        sleep(50).await;
        waited += 50;
    }
    let said = status.text_content().unwrap_or_default();
    assert!(said == COPIED || said == COPY_FALLBACK, "{said:?}");

    // Close returns focus to the opener and unloads the preview.
    click(&app.root, "embed-close-allocation");
    tick().await;
    assert!(!dialog.open());
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.get_attribute("data-testid")),
        Some(Some("embed-allocation".to_string()))
    );
    assert!(absent("[data-testid=embed-preview-allocation]"));
}

fn export_theme_auto() -> japan_fund_explainer::theme::ThemeChoice {
    japan_fund_explainer::theme::ThemeChoice::Auto
}

#[wasm_bindgen_test]
async fn cite_shows_caption_permalink_and_date() {
    let app = mount();
    tick().await;
    let button = find(&app.root, "[data-testid=cite-income]");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let panel = find(&app.root, "#cite-panel-income");
    assert!(panel.has_attribute("hidden"));
    click(&app.root, "cite-income");
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));
    let text = textarea_value(&app.root, "cite-text-income");
    let caption = find(&app.root, "#caption-income").text_content().unwrap();
    assert!(
        text.starts_with(&format!("“{caption}”, chart from “")),
        "{text}"
    );
    assert!(text.ends_with(&format!(", {}", href())), "{text}");
    let year = js_sys::Date::new_0().get_full_year();
    assert!(text.contains(&format!(" {year}, ")), "{text}");
    click(&app.root, "cite-income");
    tick().await;
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn dialogs_leave_with_the_app() {
    let app = mount();
    tick().await;
    assert!(!absent("[data-testid=embed-dialog-waffle]"));
    drop(app);
    tick().await;
    assert!(absent("[data-testid=embed-dialog-waffle]"));
}
