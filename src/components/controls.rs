//! The reader's controls: sliders with typed-value boxes, USD/JPY, yields, presets and reset.
//! Every value goes through the core's validating setters; a refused value shows the core's
//! message next to the control and the charts keep the last valid state.

use crate::ctx::Ctx;
use crate::input::parse_decimal;
use fund_core::format;
use fund_core::framing::{builtin, BucketRole};
use fund_core::model::Preset;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

/// A validated setter: takes the typed value, returns the refusal message if any.
pub type Setter = Callback<Decimal, Result<(), String>>;

fn put_back(ev: &web_sys::Event, value: Decimal) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(&value.to_string());
    }
}

/// A labelled slider with a box for typing an exact value, and a message slot for refusals.
#[component]
pub fn NumberControl(
    /// Test hook of the slider, e.g. `"slider-treasuries"`; the box gets `input-…` instead.
    testid: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A short hint under the label (units, what the number means).
    #[prop(into)]
    hint: Signal<String>,
    /// Slider minimum.
    min: &'static str,
    /// Slider maximum.
    max: &'static str,
    /// Slider step.
    step: &'static str,
    /// The current value (from the model).
    #[prop(into)]
    value: Signal<Decimal>,
    /// Whether the control is disabled (e.g. no such bucket in this framing).
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// Applies a value through the core.
    on_set: Setter,
    /// Whether to show the slider (false: only the typed box).
    #[prop(optional, default = true)]
    slider: bool,
    /// What a screen reader says for the slider's value (default: the number itself).
    #[prop(into, optional)]
    valuetext: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Prerendered, the controls are inert until the app starts (or for good, without it).
    let inert = !ctx.live;
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        value.track();
        error.set(None);
    });
    let slug = testid
        .trim_start_matches("slider-")
        .trim_start_matches("input-");
    let range_id = format!("range-{slug}");
    let box_id = format!("box-{slug}");
    let err_id = format!("error-{slug}");
    let hint_id = format!("hint-{slug}");
    let apply = move |ev: web_sys::Event| match parse_decimal(&event_target_value(&ev)) {
        Ok(v) => match on_set.run(v) {
            Ok(()) => error.set(None),
            Err(msg) => {
                error.set(Some(msg));
                put_back(&ev, value.get_untracked());
            }
        },
        Err(msg) => {
            error.set(Some(msg));
            put_back(&ev, value.get_untracked());
        }
    };
    let describedby = format!("{hint_id} {err_id}");
    let slider_view = slider.then(|| {
        view! {
            <input
                type="range"
                id=range_id.clone()
                data-testid=testid
                min=min
                max=max
                step=step
                aria-describedby=describedby.clone()
                aria-invalid=move || error.get().is_some().to_string()
                disabled=move || inert || disabled.get()
                value=value.get_untracked().to_string()
                prop:value=move || value.get().to_string()
                aria-valuetext=move || valuetext.map(|t| t.get())
                on:input=apply
            />
        }
    });
    let box_testid = if slider {
        format!("input-{slug}")
    } else {
        testid.to_string()
    };
    view! {
        <div class="control">
            <label for=if slider { range_id.clone() } else { box_id.clone() }>
                {move || label.get()}
                <span class="hint" id=hint_id>{move || hint.get()}</span>
            </label>
            <div class="control-row">
                {slider_view}
                <input
                    type="text"
                    inputmode="decimal"
                    id=box_id
                    data-testid=box_testid
                    aria-label=move || format!("{} (type a value)", label.get())
                    aria-describedby=describedby
                    aria-invalid=move || error.get().is_some().to_string()
                    disabled=move || inert || disabled.get()
                    value=value.get_untracked().to_string()
                    prop:value=move || value.get().to_string()
                    on:change=apply
                />
            </div>
            <p class="error" id=err_id role="status" data-testid=format!("error-{slug}")>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// The allocation's controls: the readings (presets), reset, and the three shares.
#[component]
pub fn AllocationControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let framing = Memo::new(move |_| builtin(ctx.model.with(|m| m.framing())));
    let inputs = Memo::new(move |_| ctx.model.with(|m| m.inputs()));
    let label_of = move |role: BucketRole| {
        framing.with(|f| {
            f.bucket_by_role(role)
                .map(|b| b.label().to_string())
                .unwrap_or_default()
        })
    };
    let has_treasuries = Signal::derive(move || {
        framing.with(|f| f.bucket_by_role(BucketRole::Treasuries).is_some())
    });
    let range_hint = move |role: BucketRole| {
        framing.with(|f| match f.bucket_by_role(role).and_then(|b| b.range()) {
            Some(r) => format!(
                "The {} range: {}–{}.",
                framing_word(f.id()),
                format::share(r.low()),
                format::share(r.high())
            ),
            None => "No range given.".to_string(),
        })
    };
    let set_treasuries = Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_treasuries(v)));
    let set_direct = Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_direct(v)));
    let set_split = Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_remainder_split(v)));
    let presets = Preset::ALL
        .into_iter()
        .map(|p| {
            let (name, testid) = match p {
                Preset::Low => ("Low reading", "preset-low"),
                Preset::Mid => ("Middle reading", "preset-mid"),
                Preset::High => ("High reading", "preset-high"),
            };
            view! {
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid=testid
                    on:click=move |_| {
                        let _ = ctx.update_model(|m| m.apply_preset(p));
                    }
                >
                    {name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="presets" role="group" aria-label="Readings of the ranges">
            {presets}
            <button
                type="button"
                class="btn btn-small"
                data-testid="preset-reset"
                on:click=move |_| ctx.model.update(|m| m.reset())
            >
                "Reset"
            </button>
        </div>
        <NumberControl
            testid="slider-treasuries"
            label=Signal::derive(move || {
                if has_treasuries.get() {
                    format!("{}, % of the fund", label_of(BucketRole::Treasuries))
                } else {
                    "US Treasuries, % of the fund".to_string()
                }
            })
            hint=Signal::derive(move || {
                if has_treasuries.get() {
                    range_hint(BucketRole::Treasuries)
                } else {
                    "The deal as signed has no Treasuries bucket.".to_string()
                }
            })
            min="0"
            max="100"
            step="0.5"
            value=Signal::derive(move || inputs.get().treasuries)
            disabled=Signal::derive(move || !has_treasuries.get())
            on_set=set_treasuries
            valuetext=valuetext_for(ctx, BucketRole::Treasuries)
        />
        <NumberControl
            testid="slider-direct"
            label=Signal::derive(move || format!("{}, % of the fund", label_of(BucketRole::Direct)))
            hint=Signal::derive(move || range_hint(BucketRole::Direct))
            min="0"
            max="100"
            step="0.1"
            value=Signal::derive(move || inputs.get().direct)
            on_set=set_direct
            valuetext=valuetext_for(ctx, BucketRole::Direct)
        />
        <NumberControl
            testid="slider-remainder-split"
            label=Signal::derive(move || format!("Of the rest, % to {}", label_of(BucketRole::RemainderFirst)))
            hint=Signal::derive(move || {
                format!(
                    "Assumption: no source gives this split. The rest goes to {}.",
                    label_of(BucketRole::RemainderSecond)
                )
            })
            min="0"
            max="100"
            step="1"
            value=Signal::derive(move || inputs.get().remainder_split)
            on_set=set_split
            valuetext=Signal::derive(move || {
                format!(
                    "{} of the rest: {}",
                    format::percent(inputs.get().remainder_split),
                    valuetext_for(ctx, BucketRole::RemainderFirst).get()
                )
            })
        />
        <p class="assumption-note">{move || framing.with(|f| f.remainder_note().to_string())}</p>
    }
}

/// What a screen reader says for a share slider: the bucket's share of the fund and its amount.
fn valuetext_for(ctx: Ctx, role: BucketRole) -> Signal<String> {
    Signal::derive(move || {
        ctx.views.with(|v| {
            v.current
                .allocation()
                .row_by_role(role)
                .map(|r| {
                    format!(
                        "{} of the fund, {}",
                        format::share(r.share()),
                        format::usd(r.amount())
                    )
                })
                .unwrap_or_default()
        })
    })
}

/// The yen-per-dollar box.
#[component]
pub fn FxControl() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let set_usdjpy = Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_usdjpy(v)));
    view! {
        <NumberControl
            testid="input-usdjpy"
            label="Yen per US dollar"
            hint=Signal::derive(move || {
                let d = fund_core::figures::usdjpy_default();
                let outside = ctx.views.with(|v| v.current.usdjpy_outside_2025());
                format!(
                    "Default ¥{} ({}, Reuters). 2025 ranged about ¥139.9–¥157.9.{}",
                    format::round_trim(d.value, 2),
                    d.as_of,
                    if outside { " Your value is outside that range." } else { "" },
                )
            })
            min="50"
            max="500"
            step="0.1"
            value=Signal::derive(move || ctx.model.with(|m| m.usdjpy().rate()))
            on_set=set_usdjpy
            slider=false
        />
    }
}

