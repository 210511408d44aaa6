//! Entry point of the explainer's WebAssembly binary.

fn main() {
    japan_fund_explainer::start();
}
