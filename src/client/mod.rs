//! The page in the browser. The prerendered page is complete; this takes it over: it reads the
//! reader's state from the URL, enables the controls, and from then on keeps every chart, table,
//! number and sentence in step with the reader's model.
//!
//! The state is a handful of Leptos signals (`ReaderState`); one [`Memo`] derives the [`Views`] that
//! every chart, table and sentence reads, and each chart has its own memo of its figures, so a
//! chart whose figures did not change is not redrawn. Effects connect these to the page's
//! elements through plain functions of plain types ([`fund_view::charts`], [`fund_view::controls`],
//! [`fund_view::live`], [`fund_view::record_view`], [`fund_view::fingerprint`]), which are tested natively.
//! Nothing is rebuilt: text and attributes are set where they differ, chart marks are patched in
//! place, so focus, scroll position and open disclosures stay as they are.

mod browser;
mod chartview;
mod dom;
mod embedmsg;
mod events;
mod panic_hook;
mod share;

pub use share::{set_download_hook, DownloadHook};

use chartview::ChartDom;
use dom::{by_testid, find, find_all, set_attr, set_flag, set_text, set_value, Flag, Slot};
use fund_charts::Theme;
use fund_content::LiveKey;
use fund_core::framing::{builtin, FramingId};
use fund_core::model::Model;
use fund_core::params::ControlsParam;
use fund_core::yields::FlowDirection;
use fund_core::Lang;
use fund_view::charts::{build_live, ChartId, ChartModel};
use fund_view::controls::{control_state, control_text, ControlKey};
use fund_view::hooks::{self, attr, class, testid};
use fund_view::theme::ThemeChoice;
use fund_view::url::LinkState;
use fund_view::views::Views;
use reactive_graph::computed::Memo;
use reactive_graph::effect::RenderEffect;
use reactive_graph::owner::Owner;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The reader's state, as signals (not a component: the page's markup is `fund-page`'s).
#[derive(Clone, Copy)]
pub(crate) struct ReaderState {
    /// The page's language.
    pub lang: Lang,
    /// The chart of an embed page.
    pub embed: Option<ChartId>,
    /// An embed's controls setting, as the URL gave it.
    pub controls: Option<ControlsParam>,
    /// The reader's model.
    pub model: RwSignal<Model>,
    /// Everything derived from it: the one memo every chart, table and sentence reads.
    pub views: Memo<Views>,
    /// The walkthrough step, from 0.
    pub step: RwSignal<usize>,
    /// A chart tab the reader picked, until the step changes.
    pub chart_override: RwSignal<Option<ChartId>>,
    /// The theme asked for.
    pub theme_choice: RwSignal<ThemeChoice>,
    /// Whether the system prefers dark.
    pub system_dark: RwSignal<bool>,
    /// Whether the page is being printed (charts then draw light).
    pub printing: RwSignal<bool>,
    /// The theme charts are drawn in.
    pub theme: Memo<Theme>,
    /// The chart layout width.
    pub layout: RwSignal<u32>,
    /// The timeline's current entry.
    pub timeline: RwSignal<usize>,
    /// The framing shown (a memo of the model's, so what depends only on it does not rerun on
    /// every number).
    pub framing: Memo<FramingId>,
    /// Bumped when the reader pauses (the URL is written then): what only links need follows it.
    pub settled: RwSignal<u32>,
}

impl ReaderState {
    /// Applies a change the core validates; the refusal, in the page's language, if any.
    pub fn update(&self, f: impl FnOnce(&mut Model) -> Result<(), String>) -> Result<(), String> {
        let mut candidate = self.model.get_untracked();
        f(&mut candidate)?;
        self.model.set(candidate);
        Ok(())
    }

    /// Applies a control's value: [`ControlKey::apply`] checks it on a copy of the model and
    /// leaves the model as it was when it refuses, and then nothing is notified.
    pub fn apply(&self, key: ControlKey, v: rust_decimal::Decimal) -> Result<(), String> {
        let mut out = Ok(());
        self.model.maybe_update(|m| {
            out = key.apply(m, v, self.lang);
            out.is_ok()
        });
        out
    }

