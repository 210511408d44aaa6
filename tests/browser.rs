//! In-browser tests (wasm-bindgen-test in headless Chromium) of the part of the page that only a
//! browser can run: the client taking a page over, a slider moving a chart (patched in place, the
//! same elements kept), a refused value, the URL, notices for refused links (as text), and the
//! downloads. The page here is a small one with the same hooks the prerendered page has (the
//! whole prerendered page is tested end to end in `e2e/`).
#![cfg(target_arch = "wasm32")]

use fund_charts::Theme;
use fund_core::Lang;
use fund_view::charts::{build_live, render_model, ChartId};
use fund_view::export::{self, Format};
use fund_view::hooks::Action;
use japan_fund_explainer::client;
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

fn el(testid: &str) -> web_sys::Element {
    document()
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
}

fn text(testid: &str) -> String {
    el(testid).text_content().unwrap_or_default()
}

/// A figure as the prerender writes it: the default state's drawing, light, wide.
fn figure(id: ChartId) -> String {
    let d = fund_core::model::Model::default().derive();
    let model = build_live(id, &d, Lang::En).unwrap();
    let r = render_model(id, &model, 640, Theme::Light, Lang::En);
    let slug = id.slug();
    let mut svg = r.svg.clone();
    svg.id = format!("chart-{slug}-wide");
    let mut narrow = render_model(id, &model, 360, Theme::Light, Lang::En).svg;
    narrow.id = format!("chart-{slug}-narrow");
    format!(
        "<figure class=\"chart\" data-chart=\"{slug}\" data-testid=\"chart-{slug}\">\
         <figcaption><p class=\"caption\">{}</p></figcaption>\
         <div class=\"chart-svg layout-wide\">{}</div><div class=\"chart-svg layout-narrow\">{}</div>\
         <p class=\"chart-description\" data-testid=\"description-{slug}\"></p>\
         <details class=\"data\"><summary>Show data</summary>\
         <table data-testid=\"table-{slug}\"><thead><tr></tr></thead><tbody></tbody></table></details>\
         {}<p data-testid=\"actions-status-{slug}\"></p>\
         </figure>",
        r.text.caption,
        svg.page_svg(),
        narrow.page_svg(),
        [Format::Svg, Format::Csv, Format::Json]
            .map(|f| format!(
                "<a class=\"chart-action\" data-testid=\"download-{slug}-{ext}\" data-action=\"{}\" href=\"x.{ext}\">{ext}</a>",
                Action::Download(id, f).to_attr(),
                ext = f.ext(),
            ))
            .concat()
    )
}

fn control(slug: &str, slider: bool, value: &str) -> String {
    let range = if slider {
        format!("<input type=\"range\" data-testid=\"slider-{slug}\" min=\"0\" max=\"100\" step=\"0.5\" value=\"{value}\" disabled>")
    } else {
        String::new()
    };
    format!(
        "<div class=\"control\" data-control=\"{slug}\"><label><span class=\"label-text\"></span>\
         <span class=\"hint\"></span></label>{range}\
         <input type=\"text\" data-testid=\"input-{slug}\" value=\"{value}\" aria-label=\"x\" disabled>\
         <p class=\"error\" data-testid=\"error-{slug}\"></p></div>"
    )
}

/// Builds the small page, puts a link's query in the address bar and starts the client on it.
fn start(query: &str) {
    let html = format!(
        "<div class=\"notice\" data-testid=\"notice-params\" hidden><p></p><ul></ul></div>\
         <span class=\"live\" data-live=\"treasuries_amount\">$412.5 billion</span>\
         <button type=\"button\" data-testid=\"framing-record\" data-action=\"framing:record\" aria-pressed=\"false\" disabled>Record</button>\
         <button type=\"button\" data-testid=\"theme-dark\" data-action=\"theme:dark\" aria-pressed=\"false\">Dark</button>\
         <aside class=\"panel\" data-step-charts=\"allocation\">{}</aside>{}{}{}",
        figure(ChartId::Allocation),
        control("treasuries", true, "75"),
        control("direct", true, "1.5"),
        control("usdjpy", false, "156.8"),
    );
    let app = document().create_element("div").unwrap();
    app.set_id("app");
    app.set_inner_html(&html);
    document().body().unwrap().append_child(&app).unwrap();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")))
        .unwrap();
    japan_fund_explainer::client::start();
}

fn input(testid: &str, value: &str, kind: &str) {
    let e = el(testid);
    let i: &web_sys::HtmlInputElement = e.unchecked_ref();
    i.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    e.dispatch_event(&ev).unwrap();
}

