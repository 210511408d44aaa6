//! What the reader does: clicks, slider moves, typed values, keys, Back and Forward, resizing and
//! printing. Listeners are delegated (one per kind of event, on the page), and each hands a plain
//! value to the core or to a signal.

use super::dom::{by_testid, find, find_all, now_ms, set_text, target, value_of};
use super::{share, PageElements, ReaderState};
use fund_view::charts::{build_live, render_model, ChartId};
use fund_view::controls::ControlKey;
use fund_view::export::Format;
use fund_view::hooks::{self, attr, class, testid, Action};
use reactive_graph::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn listen(target: &web_sys::EventTarget, kind: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    super::keep_alive(cb);
}

/// Installs every listener.
pub fn install(app: ReaderState, page: Rc<PageElements>) {
    let root: web_sys::EventTarget = page.root.clone().into();
    {
        let page = page.clone();
        listen(&root, "click", move |ev| on_click(app, &page, &ev));
    }
    listen(&root, "input", move |ev| on_input(app, &ev, false));
    listen(&root, "change", move |ev| on_input(app, &ev, true));
    // `toggle` does not bubble: one listener per "Show data" disclosure.
    for (k, chart) in page.charts.iter().enumerate() {
        if let Some(details) = chart.data_disclosure() {
            let page = page.clone();
            let (id, lang) = (chart.id, app.lang);
            listen(details, "toggle", move |_| {
                page.charts[k].data_toggled(|| {
                    app.views.with_untracked(|v| {
                        fund_view::charts::build_live(id, &v.current, lang).map(|m| m.table())
                    })
                })
            });
        }
    }
    if let Some(dlg) = page.dialog.as_ref() {
        let el: web_sys::EventTarget = dlg.element().clone().into();
        {
            let page = page.clone();
            listen(&el, "click", move |ev| on_dialog_click(app, &page, &ev));
        }
        {
            let page = page.clone();
            listen(&el, "change", move |_| refill_dialog(app, &page));
        }
        {
            let page = page.clone();
            listen(&el, "close", move |_| {
                if let Some(dlg) = page.dialog.as_ref() {
                    dlg.closed();
                }
            });
        }
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let win: web_sys::EventTarget = window.clone().into();
    {
        let page = page.clone();
        listen(&win, "keydown", move |ev| on_key(app, &page, &ev));
    }
    {
        let page = page.clone();
        listen(&win, "popstate", move |_| {
            let (state, _) =
                fund_view::url::read_page(&super::browser::location_search(), app.embed);
            let step = state.step();
            app.theme_choice.set(state.theme());
            app.model.set(state.into_model());
            if app.step.get_untracked() != step && app.embed.is_none() {
                // The browser puts the scroll back where this entry had it: the observer's
                // reports of that are a jump to the entry's step, as when the page scrolls itself.
                page.step_jump.set(Some((step, now_ms() + STEP_JUMP_MS)));
                app.step.set(step);
                app.chart_override.set(None);
            }
        });
    }
    listen(&win, "resize", move |_| {
        let w =
            fund_view::layout::layout_for(super::browser::viewport_width(), app.embed.is_some());
        if app.layout.get_untracked() != w {
            app.layout.set(w);
        }
    });
    listen(&win, "beforeprint", move |_| app.printing.set(true));
    listen(&win, "afterprint", move |_| app.printing.set(false));
    {
        let page = page.clone();
        listen(&win, "message", move |ev| {
            if let (Some(dlg), Some(m)) =
                (page.dialog.as_ref(), ev.dyn_ref::<web_sys::MessageEvent>())
            {
                dlg.on_message(m);
            }
        });
    }
    if let Some(dark) = super::browser::dark_query() {
        let dark: web_sys::EventTarget = dark.into();
        listen(&dark, "change", move |_| {
            app.system_dark.set(super::browser::prefers_dark())
        });
    }
}

/// The action asked for by the nearest element at or above `el` that carries one.
fn action_of(el: &Element) -> Option<(Element, Action)> {
    let hit = el.closest(&hooks::has(attr::ACTION)).ok().flatten()?;
    let action = Action::parse(&hit.get_attribute(attr::ACTION)?)?;
    Some((hit, action))
}

fn on_click(app: ReaderState, page: &Rc<PageElements>, ev: &web_sys::Event) {
    let Some(t) = target(ev) else { return };
    let Some((el, action)) = action_of(&t) else {
        return;
    };
    if el.has_attribute("disabled") {
        return;
    }
    let refused = match action {
        Action::Framing(f) => app.update(|m| m.set_framing(f).map_err(|e| e.to_string())),
        Action::Theme(t) => {
            app.theme_choice.set(t);
            Ok(())
        }
        Action::Preset(p) => {
            let done = app.update(|m| m.apply_preset(p).map_err(|e| e.to_string()));
            clear_errors(page);
            done
        }
        Action::Reset => {
            // Back to the page's own defaults (an embed's start in the record's framing).
            let embed = app.embed;
            app.model
                .update(|m| *m = fund_view::url::default_model(embed));
            clear_errors(page);
            Ok(())
        }
        Action::PrevStep => {
            move_step(app, page, -1);
            Ok(())
        }
        Action::NextStep => {
            move_step(app, page, 1);
            Ok(())
        }
        Action::Tab(c) => {
            app.chart_override.set(Some(c));
            Ok(())
        }
        Action::Flow(dir) => app.update(|m| m.set_flow_direction(dir).map_err(|e| e.to_string())),
        // The check box answers on `change` (`on_input`).
        Action::FlowFollow => Ok(()),
        Action::PrevEntry => {
            app.timeline.update(|c| *c = c.saturating_sub(1));
            Ok(())
        }
        Action::NextEntry => {
            app.timeline.update(|c| *c += 1);
            Ok(())
        }
        Action::Entry(i) => {
            app.timeline.set(i);
            Ok(())
        }
        Action::DismissNotice => {
            if let Some(n) = by_testid(&page.root, testid::NOTICE_PARAMS) {
                let _ = n.set_attribute("hidden", "");
            }
            Ok(())
        }
        Action::Download(id, format) => {
            // The prerendered files hold the default numbers; a live chart's file is made now
            // (the tracker's link is followed as it is).
            if id.is_live() {
                ev.prevent_default();
                download(app, page, id, format);
            }
            Ok(())
        }
        Action::Embed(id) => {
            open_dialog(app, page, id, &el);
            Ok(())
        }
        Action::Cite(id) => {
            let caption = by_testid(&page.root, &testid::chart(id))
                .and_then(|f| find(&f, &hooks::dot(class::CAPTION)))
                .and_then(|c| c.text_content())
                .unwrap_or_default();
            share::toggle_cite(&page.root, id, &caption, app.lang);
            Ok(())
        }
        Action::CopyCitation(id) => {
            let text = by_testid(&page.root, &testid::cite_text(id));
            let status = el
                .parent_element()
                .and_then(|p| find(&p, &hooks::dot(class::COPY_STATUS)));
            let value = text.as_ref().map(value_of).unwrap_or_default();
            share::copy_text(value, text, status, app.lang);
            Ok(())
        }
        // The dialog's own listener handles these.
        Action::CopySnippet(_) | Action::CloseDialog => Ok(()),
    };
    // The buttons offer valid values only; should the core still refuse one, the model is kept
    // as it was and the refusal goes to the console, not nowhere.
    if let Err(e) = refused {
        web_sys::console::warn_1(&e.into());
    }
}

/// Saves chart `id` as a file in `format`, drawn with the reader's numbers.
fn download(app: ReaderState, page: &PageElements, id: ChartId, format: Format) {
    let (layout, theme) = (app.layout.get_untracked(), app.theme.get_untracked());
    app.views.with_untracked(|v| {
        if let Some(model) = build_live(id, &v.current, app.lang) {
            let chart = render_model(id, &model, layout, theme, app.lang);
            share::download(&page.root, format, &chart, &v.current, app.lang);
        }
    });
}

/// Takes every control's refusal away (after a preset or a reset set valid values everywhere).
fn clear_errors(page: &PageElements) {
    for control in find_all(&page.root, &hooks::has(attr::REFUSED)) {
        clear_refusal(&control);
    }
}

/// Takes a control's refusal away: its flag, its message and its inputs' `aria-invalid`.
fn clear_refusal(control: &Element) {
    let _ = control.remove_attribute(attr::REFUSED);
    if let Some(e) = find(control, &hooks::dot(class::ERROR)) {
        set_text(&e, "");
    }
    for i in find_all(control, "input[aria-invalid=\"true\"]") {
        let _ = i.set_attribute("aria-invalid", "false");
    }
}

/// A slider moved (`input`) or a box was committed (`change`): the value goes through the core;
/// a refusal is shown beside the control and the box gets the last good value back.
fn on_input(app: ReaderState, ev: &web_sys::Event, committed: bool) {
    // Few calls into the DOM: this runs on every step of a drag.
    let Some(t) = target(ev) else { return };
    let Some(input) = t.dyn_ref::<web_sys::HtmlInputElement>() else {
        return;
    };
    let kind = input.type_();
    if kind == "checkbox" {
        let action = t
            .get_attribute(attr::ACTION)
            .and_then(|a| Action::parse(&a));
        if committed && action == Some(Action::FlowFollow) {
            let on = input.checked();
            let _ = app.update(|m| m.set_flow_follows_treasuries(on).map_err(|e| e.to_string()));
        }
        return;
    }
    let Some(control) = t.closest(&hooks::has(attr::CONTROL)).ok().flatten() else {
        return;
    };
    let Some(key) = control
        .get_attribute(attr::CONTROL)
        .and_then(|s| ControlKey::from_slug(&s))
    else {
        return;
    };
    // Sliders apply as they move; boxes when committed (Enter, Tab or leaving the box).
    let is_slider = kind == "range";
    if !is_slider && !committed {
        return;
    }
    let lang = app.lang;
    let text = value_of(&t);
    let result = fund_view::input::parse_decimal(&text, lang).and_then(|v| app.apply(key, v));
    match result {
        Ok(()) => {
            // A refusal shown earlier (on this control's slider or box) goes; the usual step of
            // a drag asks the DOM one question here.
            if control.has_attribute(attr::REFUSED) {
                clear_refusal(&control);
            }
            if !is_slider {
                // The effect skipped the box while it had focus; show the value as the core keeps it.
                let c = app.model.with_untracked(|m| {
                    app.views
                        .with_untracked(|v| fund_view::controls::control_state(key, m, v, lang))
                });
                super::dom::set_value(&t, &fund_core::format::number(c.value).replace('−', "-"));
            }
        }
        Err(msg) => {
            if let Some(e) = find(&control, &hooks::dot(class::ERROR)) {
                set_text(&e, &msg);
            }
            let _ = control.set_attribute(attr::REFUSED, "");
            let _ = t.set_attribute("aria-invalid", "true");
            let c = app.model.with_untracked(|m| {
                app.views
                    .with_untracked(|v| fund_view::controls::control_state(key, m, v, lang))
            });
            super::dom::set_value(&t, &fund_core::format::number(c.value).replace('−', "-"));
        }
    }
}

/// Left/Right arrow keys move between steps, unless the reader is typing or using a control.
fn on_key(app: ReaderState, page: &Rc<PageElements>, ev: &web_sys::Event) {
    let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if page.steps.is_empty()
        || k.alt_key()
        || k.ctrl_key()
        || k.meta_key()
        || k.shift_key()
        || k.default_prevented()
    {
        return;
    }
    let in_control = target(ev)
        .map(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            matches!(tag.as_str(), "input" | "textarea" | "select" | "summary")
                || el
                    .closest("[contenteditable], dialog")
                    .ok()
                    .flatten()
                    .is_some()
        })
        .unwrap_or(false);
    if in_control {
        return;
    }
    match k.key().as_str() {
        "ArrowRight" => {
            k.prevent_default();
            move_step(app, page, 1);
        }
        "ArrowLeft" => {
            k.prevent_default();
            move_step(app, page, -1);
        }
        _ => {}
    }
}