/// One box per bucket for the yield assumed on it.
#[component]
pub fn YieldControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let framing = Memo::new(move |_| builtin(ctx.model.with(|m| m.framing())));
    move || {
        framing.with(|f| {
            f.buckets()
                .iter()
                .map(|b| {
                    let id = b.id().to_string();
                    let id_for_value = id.clone();
                    let value = Signal::derive(move || {
                        ctx.model.with(|m| {
                            m.yields()
                                .get(&id_for_value)
                                .map(|y| y.percent())
                                .unwrap_or_default()
                        })
                    });
                    let id_for_set = id.clone();
                    let on_set = Callback::new(move |v: Decimal| {
                        ctx.update_model(|m| m.set_yield(&id_for_set, v))
                    });
                    let hint = if b.yield_is_assumption() {
                        format!("Assumption: {}", b.yield_note())
                    } else {
                        b.yield_note().to_string()
                    };
                    let testid: &'static str = yield_testid(b.id());
                    view! {
                        <NumberControl
                            testid=testid
                            label=format!("{}: yield, % a year", b.label())
                            hint=hint
                            min="0"
                            max="25"
                            step="0.05"
                            value=value
                            on_set=on_set
                            slider=false
                        />
                    }
                })
                .collect_view()
        })
    }
}

/// The test hook of a bucket's yield box, interned so each id is allocated once.
fn yield_testid(bucket: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static IDS: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let want = format!("input-yield-{bucket}");
    let Ok(mut ids) = IDS.get_or_init(|| Mutex::new(Vec::new())).lock() else {
        return "input-yield";
    };
    if let Some(found) = ids.iter().find(|s| **s == want) {
        return found;
    }
    let leaked: &'static str = Box::leak(want.into_boxed_str());
    ids.push(leaked);
    leaked
}

