//! The explainer's view models: the API boundary between the logic crates and the two sides that
//! draw the page (the build-time components in `fund-page`, the browser client in the
//! `japan-fund-explainer` package).
//!
//! Everything here is plain data and plain functions, tested natively: [`charts`] (which chart,
//! drawn from the core's figures), [`controls`] (the controls' words and values), [`live`]
//! (numbers in the text), [`record_view`], [`export`] (files, embed URLs and snippets), [`url`],
//! [`input`], [`theme`], [`layout`], [`views`], [`fingerprint`] (fingerprints of drawn layers and words),
//! and [`hooks`], the page's DOM contract (test ids, `data-*` attributes, classes, ids and the
//! [`hooks::Action`] a button asks for) that the components write and the client finds.
//!
//! Architecture invariant: this crate knows nothing about Leptos, HTML rendering or the DOM. It
//! depends on no `leptos`, `web-sys`, `wasm-bindgen` or `js-sys` (`crates/fund-site/tests/deps.rs`
//! checks the dependency tree).

#![deny(missing_docs)]

pub mod charts;
pub mod controls;
pub mod export;
pub mod fingerprint;
pub mod hooks;
pub mod input;
pub mod layout;
pub mod live;
pub mod record_view;
pub mod theme;
pub mod url;
pub mod views;
