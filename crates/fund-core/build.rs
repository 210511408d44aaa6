//! Turns the core's data into Rust at build time, so the WebAssembly carries no JSON reader:
//!
//! - `i18n/en.json` and `i18n/ja.json` (every reader-facing string, one table per language)
//!   become `fund_core::msg`: one function per string, so a binary links only the strings it
//!   uses, and a missing key or placeholder is a compile error where it is used;
//! - `data/framings.json` becomes the built-in framings' raw values (validated at first use,
//!   exactly as `Framing::from_json` validates JSON).
//!
//! A table that breaks the rules (`i18n/check.rs`) fails the build with one line per problem.
//!
//! The features `lang-en` and `lang-ja` choose the languages written into the code (both by
//! default). With one, every generated function answers in that language whatever it is asked
//! for, and the other language's text is not in the generated code at all: each page's
//! WebAssembly carries its own language only.

use std::fmt::Write as _;
use std::path::PathBuf;

include!("i18n/check.rs");

const RESERVED: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

fn ident(s: &str) -> String {
    if ["self", "super", "crate"].contains(&s) {
        panic!("i18n: “{s}” cannot be used as a key or placeholder name");
    }
    if RESERVED.contains(&s) {
        format!("r#{s}")
    } else {
        s.to_string()
    }
}

fn read_json(path: &str) -> serde_json::Value {
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not valid JSON: {e}"))
}

#[derive(Default)]
struct Module {
    items: Vec<String>,
    children: std::collections::BTreeMap<String, Module>,
}

fn pieces_code(s: &str, args: &[String]) -> String {
    let mut out = String::from("&[");
    for p in i18n_pieces(s, args) {
        match p {
            I18nPiece::Text(t) => write!(out, "P::T({t:?}),").unwrap(),
            I18nPiece::Arg(i) => write!(out, "P::A({i}),").unwrap(),
        }
    }
    out.push(']');
    out
}

/// The languages this build holds, from the crate's features.
#[derive(Clone, Copy)]
struct Langs {
    en: bool,
    ja: bool,
}

impl Langs {
    fn from_features() -> Langs {
        let on = |f: &str| std::env::var_os(format!("CARGO_FEATURE_{f}")).is_some();
        let langs = Langs {
            en: on("LANG_EN"),
            ja: on("LANG_JA"),
        };
        if !langs.en && !langs.ja {
            panic!("fund-core: enable at least one language feature (lang-en, lang-ja)");
        }
        langs
    }

    fn both(self) -> bool {
        self.en && self.ja
    }

    /// A text given in both languages, as this build holds it: `(the one language's name, its
    /// text)` when it holds one.
    fn only<'a>(self, en: &'a str, ja: &'a str) -> (&'static str, &'a str) {
        if self.en {
            ("English", en)
        } else {
            ("Japanese", ja)
        }
    }
}

/// The code choosing among per-language expressions (`(variant, code)`): the one expression when
/// the build holds one language, else a `match` on the language `l`.
fn by_lang(codes: &[(&str, String)]) -> String {
    match codes {
        [(_, one)] => one.clone(),
        _ => {
            let arms: String = codes
                .iter()
                .map(|(v, c)| format!("crate::lang::Lang::{v} => {c}, "))
                .collect();
            format!("match l {{ {arms}}}")
        }
    }
}

