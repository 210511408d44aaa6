//! The deal tracker chart: money selected over time against the ceiling and the deadline.

mod common;
use common::*;
use fund_charts::charts::tracker::legend_labels;
use fund_charts::*;
use fund_core::tracker::{Day, Selection, Status, Tracker as Figures, TrackerInputs};
use fund_core::Lang;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn figures(reported: &str, as_of: &str) -> Figures {
    let sel = |date: &str, label: &str, amount: &str, status| Selection {
        date: day(date),
        label: label.into(),
        amount: bn(amount),
        status,
    };
    Figures::new(
        TrackerInputs::new(
            bn("550"),
            day("2025-09-04"),
            day(as_of),
            day("2029-01-19"),
            vec![
                sel("2026-02-17", "Ohio gas plant", "33.3", Status::Confirmed),
                sel("2026-02-17", "Texas terminal", "2.1", Status::Confirmed),
                sel("2026-02-17", "Georgia diamonds", "0.6", Status::Confirmed),
                sel("2026-03-19", "Reactors", reported, Status::Reported),
            ],
        )
        .unwrap(),
    )
    .unwrap()
}

fn chart() -> Tracker {
    Tracker::new(figures("40", "2026-10-08"), vec!["jiji".into()], Lang::En)
}

#[test]
fn description_states_totals_and_the_needed_pace() {
    let m = chart();
    let desc = &m.text().description;
    assert_eq!(
        desc,
        "By 8 Oct 2026, $36 billion of the $550 billion ceiling had been confirmed for projects \
         (6.5% of it) and a further $40 billion was reported but not confirmed; to reach the \
         ceiling by 19 Jan 2029, about $225.1 billion a year ($18.8 billion a month) would have \
         to be selected, against $33 billion a year since 4 Sep 2025."
    );
    assert_one_sentence(desc);
    assert!(
        prose_problems(desc).is_empty(),
        "{:?}",
        prose_problems(desc)
    );
    assert!(prose_problems(&m.text().caption).is_empty());
}

#[test]
fn table_tells_confirmed_from_reported_and_labels_estimates() {
    let t = chart().table();
    assert_eq!(t.columns.len(), 6);
    assert!(t.rows.iter().all(|r| r.len() == 6));
    assert_eq!(
        t.rows[0],
        vec![
            "17 Feb 2026",
            "Ohio gas plant",
            "$33.3 billion",
            "Confirmed",
            "$33.3 billion",
            "$33.3 billion"
        ]
    );
    assert_eq!(t.rows[3][3], "Reported, not confirmed");
    assert_eq!(t.rows[3][4], "$36 billion");
    assert_eq!(t.rows[3][5], "$76 billion");
    assert_eq!(t.rows[4][2], "$514 billion");
    assert!(
        t.rows[5][2].starts_with("$225.1 billion a year"),
        "{:?}",
        t.rows[5]
    );
    assert!(t.rows[4..].iter().all(|r| r[3].contains("estimate")));
}

#[test]
fn draws_a_legend_solid_and_hatched_areas_at_every_width() {
    let m = chart();
    for width in [320, 360, 800, 1200] {
        for theme in [Theme::Light, Theme::Dark] {
            let svg = m.full_svg(&opts(width, theme));
            assert!(!svg.contains("Chart unavailable"), "{width}");
            let texts = check_document(&svg);
            assert_eq!(title_of(&svg), m.text().description);
            for label in legend_labels(Lang::En) {
                assert!(
                    texts.iter().any(|t| t == label),
                    "{width}: no {label} in {texts:?}"
                );
            }
            assert!(
                texts.iter().any(|t| t == "$550 billion ceiling"),
                "{texts:?}"
            );
            assert!(texts.iter().any(|t| t.starts_with("Deadline")), "{texts:?}");
            assert!(
                texts
                    .iter()
                    .any(|t| t.starts_with("Needed: $225.1 billion")),
                "{texts:?}"
            );
            for t in &texts {
                assert!(prose_problems(t).is_empty(), "{t}");
            }
            // Every label stays inside the view box.
            let doc = roxmltree::Document::parse(&svg).unwrap();
            for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
                let x: f64 = n.attribute("x").unwrap().parse().unwrap();
                assert!(
                    (0.0..=f64::from(width)).contains(&x),
                    "{width}: {:?} at {x}",
                    n.text()
                );
            }
        }
    }
    // Solid confirmed area (opaque) and hatched reported area (pale fill + outline) in the marks.
    let marks = m.marks(&opts(360, Theme::Light)).unwrap();
    let solid = hex(Theme::Light.colours().series(0));
    assert!(
        count(&marks, "rect", |n| n.attribute("fill")
            == Some(solid.as_str()))
            >= 3
    );
    assert_eq!(
        count(&marks, "rect", |n| n.attribute("opacity") == Some("0.18")),
        1,
        "one hatched area for the one reported amount"
    );
}

#[test]
fn static_layer_ignores_the_numbers() {
    let a = chart();
    let b = Tracker::new(figures("12.5", "2026-12-01"), vec![], Lang::En);
    for width in [360, 800] {
        let o = opts(width, Theme::Dark);
        assert_eq!(a.static_layer(&o).unwrap(), b.static_layer(&o).unwrap());
        assert_ne!(a.marks(&o).unwrap(), b.marks(&o).unwrap());
        assert_eq!(a.height(width), b.height(width));
    }
}

#[test]
fn survives_no_selections_and_a_passed_deadline() {
    let empty = Figures::new(
        TrackerInputs::new(
            bn("550"),
            day("2025-09-04"),
            day("2030-01-01"),
            day("2029-01-19"),
            vec![],
        )
        .unwrap(),
    )
    .unwrap();
    let m = Tracker::new(empty, vec![], Lang::En);
    assert!(
        m.text().description.contains("has passed"),
        "{}",
        m.text().description
    );
    for width in [0, 360, u32::MAX] {
        check_document(&m.full_svg(&opts(width, Theme::Light)));
    }
}

#[test]
#[ignore = "writes SVGs to /tmp for a visual check"]
fn write_samples() {
    for width in [360, 800] {
        std::fs::write(
            format!("/tmp/tracker-{width}.svg"),
            chart().full_svg(&opts(width, Theme::Light)),
        )
        .unwrap();
    }
}
