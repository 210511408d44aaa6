//! Entry point of the Japanese pages' WebAssembly: the same program as `src/main.rs` (the English
//! pages'), built with the `lang-ja` feature only (see index.html), so it holds Japanese strings
//! only.

fn main() {
    #[cfg(target_arch = "wasm32")]
    japan_fund_explainer::client::start();
}
