//! Japan's $550 billion US fund: an interactive explainer, client-side rendered with Leptos 0.8.
//!
//! The components in [`components`] only connect signals to plain types. The logic lives in the
//! `fund-core` (allocation, derived figures, reader model), `fund-charts` (SVG charts) and
//! `fund-content` (steps, claims, sources) crates, and in this crate's plain modules
//! ([`charts`], [`live`], [`input`], [`theme`], [`views`]), which are tested natively.

pub mod app;
pub mod charts;
pub mod components;
pub mod export;
pub mod input;
pub mod live;
pub mod panic_hook;
pub mod record_view;
pub mod theme;
pub mod url;
pub mod views;

/// Starts the app: installs the panic message, then mounts the page on `<body>`.
pub fn start() {
    panic_hook::install();
    leptos::mount::mount_to_body(app::App);
}
