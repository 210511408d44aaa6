//! Waffle, allocation, income and context charts.

mod common;
use common::*;
use fund_charts::*;
use fund_core::Lang;
use fund_core::Usd;
use rust_decimal::Decimal;

const WIDTHS: [u32; 3] = [360, 800, 100];

fn all_themes_and_widths(chart: &dyn Chart) -> Vec<String> {
    let mut texts = Vec::new();
    for width in WIDTHS {
        for theme in [Theme::Light, Theme::Dark] {
            let svg = chart.full_svg(&opts(width, theme));
            assert!(
                !svg.contains("Chart unavailable"),
                "{} fell back at {width}",
                chart.kind()
            );
            texts = check_document(&svg);
            assert_eq!(title_of(&svg), chart.text().description);
            assert_one_sentence(&chart.text().description);
        }
    }
    texts
}

fn article_waffle() -> Waffle {
    let counts = [75u32, 15, 8, 2];
    Waffle::new(
        bn("550"),
        article_buckets().into_iter().zip(counts).collect(),
        vec!["article".into()],
        Lang::En,
    )
}

#[test]
fn waffle_has_100_squares_coloured_in_bucket_order() {
    let w = article_waffle();
    for theme in [Theme::Light, Theme::Dark] {
        let o = opts(360, theme);
        let marks = w.marks(&o).expect("marks");
        let fills = rect_fills(&in_theme(&marks, theme));
        assert_eq!(fills.len(), 100);
        let c = theme.colours();
        let mut expected = Vec::new();
        for (colour, n) in [(0, 75), (1, 15), (2, 8), (3, 2)] {
            expected.extend(std::iter::repeat_n(hex(c.series(colour)), n));
        }
        assert_eq!(fills, expected);
    }
    let cells = w.cells();
    assert_eq!(cells.len(), 100);
    assert_eq!(cells[0], Some(0));
    assert_eq!(cells[99], Some(3));
    all_themes_and_widths(&w);
}

#[test]
fn waffle_text_and_table() {
    let w = article_waffle();
    let t = w.text();
    assert_eq!(t.source_ids, vec!["article".to_string()]);
    assert!(t.description.contains("$550 billion"), "{}", t.description);
    assert!(t.description.contains("$5.5 billion"), "{}", t.description);
    assert!(
        t.description
            .contains("US Treasury bonds and bills 75 squares ($412.5 billion)"),
        "{}",
        t.description
    );
    assert!(
        t.description.contains("2 squares ($8.3 billion)"),
        "{}",
        t.description
    );
    assert_one_sentence(&t.description);
    assert!(t.caption.contains("$5.5 billion"));
    let table = w.table();
    assert_eq!(table.columns.len(), 4);
    assert_eq!(
        table.rows[3],
        vec![
            "Direct equity and joint ventures",
            "2",
            "$8.3 billion",
            "1.5%"
        ]
    );
    let svg = w.full_svg(&opts(800, Theme::Light));
    let texts = check_document(&svg);
    assert!(texts.contains(&"75%".to_string()));
    // The legend names each bucket one way at every width (its short name).
    assert!(texts.contains(&"treasuries".to_string()));
    let narrow = check_document(&w.full_svg(&opts(360, Theme::Light)));
    assert!(narrow.contains(&"treasuries".to_string()));
    // Squares are whole: a bucket they do not match exactly is "about" so many squares.
    assert!(
        t.description.contains("about 2 squares ($8.3 billion)"),
        "{}",
        t.description
    );
    assert!(
        t.caption.contains("rounded to whole squares"),
        "{}",
        t.caption
    );
    // A bucket whose share no source gives (no range) says so in the description, which travels
    // without the legend's `*`; a bucket with a range does not.
    let unranged = article_buckets()
        .iter()
        .filter(|b| b.range.is_none())
        .count();
    assert_eq!(unranged, 1);
    assert_eq!(
        t.description.matches("our assumption").count(),
        unranged,
        "{}",
        t.description
    );
    assert!(
        t.description
            .contains("index funds about 8 squares ($46.8 billion, our assumption)"),
        "{}",
        t.description
    );
}

#[test]
fn waffle_counts_not_summing_to_100() {
    let b = article_buckets();
    let short = Waffle::new(
        bn("550"),
        vec![(b[0].clone(), 60), (b[1].clone(), 10)],
        vec![],
        Lang::En,
    );
    assert_eq!(short.cells().iter().filter(|c| c.is_none()).count(), 30);
    assert!(short
        .text()
        .description
        .contains("30 squares are left empty"));
    let marks = short.marks(&opts(360, Theme::Light)).expect("marks");
    assert_eq!(rect_fills(&marks).len(), 100);
    assert_eq!(
        rect_fills(&marks).iter().filter(|f| *f == "none").count(),
        30
    );

    let over = Waffle::new(
        bn("550"),
        vec![(b[0].clone(), 90), (b[1].clone(), u32::MAX)],
        vec![],
        Lang::En,
    );
    assert_eq!(over.cells().len(), 100);
    assert!(over.text().description.contains("cut off"));
    assert_eq!(
        rect_fills(&over.marks(&opts(360, Theme::Dark)).expect("marks")).len(),
        100
    );
    all_themes_and_widths(&over);
}

