//! The built `fund-export` binary, run as a graphics desk would run it. Expected files are
//! computed with the app crate's own functions, the ones the browser's downloads call.

use fund_charts::Theme;
use fund_core::Lang;
use fund_view::charts::{render, ChartId, RenderedChart};
use fund_view::export;
use fund_view::theme::ThemeChoice;
use fund_view::url;
use fund_view::views::Views;
use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_fund-export");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text(args: &[&str]) -> String {
    String::from_utf8(stdout(args)).expect("UTF-8")
}

/// The chart the browser shows for `query` (its theme resolved on a light-preferring system).
fn browser_chart(id: ChartId, query: &str, width: u32, theme: Option<Theme>) -> RenderedChart {
    let (state, notices) = url::read(query);
    assert!(notices.is_empty(), "{notices:?}");
    let theme = theme.unwrap_or_else(|| fund_view::theme::resolve(state.theme(), false));
    render(
        id,
        &Views::of(state.model()).current,
        width,
        theme,
        Lang::En,
    )
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fund-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The pixel size in a PNG's header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
    (be(16), be(20))
}

#[test]
fn svg_is_the_browsers_download() {
    let queries = [
        "",
        "a.treasuries=60",
        "?a.treasuries=70&a.direct=2&theme=dark",
        "framing=record&r.direct=20",
        "usdjpy=150&p.years=30&f.dir=sell&step=3",
    ];
    for id in ChartId::ALL {
        for q in queries {
            let expected = export::svg_document(&browser_chart(id, q, 640, None).svg);
            let got = text(&[id.slug(), "--query", q]);
            assert_eq!(got, expected, "{} {q:?}", id.slug());
        }
    }
    // Width and theme options give the browser's narrow layout and the other theme.
    let expected = export::svg_document(
        &browser_chart(ChartId::Income, "theme=dark", 360, Some(Theme::Light)).svg,
    );
    let got = text(&[
        "income",
        "-q",
        "theme=dark",
        "--width",
        "360",
        "--theme",
        "light",
    ]);
    assert_eq!(got, expected);
    assert!(got.contains("viewBox=\"0 0 360 "), "{got}");
}

#[test]
fn svg_follows_the_state() {
    let sixty = text(&["allocation", "--query", "a.treasuries=60"]);
    let seventy = text(&["allocation", "--query", "a.treasuries=70"]);
    assert_ne!(sixty, seventy);
    // 60% and 70% of $550 billion.
    assert!(sixty.contains("$330 billion"), "{sixty}");
    assert!(seventy.contains("$385 billion"), "{seventy}");
    assert!(!sixty.contains("$385 billion"));
    // A whole permalink works as well as its query.
    let link = text(&[
        "allocation",
        "--query",
        "https://example.org/japan-fund/?a.treasuries=60#top",
    ]);
    assert_eq!(link, sixty);
    // The state's theme is used unless --theme says otherwise.
    let dark = text(&["allocation", "--query", "a.treasuries=60&theme=dark"]);
    assert!(dark.contains("fund-chart-dark"));
    assert!(
        text(&["allocation", "--query", "theme=dark", "--theme=light"])
            .contains("fund-chart-light")
    );
}