/// One string's function. A one-language build accepts the language (callers stay the same) and
/// answers in the language it holds; the other language's text is not written.
fn item(e: &I18nEntry, name: &str, langs: Langs) -> String {
    let held: Vec<(&str, &str)> = [
        ("En", e.en.as_str(), langs.en),
        ("Ja", e.ja.as_str(), langs.ja),
    ]
    .into_iter()
    .filter(|(_, _, on)| *on)
    .map(|(v, t, _)| (v, t))
    .collect();
    let (doc, l) = if langs.both() {
        (format!("English: {:?}", e.en), "l")
    } else {
        let (which, text) = langs.only(&e.en, &e.ja);
        (
            format!("{which}: {text:?} (this build holds {which} only)"),
            "_",
        )
    };
    if e.args.is_empty() {
        let codes: Vec<(&str, String)> = held.iter().map(|(v, t)| (*v, format!("{t:?}"))).collect();
        format!(
            "#[doc = {doc:?}]\n#[inline]\npub fn {name}({l}: crate::lang::Lang) -> &'static str {{ {} }}\n",
            by_lang(&codes)
        )
    } else {
        let params: Vec<String> = e
            .args
            .iter()
            .map(|a| format!("{}: &str", ident(a)))
            .collect();
        let values: Vec<String> = e.args.iter().map(|a| ident(a)).collect();
        let codes: Vec<(&str, String)> = held
            .iter()
            .map(|(v, t)| (*v, pieces_code(t, &e.args)))
            .collect();
        format!(
            "#[doc = {doc:?}]\npub fn {name}({l}: crate::lang::Lang, {}) -> String {{ use crate::msg::Piece as P; crate::msg::fill({}, &[{}]) }}\n",
            params.join(", "),
            by_lang(&codes),
            values.join(", ")
        )
    }
}

fn emit(m: &Module, path: &str, out: &mut String) {
    for i in &m.items {
        out.push_str(i);
    }
    for (name, child) in &m.children {
        let doc = format!("Strings under `{path}{name}`.");
        writeln!(out, "#[doc = {doc:?}]\npub mod {} {{", ident(name)).unwrap();
        emit(child, &format!("{path}{name}."), out);
        out.push_str("}\n");
    }
}

fn messages(out_dir: &std::path::Path, langs: Langs) {
    let en = read_json("i18n/en.json");
    let ja = read_json("i18n/ja.json");
    println!("cargo:rerun-if-changed=i18n/check.rs");
    let entries = match i18n_check(&en, &ja) {
        Ok(e) => e,
        Err(problems) => {
            for p in &problems {
                println!("cargo:warning=i18n: {p}");
            }
            panic!(
                "i18n: {} problem(s) in crates/fund-core/i18n/:\n{}",
                problems.len(),
                problems.join("\n")
            );
        }
    };
    let mut root = Module::default();
    for e in &entries {
        let parts: Vec<&str> = e.key.split('.').collect();
        let (last, dirs) = parts.split_last().expect("keys are not empty");
        let mut m = &mut root;
        for d in dirs {
            m = m.children.entry((*d).to_string()).or_default();
        }
        m.items.push(item(e, &ident(last), langs));
    }
    let mut code =
        String::from("// Generated by build.rs from i18n/en.json and i18n/ja.json. Do not edit.\n");
    emit(&root, "", &mut code);
    std::fs::write(out_dir.join("msg.rs"), code).expect("write msg.rs");
}

fn text(v: &serde_json::Value, what: &str, langs: Langs) -> String {
    let en = v.get("en").and_then(|x| x.as_str());
    let ja = v.get("ja").and_then(|x| x.as_str());
    match (en, ja) {
        // A one-language build leaves the other language empty (`Text::get` answers in the
        // language the build holds).
        (Some(en), Some(ja)) => format!(
            "g_text({:?}, {:?})",
            if langs.en { en } else { "" },
            if langs.ja { ja } else { "" }
        ),
        _ => panic!("data/framings.json: {what} must be {{\"en\": \"…\", \"ja\": \"…\"}}"),
    }
}

fn string(v: &serde_json::Value, what: &str) -> String {
    match v.as_str() {
        Some(s) => format!("{s:?}.to_string()"),
        None => panic!("data/framings.json: {what} must be a string"),
    }
}

fn decimal(v: &serde_json::Value, what: &str) -> String {
    match v.as_str() {
        Some(s) => format!("{s:?}"),
        None => panic!("data/framings.json: {what} must be a decimal written as a string"),
    }
}

