//! Native benchmarks of the chart renderers: full render (static layer + marks, joined into one
//! document, as the page does on every change) and marks only, for the waffle, allocation and
//! income charts, built from the core's derived figures the way the app builds them.
//!
//! Run: `cargo bench -p fund-charts --bench charts` (optionally `-- FILTER`).

#[path = "../../fund-core/benches/common/mod.rs"]
mod common;

use common::Bencher;
use fund_charts::{
    Allocation as AllocationChart, BucketFigure, Chart, Income, IncomeFigure, RenderOptions, Theme,
    Waffle,
};
use fund_core::framing::{BucketRole, FramingId};
use fund_core::model::{Derived, Model};
use fund_core::Lang;
use rust_decimal::Decimal;

/// The app's palette rule (src/charts.rs): by framing and role.
fn colour(framing: FramingId, role: BucketRole) -> usize {
    match (framing, role) {
        (_, BucketRole::Direct) => 3,
        (FramingId::Article, BucketRole::Treasuries) => 0,
        (FramingId::Article, BucketRole::RemainderFirst) => 1,
        (FramingId::Article, BucketRole::RemainderSecond) => 2,
        (FramingId::Record, BucketRole::RemainderFirst) => 4,
        (FramingId::Record, BucketRole::RemainderSecond) => 5,
        (FramingId::Record, BucketRole::Treasuries) => 6,
    }
}

fn sources(d: &Derived) -> Vec<String> {
    let f = d.framing();
    let mut ids: Vec<String> = f.total_sources().to_vec();
    for b in f.buckets() {
        for s in b.sources() {
            if !ids.contains(s) {
                ids.push(s.clone());
            }
        }
    }
    ids
}

fn buckets(d: &Derived) -> Vec<BucketFigure> {
    let a = d.allocation();
    a.rows()
        .iter()
        .map(|r| BucketFigure {
            id: r.bucket().to_string(),
            label: r.label(Lang::En).to_string(),
            short_label: r.short_label(Lang::En).to_string(),
            amount: r.amount(),
            share: r.share(),
            range: r.range(),
            colour: colour(a.framing(), r.role()),
        })
        .collect()
}

fn waffle(d: &Derived) -> Waffle {
    let counts = d.waffle().iter().map(|&n| n as u32);
    Waffle::new(
        d.allocation().total(),
        buckets(d).into_iter().zip(counts).collect(),
        sources(d),
        Lang::En,
    )
}

fn allocation(d: &Derived) -> AllocationChart {
    AllocationChart::new(d.allocation().total(), buckets(d), sources(d), Lang::En)
}

fn income(d: &Derived) -> Income {
    let a = d.allocation();
    let rows = d
        .income()
        .rows()
        .iter()
        .map(|r| IncomeFigure {
            label: r.label(Lang::En).to_string(),
            short_label: a
                .row(r.bucket())
                .map(|x| x.short_label(Lang::En).to_string())
                .unwrap_or_default(),
            amount: r.amount(),
            yield_pct: r.yield_percent(),
            income: r.income(),
            is_assumption: r.is_assumption(),
            colour: a
                .row(r.bucket())
                .map(|x| colour(a.framing(), x.role()))
                .unwrap_or(7),
        })
        .collect();
    Income::new(rows, sources(d), Lang::En)
}

fn bench_chart<C: Chart>(b: &mut Bencher, name: &str, chart: &C, width: u32) {
    let o = RenderOptions::new(width, Theme::Light).with_id(format!("chart-{name}"));
    let svg = chart.full_svg(&o);
    assert!(!svg.contains("Chart unavailable"), "{name} fell back");
    b.bench(&format!("{name} @{width}: full render"), || {
        chart.render(&o).map(|s| s.full_svg()).unwrap_or_default()
    });
    b.bench(&format!("{name} @{width}: static layer"), || {
        chart.static_layer(&o).unwrap_or_default()
    });
    b.bench(&format!("{name} @{width}: marks only"), || {
        chart.marks(&o).unwrap_or_default()
    });
}

fn main() {
    let d = Model::default().derive();
    let o800 = RenderOptions::new(800, Theme::Light);
    println!(
        "\nSVG sizes at 800 px: waffle {} B, allocation {} B, income {} B",
        waffle(&d).full_svg(&o800).len(),
        allocation(&d).full_svg(&o800).len(),
        income(&d).full_svg(&o800).len()
    );
    let mut b = Bencher::new("fund-charts");

    for width in [800, 360] {
        bench_chart(&mut b, "waffle", &waffle(&d), width);
        bench_chart(&mut b, "allocation", &allocation(&d), width);
        bench_chart(&mut b, "income", &income(&d), width);
    }

    // What one Treasuries slider input costs natively in embed mode (one allocation chart):
    // set + derive + build the chart model + full render. The wasm build does the same work.
    let base = Model::default();
    let o = RenderOptions::new(800, Theme::Light).with_id("chart-allocation");
    let mut i: i64 = 0;
    b.bench("slider input → allocation chart SVG", || {
        i += 1;
        let mut m = base.clone();
        m.set_treasuries(Decimal::new(700 + 5 * (i % 21), 1))
            .expect("valid treasuries");
        let d = m.derive();
        allocation(&d)
            .render(&o)
            .map(|s| s.full_svg())
            .unwrap_or_default()
    });
    // …and with the waffle, allocation and income charts all redrawn.
    b.bench("slider input → waffle+allocation+income SVG", || {
        i += 1;
        let mut m = base.clone();
        m.set_treasuries(Decimal::new(700 + 5 * (i % 21), 1))
            .expect("valid treasuries");
        let d = m.derive();
        let a = allocation(&d)
            .render(&o)
            .map(|s| s.full_svg())
            .unwrap_or_default();
        let w = waffle(&d)
            .render(&o)
            .map(|s| s.full_svg())
            .unwrap_or_default();
        let n = income(&d)
            .render(&o)
            .map(|s| s.full_svg())
            .unwrap_or_default();
        a.len() + w.len() + n.len()
    });
}
