//! What the record says: a scorecard of the article's claims, the two framings side by side, the
//! deal's profit split, Treasury demand and yields, and a steppable timeline.

use crate::charts::ChartId;
use crate::components::chart::ChartFigure;
use crate::components::controls::NumberControl;
use crate::components::references::SourceLine;
use crate::ctx::Ctx;
use crate::input::{billions, whole};
use crate::record_view::{profit_summary, profit_table, yield_summary};
use fund_content::Verdict;
use fund_core::yields::{FlowDirection, ILLUSTRATION_NOTE};
use leptos::prelude::*;
use rust_decimal::Decimal;

fn sources(ids: &[&str]) -> Signal<Vec<String>> {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    Signal::derive(move || ids.clone())
}

/// The inputs of the profit split: principal, cash yield, deemed interest, horizon.
#[component]
pub fn ProfitControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let p = Memo::new(move |_| ctx.model.with(|m| *m.profit()));
    view! {
            <NumberControl testid="input-profit-principal" label="Japan’s funding for the project, $ billion" hint="Assumption: one project’s size." min="0" max="550" step="0.1"
                value=Signal::derive(move || p.get().principal().in_billions())
                on_set=Callback::new(move |v: Decimal| { let amount = billions(v)?; ctx.update_model(|m| m.set_profit_principal(amount)) }) slider=false/>
            <NumberControl testid="slider-profit-yield" label="Project cash yield, % a year" hint="Assumption: no source gives a project’s cash yield; 15% is set high enough for the switch to 90/10 to show. Lower yields delay it." min="0" max="30" step="0.5"
                value=Signal::derive(move || p.get().cash_yield_pct())
                on_set=Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_profit_cash_yield(v)))/>
            <NumberControl testid="input-profit-benchmark" label="Deemed interest: benchmark, %" hint="Default: 10-year Treasury yield, 4.136% on 31 Dec 2025 (CNBC)." min="0" max="20" step="0.01"
                value=Signal::derive(move || p.get().benchmark_pct())
                on_set=Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_profit_benchmark(v))) slider=false/>
            <NumberControl testid="input-profit-spread" label="Deemed interest: risk spread, %" hint="Assumption: the memorandum’s spread is not public in our sources." min="0" max="20" step="0.05"
                value=Signal::derive(move || p.get().spread_pct())
                on_set=Callback::new(move |v: Decimal| ctx.update_model(|m| m.set_profit_spread(v))) slider=false/>
            <NumberControl testid="input-profit-years" label="Years to show" hint="1 to 50." min="1" max="50" step="1"
                value=Signal::derive(move || Decimal::from(p.get().horizon_years()))
                on_set=Callback::new(move |v: Decimal| { let y = whole(v)?; ctx.update_model(|m| m.set_profit_horizon(y)) }) slider=false/>
    }
}

/// The inputs of the yield illustration: direction, amount (or the Treasuries part), months.
#[component]
pub fn FlowControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let flow = Memo::new(move |_| ctx.model.with(|m| *m.flow()));
    let follows = Memo::new(move |_| ctx.model.with(|m| m.flow_follows_treasuries()));
    let dir_button = move |d: FlowDirection, label: &'static str, testid: &'static str| {
        view! {
            <button type="button" data-testid=testid aria-pressed=move || (flow.get().direction() == d).to_string()
                on:click=move |_| { let _ = ctx.update_model(|m| m.set_flow_direction(d)); }>{label}</button>
        }
    };
    view! {
            <div class="control">
                <span class="label" id="flow-dir-label">"Direction of the flow"</span>
                <div class="segmented" role="group" aria-labelledby="flow-dir-label">
                    {dir_button(FlowDirection::Buying, "Buying (the article)", "flow-buying")}
                    {dir_button(FlowDirection::Selling, "Selling (reserves drawn down)", "flow-selling")}
                </div>
            </div>
            <div class="control">
                <label>
                    <input type="checkbox" data-testid="toggle-flow-follow" prop:checked=move || follows.get()
                        on:change=move |ev| { let on = event_target_checked(&ev); let _ = ctx.update_model(|m| m.set_flow_follows_treasuries(on)); }/>
                    " Use the Treasuries amount from the allocation above"
                </label>
            </div>
            <NumberControl testid="input-flow-amount" label="Amount, $ billion" hint="Up to $550 billion." min="0" max="550" step="0.5"
                value=Signal::derive(move || flow.get().amount().in_billions())
                on_set=Callback::new(move |v: Decimal| { let amount = billions(v)?; ctx.update_model(|m| m.set_flow_amount(amount)) }) slider=false/>
            <NumberControl testid="slider-flow-months" label="Spread over, months" hint="Jan 2029 is about 40 months after the September 2025 memorandum." min="1" max="120" step="1"
                value=Signal::derive(move || Decimal::from(flow.get().months()))
                on_set=Callback::new(move |v: Decimal| { let m = whole(v)?; ctx.update_model(|md| md.set_flow_months(m)) })/>
    }
}

