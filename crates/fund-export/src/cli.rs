//! The `fund-export` command line: a small hand-written parser and the help text.

use crate::{
    chart_slugs, parse_chart, parse_format, parse_lang, parse_scale, parse_theme, parse_width,
    ExportError, ExportRequest, Format, DEFAULT_SCALE, DEFAULT_WIDTH, MAX_SCALE, MAX_WIDTH,
    MIN_SCALE, MIN_WIDTH,
};
use fund_view::charts::ChartId;
use std::path::PathBuf;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Print the help text.
    Help,
    /// Make a file.
    Export {
        /// What to make.
        request: ExportRequest,
        /// Where to write it (`None`: standard output).
        out: Option<PathBuf>,
    },
}

/// The help text: usage, every chart and format, the options and their ranges.
pub fn help() -> String {
    let charts: String = ChartId::ALL
        .iter()
        .map(|c| {
            format!(
                "    {:<14}{} / {}\n",
                c.slug(),
                c.tab_label(fund_core::Lang::En),
                c.tab_label(fund_core::Lang::Ja)
            )
        })
        .collect();
    let formats: String = Format::ALL
        .iter()
        .map(|f| {
            let what = match f {
                Format::Svg => "the chart, the same markup as the page's SVG download",
                Format::Png => "the chart rasterised (needs --out, or a redirected stdout)",
                Format::Csv => "the chart's data table (UTF-8 with a byte-order mark)",
                Format::Json => "the core's figures behind the chart, with sources",
            };
            format!("    {:<14}{what}\n", f.ext())
        })
        .collect();
    format!(
        "fund-export: one of the explainer's charts as a file, for graphics desks and print.\n\
         \n\
         Usage: fund-export <CHART> [--query STATE] [--format svg|png|csv|json] [--width PX]\n\
         \x20                  [--scale N] [--theme light|dark] [--lang en|ja] [--base-url URL]\n\
         \x20                  [--out FILE]\n\
         \n\
         Charts:\n{charts}\n\
         Formats:\n{formats}\n\
         Options:\n\
         \x20 -q, --query STATE   the page's state: the query string its permalinks carry\n\
         \x20                     (`a.treasuries=60&framing=article`, with or without `?`), or a\n\
         \x20                     whole permalink. Default: the page's defaults. A value the page\n\
         \x20                     would refuse, or a parameter it does not know, is an error.\n\
         \x20 -f, --format FMT    svg, png, csv or json. Default: from --out's extension, else svg.\n\
         \x20 -w, --width PX      the layout width in CSS px, {MIN_WIDTH}-{MAX_WIDTH} (default {DEFAULT_WIDTH}; the page\n\
         \x20                     lays charts out at 360 on phones and 640 on wider screens). It\n\
         \x20                     sets the SVG's view box and where labels go, not a pixel size.\n\
         \x20     --scale N       PNG only: pixels per CSS px, {MIN_SCALE}-{MAX_SCALE} (default {DEFAULT_SCALE}, as the page's\n\
         \x20                     PNG download). The PNG is width x N pixels wide: 1280 at the\n\
         \x20                     defaults; 2560 with --scale 4.\n\
         \x20     --theme THEME   light or dark. Default: the state's `theme` (auto is drawn light).\n\
         \x20     --lang LANG     en or ja: the language of the chart's words, tables and JSON.\n\
         \x20                     Default: the state's `lang`, else en.\n\
         \x20     --base-url URL  JSON only: where the recorded permalink points, e.g.\n\
         \x20                     https://example.org/japan-fund/ (default: the query alone).\n\
         \x20 -o, --out FILE      write to FILE (atomically: a failure leaves nothing behind).\n\
         \x20                     Default: standard output.\n\
         \x20 -h, --help          this text.\n\
         \n\
         Text in PNGs is set in DejaVu Sans, and Japanese in a subset of Noto Sans CJK JP, both\n\
         shipped with this command (no system font is used).\n\
         Exit status: 0 written; 2 a bad request (chart, state, option), nothing written;\n\
         1 drawing or writing failed, nothing written.\n\
         \n\
         Example:\n\
         \x20 fund-export allocation --query 'a.treasuries=60' --format png --out allocation.png\n"
    )
}

/// Takes an option's value: from `--opt=value`, or the next argument.
fn value(
    name: &str,
    inline: Option<String>,
    rest: &mut impl Iterator<Item = String>,
) -> Result<String, ExportError> {
    inline
        .or_else(|| rest.next())
        .ok_or_else(|| ExportError::Usage(format!("{name} needs a value")))
}

fn once(slot: &mut Option<String>, name: &str, v: String) -> Result<(), ExportError> {
    if slot.replace(v).is_some() {
        return Err(ExportError::Usage(format!("{name} is given twice")));
    }
    Ok(())
}