    /// The link state now.
    pub fn link(&self) -> LinkState {
        LinkState {
            step: self.step.get_untracked(),
            theme: self.theme_choice.get_untracked(),
            embed: self.embed,
            lang: self.lang,
            controls: self.controls,
        }
    }

    /// The chart the walkthrough's panel shows.
    pub fn active_chart(&self, step_charts: &[ChartId]) -> ChartId {
        self.chart_override.get().unwrap_or_else(|| {
            step_charts
                .get(self.step.get())
                .copied()
                .unwrap_or(ChartId::Waffle)
        })
    }
}

/// The page's elements the effects and events use.
pub(crate) struct PageElements {
    /// `#app`.
    pub root: Element,
    /// Every chart on the page.
    pub charts: Vec<ChartDom>,
    /// The walkthrough's panel chart for each step.
    pub step_charts: Vec<ChartId>,
    /// The steps' `<article>`s.
    pub steps: Vec<Element>,
    /// The embed dialog, on the full page.
    pub dialog: Option<share::Dialog>,
    /// A jump the page made to a step itself (the step, and a deadline in ms): until the step
    /// observer reports that step at the reading line, or the deadline passes, its reports are
    /// the jump's (the steps passed over do not become current).
    pub step_jump: Cell<Option<(usize, f64)>>,
    /// Pending URL write.
    pub url_timer: Rc<Debouncer>,
}

thread_local! {
    static KEPT_ALIVE: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps an effect or a closure alive for the page's lifetime.
fn keep_alive<T: 'static>(t: T) {
    KEPT_ALIVE.with(|k| k.borrow_mut().push(Box::new(t)));
}

/// Runs `f` after `ms`; the timer's id.
pub(crate) fn set_timeout(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let cb = Closure::once_into_js(f);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms)
        .ok()
}

/// Runs the latest job given to [`Debouncer::after`] once the calls have paused for its delay. A drag
/// sets one timer per pause, not one per step: a step only notes the new deadline (the timer,
/// when it fires early, waits out the rest).
pub(crate) struct Debouncer {
    ms: f64,
    due: Cell<f64>,
    armed: Cell<bool>,
    job: RefCell<Option<Box<dyn FnOnce()>>>,
}

impl Debouncer {
    /// A debouncer with a delay of `ms` milliseconds.
    pub fn new(ms: u32) -> Rc<Debouncer> {
        Rc::new(Debouncer {
            ms: f64::from(ms),
            due: Cell::new(0.0),
            armed: Cell::new(false),
            job: RefCell::new(None),
        })
    }

    /// Runs `job` (instead of any job still waiting) once nothing new has come for the delay.
    pub fn after(self: &Rc<Self>, job: impl FnOnce() + 'static) {
        *self.job.borrow_mut() = Some(Box::new(job));
        self.due.set(js_sys::Date::now() + self.ms);
        if !self.armed.replace(true) {
            self.arm(self.ms);
        }
    }

    fn arm(self: &Rc<Self>, ms: f64) {
        let me = self.clone();
        if set_timeout(ms.ceil() as i32, move || me.fire()).is_none() {
            self.armed.set(false);
        }
    }

    fn fire(self: &Rc<Self>) {
        let left = self.due.get() - js_sys::Date::now();
        if left >= 1.0 {
            return self.arm(left);
        }
        self.armed.set(false);
        let job = self.job.borrow_mut().take();
        if let Some(job) = job {
            job();
        }
    }

    /// Drops the job waiting, if any.
    pub fn cancel(&self) {
        self.job.borrow_mut().take();
    }
}

