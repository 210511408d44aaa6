// The rules every language table follows, shared by the build script (which turns the tables
// into `fund_core::msg`) and the tests (which report every problem at once). Included with
// `include!`, so it only uses std and serde_json.
//
// A table is a JSON object whose leaves are strings; nested objects are sections. A key path
// such as `chart.show_data` becomes the function `msg::chart::show_data`. A string may hold
// placeholders `{name}` (lowercase letters, digits, underscores); the English table is the
// reference, and every other table must have exactly its keys, no empty string, and the same
// placeholders in each string (in any order).

/// One string of the tables, in every language, with its placeholders (in the English order).
#[allow(dead_code)]
pub struct I18nEntry {
    /// Dotted key path, e.g. `chart.show_data`.
    pub key: String,
    /// The English string.
    pub en: String,
    /// The Japanese string.
    pub ja: String,
    /// Placeholder names in the order they first appear in the English string.
    pub args: Vec<String>,
}

/// A piece of a template: literal text, or the placeholder at an argument index.
#[allow(dead_code)]
#[derive(Debug, PartialEq)]
pub enum I18nPiece {
    Text(String),
    Arg(usize),
}

fn i18n_is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The placeholders of `s` in order of first appearance; an error for a stray brace.
pub fn i18n_placeholders(s: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("has a “}” with no “{” before it".to_string());
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err("has a “{” that is never closed".to_string());
        };
        let name = &after[..close];
        if !i18n_is_ident(name) {
            return Err(format!(
                "has the placeholder “{{{name}}}”; names are lowercase letters, digits and underscores"
            ));
        }
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// Splits `s` into literal text and placeholders, numbered by their index in `args`.
#[allow(dead_code)]
pub fn i18n_pieces(s: &str, args: &[String]) -> Vec<I18nPiece> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(I18nPiece::Text(rest[..open].to_string()));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        let index = args.iter().position(|a| a == name).unwrap_or(0);
        out.push(I18nPiece::Arg(index));
        rest = after.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(I18nPiece::Text(rest.to_string()));
    }
    out
}

fn i18n_flatten(
    value: &serde_json::Value,
    prefix: &str,
    file: &str,
    out: &mut Vec<(String, String)>,
    problems: &mut Vec<String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if !i18n_is_ident(k) {
                    problems.push(format!(
                        "{file}: key “{prefix}{k}” is not lowercase letters, digits and underscores"
                    ));
                    continue;
                }
                i18n_flatten(v, &format!("{prefix}{k}."), file, out, problems);
            }
        }
        serde_json::Value::String(s) => {
            out.push((prefix.trim_end_matches('.').to_string(), s.clone()));
        }
        _ => problems.push(format!(
            "{file}: “{}” must be a string or a section of strings",
            prefix.trim_end_matches('.')
        )),
    }
}

/// Checks the English and Japanese tables against each other and returns their entries, or every
/// problem found (each naming the file and the key).
pub fn i18n_check(
    en: &serde_json::Value,
    ja: &serde_json::Value,
) -> Result<Vec<I18nEntry>, Vec<String>> {
    let mut problems = Vec::new();
    let (mut en_flat, mut ja_flat) = (Vec::new(), Vec::new());
    if !en.is_object() || !ja.is_object() {
        return Err(vec!["each language table must be a JSON object".to_string()]);
    }
    i18n_flatten(en, "", "en.json", &mut en_flat, &mut problems);
    i18n_flatten(ja, "", "ja.json", &mut ja_flat, &mut problems);
    let mut entries = Vec::new();
    for (key, en_text) in &en_flat {
        if en_text.trim().is_empty() {
            problems.push(format!("en.json: “{key}” is empty"));
        }
        let args = match i18n_placeholders(en_text) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!("en.json: “{key}” {e}"));
                continue;
            }
        };
        let Some((_, ja_text)) = ja_flat.iter().find(|(k, _)| k == key) else {
            problems.push(format!("ja.json: “{key}” is missing (it is in en.json)"));
            continue;
        };
        if ja_text.trim().is_empty() {
            problems.push(format!("ja.json: “{key}” is empty"));
        }
        match i18n_placeholders(ja_text) {
            Ok(mut ja_args) => {
                let mut want = args.clone();
                want.sort();
                ja_args.sort();
                if want != ja_args {
                    problems.push(format!(
                        "ja.json: “{key}” has the placeholders {ja_args:?}, but en.json has {want:?}"
                    ));
                }
            }
            Err(e) => problems.push(format!("ja.json: “{key}” {e}")),
        }
        entries.push(I18nEntry {
            key: key.clone(),
            en: en_text.clone(),
            ja: ja_text.clone(),
            args,
        });
    }
    for (key, _) in &ja_flat {
        if !en_flat.iter().any(|(k, _)| k == key) {
            problems.push(format!("ja.json: “{key}” is not in en.json"));
        }
    }
    // A key that is both a string and a section would make two items of one name.
    for (key, _) in &en_flat {
        let section = format!("{key}.");
        if en_flat.iter().any(|(k, _)| k.starts_with(&section)) {
            problems.push(format!("en.json: “{key}” is both a string and a section"));
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}