fn strings(v: &serde_json::Value, what: &str) -> String {
    let items: Vec<String> = v
        .as_array()
        .unwrap_or_else(|| panic!("data/framings.json: {what} must be a list of strings"))
        .iter()
        .map(|x| string(x, what))
        .collect();
    format!("vec![{}]", items.join(", "))
}

fn framings(out_dir: &std::path::Path, langs: Langs) {
    let data = read_json("data/framings.json");
    let list = data
        .as_array()
        .expect("data/framings.json must be a list of framings");
    let mut code = String::from("// Generated by build.rs from data/framings.json. Do not edit.\nfn generated_raw() -> Vec<RawFraming> {\n    vec![\n");
    for f in list {
        let id = f["id"].as_str().unwrap_or("");
        let what = |field: &str| format!("framing “{id}”: {field}");
        let id_code = match id {
            "article" => "FramingId::Article",
            "record" => "FramingId::Record",
            other => panic!("data/framings.json: unknown framing id “{other}”"),
        };
        let mut buckets = String::new();
        for b in f["buckets"]
            .as_array()
            .unwrap_or_else(|| panic!("{}", what("buckets")))
        {
            let bid = b["id"].as_str().unwrap_or("");
            let bw = |field: &str| format!("framing “{id}”, bucket “{bid}”: {field}");
            let role = match b["role"].as_str().unwrap_or("") {
                "treasuries" => "BucketRole::Treasuries",
                "direct" => "BucketRole::Direct",
                "remainder_first" => "BucketRole::RemainderFirst",
                "remainder_second" => "BucketRole::RemainderSecond",
                other => panic!("data/framings.json: {}: unknown role “{other}”", bw("role")),
            };
            let range = if b["range"].is_null() {
                "None".to_string()
            } else {
                format!(
                    "Some(g_range({}, {}))",
                    decimal(&b["range"]["low"], &bw("range.low")),
                    decimal(&b["range"]["high"], &bw("range.high"))
                )
            };
            let y = &b["yield"];
            writeln!(
                buckets,
                "            RawBucket {{ id: {}, label: {}, short_label: {}, role: {role}, range: {range}, default_share: g_share({}), sources: {}, yield_: RawYield {{ default: g_dec({}), sources: {}, is_assumption: {}, note: {} }} }},",
                string(&b["id"], &bw("id")),
                text(&b["label"], &bw("label"), langs),
                text(&b["short_label"], &bw("short_label"), langs),
                decimal(&b["default_share"], &bw("default_share")),
                strings(&b["sources"], &bw("sources")),
                decimal(&y["default"], &bw("yield.default")),
                strings(&y["sources"], &bw("yield.sources")),
                y["is_assumption"].as_bool().unwrap_or_else(|| panic!("{}", bw("yield.is_assumption must be true or false"))),
                text(&y["note"], &bw("yield.note"), langs),
            )
            .unwrap();
        }
        write!(
            code,
            "        RawFraming {{ id: {id_code}, name: {}, description: {}, total: g_dec({}), total_sources: {}, remainder_note: {}, default_remainder_split: g_share({}), buckets: vec![\n{buckets}        ] }},\n",
            text(&f["name"], &what("name"), langs),
            text(&f["description"], &what("description"), langs),
            decimal(&f["total"], &what("total")),
            strings(&f["total_sources"], &what("total_sources")),
            text(&f["remainder_note"], &what("remainder_note"), langs),
            decimal(&f["default_remainder_split"], &what("default_remainder_split")),
        )
        .unwrap();
    }
    code.push_str("    ]\n}\n");
    std::fs::write(out_dir.join("framings_data.rs"), code).expect("write framings_data.rs");
}

fn main() {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let langs = Langs::from_features();
    messages(&out_dir, langs);
    framings(&out_dir, langs);
}