/// Starts the page: called once by the WebAssembly's `main`.
pub fn start() {
    let Some(doc) = dom::document() else { return };
    let lang = doc
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default();
    panic_hook::install(lang);
    let Some(root) = doc.get_element_by_id(hooks::id::APP) else {
        return;
    };
    any_spawner::Executor::init_wasm_bindgen().ok();
    let owner = Owner::new();
    owner.set();
    keep_alive(owner);

    let embed = root
        .get_attribute(attr::EMBED)
        .and_then(|s| ChartId::from_slug(&s));
    let (state, notices) = fund_view::url::read_page(&browser::location_search(), embed);
    let layout = fund_view::layout::layout_for(browser::viewport_width(), embed.is_some());
    let model = RwSignal::new(state.model().clone());
    let views = Memo::new(move |prev: Option<&Views>| model.with(|m| Views::after(m, prev)));
    let theme_choice = RwSignal::new(state.theme());
    let system_dark = RwSignal::new(browser::prefers_dark());
    let printing = RwSignal::new(false);
    let theme = Memo::new(move |_| {
        if printing.get() {
            Theme::Light
        } else {
            fund_view::theme::resolve(theme_choice.get(), system_dark.get())
        }
    });
    let app = ReaderState {
        lang,
        embed,
        controls: embed.map(|_| state.controls().unwrap_or_default()),
        model,
        views,
        step: RwSignal::new(if embed.is_some() { 0 } else { state.step() }),
        chart_override: RwSignal::new(None),
        theme_choice,
        system_dark,
        printing,
        theme,
        layout: RwSignal::new(layout),
        timeline: RwSignal::new(0),
        framing: Memo::new(move |_| model.with(|m| m.framing())),
        settled: RwSignal::new(0),
    };

    let step_charts: Vec<ChartId> = find(&root, &hooks::dot(class::PANEL))
        .and_then(|p| p.get_attribute(attr::STEP_CHARTS))
        .map(|s| s.split(' ').filter_map(ChartId::from_slug).collect())
        .unwrap_or_default();
    let charts = ChartId::ALL
        .into_iter()
        .filter_map(|id| ChartDom::attach(&root, id, layout))
        .collect();
    let steps = find_all(&root, &format!("article.{}", class::STEP));
    let dialog = share::Dialog::attach(&root);
    let page = Rc::new(PageElements {
        root: root.clone(),
        charts,
        step_charts,
        steps,
        dialog,
        step_jump: Cell::new(None),
        url_timer: Debouncer::new(250),
    });

    // The controls were drawn inert; the effects below set the ones that must stay disabled.
    for el in find_all(&root, "[disabled]") {
        let _ = el.remove_attribute("disabled");
    }
    if let Some(dlg) = page.dialog.as_ref() {
        for el in find_all(dlg.element(), "[disabled]") {
            let _ = el.remove_attribute("disabled");
        }
    }

    show_notices(&page.root, &notices, lang);
    wire_theme(app);
    wire_charts(app, &page);
    wire_walkthrough(app, &page);
    wire_text(app, &page);
    wire_controls(app, &page);
    wire_links(app, &page);
    wire_url(app, &page);
    events::install(app, page.clone());

    if let Some(b) = doc.body() {
        let _ = b.remove_attribute(attr::PRERENDERED);
    }
    if let Some(h) = doc.document_element() {
        let _ = h.class_list().add_1(class::APP);
    }
    let step = app.step.get_untracked();
    if step > 0 && embed.is_none() {
        events::scroll_to_step(&page, step, false);
    }
}

/// Lists refused URL parameters in the notice (as text).
fn show_notices(root: &Element, notices: &[fund_core::params::ParamNotice], lang: Lang) {
    let Some(bx) = by_testid(root, testid::NOTICE_PARAMS) else {
        return;
    };
    if notices.is_empty() {
        return;
    }
    if let (Some(list), Some(doc)) = (find(&bx, "ul"), dom::document()) {
        for n in notices {
            if let Ok(li) = doc.create_element("li") {
                li.set_text_content(Some(&n.message(lang)));
                let _ = list.append_child(&li);
            }
        }
    }
    let _ = bx.remove_attribute("hidden");
}

fn wire_theme(app: ReaderState) {
    keep_alive(RenderEffect::new(move |_| {
        let choice = app.theme_choice.get();
        if let Some(h) = dom::document().and_then(|d| d.document_element()) {
            set_attr(&h, attr::THEME, choice.as_str());
        }
    }));
}