/// Moves one step forward (`+1`) or back (`-1`) and brings it into view.
pub fn move_step(app: ReaderState, page: &Rc<PageElements>, delta: isize) {
    let n = page.steps.len();
    let cur = app.step.get_untracked();
    let next = cur.saturating_add_signed(delta).min(n.saturating_sub(1));
    if next != cur {
        app.step.set(next);
        app.chart_override.set(None);
        scroll_to_step(page, next, true);
    }
}

/// Brings step `i` into view at once (and gives it focus, when the reader moved there). Steps
/// the jump passes over do not become current.
pub fn scroll_to_step(page: &PageElements, i: usize, focus: bool) {
    let Some(el) = page.steps.get(i) else { return };
    page.step_jump.set(Some((i, now_ms() + STEP_JUMP_MS)));
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if focus {
        super::dom::focus(el);
    }
}

/// How long the step observer's reports may belong to a jump at most (ms). The jump usually ends
/// sooner, at the observer's first report of the step jumped to; a timer alone (400 ms, before)
/// could run out before a busy page's observer reported, and that report then moved the step.
const STEP_JUMP_MS: f64 = 1500.0;

/// Watches which step crosses the reading line and makes it current.
pub fn observe_steps(app: ReaderState, page: Rc<PageElements>) {
    let ids: Vec<String> = page.steps.iter().map(|s| s.id()).collect();
    let quiet = page.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some((target, deadline)) = quiet.step_jump.get() {
            if now_ms() <= deadline {
                // Reports during a jump are the jump's: it ends when the step jumped to reaches
                // the reading line (that report too is the jump's).
                let landed = entries.iter().any(|e| {
                    e.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| {
                            e.is_intersecting()
                                && ids.get(target).is_some_and(|id| *id == e.target().id())
                        })
                });
                if landed {
                    quiet.step_jump.set(None);
                }
                return;
            }
            quiet.step_jump.set(None);
        }
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                continue;
            };
            if !entry.is_intersecting() {
                continue;
            }
            let id = entry.target().id();
            if let Some(i) = ids.iter().position(|s| *s == id) {
                if app.step.get_untracked() != i {
                    app.step.set(i);
                    app.chart_override.set(None);
                }
            }
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("-55% 0px -40% 0px");
    let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts)
    else {
        return;
    };
    for s in &page.steps {
        observer.observe(s);
    }
    super::keep_alive(observer);
    super::keep_alive(cb);
}