/// The line the prerendered page shows beside its inert controls when scripts are off or the
/// app could not start (the stylesheet shows it only then); the live app never draws it.
#[component]
pub fn NeedsScript() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    (!ctx.live).then(|| {
        view! {
            <p class="needs-script-note" data-testid="needs-script">
                "These controls need JavaScript; the charts show the default figures."
            </p>
        }
    })
}

/// The panel's controls, in a disclosure that starts open on wide screens (the prerendered page
/// is drawn wide; its stylesheet keeps the disclosure shut on phones, as the app draws it there).
#[component]
pub fn Controls() -> impl IntoView {
    let wide = crate::ctx::layout_for(crate::browser::viewport_width()) == crate::ctx::WIDE_LAYOUT;
    view! {
        <details class="controls" data-keep="panel-controls" open=wide>
            <summary>"Adjust the numbers"</summary>
            <NeedsScript/>
            <AllocationControls/>
            <FxControl/>
            <details>
                <summary>"Yield assumptions"</summary>
                <YieldControls/>
            </details>
            <p class="assumption-note">{fund_core::allocation::ROUNDING_RULE}</p>
        </details>
    }
}

fn framing_word(id: fund_core::framing::FramingId) -> &'static str {
    match id {
        fund_core::framing::FramingId::Article => "article's",
        fund_core::framing::FramingId::Record => "record's",
    }
}