/// Each chart redraws when its own figures, the layout or the framing change (never for the theme,
/// which is the stylesheet's), and only while it
/// can be seen (a chart behind another tab, or far off screen, catches up when it comes into
/// view; printing draws everything).
fn wire_charts(app: ReaderState, page: &Rc<PageElements>) {
    for (k, chart) in page.charts.iter().enumerate() {
        let id = chart.id;
        if !id.is_live() {
            continue;
        }
        let lang = app.lang;
        let model = Memo::new(move |_| app.views.with(|v| build_live(id, &v.current, lang)));
        let on_screen = RwSignal::new(true);
        watch_on_screen(&chart.figure, on_screen);
        let page = page.clone();
        let step_charts = page.step_charts.clone();
        keep_alive(RenderEffect::new(move |_| {
            let visible = !ChartId::WALKTHROUGH.contains(&id)
                || app.embed.is_some()
                || app.active_chart(&step_charts) == id;
            let layout = app.layout.get();
            let shown = app.printing.get() || (visible && on_screen.get());
            let framing = app.framing.get();
            if !shown {
                return;
            }
            model.with(|m: &Option<ChartModel>| {
                if let Some(m) = m {
                    page.charts[k].show(m, layout, lang, framing);
                }
            });
        }));
    }
}

/// Keeps `on_screen` true while `el` (or, in the panel, the panel) is within 300 px of the
/// viewport.
fn watch_on_screen(el: &Element, on_screen: RwSignal<bool>) {
    let target: Element = match el.closest(&hooks::dot(class::PANEL)) {
        Ok(Some(panel)) => panel,
        _ => el.clone(),
    };
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(last) = entries.iter().last() {
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                let _ = on_screen.try_set(entry.is_intersecting());
            }
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("300px 0px 300px 0px");
    if let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts)
    {
        observer.observe(&target);
        keep_alive(observer);
    }
    keep_alive(cb);
}

fn wire_walkthrough(app: ReaderState, page: &Rc<PageElements>) {
    if page.steps.is_empty() {
        return;
    }
    let shown = page.clone();
    keep_alive(RenderEffect::new(move |_| {
        let page = &shown;
        let step = app.step.get();
        let n = page.steps.len();
        for (i, s) in page.steps.iter().enumerate() {
            dom::set_opt_attr(s, "aria-current", (i == step).then_some("step"));
        }
        let root = &page.root;
        if let Some(p) = by_testid(root, testid::STEP_POSITION) {
            set_text(
                &p,
                &fund_core::msg::page::step_of(app.lang, &(step + 1).to_string(), &n.to_string()),
            );
        }
        if let Some(b) = by_testid(root, testid::STEP_PREV) {
            set_flag(&b, "disabled", step == 0);
        }
        if let Some(b) = by_testid(root, testid::STEP_NEXT) {
            set_flag(&b, "disabled", step + 1 >= n);
        }
        let active = app.active_chart(&page.step_charts);
        for id in ChartId::WALKTHROUGH {
            if let Some(t) = by_testid(root, &testid::tab(id)) {
                set_attr(
                    &t,
                    "aria-pressed",
                    if id == active { "true" } else { "false" },
                );
            }
            if let Some(f) = by_testid(root, &testid::chart(id)) {
                set_flag(&f, "hidden", id != active);
            }
        }
    }));
    events::observe_steps(app, page.clone());
}