/// The explainer's root URL (where `index.html` of the English page is), from the page's own.
fn site_root(page: &PageElements) -> String {
    let rel = page
        .root
        .get_attribute(attr::ROOT)
        .unwrap_or_else(|| "./".into());
    let href = share::current_href();
    web_sys::Url::new_with_base(&rel, &href)
        .map(|u| {
            u.set_search("");
            u.set_hash("");
            u.href()
        })
        .unwrap_or_default()
}

fn open_dialog(app: ReaderState, page: &Rc<PageElements>, id: ChartId, opener: &Element) {
    let Some(dlg) = page.dialog.as_ref() else {
        return;
    };
    dlg.open(
        id,
        opener.clone(),
        app.theme_choice.get_untracked(),
        app.lang,
    );
    refill_dialog(app, page);
}

fn refill_dialog(app: ReaderState, page: &Rc<PageElements>) {
    let Some(dlg) = page.dialog.as_ref() else {
        return;
    };
    let Some((id, _)) = dlg.open_for.borrow().clone() else {
        return;
    };
    let root = site_root(page);
    let options = dlg.options();
    let mut model = app.model.get_untracked();
    let url = fund_view::export::embed_url(&root, id, &model, options);
    // The caption and height in the embed's language and framing: from a live chart's model
    // (banner included); the tracker's (which follows the record, not the reader) is the page's.
    let _ = model.set_framing(options.framing);
    let built = build_live(id, &model.derive(), options.lang);
    let (caption, height) = match built {
        Some(m) => (
            m.text(options.lang).caption,
            m.height(fund_view::layout::WIDE_LAYOUT),
        ),
        None => {
            let caption = by_testid(&page.root, &testid::chart(id))
                .and_then(|f| find(&f, &hooks::dot(class::CAPTION)))
                .and_then(|c| c.text_content())
                .unwrap_or_default();
            (caption, 400)
        }
    };
    // The script embed's image shows the embed page's default state (prerendered at build time),
    // so its alt text describes that state, not the reader's.
    let defaults = fund_view::views::Views::of(&fund_view::url::default_model(Some(id)));
    let alt = build_live(id, &defaults.current, options.lang)
        .map(|m| m.chart().text().description.clone())
        .unwrap_or_else(|| caption.clone());
    dlg.fill(id, &url, &root, &caption, &alt, height, app.lang);
}

fn on_dialog_click(app: ReaderState, page: &Rc<PageElements>, ev: &web_sys::Event) {
    let Some(dialog) = page.dialog.as_ref() else {
        return;
    };
    let Some(t) = target(ev) else { return };
    let Some((_, action)) = action_of(&t) else {
        return;
    };
    match action {
        Action::CopySnippet(snippet) => {
            let status = by_testid(dialog.element(), testid::EMBED_STATUS);
            let field = by_testid(dialog.element(), snippet.field_testid());
            let text = field.as_ref().map(value_of).unwrap_or_default();
            share::copy_text(text, field, status, app.lang);
        }
        Action::CloseDialog => dialog.close(),
        _ => {}
    }
}
