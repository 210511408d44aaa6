//! What the reader does: clicks, slider moves, typed values, keys, Back and Forward, resizing and
//! printing. Listeners are delegated (one per kind of event, on the page), and each hands a plain
//! value to the core or to a signal.

use super::dom::{by_testid, now_ms, q, set_text, target, testid_of, value_of};
use super::{share, App, Dom};
use fund_core::framing::FramingId;
use fund_core::model::Preset;
use fund_core::yields::FlowDirection;
use fund_view::charts::{build_live, render_model, ChartId};
use fund_view::controls::ControlKey;
use fund_view::export::Format;
use fund_view::theme::ThemeChoice;
use reactive_graph::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn listen(target: &web_sys::EventTarget, kind: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(kind, cb.as_ref().unchecked_ref());
    super::keep(cb);
}

/// Installs every listener.
pub fn install(app: App, d: Rc<Dom>) {
    let root: web_sys::EventTarget = d.root.clone().into();
    {
        let d = d.clone();
        listen(&root, "click", move |ev| on_click(app, &d, &ev));
    }
    {
        let d = d.clone();
        listen(&root, "input", move |ev| on_input(app, &d, &ev, false));
    }
    {
        let d = d.clone();
        listen(&root, "change", move |ev| on_input(app, &d, &ev, true));
    }
    // `toggle` does not bubble: one listener per "Show data" disclosure.
    for (k, chart) in d.charts.iter().enumerate() {
        if let Some(details) = chart.data_disclosure() {
            let d = d.clone();
            let (id, lang) = (chart.id, app.lang);
            listen(details, "toggle", move |_| {
                d.charts[k].data_toggled(|| {
                    app.views.with_untracked(|v| {
                        fund_view::charts::build_live(id, &v.current, lang).map(|m| m.table())
                    })
                })
            });
        }
    }
    if let Some(dlg) = d.dialog.as_ref() {
        let el: web_sys::EventTarget = dlg.element().clone().into();
        {
            let d = d.clone();
            listen(&el, "click", move |ev| on_dialog_click(app, &d, &ev));
        }
        {
            let d = d.clone();
            listen(&el, "change", move |_| refill_dialog(app, &d));
        }
        {
            let d = d.clone();
            listen(&el, "close", move |_| {
                if let Some(dlg) = d.dialog.as_ref() {
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
        let d = d.clone();
        listen(&win, "keydown", move |ev| on_key(app, &d, &ev));
    }
    listen(&win, "popstate", move |_| {
        let (state, _) = fund_view::url::read_page(&super::browser::location_search(), app.embed);
        let step = state.step();
        app.theme_choice.set(state.theme());
        app.model.set(state.into_model());
        if app.step.get_untracked() != step && app.embed.is_none() {
            app.step.set(step);
            app.chart_override.set(None);
        }
    });
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
        let d = d.clone();
        listen(&win, "message", move |ev| {
            if let (Some(dlg), Some(m)) = (d.dialog.as_ref(), ev.dyn_ref::<web_sys::MessageEvent>())
            {
                dlg.on_message(m);
            }
        });
    }
    if let Some(q) = super::browser::dark_query() {
        let qt: web_sys::EventTarget = q.into();
        listen(&qt, "change", move |_| {
            app.system_dark.set(super::browser::prefers_dark())
        });
    }
}

fn chart_of(el: &Element) -> Option<ChartId> {
    let fig = el.closest("figure[data-chart]").ok().flatten()?;
    ChartId::from_slug(&fig.get_attribute("data-chart")?)
}

fn on_click(app: App, d: &Rc<Dom>, ev: &web_sys::Event) {
    let Some(t) = target(ev) else { return };
    // Downloads: the prerendered files hold the default numbers; a live chart's file is made now.
    if let Some(a) = t.closest("a[data-format]").ok().flatten() {
        let Some(id) = chart_of(&a).filter(|c| c.is_live()) else {
            return;
        };
        let format = match a.get_attribute("data-format").as_deref() {
            Some("svg") => Format::Svg,
            Some("png") => Format::Png,
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => return,
        };
        ev.prevent_default();
        let (layout, theme) = (app.layout.get_untracked(), app.theme.get_untracked());
        app.views.with_untracked(|v| {
            if let Some(model) = build_live(id, &v.current, app.lang) {
                let chart = render_model(id, &model, layout, theme, app.lang);
                share::download(&d.root, format, &chart, &v.current, app.lang);
            }
        });
        return;
    }
    let Some((el, id)) = testid_of(&t) else {
        return;
    };
    if el.has_attribute("disabled") {
        return;
    }
    match id.as_str() {
        "framing-article" => {
            let _ = app.update(|m| m.set_framing(FramingId::Article).map_err(|e| e.to_string()));
        }
        "framing-record" => {
            let _ = app.update(|m| m.set_framing(FramingId::Record).map_err(|e| e.to_string()));
        }
        "theme-auto" => app.theme_choice.set(ThemeChoice::Auto),
        "theme-light" => app.theme_choice.set(ThemeChoice::Light),
        "theme-dark" => app.theme_choice.set(ThemeChoice::Dark),
        "preset-low" | "preset-mid" | "preset-high" => {
            let p = match id.as_str() {
                "preset-low" => Preset::Low,
                "preset-mid" => Preset::Mid,
                _ => Preset::High,
            };
            let _ = app.update(|m| m.apply_preset(p).map_err(|e| e.to_string()));
            clear_errors(d);
        }
        "preset-reset" => {
            // Back to the page's own defaults (an embed's start in the record's framing).
            let embed = app.embed;
            app.model
                .update(|m| *m = fund_view::url::default_model(embed));
            clear_errors(d);
        }
        "step-prev" => move_step(app, d, -1),
        "step-next" => move_step(app, d, 1),
        "flow-buying" => {
            let _ = app.update(|m| {
                m.set_flow_direction(FlowDirection::Buying)
                    .map_err(|e| e.to_string())
            });
        }
        "flow-selling" => {
            let _ = app.update(|m| {
                m.set_flow_direction(FlowDirection::Selling)
                    .map_err(|e| e.to_string())
            });
        }
        "timeline-prev" => app.timeline.update(|c| *c = c.saturating_sub(1)),
        "timeline-next" => app.timeline.update(|c| *c += 1),
        "notice-dismiss" => {
            if let Some(n) = by_testid(&d.root, "notice-params") {
                let _ = n.set_attribute("hidden", "");
            }
        }
        other => {
            if let Some(slug) = other.strip_prefix("tab-") {
                if let Some(c) = ChartId::from_slug(slug) {
                    app.chart_override.set(Some(c));
                }
            } else if let Some(slug) = other.strip_prefix("embed-") {
                open_dialog(app, d, slug, &el);
            } else if let Some(slug) = other.strip_prefix("cite-copy-") {
                let text = by_testid(&d.root, &format!("cite-text-{slug}"));
                let status = el.parent_element().and_then(|p| q(&p, ".copy-status"));
                let value = text.as_ref().map(value_of).unwrap_or_default();
                share::copy_text(value, text, status, app.lang);
            } else if let Some(slug) = other.strip_prefix("cite-") {
                if let Some(c) = ChartId::from_slug(slug) {
                    let caption = by_testid(&d.root, &format!("chart-{slug}"))
                        .and_then(|f| q(&f, ".caption"))
                        .and_then(|c| c.text_content())
                        .unwrap_or_default();
                    share::toggle_cite(&d.root, c, &caption, app.lang);
                }
            } else if let Some(i) = timeline_index(d, other) {
                app.timeline.set(i);
            }
        }
    }
}

fn timeline_index(d: &Dom, testid: &str) -> Option<usize> {
    let id = testid.strip_prefix("timeline-")?;
    let items = super::dom::q_all(
        &d.root,
        "[data-testid=\"timeline\"] li[data-testid^=\"timeline-\"]",
    );
    items.iter().position(|li| {
        li.get_attribute("data-testid").as_deref() == Some(&format!("timeline-{id}"))
    })
}

fn clear_errors(d: &Dom) {
    for e in super::dom::q_all(&d.root, ".control[data-refused]") {
        let _ = e.remove_attribute("data-refused");
    }
    for e in super::dom::q_all(&d.root, ".control .error") {
        set_text(&e, "");
    }
    for e in super::dom::q_all(&d.root, ".control input[aria-invalid=\"true\"]") {
        let _ = e.set_attribute("aria-invalid", "false");
    }
}

/// A slider moved (`input`) or a box was committed (`change`): the value goes through the core;
/// a refusal is shown beside the control and the box gets the last good value back.
fn on_input(app: App, d: &Rc<Dom>, ev: &web_sys::Event, committed: bool) {
    // Few calls into the DOM: this runs on every step of a drag.
    let Some(t) = target(ev) else { return };
    let Some(input) = t.dyn_ref::<web_sys::HtmlInputElement>() else {
        return;
    };
    let kind = input.type_();
    if kind == "checkbox" {
        if committed && t.get_attribute("data-testid").as_deref() == Some("toggle-flow-follow") {
            let on = input.checked();
            let _ = app.update(|m| m.set_flow_follows_treasuries(on).map_err(|e| e.to_string()));
        }
        return;
    }
    let Some(control) = t.closest(".control[data-control]").ok().flatten() else {
        return;
    };
    let Some(key) = control
        .get_attribute("data-control")
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
            if control.has_attribute("data-refused") {
                let _ = control.remove_attribute("data-refused");
                if let Some(e) = q(&control, ".error") {
                    set_text(&e, "");
                }
                for i in super::dom::q_all(&control, "input[aria-invalid=\"true\"]") {
                    let _ = i.set_attribute("aria-invalid", "false");
                }
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
            if let Some(e) = q(&control, ".error") {
                set_text(&e, &msg);
            }
            let _ = control.set_attribute("data-refused", "");
            let _ = t.set_attribute("aria-invalid", "true");
            let c = app.model.with_untracked(|m| {
                app.views
                    .with_untracked(|v| fund_view::controls::control_state(key, m, v, lang))
            });
            super::dom::set_value(&t, &fund_core::format::number(c.value).replace('−', "-"));
        }
    }
    let _ = d;
}

/// Left/Right arrow keys move between steps, unless the reader is typing or using a control.
fn on_key(app: App, d: &Rc<Dom>, ev: &web_sys::Event) {
    let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    if d.steps.is_empty()
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
            move_step(app, d, 1);
        }
        "ArrowLeft" => {
            k.prevent_default();
            move_step(app, d, -1);
        }
        _ => {}
    }
}

