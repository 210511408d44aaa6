//! The words and the data behind a chart: caption, one-sentence description,
//! source ids, and the "Show data" table with its CSV download.

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

/// Joins items as English prose: "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
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
    fn escaping() {
        assert_eq!(
            xml_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{7}"), "a b ");
        assert_eq!(
            join_and(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
