//! Japan's $550 billion US fund: an interactive explainer, rendered with Leptos 0.8.
//!
//! The same components render twice: natively at build time to static HTML (the `ssr` feature,
//! used by the `fund-site` generator), and in the browser, where the app takes over the
//! prerendered page ([`start`]). The components in [`components`] only connect signals to plain
//! types. The logic lives in the `fund-core` (allocation, derived figures, reader model),
//! `fund-charts` (SVG charts) and `fund-content` (steps, claims, sources) crates, and in this
//! crate's plain modules ([`charts`], [`live`], [`input`], [`theme`], [`views`]), which are
//! tested natively.

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
pub mod ctx;
pub mod export;
pub mod input;
pub mod live;
pub mod panic_hook;
pub mod record_view;
pub mod takeover;
pub mod theme;
pub mod url;
pub mod views;

/// Starts the app in a browser: installs the panic message, then renders the page for the
/// current URL and puts it in place of the prerendered one (see [`takeover`]), or mounts it on
/// `<body>` when there is no prerendered page.
pub fn start() {
    panic_hook::install();
    takeover::run();
}
