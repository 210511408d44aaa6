//! Entry point of the explainer's WebAssembly binary: takes the prerendered page over.

fn main() {
    #[cfg(target_arch = "wasm32")]
    japan_fund_explainer::client::start();
}