/// Reads the arguments (without the program name). `--help` anywhere wins.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, ExportError> {
    let mut args = args.into_iter();
    let (mut chart, mut query, mut format, mut width, mut scale, mut theme, mut base, mut out) =
        (None, None, None, None, None, None, None, None);
    let mut lang = None;
    let mut help_asked = false;
    let mut only_positional = false;
    while let Some(arg) = args.next() {
        if only_positional || !arg.starts_with('-') || arg == "-" {
            if chart.is_some() {
                return Err(ExportError::Usage(format!(
                    "one chart at a time (“{arg}” is one too many)"
                )));
            }
            chart = Some(arg);
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match name.as_str() {
            "-h" | "--help" => help_asked = true,
            "-q" | "--query" => once(&mut query, "--query", value(&name, inline, &mut args)?)?,
            "-f" | "--format" => once(&mut format, "--format", value(&name, inline, &mut args)?)?,
            "-w" | "--width" => once(&mut width, "--width", value(&name, inline, &mut args)?)?,
            "--scale" => once(&mut scale, "--scale", value(&name, inline, &mut args)?)?,
            "--theme" => once(&mut theme, "--theme", value(&name, inline, &mut args)?)?,
            "--lang" => once(&mut lang, "--lang", value(&name, inline, &mut args)?)?,
            "--base-url" => once(&mut base, "--base-url", value(&name, inline, &mut args)?)?,
            "-o" | "--out" => once(&mut out, "--out", value(&name, inline, &mut args)?)?,
            _ => return Err(ExportError::Usage(format!("unknown option “{name}”"))),
        }
    }
    if help_asked {
        return Ok(Command::Help);
    }
    let chart = chart.ok_or_else(|| {
        ExportError::Usage(format!(
            "which chart? give one of: {}",
            chart_slugs().join(", ")
        ))
    })?;
    let chart = parse_chart(&chart)?;
    let out = out.map(PathBuf::from);
    let format = match format {
        Some(f) => parse_format(&f)?,
        None => out
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .and_then(|e| parse_format(e).ok())
            .unwrap_or(Format::Svg),
    };
    let mut request = ExportRequest::new(chart, format);
    if let Some(q) = query {
        request.state = q;
    }
    if let Some(w) = width {
        request.width = parse_width(&w)?;
    }
    if let Some(s) = scale {
        request.scale = parse_scale(&s)?;
    }
    if let Some(t) = theme {
        request.theme = Some(parse_theme(&t)?);
    }
    if let Some(b) = base {
        request.base_url = b;
    }
    if let Some(l) = lang {
        request.lang = Some(parse_lang(&l)?);
    }
    Ok(Command::Export { request, out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fund_charts::Theme;

    fn args(s: &[&str]) -> Result<Command, ExportError> {
        parse(s.iter().map(|a| a.to_string()))
    }

    #[test]
    fn defaults() {
        let Command::Export { request, out } = args(&["waffle"]).unwrap() else {
            panic!()
        };
        assert_eq!(request, ExportRequest::new(ChartId::Waffle, Format::Svg));
        assert_eq!(out, None);
    }

    #[test]
    fn every_option_in_both_spellings() {
        let Command::Export { request, out } = args(&[
            "--query=a.treasuries=60",
            "income",
            "-f",
            "json",
            "--width",
            "360",
            "--scale=3",
            "--theme",
            "dark",
            "--base-url",
            "https://e.org/",
            "-o",
            "x.png",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(request.chart, ChartId::Income);
        assert_eq!(request.state, "a.treasuries=60");
        assert_eq!(request.format, Format::Json);
        assert_eq!((request.width, request.scale), (360, 3));
        assert_eq!(request.theme, Some(Theme::Dark));
        assert_eq!(request.base_url, "https://e.org/");
        assert_eq!(out, Some(PathBuf::from("x.png")));
    }

    #[test]
    fn the_format_follows_the_out_file() {
        let Command::Export { request, .. } = args(&["waffle", "--out", "w.PNG"]).unwrap() else {
            panic!()
        };
        assert_eq!(request.format, Format::Png);
        let Command::Export { request, .. } = args(&["waffle", "--out", "w.txt"]).unwrap() else {
            panic!()
        };
        assert_eq!(request.format, Format::Svg);
    }

    #[test]
    fn help_wins_and_lists_everything() {
        assert_eq!(args(&["nonsense", "--help"]).unwrap(), Command::Help);
        assert_eq!(args(&["-h"]).unwrap(), Command::Help);
        let h = help();
        for c in ChartId::ALL {
            assert!(h.contains(c.slug()), "{}", c.slug());
        }
        for f in Format::ALL {
            assert!(h.contains(f.ext()), "{}", f.ext());
        }
    }

    #[test]
    fn mistakes_are_named() {
        let cases: &[(&[&str], &str)] = &[
            (&[], "which chart"),
            (&["pie"], "unknown chart “pie”"),
            (&["waffle", "income"], "one chart at a time"),
            (&["waffle", "--width"], "--width needs a value"),
            (&["waffle", "--width", "10"], "--width “10”"),
            (&["waffle", "--scale", "9"], "--scale “9”"),
            (&["waffle", "--format", "gif"], "unknown format “gif”"),
            (&["waffle", "--theme", "auto"], "unknown theme “auto”"),
            (&["waffle", "--colour", "red"], "unknown option “--colour”"),
            (&["waffle", "-q", "a", "-q", "b"], "--query is given twice"),
        ];
        for (a, expected) in cases {
            let e = args(a).unwrap_err().to_string();
            assert!(e.contains(expected), "{a:?}: {e}");
        }
    }
}
