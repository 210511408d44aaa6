//! Japan's $550 billion US fund: an interactive explainer, in English and Japanese.
//!
//! The page is written at build time: the [`components`] (Leptos, rendered to HTML natively by
//! `crates/fund-site` with the `ssr` feature) draw every word, chart, table and control at the
//! default state. In the browser, the WebAssembly `client` module (built for wasm32 only) takes those elements over and keeps
//! them in step with the reader's numbers. Both use the same plain modules, tested natively:
//! [`charts`] (which chart, drawn from the core's figures), [`controls`] (the controls' words and
//! values), [`live`] (numbers in the text), [`record_view`], [`export`], [`url`], [`input`],
//! [`theme`], [`views`] and [`svgpatch`]. The logic lives in the `fund-core` (allocation,
//! derived figures, reader model, formatting, every reader-facing string), `fund-charts` (SVG
//! charts) and `fund-content` (steps, claims, sources) crates.

#![recursion_limit = "256"]

pub mod charts;
pub mod controls;
pub mod export;
pub mod input;
pub mod layout;
pub mod live;
pub mod record_view;
pub mod svgpatch;
pub mod theme;
pub mod url;
pub mod views;

#[cfg(feature = "ssr")]
pub mod components;

#[cfg(target_arch = "wasm32")]
pub mod client;
