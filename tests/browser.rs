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
    let waffle_before = find(&app.root, "[data-testid=chart-waffle] svg").outer_html();
    let button: web_sys::HtmlElement =
        find(&app.root, "[data-testid=framing-record]").unchecked_into();
    button.click();
    tick().await;
    assert!(text(&app.root, "[data-testid=table-allocation]")
        .to_lowercase()
        .contains("loan"));
    assert_ne!(
        find(&app.root, "[data-testid=chart-waffle] svg").outer_html(),
        waffle_before
    );
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