#[test]
fn allocation_range_marks_iff_range_given() {
    let a = Allocation::new(bn("550"), article_buckets(), vec![], Lang::En);
    let o = opts(360, Theme::Light);
    let stat = a.static_layer(&o).expect("static");
    // Range brackets are the only 2-px polylines in the static layer.
    let brackets = count(&stat, "polyline", |n| {
        n.attribute("stroke-width") == Some("2")
    });
    assert_eq!(brackets, 3);
    let none = Allocation::new(
        bn("550"),
        article_buckets()
            .into_iter()
            .map(|mut b| {
                b.range = None;
                b
            })
            .collect(),
        vec![],
        Lang::En,
    );
    let stat = none.static_layer(&o).expect("static");
    assert_eq!(
        count(&stat, "polyline", |n| n.attribute("stroke-width")
            == Some("2")),
        0
    );
    let table = none.table();
    assert!(table
        .rows
        .iter()
        .all(|r| r[3] == "none given (our assumption)"));
    all_themes_and_widths(&none);
    let texts = check_document(&none.full_svg(&opts(360, Theme::Light)));
    assert!(
        texts.iter().any(|t| t.contains("our assumption")),
        "{texts:?}"
    );
    // The description travels alone (meta description, social text, screen readers): a share no
    // source gives says so there too, and a share within a given range does not.
    let described = &none.text().description;
    assert!(described.contains("%, our assumption)"), "{described}");
    assert!(
        !a.text().description.contains("assumption"),
        "{}",
        a.text().description
    );
    assert_eq!(a.range_dollars(0), Some((bn("385"), bn("440"))));
    assert_eq!(a.range_dollars(2), None);
}

#[test]
fn allocation_description_and_outside_range_flag() {
    let a = Allocation::new(
        bn("550"),
        article_buckets(),
        vec!["article".into()],
        Lang::En,
    );
    assert_eq!(
        a.text().description,
        "US Treasury bonds and bills: $412.5 billion (75%) of the $550 billion; Direct equity and joint ventures: $8.3 billion (1.5%)."
    );
    assert!(a.range_status().iter().all(|s| *s != RangeStatus::Outside));
    let marks = a.marks(&opts(360, Theme::Light)).expect("marks");
    assert_eq!(
        count(&marks, "polygon", |_| true),
        0,
        "no flag when all within range"
    );

    let mut b = article_buckets();
    b[0] = bucket(
        "treasuries",
        "US Treasury bonds and bills",
        "255.75",
        "46.5",
        range("70", "80"),
        0,
    );
    b[3] = bucket(
        "direct",
        "Direct equity and joint ventures",
        "165",
        "30",
        range("1", "2"),
        3,
    );
    let a = Allocation::new(bn("550"), b, vec![], Lang::En);
    assert_eq!(
        a.range_status(),
        vec![
            RangeStatus::Outside,
            RangeStatus::Within,
            RangeStatus::NotGiven,
            RangeStatus::Outside
        ]
    );
    let desc = &a.text().description;
    assert!(desc.contains("outside the article's range"), "{desc}");
    assert!(
        desc.contains("Direct equity and joint ventures (30%, range 1–2%)"),
        "{desc}"
    );
    let marks = a.marks(&opts(360, Theme::Light)).expect("marks");
    assert_eq!(
        count(&marks, "polygon", |_| true),
        2,
        "one flag per bucket outside its range"
    );
    let table = a.table();
    assert_eq!(table.rows[0][4], "outside article's range");
    assert_eq!(table.rows[1][4], "within");
    assert_eq!(table.rows[2][3], "none given (our assumption)");
    let texts = all_themes_and_widths(&a);
    assert!(texts.iter().any(|t| t.contains("outside")));
}

#[test]
fn income_assumptions_are_hatched_and_labelled() {
    let m = Income::new(
        vec![
            income_row(
                "US Treasury bonds and bills",
                "412.5",
                "4.1",
                "16.9125",
                false,
            ),
            income_row("Direct equity", "8.25", "8", "0.66", true),
        ],
        vec![],
        Lang::En,
    );
    let o = opts(800, Theme::Light);
    let marks = m.marks(&o).expect("marks");
    // A hatched bar has a pale fill (opacity 0.18) and an outline.
    assert_eq!(
        count(&marks, "rect", |n| n.attribute("opacity") == Some("0.18")),
        1
    );
    assert_eq!(
        count(&marks, "rect", |n| n.attribute("fill") == Some("none")),
        1
    );
    let texts = all_themes_and_widths(&m);
    assert!(texts.iter().any(|t| t.contains("assumption")), "{texts:?}");
    let desc = &m.text().description;
    assert!(desc.contains("$17.6 billion a year"), "{desc}");
    assert!(
        desc.contains("$16.9 billion a year at 4.1% on $412.5 billion"),
        "{desc}"
    );
    assert!(desc.contains("assumption"), "{desc}");
    assert_eq!(m.table().rows[1][4], "assumption");
    assert_eq!(m.total_income(), Some(bn("17.5725")));
}

