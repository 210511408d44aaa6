//! Framings, profit split and yield effect charts.

mod common;
use common::*;
use fund_charts::*;
use fund_core::Lang;
use fund_core::Usd;
use rust_decimal::Decimal;

fn check_all(chart: &dyn Chart) -> Vec<String> {
    let mut texts = Vec::new();
    for width in [360, 800, 100] {
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

fn public_record() -> Vec<BucketFigure> {
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
    b.push(bucket("energy", "Energy projects", "0", "0", None, 4));
    b
}

#[test]
fn framings_compare_bucket_by_bucket() {
    let m = Framings::new(
        ("The article".to_string(), article_buckets()),
        ("The record".to_string(), public_record()),
        vec!["article".into(), "record".into()],
        Lang::En,
    );
    let legend = m.legend();
    assert_eq!(legend.len(), 5);
    assert_eq!(legend[4].id, "energy");
    assert!(legend[4].figures[0].is_none());
    let desc = &m.text().description;
    assert!(
        desc.contains("The article: its largest part, 75%, goes to US Treasury bonds and bills"),
        "{desc}"
    );
    assert!(
        desc.contains("; The record: its largest part, 46.5%"),
        "{desc}"
    );
    assert!(
        desc.contains("the biggest difference is US Treasury bonds and bills: 75% against 46.5%"),
        "{desc}"
    );
    // A largest part whose share no source gives (no range) says so in the description.
    let mut unranged = public_record();
    unranged[0].range = None;
    let m2 = Framings::new(
        ("The article".to_string(), article_buckets()),
        ("The record".to_string(), unranged),
        vec![],
        Lang::En,
    );
    let desc2 = &m2.text().description;
    assert!(
        desc2.contains("The record: its largest part, 46.5% (our assumption), goes to"),
        "{desc2}"
    );
    assert!(
        desc2.contains("The article: its largest part, 75%, goes"),
        "{desc2}"
    );
    let table = m.table();
    assert_eq!(table.columns[1], "The article: share");
    assert_eq!(table.rows[4][1], "not in this framing");
    assert_eq!(table.rows[3][4], "$165 billion");
    // Eight non-empty segments (4 + 4; the 0% one is not drawn).
    let marks = m.marks(&opts(360, Theme::Light)).expect("marks");
    assert_eq!(count(&marks, "rect", |_| true), 8);
    let texts = check_all(&m);
    assert!(texts.iter().any(|t| t == "46.5%"));
    assert!(texts.iter().any(|t| t == "—"));
}

fn points() -> Vec<ProfitPoint> {
    (2026u32..=2035)
        .rev()
        .map(|y| {
            let t = Decimal::from(y - 2025);
            ProfitPoint {
                year: y,
                cum_japan: bn("10") * t,
                cum_us: bn("2.5") * t,
            }
        })
        .collect()
}

impl std::ops::Mul<Decimal> for Wrap {
    type Output = Usd;
    fn mul(self, t: Decimal) -> Usd {
        Usd::new(self.0.dollars() * t)
    }
}

struct Wrap(Usd);

fn bn(s: &str) -> Wrap {
    Wrap(common::bn(s))
}

#[test]
fn profit_split_lines_and_marker() {
    let m = ProfitSplit::new(points(), Some(2031), vec![], Lang::En);
    assert_eq!(m.points()[0].year, 2026, "sorted by year");
    let desc = &m.text().description;
    assert_eq!(
        desc,
        "By 2035, Japan has received $100 billion and the US $25 billion in all; Japan is made whole in 2031, marked by the vertical line."
    );
    let texts = check_all(&m);
    assert!(texts.iter().any(|t| t == "Japan made whole: 2031"));
    assert!(texts.iter().any(|t| t == "Japan") && texts.iter().any(|t| t == "US"));
    assert_eq!(
        m.table().rows[9],
        vec!["2035", "$100 billion", "$25 billion"]
    );

    let none = ProfitSplit::new(points(), None, vec![], Lang::En);
    assert!(none.text().description.contains("not made whole"));
    let texts = check_all(&none);
    assert!(!texts.iter().any(|t| t.starts_with("Japan made whole")));

    let far = ProfitSplit::new(points(), Some(9000), vec![], Lang::En);
    let texts = check_all(&far);
    assert!(
        !texts.iter().any(|t| t.starts_with("Japan made whole")),
        "a marker far off the axis is not drawn"
    );
    assert!(far.text().description.contains("made whole in 9000"));
}

#[test]
fn yield_effect_ranges_note_and_hatching() {
    let m = YieldEffect::new(
        vec![
            EstimateFigure {
                label: "QE studies".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-25"),
                central_bp: Some(d("-15")),
                high_bp: d("-5"),
                beyond_measured: false,
            },
            EstimateFigure {
                label: "Official flows".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-20"),
                central_bp: Some(d("-30.46")),
                high_bp: d("-40"),
                beyond_measured: true,
            },
            EstimateFigure {
                label: "Model".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-8"),
                central_bp: None,
                high_bp: d("2"),
                beyond_measured: false,
            },
        ],
        vec!["papers".into()],
        Lang::En,
    );
    let desc = &m.text().description;
    assert!(desc.contains("from −40 bp to 2 bp"), "{desc}");
    assert!(
        desc.contains("−15 bp (QE studies) and −30.5 bp (Official flows)"),
        "{desc}"
    );
    assert!(
        desc.contains("beyond the range the papers measured"),
        "{desc}"
    );
    let table = m.table();
    assert_eq!(
        table.rows[1][1], "−40 bp",
        "low and high swapped into order"
    );
    assert_eq!(table.rows[2][2], "not given");
    assert_eq!(table.rows[1][4], "larger: the scaling is a stretch");
    assert_eq!(table.rows[0][4], "within them");
    // The studies' own figures sit in their own column, never in the bar labels.
    assert_eq!(table.columns[5], "The study's own figure (not scaled)");
    // A range whose ends read the same is one figure.
    let one = YieldEffect::new(
        vec![EstimateFigure {
            label: "Beltran et al. (2012), 5-year yield, long run".into(),
            short_label: "Beltran 2012, long run".into(),
            note: "about 20 bp for $100 billion in one month".into(),
            low_bp: rust_decimal::Decimal::new(-21, 1),
            central_bp: Some(rust_decimal::Decimal::new(-21, 1)),
            high_bp: rust_decimal::Decimal::new(-21, 1),
            beyond_measured: false,
        }],
        vec![],
        Lang::En,
    );
    for width in [360, 640] {
        let texts = check_document(&one.full_svg(&opts(width, Theme::Light)));
        assert!(texts.iter().any(|t| t == "about −2.1 bp"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains(" to ")), "{texts:?}");
        assert!(texts.iter().all(|t| !t.ends_with('…')), "{texts:?}");
        // bp is explained where the chart's text uses it.
        assert!(
            texts.join(" ").contains("1 bp = 0.01 percentage point"),
            "{texts:?}"
        );
    }
    let marks = m.marks(&opts(360, Theme::Light)).expect("marks");
    assert_eq!(
        count(&marks, "rect", |n| n.attribute("opacity") == Some("0.18")),
        1,
        "one hatched bar"
    );
    assert_eq!(
        count(&marks, "circle", |_| true),
        4,
        "two central dots, each with a halo"
    );
    for width in [360, 1200] {
        let texts = check_document(&m.full_svg(&opts(width, Theme::Dark)));
        let joined = texts.join(" ");
        assert!(joined.contains(linear_note(Lang::En)), "{width}: {joined}");
    }
    let wide = check_document(&m.full_svg(&opts(1200, Theme::Light)));
    assert!(
        wide.iter().any(|t| t == linear_note(Lang::En)),
        "one line when wide"
    );
    check_all(&m);
}

#[test]
fn last_three_survive_empty_and_huge_inputs() {
    let huge = Usd::new(Decimal::MAX);
    let mut big = article_buckets();
    big[0].amount = huge;
    let charts: Vec<Box<dyn Chart>> = vec![
        Box::new(Framings::new(
            (String::new(), vec![]),
            (String::new(), vec![]),
            vec![],
            Lang::En,
        )),
        Box::new(Framings::new(
            ("A".into(), big),
            ("B".into(), vec![]),
            vec![],
            Lang::En,
        )),
        Box::new(ProfitSplit::new(vec![], None, vec![], Lang::En)),
        Box::new(ProfitSplit::new(vec![], Some(2030), vec![], Lang::En)),
        Box::new(ProfitSplit::new(
            vec![ProfitPoint {
                year: 2030,
                cum_japan: Usd::ZERO,
                cum_us: Usd::ZERO,
            }],
            Some(2030),
            vec![],
            Lang::En,
        )),
        Box::new(ProfitSplit::new(
            vec![
                ProfitPoint {
                    year: 0,
                    cum_japan: huge,
                    cum_us: Usd::new(Decimal::MIN),
                },
                ProfitPoint {
                    year: u32::MAX,
                    cum_japan: huge,
                    cum_us: huge,
                },
            ],
            Some(u32::MAX),
            vec![],
            Lang::En,
        )),
        Box::new(YieldEffect::new(vec![], vec![], Lang::En)),
        Box::new(YieldEffect::new(
            vec![
                EstimateFigure {
                    label: "Zero".into(),
                    short_label: String::new(),
                    note: String::new(),
                    low_bp: Decimal::ZERO,
                    central_bp: Some(Decimal::ZERO),
                    high_bp: Decimal::ZERO,
                    beyond_measured: true,
                },
                EstimateFigure {
                    label: "Huge".into(),
                    short_label: String::new(),
                    note: String::new(),
                    low_bp: Decimal::MIN,
                    central_bp: Some(Decimal::MAX),
                    high_bp: Decimal::MAX,
                    beyond_measured: false,
                },
            ],
            vec![],
            Lang::En,
        )),
    ];
    for chart in &charts {
        check_all(chart.as_ref());
        let _ = chart.table().to_csv();
        for width in [0, u32::MAX] {
            check_document(&chart.full_svg(&opts(width, Theme::Light)));
        }
    }
}

#[test]
fn last_three_escape_labels() {
    let evil = "<script>alert(1)</script>&\"'";
    let mut b = article_buckets();
    b[0].label = evil.into();
    b[0].short_label = evil.into();
    let f = Framings::new((evil.into(), b.clone()), (evil.into(), b), vec![], Lang::En);
    let y = YieldEffect::new(
        vec![EstimateFigure {
            label: evil.into(),
            short_label: String::new(),
            note: String::new(),
            low_bp: d("-1"),
            central_bp: Some(d("0")),
            high_bp: d("1"),
            beyond_measured: false,
        }],
        vec![],
        Lang::En,
    );
    let charts: [&dyn Chart; 2] = [&f, &y];
    for chart in charts {
        for width in [360, 1200] {
            let svg = chart.full_svg(&opts(width, Theme::Light));
            assert!(
                !svg.contains("<script"),
                "{}: raw <script in output",
                chart.kind()
            );
            check_document(&svg);
            assert!(title_of(&svg).contains(evil));
        }
    }
}

#[test]
fn project_years_read_as_years() {
    let usd = |b: u64| fund_core::Usd::billions(rust_decimal::Decimal::from(b));
    let points: Vec<ProfitPoint> = (1..=30)
        .map(|year| ProfitPoint {
            year,
            cum_japan: usd(u64::from(year)),
            cum_us: usd(u64::from(year)),
        })
        .collect();
    let chart = ProfitSplit::new(points, Some(24), vec!["x".into()], Lang::En);
    let text = &chart.text().description;
    assert!(text.starts_with("By year 30,"), "{text}");
    assert!(text.contains("made whole in year 24"), "{text}");
}
