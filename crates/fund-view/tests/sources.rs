//! Every source id cited anywhere (the core's framings and figures, the yield studies, the
//! content's claims, timeline and record, the app's own text) must exist in the sources file, and
//! every source in that file must be cited somewhere. Runs natively (it draws the tracker, which
//! only the build-time renderer has).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

fn cited() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |place: String, id: &str| out.push((place, id.to_string()));
    for fid in fund_core::framing::FramingId::ALL {
        let f = fund_core::framing::builtin(fid);
        for id in f.total_sources() {
            add(format!("framing {} total", fid.as_str()), id);
        }
        for b in f.buckets() {
            for id in b.sources().iter().chain(b.yield_sources()) {
                add(format!("framing {} bucket {}", fid.as_str(), b.id()), id);
            }
        }
    }
    for fig in fund_core::figures::all() {
        for id in fig.sources {
            add(format!("figure {}", fig.id), id);
        }
    }
    for s in fund_core::yields::study_estimates() {
        for id in s.sources {
            add(format!("study {}", s.id), id);
        }
    }
    for c in fund_content::claims() {
        for id in c.sources() {
            add(format!("claim {}", c.id()), id);
        }
    }
    for t in fund_content::timeline() {
        for id in t.sources() {
            add(format!("timeline {}", t.id()), id);
        }
    }
    for r in fund_content::record() {
        for id in r.sources() {
            add(format!("record {}", r.id()), id);
        }
    }
    if let Some(t) = fund_content::tranches() {
        for id in t.cited() {
            add("tranches".to_string(), id);
        }
    }
    for group in fund_view::record_view::APP_SOURCES {
        for id in *group {
            add("app text".to_string(), id);
        }
    }
    out
}

#[test]
fn every_cited_source_exists() {
    let missing: Vec<String> = cited()
        .into_iter()
        .filter(|(_, id)| fund_content::source(id).is_none())
        .map(|(place, id)| format!("{place} cites unknown source {id}"))
        .collect();
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_source_is_cited() {
    let cited: BTreeSet<String> = cited().into_iter().map(|(_, id)| id).collect();
    let uncited: Vec<&str> = fund_content::sources()
        .iter()
        .map(|s| s.id())
        .filter(|id| !cited.contains(*id))
        .collect();
    assert!(uncited.is_empty(), "sources cited nowhere: {uncited:?}");
}

#[test]
fn every_chart_names_its_sources() {
    let d = fund_core::model::Model::default().derive();
    for c in fund_view::charts::ChartId::ALL {
        let r =
            fund_view::charts::render(c, &d, 640, fund_charts::Theme::Light, fund_core::Lang::En);
        assert!(!r.text.source_ids.is_empty(), "{c:?}");
        for id in &r.text.source_ids {
            assert!(
                fund_content::source(id).is_some(),
                "{c:?} cites unknown {id}"
            );
        }
    }
}

#[test]
fn the_content_is_valid() {
    fund_content::validate().expect("embedded content validates");
    assert!(fund_content::steps().len() >= 8);
}