/// Counts of verdicts and a line per claim, linking to the step where it appears.
#[component]
fn Scorecard() -> impl IntoView {
    let claims = fund_content::claims();
    let counts = Verdict::ALL
        .into_iter()
        .map(|v| {
            let n = claims.iter().filter(|c| c.verdict() == v).count();
            view! { <li><span class=format!("verdict verdict-{}", v.as_str())>{v.label()}</span>{format!("{n} claims")}</li> }
        })
        .collect_view();
    let rows = claims
        .iter()
        .map(|c| {
            let v = c.verdict();
            let step_no = fund_content::steps().iter().position(|s| s.id() == c.step()).map(|i| i + 1).unwrap_or(0);
            view! {
                <tr data-testid=format!("claim-row-{}", c.id())>
                    <td>{c.text()}</td>
                    <td><span class=format!("verdict verdict-{}", v.as_str())>{v.label()}</span></td>
                    <td><a href=format!("#{}", c.step())>{format!("Step {step_no}")}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card">
            <h3>"The article’s claims against the record"</h3>
            <ul class="claims scorecard">{counts}</ul>
            <details class="data">
                <summary>"All claims"</summary>
                <div class="table-scroll">
                    <table>
                        <thead><tr><th scope="col">"The article claims"</th><th scope="col">"Verdict"</th><th scope="col">"Where"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// The deal's cash-flow split: inputs, summary, chart and year-by-year table.
#[component]
fn ProfitSplitCard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let summary = move || ctx.views.with(|v| profit_summary(v.current.profit()));
    let table = Memo::new(move |_| ctx.views.with(|v| profit_table(v.current.profit())));
    view! {
        <div class="card" id="profit-split">
            <h3>"The profit split as signed"</h3>
            <p>
                "Under the memorandum, cash from a project Japan funds is split 50/50 until Japan has recovered its money plus a “deemed” interest (a benchmark rate plus a risk spread); after that, 90% goes to the US and 10% to Japan. "
                "The St. Louis Fed notes this makes Japan’s stake look more like a loan than a shareholding."
            </p>
            <SourceLine ids=sources(&crate::record_view::PROFIT_SOURCES[..2])/>
            <p class="assumption-note">
                "Model (this explainer’s): the project pays the same cash every year at year end; Japan’s unrecovered balance grows by the deemed rate each year; amounts are rounded to the cent. "
                "The project’s cash yield and the spread are assumptions; the default benchmark is the 10-year Treasury yield at the end of 2025."
            </p>
            <ProfitControls/>
            <p class="summary" data-testid="profit-summary" aria-live="polite">{summary}</p>
            <ChartFigure id=ChartId::ProfitSplit hidden=Signal::derive(|| false)/>
            <details class="data">
                <summary>"Year by year"</summary>
                <div class="table-scroll">
                    <table data-testid="profit-table">
                        <thead><tr>{move || table.with(|t| t.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())}</tr></thead>
                        <tbody>
                            {move || table.with(|t| t.rows.iter().map(|r| view! { <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> }).collect_view())}
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// Treasury demand and yields: what the studies measured, scaled to a reader-set flow.
#[component]
fn YieldCard() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="card" id="yields">
            <h3>"Would Japanese demand move Treasury yields?"</h3>
            <p>
                "The article says extra Japanese buying could push Treasury yields down. Studies of foreign official flows did find effects: Beltran and co-authors estimate that a $100 billion change in one month moves 5-year yields by 40–60 basis points at first and about 20 in the long run; the Kansas City Fed’s survey puts a one-month move of about $141 billion at 25–101 basis points across studies."
            </p>
            <SourceLine ids=sources(crate::record_view::YIELD_STUDY_SOURCES)/>
            <p>
                "The record points the other way too. Japan said it may fund the loans from its foreign-exchange reserves, which are mostly held in US government bonds. If so, paying out to projects would mean selling Treasuries, not buying them. That is this explainer’s inference from the sources, not a sourced claim."
            </p>
            <SourceLine ids=sources(crate::record_view::RESERVES_SOURCES)/>
            <FlowControls/>
            <p class="summary" data-testid="yield-summary" aria-live="polite">{move || ctx.views.with(|v| yield_summary(v.current.yield_effect()))}</p>
            <ChartFigure id=ChartId::YieldEffect hidden=Signal::derive(|| false)/>
            <p class="assumption-note">{ILLUSTRATION_NOTE}</p>
        </div>
    }
}

/// The deal tracker: money selected so far against the ceiling and the deadline.
#[component]
fn TrackerCard() -> impl IntoView {
    view! {
        <div class="card" id="tracker">
            <h3>"The deal tracker: money selected so far"</h3>
            <p>
                "Solid: amounts announced and carried by official pages or news reports. Hatched: amounts we found only second-hand, shown so you can see what has been reported, not as fact. "
                "The dashed line is our own arithmetic: how much would have to be selected each year, from the record’s date, to reach the ceiling by the deadline."
            </p>
            <ChartFigure id=ChartId::Tracker hidden=Signal::derive(|| false)/>
        </div>
    }
}

/// The dated events, one at a time or all at once.
#[component]
fn Timeline() -> impl IntoView {
    let entries = fund_content::timeline();
    let n = entries.len();
    let current = RwSignal::new(0usize);
    let items = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            view! {
                <li data-testid=format!("timeline-{}", e.id()) aria-current=move || (current.get() == i).to_string()
                    on:click=move |_| current.set(i)>
                    <time datetime=e.date().iso()>{e.date().to_string()}</time>
                    <strong>{e.title()}</strong>
                    <p>{e.detail()}</p>
                    <SourceLine ids=Signal::derive(move || e.sources().to_vec())/>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="card timeline" data-testid="timeline">
            <h3>"Timeline"</h3>
            <div class="panel-nav">
                <button type="button" class="btn btn-small" data-testid="timeline-prev" disabled=move || current.get() == 0
                    on:click=move |_| current.update(|c| *c = c.saturating_sub(1))>"← Earlier"</button>
                <span class="position" aria-live="polite" data-testid="timeline-position">
                    {move || entries.get(current.get()).map(|e| format!("{} · {} of {n}", e.date(), current.get() + 1)).unwrap_or_default()}
                </span>
                <button type="button" class="btn btn-small" data-testid="timeline-next" disabled=move || { current.get() + 1 >= n }
                    on:click=move |_| current.update(|c| *c = (*c + 1).min(n.saturating_sub(1)))>"Later →"</button>
            </div>
            <ol>{items}</ol>
        </div>
    }
}

/// The record section.
#[component]
pub fn RecordSection() -> impl IntoView {
    let items = fund_content::record()
        .iter()
        .map(|r| {
            view! {
                <div class="card" data-testid=format!("record-{}", r.id())>
                    <h3>{r.heading()}</h3>
                    <p>{r.text()}</p>
                    <SourceLine ids=Signal::derive(move || r.sources().to_vec())/>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="record" aria-labelledby="record-heading">
            <h2 id="record-heading">"What the record says"</h2>
            <p class="dek">
                "Everything below comes from the sourced public record, not from the article. Switch the charts above to “The deal as signed” to see the record’s framing in every chart."
            </p>
            <p class="as-of" data-testid="record-as-of">{crate::record_view::as_of_line()}</p>
            <div class="record-grid">
                <TrackerCard/>
                <Scorecard/>
                <div class="card">
                    <h3>"Two framings of the same $550 billion"</h3>
                    <ChartFigure id=ChartId::Framings hidden=Signal::derive(|| false)/>
                </div>
                <ProfitSplitCard/>
                <YieldCard/>
                <Timeline/>
                {items}
            </div>
        </section>
    }
}