#[test]
fn context_uses_a_log_scale_and_says_so() {
    let m = Context::new(
        vec![
            ContextFigure {
                label: "The fund's Treasury part".into(),
                short_label: String::new(),
                amount: bn("412.5"),
                note: "".into(),
            },
            ContextFigure {
                label: "Japan's Treasury holdings".into(),
                short_label: String::new(),
                amount: bn("1185.5"),
                note: "Dec 2025".into(),
            },
            ContextFigure {
                label: "All marketable Treasuries".into(),
                short_label: String::new(),
                amount: bn("29571.6"),
                note: "Dec 2025".into(),
            },
        ],
        vec!["tic".into()],
        Lang::En,
    );
    let desc = &m.text().description;
    assert!(
        desc.starts_with("The fund's Treasury part ($412.5 billion) is"),
        "{desc}"
    );
    assert!(
        desc.ends_with("on a logarithmic scale where each grid line is ten times the last."),
        "{desc}"
    );
    assert!(
        prose_problems(desc).is_empty(),
        "{:?}",
        prose_problems(desc)
    );
    assert!(
        desc.contains("34.8% of Japan's Treasury holdings ($1.2 trillion)"),
        "{desc}"
    );
    assert!(
        desc.contains("1.39% of all marketable Treasuries ($29.6 trillion)"),
        "{desc}"
    );
    // With nothing in Treasuries (the record's framing) the sentence says so, not "($0) is set
    // against", and the other bars are there for scale.
    let mut none = m.figures().to_vec();
    none[0].amount = Usd::ZERO;
    let zero = Context::new(none, vec![], Lang::En);
    let zd = &zero.text().description;
    assert_eq!(
        zd,
        "This framing puts nothing into US Treasuries; for scale, Japan's Treasury holdings at \
         $1.2 trillion and all marketable Treasuries at $29.6 trillion, on a logarithmic scale \
         where each grid line is ten times the last."
    );
    assert!(prose_problems(zd).is_empty(), "{:?}", prose_problems(zd));
    let texts = all_themes_and_widths(&m);
    assert!(texts.iter().any(|t| t.contains("Logarithmic scale")));
    // Every bar is drawn, and the smallest one is at least a sixth as long as the largest.
    let marks = m.marks(&opts(360, Theme::Light)).expect("marks");
    let wrapped = format!("<g>{}</g>", marks.fragment());
    let doc = roxmltree::Document::parse(&wrapped).expect("xml");
    let widths: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter_map(|n| n.attribute("width")?.parse().ok())
        .collect();
    assert_eq!(widths.len(), 3);
    assert!(widths[0] * 6.0 >= widths[2], "{widths:?}");
    assert_eq!(m.table().rows[2][2], "1.39%");
}

#[test]
fn empty_zero_and_huge_inputs_do_not_panic() {
    let huge = Usd::new(Decimal::MAX);
    let charts: Vec<Box<dyn Chart>> = vec![
        Box::new(Waffle::new(Usd::ZERO, vec![], vec![], Lang::En)),
        Box::new(Waffle::new(
            huge,
            article_buckets().into_iter().map(|b| (b, 0)).collect(),
            vec![],
            Lang::En,
        )),
        Box::new(Allocation::new(Usd::ZERO, vec![], vec![], Lang::En)),
        Box::new(Allocation::new(
            Usd::ZERO,
            article_buckets(),
            vec![],
            Lang::En,
        )),
        Box::new(Allocation::new(huge, article_buckets(), vec![], Lang::En)),
        Box::new(Allocation::new(
            bn("550"),
            vec![bucket("x", "Huge", "0", "100", range("0", "100"), 99)],
            vec![],
            Lang::En,
        )),
        Box::new(Income::new(vec![], vec![], Lang::En)),
        Box::new(Income::new(
            vec![
                IncomeFigure {
                    label: "Max".into(),
                    short_label: "".into(),
                    amount: huge,
                    yield_pct: Decimal::MAX,
                    income: huge,
                    is_assumption: true,
                    colour: usize::MAX,
                },
                income_row("Max again", "1", "1", "0", false),
                IncomeFigure {
                    income: Usd::new(Decimal::MIN),
                    ..income_row("Negative", "1", "-3", "0", false)
                },
            ],
            vec![],
            Lang::En,
        )),
        Box::new(Context::new(vec![], vec![], Lang::En)),
        Box::new(Context::new(
            vec![
                ContextFigure {
                    label: "Zero".into(),
                    short_label: String::new(),
                    amount: Usd::ZERO,
                    note: "".into(),
                },
                ContextFigure {
                    label: "Negative".into(),
                    short_label: String::new(),
                    amount: bn("-5"),
                    note: "n".into(),
                },
                ContextFigure {
                    label: "Huge".into(),
                    short_label: String::new(),
                    amount: huge,
                    note: "n".into(),
                },
                ContextFigure {
                    label: "Tiny".into(),
                    short_label: String::new(),
                    amount: Usd::new(Decimal::new(1, 28)),
                    note: "n".into(),
                },
            ],
            vec![],
            Lang::En,
        )),
    ];
    for chart in &charts {
        all_themes_and_widths(chart.as_ref());
        let _ = chart.table().to_csv();
        for width in [0, 1, u32::MAX] {
            check_document(&chart.full_svg(&opts(width, Theme::Dark)));
        }
    }
}