/// Numbers in the text, the toolbar, the summaries and the timeline.
fn wire_text(app: ReaderState, page: &Rc<PageElements>) {
    let lang = app.lang;
    let spans: Vec<(LiveKey, Slot)> = find_all(&page.root, &hooks::has(attr::LIVE))
        .into_iter()
        .filter_map(|e| {
            let key = e.get_attribute(attr::LIVE)?.parse::<LiveKey>().ok()?;
            Some((key, Slot::text(e)))
        })
        .collect();
    if !spans.is_empty() {
        keep_alive(RenderEffect::new(move |_| {
            app.views.with(|v| {
                // Several spans show the same figure: each is worked out once.
                let mut texts: Vec<(LiveKey, String)> = Vec::with_capacity(LiveKey::ALL.len());
                for (key, slot) in &spans {
                    let i = match texts.iter().position(|(k, _)| k == key) {
                        Some(i) => i,
                        None => {
                            texts
                                .push((*key, fund_view::live::live_value(*key, v.article(), lang)));
                            texts.len() - 1
                        }
                    };
                    slot.set(&texts[i].1);
                }
            });
        }));
    }
    let root = page.root.clone();
    keep_alive(RenderEffect::new(move |_| {
        let framing = app.framing.get();
        for f in fund_core::framing::FramingId::ALL {
            if let Some(b) = by_testid(&root, &testid::framing(f)) {
                set_attr(
                    &b,
                    "aria-pressed",
                    if f == framing { "true" } else { "false" },
                );
            }
        }
        if let Some(p) = by_testid(&root, testid::FRAMING_DESCRIPTION) {
            set_text(&p, builtin(framing).description(lang));
        }
        if let Some(p) = by_testid(&root, testid::REMAINDER_NOTE) {
            set_text(&p, builtin(framing).remainder_note(lang));
        }
        let choice = app.theme_choice.get();
        for t in ThemeChoice::ALL {
            if let Some(b) = by_testid(&root, &testid::theme(t)) {
                set_attr(
                    &b,
                    "aria-pressed",
                    if t == choice { "true" } else { "false" },
                );
            }
        }
    }));
    // The record's summaries are live regions: they change once the reader pauses, so a screen
    // reader announces the result, not every step of a drag. Each follows only the figures it
    // uses: a Treasuries slider does not redo the profit table.
    if let Some(slot) =
        by_testid(&page.root, testid::PROFIT_SUMMARY).map(|e| Rc::new(Slot::text(e)))
    {
        let profit = Memo::new(move |_| app.views.with(|v| v.current.profit().clone()));
        let body = by_testid(&page.root, testid::PROFIT_TABLE).and_then(|t| find(&t, "tbody"));
        let shown_rows: RefCell<Option<Vec<Vec<String>>>> = RefCell::new(None);
        let quiet = Debouncer::new(500);
        keep_alive(RenderEffect::new(move |prev: Option<()>| {
            let (summary, table) = profit.with(|p| {
                (
                    fund_view::record_view::profit_summary(p, lang),
                    fund_view::record_view::profit_table(p, lang),
                )
            });
            if let Some(body) = &body {
                let mut shown = shown_rows.borrow_mut();
                if shown.as_ref() != Some(&table.rows) {
                    chartview::fill_rows(body, &table.rows);
                    *shown = Some(table.rows);
                }
            }
            let slot = slot.clone();
            announce(prev.is_none(), &quiet, move || slot.set(&summary));
        }));
    }
    if let Some(slot) = by_testid(&page.root, testid::YIELD_SUMMARY).map(|e| Rc::new(Slot::text(e)))
    {
        let flow = Memo::new(move |_| app.views.with(|v| v.current.yield_effect().clone()));
        let quiet = Debouncer::new(500);
        keep_alive(RenderEffect::new(move |prev: Option<()>| {
            let summary = flow.with(|y| fund_view::record_view::yield_summary(y, lang));
            let slot = slot.clone();
            announce(prev.is_none(), &quiet, move || slot.set(&summary));
        }));
    }
    let root = page.root.clone();
    let flow_state = Memo::new(move |_| {
        app.model
            .with(|m| (m.flow().direction(), m.flow_follows_treasuries()))
    });
    keep_alive(RenderEffect::new(move |_| {
        let (dir, follows) = flow_state.get();
        for this in [FlowDirection::Buying, FlowDirection::Selling] {
            if let Some(b) = by_testid(&root, &testid::flow(this)) {
                set_attr(
                    &b,
                    "aria-pressed",
                    if dir == this { "true" } else { "false" },
                );
            }
        }
        if let Some(c) = by_testid(&root, testid::FLOW_FOLLOW) {
            if let Some(i) = c.dyn_ref::<web_sys::HtmlInputElement>() {
                if i.checked() != follows {
                    i.set_checked(follows);
                }
            }
        }
    }));
    let root = page.root.clone();
    let items = by_testid(&page.root, testid::TIMELINE)
        .map(|t| find_all(&t, &format!("li{}", hooks::has(attr::ACTION))))
        .unwrap_or_default();
    if !items.is_empty() {
        keep_alive(RenderEffect::new(move |_| {
            let cur = app.timeline.get().min(items.len() - 1);
            for (i, li) in items.iter().enumerate() {
                set_attr(li, "aria-current", if i == cur { "true" } else { "false" });
            }
            let n = items.len();
            if let Some(p) = by_testid(&root, testid::TIMELINE_POSITION) {
                let date = items[cur]
                    .query_selector("time")
                    .ok()
                    .flatten()
                    .and_then(|t| t.text_content())
                    .unwrap_or_default();
                set_text(
                    &p,
                    &fund_core::msg::page::timeline_position(
                        lang,
                        &date,
                        &(cur + 1).to_string(),
                        &n.to_string(),
                    ),
                );
            }
            if let Some(b) = by_testid(&root, testid::TIMELINE_PREV) {
                set_flag(&b, "disabled", cur == 0);
            }
            if let Some(b) = by_testid(&root, testid::TIMELINE_NEXT) {
                set_flag(&b, "disabled", cur + 1 >= n);
            }
        }));
    }
}

