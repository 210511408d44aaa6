//! Prints the main reading path of the explainer (what a reader meets with every disclosure
//! shut, without charts, tables and navigation) and its length, for editors trimming the text:
//! `cargo run -p fund-site --example main_path -- en|ja`.

fn main() {
    let lang = match std::env::args().nth(1).as_deref() {
        Some("ja") => fund_core::Lang::Ja,
        _ => fund_core::Lang::En,
    };
    let text = fund_site::reading::main_path_text(&fund_site::render_body(lang, None));
    print!("{text}");
    eprintln!(
        "{} words, {} characters",
        fund_site::reading::word_count(&text),
        fund_site::reading::char_count(&text)
    );
}