fn marks() -> web_sys::Element {
    document()
        .query_selector("[data-chart=\"allocation\"] g.fund-chart-marks")
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_client_takes_the_page_over_and_follows_the_reader() {
    start("a.direct=2&a.treasuries=<b>x</b>&zzz=1");
    sleep(50).await;

    // The link's good value is used, its bad one named in the notice, as text.
    assert_eq!(
        el("input-direct")
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .value(),
        "2"
    );
    let notice = el("notice-params");
    assert!(!notice.has_attribute("hidden"));
    let items = notice.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 1, "only a.treasuries is named");
    let item = items.item(0).unwrap();
    assert!(item.text_content().unwrap().contains("a.treasuries"));
    assert!(
        notice.query_selector("b").unwrap().is_none(),
        "never as markup"
    );

    // The controls were enabled; the labels and screen-reader text filled in.
    let slider = el("slider-treasuries");
    assert!(!slider.has_attribute("disabled"));
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("75% of the fund, $412.5 billion")
    );
    // One layout kept (the other removed), drawn for this state.
    assert_eq!(
        document()
            .query_selector_all("[data-chart=\"allocation\"] svg")
            .unwrap()
            .length(),
        1
    );
    assert!(text("description-allocation").contains("2%"));

    // A slider moves the chart: the same elements, patched.
    let first_bar = marks().first_element_child().unwrap();
    let before = marks().inner_html();
    input("slider-treasuries", "60", "input");
    sleep(30).await;
    assert_ne!(marks().inner_html(), before, "the marks changed");
    assert!(
        marks().first_element_child().unwrap() == first_bar,
        "patched in place, not redrawn"
    );
    assert!(text("description-allocation").contains("$330 billion"));
    assert_eq!(
        document()
            .query_selector("[data-live=treasuries_amount]")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("$330 billion")
    );
    // The "Show data" table is shut: it catches up when the reader opens it.
    let details = document()
        .query_selector("[data-chart=\"allocation\"] details.data")
        .unwrap()
        .unwrap();
    assert!(!details.has_attribute("open"));
    details.set_attribute("open", "").unwrap();
    sleep(30).await;
    assert!(text("table-allocation").contains("$330 billion"));

    // A refused typed value: a message beside the box, the old value back, the chart unchanged.
    let shown = marks().inner_html();
    input("input-treasuries", "150", "change");
    sleep(30).await;
    assert!(
        text("error-treasuries").contains("150%"),
        "{}",
        text("error-treasuries")
    );
    assert_eq!(
        el("input-treasuries")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        el("input-treasuries")
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .value(),
        "60"
    );
    assert_eq!(marks().inner_html(), shown);

    // The URL follows once the reader pauses.
    sleep(400).await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(
        search.contains("a.treasuries=60") && search.contains("lang=en"),
        "{search}"
    );

    // Downloads: what the chart shows now, the same bytes the native export gives.
    let got: Rc<RefCell<Vec<(String, String)>>> = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    client::set_download_hook(Some(Rc::new(move |blob: &web_sys::Blob, name: &str| {
        let sink = sink.clone();
        let name = name.to_string();
        // The bytes as saved (a BOM included), not as a text decoder would read them.
        let promise = blob.array_buffer();
        wasm_bindgen_futures::spawn_local(async move {
            let buf = JsFuture::from(promise).await.unwrap();
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            let text = String::from_utf8(bytes).unwrap();
            sink.borrow_mut().push((name, text));
        });
    })));
    el("download-allocation-svg")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    el("download-allocation-csv")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    el("download-allocation-json")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    sleep(50).await;
    let files = got.borrow().clone();
    assert_eq!(files.len(), 3, "{files:?}");
    let mut m = fund_core::model::Model::default();
    m.set_direct(2.into()).unwrap();
    m.set_treasuries(60.into()).unwrap();
    let d = m.derive();
    let chart = render_model(
        ChartId::Allocation,
        &build_live(ChartId::Allocation, &d, Lang::En).unwrap(),
        640,
        Theme::Light,
        Lang::En,
    );
    assert_eq!(files[0].0, "japan-fund-allocation.svg");
    assert_eq!(files[0].1, export::svg_document(&chart.svg));
    assert_eq!(files[1].1, export::csv_document(&chart));
    let json: serde_json::Value = serde_json::from_str(&files[2].1).unwrap();
    assert_eq!(json["chart"], "allocation");
    assert!(json["data"]["rows"].is_array());
    assert_eq!(Format::Svg.ext(), "svg");

    // The framing switch: the record has no Treasuries bucket, so that slider is disabled.
    el("framing-record")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    sleep(30).await;
    assert_eq!(
        el("framing-record")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(el("slider-treasuries").has_attribute("disabled"));
    assert!(text("table-allocation").to_lowercase().contains("loan"));

    // The theme is the stylesheet's: switching it touches no element of the chart (no attribute
    // set, not even to the same value; no element added or removed; no text written).
    let svg = document()
        .query_selector("[data-chart=\"allocation\"] svg")
        .unwrap()
        .unwrap();
    let observer = web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).unwrap();
    let opts = web_sys::MutationObserverInit::new();
    opts.set_attributes(true);
    opts.set_child_list(true);
    opts.set_character_data(true);
    opts.set_subtree(true);
    observer.observe_with_options(&svg, &opts).unwrap();
    el("theme-dark")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    sleep(50).await;
    let touched = observer.take_records().length();
    observer.disconnect();
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
    assert_eq!(touched, 0, "the theme switch rewrote chart elements");
    // Marks carry palette classes, never colours.
    let painted = marks().inner_html();
    assert!(painted.contains("class=\"fill-s"), "{painted}");
    assert!(!painted.contains("fill=\"#"), "{painted}");
}