/// Shows a live region's new text: at once the first time, else once the reader pauses.
fn announce(first: bool, quiet: &Rc<Debouncer>, show: impl FnOnce() + 'static) {
    if first {
        show();
    } else {
        quiet.after(show);
    }
}

/// One number control's elements.
struct ControlDom {
    key: ControlKey,
    label: Option<Slot>,
    hint: Option<Slot>,
    range: Option<Element>,
    range_off: Option<Flag>,
    valuetext: Option<Slot>,
    text_box: Option<Element>,
    box_off: Option<Flag>,
    box_label: Option<Slot>,
    hidden: Flag,
    last_value: RefCell<String>,
}

/// Every number control: label, hint, value, state and what a screen reader hears. The words
/// change with the framing only; the values on every step of a drag.
fn wire_controls(app: ReaderState, page: &Rc<PageElements>) {
    let lang = app.lang;
    let controls: Rc<Vec<ControlDom>> = Rc::new(
        find_all(&page.root, &hooks::has(attr::CONTROL))
            .into_iter()
            .filter_map(|el| {
                let key = ControlKey::from_slug(&el.get_attribute(attr::CONTROL)?)?;
                let range = find(&el, "input[type=range]");
                let text_box = find(&el, "input[type=text]");
                Some(ControlDom {
                    key,
                    label: find(&el, &hooks::dot(class::LABEL_TEXT)).map(Slot::text),
                    hint: find(&el, &hooks::dot(class::HINT)).map(Slot::text),
                    valuetext: range.clone().map(|r| Slot::attr(r, "aria-valuetext")),
                    range_off: range.clone().map(|r| Flag::new(r, "disabled")),
                    box_label: text_box.clone().map(|b| Slot::attr(b, "aria-label")),
                    box_off: text_box.clone().map(|b| Flag::new(b, "disabled")),
                    range,
                    text_box,
                    hidden: Flag::new(el, "hidden"),
                    last_value: RefCell::new(String::new()),
                })
            })
            .collect(),
    );
    if controls.is_empty() {
        return;
    }
    let outside = Memo::new(move |_| app.views.with(|v| v.current.usdjpy_outside_2025()));
    let words = controls.clone();
    keep_alive(RenderEffect::new(move |_| {
        let (framing, outside) = (app.framing.get(), outside.get());
        for c in words.iter() {
            let t = control_text(c.key, framing, outside, lang);
            if let Some(s) = &c.label {
                s.set(&t.label);
            }
            if let Some(s) = &c.hint {
                s.set(&t.hint);
            }
            if let Some(s) = &c.box_label {
                s.set(&fund_core::msg::controls::box_label(lang, &t.label));
            }
            if let Some(f) = c.key.yield_framing() {
                c.hidden.set(f != framing);
            }
        }
    }));
    keep_alive(RenderEffect::new(move |_| {
        app.model.with(|m| {
            app.views.with(|v| {
                let mut typing_in = None;
                for c in controls.iter() {
                    let state = control_state(c.key, m, v, lang);
                    let value = fund_core::format::number(state.value).replace('−', "-");
                    // The DOM is only asked for a value when ours changed (or the reader typed).
                    let changed = *c.last_value.borrow() != value;
                    if changed {
                        if let Some(i) = c
                            .range
                            .as_ref()
                            .and_then(|r| r.dyn_ref::<web_sys::HtmlInputElement>())
                        {
                            // The slider being dragged already shows it.
                            if i.value() != value {
                                i.set_value(&value);
                            }
                        }
                        if let Some(b) = &c.text_box {
                            let active = typing_in.get_or_insert_with(|| {
                                dom::document().and_then(|d| d.active_element())
                            });
                            if active.as_ref() != Some(b) {
                                set_value(b, &value);
                            }
                        }
                        *c.last_value.borrow_mut() = value;
                    }
                    for f in [&c.range_off, &c.box_off].into_iter().flatten() {
                        f.set(state.disabled);
                    }
                    if let Some(vt) = &c.valuetext {
                        vt.set_opt(state.valuetext.as_deref());
                    }
                }
            })
        });
    }));
}

