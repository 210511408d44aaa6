//! Entry point of the explainer's WebAssembly binary: takes the prerendered page over. As
//! `japan-fund-explainer-en` (see Cargo.toml) it is built for the English pages with the `lang-en`
//! feature only (see index.html); the Japanese pages' is `src/bin/japan-fund-explainer-ja.rs`, the
//! same program with `lang-ja`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    japan_fund_explainer::client::start();
}