#[test]
fn labels_are_escaped() {
    let evil = "<script>alert(1)</script>&\"'";
    let mut b = article_buckets();
    b[0].label = evil.into();
    b[0].short_label = evil.into();
    let w = Waffle::new(
        bn("550"),
        b.iter().cloned().zip([75u32, 15, 8, 2]).collect(),
        vec![],
        Lang::En,
    );
    let a = Allocation::new(bn("550"), b, vec![], Lang::En);
    let i = Income::new(
        vec![income_row(evil, "1", "1", "1", true)],
        vec![],
        Lang::En,
    );
    let c = Context::new(
        vec![ContextFigure {
            label: evil.into(),
            short_label: String::new(),
            amount: bn("1"),
            note: evil.into(),
        }],
        vec![],
        Lang::En,
    );
    let charts: [&dyn Chart; 4] = [&w, &a, &i, &c];
    for chart in charts {
        for width in [360, 1200] {
            let svg = chart.full_svg(&opts(width, Theme::Light).with_id("x\"><script>"));
            assert!(
                !svg.contains("<script"),
                "{}: raw <script in output",
                chart.kind()
            );
            let texts = check_document(&svg);
            assert!(
                title_of(&svg).contains(evil)
                    || chart.kind() == "context" && title_of(&svg).contains(evil)
            );
            assert!(
                texts.iter().any(|t| t.contains("<script>")),
                "{}: label text survives escaping",
                chart.kind()
            );
        }
    }
}

#[test]
fn control_characters_do_not_break_xml() {
    let mut b = article_buckets();
    b[0].label = "bad\u{0}\u{1b}label\nnext".into();
    let a = Allocation::new(bn("550"), b, vec![], Lang::En);
    check_document(&a.full_svg(&opts(400, Theme::Light)));
}

#[test]
fn layers_join_into_the_full_document() {
    let a = Allocation::new(bn("550"), article_buckets(), vec![], Lang::En);
    let o = opts(360, Theme::Dark).with_id("alloc");
    let r = a.render(&o).expect("render");
    assert_eq!(r.static_layer, a.static_layer(&o).expect("static"));
    assert_eq!(r.marks, a.marks(&o).expect("marks"));
    let svg = r.full_svg();
    assert_eq!(svg, a.full_svg(&o));
    assert!(svg.contains("aria-labelledby=\"alloc-title\""));
    assert!(svg.contains("viewBox=\"0 0 360 "));
    // The static layer does not depend on the numbers: change amounts, keep it.
    let mut moved = article_buckets();
    moved[0].amount = bn("300");
    moved[0].share = share("54.55");
    let b = Allocation::new(bn("550"), moved, vec![], Lang::En);
    assert_eq!(b.static_layer(&o).expect("static"), r.static_layer);
    assert_ne!(b.marks(&o).expect("marks"), r.marks);
}

#[test]
fn unavailable_fallback_is_valid() {
    let svg = unavailable_svg(&opts(360, Theme::Dark).with_id("a&b"));
    let texts = check_document(&svg);
    assert_eq!(texts, vec!["Chart unavailable".to_string()]);
}

#[test]
fn waffle_static_layer_ignores_the_numbers() {
    let o = opts(360, Theme::Light);
    let a = article_waffle();
    let b = Waffle::new(
        bn("550"),
        article_buckets()
            .into_iter()
            .zip([50u32, 20, 10, 20])
            .collect(),
        vec![],
        Lang::En,
    );
    assert_eq!(
        a.static_layer(&o).expect("static"),
        b.static_layer(&o).expect("static")
    );
    assert_ne!(a.marks(&o).expect("marks"), b.marks(&o).expect("marks"));
}
