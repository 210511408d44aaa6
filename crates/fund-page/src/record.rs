//! What the record says: the deal tracker, a scorecard of the article's claims, the two framings
//! side by side, the deal's profit split, Treasury demand and yields, and a timeline.

use super::ctx;
use crate::chart::{ChartFigure, DataTableView};
use crate::controls::{FlowControls, ProfitControls};
use crate::references::SourceLine;
use fund_content::Verdict;
use fund_core::msg;
use fund_view::charts::ChartId;
use fund_view::hooks::{testid, Action};
use fund_view::record_view::{profit_summary, profit_table, yield_summary};
use leptos::prelude::*;

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Counts of verdicts and a line per claim, linking to the step where it appears.
#[component]
fn Scorecard() -> impl IntoView {
    let lang = ctx().lang;
    let claims = fund_content::claims();
    let counts = Verdict::ALL
        .into_iter()
        .map(|v| {
            let n = claims.iter().filter(|c| c.verdict() == v).count();
            view! {
                <li>
                    <span class=format!("verdict verdict-{}", v.as_str())>{v.label(lang)}</span>
                    {msg::page::claims_count(lang, &n.to_string())}
                </li>
            }
        })
        .collect_view();
    let rows = claims
        .iter()
        .map(|c| {
            let v = c.verdict();
            let step_no = fund_content::steps()
                .iter()
                .position(|s| s.id() == c.step())
                .map(|i| i + 1)
                .unwrap_or(0);
            view! {
                <tr data-testid=format!("claim-row-{}", c.id())>
                    <td>{c.text(lang)}</td>
                    <td><span class=format!("verdict verdict-{}", v.as_str())>{v.label(lang)}</span></td>
                    <td><a href=format!("#{}", c.step())>{msg::page::step_n(lang, &step_no.to_string())}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="card">
            <h3>{msg::page::scorecard_heading(lang)}</h3>
            <ul class="claims scorecard">{counts}</ul>
            <details class="data">
                <summary>{msg::page::all_claims(lang)}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label=msg::page::all_claims(lang)>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{msg::page::col_claim(lang)}</th>
                                <th scope="col">{msg::page::col_verdict(lang)}</th>
                                <th scope="col">{msg::page::col_where(lang)}</th>
                            </tr>
                        </thead>
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
    let c = ctx();
    let lang = c.lang;
    let s = c.views.current.profit();
    view! {
        <div class="card" id="profit-split">
            <h3>{msg::page::profit_heading(lang)}</h3>
            <p>{msg::page::profit_text(lang)}</p>
            <SourceLine ids=ids(&fund_view::record_view::PROFIT_SOURCES[..2]) folded=true/>
            <details class="method">
                <summary>{msg::page::method_heading(lang)}</summary>
                <p class="assumption-note">{msg::page::profit_model(lang)}</p>
            </details>
            <div class="card-controls">
                <crate::notices::NeedsScript/>
                <ProfitControls/>
            </div>
            <p class="summary" data-testid=testid::PROFIT_SUMMARY aria-live="polite">{profit_summary(s, lang)}</p>
            <ChartFigure id=ChartId::ProfitSplit/>
            <details class="data" data-keep="profit-years">
                <summary>{msg::page::year_by_year(lang)}</summary>
                <DataTableView
                    testid=testid::PROFIT_TABLE.to_string()
                    table=profit_table(s, lang)
                    caption=msg::page::year_by_year(lang).to_string()
                />
            </details>
        </div>
    }
}

/// Treasury demand and yields: what the studies measured, scaled to a reader-set flow.
#[component]
fn YieldCard() -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    view! {
        <div class="card" id="yields">
            <h3>{msg::page::yields_heading(lang)}</h3>
            <p>{msg::page::yields_text(lang)}</p>
            <SourceLine ids=ids(fund_view::record_view::YIELD_STUDY_SOURCES) folded=true/>
            <p>{msg::page::reserves_text(lang)}</p>
            <SourceLine ids=ids(fund_view::record_view::RESERVES_SOURCES) folded=true/>
            <div class="card-controls">
                <crate::notices::NeedsScript/>
                <FlowControls/>
            </div>
            <p class="summary" data-testid=testid::YIELD_SUMMARY aria-live="polite">
                {yield_summary(c.views.current.yield_effect(), lang)}
            </p>
            <ChartFigure id=ChartId::YieldEffect/>
            <details class="method">
                <summary>{msg::page::method_heading(lang)}</summary>
                <p class="assumption-note">{fund_core::yields::illustration_note(lang)}</p>
            </details>
        </div>
    }
}

/// The deal tracker: money selected so far against the ceiling and the deadline.
#[component]
fn TrackerCard() -> impl IntoView {
    let lang = ctx().lang;
    view! {
        <div class="card" id="tracker">
            <h3>{msg::page::tracker_heading(lang)}</h3>
            <p>{msg::page::tracker_text(lang)}</p>
            <ChartFigure id=ChartId::Tracker/>
        </div>
    }
}

/// The dated events, one at a time or all at once.
#[component]
fn Timeline() -> impl IntoView {
    let lang = ctx().lang;
    let entries = fund_content::timeline();
    let n = entries.len();
    let items = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            view! {
                <li
                    data-testid=testid::timeline_entry(e.id())
                    data-action=Action::Entry(i).to_attr()
                    aria-current=(i == 0).to_string()
                >
                    <time datetime=e.date().iso()>{e.date().format(lang)}</time>
                    <strong>{e.title(lang)}</strong>
                    <p>{e.detail(lang)}</p>
                    <SourceLine ids=e.sources().to_vec()/>
                </li>
            }
        })
        .collect_view();
    let first = entries
        .first()
        .map(|e| msg::page::timeline_position(lang, &e.date().format(lang), "1", &n.to_string()))
        .unwrap_or_default();
    view! {
        <div class="card timeline" data-testid=testid::TIMELINE>
            <h3>{msg::page::timeline_heading(lang)}</h3>
            <div class="panel-nav needs-app">
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid=testid::TIMELINE_PREV
                    data-action=Action::PrevEntry.to_attr()
                    disabled
                >
                    {msg::page::earlier(lang)}
                </button>
                <span class="position" aria-live="polite" data-testid=testid::TIMELINE_POSITION>{first}</span>
                <button
                    type="button"
                    class="btn btn-small"
                    data-testid=testid::TIMELINE_NEXT
                    data-action=Action::NextEntry.to_attr()
                    disabled
                >
                    {msg::page::later(lang)}
                </button>
            </div>
            <details class="timeline-list" data-keep="timeline">
                <summary>{msg::page::all_events(lang, &n.to_string())}</summary>
                <ol>{items}</ol>
            </details>
        </div>
    }
}