/// Moves one step forward (`+1`) or back (`-1`) and brings it into view.
pub fn move_step(app: App, d: &Rc<Dom>, delta: isize) {
    let n = d.steps.len();
    let cur = app.step.get_untracked();
    let next = cur.saturating_add_signed(delta).min(n.saturating_sub(1));
    if next != cur {
        app.step.set(next);
        app.chart_override.set(None);
        scroll_to_step(d, next, true);
    }
}

/// Brings step `i` into view at once (and gives it focus, when the reader moved there). Steps
/// the jump passes over do not become current.
pub fn scroll_to_step(d: &Dom, i: usize, focus: bool) {
    let Some(el) = d.steps.get(i) else { return };
    d.quiet_until.set(now_ms() + 400.0);
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if focus {
        super::dom::focus(el);
    }
}

/// Watches which step crosses the reading line and makes it current.
pub fn observe_steps(app: App, d: Rc<Dom>) {
    let ids: Vec<String> = d.steps.iter().map(|s| s.id()).collect();
    let quiet = d.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if quiet.quiet_until.get() > now_ms() {
            return;
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
    for s in &d.steps {
        observer.observe(s);
    }
    super::keep(observer);
    super::keep(cb);
}

/// The explainer's root URL (where `index.html` of the English page is), from the page's own.
fn site_root(d: &Dom) -> String {
    let rel = d
        .root
        .get_attribute("data-root")
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

fn open_dialog(app: App, d: &Rc<Dom>, slug: &str, opener: &Element) {
    let (Some(dlg), Some(id)) = (d.dialog.as_ref(), ChartId::from_slug(slug)) else {
        return;
    };
    dlg.open(
        id,
        opener.clone(),
        app.theme_choice.get_untracked(),
        app.lang,
    );
    refill_dialog(app, d);
}

fn refill_dialog(app: App, d: &Rc<Dom>) {
    let Some(dlg) = d.dialog.as_ref() else { return };
    let Some((id, _)) = dlg.open_for.borrow().clone() else {
        return;
    };
    let root = site_root(d);
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
            let caption = by_testid(&d.root, &format!("chart-{}", id.slug()))
                .and_then(|f| q(&f, ".caption"))
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

fn on_dialog_click(app: App, d: &Rc<Dom>, ev: &web_sys::Event) {
    let Some(dlg) = d.dialog.as_ref() else { return };
    let Some(t) = target(ev) else { return };
    let Some((_, id)) = testid_of(&t) else { return };
    let status = by_testid(dlg.element(), "embed-status");
    let copy = |testid: &str| {
        let field = by_testid(dlg.element(), testid);
        let text = field.as_ref().map(value_of).unwrap_or_default();
        share::copy_text(text, field, status.clone(), app.lang);
    };
    match id.as_str() {
        "embed-copy" => copy("embed-snippet"),
        "embed-copy-pym" => copy("embed-snippet-pym"),
        "embed-copy-amp" => copy("embed-snippet-amp"),
        "embed-copy-script" => copy("embed-snippet-script"),
        "embed-close" => dlg.close(),
        _ => {}
    }
}
