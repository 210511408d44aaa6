//! The deal tracker chart: money selected over time against the ceiling and the deadline.

mod common;
use common::*;
use fund_charts::*;
use fund_core::tracker::{Day, Selection, Status, Tracker as Figures, TrackerInputs};
use fund_core::Lang;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn figures(candidates: &str, as_of: &str) -> Figures {
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
                sel(
                    "2026-03-19",
                    "Three candidate projects",
                    candidates,
                    Status::Candidate,
                ),
            ],
        )
        .unwrap(),
    )
    .unwrap()
}

fn chart() -> Tracker {
    Tracker::new(figures("73", "2026-10-08"), vec!["jiji".into()], Lang::En)
}

#[test]
fn description_states_totals_and_the_needed_pace() {
    let m = chart();
    let desc = &m.text().description;
    assert_eq!(
        desc,
        "By 8 Oct 2026, $36 billion of the $550 billion ceiling had been confirmed for projects \
         (6.5% of it) and a further $73 billion was announced as candidates but not confirmed \
         ($109 billion, 19.8% of the ceiling, counting them); to reach the ceiling by \
         19 Jan 2029, about $225.1 billion a year ($18.8 billion a month) would have to be \
         selected, against $33 billion a year since 4 Sep 2025."
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
    assert_eq!(t.rows[3][3], "Announced as candidates, not confirmed");
    assert_eq!(t.rows[3][4], "$36 billion");
    assert_eq!(t.rows[3][5], "$109 billion");
    assert_eq!(t.columns[5], "Including not confirmed");
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
            for label in m.legend_labels() {
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
            assert!(shows(&texts, "Needed: $225.1 billion a year"), "{texts:?}");
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
    assert_eq!(
        m.legend_labels()[1],
        "Announced as candidates, not confirmed"
    );
    // Solid confirmed area (opaque) and hatched candidates area (pale fill + outline) in the marks.
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
        "one hatched area for the one candidates amount"
    );
}

/// Each text of a fragment with its left and right edges (estimated as the chart estimates
/// them: 0.56 em a Latin character, 1 em a Japanese one) and its vertical centre.
fn text_boxes(fragment: &str) -> Vec<(String, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(fragment).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let text = n.text().unwrap_or("").trim().to_string();
            let x: f64 = n.attribute("x").unwrap().parse().unwrap();
            let y: f64 = n.attribute("y").unwrap().parse().unwrap();
            let px: f64 = n.attribute("font-size").unwrap().parse().unwrap();
            let w: f64 = text
                .chars()
                .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.56 })
                .sum::<f64>()
                * px;
            let (l, r) = match n.attribute("text-anchor") {
                Some("end") => (x - w, x),
                Some("middle") => (x - w / 2.0, x + w / 2.0),
                _ => (x, x + w),
            };
            (text, l, r, y)
        })
        .collect()
}

/// The x of the dotted as-of line: the one vertical dashed line in the muted colour.
fn as_of_x(marks: &str, theme: Theme) -> f64 {
    let muted = hex(theme.colours().muted);
    let doc = roxmltree::Document::parse(marks).unwrap();
    let xs: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline") && n.attribute("stroke") == Some(muted.as_str()))
        .filter_map(|n| {
            let pts: Vec<(f64, f64)> = n
                .attribute("points")?
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            (pts.len() >= 2 && pts.iter().all(|p| p.0 == pts[0].0)).then(|| pts[0].0)
        })
        .collect();
    assert!(!xs.is_empty(), "no as-of line");
    xs[0]
}

/// The texts, one after another, contain `label` (whole, or wrapped over several texts).
fn shows(texts: &[String], label: &str) -> bool {
    (0..texts.len()).any(|i| {
        (i + 1..=texts.len()).any(|j| texts[i..j].join(" ") == label)
            || (i + 1..=texts.len()).any(|j| {
                let mut lines: Vec<&str> = texts[i..j].iter().map(String::as_str).collect();
                lines.reverse();
                lines.join(" ") == label
            })
    })
}

#[test]
fn labels_the_amounts_at_both_widths_and_keeps_the_pace_off_the_as_of_line() {
    for lang in fund_core::Lang::ALL {
        let m = Tracker::new(figures("73", "2026-10-08"), vec![], lang);
        let (confirmed, candidates, needed_start) = match lang {
            Lang::En => (
                "$36 billion confirmed",
                "+$73 billion candidates",
                "Needed:",
            ),
            Lang::Ja => ("確定360億ドル", "候補730億ドル", "必要："),
        };
        for width in [320, 360, 390, 800, 1200] {
            let theme = Theme::Light;
            let marks = m.full_svg(&opts(width, theme));
            let boxes = text_boxes(&marks);
            let texts: Vec<String> = boxes.iter().map(|b| b.0.clone()).collect();
            // The confirmed total and the hatched candidates both carry a value label.
            assert!(shows(&texts, confirmed), "{width}: {texts:?}");
            assert!(shows(&texts, candidates), "{width}: {texts:?}");
            let xa = as_of_x(&marks, theme);
            let first = boxes
                .iter()
                .position(|b| b.0.starts_with(needed_start))
                .unwrap_or_else(|| panic!("{width}: no needed label in {texts:?}"));
            // The needed label (one line or two, drawn one after the other) starts right of the
            // dotted as-of line.
            for b in boxes.iter().skip(first).take(2) {
                if b.0.starts_with(needed_start) || b.0.contains("a year") {
                    assert!(
                        b.1 > xa,
                        "{width}: {:?} at {} crosses the as-of line at {xa}",
                        b.0,
                        b.1
                    );
                }
            }
            // …and the value labels end left of it.
            for b in &boxes {
                let value_label = b.0 == confirmed
                    || b.0 == "confirmed"
                    || b.0.contains("candidates")
                    || b.0.starts_with("候補");
                // (The legend, above the plot, names the candidates too.)
                if value_label && b.3 > 80.0 {
                    assert!(b.2 <= xa, "{width}: {:?} crosses the as-of line", b.0);
                }
            }
            // No two labels overlap.
            for (i, a) in boxes.iter().enumerate() {
                for c in &boxes[i + 1..] {
                    let overlap_x = a.1 < c.2 - 0.5 && c.1 < a.2 - 0.5;
                    let overlap_y = (a.3 - c.3).abs() < 11.0;
                    assert!(
                        !(overlap_x && overlap_y),
                        "{width} {lang:?}: {:?} overlaps {:?}",
                        a.0,
                        c.0
                    );
                }
            }
        }
    }
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
        std::fs::write(
            format!("/tmp/tracker-ja-{width}.svg"),
            Tracker::new(figures("73", "2026-10-08"), vec![], Lang::Ja)
                .full_svg(&opts(width, Theme::Light)),
        )
        .unwrap();
    }
}
