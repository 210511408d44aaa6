//! Every reader-facing string, in every language: generated at build time from
//! `crates/fund-core/i18n/en.json` and `ja.json` (see `build.rs` and `i18n/check.rs` for the
//! rules the tables follow).
//!
//! Each string is a function of the language, e.g. `msg::chart::show_data(lang)`; a string with
//! placeholders takes them as arguments, already formatted for that language, e.g.
//! `msg::page::step_of(lang, "3", "9")`. English is the reference text.

#![allow(missing_docs)]

/// A piece of a compiled template.
#[derive(Debug, Clone, Copy)]
pub enum Piece {
    /// Literal text.
    T(&'static str),
    /// The argument at this index.
    A(usize),
}

/// Fills a compiled template with its arguments.
pub fn fill(pieces: &[Piece], args: &[&str]) -> String {
    let mut len = 0;
    for p in pieces {
        len += match p {
            Piece::T(t) => t.len(),
            Piece::A(i) => args.get(*i).map_or(0, |a| a.len()),
        };
    }
    let mut out = String::with_capacity(len);
    for p in pieces {
        match p {
            Piece::T(t) => out.push_str(t),
            Piece::A(i) => out.push_str(args.get(*i).copied().unwrap_or("")),
        }
    }
    out
}

include!(concat!(env!("OUT_DIR"), "/msg.rs"));

#[cfg(test)]
mod tests {
    include!("../i18n/check.rs");

    fn table(name: &str) -> serde_json::Value {
        let path = format!("{}/i18n/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    #[test]
    fn the_tables_have_the_same_keys_no_empty_strings_and_the_same_placeholders() {
        let entries = i18n_check(&table("en.json"), &table("ja.json"))
            .unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
        assert!(entries.len() > 50, "{} strings", entries.len());
    }

    #[test]
    fn the_checker_names_each_kind_of_problem() {
        let en = serde_json::json!({"a": {"b": "Step {n} of {total}", "c": "x"}, "d": "y"});
        let ja = serde_json::json!({"a": {"b": "{total}中{m}", "c": " "}, "e": "z"});
        let problems = i18n_check(&en, &ja).err().unwrap().join("\n");
        assert!(
            problems.contains("ja.json: “a.b” has the placeholders"),
            "{problems}"
        );
        assert!(problems.contains("ja.json: “a.c” is empty"), "{problems}");
        assert!(problems.contains("ja.json: “d” is missing"), "{problems}");
        assert!(
            problems.contains("ja.json: “e” is not in en.json"),
            "{problems}"
        );
        let bad = serde_json::json!({"x": "an {unclosed"});
        assert!(i18n_check(&bad, &bad).is_err());
        let bad = serde_json::json!({"Bad-Key": "x"});
        assert!(i18n_check(&bad, &bad).is_err());
    }

    #[test]
    fn templates_fill_in_each_language_order() {
        let args = vec!["n".to_string(), "total".to_string()];
        let ja = i18n_pieces("全{total}ステップ中{n}", &args);
        assert_eq!(
            ja,
            vec![
                I18nPiece::Text("全".into()),
                I18nPiece::Arg(1),
                I18nPiece::Text("ステップ中".into()),
                I18nPiece::Arg(0)
            ]
        );
        use super::Piece as P;
        assert_eq!(
            super::fill(&[P::T("全"), P::A(1), P::T("中"), P::A(0)], &["3", "9"]),
            "全9中3"
        );
    }
}
