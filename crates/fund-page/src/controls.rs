//! The reader's controls as markup: sliders with typed-value boxes, USD/JPY, yields, presets and
//! reset, the profit split's and the yield illustration's inputs. Words and values come from
//! [`fund_view::controls`]; every control is drawn inert (disabled) and the browser enables it.

use super::ctx;
use crate::notices::NeedsScript;
use fund_core::framing::FramingId;
use fund_core::model::Preset;
use fund_core::msg;
use fund_core::yields::FlowDirection;
use fund_view::controls::{control, yield_keys, ControlKey};
use fund_view::hooks::{class, testid, Action};
use leptos::prelude::*;

/// One number control: its label and hint, a slider (for some), a box, and a message slot.
#[component]
pub fn NumberControlView(
    /// Which control.
    key: ControlKey,
    /// On an embed page, the controls setting that shows it (`compact` or `all`).
    #[prop(optional)]
    level: Option<&'static str>,
) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let n = control(key, &c.model, &c.views, lang);
    let slug = key.slug();
    let (min, max, step) = key.range();
    let range_id = format!("range-{slug}");
    let box_id = format!("box-{slug}");
    let err_id = format!("error-{slug}");
    let hint_id = format!("hint-{slug}");
    let label_id = format!("label-{slug}");
    let describedby = format!("{hint_id} {err_id}");
    let value = fund_core::format::number(n.value).replace('−', "-");
    let yield_framing = key.yield_framing().map(|f| f.as_str());
    let hidden = key.yield_framing().is_some_and(|f| f != c.model.framing());
    let slider = key.has_slider().then(|| {
        view! {
            <input
                type="range"
                id=range_id.clone()
                data-testid=testid::slider(key)
                min=min
                max=max
                step=step
                value=value.clone()
                aria-describedby=describedby.clone()
                aria-valuetext=n.valuetext.clone()
                disabled
            />
        }
    });
    view! {
        <div class=class::CONTROL data-control=slug.clone() data-framing=yield_framing data-level=level hidden=hidden>
            <label for=if key.has_slider() { range_id.clone() } else { box_id.clone() } id=label_id.clone()>
                <span class=class::LABEL_TEXT>{n.label.clone()}</span>
                <span class=class::HINT id=hint_id>{n.hint.clone()}</span>
            </label>
            <div class="control-row">
                {slider}
                <input
                    type="text"
                    inputmode="decimal"
                    id=box_id
                    data-testid=testid::text_box(key)
                    aria-label=msg::controls::box_label(lang, &n.label)
                    aria-describedby=describedby
                    value=value
                    autocomplete="off"
                    disabled
                />
            </div>
            <p class=class::ERROR id=err_id data-testid=testid::error(key)></p>
        </div>
    }
}

/// The allocation's presets and reset.
#[component]
pub fn Presets() -> impl IntoView {
    let lang = ctx().lang;
    let presets = Preset::ALL
        .into_iter()
        .map(|p| {
            let name = match p {
                Preset::Low => msg::controls::preset_low(lang),
                Preset::Mid => msg::controls::preset_mid(lang),
                Preset::High => msg::controls::preset_high(lang),
            };
            view! {
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid=testid::preset(p)
                    data-action=Action::Preset(p).to_attr()
                    disabled
                >
                    {name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="presets" role="group" aria-label=msg::controls::presets_label(lang)>
            {presets}
            <button
                type="button"
                class="btn btn-small"
                data-testid=testid::PRESET_RESET
                data-action=Action::Reset.to_attr()
                disabled
            >
                {msg::controls::reset(lang)}
            </button>
        </div>
    }
}

/// The allocation's controls: presets, reset, the three shares and the note on the rest.
#[component]
pub fn AllocationControls() -> impl IntoView {
    let c = ctx();
    view! {
        <Presets/>
        {ControlKey::ALLOCATION.into_iter().map(|k| view! { <NumberControlView key=k/> }).collect_view()}
        <p class="assumption-note" data-testid=testid::REMAINDER_NOTE>
            {fund_view::controls::remainder_note(&c.model, c.lang)}
        </p>
    }
}

/// The yield boxes of both framings (the other framing's are hidden until the reader switches).
#[component]
pub fn YieldControls() -> impl IntoView {
    let keys: Vec<ControlKey> = FramingId::ALL.into_iter().flat_map(yield_keys).collect();
    keys.into_iter()
        .map(|k| view! { <NumberControlView key=k/> })
        .collect_view()
}

/// The walkthrough's controls block.
#[component]
pub fn Controls() -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <section class="controls-block" id="controls" aria-labelledby="controls-heading">
            <details class="controls" data-keep="panel-controls" open>
                <summary id="controls-heading">{msg::controls::adjust(lang)}</summary>
                <NeedsScript/>
                <AllocationControls/>
                <NumberControlView key=ControlKey::UsdJpy/>
                <details class="yields" data-keep="yield-controls">
                    <summary>{msg::controls::yield_assumptions(lang)}</summary>
                    <YieldControls/>
                </details>
                <p class="assumption-note">{fund_core::allocation::rounding_rule(lang)}</p>
            </details>
        </section>
    }
}

/// The profit split's inputs.
#[component]
pub fn ProfitControls() -> impl IntoView {
    ControlKey::PROFIT
        .into_iter()
        .map(|k| view! { <NumberControlView key=k/> })
        .collect_view()
}

/// The direction buttons and the "follow the Treasuries amount" box of the yield illustration.
#[component]
pub fn FlowButtons() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let dir = c.model.flow().direction();
    let follows = c.model.flow_follows_treasuries();
    view! {
        <div class="control">
            <span class="label" id="flow-dir-label">{msg::controls::flow_direction(lang)}</span>
            <div class="segmented" role="group" aria-labelledby="flow-dir-label">
                {[
                    (FlowDirection::Buying, msg::controls::flow_buying(lang)),
                    (FlowDirection::Selling, msg::controls::flow_selling(lang)),
                ]
                    .map(|(d, label)| view! {
                        <button
                            type="button"
                            data-testid=testid::flow(d)
                            data-action=Action::Flow(d).to_attr()
                            aria-pressed=(dir == d).to_string()
                            disabled
                        >
                            {label}
                        </button>
                    })
                    .collect_view()}
            </div>
        </div>
        <div class="control">
            <label class="check">
                <input
                    type="checkbox"
                    data-testid=testid::FLOW_FOLLOW
                    data-action=Action::FlowFollow.to_attr()
                    checked=follows
                    disabled
                />
                " "
                {msg::controls::flow_follow(lang)}
            </label>
        </div>
    }
}

/// The yield illustration's inputs.
#[component]
pub fn FlowControls() -> impl IntoView {
    view! {
        <FlowButtons/>
        {ControlKey::FLOW.into_iter().map(|k| view! { <NumberControlView key=k/> }).collect_view()}
    }
}
