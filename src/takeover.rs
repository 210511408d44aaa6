//! The browser takes over the prerendered page.
//!
//! The build writes each page's HTML from these same components (`crates/fund-site`), inside
//! `<div id="app" data-prerendered>`. When the WebAssembly starts, the app renders the page for
//! the current URL into a detached element and swaps it in within one task, so nothing paints in
//! between: no empty frame, and at the default state the same pixels. The reader's scroll
//! position, focused element and open disclosures (`<details>`) carry over.

use crate::charts::ChartId;
use leptos::prelude::*;

/// The id of the element that holds the page.
pub const ROOT_ID: &str = "app";

/// What the prerendered root says about the page: the chart of an embed page (`data-embed`).
pub fn embed_of(attr: Option<&str>) -> Option<ChartId> {
    attr.and_then(ChartId::from_slug)
}

/// Renders the page and puts it in place of the prerendered one.
pub fn run() {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::app::Page;
        let doc = document();
        let old = doc.get_element_by_id(ROOT_ID);
        let Some(old) = old else {
            // No prerendered page (a bare index.html): render into <body>.
            leptos::mount::mount_to_body(crate::app::App);
            return;
        };
        let embed = embed_of(old.get_attribute("data-embed").as_deref());
        let home = old
            .get_attribute("data-home")
            .unwrap_or_else(|| "./".into());
        let Ok(fresh) = doc.create_element("div") else {
            return;
        };
        fresh.set_id(ROOT_ID);
        if let Some(e) = embed {
            let _ = fresh.set_attribute("data-embed", e.slug());
        }
        let _ = fresh.set_attribute("data-home", &home);
        let Ok(fresh) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(fresh) else {
            return;
        };
        let query = crate::browser::location_search();
        let handle = leptos::mount::mount_to(fresh.clone(), move || {
            provide_context(Home(home));
            view! { <Page query=query embed=embed/> }
        });
        swap(&old, &fresh);
        handle.forget();
    }
}

/// Where the full explainer is, relative to this page: `./` on the page itself, `../../` on an
/// embed page (`embed/<chart>/`). Provided as context by [`run`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home(pub String);

/// The relative link to the full explainer from this page.
pub fn home() -> String {
    use_context::<Home>()
        .map(|h| h.0)
        .filter(|h| is_safe_home(h))
        .unwrap_or_else(|| "./".into())
}

/// Only the two forms the build writes are used; anything else falls back to `./`.
pub fn is_safe_home(h: &str) -> bool {
    h == "./" || h == "../../"
}

#[cfg(target_arch = "wasm32")]
fn swap(old: &web_sys::Element, fresh: &web_sys::HtmlElement) {
    use wasm_bindgen::JsCast;
    let window = window();
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    // Which element had focus, as its path of child positions from the root (the new page is
    // drawn from the same components, so the same path leads to the same element).
    let focused = document()
        .active_element()
        .filter(|el| old.contains(Some(el)) && el != old)
        .map(|el| path_to(old, &el));
    // Disclosures the reader opened or closed before the app started (boot.js marks them
    // `data-touched`) keep that state; the others take the app's own default for this width.
    let mut details: Vec<(String, bool)> = Vec::new();
    if let Ok(list) = old.query_selector_all("details[data-keep][data-touched]") {
        for i in 0..list.length() {
            if let Some(d) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                if let Some(key) = d.get_attribute("data-keep") {
                    details.push((key, d.open()));
                }
            }
        }
    }
    let _ = old.replace_with_with_node_1(fresh);
    for (key, open) in details {
        let sel = format!("details[data-keep=\"{}\"]", css_ident(&key));
        if let Ok(Some(d)) = fresh.query_selector(&sel) {
            if let Ok(d) = d.dyn_into::<web_sys::HtmlDetailsElement>() {
                if d.open() != open {
                    d.set_open(open);
                }
            }
        }
    }
    if let Some(body) = document().body() {
        let _ = body.remove_attribute("data-prerendered");
    }
    window.scroll_to_with_x_and_y(x, y);
    if let Some((path, tag)) = focused {
        if let Some(el) = follow(fresh, &path).filter(|el| el.tag_name() == tag) {
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = h.focus_with_options(&opts);
            }
        }
    }
}

/// The child positions from `root` down to `el`, and `el`'s tag name.
#[cfg(target_arch = "wasm32")]
fn path_to(root: &web_sys::Element, el: &web_sys::Element) -> (Vec<u32>, String) {
    let mut path = Vec::new();
    let mut cur = el.clone();
    while &cur != root {
        let Some(parent) = cur.parent_element() else {
            break;
        };
        let children = parent.children();
        let mut i = 0;
        while i < children.length() {
            if children.item(i).as_ref() == Some(&cur) {
                break;
            }
            i += 1;
        }
        path.push(i);
        cur = parent;
    }
    path.reverse();
    (path, el.tag_name())
}

/// The element at `path` below `root`, if the new page has one there.
#[cfg(target_arch = "wasm32")]
fn follow(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    let mut cur: web_sys::Element = root.clone();
    for &i in path {
        cur = cur.children().item(i)?;
    }
    Some(cur)
}

/// Keeps only characters that need no escaping in a CSS selector (ids and test ids here are
/// made of these).
pub fn css_ident(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_pages_name_a_known_chart() {
        assert_eq!(embed_of(Some("allocation")), Some(ChartId::Allocation));
        assert_eq!(embed_of(Some("nope")), None);
        assert_eq!(embed_of(None), None);
    }

    #[test]
    fn home_is_one_of_two_forms() {
        assert!(is_safe_home("./") && is_safe_home("../../"));
        assert!(!is_safe_home("javascript:alert(1)") && !is_safe_home("//evil.example/"));
    }

    #[test]
    fn selectors_keep_only_plain_characters() {
        assert_eq!(css_ident("step-1"), "step-1");
        assert_eq!(css_ident("a\"]b{}"), "ab");
    }
}
