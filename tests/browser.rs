//! In-browser tests (wasm-bindgen-test in headless Chromium): mount the real app, drive its
//! controls the way a reader's browser does (DOM events), and check the text and charts change.
#![cfg(target_arch = "wasm32")]

use japan_fund_explainer::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos run its scheduled effects.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts the app at the default state (an empty query string).
fn mount() -> Mounted {
    mount_at("?")
}

/// Mounts the app as if the page had been opened with `query`.
fn mount_at(query: &str) -> Mounted {
    set_query(query);
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle =
        leptos::mount::mount_to(root.clone(), || leptos::prelude::IntoAny::into_any(App()));
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire(el: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// Brings a chart into view as a reader would: its panel tab (if it has one), then scrolled to.
async fn show(root: &web_sys::HtmlElement, chart: &str) {
    if let Some(tab) = root
        .query_selector(&format!("[data-testid=tab-{chart}]"))
        .unwrap()
    {
        tab.unchecked_into::<web_sys::HtmlElement>().click();
    }
    tick().await;
    find(root, &format!("[data-testid=chart-{chart}]")).scroll_into_view();
    tick().await;
}

fn set_value(root: &web_sys::HtmlElement, selector: &str, value: &str, event: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    fire(&input, event);
}

#[wasm_bindgen_test]
async fn mounts_with_every_step_and_panel_chart() {
    let app = mount();
    tick().await;
    for chart in [
        "waffle",
        "allocation",
        "income",
        "context",
        "framings",
        "profit-split",
        "yield-effect",
        "tracker",
    ] {
        let svg = find(&app.root, &format!("[data-testid=chart-{chart}] svg"));
        let title = svg
            .query_selector("title")
            .unwrap()
            .expect("svg has a title");
        assert!(
            !title.text_content().unwrap_or_default().is_empty(),
            "{chart} has an empty accessible name"
        );
    }
    let steps = fund_content::steps().len();
    assert!(steps >= 9);
    for i in 1..=steps {
        find(&app.root, &format!("[data-testid=step-{i}]"));
    }
    assert_eq!(
        text(&app.root, "[data-testid=step-position]"),
        format!("Step 1 of {steps}")
    );
}

#[wasm_bindgen_test]
async fn slider_moves_the_text_and_the_chart() {
    let app = mount();
    tick().await;
    show(&app.root, "allocation").await;
    let before_svg = find(&app.root, "[data-testid=chart-allocation] svg").outer_html();
    assert_eq!(
        text(&app.root, ".live[data-live=treasuries_amount]"),
        "$412.5 billion"
    );
    set_value(&app.root, "[data-testid=slider-treasuries]", "70", "input");
    tick().await;
    // 70% of $550 billion.
    assert_eq!(
        text(&app.root, ".live[data-live=treasuries_amount]"),
        "$385 billion"
    );
    let after_svg = find(&app.root, "[data-testid=chart-allocation] svg").outer_html();
    assert_ne!(before_svg, after_svg, "the allocation chart did not change");
    assert!(text(&app.root, "[data-testid=description-allocation]").contains("$385 billion"));
    let boxed: web_sys::HtmlInputElement =
        find(&app.root, "[data-testid=input-treasuries]").unchecked_into();
    assert_eq!(boxed.value(), "70");
}

#[wasm_bindgen_test]
async fn invalid_values_are_refused_with_a_message() {
    let app = mount();
    tick().await;
    show(&app.root, "allocation").await;
    let before_svg = find(&app.root, "[data-testid=chart-allocation] svg").outer_html();
    // 99% Treasuries plus 1.5% direct is more than the whole fund.
    set_value(&app.root, "[data-testid=input-treasuries]", "99", "change");
    tick().await;
    let msg = text(&app.root, "[data-testid=error-treasuries]");
    assert!(!msg.is_empty(), "no message for an over-full scenario");
    assert_eq!(
        find(&app.root, "[data-testid=chart-allocation] svg").outer_html(),
        before_svg
    );
    let boxed: web_sys::HtmlInputElement =
        find(&app.root, "[data-testid=input-treasuries]").unchecked_into();
    assert_eq!(boxed.value(), "75", "the box shows the last valid value");
    set_value(
        &app.root,
        "[data-testid=input-treasuries]",
        "<b>abc</b>",
        "change",
    );
    tick().await;
    assert!(text(&app.root, "[data-testid=error-treasuries]").contains("not a number"));
    assert!(
        app.root
            .query_selector("[data-testid=error-treasuries] b")
            .unwrap()
            .is_none(),
        "input reached the DOM as HTML"
    );
    // A valid value clears the message.
    set_value(&app.root, "[data-testid=input-treasuries]", "80", "change");
    tick().await;
    assert_eq!(text(&app.root, "[data-testid=error-treasuries]"), "");
}

#[wasm_bindgen_test]
async fn framing_switch_moves_every_chart() {
    let app = mount();
    tick().await;
    show(&app.root, "waffle").await;
    let waffle_before = find(&app.root, "[data-testid=chart-waffle] svg").outer_html();
    let button: web_sys::HtmlElement =
        find(&app.root, "[data-testid=framing-record]").unchecked_into();
    button.click();
    tick().await;
    assert_ne!(
        find(&app.root, "[data-testid=chart-waffle] svg").outer_html(),
        waffle_before
    );
    show(&app.root, "allocation").await;
    assert!(text(&app.root, "[data-testid=table-allocation]")
        .to_lowercase()
        .contains("loan"));
    assert_eq!(
        find(&app.root, "[data-testid=framing-record]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // The steps' inline numbers stay on the article's framing.
    assert_eq!(
        text(&app.root, ".live[data-live=treasuries_amount]"),
        "$412.5 billion"
    );
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = find(root, selector).unchecked_into();
    el.click();
}

fn set_query(query: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_chart_out_of_view_catches_up_when_shown() {
    let app = mount();
    tick().await;
    show(&app.root, "waffle").await;
    // The allocation chart sits behind its tab while the reader moves a slider...
    set_value(&app.root, "[data-testid=slider-treasuries]", "70", "input");
    tick().await;
    // ...and shows the new numbers as soon as it is brought into view.
    show(&app.root, "allocation").await;
    assert!(text(&app.root, "[data-testid=description-allocation]").contains("$385 billion"));
    let title = find(&app.root, "[data-testid=chart-allocation] svg title")
        .text_content()
        .unwrap_or_default();
    assert!(title.contains("$385 billion"), "{title}");
}

#[wasm_bindgen_test]
async fn claims_show_their_verdicts_beside_the_steps() {
    let app = mount();
    tick().await;
    let claim = find(
        &app.root,
        "[data-testid=step-3] [data-testid=claim-treasuries-share]",
    );
    assert_eq!(
        claim.get_attribute("data-verdict").as_deref(),
        Some("contradicted")
    );
    assert!(claim
        .text_content()
        .unwrap_or_default()
        .contains("Contradicted"));
    // The record is labelled as the record, apart from the article's paragraphs.
    assert!(
        text(&app.root, "[data-testid=step-3] .record-box").contains("The record, not the article")
    );
    find(&app.root, "[data-testid=source-tic-table5]");
}

#[wasm_bindgen_test]
async fn profit_split_follows_its_inputs() {
    let app = mount();
    tick().await;
    show(&app.root, "profit-split").await;
    // Defaults: $10 bn at 15% cash yield, deemed 4.136% + 1%: made whole in year 24.
    assert!(text(&app.root, "[data-testid=profit-summary]").contains("in year 24"));
    let before = find(&app.root, "[data-testid=chart-profit-split] svg").outer_html();
    // At 8%, Japan's half (4%) never beats the deemed interest (5.136%).
    set_value(&app.root, "[data-testid=slider-profit-yield]", "8", "input");
    tick().await;
    assert!(text(&app.root, "[data-testid=profit-summary]").contains("does not recover"));
    assert_ne!(
        find(&app.root, "[data-testid=chart-profit-split] svg").outer_html(),
        before
    );
    let rows = app
        .root
        .query_selector_all("[data-testid=profit-table] tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 30);
}

#[wasm_bindgen_test]
async fn yield_effect_can_show_selling() {
    let app = mount();
    tick().await;
    show(&app.root, "yield-effect").await;
    let buying = text(&app.root, "[data-testid=yield-summary]");
    assert!(
        buying.contains("buying") && buying.contains("−"),
        "{buying}"
    );
    let before = find(&app.root, "[data-testid=chart-yield-effect] svg").outer_html();
    assert!(
        before.contains("Linear scaling is this explainer"),
        "the chart must carry the scaling note"
    );
    click(&app.root, "[data-testid=flow-selling]");
    tick().await;
    let selling = text(&app.root, "[data-testid=yield-summary]");
    assert!(
        selling.contains("selling") && !selling.contains("−"),
        "{selling}"
    );
    assert_ne!(
        find(&app.root, "[data-testid=chart-yield-effect] svg").outer_html(),
        before
    );
}

#[wasm_bindgen_test]
async fn timeline_steps_through_events() {
    let app = mount();
    tick().await;
    let first = text(&app.root, "[data-testid=timeline-position]");
    assert!(first.contains("1 of"), "{first}");
    click(&app.root, "[data-testid=timeline-next]");
    tick().await;
    assert!(text(&app.root, "[data-testid=timeline-position]").contains("2 of"));
    click(&app.root, "[data-testid=timeline-prev]");
    tick().await;
    assert_eq!(text(&app.root, "[data-testid=timeline-position]"), first);
}

#[wasm_bindgen_test]
async fn state_is_read_from_the_url_and_bad_values_are_named() {
    let app = mount_at("?a.treasuries=80&framing=article");
    tick().await;
    assert_eq!(
        text(&app.root, ".live[data-live=treasuries_amount]"),
        "$440 billion"
    );
    assert!(app
        .root
        .query_selector("[data-testid=notice-params]")
        .unwrap()
        .is_none());
    drop(app);
    let app = mount_at("?a.treasuries=%3Cb%3Ex%3C%2Fb%3E&p.years=0");
    tick().await;
    let notice = text(&app.root, "[data-testid=notice-params]");
    assert!(
        notice.contains("a.treasuries") && notice.contains("p.years"),
        "{notice}"
    );
    assert!(app
        .root
        .query_selector("[data-testid=notice-params] b")
        .unwrap()
        .is_none());
    assert_eq!(
        text(&app.root, ".live[data-live=treasuries_amount]"),
        "$412.5 billion"
    );
    drop(app);
}

#[wasm_bindgen_test]
async fn a_panic_leaves_a_message_with_a_reload_link() {
    japan_fund_explainer::panic_hook::show_message();
    let doc = document();
    let msg = doc
        .query_selector("[data-testid=panic-message]")
        .unwrap()
        .expect("message shown");
    assert!(msg.text_content().unwrap_or_default().contains("Reload"));
    let link = msg.query_selector("a").unwrap().expect("reload link");
    assert_eq!(link.get_attribute("href").as_deref(), Some(""));
    msg.remove();
}

#[wasm_bindgen_test]
async fn sliders_tell_screen_readers_the_amount() {
    let app = mount();
    tick().await;
    let slider = find(&app.root, "[data-testid=slider-treasuries]");
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("75% of the fund, $412.5 billion")
    );
    set_value(&app.root, "[data-testid=slider-treasuries]", "80", "input");
    tick().await;
    assert_eq!(
        slider.get_attribute("aria-valuetext").as_deref(),
        Some("80% of the fund, $440 billion")
    );
    let split = find(&app.root, "[data-testid=slider-remainder-split]");
    assert_eq!(
        split.get_attribute("aria-valuetext").as_deref(),
        Some("50% of the rest: 9.25% of the fund, $50.9 billion")
    );
}

#[wasm_bindgen_test]
async fn tracker_shows_with_its_legend_and_the_record_date() {
    let app = mount();
    tick().await;
    show(&app.root, "tracker").await;
    let svg = find(&app.root, "[data-testid=chart-tracker] svg");
    let texts: Vec<String> = {
        let list = svg.query_selector_all("text").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.text_content().unwrap_or_default().trim().to_string())
            .collect()
    };
    for label in [
        fund_charts::charts::tracker::LEGEND_CONFIRMED,
        fund_charts::charts::tracker::LEGEND_REPORTED,
        fund_charts::charts::tracker::LEGEND_PACE,
    ] {
        assert!(
            texts.iter().any(|t| t == label),
            "legend lacks {label}: {texts:?}"
        );
    }
    // Reported money is drawn hatched: a pale fill under diagonal lines, apart from the solid.
    let pale = svg.query_selector_all("rect[opacity=\"0.18\"]").unwrap();
    assert!(pale.length() >= 2, "legend swatch and one hatched area");
    let title = svg.query_selector("title").unwrap().unwrap();
    assert!(title
        .text_content()
        .unwrap_or_default()
        .contains("reported but not confirmed"));
    // Its table and generated description are on the page.
    assert!(text(&app.root, "[data-testid=description-tracker]").contains("$36 billion"));
    assert!(text(&app.root, "[data-testid=table-tracker]").contains("Reported, not confirmed"));
    // The record's date comes from the data.
    let as_of = text(&app.root, "[data-testid=record-as-of]");
    assert_eq!(as_of, japan_fund_explainer::record_view::as_of_line());
    assert!(as_of.contains("8 Oct 2026"), "{as_of}");
}

#[wasm_bindgen_test]
async fn tracker_embeds_alone() {
    let app = mount_at("?embed=tracker");
    tick().await;
    find(
        &app.root,
        "[data-testid=embed-root] [data-testid=chart-tracker] svg",
    );
    assert!(app
        .root
        .query_selector("[data-testid=chart-waffle]")
        .unwrap()
        .is_none());
}
