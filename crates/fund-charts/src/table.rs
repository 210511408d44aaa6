//! The words and the data behind a chart: caption, one-sentence description,
//! source ids, and the "Show data" table with its CSV download.

use fund_core::Lang;

/// The text that goes with a chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartText {
    /// A short heading shown above the chart.
    pub caption: String,
    /// One sentence, generated from the numbers, that says what the chart
    /// shows. It is the SVG's accessible name (`<title>`).
    pub description: String,
    /// Ids of the sources (in the content crate's `sources.json`) behind the figures.
    pub source_ids: Vec<String>,
}

/// A plain table of the figures a chart draws, every cell already formatted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataTable {
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    /// The table as CSV (RFC 4180: CRLF line ends, fields quoted when they
    /// hold a comma, quote, CR or LF, quotes doubled). A field that begins
    /// with `=`, `+`, `-`, `@` (or a tab or CR) gets a leading apostrophe so a
    /// spreadsheet does not run it as a formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        push_csv_row(&mut out, &self.columns);
        for row in &self.rows {
            push_csv_row(&mut out, row);
        }
        out
    }
}

fn push_csv_row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(cell));
    }
    out.push_str("\r\n");
}

/// One CSV field, guarded against formula injection and quoted if needed.
pub fn csv_field(value: &str) -> String {
    let guarded = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Escapes text for XML content or attribute values, and replaces characters
/// XML 1.0 does not allow (most control characters) with a space.
pub fn xml_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(xml_safe_char(c)),
        }
    }
    out
}

/// Replaces a character XML 1.0 cannot hold (control characters, lone
/// surrogates cannot occur in Rust strings) with a space.
pub(crate) fn xml_safe_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => ' ',
        c => c,
    }
}

/// A label made safe for plotters' text drawing: one line, no control characters.
/// (plotters' SVG backend escapes `<`, `>`, `&`, `"` and `'` itself.)
pub(crate) fn clean_label(value: &str) -> String {
    value.chars().map(xml_safe_char).collect()
}

/// Joins items as prose: "a", "a and b", "a, b and c"; in Japanese "a、b、c".
pub(crate) fn join_and(items: &[String], lang: Lang) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::En, [init @ .., last]) => format!("{} and {}", init.join(", "), last),
        (Lang::Ja, all) => all.join("、"),
    }
}

/// Latin words that Japanese text may hold: acronyms, units and names as Japanese media write
/// them.
pub const LATIN_IN_JAPANESE: &[&str] = &[
    "SMR",
    "IEEPA",
    "FRB",
    "CRS",
    "FT",
    "CNBC",
    "NHK",
    "AFP",
    "AP",
    "IFDP",
    "BEA",
    "DeepNewz",
    "US",
    "JBIC",
    "NEXI",
    "MBS",
    "ETF",
    "GDP",
    "bp",
    "TIC",
    "Fed",
    "AI",
    "LNG",
    "GW",
    "MOU",
    "SVG",
    "PNG",
    "CSV",
    "JSON",
    "HTML",
    "CSS",
    "URL",
    "JavaScript",
    "WebAssembly",
    "pym",
    "js",
    "AMP",
    "USD",
    "JPY",
    "GPIF",
    "QE",
    "Beltran",
    "et",
    "al",
    "KC",
    "ja",
    "en",
    "article",
    "record",
    "auto",
    "light",
    "dark",
    "buy",
    "sell",
    "all",
    "compact",
    "none",
    "iframe",
];

/// Words that keep their capital in the middle of a sentence (names, not common words).
pub const PROPER_WORDS: &[&str] = &[
    "Japan",
    "Japan's",
    "Japan’s",
    "Japanese",
    "Treasury",
    "Treasuries",
    "Trump",
    "Akazawa",
    "Tokyo",
    "Washington",
    "Ohio",
    "Texas",
    "Georgia",
    "Tennessee",
    "Alabama",
    "Beltran",
    "Kansas",
    "Fed",
    "Federal",
    "St",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "QE",
    "MOU",
];

/// Whether a word keeps its capital mid-sentence: a name from [`PROPER_WORDS`], an acronym
/// (two or more capitals, like `US` or `JBIC`), or anything not starting with a letter.
pub fn keeps_capital(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let core = core.trim_end_matches(|c: char| !c.is_alphanumeric());
    match core.chars().next() {
        None => true,
        Some(c) if !c.is_alphabetic() || !c.is_uppercase() => true,
        Some(_) => {
            PROPER_WORDS.contains(&core) || core.chars().filter(|c| c.is_uppercase()).count() >= 2
        }
    }
}

