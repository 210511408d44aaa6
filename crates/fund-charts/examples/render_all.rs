//! Writes every chart as SVG, in both themes and at phone and desktop widths,
//! into the directory given as the first argument (default `/tmp/fund-charts`).

use fund_charts::*;
use fund_core::Lang;
use fund_core::{Share, ShareRange, Usd};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

fn share(s: &str) -> Share {
    Share::new(d(s)).unwrap_or_default()
}

fn bucket(
    id: &str,
    label: &str,
    short: &str,
    bn: &str,
    pct: &str,
    range: Option<(&str, &str)>,
    colour: usize,
) -> BucketFigure {
    BucketFigure {
        id: id.into(),
        label: label.into(),
        short_label: short.into(),
        amount: Usd::billions(d(bn)),
        share: share(pct),
        range: range.and_then(|(lo, hi)| ShareRange::new(share(lo), share(hi)).ok()),
        colour,
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/fund-charts".to_string());
    let _ = std::fs::create_dir_all(&dir);
    let total = Usd::billions(d("550"));
    let buckets = vec![
        bucket(
            "treasuries",
            "US Treasury bonds and bills",
            "Treasuries",
            "412.5",
            "75",
            Some(("70", "80")),
            0,
        ),
        bucket(
            "agency",
            "Agency bonds and mortgage-backed securities",
            "Agency/MBS",
            "82.5",
            "15",
            Some(("10", "20")),
            1,
        ),
        bucket(
            "index",
            "US stock index funds",
            "Index funds",
            "46.75",
            "8.5",
            None,
            2,
        ),
        bucket(
            "direct",
            "Direct equity and joint ventures",
            "Direct",
            "8.25",
            "1.5",
            Some(("1", "2")),
            3,
        ),
    ];
    let mut b2 = buckets.clone();
    b2[3] = bucket(
        "direct",
        "Direct equity and joint ventures",
        "Direct",
        "165",
        "30",
        Some(("1", "2")),
        3,
    );
    b2[0] = bucket(
        "treasuries",
        "US Treasury bonds and bills",
        "Treasuries",
        "255.75",
        "46.5",
        Some(("70", "80")),
        0,
    );
    let waffle = Waffle::new(
        total,
        buckets.iter().cloned().zip([75u32, 15, 8, 2]).collect(),
        vec!["article".into()],
        Lang::En,
    );
    let allocation = Allocation::new(total, b2.clone(), vec![], Lang::En);
    let income = Income::new(
        vec![
            IncomeFigure {
                label: "US Treasury bonds and bills".into(),
                short_label: "Treasuries".into(),
                amount: Usd::billions(d("412.5")),
                yield_pct: d("4.1"),
                income: Usd::billions(d("16.9125")),
                is_assumption: false,
                colour: 0,
            },
            IncomeFigure {
                label: "Agency bonds and MBS".into(),
                short_label: "Agency/MBS".into(),
                amount: Usd::billions(d("82.5")),
                yield_pct: d("5.2"),
                income: Usd::billions(d("4.29")),
                is_assumption: false,
                colour: 1,
            },
            IncomeFigure {
                label: "US stock index funds".into(),
                short_label: "Index funds".into(),
                amount: Usd::billions(d("46.75")),
                yield_pct: d("1.3"),
                income: Usd::billions(d("0.60775")),
                is_assumption: true,
                colour: 2,
            },
            IncomeFigure {
                label: "Direct equity and joint ventures".into(),
                short_label: "Direct".into(),
                amount: Usd::billions(d("8.25")),
                yield_pct: d("8"),
                income: Usd::billions(d("0.66")),
                is_assumption: true,
                colour: 3,
            },
        ],
        vec![],
        Lang::En,
    );
    let context = Context::new(
        vec![
            ContextFigure {
                label: "The fund's Treasury part".into(),
                short_label: String::new(),
                amount: Usd::billions(d("412.5")),
                note: "this explainer's allocation".into(),
            },
            ContextFigure {
                label: "Japan's Treasury holdings".into(),
                short_label: String::new(),
                amount: Usd::billions(d("1185.5")),
                note: "Dec 2025".into(),
            },
            ContextFigure {
                label: "All marketable Treasuries".into(),
                short_label: String::new(),
                amount: Usd::billions(d("29571.6")),
                note: "Dec 2025".into(),
            },
        ],
        vec![],
        Lang::En,
    );
    let framings = Framings::new(
        ("The article's reading".to_string(), buckets.clone()),
        ("The public record".to_string(), b2.clone()),
        vec![],
        Lang::En,
    );
    let profit = ProfitSplit::new(
        (2026..=2045)
            .map(|y| {
                let t = Decimal::from(y - 2025);
                ProfitPoint {
                    year: y,
                    cum_japan: Usd::billions(t * d("30")),
                    cum_us: Usd::billions(if y < 2034 {
                        t * d("3")
                    } else {
                        t * d("30") - d("200")
                    }),
                }
            })
            .collect(),
        Some(2044),
        vec![],
        Lang::En,
    );
    let yields = YieldEffect::new(
        vec![
            EstimateFigure {
                label: "Fed QE event studies".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-25"),
                central_bp: Some(d("-15")),
                high_bp: d("-5"),
                beyond_measured: false,
            },
            EstimateFigure {
                label: "Foreign official purchases (Warnock)".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-40"),
                central_bp: Some(d("-30.5")),
                high_bp: d("-20"),
                beyond_measured: true,
            },
            EstimateFigure {
                label: "Term-premium model".into(),
                short_label: String::new(),
                note: String::new(),
                low_bp: d("-8"),
                central_bp: None,
                high_bp: d("2"),
                beyond_measured: false,
            },
        ],
        vec![],
        Lang::En,
    );
    let charts: Vec<Box<dyn Chart>> = vec![
        Box::new(framings),
        Box::new(profit),
        Box::new(yields),
        Box::new(waffle),
        Box::new(allocation),
        Box::new(income),
        Box::new(context),
    ];
    for chart in &charts {
        let name = chart.kind();
        for width in [360u32, 800] {
            for theme in [Theme::Light, Theme::Dark] {
                let svg = chart.full_svg(&RenderOptions::new(width, theme));
                let path = format!("{dir}/{name}-{width}-{}.svg", theme.name());
                if let Err(e) = std::fs::write(&path, svg) {
                    eprintln!("{path}: {e}");
                }
            }
        }
    }
}
