//! The page's markup: Leptos components rendered to HTML at build time (server-side rendering
//! only; `crates/fund-site` renders them) for every language, page and embed page.
//!
//! The components are views of plain data ([`PageCtx`]): the reader's model at the default
//! state, the derived figures, the language and the page's place in the site. They draw every
//! word, chart, table and control the reader sees before any script runs. In the browser, the
//! client (the `japan-fund-explainer` package) takes the same elements over, found by the hooks
//! both sides take from [`fund_view::hooks`], and keeps them in step with the reader's numbers,
//! using the same plain functions ([`fund_view::charts`], [`fund_view::controls`],
//! [`fund_view::live`], …) that drew them here.
//!
//! Architecture invariant: this crate knows nothing about the DOM or the browser client. It
//! depends on no `web-sys` (`crates/fund-site/tests/deps.rs` checks the dependency tree), and the
//! client does not depend on it.

#![recursion_limit = "256"]

pub mod chart;
pub mod claims;
pub mod context;
pub mod controls;
pub mod dialog;
pub mod notices;
pub mod page;
pub mod record;
pub mod references;
pub mod toolbar;
pub mod walkthrough;

pub use context::{ctx, EmbedCtx, PageCtx};