/// The language switch and the embed's link to the full explainer carry the reader's numbers.
fn wire_links(app: ReaderState, page: &Rc<PageElements>) {
    // Each link with the address it was prerendered with (the page's, without a query).
    let link = |testid: &str| {
        let a = by_testid(&page.root, testid)?;
        let base = a.get_attribute("href")?;
        Some((Slot::attr(a, "href"), base))
    };
    let (switch, home) = (link(testid::LANG_SWITCH), link(testid::EMBED_LINK));
    if switch.is_none() && home.is_none() {
        return;
    }
    // Links follow the reader's numbers once they pause (with the URL), not on every step.
    keep_alive(RenderEffect::new(move |_| {
        app.step.track();
        app.theme_choice.track();
        app.settled.track();
        app.model.with_untracked(|model| {
            if let Some((a, base)) = &switch {
                let other = LinkState {
                    lang: app.lang.other(),
                    ..app.link()
                };
                a.set(&format!("{base}?{}", fund_view::url::write(model, other)));
            }
            if let Some((a, base)) = &home {
                let full_page = LinkState {
                    embed: None,
                    ..app.link()
                };
                a.set(&format!(
                    "{base}?{}",
                    fund_view::url::write(model, full_page)
                ));
            }
        });
    }));
}

/// Keeps the whole state in the URL. Step changes are written at once (pushed, so Back and
/// Forward walk the steps); other changes once the reader pauses.
fn wire_url(app: ReaderState, page: &Rc<PageElements>) {
    let page = page.clone();
    let written_step = Cell::new(app.step.get_untracked());
    let first = Cell::new(true);
    keep_alive(RenderEffect::new(move |_| {
        let step = app.step.get();
        app.theme_choice.track();
        app.model.track();
        if first.replace(false) {
            // The URL already holds this state (or its refused parts are in the notice).
            return;
        }
        // The query is written when it is needed (at once for a step, else once the reader
        // pauses), not on every slider step.
        let query = move || {
            app.model
                .with_untracked(|m| fund_view::url::write(m, LinkState { step, ..app.link() }))
        };
        let step_moved = written_step.replace(step) != step;
        let settled = app.settled;
        if step_moved && app.embed.is_none() {
            page.url_timer.cancel();
            write_url(&query(), true);
        } else {
            page.url_timer.after(move || {
                write_url(&query(), false);
                settled.update(|n| *n = n.wrapping_add(1));
            });
        }
    }));
}

/// Writes the query string now: pushed or replacing the current entry. Does nothing when the URL
/// is already right.
pub fn write_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if browser::location_search().trim_start_matches('?') == query {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("?{query}{}", window.location().hash().unwrap_or_default());
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}
