//! A panic must not leave a dead page: log it, then show a short message with a reload link.

use fund_core::{msg, Lang};

/// Installs the hook (call once, first thing).
pub fn install(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&info.to_string().into());
        show_message(lang);
    }));
}

/// Puts the message on the page with DOM calls only (text, never HTML). Idempotent.
pub fn show_message(lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic-box").is_some() {
        return;
    }
    let Ok(bx) = doc.create_element("div") else {
        return;
    };
    bx.set_id("panic-box");
    bx.set_class_name("panic-box");
    let _ = bx.set_attribute("role", "alert");
    let _ = bx.set_attribute("data-testid", "panic-message");
    bx.set_text_content(Some(msg::page::panic(lang)));
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", "");
        a.set_text_content(Some(msg::page::reload(lang)));
        let _ = bx.append_child(&a);
    }
    let _ = body.append_child(&bx);
}