/// The record section.
#[component]
pub fn RecordSection() -> impl IntoView {
    let lang = ctx().lang;
    let card = |r: &'static fund_content::RecordItem| {
        view! {
            <div class="card" data-testid=format!("record-{}", r.id())>
                <h3>{r.heading(lang)}</h3>
                <p>{r.text(lang)}</p>
                <SourceLine ids=r.sources().to_vec() folded=true/>
            </div>
        }
    };
    let (brief, rest) = fund_content::record().split_at(fund_content::record().len().min(1));
    let brief = brief.iter().map(card).collect_view();
    let items = rest.iter().map(card).collect_view();
    view! {
        <section id="record" aria-labelledby="record-heading">
            <h2 id="record-heading">{msg::page::record_heading(lang)}</h2>
            <p class="dek">{msg::page::record_dek(lang)}</p>
            <p class="as-of" data-testid="record-as-of">{fund_view::record_view::as_of_line(lang)}</p>
            <div class="record-grid">
                {brief}
                <TrackerCard/>
                <Scorecard/>
                <div class="card">
                    <h3>{msg::page::framings_heading(lang)}</h3>
                    <ChartFigure id=ChartId::Framings/>
                </div>
                <ProfitSplitCard/>
                <YieldCard/>
                <Timeline/>
                {items}
            </div>
        </section>
    }
}