/// A label as it reads inside a sentence: its first letter lowercased, unless the first word
/// is a name or an acronym ("Marketable US Treasury securities" → "marketable US Treasury
/// securities", "Japan's holdings" unchanged).
pub fn mid_sentence(label: &str, lang: Lang) -> String {
    if lang == Lang::Ja {
        return label.to_string();
    }
    let first = label.split_whitespace().next().unwrap_or("");
    if keeps_capital(first) {
        return label.to_string();
    }
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A label prefix said twice in a row, "Assumption: assumption: …" or 「仮定：仮定：…」 (any
/// word followed by a colon and then the same word again, case aside), described; `None` if
/// there is none.
pub fn doubled_prefix(text: &str) -> Option<String> {
    for colon in [':', '：'] {
        let parts: Vec<&str> = text.split(colon).collect();
        // parts[i + 1] is followed by a colon too: a prefix of its own.
        for i in 0..parts.len().saturating_sub(2) {
            let before = parts[i]
                .rsplit(|c: char| c.is_whitespace() || "(（「、。,;".contains(c))
                .next()
                .unwrap_or("")
                .trim();
            if before.chars().any(char::is_alphanumeric)
                && parts[i + 1].trim().eq_ignore_ascii_case(before)
            {
                return Some(format!("doubled prefix “{before}{colon}” in {text:?}"));
            }
        }
    }
    None
}

/// Problems a reader would notice in generated text: a word written twice in a row
/// ("framing framing", "枠組み枠組み"), a common word capitalised after a comma (", This"), and in
/// Japanese text, English words left untranslated (acronyms and names in [`LATIN_IN_JAPANESE`]
/// excepted) or a full stop after a full stop.
pub fn prose_problems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = doubled_prefix(text) {
        out.push(p);
    }
    if text.chars().any(crate::draw::is_wide) {
        let chars: Vec<char> = text.chars().collect();
        for n in 2..=6 {
            for i in 0..chars.len().saturating_sub(2 * n - 1) {
                let (a, b) = (&chars[i..i + n], &chars[i + n..i + 2 * n]);
                if a == b
                    && a.iter()
                        .all(|c| crate::draw::is_wide(*c) && !"、。・ー".contains(*c))
                {
                    out.push(format!(
                        "doubled “{}” in {text:?}",
                        a.iter().collect::<String>()
                    ));
                }
            }
        }
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() > 1 && !LATIN_IN_JAPANESE.contains(&word) {
                out.push(format!("English {word:?} in Japanese text {text:?}"));
            }
        }
        if text.contains("。。") || text.contains("、、") {
            out.push(format!("doubled punctuation in {text:?}"));
        }
        return out;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let clean = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let (a, b) = (clean(pair[0]), clean(pair[1]));
        let alphabetic = a.chars().any(char::is_alphabetic);
        if alphabetic && a == b && !pair[0].ends_with([',', ';', ':', '.']) {
            out.push(format!("doubled word {:?} in {text:?}", pair[1]));
        }
        if pair[0].ends_with(',') && !keeps_capital(pair[1]) {
            out.push(format!("capital after a comma ({:?}) in {text:?}", pair[1]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting_and_guard() {
        let t = DataTable {
            columns: vec!["Bucket".into(), "Amount".into()],
            rows: vec![
                vec!["Treasuries, bills".into(), "$412.5 billion".into()],
                vec!["He said \"hi\"".into(), "line\nbreak".into()],
                vec!["=HYPERLINK(\"x\")".into(), "−$2 billion".into()],
                vec!["+1".into(), "-2".into()],
                vec!["@SUM(A1)".into(), "plain".into()],
            ],
        };
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Bucket,Amount");
        assert_eq!(lines[1], "\"Treasuries, bills\",$412.5 billion");
        assert_eq!(lines[2], "\"He said \"\"hi\"\"\",\"line\nbreak\"");
        assert_eq!(lines[3], "\"'=HYPERLINK(\"\"x\"\")\",−$2 billion");
        assert_eq!(lines[4], "'+1,'-2");
        assert_eq!(lines[5], "'@SUM(A1),plain");
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn mid_sentence_labels_and_prose_checks() {
        assert_eq!(
            mid_sentence("Marketable US Treasury securities outstanding", Lang::En),
            "marketable US Treasury securities outstanding"
        );
        assert_eq!(
            mid_sentence("Japan's holdings", Lang::En),
            "Japan's holdings"
        );
        assert_eq!(mid_sentence("日本の保有額", Lang::Ja), "日本の保有額");
        assert_eq!(
            mid_sentence("US Treasury bonds", Lang::En),
            "US Treasury bonds"
        );
        assert_eq!(
            prose_problems("The article's framing framing").len(),
            1,
            "doubled word"
        );
        assert_eq!(
            prose_problems("On a log scale (ten times the last), This fund's part").len(),
            1,
            "capital after a comma"
        );
        assert!(
            prose_problems("In 2026, Japan and the US, JBIC and $36 billion, 6.5%.").is_empty()
        );
        assert!(prose_problems("from 10, 10 and 20").is_empty());
    }

    #[test]
    fn escaping() {
        assert_eq!(
            xml_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{7}"), "a b ");
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()], Lang::En),
            "a, b and c"
        );
        assert_eq!(
            join_and(&["米国債".into(), "融資".into(), "保証".into()], Lang::Ja),
            "米国債、融資、保証"
        );
        assert!(!prose_problems("記事の枠組み枠組みでは").is_empty());
        assert!(doubled_prefix("Assumption: assumption: a fee").is_some());
        assert!(doubled_prefix("仮定：仮定：保証料").is_some());
        assert!(!prose_problems("Assumption: assumption: a fee").is_empty());
        assert!(doubled_prefix("Assumption: a fee. Note: assumption").is_none());
        assert!(doubled_prefix("仮定：保証料").is_none());
        assert!(!prose_problems("米国債の比率はshareです").is_empty());
        assert!(prose_problems("日本のJBICとNEXIが5500億ドルを融資。").is_empty());
    }
}