#[test]
fn csv_is_the_browsers_download() {
    let q = "a.treasuries=60&usdjpy=150";
    let got = stdout(&["allocation", "--query", q, "--format", "csv"]);
    let expected = export::csv_document(&browser_chart(ChartId::Allocation, q, 640, None));
    assert_eq!(String::from_utf8(got.clone()).unwrap(), expected);
    assert!(got.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM");
    let text = String::from_utf8(got).unwrap();
    assert!(text.contains("330"), "{text}");
    assert!(text.contains("¥150"), "{text}");
}

#[test]
fn lang_ja_gives_the_japanese_chart_and_a_bad_lang_is_refused() {
    let got = text(&["allocation", "--lang", "ja", "--format", "csv"]);
    assert!(
        got.contains("4125億ドル") && got.contains("米国債"),
        "{got}"
    );
    let svg = text(&["waffle", "--query", "lang=ja"]);
    assert!(svg.contains("5500億ドル"), "the state's own lang is used");
    let en = text(&["waffle", "--query", "lang=ja", "--lang", "en"]);
    assert!(en.contains("$550 billion"), "--lang wins over the state");
    let out = run(&["waffle", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language “fr”"));
    let help = text(&["--help"]);
    assert!(help.contains("--lang") && help.contains("配分"), "{help}");
}

#[test]
fn json_is_the_browsers_download() {
    let q = "a.treasuries=60&step=2";
    let base = "https://example.org/japan-fund/";
    let got = text(&[
        "allocation",
        "--query",
        q,
        "--format",
        "json",
        "--base-url",
        base,
    ]);
    let (state, _) = url::read(q);
    let d = Views::of(state.model()).current;
    let chart = render(ChartId::Allocation, &d, 640, Theme::Light, Lang::En);
    let permalink = format!(
        "{base}?{}",
        url::write(
            state.model(),
            url::LinkState {
                step: state.step(),
                theme: ThemeChoice::Light,
                embed: None,
                lang: Lang::En,
                controls: None,
            }
        )
    );
    let cite = |id: &str| export::content_citation(id, Lang::En);
    let data = export::chart_data(ChartId::Allocation, &d).unwrap();
    assert_eq!(
        got,
        export::json_document(&chart, data, &permalink, Lang::En, &cite)
    );

    let v: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(v["chart"], "allocation");
    let link = v["generated_from"].as_str().unwrap();
    assert!(
        link.starts_with(base) && link.contains("a.treasuries=60"),
        "{link}"
    );
    assert!(
        link.contains("step=2") && link.contains("theme=light"),
        "{link}"
    );
    // The recorded permalink reads back to the same state with no notice.
    let (again, notices) = url::read(link.split_once('?').unwrap().1);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(again.model(), state.model());
    let treasuries = v["data"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["role"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("treasur")
        })
        .unwrap();
    assert_eq!(treasuries["amount"], "330000000000");
    // Without a base URL the permalink is the query alone.
    let v: serde_json::Value =
        serde_json::from_str(&text(&["income", "-f", "json", "-q", q])).unwrap();
    assert!(
        v["generated_from"]
            .as_str()
            .unwrap()
            .starts_with("?framing="),
        "{v}"
    );
}

#[test]
fn png_has_the_browsers_size_and_is_deterministic() {
    let dir = scratch("png");
    let out = dir.join("allocation.png");
    let out_s = out.to_str().unwrap();
    let chart = browser_chart(ChartId::Allocation, "a.treasuries=60", 640, None);
    // The format comes from the file name.
    stdout(&["allocation", "--query", "a.treasuries=60", "--out", out_s]);
    let first = std::fs::read(&out).unwrap();
    assert_eq!(png_size(&first), export::png_size(&chart.svg));
    assert_eq!(png_size(&first), (1280, chart.svg.height * 2));
    stdout(&[
        "allocation",
        "-q",
        "a.treasuries=60",
        "-f",
        "png",
        "-o",
        out_s,
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), first, "two renders differ");
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Another state draws another picture.
    stdout(&["allocation", "-q", "a.treasuries=70", "-o", out_s]);
    assert_ne!(std::fs::read(&out).unwrap(), first);
    // Scale and width set the pixel size; stdout takes a PNG when it is not a terminal.
    let small = stdout(&["waffle", "-f", "png", "--width", "360", "--scale", "1"]);
    let waffle = browser_chart(ChartId::Waffle, "", 360, None);
    assert_eq!(png_size(&small), (360, waffle.svg.height));
}

#[test]
fn help_lists_every_chart_and_format() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag]);
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        for id in ChartId::ALL {
            assert!(
                help.contains(&format!("    {}", id.slug())),
                "{}",
                id.slug()
            );
        }
        for f in export::Format::ALL {
            assert!(help.contains(&format!("    {}", f.ext())), "{}", f.ext());
        }
        assert!(help.contains("--width") && help.contains("--theme") && help.contains("--out"));
    }
}

/// Runs a failing command with `--out` at a path holding `old`: it must exit 2, say `named`,
/// print nothing on stdout, and leave the file (and the directory) as they were.
fn refused(args: &[&str], named: &[&str]) {
    let dir = scratch(&format!(
        "refused-{}",
        args.join("_").replace(['/', '?', '&', '='], "")
    ));
    for existing in [false, true] {
        let out = dir.join("chart.svg");
        if existing {
            std::fs::write(&out, "old").unwrap();
        }
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--out", out.to_str().unwrap()]);
        let o = run(&all);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
        for n in named {
            assert!(err.contains(n), "{args:?}: {err} should name {n}");
        }
        if existing {
            assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
        } else {
            assert!(!out.exists(), "{args:?} wrote a file");
        }
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(
            names.len(),
            usize::from(existing),
            "{args:?} left {names:?}"
        );
    }
}

#[test]
fn bad_requests_exit_non_zero_and_write_nothing() {
    let slugs: Vec<&str> = ChartId::ALL.iter().map(|c| c.slug()).collect();
    let mut unknown = vec!["pie"];
    unknown.extend(&slugs);
    refused(&["pie"], &unknown);
    refused(
        &["allocation", "--query", "a.treasuries=lots"],
        &["a.treasuries", "not a number"],
    );
    refused(
        &[
            "allocation",
            "--query",
            "a.treasuries=60&a.direct=-4&step=99",
        ],
        &["a.direct", "step", "2 problems"],
    );
    refused(
        &["allocation", "--query", "a.treasurie=60"],
        &["a.treasurie", "not a parameter"],
    );
    refused(&["allocation", "--query", "theme=sepia"], &["theme"]);
    refused(
        &["allocation", "--width", "100"],
        &["--width", "100", "280", "1600"],
    );
    refused(&["allocation", "--width", "wide"], &["--width", "wide"]);
    refused(&["allocation", "--scale", "8"], &["--scale", "8"]);
    refused(
        &["allocation", "--format", "gif"],
        &["gif", "svg, png, csv, json"],
    );
    refused(&["allocation", "--theme", "auto"], &["auto", "light, dark"]);
    refused(&["allocation", "--frobnicate"], &["--frobnicate"]);
    refused(&[], &["which chart"]);
}

#[test]
fn an_unwritable_out_fails_with_status_1() {
    let dir = scratch("unwritable");
    let out = dir.join("missing-dir").join("x.svg");
    let o = run(&["waffle", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("could not write") && err.contains("x.svg"),
        "{err}"
    );
}
