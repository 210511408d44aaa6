//! Small DOM helpers: find elements by their hooks, and change text and attributes only when
//! they differ (so screen readers and the browser's layout are not disturbed for nothing).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The page's document, if there is a window.
pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The first element matching `selector` under `root`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element matching `selector` under `root`.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let mut out = Vec::new();
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push(e);
            }
        }
    }
    out
}

/// The element with test id `id` (see `fund_view::hooks::testid`) under `root`.
pub fn by_testid(root: &Element, id: &str) -> Option<Element> {
    find(root, &fund_view::hooks::by_testid(id))
}

/// An element whose text (or one attribute) the page keeps in step, remembering what it last wrote
/// so that an update compares in Rust instead of reading the DOM back (reading text out of the
/// DOM crosses into JavaScript and decodes a string: on every slider step, for every figure).
pub struct Slot {
    el: Element,
    attr: Option<&'static str>,
    last: std::cell::RefCell<Last>,
}

/// What a [`Slot`] last wrote.
#[derive(Default)]
enum Last {
    /// Nothing yet: the element itself is compared.
    #[default]
    Unknown,
    /// The attribute was removed.
    Absent,
    /// This value.
    Is(String),
}

impl Slot {
    /// `el`'s text.
    pub fn text(el: Element) -> Slot {
        Slot {
            el,
            attr: None,
            last: Default::default(),
        }
    }

    /// `el`'s attribute `name`.
    pub fn attr(el: Element, name: &'static str) -> Slot {
        Slot {
            el,
            attr: Some(name),
            last: Default::default(),
        }
    }

    /// Writes `value` (as text, never markup) unless it is what is there: the first time the
    /// element itself is compared (the prerendered page may already hold it), then the last value
    /// written.
    pub fn set(&self, value: &str) {
        let mut last = self.last.borrow_mut();
        match &*last {
            Last::Is(v) if v == value => return,
            Last::Is(_) | Last::Absent => self.write(value),
            Last::Unknown => match self.attr {
                None => set_text(&self.el, value),
                Some(name) => set_attr(&self.el, name, value),
            },
        }
        *last = Last::Is(value.to_string());
    }

    /// Notes that the element already shows `value` (the prerendered page was checked to hold
    /// it), so the next [`Slot::set`] compares with it instead of reading the DOM.
    pub fn assume(&self, value: &str) {
        *self.last.borrow_mut() = Last::Is(value.to_string());
    }

    /// Writes `value`, or for `None` removes the attribute (empties the text).
    pub fn set_opt(&self, value: Option<&str>) {
        let Some(name) = self.attr else {
            return self.set(value.unwrap_or_default());
        };
        match value {
            Some(v) => self.set(v),
            None => {
                let mut last = self.last.borrow_mut();
                match &*last {
                    Last::Absent => {}
                    Last::Is(_) => {
                        let _ = self.el.remove_attribute(name);
                    }
                    Last::Unknown => set_opt_attr(&self.el, name, None),
                }
                *last = Last::Absent;
            }
        }
    }

    fn write(&self, value: &str) {
        match self.attr {
            None => self.el.set_text_content(Some(value)),
            Some(name) => {
                let _ = self.el.set_attribute(name, value);
            }
        }
    }
}

/// A boolean attribute (`hidden`, `disabled`) of one element, remembered like a [`Slot`]: the
/// DOM is asked once, then only written when the state changes.
pub struct Flag {
    el: Element,
    name: &'static str,
    last: std::cell::Cell<Option<bool>>,
}

impl Flag {
    /// `el`'s boolean attribute `name`.
    pub fn new(el: Element, name: &'static str) -> Flag {
        Flag {
            el,
            name,
            last: Default::default(),
        }
    }

    /// Adds (`on`) or removes the attribute, unless it is already so.
    pub fn set(&self, on: bool) {
        if self.last.get() != Some(on) {
            set_flag(&self.el, self.name, on);
            self.last.set(Some(on));
        }
    }
}

/// Sets `el`'s text (as text, never markup) if it differs.
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Sets attribute `name` if it differs.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Adds or removes boolean attribute `name` (e.g. `hidden`, `disabled`).
pub fn set_flag(el: &Element, name: &str, on: bool) {
    if el.has_attribute(name) != on {
        if on {
            let _ = el.set_attribute(name, "");
        } else {
            let _ = el.remove_attribute(name);
        }
    }
}

/// Sets or removes attribute `name`.
pub fn set_opt_attr(el: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(v) => set_attr(el, name, v),
        None => {
            if el.has_attribute(name) {
                let _ = el.remove_attribute(name);
            }
        }
    }
}

/// The element as an `HtmlElement`, if it is one.
pub fn html(el: &Element) -> Option<HtmlElement> {
    el.clone().dyn_into::<HtmlElement>().ok()
}

/// Focuses `el` without scrolling.
pub fn focus(el: &Element) {
    if let Some(h) = html(el) {
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = h.focus_with_options(&opts);
    }
}

/// The `value` of an input, select or textarea.
pub fn value_of(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    String::new()
}

/// Sets the `value` property of an input, select or textarea (not the attribute) if it differs.
pub fn set_value(el: &Element, v: &str) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if i.value() != v {
            i.set_value(v);
        }
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        if s.value() != v {
            s.set_value(v);
        }
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if t.value() != v {
            t.set_value(v);
        }
    }
}

/// The target of an event, as an element.
pub fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

/// `performance.now()`, in ms.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
