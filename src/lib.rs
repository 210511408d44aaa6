//! Japan's $550 billion US fund: the explainer's browser client, the WebAssembly Trunk builds.
//!
//! The page is written at build time (`fund-page`'s components, rendered by `crates/fund-site`):
//! every word, chart, table and control at the default state. In the browser, [`client`] takes
//! those elements over, found through `fund_view::hooks`, and keeps them in step with the
//! reader's numbers, calling the same plain functions of `fund-view` that drew them.
//!
//! Architecture invariant: this is the only crate that depends on `web-sys`, `wasm-bindgen`,
//! `js-sys` and `reactive_graph`; it never depends on the components (`fund-page`).

pub mod client;
